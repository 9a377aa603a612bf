/* gui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "bridge-catalog-page-private.h"
#include "bridge-gui-util.h"
#include "bridge-plan-page.h"
#include "bridge-search-model.h"
#include "gui-test-util.h"

static char *tmpdir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
remove_tmpdir (void)
{
  if (tmpdir == NULL)
    return;
  /* The catalog, and the data folder (drafts) below it. */
  remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

static GLogWriterOutput
debug_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
      {
        const char *m = fields[i].value;
        const char *p = strstr (m, " 0x");

        if (strstr (m, "attempt to allocate") && p)
          {
            GtkWidget *w = (GtkWidget *) (gsize) g_ascii_strtoull (p + 3, NULL, 16);

            for (; w; w = gtk_widget_get_parent (w))
              g_printerr ("  in %s %s\n", G_OBJECT_TYPE_NAME (w), gtk_widget_get_name (w));
          }
      }
  return g_log_writer_default (level, fields, n_fields, data);
}

/* Every warning and critical of GLib, GTK, libadwaita and ours fails the
 * test where it happens, whatever G_DEBUG says (the window printed them in
 * daily use while every test passed: issue 14). The default writer prints
 * the message, then aborts on a fatal one. */
static GLogWriterOutput
fatal_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    level |= G_LOG_FLAG_FATAL;
  if (data != NULL)
    return debug_writer (level, fields, n_fields, NULL);
  return g_log_writer_default (level, fields, n_fields, NULL);
}

void
gui_test_init (int    *argc,
               char ***argv)
{
  g_autofree char *db = NULL;
  g_autofree char *data = NULL;
  const char *builddir = g_getenv ("CREDIT_BRIDGE_BUILD_ROOT");

  setlocale (LC_ALL, "");
  if (builddir != NULL)
    {
      g_autofree char *po = g_build_filename (builddir, "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, po);
    }
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  tmpdir = g_dir_make_tmp ("credit-bridge-gui-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  db = g_build_filename (tmpdir, "catalog.db", NULL);
  g_setenv ("CREDIT_BRIDGE_DB", db, TRUE);
  /* Drafts of plans (g_get_user_data_dir ()) are this process's own. */
  data = g_build_filename (tmpdir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  atexit (remove_tmpdir);

  g_test_init (argc, argv, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_log_set_writer_func (fatal_writer, g_getenv ("GUI_TEST_DEBUG_ALLOC") ? "alloc" : NULL, NULL);
  /* Without a display the suite fails, saying why: it never passes or
   * skips (exit status 77) unseen. tests/gui/test-no-display.sh checks it. */
  if (!gtk_init_check ())
    {
      g_printerr ("Cannot open a display (DISPLAY=%s, WAYLAND_DISPLAY=%s): the GUI tests need one; "
                  "run them under xvfb-run, as in: xvfb-run -a meson test --suite gui\n",
                  g_getenv ("DISPLAY") ? g_getenv ("DISPLAY") : "",
                  g_getenv ("WAYLAND_DISPLAY") ? g_getenv ("WAYLAND_DISPLAY") : "");
      exit (EXIT_FAILURE);
    }
  adw_init ();
  /* No test asks a catalog's server for updates unless it says so (the
   * memory backend keeps this for the process). */
  {
    g_autoptr(GSettings) settings = bridge_gui_settings_new ();

    g_settings_set_boolean (settings, "check-updates", FALSE);
  }
  /* Pictures and checks see the end of each transition, not its middle. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

BridgeApplication *
gui_test_app (void)
{
  BridgeApplication *app = bridge_application_new ();
  g_autoptr(GError) error = NULL;

  /* Tests run side by side: no single-instance D-Bus name. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (bridge_application_get_settings (app));
  g_assert_nonnull (bridge_application_get_catalog (app));
  return app;
}

BridgeWindow *
gui_test_window (BridgeApplication *app,
                 int                width,
                 int                height)
{
  GSettings *settings = bridge_application_get_settings (app);
  BridgeWindow *window;

  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  window = bridge_window_new (GTK_APPLICATION (app), bridge_application_get_context (app));
  gtk_window_present (GTK_WINDOW (window));
  gui_test_spin (100);
  return window;
}

typedef struct
{
  gboolean timed_out;
} WaitData;

static gboolean
timeout_cb (gpointer data)
{
  ((WaitData *) data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
gui_test_wait (gboolean (*cond) (gpointer data),
               gpointer   data,
               guint      timeout_ms)
{
  WaitData wait = { FALSE };
  guint id = g_timeout_add (timeout_ms, timeout_cb, &wait);

  while (!cond (data) && !wait.timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!wait.timed_out)
    g_source_remove (id);
  return cond (data);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
gui_test_spin (guint ms)
{
  gui_test_wait (never, NULL, ms);
}

typedef struct
{
  BridgeWindow *window;
  const char   *state;
} StateData;

static gboolean
state_reached (gpointer data)
{
  StateData *s = data;

  return g_strcmp0 (bridge_window_get_state (s->window), s->state) == 0;
}

gboolean
gui_test_wait_state (BridgeWindow *window,
                     const char   *state,
                     guint         timeout_ms)
{
  StateData s = { window, state };

  return gui_test_wait (state_reached, &s, timeout_ms);
}

void
gui_test_first_run (BridgeWindow *window,
                    const char   *home_id)
{
  GtkWidget *row;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  BridgeCatalog *catalog = bridge_application_get_catalog (BRIDGE_APPLICATION (app));
  g_autoptr(GPtrArray) universities = NULL;

  if (gui_test_wait_state (window, "main", 10))
    return;
  g_assert_true (gui_test_wait_state (window, "welcome", 60000));

  universities = bridge_catalog_list_universities (catalog);
  row = bridge_window_get_child (window, "welcome-university");
  for (guint i = 0; i < universities->len; i++)
    if (g_strcmp0 (bridge_university_get_id (g_ptr_array_index (universities, i)), home_id) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  gtk_widget_activate (bridge_window_get_child (window, "welcome-start"));
  g_assert_true (gui_test_wait_state (window, "main", 5000));
}

typedef struct
{
  BridgeSearchModel *model;
  const char        *text;
} SearchWait;

gboolean
gui_test_search_settled (gpointer model)
{
  /* The results come in a screenful a frame: until every one is an item. */
  return !bridge_search_model_get_searching (model) &&
         g_list_model_get_n_items (G_LIST_MODEL (model)) ==
         bridge_search_model_get_n_results (model);
}

static gboolean
search_done (gpointer data)
{
  SearchWait *wait = data;

  return gui_test_search_settled (wait->model) &&
         g_strcmp0 (bridge_search_model_get_query (wait->model), wait->text) == 0;
}

guint
gui_test_search (BridgeWindow *window,
                 const char   *text)
{
  BridgeCatalogPage *page = BRIDGE_CATALOG_PAGE (bridge_window_get_page (window, "catalog"));
  GtkWidget *entry = bridge_catalog_page_get_child (page, "search-entry");
  SearchWait wait = { bridge_catalog_page_get_model (page), text };

  bridge_window_show_page (window, "catalog");
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* Typing runs the search in a worker; the results come back to the loop. */
  g_assert_true (gui_test_wait (search_done, &wait, 10000));
  gui_test_spin (50);
  return g_list_model_get_n_items (G_LIST_MODEL (wait.model));
}

void
gui_test_screenshot (GtkWidget  *widget,
                     const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_nonnull (renderer);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A widget waiting for its next layout draws nothing: let frames pass. */
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        gui_test_spin (50);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

GtkWidget *
gui_test_find_match (GtkWidget          *root,
                     GuiTestWidgetMatch  match,
                     gconstpointer       data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      found = gui_test_find_match (child, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
}

GtkWidget *
gui_test_find (GtkWidget *root,
               GType      type)
{
  return gui_test_find_match (root, is_of_type, &type);
}

char *
gui_test_find_course (BridgeApplication *app,
                      const char        *university,
                      const char        *text,
                      guint              index)
{
  BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  guint total;

  filter.university = university;
  found = bridge_catalog_search (bridge_application_get_catalog (app), text, &filter, index + 1, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >, index);
  return g_strdup (bridge_course_get_id (g_ptr_array_index (found, index)));
}

void
gui_test_close (BridgeWindow *window)
{
  BridgePlanPage *plan = BRIDGE_PLAN_PAGE (bridge_window_get_page (window, "plan"));

  bridge_plan_set_modified (bridge_plan_page_get_plan (plan), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_spin (50);
}

typedef struct
{
  gboolean done;
  int      status;
} Child;

static void
child_exited_cb (GPid     pid,
                 int      status,
                 gpointer data)
{
  Child *child = data;

  child->status = status;
  child->done = TRUE;
  g_spawn_close_pid (pid);
}

static gboolean
child_done (gpointer data)
{
  return ((Child *) data)->done;
}

/* Runs @argv while the window goes on answering the X server. */
static void
run_child (const char * const *argv)
{
  Child child = { FALSE, 0 };
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, child_exited_cb, &child);
  g_assert_true (gui_test_wait (child_done, &child, 20000));
  g_assert_true (g_spawn_check_wait_status (child.status, &error));
  g_assert_no_error (error);
}

void
gui_test_press (BridgeWindow *window,
                const char   *keys,
                const char   *text)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  const char * const focus[] = { "xdotool", "windowfocus", "--sync", xid, NULL };
  const char * const key[] = { "xdotool", "key", "--clearmodifiers", keys, NULL };
  const char * const type[] = { "xdotool", "type", "--delay", "30", text, NULL };

  run_child (focus);
  run_child (keys != NULL ? key : type);
  gui_test_spin (250);
}
