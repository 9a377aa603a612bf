/* test-gui-certificates.c: the Certificates page and My Certificates
 *
 * Over tests/core/feeds/certificates (three certificates, home "sa"): the
 * search and each filter narrow the list to what core's
 * bridge_certificate_filter_list () takes; the detail shows what the home
 * grants, in core's words, "free elective credits" included; real keys
 * (Ctrl+F, typing, Down, Return, Escape) reach a certificate and come back.
 * My Certificates: one added with a date (a future one refused with core's
 * message), the total shown is core's, one removed, the statement exported
 * as JSON and PDF; a damaged record shows the banner and keeps its bytes.
 * Writes certificates-LANG-WIDTH-*.png into the build directory, at 1400 px
 * and at 360 px.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bridge-certificate.h"
#include "bridge-certificates-page-private.h"
#include "bridge-gui-util.h"
#include "bridge-holdings-view.h"
#include "bridge-plan-export-dialog.h"
#include "bridge-plan-page.h"
#include "bridge-statement.h"
#include "bridge-validate.h"
#include "gui-test-util.h"

#define HOME "sa"

static BridgeApplication *app;
static BridgeWindow *window;

static const char *
lang (void)
{
  const char *l = g_getenv ("LANGUAGE");

  return l != NULL && g_str_has_prefix (l, "zh") ? "zh_CN" : "en";
}

static BridgeCertificatesPage *
page_of (BridgeWindow *w)
{
  bridge_window_show_page (w, "certificates");
  return BRIDGE_CERTIFICATES_PAGE (bridge_window_get_page (w, "certificates"));
}

static GtkWidget *
child (const char *name)
{
  GtkWidget *widget = bridge_certificates_page_get_child (page_of (window), name);

  g_assert_nonnull (widget);
  return widget;
}

static BridgeHoldingsView *
holdings_view (BridgeWindow *w)
{
  bridge_certificates_page_show_mine (page_of (w));
  gui_test_spin (100);
  return BRIDGE_HOLDINGS_VIEW (bridge_certificates_page_get_child (page_of (w), "holdings-view"));
}

static BridgeCatalog *
catalog (void)
{
  return bridge_application_get_catalog (app);
}

static void
shoot (BridgeWindow *w,
       const char   *what)
{
  int width = gtk_widget_get_width (GTK_WIDGET (w));
  g_autofree char *name = g_strdup_printf ("certificates-%s-%d-%s.png", lang (), width, what);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  gui_test_spin (300);
  gui_test_screenshot (GTK_WIDGET (w), path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("wrote %s", path);
}

/* The ids listed, joined by spaces. */
static char *
listed (void)
{
  g_auto(GStrv) ids = bridge_certificates_page_dup_listed (page_of (window));

  return g_strjoinv (" ", ids);
}

/* The ids core's filter takes, joined by spaces. */
static char *
expected (const BridgeCertificateFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = bridge_catalog_list_certificates (catalog (), &error);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_no_error (error);
  found = bridge_certificate_filter_list (all, filter);
  for (guint i = 0; i < found->len; i++)
    {
      if (ids->len > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, ((BridgeCertificate *) g_ptr_array_index (found, i))->id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n) != NULL)
    n++;
  return n;
}

static void
search (const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child ("search-entry")), text);
  /* GtkSearchEntry waits a little before it says the text changed. */
  gui_test_spin (400);
}

/* Chooses the choice of the combo row @name whose label starts with
 * @prefix; returns its position. */
static guint
choose (const char *name,
        const char *prefix)
{
  AdwComboRow *row = ADW_COMBO_ROW (child (name));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gtk_string_object_get_string (item), prefix))
        {
          adw_combo_row_set_selected (row, i);
          gui_test_spin (50);
          return i;
        }
    }
  g_assert_not_reached ();
}

static void
clear_filters (void)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (child ("issuer-row")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child ("field-row")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child ("level-row")), 0);
  search ("");
}

static void
test_search (void)
{
  BridgeCertificateFilter filter = BRIDGE_CERTIFICATE_FILTER_INIT;
  g_autofree char *all = listed ();
  g_autofree char *text = NULL;

  clear_filters ();
  g_free (all);
  all = listed ();
  g_assert_cmpstr (all, ==, "ncre-2 cet-6 cicpa-stage ncre-3 teacher");
  g_assert_cmpuint (n_rows (child ("list-box")), ==, 5);

  search ("ncre-2");
  text = listed ();
  filter.text = "ncre-2";
  {
    g_autofree char *core = expected (&filter);

    g_assert_cmpstr (text, ==, core);
  }
  g_assert_cmpstr (text, ==, "ncre-2");
  g_assert_cmpuint (n_rows (child ("list-box")), ==, 1);
  {
    g_autofree char *one = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate", "%u certificates", 1), 1);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child ("results-label"))), ==, one);
  }

  /* Chinese words find the Chinese name. */
  search ("英语");
  g_free (text);
  text = listed ();
  g_assert_cmpstr (text, ==, "cet-6");

  /* Nothing found: the empty state says so. */
  search ("no such certificate");
  g_free (text);
  text = listed ();
  g_assert_cmpstr (text, ==, "");
  search ("");
}

static void
test_filters (void)
{
  BridgeCertificateFilter filter = BRIDGE_CERTIFICATE_FILTER_INIT;
  g_autofree char *text = NULL;
  g_autofree char *core = NULL;

  clear_filters ();
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child ("filter-button")), TRUE);

  /* Issuer: CICPA's one certificate, by its name in the language shown. */
  g_autoptr(BridgeCertificate) cicpa = bridge_catalog_get_certificate (catalog (), "cicpa-stage", NULL);

  choose ("issuer-row", bridge_text_pick (cicpa->issuer));
  filter.issuer = bridge_text_pick (cicpa->issuer);
  text = listed ();
  core = expected (&filter);
  g_assert_cmpstr (text, ==, core);
  g_assert_cmpstr (text, ==, "cicpa-stage");
  g_assert_true (gtk_widget_has_css_class (child ("filter-button"), "filters-active"));
  clear_filters ();

  /* Field: 06 (ICT), by its code and translated name. */
  choose ("field-row", "06 ");
  g_free (text);
  text = listed ();
  g_assert_cmpstr (text, ==, "ncre-2 ncre-3");
  {
    AdwComboRow *row = ADW_COMBO_ROW (child ("field-row"));
    g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (row),
                                                             adw_combo_row_get_selected (row));
    g_autofree char *label = g_strdup_printf ("06 %s", bridge_isced_get_label ("06"));

    g_assert_cmpstr (gtk_string_object_get_string (item), ==, label);
  }
  clear_filters ();

  /* Level, and a level with a search that finds nothing more. */
  choose ("level-row", "六级");
  g_free (text);
  text = listed ();
  g_assert_cmpstr (text, ==, "cet-6");
  search ("ncre");
  g_free (text);
  text = listed ();
  g_assert_cmpstr (text, ==, "");
  clear_filters ();
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child ("filter-button")), FALSE);
  g_assert_false (gtk_widget_has_css_class (child ("filter-button"), "filters-active"));
}

/* The subtitle of the row titled @title in @list. */
static const char *
row_value (GtkWidget  *list,
           const char *title)
{
  for (int i = 0; gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);

      if (ADW_IS_ACTION_ROW (row) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
    }
  return NULL;
}

static void
test_detail (void)
{
  BridgeContext *context = bridge_application_get_context (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCertificate) ncre = bridge_catalog_get_certificate (catalog (), "ncre-2", &error);
  g_autoptr(BridgeCertificate) cet = bridge_catalog_get_certificate (catalog (), "cet-6", &error);
  g_autoptr(BridgeCertificateJudgement) judgement = NULL;
  g_autofree char *grant = NULL;
  g_autofree char *elective = NULL;
  g_autofree char *credits = NULL;

  g_assert_no_error (error);
  bridge_certificates_page_show_certificate (page_of (window), "ncre-2");
  gui_test_spin (100);
  g_assert_cmpstr (bridge_certificates_page_get_shown (page_of (window)), ==, "ncre-2");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child ("name-label"))), ==, bridge_text_pick (ncre->name));
  g_assert_cmpstr (row_value (child ("about-list"), _("Issuer")), ==, bridge_text_pick (ncre->issuer));
  g_assert_cmpstr (row_value (child ("about-list"), C_("certificate", "Level")), ==, "二级");
  g_assert_nonnull (strstr (row_value (child ("about-list"), _("Field")), "0613"));
  g_assert_nonnull (strstr (row_value (child ("about-list"), _("Workload")), "60"));

  /* The home's grant: 2 credits in place of the home course, in core's words. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    judgement = bridge_certificate_judge (catalog (), "ncre-2", HOME, today, NULL, &error);
  }
  g_assert_no_error (error);
  g_assert_true (judgement->recognised);
  grant = bridge_certificate_describe_grant (catalog (), bridge_certificate_find_recognition (ncre, HOME));
  g_assert_cmpstr (row_value (child ("home-list"), _("Grants")), ==, grant);
  credits = bridge_gui_format_number (judgement->credits);
  g_assert_true (g_str_has_prefix (grant, credits));
  g_assert_nonnull (strstr (grant, "CS110"));
  g_assert_nonnull (strstr (row_value (child ("home-list"), _("Validity")), judgement->valid_until));
  /* The other university that recognises it. */
  g_assert_nonnull (row_value (child ("others-list"), bridge_context_university_name (context, "cb")));
  shoot (window, "detail");

  /* CET-6 replaces no course at home: free elective credits. */
  bridge_certificates_page_show_certificate (page_of (window), "cet-6");
  gui_test_spin (100);
  elective = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s free elective credit", "%s free elective credits", 2),
                              "2");
  g_assert_cmpstr (row_value (child ("home-list"), _("Grants")), ==, elective);
  g_assert_nonnull (bridge_certificate_find_recognition (cet, HOME));
}

/* Real keys: Ctrl+F from another page lands in this page's search when it
 * shows; typing narrows, Down and Return open, Escape comes back. */
static void
test_keys (void)
{
  GtkWidget *focus;

  clear_filters ();
  bridge_window_show_page (window, "certificates");
  gui_test_spin (100);
  gui_test_press (window, "ctrl+f", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, child ("search-entry")));
  gui_test_press (window, NULL, "cicpa");
  gui_test_spin (300);
  {
    g_autofree char *text = listed ();

    g_assert_cmpstr (text, ==, "cicpa-stage");
  }
  gui_test_press (window, "Return", NULL);
  g_assert_cmpstr (bridge_certificates_page_get_shown (page_of (window)), ==, "cicpa-stage");
  /* Escape in the search empties it; in the list it comes back to it. */
  gui_test_press (window, "ctrl+f", NULL);
  gui_test_press (window, "Escape", NULL);
  gui_test_spin (300);
  {
    g_autofree char *text = listed ();

    g_assert_cmpstr (text, ==, "ncre-2 cet-6 cicpa-stage ncre-3 teacher");
  }
  /* Down from the search to the first, Down to the second. */
  gui_test_press (window, "Down", NULL);
  gui_test_press (window, "Down", NULL);
  gui_test_press (window, "Return", NULL);
  g_assert_cmpstr (bridge_certificates_page_get_shown (page_of (window)), ==, "cet-6");

}

/* At 360 px the list and the detail are one after the other. */
static void
test_narrow (void)
{
  BridgeWindow *narrow = gui_test_window (app, 360, 720);
  BridgeCertificatesPage *page = page_of (narrow);
  AdwLeaflet *leaflet = ADW_LEAFLET (bridge_certificates_page_get_child (page, "leaflet"));

  gui_test_spin (300);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  shoot (narrow, "list");
  bridge_certificates_page_show_certificate (page, "ncre-2");
  gui_test_spin (300);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) != bridge_certificates_page_get_child (page, "list-box"));
  g_assert_true (gtk_widget_get_mapped (bridge_certificates_page_get_child (page, "back-button")));
  shoot (narrow, "detail");
  gui_test_press (narrow, "Escape", NULL);
  g_assert_true (gtk_widget_get_mapped (bridge_certificates_page_get_child (page, "list-box")));
  gui_test_close (narrow);
}

/* My Certificates at 360 px, with the certificates held. */
static void
test_mine_narrow (void)
{
  BridgeWindow *narrow = gui_test_window (app, 360, 720);
  BridgeHoldingsView *view = holdings_view (narrow);

  gui_test_spin (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpuint (n_rows (bridge_holdings_view_get_child (view, "held-list")), ==,
                    bridge_holdings_get_n_holdings (narrow->holdings));
  shoot (narrow, "mine");
  gui_test_close (narrow);
}

/* ------------------------------------------------------------------------ */
/* My Certificates                                                            */

static AdwMessageDialog *
open_add (const char *id)
{
  GtkWidget *dialog;

  bridge_certificates_page_show_certificate (page_of (window), id);
  gui_test_spin (50);
  g_assert_true (gtk_widget_get_visible (child ("add-button")));
  dialog = bridge_certificates_page_open_add_dialog (page_of (window));
  g_assert_nonnull (dialog);
  gui_test_spin (100);
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
type_date (AdwMessageDialog *dialog,
           const char       *date)
{
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "date-row")), date);
  gui_test_spin (50);
}

static void
add_holding (const char *id,
             const char *date,
             const char *number)
{
  AdwMessageDialog *dialog = open_add (id);

  type_date (dialog, date);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  if (number != NULL)
    gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "number-row")), number);
  adw_message_dialog_response (dialog, "add");
  gui_test_spin (100);
}

static BridgeHoldings *
holdings (void)
{
  return window->holdings;
}

/* The total core gives, as the view says it. */
static char *
expected_total (const char *home)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeHoldingsSummary) summary = bridge_holdings_summarize (holdings (), catalog (), home, NULL, &error);
  g_autofree char *credits = NULL;

  g_assert_no_error (error);
  credits = bridge_gui_format_number (summary->total_credits);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total: %s credit", "Total: %s credits",
                                       bridge_text_plural_count (credits)),
                          credits);
}

static void
test_add (void)
{
  g_autofree char *path = bridge_holdings_get_default_path ();
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *date_error;
  g_autofree char *core_message = NULL;
  BridgeHoldingsView *view;
  g_autofree char *total = NULL;

  g_assert_cmpuint (bridge_holdings_get_n_holdings (holdings ()), ==, 0);

  /* A future date is refused, with core's message, and Add waits. */
  dialog = open_add ("ncre-2");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  type_date (dialog, "2999-01-01");
  g_assert_false (bridge_certificate_check_obtained ("2999-01-01", NULL, &error));
  core_message = g_strdup (error->message);
  date_error = g_object_get_data (G_OBJECT (dialog), "date-error");
  g_assert_true (gtk_widget_get_visible (date_error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (date_error)), ==, core_message);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  /* Not a calendar date either. */
  type_date (dialog, "2024-02-30");
  g_assert_true (gtk_widget_get_visible (date_error));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  type_date (dialog, "2024-09-21");
  g_assert_false (gtk_widget_get_visible (date_error));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "cancel");
  gui_test_spin (100);
  g_assert_cmpuint (bridge_holdings_get_n_holdings (holdings ()), ==, 0);

  add_holding ("ncre-2", "2024-09-21", "2024-51-0001");
  g_assert_cmpuint (bridge_holdings_get_n_holdings (holdings ()), ==, 1);
  g_assert_cmpstr (bridge_holdings_get_holding (holdings (), 0)->obtained, ==, "2024-09-21");
  g_assert_cmpstr (bridge_holdings_get_holding (holdings (), 0)->number, ==, "2024-51-0001");
  /* Saved at once, in the user's data directory. */
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  add_holding ("cet-6", "2023-01-10", NULL);
  add_holding ("cicpa-stage", "2025-03-01", NULL);
  g_assert_cmpuint (bridge_holdings_get_n_holdings (holdings ()), ==, 3);

  view = holdings_view (window);
  g_assert_cmpstr (bridge_holdings_view_get_home (view), ==, HOME);
  g_assert_cmpuint (n_rows (bridge_holdings_view_get_child (view, "held-list")), ==, 3);
  total = expected_total (HOME);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (bridge_holdings_view_get_child (view, "total-label"))), ==, total);
  shoot (window, "mine");
}

static gboolean
is_remove_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_object_get_data (G_OBJECT (widget), "holding-index") != NULL;
}

static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* CET-6, obtained on 2023-01-10 for 2.5 years, is marked expired; NCRE
 * (2024-09-21, 3 years) is not. */
static void
test_expired_mark (void)
{
  BridgeHoldingsView *view = holdings_view (window);
  GtkWidget *list = bridge_holdings_view_get_child (view, "held-list");
  GtkListBoxRow *ncre = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  GtkListBoxRow *cet = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);

  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (cet)), "2023-01-10"));
  g_assert_nonnull (gui_test_find_match (GTK_WIDGET (cet), is_label_saying, _("Expired")));
  g_assert_null (gui_test_find_match (GTK_WIDGET (ncre), is_label_saying, _("Expired")));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (ncre)), "2027-09-21"));
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Export;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Export *export = data;

  export->ok = bridge_holdings_view_export_finish (BRIDGE_HOLDINGS_VIEW (source), result, &export->error);
  export->done = TRUE;
}

static gboolean
export_done (gpointer data)
{
  return ((Export *) data)->done;
}

/* The statement names the student: the name and number typed in My
 * Certificates are kept in the record; a value core refuses is marked and
 * not kept. */
static void
test_student (void)
{
  BridgeHoldingsView *view = holdings_view (window);
  GtkWidget *name_row = bridge_holdings_view_get_child (view, "name-row");
  GtkWidget *number_row = bridge_holdings_view_get_child (view, "number-row");
  g_autofree char *path = bridge_holdings_get_default_path ();
  g_autoptr(BridgeHoldings) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_get_sensitive (name_row));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "王小明");
  gtk_editable_set_text (GTK_EDITABLE (number_row), "2023141461");
  gui_test_spin (50);
  g_assert_cmpstr (bridge_holdings_get_student_name (holdings ()), ==, "王小明");
  g_assert_cmpstr (bridge_holdings_get_student_id (holdings ()), ==, "2023141461");
  saved = bridge_holdings_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bridge_holdings_get_student_name (saved), ==, "王小明");
  g_assert_cmpstr (bridge_holdings_get_student_id (saved), ==, "2023141461");

  /* A noncharacter (U+FDD0) in the number, pasted: marked with core's
   * message, and never kept in the record. */
  gtk_editable_set_text (GTK_EDITABLE (number_row), "2023\xef\xb7\x90");
  gui_test_spin (50);
  g_assert_true (gtk_widget_has_css_class (number_row, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (number_row), "U+FDD0"));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (bridge_holdings_get_student_id (holdings ()), !=, "2023\xef\xb7\x90");
  g_assert_cmpstr (bridge_holdings_get_student_name (holdings ()), ==, "王小明");
  gtk_editable_set_text (GTK_EDITABLE (number_row), "2023141461");
  gui_test_spin (50);
  g_assert_false (gtk_widget_has_css_class (number_row, "error"));
}

static void
test_export (void)
{
  BridgeHoldingsView *view = holdings_view (window);
  g_autofree char *dir = g_dir_make_tmp ("credit-bridge-statement-XXXXXX", NULL);
  g_autofree char *json_path = g_build_filename (dir, "statement.json", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "statement.pdf", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  gsize length;
  Export json_export = { FALSE }, pdf_export = { FALSE };
  JsonObject *root;

  bridge_holdings_view_export (view, BRIDGE_HOLDINGS_EXPORT_JSON, json_file, exported_cb, &json_export);
  g_assert_true (gui_test_wait (export_done, &json_export, 20000));
  g_assert_no_error (json_export.error);
  g_assert_true (json_export.ok);
  g_assert_true (json_parser_load_from_file (parser, json_path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, BRIDGE_STATEMENT_FORMAT);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "student"), "name"), ==, "王小明");
  {
    g_autoptr(BridgeHoldingsSummary) summary = bridge_holdings_summarize (holdings (), catalog (), HOME, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpfloat (json_object_get_double_member (root, "total_credits"), ==, summary->total_credits);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "certificates")), ==, 3);
  }

  bridge_holdings_view_export (view, BRIDGE_HOLDINGS_EXPORT_PDF, pdf_file, exported_cb, &pdf_export);
  g_assert_true (gui_test_wait (export_done, &pdf_export, 30000));
  g_assert_no_error (pdf_export.error);
  g_assert_true (pdf_export.ok);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));

  g_unlink (json_path);
  g_unlink (pdf_path);
  g_rmdir (dir);
}

/* A group replacing CS110, which NCRE Level 2 (held, valid) already
 * replaces: the Plan page warns, naming the certificate. */
static void
test_plan_warning (void)
{
  BridgePlanPage *plan_page = BRIDGE_PLAN_PAGE (bridge_window_get_page (window, "plan"));
  BridgePlan *plan = bridge_plan_page_get_plan (plan_page);
  const char * const hosts[] = { "cb:env300", NULL };
  const char * const homes[] = { "sa:cs110", NULL };
  g_autoptr(BridgeCertificate) ncre = bridge_catalog_get_certificate (catalog (), "ncre-2", NULL);
  g_autoptr(GError) error = NULL;
  gboolean named = FALSE;

  g_assert_true (bridge_plan_get_holdings (plan) == holdings ());
  g_assert_cmpstr (bridge_plan_get_home_university (plan), ==, HOME);
  g_assert_true (bridge_plan_page_add_mapping (plan_page, hosts, homes, &error));
  g_assert_no_error (error);
  bridge_window_show_page (window, "plan");
  gui_test_spin (200);
  for (guint i = 0; i < bridge_plan_page_get_n_warnings_shown (plan_page); i++)
    {
      GtkWidget *row = bridge_plan_page_get_warning_row (plan_page, i);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

      if (strstr (title, bridge_text_pick (ncre->name)) != NULL && strstr (title, "2024-09-21") != NULL)
        named = TRUE;
    }
  g_assert_true (named);
}

typedef struct
{
  gboolean done;
  gboolean ok;
} PlanExport;

static void
plan_exported_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  PlanExport *export = data;
  g_autoptr(GError) error = NULL;

  export->ok = bridge_plan_export_to_file_finish (BRIDGE_PLAN (source), result, &error);
  g_assert_no_error (error);
  export->done = TRUE;
}

static gboolean
plan_export_done (gpointer data)
{
  return ((PlanExport *) data)->done;
}

/* The agreement's PDF lists the certificates in an annex when asked, and
 * only then. */
static char *
export_agreement (gboolean annex)
{
  BridgePlanPage *plan_page = BRIDGE_PLAN_PAGE (bridge_window_get_page (window, "plan"));
  g_autofree char *dir = g_dir_make_tmp ("credit-bridge-annex-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "agreement.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  PlanExport export = { FALSE };
  int status;

  bridge_plan_export_to_file_full (GTK_WINDOW (window), bridge_application_get_context (app),
                                   bridge_plan_page_get_plan (plan_page), NULL, BRIDGE_PLAN_EXPORT_PDF, annex,
                                   file, NULL, plan_exported_cb, &export);
  g_assert_true (gui_test_wait (plan_export_done, &export, 30000));
  g_assert_true (export.ok);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return g_steal_pointer (&out);
}

static void
test_annex (void)
{
  g_autofree char *plain = export_agreement (FALSE);
  g_autofree char *annexed = export_agreement (TRUE);

  /* The day CICPA's certificate was obtained is in the annex only. */
  g_assert_null (strstr (plain, "2025-03-01"));
  g_assert_nonnull (strstr (annexed, "2025-03-01"));
  g_assert_cmpuint (strlen (annexed), >, strlen (plain));
}

static void
test_remove (void)
{
  BridgeHoldingsView *view = holdings_view (window);
  GtkWidget *list = bridge_holdings_view_get_child (view, "held-list");
  GtkWidget *button = gui_test_find_match (list, is_remove_button, NULL);
  g_autofree char *total = NULL;

  g_assert_nonnull (button);
  g_assert_cmpuint (bridge_holdings_get_n_holdings (holdings ()), ==, 3);
  g_signal_emit_by_name (button, "clicked");
  gui_test_spin (100);
  g_assert_cmpuint (bridge_holdings_get_n_holdings (holdings ()), ==, 2);
  g_assert_cmpuint (n_rows (list), ==, 2);
  /* The first one, NCRE, is gone. */
  g_assert_cmpstr (bridge_holdings_get_holding (holdings (), 0)->certificate_id, ==, "cet-6");
  total = expected_total (HOME);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (bridge_holdings_view_get_child (view, "total-label"))), ==, total);
}

/* A damaged record: the banner says so, and the file keeps its bytes. */
static void
test_damaged (void)
{
  g_autofree char *path = bridge_holdings_get_default_path ();
  const char *bytes = "{ \"format\": \"credit-bridge-certificates\", \"version\": 1, \"certificates\": [ { oops";
  g_autofree char *after = NULL;
  BridgeWindow *damaged;
  BridgeHoldingsView *view;
  GtkWidget *banner;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, bytes, -1, &error));
  g_assert_no_error (error);
  damaged = gui_test_window (app, 1400, 900);
  g_assert_true (gui_test_wait_state (damaged, "main", 5000));
  view = holdings_view (damaged);
  banner = bridge_holdings_view_get_child (view, "banner");
  g_assert_true (gtk_widget_get_visible (banner));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (bridge_holdings_view_get_child (view, "banner-label"))),
                            bridge_holdings_get_load_error (damaged->holdings)->message));
  g_assert_false (gtk_widget_get_sensitive (bridge_holdings_view_get_child (view, "export-json-button")));
  shoot (damaged, "damaged");

  /* Adding is not saved over it. */
  {
    AdwMessageDialog *dialog;

    bridge_certificates_page_show_certificate (page_of (damaged), "ncre-2");
    dialog = ADW_MESSAGE_DIALOG (bridge_certificates_page_open_add_dialog (page_of (damaged)));
    type_date (dialog, "2024-09-21");
    adw_message_dialog_response (dialog, "add");
    gui_test_spin (100);
  }
  g_assert_true (g_file_get_contents (path, &after, NULL, &error));
  g_assert_cmpstr (after, ==, bytes);

  /* Start Again moves it aside after a question. */
  g_signal_emit_by_name (bridge_holdings_view_get_child (view, "reset-button"), "clicked");
  gui_test_spin (200);
  {
    GtkWidget *question = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (w))
          question = w;
      }
    g_assert_nonnull (question);
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "reset");
    gui_test_spin (200);
  }
  g_assert_null (bridge_holdings_get_load_error (damaged->holdings));
  g_assert_false (gtk_widget_get_visible (banner));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS) &&
                  g_file_get_contents (path, &after, NULL, NULL) && g_strcmp0 (after, bytes) == 0);
  gui_test_close (damaged);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *feed = NULL;
  int status;

  gui_test_init (&argc, &argv);
  feed = g_test_build_filename (G_TEST_DIST, "..", "core", "feeds", "certificates", "feed.json", NULL);
  g_setenv ("CREDIT_BRIDGE_DEMO_CATALOG", feed, TRUE);

  app = gui_test_app ();
  window = gui_test_window (app, 1400, 900);
  gui_test_first_run (window, HOME);

  g_test_add_func ("/certificates/search", test_search);
  g_test_add_func ("/certificates/filters", test_filters);
  g_test_add_func ("/certificates/detail", test_detail);
  g_test_add_func ("/certificates/keys", test_keys);
  g_test_add_func ("/certificates/mine/add", test_add);
  g_test_add_func ("/certificates/mine/expired", test_expired_mark);
  g_test_add_func ("/certificates/mine/student", test_student);
  g_test_add_func ("/certificates/mine/export", test_export);
  g_test_add_func ("/certificates/mine/plan-warning", test_plan_warning);
  g_test_add_func ("/certificates/mine/annex", test_annex);
  g_test_add_func ("/certificates/mine/remove", test_remove);
  g_test_add_func ("/certificates/narrow", test_narrow);
  g_test_add_func ("/certificates/mine/narrow", test_mine_narrow);
  g_test_add_func ("/certificates/mine/damaged", test_damaged);

  status = g_test_run ();
  gui_test_close (window);
  g_object_unref (app);
  return status;
}
