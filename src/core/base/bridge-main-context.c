/* bridge-main-context.c: handing a worker thread's results to the thread
 * that waits for them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bridge-main-context.h"

void
bridge_main_context_invoke (GMainContext   *context,
                            int             priority,
                            GSourceFunc     function,
                            gpointer        data,
                            GDestroyNotify  notify)
{
  GSource *source;

  g_return_if_fail (function != NULL);

  if (context == NULL)
    context = g_main_context_default ();

  if (g_main_context_is_owner (context))
    {
      while (function (data) == G_SOURCE_CONTINUE)
        ;
      if (notify != NULL)
        notify (data);
      return;
    }

  source = g_idle_source_new ();
  g_source_set_priority (source, priority);
  g_source_set_callback (source, function, data, notify);
  g_source_set_static_name (source, "[credit-bridge] bridge_main_context_invoke");
  g_source_attach (source, context);
  g_source_unref (source);
}
