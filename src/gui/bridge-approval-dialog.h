/* bridge-approval-dialog.h: approving the Learning Agreement
 *
 * Asks who approves for a role (the student, or the responsible person of
 * the sending or the receiving institution), prefilled from the agreement's
 * details, and records the approval through core: of the agreement, or of
 * the pending changes proposal when there is one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-plan.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_APPROVAL_DIALOG (bridge_approval_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BridgeApprovalDialog, bridge_approval_dialog, BRIDGE, APPROVAL_DIALOG, AdwMessageDialog)

/* Presents the dialog that approves @plan for @role over @widget's window;
 * what core answers goes to a toast over @widget. Returns the dialog (owned
 * by GTK until it closes). */
AdwMessageDialog *bridge_approval_dialog_present (GtkWidget      *widget,
                                                  BridgePlan     *plan,
                                                  BridgePlanRole  role);

G_END_DECLS
