/* test-feed-web.c: catalog feeds read from a web server
 *
 * A libsoup server in a thread of its own, on 127.0.0.1, serves the bundled
 * demo catalog (20 course files), a response that never ends and one that
 * trickles. Nothing here sends a byte off this machine: the non-loopback
 * addresses are refused before any connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "bridge-catalog.h"
#include "bridge-error.h"
#include "bridge-feed.h"

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  GMutex        lock;
  GCond         cond;
  guint         port;
  /* Requests being answered now, and the most at once. */
  gint          active;
  gint          most_active;
  char         *catalog;           /* the demo catalog's folder */
  GPtrArray    *trickles;          /* the timeouts of trickling answers (server thread) */
} Server;

/* What an endless answer repeats: no newline, so it is all one line. */
static char endless_chunk[64 * 1024];

static void
finished_cb (SoupServerMessage *message,
             gpointer           user_data)
{
  Server *server = user_data;

  g_atomic_int_add (&server->active, -1);
}

static void
write_more_cb (SoupServerMessage *message,
               gpointer           user_data)
{
  /* Endless: after each piece, another. */
  soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_STATIC,
                            endless_chunk, sizeof endless_chunk);
  soup_server_message_unpause (message);
}

static gboolean
trickle_cb (gpointer user_data)
{
  SoupServerMessage *message = user_data;

  soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_STATIC, " ", 1);
  soup_server_message_unpause (message);
  return G_SOURCE_CONTINUE;
}

static void
stop_trickle_cb (SoupServerMessage *message,
                 gpointer           user_data)
{
  g_source_destroy (user_data);
}

static void
drop_trickle (gpointer source)
{
  g_source_destroy (source);
  g_source_unref (source);
}

static void
stream_forever (Server            *server,
                SoupServerMessage *message,
                gboolean           trickle)
{
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (message), SOUP_ENCODING_CHUNKED);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  if (trickle)
    {
      /* On the server thread's context, where the server runs. */
      GSource *source = g_timeout_source_new (200);

      g_source_set_callback (source, trickle_cb, g_object_ref (message), g_object_unref);
      g_source_attach (source, g_main_context_get_thread_default ());
      /* A client that goes away does not finish the message: the server
       * thread drops what is left when it stops. */
      g_signal_connect (message, "finished", G_CALLBACK (stop_trickle_cb), source);
      g_ptr_array_add (server->trickles, source);
      soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_STATIC, "{", 1);
    }
  else
    {
      g_signal_connect (message, "wrote-chunk", G_CALLBACK (write_more_cb), NULL);
      write_more_cb (message, NULL);
    }
}

static void
serve_file (SoupServerMessage *message,
            const char        *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&contents), len);
}

/* /catalog/…: the demo catalog. /endless/feed.json and /trickle/feed.json:
 * a root document without end. /endless-course/…: the demo feed, whose
 * course files never end. */
static void
handle_cb (SoupServer        *soup_server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Server *server = user_data;
  gint active = g_atomic_int_add (&server->active, 1) + 1;

  g_signal_connect (message, "finished", G_CALLBACK (finished_cb), server);
  if (active > g_atomic_int_get (&server->most_active))
    g_atomic_int_set (&server->most_active, active);

  if (g_str_has_prefix (path, "/catalog/") && strstr (path, "..") == NULL)
    {
      g_autofree char *file = g_build_filename (server->catalog, path + strlen ("/catalog/"), NULL);

      serve_file (message, file);
    }
  else if (g_str_equal (path, "/endless-course/feed.json"))
    {
      g_autofree char *file = g_build_filename (server->catalog, "feed.json", NULL);

      serve_file (message, file);
    }
  else if (g_str_has_prefix (path, "/endless-course/") || g_str_equal (path, "/endless/feed.json"))
    stream_forever (server, message, FALSE);
  else if (g_str_equal (path, "/trickle/feed.json"))
    stream_forever (server, message, TRUE);
  else
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

static gpointer
server_thread (gpointer data)
{
  Server *server = data;
  g_autoptr(SoupServer) soup_server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (server->context);
  soup_server = soup_server_new ("server-header", "credit-bridge-test", NULL);
  soup_server_add_handler (soup_server, NULL, handle_cb, server, NULL);
  soup_server_listen_local (soup_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (soup_server);
  g_assert_nonnull (uris);

  g_mutex_lock (&server->lock);
  server->port = (guint) g_uri_get_port (uris->data);
  g_cond_signal (&server->cond);
  g_mutex_unlock (&server->lock);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (server->loop);
  soup_server_disconnect (soup_server);
  g_ptr_array_set_size (server->trickles, 0);
  g_clear_object (&soup_server);
  /* Let the messages of closed connections go. */
  while (g_main_context_iteration (server->context, FALSE))
    ;
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

static void
server_start (Server        *server,
              gconstpointer  data)
{
  const char *root = g_getenv ("CREDIT_BRIDGE_SOURCE_ROOT");

  memset (server, 0, sizeof *server);
  g_mutex_init (&server->lock);
  g_cond_init (&server->cond);
  server->catalog = g_build_filename (root ? root : "..", "data", "catalog", NULL);
  server->trickles = g_ptr_array_new_with_free_func (drop_trickle);
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->thread = g_thread_new ("test-server", server_thread, server);
  g_mutex_lock (&server->lock);
  while (server->port == 0)
    g_cond_wait (&server->cond, &server->lock);
  g_mutex_unlock (&server->lock);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
server_stop (Server        *server,
             gconstpointer  data)
{
  g_main_context_invoke (server->context, quit_cb, server->loop);
  g_thread_join (server->thread);
  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_mutex_clear (&server->lock);
  g_cond_clear (&server->cond);
  g_free (server->catalog);
  g_ptr_array_unref (server->trickles);
  g_unsetenv ("CREDIT_BRIDGE_DOWNLOAD_LIMIT");
  g_unsetenv ("CREDIT_BRIDGE_DOWNLOAD_DEADLINE");
}

static char *
server_url (Server     *server,
            const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", server->port, path);
}

static gboolean
count_course (gpointer     user_data,
              JsonObject  *course,
              const char  *raw_json,
              gsize        raw_len,
              const char  *place,
              GError     **error)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static guint
count_courses (const char  *uri,
               GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  BridgeFeedSink sink = { 0 };
  guint courses = 0;

  sink.course = count_course;
  if (!bridge_feed_read (file, &sink, &courses, NULL, error))
    return 0;
  return courses;
}

/* The demo catalog's 20 course files, over http: every course arrives, one
 * file at a time (three or more used to hang: every file was opened first,
 * and libsoup keeps two connections per host). */
static void
test_demo_over_http (Server        *server,
                     gconstpointer  data)
{
  g_autofree char *url = server_url (server, "/catalog/feed.json");
  g_autofree char *local = g_build_filename (server->catalog, "feed.json", NULL);
  g_autoptr(GFile) local_file = g_file_new_for_path (local);
  g_autofree char *local_uri = g_file_get_uri (local_file);
  g_autoptr(GError) error = NULL;
  guint expected, courses;

  expected = count_courses (local_uri, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected, ==, 1519);
  courses = count_courses (url, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (courses, ==, expected);
  g_assert_cmpint (g_atomic_int_get (&server->most_active), <=, 1);
}

/* The same through the catalog: the cache holds what the web server has. */
static void
test_demo_import_over_http (Server        *server,
                            gconstpointer  data)
{
  g_autofree char *url = server_url (server, "/catalog/feed.json");
  g_autofree char *dir = g_dir_make_tmp ("bridge-web-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "catalog.db", NULL);
  g_autoptr(BridgeCatalog) catalog = bridge_catalog_open (db, NULL);
  g_autoptr(BridgeImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  BridgeCatalogStats stats;

  g_assert_nonnull (catalog);
  g_assert_true (bridge_catalog_import (catalog, url, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->courses, ==, 1519);
  g_assert_true (bridge_catalog_get_stats (catalog, &stats, &error));
  g_assert_cmpstr (stats.source, ==, url);
  g_assert_cmpuint (stats.universities, ==, 20);
  bridge_catalog_stats_clear (&stats);
  g_clear_object (&catalog);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (db, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}

static void
assert_stops (Server      *server,
              const char  *path,
              const char  *message_part,
              const char  *url_path)
{
  g_autofree char *url = server_url (server, path);
  g_autofree char *named = server_url (server, url_path);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint courses = count_courses (url, &error);

  g_assert_cmpuint (courses, ==, 0);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_nonnull (strstr (error->message, named));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_TIME_SPAN_SECOND);
}

/* A root document without end stops at the size limit, naming its URL. */
static void
test_endless_root (Server        *server,
                   gconstpointer  data)
{
  g_setenv ("CREDIT_BRIDGE_DOWNLOAD_LIMIT", "4000000", TRUE);
  assert_stops (server, "/endless/feed.json", "is larger than 3.8", "/endless/feed.json");
}

/* So does a course file without end. */
static void
test_endless_course_file (Server        *server,
                          gconstpointer  data)
{
  g_setenv ("CREDIT_BRIDGE_DOWNLOAD_LIMIT", "4000000", TRUE);
  assert_stops (server, "/endless-course/feed.json", "is larger than 3.8",
                "/endless-course/courses/cdut.jsonl");
}

/* A server sending a byte now and then, never finishing, meets the deadline. */
static void
test_trickle (Server        *server,
              gconstpointer  data)
{
  g_setenv ("CREDIT_BRIDGE_DOWNLOAD_DEADLINE", "2", TRUE);
  assert_stops (server, "/trickle/feed.json", "did not finish within 2 seconds", "/trickle/feed.json");
}

static gpointer
cancel_later_thread (gpointer cancellable)
{
  g_usleep (300 * 1000);
  g_cancellable_cancel (cancellable);
  return NULL;
}

/* Cancelling a download stops it at once, as GIO's cancellation, and says so. */
static void
test_cancelled (Server        *server,
                gconstpointer  data)
{
  g_autofree char *url = server_url (server, "/trickle/feed.json");
  g_autoptr(GFile) file = g_file_new_for_uri (url);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  BridgeFeedSink sink = { 0 };
  gint64 start = g_get_monotonic_time ();
  GThread *canceller = g_thread_new ("cancel", cancel_later_thread, cancellable);

  g_assert_false (bridge_feed_read (file, &sink, NULL, cancellable, &error));
  g_thread_join (canceller);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (error->message, ==, "The import was cancelled");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_TIME_SPAN_SECOND);
}

/* Plain http is refused for any other host, before connecting: these
 * addresses cannot be reached from here, so the answer, said at once, can
 * only be the refusal. */
static void
test_plain_http_refused (gconstpointer data)
{
  const char *url = data;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpuint (count_courses (url, &error), ==, 0);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "was not downloaded: over plain http"));
  g_assert_nonnull (strstr (error->message, "Use its https:// address"));
  g_assert_true (g_str_has_prefix (error->message, url));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_TIME_SPAN_SECOND / 2);
}

/* Loopback over plain http is allowed: the attempt reaches the network
 * (nothing listens on port 1) instead of being refused. */
static void
test_plain_http_loopback (gconstpointer data)
{
  const char *url = data;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (count_courses (url, &error), ==, 0);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, "plain http"));
  g_assert_nonnull (strstr (error->message, "Cannot read the catalog feed"));
}

int
main (int   argc,
      char *argv[])
{
  static const char * const refused[] = {
    "http://192.0.2.1/feed.json",
    "http://example.invalid/feed.json",
    "http://10.0.0.1:8080/catalog/feed.json",
    "http://[2001:db8::1]/feed.json",
    "http://localhost.example.invalid/feed.json",
  };
  static const char * const loopback[] = {
    "http://localhost:1/feed.json",
    "http://127.0.0.1:1/feed.json",
    "http://127.1.2.3:1/feed.json",
    "http://[::1]:1/feed.json",
  };

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  memset (endless_chunk, 'x', sizeof endless_chunk);
  g_unsetenv ("CREDIT_BRIDGE_DOWNLOAD_LIMIT");
  g_unsetenv ("CREDIT_BRIDGE_DOWNLOAD_DEADLINE");

  g_test_add ("/feed-web/demo-catalog", Server, NULL, server_start, test_demo_over_http, server_stop);
  g_test_add ("/feed-web/demo-import", Server, NULL, server_start, test_demo_import_over_http, server_stop);
  g_test_add ("/feed-web/endless-root", Server, NULL, server_start, test_endless_root, server_stop);
  g_test_add ("/feed-web/endless-course-file", Server, NULL, server_start, test_endless_course_file, server_stop);
  g_test_add ("/feed-web/trickle", Server, NULL, server_start, test_trickle, server_stop);
  g_test_add ("/feed-web/cancelled", Server, NULL, server_start, test_cancelled, server_stop);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed-web/plain-http-refused/%u", i);

      g_test_add_data_func (path, refused[i], test_plain_http_refused);
    }
  for (guint i = 0; i < G_N_ELEMENTS (loopback); i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed-web/plain-http-loopback/%u", i);

      g_test_add_data_func (path, loopback[i], test_plain_http_loopback);
    }
  return g_test_run ();
}
