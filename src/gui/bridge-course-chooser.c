/* bridge-course-chooser.c
 *
 * The search runs in core (bridge_catalog_search ()) over the courses of
 * one university; the list shows the first 40 it finds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-course-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-course-chooser.h"
#include "bridge-gui-util.h"
#include "bridge-recognition-list.h"

struct _BridgeCourseChooser
{
  GtkPopover      parent_instance;

  BridgeContext  *context;
  BridgePlan     *plan;
  BridgePlanSide  side;
  GtkLabel       *empty;                  /* the list's placeholder */
  /* The home side of a group: what its host courses could replace, listed
   * first ("Suggested") while nothing is typed. */
  char          **host_ids;
  GCancellable   *cancellable;
  BridgeRecognitionResult *suggested;

  /* template */
  GtkListBox     *list;
  GtkSearchEntry *entry;
};

G_DEFINE_FINAL_TYPE (BridgeCourseChooser, bridge_course_chooser, GTK_TYPE_POPOVER)

enum {
  COURSE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
course_row (BridgeCourse *course,
            const char   *subtitle,
            gboolean      suggested)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 bridge_text_pick (bridge_course_get_title (course)));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The reason of a suggestion stays on one line. */
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle, -1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "course-id",
                          g_strdup (bridge_course_get_id (course)), g_free);
  g_object_set_data (G_OBJECT (row), "suggested", GINT_TO_POINTER (suggested));
  return row;
}

/* The home courses that the register's decisions and the suggestions map
 * the group's host courses to, best first, each with its first reason. */
static void
add_suggested (BridgeCourseChooser *chooser,
               GHashTable          *shown)
{
  GPtrArray *options = chooser->suggested != NULL ? chooser->suggested->options : NULL;

  for (guint i = 0; options != NULL && i < options->len; i++)
    {
      BridgeRecognitionOption *option = g_ptr_array_index (options, i);

      for (guint j = 0; option->home_courses != NULL && option->home_courses[j] != NULL; j++)
        {
          BridgeCourse *course = g_hash_table_lookup (chooser->suggested->courses, option->home_courses[j]);
          g_autofree char *reason = NULL;

          if (course == NULL || !g_hash_table_add (shown, option->home_courses[j]))
            continue;
          /* The reason first: the line is cut at the popover's edge. */
          if (option->kind == BRIDGE_RECOGNITION_PRECEDENT && option->equivalence != NULL)
            /* Translators: why a home course is suggested, "Decision SA-2025-17 · MA101" */
            reason = g_strdup_printf (option->expired ? _("Decision %s (expired) · %s") : _("Decision %s · %s"),
                                      option->equivalence->reference != NULL ? option->equivalence->reference
                                                                             : option->equivalence->decided,
                                      bridge_course_get_code (course));
          else
            /* Translators: "Strong match · same field …" */
            reason = g_strdup_printf (_("%s · %s"), bridge_recognition_score_label (option->score),
                                      option->reasons != NULL && option->reasons->len > 0
                                      ? (char *) g_ptr_array_index (option->reasons, 0) : "");
          gtk_list_box_append (chooser->list, course_row (course, reason, TRUE));
        }
    }
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       data)
{
  gboolean suggested = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "suggested"));
  gboolean before_suggested = before != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (before), "suggested"));
  GtkWidget *header = NULL;

  /* Headers only when there are suggestions: "Suggested", then "All Courses". */
  if (suggested && before == NULL)
    header = gtk_label_new (_("Suggested"));
  else if (!suggested && before_suggested)
    header = gtk_label_new (_("All Courses"));
  if (header != NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (header), 0);
      gtk_widget_add_css_class (header, "heading");
      gtk_widget_set_margin_top (header, 6);
      gtk_widget_set_margin_start (header, 6);
    }
  gtk_list_box_row_set_header (row, header);
}

static void
search_changed_cb (GtkSearchEntry      *entry,
                   BridgeCourseChooser *chooser)
{
  BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;
  BridgeCatalog *catalog = chooser->context != NULL ? bridge_context_get_catalog (chooser->context) : NULL;
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  guint total = 0;

  bridge_gui_list_box_remove_all (chooser->list);
  filter.university = chooser->side == BRIDGE_PLAN_SIDE_HOME
                      ? bridge_plan_get_home_university (chooser->plan)
                      : bridge_plan_get_host_university (chooser->plan);
  if (filter.university == NULL || catalog == NULL)
    {
      gtk_label_set_text (chooser->empty, chooser->side == BRIDGE_PLAN_SIDE_HOME
                                          ? _("Choose your home university in Preferences first")
                                          : _("Add a course of the host university from the Catalog first"));
      return;
    }

  courses = bridge_catalog_search (catalog, gtk_editable_get_text (GTK_EDITABLE (entry)),
                                   &filter, 40, &total, &error);
  if (error != NULL)
    gtk_label_set_text (chooser->empty, error->message);
  else if (*gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0')
    gtk_label_set_text (chooser->empty, _("The catalog has no course of this university"));
  else
    {
      /* Translators: the course chooser found nothing: "No course matches “zzz”" */
      g_autofree char *text = g_strdup_printf (_("No course matches “%s”"),
                                               gtk_editable_get_text (GTK_EDITABLE (entry)));

      gtk_label_set_text (chooser->empty, text);
    }
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0')
    add_suggested (chooser, shown);
  for (guint i = 0; courses != NULL && i < courses->len; i++)
    {
      BridgeCourse *course = g_ptr_array_index (courses, i);
      g_autofree char *credits = NULL;
      g_autofree char *subtitle = NULL;

      if (g_hash_table_contains (shown, bridge_course_get_id (course)))
        continue;
      credits = bridge_gui_format_number (bridge_course_get_credits (course));
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s credit", "%s · %s credits",
                                               bridge_text_plural_count (credits)),
                                  bridge_course_get_code (course), credits);
      gtk_list_box_append (chooser->list, course_row (course, subtitle, FALSE));
    }
}

typedef struct
{
  BridgeCourseChooser *chooser;
  char                *id;
} Chosen;

static gboolean
emit_chosen (gpointer data)
{
  Chosen *chosen = data;

  g_signal_emit (chosen->chooser, signals[COURSE_CHOSEN], 0, chosen->id);
  g_object_unref (chosen->chooser);
  g_free (chosen->id);
  g_free (chosen);
  return G_SOURCE_REMOVE;
}

/* The choice is told once the popover is gone: a plan page that rebuilds
 * the group at once would destroy the popover's button while GTK 4.8 still
 * holds a tooltip of it, which then asks a surface that no longer exists. */
static void
row_activated_cb (GtkListBox          *list,
                  GtkListBoxRow       *row,
                  BridgeCourseChooser *chooser)
{
  Chosen *chosen = g_new0 (Chosen, 1);

  chosen->chooser = g_object_ref (chooser);
  chosen->id = g_strdup (g_object_get_data (G_OBJECT (row), "course-id"));
  gtk_popover_popdown (GTK_POPOVER (chooser));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, emit_chosen, chosen, NULL);
}

/* Return in the search entry takes the first course, as the search finds
 * it now (the list follows the typing after a pause). */
static void
entry_activated_cb (GtkSearchEntry      *entry,
                    BridgeCourseChooser *chooser)
{
  GtkListBoxRow *row;

  search_changed_cb (entry, chooser);
  row = gtk_list_box_get_row_at_index (chooser->list, 0);
  if (row != NULL)
    row_activated_cb (chooser->list, row, chooser);
}

static void
stop_search_cb (GtkSearchEntry      *entry,
                BridgeCourseChooser *chooser)
{
  gtk_popover_popdown (GTK_POPOVER (chooser));
}

/* Down goes from the search entry to the courses found. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BridgeCourseChooser   *chooser)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  row = gtk_list_box_get_row_at_index (chooser->list, 0);
  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static void
suggested_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  g_autoptr(BridgeCourseChooser) chooser = data;
  g_autoptr(BridgeRecognitionResult) found = NULL;
  g_autoptr(GError) error = NULL;

  found = bridge_recognition_lookup_finish (result, &error);
  if (found == NULL || g_task_get_cancellable (G_TASK (result)) != chooser->cancellable)
    return;               /* cancelled, or no suggestion: the search alone */
  g_clear_pointer (&chooser->suggested, bridge_recognition_result_free);
  chooser->suggested = g_steal_pointer (&found);
  if (*gtk_editable_get_text (GTK_EDITABLE (chooser->entry)) == '\0')
    search_changed_cb (chooser->entry, chooser);
}

static void
look_up_suggested (BridgeCourseChooser *chooser)
{
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  const char *home = bridge_plan_get_home_university (chooser->plan);

  g_cancellable_cancel (chooser->cancellable);
  g_clear_object (&chooser->cancellable);
  if (chooser->side != BRIDGE_PLAN_SIDE_HOME || chooser->host_ids == NULL ||
      chooser->host_ids[0] == NULL || home == NULL || chooser->context == NULL)
    return;
  query.languages = bridge_context_get_languages (chooser->context);
  chooser->cancellable = g_cancellable_new ();
  bridge_recognition_lookup_async (bridge_context_get_catalog (chooser->context), home,
                                   (const char * const *) chooser->host_ids, NULL, &query,
                                   chooser->cancellable, suggested_cb, g_object_ref (chooser));
}

static void
show_cb (BridgeCourseChooser *chooser)
{
  look_up_suggested (chooser);
  search_changed_cb (chooser->entry, chooser);
  gtk_widget_grab_focus (GTK_WIDGET (chooser->entry));
}

static void
bridge_course_chooser_dispose (GObject *object)
{
  BridgeCourseChooser *self = BRIDGE_COURSE_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_COURSE_CHOOSER);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->suggested, bridge_recognition_result_free);
  g_clear_pointer (&self->host_ids, g_strfreev);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (bridge_course_chooser_parent_class)->dispose (object);
}

static void
bridge_course_chooser_class_init (BridgeCourseChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_course_chooser_dispose;

  /* The id of the course chosen. */
  signals[COURSE_CHOSEN] = g_signal_new ("course-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-course-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeCourseChooser, list);
  gtk_widget_class_bind_template_child (widget_class, BridgeCourseChooser, entry);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_cb);
}

static void
bridge_course_chooser_init (BridgeCourseChooser *self)
{
  GtkWidget *empty = gtk_label_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (empty), 30);
  gtk_label_set_justify (GTK_LABEL (empty), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (empty, 24);
  gtk_widget_set_margin_start (empty, 12);
  gtk_widget_set_margin_end (empty, 12);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_list_box_set_placeholder (self->list, empty);
  gtk_list_box_set_header_func (self->list, header_func, NULL, NULL);
  self->empty = GTK_LABEL (empty);
}

GtkWidget *
bridge_course_chooser_new (BridgeContext  *context,
                           BridgePlan     *plan,
                           BridgePlanSide  side)
{
  BridgeCourseChooser *self;
  const char *search = side == BRIDGE_PLAN_SIDE_HOME ? _("Search home courses") : _("Search host courses");

  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);

  self = g_object_new (BRIDGE_TYPE_COURSE_CHOOSER, NULL);
  self->context = context != NULL ? g_object_ref (context) : NULL;
  self->plan = g_object_ref (plan);
  self->side = side;
  g_object_set (self->entry, "placeholder-text", search, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, search, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  side == BRIDGE_PLAN_SIDE_HOME ? _("Home courses") : _("Host courses"), -1);
  return GTK_WIDGET (self);
}

void
bridge_course_chooser_set_host_courses (BridgeCourseChooser *self,
                                        const char * const  *host_ids)
{
  g_return_if_fail (BRIDGE_IS_COURSE_CHOOSER (self));

  g_strfreev (self->host_ids);
  self->host_ids = g_strdupv ((char **) host_ids);
  g_clear_pointer (&self->suggested, bridge_recognition_result_free);
}

GtkWidget *
bridge_course_chooser_button_new (BridgeContext  *context,
                                  BridgePlan     *plan,
                                  BridgePlanSide  side,
                                  const char     *label,
                                  const char     *tooltip)
{
  GtkWidget *button;

  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
  /* On the button inside, not the menu button: the popover, a child of the
   * menu button too, would inherit the tooltip, and GTK 4.8's tooltip then
   * outlives the popover's surface when the group is rebuilt after a choice
   * (criticals in gdk_surface_get_device_position, gdk_monitor_get_geometry). */
  gtk_widget_set_tooltip_text (gtk_widget_get_first_child (button), tooltip);
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), bridge_course_chooser_new (context, plan, side));
  return button;
}

BridgeCourseChooser *
bridge_course_chooser_button_get_chooser (GtkWidget *button)
{
  g_return_val_if_fail (GTK_IS_MENU_BUTTON (button), NULL);

  return BRIDGE_COURSE_CHOOSER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
}
