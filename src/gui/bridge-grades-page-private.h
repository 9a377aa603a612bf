/* bridge-grades-page-private.h: what the tests ask the Grades page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-grades-page.h"

G_BEGIN_DECLS

/* Chooses the pair by university ids, field and cycle. */
void       bridge_grades_page_choose      (BridgeGradesPage *self,
                                           const char       *host_id,
                                           const char       *home_id,
                                           const char       *field,
                                           BridgeCycle       cycle);
GtkWidget *bridge_grades_page_get_preview (BridgeGradesPage *self);

G_END_DECLS
