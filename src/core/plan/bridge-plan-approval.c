/* bridge-plan-approval.c: approvals, the lock, versions and changes after approval
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-error.h"
#include "bridge-plan.h"
#include "bridge-plan-private.h"
#include "bridge-validate.h"

/* ------------------------------------------------------------------------ */
/* Approvals, lock, changes                                                 */

gboolean
bridge_plan_get_locked (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  return self->versions->len > 0;
}

const BridgePlanApproval *
bridge_plan_get_approval (BridgePlan     *self,
                          BridgePlanRole  role)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (role < BRIDGE_PLAN_N_ROLES, NULL);
  return self->approvals[role];
}

const BridgePlanApproval *
bridge_plan_get_pending_approval (BridgePlan     *self,
                                  BridgePlanRole  role)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (role < BRIDGE_PLAN_N_ROLES, NULL);
  return self->pending ? self->pending_approvals[role] : NULL;
}

/* Why @a does not hold as an approval of content whose digest is
 * @content_digest; NULL when it holds. Sets *@unbound for a record an older
 * Credit Bridge wrote, without its own digest. */
static char *
approval_problem (const BridgePlanApproval *a,
                  const char               *content_digest,
                  guint                     version,
                  gboolean                 *unbound)
{
  const char *role = bridge_plan_role_get_label (a->role);
  g_autofree char *record = NULL;

  if (g_strcmp0 (a->digest, content_digest) != 0)
    return version
           /* Translators: the role (“student”, “sending institution”…), a version number */
           ? g_strdup_printf (_("the approval by the %s of version %u is not for what version %u says "
                                "(the content was changed after it was approved)"), role, version, version)
           /* Translators: the role (“student”, “sending institution”…) */
           : g_strdup_printf (_("the plan was changed after the %s approved it"), role);
  if (a->record_digest == NULL)
    {
      *unbound = TRUE;
      return NULL;
    }
  record = bridge_plan_approval_record_digest (a);
  if (!g_str_equal (record, a->record_digest))
    return version
           /* Translators: the role, a version number */
           ? g_strdup_printf (_("the approval by the %s of version %u was changed after it was given "
                                "(its name, position, email or date do not match its record digest)"), role, version)
           : g_strdup_printf (_("the approval by the %s was changed after it was given "
                                "(its name, position, email or date do not match its record digest)"), role);
  return NULL;
}

static gboolean
same_approval (const BridgePlanApproval *a,
               const BridgePlanApproval *b)
{
  g_autofree char *da = NULL, *db = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  da = bridge_plan_approval_record_digest (a);
  db = bridge_plan_approval_record_digest (b);
  return a->role == b->role && g_str_equal (da, db) && g_strcmp0 (a->record_digest, b->record_digest) == 0;
}

static BridgePlanApprovalState
approval_state (BridgePlan  *self,
                char       **reason)
{
  g_autofree char *digest = bridge_plan_get_content_digest (self);
  gboolean unbound = FALSE;
  char *problem = NULL;
  guint given = 0;

  for (guint i = 0; i < self->versions->len && problem == NULL; i++)
    {
      PlanVersion *v = g_ptr_array_index (self->versions, i);
      g_autofree char *vdigest = bridge_plan_digest_of (v->content);

      for (guint r = 0; r < BRIDGE_PLAN_N_ROLES && problem == NULL; r++)
        if (v->approvals[r] == NULL)
          /* Translators: a version number, the role (“student”, “sending institution”…) */
          problem = g_strdup_printf (_("version %u lacks the approval by the %s"), v->number,
                                     bridge_plan_role_get_label (r));
        else
          problem = approval_problem (v->approvals[r], vdigest, v->number, &unbound);
    }
  if (problem == NULL && self->versions->len > 0)
    {
      PlanVersion *last = g_ptr_array_index (self->versions, self->versions->len - 1);
      g_autofree char *vdigest = bridge_plan_digest_of (last->content);

      if (!g_str_equal (vdigest, digest))
        /* Translators: a version number */
        problem = g_strdup_printf (_("the agreement was changed after version %u was approved"), last->number);
      for (guint r = 0; r < BRIDGE_PLAN_N_ROLES && problem == NULL; r++)
        if (!same_approval (self->approvals[r], last->approvals[r]))
          /* Translators: the role, a version number */
          problem = g_strdup_printf (_("the approval by the %s differs from the one recorded with version %u"),
                                     bridge_plan_role_get_label (r), last->number);
      if (problem == NULL && self->pending)
        {
          g_autofree char *pdigest = bridge_plan_pending_digest (self);

          for (guint r = 0; r < BRIDGE_PLAN_N_ROLES && problem == NULL; r++)
            if (self->pending_approvals[r])
              {
                gboolean ignored = FALSE;
                g_autofree char *wrong = approval_problem (self->pending_approvals[r], pdigest, 0, &ignored);

                if (wrong != NULL)
                  /* Translators: the role */
                  problem = g_strdup_printf (_("the approval by the %s of the changes proposal does not match it"),
                                             bridge_plan_role_get_label (r));
              }
        }
    }
  else if (problem == NULL)
    {
      for (guint r = 0; r < BRIDGE_PLAN_N_ROLES && problem == NULL; r++)
        if (self->approvals[r])
          {
            given++;
            problem = approval_problem (self->approvals[r], digest, 0, &unbound);
          }
      if (problem == NULL && given == BRIDGE_PLAN_N_ROLES)
        problem = g_strdup (_("all three approvals are there, but the approved version they make is missing"));
    }

  if (problem != NULL)
    {
      if (reason)
        *reason = problem;
      else
        g_free (problem);
      return BRIDGE_PLAN_APPROVAL_STATE_BROKEN;
    }
  if (self->versions->len == 0)
    return BRIDGE_PLAN_APPROVAL_STATE_DRAFT;
  if (unbound)
    {
      if (reason)
        *reason = g_strdup (_("approved with an older Credit Bridge: the approvals record the digest of what "
                              "was approved, but not of who approved it, so a changed name cannot be detected"));
      return BRIDGE_PLAN_APPROVAL_STATE_APPROVED_UNBOUND;
    }
  return BRIDGE_PLAN_APPROVAL_STATE_APPROVED;
}

BridgePlanApprovalState
bridge_plan_get_approval_state (BridgePlan  *self,
                                char       **reason)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), BRIDGE_PLAN_APPROVAL_STATE_BROKEN);
  g_return_val_if_fail (reason == NULL || *reason == NULL, BRIDGE_PLAN_APPROVAL_STATE_BROKEN);

  return approval_state (self, reason);
}

gboolean
bridge_plan_get_modified_after_approval (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);

  return approval_state (self, NULL) == BRIDGE_PLAN_APPROVAL_STATE_BROKEN;
}

static char *
now_rfc3339 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
bridge_plan_check_approver (BridgePlanRole           role,
                            const BridgePlanPerson  *person,
                            GError                 **error)
{
  const char *label = bridge_plan_role_get_label (role);

  if (person == NULL || person->name == NULL || person->name[0] == '\0')
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("An approval needs the approver’s name (%s)"), label);
      return FALSE;
    }
  if (!bridge_validate_text (_("The approver’s name"), person->name, error)
      || !bridge_validate_text (_("The approver’s position"), person->position, error)
      || !bridge_validate_email (_("The approver’s email address"), person->email, error))
    return FALSE;
  if (role != BRIDGE_PLAN_ROLE_STUDENT)
    {
      if (person->position == NULL || person->position[0] == '\0')
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       _("An approval for the %s needs the responsible person’s position"), label);
          return FALSE;
        }
      if (person->email == NULL || person->email[0] == '\0')
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       _("An approval for the %s needs the responsible person’s email address"), label);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
all_approved (BridgePlanApproval **approvals)
{
  for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
    if (approvals[i] == NULL)
      return FALSE;
  return TRUE;
}

static const char *
latest_timestamp (BridgePlanApproval **approvals)
{
  const char *latest = NULL;

  for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
    if (approvals[i] && (latest == NULL || g_strcmp0 (approvals[i]->timestamp, latest) > 0))
      latest = approvals[i]->timestamp;
  return latest;
}

static void
snapshot_version (BridgePlan *self,
                  GPtrArray  *changes)            /* takes ownership; NULL: none */
{
  PlanVersion *v = g_new0 (PlanVersion, 1);

  v->number = self->versions->len + 1;
  v->timestamp = g_strdup (latest_timestamp (self->approvals));
  v->content = bridge_plan_content_to_json (self);
  v->changes = changes ? changes
                       : g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_plan_change_free);
  for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
    v->approvals[i] = self->approvals[i] ? bridge_plan_approval_copy (self->approvals[i]) : NULL;
  g_ptr_array_add (self->versions, v);
}

static void apply_changes (BridgePlan *self, GPtrArray *changes);
static gboolean approve (BridgePlan *self, BridgePlanRole role, const BridgePlanPerson *person,
                         const char *timestamp, gboolean check_ready, GError **error);

gboolean
bridge_plan_approve (BridgePlan              *self,
                     BridgePlanRole           role,
                     const BridgePlanPerson  *person,
                     const char              *timestamp,
                     GError                 **error)
{
  return approve (self, role, person, timestamp, TRUE, error);
}

gboolean
bridge_plan_record_approval (BridgePlan              *self,
                             BridgePlanRole           role,
                             const BridgePlanPerson  *person,
                             const char              *timestamp,
                             GError                 **error)
{
  return approve (self, role, person, timestamp, FALSE, error);
}

static gboolean
approve (BridgePlan              *self,
         BridgePlanRole           role,
         const BridgePlanPerson  *person,
         const char              *timestamp,
         gboolean                 check_ready,
         GError                 **error)
{
  BridgePlanApproval *a;
  BridgePlanApproval **slot;
  gboolean was_locked;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (role < BRIDGE_PLAN_N_ROLES, FALSE);

  if (!bridge_plan_check_approver (role, person, error))
    return FALSE;
  if (bridge_plan_get_modified_after_approval (self))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                   _("The plan was modified after it was approved, so its approvals no longer match; "
                     "restore the approved file or withdraw the approvals before approving again"));
      return FALSE;
    }
  was_locked = bridge_plan_get_locked (self);
  if (was_locked && self->pending == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The learning agreement is already approved by all three; there is no change to approve"));
      return FALSE;
    }
  if (was_locked && self->pending->len == 0)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The changes proposal is empty"));
      return FALSE;
    }
  if (!was_locked && bridge_plan_get_n_groups (self) == 0)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The plan has no courses to approve yet"));
      return FALSE;
    }
  if (!was_locked && check_ready)
    {
      g_autoptr(GPtrArray) missing = bridge_plan_check_ready (self);

      if (missing->len > 0)
        {
          g_autoptr(GString) list = g_string_new (NULL);

          for (guint i = 0; i < missing->len; i++)
            g_string_append_printf (list, "\n  • %s", (const char *) g_ptr_array_index (missing, i));
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The learning agreement cannot be approved yet; it lacks %u thing its exports need:%s",
                                    "The learning agreement cannot be approved yet; it lacks %u things its exports need:%s",
                                    missing->len),
                       missing->len, list->str);
          return FALSE;
        }
    }

  a = g_new0 (BridgePlanApproval, 1);
  a->role = role;
  bridge_plan_person_copy (person, &a->person);
  a->timestamp = timestamp ? g_strdup (timestamp) : now_rfc3339 ();

  if (was_locked)
    {
      slot = &self->pending_approvals[role];
      a->digest = bridge_plan_pending_digest (self);
    }
  else
    {
      slot = &self->approvals[role];
      a->digest = bridge_plan_get_content_digest (self);
    }
  bridge_plan_seal_approval (a);
  bridge_plan_approval_free (*slot);
  *slot = a;

  if (!was_locked && all_approved (self->approvals))
    {
      snapshot_version (self, NULL);
      bridge_plan_notify_locked (self);
    }
  else if (was_locked && all_approved (self->pending_approvals))
    {
      g_autoptr(GPtrArray) changes = g_steal_pointer (&self->pending);
      g_autofree char *digest = NULL;

      apply_changes (self, changes);
      digest = bridge_plan_get_content_digest (self);
      for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
        {
          bridge_plan_approval_free (self->approvals[i]);
          self->approvals[i] = g_steal_pointer (&self->pending_approvals[i]);
          bridge_plan_replace_string (&self->approvals[i]->digest, digest);
          bridge_plan_seal_approval (self->approvals[i]);
        }
      g_clear_pointer (&self->pending_id, g_free);
      snapshot_version (self, g_steal_pointer (&changes));
    }
  bridge_plan_changed (self, FALSE);
  return TRUE;
}

gboolean
bridge_plan_withdraw_approval (BridgePlan      *self,
                               BridgePlanRole   role,
                               GError         **error)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (role < BRIDGE_PLAN_N_ROLES, FALSE);

  if (bridge_plan_get_locked (self))
    {
      if (self->pending && self->pending_approvals[role])
        {
          g_clear_pointer (&self->pending_approvals[role], bridge_plan_approval_free);
          bridge_plan_changed (self, FALSE);
          return TRUE;
        }
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_PLAN_LOCKED,
                   _("The learning agreement is locked; an approval can no longer be withdrawn"));
      return FALSE;
    }
  if (self->approvals[role] == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("There is no approval by the %s to withdraw"), bridge_plan_role_get_label (role));
      return FALSE;
    }
  g_clear_pointer (&self->approvals[role], bridge_plan_approval_free);
  bridge_plan_changed (self, FALSE);
  return TRUE;
}

GPtrArray *
bridge_plan_get_pending_changes (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->pending;
}

/* A change is proposed to an approved learning agreement only. */
static gboolean
check_locked (BridgePlan  *self,
              GError     **error)
{
  if (!bridge_plan_get_locked (self))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The learning agreement is not approved yet; edit it directly"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_can_propose (BridgePlan          *self,
                   BridgeChangeKind     kind,
                   BridgeChangeReason   reason,
                   const char          *reason_text,
                   GError             **error)
{
  if (!check_locked (self, error))
    return FALSE;
  if (!bridge_validate_multiline (_("The reason"), reason_text, error))
    return FALSE;
  if (reason == BRIDGE_CHANGE_REASON_OTHER && (reason_text == NULL || reason_text[0] == '\0'))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("A change for another reason needs the reason written out"));
      return FALSE;
    }
  if (kind == BRIDGE_CHANGE_DELETE && reason > BRIDGE_CHANGE_REASON_TIMETABLE_CONFLICT
      && reason != BRIDGE_CHANGE_REASON_OTHER)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("“%s” is a reason for adding a component, not for deleting one"),
                   bridge_change_reason_get_label (reason));
      return FALSE;
    }
  if (kind == BRIDGE_CHANGE_ADD && reason <= BRIDGE_CHANGE_REASON_TIMETABLE_CONFLICT)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("“%s” is a reason for deleting a component, not for adding one"),
                   bridge_change_reason_get_label (reason));
      return FALSE;
    }
  return TRUE;
}

static void
add_pending (BridgePlan       *self,
             BridgePlanChange *change)
{
  if (self->pending == NULL)
    {
      self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_plan_change_free);
      g_free (self->pending_id);
      self->pending_id = g_strdup_printf ("%s-v%u", self->mobility_id, self->versions->len + 1);
    }
  g_ptr_array_add (self->pending, change);
  /* The proposal changed: approvals given to it no longer hold. */
  bridge_plan_clear_approvals (self->pending_approvals);
  bridge_plan_changed (self, FALSE);
}

/* Proposes the change of @component (taken), @kind on @side of group
 * @group_id, for @reason. */
static void
add_change (BridgePlan          *self,
            BridgeChangeKind     kind,
            BridgePlanSide       side,
            const char          *group_id,
            BridgePlanComponent *component,
            BridgeChangeReason   reason,
            const char          *reason_text)
{
  BridgePlanChange *change = g_new0 (BridgePlanChange, 1);

  change->kind = kind;
  change->side = side;
  change->group_id = g_strdup (group_id);
  change->component = component;
  change->reason = reason;
  change->reason_text = g_strdup (reason_text);
  add_pending (self, change);
}

/* A copy of @component for a proposed change, which has no comment. */
static BridgePlanComponent *
copy_without_comment (const BridgePlanComponent *component)
{
  BridgePlanComponent *copy = bridge_plan_component_copy (component);

  g_clear_pointer (&copy->comment, g_free);
  return copy;
}

static gboolean
pending_has (BridgePlan       *self,
             BridgeChangeKind  kind,
             BridgePlanSide    side,
             const char       *group_id,
             const char       *course_id)
{
  for (guint i = 0; self->pending && i < self->pending->len; i++)
    {
      BridgePlanChange *c = g_ptr_array_index (self->pending, i);

      if (c->kind == kind && c->side == side && g_strcmp0 (c->group_id, group_id) == 0
          && g_strcmp0 (c->component->course_id, course_id) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
bridge_plan_propose_delete (BridgePlan          *self,
                            BridgePlanGroup     *group,
                            BridgePlanSide       side,
                            const char          *course_id,
                            BridgeChangeReason   reason,
                            const char          *reason_text,
                            GError             **error)
{
  BridgePlanComponent *c;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (group), FALSE);
  g_return_val_if_fail (side <= BRIDGE_PLAN_SIDE_HOME, FALSE);
  g_return_val_if_fail (reason <= BRIDGE_CHANGE_REASON_OTHER, FALSE);

  if (!check_can_propose (self, BRIDGE_CHANGE_DELETE, reason, reason_text, error))
    return FALSE;
  c = bridge_plan_find_component_or_error (self, group, side, course_id, error);
  if (c == NULL)
    return FALSE;
  if (pending_has (self, BRIDGE_CHANGE_DELETE, side, group->id, course_id))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("Deleting “%s” is already proposed"), c->code ? c->code : course_id);
      return FALSE;
    }
  add_change (self, BRIDGE_CHANGE_DELETE, side, group->id, copy_without_comment (c),
              reason, reason_text);
  return TRUE;
}

gboolean
bridge_plan_propose_component (BridgePlan                *self,
                               BridgeChangeKind           kind,
                               BridgePlanSide             side,
                               const char                *group_id,
                               const BridgePlanComponent *component,
                               BridgeChangeReason         reason,
                               const char                *reason_text,
                               GError                   **error)
{
  BridgePlanGroup *group;

  if (!check_locked (self, error))
    return FALSE;
  if (group_id == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("A change needs the recognition group it leaves or joins"));
      return FALSE;
    }
  group = bridge_plan_find_group (self, group_id, NULL);
  if (kind == BRIDGE_CHANGE_DELETE
      && (group == NULL || !bridge_plan_group_find_component (group, side, component->course_id, NULL)))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("“%s” is not in this recognition group"), component->course_id);
      return FALSE;
    }
  add_change (self, kind, side, group_id, copy_without_comment (component),
              reason, reason_text);
  return TRUE;
}

void
bridge_plan_set_mobility_id (BridgePlan *self,
                             const char *id)
{
  bridge_plan_replace_string (&self->mobility_id, id);
}

BridgePlan *
bridge_plan_preview_pending (BridgePlan *self)
{
  g_autoptr(JsonNode) content = bridge_plan_content_to_json (self);
  BridgePlan *copy = g_object_new (BRIDGE_TYPE_PLAN, NULL);

  bridge_plan_load_content (copy, json_node_get_object (content), NULL);
  if (self->pending)
    apply_changes (copy, self->pending);
  copy->modified = FALSE;
  return copy;
}

static gboolean
propose_add_to (BridgePlan          *self,
                BridgeCatalog       *catalog,
                const char          *group_id,
                BridgePlanSide       side,
                const char          *course_id,
                BridgeChangeReason   reason,
                const char          *reason_text,
                GError             **error)
{
  BridgePlanComponent *c;
  BridgePlanGroup *group = bridge_plan_find_group (self, group_id, NULL);

  if (group && bridge_plan_group_find_component (group, side, course_id, NULL)
      && !pending_has (self, BRIDGE_CHANGE_DELETE, side, group_id, course_id))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("“%s” is already in this recognition group"), course_id);
      return FALSE;
    }
  if (pending_has (self, BRIDGE_CHANGE_ADD, side, group_id, course_id))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("Adding “%s” is already proposed"), course_id);
      return FALSE;
    }
  c = bridge_plan_component_from_catalog (self, catalog, course_id, side, error);
  if (c == NULL)
    return FALSE;
  add_change (self, BRIDGE_CHANGE_ADD, side, group_id, c, reason, reason_text);
  return TRUE;
}

/* A group id not used by the plan nor by the pending proposal. */
static char *
next_proposal_group_id (BridgePlan *self)
{
  for (;;)
    {
      char *id = bridge_plan_next_group_id (self);
      gboolean used = FALSE;

      for (guint i = 0; self->pending && i < self->pending->len; i++)
        if (g_strcmp0 (((BridgePlanChange *) g_ptr_array_index (self->pending, i))->group_id, id) == 0)
          used = TRUE;
      if (!used)
        return id;
      g_free (id);
    }
}

gboolean
bridge_plan_propose_add (BridgePlan          *self,
                         BridgeCatalog       *catalog,
                         BridgePlanGroup     *group,
                         BridgePlanSide       side,
                         const char          *course_id,
                         BridgeChangeReason   reason,
                         const char          *reason_text,
                         GError             **error)
{
  g_autofree char *new_id = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (group == NULL || BRIDGE_IS_PLAN_GROUP (group), FALSE);
  g_return_val_if_fail (reason <= BRIDGE_CHANGE_REASON_OTHER, FALSE);

  if (!check_can_propose (self, BRIDGE_CHANGE_ADD, reason, reason_text, error))
    return FALSE;
  if (group == NULL && side != BRIDGE_PLAN_SIDE_HOST)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("A home course can only be added to a group that has a host course"));
      return FALSE;
    }
  if (group != NULL && !bridge_plan_contains_group (self, group, NULL))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("The recognition group is not part of this plan"));
      return FALSE;
    }
  if (group == NULL)
    new_id = next_proposal_group_id (self);
  return propose_add_to (self, catalog, group ? group->id : new_id, side, course_id,
                         reason, reason_text, error);
}

gboolean
bridge_plan_propose_add_group (BridgePlan          *self,
                               BridgeCatalog       *catalog,
                               const char * const  *host_ids,
                               const char * const  *home_ids,
                               BridgeChangeReason   reason,
                               const char          *reason_text,
                               GError             **error)
{
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) saved = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), FALSE);

  if (!check_can_propose (self, BRIDGE_CHANGE_ADD, reason, reason_text, error))
    return FALSE;
  if (host_ids == NULL || host_ids[0] == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("A recognition group needs at least one host course"));
      return FALSE;
    }
  /* All or nothing: keep the proposal as it was if one course fails. */
  if (self->pending)
    {
      saved = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_plan_change_free);
      for (guint i = 0; i < self->pending->len; i++)
        g_ptr_array_add (saved, bridge_plan_change_copy (g_ptr_array_index (self->pending, i)));
    }
  id = next_proposal_group_id (self);
  for (guint side = 0; side < 2; side++)
    {
      const char * const *ids = side == BRIDGE_PLAN_SIDE_HOST ? host_ids : home_ids;

      for (guint i = 0; ids && ids[i]; i++)
        if (!propose_add_to (self, catalog, id, side, ids[i], reason, reason_text, error))
          {
            g_clear_pointer (&self->pending, g_ptr_array_unref);
            self->pending = g_steal_pointer (&saved);
            if (self->pending == NULL)
              g_clear_pointer (&self->pending_id, g_free);
            return FALSE;
          }
    }
  return TRUE;
}

void
bridge_plan_discard_changes (BridgePlan *self)
{
  g_return_if_fail (BRIDGE_IS_PLAN (self));

  if (self->pending == NULL)
    return;
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->pending_id, g_free);
  bridge_plan_clear_approvals (self->pending_approvals);
  bridge_plan_changed (self, FALSE);
}

static void
apply_changes (BridgePlan *self,
               GPtrArray  *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      BridgePlanChange *c = g_ptr_array_index (changes, i);
      BridgePlanGroup *group = bridge_plan_find_group (self, c->group_id, NULL);
      guint index;

      if (c->kind == BRIDGE_CHANGE_DELETE)
        {
          if (group && bridge_plan_group_find_component (group, c->side, c->component->course_id, &index))
            {
              g_ptr_array_remove_index (group->components[c->side], index);
              bridge_plan_group_notify_counts (group, c->side);
              bridge_plan_notify_group (self, group);
            }
        }
      else
        {
          if (group == NULL)
            group = bridge_plan_append_group (self, c->group_id);
          bridge_plan_group_insert (group, c->side, -1, bridge_plan_component_copy (c->component));
          bridge_plan_notify_group (self, group);
        }
    }
  /* A group left with nothing on either side goes. */
  for (guint i = bridge_plan_get_n_groups (self); i > 0; i--)
    {
      BridgePlanGroup *g = bridge_plan_get_group (self, i - 1);

      if (g->components[0]->len == 0 && g->components[1]->len == 0)
        {
          g_list_store_remove (self->groups, i - 1);
          bridge_plan_notify_n_groups (self);
        }
    }
}

guint
bridge_plan_get_n_versions (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), 0);
  return self->versions->len;
}

BridgePlan *
bridge_plan_get_version (BridgePlan  *self,
                         guint        version,
                         GError     **error)
{
  g_autoptr(BridgePlan) plan = NULL;
  PlanVersion *v;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  if (version < 1 || version > self->versions->len)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("The plan has no version %u"), version);
      return NULL;
    }
  v = g_ptr_array_index (self->versions, version - 1);
  plan = g_object_new (BRIDGE_TYPE_PLAN, NULL);
  if (!bridge_plan_load_content (plan, json_node_get_object (v->content), error))
    return NULL;
  for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
    plan->approvals[i] = v->approvals[i] ? bridge_plan_approval_copy (v->approvals[i]) : NULL;
  plan->modified = FALSE;
  return g_steal_pointer (&plan);
}

BridgePlan *
bridge_plan_new_draft_from (BridgePlan  *self,
                            GError     **error)
{
  g_autoptr(BridgePlan) draft = NULL;
  g_autoptr(JsonNode) content = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  if (!check_locked (self, error))
    return NULL;
  content = bridge_plan_content_to_json (self);
  draft = g_object_new (BRIDGE_TYPE_PLAN, NULL);
  if (!bridge_plan_load_content (draft, json_node_get_object (content), error))
    return NULL;
  draft->modified = TRUE;
  return g_steal_pointer (&draft);
}

GPtrArray *
bridge_plan_get_version_changes (BridgePlan *self,
                                 guint       version)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (version >= 1 && version <= self->versions->len, NULL);

  return ((PlanVersion *) g_ptr_array_index (self->versions, version - 1))->changes;
}

const char *
bridge_plan_get_version_timestamp (BridgePlan *self,
                                   guint       version)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (version >= 1 && version <= self->versions->len, NULL);

  return ((PlanVersion *) g_ptr_array_index (self->versions, version - 1))->timestamp;
}

const char *
bridge_plan_get_pending_id (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->pending_id;
}
