/* bridge-replacements-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-replacements-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-gui-util.h"
#include "bridge-recognition-list.h"
#include "bridge-replacements-window.h"

#define MAX_FOUND 8

struct _BridgeReplacementsWindow
{
  AdwWindow              parent_instance;

  BridgeContext         *context;
  GtkWindow             *parent;          /* weak: the window whose plan grows */
  char                  *course_id;
  GPtrArray             *host_values;     /* university ids; NULL first: any */
  GPtrArray             *term_values;     /* term ids; NULL first: any */

  GtkSearchEntry        *search_entry;
  GtkListBox            *courses;
  GtkLabel              *course_label;
  GtkLabel              *placeholder;     /* of courses */
  AdwComboRow           *host_row;
  AdwComboRow           *term_row;
  GtkSwitch             *languages_switch;
  AdwPreferencesGroup   *results_group;
  BridgeRecognitionList *list;
};

G_DEFINE_FINAL_TYPE (BridgeReplacementsWindow, bridge_replacements_window, ADW_TYPE_WINDOW)

static const char *
selected_value (AdwComboRow *row,
                GPtrArray   *values)
{
  guint selected = adw_combo_row_get_selected (row);

  if (values == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= values->len)
    return NULL;
  return g_ptr_array_index (values, selected);
}

static void
refresh (BridgeReplacementsWindow *self)
{
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  g_autoptr(BridgeCourse) course = NULL;
  BridgeCatalog *catalog = bridge_context_get_catalog (self->context);

  gtk_widget_set_visible (GTK_WIDGET (self->results_group), self->course_id != NULL);
  if (self->course_id == NULL)
    {
      gtk_label_set_text (self->course_label, _("Search for one of your university’s courses above"));
      bridge_recognition_list_clear (self->list);
      return;
    }
  course = bridge_catalog_get_course (catalog, self->course_id, NULL);
  {
    g_autofree char *credits = course != NULL ? bridge_gui_format_number (bridge_course_get_credits (course)) : NULL;
    /* Translators: the home course asked about, "Calculus (MA101) · 4 credits" */
    g_autofree char *text = course != NULL
                            ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%s) · %s credit",
                                                            "%s (%s) · %s credits",
                                                            bridge_text_plural_count (credits)),
                                               bridge_text_pick (bridge_course_get_title (course)),
                                               bridge_course_get_code (course), credits)
                            : g_strdup (self->course_id);

    gtk_label_set_text (self->course_label, text);
  }
  query.host = selected_value (self->host_row, self->host_values);
  query.term = selected_value (self->term_row, self->term_values);
  if (gtk_switch_get_active (self->languages_switch))
    query.languages = bridge_context_get_languages (self->context);
  bridge_recognition_list_show_replacements (self->list, self->course_id, &query);
}

void
bridge_replacements_window_set_course (BridgeReplacementsWindow *self,
                                       const char               *course_id)
{
  g_return_if_fail (BRIDGE_IS_REPLACEMENTS_WINDOW (self));

  g_free (self->course_id);
  self->course_id = g_strdup (course_id);
  refresh (self);
}

static void
search_changed_cb (BridgeReplacementsWindow *self)
{
  BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  bridge_gui_list_box_remove_all (self->courses);
  gtk_widget_set_visible (GTK_WIDGET (self->courses), *text != '\0');
  if (*text == '\0')
    return;
  filter.university = bridge_context_get_home_university_id (self->context);
  found = bridge_catalog_search (bridge_context_get_catalog (self->context), text, &filter,
                                 MAX_FOUND, &total, &error);
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      BridgeCourse *course = g_ptr_array_index (found, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bridge_text_pick (bridge_course_get_title (course)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bridge_course_get_code (course));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "course-id", g_strdup (bridge_course_get_id (course)), g_free);
      gtk_list_box_append (self->courses, row);
    }
  if (error != NULL)
    gtk_label_set_text (self->placeholder, error->message);
  else
    {
      /* Translators: no home course matches what was typed */
      g_autofree char *none = g_strdup_printf (_("None of your university’s courses matches “%s”"), text);

      gtk_label_set_text (self->placeholder, none);
    }
}

static void
course_activated_cb (BridgeReplacementsWindow *self,
                     GtkListBoxRow            *row)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "course-id"));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  bridge_replacements_window_set_course (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Return takes the first course found; Down goes to the list. */
static void
search_activate_cb (BridgeReplacementsWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->courses, 0);

  if (row != NULL)
    course_activated_cb (self, row);
}

static gboolean
search_key_cb (GtkEventControllerKey    *controller,
               guint                     keyval,
               guint                     keycode,
               GdkModifierType           state,
               BridgeReplacementsWindow *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  row = gtk_list_box_get_row_at_index (self->courses, 0);
  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static void
stop_search_cb (BridgeReplacementsWindow *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
fill_choices (BridgeReplacementsWindow *self)
{
  GPtrArray *universities = bridge_context_get_universities (self->context);
  const char *home = bridge_context_get_home_university_id (self->context);
  g_autoptr(GPtrArray) terms = bridge_catalog_list_terms (bridge_context_get_catalog (self->context));
  g_autoptr(GtkStringList) hosts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) term_names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->host_values, g_ptr_array_unref);
  g_clear_pointer (&self->term_values, g_ptr_array_unref);
  self->host_values = g_ptr_array_new_with_free_func (g_free);
  self->term_values = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (hosts, _("Any university"));
  g_ptr_array_add (self->host_values, NULL);
  for (guint i = 0; i < universities->len; i++)
    {
      BridgeUniversity *u = g_ptr_array_index (universities, i);

      if (g_strcmp0 (bridge_university_get_id (u), home) == 0)
        continue;
      gtk_string_list_append (hosts, bridge_text_pick (bridge_university_get_name (u)));
      g_ptr_array_add (self->host_values, g_strdup (bridge_university_get_id (u)));
    }
  bridge_gui_combo_row_set_choices (GTK_WIDGET (self->host_row), hosts, 0);

  /* The terms as the catalog's filters name them. */
  gtk_string_list_append (term_names, _("Any term"));
  g_ptr_array_add (self->term_values, NULL);
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      g_autofree char *name = bridge_term_get_label (NULL, g_ptr_array_index (terms, i));

      for (guint j = 0; j < universities->len; j++)
        {
          const BridgeTerm *t = bridge_university_find_term (g_ptr_array_index (universities, j),
                                                             g_ptr_array_index (terms, i));

          if (t != NULL && t->name != NULL)
            {
              g_free (name);
              name = g_strdup (bridge_text_pick (t->name));
              break;
            }
        }
      gtk_string_list_append (term_names, name);
      g_ptr_array_add (self->term_values, g_strdup (g_ptr_array_index (terms, i)));
    }
  bridge_gui_combo_row_set_choices (GTK_WIDGET (self->term_row), term_names, 0);
}

static void
add_mapping_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BridgeReplacementsWindow *self = BRIDGE_REPLACEMENTS_WINDOW (widget);

  /* The plan is the main window's. */
  if (self->parent != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (self->parent), "win.add-mapping", param);
}

GtkWidget *
bridge_replacements_window_get_child (BridgeReplacementsWindow *self,
                                      const char               *name)
{
  g_return_val_if_fail (BRIDGE_IS_REPLACEMENTS_WINDOW (self), NULL);

  if (g_strcmp0 (name, "search-entry") == 0)
    return GTK_WIDGET (self->search_entry);
  if (g_strcmp0 (name, "courses") == 0)
    return GTK_WIDGET (self->courses);
  if (g_strcmp0 (name, "host-row") == 0)
    return GTK_WIDGET (self->host_row);
  if (g_strcmp0 (name, "term-row") == 0)
    return GTK_WIDGET (self->term_row);
  if (g_strcmp0 (name, "languages-switch") == 0)
    return GTK_WIDGET (self->languages_switch);
  if (g_strcmp0 (name, "list") == 0)
    return GTK_WIDGET (self->list);
  if (g_strcmp0 (name, "course-label") == 0)
    return GTK_WIDGET (self->course_label);
  return NULL;
}

static void
bridge_replacements_window_dispose (GObject *object)
{
  BridgeReplacementsWindow *self = BRIDGE_REPLACEMENTS_WINDOW (object);

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bridge_replacements_window_parent_class)->dispose (object);
}

static void
bridge_replacements_window_finalize (GObject *object)
{
  BridgeReplacementsWindow *self = BRIDGE_REPLACEMENTS_WINDOW (object);

  g_free (self->course_id);
  g_clear_pointer (&self->host_values, g_ptr_array_unref);
  g_clear_pointer (&self->term_values, g_ptr_array_unref);

  G_OBJECT_CLASS (bridge_replacements_window_parent_class)->finalize (object);
}

static void
bridge_replacements_window_class_init (BridgeReplacementsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_replacements_window_dispose;
  object_class->finalize = bridge_replacements_window_finalize;

  gtk_widget_class_install_action (widget_class, "win.add-mapping", "(asas)", add_mapping_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static AdwPreferencesGroup *
new_group (GtkBox     *box,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
bridge_replacements_window_init (BridgeReplacementsWindow *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *placeholder = gtk_label_new (NULL);
  GtkWidget *languages_row = adw_action_row_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  AdwPreferencesGroup *course_group;
  AdwPreferencesGroup *filter_group;

  gtk_window_set_title (GTK_WINDOW (self), _("Find Replacements"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);
  adw_window_set_content (ADW_WINDOW (self), outer);
  gtk_box_append (GTK_BOX (outer), header);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (outer), scroller);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  course_group = new_group (GTK_BOX (box), _("Your Course"));
  adw_preferences_group_set_description (course_group, _("A course you must still take at home: what "
                                                         "could you take elsewhere that counts for it?"));
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search your university’s courses"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search your university’s courses"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  adw_preferences_group_add (course_group, GTK_WIDGET (self->search_entry));

  self->courses = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->courses), "boxed-list");
  gtk_widget_set_margin_top (GTK_WIDGET (self->courses), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->courses), FALSE);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->courses, placeholder);
  self->placeholder = GTK_LABEL (placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->courses), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your university’s courses"), -1);
  g_signal_connect_swapped (self->courses, "row-activated", G_CALLBACK (course_activated_cb), self);
  adw_preferences_group_add (course_group, GTK_WIDGET (self->courses));

  self->course_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->course_label, TRUE);
  gtk_label_set_xalign (self->course_label, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->course_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->course_label), "heading");
  adw_preferences_group_add (course_group, GTK_WIDGET (self->course_label));

  filter_group = new_group (GTK_BOX (box), _("Where and When"));
  self->host_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->host_row), _("Host university"));
  bridge_gui_combo_row_show_in_full (self->host_row);
  g_signal_connect_swapped (self->host_row, "notify::selected", G_CALLBACK (refresh), self);
  adw_preferences_group_add (filter_group, GTK_WIDGET (self->host_row));
  self->term_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->term_row), _("Term"));
  bridge_gui_combo_row_show_in_full (self->term_row);
  g_signal_connect_swapped (self->term_row, "notify::selected", G_CALLBACK (refresh), self);
  adw_preferences_group_add (filter_group, GTK_WIDGET (self->term_row));
  self->languages_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->languages_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (languages_row), _("Only in my languages"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (languages_row),
                               _("Suggest only courses taught in a language set in Preferences"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (languages_row), GTK_WIDGET (self->languages_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (languages_row), GTK_WIDGET (self->languages_switch));
  g_signal_connect_swapped (self->languages_switch, "notify::active", G_CALLBACK (refresh), self);
  adw_preferences_group_add (filter_group, languages_row);

  self->results_group = new_group (GTK_BOX (box), _("What Could Replace It"));
  adw_preferences_group_set_description (self->results_group,
                                         _("The decisions of your university’s recognition register "
                                           "first, then similar courses elsewhere."));
}

GtkWidget *
bridge_replacements_window_new (GtkWindow     *parent,
                                BridgeContext *context,
                                const char    *course_id)
{
  BridgeReplacementsWindow *self;

  g_return_val_if_fail (BRIDGE_IS_CONTEXT (context), NULL);

  self = g_object_new (BRIDGE_TYPE_REPLACEMENTS_WINDOW, NULL);
  self->context = g_object_ref (context);
  g_set_weak_pointer (&self->parent, parent);
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  /* No wider or taller than the window it is for (a phone's 360 px). */
  if (parent != NULL && gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), MIN (560, gtk_widget_get_width (GTK_WIDGET (parent))),
                                 MIN (720, gtk_widget_get_height (GTK_WIDGET (parent))));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  self->list = BRIDGE_RECOGNITION_LIST (bridge_recognition_list_new (context));
  adw_preferences_group_add (self->results_group, GTK_WIDGET (self->list));
  /* Filled before the course is set: the first refresh has them. */
  g_signal_handlers_block_by_func (self->host_row, refresh, self);
  g_signal_handlers_block_by_func (self->term_row, refresh, self);
  fill_choices (self);
  g_signal_handlers_unblock_by_func (self->host_row, refresh, self);
  g_signal_handlers_unblock_by_func (self->term_row, refresh, self);
  bridge_replacements_window_set_course (self, course_id);
  return GTK_WIDGET (self);
}
