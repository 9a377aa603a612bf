/* bridge-grade-chart-private.h: what the tests ask the grade chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-grade-chart.h"

G_BEGIN_DECLS

/* How @grade's bar is drawn, the legend's entries (transfer full), and the
 * height of bar @index over the whole 0–100 % axis. */
BridgeGradeChartMark bridge_grade_chart_get_mark_kind   (BridgeGradeChart *self,
                                                         const char       *grade);
GStrv                bridge_grade_chart_dup_legend      (BridgeGradeChart *self);
double               bridge_grade_chart_get_bar_fraction (BridgeGradeChart *self,
                                                          guint             index);

G_END_DECLS
