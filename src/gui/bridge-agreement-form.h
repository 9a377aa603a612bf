/* bridge-agreement-form.h: the details of the Learning Agreement
 *
 * The student, the sending and receiving institutions, the mobility
 * (dates, academic year, terms) and the provisions if a component is not
 * completed, as the Erasmus+ Learning Agreement for Studies asks for them.
 * Each field writes to the plan through core, which checks it; once the
 * agreement is locked the fields are read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"
#include "bridge-plan.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_AGREEMENT_FORM (bridge_agreement_form_get_type ())
G_DECLARE_FINAL_TYPE (BridgeAgreementForm, bridge_agreement_form, BRIDGE, AGREEMENT_FORM, GtkWidget)

void       bridge_agreement_form_set_context    (BridgeAgreementForm *self,
                                                 BridgeContext       *context);
/* The plan the fields write to; the form shows it at the next update. */
void       bridge_agreement_form_set_plan       (BridgeAgreementForm *self,
                                                 BridgePlan          *plan);
/* Reads the catalog's languages and terms again (after an import). */
void       bridge_agreement_form_reload_catalog (BridgeAgreementForm *self);
/* Shows the plan's details; what has the focus keeps what is typed. */
void       bridge_agreement_form_update         (BridgeAgreementForm *self);
/* The widget of a detail ("student-name", "sending-email", "start-date",
 * "terms", "provisions", "student-isced-label", "KEY-problem" …), or NULL. */
GtkWidget *bridge_agreement_form_get_child      (BridgeAgreementForm *self,
                                                 const char          *name);

G_END_DECLS
