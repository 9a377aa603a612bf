/* test-gui-changed.c: a plan opened after the catalog changed its courses
 *
 * Issue 20 item 5: the plan of 李华 (g1 cqu:cs301 → scu:cs305, g2
 * cqu:cs302 → scu:cs306) saved on the plan tests' catalog, then opened on
 * a catalog where cs301 has 4.5 credits and a declared 144 hours. Opening
 * says so in a toast; the Plan page marks the course, warns in the engine's
 * words and offers Use the New Figures, which can be undone; an approved
 * agreement offers nothing and keeps its figures; the Agreement page lists
 * the change. Writes changed-LANG-WIDTH.png into the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bridge-agreement-page.h"
#include "bridge-context.h"
#include "bridge-gui-util.h"
#include "bridge-plan-page.h"
#include "gui-test-util.h"

#include "gui-plan-test.h"

typedef struct
{
  PlanFixture      fx;
  BridgeCatalog   *updated;               /* cs301 changed */
  GSettings       *settings;
  BridgeContext   *context;
  GtkWindow       *window;
  AdwToastOverlay *overlay;
  BridgePlanPage  *page;
  GFile           *file;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  plan_fixture_set_up (&f->fx, data);
  f->updated = plan_fixture_catalog_with (&f->fx, "\"lab\": 16}, \"credits\": 3.5,",
                                          "\"lab\": 16}, \"credits\": 4.5, \"workload_hours\": 144,");
  f->settings = bridge_gui_settings_new ();
  g_assert_nonnull (f->settings);
  g_settings_set_string (f->settings, "home-university", "scu");
  f->context = bridge_context_new (f->updated, f->settings);

  plan = plan_fixture_make_plan (&f->fx);
  if (data != NULL)
    plan_fixture_approve_all (plan);
  path = g_build_filename (f->fx.dir, "li.creditplan", NULL);
  g_assert_true (bridge_plan_save (plan, path, &error));
  g_assert_no_error (error);
  f->file = g_file_new_for_path (path);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1400, 1100);
  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  f->page = g_object_new (BRIDGE_TYPE_PLAN_PAGE, NULL);
  adw_toast_overlay_set_child (f->overlay, GTK_WIDGET (f->page));
  gtk_window_set_child (f->window, GTK_WIDGET (f->overlay));
  bridge_plan_page_set_context (f->page, f->context);
  /* Opened before the window shows: an approved plan makes the student's
   * name insensitive, which GTK warns about when that entry has the focus. */
  g_assert_true (bridge_plan_page_load (f->page, f->file, &error));
  g_assert_no_error (error);
  gtk_window_present (f->window);
  gui_test_spin (250);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  gui_test_spin (50);
  g_clear_object (&f->file);
  g_clear_object (&f->context);
  g_clear_object (&f->settings);
  g_clear_object (&f->updated);
  plan_fixture_tear_down (&f->fx, data);
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_button (GtkWidget     *widget,
           gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The course's row in its group (a warning's row names the group instead). */
static gboolean
is_course_row (GtkWidget     *widget,
               gconstpointer  code)
{
  const char *subtitle = ADW_IS_ACTION_ROW (widget) ? adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) : NULL;

  return subtitle != NULL && g_str_has_prefix (subtitle, code);
}

/* The engine's warning of kind COURSE_CHANGED about @course_id. */
static char *
engine_warning (BridgePlan    *plan,
                BridgeCatalog *catalog,
                const char    *course_id)
{
  g_autoptr(GPtrArray) warnings = bridge_plan_check (plan, catalog);

  for (guint i = 0; i < warnings->len; i++)
    {
      BridgePlanWarning *w = g_ptr_array_index (warnings, i);

      if (w->kind == BRIDGE_PLAN_WARNING_COURSE_CHANGED && g_strcmp0 (w->course_id, course_id) == 0)
        return g_strdup (w->message);
    }
  return NULL;
}

/* The row of the warning whose title is @message, or NULL. */
static GtkWidget *
warning_row (Fixture    *f,
             const char *message)
{
  for (guint i = 0; i < bridge_plan_page_get_n_warnings_shown (f->page); i++)
    {
      GtkWidget *row = bridge_plan_page_get_warning_row (f->page, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), message) == 0)
        return row;
    }
  return NULL;
}

static GtkWidget *
use_button (Fixture *f)
{
  return gui_test_find_match (GTK_WIDGET (f->page), is_button, _("_Use the New Figures"));
}

static const char *
host_subtitle (Fixture *f)
{
  GtkWidget *row = gui_test_find_match (GTK_WIDGET (f->page), is_course_row, "CS301 ");

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
screenshot (Fixture    *f,
            const char *what)
{
  const int widths[] = { 360, 1400 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("changed-%s-%s-%d.png", what, gui_plan_test_lang (), widths[i]);
      g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);

      gtk_window_set_default_size (f->window, widths[i], 1100);
      gui_test_spin (300);
      gui_test_screenshot (GTK_WIDGET (f->window), path);
    }
  gtk_window_set_default_size (f->window, 1400, 1100);
  gui_test_spin (100);
}

/* Opening says it once; the page marks the course, warns in the engine's
 * words, and takes the new figures on request, undoably. */
static void
test_opened (Fixture       *f,
             gconstpointer  data)
{
  BridgePlan *plan = bridge_plan_page_get_plan (f->page);
  g_autofree char *toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "The catalog changed the credits or workload of %u course of this plan; see the warnings",
                                                         "The catalog changed the credits or workload of %u courses of this plan; see the warnings",
                                                         1), 1);
  g_autofree char *message = engine_warning (plan, f->updated, "cqu:cs301");
  GtkWidget *button;

  g_assert_nonnull (gui_test_find_match (GTK_WIDGET (f->overlay), is_label, toast));
  g_assert_nonnull (message);
  g_assert_nonnull (warning_row (f, message));
  g_assert_true (gtk_widget_get_mapped (warning_row (f, message)));
  g_assert_nonnull (strstr (host_subtitle (f), _(" · changed in the catalog")));
  g_assert_cmpfloat (bridge_plan_group_get_component (bridge_plan_get_group (plan, 0), BRIDGE_PLAN_SIDE_HOST, 0)->credits, ==, 3.5);
  g_assert_false (bridge_plan_get_modified (plan));
  button = use_button (f);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  screenshot (f, "opened");

  /* As the keyboard does: the button's "activate" clicks after its animation. */
  gtk_widget_activate (button);
  gui_test_spin (500);
  g_assert_cmpfloat (bridge_plan_group_get_component (bridge_plan_get_group (plan, 0), BRIDGE_PLAN_SIDE_HOST, 0)->credits, ==, 4.5);
  g_assert_true (bridge_plan_get_modified (plan));
  g_assert_null (warning_row (f, message));
  g_assert_null (strstr (host_subtitle (f), _(" · changed in the catalog")));
  g_assert_false (gtk_widget_get_visible (use_button (f)));

  /* Undo puts the recorded figures back, and the warning with them. */
  g_assert_true (bridge_plan_page_undo (f->page));
  gui_test_spin (150);
  g_assert_cmpfloat (bridge_plan_group_get_component (bridge_plan_get_group (plan, 0), BRIDGE_PLAN_SIDE_HOST, 0)->credits, ==, 3.5);
  g_assert_nonnull (warning_row (f, message));
  g_assert_nonnull (strstr (host_subtitle (f), _(" · changed in the catalog")));
  g_assert_true (gtk_widget_get_visible (use_button (f)));
}

/* An approved agreement keeps what was approved: the warning says the
 * catalog changed since, and nothing offers to take the new figures. */
static void
test_approved (Fixture       *f,
               gconstpointer  data)
{
  BridgePlan *plan = bridge_plan_page_get_plan (f->page);
  g_autofree char *digest = NULL;
  g_autofree char *message = engine_warning (plan, f->updated, "cqu:cs301");
  g_autoptr(BridgePlan) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_digest = NULL;

  g_assert_true (bridge_plan_get_locked (plan));
  g_assert_nonnull (message);
  g_assert_nonnull (warning_row (f, message));
  g_assert_nonnull (strstr (host_subtitle (f), _(" · changed in the catalog")));
  g_assert_false (gtk_widget_get_visible (use_button (f)));
  g_assert_false (bridge_plan_page_use_new_figures (f->page));
  g_assert_cmpfloat (bridge_plan_group_get_component (bridge_plan_get_group (plan, 0), BRIDGE_PLAN_SIDE_HOST, 0)->credits, ==, 3.5);
  digest = bridge_plan_get_agreement_digest (plan);
  saved = bridge_plan_new_from_file (g_file_peek_path (f->file), &error);
  g_assert_no_error (error);
  saved_digest = bridge_plan_get_agreement_digest (saved);
  g_assert_cmpstr (digest, ==, saved_digest);
  screenshot (f, "approved");
}

/* The Agreement page lists the change among its problems. */
static void
test_agreement_page (Fixture       *f,
                     gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  BridgeAgreementPage *page = g_object_new (BRIDGE_TYPE_AGREEMENT_PAGE, NULL);
  BridgePlan *plan = bridge_plan_page_get_plan (f->page);
  /* Translators: course code and title */
  g_autofree char *problem = g_strdup_printf (_("%s “%s” has other credits or another workload in the catalog"), "CS301",
                                              bridge_text_pick (bridge_plan_group_get_component (bridge_plan_get_group (plan, 0),
                                                                                                 BRIDGE_PLAN_SIDE_HOST, 0)->title));

  gtk_window_set_default_size (window, 1400, 1100);
  gtk_window_set_child (window, GTK_WIDGET (page));
  bridge_agreement_page_set_context (page, f->context);
  bridge_agreement_page_set_plan (page, plan);
  gtk_window_present (window);
  gui_test_spin (150);
  g_assert_nonnull (gui_test_find_match (GTK_WIDGET (page), is_label, problem));
  gtk_window_destroy (window);
  gui_test_spin (50);
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

#define ADD(path, approved, fn) g_test_add (path, Fixture, approved, fixture_set_up, fn, fixture_tear_down)
  ADD ("/gui/changed/opened", NULL, test_opened);
  ADD ("/gui/changed/approved", "approved", test_approved);
  ADD ("/gui/changed/agreement-page", NULL, test_agreement_page);
#undef ADD

  return g_test_run ();
}
