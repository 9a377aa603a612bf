/* bridge-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-agreement-page.h"
#include "bridge-catalog-page.h"
#include "bridge-context.h"
#include "bridge-grades-page.h"
#include "bridge-gui-util.h"
#include "bridge-plan-export-dialog.h"
#include "bridge-plan-draft.h"
#include "bridge-plan-page.h"
#include "bridge-plan-print.h"
#include "bridge-window.h"

/* What to do once unsaved changes are dealt with. */
typedef enum
{
  PENDING_NONE,
  PENDING_CLOSE,
  PENDING_NEW,
  PENDING_OPEN_CHOOSER,
  PENDING_OPEN_FILE,
  PENDING_NEW_WITH_COURSE,
} PendingKind;

/* A draft is written this long after the first unsaved change (issue 14
 * asks for two seconds at most): typing does not write at every key. */
#define DRAFT_DELAY_MS 1000

struct _BridgeWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  BridgeContext        *context;
  gulong                plan_modified_id;

  PendingKind           pending;
  GFile                *pending_file;
  BridgeCourse         *pending_course;   /* PENDING_NEW_WITH_COURSE */

  /* The draft of the plan shown (bridge-plan-draft.h) */
  char                 *draft_dir;
  BridgePlan           *draft_plan;       /* whose "changed" schedules a draft */
  guint                 draft_timeout_id;
  gboolean              draft_armed;      /* drafts written: the last one is dealt with */
  gboolean              session_pending;  /* restore once the catalog is in */
  gboolean              session_reopen;   /* …and reopen the last plan */
  BridgePlanHistory    *history;          /* whose can-undo and can-redo enable the actions */
  gboolean              close_confirmed;
  GtkNativeDialog      *chooser;
  GPtrArray            *welcome_university_ids;

  /* built by show_state() when first shown */
  AdwStatusPage        *error_status;
  GtkButton            *error_button;
  AdwStatusPage        *loading_status;
  GtkProgressBar       *import_progress;
  AdwComboRow          *welcome_university_row;
  AdwComboRow          *welcome_cycle_row;
  AdwComboRow          *welcome_field_row;
  GtkButton            *welcome_start_button;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GMenuModel           *primary_menu;
  GtkWidget            *demo_banner;
  AdwViewStack         *view_stack;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *primary_menu_button;
  BridgeCatalogPage    *catalog_page;
  AdwBin               *plan_slot;
  BridgePlanPage       *plan_page;        /* NULL until ensure_plan_page() */
  AdwBin               *grades_slot;
  AdwBin               *agreement_slot;
  BridgeGradesPage     *grades_page;      /* NULL until first shown */
  BridgeAgreementPage  *agreement_page;   /* likewise */
  guint                 icon_idle_id;
  GMenu                *recent_section;
  gboolean              plan_stale;       /* reload when next shown */
  gboolean              grades_stale;
};

G_DEFINE_FINAL_TYPE (BridgeWindow, bridge_window, ADW_TYPE_APPLICATION_WINDOW)

static void run_pending (BridgeWindow *self);
static void save_plan_as (BridgeWindow *self);

static BridgeApplication *
get_app (BridgeWindow *self)
{
  return BRIDGE_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void setup (BridgeWindow *self);

BridgeWindow *
bridge_window_new (BridgeApplication *application)
{
  BridgeWindow *self;

  g_return_val_if_fail (BRIDGE_IS_APPLICATION (application), NULL);

  self = g_object_new (BRIDGE_TYPE_WINDOW,
                       "application", application,
                       NULL);
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
static BridgePlanPage *
ensure_plan_page (BridgeWindow *self)
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
  bridge_plan_page_open_draft (ensure_plan_page (self), draft);
}

static BridgeAgreementPage *
ensure_agreement_page (BridgeWindow *self)
{
  if (self->agreement_page == NULL)
    {
      self->agreement_page = g_object_new (BRIDGE_TYPE_AGREEMENT_PAGE, NULL);
      adw_bin_set_child (self->agreement_slot, GTK_WIDGET (self->agreement_page));
      bridge_agreement_page_set_context (self->agreement_page, self->context);
      bridge_agreement_page_set_plan (self->agreement_page, bridge_plan_page_get_plan (ensure_plan_page (self)));
      g_signal_connect_object (self->agreement_page, "open-draft",
                               G_CALLBACK (agreement_open_draft_cb), self, G_CONNECT_SWAPPED);
    }
  return self->agreement_page;
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
    return GTK_WIDGET (ensure_plan_page (self));
  if (g_strcmp0 (name, "grades") == 0)
    return GTK_WIDGET (ensure_grades_page (self));
  if (g_strcmp0 (name, "agreement") == 0)
    return GTK_WIDGET (ensure_agreement_page (self));
  return NULL;
}

GtkWidget *
bridge_window_get_child (BridgeWindow *self,
                         const char   *name)
{
  g_return_val_if_fail (BRIDGE_IS_WINDOW (self), NULL);

  if (g_strcmp0 (name, "welcome-university") == 0)
    return GTK_WIDGET (self->welcome_university_row);
  if (g_strcmp0 (name, "welcome-cycle") == 0)
    return GTK_WIDGET (self->welcome_cycle_row);
  if (g_strcmp0 (name, "welcome-field") == 0)
    return GTK_WIDGET (self->welcome_field_row);
  if (g_strcmp0 (name, "welcome-start") == 0)
    return GTK_WIDGET (self->welcome_start_button);
  if (g_strcmp0 (name, "demo-banner") == 0)
    return GTK_WIDGET (self->demo_banner);
  if (g_strcmp0 (name, "import-progress") == 0)
    return GTK_WIDGET (self->import_progress);
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
  BridgeCatalog *catalog = bridge_application_get_catalog (get_app (self));
  g_auto(BridgeCatalogStats) stats = { 0 };
  gboolean demo = FALSE;

  if (catalog != NULL && bridge_catalog_get_stats (catalog, &stats, NULL))
    demo = stats.demo;
  gtk_widget_set_visible (self->demo_banner, demo);
}

static void
fill_welcome (BridgeWindow *self)
{
  BridgeCatalog *catalog = bridge_application_get_catalog (get_app (self));
  g_autoptr(GPtrArray) universities = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) cycles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  g_autofree char *home = g_settings_get_string (self->settings, "home-university");
  g_autofree char *cycle = g_settings_get_string (self->settings, "home-cycle");
  g_autofree char *field = g_settings_get_string (self->settings, "home-field");
  guint selected = 0;

  g_clear_pointer (&self->welcome_university_ids, g_ptr_array_unref);
  self->welcome_university_ids = g_ptr_array_new_with_free_func (g_free);

  universities = bridge_catalog_list_universities (catalog);
  for (guint i = 0; universities != NULL && i < universities->len; i++)
    {
      BridgeUniversity *u = g_ptr_array_index (universities, i);

      if (g_strcmp0 (bridge_university_get_id (u), home) == 0)
        selected = i;
      gtk_string_list_append (names, bridge_text_pick (bridge_university_get_name (u)));
      g_ptr_array_add (self->welcome_university_ids, g_strdup (bridge_university_get_id (u)));
    }
  adw_combo_row_set_model (self->welcome_university_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->welcome_university_row, selected);

  selected = 0;
  for (BridgeCycle c = BRIDGE_CYCLE_BACHELOR; c <= BRIDGE_CYCLE_DOCTORAL; c++)
    {
      gtk_string_list_append (cycles, bridge_cycle_get_label (c));
      if (g_strcmp0 (bridge_cycle_to_string (c), cycle) == 0)
        selected = c;
    }
  adw_combo_row_set_model (self->welcome_cycle_row, G_LIST_MODEL (cycles));
  adw_combo_row_set_selected (self->welcome_cycle_row, selected);

  selected = 0;
  for (guint i = 0; i < bridge_gui_n_isced_fields (); i++)
    {
      const BridgeIscedField *f = bridge_gui_get_isced_field (i);
      g_autofree char *label = g_strdup_printf ("%s %s", f->code, _(f->label));

      gtk_string_list_append (fields, label);
      if (g_strcmp0 (f->code, field) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->welcome_field_row, G_LIST_MODEL (fields));
  adw_combo_row_set_selected (self->welcome_field_row, selected);
}

static void welcome_start_cb (BridgeWindow *self);

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
      GET (welcome_university_row, ADW_COMBO_ROW);
      GET (welcome_cycle_row, ADW_COMBO_ROW);
      GET (welcome_field_row, ADW_COMBO_ROW);
      GET (welcome_start_button, GTK_BUTTON);
#undef GET
      if (self->welcome_university_row != NULL)
        bridge_gui_combo_row_show_in_full (self->welcome_university_row);
      if (self->welcome_field_row != NULL)
        bridge_gui_combo_row_show_in_full (self->welcome_field_row);
    }
  gtk_stack_set_visible_child_name (self->main_stack, name);
}

/* Pages out of sight are brought up to date when they come into view, so
 * the first frame only waits for the catalog. */
static void
reload_visible_page (BridgeWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "plan") == 0)
    ensure_plan_page (self);
  else if (g_strcmp0 (name, "grades") == 0)
    ensure_grades_page (self);
  else if (g_strcmp0 (name, "agreement") == 0)
    ensure_agreement_page (self);
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

static void
show_main (BridgeWindow *self)
{
  update_demo_banner (self);
  bridge_context_reload (self->context);
  bridge_catalog_page_reload (self->catalog_page);
  self->plan_stale = TRUE;
  self->grades_stale = TRUE;
  reload_visible_page (self);
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
  BridgeApplication *app = get_app (self);
  const char *source = bridge_catalog_get_lost_source (bridge_application_get_catalog (app));
  g_autofree char *configured = bridge_application_dup_catalog_source (app);
  g_autofree char *text = NULL;

  if (source != NULL && failure == NULL)
    {
      bridge_application_import (app, source);
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
  BridgeApplication *app = get_app (self);
  BridgeCatalog *catalog = bridge_application_get_catalog (app);

  if (catalog == NULL)
    {
      show_error (self, _("No Catalog Yet"), bridge_application_get_catalog_problem (app),
                  _("_Try Again"));
    }
  else if (bridge_application_is_importing (app))
    {
      show_state (self, "loading");
    }
  else if (bridge_catalog_is_empty (catalog) &&
           bridge_application_get_catalog_problem (app) != NULL)
    {
      rebuild_catalog (self, bridge_application_get_catalog_problem (app), NULL);
    }
  else if (bridge_catalog_is_empty (catalog))
    {
      show_state (self, "loading");
      gtk_progress_bar_set_fraction (self->import_progress, 0.0);
      bridge_application_import (app, NULL);
    }
  else if (!g_settings_get_boolean (self->settings, "first-run-done"))
    {
      show_state (self, "welcome");
      fill_welcome (self);
    }
  else
    {
      show_main (self);
    }
}

static void
welcome_start_cb (BridgeWindow *self)
{
  guint u = adw_combo_row_get_selected (self->welcome_university_row);
  guint c = adw_combo_row_get_selected (self->welcome_cycle_row);
  guint f = adw_combo_row_get_selected (self->welcome_field_row);

  if (self->welcome_university_ids != NULL && u < self->welcome_university_ids->len)
    g_settings_set_string (self->settings, "home-university",
                           g_ptr_array_index (self->welcome_university_ids, u));
  if (c <= BRIDGE_CYCLE_DOCTORAL)
    g_settings_set_string (self->settings, "home-cycle", bridge_cycle_to_string (c));
  if (f < bridge_gui_n_isced_fields ())
    g_settings_set_string (self->settings, "home-field", bridge_gui_get_isced_field (f)->code);
  g_settings_set_boolean (self->settings, "first-run-done", TRUE);

  update_state (self);
}

static void
import_started_cb (BridgeWindow *self)
{
  BridgeCatalog *catalog = bridge_application_get_catalog (get_app (self));

  /* A first import takes the whole window; a later one only a toast. */
  if (catalog == NULL || bridge_catalog_is_empty (catalog))
    {
      show_state (self, "loading");
      adw_status_page_set_description (self->loading_status,
                                       _("Importing the courses of the alliance’s universities. "
                                         "This happens once; afterwards the catalog opens at once."));
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
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (waiting));
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
  BridgeApplication *app = get_app (self);
  BridgeCatalog *catalog = bridge_application_get_catalog (app);

  if (!success && catalog != NULL && bridge_catalog_is_empty (catalog) &&
      bridge_application_get_catalog_problem (app) != NULL)
    {
      rebuild_catalog (self, bridge_application_get_catalog_problem (app), message);
      return;
    }
  if (!success && (catalog == NULL || bridge_catalog_is_empty (catalog)))
    {
      show_error (self, _("No Catalog Yet"), message, _("_Try Again"));
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  update_state (self);
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
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-plans");

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

static gboolean
save_to (BridgeWindow *self,
         GFile        *file)
{
  g_autoptr(GError) error = NULL;

  if (!bridge_plan_page_save (ensure_plan_page (self), file, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason */
      message = g_strdup_printf (_("The plan could not be saved: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return FALSE;
    }

  bridge_application_add_recent_plan (get_app (self), file);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Plan saved")));
  return TRUE;
}

static void
load_file (BridgeWindow *self,
           GFile        *file)
{
  g_autoptr(GError) error = NULL;

  if (!bridge_plan_page_load (ensure_plan_page (self), file, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason */
      message = g_strdup_printf (_("The plan could not be opened: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  bridge_application_add_recent_plan (get_app (self), file);
  adw_view_stack_set_visible_child_name (self->view_stack, "plan");
}

static GtkFileFilter *
plan_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Study Plans"));
  gtk_file_filter_add_mime_type (filter, "application/x-credit-bridge-plan");
  gtk_file_filter_add_suffix (filter, "creditplan");
  return filter;
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  BridgeWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      load_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
open_chooser (BridgeWindow *self)
{
  g_autoptr(GtkFileFilter) filter = plan_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  BridgeWindow    *self)
{
  gboolean saved = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      /* Plans are *.creditplan: add the extension when it was left out. */
      if (path != NULL && !g_str_has_suffix (path, ".creditplan"))
        {
          g_autofree char *with = g_strconcat (path, ".creditplan", NULL);

          g_clear_object (&file);
          file = g_file_new_for_path (with);
        }
      saved = save_to (self, file);
    }
  g_clear_object (&self->chooser);

  if (saved)
    run_pending (self);
  else
    self->pending = PENDING_NONE;
}

static void
save_plan_as (BridgeWindow *self)
{
  g_autoptr(GtkFileFilter) filter = plan_filter ();
  GtkFileChooserNative *chooser;
  GFile *file = bridge_plan_page_get_file (ensure_plan_page (self));

  chooser = gtk_file_chooser_native_new (_("Save Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    /* Translators: the suggested file name of a new plan; keep the extension */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("plan.creditplan"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void add_course (BridgeWindow *self,
                        BridgeCourse *course);

static void
run_pending (BridgeWindow *self)
{
  PendingKind pending = self->pending;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  self->pending = PENDING_NONE;
  switch (pending)
    {
    case PENDING_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case PENDING_NEW:
      bridge_plan_page_new_plan (ensure_plan_page (self));
      adw_view_stack_set_visible_child_name (self->view_stack, "plan");
      break;
    case PENDING_OPEN_CHOOSER:
      open_chooser (self);
      break;
    case PENDING_OPEN_FILE:
      load_file (self, file);
      break;
    case PENDING_NEW_WITH_COURSE:
      {
        g_autoptr(BridgeCourse) course = g_steal_pointer (&self->pending_course);

        bridge_plan_page_new_plan (ensure_plan_page (self));
        if (course != NULL)
          add_course (self, course);
      }
      break;
    case PENDING_NONE:
    default:
      break;
    }
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BridgeWindow     *self)
{
  /* The dialog goes after its response, and may go after this window
   * (Discard, then quit): it must not hold on to it (issue 14). */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);

  if (g_strcmp0 (response, "discard") == 0)
    {
      run_pending (self);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      GFile *file = bridge_plan_page_get_file (ensure_plan_page (self));

      if (file == NULL)
        save_plan_as (self);        /* continues in save_response_cb */
      else if (save_to (self, file))
        run_pending (self);
      else
        self->pending = PENDING_NONE;
    }
  else
    {
      self->pending = PENDING_NONE;
      g_clear_object (&self->pending_file);
      g_clear_object (&self->pending_course);
    }
}

/* Runs @kind now, or after asking what to do with unsaved changes. */
static void
with_saved_plan (BridgeWindow *self,
                 PendingKind   kind,
                 GFile        *file)
{
  GtkWidget *dialog;

  self->pending = kind;
  g_set_object (&self->pending_file, file);

  if (self->plan_page == NULL || !bridge_plan_page_get_modified (self->plan_page))
    {
      run_pending (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Save Changes?"),
                                   _("The plan has changes that are not saved. "
                                     "Changes which are not saved will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bridge_window_open_plan (BridgeWindow *self,
                         GFile        *file)
{
  g_return_if_fail (BRIDGE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  with_saved_plan (self, PENDING_OPEN_FILE, file);
}

/* Adds @course to the plan shown, and says so. */
static void
add_course (BridgeWindow *self,
            BridgeCourse *course)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  g_autofree char *title = NULL;

  if (!bridge_plan_page_add_course (ensure_plan_page (self), course, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  /* Translators: %s is a course title */
  title = g_strdup_printf (_("“%s” added to the plan"),
                           bridge_text_pick (bridge_course_get_title (course)));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Show Plan"));
  adw_toast_set_action_name (toast, "win.show-page");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("plan"));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
other_host_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        BridgeWindow     *self)
{
  BridgeCourse *course = g_object_get_data (G_OBJECT (dialog), "course");

  if (g_strcmp0 (response, "new") != 0 || course == NULL)
    return;
  /* The plan of the first host is saved (or its changes discarded) first. */
  g_set_object (&self->pending_course, course);
  with_saved_plan (self, PENDING_NEW_WITH_COURSE, NULL);
}

/* A learning agreement is for one host university: a course of another
 * one starts a plan of its own, when the person says so. */
static void
explain_other_host (BridgeWindow *self,
                    BridgeCourse *course)
{
  BridgePlan *plan = bridge_plan_page_get_plan (ensure_plan_page (self));
  const char *host = bridge_context_university_name (self->context, bridge_plan_get_host_university (plan));
  const char *other = bridge_context_university_name (self->context, bridge_course_get_university_id (course));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %1$s is the plan's host university, %2$s a course title,
   * %3$s the course's university */
  body = g_strdup_printf (_("This plan is for a stay at %1$s. A learning agreement covers one host "
                            "university, so “%2$s” of %3$s cannot be added to it.\n\n"
                            "To plan a stay at %3$s as well, start a new plan for it: this plan "
                            "is kept, and you are asked to save it first if it has unsaved changes."),
                          host, bridge_text_pick (bridge_course_get_title (course)), other);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Another Host University"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "new", _("_Start a New Plan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "new",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "new");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "course", g_object_ref (course), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (other_host_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_to_plan_cb (BridgeWindow *self,
                BridgeCourse *course)
{
  BridgePlan *plan = bridge_plan_page_get_plan (ensure_plan_page (self));
  const char *host = bridge_plan_get_host_university (plan);
  BridgePlanGroup *group;

  /* Already in the plan: shown where it is, not added twice. */
  group = bridge_plan_find_course (plan, BRIDGE_PLAN_SIDE_HOST, bridge_course_get_id (course));
  if (group != NULL)
    {
      g_autofree char *label = bridge_plan_get_group_label (plan, group);
      g_autofree char *title = NULL;

      /* Translators: %1$s is a course title, %2$s a group, "Group 2" */
      title = g_strdup_printf (_("“%1$s” is already in the plan, in %2$s"),
                               bridge_text_pick (bridge_course_get_title (course)), label);
      adw_view_stack_set_visible_child_name (self->view_stack, "plan");
      bridge_plan_page_show_group (self->plan_page, bridge_plan_get_group_number (plan, group) - 1);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
      return;
    }
  if (host != NULL && bridge_plan_get_n_groups (plan) > 0 &&
      g_strcmp0 (host, bridge_course_get_university_id (course)) != 0)
    {
      explain_other_host (self, course);
      return;
    }
  add_course (self, course);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "catalog");
  bridge_catalog_page_focus_search (self->catalog_page);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (param, NULL));
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  with_saved_plan (BRIDGE_WINDOW (widget), PENDING_NEW, NULL);
}

static void
open_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  with_saved_plan (BRIDGE_WINDOW (widget), PENDING_OPEN_CHOOSER, NULL);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  with_saved_plan (BRIDGE_WINDOW (widget), PENDING_OPEN_FILE, file);
}

static void
save_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);
  GFile *file = bridge_plan_page_get_file (ensure_plan_page (self));

  self->pending = PENDING_NONE;
  if (file == NULL)
    save_plan_as (self);
  else
    save_to (self, file);
}

static void
save_plan_as_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);

  self->pending = PENDING_NONE;
  save_plan_as (self);
}

static void
export_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    return;
  bridge_plan_export_dialog_show (GTK_WINDOW (self), self->context,
                                  bridge_plan_page_get_plan (ensure_plan_page (self)),
                                  bridge_plan_page_get_file (ensure_plan_page (self)));
}

static void
print_plan_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    return;
  bridge_plan_print (GTK_WINDOW (self), self->context, bridge_plan_page_get_plan (ensure_plan_page (self)));
}

/* The shortcuts window is built when first asked for: GTK would build it
 * with the window from gtk/help-overlay.ui, before the first frame. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE "/bridge-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  bridge_plan_page_undo (ensure_plan_page (BRIDGE_WINDOW (widget)));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  bridge_plan_page_redo (ensure_plan_page (BRIDGE_WINDOW (widget)));
}

static void
import_catalog_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  bridge_application_import (get_app (BRIDGE_WINDOW (widget)), NULL);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  bridge_application_cancel_import (get_app (BRIDGE_WINDOW (widget)));
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
      with_saved_plan (self, PENDING_CLOSE, NULL);
      return TRUE;
    }

  /* Saved or given up: nothing for a next start to restore. */
  if (self->plan_page != NULL)
    discard_draft (self);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

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
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
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

  g_settings_set_string (self->settings, "last-plan", uri);
}

/* New or opened: the Agreement page shows the same plan, and a draft
 * follows its changes. */
static void
plan_replaced_cb (BridgeWindow *self)
{
  BridgePlan *plan = bridge_plan_page_get_plan (ensure_plan_page (self));

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
  g_set_object (&self->history, bridge_plan_page_get_history (ensure_plan_page (self)));
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

      bridge_plan_page_set_plan (ensure_plan_page (self), plan, file);
      adw_view_stack_set_visible_child_name (self->view_stack, "plan");
      /* Kept until saved: the draft is written again at the next change. */
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      discard_draft (self);
      if (self->session_reopen)
        {
          g_autofree char *uri = g_settings_get_string (self->settings, "last-plan");
          g_autoptr(GFile) file = *uri != '\0' ? g_file_new_for_uri (uri) : NULL;

          if (file != NULL && g_file_query_exists (file, NULL))
            load_file (self, file);
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

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      self->draft_armed = TRUE;
      return;
    }
  if (plan == NULL)
    {
      self->draft_armed = TRUE;
      g_autofree char *uri = g_settings_get_string (self->settings, "last-plan");
      g_autoptr(GFile) file = NULL;

      if (!self->session_reopen || *uri == '\0')
        return;
      file = g_file_new_for_uri (uri);
      if (g_file_query_exists (file, NULL))
        load_file (self, file);
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

/* "application" is set after construction: set-up waits for it. */
static void
setup (BridgeWindow *self)
{
  BridgeApplication *app = get_app (self);
  BridgeCatalog *catalog = bridge_application_get_catalog (app);

  self->settings = g_object_ref (bridge_application_get_settings (app));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (360, g_settings_get_int (self->settings, "window-width")),
                               MAX (294, g_settings_get_int (self->settings, "window-height")));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->context = bridge_context_new (catalog, self->settings);
  bridge_catalog_page_set_context (self->catalog_page, self->context);

  /* Tied to the window: GTK releases the application before dispose runs,
   * so dispose could not disconnect them, and an import can outlive the
   * window. */
  g_signal_connect_object (app, "import-started", G_CALLBACK (import_started_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "import-progress", G_CALLBACK (import_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "import-finished", G_CALLBACK (import_finished_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::recent-plans",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (reload_visible_page), self, G_CONNECT_SWAPPED);

  update_recent (self);
  update_title (self);
  update_state (self);
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

  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_WINDOW);
  /* Built outside the template, and gone with it. */
  self->plan_page = NULL;
  self->grades_page = NULL;
  self->agreement_page = NULL;
  self->error_status = NULL;
  self->error_button = NULL;
  self->loading_status = NULL;
  self->import_progress = NULL;
  self->welcome_university_row = NULL;
  self->welcome_cycle_row = NULL;
  self->welcome_field_row = NULL;
  self->welcome_start_button = NULL;

  G_OBJECT_CLASS (bridge_window_parent_class)->dispose (object);
}

static void
bridge_window_finalize (GObject *object)
{
  BridgeWindow *self = BRIDGE_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_clear_object (&self->pending_file);
  g_clear_object (&self->pending_course);
  g_clear_pointer (&self->draft_dir, g_free);
  g_clear_pointer (&self->welcome_university_ids, g_ptr_array_unref);

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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, demo_banner);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, catalog_page);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, plan_slot);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, grades_slot);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, agreement_slot);
  gtk_widget_class_bind_template_child (widget_class, BridgeWindow, recent_section);
  gtk_widget_class_bind_template_callback (widget_class, add_to_plan_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.open-plan", NULL, open_plan_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-plan", NULL, save_plan_action);
  gtk_widget_class_install_action (widget_class, "win.save-plan-as", NULL, save_plan_as_action);
  gtk_widget_class_install_action (widget_class, "win.import-catalog", NULL, import_catalog_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "win.print-plan", NULL, print_plan_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
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
