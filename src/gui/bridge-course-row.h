/* bridge-course-row.h: one course in the search results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bridge-context.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_COURSE_ROW (bridge_course_row_get_type ())
G_DECLARE_FINAL_TYPE (BridgeCourseRow, bridge_course_row, BRIDGE, COURSE_ROW, GtkWidget)

GtkWidget *bridge_course_row_new        (void);
/* Shows @course (NULL: nothing), its equivalence from @context's home. */
void       bridge_course_row_set_course (BridgeCourseRow *self,
                                         BridgeContext   *context,
                                         BridgeCourse    *course);

G_END_DECLS
