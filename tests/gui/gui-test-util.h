/* gui-test-util.h: driving the real widgets of Credit Bridge under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-application.h"
#include "bridge-window-private.h"

G_BEGIN_DECLS

/* A fresh temporary catalog cache (CREDIT_BRIDGE_DB) and default settings. */
void               gui_test_init             (int          *argc,
                                              char       ***argv);
/* The application, started (settings and catalog open), not running a loop. */
BridgeApplication *gui_test_app              (void);
/* A new window of the application at @width × @height, presented. */
BridgeWindow      *gui_test_window           (BridgeApplication *app,
                                              int                width,
                                              int                height);
/* Runs the main loop until @cond (@data) holds or @timeout_ms passes. */
gboolean           gui_test_wait             (gboolean   (*cond) (gpointer data),
                                              gpointer     data,
                                              guint        timeout_ms);
/* Runs the main loop for @ms (lets layout and drawing happen). */
void               gui_test_spin             (guint        ms);
/* Waits until the window is in @state ("welcome", "main" …). */
gboolean           gui_test_wait_state       (BridgeWindow *window,
                                              const char   *state,
                                              guint         timeout_ms);
/* Takes the window through first run (import, welcome) with @home_id. */
void               gui_test_first_run        (BridgeWindow *window,
                                              const char   *home_id);
/* TRUE once the BridgeSearchModel @model has no search running and shows
 * every result as an item (a gui_test_wait() predicate). */
gboolean           gui_test_search_settled   (gpointer      model);
/* Types @text in the catalog search and waits for all the results. */
guint              gui_test_search           (BridgeWindow *window,
                                              const char   *text);
/* Writes what the window shows to @path (PNG). */
void               gui_test_screenshot       (GtkWidget    *widget,
                                              const char   *path);
typedef gboolean (*GuiTestWidgetMatch) (GtkWidget     *widget,
                                        gconstpointer  data);
/* The first descendant of @root that @match takes (depth first), or NULL. */
GtkWidget         *gui_test_find_match       (GtkWidget          *root,
                                              GuiTestWidgetMatch  match,
                                              gconstpointer       data);
/* The first descendant of @root of @type (depth first), or NULL. */
GtkWidget         *gui_test_find             (GtkWidget    *root,
                                              GType         type);
/* Closes and destroys @window, discarding unsaved changes. */
/* The id of the @index-th course (from 0) of @university that @text finds. */
char              *gui_test_find_course      (BridgeApplication *app,
                                              const char        *university,
                                              const char        *text,
                                              guint              index);
void               gui_test_close            (BridgeWindow *window);
/* Real key presses into @window through the X server, as a person types
 * them (xdotool): key names ("Down", "ctrl+d"), or @text typed when @keys
 * is NULL. The window goes on answering meanwhile. */
void               gui_test_press            (BridgeWindow *window,
                                              const char   *keys,
                                              const char   *text);

G_END_DECLS
