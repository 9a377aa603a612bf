/* bridge-grade-chart.h: a grading table drawn as a distribution
 *
 * Bars give each passing grade's share of the reference group, best first;
 * a line gives the cumulative share, both on one labelled 0–100 % axis. One
 * grade may be marked apart (the suggested grade, or the host grade
 * converted), other candidates are drawn lighter and hatched, and a legend
 * says which is which. Legible in light and dark styles.
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
/* The other candidates to highlight (NULL-terminated; NULL: none). */
void       bridge_grade_chart_set_highlight (BridgeGradeChart         *self,
                                             const char * const       *grades);
/* The one grade marked apart (NULL: none), and what the legend calls it
 * ("Suggested grade"). */
void       bridge_grade_chart_set_mark      (BridgeGradeChart         *self,
                                             const char               *grade,
                                             const char               *legend);

typedef enum
{
  BRIDGE_GRADE_CHART_MARK_NONE,
  BRIDGE_GRADE_CHART_MARK_CANDIDATE,
  BRIDGE_GRADE_CHART_MARK_CHOSEN,
} BridgeGradeChartMark;

G_END_DECLS
