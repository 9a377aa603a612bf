/* bridge-cli-complete.c: `credit-bridge-cli __complete`, ids for the shell
 *
 * The bash completion (data/completion/credit-bridge-cli.bash) asks for
 * the ids of the catalog as the person types: `__complete [--db PATH]
 * universities|courses|certificates [PREFIX]` prints one id a line. It is
 * called at every Tab, so it only reads: no cache is created, imported,
 * rebuilt or moved aside, and when there is none, or it cannot be read, it
 * prints nothing and exits with 0, so that the shell shows nothing either.
 * Hidden: not in --help.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "bridge-cli.h"

int
bridge_cli_complete (int    argc,
                     char **argv)
{
  g_autofree char *default_path = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  const char *db_path = NULL;
  const char *kind = NULL;
  const char *prefix = NULL;

  /* The shell passes what was typed: an unknown word completes nothing. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        db_path = argv[++i];
      else if (g_str_has_prefix (argv[i], "--db="))
        db_path = argv[i] + strlen ("--db=");
      else if (kind == NULL)
        kind = argv[i];
      else if (prefix == NULL)
        prefix = argv[i];
    }
  if (db_path == NULL || *db_path == '\0')
    db_path = default_path = bridge_catalog_default_path ();
  if (g_strcmp0 (kind, "universities") == 0)
    ids = bridge_catalog_peek_ids (db_path, BRIDGE_CATALOG_ID_UNIVERSITY, prefix);
  else if (g_strcmp0 (kind, "courses") == 0)
    ids = bridge_catalog_peek_ids (db_path, BRIDGE_CATALOG_ID_COURSE, prefix);
  else if (g_strcmp0 (kind, "certificates") == 0)
    ids = bridge_catalog_peek_ids (db_path, BRIDGE_CATALOG_ID_CERTIFICATE, prefix);
  else
    return BRIDGE_EXIT_OK;
  for (guint i = 0; i < ids->len; i++)
    printf ("%s\n", (const char *) g_ptr_array_index (ids, i));
  return BRIDGE_EXIT_OK;
}
