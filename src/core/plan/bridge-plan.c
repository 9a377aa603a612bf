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
#include "bridge-error.h"
#include "bridge-file.h"
#include "bridge-json.h"
#include "bridge-plan.h"
#include "bridge-plan-private.h"
#include "bridge-validate.h"

/* ------------------------------------------------------------------------ */
/* Enumerations                                                             */

static const char * const status_names[] = { "proposed", "approved", "needs-change", "rejected" };
static const char * const role_names[] = { "student", "sending", "receiving" };
static const char * const reason_names[] = {
  "not-available", "language-mismatch", "timetable-conflict",
  "substituting-deleted", "extending-mobility", "adding-virtual-component", "other",
};

const char *
bridge_plan_group_status_to_string (BridgePlanGroupStatus status)
{
  g_return_val_if_fail (status <= BRIDGE_PLAN_GROUP_REJECTED, NULL);
  return status_names[status];
}

gboolean
bridge_plan_group_status_from_string (const char            *str,
                                      BridgePlanGroupStatus *out)
{
  int v;

  if (!bridge_enum_from_name (status_names, G_N_ELEMENTS (status_names), str, &v))
    return FALSE;
  *out = (BridgePlanGroupStatus) v;
  return TRUE;
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
  g_return_val_if_fail (role < BRIDGE_PLAN_N_ROLES, NULL);
  return role_names[role];
}

gboolean
bridge_plan_role_from_string (const char     *str,
                              BridgePlanRole *out)
{
  int v;

  if (!bridge_enum_from_name (role_names, G_N_ELEMENTS (role_names), str, &v))
    return FALSE;
  *out = (BridgePlanRole) v;
  return TRUE;
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
  g_return_val_if_fail (reason <= BRIDGE_CHANGE_REASON_OTHER, NULL);
  return reason_names[reason];
}

gboolean
bridge_change_reason_from_string (const char         *str,
                                  BridgeChangeReason *out)
{
  int v;

  if (!bridge_enum_from_name (reason_names, G_N_ELEMENTS (reason_names), str, &v))
    return FALSE;
  *out = (BridgeChangeReason) v;
  return TRUE;
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

static void
approval_free (BridgePlanApproval *approval)
{
  if (approval == NULL)
    return;
  bridge_plan_approval_clear (approval);
  g_free (approval);
}

static BridgePlanApproval *
approval_copy (const BridgePlanApproval *src)
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

static BridgePlanChange *
change_copy (const BridgePlanChange *src)
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
/* BridgePlanGroup                                                          */

struct _BridgePlanGroup
{
  GObject                parent_instance;

  char                  *id;
  BridgePlanGroupStatus  status;
  char                  *comment;
  GPtrArray             *components[2];   /* element-type BridgePlanComponent, by side */
};

G_DEFINE_FINAL_TYPE (BridgePlanGroup, bridge_plan_group, G_TYPE_OBJECT)

enum
{
  GROUP_PROP_0,
  GROUP_PROP_ID,
  GROUP_PROP_STATUS,
  GROUP_PROP_COMMENT,
  GROUP_PROP_N_HOST,
  GROUP_PROP_N_HOME,
  GROUP_N_PROPS
};

static GParamSpec *group_properties[GROUP_N_PROPS];

static void
bridge_plan_group_finalize (GObject *object)
{
  BridgePlanGroup *self = (BridgePlanGroup *) object;

  g_free (self->id);
  g_free (self->comment);
  g_ptr_array_unref (self->components[0]);
  g_ptr_array_unref (self->components[1]);

  G_OBJECT_CLASS (bridge_plan_group_parent_class)->finalize (object);
}

static void
bridge_plan_group_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BridgePlanGroup *self = BRIDGE_PLAN_GROUP (object);

  switch (prop_id)
    {
    case GROUP_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case GROUP_PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case GROUP_PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    case GROUP_PROP_N_HOST:
      g_value_set_uint (value, self->components[BRIDGE_PLAN_SIDE_HOST]->len);
      break;
    case GROUP_PROP_N_HOME:
      g_value_set_uint (value, self->components[BRIDGE_PLAN_SIDE_HOME]->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bridge_plan_group_class_init (BridgePlanGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bridge_plan_group_finalize;
  object_class->get_property = bridge_plan_group_get_property;

  group_properties[GROUP_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  group_properties[GROUP_PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      BRIDGE_PLAN_GROUP_PROPOSED, BRIDGE_PLAN_GROUP_REJECTED,
                      BRIDGE_PLAN_GROUP_PROPOSED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  group_properties[GROUP_PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  group_properties[GROUP_PROP_N_HOST] =
    g_param_spec_uint ("n-host", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  group_properties[GROUP_PROP_N_HOME] =
    g_param_spec_uint ("n-home", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, GROUP_N_PROPS, group_properties);
}

static void
bridge_plan_group_init (BridgePlanGroup *self)
{
  self->components[0] = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_plan_component_free);
  self->components[1] = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_plan_component_free);
}

static BridgePlanGroup *
group_new (const char *id)
{
  BridgePlanGroup *self = g_object_new (BRIDGE_TYPE_PLAN_GROUP, NULL);

  self->id = g_strdup (id);
  return self;
}

static void
group_notify_counts (BridgePlanGroup *self,
                     BridgePlanSide   side)
{
  g_object_notify_by_pspec (G_OBJECT (self),
                            group_properties[side == BRIDGE_PLAN_SIDE_HOST ? GROUP_PROP_N_HOST
                                                                           : GROUP_PROP_N_HOME]);
}

const char *
bridge_plan_group_get_id (BridgePlanGroup *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (self), NULL);
  return self->id;
}

BridgePlanGroupStatus
bridge_plan_group_get_status (BridgePlanGroup *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (self), BRIDGE_PLAN_GROUP_PROPOSED);
  return self->status;
}

const char *
bridge_plan_group_get_comment (BridgePlanGroup *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (self), NULL);
  return self->comment;
}

guint
bridge_plan_group_get_n_components (BridgePlanGroup *self,
                                    BridgePlanSide   side)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (self), 0);
  g_return_val_if_fail (side <= BRIDGE_PLAN_SIDE_HOME, 0);
  return self->components[side]->len;
}

const BridgePlanComponent *
bridge_plan_group_get_component (BridgePlanGroup *self,
                                 BridgePlanSide   side,
                                 guint            index)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (self), NULL);
  g_return_val_if_fail (side <= BRIDGE_PLAN_SIDE_HOME, NULL);
  g_return_val_if_fail (index < self->components[side]->len, NULL);
  return g_ptr_array_index (self->components[side], index);
}

const BridgePlanComponent *
bridge_plan_group_find_component (BridgePlanGroup *self,
                                  BridgePlanSide   side,
                                  const char      *course_id,
                                  guint           *index)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (self), NULL);
  g_return_val_if_fail (side <= BRIDGE_PLAN_SIDE_HOME, NULL);

  for (guint i = 0; i < self->components[side]->len; i++)
    {
      BridgePlanComponent *c = g_ptr_array_index (self->components[side], i);

      if (g_strcmp0 (c->course_id, course_id) == 0)
        {
          if (index)
            *index = i;
          return c;
        }
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* BridgePlan                                                               */

typedef struct
{
  guint               number;
  char               *timestamp;          /* when the last approval came */
  JsonNode           *content;            /* content_to_json () of that version */
  GPtrArray          *changes;            /* element-type BridgePlanChange; empty for 1 */
  BridgePlanApproval *approvals[BRIDGE_PLAN_N_ROLES];
} PlanVersion;

static void
plan_version_free (PlanVersion *v)
{
  if (v == NULL)
    return;
  g_free (v->timestamp);
  g_clear_pointer (&v->content, json_node_unref);
  g_clear_pointer (&v->changes, g_ptr_array_unref);
  for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
    approval_free (v->approvals[i]);
  g_free (v);
}

struct _BridgePlan
{
  GObject                parent_instance;

  char                  *mobility_id;
  BridgePlanStudent      student;
  BridgePlanInstitution  institutions[2]; /* by side: HOST receiving, HOME sending */
  GStrv                  terms;
  char                  *start_date;
  char                  *end_date;
  char                  *academic_year;
  char                  *provisions;
  GListStore            *groups;
  guint                  next_group;

  BridgePlanApproval    *approvals[BRIDGE_PLAN_N_ROLES];
  GPtrArray             *versions;        /* element-type PlanVersion */

  GPtrArray             *pending;         /* element-type BridgePlanChange; NULL: none */
  char                  *pending_id;
  BridgePlanApproval    *pending_approvals[BRIDGE_PLAN_N_ROLES];

  GHashTable            *grades;          /* host course id → grade */
  GPtrArray             *recognition;     /* element-type BridgePlanRecognition */

  gboolean               modified;
};

G_DEFINE_FINAL_TYPE (BridgePlan, bridge_plan, G_TYPE_OBJECT)

/* Replaces *@field with a copy of @value, which may be *@field itself (as in
 * bridge_plan_set_dates (plan, start, bridge_plan_get_end_date (plan))). */
static void
set_string (char       **field,
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
      approval_free (self->approvals[i]);
      approval_free (self->pending_approvals[i]);
    }
  g_ptr_array_unref (self->versions);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_free (self->pending_id);
  g_hash_table_unref (self->grades);
  g_ptr_array_unref (self->recognition);

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

static void
clear_approvals (BridgePlanApproval **approvals)
{
  for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
    g_clear_pointer (&approvals[i], approval_free);
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
static void
plan_changed (BridgePlan *self,
              gboolean    content)
{
  if (content && !bridge_plan_get_locked (self) && has_approvals (self->approvals))
    clear_approvals (self->approvals);
  if (!self->modified)
    {
      self->modified = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static gboolean
check_unlocked (BridgePlan  *self,
                GError     **error)
{
  if (bridge_plan_get_locked (self))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The learning agreement is approved and locked; propose a change instead"));
      return FALSE;
    }
  return TRUE;
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

static BridgePlan *plan_from_data (const char  *data,
                                   gssize       length,
                                   const char  *file,
                                   GError     **error);

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

  other = plan_from_data (data, length, NULL, error);
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
    {
      GObject *group = g_ptr_array_index (groups, i);

      g_object_notify_by_pspec (group, group_properties[GROUP_PROP_STATUS]);
      g_object_notify_by_pspec (group, group_properties[GROUP_PROP_COMMENT]);
      g_object_notify_by_pspec (group, group_properties[GROUP_PROP_N_HOST]);
      g_object_notify_by_pspec (group, group_properties[GROUP_PROP_N_HOME]);
    }

  for (guint i = PROP_0 + 1; i < N_PROPS; i++)
    if (i != PROP_MODIFIED)
      g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  plan_changed (self, FALSE);
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

  if (!check_unlocked (self, error) || !bridge_plan_validate_student (student, NULL, error))
    return FALSE;

  old_name = g_strdup (self->student.name);
  bridge_plan_student_copy (student, &copy);
  upcase (&copy.nationality);
  upcase (&copy.cefr);
  bridge_plan_student_clear (&self->student);
  self->student = copy;
  if (g_strcmp0 (old_name, self->student.name) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDENT_NAME]);
  plan_changed (self, TRUE);
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

  if (!check_unlocked (self, error) || !bridge_validate_text (_("The student’s name"), name, error))
    return FALSE;
  if (g_strcmp0 (self->student.name, name) == 0)
    return TRUE;
  set_string (&self->student.name, name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDENT_NAME]);
  plan_changed (self, TRUE);
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

  if (!check_unlocked (self, error)
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
  plan_changed (self, TRUE);
  return TRUE;
}

static gboolean
set_university (BridgePlan      *self,
                BridgePlanSide   side,
                const char      *id,
                GError         **error)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);

  if (!check_unlocked (self, error) || !check_university (self, side, id, error))
    return FALSE;
  if (g_strcmp0 (self->institutions[side].university, id) == 0)
    return TRUE;
  set_string (&self->institutions[side].university, id);
  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[side == BRIDGE_PLAN_SIDE_HOME ? PROP_HOME_UNIVERSITY
                                                                     : PROP_HOST_UNIVERSITY]);
  plan_changed (self, TRUE);
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
  plan_changed (self, TRUE);
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

  if (!check_unlocked (self, error)
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
  set_string (&self->start_date, start_copy);
  set_string (&self->end_date, end_copy);
  plan_changed (self, TRUE);
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

  if (!check_unlocked (self, error)
      || !bridge_validate_academic_year (_("The academic year"), year, error))
    return FALSE;
  set_string (&self->academic_year, year);
  plan_changed (self, TRUE);
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

  if (!check_unlocked (self, error) || !bridge_validate_multiline (_("The text of the provisions"), text, error))
    return FALSE;
  set_string (&self->provisions, text);
  plan_changed (self, TRUE);
  return TRUE;
}

const char *
bridge_plan_get_mobility_id (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->mobility_id;
}

/* ------------------------------------------------------------------------ */
/* Groups                                                                   */

GListModel *
bridge_plan_get_groups (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->groups);
}

guint
bridge_plan_get_n_groups (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->groups));
}

BridgePlanGroup *
bridge_plan_get_group (BridgePlan *self,
                       guint       position)
{
  g_autoptr(BridgePlanGroup) group = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  group = g_list_model_get_item (G_LIST_MODEL (self->groups), position);
  /* The store keeps its reference: hand out a borrowed pointer. */
  return group;
}

BridgePlanGroup *
bridge_plan_find_group (BridgePlan *self,
                        const char *group_id,
                        guint      *position)
{
  guint n;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  n = bridge_plan_get_n_groups (self);
  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self, i);

      if (g_strcmp0 (group->id, group_id) == 0)
        {
          if (position)
            *position = i;
          return group;
        }
    }
  return NULL;
}

BridgePlanGroup *
bridge_plan_find_course (BridgePlan     *self,
                         BridgePlanSide  side,
                         const char     *course_id)
{
  guint n;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  n = bridge_plan_get_n_groups (self);
  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self, i);

      if (bridge_plan_group_find_component (group, side, course_id, NULL))
        return group;
    }
  return NULL;
}

static gboolean
group_in_plan (BridgePlan      *self,
               BridgePlanGroup *group,
               guint           *position)
{
  return g_list_store_find (self->groups, group, position);
}

guint
bridge_plan_get_group_number (BridgePlan      *self,
                              BridgePlanGroup *group)
{
  guint position;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), 0);
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (group), 0);

  if (!group_in_plan (self, group, &position))
    return 0;
  return position + 1;
}

char *
bridge_plan_get_group_label (BridgePlan      *self,
                             BridgePlanGroup *group)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (group), NULL);

  /* Translators: a recognition group of the plan, numbered from 1 */
  return g_strdup_printf (_("Group %u"), bridge_plan_get_group_number (self, group));
}

static char *
next_group_id (BridgePlan *self)
{
  for (;;)
    {
      char *id = g_strdup_printf ("g%u", self->next_group++);

      if (bridge_plan_find_group (self, id, NULL) == NULL)
        return id;
      g_free (id);
    }
}

static void
note_group_id (BridgePlan *self,
               const char *id)
{
  guint64 n;

  if (id && id[0] == 'g' && g_ascii_string_to_unsigned (id + 1, 10, 1, G_MAXUINT - 1, &n, NULL)
      && n >= self->next_group)
    self->next_group = (guint) n + 1;
}

static void
notify_n_groups (BridgePlan *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_GROUPS]);
}

/* Appends a group with @id (made when NULL) and returns it (transfer none). */
static BridgePlanGroup *
append_group (BridgePlan *self,
              const char *id)
{
  g_autoptr(BridgePlanGroup) group = NULL;
  g_autofree char *new_id = NULL;

  if (id == NULL)
    id = new_id = next_group_id (self);
  else
    note_group_id (self, id);
  group = group_new (id);
  g_list_store_append (self->groups, group);
  notify_n_groups (self);
  return group;
}

static void
group_items_changed (BridgePlan      *self,
                     BridgePlanGroup *group)
{
  guint pos;

  /* Lets list views re-bind the row of a group whose components changed. */
  if (group_in_plan (self, group, &pos))
    g_list_model_items_changed (G_LIST_MODEL (self->groups), pos, 1, 1);
}

/* Table A is studied at the host and Table B recognised at home: a course
 * of the other university on a side is a mistake the agreement must not carry. */
static gboolean
check_course_side (BridgePlan      *self,
                   BridgeCourse    *course,
                   BridgePlanSide   side,
                   GError         **error)
{
  const char *uni = bridge_course_get_university_id (course);
  const char *home = self->institutions[BRIDGE_PLAN_SIDE_HOME].university;
  const char *host = self->institutions[BRIDGE_PLAN_SIDE_HOST].university;

  if (side == BRIDGE_PLAN_SIDE_HOST && home != NULL && g_strcmp0 (uni, home) == 0)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("%s is a course of the home university (%s); a host course (Table A) must be "
                     "one the student takes at the host university"),
                   bridge_course_get_code (course), home);
      return FALSE;
    }
  if (side == BRIDGE_PLAN_SIDE_HOME && host != NULL && g_strcmp0 (uni, host) == 0)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("%s is a course of the host university (%s); a home course (Table B) must be "
                     "one of the home university that the host courses replace"),
                   bridge_course_get_code (course), host);
      return FALSE;
    }
  return TRUE;
}

static BridgePlanComponent *
component_from_catalog (BridgePlan      *self,
                        BridgeCatalog   *catalog,
                        const char      *course_id,
                        BridgePlanSide   side,
                        GError         **error)
{
  g_autoptr(BridgeCourse) course = NULL;
  g_autoptr(GError) local_error = NULL;

  BridgePlanComponent *c;

  course = bridge_catalog_get_course (catalog, course_id, &local_error);
  if (course == NULL)
    {
      if (local_error == NULL || g_error_matches (local_error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND))
        g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                     _("There is no course “%s” in the catalog"), course_id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!check_course_side (self, course, side, error))
    return NULL;
  c = bridge_plan_component_new (course);
  /* What the plan records it must be able to export: a catalog whose text
   * an agreement cannot carry is refused here, not at export. */
  {
    gunichar bad;

    if (!bridge_validate_chars (c->code, FALSE, &bad)
        || (c->title != NULL && !bridge_text_validate (c->title, TRUE, &bad)))
      {
        g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                     /* Translators: a course id, then a character code such as U+FFFE */
                     _("The catalog’s code or title of “%s” contains the invisible character U+%04X, "
                       "which an agreement cannot carry; import a corrected catalog"),
                     course_id, bad);
        bridge_plan_component_free (c);
        return NULL;
      }
  }
  /* A course not offered in the plan's main term goes into another term of
   * the mobility when it is offered there. */
  {
    const char * const *offered = bridge_course_get_terms (course);

    if (self->terms[0] && offered && offered[0] && !g_strv_contains (offered, self->terms[0]))
      for (guint i = 1; self->terms[i]; i++)
        if (g_strv_contains (offered, self->terms[i]))
          {
            c->term = g_strdup (self->terms[i]);
            break;
          }
  }
  if (c->workload_hours <= 0)
    {
      /* Record the workload the credit engine gives, so the plan still
       * knows what the course was worth if it leaves the catalog. */
      g_autoptr(BridgeUniversity) uni = bridge_catalog_get_university (catalog, bridge_course_get_university_id (course), NULL);
      BridgeCourseLoad load;
      BridgeRational hours;
      BridgeWorkloadSource source;

      bridge_course_load_from_course (&load, course);
      if (uni && bridge_credit_workload (bridge_university_get_policy (uni), &load, &hours, &source, NULL, NULL))
        c->workload_hours = bridge_rational_to_double (hours);
    }
  return c;
}

static void
group_insert (BridgePlanGroup           *group,
              BridgePlanSide             side,
              int                        index,
              BridgePlanComponent       *component)   /* takes ownership */
{
  GPtrArray *list = group->components[side];

  if (index < 0 || (guint) index > list->len)
    index = (int) list->len;
  g_ptr_array_insert (list, index, component);
  group_notify_counts (group, side);
}

BridgePlanGroup *
bridge_plan_add_group (BridgePlan          *self,
                       BridgeCatalog       *catalog,
                       const char * const  *host_ids,
                       const char * const  *home_ids,
                       GError             **error)
{
  g_autoptr(GPtrArray) host = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_plan_component_free);
  g_autoptr(GPtrArray) home = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_plan_component_free);
  BridgePlanGroup *group;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);

  if (!check_unlocked (self, error))
    return NULL;
  if (host_ids == NULL || host_ids[0] == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("A recognition group needs at least one host course"));
      return NULL;
    }
  for (guint i = 0; host_ids[i]; i++)
    {
      BridgePlanComponent *c = component_from_catalog (self, catalog, host_ids[i], BRIDGE_PLAN_SIDE_HOST, error);

      if (c == NULL)
        return NULL;
      g_ptr_array_add (host, c);
    }
  for (guint i = 0; home_ids && home_ids[i]; i++)
    {
      BridgePlanComponent *c = component_from_catalog (self, catalog, home_ids[i], BRIDGE_PLAN_SIDE_HOME, error);

      if (c == NULL)
        return NULL;
      g_ptr_array_add (home, c);
    }

  group = append_group (self, NULL);
  g_ptr_array_extend_and_steal (group->components[BRIDGE_PLAN_SIDE_HOST], g_steal_pointer (&host));
  g_ptr_array_extend_and_steal (group->components[BRIDGE_PLAN_SIDE_HOME], g_steal_pointer (&home));
  group_notify_counts (group, BRIDGE_PLAN_SIDE_HOST);
  group_notify_counts (group, BRIDGE_PLAN_SIDE_HOME);
  plan_changed (self, TRUE);
  return group;
}

gboolean
bridge_plan_insert_component (BridgePlan                *self,
                              BridgePlanGroup           *group,
                              BridgePlanSide             side,
                              int                        index,
                              const BridgePlanComponent *component,
                              GError                   **error)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (group == NULL || BRIDGE_IS_PLAN_GROUP (group), FALSE);
  g_return_val_if_fail (side <= BRIDGE_PLAN_SIDE_HOME, FALSE);
  g_return_val_if_fail (component != NULL && component->course_id != NULL, FALSE);

  if (!check_unlocked (self, error))
    return FALSE;
  if (group == NULL)
    {
      if (side != BRIDGE_PLAN_SIDE_HOST)
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       _("A home course can only be added to a group that has a host course"));
          return FALSE;
        }
      group = append_group (self, NULL);
    }
  else if (!group_in_plan (self, group, NULL))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("The recognition group is not part of this plan"));
      return FALSE;
    }
  else if (bridge_plan_group_find_component (group, side, component->course_id, NULL))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("“%s” is already in this recognition group"),
                   component->code ? component->code : component->course_id);
      return FALSE;
    }

  group_insert (group, side, index, bridge_plan_component_copy (component));
  group_items_changed (self, group);
  plan_changed (self, TRUE);
  return TRUE;
}

gboolean
bridge_plan_add_course (BridgePlan       *self,
                        BridgeCatalog    *catalog,
                        BridgePlanGroup  *group,
                        BridgePlanSide    side,
                        const char       *course_id,
                        GError          **error)
{
  g_autoptr(BridgePlanComponent) c = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), FALSE);

  if (!check_unlocked (self, error))
    return FALSE;
  c = component_from_catalog (self, catalog, course_id, side, error);
  if (c == NULL)
    return FALSE;
  return bridge_plan_insert_component (self, group, side, -1, c, error);
}

BridgePlanComponent *
bridge_plan_remove_component (BridgePlan      *self,
                              BridgePlanGroup *group,
                              BridgePlanSide   side,
                              const char      *course_id,
                              guint           *index,
                              GError         **error)
{
  guint i;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (group), NULL);
  g_return_val_if_fail (side <= BRIDGE_PLAN_SIDE_HOME, NULL);

  if (!check_unlocked (self, error))
    return NULL;
  if (!group_in_plan (self, group, NULL)
      || !bridge_plan_group_find_component (group, side, course_id, &i))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("“%s” is not in this recognition group"), course_id);
      return NULL;
    }
  if (index)
    *index = i;
  {
    BridgePlanComponent *c = g_ptr_array_steal_index (group->components[side], i);

    group_notify_counts (group, side);
    group_items_changed (self, group);
    plan_changed (self, TRUE);
    return c;
  }
}

BridgePlanGroup *
bridge_plan_remove_group (BridgePlan       *self,
                          BridgePlanGroup  *group,
                          guint            *position,
                          GError          **error)
{
  guint pos;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (group), NULL);

  if (!check_unlocked (self, error))
    return NULL;
  if (!group_in_plan (self, group, &pos))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("The recognition group is not part of this plan"));
      return NULL;
    }
  g_object_ref (group);
  g_list_store_remove (self->groups, pos);
  if (position)
    *position = pos;
  notify_n_groups (self);
  plan_changed (self, TRUE);
  return group;
}

gboolean
bridge_plan_insert_group (BridgePlan       *self,
                          guint             position,
                          BridgePlanGroup  *group,
                          GError          **error)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (group), FALSE);

  if (!check_unlocked (self, error))
    return FALSE;
  if (group_in_plan (self, group, NULL) || bridge_plan_find_group (self, group->id, NULL))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The recognition group “%s” is already in the plan"), group->id);
      return FALSE;
    }
  position = MIN (position, bridge_plan_get_n_groups (self));
  note_group_id (self, group->id);
  g_list_store_insert (self->groups, position, group);
  notify_n_groups (self);
  plan_changed (self, TRUE);
  return TRUE;
}

gboolean
bridge_plan_move_component (BridgePlan       *self,
                            BridgePlanGroup  *from,
                            BridgePlanSide    side,
                            const char       *course_id,
                            BridgePlanGroup  *to,
                            GError          **error)
{
  guint i;
  BridgePlanComponent *c;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (from), FALSE);
  g_return_val_if_fail (to == NULL || BRIDGE_IS_PLAN_GROUP (to), FALSE);

  if (!check_unlocked (self, error))
    return FALSE;
  if (!group_in_plan (self, from, NULL)
      || !bridge_plan_group_find_component (from, side, course_id, &i))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("“%s” is not in this recognition group"), course_id);
      return FALSE;
    }
  if (to == from)
    return TRUE;
  if (to != NULL && !group_in_plan (self, to, NULL))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("The recognition group is not part of this plan"));
      return FALSE;
    }
  if (to == NULL && side != BRIDGE_PLAN_SIDE_HOST)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("A home course can only be moved to a group that has a host course"));
      return FALSE;
    }
  if (to != NULL && bridge_plan_group_find_component (to, side, course_id, NULL))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("“%s” is already in that recognition group"), course_id);
      return FALSE;
    }

  c = g_ptr_array_steal_index (from->components[side], i);
  group_notify_counts (from, side);
  group_items_changed (self, from);
  if (to == NULL)
    to = append_group (self, NULL);
  group_insert (to, side, -1, c);
  group_items_changed (self, to);
  plan_changed (self, TRUE);
  return TRUE;
}

gboolean
bridge_plan_move_group (BridgePlan       *self,
                        BridgePlanGroup  *group,
                        guint             position,
                        GError          **error)
{
  guint pos;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (group), FALSE);

  if (!check_unlocked (self, error))
    return FALSE;
  if (!group_in_plan (self, group, &pos))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("The recognition group is not part of this plan"));
      return FALSE;
    }
  g_object_ref (group);
  g_list_store_remove (self->groups, pos);
  position = MIN (position, bridge_plan_get_n_groups (self));
  g_list_store_insert (self->groups, position, group);
  g_object_unref (group);
  plan_changed (self, TRUE);
  return TRUE;
}

gboolean
bridge_plan_set_group_comment (BridgePlan       *self,
                               BridgePlanGroup  *group,
                               const char       *comment,
                               GError          **error)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (group), FALSE);

  if (!bridge_validate_multiline (_("The comment"), comment, error))
    return FALSE;
  if (comment && comment[0] == '\0')
    comment = NULL;
  if (g_strcmp0 (group->comment, comment) == 0)
    return TRUE;
  set_string (&group->comment, comment);
  g_object_notify_by_pspec (G_OBJECT (group), group_properties[GROUP_PROP_COMMENT]);
  plan_changed (self, FALSE);
  return TRUE;
}

void
bridge_plan_set_group_status (BridgePlan            *self,
                              BridgePlanGroup       *group,
                              BridgePlanGroupStatus  status)
{
  g_return_if_fail (BRIDGE_IS_PLAN (self));
  g_return_if_fail (BRIDGE_IS_PLAN_GROUP (group));
  g_return_if_fail (status <= BRIDGE_PLAN_GROUP_REJECTED);

  if (group->status == status)
    return;
  group->status = status;
  g_object_notify_by_pspec (G_OBJECT (group), group_properties[GROUP_PROP_STATUS]);
  plan_changed (self, FALSE);
}

static BridgePlanComponent *
find_component_or_error (BridgePlan       *self,
                         BridgePlanGroup  *group,
                         BridgePlanSide    side,
                         const char       *course_id,
                         GError          **error)
{
  guint i;

  if (!group_in_plan (self, group, NULL)
      || !bridge_plan_group_find_component (group, side, course_id, &i))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("“%s” is not in this recognition group"), course_id);
      return NULL;
    }
  return g_ptr_array_index (group->components[side], i);
}

gboolean
bridge_plan_set_component_comment (BridgePlan       *self,
                                   BridgePlanGroup  *group,
                                   BridgePlanSide    side,
                                   const char       *course_id,
                                   const char       *comment,
                                   GError          **error)
{
  BridgePlanComponent *c;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (group), FALSE);

  c = find_component_or_error (self, group, side, course_id, error);
  if (c == NULL || !bridge_validate_multiline (_("The comment"), comment, error))
    return FALSE;
  if (comment && comment[0] == '\0')
    comment = NULL;
  if (g_strcmp0 (c->comment, comment) == 0)
    return TRUE;
  set_string (&c->comment, comment);
  group_items_changed (self, group);
  plan_changed (self, FALSE);
  return TRUE;
}

gboolean
bridge_plan_set_component_flags (BridgePlan       *self,
                                 BridgePlanGroup  *group,
                                 BridgePlanSide    side,
                                 const char       *course_id,
                                 gboolean          automatic,
                                 gboolean          is_virtual,
                                 GError          **error)
{
  BridgePlanComponent *c;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (group), FALSE);

  if (!check_unlocked (self, error))
    return FALSE;
  c = find_component_or_error (self, group, side, course_id, error);
  if (c == NULL)
    return FALSE;
  if (c->automatic == !!automatic && c->is_virtual == !!is_virtual)
    return TRUE;
  c->automatic = !!automatic;
  c->is_virtual = !!is_virtual;
  group_items_changed (self, group);
  plan_changed (self, TRUE);
  return TRUE;
}

guint
bridge_plan_refresh (BridgePlan    *self,
                     BridgeCatalog *catalog)
{
  guint n_unknown = 0;
  guint n;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), 0);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), 0);

  n = bridge_plan_get_n_groups (self);
  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self, i);
      gboolean changed = FALSE;

      for (guint side = 0; side < 2; side++)
        for (guint j = 0; j < group->components[side]->len; j++)
          {
            BridgePlanComponent *c = g_ptr_array_index (group->components[side], j);
            g_autoptr(BridgeCourse) course = bridge_catalog_get_course (catalog, c->course_id, NULL);
            gboolean unknown = course == NULL;

            if (unknown)
              n_unknown++;
            if (c->unknown != unknown)
              {
                c->unknown = unknown;
                changed = TRUE;
              }
          }
      if (changed)
        group_items_changed (self, group);
    }
  return n_unknown;
}

/* ------------------------------------------------------------------------ */
/* JSON                                                                     */

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
person_to_json (JsonBuilder            *b,
                const char             *name,
                const BridgePlanPerson *p)
{
  if (p->name == NULL && p->position == NULL && p->email == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_string (b, "name", p->name);
  add_string (b, "position", p->position);
  add_string (b, "email", p->email);
  json_builder_end_object (b);
}

static void
component_to_json (JsonBuilder               *b,
                   const BridgePlanComponent *c,
                   gboolean                   with_review)
{
  json_builder_begin_object (b);
  add_string (b, "course", c->course_id);
  add_string (b, "code", c->code);
  if (c->title)
    {
      json_builder_set_member_name (b, "title");
      json_builder_add_value (b, bridge_text_to_json (c->title));
    }
  add_string (b, "term", c->term);
  json_builder_set_member_name (b, "credits");
  json_builder_add_double_value (b, c->credits);
  if (c->workload_hours > 0)
    {
      json_builder_set_member_name (b, "workload_hours");
      json_builder_add_double_value (b, c->workload_hours);
    }
  if (c->is_virtual)
    {
      json_builder_set_member_name (b, "virtual");
      json_builder_add_boolean_value (b, TRUE);
    }
  if (c->automatic)
    {
      json_builder_set_member_name (b, "automatic_recognition");
      json_builder_add_boolean_value (b, TRUE);
    }
  if (with_review)
    add_string (b, "comment", c->comment);
  json_builder_end_object (b);
}

/* @with_record: add the record's own digest (not when computing it). */
static void
approval_to_json (JsonBuilder              *b,
                  const BridgePlanApproval *a,
                  gboolean                  with_record)
{
  json_builder_begin_object (b);
  add_string (b, "role", bridge_plan_role_to_string (a->role));
  add_string (b, "name", a->person.name);
  add_string (b, "position", a->person.position);
  add_string (b, "email", a->person.email);
  add_string (b, "timestamp", a->timestamp);
  add_string (b, "digest", a->digest);
  if (with_record)
    add_string (b, "record_digest", a->record_digest);
  json_builder_end_object (b);
}

static void
approvals_to_json (JsonBuilder         *b,
                   const char          *name,
                   BridgePlanApproval **approvals)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
    if (approvals[i])
      approval_to_json (b, approvals[i], TRUE);
  json_builder_end_array (b);
}

static void
change_to_json (JsonBuilder            *b,
                const BridgePlanChange *c)
{
  json_builder_begin_object (b);
  add_string (b, "kind", c->kind == BRIDGE_CHANGE_ADD ? "add" : "delete");
  add_string (b, "side", c->side == BRIDGE_PLAN_SIDE_HOST ? "host" : "home");
  add_string (b, "group", c->group_id);
  json_builder_set_member_name (b, "component");
  component_to_json (b, c->component, FALSE);
  add_string (b, "reason", bridge_change_reason_to_string (c->reason));
  add_string (b, "reason_text", c->reason_text);
  json_builder_end_object (b);
}

static void
changes_to_json (JsonBuilder *b,
                 const char  *name,
                 GPtrArray   *changes)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < changes->len; i++)
    change_to_json (b, g_ptr_array_index (changes, i));
  json_builder_end_array (b);
}

static void
institution_to_json (JsonBuilder                 *b,
                     const char                  *name,
                     const BridgePlanInstitution *inst)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  add_string (b, "university", inst->university);
  add_string (b, "faculty", inst->faculty);
  person_to_json (b, "responsible", &inst->responsible);
  person_to_json (b, "contact", &inst->contact);
  json_builder_end_object (b);
}

/* The members of what is agreed. @with_review adds the review (group status
 * and comments), which is saved but not approved. */
static void
content_members (BridgePlan  *self,
                 JsonBuilder *b,
                 gboolean     with_review)
{
  const BridgePlanStudent *s = &self->student;
  guint n;

  add_string (b, "mobility_id", self->mobility_id);

  json_builder_set_member_name (b, "student");
  json_builder_begin_object (b);
  add_string (b, "name", s->name);
  add_string (b, "student_number", s->student_number);
  add_string (b, "email", s->email);
  add_string (b, "birth_date", s->birth_date);
  add_string (b, "nationality", s->nationality);
  add_string (b, "gender", s->gender);
  add_string (b, "cycle", bridge_cycle_to_string (s->cycle));
  add_string (b, "isced", s->isced);
  add_string (b, "language", s->language);
  add_string (b, "cefr", s->cefr);
  json_builder_end_object (b);

  institution_to_json (b, "sending", &self->institutions[BRIDGE_PLAN_SIDE_HOME]);
  institution_to_json (b, "receiving", &self->institutions[BRIDGE_PLAN_SIDE_HOST]);

  json_builder_set_member_name (b, "mobility");
  json_builder_begin_object (b);
  add_string (b, "academic_year", self->academic_year);
  json_builder_set_member_name (b, "terms");
  json_builder_begin_array (b);
  for (guint i = 0; self->terms[i]; i++)
    json_builder_add_string_value (b, self->terms[i]);
  json_builder_end_array (b);
  add_string (b, "start", self->start_date);
  add_string (b, "end", self->end_date);
  json_builder_end_object (b);

  add_string (b, "provisions", self->provisions);

  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  n = bridge_plan_get_n_groups (self);
  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *g = bridge_plan_get_group (self, i);

      json_builder_begin_object (b);
      add_string (b, "id", g->id);
      if (with_review)
        {
          add_string (b, "status", bridge_plan_group_status_to_string (g->status));
          add_string (b, "comment", g->comment);
        }
      json_builder_set_member_name (b, "host");
      json_builder_begin_array (b);
      for (guint j = 0; j < g->components[0]->len; j++)
        component_to_json (b, g_ptr_array_index (g->components[0], j), with_review);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "home");
      json_builder_begin_array (b);
      for (guint j = 0; j < g->components[1]->len; j++)
        component_to_json (b, g_ptr_array_index (g->components[1], j), with_review);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

JsonNode *
bridge_plan_content_to_json (BridgePlan *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  content_members (self, b, FALSE);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
bridge_plan_to_json (BridgePlan *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GList) keys = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  json_builder_begin_object (b);
  add_string (b, "format", BRIDGE_PLAN_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, BRIDGE_PLAN_VERSION);
  content_members (self, b, TRUE);

  approvals_to_json (b, "approvals", self->approvals);

  json_builder_set_member_name (b, "versions");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->versions->len; i++)
    {
      PlanVersion *v = g_ptr_array_index (self->versions, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "version");
      json_builder_add_int_value (b, v->number);
      add_string (b, "approved", v->timestamp);
      changes_to_json (b, "changes", v->changes);
      approvals_to_json (b, "approvals", v->approvals);
      json_builder_set_member_name (b, "content");
      json_builder_add_value (b, json_node_copy (v->content));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  if (self->pending)
    {
      json_builder_set_member_name (b, "changes_proposal");
      json_builder_begin_object (b);
      add_string (b, "id", self->pending_id);
      changes_to_json (b, "changes", self->pending);
      approvals_to_json (b, "approvals", self->pending_approvals);
      json_builder_end_object (b);
    }

  json_builder_set_member_name (b, "grades");
  json_builder_begin_object (b);
  keys = g_hash_table_get_keys (self->grades);
  keys = g_list_sort (keys, (GCompareFunc) strcmp);
  for (GList *l = keys; l; l = l->next)
    add_string (b, l->data, g_hash_table_lookup (self->grades, l->data));
  json_builder_end_object (b);

  if (self->recognition->len > 0)
    {
      json_builder_set_member_name (b, "recognition");
      json_builder_begin_array (b);
      for (guint i = 0; i < self->recognition->len; i++)
        {
          BridgePlanRecognition *r = g_ptr_array_index (self->recognition, i);

          json_builder_begin_object (b);
          add_string (b, "group", r->group_id);
          add_string (b, "course", r->course_id);
          add_string (b, "code", r->code);
          if (r->title)
            {
              json_builder_set_member_name (b, "title");
              json_builder_add_value (b, bridge_text_to_json (r->title));
            }
          json_builder_set_member_name (b, "credits");
          json_builder_add_double_value (b, r->credits);
          add_string (b, "host_grades", r->host_grades);
          add_string (b, "grade", r->grade);
          add_string (b, "candidates", r->candidates);
          add_string (b, "rule", r->rule);
          json_builder_set_member_name (b, "approximate");
          json_builder_add_boolean_value (b, r->approximate);
          add_string (b, "reason", r->reason);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
bridge_plan_to_data (BridgePlan *self,
                     gsize      *length)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize len;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  root = bridge_plan_to_json (self);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  data = json_generator_to_data (gen, &len);
  /* End with a newline, as text files do. */
  data = g_realloc (data, len + 2);
  data[len] = '\n';
  data[len + 1] = '\0';
  if (length)
    *length = len + 1;
  return data;
}

/* Canonical JSON: object members sorted by key (byte order), no spaces,
 * numbers that are whole written as integers, others with 17 significant digits. */
static void
canonical_append (GString  *out,
                  JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (node);
        guint n = json_array_get_length (a);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            canonical_append (out, json_array_get_element (a, i));
          }
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_OBJECT:
      {
        JsonObject *o = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (o);
        gboolean first = TRUE;

        members = g_list_sort (members, (GCompareFunc) strcmp);
        g_string_append_c (out, '{');
        for (GList *l = members; l; l = l->next)
          {
            g_autoptr(JsonNode) key = json_node_new (JSON_NODE_VALUE);

            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            json_node_set_string (key, l->data);
            canonical_append (out, key);
            g_string_append_c (out, ':');
            canonical_append (out, json_object_get_member (o, l->data));
          }
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_VALUE:
      {
        GType t = json_node_get_value_type (node);

        if (t == G_TYPE_STRING)
          {
            const char *s = json_node_get_string (node);

            g_string_append_c (out, '"');
            for (const char *p = s; *p; p++)
              {
                guchar ch = (guchar) *p;

                if (ch == '"' || ch == '\\')
                  {
                    g_string_append_c (out, '\\');
                    g_string_append_c (out, (char) ch);
                  }
                else if (ch == '\n')
                  g_string_append (out, "\\n");
                else if (ch == '\t')
                  g_string_append (out, "\\t");
                else if (ch == '\r')
                  g_string_append (out, "\\r");
                else if (ch < 0x20)
                  g_string_append_printf (out, "\\u%04x", ch);
                else
                  g_string_append_c (out, (char) ch);
              }
            g_string_append_c (out, '"');
          }
        else if (t == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (t == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else
          {
            double d = json_node_get_double (node);
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            if (isfinite (d) && d == floor (d) && fabs (d) < 9007199254740992.0)
              g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) d);
            else
              g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.17g", d));
          }
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

char *
bridge_plan_canonical_json (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  canonical_append (out, node);
  return g_string_free (out, FALSE);
}

static char *
digest_of (JsonNode *node)
{
  g_autofree char *canon = bridge_plan_canonical_json (node);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canon, -1);
}

char *
bridge_plan_get_digest (BridgePlan *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  node = bridge_plan_to_json (self);
  return digest_of (node);
}

char *
bridge_plan_get_content_digest (BridgePlan *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  node = bridge_plan_content_to_json (self);
  return digest_of (node);
}

/* What the approvals of a changes proposal commit to: the agreement they
 * change and the changes. */
static char *
pending_digest (BridgePlan *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *base = bridge_plan_get_content_digest (self);

  json_builder_begin_object (b);
  add_string (b, "base", base);
  add_string (b, "id", self->pending_id);
  changes_to_json (b, "changes", self->pending);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return digest_of (root);
}

/* The digest of an approval's record: who approved, when, and the digest of
 * what they approved. Renaming the approver changes it. */
static char *
approval_record_digest (const BridgePlanApproval *a)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  approval_to_json (b, a, FALSE);
  root = json_builder_get_root (b);
  return digest_of (root);
}

static void
seal_approval (BridgePlanApproval *a)
{
  g_free (a->record_digest);
  a->record_digest = approval_record_digest (a);
}

/* What a printout of the agreement shows and its digest covers: the content
 * and the approvals of it, with their records. */
static char *
agreement_digest (JsonNode            *content,
                  BridgePlanApproval **approvals)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "content");
  json_builder_add_value (b, json_node_copy (content));
  approvals_to_json (b, "approvals", approvals);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return digest_of (root);
}

char *
bridge_plan_get_agreement_digest (BridgePlan *self)
{
  g_autoptr(JsonNode) content = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  content = bridge_plan_content_to_json (self);
  return agreement_digest (content, self->approvals);
}

BridgePlanDigestMatch
bridge_plan_match_digest (BridgePlan *self,
                          const char *digest,
                          guint      *version)
{
  g_autofree char *current = NULL;
  g_autofree char *whole = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), BRIDGE_PLAN_DIGEST_NO_MATCH);
  g_return_val_if_fail (digest != NULL, BRIDGE_PLAN_DIGEST_NO_MATCH);

  if (version)
    *version = self->versions->len;
  current = bridge_plan_get_agreement_digest (self);
  if (g_str_equal (current, digest))
    return BRIDGE_PLAN_DIGEST_MATCHES;
  /* Printouts of format version 1 carry the digest of the whole file. */
  whole = bridge_plan_get_digest (self);
  if (g_str_equal (whole, digest))
    return BRIDGE_PLAN_DIGEST_MATCHES;
  for (guint i = self->versions->len; i > 0; i--)
    {
      PlanVersion *v = g_ptr_array_index (self->versions, i - 1);
      g_autofree char *vdigest = agreement_digest (v->content, v->approvals);

      if (g_str_equal (vdigest, digest))
        {
          if (version)
            *version = v->number;
          return BRIDGE_PLAN_DIGEST_MATCHES_VERSION;
        }
    }
  return BRIDGE_PLAN_DIGEST_NO_MATCH;
}

/* Loading ------------------------------------------------------------------ */

typedef struct
{
  const char *file;                       /* for messages; may be NULL */
  GError    **error;
} Loader;

static gboolean
load_fail (Loader     *ld,
           const char *path,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
load_fail (Loader     *ld,
           const char *path,
           const char *format,
           ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  if (ld->file)
    g_set_error (ld->error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                 /* Translators: file: JSON path: problem */
                 _("%s: %s: %s"), ld->file, path, msg);
  else
    g_set_error (ld->error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                 "%s: %s", path, msg);
  return FALSE;
}

/* No control character but tab and line breaks, and no noncharacter: what
 * the setters refuse cannot come in through a file either, since the
 * exports (XML, PDF) cannot carry it. */
static gboolean
check_chars (Loader     *ld,
             const char *path,
             const char *member,
             const char *value)
{
  gunichar bad;

  if (bridge_validate_chars (value, TRUE, &bad))
    return TRUE;
  /* Translators: a member of the plan file, then a character code such as U+FFFE */
  return load_fail (ld, path, _("“%s” contains the invisible character U+%04X, which a plan cannot carry; "
                                "remove it from the file in a text editor"), member, bad);
}

/* Reads an optional string member into *out (NULL when absent). */
static gboolean
get_string (Loader      *ld,
            JsonObject  *o,
            const char  *member,
            const char  *path,
            char       **out)
{
  JsonNode *node = json_object_get_member (o, member);

  g_clear_pointer (out, g_free);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return load_fail (ld, path, _("“%s” must be a string"), member);
  if (!check_chars (ld, path, member, json_node_get_string (node)))
    return FALSE;
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

/* A localised text ({"zh": …, "en": …}) whose texts pass check_chars (). */
static BridgeText *
get_text (Loader     *ld,
          JsonObject *o,
          const char *path)
{
  JsonObjectIter iter;
  const char *lang;
  JsonNode *node;

  json_object_iter_init (&iter, o);
  while (json_object_iter_next (&iter, &lang, &node))
    if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
        && !check_chars (ld, path, lang, json_node_get_string (node)))
      return NULL;
  return bridge_text_new_from_json (o);
}

static gboolean
get_number (Loader     *ld,
            JsonObject *o,
            const char *member,
            const char *path,
            double     *out)
{
  JsonNode *node = json_object_get_member (o, member);
  GType t;

  *out = 0;
  if (node == NULL)
    return TRUE;
  t = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (t != G_TYPE_INT64 && t != G_TYPE_DOUBLE)
    return load_fail (ld, path, _("“%s” must be a number"), member);
  *out = json_node_get_double (node);
  if (!isfinite (*out) || *out < 0 || *out > BRIDGE_MAX_QUANTITY)
    {
      char max[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (max, sizeof max, "%.0f", BRIDGE_MAX_QUANTITY);
      /* Translators: “credits” must be a number from 0 to 1000000 */
      return load_fail (ld, path, _("“%s” must be a number from 0 to %s"), member, max);
    }
  return TRUE;
}

static gboolean
get_bool (Loader     *ld,
          JsonObject *o,
          const char *member,
          const char *path,
          gboolean   *out)
{
  JsonNode *node = json_object_get_member (o, member);

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return load_fail (ld, path, _("“%s” must be true or false"), member);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static JsonObject *
get_object (Loader     *ld,
            JsonObject *o,
            const char *member,
            const char *path,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        load_fail (ld, path, _("“%s” is missing"), member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      load_fail (ld, path, _("“%s” must be an object"), member);
      return NULL;
    }
  return json_node_get_object (node);
}

/* Returns FALSE with an error, or TRUE with *out NULL when absent. */
static gboolean
get_array (Loader      *ld,
           JsonObject  *o,
           const char  *member,
           const char  *path,
           JsonArray  **out)
{
  JsonNode *node = json_object_get_member (o, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return load_fail (ld, path, _("“%s” must be an array"), member);
  *out = json_node_get_array (node);
  return TRUE;
}

static JsonObject *
array_object (Loader     *ld,
              JsonArray  *a,
              guint       i,
              const char *path)
{
  JsonNode *node = json_array_get_element (a, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      load_fail (ld, path, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
load_person (Loader           *ld,
             JsonObject       *o,
             const char       *member,
             const char       *path,
             BridgePlanPerson *p)
{
  g_autofree char *sub = g_strdup_printf ("%s.%s", path, member);
  JsonObject *po;

  if (json_object_has_member (o, member) && !JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, member)))
    return load_fail (ld, path, _("“%s” must be an object"), member);
  po = json_object_has_member (o, member) ? json_object_get_object_member (o, member) : NULL;
  if (po == NULL)
    return TRUE;
  return get_string (ld, po, "name", sub, &p->name)
         && get_string (ld, po, "position", sub, &p->position)
         && get_string (ld, po, "email", sub, &p->email);
}

static BridgePlanComponent *
load_component (Loader     *ld,
                JsonObject *o,
                const char *path)
{
  g_autoptr(BridgePlanComponent) c = g_new0 (BridgePlanComponent, 1);
  JsonNode *title;

  if (!get_string (ld, o, "course", path, &c->course_id))
    return NULL;
  if (c->course_id == NULL || c->course_id[0] == '\0')
    {
      load_fail (ld, path, _("“%s” is missing"), "course");
      return NULL;
    }
  if (!get_string (ld, o, "code", path, &c->code)
      || !get_string (ld, o, "term", path, &c->term)
      || !get_number (ld, o, "credits", path, &c->credits)
      || !get_number (ld, o, "workload_hours", path, &c->workload_hours)
      || !get_bool (ld, o, "virtual", path, &c->is_virtual)
      || !get_bool (ld, o, "automatic_recognition", path, &c->automatic)
      || !get_string (ld, o, "comment", path, &c->comment))
    return NULL;
  title = json_object_get_member (o, "title");
  if (title != NULL)
    {
      if (!JSON_NODE_HOLDS_OBJECT (title))
        {
          load_fail (ld, path, _("“%s” must be an object"), "title");
          return NULL;
        }
      c->title = get_text (ld, json_node_get_object (title), path);
      if (c->title == NULL)
        return NULL;
    }
  return g_steal_pointer (&c);
}

static BridgePlanApproval *
load_approval (Loader     *ld,
               JsonObject *o,
               const char *path)
{
  g_autoptr(GPtrArray) hold = g_ptr_array_new_with_free_func ((GDestroyNotify) approval_free);
  BridgePlanApproval *a = g_new0 (BridgePlanApproval, 1);
  g_autofree char *role = NULL;

  g_ptr_array_add (hold, a);
  if (!get_string (ld, o, "role", path, &role))
    return NULL;
  if (!bridge_plan_role_from_string (role, &a->role))
    {
      load_fail (ld, path, _("unknown role “%s”"), role ? role : "");
      return NULL;
    }
  if (!get_string (ld, o, "name", path, &a->person.name)
      || !get_string (ld, o, "position", path, &a->person.position)
      || !get_string (ld, o, "email", path, &a->person.email)
      || !get_string (ld, o, "timestamp", path, &a->timestamp)
      || !get_string (ld, o, "digest", path, &a->digest)
      || !get_string (ld, o, "record_digest", path, &a->record_digest))
    return NULL;
  return g_ptr_array_steal_index (hold, 0);
}

static gboolean
load_approvals (Loader              *ld,
                JsonObject          *o,
                const char          *member,
                const char          *path,
                BridgePlanApproval **approvals)
{
  JsonArray *a;

  if (!get_array (ld, o, member, path, &a))
    return FALSE;
  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s.%s[%u]", path, member, i);
      JsonObject *ao = array_object (ld, a, i, sub);
      BridgePlanApproval *ap;

      if (ao == NULL || (ap = load_approval (ld, ao, sub)) == NULL)
        return FALSE;
      if (approvals[ap->role] != NULL)
        {
          approval_free (ap);
          return load_fail (ld, sub, _("a second approval by the same role"));
        }
      approvals[ap->role] = ap;
    }
  return TRUE;
}

static GPtrArray *
load_changes (Loader     *ld,
              JsonObject *o,
              const char *path)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_plan_change_free);
  JsonArray *a;

  if (!get_array (ld, o, "changes", path, &a))
    return NULL;
  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s.changes[%u]", path, i);
      g_autofree char *csub = g_strdup_printf ("%s.component", sub);
      g_autofree char *kind = NULL, *side = NULL, *reason = NULL;
      JsonObject *co = array_object (ld, a, i, sub);
      JsonObject *comp;
      BridgePlanChange *c;

      if (co == NULL)
        return NULL;
      c = g_new0 (BridgePlanChange, 1);
      g_ptr_array_add (changes, c);
      if (!get_string (ld, co, "kind", sub, &kind)
          || !get_string (ld, co, "side", sub, &side)
          || !get_string (ld, co, "group", sub, &c->group_id)
          || !get_string (ld, co, "reason", sub, &reason)
          || !get_string (ld, co, "reason_text", sub, &c->reason_text))
        return NULL;
      if (g_strcmp0 (kind, "add") == 0)
        c->kind = BRIDGE_CHANGE_ADD;
      else if (g_strcmp0 (kind, "delete") == 0)
        c->kind = BRIDGE_CHANGE_DELETE;
      else
        {
          load_fail (ld, sub, _("“kind” must be “add” or “delete”"));
          return NULL;
        }
      if (g_strcmp0 (side, "host") == 0)
        c->side = BRIDGE_PLAN_SIDE_HOST;
      else if (g_strcmp0 (side, "home") == 0)
        c->side = BRIDGE_PLAN_SIDE_HOME;
      else
        {
          load_fail (ld, sub, _("“side” must be “host” or “home”"));
          return NULL;
        }
      if (!bridge_change_reason_from_string (reason, &c->reason))
        {
          load_fail (ld, sub, _("unknown reason “%s”"), reason ? reason : "");
          return NULL;
        }
      if (c->group_id == NULL)
        {
          load_fail (ld, sub, _("“%s” is missing"), "group");
          return NULL;
        }
      comp = get_object (ld, co, "component", sub, TRUE);
      if (comp == NULL || (c->component = load_component (ld, comp, csub)) == NULL)
        return NULL;
    }
  return g_steal_pointer (&changes);
}

/* Whether get_object () of @member failed, rather than found it absent or null. */
static gboolean
member_failed (JsonObject *o,
               const char *member)
{
  JsonNode *node = json_object_get_member (o, member);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node);
}

static gboolean
load_institution (Loader                *ld,
                  JsonObject            *root,
                  const char            *member,
                  BridgePlanInstitution *inst)
{
  JsonObject *o = get_object (ld, root, member, "$", FALSE);
  g_autofree char *path = g_strdup_printf ("$.%s", member);

  if (o == NULL)
    return !json_object_has_member (root, member) || JSON_NODE_HOLDS_NULL (json_object_get_member (root, member));
  return get_string (ld, o, "university", path, &inst->university)
         && get_string (ld, o, "faculty", path, &inst->faculty)
         && load_person (ld, o, "responsible", path, &inst->responsible)
         && load_person (ld, o, "contact", path, &inst->contact);
}

/* Reads what content_members() writes into @self (which is empty). */
static gboolean
load_content (BridgePlan *self,
              Loader     *ld,
              JsonObject *root)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *so, *mo;
  JsonArray *groups;

  if (!get_string (ld, root, "mobility_id", "$", &self->mobility_id))
    return FALSE;
  if (self->mobility_id == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      self->mobility_id = g_strdup_printf ("cb-%s", uuid);
    }

  /* get_object () fails with an error only when the member is there and
   * neither null nor an object. */
  so = get_object (ld, root, "student", "$", FALSE);
  if (so == NULL && member_failed (root, "student"))
    return FALSE;
  if (so != NULL)
    {
      BridgePlanStudent *s = &self->student;
      g_autofree char *cycle = NULL;

      if (!get_string (ld, so, "name", "$.student", &s->name)
          || !get_string (ld, so, "student_number", "$.student", &s->student_number)
          || !get_string (ld, so, "email", "$.student", &s->email)
          || !get_string (ld, so, "birth_date", "$.student", &s->birth_date)
          || !get_string (ld, so, "nationality", "$.student", &s->nationality)
          || !get_string (ld, so, "gender", "$.student", &s->gender)
          || !get_string (ld, so, "cycle", "$.student", &cycle)
          || !get_string (ld, so, "isced", "$.student", &s->isced)
          || !get_string (ld, so, "language", "$.student", &s->language)
          || !get_string (ld, so, "cefr", "$.student", &s->cefr))
        return FALSE;
      if (cycle != NULL && !bridge_cycle_from_string (cycle, &s->cycle))
        return load_fail (ld, "$.student", _("unknown study cycle “%s”"), cycle);
    }

  if (!load_institution (ld, root, "sending", &self->institutions[BRIDGE_PLAN_SIDE_HOME])
      || !load_institution (ld, root, "receiving", &self->institutions[BRIDGE_PLAN_SIDE_HOST]))
    return FALSE;

  mo = get_object (ld, root, "mobility", "$", FALSE);
  if (mo == NULL && member_failed (root, "mobility"))
    return FALSE;
  if (mo != NULL)
    {
      JsonArray *terms;
      g_autoptr(GStrvBuilder) sb = g_strv_builder_new ();

      if (!get_string (ld, mo, "academic_year", "$.mobility", &self->academic_year)
          || !get_string (ld, mo, "start", "$.mobility", &self->start_date)
          || !get_string (ld, mo, "end", "$.mobility", &self->end_date)
          || !get_array (ld, mo, "terms", "$.mobility", &terms))
        return FALSE;
      for (guint i = 0; terms && i < json_array_get_length (terms); i++)
        {
          JsonNode *t = json_array_get_element (terms, i);

          if (!JSON_NODE_HOLDS_VALUE (t) || json_node_get_value_type (t) != G_TYPE_STRING)
            return load_fail (ld, "$.mobility.terms", _("must be an array of strings"));
          if (!check_chars (ld, "$.mobility", "terms", json_node_get_string (t)))
            return FALSE;
          g_strv_builder_add (sb, json_node_get_string (t));
        }
      g_strfreev (self->terms);
      self->terms = g_strv_builder_end (sb);
    }

  if (!get_string (ld, root, "provisions", "$", &self->provisions)
      || !get_array (ld, root, "groups", "$", &groups))
    return FALSE;

  for (guint i = 0; groups && i < json_array_get_length (groups); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.groups[%u]", i);
      g_autofree char *id = NULL, *status = NULL;
      JsonObject *go = array_object (ld, groups, i, path);
      BridgePlanGroup *group;

      if (go == NULL || !get_string (ld, go, "id", path, &id) || !get_string (ld, go, "status", path, &status))
        return FALSE;
      if (id == NULL)
        return load_fail (ld, path, _("“%s” is missing"), "id");
      /* A set, not bridge_plan_find_group (): that is linear, so a plan
       * of 5,000 groups took seconds to open. */
      if (!g_hash_table_add (ids, g_strdup (id)))
        return load_fail (ld, path, _("the group id “%s” repeats"), id);
      group = append_group (self, id);
      if (status != NULL && !bridge_plan_group_status_from_string (status, &group->status))
        return load_fail (ld, path, _("unknown status “%s”"), status);
      if (!get_string (ld, go, "comment", path, &group->comment))
        return FALSE;
      for (guint side = 0; side < 2; side++)
        {
          const char *member = side == BRIDGE_PLAN_SIDE_HOST ? "host" : "home";
          JsonArray *comps;

          if (!get_array (ld, go, member, path, &comps))
            return FALSE;
          for (guint j = 0; comps && j < json_array_get_length (comps); j++)
            {
              g_autofree char *cpath = g_strdup_printf ("%s.%s[%u]", path, member, j);
              JsonObject *co = array_object (ld, comps, j, cpath);
              BridgePlanComponent *c;

              if (co == NULL || (c = load_component (ld, co, cpath)) == NULL)
                return FALSE;
              g_ptr_array_add (group->components[side], c);
            }
        }
    }
  return TRUE;
}

static gboolean
load_root (BridgePlan *self,
           Loader     *ld,
           JsonNode   *node)
{
  JsonObject *root, *cp, *grades;
  JsonArray *versions, *recognition;
  JsonNode *version;
  g_autofree char *format = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return load_fail (ld, "$", _("a plan must be a JSON object"));
  root = json_node_get_object (node);

  if (!get_string (ld, root, "format", "$", &format))
    return FALSE;
  if (g_strcmp0 (format, BRIDGE_PLAN_FORMAT) != 0)
    return load_fail (ld, "$.format", _("this is not a Credit Bridge plan (format “%s”)"),
                      format ? format : "");
  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64)
    return load_fail (ld, "$.version", _("the format version must be a whole number"));
  if (json_node_get_int (version) > BRIDGE_PLAN_VERSION)
    {
      if (ld->file)
        g_set_error (ld->error, BRIDGE_ERROR, BRIDGE_ERROR_UNSUPPORTED_VERSION,
                     _("%s: the plan was written by a newer Credit Bridge (format version %" PRId64 ", this one reads %d); update Credit Bridge to open it"),
                     ld->file, json_node_get_int (version), BRIDGE_PLAN_VERSION);
      else
        g_set_error (ld->error, BRIDGE_ERROR, BRIDGE_ERROR_UNSUPPORTED_VERSION,
                     _("The plan was written by a newer Credit Bridge (format version %" PRId64 ", this one reads %d); update Credit Bridge to open it"),
                     json_node_get_int (version), BRIDGE_PLAN_VERSION);
      return FALSE;
    }
  if (json_node_get_int (version) < 1)
    return load_fail (ld, "$.version", _("unknown format version %" PRId64),
                      json_node_get_int (version));

  if (!load_content (self, ld, root))
    return FALSE;

  if (!load_approvals (ld, root, "approvals", "$", self->approvals))
    return FALSE;

  if (!get_array (ld, root, "versions", "$", &versions))
    return FALSE;
  for (guint i = 0; versions && i < json_array_get_length (versions); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.versions[%u]", i);
      JsonObject *vo = array_object (ld, versions, i, path);
      JsonObject *content;
      PlanVersion *v;
      double number;

      if (vo == NULL)
        return FALSE;
      v = g_new0 (PlanVersion, 1);
      g_ptr_array_add (self->versions, v);
      if (!get_number (ld, vo, "version", path, &number) || !get_string (ld, vo, "approved", path, &v->timestamp))
        return FALSE;
      /* Compared before the cast, so that 1.5 is not 1. */
      if (number != i + 1)
        return load_fail (ld, path, _("versions must be numbered 1, 2, 3… in order"));
      v->number = i + 1;
      if ((v->changes = load_changes (ld, vo, path)) == NULL)
        return FALSE;
      if (!load_approvals (ld, vo, "approvals", path, v->approvals))
        return FALSE;
      content = get_object (ld, vo, "content", path, TRUE);
      if (content == NULL)
        return FALSE;
      v->content = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (v->content, content);
      /* The version must read as a plan itself. */
      {
        g_autoptr(BridgePlan) check = g_object_new (BRIDGE_TYPE_PLAN, NULL);
        g_autofree char *cpath = g_strdup_printf ("%s.content", path);
        g_autoptr(GError) inner = NULL;
        Loader sub = { NULL, &inner };

        if (!load_content (check, &sub, content))
          return load_fail (ld, cpath, "%s", inner->message);
      }
    }

  cp = get_object (ld, root, "changes_proposal", "$", FALSE);
  if (cp == NULL && json_object_has_member (root, "changes_proposal")
      && !JSON_NODE_HOLDS_NULL (json_object_get_member (root, "changes_proposal")))
    return FALSE;
  if (cp != NULL)
    {
      if (self->versions->len == 0)
        return load_fail (ld, "$.changes_proposal", _("a changes proposal needs an approved agreement"));
      if (!get_string (ld, cp, "id", "$.changes_proposal", &self->pending_id))
        return FALSE;
      if ((self->pending = load_changes (ld, cp, "$.changes_proposal")) == NULL)
        return FALSE;
      if (!load_approvals (ld, cp, "approvals", "$.changes_proposal", self->pending_approvals))
        return FALSE;
    }

  grades = get_object (ld, root, "grades", "$", FALSE);
  if (grades == NULL && json_object_has_member (root, "grades")
      && !JSON_NODE_HOLDS_NULL (json_object_get_member (root, "grades")))
    return FALSE;
  if (grades != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (grades);

      for (GList *l = members; l; l = l->next)
        {
          char *value = NULL;

          if (!get_string (ld, grades, l->data, "$.grades", &value))
            return FALSE;
          if (value != NULL)
            g_hash_table_insert (self->grades, g_strdup (l->data), value);
        }
    }

  if (!get_array (ld, root, "recognition", "$", &recognition))
    return FALSE;
  for (guint i = 0; recognition && i < json_array_get_length (recognition); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.recognition[%u]", i);
      JsonObject *ro = array_object (ld, recognition, i, path);
      BridgePlanRecognition *r;
      JsonNode *title;

      if (ro == NULL)
        return FALSE;
      r = g_new0 (BridgePlanRecognition, 1);
      g_ptr_array_add (self->recognition, r);
      if (!get_string (ld, ro, "group", path, &r->group_id)
          || !get_string (ld, ro, "course", path, &r->course_id)
          || !get_string (ld, ro, "code", path, &r->code)
          || !get_number (ld, ro, "credits", path, &r->credits)
          || !get_string (ld, ro, "host_grades", path, &r->host_grades)
          || !get_string (ld, ro, "grade", path, &r->grade)
          || !get_string (ld, ro, "candidates", path, &r->candidates)
          || !get_string (ld, ro, "rule", path, &r->rule)
          || !get_bool (ld, ro, "approximate", path, &r->approximate)
          || !get_string (ld, ro, "reason", path, &r->reason))
        return FALSE;
      title = json_object_get_member (ro, "title");
      if (title && JSON_NODE_HOLDS_OBJECT (title)
          && (r->title = get_text (ld, json_node_get_object (title), path)) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Checks every number of @data, which json-glib has read as JSON, in its
 * text: json-glib keeps no trace of a number it could not hold. */
static gboolean
check_numbers (Loader     *ld,
               const char *data,
               gsize       length)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (bridge_json_check_numbers (data, length, &path, &message))
    return TRUE;
  return load_fail (ld, path, "%s", message);
}

/* json-glib decodes an escape of half a character ("\ud800") into bytes
 * that are not UTF-8. The plan keeps some of what it reads as it is (the
 * content of approved versions), so such text would be saved again and the
 * file could no longer be opened: refuse it anywhere in the document. Walks
 * the tree with a stack of its own, not recursion. */
static gboolean
check_utf8 (Loader   *ld,
            JsonNode *root)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (nodes, root);
  g_ptr_array_add (paths, g_strdup ("$"));
  while (nodes->len > 0)
    {
      JsonNode *node = g_ptr_array_steal_index (nodes, nodes->len - 1);
      g_autofree char *path = g_ptr_array_steal_index (paths, paths->len - 1);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObjectIter iter;
          const char *member;
          JsonNode *child;

          json_object_iter_init (&iter, json_node_get_object (node));
          while (json_object_iter_next (&iter, &member, &child))
            {
              if (!g_utf8_validate (member, -1, NULL))
                return load_fail (ld, path, _("a member name is not valid UTF-8: an escape such as \\ud800 stands for half a character; correct or remove it"));
              g_ptr_array_add (nodes, child);
              g_ptr_array_add (paths, g_strdup_printf ("%s.%s", path, member));
            }
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              g_ptr_array_add (nodes, json_array_get_element (array, i));
              g_ptr_array_add (paths, g_strdup_printf ("%s[%u]", path, i));
            }
        }
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
               && !g_utf8_validate (json_node_get_string (node), -1, NULL))
        return load_fail (ld, path, _("the text is not valid UTF-8: an escape such as \\ud800 stands for half a character; correct or remove it"));
    }
  return TRUE;
}

static BridgePlan *
plan_from_data (const char  *data,
                gssize       length,
                const char  *file,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BridgePlan) self = NULL;
  g_autoptr(GError) local_error = NULL;
  Loader ld = { file, error };
  guint line, column;

  if (length < 0)
    length = (gssize) strlen (data);
  if (!g_utf8_validate (data, length, NULL))
    {
      load_fail (&ld, "$", _("the file is not valid UTF-8 text"));
      return NULL;
    }
  /* json-glib recurses once per level: refuse deep nesting before it does. */
  if (!bridge_json_check_depth (data, (gsize) length, BRIDGE_PLAN_MAX_DEPTH, &line, &column))
    {
      load_fail (&ld, "$",
                 /* Translators: the line and column of the bracket that goes too deep */
                 _("line %u, column %u: the JSON is nested more than %d levels deep, "
                   "which no plan needs; this is not a plan file Credit Bridge wrote"),
                 line, column, BRIDGE_PLAN_MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes the token it stopped at as it decoded it: "\ud800"
       * becomes bytes that are not UTF-8. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      if (file)
        g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                     _("%s is damaged or incomplete (%s); the plan cannot be read"),
                     file, reason);
      else
        g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                     _("The plan is damaged or incomplete (%s)"), reason);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      load_fail (&ld, "$", _("the file is empty"));
      return NULL;
    }
  if (!check_numbers (&ld, data, (gsize) length))
    return NULL;

  if (!check_utf8 (&ld, json_parser_get_root (parser)))
    return NULL;

  self = g_object_new (BRIDGE_TYPE_PLAN, NULL);
  if (!load_root (self, &ld, json_parser_get_root (parser)))
    return NULL;
  self->modified = FALSE;
  return g_steal_pointer (&self);
}

BridgePlan *
bridge_plan_new_from_data (const char  *data,
                           gssize       length,
                           GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  return plan_from_data (data, length, NULL, error);
}

BridgePlan *
bridge_plan_new_from_file (const char  *path,
                           GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  display = g_filename_display_name (path);
  return plan_from_data (data, (gssize) length, display, error);
}

gboolean
bridge_plan_save (BridgePlan  *self,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = bridge_plan_to_data (self, &length);
  if (!bridge_file_write (path, data, length, error))
    return FALSE;
  bridge_plan_set_modified (self, FALSE);
  return TRUE;
}

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
  record = approval_record_digest (a);
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
  da = approval_record_digest (a);
  db = approval_record_digest (b);
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
      g_autofree char *vdigest = digest_of (v->content);

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
      g_autofree char *vdigest = digest_of (last->content);

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
          g_autofree char *pdigest = pending_digest (self);

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

static gboolean
check_person (BridgePlanRole           role,
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
    v->approvals[i] = self->approvals[i] ? approval_copy (self->approvals[i]) : NULL;
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

  if (!check_person (role, person, error))
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
      a->digest = pending_digest (self);
    }
  else
    {
      slot = &self->approvals[role];
      a->digest = bridge_plan_get_content_digest (self);
    }
  seal_approval (a);
  approval_free (*slot);
  *slot = a;

  if (!was_locked && all_approved (self->approvals))
    {
      snapshot_version (self, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
    }
  else if (was_locked && all_approved (self->pending_approvals))
    {
      g_autoptr(GPtrArray) changes = g_steal_pointer (&self->pending);
      g_autofree char *digest = NULL;

      apply_changes (self, changes);
      digest = bridge_plan_get_content_digest (self);
      for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
        {
          approval_free (self->approvals[i]);
          self->approvals[i] = g_steal_pointer (&self->pending_approvals[i]);
          set_string (&self->approvals[i]->digest, digest);
          seal_approval (self->approvals[i]);
        }
      g_clear_pointer (&self->pending_id, g_free);
      snapshot_version (self, g_steal_pointer (&changes));
    }
  plan_changed (self, FALSE);
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
          g_clear_pointer (&self->pending_approvals[role], approval_free);
          plan_changed (self, FALSE);
          return TRUE;
        }
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The learning agreement is locked; an approval can no longer be withdrawn"));
      return FALSE;
    }
  if (self->approvals[role] == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("There is no approval by the %s to withdraw"), bridge_plan_role_get_label (role));
      return FALSE;
    }
  g_clear_pointer (&self->approvals[role], approval_free);
  plan_changed (self, FALSE);
  return TRUE;
}

GPtrArray *
bridge_plan_get_pending_changes (BridgePlan *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  return self->pending;
}

static gboolean
check_can_propose (BridgePlan          *self,
                   BridgeChangeKind     kind,
                   BridgeChangeReason   reason,
                   const char          *reason_text,
                   GError             **error)
{
  if (!bridge_plan_get_locked (self))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The learning agreement is not approved yet; edit it directly"));
      return FALSE;
    }
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
  clear_approvals (self->pending_approvals);
  plan_changed (self, FALSE);
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
  BridgePlanChange *change;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (group), FALSE);
  g_return_val_if_fail (side <= BRIDGE_PLAN_SIDE_HOME, FALSE);
  g_return_val_if_fail (reason <= BRIDGE_CHANGE_REASON_OTHER, FALSE);

  if (!check_can_propose (self, BRIDGE_CHANGE_DELETE, reason, reason_text, error))
    return FALSE;
  c = find_component_or_error (self, group, side, course_id, error);
  if (c == NULL)
    return FALSE;
  if (pending_has (self, BRIDGE_CHANGE_DELETE, side, group->id, course_id))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("Deleting “%s” is already proposed"), c->code ? c->code : course_id);
      return FALSE;
    }
  change = g_new0 (BridgePlanChange, 1);
  change->kind = BRIDGE_CHANGE_DELETE;
  change->side = side;
  change->group_id = g_strdup (group->id);
  change->component = bridge_plan_component_copy (c);
  g_clear_pointer (&change->component->comment, g_free);
  change->reason = reason;
  change->reason_text = g_strdup (reason_text);
  add_pending (self, change);
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
  BridgePlanChange *change;
  BridgePlanGroup *group;

  if (!bridge_plan_get_locked (self))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The learning agreement is not approved yet; edit it directly"));
      return FALSE;
    }
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
  change = g_new0 (BridgePlanChange, 1);
  change->kind = kind;
  change->side = side;
  change->group_id = g_strdup (group_id);
  change->component = bridge_plan_component_copy (component);
  g_clear_pointer (&change->component->comment, g_free);
  change->reason = reason;
  change->reason_text = g_strdup (reason_text);
  add_pending (self, change);
  return TRUE;
}

void
bridge_plan_set_mobility_id (BridgePlan *self,
                             const char *id)
{
  set_string (&self->mobility_id, id);
}

BridgePlan *
bridge_plan_preview_pending (BridgePlan *self)
{
  g_autoptr(JsonNode) content = bridge_plan_content_to_json (self);
  BridgePlan *copy = g_object_new (BRIDGE_TYPE_PLAN, NULL);
  Loader ld = { NULL, NULL };

  load_content (copy, &ld, json_node_get_object (content));
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
  BridgePlanChange *change;
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
  c = component_from_catalog (self, catalog, course_id, side, error);
  if (c == NULL)
    return FALSE;
  change = g_new0 (BridgePlanChange, 1);
  change->kind = BRIDGE_CHANGE_ADD;
  change->side = side;
  change->group_id = g_strdup (group_id);
  change->component = c;
  change->reason = reason;
  change->reason_text = g_strdup (reason_text);
  add_pending (self, change);
  return TRUE;
}

/* A group id not used by the plan nor by the pending proposal. */
static char *
next_proposal_group_id (BridgePlan *self)
{
  for (;;)
    {
      char *id = next_group_id (self);
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
  if (group != NULL && !group_in_plan (self, group, NULL))
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
        g_ptr_array_add (saved, change_copy (g_ptr_array_index (self->pending, i)));
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
  clear_approvals (self->pending_approvals);
  plan_changed (self, FALSE);
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
              group_notify_counts (group, c->side);
              group_items_changed (self, group);
            }
        }
      else
        {
          if (group == NULL)
            group = append_group (self, c->group_id);
          group_insert (group, c->side, -1, bridge_plan_component_copy (c->component));
          group_items_changed (self, group);
        }
    }
  /* A group left with nothing on either side goes. */
  for (guint i = bridge_plan_get_n_groups (self); i > 0; i--)
    {
      BridgePlanGroup *g = bridge_plan_get_group (self, i - 1);

      if (g->components[0]->len == 0 && g->components[1]->len == 0)
        {
          g_list_store_remove (self->groups, i - 1);
          notify_n_groups (self);
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
  Loader ld = { NULL, error };

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  if (version < 1 || version > self->versions->len)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("The plan has no version %u"), version);
      return NULL;
    }
  v = g_ptr_array_index (self->versions, version - 1);
  plan = g_object_new (BRIDGE_TYPE_PLAN, NULL);
  if (!load_content (plan, &ld, json_node_get_object (v->content)))
    return NULL;
  for (guint i = 0; i < BRIDGE_PLAN_N_ROLES; i++)
    plan->approvals[i] = v->approvals[i] ? approval_copy (v->approvals[i]) : NULL;
  plan->modified = FALSE;
  return g_steal_pointer (&plan);
}

BridgePlan *
bridge_plan_new_draft_from (BridgePlan  *self,
                            GError     **error)
{
  g_autoptr(BridgePlan) draft = NULL;
  g_autoptr(JsonNode) content = NULL;
  Loader ld = { NULL, error };

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  if (!bridge_plan_get_locked (self))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The learning agreement is not approved yet; edit it directly"));
      return NULL;
    }
  content = bridge_plan_content_to_json (self);
  draft = g_object_new (BRIDGE_TYPE_PLAN, NULL);
  if (!load_content (draft, &ld, json_node_get_object (content)))
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
  plan_changed (self, FALSE);
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
  plan_changed (self, FALSE);
}
