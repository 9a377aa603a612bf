/* bridge-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-gui-util.h"
#include "bridge-home-rows-private.h"
#include "bridge-plan-draft.h"
#include "bridge-window-private.h"

/* A draft is written this long after the first unsaved change (issue 14
 * asks for two seconds at most): typing does not write at every key. */
#define DRAFT_DELAY_MS 1000

G_DEFINE_FINAL_TYPE (BridgeWindow, bridge_window, ADW_TYPE_APPLICATION_WINDOW)

static void setup (BridgeWindow *self);

BridgeWindow *
bridge_window_new (GtkApplication *application,
                   BridgeContext  *context)
{
  BridgeWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BRIDGE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (BRIDGE_IS_IMPORTER (bridge_context_get_importer (context)), NULL);

  self = g_object_new (BRIDGE_TYPE_WINDOW,
                       "application", application,
                       NULL);
  self->context = g_object_ref (context);
  setup (self);
  return self;
}

const char *
bridge_window_get_state (BridgeWindow *self)
{
  g_return_val_if_fail (BRIDGE_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

static void update_title (BridgeWindow *self);
static void plan_replaced_cb (BridgeWindow *self);
static void history_replaced_cb (BridgeWindow *self);
static void plan_modified_cb (BridgeWindow *self);
static void plan_file_cb (BridgeWindow *self);
static void restore_session (BridgeWindow *self);
static void discard_draft (BridgeWindow *self);

/* The Plan, Grades and Agreement pages are out of sight at start: each is
 * built when first shown or needed, so that the window comes up sooner and
 * a session that only searches does not hold them (issue 4, item 9). The
 * plan itself lives in the Plan page, so anything that reads or changes it
 * asks for the page here. */
BridgePlanPage *
bridge_window_ensure_plan_page (BridgeWindow *self)
{
  if (self->plan_page == NULL)
    {
      self->plan_page = g_object_new (BRIDGE_TYPE_PLAN_PAGE, NULL);
      adw_bin_set_child (self->plan_slot, GTK_WIDGET (self->plan_page));
      bridge_plan_page_set_context (self->plan_page, self->context);
      g_signal_connect_object (self->plan_page, "notify::modified",
                               G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->plan_page, "notify::file",
                               G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->plan_page, "notify::plan",
                               G_CALLBACK (plan_replaced_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->plan_page, "notify::history",
                               G_CALLBACK (history_replaced_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->plan_page, "notify::modified",
                               G_CALLBACK (plan_modified_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->plan_page, "notify::file",
                               G_CALLBACK (plan_file_cb), self, G_CONNECT_SWAPPED);
      plan_replaced_cb (self);
      history_replaced_cb (self);
      /* Brought up to date now if the catalog is already in. */
      if (self->plan_stale)
        {
          self->plan_stale = FALSE;
          bridge_plan_page_reload (self->plan_page);
        }
    }
  return self->plan_page;
}

/* Together the Grades and Agreement pages hold some 3 MB. */
static BridgeGradesPage *
ensure_grades_page (BridgeWindow *self)
{
  if (self->grades_page == NULL)
    {
      self->grades_page = g_object_new (BRIDGE_TYPE_GRADES_PAGE, NULL);
      adw_bin_set_child (self->grades_slot, GTK_WIDGET (self->grades_page));
      bridge_grades_page_set_context (self->grades_page, self->context);
      /* Brought up to date now if the catalog is already in. */
      if (self->grades_stale)
        {
          self->grades_stale = FALSE;
          bridge_grades_page_reload (self->grades_page);
        }
    }
  return self->grades_page;
}

/* The Agreement page reopens an approved agreement as a new draft. */
static void
agreement_open_draft_cb (BridgeWindow *self,
                         BridgePlan   *draft)
{
  bridge_plan_page_open_draft (bridge_window_ensure_plan_page (self), draft);
}

static BridgeAgreementPage *
ensure_agreement_page (BridgeWindow *self)
{
  if (self->agreement_page == NULL)
    {
      self->agreement_page = g_object_new (BRIDGE_TYPE_AGREEMENT_PAGE, NULL);
      adw_bin_set_child (self->agreement_slot, GTK_WIDGET (self->agreement_page));
      bridge_agreement_page_set_context (self->agreement_page, self->context);
      bridge_agreement_page_set_plan (self->agreement_page, bridge_plan_page_get_plan (bridge_window_ensure_plan_page (self)));
      g_signal_connect_object (self->agreement_page, "open-draft",
                               G_CALLBACK (agreement_open_draft_cb), self, G_CONNECT_SWAPPED);
    }
  return self->agreement_page;
}

/* The student's certificates are loaded with the window; the page that
 * shows them waits until it is first shown. */
static BridgeCertificatesPage *
ensure_certificates_page (BridgeWindow *self)
{
  if (self->certificates_page == NULL)
    {
      self->certificates_page = g_object_new (BRIDGE_TYPE_CERTIFICATES_PAGE, NULL);
      adw_bin_set_child (self->certificates_slot, GTK_WIDGET (self->certificates_page));
      bridge_certificates_page_set_holdings (self->certificates_page, self->holdings);
      bridge_certificates_page_set_context (self->certificates_page, self->context);
    }
  return self->certificates_page;
}

/* The icon X11 window managers show (Wayland takes it from the desktop
 * file) is the one thing that waits for the first frame: GTK renders the
 * SVG at several sizes when a realized window gets it. The default serves
 * the dialogs opened later. */
static gboolean
set_icon_idle_cb (gpointer data)
{
  BridgeWindow *self = data;

  self->icon_idle_id = 0;
  if (gtk_window_get_icon_name (GTK_WINDOW (self)) == NULL)
    {
      gtk_window_set_default_icon_name (APPLICATION_ID);
      gtk_window_set_icon_name (GTK_WINDOW (self), APPLICATION_ID);
    }
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (GdkFrameClock *clock,
                BridgeWindow  *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  /* At the default priority rather than an idle's: while the list keeps
   * revealing results frame after frame, an idle callback may wait seconds. */
  if (gtk_window_get_icon_name (GTK_WINDOW (self)) == NULL && self->icon_idle_id == 0)
    self->icon_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT, set_icon_idle_cb, self, NULL);
}

static void
bridge_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bridge_window_parent_class)->realize (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (first_frame_cb), widget, 0);
}

GtkWidget *
bridge_window_get_page (BridgeWindow *self,
                        const char   *name)
{
  g_return_val_if_fail (BRIDGE_IS_WINDOW (self), NULL);

  if (g_strcmp0 (name, "catalog") == 0)
    return GTK_WIDGET (self->catalog_page);
  if (g_strcmp0 (name, "plan") == 0)
    return GTK_WIDGET (bridge_window_ensure_plan_page (self));
  if (g_strcmp0 (name, "grades") == 0)
    return GTK_WIDGET (ensure_grades_page (self));
  if (g_strcmp0 (name, "agreement") == 0)
    return GTK_WIDGET (ensure_agreement_page (self));
  if (g_strcmp0 (name, "certificates") == 0)
    return GTK_WIDGET (ensure_certificates_page (self));
  return NULL;
}

GtkWidget *
bridge_window_get_child (BridgeWindow *self,
                         const char   *name)
{
  g_return_val_if_fail (BRIDGE_IS_WINDOW (self), NULL);

  if (g_strcmp0 (name, "welcome-start") == 0)
    return GTK_WIDGET (self->welcome_start_button);
  /* "welcome-university", "welcome-cycle", "welcome-field" */
  if (g_str_has_prefix (name, "welcome-"))
    return self->welcome_home_rows != NULL
             ? bridge_home_rows_get_row (self->welcome_home_rows, name + strlen ("welcome-"))
             : NULL;
  if (g_strcmp0 (name, "demo-banner") == 0)
    return GTK_WIDGET (self->demo_banner);
  if (g_strcmp0 (name, "import-progress") == 0)
    return GTK_WIDGET (self->import_progress);
  if (g_strcmp0 (name, "update-revealer") == 0)
    return GTK_WIDGET (self->update_revealer);
  if (g_strcmp0 (name, "update-progress") == 0)
    return GTK_WIDGET (self->update_progress);
  if (g_strcmp0 (name, "error-status") == 0)
    return GTK_WIDGET (self->error_status);
  if (g_strcmp0 (name, "view-stack") == 0)
    return GTK_WIDGET (self->view_stack);
  if (g_strcmp0 (name, "primary-menu-button") == 0)
    return GTK_WIDGET (self->primary_menu_button);
  if (g_strcmp0 (name, "switcher-bar") == 0)
    return GTK_WIDGET (self->switcher_bar);
  if (g_strcmp0 (name, "header-bar") == 0)
    return GTK_WIDGET (self->header_bar);
  return NULL;
}

void
bridge_window_show_page (BridgeWindow *self,
                         const char   *name)
{
  g_return_if_fail (BRIDGE_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* ------------------------------------------------------------------------ */
/* State: importing, welcome, main                                           */

static void
update_demo_banner (BridgeWindow *self)
{
  BridgeCatalog *catalog = bridge_context_get_catalog (self->context);
  g_auto(BridgeCatalogStats) stats = { 0 };
  gboolean demo = FALSE;

  if (catalog != NULL && bridge_catalog_get_stats (catalog, &stats, NULL))
    demo = stats.demo;
  gtk_widget_set_visible (self->demo_banner, demo);
}

static void welcome_start_cb (BridgeWindow *self);
static void reload_visible_page (BridgeWindow *self);

/* Shows the state @name ("loading", "error", "welcome" or "main"), building
 * its page from bridge-window-states.ui the first time: most starts go
 * straight to the catalog, and need none of them. */
static void
show_state (BridgeWindow *self,
            const char   *name)
{
  if (gtk_stack_get_child_by_name (self->main_stack, name) == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new ();
      g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
      g_autofree char *id = g_strconcat (name, "_page", NULL);
      const char *ids[] = { id, NULL };
      g_autoptr(GError) error = NULL;

      gtk_builder_cscope_add_callback (scope, welcome_start_cb);
      gtk_builder_set_scope (builder, scope);
      gtk_builder_set_current_object (builder, G_OBJECT (self));
      gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
      gtk_builder_expose_object (builder, "primary_menu", G_OBJECT (self->primary_menu));
      if (!gtk_builder_add_objects_from_resource (builder, RESOURCE_BASE "/bridge-window-states.ui",
                                                  ids, &error))
        g_error ("%s", error->message);   /* the resource is built in */

      gtk_stack_add_named (self->main_stack, GTK_WIDGET (gtk_builder_get_object (builder, id)), name);
#define GET(member, type) \
  if (gtk_builder_get_object (builder, #member) != NULL) \
    self->member = type (gtk_builder_get_object (builder, #member))
      GET (error_status, ADW_STATUS_PAGE);
      GET (error_button, GTK_BUTTON);
      GET (loading_status, ADW_STATUS_PAGE);
      GET (import_progress, GTK_PROGRESS_BAR);
      GET (welcome_home_rows, BRIDGE_HOME_ROWS);
      GET (welcome_start_button, GTK_BUTTON);
#undef GET
    }
  gtk_stack_set_visible_child_name (self->main_stack, name);
  /* A page chosen while the welcome or the import showed (Alt+5 on the
   * welcome) is built now that it can be seen. */
  if (g_str_equal (name, "main"))
    reload_visible_page (self);
}

/* Pages out of sight are brought up to date when they come into view, so
 * the first frame only waits for the catalog. */
static void
reload_visible_page (BridgeWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "plan") == 0)
    bridge_window_ensure_plan_page (self);
  else if (g_strcmp0 (name, "grades") == 0)
    ensure_grades_page (self);
  else if (g_strcmp0 (name, "agreement") == 0)
    ensure_agreement_page (self);
  else if (g_strcmp0 (name, "certificates") == 0 && g_strcmp0 (bridge_window_get_state (self), "main") == 0)
    ensure_certificates_page (self);
  if (self->plan_stale && self->plan_page != NULL && g_strcmp0 (name, "plan") == 0)
    {
      self->plan_stale = FALSE;
      bridge_plan_page_reload (self->plan_page);
    }
  if (self->grades_stale && self->grades_page != NULL && g_strcmp0 (name, "grades") == 0)
    {
      self->grades_stale = FALSE;
      bridge_grades_page_reload (self->grades_page);
    }
}

/* A new catalog is in: every page shows it, the one in sight at once. */
static void
reload_pages (BridgeWindow *self)
{
  update_demo_banner (self);
  bridge_context_reload (self->context);
  bridge_catalog_page_reload (self->catalog_page);
  if (self->certificates_page != NULL)
    bridge_certificates_page_reload (self->certificates_page);
  self->plan_stale = TRUE;
  self->grades_stale = TRUE;
  reload_visible_page (self);
}

static void
show_main (BridgeWindow *self)
{
  reload_pages (self);
  show_state (self, "main");
  bridge_catalog_page_focus_search (self->catalog_page);
  if (self->session_pending)
    restore_session (self);
}

/* The page for no catalog; its button imports the configured feed. */
static void
show_error (BridgeWindow *self,
            const char   *title,
            const char   *description,
            const char   *button)
{
  show_state (self, "error");
  adw_status_page_set_title (self->error_status, title);
  adw_status_page_set_description (self->error_status, description);
  gtk_button_set_label (self->error_button, button);
}

/* A damaged cache was moved aside: it is rebuilt from the feed it had been
 * imported from, or imported again when the person says so, never filled
 * with another catalog unasked. @problem is what was wrong, from the core. */
static void
rebuild_catalog (BridgeWindow *self,
                 const char   *problem,
                 const char   *failure)
{
  const char *source = bridge_catalog_get_lost_source (bridge_context_get_catalog (self->context));
  g_autofree char *configured = bridge_context_dup_catalog_source_or_demo (self->context);
  g_autofree char *text = NULL;

  if (source != NULL && failure == NULL)
    {
      bridge_context_import (self->context, source);
      show_state (self, "loading");
      /* Translators: the first %s says the cache was damaged and where it
       * went, the second is the feed it had been imported from */
      text = g_strdup_printf (_("%s Rebuilding it from %s."), problem, source);
      adw_status_page_set_description (self->loading_status, text);
      return;
    }
  if (failure != NULL)
    /* Translators: %s is the reason the catalog could not be imported, then
     * the feed set in Preferences */
    text = g_strdup_printf (_("%s Import the catalog again: Import Catalog imports %s, the feed "
                              "set in Preferences."),
                            failure, configured);
  else
    /* Translators: the first %s says the cache was damaged and where it went,
     * the second is the feed set in Preferences */
    text = g_strdup_printf (_("%s Which feed it had been imported from cannot be read from it: "
                              "import the catalog again. Import Catalog imports %s, the feed set "
                              "in Preferences."),
                            problem, configured);
  show_error (self, _("The Catalog Must Be Imported Again"), text, _("_Import Catalog"));
}

static void
update_state (BridgeWindow *self)
{
  BridgeImporter *importer = bridge_context_get_importer (self->context);
  BridgeCatalog *catalog = bridge_importer_get_catalog (importer);

  if (catalog == NULL)
    {
      show_error (self, _("No Catalog Yet"), bridge_importer_get_problem (importer),
                  _("_Try Again"));
    }
  else if (bridge_importer_is_importing (importer))
    {
      show_state (self, "loading");
    }
  else if (bridge_catalog_is_empty (catalog) &&
           bridge_importer_get_problem (importer) != NULL)
    {
      rebuild_catalog (self, bridge_importer_get_problem (importer), NULL);
    }
  else if (bridge_catalog_is_empty (catalog))
    {
      show_state (self, "loading");
      gtk_progress_bar_set_fraction (self->import_progress, 0.0);
      bridge_context_import (self->context, NULL);
    }
  else if (!bridge_context_get_first_run_done (self->context))
    {
      show_state (self, "welcome");
      bridge_home_rows_set_context (self->welcome_home_rows, self->context);
    }
  else
    {
      show_main (self);
    }

  /* A cache an older version made (bridge_catalog_open_or_reset ()) can
   * still be searched: it is rebuilt from its feed behind the window, and a
   * toast says when it is done. */
  if (catalog != NULL && !bridge_catalog_is_empty (catalog)
      && bridge_importer_get_problem (importer) != NULL
      && bridge_catalog_get_lost_source (catalog) != NULL
      && !bridge_importer_is_importing (importer))
    bridge_context_import (self->context, bridge_catalog_get_lost_source (catalog));
}

static void
welcome_start_cb (BridgeWindow *self)
{
  bridge_home_rows_apply (self->welcome_home_rows);
  bridge_context_set_first_run_done (self->context, TRUE);

  update_state (self);
}

static void
import_started_cb (BridgeWindow *self)
{
  BridgeCatalog *catalog = bridge_context_get_catalog (self->context);

  /* A first import takes the whole window; a later one only a toast. */
  if (catalog == NULL || bridge_catalog_is_empty (catalog))
    {
      show_state (self, "loading");
      adw_status_page_set_description (self->loading_status,
                                       _("Importing the courses of the alliance’s universities. "
                                         "This happens once; afterwards the catalog opens at once."));
    }
  else
    {
      /* An update, or an import of another feed, runs behind the window
       * while it is used, with its progress and Cancel under the header. */
      gtk_label_set_text (self->update_label,
                          bridge_importer_is_updating (bridge_context_get_importer (self->context))
                            ? _("Looking for a new catalog…")
                            : _("Importing the catalog…"));
      gtk_progress_bar_set_fraction (self->update_progress, 0.0);
      gtk_revealer_set_reveal_child (self->update_revealer, TRUE);
    }
  if (self->import_progress != NULL)
    {
      gtk_progress_bar_set_text (self->import_progress, NULL);
      gtk_progress_bar_set_fraction (self->import_progress, 0.0);
    }
}

static void
import_progress_cb (BridgeWindow *self,
                    double        fraction)
{
  const char *waiting = _("Waiting for another import to finish…");

  /* Negative: another import (another window or process) holds the cache. */
  if (fraction < 0 && g_strcmp0 (bridge_window_get_state (self), "loading") != 0)
    adw_toast_overlay_add_toast (self->toast_overlay, bridge_gui_toast_new (waiting));
  if (fraction < 0)
    gtk_progress_bar_pulse (self->update_progress);
  else
    gtk_progress_bar_set_fraction (self->update_progress, MIN (fraction, 1.0));
  if (self->import_progress == NULL)
    return;
  gtk_progress_bar_set_text (self->import_progress, fraction < 0 ? waiting : NULL);
  if (fraction < 0)
    gtk_progress_bar_pulse (self->import_progress);
  else
    gtk_progress_bar_set_fraction (self->import_progress, MIN (fraction, 1.0));
}

static void
import_finished_cb (BridgeWindow *self,
                    gboolean      success,
                    const char   *message)
{
  BridgeImporter *importer = bridge_context_get_importer (self->context);
  BridgeCatalog *catalog = bridge_importer_get_catalog (importer);

  gtk_revealer_set_reveal_child (self->update_revealer, FALSE);
  if (!success && catalog != NULL && bridge_catalog_is_empty (catalog) &&
      bridge_importer_get_problem (importer) != NULL)
    {
      rebuild_catalog (self, bridge_importer_get_problem (importer), message);
      return;
    }
  if (!success && (catalog == NULL || bridge_catalog_is_empty (catalog)))
    {
      show_error (self, _("No Catalog Yet"), message, _("_Try Again"));
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, bridge_gui_toast_new (message));
  update_state (self);
}

/* An update ended: a new catalog shows at once and a toast offers it;
 * anything else is said quietly, if at all (@message NULL). */
static void
update_finished_cb (BridgeWindow *self,
                    guint         result,
                    const char   *message)
{
  AdwToast *toast;

  gtk_revealer_set_reveal_child (self->update_revealer, FALSE);
  if (result == BRIDGE_UPDATE_RESULT_NEW)
    reload_pages (self);
  if (message == NULL)
    return;
  toast = bridge_gui_toast_new (message);
  if (result == BRIDGE_UPDATE_RESULT_NEW)
    {
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-page");
      adw_toast_set_action_target_value (toast, g_variant_new_string ("catalog"));
      adw_toast_set_timeout (toast, 10);
    }
  else if (result == BRIDGE_UPDATE_RESULT_FAILED)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.update-details");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ------------------------------------------------------------------------ */
/* Plans: open, save, unsaved changes                                        */

static void
update_title (BridgeWindow *self)
{
  /* No Plan page yet: a new, empty plan. */
  GFile *file = self->plan_page != NULL ? bridge_plan_page_get_file (self->plan_page) : NULL;
  gboolean modified = self->plan_page != NULL && bridge_plan_page_get_modified (self->plan_page);
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;

  /* The subtitle names the plan once there is one to name. */
  if (file != NULL)
    name = g_file_get_basename (file);
  else if (modified)
    name = g_strdup (_("Unsaved Plan"));
  if (name != NULL)
    subtitle = g_strdup_printf ("%s%s", modified ? "• " : "", name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-plan", modified || file == NULL);

  /* The window's own title (the window list, Alt+Tab, and the header bar
   * when the view switcher takes its place) names the plan too. */
  if (subtitle != NULL)
    {
      /* Translators: the window title: the plan's file name ("• " first when
       * it has unsaved changes), then the application's name */
      g_autofree char *title = g_strdup_printf (_("%s — Credit Bridge"), subtitle);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Credit Bridge"));
}

static void
update_recent (BridgeWindow *self)
{
  const char * const *recent = bridge_context_get_recent_plans (self->context);

  g_menu_remove_all (self->recent_section);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_section, item);
    }
  if (recent[0] == NULL)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Plans"), "win.none");

      g_menu_append_item (self->recent_section, item);
    }
}

void
bridge_window_open_plan (BridgeWindow *self,
                         GFile        *file)
{
  g_return_if_fail (BRIDGE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  bridge_window_with_saved_plan (self, PENDING_OPEN_FILE, file);
}

/* ------------------------------------------------------------------------ */

static gboolean
bridge_window_close_request (GtkWindow *window)
{
  BridgeWindow *self = BRIDGE_WINDOW (window);
  int width, height;

  if (!self->close_confirmed && self->plan_page != NULL &&
      bridge_plan_page_get_modified (self->plan_page))
    {
      bridge_window_with_saved_plan (self, PENDING_CLOSE, NULL);
      return TRUE;
    }

  /* Saved or given up: nothing for a next start to restore. */
  if (self->plan_page != NULL)
    discard_draft (self);

  gtk_window_get_default_size (window, &width, &height);
  if (gtk_window_is_maximized (window))
    width = height = 0;
  bridge_context_set_window_state (self->context, width, height, gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (bridge_window_parent_class)->close_request (window);
}

/* ------------------------------------------------------------------------ */
/* Drafts and the session                                                    */

static void
discard_draft (BridgeWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  /* Until restore_session () has offered it, a draft is the last session's. */
  if (!self->draft_armed)
    return;
  if (!bridge_plan_draft_discard (self->draft_dir, &error))
    g_warning ("%s", error->message);
}

static gboolean
write_draft_cb (gpointer data)
{
  BridgeWindow *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *origin = NULL;
  GFile *file;

  self->draft_timeout_id = 0;
  if (self->plan_page == NULL || !bridge_plan_page_get_modified (self->plan_page))
    return G_SOURCE_REMOVE;
  file = bridge_plan_page_get_file (self->plan_page);
  origin = file != NULL ? g_file_get_path (file) : NULL;
  if (!bridge_plan_draft_save (bridge_plan_page_get_plan (self->plan_page), self->draft_dir, origin, &error))
    {
      /* Translators: %s says why (it names the file) */
      g_autofree char *message = g_strdup_printf (_("Unsaved changes cannot be kept for after a crash: %s"),
                                                  error->message);

      g_warning ("%s", message);
      adw_toast_overlay_add_toast (self->toast_overlay, bridge_gui_toast_new (message));
    }
  return G_SOURCE_REMOVE;
}

/* Any change to the plan: a draft follows within DRAFT_DELAY_MS. */
static void
draft_plan_changed_cb (BridgeWindow *self)
{
  if (self->draft_armed && self->draft_timeout_id == 0 && self->plan_page != NULL &&
      bridge_plan_page_get_modified (self->plan_page))
    self->draft_timeout_id = g_timeout_add (DRAFT_DELAY_MS, write_draft_cb, self);
}

/* Saved, or the changes given up: the draft has nothing to keep. */
static void
plan_modified_cb (BridgeWindow *self)
{
  if (!bridge_plan_page_get_modified (self->plan_page))
    discard_draft (self);
  else
    draft_plan_changed_cb (self);
}

/* The plan open at quit opens at the next start. */
static void
plan_file_cb (BridgeWindow *self)
{
  GFile *file = bridge_plan_page_get_file (self->plan_page);
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : g_strdup ("");

  bridge_context_set_last_plan (self->context, uri);
}

/* New or opened: the Agreement page shows the same plan, and a draft
 * follows its changes. */
static void
plan_replaced_cb (BridgeWindow *self)
{
  BridgePlan *plan = bridge_plan_page_get_plan (bridge_window_ensure_plan_page (self));

  /* The plan warns about home courses a certificate already covers. */
  bridge_plan_set_holdings (plan, self->holdings);
  if (self->agreement_page != NULL)
    bridge_agreement_page_set_plan (self->agreement_page, plan);
  if (self->draft_plan != NULL)
    g_signal_handlers_disconnect_by_func (self->draft_plan, draft_plan_changed_cb, self);
  g_set_object (&self->draft_plan, plan);
  g_signal_connect_object (plan, "changed", G_CALLBACK (draft_plan_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
update_undo (BridgeWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history != NULL && bridge_plan_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->history != NULL && bridge_plan_history_can_redo (self->history));
}

static void
history_replaced_cb (BridgeWindow *self)
{
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, update_undo, self);
  g_set_object (&self->history, bridge_plan_page_get_history (bridge_window_ensure_plan_page (self)));
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (update_undo), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (update_undo), self, G_CONNECT_SWAPPED);
  update_undo (self);
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BridgeWindow     *self)
{
  BridgePlan *plan = g_object_get_data (G_OBJECT (dialog), "plan");
  const char *origin = g_object_get_data (G_OBJECT (dialog), "origin");

  self->draft_armed = TRUE;
  if (g_strcmp0 (response, "restore") == 0)
    {
      g_autoptr(GFile) file = origin != NULL ? g_file_new_for_path (origin) : NULL;

      bridge_plan_page_set_plan (bridge_window_ensure_plan_page (self), plan, file);
      adw_view_stack_set_visible_child_name (self->view_stack, "plan");
      /* Kept until saved: the draft is written again at the next change. */
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      discard_draft (self);
      if (self->session_reopen)
        {
          const char *uri = bridge_context_get_last_plan (self->context);
          g_autoptr(GFile) file = *uri != '\0' ? g_file_new_for_uri (uri) : NULL;

          if (file != NULL && g_file_query_exists (file, NULL))
            bridge_window_load_file (self, file);
        }
    }
}

/* After a crash, offers the draft; else reopens the plan open at quit. */
static void
restore_session (BridgeWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  self->session_pending = FALSE;
  plan = bridge_plan_draft_load (self->draft_dir, &origin, &error);
  if (plan == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("The unsaved changes of the last session cannot be "
                                                    "restored: %s"), error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, bridge_gui_toast_new (message));
      self->draft_armed = TRUE;
      return;
    }
  if (plan == NULL)
    {
      self->draft_armed = TRUE;
      const char *uri = bridge_context_get_last_plan (self->context);
      g_autoptr(GFile) file = NULL;

      if (!self->session_reopen || *uri == '\0')
        return;
      file = g_file_new_for_uri (uri);
      if (g_file_query_exists (file, NULL))
        bridge_window_load_file (self, file);
      return;
    }

  if (origin != NULL)
    name = g_path_get_basename (origin);
  else
    name = g_strdup (_("Unsaved Plan"));
  /* Translators: %s is the plan's file name */
  body = g_strdup_printf (_("Credit Bridge was not closed properly while “%s” had unsaved changes. "
                            "Restore them to go on where you left off, or discard them."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* Escape loses nothing. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  g_object_set_data_full (G_OBJECT (dialog), "plan", g_steal_pointer (&plan), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "origin", g_steal_pointer (&origin), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bridge_window_restore_session (BridgeWindow *self,
                               gboolean      reopen_last)
{
  g_return_if_fail (BRIDGE_IS_WINDOW (self));

  self->session_pending = TRUE;
  self->session_reopen = reopen_last;
  if (g_strcmp0 (bridge_window_get_state (self), "main") == 0)
    restore_session (self);
}

const char *
bridge_window_get_draft_dir (BridgeWindow *self)
{
  g_return_val_if_fail (BRIDGE_IS_WINDOW (self), NULL);
  return self->draft_dir;
}

/* A certificate added or removed: the plan's warnings change. */
static void
holdings_changed_cb (BridgeWindow *self)
{
  if (self->plan_page == NULL)
    return;
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "plan") == 0)
    bridge_plan_page_reload (self->plan_page);
  else
    self->plan_stale = TRUE;
}

/* "application" is set after construction: set-up waits for it. */
static void
setup (BridgeWindow *self)
{
  BridgeImporter *importer = bridge_context_get_importer (self->context);
  int width, height;
  gboolean maximized;

  bridge_context_get_window_state (self->context, &width, &height, &maximized);
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (360, width), MAX (294, height));
  if (maximized)
    gtk_window_maximize (GTK_WINDOW (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  bridge_catalog_page_set_context (self->catalog_page, self->context);
  /* A record that cannot be read is kept, with its error, for the page's
   * banner: nothing is written over it. */
  self->holdings = bridge_holdings_load (NULL, NULL);
  g_signal_connect_object (self->holdings, "changed", G_CALLBACK (holdings_changed_cb), self, G_CONNECT_SWAPPED);

  /* Tied to the window: GTK releases the application before dispose runs,
   * so dispose could not disconnect them, and an import can outlive the
   * window. */
  g_signal_connect_object (importer, "import-started", G_CALLBACK (import_started_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (importer, "import-progress", G_CALLBACK (import_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (importer, "import-finished", G_CALLBACK (import_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (importer, "update-finished", G_CALLBACK (update_finished_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->context, "notify::recent-plans",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (reload_visible_page), self, G_CONNECT_SWAPPED);

  update_recent (self);
  update_title (self);
  update_state (self);
  /* A catalog from the web is looked at again once a day, behind the
   * window (Preferences can turn it off). */
  bridge_importer_update_at_start (importer, bridge_context_get_check_updates (self->context));
}

static void
bridge_window_dispose (GObject *object)
{
  BridgeWindow *self = BRIDGE_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_handle_id (&self->icon_idle_id, g_source_remove);
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  if (self->draft_plan != NULL)
    g_signal_handlers_disconnect_by_func (self->draft_plan, draft_plan_changed_cb, self);
  g_clear_object (&self->draft_plan);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, update_undo, self);
  g_clear_object (&self->history);
  g_clear_object (&self->holdings);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_WINDOW);
  /* Built outside the template, and gone with it. */
  self->plan_page = NULL;
  self->grades_page = NULL;
  self->agreement_page = NULL;
  self->certificates_page = NULL;
  self->error_status = NULL;
  self->error_button = NULL;
  self->loading_status = NULL;
  self->import_progress = NULL;
  self->welcome_home_rows = NULL;
  self->welcome_start_button = NULL;

  G_OBJECT_CLASS (bridge_window_parent_class)->dispose (object);
}

static void
bridge_window_finalize (GObject *object)
{
  BridgeWindow *self = BRIDGE_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->pending_file);
  g_clear_object (&self->pending_course);
  g_clear_pointer (&self->draft_dir, g_free);

  G_OBJECT_CLASS (bridge_window_parent_class)->finalize (object);
}

static void
bridge_window_class_init (BridgeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bridge_window_dispose;
  object_class->finalize = bridge_window_finalize;
  widget_class->realize = bridge_window_realize;
  window_class->close_request = bridge_window_close_request;

  g_type_ensure (BRIDGE_TYPE_CATALOG_PAGE);
  /* in bridge-window-states.ui */
  g_type_ensure (BRIDGE_TYPE_HOME_ROWS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, demo_banner);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, update_revealer);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, update_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, update_progress);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, catalog_page);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, plan_slot);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, grades_slot);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, agreement_slot);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, certificates_slot);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, recent_section);

  bridge_window_class_add_actions (klass);
}

/* The primary menu's popover is built when first opened (by click or F10),
 * not with the window: GtkMenuButton builds it as soon as it is given a
 * model. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  BridgeWindow *self = user_data;

  /* GTK calls this at every opening: the popover is built at the first. */
  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* The bottom view switcher only shows in a narrow window; until then it has
 * no stack, and no buttons to build. */
static void
switcher_bar_shown (BridgeWindow *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->switcher_bar)) &&
      adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
}

static void
bridge_window_init (BridgeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->draft_dir = bridge_plan_draft_default_dir ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", FALSE);

  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu, self, NULL);
  g_signal_connect_object (self->switcher_bar, "notify::visible",
                           G_CALLBACK (switcher_bar_shown), self, G_CONNECT_SWAPPED);
  switcher_bar_shown (self);
}
