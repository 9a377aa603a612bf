/* bridge-course-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-course-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-course-page-private.h"
#include "bridge-grade-preview.h"
#include "bridge-gui-util.h"
#include "bridge-recognition-list.h"
#include "bridge-validate.h"

struct _BridgeCoursePage
{
  AdwBin              parent_instance;

  BridgeContext      *context;
  BridgeCourse       *course;

  GtkScrolledWindow  *scroller;
  GtkLabel           *title_label;
  GtkLabel           *other_title_label;
  GtkLabel           *meta_label;
  GtkLabel           *headline_label;
  GtkButton          *add_button;
  GtkBox             *details_box;
  AdwPreferencesGroup *grade_group;
  BridgeGradePreview *grade_preview;
  BridgeRecognitionList *recognition;     /* in details_box; NULL for a home course */
};

G_DEFINE_FINAL_TYPE (BridgeCoursePage, bridge_course_page, ADW_TYPE_BIN)

enum {
  ADD_TO_PLAN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Short values stay on one line; long ones (outcomes, lists) wrap. */
  if (g_utf8_strlen (value, -1) > 24)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_can_focus (label, FALSE);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  /* Not a labelled-by relation: GTK 4.8 miscounts its references. */
  {
    g_autofree char *name = g_strdup_printf ("%s: %s", title, value);

    gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  adw_preferences_group_add (group, row);
  return row;
}

static void
add_number_row (AdwPreferencesGroup *group,
                const char          *title,
                double               value)
{
  g_autofree char *text = bridge_gui_format_number (value);

  add_row (group, title, text);
}

static AdwPreferencesGroup *
new_group (BridgeCoursePage *self,
           const char       *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->details_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static char *
join_strv (const char * const *strv,
           const char *(*label) (const char *))
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, label != NULL ? label (strv[i]) : strv[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
fill_about (BridgeCoursePage *self)
{
  BridgeCourse *course = self->course;
  AdwPreferencesGroup *group = new_group (self, _("About the Course"));
  BridgeUniversity *host = bridge_context_find_university (self->context,
                                                           bridge_course_get_university_id (course));
  g_autofree char *terms = NULL;
  g_autofree char *languages = bridge_language_join_names (bridge_course_get_languages (course));
  g_autofree char *prereq = join_strv (bridge_course_get_prerequisites (course), NULL);
  g_autofree char *field = NULL;
  g_autoptr(GString) term_names = g_string_new (NULL);
  const char * const *term_ids = bridge_course_get_terms (course);
  const char *isced_label = bridge_isced_get_label (bridge_course_get_isced (course));
  gint64 seats = bridge_course_get_seats (course);
  BridgeText *description = bridge_course_get_description (course);
  GPtrArray *outcomes = bridge_course_get_learning_outcomes (course);
  const char *url = bridge_course_get_url (course);
  const char *scale_id = bridge_course_get_grading_scale (course);

  add_number_row (group, _("Credits at the host"), bridge_course_get_credits (course));
  add_row (group, _("Level"), bridge_level_get_label (bridge_course_get_level (course)));
  add_row (group, _("Cycle"), bridge_cycle_get_label (bridge_course_get_cycle (course)));
  field = g_strdup_printf ("%s%s%s", bridge_course_get_isced (course),
                           isced_label != NULL ? " · " : "", isced_label != NULL ? isced_label : "");
  add_row (group, _("Field (ISCED)"), field);

  for (guint i = 0; term_ids != NULL && term_ids[i] != NULL; i++)
    {
      g_autofree char *label = bridge_term_get_label (host, term_ids[i]);

      if (i > 0)
        g_string_append (term_names, ", ");
      g_string_append (term_names, label);
    }
  terms = g_strdup (term_names->str);
  add_row (group, _("Terms"), *terms != '\0' ? terms : _("Not given"));
  add_row (group, _("Languages"), *languages != '\0' ? languages : _("Not given"));
  add_row (group, _("Delivery"), bridge_delivery_get_label (bridge_course_get_delivery (course)));
  if (seats >= 0)
    {
      g_autofree char *s = g_strdup_printf ("%" G_GINT64_FORMAT, seats);

      add_row (group, _("Seats"), s);
    }
  if (scale_id != NULL && host != NULL)
    {
      const BridgeGradingScale *scale = bridge_university_find_scale (host, scale_id);

      add_row (group, _("Grading scale"),
               scale != NULL && scale->name != NULL ? bridge_text_pick (scale->name) : scale_id);
    }
  add_row (group, _("Prerequisites"), *prereq != '\0' ? prereq : _("None"));
  if (url != NULL && *url != '\0')
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *link = gtk_link_button_new_with_label (url, _("Open"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Course page"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), url);
      gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (link, url);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
      adw_preferences_group_add (group, row);
    }

  if (description != NULL && bridge_text_pick (description) != NULL)
    {
      AdwPreferencesGroup *desc = new_group (self, _("Description"));
      GtkWidget *label = gtk_label_new (bridge_text_pick (description));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_can_focus (label, FALSE);
      adw_preferences_group_add (desc, label);
    }

  if (outcomes != NULL && outcomes->len > 0)
    {
      AdwPreferencesGroup *lo = new_group (self, _("Learning Outcomes"));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      for (guint i = 0; i < outcomes->len; i++)
        {
          g_autofree char *text = g_strdup_printf ("• %s", bridge_text_pick (g_ptr_array_index (outcomes, i)));
          GtkWidget *label = gtk_label_new (text);

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_selectable (GTK_LABEL (label), TRUE);
          gtk_widget_set_can_focus (label, FALSE);
          gtk_box_append (GTK_BOX (box), label);
        }
      adw_preferences_group_add (lo, box);
    }
}

static void
fill_credit (BridgeCoursePage *self)
{
  g_autoptr(BridgeCreditResult) credit = NULL;
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *workload;
  AdwPreferencesGroup *equiv;
  BridgeUniversity *home = bridge_context_get_home_university (self->context);
  GtkWidget *steps;
  g_autofree char *headline = NULL;
  g_autofree char *hours = NULL;

  credit = bridge_context_compute_credit (self->context, self->course, &error);

  workload = new_group (self, _("Workload"));
  equiv = new_group (self, _("Credit Equivalence"));
  if (home != NULL)
    {
      g_autofree char *desc = g_strdup_printf (_("What the course is worth at %s, computed from both universities’ credit policies."),
                                               bridge_text_pick (bridge_university_get_name (home)));

      adw_preferences_group_set_description (equiv, desc);
    }

  if (credit == NULL)
    {
      add_row (equiv, _("Not available"), error->message);
      gtk_label_set_text (self->headline_label, "");
      return;
    }

  hours = bridge_gui_format_number (credit->workload_hours);
  adw_preferences_group_set_description (workload,
                                         credit->workload_source == BRIDGE_WORKLOAD_DECLARED
                                         ? _("As declared by the host university.")
                                         : _("Estimated from the class periods and the host’s self-study ratios."));
  for (BridgeKind k = 0; k < BRIDGE_N_KINDS; k++)
    if (credit->kind_hours[k] > 0)
      {
        /* Translators: "Lecture hours", with the kind's label */
        g_autofree char *title = g_strdup_printf (_("%s (with self-study)"), bridge_kind_get_label (k));

        add_number_row (workload, title, credit->kind_hours[k]);
      }
  if (credit->practice_hours > 0)
    add_number_row (workload, _("Practice"), credit->practice_hours);
  {
    g_autofree char *total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s hour", "%s hours",
                                                           bridge_text_plural_count (hours)),
                                              hours);

    add_row (workload, _("Total workload"), total);
  }

  add_number_row (equiv, credit->home_course ? _("Credits") : _("Credits at the host"), credit->local_credits);
  add_number_row (equiv, _("Alliance credits"), credit->alliance_credits);
  add_number_row (equiv, _("ECTS credits"), credit->ects_credits);
  /* A course of the home university keeps its own credits: nothing
   * exact to show, nothing rounded. */
  if (!credit->home_course)
    {
      g_autofree char *exact = bridge_credit_format_exact (credit->exact.home_credits, NULL);

      add_row (equiv, _("Home credits (exact)"), exact);
    }
  {
    g_autofree char *awarded = bridge_gui_format_number (credit->home_credits_awarded);
    g_autofree char *step = bridge_gui_format_number (credit->credit_step);
    g_autofree char *text = NULL;
    GtkWidget *row;

    if (credit->home_course)
      /* Translators: "5, a course of your university" */
      text = g_strdup_printf (_("%s, a course of your university"), awarded);
    else if (credit->rounding == BRIDGE_CREDIT_ROUNDING_NEAREST)
      /* Translators: "2.5 (to the nearest 0.5)" */
      text = g_strdup_printf (_("%s (to the nearest %s)"), awarded, step);
    else
      /* Translators: "2.5 (in steps of 0.5)", rounded down */
      text = g_strdup_printf (_("%s (in steps of %s)"), awarded, step);
    row = add_row (equiv, credit->home_course ? _("Home credits") : _("Home credits awarded"), text);
    gtk_widget_add_css_class (row, "property");
    if (credit->home_course)
      /* Translators: "135 h · 5 credits at home, a course of your university" */
      headline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s h · %s credit at home, a course of your university",
                                               "%s h · %s credits at home, a course of your university",
                                               bridge_text_plural_count (awarded)),
                                  hours, awarded);
    else
      headline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s h · ≈ %s credit at home", "%s h · ≈ %s credits at home",
                                               bridge_text_plural_count (awarded)),
                                  hours, awarded);
    gtk_label_set_text (self->headline_label, headline);
  }
  if (credit->reason != NULL)
    add_row (equiv, _("Why"), credit->reason);
  if (credit->warning != NULL)
    {
      GtkWidget *row = add_row (equiv, _("Check"), credit->warning);

      gtk_widget_add_css_class (row, "warning");
    }

  steps = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (steps), _("How It Is Computed"));
  for (guint i = 0; credit->steps != NULL && i < credit->steps->len; i++)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (credit->steps, i));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_can_focus (label, FALSE);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_add_css_class (label, "numeric");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (steps), label);
    }
  adw_preferences_group_add (equiv, steps);
}

/* "Counts at Home For": the register's decisions on this course at the
 * student's home, then suggestions (bridge-recognition-list.c). A course of
 * the home university itself counts as it is. */
static void
fill_recognition (BridgeCoursePage *self)
{
  AdwPreferencesGroup *group = new_group (self, _("Counts at Home For"));
  const char *home = bridge_context_get_home_university_id (self->context);
  BridgeUniversity *home_university = bridge_context_get_home_university (self->context);

  self->recognition = NULL;
  if (home_university == NULL)
    {
      adw_preferences_group_set_description (group, _("Choose your home university in Preferences to see "
                                                      "what this course counts for there."));
      return;
    }
  if (g_strcmp0 (home, bridge_course_get_university_id (self->course)) == 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Find Replacements…"));

      adw_preferences_group_set_description (group, _("This is a course of your university: it counts "
                                                      "at home as it is, for its own credits."));
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, _("See what you could take at another university that "
                                             "would count for this course"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.find-replacements");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", bridge_course_get_id (self->course));
      gtk_widget_set_name (button, "find-replacements");
      adw_preferences_group_add (group, button);
      return;
    }
  {
    /* Translators: %s is the student's home university */
    g_autofree char *desc = g_strdup_printf (_("What this course could replace at %s: the decisions of "
                                               "its recognition register first, then similar courses."),
                                             bridge_text_pick (bridge_university_get_name (home_university)));

    adw_preferences_group_set_description (group, desc);
  }
  self->recognition = BRIDGE_RECOGNITION_LIST (bridge_recognition_list_new (self->context));
  adw_preferences_group_add (group, GTK_WIDGET (self->recognition));
  bridge_recognition_list_show_for_host (self->recognition, bridge_course_get_id (self->course));
}

static void
update (BridgeCoursePage *self)
{
  BridgeCourse *course = self->course;
  BridgeText *title;
  const char *picked;
  const char *other;
  const char *lang;
  g_autofree char *meta = NULL;
  BridgeUniversity *host;
  const char *city = NULL;

  bridge_gui_box_remove_all (self->details_box);
  self->recognition = NULL;

  if (course == NULL || self->context == NULL)
    return;

  title = bridge_course_get_title (course);
  picked = bridge_text_pick (title);
  lang = bridge_text_user_language ();
  /* The title in the other language, for the student's paperwork. */
  other = bridge_text_get (title, g_str_has_prefix (lang, "zh") ? "en" : "zh");
  gtk_label_set_text (self->title_label, picked);
  gtk_label_set_text (self->other_title_label, other != NULL && g_strcmp0 (other, picked) != 0 ? other : "");
  gtk_widget_set_visible (GTK_WIDGET (self->other_title_label),
                          other != NULL && g_strcmp0 (other, picked) != 0);

  host = bridge_context_find_university (self->context, bridge_course_get_university_id (course));
  if (host != NULL)
    city = bridge_text_pick (bridge_university_get_city (host));
  meta = g_strdup_printf ("%s · %s%s%s", bridge_course_get_code (course),
                          bridge_context_university_name (self->context, bridge_course_get_university_id (course)),
                          city != NULL ? " · " : "", city != NULL ? city : "");
  gtk_label_set_text (self->meta_label, meta);
  /* The page takes the focus when a course opens: it says which. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, picked, -1);

  fill_credit (self);
  fill_recognition (self);
  fill_about (self);

  bridge_grade_preview_set_pair (self->grade_preview, host,
                                 bridge_context_get_home_university (self->context),
                                 bridge_course_get_isced (course),
                                 bridge_course_get_cycle (course),
                                 bridge_course_get_grading_scale (course));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
bridge_course_page_set_context (BridgeCoursePage *self,
                                BridgeContext    *context)
{
  g_return_if_fail (BRIDGE_IS_COURSE_PAGE (self));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, update, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  bridge_grade_preview_set_context (self->grade_preview, context);
  update (self);
}

void
bridge_course_page_set_course (BridgeCoursePage *self,
                               BridgeCourse     *course)
{
  g_return_if_fail (BRIDGE_IS_COURSE_PAGE (self));

  if (!g_set_object (&self->course, course))
    return;
  update (self);
}

BridgeCourse *
bridge_course_page_get_course (BridgeCoursePage *self)
{
  g_return_val_if_fail (BRIDGE_IS_COURSE_PAGE (self), NULL);
  return self->course;
}

GtkWidget *
bridge_course_page_get_child (BridgeCoursePage *self,
                              const char       *name)
{
  g_return_val_if_fail (BRIDGE_IS_COURSE_PAGE (self), NULL);

  if (g_strcmp0 (name, "add-button") == 0)
    return GTK_WIDGET (self->add_button);
  if (g_strcmp0 (name, "grade-preview") == 0)
    return GTK_WIDGET (self->grade_preview);
  if (g_strcmp0 (name, "headline") == 0)
    return GTK_WIDGET (self->headline_label);
  if (g_strcmp0 (name, "title") == 0)
    return GTK_WIDGET (self->title_label);
  if (g_strcmp0 (name, "recognition") == 0)
    return GTK_WIDGET (self->recognition);
  return NULL;
}

static void
add_clicked_cb (BridgeCoursePage *self)
{
  if (self->course != NULL)
    g_signal_emit (self, signals[ADD_TO_PLAN], 0, self->course);
}

static void
bridge_course_page_dispose (GObject *object)
{
  BridgeCoursePage *self = BRIDGE_COURSE_PAGE (object);

  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_COURSE_PAGE);
  g_clear_object (&self->course);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bridge_course_page_parent_class)->dispose (object);
}

static void
bridge_course_page_class_init (BridgeCoursePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_course_page_dispose;

  signals[ADD_TO_PLAN] =
    g_signal_new ("add-to-plan", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BRIDGE_TYPE_COURSE);

  g_type_ensure (BRIDGE_TYPE_GRADE_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-course-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeCoursePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BridgeCoursePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeCoursePage, other_title_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeCoursePage, meta_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeCoursePage, headline_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeCoursePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, BridgeCoursePage, details_box);
  gtk_widget_class_bind_template_child (widget_class, BridgeCoursePage, grade_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeCoursePage, grade_preview);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
bridge_course_page_init (BridgeCoursePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
