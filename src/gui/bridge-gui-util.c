/* bridge-gui-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-gui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bridge-catalog.h"
#include "bridge-gui-util.h"

GSettings *
bridge_gui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL && source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.creditbridge.CreditBridge", TRUE);

  /* Run from the build folder, GSETTINGS_SCHEMA_DIR names the schema
   * compiled there (meson devenv, build-aux/run-app.sh). */
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
  return bridge_catalog_get_demo_feed ();
}

char *
bridge_gui_help_uri (const char         *page,
                     gboolean            have_yelp,
                     const char * const *html_dirs)
{
  g_return_val_if_fail (page != NULL, NULL);

  if (have_yelp)
    return g_strcmp0 (page, "index") == 0 ? g_strdup ("help:credit-bridge")
                                          : g_strconcat ("help:credit-bridge/", page, NULL);

  for (guint i = 0; html_dirs != NULL && html_dirs[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (page, ".html", NULL);
      g_autofree char *path = g_build_filename (html_dirs[i], name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_filename_to_uri (path, NULL, NULL);
    }
  return NULL;
}

const char * const *
bridge_gui_help_html_dirs (void)
{
  /* Installed, then, run from the build folder, the build's (meson devenv). */
  static const char *dirs[] = { HELP_HTML_DIR, NULL, NULL };
  const char *uninstalled = g_getenv ("CREDIT_BRIDGE_HELP_HTML_DIR");

  dirs[1] = uninstalled != NULL && *uninstalled != '\0' ? uninstalled : NULL;
  return dirs;
}

gboolean
bridge_gui_have_yelp (void)
{
  g_autofree char *yelp = g_find_program_in_path ("yelp");
  g_autoptr(GAppInfo) viewer = NULL;

  if (yelp != NULL)
    return TRUE;
  /* Another viewer of help: URIs, or, in a Flatpak, the host's through the portal. */
  viewer = g_app_info_get_default_for_uri_scheme ("help");
  return viewer != NULL || g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
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

/* The overlay a toast from @widget belongs in: the nearest one around it,
 * or, for a window (a dialog's parent), the outermost one inside it. Toasts
 * find their way through the widget tree, so no widget needs to know the
 * window's type. */
static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  GtkWidget *found = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(GQueue) queue = NULL;

  if (found != NULL)
    return ADW_TOAST_OVERLAY (found);
  if (!GTK_IS_WINDOW (widget))
    return NULL;

  queue = g_queue_new ();
  g_queue_push_tail (queue, widget);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *w = g_queue_pop_head (queue);

      if (ADW_IS_TOAST_OVERLAY (w))
        return ADW_TOAST_OVERLAY (w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (queue, c);
    }
  return NULL;
}

gboolean
bridge_gui_add_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  AdwToastOverlay *overlay;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST (toast), FALSE);

  overlay = find_toast_overlay (widget);
  if (overlay == NULL)
    {
      g_object_unref (g_object_ref_sink (toast));
      return FALSE;
    }
  adw_toast_overlay_add_toast (overlay, toast);
  return TRUE;
}

gboolean
bridge_gui_can_toast (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  return find_toast_overlay (widget) != NULL;
}

AdwToast *
bridge_gui_toast_new (const char *text)
{
  /* A toast's title is markup (libadwaita 1.2 has no way to say
   * otherwise): a course "R&D" or an error quoting "<data>" is text. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

void
bridge_gui_toast (GtkWidget  *widget,
                  const char *title)
{
  bridge_gui_add_toast (widget, bridge_gui_toast_new (title));
}

GtkWidget *
bridge_gui_field_error_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "field-error");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

void
bridge_gui_field_set_error (GtkWidget  *field,
                            GtkWidget  *error_label,
                            const char *message)
{
  gboolean has_error = message != NULL && *message != '\0';
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LABEL (error_label));

  gtk_label_set_text (GTK_LABEL (error_label), has_error ? message : "");
  gtk_widget_set_visible (error_label, has_error);
  /* In a boxed list the label has a row of its own: no empty row. */
  row = gtk_widget_get_parent (error_label);
  if (GTK_IS_LIST_BOX_ROW (row))
    gtk_widget_set_visible (row, has_error);
  if (has_error)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
full_item_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
full_item_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GObject *object = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      GTK_IS_STRING_OBJECT (object) ? gtk_string_object_get_string (GTK_STRING_OBJECT (object)) : "");
}

void
bridge_gui_combo_row_show_in_full (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  g_signal_connect (factory, "setup", G_CALLBACK (full_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (full_item_bind_cb), NULL);
  adw_combo_row_set_list_factory (row, factory);
  adw_combo_row_set_use_subtitle (row, TRUE);
}

static void
date_popover_shown_cb (GtkPopover  *popover,
                       GtkCalendar *calendar)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (calendar), "entry");
  const char *text = gtk_editable_get_text (entry);
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;
  char tail;

  if (text != NULL && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && g_date_valid_dmy (d, m, y))
    date = g_date_time_new_local (y, m, d, 0, 0, 0);
  if (date == NULL)
    date = g_date_time_new_now_local ();
  g_object_set_data (G_OBJECT (calendar), "showing", GINT_TO_POINTER (TRUE));
  gtk_calendar_select_day (calendar, date);
  g_object_set_data (G_OBJECT (calendar), "showing", NULL);
}

static void
date_day_selected_cb (GtkCalendar *calendar,
                      GtkPopover  *popover)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (calendar), "entry");
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (g_object_get_data (G_OBJECT (calendar), "showing") != NULL)
    return;
  date = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  gtk_editable_set_text (entry, text);
  gtk_popover_popdown (popover);
}

GtkWidget *
bridge_gui_date_button_new (GtkEditable *entry)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  g_return_val_if_fail (GTK_IS_EDITABLE (entry), NULL);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose the date in a calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose the date in a calendar"), -1);
  g_object_set_data (G_OBJECT (calendar), "entry", entry);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (popover, "show", G_CALLBACK (date_popover_shown_cb), calendar);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (date_day_selected_cb), popover);
  return button;
}
