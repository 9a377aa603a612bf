/* bridge-results-view-private.h: what the tests ask the results view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-feedback-row.h"
#include "bridge-results-view.h"

G_BEGIN_DECLS

/* The controls of a host course (@mark: the mark entry, else the
 * grade drop-down) and its row; the grade and the details shown for a home
 * course; the rule; whether the empty state shows. */
GtkWidget   *bridge_results_view_get_grade_control (BridgeResultsView *self,
                                                    const char        *host_course_id,
                                                    gboolean           mark);
GtkWidget   *bridge_results_view_get_host_row      (BridgeResultsView *self,
                                                    const char        *host_course_id);
BridgeFeedbackRow *bridge_results_view_get_feedback_row (BridgeResultsView *self,
                                                       const char        *host_course_id);
const char  *bridge_results_view_get_shown_grade   (BridgeResultsView *self,
                                                    const char        *home_course_id);
const char  *bridge_results_view_get_shown_details (BridgeResultsView *self,
                                                    const char        *home_course_id);
AdwComboRow *bridge_results_view_get_rule_row      (BridgeResultsView *self);
gboolean     bridge_results_view_is_empty          (BridgeResultsView *self);

G_END_DECLS
