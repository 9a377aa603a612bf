/* test-suggest.c: explained suggestions where the register is silent
 *
 * feeds/suggest/ has the home course sa:ds200 数据结构 / Data Structures
 * (0613, bachelor, core, 3 credits, three learning outcomes) at sa, whose
 * hours per credit are 36; one decision (sa-2026-001: cb:ds220 for
 * sa:ds200); and around it courses that differ from one another in one
 * rule each: cc:ds150 and cc:ds160 only in workload, cc:dst400 and cc:dst500
 * only in cycle, cb:is613, cb:is612 and cb:is688 only in field; cb:lab1
 * shares Chinese title words only, cb:sda1 English ones only, cb:cry1 a
 * single character (结) only; cb:ds210 is the best match (title in both
 * languages, outcomes, workload, spring, English).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bridge-catalog.h"
#include "bridge-recognize.h"

typedef struct
{
  char          *dir;
  char          *db;
  BridgeCatalog *catalog;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *feed = g_test_build_filename (G_TEST_DIST, "feeds", "suggest", "feed.json", NULL);
  g_autoptr(BridgeImportReport) report = NULL;

  fixture->dir = g_dir_make_tmp ("bridge-suggest-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "catalog.db", NULL);
  fixture->catalog = bridge_catalog_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_import (fixture->catalog, feed, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->courses, ==, 15);
  g_assert_cmpuint (report->warnings->len, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->catalog);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* What every answer must hold: precedents first, then suggestions best
 * first (score, then host course id), each with one course a side, reasons,
 * a score in [0, 1], and never a host course of the home university. */
static void
check_options (GPtrArray  *options,
               const char *home)
{
  const BridgeRecognitionOption *previous = NULL;

  for (guint i = 0; i < options->len; i++)
    {
      const BridgeRecognitionOption *option = g_ptr_array_index (options, i);

      if (option->kind == BRIDGE_RECOGNITION_PRECEDENT)
        {
          g_assert_null (previous);   /* no precedent after a suggestion */
          continue;
        }
      g_assert_cmpstr (option->home, ==, home);
      g_assert_cmpstr (option->host, !=, home);
      g_assert_cmpuint (g_strv_length (option->host_courses), ==, 1);
      g_assert_cmpuint (g_strv_length (option->home_courses), ==, 1);
      g_assert_true (g_str_has_prefix (option->host_courses[0], option->host));
      g_assert_cmpuint (option->reasons->len, >, 0);
      for (guint r = 0; r < option->reasons->len; r++)
        g_assert_cmpstr (g_ptr_array_index (option->reasons, r), !=, "");
      g_assert_cmpfloat (option->score, >, 0);
      g_assert_cmpfloat (option->score, <=, 1);
      g_assert_null (option->equivalence);
      g_assert_false (option->expired);
      if (previous != NULL)
        {
          g_assert_cmpfloat (previous->score, >=, option->score);
          if (previous->score == option->score)
            g_assert_cmpint (strcmp (previous->host_courses[0], option->host_courses[0]), <=, 0);
        }
      previous = option;
    }
}

static GPtrArray *
replacements (Fixture                    *fixture,
              const char                 *home_course,
              const BridgeRecognizeQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *options = bridge_recognize_replacements (fixture->catalog, home_course, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (options);
  check_options (options, "sa");
  if (g_getenv ("SUGGEST_DUMP") != NULL)
    for (guint i = 0; i < options->len; i++)
      {
        const BridgeRecognitionOption *o = g_ptr_array_index (options, i);

        g_printerr ("%s %.3f %s\n", o->host_courses[0], o->score, o->kind ? "" : "(precedent)");
        for (guint r = 0; r < o->reasons->len; r++)
          g_printerr ("    %s\n", (char *) g_ptr_array_index (o->reasons, r));
      }
  return options;
}

/* The suggestion of @host_course, or NULL. */
static const BridgeRecognitionOption *
find (GPtrArray  *options,
      const char *host_course)
{
  for (guint i = 0; i < options->len; i++)
    {
      const BridgeRecognitionOption *option = g_ptr_array_index (options, i);

      if (option->kind == BRIDGE_RECOGNITION_SUGGESTION && g_str_equal (option->host_courses[0], host_course))
        return option;
    }
  return NULL;
}

static const BridgeRecognitionOption *
get (GPtrArray  *options,
     const char *host_course)
{
  const BridgeRecognitionOption *option = find (options, host_course);

  if (option == NULL)
    g_error ("%s is not suggested", host_course);
  return option;
}

/* The reason of @option that starts with @prefix, or NULL. */
static const char *
reason (const BridgeRecognitionOption *option,
        const char                    *prefix)
{
  for (guint i = 0; i < option->reasons->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (option->reasons, i), prefix))
      return g_ptr_array_index (option->reasons, i);
  return NULL;
}

static guint
count_suggestions (GPtrArray *options)
{
  guint n = 0;

  for (guint i = 0; i < options->len; i++)
    n += ((BridgeRecognitionOption *) g_ptr_array_index (options, i))->kind == BRIDGE_RECOGNITION_SUGGESTION;
  return n;
}

static void
test_best_first (Fixture       *fixture,
                 gconstpointer  data)
{
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  g_autoptr(GPtrArray) options = NULL;
  const BridgeRecognitionOption *first;

  query.today = "2026-12-04";
  options = replacements (fixture, "sa:ds200", &query);
  /* The decision first, then the suggestions, the best match first. */
  first = g_ptr_array_index (options, 0);
  g_assert_cmpint (first->kind, ==, BRIDGE_RECOGNITION_PRECEDENT);
  g_assert_cmpstr (first->host_courses[0], ==, "cb:ds220");
  first = g_ptr_array_index (options, 1);
  g_assert_cmpint (first->kind, ==, BRIDGE_RECOGNITION_SUGGESTION);
  g_assert_cmpstr (first->host_courses[0], ==, "cb:ds210");
  g_assert_cmpstr (first->home_courses[0], ==, "sa:ds200");
  g_assert_cmpfloat_with_epsilon (first->home_credits_awarded, 3.5, 1e-9);
  g_assert_nonnull (reason (first, "Same ISCED-F detailed field 0613, within "));
  g_assert_nonnull (reason (first, "Same cycle and level ("));
  g_assert_nonnull (reason (first, "Its workload, 133.33 h, covers the 3 credits of "));
  g_assert_cmpstr (reason (first, "Title words in common: "), ==, "Title words in common: 数据, 结构 / data, structures");
  g_assert_cmpstr (reason (first, "Shares "), ==, "Shares 2 of 3 learning outcomes’ key words");

  /* The decision's host course is not suggested again; the home
   * university's own courses (sa:ds300) never are; nor a course sharing a
   * single character of the title (cb:cry1 结晶学) and nothing else. */
  g_assert_null (find (options, "cb:ds220"));
  g_assert_null (find (options, "sa:ds300"));
  g_assert_null (find (options, "cb:cry1"));
  /* With no term nor languages asked, no reason speaks of them. */
  for (guint i = 0; i < options->len; i++)
    {
      const BridgeRecognitionOption *option = g_ptr_array_index (options, i);

      g_assert_null (reason (option, "Offered in"));
      g_assert_null (reason (option, "Taught in"));
    }
}

static void
test_field (Fixture       *fixture,
            gconstpointer  data)
{
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  g_autoptr(GPtrArray) options = NULL;
  const BridgeRecognitionOption *four, *three, *two;

  query.limit = 50;
  options = replacements (fixture, "sa:ds200", &query);
  four = get (options, "cb:is613");
  three = get (options, "cb:is612");
  two = get (options, "cb:is688");
  g_assert_cmpfloat (four->score, >, three->score);
  g_assert_cmpfloat (three->score, >, two->score);
  g_assert_nonnull (reason (four, "Same ISCED-F detailed field 0613, within "));
  g_assert_nonnull (reason (three, "Same ISCED-F narrow field 061, within "));
  g_assert_nonnull (reason (two, "Same ISCED-F broad field 06 ("));
  g_assert_null (reason (two, "Same ISCED-F detailed"));
  /* A course of another broad field has no field reason. */
  g_assert_null (reason (get (options, "cb:sda1"), "Same ISCED-F"));
}

static void
test_cycle_level (Fixture       *fixture,
                  gconstpointer  data)
{
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  g_autoptr(GPtrArray) options = NULL;
  const BridgeRecognitionOption *bachelor, *master, *elective;

  query.limit = 50;
  options = replacements (fixture, "sa:ds200", &query);
  bachelor = get (options, "cc:dst400");
  master = get (options, "cc:dst500");
  g_assert_cmpfloat (bachelor->score, >, master->score);
  g_assert_nonnull (reason (bachelor, "Same cycle and level ("));
  g_assert_null (reason (master, "Same cycle"));
  g_assert_nonnull (reason (master, "Same level ("));
  /* cb:lab1 is an elective of the bachelor cycle. */
  elective = get (options, "cb:lab1");
  g_assert_nonnull (reason (elective, "Same cycle ("));
  g_assert_null (reason (elective, "Same cycle and level"));
}

static void
test_workload (Fixture       *fixture,
               gconstpointer  data)
{
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  g_autoptr(GPtrArray) options = NULL;
  const BridgeRecognitionOption *enough, *short_of;

  query.limit = 50;
  options = replacements (fixture, "sa:ds200", &query);
  /* 64 periods of 50 minutes and 1.5 of self-study for each: 133.33 h, at
   * 36 h a credit 3.7, awarded 3.5 of the 3 needed. Half of it is 1.85,
   * awarded 1.5. */
  enough = get (options, "cc:ds160");
  short_of = get (options, "cc:ds150");
  g_assert_cmpfloat_with_epsilon (enough->home_credits_awarded, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (short_of->home_credits_awarded, 1.5, 1e-9);
  g_assert_nonnull (reason (enough, "Its workload, 133.33 h, covers the 3 credits of "));
  g_assert_true (g_str_has_suffix (reason (enough, "Its workload"), " (≈ 3.7)"));
  g_assert_null (reason (short_of, "Its workload, 66.67 h, covers"));
  g_assert_nonnull (reason (short_of, "Its workload, 66.67 h, is worth only 1.5 of the 3 credits of "));
  g_assert_cmpfloat (enough->score, >, short_of->score);
}

static void
test_title_words (Fixture       *fixture,
                  gconstpointer  data)
{
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  g_autoptr(GPtrArray) options = NULL;

  query.limit = 50;
  options = replacements (fixture, "sa:ds200", &query);
  /* 数据结构实验 shares the bigrams 数据 and 结构, its English title nothing. */
  g_assert_cmpstr (reason (get (options, "cb:lab1"), "Title words"), ==, "Title words in common: 数据, 结构");
  /* Structured Data Analysis shares the stems of "data" and "structures";
   * 资料分析 shares nothing. */
  g_assert_cmpstr (reason (get (options, "cb:sda1"), "Title words"), ==, "Title words in common: data, structures");
  /* The same title in both languages is closer than one word of it. */
  g_assert_cmpfloat (get (options, "cc:ds160")->score, >, get (options, "cb:is613")->score);
}

static void
test_term_language (Fixture       *fixture,
                    gconstpointer  data)
{
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  const char * const english[] = { "en", NULL };
  g_autoptr(GPtrArray) autumn = NULL;
  g_autoptr(GPtrArray) in_english = NULL;
  g_autoptr(GPtrArray) both = NULL;

  query.limit = 50;
  query.term = "2026-autumn";
  autumn = replacements (fixture, "sa:ds200", &query);
  g_assert_cmpuint (count_suggestions (autumn), ==, 2);
  g_assert_cmpstr (reason (get (autumn, "cc:ds160"), "Offered in"), ==, "Offered in Autumn 2026");
  g_assert_nonnull (reason (get (autumn, "cc:ds150"), "Offered in Autumn 2026"));

  query.term = NULL;
  query.languages = english;
  in_english = replacements (fixture, "sa:ds200", &query);
  g_assert_cmpuint (count_suggestions (in_english), ==, 1);
  g_assert_cmpstr (reason (get (in_english, "cb:ds210"), "Taught in"), ==,
                   "Taught in English, a language you declared");

  /* Both: nothing of the feed is taught in English in the autumn. */
  query.term = "2026-autumn";
  both = replacements (fixture, "sa:ds200", &query);
  g_assert_cmpuint (count_suggestions (both), ==, 0);
}

static void
test_host (Fixture       *fixture,
           gconstpointer  data)
{
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  g_autoptr(GPtrArray) at_cc = NULL;
  g_autoptr(GPtrArray) at_home = NULL;

  query.limit = 50;
  query.host = "cc";
  at_cc = replacements (fixture, "sa:ds200", &query);
  g_assert_cmpuint (count_suggestions (at_cc), ==, 4);
  g_assert_cmpuint (at_cc->len, ==, 4);   /* the decision is of cb */
  for (guint i = 0; i < at_cc->len; i++)
    g_assert_cmpstr (((BridgeRecognitionOption *) g_ptr_array_index (at_cc, i))->host, ==, "cc");

  /* The home university itself as host: nothing to suggest. */
  query.host = "sa";
  at_home = replacements (fixture, "sa:ds200", &query);
  g_assert_cmpuint (count_suggestions (at_home), ==, 0);
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) by_default = NULL;

  query.limit = 50;
  all = replacements (fixture, "sa:ds200", &query);
  /* Every course of the feed but the home's, the decided one and cb:cry1. */
  g_assert_cmpuint (count_suggestions (all), ==, 10);

  query.limit = 2;
  two = replacements (fixture, "sa:ds200", &query);
  g_assert_cmpuint (count_suggestions (two), ==, 2);
  /* The best two of all, in the same order. */
  for (guint i = 1; i < 3; i++)
    g_assert_cmpstr (((BridgeRecognitionOption *) g_ptr_array_index (two, i))->host_courses[0], ==,
                     ((BridgeRecognitionOption *) g_ptr_array_index (all, i))->host_courses[0]);

  query.limit = 0;
  by_default = replacements (fixture, "sa:ds200", &query);
  g_assert_cmpuint (count_suggestions (by_default), ==, MIN (10, BRIDGE_RECOGNIZE_DEFAULT_LIMIT));
}

static void
test_for_host (Fixture       *fixture,
               gconstpointer  data)
{
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  const char * const best[] = { "cb:ds210", NULL };
  const char * const decided[] = { "cb:ds220", NULL };
  const char * const own[] = { "sa:ds300", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(GPtrArray) with_decision = NULL;
  g_autoptr(GPtrArray) of_home = NULL;
  const BridgeRecognitionOption *first;

  query.today = "2026-12-04";
  options = bridge_recognize_for_host (fixture->catalog, "sa", best, &query, &error);
  g_assert_no_error (error);
  check_options (options, "sa");
  g_assert_cmpuint (options->len, ==, 2);
  first = g_ptr_array_index (options, 0);
  g_assert_cmpstr (first->host_courses[0], ==, "cb:ds210");
  g_assert_cmpstr (first->home_courses[0], ==, "sa:ds200");
  g_assert_nonnull (reason (first, "Its workload, 133.33 h, covers the 3 credits of "));
  g_assert_cmpstr (reason (first, "Title words in common: "), ==,
                   "Title words in common: 数据, 结构 / data, structures");
  g_assert_cmpstr (((BridgeRecognitionOption *) g_ptr_array_index (options, 1))->home_courses[0], ==, "sa:ds300");
  /* sa:ds300 has 3 credits too: covered. sa:bio210 (生态学) shares nothing. */
  for (guint i = 0; i < options->len; i++)
    g_assert_cmpstr (((BridgeRecognitionOption *) g_ptr_array_index (options, i))->home_courses[0], !=, "sa:bio210");

  /* The decision for cb:ds220 first; its home course is not suggested again. */
  with_decision = bridge_recognize_for_host (fixture->catalog, "sa", decided, &query, &error);
  g_assert_no_error (error);
  check_options (with_decision, "sa");
  g_assert_cmpint (((BridgeRecognitionOption *) g_ptr_array_index (with_decision, 0))->kind, ==,
                   BRIDGE_RECOGNITION_PRECEDENT);
  for (guint i = 1; i < with_decision->len; i++)
    g_assert_cmpstr (((BridgeRecognitionOption *) g_ptr_array_index (with_decision, i))->home_courses[0], !=,
                     "sa:ds200");
  g_assert_cmpuint (count_suggestions (with_decision), ==, 1);

  /* A course of the home university counts as itself: nothing to suggest. */
  of_home = bridge_recognize_for_host (fixture->catalog, "sa", own, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_home->len, ==, 0);
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  query.limit = 1;
  query.host = "cb";
  query.today = "2026-12-04";
  options = replacements (fixture, "sa:ds200", &query);
  g_assert_cmpuint (options->len, ==, 2);
  node = bridge_recognition_option_to_json (g_ptr_array_index (options, 1));
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "suggestion");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object, "host_courses"), 0), ==,
                   "cb:ds210");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object, "home_courses"), 0), ==,
                   "sa:ds200");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "reasons")), >=, 5);
  g_assert_cmpfloat (json_object_get_double_member (object, "score"), >, 0.5);
  g_assert_false (json_object_has_member (object, "equivalence"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/suggest/best-first", test_best_first);
  ADD ("/suggest/field", test_field);
  ADD ("/suggest/cycle-level", test_cycle_level);
  ADD ("/suggest/workload", test_workload);
  ADD ("/suggest/title-words", test_title_words);
  ADD ("/suggest/term-language", test_term_language);
  ADD ("/suggest/host", test_host);
  ADD ("/suggest/limit", test_limit);
  ADD ("/suggest/for-host", test_for_host);
  ADD ("/suggest/json", test_json);
#undef ADD
  return g_test_run ();
}
