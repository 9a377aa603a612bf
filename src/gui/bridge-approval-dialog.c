/* bridge-approval-dialog.c
 *
 * Core records the approval (bridge_plan_approve ()) and says why not; the
 * dialog marks an email address core would refuse while it is typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-approval-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-agreement-private.h"
#include "bridge-approval-dialog.h"
#include "bridge-gui-util.h"
#include "bridge-validate.h"

struct _BridgeApprovalDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *widget;               /* weak: for toasts */
  BridgePlan       *plan;
  BridgePlanRole    role;
  gboolean          pending;              /* of the changes proposal */

  /* template */
  GtkWidget        *name;
  GtkWidget        *position;
  GtkWidget        *email;
  GtkWidget        *email_icon;
};

G_DEFINE_FINAL_TYPE (BridgeApprovalDialog, bridge_approval_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The person as typed, trimmed, as the dialog hands it to the plan. */
static void
get_person (BridgeApprovalDialog *a,
            BridgePlanPerson     *person)
{
  person->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (a->name))));
  person->position = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (a->position))));
  person->email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (a->email))));
  if (*person->position == '\0')
    g_clear_pointer (&person->position, g_free);
  if (*person->email == '\0')
    g_clear_pointer (&person->email, g_free);
}

/* Approve is offered when core would take the approval: the dialog applies
 * bridge_plan_check_approver (), never a rule of its own. */
static void
validate (BridgeApprovalDialog *a)
{
  const char *email = gtk_editable_get_text (GTK_EDITABLE (a->email));
  g_auto(BridgePlanPerson) person = { 0 };
  g_autoptr(GError) email_problem = NULL;

  bridge_validate_email (_("The approver’s email address"), email, &email_problem);
  bridge_agreement_show_problem (a->email, email_problem != NULL ? email_problem->message : NULL);
  get_person (a, &person);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (a), "approve",
                                           bridge_plan_check_approver (a->role, &person, NULL));
}

static void
response_cb (AdwMessageDialog     *dialog,
             const char           *response,
             BridgeApprovalDialog *a)
{
  g_autoptr(GError) error = NULL;
  g_auto(BridgePlanPerson) person = { 0 };
  gboolean was_locked;

  if (!g_str_equal (response, "approve"))
    return;

  get_person (a, &person);

  was_locked = bridge_plan_get_locked (a->plan);
  if (!bridge_plan_approve (a->plan, a->role, &person, NULL, &error))
    {
      if (a->widget != NULL)
        bridge_gui_toast (a->widget, error->message);
      return;
    }
  if (a->widget == NULL)
    return;
  if (!was_locked && bridge_plan_get_locked (a->plan))
    bridge_gui_toast (a->widget, _("Approved by all three: the learning agreement is locked"));
  else if (a->pending && bridge_plan_get_pending_changes (a->plan) == NULL)
    bridge_gui_toast (a->widget, _("Approved by all three: the changes now apply"));
  else
    bridge_gui_toast (a->widget, _("Approval recorded"));
}

static const char *
role_heading (BridgePlanRole role,
              gboolean       pending)
{
  switch (role)
    {
    case BRIDGE_PLAN_ROLE_STUDENT:
      return pending ? _("Approve the Changes as the Student") : _("Approve as the Student");
    case BRIDGE_PLAN_ROLE_SENDING:
      return pending ? _("Approve the Changes for the Sending Institution")
                     : _("Approve for the Sending Institution");
    case BRIDGE_PLAN_ROLE_RECEIVING:
    case BRIDGE_PLAN_N_ROLES:
    default:
      return pending ? _("Approve the Changes for the Receiving Institution")
                     : _("Approve for the Receiving Institution");
    }
}

static void
bridge_approval_dialog_dispose (GObject *object)
{
  BridgeApprovalDialog *self = BRIDGE_APPROVAL_DIALOG (object);

  if (self->widget != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *) &self->widget);
  self->widget = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_APPROVAL_DIALOG);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (bridge_approval_dialog_parent_class)->dispose (object);
}

static void
bridge_approval_dialog_class_init (BridgeApprovalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_approval_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-approval-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeApprovalDialog, name);
  gtk_widget_class_bind_template_child (widget_class, BridgeApprovalDialog, position);
  gtk_widget_class_bind_template_child (widget_class, BridgeApprovalDialog, email);
  gtk_widget_class_bind_template_child (widget_class, BridgeApprovalDialog, email_icon);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
bridge_approval_dialog_init (BridgeApprovalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_set_data (G_OBJECT (self->email), "problem-icon", self->email_icon);
}

AdwMessageDialog *
bridge_approval_dialog_present (GtkWidget      *widget,
                                BridgePlan     *plan,
                                BridgePlanRole  role)
{
  BridgeApprovalDialog *a;
  BridgePlanPerson prefill = { 0 };
  g_autofree char *body = NULL;
  GPtrArray *pending;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (role < BRIDGE_PLAN_N_ROLES, NULL);

  pending = bridge_plan_get_pending_changes (plan);
  if (role == BRIDGE_PLAN_ROLE_STUDENT)
    {
      prefill.name = bridge_plan_get_student (plan)->name;
      prefill.email = bridge_plan_get_student (plan)->email;
    }
  else
    prefill = bridge_plan_get_institution (plan, role == BRIDGE_PLAN_ROLE_SENDING
                                                 ? BRIDGE_PLAN_SIDE_HOME
                                                 : BRIDGE_PLAN_SIDE_HOST)->responsible;

  if (bridge_plan_get_locked (plan) && pending != NULL)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "This approves the changes proposal of %u change. "
                                         "It applies once the student and both responsible persons approve it.",
                                         "This approves the changes proposal of %u changes. "
                                         "They apply once the student and both responsible persons approve them.",
                                         pending->len), pending->len);
  else
    body = g_strdup (_("This approves the learning agreement as it stands. Once the student and "
                       "both responsible persons approve it, it is locked: later changes need a "
                       "changes proposal, approved in turn."));

  root = gtk_widget_get_root (widget);
  a = g_object_new (BRIDGE_TYPE_APPROVAL_DIALOG,
                    "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                    "heading", role_heading (role, pending != NULL),
                    "body", body,
                    NULL);
  a->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &a->widget);
  a->plan = g_object_ref (plan);
  a->role = role;
  a->pending = pending != NULL;
  gtk_editable_set_text (GTK_EDITABLE (a->name), prefill.name != NULL ? prefill.name : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (a->position),
                                 role == BRIDGE_PLAN_ROLE_STUDENT ? _("Position (optional)") : _("Position"));
  gtk_editable_set_text (GTK_EDITABLE (a->position), prefill.position != NULL ? prefill.position : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (a->email),
                                 role == BRIDGE_PLAN_ROLE_STUDENT ? _("Email (optional)") : _("Email"));
  gtk_editable_set_text (GTK_EDITABLE (a->email), prefill.email != NULL ? prefill.email : "");
  validate (a);

  gtk_window_present (GTK_WINDOW (a));
  return ADW_MESSAGE_DIALOG (a);
}
