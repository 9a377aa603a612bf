/* bridge-agreement-private.h: what the Agreement page's widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bridge-plan.h"

G_BEGIN_DECLS

/* Marks @row as holding a value that was not written, and says why
 * (@problem NULL: clears the mark). */
void        bridge_agreement_show_problem     (GtkWidget                 *row,
                                               const char                *problem);
/* TRUE when the keyboard focus is in @widget: what is typed there stays. */
gboolean    bridge_agreement_focus_in         (GtkWidget                 *widget);
/* The title of @c in the language shown, or its course id. */
const char *bridge_agreement_component_title  (const BridgePlanComponent *c);

G_END_DECLS
