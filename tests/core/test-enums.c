/* test-enums.c: the words of the feed, the plan file and the settings for
 * the engine's enumerations
 *
 * The words are file formats: this test writes each one out, so a renamed
 * value or a changed nick in bridge-*-enums.h fails here, not in a user's
 * saved plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "bridge-credit.h"
#include "bridge-credit-enums.h"
#include "bridge-enum.h"
#include "bridge-grading.h"
#include "bridge-model.h"
#include "bridge-model-enums.h"
#include "bridge-plan.h"
#include "bridge-plan-enums.h"

/* The public functions of each enumeration, with int values. An enumeration
 * without a from_string () of its own is read with bridge_enum_from_nick (). */
#define WRAP_TO(name, Type) \
  static const char *name##_to (int v) { return bridge_##name##_to_string ((Type) v); }
#define WRAP_FROM(name, Type) \
  static gboolean name##_from (const char *s, int *v) \
  { \
    Type t; \
    if (!bridge_##name##_from_string (s, &t)) \
      return FALSE; \
    *v = (int) t; \
    return TRUE; \
  }

WRAP_TO (kind, BridgeKind)
WRAP_TO (cycle, BridgeCycle)
WRAP_FROM (cycle, BridgeCycle)
WRAP_TO (level, BridgeLevel)
WRAP_FROM (level, BridgeLevel)
WRAP_TO (delivery, BridgeDelivery)
WRAP_FROM (delivery, BridgeDelivery)
WRAP_TO (credit_rounding, BridgeCreditRounding)
WRAP_FROM (credit_rounding, BridgeCreditRounding)
WRAP_TO (workload_source, BridgeWorkloadSource)
WRAP_TO (grade_rule, BridgeGradeRule)
WRAP_FROM (grade_rule, BridgeGradeRule)
WRAP_TO (plan_group_status, BridgePlanGroupStatus)
WRAP_FROM (plan_group_status, BridgePlanGroupStatus)
WRAP_TO (plan_role, BridgePlanRole)
WRAP_FROM (plan_role, BridgePlanRole)
WRAP_TO (change_reason, BridgeChangeReason)
WRAP_FROM (change_reason, BridgeChangeReason)

typedef struct
{
  const char *path;
  GType     (*get_type) (void);
  const char *(*to_string) (int value);                     /* NULL: none */
  gboolean  (*from_string) (const char *str, int *value);   /* NULL: none */
  const char *words[16];                                      /* by value, from 0 */
} EnumCase;

static const EnumCase cases[] = {
  { "/enums/kind", bridge_kind_get_type, kind_to, NULL,
    { "lecture", "lab", "seminar" } },
  { "/enums/cycle", bridge_cycle_get_type, cycle_to, cycle_from,
    { "bachelor", "master", "doctoral" } },
  { "/enums/level", bridge_level_get_type, level_to, level_from,
    { "general", "foundation", "core", "elective" } },
  { "/enums/delivery", bridge_delivery_get_type, delivery_to, delivery_from,
    { "on-campus", "online", "blended" } },
  { "/enums/credit-rounding", bridge_credit_rounding_get_type, credit_rounding_to, credit_rounding_from,
    { "down", "nearest" } },
  { "/enums/workload-source", bridge_workload_source_get_type, workload_source_to, NULL,
    { "declared", "estimated" } },
  { "/enums/grade-rule", bridge_grade_rule_get_type, grade_rule_to, grade_rule_from,
    { "midpoint", "largest-overlap", "best", "worst" } },
  { "/enums/plan-group-status", bridge_plan_group_status_get_type, plan_group_status_to,
    plan_group_status_from,
    { "proposed", "approved", "needs-change", "rejected" } },
  { "/enums/plan-role", bridge_plan_role_get_type, plan_role_to, plan_role_from,
    { "student", "sending", "receiving" } },
  { "/enums/change-reason", bridge_change_reason_get_type, change_reason_to, change_reason_from,
    { "not-available", "language-mismatch", "timetable-conflict", "substituting-deleted",
      "extending-mobility", "adding-virtual-component", "other" } },
  /* plan show --json, for scripts */
  { "/enums/plan-approval-state", bridge_plan_approval_state_get_type, NULL, NULL,
    { "draft", "approved", "approved-unbound", "broken" } },
  { "/enums/plan-warning-kind", bridge_plan_warning_kind_get_type, NULL, NULL,
    { "unknown-course", "fewer-credits", "term-load", "prerequisite", "duplicate",
      "not-offered", "language", "empty-group", "modified-after-approval", "precedent-expired",
      "condition-not-met", "condition-to-check", "certificate-overlap", "course-changed" } },
  { "/enums/plan-conditions-state", bridge_plan_conditions_state_get_type, NULL, NULL,
    { "none", "waiting", "met", "not-met", "to-check" } },
};

/* Near misses of real words, none of which any enumeration accepts. */
static const char * const unknown[] = {
  "", "Lecture", "LAB", " seminar", "bachelor ", "on_campus", "oncampus",
  "needs change", "adding-virtual", "BRIDGE_KIND_LECTURE", "BRIDGE_PLAN_ROLE_STUDENT",
  "0", "1", "n-kinds", "n-roles", "lecture\n", "学士",
};

static void
test_enum (gconstpointer data)
{
  const EnumCase *c = data;
  GType type = c->get_type ();
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  guint n_words = 0;

  while (n_words < G_N_ELEMENTS (c->words) && c->words[n_words] != NULL)
    n_words++;
  /* Every value the type has is written out above, and no sentinel
   * (BRIDGE_N_KINDS, BRIDGE_PLAN_N_ROLES) has a word. */
  g_assert_cmpuint (klass->n_values, ==, n_words);
  g_assert_cmpint (klass->minimum, ==, 0);
  g_assert_cmpint (klass->maximum, ==, (int) n_words - 1);

  for (guint i = 0; i < n_words; i++)
    {
      int value = -1;

      g_test_message ("%s %u: %s", g_type_name (type), i, c->words[i]);
      if (c->to_string != NULL)
        g_assert_cmpstr (c->to_string ((int) i), ==, c->words[i]);
      g_assert_cmpstr (bridge_enum_to_nick (type, (int) i), ==, c->words[i]);
      g_assert_true (bridge_enum_from_nick (type, c->words[i], &value));
      g_assert_cmpint (value, ==, (int) i);
      if (c->from_string != NULL)
        {
          value = -1;
          g_assert_true (c->from_string (c->words[i], &value));
          g_assert_cmpint (value, ==, (int) i);
        }
    }

  /* An unknown word is refused and leaves the value alone. */
  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      int value = 42;

      g_assert_false (bridge_enum_from_nick (type, unknown[i], &value));
      g_assert_cmpint (value, ==, 42);
      if (c->from_string != NULL)
        {
          g_assert_false (c->from_string (unknown[i], &value));
          g_assert_cmpint (value, ==, 42);
        }
    }
  {
    int value = 42;

    g_assert_false (bridge_enum_from_nick (type, NULL, &value));
    g_assert_cmpint (value, ==, 42);
    if (c->from_string != NULL)
      {
        g_assert_false (c->from_string (NULL, &value));
        g_assert_cmpint (value, ==, 42);
      }
  }

  /* A value out of range is a programming error: a critical and NULL. */
  if (c->to_string == NULL)
    return;
  if (g_test_subprocess ())
    {
      c->to_string ((int) n_words + 3);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*");
}

/* The GLib critical when the value is unknown, without aborting: NULL. */
static void
test_out_of_range (void)
{
  g_test_expect_message ("bridge-enum", G_LOG_LEVEL_CRITICAL, "*v != NULL*");
  g_assert_null (bridge_enum_to_nick (BRIDGE_TYPE_CYCLE, 7));
  g_test_assert_expected_messages ();
  g_test_expect_message ("bridge-enum", G_LOG_LEVEL_CRITICAL, "*v != NULL*");
  g_assert_null (bridge_enum_to_nick (BRIDGE_TYPE_PLAN_ROLE, BRIDGE_PLAN_N_ROLES));
  g_test_assert_expected_messages ();
  g_test_expect_message ("bridge-enum", G_LOG_LEVEL_CRITICAL, "*v != NULL*");
  g_assert_null (bridge_enum_to_nick (BRIDGE_TYPE_KIND, -1));
  g_test_assert_expected_messages ();
}

/* The feed reader's message lists the words a member allows. */
static void
test_join_nicks (void)
{
  g_autofree char *cycles = bridge_enum_join_nicks (BRIDGE_TYPE_CYCLE, "”, “");
  g_autofree char *kinds = bridge_enum_join_nicks (BRIDGE_TYPE_KIND, ", ");

  g_assert_cmpstr (cycles, ==, "bachelor”, “master”, “doctoral");
  g_assert_cmpstr (kinds, ==, "lecture, lab, seminar");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], test_enum);
  g_test_add_func ("/enums/out-of-range", test_out_of_range);
  g_test_add_func ("/enums/join-nicks", test_join_nicks);

  return g_test_run ();
}
