/* test-plan-locked.c: every edit of an approved, locked plan is refused with
 * BRIDGE_ERROR_PLAN_LOCKED, says what to do instead and changes nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <locale.h>
#include <string.h>
#include "bridge-error.h"
#include "bridge-plan.h"
#include "bridge-plan-private.h"
#include "plan-fixture.h"

typedef gboolean (*Edit) (PlanFixture *fx,
                          BridgePlan  *plan,
                          GError     **error);

typedef struct
{
  const char *path;
  Edit        edit;
  const char *says;                       /* a part of the message */
} LockedCase;

static BridgePlanGroup *
group (BridgePlan *plan,
       const char *id)
{
  BridgePlanGroup *g = bridge_plan_find_group (plan, id, NULL);

  g_assert_nonnull (g);
  return g;
}

static gboolean
set_student (PlanFixture *fx,
             BridgePlan  *plan,
             GError     **error)
{
  return bridge_plan_set_student (plan, bridge_plan_get_student (plan), error);
}

static gboolean
set_student_name (PlanFixture *fx,
                  BridgePlan  *plan,
                  GError     **error)
{
  return bridge_plan_set_student_name (plan, "李明", error);
}

static gboolean
set_institution (PlanFixture *fx,
                 BridgePlan  *plan,
                 GError     **error)
{
  return bridge_plan_set_institution (plan, BRIDGE_PLAN_SIDE_HOME,
                                      bridge_plan_get_institution (plan, BRIDGE_PLAN_SIDE_HOME), error);
}

static gboolean
set_home_university (PlanFixture *fx,
                     BridgePlan  *plan,
                     GError     **error)
{
  return bridge_plan_set_home_university (plan, "uestc", error);
}

static gboolean
set_host_university (PlanFixture *fx,
                     BridgePlan  *plan,
                     GError     **error)
{
  return bridge_plan_set_host_university (plan, "uestc", error);
}

static gboolean
set_dates (PlanFixture *fx,
           BridgePlan  *plan,
           GError     **error)
{
  return bridge_plan_set_dates (plan, "2026-09-01", "2027-02-20", error);
}

static gboolean
set_academic_year (PlanFixture *fx,
                   BridgePlan  *plan,
                   GError     **error)
{
  return bridge_plan_set_academic_year (plan, "2027/2028", error);
}

static gboolean
set_provisions (PlanFixture *fx,
                BridgePlan  *plan,
                GError     **error)
{
  return bridge_plan_set_provisions (plan, "Lab hours count double.", error);
}

static gboolean
add_group (PlanFixture *fx,
           BridgePlan  *plan,
           GError     **error)
{
  const char *host[] = { "cqu:ma101", NULL };

  return bridge_plan_add_group (plan, fx->catalog, host, NULL, error) != NULL;
}

static gboolean
add_course (PlanFixture *fx,
            BridgePlan  *plan,
            GError     **error)
{
  return bridge_plan_add_course (plan, fx->catalog, group (plan, "g1"), BRIDGE_PLAN_SIDE_HOST,
                                 "cqu:ma101", error);
}

static gboolean
insert_component (PlanFixture *fx,
                  BridgePlan  *plan,
                  GError     **error)
{
  g_autoptr(BridgePlanComponent) c = bridge_plan_component_new_bare ("cqu:ma101", "MA101");

  return bridge_plan_insert_component (plan, group (plan, "g1"), BRIDGE_PLAN_SIDE_HOST, -1, c, error);
}

static gboolean
remove_component (PlanFixture *fx,
                  BridgePlan  *plan,
                  GError     **error)
{
  g_autoptr(BridgePlanComponent) c = NULL;

  c = bridge_plan_remove_component (plan, group (plan, "g2"), BRIDGE_PLAN_SIDE_HOST, "cqu:cs302", NULL, error);
  return c != NULL;
}

static gboolean
remove_group (PlanFixture *fx,
              BridgePlan  *plan,
              GError     **error)
{
  g_autoptr(BridgePlanGroup) removed = bridge_plan_remove_group (plan, group (plan, "g1"), NULL, error);

  return removed != NULL;
}

static gboolean
insert_group (PlanFixture *fx,
              BridgePlan  *plan,
              GError     **error)
{
  g_autoptr(BridgePlan) other = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlanGroup) g3 = NULL;
  const char *host[] = { "cqu:ma101", NULL };

  g_assert_nonnull (bridge_plan_add_group (other, fx->catalog, host, NULL, NULL));
  g3 = bridge_plan_remove_group (other, group (other, "g3"), NULL, NULL);
  g_assert_nonnull (g3);
  return bridge_plan_insert_group (plan, 0, g3, error);
}

static gboolean
move_component (PlanFixture *fx,
                BridgePlan  *plan,
                GError     **error)
{
  return bridge_plan_move_component (plan, group (plan, "g2"), BRIDGE_PLAN_SIDE_HOME, "scu:cs306",
                                     group (plan, "g1"), error);
}

static gboolean
move_group (PlanFixture *fx,
            BridgePlan  *plan,
            GError     **error)
{
  return bridge_plan_move_group (plan, group (plan, "g2"), 0, error);
}

static gboolean
set_component_flags (PlanFixture *fx,
                     BridgePlan  *plan,
                     GError     **error)
{
  return bridge_plan_set_component_flags (plan, group (plan, "g1"), BRIDGE_PLAN_SIDE_HOST, "cqu:cs301",
                                          TRUE, TRUE, error);
}

static gboolean
withdraw_approval (PlanFixture *fx,
                   BridgePlan  *plan,
                   GError     **error)
{
  return bridge_plan_withdraw_approval (plan, BRIDGE_PLAN_ROLE_SENDING, error);
}

static const LockedCase cases[] = {
  { "/plan/locked/set-student", set_student, "propose a change" },
  { "/plan/locked/set-student-name", set_student_name, "propose a change" },
  { "/plan/locked/set-institution", set_institution, "propose a change" },
  { "/plan/locked/set-home-university", set_home_university, "propose a change" },
  { "/plan/locked/set-host-university", set_host_university, "propose a change" },
  { "/plan/locked/set-dates", set_dates, "propose a change" },
  { "/plan/locked/set-academic-year", set_academic_year, "propose a change" },
  { "/plan/locked/set-provisions", set_provisions, "propose a change" },
  { "/plan/locked/add-group", add_group, "propose a change" },
  { "/plan/locked/add-course", add_course, "propose a change" },
  { "/plan/locked/insert-component", insert_component, "propose a change" },
  { "/plan/locked/remove-component", remove_component, "propose a change" },
  { "/plan/locked/remove-group", remove_group, "propose a change" },
  { "/plan/locked/insert-group", insert_group, "propose a change" },
  { "/plan/locked/move-component", move_component, "propose a change" },
  { "/plan/locked/move-group", move_group, "propose a change" },
  { "/plan/locked/set-component-flags", set_component_flags, "propose a change" },
  { "/plan/locked/withdraw-approval", withdraw_approval, "can no longer be withdrawn" },
};

static void
test_locked (PlanFixture   *fx,
             gconstpointer  data)
{
  const LockedCase *c = data;
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  plan_fixture_approve_all (plan);
  g_assert_true (bridge_plan_get_locked (plan));
  before = bridge_plan_get_digest (plan);

  g_assert_false (c->edit (fx, plan, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_PLAN_LOCKED);
  g_assert_nonnull (strstr (error->message, c->says));

  /* Nothing changed: the file is the one that was approved. */
  after = bridge_plan_get_digest (plan);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (bridge_plan_get_locked (plan));
  g_assert_cmpint (bridge_plan_get_approval_state (plan, NULL), ==, BRIDGE_PLAN_APPROVAL_STATE_APPROVED);
}

/* Review stays open while locked: not a refused change. */
static void
test_review_allowed (PlanFixture   *fx,
                     gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;

  plan_fixture_approve_all (plan);
  g_assert_true (bridge_plan_set_group_comment (plan, group (plan, "g1"), "Check the lab hours", &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_set_component_comment (plan, group (plan, "g1"), BRIDGE_PLAN_SIDE_HOST,
                                                    "cqu:cs301", "Ask for the syllabus", &error));
  g_assert_no_error (error);
  g_assert_cmpint (bridge_plan_get_approval_state (plan, NULL), ==, BRIDGE_PLAN_APPROVAL_STATE_APPROVED);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add (cases[i].path, PlanFixture, &cases[i], plan_fixture_set_up, test_locked, plan_fixture_tear_down);
  g_test_add ("/plan/locked/review-allowed", PlanFixture, NULL, plan_fixture_set_up, test_review_allowed,
              plan_fixture_tear_down);

  return g_test_run ();
}
