/* bridge-cli-mine.c: certificate mine|add|remove|home|student, the
 * student's own record of certificates ("My certificates")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bridge-cli.h"
#include "bridge-error.h"
#include "bridge-holdings.h"
#include "bridge-json.h"

/* The --file option of the commands on the record. */
#define FILE_OPTION(var) \
  { "file", 0, 0, G_OPTION_ARG_FILENAME, &(var), N_("Use the record of certificates at FILE (default: the user data folder)"), N_("FILE") }

BridgeHoldings *
bridge_cli_open_holdings (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeHoldings) holdings = bridge_holdings_load (file, &error);

  if (error != NULL)
    {
      g_autofree char *display = g_filename_display_name (bridge_holdings_get_path (holdings));

      bridge_cli_error ("%s", error->message);
      /* Translators: the file of the record */
      bridge_cli_error (_("Nothing was changed in %s. To start a new record, move the file aside first "
                          "(keep it: it holds your certificates)."),
                        display);
      return NULL;
    }
  return g_steal_pointer (&holdings);
}

static int
save_holdings (BridgeHoldings *holdings)
{
  g_autoptr(GError) error = NULL;

  if (!bridge_holdings_save (holdings, &error))
    return bridge_cli_fail ("%s", error->message);
  return BRIDGE_EXIT_OK;
}

static const char *
certificate_name (const BridgeCertificate *certificate,
                  const char              *id)
{
  return certificate != NULL && certificate->name != NULL ? bridge_text_pick (certificate->name) : id;
}

BridgeHoldings *
bridge_cli_load_holdings_for_plan (const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeHoldings) holdings = bridge_holdings_load (file, &error);

  if (error != NULL)
    {
      /* Translators: the reason the record cannot be read */
      if (!bridge_cli_is_quiet ())
        bridge_cli_error (_("warning: %s; the plan is shown without the check against your certificates"),
                          error->message);
      return NULL;
    }
  return g_steal_pointer (&holdings);
}

/* What an entry grants, on one line. */
static void
print_entry (BridgeCatalog             *catalog,
             const BridgeHoldingsEntry *entry,
             const char                *on)
{
  const BridgeCertificateJudgement *judgement = entry->judgement;
  const BridgeHolding *holding = entry->holding;
  g_autoptr(GString) line = g_string_new (NULL);

  if (holding->number != NULL)
    /* Translators: a certificate's id and name, the day obtained, then its own number */
    printf (_("%s  %s, obtained %s (No. %s)\n"), holding->certificate_id,
            certificate_name (entry->certificate, holding->certificate_id), holding->obtained, holding->number);
  else
    /* Translators: a certificate's id and name, then the day obtained */
    printf (_("%s  %s, obtained %s\n"), holding->certificate_id,
            certificate_name (entry->certificate, holding->certificate_id), holding->obtained);

  if (judgement == NULL || !judgement->recognised)
    {
      g_autofree char *reason = bridge_holdings_entry_dup_reason (entry, on);

      printf ("   %s\n", reason);
      return;
    }
  {
    g_autofree char *grants = bridge_cli_describe_grant (catalog, judgement->credits,
                                                         (const char * const *) judgement->replaces);

    g_string_append (line, grants);
  }
  g_string_append (line, _("; "));
  if (judgement->valid_until != NULL)
    g_string_append_printf (line, _("valid until %s"), judgement->valid_until);
  else
    g_string_append (line, _("valid without limit"));
  if (entry->expiring)
    g_string_append_printf (line, g_dngettext (GETTEXT_PACKAGE, " — about to expire (within %d month)",
                                               " — about to expire (within %d months)",
                                               BRIDGE_HOLDINGS_EXPIRING_MONTHS),
                            BRIDGE_HOLDINGS_EXPIRING_MONTHS);
  if (!entry->counted)
    g_string_append (line, _(" — not counted (see the notes)"));
  printf ("   %s\n", line->str);
}

static void
print_summary (BridgeCatalog               *catalog,
               BridgeHoldings              *holdings,
               const BridgeHoldingsSummary *summary)
{
  g_autofree char *home = bridge_catalog_dup_university_label (catalog, summary->home_id);
  g_autofree char *total = g_strdup_printf ("%g", summary->total_credits);
  const char *name = bridge_holdings_get_student_name (holdings);
  const char *id = bridge_holdings_get_student_id (holdings);

  /* Translators: "My certificates at 四川大学, judged on 2026-12-04:" */
  printf (_("My certificates at %s, judged on %s:\n"), home, summary->on);
  if (name != NULL || id != NULL)
    /* Translators: the student's name, then their student number */
    printf (_("Student: %s (%s)\n"), name != NULL ? name : "—", id != NULL ? id : "—");
  if (summary->entries->len == 0)
    {
      printf ("%s\n", _("You have recorded no certificates; add one with "
                        "“certificate add CERTIFICATE --obtained YYYY-MM-DD”."));
      return;
    }
  for (guint i = 0; i < summary->entries->len; i++)
    print_entry (catalog, g_ptr_array_index (summary->entries, i), summary->on);
  if (summary->notes->len > 0)
    {
      printf ("%s\n", _("Notes:"));
      for (guint i = 0; i < summary->notes->len; i++)
        printf ("  • %s\n", (const char *) g_ptr_array_index (summary->notes, i));
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "Total: %s credit\n", "Total: %s credits\n", bridge_text_plural_count (total)),
          total);
  /* Translators: the counts of the certificates in the total's line */
  printf (_("%u recognised (%u about to expire), %u expired, %u not recognised, %u not in the catalog\n"),
          summary->n_recognised, summary->n_expiring, summary->n_expired, summary->n_not_recognised,
          summary->n_unknown);
}

int
bridge_cli_certificate_mine (int    argc,
                             char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *file = NULL;
  g_autofree char *home = NULL;
  g_autofree char *on = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    FILE_OPTION (file),
    { "home", 0, 0, G_OPTION_ARG_STRING, &home, N_("Judge them at this university (default: the record’s home)"), N_("UNIVERSITY") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("Judge them on this day (default today)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the certificates you hold and what your home university grants for them"));
  g_autoptr(BridgeHoldings) holdings = NULL;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_description (context,
                                    _("Each certificate you recorded with what it grants, marked when it is about "
                                      "to expire (its last day within 6 months, that day included) or expired, the "
                                      "notes and the total. Two valid certificates that replace the same home course "
                                      "count once: the larger grant, on a tie the earlier obtained.\n\n"
                                      "With --json: home, on, total_credits, recognised, expiring, expired, "
                                      "not_recognised, unknown, notes and certificates (each with certificate, "
                                      "name, issuer, number, obtained, known, expiring, counted and what "
                                      "“certificate credits --json” gives).\n\n"
                                      "Exit status: 0 done, 1 error (unknown university, a damaged record), "
                                      "2 wrong usage (no home university, a bad date)."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (argc > 1)
    return bridge_cli_usage (_("certificate mine takes no argument"));
  if ((holdings = bridge_cli_open_holdings (file)) == NULL)
    return BRIDGE_EXIT_ERROR;
  if ((home == NULL || *home == '\0') && bridge_holdings_get_home (holdings) == NULL)
    return bridge_cli_usage (_("certificate mine needs --home UNIVERSITY, or a home set with “certificate home UNIVERSITY”"));
  if ((catalog = bridge_cli_open_catalog (db)) == NULL)
    return BRIDGE_EXIT_ERROR;
  summary = bridge_holdings_summarize (holdings, catalog, home, on, &error);
  if (summary == NULL)
    {
      if (g_error_matches (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT))
        return bridge_cli_usage ("%s", error->message);
      return bridge_cli_fail ("%s", error->message);
    }
  if (json)
    {
      g_autoptr(JsonNode) root = bridge_holdings_summary_to_json (summary);

      bridge_cli_print_json (bridge_json_set_output_version (root, BRIDGE_JSON_OUTPUT_VERSION));
      return BRIDGE_EXIT_OK;
    }
  print_summary (catalog, holdings, summary);
  return BRIDGE_EXIT_OK;
}

int
bridge_cli_certificate_add (int    argc,
                            char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *file = NULL;
  g_autofree char *obtained = NULL;
  g_autofree char *number = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    FILE_OPTION (file),
    { "obtained", 0, 0, G_OPTION_ARG_STRING, &obtained, N_("The day the certificate was obtained (required)"), N_("YYYY-MM-DD") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &number, N_("The number printed on the certificate"), N_("NUMBER") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CERTIFICATE — record a certificate you hold"));
  g_autoptr(BridgeHoldings) holdings = NULL;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_description (context,
                                    _("Example:\n"
                                      "  credit-bridge-cli certificate add ncre-2 --obtained 2025-06-20\n\n"
                                      "The date must be a calendar date, not before 1950 and not after today. The "
                                      "same certificate may be recorded again with another date.\n\n"
                                      "Exit status: 0 done, 1 error (unknown certificate, a damaged record), "
                                      "2 wrong usage (a bad date, the same certificate on the same day)."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (argc != 2)
    return bridge_cli_usage (_("certificate add needs one CERTIFICATE id; “certificate list” lists them"));
  if (obtained == NULL)
    return bridge_cli_usage (_("certificate add needs --obtained YYYY-MM-DD, the day the certificate was obtained"));
  if ((holdings = bridge_cli_open_holdings (file)) == NULL)
    return BRIDGE_EXIT_ERROR;
  if ((catalog = bridge_cli_open_catalog (db)) == NULL)
    return BRIDGE_EXIT_ERROR;
  if (!bridge_holdings_add (holdings, catalog, argv[1], obtained, number, NULL, &error))
    {
      if (g_error_matches (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT))
        return bridge_cli_usage ("%s", error->message);
      return bridge_cli_fail ("%s", error->message);
    }
  if ((status = save_holdings (holdings)) != BRIDGE_EXIT_OK)
    return status;
  certificate = bridge_catalog_get_certificate (catalog, argv[1], NULL);
  /* Translators: a certificate's name, then the day obtained */
  printf (_("Added “%s”, obtained %s, to your certificates.\n"), certificate_name (certificate, argv[1]), obtained);
  return BRIDGE_EXIT_OK;
}

int
bridge_cli_certificate_remove (int    argc,
                               char **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *obtained = NULL;
  const GOptionEntry entries[] = {
    FILE_OPTION (file),
    { "obtained", 0, 0, G_OPTION_ARG_STRING, &obtained, N_("The day it was obtained, when you hold it more than once"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CERTIFICATE — take a certificate out of your record"));
  g_autoptr(BridgeHoldings) holdings = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) dates = g_string_new (NULL);
  g_autofree char *removed = NULL;
  guint index;

  g_option_context_set_description (context,
                                    _("Exit status: 0 done, 1 error (a certificate you do not hold, a damaged "
                                      "record), 2 wrong usage (a certificate held more than once and no --obtained)."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (argc != 2)
    return bridge_cli_usage (_("certificate remove needs one CERTIFICATE id; “certificate mine” lists yours"));
  if ((holdings = bridge_cli_open_holdings (file)) == NULL)
    return BRIDGE_EXIT_ERROR;
  for (guint i = 0; i < bridge_holdings_get_n_holdings (holdings); i++)
    {
      const BridgeHolding *holding = bridge_holdings_get_holding (holdings, i);

      if (g_str_equal (holding->certificate_id, argv[1])
          && (obtained == NULL || g_str_equal (holding->obtained, obtained)))
        {
          g_array_append_val (found, i);
          if (dates->len > 0)
            g_string_append (dates, _(", "));
          g_string_append (dates, holding->obtained);
        }
    }
  if (found->len == 0 && obtained != NULL)
    /* Translators: a certificate id, then a date */
    return bridge_cli_fail (_("You hold no certificate “%s” obtained on %s; “certificate mine” lists yours"),
                            argv[1], obtained);
  if (found->len == 0)
    return bridge_cli_fail (_("You hold no certificate “%s”; “certificate mine” lists yours"), argv[1]);
  if (found->len > 1)
    /* Translators: a certificate id, then the dates it was obtained on */
    return bridge_cli_usage (_("You hold “%s” more than once (obtained on %s); say which with --obtained YYYY-MM-DD"),
                             argv[1], dates->str);
  index = g_array_index (found, guint, 0);
  removed = g_strdup (bridge_holdings_get_holding (holdings, index)->obtained);
  bridge_holdings_remove (holdings, index);
  if (save_holdings (holdings) != BRIDGE_EXIT_OK)
    return BRIDGE_EXIT_ERROR;
  /* Translators: a certificate id, then the day obtained */
  printf (_("Removed “%s”, obtained %s, from your certificates.\n"), argv[1], removed);
  return BRIDGE_EXIT_OK;
}

int
bridge_cli_certificate_home (int    argc,
                             char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *file = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    FILE_OPTION (file),
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("UNIVERSITY — the home university that is to recognise your certificates"));
  g_autoptr(BridgeHoldings) holdings = NULL;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeUniversity) university = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_description (context,
                                    _("“certificate mine” judges your certificates there unless told --home.\n\n"
                                      "Exit status: 0 done, 1 error (unknown university, a damaged record), "
                                      "2 wrong usage."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (argc != 2 || *argv[1] == '\0')
    return bridge_cli_usage (_("certificate home needs one UNIVERSITY id; “catalog universities” lists them"));
  if ((holdings = bridge_cli_open_holdings (file)) == NULL)
    return BRIDGE_EXIT_ERROR;
  if ((catalog = bridge_cli_open_catalog (db)) == NULL)
    return BRIDGE_EXIT_ERROR;
  if ((university = bridge_catalog_get_university (catalog, argv[1], &error)) == NULL)
    return bridge_cli_fail ("%s", error->message);
  bridge_holdings_set_home (holdings, argv[1]);
  if (save_holdings (holdings) != BRIDGE_EXIT_OK)
    return BRIDGE_EXIT_ERROR;
  /* Translators: a university's name */
  printf (_("Your certificates are now judged at %s.\n"), bridge_university_get_label (university));
  return BRIDGE_EXIT_OK;
}

int
bridge_cli_certificate_student (int    argc,
                                char **argv)
{
  g_autofree char *file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  const GOptionEntry entries[] = {
    FILE_OPTION (file),
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Your name, as on the certificates"), N_("NAME") },
    { "id", 0, 0, G_OPTION_ARG_STRING, &id, N_("Your student number"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— who holds the certificates, for the statement"));
  g_autoptr(BridgeHoldings) holdings = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_description (context,
                                    _("An option not given keeps what the record has; an empty one clears it.\n\n"
                                      "Exit status: 0 done, 1 error (a damaged record), 2 wrong usage (text a "
                                      "record cannot carry)."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (argc > 1)
    return bridge_cli_usage (_("certificate student takes no argument; give --name NAME and --id ID"));
  if (name == NULL && id == NULL)
    return bridge_cli_usage (_("certificate student needs --name NAME, --id ID or both"));
  if ((holdings = bridge_cli_open_holdings (file)) == NULL)
    return BRIDGE_EXIT_ERROR;
  if (!bridge_holdings_set_student (holdings,
                                    name != NULL ? name : bridge_holdings_get_student_name (holdings),
                                    id != NULL ? id : bridge_holdings_get_student_id (holdings), &error))
    return bridge_cli_usage ("%s", error->message);
  if (save_holdings (holdings) != BRIDGE_EXIT_OK)
    return BRIDGE_EXIT_ERROR;
  printf (_("Student: %s (%s)\n"),
          bridge_holdings_get_student_name (holdings) != NULL ? bridge_holdings_get_student_name (holdings) : "—",
          bridge_holdings_get_student_id (holdings) != NULL ? bridge_holdings_get_student_id (holdings) : "—");
  return BRIDGE_EXIT_OK;
}
