/* test-gui-recognition.c: what counts for what, in the window (issue 17)
 *
 * The catalog is the hand-made feed with a recognition register
 * (tests/core/feeds/register/), the student's home is "sa" (Sichuan Alpha
 * University), whose register has three decisions: cb:mm200 for sa:math101
 * (valid, SA-2025-17, "with at least 良好"), cb:env300 for sa:bio210 (expired
 * in 2024, SA-2021-4) and cc:phy100 for 2 free elective credits.
 *
 * Checked as a person would: the rows of "Counts at Home For" on a course's
 * page, the group "Add to Plan with This Mapping" makes, the plan's
 * home-course picker (suggested first, search, Return, Escape, its empty
 * state) and the catalog asked from the other side (Find Replacements).
 * With PICTURES=1 in the environment it also writes
 * recognition-LANG-WIDTH-WHAT.png into the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "bridge-catalog-page-private.h"
#include "bridge-course-chooser.h"
#include "bridge-course-page-private.h"
#include "bridge-plan-page.h"
#include "bridge-recognition-list.h"
#include "bridge-replacements-window.h"
#include "gui-test-util.h"

static BridgeApplication *app;
static BridgeWindow *window;
static int width = 1400;

static BridgeCoursePage *
open_course (const char *id)
{
  BridgeCatalogPage *catalog_page = BRIDGE_CATALOG_PAGE (bridge_window_get_page (window, "catalog"));
  g_autoptr(BridgeCourse) course = NULL;
  g_autoptr(GError) error = NULL;

  course = bridge_catalog_get_course (bridge_application_get_catalog (app), id, &error);
  g_assert_no_error (error);
  bridge_window_show_page (window, "catalog");
  bridge_catalog_page_show_course (catalog_page, course);
  gui_test_spin (50);
  return BRIDGE_COURSE_PAGE (bridge_catalog_page_get_child (catalog_page, "course-page"));
}

static gboolean
list_settled (gpointer data)
{
  return !bridge_recognition_list_get_busy (data);
}

static BridgeRecognitionList *
recognition_of (BridgeCoursePage *page)
{
  GtkWidget *list = bridge_course_page_get_child (page, "recognition");

  g_assert_nonnull (list);
  g_assert_true (gui_test_wait (list_settled, list, 10000));
  gui_test_spin (50);
  return BRIDGE_RECOGNITION_LIST (list);
}

typedef struct
{
  const char *text;
  gboolean    prefix;
} LabelMatch;

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  data)
{
  const LabelMatch *m = data;

  if (!GTK_IS_LABEL (widget) || !gtk_widget_get_visible (widget))
    return FALSE;
  if (m->prefix)
    return g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), m->text);
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), m->text) == 0;
}

/* Whether @row shows a label reading @text (or beginning so). */
static gboolean
shows (GtkWidget  *row,
       const char *text,
       gboolean    prefix)
{
  LabelMatch m = { text, prefix };

  return gui_test_find_match (row, is_label, &m) != NULL;
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

static char *
course_label (const char *id)
{
  g_autoptr(BridgeCourse) course = bridge_catalog_get_course (bridge_application_get_catalog (app), id, NULL);

  g_assert_nonnull (course);
  return g_strdup_printf (_("%s (%s)"), bridge_text_pick (bridge_course_get_title (course)),
                          bridge_course_get_code (course));
}

static void
picture (GtkWidget  *widget,
         const char *what)
{
  const char *l = g_getenv ("LANGUAGE");
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  if (g_getenv ("PICTURES") == NULL)
    return;
  name = g_strdup_printf ("recognition-%s-%d-%s.png", l != NULL && g_str_has_prefix (l, "zh") ? "zh_CN" : "en",
                          width, what);
  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  gui_test_spin (200);
  gui_test_screenshot (widget, path);
}

/* Scrolls the course page so that the section is at the top of the picture. */
static void
scroll_to_section (BridgeCoursePage *page,
                   GtkWidget        *section)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gui_test_find (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW));
  graphene_point_t point;

  gui_test_spin (100);
  g_assert_true (gtk_widget_compute_point (section, GTK_WIDGET (gtk_scrolled_window_get_child (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), point.y - 100);
}

static void
new_plan (void)
{
  BridgePlanPage *plan_page = BRIDGE_PLAN_PAGE (bridge_window_get_page (window, "plan"));

  bridge_plan_set_modified (bridge_plan_page_get_plan (plan_page), FALSE);
  bridge_plan_page_new_plan (plan_page);
  gui_test_spin (50);
}

/* ------------------------------------------------------------------------ */

static void
test_valid_precedent (void)
{
  gint64 start = g_get_monotonic_time ();
  BridgeCoursePage *page = open_course ("cb:mm200");
  BridgeRecognitionList *list = recognition_of (page);
  GtkWidget *row;
  g_autofree char *home = course_label ("sa:math101");
  g_autofree char *decided = g_strdup_printf (_("Decided %s · reference %s"), "2025-06-01", "SA-2025-17");
  g_autofree char *condition = g_strdup_printf (_("Condition: %s"),
                                                g_str_has_prefix (bridge_text_user_language (), "zh")
                                                ? "成绩不低于良好" : "with at least 良好");

  g_test_message ("course opened and its section filled in %.0f ms (with 100 ms of spinning)",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (bridge_recognition_list_get_n_rows (list), >=, 1);
  row = bridge_recognition_list_get_row (list, 0);
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "precedent")));
  g_assert_true (shows (row, home, FALSE));
  g_assert_true (shows (row, decided, FALSE));
  g_assert_true (shows (row, condition, FALSE));
  g_assert_null (gui_test_find_match (row, is_named, "expired-tag"));
  g_assert_nonnull (gui_test_find_match (row, is_named, "add-mapping"));
  g_assert_true (shows (row, _("Why It Counts"), FALSE));
  g_assert_cmpstr (bridge_recognition_list_get_empty_text (list), ==, NULL);
  scroll_to_section (page, GTK_WIDGET (list));
  picture (GTK_WIDGET (window), "course-page");
}

static void
test_expired_precedent (void)
{
  BridgeCoursePage *page = open_course ("cb:env300");
  BridgeRecognitionList *list = recognition_of (page);
  GtkWidget *row;
  GtkWidget *tag;
  g_autofree char *home = course_label ("sa:bio210");
  g_autofree char *decided = g_strdup_printf (_("Decided %s · reference %s"), "2021-03-01", "SA-2021-4");

  g_assert_cmpuint (bridge_recognition_list_get_n_rows (list), >=, 1);
  row = bridge_recognition_list_get_row (list, 0);
  /* Still shown, as evidence, and marked. */
  g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "expired")));
  tag = gui_test_find_match (row, is_named, "expired-tag");
  g_assert_nonnull (tag);
  g_assert_true (gtk_widget_get_visible (tag));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (tag)), ==, _("Expired"));
  g_assert_true (shows (row, home, FALSE));
  g_assert_true (shows (row, decided, FALSE));
  scroll_to_section (page, GTK_WIDGET (list));
  picture (GTK_WIDGET (window), "expired");
}

static void
test_elective_precedent (void)
{
  BridgeRecognitionList *list = recognition_of (open_course ("cc:phy100"));
  GtkWidget *row;
  g_autofree char *credits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s elective credit at home",
                                                           "%s elective credits at home", 2), "2");
  g_autofree char *decided = g_strdup_printf (_("Decided %s · no reference given"), "2024-09-10");

  g_assert_cmpuint (bridge_recognition_list_get_n_rows (list), >=, 1);
  row = bridge_recognition_list_get_row (list, 0);
  g_assert_true (shows (row, _("Free elective credits"), FALSE));
  g_assert_true (shows (row, credits, FALSE));
  g_assert_true (shows (row, decided, FALSE));
}

/* "Add to Plan with This Mapping" makes a group of these host and home courses. */
static void
test_add_mapping (void)
{
  BridgePlanPage *plan_page = BRIDGE_PLAN_PAGE (bridge_window_get_page (window, "plan"));
  BridgePlan *plan;
  BridgeRecognitionList *list;
  GtkWidget *button;
  BridgePlanGroup *group;

  new_plan ();
  list = recognition_of (open_course ("cb:mm200"));
  button = gui_test_find_match (bridge_recognition_list_get_row (list, 0), is_named, "add-mapping");
  g_assert_nonnull (button);
  /* A button activated from the keyboard is clicked after its animation. */
  gtk_widget_activate (button);
  gui_test_spin (400);

  plan = bridge_plan_page_get_plan (plan_page);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan), ==, 1);
  group = bridge_plan_get_group (plan, 0);
  g_assert_cmpuint (bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST), ==, 1);
  g_assert_cmpstr (bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, 0)->course_id, ==, "cb:mm200");
  g_assert_cmpuint (bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOME), ==, 1);
  g_assert_cmpstr (bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOME, 0)->course_id, ==, "sa:math101");
  g_assert_cmpstr (bridge_plan_get_host_university (plan), ==, "cb");

  /* The elective decision: a group with no home course, of another host:
   * refused with a message, the plan unchanged. */
  list = recognition_of (open_course ("cc:phy100"));
  gtk_widget_activate (gui_test_find_match (bridge_recognition_list_get_row (list, 0), is_named, "add-mapping"));
  gui_test_spin (400);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan), ==, 1);
}

/* A course of the home university counts as it is. */
static void
test_home_course (void)
{
  BridgeCoursePage *page = open_course ("sa:math101");

  g_assert_null (bridge_course_page_get_child (page, "recognition"));
  g_assert_nonnull (gui_test_find_match (GTK_WIDGET (page), is_named, "find-replacements"));
  g_assert_nonnull (gui_test_find_match (GTK_WIDGET (page), is_label,
                                         &(LabelMatch) { _("This is a course of your university: it counts "
                                                           "at home as it is, for its own credits."), FALSE }));
}

/* No decision of the home "cb" names cc:phy100: the empty state, unless the
 * catalog suggests something (then only suggestions, never a precedent). */
static void
test_empty_state (void)
{
  BridgeContext *context = bridge_application_get_context (app);
  BridgeRecognitionList *list;

  bridge_context_set_home_university_id (context, "cb");
  list = recognition_of (open_course ("cc:phy100"));
  if (bridge_recognition_list_get_n_rows (list) == 0)
    g_assert_cmpstr (bridge_recognition_list_get_empty_text (list), ==,
                     _("The register has no decision for this course and nothing similar was found "
                       "at your university"));
  else
    for (guint i = 0; i < bridge_recognition_list_get_n_rows (list); i++)
      g_assert_false (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (bridge_recognition_list_get_row (list, i)),
                                                          "precedent")));
  bridge_context_set_home_university_id (context, "sa");
  gui_test_spin (50);
}

/* ------------------------------------------------------------------------ */
/* The plan's home-course picker                                              */

static gboolean
is_home_button (GtkWidget     *widget,
                gconstpointer  data)
{
  const char *key = g_object_get_data (G_OBJECT (widget), "focus-key");

  return GTK_IS_MENU_BUTTON (widget) && key != NULL && g_str_has_suffix (key, ":home");
}

static gboolean
picker_has_rows (gpointer data)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (data, 0);

  return row != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "suggested"));
}

static gboolean
group_has_home_course (gpointer plan)
{
  return bridge_plan_group_get_n_components (bridge_plan_get_group (plan, 0), BRIDGE_PLAN_SIDE_HOME) > 0;
}

static void
test_picker (void)
{
  BridgePlanPage *plan_page = BRIDGE_PLAN_PAGE (bridge_window_get_page (window, "plan"));
  BridgePlan *plan;
  g_autoptr(BridgeCourse) mm200 = bridge_catalog_get_course (bridge_application_get_catalog (app), "cb:mm200", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *entry;
  GtkListBox *list;
  GtkListBoxRow *row;
  GtkWidget *placeholder;

  new_plan ();
  g_assert_true (bridge_plan_page_add_course (plan_page, mm200, &error));
  g_assert_no_error (error);
  plan = bridge_plan_page_get_plan (plan_page);
  bridge_window_show_page (window, "plan");
  gui_test_spin (100);

  button = gui_test_find_match (GTK_WIDGET (plan_page), is_home_button, NULL);
  g_assert_nonnull (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  entry = gui_test_find (popover, GTK_TYPE_SEARCH_ENTRY);
  list = GTK_LIST_BOX (gui_test_find (popover, GTK_TYPE_LIST_BOX));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));

  /* The decision's home course first, under "Suggested", with the reason. */
  g_assert_true (gui_test_wait (picker_has_rows, list, 10000));
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_focus (gtk_root_get_focus (gtk_widget_get_root (entry))));
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "course-id"), ==, "sa:math101");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "SA-2025-17"));
  g_assert_nonnull (gtk_list_box_row_get_header (row));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_header (row))), ==, _("Suggested"));
  /* Then everything else, once. */
  for (guint i = 1; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "course-id"), !=, "sa:math101");
  picture (popover, "picker");

  /* Typing searches every home course. */
  gtk_editable_set_text (GTK_EDITABLE (entry), g_str_has_prefix (bridge_text_user_language (), "zh") ? "生态" : "Ecology");
  g_signal_emit_by_name (entry, "search-changed");
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "course-id"), ==, "sa:bio210");
  g_assert_false (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "suggested")));

  /* Nothing found: the empty state says what was typed. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzz");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  placeholder = gui_test_find (GTK_WIDGET (list), GTK_TYPE_LABEL);
  g_assert_nonnull (placeholder);
  {
    g_autofree char *none = g_strdup_printf (_("No course matches “%s”"), "zzzz");

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (placeholder)), ==, none);
  }

  /* Back to nothing typed: Return takes the first, the suggested one. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_true (picker_has_rows (list));
  g_signal_emit_by_name (entry, "activate");
  /* The choice is told once the popover has gone (an idle): wait for it. */
  g_assert_true (gui_test_wait (group_has_home_course, plan, 10000));
  g_assert_cmpuint (bridge_plan_group_get_n_components (bridge_plan_get_group (plan, 0), BRIDGE_PLAN_SIDE_HOME), ==, 1);
  g_assert_cmpstr (bridge_plan_group_get_component (bridge_plan_get_group (plan, 0), BRIDGE_PLAN_SIDE_HOME, 0)->course_id,
                   ==, "sa:math101");

  /* Escape closes it, adding nothing. */
  button = gui_test_find_match (GTK_WIDGET (plan_page), is_home_button, NULL);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gui_test_spin (100);
  g_assert_true (gtk_widget_get_visible (popover));
  g_signal_emit_by_name (gui_test_find (popover, GTK_TYPE_SEARCH_ENTRY), "stop-search");
  gui_test_spin (50);
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpuint (bridge_plan_group_get_n_components (bridge_plan_get_group (plan, 0), BRIDGE_PLAN_SIDE_HOME), ==, 1);
}

/* ------------------------------------------------------------------------ */
/* From the other side                                                        */

static void
test_replacements (void)
{
  BridgeCoursePage *page = open_course ("sa:math101");
  GtkWidget *find = gui_test_find_match (GTK_WIDGET (page), is_named, "find-replacements");
  BridgeReplacementsWindow *replacements = NULL;
  BridgeRecognitionList *list;
  GtkWidget *row;
  g_autofree char *host = course_label ("cb:mm200");
  g_autofree char *other_host = course_label ("cb:env300");
  g_autofree char *decided = g_strdup_printf (_("Decided %s · reference %s"), "2025-06-01", "SA-2025-17");
  GList *toplevels;

  gtk_widget_activate (find);
  gui_test_spin (400);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (BRIDGE_IS_REPLACEMENTS_WINDOW (l->data))
      replacements = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (replacements);
  /* No wider than the main window (a phone's screen at 360 px). */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (replacements)), <=, gtk_widget_get_width (GTK_WIDGET (window)));

  list = BRIDGE_RECOGNITION_LIST (bridge_replacements_window_get_child (replacements, "list"));
  g_assert_true (gui_test_wait (list_settled, list, 10000));
  g_assert_cmpuint (bridge_recognition_list_get_n_rows (list), >=, 1);
  row = bridge_recognition_list_get_row (list, 0);
  /* What replaces it, where and when. */
  g_assert_true (shows (row, host, FALSE));
  g_assert_true (shows (row, bridge_context_university_name (bridge_application_get_context (app), "cb"), TRUE));
  g_assert_true (shows (row, decided, FALSE));
  picture (GTK_WIDGET (replacements), "replacements");

  /* Another host university: nothing, and it says so. */
  for (guint i = 0; ; i++)
    {
      GtkWidget *host_row = bridge_replacements_window_get_child (replacements, "host-row");
      GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (host_row));
      g_autoptr(GtkStringObject) item = NULL;

      g_assert_cmpuint (i, <, g_list_model_get_n_items (model));
      item = g_list_model_get_item (model, i);
      if (g_strcmp0 (gtk_string_object_get_string (item),
                     bridge_context_university_name (bridge_application_get_context (app), "cc")) == 0)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (host_row), i);
          break;
        }
    }
  g_assert_true (gui_test_wait (list_settled, list, 10000));
  /* The register's decision is of "cb": at "cc" at most suggestions. */
  if (bridge_recognition_list_get_n_rows (list) == 0)
    g_assert_cmpstr (bridge_recognition_list_get_empty_text (list), ==,
                     _("The register has no decision for this course and nothing similar was found "
                       "with these filters: try another university or term"));
  for (guint i = 0; i < bridge_recognition_list_get_n_rows (list); i++)
    g_assert_false (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (bridge_recognition_list_get_row (list, i)),
                                                        "precedent")));

  /* Another home course, found by typing; Return takes it. */
  {
    GtkWidget *entry = bridge_replacements_window_get_child (replacements, "search-entry");

    adw_combo_row_set_selected (ADW_COMBO_ROW (bridge_replacements_window_get_child (replacements, "host-row")), 0);
    gtk_editable_set_text (GTK_EDITABLE (entry), g_str_has_prefix (bridge_text_user_language (), "zh") ? "生态" : "Ecology");
    g_signal_emit_by_name (entry, "search-changed");
    g_signal_emit_by_name (entry, "activate");
    g_assert_true (gui_test_wait (list_settled, list, 10000));
    g_assert_cmpuint (bridge_recognition_list_get_n_rows (list), >=, 1);
    row = bridge_recognition_list_get_row (list, 0);
    g_assert_true (shows (row, other_host, FALSE));
    g_assert_true (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "expired")));
  }
  gtk_window_destroy (GTK_WINDOW (replacements));
  gui_test_spin (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *feed = NULL;
  int status;

  gui_test_init (&argc, &argv);
  feed = g_test_build_filename (G_TEST_DIST, "..", "core", "feeds", "register", "feed.json", NULL);
  g_setenv ("CREDIT_BRIDGE_DEMO_CATALOG", feed, TRUE);
  if (g_getenv ("GUI_TEST_WIDTH") != NULL)
    width = atoi (g_getenv ("GUI_TEST_WIDTH"));

  app = gui_test_app ();
  window = gui_test_window (app, width, 900);
  gui_test_first_run (window, "sa");

  g_test_add_func ("/recognition/valid-precedent", test_valid_precedent);
  g_test_add_func ("/recognition/expired-precedent", test_expired_precedent);
  g_test_add_func ("/recognition/elective-precedent", test_elective_precedent);
  g_test_add_func ("/recognition/add-mapping", test_add_mapping);
  g_test_add_func ("/recognition/home-course", test_home_course);
  g_test_add_func ("/recognition/empty-state", test_empty_state);
  g_test_add_func ("/recognition/picker", test_picker);
  g_test_add_func ("/recognition/replacements", test_replacements);

  status = g_test_run ();
  gui_test_close (window);
  g_object_unref (app);
  return status;
}
