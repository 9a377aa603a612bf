/* bridge-replacements-window.h: the catalog asked from the other side
 *
 * "I must still take this course at home: what could I take elsewhere that
 * counts for it?" One of the student's home courses, chosen by search, and
 * what could replace it (bridge_recognize_replacements ()): the register's
 * decisions, then suggestions, each saying at which university and in which
 * term, narrowed by host university, term and the student's languages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_REPLACEMENTS_WINDOW (bridge_replacements_window_get_type ())
G_DECLARE_FINAL_TYPE (BridgeReplacementsWindow, bridge_replacements_window, BRIDGE, REPLACEMENTS_WINDOW, AdwWindow)

/* A window over @parent for the home course @course_id (NULL: chosen in it).
 * "Add to Plan with This Mapping" adds to @parent's plan. */
GtkWidget  *bridge_replacements_window_new        (GtkWindow     *parent,
                                                   BridgeContext *context,
                                                   const char    *course_id);
void        bridge_replacements_window_set_course (BridgeReplacementsWindow *self,
                                                   const char               *course_id);
/* For tests: "search-entry", "courses" (the home courses found), "host-row",
 * "term-row", "languages-switch", "list" (the BridgeRecognitionList),
 * "course-label". */
GtkWidget  *bridge_replacements_window_get_child  (BridgeReplacementsWindow *self,
                                                   const char               *name);

G_END_DECLS
