/* bridge-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-application.h"
#include "bridge-error.h"
#include "bridge-gui-util.h"
#include "bridge-preferences-window.h"
#include "bridge-renderer.h"
#include "bridge-window.h"

/* The compiled resources live in the GUI's static library: referencing them
 * keeps the linker from dropping their registration. */
extern GResource *bridge_gui_get_resource (void);

#define MAX_RECENT_PLANS 10

struct _BridgeApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  BridgeContext  *context;                /* made when first asked for */
  BridgeCatalog  *catalog;
  char           *catalog_problem;
  char           *rebuild_source;         /* the import running rebuilds a damaged cache from it */
  GCancellable   *import_cancellable;
};

G_DEFINE_FINAL_TYPE (BridgeApplication, bridge_application, ADW_TYPE_APPLICATION)

enum {
  IMPORT_STARTED,
  IMPORT_PROGRESS,
  IMPORT_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

BridgeApplication *
bridge_application_new (void)
{
  return g_object_new (BRIDGE_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

BridgeCatalog *
bridge_application_get_catalog (BridgeApplication *self)
{
  g_return_val_if_fail (BRIDGE_IS_APPLICATION (self), NULL);
  return self->catalog;
}

GSettings *
bridge_application_get_settings (BridgeApplication *self)
{
  g_return_val_if_fail (BRIDGE_IS_APPLICATION (self), NULL);
  return self->settings;
}

BridgeContext *
bridge_application_get_context (BridgeApplication *self)
{
  g_return_val_if_fail (BRIDGE_IS_APPLICATION (self), NULL);

  if (self->context == NULL && self->settings != NULL)
    self->context = bridge_context_new (self->catalog, self->settings);
  return self->context;
}

const char *
bridge_application_get_catalog_problem (BridgeApplication *self)
{
  g_return_val_if_fail (BRIDGE_IS_APPLICATION (self), NULL);
  return self->catalog_problem;
}

char *
bridge_application_dup_catalog_source (BridgeApplication *self)
{
  const char *source;

  g_return_val_if_fail (BRIDGE_IS_APPLICATION (self), NULL);

  source = bridge_context_get_catalog_source (bridge_application_get_context (self));
  if (*source == '\0')
    return g_strdup (bridge_gui_demo_catalog_path ());
  return g_strdup (source);
}

gboolean
bridge_application_is_importing (BridgeApplication *self)
{
  return self->import_cancellable != NULL;
}

void
bridge_application_cancel_import (BridgeApplication *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  BridgeApplication *self = BRIDGE_APPLICATION (user_data);

  g_signal_emit (self, signals[IMPORT_PROGRESS], 0, fraction);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BridgeApplication) self = BRIDGE_APPLICATION (user_data);
  g_autoptr(BridgeImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  report = bridge_catalog_import_finish (BRIDGE_CATALOG (object), result, &error);
  g_clear_object (&self->import_cancellable);

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup (_("The import was cancelled; the catalog is unchanged"));
      else
        /* Translators: %s is the reason, from the catalog reader */
        message = g_strdup_printf (_("The catalog could not be imported: %s"), error->message);
      g_warning ("%s", message);
    }
  else if (report->unchanged)
    message = g_strdup (_("The catalog is already up to date"));
  else if (self->rebuild_source != NULL)
    /* Translators: %s is the feed the damaged catalog cache had been imported from */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The damaged catalog cache was rebuilt from %s: %u course",
                                            "The damaged catalog cache was rebuilt from %s: %u courses",
                                            report->courses),
                               self->rebuild_source, report->courses);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Imported %u course",
                                            "Imported %u courses",
                                            report->courses),
                               report->courses);

  /* Once imported, the catalog is whole again, whatever the feed. */
  if (report != NULL && self->catalog != NULL)
    g_clear_pointer (&self->catalog_problem, g_free);
  g_clear_pointer (&self->rebuild_source, g_free);

  g_signal_emit (self, signals[IMPORT_FINISHED], 0, report != NULL, message);
  g_application_release (G_APPLICATION (self));
}

void
bridge_application_import (BridgeApplication *self,
                           const char        *source)
{
  g_autofree char *configured = NULL;

  g_return_if_fail (BRIDGE_IS_APPLICATION (self));

  if (self->import_cancellable != NULL || self->catalog == NULL)
    return;

  if (source == NULL)
    source = configured = bridge_application_dup_catalog_source (self);

  g_clear_pointer (&self->rebuild_source, g_free);
  if (self->catalog_problem != NULL &&
      g_strcmp0 (source, bridge_catalog_get_lost_source (self->catalog)) == 0)
    self->rebuild_source = g_strdup (source);
  self->import_cancellable = g_cancellable_new ();
  g_application_hold (G_APPLICATION (self));
  g_signal_emit (self, signals[IMPORT_STARTED], 0);
  bridge_catalog_import_async (self->catalog,
                               source,
                               import_progress_cb,
                               self,
                               self->import_cancellable,
                               import_done_cb,
                               g_object_ref (self));
}

void
bridge_application_add_recent_plan (BridgeApplication *self,
                                    GFile             *file)
{
  const char * const *old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *uri = NULL;
  guint n = 1;

  g_return_if_fail (BRIDGE_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  old = bridge_context_get_recent_plans (bridge_application_get_context (self));
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_PLANS; i++)
    {
      if (g_strcmp0 (old[i], uri) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  recent = g_strv_builder_end (builder);
  bridge_context_set_recent_plans (bridge_application_get_context (self), (const char * const *) recent);
}

static BridgeWindow *
get_window (BridgeApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (BRIDGE_IS_WINDOW (window))
    return BRIDGE_WINDOW (window);
  return NULL;
}

static void
bridge_application_activate (GApplication *app)
{
  BridgeApplication *self = BRIDGE_APPLICATION (app);
  BridgeWindow *window = get_window (self);

  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  window = bridge_window_new (self);
  gtk_window_present (GTK_WINDOW (window));
  /* A crash's draft, or the plan open at quit (as Text Editor does); its
   * dialog comes over the window, so after it. */
  bridge_window_restore_session (window, TRUE);
}

static void
bridge_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  BridgeApplication *self = BRIDGE_APPLICATION (app);
  BridgeWindow *window = get_window (self);

  /* The plan asked for replaces the one open at quit; a crash's draft is
   * still offered. */
  if (window == NULL)
    {
      window = bridge_window_new (self);
      gtk_window_present (GTK_WINDOW (window));
      bridge_window_restore_session (window, FALSE);
    }
  else
    gtk_window_present (GTK_WINDOW (window));
  if (window != NULL && n_files > 0)
    bridge_window_open_plan (window, files[0]);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  BridgeApplication *self = BRIDGE_APPLICATION (user_data);
  static const char *developers[] = { "Credit Bridge contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Credit Bridge"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("Credit Bridge contributors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan a semester at another university of the "
                                      "Chengdu–Chongqing alliance: find courses, see what "
                                      "they are worth at home, and build a learning agreement."),
                        "website", "https://github.com/creditbridge/credit-bridge",
                        "issue-url", "https://github.com/creditbridge/credit-bridge/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  BridgeApplication *self = BRIDGE_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  BridgePreferencesWindow *prefs;

  prefs = bridge_preferences_window_new (self);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autofree char *uri = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;

  if (path != NULL)
    /* Translators: %s is the path of the help's first page */
    body = g_strdup_printf (_("No web browser could open the help. Its pages are in %s: "
                              "open that file in a browser, or install Yelp, the help viewer."), path);
  else
    body = g_strdup (_("Install Yelp, the help viewer, to read the help."));
  dialog = adw_message_dialog_new (GTK_WINDOW (source), _("Help Could Not Be Opened"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  BridgeApplication *self = BRIDGE_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  char *uri;

  /* Without Yelp a help: URI fails with "Operation not supported": the
   * same pages are built as HTML for the browser. */
  uri = bridge_gui_help_uri ("index", bridge_gui_have_yelp (), bridge_gui_help_html_dirs ());
  if (uri == NULL)
    uri = g_strdup ("help:credit-bridge");
  gtk_show_uri_full (window, uri, GDK_CURRENT_TIME, NULL, help_shown_cb, uri);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  BridgeApplication *self = BRIDGE_APPLICATION (user_data);
  g_autolist(GtkWindow) windows = NULL;

  /* Closing goes through each window's unsaved-changes prompt. A window
   * that closes at once is destroyed with its dialogs, which leaves the
   * application's own list as it goes: walk a copy that holds each one. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "help", help_action },
  { "quit", quit_action },
};

static void
read_icon_theme_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  /* Any lookup reads the theme's index and directories if they are not
   * read yet; the name itself does not matter. */
  gtk_icon_theme_has_icon (GTK_ICON_THEME (source_object), "open-menu-symbolic");
  g_task_return_boolean (task, TRUE);
}

/* GTK starts reading the icon theme in a thread when the display opens, but
 * GtkApplication's startup then adds the application's resource path to it,
 * which throws that reading away: the window's first icon would read Adwaita's
 * and hicolor's index files again on the main thread, about 10 ms before the
 * first frame. Reading them again in a thread overlaps that with building the
 * window. Once set up on the main thread, GtkIconTheme's lookups may be made
 * from any thread; a lookup made meanwhile on the main thread waits for the
 * reading instead of doing it twice. */
static void
read_icon_theme_in_thread (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;
  task = g_task_new (gtk_icon_theme_get_for_display (display), NULL, NULL, NULL);
  g_task_set_source_tag (task, read_icon_theme_in_thread);
  g_task_run_in_thread (task, read_icon_theme_thread);
}

static void
bridge_application_startup (GApplication *app)
{
  BridgeApplication *self = BRIDGE_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.open-plan", { "<Control>o", NULL } },
    { "win.save-plan", { "<Control>s", NULL } },
    { "win.save-plan-as", { "<Control><Shift>s", NULL } },
    { "win.new-plan", { "<Control>n", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", NULL } },
    { "win.show-page('catalog')", { "<Alt>1", NULL } },
    { "win.show-page('plan')", { "<Alt>2", NULL } },
    { "win.show-page('grades')", { "<Alt>3", NULL } },
    { "win.show-page('agreement')", { "<Alt>4", NULL } },
    { "win.export-plan", { "<Control>e", NULL } },
    { "win.print-plan", { "<Control>p", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };
  g_autofree char *reason = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GdkDisplay *display;

  (void) bridge_gui_get_resource ();

  G_APPLICATION_CLASS (bridge_application_parent_class)->startup (app);
  read_icon_theme_in_thread ();
  display = gdk_display_get_default ();
  if (display != NULL)
    bridge_renderer_choose (display, g_getenv ("GSK_RENDERER"));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  self->settings = bridge_gui_settings_new ();
  if (self->settings == NULL)
    g_error ("The settings schema %s is missing: install Credit Bridge, or run it "
             "from a build tree where data/ compiled the schema", APPLICATION_ID);

  path = bridge_catalog_default_path ();
  self->catalog = bridge_catalog_open_or_reset (path, &reason, &error);
  if (self->catalog == NULL)
    {
      /* Translators: %s is the path of the catalog cache, then the reason */
      self->catalog_problem = g_strdup_printf (_("The catalog cache %s cannot be opened: %s"),
                                               path, error->message);
      g_warning ("%s", self->catalog_problem);
      return;
    }

  /* This connection reads the courses the list shows, up to 16 at a time
   * (the searches have their own), a few B-tree pages each, which the
   * kernel's cache holds anyway. At 100,000 courses 512 KiB scrolled and
   * dragged as fast as 2 MiB, and kept 1.5 MB less resident. */
  bridge_catalog_set_cache_size (self->catalog, 512);
  /* The window rebuilds the cache from the feed it had been imported from
   * (bridge_catalog_get_lost_source()), or asks to import it again: never
   * from another feed, whose courses would pass for this one's. */
  self->catalog_problem = g_steal_pointer (&reason);
}

static void
bridge_application_dispose (GObject *object)
{
  BridgeApplication *self = BRIDGE_APPLICATION (object);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  G_OBJECT_CLASS (bridge_application_parent_class)->dispose (object);
}

static void
bridge_application_finalize (GObject *object)
{
  BridgeApplication *self = BRIDGE_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->catalog_problem, g_free);
  g_clear_pointer (&self->rebuild_source, g_free);

  G_OBJECT_CLASS (bridge_application_parent_class)->finalize (object);
}

static void
bridge_application_class_init (BridgeApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = bridge_application_dispose;
  object_class->finalize = bridge_application_finalize;

  app_class->startup = bridge_application_startup;
  app_class->activate = bridge_application_activate;
  app_class->open = bridge_application_open;

  signals[IMPORT_STARTED] =
    g_signal_new ("import-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[IMPORT_PROGRESS] =
    g_signal_new ("import-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);
  signals[IMPORT_FINISHED] =
    g_signal_new ("import-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);
}

static void
bridge_application_init (BridgeApplication *self)
{
}
