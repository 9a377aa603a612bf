/* bridge-plan-print.h: print the Learning Agreement from the window
 *
 * A GtkPrintOperation (with preview) whose pages are core's
 * BridgePlanDocument: the same layout as the exported PDF, the plan's
 * digest on every page. A4 unless the user chooses otherwise.
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
void               bridge_plan_print               (GtkWindow     *parent,
                                                    BridgeContext *context,
                                                    BridgePlan    *plan);

/* The operation bridge_plan_print () runs, set up but not run: its job name,
 * A4 page setup and the handlers that paginate and draw the pages. For
 * tests (run it with GTK_PRINT_OPERATION_ACTION_EXPORT and an export file). */
GtkPrintOperation *bridge_plan_print_operation_new (BridgeContext *context,
                                                    BridgePlan    *plan,
                                                    GError       **error);
/* "李华 – Learning Agreement, 2026-autumn" */
char              *bridge_plan_print_job_name      (BridgePlan    *plan);

G_END_DECLS
