/* bridge-statement.h: the credit-bank statement for the academic office
 *
 * What a student hands in to have their certificates recognised: who they
 * are, the home university, the day judged, and for each certificate they
 * hold its name, issuer, number, date obtained, what the home grants
 * (credits, the courses replaced or free elective credits, the last valid
 * day) or why it grants nothing, with the total and the notes of the
 * summary (bridge-holdings.h).
 *
 * The statement's digest is the SHA-256 of its canonical JSON
 * (bridge_statement_to_json () without "digest", members sorted, written
 * compactly), so the PDF and the JSON of one statement carry the same
 * digest and the office can check one against the other. Every PDF page
 * carries its number and the digest in its footer, as the agreement does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <json-glib/json-glib.h>

#include "bridge-catalog.h"
#include "bridge-holdings.h"

G_BEGIN_DECLS

#define BRIDGE_STATEMENT_FORMAT  "credit-bridge-statement"
#define BRIDGE_STATEMENT_VERSION 1

/* {"format", "version", "student": {"name", "id"}, "home": {"id", "name"},
 *  "on", …the summary's members…, "digest"} */
JsonNode *bridge_statement_to_json      (BridgeHoldings               *holdings,
                                         const BridgeHoldingsSummary  *summary,
                                         BridgeCatalog                *catalog);
/* The SHA-256 of the statement, lower-case hex (newly allocated). */
char     *bridge_statement_get_digest   (BridgeHoldings               *holdings,
                                         const BridgeHoldingsSummary  *summary,
                                         BridgeCatalog                *catalog);

/* Written atomically; the previous file stays intact on failure. */
gboolean  bridge_statement_export_json  (BridgeHoldings               *holdings,
                                         const BridgeHoldingsSummary  *summary,
                                         BridgeCatalog                *catalog,
                                         const char                   *path,
                                         GError                      **error);
GBytes   *bridge_statement_render_pdf   (BridgeHoldings               *holdings,
                                         const BridgeHoldingsSummary  *summary,
                                         BridgeCatalog                *catalog,
                                         GError                      **error);
gboolean  bridge_statement_export_pdf   (BridgeHoldings               *holdings,
                                         const BridgeHoldingsSummary  *summary,
                                         BridgeCatalog                *catalog,
                                         const char                   *path,
                                         GError                      **error);

/* What a person reads of @entry's status: recognised, about to expire,
 * expired, not recognised, or not in the catalog (translated). */
const char *bridge_statement_entry_status (const BridgeHoldingsEntry *entry);

G_END_DECLS
