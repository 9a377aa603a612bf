/* bridge-holdings-view.h: My Certificates, in the Certificates page
 *
 * The certificates the student holds (BridgeHoldings), judged at a home
 * university chosen here (the record's home, else the window's): each with
 * the credits granted, marked when expired or about to expire, the notes of
 * the summary and the total, all core's (bridge_holdings_summarize ()); a
 * button removes one, and the credit-bank statement is exported as PDF or
 * JSON in a worker thread. A record file that could not be read is shown in
 * a banner, and never written over until the student starts again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"
#include "bridge-holdings.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_HOLDINGS_VIEW (bridge_holdings_view_get_type ())
G_DECLARE_FINAL_TYPE (BridgeHoldingsView, bridge_holdings_view, BRIDGE, HOLDINGS_VIEW, AdwBin)

typedef enum
{
  BRIDGE_HOLDINGS_EXPORT_PDF,
  BRIDGE_HOLDINGS_EXPORT_JSON,
} BridgeHoldingsExport;

BridgeHoldingsView *bridge_holdings_view_new          (void);
void                bridge_holdings_view_set_context  (BridgeHoldingsView *self,
                                                       BridgeContext      *context);
void                bridge_holdings_view_set_holdings (BridgeHoldingsView *self,
                                                       BridgeHoldings     *holdings);
/* Puts the focus on the view's first control. */
void                bridge_holdings_view_focus        (BridgeHoldingsView *self);

/* The dialog that adds @certificate_id to @holdings: the date obtained,
 * checked by core as it is typed, and the certificate's number. Presented
 * over @parent; transfer none. */
GtkWidget          *bridge_holdings_view_add_dialog_new (GtkWindow      *parent,
                                                         BridgeContext  *context,
                                                         BridgeHoldings *holdings,
                                                         const char     *certificate_id);

/* For tests. */
/* "banner", "banner-label", "reset-button", "university-row", "held-list",
 * "total-label", "notes-box", "export-pdf-button", "export-json-button" */
GtkWidget          *bridge_holdings_view_get_child    (BridgeHoldingsView *self,
                                                       const char         *name);
/* The university the holdings are judged at; NULL when none. */
const char         *bridge_holdings_view_get_home     (BridgeHoldingsView *self);
/* What the export buttons do once a file is chosen: the statement of the
 * holdings at the home shown, today, written to @file in a worker thread;
 * a toast says when it is done, a dialog why not. */
void                bridge_holdings_view_export       (BridgeHoldingsView    *self,
                                                       BridgeHoldingsExport  format,
                                                       GFile                 *file,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);
gboolean            bridge_holdings_view_export_finish (BridgeHoldingsView  *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
