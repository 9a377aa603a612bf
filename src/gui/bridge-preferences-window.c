/* bridge-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-grade-preview.h"
#include "bridge-gui-util.h"
#include "bridge-home-rows.h"
#include "bridge-preferences-window.h"

struct _BridgePreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  BridgeContext        *context;
  gboolean              updating;
  GtkNativeDialog      *chooser;

  BridgeHomeRows       *home_rows;
  AdwEntryRow          *languages_row;
  AdwComboRow          *rule_row;
  AdwEntryRow          *source_row;
  AdwActionRow         *stats_row;
  GtkButton            *import_button;
  GtkSwitch            *check_updates_switch;
  AdwActionRow         *update_row;
  GtkButton            *update_button;
};

G_DEFINE_FINAL_TYPE (BridgePreferencesWindow, bridge_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
rule_changed_cb (BridgePreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->rule_row);

  if (!self->updating && i != GTK_INVALID_LIST_POSITION)
    bridge_context_set_conversion_rule (self->context, bridge_grade_preview_rule_at (i));
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
  bridge_context_set_languages (self->context, (const char * const *) languages);
}

static void
source_apply_cb (BridgePreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->source_row))));

  bridge_context_set_catalog_source (self->context, text);
}

static void
update_stats (BridgePreferencesWindow *self)
{
  BridgeCatalog *catalog = bridge_context_get_catalog (self->context);
  g_auto(BridgeCatalogStats) stats = { 0 };
  g_autofree char *text = NULL;

  BridgeImporter *importer = bridge_context_get_importer (self->context);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *age = NULL;
  g_autofree char *source = NULL;
  gboolean importing = bridge_importer_is_importing (importer);

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
      /* "Catalog of 3 December": its age, as the catalog page says it */
      if (!bridge_catalog_is_empty (catalog))
        {
          g_autofree char *date = bridge_catalog_describe_date (catalog, now);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->stats_row),
                                         date != NULL ? date : _("Imported catalog"));
          age = bridge_catalog_describe_age (catalog, now);
        }
    }
  else
    text = g_strdup (_("No catalog imported yet"));
  adw_action_row_set_subtitle (self->stats_row, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !importing);

  /* Only a catalog with a source can be brought up to date. */
  if (bridge_importer_get_update_problem (importer) != NULL)
    adw_action_row_set_subtitle (self->update_row, bridge_importer_get_update_problem (importer));
  else
    adw_action_row_set_subtitle (self->update_row, age != NULL ? age : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->update_button),
                            !importing && catalog != NULL &&
                            bridge_catalog_get_update_source (catalog, &source));
}

static void
check_updates_changed_cb (BridgePreferencesWindow *self)
{
  if (!self->updating)
    bridge_context_set_check_updates (self->context, gtk_switch_get_active (self->check_updates_switch));
}

static void
update_cb (BridgePreferencesWindow *self)
{
  bridge_importer_update (bridge_context_get_importer (self->context), FALSE);
  update_stats (self);
}

static void
update_finished_cb (BridgePreferencesWindow *self,
                    guint                    result,
                    const char              *message)
{
  update_stats (self);
  if (message != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), bridge_gui_toast_new (message));
}

static void
import_cb (BridgePreferencesWindow *self)
{
  source_apply_cb (self);
  bridge_context_import (self->context, NULL);
  update_stats (self);
}

static void
import_finished_cb (BridgePreferencesWindow *self,
                    gboolean                 success,
                    const char              *message)
{
  update_stats (self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), bridge_gui_toast_new (message));
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
  g_autoptr(GtkStringList) rule_names = bridge_grade_preview_rule_list_new ();
  BridgeGradeRule rule = bridge_context_get_conversion_rule (self->context);
  g_autofree char *joined = g_strjoinv (", ", (GStrv) bridge_context_get_languages (self->context));

  self->updating = TRUE;

  bridge_home_rows_set_context (self->home_rows, self->context);

  adw_combo_row_set_model (self->rule_row, G_LIST_MODEL (rule_names));
  adw_combo_row_set_selected (self->rule_row, bridge_grade_preview_rule_position (rule));

  gtk_editable_set_text (GTK_EDITABLE (self->source_row), bridge_context_get_catalog_source (self->context));
  gtk_editable_set_text (GTK_EDITABLE (self->languages_row), joined);
  gtk_switch_set_active (self->check_updates_switch, bridge_context_get_check_updates (self->context));

  self->updating = FALSE;
  update_stats (self);
}

BridgePreferencesWindow *
bridge_preferences_window_new (BridgeContext *context)
{
  BridgePreferencesWindow *self;

  g_return_val_if_fail (BRIDGE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (BRIDGE_IS_IMPORTER (bridge_context_get_importer (context)), NULL);

  self = g_object_new (BRIDGE_TYPE_PREFERENCES_WINDOW, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (bridge_context_get_importer (context), "import-finished",
                           G_CALLBACK (import_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bridge_context_get_importer (context), "update-finished",
                           G_CALLBACK (update_finished_cb), self, G_CONNECT_SWAPPED);
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
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bridge_preferences_window_parent_class)->dispose (object);
}

static void
bridge_preferences_window_class_init (BridgePreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_preferences_window_dispose;

  g_type_ensure (BRIDGE_TYPE_HOME_ROWS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, home_rows);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, languages_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, rule_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, source_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, stats_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, check_updates_switch);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, update_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePreferencesWindow, update_button);
  gtk_widget_class_bind_template_callback (widget_class, rule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, languages_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_file_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_updates_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_cb);
}

static void
bridge_preferences_window_init (BridgePreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
