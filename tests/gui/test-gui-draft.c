/* test-gui-draft.c: no lost work and no dead end in the plan (issue 14)
 *
 * Ctrl+Z and Shift+Ctrl+Z over the plan's changes, an empty group removed
 * with Undo, "Add to Plan" on a course already planned or of a second host
 * university, the window title naming the plan, the draft written while
 * the plan is edited, and Help without Yelp.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bridge-catalog-page-private.h"
#include "bridge-gui-util.h"
#include "bridge-plan-draft.h"
#include "bridge-plan-page.h"
#include "gui-test-util.h"

static BridgeApplication *app;
static BridgeWindow *window;
static char *tmpdir;
static char *host_ids[2];
static char *other_host_id;

static BridgeCatalog *
catalog (void)
{
  return bridge_application_get_catalog (app);
}

static BridgePlanPage *
plan_page (void)
{
  return BRIDGE_PLAN_PAGE (bridge_window_get_page (window, "plan"));
}

static BridgePlan *
plan (void)
{
  return bridge_plan_page_get_plan (plan_page ());
}

static char *
find_course (const char *university,
             guint       index)
{
  return gui_test_find_course (app, university, "", index);
}

/* "Add to Plan" as the course page's button does. */
static void
add_to_plan (const char *course_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCourse) course = bridge_catalog_get_course (catalog (), course_id, &error);

  g_assert_no_error (error);
  g_signal_emit_by_name (bridge_window_get_page (window, "catalog"), "add-to-plan", course);
  gui_test_spin (50);
}

/* What enables win.undo and win.redo. */
static gboolean
can (const char *what)
{
  BridgePlanHistory *history = bridge_plan_page_get_history (plan_page ());

  return g_str_equal (what, "undo") ? bridge_plan_history_can_undo (history)
                                    : bridge_plan_history_can_redo (history);
}

/* The window as it is, into BUILD/tests/gui/draft-LANG-WHAT.png, to look at. */
static void
shoot (const char *what)
{
  const char *l = g_getenv ("LANGUAGE");
  g_autofree char *name = g_strdup_printf ("draft-%s-%s.png",
                                           l != NULL && g_str_has_prefix (l, "zh") ? "zh_CN" : "en", what);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  gui_test_spin (300);
  gui_test_screenshot (GTK_WIDGET (window), path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("wrote %s", path);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        dialog = ADW_MESSAGE_DIALOG (w);
    }
  return dialog;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_spin (100);
}

static void
test_setup (void)
{
  window = gui_test_window (app, 1400, 900);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gui_test_first_run (window, "scu");
  /* As the application does at start: no draft yet, so none offered. */
  bridge_window_restore_session (window, FALSE);
  gui_test_spin (50);
  g_assert_null (find_dialog ());

  host_ids[0] = find_course ("cqu", 0);
  host_ids[1] = find_course ("cqu", 1);
  other_host_id = find_course ("cdut", 0);
}

/* Ctrl+Z and Shift+Ctrl+Z are win.undo and win.redo, enabled when there is
 * something to undo or redo, and listed in the shortcuts window. */
static void
test_undo_action (void)
{
  g_auto(GStrv) undo = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.undo");
  g_auto(GStrv) redo = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.redo");
  g_autoptr(GBytes) ui = g_resources_lookup_data (RESOURCE_BASE "/bridge-shortcuts-window.ui", 0, NULL);

  g_assert_nonnull (undo[0]);
  g_assert_cmpstr (undo[0], ==, "<Control>z");
  g_assert_nonnull (redo[0]);
  g_assert_cmpstr (redo[0], ==, "<Shift><Control>z");
  g_assert_nonnull (ui);
  g_assert_nonnull (strstr (g_bytes_get_data (ui, NULL), "win.undo"));
  g_assert_nonnull (strstr (g_bytes_get_data (ui, NULL), "win.redo"));

  g_assert_false (can ("undo"));
  add_to_plan (host_ids[0]);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan ()), ==, 1);
  g_assert_true (can ("undo"));
  g_assert_false (can ("redo"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gui_test_spin (50);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan ()), ==, 0);
  g_assert_true (can ("redo"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  gui_test_spin (50);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan ()), ==, 1);
  g_assert_cmpstr (bridge_plan_group_get_component (bridge_plan_get_group (plan (), 0),
                                                    BRIDGE_PLAN_SIDE_HOST, 0)->course_id, ==, host_ids[0]);
}

static gboolean
focus_in_group (gpointer title)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *group = focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_GROUP) : NULL;

  return group != NULL && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), title) == 0;
}

/* "Add to Plan" on a course already planned shows it where it is. */
static void
test_add_twice (void)
{
  GtkWidget *focus;
  GtkWidget *group;
  g_autofree char *title = NULL;

  add_to_plan (host_ids[1]);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan ()), ==, 2);
  bridge_window_show_page (window, "catalog");
  gui_test_spin (50);

  add_to_plan (host_ids[1]);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan ()), ==, 2);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (bridge_window_get_child (window, "view-stack"))),
                   ==, "plan");
  title = g_strdup_printf (_("Recognition Group %u"), 2);
  gui_test_wait (focus_in_group, title, 5000);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  group = gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (group);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, title);
  shoot ("already-planned");
}

/* A course of a second host university: the reason in full, and a way on. */
static void
test_second_host (void)
{
  AdwMessageDialog *dialog;
  const char *body;
  g_autoptr(BridgeUniversity) cqu = bridge_catalog_get_university (catalog (), "cqu", NULL);
  g_autoptr(BridgeUniversity) cdut = bridge_catalog_get_university (catalog (), "cdut", NULL);

  g_assert_null (find_dialog ());
  add_to_plan (other_host_id);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan ()), ==, 2);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, bridge_text_pick (bridge_university_get_name (cqu))));
  g_assert_nonnull (strstr (body, bridge_text_pick (bridge_university_get_name (cdut))));
  /* Why, in full: one host university per learning agreement. */
  if (g_str_has_prefix (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "", "zh"))
    g_assert_nonnull (strstr (body, "一份学习协议只对应一所接收学校"));
  else
    g_assert_nonnull (strstr (body, "A learning agreement covers one host university"));
  g_assert_true (adw_message_dialog_has_response (dialog, "new"));

  /* Cancel: nothing changes. */
  respond (dialog, "cancel");
  g_assert_cmpstr (bridge_plan_get_host_university (plan ()), ==, "cqu");

  /* A new plan: the unsaved one is asked about first, then the new one
   * has the course and its host. */
  add_to_plan (other_host_id);
  respond (find_dialog (), "new");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Save Changes?"));
  respond (dialog, "discard");
  g_assert_cmpuint (bridge_plan_get_n_groups (plan ()), ==, 1);
  g_assert_cmpstr (bridge_plan_get_host_university (plan ()), ==, "cdut");
  g_assert_cmpstr (bridge_plan_group_get_component (bridge_plan_get_group (plan (), 0),
                                                    BRIDGE_PLAN_SIDE_HOST, 0)->course_id, ==, other_host_id);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

/* A group without a host course can be removed, and the removal undone
 * from its toast. */
static void
test_remove_empty_group (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlanComponent) removed = NULL;
  g_autofree char *label = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *second = find_course ("cdut", 1);
  AdwToast *toast;
  GtkWidget *button;

  add_to_plan (second);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan ()), ==, 2);
  bridge_window_show_page (window, "plan");
  gui_test_spin (50);
  g_assert_null (find_button (GTK_WIDGET (plan_page ()), _("_Remove Group")));

  removed = bridge_plan_remove_component (plan (), bridge_plan_get_group (plan (), 0), BRIDGE_PLAN_SIDE_HOST,
                                          other_host_id, NULL, &error);
  g_assert_no_error (error);
  gui_test_spin (50);
  button = find_button (GTK_WIDGET (plan_page ()), _("_Remove Group"));
  g_assert_nonnull (button);
  gtk_widget_grab_focus (button);
  shoot ("empty-group");
  g_signal_emit_by_name (button, "clicked");
  gui_test_spin (50);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan ()), ==, 1);

  toast = g_object_get_data (G_OBJECT (plan_page ()), "last-toast");
  g_assert_nonnull (toast);
  label = g_strdup_printf (_("Group %u"), 1);
  expected = g_strdup_printf (_("%s removed"), label);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, expected);
  g_signal_emit_by_name (toast, "button-clicked");
  gui_test_spin (50);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan ()), ==, 2);
  g_assert_cmpuint (bridge_plan_group_get_n_components (bridge_plan_get_group (plan (), 0), BRIDGE_PLAN_SIDE_HOST), ==, 0);
}

static gboolean
draft_exists (gpointer data)
{
  return bridge_plan_draft_exists (bridge_window_get_draft_dir (window));
}

/* The title names the plan and marks unsaved changes; a draft of them is
 * written within two seconds and goes once they are saved. */
static void
test_title_and_draft (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "stay.creditplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BridgePlan) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *title = NULL;
  g_autofree char *modified_title = NULL;
  gint64 start;

  g_assert_true (bridge_plan_page_save (plan_page (), file, &error));
  g_assert_no_error (error);
  gui_test_spin (50);
  title = g_strdup_printf (_("%s — Credit Bridge"), "stay.creditplan");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  g_assert_false (draft_exists (NULL));

  start = g_get_monotonic_time ();
  g_assert_true (bridge_plan_set_student_name (plan (), "Li Ming", NULL));
  modified_title = g_strdup_printf (_("%s — Credit Bridge"), "• stay.creditplan");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, modified_title);
  g_assert_true (gui_test_wait (draft_exists, NULL, 2000));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  draft = bridge_plan_draft_load (bridge_window_get_draft_dir (window), &origin, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bridge_plan_get_student_name (draft), ==, "Li Ming");
  g_assert_cmpstr (origin, ==, path);
  /* The draft is in the user's data folder. */
  g_assert_true (g_str_has_prefix (bridge_window_get_draft_dir (window), g_get_user_data_dir ()));

  g_assert_true (bridge_plan_page_save (plan_page (), file, &error));
  g_assert_no_error (error);
  g_assert_false (draft_exists (NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  g_unlink (path);
}

/* Help without Yelp opens the HTML build of the same pages, which the
 * build made. */
static void
test_help_without_yelp (void)
{
  const char *none[] = { "/nonexistent", NULL };
  g_autofree char *index = g_build_filename (BUILD_HELP_HTML_DIR, "index.html", NULL);
  g_autofree char *with = bridge_gui_help_uri ("index", TRUE, bridge_gui_help_html_dirs ());
  g_autofree char *with_page = bridge_gui_help_uri ("plan", TRUE, bridge_gui_help_html_dirs ());
  g_autofree char *without = bridge_gui_help_uri ("index", FALSE, bridge_gui_help_html_dirs ());
  g_autofree char *expected = g_filename_to_uri (index, NULL, NULL);
  g_autofree char *nothing = bridge_gui_help_uri ("index", FALSE, none);
  g_autofree char *html = NULL;

  g_assert_true (g_file_get_contents (index, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "Credit Bridge"));
  g_assert_cmpstr (with, ==, "help:credit-bridge");
  g_assert_cmpstr (with_page, ==, "help:credit-bridge/plan");
  /* Not installed here: the build tree's. */
  if (!g_file_test (HELP_HTML_DIR "/index.html", G_FILE_TEST_EXISTS))
    g_assert_cmpstr (without, ==, expected);
  else
    g_assert_true (g_str_has_prefix (without, "file:///") && g_str_has_suffix (without, "/index.html"));
  g_assert_null (nothing);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gui_test_init (&argc, &argv);
  tmpdir = g_dir_make_tmp ("test-gui-draft-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  app = gui_test_app ();

  g_test_add_func ("/gui/draft/setup", test_setup);
  g_test_add_func ("/gui/draft/undo-action", test_undo_action);
  g_test_add_func ("/gui/draft/add-twice", test_add_twice);
  g_test_add_func ("/gui/draft/second-host", test_second_host);
  g_test_add_func ("/gui/draft/remove-empty-group", test_remove_empty_group);
  g_test_add_func ("/gui/draft/title-and-draft", test_title_and_draft);
  g_test_add_func ("/gui/draft/help-without-yelp", test_help_without_yelp);

  status = g_test_run ();

  if (window != NULL)
    gui_test_close (window);
  g_clear_object (&app);
  g_rmdir (tmpdir);
  g_free (tmpdir);
  g_free (host_ids[0]);
  g_free (host_ids[1]);
  g_free (other_host_id);
  return status;
}
