/* test-gui-a11y.c: every control reachable by keyboard has a name
 *
 * Walks the widget tree of each page of the window (the welcome page, the
 * catalog with its filters and a course open, the plan with a recognition
 * group, the grade converter) and of the preferences, and checks that every
 * focusable widget has an accessible name: an explicit label, a labelled-by
 * relation, or text of its own that GTK names it by.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bridge-catalog-page-private.h"
#include "bridge-course-page-private.h"
#include "bridge-grades-page-private.h"
#include "bridge-plan-page.h"
#include "bridge-preferences-window.h"
#include "gui-test-util.h"

static gboolean
has_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  return gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Text GTK names a widget by: its own (labels), or a label inside it
 * (buttons, rows, list items). */
static const char *
own_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      gtk_button_get_icon_name (GTK_BUTTON (widget)) == NULL)
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  return NULL;
}

static gboolean named (GtkWidget *widget);

/* Containers that pass focus on (scrolled windows, lists) are fine when
 * what they pass it to is named; list items are named by what they show. */
static gboolean
has_named_descendant (GtkWidget *widget,
                      gboolean   focusable_only)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = own_text (child);

      if (!gtk_widget_get_visible (child))
        continue;
      if (focusable_only && gtk_widget_get_focusable (child) && named (child))
        return TRUE;
      if (!focusable_only && (has_name (child) || (text != NULL && *text != '\0')))
        return TRUE;
      if (has_named_descendant (child, focusable_only))
        return TRUE;
    }
  return FALSE;
}

static gboolean
named (GtkWidget *widget)
{
  const char *text = own_text (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);

  if (has_name (widget) || (text != NULL && *text != '\0'))
    return TRUE;
  /* The text of an entry is named by the entry around it (search entries,
   * spin buttons, entry rows), and a list item by the row it holds. */
  for (guint depth = 0; parent != NULL && depth < 4; depth++, parent = gtk_widget_get_parent (parent))
    {
      const char *parent_text = own_text (parent);

      if (GTK_IS_TEXT (widget) &&
          (has_name (parent) || (ADW_IS_PREFERENCES_ROW (parent) && parent_text != NULL && *parent_text)))
        return TRUE;
    }
  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget"))
    return has_named_descendant (widget, FALSE);
  if (GTK_IS_SCROLLED_WINDOW (widget) || GTK_IS_LIST_BOX (widget) || GTK_IS_VIEWPORT (widget))
    return has_named_descendant (widget, TRUE);
  return FALSE;
}

static void
walk (GtkWidget  *widget,
      const char *where,
      GString    *problems,
      guint      *n_checked)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  if (gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget) &&
      gtk_widget_is_sensitive (widget))
    {
      (*n_checked)++;
      if (!named (widget))
        {
          GtkWidget *parent = gtk_widget_get_parent (widget);

          g_string_append_printf (problems, "%s: %s (in %s%s%s) has no accessible name\n",
                                  where, G_OBJECT_TYPE_NAME (widget),
                                  parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "nothing",
                                  gtk_widget_get_tooltip_text (widget) != NULL ? ", tooltip " : "",
                                  gtk_widget_get_tooltip_text (widget) != NULL ? gtk_widget_get_tooltip_text (widget) : "");
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, where, problems, n_checked);
}

static void
check (GtkWidget  *root,
       const char *where,
       GString    *problems)
{
  guint n_checked = 0;

  gui_test_spin (200);
  walk (root, where, problems, &n_checked);
  g_test_message ("%s: %u focusable widgets checked", where, n_checked);
  g_assert_cmpuint (n_checked, >, 0);
}

static void
test_accessible_names (void)
{
  g_autoptr(BridgeApplication) app = gui_test_app ();
  g_autoptr(GString) problems = g_string_new (NULL);
  BridgeWindow *window = gui_test_window (app, 1400, 900);
  BridgeCatalogPage *catalog;
  BridgePlanPage *plan;
  BridgeCoursePage *course;
  BridgePreferencesWindow *prefs;
  g_autoptr(GError) error = NULL;

  g_assert_true (gui_test_wait_state (window, "welcome", 60000));
  check (GTK_WIDGET (window), "welcome", problems);
  gui_test_first_run (window, "scu");

  catalog = BRIDGE_CATALOG_PAGE (bridge_window_get_page (window, "catalog"));
  course = BRIDGE_COURSE_PAGE (bridge_catalog_page_get_child (catalog, "course-page"));
  g_assert_cmpuint (gui_test_search (window, "数学"), >, 0);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (bridge_catalog_page_get_child (catalog, "filter-button")), TRUE);
  g_signal_emit_by_name (bridge_catalog_page_get_child (catalog, "list-view"), "activate", 0);
  check (GTK_WIDGET (window), "catalog", problems);

  g_signal_emit_by_name (bridge_course_page_get_child (course, "add-button"), "clicked");
  plan = BRIDGE_PLAN_PAGE (bridge_window_get_page (window, "plan"));
  g_assert_cmpuint (bridge_plan_get_n_groups (bridge_plan_page_get_plan (plan)), ==, 1);
  bridge_window_show_page (window, "plan");
  check (GTK_WIDGET (window), "plan", problems);

  bridge_window_show_page (window, "grades");
  check (GTK_WIDGET (window), "grades", problems);

  /* With a course in the plan: its review rows and the grades after the stay. */
  bridge_window_show_page (window, "agreement");
  check (GTK_WIDGET (window), "agreement", problems);

  prefs = bridge_preferences_window_new (bridge_application_get_context (app));
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (prefs));
  check (GTK_WIDGET (prefs), "preferences", problems);
  gtk_window_destroy (GTK_WINDOW (prefs));

  gui_test_close (window);

  if (problems->len > 0)
    g_test_message ("%s", problems->str);
  g_assert_cmpstr (problems->str, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/a11y/accessible-names", test_accessible_names);

  return g_test_run ();
}
