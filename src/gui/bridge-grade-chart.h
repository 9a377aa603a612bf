/* bridge-grade-chart.h: a grading table drawn as a distribution
 *
 * Bars give each passing grade's share of the reference group, best first;
 * a line gives the cumulative share. Highlighted grades are drawn in the
 * accent colour. Legible in light and dark styles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bridge-model.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_GRADE_CHART (bridge_grade_chart_get_type ())
G_DECLARE_FINAL_TYPE (BridgeGradeChart, bridge_grade_chart, BRIDGE, GRADE_CHART, GtkWidget)

GtkWidget *bridge_grade_chart_new           (void);
/* @table may be NULL: the chart says there is no table. */
void       bridge_grade_chart_set_table     (BridgeGradeChart         *self,
                                             const BridgeGradingTable *table,
                                             const char               *title);
/* Grades to highlight (NULL-terminated; NULL: none). */
void       bridge_grade_chart_set_highlight (BridgeGradeChart         *self,
                                             const char * const       *grades);

G_END_DECLS
