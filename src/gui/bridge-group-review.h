/* bridge-group-review.h: the review of one recognition group
 *
 * What the receiving institution records about a group of the Learning
 * Agreement: its status and a comment, and for each component a comment
 * and whether it is virtual or (at home) recognised automatically. Once the
 * agreement is locked, each component offers to propose its deletion.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-plan.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_GROUP_REVIEW (bridge_group_review_get_type ())
G_DECLARE_FINAL_TYPE (BridgeGroupReview, bridge_group_review, BRIDGE, GROUP_REVIEW, AdwBin)

/* The review of group @position of @plan, with a row per component as the
 * plan has them now, locked or not as the plan is now. */
GtkWidget *bridge_group_review_new      (BridgePlan        *plan,
                                         guint              position);
/* What the rows of @plan's reviews are made from (group ids, components,
 * the lock): when it changes, the reviews are made again. (transfer full) */
char      *bridge_group_review_plan_key (BridgePlan        *plan);
/* Shows which decision of the register recognises the group (or that the
 * one it matches expired), under its components. */
void       bridge_group_review_add_precedent (BridgeGroupReview         *self,
                                              const BridgePlanPrecedent *precedent);
/* The group reviewed. (transfer none) */
BridgePlanGroup *bridge_group_review_get_group (BridgeGroupReview *self);
/* Shows the values the plan has now, but in the field that has the focus. */
void       bridge_group_review_refresh  (BridgeGroupReview *self);
/* The widget @name ("status", "comment") of the group, or of its component
 * @course_id on @side ("comment", "virtual", "automatic", "propose-delete",
 * "row") when @course_id is given; NULL if there is none. */
GtkWidget *bridge_group_review_get_child (BridgeGroupReview *self,
                                          BridgePlanSide     side,
                                          const char        *course_id,
                                          const char        *name);

G_END_DECLS
