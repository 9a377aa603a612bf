/* bridge-plan-draft.h: the plan being edited, kept for after a crash
 *
 * While a plan has unsaved changes the window keeps a draft of it — the
 * plan file as it would be saved, written atomically by the plan's own
 * writer — and the file it came from. A clean end (saved, or the changes
 * discarded) removes the draft; after a crash the next start finds it and
 * offers to restore it.
 *
 * The draft is DIR/draft.creditplan (a plan file like any other:
 * `credit-bridge-cli plan show` reads it) and DIR/draft.ini, which names
 * the plan file the draft belongs to. DIR is usually
 * bridge_plan_draft_default_dir ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-plan.h"

G_BEGIN_DECLS

/* $XDG_DATA_HOME/credit-bridge/drafts (g_get_user_data_dir (); transfer full). */
char       *bridge_plan_draft_default_dir (void);
/* The draft's plan file in @dir (transfer full). */
char       *bridge_plan_draft_get_path    (const char  *dir);
/* Writes @plan as the draft in @dir (made if missing), with @origin the
 * path of the plan file it belongs to (NULL: not saved yet). Does not
 * change the plan's "modified". */
gboolean    bridge_plan_draft_save        (BridgePlan  *plan,
                                           const char  *dir,
                                           const char  *origin,
                                           GError     **error);
gboolean    bridge_plan_draft_exists      (const char  *dir);
/* Reads the draft in @dir: a plan with "modified" set, and in @origin the
 * path of its plan file (NULL: none). G_IO_ERROR_NOT_FOUND when there is
 * no draft; BRIDGE_ERROR_INVALID_PLAN when it is damaged. (transfer full) */
BridgePlan *bridge_plan_draft_load        (const char  *dir,
                                           char       **origin,
                                           GError     **error);
/* Removes the draft in @dir; no error when there is none. */
gboolean    bridge_plan_draft_discard     (const char  *dir,
                                           GError     **error);

G_END_DECLS
