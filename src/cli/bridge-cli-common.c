/* bridge-cli-common.c: what the commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bridge-cli.h"
#include "bridge-error.h"

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

gboolean
bridge_cli_parse (GOptionContext   *context,
                  int              *argc,
                  char           ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      bridge_cli_error ("%s", error->message);
      fprintf (stderr, "%s\n", _("Try --help for the options."));
      return FALSE;
    }
  return TRUE;
}

static const char *
demo_catalog (void)
{
  if (g_file_test (DEMO_CATALOG, G_FILE_TEST_EXISTS))
    return DEMO_CATALOG;
  return SOURCE_DEMO_CATALOG;
}

BridgeCatalog *
bridge_cli_open_catalog (const char *db_path)
{
  g_autofree char *path = db_path ? g_strdup (db_path) : bridge_catalog_default_path ();
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(BridgeCatalog) catalog = NULL;

  catalog = bridge_catalog_open_or_reset (path, &reason, &error);
  if (catalog == NULL)
    {
      bridge_cli_error ("%s", error->message);
      return NULL;
    }
  if (reason != NULL || bridge_catalog_is_empty (catalog))
    {
      const char *source = g_getenv ("CREDIT_BRIDGE_FEED");

      if (source == NULL || *source == '\0')
        source = demo_catalog ();
      if (reason != NULL)
        fprintf (stderr, _("credit-bridge-cli: %s\nRebuilding it from %s.\n"), reason, source);
      else
        fprintf (stderr, _("credit-bridge-cli: the catalog cache is empty; importing %s.\n"), source);
      if (!bridge_catalog_import (catalog, source, NULL, NULL, NULL, NULL, &error))
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
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}
