/* bridge-agreement-page.c
 *
 * The page composes the details form (BridgeAgreementForm), a review per
 * recognition group (BridgeGroupReview), the commitment, the changes and
 * the versions, and opens the approval and change-proposal dialogs. The
 * commitment, the changes and the versions are rebuilt from the plan when
 * what they show changes; the reviews are made again only when the groups
 * or their components change, so typing a comment does not lose the focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-agreement-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-agreement-form.h"
#include "bridge-agreement-page.h"
#include "bridge-agreement-private.h"
#include "bridge-approval-dialog.h"
#include "bridge-change-dialog.h"
#include "bridge-course-chooser.h"
#include "bridge-error.h"
#include "bridge-group-review.h"
#include "bridge-gui-util.h"
#include "bridge-results-view.h"

struct _BridgeAgreementPage
{
  AdwBin               parent_instance;

  BridgeContext       *context;
  BridgePlan          *plan;
  GHashTable          *children;          /* name → widget (not owned) */
  GPtrArray           *reviews;           /* BridgeGroupReview (not owned) */
  char                *review_key;        /* what the reviews were made for */
  GPtrArray           *dynamic_rows;      /* rows of approvals/changes/versions groups */
  GPtrArray           *problem_rows;
  GtkWidget           *results_view;
  AdwMessageDialog    *dialog;            /* weak */
  guint                n_approvals;       /* before the last change */
  gboolean             updating;
  gboolean             withdrawing;

  /* template */
  GtkWidget           *status_box;
  GtkImage            *status_icon;
  GtkLabel            *status_title;
  GtkLabel            *status_description;
  GtkListBox          *problems_list;
  BridgeAgreementForm *form;
  GtkBox              *review_box;
  AdwPreferencesGroup *approvals_group;
  AdwPreferencesGroup *changes_group;
  AdwPreferencesGroup *versions_group;
  GtkBox              *results_box;
};

G_DEFINE_FINAL_TYPE (BridgeAgreementPage, bridge_agreement_page, ADW_TYPE_BIN)

enum {
  OPEN_DRAFT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The dialog open now, for tests; forgotten when it goes. */
static void
set_dialog (BridgeAgreementPage *self,
            AdwMessageDialog    *dialog)
{
  if (self->dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
  self->dialog = dialog;
  if (dialog != NULL)
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
}

static gboolean
is_locked (BridgeAgreementPage *self)
{
  return self->plan != NULL && bridge_plan_get_locked (self->plan);
}

static guint
count_approvals (BridgePlan *plan,
                 gboolean    pending)
{
  guint n = 0;

  for (BridgePlanRole r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
    if ((pending ? bridge_plan_get_pending_approval (plan, r) : bridge_plan_get_approval (plan, r)) != NULL)
      n++;
  return n;
}

/* "2026-11-26 14:03" in local time, from RFC 3339; the text itself if it is not. */
static char *
format_timestamp (const char *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return g_strdup (timestamp);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
toast (BridgeAgreementPage *self,
       const char          *text)
{
  bridge_gui_toast (GTK_WIDGET (self), text);
}

static void
add_toast (BridgeAgreementPage *self,
           AdwToast            *new_toast)
{
  /* The last one, for tests to press its button. */
  g_object_set_data_full (G_OBJECT (self), "last-toast", g_object_ref_sink (new_toast), g_object_unref);
  bridge_gui_add_toast (GTK_WIDGET (self), g_object_ref (new_toast));
}

/* ------------------------------------------------------------------------ */
/* Shared with the page's widgets (bridge-agreement-private.h)               */

void
bridge_agreement_show_problem (GtkWidget  *row,
                               const char *problem)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "problem-icon");
  GtkWidget *label = g_object_get_data (G_OBJECT (row), "problem-label");

  /* A detail's row says it in a line under it as well. */
  if (label != NULL)
    bridge_gui_field_set_error (row, label, problem);
  if (problem != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  if (icon != NULL)
    {
      gtk_widget_set_visible (icon, problem != NULL);
      gtk_widget_set_tooltip_text (icon, problem);
    }
  gtk_widget_set_tooltip_text (row, problem);
  if (problem != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

gboolean
bridge_agreement_focus_in (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

const char *
bridge_agreement_component_title (const BridgePlanComponent *c)
{
  const char *title = c->title != NULL ? bridge_text_pick (c->title) : NULL;

  return title != NULL ? title : c->course_id;
}

/* ------------------------------------------------------------------------ */
/* Approvals                                                                 */

void
bridge_agreement_page_approve (BridgeAgreementPage *self,
                               BridgePlanRole       role)
{
  g_return_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self));
  g_return_if_fail (role < BRIDGE_PLAN_N_ROLES);
  g_return_if_fail (self->plan != NULL);

  set_dialog (self, bridge_approval_dialog_present (GTK_WIDGET (self), self->plan, role));
}

/* agreement.approve (u: the BridgePlanRole) */
static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  bridge_agreement_page_approve (BRIDGE_AGREEMENT_PAGE (widget), g_variant_get_uint32 (param));
}

/* What Undo needs to give a withdrawn approval back, as it was. */
typedef struct
{
  BridgePlan        *plan;
  BridgePlanRole     role;
  BridgePlanPerson   person;
  char              *timestamp;
} Withdrawal;

static void
withdrawal_free (gpointer data)
{
  Withdrawal *w = data;

  g_clear_object (&w->plan);
  bridge_plan_person_clear (&w->person);
  g_free (w->timestamp);
  g_free (w);
}

static void
undo_withdraw_cb (AdwToast            *undo,
                  BridgeAgreementPage *self)
{
  Withdrawal *w = g_object_get_data (G_OBJECT (undo), "withdrawal");
  g_autoptr(GError) error = NULL;

  if (w->plan == self->plan &&
      !bridge_plan_approve (w->plan, w->role, &w->person, w->timestamp, &error))
    toast (self, error->message);
}

/* agreement.withdraw (u: the BridgePlanRole) */
static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  BridgeAgreementPage *self = BRIDGE_AGREEMENT_PAGE (widget);
  BridgePlanRole role = g_variant_get_uint32 (param);
  gboolean pending = bridge_plan_get_locked (self->plan);
  const BridgePlanApproval *a = pending ? bridge_plan_get_pending_approval (self->plan, role)
                                        : bridge_plan_get_approval (self->plan, role);
  g_autoptr(GError) error = NULL;
  Withdrawal *w;
  AdwToast *undo;

  g_return_if_fail (a != NULL);
  w = g_new0 (Withdrawal, 1);
  w->plan = g_object_ref (self->plan);
  w->role = role;
  bridge_plan_person_copy (&a->person, &w->person);
  w->timestamp = g_strdup (a->timestamp);

  self->withdrawing = TRUE;
  if (!bridge_plan_withdraw_approval (self->plan, role, &error))
    {
      toast (self, error->message);
      withdrawal_free (w);
    }
  else
    {
      undo = bridge_gui_toast_new (_("Approval withdrawn"));
      adw_toast_set_button_label (undo, _("_Undo"));
      g_object_set_data_full (G_OBJECT (undo), "withdrawal", w, withdrawal_free);
      g_signal_connect_object (undo, "button-clicked", G_CALLBACK (undo_withdraw_cb), self, 0);
      add_toast (self, undo);
    }
  self->withdrawing = FALSE;
}

static void
add_dynamic (BridgeAgreementPage *self,
             AdwPreferencesGroup *group,
             GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, row);
}

/* What the agreement lacks before its first approval (empty once locked). */
static GPtrArray *
missing_items (BridgeAgreementPage *self)
{
  if (is_locked (self))
    return g_ptr_array_new_with_free_func (g_free);
  return bridge_plan_check_ready (self->plan);
}

/* Why the approve buttons are insensitive, or NULL when they are not. */
static char *
approve_blocked_reason (BridgeAgreementPage *self,
                        GPtrArray           *missing)
{
  g_autoptr(GString) s = NULL;

  if (bridge_plan_get_modified_after_approval (self->plan))
    return g_strdup (_("The file was changed after it was approved; the approvals no longer match"));
  if (missing->len == 0)
    return NULL;
  s = g_string_new (g_dngettext (GETTEXT_PACKAGE,
                                 "The agreement cannot be approved yet; it lacks this:",
                                 "The agreement cannot be approved yet; it lacks these:",
                                 missing->len));
  for (guint i = 0; i < missing->len; i++)
    g_string_append_printf (s, "\n• %s", (const char *) g_ptr_array_index (missing, i));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
is_checklist_child (gpointer key,
                    gpointer value,
                    gpointer data)
{
  return g_str_has_prefix (key, "missing-");
}

/* The checklist above the approvals: one row per missing item. */
static void
add_checklist (BridgeAgreementPage *self,
               GPtrArray           *missing)
{
  g_hash_table_foreach_remove (self->children, is_checklist_child, NULL);
  for (guint i = 0; i < missing->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *name = g_strdup_printf ("missing-%u", i);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (missing, i));
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Missing"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_set_name (row, name);
      add_dynamic (self, self->approvals_group, row);
      g_hash_table_insert (self->children, g_steal_pointer (&name), row);
    }
}

static GtkWidget *
approval_row (BridgeAgreementPage *self,
              BridgePlanRole       role,
              gboolean             pending,
              const char          *blocked)
{
  const BridgePlanApproval *a = pending ? bridge_plan_get_pending_approval (self->plan, role)
                                        : bridge_plan_get_approval (self->plan, role);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  const char *role_name = bridge_plan_role_to_string (role);
  g_autofree char *child = g_strconcat (pending ? "pending-" : "", a != NULL ? "withdraw-" : "approve-",
                                        role_name, NULL);
  g_autofree char *row_name = g_strconcat (pending ? "pending-" : "", "approval-", role_name, NULL);
  GtkWidget *icon;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bridge_plan_role_get_label (role));
  if (a != NULL)
    {
      g_autofree char *when = format_timestamp (a->timestamp);
      g_autofree char *who = NULL;
      g_autofree char *subtitle = NULL;

      if (a->person.position != NULL && a->person.email != NULL)
        /* Translators: an approver: name (position, email) */
        who = g_strdup_printf (_("%s (%s, %s)"), a->person.name, a->person.position, a->person.email);
      else if (a->person.email != NULL)
        who = g_strdup_printf (_("%s (%s)"), a->person.name, a->person.email);
      else
        who = g_strdup (a->person.name);
      /* Translators: who approved and when */
      subtitle = g_strdup_printf (_("Approved by %s on %s"), who, when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Approved"), -1);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Not approved yet"));
      icon = gtk_image_new_from_icon_name ("content-loading-symbolic");
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Waiting"), -1);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (a == NULL)
    {
      button = gtk_button_new_with_mnemonic (_("_Approve…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agreement.approve");
      /* Insensitive, and the tooltip says why: core's readiness check. */
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "agreement.approve", blocked == NULL);
      gtk_widget_set_sensitive (button, blocked == NULL);
      gtk_widget_set_tooltip_text (button, blocked);
    }
  else if (pending || !bridge_plan_get_locked (self->plan))
    {
      button = gtk_button_new_with_mnemonic (_("_Withdraw"));
      gtk_widget_set_tooltip_text (button, _("Withdraw this approval"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agreement.withdraw");
    }
  else
    button = NULL;
  if (button != NULL)
    {
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", (guint32) role);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_hash_table_insert (self->children, g_steal_pointer (&child), button);
    }
  g_hash_table_insert (self->children, g_steal_pointer (&row_name), row);
  return row;
}

/* ------------------------------------------------------------------------ */
/* Changes and versions                                                      */

static char *
describe_change (BridgeAgreementPage    *self,
                 const BridgePlanChange *change)
{
  const char *title = bridge_agreement_component_title (change->component);
  const char *code = change->component->code != NULL ? change->component->code : change->component->course_id;

  if (change->kind == BRIDGE_CHANGE_DELETE)
    return change->side == BRIDGE_PLAN_SIDE_HOST
           /* Translators: a change: course code, course title */
           ? g_strdup_printf (_("Delete %s “%s” from Table A"), code, title)
           : g_strdup_printf (_("Delete %s “%s” from Table B"), code, title);
  if (change->group_id == NULL)
    return g_strdup_printf (_("Add %s “%s” to Table A, in a new group"), code, title);
  return change->side == BRIDGE_PLAN_SIDE_HOST
         ? g_strdup_printf (_("Add %s “%s” to Table A"), code, title)
         : g_strdup_printf (_("Add %s “%s” to Table B"), code, title);
}

static char *
change_reason (const BridgePlanChange *change)
{
  if (change->reason == BRIDGE_CHANGE_REASON_OTHER && change->reason_text != NULL)
    /* Translators: "Other: the reason as written" */
    return g_strdup_printf (_("%s: %s"), bridge_change_reason_get_label (change->reason), change->reason_text);
  if (change->reason_text != NULL)
    return g_strdup_printf (_("%s: %s"), bridge_change_reason_get_label (change->reason), change->reason_text);
  return g_strdup (bridge_change_reason_get_label (change->reason));
}

static void
propose_add_chosen_cb (BridgeCourseChooser *chooser,
                       const char          *course_id,
                       BridgeAgreementPage *self)
{
  bridge_agreement_page_propose_add (self, course_id);
}

static void
discard_response_cb (AdwMessageDialog    *dialog,
                     const char          *response,
                     BridgeAgreementPage *self)
{
  if (g_str_equal (response, "discard") && bridge_plan_get_pending_changes (self->plan) != NULL)
    {
      bridge_plan_discard_changes (self->plan);
      toast (self, _("Changes proposal discarded"));
    }
}

/* agreement.discard-changes */
static void
discard_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BridgeAgreementPage *self = BRIDGE_AGREEMENT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Discard the Changes Proposal?"),
                                   _("Its changes and the approvals given to it are dropped. "
                                     "The approved agreement stays as it is."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  set_dialog (self, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
build_changes (BridgeAgreementPage *self)
{
  GPtrArray *pending = bridge_plan_get_pending_changes (self->plan);
  gboolean locked = is_locked (self);
  GtkWidget *row, *buttons, *add, *discard;

  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), locked);
  if (!locked)
    return;

  adw_preferences_group_set_description (self->changes_group,
                                         pending == NULL
                                         ? _("To change the approved agreement, propose deleting a component (from its review above) or adding a course. The student and both responsible persons approve each proposal.")
                                         : _("The proposal applies once the student and both responsible persons approve it."));

  for (guint i = 0; pending != NULL && i < pending->len; i++)
    {
      BridgePlanChange *change = g_ptr_array_index (pending, i);
      g_autofree char *title = describe_change (self, change);
      g_autofree char *reason = change_reason (change);
      GtkWidget *icon = gtk_image_new_from_icon_name (change->kind == BRIDGE_CHANGE_DELETE
                                                      ? "list-remove-symbolic" : "list-add-symbolic");

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reason);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      change->kind == BRIDGE_CHANGE_DELETE ? _("Deletion") : _("Addition"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      add_dynamic (self, self->changes_group, row);
    }
  if (pending != NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();
      g_autofree char *blocked = approve_blocked_reason (self, none);

      for (BridgePlanRole r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
        add_dynamic (self, self->changes_group, approval_row (self, r, TRUE, blocked));
    }

  /* A column: the two buttons side by side would not fit at 360 px. */
  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 12);
  add = bridge_course_chooser_button_new (self->context, self->plan, BRIDGE_PLAN_SIDE_HOST,
                                          _("Propose _Adding a Course…"),
                                          _("Propose adding a course of the host university, in a new recognition group"));
  g_signal_connect (bridge_course_chooser_button_get_chooser (add), "course-chosen",
                    G_CALLBACK (propose_add_chosen_cb), self);
  gtk_box_append (GTK_BOX (buttons), add);
  g_hash_table_insert (self->children, g_strdup ("propose-add"), add);
  if (pending != NULL)
    {
      discard = gtk_button_new_with_mnemonic (_("_Discard Proposal…"));
      gtk_widget_add_css_class (discard, "destructive-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "agreement.discard-changes");
      gtk_box_append (GTK_BOX (buttons), discard);
      g_hash_table_insert (self->children, g_strdup ("discard-changes"), discard);
    }
  add_dynamic (self, self->changes_group, buttons);
}

void
bridge_agreement_page_propose_add (BridgeAgreementPage *self,
                                   const char          *course_id)
{
  g_return_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self));
  g_return_if_fail (course_id != NULL);

  set_dialog (self, bridge_change_dialog_present (GTK_WIDGET (self), self->context, self->plan,
                                                  BRIDGE_CHANGE_ADD, NULL, BRIDGE_PLAN_SIDE_HOST,
                                                  course_id));
}

static void
build_versions (BridgeAgreementPage *self)
{
  guint n = bridge_plan_get_n_versions (self->plan);

  gtk_widget_set_visible (GTK_WIDGET (self->versions_group), n > 0);
  for (guint v = 1; v <= n; v++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *when = format_timestamp (bridge_plan_get_version_timestamp (self->plan, v));
      g_autofree char *subtitle = NULL;
      GPtrArray *changes = v > 1 ? bridge_plan_get_version_changes (self->plan, v) : NULL;   /* transfer none */

      /* Translators: a version of the agreement, numbered from 1 */
      title = g_strdup_printf (_("Version %u"), v);
      if (v == 1)
        /* Translators: %s is a date and time */
        subtitle = g_strdup_printf (_("The first agreement, approved on %s"), when);
      else
        {
          GString *s = g_string_new (NULL);

          /* Translators: %s is a date and time */
          g_string_append_printf (s, _("Approved on %s"), when);
          for (guint i = 0; changes != NULL && i < changes->len; i++)
            {
              g_autofree char *what = describe_change (self, g_ptr_array_index (changes, i));
              g_autofree char *reason = change_reason (g_ptr_array_index (changes, i));

              g_string_append_printf (s, "\n%s — %s", what, reason);
            }
          subtitle = g_string_free (s, FALSE);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (v == n)
        {
          GtkWidget *label = gtk_label_new (_("Current"));

          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      add_dynamic (self, self->versions_group, row);
    }
}

/* ------------------------------------------------------------------------ */
/* Where the agreement stands                                                */

static GtkWidget *
add_problem (BridgeAgreementPage *self,
             const char          *icon_name,
             const char          *style,
             const char          *title,
             const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, style);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->problems_list, row);
  g_ptr_array_add (self->problem_rows, row);
  return row;
}

/* An approved agreement that lacks what its exports need cannot be edited:
 * its content goes into a new draft, approved again; the file stays the
 * record of what was approved. agreement.reopen-draft */
static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BridgeAgreementPage *self = BRIDGE_AGREEMENT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlan) draft = NULL;

  /* Only a window shows a draft. */
  if (!g_signal_has_handler_pending (self, signals[OPEN_DRAFT], 0, TRUE))
    return;
  if (bridge_plan_get_modified (self->plan))
    {
      toast (self, _("Save the agreement first, so that its review and grades are kept"));
      return;
    }
  draft = bridge_plan_new_draft_from (self->plan, &error);
  if (draft == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_signal_emit (self, signals[OPEN_DRAFT], 0, draft);
  toast (self, _("A new draft of the agreement: correct what it lacks, save it under a new name, and have it approved again"));
}

static void
add_reopen_problem (BridgeAgreementPage *self)
{
  g_autoptr(GPtrArray) lacking = bridge_plan_check_ready (self->plan);
  g_autofree char *list = NULL;
  GtkWidget *row, *button;

  if (lacking->len == 0)
    return;
  g_ptr_array_add (lacking, NULL);
  list = g_strjoinv ("\n", (char **) lacking->pdata);
  row = add_problem (self, "dialog-warning-symbolic", "warning",
                     _("This approved agreement lacks what its exports need"), list);
  button = gtk_button_new_with_mnemonic (_("_Reopen as New Draft"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Opens a new draft with what this agreement says, to correct and "
                                         "approve again; this file stays the record of what was approved"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agreement.reopen-draft");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_hash_table_insert (self->children, g_strdup ("reopen-draft"), button);
}

static void
update_status (BridgeAgreementPage *self)
{
  gboolean locked = is_locked (self);
  GPtrArray *pending = bridge_plan_get_pending_changes (self->plan);
  guint n_versions = bridge_plan_get_n_versions (self->plan);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *why = NULL;
  BridgePlanApprovalState state = bridge_plan_get_approval_state (self->plan, &why);
  const char *icon, *style;

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "accent");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "error");
  if (state == BRIDGE_PLAN_APPROVAL_STATE_BROKEN)
    {
      icon = "dialog-error-symbolic";
      style = "error";
      title = g_strdup (_("Not Approved"));
      /* Translators: the reason, from “the plan was changed after the student approved it” */
      description = g_strdup_printf (_("The approvals in this file do not hold: %s."), why);
    }
  else if (locked && pending != NULL)
    {
      icon = "document-edit-symbolic";
      style = "warning";
      /* Translators: %u of the three approvals */
      title = g_strdup_printf (_("Changes Proposed — %u of 3 Approvals"), count_approvals (self->plan, TRUE));
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Version %u stays in force until the student and both responsible persons approve the %u proposed change.",
                                                  "Version %u stays in force until the student and both responsible persons approve the %u proposed changes.",
                                                  pending->len),
                                     n_versions, pending->len);
    }
  else if (locked)
    {
      g_autofree char *when = format_timestamp (bridge_plan_get_version_timestamp (self->plan, n_versions));

      icon = "changes-prevent-symbolic";
      style = "success";
      title = g_strdup (_("Approved and Locked"));
      /* Translators: version number, date */
      description = g_strdup_printf (_("Version %u, approved on %s. The plan can no longer be edited: "
                                       "a change is proposed, then approved by the student and both "
                                       "responsible persons in turn."), n_versions, when);
      if (state == BRIDGE_PLAN_APPROVAL_STATE_APPROVED_UNBOUND)
        {
          g_autofree char *with_note = g_strdup_printf ("%s\n%s %s.", description, _("Note:"), why);

          g_free (description);
          description = g_steal_pointer (&with_note);
        }
    }
  else if (bridge_plan_get_n_groups (self->plan) == 0)
    {
      icon = "document-edit-symbolic";
      style = "accent";
      title = g_strdup (_("Draft"));
      description = g_strdup (_("Add courses to the plan and say which home courses they replace; "
                                "fill in the details below; then the student and both responsible "
                                "persons approve the agreement."));
    }
  else
    {
      icon = "document-edit-symbolic";
      style = "accent";
      /* Translators: %u of the three approvals */
      title = g_strdup_printf (_("Draft — %u of 3 Approvals"), count_approvals (self->plan, FALSE));
      description = g_strdup (_("Once the student and both responsible persons approve, the agreement "
                                "is locked. Changing it before then withdraws the approvals given so far."));
    }
  gtk_image_set_from_icon_name (self->status_icon, icon);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), style);
  gtk_label_set_text (self->status_title, title);
  gtk_label_set_text (self->status_description, description);

  for (guint i = 0; i < self->problem_rows->len; i++)
    gtk_list_box_remove (self->problems_list, g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);
  g_hash_table_remove (self->children, "reopen-draft");

  if (locked && state != BRIDGE_PLAN_APPROVAL_STATE_BROKEN)
    add_reopen_problem (self);
  if (state == BRIDGE_PLAN_APPROVAL_STATE_BROKEN)
    {
      /* Translators: the reason, from “the plan was changed after the student approved it” */
      g_autofree char *problem = g_strdup_printf (_("Not approved: %s"), why);

      add_problem (self, "dialog-error-symbolic", "error", problem,
                   locked
                   ? _("The file was changed after it was approved, so its approvals no longer match. Open the approved file again.")
                   : _("The file was changed after it was approved, so its approvals no longer match. Withdraw them and approve again."));
    }
  for (guint i = 0; i < bridge_plan_get_n_groups (self->plan); i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self->plan, i);

      for (BridgePlanSide side = BRIDGE_PLAN_SIDE_HOST; side <= BRIDGE_PLAN_SIDE_HOME; side++)
        for (guint j = 0; j < bridge_plan_group_get_n_components (group, side); j++)
          {
            const BridgePlanComponent *c = bridge_plan_group_get_component (group, side, j);
            g_autofree char *problem = NULL;

            if (c->changed)
              {
                /* Translators: course code and title */
                problem = g_strdup_printf (_("%s “%s” has other credits or another workload in the catalog"),
                                           c->code != NULL ? c->code : c->course_id, bridge_agreement_component_title (c));
                add_problem (self, "dialog-warning-symbolic", "warning", problem,
                             locked ? _("The catalog changed it since the approval. The agreement keeps the figures it "
                                        "was approved with; to take the new ones, reopen it as a new draft.")
                                    : _("The plan keeps the figures it recorded until you use the new ones on the Plan page."));
                continue;
              }
            if (!c->unknown)
              continue;
            /* Translators: course code and title */
            problem = g_strdup_printf (_("%s “%s” is no longer in the catalog"),
                                       c->code != NULL ? c->code : c->course_id, bridge_agreement_component_title (c));
            add_problem (self, "dialog-warning-symbolic", "warning", problem,
                         _("The agreement keeps what it recorded of the course. Check it with the host university."));
          }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), self->problem_rows->len > 0);
}

/* ------------------------------------------------------------------------ */
/* Review                                                                    */

static void
propose_delete_cb (BridgeGroupReview   *review,
                   BridgePlanSide       side,
                   const char          *course_id,
                   BridgeAgreementPage *self)
{
  set_dialog (self, bridge_change_dialog_present (GTK_WIDGET (self), self->context, self->plan,
                                                  BRIDGE_CHANGE_DELETE, bridge_group_review_get_group (review),
                                                  side, course_id));
}

static void
build_reviews (BridgeAgreementPage *self)
{
  bridge_gui_box_remove_all (self->review_box);
  g_ptr_array_set_size (self->reviews, 0);

  for (guint i = 0; i < bridge_plan_get_n_groups (self->plan); i++)
    {
      GtkWidget *review = bridge_group_review_new (self->plan, i);
      BridgeCatalog *catalog = self->context != NULL ? bridge_context_get_catalog (self->context) : NULL;
      g_autoptr(BridgePlanPrecedent) precedent = catalog != NULL
        ? bridge_plan_find_precedent (self->plan, catalog, bridge_plan_get_group (self->plan, i))
        : NULL;

      g_signal_connect (review, "propose-delete", G_CALLBACK (propose_delete_cb), self);
      if (precedent != NULL)
        bridge_group_review_add_precedent (BRIDGE_GROUP_REVIEW (review), precedent);
      gtk_box_append (self->review_box, review);
      g_ptr_array_add (self->reviews, review);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->review_box), self->reviews->len > 0);
}

/* ------------------------------------------------------------------------ */

static void
update (BridgeAgreementPage *self)
{
  g_autofree char *key = NULL;
  guint n_approvals;

  if (self->plan == NULL)
    return;

  self->updating = TRUE;

  update_status (self);
  bridge_agreement_form_update (self->form);

  key = bridge_group_review_plan_key (self->plan);
  if (g_strcmp0 (key, self->review_key) != 0)
    {
      g_free (self->review_key);
      self->review_key = g_steal_pointer (&key);
      build_reviews (self);
    }
  else
    for (guint i = 0; i < self->reviews->len; i++)
      bridge_group_review_refresh (g_ptr_array_index (self->reviews, i));

  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));

      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
  {
    g_autoptr(GPtrArray) missing = missing_items (self);
    g_autofree char *blocked = approve_blocked_reason (self, missing);

    add_checklist (self, missing);
    for (BridgePlanRole r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
      add_dynamic (self, self->approvals_group, approval_row (self, r, FALSE, blocked));
    adw_preferences_group_set_description (self->approvals_group,
                                           missing->len > 0
                                           ? _("The agreement needs what is listed here before the student, and the "
                                               "responsible persons of the sending and receiving institutions, can "
                                               "approve it. Each approval records the name, position, email and time.")
                                           : _("The student, and the responsible persons of the sending and "
                                               "receiving institutions, approve the agreement. Each approval "
                                               "records the name, position, email and time."));
  }
  build_changes (self);
  build_versions (self);

  /* Core withdraws approvals when what they committed to changes. */
  n_approvals = count_approvals (self->plan, FALSE);
  if (n_approvals < self->n_approvals && !self->withdrawing && !is_locked (self))
    toast (self, _("The agreement changed, so the approvals given so far were withdrawn"));
  self->n_approvals = n_approvals;

  self->updating = FALSE;
}

/* The button children are looked up by name; stale ones must go before a rebuild. */
static gboolean
is_button_child (gpointer key,
                 gpointer value,
                 gpointer data)
{
  return g_str_has_prefix (key, "approve-") || g_str_has_prefix (key, "withdraw-") ||
         g_str_has_prefix (key, "missing-") || g_str_equal (key, "reopen-draft") ||
         g_str_has_prefix (key, "pending-") || g_str_has_prefix (key, "approval-") ||
         g_str_equal (key, "propose-add") || g_str_equal (key, "discard-changes");
}

static void
context_changed_cb (BridgeAgreementPage *self)
{
  bridge_agreement_form_reload_catalog (self->form);
  g_hash_table_foreach_remove (self->children, is_button_child, NULL);
  update (self);
}

static void
plan_changed_cb (BridgeAgreementPage *self)
{
  g_hash_table_foreach_remove (self->children, is_button_child, NULL);
  update (self);
}

/* ------------------------------------------------------------------------ */

/* The grades after the stay: BridgeResultsView follows the plan itself. */
static void
update_results (BridgeAgreementPage *self)
{
  bridge_results_view_set_plan (BRIDGE_RESULTS_VIEW (self->results_view), self->context, self->plan);
}

void
bridge_agreement_page_set_context (BridgeAgreementPage *self,
                                   BridgeContext       *context)
{
  g_return_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  bridge_agreement_form_set_context (self->form, context);
  if (context != NULL)
    g_signal_connect_swapped (context, "changed", G_CALLBACK (context_changed_cb), self);
  update_results (self);
  context_changed_cb (self);
}

void
bridge_agreement_page_set_plan (BridgeAgreementPage *self,
                                BridgePlan          *plan)
{
  g_return_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self));

  if (self->plan == plan)
    return;
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  bridge_agreement_form_set_plan (self->form, plan);
  g_clear_pointer (&self->review_key, g_free);
  if (plan != NULL)
    {
      g_signal_connect_swapped (plan, "changed", G_CALLBACK (plan_changed_cb), self);
      self->n_approvals = count_approvals (plan, FALSE);
    }
  update_results (self);
  plan_changed_cb (self);
}

BridgePlan *
bridge_agreement_page_get_plan (BridgeAgreementPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self), NULL);
  return self->plan;
}

AdwMessageDialog *
bridge_agreement_page_get_dialog (BridgeAgreementPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self), NULL);
  return self->dialog;
}

GtkWidget *
bridge_agreement_page_get_child (BridgeAgreementPage *self,
                                 const char          *name)
{
  g_return_val_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self), NULL);

  if (g_strcmp0 (name, "status-title") == 0)
    return GTK_WIDGET (self->status_title);
  if (g_strcmp0 (name, "status-description") == 0)
    return GTK_WIDGET (self->status_description);
  if (g_strcmp0 (name, "status-icon") == 0)
    return GTK_WIDGET (self->status_icon);
  if (g_strcmp0 (name, "problems") == 0)
    return GTK_WIDGET (self->problems_list);
  if (g_strcmp0 (name, "changes") == 0)
    return GTK_WIDGET (self->changes_group);
  if (g_strcmp0 (name, "versions") == 0)
    return GTK_WIDGET (self->versions_group);
  if (g_strcmp0 (name, "results") == 0)
    return self->results_view;
  if (bridge_agreement_form_get_child (self->form, name) != NULL)
    return bridge_agreement_form_get_child (self->form, name);
  return g_hash_table_lookup (self->children, name);
}

GtkWidget *
bridge_agreement_page_get_review_child (BridgeAgreementPage *self,
                                        guint                position,
                                        BridgePlanSide       side,
                                        const char          *course_id,
                                        const char          *name)
{
  g_return_val_if_fail (BRIDGE_IS_AGREEMENT_PAGE (self), NULL);

  if (position >= self->reviews->len)
    return NULL;
  return bridge_group_review_get_child (g_ptr_array_index (self->reviews, position), side, course_id, name);
}

static void
bridge_agreement_page_dispose (GObject *object)
{
  BridgeAgreementPage *self = BRIDGE_AGREEMENT_PAGE (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  set_dialog (self, NULL);
  if (self->reviews != NULL)
    g_ptr_array_set_size (self->reviews, 0);
  if (self->children != NULL)
    g_hash_table_remove_all (self->children);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_AGREEMENT_PAGE);
  g_clear_object (&self->plan);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bridge_agreement_page_parent_class)->dispose (object);
}

static void
bridge_agreement_page_finalize (GObject *object)
{
  BridgeAgreementPage *self = BRIDGE_AGREEMENT_PAGE (object);

  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  g_clear_pointer (&self->dynamic_rows, g_ptr_array_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);
  g_clear_pointer (&self->review_key, g_free);

  G_OBJECT_CLASS (bridge_agreement_page_parent_class)->finalize (object);
}

static void
bridge_agreement_page_class_init (BridgeAgreementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_agreement_page_dispose;
  object_class->finalize = bridge_agreement_page_finalize;

  /* A new draft of the agreement (BridgePlan, not saved yet) to show in
   * the Plan page: the window connects to it. */
  signals[OPEN_DRAFT] = g_signal_new ("open-draft", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, BRIDGE_TYPE_PLAN);

  /* The page's own buttons: on the page, not on the window. */
  gtk_widget_class_install_action (widget_class, "agreement.approve", "u", approve_action);
  gtk_widget_class_install_action (widget_class, "agreement.withdraw", "u", withdraw_action);
  gtk_widget_class_install_action (widget_class, "agreement.discard-changes", NULL, discard_action);
  gtk_widget_class_install_action (widget_class, "agreement.reopen-draft", NULL, reopen_action);

  g_type_ensure (BRIDGE_TYPE_AGREEMENT_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-agreement-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, status_title);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, status_description);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, problems_list);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, form);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, review_box);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, approvals_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, changes_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, versions_group);
  gtk_widget_class_bind_template_child (widget_class, BridgeAgreementPage, results_box);
}

static void
bridge_agreement_page_init (BridgeAgreementPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->reviews = g_ptr_array_new ();
  self->dynamic_rows = g_ptr_array_new ();
  self->problem_rows = g_ptr_array_new ();
  self->results_view = bridge_results_view_new ();
  gtk_box_append (self->results_box, self->results_view);
}
