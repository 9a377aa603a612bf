/* test-plan-precedent.c: the plan knows the decisions of the register
 *
 * A group that matches a valid decision is recognised by it (a note, not a
 * warning); one that matches only an expired decision is warned about; the
 * decision's conditions are checked against the grades after the stay.
 * The register is plan_fixture_catalog_with_register ()'s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <locale.h>
#include <string.h>

#include "bridge-plan.h"
#include "plan-fixture.h"

/* The messages of the warnings of @kind for @group_id (and @course_id
 * unless NULL), in order (transfer container). */
static GPtrArray *
messages_of (GPtrArray             *warnings,
             BridgePlanWarningKind  kind,
             const char            *group_id,
             const char            *course_id)
{
  GPtrArray *messages = g_ptr_array_new ();

  for (guint i = 0; i < warnings->len; i++)
    {
      BridgePlanWarning *w = g_ptr_array_index (warnings, i);

      if (w->kind == kind && g_strcmp0 (w->group_id, group_id) == 0
          && (course_id == NULL || g_strcmp0 (w->course_id, course_id) == 0))
        g_ptr_array_add (messages, w->message);
    }
  return messages;
}

static guint
count_warnings (GPtrArray             *warnings,
                BridgePlanWarningKind  kind,
                const char            *group_id,
                const char            *course_id)
{
  g_autoptr(GPtrArray) messages = messages_of (warnings, kind, group_id, course_id);

  return messages->len;
}

/* The only message of its kind for @group_id. */
static void
assert_message (GPtrArray             *warnings,
                BridgePlanWarningKind  kind,
                const char            *group_id,
                const char            *expected)
{
  g_autoptr(GPtrArray) messages = messages_of (warnings, kind, group_id, NULL);

  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (messages, 0), ==, expected);
}

static gboolean
any_precedent_warning (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      BridgePlanWarningKind kind = ((BridgePlanWarning *) g_ptr_array_index (warnings, i))->kind;

      if (kind == BRIDGE_PLAN_WARNING_PRECEDENT_EXPIRED || kind == BRIDGE_PLAN_WARNING_CONDITION_NOT_MET
          || kind == BRIDGE_PLAN_WARNING_CONDITION_TO_CHECK)
        return TRUE;
    }
  return FALSE;
}

static BridgePlanGroup *
add_group (BridgePlan    *plan,
           BridgeCatalog *catalog,
           const char    *host,
           const char    *home)
{
  g_autoptr(GError) error = NULL;
  const char *hosts[] = { host, NULL };
  const char *homes[] = { home, NULL };
  BridgePlanGroup *group = bridge_plan_add_group (plan, catalog, hosts, homes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (group);
  return group;
}

/* g1 (cqu:cs301 → scu:cs305) is scu-2025-017: a note, with its reference. */
static void
test_valid (PlanFixture   *fx,
            gconstpointer  data)
{
  g_autoptr(BridgeCatalog) catalog = plan_fixture_catalog_with_register (fx);
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlanPrecedent) precedent = bridge_plan_find_precedent (plan, catalog, bridge_plan_get_group (plan, 0));
  g_autoptr(GPtrArray) warnings = bridge_plan_check (plan, catalog);

  g_assert_nonnull (precedent);
  g_assert_cmpstr (precedent->group_id, ==, "g1");
  g_assert_cmpstr (precedent->equivalence->id, ==, "scu-2025-017");
  g_assert_cmpstr (precedent->reference, ==, "SCU-2025-17");
  g_assert_false (precedent->expired);
  g_assert_cmpstr (precedent->note, ==, "Recognised by decision SCU-2025-17 (2025-06-01)");
  /* No grade yet: its condition waits for the grades. */
  g_assert_cmpint (precedent->conditions, ==, BRIDGE_PLAN_CONDITIONS_WAITING);
  /* A note, never a warning. */
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_PRECEDENT_EXPIRED, "g1", NULL), ==, 0);
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_CONDITION_TO_CHECK, "g1", NULL), ==, 0);
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_CONDITION_NOT_MET, "g1", NULL), ==, 0);
}

/* g2 (cqu:cs302 → scu:cs306) matches only scu-2021-004, expired. */
static void
test_expired (PlanFixture   *fx,
              gconstpointer  data)
{
  g_autoptr(BridgeCatalog) catalog = plan_fixture_catalog_with_register (fx);
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlanPrecedent) precedent = bridge_plan_find_precedent (plan, catalog, bridge_plan_get_group (plan, 1));
  g_autoptr(GPtrArray) warnings = bridge_plan_check (plan, catalog);
  const char *expected = "The decision SCU-2021-4 that recognised these courses expired on 2024-07-31; "
                         "ask the home university whether it still applies";

  g_assert_nonnull (precedent);
  g_assert_cmpstr (precedent->equivalence->id, ==, "scu-2021-004");
  g_assert_true (precedent->expired);
  g_assert_cmpstr (precedent->note, ==, expected);
  g_assert_cmpint (precedent->conditions, ==, BRIDGE_PLAN_CONDITIONS_NONE);
  assert_message (warnings, BRIDGE_PLAN_WARNING_PRECEDENT_EXPIRED, "g2", expected);
}

/* Groups the register does not know, and a catalog without a register:
 * no precedent and nothing new in the warnings. */
static void
test_none (PlanFixture   *fx,
           gconstpointer  data)
{
  g_autoptr(BridgeCatalog) catalog = plan_fixture_catalog_with_register (fx);
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  BridgePlanGroup *g1 = bridge_plan_get_group (plan, 0);
  BridgePlanGroup *other;

  /* Another home course: no longer the decision's group. */
  g_assert_true (bridge_plan_add_course (plan, fx->catalog, g1, BRIDGE_PLAN_SIDE_HOME, "scu:ma120", &error));
  g_assert_no_error (error);
  g_assert_null (bridge_plan_find_precedent (plan, catalog, g1));
  /* A host course the register does not name. */
  other = add_group (plan, fx->catalog, "cqu:cs201", "scu:cs305");
  g_assert_null (bridge_plan_find_precedent (plan, catalog, other));
  {
    g_autoptr(GPtrArray) warnings = bridge_plan_check (plan, catalog);

    g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_PRECEDENT_EXPIRED, "g2", NULL), ==, 1);
    g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_PRECEDENT_EXPIRED, "g1", NULL), ==, 0);
  }
  /* The catalog without a register. */
  {
    g_autoptr(BridgePlan) plain = plan_fixture_make_plan (fx);
    g_autoptr(GPtrArray) warnings = bridge_plan_check (plain, fx->catalog);

    g_assert_null (bridge_plan_find_precedent (plain, fx->catalog, bridge_plan_get_group (plain, 0)));
    g_assert_null (bridge_plan_find_precedent (plain, fx->catalog, bridge_plan_get_group (plain, 1)));
    g_assert_false (any_precedent_warning (warnings));
  }
}

/* A group with no home course matches a decision of free elective credits;
 * without a reference, the decision's id names it. */
static void
test_elective (PlanFixture   *fx,
               gconstpointer  data)
{
  g_autoptr(BridgeCatalog) catalog = plan_fixture_catalog_with_register (fx);
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  BridgePlanGroup *group = add_group (plan, fx->catalog, "cqu:ma101", NULL);
  g_autoptr(BridgePlanPrecedent) precedent = bridge_plan_find_precedent (plan, catalog, group);

  g_assert_nonnull (precedent);
  g_assert_cmpstr (precedent->equivalence->id, ==, "scu-2024-010");
  g_assert_true (bridge_equivalence_is_elective (precedent->equivalence));
  g_assert_cmpstr (precedent->reference, ==, "scu-2024-010");
  g_assert_cmpstr (precedent->note, ==, "Recognised by decision scu-2024-010 (2024-09-10)");
  /* The same host course replacing a home course is another decision. */
  {
    BridgePlanGroup *replacing = add_group (plan, fx->catalog, "cqu:ma101", "scu:ma120");

    g_assert_null (bridge_plan_find_precedent (plan, catalog, replacing));
  }
}

/* "with at least B": B and A meet it, C is warned about, naming the course,
 * the grade and the condition. */
static void
test_condition (PlanFixture   *fx,
                gconstpointer  data)
{
  g_autoptr(BridgeCatalog) catalog = plan_fixture_catalog_with_register (fx);
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  BridgePlanGroup *g1 = bridge_plan_get_group (plan, 0);
  const struct { const char *grade; BridgePlanConditionsState state; } cases[] = {
    { "B", BRIDGE_PLAN_CONDITIONS_MET },
    { "A", BRIDGE_PLAN_CONDITIONS_MET },
    { "85", BRIDGE_PLAN_CONDITIONS_MET },          /* a mark in the band of B */
    { "C", BRIDGE_PLAN_CONDITIONS_NOT_MET },
    { "79", BRIDGE_PLAN_CONDITIONS_NOT_MET },
    { "F", BRIDGE_PLAN_CONDITIONS_NOT_MET },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BridgePlanPrecedent) precedent = NULL;
      g_autoptr(GPtrArray) warnings = NULL;

      g_test_message ("grade %s", cases[i].grade);
      g_assert_true (bridge_plan_set_grade (plan, catalog, "cqu:cs301", cases[i].grade, &error));
      g_assert_no_error (error);
      precedent = bridge_plan_find_precedent (plan, catalog, g1);
      g_assert_cmpint (precedent->conditions, ==, cases[i].state);
      warnings = bridge_plan_check (plan, catalog);
      g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_CONDITION_NOT_MET, "g1", "cqu:cs301"), ==,
                        cases[i].state == BRIDGE_PLAN_CONDITIONS_NOT_MET ? 1 : 0);
      g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_CONDITION_TO_CHECK, "g1", NULL), ==, 0);
      if (g_str_equal (cases[i].grade, "C"))
        assert_message (warnings, BRIDGE_PLAN_WARNING_CONDITION_NOT_MET, "g1",
                        "Operating Systems (CS301): the grade C is below the B that decision SCU-2025-17 asks for "
                        "(“with at least B in each host course”); ask the home university whether the course is "
                        "still recognised");
    }
}

/* "with at least 良好" names no grade of cqu's A–F scale: once a grade is
 * in, it is for the advisor, never met. */
static void
test_condition_to_check (PlanFixture   *fx,
                         gconstpointer  data)
{
  g_autoptr(BridgeCatalog) catalog = plan_fixture_catalog_with_register (fx);
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  BridgePlanGroup *group = add_group (plan, fx->catalog, "cqu:cs201", "scu:ma120");
  const char *id = bridge_plan_group_get_id (group);

  {
    g_autoptr(BridgePlanPrecedent) precedent = bridge_plan_find_precedent (plan, catalog, group);
    g_autoptr(GPtrArray) warnings = bridge_plan_check (plan, catalog);

    g_assert_cmpstr (precedent->reference, ==, "SCU-2025-20");
    g_assert_cmpint (precedent->conditions, ==, BRIDGE_PLAN_CONDITIONS_WAITING);
    g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_CONDITION_TO_CHECK, id, NULL), ==, 0);
  }
  g_assert_true (bridge_plan_set_grade (plan, catalog, "cqu:cs201", "A", &error));
  g_assert_no_error (error);
  {
    g_autoptr(BridgePlanPrecedent) precedent = bridge_plan_find_precedent (plan, catalog, group);
    g_autoptr(GPtrArray) warnings = bridge_plan_check (plan, catalog);

    g_assert_cmpint (precedent->conditions, ==, BRIDGE_PLAN_CONDITIONS_TO_CHECK);
    g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_CONDITION_NOT_MET, id, NULL), ==, 0);
    assert_message (warnings, BRIDGE_PLAN_WARNING_CONDITION_TO_CHECK, id,
                    "To be checked by the advisor: with at least 良好 in each host course (a condition of decision "
                     "SCU-2025-20, which names no grade of the host’s scale)");
  }
}

/* plan show --json: each group's "precedent", added beside what was there. */
static void
test_summary_json (PlanFixture   *fx,
                   gconstpointer  data)
{
  g_autoptr(BridgeCatalog) catalog = plan_fixture_catalog_with_register (fx);
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *groups;
  JsonObject *g1, *g2, *p1, *p2;

  add_group (plan, fx->catalog, "cqu:cs201", NULL);
  g_assert_true (bridge_plan_set_grade (plan, catalog, "cqu:cs301", "C", &error));
  g_assert_no_error (error);
  root = bridge_plan_summary_to_json (plan, catalog);
  groups = json_object_get_array_member (json_node_get_object (root), "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 3);
  g1 = json_array_get_object_element (groups, 0);
  g2 = json_array_get_object_element (groups, 1);
  g_assert_true (json_object_has_member (g1, "totals"));
  g_assert_true (json_object_has_member (g1, "unknown_courses"));
  p1 = json_object_get_object_member (g1, "precedent");
  g_assert_cmpstr (json_object_get_string_member (p1, "equivalence"), ==, "scu-2025-017");
  g_assert_cmpstr (json_object_get_string_member (p1, "reference"), ==, "SCU-2025-17");
  g_assert_cmpstr (json_object_get_string_member (p1, "decided"), ==, "2025-06-01");
  g_assert_cmpstr (json_object_get_string_member (p1, "valid_until"), ==, "2099-12-31");
  g_assert_false (json_object_get_boolean_member (p1, "expired"));
  g_assert_false (json_object_get_boolean_member (p1, "elective"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (p1, "conditions"), "en"), ==,
                   "with at least B in each host course");
  g_assert_cmpstr (json_object_get_string_member (p1, "conditions_state"), ==, "not-met");
  g_assert_cmpstr (json_object_get_string_member (p1, "note"), ==, "Recognised by decision SCU-2025-17 (2025-06-01)");
  p2 = json_object_get_object_member (g2, "precedent");
  g_assert_cmpstr (json_object_get_string_member (p2, "equivalence"), ==, "scu-2021-004");
  g_assert_true (json_object_get_boolean_member (p2, "expired"));
  g_assert_true (json_object_get_null_member (p2, "conditions"));
  g_assert_cmpstr (json_object_get_string_member (p2, "conditions_state"), ==, "none");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (groups, 2), "precedent"));
  /* The warnings say it too, with their kinds. */
  {
    JsonArray *warnings = json_object_get_array_member (json_node_get_object (root), "warnings");
    gboolean expired = FALSE, not_met = FALSE;

    for (guint i = 0; i < json_array_get_length (warnings); i++)
      {
        JsonObject *w = json_array_get_object_element (warnings, i);
        const char *kind = json_object_get_string_member (w, "kind");

        expired |= g_str_equal (kind, "precedent-expired") && g_strcmp0 (json_object_get_string_member (w, "group"), "g2") == 0;
        not_met |= g_str_equal (kind, "condition-not-met")
                   && g_strcmp0 (json_object_get_string_member (w, "course"), "cqu:cs301") == 0;
      }
    g_assert_true (expired);
    g_assert_true (not_met);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) \
  g_test_add (name, PlanFixture, NULL, plan_fixture_set_up, fn, plan_fixture_tear_down)

  ADD ("/plan/precedent/valid", test_valid);
  ADD ("/plan/precedent/expired", test_expired);
  ADD ("/plan/precedent/none", test_none);
  ADD ("/plan/precedent/elective", test_elective);
  ADD ("/plan/precedent/condition", test_condition);
  ADD ("/plan/precedent/condition-to-check", test_condition_to_check);
  ADD ("/plan/precedent/summary-json", test_summary_json);
  return g_test_run ();
}
