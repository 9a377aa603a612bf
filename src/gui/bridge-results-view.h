/* bridge-results-view.h: the grades after the stay
 *
 * For each Table A course a control to enter the host's grade (a grade of
 * the host's grading table, or a mark), the conversion rule, and the
 * recognition record core computes (bridge_plan_convert_grades ()): each
 * home component with its grade, credits, candidates, rule and — when the
 * conversion is approximate — why; group by group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"
#include "bridge-plan.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_RESULTS_VIEW (bridge_results_view_get_type ())
G_DECLARE_FINAL_TYPE (BridgeResultsView, bridge_results_view, BRIDGE, RESULTS_VIEW, AdwBin)

GtkWidget *bridge_results_view_new      (void);
/* Shows @plan (may be NULL); follows its "changed" signal. */
void       bridge_results_view_set_plan (BridgeResultsView *self,
                                         BridgeContext     *context,
                                         BridgePlan        *plan);

/* How the view words core's rule of a record line. */
char        *bridge_results_view_rule_text         (const char        *rule);

G_END_DECLS
