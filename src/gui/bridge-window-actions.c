/* bridge-window-actions.c: the window's actions
 *
 * The win.* actions (new, open, save, save as, export, print, undo, redo,
 * import, search, the pages, the shortcuts) and what they share: opening
 * and saving plans, the question about unsaved changes, and adding a course
 * from the catalog to the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-gui-util.h"
#include "bridge-plan-export-dialog.h"
#include "bridge-plan-print.h"
#include "bridge-replacements-window.h"
#include "bridge-report-window.h"
#include "bridge-window-private.h"

static void run_pending (BridgeWindow *self);
static void save_plan_as (BridgeWindow *self);

/* ------------------------------------------------------------------------ */
/* Plans: open, save, unsaved changes                                        */

static gboolean
save_to (BridgeWindow *self,
         GFile        *file)
{
  g_autoptr(GError) error = NULL;

  if (!bridge_plan_page_save (bridge_window_ensure_plan_page (self), file, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason */
      message = g_strdup_printf (_("The plan could not be saved: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, bridge_gui_toast_new (message));
      return FALSE;
    }

  bridge_context_add_recent_plan (self->context, file);
  adw_toast_overlay_add_toast (self->toast_overlay, bridge_gui_toast_new (_("Plan saved")));
  return TRUE;
}

void
bridge_window_load_file (BridgeWindow *self,
                         GFile        *file)
{
  g_autoptr(GError) error = NULL;

  if (!bridge_plan_page_load (bridge_window_ensure_plan_page (self), file, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason */
      message = g_strdup_printf (_("The plan could not be opened: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, bridge_gui_toast_new (message));
      return;
    }

  bridge_context_add_recent_plan (self->context, file);
  adw_view_stack_set_visible_child_name (self->view_stack, "plan");
}

static GtkFileFilter *
plan_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Study Plans"));
  gtk_file_filter_add_mime_type (filter, "application/x-credit-bridge-plan");
  gtk_file_filter_add_suffix (filter, "creditplan");
  return filter;
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  BridgeWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      bridge_window_load_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
open_chooser (BridgeWindow *self)
{
  g_autoptr(GtkFileFilter) filter = plan_filter ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  BridgeWindow    *self)
{
  gboolean saved = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      /* Plans are *.creditplan: add the extension when it was left out. */
      if (path != NULL && !g_str_has_suffix (path, ".creditplan"))
        {
          g_autofree char *with = g_strconcat (path, ".creditplan", NULL);

          g_clear_object (&file);
          file = g_file_new_for_path (with);
        }
      saved = save_to (self, file);
    }
  g_clear_object (&self->chooser);

  if (saved)
    run_pending (self);
  else
    self->pending = PENDING_NONE;
}

static void
save_plan_as (BridgeWindow *self)
{
  g_autoptr(GtkFileFilter) filter = plan_filter ();
  GtkFileChooserNative *chooser;
  GFile *file = bridge_plan_page_get_file (bridge_window_ensure_plan_page (self));

  chooser = gtk_file_chooser_native_new (_("Save Plan"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    /* Translators: the suggested file name of a new plan; keep the extension */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("plan.creditplan"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void add_course (BridgeWindow *self,
                        BridgeCourse *course);

static void
run_pending (BridgeWindow *self)
{
  PendingKind pending = self->pending;
  g_autoptr(GFile) file = g_steal_pointer (&self->pending_file);

  self->pending = PENDING_NONE;
  switch (pending)
    {
    case PENDING_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case PENDING_NEW:
      bridge_plan_page_new_plan (bridge_window_ensure_plan_page (self));
      adw_view_stack_set_visible_child_name (self->view_stack, "plan");
      break;
    case PENDING_OPEN_CHOOSER:
      open_chooser (self);
      break;
    case PENDING_OPEN_FILE:
      bridge_window_load_file (self, file);
      break;
    case PENDING_NEW_WITH_COURSE:
      {
        g_autoptr(BridgeCourse) course = g_steal_pointer (&self->pending_course);

        bridge_plan_page_new_plan (bridge_window_ensure_plan_page (self));
        if (course != NULL)
          add_course (self, course);
      }
      break;
    case PENDING_NONE:
    default:
      break;
    }
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BridgeWindow     *self)
{
  /* The dialog goes after its response, and may go after this window
   * (Discard, then quit): it must not hold on to it (issue 14). */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);

  if (g_strcmp0 (response, "discard") == 0)
    {
      run_pending (self);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      GFile *file = bridge_plan_page_get_file (bridge_window_ensure_plan_page (self));

      if (file == NULL)
        save_plan_as (self);        /* continues in save_response_cb */
      else if (save_to (self, file))
        run_pending (self);
      else
        self->pending = PENDING_NONE;
    }
  else
    {
      self->pending = PENDING_NONE;
      g_clear_object (&self->pending_file);
      g_clear_object (&self->pending_course);
    }
}

void
bridge_window_with_saved_plan (BridgeWindow *self,
                               PendingKind   kind,
                               GFile        *file)
{
  GtkWidget *dialog;

  self->pending = kind;
  g_set_object (&self->pending_file, file);

  if (self->plan_page == NULL || !bridge_plan_page_get_modified (self->plan_page))
    {
      run_pending (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Save Changes?"),
                                   _("The plan has changes that are not saved. "
                                     "Changes which are not saved will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Adds @course to the plan shown, and says so. */
static void
add_course (BridgeWindow *self,
            BridgeCourse *course)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  g_autofree char *title = NULL;

  if (!bridge_plan_page_add_course (bridge_window_ensure_plan_page (self), course, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, bridge_gui_toast_new (error->message));
      return;
    }

  /* Translators: %s is a course title */
  title = g_strdup_printf (_("“%s” added to the plan"),
                           bridge_text_pick (bridge_course_get_title (course)));
  toast = bridge_gui_toast_new (title);
  adw_toast_set_button_label (toast, _("_Show Plan"));
  adw_toast_set_action_name (toast, "win.show-page");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("plan"));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
other_host_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        BridgeWindow     *self)
{
  BridgeCourse *course = g_object_get_data (G_OBJECT (dialog), "course");

  if (g_strcmp0 (response, "new") != 0 || course == NULL)
    return;
  /* The plan of the first host is saved (or its changes discarded) first. */
  g_set_object (&self->pending_course, course);
  bridge_window_with_saved_plan (self, PENDING_NEW_WITH_COURSE, NULL);
}

/* A learning agreement is for one host university: a course of another
 * one starts a plan of its own, when the person says so. */
static void
explain_other_host (BridgeWindow *self,
                    BridgeCourse *course)
{
  BridgePlan *plan = bridge_plan_page_get_plan (bridge_window_ensure_plan_page (self));
  const char *host = bridge_context_university_name (self->context, bridge_plan_get_host_university (plan));
  const char *other = bridge_context_university_name (self->context, bridge_course_get_university_id (course));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %1$s is the plan's host university, %2$s a course title,
   * %3$s the course's university */
  body = g_strdup_printf (_("This plan is for a stay at %1$s. A learning agreement covers one host "
                            "university, so “%2$s” of %3$s cannot be added to it.\n\n"
                            "To plan a stay at %3$s as well, start a new plan for it: this plan "
                            "is kept, and you are asked to save it first if it has unsaved changes."),
                          host, bridge_text_pick (bridge_course_get_title (course)), other);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Another Host University"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "new", _("_Start a New Plan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "new",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "new");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "course", g_object_ref (course), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (other_host_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_to_plan_cb (BridgeWindow *self,
                BridgeCourse *course)
{
  BridgePlan *plan = bridge_plan_page_get_plan (bridge_window_ensure_plan_page (self));
  const char *host = bridge_plan_get_host_university (plan);
  BridgePlanGroup *group;

  /* Already in the plan: shown where it is, not added twice. */
  group = bridge_plan_find_course (plan, BRIDGE_PLAN_SIDE_HOST, bridge_course_get_id (course));
  if (group != NULL)
    {
      g_autofree char *label = bridge_plan_get_group_label (plan, group);
      g_autofree char *title = NULL;

      /* Translators: %1$s is a course title, %2$s a group, "Group 2" */
      title = g_strdup_printf (_("“%1$s” is already in the plan, in %2$s"),
                               bridge_text_pick (bridge_course_get_title (course)), label);
      adw_view_stack_set_visible_child_name (self->view_stack, "plan");
      bridge_plan_page_show_group (self->plan_page, bridge_plan_get_group_number (plan, group) - 1);
      adw_toast_overlay_add_toast (self->toast_overlay, bridge_gui_toast_new (title));
      return;
    }
  if (host != NULL && bridge_plan_get_n_groups (plan) > 0 &&
      g_strcmp0 (host, bridge_course_get_university_id (course)) != 0)
    {
      explain_other_host (self, course);
      return;
    }
  add_course (self, course);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    return;
  /* The Certificates page has a search of its own. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "certificates") == 0)
    {
      bridge_certificates_page_focus_search (BRIDGE_CERTIFICATES_PAGE (bridge_window_get_page (self, "certificates")));
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "catalog");
  bridge_catalog_page_focus_search (self->catalog_page);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (param, NULL));
}

/* "Add to Plan with This Mapping" (bridge-recognition-list.c): a group of
 * the host courses replacing the home courses, "(asas)". */
static void
add_mapping_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);
  BridgePlanPage *page = bridge_window_ensure_plan_page (self);
  BridgePlan *plan = bridge_plan_page_get_plan (page);
  g_autofree const char **host_ids = NULL;
  g_autofree const char **home_ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_variant_get (param, "(^a&s^a&s)", &host_ids, &home_ids);
  if (!bridge_plan_page_add_mapping (page, host_ids, home_ids, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, bridge_gui_toast_new (error->message));
      return;
    }
  label = bridge_plan_get_group_label (plan, bridge_plan_get_group (plan, bridge_plan_get_n_groups (plan) - 1));
  /* Translators: %s is a group of the plan, "Group 2" */
  title = g_strdup_printf (_("%s added to the plan with this mapping"), label);
  toast = bridge_gui_toast_new (title);
  adw_toast_set_button_label (toast, _("_Show Plan"));
  adw_toast_set_action_name (toast, "win.show-page");
  adw_toast_set_action_target_value (toast, g_variant_new_string ("plan"));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The catalog asked from the other side: what could replace a home course
 * ("" to choose it in the window). */
static void
find_replacements_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);
  const char *course_id = g_variant_get_string (param, NULL);
  GtkWidget *window;

  if (bridge_context_get_home_university (self->context) == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   bridge_gui_toast_new (_("Choose your home university in Preferences first")));
      return;
    }
  window = bridge_replacements_window_new (GTK_WINDOW (self), self->context,
                                           *course_id != '\0' ? course_id : NULL);
  gtk_window_present (GTK_WINDOW (window));
}

/* The advisor's report over many plans (issue 19): a window of its own. */
static void
open_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);
  GtkWidget *window = bridge_report_window_new (GTK_WINDOW (self), self->context);

  gtk_window_present (GTK_WINDOW (window));
}

static void
new_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  bridge_window_with_saved_plan (BRIDGE_WINDOW (widget), PENDING_NEW, NULL);
}

static void
open_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  bridge_window_with_saved_plan (BRIDGE_WINDOW (widget), PENDING_OPEN_CHOOSER, NULL);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  bridge_window_with_saved_plan (BRIDGE_WINDOW (widget), PENDING_OPEN_FILE, file);
}

static void
save_plan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);
  GFile *file = bridge_plan_page_get_file (bridge_window_ensure_plan_page (self));

  self->pending = PENDING_NONE;
  if (file == NULL)
    save_plan_as (self);
  else
    save_to (self, file);
}

static void
save_plan_as_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);

  self->pending = PENDING_NONE;
  save_plan_as (self);
}

static void
export_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    return;
  bridge_plan_export_dialog_show (GTK_WINDOW (self), self->context,
                                  bridge_plan_page_get_plan (bridge_window_ensure_plan_page (self)),
                                  bridge_plan_page_get_file (bridge_window_ensure_plan_page (self)));
}

static void
print_plan_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  BridgeWindow *self = BRIDGE_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    return;
  bridge_plan_print (GTK_WINDOW (self), self->context, bridge_plan_page_get_plan (bridge_window_ensure_plan_page (self)));
}

/* The shortcuts window is built when first asked for: GTK would build it
 * with the window from gtk/help-overlay.ui, before the first frame. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource (RESOURCE_BASE "/bridge-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  bridge_plan_page_undo (bridge_window_ensure_plan_page (BRIDGE_WINDOW (widget)));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  bridge_plan_page_redo (bridge_window_ensure_plan_page (BRIDGE_WINDOW (widget)));
}

static void
import_catalog_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  bridge_context_import (BRIDGE_WINDOW (widget)->context, NULL);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  bridge_importer_cancel (bridge_context_get_importer (BRIDGE_WINDOW (widget)->context));
}

static void
check_updates_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BridgeImporter *importer = bridge_context_get_importer (BRIDGE_WINDOW (widget)->context);

  if (bridge_importer_is_importing (importer))
    bridge_gui_toast (widget, _("The catalog is being imported or updated already"));
  else
    bridge_importer_update (importer, FALSE);
}

static void
update_retry_cb (GtkWidget *widget)
{
  bridge_importer_update (bridge_context_get_importer (BRIDGE_WINDOW (widget)->context), FALSE);
}

/* Why the last update failed, when asked from its toast. */
static void
update_details_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  BridgeImporter *importer = bridge_context_get_importer (BRIDGE_WINDOW (widget)->context);
  const char *problem = bridge_importer_get_update_problem (importer);
  GtkWidget *dialog;

  if (problem == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (widget), _("No New Catalog"), problem);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "retry", _("_Try Again"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response::retry", G_CALLBACK (update_retry_cb), widget,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */

void
bridge_window_class_add_actions (BridgeWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, add_to_plan_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.add-mapping", "(asas)", add_mapping_action);
  gtk_widget_class_install_action (widget_class, "win.find-replacements", "s", find_replacements_action);
  gtk_widget_class_install_action (widget_class, "win.open-plan", NULL, open_plan_action);
  gtk_widget_class_install_action (widget_class, "win.open-report", NULL, open_report_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save-plan", NULL, save_plan_action);
  gtk_widget_class_install_action (widget_class, "win.save-plan-as", NULL, save_plan_as_action);
  gtk_widget_class_install_action (widget_class, "win.import-catalog", NULL, import_catalog_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.check-updates", NULL, check_updates_action);
  gtk_widget_class_install_action (widget_class, "win.update-details", NULL, update_details_action);
  gtk_widget_class_install_action (widget_class, "win.export-plan", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "win.print-plan", NULL, print_plan_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
}
