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
 * It also brings the catalog up to date from its source
 * (bridge-catalog-update.h): at start in the background when the last check
 * is more than a day old, or when asked. An update is followed through
 * "import-started" and "import-progress" too, and ends with
 * "update-finished" (a BridgeUpdateResult and the message to show, NULL when
 * nothing is worth saying: an unchanged catalog found in the background, or
 * a failure already told once this session).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bridge-catalog-update.h"
#include "bridge-catalog.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_IMPORTER (bridge_importer_get_type ())
G_DECLARE_FINAL_TYPE (BridgeImporter, bridge_importer, BRIDGE, IMPORTER, GObject)

/* How an update ended. */
typedef enum
{
  BRIDGE_UPDATE_RESULT_NEW,               /* a new catalog is in */
  BRIDGE_UPDATE_RESULT_UNCHANGED,
  BRIDGE_UPDATE_RESULT_FAILED,            /* the cache is as it was */
  BRIDGE_UPDATE_RESULT_CANCELLED,
} BridgeUpdateResult;

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

/* Whether what runs is an update rather than an import. */
gboolean        bridge_importer_is_updating  (BridgeImporter *self);
/* Starts updating the catalog from its source unless an import or update
 * runs or the catalog is empty; @background: started by the app, not asked
 * for (an unchanged catalog and a second failure go unsaid). */
void            bridge_importer_update       (BridgeImporter *self,
                                              gboolean        background);
/* Whether a background check is due: the catalog came from the web and
 * was last checked more than a day before @now. */
gboolean        bridge_importer_update_is_due (BridgeImporter *self,
                                               GDateTime      *now);
/* At a window's start: updates in the background when @enabled (the
 * preference) and due, once a session. */
void            bridge_importer_update_at_start (BridgeImporter *self,
                                                 gboolean        enabled);
/* Why the last update failed (with how old the catalog kept is); NULL
 * after one that worked. */
const char     *bridge_importer_get_update_problem (BridgeImporter *self);
/* For tests: the time taken for now (NULL: the clock). */
void            bridge_importer_set_now      (BridgeImporter *self,
                                              GDateTime      *now);

G_END_DECLS
