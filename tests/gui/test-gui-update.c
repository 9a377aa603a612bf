/* test-gui-update.c: the window keeps the catalog current (issue 20, item 5)
 *
 * A libsoup server in a thread of its own, on 127.0.0.1, serves the bundled
 * demo catalog with ETags (and 304 Not Modified), or a changed one (a later
 * "generated" date, one course more), slowly when asked, and counts the
 * requests it answers. The catalog is imported from it before the window
 * opens; the importer is told that now is two days later, so that the check
 * at start is due. Each case starts on a cache of its own, in a process of
 * its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "bridge-catalog-page-private.h"
#include "bridge-catalog-update.h"
#include "bridge-catalog.h"
#include "bridge-preferences-window.h"
#include "gui-test-util.h"

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  GMutex        lock;
  GCond         cond;
  guint         port;
  gint          requests;          /* answered, all paths */
  gint          changed;           /* serve the changed catalog */
  gint          slow;              /* hold scu's course file (the changed one) 3 s */
  char         *original;          /* the demo catalog's folder */
  char         *modified;          /* the changed copy */
} Server;

static Server server;

static gboolean
unpause_cb (gpointer data)
{
  soup_server_message_unpause (data);
  return G_SOURCE_REMOVE;
}

static void
handle_cb (SoupServer        *soup_server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  const char *root = g_atomic_int_get (&server.changed) ? server.modified : server.original;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *sum = NULL;
  const char *match;
  gsize len;

  g_atomic_int_inc (&server.requests);
  if (!g_str_has_prefix (path, "/catalog/") || strstr (path, "..") != NULL)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  file = g_build_filename (root, path + strlen ("/catalog/"), NULL);
  if (!g_file_get_contents (file, &contents, &len, NULL))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA1, (const guchar *) contents, len);
  etag = g_strdup_printf ("\"%s\"", sum);
  soup_message_headers_replace (soup_server_message_get_response_headers (message), "ETag", etag);
  match = soup_message_headers_get_one (request, "If-None-Match");
  if (g_strcmp0 (match, etag) == 0)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&contents), len);
  if (g_atomic_int_get (&server.slow) && g_str_has_suffix (path, "/scu.jsonl"))
    {
      GSource *source = g_timeout_source_new (3000);

      soup_server_message_pause (message);
      g_source_set_callback (source, unpause_cb, g_object_ref (message), g_object_unref);
      g_source_attach (source, g_main_context_get_thread_default ());
      g_source_unref (source);
    }
}

static gpointer
server_thread (gpointer data)
{
  g_autoptr(SoupServer) soup_server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (server.context);
  soup_server = soup_server_new ("server-header", "credit-bridge-test", NULL);
  soup_server_add_handler (soup_server, NULL, handle_cb, NULL, NULL);
  soup_server_listen_local (soup_server, server.port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (soup_server);
  g_mutex_lock (&server.lock);
  server.port = (guint) g_uri_get_port (uris->data);
  g_cond_signal (&server.cond);
  g_mutex_unlock (&server.lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (server.loop);
  soup_server_disconnect (soup_server);
  g_clear_object (&soup_server);
  while (g_main_context_iteration (server.context, FALSE))
    ;
  g_main_context_pop_thread_default (server.context);
  return NULL;
}

/* The changed catalog: "generated" on 3 December, a course more at scu. */
static void
make_modified (void)
{
  g_autofree char *feed = NULL;
  g_autofree char *courses = g_build_filename (server.original, "courses", NULL);
  g_autofree char *to_courses = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *path = NULL;
  const char *name;
  char *line_end;

  server.modified = g_dir_make_tmp ("credit-bridge-feed-XXXXXX", NULL);
  to_courses = g_build_filename (server.modified, "courses", NULL);
  g_assert_cmpint (g_mkdir (to_courses, 0700), ==, 0);

  path = g_build_filename (server.original, "feed.json", NULL);
  g_assert_true (g_file_get_contents (path, &feed, NULL, NULL));
  text = g_string_new (feed);
  g_assert_cmpuint (g_string_replace (text, "\"generated\": \"2026-11-20T10:00:00+08:00\"",
                                      "\"generated\": \"2026-12-03T10:00:00+08:00\"", 1), ==, 1);
  g_free (path);
  path = g_build_filename (server.modified, "feed.json", NULL);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  dir = g_dir_open (courses, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (courses, name, NULL);
      g_autofree char *to = g_build_filename (to_courses, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GString) out = NULL;

      g_assert_true (g_file_get_contents (from, &contents, NULL, NULL));
      out = g_string_new (contents);
      if (g_str_equal (name, "scu.jsonl"))
        {
          g_autoptr(GString) added = NULL;

          line_end = strchr (contents, '\n');
          g_assert_nonnull (line_end);
          added = g_string_new_len (contents, line_end - contents + 1);
          g_assert_cmpuint (g_string_replace (added, "\"id\":\"scu:math1004\"", "\"id\":\"scu:test9001\"", 1), ==, 1);
          g_assert_cmpuint (g_string_replace (added, "\"code\":\"MATH1004\"", "\"code\":\"TEST9001\"", 1), ==, 1);
          g_string_append (out, added->str);
        }
      g_assert_true (g_file_set_contents (to, out->str, out->len, NULL));
    }
}

static void
remove_modified (void)
{
  g_autofree char *courses = g_build_filename (server.modified, "courses", NULL);
  g_autoptr(GDir) dir = g_dir_open (courses, 0, NULL);
  g_autofree char *feed = g_build_filename (server.modified, "feed.json", NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (courses, name, NULL);

      g_unlink (path);
    }
  g_rmdir (courses);
  g_unlink (feed);
  g_rmdir (server.modified);
}

static void
server_start (void)
{
  server.port = 0;
  server.context = g_main_context_new ();
  server.loop = g_main_loop_new (server.context, FALSE);
  server.thread = g_thread_new ("test-server", server_thread, NULL);
  g_mutex_lock (&server.lock);
  while (server.port == 0)
    g_cond_wait (&server.cond, &server.lock);
  g_mutex_unlock (&server.lock);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

/* Nothing listens on its port any more: as a server down. */
static void
server_stop (void)
{
  if (server.thread == NULL)
    return;
  g_main_context_invoke (server.context, quit_cb, server.loop);
  g_thread_join (server.thread);
  server.thread = NULL;
  g_clear_pointer (&server.loop, g_main_loop_unref);
  g_clear_pointer (&server.context, g_main_context_unref);
}

/* Serves the demo catalog and imports it from there into the test's cache:
 * a catalog from the web, as the alliance's. */
static void
setup_server_and_cache (void)
{
  const char *db = g_getenv ("CREDIT_BRIDGE_DB");
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  g_mutex_init (&server.lock);
  g_cond_init (&server.cond);
  server.original = g_build_filename (g_getenv ("CREDIT_BRIDGE_SOURCE_ROOT"), "data", "catalog", NULL);
  make_modified ();
  server_start ();
  url = g_strdup_printf ("http://127.0.0.1:%u/catalog/feed.json", server.port);
  catalog = bridge_catalog_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_import (catalog, url, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_source_is_web (url));
}

static void
teardown_server (void)
{
  server_stop ();
  remove_modified ();
  g_clear_pointer (&server.modified, g_free);
  g_clear_pointer (&server.original, g_free);
}

/* The application, whose importer takes now for two days later, and
 * whether it looks for updates at start. */
static BridgeApplication *
app_two_days_later (gboolean check_updates)
{
  BridgeApplication *app = gui_test_app ();
  BridgeContext *context = bridge_application_get_context (app);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 2);

  bridge_context_set_first_run_done (context, TRUE);
  bridge_context_set_home_university_id (context, "cqu");
  bridge_context_set_check_updates (context, check_updates);
  bridge_importer_set_now (bridge_context_get_importer (context), later);
  return app;
}

typedef struct
{
  guint   n;
  guint   result;
  char   *message;
} Finished;

static void
update_finished_cb (BridgeImporter *importer,
                    guint           result,
                    const char     *message,
                    Finished       *finished)
{
  finished->n++;
  finished->result = result;
  g_free (finished->message);
  finished->message = g_strdup (message);
}

static gboolean
finished_once (gpointer data)
{
  return ((Finished *) data)->n > 0;
}

/* The session's importer, its updates counted into @finished. */
static BridgeImporter *
watch_updates (BridgeApplication *app,
               Finished          *finished)
{
  BridgeImporter *importer = bridge_context_get_importer (bridge_application_get_context (app));

  g_signal_connect (importer, "update-finished", G_CALLBACK (update_finished_cb), finished);
  return importer;
}

static void
end_case (BridgeImporter *importer,
          BridgeWindow   *window,
          Finished       *finished)
{
  g_signal_handlers_disconnect_by_func (importer, update_finished_cb, finished);
  g_free (finished->message);
  gui_test_close (window);
  teardown_server ();
}

static gboolean
is_toast (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
}

/* The title of the toast @window (a GtkWindow) shows, or NULL. */
static const char *
toast_title (gpointer window)
{
  GtkWidget *toast = gui_test_find_match (GTK_WIDGET (window), is_toast, NULL);
  GtkWidget *label;

  if (toast == NULL)
    return NULL;
  label = gui_test_find (toast, GTK_TYPE_LABEL);
  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static gboolean
toast_shown (gpointer data)
{
  return toast_title (data) != NULL;
}

static gboolean
revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

static const char *
age_text (BridgeWindow *window)
{
  BridgeCatalogPage *page = BRIDGE_CATALOG_PAGE (bridge_window_get_page (window, "catalog"));

  return gtk_label_get_text (GTK_LABEL (bridge_catalog_page_get_child (page, "age-label")));
}

static char *
core_date (BridgeApplication *app)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return bridge_catalog_describe_date (bridge_application_get_catalog (app), now);
}

static guint
course_count (BridgeApplication *app)
{
  g_auto(BridgeCatalogStats) stats = { 0 };

  g_assert_true (bridge_catalog_get_stats (bridge_application_get_catalog (app), &stats, NULL));
  return stats.courses;
}

static char *
catalog_digest (BridgeApplication *app)
{
  g_auto(BridgeCatalogStats) stats = { 0 };

  g_assert_true (bridge_catalog_get_stats (bridge_application_get_catalog (app), &stats, NULL));
  return g_strdup (stats.digest);
}

static gboolean
laid_out (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
screenshot (GtkWidget  *window,
            const char *name)
{
  const char *lang = g_getenv ("LANGUAGE");
  g_autofree char *file = g_strdup_printf ("update-%s-%s.png", name, lang != NULL && *lang ? lang : "en");
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "shots", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);

  g_mkdir_with_parents (dir, 0755);
  /* Under the sanitizers a window takes a while to be given a size. */
  g_assert_true (gui_test_wait (laid_out, window, 10000));
  gui_test_screenshot (window, path);
}

/* The catalog page says how old the catalog is, as core describes it. */
static void
test_age_shown (void)
{
  g_autoptr(BridgeApplication) app = NULL;
  g_autofree char *date = NULL;
  BridgeWindow *window;
  GtkWidget *label;

  setup_server_and_cache ();
  app = app_two_days_later (FALSE);
  window = gui_test_window (app, 1400, 800);
  g_assert_true (gui_test_wait_state (window, "main", 10000));
  date = core_date (app);
  g_assert_nonnull (date);
  g_assert_cmpstr (age_text (window), ==, date);
  label = bridge_catalog_page_get_child (BRIDGE_CATALOG_PAGE (bridge_window_get_page (window, "catalog")),
                                         "age-label");
  g_assert_true (gtk_widget_get_mapped (label));
  /* Its tooltip says when it was last checked. */
  g_assert_nonnull (gtk_widget_get_tooltip_text (label));
  screenshot (GTK_WIDGET (window), "age-1400");
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  gui_test_spin (300);
  g_assert_true (gtk_widget_get_mapped (label));
  screenshot (GTK_WIDGET (window), "age-360");
  gui_test_close (window);
  teardown_server ();
}

/* The preference off: no request at all. */
static void
test_preference_off (void)
{
  g_autoptr(BridgeApplication) app = NULL;
  BridgeWindow *window;
  gint before;

  setup_server_and_cache ();
  before = g_atomic_int_get (&server.requests);
  app = app_two_days_later (FALSE);
  window = gui_test_window (app, 1000, 700);
  g_assert_true (gui_test_wait_state (window, "main", 10000));
  gui_test_spin (1500);
  g_assert_cmpint (g_atomic_int_get (&server.requests), ==, before);
  g_assert_false (bridge_importer_is_importing (bridge_context_get_importer (bridge_application_get_context (app))));
  gui_test_close (window);
  teardown_server ();
}

/* The preference on, the server unchanged: it is asked, and nothing is
 * said. */
static void
test_unchanged_quiet (void)
{
  g_autoptr(BridgeApplication) app = NULL;
  g_autofree char *digest = NULL;
  Finished finished = { 0 };
  BridgeImporter *importer;
  BridgeWindow *window;
  gint before;

  setup_server_and_cache ();
  before = g_atomic_int_get (&server.requests);
  app = app_two_days_later (TRUE);
  digest = catalog_digest (app);
  importer = watch_updates (app, &finished);
  window = gui_test_window (app, 1000, 700);
  g_assert_true (gui_test_wait (finished_once, &finished, 120000));
  g_assert_cmpint (g_atomic_int_get (&server.requests), >, before);
  g_assert_cmpuint (finished.result, ==, BRIDGE_UPDATE_RESULT_UNCHANGED);
  g_assert_null (finished.message);
  gui_test_spin (300);
  g_assert_null (toast_title (window));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (bridge_window_get_child (window, "update-revealer"))));
  g_assert_cmpstr (bridge_window_get_state (window), ==, "main");
  {
    g_autofree char *now_digest = catalog_digest (app);

    g_assert_cmpstr (now_digest, ==, digest);
  }
  end_case (importer, window, &finished);
}

/* A new catalog on the server: progress under the header, then a toast
 * that offers it, and the window shows it. */
static void
test_changed_offered (void)
{
  g_autoptr(BridgeApplication) app = NULL;
  g_autofree char *old_date = NULL;
  g_autofree char *new_date = NULL;
  g_autofree char *prefix = NULL;
  Finished finished = { 0 };
  BridgeImporter *importer;
  BridgeWindow *window;
  GtkWidget *revealer;
  guint courses;

  setup_server_and_cache ();
  g_atomic_int_set (&server.changed, TRUE);
  g_atomic_int_set (&server.slow, TRUE);
  app = app_two_days_later (TRUE);
  courses = course_count (app);
  old_date = core_date (app);
  importer = watch_updates (app, &finished);
  window = gui_test_window (app, 1400, 800);
  g_assert_true (gui_test_wait_state (window, "main", 10000));
  revealer = bridge_window_get_child (window, "update-revealer");
  /* While it runs, the window is used as before. */
  g_assert_true (gui_test_wait (revealed, revealer, 5000));
  g_assert_true (bridge_importer_is_updating (importer));
  screenshot (GTK_WIDGET (window), "progress-1400");
  g_assert_cmpuint (gui_test_search (window, "MATH1004"), >, 0);
  g_assert_true (gui_test_wait (finished_once, &finished, 120000));
  g_assert_cmpuint (finished.result, ==, BRIDGE_UPDATE_RESULT_NEW);
  g_assert_true (gui_test_wait (toast_shown, window, 5000));
  g_assert_cmpstr (toast_title (window), ==, finished.message);
  prefix = g_strdup_printf (_("New catalog: %s"), "");
  g_assert_true (g_str_has_prefix (finished.message, prefix));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  screenshot (GTK_WIDGET (window), "toast-1400");

  /* The new catalog is in, and the window shows it. */
  g_assert_cmpuint (course_count (app), ==, courses + 1);
  g_assert_cmpuint (gui_test_search (window, "TEST9001"), ==, 1);
  new_date = core_date (app);
  g_assert_cmpstr (new_date, !=, old_date);
  g_assert_cmpstr (age_text (window), ==, new_date);
  g_assert_cmpstr (bridge_window_get_state (window), ==, "main");

  end_case (importer, window, &finished);
}

/* The server down: one quiet toast, once a session; the window goes on. */
static void
test_offline_once (void)
{
  g_autoptr(BridgeApplication) app = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *date = NULL;
  Finished finished = { 0 };
  BridgeImporter *importer;
  BridgeWindow *window;
  GtkWidget *label;

  setup_server_and_cache ();
  server_stop ();
  app = app_two_days_later (TRUE);
  digest = catalog_digest (app);
  importer = watch_updates (app, &finished);
  window = gui_test_window (app, 1000, 700);
  g_assert_true (gui_test_wait (finished_once, &finished, 120000));
  g_assert_cmpuint (finished.result, ==, BRIDGE_UPDATE_RESULT_FAILED);
  g_assert_nonnull (finished.message);
  g_assert_true (gui_test_wait (toast_shown, window, 5000));
  g_assert_cmpstr (toast_title (window), ==, finished.message);
  screenshot (GTK_WIDGET (window), "offline-1000");
  /* Its Details say why, and how old the catalog kept is (the core's
   * words). */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *age = bridge_catalog_describe_age (bridge_application_get_catalog (app), now);
    const char *problem = bridge_importer_get_update_problem (importer);
    AdwMessageDialog *dialog;

    g_assert_nonnull (problem);
    g_assert_true (g_str_has_suffix (problem, age));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.update-details", NULL));
    gui_test_spin (200);
    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, problem);
    g_assert_true (gui_test_wait (laid_out, dialog, 5000));
    screenshot (GTK_WIDGET (dialog), "offline-details");
    adw_message_dialog_response (dialog, "close");
    gtk_window_destroy (GTK_WINDOW (dialog));
    gui_test_spin (100);
  }
  /* The catalog page says it was not checked; its tooltip says why. */
  date = core_date (app);
  label = bridge_catalog_page_get_child (BRIDGE_CATALOG_PAGE (bridge_window_get_page (window, "catalog")),
                                         "age-label");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), date));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), !=, date);
  g_assert_nonnull (gtk_widget_get_tooltip_text (label));

  /* Another check in the background fails as quietly: nothing said. */
  finished.n = 0;
  bridge_importer_update (importer, TRUE);
  g_assert_true (gui_test_wait (finished_once, &finished, 120000));
  g_assert_cmpuint (finished.result, ==, BRIDGE_UPDATE_RESULT_FAILED);
  g_assert_null (finished.message);

  /* The cache is as it was, and the window works on. */
  {
    g_autofree char *now_digest = catalog_digest (app);

    g_assert_cmpstr (now_digest, ==, digest);
  }
  g_assert_cmpstr (bridge_window_get_state (window), ==, "main");
  g_assert_cmpuint (gui_test_search (window, "MATH1004"), >, 0);

  end_case (importer, window, &finished);
}

/* Cancel, pressed with a real key while the course files come slowly: the
 * cache is unchanged. */
static void
test_cancel (void)
{
  g_autoptr(BridgeApplication) app = NULL;
  g_autofree char *digest = NULL;
  Finished finished = { 0 };
  BridgeImporter *importer;
  BridgeWindow *window;
  GtkWidget *revealer;
  GtkWidget *cancel;
  guint courses;

  setup_server_and_cache ();
  g_atomic_int_set (&server.changed, TRUE);
  g_atomic_int_set (&server.slow, TRUE);
  app = app_two_days_later (FALSE);
  digest = catalog_digest (app);
  courses = course_count (app);
  importer = watch_updates (app, &finished);
  window = gui_test_window (app, 1000, 700);
  g_assert_true (gui_test_wait_state (window, "main", 10000));
  /* Asked for, from the window's action (the main menu's item). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.check-updates", NULL));
  revealer = bridge_window_get_child (window, "update-revealer");
  g_assert_true (gui_test_wait (revealed, revealer, 5000));
  cancel = gui_test_find (revealer, GTK_TYPE_BUTTON);
  g_assert_nonnull (cancel);
  gtk_widget_grab_focus (cancel);
  gui_test_press (window, "Return", NULL);
  g_assert_true (gui_test_wait (finished_once, &finished, 120000));
  g_assert_cmpuint (finished.result, ==, BRIDGE_UPDATE_RESULT_CANCELLED);
  g_assert_nonnull (finished.message);
  {
    g_autofree char *now_digest = catalog_digest (app);

    g_assert_cmpstr (now_digest, ==, digest);
  }
  g_assert_cmpuint (course_count (app), ==, courses);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpstr (bridge_window_get_state (window), ==, "main");

  end_case (importer, window, &finished);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* Preferences: the catalog named by its date, the switch that turns the
 * check at start off, and Check Now, which brings the new catalog. */
static void
test_preferences (void)
{
  g_autoptr(BridgeApplication) app = NULL;
  g_autofree char *date = NULL;
  g_autofree char *switch_title = NULL;
  Finished finished = { 0 };
  BridgeImporter *importer;
  BridgeContext *context;
  BridgePreferencesWindow *prefs;
  BridgeWindow *window;
  GtkWidget *row;
  GtkWidget *toggle;
  GtkWidget *button;
  gint before;

  setup_server_and_cache ();
  app = app_two_days_later (TRUE);
  context = bridge_application_get_context (app);
  importer = watch_updates (app, &finished);
  /* The check at start ran (unchanged): wait for it. */
  window = gui_test_window (app, 1000, 700);
  g_assert_true (gui_test_wait (finished_once, &finished, 120000));
  finished.n = 0;

  prefs = bridge_preferences_window_new (context);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  gui_test_spin (200);
  date = core_date (app);
  row = gui_test_find_match (GTK_WIDGET (prefs), is_row_titled, date);
  g_assert_nonnull (row);

  switch_title = g_strdup (_("Look for a _new catalog every day"));
  row = gui_test_find_match (GTK_WIDGET (prefs), is_row_titled, switch_title);
  g_assert_nonnull (row);
  toggle = gui_test_find (row, GTK_TYPE_SWITCH);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_widget_activate (row);
  gui_test_spin (100);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_false (bridge_context_get_check_updates (context));
  screenshot (GTK_WIDGET (prefs), "preferences");

  /* Check Now, with the server changed: the new catalog, said in a toast. */
  g_atomic_int_set (&server.changed, TRUE);
  before = g_atomic_int_get (&server.requests);
  row = gui_test_find_match (GTK_WIDGET (prefs), is_row_titled, _("Catalog update"));
  g_assert_nonnull (row);
  button = gui_test_find (row, GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_get_sensitive (button));
  /* As a click: activating a GtkButton clicks it only a moment later. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_true (gui_test_wait (finished_once, &finished, 120000));
  g_assert_cmpuint (finished.result, ==, BRIDGE_UPDATE_RESULT_NEW);
  g_assert_cmpint (g_atomic_int_get (&server.requests), >, before);
  gui_test_spin (200);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_free (date);
  date = core_date (app);
  g_assert_nonnull (gui_test_find_match (GTK_WIDGET (prefs), is_row_titled, date));
  g_assert_cmpstr (toast_title (prefs), ==, finished.message);

  gtk_window_destroy (GTK_WINDOW (prefs));
  end_case (importer, window, &finished);
}

static void
run_in_subprocess (gconstpointer data)
{
  g_test_trap_subprocess (data, 180 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
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
    { "/gui/update/age-shown", test_age_shown },
    { "/gui/update/preference-off", test_preference_off },
    { "/gui/update/unchanged-quiet", test_unchanged_quiet },
    { "/gui/update/changed-offered", test_changed_offered },
    { "/gui/update/offline-once", test_offline_once },
    { "/gui/update/cancel", test_cancel },
    { "/gui/update/preferences", test_preferences },
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
