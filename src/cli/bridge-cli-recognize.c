/* bridge-cli-recognize.c: recognize, what counts for what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bridge-cli.h"
#include "bridge-error.h"
#include "bridge-json.h"
#include "bridge-recognize.h"
#include "bridge-validate.h"

static int
recognize_usage (const char *message)
{
  bridge_cli_error ("%s", message);
  fprintf (stderr, _("Try “credit-bridge-cli %s --help”.\n"), "recognize");
  return BRIDGE_EXIT_USAGE;
}

/* "scu:CS201 数据结构" for a course id, or the id alone when the catalog
 * does not have it. */
static char *
describe_course (BridgeCatalog *catalog,
                 const char    *id)
{
  g_autoptr(BridgeCourse) course = bridge_catalog_get_course (catalog, id, NULL);
  const char *title = course != NULL ? bridge_text_pick (bridge_course_get_title (course)) : NULL;

  return title != NULL ? g_strdup_printf ("%s %s", id, title) : g_strdup (id);
}

static char *
describe_courses (BridgeCatalog  *catalog,
                  char          **ids)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_autofree char *one = describe_course (catalog, ids[i]);

      if (i > 0)
        /* Translators: between the courses of a list, "scu:CS201 数据结构 + scu:CS202 算法" */
        g_string_append (out, _(" + "));
      g_string_append (out, one);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
print_option (BridgeCatalog                 *catalog,
              guint                          number,
              const BridgeRecognitionOption *option)
{
  g_autofree char *hosts = describe_courses (catalog, option->host_courses);
  g_autofree char *homes = option->elective ? g_strdup (_("free elective credits"))
                                            : describe_courses (catalog, option->home_courses);
  g_autofree char *host = bridge_catalog_dup_university_label (catalog, option->host);
  g_autofree char *credits = g_strdup_printf ("%g", option->home_credits_awarded);
  g_autofree char *kind = NULL;

  if (option->kind == BRIDGE_RECOGNITION_PRECEDENT)
    kind = g_strdup (option->expired ? _("expired decision") : _("decision"));
  else
    /* Translators: a suggestion's score, from 0 to 1 */
    kind = g_strdup_printf (_("suggestion, score %.2f"), option->score);

  /* Translators: "1. [decision] cqu:CS2001 数据结构 (重庆大学) → scu:CS201 数据结构: 4 credits" */
  printf (_("%u. [%s] %s (%s) → %s: %s credits\n"), number, kind, hosts, host, homes, credits);
  for (guint i = 0; i < option->reasons->len; i++)
    printf ("   - %s\n", (const char *) g_ptr_array_index (option->reasons, i));
}

static void
print_json (const char *home,
            const char *replace,
            char      **host_courses,
            const char *day,
            GPtrArray  *options)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  bridge_json_begin_output (builder, BRIDGE_JSON_OUTPUT_VERSION);
  json_builder_set_member_name (builder, "home");
  json_builder_add_string_value (builder, home);
  json_builder_set_member_name (builder, "replace");
  if (replace != NULL)
    json_builder_add_string_value (builder, replace);
  else
    json_builder_add_null_value (builder);
  bridge_json_add_strv (builder, "host_courses", (const char * const *) host_courses);
  json_builder_set_member_name (builder, "on");
  json_builder_add_string_value (builder, day);
  json_builder_set_member_name (builder, "options");
  json_builder_begin_array (builder);
  for (guint i = 0; i < options->len; i++)
    json_builder_add_value (builder, bridge_recognition_option_to_json (g_ptr_array_index (options, i)));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  bridge_cli_print_json (root);
}

int
bridge_cli_recognize (int    argc,
                      char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *home = NULL;
  g_autofree char *replace = NULL;
  g_autofree char *host = NULL;
  g_autofree char *term = NULL;
  g_autofree char *on = NULL;
  g_auto(GStrv) languages = NULL;
  g_auto(GStrv) rest = NULL;
  int limit = 0;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "home", 0, 0, G_OPTION_ARG_STRING, &home, N_("The student’s home university (required)"), N_("UNIVERSITY") },
    { "replace", 0, 0, G_OPTION_ARG_STRING, &replace, N_("List what could replace this course of the home university"), N_("HOME_COURSE") },
    { "host", 0, 0, G_OPTION_ARG_STRING, &host, N_("Only courses of this university"), N_("UNIVERSITY") },
    { "term", 0, 0, G_OPTION_ARG_STRING, &term, N_("Suggest courses offered in this term (a term id)"), N_("TERM") },
    { "language", 0, 0, G_OPTION_ARG_STRING_ARRAY, &languages, N_("Suggest courses taught in this language (repeat for more)"), N_("LANG") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Suggest at most N courses (default 10)"), N_("N") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("Judge whether decisions have expired on this day (default today)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, N_("HOST_COURSE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— what counts for what at the home university"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(GPtrArray) options = NULL;
  g_autoptr(GError) error = NULL;
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  g_autofree char *day = NULL;

  g_option_context_set_summary (context,
                                _("With --replace HOME_COURSE, lists what could replace a course of the home "
                                  "university; with HOST_COURSE…, what those courses could replace at home. "
                                  "Decisions of the home university’s recognition register come first (valid "
                                  "ones, then expired ones, which no longer bind it but are still evidence), "
                                  "each with its date, reference and conditions; then suggestions computed from "
                                  "the catalog where the register is silent, each with its reasons and a score "
                                  "from 0 to 1. The help page “Finding what counts” explains the scoring."));
  g_option_context_set_description (context,
                                    _("Examples:\n"
                                      "  credit-bridge-cli recognize --home scu --replace scu:CS201 --host cqu\n"
                                      "  credit-bridge-cli recognize --home scu cqu:CS2001 cqu:CS2002\n\n"
                                      "With --json: home, replace, host_courses, on and options; each option has "
                                      "kind (precedent or suggestion), host, home, host_courses, home_courses, "
                                      "home_credits_awarded, elective, reasons and score (precedents 1), and for "
                                      "precedents equivalence, decided, valid_until, reference, conditions and "
                                      "expired. Options come best first.\n\n"
                                      "Exit status: 0 done (also when nothing is found), 1 error (unknown course "
                                      "or university), 2 wrong usage."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (home == NULL || *home == '\0')
    return recognize_usage (_("recognize needs --home UNIVERSITY, the student’s home university"));
  if (replace != NULL && rest != NULL && rest[0] != NULL)
    return recognize_usage (_("recognize takes either --replace HOME_COURSE or HOST_COURSE…, not both"));
  if (replace == NULL && (rest == NULL || rest[0] == NULL))
    return recognize_usage (_("recognize needs --replace HOME_COURSE, or one or more HOST_COURSE"));
  if (limit < 0)
    return recognize_usage (_("--limit must be 0 or more"));
  if (on != NULL && (*on == '\0' || !bridge_validate_date ("--on", on, &error)))
    return recognize_usage (error != NULL ? error->message : _("--on needs a date, YYYY-MM-DD"));

  if ((catalog = bridge_cli_open_catalog (db)) == NULL)
    return BRIDGE_EXIT_ERROR;

  {
    g_autoptr(BridgeUniversity) university = bridge_catalog_get_university (catalog, home, &error);

    if (university == NULL)
      return bridge_cli_fail ("%s", error->message);
  }
  if (host != NULL)
    {
      g_autoptr(BridgeUniversity) university = bridge_catalog_get_university (catalog, host, &error);

      if (university == NULL)
        return bridge_cli_fail ("%s", error->message);
    }

  if (term != NULL)
    {
      g_autoptr(GPtrArray) terms = bridge_catalog_list_terms (catalog);
      gboolean known = FALSE;

      for (guint i = 0; i < terms->len && !known; i++)
        known = g_str_equal (g_ptr_array_index (terms, i), term);
      if (!known)
        return bridge_cli_fail (_("No university of the catalog has a term “%s”; "
                                  "`credit-bridge-cli catalog show` lists a course’s terms"),
                                term);
    }

  query.host = host;
  query.term = term;
  query.languages = (const char * const *) languages;
  query.today = on;
  query.limit = (guint) limit;
  if (on != NULL)
    day = g_strdup (on);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      day = g_date_time_format (now, "%Y-%m-%d");
    }
  query.today = day;
  if (replace != NULL)
    {
      g_autoptr(BridgeCourse) course = bridge_catalog_get_course (catalog, replace, &error);

      if (course == NULL)
        return bridge_cli_fail ("%s", error->message);
      if (g_strcmp0 (bridge_course_get_university_id (course), home) != 0)
        return bridge_cli_fail (_("%s is a course of %s, not of the home university %s: --replace names a course "
                                  "of your own university"),
                                replace, bridge_course_get_university_id (course), home);
      options = bridge_recognize_replacements (catalog, replace, &query, &error);
    }
  else
    options = bridge_recognize_for_host (catalog, home, (const char * const *) rest, &query, &error);
  if (options == NULL)
    return bridge_cli_fail ("%s", error->message);

  if (json)
    {
      print_json (home, replace, replace == NULL ? rest : NULL, day, options);
      return BRIDGE_EXIT_OK;
    }

  {
    g_autofree char *home_name = bridge_catalog_dup_university_label (catalog, home);
    g_autofree char *subject = replace != NULL ? describe_course (catalog, replace) : describe_courses (catalog, rest);

    if (replace != NULL)
      /* Translators: "What could replace scu:CS201 数据结构 at 四川大学:" */
      printf (_("What could replace %s at %s:\n"), subject, home_name);
    else
      /* Translators: "What cqu:CS2001 数据结构 could replace at 四川大学:" */
      printf (_("What %s could replace at %s:\n"), subject, home_name);
    if (options->len == 0)
      printf ("%s\n", _("Nothing: the register has no decision for it and no similar course was found."));
    for (guint i = 0; i < options->len; i++)
      print_option (catalog, i + 1, g_ptr_array_index (options, i));
  }
  return BRIDGE_EXIT_OK;
}
