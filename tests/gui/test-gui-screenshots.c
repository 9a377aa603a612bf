/* test-gui-screenshots.c: pictures of the real window, for people to look at
 *
 * Writes screenshot-LANG-WIDTH-STYLE-PAGE.png into the build directory
 * (tests/gui/): the welcome page, the catalog with a course open, a plan of
 * two recognition groups and the grade converter, at 1400 and 360 px, in the
 * light and dark styles. Toasts are closed before each picture.
 * The language is the process's (the meson tests run it in English and in
 * Simplified Chinese).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bridge-catalog-page-private.h"
#include "bridge-course-page-private.h"
#include "bridge-grades-page-private.h"
#include "bridge-plan-page.h"
#include "gui-test-util.h"

static const char *
lang (void)
{
  const char *l = g_getenv ("LANGUAGE");

  return l != NULL && g_str_has_prefix (l, "zh") ? "zh_CN" : "en";
}

static char *
shot_path (int         width,
           gboolean    dark,
           const char *page)
{
  g_autofree char *name = g_strdup_printf ("screenshot-%s-%d-%s-%s.png", lang (), width,
                                           dark ? "dark" : "light", page);

  return g_test_build_filename (G_TEST_BUILT, name, NULL);
}

/* libadwaita's toast widget is private: it is known by its type's name. */
static gboolean
is_toast (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
}

/* The toast's close button (×). */
static gboolean
is_close_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0;
}

static gboolean
is_gone (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

/* Closes the toasts on screen, and those queued behind them, with their ×
 * as a person would, so that none covers the page in the picture. */
static void
dismiss_toasts (BridgeWindow *window)
{
  GtkWidget *toast;

  for (guint i = 0; (toast = gui_test_find_match (GTK_WIDGET (window), is_toast, NULL)) != NULL; i++)
    {
      GtkWidget *close = gui_test_find_match (toast, is_close_button, NULL);

      g_assert_cmpuint (i, <, 20);
      g_assert_nonnull (close);
      g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &toast);
      gtk_widget_activate (close);
      g_assert_true (gui_test_wait (is_gone, &toast, 5000));
    }
}

static void
shoot (BridgeWindow *window,
       int           width,
       gboolean      dark,
       const char   *page)
{
  g_autofree char *path = shot_path (width, dark, page);

  dismiss_toasts (window);
  gui_test_spin (400);
  gui_test_screenshot (GTK_WIDGET (window), path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("wrote %s", path);
}

/* Scrolls the first scrolled window under @widget to the end (or @fraction). */
static GtkWidget *
find_mapped_scroller (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_SCROLLED_WINDOW (child))
        return child;
      if ((found = find_mapped_scroller (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
scroll_to (GtkWidget *widget,
           double     fraction)
{
  GtkWidget *scroller = find_mapped_scroller (widget);
  GtkAdjustment *adj;

  g_assert_nonnull (scroller);
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adj, gtk_adjustment_get_lower (adj) +
                            fraction * (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj)));
}

static void
open_first_result (BridgeWindow *window)
{
  BridgeCatalogPage *page = BRIDGE_CATALOG_PAGE (bridge_window_get_page (window, "catalog"));
  GtkWidget *list = bridge_catalog_page_get_child (page, "list-view");

  g_signal_emit_by_name (list, "activate", 0);
  gui_test_spin (200);
}

/* A preferences row titled @data. */
static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* Searches @query, opens @course_id among the results and adds it to the
 * plan with the course page's button, as a student does. */
static void
add_host_course (BridgeWindow *window,
                 const char   *query,
                 const char   *course_id)
{
  BridgeCatalogPage *page = BRIDGE_CATALOG_PAGE (bridge_window_get_page (window, "catalog"));
  BridgeCoursePage *course_page = BRIDGE_COURSE_PAGE (bridge_catalog_page_get_child (page, "course-page"));
  GListModel *results = G_LIST_MODEL (bridge_catalog_page_get_model (page));
  guint n = gui_test_search (window, query);
  guint position = G_MAXUINT;

  for (guint i = 0; i < n && position == G_MAXUINT; i++)
    {
      g_autoptr(BridgeCourse) course = g_list_model_get_item (results, i);

      if (g_strcmp0 (bridge_course_get_id (course), course_id) == 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  g_signal_emit_by_name (bridge_catalog_page_get_child (page, "list-view"), "activate", position);
  gui_test_spin (200);
  g_assert_cmpstr (bridge_course_get_id (bridge_course_page_get_course (course_page)), ==, course_id);
  g_signal_emit_by_name (bridge_course_page_get_child (course_page, "add-button"), "clicked");
}

/* A plan as a student makes it: their name, the term, two recognition
 * groups of courses of cqu that replace like courses of scu. */
static void
fill_plan (BridgeWindow *window)
{
  BridgePlanPage *plan_page = BRIDGE_PLAN_PAGE (bridge_window_get_page (window, "plan"));
  BridgePlan *plan = bridge_plan_page_get_plan (plan_page);
  GtkWidget *row;
  g_autoptr(GError) error = NULL;

  if (bridge_plan_get_n_groups (plan) > 0)
    return;

  add_host_course (window, "数学建模", "cqu:math4004");
  g_assert_true (bridge_plan_page_add_home_course (plan_page, 0, "scu:math4003", &error));
  g_assert_no_error (error);
  add_host_course (window, "高等数学", "cqu:math1005");
  g_assert_true (bridge_plan_page_add_home_course (plan_page, 1, "scu:math1004", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan), ==, 2);

  bridge_window_show_page (window, "plan");
  gui_test_spin (100);
  row = gui_test_find_match (bridge_window_get_page (window, "plan"), is_row_titled, _("Student name"));
  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), g_str_equal (lang (), "zh_CN") ? "李华" : "Li Hua");
  /* The term through the plan, not the Term row: choosing in the row
   * rebuilds the row's model inside its own selection change (reported). */
  bridge_plan_set_term (plan, "2026-autumn");
  gui_test_spin (100);
  row = gui_test_find_match (bridge_window_get_page (window, "plan"), is_row_titled, _("Term"));
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), >, 0);
  /* nothing focused: no cursor in the picture */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
}

static void
shoot_all (BridgeApplication *app,
           int                width,
           int                height,
           gboolean           dark)
{
  BridgeWindow *window;
  BridgeCatalogPage *page;
  GtkWidget *filter_button;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* The welcome at every width and style, not only the first time. */
  g_settings_set_boolean (bridge_application_get_settings (app), "first-run-done", FALSE);
  window = gui_test_window (app, width, height);
  page = BRIDGE_CATALOG_PAGE (bridge_window_get_page (window, "catalog"));

  if (g_strcmp0 (bridge_window_get_state (window), "loading") == 0)
    {
      shoot (window, width, dark, "import");
      g_assert_true (gui_test_wait_state (window, "welcome", 60000));
    }
  if (g_strcmp0 (bridge_window_get_state (window), "welcome") == 0)
    {
      shoot (window, width, dark, "welcome");
      gui_test_first_run (window, "scu");
    }
  g_assert_cmpstr (bridge_window_get_state (window), ==, "main");

  /* The filters, open, over a search for a one-character Chinese query. */
  gui_test_search (window, "数");
  filter_button = bridge_catalog_page_get_child (page, "filter-button");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (filter_button), TRUE);
  shoot (window, width, dark, "filters");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (filter_button), FALSE);

  g_assert_cmpuint (gui_test_search (window, "数学"), >, 0);
  shoot (window, width, dark, "search");
  open_first_result (window);
  shoot (window, width, dark, "course");
  {
    GtkWidget *course = bridge_catalog_page_get_child (page, "course-page");

    gui_test_spin (200);
    scroll_to (course, 1.0);
    shoot (window, width, dark, "course-grades");
    scroll_to (course, 0.0);
  }

  fill_plan (window);
  bridge_window_show_page (window, "plan");
  scroll_to (bridge_window_get_page (window, "plan"), 0.0);
  shoot (window, width, dark, "plan");
  gui_test_spin (200);
  scroll_to (bridge_window_get_page (window, "plan"), 1.0);
  shoot (window, width, dark, "plan-groups");

  bridge_window_show_page (window, "grades");
  bridge_grades_page_choose (BRIDGE_GRADES_PAGE (bridge_window_get_page (window, "grades")),
                             "cqu", "scu", "06", BRIDGE_CYCLE_BACHELOR);
  shoot (window, width, dark, "grades");

  gui_test_close (window);
}

static void
test_screenshots (void)
{
  g_autoptr(BridgeApplication) app = gui_test_app ();

  shoot_all (app, 1400, 900, FALSE);
  shoot_all (app, 360, 720, FALSE);
  shoot_all (app, 1400, 900, TRUE);
  shoot_all (app, 360, 720, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/screenshots", test_screenshots);

  return g_test_run ();
}
