/* test-gui-compare.c: courses side by side, chosen and taken out with keys
 *
 * Three "Circuit Analysis" courses of three universities are chosen from
 * the results with real keys (xdotool, in the X server the test runs in):
 * Ctrl+F, the words, Down to each and Ctrl+D; Ctrl+Shift+D shows them side
 * by side, and the cells must be core's (bridge-comparison.h): the home
 * credits, the workload and the terms. Tab and Return on a course's remove
 * button take it out. Writes compare-LANG-WIDTH-*.png into the build
 * directory, at 1400 px (a table) and 360 px (a group a question).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bridge-catalog-page-private.h"
#include "bridge-compare-view.h"
#include "bridge-comparison.h"
#include "bridge-course-row.h"
#include "bridge-names.h"
#include "gui-test-util.h"

#define HOME "uestc"
/* The demo catalog's three Circuit Analysis courses; the last is at home. */
static const char * const circuits[] = { "cqupt:cece2004", "swust:sece2003", "uestc:uece2004" };

static const char *
lang (void)
{
  const char *l = g_getenv ("LANGUAGE");

  return l != NULL && g_str_has_prefix (l, "zh") ? "zh_CN" : "en";
}

static BridgeCatalogPage *
catalog_page (BridgeWindow *window)
{
  return BRIDGE_CATALOG_PAGE (bridge_window_get_page (window, "catalog"));
}

static BridgeCompareView *
compare_view (BridgeWindow *window)
{
  return BRIDGE_COMPARE_VIEW (bridge_catalog_page_get_child (catalog_page (window), "compare-view"));
}

static void
shoot (BridgeWindow *window,
       int           width,
       const char   *what)
{
  g_autofree char *name = g_strdup_printf ("compare-%s-%d-%s.png", lang (), width, what);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  gui_test_spin (300);
  gui_test_screenshot (GTK_WIDGET (window), path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("wrote %s", path);
}

static guint
n_compared (BridgeWindow *window)
{
  GtkWidget *button = bridge_catalog_page_get_child (catalog_page (window), "compare-button");
  const char *label = gtk_button_get_label (GTK_BUTTON (button));
  g_autofree char *expected = NULL;

  /* The button says how many, and it is the number core is given. */
  for (guint n = 0; n <= BRIDGE_COMPARISON_MAX_COURSES; n++)
    {
      g_free (expected);
      expected = g_strdup_printf (_("_Compare (%u)"), n);
      if (g_strcmp0 (label, expected) == 0)
        return n;
    }
  g_assert_not_reached ();
}

/* The course of the result that has the focus. */
static const char *
focused_course_id (BridgeWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (GtkWidget *child = focus; child != NULL; child = gtk_widget_get_first_child (child))
    if (BRIDGE_IS_COURSE_ROW (child))
      return bridge_course_get_id (g_object_get_data (G_OBJECT (child), "course"));
  return NULL;
}

static guint
position_of (BridgeWindow *window,
             const char   *course_id)
{
  GListModel *results = G_LIST_MODEL (bridge_catalog_page_get_model (catalog_page (window)));

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(BridgeCourse) course = g_list_model_get_item (results, i);

      if (g_strcmp0 (bridge_course_get_id (course), course_id) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static gboolean
search_settled (gpointer data)
{
  BridgeWindow *window = data;

  return gui_test_search_settled (bridge_catalog_page_get_model (catalog_page (window))) &&
         g_list_model_get_n_items (G_LIST_MODEL (bridge_catalog_page_get_model (catalog_page (window)))) > 0;
}

/* Ctrl+F, the course's title, then Down (and Return, which opens the first
 * result) and Down to each of @ids in turn with Ctrl+D on each. */
static void
choose_by_keys (BridgeWindow       *window,
                const char * const *ids,
                guint               n)
{
  gui_test_press (window, "ctrl+f", NULL);
  gui_test_press (window, NULL, "Circuit Analysis");
  g_assert_true (gui_test_wait (search_settled, window, 10000));
  gui_test_spin (200);
  /* Down from the search to the first result, then on down. */
  gui_test_press (window, "Down", NULL);
  for (guint i = 0, row = 0; i < n; i++)
    {
      guint target = position_of (window, ids[i]);

      g_assert_cmpuint (target, >=, row);
      for (; row < target; row++)
        gui_test_press (window, "Down", NULL);
      g_assert_cmpstr (focused_course_id (window), ==, ids[i]);
      gui_test_press (window, "ctrl+d", NULL);
      g_assert_cmpuint (n_compared (window), ==, i + 1);
    }
}

/* The courses' comparison as core makes it, for the cells to be checked against. */
static BridgeComparison *
expected_comparison (BridgeWindow       *window,
                     const char * const *ids,
                     guint               n)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  BridgeCatalog *catalog = bridge_application_get_catalog (BRIDGE_APPLICATION (app));
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  BridgeComparison *comparison;

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (courses, bridge_catalog_get_course (catalog, ids[i], &error));
      g_assert_no_error (error);
    }
  comparison = bridge_comparison_new (catalog, courses, HOME, &error);
  g_assert_no_error (error);
  return comparison;
}

static const char *
cell_text (BridgeWindow *window,
           const char   *key,
           guint         index)
{
  g_autofree char *name = g_strdup_printf ("%s:%u", key, index);
  GtkWidget *cell = bridge_compare_view_get_child (compare_view (window), name);

  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_get_mapped (cell));
  return gtk_label_get_text (GTK_LABEL (cell));
}

/* libadwaita's toast widget is private: it is known by its type's name;
 * its title is a label in it. */
static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_toast_saying (GtkWidget     *widget,
                 gconstpointer  data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") &&
         gui_test_find_match (widget, is_label_saying, data) != NULL;
}

typedef struct
{
  BridgeWindow *window;
  const char   *message;
} ToastWait;

static gboolean
toast_shown (gpointer data)
{
  ToastWait *wait = data;

  return gui_test_find_match (GTK_WIDGET (wait->window), is_toast_saying, wait->message) != NULL;
}

static const char *
layout (BridgeWindow *window)
{
  GtkWidget *table = bridge_compare_view_get_child (compare_view (window), "table");

  return gtk_widget_get_mapped (table) ? "table" : "cards";
}

/* The cells a student reads first: what each course is worth at home, its
 * workload and its terms, as core computed them. */
static void
assert_cells (BridgeWindow       *window,
              const char * const *ids,
              guint               n)
{
  g_autoptr(BridgeComparison) expected = expected_comparison (window, ids, n);
  static const char * const keys[] = { "home-credits", "workload", "terms", "lecture", "lab", "grading-table" };

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      const BridgeComparisonRow *row = bridge_comparison_find_row (expected, keys[k]);

      /* In cards, an answer the same for every course is said once. */
      gboolean once = !row->differs && g_str_equal (layout (window), "cards");

      for (guint i = 0; i < (once ? 1 : n); i++)
        g_assert_cmpstr (cell_text (window, keys[k], i), ==, row->cells[i]);
    }
  for (guint i = 0; i < n; i++)
    {
      const BridgeCreditResult *credit = g_ptr_array_index (expected->credits, i);
      g_autofree char *awarded = g_strdup_printf ("%g", credit->home_credits_awarded);
      g_autofree char *hours = g_strdup_printf ("%g", credit->workload_hours);
      BridgeCourse *course = g_ptr_array_index (expected->courses, i);
      GtkApplication *gapp = gtk_window_get_application (GTK_WINDOW (window));
      g_autoptr(BridgeUniversity) host =
        bridge_catalog_get_university (bridge_application_get_catalog (BRIDGE_APPLICATION (gapp)),
                                       bridge_course_get_university_id (course), NULL);
      /* Each of the three is given in the autumn, named as its university names it. */
      g_autofree char *term = bridge_term_get_label (host, "2026-autumn");

      /* The numbers are the engine's, whatever the words around them. */
      g_assert_true (g_str_has_prefix (bridge_comparison_find_row (expected, "home-credits")->cells[i], awarded));
      g_assert_true (g_str_has_prefix (bridge_comparison_find_row (expected, "workload")->cells[i], hours));
      g_assert_nonnull (strstr (bridge_comparison_find_row (expected, "terms")->cells[i], term));
      g_assert_cmpint (credit->home_course, ==,
                       g_str_equal (bridge_course_get_university_id (course), HOME));
    }
}

typedef struct
{
  BridgeWindow *window;
  const char   *layout;
} LayoutWait;

static gboolean
layout_is (gpointer data)
{
  LayoutWait *wait = data;

  return g_str_equal (layout (wait->window), wait->layout);
}

static GtkWidget *
focus_widget (BridgeWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static void
compare_at (BridgeApplication *app,
            int                width,
            int                height,
            const char        *expected_layout)
{
  BridgeWindow *window = gui_test_window (app, width, height);
  GtkWidget *stack;
  GtkWidget *remove;
  const char * const two[] = { circuits[1], circuits[2] };

  gui_test_first_run (window, HOME);
  choose_by_keys (window, circuits, G_N_ELEMENTS (circuits));
  shoot (window, width, "chosen");

  gui_test_press (window, "ctrl+shift+d", NULL);
  stack = bridge_catalog_page_get_child (catalog_page (window), "content-stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "compare");
  /* The layout is chosen once the view has its width. */
  {
    LayoutWait wait = { window, expected_layout };

    gui_test_wait (layout_is, &wait, 5000);
  }
  g_assert_cmpstr (layout (window), ==, expected_layout);
  g_assert_true (gtk_widget_is_ancestor (focus_widget (window), GTK_WIDGET (compare_view (window))) ||
                 focus_widget (window) == GTK_WIDGET (compare_view (window)));
  assert_cells (window, circuits, G_N_ELEMENTS (circuits));
  shoot (window, width, "three");

  /* Tab from the view reaches the first course's remove button. */
  gui_test_press (window, "Tab", NULL);
  remove = bridge_compare_view_get_child (compare_view (window), "remove:0");
  if (focus_widget (window) != remove)
    g_error ("Tab went to a %s, not to the remove button", G_OBJECT_TYPE_NAME (focus_widget (window)));
  gui_test_press (window, "Return", NULL);
  g_assert_cmpuint (n_compared (window), ==, 2);
  assert_cells (window, two, 2);
  shoot (window, width, "two");

  /* One left: the view says how many more to add. */
  gui_test_press (window, "Tab", NULL);
  gui_test_press (window, "Return", NULL);
  g_assert_cmpuint (n_compared (window), ==, 1);
  {
    g_autoptr(GError) error = NULL;
    GtkWidget *status = bridge_compare_view_get_child (compare_view (window), "status");

    g_assert_false (bridge_comparison_check_count (1, &error));
    g_assert_true (gtk_widget_get_mapped (status));
    g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), error->message));
  }
  shoot (window, width, "one");
  gui_test_close (window);
}

/* One application for the process: it registers once. */
static BridgeApplication *app;

static void
test_compare_wide (void)
{
  compare_at (app, 1400, 900, "table");
}

static void
test_compare_narrow (void)
{
  compare_at (app, 360, 720, "cards");
}

/* A fifth course is refused with core's message; the fourth stays. */
static void
test_compare_five (void)
{
  BridgeWindow *window = gui_test_window (app, 1400, 900);
  const char * const five[] = { circuits[0], circuits[1], circuits[2], "cqupt:cece4011", "swust:sece4009" };
  g_autoptr(GError) error = NULL;

  gui_test_first_run (window, HOME);
  gui_test_press (window, "ctrl+f", NULL);
  gui_test_press (window, NULL, "Circuit");
  g_assert_true (gui_test_wait (search_settled, window, 10000));
  for (guint i = 0; i < G_N_ELEMENTS (five); i++)
    {
      GtkWidget *list = bridge_catalog_page_get_child (catalog_page (window), "list-view");

      g_signal_emit_by_name (list, "activate", position_of (window, five[i]));
      gui_test_spin (100);
      gtk_widget_activate_action (GTK_WIDGET (catalog_page (window)), "compare.toggle", NULL);
      gui_test_spin (100);
    }
  g_assert_cmpuint (n_compared (window), ==, BRIDGE_COMPARISON_MAX_COURSES);
  g_assert_false (bridge_comparison_check_count (BRIDGE_COMPARISON_MAX_COURSES + 1, &error));
  /* The toast of the import before it may still be showing. */
  {
    ToastWait wait = { window, error->message };

    g_assert_true (gui_test_wait (toast_shown, &wait, 15000));
  }
  /* The check on the fifth course's page went back. */
  {
    gboolean compared = TRUE;

    g_object_get (catalog_page (window), "course-compared", &compared, NULL);
    g_assert_false (compared);
  }
  gtk_widget_activate_action (GTK_WIDGET (catalog_page (window)), "compare.show", NULL);
  gui_test_spin (200);
  {
    LayoutWait wait = { window, "table" };

    gui_test_wait (layout_is, &wait, 5000);
  }
  shoot (window, 1400, "four");
  g_assert_cmpstr (layout (window), ==, "table");
  gtk_widget_activate_action (GTK_WIDGET (catalog_page (window)), "compare.clear", NULL);
  gui_test_spin (100);
  g_assert_cmpuint (n_compared (window), ==, 0);
  gui_test_close (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gui_test_init (&argc, &argv);
  app = gui_test_app ();

  g_test_add_func ("/gui/compare/wide", test_compare_wide);
  g_test_add_func ("/gui/compare/narrow", test_compare_narrow);
  g_test_add_func ("/gui/compare/five", test_compare_five);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
