/* bridge-plan-pdf.h: the Learning Agreement as a printed document
 *
 * A4 pages drawn with cairo and pango, in the order of the Erasmus+
 * Learning Agreement for Studies: student, institutions, Table A, Table B,
 * the grading tables conversions will use, the commitment (three
 * approvals), the changes during the mobility, and — after the stay — the
 * recognition record. Every page carries its number and the SHA-256 digest
 * of the agreement (bridge_plan_get_agreement_digest ()): its content and
 * approvals, so grades and review comments added later do not change it.
 *
 * When the student chooses to, a last page lists the certificates they hold
 * (the "_with_annex" variants): an annex, not part of the agreement, whose
 * pages keep the agreement's digest in their footer and which states the
 * digest of the credit-bank statement it shows (bridge-statement.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "bridge-holdings.h"
#include "bridge-plan.h"

G_BEGIN_DECLS

/* Writes the PDF to @path atomically; the previous file stays intact on failure. */
gboolean bridge_plan_export_pdf (BridgePlan     *plan,
                                 BridgeCatalog  *catalog,
                                 const char     *path,
                                 GError        **error);

/* The PDF in memory. */
GBytes  *bridge_plan_render_pdf (BridgePlan     *plan,
                                 BridgeCatalog  *catalog,
                                 GError        **error);

/* The same with the annex of the certificates @holdings holds, as @summary
 * judges them (bridge_holdings_summarize ()); no annex when @summary is NULL. */
gboolean bridge_plan_export_pdf_with_annex (BridgePlan                   *plan,
                                            BridgeCatalog                *catalog,
                                            BridgeHoldings               *holdings,
                                            const BridgeHoldingsSummary  *summary,
                                            const char                   *path,
                                            GError                      **error);
GBytes  *bridge_plan_render_pdf_with_annex (BridgePlan                   *plan,
                                            BridgeCatalog                *catalog,
                                            BridgeHoldings               *holdings,
                                            const BridgeHoldingsSummary  *summary,
                                            GError                      **error);
/* As bridge_plan_export_async () with BRIDGE_PLAN_EXPORT_PDF (finished by
 * bridge_plan_export_finish ()): what needs the plan, the catalog and the
 * certificates is read now, on the calling thread. */
void     bridge_plan_export_pdf_with_annex_async (BridgePlan                  *plan,
                                                  BridgeCatalog               *catalog,
                                                  BridgeHoldings              *holdings,
                                                  const BridgeHoldingsSummary *summary,
                                                  const char                  *path,
                                                  GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);

/* For GtkPrintOperation: lay out once for the page size, then draw pages
 * on the print context's cairo_t. Sizes in points (1/72 inch). The document
 * keeps its own margins, so set the operation to use the full page in points:
 *   gtk_print_operation_set_use_full_page (op, TRUE);
 *   gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
 * then in "begin-print" call bridge_plan_document_paginate () with
 * gtk_print_context_get_cairo_context () / _get_width () / _get_height ()
 * and gtk_print_operation_set_n_pages () with the result, and in
 * "draw-page" bridge_plan_document_draw_page (). */
typedef struct _BridgePlanDocument BridgePlanDocument;

BridgePlanDocument *bridge_plan_document_new       (BridgePlan         *plan,
                                                    BridgeCatalog      *catalog,
                                                    GError            **error);
/* With the annex, as bridge_plan_render_pdf_with_annex (). */
BridgePlanDocument *bridge_plan_document_new_with_annex (BridgePlan                  *plan,
                                                         BridgeCatalog               *catalog,
                                                         BridgeHoldings              *holdings,
                                                         const BridgeHoldingsSummary *summary,
                                                         GError                     **error);
/* Lays the document out on pages of @width × @height and returns how many there are. */
guint               bridge_plan_document_paginate  (BridgePlanDocument *self,
                                                    cairo_t            *cr,
                                                    double              width,
                                                    double              height);
void                bridge_plan_document_draw_page (BridgePlanDocument *self,
                                                    cairo_t            *cr,
                                                    guint               page);
void                bridge_plan_document_free      (BridgePlanDocument *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgePlanDocument, bridge_plan_document_free)

G_END_DECLS
