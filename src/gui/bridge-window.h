/* bridge-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_WINDOW (bridge_window_get_type ())
G_DECLARE_FINAL_TYPE (BridgeWindow, bridge_window, BRIDGE, WINDOW, AdwApplicationWindow)

/* A window of @application over @context, the session's (with its importer,
 * bridge_context_get_importer ()). */
BridgeWindow *bridge_window_new        (GtkApplication    *application,
                                        BridgeContext     *context);
/* Opens the plan in @file, asking first about unsaved changes. */
void          bridge_window_open_plan  (BridgeWindow      *self,
                                        GFile             *file);
/* At start: offers the draft a crash left (bridge-plan-draft.h), or, with
 * @reopen_last, opens the plan that was open at quit. Waits for the catalog. */
void          bridge_window_restore_session (BridgeWindow *self,
                                             gboolean      reopen_last);
/* The page "catalog", "plan", "grades" or "agreement", built if it is not
 * yet (the Agreement page opens a new draft in the Plan page). */
GtkWidget    *bridge_window_get_page   (BridgeWindow      *self,
                                        const char        *name);
/* Chooses the page of the view switcher: "catalog", "plan", "grades". */
void          bridge_window_show_page  (BridgeWindow      *self,
                                        const char        *name);

G_END_DECLS
