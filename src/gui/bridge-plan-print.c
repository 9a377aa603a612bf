/* bridge-plan-print.c
 *
 * Core lays the pages out (BridgePlanDocument); this file only hands them to
 * GtkPrintOperation. The document keeps its own margins, so the operation
 * uses the full page, in points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bridge-plan-pdf.h"
#include "bridge-plan-print.h"
#include "bridge-gui-util.h"

/* The choices of the last print dialog, for the next one (this session). */
static GtkPrintSettings *last_settings;
static GtkPageSetup *last_page_setup;

static void
begin_print_cb (GtkPrintOperation  *operation,
                GtkPrintContext    *context,
                BridgePlanDocument *document)
{
  guint n_pages;

  n_pages = bridge_plan_document_paginate (document,
                                           gtk_print_context_get_cairo_context (context),
                                           gtk_print_context_get_width (context),
                                           gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation  *operation,
              GtkPrintContext    *context,
              int                 page_nr,
              BridgePlanDocument *document)
{
  bridge_plan_document_draw_page (document, gtk_print_context_get_cairo_context (context),
                                  (guint) page_nr);
}

char *
bridge_plan_print_job_name (BridgePlan *plan)
{
  const char *student;
  const char *term;

  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);

  student = bridge_plan_get_student_name (plan);
  term = bridge_plan_get_term (plan);
  if (student == NULL || *student == '\0')
    return g_strdup (_("Learning Agreement"));
  if (term == NULL || *term == '\0')
    /* Translators: a print job's name: "李华 – Learning Agreement" */
    return g_strdup_printf (_("%s – Learning Agreement"), student);
  /* Translators: a print job's name: "李华 – Learning Agreement, 2026-autumn" */
  return g_strdup_printf (_("%s – Learning Agreement, %s"), student, term);
}

GtkPrintOperation *
bridge_plan_print_operation_new (BridgeContext  *context,
                                 BridgePlan     *plan,
                                 GError        **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) a4 = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autofree char *job_name = NULL;
  BridgePlanDocument *document;

  g_return_val_if_fail (BRIDGE_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);

  document = bridge_plan_document_new (plan, bridge_context_get_catalog (context), error);
  if (document == NULL)
    return NULL;

  operation = gtk_print_operation_new ();
  job_name = bridge_plan_print_job_name (plan);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);

  if (last_page_setup != NULL)
    gtk_print_operation_set_default_page_setup (operation, last_page_setup);
  else
    {
      a4 = gtk_page_setup_new ();
      paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
      gtk_page_setup_set_paper_size_and_default_margins (a4, paper);
      gtk_print_operation_set_default_page_setup (operation, a4);
    }
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);

  g_object_set_data_full (G_OBJECT (operation), "bridge-plan-document", document,
                          (GDestroyNotify) bridge_plan_document_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);
  return g_steal_pointer (&operation);
}

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  GtkWidget *dialog;

  if (bridge_gui_can_toast (GTK_WIDGET (parent)))
    {
      /* Translators: a toast: "Could not print: <the reason>" */
      g_autofree char *title = g_strdup_printf (_("Could not print: %s"), message);
      AdwToast *toast = bridge_gui_toast_new (title);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 0);
      bridge_gui_add_toast (GTK_WIDGET (parent), toast);
      return;
    }
  dialog = adw_message_dialog_new (parent, _("Could Not Print the Learning Agreement"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (parent, error != NULL ? error->message : _("The printing system reported an error."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&last_page_setup, gtk_print_operation_get_default_page_setup (operation));
    }
  g_clear_object (&parent);
  g_object_unref (operation);
}

void
bridge_plan_print (GtkWindow     *parent,
                   BridgeContext *context,
                   BridgePlan    *plan)
{
  GtkPrintOperation *operation;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (BRIDGE_IS_CONTEXT (context));
  g_return_if_fail (BRIDGE_IS_PLAN (plan));

  operation = bridge_plan_print_operation_new (context, plan, &error);
  if (operation == NULL)
    {
      show_error (parent, error->message);
      return;
    }

  /* The dialog and the printing do not block the window; "done" reports
   * (an error, or the choices to keep), whatever the outcome. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb),
                    parent != NULL ? g_object_ref (parent) : NULL);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}
