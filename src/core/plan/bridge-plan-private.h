/* bridge-plan-private.h: what the plan's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-plan.h"

G_BEGIN_DECLS

/* The agreed content only (what approvals sign), as in the plan file. */
JsonNode *bridge_plan_content_to_json   (BridgePlan *self);
/* Store without checks (the checks are the caller's); emit "changed". */
void      bridge_plan_store_grade       (BridgePlan *self,
                                         const char *host_course_id,
                                         const char *grade);
void      bridge_plan_store_recognition (BridgePlan *self,
                                         GPtrArray  *records);

/* Checks the members of @student (of @institution on @side) with the rules
 * of bridge-validate.h. With @problems, adds each message there and returns
 * whether there was none; without, fails with @error on the first. */
gboolean  bridge_plan_validate_student     (const BridgePlanStudent     *student,
                                            GPtrArray                   *problems,
                                            GError                     **error);
gboolean  bridge_plan_validate_institution (BridgePlanSide               side,
                                            const BridgePlanInstitution *institution,
                                            GPtrArray                   *problems,
                                            GError                     **error);
/* The first approval without the readiness check: an imported agreement was
 * approved elsewhere, and what it lacks is shown, not refused. */
gboolean  bridge_plan_record_approval     (BridgePlan                  *self,
                                            BridgePlanRole               role,
                                            const BridgePlanPerson      *person,
                                            const char                  *timestamp,
                                            GError                     **error);

/* For imports. */
void      bridge_plan_set_mobility_id   (BridgePlan *self,
                                         const char *id);
/* Adds @component as a change of the pending proposal, without the catalog. */
gboolean  bridge_plan_propose_component (BridgePlan                *self,
                                         BridgeChangeKind           kind,
                                         BridgePlanSide             side,
                                         const char                *group_id,
                                         const BridgePlanComponent *component,
                                         BridgeChangeReason         reason,
                                         const char                *reason_text,
                                         GError                   **error);
/* Replaces everything the plan holds with the plan file @data (an undo
 * snapshot, a draft), in place: the object, its group store and those who
 * listen to them stay. Emits the notifications and "changed"; sets "modified". */
gboolean  bridge_plan_restore_data      (BridgePlan  *self,
                                         const char  *data,
                                         gssize       length,
                                         GError     **error);
/* A copy of the agreed content with the pending changes applied. */
BridgePlan *bridge_plan_preview_pending (BridgePlan *self);

G_END_DECLS
