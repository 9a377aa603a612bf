/* test-catalog-update.c: `catalog update` against a real web server
 *
 * A libsoup server in a thread of its own serves a copy of the demo catalog
 * on 127.0.0.1, over http and over https (with the test certificate of
 * tests/core/tls/), with an ETag and a Last-Modified date for each file, and
 * answers If-None-Match and If-Modified-Since as a static web server does. It
 * counts the requests and the bodies it sends. Each transport rule and each
 * kind of failure is its own case; a failed update must leave the cache and
 * the kept files byte for byte as they were, and say how old the catalog is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>
#include <utime.h>

#include "bridge-catalog-update.h"
#include "bridge-error.h"
#include "feed-server.h"
#include "../test-chinese.h"

/* How the server answers for /feed/feed.json (or its course files). */
typedef enum
{
  MODE_NORMAL,
  MODE_404,          /* every course file is missing */
  MODE_500,          /* the root document fails */
  MODE_STALL,        /* the root document starts and never goes on */
  MODE_ENDLESS,      /* the root document never ends */
  MODE_TRICKLE,      /* the root document comes a byte at a time, without end */
  MODE_LOOP,         /* redirections without end */
  MODE_HOPS,         /* five redirections (/feed/, /hop/1 to 4), then the feed */
  MODE_TO_HTTP,      /* a redirection from https to http */
} Mode;

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  GMutex        lock;
  GCond         cond;
  guint         port;
  guint         tls_port;
  gboolean      running;
  char         *served;            /* the folder served at /feed/ and /real/ */
  gint          mode;
  gboolean      etags;             /* send ETag (else Last-Modified only) */
  GPtrArray    *trickles;          /* the timeouts of trickling answers (server thread) */
  /* Counted on the server thread, read once it is quiet. */
  gint             requests;
  FeedServerCounts counts;
} Server;

typedef struct
{
  Server         server;
  char          *dir;
  char          *db;
  BridgeCatalog *catalog;
} Fixture;

static char endless_chunk[64 * 1024];

/* The server */

static void
write_more_cb (SoupServerMessage *message,
               gpointer           user_data)
{
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

/* A byte every 200 ms: never idle long enough to time out, never done. */
static void
trickle (Server            *server,
         SoupServerMessage *message)
{
  GSource *source = g_timeout_source_new (200);

  soup_message_headers_set_encoding (soup_server_message_get_response_headers (message), SOUP_ENCODING_CHUNKED);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  g_source_set_callback (source, trickle_cb, g_object_ref (message), g_object_unref);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_signal_connect (message, "finished", G_CALLBACK (stop_trickle_cb), source);
  g_ptr_array_add (server->trickles, source);
  soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_STATIC, "{", 1);
}

static void
redirect (SoupServerMessage *message,
          const char        *location)
{
  soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, location);
}

static void
handle_cb (SoupServer        *soup_server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Server *server = user_data;
  Mode mode = g_atomic_int_get (&server->mode);
  guint hop;

  g_atomic_int_inc (&server->requests);
  if (g_str_has_prefix (path, "/loop/"))
    {
      g_autofree char *next = g_strdup_printf ("/loop/%u", atoi (path + strlen ("/loop/")) + 1);

      redirect (message, next);
    }
  else if (g_str_has_prefix (path, "/hop/"))
    {
      g_autofree char *next = NULL;

      hop = (guint) atoi (path + strlen ("/hop/"));
      next = hop < 4 ? g_strdup_printf ("/hop/%u", hop + 1) : g_strdup ("/real/feed.json");
      redirect (message, next);
    }
  else if (g_str_equal (path, "/feed/feed.json") && mode == MODE_500)
    soup_server_message_set_status (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  else if (g_str_equal (path, "/feed/feed.json") && (mode == MODE_STALL || mode == MODE_ENDLESS))
    {
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (message),
                                         SOUP_ENCODING_CHUNKED);
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      if (mode == MODE_STALL)
        soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_STATIC, "{", 1);
      else
        {
          g_signal_connect (message, "wrote-chunk", G_CALLBACK (write_more_cb), NULL);
          write_more_cb (message, NULL);
        }
    }
  else if (g_str_equal (path, "/feed/feed.json") && mode == MODE_TRICKLE)
    trickle (server, message);
  else if (g_str_equal (path, "/feed/feed.json") && mode == MODE_LOOP)
    redirect (message, "/loop/1");
  else if (g_str_equal (path, "/feed/feed.json") && mode == MODE_HOPS)
    redirect (message, "/hop/1");
  else if (g_str_equal (path, "/feed/feed.json") && mode == MODE_TO_HTTP)
    {
      g_autofree char *location = g_strdup_printf ("http://127.0.0.1:%u/feed/feed.json", server->port);

      redirect (message, location);
    }
  else if ((g_str_has_prefix (path, "/feed/") || g_str_has_prefix (path, "/real/")) && strstr (path, "..") == NULL)
    {
      g_autofree char *file = g_build_filename (server->served, path + strlen ("/feed/"), NULL);

      if (mode == MODE_404 && strstr (path, "/courses/") != NULL)
        soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      else
        feed_server_answer (message, file, server->etags, &server->counts);
    }
  else
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

static guint
listen (SoupServer         *soup_server,
        SoupServerListenOptions options)
{
  g_autoptr(GError) error = NULL;
  GSList *before = soup_server_get_uris (soup_server);
  GSList *after;
  guint port = 0;

  soup_server_listen_local (soup_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | options, &error);
  g_assert_no_error (error);
  after = soup_server_get_uris (soup_server);
  for (GSList *l = after; l != NULL; l = l->next)
    {
      gboolean https = g_str_equal (g_uri_get_scheme (l->data), "https");

      if (https == ((options & SOUP_SERVER_LISTEN_HTTPS) != 0))
        port = (guint) g_uri_get_port (l->data);
    }
  g_slist_free_full (before, (GDestroyNotify) g_uri_unref);
  g_slist_free_full (after, (GDestroyNotify) g_uri_unref);
  g_assert_cmpuint (port, !=, 0);
  return port;
}

static gpointer
server_thread (gpointer data)
{
  Server *server = data;
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *cert_path = g_build_filename (srcdir ? srcdir : ".", "tls", "server.pem", NULL);
  g_autofree char *key_path = g_build_filename (srcdir ? srcdir : ".", "tls", "server-key.pem", NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) soup_server = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (server->context);
  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  g_assert_no_error (error);
  soup_server = soup_server_new ("server-header", "credit-bridge-test", "tls-certificate", certificate, NULL);
  soup_server_add_handler (soup_server, NULL, handle_cb, server, NULL);
  g_mutex_lock (&server->lock);
  server->port = listen (soup_server, 0);
  server->tls_port = listen (soup_server, SOUP_SERVER_LISTEN_HTTPS);
  server->running = TRUE;
  g_cond_signal (&server->cond);
  g_mutex_unlock (&server->lock);

  g_main_loop_run (server->loop);
  soup_server_disconnect (soup_server);
  g_ptr_array_set_size (server->trickles, 0);
  g_clear_object (&soup_server);
  while (g_main_context_iteration (server->context, FALSE))
    ;
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
server_stop (Server *server)
{
  if (!server->running)
    return;
  server->running = FALSE;
  g_main_context_invoke (server->context, quit_cb, server->loop);
  g_thread_join (server->thread);
  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
}

static char *
url (Fixture    *f,
     gboolean    https,
     const char *path)
{
  return g_strdup_printf ("%s://127.0.0.1:%u%s", https ? "https" : "http",
                          https ? f->server.tls_port : f->server.port, path);
}

/* Files */

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        copy_tree (source, target);
      else if (g_str_has_suffix (name, ".json") || g_str_has_suffix (name, ".jsonl"))
        {
          g_assert_true (g_file_get_contents (source, &contents, &len, NULL));
          g_assert_true (g_file_set_contents (target, contents, (gssize) len, NULL));
        }
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static char *
read_file (const char *path)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strdup ("(missing)");
  return g_steal_pointer (&contents);
}

/* Replaces @from by @to in the served file @name, dated later than before. */
static void
edit_served (Fixture    *f,
             const char *name,
             const char *from,
             const char *to)
{
  g_autofree char *path = g_build_filename (f->server.served, name, NULL);
  g_autofree char *contents = read_file (path);
  g_autoptr(GString) text = g_string_new (contents);
  struct utimbuf times;
  GStatBuf buf;

  g_assert_nonnull (strstr (text->str, from));
  g_string_replace (text, from, to, 1);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
  times.actime = times.modtime = buf.st_mtime + 10;
  g_assert_cmpint (g_utime (path, &times), ==, 0);
}

/* The fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *root = g_getenv ("CREDIT_BRIDGE_SOURCE_ROOT");
  g_autofree char *catalog = g_build_filename (root ? root : "..", "data", "catalog", NULL);
  Server *server = &f->server;
  g_autoptr(GError) error = NULL;

  memset (f, 0, sizeof *f);
  f->dir = g_dir_make_tmp ("bridge-update-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "cache", "catalog.db", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  server->served = g_build_filename (f->dir, "served", NULL);
  copy_tree (catalog, server->served);
  server->etags = GPOINTER_TO_INT (data) == 0;
  server->trickles = g_ptr_array_new_with_free_func (drop_trickle);
  g_mutex_init (&server->lock);
  g_cond_init (&server->cond);
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->thread = g_thread_new ("test-server", server_thread, server);
  g_mutex_lock (&server->lock);
  while (!server->running)
    g_cond_wait (&server->cond, &server->lock);
  g_mutex_unlock (&server->lock);

  {
    g_autofree char *folder = g_path_get_dirname (f->db);

    g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  }
  f->catalog = bridge_catalog_open (f->db, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->catalog);
  server_stop (&f->server);
  g_ptr_array_unref (f->server.trickles);
  g_mutex_clear (&f->server.lock);
  g_cond_clear (&f->server.cond);
  remove_tree (f->dir);
  g_free (f->server.served);
  g_free (f->dir);
  g_free (f->db);
  g_unsetenv ("CREDIT_BRIDGE_DOWNLOAD_LIMIT");
  g_unsetenv ("CREDIT_BRIDGE_DOWNLOAD_IDLE");
  g_unsetenv ("CREDIT_BRIDGE_DOWNLOAD_DEADLINE");
  g_unsetenv ("CREDIT_BRIDGE_TEST_CA");
}

static void
trust_test_ca (void)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *ca = g_build_filename (srcdir ? srcdir : ".", "tls", "ca.pem", NULL);

  g_setenv ("CREDIT_BRIDGE_TEST_CA", ca, TRUE);
}

static void
import (Fixture  *f,
        gboolean  https)
{
  g_autofree char *source = url (f, https, "/feed/feed.json");
  g_autoptr(BridgeImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bridge_catalog_import (f->catalog, source, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->courses, ==, 1519);
}

static BridgeUpdateReport *
update (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  BridgeUpdateReport *report = bridge_catalog_update (f->catalog, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static char *
kept_index (Fixture *f)
{
  g_autofree char *path = g_strconcat (f->db, ".feed", G_DIR_SEPARATOR_S, "index.json", NULL);

  return read_file (path);
}

/* Unchanged */

/* A web import keeps each file with its validators; an update of an
 * unchanged feed asks once per file, gets 304 for each, and downloads no body. */
static void
test_unchanged (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BridgeUpdateReport) report = NULL;
  g_autoptr(GDateTime) imported = NULL;
  g_autoptr(GDateTime) checked = NULL;
  g_autofree char *index = NULL;
  g_autofree char *described = NULL;

  import (f, FALSE);
  g_assert_cmpint (f->server.requests, ==, 21);
  g_assert_cmpint (f->server.counts.bodies, ==, 21);
  g_assert_cmpint (f->server.counts.conditional, ==, 0);
  index = kept_index (f);
  g_assert_nonnull (strstr (index, "\"courses/cdut.jsonl\""));
  g_assert_nonnull (strstr (index, f->server.etags ? "\"etag\"" : "\"last_modified\""));
  imported = bridge_catalog_get_checked (f->catalog);
  g_assert_nonnull (imported);

  g_usleep (G_USEC_PER_SEC / 100);
  report = update (f);
  g_assert_true (report->unchanged);
  g_assert_cmpuint (report->files_checked, ==, 21);
  g_assert_cmpuint (report->files_downloaded, ==, 0);
  g_assert_cmpuint (report->bytes_downloaded, ==, 0);
  g_assert_cmpint (f->server.requests, ==, 42);
  g_assert_cmpint (f->server.counts.conditional, ==, 21);
  g_assert_cmpint (f->server.counts.not_modified, ==, 21);
  g_assert_cmpint (f->server.counts.bodies, ==, 21);
  described = bridge_update_report_describe (report);
  g_assert_cmpstr (described, ==, "unchanged");
  checked = bridge_catalog_get_checked (f->catalog);
  g_assert_cmpint (g_date_time_compare (checked, imported), >, 0);
}

/* Changes */

/* One course file changed on the server: only it is downloaded, and the
 * changed, added and removed courses are counted by id. */
static void
test_course_file_changed (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BridgeUpdateReport) report = NULL;
  g_autoptr(BridgeUpdateReport) again = NULL;
  g_autoptr(BridgeCourse) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->server.served, "courses", "cdut.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *described = NULL;
  g_autofree char *first = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *edited = NULL;
  g_auto(BridgeCatalogStats) stats = { 0 };
  char *newline;

  import (f, FALSE);
  /* The last course goes, the first changes its title, a new one comes. */
  contents = read_file (path);
  newline = strchr (contents, '\n');
  first = g_strndup (contents, (gsize) (newline - contents));
  copy = g_strdup (first);
  g_assert_nonnull (strstr (copy, "\"cdut:math26103\""));
  memcpy (strstr (copy, "cdut:math26103"), "cdut:math26199", strlen ("cdut:math26199"));
  memcpy (strstr (copy, "\"MATH26103\""), "\"MATH26199\"", strlen ("\"MATH26199\""));
  edit_served (f, "courses/cdut.jsonl", "高等数学（上）", "高等数学（上册）");
  edited = read_file (path);
  edit_served (f, "courses/cdut.jsonl", strstr (edited, "{\"id\":\"cdut:tour26404\""), copy);

  report = update (f);
  g_assert_false (report->unchanged);
  g_assert_cmpuint (report->files_checked, ==, 21);
  g_assert_cmpuint (report->files_downloaded, ==, 1);
  g_assert_cmpuint (report->bytes_downloaded, >, 1000);
  g_assert_cmpint (f->server.counts.bodies, ==, 22);
  g_assert_cmpint (f->server.counts.not_modified, ==, 20);
  g_assert_cmpuint (report->courses_added, ==, 1);
  g_assert_cmpuint (report->courses_changed, ==, 1);
  g_assert_cmpuint (report->courses_removed, ==, 1);
  g_assert_cmpuint (report->universities_added + report->universities_changed + report->universities_removed, ==, 0);
  g_assert_cmpuint (report->certificates_added + report->certificates_changed + report->certificates_removed, ==, 0);
  g_assert_cmpuint (report->changed_course_ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report->changed_course_ids, 0), ==, "cdut:math26103");
  g_assert_cmpuint (report->removed_course_ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (report->removed_course_ids, 0), ==, "cdut:tour26404");
  described = bridge_update_report_describe (report);
  g_assert_cmpstr (described, ==, "1 course added, 1 course changed, 1 course removed");

  /* The cache holds the new catalog. */
  added = bridge_catalog_get_course (f->catalog, "cdut:math26199", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_true (bridge_catalog_get_stats (f->catalog, &stats, &error));
  g_assert_cmpuint (stats.courses, ==, 1519);

  /* The changed file was kept: asked again, everything is unchanged. */
  again = update (f);
  g_assert_true (again->unchanged);
  g_assert_cmpuint (again->files_downloaded, ==, 0);
  g_assert_cmpint (f->server.counts.bodies, ==, 22);
}

/* The root document changed (a university's name, a certificate's): only
 * it is downloaded. */
static void
test_root_changed (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BridgeUpdateReport) report = NULL;
  g_autofree char *described = NULL;

  import (f, FALSE);
  edit_served (f, "feed.json", "\"Sichuan University\"", "\"Sichuan University (Wangjiang)\"");
  edit_served (f, "feed.json", "Level 2 (Python Programming)", "Level 2 (Python)");
  report = update (f);
  g_assert_false (report->unchanged);
  g_assert_cmpuint (report->files_downloaded, ==, 1);
  g_assert_cmpuint (report->universities_changed, ==, 1);
  g_assert_cmpuint (report->certificates_changed, ==, 1);
  g_assert_cmpuint (report->courses_added + report->courses_changed + report->courses_removed, ==, 0);
  described = bridge_update_report_describe (report);
  g_assert_cmpstr (described, ==, "1 university changed, 1 certificate changed");
}

/* Five redirections are followed. */
static void
test_five_redirects (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BridgeUpdateReport) report = NULL;

  import (f, FALSE);
  g_atomic_int_set (&f->server.mode, MODE_HOPS);
  report = update (f);
  g_assert_true (report->unchanged);
  g_assert_cmpuint (report->files_checked, ==, 21);
}

/* Over https with a certificate this computer trusts (the test CA). */
static void
test_https_trusted (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BridgeUpdateReport) report = NULL;

  trust_test_ca ();
  import (f, TRUE);
  edit_served (f, "courses/cdut.jsonl", "高等数学（上）", "高等数学（上册）");
  report = update (f);
  g_assert_cmpuint (report->files_downloaded, ==, 1);
  g_assert_cmpuint (report->courses_changed, ==, 1);
}

/* A feed on this computer is read again whole. */
static void
test_local (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *feed = g_build_filename (f->server.served, "feed.json", NULL);
  g_autoptr(BridgeImportReport) imported = NULL;
  g_autoptr(BridgeUpdateReport) unchanged = NULL;
  g_autoptr(BridgeUpdateReport) changed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bridge_catalog_import (f->catalog, feed, &imported, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  unchanged = update (f);
  g_assert_true (unchanged->unchanged);
  g_assert_cmpuint (unchanged->files_checked, ==, 0);
  edit_served (f, "courses/cdut.jsonl", "高等数学（上）", "高等数学（上册）");
  changed = update (f);
  g_assert_false (changed->unchanged);
  g_assert_cmpuint (changed->courses_changed, ==, 1);
  g_assert_cmpint (f->server.requests, ==, 0);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  BridgeUpdateReport *report = bridge_catalog_update (f->catalog, NULL, NULL, NULL, &error);

  g_assert_null (report);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_false (bridge_catalog_get_update_source (f->catalog, NULL));
  g_assert_null (bridge_catalog_get_checked (f->catalog));
  g_assert_null (bridge_catalog_describe_date (f->catalog, now));
  g_assert_null (bridge_catalog_describe_age (f->catalog, now));
}

static void
updated_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  BridgeUpdateReport **report = user_data;
  g_autoptr(GError) error = NULL;

  *report = bridge_catalog_update_finish (BRIDGE_CATALOG (source), result, &error);
  g_assert_no_error (error);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

/* In a worker thread, with progress on this thread; this connection sees
 * the new catalog. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BridgeUpdateReport) report = NULL;
  g_autoptr(BridgeCourse) course = NULL;
  g_autoptr(GError) error = NULL;
  double last = 0;

  import (f, FALSE);
  edit_served (f, "courses/cdut.jsonl", "\"Advanced Mathematics I\"", "\"Higher Mathematics I\"");
  bridge_catalog_update_async (f->catalog, progress_cb, &last, NULL, updated_cb, &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (report->courses_changed, ==, 1);
  g_assert_cmpfloat (last, >, 0.5);
  course = bridge_catalog_get_course (f->catalog, "cdut:math26103", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bridge_text_get (bridge_course_get_title (course), "en"), ==, "Higher Mathematics I");
}

/* Dates for people */

static void
test_describe (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GDateTime) checked = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) next_year = NULL;
  g_autoptr(GDateTime) just_after = NULL;
  g_autofree char *date = NULL;
  g_autofree char *other_year = NULL;
  g_autofree char *age = NULL;
  g_autofree char *fresh = NULL;

  import (f, FALSE);
  checked = bridge_catalog_get_checked (f->catalog);
  /* The demo feed was generated on 20 November 2026 (+08:00). */
  now = g_date_time_add_days (checked, 2);
  date = bridge_catalog_describe_date (f->catalog, now);
  if (g_date_time_get_year (now) == 2026)
    g_assert_cmpstr (date, ==, "Catalog of 20 November");
  next_year = g_date_time_new_utc (2027, 1, 5, 12, 0, 0);
  other_year = bridge_catalog_describe_date (f->catalog, next_year);
  g_assert_cmpstr (other_year, ==, "Catalog of 20 November 2026");
  age = bridge_catalog_describe_age (f->catalog, now);
  g_assert_true (g_str_has_suffix (age, "was last checked 2 days ago."));
  g_assert_true (g_str_has_prefix (age, "The cached catalog, of 20 November"));
  just_after = g_date_time_add_seconds (checked, 30);
  fresh = bridge_catalog_describe_age (f->catalog, just_after);
  g_assert_true (g_str_has_suffix (fresh, "was last checked just now."));
}

/* The same for a Chinese reader, and what an update found. */
static void
test_describe_chinese (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) checked = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) next_year = NULL;
  g_autofree char *date = NULL;
  g_autofree char *other_year = NULL;
  g_autofree char *age = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *changes = NULL;
  BridgeUpdateReport report = { 0 };
  char *locale;

  import (f, FALSE);
  checked = bridge_catalog_get_checked (f->catalog);
  now = g_date_time_add_days (checked, 2);
  next_year = g_date_time_new_utc (2027, 1, 5, 12, 0, 0);
  locale = test_chinese_begin ();
  date = bridge_catalog_describe_date (f->catalog, now);
  other_year = bridge_catalog_describe_date (f->catalog, next_year);
  age = bridge_catalog_describe_age (f->catalog, now);
  report.unchanged = TRUE;
  unchanged = bridge_update_report_describe (&report);
  report.unchanged = FALSE;
  report.courses_added = 2;
  report.courses_changed = 1;
  report.certificates_removed = 1;
  changes = bridge_update_report_describe (&report);
  test_chinese_end (locale);
  if (g_date_time_get_year (now) == 2026)
    g_assert_cmpstr (date, ==, "11月20日的课程目录");
  g_assert_cmpstr (other_year, ==, "2026年11月20日的课程目录");
  g_assert_cmpstr (age, ==, g_date_time_get_year (now) == 2026 ? "缓存的课程目录（11月20日）上次检查：2 天前。"
                                                               : "缓存的课程目录（2026年11月20日）上次检查：2 天前。");
  g_assert_cmpstr (unchanged, ==, "没有变化");
  g_assert_cmpstr (changes, ==, "新增 2 门课程，1 门课程有变化，删除 1 种证书");
}

/* Failures: each leaves the cache and the kept files as they were */

typedef struct
{
  char *db;
  char *wal;
  char *index;
  char *digest;
  char *imported;
  char *checked;
} Snapshot;

static void
take_snapshot (Fixture  *f,
               Snapshot *snapshot)
{
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_auto(BridgeCatalogStats) stats = { 0 };
  g_autoptr(GDateTime) checked = bridge_catalog_get_checked (f->catalog);

  g_assert_true (bridge_catalog_get_stats (f->catalog, &stats, NULL));
  snapshot->db = read_file (f->db);
  snapshot->wal = read_file (wal);
  snapshot->index = kept_index (f);
  snapshot->digest = g_strdup (stats.digest);
  snapshot->imported = g_strdup (stats.imported);
  snapshot->checked = g_date_time_format_iso8601 (checked);
}

static void
clear_snapshot (Snapshot *snapshot)
{
  g_free (snapshot->db);
  g_free (snapshot->wal);
  g_free (snapshot->index);
  g_free (snapshot->digest);
  g_free (snapshot->imported);
  g_free (snapshot->checked);
}

static void
assert_update_fails (Fixture    *f,
                     const char *message_part)
{
  g_autofree char *folder = g_path_get_dirname (f->db);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  g_autoptr(GError) error = NULL;
  BridgeUpdateReport *report;
  Snapshot before = { 0 }, after = { 0 };
  gint64 start = g_get_monotonic_time ();

  take_snapshot (f, &before);
  report = bridge_catalog_update (f->catalog, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, message_part));
  g_assert_true (g_str_has_suffix (error->message, "The cached catalog, of 20 November, was last checked just now.")
                 || g_str_has_suffix (error->message,
                                      "The cached catalog, of 20 November 2026, was last checked just now."));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_TIME_SPAN_SECOND);

  take_snapshot (f, &after);
  g_assert_true (g_str_equal (before.db, after.db));
  g_assert_true (g_str_equal (before.wal, after.wal));
  g_assert_cmpstr (before.index, ==, after.index);
  g_assert_cmpstr (before.digest, ==, after.digest);
  g_assert_cmpstr (before.imported, ==, after.imported);
  g_assert_cmpstr (before.checked, ==, after.checked);
  /* Nothing is left of the download: only the cache and the kept files. */
  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_equal (name, "catalog.db") || g_str_equal (name, "catalog.db-wal")
                   || g_str_equal (name, "catalog.db-shm") || g_str_equal (name, "catalog.db.feed"));
  clear_snapshot (&before);
  clear_snapshot (&after);
}

static void
test_fail_server_down (Fixture       *f,
                       gconstpointer  data)
{
  import (f, FALSE);
  server_stop (&f->server);
  assert_update_fails (f, "Cannot read the catalog feed http://127.0.0.1:");
}

static void
test_fail_404 (Fixture       *f,
               gconstpointer  data)
{
  import (f, FALSE);
  g_atomic_int_set (&f->server.mode, MODE_404);
  assert_update_fails (f, "the server answered 404 Not Found for http://127.0.0.1:");
}

static void
test_fail_500 (Fixture       *f,
               gconstpointer  data)
{
  import (f, FALSE);
  g_atomic_int_set (&f->server.mode, MODE_500);
  assert_update_fails (f, "the server answered 500 Internal Server Error for http://127.0.0.1:");
}

static void
test_fail_stall (Fixture       *f,
                 gconstpointer  data)
{
  import (f, FALSE);
  g_atomic_int_set (&f->server.mode, MODE_STALL);
  g_setenv ("CREDIT_BRIDGE_DOWNLOAD_IDLE", "1", TRUE);
  assert_update_fails (f, "/feed/feed.json was stopped: the server sent nothing for 1 second.");
}

static void
test_fail_endless (Fixture       *f,
                   gconstpointer  data)
{
  import (f, FALSE);
  g_atomic_int_set (&f->server.mode, MODE_ENDLESS);
  g_setenv ("CREDIT_BRIDGE_DOWNLOAD_LIMIT", "4000000", TRUE);
  assert_update_fails (f, "/feed/feed.json was stopped: it is larger than 3.8");
}

static void
test_fail_deadline (Fixture       *f,
                    gconstpointer  data)
{
  import (f, FALSE);
  g_atomic_int_set (&f->server.mode, MODE_TRICKLE);
  g_setenv ("CREDIT_BRIDGE_DOWNLOAD_DEADLINE", "2", TRUE);
  assert_update_fails (f, "/feed/feed.json did not finish within 2 seconds");
}

static gpointer
cancel_later_thread (gpointer cancellable)
{
  g_usleep (300 * 1000);
  g_cancellable_cancel (cancellable);
  return NULL;
}

/* Cancelled (the window's Cancel): at once, and the cache stays. */
static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_auto(BridgeCatalogStats) stats = { 0 };
  g_autofree char *index = NULL;
  g_autofree char *after = NULL;
  GThread *canceller;

  import (f, FALSE);
  index = kept_index (f);
  g_atomic_int_set (&f->server.mode, MODE_TRICKLE);
  canceller = g_thread_new ("cancel", cancel_later_thread, cancellable);
  g_assert_null (bridge_catalog_update (f->catalog, NULL, NULL, cancellable, &error));
  g_thread_join (canceller);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_str_has_prefix (error->message, "The import was cancelled. The cached catalog, of 20 November"));
  g_assert_true (bridge_catalog_get_stats (f->catalog, &stats, NULL));
  g_assert_cmpuint (stats.courses, ==, 1519);
  after = kept_index (f);
  g_assert_cmpstr (after, ==, index);
}

static void
test_fail_untrusted (Fixture       *f,
                     gconstpointer  data)
{
  trust_test_ca ();
  import (f, TRUE);
  g_unsetenv ("CREDIT_BRIDGE_TEST_CA");
  assert_update_fails (f, "/feed/feed.json was not downloaded: the server’s certificate is not one this "
                          "computer trusts");
}

static void
test_fail_redirect_loop (Fixture       *f,
                         gconstpointer  data)
{
  import (f, FALSE);
  g_atomic_int_set (&f->server.mode, MODE_LOOP);
  assert_update_fails (f, "/loop/5 sent more than five redirections in a row (the last to http://127.0.0.1:");
}

static void
test_fail_https_to_http (Fixture       *f,
                         gconstpointer  data)
{
  trust_test_ca ();
  import (f, TRUE);
  g_atomic_int_set (&f->server.mode, MODE_TO_HTTP);
  assert_update_fails (f, "from https to plain http");
}

static void
test_fail_bad_feed (Fixture       *f,
                    gconstpointer  data)
{
  import (f, FALSE);
  edit_served (f, "courses/cdut.jsonl", "\"credits\":5,", "\"credits\":-5,");
  assert_update_fails (f, "cdut.jsonl:1");
}

int
main (int   argc,
      char *argv[])
{
  static const struct
  {
    const char *path;
    void (*func) (Fixture *, gconstpointer);
  } tests[] = {
    { "/update/unchanged", test_unchanged },
    { "/update/course-file-changed", test_course_file_changed },
    { "/update/root-changed", test_root_changed },
    { "/update/five-redirects", test_five_redirects },
    { "/update/https-trusted", test_https_trusted },
    { "/update/local", test_local },
    { "/update/empty", test_empty },
    { "/update/async", test_async },
    { "/update/describe", test_describe },
    { "/update/describe-chinese", test_describe_chinese },
    { "/update/fail/server-down", test_fail_server_down },
    { "/update/fail/404", test_fail_404 },
    { "/update/fail/500", test_fail_500 },
    { "/update/fail/stall", test_fail_stall },
    { "/update/fail/endless", test_fail_endless },
    { "/update/fail/deadline", test_fail_deadline },
    { "/update/cancelled", test_cancelled },
    { "/update/fail/untrusted-certificate", test_fail_untrusted },
    { "/update/fail/redirect-loop", test_fail_redirect_loop },
    { "/update/fail/https-to-http", test_fail_https_to_http },
    { "/update/fail/bad-feed", test_fail_bad_feed },
  };

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  memset (endless_chunk, 'x', sizeof endless_chunk);
  g_unsetenv ("CREDIT_BRIDGE_DOWNLOAD_LIMIT");
  g_unsetenv ("CREDIT_BRIDGE_DOWNLOAD_DEADLINE");
  g_unsetenv ("CREDIT_BRIDGE_DOWNLOAD_IDLE");
  g_unsetenv ("CREDIT_BRIDGE_TEST_CA");

  for (guint i = 0; i < G_N_ELEMENTS (tests); i++)
    g_test_add (tests[i].path, Fixture, GINT_TO_POINTER (0), fixture_set_up, tests[i].func, fixture_tear_down);
  /* A server that sends Last-Modified only: If-Modified-Since does the work. */
  g_test_add ("/update/unchanged-last-modified-only", Fixture, GINT_TO_POINTER (1), fixture_set_up,
              test_unchanged, fixture_tear_down);
  return g_test_run ();
}
