/* test-gui-precedent.c: the plan page shows the decisions of the register
 *
 * The plan of 李华 (g1 cqu:cs301 → scu:cs305, recognised by scu-2025-017
 * "with at least B"; g2 cqu:cs302 → scu:cs306, whose decision expired) on
 * the plan tests' catalog with the register of tests/plan/register.json.
 * Writes precedent-LANG-WIDTH.png into the build directory to look at.
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
  PlanFixture     fx;
  BridgeCatalog  *catalog;                /* with the register */
  GSettings      *settings;
  BridgeContext  *context;
  BridgePlan     *plan;
  GtkWindow      *window;
  BridgePlanPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  plan_fixture_set_up (&f->fx, data);
  f->catalog = plan_fixture_catalog_with_register (&f->fx);
  f->settings = bridge_gui_settings_new ();
  g_assert_nonnull (f->settings);
  g_settings_set_string (f->settings, "home-university", "scu");
  f->context = bridge_context_new (f->catalog, f->settings);
  f->plan = plan_fixture_make_plan (&f->fx);
  bridge_plan_set_modified (f->plan, FALSE);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1400, 1100);
  f->page = g_object_new (BRIDGE_TYPE_PLAN_PAGE, NULL);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  bridge_plan_page_set_context (f->page, f->context);
  bridge_plan_page_set_plan (f->page, f->plan, NULL);
  gtk_window_present (f->window);
  gui_test_spin (150);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  gui_test_spin (50);
  g_clear_object (&f->plan);
  g_clear_object (&f->context);
  g_clear_object (&f->settings);
  g_clear_object (&f->catalog);
  plan_fixture_tear_down (&f->fx, data);
}

static gboolean
is_decision_row (GtkWidget     *widget,
                 gconstpointer  id)
{
  return ADW_IS_ACTION_ROW (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "equivalence-id"), id) == 0;
}

static GtkWidget *
decision_row (Fixture    *f,
              const char *id)
{
  return gui_test_find_match (GTK_WIDGET (f->page), is_decision_row, id);
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

/* g1 is marked recognised with the decision's reference, date and
 * condition, not as a warning; g2's expired decision is warned about. */
static void
test_rows (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *valid = decision_row (f, "scu-2025-017");
  GtkWidget *expired = decision_row (f, "scu-2021-004");
  g_autofree char *valid_title = g_strdup_printf (_("Recognised by decision %s"), "SCU-2025-17");
  g_autofree char *expired_title = g_strdup_printf (_("Decision %s expired on %s"), "SCU-2021-4", "2024-07-31");
  g_autoptr(BridgePlanPrecedent) p2 = bridge_plan_find_precedent (f->plan, f->catalog, bridge_plan_get_group (f->plan, 1));

  g_assert_nonnull (valid);
  g_assert_true (gtk_widget_get_mapped (valid));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (valid)), ==, valid_title);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (valid)), "2025-06-01"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (valid)), "B"));
  g_assert_nonnull (expired);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expired)), ==, expired_title);
  /* The warnings: the expired decision, not the valid one. */
  g_assert_nonnull (warning_row (f, p2->note));
  for (guint i = 0; i < bridge_plan_page_get_n_warnings_shown (f->page); i++)
    g_assert_null (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (bridge_plan_page_get_warning_row (f->page, i))),
                           "SCU-2025-17"));
}

/* A grade below the condition, entered after the stay, is warned about on
 * the page, in the engine's words. */
static void
test_condition_warning (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  const char *message = NULL;

  g_assert_true (bridge_plan_set_grade (f->plan, f->catalog, "cqu:cs301", "C", &error));
  g_assert_no_error (error);
  gui_test_spin (100);
  warnings = bridge_plan_check (f->plan, f->catalog);
  for (guint i = 0; i < warnings->len; i++)
    if (((BridgePlanWarning *) g_ptr_array_index (warnings, i))->kind == BRIDGE_PLAN_WARNING_CONDITION_NOT_MET)
      message = ((BridgePlanWarning *) g_ptr_array_index (warnings, i))->message;
  g_assert_nonnull (message);
  g_assert_nonnull (warning_row (f, message));
  /* The group is still the decision's. */
  g_assert_nonnull (decision_row (f, "scu-2025-017"));
}

/* Without a register, no group is marked. */
static void
test_no_register (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BridgeContext) plain = bridge_context_new (f->fx.catalog, f->settings);

  bridge_plan_page_set_context (f->page, plain);
  bridge_plan_page_reload (f->page);
  gui_test_spin (100);
  g_assert_null (decision_row (f, "scu-2025-017"));
  g_assert_null (decision_row (f, "scu-2021-004"));
  bridge_plan_page_set_context (f->page, f->context);
  gui_test_spin (50);
}

/* The Agreement page's review of each group says the same. */
static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  BridgeAgreementPage *page = g_object_new (BRIDGE_TYPE_AGREEMENT_PAGE, NULL);
  g_autofree char *valid_title = g_strdup_printf (_("Recognised by decision %s"), "SCU-2025-17");
  GtkWidget *valid;

  gtk_window_set_default_size (window, 1400, 1100);
  gtk_window_set_child (window, GTK_WIDGET (page));
  bridge_agreement_page_set_context (page, f->context);
  bridge_agreement_page_set_plan (page, f->plan);
  gtk_window_present (window);
  gui_test_spin (150);
  valid = gui_test_find_match (GTK_WIDGET (page), is_decision_row, "scu-2025-017");
  g_assert_nonnull (valid);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (valid)), ==, valid_title);
  g_assert_nonnull (gui_test_find_match (GTK_WIDGET (page), is_decision_row, "scu-2021-004"));
  gtk_window_destroy (window);
  gui_test_spin (50);
}

/* Pictures at a phone's and a desktop's width, to look at. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const int widths[] = { 360, 1400 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("precedent-%s-%d.png", gui_plan_test_lang (), widths[i]);
      g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);

      gtk_window_set_default_size (f->window, widths[i], 1100);
      gui_test_spin (200);
      bridge_plan_page_show_group (f->page, 0);
      gui_test_spin (300);
      gui_test_screenshot (GTK_WIDGET (f->window), path);
    }
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/gui/precedent/rows", test_rows);
  ADD ("/gui/precedent/condition-warning", test_condition_warning);
  ADD ("/gui/precedent/no-register", test_no_register);
  ADD ("/gui/precedent/review", test_review);
  ADD ("/gui/precedent/screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}
