/* test-comparison.c: two to four courses side by side, row by row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "bridge-comparison.h"
#include "bridge-error.h"

typedef struct
{
  char          *dir;
  BridgeCatalog *catalog;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *feed = g_test_build_filename (G_TEST_DIST, "feeds", "minimal", "feed.json", NULL);
  g_autofree char *db = NULL;

  fixture->dir = g_dir_make_tmp ("bridge-comparison-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "catalog.db", NULL);
  fixture->catalog = bridge_catalog_open (db, &error);
  g_assert_no_error (error);
  bridge_catalog_import (fixture->catalog, feed, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
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
}

/* The courses of @ids (space-separated), read from the catalog. */
static GPtrArray *
courses (Fixture    *fixture,
         const char *ids)
{
  g_auto(GStrv) split = g_strsplit (ids, " ", -1);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; split[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      BridgeCourse *course = bridge_catalog_get_course (fixture->catalog, split[i], &error);

      g_assert_no_error (error);
      g_ptr_array_add (out, course);
    }
  return out;
}

static BridgeComparison *
compare (Fixture    *fixture,
         const char *ids,
         const char *home)
{
  g_autoptr(GPtrArray) list = courses (fixture, ids);
  g_autoptr(GError) error = NULL;
  BridgeComparison *comparison = bridge_comparison_new (fixture->catalog, list, home, &error);

  g_assert_no_error (error);
  g_assert_nonnull (comparison);
  return comparison;
}

/* The cells of row @key joined with " | ". */
static char *
cells (const BridgeComparison *comparison,
       const char             *key)
{
  const BridgeComparisonRow *row = bridge_comparison_find_row (comparison, key);

  g_assert_nonnull (row);
  g_assert_cmpuint (g_strv_length (row->cells), ==, comparison->courses->len);
  return g_strjoinv (" | ", row->cells);
}

#define assert_row(comparison, key, expected) \
  G_STMT_START { \
    g_autofree char *_cells = cells (comparison, key); \
    g_assert_cmpstr (_cells, ==, expected); \
  } G_STMT_END

/* Four courses seen from "cb": two of its own (counted with their own
 * credits), two of "sa" (converted); declared and estimated workloads; a
 * course with no grading table. */
static void
test_four_courses (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BridgeComparison) comparison =
    compare (fixture, "sa:math101 cb:mm200 sa:cs110 cb:env300", "cb");
  static const char * const keys[] = {
    "course", "university", "home-credits", "local-credits", "workload", "lecture", "lab",
    "seminar", "practice", "level", "cycle", "field", "terms", "languages", "delivery",
    "seats", "grading-table", "outcomes",
  };

  g_assert_cmpuint (comparison->rows->len, ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const BridgeComparisonRow *row = g_ptr_array_index (comparison->rows, i);

      g_assert_cmpstr (row->key, ==, keys[i]);
      g_assert_nonnull (row->title);
      g_assert_cmpstr (row->title, !=, "");
    }

  assert_row (comparison, "course",
              "Advanced Mathematics | Mathematical Modelling | Programming Fundamentals | "
              "Environmental Monitoring Practice");
  assert_row (comparison, "university",
              "MATH101 · Sichuan Alpha University | MM-200 · Chongqing Beta University | "
              "CS110 · Sichuan Alpha University | ENV300 · Chongqing Beta University");
  assert_row (comparison, "home-credits",
              "4 credits (4.32 before rounding) | 3 credits, a course of your university | "
              "3 credits (3.24 before rounding) | 3 credits, a course of your university");
  assert_row (comparison, "local-credits", "4 credits | 3 credits | 3 credits | 3 credits");
  assert_row (comparison, "workload",
              "144 h, estimated from the class periods | 106.67 h, estimated from the class periods | "
              "108 h, estimated from the class periods | 110 h, declared by the host");
  assert_row (comparison, "lecture", "64 periods → 144 h with self-study | 32 periods → 66.67 h with self-study | 32 periods → 72 h with self-study | 16 periods");
  assert_row (comparison, "lab", "— | 32 periods → 40 h with self-study | 32 periods → 36 h with self-study | —");
  assert_row (comparison, "seminar", "— | — | — | —");
  assert_row (comparison, "practice", "— | — | — | 2 weeks");
  assert_row (comparison, "level", "Subject foundation | Elective | Subject foundation | Subject core");
  assert_row (comparison, "cycle", "Bachelor | Bachelor | Bachelor | Master");
  assert_row (comparison, "terms", "Autumn 2026 | Spring 2027 | Autumn 2026 | Not given");
  assert_row (comparison, "languages", "Chinese | Chinese, English | Chinese | Chinese");
  assert_row (comparison, "delivery", "On campus | Blended | Online | On campus");
  assert_row (comparison, "seats", "20 | Not given | Not given | Not given");
  assert_row (comparison, "grading-table", "Percentage, 2023/24–2024/25, ISCED 05 | Percentage, 2023/24–2024/25, ISCED 05 | Five levels, 2023/24–2024/25, ISCED 0613 | No grading table: grades convert approximately");
  assert_row (comparison, "outcomes",
              "• Compute limits and derivatives of functions of one variable | "
              "• Describe ecosystems with differential equations | "
              "• Prove programs correct by induction | Not given");
  g_assert_true (bridge_comparison_find_row (comparison, "level")->differs);
  g_assert_false (bridge_comparison_find_row (comparison, "seminar")->differs);
  g_assert_null (bridge_comparison_find_row (comparison, "nothing"));
}

/* The home credits are the credit engine's, for each course. */
static void
test_same_as_engine (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BridgeComparison) comparison = compare (fixture, "sa:bio210 sa:math101 cb:mm200", "cb");

  g_assert_cmpuint (comparison->credits->len, ==, 3);
  g_assert_cmpstr (comparison->home_id, ==, "cb");
  for (guint i = 0; i < comparison->courses->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BridgeCreditResult) expected =
        bridge_catalog_compute_credit (fixture->catalog, g_ptr_array_index (comparison->courses, i), "cb", &error);
      const BridgeCreditResult *credit = g_ptr_array_index (comparison->credits, i);

      g_assert_no_error (error);
      g_assert_nonnull (credit);
      g_assert_cmpfloat (credit->home_credits_awarded, ==, expected->home_credits_awarded);
      g_assert_cmpfloat (credit->workload_hours, ==, expected->workload_hours);
      g_assert_cmpint (credit->home_course, ==, expected->home_course);
    }
}

/* No home university yet: the home credits say what to do, the rest shows. */
static void
test_no_home (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(BridgeComparison) comparison = compare (fixture, "sa:math101 cb:env300", data);

  g_assert_null (comparison->home_id);
  g_assert_null (g_ptr_array_index (comparison->credits, 0));
  assert_row (comparison, "home-credits",
              "No home university is given; choose the student’s home university first | "
              "No home university is given; choose the student’s home university first");
  assert_row (comparison, "workload", "144 h, estimated from the class periods | 110 h, declared by the host");
  assert_row (comparison, "lecture", "64 periods | 16 periods");
}

static void
test_count (Fixture       *fixture,
            gconstpointer  data)
{
  const char *ids = data;
  g_autoptr(GPtrArray) list = *ids != '\0' ? courses (fixture, ids) : g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeComparison) comparison = bridge_comparison_new (fixture->catalog, list, "cb", &error);

  g_assert_null (comparison);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  if (list->len == 0)
    g_assert_cmpstr (error->message, ==, "Two to four courses can be compared; add 2 more courses to the comparison");
  else if (list->len == 1)
    g_assert_cmpstr (error->message, ==, "Two to four courses can be compared; add 1 more course to the comparison");
  else
    g_assert_cmpstr (error->message, ==, "At most four courses can be compared; remove 1 course from the comparison");
}

static void
test_twice (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) list = courses (fixture, "sa:math101 cb:mm200 sa:math101");
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeComparison) comparison = bridge_comparison_new (fixture->catalog, list, "cb", &error);

  g_assert_null (comparison);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "The course “sa:math101” is in the comparison twice; compare each course once");
}

static void
test_check_count (void)
{
  g_autoptr(GError) error = NULL;

  for (guint n = BRIDGE_COMPARISON_MIN_COURSES; n <= BRIDGE_COMPARISON_MAX_COURSES; n++)
    {
      g_assert_true (bridge_comparison_check_count (n, &error));
      g_assert_no_error (error);
    }
  g_assert_false (bridge_comparison_check_count (6, &error));
  g_assert_cmpstr (error->message, ==, "At most four courses can be compared; remove 2 courses from the comparison");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/comparison/four-courses", NULL, test_four_courses);
  ADD ("/comparison/same-as-engine", NULL, test_same_as_engine);
  ADD ("/comparison/no-home/null", NULL, test_no_home);
  ADD ("/comparison/no-home/empty", "", test_no_home);
  ADD ("/comparison/count/none", "", test_count);
  ADD ("/comparison/count/one", "sa:math101", test_count);
  ADD ("/comparison/count/five", "sa:math101 cb:mm200 sa:cs110 cb:env300 sa:bio210", test_count);
  ADD ("/comparison/twice", NULL, test_twice);
#undef ADD
  g_test_add_func ("/comparison/check-count", test_check_count);

  return g_test_run ();
}
