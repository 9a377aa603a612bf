/* bridge-plan-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan-export"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bridge-plan-export-dialog.h"

const char *
bridge_plan_export_format_extension (BridgePlanExportFormat format)
{
  switch (format)
    {
    case BRIDGE_PLAN_EXPORT_PDF:
      return ".pdf";
    case BRIDGE_PLAN_EXPORT_EWP_XML:
      return ".xml";
    case BRIDGE_PLAN_EXPORT_JSON:
    default:
      return ".creditplan";
    }
}

char *
bridge_plan_export_default_name (BridgePlan             *plan,
                                 GFile                  *plan_file,
                                 BridgePlanExportFormat  format)
{
  const char *name = bridge_plan_get_student_name (plan);

  return g_strconcat (name != NULL && *name != '\0' ? name : _("Learning Agreement"),
                      bridge_plan_export_format_extension (format), NULL);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (bridge_plan_export_finish (BRIDGE_PLAN (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  g_object_unref (task);
}

void
bridge_plan_export_to_file (GtkWindow              *parent,
                            BridgeContext          *context,
                            BridgePlan             *plan,
                            BridgePlanExportFormat  format,
                            GFile                  *file,
                            GCancellable           *cancellable,
                            GAsyncReadyCallback     callback,
                            gpointer                user_data)
{
  GTask *task = g_task_new (plan, cancellable, callback, user_data);
  g_autofree char *path = g_file_get_path (file);

  bridge_plan_export_async (plan, bridge_context_get_catalog (context), format, path,
                            cancellable, export_done_cb, task);
}

gboolean
bridge_plan_export_to_file_finish (BridgePlan    *plan,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, plan), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
bridge_plan_export_dialog_show (GtkWindow     *parent,
                                BridgeContext *context,
                                BridgePlan    *plan,
                                GFile         *plan_file)
{
  g_warning ("Export dialog not implemented yet");
}
