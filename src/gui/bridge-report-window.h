/* bridge-report-window.h: the advisor's recognition and workload report
 *
 * Several plans, or a folder of them, added up by core's BridgeReport
 * (src/core/export/bridge-report.h) in a worker thread with a catalog
 * connection of its own: the overall figures and period, the table of host
 * courses and the table of university pairs, the files left out and why,
 * core's two charts (bridge-report-chart.h) in the theme's colours, and K
 * and the workload threshold as controls that rebuild the report. Export
 * writes core's JSON, CSV or PDF. No student's name or number is ever
 * read into it: the report keeps only sums.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_REPORT_WINDOW (bridge_report_window_get_type ())
G_DECLARE_FINAL_TYPE (BridgeReportWindow, bridge_report_window, BRIDGE, REPORT_WINDOW, AdwWindow)

GtkWidget  *bridge_report_window_new        (GtkWindow     *parent,
                                             BridgeContext *context);
/* Reports on @paths (plans or folders; NULL-terminated), in the worker. */
void        bridge_report_window_open_paths (BridgeReportWindow  *self,
                                             const char * const  *paths);
/* For tests: TRUE while the worker runs. */
gboolean    bridge_report_window_is_busy    (BridgeReportWindow  *self);
/* For tests: "stack", "min-responses" and "threshold" (the spin buttons),
 * "overall", "courses", "pairs" (the grids), "skipped", "cancel", "page"
 * (the report's scrolled window), "workload-chart" and "rate-chart" (the
 * drawing areas). */
GtkWidget  *bridge_report_window_get_child  (BridgeReportWindow  *self,
                                             const char          *name);

G_END_DECLS
