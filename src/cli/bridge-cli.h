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
#include <stdio.h>
#include <json-glib/json-glib.h>

#include "bridge-catalog.h"
#include "bridge-holdings.h"
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

/* Opens the cache named by @db_path (NULL: by --db given to a command
 * that has no --db entry of its own), $CREDIT_BRIDGE_DB or the default path.
 * A damaged cache is moved aside and rebuilt from the feed it came from (an
 * empty one is filled with $CREDIT_BRIDGE_FEED or the demo catalog); what
 * happened is said on stderr. Prints the error and returns NULL on failure,
 * also when the feed a damaged cache came from is not known. */
BridgeCatalog *bridge_cli_open_catalog (const char *db_path);

/* After @error from a command on @catalog: when it says the cache is damaged,
 * moves the cache aside and rebuilds it from the feed it came from, saying so
 * on stderr, and returns TRUE (@error cleared: try again). Otherwise returns
 * FALSE with @error set to what to print. */
gboolean bridge_cli_recover_catalog (BridgeCatalog  *catalog,
                                     GError        **error);

/* Adds the command's @entries to @context and parses @argc/@argv with it;
 * on a usage error prints it with a hint and returns FALSE (the caller exits
 * with BRIDGE_EXIT_USAGE). */
gboolean bridge_cli_parse (GOptionContext     *context,
                           const GOptionEntry *entries,
                           int                *argc,
                           char             ***argv);

/* Text from files never reaches the terminal raw: makes stdout and stderr
 * streams that show control characters (ESC, BEL, backspace, C1 controls
 * such as CSI, bidi overrides) as \u001b and bytes that are not UTF-8 as
 * \xff, whatever command prints them; newlines and tabs pass, and carriage
 * returns on stderr. Called once, first thing in main (). JSON stays valid:
 * the escapes are JSON's own. */
void  bridge_cli_guard_terminal  (void);
/* The escaping of those streams: appends @data to @out with what a
 * terminal would obey escaped, and returns how many bytes were consumed
 * (a character cut at the end waits for more unless @at_end). */
gsize bridge_cli_escape_terminal (GString    *out,
                                  const char *data,
                                  gsize       len,
                                  gboolean    allow_cr,
                                  gboolean    at_end);

/* "credit-bridge-cli: message" on stderr. */
void bridge_cli_error (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* bridge_cli_error (), then BRIDGE_EXIT_USAGE (wrong usage) or
 * BRIDGE_EXIT_ERROR, for `return bridge_cli_usage (…);`. */
#define bridge_cli_usage(...) (bridge_cli_error (__VA_ARGS__), BRIDGE_EXIT_USAGE)
#define bridge_cli_fail(...) (bridge_cli_error (__VA_ARGS__), BRIDGE_EXIT_ERROR)

/* A command of a group ("catalog import"): its name, what runs it and a
 * one-line summary (N_() marked) for the group's usage. */
typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} BridgeCliCommand;

/* Prints the help of a group of commands (or of the program) on @out. */
typedef void (*BridgeCliHelpFunc) (FILE     *out,
                                   gpointer  user_data);

/* Runs the command of @commands named by the first word of @argv after the
 * global options, with argv[0] set to "GROUP NAME" (@group NULL: the
 * program's own commands, argv[0] "NAME"). The global options (--db PATH,
 * --quiet, --help, --version; before the command word no other option may
 * come, and `--` ends them) are given to the command after its name, so
 * `--db X catalog search Y` is `catalog search --db X Y`; --help there
 * asks for the command's own help. Without a command, prints the help with
 * @print_help: on stdout with exit status 0 for --help, else on stderr with
 * BRIDGE_EXIT_USAGE; likewise, on stderr, for an unknown command. */
int bridge_cli_run (const char             *group,
                    const BridgeCliCommand *commands,
                    guint                   n_commands,
                    BridgeCliHelpFunc       print_help,
                    gpointer                user_data,
                    int                     argc,
                    char                  **argv);

/* bridge_cli_run () for the commands of @group, with a help that lists
 * them ("Commands:" then "  name  summary" lines). */
int bridge_cli_dispatch (const char             *group,
                         const BridgeCliCommand *commands,
                         guint                   n_commands,
                         int                     argc,
                         char                  **argv);

/* Whether --quiet was given: no progress and no warnings, only the result
 * and errors. */
gboolean bridge_cli_is_quiet (void);
/* Whether stderr (stdout) is a terminal: progress is shown only on one,
 * and tables are aligned for one (see bridge_cli_table_row ()). */
gboolean bridge_cli_stderr_is_terminal (void);
gboolean bridge_cli_stdout_is_terminal (void);

/* Progress of long work on stderr ("\rImporting…  42 %"), shown only when
 * stderr is a terminal and --quiet was not given: a pipe or a file never
 * gets it. @label is N_() marked. bridge_cli_progress () is a
 * BridgeProgressFunc over a BridgeCliProgress; a negative fraction (another
 * import holds the cache) is said once a line, but for --quiet. */
typedef struct
{
  const char *label;
  gboolean    shown;
} BridgeCliProgress;

void bridge_cli_progress     (double             fraction,
                              gpointer           user_data);
/* The same for work whose end is not known: how many things were done
 * ("\rReading the plans… 37"). */
void bridge_cli_progress_count (guint              done,
                                gpointer           user_data);
/* Takes the progress line off the terminal, before other output. */
void bridge_cli_progress_end (BridgeCliProgress *progress);

/* The columns @text takes on a terminal: East Asian wide characters (汉字,
 * full-width forms) take two, combining marks and other zero-width
 * characters none, the rest one. */
int bridge_cli_display_width (const char *text);

/* @text padded with spaces to @width terminal columns, as printf's "%*s"
 * pads to @width bytes: a positive @width aligns it right, a negative one
 * left. Text wider than that comes back whole. Free with g_free(). */
char *bridge_cli_pad (const char *text,
                      int         width);

/* A cell of a table row on stdout. On a terminal: @text padded to @width
 * columns (as bridge_cli_pad ()), then @gap before the next cell. In a
 * pipe or a file, as git's and sqlite3's outputs, nothing is aligned:
 * @text, then one tab when a cell follows (@gap not empty), so that a
 * script reads the row with `cut -f` (see help/C/command-line.page).
 * Free with g_free(). */
char *bridge_cli_cell (const char *text,
                       int         width,
                       const char *gap);

/* Prints @node as pretty JSON on stdout, with a final newline. */
void bridge_cli_print_json (JsonNode *node);

int bridge_cli_catalog (int argc, char **argv);
int bridge_cli_credits (int argc, char **argv);
int bridge_cli_grade   (int argc, char **argv);
int bridge_cli_plan    (int argc, char **argv);
int bridge_cli_recognize (int argc, char **argv);
int bridge_cli_certificate (int argc, char **argv);
/* "2 credits in place of 程序设计基础 (CS110)", or "1 free elective credit"
 * when @replaces is empty (bridge-cli-certificate.c). */
char *bridge_cli_describe_grant (BridgeCatalog      *catalog,
                                 double              granted,
                                 const char * const *replaces);

/* bridge-cli-mine.c: the student's record of certificates, commands of
 * `certificate`. */
int bridge_cli_certificate_mine    (int argc, char **argv);
int bridge_cli_certificate_add     (int argc, char **argv);
int bridge_cli_certificate_remove  (int argc, char **argv);
int bridge_cli_certificate_home    (int argc, char **argv);
int bridge_cli_certificate_student (int argc, char **argv);
/* The record at @file (NULL: the default path) for `plan show`; NULL after
 * one warning on stderr when it cannot be read. */
BridgeHoldings *bridge_cli_load_holdings_for_plan (const char *file);
/* The record at @file (NULL: the default path; a missing file is an empty
 * record), or NULL after saying why it cannot be read: damaged, or newer.
 * For the commands that change it, `certificate statement` and
 * `plan export --certificates`. */
BridgeHoldings *bridge_cli_open_holdings (const char *file);

/* certificate statement (bridge-cli-statement.c). */
int bridge_cli_certificate_statement (int argc, char **argv);
int bridge_cli_report (int argc, char **argv);
/* `__complete`, the ids the bash completion asks for (bridge-cli-complete.c). */
int bridge_cli_complete (int argc, char **argv);

G_END_DECLS
