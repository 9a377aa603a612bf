/* bridge-cli-common.c: what the commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE                       /* fopencookie () */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bridge-cli.h"
#include "bridge-error.h"
#include "bridge-json.h"

/* A stream that escapes what a terminal would obey (see bridge-cli.h). */
typedef struct
{
  FILE     *real;
  gboolean  allow_cr;
  char      carry[4];                     /* the start of a character cut by a write */
  gsize     n_carry;
} Guard;

/* The global options, which every command takes (see bridge_cli_run ()). */
static gboolean global_quiet;
static char *global_db;                   /* --db given to a command that has no --db of its own */

static gboolean
is_unsafe (gunichar c,
           gboolean allow_cr)
{
  if (c == '\n' || c == '\t')
    return FALSE;
  if (c == '\r')
    return !allow_cr;
  return c < 0x20 || c == 0x7f                    /* C0 controls: ESC, BEL, backspace… */
         || (c >= 0x80 && c <= 0x9f)              /* C1 controls: CSI, OSC… */
         || (c >= 0x202a && c <= 0x202e)          /* bidi embeddings and overrides */
         || (c >= 0x2066 && c <= 0x2069);         /* bidi isolates */
}

gsize
bridge_cli_escape_terminal (GString    *out,
                            const char *data,
                            gsize       len,
                            gboolean    allow_cr,
                            gboolean    at_end)
{
  gsize i = 0;

  while (i < len)
    {
      guchar b = (guchar) data[i];
      /* The length of the character this byte starts; 0: it starts none. */
      gsize n = b < 0x80                 ? 1
                : b >= 0xc2 && b <= 0xdf ? 2
                : b >= 0xe0 && b <= 0xef ? 3
                : b >= 0xf0 && b <= 0xf4 ? 4
                                         : 0;
      gunichar c;

      if (n == 0)
        {
          g_string_append_printf (out, "\\x%02x", b);
          i++;
          continue;
        }
      if (i + n > len && !at_end)
        break;                                    /* the rest comes with the next write */
      c = i + n > len ? (gunichar) -2 : g_utf8_get_char_validated (data + i, (gssize) n);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", b);
          i++;
        }
      else
        {
          if (is_unsafe (c, allow_cr))
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_len (out, data + i, (gssize) n);
          i += n;
        }
    }
  return i;
}

static ssize_t
guard_write (void       *cookie,
             const char *buf,
             size_t      size)
{
  Guard *g = cookie;
  g_autoptr(GString) in = g_string_new_len (g->carry, (gssize) g->n_carry);
  g_autoptr(GString) out = g_string_sized_new (size + 16);
  gsize done;

  g_string_append_len (in, buf, (gssize) size);
  done = bridge_cli_escape_terminal (out, in->str, in->len, g->allow_cr, FALSE);
  g->n_carry = in->len - done;
  memcpy (g->carry, in->str + done, g->n_carry);
  if (fwrite (out->str, 1, out->len, g->real) != out->len || fflush (g->real) != 0)
    return -1;
  return (ssize_t) size;
}

static int
guard_close (void *cookie)
{
  Guard *g = cookie;
  g_autoptr(GString) out = g_string_new (NULL);
  int status;

  bridge_cli_escape_terminal (out, g->carry, g->n_carry, g->allow_cr, TRUE);
  g->n_carry = 0;
  fwrite (out->str, 1, out->len, g->real);
  status = fflush (g->real);
  return status;
}

/* @g lives as long as the process: the stream outlives main (). */
static FILE *
guard_stream (Guard    *g,
              FILE     *real,
              gboolean  allow_cr,
              int       mode)
{
  cookie_io_functions_t io = { NULL, guard_write, NULL, guard_close };
  FILE *stream;

  g->real = real;
  g->allow_cr = allow_cr;
  stream = fopencookie (g, "w", io);
  if (stream == NULL)
    return real;
  setvbuf (stream, NULL, mode, BUFSIZ);
  return stream;
}

void
bridge_cli_guard_terminal (void)
{
  /* stderr keeps its carriage returns: the import's progress line uses them. */
  static Guard out, err;

  stdout = guard_stream (&out, stdout, FALSE, _IOFBF);
  stderr = guard_stream (&err, stderr, TRUE, _IOLBF);
}

void
bridge_cli_error (const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "credit-bridge-cli: %s\n", message);
}

/* The options whose value is a file: an empty one names no file, and
 * SQLite would take "" for a temporary database. */
static const char * const path_options[] = { "--db", "--output", "-o", "--file", "--certificates", NULL };

/* An option among @argv given an empty file name, or NULL. */
static const char *
find_empty_path (int    argc,
                 char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      for (guint j = 0; path_options[j] != NULL; j++)
        {
          gsize len = strlen (path_options[j]);

          if (g_str_equal (argv[i], path_options[j]) && i + 1 < argc && argv[i + 1][0] == '\0')
            return path_options[j];
          if (g_str_has_prefix (argv[i], path_options[j]) && argv[i][len] == '=' && argv[i][len + 1] == '\0')
            return path_options[j];
        }
    }
  return NULL;
}

/* GOption says "Invalid byte sequence in conversion input" without saying
 * where: name the first argument that is not UTF-8, and its option. */
static gboolean
report_invalid_text (int    argc,
                     char **argv)
{
  for (int i = 1; i < argc; i++)
    if (!g_utf8_validate (argv[i], -1, NULL))
      {
        g_autofree char *shown = g_strescape (argv[i], NULL);

        if (i > 1 && g_str_has_prefix (argv[i - 1], "-") && strchr (argv[i - 1], '=') == NULL)
          /* Translators: the value of an option ("--university") with bytes shown as \377 */
          bridge_cli_error (_("the value of %s, “%s”, is not valid UTF-8 text; write it in UTF-8"),
                            argv[i - 1], shown);
        else
          /* Translators: an argument with bytes shown as \377 */
          bridge_cli_error (_("the argument “%s” is not valid UTF-8 text; write it in UTF-8"), shown);
        return TRUE;
      }
  return FALSE;
}

/* What --version prints, before the command words or after them. */
static void
print_version (void)
{
  printf ("credit-bridge-cli %s\n", PACKAGE_VERSION);
}

static gboolean
print_version_cb (const char  *option_name,
                  const char  *value,
                  gpointer     data,
                  GError     **error)
{
  print_version ();
  fflush (stdout);
  exit (BRIDGE_EXIT_OK);
}

static gboolean
has_option (const GOptionEntry *entries,
            const char         *long_name)
{
  for (guint i = 0; entries[i].long_name != NULL; i++)
    if (g_str_equal (entries[i].long_name, long_name))
      return TRUE;
  return FALSE;
}

gboolean
bridge_cli_parse (GOptionContext     *context,
                  const GOptionEntry *entries,
                  int                *argc,
                  char             ***argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) original = g_strdupv (*argv);
  const char *empty;
  const GOptionEntry global_entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &global_quiet,
      N_("Show no progress and no warnings: only the result and errors"), NULL },
    { "version", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, print_version_cb,
      N_("Print the version of credit-bridge-cli and exit"), NULL },
    { NULL }
  };
  /* A command that reads no catalog takes --db all the same, as git takes
   * --git-dir everywhere: a script may give it to every call. */
  const GOptionEntry db_entries[] = {
    BRIDGE_CLI_DB_OPTION (global_db),
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!has_option (entries, "db"))
    g_option_context_add_main_entries (context, db_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if ((empty = find_empty_path (*argc, *argv)) != NULL)
    {
      /* Translators: %s is an option such as --db */
      bridge_cli_error (_("%s needs the path of a file, not an empty string"), empty);
      fprintf (stderr, "%s\n", _("Try --help for the options."));
      return FALSE;
    }
  /* GOption's usage line starts with the program's name: make it the whole
   * command ("credit-bridge-cli plan feedback") while parsing. */
  {
    g_autofree char *program = g_strdup (g_get_prgname ());
    g_autofree char *command = g_strdup_printf ("%s %s", program, (*argv)[0]);
    gboolean parsed;

    g_set_prgname (command);
    parsed = g_option_context_parse (context, argc, argv, &error);
    g_set_prgname (program);
    if (!parsed)
      {
        if (error->domain != G_CONVERT_ERROR || !report_invalid_text ((int) g_strv_length (original), original))
          bridge_cli_error ("%s", error->message);
        fprintf (stderr, "%s\n", _("Try --help for the options."));
        return FALSE;
      }
  }
  return TRUE;
}

gboolean
bridge_cli_is_quiet (void)
{
  return global_quiet;
}

gboolean
bridge_cli_stderr_is_terminal (void)
{
  /* stderr is the escaping stream of bridge_cli_guard_terminal (), which
   * has no file descriptor: ask about the descriptor itself. */
  return isatty (STDERR_FILENO);
}

gboolean
bridge_cli_stdout_is_terminal (void)
{
  return isatty (STDOUT_FILENO);
}

void
bridge_cli_progress (double   fraction,
                     gpointer user_data)
{
  BridgeCliProgress *progress = user_data;

  if (fraction < 0)
    {
      /* Another import holds the cache: say why nothing happens. */
      if (!global_quiet)
        fprintf (stderr, "%s\n", _("credit-bridge-cli: waiting for another import to finish…"));
      return;
    }
  if (global_quiet || !bridge_cli_stderr_is_terminal ())
    return;
  fprintf (stderr, "\r%s %3d %%", _(progress->label), (int) (MIN (fraction, 1.0) * 100));
  progress->shown = TRUE;
}

void
bridge_cli_progress_count (guint    done,
                           gpointer user_data)
{
  BridgeCliProgress *progress = user_data;

  if (global_quiet || !bridge_cli_stderr_is_terminal ())
    return;
  fprintf (stderr, "\r%s %u", _(progress->label), done);
  progress->shown = TRUE;
}

void
bridge_cli_progress_end (BridgeCliProgress *progress)
{
  g_autofree char *blank = NULL;

  if (!progress->shown)
    return;
  /* Blanks, not an escape sequence: stderr shows ESC as \u001b. */
  blank = g_strnfill (bridge_cli_display_width (_(progress->label)) + 12, ' ');
  fprintf (stderr, "\r%s\r", blank);
  progress->shown = FALSE;
}

/* The global options before the command word of @argv (from argv[1]):
 * keeps --db and --quiet in @moved, in their order, to be given to the
 * command; returns the index of the command word (@argc when there is
 * none), or -1 after printing a usage error. */
static int
take_global_options (int         argc,
                     char      **argv,
                     GPtrArray  *moved,
                     gboolean   *help,
                     gboolean   *version)
{
  int i = 1;

  while (i < argc && argv[i][0] == '-' && argv[i][1] != '\0')
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--"))
        return i + 1;
      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        *help = TRUE;
      else if (g_str_equal (arg, "--version"))
        *version = TRUE;
      else if (g_str_equal (arg, "--quiet") || g_str_equal (arg, "-q"))
        g_ptr_array_add (moved, argv[i]);
      else if (g_str_has_prefix (arg, "--db="))
        g_ptr_array_add (moved, argv[i]);
      else if (g_str_equal (arg, "--db"))
        {
          if (i + 1 >= argc)
            {
              /* Translators: %s is --db */
              bridge_cli_error (_("%s needs the path of the catalog cache after it"), arg);
              return -1;
            }
          g_ptr_array_add (moved, argv[i]);
          g_ptr_array_add (moved, argv[++i]);
        }
      else
        {
          /* Translators: %s is an option such as --json, given before the command */
          bridge_cli_error (_("“%s” is not an option that may come before the command: only --db, "
                              "--quiet, --help and --version may; give a command’s own options after "
                              "its name"),
                            arg);
          return -1;
        }
      i++;
    }
  return i;
}

int
bridge_cli_run (const char             *group,
                const BridgeCliCommand *commands,
                guint                   n_commands,
                BridgeCliHelpFunc       print_help,
                gpointer                user_data,
                int                     argc,
                char                  **argv)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new ();
  g_autoptr(GPtrArray) command_argv = NULL;
  g_autofree char *name = NULL;
  const BridgeCliCommand *command = NULL;
  gboolean help = FALSE, version = FALSE;
  int at = take_global_options (argc, argv, moved, &help, &version);

  if (at < 0)
    {
      if (group != NULL)
        /* Translators: "Try “credit-bridge-cli catalog --help”." */
        fprintf (stderr, _("Try “credit-bridge-cli %s --help”.\n"), group);
      else
        fprintf (stderr, "%s\n", _("Try “credit-bridge-cli --help”."));
      return BRIDGE_EXIT_USAGE;
    }
  if (version)
    {
      print_version ();
      return BRIDGE_EXIT_OK;
    }
  /* `credit-bridge-cli help plan grades`, as git help does. */
  if (group == NULL && at < argc && g_str_equal (argv[at], "help"))
    {
      help = TRUE;
      at++;
    }
  if (at >= argc)
    {
      print_help (help ? stdout : stderr, user_data);
      return help ? BRIDGE_EXIT_OK : BRIDGE_EXIT_USAGE;
    }

  for (guint i = 0; i < n_commands && command == NULL; i++)
    if (g_str_equal (argv[at], commands[i].name))
      command = &commands[i];
  if (command == NULL)
    {
      if (group == NULL)
        bridge_cli_error (_("“%s” is not a command"), argv[at]);
      else
        /* Translators: "“frobnicate” is not a catalog command" */
        bridge_cli_error (_("“%s” is not a %s command"), argv[at], group);
      print_help (stderr, user_data);
      return BRIDGE_EXIT_USAGE;
    }

  /* The command's argv: its name ("catalog search"), the global options
   * given before it, then what came after it, so that GOption reads them
   * wherever they were written. */
  name = group != NULL ? g_strdup_printf ("%s %s", group, command->name) : g_strdup (command->name);
  command_argv = g_ptr_array_new ();
  g_ptr_array_add (command_argv, name);
  for (guint i = 0; i < moved->len; i++)
    g_ptr_array_add (command_argv, g_ptr_array_index (moved, i));
  if (help)
    g_ptr_array_add (command_argv, (char *) "--help");
  for (int i = at + 1; i < argc; i++)
    g_ptr_array_add (command_argv, argv[i]);
  g_ptr_array_add (command_argv, NULL);
  return command->run ((int) command_argv->len - 1, (char **) command_argv->pdata);
}

typedef struct
{
  const char             *group;
  const BridgeCliCommand *commands;
  guint                   n_commands;
} Group;

static void
print_group_help (FILE     *out,
                  gpointer  user_data)
{
  const Group *g = user_data;
  int width = 0;

  for (guint i = 0; i < g->n_commands; i++)
    width = MAX (width, bridge_cli_display_width (g->commands[i].name));
  /* Translators: the first %s is a command group, such as catalog or plan */
  fprintf (out, _("Usage: credit-bridge-cli %s COMMAND [OPTIONS…]\n\n"), g->group);
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < g->n_commands; i++)
    {
      g_autofree char *name = bridge_cli_pad (g->commands[i].name, -width);

      fprintf (out, "  %s  %s\n", name, _(g->commands[i].summary));
    }
  fprintf (out, "\n");
  fprintf (out, _("credit-bridge-cli %s COMMAND --help tells more.\n"), g->group);
}

int
bridge_cli_dispatch (const char             *group,
                     const BridgeCliCommand *commands,
                     guint                   n_commands,
                     int                     argc,
                     char                  **argv)
{
  Group g = { group, commands, n_commands };

  return bridge_cli_run (group, commands, n_commands, print_group_help, &g, argc, argv);
}

char *
bridge_cli_cell (const char *text,
                 int         width,
                 const char *gap)
{
  g_autofree char *padded = NULL;

  if (!bridge_cli_stdout_is_terminal ())
    return g_strconcat (text, *gap != '\0' ? "\t" : "", NULL);
  padded = bridge_cli_pad (text, width);
  return g_strconcat (padded, gap, NULL);
}

int
bridge_cli_display_width (const char *text)
{
  int width = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

char *
bridge_cli_pad (const char *text,
                int         width)
{
  int columns = ABS (width);
  int fill = columns - bridge_cli_display_width (text);
  GString *padded;

  if (fill <= 0)
    return g_strdup (text);
  padded = g_string_sized_new (strlen (text) + fill);
  if (width > 0)
    for (int i = 0; i < fill; i++)
      g_string_append_c (padded, ' ');
  g_string_append (padded, text);
  if (width < 0)
    for (int i = 0; i < fill; i++)
      g_string_append_c (padded, ' ');
  return g_string_free (padded, FALSE);
}

/* After the cache at @catalog was found damaged and moved aside (@reason
 * says so): imports the feed it had come from, never another one. */
static gboolean
rebuild_from_lost_source (BridgeCatalog  *catalog,
                          const char     *reason,
                          GError        **error)
{
  const char *source = bridge_catalog_get_lost_source (catalog);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (source == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_CORRUPT,
                   _("%s Which feed it had been imported from cannot be read from it: import the catalog "
                     "again, with `credit-bridge-cli catalog import FEED`."),
                   reason);
      return FALSE;
    }
  BridgeCliProgress progress = { N_("Rebuilding the catalog cache…"), FALSE };

  if (!global_quiet)
    fprintf (stderr, _("credit-bridge-cli: %s\nRebuilding it from %s.\n"), reason, source);
  ok = bridge_catalog_import (catalog, source, NULL, bridge_cli_progress, &progress, NULL, &local_error);
  bridge_cli_progress_end (&progress);
  if (!ok)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_CORRUPT,
                   _("The catalog cache could not be rebuilt from %s: %s Import the catalog again, with "
                     "`credit-bridge-cli catalog import FEED`."),
                   source, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
bridge_cli_recover_catalog (BridgeCatalog  *catalog,
                            GError        **error)
{
  g_autofree char *reason = NULL;
  g_autofree char *problem = NULL;

  if (!g_error_matches (*error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_CORRUPT))
    return FALSE;
  problem = g_strdup ((*error)->message);
  g_clear_error (error);
  if (!bridge_catalog_reset (catalog, problem, &reason, error)
      || !rebuild_from_lost_source (catalog, reason, error))
    return FALSE;
  return TRUE;
}

BridgeCatalog *
bridge_cli_open_catalog (const char *db_path)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(BridgeCatalog) catalog = NULL;

  if (db_path == NULL)
    db_path = global_db;
  path = db_path != NULL ? g_strdup (db_path) : bridge_catalog_default_path ();
  catalog = bridge_catalog_open_or_reset (path, &reason, &error);
  if (catalog == NULL)
    {
      bridge_cli_error ("%s", error->message);
      return NULL;
    }
  if (reason != NULL)
    {
      /* A damaged cache comes back as it was, or not at all: never as
       * another catalog, which a search would show as if it were this one. */
      if (!rebuild_from_lost_source (catalog, reason, &error))
        {
          bridge_cli_error ("%s", error->message);
          return NULL;
        }
    }
  else if (bridge_catalog_is_empty (catalog))
    {
      const char *source = g_getenv ("CREDIT_BRIDGE_FEED");

      if (source == NULL || *source == '\0')
        source = bridge_catalog_get_demo_feed ();
      BridgeCliProgress progress = { N_("Importing…"), FALSE };
      gboolean ok;

      if (!global_quiet)
        fprintf (stderr, _("credit-bridge-cli: the catalog cache is empty; importing %s.\n"), source);
      ok = bridge_catalog_import (catalog, source, NULL, bridge_cli_progress, &progress, NULL, &error);
      bridge_cli_progress_end (&progress);
      if (!ok)
        {
          bridge_cli_error ("%s", error->message);
          return NULL;
        }
    }
  return g_steal_pointer (&catalog);
}

void
bridge_cli_print_json (JsonNode *node)
{
  g_autofree char *text = bridge_json_to_text (node);

  fputs (text, stdout);
}
