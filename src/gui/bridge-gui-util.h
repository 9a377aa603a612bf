/* bridge-gui-util.h: small helpers the window's pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The GSettings of the application: the installed schema, or the one compiled
 * in the build tree when running uninstalled. NULL (with a warning) if neither
 * exists. */
GSettings  *bridge_gui_settings_new          (void);

/* The demo catalog: installed under PKGDATADIR, else the source tree's. */
const char *bridge_gui_demo_catalog_path     (void);

/* A number as people read it: "3", "2.5", "1.333". */
char       *bridge_gui_format_number         (double      value);

/* Replaces the children of @box with nothing. */
void        bridge_gui_box_remove_all        (GtkBox     *box);
void        bridge_gui_list_box_remove_all   (GtkListBox *list);

/* Gives the AdwComboRow @row the choices of @list, with @selected chosen.
 * The row keeps its model when the choices are the same: replacing it while
 * the row's list reports the choice just made pulls its items out from under
 * it (issue 14). */
void        bridge_gui_combo_row_set_choices (GtkWidget     *row,
                                              GtkStringList *list,
                                              guint          selected);

/* Returns the toast overlay of @widget's window, if any, and shows @title. */
void        bridge_gui_toast                 (GtkWidget  *widget,
                                              const char *title);

/* The broad fields of ISCED-F 2013, for choosing a programme. */
typedef struct
{
  const char *code;                       /* "06" */
  const char *label;                      /* untranslated: pass through _() */
} BridgeIscedField;

guint                   bridge_gui_n_isced_fields   (void);
const BridgeIscedField *bridge_gui_get_isced_field  (guint index);
/* The translated name of the broad field of @isced ("0613" → ICT), or NULL. */
const char             *bridge_gui_isced_label      (const char *isced);

/* "Chinese" for "zh" and so on, translated; the code itself if unknown. */
const char             *bridge_gui_language_label   (const char *code);

G_END_DECLS
