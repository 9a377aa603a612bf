/* bridge-grades-page.h: convert any grade between two universities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_GRADES_PAGE (bridge_grades_page_get_type ())
G_DECLARE_FINAL_TYPE (BridgeGradesPage, bridge_grades_page, BRIDGE, GRADES_PAGE, AdwBin)

void       bridge_grades_page_set_context (BridgeGradesPage *self,
                                           BridgeContext    *context);
void       bridge_grades_page_reload      (BridgeGradesPage *self);

G_END_DECLS
