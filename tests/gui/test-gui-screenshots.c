/* test-gui-screenshots.c: pictures of the real window, for people to look at
 *
 * Writes screenshot-LANG-WIDTH-STYLE-PAGE.png into the build directory
 * (tests/gui/): the welcome page, the catalog with a course open, the plan
 * and the grade converter, at 1400 and 360 px, in the light and dark styles.
 * The language is the process's (the meson tests run it in English and in
 * Simplified Chinese).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bridge-catalog-page.h"
#include "bridge-course-page.h"
#include "bridge-grades-page.h"
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

static void
shoot (BridgeWindow *window,
       int           width,
       gboolean      dark,
       const char   *page)
{
  g_autofree char *path = shot_path (width, dark, page);

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

static void
fill_plan (BridgeWindow *window)
{
  BridgeCatalogPage *catalog_page = BRIDGE_CATALOG_PAGE (bridge_window_get_page (window, "catalog"));
  BridgePlanPage *plan_page = BRIDGE_PLAN_PAGE (bridge_window_get_page (window, "plan"));
  BridgeCoursePage *course_page = BRIDGE_COURSE_PAGE (bridge_catalog_page_get_child (catalog_page, "course-page"));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  BridgeCatalog *catalog = bridge_application_get_catalog (BRIDGE_APPLICATION (app));
  BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;
  g_autoptr(GPtrArray) home = NULL;
  g_autoptr(GError) error = NULL;
  guint total;

  if (bridge_plan_get_n_groups (bridge_plan_page_get_plan (plan_page)) > 0)
    return;

  filter.university = "cqu";
  gui_test_search (window, "数学");
  open_first_result (window);
  g_signal_emit_by_name (bridge_course_page_get_child (course_page, "add-button"), "clicked");
  filter.university = "scu";
  home = bridge_catalog_search (catalog, "数学", &filter, 1, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (home->len, ==, 1);
  bridge_plan_page_add_home_course (plan_page, 0,
                                    bridge_course_get_id (g_ptr_array_index (home, 0)),
                                    &error);
  g_assert_no_error (error);
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
