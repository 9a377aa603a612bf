/* test-certificate-filter.c: which certificates a search and the filters
 * take, the values the filters offer, and the sentences of a grant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bridge-certificate.h"
#include "bridge-error.h"

typedef struct
{
  char          *dir;
  BridgeCatalog *catalog;
  GPtrArray     *list;                    /* element-type BridgeCertificate */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *feed = g_test_build_filename (G_TEST_DIST, "feeds", "certificates", "feed.json", NULL);
  g_autofree char *db = NULL;

  fixture->dir = g_dir_make_tmp ("bridge-certificate-filter-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fixture->dir, "catalog.db", NULL);
  fixture->catalog = bridge_catalog_open (db, &error);
  g_assert_no_error (error);
  bridge_catalog_import (fixture->catalog, feed, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->list = bridge_catalog_list_certificates (fixture->catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->list->len, ==, 5);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_pointer (&fixture->list, g_ptr_array_unref);
  g_clear_object (&fixture->catalog);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The ids @filter takes, joined with spaces. */
static char *
found (Fixture                       *fixture,
       const BridgeCertificateFilter *filter)
{
  g_autoptr(GPtrArray) list = bridge_certificate_filter_list (fixture->list, filter);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    {
      const BridgeCertificate *certificate = g_ptr_array_index (list, i);

      if (ids->len > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, certificate->id);
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

typedef struct
{
  BridgeCertificateFilter filter;
  const char             *expected;
} Case;

static const Case cases[] = {
  /* nothing set: all, in the feed's order */
  { { NULL, NULL, NULL, NULL }, "ncre-2 cet-6 cicpa-stage ncre-3 teacher" },
  { { "", "", "", "" }, "ncre-2 cet-6 cicpa-stage ncre-3 teacher" },
  { { "   ", NULL, NULL, NULL }, "ncre-2 cet-6 cicpa-stage ncre-3 teacher" },
  /* the name in English, whatever the case */
  { { "ncre", NULL, NULL, NULL }, "ncre-2 ncre-3" },
  { { "NCRE Level 2", NULL, NULL, NULL }, "ncre-2" },
  { { "cet-6", NULL, NULL, NULL }, "cet-6" },
  { { "Professional", NULL, NULL, NULL }, "cicpa-stage" },
  /* the name in Chinese */
  { { "计算机", NULL, NULL, NULL }, "ncre-2 ncre-3" },
  { { "英语", NULL, NULL, NULL }, "cet-6" },
  /* the issuer, in either language */
  { { "neea", NULL, NULL, NULL }, "ncre-2 cet-6 ncre-3" },
  { { "注册会计师协会", NULL, NULL, NULL }, "cicpa-stage" },
  /* the level */
  { { "六级", NULL, NULL, NULL }, "cet-6" },
  /* the id */
  { { "stage", NULL, NULL, NULL }, "cicpa-stage" },
  /* every word must be found, each anywhere */
  { { "NEEA 二级", NULL, NULL, NULL }, "ncre-2" },
  { { "neea cicpa", NULL, NULL, NULL }, "" },
  { { "nothing-like-it", NULL, NULL, NULL }, "" },
  /* the filters, alone and with the words */
  { { NULL, "NEEA", NULL, NULL }, "ncre-2 cet-6 ncre-3" },
  { { NULL, "CICPA", NULL, NULL }, "cicpa-stage" },
  { { NULL, NULL, "06", NULL }, "ncre-2 ncre-3" },
  { { NULL, NULL, "0231", NULL }, "cet-6" },
  { { NULL, NULL, "04", NULL }, "cicpa-stage" },
  { { NULL, NULL, NULL, "二级" }, "ncre-2" },
  { { NULL, "NEEA", "02", NULL }, "cet-6" },
  { { "ncre", "NEEA", NULL, "六级" }, "" },
  /* a level filter never takes a certificate that has none */
  { { NULL, NULL, NULL, "专业阶段" }, "" },
};

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  const Case *test = data;
  g_autofree char *ids = found (fixture, &test->filter);

  g_assert_cmpstr (ids, ==, test->expected);
}

static char *
join (GPtrArray *strings)
{
  g_ptr_array_add (strings, NULL);
  return g_strjoinv ("|", (char **) strings->pdata);
}

static void
test_choices (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) issuers = bridge_certificate_list_choices (fixture->list, BRIDGE_CERTIFICATE_CHOICE_ISSUER);
  g_autoptr(GPtrArray) fields = bridge_certificate_list_choices (fixture->list, BRIDGE_CERTIFICATE_CHOICE_FIELD);
  g_autoptr(GPtrArray) levels = bridge_certificate_list_choices (fixture->list, BRIDGE_CERTIFICATE_CHOICE_LEVEL);
  g_autofree char *issuer_list = join (issuers);
  g_autofree char *field_list = join (fields);
  g_autofree char *level_list = join (levels);

  /* Each once, sorted; a certificate without a level adds none. */
  g_assert_cmpstr (issuer_list, ==, "CICPA|Ministry of Education|NEEA");
  g_assert_cmpstr (field_list, ==, "01|02|04|06");
  g_assert_cmpstr (level_list, ==, "三级|二级|六级");
}

static void
test_grant (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCertificate) ncre = bridge_catalog_get_certificate (fixture->catalog, "ncre-2", &error);
  g_autoptr(BridgeCertificate) cet = bridge_catalog_get_certificate (fixture->catalog, "cet-6", &error);
  g_autofree char *replaces = NULL;
  g_autofree char *elective = NULL;
  g_autofree char *three_years = NULL;
  g_autofree char *no_limit = NULL;
  g_autofree char *half = NULL;
  g_autofree char *courses = NULL;

  g_assert_no_error (error);
  courses = bridge_certificate_describe_courses (fixture->catalog,
                                                 (const char * const *) bridge_certificate_find_recognition (ncre, "sa")->replaces);
  replaces = bridge_certificate_describe_grant (fixture->catalog, bridge_certificate_find_recognition (ncre, "sa"));
  elective = bridge_certificate_describe_grant (fixture->catalog, bridge_certificate_find_recognition (ncre, "cb"));
  three_years = bridge_certificate_describe_validity (bridge_certificate_find_recognition (ncre, "sa"));
  no_limit = bridge_certificate_describe_validity (bridge_certificate_find_recognition (ncre, "cb"));
  half = bridge_certificate_describe_validity (bridge_certificate_find_recognition (cet, "sa"));

  g_assert_true (g_str_has_prefix (replaces, "2 credits in place of "));
  g_assert_true (g_str_has_suffix (replaces, courses));
  g_assert_nonnull (strstr (courses, "CS110"));
  g_assert_cmpstr (elective, ==, "1 free elective credit");
  g_assert_cmpstr (three_years, ==, "valid 3 years after it is obtained");
  g_assert_cmpstr (no_limit, ==, "valid without limit");
  g_assert_cmpstr (half, ==, "valid 2.5 years after it is obtained");
}

typedef struct
{
  const char *obtained;
  const char *message_part;               /* NULL: accepted */
} DateCase;

static const DateCase date_cases[] = {
  { "2024-09-21", NULL },
  { "1950-01-01", NULL },
  { "", "No date obtained" },
  { "1949-12-31", "before 1950-01-01" },
  { "2024-02-30", "2024-02-30" },
  { "21/09/2024", "21/09/2024" },
  { "9999-01-01", "after today" },
};

static void
test_obtained (gconstpointer data)
{
  const DateCase *test = data;
  g_autoptr(GError) error = NULL;
  gboolean good = bridge_certificate_check_obtained (test->obtained, NULL, &error);

  if (test->message_part == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (good);
      return;
    }
  g_assert_false (good);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, test->message_part));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/certificate/filter/%u", i);

      g_test_add (path, Fixture, &cases[i], fixture_set_up, test_filter, fixture_tear_down);
    }
  g_test_add ("/certificate/filter/choices", Fixture, NULL, fixture_set_up, test_choices, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/certificate/obtained/%u", i);

      g_test_add_data_func (path, &date_cases[i], test_obtained);
    }
  g_test_add ("/certificate/filter/grant", Fixture, NULL, fixture_set_up, test_grant, fixture_tear_down);

  return g_test_run ();
}
