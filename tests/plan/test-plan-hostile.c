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
#include "bridge-plan-export.h"
#include "bridge-plan.h"
#include "bridge-plan-pdf.h"
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

/* A plan of many groups, the last id repeated: refused, naming the place
 * (the loader checks ids with a set now, not a scan per group). */
static void
test_plan_repeated_group_id (void)
{
  g_autoptr(GString) data = g_string_new ("{\"format\": \"credit-bridge-plan\", \"version\": 2, \"groups\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlan) plan = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (data, "{\"id\": \"g%u\", \"host\": [{\"course\": \"cqu:cs301\"}]},", i + 1);
  g_string_append (data, "{\"id\": \"g17\"}]}");
  plan = bridge_plan_new_from_data (data->str, -1, &error);
  g_assert_null (plan);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, "$.groups[5000]: the group id “g17” repeats"));

  g_string_truncate (data, data->len - strlen (",{\"id\": \"g17\"}]}"));
  g_string_append (data, "]}");
  g_clear_error (&error);
  plan = bridge_plan_new_from_data (data->str, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan), ==, 5000);
}

static char *
words (guint       n,
       const char *word)
{
  g_autoptr(GString) query = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (query, "%s%s", i ? " " : "", word);
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* A search of more words than a person types is refused, saying the limit. */
static void
test_search_too_many_words (PlanFixture   *fx,
                            gconstpointer  data)
{
  g_autofree char *most = words (BRIDGE_SEARCH_MAX_WORDS, "os");
  g_autofree char *more = words (BRIDGE_SEARCH_MAX_WORDS + 1, "os");
  g_autofree char *many = words (5000, "数据");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *refused;

  found = bridge_catalog_search (fx->catalog, most, NULL, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);

  refused = bridge_catalog_search (fx->catalog, more, NULL, 10, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "The search has 33 words; a search has at most 32. Use fewer words.");
  g_clear_error (&error);

  g_assert_null (bridge_catalog_search_ids (fx->catalog, many, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "a search has at most 256"));
}

static void
test_search_too_long (PlanFixture   *fx,
                      gconstpointer  data)
{
  g_autofree char *most = g_strnfill (BRIDGE_SEARCH_MAX_CHARS, 'a');
  g_autofree char *more = g_strnfill (BRIDGE_SEARCH_MAX_CHARS + 1, 'a');
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;

  found = bridge_catalog_search (fx->catalog, most, NULL, 10, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_null (bridge_catalog_search (fx->catalog, more, NULL, 10, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "The search is 257 characters long; a search has at most 256. Shorten it.");
}

/* A 3,000-character word in the PDF (one page): laid out (in linear time, see
 * tests/bench/bench-hostile.sh) and printed whole, with no trace of the
 * break opportunities given to pango; the digest stays whole too. */
static void
test_pdf_long_word (PlanFixture   *fx,
                    gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fx->dir, "long.pdf", NULL);
  g_autofree char *word = g_strnfill (3000, 'x');
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  const char *argv[] = { "pdftotext", "-f", "1", "-l", "400", pdf, "-", NULL };
  int status;

  g_assert_true (bridge_plan_set_student_name (plan, word, &error));
  g_assert_no_error (error);
  digest = bridge_plan_get_agreement_digest (plan);
  g_assert_true (bridge_plan_export_pdf (plan, fx->catalog, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (strstr (text, "\u200b"));
  g_assert_nonnull (strstr (text, digest));
  for (const char *p = text; *p; p++)
    if (*p != '\n')
      g_string_append_c (joined, *p);
  g_assert_nonnull (strstr (joined->str, word));
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
  g_test_add_func ("/plan/hostile/repeated-group-id", test_plan_repeated_group_id);
  ADD ("/plan/hostile/search-too-many-words", test_search_too_many_words);
  ADD ("/plan/hostile/search-too-long", test_search_too_long);
  ADD ("/plan/hostile/pdf-long-word", test_pdf_long_word);

  return g_test_run ();
}
