/* bridge-certificates-page-private.h: what the tests reach in the Certificates page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-certificates-page.h"

G_BEGIN_DECLS

/* The page's widgets by name: "search-entry", "filter-button",
 * "issuer-row", "field-row", "level-row", "results-label", "list-box",
 * "leaflet", "content-stack", "back-button", "name-label", "about-list",
 * "home-heading", "home-list", "others-list", "add-button", "mine-button",
 * and once My Certificates is built, "holdings-view". */
GtkWidget *bridge_certificates_page_get_child        (BridgeCertificatesPage *self,
                                                      const char             *name);
/* The ids of the certificates listed, in their order. */
GStrv      bridge_certificates_page_dup_listed       (BridgeCertificatesPage *self);
/* Shows the certificate @id (and, when folded, goes to it). */
void       bridge_certificates_page_show_certificate (BridgeCertificatesPage *self,
                                                      const char             *id);
/* The id of the certificate shown, or NULL. */
const char *bridge_certificates_page_get_shown       (BridgeCertificatesPage *self);
/* Shows My Certificates. */
void       bridge_certificates_page_show_mine        (BridgeCertificatesPage *self);
/* The Add dialog of the certificate shown, presented (transfer none). */
GtkWidget *bridge_certificates_page_open_add_dialog  (BridgeCertificatesPage *self);

G_END_DECLS
