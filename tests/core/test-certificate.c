/* test-certificate.c: certificates read from the catalog, and what one is
 * worth at a home university on a day (the credit bank)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "bridge-certificate.h"
#include "bridge-error.h"

typedef struct
{
  char          *dir;
  BridgeCatalog *catalog;
} Fixture;

/* @name: the feed's folder under tests/core/feeds */
static void
set_up_feed (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *feed = g_test_build_filename (G_TEST_DIST, "feeds", name, "feed.json", NULL);
  g_autofree char *db = NULL;

  fixture->dir = g_dir_make_tmp ("bridge-certificate-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "catalog.db", NULL);
  fixture->catalog = bridge_catalog_open (db, &error);
  g_assert_no_error (error);
  bridge_catalog_import (fixture->catalog, feed, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_up_feed (fixture, "certificates");
}

static void
fixture_set_up_minimal (Fixture       *fixture,
                        gconstpointer  data)
{
  set_up_feed (fixture, "minimal");
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

static BridgeCertificateJudgement *
judge (Fixture    *fixture,
       const char *certificate,
       const char *home,
       const char *obtained,
       const char *on)
{
  g_autoptr(GError) error = NULL;
  BridgeCertificateJudgement *judgement;

  judgement = bridge_certificate_judge (fixture->catalog, certificate, home, obtained, on, &error);
  g_assert_no_error (error);
  g_assert_nonnull (judgement);
  return judgement;
}

static gboolean
steps_contain (const BridgeCertificateJudgement *judgement,
               const char                       *text)
{
  for (guint i = 0; i < judgement->steps->len; i++)
    if (strstr (g_ptr_array_index (judgement->steps, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_minimal_feed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = bridge_catalog_list_certificates (fixture->catalog, &error);
  const BridgeCertificate *certificate;
  const BridgeCertificateRecognition *recognition;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  certificate = g_ptr_array_index (list, 0);
  g_assert_cmpstr (certificate->id, ==, "ncre-2");
  g_assert_cmpstr (bridge_text_get (certificate->name, "en"), ==, "NCRE Level 2");
  g_assert_cmpstr (bridge_text_get (certificate->issuer, "en"), ==, "NEEA");
  g_assert_cmpstr (certificate->level, ==, "二级");
  g_assert_cmpstr (certificate->isced, ==, "0613");
  g_assert_cmpfloat (certificate->workload_hours, ==, 60);
  recognition = bridge_certificate_find_recognition (certificate, "sa");
  g_assert_nonnull (recognition);
  g_assert_cmpfloat (recognition->credits, ==, 2);
  g_assert_cmpstrv (recognition->replaces, ((const char *[]) { "sa:cs110", NULL }));
  g_assert_cmpfloat (recognition->valid_years, ==, 3);
  g_assert_null (bridge_certificate_find_recognition (certificate, "cb"));
}

static void
test_get (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCertificate) certificate = bridge_catalog_get_certificate (fixture->catalog, "cet-6", &error);
  g_autoptr(BridgeCertificate) copy = NULL;
  g_autoptr(BridgeCertificate) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpfloat (certificate->workload_hours, ==, 0);
  g_assert_cmpuint (certificate->recognitions->len, ==, 1);
  copy = bridge_certificate_copy (certificate);
  g_assert_cmpstr (copy->id, ==, "cet-6");
  g_assert_cmpfloat (bridge_certificate_find_recognition (copy, "sa")->valid_years, ==, 2.5);

  missing = bridge_catalog_get_certificate (fixture->catalog, "no-such", &error);
  g_assert_null (missing);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“no-such”"));
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = bridge_catalog_list_certificates (fixture->catalog, &error);
  const BridgeCertificate *ncre;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  ncre = g_ptr_array_index (list, 0);
  g_assert_cmpstr (ncre->id, ==, "ncre-2");
  g_assert_cmpstr (((BridgeCertificate *) g_ptr_array_index (list, 1))->id, ==, "cet-6");
  g_assert_cmpstr (((BridgeCertificate *) g_ptr_array_index (list, 2))->id, ==, "cicpa-stage");
  g_assert_cmpstr (((BridgeCertificate *) g_ptr_array_index (list, 3))->id, ==, "ncre-3");
  g_assert_cmpstr (((BridgeCertificate *) g_ptr_array_index (list, 4))->id, ==, "teacher");
  /* Two universities recognise it, each its own way. */
  g_assert_cmpfloat (bridge_certificate_find_recognition (ncre, "sa")->credits, ==, 2);
  g_assert_cmpfloat (bridge_certificate_find_recognition (ncre, "cb")->credits, ==, 1);
  g_assert_cmpstrv (bridge_certificate_find_recognition (ncre, "cb")->replaces, ((const char *[]) { NULL }));
  g_assert_cmpfloat (bridge_certificate_find_recognition (ncre, "cb")->valid_years, ==, 0);
}

static void
test_valid_until (void)
{
  g_autofree char *three = bridge_certificate_valid_until ("2024-03-15", 3);
  g_autofree char *half = bridge_certificate_valid_until ("2024-03-15", 2.5);
  g_autofree char *leap = bridge_certificate_valid_until ("2024-02-29", 1);
  g_autofree char *odd = bridge_certificate_valid_until ("2024-01-31", 1.1);   /* 13.2 months: 13 */
  g_autofree char *huge = bridge_certificate_valid_until ("2024-01-31", 1e6);   /* BRIDGE_MAX_QUANTITY */
  g_autofree char *last = bridge_certificate_valid_until ("2024-01-31", 7974);

  g_assert_cmpstr (three, ==, "2027-03-15");
  g_assert_cmpstr (half, ==, "2026-09-15");
  g_assert_cmpstr (leap, ==, "2025-02-28");
  g_assert_cmpstr (odd, ==, "2025-02-28");
  g_assert_cmpstr (huge, ==, "9999-12-31");
  g_assert_cmpstr (last, ==, "9998-01-31");
}

static void
test_recognised (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BridgeCertificateJudgement) judgement = judge (fixture, "ncre-2", "sa", "2025-06-20", "2026-12-04");
  g_autoptr(BridgeCertificateJudgement) copy = NULL;

  g_assert_true (judgement->recognised);
  g_assert_false (judgement->expired);
  g_assert_cmpfloat (judgement->credits, ==, 2);
  g_assert_cmpstrv (judgement->replaces, ((const char *[]) { "sa:cs110", NULL }));
  g_assert_cmpstr (judgement->valid_until, ==, "2028-06-20");
  g_assert_null (judgement->reason);
  g_assert_true (steps_contain (judgement, "CS110"));
  /* 60 h at 36 h a credit of sa: 1.67, 1.5 awarded; 2 granted is generous. */
  g_assert_cmpfloat (judgement->workload_hours, ==, 60);
  g_assert_nonnull (judgement->workload);
  g_assert_cmpfloat_with_epsilon (judgement->workload->home_credits_exact, 1.67, 1e-9);
  g_assert_cmpfloat (judgement->workload->home_credits_awarded, ==, 1.5);
  g_assert_true (steps_contain (judgement, "generous"));

  copy = bridge_certificate_judgement_copy (judgement);
  g_assert_cmpstr (copy->valid_until, ==, "2028-06-20");
  g_assert_cmpuint (copy->steps->len, ==, judgement->steps->len);
}

static void
test_mean_grant (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(BridgeCertificateJudgement) judgement = judge (fixture, "cicpa-stage", "sa", "1990-01-01", "2026-12-04");

  /* No limit: valid decades later. */
  g_assert_true (judgement->recognised);
  g_assert_null (judgement->valid_until);
  g_assert_false (judgement->expired);
  g_assert_cmpfloat (judgement->credits, ==, 4);
  g_assert_cmpstrv (judgement->replaces, ((const char *[]) { "sa:math101", "sa:bio210", NULL }));
  /* 200 h / 36 h = 5.56, 5.5 awarded: 4 is mean. */
  g_assert_cmpfloat_with_epsilon (judgement->workload->home_credits_exact, 5.56, 1e-9);
  g_assert_cmpfloat (judgement->workload->home_credits_awarded, ==, 5.5);
  g_assert_true (steps_contain (judgement, "mean grant"));
}

static void
test_elective (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(BridgeCertificateJudgement) judgement = judge (fixture, "ncre-2", "cb", "2001-01-01", "2026-12-04");

  g_assert_true (judgement->recognised);
  g_assert_cmpfloat (judgement->credits, ==, 1);
  g_assert_cmpstrv (judgement->replaces, ((const char *[]) { NULL }));
  g_assert_null (judgement->valid_until);
  g_assert_true (steps_contain (judgement, "free elective"));
}

static void
test_not_recognised (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(BridgeCertificateJudgement) judgement = judge (fixture, "cet-6", "cb", "2025-01-01", "2026-12-04");
  g_autoptr(JsonNode) node = bridge_certificate_judgement_to_json (judgement);
  JsonObject *object = json_node_get_object (node);

  g_assert_false (judgement->recognised);
  g_assert_false (judgement->expired);
  g_assert_cmpfloat (judgement->credits, ==, 0);
  g_assert_null (judgement->valid_until);
  g_assert_nonnull (judgement->reason);
  g_assert_nonnull (strstr (judgement->reason, "does not recognise"));
  g_assert_nonnull (strstr (judgement->reason, "CET-6"));
  /* No workload declared: null in JSON. */
  g_assert_null (judgement->workload);
  g_assert_false (json_object_get_boolean_member (object, "recognised"));
  g_assert_true (json_object_get_null_member (object, "workload_hours"));
  g_assert_true (json_object_get_null_member (object, "workload_home_credits"));
  g_assert_true (json_object_get_null_member (object, "valid_until"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "replaces")), ==, 0);
}

/* The edge: valid on valid_until, expired the next day. */
static void
test_boundary (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(BridgeCertificateJudgement) last = judge (fixture, "ncre-2", "sa", "2023-12-04", "2026-12-04");
  g_autoptr(BridgeCertificateJudgement) after = judge (fixture, "ncre-2", "sa", "2023-12-04", "2026-12-05");
  g_autoptr(BridgeCertificateJudgement) half = judge (fixture, "cet-6", "sa", "2024-06-10", "2026-12-11");
  g_autoptr(JsonNode) node = bridge_certificate_judgement_to_json (after);
  JsonObject *object = json_node_get_object (node);

  g_assert_cmpstr (last->valid_until, ==, "2026-12-04");
  g_assert_true (last->recognised);
  g_assert_false (last->expired);
  g_assert_cmpfloat (last->credits, ==, 2);

  g_assert_cmpstr (after->valid_until, ==, "2026-12-04");
  g_assert_false (after->recognised);
  g_assert_true (after->expired);
  g_assert_cmpfloat (after->credits, ==, 0);
  g_assert_nonnull (strstr (after->reason, "expired"));
  g_assert_nonnull (strstr (after->reason, "2026-12-04"));
  g_assert_true (json_object_get_boolean_member (object, "expired"));
  g_assert_cmpstr (json_object_get_string_member (object, "valid_until"), ==, "2026-12-04");
  /* Its workload is still shown, as what the certificate is worth. */
  g_assert_cmpfloat (json_object_get_double_member (object, "workload_home_credits"), ==, 1.67);
  g_assert_cmpfloat (json_object_get_double_member (object, "workload_home_credits_awarded"), ==, 1.5);

  /* 2.5 years: 30 months. */
  g_assert_cmpstr (half->valid_until, ==, "2026-12-10");
  g_assert_true (half->expired);
}

static void
test_unknown (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCertificateJudgement) judgement = NULL;

  judgement = bridge_certificate_judge (fixture->catalog, "no-such", "sa", "2025-01-01", "2026-12-04", &error);
  g_assert_null (judgement);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“no-such”"));
  g_clear_error (&error);

  judgement = bridge_certificate_judge (fixture->catalog, "ncre-2", "nowhere", "2025-01-01", "2026-12-04", &error);
  g_assert_null (judgement);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“nowhere”"));
}

typedef struct
{
  const char *obtained;
  const char *on;
  const char *message;                    /* a part of it */
} BadDate;

static const BadDate bad_dates[] = {
  { "2026-02-30", "2026-12-04", "“2026-02-30” is not a date" },
  { "2026/01/05", "2026-12-04", "“2026/01/05” is not a date" },
  { "", "2026-12-04", "No date obtained is given" },
  { "2025-01-01", "", "The day judged is empty" },
  { "1949-12-31", "2026-12-04", "is before 1950-01-01" },
  { "2026-12-05", "2026-12-04", "is after the day judged, 2026-12-04" },
  { "2025-01-01", "2026-13-01", "“2026-13-01” is not a date" },
};

static void
test_bad_date (Fixture       *fixture,
               gconstpointer  data)
{
  const BadDate *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCertificateJudgement) judgement = NULL;

  judgement = bridge_certificate_judge (fixture->catalog, "ncre-2", "sa", bad->obtained, bad->on, &error);
  g_assert_null (judgement);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, bad->message));
}

static void
test_future_today (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCertificateJudgement) judgement = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 2);
  g_autofree char *day = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  judgement = bridge_certificate_judge (fixture->catalog, "ncre-2", "sa", day, NULL, &error);
  g_assert_null (judgement);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "is after today"));
  g_assert_nonnull (strstr (error->message, "cannot be obtained in the future"));
  g_clear_error (&error);

  judgement = bridge_certificate_judge (fixture->catalog, "ncre-2", "sa", today, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (judgement->recognised);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/certificate/get", NULL, test_get);
  ADD ("/certificate/list", NULL, test_list);
  ADD ("/certificate/judge/recognised", NULL, test_recognised);
  ADD ("/certificate/judge/mean-grant", NULL, test_mean_grant);
  ADD ("/certificate/judge/elective", NULL, test_elective);
  ADD ("/certificate/judge/not-recognised", NULL, test_not_recognised);
  ADD ("/certificate/judge/boundary", NULL, test_boundary);
  ADD ("/certificate/judge/unknown", NULL, test_unknown);
  ADD ("/certificate/judge/future-today", NULL, test_future_today);
#undef ADD
  g_test_add ("/certificate/minimal-feed", Fixture, NULL, fixture_set_up_minimal, test_minimal_feed, fixture_tear_down);
  g_test_add_func ("/certificate/valid-until", test_valid_until);
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autofree char *path = g_strdup_printf ("/certificate/judge/bad-date/%u", i);

      g_test_add (path, Fixture, &bad_dates[i], fixture_set_up, test_bad_date, fixture_tear_down);
    }

  return g_test_run ();
}
