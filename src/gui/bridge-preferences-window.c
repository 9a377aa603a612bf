/* bridge-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-grading.h"
#include "bridge-gui-util.h"
#include "bridge-preferences-window.h"

struct _BridgePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  BridgeApplication    *application;
  GSettings            *settings;
  GPtrArray            *university_ids;
  gboolean              updating;
  GtkNativeDialog      *chooser;

  AdwComboRow          *university_row;
  AdwComboRow          *cycle_row;
  AdwComboRow          *field_row;
  AdwEntryRow          *languages_row;
  AdwComboRow          *rule_row;
  AdwEntryRow          *source_row;
  AdwActionRow         *stats_row;
  GtkButton            *import_button;
};

G_DEFINE_FINAL_TYPE (BridgePreferencesWindow, bridge_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const struct {
  BridgeGradeRule rule;
  const char     *label;
} rules[] = {
  { BRIDGE_GRADE_RULE_MIDPOINT, N_("Midpoint of the interval") },
  { BRIDGE_GRADE_RULE_LARGEST_OVERLAP, N_("Largest overlap") },
  { BRIDGE_GRADE_RULE_BEST, N_("Best candidate") },
  { BRIDGE_GRADE_RULE_WORST, N_("Worst candidate") },
};

static void
university_changed_cb (BridgePreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->university_row);

  if (!self->updating && self->university_ids != NULL && i < self->university_ids->len)
    g_settings_set_string (self->settings, "home-university", g_ptr_array_index (self->university_ids, i));
}

static void
cycle_changed_cb (BridgePreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->cycle_row);

  if (!self->updating && i <= BRIDGE_CYCLE_DOCTORAL)
    g_settings_set_string (self->settings, "home-cycle", bridge_cycle_to_string (i));
}

static void
field_changed_cb (BridgePreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->field_row);

  if (!self->updating && i < bridge_gui_n_isced_fields ())
    g_settings_set_string (self->settings, "home-field", bridge_gui_get_isced_field (i)->code);
}

static void
rule_changed_cb (BridgePreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->rule_row);

  if (!self->updating && i < G_N_ELEMENTS (rules))
    g_settings_set_string (self->settings, "conversion-rule", bridge_grade_rule_to_string (rules[i].rule));
}

static void
languages_changed_cb (BridgePreferencesWindow *self)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) languages = NULL;

  if (self->updating)
    return;
  parts = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->languages_row)), ", ;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);
  languages = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "languages", (const char * const *) languages);
}

static void
source_apply_cb (BridgePreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->source_row))));

  g_settings_set_string (self->settings, "catalog-source", text);
}

static void
update_stats (BridgePreferencesWindow *self)
{
  BridgeCatalog *catalog = bridge_application_get_catalog (self->application);
  g_auto(BridgeCatalogStats) stats = { 0 };
  g_autofree char *text = NULL;

  if (catalog != NULL && bridge_catalog_get_stats (catalog, &stats, NULL))
    {
      g_autofree char *courses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u course", "%u courses",
                                                               stats.courses),
                                                  stats.courses);

      /* Translators: "63 courses of 20 universities, generated 2026-09-01…" */
      text = g_strdup_printf (_("%s of %u universities, generated %s%s"),
                              courses, stats.universities,
                              stats.generated != NULL ? stats.generated : "—",
                              stats.demo ? _(" (demo data)") : "");
    }
  else
    text = g_strdup (_("No catalog imported yet"));
  adw_action_row_set_subtitle (self->stats_row, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            !bridge_application_is_importing (self->application));
}

static void
import_cb (BridgePreferencesWindow *self)
{
  source_apply_cb (self);
  bridge_application_import (self->application, NULL);
  update_stats (self);
}

static void
import_finished_cb (BridgePreferencesWindow *self,
                    gboolean                 success,
                    const char              *message)
{
  update_stats (self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
chooser_response_cb (GtkNativeDialog         *dialog,
                     int                      response,
                     BridgePreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->source_row), path);
          source_apply_cb (self);
        }
    }
  g_clear_object (&self->chooser);
}

static void
choose_file_cb (BridgePreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Catalog Feeds"));
  gtk_file_filter_add_suffix (filter, "json");
  chooser = gtk_file_chooser_native_new (_("Choose a Catalog Feed"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
fill (BridgePreferencesWindow *self)
{
  BridgeCatalog *catalog = bridge_application_get_catalog (self->application);
  g_autoptr(GPtrArray) universities = catalog != NULL ? bridge_catalog_list_universities (catalog) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) cycles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) rule_names = gtk_string_list_new (NULL);
  g_autofree char *home = g_settings_get_string (self->settings, "home-university");
  g_autofree char *cycle = g_settings_get_string (self->settings, "home-cycle");
  g_autofree char *field = g_settings_get_string (self->settings, "home-field");
  g_autofree char *rule = g_settings_get_string (self->settings, "conversion-rule");
  g_autofree char *source = g_settings_get_string (self->settings, "catalog-source");
  g_auto(GStrv) languages = g_settings_get_strv (self->settings, "languages");
  g_autofree char *joined = g_strjoinv (", ", languages);
  guint selected = 0;

  self->updating = TRUE;

  g_clear_pointer (&self->university_ids, g_ptr_array_unref);
  self->university_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; universities != NULL && i < universities->len; i++)
    {
      BridgeUniversity *u = g_ptr_array_index (universities, i);

      gtk_string_list_append (names, bridge_text_pick (bridge_university_get_name (u)));
      g_ptr_array_add (self->university_ids, g_strdup (bridge_university_get_id (u)));
      if (g_strcmp0 (bridge_university_get_id (u), home) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->university_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->university_row, selected);

  selected = 0;
  for (BridgeCycle c = BRIDGE_CYCLE_BACHELOR; c <= BRIDGE_CYCLE_DOCTORAL; c++)
    {
      gtk_string_list_append (cycles, bridge_cycle_get_label (c));
      if (g_strcmp0 (bridge_cycle_to_string (c), cycle) == 0)
        selected = c;
    }
  adw_combo_row_set_model (self->cycle_row, G_LIST_MODEL (cycles));
  adw_combo_row_set_selected (self->cycle_row, selected);

  selected = 0;
  for (guint i = 0; i < bridge_gui_n_isced_fields (); i++)
    {
      const BridgeIscedField *f = bridge_gui_get_isced_field (i);
      g_autofree char *label = g_strdup_printf ("%s %s", f->code, _(f->label));

      gtk_string_list_append (fields, label);
      if (g_strcmp0 (f->code, field) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->field_row, G_LIST_MODEL (fields));
  adw_combo_row_set_selected (self->field_row, selected);

  selected = 0;
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      gtk_string_list_append (rule_names, _(rules[i].label));
      if (g_strcmp0 (bridge_grade_rule_to_string (rules[i].rule), rule) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->rule_row, G_LIST_MODEL (rule_names));
  adw_combo_row_set_selected (self->rule_row, selected);

  gtk_editable_set_text (GTK_EDITABLE (self->source_row), source);
  gtk_editable_set_text (GTK_EDITABLE (self->languages_row), joined);

  self->updating = FALSE;
  update_stats (self);
}

BridgePreferencesWindow *
bridge_preferences_window_new (BridgeApplication *application)
{
  BridgePreferencesWindow *self = g_object_new (BRIDGE_TYPE_PREFERENCES_WINDOW, NULL);

  self->application = g_object_ref (application);
  self->settings = g_object_ref (bridge_application_get_settings (application));
  g_signal_connect_object (application, "import-finished", G_CALLBACK (import_finished_cb),
                           self, G_CONNECT_SWAPPED);
  fill (self);
  return self;
}

static void
bridge_preferences_window_dispose (GObject *object)
{
  BridgePreferencesWindow *self = BRIDGE_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (bridge_preferences_window_parent_class)->dispose (object);
}

static void
bridge_preferences_window_finalize (GObject *object)
{
  BridgePreferencesWindow *self = BRIDGE_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->university_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (bridge_preferences_window_parent_class)->finalize (object);
}

static void
bridge_preferences_window_class_init (BridgePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_preferences_window_dispose;
  object_class->finalize = bridge_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, university_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, cycle_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, field_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, languages_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, rule_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, source_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, stats_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, import_button);
  gtk_widget_class_bind_template_callback (widget_class, university_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cycle_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, languages_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_file_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_cb);
}

static void
bridge_preferences_window_init (BridgePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bridge_gui_combo_row_show_in_full (self->university_row);
  bridge_gui_combo_row_show_in_full (self->field_row);
}
