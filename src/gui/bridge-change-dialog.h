/* bridge-change-dialog.h: proposing a change to the approved agreement
 *
 * Asks for the reason of a change to the locked agreement (the Learning
 * Agreement template's reasons for deleting, or for adding, and "Other"
 * with an explanation) and proposes it through core. The Plan page and the
 * Agreement page both open it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"
#include "bridge-plan.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_CHANGE_DIALOG (bridge_change_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BridgeChangeDialog, bridge_change_dialog, BRIDGE, CHANGE_DIALOG, AdwMessageDialog)

/* Presents the dialog that proposes deleting component @course_id of
 * @group on @side, or adding course @course_id to @group (NULL with side
 * HOST: a new group), over @widget's window. What core answers goes to a
 * toast over @widget. Returns the dialog (owned by GTK until it closes). */
AdwMessageDialog *bridge_change_dialog_present (GtkWidget        *widget,
                                                BridgeContext    *context,
                                                BridgePlan       *plan,
                                                BridgeChangeKind  kind,
                                                BridgePlanGroup  *group,
                                                BridgePlanSide    side,
                                                const char       *course_id);

G_END_DECLS
