/* bridge-change-dialog.c
 *
 * Core decides whether the change may be proposed (bridge_plan_propose_add ()
 * and bridge_plan_propose_delete ()); the dialog only asks for the reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-change-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-agreement-private.h"
#include "bridge-change-dialog.h"
#include "bridge-gui-util.h"

struct _BridgeChangeDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *widget;               /* weak: for toasts */
  BridgeContext    *context;
  BridgePlan       *plan;
  BridgeChangeKind  kind;
  BridgePlanGroup  *group;
  BridgePlanSide    side;
  char             *course_id;
  GArray           *reasons;              /* BridgeChangeReason per combo item */

  /* template */
  GtkWidget        *reason;
  GtkWidget        *text;
};

G_DEFINE_FINAL_TYPE (BridgeChangeDialog, bridge_change_dialog, ADW_TYPE_MESSAGE_DIALOG)

static BridgeChangeReason
proposal_reason (BridgeChangeDialog *p)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (p->reason));

  return g_array_index (p->reasons, BridgeChangeReason, MIN (selected, p->reasons->len - 1));
}

static void
validate (BridgeChangeDialog *p)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (p->text))));

  /* The reasons come after the template. */
  if (p->reasons->len == 0)
    return;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (p), "propose",
                                           proposal_reason (p) != BRIDGE_CHANGE_REASON_OTHER || *text != '\0');
}

static void
response_cb (AdwMessageDialog   *dialog,
             const char         *response,
             BridgeChangeDialog *p)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  if (!g_str_equal (response, "propose"))
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (p->text))));
  if (p->kind == BRIDGE_CHANGE_DELETE)
    ok = bridge_plan_propose_delete (p->plan, p->group, p->side, p->course_id, proposal_reason (p),
                                     *text != '\0' ? text : NULL, &error);
  else
    ok = bridge_plan_propose_add (p->plan, p->context != NULL ? bridge_context_get_catalog (p->context) : NULL,
                                  p->group, p->side, p->course_id, proposal_reason (p),
                                  *text != '\0' ? text : NULL, &error);
  if (p->widget != NULL)
    bridge_gui_toast (p->widget, ok ? _("Change proposed: it applies once all three approve it")
                                    : error->message);
}

static void
bridge_change_dialog_dispose (GObject *object)
{
  BridgeChangeDialog *self = BRIDGE_CHANGE_DIALOG (object);

  if (self->widget != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *) &self->widget);
  self->widget = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_CHANGE_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);
  g_clear_object (&self->group);

  G_OBJECT_CLASS (bridge_change_dialog_parent_class)->dispose (object);
}

static void
bridge_change_dialog_finalize (GObject *object)
{
  BridgeChangeDialog *self = BRIDGE_CHANGE_DIALOG (object);

  g_free (self->course_id);
  g_array_unref (self->reasons);

  G_OBJECT_CLASS (bridge_change_dialog_parent_class)->finalize (object);
}

static void
bridge_change_dialog_class_init (BridgeChangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_change_dialog_dispose;
  object_class->finalize = bridge_change_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-change-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeChangeDialog, reason);
  gtk_widget_class_bind_template_child (widget_class, BridgeChangeDialog, text);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
bridge_change_dialog_init (BridgeChangeDialog *self)
{
  self->reasons = g_array_new (FALSE, FALSE, sizeof (BridgeChangeReason));
  gtk_widget_init_template (GTK_WIDGET (self));
}

AdwMessageDialog *
bridge_change_dialog_present (GtkWidget        *widget,
                              BridgeContext    *context,
                              BridgePlan       *plan,
                              BridgeChangeKind  kind,
                              BridgePlanGroup  *group,
                              BridgePlanSide    side,
                              const char       *course_id)
{
  GtkRoot *root;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *title = NULL;
  BridgeChangeDialog *p;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (course_id != NULL, NULL);

  root = gtk_widget_get_root (widget);
  if (kind == BRIDGE_CHANGE_DELETE)
    {
      const BridgePlanComponent *c = group != NULL
                                     ? bridge_plan_group_find_component (group, side, course_id, NULL) : NULL;

      title = g_strdup (c != NULL ? bridge_agreement_component_title (c) : course_id);
    }
  else
    {
      g_autoptr(BridgeCourse) course = NULL;

      if (context != NULL)
        course = bridge_catalog_get_course (bridge_context_get_catalog (context), course_id, NULL);
      title = g_strdup (course != NULL ? bridge_text_pick (bridge_course_get_title (course)) : course_id);
    }
  /* Translators: %s is a course title */
  heading = g_strdup_printf (kind == BRIDGE_CHANGE_DELETE ? _("Propose Deleting “%s”?")
                                                          : _("Propose Adding “%s”?"), title);
  p = g_object_new (BRIDGE_TYPE_CHANGE_DIALOG,
                    "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                    "heading", heading,
                    NULL);

  p->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &p->widget);
  p->context = context != NULL ? g_object_ref (context) : NULL;
  p->plan = g_object_ref (plan);
  p->kind = kind;
  p->group = group != NULL ? g_object_ref (group) : NULL;
  p->side = side;
  p->course_id = g_strdup (course_id);
  /* The template's reasons for deleting, or for adding; "other" for both. */
  for (BridgeChangeReason r = BRIDGE_CHANGE_REASON_NOT_AVAILABLE; r <= BRIDGE_CHANGE_REASON_OTHER; r++)
    {
      gboolean for_delete = r <= BRIDGE_CHANGE_REASON_TIMETABLE_CONFLICT;

      if (r == BRIDGE_CHANGE_REASON_OTHER || for_delete == (kind == BRIDGE_CHANGE_DELETE))
        {
          g_array_append_val (p->reasons, r);
          gtk_string_list_append (labels, bridge_change_reason_get_label (r));
        }
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (p->reason), G_LIST_MODEL (labels));
  validate (p);

  gtk_window_present (GTK_WINDOW (p));
  return ADW_MESSAGE_DIALOG (p);
}
