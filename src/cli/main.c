/* main.c: credit-bridge-cli, the engine from a terminal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "bridge-cli.h"

static const BridgeCliCommand commands[] = {
  { "catalog", bridge_cli_catalog, N_("Import, search and show the alliance catalog") },
  { "certificate", bridge_cli_certificate, N_("Certificates: what they are worth at home, the ones you hold, and your statement") },
  { "credits", bridge_cli_credits, N_("Show what a course is worth at a home university, with the arithmetic") },
  { "grade",   bridge_cli_grade,   N_("Convert grades through grading tables, or build a table from marks") },
  { "plan",    bridge_cli_plan,    N_("Create, review, approve and export learning agreements") },
  { "recognize", bridge_cli_recognize, N_("List what could replace a home course, or what host courses could replace") },
  { "report",  bridge_cli_report,  N_("Add up recognition and workload over many plans, for advisors") },
};

static void
print_usage (FILE     *out,
             gpointer  user_data)
{
  fprintf (out, "%s\n\n", _("Usage: credit-bridge-cli COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n\n", _("Plan study at another university of the Chengdu–Chongqing alliance: the catalog, credit equivalence, grade conversion and learning agreements."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-11s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Options of every command, before or after the command words (-- ends the options):"));
  fprintf (out, "    --db PATH    %s\n", _("Use the catalog cache at PATH (default: $CREDIT_BRIDGE_DB, or the user cache)"));
  fprintf (out, "    -q, --quiet  %s\n", _("Show no progress and no warnings: only the result and errors"));
  fprintf (out, "    -h, --help   %s\n", _("Show the help of the command (of the last command word given)"));
  fprintf (out, "    --version    %s\n", _("Print the version of credit-bridge-cli and exit"));
  fprintf (out, "\n%s\n", _("Exit status: 0 done, 1 error, 2 wrong usage."));
}

/* The translations: installed under LOCALEDIR, or, run from the build
 * folder (meson devenv, the tests, build-aux/run-app.sh), the .mo files
 * built in BUILD/po, named by $CREDIT_BRIDGE_LOCALEDIR. */
static const char *
locale_dir (void)
{
  const char *dir = g_getenv ("CREDIT_BRIDGE_LOCALEDIR");

  return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

int
main (int   argc,
      char *argv[])
{
  bridge_cli_guard_terminal ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("credit-bridge-cli");

  /* Hidden, for the shell's completion: before anything that opens a cache. */
  if (argc >= 2 && g_str_equal (argv[1], "__complete"))
    return bridge_cli_complete (argc - 1, argv + 1);

  return bridge_cli_run (NULL, commands, G_N_ELEMENTS (commands), print_usage, NULL, argc, argv);
}
