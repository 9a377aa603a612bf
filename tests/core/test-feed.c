/* test-feed.c: the catalog feed reader against valid feeds and the bad-input corpus
 *
 * Every case under bad/ must be refused with exit status 1 semantics (a
 * BRIDGE_ERROR), a message that holds each line of its expected.txt (the
 * place, then the reason), and a cache left exactly as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "bridge-catalog.h"
#include "bridge-error.h"
#include "bridge-feed.h"

typedef struct
{
  char          *dir;
  char          *db;
  BridgeCatalog *catalog;
  char          *digest;
} Fixture;

static char *
source_path (const char *relative)
{
  return g_test_build_filename (G_TEST_DIST, relative, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *minimal = source_path ("feeds/minimal/feed.json");
  BridgeCatalogStats stats;

  fixture->dir = g_dir_make_tmp ("bridge-feed-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "catalog.db", NULL);
  fixture->catalog = bridge_catalog_open (fixture->db, &error);
  g_assert_no_error (error);
  bridge_catalog_import (fixture->catalog, minimal, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  bridge_catalog_get_stats (fixture->catalog, &stats, &error);
  g_assert_no_error (error);
  fixture->digest = g_strdup (stats.digest);
  bridge_catalog_stats_clear (&stats);
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
  g_free (fixture->digest);
}

/* The cache holds the minimal feed, exactly, as a second connection sees it. */
static void
assert_cache_unchanged (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCatalog) other = bridge_catalog_open (fixture->db, &error);
  g_autoptr(BridgeCourse) course = NULL;
  BridgeCatalogStats stats;

  g_assert_no_error (error);
  bridge_catalog_get_stats (other, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.universities, ==, 2);
  g_assert_cmpuint (stats.courses, ==, 5);
  g_assert_cmpuint (stats.grading_tables, ==, 4);
  g_assert_cmpuint (stats.certificates, ==, 1);
  g_assert_cmpstr (stats.digest, ==, fixture->digest);
  g_assert_cmpstr (stats.generated, ==, "2026-11-01T08:00:00+08:00");
  bridge_catalog_stats_clear (&stats);

  course = bridge_catalog_get_course (other, "sa:bio210", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bridge_text_get (bridge_course_get_title (course), "en"), ==, "Ecology");
  /* The connection that failed sees the same. */
  g_assert_cmpuint (bridge_catalog_is_empty (fixture->catalog), ==, FALSE);
}

static void
test_bad_case (Fixture       *fixture,
               gconstpointer  data)
{
  const char *name = data;
  g_autofree char *dir = source_path (name);
  g_autofree char *feed = g_build_filename (dir, "feed.json", NULL);
  g_autofree char *expected_path = g_build_filename (dir, "expected.txt", NULL);
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeImportReport) report = NULL;
  gboolean ok;

  g_file_get_contents (expected_path, &expected, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (g_strstrip (expected), "\n", -1);

  ok = bridge_catalog_import (fixture->catalog, feed, &report, NULL, NULL, NULL, &error);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_true (error->domain == BRIDGE_ERROR);
  g_test_message ("%s: %s", name, error->message);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (error->message, lines[i]) == NULL)
      g_error ("case %s: the message “%s” does not contain “%s”", name, error->message, lines[i]);

  assert_cache_unchanged (fixture);
}

static void
test_check_only (void)
{
  g_autofree char *minimal = source_path ("feeds/minimal/feed.json");
  g_autoptr(GFile) file = g_file_new_for_path (minimal);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (bridge_feed_check (file, warnings, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* Imports the minimal feed with each of @edits (pairs: what, then what
 * instead) made once; returns the warnings, one a line. */
static char *
import_edited (Fixture            *fixture,
               const char * const *edits,
               guint              *n_courses)
{
  g_autofree char *minimal = source_path ("feeds/minimal/feed.json");
  g_autofree char *text = NULL;
  g_autofree char *feed = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "feed.json", NULL);
  g_autofree char *lines = source_path ("feeds/minimal/courses.jsonl");
  g_autofree char *lines_text = NULL;
  g_autofree char *lines_copy = g_build_filename (fixture->dir, "courses.jsonl", NULL);
  g_autoptr(BridgeImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GString *joined = g_string_new (NULL);
  GString *edit;

  g_file_get_contents (minimal, &text, NULL, &error);
  g_assert_no_error (error);
  edit = g_string_new (text);
  for (guint i = 0; edits[i] != NULL; i += 2)
    g_assert_cmpuint (g_string_replace (edit, edits[i], edits[i + 1], 1), ==, 1);
  feed = g_string_free (edit, FALSE);
  g_file_set_contents (copy, feed, -1, &error);
  g_assert_no_error (error);
  g_file_get_contents (lines, &lines_text, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (lines_copy, lines_text, -1, &error);
  g_assert_no_error (error);

  g_assert_true (bridge_catalog_import (fixture->catalog, copy, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < report->warnings->len; i++)
    g_string_append_printf (joined, "%s\n", (char *) g_ptr_array_index (report->warnings, i));
  g_test_message ("%s", joined->str);
  *n_courses = report->courses;
  return g_string_free (joined, FALSE);
}

/* Warnings are listed and the import goes on. */
static void
test_warnings (Fixture       *fixture,
               gconstpointer  data)
{
  /* An unknown root member, a course whose credits are far from its workload,
   * and a table of fewer than 100 grades. */
  static const char * const edits[] = {
    "\"x-demo\": true", "\"x-demo\": true, \"editor\": \"vim\"",
    "\"credits\": 4", "\"credits\": 9",
    "\"count\": 150", "\"count\": 1",
    "\"count\": 350", "\"count\": 1",
    "\"count\": 450", "\"count\": 1",
    "\"count\": 250", "\"count\": 1",
    NULL
  };
  guint n_courses = 0;
  g_autofree char *warnings = import_edited (fixture, edits, &n_courses);

  g_assert_nonnull (strstr (warnings, "$.editor: unknown member"));
  g_assert_nonnull (strstr (warnings, "$.courses[0].credits: the course awards 9 local credits"));
  g_assert_nonnull (strstr (warnings, "$.universities[1].grading_tables[0].counts: the table counts only 4 grades"));
  g_assert_cmpuint (n_courses, ==, 5);
}

/* The same warnings for one credit and one grade: "1 local credit", "only
 * 1 grade". */
static void
test_warnings_singular (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const edits[] = {
    "\"credits\": 4", "\"credits\": 1",
    "\"count\": 150", "\"count\": 1",
    "\"count\": 350", "\"count\": 0",
    "\"count\": 450", "\"count\": 0",
    "\"count\": 250", "\"count\": 0",
    NULL
  };
  guint n_courses = 0;
  g_autofree char *warnings = import_edited (fixture, edits, &n_courses);

  g_assert_nonnull (strstr (warnings, "$.courses[0].credits: the course awards 1 local credit, but"));
  g_assert_nonnull (strstr (warnings, "$.universities[1].grading_tables[0].counts: the table counts only 1 grade,"));
  g_assert_cmpuint (n_courses, ==, 5);
}

/* The bundled demo catalog imports without a single warning. */
static void
test_demo_catalog (void)
{
  const char *root = g_getenv ("CREDIT_BRIDGE_SOURCE_ROOT");
  g_autofree char *demo = g_build_filename (root ? root : "..", "data", "catalog", "feed.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (demo);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (bridge_feed_check (file, warnings, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (warnings, i));
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* The digest that tells an unchanged feed from a changed one is the SHA-256
 * of every byte read, the root and then each course file in the order the
 * root lists them: what sha256sum of the files put end to end prints. */
static gboolean
digest_end (gpointer     user_data,
            const char  *digest,
            GError     **error)
{
  *(char **) user_data = g_strdup (digest);
  return TRUE;
}

static void
test_digest (void)
{
  const char *root = g_getenv ("CREDIT_BRIDGE_SOURCE_ROOT");
  g_autofree char *demo = g_build_filename (root ? root : "..", "data", "catalog", "feed.json", NULL);
  g_autofree char *folder = g_path_get_dirname (demo);
  g_autoptr(GFile) file = g_file_new_for_path (demo);
  g_autoptr(GChecksum) expected = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *digest = NULL;
  BridgeFeedSink sink = { 0 };
  JsonArray *files;
  gsize len;

  g_file_get_contents (demo, &contents, &len, &error);
  g_assert_no_error (error);
  g_checksum_update (expected, (const guchar *) contents, (gssize) len);
  json_parser_load_from_data (parser, contents, (gssize) len, &error);
  g_assert_no_error (error);
  files = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "course_files");
  /* More than one course file: the order counts. */
  g_assert_cmpuint (json_array_get_length (files), >, 1);
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      g_autofree char *path = g_build_filename (folder, json_array_get_string_element (files, i), NULL);
      g_autofree char *course_file = NULL;

      g_file_get_contents (path, &course_file, &len, &error);
      g_assert_no_error (error);
      g_checksum_update (expected, (const guchar *) course_file, (gssize) len);
    }

  sink.end = digest_end;
  g_assert_true (bridge_feed_read (file, &sink, &digest, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (digest, ==, g_checksum_get_string (expected));
}

/* Reading a feed from memory, as the fuzzer does, with a course file. */
static GBytes *
open_memory (const char  *name,
             gpointer     data,
             GError     **error)
{
  if (g_str_equal (name, "c.jsonl"))
    return g_bytes_new_static (data, strlen (data));
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no %s", name);
  return NULL;
}

static guint courses_seen;

static gboolean
count_course (gpointer     user_data,
              JsonObject  *course,
              const char  *raw,
              gsize        raw_len,
              const char  *place,
              GError     **error)
{
  courses_seen++;
  /* Inline courses have no text of their own; a course file's line does. */
  if (raw != NULL)
    g_assert_cmpuint (raw_len, ==, strlen (raw));
  else
    g_assert_cmpuint (raw_len, ==, 0);
  return TRUE;
}

/* The minimal feed in memory, its course file renamed c.jsonl (open_memory
 * () opens it), and the text of that file in @course_text. */
static GBytes *
minimal_in_memory (char **course_text)
{
  g_autofree char *minimal = source_path ("feeds/minimal/feed.json");
  g_autofree char *lines = source_path ("feeds/minimal/courses.jsonl");
  g_autofree char *root = NULL;
  g_autoptr(GError) error = NULL;
  GString *edit;

  g_file_get_contents (minimal, &root, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (lines, course_text, NULL, &error);
  g_assert_no_error (error);
  edit = g_string_new (root);
  g_string_replace (edit, "\"courses.jsonl\"", "\"c.jsonl\"", 1);
  return g_string_free_to_bytes (edit);
}

static void
test_read_bytes (void)
{
  g_autofree char *course_text = NULL;
  g_autoptr(GBytes) bytes = minimal_in_memory (&course_text);
  g_autoptr(GError) error = NULL;
  BridgeFeedSink sink = { 0 };

  sink.course = count_course;
  courses_seen = 0;
  g_assert_true (bridge_feed_read_bytes (bytes, "feed.json", open_memory, course_text, &sink, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (courses_seen, ==, 5);
}

/* Two courses of one university with the same load (periods, credits):
 * the credit check's outcome is kept for the second, which still warns,
 * with its own place and the same numbers. */
static void
collect_place_warning (gpointer    user_data,
                       const char *place,
                       const char *message)
{
  g_ptr_array_add (user_data, g_strdup_printf ("%s: %s", place, message));
}

static void
test_warnings_same_load (void)
{
  g_autofree char *course_text = NULL;
  g_autofree char *first = NULL;
  g_autoptr(GBytes) bytes = minimal_in_memory (&course_text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  BridgeFeedSink sink = { 0 };
  GString *edit;

  /* sa:bio210, 48 lecture periods, awards 9 credits instead of 3; then
   * sa:bio211, a copy of it, as the fourth line. */
  edit = g_string_new (course_text);
  g_string_replace (edit, "\"credits\": 3,", "\"credits\": 9,", 1);
  first = g_strndup (edit->str, strchr (edit->str, '\n') - edit->str + 1);
  g_string_append (edit, first);
  g_string_replace (edit, "sa:bio210", "sa:bio211", 2);
  g_string_replace (edit, "sa:bio211", "sa:bio210", 1);
  g_string_replace (edit, "\"BIO210\"", "\"BIO211\"", 2);
  g_string_replace (edit, "\"BIO211\"", "\"BIO210\"", 1);
  g_free (course_text);
  course_text = g_string_free (edit, FALSE);

  sink.warning = collect_place_warning;
  g_assert_true (bridge_feed_read_bytes (bytes, "feed.json", open_memory, course_text, &sink, warnings, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "c.jsonl:1: $.credits: the course awards 9 local credits"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 1), "c.jsonl:4: $.credits: "));
  g_assert_cmpstr (strchr (g_ptr_array_index (warnings, 0), ' '), ==, strchr (g_ptr_array_index (warnings, 1), ' '));
}

/* Cancelling stops a read with G_IO_ERROR_CANCELLED, whichever part of
 * the reader meets it: the first read of the file, a course between two
 * others, or the opening of a course file. */
static void
test_cancelled_before (void)
{
  g_autofree char *minimal = source_path ("feeds/minimal/feed.json");
  g_autoptr(GFile) file = g_file_new_for_path (minimal);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (bridge_feed_check (file, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (error->message, "Cannot read the catalog feed"));
}

static gboolean
cancel_at_university (gpointer     user_data,
                      JsonObject  *university,
                      const char  *place,
                      GError     **error)
{
  g_cancellable_cancel (user_data);
  return TRUE;
}

static GBytes *
open_cancelled (const char  *name,
                gpointer     data,
                GError     **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled while opening");
  return NULL;
}

static GBytes *
minimal_root (void)
{
  g_autofree char *minimal = source_path ("feeds/minimal/feed.json");
  g_autoptr(GError) error = NULL;
  char *root = NULL;
  gsize len = 0;

  g_file_get_contents (minimal, &root, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (root, len);
}

static void
test_cancelled_between_courses (void)
{
  g_autoptr(GBytes) bytes = minimal_root ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  BridgeFeedSink sink = { 0 };

  sink.university = cancel_at_university;
  g_assert_false (bridge_feed_read_bytes (bytes, "feed.json", open_memory, NULL, &sink, cancellable,
                                          cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (error->message, ==, "The import was cancelled");
}

static void
test_cancelled_opening_course_file (void)
{
  g_autoptr(GBytes) bytes = minimal_root ();
  g_autoptr(GError) error = NULL;
  BridgeFeedSink sink = { 0 };

  g_assert_false (bridge_feed_read_bytes (bytes, "feed.json", open_cancelled, NULL, &sink, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (error->message, ==, "The import was cancelled");
}

static void
test_identifiers (void)
{
  g_assert_true (bridge_feed_is_identifier ("scu:math101"));
  g_assert_true (bridge_feed_is_identifier ("0"));
  g_assert_true (bridge_feed_is_identifier ("a.b_c-d:e"));
  g_assert_false (bridge_feed_is_identifier (""));
  g_assert_false (bridge_feed_is_identifier ("-scu"));
  g_assert_false (bridge_feed_is_identifier ("SCU"));
  g_assert_false (bridge_feed_is_identifier ("scu math"));
  g_assert_false (bridge_feed_is_identifier ("四川大学"));
  g_assert_true (bridge_feed_is_identifier ("a123456789012345678901234567890123456789012345678901234567890123"));
  g_assert_false (bridge_feed_is_identifier ("a1234567890123456789012345678901234567890123456789012345678901234"));
}

/* Revision 2's credit_policy.rounding and term_load reach the model through
 * the cache; a policy without them reads as revision 1 did: down, no load. */
static void
test_credit_policy_revision_2 (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char * const edits[] = {
    "\"credit_step\": 0.5", "\"credit_step\": 1, \"rounding\": \"nearest\", \"term_load\": {\"min\": 0, \"max\": 30}",
    "\"credit_step\": 0.5", "\"credit_step\": 0.25, \"term_load\": {\"min\": 15, \"max\": 28.5}",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeUniversity) sa = bridge_catalog_get_university (fixture->catalog, "sa", &error);
  g_autoptr(BridgeUniversity) cb = NULL;
  g_autofree char *warnings = NULL;
  const BridgeCreditPolicy *policy;
  guint n_courses = 0;

  g_assert_no_error (error);
  policy = bridge_university_get_policy (sa);
  g_assert_cmpint (policy->rounding, ==, BRIDGE_CREDIT_ROUNDING_DOWN);
  g_assert_cmpfloat (policy->term_load_min, ==, 0);
  g_assert_cmpfloat (policy->term_load_max, ==, 0);
  g_clear_object (&sa);

  warnings = import_edited (fixture, edits, &n_courses);
  g_assert_cmpstr (warnings, ==, "");
  sa = bridge_catalog_get_university (fixture->catalog, "sa", &error);
  g_assert_no_error (error);
  policy = bridge_university_get_policy (sa);
  g_assert_cmpint (policy->rounding, ==, BRIDGE_CREDIT_ROUNDING_NEAREST);
  g_assert_cmpfloat (policy->credit_step, ==, 1);
  g_assert_cmpfloat (policy->term_load_min, ==, 0);
  g_assert_cmpfloat (policy->term_load_max, ==, 30);
  cb = bridge_catalog_get_university (fixture->catalog, "cb", &error);
  g_assert_no_error (error);
  policy = bridge_university_get_policy (cb);
  g_assert_cmpint (policy->rounding, ==, BRIDGE_CREDIT_ROUNDING_DOWN);
  g_assert_cmpfloat (policy->term_load_min, ==, 15);
  g_assert_cmpfloat (policy->term_load_max, ==, 28.5);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *bad = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/identifiers", test_identifiers);
  g_test_add_func ("/feed/check-minimal", test_check_only);
  g_test_add_func ("/feed/demo-catalog", test_demo_catalog);
  g_test_add_func ("/feed/digest", test_digest);
  g_test_add_func ("/feed/read-bytes", test_read_bytes);
  g_test_add_func ("/feed/warnings-same-load", test_warnings_same_load);
  g_test_add_func ("/feed/cancelled/before", test_cancelled_before);
  g_test_add_func ("/feed/cancelled/between-courses", test_cancelled_between_courses);
  g_test_add_func ("/feed/cancelled/opening-course-file", test_cancelled_opening_course_file);
  g_test_add ("/feed/warnings", Fixture, NULL, fixture_set_up, test_warnings, fixture_tear_down);
  g_test_add ("/feed/warnings-singular", Fixture, NULL, fixture_set_up, test_warnings_singular, fixture_tear_down);
  g_test_add ("/feed/credit-policy-revision-2", Fixture, NULL, fixture_set_up, test_credit_policy_revision_2,
              fixture_tear_down);

  /* bad/ is written by make-corpus.py, bad-rev2/ by make-rev2-corpus.py. */
  for (guint k = 0; k < 2; k++)
    {
      const char *corpus = k == 0 ? "bad" : "bad-rev2";

      bad = source_path (corpus);
      dir = g_dir_open (bad, 0, NULL);
      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (bad, name, NULL);

          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            g_ptr_array_add (names, g_build_filename (corpus, name, NULL));
        }
      g_clear_pointer (&dir, g_dir_close);
      g_clear_pointer (&bad, g_free);
    }
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 13);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed/%s", (char *) g_ptr_array_index (names, i));
      g_test_add (path, Fixture, g_ptr_array_index (names, i), fixture_set_up, test_bad_case, fixture_tear_down);
    }
  return g_test_run ();
}
