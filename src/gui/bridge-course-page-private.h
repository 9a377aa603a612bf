/* bridge-course-page-private.h: what the tests ask the course page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-course-page.h"

G_BEGIN_DECLS

/* The children "add-button", "grade-preview", "headline", "title" and
 * "recognition" (the BridgeRecognitionList; NULL for a home course). */
GtkWidget    *bridge_course_page_get_child   (BridgeCoursePage *self,
                                              const char       *name);

G_END_DECLS
