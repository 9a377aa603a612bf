/* bridge-certificates-page.h: the credit bank's certificates, and mine
 *
 * Search the certificates the alliance recognises, narrow them by issuer,
 * field and level, and see one: its issuer, level, field and workload, what
 * the home university grants for it (core's bridge_certificate_judge ()),
 * and which other universities recognise it. My Certificates records those
 * the student holds (BridgeHoldings) and exports the credit-bank statement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bridge-context.h"
#include "bridge-holdings.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_CERTIFICATES_PAGE (bridge_certificates_page_get_type ())
G_DECLARE_FINAL_TYPE (BridgeCertificatesPage, bridge_certificates_page, BRIDGE, CERTIFICATES_PAGE, AdwBin)

void bridge_certificates_page_set_context  (BridgeCertificatesPage *self,
                                            BridgeContext          *context);
/* The student's record, the window's (loaded at start). */
void bridge_certificates_page_set_holdings (BridgeCertificatesPage *self,
                                            BridgeHoldings         *holdings);
/* After an import: the certificates and the filters' choices are read again. */
void bridge_certificates_page_reload       (BridgeCertificatesPage *self);
void bridge_certificates_page_focus_search (BridgeCertificatesPage *self);

G_END_DECLS
