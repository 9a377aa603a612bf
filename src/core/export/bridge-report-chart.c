/* bridge-report-chart.c: the report's charts, drawn with cairo and pango
 *
 * See bridge-report-chart.h. A chart is laid out from the height of one
 * line of its font: a legend line, rows of 1.5 lines, an axis of 1.6 lines
 * and a caption of two lines, so the natural height depends only on the
 * style and the number of rows. The figures are the report's
 * (bridge_report_list_courses/pairs ()), computed anew at each drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-report-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "bridge-report-chart.h"

#define DEFAULT_FONT "Cantarell, Noto Sans CJK SC, DejaVu Sans, sans-serif 10"
#define ROW_LINES     2.4             /* a label may take two lines */
#define LEGEND_LINES  1.8
#define AXIS_LINES    1.6
#define CAPTION_LINES 2.6
#define GAP           8.0

/* One row of either chart. */
typedef struct
{
  char     *label;
  /* A pair's label on two lines when it does not fit on one: "host →", "home". */
  char     *label_first;
  char     *label_second;
  char     *value;                        /* the figures at the right */
  double    position;                     /* deviation, or rate; NAN: none */
  gboolean  flagged;
} Row;

typedef struct
{
  GPtrArray *rows;                        /* element-type Row */
  char      *caption;                     /* NULL: none */
  double     threshold;
  double     range;                       /* workload: the axis is ±range */
} Chart;

static void
row_free (Row *row)
{
  g_free (row->label);
  g_free (row->label_first);
  g_free (row->label_second);
  g_free (row->value);
  g_free (row);
}

static void
chart_clear (Chart *chart)
{
  g_clear_pointer (&chart->rows, g_ptr_array_unref);
  g_clear_pointer (&chart->caption, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Chart, chart_clear)

/* Styles ------------------------------------------------------------------- */

BridgeChartStyle
bridge_chart_style_light (void)
{
  BridgeChartStyle style = {
    .foreground = { 0.13, 0.13, 0.15, 1.0 },
    .background = { 0.13, 0.13, 0.15, 0.08 },
    .accent = { 0.11, 0.44, 0.85, 1.0 },
    .warning = { 0.75, 0.11, 0.16, 1.0 },
    .font = NULL,
  };

  return style;
}

BridgeChartStyle
bridge_chart_style_dark (void)
{
  BridgeChartStyle style = {
    .foreground = { 0.95, 0.95, 0.95, 1.0 },
    .background = { 1.0, 1.0, 1.0, 0.12 },
    .accent = { 0.47, 0.68, 0.93, 1.0 },
    .warning = { 1.0, 0.48, 0.39, 1.0 },
    .font = NULL,
  };

  return style;
}

static void
set_color (cairo_t                *cr,
           const BridgeChartColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* Text --------------------------------------------------------------------- */

static PangoLayout *
make_layout (cairo_t                *cr,
             const BridgeChartStyle *style,
             const char             *text,
             double                  width,
             double                  scale,
             gboolean                bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font ? style->font : DEFAULT_FONT);
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (font))
    pango_font_description_set_absolute_size (font, size * scale);
  else
    pango_font_description_set_size (font, (int) (size * scale));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
text_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static double
text_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

/* The height of one line of @style's font. */
static double
line_height (const BridgeChartStyle *style)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) layout = make_layout (cr, style, "Ag学分", -1, 1.0, FALSE);
  double h = text_height (layout);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return MAX (h, 6.0);
}

/* Draws @text with its top left at (@x, @y), or its top right when @right. */
static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           gboolean     right)
{
  cairo_move_to (cr, right ? x - text_width (layout) : x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The rows ----------------------------------------------------------------- */

static char *
format_percent (double value,
                gboolean signed_)
{
  /* Translators: a percentage in the report's charts, "+27 %" */
  return g_strdup_printf (signed_ ? _("%+.0f %%") : _("%.0f %%"), 100 * value);
}

static void
chart_init_workload (Chart        *chart,
                     BridgeReport *report)
{
  const BridgeReportOptions *options = bridge_report_get_options (report);
  g_autoptr(GPtrArray) courses = bridge_report_list_courses (report);
  guint withheld = 0, undeclared = 0;

  chart->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  chart->threshold = options->threshold;
  for (guint i = 0; i < courses->len; i++)
    {
      BridgeReportCourse *c = g_ptr_array_index (courses, i);
      const char *title = c->title ? bridge_text_pick (c->title) : NULL;
      Row *row;

      if (c->withheld)
        {
          withheld++;
          continue;
        }
      if (isnan (c->declared_hours) || isnan (c->workload_deviation))
        {
          undeclared++;
          continue;
        }
      row = g_new0 (Row, 1);
      row->label = title ? g_strdup_printf ("%s  %s", c->code ? c->code : c->course_id, title)
                         : g_strdup (c->code ? c->code : c->course_id);
      /* Translators: reported mean and declared hours, then the deviation: "52 / 40 h  +30 %" */
      row->value = g_strdup_printf (_("%.0f / %.0f h  %+.0f %%"), c->reported_hours_mean, c->declared_hours,
                                    100 * c->workload_deviation);
      row->position = c->workload_deviation;
      row->flagged = c->workload_flag;
      g_ptr_array_add (chart->rows, row);
    }
  /* ±100 % shows most courses well; a wide threshold widens the axis. */
  chart->range = MAX (1.0, ceil (chart->threshold * 1.5 * 4) / 4);

  if (withheld > 0 && undeclared > 0)
    chart->caption = g_strdup_printf (_("Not shown: %u courses with fewer than %u responses (no means are given "
                                        "for them) and %u without a declared workload."),
                                      withheld, options->min_responses, undeclared);
  else if (withheld > 0)
    chart->caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Not shown: %u course with fewer than %u responses (no means are "
                                                   "given for it).",
                                                   "Not shown: %u courses with fewer than %u responses (no means are "
                                                   "given for them).", withheld),
                                      withheld, options->min_responses);
  else if (undeclared > 0)
    chart->caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Not shown: %u course without a declared workload.",
                                                   "Not shown: %u courses without a declared workload.", undeclared),
                                      undeclared);
}

static char *
university_name (BridgeCatalog *catalog,
                 const char    *id)
{
  g_autoptr(BridgeUniversity) u = NULL;

  if (catalog != NULL)
    u = bridge_catalog_get_university (catalog, id, NULL);
  if (u == NULL || bridge_university_get_name (u) == NULL)
    return g_strdup (id);
  return g_strdup (bridge_text_pick (bridge_university_get_name (u)));
}

static void
chart_init_rate (Chart        *chart,
                 BridgeReport *report)
{
  g_autoptr(GPtrArray) pairs = bridge_report_list_pairs (report);
  BridgeCatalog *catalog = bridge_report_get_catalog (report);

  chart->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (guint i = 0; i < pairs->len; i++)
    {
      BridgeReportPair *p = g_ptr_array_index (pairs, i);
      g_autofree char *host = university_name (catalog, p->host_university);
      g_autofree char *home = university_name (catalog, p->home_university);
      Row *row = g_new0 (Row, 1);

      /* Translators: a pair of universities in the report's chart: host → home */
      row->label = g_strdup_printf (_("%s → %s"), host, home);
      /* Translators: the host university of a pair, when the pair takes two lines */
      row->label_first = g_strdup_printf (_("%s →"), host);
      row->label_second = g_steal_pointer (&home);
      row->position = p->recognition_rate;
      if (isnan (p->recognition_rate))
        {
          row->value = g_strdup (_("not assessed yet"));
        }
      else
        {
          g_autofree char *rate = format_percent (p->recognition_rate, FALSE);

          /* Translators: recognised of assessed home credits, then the rate: "12 of 15 credits  80 %" */
          row->value = g_strdup_printf (_("%.1f of %.1f credits  %s"), p->home_credits_recognised,
                                        p->home_credits_assessed, rate);
        }
      g_ptr_array_add (chart->rows, row);
    }
  chart->caption = g_strdup (_("Recognition rate: home credits recognised ÷ home credits assessed (plans whose grades "
                               "are all in); plans still under way do not count."));
}

static void
chart_init (Chart             *chart,
            BridgeReport      *report,
            BridgeReportChart  kind)
{
  if (kind == BRIDGE_REPORT_CHART_WORKLOAD)
    chart_init_workload (chart, report);
  else
    chart_init_rate (chart, report);
}

/* Drawing ------------------------------------------------------------------ */

typedef struct
{
  double line;                            /* one line of text */
  double row;
  double label_width;
  double value_width;
  double plot_x;
  double plot_width;
} Geometry;

static void
geometry_init (Geometry               *g,
               cairo_t                *cr,
               const BridgeChartStyle *style,
               const Chart            *chart,
               double                  width)
{
  double widest_value = 0;

  g->line = line_height (style);
  g->row = ceil (g->line * ROW_LINES);
  for (guint i = 0; i < chart->rows->len; i++)
    {
      Row *row = g_ptr_array_index (chart->rows, i);
      g_autoptr(PangoLayout) l = make_layout (cr, style, row->value, -1, 0.9, row->flagged);

      widest_value = MAX (widest_value, text_width (l));
    }
  g->value_width = MIN (ceil (widest_value) + 1, width * 0.3);
  g->label_width = floor (width * 0.36);
  g->plot_x = g->label_width + GAP;
  g->plot_width = MAX (width - g->plot_x - GAP - g->value_width, 20);
}

/* x of a deviation (workload) or rate on the plot, and whether it is beyond the axis. */
static double
plot_x (const Geometry *g,
        const Chart    *chart,
        BridgeReportChart kind,
        double          value,
        int            *beyond)
{
  double f;

  if (kind == BRIDGE_REPORT_CHART_WORKLOAD)
    f = (value + chart->range) / (2 * chart->range);
  else
    f = value;
  *beyond = f < 0 ? -1 : f > 1 ? 1 : 0;
  f = CLAMP (f, 0, 1);
  return g->plot_x + f * g->plot_width;
}

/* An arrow at the end of the axis for a value beyond it. */
static void
draw_arrow (cairo_t *cr,
            double   x,
            double   y,
            double   size,
            int      direction)
{
  cairo_move_to (cr, x + direction * size, y);
  cairo_line_to (cr, x, y - size * 0.7);
  cairo_line_to (cr, x, y + size * 0.7);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_dot (cairo_t *cr,
          double   x,
          double   y,
          double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* The legend: what the marks mean. Returns nothing; it takes LEGEND_LINES. */
static void
draw_legend (cairo_t                *cr,
             const BridgeChartStyle *style,
             const Geometry         *g,
             const Chart            *chart,
             BridgeReportChart       kind,
             double                  width)
{
  double y = g->line * 0.2, x = 0, mid = y + g->line / 2;
  double sw = g->line;

  if (kind == BRIDGE_REPORT_CHART_WORKLOAD)
    {
      g_autofree char *band_pct = format_percent (chart->threshold, FALSE);
      /* Translators: the legend of the workload chart; %s is "25 %" */
      g_autofree char *band = g_strdup_printf (_("declared ± %s"), band_pct);
      const char *texts[] = { _("declared workload"), band, _("reported mean"), _("beyond the band") };

      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        {
          g_autoptr(PangoLayout) l = make_layout (cr, style, texts[i], -1, 0.9, FALSE);

          /* Only marks that fit whole, with their text. */
          if (x + sw + 4 + text_width (l) > width)
            break;
          switch (i)
            {
            case 0:
              set_color (cr, &style->foreground);
              cairo_set_line_width (cr, 1.5);
              cairo_move_to (cr, x + sw / 2, y);
              cairo_line_to (cr, x + sw / 2, y + g->line);
              cairo_stroke (cr);
              break;
            case 1:
              set_color (cr, &style->background);
              cairo_rectangle (cr, x, y + g->line * 0.1, sw, g->line * 0.8);
              cairo_fill (cr);
              break;
            case 2:
              set_color (cr, &style->accent);
              draw_dot (cr, x + sw / 2, mid, g->line * 0.28);
              break;
            default:
              set_color (cr, &style->warning);
              draw_dot (cr, x + sw / 2, mid, g->line * 0.28);
              break;
            }
          set_color (cr, &style->foreground);
          draw_text (cr, l, x + sw + 4, y + (g->line - text_height (l)) / 2, FALSE);
          x += sw + 4 + text_width (l) + 2 * GAP;
        }
    }
  else
    {
      g_autoptr(PangoLayout) l = make_layout (cr, style, _("share of the assessed home credits that were recognised"),
                                              width - sw - 4, 0.9, FALSE);

      set_color (cr, &style->accent);
      cairo_rectangle (cr, x, y + g->line * 0.2, sw, g->line * 0.6);
      cairo_fill (cr);
      set_color (cr, &style->foreground);
      draw_text (cr, l, x + sw + 4, y + (g->line - text_height (l)) / 2, FALSE);
    }
}

static void
draw_axis (cairo_t                *cr,
           const BridgeChartStyle *style,
           const Geometry         *g,
           const Chart            *chart,
           BridgeReportChart       kind,
           double                  y)
{
  int beyond;

  set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, g->plot_x, y + 0.5);
  cairo_line_to (cr, g->plot_x + g->plot_width, y + 0.5);
  cairo_stroke (cr);
  for (int i = 0; i <= 4; i++)
    {
      double value = kind == BRIDGE_REPORT_CHART_WORKLOAD ? -chart->range + i * chart->range / 2 : i * 0.25;
      double x = plot_x (g, chart, kind, value, &beyond);
      g_autofree char *text = format_percent (value, kind == BRIDGE_REPORT_CHART_WORKLOAD && value != 0);
      g_autoptr(PangoLayout) l = make_layout (cr, style, text, -1, 0.85, FALSE);
      double tx = x - text_width (l) / 2;

      cairo_move_to (cr, x + 0.5, y);
      cairo_line_to (cr, x + 0.5, y + 4);
      cairo_stroke (cr);
      tx = CLAMP (tx, g->plot_x - GAP, g->plot_x + g->plot_width + GAP - text_width (l));
      draw_text (cr, l, tx, y + 5, FALSE);
    }
}

static void
draw_row (cairo_t                *cr,
          const BridgeChartStyle *style,
          const Geometry         *g,
          const Chart            *chart,
          BridgeReportChart       kind,
          const Row              *row,
          double                  y,
          double                  width)
{
  double mid = y + g->row / 2;
  const BridgeChartColor *mark = row->flagged ? &style->warning : &style->accent;
  g_autoptr(PangoLayout) label = make_layout (cr, style, row->label, -1, 1.0, row->flagged);
  g_autoptr(PangoLayout) value = make_layout (cr, style, row->value, g->value_width, 0.9, row->flagged);
  int beyond = 0;

  set_color (cr, row->flagged ? &style->warning : &style->foreground);
  if (text_width (label) <= g->label_width)
    {
      draw_text (cr, label, 0, mid - text_height (label) / 2, FALSE);
    }
  else if (row->label_second != NULL)
    {
      /* Both universities stay named: one a line, each shortened on its own. */
      g_autoptr(PangoLayout) first = make_layout (cr, style, row->label_first, g->label_width, 1.0, row->flagged);
      g_autoptr(PangoLayout) second = make_layout (cr, style, row->label_second, g->label_width, 1.0, row->flagged);

      draw_text (cr, first, 0, mid - text_height (first), FALSE);
      draw_text (cr, second, 0, mid, FALSE);
    }
  else
    {
      /* A course's code and title: wrapped on two lines, shortened after. */
      pango_layout_set_width (label, (int) (g->label_width * PANGO_SCALE));
      pango_layout_set_wrap (label, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (label, -2);
      draw_text (cr, label, 0, mid - text_height (label) / 2, FALSE);
    }

  if (kind == BRIDGE_REPORT_CHART_WORKLOAD)
    {
      double lo = plot_x (g, chart, kind, -chart->threshold, &beyond);
      double hi = plot_x (g, chart, kind, chart->threshold, &beyond);
      double centre = plot_x (g, chart, kind, 0, &beyond);
      double x = plot_x (g, chart, kind, row->position, &beyond);
      double r = MAX (g->row * 0.2, 3);

      set_color (cr, &style->background);
      cairo_rectangle (cr, lo, y + 1, hi - lo, g->row - 2);
      cairo_fill (cr);
      set_color (cr, &style->foreground);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, centre, y + 1);
      cairo_line_to (cr, centre, y + g->row - 1);
      cairo_stroke (cr);
      /* The reported mean, joined to the declared line. */
      set_color (cr, mark);
      cairo_set_line_width (cr, row->flagged ? 2.0 : 1.2);
      cairo_move_to (cr, centre, mid);
      cairo_line_to (cr, x, mid);
      cairo_stroke (cr);
      if (beyond != 0)
        draw_arrow (cr, x - beyond * r * 2, mid, r * 2, beyond);
      else
        draw_dot (cr, x, mid, r);
    }
  else
    {
      double track_h = g->row * 0.55;

      set_color (cr, &style->background);
      cairo_rectangle (cr, g->plot_x, mid - track_h / 2, g->plot_width, track_h);
      cairo_fill (cr);
      if (!isnan (row->position))
        {
          double x = plot_x (g, chart, kind, row->position, &beyond);

          set_color (cr, mark);
          cairo_rectangle (cr, g->plot_x, mid - track_h / 2, x - g->plot_x, track_h);
          cairo_fill (cr);
        }
    }

  set_color (cr, row->flagged ? &style->warning : &style->foreground);
  if (kind == BRIDGE_REPORT_CHART_RATE && isnan (row->position))
    {
      /* "not assessed yet" inside the empty track, where a bar would be. */
      g_autoptr(PangoLayout) l = make_layout (cr, style, row->value, g->plot_width - 8, 0.9, FALSE);

      pango_layout_set_alignment (l, PANGO_ALIGN_LEFT);
      draw_text (cr, l, g->plot_x + 4, mid - text_height (l) / 2, FALSE);
    }
  else
    draw_text (cr, value, width, mid - text_height (value) / 2, TRUE);
}

static void
draw_part (cairo_t                *cr,
           BridgeReport           *report,
           BridgeReportChart       kind,
           gboolean                whole,
           guint                   first,
           guint                   n_rows,
           double                  width,
           const BridgeChartStyle *style)
{
  BridgeChartStyle fallback = bridge_chart_style_light ();
  g_auto(Chart) chart = { 0 };
  Geometry g;
  double y;
  guint last;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BRIDGE_IS_REPORT (report));

  if (style == NULL)
    style = &fallback;
  chart_init (&chart, report, kind);
  if (whole)
    {
      first = 0;
      n_rows = chart.rows->len;
    }
  last = MIN (chart.rows->len, first + n_rows);
  first = MIN (first, last);

  cairo_save (cr);
  geometry_init (&g, cr, style, &chart, width);
  draw_legend (cr, style, &g, &chart, kind, width);
  y = ceil (g.line * LEGEND_LINES);
  if (chart.rows->len == 0)
    {
      const char *text = kind == BRIDGE_REPORT_CHART_WORKLOAD
                           ? _("No course has enough responses and a declared workload to be drawn.")
                           : _("No university pair to draw: the report holds no plan.");
      g_autoptr(PangoLayout) l = make_layout (cr, style, text, width, 1.0, FALSE);

      set_color (cr, &style->foreground);
      draw_text (cr, l, 0, y + (g.row - text_height (l)) / 2, FALSE);
      y += g.row;
    }
  for (guint i = first; i < last; i++)
    {
      draw_row (cr, style, &g, &chart, kind, g_ptr_array_index (chart.rows, i), y, width);
      y += g.row;
    }
  if (chart.rows->len > 0)
    draw_axis (cr, style, &g, &chart, kind, y);
  y += ceil (g.line * AXIS_LINES);
  if (chart.caption != NULL && last == chart.rows->len)
    {
      g_autoptr(PangoLayout) l = make_layout (cr, style, chart.caption, -1, 0.85, FALSE);

      pango_layout_set_width (l, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (l, -2);
      set_color (cr, &style->foreground);
      draw_text (cr, l, 0, y + g.line * 0.3, FALSE);
    }
  cairo_restore (cr);
}

/* Public API --------------------------------------------------------------- */

guint
bridge_report_chart_count_rows (BridgeReport      *report,
                                BridgeReportChart  kind)
{
  g_auto(Chart) chart = { 0 };

  g_return_val_if_fail (BRIDGE_IS_REPORT (report), 0);

  chart_init (&chart, report, kind);
  return chart.rows->len;
}

double
bridge_report_chart_get_height (const BridgeChartStyle *style,
                                guint                   n_rows)
{
  BridgeChartStyle fallback = bridge_chart_style_light ();
  double line;

  if (style == NULL)
    style = &fallback;
  line = line_height (style);
  return ceil (line * LEGEND_LINES) + MAX (n_rows, 1) * ceil (line * ROW_LINES)
         + ceil (line * AXIS_LINES) + ceil (line * CAPTION_LINES);
}

/* The whole chart, clipped to its area. */
static void
draw_whole (cairo_t                *cr,
            BridgeReport           *report,
            BridgeReportChart       kind,
            double                  width,
            double                  height,
            const BridgeChartStyle *style)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  draw_part (cr, report, kind, TRUE, 0, 0, width, style);
  cairo_restore (cr);
}

void
bridge_report_draw_workload_chart (cairo_t                *cr,
                                   BridgeReport           *report,
                                   double                  width,
                                   double                  height,
                                   const BridgeChartStyle *style)
{
  draw_whole (cr, report, BRIDGE_REPORT_CHART_WORKLOAD, width, height, style);
}

void
bridge_report_draw_rate_chart (cairo_t                *cr,
                               BridgeReport           *report,
                               double                  width,
                               double                  height,
                               const BridgeChartStyle *style)
{
  draw_whole (cr, report, BRIDGE_REPORT_CHART_RATE, width, height, style);
}

void
bridge_report_draw_chart_part (cairo_t                *cr,
                               BridgeReport           *report,
                               BridgeReportChart       chart,
                               guint                   first,
                               guint                   n_rows,
                               double                  width,
                               const BridgeChartStyle *style)
{
  draw_part (cr, report, chart, FALSE, first, n_rows, width, style);
}
