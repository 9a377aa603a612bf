/* bridge-main-context.h: handing a worker thread's results to the thread
 * that waits for them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calls @function (@data) in the thread that runs @context: at once when
 * that is the calling thread, otherwise from an idle source attached to
 * @context, at @priority. @notify frees @data after the call.
 *
 * Unlike g_main_context_invoke_full (), never runs @function in the calling
 * thread when it does not own @context: from a worker, GLib's function
 * acquires the default context whenever the thread that runs it is not
 * iterating it at that moment (busy building a window, say) and calls
 * @function right there, in the worker, beside that thread's own work on the
 * same objects. */
void bridge_main_context_invoke (GMainContext   *context,
                                 int             priority,
                                 GSourceFunc     function,
                                 gpointer        data,
                                 GDestroyNotify  notify);

G_END_DECLS
