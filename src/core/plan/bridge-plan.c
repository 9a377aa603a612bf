/* bridge-plan.c: the study plan and its Learning Agreement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bridge-credit.h"
#include "bridge-enum.h"
#include "bridge-error.h"
#include "bridge-file.h"
#include "bridge-json.h"
#include "bridge-plan.h"
#include "bridge-plan-enums.h"
#include "bridge-plan-private.h"
#include "bridge-validate.h"

/* ------------------------------------------------------------------------ */
/* Enumerations                                                             */

/* The words of the plan file are the nicks of bridge-plan-enums.h. */

const char *
bridge_plan_group_status_to_string (BridgePlanGroupStatus status)
{
  return bridge_enum_to_nick (BRIDGE_TYPE_PLAN_GROUP_STATUS, status);
}

gboolean
bridge_plan_group_status_from_string (const char            *str,
                                      BridgePlanGroupStatus *out)
{
  return bridge_enum_from_nick (BRIDGE_TYPE_PLAN_GROUP_STATUS, str, (int *) out);
}

const char *
bridge_plan_group_status_get_label (BridgePlanGroupStatus status)
{
  switch (status)
    {
    case BRIDGE_PLAN_GROUP_PROPOSED:
      return _("Proposed");
    case BRIDGE_PLAN_GROUP_APPROVED:
      return _("Approved");
    case BRIDGE_PLAN_GROUP_NEEDS_CHANGE:
      return _("Needs change");
    case BRIDGE_PLAN_GROUP_REJECTED:
      return _("Rejected");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bridge_plan_role_to_string (BridgePlanRole role)
{
  return bridge_enum_to_nick (BRIDGE_TYPE_PLAN_ROLE, role);
}

gboolean
bridge_plan_role_from_string (const char     *str,
                              BridgePlanRole *out)
{
  return bridge_enum_from_nick (BRIDGE_TYPE_PLAN_ROLE, str, (int *) out);
}

const char *
bridge_plan_role_get_label (BridgePlanRole role)
{
  switch (role)
    {
    case BRIDGE_PLAN_ROLE_STUDENT:
      return _("Student");
    case BRIDGE_PLAN_ROLE_SENDING:
      /* Translators: the responsible person of the home university */
      return _("Sending institution");
    case BRIDGE_PLAN_ROLE_RECEIVING:
      /* Translators: the responsible person of the host university */
      return _("Receiving institution");
    case BRIDGE_PLAN_N_ROLES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
bridge_change_reason_to_string (BridgeChangeReason reason)
{
  return bridge_enum_to_nick (BRIDGE_TYPE_CHANGE_REASON, reason);
}

gboolean
bridge_change_reason_from_string (const char         *str,
                                  BridgeChangeReason *out)
{
  return bridge_enum_from_nick (BRIDGE_TYPE_CHANGE_REASON, str, (int *) out);
}

const char *
bridge_change_reason_get_label (BridgeChangeReason reason)
{
  switch (reason)
    {
    case BRIDGE_CHANGE_REASON_NOT_AVAILABLE:
      return _("Previously selected component is not available at the receiving institution");
    case BRIDGE_CHANGE_REASON_LANGUAGE_MISMATCH:
      return _("Component is in a different language than previously specified");
    case BRIDGE_CHANGE_REASON_TIMETABLE_CONFLICT:
      return _("Timetable conflict");
    case BRIDGE_CHANGE_REASON_SUBSTITUTING_DELETED:
      return _("Substituting a deleted component");
    case BRIDGE_CHANGE_REASON_EXTENDING_MOBILITY:
      return _("Extending the mobility period");
    case BRIDGE_CHANGE_REASON_ADDING_VIRTUAL:
      return _("Adding a virtual component");
    case BRIDGE_CHANGE_REASON_OTHER:
      return _("Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ------------------------------------------------------------------------ */
/* Plain data                                                               */

void
bridge_plan_student_clear (BridgePlanStudent *student)
{
  g_clear_pointer (&student->name, g_free);
  g_clear_pointer (&student->student_number, g_free);
  g_clear_pointer (&student->email, g_free);
  g_clear_pointer (&student->birth_date, g_free);
  g_clear_pointer (&student->nationality, g_free);
  g_clear_pointer (&student->gender, g_free);
  g_clear_pointer (&student->isced, g_free);
  g_clear_pointer (&student->language, g_free);
  g_clear_pointer (&student->cefr, g_free);
  student->cycle = BRIDGE_CYCLE_BACHELOR;
}

void
bridge_plan_student_copy (const BridgePlanStudent *src,
                          BridgePlanStudent       *dest)
{
  dest->name = g_strdup (src->name);
  dest->student_number = g_strdup (src->student_number);
  dest->email = g_strdup (src->email);
  dest->birth_date = g_strdup (src->birth_date);
  dest->nationality = g_strdup (src->nationality);
  dest->gender = g_strdup (src->gender);
  dest->cycle = src->cycle;
  dest->isced = g_strdup (src->isced);
  dest->language = g_strdup (src->language);
  dest->cefr = g_strdup (src->cefr);
}

void
bridge_plan_person_clear (BridgePlanPerson *person)
{
  g_clear_pointer (&person->name, g_free);
  g_clear_pointer (&person->position, g_free);
  g_clear_pointer (&person->email, g_free);
}

void
bridge_plan_person_copy (const BridgePlanPerson *src,
                         BridgePlanPerson       *dest)
{
  dest->name = g_strdup (src->name);
  dest->position = g_strdup (src->position);
  dest->email = g_strdup (src->email);
}

void
bridge_plan_institution_clear (BridgePlanInstitution *institution)
{
  g_clear_pointer (&institution->university, g_free);
  g_clear_pointer (&institution->faculty, g_free);
  bridge_plan_person_clear (&institution->responsible);
  bridge_plan_person_clear (&institution->contact);
}

void
bridge_plan_institution_copy (const BridgePlanInstitution *src,
                              BridgePlanInstitution       *dest)
{
  dest->university = g_strdup (src->university);
  dest->faculty = g_strdup (src->faculty);
  bridge_plan_person_copy (&src->responsible, &dest->responsible);
  bridge_plan_person_copy (&src->contact, &dest->contact);
}

G_DEFINE_BOXED_TYPE (BridgePlanComponent, bridge_plan_component,
                     bridge_plan_component_copy, bridge_plan_component_free)

BridgePlanComponent *
bridge_plan_component_new_bare (const char *course_id,
                                const char *code)
{
  BridgePlanComponent *self = g_new0 (BridgePlanComponent, 1);

  self->course_id = g_strdup (course_id);
  self->code = g_strdup (code);
  return self;
}

BridgePlanComponent *
bridge_plan_component_new (BridgeCourse *course)
{
  BridgePlanComponent *self;
  BridgeText *title;

  g_return_val_if_fail (BRIDGE_IS_COURSE (course), NULL);

  self = bridge_plan_component_new_bare (bridge_course_get_id (course),
                                         bridge_course_get_code (course));
  title = bridge_course_get_title (course);
  self->title = title ? bridge_text_ref (title) : NULL;
  self->credits = bridge_course_get_credits (course);
  self->workload_hours = bridge_course_get_workload_hours (course);
  self->is_virtual = bridge_course_get_delivery (course) == BRIDGE_DELIVERY_ONLINE;
  return self;
}

BridgePlanComponent *
bridge_plan_component_copy (const BridgePlanComponent *self)
{
  BridgePlanComponent *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = bridge_plan_component_new_bare (self->course_id, self->code);
  copy->title = self->title ? bridge_text_ref (self->title) : NULL;
  copy->term = g_strdup (self->term);
  copy->credits = self->credits;
  copy->workload_hours = self->workload_hours;
  copy->is_virtual = self->is_virtual;
  copy->automatic = self->automatic;
  copy->comment = g_strdup (self->comment);
  copy->unknown = self->unknown;
  copy->changed = self->changed;
  copy->catalog_credits = self->catalog_credits;
  copy->catalog_workload_hours = self->catalog_workload_hours;
  copy->counted_workload_hours = self->counted_workload_hours;
  return copy;
}

void
bridge_plan_component_free (BridgePlanComponent *self)
{
  if (self == NULL)
    return;
  g_free (self->course_id);
  g_free (self->code);
  g_clear_pointer (&self->title, bridge_text_unref);
  g_free (self->term);
  g_free (self->comment);
  g_free (self);
}

void
bridge_plan_approval_clear (BridgePlanApproval *approval)
{
  bridge_plan_person_clear (&approval->person);
  g_clear_pointer (&approval->timestamp, g_free);
  g_clear_pointer (&approval->digest, g_free);
  g_clear_pointer (&approval->record_digest, g_free);
}

void
bridge_plan_approval_free (BridgePlanApproval *approval)
{
  if (approval == NULL)
    return;
  bridge_plan_approval_clear (approval);
  g_free (approval);
}

BridgePlanApproval *
bridge_plan_approval_copy (const BridgePlanApproval *src)
{
  BridgePlanApproval *copy = g_new0 (BridgePlanApproval, 1);

  copy->role = src->role;
  bridge_plan_person_copy (&src->person, &copy->person);
  copy->timestamp = g_strdup (src->timestamp);
  copy->digest = g_strdup (src->digest);
  copy->record_digest = g_strdup (src->record_digest);
  return copy;
}

void
bridge_plan_change_free (BridgePlanChange *change)
{
  if (change == NULL)
    return;
  g_free (change->group_id);
  g_clear_pointer (&change->component, bridge_plan_component_free);
  g_free (change->reason_text);
  g_free (change);
}

BridgePlanChange *
bridge_plan_change_copy (const BridgePlanChange *src)
{
  BridgePlanChange *copy = g_new0 (BridgePlanChange, 1);

  copy->kind = src->kind;
  copy->side = src->side;
  copy->group_id = g_strdup (src->group_id);
  copy->component = src->component ? bridge_plan_component_copy (src->component) : NULL;
  copy->reason = src->reason;
  copy->reason_text = g_strdup (src->reason_text);
  return copy;
}

void
bridge_plan_warning_free (BridgePlanWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->group_id);
  g_free (warning->course_id);
  g_free (warning->message);
  g_free (warning);
}

void
bridge_plan_recognition_free (BridgePlanRecognition *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->group_id);
  g_free (rec->course_id);
  g_free (rec->code);
  g_clear_pointer (&rec->title, bridge_text_unref);
  g_free (rec->host_grades);
  g_free (rec->grade);
  g_free (rec->candidates);
  g_free (rec->rule);
  g_free (rec->reason);
  g_free (rec);
}

static BridgePlanRecognition *
recognition_copy (const BridgePlanRecognition *src)
{
  BridgePlanRecognition *copy = g_new0 (BridgePlanRecognition, 1);

  copy->group_id = g_strdup (src->group_id);
  copy->course_id = g_strdup (src->course_id);
  copy->code = g_strdup (src->code);
  copy->title = src->title ? bridge_text_ref (src->title) : NULL;
  copy->credits = src->credits;
  copy->host_grades = g_strdup (src->host_grades);
  copy->grade = g_strdup (src->grade);
  copy->candidates = g_strdup (src->candidates);
  copy->rule = g_strdup (src->rule);
  copy->approximate = src->approximate;
  copy->reason = g_strdup (src->reason);
  return copy;
}

/* ------------------------------------------------------------------------ */
/* BridgePlan                                                               */

static void
plan_version_free (PlanVersion *v)
{
  if (v == NULL)
    return;
  g_free (v->timestamp);
  g_clear_pointer (&v->content, json_node_unref);
  g_clear_pointer (&v->changes, g_ptr_array_unref);
  for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
    bridge_plan_approval_free (v->approvals[i]);
  g_free (v);
}

G_DEFINE_FINAL_TYPE (BridgePlan, bridge_plan, G_TYPE_OBJECT)

/* Replaces *@field with a copy of @value, which may be *@field itself (as in
 * bridge_plan_set_dates (plan, start, bridge_plan_get_end_date (plan))). */
void
bridge_plan_replace_string (char       **field,
                            const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

enum
{
  PROP_0,
  PROP_HOME_UNIVERSITY,
  PROP_HOST_UNIVERSITY,
  PROP_TERM,
  PROP_STUDENT_NAME,
  PROP_LOCKED,
  PROP_MODIFIED,
  PROP_N_GROUPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
bridge_plan_finalize (GObject *object)
{
  BridgePlan *self = (BridgePlan *) object;

  g_free (self->mobility_id);
  bridge_plan_student_clear (&self->student);
  bridge_plan_institution_clear (&self->institutions[0]);
  bridge_plan_institution_clear (&self->institutions[1]);
  g_strfreev (self->terms);
  g_free (self->start_date);
  g_free (self->end_date);
  g_free (self->academic_year);
  g_free (self->provisions);
  g_clear_object (&self->groups);
  for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
    {
      bridge_plan_approval_free (self->approvals[i]);
      bridge_plan_approval_free (self->pending_approvals[i]);
    }
  g_ptr_array_unref (self->versions);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_free (self->pending_id);
  g_hash_table_unref (self->grades);
  g_ptr_array_unref (self->recognition);
  g_clear_object (&self->holdings);
  g_hash_table_unref (self->feedback);

  G_OBJECT_CLASS (bridge_plan_parent_class)->finalize (object);
}

static void
bridge_plan_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BridgePlan *self = BRIDGE_PLAN (object);

  switch (prop_id)
    {
    case PROP_HOME_UNIVERSITY:
      g_value_set_string (value, bridge_plan_get_home_university (self));
      break;
    case PROP_HOST_UNIVERSITY:
      g_value_set_string (value, bridge_plan_get_host_university (self));
      break;
    case PROP_TERM:
      g_value_set_string (value, bridge_plan_get_term (self));
      break;
    case PROP_STUDENT_NAME:
      g_value_set_string (value, self->student.name);
      break;
    case PROP_LOCKED:
      g_value_set_boolean (value, bridge_plan_get_locked (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_N_GROUPS:
      g_value_set_uint (value, bridge_plan_get_n_groups (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bridge_plan_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BridgePlan *self = BRIDGE_PLAN (object);
  g_autoptr(GError) error = NULL;

  /* A property cannot fail: a value the setter refuses is the caller's bug. */
  switch (prop_id)
    {
    case PROP_HOME_UNIVERSITY:
      if (!bridge_plan_set_home_university (self, g_value_get_string (value), &error))
        g_critical ("%s", error->message);
      break;
    case PROP_HOST_UNIVERSITY:
      if (!bridge_plan_set_host_university (self, g_value_get_string (value), &error))
        g_critical ("%s", error->message);
      break;
    case PROP_TERM:
      bridge_plan_set_term (self, g_value_get_string (value));
      break;
    case PROP_STUDENT_NAME:
      if (!bridge_plan_set_student_name (self, g_value_get_string (value), &error))
        g_critical ("%s", error->message);
      break;
    case PROP_MODIFIED:
      bridge_plan_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bridge_plan_class_init (BridgePlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bridge_plan_finalize;
  object_class->get_property = bridge_plan_get_property;
  object_class->set_property = bridge_plan_set_property;

  properties[PROP_HOME_UNIVERSITY] = g_param_spec_string ("home-university", NULL, NULL, NULL, rw);
  properties[PROP_HOST_UNIVERSITY] = g_param_spec_string ("host-university", NULL, NULL, NULL, rw);
  properties[PROP_TERM] = g_param_spec_string ("term", NULL, NULL, NULL, rw);
  properties[PROP_STUDENT_NAME] = g_param_spec_string ("student-name", NULL, NULL, NULL, rw);
  properties[PROP_LOCKED] = g_param_spec_boolean ("locked", NULL, NULL, FALSE, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, rw);
  properties[PROP_N_GROUPS] = g_param_spec_uint ("n-groups", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BridgePlan::changed:
   *
   * Emitted after any change to what the plan holds (content, review,
   * approvals, changes, grades).
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bridge_plan_init (BridgePlan *self)
{
  self->groups = g_list_store_new (BRIDGE_TYPE_PLAN_GROUP);
  self->next_group = 1;
  self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_version_free);
  self->grades = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->recognition = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_plan_recognition_free);
  self->feedback = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) bridge_plan_feedback_free);
  self->terms = g_new0 (char *, 1);
}

BridgePlan *
bridge_plan_new (void)
{
  BridgePlan *self = g_object_new (BRIDGE_TYPE_PLAN, NULL);
  g_autofree char *uuid = g_uuid_string_random ();

  self->mobility_id = g_strdup_printf ("cb-%s", uuid);
  return self;
}

/* ------------------------------------------------------------------------ */
/* Change bookkeeping                                                       */

void
bridge_plan_clear_approvals (BridgePlanApproval **approvals)
{
  for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
    g_clear_pointer (&approvals[i], bridge_plan_approval_free);
}

static gboolean
has_approvals (BridgePlanApproval **approvals)
{
  for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
    if (approvals[i] != NULL)
      return TRUE;
  return FALSE;
}

/* Something changed. @content: what the approvals commit to changed, so
 * approvals of the old content (before the lock) no longer hold. */
void
bridge_plan_changed (BridgePlan *self,
                     gboolean    content)
{
  if (content && !bridge_plan_get_locked (self) && has_approvals (self->approvals))
    bridge_plan_clear_approvals (self->approvals);
  if (!self->modified)
    {
      self->modified = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

gboolean
bridge_plan_check_unlocked (BridgePlan  *self,
                            GError     **error)
{
  if (bridge_plan_get_locked (self))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_PLAN_LOCKED,
                   _("The learning agreement is approved and locked; propose a change instead"));
      return FALSE;
    }
  return TRUE;
}

void
bridge_plan_notify_n_groups (BridgePlan *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_GROUPS]);
}

void
bridge_plan_notify_locked (BridgePlan *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

gboolean
bridge_plan_get_modified (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  return self->modified;
}

void
bridge_plan_set_modified (BridgePlan *self,
                          gboolean    modified)
{
  g_return_if_fail (BRIDGE_IS_PLAN (self));

  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

gboolean
bridge_plan_restore_data (BridgePlan  *self,
                          const char  *data,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(BridgePlan) other = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  guint n_old;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  other = bridge_plan_from_data (data, length, NULL, error);
  if (other == NULL)
    return FALSE;

  /* Swapped member by member: @other's finalize frees what was ours. The
   * group store stays the same object, so views of it stay connected. */
#define SWAP(member) \
  G_STMT_START { \
    __typeof__ (self->member) tmp_ = self->member; \
    self->member = other->member; \
    other->member = tmp_; \
  } G_STMT_END
  SWAP (mobility_id);
  SWAP (student);
  SWAP (institutions[0]);
  SWAP (institutions[1]);
  SWAP (terms);
  SWAP (start_date);
  SWAP (end_date);
  SWAP (academic_year);
  SWAP (provisions);
  SWAP (next_group);
  for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
    {
      SWAP (approvals[i]);
      SWAP (pending_approvals[i]);
    }
  SWAP (versions);
  SWAP (pending);
  SWAP (pending_id);
  SWAP (grades);
  SWAP (recognition);
  SWAP (feedback);
#undef SWAP

  /* A group of the same id stays the same object, with the content restored:
   * those who hold it (a row, a test) still see the plan's group. */
  g_ptr_array_set_free_func (groups, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (other->groups)); i++)
    {
      g_autoptr(BridgePlanGroup) group = g_list_model_get_item (G_LIST_MODEL (other->groups), i);
      BridgePlanGroup *same = bridge_plan_find_group (self, group->id, NULL);

      if (same != NULL)
        {
          BridgePlanGroupStatus status = same->status;
          char *comment = same->comment;

          same->status = group->status;
          same->comment = group->comment;
          group->status = status;
          group->comment = comment;
          for (guint side = 0; side < 2; side++)
            {
              GPtrArray *components = same->components[side];

              same->components[side] = group->components[side];
              group->components[side] = components;
            }
          g_ptr_array_add (groups, g_object_ref (same));
        }
      else
        g_ptr_array_add (groups, g_steal_pointer (&group));
    }
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  g_list_store_splice (self->groups, 0, n_old, groups->pdata, groups->len);
  for (guint i = 0; i < groups->len; i++)
    bridge_plan_group_notify_all (g_ptr_array_index (groups, i));

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    if (i != PROP_MODIFIED)
      g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  bridge_plan_changed (self, FALSE);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Student, institutions, period                                            */

const BridgePlanStudent *
bridge_plan_get_student (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return &self->student;
}

/* Upper case, as EWP writes country codes and CEFR levels. */
static void
upcase (char **value)
{
  char *up;

  if (*value == NULL)
    return;
  up = g_ascii_strup (*value, -1);
  g_free (*value);
  *value = up;
}

gboolean
bridge_plan_set_student (BridgePlan               *self,
                         const BridgePlanStudent  *student,
                         GError                  **error)
{
  g_autofree char *old_name = NULL;
  BridgePlanStudent copy = { 0 };

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (student != NULL, FALSE);

  if (!bridge_plan_check_unlocked (self, error) || !bridge_plan_validate_student (student, NULL, error))
    return FALSE;

  old_name = g_strdup (self->student.name);
  bridge_plan_student_copy (student, &copy);
  upcase (&copy.nationality);
  upcase (&copy.cefr);
  bridge_plan_student_clear (&self->student);
  self->student = copy;
  if (g_strcmp0 (old_name, self->student.name) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDENT_NAME]);
  bridge_plan_changed (self, TRUE);
  return TRUE;
}

const char *
bridge_plan_get_student_name (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->student.name;
}

gboolean
bridge_plan_set_student_name (BridgePlan  *self,
                              const char  *name,
                              GError     **error)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);

  if (!bridge_plan_check_unlocked (self, error) || !bridge_validate_text (_("The student’s name"), name, error))
    return FALSE;
  if (g_strcmp0 (self->student.name, name) == 0)
    return TRUE;
  bridge_plan_replace_string (&self->student.name, name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDENT_NAME]);
  bridge_plan_changed (self, TRUE);
  return TRUE;
}

const BridgePlanInstitution *
bridge_plan_get_institution (BridgePlan     *self,
                             BridgePlanSide  side)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (side <= BRIDGE_PLAN_SIDE_HOME, NULL);
  return &self->institutions[side];
}

/* Home and host are two universities: a learning agreement is a mobility. */
static gboolean
check_university (BridgePlan      *self,
                  BridgePlanSide   side,
                  const char      *id,
                  GError         **error)
{
  const char *other = self->institutions[side == BRIDGE_PLAN_SIDE_HOME ? BRIDGE_PLAN_SIDE_HOST
                                                                      : BRIDGE_PLAN_SIDE_HOME].university;

  if (!bridge_validate_text (side == BRIDGE_PLAN_SIDE_HOME ? _("The home university")
                                                           : _("The host university"), id, error))
    return FALSE;
  if (id != NULL && id[0] != '\0' && g_strcmp0 (id, other) == 0)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   side == BRIDGE_PLAN_SIDE_HOME
                   ? _("“%s” is already the host university; the home university must be another one, "
                       "the one the student is enrolled at")
                   : _("“%s” is already the home university; the host university must be another one, "
                       "the one the student goes to"),
                   id);
      return FALSE;
    }
  return TRUE;
}

gboolean
bridge_plan_set_institution (BridgePlan                   *self,
                             BridgePlanSide                side,
                             const BridgePlanInstitution  *institution,
                             GError                      **error)
{
  g_autofree char *old = NULL;
  BridgePlanInstitution copy = { 0 };

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (side <= BRIDGE_PLAN_SIDE_HOME, FALSE);
  g_return_val_if_fail (institution != NULL, FALSE);

  if (!bridge_plan_check_unlocked (self, error)
                  || !check_university (self, side, institution->university, error)
                  || !bridge_plan_validate_institution (side, institution, NULL, error))
    return FALSE;

  old = g_strdup (self->institutions[side].university);
  bridge_plan_institution_copy (institution, &copy);
  bridge_plan_institution_clear (&self->institutions[side]);
  self->institutions[side] = copy;
  if (g_strcmp0 (old, copy.university) != 0)
    g_object_notify_by_pspec (G_OBJECT (self),
                              properties[side == BRIDGE_PLAN_SIDE_HOME ? PROP_HOME_UNIVERSITY
                                                                       : PROP_HOST_UNIVERSITY]);
  bridge_plan_changed (self, TRUE);
  return TRUE;
}

static gboolean
set_university (BridgePlan      *self,
                BridgePlanSide   side,
                const char      *id,
                GError         **error)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);

  if (!bridge_plan_check_unlocked (self, error) || !check_university (self, side, id, error))
    return FALSE;
  if (g_strcmp0 (self->institutions[side].university, id) == 0)
    return TRUE;
  bridge_plan_replace_string (&self->institutions[side].university, id);
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[side == BRIDGE_PLAN_SIDE_HOME ? PROP_HOME_UNIVERSITY
                                                                     : PROP_HOST_UNIVERSITY]);
  bridge_plan_changed (self, TRUE);
  return TRUE;
}

const char *
bridge_plan_get_home_university (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->institutions[BRIDGE_PLAN_SIDE_HOME].university;
}

gboolean
bridge_plan_set_home_university (BridgePlan  *self,
                                 const char  *university_id,
                                 GError     **error)
{
  return set_university (self, BRIDGE_PLAN_SIDE_HOME, university_id, error);
}

const char *
bridge_plan_get_host_university (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->institutions[BRIDGE_PLAN_SIDE_HOST].university;
}

gboolean
bridge_plan_set_host_university (BridgePlan  *self,
                                 const char  *university_id,
                                 GError     **error)
{
  return set_university (self, BRIDGE_PLAN_SIDE_HOST, university_id, error);
}

const char *
bridge_plan_get_term (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->terms[0];
}

const char * const *
bridge_plan_get_terms (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return (const char * const *) self->terms;
}

void
bridge_plan_set_terms (BridgePlan         *self,
                       const char * const *terms)
{
  g_autofree char *old = NULL;

  g_return_if_fail (BRIDGE_IS_PLAN (self));
  g_return_if_fail (!bridge_plan_get_locked (self));

  old = g_strdup (self->terms[0]);
  g_strfreev (self->terms);
  self->terms = terms ? g_strdupv ((char **) terms) : g_new0 (char *, 1);
  if (g_strcmp0 (old, self->terms[0]) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM]);
  bridge_plan_changed (self, TRUE);
}

void
bridge_plan_set_term (BridgePlan *self,
                      const char *term)
{
  const char *terms[] = { term, NULL };

  bridge_plan_set_terms (self, terms);
}

const char *
bridge_plan_get_start_date (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->start_date;
}

const char *
bridge_plan_get_end_date (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->end_date;
}

gboolean
bridge_plan_set_dates (BridgePlan  *self,
                       const char  *start,
                       const char  *end,
                       GError     **error)
{
  g_autofree char *start_copy = g_strdup (start);
  g_autofree char *end_copy = g_strdup (end);

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);

  if (!bridge_plan_check_unlocked (self, error)
                  || !bridge_validate_date (_("The start of the mobility"), start, error)
                  || !bridge_validate_date (_("The end of the mobility"), end, error))
    return FALSE;
  if (start != NULL && end != NULL && start[0] != '\0' && end[0] != '\0' && strcmp (end, start) < 0)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The mobility cannot end (%s) before it starts (%s); correct one of the dates"),
                   end, start);
      return FALSE;
    }
  /* Copies: the caller may pass the plan's own strings. */
  bridge_plan_replace_string (&self->start_date, start_copy);
  bridge_plan_replace_string (&self->end_date, end_copy);
  bridge_plan_changed (self, TRUE);
  return TRUE;
}

const char *
bridge_plan_get_academic_year (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->academic_year;
}

gboolean
bridge_plan_set_academic_year (BridgePlan  *self,
                               const char  *year,
                               GError     **error)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);

  if (!bridge_plan_check_unlocked (self, error)
                  || !bridge_validate_academic_year (_("The academic year"), year, error))
    return FALSE;
  bridge_plan_replace_string (&self->academic_year, year);
  bridge_plan_changed (self, TRUE);
  return TRUE;
}

const char *
bridge_plan_get_provisions (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->provisions;
}

gboolean
bridge_plan_set_provisions (BridgePlan  *self,
                            const char  *text,
                            GError     **error)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);

  if (!bridge_plan_check_unlocked (self, error) || !bridge_validate_multiline (_("The text of the provisions"), text, error))
    return FALSE;
  bridge_plan_replace_string (&self->provisions, text);
  bridge_plan_changed (self, TRUE);
  return TRUE;
}

const char *
bridge_plan_get_mobility_id (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->mobility_id;
}

/* ------------------------------------------------------------------------ */
/* Grades                                                                   */

const char *
bridge_plan_get_grade (BridgePlan *self,
                       const char *host_course_id)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return g_hash_table_lookup (self->grades, host_course_id);
}

void
bridge_plan_store_grade (BridgePlan *self,
                         const char *host_course_id,
                         const char *grade)
{
  if (grade == NULL)
    g_hash_table_remove (self->grades, host_course_id);
  else
    g_hash_table_insert (self->grades, g_strdup (host_course_id), g_strdup (grade));
  bridge_plan_changed (self, FALSE);
}

GPtrArray *
bridge_plan_get_recognition (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->recognition;
}

void
bridge_plan_store_recognition (BridgePlan *self,
                               GPtrArray  *records)
{
  g_ptr_array_set_size (self->recognition, 0);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (self->recognition, recognition_copy (g_ptr_array_index (records, i)));
  bridge_plan_changed (self, FALSE);
}
