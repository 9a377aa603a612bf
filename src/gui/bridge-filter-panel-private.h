/* bridge-filter-panel-private.h: what the tests ask the filter panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-filter-panel.h"

G_BEGIN_DECLS

GtkWidget         *bridge_filter_panel_get_child   (BridgeFilterPanel        *self,
                                                    const char               *name);

G_END_DECLS
