/* bridge-course-row.c
 *
 * One row of the course list, drawn as one widget.
 *
 * GTK 4.8's list views build a row for each of some 200 items at once, so a
 * search that replaces the results makes and drops 200 rows. Built from a box
 * and four GtkLabels, a row was eight CSS nodes, and each label laid its text
 * out twice to be measured; that was most of the main thread's work in a
 * search. This row is one CSS node: its height comes from the font alone
 * (every row in the same script has the same), and its four texts are laid
 * out once, when the row is first drawn at its width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-course-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-course-row-private.h"
#include "bridge-gui-util.h"

typedef enum
{
  PART_TITLE,      /* heading, ellipsized */
  PART_CODE,       /* dim monospace caption, at the end of the title's line */
  PART_UNIVERSITY, /* dim, ellipsized */
  PART_FACTS,      /* caption, ellipsized */
  N_PARTS
} Part;

/* As libadwaita 1.2's style classes .heading (bold, 11 pt), .caption (9 pt),
 * .dim-label and .monospace. */
#define HEADING_PT    11
#define CAPTION_PT    9
#define DIM_OPACITY   0.55
#define MARGIN        6
#define LINE_SPACING  1
#define CODE_SPACING  6
/* The width the row asks for, in average characters, as the labels' maximum
 * width in characters did. */
#define NATURAL_CHARS 36
#define MINIMUM_CHARS 8

struct _BridgeCourseRow
{
  GtkWidget    parent_instance;

  char        *text[N_PARTS];
  PangoLayout *layout[N_PARTS];
  int          layout_width;   /* the width the layouts were made for */
  guint        layout_serial;  /* of the widget's PangoContext then */
  gboolean     tall_lines;     /* some text needs taller lines than Latin */
};

G_DEFINE_FINAL_TYPE (BridgeCourseRow, bridge_course_row, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------------ */
/* The same for every row with the same font: measured once.                */

typedef struct
{
  PangoFontDescription *font;
  double                resolution;
  int                   line_height[N_PARTS];
  int                   char_width;
} Metrics;

/* Rows all in Latin-like scripts, and the others, which get lines as tall
 * as Latin and Chinese together (24 px against 19 here), as every row did
 * before. Rows of English text do not load the CJK fonts, which costs the
 * first frame some 14 ms. */
static Metrics metrics_cache[2];

static PangoAttrList *
part_attributes (Part part)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  switch (part)
    {
    case PART_TITLE:
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_size_new (HEADING_PT * PANGO_SCALE));
      break;
    case PART_CODE:
      pango_attr_list_insert (attrs, pango_attr_family_new ("monospace"));
      pango_attr_list_insert (attrs, pango_attr_size_new (CAPTION_PT * PANGO_SCALE));
      break;
    case PART_FACTS:
      pango_attr_list_insert (attrs, pango_attr_size_new (CAPTION_PT * PANGO_SCALE));
      break;
    case PART_UNIVERSITY:
    case N_PARTS:
    default:
      break;
    }
  return attrs;
}

static const Metrics *
get_metrics (BridgeCourseRow *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double resolution = pango_cairo_context_get_resolution (context);
  Metrics *metrics = &metrics_cache[self->tall_lines ? 1 : 0];
  PangoFontMetrics *font_metrics;

  if (metrics->font != NULL &&
      metrics->resolution == resolution &&
      pango_font_description_equal (metrics->font, font))
    return metrics;

  g_clear_pointer (&metrics->font, pango_font_description_free);
  metrics->font = pango_font_description_copy (font);
  metrics->resolution = resolution;

  /* With Chinese, Latin and Chinese on one line: a row of either kind, or
   * of both, is as tall. */
  for (Part part = 0; part < N_PARTS; part++)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      g_autoptr(PangoAttrList) attrs = part_attributes (part);
      int height;

      pango_layout_set_text (layout, self->tall_lines ? "Ag学分" : "Ag", -1);
      pango_layout_set_attributes (layout, attrs);
      pango_layout_get_pixel_size (layout, NULL, &height);
      metrics->line_height[part] = height;
    }

  font_metrics = pango_context_get_metrics (context, font, NULL);
  metrics->char_width = PANGO_PIXELS (pango_font_metrics_get_approximate_char_width (font_metrics));
  pango_font_metrics_unref (font_metrics);
  return metrics;
}

/* Whether @text is all in scripts whose fonts have lines as short as Latin:
 * Latin, Greek and Cyrillic, with general punctuation, currency signs,
 * number forms, arrows and mathematical operators ("·", "≈"). Anything else
 * (Chinese, but also Tibetan, Yi, Thai …) gets the taller lines. */
static gboolean
has_only_short_lines (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!(c < 0x0530 || (c >= 0x1E00 && c < 0x2300)))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */

GtkWidget *
bridge_course_row_new (void)
{
  return g_object_new (BRIDGE_TYPE_COURSE_ROW, NULL);
}

const char *
bridge_course_row_get_facts (BridgeCourseRow *self)
{
  g_return_val_if_fail (BRIDGE_IS_COURSE_ROW (self), NULL);
  return self->text[PART_FACTS] != NULL ? self->text[PART_FACTS] : "";
}

const char *
bridge_course_row_get_title (BridgeCourseRow *self)
{
  g_return_val_if_fail (BRIDGE_IS_COURSE_ROW (self), NULL);
  return self->text[PART_TITLE] != NULL ? self->text[PART_TITLE] : "";
}

static void
drop_layouts (BridgeCourseRow *self)
{
  for (Part part = 0; part < N_PARTS; part++)
    g_clear_object (&self->layout[part]);
}

static void
set_texts (BridgeCourseRow *self,
           const char      *title,
           const char      *code,
           const char      *university,
           const char      *facts)
{
  const char *texts[N_PARTS] = { title, code, university, facts };
  gboolean tall_lines = FALSE;

  for (Part part = 0; part < N_PARTS; part++)
    {
      g_free (self->text[part]);
      self->text[part] = g_strdup (texts[part] != NULL ? texts[part] : "");
      tall_lines = tall_lines || !has_only_short_lines (self->text[part]);
    }
  drop_layouts (self);
  /* Every row in the same script is as tall as the next: mostly, only the
   * drawing changes. */
  if (tall_lines != self->tall_lines)
    {
      self->tall_lines = tall_lines;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  else
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
bridge_course_row_set_course (BridgeCourseRow *self,
                              BridgeContext   *context,
                              BridgeCourse    *course)
{
  g_autoptr(BridgeCreditResult) credit = NULL;
  g_autofree char *credits = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *label = NULL;
  const char *title;
  const char *university;
  gulong n;

  g_return_if_fail (BRIDGE_IS_COURSE_ROW (self));

  if (course == NULL || *bridge_course_get_id (course) == '\0')
    {
      set_texts (self, NULL, NULL, NULL, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  title = bridge_text_pick (bridge_course_get_title (course));
  university = bridge_text_pick (bridge_course_get_university_name (course));
  if (university == NULL && context != NULL)
    university = bridge_context_university_name (context, bridge_course_get_university_id (course));

  if (context != NULL)
    credit = bridge_context_compute_credit (context, course, NULL);

  credits = bridge_gui_format_number (bridge_course_get_credits (course));
  n = bridge_text_plural_count (credits);
  if (credit != NULL)
    {
      g_autofree char *h = bridge_gui_format_number (credit->workload_hours);
      g_autofree char *c = bridge_gui_format_number (credit->home_credits_awarded);
      /* Translators: workload in hours; %s is a number */
      g_autofree char *hours = g_strdup_printf (_("%s h"), h);
      /* Translators: what the course is worth at the student's home university;
       * a course of that university itself keeps its own credits */
      g_autofree char *home = credit->home_course ? g_strdup (_("a course of your university"))
                                                  : g_strdup_printf (_("≈ %s at home"), c);

      /* Translators: "3 credits · 48 h · ≈ 2.5 at home" */
      facts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s credit · %s · %s", "%s credits · %s · %s", n),
                               credits, hours, home);
    }
  else
    {
      facts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s credit", "%s credits", n), credits);
    }

  set_texts (self, title, bridge_course_get_code (course), university, facts);

  /* Screen readers read the row as one sentence. */
  label = g_strdup_printf ("%s, %s, %s, %s", title, bridge_course_get_code (course),
                           university != NULL ? university : "", facts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
bridge_course_row_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  const Metrics *m = get_metrics (BRIDGE_COURSE_ROW (widget));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 2 * MARGIN + MINIMUM_CHARS * m->char_width;
      *natural = 2 * MARGIN + NATURAL_CHARS * m->char_width;
    }
  else
    {
      *minimum = *natural = 2 * MARGIN + 2 * LINE_SPACING +
                            MAX (m->line_height[PART_TITLE], m->line_height[PART_CODE]) +
                            m->line_height[PART_UNIVERSITY] +
                            m->line_height[PART_FACTS];
    }
}

static PangoLayout *
make_layout (BridgeCourseRow *self,
             Part             part,
             int              width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text[part]);
  g_autoptr(PangoAttrList) attrs = part_attributes (part);

  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (width >= 0)
    {
      pango_layout_set_width (layout, MAX (width, 0) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static void
ensure_layouts (BridgeCourseRow *self,
                int              width)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  int code_width = 0;

  if (self->layout[PART_TITLE] != NULL &&
      self->layout_width == width &&
      self->layout_serial == pango_context_get_serial (context))
    return;

  drop_layouts (self);
  self->layout_width = width;
  self->layout_serial = pango_context_get_serial (context);

  self->layout[PART_CODE] = make_layout (self, PART_CODE, -1);
  if (*self->text[PART_CODE] != '\0')
    {
      pango_layout_get_pixel_size (self->layout[PART_CODE], &code_width, NULL);
      code_width = MIN (code_width, width / 2);
    }
  self->layout[PART_TITLE] = make_layout (self, PART_TITLE,
                                          width - (code_width > 0 ? code_width + CODE_SPACING : 0));
  self->layout[PART_UNIVERSITY] = make_layout (self, PART_UNIVERSITY, width);
  self->layout[PART_FACTS] = make_layout (self, PART_FACTS, width);
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               int            x,
               int            y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
bridge_course_row_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  BridgeCourseRow *self = BRIDGE_COURSE_ROW (widget);
  const Metrics *m = get_metrics (self);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int width = gtk_widget_get_width (widget) - 2 * MARGIN;
  int title_line = MAX (m->line_height[PART_TITLE], m->line_height[PART_CODE]);
  int title_width;
  int code_width;
  int code_height;
  int y = MARGIN;
  GdkRGBA color;
  GdkRGBA dim;

  if (self->text[PART_TITLE] == NULL || width <= 0)
    return;

  ensure_layouts (self, width);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = color;
  dim.alpha *= DIM_OPACITY;

  pango_layout_get_pixel_size (self->layout[PART_TITLE], &title_width, NULL);
  pango_layout_get_pixel_size (self->layout[PART_CODE], &code_width, &code_height);
  code_width = MIN (code_width, width / 2);

  /* Title at the start, code at the end, on one line. */
  append_layout (snapshot, self->layout[PART_TITLE],
                 rtl ? MARGIN + width - title_width : MARGIN,
                 y + (title_line - m->line_height[PART_TITLE]) / 2, &color);
  if (code_width > 0)
    append_layout (snapshot, self->layout[PART_CODE],
                   rtl ? MARGIN : MARGIN + width - code_width,
                   y + (title_line - code_height) / 2, &dim);
  y += title_line + LINE_SPACING;

  for (Part part = PART_UNIVERSITY; part <= PART_FACTS; part++)
    {
      int text_width;

      pango_layout_get_pixel_size (self->layout[part], &text_width, NULL);
      append_layout (snapshot, self->layout[part],
                     rtl ? MARGIN + width - text_width : MARGIN, y,
                     part == PART_UNIVERSITY ? &dim : &color);
      y += m->line_height[part] + LINE_SPACING;
    }
}

static void
bridge_course_row_finalize (GObject *object)
{
  BridgeCourseRow *self = BRIDGE_COURSE_ROW (object);

  drop_layouts (self);
  for (Part part = 0; part < N_PARTS; part++)
    g_free (self->text[part]);

  G_OBJECT_CLASS (bridge_course_row_parent_class)->finalize (object);
}

static void
bridge_course_row_class_init (BridgeCourseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bridge_course_row_finalize;
  widget_class->measure = bridge_course_row_measure;
  widget_class->snapshot = bridge_course_row_snapshot;

  gtk_widget_class_set_css_name (widget_class, "courserow");
}

static void
bridge_course_row_init (BridgeCourseRow *self)
{
}
