/* test-pdf.c: the Learning Agreement as a PDF, read back with pdftotext
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
#include "bridge-plan-export.h"
#include "bridge-plan.h"
#include "bridge-plan-pdf.h"
#include "pdf-text.h"
#include "plan-fixture.h"
#include "../test-chinese.h"

/* A plan through its whole life: approved, changed, graded. */
static BridgePlan *
full_plan (PlanFixture *fx)
{
  BridgePlan *plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  BridgePlanPerson student = { (char *) "李华", NULL, NULL };
  BridgePlanPerson sending = { (char *) "王芳", (char *) "Exchange coordinator", (char *) "wangfang@scu.edu.cn" };

  bridge_plan_set_group_comment (plan, bridge_plan_get_group (plan, 0), "课程内容一致", NULL);
  plan_fixture_approve_all (plan);
  g_assert_true (bridge_plan_propose_delete (plan, bridge_plan_find_group (plan, "g2", NULL), BRIDGE_PLAN_SIDE_HOST,
                                             "cqu:cs302", BRIDGE_CHANGE_REASON_TIMETABLE_CONFLICT, NULL, &error));
  g_assert_true (bridge_plan_propose_add (plan, fx->catalog, bridge_plan_find_group (plan, "g2", NULL), BRIDGE_PLAN_SIDE_HOST,
                                          "cqu:ma101", BRIDGE_CHANGE_REASON_SUBSTITUTING_DELETED, NULL, &error));
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, "2026-10-01T09:00:00+08:00", &error));
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_SENDING, &sending, "2026-10-02T09:00:00+08:00", &error));
  g_assert_no_error (error);
  return plan;
}

static void
test_contents (PlanFixture   *fx,
               gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = full_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fx->dir, "la.pdf", NULL);
  g_autofree char *digest = bridge_plan_get_agreement_digest (plan);
  g_autoptr(GString) all = g_string_new (NULL);
  const char *sections[] = {
    "Student", "Sending and receiving institutions", "Table A", "Table B",
    "Grading tables", "Commitment", "Changes during the mobility",
  };
  const char *pos = NULL;
  guint pages;

  g_assert_true (bridge_plan_export_pdf (plan, fx->catalog, pdf, &error));
  g_assert_no_error (error);
  pages = pdf_n_pages (pdf);
  g_assert_cmpuint (pages, >=, 2);

  for (guint i = 1; i <= pages; i++)
    {
      g_autofree char *text = pdf_page_text (pdf, i);
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i, pages);

      /* Every page: its number and the plan's digest. */
      g_assert_nonnull (strstr (text, footer));
      g_assert_nonnull (strstr (text, digest));
      g_string_append (all, text);
    }

  /* The student, every component's code and title, credits, each approver. */
  g_assert_nonnull (strstr (all->str, "李华"));
  g_assert_nonnull (strstr (all->str, "2023141460001"));
  for (guint i = 0; i < 4; i++)
    {
      const char *codes[] = { "CS301", "CS302", "CS305", "CS306" };

      g_assert_nonnull (strstr (all->str, codes[i]));
    }
  g_assert_nonnull (strstr (all->str, "Operating Systems"));
  g_assert_nonnull (strstr (all->str, "操作系统"));
  g_assert_nonnull (strstr (all->str, "操作系统原理"));
  g_assert_nonnull (strstr (all->str, "计算机网络"));
  g_assert_nonnull (strstr (all->str, "课程内容一致"));
  g_assert_nonnull (strstr (all->str, "4.58"));       /* ECTS of cs301 */
  g_assert_nonnull (strstr (all->str, "4.20"));       /* its alliance credits */
  g_assert_nonnull (strstr (all->str, "王芳"));
  g_assert_nonnull (strstr (all->str, "Zhang Wei"));
  g_assert_nonnull (strstr (all->str, "International office"));
  g_assert_nonnull (strstr (all->str, "Sichuan University"));
  g_assert_nonnull (strstr (all->str, "cqu.edu.cn"));
  /* The grading tables: cqu's A is 10 % of its grades, scu's 优秀 20 %. */
  g_assert_nonnull (strstr (all->str, "优秀"));
  /* The pending change with its reason. */
  g_assert_nonnull (strstr (all->str, "Timetable conflict"));
  g_assert_nonnull (strstr (all->str, "MA101"));

  /* The template's sections, in its order. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      const char *p = strstr (pos ? pos : all->str, sections[i]);

      if (p == NULL)
        g_error ("section “%s” missing or out of order", sections[i]);
      pos = p + strlen (sections[i]);
    }

  /* Fonts are embedded, so Chinese prints anywhere. */
  {
    const char *argv[] = { "pdffonts", pdf, NULL };
    g_autofree char *fonts = pdf_run (argv);
    g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
    guint n = 0;

    for (guint i = 2; lines[i]; i++)
      {
        if (lines[i][0] == '\0')
          continue;
        n++;
        /* columns: name type encoding emb sub uni … */
        g_assert_nonnull (strstr (lines[i], " yes "));
      }
    g_assert_cmpuint (n, >, 0);
    g_assert_nonnull (strstr (fonts, "CJK"));
  }

  pdf_keep_pngs (pdf, "learning-agreement");
}

/* The plan's digest is the one on the paper, and it changes with the plan. */
static void
test_digest (PlanFixture   *fx,
             gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fx->dir, "d.pdf", NULL);
  g_autofree char *before = bridge_plan_get_agreement_digest (plan);
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;

  g_assert_true (bridge_plan_export_pdf (plan, fx->catalog, pdf, &error));
  text = pdf_page_text (pdf, 1);
  g_assert_nonnull (strstr (text, before));
  bridge_plan_set_provisions (plan, "Retake at home.", NULL);
  after = bridge_plan_get_agreement_digest (plan);
  g_assert_cmpstr (before, !=, after);
}

/* The recognition record after the stay. */
static void
test_recognition (PlanFixture   *fx,
                  gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GPtrArray) rec = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *pdf = g_build_filename (fx->dir, "r.pdf", NULL);
  g_autoptr(GString) all = g_string_new (NULL);

  plan_fixture_approve_all (plan);
  g_assert_true (bridge_plan_set_grade (plan, fx->catalog, "cqu:cs301", "A", &error));
  g_assert_true (bridge_plan_set_grade (plan, fx->catalog, "cqu:cs302", "85", &error));
  rec = bridge_plan_convert_grades (plan, fx->catalog, NULL, &error);
  g_assert_no_error (error);
  bytes = bridge_plan_render_pdf (plan, fx->catalog, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (pdf, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
  for (guint i = 1; i <= pdf_n_pages (pdf); i++)
    {
      g_autofree char *t = pdf_page_text (pdf, i);

      g_string_append (all, t);
    }
  g_assert_nonnull (strstr (all->str, "Recognition record"));
  g_assert_nonnull (strstr (all->str, "CS301=A"));
  g_assert_nonnull (strstr (all->str, "CS302=85"));
  g_assert_nonnull (strstr (all->str, "良好"));
}

/* Titles in the user's language first; Chinese when the user reads Chinese. */
static void
test_chinese_first (PlanFixture   *fx,
                    gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fx->dir, "zh.pdf", NULL);
  g_autofree char *text = NULL;
  const char *zh, *en;

  bridge_text_set_user_language ("zh");
  g_assert_true (bridge_plan_export_pdf (plan, fx->catalog, pdf, &error));
  bridge_text_set_user_language ("en");
  g_assert_no_error (error);
  text = pdf_page_text (pdf, 1);
  {
    g_autofree char *t2 = pdf_page_text (pdf, 2);
    char *joined = g_strconcat (text, t2, NULL);

    g_free (text);
    text = joined;
  }
  zh = strstr (text, "操作系统");
  en = strstr (text, "Operating Systems");
  g_assert_nonnull (zh);
  g_assert_nonnull (en);
  g_assert_true (zh < en);
  g_assert_nonnull (strstr (text, "四川大学"));
}

/* A plan edited after approval says so on paper. */
static void
test_modified_after_approval (PlanFixture   *fx,
                              gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *pdf = g_build_filename (fx->dir, "m.pdf", NULL);
  g_autofree char *page = NULL;
  g_auto(GStrv) parts = NULL;

  plan_fixture_approve_all (plan);
  text = bridge_plan_to_data (plan, NULL);
  parts = g_strsplit (text, "\"Operating Systems\"", 2);
  g_free (text);
  text = g_strjoin ("\"Operating Systems and Networks\"", parts[0], parts[1], NULL);
  edited = bridge_plan_new_from_data (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_plan_export_pdf (edited, fx->catalog, pdf, &error));
  g_assert_no_error (error);
  page = pdf_page_text (pdf, 1);
  g_assert_nonnull (strstr (page, "Not approved: the agreement was changed after version 1 was approved"));
  g_assert_nonnull (strstr (page, "NOT approved"));
  g_assert_null (strstr (page, "approved by all three parties"));
}

/* A path that cannot be written: a clear error and the old file intact. */
static void
test_unwritable (PlanFixture   *fx,
                 gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (fx->dir, "missing", "la.pdf", NULL);
  g_autofree char *dir_in_way = g_build_filename (fx->dir, "taken.pdf", NULL);

  g_assert_false (bridge_plan_export_pdf (plan, fx->catalog, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "la.pdf"));
  g_clear_error (&error);
  g_assert_cmpint (g_mkdir (dir_in_way, 0700), ==, 0);
  g_assert_false (bridge_plan_export_pdf (plan, fx->catalog, dir_in_way, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_test (dir_in_way, G_FILE_TEST_IS_DIR));
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (!bridge_plan_export_finish (BRIDGE_PLAN (source), result, error) && *error == NULL)
    g_assert_not_reached ();
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");   /* marks success */
}

static GError *
export_and_wait (BridgePlan             *plan,
                 BridgeCatalog          *catalog,
                 BridgePlanExportFormat  format,
                 const char             *path)
{
  GError *error = NULL;

  bridge_plan_export_async (plan, catalog, format, path, NULL, export_done, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  return error;
}

/* The window's path: export without blocking, then the result. */
static void
test_async (PlanFixture   *fx,
            gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autofree char *pdf = g_build_filename (fx->dir, "async.pdf", NULL);
  g_autofree char *xml = g_build_filename (fx->dir, "async.xml", NULL);
  g_autofree char *bad = g_build_filename (fx->dir, "none", "async.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  error = export_and_wait (plan, fx->catalog, BRIDGE_PLAN_EXPORT_PDF, pdf);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);   /* success */
  g_clear_error (&error);
  text = pdf_page_text (pdf, 1);
  g_assert_nonnull (strstr (text, "李华"));

  /* Not approved: EWP has nothing to send, and says so through finish (). */
  error = export_and_wait (plan, fx->catalog, BRIDGE_PLAN_EXPORT_EWP_XML, xml);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_false (g_file_test (xml, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  error = export_and_wait (plan, fx->catalog, BRIDGE_PLAN_EXPORT_PDF, bad);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A long plan: tables split over pages, each part under its header row. */
static void
test_long_tables (PlanFixture   *fx,
                  gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fx->dir, "long.pdf", NULL);
  guint pages, with_rows = 0, with_header = 0;

  for (guint i = 0; i < 40; i++)
    g_assert_nonnull (bridge_plan_add_group (plan, fx->catalog, (const char *[]) { "cqu:ma101", NULL },
                                             (const char *[]) { "scu:ma120", NULL }, &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_export_pdf (plan, fx->catalog, pdf, &error));
  g_assert_no_error (error);
  pages = pdf_n_pages (pdf);
  g_assert_cmpuint (pages, >=, 4);
  for (guint i = 1; i <= pages; i++)
    {
      g_autofree char *text = pdf_page_text (pdf, i);

      if (strstr (text, "MA101") == NULL)
        continue;
      with_rows++;
      /* Table A's header, or Table B's (whose rows also name MA101). */
      if (strstr (text, "Alliance") || strstr (text, "Recognised"))
        with_header++;
    }
  g_assert_cmpuint (with_rows, >=, 3);
  g_assert_cmpuint (with_header, ==, with_rows);
  {
    g_autofree char *last = pdf_page_text (pdf, pages);
    g_autofree char *footer = g_strdup_printf ("Page %u of %u", pages, pages);

    g_assert_nonnull (strstr (last, footer));
  }
}

/* The printing path of the window: paginate on any cairo surface and draw. */
static void
test_document (PlanFixture   *fx,
               gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = full_plan (fx);
  g_autoptr(BridgePlanDocument) doc = bridge_plan_document_new (plan, fx->catalog, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 595, 842);
  cairo_t *cr = cairo_create (surface);
  guint n, n_letter;

  n = bridge_plan_document_paginate (doc, cr, 595.276, 841.89);
  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    bridge_plan_document_draw_page (doc, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  /* US Letter is shorter: at least as many pages. */
  n_letter = bridge_plan_document_paginate (doc, cr, 612, 792);
  g_assert_cmpuint (n_letter, >=, n);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* An empty group is not printed, and groups are numbered as the window
 * numbers them ("Group 2"), never by their id in the file ("g2"). */
static void
test_group_numbers (PlanFixture   *fx,
                    gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlanComponent) host = NULL;
  g_autoptr(BridgePlanComponent) home = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) id = g_regex_new ("\\bg[0-9]+\\b", 0, 0, NULL);
  g_autofree char *pdf = g_build_filename (fx->dir, "la.pdf", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *h3[] = { "cqu:ma101", NULL };
  BridgePlanGroup *g1 = bridge_plan_get_group (plan, 0);

  /* g1 emptied, g2 as it was, g3 new: "Group 2" and "Group 3" are printed. */
  g_assert_nonnull (bridge_plan_add_group (plan, fx->catalog, h3, NULL, &error));
  host = bridge_plan_remove_component (plan, g1, BRIDGE_PLAN_SIDE_HOST, "cqu:cs301", NULL, &error);
  g_assert_no_error (error);
  home = bridge_plan_remove_component (plan, g1, BRIDGE_PLAN_SIDE_HOME, "scu:cs305", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan), ==, 3);

  g_assert_true (bridge_plan_export_pdf (plan, fx->catalog, pdf, &error));
  g_assert_no_error (error);
  for (guint i = 1; i <= pdf_n_pages (pdf); i++)
    {
      g_autofree char *page = pdf_page_text (pdf, i);

      g_string_append (text, page);
    }
  g_assert_nonnull (strstr (text->str, "Group 2: the host courses"));
  g_assert_null (strstr (text->str, "Group 1:"));
  g_assert_null (strstr (text->str, "Group g"));
  g_assert_false (g_regex_match (id, text->str, 0, NULL));
}

/* A catalog whose university name has a noncharacter: cairo used to stop
 * drawing there and the PDF had one page, with exit status 0. Now the
 * document is refused, named, and no file is written. */
static void
test_noncharacter (PlanFixture   *fx,
                   gconstpointer  data)
{
  g_autoptr(BridgeCatalog) bad = plan_fixture_catalog_with (fx, "\"en\": \"Sichuan University\"",
                                                            "\"en\": \"Sichuan\\ufffeUniversity\"");
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fx->dir, "bad.pdf", NULL);

  g_assert_false (bridge_plan_export_pdf (plan, bad, pdf, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "U+FFFE"));
  g_assert_nonnull (strstr (error->message, "Sichuan"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* With the catalog corrected, every section is there again. */
  g_assert_true (bridge_plan_export_pdf (plan, fx->catalog, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_n_pages (pdf), >=, 2);
}

/* E-mail addresses print whole, never hyphenated or broken inside
 * ("wangfang@cqu.edu.c-n"), in every table that shows one. */
static void
test_emails_whole (PlanFixture   *fx,
                   gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fx->dir, "mail.pdf", NULL);
  g_autofree char *text = NULL;
  /* long enough not to fit the approvals' e-mail column on one line */
  const char *emails[] = { "lihua@stu.scu.edu.cn", "wangfang@scu.edu.cn", "international.office@cqu.edu.cn" };
  BridgePlanInstitution host = *bridge_plan_get_institution (plan, BRIDGE_PLAN_SIDE_HOST);
  BridgePlanPerson student = { (char *) "李华", NULL, (char *) "lihua@stu.scu.edu.cn" };
  BridgePlanPerson sending = { (char *) "王芳", (char *) "Exchange coordinator", (char *) "wangfang@scu.edu.cn" };
  BridgePlanPerson receiving = { (char *) "Zhang Wei", (char *) "International office",
                                 (char *) "international.office@cqu.edu.cn" };

  host.responsible = receiving;
  g_assert_true (bridge_plan_set_institution (plan, BRIDGE_PLAN_SIDE_HOST, &host, NULL));
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, "2026-06-01T10:00:00Z", &error));
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_SENDING, &sending, "2026-06-02T10:00:00Z", &error));
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_RECEIVING, &receiving, "2026-06-03T10:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_export_pdf (plan, fx->catalog, pdf, &error));
  g_assert_no_error (error);
  text = pdf_all_text (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (emails); i++)
    {
      const char *p = text;
      guint n = 0;

      while ((p = strstr (p, emails[i])) != NULL)
        {
          n++;
          p++;
        }
      if (n < 2)
        g_error ("%s printed whole %u times (institutions and approvals need 2):\n%s", emails[i], n, text);
    }
  pdf_keep_pngs (pdf, "learning-agreement-emails");
  g_assert_null (strstr (text, ".c-\n"));
  g_assert_null (strstr (text, "-\n"));
}

/* The title's line under it: the parts that exist, each separator between
 * two of them, never "李华 · · Draft"; a mobility period without dates is
 * one dash, not "— – —". */
static void
test_empty_parts (PlanFixture   *fx,
                  gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fx->dir, "empty.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *dashes = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("[ ]+", 0, 0, NULL);

  g_assert_true (bridge_plan_set_academic_year (plan, NULL, NULL));
  g_assert_true (bridge_plan_set_dates (plan, NULL, NULL, NULL));
  g_assert_true (bridge_plan_export_pdf (plan, fx->catalog, pdf, &error));
  g_assert_no_error (error);
  text = pdf_all_text (pdf);
  g_assert_nonnull (strstr (text, "李华 · Draft"));
  g_assert_null (strstr (text, "· ·"));
  g_assert_null (strstr (text, "·  ·"));
  g_assert_null (strstr (text, "— – —"));
  dashes = g_regex_replace (spaces, text, -1, 0, " ", 0, NULL);
  g_assert_nonnull (strstr (dashes, "Mobility period —\n"));
  /* Countries and languages by name, not "CN" and "en". */
  g_assert_nonnull (strstr (dashes, "Nationality China\n"));
  g_assert_nonnull (strstr (dashes, "Language of instruction English · CEFR B2\n"));
}

/* The same in Chinese, as a Chinese reader prints it: the subtitle
 * "李华 · 草案——…" has no empty separator, the period one dash, and the
 * pages are kept as PNG in the build directory to look at. */
static void
test_empty_parts_chinese (PlanFixture   *fx,
                          gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fx->dir, "empty-zh.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *subtitle = NULL;
  char *old_locale = test_chinese_begin ();

  g_assert_true (bridge_plan_set_academic_year (plan, NULL, NULL));
  g_assert_true (bridge_plan_set_dates (plan, NULL, NULL, NULL));
  g_assert_true (bridge_plan_export_pdf (plan, fx->catalog, pdf, &error));
  subtitle = g_strdup_printf ("李华 · %s", g_dgettext (GETTEXT_PACKAGE, "Draft — not yet approved by all three parties"));
  test_chinese_end (old_locale);
  g_assert_no_error (error);
  g_assert_cmpstr (subtitle, !=, "李华 · Draft — not yet approved by all three parties");

  text = pdf_all_text (pdf);
  if (strstr (text, subtitle) == NULL)
    g_error ("“%s” is not on the first page:\n%s", subtitle, text);
  g_assert_null (strstr (text, "· ·"));
  g_assert_null (strstr (text, "·  ·"));
  g_assert_null (strstr (text, "— – —"));
  g_assert_nonnull (strstr (text, "中国"));
  g_assert_nonnull (strstr (text, "英语 · CEFR B2"));
  pdf_keep_pngs (pdf, "learning-agreement-zh");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) \
  g_test_add (name, PlanFixture, NULL, plan_fixture_set_up, fn, plan_fixture_tear_down)

  ADD ("/plan/pdf/contents", test_contents);
  ADD ("/plan/pdf/digest", test_digest);
  ADD ("/plan/pdf/recognition", test_recognition);
  ADD ("/plan/pdf/chinese-first", test_chinese_first);
  ADD ("/plan/pdf/modified-after-approval", test_modified_after_approval);
  ADD ("/plan/pdf/unwritable", test_unwritable);
  ADD ("/plan/pdf/document", test_document);
  ADD ("/plan/pdf/async", test_async);
  ADD ("/plan/pdf/long-tables", test_long_tables);
  ADD ("/plan/pdf/group-numbers", test_group_numbers);
  ADD ("/plan/pdf/noncharacter", test_noncharacter);
  ADD ("/plan/pdf/emails-whole", test_emails_whole);
  ADD ("/plan/pdf/empty-parts", test_empty_parts);
  ADD ("/plan/pdf/empty-parts-chinese", test_empty_parts_chinese);

  return g_test_run ();
}
