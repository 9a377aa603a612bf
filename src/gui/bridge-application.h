/* bridge-application.h: the Credit Bridge application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-catalog.h"
#include "bridge-context.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_APPLICATION (bridge_application_get_type ())
G_DECLARE_FINAL_TYPE (BridgeApplication, bridge_application, BRIDGE, APPLICATION, AdwApplication)

BridgeApplication *bridge_application_new              (void);
/* The catalog cache on the main thread; NULL if it could not be opened. */
BridgeCatalog     *bridge_application_get_catalog      (BridgeApplication *self);
GSettings         *bridge_application_get_settings     (BridgeApplication *self);
/* The session's context: the settings, typed, and the catalog with its
 * importer (bridge_context_get_importer ()), shared by the windows and
 * Preferences. */
BridgeContext     *bridge_application_get_context      (BridgeApplication *self);
/* Why the cache could not be opened, or, with a catalog, that it was found
 * damaged and moved aside (until a feed is imported into the new one); NULL
 * when all is well. */
const char        *bridge_application_get_catalog_problem (BridgeApplication *self);

/* The feed to import: the catalog-source setting, else the demo catalog. */
char              *bridge_application_dup_catalog_source (BridgeApplication *self);

/* Imports @source (NULL: the configured source) off the main thread; windows
 * follow it through the importer's "import-progress" and "import-finished"
 * signals. Does nothing if an import is already running. */
void               bridge_application_import           (BridgeApplication *self,
                                                        const char        *source);
gboolean           bridge_application_is_importing     (BridgeApplication *self);
void               bridge_application_cancel_import    (BridgeApplication *self);

/* Adds @file to the recent plans (most recent first). */
void               bridge_application_add_recent_plan  (BridgeApplication *self,
                                                        GFile             *file);

G_END_DECLS
