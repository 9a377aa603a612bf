/* bridge-compare-view.h: two to four courses side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_COMPARE_VIEW (bridge_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (BridgeCompareView, bridge_compare_view, BRIDGE, COMPARE_VIEW, AdwBin)

void        bridge_compare_view_set_context (BridgeCompareView *self,
                                             BridgeContext     *context);
/* The courses compared (element-type BridgeCourse): the view shows them as
 * they change, and its remove buttons take them out of @store. */
void        bridge_compare_view_set_store   (BridgeCompareView *self,
                                             GListStore        *store);
/* For tests: "table" or "cards" (the layout shown), "message" (the empty
 * state's description), or the label of a cell, "KEY:INDEX"
 * ("home-credits:0"), in the layout shown; "remove:INDEX" is the remove
 * button of the INDEX-th course. */
GtkWidget  *bridge_compare_view_get_child   (BridgeCompareView *self,
                                             const char        *name);

G_END_DECLS
