/* bridge-importer.h: the catalog of this session and its import
 *
 * One importer a session, made by the application when it opens the cache
 * and reached by every window and Preferences through their BridgeContext.
 * It keeps the catalog, what was wrong with the cache when it was opened
 * (bridge_importer_get_problem ()), and the import running, if any: one at a
 * time, followed through the signals "import-started", "import-progress"
 * (a fraction, or a negative number while another process holds the cache)
 * and "import-finished" (success and the message to show).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bridge-catalog.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_IMPORTER (bridge_importer_get_type ())
G_DECLARE_FINAL_TYPE (BridgeImporter, bridge_importer, BRIDGE, IMPORTER, GObject)

/* @catalog may be NULL (the cache could not be opened; @problem says why). */
BridgeImporter *bridge_importer_new          (BridgeCatalog  *catalog,
                                              const char     *problem);
BridgeCatalog  *bridge_importer_get_catalog  (BridgeImporter *self);
/* Why the cache could not be opened, or was found damaged and moved aside;
 * NULL once an import has made it whole. */
const char     *bridge_importer_get_problem  (BridgeImporter *self);
gboolean        bridge_importer_is_importing (BridgeImporter *self);
/* Starts importing @source (a feed's path or URL) unless an import runs or
 * there is no catalog. The default GApplication is held until it ends. */
void            bridge_importer_import       (BridgeImporter *self,
                                              const char     *source);
void            bridge_importer_cancel       (BridgeImporter *self);

G_END_DECLS
