/* bridge-plan-pdf.c: the Learning Agreement as a PDF (cairo + pango)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-error.h"
#include "bridge-plan-pdf.h"

gboolean
bridge_plan_export_pdf (BridgePlan     *plan,
                        BridgeCatalog  *catalog,
                        const char     *path,
                        GError        **error)
{
  g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED, _("PDF export is not built yet"));
  return FALSE;
}
