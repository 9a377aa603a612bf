/* test-report-chart.c: the report's charts and its PDF (issue 19, item 4)
 *
 * A catalog of tests/plan/feed.json with 200 more courses at cqu
 * ("cqu:gen000"…), the first with a very long title, declared workloads of
 * 16 + 8·(i mod 8) lecture hours (estimated by the catalog), and three plans
 * of students with distinctive names, each giving feedback on every course:
 * hours (1 + d) × declared, with d running from −90 % to +400 % so some
 * dots fall beyond the axis. The charts are drawn onto image surfaces for
 * 0, 1 and 200 courses, in a light and a dark style, and kept as PNG in the
 * build directory (BUILD/tests/plan/chart-*.png) to look at; the PDF is
 * read back with pdftotext and its pages kept as PNG (report-en-N.png,
 * report-zh-N.png).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "bridge-error.h"
#include "bridge-plan.h"
#include "bridge-report-chart.h"
#include "pdf-text.h"
#include "plan-fixture.h"
#include "../test-chinese.h"

#define N_GENERATED 200
#define N_STUDENTS  3
#define LONG_TITLE  "Advanced Topics in the Theory and Practice of Distributed, Concurrent and Fault-Tolerant " \
                    "Computing Systems for Large-Scale Scientific Workflows"

typedef struct
{
  PlanFixture    fx;
  BridgeCatalog *big;                     /* the feed and the 200 courses */
  char          *big_db;
  char          *plans;                   /* folder of the students' plans */
} ChartFixture;

static const char * const personal[] = {
  "Quokka", "Zyxwvut", "SN-7731-", "quokka", "1998-07-1", "Responsible Rhodopsin", "rhodopsin@",
};

/* The deviation course @i is given: −90 % … +400 %. */
static double
deviation_of (guint i)
{
  return -0.9 + 4.9 * i / (N_GENERATED - 1);
}

static void
write_big_feed (const char *path)
{
  g_autofree char *feed = g_build_filename (PLAN_TEST_DIR, "feed.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *courses;

  g_assert_true (json_parser_load_from_file (parser, feed, &error));
  g_assert_no_error (error);
  courses = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "courses");
  for (guint i = 0; i < N_GENERATED; i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"id\": \"cqu:gen%03u\", \"university\": \"cqu\", \"code\": \"GEN%03u\","
        " \"title\": {\"zh\": \"%s%u\", \"en\": \"%s %u\"}, \"isced\": \"0613\", \"cycle\": \"bachelor\","
        " \"level\": \"core\", \"periods\": {\"lecture\": %u}, \"credits\": 2, \"grading_scale\": \"pct\","
        " \"terms\": [\"2026-autumn\"], \"languages\": [\"zh\"], \"delivery\": \"on-campus\"}",
        i, i, i == 0 ? "分布式并发与容错计算系统的理论与实践高级专题研讨课程之大规模科学工作流" : "软件工程实践", i,
        i == 0 ? LONG_TITLE : "Software Practice", i, 16 + 8 * (i % 8));
      g_autoptr(JsonNode) node = json_from_string (json, &error);

      g_assert_no_error (error);
      json_array_add_element (courses, g_steal_pointer (&node));
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, path, &error));
  g_assert_no_error (error);
}

static BridgePlan *
student_plan (ChartFixture *cf,
              guint         n,
              guint         n_courses)
{
  g_autoptr(GError) error = NULL;
  BridgePlan *plan = bridge_plan_new ();
  g_autofree char *name = g_strdup_printf ("Quokka Zyxwvut-%u", n);
  g_autofree char *number = g_strdup_printf ("SN-7731-%04u", n);
  g_autofree char *email = g_strdup_printf ("quokka%u@zyxwvut.example", n);
  g_autofree char *birth = g_strdup_printf ("1998-07-1%u", n);
  BridgePlanStudent student = { 0 };
  BridgePlanInstitution institution = { 0 };

  student.name = name;
  student.student_number = number;
  student.email = email;
  student.birth_date = birth;
  student.cycle = BRIDGE_CYCLE_BACHELOR;
  g_assert_true (bridge_plan_set_student (plan, &student, &error));
  institution.university = (char *) "scu";
  institution.responsible.name = (char *) "Responsible Rhodopsin";
  institution.responsible.email = (char *) "rhodopsin@scu.example";
  g_assert_true (bridge_plan_set_institution (plan, BRIDGE_PLAN_SIDE_HOME, &institution, &error));
  g_assert_true (bridge_plan_set_host_university (plan, "cqu", &error));
  g_assert_true (bridge_plan_set_dates (plan, "2026-09-01", "2027-01-20", &error));
  g_assert_no_error (error);

  /* A course with home credits, for a pair with a rate. */
  {
    const char *hosts[] = { "cqu:cs301", NULL };
    const char *homes[] = { "scu:cs305", NULL };

    g_assert_nonnull (bridge_plan_add_group (plan, cf->big, hosts, homes, &error));
    g_assert_no_error (error);
    g_assert_true (bridge_plan_set_grade (plan, cf->big, "cqu:cs301", "85", &error));
    g_ptr_array_unref (bridge_plan_convert_grades (plan, cf->big, NULL, &error));
    g_assert_no_error (error);
  }
  for (guint i = 0; i < n_courses; i++)
    {
      g_autofree char *id = g_strdup_printf ("cqu:gen%03u", i);
      const char *hosts[] = { id, NULL };

      g_assert_nonnull (bridge_plan_add_group (plan, cf->big, hosts, NULL, &error));
      g_assert_no_error (error);
    }
  return plan;
}

/* The report over @n_students plans of @n_courses courses each, with the
 * hours of deviation_of () against the declared workloads. */
static BridgeReport *
make_report (ChartFixture *cf,
             guint         n_courses,
             guint         n_students,
             guint         k)
{
  BridgeReportOptions options = BRIDGE_REPORT_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeReport) report = NULL;
  g_autoptr(BridgeReport) probe = NULL;
  g_autoptr(GPtrArray) declared = NULL;

  options.min_responses = k;
  report = bridge_report_new (cf->big, &options, &error);
  g_assert_no_error (error);

  /* The declared hours, as the report reads them. */
  probe = bridge_report_new (cf->big, &options, &error);
  {
    g_autoptr(BridgePlan) plan = student_plan (cf, 0, n_courses);

    g_assert_true (bridge_report_add_plan (probe, plan, &error));
    declared = bridge_report_list_courses (probe);
  }
  for (guint s = 1; s <= n_students; s++)
    {
      g_autoptr(BridgePlan) plan = student_plan (cf, s, n_courses);

      for (guint i = 0; i < declared->len; i++)
        {
          BridgeReportCourse *c = g_ptr_array_index (declared, i);
          guint nr;

          if (!g_str_has_prefix (c->course_id, "cqu:gen"))
            continue;
          nr = (guint) g_ascii_strtoull (c->course_id + 7, NULL, 10);
          g_assert_false (isnan (c->declared_hours));
          g_assert_true (bridge_plan_set_feedback (plan, c->course_id,
                                                   round ((1 + deviation_of (nr)) * c->declared_hours), 1 + (s + nr) % 5,
                                                   NULL, &error));
          g_assert_no_error (error);
        }
      g_assert_true (bridge_plan_set_feedback (plan, "cqu:cs301", 120, 4, NULL, &error));
      g_assert_true (bridge_report_add_plan (report, plan, &error));
      g_assert_no_error (error);
      if (cf->plans != NULL && n_courses == N_GENERATED)
        {
          g_autofree char *name = g_strdup_printf ("quokka-zyxwvut-%u.creditplan", s);
          g_autofree char *path = g_build_filename (cf->plans, name, NULL);

          g_assert_true (bridge_plan_save (plan, path, &error));
          g_assert_no_error (error);
        }
    }
  return g_steal_pointer (&report);
}

static void
chart_set_up (ChartFixture  *cf,
              gconstpointer  data)
{
  g_autofree char *feed = NULL;
  g_autoptr(BridgeImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  plan_fixture_set_up (&cf->fx, data);
  feed = g_build_filename (cf->fx.dir, "big-feed.json", NULL);
  write_big_feed (feed);
  cf->big_db = g_build_filename (cf->fx.dir, "big.db", NULL);
  cf->big = bridge_catalog_open (cf->big_db, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_import (cf->big, feed, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  cf->plans = g_build_filename (cf->fx.dir, "plans", NULL);
  g_assert_cmpint (g_mkdir (cf->plans, 0700), ==, 0);
}

static void
chart_tear_down (ChartFixture  *cf,
                 gconstpointer  data)
{
  g_clear_object (&cf->big);
  g_free (cf->big_db);
  g_free (cf->plans);
  plan_fixture_tear_down (&cf->fx, data);
}

/* Draws @chart of @report at its natural height on @width pixels, over
 * the background of @dark or light, keeps it as BUILD/tests/plan/chart-@name.png
 * and returns the surface. */
static cairo_surface_t *
draw (BridgeReport      *report,
      BridgeReportChart  chart,
      gboolean           dark,
      int                width,
      const char        *name)
{
  BridgeChartStyle style = dark ? bridge_chart_style_dark () : bridge_chart_style_light ();
  guint rows = bridge_report_chart_count_rows (report, chart);
  double height = bridge_report_chart_get_height (&style, rows);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, (int) ceil (height));
  cairo_t *cr = cairo_create (surface);
  g_autofree char *file = g_strdup_printf ("chart-%s-%s.png", name, dark ? "dark" : "light");
  g_autofree char *png = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "plan", file, NULL);

  if (dark)
    cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (chart == BRIDGE_REPORT_CHART_WORKLOAD)
    bridge_report_draw_workload_chart (cr, report, width, height, &style);
  else
    bridge_report_draw_rate_chart (cr, report, width, height, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* How many pixels differ from the top left one (the background). */
static guint
count_ink (cairo_surface_t *surface)
{
  const guint32 *data = (const guint32 *) cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface) / 4;
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if ((data[y * stride + x] & 0xffffff) != (data[0] & 0xffffff))
        n++;
  return n;
}

/* Counts in a column of pixels at @x the pixels near @color. */
static guint
count_color (cairo_surface_t        *surface,
             const BridgeChartColor *color)
{
  const guint32 *data = (const guint32 *) cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface) / 4;
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 p = data[y * stride + x];

        if (fabs (((p >> 16) & 0xff) / 255.0 - color->red) < 0.03
            && fabs (((p >> 8) & 0xff) / 255.0 - color->green) < 0.03
            && fabs ((p & 0xff) / 255.0 - color->blue) < 0.03)
          n++;
      }
  return n;
}

/* No course: a line says there is nothing to draw, at the height of one row. */
static void
test_empty (ChartFixture  *cf,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeReport) report = bridge_report_new (cf->big, NULL, &error);
  BridgeChartStyle style = bridge_chart_style_light ();
  cairo_surface_t *w, *r;

  g_assert_no_error (error);
  g_assert_cmpuint (bridge_report_chart_count_rows (report, BRIDGE_REPORT_CHART_WORKLOAD), ==, 0);
  g_assert_cmpuint (bridge_report_chart_count_rows (report, BRIDGE_REPORT_CHART_RATE), ==, 0);
  g_assert_cmpfloat (bridge_report_chart_get_height (&style, 0), ==, bridge_report_chart_get_height (&style, 1));
  w = draw (report, BRIDGE_REPORT_CHART_WORKLOAD, FALSE, 600, "empty-workload");
  r = draw (report, BRIDGE_REPORT_CHART_RATE, FALSE, 600, "empty-rate");
  g_assert_cmpuint (count_ink (w), >, 200);
  g_assert_cmpuint (count_ink (r), >, 200);
  cairo_surface_destroy (w);
  cairo_surface_destroy (r);
}

/* One course under K is left out and counted in the caption; with K = 1 it
 * is drawn. */
static void
test_one (ChartFixture  *cf,
          gconstpointer  data)
{
  g_autoptr(BridgeReport) withheld = make_report (cf, 1, 1, 3);
  g_autoptr(BridgeReport) shown = make_report (cf, 1, 1, 1);
  cairo_surface_t *a, *b;

  /* cqu:cs301 and gen000, under K = 3. */
  g_assert_cmpuint (bridge_report_chart_count_rows (withheld, BRIDGE_REPORT_CHART_WORKLOAD), ==, 0);
  g_assert_cmpuint (bridge_report_chart_count_rows (shown, BRIDGE_REPORT_CHART_WORKLOAD), ==, 2);
  g_assert_cmpuint (bridge_report_chart_count_rows (shown, BRIDGE_REPORT_CHART_RATE), ==, 1);
  a = draw (withheld, BRIDGE_REPORT_CHART_WORKLOAD, FALSE, 640, "one-withheld");
  b = draw (shown, BRIDGE_REPORT_CHART_WORKLOAD, FALSE, 640, "one");
  g_assert_cmpuint (count_ink (a), >, 200);
  g_assert_cmpuint (count_ink (b), >, count_ink (a));
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* A pair whose "host → home" is wider than the label column keeps both
 * universities named, on two lines, rather than cutting the home one off. */
static void
test_pair_label (ChartFixture  *cf,
                 gconstpointer  data)
{
  g_autoptr(BridgeReport) report = make_report (cf, 1, 1, 1);
  BridgeChartStyle style = bridge_chart_style_light ();
  double height = bridge_report_chart_get_height (&style, 1);
  g_autofree char *pdf = g_build_filename (cf->fx.dir, "pair-label.pdf", NULL);
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  for (guint i = 0; i < 2; i++)
    {
      /* 700 pt: on one line; 240 pt: the label column is 86 pt wide. */
      double width = i == 0 ? 700 : 240;

      surface = cairo_pdf_surface_create (pdf, width, height);
      cr = cairo_create (surface);
      bridge_report_draw_rate_chart (cr, report, width, height, &style);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_clear_pointer (&text, g_free);
      text = pdf_all_text (pdf);
      g_test_message ("at %.0f pt: %s", width, text);
      if (i == 0)
        {
          g_assert_nonnull (strstr (text, "Chongqing University → Sichuan University"));
        }
      else
        {
          g_assert_null (strstr (text, "Chongqing University → Sichuan University"));
          g_assert_nonnull (strstr (text, "Chongqing University →"));
          g_assert_nonnull (strstr (text, "Sichuan University"));
        }
    }
}

/* 200 courses at their natural height, light and dark: both drawn, they
 * differ, flagged courses are in the warning colour, and a narrow area
 * still draws (long titles ellipsized). */
static void
test_many (ChartFixture  *cf,
           gconstpointer  data)
{
  g_autoptr(BridgeReport) report = make_report (cf, N_GENERATED, N_STUDENTS, 3);
  BridgeChartStyle light = bridge_chart_style_light (), dark = bridge_chart_style_dark ();
  cairo_surface_t *l, *d, *narrow, *rl, *rd;
  guint differ = 0;

  g_assert_cmpuint (bridge_report_chart_count_rows (report, BRIDGE_REPORT_CHART_WORKLOAD), ==, N_GENERATED + 1);
  g_assert_cmpuint (bridge_report_chart_count_rows (report, BRIDGE_REPORT_CHART_RATE), ==, 1);
  g_assert_cmpfloat (bridge_report_chart_get_height (&light, 201), >, bridge_report_chart_get_height (&light, 200));
  l = draw (report, BRIDGE_REPORT_CHART_WORKLOAD, FALSE, 800, "many-workload");
  d = draw (report, BRIDGE_REPORT_CHART_WORKLOAD, TRUE, 800, "many-workload");
  narrow = draw (report, BRIDGE_REPORT_CHART_WORKLOAD, FALSE, 240, "many-narrow");
  rl = draw (report, BRIDGE_REPORT_CHART_RATE, FALSE, 800, "rate");
  rd = draw (report, BRIDGE_REPORT_CHART_RATE, TRUE, 800, "rate");

  g_assert_cmpint (cairo_image_surface_get_height (l), >, 200 * 20);
  {
    const guint32 *a = (const guint32 *) cairo_image_surface_get_data (l);
    const guint32 *b = (const guint32 *) cairo_image_surface_get_data (d);
    gsize n = (gsize) cairo_image_surface_get_stride (l) / 4 * cairo_image_surface_get_height (l);

    for (gsize i = 0; i < n; i++)
      differ += a[i] != b[i];
    g_assert_cmpuint (differ, >, n / 2);
  }
  /* Flagged dots and labels in red, the others in blue. */
  g_assert_cmpuint (count_color (l, &light.warning), >, 1000);
  g_assert_cmpuint (count_color (l, &light.accent), >, 100);
  g_assert_cmpuint (count_color (d, &dark.warning), >, 1000);
  g_assert_cmpuint (count_ink (narrow), >, 1000);
  g_assert_cmpuint (count_color (rl, &light.accent), >, 100);
  g_assert_cmpuint (count_color (rd, &dark.accent), >, 100);
  cairo_surface_destroy (l);
  cairo_surface_destroy (d);
  cairo_surface_destroy (narrow);
  cairo_surface_destroy (rl);
  cairo_surface_destroy (rd);
}

/* The PDF: title, figures, explanations, the charts on several pages, no
 * one's name; in Chinese the headings and the course titles are Chinese. */
static void
test_pdf (ChartFixture  *cf,
          gconstpointer  data)
{
  g_autoptr(BridgeReport) report = make_report (cf, N_GENERATED, N_STUDENTS, 3);
  g_autofree char *en = g_build_filename (cf->fx.dir, "report-en.pdf", NULL);
  g_autofree char *zh = g_build_filename (cf->fx.dir, "report-zh.pdf", NULL);
  g_autofree char *en_text = NULL, *zh_text = NULL, *zh_title = NULL;
  g_autoptr(GError) error = NULL;
  char *old_locale;

  g_assert_true (bridge_report_add_file (report, "/nonexistent/quokka-zyxwvut-9.creditplan") == FALSE);
  g_assert_true (bridge_report_export_pdf (report, NULL, en, &error));
  g_assert_no_error (error);
  en_text = pdf_all_text (en);
  g_assert_cmpuint (pdf_n_pages (en), >=, 5);
  g_assert_nonnull (strstr (en_text, "Recognition and workload report"));
  g_assert_nonnull (strstr (en_text, "Mobility period covered: 2026-09-01 to 2027-01-20"));
  g_assert_nonnull (strstr (en_text, "at least 3"));
  g_assert_nonnull (strstr (en_text, "25 %"));
  g_assert_nonnull (strstr (en_text, "Page 1 of"));
  g_assert_nonnull (strstr (en_text, "GEN199"));
  g_assert_nonnull (strstr (en_text, "Files left out of the report (counted, not named):"));
  g_assert_nonnull (strstr (en_text, "Chongqing"));
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    if (strstr (en_text, personal[i]) != NULL)
      g_error ("“%s” is in the PDF:\n%s", personal[i], en_text);
  g_assert_null (strstr (en_text, "nonexistent"));
  pdf_keep_pngs (en, "report-en");

  old_locale = test_chinese_begin ();
  g_assert_true (bridge_report_export_pdf (report, NULL, zh, &error));
  zh_title = g_strdup (g_dgettext (GETTEXT_PACKAGE, "Recognition and workload report"));
  test_chinese_end (old_locale);
  g_assert_no_error (error);
  g_assert_cmpstr (zh_title, !=, "Recognition and workload report");
  zh_text = pdf_all_text (zh);
  g_assert_nonnull (strstr (zh_text, zh_title));
  g_assert_nonnull (strstr (zh_text, "软件工程实践199"));
  g_assert_nonnull (strstr (zh_text, "操作系统"));
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    g_assert_null (strstr (zh_text, personal[i]));
  pdf_keep_pngs (zh, "report-zh");
}

static int
run_cli (ChartFixture       *cf,
         const char * const *args,
         char              **out)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  g_ptr_array_add (argv, (char *) CLI_PATH);
  g_ptr_array_add (argv, (char *) "report");
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, cf->big_db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, &err,
                               &status, &error));
  g_assert_no_error (error);
  g_test_message ("stderr: %s", err);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* -o FILE.pdf writes the PDF, so does --pdf -o FILE; --pdf without a file,
 * or with --json, is wrong usage. */
static void
test_cli (ChartFixture  *cf,
          gconstpointer  data)
{
  g_autoptr(BridgeReport) report = make_report (cf, N_GENERATED, N_STUDENTS, 3);
  g_autofree char *pdf = g_build_filename (cf->fx.dir, "out.pdf", NULL);
  g_autofree char *named = g_build_filename (cf->fx.dir, "out.bin", NULL);
  g_autofree char *out = NULL, *text = NULL, *head = NULL;
  gsize len;

  g_assert_cmpint (run_cli (cf, (const char * const[]) { "-o", pdf, cf->plans, NULL }, &out), ==, 0);
  g_assert_true (g_file_get_contents (pdf, &head, &len, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));
  text = pdf_all_text (pdf);
  g_assert_nonnull (strstr (text, "Recognition and workload report"));
  g_assert_nonnull (strstr (text, "GEN000"));
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    g_assert_null (strstr (text, personal[i]));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&head, g_free);

  g_assert_cmpint (run_cli (cf, (const char * const[]) { "--pdf", "-o", named, cf->plans, NULL }, &out), ==, 0);
  g_assert_true (g_file_get_contents (named, &head, &len, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_cli (cf, (const char * const[]) { "--pdf", cf->plans, NULL }, &out), ==, 2);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (cf, (const char * const[]) { "--pdf", "--json", "-o", pdf, cf->plans, NULL }, &out), ==, 2);
  g_clear_pointer (&out, g_free);
  /* -o x.pdf --json: JSON, as asked. */
  g_assert_cmpint (run_cli (cf, (const char * const[]) { "--json", "-o", pdf, cf->plans, NULL }, &out), ==, 0);
  g_clear_pointer (&head, g_free);
  g_assert_true (g_file_get_contents (pdf, &head, &len, NULL));
  g_assert_true (g_str_has_prefix (head, "{"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, ChartFixture, NULL, chart_set_up, fn, chart_tear_down)
  ADD ("/report-chart/empty", test_empty);
  ADD ("/report-chart/one", test_one);
  ADD ("/report-chart/pair-label", test_pair_label);
  ADD ("/report-chart/many", test_many);
  ADD ("/report-chart/pdf", test_pdf);
  ADD ("/report-chart/cli", test_cli);
#undef ADD
  return g_test_run ();
}
