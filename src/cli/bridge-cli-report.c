/* bridge-cli-report.c: report, recognition and workload over many plans
 *
 * The figures are bridge-report.h's; this file reads the options, adds the
 * plans and folders named, and prints the report as tables, JSON or CSV.
 * Skipped files are named on stderr only: the report itself may leave the
 * advisor's machine, and plan files are often named after their student.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bridge-cli.h"
#include "bridge-enum.h"
#include "bridge-error.h"
#include "bridge-file.h"
#include "bridge-json.h"
#include "bridge-report.h"
#include "bridge-report-chart.h"
#include "bridge-report-enums.h"

/* "12.5" with @decimals places, "—" for NAN. */
static char *
format_number (double value,
               int    decimals)
{
  return isnan (value) ? g_strdup ("—") : g_strdup_printf ("%.*f", decimals, value);
}

static char *
format_percent (double value,
                gboolean signed_)
{
  if (isnan (value))
    return g_strdup ("—");
  /* Translators: a percentage in the report's tables, "+27.0 %" */
  return g_strdup_printf (signed_ ? _("%+.1f %%") : _("%.1f %%"), 100 * value);
}

/* Whether the tables are aligned: only for a terminal (see
 * bridge_cli_cell ()); in a pipe or a file (-o), cells are separated by tabs. */
static gboolean aligned;

/* One row of a table: each cell padded to its column (negative: left). */
static void
append_row (GString            *out,
            const int          *widths,
            const char * const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *cell = aligned ? bridge_cli_pad (cells[i], widths[i]) : NULL;

      if (aligned)
        g_string_append (out, "  ");
      else if (i > 0)
        g_string_append_c (out, '\t');
      g_string_append (out, aligned ? cell : cells[i]);
    }
  g_string_append_c (out, '\n');
}

static void
append_courses (GString      *out,
                BridgeReport *report)
{
  g_autoptr(GPtrArray) courses = bridge_report_list_courses (report);
  int widths[] = { -10, 8, 9, 10, 10, 9, -6, 6, 8, 10, 7 };

  /* Course ids, not codes: two universities may both have a CS301. */
  for (guint i = 0; i < courses->len; i++)
    widths[0] = MIN (widths[0], -bridge_cli_display_width (((BridgeReportCourse *) g_ptr_array_index (courses, i))->course_id));

  g_string_append_printf (out, "%s\n", _("Host courses"));
  append_row (out, widths, (const char * const[]) {
                C_("report column", "Course"), C_("report column", "Students"),
                C_("report column", "Responses"), C_("report column", "Declared h"),
                C_("report column", "Reported h"), C_("report column", "Deviation"),
                C_("report column", "Flag"), C_("report column", "Rating"),
                C_("report column", "Planned"), C_("report column", "Recognised"),
                C_("report column", "Rate"), NULL });
  for (guint i = 0; i < courses->len; i++)
    {
      const BridgeReportCourse *c = g_ptr_array_index (courses, i);
      g_autofree char *students = g_strdup_printf ("%u", c->students);
      g_autofree char *responses = g_strdup_printf ("%u", c->responses);
      g_autofree char *declared = format_number (c->declared_hours, 1);
      g_autofree char *reported = format_number (c->reported_hours_mean, 1);
      g_autofree char *deviation = format_percent (c->workload_deviation, TRUE);
      g_autofree char *rating = format_number (c->rating_mean, 2);
      g_autofree char *planned = g_strdup_printf ("%.2f", c->home_credits_planned);
      g_autofree char *recognised = g_strdup_printf ("%.2f", c->home_credits_recognised);
      g_autofree char *rate = format_percent (c->recognition_rate, FALSE);
      const char *flag = "";

      if (!isnan (c->workload_deviation) && c->workload_flag)
        flag = c->workload_deviation > 0 ? C_("workload flag", "above") : C_("workload flag", "below");
      append_row (out, widths, (const char * const[]) {
                    c->course_id, students, responses, declared, reported,
                    deviation, flag, rating, planned, recognised, rate, NULL });
    }
  if (courses->len == 0)
    g_string_append_printf (out, "  %s\n", _("No host course in these plans."));
}

static void
append_pairs (GString       *out,
              BridgeReport  *report,
              BridgeCatalog *catalog)
{
  g_autoptr(GPtrArray) pairs = bridge_report_list_pairs (report);
  g_autoptr(GPtrArray) hosts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) homes = g_ptr_array_new_with_free_func (g_free);
  int widths[] = { -6, -6, 8, 8, 8, 10, 7, 11, 11 };

  for (guint i = 0; i < pairs->len; i++)
    {
      const BridgeReportPair *p = g_ptr_array_index (pairs, i);

      g_ptr_array_add (hosts, bridge_catalog_dup_university_label (catalog, p->host_university));
      g_ptr_array_add (homes, bridge_catalog_dup_university_label (catalog, p->home_university));
      widths[0] = MIN (widths[0], -bridge_cli_display_width (g_ptr_array_index (hosts, i)));
      widths[1] = MIN (widths[1], -bridge_cli_display_width (g_ptr_array_index (homes, i)));
    }

  g_string_append_printf (out, "\n%s\n", _("University pairs"));
  append_row (out, widths, (const char * const[]) {
                C_("report column", "Host"), C_("report column", "Home"),
                C_("report column", "Students"), C_("report column", "Planned"),
                C_("report column", "Assessed"), C_("report column", "Recognised"),
                C_("report column", "Rate"), C_("report column", "Conversions"),
                C_("report column", "Approximate"), NULL });
  for (guint i = 0; i < pairs->len; i++)
    {
      const BridgeReportPair *p = g_ptr_array_index (pairs, i);
      const char *host = g_ptr_array_index (hosts, i);
      const char *home = g_ptr_array_index (homes, i);
      g_autofree char *students = g_strdup_printf ("%u", p->students);
      g_autofree char *planned = g_strdup_printf ("%.2f", p->home_credits_planned);
      g_autofree char *assessed = g_strdup_printf ("%.2f", p->home_credits_assessed);
      g_autofree char *recognised = g_strdup_printf ("%.2f", p->home_credits_recognised);
      g_autofree char *rate = format_percent (p->recognition_rate, FALSE);
      g_autofree char *conversions = g_strdup_printf ("%u", p->conversions);
      g_autofree char *approximate = g_strdup_printf ("%u", p->approximate_conversions);

      append_row (out, widths, (const char * const[]) {
                    host, home, students, planned, assessed, recognised, rate, conversions,
                    approximate, NULL });
    }
}

static void
append_text (GString       *out,
             BridgeReport  *report,
             BridgeCatalog *catalog)
{
  const BridgeReportOptions *options = bridge_report_get_options (report);
  g_auto(BridgeReportOverall) overall = { 0 };
  g_autofree char *rating = NULL, *rate = NULL;

  bridge_report_get_overall (report, &overall);
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE, "Recognition and workload report over %u plan",
                                       "Recognition and workload report over %u plans", overall.plans),
                          overall.plans);
  if (overall.period_start != NULL)
    /* Translators: the period the plans cover, ", 2026-09-01 to 2027-07-05" */
    g_string_append_printf (out, _(", %s to %s"), overall.period_start, overall.period_end);
  g_string_append (out, "\n");
  g_string_append_printf (out,
                          /* Translators: %.0f is the threshold in percent, %u the number K */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Workload flagged beyond ±%.0f %% of the declared hours; means shown for courses with at least %u response.",
                                       "Workload flagged beyond ±%.0f %% of the declared hours; means shown for courses with at least %u responses.",
                                       options->min_responses),
                          100 * options->threshold, options->min_responses);
  g_string_append (out, "\n\n");

  append_courses (out, report);
  append_pairs (out, report, catalog);

  rating = format_number (overall.rating_mean, 2);
  rate = format_percent (overall.recognition_rate, FALSE);
  g_string_append_printf (out, "\n%s\n", _("Overall"));
  g_string_append_printf (out, _("  Plans: %u; host courses: %u; university pairs: %u\n"),
                          overall.plans, overall.host_courses, overall.pairs);
  g_string_append_printf (out, _("  Responses: %u; mean rating: %s\n"), overall.responses, rating);
  g_string_append_printf (out, _("  Home credits planned: %.2f; assessed: %.2f; recognised: %.2f; rate: %s\n"),
                          overall.home_credits_planned, overall.home_credits_assessed,
                          overall.home_credits_recognised, rate);
  g_string_append_printf (out, _("  Grade conversions: %u, of which approximate: %u\n"),
                          overall.conversions, overall.approximate_conversions);
  if (overall.undated > 0)
    g_string_append_printf (out, _("  Plans without mobility dates: %u\n"), overall.undated);
  if (overall.skipped > 0)
    g_string_append_printf (out, _("  Files skipped: %u\n"), overall.skipped);

  if (options->comments)
    {
      g_autoptr(GPtrArray) courses = bridge_report_list_courses (report);
      gboolean any = FALSE;

      g_string_append_printf (out, "\n%s\n", _("Comments"));
      for (guint i = 0; i < courses->len; i++)
        {
          const BridgeReportCourse *c = g_ptr_array_index (courses, i);

          for (guint k = 0; k < c->comments->len; k++)
            {
              g_string_append_printf (out, "  %s: %s\n", c->course_id,
                                      (const char *) g_ptr_array_index (c->comments, k));
              any = TRUE;
            }
        }
      if (!any)
        g_string_append_printf (out, "  %s\n", _("No comment from a course with enough responses."));
    }
  g_string_append (out, _("\n—: not known, or withheld because the course has too few responses.\n"));
}

int
bridge_cli_report (int    argc,
                   char **argv)
{
  g_autofree char *db = NULL, *output = NULL, *threshold = NULL, *table_name = NULL;
  gboolean json = FALSE, csv = FALSE, pdf = FALSE, comments = FALSE;
  int table = BRIDGE_REPORT_TABLE_COURSES;
  int min_students = BRIDGE_REPORT_DEFAULT_MIN_RESPONSES;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Write the report as one JSON object"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write one table as CSV, the host courses unless --table says another"), NULL },
    { "pdf", 0, 0, G_OPTION_ARG_NONE, &pdf,
      N_("Write the report as a PDF, with its charts, to the FILE of -o (the default when FILE ends in .pdf)"), NULL },
    { "table", 0, 0, G_OPTION_ARG_STRING, &table_name,
      N_("The table --csv writes: courses (the default), pairs or comments"), N_("TABLE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the report to FILE (atomically) instead of the terminal"), N_("FILE") },
    { "min-students", 0, 0, G_OPTION_ARG_INT, &min_students,
      N_("Show a course’s means only when at least K students answered (default 3)"), N_("K") },
    { "threshold", 0, 0, G_OPTION_ARG_STRING, &threshold,
      N_("Flag a workload beyond ±T of the declared hours: 0.25 or 25% (the default)"), N_("T") },
    { "comments", 0, 0, G_OPTION_ARG_NONE, &comments, N_("Include the students’ comments, without who wrote them"), NULL },
    /* No description: the context's parameter string names them once. */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN|FOLDER… — add up recognition and workload over many plans"));
  BridgeReportOptions options = BRIDGE_REPORT_OPTIONS_INIT;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  BridgeCliProgress progress = { N_("Reading the plans…"), FALSE };
  GPtrArray *skipped;

  g_option_context_set_summary (context,
                                _("Reads plans, and every *.creditplan in the folders named and their "
                                  "subfolders, and adds up per host course the students, the feedback "
                                  "(hours against the catalog’s declared workload, rating) and the home "
                                  "credits planned and recognised, and the same per pair of host and "
                                  "home university. No name, number, e-mail or birth date of a student "
                                  "is in the report; a course with fewer than K responses shows counts "
                                  "but no means."));
  g_option_context_set_description (context,
                                    _("A group with several host courses shares its home credits among them "
                                      "in proportion to each one’s home-credit equivalent. Recognised credits "
                                      "are those of the recognition record’s lines with a home grade; the rate "
                                      "counts only groups whose grades were all entered and converted.\n\n"
                                      "--csv writes the table of host courses; --csv --table pairs the university "
                                      "pairs, --csv --table comments the comments (with --comments).\n\n"
                                      "--pdf, or -o with a name ending in .pdf, writes the report as a PDF with "
                                      "its charts (workload against the declared hours, recognition rate per "
                                      "pair), in the language of the terminal.\n\n"
                                      "Files that cannot be reported on are named on stderr with why, and the "
                                      "report goes on without them. Exit status: 0 when at least one plan was "
                                      "reported on, 1 when none was, 2 wrong usage."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL)
    return bridge_cli_usage (_("report takes at least one PLAN file or FOLDER of plans"));
  if (table_name != NULL && !bridge_enum_from_nick (BRIDGE_TYPE_REPORT_TABLE, table_name, &table))
    return bridge_cli_usage (_("“%s” is not a table of the report (use courses, pairs or comments)"), table_name);
  if (table_name != NULL && !csv)
    return bridge_cli_usage (_("--table chooses the table of --csv; add --csv"));
  if (output != NULL && (g_str_has_suffix (output, ".pdf") || g_str_has_suffix (output, ".PDF")) && !json && !csv)
    pdf = TRUE;
  if ((json && csv) || (pdf && (json || csv)))
    return bridge_cli_usage (_("choose one of --json, --csv and --pdf"));
  if (pdf && output == NULL)
    return bridge_cli_usage (_("--pdf writes a file: give it with -o FILE.pdf"));
  if (threshold != NULL && !bridge_report_parse_threshold (threshold, &options.threshold, &error))
    return bridge_cli_usage ("--threshold: %s", error->message);
  options.min_responses = min_students < 1 ? 0 : (guint) min_students;
  options.comments = comments;
  if (table == BRIDGE_REPORT_TABLE_COMMENTS && !comments)
    return bridge_cli_usage (_("the comments table needs --comments"));

  /* Never over a plan: one named, or one a folder holds (by its name). */
  for (guint i = 0; output != NULL && rest[i] != NULL; i++)
    if (bridge_file_is_same (rest[i], output) || g_str_has_suffix (output, ".creditplan"))
      {
        g_autofree char *name = g_filename_display_name (output);

        return bridge_cli_fail (_("-o %s is a plan file, or named like one, which the report would "
                                  "replace; nothing was written: choose another output file"), name);
      }

  catalog = bridge_cli_open_catalog (db);
  if (catalog == NULL)
    return BRIDGE_EXIT_ERROR;
  report = bridge_report_new (catalog, &options, &error);
  if (report == NULL)
    return bridge_cli_usage ("--min-students: %s", error->message);

  bridge_report_set_progress (report, bridge_cli_progress_count, &progress);
  for (guint i = 0; rest[i] != NULL; i++)
    bridge_report_add_path (report, rest[i]);
  bridge_cli_progress_end (&progress);
  skipped = bridge_report_get_skipped (report);
  for (guint i = 0; i < skipped->len; i++)
    bridge_cli_error ("%s", ((BridgeReportSkip *) g_ptr_array_index (skipped, i))->message);
  if (bridge_report_get_n_plans (report) == 0)
    return bridge_cli_fail (_("no plan could be reported on: name *.creditplan files or folders that hold them"));

  if (pdf)
    {
      if (!bridge_report_export_pdf (report, catalog, output, &error))
        return bridge_cli_fail ("%s", error->message);
      printf (_("Wrote %s.\n"), output);
      return BRIDGE_EXIT_OK;
    }
  if (json)
    {
      g_autoptr(JsonNode) root = bridge_report_to_json (report);

      data = bridge_json_to_text (root);
    }
  else if (csv)
    data = bridge_report_to_csv (report, table);
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      aligned = output == NULL && bridge_cli_stdout_is_terminal ();
      append_text (out, report, catalog);
      data = g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (output == NULL)
    {
      fputs (data, stdout);
      return BRIDGE_EXIT_OK;
    }
  if (!bridge_file_write (output, data, strlen (data), &error))
    return bridge_cli_fail ("%s", error->message);
  printf (_("Wrote %s.\n"), output);
  return BRIDGE_EXIT_OK;
}
