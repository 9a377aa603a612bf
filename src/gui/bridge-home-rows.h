/* bridge-home-rows.h: the student's home programme, as three rows
 *
 * The university, cycle and field rows of the welcome page and of
 * Preferences: one AdwPreferencesGroup, filled from and written to a
 * BridgeContext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_HOME_ROWS (bridge_home_rows_get_type ())
G_DECLARE_FINAL_TYPE (BridgeHomeRows, bridge_home_rows, BRIDGE, HOME_ROWS, AdwPreferencesGroup)

/* Fills the rows with the catalog's universities and the context's home
 * programme. */
void bridge_home_rows_set_context (BridgeHomeRows *self,
                                   BridgeContext  *context);
/* Reads the universities and the home programme again. */
void bridge_home_rows_reload      (BridgeHomeRows *self);
/* Keeps the choice shown as the home programme. With "live" set, each
 * choice is kept as it is made. */
void bridge_home_rows_apply       (BridgeHomeRows *self);

G_END_DECLS
