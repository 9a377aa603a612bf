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

G_END_DECLS
