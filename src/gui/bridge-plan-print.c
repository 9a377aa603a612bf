/* bridge-plan-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bridge-plan-pdf.h"
#include "bridge-plan-print.h"
#include "bridge-window.h"

typedef struct
{
  BridgePlanDocument *document;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->document, bridge_plan_document_free);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  guint n_pages;

  n_pages = bridge_plan_document_paginate (job->document,
                                           gtk_print_context_get_cairo_context (context),
                                           gtk_print_context_get_width (context),
                                           gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  bridge_plan_document_draw_page (job->document,
                                  gtk_print_context_get_cairo_context (context),
                                  (guint) page_nr);
}

void
bridge_plan_print (GtkWindow     *parent,
                   BridgeContext *context,
                   BridgePlan    *plan)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PrintJob *job;

  g_return_if_fail (BRIDGE_IS_CONTEXT (context));
  g_return_if_fail (BRIDGE_IS_PLAN (plan));

  job = g_new0 (PrintJob, 1);
  job->document = bridge_plan_document_new (plan, bridge_context_get_catalog (context), &error);
  if (job->document == NULL)
    {
      g_warning ("%s", error->message);
      print_job_free (job);
      return;
    }

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "bridge-print-job", job,
                          (GDestroyNotify) print_job_free);

  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (error != NULL)
    g_warning ("%s", error->message);
}
