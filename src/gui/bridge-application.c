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

struct _BridgeApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  BridgeContext  *context;                /* made when first asked for */
  BridgeCatalog  *catalog;
  char           *catalog_problem;        /* why the cache could not be opened, at start-up */
  BridgeImporter *importer;               /* made with the context */
};

G_DEFINE_FINAL_TYPE (BridgeApplication, bridge_application, ADW_TYPE_APPLICATION)

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
    {
      self->context = bridge_context_new (self->catalog, self->settings);
      self->importer = bridge_importer_new (self->catalog, self->catalog_problem);
      bridge_context_set_importer (self->context, self->importer);
    }
  return self->context;
}

const char *
bridge_application_get_catalog_problem (BridgeApplication *self)
{
  g_return_val_if_fail (BRIDGE_IS_APPLICATION (self), NULL);

  if (bridge_application_get_context (self) == NULL)
    return self->catalog_problem;
  return bridge_importer_get_problem (self->importer);
}

char *
bridge_application_dup_catalog_source (BridgeApplication *self)
{
  g_return_val_if_fail (BRIDGE_IS_APPLICATION (self), NULL);
  return bridge_context_dup_catalog_source_or_demo (bridge_application_get_context (self));
}

gboolean
bridge_application_is_importing (BridgeApplication *self)
{
  g_return_val_if_fail (BRIDGE_IS_APPLICATION (self), FALSE);
  return self->importer != NULL && bridge_importer_is_importing (self->importer);
}

void
bridge_application_cancel_import (BridgeApplication *self)
{
  g_return_if_fail (BRIDGE_IS_APPLICATION (self));

  if (self->importer != NULL)
    bridge_importer_cancel (self->importer);
}

void
bridge_application_import (BridgeApplication *self,
                           const char        *source)
{
  g_return_if_fail (BRIDGE_IS_APPLICATION (self));

  if (bridge_application_get_context (self) != NULL)
    bridge_context_import (self->context, source);
}

void
bridge_application_add_recent_plan (BridgeApplication *self,
                                    GFile             *file)
{
  g_return_if_fail (BRIDGE_IS_APPLICATION (self));
  bridge_context_add_recent_plan (bridge_application_get_context (self), file);
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
  window = bridge_window_new (GTK_APPLICATION (self), bridge_application_get_context (self));
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
      window = bridge_window_new (GTK_APPLICATION (self), bridge_application_get_context (self));
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

  prefs = bridge_preferences_window_new (bridge_application_get_context (self));
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
    { "win.show-page('certificates')", { "<Alt>5", NULL } },
    { "win.export-plan", { "<Control>e", NULL } },
    { "win.print-plan", { "<Control>p", NULL } },
    { "win.open-report", { "<Control><Shift>r", NULL } },
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

  if (self->importer != NULL)
    bridge_importer_cancel (self->importer);

  G_OBJECT_CLASS (bridge_application_parent_class)->dispose (object);
}

static void
bridge_application_finalize (GObject *object)
{
  BridgeApplication *self = BRIDGE_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);
  g_clear_object (&self->importer);
  g_clear_pointer (&self->catalog_problem, g_free);

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
}

static void
bridge_application_init (BridgeApplication *self)
{
}
