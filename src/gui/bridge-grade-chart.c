/* bridge-grade-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-grade-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bridge-grade-chart-private.h"

struct _BridgeGradeChart
{
  GtkWidget  parent_instance;

  char      *title;
  GStrv      labels;
  double    *shares;                      /* 0…1 of the passing grades */
  guint      n;
  GStrv      highlight;                   /* the other candidates */
  char      *mark;                        /* the grade marked apart: suggested, or the host's */
  char      *mark_legend;
};

G_DEFINE_FINAL_TYPE (BridgeGradeChart, bridge_grade_chart, GTK_TYPE_WIDGET)

#define CHART_HEIGHT 260
#define PAD 8.0
#define SWATCH 12.0

/* Where the plot goes in a widget of @width × @height with @legend_rows rows
 * of legend: one 0–100 % axis from @bottom up to @top, for the bars and the
 * cumulative line alike, so a 32 % bar reaches a third of the way to the
 * "100 %" line, never the line itself. */
typedef struct
{
  double top, bottom, left, right;
} Plot;

static Plot
plot_area (double width,
           double height,
           guint  legend_rows)
{
  Plot p;

  p.top = 28 + legend_rows * (SWATCH + 8) + 12;
  p.bottom = height - 24;
  p.left = PAD + 40;
  p.right = width - PAD - 8;
  return p;
}

GtkWidget *
bridge_grade_chart_new (void)
{
  return g_object_new (BRIDGE_TYPE_GRADE_CHART, NULL);
}

static void
update_accessible (BridgeGradeChart *self)
{
  g_autoptr(GString) text = g_string_new (self->title != NULL ? self->title : "");

  if (self->n == 0)
    g_string_append_printf (text, ": %s", _("no grading table"));
  for (guint i = 0; i < self->n; i++)
    g_string_append_printf (text, "%s %s %.0f%%", i == 0 ? ":" : ",",
                            self->labels[i], self->shares[i] * 100.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text->str,
                                  -1);
}

void
bridge_grade_chart_set_table (BridgeGradeChart         *self,
                              const BridgeGradingTable *table,
                              const char               *title)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gint64 total = 0;

  g_return_if_fail (BRIDGE_IS_GRADE_CHART (self));

  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->shares, g_free);
  g_free (self->title);
  self->title = g_strdup (title);
  self->n = 0;

  if (table != NULL)
    {
      for (guint i = 0; i < table->n_counts; i++)
        total += MAX (table->counts[i].count, 0);
      self->n = table->n_counts;
      self->shares = g_new0 (double, MAX (self->n, 1));
      for (guint i = 0; i < table->n_counts; i++)
        {
          g_strv_builder_add (builder, table->counts[i].grade);
          /* Drawing only: the bar's height. Conversions are core's. */
          self->shares[i] = total > 0 ? (double) MAX (table->counts[i].count, 0) / (double) total : 0;
        }
    }
  self->labels = g_strv_builder_end (builder);

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bridge_grade_chart_set_highlight (BridgeGradeChart   *self,
                                  const char * const *grades)
{
  g_return_if_fail (BRIDGE_IS_GRADE_CHART (self));

  g_clear_pointer (&self->highlight, g_strfreev);
  self->highlight = g_strdupv ((char **) grades);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bridge_grade_chart_set_mark (BridgeGradeChart *self,
                             const char       *grade,
                             const char       *legend)
{
  g_return_if_fail (BRIDGE_IS_GRADE_CHART (self));

  g_free (self->mark);
  g_free (self->mark_legend);
  self->mark = g_strdup (grade);
  self->mark_legend = g_strdup (legend);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

BridgeGradeChartMark
bridge_grade_chart_get_mark_kind (BridgeGradeChart *self,
                                  const char       *grade)
{
  g_return_val_if_fail (BRIDGE_IS_GRADE_CHART (self), BRIDGE_GRADE_CHART_MARK_NONE);

  if (grade != NULL && g_strcmp0 (grade, self->mark) == 0)
    return BRIDGE_GRADE_CHART_MARK_CHOSEN;
  if (grade != NULL && self->highlight != NULL && g_strv_contains ((const char * const *) self->highlight, grade))
    return BRIDGE_GRADE_CHART_MARK_CANDIDATE;
  return BRIDGE_GRADE_CHART_MARK_NONE;
}

/* What the legend explains, in its order: the bars, the line, then the
 * marked grade and the other candidates when the chart shows them. */
static GPtrArray *
legend_items (BridgeGradeChart *self)
{
  GPtrArray *items = g_ptr_array_new ();
  gboolean has_mark = FALSE, has_candidates = FALSE;

  for (guint i = 0; i < self->n; i++)
    {
      BridgeGradeChartMark kind = bridge_grade_chart_get_mark_kind (self, self->labels[i]);

      has_mark |= kind == BRIDGE_GRADE_CHART_MARK_CHOSEN;
      has_candidates |= kind == BRIDGE_GRADE_CHART_MARK_CANDIDATE;
    }
  g_ptr_array_add (items, (gpointer) _("Share of grades"));
  g_ptr_array_add (items, (gpointer) _("Cumulative share"));
  if (has_mark && self->mark_legend != NULL)
    g_ptr_array_add (items, self->mark_legend);
  if (has_candidates)
    g_ptr_array_add (items, (gpointer) _("Other candidates"));
  return items;
}

GStrv
bridge_grade_chart_dup_legend (BridgeGradeChart *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (BRIDGE_IS_GRADE_CHART (self), NULL);

  if (self->n == 0)
    return g_strv_builder_end (builder);
  items = legend_items (self);
  for (guint i = 0; i < items->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (items, i));
  return g_strv_builder_end (builder);
}

double
bridge_grade_chart_get_bar_fraction (BridgeGradeChart *self,
                                     guint             index)
{
  g_return_val_if_fail (BRIDGE_IS_GRADE_CHART (self), 0);
  g_return_val_if_fail (index < self->n, 0);

  /* the bar's height over the 0–100 % axis: its share, on the same scale
   * as the cumulative line (see plot_area ()) */
  return CLAMP (self->shares[index], 0, 1);
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *rgba,
            double         alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

static void
draw_text (BridgeGradeChart *self,
           cairo_t          *cr,
           const char       *text,
           double            x,
           double            y,
           double            xalign,
           gboolean          small)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w, h;

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - xalign * w, y);
  pango_cairo_show_layout (cr, layout);
}

/* The marked grade: solid, outlined; another candidate: lighter and
 * hatched, so the two differ without colour too; the rest: plain. */
static void
draw_bar (cairo_t             *cr,
          BridgeGradeChartMark kind,
          double               x,
          double               y,
          double               w,
          double               h,
          const GdkRGBA       *bar,
          const GdkRGBA       *hot)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  switch (kind)
    {
    case BRIDGE_GRADE_CHART_MARK_CHOSEN:
      set_source (cr, hot, 1.0);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2);
      set_source (cr, hot, 1.0);
      cairo_stroke (cr);
      break;
    case BRIDGE_GRADE_CHART_MARK_CANDIDATE:
      set_source (cr, hot, 0.35);
      cairo_fill_preserve (cr);
      cairo_clip (cr);
      set_source (cr, hot, 0.9);
      cairo_set_line_width (cr, 1.5);
      for (double d = -h; d < w; d += 6)
        {
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
        }
      cairo_stroke (cr);
      break;
    case BRIDGE_GRADE_CHART_MARK_NONE:
    default:
      set_source (cr, bar, 0.75);
      cairo_fill (cr);
      break;
    }
  cairo_restore (cr);
}

/* Lays the legend out under the title, flowing into rows; draws it when
 * @draw. Returns the number of rows. */
static guint
draw_legend (BridgeGradeChart *self,
             cairo_t          *cr,
             GPtrArray        *items,
             const GdkRGBA    *fg,
             const GdkRGBA    *bar,
             const GdkRGBA    *hot,
             double            width,
             gboolean          draw)
{
  double x = PAD, y = 26;
  guint rows = 1;

  for (guint i = 0; i < items->len; i++)
    {
      const char *text = g_ptr_array_index (items, i);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      PangoAttrList *attrs = pango_attr_list_new ();
      int tw, th;
      double item_width;

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_get_pixel_size (layout, &tw, &th);
      item_width = SWATCH + 4 + tw + 12;
      if (x > PAD && x + item_width > width - PAD)
        {
          x = PAD;
          y += SWATCH + 8;
          rows++;
        }
      if (draw)
        {
          if (i == 1)
            {
              /* the cumulative line: a line with a point */
              set_source (cr, fg, 0.85);
              cairo_set_line_width (cr, 2);
              cairo_move_to (cr, x, y + SWATCH / 2);
              cairo_line_to (cr, x + SWATCH, y + SWATCH / 2);
              cairo_stroke (cr);
              cairo_arc (cr, x + SWATCH / 2, y + SWATCH / 2, 3, 0, 2 * G_PI);
              cairo_fill (cr);
            }
          else
            draw_bar (cr, i == 0 ? BRIDGE_GRADE_CHART_MARK_NONE
                              : g_strcmp0 (text, self->mark_legend) == 0 ? BRIDGE_GRADE_CHART_MARK_CHOSEN
                                                                          : BRIDGE_GRADE_CHART_MARK_CANDIDATE,
                      x, y, SWATCH, SWATCH, bar, hot);
          set_source (cr, fg, 0.8);
          cairo_move_to (cr, x + SWATCH + 4, y + SWATCH / 2 - th / 2.0);
          pango_cairo_show_layout (cr, layout);
        }
      x += item_width;
    }
  return rows;
}

static void
bridge_grade_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  BridgeGradeChart *self = BRIDGE_GRADE_CHART (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA fg;
  GdkRGBA bar = dark ? (GdkRGBA) { 0.47, 0.68, 0.93, 1.0 } : (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };
  GdkRGBA hot = dark ? (GdkRGBA) { 1.0, 0.64, 0.28, 1.0 } : (GdkRGBA) { 0.90, 0.38, 0.0, 1.0 };
  g_autoptr(GPtrArray) items = NULL;
  double slot;
  double cumulative = 0;
  guint rows;
  Plot plot;
  cairo_t *cr;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* title */
  set_source (cr, &fg, 1.0);
  if (self->title != NULL)
    draw_text (self, cr, self->title, PAD, 0, 0, FALSE);

  items = legend_items (self);
  rows = draw_legend (self, cr, items, &fg, &bar, &hot, width, FALSE);
  plot = plot_area (width, height, rows);

  if (self->n == 0 || plot.right <= plot.left || plot.bottom <= plot.top)
    {
      set_source (cr, &fg, 0.55);
      draw_text (self, cr, _("No grading table for this field and cycle"), width / 2, height / 2 - 8, 0.5, FALSE);
      cairo_destroy (cr);
      return;
    }
  draw_legend (self, cr, items, &fg, &bar, &hot, width, TRUE);

  /* One axis, 0–100 %, labelled, with light lines at 25 % steps. */
  cairo_set_line_width (cr, 1);
  for (guint step = 0; step <= 4; step++)
    {
      double y = plot.bottom - (plot.bottom - plot.top) * step / 4.0;
      /* Translators: an axis label of the grade chart, a percentage */
      g_autofree char *label = g_strdup_printf (_("%u %%"), step * 25);

      set_source (cr, &fg, step == 0 ? 0.35 : 0.12);
      cairo_move_to (cr, plot.left, round (y) + 0.5);
      cairo_line_to (cr, plot.right, round (y) + 0.5);
      cairo_stroke (cr);
      if (step % 2 == 0)
        {
          set_source (cr, &fg, 0.6);
          draw_text (self, cr, label, plot.left - 4, y - 8, 1, TRUE);
        }
    }

  slot = (plot.right - plot.left) / self->n;
  for (guint i = 0; i < self->n; i++)
    {
      double h = (plot.bottom - plot.top) * bridge_grade_chart_get_bar_fraction (self, i);
      double x = plot.left + i * slot + slot * 0.15;
      double w = slot * 0.7;
      BridgeGradeChartMark kind = bridge_grade_chart_get_mark_kind (self, self->labels[i]);
      g_autofree char *pct = g_strdup_printf ("%.0f%%", self->shares[i] * 100.0);

      draw_bar (cr, kind, x, plot.bottom - h, w, h, &bar, &hot);

      set_source (cr, &fg, kind != BRIDGE_GRADE_CHART_MARK_NONE ? 1.0 : 0.8);
      draw_text (self, cr, self->labels[i], x + w / 2, plot.bottom + 4, 0.5, TRUE);
      set_source (cr, &fg, 0.7);
      if (plot.bottom - h - 16 > plot.top - 12)
        draw_text (self, cr, pct, x + w / 2, plot.bottom - h - 16, 0.5, TRUE);
    }

  /* cumulative line over the bars' right edges, on the same axis */
  set_source (cr, &fg, 0.85);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, plot.left, plot.bottom);
  for (guint i = 0; i < self->n; i++)
    {
      cumulative += self->shares[i];
      cairo_line_to (cr, plot.left + (i + 1) * slot, plot.bottom - (plot.bottom - plot.top) * MIN (cumulative, 1.0));
    }
  cairo_stroke (cr);
  cumulative = 0;
  for (guint i = 0; i < self->n; i++)
    {
      cumulative += self->shares[i];
      cairo_arc (cr, plot.left + (i + 1) * slot, plot.bottom - (plot.bottom - plot.top) * MIN (cumulative, 1.0),
                 3, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

static void
bridge_grade_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 420;
    }
  else
    {
      *minimum = *natural = CHART_HEIGHT;
    }
}

static void
bridge_grade_chart_finalize (GObject *object)
{
  BridgeGradeChart *self = BRIDGE_GRADE_CHART (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->shares, g_free);
  g_clear_pointer (&self->mark, g_free);
  g_clear_pointer (&self->mark_legend, g_free);
  g_clear_pointer (&self->highlight, g_strfreev);

  G_OBJECT_CLASS (bridge_grade_chart_parent_class)->finalize (object);
}

static void
bridge_grade_chart_class_init (BridgeGradeChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bridge_grade_chart_finalize;
  widget_class->snapshot = bridge_grade_chart_snapshot;
  widget_class->measure = bridge_grade_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "gradechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bridge_grade_chart_init (BridgeGradeChart *self)
{
  self->labels = g_new0 (char *, 1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}
