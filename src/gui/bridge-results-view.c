/* bridge-results-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-results-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-results-view.h"

struct _BridgeResultsView
{
  AdwBin         parent_instance;

  BridgeContext *context;
  BridgePlan    *plan;
};

G_DEFINE_FINAL_TYPE (BridgeResultsView, bridge_results_view, ADW_TYPE_BIN)

static void
bridge_results_view_dispose (GObject *object)
{
  BridgeResultsView *self = BRIDGE_RESULTS_VIEW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (bridge_results_view_parent_class)->dispose (object);
}

static void
bridge_results_view_class_init (BridgeResultsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bridge_results_view_dispose;
}

static void
bridge_results_view_init (BridgeResultsView *self)
{
}

GtkWidget *
bridge_results_view_new (void)
{
  return g_object_new (BRIDGE_TYPE_RESULTS_VIEW, NULL);
}

void
bridge_results_view_set_plan (BridgeResultsView *self,
                              BridgeContext     *context,
                              BridgePlan        *plan)
{
  g_return_if_fail (BRIDGE_IS_RESULTS_VIEW (self));

  g_set_object (&self->context, context);
  g_set_object (&self->plan, plan);
}
