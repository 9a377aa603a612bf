/* test-statement.c: the credit-bank statement (JSON and PDF) and the
 * learning agreement's annex of certificates, read back with pdftotext
 *
 * The catalog is the plan tests' feed with the certificates of
 * certificates.json; the student holds six of them, judged on 2026-12-01:
 *   ncre-2       2024-09-21  2 credits for CS305, until 2027-09-21 — not counted: ncre-3 grants more for CS305
 *   ncre-3       2025-03-15  3 credits for CS305, until 2028-03-15
 *   cet-6        2024-12-14  2 free elective credits, until 2026-12-14: about to expire
 *   cet-6        2022-06-18  expired on 2024-06-18
 *   cicpa-stage  2025-08-30  4 credits for MA120 and CS306, no limit
 *   teacher      2023-05-01  not recognised at scu
 * Total: 3 + 2 + 4 = 9 credits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-holdings.h"
#include "bridge-plan-export.h"
#include "bridge-plan-pdf.h"
#include "bridge-plan-private.h"
#include "bridge-statement.h"
#include "pdf-text.h"
#include "plan-fixture.h"
#include "../test-chinese.h"

#define ON "2026-12-01"

typedef struct
{
  PlanFixture     fx;
  BridgeCatalog  *catalog;                /* with the certificates */
  BridgeHoldings *holdings;
} Fixture;

/* The text in reading order, cell by cell, with every run of white space
 * one space: for phrases a table cell wraps. */
static char *
flat_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *text = pdf_run (argv);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);

  return g_regex_replace (spaces, text, -1, 0, " ", 0, NULL);
}

/* Every page says its number and carries @digest. */
static void
assert_footers (const char *pdf,
                const char *digest)
{
  guint pages = pdf_n_pages (pdf);

  for (guint i = 1; i <= pages; i++)
    {
      g_autofree char *text = pdf_page_text (pdf, i);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i, pages);

      if (strstr (text, footer) == NULL || strstr (text, digest) == NULL)
        g_error ("page %u lacks “%s” or the digest %s:\n%s", i, footer, digest, text);
    }
}

static BridgeCatalog *
catalog_with_certificates (PlanFixture *fx,
                           const char  *from,
                           const char  *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeImportReport) report = NULL;
  g_autofree char *feed = g_build_filename (PLAN_TEST_DIR, "feed.json", NULL);
  g_autofree char *certificates = g_build_filename (PLAN_TEST_DIR, "certificates.json", NULL);
  g_autofree char *name = g_strdup_printf ("certificates-%s", to ? "edited" : "feed");
  g_autofree char *edited = g_build_filename (fx->dir, name, NULL);
  g_autofree char *db = g_strconcat (edited, ".db", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  g_autoptr(GString) list = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  BridgeCatalog *catalog;

  g_assert_true (g_file_get_contents (certificates, &text, NULL, NULL));
  list = g_string_new (text);
  if (from != NULL)
    g_assert_cmpuint (g_string_replace (list, from, to, 1), ==, 1);
  g_assert_true (json_parser_load_from_file (parser, feed, &error));
  g_assert_no_error (error);
  {
    g_autoptr(JsonParser) certificates_parser = json_parser_new ();

    g_assert_true (json_parser_load_from_data (certificates_parser, list->str, -1, &error));
    g_assert_no_error (error);
    json_object_set_member (json_node_get_object (json_parser_get_root (parser)), "certificates",
                            json_node_copy (json_parser_get_root (certificates_parser)));
  }
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, edited, &error));
  g_assert_no_error (error);
  catalog = bridge_catalog_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_import (catalog, edited, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return catalog;
}

static void
add (BridgeHoldings *holdings,
     BridgeCatalog  *catalog,
     const char     *certificate,
     const char     *obtained,
     const char     *number)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bridge_holdings_add (holdings, catalog, certificate, obtained, number, NULL, &error));
  g_assert_no_error (error);
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autofree char *path = NULL;

  plan_fixture_set_up (&f->fx, data);
  f->catalog = catalog_with_certificates (&f->fx, NULL, NULL);
  path = g_build_filename (f->fx.dir, "certificates.json", NULL);
  f->holdings = bridge_holdings_new (path);
  g_assert_true (bridge_holdings_set_student (f->holdings, "李华", "2023141460001", NULL));
  bridge_holdings_set_home (f->holdings, "scu");
  add (f->holdings, f->catalog, "ncre-2", "2024-09-21", "NCRE-2024-5101-0042");
  add (f->holdings, f->catalog, "ncre-3", "2025-03-15", NULL);
  add (f->holdings, f->catalog, "cet-6", "2024-12-14", "CET6-241214-7788");
  add (f->holdings, f->catalog, "cet-6", "2022-06-18", NULL);
  add (f->holdings, f->catalog, "cicpa-stage", "2025-08-30", "CICPA-25-0931");
  add (f->holdings, f->catalog, "teacher", "2023-05-01", NULL);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_clear_object (&f->holdings);
  g_clear_object (&f->catalog);
  plan_fixture_tear_down (&f->fx, data);
}

static BridgeHoldingsSummary *
summarize (Fixture        *f,
           BridgeHoldings *holdings)
{
  g_autoptr(GError) error = NULL;
  BridgeHoldingsSummary *summary = bridge_holdings_summarize (holdings, f->catalog, NULL, ON, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

/* The JSON: its members, and a digest that is the SHA-256 of the rest. */
static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(BridgeHoldingsSummary) summary = summarize (f, f->holdings);
  g_autoptr(JsonNode) node = bridge_statement_to_json (f->holdings, summary, f->catalog);
  g_autofree char *digest = bridge_statement_get_digest (f->holdings, summary, f->catalog);
  g_autofree char *path = g_build_filename (f->fx.dir, "statement.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) without = NULL;
  g_autofree char *recomputed = NULL;
  g_autofree char *contents = NULL;
  JsonObject *o = json_node_get_object (node);
  JsonObject *file;
  JsonArray *certificates;

  g_assert_cmpstr (json_object_get_string_member (o, "format"), ==, "credit-bridge-statement");
  g_assert_cmpint (json_object_get_int_member (o, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "student"), "name"), ==, "李华");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "student"), "id"), ==, "2023141460001");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "home"), "id"), ==, "scu");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (o, "home"), "name"), "zh"),
                   ==, "四川大学");
  g_assert_cmpstr (json_object_get_string_member (o, "on"), ==, ON);
  g_assert_cmpfloat (json_object_get_double_member (o, "total_credits"), ==, 9.0);
  g_assert_cmpint (json_object_get_int_member (o, "recognised"), ==, 3 + 0 + 1);
  g_assert_cmpint (json_object_get_int_member (o, "expiring"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "expired"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "not_recognised"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (o, "unknown"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "notes")), >=, 1);
  certificates = json_object_get_array_member (o, "certificates");
  g_assert_cmpuint (json_array_get_length (certificates), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (certificates, 0), "number"),
                   ==, "NCRE-2024-5101-0042");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (certificates, 0), "counted"));
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (certificates, 1), "counted"));

  /* The digest: 64 hex digits, the canonical SHA-256 of the statement without it. */
  g_assert_cmpstr (json_object_get_string_member (o, "digest"), ==, digest);
  g_assert_cmpuint (strlen (digest), ==, 64);
  g_assert_cmpuint (strspn (digest, "0123456789abcdef"), ==, 64);
  without = json_node_copy (node);
  json_object_remove_member (json_node_get_object (without), "digest");
  recomputed = bridge_plan_digest_of (without);
  g_assert_cmpstr (recomputed, ==, digest);

  /* The file: the same statement, which reads back with the same digest. */
  g_assert_true (bridge_statement_export_json (f->holdings, summary, f->catalog, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_suffix (contents, "}\n"));
  /* Its numbers as the command line prints them: no 3.3300000000000001. */
  g_assert_false (g_regex_match_simple ("[0-9]\\.[0-9]{12,}", contents, 0, 0));
  g_assert_true (json_parser_load_from_data (parser, contents, -1, &error));
  g_assert_no_error (error);
  file = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (file, "digest"), ==, digest);
  json_object_remove_member (file, "digest");
  g_free (recomputed);
  recomputed = bridge_plan_digest_of (json_parser_get_root (parser));
  g_assert_cmpstr (recomputed, ==, digest);
}

/* The same statement has the same digest; any change of a holding, of the
 * student or of the day judged gives another. */
static void
test_digest (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BridgeHoldingsSummary) summary = summarize (f, f->holdings);
  g_autofree char *digest = bridge_statement_get_digest (f->holdings, summary, f->catalog);
  g_autofree char *again = bridge_statement_get_digest (f->holdings, summary, f->catalog);
  g_autofree char *saved = g_build_filename (f->fx.dir, "certificates.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (digest, ==, again);

  /* Saved and read back: the same statement. */
  g_assert_true (bridge_holdings_save (f->holdings, &error));
  g_assert_no_error (error);
  {
    g_autoptr(BridgeHoldings) loaded = bridge_holdings_load (saved, &error);
    g_autoptr(BridgeHoldingsSummary) s = NULL;
    g_autofree char *d = NULL;

    g_assert_no_error (error);
    s = summarize (f, loaded);
    d = bridge_statement_get_digest (loaded, s, f->catalog);
    g_assert_cmpstr (d, ==, digest);
  }

  /* Another day judged. */
  {
    g_autoptr(BridgeHoldingsSummary) s = bridge_holdings_summarize (f->holdings, f->catalog, NULL, "2026-12-02", &error);
    g_autofree char *d = bridge_statement_get_digest (f->holdings, s, f->catalog);

    g_assert_no_error (error);
    g_assert_cmpstr (d, !=, digest);
  }

  /* One certificate fewer. */
  bridge_holdings_remove (f->holdings, 5);
  {
    g_autoptr(BridgeHoldingsSummary) s = summarize (f, f->holdings);
    g_autofree char *d = bridge_statement_get_digest (f->holdings, s, f->catalog);

    g_assert_cmpstr (d, !=, digest);
  }

  /* The same certificate, another number: another statement. */
  {
    g_autoptr(BridgeHoldings) other = bridge_holdings_new (NULL);
    g_autoptr(BridgeHoldings) renumbered = bridge_holdings_new (NULL);
    g_autoptr(BridgeHoldingsSummary) s1 = NULL, s2 = NULL;
    g_autofree char *d1 = NULL, *d2 = NULL;

    bridge_holdings_set_home (other, "scu");
    bridge_holdings_set_home (renumbered, "scu");
    add (other, f->catalog, "ncre-2", "2024-09-21", "A-1");
    add (renumbered, f->catalog, "ncre-2", "2024-09-21", "A-2");
    s1 = summarize (f, other);
    s2 = summarize (f, renumbered);
    d1 = bridge_statement_get_digest (other, s1, f->catalog);
    d2 = bridge_statement_get_digest (renumbered, s2, f->catalog);
    g_assert_cmpstr (d1, !=, d2);

    /* And another student. */
    g_assert_true (bridge_holdings_set_student (renumbered, "王芳", NULL, NULL));
    g_free (d2);
    d2 = bridge_statement_get_digest (renumbered, s2, f->catalog);
    g_assert_cmpstr (d1, !=, d2);
  }
}

/* The PDF: what the office checks, the JSON's digest on every page. */
static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(BridgeHoldingsSummary) summary = summarize (f, f->holdings);
  g_autofree char *pdf = g_build_filename (f->fx.dir, "statement.pdf", NULL);
  g_autofree char *json = g_build_filename (f->fx.dir, "statement.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  const char *digest;
  const char *expected[] = {
    "Credit-bank statement", "李华", "2023141460001", "Sichuan University", "四川大学", ON,
    "NCRE Level 2", "全国计算机等级考试二级", "NEEA", "No. NCRE-2024-5101-0042", "2024-09-21", "2027-09-21",
    "Principles of Operating Systems (CS305)", "free elective credits", "2026-12-14",
    "Linear Algebra (MA120)", "Computer Networks (CS306)", "no limit", "教师资格证",
    "recognised", "about to expire", "expired", "not recognised", "not counted: see the notes",
    "Total granted: 9.0 credits", "Signature and stamp of the academic office",
  };

  g_assert_true (bridge_statement_export_pdf (f->holdings, summary, f->catalog, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (bridge_statement_export_json (f->holdings, summary, f->catalog, json, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, json, &error));
  g_assert_no_error (error);
  digest = json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "digest");

  /* The JSON's digest is the one on every page of the PDF. */
  assert_footers (pdf, digest);
  text = pdf_all_text (pdf);
  flat = flat_text (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (flat, expected[i]) == NULL)
      g_error ("“%s” is not in the statement:\n%s", expected[i], text);
  /* The note that ncre-2 and ncre-3 are counted once. */
  for (guint i = 0; i < summary->notes->len; i++)
    {
      g_autofree char *start = g_utf8_substring (g_ptr_array_index (summary->notes, i), 0, 20);

      if (strstr (flat, start) == NULL)
        g_error ("the note “%s” is not in the statement:\n%s", (char *) g_ptr_array_index (summary->notes, i), text);
    }
  /* Fonts are embedded, Chinese ones too. */
  {
    const char *argv[] = { "pdffonts", pdf, NULL };
    g_autofree char *fonts = pdf_run (argv);

    g_assert_nonnull (strstr (fonts, "CJK"));
    g_assert_null (strstr (fonts, " no  "));
  }
  /* The metadata say what it is and carry the digest. */
  {
    const char *argv[] = { "pdfinfo", pdf, NULL };
    g_autofree char *info = pdf_run (argv);

    g_assert_nonnull (strstr (info, "Credit-bank statement"));
    g_assert_nonnull (strstr (info, digest));
  }
  pdf_keep_pngs (pdf, "statement");
}

/* In Chinese: the statement's own words, translated. */
static void
test_chinese (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autofree char *pdf = g_build_filename (f->fx.dir, "statement-zh.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(GError) error = NULL;
  const char *words[] = { "Credit-bank statement", "Signature and stamp of the academic office", "about to expire" };
  char *translated[G_N_ELEMENTS (words)] = { NULL };
  char *old_locale = test_chinese_begin ();

  summary = summarize (f, f->holdings);
  digest = bridge_statement_get_digest (f->holdings, summary, f->catalog);
  g_assert_true (bridge_statement_export_pdf (f->holdings, summary, f->catalog, pdf, &error));
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    translated[i] = g_strdup (i < 2 ? g_dgettext (GETTEXT_PACKAGE, words[i])
                                    : g_dpgettext2 (GETTEXT_PACKAGE, "certificate status", words[i]));
  test_chinese_end (old_locale);
  g_assert_no_error (error);

  text = pdf_all_text (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_assert_cmpstr (translated[i], !=, words[i]);
      if (strstr (text, translated[i]) == NULL)
        g_error ("“%s” is not in the Chinese statement:\n%s", translated[i], text);
      g_free (translated[i]);
    }
  /* Certificates by their Chinese names first. */
  g_assert_nonnull (strstr (text, "全国计算机等级考试二级"));
  g_assert_true (strstr (text, "全国计算机等级考试二级") < strstr (text, "NCRE Level 2"));
  /* The footer's page number is translated too, and the digest is there. */
  {
    guint pages = pdf_n_pages (pdf);

    for (guint i = 1; i <= pages; i++)
      {
        g_autofree char *page = pdf_page_text (pdf, i);

        g_assert_nonnull (strstr (page, digest));
        g_assert_null (strstr (page, "Page "));
      }
  }
  pdf_keep_pngs (pdf, "statement-zh");
}

/* No certificate at all: still a statement, that says so. */
static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BridgeHoldings) none = bridge_holdings_new (NULL);
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *pdf = g_build_filename (f->fx.dir, "empty.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *o;

  bridge_holdings_set_home (none, "scu");
  summary = summarize (f, none);
  node = bridge_statement_to_json (none, summary, f->catalog);
  o = json_node_get_object (node);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "certificates")), ==, 0);
  g_assert_cmpfloat (json_object_get_double_member (o, "total_credits"), ==, 0);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (o, "student"), "name"));
  digest = bridge_statement_get_digest (none, summary, f->catalog);
  g_assert_true (bridge_statement_export_pdf (none, summary, f->catalog, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_n_pages (pdf), ==, 1);
  assert_footers (pdf, digest);
  text = pdf_all_text (pdf);
  g_assert_nonnull (strstr (text, "No certificates are recorded"));
  g_assert_nonnull (strstr (text, "Signature and stamp"));
  g_assert_null (strstr (text, "· ·"));
  pdf_keep_pngs (pdf, "statement-empty");
}

/* A certificate the catalog no longer has: on the statement, said so, and
 * counted as unknown; not an error. */
static void
test_unknown (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->fx.dir, "unknown.json", NULL);
  g_autofree char *pdf = g_build_filename (f->fx.dir, "unknown.pdf", NULL);
  const char *file = "{ \"format\": \"credit-bridge-certificates\", \"version\": 1, \"home\": \"scu\",\n"
                     "  \"certificates\": [\n"
                     "    { \"certificate\": \"pets-5\", \"obtained\": \"2023-03-01\", \"number\": \"PETS5-001\" },\n"
                     "    { \"certificate\": \"cet-6\", \"obtained\": \"2025-06-14\" } ] }\n";
  g_autoptr(BridgeHoldings) holdings = NULL;
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (path, file, -1, NULL));
  holdings = bridge_holdings_load (path, &error);
  g_assert_no_error (error);
  summary = summarize (f, holdings);
  g_assert_cmpuint (summary->n_unknown, ==, 1);
  node = bridge_statement_to_json (holdings, summary, f->catalog);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "unknown"), ==, 1);
  g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (node), "total_credits"), ==, 2.0);
  g_assert_true (bridge_statement_export_pdf (holdings, summary, f->catalog, pdf, &error));
  g_assert_no_error (error);
  text = pdf_all_text (pdf);
  g_assert_nonnull (strstr (text, "pets-5"));
  g_assert_nonnull (strstr (text, "PETS5-001"));
  g_assert_nonnull (strstr (text, "not in the catalog"));
  g_assert_nonnull (strstr (text, "Total granted: 2.0 credits"));
  pdf_keep_pngs (pdf, "statement-unknown");

  /* Judged on a day before cet-6 was obtained: not held yet, and said why. */
  {
    g_autoptr(BridgeHoldingsSummary) before = bridge_holdings_summarize (holdings, f->catalog, NULL, "2024-01-01", &error);
    g_autofree char *flat = NULL;

    g_assert_no_error (error);
    g_assert_true (bridge_statement_export_pdf (holdings, before, f->catalog, pdf, &error));
    g_assert_no_error (error);
    flat = flat_text (pdf);
    g_assert_nonnull (strstr (flat, "not in the catalog"));
    g_assert_nonnull (strstr (flat, "not recognised"));
    g_assert_nonnull (strstr (flat, "Obtained on 2025-06-14, after the day judged, 2024-01-01"));
    g_assert_nonnull (strstr (flat, "Total granted: 0.0 credits"));
  }
}

/* Many certificates: the table runs over pages under its repeated header,
 * and every page has the footer. */
static void
test_long (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(BridgeHoldings) many = bridge_holdings_new (NULL);
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autofree char *pdf = g_build_filename (f->fx.dir, "long.pdf", NULL);
  g_autofree char *digest = NULL;
  g_autoptr(GError) error = NULL;
  guint pages, with_rows = 0, with_header = 0;

  bridge_holdings_set_home (many, "scu");
  for (guint i = 0; i < 45; i++)
    {
      g_autofree char *day = g_strdup_printf ("2024-%02u-%02u", 1 + i / 28, 1 + i % 28);

      add (many, f->catalog, i % 2 ? "cet-6" : "teacher", day, NULL);
    }
  summary = summarize (f, many);
  digest = bridge_statement_get_digest (many, summary, f->catalog);
  g_assert_true (bridge_statement_export_pdf (many, summary, f->catalog, pdf, &error));
  g_assert_no_error (error);
  pages = pdf_n_pages (pdf);
  g_assert_cmpuint (pages, >=, 3);
  assert_footers (pdf, digest);
  for (guint i = 1; i <= pages; i++)
    {
      g_autofree char *text = pdf_page_text (pdf, i);

      if (strstr (text, "2024-0") == NULL)
        continue;
      with_rows++;
      if (strstr (text, "Valid until"))
        with_header++;
    }
  g_assert_cmpuint (with_rows, >=, 2);
  g_assert_cmpuint (with_header, ==, with_rows);
}

/* The academic office's box stays with its heading and what it attests,
 * however many certificates push it down the page: it was once left alone
 * at the top of a page of its own, its heading on the page before. */
static void
test_office_together (Fixture       *f,
                      gconstpointer  data)
{
  for (guint n = 1; n <= 12; n++)
    {
      g_autoptr(BridgeHoldings) some = bridge_holdings_new (NULL);
      g_autoptr(BridgeHoldingsSummary) summary = NULL;
      g_autofree char *pdf = g_build_filename (f->fx.dir, "office.pdf", NULL);
      g_autoptr(GError) error = NULL;
      guint pages, found = 0;

      bridge_holdings_set_home (some, "scu");
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *day = g_strdup_printf ("2024-01-%02u", 1 + i);

          add (some, f->catalog, i % 2 ? "cet-6" : "teacher", day, NULL);
        }
      summary = summarize (f, some);
      g_assert_true (bridge_statement_export_pdf (some, summary, f->catalog, pdf, &error));
      g_assert_no_error (error);
      pages = pdf_n_pages (pdf);
      for (guint i = 1; i <= pages; i++)
        {
          g_autofree char *text = pdf_page_text (pdf, i);

          if (strstr (text, "For the academic office") == NULL)
            continue;
          found++;
          g_assert_nonnull (strstr (text, "Signature and stamp of the academic office"));
          g_assert_nonnull (strstr (text, "Checked against the original certificates."));
        }
      g_assert_cmpuint (found, ==, 1);
    }
}

/* A text cairo cannot draw: the statement is refused, naming it, and no
 * file is written. */
static void
test_noncharacter (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BridgeCatalog) bad = catalog_with_certificates (&f->fx, "\"en\": \"CET-6\"", "\"en\": \"CET\\ufffe6\"");
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autofree char *pdf = g_build_filename (f->fx.dir, "bad.pdf", NULL);
  g_autoptr(GError) error = NULL;

  summary = bridge_holdings_summarize (f->holdings, bad, NULL, ON, &error);
  g_assert_no_error (error);
  g_assert_false (bridge_statement_export_pdf (f->holdings, summary, bad, pdf, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "statement"));
  g_assert_nonnull (strstr (error->message, "U+FFFE"));
  g_assert_nonnull (strstr (error->message, "CET"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* A path that cannot be written: an error naming it, the old file intact. */
static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BridgeHoldingsSummary) summary = summarize (f, f->holdings);
  g_autofree char *missing = g_build_filename (f->fx.dir, "missing", "statement.pdf", NULL);
  g_autofree char *json = g_build_filename (f->fx.dir, "missing", "statement.json", NULL);
  g_autofree char *taken = g_build_filename (f->fx.dir, "taken.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (bridge_statement_export_pdf (f->holdings, summary, f->catalog, missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "statement.pdf"));
  g_clear_error (&error);
  g_assert_false (bridge_statement_export_json (f->holdings, summary, f->catalog, json, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "statement.json"));
  g_clear_error (&error);
  g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
  g_assert_false (bridge_statement_export_pdf (f->holdings, summary, f->catalog, taken, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
}

/* The agreement's annex: only when asked, on a page of its own after the
 * agreement, with the agreement's digest in its footer and the statement's
 * in its text; the agreement itself unchanged. */
static void
test_annex (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (&f->fx);
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autofree char *plain = g_build_filename (f->fx.dir, "la.pdf", NULL);
  g_autofree char *annexed = g_build_filename (f->fx.dir, "la-annex.pdf", NULL);
  g_autofree char *agreement = bridge_plan_get_agreement_digest (plan);
  g_autofree char *statement = NULL;
  g_autofree char *plain_text = NULL;
  g_autofree char *last = NULL;
  g_autofree char *before_last = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *flat = NULL;
  guint pages;

  summary = summarize (f, f->holdings);
  statement = bridge_statement_get_digest (f->holdings, summary, f->catalog);

  /* Not asked: no annex, also through the variant given no summary. */
  g_assert_true (bridge_plan_export_pdf_with_annex (plan, f->catalog, NULL, NULL, plain, &error));
  g_assert_no_error (error);
  plain_text = pdf_all_text (plain);
  g_assert_null (strstr (plain_text, "Annex"));
  g_assert_null (strstr (plain_text, "NCRE"));
  g_assert_null (strstr (plain_text, statement));

  g_assert_true (bridge_plan_export_pdf_with_annex (plan, f->catalog, f->holdings, summary, annexed, &error));
  g_assert_no_error (error);
  pages = pdf_n_pages (annexed);
  g_assert_cmpuint (pages, ==, pdf_n_pages (plain) + 1);
  /* Every page, the annex's too, carries the agreement's digest. */
  assert_footers (annexed, agreement);
  after = bridge_plan_get_agreement_digest (plan);
  g_assert_cmpstr (after, ==, agreement);

  last = pdf_page_text (annexed, pages);
  flat = flat_text (annexed);
  g_assert_true (g_str_has_prefix (g_strchug (last), "Annex: certificates held (not part of the agreement)"));
  g_assert_nonnull (strstr (flat, statement));
  g_assert_nonnull (strstr (flat, "全国计算机等级考试二级"));
  g_assert_nonnull (strstr (flat, "Total granted: 9.0 credits"));
  g_assert_nonnull (strstr (flat, "not part of the mobility"));
  /* The agreement ends on the page before, as it would without the annex. */
  before_last = pdf_page_text (annexed, pages - 1);
  g_assert_null (strstr (before_last, "Annex"));
  pdf_keep_pngs (annexed, "agreement-annex");

  /* The printing path takes the annex too. */
  {
    g_autoptr(BridgePlanDocument) doc = bridge_plan_document_new_with_annex (plan, f->catalog, f->holdings, summary, &error);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 595, 842);
    cairo_t *cr = cairo_create (surface);

    g_assert_no_error (error);
    g_assert_cmpuint (bridge_plan_document_paginate (doc, cr, 595.276, 841.89), ==, pages);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (bridge_plan_export_finish (BRIDGE_PLAN (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* The window's path: the annex too is exported without blocking. */
static void
test_annex_async (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (&f->fx);
  g_autoptr(BridgeHoldingsSummary) summary = summarize (f, f->holdings);
  g_autofree char *pdf = g_build_filename (f->fx.dir, "la-async.pdf", NULL);
  g_autofree char *last = NULL;
  gboolean done = FALSE;

  bridge_plan_export_pdf_with_annex_async (plan, f->catalog, f->holdings, summary, pdf, NULL, export_done, &done);
  /* Read on this thread: the summary may go before the export ends. */
  g_clear_pointer (&summary, bridge_holdings_summary_free);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  last = pdf_page_text (pdf, pdf_n_pages (pdf));
  g_assert_nonnull (strstr (last, "Annex: certificates held"));
  g_assert_nonnull (strstr (last, "CICPA"));
}

/* The annex in Chinese, to look at. */
static void
test_annex_chinese (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (&f->fx);
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autofree char *pdf = g_build_filename (f->fx.dir, "la-annex-zh.pdf", NULL);
  g_autofree char *heading = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GError) error = NULL;
  char *old_locale = test_chinese_begin ();

  summary = summarize (f, f->holdings);
  g_assert_true (bridge_plan_export_pdf_with_annex (plan, f->catalog, f->holdings, summary, pdf, &error));
  heading = g_strdup (g_dgettext (GETTEXT_PACKAGE, "Annex: certificates held (not part of the agreement)"));
  test_chinese_end (old_locale);
  g_assert_no_error (error);
  g_assert_cmpstr (heading, !=, "Annex: certificates held (not part of the agreement)");
  last = pdf_page_text (pdf, pdf_n_pages (pdf));
  if (strstr (last, heading) == NULL)
    g_error ("“%s” is not on the last page:\n%s", heading, last);
  pdf_keep_pngs (pdf, "agreement-annex-zh");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, set_up, fn, tear_down)

  ADD ("/statement/json", test_json);
  ADD ("/statement/digest", test_digest);
  ADD ("/statement/pdf", test_pdf);
  ADD ("/statement/chinese", test_chinese);
  ADD ("/statement/empty", test_empty);
  ADD ("/statement/unknown", test_unknown);
  ADD ("/statement/long", test_long);
  ADD ("/statement/office-together", test_office_together);
  ADD ("/statement/noncharacter", test_noncharacter);
  ADD ("/statement/unwritable", test_unwritable);
  ADD ("/statement/annex", test_annex);
  ADD ("/statement/annex-async", test_annex_async);
  ADD ("/statement/annex-chinese", test_annex_chinese);

  return g_test_run ();
}
