/* bridge-agreement-page.h: the Learning Agreement around the plan
 *
 * The details the Erasmus+ Learning Agreement for Studies asks for (the
 * student, the sending and receiving institutions, the mobility period),
 * the review of each recognition group, the commitment (the three
 * approvals and the lock), the changes during the mobility with their
 * approvals, the approved versions, and the grades after the stay. Every
 * rule (what may change when, what an approval needs) is core's.
 *
 * Signals: "open-draft" (BridgePlan *draft) when the person reopens an
 * approved agreement that lacks what its exports need as a new draft; the
 * window shows the draft in the Plan page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"
#include "bridge-plan.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_AGREEMENT_PAGE (bridge_agreement_page_get_type ())
G_DECLARE_FINAL_TYPE (BridgeAgreementPage, bridge_agreement_page, BRIDGE, AGREEMENT_PAGE, AdwBin)

void        bridge_agreement_page_set_context (BridgeAgreementPage *self,
                                               BridgeContext       *context);
/* Shows @plan and follows its "changed" signal. */
void        bridge_agreement_page_set_plan    (BridgeAgreementPage *self,
                                               BridgePlan          *plan);
BridgePlan *bridge_agreement_page_get_plan    (BridgeAgreementPage *self);

/* Opens the approval dialog for @role: of the agreement, or of the pending
 * changes proposal when there is one. */
void        bridge_agreement_page_approve     (BridgeAgreementPage *self,
                                               BridgePlanRole       role);
/* Opens the dialog that proposes adding host course @course_id to the
 * locked agreement, in a new recognition group (as "Propose Adding a
 * Course…" does with the course chosen). */
void        bridge_agreement_page_propose_add (BridgeAgreementPage *self,
                                               const char          *course_id);
/* The dialog the page opened and that is still open (approval, proposal,
 * discarding), or NULL. */
AdwMessageDialog *bridge_agreement_page_get_dialog (BridgeAgreementPage *self);

/* For tests: the widget of a detail ("student-name", "student-email",
 * "student-birth-date", "student-cycle", "sending-name", "start-date",
 * "provisions" …), of the page ("status-title", "approve-student",
 * "withdraw-sending", "propose-add", "discard-changes", "versions" …). */
GtkWidget  *bridge_agreement_page_get_child   (BridgeAgreementPage *self,
                                               const char          *name);
/* The review widget @name ("status", "comment") of group @position, or of
 * its component @course_id on @side ("comment", "virtual", "automatic",
 * "propose-delete") when @course_id is given. */
GtkWidget  *bridge_agreement_page_get_review_child (BridgeAgreementPage *self,
                                                    guint                position,
                                                    BridgePlanSide       side,
                                                    const char          *course_id,
                                                    const char          *name);

G_END_DECLS
