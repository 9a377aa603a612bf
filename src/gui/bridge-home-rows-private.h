/* bridge-home-rows-private.h: for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-home-rows.h"

G_BEGIN_DECLS

/* The AdwComboRow of "university", "cycle" or "field"; NULL for another name. */
GtkWidget *bridge_home_rows_get_row (BridgeHomeRows *self,
                                     const char     *name);

G_END_DECLS
