/* bridge-cli-plan.c: credit-bridge-cli plan new|add|show|approve|export|verify|grades|feedback|reopen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bridge-cli.h"
#include "bridge-error.h"
#include "bridge-file.h"
#include "bridge-plan-export.h"
#include "bridge-plan-pdf.h"
#include "bridge-plan.h"

/* Helpers ------------------------------------------------------------------ */

static BridgePlan *
open_plan (const char *path)
{
  g_autoptr(GError) error = NULL;
  BridgePlan *plan = bridge_plan_new_from_file (path, &error);

  if (plan == NULL)
    bridge_cli_error ("%s", error->message);
  return plan;
}

/* Opens the plan at @path, then the catalog cache @db; prints the error
 * and returns FALSE when either fails. */
static gboolean
open_plan_and_catalog (const char     *path,
                       const char     *db,
                       BridgePlan    **plan,
                       BridgeCatalog **catalog)
{
  *plan = open_plan (path);
  if (*plan == NULL)
    return FALSE;
  *catalog = bridge_cli_open_catalog (db);
  return *catalog != NULL;
}

static gboolean
save_plan (BridgePlan *plan,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  if (!bridge_plan_save (plan, path, &error))
    {
      /* The message says whether the file was changed. */
      bridge_cli_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Saves @plan with the changes proposal just made, and says so. */
static int
save_proposal (BridgePlan *plan,
               const char *path)
{
  if (!save_plan (plan, path))
    return BRIDGE_EXIT_ERROR;
  printf (_("Proposed the change in %s; it applies once the student and both institutions approve it.\n"), path);
  return BRIDGE_EXIT_OK;
}

static const char *
text_or (BridgeText *text,
         const char *fallback)
{
  const char *s = text ? bridge_text_pick (text) : NULL;

  return s ? s : fallback;
}

/* Accepts a course id ("cqu:cs301") or, for convenience, a code of @university ("CS301"). */
static char *
resolve_course (BridgeCatalog *catalog,
                const char    *university,
                const char    *arg)
{
  g_autoptr(BridgeCourse) course = NULL;
  g_autofree char *lower = NULL;

  course = bridge_catalog_get_course (catalog, arg, NULL);
  if (course != NULL || strchr (arg, ':') != NULL || university == NULL)
    return g_strdup (arg);
  lower = g_ascii_strdown (arg, -1);
  {
    g_autofree char *id = g_strdup_printf ("%s:%s", university, lower);
    g_autoptr(BridgeCourse) by_code = bridge_catalog_get_course (catalog, id, NULL);

    if (by_code != NULL)
      return g_steal_pointer (&id);
  }
  return g_strdup (arg);
}

static char **
resolve_courses (BridgeCatalog *catalog,
                 const char    *university,
                 char         **args)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; args && args[i]; i++)
    {
      g_autofree char *id = resolve_course (catalog, university, args[i]);

      g_strv_builder_add (b, id);
    }
  return g_strv_builder_end (b);
}

/* plan new ----------------------------------------------------------------- */

static int
plan_new (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *student = NULL, *home = NULL, *host = NULL, *term = NULL;
  g_autofree char *number = NULL, *email = NULL, *language = NULL, *cefr = NULL, *isced = NULL, *cycle = NULL;
  g_autofree char *nationality = NULL, *birth = NULL;
  g_autofree char *home_faculty = NULL, *host_faculty = NULL;
  g_autofree char *home_name = NULL, *home_position = NULL, *home_email = NULL;
  g_autofree char *host_name = NULL, *host_position = NULL, *host_email = NULL;
  gboolean force = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "student", 0, 0, G_OPTION_ARG_STRING, &student, N_("The student’s name"), N_("NAME") },
    { "home", 0, 0, G_OPTION_ARG_STRING, &home, N_("The home (sending) university id"), N_("UNIVERSITY") },
    { "host", 0, 0, G_OPTION_ARG_STRING, &host, N_("The host (receiving) university id"), N_("UNIVERSITY") },
    { "term", 0, 0, G_OPTION_ARG_STRING, &term, N_("The host term id, e.g. 2026-autumn"), N_("TERM") },
    { "student-number", 0, 0, G_OPTION_ARG_STRING, &number, N_("The student number at home"), N_("NUMBER") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("The student’s email address"), N_("EMAIL") },
    { "birth-date", 0, 0, G_OPTION_ARG_STRING, &birth, N_("Date of birth"), N_("YYYY-MM-DD") },
    { "nationality", 0, 0, G_OPTION_ARG_STRING, &nationality, N_("Nationality (ISO country code)"), N_("CC") },
    { "cycle", 0, 0, G_OPTION_ARG_STRING, &cycle, N_("Study cycle: bachelor, master or doctoral"), N_("CYCLE") },
    { "isced", 0, 0, G_OPTION_ARG_STRING, &isced, N_("Field of education (ISCED-F code)"), N_("CODE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Language of instruction the student declares"), N_("LANG") },
    { "cefr", 0, 0, G_OPTION_ARG_STRING, &cefr, N_("The student’s level in it (A1…C2)"), N_("LEVEL") },
    { "home-faculty", 0, 0, G_OPTION_ARG_STRING, &home_faculty, N_("Faculty or department at home"), N_("NAME") },
    { "home-responsible", 0, 0, G_OPTION_ARG_STRING, &home_name, N_("The sending responsible person’s name"), N_("NAME") },
    { "home-position", 0, 0, G_OPTION_ARG_STRING, &home_position, N_("Their position"), N_("POSITION") },
    { "home-email", 0, 0, G_OPTION_ARG_STRING, &home_email, N_("Their email address"), N_("EMAIL") },
    { "host-faculty", 0, 0, G_OPTION_ARG_STRING, &host_faculty, N_("Faculty or department at the host"), N_("NAME") },
    { "host-responsible", 0, 0, G_OPTION_ARG_STRING, &host_name, N_("The receiving responsible person’s name"), N_("NAME") },
    { "host-position", 0, 0, G_OPTION_ARG_STRING, &host_position, N_("Their position"), N_("POSITION") },
    { "host-email", 0, 0, G_OPTION_ARG_STRING, &host_email, N_("Their email address"), N_("EMAIL") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing plan file"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN — start a new learning agreement"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(BridgeUniversity) home_uni = NULL, host_uni = NULL;
  g_autoptr(GError) error = NULL;
  BridgePlanStudent s = { 0 };
  const BridgeTerm *t;

  g_option_context_set_summary (context,
                                _("Creates the plan file PLAN (*.creditplan) for a student of the home "
                                  "university who will study at the host university in TERM."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return bridge_cli_usage (_("plan new takes exactly one PLAN file"));
  if (student == NULL || home == NULL || host == NULL || term == NULL)
    return bridge_cli_usage (_("plan new needs --student, --home, --host and --term"));
  if (cycle != NULL && !bridge_cycle_from_string (cycle, &s.cycle))
    return bridge_cli_usage (_("“%s” is not a study cycle (bachelor, master or doctoral)"), cycle);
  if (!force && g_file_test (rest[0], G_FILE_TEST_EXISTS))
    return bridge_cli_fail (_("%s already exists; use --force to replace it"), rest[0]);

  catalog = bridge_cli_open_catalog (db);
  if (catalog == NULL)
    return BRIDGE_EXIT_ERROR;
  home_uni = bridge_catalog_get_university (catalog, home, &error);
  if (home_uni == NULL)
    return bridge_cli_fail (_("unknown home university “%s” (credit-bridge-cli catalog universities lists them)"), home);
  g_clear_error (&error);
  host_uni = bridge_catalog_get_university (catalog, host, &error);
  if (host_uni == NULL)
    return bridge_cli_fail (_("unknown host university “%s” (credit-bridge-cli catalog universities lists them)"), host);
  t = bridge_university_find_term (host_uni, term);
  if (t == NULL && bridge_university_get_terms (host_uni)->len > 0)
    {
      GPtrArray *terms = bridge_university_get_terms (host_uni);
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < terms->len; i++)
        g_string_append_printf (list, "%s%s", i ? ", " : "", ((BridgeTerm *) g_ptr_array_index (terms, i))->id);
      bridge_cli_error (_("%s has no term “%s” (it has: %s)"), host, term, list->str);
      return BRIDGE_EXIT_ERROR;
    }

  plan = bridge_plan_new ();
  s.name = student;
  s.student_number = number;
  s.email = email;
  s.birth_date = birth;
  s.nationality = nationality;
  s.isced = isced;
  s.language = language;
  s.cefr = cefr;
  if (!bridge_plan_set_student (plan, &s, &error))
    return bridge_cli_fail ("%s", error->message);
  {
    BridgePlanInstitution inst = { 0 };

    inst.university = home;
    inst.faculty = home_faculty;
    inst.responsible.name = home_name;
    inst.responsible.position = home_position;
    inst.responsible.email = home_email;
    if (!bridge_plan_set_institution (plan, BRIDGE_PLAN_SIDE_HOME, &inst, &error))
      return bridge_cli_fail ("%s", error->message);
    inst.university = host;
    inst.faculty = host_faculty;
    inst.responsible.name = host_name;
    inst.responsible.position = host_position;
    inst.responsible.email = host_email;
    if (!bridge_plan_set_institution (plan, BRIDGE_PLAN_SIDE_HOST, &inst, &error))
      return bridge_cli_fail ("%s", error->message);
  }
  bridge_plan_set_term (plan, term);
  if (t != NULL && t->start != NULL && t->end != NULL)
    {
      int y = atoi (t->start);
      int m = atoi (t->start + 5);
      g_autofree char *year = m >= 8 ? g_strdup_printf ("%d/%d", y, y + 1) : g_strdup_printf ("%d/%d", y - 1, y);

      /* From the catalog: a term it carries with bad dates is the feed's mistake. */
      if (!bridge_plan_set_dates (plan, t->start, t->end, &error)
          || !bridge_plan_set_academic_year (plan, year, &error))
        return bridge_cli_fail ("%s", error->message);
    }
  if (!save_plan (plan, rest[0]))
    return BRIDGE_EXIT_ERROR;
  printf (_("Created %s: %s, from %s to %s in %s.\n"), rest[0], student,
          text_or (bridge_university_get_name (home_uni), home),
          text_or (bridge_university_get_name (host_uni), host), term);
  return BRIDGE_EXIT_OK;
}

/* plan add ----------------------------------------------------------------- */

static int
plan_add (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *reason = NULL, *reason_text = NULL;
  g_auto(GStrv) replaces = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "replaces", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &replaces, N_("A home course the host courses replace (repeat for more)"), N_("HOME_COURSE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("For an approved agreement: why the courses are added (substituting-deleted, extending-mobility, adding-virtual-component, other)"), N_("REASON") },
    { "reason-text", 0, 0, G_OPTION_ARG_STRING, &reason_text, N_("The reason in words (required with --reason other)"), N_("TEXT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN HOST_COURSE… — add a recognition group"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) host_ids = NULL, home_ids = NULL;
  BridgeChangeReason why = BRIDGE_CHANGE_REASON_OTHER;

  g_option_context_set_summary (context,
                                _("Adds one recognition group: the host courses (Table A) recognised as the "
                                  "home courses given with --replaces (Table B). Courses are catalog ids "
                                  "(cqu:cs301) or codes of the plan’s universities. Once the agreement is "
                                  "approved, the group goes into a changes proposal with --reason."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || rest[1] == NULL)
    return bridge_cli_usage (_("plan add takes a PLAN and at least one HOST_COURSE"));
  if (reason != NULL && !bridge_change_reason_from_string (reason, &why))
    return bridge_cli_usage (_("“%s” is not a reason for a change"), reason);

  if (!open_plan_and_catalog (rest[0], db, &plan, &catalog))
    return BRIDGE_EXIT_ERROR;
  host_ids = resolve_courses (catalog, bridge_plan_get_host_university (plan), rest + 1);
  home_ids = resolve_courses (catalog, bridge_plan_get_home_university (plan), replaces);

  if (bridge_plan_get_locked (plan))
    {
      if (reason == NULL)
        return bridge_cli_usage (_("the learning agreement is approved; give --reason to propose the change"));
      if (!bridge_plan_propose_add_group (plan, catalog, (const char * const *) host_ids,
                                          (const char * const *) home_ids, why, reason_text, &error))
        return bridge_cli_fail ("%s", error->message);
      return save_proposal (plan, rest[0]);
    }

  {
    BridgePlanGroup *group = bridge_plan_add_group (plan, catalog, (const char * const *) host_ids,
                                                    (const char * const *) home_ids, &error);

    if (group == NULL)
      return bridge_cli_fail ("%s", error->message);
    if (!save_plan (plan, rest[0]))
      return BRIDGE_EXIT_ERROR;
    printf (_("Added recognition group %s to %s.\n"), bridge_plan_group_get_id (group), rest[0]);
  }
  return BRIDGE_EXIT_OK;
}

/* plan show ---------------------------------------------------------------- */

static void
print_component (const BridgePlanComponent *c)
{
  g_autofree char *credits = g_strdup_printf ("%.1f", c->credits);
  g_autofree char *code = bridge_cli_cell (c->code ? c->code : c->course_id, -10, " ");
  g_autofree char *title = bridge_cli_cell (text_or (c->title, ""), -34, " ");
  g_autofree char *figure = bridge_cli_cell (credits, 5, "");

  printf ("    %s%s%s%s%s%s%s\n", code, title, figure,
          c->unknown ? _("  [no longer in the catalog]") : "",
          c->changed ? _("  [changed in the catalog]") : "",
          c->is_virtual ? _("  [virtual]") : "",
          c->automatic ? _("  [automatic recognition]") : "");
  if (c->comment)
    printf ("               %s %s\n", _("Comment:"), c->comment);
}

/* The decision of the register that recognises group @g, with its condition. */
static void
print_precedent (BridgePlan      *plan,
                 BridgeCatalog   *catalog,
                 BridgePlanGroup *g)
{
  g_autoptr(BridgePlanPrecedent) precedent = bridge_plan_find_precedent (plan, catalog, g);

  if (precedent == NULL)
    return;
  printf ("  %s\n", precedent->note);
  if (precedent->equivalence->conditions != NULL)
    printf ("    %s %s\n", _("Condition:"), bridge_text_pick (precedent->equivalence->conditions));
}

/* The width of the approvals' first column: the longest role label. */
/* The feedback after the stay, course by course, beside the declared workload. */
static void
print_feedback (BridgePlan *plan)
{
  g_autoptr(GPtrArray) list = bridge_plan_list_feedback (plan);

  if (list->len == 0)
    return;
  printf ("\n%s\n", _("Feedback after the stay:"));
  for (guint i = 0; i < list->len; i++)
    {
      const BridgePlanFeedback *f = g_ptr_array_index (list, i);
      BridgePlanGroup *g = bridge_plan_find_course (plan, BRIDGE_PLAN_SIDE_HOST, f->host_course_id);
      const BridgePlanComponent *c = bridge_plan_group_find_component (g, BRIDGE_PLAN_SIDE_HOST, f->host_course_id, NULL);
      g_autofree char *code = bridge_cli_cell (c->code ? c->code : c->course_id, -10, " ");
      char hours[G_ASCII_DTOSTR_BUF_SIZE], declared[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (hours, sizeof hours, "%g", f->hours);
      g_ascii_formatd (declared, sizeof declared, "%g", c->workload_hours);
      if (c->workload_hours > 0)
        /* Translators: after the course code: hours spent (declared workload in hours) · the rating */
        printf (_("  %s%s hours (declared %s) · %s\n"), code, hours, declared,
                bridge_plan_feedback_rating_get_label (f->rating));
      else
        /* Translators: after the course code: hours spent · the rating */
        printf (_("  %s%s hours · %s\n"), code, hours, bridge_plan_feedback_rating_get_label (f->rating));
      if (f->comment)
        printf ("             %s %s\n", _("Comment:"), f->comment);
    }
}

static int
role_label_width (void)
{
  int width = 0;

  for (guint r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
    width = MAX (width, bridge_cli_display_width (bridge_plan_role_get_label (r)));
  return width;
}

static int
plan_show (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *certificates = NULL;
  gboolean json = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON: the plan, its totals, warnings and digest"), NULL },
    { "certificates-file", 0, 0, G_OPTION_ARG_FILENAME, &certificates,
      N_("Warn about home courses your certificates already replace, from the record at FILE (default: the user data folder)"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN — show a learning agreement"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(BridgeHoldings) holdings = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *why = NULL;
  BridgePlanApprovalState state;
  BridgePlanTotals total = { 0 };
  gboolean have_total;
  guint n;

  g_option_context_set_summary (context,
                                _("Shows the plan: student, institutions, recognition groups with their "
                                  "credits, totals, warnings, approvals and the plan’s SHA-256 digest."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return bridge_cli_usage (_("plan show takes exactly one PLAN file"));
  if (!open_plan_and_catalog (rest[0], db, &plan, &catalog))
    return BRIDGE_EXIT_ERROR;
  /* The student's certificates: a group replacing what one already covers
   * is warned about. A record that cannot be read is said once, and the
   * plan is shown all the same. */
  if ((holdings = bridge_cli_load_holdings_for_plan (certificates)) != NULL)
    bridge_plan_set_holdings (plan, holdings);

  if (json)
    {
      g_autoptr(JsonNode) root = bridge_plan_summary_to_json (plan, catalog);

      bridge_cli_print_json (root);
      return BRIDGE_EXIT_OK;
    }

  bridge_plan_refresh (plan, catalog);
  warnings = bridge_plan_check (plan, catalog);
  digest = bridge_plan_get_agreement_digest (plan);
  state = bridge_plan_get_approval_state (plan, &why);
  have_total = bridge_plan_compute_totals (plan, catalog, NULL, &total, &error);
  n = bridge_plan_get_n_groups (plan);


  {
    const BridgePlanStudent *s = bridge_plan_get_student (plan);
    const char *start = bridge_plan_get_start_date (plan), *end = bridge_plan_get_end_date (plan);

    printf ("%s %s", _("Student:"), s->name ? s->name : "—");
    if (s->student_number)
      printf (" (%s)", s->student_number);
    printf ("\n");
    for (guint side = 2; side-- > 0;)
      {
        const BridgePlanInstitution *inst = bridge_plan_get_institution (plan, side);
        g_autoptr(BridgeUniversity) u = inst->university ? bridge_catalog_get_university (catalog, inst->university, NULL) : NULL;

        printf ("%s %s%s%s\n", side == BRIDGE_PLAN_SIDE_HOME ? _("Sending:") : _("Receiving:"),
                u ? text_or (bridge_university_get_name (u), inst->university) : (inst->university ? inst->university : "—"),
                inst->faculty ? ", " : "", inst->faculty ? inst->faculty : "");
      }
    {
      g_autoptr(BridgeUniversity) host = bridge_plan_get_host_university (plan)
                                         ? bridge_catalog_get_university (catalog, bridge_plan_get_host_university (plan), NULL)
                                         : NULL;
      g_autofree char *term = bridge_term_get_label (host, bridge_plan_get_term (plan));

      printf ("%s %s", _("Term:"), term != NULL ? term : "—");
    }
    if (start && end)
      printf (" (%s – %s)", start, end);
    printf ("\n");
  }
  if (state == BRIDGE_PLAN_APPROVAL_STATE_BROKEN)
    /* Translators: the reason, from “the plan was changed after the student approved it” */
    printf (_("NOT APPROVED: %s. The approvals below do not hold.\n"), why);
  else if (state != BRIDGE_PLAN_APPROVAL_STATE_DRAFT)
    printf (_("Approved and locked (version %u).\n"), bridge_plan_get_n_versions (plan));
  if (state == BRIDGE_PLAN_APPROVAL_STATE_APPROVED_UNBOUND)
    printf ("%s %s.\n", _("Note:"), why);

  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *g = bridge_plan_get_group (plan, i);
      BridgePlanTotals t;

      printf ("\n%s %s — %s\n", _("Group"), bridge_plan_group_get_id (g),
              bridge_plan_group_status_get_label (bridge_plan_group_get_status (g)));
      if (bridge_plan_group_get_comment (g))
        printf ("  %s %s\n", _("Comment:"), bridge_plan_group_get_comment (g));
      printf ("  %s\n", _("Studied at the host (Table A):"));
      for (guint j = 0; j < bridge_plan_group_get_n_components (g, BRIDGE_PLAN_SIDE_HOST); j++)
        print_component (bridge_plan_group_get_component (g, BRIDGE_PLAN_SIDE_HOST, j));
      printf ("  %s\n", _("Recognised at home (Table B):"));
      if (bridge_plan_group_get_n_components (g, BRIDGE_PLAN_SIDE_HOME) == 0)
        printf ("    %s\n", _("(none)"));
      for (guint j = 0; j < bridge_plan_group_get_n_components (g, BRIDGE_PLAN_SIDE_HOME); j++)
        print_component (bridge_plan_group_get_component (g, BRIDGE_PLAN_SIDE_HOME, j));
      if (bridge_plan_compute_totals (plan, catalog, g, &t, NULL))
        printf (_("  Host credits %.1f · alliance %.2f · ECTS %.2f · home %.1f (replaces %.1f)\n"),
                t.host_credits, t.alliance_credits, t.ects_credits, t.home_credits, t.replaced_credits);
      print_precedent (plan, catalog, g);
    }
  if (have_total)
    printf (_("\nTotal: host credits %.1f · alliance %.2f · ECTS %.2f · home %.1f (replaces %.1f)\n"),
            total.host_credits, total.alliance_credits, total.ects_credits, total.home_credits, total.replaced_credits);
  else
    printf ("\n%s %s\n", _("Totals unavailable:"), error->message);
  print_feedback (plan);

  if (bridge_plan_get_pending_changes (plan))
    {
      GPtrArray *changes = bridge_plan_get_pending_changes (plan);

      printf ("\n%s\n", _("Changes proposed:"));
      for (guint i = 0; i < changes->len; i++)
        {
          BridgePlanChange *c = g_ptr_array_index (changes, i);

          printf ("  %s %s (%s): %s%s%s\n", c->kind == BRIDGE_CHANGE_ADD ? "+" : "−",
                  c->component->code ? c->component->code : c->component->course_id,
                  c->side == BRIDGE_PLAN_SIDE_HOST ? "A" : "B",
                  bridge_change_reason_get_label (c->reason),
                  c->reason_text ? " — " : "", c->reason_text ? c->reason_text : "");
        }
    }

  if (bridge_plan_get_pending_changes (plan))
    {
      printf ("%s\n", _("Approvals of the proposed changes:"));
      for (guint r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
        {
          const BridgePlanApproval *a = bridge_plan_get_pending_approval (plan, r);
          g_autofree char *role = bridge_cli_cell (bridge_plan_role_get_label (r), -role_label_width (), "  ");

          printf ("  %s%s\n", role, a ? a->person.name : _("not yet"));
        }
    }

  if (bridge_plan_get_n_versions (plan) > 0)
    {
      printf ("\n%s\n", _("Approved versions:"));
      for (guint v = 1; v <= bridge_plan_get_n_versions (plan); v++)
        {
          guint n_changes = v > 1 ? bridge_plan_get_version_changes (plan, v)->len : 0;

          if (v == 1)
            printf ("  %u  %s  %s\n", v, bridge_plan_get_version_timestamp (plan, v), _("first version"));
          else
            {
              g_autofree char *what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n_changes),
                                                       n_changes);

              printf ("  %u  %s  %s\n", v, bridge_plan_get_version_timestamp (plan, v), what);
            }
        }
    }

  printf ("\n%s\n", _("Approvals:"));
  for (guint r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
    {
      const BridgePlanApproval *a = bridge_plan_get_approval (plan, r);
      g_autofree char *role = bridge_cli_cell (bridge_plan_role_get_label (r), -role_label_width (), "  ");

      if (a)
        printf ("  %s%s%s%s, %s\n", role, a->person.name,
                a->person.position ? ", " : "", a->person.position ? a->person.position : "", a->timestamp);
      else
        printf ("  %s%s\n", role, _("not yet"));
    }

  if (warnings->len > 0)
    {
      printf ("\n%s\n", _("Warnings:"));
      for (guint i = 0; i < warnings->len; i++)
        printf ("  • %s\n", ((BridgePlanWarning *) g_ptr_array_index (warnings, i))->message);
    }
  printf ("\n%s %s\n", _("SHA-256 of the agreement (as printed):"), digest);
  return BRIDGE_EXIT_OK;
}

/* plan review -------------------------------------------------------------- */

static int
plan_review (int argc, char **argv)
{
  g_autofree char *db = NULL, *status = NULL, *comment = NULL, *course = NULL;
  gboolean home = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("The group’s status: proposed, approved, needs-change or rejected"), N_("STATUS") },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("A comment (empty to remove it)"), N_("TEXT") },
    { "course", 0, 0, G_OPTION_ARG_STRING, &course, N_("Comment on this course of the group instead"), N_("COURSE") },
    { "home", 0, 0, G_OPTION_ARG_NONE, &home, N_("The course is a home course (Table B)"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN GROUP — review a recognition group"));
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  BridgePlanGroupStatus st = BRIDGE_PLAN_GROUP_PROPOSED;
  BridgePlanGroup *group;

  g_option_context_set_summary (context,
                                _("Sets the review status of a recognition group (g1, g2… as plan show lists "
                                  "them) and comments on it or on one of its courses. Reviewing does not "
                                  "change what is approved."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || rest[1] == NULL || rest[2] != NULL)
    return bridge_cli_usage (_("plan review takes a PLAN and one GROUP"));
  if (status == NULL && comment == NULL)
    return bridge_cli_usage (_("plan review needs --status or --comment"));
  if (status != NULL && !bridge_plan_group_status_from_string (status, &st))
    return bridge_cli_usage (_("“%s” is not a status (proposed, approved, needs-change or rejected)"), status);
  if (course != NULL && comment == NULL)
    return bridge_cli_usage (_("--course goes with --comment"));
  plan = open_plan (rest[0]);
  if (plan == NULL)
    return BRIDGE_EXIT_ERROR;
  group = bridge_plan_find_group (plan, rest[1], NULL);
  if (group == NULL)
    return bridge_cli_fail (_("the plan has no recognition group “%s”"), rest[1]);
  if (status != NULL)
    bridge_plan_set_group_status (plan, group, st);
  if (comment != NULL && course == NULL && !bridge_plan_set_group_comment (plan, group, comment, &error))
    return bridge_cli_fail ("%s", error->message);
  if (comment != NULL && course != NULL)
    {
      BridgePlanSide side = home ? BRIDGE_PLAN_SIDE_HOME : BRIDGE_PLAN_SIDE_HOST;
      g_autofree char *id = NULL;

      /* A code of the group's courses, or an id. */
      for (guint i = 0; i < bridge_plan_group_get_n_components (group, side) && id == NULL; i++)
        {
          const BridgePlanComponent *c = bridge_plan_group_get_component (group, side, i);

          if (g_strcmp0 (c->course_id, course) == 0 || g_ascii_strcasecmp (c->code ? c->code : "", course) == 0)
            id = g_strdup (c->course_id);
        }
      if (!bridge_plan_set_component_comment (plan, group, side, id ? id : course, comment, &error))
        return bridge_cli_fail ("%s", error->message);
    }
  if (!save_plan (plan, rest[0]))
    return BRIDGE_EXIT_ERROR;
  printf (_("Reviewed group %s of %s.\n"), rest[1], rest[0]);
  return BRIDGE_EXIT_OK;
}

/* plan approve ------------------------------------------------------------- */

static int
plan_approve (int argc, char **argv)
{
  g_autofree char *role = NULL, *name = NULL, *position = NULL, *email = NULL, *timestamp = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "as", 0, 0, G_OPTION_ARG_STRING, &role, N_("Who approves: student, sending or receiving"), N_("ROLE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The approver’s name"), N_("NAME") },
    { "position", 0, 0, G_OPTION_ARG_STRING, &position, N_("The approver’s position (required for the institutions)"), N_("POSITION") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("The approver’s email (required for the institutions)"), N_("EMAIL") },
    { "timestamp", 0, 0, G_OPTION_ARG_STRING, &timestamp, N_("When (RFC 3339; default now)"), N_("TIME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN — record an approval"));
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  BridgePlanPerson person = { 0 };
  BridgePlanRole r;
  gboolean was_locked;
  guint versions;

  g_option_context_set_summary (context,
                                _("Records the approval of the student or of the sending or receiving "
                                  "responsible person. When all three have approved, the agreement is locked; "
                                  "later approvals approve the pending changes proposal."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return bridge_cli_usage (_("plan approve takes exactly one PLAN file"));
  if (role == NULL || !bridge_plan_role_from_string (role, &r))
    return bridge_cli_usage (_("--as must be student, sending or receiving"));
  if (name == NULL)
    return bridge_cli_usage (_("plan approve needs --name"));
  if (timestamp != NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (timestamp, NULL);

      if (dt == NULL)
        return bridge_cli_usage (_("“%s” is not an RFC 3339 time (2026-06-01T10:00:00+08:00)"), timestamp);
    }
  plan = open_plan (rest[0]);
  if (plan == NULL)
    return BRIDGE_EXIT_ERROR;
  person.name = name;
  person.position = position;
  person.email = email;
  was_locked = bridge_plan_get_locked (plan);
  versions = bridge_plan_get_n_versions (plan);
  if (!bridge_plan_approve (plan, r, &person, timestamp, &error))
    return bridge_cli_fail ("%s", error->message);
  if (!save_plan (plan, rest[0]))
    return BRIDGE_EXIT_ERROR;
  if (!was_locked && bridge_plan_get_locked (plan))
    printf ("%s\n", _("All three have approved: the learning agreement is locked."));
  else if (bridge_plan_get_n_versions (plan) > versions)
    printf (_("All three have approved the changes: this is version %u of the agreement.\n"),
            bridge_plan_get_n_versions (plan));
  else
    printf (_("Recorded the approval of %s (%s).\n"), name, bridge_plan_role_get_label (r));
  return BRIDGE_EXIT_OK;
}

/* plan export -------------------------------------------------------------- */

/* The PDF with the annex of the student's certificates (--certificates),
 * judged today at the plan's home university. */
static int
export_pdf_with_certificates (BridgePlan    *plan,
                              BridgeCatalog *catalog,
                              const char    *holdings_path,
                              const char    *output)
{
  g_autoptr(BridgeHoldings) holdings = NULL;
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  if ((holdings = bridge_cli_open_holdings (holdings_path)) == NULL)
    return BRIDGE_EXIT_ERROR;
  summary = bridge_holdings_summarize (holdings, catalog, bridge_plan_get_home_university (plan), NULL, &error);
  if (summary == NULL)
    return bridge_cli_fail ("%s", error->message);
  if (!bridge_plan_export_pdf_with_annex (plan, catalog, holdings, summary, output, &error))
    return bridge_cli_fail (_("export failed: %s"), error->message);
  printf (_("Wrote %s.\n"), output);
  return BRIDGE_EXIT_OK;
}

static int
plan_export (int argc, char **argv)
{
  g_autofree char *db = NULL, *format = NULL, *output = NULL, *certificates_file = NULL;
  gboolean certificates = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("pdf, ewp-xml or json"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { "certificates", 0, 0, G_OPTION_ARG_NONE, &certificates,
      N_("PDF only: add an annex listing the student’s certificates (not part of the agreement)"), NULL },
    { "certificates-file", 0, 0, G_OPTION_ARG_FILENAME, &certificates_file,
      N_("The certificates file the annex lists (default: the user’s own); implies --certificates"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN — export the learning agreement"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_option_context_set_summary (context,
                                _("Writes the agreement as a PDF (A4, for printing and signing), as an "
                                  "Erasmus Without Paper omobility-las-get-response, or as the plan’s JSON. "
                                  "The file is written atomically: on failure an existing FILE is kept."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return bridge_cli_usage (_("plan export takes exactly one PLAN file"));
  if (format == NULL || output == NULL)
    return bridge_cli_usage (_("plan export needs --format and -o FILE"));
  if (!g_str_equal (format, "pdf") && !g_str_equal (format, "ewp-xml") && !g_str_equal (format, "json"))
    return bridge_cli_usage (_("unknown format “%s” (use pdf, ewp-xml or json)"), format);
  certificates = certificates || certificates_file != NULL;
  if (certificates && !g_str_equal (format, "pdf"))
    return bridge_cli_usage (_("--certificates is for --format pdf only: certificates are not part of the mobility, "
                               "so they never enter the EWP learning agreement or the plan’s JSON"));
  /* Also through another name, a symbolic or a hard link. */
  if (bridge_file_is_same (rest[0], output))
    {
      g_autofree char *out_name = g_filename_display_name (output);
      g_autofree char *plan_name = g_filename_display_name (rest[0]);

      bridge_cli_error (_("-o %s is the plan file %s itself, which the export would replace; "
                          "nothing was written: choose another output file"),
                        out_name, plan_name);
      return BRIDGE_EXIT_ERROR;
    }
  plan = open_plan (rest[0]);
  if (plan == NULL)
    return BRIDGE_EXIT_ERROR;

  if (g_str_equal (format, "json"))
    {
      g_autofree char *data = NULL;
      gsize length;

      data = bridge_plan_to_data (plan, &length);
      ok = bridge_file_write (output, data, length, &error);
    }
  else
    {
      catalog = bridge_cli_open_catalog (db);
      if (catalog == NULL)
        return BRIDGE_EXIT_ERROR;
      bridge_plan_refresh (plan, catalog);
      if (certificates)
        return export_pdf_with_certificates (plan, catalog, certificates_file, output);
      if (g_str_equal (format, "pdf"))
        ok = bridge_plan_export_pdf (plan, catalog, output, &error);
      else
        {
          g_autofree char *xml = bridge_plan_to_ewp_xml (plan, catalog, &error);

          ok = xml != NULL && bridge_file_write (output, xml, strlen (xml), &error);
        }
    }
  if (!ok)
    return bridge_cli_fail (_("export failed: %s"), error->message);
  printf (_("Wrote %s.\n"), output);
  return BRIDGE_EXIT_OK;
}

/* plan verify -------------------------------------------------------------- */

static int
plan_verify (int argc, char **argv)
{
  g_autofree char *expected = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "digest", 0, 0, G_OPTION_ARG_STRING, &expected, N_("The SHA-256 digest printed on the agreement"), N_("HEX") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN — check a printed agreement against its file"));
  g_autoptr(BridgePlan) plan = NULL;
  g_autofree char *given = NULL;
  g_autofree char *why = NULL;
  BridgePlanDigestMatch match;
  BridgePlanApprovalState state;
  guint version, n_versions;
  GString *clean;

  g_option_context_set_summary (context,
                                _("Compares the SHA-256 digest printed on every page of the PDF with the "
                                  "agreement in the plan file (its content and approvals, not the review or "
                                  "the grades) and checks its approvals. Exit status 0 when they match and "
                                  "hold, 1 when they do not. The digest is not a signature."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL || expected == NULL)
    return bridge_cli_usage (_("plan verify takes one PLAN file and --digest HEX"));
  /* Accept the digest as printed: spaces or line breaks inside, any case. */
  clean = g_string_new (NULL);
  for (const char *p = expected; *p; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (clean, g_ascii_tolower (*p));
    else if (!g_ascii_isspace (*p) && *p != ':' && *p != '-')
      {
        g_string_free (clean, TRUE);
        bridge_cli_error (_("“%s” is not a hexadecimal digest"), expected);
        return BRIDGE_EXIT_USAGE;
      }
  given = g_string_free (clean, FALSE);
  if (strlen (given) != BRIDGE_PLAN_DIGEST_LENGTH)
    return bridge_cli_usage (_("a SHA-256 digest has 64 hexadecimal digits; “%s” has %zu"), expected, strlen (given));
  plan = open_plan (rest[0]);
  if (plan == NULL)
    return BRIDGE_EXIT_ERROR;
  match = bridge_plan_match_digest (plan, given, &version);
  state = bridge_plan_get_approval_state (plan, &why);
  n_versions = bridge_plan_get_n_versions (plan);
  if (match == BRIDGE_PLAN_DIGEST_NO_MATCH)
    {
      g_autofree char *digest = bridge_plan_get_agreement_digest (plan);

      printf (_("The digest does NOT match: the plan file (%s) differs from the printed agreement.\n"), digest);
      if (state == BRIDGE_PLAN_APPROVAL_STATE_BROKEN)
        /* Translators: the reason, from “the plan was changed after the student approved it” */
        printf (_("Besides, the plan is NOT approved: %s.\n"), why);
      return BRIDGE_EXIT_ERROR;
    }
  if (match == BRIDGE_PLAN_DIGEST_MATCHES_VERSION && version < n_versions)
    {
      printf (_("The digest is that of version %u of the agreement, but the plan is now at version %u: "
                "the printout is out of date.\n"), version, n_versions);
      return BRIDGE_EXIT_ERROR;
    }
  if (match == BRIDGE_PLAN_DIGEST_MATCHES_VERSION)
    {
      /* Translators: a version number; the reason, from “the agreement was changed after version 1 was approved” */
      printf (_("The digest is that of version %u as it was approved, but the plan file no longer matches it: %s.\n"),
              version, why ? why : "");
      return BRIDGE_EXIT_ERROR;
    }
  if (state == BRIDGE_PLAN_APPROVAL_STATE_BROKEN)
    {
      /* Translators: the reason, from “the plan was changed after the student approved it” */
      printf (_("The digest matches the plan file, but the plan is NOT approved: %s.\n"), why);
      return BRIDGE_EXIT_ERROR;
    }
  printf (_("The digest matches: the printed agreement is this plan.\n"));
  if (state == BRIDGE_PLAN_APPROVAL_STATE_DRAFT)
    printf ("%s\n", _("It is a draft, not yet approved by all three."));
  else
    printf (_("It is version %u, approved by the student and both institutions.\n"), n_versions);
  if (state == BRIDGE_PLAN_APPROVAL_STATE_APPROVED_UNBOUND)
    printf ("%s %s.\n", _("Note:"), why);
  return BRIDGE_EXIT_OK;
}

/* plan grades -------------------------------------------------------------- */

static int
plan_grades (int argc, char **argv)
{
  g_autofree char *db = NULL, *rule = NULL;
  gboolean json = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "rule", 0, 0, G_OPTION_ARG_STRING, &rule, N_("Conversion rule: midpoint (default), largest-overlap, best or worst"), N_("RULE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the recognition record as JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN HOST_COURSE=GRADE… — enter the host’s grades and convert them"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GPtrArray) rec = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context,
                                _("Records the grades the host gave (a label of the course’s scale or a mark) "
                                  "and converts them, group by group, into home grades through the grading "
                                  "tables: the recognition record."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL)
    return bridge_cli_usage (_("plan grades takes a PLAN and HOST_COURSE=GRADE pairs"));
  for (guint i = 1; rest[i]; i++)
    if (strchr (rest[i], '=') == NULL || rest[i][0] == '=')
      return bridge_cli_usage (_("“%s” is not HOST_COURSE=GRADE"), rest[i]);
  if (!open_plan_and_catalog (rest[0], db, &plan, &catalog))
    return BRIDGE_EXIT_ERROR;

  for (guint i = 1; rest[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (rest[i], "=", 2);
      g_autofree char *id = resolve_course (catalog, bridge_plan_get_host_university (plan), kv[0]);

      if (!bridge_plan_set_grade (plan, catalog, id, kv[1], &error))
        return bridge_cli_fail ("%s", error->message);
    }
  rec = bridge_plan_convert_grades (plan, catalog, rule, &error);
  if (rec == NULL)
    return bridge_cli_fail ("%s", error->message);
  if (!save_plan (plan, rest[0]))
    return BRIDGE_EXIT_ERROR;

  if (json)
    {
      g_autoptr(JsonNode) root = bridge_plan_recognition_to_json (rec);

      bridge_cli_print_json (root);
      return BRIDGE_EXIT_OK;
    }

  printf ("%s\n", _("Recognition record:"));
  for (guint i = 0; i < rec->len; i++)
    {
      BridgePlanRecognition *r = g_ptr_array_index (rec, i);
      g_autofree char *credits = g_strdup_printf ("%.1f", r->credits);
      g_autofree char *code = bridge_cli_cell (r->code ? r->code : r->course_id, -10, " ");
      g_autofree char *title = bridge_cli_cell (text_or (r->title, ""), -30, " ");
      g_autofree char *figure = bridge_cli_cell (credits, 5, "  ");
      g_autofree char *grade = bridge_cli_cell (r->grade ? r->grade : "—", -8, " ");

      printf ("  %s%s%s%s%s%s\n", code, title, figure, grade, r->host_grades,
              r->approximate ? _(" (approximate)") : "");
      if (r->candidates)
        printf ("             %s %s\n", _("Candidates:"), r->candidates);
      if (r->reason)
        printf ("             %s\n", r->reason);
    }
  return BRIDGE_EXIT_OK;
}

/* plan feedback ------------------------------------------------------------ */

/* The Table A course of @plan that @arg names: its id, or its code in any
 * case; @arg itself when none (the engine then says it is not in Table A). */
static const char *
find_host_course (BridgePlan *plan,
                  const char *arg)
{
  for (guint i = 0; i < bridge_plan_get_n_groups (plan); i++)
    {
      BridgePlanGroup *g = bridge_plan_get_group (plan, i);

      for (guint j = 0; j < bridge_plan_group_get_n_components (g, BRIDGE_PLAN_SIDE_HOST); j++)
        {
          const BridgePlanComponent *c = bridge_plan_group_get_component (g, BRIDGE_PLAN_SIDE_HOST, j);

          if (g_str_equal (c->course_id, arg) || (c->code != NULL && g_ascii_strcasecmp (c->code, arg) == 0))
            return c->course_id;
        }
    }
  return arg;
}

static int
plan_feedback (int argc, char **argv)
{
  g_autofree char *hours_text = NULL, *rating_text = NULL, *comment = NULL;
  gboolean clear = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "hours", 0, 0, G_OPTION_ARG_STRING, &hours_text, N_("The hours spent on the course: class, self-study and exams (more than 0, at most 2000)"), N_("N") },
    { "rating", 0, 0, G_OPTION_ARG_STRING, &rating_text, N_("How satisfied you were: 1 (very dissatisfied) to 5 (very satisfied)"), N_("R") },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("A comment on the course (optional)"), N_("TEXT") },
    { "clear", 0, 0, G_OPTION_ARG_NONE, &clear, N_("Remove the feedback on the course"), NULL },
    /* Named once, in the usage line below. */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN HOST_COURSE — say how a host course was, after the stay"));
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;
  double hours = 0;
  guint rating = 0;

  g_option_context_set_summary (context,
                                _("Records in the plan the hours you actually spent on a host course (class, "
                                  "self-study and exams), how satisfied you were, and an optional comment. "
                                  "The feedback is not part of the approved agreement: its digest stays. "
                                  "HOST_COURSE is a course of Table A, by id or code."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || rest[1] == NULL || rest[2] != NULL)
    return bridge_cli_usage (_("plan feedback takes a PLAN and one HOST_COURSE"));
  if (clear && (hours_text != NULL || rating_text != NULL || comment != NULL))
    return bridge_cli_usage (_("%s: --clear removes the feedback on %s; give it without --hours, --rating or --comment"),
                             rest[0], rest[1]);
  if (!clear && (hours_text == NULL || rating_text == NULL))
    return bridge_cli_usage (_("%s: give the feedback on %s with --hours N and --rating R, or remove it with --clear"),
                             rest[0], rest[1]);
  plan = bridge_plan_new_from_file (rest[0], &error);
  if (plan == NULL)
    /* Translators: why the plan does not open, then a course */
    return bridge_cli_fail (_("%s; the feedback on %s was not recorded"), error->message, rest[1]);
  id = find_host_course (plan, rest[1]);

  if (clear)
    {
      if (!bridge_plan_clear_feedback (plan, id))
        {
          printf (_("%s holds no feedback on %s; nothing to remove.\n"), rest[0], rest[1]);
          return BRIDGE_EXIT_OK;
        }
      if (!save_plan (plan, rest[0]))
        return BRIDGE_EXIT_ERROR;
      printf (_("Removed the feedback on %s from %s.\n"), rest[1], rest[0]);
      return BRIDGE_EXIT_OK;
    }

  if (!bridge_plan_parse_feedback_hours (rest[1], hours_text, &hours, &error)
      || !bridge_plan_parse_feedback_rating (rest[1], rating_text, &rating, &error)
      || !bridge_plan_set_feedback (plan, id, hours, rating, comment, &error))
    return bridge_cli_usage ("%s: %s", rest[0], error->message);
  if (!save_plan (plan, rest[0]))
    return BRIDGE_EXIT_ERROR;
  {
    char given[G_ASCII_DTOSTR_BUF_SIZE];

    g_ascii_formatd (given, sizeof given, "%g", hours);
    printf (_("Recorded the feedback on %s in %s: %s hours, rated %s.\n"), rest[1], rest[0], given,
            bridge_plan_feedback_rating_get_label (rating));
  }
  return BRIDGE_EXIT_OK;
}

/* plan remove ---------------------------------------------------------------- */

static int
plan_remove (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *reason = NULL, *reason_text = NULL;
  gboolean home = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "home", 0, 0, G_OPTION_ARG_NONE, &home, N_("The course is a home course (Table B)"), NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("For an approved agreement: why the course goes (not-available, language-mismatch, timetable-conflict, other)"), N_("REASON") },
    { "reason-text", 0, 0, G_OPTION_ARG_STRING, &reason_text, N_("The reason in words (required with --reason other)"), N_("TEXT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN COURSE — remove a course from the plan"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  BridgePlanSide side = home ? BRIDGE_PLAN_SIDE_HOME : BRIDGE_PLAN_SIDE_HOST;
  BridgeChangeReason why = BRIDGE_CHANGE_REASON_OTHER;
  BridgePlanGroup *group;

  g_option_context_set_summary (context,
                                _("Removes a host course (or, with --home, a home course) from its recognition "
                                  "group. Once the agreement is approved, the removal goes into a changes "
                                  "proposal with --reason."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  side = home ? BRIDGE_PLAN_SIDE_HOME : BRIDGE_PLAN_SIDE_HOST;
  if (rest == NULL || rest[0] == NULL || rest[1] == NULL || rest[2] != NULL)
    return bridge_cli_usage (_("plan remove takes a PLAN and one COURSE"));
  if (reason != NULL && !bridge_change_reason_from_string (reason, &why))
    return bridge_cli_usage (_("“%s” is not a reason for a change"), reason);
  if (!open_plan_and_catalog (rest[0], db, &plan, &catalog))
    return BRIDGE_EXIT_ERROR;
  id = resolve_course (catalog, home ? bridge_plan_get_home_university (plan) : bridge_plan_get_host_university (plan), rest[1]);
  group = bridge_plan_find_course (plan, side, id);
  if (group == NULL)
    return bridge_cli_fail (_("“%s” is not in the plan"), rest[1]);
  if (bridge_plan_get_locked (plan))
    {
      if (reason == NULL)
        return bridge_cli_usage (_("the learning agreement is approved; give --reason to propose the change"));
      if (!bridge_plan_propose_delete (plan, group, side, id, why, reason_text, &error))
        return bridge_cli_fail ("%s", error->message);
      return save_proposal (plan, rest[0]);
    }
  {
    g_autoptr(BridgePlanComponent) removed = bridge_plan_remove_component (plan, group, side, id, NULL, &error);

    if (removed == NULL)
      return bridge_cli_fail ("%s", error->message);
  }
  if (!save_plan (plan, rest[0]))
    return BRIDGE_EXIT_ERROR;
  printf (_("Removed %s from %s.\n"), rest[1], rest[0]);
  return BRIDGE_EXIT_OK;
}

/* plan import -------------------------------------------------------------- */

static int
plan_import (int argc, char **argv)
{
  g_autofree char *db = NULL, *from = NULL;
  gboolean force = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "from-ewp", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("The EWP omobility-las-get-response to read"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing plan file"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN — make a plan from a partner’s EWP learning agreement"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  gsize length;
  guint unknown;

  g_option_context_set_summary (context,
                                _("Reads the first learning agreement (la) of an EWP omobility-las-get-response "
                                  "into the plan file PLAN: student, institutions, components, approvals and "
                                  "changes. Universities and courses are matched in the catalog by EWP hei-id "
                                  "and code; the others are kept and flagged."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL || from == NULL)
    return bridge_cli_usage (_("plan import takes one PLAN file and --from-ewp FILE"));
  if (!force && g_file_test (rest[0], G_FILE_TEST_EXISTS))
    return bridge_cli_fail (_("%s already exists; use --force to replace it"), rest[0]);
  if (!g_file_get_contents (from, &xml, &length, &error))
    return bridge_cli_fail ("%s", error->message);
  catalog = bridge_cli_open_catalog (db);
  if (catalog == NULL)
    return BRIDGE_EXIT_ERROR;
  plan = bridge_plan_new_from_ewp_xml (xml, (gssize) length, catalog, &error);
  if (plan == NULL)
    return bridge_cli_fail ("%s: %s", from, error->message);
  if (!save_plan (plan, rest[0]))
    return BRIDGE_EXIT_ERROR;
  unknown = bridge_plan_refresh (plan, catalog);
  printf (_("Imported %s into %s.\n"), from, rest[0]);
  if (unknown > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, "%u course is not in the catalog; it is kept and flagged.\n",
                         "%u courses are not in the catalog; they are kept and flagged.\n", unknown), unknown);
  return BRIDGE_EXIT_OK;
}

/* plan refresh ------------------------------------------------------------- */

/* "CS301  credits 3.5 → 4.5 · workload 126 → 144 h": the figures of a changed
 * component, before they are taken. */
static void
print_changed_figures (const BridgePlanComponent *c)
{
  g_autofree char *code = bridge_cli_cell (c->code ? c->code : c->course_id, -10, " ");
  g_autoptr(GString) line = g_string_new (NULL);

  if (c->catalog_credits != c->credits && c->credits > 0)
    /* Translators: credits the plan recorded → the catalog's */
    g_string_append_printf (line, _("credits %.1f → %.1f"), c->credits, c->catalog_credits);
  if (c->counted_workload_hours > 0 && c->catalog_workload_hours > 0 &&
      c->counted_workload_hours != c->catalog_workload_hours)
    {
      char before[G_ASCII_DTOSTR_BUF_SIZE], after[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (before, sizeof before, "%.6g", c->counted_workload_hours);
      g_ascii_formatd (after, sizeof after, "%.6g", c->catalog_workload_hours);
      if (line->len > 0)
        g_string_append (line, " · ");
      /* Translators: workload in hours the plan counted → the catalog's */
      g_string_append_printf (line, _("workload %s → %s h"), before, after);
    }
  printf ("  %s%s\n", code, line->str);
}

static int
plan_refresh (int argc, char **argv)
{
  g_autofree char *db = NULL;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN — take the catalog’s new credits and workload"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  guint n_taken = 0;

  g_option_context_set_summary (context,
                                _("A plan keeps the credits and workload it recorded of each course. When "
                                  "an update of the catalog changed them (plan show warns), this takes "
                                  "the catalog’s figures into PLAN, once you checked them with the "
                                  "university. An approved agreement keeps the figures it was approved "
                                  "with: reopen it as a new draft first (plan reopen). Exit status: 0 "
                                  "done (also when nothing changed), 1 error (an approved agreement, a "
                                  "file that cannot be written), 2 wrong usage."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL)
    return bridge_cli_usage (_("plan refresh takes exactly one PLAN file"));
  if (!open_plan_and_catalog (rest[0], db, &plan, &catalog))
    return BRIDGE_EXIT_ERROR;
  bridge_plan_refresh (plan, catalog);
  if (bridge_plan_count_changed (plan) == 0)
    {
      printf (_("No course of %s changed in the catalog.\n"), rest[0]);
      return BRIDGE_EXIT_OK;
    }
  if (bridge_plan_get_locked (plan))
    {
      bridge_plan_use_catalog_figures (plan, catalog, NULL, &error);
      return bridge_cli_fail ("%s: %s", rest[0], error->message);
    }
  for (guint i = 0; i < bridge_plan_get_n_groups (plan); i++)
    for (guint side = 0; side < 2; side++)
      for (guint j = 0; j < bridge_plan_group_get_n_components (bridge_plan_get_group (plan, i), side); j++)
        {
          const BridgePlanComponent *c = bridge_plan_group_get_component (bridge_plan_get_group (plan, i), side, j);

          if (c->changed)
            print_changed_figures (c);
        }
  if (!bridge_plan_use_catalog_figures (plan, catalog, &n_taken, &error))
    return bridge_cli_fail ("%s: %s", rest[0], error->message);
  if (!save_plan (plan, rest[0]))
    return BRIDGE_EXIT_ERROR;
  printf (g_dngettext (GETTEXT_PACKAGE, "Took the catalog’s figures for %u course into %s.\n",
                       "Took the catalog’s figures for %u courses into %s.\n", n_taken),
          n_taken, rest[0]);
  return BRIDGE_EXIT_OK;
}

/* plan reopen -------------------------------------------------------------- */

static int
plan_reopen (int argc, char **argv)
{
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  g_auto(GStrv) rest = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The new draft's plan file"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing plan file"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PLAN — start a new draft of an approved agreement"));
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(BridgePlan) draft = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) in = NULL, out = NULL;

  g_option_context_set_summary (context,
                                _("Writes to --output a new draft with what the approved agreement PLAN "
                                  "says, to correct what it lacks and approve again; PLAN stays as the "
                                  "record of what was approved."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (rest == NULL || rest[0] == NULL || rest[1] != NULL || output == NULL || output[0] == '\0')
    return bridge_cli_usage (_("plan reopen takes one PLAN file and --output FILE"));
  in = g_file_new_for_commandline_arg (rest[0]);
  out = g_file_new_for_commandline_arg (output);
  if (g_file_equal (in, out))
    return bridge_cli_usage (_("--output must be another file: %s is the record of the approved agreement"), rest[0]);
  if (!force && g_file_test (output, G_FILE_TEST_EXISTS))
    return bridge_cli_fail (_("%s already exists; use --force to replace it"), output);
  plan = open_plan (rest[0]);
  if (plan == NULL)
    return BRIDGE_EXIT_ERROR;
  draft = bridge_plan_new_draft_from (plan, &error);
  if (draft == NULL)
    return bridge_cli_fail ("%s", error->message);
  if (!save_plan (draft, output))
    return BRIDGE_EXIT_ERROR;
  printf (_("Wrote %s: a new draft of the agreement in %s, to be approved again by all three.\n"),
          output, rest[0]);
  missing = bridge_plan_check_ready (draft);
  if (missing->len > 0)
    printf ("%s\n", _("Before it can be approved, it needs:"));
  for (guint i = 0; i < missing->len; i++)
    printf ("  • %s\n", (const char *) g_ptr_array_index (missing, i));
  return BRIDGE_EXIT_OK;
}

/* Dispatch ----------------------------------------------------------------- */

static const BridgeCliCommand subcommands[] = {
  { "new", plan_new, N_("Start a learning agreement for a student, home and host university and term") },
  { "add", plan_add, N_("Add a recognition group: host courses and the home courses they replace") },
  { "remove", plan_remove, N_("Remove a course, or propose removing it from an approved agreement") },
  { "show", plan_show, N_("Show the plan with its credits, warnings, approvals and digest") },
  { "review", plan_review, N_("Set a group’s review status and comment on it or its courses") },
  { "approve", plan_approve, N_("Record the approval of the student or a responsible person") },
  { "export", plan_export, N_("Export as PDF, EWP XML or JSON") },
  { "verify", plan_verify, N_("Check a printed agreement’s digest against the plan file") },
  { "grades", plan_grades, N_("Enter the host’s grades and convert them into home grades") },
  { "feedback", plan_feedback, N_("Record the hours spent on a host course and how satisfied you were") },
  { "import", plan_import, N_("Make a plan from a partner’s EWP learning agreement") },
  { "refresh", plan_refresh, N_("Take the catalog’s new credits and workload for courses an update changed") },
  { "reopen", plan_reopen, N_("Start a new draft of an approved agreement, to correct and approve again") },
};

int
bridge_cli_plan (int argc, char **argv)
{
  return bridge_cli_dispatch ("plan", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
