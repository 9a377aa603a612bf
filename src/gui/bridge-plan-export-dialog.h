/* bridge-plan-export-dialog.h: export the plan from the window
 *
 * A save dialog with the format to write (the PDF to sign, Erasmus Without
 * Paper XML, the JSON plan file), then core's bridge_plan_export_async ()
 * without blocking the window; a toast with "Open" when done, the error
 * (for EWP XML, the rule that does not hold) when not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bridge-context.h"
#include "bridge-plan-export.h"

G_BEGIN_DECLS

/* Asks where to export @plan (@plan_file, may be NULL, names the default). */
void     bridge_plan_export_dialog_show  (GtkWindow              *parent,
                                          BridgeContext          *context,
                                          BridgePlan             *plan,
                                          GFile                  *plan_file);
/* The same with @format chosen to begin with. */
void     bridge_plan_export_dialog_show_format (GtkWindow              *parent,
                                                BridgeContext          *context,
                                                BridgePlan             *plan,
                                                GFile                  *plan_file,
                                                BridgePlanExportFormat  format);

/* What the dialog does once a file and a format are chosen: exports @plan
 * to @file and reports to the user over @parent (toast or message dialog).
 * @file may not be @plan_file (may be NULL), the file @plan was read from.
 * @callback (may be NULL) gets the result of bridge_plan_export_finish (). */
void     bridge_plan_export_to_file      (GtkWindow              *parent,
                                          BridgeContext          *context,
                                          BridgePlan             *plan,
                                          GFile                  *plan_file,
                                          BridgePlanExportFormat  format,
                                          GFile                  *file,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
/* The same; with @annex, a PDF lists after the agreement the certificates
 * the plan's holdings (bridge_plan_get_holdings ()) hold, judged at the
 * plan's home university (bridge-plan-pdf.h). */
void     bridge_plan_export_to_file_full (GtkWindow              *parent,
                                          BridgeContext          *context,
                                          BridgePlan             *plan,
                                          GFile                  *plan_file,
                                          BridgePlanExportFormat  format,
                                          gboolean                annex,
                                          GFile                  *file,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data);
gboolean bridge_plan_export_to_file_finish (BridgePlan           *plan,
                                            GAsyncResult         *result,
                                            GError              **error);

/* The default file name for @format ("Li Hua – Learning Agreement.pdf"),
 * from @plan_file's name when given, else the student's name. */
char    *bridge_plan_export_default_name (BridgePlan             *plan,
                                          GFile                  *plan_file,
                                          BridgePlanExportFormat  format);
/* @name with the extension of @format in place of any of ours ("li.pdf"
 * → "li.xml"); with @plan given, the default name for @format instead. */
char    *bridge_plan_export_name_for_format (const char             *name,
                                             BridgePlan             *plan,
                                             GFile                  *plan_file,
                                             BridgePlanExportFormat  format);
/* After an export (of anything) to @file: a toast over @parent with a
 * button that opens it. */
void     bridge_plan_export_show_success (GtkWindow              *parent,
                                          GFile                  *file);
/* Why an export failed, in a dialog over @parent. */
void     bridge_plan_export_show_error   (GtkWindow              *parent,
                                          const char             *heading,
                                          const char             *message);

/* ".pdf", ".xml", ".creditplan" */
const char *bridge_plan_export_format_extension (BridgePlanExportFormat format);

G_END_DECLS
