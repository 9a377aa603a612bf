/* test-plan-history.c: undo and redo of plan changes, drafts, group labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-plan.h"
#include "bridge-plan-private.h"
#include "bridge-plan-draft.h"
#include "bridge-plan-history.h"
#include "plan-fixture.h"

static char *
plan_data (BridgePlan *plan)
{
  g_autoptr(JsonNode) node = bridge_plan_to_json (plan);

  return bridge_plan_canonical_json (node);
}

/* Removing a group, and undoing it, brings back the same plan; redo
 * removes it again. The plan object and its group list stay the same. */
static void
test_undo_redo_group (PlanFixture   *fx,
                      gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlanHistory) history = bridge_plan_history_new (plan);
  g_autoptr(BridgePlanGroup) removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = plan_data (plan);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  GListModel *groups = bridge_plan_get_groups (plan);
  BridgePlanGroup *g2 = bridge_plan_get_group (plan, 1);

  g_assert_false (bridge_plan_history_can_undo (history));
  g_assert_false (bridge_plan_history_undo (history));

  removed = bridge_plan_remove_group (plan, bridge_plan_get_group (plan, 0), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (removed);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan), ==, 1);
  after = plan_data (plan);
  g_assert_true (bridge_plan_history_can_undo (history));
  g_assert_false (bridge_plan_history_can_redo (history));

  g_assert_true (bridge_plan_history_undo (history));
  g_assert_cmpuint (bridge_plan_get_n_groups (plan), ==, 2);
  g_assert_true (bridge_plan_get_groups (plan) == groups);
  /* A group that stayed is still the same object. */
  g_assert_true (bridge_plan_get_group (plan, 1) == g2);
  g_assert_cmpstr (bridge_plan_group_get_id (bridge_plan_get_group (plan, 0)), ==, "g1");
  g_assert_cmpstr (bridge_plan_group_get_component (bridge_plan_get_group (plan, 0),
                                                    BRIDGE_PLAN_SIDE_HOST, 0)->code, ==, "CS301");
  undone = plan_data (plan);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (bridge_plan_history_can_undo (history));
  g_assert_true (bridge_plan_history_can_redo (history));

  g_assert_true (bridge_plan_history_redo (history));
  redone = plan_data (plan);
  g_assert_cmpstr (redone, ==, after);
  g_assert_false (bridge_plan_history_redo (history));

  /* A new change after an undo drops what could be redone. */
  g_assert_true (bridge_plan_history_undo (history));
  bridge_plan_set_term (plan, "2027-spring");
  g_assert_false (bridge_plan_history_can_redo (history));
  g_assert_true (bridge_plan_history_undo (history));
  g_assert_cmpstr (bridge_plan_get_term (plan), ==, "2026-autumn");
}

/* Typing a name key by key is one step; the next field is another. */
static void
test_typing_is_one_step (PlanFixture   *fx,
                         gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlanHistory) history = NULL;
  const char *keys[] = { "L", "Li", "Li ", "Li M", "Li Ming" };

  g_assert_true (bridge_plan_set_student_name (plan, NULL, NULL));
  history = bridge_plan_history_new (plan);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (bridge_plan_set_student_name (plan, keys[i], NULL));
  bridge_plan_set_term (plan, "2027-spring");

  g_assert_true (bridge_plan_history_undo (history));
  g_assert_cmpstr (bridge_plan_get_term (plan), ==, "2026-autumn");
  g_assert_cmpstr (bridge_plan_get_student_name (plan), ==, "Li Ming");
  g_assert_true (bridge_plan_history_undo (history));
  g_assert_null (bridge_plan_get_student_name (plan));
  g_assert_false (bridge_plan_history_can_undo (history));
}

/* The three approvals lock the agreement: Ctrl+Z cannot take a signature
 * back, so the history starts again there. */
static void
test_lock_is_not_undone (PlanFixture   *fx,
                         gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlanHistory) history = bridge_plan_history_new (plan);

  bridge_plan_set_term (plan, "2027-spring");
  bridge_plan_set_term (plan, "2026-autumn");
  g_assert_true (bridge_plan_history_can_undo (history));
  plan_fixture_approve_all (plan);
  g_assert_true (bridge_plan_get_locked (plan));
  g_assert_false (bridge_plan_history_can_undo (history));
  g_assert_false (bridge_plan_history_undo (history));
  g_assert_true (bridge_plan_get_locked (plan));
}

/* The draft is the plan file as it would be saved, beside the file it
 * belongs to; saving it leaves the plan modified; discarding removes it. */
static void
test_draft (PlanFixture   *fx,
            gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (fx->dir, "data", "credit-bridge", "drafts", NULL);
  g_autofree char *origin = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *draft_path = bridge_plan_draft_get_path (dir);

  g_assert_false (bridge_plan_draft_exists (dir));
  back = bridge_plan_draft_load (dir, &origin, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (back);
  g_assert_null (origin);
  g_clear_error (&error);

  g_assert_true (bridge_plan_set_student_name (plan, "Li Ming", NULL));
  g_assert_true (bridge_plan_get_modified (plan));
  g_assert_true (bridge_plan_draft_save (plan, dir, "/home/li/plan.creditplan", &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_get_modified (plan));
  g_assert_true (bridge_plan_draft_exists (dir));
  g_assert_true (g_str_has_prefix (draft_path, dir));

  back = bridge_plan_draft_load (dir, &origin, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpstr (origin, ==, "/home/li/plan.creditplan");
  g_assert_cmpstr (bridge_plan_get_student_name (back), ==, "Li Ming");
  g_assert_true (bridge_plan_get_modified (back));
  expected = plan_data (plan);
  got = plan_data (back);
  g_assert_cmpstr (got, ==, expected);
  g_clear_object (&back);
  g_clear_pointer (&origin, g_free);

  /* A plan never saved has no origin. */
  g_assert_true (bridge_plan_draft_save (plan, dir, NULL, &error));
  back = bridge_plan_draft_load (dir, &origin, &error);
  g_assert_no_error (error);
  g_assert_null (origin);
  g_clear_object (&back);

  g_assert_true (bridge_plan_draft_discard (dir, &error));
  g_assert_no_error (error);
  g_assert_false (bridge_plan_draft_exists (dir));
  g_assert_true (bridge_plan_draft_discard (dir, &error));
  g_assert_no_error (error);
}

/* A damaged draft is reported as such, not as no draft. */
static void
test_draft_damaged (PlanFixture   *fx,
                    gconstpointer  data)
{
  g_autoptr(BridgePlan) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = bridge_plan_draft_get_path (fx->dir);

  g_assert_true (g_file_set_contents (path, "{\"format\": \"credit-bri", -1, NULL));
  back = bridge_plan_draft_load (fx->dir, NULL, &error);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_null (back);
}

/* People count groups from 1 in the plan's order, whatever their ids. */
static void
test_group_label (PlanFixture   *fx,
                  gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlanGroup) removed = NULL;
  g_autofree char *label = NULL;
  g_autofree char *label2 = NULL;
  BridgePlanGroup *g2 = bridge_plan_get_group (plan, 1);

  g_assert_cmpstr (bridge_plan_group_get_id (g2), ==, "g2");
  g_assert_cmpuint (bridge_plan_get_group_number (plan, g2), ==, 2);
  label = bridge_plan_get_group_label (plan, g2);
  g_assert_cmpstr (label, ==, "Group 2");

  removed = bridge_plan_remove_group (plan, bridge_plan_get_group (plan, 0), NULL, NULL);
  g_assert_cmpuint (bridge_plan_get_group_number (plan, g2), ==, 1);
  label2 = bridge_plan_get_group_label (plan, g2);
  g_assert_cmpstr (label2, ==, "Group 1");
  g_assert_cmpuint (bridge_plan_get_group_number (plan, removed), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) \
  g_test_add (name, PlanFixture, NULL, plan_fixture_set_up, fn, plan_fixture_tear_down)

  ADD ("/plan/history/undo-redo-group", test_undo_redo_group);
  ADD ("/plan/history/typing-is-one-step", test_typing_is_one_step);
  ADD ("/plan/history/lock-is-not-undone", test_lock_is_not_undone);
  ADD ("/plan/draft/save-load-discard", test_draft);
  ADD ("/plan/draft/damaged", test_draft_damaged);
  ADD ("/plan/group/label", test_group_label);

  return g_test_run ();
}
