/* bridge-context.h: what the pages of a window share
 *
 * The catalog, the settings, the universities (read once per import) and the
 * student's home programme. Pages ask it for credit equivalences, which it
 * gets from the credit engine in core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bridge-catalog.h"
#include "bridge-credit.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_CONTEXT (bridge_context_get_type ())
G_DECLARE_FINAL_TYPE (BridgeContext, bridge_context, BRIDGE, CONTEXT, GObject)

BridgeContext    *bridge_context_new                 (BridgeCatalog *catalog,
                                                      GSettings     *settings);
BridgeCatalog    *bridge_context_get_catalog         (BridgeContext *self);
GSettings        *bridge_context_get_settings        (BridgeContext *self);
/* Re-reads the universities (after an import); emits "changed". */
void              bridge_context_reload              (BridgeContext *self);
/* element-type BridgeUniversity, sorted by id */
GPtrArray        *bridge_context_get_universities    (BridgeContext *self);
BridgeUniversity *bridge_context_find_university     (BridgeContext *self,
                                                      const char    *id);
BridgeUniversity *bridge_context_get_home_university (BridgeContext *self);
BridgeCycle       bridge_context_get_home_cycle      (BridgeContext *self);
/* ISCED code of the home programme; "" when none */
const char       *bridge_context_get_home_field      (BridgeContext *self);
/* The credit equivalence of @course at the home university (core's arithmetic). */
BridgeCreditResult *bridge_context_compute_credit    (BridgeContext *self,
                                                      BridgeCourse  *course,
                                                      GError       **error);
/* The name of a university for people; the id if unknown. */
const char       *bridge_context_university_name     (BridgeContext *self,
                                                      const char    *id);

G_END_DECLS
