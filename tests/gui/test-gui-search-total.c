/* test-gui-search-total.c: the window's count of results when a search
 * finds more courses than it counts at once (issue 20, item 1)
 *
 * 学 is in each of the demo catalog's 1,200 courses, more than the first
 * rows (BRIDGE_SEARCH_MODEL_ROWS_BUILT) and more than the count's cap
 * (BRIDGE_SEARCH_COUNT_CAP). The first rows come first, under "More than
 * 1000 courses"; then every match, the first rows unchanged, under the
 * exact count, which is the engine's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bridge-catalog-page-private.h"
#include "gui-test-util.h"

typedef struct
{
  const char *query;      /* the search whose "search-finished" counts */
  GtkLabel  *label;
  GPtrArray *labels;      /* the label at each "search-finished" */
  GArray    *searching;   /* gboolean: still searching then */
  GArray    *first_rows;  /* gint64: the first row's rowid then */
} Seen;

static void
finished_cb (BridgeSearchModel *model,
             const char        *error_message,
             Seen              *seen)
{
  gboolean searching = bridge_search_model_get_searching (model);
  gint64 first = bridge_search_model_get_rowid (model, 0);

  g_assert_null (error_message);
  /* Setting the entry's text clears it first: that search may finish too. */
  if (g_strcmp0 (bridge_search_model_get_query (model), seen->query) != 0)
    return;
  /* The page's handler ran first: the label is what the user sees now. */
  g_ptr_array_add (seen->labels, g_strdup (gtk_label_get_text (seen->label)));
  g_array_append_val (seen->searching, searching);
  g_array_append_val (seen->first_rows, first);
}

static void
test_more_than (void)
{
  g_autoptr(BridgeApplication) app = gui_test_app ();
  BridgeWindow *window = gui_test_window (app, 1400, 900);
  BridgeCatalogPage *page;
  BridgeSearchModel *model;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  g_autofree char *more_than = g_strdup_printf (_("More than %u courses"), BRIDGE_SEARCH_COUNT_CAP);
  g_autofree char *exact = NULL;
  Seen seen = { "学", NULL, g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (gboolean)),
                g_array_new (FALSE, FALSE, sizeof (gint64)) };
  gulong handler;
  guint n;

  g_assert_true (gui_test_wait_state (window, "welcome", 60000));
  gui_test_first_run (window, "scu");
  page = BRIDGE_CATALOG_PAGE (bridge_window_get_page (window, "catalog"));
  model = bridge_catalog_page_get_model (page);
  seen.label = GTK_LABEL (bridge_catalog_page_get_child (page, "results-label"));
  all = bridge_catalog_search_ids (bridge_application_get_catalog (app), "学", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, MAX (BRIDGE_SEARCH_COUNT_CAP, BRIDGE_SEARCH_MODEL_ROWS_BUILT));

  handler = g_signal_connect_after (model, "search-finished", G_CALLBACK (finished_cb), &seen);
  n = gui_test_search (window, "学");
  g_signal_handler_disconnect (model, handler);

  /* First the first rows, still searching, under a lower bound; then every
   * match under the exact count, the engine's. */
  g_assert_cmpuint (seen.labels->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (seen.labels, 0), ==, more_than);
  g_assert_true (g_array_index (seen.searching, gboolean, 0));
  exact = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u course", "%u courses", all->len), all->len);
  g_assert_cmpstr (g_ptr_array_index (seen.labels, 1), ==, exact);
  g_assert_false (g_array_index (seen.searching, gboolean, 1));
  g_assert_cmpstr (gtk_label_get_text (seen.label), ==, exact);

  /* The same ranking as the engine's, the first row the same all along. */
  g_assert_cmpuint (n, ==, all->len);
  g_assert_cmpint (g_array_index (seen.first_rows, gint64, 0), ==, g_array_index (all, gint64, 0));
  g_assert_cmpint (g_array_index (seen.first_rows, gint64, 1), ==, g_array_index (all, gint64, 0));
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (bridge_search_model_get_rowid (model, i), ==, g_array_index (all, gint64, i));

  /* Fewer matches than the first rows: one "search-finished", exact. */
  seen.label = GTK_LABEL (bridge_catalog_page_get_child (page, "results-label"));
  g_ptr_array_set_size (seen.labels, 0);
  seen.query = "ecolog";
  handler = g_signal_connect_after (model, "search-finished", G_CALLBACK (finished_cb), &seen);
  n = gui_test_search (window, "ecolog");
  g_signal_handler_disconnect (model, handler);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, BRIDGE_SEARCH_MODEL_ROWS_BUILT);
  g_assert_cmpuint (seen.labels->len, ==, 1);
  g_clear_pointer (&exact, g_free);
  exact = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u course", "%u courses", n), n);
  g_assert_cmpstr (g_ptr_array_index (seen.labels, 0), ==, exact);

  gui_test_close (window);
  g_ptr_array_unref (seen.labels);
  g_array_unref (seen.searching);
  g_array_unref (seen.first_rows);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/search-total/more-than", test_more_than);

  return g_test_run ();
}
