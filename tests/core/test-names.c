/* test-names.c: the names of terms, languages and countries, in English
 * and in Chinese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bridge-names.h"
#include "bridge-validate.h"
#include "../test-chinese.h"

static BridgeUniversity *
make_university (void)
{
  BridgeUniversity *u = bridge_university_new ("cqu");
  BridgeTerm *term = g_new0 (BridgeTerm, 1);

  term->id = g_strdup ("2026-autumn");
  term->name = bridge_text_new ("2026–2027学年秋季学期", "Autumn term 2026/27");
  bridge_university_add_term (u, term);
  return u;
}

static void
test_languages (void)
{
  g_autofree char *joined = NULL;
  const char *codes[] = { "zh", "en", NULL };

  g_assert_cmpstr (bridge_language_get_name ("zh"), ==, "Chinese");
  g_assert_cmpstr (bridge_language_get_name ("en"), ==, "English");
  g_assert_cmpstr (bridge_language_get_name ("zh-Hans"), ==, "Chinese");
  g_assert_cmpstr (bridge_language_get_name ("ZH"), ==, "Chinese");
  g_assert_cmpstr (bridge_language_get_name ("tlh"), ==, "tlh");
  g_assert_null (bridge_language_get_name (NULL));
  joined = bridge_language_join_names (codes);
  g_assert_cmpstr (joined, ==, "Chinese, English");
}

static void
test_countries (void)
{
  const char * const *codes = bridge_country_list_codes ();

  g_assert_cmpstr (bridge_country_get_name ("CN"), ==, "China");
  g_assert_cmpstr (bridge_country_get_name ("cn"), ==, "China");
  g_assert_cmpstr (bridge_country_get_name ("DE"), ==, "Germany");
  g_assert_cmpstr (bridge_country_get_name ("XK"), ==, "Kosovo");
  g_assert_cmpstr (bridge_country_get_name ("ZZ"), ==, "ZZ");
  g_assert_true (g_strv_contains (codes, "CN"));
  for (guint i = 1; codes[i] != NULL; i++)
    g_assert_cmpint (g_strcmp0 (codes[i - 1], codes[i]), <, 0);
}

/* The nationality chooser offers every code the validator accepts, by
 * name: each accepted code is listed and has a name of its own. */
static void
test_countries_cover_validator (void)
{
  const char * const *codes = bridge_country_list_codes ();
  guint accepted = 0;

  for (char a = 'A'; a <= 'Z'; a++)
    for (char b = 'A'; b <= 'Z'; b++)
      {
        char code[3] = { a, b, '\0' };

        if (!bridge_validate_country ("Nationality", code, NULL))
          continue;
        accepted++;
        if (!g_strv_contains (codes, code) || g_str_equal (bridge_country_get_name (code), code))
          g_error ("%s is accepted as a country but has no name in the list", code);
      }
  g_assert_cmpuint (g_strv_length ((char **) codes), ==, accepted);
}

/* The broad fields of ISCED-F the window offers are those the validator
 * accepts (and 99, field unknown, which is no field to choose), each with
 * its name; a code of any length is named by its broad field. */
static void
test_isced_fields (void)
{
  guint n = bridge_isced_get_n_fields ();

  g_assert_cmpuint (n, ==, 11);
  for (guint i = 0; i < n; i++)
    {
      const BridgeIscedField *f = bridge_isced_get_field (i);
      g_autofree char *code = g_strdup_printf ("%02u", i);

      g_assert_cmpstr (f->code, ==, code);
      g_assert_cmpstr (bridge_isced_get_label (f->code), ==, f->label);
      g_assert_true (bridge_validate_isced ("ISCED", f->code, NULL));
    }
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *code = g_strdup_printf ("%02u", i);

      g_test_message ("%s", code);
      g_assert_cmpint (bridge_validate_isced ("ISCED", code, NULL), ==,
                       bridge_isced_get_label (code) != NULL || i == 99);
    }

  g_assert_cmpstr (bridge_isced_get_label ("06"), ==, "Information and communication technologies");
  g_assert_cmpstr (bridge_isced_get_label ("061"), ==, "Information and communication technologies");
  g_assert_cmpstr (bridge_isced_get_label ("0613"), ==, "Information and communication technologies");
  g_assert_cmpstr (bridge_isced_get_label ("10"), ==, "Services");
  g_assert_null (bridge_isced_get_label ("99"));
  g_assert_null (bridge_isced_get_label ("11"));
  g_assert_null (bridge_isced_get_label ("6"));
  g_assert_null (bridge_isced_get_label (""));
  g_assert_null (bridge_isced_get_label (NULL));
}

static void
test_terms (void)
{
  g_autoptr(BridgeUniversity) u = make_university ();
  const struct { const char *id; const char *label; } cases[] = {
    { "2026-autumn", "Autumn term 2026/27" },   /* the catalog's name */
    { "2027-spring", "Spring 2027" },           /* made from the id */
    { "2027-summer", "Summer 2027" },
    { "2027-fall", "Autumn 2027" },
    { "2027-winter", "Winter 2027" },
    { "27-spring", "27-spring" },               /* not a year: as it is */
    { "2027-monsoon", "2027-monsoon" },
    { "block-3", "block-3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = bridge_term_get_label (u, cases[i].id);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
  {
    g_autofree char *label = bridge_term_get_label (NULL, "2026-autumn");

    g_assert_cmpstr (label, ==, "Autumn 2026");
  }
  g_assert_null (bridge_term_get_label (u, NULL));
}

/* A Chinese reader reads Chinese names, from the translations built in
 * BUILD/po. */
static void
test_chinese (void)
{
  g_autoptr(BridgeUniversity) u = make_university ();
  g_autofree char *spring = NULL, *autumn = NULL;
  g_autofree char *language = NULL, *country = NULL, *field = NULL;
  char *old_locale = test_chinese_begin ();

  spring = bridge_term_get_label (u, "2027-spring");
  autumn = bridge_term_get_label (u, "2026-autumn");
  language = g_strdup (bridge_language_get_name ("zh"));
  country = g_strdup (bridge_country_get_name ("CN"));
  field = g_strdup (bridge_isced_get_label ("0613"));
  test_chinese_end (old_locale);

  g_assert_cmpstr (spring, ==, "2027年春季学期");
  g_assert_cmpstr (autumn, ==, "2026–2027学年秋季学期");
  g_assert_cmpstr (language, ==, "中文");
  g_assert_cmpstr (country, ==, "中国");
  g_assert_cmpstr (field, ==, "信息与通信技术");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/names/languages", test_languages);
  g_test_add_func ("/names/countries", test_countries);
  g_test_add_func ("/names/countries-cover-validator", test_countries_cover_validator);
  g_test_add_func ("/names/isced-fields", test_isced_fields);
  g_test_add_func ("/names/terms", test_terms);
  g_test_add_func ("/names/chinese", test_chinese);

  return g_test_run ();
}
