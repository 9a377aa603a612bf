/* bridge-gui-util.h: small helpers the window's pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-names.h"

G_BEGIN_DECLS

/* The GSettings of the application: the installed schema, or the one compiled
 * in the build tree when running uninstalled. NULL (with a warning) if neither
 * exists. */
GSettings  *bridge_gui_settings_new          (void);

/* The demo catalog: installed under PKGDATADIR, else the source tree's. */
const char *bridge_gui_demo_catalog_path     (void);

/* What Help opens for @page ("index", "plan"…): with Yelp (@have_yelp),
 * "help:credit-bridge/PAGE"; without, the HTML build of the same pages,
 * file:// PAGE.html in the first of @html_dirs (NULL-terminated) that has
 * it. NULL when there is neither. */
char       *bridge_gui_help_uri              (const char         *page,
                                              gboolean            have_yelp,
                                              const char * const *html_dirs);
/* Where the HTML help is: installed, then the build tree's. */
const char * const *bridge_gui_help_html_dirs (void);
/* Whether help: URIs have a viewer (Yelp) here. */
gboolean    bridge_gui_have_yelp             (void);

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

/* Shows @toast (transfer full) in the toast overlay around @widget, or, for
 * a window, the one inside it. Returns FALSE, dropping the toast, when there
 * is none (a widget not yet in a window). */
gboolean    bridge_gui_add_toast             (GtkWidget  *widget,
                                              AdwToast   *toast);
/* Whether bridge_gui_add_toast () would find an overlay for @widget. */
gboolean    bridge_gui_can_toast             (GtkWidget  *widget);
/* bridge_gui_add_toast () with a plain toast saying @title. */
/* A toast saying @text, as text (not markup). */
AdwToast   *bridge_gui_toast_new             (const char *text);
void        bridge_gui_toast                 (GtkWidget  *widget,
                                              const char *title);

/* A choice row for long choices (universities, fields, terms): the choice
 * shows in full as the row's subtitle, which wraps, and the list's rows
 * wrap too, so two names that share a beginning ("Chengdu University of
 * Technology", "Chengdu University of Traditional Chinese Medicine") are
 * never both cut to "Chengdu University of…". Items are GtkStringObjects. */
void        bridge_gui_combo_row_show_in_full (AdwComboRow *row);

/* A button that opens a calendar to choose the date of @entry, which keeps
 * taking typed ISO dates: the calendar opens on the date written there
 * (today when there is none), and a day chosen is written as YYYY-MM-DD. */
GtkWidget  *bridge_gui_date_button_new       (GtkEditable *entry);

/* A field's error, shown under the field (not only in a tooltip): a small
 * label that wraps, hidden while there is no error. Put it right after the
 * field (in a boxed list, in a GtkListBoxRow of its own). */
GtkWidget  *bridge_gui_field_error_new       (void);
/* Shows @message (NULL or "": none) as @field's error in @error_label: the
 * field takes the "error" style and is marked invalid for screen readers,
 * whose description of it is the message. */
void        bridge_gui_field_set_error       (GtkWidget  *field,
                                              GtkWidget  *error_label,
                                              const char *message);

G_END_DECLS
