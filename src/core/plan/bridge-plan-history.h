/* bridge-plan-history.h: undo and redo of a plan's changes
 *
 * A BridgePlanHistory follows one BridgePlan: after each change (the
 * plan's "changed" signal) it keeps the plan as it was before, and undo
 * puts that back in place (bridge_plan_restore_data), redo the reverse.
 * Typing in one field is one step: consecutive changes of the same single
 * value (the student's name, key by key) merge. Approvals that lock the
 * agreement cannot be undone: the history starts again from there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-plan.h"

G_BEGIN_DECLS

/* How many steps back the history goes. */
#define BRIDGE_PLAN_HISTORY_DEPTH 100

#define BRIDGE_TYPE_PLAN_HISTORY (bridge_plan_history_get_type ())
G_DECLARE_FINAL_TYPE (BridgePlanHistory, bridge_plan_history, BRIDGE, PLAN_HISTORY, GObject)

/* Properties (notify): "can-undo", "can-redo". The history holds @plan. */
BridgePlanHistory *bridge_plan_history_new      (BridgePlan        *plan);
/* The plan followed (transfer none). */
BridgePlan        *bridge_plan_history_get_plan (BridgePlanHistory *self);
gboolean           bridge_plan_history_can_undo (BridgePlanHistory *self);
gboolean           bridge_plan_history_can_redo (BridgePlanHistory *self);
/* FALSE when there is nothing to undo (or redo). */
gboolean           bridge_plan_history_undo     (BridgePlanHistory *self);
gboolean           bridge_plan_history_redo     (BridgePlanHistory *self);
/* Forgets every step (the plan as it is now is the start). */
void               bridge_plan_history_clear    (BridgePlanHistory *self);

G_END_DECLS
