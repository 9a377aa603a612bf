/* test-holdings.c: the student's record of certificates ("My certificates"),
 * its file, and what it is worth at a home university on a day
 *
 * The figures of the summary are computed by hand from
 * feeds/certificates/feed.json (see test_summary ()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "bridge-error.h"
#include "bridge-holdings.h"

typedef struct
{
  char          *dir;
  char          *path;                    /* dir/certificates.json */
  BridgeCatalog *catalog;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *feed = g_test_build_filename (G_TEST_DIST, "feeds", "certificates", "feed.json", NULL);
  g_autofree char *db = NULL;

  fixture->dir = g_dir_make_tmp ("bridge-holdings-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "certificates.json", NULL);
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
  g_free (fixture->path);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Files of @dir but the catalog's (catalog.db and its journal). */
static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (!g_str_has_prefix (name, "catalog.db"))
      n++;
  return n;
}

/* Loading ------------------------------------------------------------------ */

static void
test_default_path (void)
{
  g_autofree char *path = bridge_holdings_get_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "credit-bridge", "certificates.json", NULL);
  g_autoptr(BridgeHoldings) holdings = bridge_holdings_new (NULL);

  g_assert_true (g_str_has_prefix (expected, g_getenv ("XDG_DATA_HOME")));
  g_assert_cmpstr (path, ==, expected);
  g_assert_cmpstr (bridge_holdings_get_path (holdings), ==, expected);
}

static void
test_load_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeHoldings) holdings = bridge_holdings_load (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (holdings);
  g_assert_null (bridge_holdings_get_load_error (holdings));
  g_assert_cmpuint (bridge_holdings_get_n_holdings (holdings), ==, 0);
  g_assert_null (bridge_holdings_get_home (holdings));
  /* Saving the empty record makes the file, and its folder. */
  g_assert_true (bridge_holdings_save (holdings, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
}

static void
test_load_valid (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeHoldings) holdings = NULL;
  const BridgeHolding *holding;

  write_file (fixture->path,
              "{ \"format\": \"credit-bridge-certificates\", \"version\": 1,\n"
              "  \"student\": { \"name\": \"王小明\", \"id\": \"2023141460\" },\n"
              "  \"home\": \"sa\",\n"
              "  \"certificates\": [\n"
              "    { \"certificate\": \"ncre-2\", \"obtained\": \"2024-09-21\", \"number\": \"NCRE-0042\" },\n"
              "    { \"certificate\": \"cet-6\", \"obtained\": \"2025-06-14\" } ] }\n");
  holdings = bridge_holdings_load (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (bridge_holdings_get_load_error (holdings));
  g_assert_cmpstr (bridge_holdings_get_home (holdings), ==, "sa");
  g_assert_cmpstr (bridge_holdings_get_student_name (holdings), ==, "王小明");
  g_assert_cmpstr (bridge_holdings_get_student_id (holdings), ==, "2023141460");
  g_assert_cmpuint (bridge_holdings_get_n_holdings (holdings), ==, 2);
  holding = bridge_holdings_get_holding (holdings, 0);
  g_assert_cmpstr (holding->certificate_id, ==, "ncre-2");
  g_assert_cmpstr (holding->obtained, ==, "2024-09-21");
  g_assert_cmpstr (holding->number, ==, "NCRE-0042");
  holding = bridge_holdings_get_holding (holdings, 1);
  g_assert_cmpstr (holding->certificate_id, ==, "cet-6");
  g_assert_null (holding->number);
}

typedef struct
{
  const char *name;
  const char *contents;
  int         code;
  const char *messages[3];                /* each in the error's message */
} Damage;

static const Damage damages[] = {
  { "not-json", "{ \"format\": \"credit-bridge-certificates\", \"version\": 1, \"certificates\": [",
    BRIDGE_ERROR_INVALID_INPUT, { "is damaged or incomplete", "Correct the file in a text editor" } },
  { "empty", "",
    BRIDGE_ERROR_INVALID_INPUT, { "$: the file is empty" } },
  { "wrong-format", "{ \"format\": \"credit-bridge-plan\", \"version\": 1 }",
    BRIDGE_ERROR_INVALID_INPUT, { "$.format: this is not a Credit Bridge record of certificates (format “credit-bridge-plan”)" } },
  { "not-an-object", "[1, 2]",
    BRIDGE_ERROR_INVALID_INPUT, { "$: the record must be a JSON object" } },
  { "version-newer", "{ \"format\": \"credit-bridge-certificates\", \"version\": 2, \"certificates\": [] }",
    BRIDGE_ERROR_UNSUPPORTED_VERSION, { "recorded by a newer Credit Bridge (format version 2, this one reads 1)",
                                        "update Credit Bridge" } },
  { "version-not-a-number", "{ \"format\": \"credit-bridge-certificates\", \"version\": \"1\" }",
    BRIDGE_ERROR_INVALID_INPUT, { "$.version: the format version must be a whole number" } },
  { "certificates-not-an-array", "{ \"format\": \"credit-bridge-certificates\", \"version\": 1, \"certificates\": {} }",
    BRIDGE_ERROR_INVALID_INPUT, { "$: “certificates” must be an array" } },
  { "entry-not-an-object", "{ \"format\": \"credit-bridge-certificates\", \"version\": 1, \"certificates\": [ \"ncre-2\" ] }",
    BRIDGE_ERROR_INVALID_INPUT, { "$.certificates[0]: must be an object" } },
  { "entry-without-date", "{ \"format\": \"credit-bridge-certificates\", \"version\": 1, \"certificates\": ["
    " { \"certificate\": \"ncre-2\", \"obtained\": \"2024-01-01\" }, { \"certificate\": \"cet-6\" } ] }",
    BRIDGE_ERROR_INVALID_INPUT, { "$.certificates[1]: “obtained” is missing" } },
  { "entry-without-certificate", "{ \"format\": \"credit-bridge-certificates\", \"version\": 1, \"certificates\": ["
    " { \"obtained\": \"2024-01-01\" } ] }",
    BRIDGE_ERROR_INVALID_INPUT, { "$.certificates[0]: “certificate” is missing" } },
  { "bad-date", "{ \"format\": \"credit-bridge-certificates\", \"version\": 1, \"certificates\": ["
    " { \"certificate\": \"ncre-2\", \"obtained\": \"2025-02-29\" } ] }",
    BRIDGE_ERROR_INVALID_INPUT, { "$.certificates[0]: ", "“2025-02-29” is not a date" } },
  { "date-before-1950", "{ \"format\": \"credit-bridge-certificates\", \"version\": 1, \"certificates\": ["
    " { \"certificate\": \"ncre-2\", \"obtained\": \"1949-12-31\" } ] }",
    BRIDGE_ERROR_INVALID_INPUT, { "$.certificates[0]: The date obtained, 1949-12-31, is before 1950-01-01" } },
  { "date-not-a-string", "{ \"format\": \"credit-bridge-certificates\", \"version\": 1, \"certificates\": ["
    " { \"certificate\": \"ncre-2\", \"obtained\": 20240101 } ] }",
    BRIDGE_ERROR_INVALID_INPUT, { "$.certificates[0]: “obtained” must be a string" } },
  { "listed-twice", "{ \"format\": \"credit-bridge-certificates\", \"version\": 1, \"certificates\": ["
    " { \"certificate\": \"ncre-2\", \"obtained\": \"2024-01-01\" },"
    " { \"certificate\": \"ncre-2\", \"obtained\": \"2024-01-01\" } ] }",
    BRIDGE_ERROR_INVALID_INPUT, { "$.certificates[1]: “ncre-2” obtained on 2024-01-01 is listed twice" } },
  { "student-name-control", "{ \"format\": \"credit-bridge-certificates\", \"version\": 1,"
    " \"student\": { \"name\": \"Wang\\u001b[2J\" }, \"certificates\": [] }",
    BRIDGE_ERROR_INVALID_INPUT, { "$.student: “name” contains the invisible character U+001B" } },
  { "too-deep", "{ \"format\": \"credit-bridge-certificates\", \"version\": 1, \"x\": "
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]] }",
    BRIDGE_ERROR_INVALID_INPUT, { "$: line 1, column ", "nested more than 16 levels deep" } },
  { "not-utf8", "{ \"format\": \"credit-bridge-certificates\", \"version\": 1, \"home\": \"\xff\" }",
    BRIDGE_ERROR_INVALID_INPUT, { "$: the file is not valid UTF-8 text" } },
};

/* Each kind of damage is reported, naming the file, and the record is
 * empty and refuses to save, so the file stays byte for byte. */
static void
test_load_damaged (Fixture       *fixture,
                   gconstpointer  data)
{
  const Damage *damage = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) save_error = NULL;
  g_autoptr(BridgeHoldings) holdings = NULL;
  g_autofree char *after = NULL;
  gsize length;

  write_file (fixture->path, damage->contents);
  holdings = bridge_holdings_load (fixture->path, &error);
  g_assert_nonnull (holdings);
  g_assert_error (error, BRIDGE_ERROR, damage->code);
  g_test_message ("%s: %s", damage->name, error->message);
  g_assert_true (g_str_has_prefix (error->message, fixture->path));
  for (guint i = 0; i < G_N_ELEMENTS (damage->messages) && damage->messages[i] != NULL; i++)
    g_assert_nonnull (strstr (error->message, damage->messages[i]));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (bridge_holdings_get_load_error (holdings));
  g_assert_cmpstr (bridge_holdings_get_load_error (holdings)->message, ==, error->message);
  g_assert_cmpuint (bridge_holdings_get_n_holdings (holdings), ==, 0);
  g_assert_null (bridge_holdings_get_home (holdings));

  bridge_holdings_set_home (holdings, "sa");
  g_assert_false (bridge_holdings_save (holdings, &save_error));
  g_assert_error (save_error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED);
  g_assert_nonnull (strstr (save_error->message, "Your certificates are not saved"));
  g_assert_nonnull (strstr (save_error->message, fixture->path));
  g_assert_nonnull (strstr (save_error->message, "start a new record, which moves it aside first"));
  g_assert_true (g_file_get_contents (fixture->path, &after, &length, NULL));
  g_assert_cmpuint (length, ==, strlen (damage->contents));
  g_assert_cmpmem (after, length, damage->contents, strlen (damage->contents));
}

/* A file that cannot be read (a folder in its place) is kept as it is too. */
static void
test_load_unreadable (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeHoldings) holdings = NULL;

  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
  holdings = bridge_holdings_load (fixture->path, &error);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Your certificates cannot be read from"));
  g_assert_false (bridge_holdings_save (holdings, NULL));
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_DIR));
  g_rmdir (fixture->path);
}

static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  static const char damaged[] = "{ \"format\": \"credit-bridge-certificates\", \"version\": 7 }";
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeHoldings) holdings = NULL;
  g_autoptr(BridgeHoldings) again = NULL;
  g_autofree char *moved_to = NULL;
  g_autofree char *prefix = g_strconcat (fixture->path, ".damaged-", NULL);
  g_autofree char *kept = NULL;

  /* Nothing to do when the load went well. */
  holdings = bridge_holdings_load (fixture->path, NULL);
  g_assert_true (bridge_holdings_reset (holdings, &moved_to, &error));
  g_assert_no_error (error);
  g_assert_null (moved_to);
  g_clear_object (&holdings);

  write_file (fixture->path, damaged);
  holdings = bridge_holdings_load (fixture->path, NULL);
  g_assert_nonnull (bridge_holdings_get_load_error (holdings));
  g_assert_true (bridge_holdings_reset (holdings, &moved_to, &error));
  g_assert_no_error (error);
  g_assert_nonnull (moved_to);
  g_assert_true (g_str_has_prefix (moved_to, prefix));
  /* PATH.damaged-YYYYMMDD-HHMMSS */
  g_assert_cmpuint (strlen (moved_to), ==, strlen (prefix) + 15);
  g_assert_true (g_file_get_contents (moved_to, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, damaged);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_null (bridge_holdings_get_load_error (holdings));

  g_assert_true (bridge_holdings_add (holdings, fixture->catalog, "ncre-2", "2024-09-21", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bridge_holdings_save (holdings, &error));
  g_assert_no_error (error);
  again = bridge_holdings_load (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bridge_holdings_get_n_holdings (again), ==, 1);
  g_unlink (moved_to);
}

/* Editing and saving ------------------------------------------------------- */

static void
changed_cb (BridgeHoldings *holdings,
            guint          *count)
{
  (*count)++;
}

static void
test_add_remove (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeHoldings) holdings = bridge_holdings_new (fixture->path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 1);
  g_autofree char *tomorrow = g_date_time_format (later, "%Y-%m-%d");
  guint changes = 0, index = 99;

  g_signal_connect (holdings, "changed", G_CALLBACK (changed_cb), &changes);
  g_assert_true (bridge_holdings_add (holdings, fixture->catalog, "ncre-2", "2024-09-21", "NCRE-1", &index, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpuint (changes, ==, 1);
  /* The same certificate obtained again, on another day, is a second holding. */
  g_assert_true (bridge_holdings_add (holdings, fixture->catalog, "ncre-2", "2025-03-01", NULL, &index, &error));
  g_assert_cmpuint (index, ==, 1);

  /* The same day twice */
  g_assert_false (bridge_holdings_add (holdings, fixture->catalog, "ncre-2", "2024-09-21", NULL, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "“NCRE Level 2” obtained on 2024-09-21 is already in your certificates"));
  g_clear_error (&error);
  /* An unknown certificate */
  g_assert_false (bridge_holdings_add (holdings, fixture->catalog, "no-such", "2024-09-21", NULL, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“no-such”"));
  g_clear_error (&error);
  /* Dates, as bridge_certificate_judge () checks them */
  g_assert_false (bridge_holdings_add (holdings, fixture->catalog, "ncre-2", tomorrow, NULL, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "is after today"));
  g_clear_error (&error);
  g_assert_false (bridge_holdings_add (holdings, fixture->catalog, "ncre-2", "2023-02-29", NULL, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "“2023-02-29” is not a date"));
  g_clear_error (&error);
  g_assert_false (bridge_holdings_add (holdings, fixture->catalog, "ncre-2", "1949-12-31", NULL, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "is before 1950-01-01"));
  g_clear_error (&error);
  g_assert_false (bridge_holdings_add (holdings, fixture->catalog, "ncre-2", "2024-01-01", "N\x1b[2J", NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_cmpuint (bridge_holdings_get_n_holdings (holdings), ==, 2);
  g_assert_cmpuint (changes, ==, 2);

  bridge_holdings_remove (holdings, 0);
  g_assert_cmpuint (changes, ==, 3);
  g_assert_cmpuint (bridge_holdings_get_n_holdings (holdings), ==, 1);
  g_assert_cmpstr (bridge_holdings_get_holding (holdings, 0)->obtained, ==, "2025-03-01");
}

static void
test_student (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeHoldings) holdings = bridge_holdings_new (fixture->path);

  g_assert_true (bridge_holdings_set_student (holdings, "王小明", "2023141460", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bridge_holdings_get_student_name (holdings), ==, "王小明");
  g_assert_false (bridge_holdings_set_student (holdings, "Wang\x07", "1", &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "The student’s name"));
  g_clear_error (&error);
  g_assert_false (bridge_holdings_set_student (holdings, "Wang", "1\x7f", &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "The student number"));
  /* Nothing changed. */
  g_assert_cmpstr (bridge_holdings_get_student_name (holdings), ==, "王小明");
  g_assert_cmpstr (bridge_holdings_get_student_id (holdings), ==, "2023141460");
}

static void
test_save_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeHoldings) holdings = bridge_holdings_new (fixture->path);
  g_autoptr(BridgeHoldings) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  bridge_holdings_set_home (holdings, "sa");
  g_assert_true (bridge_holdings_set_student (holdings, "王小明", "2023141460", NULL));
  g_assert_true (bridge_holdings_add (holdings, fixture->catalog, "ncre-2", "2024-09-21", "NCRE-0042", NULL, NULL));
  g_assert_true (bridge_holdings_add (holdings, fixture->catalog, "cet-6", "2025-06-14", NULL, NULL, NULL));
  g_assert_true (bridge_holdings_save (holdings, &error));
  g_assert_no_error (error);
  /* Atomic: no temporary file is left beside it. */
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);

  again = bridge_holdings_load (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bridge_holdings_get_home (again), ==, "sa");
  g_assert_cmpstr (bridge_holdings_get_student_id (again), ==, "2023141460");
  g_assert_cmpuint (bridge_holdings_get_n_holdings (again), ==, 2);
  g_assert_cmpstr (bridge_holdings_get_holding (again, 0)->number, ==, "NCRE-0042");
  g_assert_cmpstr (bridge_holdings_get_holding (again, 1)->certificate_id, ==, "cet-6");
  /* What loads saves again the same. */
  g_assert_true (g_file_get_contents (fixture->path, &first, NULL, NULL));
  g_assert_true (bridge_holdings_save (again, &error));
  g_assert_true (g_file_get_contents (fixture->path, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);
  g_assert_nonnull (strstr (first, "\"format\" : \"credit-bridge-certificates\""));
}

/* The summary ---------------------------------------------------------------- */

/* At sa, judged on 2026-12-04 (six months later: 2027-06-04):
 *   ncre-2 2024-06-04: 2 credits for CS110 until 2027-06-04 (3 years):
 *     valid, expiring (its last day is exactly six months on), and not
 *     counted, since ncre-3 grants more for CS110
 *   ncre-3 2025-01-10: 3 credits for CS110 until 2028-01-10: counted
 *   cet-6 2024-06-05: 2 elective credits until 2026-12-05 (2.5 years =
 *     30 months): valid, expiring, counted
 *   cicpa-stage 2020-05-01: 4 credits for MATH101 and BIO210, no limit: counted
 *   cet-6 2022-01-01: until 2024-07-01: expired
 *   teacher 2023-03-01: only cb recognises it: not recognised
 *   gone 2024-01-01: not in the catalog: unknown
 * Total 3 + 2 + 4 = 9 credits; 4 recognised, 2 expiring, 1 each of the rest. */
static const char summary_file[] =
  "{ \"format\": \"credit-bridge-certificates\", \"version\": 1, \"home\": \"sa\", \"certificates\": [\n"
  "  { \"certificate\": \"ncre-2\", \"obtained\": \"2024-06-04\" },\n"
  "  { \"certificate\": \"ncre-3\", \"obtained\": \"2025-01-10\" },\n"
  "  { \"certificate\": \"cet-6\", \"obtained\": \"2024-06-05\" },\n"
  "  { \"certificate\": \"cicpa-stage\", \"obtained\": \"2020-05-01\", \"number\": \"C-7\" },\n"
  "  { \"certificate\": \"cet-6\", \"obtained\": \"2022-01-01\" },\n"
  "  { \"certificate\": \"teacher\", \"obtained\": \"2023-03-01\" },\n"
  "  { \"certificate\": \"gone\", \"obtained\": \"2024-01-01\" } ] }\n";

static BridgeHoldings *
load_summary_file (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  BridgeHoldings *holdings;

  write_file (fixture->path, summary_file);
  holdings = bridge_holdings_load (fixture->path, &error);
  g_assert_no_error (error);
  return holdings;
}

static const BridgeHoldingsEntry *
entry (const BridgeHoldingsSummary *summary,
       guint                        i)
{
  return g_ptr_array_index (summary->entries, i);
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeHoldings) holdings = load_summary_file (fixture);
  g_autoptr(BridgeHoldingsSummary) summary = NULL;

  summary = bridge_holdings_summarize (holdings, fixture->catalog, NULL, "2026-12-04", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->home_id, ==, "sa");
  g_assert_cmpstr (summary->on, ==, "2026-12-04");
  g_assert_cmpuint (summary->entries->len, ==, 7);
  g_assert_cmpfloat (summary->total_credits, ==, 9);
  g_assert_cmpuint (summary->n_recognised, ==, 4);
  g_assert_cmpuint (summary->n_expiring, ==, 2);
  g_assert_cmpuint (summary->n_expired, ==, 1);
  g_assert_cmpuint (summary->n_not_recognised, ==, 1);
  g_assert_cmpuint (summary->n_unknown, ==, 1);

  /* ncre-2: valid, expiring, not counted */
  g_assert_true (entry (summary, 0)->judgement->recognised);
  g_assert_cmpstr (entry (summary, 0)->judgement->valid_until, ==, "2027-06-04");
  g_assert_true (entry (summary, 0)->expiring);
  g_assert_false (entry (summary, 0)->counted);
  /* ncre-3 */
  g_assert_true (entry (summary, 1)->counted);
  g_assert_false (entry (summary, 1)->expiring);
  g_assert_cmpfloat (entry (summary, 1)->judgement->credits, ==, 3);
  /* cet-6, its last day tomorrow */
  g_assert_true (entry (summary, 2)->expiring);
  g_assert_true (entry (summary, 2)->counted);
  g_assert_cmpstr (entry (summary, 2)->judgement->valid_until, ==, "2026-12-05");
  /* cicpa-stage: no limit, never expiring */
  g_assert_true (entry (summary, 3)->counted);
  g_assert_false (entry (summary, 3)->expiring);
  g_assert_null (entry (summary, 3)->judgement->valid_until);
  /* cet-6 of 2022: expired */
  g_assert_false (entry (summary, 4)->judgement->recognised);
  g_assert_true (entry (summary, 4)->judgement->expired);
  g_assert_false (entry (summary, 4)->counted);
  g_assert_false (entry (summary, 4)->expiring);
  /* teacher: not recognised at sa */
  g_assert_false (entry (summary, 5)->judgement->recognised);
  g_assert_false (entry (summary, 5)->judgement->expired);
  g_assert_nonnull (strstr (entry (summary, 5)->judgement->reason, "does not recognise"));
  /* gone */
  g_assert_null (entry (summary, 6)->certificate);
  g_assert_null (entry (summary, 6)->judgement);
  g_assert_false (entry (summary, 6)->counted);

  /* One note: ncre-2 is not counted, ncre-3 is. */
  g_assert_cmpuint (summary->notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (summary->notes, 0), ==,
                   "“NCRE Level 2” obtained on 2024-06-04 is not counted: “NCRE Level 3” obtained on 2025-01-10 "
                   "already replaces Programming Fundamentals (CS110), and a course is recognised once; the larger "
                   "grant counts, and on a tie the earlier certificate");
}

/* The last day exactly six months on is about to expire; a day more is not. */
static void
test_expiring_edge (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BridgeHoldings) holdings = load_summary_file (fixture);
  g_autoptr(BridgeHoldingsSummary) on_edge = NULL;
  g_autoptr(BridgeHoldingsSummary) day_before = NULL;
  g_autoptr(BridgeHoldingsSummary) after_last = NULL;

  on_edge = bridge_holdings_summarize (holdings, fixture->catalog, "sa", "2026-12-04", NULL);
  g_assert_true (entry (on_edge, 0)->expiring);
  /* Judged a day earlier, 2027-06-04 is six months and a day away. */
  day_before = bridge_holdings_summarize (holdings, fixture->catalog, "sa", "2026-12-03", NULL);
  g_assert_false (entry (day_before, 0)->expiring);
  g_assert_true (entry (day_before, 0)->judgement->recognised);
  /* cet-6's last day, 2026-12-05: valid and expiring on it, expired after. */
  after_last = bridge_holdings_summarize (holdings, fixture->catalog, "sa", "2026-12-06", NULL);
  g_assert_true (entry (after_last, 2)->judgement->expired);
  g_assert_false (entry (after_last, 2)->expiring);
  g_assert_false (entry (after_last, 2)->counted);
  g_assert_cmpuint (after_last->n_expired, ==, 2);
  g_assert_cmpfloat (after_last->total_credits, ==, 7);
}

/* Judged before a certificate was obtained: it is not held yet, no error. */
static void
test_not_yet_obtained (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeHoldings) holdings = load_summary_file (fixture);
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *ncre3;

  summary = bridge_holdings_summarize (holdings, fixture->catalog, "sa", "2024-12-01", &error);
  g_assert_no_error (error);
  /* ncre-3 (2025-01-10) is not held yet; ncre-2 (2024-06-04) is, and counted. */
  g_assert_nonnull (entry (summary, 1)->certificate);
  g_assert_null (entry (summary, 1)->judgement);
  g_assert_false (entry (summary, 1)->counted);
  g_assert_true (entry (summary, 0)->counted);
  reason = bridge_holdings_entry_dup_reason (entry (summary, 1), summary->on);
  g_assert_cmpstr (reason, ==, "Obtained on 2025-01-10, after the day judged, 2024-12-01: not held yet on that day");
  g_assert_null (bridge_holdings_entry_dup_reason (entry (summary, 0), summary->on));
  g_assert_cmpuint (summary->notes->len, ==, 0);
  node = bridge_holdings_summary_to_json (summary);
  ncre3 = json_array_get_object_element (json_object_get_array_member (json_node_get_object (node), "certificates"), 1);
  g_assert_true (json_object_get_boolean_member (ncre3, "known"));
  g_assert_cmpstr (json_object_get_string_member (ncre3, "reason"), ==, reason);
}

/* The same certificate obtained twice, both valid, counts once: the same
 * grant, so the earlier. */
static void
test_counted_once (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeHoldings) holdings = bridge_holdings_new (fixture->path);
  g_autoptr(BridgeHoldingsSummary) summary = NULL;

  g_assert_true (bridge_holdings_add (holdings, fixture->catalog, "ncre-2", "2025-06-04", NULL, NULL, NULL));
  g_assert_true (bridge_holdings_add (holdings, fixture->catalog, "ncre-2", "2024-06-04", NULL, NULL, NULL));
  summary = bridge_holdings_summarize (holdings, fixture->catalog, "sa", "2026-12-04", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (summary->total_credits, ==, 2);
  g_assert_false (entry (summary, 0)->counted);
  g_assert_true (entry (summary, 1)->counted);
  g_assert_cmpuint (summary->notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (summary->notes, 0), ==,
                   "“NCRE Level 2” obtained on 2025-06-04 is not counted: the same certificate obtained on "
                   "2024-06-04 already is, and a certificate is recognised once");
}

static void
test_summary_errors (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeHoldings) holdings = bridge_holdings_new (fixture->path);
  g_autoptr(BridgeHoldingsSummary) summary = NULL;

  /* No home anywhere */
  g_assert_null (bridge_holdings_summarize (holdings, fixture->catalog, NULL, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "No home university is chosen"));
  g_clear_error (&error);
  /* An unknown university */
  g_assert_null (bridge_holdings_summarize (holdings, fixture->catalog, "nowhere", NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nowhere"));
  g_clear_error (&error);
  /* A day that is no date */
  g_assert_null (bridge_holdings_summarize (holdings, fixture->catalog, "sa", "2026-02-30", &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  /* Empty is fine, today by default */
  summary = bridge_holdings_summarize (holdings, fixture->catalog, "cb", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->entries->len, ==, 0);
  g_assert_cmpfloat (summary->total_credits, ==, 0);
  g_assert_cmpuint (strlen (summary->on), ==, 10);
}

static void
test_summary_json (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(BridgeHoldings) holdings = load_summary_file (fixture);
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root, *first, *unknown;
  JsonArray *certificates;

  summary = bridge_holdings_summarize (holdings, fixture->catalog, NULL, "2026-12-04", NULL);
  node = bridge_holdings_summary_to_json (summary);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (root, "home"), ==, "sa");
  g_assert_cmpfloat (json_object_get_double_member (root, "total_credits"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (root, "recognised"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (root, "expiring"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "expired"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "not_recognised"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "unknown"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "notes")), ==, 1);
  certificates = json_object_get_array_member (root, "certificates");
  g_assert_cmpuint (json_array_get_length (certificates), ==, 7);
  first = json_array_get_object_element (certificates, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "certificate"), ==, "ncre-2");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "name"), "en"), ==, "NCRE Level 2");
  g_assert_cmpstr (json_object_get_string_member (first, "obtained"), ==, "2024-06-04");
  g_assert_true (json_object_get_boolean_member (first, "expiring"));
  g_assert_false (json_object_get_boolean_member (first, "counted"));
  g_assert_true (json_object_get_boolean_member (first, "recognised"));
  g_assert_cmpstr (json_object_get_string_member (first, "valid_until"), ==, "2027-06-04");
  g_assert_true (json_object_has_member (first, "steps"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (certificates, 3), "number"), ==, "C-7");
  unknown = json_array_get_object_element (certificates, 6);
  g_assert_false (json_object_get_boolean_member (unknown, "known"));
  g_assert_false (json_object_get_boolean_member (unknown, "recognised"));
  g_assert_nonnull (strstr (json_object_get_string_member (unknown, "reason"), "no longer has the certificate “gone”"));
}

static void
test_find_covering (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BridgeHoldings) holdings = load_summary_file (fixture);
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autoptr(GPtrArray) cs110 = NULL;
  g_autoptr(GPtrArray) bio = NULL;
  g_autoptr(GPtrArray) none = NULL;

  summary = bridge_holdings_summarize (holdings, fixture->catalog, NULL, "2026-12-04", NULL);
  cs110 = bridge_holdings_summary_find_covering (summary, "sa:cs110");
  g_assert_cmpuint (cs110->len, ==, 2);
  g_assert_cmpstr (((BridgeHoldingsEntry *) g_ptr_array_index (cs110, 0))->holding->certificate_id, ==, "ncre-2");
  g_assert_cmpstr (((BridgeHoldingsEntry *) g_ptr_array_index (cs110, 1))->holding->certificate_id, ==, "ncre-3");
  bio = bridge_holdings_summary_find_covering (summary, "sa:bio210");
  g_assert_cmpuint (bio->len, ==, 1);
  none = bridge_holdings_summary_find_covering (summary, "sa:math999");
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("bridge-holdings-data-XXXXXX", NULL);
  int status;

  /* Nothing here may touch the person's own record: the default path is in
   * a folder of the test's (G_TEST_OPTION_ISOLATE_DIRS leaks in GLib 2.74). */
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/holdings/default-path", test_default_path);
#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/holdings/load/missing", NULL, test_load_missing);
  ADD ("/holdings/load/valid", NULL, test_load_valid);
  ADD ("/holdings/load/unreadable", NULL, test_load_unreadable);
  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/holdings/load/damaged/%s", damages[i].name);

      ADD (path, &damages[i], test_load_damaged);
    }
  ADD ("/holdings/reset", NULL, test_reset);
  ADD ("/holdings/add-remove", NULL, test_add_remove);
  ADD ("/holdings/student", NULL, test_student);
  ADD ("/holdings/save/round-trip", NULL, test_save_round_trip);
  ADD ("/holdings/summary/figures", NULL, test_summary);
  ADD ("/holdings/summary/expiring-edge", NULL, test_expiring_edge);
  ADD ("/holdings/summary/counted-once", NULL, test_counted_once);
  ADD ("/holdings/summary/not-yet-obtained", NULL, test_not_yet_obtained);
  ADD ("/holdings/summary/errors", NULL, test_summary_errors);
  ADD ("/holdings/summary/json", NULL, test_summary_json);
  ADD ("/holdings/summary/find-covering", NULL, test_find_covering);
#undef ADD

  status = g_test_run ();
  g_rmdir (data_home);
  return status;
}
