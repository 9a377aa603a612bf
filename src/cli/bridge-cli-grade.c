/* bridge-cli-grade.c: credit-bridge-cli credits, grade convert, grade table
 *
 * Thin commands over bridge-credit.h and bridge-grading.h: every number they
 * print was computed by the engine, with its arithmetic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bridge-cli.h"
#include "bridge-credit.h"
#include "bridge-error.h"
#include "bridge-grade-csv.h"
#include "bridge-grading.h"
#include "bridge-json.h"
#include "bridge-rational.h"

/* A usage error: the message, and where to learn more. */
static int
usage_error (const char *command,
             const char *message)
{
  bridge_cli_error ("%s", message);
  /* Translators: "Try “credit-bridge-cli grade convert --help”." */
  fprintf (stderr, _("Try “credit-bridge-cli %s --help”.\n"), command);
  return BRIDGE_EXIT_USAGE;
}

/* The usage error of a --cycle that names no cycle. */
static int
not_a_cycle (const char *command,
             const char *cycle_name)
{
  g_autofree char *message = g_strdup_printf (_("“%s” is not a cycle: use bachelor, master or doctoral"),
                                              cycle_name);

  return usage_error (command, message);
}

static const char *
text_or_id (BridgeText *text,
            const char *id)
{
  const char *s = text != NULL ? bridge_text_pick (text) : NULL;

  return s != NULL ? s : id;
}

static char *
show_number (double value)
{
  BridgeRational r;

  if (!bridge_rational_from_double (value, &r))
    return g_strdup_printf ("%g", value);
  return bridge_rational_format_short (r, 2, BRIDGE_ROUND_HALF_UP, NULL);
}

/* credits */

int
bridge_cli_credits (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *home_id = NULL;
  gboolean         json = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "home", 0, 0, G_OPTION_ARG_STRING, &home_id, N_("The student’s home university (required)"), N_("UNIVERSITY") },
      { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
          { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new (_("--home UNIVERSITY COURSE_ID — what a course is worth at home"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeCourse) course = NULL;
  g_autoptr(BridgeCreditResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context,
                                _("Computes the student workload of the course COURSE_ID (declared by its university, "
                                  "or estimated from its class periods, self-study and practice weeks under the host’s "
                                  "credit policy) and what it is worth in alliance credits, ECTS credits and credits of "
                                  "the home university: exactly (to the nearest hundredth, with the exact fraction where "
                                  "two decimals do not show it) and as awarded (a multiple of the home university’s "
                                  "credit step, rounded down or to the nearest as its credit policy says). A course of "
                                  "the home university itself keeps its own credits. Every step of the arithmetic is shown. "
                                  "A warning says when the course’s own credits and its workload disagree by more "
                                  "than 25 %."));
  g_option_context_set_description (context,
                                    _("With --json the result has workload_hours, workload_source (declared or estimated), "
                                      "local_credits, alliance_credits, ects_credits, home_credits_exact (to the nearest "
                                      "hundredth), home_credits_fraction (exact, such as \"45/7\"), home_credits_awarded, "
                                      "credit_step, rounding (down or nearest), warning, home_course (true for a course of the home university "
                                      "itself, which keeps its own credits), reason and steps.\n\n"
                                      "Exit status: 0 done, 1 error (unknown course or university), 2 wrong usage."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (home_id == NULL)
    return usage_error (argv[0], _("credits needs --home UNIVERSITY, the student’s home university"));
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return usage_error (argv[0], _("credits takes exactly one COURSE_ID"));

  if ((catalog = bridge_cli_open_catalog (db)) == NULL)
    return BRIDGE_EXIT_ERROR;
  if ((course = bridge_catalog_get_course (catalog, rest[0], &error)) == NULL ||
      (result = bridge_catalog_compute_credit (catalog, course, home_id, &error)) == NULL)
    return bridge_cli_fail ("%s", error->message);

  if (json)
    {
      g_autoptr(JsonNode) node = bridge_credit_result_to_json (result);
      JsonObject *object = json_node_get_object (node);

      json_object_set_member (object, "title", bridge_text_to_json (bridge_course_get_title (course)));
      bridge_cli_print_json (bridge_json_set_output_version (node, BRIDGE_JSON_OUTPUT_VERSION));
      return BRIDGE_EXIT_OK;
    }

  {
    g_autofree char *workload = show_number (result->workload_hours);
    g_autofree char *local = show_number (result->local_credits);
    g_autofree char *alliance_credits = show_number (result->alliance_credits);
    g_autofree char *ects = show_number (result->ects_credits);
    gboolean         shown_exactly = FALSE;
    g_autofree char *exact = bridge_credit_format_exact (result->exact.home_credits, &shown_exactly);
    g_autofree char *two_decimals = g_strdup_printf ("%.2f", result->home_credits_exact);
    const char      *home_name;
    g_autofree char *awarded = show_number (result->home_credits_awarded);
    /* Only for its name: the computation has found it. */
    g_autoptr(BridgeUniversity) home = bridge_catalog_get_university (catalog, home_id, NULL);

    /* Translators: "scu:math1004 Advanced Mathematics I (Sichuan University, 5 credits)" */
    printf (_("%s %s (%s, %s local credits)\n"),
               bridge_course_get_id (course),
               text_or_id (bridge_course_get_title (course), bridge_course_get_code (course)),
               text_or_id (bridge_course_get_university_name (course), bridge_course_get_university_id (course)),
               local);
    for (guint i = 0; i < result->steps->len; i++)
      printf ("  %s\n", (const char *) g_ptr_array_index (result->steps, i));
    printf ("\n");
    printf (result->workload_source == BRIDGE_WORKLOAD_DECLARED ? _("Workload: %s h (declared)\n")
                                                                : _("Workload: %s h (estimated)\n"),
                                                                     workload);
    printf (_("Alliance credits: %s\n"), alliance_credits);
    printf (_("ECTS credits: %s\n"), ects);
    home_name = text_or_id (home != NULL ? bridge_university_get_name (home) : NULL, home_id);
    if (result->home_course)
      /* Translators: "Credits at Chongqing University: 5, a course of your university" */
      printf (_("Credits at %s: %s, a course of your university\n"), home_name, awarded);
    else if (shown_exactly)
      /* Translators: "Credits at Chongqing University: 3.24 exactly, 3 awarded" */
      printf (_("Credits at %s: %s exactly, %s awarded\n"), home_name, two_decimals, awarded);
    else
      /* Translators: "Credits at Chongqing University: ≈ 6.43 (exactly 45/7), 6 awarded" */
      printf (_("Credits at %s: %s, %s awarded\n"), home_name, exact, awarded);
    if (result->reason != NULL)
      printf ("%s\n", result->reason);
    if (result->warning != NULL)
      printf (_("Warning: %s\n"), result->warning);
  }
  return BRIDGE_EXIT_OK;
}

/* grade convert */

static void
print_group (const char                 *label,
             const BridgeReferenceGroup *g)
{
  if (g == NULL)
    return;
  if (g->source != NULL)
    printf ("  %s: %s (%s)\n", label, g->source,
            g->percent ? _("percentages") : _("counts"));
  else
    {
      g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, g->total);

      /* Translators: "host table: scu, field 0613, bachelor, 2023/24–2024/25, 1000 grades" */
      printf (_("  %s: %s, field %s, %s, %s, %s grades\n"),
                 label, g->university, g->isced, g->cycle, g->period, total);
    }
}

static void
print_conversion (const BridgeGradeConversion *c)
{
  g_autoptr(GString) cands = g_string_new (NULL);

  if (g_strcmp0 (c->grade, c->host_grade) != 0)
    /* Translators: "84.5 (良好) → B" */
    printf (_("%s (%s) → %s"), c->grade, c->host_grade, c->suggested);
  else
    printf (_("%s → %s"), c->grade, c->suggested);
  if (c->approximate)
    printf ("  [%s]\n", _("approximate"));
  else
    printf ("  [%s]\n", bridge_grade_rule_to_string (c->rule));

  for (guint i = 0; i < c->candidates->len; i++)
    {
      const BridgeGradeCandidate *k = g_ptr_array_index (c->candidates, i);
      g_string_append_printf (cands, "%s%s %.1f %% (%s)", i > 0 ? ", " : "", k->grade,
                              k->share * 100, k->share_exact);
    }
  if (!c->approximate)
    {
      printf (_("  host interval: %.1f–%.1f %% of passing grades, from the top\n"),
                 c->host_interval[0], c->host_interval[1]);
      printf (_("  candidates: %s\n"), cands->str);
    }
  printf ("  %s\n", c->reason);
  print_group (_("host table"), c->host_group);
  print_group (_("home table"), c->home_group);
  for (guint i = 0; i < c->warnings->len; i++)
    printf (_("  Warning: %s\n"), (const char *) g_ptr_array_index (c->warnings, i));
}

static JsonNode *
error_json (const char   *grade,
            const GError *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "grade");
  json_builder_add_string_value (builder, grade);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, error->message);
  json_builder_set_member_name (builder, "failing");
  json_builder_add_boolean_value (builder, g_error_matches (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILING_GRADE));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static int
grade_convert (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *field = NULL;
  g_autofree char *cycle_name = NULL;
  g_autofree char *rule_name = NULL;
  g_autofree char *course_id = NULL;
  g_autofree char *from_table = NULL;
  g_autofree char *to_table = NULL;
  gboolean         lower_is_better = FALSE;
  gboolean         json = FALSE;
  g_auto(GStrv) grades = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("The host university, where the grades were awarded"), N_("UNIVERSITY") },
      { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("The home university, whose grades they become"), N_("UNIVERSITY") },
        { "field", 0, 0, G_OPTION_ARG_STRING, &field, N_("The course’s ISCED-F 2013 field, e.g. 0613"), N_("ISCED") },
          { "cycle", 0, 0, G_OPTION_ARG_STRING, &cycle_name, N_("bachelor (default), master or doctoral"), N_("CYCLE") },
            { "course", 0, 0, G_OPTION_ARG_STRING, &course_id, N_("Take the host, field, cycle and grading scale from this course, instead of --from, --field and --cycle"), N_("COURSE_ID") },
              { "from-table", 0, 0, G_OPTION_ARG_FILENAME, &from_table, N_("The host grading table as CSV, instead of --from"), N_("HOST.csv") },
                { "to-table", 0, 0, G_OPTION_ARG_FILENAME, &to_table, N_("The home grading table as CSV, instead of --to"), N_("HOME.csv") },
                  { "lower-is-better", 0, 0, G_OPTION_ARG_NONE, &lower_is_better, N_("In the CSV tables, a lower numeric grade is better (1.0 before 4.0)"), NULL },
                    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule_name, N_("midpoint (default), largest-overlap, best or worst"), N_("RULE") },
                      { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON (the list “conversions” for several grades)"), NULL },
                        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &grades, NULL, NULL },
                          { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new (_("GRADE… — convert host grades into home grades"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeUniversity) host = NULL;
  g_autoptr(BridgeUniversity) home = NULL;
  g_autoptr(BridgeCourse) course = NULL;
  g_autoptr(BridgeGradingTable) host_table = NULL;
  g_autoptr(BridgeGradingTable) home_table = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean        host_percent = FALSE, home_percent = FALSE;
  gboolean        tables = FALSE;
  BridgeGradeRule rule = BRIDGE_GRADE_RULE_MIDPOINT;
  BridgeCycle     cycle = BRIDGE_CYCLE_BACHELOR;
  int             status = BRIDGE_EXIT_OK;
  guint           n_grades;
  JsonNode       *last = NULL;

  g_option_context_set_summary (context,
                                _("Converts each GRADE (a grade’s label, such as 良好, or a numeric mark, such as "
                                  "84.5) awarded at the host university into a grade of the home university, through "
                                  "the two universities’ grading tables for the field and cycle (ECTS Users’ Guide, "
                                  "EGRACONS). A grading table lists the passing grades best first with how often each "
                                  "was awarded; a grade covers an interval of that distribution. The candidates are "
                                  "the home grades whose intervals overlap the host grade’s, each with its share; the "
                                  "suggested grade is chosen by the rule:\n"
                                  "  midpoint          the home grade whose interval holds the middle of the host grade’s\n"
                                  "  largest-overlap   the candidate with the largest share\n"
                                  "  best, worst       the best or the worst candidate\n"
                                  "Ties go to the better grade. Without a grading table on either side the conversion is "
                                  "approximate: the mark’s place in the host’s passing range, mapped linearly onto the "
                                  "home’s, and the output says so."));
  g_option_context_set_description (context,
                                    _("Catalog:  grade convert --from HOST --to HOME --field ISCED [--cycle CYCLE] GRADE…\n"
                                      "Course:   grade convert --course COURSE_ID --to HOME GRADE…\n"
                                      "Files:    grade convert --from-table HOST.csv --to-table HOME.csv GRADE…\n\n"
                                      "A CSV table starts with the header grade,count or grade,percent, then one row per "
                                      "passing grade, best first: counts are whole numbers, percentages have at most two "
                                      "decimals and add up to 100. UTF-8 with or without a BOM, LF or CRLF.\n\n"
                                      "Exit status: 0 all converted, 1 an error (unknown grade, mark or university, a "
                                      "field that is not an ISCED-F code, a bad table, or a failing grade, which is "
                                      "never converted), 2 wrong usage."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;

  tables = from_table != NULL || to_table != NULL;
  if (tables && (from != NULL || to != NULL || field != NULL || cycle_name != NULL || course_id != NULL))
    return usage_error (argv[0], _("use either --from, --to and --field (the catalog) or --from-table and --to-table (CSV files), not both"));
  if (tables && (from_table == NULL || to_table == NULL))
    return usage_error (argv[0], _("grade convert needs both --from-table and --to-table"));
  if (course_id != NULL && (from != NULL || field != NULL || cycle_name != NULL))
    return usage_error (argv[0], _("--course gives the host, the field and the cycle: leave out --from, --field and --cycle"));
  if (!tables && course_id != NULL && to == NULL)
    return usage_error (argv[0], _("grade convert --course needs --to, the home university"));
  if (!tables && course_id == NULL && (from == NULL || to == NULL || field == NULL))
    return usage_error (argv[0], _("grade convert needs --from, --to and --field (or --from-table and --to-table)"));
  if (!tables && lower_is_better)
    return usage_error (argv[0], _("--lower-is-better applies to CSV tables only"));
  if (rule_name != NULL && !bridge_grade_rule_from_string (rule_name, &rule))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a rule: use midpoint, largest-overlap, best or worst"),
                                                     rule_name);
      return usage_error (argv[0], message);
    }
  if (cycle_name != NULL && !bridge_cycle_from_string (cycle_name, &cycle))
    return not_a_cycle (argv[0], cycle_name);
  if (grades == NULL || grades[0] == NULL)
    return usage_error (argv[0], _("grade convert needs at least one GRADE"));
  n_grades = g_strv_length (grades);

  if (tables)
    {
      BridgeGradeCsvFlags flags = lower_is_better ? BRIDGE_GRADE_CSV_LOWER_IS_BETTER : BRIDGE_GRADE_CSV_NONE;

      if ((host_table = bridge_grade_csv_load_table (from_table, flags, &host_percent, &error)) == NULL ||
          (home_table = bridge_grade_csv_load_table (to_table, flags, &home_percent, &error)) == NULL)
        return bridge_cli_fail ("%s", error->message);
    }
  else
    {
      if ((catalog = bridge_cli_open_catalog (db)) == NULL)
        return BRIDGE_EXIT_ERROR;
      if (course_id != NULL)
        {
          if ((course = bridge_catalog_get_course (catalog, course_id, &error)) == NULL)
            return bridge_cli_fail ("%s", error->message);
          from = g_strdup (bridge_course_get_university_id (course));
          field = g_strdup (bridge_course_get_isced (course));
          cycle = bridge_course_get_cycle (course);
        }
      if ((host = bridge_catalog_get_university (catalog, from, &error)) == NULL ||
          (home = bridge_catalog_get_university (catalog, to, &error)) == NULL)
        return bridge_cli_fail ("%s", error->message);
    }

  if (json && n_grades > 1)
    {
      bridge_json_begin_output (builder, BRIDGE_JSON_OUTPUT_VERSION);
      json_builder_set_member_name (builder, "conversions");
      json_builder_begin_array (builder);
    }

  for (guint i = 0; i < n_grades; i++)
    {
      g_autoptr(BridgeGradeConversion) c = NULL;
      g_autoptr(GError) local_error = NULL;

      if (tables)
        {
          c = bridge_grade_convert_tables (host_table, home_table, grades[i], rule, &local_error);
          if (c != NULL)
            bridge_grade_conversion_set_sources (c, from_table, host_percent, to_table, home_percent);
        }
      else
        c = bridge_grade_convert_on_scale (host, home, field, cycle,
                                           course != NULL ? bridge_course_get_grading_scale (course) : NULL,
                                           grades[i], rule, &local_error);

      if (c == NULL)
        {
          bridge_cli_error ("%s", local_error->message);
          status = BRIDGE_EXIT_ERROR;
          if (json && n_grades > 1)
            json_builder_add_value (builder, error_json (grades[i], local_error));
          continue;
        }
      if (json)
        {
          if (n_grades > 1)
            json_builder_add_value (builder, bridge_grade_conversion_to_json (c));
          else
            last = bridge_grade_conversion_to_json (c);
        }
      else
        {
          if (i > 0)
            printf ("\n");
          print_conversion (c);
        }
    }

  if (json && n_grades > 1)
    {
      g_autoptr(JsonNode) node = NULL;

      json_builder_end_array (builder);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      bridge_cli_print_json (node);
    }
  else if (json && last != NULL)
    {
      bridge_cli_print_json (bridge_json_set_output_version (last, BRIDGE_JSON_OUTPUT_VERSION));
      json_node_unref (last);
    }
  return status;
}

/* grade table */

static char *
read_stdin (GError **error)
{
  GString *text = g_string_new (NULL);
  char     buf[8192];
  size_t   n;

  while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
    g_string_append_len (text, buf, n);
  if (ferror (stdin))
    {
      g_set_error_literal (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED, _("Could not read the marks from standard input"));
      g_string_free (text, TRUE);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

static int
grade_table (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *scale_path = NULL;
  gboolean         json = FALSE;
  g_autofree char *field = NULL;
  g_autofree char *cycle_name = NULL;
  g_autofree char *period = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "scale", 0, 0, G_OPTION_ARG_FILENAME, &scale_path, N_("The grading scale as CSV (required)"), N_("SCALE.csv") },
      { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the table as JSON, with the feed’s counts"), NULL },
        { "field", 0, 0, G_OPTION_ARG_STRING, &field, N_("The reference group’s ISCED-F 2013 field, for the JSON"), N_("ISCED") },
          { "cycle", 0, 0, G_OPTION_ARG_STRING, &cycle_name, N_("The reference group’s cycle, for the JSON"), N_("CYCLE") },
            { "period", 0, 0, G_OPTION_ARG_STRING, &period, N_("The academic years counted, for the JSON, e.g. 2023/24–2024/25"), N_("YEARS") },
              { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
              { NULL } };
  g_autoptr(GOptionContext) context = g_option_context_new (_("--scale SCALE.csv < MARKS — build a grading table from awarded marks"));
  g_autoptr(BridgeGradingScale) scale = NULL;
  g_autoptr(BridgeGradeTableReport) report = NULL;
  BridgeCycle cycle = BRIDGE_CYCLE_BACHELOR;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_option_context_set_summary (context,
                                _("Reads awarded marks (84.5) or grade labels (良好), one a line, on standard input, "
                                  "finds each one’s grade on the scale, and prints the grading table: for each passing "
                                  "grade, best first, how many were awarded, their percentage and the cumulative "
                                  "percentage. Failing grades are counted apart and left out of the table, as the ECTS "
                                  "Users’ Guide does. With --json the table comes in the catalog feed’s counts form, "
                                  "ready for a grading_tables entry."));
  g_option_context_set_description (context,
                                    _("The scale CSV starts with the header label,min,max,passing, then one row per "
                                      "grade, best first: min and max are the numeric marks the grade covers (both, or "
                                      "both empty for a scale of labels only), passing is yes or no. For example:\n\n"
                                      "  label,min,max,passing\n"
                                      "  优秀,90,100,yes\n"
                                      "  良好,80,89.99,yes\n"
                                      "  中等,70,79.99,yes\n"
                                      "  及格,60,69.99,yes\n"
                                      "  不及格,0,59.99,no\n\n"
                                      "Exit status: 0 done, 1 error (a bad scale, a mark outside every band or an "
                                      "unknown grade, named by its line, no passing grade at all), 2 wrong usage."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (scale_path == NULL)
    return usage_error (argv[0], _("grade table needs --scale SCALE.csv"));
  if (rest != NULL && rest[0] != NULL)
    return usage_error (argv[0], _("grade table reads the marks on standard input and takes no arguments"));
  if (cycle_name != NULL && !bridge_cycle_from_string (cycle_name, &cycle))
    return not_a_cycle (argv[0], cycle_name);
  if (field != NULL && !bridge_isced_check (field, &error))
    return bridge_cli_fail ("%s", error->message);

  if ((scale = bridge_grade_csv_load_scale (scale_path, &error)) == NULL ||
      (text = read_stdin (&error)) == NULL ||
      (report = bridge_grade_table_from_marks (scale, text, -1, &error)) == NULL)
    return bridge_cli_fail ("%s", error->message);

  if (json)
    {
      g_autoptr(JsonNode) node = bridge_grade_table_report_to_json (report);
      JsonObject *object = json_node_get_object (node);

      /* what a grading_tables entry of the feed needs besides the counts */
      if (field != NULL)
        json_object_set_string_member (object, "isced", field);
      if (cycle_name != NULL)
        json_object_set_string_member (object, "cycle", bridge_cycle_to_string (cycle));
      if (period != NULL)
        json_object_set_string_member (object, "period", period);
      bridge_cli_print_json (bridge_json_set_output_version (node, BRIDGE_JSON_OUTPUT_VERSION));
      return BRIDGE_EXIT_OK;
    }

  {
    g_autofree char *grade = bridge_cli_cell (_("grade"), -12, " ");
    g_autofree char *count = bridge_cli_cell (_("count"), 8, " ");
    g_autofree char *percent = bridge_cli_cell (_("percent"), 9, " ");
    g_autofree char *cumulative = bridge_cli_cell (_("cumulative"), 11, "");

    printf ("%s%s%s%s\n", grade, count, percent, cumulative);
  }
  for (guint i = 0; i < report->rows->len; i++)
    {
      const BridgeGradeTableRow *row = g_ptr_array_index (report->rows, i);
      g_autofree char           *n = g_strdup_printf ("%" G_GINT64_FORMAT, row->count);
      g_autofree char           *p = g_strdup_printf ("%.1f %%", row->percent);
      g_autofree char           *c = g_strdup_printf ("%.1f %%", row->cumulative_percent);
      g_autofree char           *grade = bridge_cli_cell (row->grade, -12, " ");
      g_autofree char           *count = bridge_cli_cell (n, 8, " ");
      g_autofree char           *percent = bridge_cli_cell (p, 9, " ");
      g_autofree char           *cumulative = bridge_cli_cell (c, 11, "");

      printf ("%s%s%s%s\n", grade, count, percent, cumulative);
    }
  {
    g_autofree char *passing = g_strdup_printf ("%" G_GINT64_FORMAT, report->passing);
    g_autofree char *failing = g_strdup_printf ("%" G_GINT64_FORMAT, report->failing);

    printf (_("Passing grades: %s; failing grades left out: %s\n"), passing, failing);
  }
  {
    g_autofree char *warning = bridge_grade_table_report_get_warning (report);
    if (warning != NULL)
      printf (_("Warning: %s\n"), warning);
  }
  return BRIDGE_EXIT_OK;
}

static const BridgeCliCommand subcommands[] = {
  { "convert", grade_convert, N_("Convert host grades or marks into home grades through grading tables") },
    { "table", grade_table, N_("Build a grading table from awarded marks read on standard input") },
  };

int
bridge_cli_grade (int argc, char **argv)
{
  return bridge_cli_dispatch ("grade", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
