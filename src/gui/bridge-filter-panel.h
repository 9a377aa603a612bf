/* bridge-filter-panel.h: the catalog's filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_FILTER_PANEL (bridge_filter_panel_get_type ())
G_DECLARE_FINAL_TYPE (BridgeFilterPanel, bridge_filter_panel, BRIDGE, FILTER_PANEL, AdwBin)

BridgeFilterPanel *bridge_filter_panel_new         (BridgeContext            *context);
/* Reads the choices (universities, terms, languages…) from the context's
 * catalog again, keeping what was chosen where it still exists. Emits no
 * "changed". */
void               bridge_filter_panel_reload      (BridgeFilterPanel        *self);
/* Sets @filter's members to what is chosen; its strings belong to @self and
 * last until the next reload. */
void               bridge_filter_panel_get_filter  (BridgeFilterPanel        *self,
                                                    BridgeSearchFilter       *filter);
/* Whether any filter lets fewer than all courses through. */
gboolean           bridge_filter_panel_get_active  (BridgeFilterPanel        *self);

G_END_DECLS
