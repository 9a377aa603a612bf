/* bridge-cli-statement.c: certificate statement, the credit-bank statement
 * for the academic office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bridge-cli.h"
#include "bridge-error.h"
#include "bridge-statement.h"

/* "pdf" or "json" from --format, else from the name's extension; NULL when neither says. */
static const char *
statement_format (const char *format,
                  const char *output)
{
  if (format != NULL)
    return g_ascii_strcasecmp (format, "pdf") == 0 ? "pdf" : g_ascii_strcasecmp (format, "json") == 0 ? "json" : NULL;
  if (g_str_has_suffix (output, ".pdf") || g_str_has_suffix (output, ".PDF"))
    return "pdf";
  if (g_str_has_suffix (output, ".json") || g_str_has_suffix (output, ".JSON"))
    return "json";
  return NULL;
}

int
bridge_cli_certificate_statement (int    argc,
                                  char **argv)
{
  g_autofree char *db = NULL, *format = NULL, *output = NULL, *file = NULL, *home = NULL, *on = NULL;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (required)"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("pdf or json (default: from the name of FILE)"), N_("FORMAT") },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("The student’s certificates file (default: the user’s own)"), N_("HOLDINGS") },
    { "home", 0, 0, G_OPTION_ARG_STRING, &home, N_("The home university (default: the one the certificates file names)"), N_("UNIVERSITY") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("Judge the certificates on this day (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— export the credit-bank statement for the academic office"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeHoldings) holdings = NULL;
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *total = NULL;
  const char *kind;
  gboolean ok;

  g_option_context_set_summary (context,
                                _("Writes the student’s certificates, judged at the home university, as a PDF to hand "
                                  "in (A4, Chinese text, the SHA-256 digest on every page) or as JSON. Both carry the "
                                  "same digest, so the office can check one against the other. The file is written "
                                  "atomically: on failure an existing FILE is kept."));
  g_option_context_set_description (context,
                                    _("Example:\n"
                                      "  credit-bridge-cli certificate statement -o statement.pdf --home scu\n\n"
                                      "Exit status: 0 written, 1 error (a damaged or newer certificates file, an "
                                      "unknown university, a file that cannot be written), 2 wrong usage (no home "
                                      "university chosen, a day that is not a date)."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (argc != 1)
    return bridge_cli_usage (_("certificate statement takes no arguments, only options"));
  if (output == NULL || *output == '\0')
    return bridge_cli_usage (_("certificate statement needs -o FILE, the statement to write (.pdf or .json)"));
  kind = statement_format (format, output);
  if (kind == NULL && format != NULL)
    return bridge_cli_usage (_("unknown format “%s” (use pdf or json)"), format);
  if (kind == NULL)
    return bridge_cli_usage (_("cannot tell the format from the name %s: end it in .pdf or .json, or give --format"),
                             output);

  holdings = bridge_cli_open_holdings (file);
  if (holdings == NULL)
    return BRIDGE_EXIT_ERROR;
  if ((catalog = bridge_cli_open_catalog (db)) == NULL)
    return BRIDGE_EXIT_ERROR;
  summary = bridge_holdings_summarize (holdings, catalog, home, on, &error);
  if (summary == NULL)
    {
      if (g_error_matches (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT))
        return bridge_cli_usage ("%s", error->message);
      return bridge_cli_fail ("%s", error->message);
    }
  if (g_str_equal (kind, "pdf"))
    ok = bridge_statement_export_pdf (holdings, summary, catalog, output, &error);
  else
    ok = bridge_statement_export_json (holdings, summary, catalog, output, &error);
  if (!ok)
    return bridge_cli_fail (_("export failed: %s"), error->message);
  digest = bridge_statement_get_digest (holdings, summary, catalog);
  total = g_strdup_printf ("%g", summary->total_credits);
  /* Translators: the file, how many certificates, the credits granted, a SHA-256 digest */
  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %s: %u certificate, %s credits granted, SHA-256 %s.\n",
                       "Wrote %s: %u certificates, %s credits granted, SHA-256 %s.\n", summary->entries->len),
          output, summary->entries->len, total, digest);
  return BRIDGE_EXIT_OK;
}
