/* bridge-report-pdf.c: the recognition and workload report as a PDF
 *
 * Laid out by bridge-pdf-writer.c: the title and period, the overall
 * figures, the two charts of bridge-report-chart.c (the short one of the
 * pairs first) (a long chart cut into
 * parts that each fit a page, with their legend and axis), the tables of
 * courses and pairs, what K and the threshold mean, and the skipped files
 * counted per reason, never named. The footer's digest is the canonical
 * digest of the report's JSON (bridge_plan_digest_of ()), so a printed
 * report can be matched with its JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bridge-error.h"
#include "bridge-pdf-writer.h"
#include "bridge-plan-private.h"
#include "bridge-report-chart.h"

/* Chart parts are no taller than this (points): two fill an A4 page
 * (716 points between the margins and the footer). */
#define PART_HEIGHT 350.0
#define CHART_FONT  "Cantarell, Noto Sans CJK SC, DejaVu Sans, sans-serif 8px"

typedef struct
{
  BridgeReport      *report;
  BridgeReportChart  chart;
  guint              first;
  guint              n_rows;
} Part;

static void
part_free (Part *part)
{
  g_object_unref (part->report);
  g_free (part);
}

static void
draw_part (cairo_t  *cr,
           double    width,
           double    height,
           gpointer  data)
{
  Part *part = data;
  BridgeChartStyle style = bridge_chart_style_light ();

  style.font = CHART_FONT;
  bridge_report_draw_chart_part (cr, part->report, part->chart, part->first, part->n_rows, width, &style);
}

/* @chart as drawings of at most PART_HEIGHT each. */
static void
add_chart (BridgePdfWriter   *doc,
           BridgeReport      *report,
           BridgeReportChart  chart)
{
  BridgeChartStyle style = bridge_chart_style_light ();
  guint n = bridge_report_chart_count_rows (report, chart);
  guint per_part = 1, first = 0;

  style.font = CHART_FONT;
  while (per_part < n && bridge_report_chart_get_height (&style, per_part + 1) <= PART_HEIGHT)
    per_part++;
  do
    {
      Part *part = g_new0 (Part, 1);
      guint rows = MIN (per_part, n - first);

      part->report = g_object_ref (report);
      part->chart = chart;
      part->first = first;
      part->n_rows = rows;
      bridge_pdf_writer_add_drawing (doc, bridge_report_chart_get_height (&style, rows), draw_part, part,
                                     (GDestroyNotify) part_free);
      first += rows;
    }
  while (first < n);
}

static char *
num (double value,
     int    decimals)
{
  return isnan (value) ? g_strdup ("—") : bridge_pdf_num (value, decimals);
}

static char *
percent (double   value,
         gboolean signed_)
{
  g_autoptr(GString) text = NULL;

  if (isnan (value))
    return g_strdup ("—");
  text = g_string_new (NULL);
  /* Translators: a percentage in the report's PDF, "+27.0 %" */
  g_string_printf (text, signed_ ? _("%+.1f %%") : _("%.1f %%"), 100 * value);
  /* Never broken between the number and its sign. */
  g_string_replace (text, " ", "\u00a0", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
university_name (BridgeCatalog *catalog,
                 const char    *id)
{
  g_autoptr(BridgeUniversity) u = catalog ? bridge_catalog_get_university (catalog, id, NULL) : NULL;

  if (u == NULL || bridge_university_get_name (u) == NULL)
    return bridge_pdf_esc (id);
  return bridge_pdf_bilingual (bridge_university_get_name (u), id);
}

static void
add_overall (BridgePdfWriter     *doc,
             BridgeReportOverall *o)
{
  static const double widths[] = { 3, 2 };
  BridgePdfTable *t = bridge_pdf_writer_add_table (doc, 2, widths);
  g_autofree char *rate = percent (o->recognition_rate, FALSE);

  bridge_pdf_row (t, BRIDGE_PDF_ROW_HEADER, g_strdup (_("Figure")), g_strdup (_("Value")));
  bridge_pdf_row (t, 0, g_strdup (_("Plans")), g_strdup_printf ("%u", o->plans));
  bridge_pdf_row (t, 0, g_strdup (_("Files skipped")), g_strdup_printf ("%u", o->skipped));
  bridge_pdf_row (t, 0, g_strdup (_("Host courses")), g_strdup_printf ("%u", o->host_courses));
  bridge_pdf_row (t, 0, g_strdup (_("University pairs")), g_strdup_printf ("%u", o->pairs));
  bridge_pdf_row (t, 0, g_strdup (_("Feedback responses")), g_strdup_printf ("%u", o->responses));
  bridge_pdf_row (t, 0, g_strdup (_("Mean rating (1–5)")), num (o->rating_mean, 2));
  bridge_pdf_row (t, 0, g_strdup (_("Home credits planned")), num (o->home_credits_planned, 2));
  bridge_pdf_row (t, 0, g_strdup (_("Home credits assessed")), num (o->home_credits_assessed, 2));
  bridge_pdf_row (t, 0, g_strdup (_("Home credits recognised")), num (o->home_credits_recognised, 2));
  bridge_pdf_row (t, 0, g_strdup (_("Recognition rate")), bridge_pdf_esc (rate));
  bridge_pdf_row (t, 0, g_strdup (_("Grade conversions (approximate)")),
                  g_strdup_printf ("%u (%u)", o->conversions, o->approximate_conversions));
}

static void
add_courses (BridgePdfWriter *doc,
             BridgeReport    *report)
{
  static const double widths[] = { 2.8, 1.25, 1.6, 1.25, 0.8, 1.4, 1.1 };
  g_autoptr(GPtrArray) courses = bridge_report_list_courses (report);
  BridgePdfTable *t = bridge_pdf_writer_add_table (doc, 7, widths);

  bridge_pdf_row (t, BRIDGE_PDF_ROW_HEADER, g_strdup (_("Host course")), g_strdup (_("Students (responses)")),
                  g_strdup (_("Hours declared / reported")), g_strdup (C_("report column", "Deviation")), g_strdup (C_("report column", "Rating")),
                  g_strdup (_("Credits planned / recognised")), g_strdup (C_("report column", "Rate")));
  for (guint i = 0; i < courses->len; i++)
    {
      BridgeReportCourse *c = g_ptr_array_index (courses, i);
      g_autofree char *code = bridge_pdf_esc (c->code ? c->code : c->course_id);
      g_autofree char *title = c->title ? bridge_pdf_bilingual (c->title, NULL) : g_strdup ("");
      g_autofree char *deviation = percent (c->workload_deviation, TRUE);
      g_autofree char *rate = percent (c->recognition_rate, FALSE);
      g_autofree char *planned = num (c->home_credits_planned, 2);
      g_autofree char *recognised = num (c->home_credits_recognised, 2);
      g_autofree char *declared = num (c->declared_hours, 1);
      g_autofree char *reported = num (c->reported_hours_mean, 1);

      bridge_pdf_row (t, 0, g_strdup_printf ("<b>%s</b> %s", code, title),
                      g_strdup_printf ("%u (%u)", c->students, c->responses),
                      g_strdup_printf ("%s / %s", declared, reported),
                      /* A flagged deviation in bold with a flag, kept on its line. */
                      (!isnan (c->workload_deviation) && c->workload_flag)
                        ? g_strdup_printf ("<b>%s\u00a0⚑</b>", deviation) : bridge_pdf_esc (deviation),
                      num (c->rating_mean, 2), g_strdup_printf ("%s / %s", planned, recognised),
                      bridge_pdf_esc (rate));
    }
}

static void
add_pairs (BridgePdfWriter *doc,
           BridgeReport    *report,
           BridgeCatalog   *catalog)
{
  static const double widths[] = { 2.6, 2.6, 0.9, 1.1, 1.1, 1.1, 1, 1.2 };
  g_autoptr(GPtrArray) pairs = bridge_report_list_pairs (report);
  BridgePdfTable *t = bridge_pdf_writer_add_table (doc, 8, widths);

  bridge_pdf_row (t, BRIDGE_PDF_ROW_HEADER, g_strdup (_("Host university")), g_strdup (_("Home university")),
                  g_strdup (C_("report column", "Students")), g_strdup (_("Credits planned")), g_strdup (_("Credits assessed")),
                  g_strdup (_("Credits recognised")), g_strdup (C_("report column", "Rate")),
                  g_strdup (_("Conversions (approximate)")));
  for (guint i = 0; i < pairs->len; i++)
    {
      BridgeReportPair *p = g_ptr_array_index (pairs, i);
      g_autofree char *rate = isnan (p->recognition_rate) ? g_strdup (_("not assessed yet"))
                                                          : percent (p->recognition_rate, FALSE);

      bridge_pdf_row (t, 0, university_name (catalog, p->host_university),
                      university_name (catalog, p->home_university), g_strdup_printf ("%u", p->students),
                      num (p->home_credits_planned, 2), num (p->home_credits_assessed, 2),
                      num (p->home_credits_recognised, 2), bridge_pdf_esc (rate),
                      g_strdup_printf ("%u (%u)", p->conversions, p->approximate_conversions));
    }
}

/* How many files were skipped for each reason; never which. */
static void
add_skipped (BridgePdfWriter *doc,
             BridgeReport    *report)
{
  GPtrArray *skipped = bridge_report_get_skipped (report);
  guint counts[BRIDGE_REPORT_N_SKIP_REASONS] = { 0 };
  g_autoptr(GString) text = g_string_new (NULL);

  if (skipped->len == 0)
    return;
  for (guint i = 0; i < skipped->len; i++)
    counts[((BridgeReportSkip *) g_ptr_array_index (skipped, i))->reason]++;
  g_string_append (text, _("Files left out of the report (counted, not named):"));
  for (guint r = 0; r < BRIDGE_REPORT_N_SKIP_REASONS; r++)
    if (counts[r] > 0)
      {
        g_autofree char *label = bridge_pdf_esc (bridge_report_skip_reason_get_label (r));

        /* Translators: why files were skipped, and how many: "damaged: 2" */
        g_string_append_c (text, ' ');
        g_string_append_printf (text, _("%s: %u"), label, counts[r]);
        g_string_append_c (text, ';');
      }
  text->str[text->len - 1] = '.';
  bridge_pdf_writer_add_text (doc, BRIDGE_PDF_NOTE, g_string_free (g_steal_pointer (&text), FALSE));
}

GBytes *
bridge_report_render_pdf (BridgeReport  *report,
                          BridgeCatalog *catalog,
                          GError       **error)
{
  const BridgeReportOptions *options;
  g_auto(BridgeReportOverall) overall = { 0 };
  g_autoptr(BridgePdfWriter) doc = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *digest = NULL, *period = NULL, *threshold = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  cairo_status_t status;
  GBytes *pdf;

  g_return_val_if_fail (BRIDGE_IS_REPORT (report), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (catalog == NULL)
    catalog = bridge_report_get_catalog (report);
  options = bridge_report_get_options (report);
  bridge_report_get_overall (report, &overall);
  root = bridge_report_to_json (report);
  digest = bridge_plan_digest_of (root);
  doc = bridge_pdf_writer_new (_("Recognition and workload report"), digest);

  bridge_pdf_writer_add_text (doc, BRIDGE_PDF_TITLE, bridge_pdf_esc (_("Recognition and workload report")));
  if (overall.period_start != NULL)
    /* Translators: the period the report's plans cover, two dates */
    period = g_markup_printf_escaped (_("Mobility period covered: %s to %s"), overall.period_start,
                                      overall.period_end);
  else
    period = g_markup_printf_escaped ("%s", _("Mobility period covered: no plan is dated"));
  bridge_pdf_writer_add_text (doc, BRIDGE_PDF_PARAGRAPH, g_steal_pointer (&period));
  bridge_pdf_writer_add_text (doc, BRIDGE_PDF_NOTE,
                              bridge_pdf_esc (_("This report holds sums only: no student's name, number, e-mail, "
                                                "birth date or file name is in it.")));

  bridge_pdf_writer_add_text (doc, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("Overall")));
  add_overall (doc, &overall);
  add_skipped (doc, report);

  bridge_pdf_writer_add_text (doc, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("Recognition rate per university pair")));
  add_chart (doc, report, BRIDGE_REPORT_CHART_RATE);

  bridge_pdf_writer_add_text (doc, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("Declared and reported workload")));
  /* "25", "12.5": the threshold as given. */
  threshold = g_strdup_printf ("%s", g_ascii_formatd (number, sizeof number, "%g", 100 * options->threshold));
  add_chart (doc, report, BRIDGE_REPORT_CHART_WORKLOAD);
  bridge_pdf_writer_add_text (doc, BRIDGE_PDF_NOTE,
                              g_markup_printf_escaped (_("A course is flagged when the mean of the hours its students "
                                                         "report differs from the declared workload by more than "
                                                         "%s %%: credits rest on that estimate, so a drift beyond it "
                                                         "asks for the estimate to be checked."),
                                                       threshold));
  bridge_pdf_writer_add_text (doc, BRIDGE_PDF_NOTE,
                              g_markup_printf_escaped (_("Means are shown only for courses with at least %u "
                                                         "responses (K), so that no single student's answer can be "
                                                         "read off."),
                                                       options->min_responses));

  bridge_pdf_writer_add_text (doc, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("Host courses")));
  add_courses (doc, report);
  bridge_pdf_writer_add_text (doc, BRIDGE_PDF_NOTE,
                              g_markup_printf_escaped (_("⚑: the reported hours differ from the declared workload by "
                                                         "more than %s %%. —: not known, or withheld because the "
                                                         "course has fewer than %u responses."),
                                                       threshold, options->min_responses));
  bridge_pdf_writer_add_text (doc, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("University pairs")));
  add_pairs (doc, report, catalog);

  if (!bridge_pdf_writer_check_texts (doc, error))
    {
      g_prefix_error (error, _("The report cannot be printed: "));
      return NULL;
    }
  pdf = bridge_pdf_writer_render (doc, _("Recognition and workload report"), &status);
  if (pdf == NULL)
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED, _("The report’s PDF could not be drawn: %s"),
                 cairo_status_to_string (status));
  return pdf;
}

gboolean
bridge_report_export_pdf (BridgeReport  *report,
                          BridgeCatalog *catalog,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  pdf = bridge_report_render_pdf (report, catalog, error);
  return pdf != NULL && bridge_pdf_write (pdf, path, error);
}
