/* test-main-context.c: a worker's results reach the thread that waits for
 * them, never the worker itself
 *
 * GLib's g_main_context_invoke_full (), called from a worker, runs the
 * function in the worker whenever the main thread is not iterating its
 * context at that moment. The window's search and import used it: their
 * results then changed list models and labels from the worker, beside the
 * main thread building a window, and GTK's list view crashed or criticized
 * ("gtk_list_view_get_unknown_row_height") now and then in CI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "bridge-catalog.h"
#include "bridge-main-context.h"

static GThread *main_thread;

typedef struct
{
  GThread *ran_in;
  guint    calls;
  guint    notified;
} Call;

static gboolean
record_cb (gpointer data)
{
  Call *call = data;

  call->ran_in = g_thread_self ();
  call->calls++;
  return G_SOURCE_REMOVE;
}

static void
notify_cb (gpointer data)
{
  Call *call = data;

  call->notified++;
}

/* Called by the thread that owns the context: at once, like GLib's. */
static void
test_owner_at_once (void)
{
  Call call = { NULL, 0, 0 };

  g_assert_true (g_main_context_acquire (g_main_context_default ()));
  bridge_main_context_invoke (NULL, G_PRIORITY_DEFAULT, record_cb, &call, notify_cb);
  g_main_context_release (g_main_context_default ());
  g_assert_cmpuint (call.calls, ==, 1);
  g_assert_cmpuint (call.notified, ==, 1);
  g_assert_true (call.ran_in == main_thread);
}

static gpointer
invoke_thread (gpointer data)
{
  bridge_main_context_invoke (g_main_context_default (), G_PRIORITY_DEFAULT, record_cb, data, notify_cb);
  return NULL;
}

/* From a worker while the main thread is busy elsewhere (here: waiting for
 * the worker, not iterating): the call waits for the main loop. */
static void
test_worker_waits_for_owner (void)
{
  Call call = { NULL, 0, 0 };

  g_thread_join (g_thread_new ("worker", invoke_thread, &call));
  g_assert_cmpuint (call.calls, ==, 0);
  g_assert_cmpuint (call.notified, ==, 0);

  while (call.calls == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (call.ran_in == main_thread);
  g_assert_cmpuint (call.calls, ==, 1);
  g_assert_cmpuint (call.notified, ==, 1);
}

/* A worker with a main context of its own pushed: the same. */
static gpointer
invoke_from_own_context_thread (gpointer data)
{
  GMainContext *own = g_main_context_new ();

  g_main_context_push_thread_default (own);
  bridge_main_context_invoke (g_main_context_default (), G_PRIORITY_DEFAULT, record_cb, data, notify_cb);
  g_main_context_pop_thread_default (own);
  g_main_context_unref (own);
  return NULL;
}

static void
test_worker_with_own_context (void)
{
  Call call = { NULL, 0, 0 };

  g_thread_join (g_thread_new ("worker", invoke_from_own_context_thread, &call));
  g_assert_cmpuint (call.calls, ==, 0);
  while (call.calls == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (call.ran_in == main_thread);
}

typedef struct
{
  guint    progress_calls;
  guint    progress_elsewhere;
  gboolean done;
  guint    courses;
} Import;

static void
progress_cb (double   fraction,
             gpointer data)
{
  Import *import = data;

  import->progress_calls++;
  if (g_thread_self () != main_thread)
    import->progress_elsewhere++;
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  Import *import = data;
  g_autoptr(GError) error = NULL;
  BridgeImportReport *report = bridge_catalog_import_finish (BRIDGE_CATALOG (object), result, &error);

  g_assert_no_error (error);
  import->courses = report->courses;
  bridge_import_report_free (report);
  import->done = TRUE;
}

/* bridge_catalog_import_async () says progress comes on the calling
 * thread's main context: also while that thread is busy when the worker
 * reports (here it sleeps through most of the import). */
static void
test_import_progress_on_caller (void)
{
  const char *root = g_getenv ("CREDIT_BRIDGE_SOURCE_ROOT");
  g_autofree char *demo = g_build_filename (root ? root : "..", "data", "catalog", "feed.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("cb-main-context-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "catalog.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCatalog) catalog = bridge_catalog_open (db, &error);
  Import import = { 0, 0, FALSE, 0 };

  g_assert_no_error (error);
  bridge_catalog_import_async (catalog, demo, progress_cb, &import, NULL, imported_cb, &import);
  g_usleep (G_USEC_PER_SEC);
  while (!import.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (import.courses, ==, 1519);
  g_assert_cmpuint (import.progress_calls, >, 0);
  g_assert_cmpuint (import.progress_elsewhere, ==, 0);

  g_clear_object (&catalog);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (db, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  g_test_add_func ("/main-context/owner-at-once", test_owner_at_once);
  g_test_add_func ("/main-context/worker-waits-for-owner", test_worker_waits_for_owner);
  g_test_add_func ("/main-context/worker-with-own-context", test_worker_with_own_context);
  g_test_add_func ("/main-context/import-progress-on-caller", test_import_progress_on_caller);

  return g_test_run ();
}
