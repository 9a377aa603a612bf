/* bridge-statement-private.h: the statement's table of certificates, which
 * the learning agreement's annex shows too (bridge-plan-pdf.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-pdf-writer.h"
#include "bridge-statement.h"

G_BEGIN_DECLS

/* Adds to @writer the table of the certificates of @summary (name, issuer,
 * number, obtained, credits granted, courses replaced, valid until,
 * status), its total and its notes. */
void bridge_statement_add_certificates (BridgePdfWriter             *writer,
                                        const BridgeHoldingsSummary *summary,
                                        BridgeCatalog               *catalog);

G_END_DECLS
