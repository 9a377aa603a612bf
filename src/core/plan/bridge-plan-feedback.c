/* bridge-plan-feedback.c: what the student reports of each host course after
 * the stay (hours spent, satisfaction, a comment), its rules, and its place
 * in the plan file (member "feedback", since format version 3)
 *
 * The feedback is the student's, not the agreement's: it is never part of
 * the content the approvals sign nor of the agreement's digest, so it may be
 * recorded on a locked agreement. It may be recorded at any time for a course
 * of Table A; the window offers it on the "After the Stay" page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-plan.h"
#include "bridge-plan-private.h"
#include "bridge-validate.h"

void
bridge_plan_feedback_free (BridgePlanFeedback *feedback)
{
  if (feedback == NULL)
    return;
  g_free (feedback->host_course_id);
  g_free (feedback->comment);
  g_free (feedback);
}

/* The component of Table A for @host_course_id, or NULL. */
static const BridgePlanComponent *
find_host_component (BridgePlan *self,
                     const char *host_course_id)
{
  BridgePlanGroup *group = bridge_plan_find_course (self, BRIDGE_PLAN_SIDE_HOST, host_course_id);

  if (group == NULL)
    return NULL;
  return bridge_plan_group_find_component (group, BRIDGE_PLAN_SIDE_HOST, host_course_id, NULL);
}

/* The one place of the rules on hours, rating and comment; @course names
 * the course in the message. */
static gboolean
check_feedback (const char  *course,
                double       hours,
                guint        rating,
                const char  *comment,
                GError     **error)
{
  if (!isfinite (hours) || hours <= 0 || hours > BRIDGE_PLAN_FEEDBACK_MAX_HOURS)
    {
      char given[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (given, sizeof given, "%g", hours);
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   /* Translators: a course, the hours given, then the most allowed (2000) */
                   _("The hours spent on %s must be more than 0 and at most %d, not %s: "
                     "count every hour of class, self-study and exams"),
                   course, BRIDGE_PLAN_FEEDBACK_MAX_HOURS, given);
      return FALSE;
    }
  if (rating < 1 || rating > 5)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The rating of %s must be a whole number from 1 (very dissatisfied) "
                     "to 5 (very satisfied)"),
                   course);
      return FALSE;
    }
  if (comment != NULL)
    {
      g_autofree char *field = g_strdup_printf (_("The comment on %s"), course);

      if (!bridge_validate_multiline (field, comment, error))
        return FALSE;
      if (g_utf8_strlen (comment, -1) > BRIDGE_PLAN_FEEDBACK_MAX_COMMENT)
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       /* Translators: a course, then the most characters allowed (2000) */
                       _("The comment on %s is longer than %d characters; shorten it"),
                       course, BRIDGE_PLAN_FEEDBACK_MAX_COMMENT);
          return FALSE;
        }
    }
  return TRUE;
}

static void
store_feedback (BridgePlan *self,
                const char *host_course_id,
                double      hours,
                guint       rating,
                const char *comment)
{
  BridgePlanFeedback *f = g_new0 (BridgePlanFeedback, 1);

  f->host_course_id = g_strdup (host_course_id);
  f->hours = hours;
  f->rating = rating;
  f->comment = comment != NULL && comment[0] != '\0' ? g_strdup (comment) : NULL;
  g_hash_table_replace (self->feedback, f->host_course_id, f);
}

/* The file ----------------------------------------------------------------- */

void
bridge_plan_feedback_to_json (BridgePlan  *self,
                              JsonBuilder *b)
{
  g_autoptr(GPtrArray) list = bridge_plan_list_feedback (self);

  if (list->len == 0)
    return;
  json_builder_set_member_name (b, "feedback");
  json_builder_begin_array (b);
  for (guint i = 0; i < list->len; i++)
    {
      const BridgePlanFeedback *f = g_ptr_array_index (list, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "course");
      json_builder_add_string_value (b, f->host_course_id);
      json_builder_set_member_name (b, "hours");
      json_builder_add_double_value (b, f->hours);
      json_builder_set_member_name (b, "rating");
      json_builder_add_int_value (b, f->rating);
      if (f->comment != NULL)
        {
          json_builder_set_member_name (b, "comment");
          json_builder_add_string_value (b, f->comment);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* @o's @member, a number or else a string, or NULL with the error at @path. */
static JsonNode *
get_value (JsonObject  *o,
           const char  *member,
           gboolean     number,
           const char  *file,
           const char  *path,
           GError     **error)
{
  JsonNode *node = json_object_get_member (o, member);
  GType t;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      bridge_plan_load_error (error, file, path, _("“%s” is missing"), member);
      return NULL;
    }
  t = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (number ? (t != G_TYPE_INT64 && t != G_TYPE_DOUBLE) : t != G_TYPE_STRING)
    {
      if (number)
        bridge_plan_load_error (error, file, path, _("“%s” must be a number"), member);
      else
        bridge_plan_load_error (error, file, path, _("“%s” must be a string"), member);
      return NULL;
    }
  return node;
}

gboolean
bridge_plan_load_feedback (BridgePlan  *self,
                           JsonObject  *root,
                           const char  *file,
                           GError     **error)
{
  JsonNode *member = json_object_get_member (root, "feedback");
  g_autoptr(GHashTable) table_a = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (member))
    return bridge_plan_load_error (error, file, "$", _("“%s” must be an array"), "feedback");
  array = json_node_get_array (member);

  /* A set, not bridge_plan_find_course () per entry, which is linear. */
  for (guint i = 0; i < bridge_plan_get_n_groups (self); i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self, i);

      for (guint j = 0; j < bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST); j++)
        g_hash_table_add (table_a, bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, j)->course_id);
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("$.feedback[%u]", i);
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GError) rule = NULL;
      JsonObject *o;
      JsonNode *course, *hours, *rating, *comment;
      const char *id, *text = NULL;
      gint64 stars;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return bridge_plan_load_error (error, file, path, _("must be an object"));
      o = json_node_get_object (element);
      if ((course = get_value (o, "course", FALSE, file, path, error)) == NULL
          || (hours = get_value (o, "hours", TRUE, file, path, error)) == NULL
          || (rating = get_value (o, "rating", TRUE, file, path, error)) == NULL)
        return FALSE;
      comment = json_object_get_member (o, "comment");
      if (comment != NULL && !JSON_NODE_HOLDS_NULL (comment)
          && get_value (o, "comment", FALSE, file, path, error) == NULL)
        return FALSE;
      if (comment != NULL && !JSON_NODE_HOLDS_NULL (comment))
        text = json_node_get_string (comment);

      id = json_node_get_string (course);
      if (!g_hash_table_contains (table_a, id))
        return bridge_plan_load_error (error, file, path,
                                       _("“%s” is not a host course of this plan (Table A); "
                                         "remove its feedback from the file"), id);
      if (g_hash_table_contains (self->feedback, id))
        return bridge_plan_load_error (error, file, path,
                                       _("a second feedback on “%s”; keep one"), id);
      /* 2.5 stars is not a rating; a whole number out of range is checked
       * below, with the rule's own message. */
      if (json_node_get_value_type (rating) != G_TYPE_INT64)
        return bridge_plan_load_error (error, file, path,
                                       _("“%s” must be a whole number from 1 to 5"), "rating");
      stars = json_node_get_int (rating);
      if (!check_feedback (id, json_node_get_double (hours), stars >= 1 && stars <= 5 ? (guint) stars : 0,
                           text, &rule))
        return bridge_plan_load_error (error, file, path, "%s", rule->message);
      store_feedback (self, id, json_node_get_double (hours), (guint) stars, text);
    }
  return TRUE;
}

/* Public API --------------------------------------------------------------- */

gboolean
bridge_plan_set_feedback (BridgePlan  *self,
                          const char  *host_course_id,
                          double       hours,
                          guint        rating,
                          const char  *comment,
                          GError     **error)
{
  const BridgePlanComponent *component;
  g_autofree char *name = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (host_course_id != NULL, FALSE);

  component = find_host_component (self, host_course_id);
  if (component == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("“%s” is not a host course of this plan (Table A)"), host_course_id);
      return FALSE;
    }
  name = bridge_plan_component_name (component);
  if (!check_feedback (name, hours, rating, comment, error))
    return FALSE;
  store_feedback (self, host_course_id, hours, rating, comment);
  /* Not the content: the approvals and the lock stay. */
  bridge_plan_changed (self, FALSE);
  return TRUE;
}

const BridgePlanFeedback *
bridge_plan_get_feedback (BridgePlan *self,
                          const char *host_course_id)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (host_course_id != NULL, NULL);

  /* Feedback on a course that has left Table A is not shown nor saved. */
  if (find_host_component (self, host_course_id) == NULL)
    return NULL;
  return g_hash_table_lookup (self->feedback, host_course_id);
}

gboolean
bridge_plan_clear_feedback (BridgePlan *self,
                            const char *host_course_id)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), FALSE);
  g_return_val_if_fail (host_course_id != NULL, FALSE);

  if (!g_hash_table_remove (self->feedback, host_course_id))
    return FALSE;
  bridge_plan_changed (self, FALSE);
  return TRUE;
}

GPtrArray *
bridge_plan_list_feedback (BridgePlan *self)
{
  GPtrArray *list;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);

  list = g_ptr_array_new ();
  if (g_hash_table_size (self->feedback) == 0)
    return list;
  for (guint i = 0; i < bridge_plan_get_n_groups (self); i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self, i);

      for (guint j = 0; j < bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST); j++)
        {
          const char *id = bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, j)->course_id;
          BridgePlanFeedback *f = g_hash_table_lookup (self->feedback, id);

          /* A course twice in Table A is listed once. */
          if (f != NULL && !g_ptr_array_find (list, f, NULL))
            g_ptr_array_add (list, f);
        }
    }
  return list;
}

gboolean
bridge_plan_parse_feedback_hours (const char  *host_course_id,
                                  const char  *text,
                                  double      *hours,
                                  GError     **error)
{
  g_autofree char *stripped = NULL;
  char *end = NULL;
  double value = 0;

  g_return_val_if_fail (host_course_id != NULL, FALSE);
  g_return_val_if_fail (hours != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  /* Digits, a point and an exponent only: not "nan", "inf" nor hexadecimal. */
  if (stripped[0] != '\0' && stripped[strspn (stripped, "0123456789.eE+-")] == '\0')
    value = g_ascii_strtod (stripped, &end);
  if (end == NULL || end == stripped || *end != '\0' || !isfinite (value))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   /* Translators: what was typed, a course, then the most allowed (2000) */
                   _("“%s” is not a number of hours; give the hours spent on %s as a number "
                     "more than 0 and at most %d, such as 96 or 112.5"),
                   stripped, host_course_id, BRIDGE_PLAN_FEEDBACK_MAX_HOURS);
      return FALSE;
    }
  *hours = value;
  return TRUE;
}

gboolean
bridge_plan_parse_feedback_rating (const char  *host_course_id,
                                   const char  *text,
                                   guint       *rating,
                                   GError     **error)
{
  g_autofree char *stripped = NULL;
  guint64 value;

  g_return_val_if_fail (host_course_id != NULL, FALSE);
  g_return_val_if_fail (rating != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (!g_ascii_string_to_unsigned (stripped, 10, 1, 5, &value, NULL))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("“%s” is not a rating of %s: give a whole number from 1 (very dissatisfied) "
                     "to 5 (very satisfied)"),
                   stripped, host_course_id);
      return FALSE;
    }
  *rating = (guint) value;
  return TRUE;
}

const char *
bridge_plan_feedback_rating_get_label (guint rating)
{
  switch (rating)
    {
    case 1:
      return _("1 — very dissatisfied");
    case 2:
      return _("2 — dissatisfied");
    case 3:
      return _("3 — neutral");
    case 4:
      return _("4 — satisfied");
    case 5:
      return _("5 — very satisfied");
    default:
      return NULL;
    }
}
