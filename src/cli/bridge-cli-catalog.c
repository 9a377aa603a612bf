/* bridge-cli-catalog.c: credit-bridge-cli catalog import|search|show|stats|universities|update
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bridge-catalog-update.h"
#include "bridge-cli.h"
#include "bridge-error.h"
#include "bridge-feed.h"
#include "bridge-json.h"
#include "bridge-validate.h"

static void
add_text (JsonBuilder *builder,
          const char  *member,
          BridgeText  *text)
{
  json_builder_set_member_name (builder, member);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_value (builder, bridge_text_to_json (text));
}

/* Prints what @builder built. */
static void
print_built_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  bridge_cli_print_json (root);
}

/* catalog import */

static int
catalog_import (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("SOURCE — import an alliance catalog feed"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *limits = NULL;
  BridgeCliProgress  progress = { N_("Importing…"), FALSE };
  gboolean           quiet;
  BridgeCatalogStats stats;

  g_option_context_set_summary (context,
                                _("Reads the feed at SOURCE (a feed.json file, or a file:// or https:// URI; "
                                  "course files in JSON Lines are read beside it), checks it against the "
                                  "catalog feed specification and replaces the cached catalog with it in one "
                                  "transaction. On any error the cache keeps the catalog it had; the error "
                                  "names the place (JSON path, or file:line). Warnings are listed and the "
                                  "import goes on."));
  limits = bridge_feed_describe_web_limits ();
  g_option_context_set_description (context, limits);
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return bridge_cli_usage (_("catalog import takes exactly one SOURCE"));
  quiet = bridge_cli_is_quiet ();

  path = db ? g_strdup (db) : bridge_catalog_default_path ();
  catalog = bridge_catalog_open_or_reset (path, &reason, &error);
  if (catalog == NULL)
    return bridge_cli_fail ("%s", error->message);
  if (reason != NULL && !quiet)
    fprintf (stderr, _("credit-bridge-cli: %s\nRebuilding it from %s.\n"), reason, rest[0]);

  if (!bridge_catalog_import (catalog, rest[0], &report, bridge_cli_progress, &progress, NULL, &error))
    {
      bridge_cli_progress_end (&progress);
      bridge_cli_error (_("the feed was not imported: %s"), error->message);
      fprintf (stderr, "%s\n", _("The cache still holds the catalog it had before."));
      return BRIDGE_EXIT_ERROR;
    }
  bridge_cli_progress_end (&progress);
  if (report->rebuilt && !quiet)
    fprintf (stderr, _("credit-bridge-cli: %s\nRebuilding it from %s.\n"), report->rebuilt_reason, rest[0]);

  for (guint i = 0; i < report->warnings->len && !quiet; i++)
    fprintf (stderr, _("warning: %s\n"), (const char *) g_ptr_array_index (report->warnings, i));

  if (!bridge_catalog_get_stats (catalog, &stats, &error))
    return bridge_cli_fail ("%s", error->message);
  if (!quiet)
    {
      if (report->unchanged)
        printf (_("The catalog is already up to date: %s (generated %s) was imported on %s.\n"),
                stats.source, stats.generated, stats.imported);
      else
        {
          g_autofree char *universities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u university", "%u universities", report->universities), report->universities);
          g_autofree char *courses = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u course", "%u courses", report->courses), report->courses);
          g_autofree char *certificates = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate", "%u certificates", report->certificates), report->certificates);

          /* Translators: "Imported 20 universities, 1519 courses and 5 certificates from FILE (generated DATE)." */
          printf (_("Imported %s, %s and %s from %s (generated %s).\n"),
                  universities, courses, certificates, stats.source, stats.generated);
          if (report->equivalences > 0)
            printf (g_dngettext (GETTEXT_PACKAGE, "The recognition register holds %u decision.\n",
                                 "The recognition register holds %u decisions.\n", report->equivalences),
                    report->equivalences);
        }
      if (report->warnings->len > 0)
        printf (g_dngettext (GETTEXT_PACKAGE, "%u warning.\n", "%u warnings.\n", report->warnings->len),
                report->warnings->len);
      if (stats.demo)
        printf ("%s\n", _("This is demo data: its courses and figures are illustrative."));
    }
  bridge_catalog_stats_clear (&stats);
  return BRIDGE_EXIT_OK;
}

/* catalog search */

static int
catalog_search (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *university = NULL, *city = NULL, *field = NULL, *level = NULL, *cycle = NULL;
  g_autofree char *term = NULL, *language = NULL, *delivery = NULL;
  double min_credits = -1, max_credits = -1;
  int limit = 20;
  gboolean json = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "university", 0, 0, G_OPTION_ARG_STRING, &university, N_("Only courses of the university with this id"), N_("ID") },
    { "city", 0, 0, G_OPTION_ARG_STRING, &city, N_("Only courses in this city (成都, Chongqing…)"), N_("CITY") },
    { "field", 0, 0, G_OPTION_ARG_STRING, &field, N_("Only courses whose ISCED-F field starts with CODE (06 finds 0613)"), N_("CODE") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &level, N_("general, foundation, core or elective"), N_("LEVEL") },
    { "cycle", 0, 0, G_OPTION_ARG_STRING, &cycle, N_("bachelor, master or doctoral"), N_("CYCLE") },
    { "term", 0, 0, G_OPTION_ARG_STRING, &term, N_("Only courses offered in this term (2026-autumn)"), N_("TERM") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Only courses taught in this language (zh, en)"), N_("LANG") },
    { "delivery", 0, 0, G_OPTION_ARG_STRING, &delivery, N_("on-campus, online or blended"), N_("MODE") },
    { "min-credits", 0, 0, G_OPTION_ARG_DOUBLE, &min_credits, N_("At least this many local credits"), N_("N") },
    { "max-credits", 0, 0, G_OPTION_ARG_DOUBLE, &max_credits, N_("At most this many local credits"), N_("N") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N results (default 20; 0 shows all)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[QUERY…] — search the catalog"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  g_autofree char *query = NULL;
  BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;
  g_autofree char *summary = NULL;
  g_autofree char *counting = NULL;
  guint total = 0;
  gboolean more = FALSE;

  /* Translators: %d is the most matches a search counts (1000), twice */
  counting = g_strdup_printf (_("Beyond %d matches the total is not counted to the end: the last line says "
                                "“more than %d” (in JSON, total_is_lower_bound is true); --limit 0 shows and "
                                "counts them all."),
                              BRIDGE_SEARCH_COUNT_CAP, BRIDGE_SEARCH_COUNT_CAP);
  summary = g_strdup_printf ("%s %s",
                             _("Finds courses whose title (Chinese or English), code or learning outcomes "
                               "match QUERY: Chinese words of one character or more, English words and "
                               "prefixes (ecolog finds Ecology), codes in any case. Results are ranked: the "
                               "exact code first, then title matches, then outcomes. Without QUERY, lists "
                               "the courses that pass the filters. Each line starts with the course id."),
                             counting);
  g_option_context_set_summary (context, summary);
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (limit < 0)
    return bridge_cli_usage (_("--limit must be 0 or more"));

  filter.university = university;
  filter.city = city;
  filter.isced = field;
  filter.level = level;
  filter.cycle = cycle;
  filter.term = term;
  filter.language = language;
  filter.delivery = delivery;
  filter.min_credits = min_credits;
  filter.max_credits = max_credits;

  query = rest ? g_strjoinv (" ", rest) : g_strdup ("");

  if ((catalog = bridge_cli_open_catalog (db)) == NULL)
    return BRIDGE_EXIT_ERROR;
  if (university != NULL)
    {
      g_autoptr(BridgeUniversity) known = bridge_catalog_get_university (catalog, university, NULL);

      if (known == NULL)
        return bridge_cli_fail (_("No university “%s” in the catalog; `credit-bridge-cli catalog universities` lists them"),
                                university);
    }

  /* Counting every match costs more than the page: beyond
   * BRIDGE_SEARCH_COUNT_CAP, the total is a lower bound, and said so. */
  courses = bridge_catalog_search_page (catalog, query, &filter, limit == 0 ? G_MAXUINT : (guint) limit,
                                        &total, &more, &error);
  if (courses == NULL && bridge_cli_recover_catalog (catalog, &error))
    courses = bridge_catalog_search_page (catalog, query, &filter, limit == 0 ? G_MAXUINT : (guint) limit,
                                          &total, &more, &error);
  if (courses == NULL)
    {
      bridge_cli_error ("%s", error->message);
      return g_error_matches (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT) ? BRIDGE_EXIT_USAGE : BRIDGE_EXIT_ERROR;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      bridge_json_begin_output (builder, BRIDGE_JSON_OUTPUT_VERSION);
      json_builder_set_member_name (builder, "query");
      json_builder_add_string_value (builder, query);
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, total);
      json_builder_set_member_name (builder, "total_is_lower_bound");
      json_builder_add_boolean_value (builder, more);
      json_builder_set_member_name (builder, "results");
      json_builder_begin_array (builder);
      for (guint i = 0; i < courses->len; i++)
        {
          BridgeCourse *course = g_ptr_array_index (courses, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, bridge_course_get_id (course));
          json_builder_set_member_name (builder, "university");
          json_builder_add_string_value (builder, bridge_course_get_university_id (course));
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, bridge_course_get_code (course));
          add_text (builder, "title", bridge_course_get_title (course));
          json_builder_set_member_name (builder, "credits");
          json_builder_add_double_value (builder, bridge_course_get_credits (course));
          json_builder_set_member_name (builder, "isced");
          json_builder_add_string_value (builder, bridge_course_get_isced (course));
          json_builder_set_member_name (builder, "cycle");
          json_builder_add_string_value (builder, bridge_cycle_to_string (bridge_course_get_cycle (course)));
          json_builder_set_member_name (builder, "level");
          json_builder_add_string_value (builder, bridge_level_to_string (bridge_course_get_level (course)));
          json_builder_set_member_name (builder, "delivery");
          json_builder_add_string_value (builder, bridge_delivery_to_string (bridge_course_get_delivery (course)));
          bridge_json_add_strv (builder, "languages", bridge_course_get_languages (course));
          bridge_json_add_strv (builder, "terms", bridge_course_get_terms (course));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_built_json (builder);
      return BRIDGE_EXIT_OK;
    }

  for (guint i = 0; i < courses->len; i++)
    {
      BridgeCourse *course = g_ptr_array_index (courses, i);
      BridgeText *university_name = bridge_course_get_university_name (course);

      g_autofree char *id = bridge_cli_cell (bridge_course_get_id (course), -22, " ");

      fputs (id, stdout);
      /* Translators: a search result after the course id: title, university, credits */
      printf (_("%s — %s, %g credits\n"),
              bridge_text_pick (bridge_course_get_title (course)),
              university_name ? bridge_text_pick (university_name) : bridge_course_get_university_id (course),
              bridge_course_get_credits (course));
    }
  if (total == 0)
    printf ("%s\n", _("No course matches."));
  else if (more)
    /* Translators: the results shown, then how many at least match in all */
    printf (_("%u of more than %u courses; --limit 0 shows and counts all.\n"), courses->len, total);
  else if (courses->len < total)
    printf (_("%u of %u courses; --limit 0 shows all.\n"), courses->len, total);
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "%u course.\n", "%u courses.\n", total), total);
  return BRIDGE_EXIT_OK;
}

/* catalog show */

static void
print_field (const char *label,
             const char *value)
{
  g_autofree char *cell = NULL;

  if (value == NULL || *value == '\0')
    return;
  cell = bridge_cli_cell (label, -20, " ");
  printf ("%s%s\n", cell, value);
}

static int
catalog_show (int argc, char **argv)
{
  g_autofree char *db = NULL;
  gboolean json = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the course object exactly as the feed gave it"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("COURSE_ID — show one course"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeCourse) course = NULL;
  g_autoptr(BridgeUniversity) university = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  const char * const *strv;
  GPtrArray *outcomes;

  g_option_context_set_summary (context, _("Prints everything the feed says about one course."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return bridge_cli_usage (_("catalog show takes exactly one COURSE_ID"));
  if ((catalog = bridge_cli_open_catalog (db)) == NULL)
    return BRIDGE_EXIT_ERROR;
  course = bridge_catalog_get_course (catalog, rest[0], &error);
  if (course == NULL && bridge_cli_recover_catalog (catalog, &error))
    course = bridge_catalog_get_course (catalog, rest[0], &error);
  if (course == NULL)
    return bridge_cli_fail ("%s", error->message);

  if (json)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonNode) root = NULL;

      if (!json_parser_load_from_data (parser, bridge_course_get_raw_json (course), -1, &error))
        return bridge_cli_fail ("%s", error->message);
      root = bridge_json_output_new (BRIDGE_JSON_OUTPUT_VERSION, "course", json_parser_steal_root (parser));
      bridge_cli_print_json (root);
      return BRIDGE_EXIT_OK;
    }

  university = bridge_catalog_get_university (catalog, bridge_course_get_university_id (course), NULL);
  printf ("%s\n", bridge_text_pick (bridge_course_get_title (course)));
  {
    const char *zh = bridge_text_get (bridge_course_get_title (course), "zh");
    const char *en = bridge_text_get (bridge_course_get_title (course), "en");

    if (zh != NULL && en != NULL)
      printf ("%s / %s\n", zh, en);
  }
  printf ("\n");
  print_field (_("Id"), bridge_course_get_id (course));
  print_field (_("Code"), bridge_course_get_code (course));
  print_field (_("University"), university ? bridge_text_pick (bridge_university_get_name (university))
                                           : bridge_course_get_university_id (course));
  if (university != NULL)
    print_field (_("City"), bridge_text_pick (bridge_university_get_city (university)));
  {
    const char *isced = bridge_course_get_isced (course);
    const char *isced_label = bridge_isced_get_label (isced);
    /* As the window's course page writes it: "0613 · Information and …" */
    g_autofree char *field = isced_label != NULL ? g_strdup_printf ("%s · %s", isced, isced_label)
                                                 : g_strdup (isced);

    print_field (_("Field (ISCED-F)"), field);
  }
  print_field (_("Cycle"), bridge_cycle_get_label (bridge_course_get_cycle (course)));
  print_field (_("Level"), bridge_level_get_label (bridge_course_get_level (course)));

  for (BridgeKind k = 0; k < BRIDGE_N_KINDS; k++)
    if (bridge_course_get_periods (course, k) > 0)
      {
        if (line->len > 0)
          g_string_append (line, ", ");
        g_string_append_printf (line, "%s %g", bridge_kind_get_label (k), bridge_course_get_periods (course, k));
      }
  print_field (_("Class periods"), line->str);
  if (bridge_course_get_practice_weeks (course) > 0)
    {
      g_autofree char *weeks = g_strdup_printf ("%g", bridge_course_get_practice_weeks (course));
      print_field (_("Practice weeks"), weeks);
    }
  if (bridge_course_get_workload_hours (course) > 0)
    {
      g_autofree char *hours = g_strdup_printf (_("%g (declared)"), bridge_course_get_workload_hours (course));
      print_field (_("Workload hours"), hours);
    }
  {
    g_autofree char *credits = g_strdup_printf ("%g", bridge_course_get_credits (course));
    print_field (_("Local credits"), credits);
  }
  print_field (_("Grading scale"), bridge_course_get_grading_scale (course));

  g_string_truncate (line, 0);
  strv = bridge_course_get_terms (course);
  for (guint i = 0; strv[i] != NULL; i++)
    {
      g_autofree char *label = bridge_term_get_label (university, strv[i]);

      if (line->len > 0)
        g_string_append (line, ", ");
      g_string_append (line, label);
    }
  print_field (_("Terms"), line->str);
  {
    g_autofree char *languages = bridge_language_join_names (bridge_course_get_languages (course));
    print_field (_("Languages"), languages);
  }
  print_field (_("Delivery"), bridge_delivery_get_label (bridge_course_get_delivery (course)));
  if (bridge_course_get_seats (course) >= 0)
    {
      g_autofree char *seats = g_strdup_printf ("%" G_GINT64_FORMAT, bridge_course_get_seats (course));
      print_field (_("Seats for visitors"), seats);
    }
  {
    g_autofree char *prerequisites = g_strjoinv (", ", (char **) bridge_course_get_prerequisites (course));
    print_field (_("Prerequisites"), prerequisites);
  }
  print_field (_("Web page"), bridge_course_get_url (course));
  if (bridge_course_get_description (course) != NULL)
    printf ("\n%s\n", bridge_text_pick (bridge_course_get_description (course)));
  outcomes = bridge_course_get_learning_outcomes (course);
  if (outcomes->len > 0)
    {
      printf ("\n%s\n", _("Learning outcomes:"));
      for (guint i = 0; i < outcomes->len; i++)
        printf ("  • %s\n", bridge_text_pick (g_ptr_array_index (outcomes, i)));
    }
  return BRIDGE_EXIT_OK;
}

/* catalog stats */

/* catalog stats and catalog universities take --db and --json and no
 * arguments: parses them, with @parameter and @summary for --help, and
 * opens the catalog. Returns NULL with *status set to the exit status when
 * the command cannot go on (@no_arguments is said when it has some). */
static BridgeCatalog *
parse_listing (int         argc,
               char      **argv,
               const char *parameter,
               const char *summary,
               const char *no_arguments,
               gboolean   *json,
               int        *status)
{
  g_autofree char *db = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "json", 0, 0, G_OPTION_ARG_NONE, json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);

  g_option_context_set_summary (context, summary);
  *status = BRIDGE_EXIT_USAGE;
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return NULL;
  if (argc > 1)
    {
      bridge_cli_error ("%s", no_arguments);
      return NULL;
    }
  *status = BRIDGE_EXIT_ERROR;
  return bridge_cli_open_catalog (db);
}

static int
catalog_stats (int argc, char **argv)
{
  gboolean json = FALSE;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(BridgeCatalogStats) stats = { 0 };
  int status;

  catalog = parse_listing (argc, argv, _("— count what the cached catalog holds"),
                           _("Prints how many universities, courses, grading tables, certificates and recognition decisions the "
                             "cache holds, when the feed was generated, where it came from and when it "
                             "was imported."),
                           _("catalog stats takes no arguments"), &json, &status);
  if (catalog == NULL)
    return status;
  if (!bridge_catalog_get_stats (catalog, &stats, &error)
      && (!bridge_cli_recover_catalog (catalog, &error) || !bridge_catalog_get_stats (catalog, &stats, &error)))
    return bridge_cli_fail ("%s", error->message);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      bridge_json_begin_output (builder, BRIDGE_JSON_OUTPUT_VERSION);
      json_builder_set_member_name (builder, "universities");
      json_builder_add_int_value (builder, stats.universities);
      json_builder_set_member_name (builder, "courses");
      json_builder_add_int_value (builder, stats.courses);
      json_builder_set_member_name (builder, "grading_tables");
      json_builder_add_int_value (builder, stats.grading_tables);
      json_builder_set_member_name (builder, "certificates");
      json_builder_add_int_value (builder, stats.certificates);
      json_builder_set_member_name (builder, "equivalences");
      json_builder_add_int_value (builder, stats.equivalences);
      json_builder_set_member_name (builder, "alliance");
      json_builder_add_string_value (builder, stats.alliance_id);
      json_builder_set_member_name (builder, "generated");
      json_builder_add_string_value (builder, stats.generated);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, stats.source);
      json_builder_set_member_name (builder, "imported");
      json_builder_add_string_value (builder, stats.imported);
      json_builder_set_member_name (builder, "digest");
      json_builder_add_string_value (builder, stats.digest);
      json_builder_set_member_name (builder, "demo");
      json_builder_add_boolean_value (builder, stats.demo);
      json_builder_set_member_name (builder, "cache");
      json_builder_add_string_value (builder, bridge_catalog_get_path (catalog));
      json_builder_end_object (builder);
      print_built_json (builder);
      return BRIDGE_EXIT_OK;
    }

  {
    g_autofree char *universities = g_strdup_printf ("%u", stats.universities);
    g_autofree char *courses = g_strdup_printf ("%u", stats.courses);
    g_autofree char *tables = g_strdup_printf ("%u", stats.grading_tables);
    g_autofree char *certificates = g_strdup_printf ("%u", stats.certificates);
    g_autofree char *register_size = g_strdup_printf ("%u", stats.equivalences);

    /* Aligned on a terminal, label and value split by a tab in a pipe. */
    print_field (_("Universities:"), universities);
    print_field (_("Courses:"), courses);
    print_field (_("Grading tables:"), tables);
    print_field (_("Certificates:"), certificates);
    /* Translators: the feed's recognition register, its number of entries */
    print_field (_("Register:"), register_size);
    print_field (_("Generated:"), stats.generated ? stats.generated : "—");
    print_field (_("Source:"), stats.source ? stats.source : "—");
    print_field (_("Imported:"), stats.imported ? stats.imported : "—");
    print_field (_("Cache:"), bridge_catalog_get_path (catalog));
  }
  if (stats.demo)
    printf ("%s\n", _("This is demo data: its courses and figures are illustrative."));
  return BRIDGE_EXIT_OK;
}

/* catalog universities */

static int
catalog_universities (int argc, char **argv)
{
  gboolean json = FALSE;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int status;

  catalog = parse_listing (argc, argv, _("— list the member universities"),
                           _("Lists each university's id, name and city."),
                           _("catalog universities takes no arguments"), &json, &status);
  if (catalog == NULL)
    return status;
  list = bridge_catalog_list_universities (catalog);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      bridge_json_begin_output (builder, BRIDGE_JSON_OUTPUT_VERSION);
      json_builder_set_member_name (builder, "universities");
      json_builder_begin_array (builder);
      for (guint i = 0; i < list->len; i++)
        {
          BridgeUniversity *u = g_ptr_array_index (list, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, bridge_university_get_id (u));
          add_text (builder, "name", bridge_university_get_name (u));
          add_text (builder, "city", bridge_university_get_city (u));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_built_json (builder);
      return BRIDGE_EXIT_OK;
    }
  for (guint i = 0; i < list->len; i++)
    {
      BridgeUniversity *u = g_ptr_array_index (list, i);
      g_autofree char *id = bridge_cli_cell (bridge_university_get_id (u), -10, " ");

      printf ("%s%s (%s)\n", id,
              bridge_text_pick (bridge_university_get_name (u)),
              bridge_text_pick (bridge_university_get_city (u)));
    }
  return BRIDGE_EXIT_OK;
}

/* catalog update */

static void
add_changes (JsonBuilder *builder,
             const char  *member,
             guint        added,
             guint        changed,
             guint        removed)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "added");
  json_builder_add_int_value (builder, added);
  json_builder_set_member_name (builder, "changed");
  json_builder_add_int_value (builder, changed);
  json_builder_set_member_name (builder, "removed");
  json_builder_add_int_value (builder, removed);
  json_builder_end_object (builder);
}

static void
add_strings (JsonBuilder *builder,
             const char  *member,
             GPtrArray   *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

static void
print_update_json (const char               *source,
                   const BridgeUpdateReport *report,
                   GDateTime                *checked)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *checked_text = checked ? g_date_time_format_iso8601 (checked) : NULL;

  bridge_json_begin_output (builder, BRIDGE_JSON_OUTPUT_VERSION);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source);
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_boolean_value (builder, report->unchanged);
  add_changes (builder, "universities", report->universities_added, report->universities_changed,
               report->universities_removed);
  add_changes (builder, "courses", report->courses_added, report->courses_changed, report->courses_removed);
  add_changes (builder, "certificates", report->certificates_added, report->certificates_changed,
               report->certificates_removed);
  add_strings (builder, "changed_courses", report->changed_course_ids);
  add_strings (builder, "removed_courses", report->removed_course_ids);
  json_builder_set_member_name (builder, "files_checked");
  json_builder_add_int_value (builder, report->files_checked);
  json_builder_set_member_name (builder, "files_downloaded");
  json_builder_add_int_value (builder, report->files_downloaded);
  json_builder_set_member_name (builder, "bytes_downloaded");
  json_builder_add_int_value (builder, (gint64) report->bytes_downloaded);
  add_strings (builder, "warnings", report->warnings);
  json_builder_set_member_name (builder, "checked");
  json_builder_add_string_value (builder, checked_text);
  json_builder_end_object (builder);
  print_built_json (builder);
}

static int
catalog_update (int argc, char **argv)
{
  g_autofree char *db = NULL;
  gboolean json = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print what changed as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— update the cached catalog from its source"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeUpdateReport) report = NULL;
  g_autoptr(GDateTime) checked = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *source = NULL;
  g_autofree char *limits = NULL;
  g_autofree char *described = NULL;
  BridgeCliProgress progress = { N_("Updating…"), FALSE };
  gboolean quiet;

  g_option_context_set_summary (context,
                                _("Asks the source of the last import again whether the catalog changed. From "
                                  "the web, each file of the feed is asked for with the ETag and Last-Modified "
                                  "date the server sent last time, so an unchanged catalog costs one small "
                                  "request a file and only a changed file is downloaded; a feed on this computer "
                                  "is read again whole. Says \"unchanged\" or what changed: universities, "
                                  "courses and certificates added, changed and removed. On any failure (server "
                                  "down, timeout, certificate, bad feed) the cache keeps the catalog it had, the "
                                  "message says how old it is, and the exit status is 1."));
  limits = bridge_feed_describe_web_limits ();
  g_option_context_set_description (context, limits);
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest != NULL && rest[0] != NULL)
    return bridge_cli_usage (_("catalog update takes no arguments: it updates from the source of the last "
                               "import (catalog import SOURCE imports from another)"));
  quiet = bridge_cli_is_quiet ();

  path = db ? g_strdup (db) : bridge_catalog_default_path ();
  catalog = bridge_catalog_open_or_reset (path, &reason, &error);
  if (catalog == NULL)
    return bridge_cli_fail ("%s", error->message);
  if (reason != NULL && !quiet)
    fprintf (stderr, "credit-bridge-cli: %s\n", reason);
  bridge_catalog_get_update_source (catalog, &source);

  report = bridge_catalog_update (catalog, bridge_cli_progress, &progress, NULL, &error);
  bridge_cli_progress_end (&progress);
  if (report == NULL)
    {
      bridge_cli_error (_("the catalog was not updated: %s"), error->message);
      if (!g_error_matches (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND))
        fprintf (stderr, "%s\n", _("The cache still holds the catalog it had before."));
      return BRIDGE_EXIT_ERROR;
    }
  for (guint i = 0; i < report->warnings->len && !quiet; i++)
    fprintf (stderr, _("warning: %s\n"), (const char *) g_ptr_array_index (report->warnings, i));

  checked = bridge_catalog_get_checked (catalog);
  if (json)
    {
      print_update_json (source, report, checked);
      return BRIDGE_EXIT_OK;
    }
  if (quiet)
    return BRIDGE_EXIT_OK;
  described = bridge_update_report_describe (report);
  /* Translators: "Checked https://…/feed.json: unchanged." or "…: 2 courses added, 1 course changed." */
  printf (_("Checked %s: %s.\n"), source, described);
  if (bridge_catalog_source_is_web (source))
    {
      g_autofree char *size = g_format_size (report->bytes_downloaded);

      /* Translators: "21 files asked for, 1 downloaded (52.3 kB)." */
      printf (g_dngettext (GETTEXT_PACKAGE, "%u file asked for, %u downloaded (%s).\n",
                           "%u files asked for, %u downloaded (%s).\n", report->files_checked),
              report->files_checked, report->files_downloaded, size);
    }
  else
    printf ("%s\n", _("The feed is on this computer: it was read again whole."));
  return BRIDGE_EXIT_OK;
}

static const BridgeCliCommand subcommands[] = {
  { "import", catalog_import, N_("Import an alliance catalog feed into the cache") },
  { "search", catalog_search, N_("Search courses by title, code or learning outcome, with filters") },
  { "show", catalog_show, N_("Show one course with everything the feed says about it") },
  { "stats", catalog_stats, N_("Count what the cache holds and say where it came from") },
  { "universities", catalog_universities, N_("List the member universities") },
  { "update", catalog_update, N_("Update the cached catalog from the source of the last import") },
};

int
bridge_cli_catalog (int argc, char **argv)
{
  return bridge_cli_dispatch ("catalog", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
