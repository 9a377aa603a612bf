/* bridge-catalog-page.h: search the catalog, see a course
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"
#include "bridge-search-model.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_CATALOG_PAGE (bridge_catalog_page_get_type ())
G_DECLARE_FINAL_TYPE (BridgeCatalogPage, bridge_catalog_page, BRIDGE, CATALOG_PAGE, AdwBin)

void               bridge_catalog_page_set_context  (BridgeCatalogPage *self,
                                                     BridgeContext     *context);
/* After an import: filter menus and results are read again. */
void               bridge_catalog_page_reload       (BridgeCatalogPage *self);
void               bridge_catalog_page_focus_search (BridgeCatalogPage *self);
/* Shows @course in the course pane (and, when folded, goes to it). */
void               bridge_catalog_page_show_course  (BridgeCatalogPage *self,
                                                     BridgeCourse      *course);

G_END_DECLS
