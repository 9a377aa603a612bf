/* bridge-preferences-window.h: home programme, conversion rule, catalog source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_PREFERENCES_WINDOW (bridge_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (BridgePreferencesWindow, bridge_preferences_window, BRIDGE, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Preferences over @context, the session's (with its importer). */
BridgePreferencesWindow *bridge_preferences_window_new (BridgeContext *context);

G_END_DECLS
