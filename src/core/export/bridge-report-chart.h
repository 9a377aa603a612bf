/* bridge-report-chart.h: the report's charts, drawn with cairo and pango
 *
 * The two pictures of the recognition and workload report (issue 19), drawn
 * once here for the window's report view (a GtkDrawingArea) and for the
 * report's PDF:
 *
 * - The workload chart: one row per host course whose means are shown
 *   (at least K responses) and whose declared workload is known, in the
 *   report's order (course id). The axis is the deviation of the reported
 *   mean from the declared hours, −100 % … +100 % (wider when the threshold
 *   is); the declared value is the centre line, the ± threshold band around
 *   it is shaded, the reported mean is a dot with its hours beside it, and a
 *   flagged course (beyond the band) is drawn in the warning colour with its
 *   label in bold. A deviation beyond the axis is clamped to its end and
 *   marked with an arrow. The label is the course code and title, ellipsized.
 *   A caption below says how many courses have fewer than K responses and
 *   how many have no declared workload, which the chart leaves out.
 * - The rate chart: one row per university pair, a bar of its recognition
 *   rate on 0–100 %; a pair with nothing assessed yet says so instead.
 *
 * A chart is a header (legend), rows, an axis and a caption. Its natural
 * height for N rows is bridge_report_chart_get_height (); the window sizes
 * its drawing area with it (and scrolls), the PDF cuts a long chart into
 * parts of rows that fit a page, each with its legend and axis
 * (bridge_report_draw_chart_part ()).
 *
 * No GTK: the window fills a BridgeChartStyle from its theme.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "bridge-report.h"

G_BEGIN_DECLS

/* Channels 0…1; the same order as GdkRGBA (whose fields are floats). */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} BridgeChartColor;

typedef struct
{
  BridgeChartColor foreground;            /* text, axis, the declared line */
  BridgeChartColor background;            /* the band and the bar tracks: a faint tint of the foreground */
  BridgeChartColor accent;                /* dots and bars within the band */
  BridgeChartColor warning;               /* flagged courses */
  const char      *font;                  /* a pango font description ("Sans 10"); NULL: the default */
} BridgeChartStyle;

typedef enum
{
  BRIDGE_REPORT_CHART_WORKLOAD,
  BRIDGE_REPORT_CHART_RATE,
} BridgeReportChart;

/* Styles for a light and a dark background (the font NULL). The page
 * behind the chart is not painted: the caller's background shows. */
BridgeChartStyle bridge_chart_style_light (void);
BridgeChartStyle bridge_chart_style_dark  (void);

/* The number of rows @chart has for @report (0 is drawn as a line saying
 * there is nothing to show). */
guint   bridge_report_chart_count_rows (BridgeReport           *report,
                                        BridgeReportChart       chart);
/* The natural height in pixels (points in the PDF) of a chart of @n_rows
 * rows with @style, legend, axis and caption included. */
double  bridge_report_chart_get_height (const BridgeChartStyle *style,
                                        guint                   n_rows);

/* The whole chart in the rectangle (0, 0, @width, @height) of @cr; rows keep
 * their natural height (a taller area leaves room below, a shorter one cuts
 * the rows off: size it with bridge_report_chart_get_height ()).
 * @style NULL: bridge_chart_style_light (). */
void    bridge_report_draw_workload_chart (cairo_t                *cr,
                                           BridgeReport           *report,
                                           double                  width,
                                           double                  height,
                                           const BridgeChartStyle *style);
void    bridge_report_draw_rate_chart     (cairo_t                *cr,
                                           BridgeReport           *report,
                                           double                  width,
                                           double                  height,
                                           const BridgeChartStyle *style);
/* Rows [@first, @first + @n_rows) of @chart, with the legend and the axis;
 * the caption only with the last row. */
void    bridge_report_draw_chart_part     (cairo_t                *cr,
                                           BridgeReport           *report,
                                           BridgeReportChart       chart,
                                           guint                   first,
                                           guint                   n_rows,
                                           double                  width,
                                           const BridgeChartStyle *style);

/* The report as a PDF: its title and period, the overall figures, the two
 * charts, the course and pair tables, what K and the threshold mean, and
 * how many files were skipped for each reason (never their names), in the
 * user's language, on numbered A4 pages whose footer carries the SHA-256 of
 * the report's JSON. @catalog (may be NULL) names the universities.
 * NULL with BRIDGE_ERROR_FAILED when cairo fails. (transfer full) */
GBytes  *bridge_report_render_pdf  (BridgeReport  *report,
                                    BridgeCatalog *catalog,
                                    GError       **error);
/* The same, written to @path atomically. */
gboolean bridge_report_export_pdf  (BridgeReport  *report,
                                    BridgeCatalog *catalog,
                                    const char    *path,
                                    GError       **error);

G_END_DECLS
