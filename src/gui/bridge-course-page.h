/* bridge-course-page.h: everything about one course
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_COURSE_PAGE (bridge_course_page_get_type ())
G_DECLARE_FINAL_TYPE (BridgeCoursePage, bridge_course_page, BRIDGE, COURSE_PAGE, AdwBin)

void          bridge_course_page_set_context (BridgeCoursePage *self,
                                              BridgeContext    *context);
void          bridge_course_page_set_course  (BridgeCoursePage *self,
                                              BridgeCourse     *course);
BridgeCourse *bridge_course_page_get_course  (BridgeCoursePage *self);

G_END_DECLS
