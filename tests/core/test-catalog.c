/* test-catalog.c: the SQLite cache — import, search, filters, damage and versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>

#include "bridge-catalog-private.h"
#include "bridge-catalog.h"
#include "bridge-error.h"

typedef struct
{
  char          *dir;
  char          *db;
  BridgeCatalog *catalog;
} Fixture;

static char *
minimal_feed (void)
{
  return g_test_build_filename (G_TEST_DIST, "feeds", "minimal", "feed.json", NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *feed = minimal_feed ();

  fixture->dir = g_dir_make_tmp ("bridge-catalog-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "catalog.db", NULL);
  fixture->catalog = bridge_catalog_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_is_empty (fixture->catalog));
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
  g_free (fixture->db);
}

/* The ids a search returns, joined by spaces, in rank order. */
static char *
search (Fixture                  *fixture,
        const char               *query,
        const BridgeSearchFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  guint total = 0;

  courses = bridge_catalog_search (fixture->catalog, query, filter, 100, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, courses->len);
  for (guint i = 0; i < courses->len; i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "", bridge_course_get_id (g_ptr_array_index (courses, i)));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_search(fixture, query, filter, expected) \
  G_STMT_START { \
    g_autofree char *_ids = search (fixture, query, filter); \
    g_assert_cmpstr (_ids, ==, expected); \
  } G_STMT_END

/* The same as SQL's DISTINCT, which the catalog avoids for speed. */
static GPtrArray *
distinct (const char *db,
          const char *sql)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *conn = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db, &conn, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (conn, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (conn);
  return values;
}

static void
assert_same_strings (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
}

/* The terms and languages the filters offer: each once, in order. */
static void
test_terms_and_languages (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) terms = bridge_catalog_list_terms (fixture->catalog);
  g_autoptr(GPtrArray) languages = bridge_catalog_list_languages (fixture->catalog);
  g_autoptr(GPtrArray) want_terms = distinct (fixture->db, "SELECT DISTINCT term FROM course_terms ORDER BY term");
  g_autoptr(GPtrArray) want_languages = distinct (fixture->db, "SELECT DISTINCT lang FROM course_languages ORDER BY lang");

  g_assert_cmpuint (terms->len, >, 1);
  g_assert_cmpuint (languages->len, >, 1);
  assert_same_strings (terms, want_terms);
  assert_same_strings (languages, want_languages);
}

/* A cache imported before the count was kept still counts its courses. */
static void
test_stats_without_count (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(BridgeCatalogStats) stats = { 0 };
  sqlite3 *conn = NULL;

  g_assert_cmpint (sqlite3_open (fixture->db, &conn), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (conn, "DELETE FROM meta WHERE key = 'courses'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (conn);

  g_assert_true (bridge_catalog_get_stats (fixture->catalog, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.courses, ==, 5);
}

static void
test_stats (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(BridgeCatalogStats) stats = { 0 };
  g_autofree char *feed = minimal_feed ();
  const BridgeAlliance *alliance;

  g_assert_true (bridge_catalog_get_stats (fixture->catalog, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.universities, ==, 2);
  g_assert_cmpuint (stats.courses, ==, 5);
  g_assert_cmpuint (stats.grading_tables, ==, 4);
  g_assert_cmpuint (stats.certificates, ==, 1);
  g_assert_cmpstr (stats.generated, ==, "2026-11-01T08:00:00+08:00");
  g_assert_cmpstr (stats.source, ==, feed);
  g_assert_nonnull (stats.imported);
  g_assert_cmpuint (strlen (stats.digest), ==, 64);
  g_assert_true (stats.demo);

  alliance = bridge_catalog_get_alliance (fixture->catalog);
  g_assert_nonnull (alliance);
  g_assert_cmpstr (alliance->id, ==, "test-alliance");
  g_assert_cmpfloat (alliance->hours_per_credit, ==, 27);
  g_assert_cmpfloat (alliance->ects_hours_per_credit, ==, 27.5);
}

static void
test_search_chinese (Fixture       *fixture,
                     gconstpointer  data)
{
  /* Two characters: 高等数学 and 数学建模 by title (equally short titles: in
   * catalog order), then 程序设计基础, whose outcome mentions 数学归纳法. */
  assert_search (fixture, "数学", NULL, "sa:math101 cb:mm200 sa:cs110");
  /* A shorter title first: 生态学 (3) before 数学建模 (4), whose outcome
   * mentions 生态系统, last. */
  assert_search (fixture, "学", NULL, "sa:bio210 sa:math101 cb:mm200 sa:cs110");
  /* One character. */
  assert_search (fixture, "建", NULL, "cb:mm200");
  assert_search (fixture, "态", NULL, "sa:bio210 cb:mm200");
  /* Four characters, and two words that must both match. */
  assert_search (fixture, "环境监测", NULL, "cb:env300");
  assert_search (fixture, "数学 建模", NULL, "cb:mm200");
  assert_search (fixture, "量子", NULL, "");
}

static void
test_search_english (Fixture       *fixture,
                     gconstpointer  data)
{
  assert_search (fixture, "Ecology", NULL, "sa:bio210");
  assert_search (fixture, "ecolog", NULL, "sa:bio210");
  assert_search (fixture, "ECOLOGY", NULL, "sa:bio210");
  assert_search (fixture, "program", NULL, "sa:cs110");
  /* An outcome-only match comes after title matches. */
  assert_search (fixture, "ecosystems", NULL, "cb:mm200");
  assert_search (fixture, "mathematic", NULL, "sa:math101 cb:mm200");
  /* Quotes and operators are text, not syntax. */
  assert_search (fixture, "\"ecology", NULL, "sa:bio210");
  assert_search (fixture, "ecology OR NOT *", NULL, "");
  assert_search (fixture, "(", NULL, "sa:bio210 sa:cs110 sa:math101 cb:env300 cb:mm200");
}

static void
test_search_codes (Fixture       *fixture,
                   gconstpointer  data)
{
  assert_search (fixture, "BIO210", NULL, "sa:bio210");
  assert_search (fixture, "bio210", NULL, "sa:bio210");
  assert_search (fixture, "mm-200", NULL, "cb:mm200");
  assert_search (fixture, "MM-200", NULL, "cb:mm200");
  /* The exact code first, before a title or outcome that mentions it. */
  assert_search (fixture, "cs110", NULL, "sa:cs110");
}

static void
test_search_empty_lists_all (Fixture       *fixture,
                             gconstpointer  data)
{
  /* By university (in the feed's order), then code. */
  assert_search (fixture, "", NULL, "sa:bio210 sa:cs110 sa:math101 cb:env300 cb:mm200");
  assert_search (fixture, "   ", NULL, "sa:bio210 sa:cs110 sa:math101 cb:env300 cb:mm200");
}

static void
test_search_filters (Fixture       *fixture,
                     gconstpointer  data)
{
  BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;

  filter.university = "cb";
  assert_search (fixture, "", &filter, "cb:env300 cb:mm200");
  assert_search (fixture, "数学", &filter, "cb:mm200");

  filter = (BridgeSearchFilter) BRIDGE_SEARCH_FILTER_INIT;
  filter.city = "成都";
  assert_search (fixture, "", &filter, "sa:bio210 sa:cs110 sa:math101");
  filter.city = "chongqing";
  assert_search (fixture, "", &filter, "cb:env300 cb:mm200");

  filter = (BridgeSearchFilter) BRIDGE_SEARCH_FILTER_INIT;
  filter.isced = "05";
  assert_search (fixture, "", &filter, "sa:bio210 sa:math101 cb:env300 cb:mm200");
  filter.isced = "0541";
  assert_search (fixture, "", &filter, "sa:math101 cb:mm200");
  filter.isced = "06";
  assert_search (fixture, "", &filter, "sa:cs110");

  filter = (BridgeSearchFilter) BRIDGE_SEARCH_FILTER_INIT;
  filter.level = "core";
  assert_search (fixture, "", &filter, "sa:bio210 cb:env300");
  filter = (BridgeSearchFilter) BRIDGE_SEARCH_FILTER_INIT;
  filter.cycle = "master";
  assert_search (fixture, "", &filter, "cb:env300");
  filter = (BridgeSearchFilter) BRIDGE_SEARCH_FILTER_INIT;
  filter.term = "2027-spring";
  assert_search (fixture, "", &filter, "sa:bio210 cb:mm200");
  filter = (BridgeSearchFilter) BRIDGE_SEARCH_FILTER_INIT;
  filter.language = "en";
  assert_search (fixture, "", &filter, "sa:bio210 cb:mm200");
  filter.language = "EN";
  assert_search (fixture, "", &filter, "sa:bio210 cb:mm200");
  filter = (BridgeSearchFilter) BRIDGE_SEARCH_FILTER_INIT;
  filter.delivery = "online";
  assert_search (fixture, "", &filter, "sa:cs110");
  filter = (BridgeSearchFilter) BRIDGE_SEARCH_FILTER_INIT;
  filter.min_credits = 3.5;
  assert_search (fixture, "", &filter, "sa:math101");
  filter.min_credits = 3;
  filter.max_credits = 3;
  assert_search (fixture, "", &filter, "sa:bio210 sa:cs110 cb:env300 cb:mm200");

  /* Several filters at once, with a query. */
  filter = (BridgeSearchFilter) BRIDGE_SEARCH_FILTER_INIT;
  filter.university = "sa";
  filter.language = "zh";
  filter.term = "2026-autumn";
  assert_search (fixture, "学", &filter, "sa:math101 sa:cs110");
  /* The filtered path ranks as the unfiltered one does. */
  filter = (BridgeSearchFilter) BRIDGE_SEARCH_FILTER_INIT;
  filter.cycle = "bachelor";
  assert_search (fixture, "学", &filter, "sa:bio210 sa:math101 cb:mm200 sa:cs110");
}

static void
test_search_bad_filters (Fixture       *fixture,
                         gconstpointer  data)
{
  const struct { const char *member; const char *value; } cases[] = {
    { "cycle", "postdoc" },
    { "level", "advanced" },
    { "delivery", "by-post" },
    { "isced", "6a" },
    { "isced", "061300" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;

      if (g_str_equal (cases[i].member, "cycle"))
        filter.cycle = cases[i].value;
      else if (g_str_equal (cases[i].member, "level"))
        filter.level = cases[i].value;
      else if (g_str_equal (cases[i].member, "delivery"))
        filter.delivery = cases[i].value;
      else
        filter.isced = cases[i].value;
      ids = bridge_catalog_search_ids (fixture->catalog, "", &filter, &error);
      g_assert_null (ids);
      g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
    }

  {
    BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) ids = NULL;

    filter.min_credits = 4;
    filter.max_credits = 2;
    ids = bridge_catalog_search_ids (fixture->catalog, "", &filter, &error);
    g_assert_null (ids);
    g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  }
}

static void
test_course (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCourse) course = bridge_catalog_get_course (fixture->catalog, "cb:env300", &error);
  g_autoptr(BridgeCourse) missing = NULL;
  g_autoptr(BridgeCourse) by_rowid = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (bridge_course_get_code (course), ==, "ENV300");
  g_assert_cmpstr (bridge_text_get (bridge_course_get_title (course), "zh"), ==, "环境监测实习");
  g_assert_cmpstr (bridge_text_get (bridge_course_get_university_name (course), "en"), ==, "Chongqing Beta University");
  g_assert_cmpint (bridge_course_get_cycle (course), ==, BRIDGE_CYCLE_MASTER);
  g_assert_cmpint (bridge_course_get_level (course), ==, BRIDGE_LEVEL_CORE);
  g_assert_cmpfloat (bridge_course_get_periods (course, BRIDGE_KIND_LECTURE), ==, 16);
  g_assert_cmpfloat (bridge_course_get_practice_weeks (course), ==, 2);
  g_assert_cmpfloat (bridge_course_get_workload_hours (course), ==, 110);
  g_assert_cmpfloat (bridge_course_get_credits (course), ==, 3);
  g_assert_cmpint (bridge_course_get_seats (course), ==, -1);
  /* Everything the feed said, as it said it. */
  g_assert_nonnull (strstr (bridge_course_get_raw_json (course), "\"workload_hours\": 110"));

  by_rowid = bridge_catalog_get_course_by_rowid (fixture->catalog, bridge_course_get_rowid (course), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bridge_course_get_id (by_rowid), ==, "cb:env300");

  missing = bridge_catalog_get_course (fixture->catalog, "cb:nope", &error);
  g_assert_null (missing);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
}

/* Several courses by rowid at once: in the order asked, the same as one at a
 * time, and NULL where a rowid has no course. */
static void
test_courses_by_rowids (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCourse) env = bridge_catalog_get_course (fixture->catalog, "cb:env300", &error);
  g_autoptr(BridgeCourse) bio = bridge_catalog_get_course (fixture->catalog, "sa:bio210", &error);
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) none = NULL;
  gint64 rowids[4];

  g_assert_no_error (error);
  rowids[0] = bridge_course_get_rowid (bio);
  rowids[1] = G_MAXINT64;                 /* no such course */
  rowids[2] = bridge_course_get_rowid (env);
  rowids[3] = bridge_course_get_rowid (bio);
  courses = bridge_catalog_get_courses_by_rowids (fixture->catalog, rowids, G_N_ELEMENTS (rowids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (courses->len, ==, 4);
  g_assert_cmpstr (bridge_course_get_id (g_ptr_array_index (courses, 0)), ==, "sa:bio210");
  g_assert_null (g_ptr_array_index (courses, 1));
  g_assert_cmpstr (bridge_course_get_id (g_ptr_array_index (courses, 2)), ==, "cb:env300");
  g_assert_cmpstr (bridge_course_get_raw_json (g_ptr_array_index (courses, 2)), ==, bridge_course_get_raw_json (env));
  g_assert_cmpstr (bridge_course_get_id (g_ptr_array_index (courses, 3)), ==, "sa:bio210");

  none = bridge_catalog_get_courses_by_rowids (fixture->catalog, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* The read transaction is closed again: the catalog still takes an import. */
  {
    g_autofree char *feed = minimal_feed ();

    g_assert_true (bridge_catalog_import (fixture->catalog, feed, NULL, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
}

static void
test_universities (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeUniversity) sa = bridge_catalog_get_university (fixture->catalog, "sa", &error);
  g_autoptr(BridgeUniversity) none = NULL;
  g_autoptr(GPtrArray) list = bridge_catalog_list_universities (fixture->catalog);
  const BridgeGradingTable *table;
  const BridgeCreditPolicy *policy;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (bridge_university_get_id (g_ptr_array_index (list, 0)), ==, "sa");
  policy = bridge_university_get_policy (sa);
  g_assert_cmpfloat (policy->period_minutes, ==, 45);
  g_assert_cmpfloat (policy->periods_per_credit[BRIDGE_KIND_LECTURE], ==, 16);
  g_assert_cmpfloat (policy->self_study_ratio[BRIDGE_KIND_LECTURE], ==, 2);
  g_assert_cmpfloat (policy->credit_step, ==, 0.5);

  /* "Which table applies": same cycle, longest ISCED prefix. */
  table = bridge_university_find_table (sa, "0613", BRIDGE_CYCLE_BACHELOR);
  g_assert_nonnull (table);
  g_assert_cmpstr (table->isced, ==, "0613");
  table = bridge_university_find_table (sa, "0541", BRIDGE_CYCLE_BACHELOR);
  g_assert_nonnull (table);
  g_assert_cmpstr (table->isced, ==, "05");
  g_assert_cmpint (table->counts[0].count, ==, 300);
  g_assert_null (bridge_university_find_table (sa, "0712", BRIDGE_CYCLE_BACHELOR));
  g_assert_null (bridge_university_find_table (sa, "0541", BRIDGE_CYCLE_MASTER));

  g_assert_nonnull (bridge_university_find_term (sa, "2027-spring"));
  g_assert_nonnull (bridge_university_find_scale (sa, "five"));

  none = bridge_catalog_get_university (fixture->catalog, "zz", &error);
  g_assert_null (none);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
}

/* The same feed twice changes nothing, not even the import time. */
static void
test_reimport_unchanged (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeImportReport) report = NULL;
  g_autofree char *feed = minimal_feed ();
  g_auto(BridgeCatalogStats) before = { 0 };
  g_auto(BridgeCatalogStats) after = { 0 };

  bridge_catalog_get_stats (fixture->catalog, &before, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_import (fixture->catalog, feed, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (report->unchanged);
  bridge_catalog_get_stats (fixture->catalog, &after, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before.imported, ==, after.imported);
  g_assert_cmpstr (before.digest, ==, after.digest);
  g_assert_cmpuint (after.courses, ==, 5);
}

/* The same feed from another place: nothing is imported again, but the
 * cache now says it comes from there, so that an update asks that place. */
static void
test_reimport_unchanged_elsewhere (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeImportReport) report = NULL;
  g_autofree char *minimal = minimal_feed ();
  g_autofree char *dir = g_path_get_dirname (minimal);
  g_autofree char *feed_text = NULL, *lines_text = NULL;
  g_autofree char *lines = g_build_filename (dir, "courses.jsonl", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "feed.json", NULL);
  g_autofree char *lines_copy = g_build_filename (fixture->dir, "courses.jsonl", NULL);
  g_auto(BridgeCatalogStats) before = { 0 };
  g_auto(BridgeCatalogStats) after = { 0 };

  g_assert_true (g_file_get_contents (minimal, &feed_text, NULL, NULL));
  g_assert_true (g_file_get_contents (lines, &lines_text, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, feed_text, -1, NULL));
  g_assert_true (g_file_set_contents (lines_copy, lines_text, -1, NULL));
  bridge_catalog_get_stats (fixture->catalog, &before, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before.source, !=, copy);

  g_assert_true (bridge_catalog_import (fixture->catalog, copy, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (report->unchanged);
  bridge_catalog_get_stats (fixture->catalog, &after, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after.source, ==, copy);
  g_assert_cmpstr (before.imported, ==, after.imported);
  g_assert_cmpstr (before.digest, ==, after.digest);
}

/* A connection sees an import made by another one, caches included. */
static void
test_other_connection_import (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCatalog) other = bridge_catalog_open (fixture->db, &error);
  g_autoptr(BridgeUniversity) university = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GString) feed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *minimal = minimal_feed ();
  g_autofree char *dir = g_path_get_dirname (minimal);
  g_autofree char *lines = g_build_filename (dir, "courses.jsonl", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "feed.json", NULL);
  g_autofree char *lines_copy = g_build_filename (fixture->dir, "courses.jsonl", NULL);
  g_autofree char *lines_text = NULL;
  guint total = 0;

  g_assert_no_error (error);
  /* Warm this connection's caches. */
  found = bridge_catalog_search (fixture->catalog, "生态", NULL, 10, &total, &error);
  g_assert_no_error (error);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* The other connection imports a feed where sa is renamed and 生态学 has
   * a longer title. */
  g_file_get_contents (minimal, &text, NULL, &error);
  g_assert_no_error (error);
  feed = g_string_new (text);
  g_string_replace (feed, "四川甲大学", "四川甲理工大学", 1);
  g_file_set_contents (copy, feed->str, -1, &error);
  g_assert_no_error (error);
  g_file_get_contents (lines, &lines_text, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (lines_copy, lines_text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_import (other, copy, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  found = bridge_catalog_search (fixture->catalog, "生态", NULL, 10, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (bridge_text_get (bridge_course_get_university_name (g_ptr_array_index (found, 0)), "zh"),
                   ==, "四川甲理工大学");
  university = bridge_catalog_get_university (fixture->catalog, "sa", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bridge_text_get (bridge_university_get_name (university), "zh"), ==, "四川甲理工大学");
}

static void
test_cache_settings (Fixture       *fixture,
                     gconstpointer  data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, BRIDGE_CATALOG_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  /* The import rebuilt the indexes it dropped; a lookup by id uses one. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "EXPLAIN QUERY PLAN SELECT rowid FROM courses WHERE id = 'sa:bio210'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 3), "INDEX courses_by_id"));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static void
test_corrupt_cache (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bridge-corrupt-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "catalog.db", NULL);
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *feed = minimal_feed ();

  write_file (db, "this is not a database, it is a shopping list: 米, 面, 油\n", -1);
  catalog = bridge_catalog_open (db, &error);
  g_assert_null (catalog);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_CORRUPT);
  g_assert_nonnull (strstr (error->message, db));
  g_clear_error (&error);

  catalog = bridge_catalog_open_or_reset (db, &reason, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "damaged"));
  g_assert_true (bridge_catalog_is_empty (catalog));
  /* Moved aside, whole; which feed it held cannot be known. */
  {
    g_autofree char *aside = g_strconcat (db, ".damaged", NULL);
    g_autofree char *contents = NULL;

    g_assert_nonnull (strstr (reason, aside));
    g_assert_true (g_file_get_contents (aside, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "this is not a database, it is a shopping list: 米, 面, 油\n");
    g_unlink (aside);
  }
  g_assert_null (bridge_catalog_get_lost_source (catalog));
  g_assert_true (bridge_catalog_import (catalog, feed, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (bridge_catalog_is_empty (catalog));
  g_clear_object (&catalog);

  /* A database whose tables are not those of its version is damaged too. */
  {
    sqlite3 *handle = NULL;

    g_unlink (db);
    g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE meta (k); PRAGMA user_version = " G_STRINGIFY (BRIDGE_CATALOG_SCHEMA_VERSION) ";", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (handle);
    catalog = bridge_catalog_open (db, &error);
    g_assert_null (catalog);
    g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_CORRUPT);
    g_clear_error (&error);
  }

  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

static void
test_newer_cache (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bridge-newer-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "catalog.db", NULL);
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autofree char *reason = NULL;
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA user_version = 99;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  catalog = bridge_catalog_open (db, &error);
  g_assert_null (catalog);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_clear_error (&error);

  catalog = bridge_catalog_open_or_reset (db, &reason, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (reason, "newer version"));
  g_clear_object (&catalog);

  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

/* SQLite's words, which must not reach a person. */
static void
assert_our_words (const char *message)
{
  static const char * const sqlite_words[] = {
    "malformed", "not an error", "another row", "file is not a database", "database is locked",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sqlite_words); i++)
    if (strstr (message, sqlite_words[i]) != NULL)
      g_error ("“%s” says SQLite's “%s”", message, sqlite_words[i]);
}

static guint
root_page (const char *db,
           const char *table)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  guint page;

  g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT rootpage FROM sqlite_schema WHERE name = ?", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return page;
}

/* Damages @db: zeros page @page (from 1) when it is not 0, and keeps only
 * the first @keep bytes when it is not 0. */
static void
damage_file (const char *db,
             guint       page,
             gsize       keep)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (db, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, MAX (page * 4096, keep));
  if (page > 0)
    memset (contents + (page - 1) * 4096, 0, 4096);
  write_file (db, contents, (gssize) (keep > 0 ? keep : len));
}

/* A truncated cache is moved aside, and says which feed it came from. */
static void
test_damaged_truncated (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *feed = minimal_feed ();
  g_autofree char *aside = g_strconcat (fixture->db, ".damaged", NULL);

  g_clear_object (&fixture->catalog);
  damage_file (fixture->db, 0, 3 * 4096);

  catalog = bridge_catalog_open (fixture->db, &error);
  g_assert_null (catalog);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_CORRUPT);
  assert_our_words (error->message);
  g_clear_error (&error);

  catalog = bridge_catalog_open_or_reset (fixture->db, &reason, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_is_empty (catalog));
  g_assert_nonnull (strstr (reason, aside));
  assert_our_words (reason);
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (bridge_catalog_get_lost_source (catalog), ==, feed);
}

/* Damage in the middle of the file is found by the search that reads it,
 * said in our words; reset moves the cache aside and knows its feed. */
static void
test_damaged_page (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *feed = minimal_feed ();
  g_autofree char *aside = g_strconcat (fixture->db, ".damaged", NULL);
  guint page = root_page (fixture->db, "course_json");
  guint total = 0;

  g_clear_object (&fixture->catalog);
  damage_file (fixture->db, page, 0);

  catalog = bridge_catalog_open (fixture->db, &error);
  g_assert_no_error (error);
  courses = bridge_catalog_search (catalog, "数学", NULL, 10, &total, &error);
  g_assert_null (courses);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_CORRUPT);
  g_assert_nonnull (strstr (error->message, fixture->db));
  assert_our_words (error->message);

  problem = g_strdup (error->message);
  g_clear_error (&error);
  g_assert_true (bridge_catalog_reset (catalog, problem, &reason, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (reason, aside));
  g_assert_cmpstr (bridge_catalog_get_lost_source (catalog), ==, feed);
  g_assert_true (bridge_catalog_is_empty (catalog));
  g_assert_true (bridge_catalog_import (catalog, bridge_catalog_get_lost_source (catalog), NULL, NULL, NULL, NULL,
                                        &error));
  g_assert_no_error (error);
  g_clear_pointer (&courses, g_ptr_array_unref);
  courses = bridge_catalog_search (catalog, "数学", NULL, 10, &total, &error);
  g_assert_no_error (error);
  /* 高等数学, 数学建模 and the outcome of 程序设计基础. */
  g_assert_cmpuint (total, ==, 3);
}

/* An import that meets damage imports into a new cache, and says so. */
static void
test_damaged_page_import (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeImportReport) report = NULL;
  g_autofree char *feed = minimal_feed ();
  g_autofree char *aside = g_strconcat (fixture->db, ".damaged", NULL);
  BridgeCatalogStats stats;

  g_clear_object (&fixture->catalog);
  damage_file (fixture->db, root_page (fixture->db, "course_json"), 0);
  catalog = bridge_catalog_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_import (catalog, feed, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (report->rebuilt);
  g_assert_nonnull (strstr (report->rebuilt_reason, aside));
  g_assert_cmpuint (report->courses, ==, 5);
  g_assert_true (bridge_catalog_get_stats (catalog, &stats, &error));
  g_assert_cmpuint (stats.courses, ==, 5);
  bridge_catalog_stats_clear (&stats);
}

/* A second import waits for the first, says so once, then imports. */
typedef struct
{
  const char *db;
  const char *feed;
  gint        waiting;
} WaitingImport;

static void
waiting_progress (double   fraction,
                  gpointer user_data)
{
  WaitingImport *data = user_data;

  if (fraction < 0)
    g_atomic_int_inc (&data->waiting);
}

static gpointer
waiting_import_thread (gpointer user_data)
{
  WaitingImport *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCatalog) catalog = bridge_catalog_open (data->db, &error);
  g_autoptr(BridgeImportReport) report = NULL;

  g_assert_no_error (error);
  bridge_catalog_import (catalog, data->feed, &report, waiting_progress, data, NULL, &error);
  g_assert_no_error (error);
  return GUINT_TO_POINTER (report->courses);
}

static void
test_import_waits (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *root = g_getenv ("CREDIT_BRIDGE_SOURCE_ROOT");
  g_autofree char *demo = g_build_filename (root ? root : "..", "data", "catalog", "feed.json", NULL);
  WaitingImport import = { fixture->db, demo, 0 };
  sqlite3 *holder = NULL;
  GThread *thread;

  g_assert_cmpint (sqlite3_open (fixture->db, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  thread = g_thread_new ("import", waiting_import_thread, &import);
  /* Longer than the 10 s after which it used to give up would make the test
   * slow; that it waits and says so is what counts. */
  for (guint i = 0; i < 500 && g_atomic_int_get (&import.waiting) == 0; i++)
    g_usleep (10000);
  g_assert_cmpint (g_atomic_int_get (&import.waiting), ==, 1);
  g_usleep (300000);
  g_assert_cmpint (g_atomic_int_get (&import.waiting), ==, 1);
  g_assert_cmpint (sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (holder);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (thread)), ==, 1519);
}

/* A cancelled import is G_IO_ERROR_CANCELLED, and leaves the cache as it was. */
static void
assert_cancelled_import (Fixture            *fixture,
                         GCancellable       *cancellable,
                         BridgeProgressFunc  progress)
{
  const char *root = g_getenv ("CREDIT_BRIDGE_SOURCE_ROOT");
  g_autofree char *demo = g_build_filename (root ? root : "..", "data", "catalog", "feed.json", NULL);
  g_auto(BridgeCatalogStats) before = { 0 };
  g_auto(BridgeCatalogStats) after = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (bridge_catalog_get_stats (fixture->catalog, &before, &error));
  g_assert_false (bridge_catalog_import (fixture->catalog, demo, NULL, progress, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_true (bridge_catalog_get_stats (fixture->catalog, &after, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (after.courses, ==, 5);
  g_assert_cmpstr (before.digest, ==, after.digest);
}

static void
test_import_cancelled_before (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  assert_cancelled_import (fixture, cancellable, NULL);
}

static void
cancel_progress (double   fraction,
                 gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_import_cancelled_midway (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  assert_cancelled_import (fixture, cancellable, cancel_progress);
}

/* SQLite stops a statement when the import is cancelled: that too is
 * G_IO_ERROR_CANCELLED, not a damaged cache. */
static void
test_interrupted_statement (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (bridge_catalog_sql_error (fixture->catalog, SQLITE_INTERRUPT, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (error->message, ==, "The operation was cancelled");
}

/* Credits that are not a number, or infinite, are refused. */
static void
test_search_non_finite_credits (Fixture       *fixture,
                                gconstpointer  data)
{
  const double values[] = { NAN, INFINITY, -INFINITY };

  for (guint i = 0; i < G_N_ELEMENTS (values) * 2; i++)
    {
      BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;

      if (i % 2 == 0)
        filter.min_credits = values[i / 2];
      else
        filter.max_credits = values[i / 2];
      ids = bridge_catalog_search_ids (fixture->catalog, "", &filter, &error);
      g_assert_null (ids);
      g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, "is not a number of credits"));
    }
}

#define TEXT_THREAD_ROUNDS 1000000

static gpointer
text_ref_unref_thread (gpointer text)
{
  for (guint i = 0; i < TEXT_THREAD_ROUNDS; i++)
    bridge_text_unref (bridge_text_ref (text));
  return NULL;
}

/* A university's name is shared by the courses the search thread reads, and
 * the main thread drops them: taking and dropping references from two
 * threads at once must leave the count right. (A lost update leaks the text
 * or frees it too early; the sanitizer build reports either.) */
static void
test_text_shared_between_threads (void)
{
  BridgeText *text = bridge_text_new ("四川大学", "Sichuan University");
  GThread *other = g_thread_new ("text-refs", text_ref_unref_thread, text);

  text_ref_unref_thread (text);
  g_thread_join (other);
  g_assert_cmpstr (bridge_text_get (text, "en"), ==, "Sichuan University");
  bridge_text_unref (text);
}

/* What a course is worth at home: the catalog's own universities given to
 * the credit engine, the same numbers and steps. */
static void
test_compute_credit (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCourse) course = bridge_catalog_get_course (fixture->catalog, "sa:math101", &error);
  g_autoptr(BridgeUniversity) host = bridge_catalog_get_university (fixture->catalog, "sa", &error);
  g_autoptr(BridgeUniversity) home = bridge_catalog_get_university (fixture->catalog, "cb", &error);
  g_autoptr(BridgeCreditResult) expected = NULL;
  g_autoptr(BridgeCreditResult) result = NULL;

  g_assert_no_error (error);
  expected = bridge_credit_compute (bridge_catalog_get_alliance (fixture->catalog), host, home, course, &error);
  g_assert_no_error (error);
  result = bridge_catalog_compute_credit (fixture->catalog, course, "cb", &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpstr (result->course_id, ==, "sa:math101");
  g_assert_cmpstr (result->host_id, ==, "sa");
  g_assert_cmpstr (result->home_id, ==, "cb");
  g_assert_false (result->home_course);
  g_assert_cmpfloat (result->workload_hours, ==, expected->workload_hours);
  g_assert_cmpfloat (result->alliance_credits, ==, expected->alliance_credits);
  g_assert_cmpfloat (result->ects_credits, ==, expected->ects_credits);
  g_assert_cmpfloat (result->home_credits_exact, ==, expected->home_credits_exact);
  g_assert_cmpfloat (result->home_credits_awarded, ==, expected->home_credits_awarded);
  g_assert_cmpuint (result->steps->len, ==, expected->steps->len);
  for (guint i = 0; i < result->steps->len; i++)
    g_assert_cmpstr (g_ptr_array_index (result->steps, i), ==, g_ptr_array_index (expected->steps, i));

  /* At its own university a course keeps its credits. */
  g_clear_pointer (&result, bridge_credit_result_free);
  result = bridge_catalog_compute_credit (fixture->catalog, course, "sa", &error);
  g_assert_no_error (error);
  g_assert_true (result->home_course);
  g_assert_cmpfloat (result->home_credits_awarded, ==, 4);
}

/* Each of these names what is missing. */
static void
test_compute_credit_unknown_home (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCourse) course = bridge_catalog_get_course (fixture->catalog, "sa:math101", NULL);
  g_autoptr(BridgeCreditResult) result = NULL;

  result = bridge_catalog_compute_credit (fixture->catalog, course, "nowhere", &error);
  g_assert_null (result);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The home university “nowhere” is not in the catalog");
}

static void
test_compute_credit_no_home (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *home_id = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCourse) course = bridge_catalog_get_course (fixture->catalog, "sa:math101", NULL);
  g_autoptr(BridgeCreditResult) result = NULL;

  result = bridge_catalog_compute_credit (fixture->catalog, course, home_id, &error);
  g_assert_null (result);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_cmpstr (error->message, ==, "No home university is given; choose the student’s home university first");
}

static void
test_compute_credit_unknown_host (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BridgeCourse) course = NULL;
  g_autoptr(BridgeCreditResult) result = NULL;

  json_parser_load_from_data (parser, "{\"id\": \"zz:x1\", \"university\": \"zz\", "
                                      "\"workload_hours\": 54, \"credits\": 2}", -1, &error);
  g_assert_no_error (error);
  course = bridge_course_new_from_json (json_node_get_object (json_parser_get_root (parser)), NULL, &error);
  g_assert_no_error (error);
  result = bridge_catalog_compute_credit (fixture->catalog, course, "cb", &error);
  g_assert_null (result);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The university of “zz:x1” is not in the catalog");
}

/* Before the first import there is no alliance to count in. */
static void
test_compute_credit_empty_catalog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bridge-catalog-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "catalog.db", NULL);
  g_autoptr(BridgeCatalog) catalog = bridge_catalog_open (db, &error);
  g_autoptr(BridgeCourse) course = bridge_course_new ("sa:math101");
  g_autoptr(BridgeCreditResult) result = NULL;

  g_assert_no_error (error);
  result = bridge_catalog_compute_credit (catalog, course, "cb", &error);
  g_assert_null (result);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The catalog is empty; import the alliance catalog first");
  g_clear_object (&catalog);
  g_unlink (db);
  g_rmdir (dir);
}

static void
test_text_pick (void)
{
  g_autoptr(BridgeText) both = bridge_text_new ("生态学", "Ecology");
  g_autoptr(BridgeText) en_only = bridge_text_new (NULL, "Ecology");
  g_autoptr(BridgeText) other = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (bridge_text_pick_for (both, "en"), ==, "Ecology");
  g_assert_cmpstr (bridge_text_pick_for (both, "zh"), ==, "生态学");
  /* The user's language, then zh, then en. */
  g_assert_cmpstr (bridge_text_pick_for (both, "fr"), ==, "生态学");
  g_assert_cmpstr (bridge_text_pick_for (en_only, "zh"), ==, "Ecology");
  other = bridge_text_new_from_string ("{\"fr\": \"Écologie\", \"zh-Hans\": \"生态学\"}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bridge_text_pick_for (other, "zh"), ==, "生态学");
  g_assert_cmpstr (bridge_text_pick_for (other, "fr"), ==, "Écologie");
}

/* The count that picks "1 credit" or "1.5 credits" for a number as shown. */
static void
test_text_plural_count (void)
{
  g_assert_cmpuint (bridge_text_plural_count ("1"), ==, 1);
  g_assert_cmpuint (bridge_text_plural_count ("0"), ==, 0);
  g_assert_cmpuint (bridge_text_plural_count ("21"), ==, 21);
  /* Fractions take the form of 2 ("1.5 credits"), as does what is not a
   * number at all. */
  g_assert_cmpuint (bridge_text_plural_count ("1.5"), ==, 2);
  g_assert_cmpuint (bridge_text_plural_count ("0.5"), ==, 2);
  g_assert_cmpuint (bridge_text_plural_count ("1.0"), ==, 2);
  g_assert_cmpuint (bridge_text_plural_count ("—"), ==, 2);
  g_assert_cmpuint (bridge_text_plural_count (""), ==, 2);
  g_assert_cmpuint (bridge_text_plural_count ("-1"), ==, 2);
  /* Too long for a gulong: its last six digits, as gettext advises. */
  g_assert_cmpuint (bridge_text_plural_count ("123456789012345678901"), ==, 678901 + 1000000);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/catalog/terms-and-languages", test_terms_and_languages);
  ADD ("/catalog/stats-without-count", test_stats_without_count);
  ADD ("/catalog/stats", test_stats);
  ADD ("/catalog/search/chinese", test_search_chinese);
  ADD ("/catalog/search/english", test_search_english);
  ADD ("/catalog/search/codes", test_search_codes);
  ADD ("/catalog/search/empty-lists-all", test_search_empty_lists_all);
  ADD ("/catalog/search/filters", test_search_filters);
  ADD ("/catalog/search/bad-filters", test_search_bad_filters);
  ADD ("/catalog/course", test_course);
  ADD ("/catalog/courses-by-rowids", test_courses_by_rowids);
  ADD ("/catalog/universities", test_universities);
  ADD ("/catalog/reimport-unchanged", test_reimport_unchanged);
  ADD ("/catalog/reimport-unchanged-elsewhere", test_reimport_unchanged_elsewhere);
  ADD ("/catalog/cache-settings", test_cache_settings);
  ADD ("/catalog/other-connection-import", test_other_connection_import);
  ADD ("/catalog/damaged/truncated", test_damaged_truncated);
  ADD ("/catalog/damaged/page-zeroed", test_damaged_page);
  ADD ("/catalog/damaged/page-zeroed-import", test_damaged_page_import);
  ADD ("/catalog/import-waits", test_import_waits);
  ADD ("/catalog/import-cancelled/before", test_import_cancelled_before);
  ADD ("/catalog/import-cancelled/midway", test_import_cancelled_midway);
  ADD ("/catalog/import-cancelled/interrupted-statement", test_interrupted_statement);
  ADD ("/catalog/search/non-finite-credits", test_search_non_finite_credits);
  ADD ("/catalog/credit/computed", test_compute_credit);
  ADD ("/catalog/credit/unknown-home", test_compute_credit_unknown_home);
  ADD ("/catalog/credit/unknown-host", test_compute_credit_unknown_host);
  g_test_add ("/catalog/credit/no-home/null", Fixture, NULL, fixture_set_up, test_compute_credit_no_home, fixture_tear_down);
  g_test_add ("/catalog/credit/no-home/empty", Fixture, "", fixture_set_up, test_compute_credit_no_home, fixture_tear_down);
#undef ADD
  g_test_add_func ("/catalog/corrupt-cache", test_corrupt_cache);
  g_test_add_func ("/catalog/newer-cache", test_newer_cache);
  g_test_add_func ("/catalog/credit/empty-catalog", test_compute_credit_empty_catalog);
  g_test_add_func ("/catalog/text-pick", test_text_pick);
  g_test_add_func ("/catalog/text-plural-count", test_text_plural_count);
  g_test_add_func ("/catalog/text-shared-between-threads", test_text_shared_between_threads);
  return g_test_run ();
}
