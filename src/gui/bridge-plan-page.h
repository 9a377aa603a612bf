/* bridge-plan-page.h: the study plan (Tables A and B in recognition groups)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"
#include "bridge-plan.h"
#include "bridge-plan-history.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_PLAN_PAGE (bridge_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (BridgePlanPage, bridge_plan_page, BRIDGE, PLAN_PAGE, AdwBin)

void        bridge_plan_page_set_context (BridgePlanPage *self,
                                          BridgeContext  *context);
void        bridge_plan_page_reload      (BridgePlanPage *self);
BridgePlan *bridge_plan_page_get_plan    (BridgePlanPage *self);
/* NULL until saved or opened */
GFile      *bridge_plan_page_get_file    (BridgePlanPage *self);
gboolean    bridge_plan_page_get_modified (BridgePlanPage *self);
void        bridge_plan_page_new_plan    (BridgePlanPage *self);
/* Shows @plan, a new draft not saved yet (bridge_plan_new_draft_from ()). */
void        bridge_plan_page_open_draft  (BridgePlanPage *self,
                                          BridgePlan     *plan);
gboolean    bridge_plan_page_load        (BridgePlanPage *self,
                                          GFile          *file,
                                          GError        **error);
gboolean    bridge_plan_page_save        (BridgePlanPage *self,
                                          GFile          *file,
                                          GError        **error);
/* Adds @course to Table A, in a group of its own. */
gboolean    bridge_plan_page_add_course  (BridgePlanPage *self,
                                          BridgeCourse   *course,
                                          GError        **error);
/* Adds a group of the host courses @host_ids replacing @home_ids (may be
 * empty: free elective credits), as a decision or a suggestion maps them. */
gboolean    bridge_plan_page_add_mapping (BridgePlanPage     *self,
                                          const char * const *host_ids,
                                          const char * const *home_ids,
                                          GError            **error);
/* Adds home course @course_id to Table B of group @position (as the chooser does). */
gboolean    bridge_plan_page_add_home_course (BridgePlanPage *self,
                                              guint           position,
                                              const char     *course_id,
                                              GError        **error);
/* Removes Table A/B course @course_id of group @position with an Undo toast. */
gboolean    bridge_plan_page_remove      (BridgePlanPage *self,
                                          guint           position,
                                          BridgePlanSide  side,
                                          const char     *course_id);
/* Removes group @position (an empty one) with an Undo toast. */
gboolean    bridge_plan_page_remove_group (BridgePlanPage *self,
                                           guint           position);
/* Undoes (redoes) the last change of the plan; FALSE if there is none. The
 * history follows the plan shown ("history" notifies when it changes). */
gboolean    bridge_plan_page_undo        (BridgePlanPage *self);
/* Takes the catalog's figures for the courses it changed (the warnings'
 * "Use the New Figures"), with a toast to undo it; FALSE when there were
 * none, or when the agreement is approved (a toast says why). */
gboolean    bridge_plan_page_use_new_figures (BridgePlanPage *self);
gboolean    bridge_plan_page_redo        (BridgePlanPage *self);
BridgePlanHistory *bridge_plan_page_get_history (BridgePlanPage *self);
/* Shows @plan (a restored draft: "modified" kept), saved to @file (may be NULL). */
void        bridge_plan_page_set_plan    (BridgePlanPage *self,
                                          BridgePlan     *plan,
                                          GFile          *file);
/* Scrolls to group @position and puts the keyboard focus in it. */
void        bridge_plan_page_show_group  (BridgePlanPage *self,
                                          guint           position);
/* The texts on screen, for tests: "total-host", "total-alliance",
 * "total-ects", "total-home", "total-replaced"; NULL if not shown. */
const char *bridge_plan_page_get_shown   (BridgePlanPage *self,
                                          const char     *what);
guint       bridge_plan_page_get_n_warnings_shown (BridgePlanPage *self);
/* The row of the @index-th warning shown, for tests; NULL past the last. */
GtkWidget  *bridge_plan_page_get_warning_row (BridgePlanPage *self,
                                              guint           index);
/* The last message the page showed about an edit it could not make (a
 * locked agreement …), for tests; NULL if none. */
const char *bridge_plan_page_get_message (BridgePlanPage *self);

G_END_DECLS
