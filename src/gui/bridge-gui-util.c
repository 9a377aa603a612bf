/* bridge-gui-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-gui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bridge-gui-util.h"
#include "bridge-window.h"

GSettings *
bridge_gui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL && source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.creditbridge.CreditBridge", TRUE);

#ifdef BRIDGE_BUILD_SCHEMA_DIR
  if (schema == NULL)
    {
      g_autoptr(GSettingsSchemaSource) build_source = NULL;

      build_source = g_settings_schema_source_new_from_directory (BRIDGE_BUILD_SCHEMA_DIR,
                                                                  source, FALSE, NULL);
      if (build_source != NULL)
        {
          schema = g_settings_schema_source_lookup (build_source, APPLICATION_ID, TRUE);
          if (schema == NULL)
            schema = g_settings_schema_source_lookup (build_source,
                                                      "io.github.creditbridge.CreditBridge",
                                                      TRUE);
        }
    }
#endif

  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed", APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

const char *
bridge_gui_demo_catalog_path (void)
{
  if (g_file_test (DEMO_CATALOG, G_FILE_TEST_IS_REGULAR))
    return DEMO_CATALOG;
  return SOURCE_DEMO_CATALOG;
}

char *
bridge_gui_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("—");
  /* At most three decimals, no trailing zeros; always a '.', as the feed. */
  g_ascii_formatd (buf, sizeof buf, "%.3f", round (value * 1000.0) / 1000.0);
  if (strchr (buf, '.') != NULL)
    {
      char *end = buf + strlen (buf) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  if (strcmp (buf, "-0") == 0)
    return g_strdup ("0");
  return g_strdup (buf);
}

void
bridge_gui_box_remove_all (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/* The rows only: the placeholder stays, as with GTK 4.12's own. */
void
bridge_gui_list_box_remove_all (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static gboolean
same_strings (GListModel    *model,
              GtkStringList *list)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  if (!GTK_IS_STRING_LIST (model) || g_list_model_get_n_items (model) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                   gtk_string_list_get_string (list, i)) != 0)
      return FALSE;
  return TRUE;
}

void
bridge_gui_combo_row_set_choices (GtkWidget     *row,
                                  GtkStringList *list,
                                  guint          selected)
{
  AdwComboRow *combo = ADW_COMBO_ROW (row);

  if (!same_strings (adw_combo_row_get_model (combo), list))
    adw_combo_row_set_model (combo, G_LIST_MODEL (list));
  if (adw_combo_row_get_selected (combo) != selected)
    adw_combo_row_set_selected (combo, selected);
}

void
bridge_gui_toast (GtkWidget  *widget,
                  const char *title)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (BRIDGE_IS_WINDOW (root))
    bridge_window_add_toast (BRIDGE_WINDOW (root), adw_toast_new (title));
}

static const BridgeIscedField isced_fields[] = {
  { "00", N_("Generic programmes") },
  { "01", N_("Education") },
  { "02", N_("Arts and humanities") },
  { "03", N_("Social sciences, journalism and information") },
  { "04", N_("Business, administration and law") },
  { "05", N_("Natural sciences, mathematics and statistics") },
  { "06", N_("Information and communication technologies") },
  { "07", N_("Engineering, manufacturing and construction") },
  { "08", N_("Agriculture, forestry, fisheries and veterinary") },
  { "09", N_("Health and welfare") },
  { "10", N_("Services") },
};

guint
bridge_gui_n_isced_fields (void)
{
  return G_N_ELEMENTS (isced_fields);
}

const BridgeIscedField *
bridge_gui_get_isced_field (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (isced_fields), NULL);
  return &isced_fields[index];
}

const char *
bridge_gui_isced_label (const char *isced)
{
  if (isced == NULL || strlen (isced) < 2)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (isced_fields); i++)
    if (strncmp (isced, isced_fields[i].code, 2) == 0)
      return _(isced_fields[i].label);
  return NULL;
}

const char *
bridge_gui_language_label (const char *code)
{
  static const struct { const char *code; const char *label; } names[] = {
    { "zh", N_("Chinese") },
    { "en", N_("English") },
    { "fr", N_("French") },
    { "de", N_("German") },
    { "ja", N_("Japanese") },
    { "ko", N_("Korean") },
    { "ru", N_("Russian") },
    { "es", N_("Spanish") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i].code, code) == 0)
      return _(names[i].label);
  return code;
}
