/* bridge-precedent-row.h: the decision of the register that recognises a
 * plan group, as a row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-plan.h"

G_BEGIN_DECLS

/* An AdwActionRow: "Recognised by decision REF" with the date and the
 * condition, or, for an expired decision, a warning that it expired. Its
 * "equivalence-id" data is the decision's id. */
GtkWidget *bridge_precedent_row_new (const BridgePlanPrecedent *precedent);

G_END_DECLS
