/* test-register.c: the recognition register of feed revision 2, in the cache
 *
 * feeds/register/ is the minimal feed with a third university and four
 * decisions: sa-2025-001 (cb:mm200 for sa:math101, with a condition, valid
 * until 2027-06-30), sa-2021-004 (cb:env300 for sa:bio210, expired on
 * 2024-07-31), sa-2024-010 (cc:phy100 for 2 free elective credits) and
 * cb-2025-002 (sa:cs110 and sa:bio210 together for cb:mm200, 3.5 credits).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "bridge-catalog.h"
#include "bridge-error.h"
#include "bridge-recognize.h"

typedef struct
{
  char          *dir;
  char          *db;
  BridgeCatalog *catalog;
} Fixture;

static char *
feed_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "feeds", name, "feed.json", NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *feed = feed_path ("register");
  g_autoptr(BridgeImportReport) report = NULL;

  fixture->dir = g_dir_make_tmp ("bridge-register-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "catalog.db", NULL);
  fixture->catalog = bridge_catalog_open (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_import (fixture->catalog, feed, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->equivalences, ==, 4);
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

static void
test_stored (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeEquivalence) equivalence = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) of_cb = NULL;
  g_auto(BridgeCatalogStats) stats = { 0 };

  g_assert_true (bridge_catalog_get_stats (fixture->catalog, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.equivalences, ==, 4);

  equivalence = bridge_catalog_get_equivalence (fixture->catalog, "sa-2025-001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (equivalence->home, ==, "sa");
  g_assert_cmpstr (equivalence->host, ==, "cb");
  g_assert_cmpstrv (equivalence->host_courses, ((const char *[]) { "cb:mm200", NULL }));
  g_assert_cmpstrv (equivalence->home_courses, ((const char *[]) { "sa:math101", NULL }));
  g_assert_cmpfloat (equivalence->home_credits, ==, 0);
  g_assert_cmpstr (equivalence->decided, ==, "2025-06-01");
  g_assert_cmpstr (equivalence->valid_until, ==, "2027-06-30");
  g_assert_cmpstr (equivalence->reference, ==, "SA-2025-17");
  g_assert_cmpstr (bridge_text_get (equivalence->conditions, "en"), ==, "with at least 良好");
  g_assert_false (bridge_equivalence_is_expired (equivalence, "2027-06-30"));
  g_assert_true (bridge_equivalence_is_expired (equivalence, "2027-07-01"));
  g_assert_false (bridge_equivalence_is_elective (equivalence));

  g_clear_pointer (&equivalence, bridge_equivalence_free);
  equivalence = bridge_catalog_get_equivalence (fixture->catalog, "nope", &error);
  g_assert_null (equivalence);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Newest first. */
  all = bridge_catalog_list_equivalences (fixture->catalog, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (((BridgeEquivalence *) all->pdata[0])->id, ==, "sa-2025-001");
  g_assert_cmpstr (((BridgeEquivalence *) all->pdata[1])->id, ==, "cb-2025-002");
  g_assert_cmpstr (((BridgeEquivalence *) all->pdata[2])->id, ==, "sa-2024-010");
  g_assert_cmpstr (((BridgeEquivalence *) all->pdata[3])->id, ==, "sa-2021-004");

  of_cb = bridge_catalog_list_equivalences (fixture->catalog, "cb", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_cb->len, ==, 1);
  g_assert_cmpstr (((BridgeEquivalence *) of_cb->pdata[0])->host, ==, "sa");
}

/* A course is found as a host course and as a home course, per home. */
static void
test_by_course (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  list = bridge_catalog_list_equivalences (fixture->catalog, "sa", "sa:bio210", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((BridgeEquivalence *) list->pdata[0])->id, ==, "sa-2021-004");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* sa:bio210 is also a host course of cb's decision. */
  list = bridge_catalog_list_equivalences (fixture->catalog, "cb", "sa:bio210", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((BridgeEquivalence *) list->pdata[0])->id, ==, "cb-2025-002");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = bridge_catalog_list_equivalences (fixture->catalog, NULL, "sa:bio210", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = bridge_catalog_list_equivalences (fixture->catalog, "sa", "sa:cs110", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_precedents (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) options = NULL;
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  const char *hosts[] = { "cb:env300", "cc:phy100", "cb:mm200", NULL };
  BridgeRecognitionOption *option;

  query.today = "2026-12-04";
  options = bridge_recognize_replacements (fixture->catalog, "sa:math101", &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (options->len, >=, 1);
  option = options->pdata[0];
  g_assert_cmpint (option->kind, ==, BRIDGE_RECOGNITION_PRECEDENT);
  g_assert_cmpstrv (option->host_courses, ((const char *[]) { "cb:mm200", NULL }));
  /* No credits declared: the home course's own 4. */
  g_assert_cmpfloat (option->home_credits_awarded, ==, 4);
  g_assert_cmpfloat (option->score, ==, 1);
  g_assert_false (option->expired);
  g_assert_false (option->elective);
  g_assert_cmpstr (option->equivalence->reference, ==, "SA-2025-17");
  g_clear_pointer (&options, g_ptr_array_unref);

  /* From the host side: valid ones before the expired one. */
  options = bridge_recognize_for_host (fixture->catalog, "sa", hosts, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (options->len, >=, 3);
  g_assert_cmpstr (((BridgeRecognitionOption *) options->pdata[0])->equivalence->id, ==, "sa-2024-010");
  g_assert_true (((BridgeRecognitionOption *) options->pdata[0])->elective);
  g_assert_cmpfloat (((BridgeRecognitionOption *) options->pdata[0])->home_credits_awarded, ==, 2);
  g_assert_cmpstr (((BridgeRecognitionOption *) options->pdata[1])->equivalence->id, ==, "sa-2025-001");
  g_assert_cmpstr (((BridgeRecognitionOption *) options->pdata[2])->equivalence->id, ==, "sa-2021-004");
  g_assert_true (((BridgeRecognitionOption *) options->pdata[2])->expired);
  g_clear_pointer (&options, g_ptr_array_unref);

  /* On a day before it expired, it is valid. */
  query.today = "2024-07-31";
  options = bridge_recognize_precedents (fixture->catalog, "sa", "cb:env300", &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (options->len, ==, 1);
  g_assert_false (((BridgeRecognitionOption *) options->pdata[0])->expired);
  g_clear_pointer (&options, g_ptr_array_unref);

  /* Only the host asked for. */
  query.host = "cc";
  options = bridge_recognize_for_host (fixture->catalog, "sa", hosts, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < options->len; i++)
    g_assert_cmpstr (((BridgeRecognitionOption *) options->pdata[i])->host, ==, "cc");
  g_clear_pointer (&options, g_ptr_array_unref);

  /* Unknown ones are errors. */
  options = bridge_recognize_replacements (fixture->catalog, "sa:nope", &query, &error);
  g_assert_null (options);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  options = bridge_recognize_for_host (fixture->catalog, "zz", hosts, &query, &error);
  g_assert_null (options);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_clear_error (&error);
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(JsonNode) node = NULL;
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  JsonObject *object;

  query.today = "2026-12-04";
  options = bridge_recognize_precedents (fixture->catalog, "sa", "cb:env300", &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (options->len, ==, 1);
  node = bridge_recognition_option_to_json (options->pdata[0]);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "precedent");
  g_assert_cmpstr (json_object_get_string_member (object, "equivalence"), ==, "sa-2021-004");
  g_assert_cmpstr (json_object_get_string_member (object, "decided"), ==, "2021-03-01");
  g_assert_cmpstr (json_object_get_string_member (object, "reference"), ==, "SA-2021-4");
  g_assert_true (json_object_get_boolean_member (object, "expired"));
  g_assert_true (json_object_get_null_member (object, "conditions"));
  g_assert_cmpfloat (json_object_get_double_member (object, "score"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (object, "home_credits_awarded"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "host_courses")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "home_courses")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "reasons")), >=, 2);
}

static void
test_match (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeEquivalence) found = NULL;
  gboolean expired = TRUE;

  found = bridge_recognize_match (fixture->catalog, "cb", (const char *[]) { "sa:bio210", "sa:cs110", NULL },
                                  (const char *[]) { "cb:mm200", NULL }, "2026-12-04", &expired, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->id, ==, "cb-2025-002");
  g_assert_false (expired);
  g_clear_pointer (&found, bridge_equivalence_free);

  /* One host course of the two is not the decision. */
  found = bridge_recognize_match (fixture->catalog, "cb", (const char *[]) { "sa:bio210", NULL },
                                  (const char *[]) { "cb:mm200", NULL }, "2026-12-04", &expired, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  found = bridge_recognize_match (fixture->catalog, "sa", (const char *[]) { "cb:env300", NULL },
                                  (const char *[]) { "sa:bio210", NULL }, "2026-12-04", &expired, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_true (expired);
  g_clear_pointer (&found, bridge_equivalence_free);

  /* Elective: no home course on either side. */
  found = bridge_recognize_match (fixture->catalog, "sa", (const char *[]) { "cc:phy100", NULL },
                                  (const char *[]) { NULL }, "2026-12-04", &expired, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->id, ==, "sa-2024-010");
}

/* A feed of a later revision, with members this build does not know, is read. */
static void
test_later_revision (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bridge-register-XXXXXX", &error);
  g_autofree char *source = feed_path ("register");
  g_autofree char *source_dir = g_path_get_dirname (source);
  g_autofree char *text = NULL;
  g_autofree char *feed = g_build_filename (dir, "feed.json", NULL);
  g_autofree char *lines_src = g_build_filename (source_dir, "courses.jsonl", NULL);
  g_autofree char *lines_dst = g_build_filename (dir, "courses.jsonl", NULL);
  g_autofree char *lines = NULL;
  g_autofree char *db = g_build_filename (dir, "catalog.db", NULL);
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeImportReport) report = NULL;
  g_autoptr(GString) changed = NULL;

  g_assert_no_error (error);
  g_file_get_contents (source, &text, NULL, &error);
  g_assert_no_error (error);
  changed = g_string_new (text);
  g_assert_cmpuint (g_string_replace (changed, "\"revision\": 2", "\"revision\": 3", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (changed, "\"reference\": \"SA-2025-17\"",
                                      "\"reference\": \"SA-2025-17\", \"appeal\": {\"until\": \"2025-07-01\"}", 1), ==, 1);
  g_file_set_contents (feed, changed->str, -1, &error);
  g_assert_no_error (error);
  g_file_get_contents (lines_src, &lines, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (lines_dst, lines, -1, &error);
  g_assert_no_error (error);

  catalog = bridge_catalog_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_import (catalog, feed, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->equivalences, ==, 4);
  /* "revision" is a member of the root, not an unknown one. */
  for (guint i = 0; i < report->warnings->len; i++)
    g_assert_null (strstr (g_ptr_array_index (report->warnings, i), "$.revision"));

  g_clear_object (&catalog);
  g_unlink (feed);
  g_unlink (lines_dst);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

/* A cache of schema 1 was imported without the register: opening it says
 * so and names the feed to rebuild it from, which then imports again. */
static void
test_cache_of_schema_1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bridge-register-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "catalog.db", NULL);
  g_autofree char *feed = feed_path ("register");
  g_autofree char *reason = NULL;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeImportReport) report = NULL;
  g_auto(BridgeCatalogStats) stats = { 0 };
  sqlite3 *handle = NULL;

  g_assert_no_error (error);
  catalog = bridge_catalog_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_import (catalog, feed, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&catalog);

  /* What an older build left: no register tables, schema 1. */
  g_assert_cmpint (sqlite3_open (db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "DROP TABLE equivalence_courses; DROP TABLE equivalences; PRAGMA user_version = 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  catalog = bridge_catalog_open_or_reset (db, &reason, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "older version"));
  g_assert_cmpstr (bridge_catalog_get_lost_source (catalog), ==, feed);
  /* Still searchable meanwhile. */
  g_assert_false (bridge_catalog_is_empty (catalog));

  g_assert_true (bridge_catalog_import (catalog, feed, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (report->unchanged);
  g_assert_true (bridge_catalog_get_stats (catalog, &stats, &error));
  g_assert_cmpuint (stats.equivalences, ==, 4);
  g_clear_object (&catalog);

  /* Opened again: nothing more to say. */
  g_clear_pointer (&reason, g_free);
  catalog = bridge_catalog_open_or_reset (db, &reason, &error);
  g_assert_no_error (error);
  g_assert_null (reason);
  g_assert_null (bridge_catalog_get_lost_source (catalog));
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

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/register/stored", Fixture, NULL, fixture_set_up, test_stored, fixture_tear_down);
  g_test_add ("/register/by-course", Fixture, NULL, fixture_set_up, test_by_course, fixture_tear_down);
  g_test_add ("/register/precedents", Fixture, NULL, fixture_set_up, test_precedents, fixture_tear_down);
  g_test_add ("/register/json", Fixture, NULL, fixture_set_up, test_json, fixture_tear_down);
  g_test_add ("/register/match", Fixture, NULL, fixture_set_up, test_match, fixture_tear_down);
  g_test_add_func ("/register/later-revision", test_later_revision);
  g_test_add_func ("/register/cache-of-schema-1", test_cache_of_schema_1);
  return g_test_run ();
}
