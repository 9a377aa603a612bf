/* bridge-plan-ewp.c: the Learning Agreement as EWP XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-error.h"
#include "bridge-plan.h"

char *
bridge_plan_to_ewp_xml (BridgePlan    *self,
                        BridgeCatalog *catalog,
                        GError       **error)
{
  g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED, _("EWP export is not built yet"));
  return NULL;
}
