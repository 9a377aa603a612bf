/* bridge-course-row-private.h: what the tests ask a row of the results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-course-row.h"

G_BEGIN_DECLS

/* The texts of the title and of the facts line. */
const char *bridge_course_row_get_title (BridgeCourseRow *self);
const char *bridge_course_row_get_facts (BridgeCourseRow *self);

G_END_DECLS
