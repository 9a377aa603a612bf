/* test-plan-hostile.c: hostile plan and EWP files are refused with a message
 *
 * Deep nesting (issue 15 item 5) and fields longer than a person ever needs
 * (item 13): each bad input is its own case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <locale.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-plan.h"
#include "plan-fixture.h"

/* About 200 KB of nested arrays, as a plan's "groups": json-glib recursed
 * once per level and crashed with SIGSEGV. */
static void
test_plan_nested_arrays (void)
{
  g_autoptr(GString) data = g_string_new ("{\"format\": \"credit-bridge-plan\", \"version\": 1, \"groups\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  guint n = 100000;

  for (guint i = 0; i < n; i++)
    g_string_append_c (data, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_c (data, ']');
  g_string_append_c (data, '}');
  g_assert_cmpuint (data->len, >=, 200000);

  plan = bridge_plan_new_from_data (data->str, (gssize) data->len, &error);
  g_assert_null (plan);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, "nested more than 64 levels"));
  g_assert_nonnull (strstr (error->message, "line 1, column"));
}

/* Objects nested in a string-free way, and brackets inside strings that
 * must not count. */
static void
test_plan_nested_objects (void)
{
  g_autoptr(GString) data = g_string_new ("{\"format\": \"credit-bridge-plan\", \"version\": 1, \"student\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlan) plan = NULL;

  for (guint i = 0; i < 70; i++)
    g_string_append (data, "{\"a\":\n");
  g_string_append (data, "1");
  for (guint i = 0; i < 70; i++)
    g_string_append_c (data, '}');
  g_string_append_c (data, '}');

  plan = bridge_plan_new_from_data (data->str, (gssize) data->len, &error);
  g_assert_null (plan);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  /* The 64th object of the student is on line 64 (the plan's own is 1). */
  g_assert_nonnull (strstr (error->message, "line 64, column 1:"));
}

static void
test_plan_brackets_in_strings (void)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlan) plan = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (name, "[{\\\"");
  data = g_string_new (NULL);
  g_string_printf (data, "{\"format\": \"credit-bridge-plan\", \"version\": 1, "
                         "\"student\": {\"name\": \"%s\"}}", name->str);
  plan = bridge_plan_new_from_data (data->str, (gssize) data->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (strlen (bridge_plan_get_student_name (plan)), ==, 300);
}

/* About 3 MB of nested elements inside the la: the importer's own tree was
 * freed recursively and crashed in node_free (). */
static void
test_ewp_nested_elements (PlanFixture   *fx,
                          gconstpointer  data)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                         "<omobility-las-get-response xmlns=\"https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/get-response.xsd\">"
                                         "<la>");
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  guint n = 500000;

  for (guint i = 0; i < n; i++)
    g_string_append (xml, "<a>");
  for (guint i = 0; i < n; i++)
    g_string_append (xml, "</a>");
  g_string_append (xml, "</la></omobility-las-get-response>\n");
  g_assert_cmpuint (xml->len, >=, 3000000);

  plan = bridge_plan_new_from_ewp_xml (xml->str, (gssize) xml->len, fx->catalog, &error);
  g_assert_null (plan);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, "nested more than 64 levels"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) \
  g_test_add (name, PlanFixture, NULL, plan_fixture_set_up, fn, plan_fixture_tear_down)

  g_test_add_func ("/plan/hostile/nested-arrays", test_plan_nested_arrays);
  g_test_add_func ("/plan/hostile/nested-objects", test_plan_nested_objects);
  g_test_add_func ("/plan/hostile/brackets-in-strings", test_plan_brackets_in_strings);
  ADD ("/plan/hostile/ewp-nested-elements", test_ewp_nested_elements);

  return g_test_run ();
}
