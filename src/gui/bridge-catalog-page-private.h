/* bridge-catalog-page-private.h: what the tests ask the catalog page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-catalog-page.h"

G_BEGIN_DECLS

BridgeSearchModel *bridge_catalog_page_get_model    (BridgeCatalogPage *self);
GtkWidget         *bridge_catalog_page_get_child    (BridgeCatalogPage *self,
                                                     const char        *name);

G_END_DECLS
