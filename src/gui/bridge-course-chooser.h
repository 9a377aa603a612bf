/* bridge-course-chooser.h: a search over the courses of one university
 *
 * A popover with a search entry and the courses found, for the plan's home
 * or host university; "course-chosen" gives the id of the one chosen. The
 * Plan page uses it to add a course to a group, the Agreement page to
 * propose adding one to the approved agreement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"
#include "bridge-plan.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_COURSE_CHOOSER (bridge_course_chooser_get_type ())
G_DECLARE_FINAL_TYPE (BridgeCourseChooser, bridge_course_chooser, BRIDGE, COURSE_CHOOSER, GtkPopover)

/* The chooser over the courses of @plan's home (@side HOME) or host
 * university; @plan and @context are kept while it lives. */
GtkWidget           *bridge_course_chooser_new               (BridgeContext  *context,
                                                              BridgePlan     *plan,
                                                              BridgePlanSide  side);
/* For the home side: the group's host courses, whose decisions and
 * suggestions are listed first ("Suggested") while nothing is typed. */
void                 bridge_course_chooser_set_host_courses  (BridgeCourseChooser *self,
                                                              const char * const  *host_ids);
/* A menu button labelled @label (with a mnemonic) that opens a new chooser:
 * connect to "course-chosen" of bridge_course_chooser_button_get_chooser (). */
GtkWidget           *bridge_course_chooser_button_new        (BridgeContext  *context,
                                                              BridgePlan     *plan,
                                                              BridgePlanSide  side,
                                                              const char     *label,
                                                              const char     *tooltip);
BridgeCourseChooser *bridge_course_chooser_button_get_chooser (GtkWidget     *button);

G_END_DECLS
