/* bridge-feedback-row.h: the student's feedback on one host course, after
 * the stay
 *
 * An expander row under the course's grade: the hours spent, the rating
 * (1–5) and an optional comment, checked and kept by core
 * (bridge_plan_set_feedback ()); core's refusals show under the field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-plan.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_FEEDBACK_ROW (bridge_feedback_row_get_type ())
G_DECLARE_FINAL_TYPE (BridgeFeedbackRow, bridge_feedback_row, BRIDGE, FEEDBACK_ROW, AdwExpanderRow)

/* The feedback on @course_id of @plan; @course_name ("CS301 Operating
 * Systems") names it for screen readers. */
GtkWidget  *bridge_feedback_row_new    (BridgePlan        *plan,
                                        const char        *course_id,
                                        const char        *course_name);
/* Writes what the fields say into the plan (or clears it), as the signal
 * "commit" asks; the caller keeps the plan's listeners from rebuilding the
 * row meanwhile. */
void        bridge_feedback_row_apply  (BridgeFeedbackRow *self);

/* For tests: the hours entry, the rating row, the comment row, the clear
 * button, and the error shown (NULL when none). */
GtkWidget  *bridge_feedback_row_get_hours_entry  (BridgeFeedbackRow *self);
AdwComboRow *bridge_feedback_row_get_rating_row  (BridgeFeedbackRow *self);
GtkWidget  *bridge_feedback_row_get_comment_row  (BridgeFeedbackRow *self);
GtkWidget  *bridge_feedback_row_get_clear_button (BridgeFeedbackRow *self);
const char *bridge_feedback_row_get_error        (BridgeFeedbackRow *self);

G_END_DECLS
