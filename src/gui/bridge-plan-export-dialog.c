/* bridge-plan-export-dialog.c
 *
 * The save dialog is a GtkFileChooserNative (GTK 4.8 has no GtkFileDialog)
 * with a "Format" choice; what happens once a file and a format are chosen
 * is bridge_plan_export_to_file (), which tests call without a dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan-export"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bridge-error.h"
#include "bridge-file.h"
#include "bridge-plan-export-dialog.h"
#include "bridge-plan-export.h"
#include "bridge-plan-pdf.h"
#include "bridge-gui-util.h"

typedef struct
{
  const char             *id;             /* the choice's id */
  BridgePlanExportFormat  format;
  const char             *extension;
  const char             *label;          /* untranslated */
} FormatInfo;

static const FormatInfo formats[] = {
  { "pdf", BRIDGE_PLAN_EXPORT_PDF, ".pdf", N_("PDF to sign") },
  { "ewp-xml", BRIDGE_PLAN_EXPORT_EWP_XML, ".xml", N_("Erasmus Without Paper XML") },
  { "json", BRIDGE_PLAN_EXPORT_JSON, ".creditplan", N_("Plan file (JSON)") },
};

static const FormatInfo *
format_info (BridgePlanExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return &formats[i];
  return &formats[0];
}

const char *
bridge_plan_export_format_extension (BridgePlanExportFormat format)
{
  return format_info (format)->extension;
}

/* @name without the extension of any format we write. */
static char *
strip_known_extension (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_has_suffix (name, formats[i].extension) && strlen (name) > strlen (formats[i].extension))
      return g_strndup (name, strlen (name) - strlen (formats[i].extension));
  return g_strdup (name);
}

char *
bridge_plan_export_default_name (BridgePlan             *plan,
                                 GFile                  *plan_file,
                                 BridgePlanExportFormat  format)
{
  g_autofree char *stem = NULL;
  const char *extension = bridge_plan_export_format_extension (format);

  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);

  if (plan_file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (plan_file);

      if (basename != NULL)
        stem = strip_known_extension (basename);
      /* Not the plan file itself by default. */
      if (stem != NULL && *stem != '\0' && format == BRIDGE_PLAN_EXPORT_JSON)
        {
          g_autofree char *plain = g_steal_pointer (&stem);

          /* Translators: the default name of a copy of a plan file: "lihua (copy)" */
          stem = g_strdup_printf (_("%s (copy)"), plain);
        }
    }
  if (stem == NULL || *stem == '\0')
    {
      const char *student = bridge_plan_get_student_name (plan);

      g_free (stem);
      if (student != NULL && *student != '\0')
        {
          g_autofree char *safe = g_strdup (student);

          /* No directory separators from a name. */
          g_strdelimit (safe, "/\\", '-');
          /* Translators: the default name of an exported file: "李华 – Learning Agreement" */
          stem = g_strdup_printf (_("%s – Learning Agreement"), safe);
        }
      else
        stem = g_strdup (_("Learning Agreement"));
    }
  return g_strconcat (stem, extension, NULL);
}

/* Telling the user -------------------------------------------------------- */

void
bridge_plan_export_show_error (GtkWindow  *parent,
                               const char *heading,
                               const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
launch_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    bridge_plan_export_show_error (parent, _("Could Not Open the File"), error->message);
}

static void
open_clicked_cb (AdwToast *toast,
                 GFile    *file)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (toast), "bridge-parent");
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GdkAppLaunchContext) launch = NULL;

  if (parent != NULL)
    launch = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (parent)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (launch), NULL,
                                           launch_done_cb, parent != NULL ? g_object_ref (parent) : NULL);
}

void
bridge_plan_export_show_success (GtkWindow *parent,
                                 GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!bridge_gui_can_toast (GTK_WIDGET (parent)))
    return;

  /* Translators: a toast after an export: "Exported “李华 – Learning Agreement.pdf”" */
  title = g_strdup_printf (_("Exported “%s”"), name);
  toast = bridge_gui_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "bridge-parent", parent);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_clicked_cb),
                         g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  bridge_gui_add_toast (GTK_WIDGET (parent), toast);
}

/* Exporting ---------------------------------------------------------------- */

typedef struct
{
  GtkWindow *parent;                      /* may be NULL */
  GFile     *file;
  AdwToast  *progress;                    /* NULL when there is no window to show it */
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->file);
  g_clear_object (&data->progress);
  g_free (data);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (data->progress != NULL)
    adw_toast_dismiss (data->progress);

  if (bridge_plan_export_finish (BRIDGE_PLAN (source), result, &error))
    {
      bridge_plan_export_show_success (data->parent, data->file);
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = g_file_get_basename (data->file);
      /* Translators: the heading of an error: "Could Not Export “agreement.xml”" */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);

      bridge_plan_export_show_error (data->parent, heading, error->message);
    }
  g_task_return_error (task, error);
}

void
bridge_plan_export_to_file (GtkWindow              *parent,
                            BridgeContext          *context,
                            BridgePlan             *plan,
                            GFile                  *plan_file,
                            BridgePlanExportFormat  format,
                            GFile                  *file,
                            GCancellable           *cancellable,
                            GAsyncReadyCallback     callback,
                            gpointer                user_data)
{
  bridge_plan_export_to_file_full (parent, context, plan, plan_file, format, FALSE, file,
                                   cancellable, callback, user_data);
}

void
bridge_plan_export_to_file_full (GtkWindow              *parent,
                                 BridgeContext          *context,
                                 BridgePlan             *plan,
                                 GFile                  *plan_file,
                                 BridgePlanExportFormat  format,
                                 gboolean                annex,
                                 GFile                  *file,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  BridgeHoldings *holdings = bridge_plan_get_holdings (plan);
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  g_autofree char *plan_path = NULL;
  ExportData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (BRIDGE_IS_CONTEXT (context));
  g_return_if_fail (BRIDGE_IS_PLAN (plan));
  g_return_if_fail (plan_file == NULL || G_IS_FILE (plan_file));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (plan, cancellable, callback, user_data);
  g_task_set_source_tag (task, bridge_plan_export_to_file);
  data = g_new0 (ExportData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->file = g_object_ref (file);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), uri);
      const char *message = _("Only files on this computer can be written; choose a local folder.");

      bridge_plan_export_show_error (parent, heading, message);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s", message);
      return;
    }

  /* The export would replace the plan it is made from, also when it is
   * named through a symbolic or a hard link. */
  plan_path = plan_file != NULL ? g_file_get_path (plan_file) : NULL;
  if (plan_path != NULL && bridge_file_is_same (plan_path, path))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);
      /* Translators: %s is the name of the file chosen for the export */
      g_autofree char *message = g_strdup_printf (_("“%s” is the plan file itself, which the export "
                                                    "would replace. Nothing was written: choose "
                                                    "another name for the export."),
                                                  name);

      bridge_plan_export_show_error (parent, heading, message);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS, "%s", message);
      return;
    }

  /* The PDF is drawn in a worker thread: say that something is happening. */
  if (bridge_gui_can_toast (GTK_WIDGET (parent)))
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: a toast while exporting: "Exporting “agreement.pdf”…" */
      g_autofree char *title = g_strdup_printf (_("Exporting “%s”…"), name);

      data->progress = bridge_gui_toast_new (title);
      adw_toast_set_timeout (data->progress, 0);
      bridge_gui_add_toast (GTK_WIDGET (parent), g_object_ref (data->progress));
    }

  /* The annex judges the certificates at the plan's home university. */
  if (annex && format == BRIDGE_PLAN_EXPORT_PDF && holdings != NULL)
    {
      const char *home = bridge_plan_get_home_university (plan);
      g_autoptr(GError) error = NULL;

      summary = bridge_holdings_summarize (holdings, bridge_context_get_catalog (context),
                                           home != NULL && *home != '\0' ? home : NULL, NULL, &error);
      if (summary == NULL)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);

          if (data->progress != NULL)
            adw_toast_dismiss (data->progress);
          bridge_plan_export_show_error (parent, heading, error->message);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      bridge_plan_export_pdf_with_annex_async (plan, bridge_context_get_catalog (context), holdings, summary,
                                               path, cancellable, export_done_cb, g_steal_pointer (&task));
      return;
    }
  bridge_plan_export_async (plan, bridge_context_get_catalog (context), format, path,
                            cancellable, export_done_cb, g_steal_pointer (&task));
}

gboolean
bridge_plan_export_to_file_finish (BridgePlan    *plan,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, plan), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The dialog ---------------------------------------------------------------- */

typedef struct
{
  GtkWindow     *parent;
  BridgeContext *context;
  BridgePlan    *plan;
  GFile         *file;                    /* after the dialog */
  GFile         *plan_file;               /* names the default; may be NULL */
  BridgePlanExportFormat format;
  gboolean       annex_offered;           /* the dialog has the annex choice */
  gboolean       annex;                   /* the PDF lists the student's certificates */
  guint          follow_id;               /* follow_format () while the dialog shows */
} DialogData;

static void
dialog_data_free (DialogData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->context);
  g_clear_object (&data->plan);
  g_clear_object (&data->plan_file);
  g_clear_object (&data->file);
  g_clear_handle_id (&data->follow_id, g_source_remove);
  g_free (data);
}

static void
export_chosen (DialogData *data)
{
  bridge_plan_export_to_file_full (data->parent, data->context, data->plan, data->plan_file,
                                   data->format, data->annex, data->file, NULL, NULL, NULL);
  dialog_data_free (data);
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DialogData       *data)
{
  if (g_strcmp0 (response, "replace") == 0)
    export_chosen (data);
  else
    dialog_data_free (data);
}

static BridgePlanExportFormat
chosen_format (GtkFileChooser *chooser)
{
  const char *choice = gtk_file_chooser_get_choice (chooser, "format");

  for (guint i = 0; choice != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (choice, formats[i].id))
      return formats[i].format;
  return BRIDGE_PLAN_EXPORT_PDF;
}

/* The file with the chosen format's extension: "agreement" and
 * "agreement.pdf" become "agreement.xml" for EWP XML; other names keep theirs
 * and get it appended ("li.hua" → "li.hua.xml"). */
static GFile *
with_extension (GFile                  *file,
                BridgePlanExportFormat  format)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *fixed = NULL;
  g_autoptr(GFile) parent = NULL;
  const char *extension = bridge_plan_export_format_extension (format);

  if (name == NULL || g_str_has_suffix (name, extension))
    return g_object_ref (file);
  fixed = bridge_plan_export_name_for_format (name, NULL, NULL, format);
  parent = g_file_get_parent (file);
  return parent != NULL ? g_file_get_child (parent, fixed) : g_object_ref (file);
}

static void
dialog_response_cb (GtkNativeDialog *native,
                    int              response,
                    DialogData      *data)
{
  g_autoptr(GFile) chosen = NULL;
  const char *choice;

  g_clear_handle_id (&data->follow_id, g_source_remove);
  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_debug ("Export dialog closed with response %d", response);
      dialog_data_free (data);
      g_object_unref (native);
      return;
    }

  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "format");
  if (choice != NULL)
    data->format = chosen_format (GTK_FILE_CHOOSER (native));
  if (data->annex_offered)
    data->annex = g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (native), "annex"), "true") == 0;
  g_object_unref (native);

  g_debug ("Export to %s as %s", chosen != NULL ? g_file_peek_path (chosen) : "(nothing)",
           choice != NULL ? choice : "(no choice)");
  if (chosen == NULL)
    {
      dialog_data_free (data);
      return;
    }
  data->file = with_extension (chosen, data->format);

  /* The dialog asked about replacing the name typed, not the one with the
   * extension added: ask again when that one exists. */
  if (!g_file_equal (data->file, chosen) && g_file_query_exists (data->file, NULL))
    {
      g_autofree char *name = g_file_get_basename (data->file);
      /* Translators: "Replace “agreement.pdf”?" */
      g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), name);
      GtkWidget *dialog = adw_message_dialog_new (data->parent, heading,
                                                  _("A file with this name already exists. "
                                                    "Replacing it overwrites its contents."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "replace", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (replace_response_cb), data);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  export_chosen (data);
}

/* The name typed follows the format chosen: GTK's dialog has no signal for
 * a choice, so it is read while the dialog shows (GtkFileChooserNative
 * gives its own dialog's live choice and name; a portal's dialog names the
 * file when it closes, and with_extension () corrects it then). */
static gboolean
follow_format (gpointer user_data)
{
  GtkFileChooser *chooser = user_data;
  DialogData *data = g_object_get_data (G_OBJECT (chooser), "dialog-data");
  BridgePlanExportFormat format = chosen_format (chooser);
  g_autofree char *name = NULL;
  g_autofree char *old_default = NULL;
  g_autofree char *renamed = NULL;

  if (format == data->format)
    return G_SOURCE_CONTINUE;
  name = gtk_file_chooser_get_current_name (chooser);
  if (name == NULL || *name == '\0')
    {
      data->format = format;
      return G_SOURCE_CONTINUE;
    }
  old_default = bridge_plan_export_default_name (data->plan, data->plan_file, data->format);
  data->format = format;
  renamed = bridge_plan_export_name_for_format (name, g_strcmp0 (name, old_default) == 0 ? data->plan : NULL,
                                                data->plan_file, format);
  gtk_file_chooser_set_current_name (chooser, renamed);
  return G_SOURCE_CONTINUE;
}

char *
bridge_plan_export_name_for_format (const char             *name,
                                    BridgePlan             *plan,
                                    GFile                  *plan_file,
                                    BridgePlanExportFormat  format)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (plan == NULL || BRIDGE_IS_PLAN (plan), NULL);

  g_return_val_if_fail (name != NULL, NULL);

  if (plan != NULL)
    return bridge_plan_export_default_name (plan, plan_file, format);
  stem = strip_known_extension (name);
  return g_strconcat (stem, bridge_plan_export_format_extension (format), NULL);
}

void
bridge_plan_export_dialog_show_format (GtkWindow              *parent,
                                       BridgeContext          *context,
                                       BridgePlan             *plan,
                                       GFile                  *plan_file,
                                       BridgePlanExportFormat  format)
{
  const char *ids[G_N_ELEMENTS (formats) + 1] = { NULL };
  const char *labels[G_N_ELEMENTS (formats) + 1] = { NULL };
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  gboolean annex_offered;
  DialogData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (BRIDGE_IS_CONTEXT (context));
  g_return_if_fail (BRIDGE_IS_PLAN (plan));

  native = gtk_file_chooser_native_new (_("Export Learning Agreement"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  /* The format asked for comes first, and is chosen: GTK's own dialog
   * (used without a portal) may not follow set_choice () on a shown dialog. */
  ids[0] = format_info (format)->id;
  labels[0] = _(format_info (format)->label);
  for (guint i = 0, n = 1; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format != format_info (format)->format)
      {
        ids[n] = formats[i].id;
        labels[n] = _(formats[i].label);
        n++;
      }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "format", format_info (format)->id);
  /* Only a student who holds certificates is offered the annex (PDF only:
   * a certificate is never part of the EWP agreement). */
  annex_offered = bridge_plan_get_holdings (plan) != NULL &&
                  bridge_holdings_get_n_holdings (bridge_plan_get_holdings (plan)) > 0;
  if (annex_offered)
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "annex",
                                   _("List my certificates in an annex (PDF)"), NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "annex", "false");
    }

  if (plan_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (plan_file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  name = bridge_plan_export_default_name (plan, plan_file, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  data = g_new0 (DialogData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->context = g_object_ref (context);
  data->plan = g_object_ref (plan);
  data->plan_file = plan_file != NULL ? g_object_ref (plan_file) : NULL;
  data->format = format;
  data->annex_offered = annex_offered;
  g_object_set_data (G_OBJECT (native), "dialog-data", data);
  g_signal_connect (native, "response", G_CALLBACK (dialog_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  data->follow_id = g_timeout_add (100, follow_format, native);
}

void
bridge_plan_export_dialog_show (GtkWindow     *parent,
                                BridgeContext *context,
                                BridgePlan    *plan,
                                GFile         *plan_file)
{
  bridge_plan_export_dialog_show_format (parent, context, plan, plan_file, BRIDGE_PLAN_EXPORT_PDF);
}
