/* bridge-grade-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-grade-chart"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bridge-grade-chart.h"

struct _BridgeGradeChart
{
  GtkWidget  parent_instance;

  char      *title;
  GStrv      labels;
  double    *shares;                      /* 0…1 of the passing grades */
  guint      n;
  GStrv      highlight;
};

G_DEFINE_FINAL_TYPE (BridgeGradeChart, bridge_grade_chart, GTK_TYPE_WIDGET)

#define CHART_HEIGHT 200
#define PAD 8.0

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
  double top, bottom, left, right, slot, max_share = 0;
  double cumulative = 0;
  cairo_t *cr;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* title */
  set_source (cr, &fg, 1.0);
  if (self->title != NULL)
    draw_text (self, cr, self->title, PAD, 0, 0, FALSE);

  top = 28 + 16;
  bottom = height - 24;
  left = PAD + 28;
  right = width - PAD - 28;

  if (self->n == 0 || right <= left || bottom <= top)
    {
      set_source (cr, &fg, 0.55);
      draw_text (self, cr, _("No grading table for this field and cycle"), width / 2, height / 2 - 8, 0.5, FALSE);
      cairo_destroy (cr);
      return;
    }

  for (guint i = 0; i < self->n; i++)
    max_share = MAX (max_share, self->shares[i]);
  if (max_share <= 0)
    max_share = 1;

  /* axes: left for shares, right for the cumulative percentage */
  set_source (cr, &fg, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left, bottom + 0.5);
  cairo_line_to (cr, right, bottom + 0.5);
  cairo_stroke (cr);
  set_source (cr, &fg, 0.6);
  draw_text (self, cr, "0%", left - 4, bottom - 8, 1, TRUE);
  draw_text (self, cr, "100%", right + 4, top - 8, 0, TRUE);

  slot = (right - left) / self->n;
  for (guint i = 0; i < self->n; i++)
    {
      double h = (bottom - top) * self->shares[i] / max_share;
      double x = left + i * slot + slot * 0.15;
      double w = slot * 0.7;
      gboolean is_hot = self->highlight != NULL &&
                        g_strv_contains ((const char * const *) self->highlight, self->labels[i]);
      g_autofree char *pct = g_strdup_printf ("%.0f%%", self->shares[i] * 100.0);

      set_source (cr, is_hot ? &hot : &bar, is_hot ? 1.0 : 0.75);
      cairo_rectangle (cr, x, bottom - h, w, h);
      cairo_fill (cr);

      set_source (cr, &fg, is_hot ? 1.0 : 0.8);
      draw_text (self, cr, self->labels[i], x + w / 2, bottom + 4, 0.5, TRUE);
      set_source (cr, &fg, 0.7);
      if (h > 18)
        draw_text (self, cr, pct, x + w / 2, bottom - h - 16, 0.5, TRUE);
    }

  /* cumulative line over the bars' right edges */
  set_source (cr, &fg, 0.85);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, left, bottom);
  for (guint i = 0; i < self->n; i++)
    {
      cumulative += self->shares[i];
      cairo_line_to (cr, left + (i + 1) * slot, bottom - (bottom - top) * MIN (cumulative, 1.0));
    }
  cairo_stroke (cr);
  cumulative = 0;
  for (guint i = 0; i < self->n; i++)
    {
      cumulative += self->shares[i];
      cairo_arc (cr, left + (i + 1) * slot, bottom - (bottom - top) * MIN (cumulative, 1.0), 3, 0, 2 * G_PI);
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
