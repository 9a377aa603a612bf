/* bridge-feedback-row.c: the student's feedback on one host course
 *
 * What the fields say goes to core only: bridge_plan_parse_feedback_hours ()
 * reads the hours as typed and bridge_plan_set_feedback () checks them with
 * the rating and the comment; a refusal shows under the field, and the plan
 * keeps what it had. Feedback needs both the hours and a rating; until both
 * are there, the row says so and the plan is not changed.
 *
 * The fields commit on Enter, on a rating chosen, and when the focus leaves
 * a field (from an idle, as the marks of bridge-results-view.c do: the
 * plan's listeners may rebuild widgets, which must not happen in the middle
 * of GTK's focus move, issue 14).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-feedback-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-feedback-row.h"
#include "bridge-gui-util.h"

struct _BridgeFeedbackRow
{
  AdwExpanderRow  parent_instance;

  BridgePlan     *plan;
  char           *course_id;
  char           *course_name;
  gboolean        updating;               /* fields being filled from the plan */
  gboolean        clearing;               /* the commit asked for is a clear */
  guint           commit_id;

  /* template */
  AdwActionRow   *hours_row;
  GtkEntry       *hours_entry;
  GtkListBoxRow  *hours_error_row;
  AdwComboRow    *rating_row;
  AdwEntryRow    *comment_row;
  AdwActionRow   *status_row;
  GtkButton      *clear_button;
  GtkWidget      *hours_error;
};

G_DEFINE_FINAL_TYPE (BridgeFeedbackRow, bridge_feedback_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SIGNAL_COMMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "96 hours · 4 — satisfied", or that there is none. */
static char *
summary (const BridgePlanFeedback *f)
{
  g_autofree char *hours = NULL;

  if (f == NULL)
    return g_strdup (_("Not given yet"));
  hours = bridge_gui_format_number (f->hours);
  /* Translators: the feedback on a course: "96 hours · 4 — satisfied" */
  return g_strdup_printf (_("%s hours · %s"), hours, bridge_plan_feedback_rating_get_label (f->rating));
}

/* @message: an error (in red, under the hours when @on_hours), a hint, or
 * NULL for what the plan holds. */
static void
show_status (BridgeFeedbackRow *self,
             const char        *message,
             gboolean           error,
             gboolean           on_hours)
{
  const BridgePlanFeedback *f = bridge_plan_get_feedback (self->plan, self->course_id);
  g_autofree char *text = summary (f);

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), text);
  bridge_gui_field_set_error (GTK_WIDGET (self->hours_entry), self->hours_error,
                              error && on_hours ? message : NULL);
  if (message != NULL && !(error && on_hours))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), message);
  else if (f != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Saved with the plan"));
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row),
                                   _("Enter the hours and choose a rating to give feedback"));
  if (error && !on_hours)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_row), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), f != NULL);
}

/* Fills the fields with what the plan holds. */
static void
show_feedback (BridgeFeedbackRow *self)
{
  const BridgePlanFeedback *f = bridge_plan_get_feedback (self->plan, self->course_id);
  g_autofree char *hours = f != NULL ? bridge_gui_format_number (f->hours) : g_strdup ("");

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->hours_entry), hours);
  adw_combo_row_set_selected (self->rating_row, f != NULL ? f->rating : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->comment_row), f != NULL && f->comment != NULL ? f->comment : "");
  self->updating = FALSE;
  show_status (self, NULL, FALSE, FALSE);
}

static void
request_commit (BridgeFeedbackRow *self)
{
  if (self->updating)
    return;
  g_signal_emit (self, signals[SIGNAL_COMMIT], 0);
}

static gboolean
commit_idle_cb (gpointer data)
{
  BridgeFeedbackRow *self = data;

  self->commit_id = 0;
  /* A row its view has taken away since shows a plan that may have moved on. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    request_commit (self);
  return G_SOURCE_REMOVE;
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                BridgeFeedbackRow       *self)
{
  if (self->commit_id != 0 || self->updating)
    return;
  self->commit_id = g_idle_add_full (G_PRIORITY_DEFAULT, commit_idle_cb, g_object_ref (self), g_object_unref);
}

static void
hours_activate_cb (BridgeFeedbackRow *self)
{
  request_commit (self);
}

static void
rating_selected_cb (BridgeFeedbackRow *self)
{
  request_commit (self);
}

static void
comment_apply_cb (BridgeFeedbackRow *self)
{
  request_commit (self);
}

static void
clear_clicked_cb (BridgeFeedbackRow *self)
{
  self->clearing = TRUE;
  request_commit (self);
  self->clearing = FALSE;
}

static void
bridge_feedback_row_dispose (GObject *object)
{
  BridgeFeedbackRow *self = BRIDGE_FEEDBACK_ROW (object);

  g_clear_handle_id (&self->commit_id, g_source_remove);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (bridge_feedback_row_parent_class)->dispose (object);
}

static void
bridge_feedback_row_finalize (GObject *object)
{
  BridgeFeedbackRow *self = BRIDGE_FEEDBACK_ROW (object);

  g_free (self->course_id);
  g_free (self->course_name);
  G_OBJECT_CLASS (bridge_feedback_row_parent_class)->finalize (object);
}

static void
bridge_feedback_row_class_init (BridgeFeedbackRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_feedback_row_dispose;
  object_class->finalize = bridge_feedback_row_finalize;

  /**
   * BridgeFeedbackRow::commit:
   *
   * The user entered feedback or asked to clear it: the handler calls
   * bridge_feedback_row_apply ().
   */
  signals[SIGNAL_COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/creditbridge/CreditBridge/bridge-feedback-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeFeedbackRow, hours_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeFeedbackRow, hours_entry);
  gtk_widget_class_bind_template_child (widget_class, BridgeFeedbackRow, hours_error_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeFeedbackRow, rating_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeFeedbackRow, comment_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeFeedbackRow, status_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeFeedbackRow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, hours_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, rating_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, comment_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
}

static void
bridge_feedback_row_init (BridgeFeedbackRow *self)
{
  g_autoptr(GtkStringList) ratings = gtk_string_list_new (NULL);
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: no rating chosen yet, in the list of ratings */
  gtk_string_list_append (ratings, _("Not rated"));
  for (guint r = 1; r <= 5; r++)
    gtk_string_list_append (ratings, bridge_plan_feedback_rating_get_label (r));
  self->updating = TRUE;
  adw_combo_row_set_model (self->rating_row, G_LIST_MODEL (ratings));
  self->updating = FALSE;

  self->hours_error = bridge_gui_field_error_new ();
  gtk_widget_set_margin_start (self->hours_error, 12);
  gtk_widget_set_margin_end (self->hours_error, 12);
  gtk_widget_set_margin_top (self->hours_error, 6);
  gtk_widget_set_margin_bottom (self->hours_error, 6);
  gtk_list_box_row_set_child (self->hours_error_row, self->hours_error);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->hours_entry), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->comment_row), focus);
}

GtkWidget *
bridge_feedback_row_new (BridgePlan *plan,
                         const char *course_id,
                         const char *course_name)
{
  BridgeFeedbackRow *self;
  g_autofree char *name = NULL, *hours = NULL, *rating = NULL, *comment = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (course_id != NULL, NULL);

  self = g_object_new (BRIDGE_TYPE_FEEDBACK_ROW, NULL);
  self->plan = g_object_ref (plan);
  self->course_id = g_strdup (course_id);
  self->course_name = g_strdup (course_name != NULL ? course_name : course_id);

  /* Translators: accessible names: "Your feedback on CS301 Operating Systems" */
  name = g_strdup_printf (_("Your feedback on %s"), self->course_name);
  hours = g_strdup_printf (_("Hours spent on %s"), self->course_name);
  rating = g_strdup_printf (_("Rating of %s"), self->course_name);
  comment = g_strdup_printf (_("Comment on %s"), self->course_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hours_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, hours, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rating_row), GTK_ACCESSIBLE_PROPERTY_LABEL, rating, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->comment_row), GTK_ACCESSIBLE_PROPERTY_LABEL, comment, -1);

  show_feedback (self);
  return GTK_WIDGET (self);
}

void
bridge_feedback_row_apply (BridgeFeedbackRow *self)
{
  const BridgePlanFeedback *f;
  g_autofree char *hours_text = NULL;
  g_autoptr(GError) error = NULL;
  const char *comment;
  guint rating;
  double hours;

  g_return_if_fail (BRIDGE_IS_FEEDBACK_ROW (self));

  f = bridge_plan_get_feedback (self->plan, self->course_id);
  if (self->clearing)
    {
      bridge_plan_clear_feedback (self->plan, self->course_id);
      show_feedback (self);
      return;
    }

  hours_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->hours_entry))));
  rating = adw_combo_row_get_selected (self->rating_row);
  if (rating == GTK_INVALID_LIST_POSITION)
    rating = 0;
  comment = gtk_editable_get_text (GTK_EDITABLE (self->comment_row));

  if (*hours_text == '\0' || rating == 0)
    {
      /* Nothing given, or not yet all of it: the plan keeps what it has. */
      show_status (self, f != NULL ? _("Give both the hours and a rating; the feedback saved is unchanged")
                                   : _("Enter the hours and choose a rating to give feedback"),
                   FALSE, FALSE);
      return;
    }
  if (!bridge_plan_parse_feedback_hours (self->course_name, hours_text, &hours, &error))
    {
      show_status (self, error->message, TRUE, TRUE);
      return;
    }
  /* The same as saved: the plan is not modified again. */
  if (f != NULL && f->hours == hours && f->rating == rating && g_strcmp0 (f->comment, *comment ? comment : NULL) == 0)
    {
      show_status (self, NULL, FALSE, FALSE);
      return;
    }
  if (!bridge_plan_set_feedback (self->plan, self->course_id, hours, rating, comment, &error))
    {
      /* The rating comes from the list: without a comment, the hours are
       * what core refused, and the message goes under them. */
      show_status (self, error->message, TRUE, *comment == '\0');
      return;
    }
  show_status (self, NULL, FALSE, FALSE);
}

/* For tests ---------------------------------------------------------------- */

GtkWidget *
bridge_feedback_row_get_hours_entry (BridgeFeedbackRow *self)
{
  g_return_val_if_fail (BRIDGE_IS_FEEDBACK_ROW (self), NULL);
  return GTK_WIDGET (self->hours_entry);
}

AdwComboRow *
bridge_feedback_row_get_rating_row (BridgeFeedbackRow *self)
{
  g_return_val_if_fail (BRIDGE_IS_FEEDBACK_ROW (self), NULL);
  return self->rating_row;
}

GtkWidget *
bridge_feedback_row_get_comment_row (BridgeFeedbackRow *self)
{
  g_return_val_if_fail (BRIDGE_IS_FEEDBACK_ROW (self), NULL);
  return GTK_WIDGET (self->comment_row);
}

GtkWidget *
bridge_feedback_row_get_clear_button (BridgeFeedbackRow *self)
{
  g_return_val_if_fail (BRIDGE_IS_FEEDBACK_ROW (self), NULL);
  return GTK_WIDGET (self->clear_button);
}

const char *
bridge_feedback_row_get_error (BridgeFeedbackRow *self)
{
  g_return_val_if_fail (BRIDGE_IS_FEEDBACK_ROW (self), NULL);
  if (gtk_widget_get_visible (self->hours_error))
    return gtk_label_get_text (GTK_LABEL (self->hours_error));
  if (gtk_widget_has_css_class (GTK_WIDGET (self->status_row), "error"))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->status_row));
  return NULL;
}
