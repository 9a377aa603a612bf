/* bridge-cli.h: what the commands of credit-bridge-cli share
 *
 * Each command is a function `int bridge_cli_NAME (int argc, char **argv)`
 * that parses its own options (GOptionContext, with a summary for --help),
 * and returns an exit status: 0 done, 1 error (a message on stderr), 2 wrong
 * usage. argv[0] is the command's name ("catalog import"…).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "bridge-catalog.h"
#include "bridge-names.h"

G_BEGIN_DECLS

enum
{
  BRIDGE_EXIT_OK = 0,
  BRIDGE_EXIT_ERROR = 1,
  BRIDGE_EXIT_USAGE = 2,
};

/* The --db option every command takes; add it to the command's entries. */
#define BRIDGE_CLI_DB_OPTION(var) \
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &(var), N_("Use the catalog cache at PATH (default: $CREDIT_BRIDGE_DB, or the user cache)"), N_("PATH") }

/* Opens the cache named by --db, $CREDIT_BRIDGE_DB or the default path.
 * A damaged cache is rebuilt from the feed it came from, or the demo catalog;
 * what happened is said on stderr. Prints the error and returns NULL on failure. */
BridgeCatalog *bridge_cli_open_catalog (const char *db_path);

/* Parses @argc/@argv with @context; on a usage error prints it with a hint
 * and returns FALSE (the caller exits with BRIDGE_EXIT_USAGE). */
gboolean bridge_cli_parse (GOptionContext *context,
                           int            *argc,
                           char         ***argv);

/* "credit-bridge-cli: message" on stderr. */
void bridge_cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* A command of a group ("catalog import"): its name, what runs it and a
 * one-line summary (N_() marked) for the group's usage. */
typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} BridgeCliCommand;

/* Runs the command of @group named by argv[1], with argv[0] set to
 * "GROUP NAME"; with --help (or no command, or an unknown one) prints the
 * group's commands, on stdout for --help and with exit status 0, else on
 * stderr with BRIDGE_EXIT_USAGE. */
int bridge_cli_dispatch (const char             *group,
                         const BridgeCliCommand *commands,
                         guint                   n_commands,
                         int                     argc,
                         char                  **argv);

/* The columns @text takes on a terminal: East Asian wide characters (汉字,
 * full-width forms) take two, combining marks and other zero-width
 * characters none, the rest one. */
int bridge_cli_display_width (const char *text);

/* @text padded with spaces to @width terminal columns, as printf's "%*s"
 * pads to @width bytes: a positive @width aligns it right, a negative one
 * left. Text wider than that comes back whole. Free with g_free(). */
char *bridge_cli_pad (const char *text,
                      int         width);

/* Prints @node as pretty JSON on stdout, with a final newline. */
void bridge_cli_print_json (JsonNode *node);

int bridge_cli_catalog (int argc, char **argv);
int bridge_cli_credits (int argc, char **argv);
int bridge_cli_grade   (int argc, char **argv);
int bridge_cli_plan    (int argc, char **argv);

G_END_DECLS
