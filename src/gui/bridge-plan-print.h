/* bridge-plan-print.h: print the Learning Agreement from the window
 *
 * A GtkPrintOperation (with preview) whose pages are core's
 * BridgePlanDocument: the same layout as the exported PDF, the plan's
 * digest on every page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bridge-context.h"
#include "bridge-plan.h"

G_BEGIN_DECLS

/* Shows the print dialog for @plan over @parent; errors are shown to the
 * user (a toast when @parent is a BridgeWindow, else a message dialog). */
void bridge_plan_print (GtkWindow     *parent,
                        BridgeContext *context,
                        BridgePlan    *plan);

G_END_DECLS
