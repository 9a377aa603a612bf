/* bridge-plan-group.c: the plan's recognition groups and their courses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bridge-credit.h"
#include "bridge-error.h"
#include "bridge-plan.h"
#include "bridge-plan-private.h"
#include "bridge-validate.h"

/* ------------------------------------------------------------------------ */
/* BridgePlanGroup                                                          */

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

void
bridge_plan_group_notify_counts (BridgePlanGroup *self,
                                 BridgePlanSide   side)
{
  g_object_notify_by_pspec (G_OBJECT (self),
                            group_properties[side == BRIDGE_PLAN_SIDE_HOST ? GROUP_PROP_N_HOST
                                                                           : GROUP_PROP_N_HOME]);
}

void
bridge_plan_group_notify_all (BridgePlanGroup *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), group_properties[GROUP_PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), group_properties[GROUP_PROP_COMMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), group_properties[GROUP_PROP_N_HOST]);
  g_object_notify_by_pspec (G_OBJECT (self), group_properties[GROUP_PROP_N_HOME]);
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

gboolean
bridge_plan_contains_group (BridgePlan      *self,
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

  if (!bridge_plan_contains_group (self, group, &position))
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

char *
bridge_plan_next_group_id (BridgePlan *self)
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

/* Appends a group with @id (made when NULL) and returns it (transfer none). */
BridgePlanGroup *
bridge_plan_append_group (BridgePlan *self,
                          const char *id)
{
  g_autoptr(BridgePlanGroup) group = NULL;
  g_autofree char *new_id = NULL;

  if (id == NULL)
    id = new_id = bridge_plan_next_group_id (self);
  else
    note_group_id (self, id);
  group = group_new (id);
  g_list_store_append (self->groups, group);
  bridge_plan_notify_n_groups (self);
  return group;
}

void
bridge_plan_notify_group (BridgePlan      *self,
                          BridgePlanGroup *group)
{
  guint pos;

  /* Lets list views re-bind the row of a group whose components changed. */
  if (bridge_plan_contains_group (self, group, &pos))
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

BridgePlanComponent *
bridge_plan_component_from_catalog (BridgePlan      *self,
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

void
bridge_plan_group_insert (BridgePlanGroup           *group,
                          BridgePlanSide             side,
                          int                        index,
                          BridgePlanComponent       *component)   /* takes ownership */
{
  GPtrArray *list = group->components[side];

  if (index < 0 || (guint) index > list->len)
    index = (int) list->len;
  g_ptr_array_insert (list, index, component);
  bridge_plan_group_notify_counts (group, side);
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

  if (!bridge_plan_check_unlocked (self, error))
    return NULL;
  if (host_ids == NULL || host_ids[0] == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("A recognition group needs at least one host course"));
      return NULL;
    }
  for (guint i = 0; host_ids[i]; i++)
    {
      BridgePlanComponent *c = bridge_plan_component_from_catalog (self, catalog, host_ids[i], BRIDGE_PLAN_SIDE_HOST, error);

      if (c == NULL)
        return NULL;
      g_ptr_array_add (host, c);
    }
  for (guint i = 0; home_ids && home_ids[i]; i++)
    {
      BridgePlanComponent *c = bridge_plan_component_from_catalog (self, catalog, home_ids[i], BRIDGE_PLAN_SIDE_HOME, error);

      if (c == NULL)
        return NULL;
      g_ptr_array_add (home, c);
    }

  group = bridge_plan_append_group (self, NULL);
  g_ptr_array_extend_and_steal (group->components[BRIDGE_PLAN_SIDE_HOST], g_steal_pointer (&host));
  g_ptr_array_extend_and_steal (group->components[BRIDGE_PLAN_SIDE_HOME], g_steal_pointer (&home));
  bridge_plan_group_notify_counts (group, BRIDGE_PLAN_SIDE_HOST);
  bridge_plan_group_notify_counts (group, BRIDGE_PLAN_SIDE_HOME);
  bridge_plan_changed (self, TRUE);
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

  if (!bridge_plan_check_unlocked (self, error))
    return FALSE;
  if (group == NULL)
    {
      if (side != BRIDGE_PLAN_SIDE_HOST)
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       _("A home course can only be added to a group that has a host course"));
          return FALSE;
        }
      group = bridge_plan_append_group (self, NULL);
    }
  else if (!bridge_plan_contains_group (self, group, NULL))
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

  bridge_plan_group_insert (group, side, index, bridge_plan_component_copy (component));
  bridge_plan_notify_group (self, group);
  bridge_plan_changed (self, TRUE);
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

  if (!bridge_plan_check_unlocked (self, error))
    return FALSE;
  c = bridge_plan_component_from_catalog (self, catalog, course_id, side, error);
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

  if (!bridge_plan_check_unlocked (self, error))
    return NULL;
  if (!bridge_plan_contains_group (self, group, NULL)
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

    bridge_plan_group_notify_counts (group, side);
    bridge_plan_notify_group (self, group);
    bridge_plan_changed (self, TRUE);
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

  if (!bridge_plan_check_unlocked (self, error))
    return NULL;
  if (!bridge_plan_contains_group (self, group, &pos))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("The recognition group is not part of this plan"));
      return NULL;
    }
  g_object_ref (group);
  g_list_store_remove (self->groups, pos);
  if (position)
    *position = pos;
  bridge_plan_notify_n_groups (self);
  bridge_plan_changed (self, TRUE);
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

  if (!bridge_plan_check_unlocked (self, error))
    return FALSE;
  if (bridge_plan_contains_group (self, group, NULL) || bridge_plan_find_group (self, group->id, NULL))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The recognition group “%s” is already in the plan"), group->id);
      return FALSE;
    }
  position = MIN (position, bridge_plan_get_n_groups (self));
  note_group_id (self, group->id);
  g_list_store_insert (self->groups, position, group);
  bridge_plan_notify_n_groups (self);
  bridge_plan_changed (self, TRUE);
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

  if (!bridge_plan_check_unlocked (self, error))
    return FALSE;
  if (!bridge_plan_contains_group (self, from, NULL)
                   || !bridge_plan_group_find_component (from, side, course_id, &i))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("“%s” is not in this recognition group"), course_id);
      return FALSE;
    }
  if (to == from)
    return TRUE;
  if (to != NULL && !bridge_plan_contains_group (self, to, NULL))
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
  bridge_plan_group_notify_counts (from, side);
  bridge_plan_notify_group (self, from);
  if (to == NULL)
    to = bridge_plan_append_group (self, NULL);
  bridge_plan_group_insert (to, side, -1, c);
  bridge_plan_notify_group (self, to);
  bridge_plan_changed (self, TRUE);
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

  if (!bridge_plan_check_unlocked (self, error))
    return FALSE;
  if (!bridge_plan_contains_group (self, group, &pos))
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
  bridge_plan_changed (self, TRUE);
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
  bridge_plan_replace_string (&group->comment, comment);
  g_object_notify_by_pspec (G_OBJECT (group), group_properties[GROUP_PROP_COMMENT]);
  bridge_plan_changed (self, FALSE);
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
  bridge_plan_changed (self, FALSE);
}

BridgePlanComponent *
bridge_plan_find_component_or_error (BridgePlan       *self,
                                     BridgePlanGroup  *group,
                                     BridgePlanSide    side,
                                     const char       *course_id,
                                     GError          **error)
{
  guint i;

  if (!bridge_plan_contains_group (self, group, NULL)
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

  c = bridge_plan_find_component_or_error (self, group, side, course_id, error);
  if (c == NULL || !bridge_validate_multiline (_("The comment"), comment, error))
    return FALSE;
  if (comment && comment[0] == '\0')
    comment = NULL;
  if (g_strcmp0 (c->comment, comment) == 0)
    return TRUE;
  bridge_plan_replace_string (&c->comment, comment);
  bridge_plan_notify_group (self, group);
  bridge_plan_changed (self, FALSE);
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

  if (!bridge_plan_check_unlocked (self, error))
    return FALSE;
  c = bridge_plan_find_component_or_error (self, group, side, course_id, error);
  if (c == NULL)
    return FALSE;
  if (c->automatic == !!automatic && c->is_virtual == !!is_virtual)
    return TRUE;
  c->automatic = !!automatic;
  c->is_virtual = !!is_virtual;
  bridge_plan_notify_group (self, group);
  bridge_plan_changed (self, TRUE);
  return TRUE;
}

/* Two figures differ when they do at the precision the plan shows them. */
static gboolean
figures_differ (double recorded,
                double now)
{
  return recorded > 0 && fabs (recorded - now) >= 0.005;
}

gboolean
bridge_plan_component_compare (const BridgePlanComponent *component,
                               BridgePlanSide             side,
                               BridgeCatalog             *catalog,
                               BridgeCourse              *course,
                               BridgePlanFigures         *figures)
{
  BridgePlanFigures f = { 0 };

  f.credits = bridge_course_get_credits (course);
  f.credits_changed = figures_differ (component->credits, f.credits);
  /* The workload of a home course counts for nothing in the agreement. A
   * plan that recorded none counted the one estimated from the class
   * periods, as it still does unless the course now declares one. */
  if (side == BRIDGE_PLAN_SIDE_HOST && bridge_catalog_get_course_workload (catalog, course, TRUE, &f.workload_hours))
    {
      f.recorded_workload_hours = component->workload_hours;
      if (f.recorded_workload_hours <= 0)
        bridge_catalog_get_course_workload (catalog, course, FALSE, &f.recorded_workload_hours);
      f.workload_changed = figures_differ (f.recorded_workload_hours, f.workload_hours);
    }
  if (figures != NULL)
    *figures = f;
  return f.credits_changed || f.workload_changed;
}

guint
bridge_plan_count_changed (BridgePlan *self)
{
  guint n_changed = 0;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), 0);

  for (guint i = 0; i < bridge_plan_get_n_groups (self); i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self, i);

      for (guint side = 0; side < 2; side++)
        for (guint j = 0; j < group->components[side]->len; j++)
          if (((BridgePlanComponent *) g_ptr_array_index (group->components[side], j))->changed)
            n_changed++;
    }
  return n_changed;
}

gboolean
bridge_plan_use_catalog_figures (BridgePlan     *self,
                                 BridgeCatalog  *catalog,
                                 guint          *n_taken,
                                 GError        **error)
{
  guint n = 0;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), FALSE);

  if (n_taken != NULL)
    *n_taken = 0;
  bridge_plan_refresh (self, catalog);
  if (bridge_plan_count_changed (self) == 0)
    return TRUE;
  if (bridge_plan_get_locked (self))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_PLAN_LOCKED,
                   _("The learning agreement is approved: it keeps the credits and workload it was approved "
                     "with. Reopen it as a new draft to take the catalog’s new figures"));
      return FALSE;
    }
  for (guint i = 0; i < bridge_plan_get_n_groups (self); i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self, i);
      gboolean taken = FALSE;

      for (guint side = 0; side < 2; side++)
        for (guint j = 0; j < group->components[side]->len; j++)
          {
            BridgePlanComponent *c = g_ptr_array_index (group->components[side], j);
            BridgeCourse *course;

            if (!c->changed)
              continue;
            course = bridge_catalog_get_course (catalog, c->course_id, NULL);
            if (course == NULL)
              continue;
            /* As a component made from the course now would record them. */
            c->credits = bridge_course_get_credits (course);
            if (side == BRIDGE_PLAN_SIDE_HOST)
              c->workload_hours = bridge_course_get_workload_hours (course);
            c->changed = FALSE;
            g_clear_object (&course);
            taken = TRUE;
            n++;
          }
      if (taken)
        bridge_plan_notify_group (self, group);
    }
  if (n_taken != NULL)
    *n_taken = n;
  bridge_plan_changed (self, TRUE);
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
            BridgePlanFigures figures = { 0 };
            gboolean differs = course != NULL && bridge_plan_component_compare (c, side, catalog, course, &figures);

            if (unknown)
              n_unknown++;
            if (!differs)
              memset (&figures, 0, sizeof figures);
            if (c->unknown != unknown || c->changed != differs ||
                c->catalog_credits != figures.credits ||
                c->catalog_workload_hours != figures.workload_hours ||
                c->counted_workload_hours != figures.recorded_workload_hours)
              {
                c->unknown = unknown;
                c->changed = differs;
                c->catalog_credits = figures.credits;
                c->catalog_workload_hours = figures.workload_hours;
                c->counted_workload_hours = figures.recorded_workload_hours;
                changed = TRUE;
              }
          }
      if (changed)
        bridge_plan_notify_group (self, group);
    }
  return n_unknown;
}
