/* bridge-course-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-course-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-course-row.h"
#include "bridge-gui-util.h"

struct _BridgeCourseRow
{
  GtkWidget  parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *code_label;
  GtkLabel  *university_label;
  GtkLabel  *facts_label;
};

G_DEFINE_FINAL_TYPE (BridgeCourseRow, bridge_course_row, GTK_TYPE_WIDGET)

GtkWidget *
bridge_course_row_new (void)
{
  return g_object_new (BRIDGE_TYPE_COURSE_ROW, NULL);
}

const char *
bridge_course_row_get_facts (BridgeCourseRow *self)
{
  g_return_val_if_fail (BRIDGE_IS_COURSE_ROW (self), NULL);
  return gtk_label_get_text (self->facts_label);
}

void
bridge_course_row_set_course (BridgeCourseRow *self,
                              BridgeContext   *context,
                              BridgeCourse    *course)
{
  g_autoptr(BridgeCreditResult) credit = NULL;
  g_autofree char *credits = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *home = NULL;
  g_autofree char *facts = NULL;
  g_autofree char *label = NULL;
  const char *title;
  const char *university;

  g_return_if_fail (BRIDGE_IS_COURSE_ROW (self));

  if (course == NULL || *bridge_course_get_id (course) == '\0')
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->code_label, "");
      gtk_label_set_text (self->university_label, "");
      gtk_label_set_text (self->facts_label, "");
      return;
    }

  title = bridge_text_pick (bridge_course_get_title (course));
  university = bridge_text_pick (bridge_course_get_university_name (course));
  if (university == NULL && context != NULL)
    university = bridge_context_university_name (context, bridge_course_get_university_id (course));

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->code_label, bridge_course_get_code (course));
  gtk_label_set_text (self->university_label, university != NULL ? university : "");

  if (context != NULL)
    credit = bridge_context_compute_credit (context, course, NULL);

  credits = bridge_gui_format_number (bridge_course_get_credits (course));
  if (credit != NULL)
    {
      g_autofree char *h = bridge_gui_format_number (credit->workload_hours);
      g_autofree char *c = bridge_gui_format_number (credit->home_credits_awarded);

      /* Translators: workload in hours; %s is a number */
      hours = g_strdup_printf (_("%s h"), h);
      /* Translators: what the course is worth at the student's home university */
      home = g_strdup_printf (_("≈ %s at home"), c);
      /* Translators: "3 credits · 48 h · ≈ 2.5 at home" */
      facts = g_strdup_printf (_("%s credits · %s · %s"), credits, hours, home);
    }
  else
    {
      facts = g_strdup_printf (_("%s credits"), credits);
    }
  gtk_label_set_text (self->facts_label, facts);

  /* Screen readers read the row as one sentence. */
  label = g_strdup_printf ("%s, %s, %s, %s", title, bridge_course_get_code (course),
                           university != NULL ? university : "", facts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
bridge_course_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bridge_course_row_parent_class)->dispose (object);
}

static void
bridge_course_row_class_init (BridgeCourseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_course_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkLabel *
add_label (GtkWidget  *box,
           int         max_width_chars,
           const char *class1,
           const char *class2)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (max_width_chars > 0)
    gtk_label_set_max_width_chars (GTK_LABEL (label), max_width_chars);
  if (class1 != NULL)
    gtk_widget_add_css_class (label, class1);
  if (class2 != NULL)
    gtk_widget_add_css_class (label, class2);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

/* Built in code, not from a template: a search that replaces the results
 * makes a screenful of rows at once, and GTK 4.8 parses a template's XML
 * for every instance. */
static void
bridge_course_row_init (BridgeCourseRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (box), top);

  self->title_label = add_label (top, 30, "heading", NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  self->code_label = add_label (top, 0, "dim-label", "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->code_label), "monospace");
  gtk_label_set_xalign (self->code_label, 1);
  gtk_label_set_ellipsize (self->code_label, PANGO_ELLIPSIZE_NONE);
  self->university_label = add_label (box, 36, "dim-label", NULL);
  self->facts_label = add_label (box, 36, "caption", NULL);
}
