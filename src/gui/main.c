/* main.c: credit-bridge, the GTK application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bridge-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BridgeApplication) app = NULL;
  /* Set by meson devenv, build-aux/run-app.sh and the tests, so that the
   * window run from a build folder finds the translations built there. */
  const char *localedir = g_getenv ("CREDIT_BRIDGE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bridge_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
