/* test-gui-damaged.c: the window on a damaged catalog cache, and an import
 * that waits for another (issue 15, items 4 and 14)
 *
 * Each case starts the application on a cache of its own, so each runs in a
 * process of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "bridge-catalog.h"
#include "gui-test-util.h"

static char *
minimal_feed (void)
{
  return g_build_filename (g_getenv ("CREDIT_BRIDGE_SOURCE_ROOT"), "tests", "core", "feeds",
                           "minimal", "feed.json", NULL);
}

/* Imports @feed into the test's cache, then keeps only its first 12 KiB. */
static void
make_truncated_cache (const char *feed)
{
  const char *db = g_getenv ("CREDIT_BRIDGE_DB");
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  catalog = bridge_catalog_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_import (catalog, feed, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&catalog);

  g_assert_true (g_file_get_contents (db, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 3 * 4096);
  g_assert_true (g_file_set_contents (db, contents, 3 * 4096, &error));
  g_assert_no_error (error);
}

/* The feed the catalog was imported from. */
static char *
catalog_source (BridgeCatalog *catalog)
{
  g_auto(BridgeCatalogStats) stats = { 0 };

  g_assert_true (bridge_catalog_get_stats (catalog, &stats, NULL));
  return g_strdup (stats.source);
}

/* The cache had been imported from a small feed: the window rebuilds it from
 * that feed, not from the demo catalog of the settings. */
static void
test_rebuilt_from_its_feed (void)
{
  g_autofree char *feed = minimal_feed ();
  g_autofree char *aside = g_strconcat (g_getenv ("CREDIT_BRIDGE_DB"), ".damaged", NULL);
  g_autoptr(BridgeApplication) app = NULL;
  g_auto(BridgeCatalogStats) stats = { 0 };
  BridgeCatalog *catalog;
  BridgeWindow *window;
  guint courses;

  {
    g_autoptr(BridgeCatalog) fresh = NULL;
    g_autofree char *dir = g_dir_make_tmp ("credit-bridge-count-XXXXXX", NULL);
    g_autofree char *db = g_build_filename (dir, "catalog.db", NULL);

    fresh = bridge_catalog_open (db, NULL);
    g_assert_true (bridge_catalog_import (fresh, feed, NULL, NULL, NULL, NULL, NULL));
    g_assert_true (bridge_catalog_get_stats (fresh, &stats, NULL));
    courses = stats.courses;
    bridge_catalog_stats_clear (&stats);
    g_clear_object (&fresh);
    g_unlink (db);
    g_rmdir (dir);
  }

  make_truncated_cache (feed);
  app = gui_test_app ();
  catalog = bridge_application_get_catalog (app);
  g_assert_cmpstr (bridge_catalog_get_lost_source (catalog), ==, feed);
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));

  window = gui_test_window (app, 1000, 700);
  g_assert_true (gui_test_wait_state (window, "welcome", 60000));

  g_assert_true (bridge_catalog_get_stats (catalog, &stats, NULL));
  g_assert_cmpstr (stats.source, ==, feed);
  /* The minimal feed's 5 courses, not the bundled catalog's 1,519. */
  g_assert_cmpuint (stats.courses, ==, courses);
  g_assert_cmpuint (courses, <, 100);
  g_assert_null (bridge_application_get_catalog_problem (app));
  gui_test_close (window);
  g_unlink (aside);
}

static gboolean
register_rebuilt (gpointer data)
{
  g_auto(BridgeCatalogStats) stats = { 0 };

  return bridge_catalog_get_stats (data, &stats, NULL) && stats.equivalences == 4;
}

/* A cache of schema 1, made by a version that did not keep the recognition
 * register: the window opens on it at once (it can be searched) and rebuilds
 * it from its feed behind the window (issue 17). */
static void
test_outdated_rebuilt (void)
{
  g_autofree char *feed = g_build_filename (g_getenv ("CREDIT_BRIDGE_SOURCE_ROOT"), "tests", "core", "feeds",
                                            "register", "feed.json", NULL);
  const char *db = g_getenv ("CREDIT_BRIDGE_DB");
  g_autoptr(BridgeApplication) app = NULL;
  BridgeCatalog *catalog;
  BridgeWindow *window;

  {
    g_autoptr(BridgeCatalog) old = bridge_catalog_open (db, NULL);
    sqlite3 *handle = NULL;

    g_assert_true (bridge_catalog_import (old, feed, NULL, NULL, NULL, NULL, NULL));
    g_clear_object (&old);
    g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle,
                                   "DROP TABLE equivalence_courses; DROP TABLE equivalences; PRAGMA user_version = 1;",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (handle);
  }

  app = gui_test_app ();
  catalog = bridge_application_get_catalog (app);
  g_assert_cmpstr (bridge_catalog_get_lost_source (catalog), ==, feed);
  /* "… was made by an older version of Credit Bridge …", in any language */
  g_assert_nonnull (strstr (bridge_application_get_catalog_problem (app), db));
  g_assert_false (bridge_catalog_is_empty (catalog));

  /* Not the full-window import of an empty cache: the welcome at once. */
  window = gui_test_window (app, 1000, 700);
  g_assert_true (gui_test_wait_state (window, "welcome", 60000));
  g_assert_true (gui_test_wait (register_rebuilt, catalog, 60000));
  g_assert_true (gui_test_wait_state (window, "welcome", 1000));
  gui_test_close (window);
}

static const char *
status_description (BridgeWindow *window)
{
  return adw_status_page_get_description (ADW_STATUS_PAGE (bridge_window_get_child (window,
                                                                                    "error-status")));
}

static const char *
status_title (BridgeWindow *window)
{
  return adw_status_page_get_title (ADW_STATUS_PAGE (bridge_window_get_child (window, "error-status")));
}

/* Nothing says which feed the damaged cache held: the window says to import
 * it again and imports nothing until asked. */
static void
test_source_unknown (void)
{
  const char *db = g_getenv ("CREDIT_BRIDGE_DB");
  g_autofree char *aside = g_strconcat (db, ".damaged", NULL);
  g_autofree char *feed = minimal_feed ();
  g_autoptr(BridgeApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  BridgeCatalog *catalog;
  BridgeWindow *window;
  g_autofree char *source = NULL;
  const char *text;

  g_assert_true (g_file_set_contents (db, "not a database, a shopping list\n", -1, &error));
  g_assert_no_error (error);
  app = gui_test_app ();
  g_settings_set_string (bridge_application_get_settings (app), "catalog-source", feed);
  catalog = bridge_application_get_catalog (app);
  g_assert_null (bridge_catalog_get_lost_source (catalog));

  window = gui_test_window (app, 1000, 700);
  g_assert_true (gui_test_wait_state (window, "error", 5000));
  gui_test_spin (500);
  g_assert_cmpstr (bridge_window_get_state (window), ==, "error");
  g_assert_false (bridge_application_is_importing (app));
  g_assert_true (bridge_catalog_is_empty (catalog));
  g_assert_cmpstr (status_title (window), ==, _("The Catalog Must Be Imported Again"));
  text = status_description (window);
  g_assert_nonnull (strstr (text, aside));
  g_assert_nonnull (strstr (text, feed));

  /* The button imports the feed of the settings, and says so. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-catalog", NULL);
  g_assert_true (gui_test_wait_state (window, "welcome", 60000));
  source = catalog_source (catalog);
  g_assert_cmpstr (source, ==, feed);
  g_assert_null (bridge_application_get_catalog_problem (app));
  gui_test_close (window);
  g_unlink (aside);
}

/* The recorded feed cannot be read any more: the window says so and what to
 * do, and does not fall back on the demo catalog. */
static void
test_rebuild_fails (void)
{
  const char *db = g_getenv ("CREDIT_BRIDGE_DB");
  g_autofree char *aside = g_strconcat (db, ".damaged", NULL);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *copy = g_build_filename (dir, "feed.json", NULL);
  g_autofree char *lines = g_build_filename (dir, "courses.jsonl", NULL);
  g_autofree char *feed = minimal_feed ();
  g_autofree char *feed_dir = g_path_get_dirname (feed);
  g_autofree char *lines_src = g_build_filename (feed_dir, "courses.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(BridgeApplication) app = NULL;
  BridgeCatalog *catalog;
  BridgeWindow *window;
  const char *text;
  gsize len;

  g_assert_true (g_file_get_contents (feed, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (copy, contents, len, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (lines_src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (lines, contents, len, NULL));
  make_truncated_cache (copy);
  g_unlink (copy);

  app = gui_test_app ();
  catalog = bridge_application_get_catalog (app);
  g_assert_cmpstr (bridge_catalog_get_lost_source (catalog), ==, copy);
  /* The application says it on the terminal too. */
  g_test_expect_message ("bridge-importer", G_LOG_LEVEL_WARNING, "*feed.json*");
  window = gui_test_window (app, 1000, 700);
  g_assert_true (gui_test_wait_state (window, "error", 60000));
  g_test_assert_expected_messages ();
  g_assert_true (bridge_catalog_is_empty (catalog));
  g_assert_cmpstr (status_title (window), ==, _("The Catalog Must Be Imported Again"));
  text = status_description (window);
  g_assert_nonnull (strstr (text, copy));
  gui_test_spin (300);
  g_assert_true (bridge_catalog_is_empty (catalog));
  gui_test_close (window);
  g_unlink (lines);
  g_unlink (aside);
}

static gboolean
progress_says (gpointer data)
{
  return g_strcmp0 (gtk_progress_bar_get_text (data), _("Waiting for another import to finish…")) == 0;
}

/* Another process holds the cache: the import's page says it waits, then
 * imports once the other is done. */
static void
test_import_waits (void)
{
  const char *db = g_getenv ("CREDIT_BRIDGE_DB");
  g_autofree char *feed = minimal_feed ();
  g_autoptr(BridgeApplication) app = NULL;
  GSettings *settings;
  BridgeWindow *window;
  GtkWidget *bar;
  g_autofree char *source = NULL;
  sqlite3 *handle = NULL;

  app = gui_test_app ();
  settings = bridge_application_get_settings (app);
  g_settings_set_string (settings, "catalog-source", feed);
  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  window = gui_test_window (app, 1000, 700);
  g_assert_cmpstr (bridge_window_get_state (window), ==, "loading");
  bar = bridge_window_get_child (window, "import-progress");
  g_assert_true (gui_test_wait (progress_says, bar, 10000));
  g_assert_cmpstr (bridge_window_get_state (window), ==, "loading");

  g_assert_cmpint (sqlite3_exec (handle, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  g_assert_true (gui_test_wait_state (window, "welcome", 60000));
  source = catalog_source (bridge_application_get_catalog (app));
  g_assert_cmpstr (source, ==, feed);
  gui_test_close (window);
}

static void
run_in_subprocess (gconstpointer data)
{
  g_test_trap_subprocess (data, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *path;
    GTestFunc   func;
  } cases[] = {
    { "/gui/damaged/rebuilt-from-its-feed", test_rebuilt_from_its_feed },
    { "/gui/damaged/source-unknown", test_source_unknown },
    { "/gui/damaged/rebuild-fails", test_rebuild_fails },
    { "/gui/damaged/outdated-rebuilt", test_outdated_rebuilt },
    { "/gui/import-waits", test_import_waits },
  };

  gui_test_init (&argc, &argv);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sub = g_strconcat (cases[i].path, "/subprocess", NULL);

      g_test_add_data_func (cases[i].path, g_intern_string (sub), run_in_subprocess);
      g_test_add_func (sub, cases[i].func);
    }
  return g_test_run ();
}
