/* test-plan-numbers.c: what the program loads it can save and load again
 *
 * A number a plan cannot hold (1e999, 4294967297 credits, 1.5 as a version
 * number, an integer json-glib would wrap) is refused on load with the JSON
 * path of the field, never written back as "inf.0"; an EWP import with
 * credits that are negative or not finite is refused, not written into a
 * plan that then cannot be opened (issue 15, item 3).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <locale.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-plan-export.h"
#include "bridge-plan.h"
#include "plan-fixture.h"

/* An approved plan with a changes proposal, grades and their conversion:
 * every kind of number a plan file holds. */
static BridgePlan *
make_full_plan (PlanFixture *fx)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GPtrArray) rec = NULL;
  g_autoptr(GError) error = NULL;

  plan_fixture_approve_all (plan);
  g_assert_true (bridge_plan_propose_delete (plan, bridge_plan_get_group (plan, 0), BRIDGE_PLAN_SIDE_HOST,
                                             "cqu:cs301", BRIDGE_CHANGE_REASON_NOT_AVAILABLE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_set_grade (plan, fx->catalog, "cqu:cs302", "85", &error));
  g_assert_no_error (error);
  rec = bridge_plan_convert_grades (plan, fx->catalog, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&plan);
}

/* @text with the value after the @nth (from 0) occurrence of @key replaced
 * by @value; the value ends at a ',' or a line end. */
static char *
replace_value (const char *text,
               const char *key,
               guint       nth,
               const char *value)
{
  const char *p = strstr (text, key);
  const char *end;

  for (guint i = 0; p != NULL && i < nth; i++)
    p = strstr (p + 1, key);
  g_assert_nonnull (p);
  p += strlen (key);
  end = p + strcspn (p, ",\n");
  return g_strdup_printf ("%.*s%s%s", (int) (p - text), text, value, end);
}

/* Loads @text, saves it, loads that: the same plan, or a failure on the first
 * load. Returns whether the first load succeeded. */
static gboolean
assert_round_trip (const char *text,
                   GError    **error)
{
  g_autoptr(BridgePlan) first = bridge_plan_new_from_data (text, -1, error);
  g_autoptr(BridgePlan) second = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autofree char *saved = NULL, *resaved = NULL;
  g_autofree char *d1 = NULL, *d2 = NULL;

  if (first == NULL)
    return FALSE;
  saved = bridge_plan_to_data (first, NULL);
  /* how json-glib writes what JSON cannot say */
  g_assert_null (strstr (saved, "inf.0"));
  g_assert_null (strstr (saved, "nan.0"));
  second = bridge_plan_new_from_data (saved, -1, &again_error);
  if (second == NULL)
    g_error ("what loaded does not load again after a save: %s\n%s", again_error->message, saved);
  resaved = bridge_plan_to_data (second, NULL);
  g_assert_cmpstr (saved, ==, resaved);
  d1 = bridge_plan_get_digest (first);
  d2 = bridge_plan_get_digest (second);
  g_assert_cmpstr (d1, ==, d2);
  return TRUE;
}

/* Bad numbers: each its own case ------------------------------------------ */

typedef struct
{
  const char *name;
  const char *key;                        /* where: the value after it */
  guint       nth;
  const char *value;
  const char *path;                       /* what the message must name */
  const char *says;
} BadNumber;

static const BadNumber bad_numbers[] = {
  { "credits-1e999", "\"credits\" : ", 0, "1e999", "$.groups[0].host[0].credits", "out of range" },
  { "credits-minus-1e999", "\"credits\" : ", 0, "-1e999", "$.groups[0].host[0].credits", "out of range" },
  { "credits-1e308", "\"credits\" : ", 0, "1e308", "$.groups[0].host[0].credits", "out of range" },
  { "credits-1e22", "\"credits\" : ", 0, "1e22", "$.groups[0].host[0].credits", "out of range" },
  { "credits-4294967297", "\"credits\" : ", 0, "4294967297", "$.groups[0].host[0]: “credits”", "from 0 to 1000000" },
  { "credits-negative", "\"credits\" : ", 0, "-1", "$.groups[0].host[0]: “credits”", "from 0 to 1000000" },
  /* json-glib wraps these to -1 and to 1 */
  { "credits-integer-past-64-bits", "\"credits\" : ", 0, "99999999999999999999",
    "$.groups[0].host[0].credits", "out of range" },
  { "credits-negative-integer-past-64-bits", "\"credits\" : ", 0, "-123456789012345678901234",
    "$.groups[0].host[0].credits", "out of range" },
  { "workload-1e999", "\"workload_hours\" : ", 1, "1e999", "$.groups[0].home[0].workload_hours", "out of range" },
  { "workload-too-large", "\"workload_hours\" : ", 0, "2000000", "$.groups[0].host[0]: “workload_hours”",
    "from 0 to 1000000" },
  { "version-1.5", "\"version\" : ", 1, "1.5", "$.versions[0]", "numbered 1, 2, 3… in order" },
  { "version-4294967297", "\"version\" : ", 1, "4294967297", "$.versions[0]: “version”", "from 0 to 1000000" },
  { "version-0", "\"version\" : ", 1, "0", "$.versions[0]", "numbered 1, 2, 3… in order" },
  { "version-negative", "\"version\" : ", 1, "-1", "$.versions[0]: “version”", "from 0 to 1000000" },
  { "version-1e999", "\"version\" : ", 1, "1e999", "$.versions[0].version", "out of range" },
  { "approved-content-credits-1e999", "\"credits\" : ", 4, "1e999", "$.versions[0].content.groups[0].host[0].credits",
    "out of range" },
  { "changes-credits-negative", "\"credits\" : ", 8, "-3", "$.changes_proposal.changes[0].component: “credits”",
    "from 0 to 1000000" },
  { "recognition-credits-1e999", "\"credits\" : ", 10, "1e999", "$.recognition[1].credits", "out of range" },
};

static void
test_bad_number (PlanFixture   *fx,
                 gconstpointer  data)
{
  const BadNumber *bad = data;
  g_autoptr(BridgePlan) plan = make_full_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = bridge_plan_to_data (plan, NULL);
  g_autofree char *changed = replace_value (text, bad->key, bad->nth, bad->value);
  g_autoptr(BridgePlan) loaded = NULL;

  g_assert_cmpstr (changed, !=, text);
  loaded = bridge_plan_new_from_data (changed, -1, &error);
  g_assert_null (loaded);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_test_message ("%s", error->message);
  if (strstr (error->message, bad->path) == NULL || strstr (error->message, bad->says) == NULL)
    g_error ("the message “%s” should name %s and say “%s”", error->message, bad->path, bad->says);
}

/* A member the application does not know, kept as it is in an approved
 * version, may not hold a number it would write back as "inf.0" either. */
static void
test_unknown_member (PlanFixture   *fx,
                     gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = make_full_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = bridge_plan_to_data (plan, NULL);
  const char *content = strstr (text, "\"content\" : {");
  g_autofree char *bad = NULL, *good = NULL;

  g_assert_nonnull (content);
  content += strlen ("\"content\" : {");
  bad = g_strdup_printf ("%.*s\"extra\" : [1, {\"deep\" : 1e999}],%s", (int) (content - text), text, content);
  g_assert_null (bridge_plan_new_from_data (bad, -1, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, "$.versions[0].content.extra[1].deep"));
  g_assert_nonnull (strstr (error->message, "1e999"));
  g_clear_error (&error);

  /* Large numbers it can hold exactly are kept, and round-trip. */
  good = g_strdup_printf ("%.*s\"extra\" : [999999999999999, -1e15, 0.1, \"1e999\", {\"k\\\"1e999\" : 2}],%s",
                          (int) (content - text), text, content);
  g_assert_true (assert_round_trip (good, &error));
  g_assert_no_error (error);
}

/* Every number of a full plan replaced in turn by each of these: refused on
 * load, or saved and loaded again as the same plan. */
static void
test_every_number (PlanFixture   *fx,
                   gconstpointer  data)
{
  static const char * const literals[] = {
    "0", "-0", "0.0", "1", "2.0", "1.5", "-1", "1e6", "1000000", "1000001", "1e-400", "4.9e-324",
    "1e15", "1e16", "1e17", "1e22", "1e308", "1e999", "-1e999", "4294967297", "9007199254740993",
    "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
    "99999999999999999999", "123456789012345678901234567890",
  };
  g_autoptr(BridgePlan) plan = make_full_plan (fx);
  g_autofree char *text = bridge_plan_to_data (plan, NULL);
  guint n_positions = 0, n_loaded = 0, n_refused = 0;

  for (const char *p = text; *p; p++)
    {
      gboolean in_string = FALSE;
      const char *end;

      /* the start of a number outside a string (counting quotes before it) */
      for (const char *q = text; q < p; q++)
        if (*q == '"' && (q == text || q[-1] != '\\'))
          in_string = !in_string;
      if (in_string || !(g_ascii_isdigit (*p) || *p == '-') || g_ascii_isdigit (p[-1]) || p[-1] == '.')
        continue;
      end = p + strspn (p, "0123456789+-.eE");
      n_positions++;
      for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
        {
          g_autofree char *changed = g_strdup_printf ("%.*s%s%s", (int) (p - text), text, literals[i], end);
          g_autoptr(GError) error = NULL;

          if (assert_round_trip (changed, &error))
            n_loaded++;
          else
            {
              g_assert_true (error->domain == BRIDGE_ERROR);
              g_assert_true (g_utf8_validate (error->message, -1, NULL));
              n_refused++;
            }
        }
      p = end - 1;
    }
  g_test_message ("%u numbers × %u values: %u loaded and round-tripped, %u refused",
                  n_positions, (guint) G_N_ELEMENTS (literals), n_loaded, n_refused);
  g_assert_cmpuint (n_positions, >=, 10);
  g_assert_cmpuint (n_loaded, >, 0);
  g_assert_cmpuint (n_refused, >, 0);
}

/* Round trips ----------------------------------------------------------------- */

static void
test_round_trip (PlanFixture   *fx,
                 gconstpointer  data)
{
  g_autoptr(BridgePlan) plain = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) full = make_full_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *plain_text = bridge_plan_to_data (plain, NULL);
  g_autofree char *full_text = bridge_plan_to_data (full, NULL);
  g_autofree char *path = g_build_filename (fx->dir, "full.creditplan", NULL);
  g_autoptr(BridgePlan) from_file = NULL;
  g_autofree char *file_text = NULL;
  const char * const hand_written[] = {
    "{\"format\": \"credit-bridge-plan\", \"version\": 1}",
    "{\"format\": \"credit-bridge-plan\", \"version\": 1, \"groups\": [{\"id\": \"g7\", \"host\": "
    "[{\"course\": \"x:y\", \"credits\": 1e6, \"workload_hours\": 0.1}], "
    "\"home\": [{\"course\": \"a:b\", \"credits\": 1e-400, \"workload_hours\": 1000000}]}]}",
    "{\"format\": \"credit-bridge-plan\", \"version\": 1, \"student\": {\"name\": \"\\u674e\\u534e \\\"Li\\\"\"}, "
    "\"grades\": {\"x:y\": \"A\"}, \"future\": [1, 2.5]}",
  };

  g_assert_true (assert_round_trip (plain_text, &error));
  g_assert_true (assert_round_trip (full_text, &error));
  for (guint i = 0; i < G_N_ELEMENTS (hand_written); i++)
    {
      g_test_message ("%s", hand_written[i]);
      g_assert_true (assert_round_trip (hand_written[i], &error));
      g_assert_no_error (error);
    }

  /* Through a file too. */
  g_assert_true (bridge_plan_save (full, path, &error));
  g_assert_no_error (error);
  from_file = bridge_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  file_text = bridge_plan_to_data (from_file, NULL);
  g_assert_cmpstr (file_text, ==, full_text);
}

/* EWP imports ------------------------------------------------------------------ */

static char *
minimal_la (void)
{
  g_autofree char *path = g_build_filename (PLAN_TEST_DIR, "minimal-la.xml", NULL);
  char *xml = NULL;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  return xml;
}

static void
test_ewp_round_trip (PlanFixture   *fx,
                     gconstpointer  data)
{
  g_autofree char *xml = minimal_la ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlan) plan = bridge_plan_new_from_ewp_xml (xml, -1, fx->catalog, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  text = bridge_plan_to_data (plan, NULL);
  g_assert_true (assert_round_trip (text, &error));
  g_assert_no_error (error);
}

static const char * const bad_credits[] = {
  "-3", "-0.5", "1e999", "-1e999", "inf", "nan", "NaN", "abc", "", "6 ECTS", "2000000", "1e308",
};

static void
test_ewp_bad_credits (PlanFixture   *fx,
                      gconstpointer  data)
{
  const char *value = data;
  g_autofree char *xml = minimal_la ();
  g_autofree char *bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  const char *good = "<value>6</value>";
  const char *at = strstr (xml, good);

  g_assert_nonnull (at);
  bad = g_strdup_printf ("%.*s<value>%s</value>%s", (int) (at - xml), xml, value, at + strlen (good));
  plan = bridge_plan_new_from_ewp_xml (bad, -1, fx->catalog, &error);
  g_assert_null (plan);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "INF-301"));
  g_assert_nonnull (strstr (error->message, "“ects”"));
  g_assert_nonnull (strstr (error->message, "not a number from 0 to"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_numbers); i++)
    {
      g_autofree char *name = g_strdup_printf ("/plan/numbers/refused/%s", bad_numbers[i].name);

      g_test_add (name, PlanFixture, &bad_numbers[i], plan_fixture_set_up, test_bad_number, plan_fixture_tear_down);
    }
  g_test_add ("/plan/numbers/unknown-member", PlanFixture, NULL, plan_fixture_set_up, test_unknown_member,
              plan_fixture_tear_down);
  g_test_add ("/plan/numbers/every-number", PlanFixture, NULL, plan_fixture_set_up, test_every_number,
              plan_fixture_tear_down);
  g_test_add ("/plan/numbers/round-trip", PlanFixture, NULL, plan_fixture_set_up, test_round_trip,
              plan_fixture_tear_down);
  g_test_add ("/plan/numbers/ewp-round-trip", PlanFixture, NULL, plan_fixture_set_up, test_ewp_round_trip,
              plan_fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (bad_credits); i++)
    {
      g_autofree char *name = g_strdup_printf ("/plan/numbers/ewp-refused/%u-%s", i,
                                               bad_credits[i][0] ? bad_credits[i] : "empty");

      g_strcanon (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-./", '-');

      g_test_add (name, PlanFixture, bad_credits[i], plan_fixture_set_up, test_ewp_bad_credits,
                  plan_fixture_tear_down);
    }

  return g_test_run ();
}
