/* bridge-plan-export.h: a plan leaves the program as an EWP learning
 * agreement (XML), a JSON file or a PDF (bridge-plan-pdf.h), and an EWP
 * learning agreement comes back in as a plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-plan.h"

G_BEGIN_DECLS

/* The EWP omobility-las-get-response with one la. @catalog gives hei-ids,
 * names and workloads (ECTS credits). Fails with BRIDGE_ERROR_INVALID_PLAN
 * naming the rule when the EWP rules beyond the schema do not hold. */
char       *bridge_plan_to_ewp_xml            (BridgePlan    *self,
                                               BridgeCatalog *catalog,
                                               GError       **error);
/* Reads an EWP la (a get-response, its first la) into a new plan. Catalog
 * universities and courses are matched by hei-id and code where possible. */
BridgePlan *bridge_plan_new_from_ewp_xml      (const char    *xml,
                                               gssize         length,
                                               BridgeCatalog *catalog,
                                               GError       **error);

typedef enum
{
  BRIDGE_PLAN_EXPORT_PDF,
  BRIDGE_PLAN_EXPORT_EWP_XML,
  BRIDGE_PLAN_EXPORT_JSON,
} BridgePlanExportFormat;

/* Exports to @path without blocking the caller: what needs the plan and the
 * catalog is gathered now, on the calling thread; the PDF is laid out, drawn
 * and written (atomically) in a worker thread. Errors as the functions above
 * (an EWP rule that does not hold is reported by the finish function). */
void        bridge_plan_export_async          (BridgePlan             *self,
                                               BridgeCatalog          *catalog,
                                               BridgePlanExportFormat  format,
                                               const char             *path,
                                               GCancellable           *cancellable,
                                               GAsyncReadyCallback     callback,
                                               gpointer                user_data);
gboolean    bridge_plan_export_finish         (BridgePlan             *self,
                                               GAsyncResult           *result,
                                               GError                **error);

G_END_DECLS
