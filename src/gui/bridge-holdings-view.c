/* bridge-holdings-view.c
 *
 * Every figure is core's: bridge_holdings_summarize () judges the holdings,
 * bridge_certificate_describe_grant () says what each grants, and the
 * statement is bridge-statement.h's. The view lays them out, and saves the
 * record after each change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-holdings-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-certificate.h"
#include "bridge-error.h"
#include "bridge-gui-util.h"
#include "bridge-holdings-view.h"
#include "bridge-plan-export-dialog.h"
#include "bridge-statement.h"

struct _BridgeHoldingsView
{
  AdwBin                 parent_instance;

  BridgeContext         *context;
  BridgeHoldings        *holdings;
  GPtrArray             *university_ids;  /* element-type utf8: the university row's choices */
  char                  *home_id;         /* judged at; NULL when none */
  gboolean               home_chosen;     /* by the student in the row, not by default */
  gboolean               updating;
  BridgeHoldingsSummary *summary;         /* NULL when there is no home */

  /* template */
  GtkWidget             *banner;
  GtkLabel              *banner_label;
  GtkWidget             *reset_button;
  AdwComboRow           *university_row;
  AdwEntryRow           *name_row;
  AdwEntryRow           *number_row;
  GtkListBox            *held_list;
  GtkLabel              *total_label;
  GtkBox                *notes_box;
  GtkWidget             *export_pdf_button;
  GtkWidget             *export_json_button;
};

G_DEFINE_FINAL_TYPE (BridgeHoldingsView, bridge_holdings_view, ADW_TYPE_BIN)

/* ------------------------------------------------------------------------ */
/* Saving                                                                     */

/* Saves the record, or says in a toast why it cannot be. */
static void
save (GtkWidget      *widget,
      BridgeHoldings *holdings)
{
  g_autoptr(GError) error = NULL;

  if (!bridge_holdings_save (holdings, &error))
    {
      /* Translators: %s says why, naming the file */
      g_autofree char *message = g_strdup_printf (_("Your certificates could not be saved: %s"), error->message);

      bridge_gui_toast (widget, message);
    }
}

/* ------------------------------------------------------------------------ */
/* The list                                                                   */

static const char *
entry_name (const BridgeHoldingsEntry *entry)
{
  if (entry->certificate != NULL && entry->certificate->name != NULL)
    return bridge_text_pick (entry->certificate->name);
  return entry->holding->certificate_id;
}

/* What @entry's certificate grants at the home, as core says it. */
static char *
describe_entry (BridgeHoldingsView        *self,
                const BridgeHoldingsEntry *entry)
{
  BridgeCatalog *catalog = bridge_context_get_catalog (self->context);
  const BridgeCertificateJudgement *judgement = entry->judgement;
  BridgeCertificateRecognition granted = { 0 };
  g_autofree char *grant = NULL;

  if (entry->certificate == NULL || judgement == NULL)
    return g_strdup (_("The catalog no longer has this certificate: it grants nothing until the catalog lists it again."));
  if (!judgement->recognised)
    return g_strdup (judgement->reason != NULL ? judgement->reason : _("Not recognised"));
  granted.university = judgement->home_id;
  granted.credits = judgement->credits;
  granted.replaces = judgement->replaces;
  grant = bridge_certificate_describe_grant (catalog, &granted);
  if (judgement->valid_until != NULL)
    /* Translators: a grant, then its last valid day: "2 free elective credits, valid until 2027-09-21" */
    return g_strdup_printf (_("%s, valid until %s"), grant, judgement->valid_until);
  /* Translators: a grant that does not expire: "2 free elective credits, valid without limit" */
  return g_strdup_printf (_("%s, without time limit"), grant);
}

static void remove_clicked_cb (BridgeHoldingsView *self,
                               GtkButton          *button);

static GtkWidget *
tag_new (const char *text,
         const char *style)
{
  GtkWidget *tag = gtk_label_new (text);

  gtk_widget_add_css_class (tag, "recognition-tag");
  gtk_widget_add_css_class (tag, style);
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  return tag;
}

static GtkWidget *
entry_row_new (BridgeHoldingsView        *self,
               const BridgeHoldingsEntry *entry,
               guint                      index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *grant = describe_entry (self, entry);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *remove_label = NULL;

  /* Translators: the day a certificate was obtained: "Obtained 2024-09-21" */
  g_string_append_printf (subtitle, _("Obtained %s"), entry->holding->obtained);
  if (entry->holding->number != NULL && *entry->holding->number != '\0')
    {
      g_string_append (subtitle, _(" · "));
      /* Translators: a certificate's own number: "No. 2024-51-0001" */
      g_string_append_printf (subtitle, _("No. %s"), entry->holding->number);
    }
  g_string_append_c (subtitle, '\n');
  g_string_append (subtitle, grant);
  if (entry->judgement != NULL && entry->judgement->recognised && !entry->counted)
    {
      g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, _("Not counted in the total: see the notes below."));
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry_name (entry));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  if (entry->judgement != NULL && entry->judgement->expired)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag_new (_("Expired"), "error"));
  else if (entry->expiring)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag_new (_("Expires Soon"), "warning"));

  /* Translators: the accessible name of a button: "Remove 全国计算机等级考试二级" */
  remove_label = g_strdup_printf (_("Remove %s"), entry_name (entry));
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  /* From 1: the first holding's is not NULL. */
  g_object_set_data (G_OBJECT (remove), "holding-index", GUINT_TO_POINTER (index + 1));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
message_row_new (const char *title,
                 const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
update_banner (BridgeHoldingsView *self)
{
  const GError *load_error = self->holdings != NULL ? bridge_holdings_get_load_error (self->holdings) : NULL;

  gtk_widget_set_visible (self->banner, load_error != NULL);
  if (load_error != NULL)
    {
      /* Translators: %s is why the file cannot be read; it names the file */
      g_autofree char *text = g_strdup_printf (_("Your record of certificates cannot be read: %s.\n"
                                                 "It is left as it is, and nothing is saved over it. "
                                                 "Start again to keep it aside and begin a new record."),
                                               load_error->message);

      gtk_label_set_text (self->banner_label, text);
    }
}

static void
refresh (BridgeHoldingsView *self)
{
  BridgeCatalog *catalog;
  g_autoptr(GError) error = NULL;
  guint n;

  update_banner (self);
  bridge_gui_list_box_remove_all (self->held_list);
  bridge_gui_box_remove_all (self->notes_box);
  g_clear_pointer (&self->summary, bridge_holdings_summary_free);
  gtk_label_set_text (self->total_label, "");
  if (self->context == NULL || self->holdings == NULL ||
      (catalog = bridge_context_get_catalog (self->context)) == NULL)
    return;

  n = bridge_holdings_get_n_holdings (self->holdings);
  if (self->home_id == NULL)
    gtk_list_box_append (self->held_list,
                         message_row_new (_("No university chosen"),
                                          _("Choose above the university whose credits you want to see.")));
  else if (n > 0)
    self->summary = bridge_holdings_summarize (self->holdings, catalog, self->home_id, NULL, &error);
  if (n == 0)
    gtk_list_box_append (self->held_list,
                         message_row_new (_("No certificates yet"),
                                          _("Choose a certificate in the list, then Add to My Certificates.")));
  if (error != NULL)
    gtk_list_box_append (self->held_list, message_row_new (_("Cannot be judged"), error->message));

  for (guint i = 0; self->summary != NULL && i < self->summary->entries->len; i++)
    gtk_list_box_append (self->held_list, entry_row_new (self, g_ptr_array_index (self->summary->entries, i), i));

  if (self->summary != NULL)
    {
      g_autofree char *credits = bridge_gui_format_number (self->summary->total_credits);
      /* Translators: the credits all the certificates held grant: "Total: 5 credits" */
      g_autofree char *total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Total: %s credit", "Total: %s credits",
                                                             bridge_text_plural_count (credits)),
                                                credits);

      gtk_label_set_text (self->total_label, total);
      for (guint i = 0; i < self->summary->notes->len; i++)
        {
          GtkWidget *note = gtk_label_new (g_ptr_array_index (self->summary->notes, i));

          gtk_label_set_xalign (GTK_LABEL (note), 0);
          gtk_label_set_wrap (GTK_LABEL (note), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (note), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_selectable (GTK_LABEL (note), TRUE);
          gtk_box_append (self->notes_box, note);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->total_label), self->summary != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_box),
                          self->summary != NULL && self->summary->notes->len > 0);
  gtk_widget_set_sensitive (self->export_pdf_button, self->summary != NULL);
  gtk_widget_set_sensitive (self->export_json_button, self->summary != NULL);
}

/* The student's name and number as the record has them; what is being
 * typed stays. */
static void
update_student (BridgeHoldingsView *self)
{
  const char *name = self->holdings != NULL ? bridge_holdings_get_student_name (self->holdings) : NULL;
  const char *number = self->holdings != NULL ? bridge_holdings_get_student_id (self->holdings) : NULL;
  gboolean writable = self->holdings != NULL && bridge_holdings_get_load_error (self->holdings) == NULL;

  self->updating = TRUE;
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->name_row), "error")
      && g_strcmp0 (name != NULL ? name : "", gtk_editable_get_text (GTK_EDITABLE (self->name_row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->number_row), "error")
      && g_strcmp0 (number != NULL ? number : "", gtk_editable_get_text (GTK_EDITABLE (self->number_row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->number_row), number != NULL ? number : "");
  self->updating = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->number_row), writable);
}

/* The record's home, else the window's; the one chosen in the row stays. */
static void
update_universities (BridgeHoldingsView *self)
{
  update_student (self);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GPtrArray *universities;
  const char *home = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  if (self->context == NULL)
    return;
  if (self->home_chosen)
    home = self->home_id;
  if (home == NULL && self->holdings != NULL)
    home = bridge_holdings_get_home (self->holdings);
  if (home == NULL || *home == '\0')
    home = bridge_context_get_home_university_id (self->context);

  universities = bridge_context_get_universities (self->context);
  g_clear_pointer (&self->university_ids, g_ptr_array_unref);
  self->university_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; universities != NULL && i < universities->len; i++)
    {
      BridgeUniversity *university = g_ptr_array_index (universities, i);
      const char *id = bridge_university_get_id (university);

      gtk_string_list_append (list, bridge_context_university_name (self->context, id));
      g_ptr_array_add (self->university_ids, g_strdup (id));
      if (g_strcmp0 (id, home) == 0)
        selected = i;
    }
  self->updating = TRUE;
  bridge_gui_combo_row_set_choices (GTK_WIDGET (self->university_row), list, selected);
  self->updating = FALSE;
  g_free (self->home_id);
  self->home_id = selected != GTK_INVALID_LIST_POSITION ? g_strdup (g_ptr_array_index (self->university_ids, selected))
                                                        : NULL;
  refresh (self);
}

/* ------------------------------------------------------------------------ */
/* Exporting the statement                                                    */

typedef struct
{
  char                 *catalog_path;
  char                 *holdings_path;
  char                 *home_id;
  BridgeHoldingsExport  format;
  GFile                *file;
  AdwToast             *progress;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->catalog_path);
  g_free (job->holdings_path);
  g_free (job->home_id);
  g_clear_object (&job->file);
  g_clear_object (&job->progress);
  g_free (job);
}

/* In the worker thread, with a catalog connection and a record of its own:
 * what the window shows may change meanwhile. */
static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeHoldings) holdings = NULL;
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (job->file);
  gboolean done;

  catalog = bridge_catalog_open (job->catalog_path, &error);
  if (catalog != NULL)
    holdings = bridge_holdings_load (job->holdings_path, &error);
  if (holdings != NULL && error == NULL)
    summary = bridge_holdings_summarize (holdings, catalog, job->home_id, NULL, &error);
  if (summary == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (job->format == BRIDGE_HOLDINGS_EXPORT_PDF)
    done = bridge_statement_export_pdf (holdings, summary, catalog, path, &error);
  else
    done = bridge_statement_export_json (holdings, summary, catalog, path, &error);
  if (!done)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The thread is done: the window says how it went, then the caller's task
 * (@user_data) gets the same result. */
static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  BridgeHoldingsView *self = BRIDGE_HOLDINGS_VIEW (source);
  g_autoptr(GTask) caller = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (job->progress != NULL)
    adw_toast_dismiss (job->progress);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      bridge_plan_export_show_success (parent_window (GTK_WIDGET (self)), job->file);
      g_task_return_boolean (caller, TRUE);
      return;
    }
  {
    g_autofree char *name = g_file_get_basename (job->file);
    g_autofree char *heading = g_strdup_printf (_("Could Not Export “%s”"), name);

    bridge_plan_export_show_error (parent_window (GTK_WIDGET (self)), heading, error->message);
  }
  g_task_return_error (caller, error);
}

void
bridge_holdings_view_export (BridgeHoldingsView   *self,
                             BridgeHoldingsExport  format,
                             GFile                *file,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  g_autoptr(GTask) caller = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  ExportJob *job;

  g_return_if_fail (BRIDGE_IS_HOLDINGS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  caller = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (caller, bridge_holdings_view_export);
  task = g_task_new (self, NULL, export_done_cb, g_steal_pointer (&caller));
  job = g_new0 (ExportJob, 1);
  job->format = format;
  job->file = g_object_ref (file);
  job->home_id = g_strdup (self->home_id);
  if (self->context != NULL && bridge_context_get_catalog (self->context) != NULL)
    job->catalog_path = g_strdup (bridge_catalog_get_path (bridge_context_get_catalog (self->context)));
  if (self->holdings != NULL)
    job->holdings_path = g_strdup (bridge_holdings_get_path (self->holdings));
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_task_return_new_error (task, BRIDGE_ERROR, BRIDGE_ERROR_FAILED, "%s",
                               _("Only files on this computer can be written; choose a local folder."));
      return;
    }
  if (job->catalog_path == NULL || job->holdings_path == NULL || job->home_id == NULL ||
      bridge_holdings_get_load_error (self->holdings) != NULL)
    {
      g_task_return_new_error (task, BRIDGE_ERROR, BRIDGE_ERROR_FAILED, "%s",
                               _("There is no statement to export: choose the university that judges your "
                                 "certificates, and start again if your record cannot be read."));
      return;
    }
  if (bridge_gui_can_toast (GTK_WIDGET (self)))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("Exporting “%s”…"), name);

      job->progress = bridge_gui_toast_new (title);
      adw_toast_set_timeout (job->progress, 0);
      bridge_gui_add_toast (GTK_WIDGET (self), g_object_ref (job->progress));
    }
  g_task_run_in_thread (task, export_thread);
}

gboolean
bridge_holdings_view_export_finish (BridgeHoldingsView  *self,
                                    GAsyncResult        *result,
                                    GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
chooser_response_cb (GtkNativeDialog    *native,
                     int                 response,
                     BridgeHoldingsView *self)
{
  BridgeHoldingsExport format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (native), "format"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file != NULL)
    bridge_holdings_view_export (self, format, file, NULL, NULL);
}

static void
choose_file (BridgeHoldingsView   *self,
             BridgeHoldingsExport  format)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (_("Export Credit-Bank Statement"), parent_window (GTK_WIDGET (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: the default name of an exported statement, without its extension */
  name = g_strconcat (_("Credit-Bank Statement"), format == BRIDGE_HOLDINGS_EXPORT_PDF ? ".pdf" : ".json", NULL);
  if (format == BRIDGE_HOLDINGS_EXPORT_PDF)
    {
      gtk_file_filter_set_name (filter, _("PDF"));
      gtk_file_filter_add_suffix (filter, "pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("JSON"));
      gtk_file_filter_add_suffix (filter, "json");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data (G_OBJECT (native), "format", GUINT_TO_POINTER (format));
  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ------------------------------------------------------------------------ */
/* The Add dialog                                                             */

typedef struct
{
  BridgeContext  *context;
  BridgeHoldings *holdings;
  char           *certificate_id;
  GtkWidget      *date_row;
  GtkWidget      *date_error;
  GtkWidget      *number_row;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->context);
  g_clear_object (&data->holdings);
  g_free (data->certificate_id);
  g_free (data);
}

/* The date is checked by core as it is typed; Add waits for a good one. */
static void
date_changed_cb (GtkEditable      *row,
                 AdwMessageDialog *dialog)
{
  AddData *data = g_object_get_data (G_OBJECT (dialog), "add-data");
  const char *text = gtk_editable_get_text (row);
  g_autoptr(GError) error = NULL;
  gboolean good = bridge_certificate_check_obtained (text, NULL, &error);

  bridge_gui_field_set_error (data->date_row, data->date_error, *text != '\0' && !good ? error->message : NULL);
  adw_message_dialog_set_response_enabled (dialog, "add", good);
}

static void
date_activated_cb (AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "add"))
    adw_message_dialog_response (dialog, "add");
}

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  AddData *data = g_object_get_data (G_OBJECT (dialog), "add-data");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  const char *number;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;
  number = gtk_editable_get_text (GTK_EDITABLE (data->number_row));
  if (!bridge_holdings_add (data->holdings, bridge_context_get_catalog (data->context), data->certificate_id,
                            gtk_editable_get_text (GTK_EDITABLE (data->date_row)),
                            *number != '\0' ? number : NULL, NULL, &error))
    {
      if (parent != NULL)
        bridge_gui_toast (GTK_WIDGET (parent), error->message);
      return;
    }
  if (parent != NULL)
    save (GTK_WIDGET (parent), data->holdings);
  else
    save (GTK_WIDGET (dialog), data->holdings);
  if (parent != NULL)
    bridge_gui_toast (GTK_WIDGET (parent), _("Added to My Certificates"));
}

GtkWidget *
bridge_holdings_view_add_dialog_new (GtkWindow      *parent,
                                     BridgeContext  *context,
                                     BridgeHoldings *holdings,
                                     const char     *certificate_id)
{
  g_autoptr(BridgeCertificate) certificate = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *error_row;
  AddData *data;

  g_return_val_if_fail (BRIDGE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (holdings), NULL);
  g_return_val_if_fail (certificate_id != NULL, NULL);

  certificate = bridge_catalog_get_certificate (bridge_context_get_catalog (context), certificate_id, NULL);
  /* Translators: the heading of the dialog that adds a certificate: "Add “CET-6”" */
  heading = g_strdup_printf (_("Add “%s”"), certificate != NULL && certificate->name != NULL
                                              ? bridge_text_pick (certificate->name) : certificate_id);
  dialog = adw_message_dialog_new (parent, heading,
                                   _("When did you obtain it? The date is on the certificate; the "
                                     "recognition counts from that day."));
  data = g_new0 (AddData, 1);
  data->context = g_object_ref (context);
  data->holdings = g_object_ref (holdings);
  data->certificate_id = g_strdup (certificate_id);
  g_object_set_data_full (G_OBJECT (dialog), "add-data", data, (GDestroyNotify) add_data_free);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  data->date_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->date_row), _("Date obtained (YYYY-MM-DD)"));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (data->date_row), bridge_gui_date_button_new (GTK_EDITABLE (data->date_row)));
  gtk_list_box_append (GTK_LIST_BOX (list), data->date_row);
  data->date_error = bridge_gui_field_error_new ();
  error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), data->date_error);
  gtk_list_box_append (GTK_LIST_BOX (list), error_row);
  /* The error row shows only with its error. */
  g_object_bind_property (data->date_error, "visible", error_row, "visible", G_BINDING_SYNC_CREATE);
  data->number_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->number_row), _("Certificate number (optional)"));
  gtk_list_box_append (GTK_LIST_BOX (list), data->number_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (data->date_row, "changed", G_CALLBACK (date_changed_cb), dialog);
  g_signal_connect_swapped (data->date_row, "entry-activated", G_CALLBACK (date_activated_cb), dialog);
  g_signal_connect_swapped (data->number_row, "entry-activated", G_CALLBACK (date_activated_cb), dialog);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (data->date_row), FALSE);
  g_signal_connect (dialog, "response", G_CALLBACK (add_response_cb), NULL);
  g_object_set_data (G_OBJECT (dialog), "date-row", data->date_row);
  g_object_set_data (G_OBJECT (dialog), "date-error", data->date_error);
  g_object_set_data (G_OBJECT (dialog), "number-row", data->number_row);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (data->date_row);
  return dialog;
}

/* ------------------------------------------------------------------------ */
/* Signal callbacks                                                           */

static void
university_changed_cb (BridgeHoldingsView *self)
{
  guint selected;

  if (self->updating || self->university_ids == NULL)
    return;
  selected = adw_combo_row_get_selected (self->university_row);
  g_free (self->home_id);
  self->home_id = selected < self->university_ids->len ? g_strdup (g_ptr_array_index (self->university_ids, selected))
                                                       : NULL;
  self->home_chosen = self->home_id != NULL;
  /* The record keeps the choice, for the next start and the command line. */
  if (self->home_id != NULL && self->holdings != NULL
      && bridge_holdings_get_load_error (self->holdings) == NULL
      && g_strcmp0 (bridge_holdings_get_home (self->holdings), self->home_id) != 0)
    {
      bridge_holdings_set_home (self->holdings, self->home_id);
      save (GTK_WIDGET (self), self->holdings);
    }
  refresh (self);
}

/* The record takes the name and number as core's rules allow (those of a
 * plan's student); a refused value is marked with core's message and not
 * saved. */
static void
student_changed_cb (BridgeHoldingsView *self)
{
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *number = gtk_editable_get_text (GTK_EDITABLE (self->number_row));

  if (self->updating || self->holdings == NULL || bridge_holdings_get_load_error (self->holdings) != NULL)
    return;
  if (!bridge_holdings_set_student (self->holdings, name, number, &error))
    {
      /* Mark the row whose value core refuses: the name alone may pass. */
      gboolean name_ok = bridge_holdings_set_student (self->holdings, name,
                                                      bridge_holdings_get_student_id (self->holdings), NULL);
      GtkWidget *bad = GTK_WIDGET (name_ok ? self->number_row : self->name_row);
      GtkWidget *good = GTK_WIDGET (name_ok ? self->name_row : self->number_row);

      gtk_widget_add_css_class (bad, "error");
      gtk_widget_set_tooltip_text (bad, error->message);
      gtk_widget_remove_css_class (good, "error");
      gtk_widget_set_tooltip_text (good, NULL);
      if (name_ok)
        save (GTK_WIDGET (self), self->holdings);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_row), NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->number_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->number_row), NULL);
  save (GTK_WIDGET (self), self->holdings);
}

static void
remove_clicked_cb (BridgeHoldingsView *self,
                   GtkButton          *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "holding-index")) - 1;
  g_autofree char *title = NULL;
  const char *name;

  if (self->holdings == NULL || index >= bridge_holdings_get_n_holdings (self->holdings))
    return;
  name = self->summary != NULL && index < self->summary->entries->len
           ? entry_name (g_ptr_array_index (self->summary->entries, index))
           : bridge_holdings_get_holding (self->holdings, index)->certificate_id;
  /* Translators: a toast: "Removed “CET-6” from My Certificates" */
  title = g_strdup_printf (_("Removed “%s” from My Certificates"), name);
  bridge_holdings_remove (self->holdings, index);
  save (GTK_WIDGET (self), self->holdings);
  bridge_gui_toast (GTK_WIDGET (self), title);
  /* The focus was on the button just gone. */
  gtk_widget_grab_focus (GTK_WIDGET (self->university_row));
}

static void
reset_response_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   BridgeHoldingsView *self)
{
  g_autofree char *moved_to = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "reset") != 0 || self->holdings == NULL)
    return;
  if (!bridge_holdings_reset (self->holdings, &moved_to, &error))
    {
      bridge_gui_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (moved_to != NULL)
    {
      /* Translators: %s is where the unreadable file was kept */
      g_autofree char *title = g_strdup_printf (_("The old record was kept as %s"), moved_to);

      bridge_gui_toast (GTK_WIDGET (self), title);
    }
  refresh (self);
}

static void
reset_clicked_cb (BridgeHoldingsView *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent_window (GTK_WIDGET (self)), _("Start a New Record?"),
                                   _("The file that cannot be read is kept aside, under a new name, as it is; "
                                     "My Certificates then starts empty and is saved again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Start Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_pdf_clicked_cb (BridgeHoldingsView *self)
{
  choose_file (self, BRIDGE_HOLDINGS_EXPORT_PDF);
}

static void
export_json_clicked_cb (BridgeHoldingsView *self)
{
  choose_file (self, BRIDGE_HOLDINGS_EXPORT_JSON);
}

/* ------------------------------------------------------------------------ */

static void
bridge_holdings_view_dispose (GObject *object)
{
  BridgeHoldingsView *self = BRIDGE_HOLDINGS_VIEW (object);

  if (self->holdings != NULL)
    g_signal_handlers_disconnect_by_func (self->holdings, update_universities, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_HOLDINGS_VIEW);
  g_clear_object (&self->holdings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bridge_holdings_view_parent_class)->dispose (object);
}

static void
bridge_holdings_view_finalize (GObject *object)
{
  BridgeHoldingsView *self = BRIDGE_HOLDINGS_VIEW (object);

  g_clear_pointer (&self->summary, bridge_holdings_summary_free);
  g_clear_pointer (&self->university_ids, g_ptr_array_unref);
  g_free (self->home_id);

  G_OBJECT_CLASS (bridge_holdings_view_parent_class)->finalize (object);
}

static void
bridge_holdings_view_class_init (BridgeHoldingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_holdings_view_dispose;
  object_class->finalize = bridge_holdings_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-holdings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeHoldingsView, banner);
  gtk_widget_class_bind_template_child (widget_class, BridgeHoldingsView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeHoldingsView, reset_button);
  gtk_widget_class_bind_template_child (widget_class, BridgeHoldingsView, university_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeHoldingsView, name_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeHoldingsView, number_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeHoldingsView, held_list);
  gtk_widget_class_bind_template_child (widget_class, BridgeHoldingsView, total_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeHoldingsView, notes_box);
  gtk_widget_class_bind_template_child (widget_class, BridgeHoldingsView, export_pdf_button);
  gtk_widget_class_bind_template_child (widget_class, BridgeHoldingsView, export_json_button);
  gtk_widget_class_bind_template_callback (widget_class, university_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, student_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_pdf_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_json_clicked_cb);
}

static void
bridge_holdings_view_init (BridgeHoldingsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bridge_gui_combo_row_show_in_full (self->university_row);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                 */

BridgeHoldingsView *
bridge_holdings_view_new (void)
{
  return g_object_new (BRIDGE_TYPE_HOLDINGS_VIEW, NULL);
}

void
bridge_holdings_view_set_context (BridgeHoldingsView *self,
                                  BridgeContext      *context)
{
  g_return_if_fail (BRIDGE_IS_HOLDINGS_VIEW (self));
  g_return_if_fail (BRIDGE_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  /* A new home, or a new catalog (its universities), is judged again. */
  g_signal_connect_object (context, "changed", G_CALLBACK (update_universities), self, G_CONNECT_SWAPPED);
  update_universities (self);
}

void
bridge_holdings_view_set_holdings (BridgeHoldingsView *self,
                                   BridgeHoldings     *holdings)
{
  g_return_if_fail (BRIDGE_IS_HOLDINGS_VIEW (self));

  if (self->holdings != NULL)
    g_signal_handlers_disconnect_by_func (self->holdings, update_universities, self);
  g_set_object (&self->holdings, holdings);
  if (holdings != NULL)
    g_signal_connect_object (holdings, "changed", G_CALLBACK (update_universities), self, G_CONNECT_SWAPPED);
  update_universities (self);
}

void
bridge_holdings_view_focus (BridgeHoldingsView *self)
{
  g_return_if_fail (BRIDGE_IS_HOLDINGS_VIEW (self));

  if (gtk_widget_get_visible (self->banner))
    gtk_widget_grab_focus (self->reset_button);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->university_row));
}

const char *
bridge_holdings_view_get_home (BridgeHoldingsView *self)
{
  g_return_val_if_fail (BRIDGE_IS_HOLDINGS_VIEW (self), NULL);
  return self->home_id;
}

GtkWidget *
bridge_holdings_view_get_child (BridgeHoldingsView *self,
                                const char         *name)
{
  g_return_val_if_fail (BRIDGE_IS_HOLDINGS_VIEW (self), NULL);

  if (g_strcmp0 (name, "banner") == 0)
    return self->banner;
  if (g_strcmp0 (name, "banner-label") == 0)
    return GTK_WIDGET (self->banner_label);
  if (g_strcmp0 (name, "reset-button") == 0)
    return self->reset_button;
  if (g_strcmp0 (name, "university-row") == 0)
    return GTK_WIDGET (self->university_row);
  if (g_strcmp0 (name, "name-row") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (name, "number-row") == 0)
    return GTK_WIDGET (self->number_row);
  if (g_strcmp0 (name, "held-list") == 0)
    return GTK_WIDGET (self->held_list);
  if (g_strcmp0 (name, "total-label") == 0)
    return GTK_WIDGET (self->total_label);
  if (g_strcmp0 (name, "notes-box") == 0)
    return GTK_WIDGET (self->notes_box);
  if (g_strcmp0 (name, "export-pdf-button") == 0)
    return self->export_pdf_button;
  if (g_strcmp0 (name, "export-json-button") == 0)
    return self->export_json_button;
  return NULL;
}
