/* bridge-model.c: universities, courses, scales and tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-model"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bridge-enum.h"
#include "bridge-error.h"
#include "bridge-model.h"
#include "bridge-model-enums.h"

/* Enumerations: the words of the feed are the nicks of bridge-model-enums.h */

const char *
bridge_kind_to_string (BridgeKind kind)
{
  return bridge_enum_to_nick (BRIDGE_TYPE_KIND, kind);
}

const char *
bridge_cycle_to_string (BridgeCycle cycle)
{
  return bridge_enum_to_nick (BRIDGE_TYPE_CYCLE, cycle);
}

const char *
bridge_level_to_string (BridgeLevel level)
{
  return bridge_enum_to_nick (BRIDGE_TYPE_LEVEL, level);
}

const char *
bridge_delivery_to_string (BridgeDelivery delivery)
{
  return bridge_enum_to_nick (BRIDGE_TYPE_DELIVERY, delivery);
}

gboolean
bridge_cycle_from_string (const char  *str,
                          BridgeCycle *out)
{
  return bridge_enum_from_nick (BRIDGE_TYPE_CYCLE, str, (int *) out);
}

gboolean
bridge_level_from_string (const char  *str,
                          BridgeLevel *out)
{
  return bridge_enum_from_nick (BRIDGE_TYPE_LEVEL, str, (int *) out);
}

gboolean
bridge_delivery_from_string (const char     *str,
                             BridgeDelivery *out)
{
  return bridge_enum_from_nick (BRIDGE_TYPE_DELIVERY, str, (int *) out);
}

const char *
bridge_credit_rounding_to_string (BridgeCreditRounding rounding)
{
  return bridge_enum_to_nick (BRIDGE_TYPE_CREDIT_ROUNDING, rounding);
}

gboolean
bridge_credit_rounding_from_string (const char           *str,
                                    BridgeCreditRounding *out)
{
  return bridge_enum_from_nick (BRIDGE_TYPE_CREDIT_ROUNDING, str, (int *) out);
}

const char *
bridge_cycle_get_label (BridgeCycle cycle)
{
  switch (cycle)
    {
    case BRIDGE_CYCLE_BACHELOR: return _("Bachelor");
    case BRIDGE_CYCLE_MASTER: return _("Master");
    case BRIDGE_CYCLE_DOCTORAL: return _("Doctoral");
    default: g_return_val_if_reached ("");
    }
}

const char *
bridge_level_get_label (BridgeLevel level)
{
  switch (level)
    {
    /* Translators: 通识/公共基础 course */
    case BRIDGE_LEVEL_GENERAL: return _("General education");
    /* Translators: 专业基础 course */
    case BRIDGE_LEVEL_FOUNDATION: return _("Subject foundation");
    /* Translators: 专业核心 course */
    case BRIDGE_LEVEL_CORE: return _("Subject core");
    case BRIDGE_LEVEL_ELECTIVE: return _("Elective");
    default: g_return_val_if_reached ("");
    }
}

const char *
bridge_delivery_get_label (BridgeDelivery delivery)
{
  switch (delivery)
    {
    case BRIDGE_DELIVERY_ON_CAMPUS: return _("On campus");
    case BRIDGE_DELIVERY_ONLINE: return _("Online");
    case BRIDGE_DELIVERY_BLENDED: return _("Blended");
    default: g_return_val_if_reached ("");
    }
}

const char *
bridge_kind_get_label (BridgeKind kind)
{
  switch (kind)
    {
    case BRIDGE_KIND_LECTURE: return _("Lecture");
    case BRIDGE_KIND_LAB: return _("Lab");
    case BRIDGE_KIND_SEMINAR: return _("Seminar");
    case BRIDGE_N_KINDS:
    default: g_return_val_if_reached ("");
    }
}

void
bridge_alliance_clear (BridgeAlliance *self)
{
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, bridge_text_unref);
}

/* Scales, tables, terms */

BridgeGradingScale *
bridge_grading_scale_copy (const BridgeGradingScale *self)
{
  BridgeGradingScale *copy = g_new0 (BridgeGradingScale, 1);

  copy->id = g_strdup (self->id);
  copy->name = self->name ? bridge_text_ref (self->name) : NULL;
  copy->n_grades = self->n_grades;
  copy->grades = g_new0 (BridgeGrade, MAX (self->n_grades, 1));
  for (guint i = 0; i < self->n_grades; i++)
    {
      copy->grades[i] = self->grades[i];
      copy->grades[i].label = g_strdup (self->grades[i].label);
    }
  return copy;
}

void
bridge_grading_scale_free (BridgeGradingScale *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_grades; i++)
    g_free (self->grades[i].label);
  g_free (self->grades);
  g_free (self->id);
  g_clear_pointer (&self->name, bridge_text_unref);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (BridgeGradingScale, bridge_grading_scale,
                     bridge_grading_scale_copy, bridge_grading_scale_free)

const BridgeGrade *
bridge_grading_scale_find (const BridgeGradingScale *self,
                           const char               *label,
                           guint                    *index)
{
  for (guint i = 0; i < self->n_grades; i++)
    if (g_str_equal (self->grades[i].label, label))
      {
        if (index != NULL)
          *index = i;
        return &self->grades[i];
      }
  return NULL;
}

BridgeGradingTable *
bridge_grading_table_copy (const BridgeGradingTable *self)
{
  BridgeGradingTable *copy = g_new0 (BridgeGradingTable, 1);

  copy->university = g_strdup (self->university);
  copy->scale = g_strdup (self->scale);
  copy->isced = g_strdup (self->isced);
  copy->cycle = self->cycle;
  copy->period = g_strdup (self->period);
  copy->n_counts = self->n_counts;
  copy->counts = g_new0 (BridgeGradeCount, MAX (self->n_counts, 1));
  for (guint i = 0; i < self->n_counts; i++)
    {
      copy->counts[i].grade = g_strdup (self->counts[i].grade);
      copy->counts[i].count = self->counts[i].count;
    }
  return copy;
}

void
bridge_grading_table_free (BridgeGradingTable *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_counts; i++)
    g_free (self->counts[i].grade);
  g_free (self->counts);
  g_free (self->university);
  g_free (self->scale);
  g_free (self->isced);
  g_free (self->period);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (BridgeGradingTable, bridge_grading_table,
                     bridge_grading_table_copy, bridge_grading_table_free)

void
bridge_term_free (BridgeTerm *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_clear_pointer (&self->name, bridge_text_unref);
  g_free (self->start);
  g_free (self->end);
  g_free (self);
}

/* JSON helpers for objects the feed reader has already checked */

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static double
member_double (JsonObject *object,
               const char *name,
               double      fallback)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  return json_node_get_double (node);
}

static BridgeText *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return bridge_text_new_from_json (json_node_get_object (node));
}

static char **
member_strv (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element)
              && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }
  return g_strv_builder_end (builder);
}

/* BridgeUniversity */

struct _BridgeUniversity
{
  GObject             parent_instance;

  char               *id;
  BridgeText         *name;
  BridgeText         *city;
  char               *hei_id;
  char               *website;
  BridgeCreditPolicy  policy;
  GPtrArray          *scales;
  GPtrArray          *tables;
  GPtrArray          *terms;
};

G_DEFINE_FINAL_TYPE (BridgeUniversity, bridge_university, G_TYPE_OBJECT)

static void
bridge_university_finalize (GObject *object)
{
  BridgeUniversity *self = (BridgeUniversity *) object;

  g_free (self->id);
  g_clear_pointer (&self->name, bridge_text_unref);
  g_clear_pointer (&self->city, bridge_text_unref);
  g_free (self->hei_id);
  g_free (self->website);
  g_ptr_array_unref (self->scales);
  g_ptr_array_unref (self->tables);
  g_ptr_array_unref (self->terms);

  G_OBJECT_CLASS (bridge_university_parent_class)->finalize (object);
}

static void
bridge_university_class_init (BridgeUniversityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bridge_university_finalize;
}

static void
bridge_university_init (BridgeUniversity *self)
{
  self->scales = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_grading_scale_free);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_grading_table_free);
  self->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_term_free);
  self->policy.credit_step = 0.5;
}

BridgeUniversity *
bridge_university_new (const char *id)
{
  BridgeUniversity *self = g_object_new (BRIDGE_TYPE_UNIVERSITY, NULL);

  self->id = g_strdup (id);
  self->name = bridge_text_new (NULL, id);
  self->city = bridge_text_new (NULL, NULL);
  return self;
}

static void
read_kinds (JsonObject *object,
            const char *name,
            double      values[BRIDGE_N_KINDS])
{
  JsonNode *node = json_object_get_member (object, name);

  for (guint k = 0; k < BRIDGE_N_KINDS; k++)
    values[k] = 0;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  for (guint k = 0; k < BRIDGE_N_KINDS; k++)
    values[k] = member_double (json_node_get_object (node), bridge_kind_to_string (k), 0);
}

BridgeUniversity *
bridge_university_new_from_json (JsonObject  *object,
                                 GError     **error)
{
  g_autoptr(BridgeUniversity) self = NULL;
  const char *id = member_string (object, "id");
  JsonNode *node;

  if (id == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED, "A university has no id");
      return NULL;
    }

  self = bridge_university_new (id);
  g_clear_pointer (&self->name, bridge_text_unref);
  g_clear_pointer (&self->city, bridge_text_unref);
  self->name = member_text (object, "name");
  self->city = member_text (object, "city");
  if (self->name == NULL)
    self->name = bridge_text_new (NULL, id);
  if (self->city == NULL)
    self->city = bridge_text_new (NULL, NULL);
  self->hei_id = g_strdup (member_string (object, "hei_id"));
  self->website = g_strdup (member_string (object, "website"));

  node = json_object_get_member (object, "credit_policy");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *policy = json_node_get_object (node);

      self->policy.period_minutes = member_double (policy, "period_minutes", 0);
      read_kinds (policy, "periods_per_credit", self->policy.periods_per_credit);
      read_kinds (policy, "self_study_ratio", self->policy.self_study_ratio);
      self->policy.practice_week_hours = member_double (policy, "practice_week_hours", 0);
      self->policy.weeks_per_practice_credit = member_double (policy, "weeks_per_practice_credit", 0);
      self->policy.credit_step = member_double (policy, "credit_step", 0.5);
      if (!bridge_credit_rounding_from_string (member_string (policy, "rounding"), &self->policy.rounding))
        self->policy.rounding = BRIDGE_CREDIT_ROUNDING_DOWN;
      node = json_object_get_member (policy, "term_load");
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        {
          self->policy.term_load_min = member_double (json_node_get_object (node), "min", 0);
          self->policy.term_load_max = member_double (json_node_get_object (node), "max", 0);
        }
    }

  node = json_object_get_member (object, "grading_scales");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *scales = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (scales); i++)
        {
          JsonObject *s = json_array_get_object_element (scales, i);
          JsonArray *grades;
          BridgeGradingScale *scale;

          if (s == NULL || !json_object_has_member (s, "grades"))
            continue;
          grades = json_object_get_array_member (s, "grades");
          scale = g_new0 (BridgeGradingScale, 1);
          scale->id = g_strdup (member_string (s, "id"));
          scale->name = member_text (s, "name");
          if (scale->name == NULL)
            scale->name = bridge_text_new (NULL, scale->id);
          scale->n_grades = grades ? json_array_get_length (grades) : 0;
          scale->grades = g_new0 (BridgeGrade, MAX (scale->n_grades, 1));
          for (guint g = 0; g < scale->n_grades; g++)
            {
              JsonObject *grade = json_array_get_object_element (grades, g);
              BridgeGrade *out = &scale->grades[g];

              if (grade == NULL)
                continue;
              out->label = g_strdup (member_string (grade, "label"));
              out->has_band = json_object_has_member (grade, "min")
                              && json_object_has_member (grade, "max");
              out->min = member_double (grade, "min", 0);
              out->max = member_double (grade, "max", 0);
              out->passing = json_object_has_member (grade, "passing")
                             && json_object_get_boolean_member (grade, "passing");
            }
          g_ptr_array_add (self->scales, scale);
        }
    }

  node = json_object_get_member (object, "grading_tables");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *tables = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (tables); i++)
        {
          JsonObject *t = json_array_get_object_element (tables, i);
          JsonArray *counts;
          BridgeGradingTable *table;

          if (t == NULL || !json_object_has_member (t, "counts"))
            continue;
          counts = json_object_get_array_member (t, "counts");
          table = g_new0 (BridgeGradingTable, 1);
          table->university = g_strdup (id);
          table->scale = g_strdup (member_string (t, "scale"));
          table->isced = g_strdup (member_string (t, "isced"));
          bridge_cycle_from_string (member_string (t, "cycle"), &table->cycle);
          table->period = g_strdup (member_string (t, "period"));
          table->n_counts = counts ? json_array_get_length (counts) : 0;
          table->counts = g_new0 (BridgeGradeCount, MAX (table->n_counts, 1));
          for (guint c = 0; c < table->n_counts; c++)
            {
              JsonObject *count = json_array_get_object_element (counts, c);

              if (count == NULL)
                continue;
              table->counts[c].grade = g_strdup (member_string (count, "grade"));
              table->counts[c].count = json_object_get_int_member (count, "count");
            }
          g_ptr_array_add (self->tables, table);
        }
    }

  node = json_object_get_member (object, "terms");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *terms = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (terms); i++)
        {
          JsonObject *t = json_array_get_object_element (terms, i);
          BridgeTerm *term;

          if (t == NULL)
            continue;
          term = g_new0 (BridgeTerm, 1);
          term->id = g_strdup (member_string (t, "id"));
          term->name = member_text (t, "name");
          if (term->name == NULL)
            term->name = bridge_text_new (NULL, term->id);
          term->start = g_strdup (member_string (t, "start"));
          term->end = g_strdup (member_string (t, "end"));
          g_ptr_array_add (self->terms, term);
        }
    }

  return g_steal_pointer (&self);
}

const char *
bridge_university_get_id (BridgeUniversity *self)
{
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (self), NULL);
  return self->id;
}

const char *
bridge_university_get_label (BridgeUniversity *self)
{
  const char *label;

  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (self), NULL);
  label = self->name != NULL ? bridge_text_pick (self->name) : NULL;
  return label != NULL && *label != '\0' ? label : self->id;
}

BridgeText *
bridge_university_get_name (BridgeUniversity *self)
{
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (self), NULL);
  return self->name;
}

BridgeText *
bridge_university_get_city (BridgeUniversity *self)
{
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (self), NULL);
  return self->city;
}

const char *
bridge_university_get_hei_id (BridgeUniversity *self)
{
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (self), NULL);
  return self->hei_id;
}

const char *
bridge_university_get_website (BridgeUniversity *self)
{
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (self), NULL);
  return self->website;
}

const BridgeCreditPolicy *
bridge_university_get_policy (BridgeUniversity *self)
{
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (self), NULL);
  return &self->policy;
}

GPtrArray *
bridge_university_get_scales (BridgeUniversity *self)
{
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (self), NULL);
  return self->scales;
}

GPtrArray *
bridge_university_get_tables (BridgeUniversity *self)
{
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (self), NULL);
  return self->tables;
}

GPtrArray *
bridge_university_get_terms (BridgeUniversity *self)
{
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (self), NULL);
  return self->terms;
}

const BridgeGradingScale *
bridge_university_find_scale (BridgeUniversity *self,
                              const char       *scale_id)
{
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (self), NULL);

  for (guint i = 0; i < self->scales->len; i++)
    {
      const BridgeGradingScale *scale = g_ptr_array_index (self->scales, i);

      if (g_strcmp0 (scale->id, scale_id) == 0)
        return scale;
    }
  return NULL;
}

const BridgeTerm *
bridge_university_find_term (BridgeUniversity *self,
                             const char       *term_id)
{
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (self), NULL);

  for (guint i = 0; i < self->terms->len; i++)
    {
      const BridgeTerm *term = g_ptr_array_index (self->terms, i);

      if (g_strcmp0 (term->id, term_id) == 0)
        return term;
    }
  return NULL;
}

/* The table with the same cycle and the longest ISCED code that is a prefix
 * of @isced (catalog-feed.md, "Which table applies"). */
const BridgeGradingTable *
bridge_university_find_table (BridgeUniversity *self,
                              const char       *isced,
                              BridgeCycle       cycle)
{
  const BridgeGradingTable *best = NULL;
  gsize best_len = 0;

  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (self), NULL);
  g_return_val_if_fail (isced != NULL, NULL);

  for (guint i = 0; i < self->tables->len; i++)
    {
      const BridgeGradingTable *table = g_ptr_array_index (self->tables, i);
      gsize len = table->isced ? strlen (table->isced) : 0;

      if (table->cycle != cycle || len == 0 || len <= best_len)
        continue;
      if (g_str_has_prefix (isced, table->isced))
        {
          best = table;
          best_len = len;
        }
    }
  return best;
}

void
bridge_university_set_name (BridgeUniversity *self,
                            BridgeText       *name)
{
  g_return_if_fail (BRIDGE_IS_UNIVERSITY (self));
  g_clear_pointer (&self->name, bridge_text_unref);
  self->name = name ? bridge_text_ref (name) : bridge_text_new (NULL, self->id);
}

void
bridge_university_set_city (BridgeUniversity *self,
                            BridgeText       *city)
{
  g_return_if_fail (BRIDGE_IS_UNIVERSITY (self));
  g_clear_pointer (&self->city, bridge_text_unref);
  self->city = city ? bridge_text_ref (city) : bridge_text_new (NULL, NULL);
}

void
bridge_university_set_hei_id (BridgeUniversity *self,
                              const char       *hei_id)
{
  g_return_if_fail (BRIDGE_IS_UNIVERSITY (self));
  g_free (self->hei_id);
  self->hei_id = g_strdup (hei_id);
}

void
bridge_university_set_website (BridgeUniversity *self,
                               const char       *website)
{
  g_return_if_fail (BRIDGE_IS_UNIVERSITY (self));
  g_free (self->website);
  self->website = g_strdup (website);
}

void
bridge_university_set_policy (BridgeUniversity         *self,
                              const BridgeCreditPolicy *policy)
{
  g_return_if_fail (BRIDGE_IS_UNIVERSITY (self));
  self->policy = *policy;
}

void
bridge_university_add_scale (BridgeUniversity   *self,
                             BridgeGradingScale *scale)
{
  g_return_if_fail (BRIDGE_IS_UNIVERSITY (self));
  g_ptr_array_add (self->scales, scale);
}

void
bridge_university_add_table (BridgeUniversity   *self,
                             BridgeGradingTable *table)
{
  g_return_if_fail (BRIDGE_IS_UNIVERSITY (self));
  g_ptr_array_add (self->tables, table);
}

void
bridge_university_add_term (BridgeUniversity *self,
                            BridgeTerm       *term)
{
  g_return_if_fail (BRIDGE_IS_UNIVERSITY (self));
  g_ptr_array_add (self->terms, term);
}

/* BridgeCourse */

struct _BridgeCourse
{
  GObject         parent_instance;

  gint64          rowid;
  char           *id;
  char           *university_id;
  char           *code;
  BridgeText     *title;
  char           *isced;
  BridgeCycle     cycle;
  BridgeLevel     level;
  double          periods[BRIDGE_N_KINDS];
  double          practice_weeks;
  double          workload_hours;
  double          credits;
  char           *grading_scale;
  char          **terms;
  char          **languages;
  BridgeDelivery  delivery;
  gint64          seats;
  GPtrArray      *learning_outcomes;
  char          **prerequisites;
  BridgeText     *description;
  char           *url;
  char           *raw_json;
  BridgeText     *university_name;
};

G_DEFINE_FINAL_TYPE (BridgeCourse, bridge_course, G_TYPE_OBJECT)

static void
bridge_course_finalize (GObject *object)
{
  BridgeCourse *self = (BridgeCourse *) object;

  g_free (self->id);
  g_free (self->university_id);
  g_free (self->code);
  g_clear_pointer (&self->title, bridge_text_unref);
  g_free (self->isced);
  g_free (self->grading_scale);
  g_strfreev (self->terms);
  g_strfreev (self->languages);
  g_ptr_array_unref (self->learning_outcomes);
  g_strfreev (self->prerequisites);
  g_clear_pointer (&self->description, bridge_text_unref);
  g_free (self->url);
  g_free (self->raw_json);
  g_clear_pointer (&self->university_name, bridge_text_unref);

  G_OBJECT_CLASS (bridge_course_parent_class)->finalize (object);
}

static void
bridge_course_class_init (BridgeCourseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bridge_course_finalize;
}

static void
bridge_course_init (BridgeCourse *self)
{
  self->learning_outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_text_unref);
  self->seats = -1;
  self->terms = g_new0 (char *, 1);
  self->languages = g_new0 (char *, 1);
  self->prerequisites = g_new0 (char *, 1);
}

BridgeCourse *
bridge_course_new (const char *id)
{
  BridgeCourse *self = g_object_new (BRIDGE_TYPE_COURSE, NULL);

  self->id = g_strdup (id);
  self->title = bridge_text_new (NULL, id);
  return self;
}

BridgeCourse *
bridge_course_new_from_json (JsonObject  *object,
                             const char  *raw_json,
                             GError     **error)
{
  g_autoptr(BridgeCourse) self = NULL;
  const char *id = member_string (object, "id");
  JsonNode *node;

  if (id == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED, "A course has no id");
      return NULL;
    }

  self = bridge_course_new (id);
  self->university_id = g_strdup (member_string (object, "university"));
  self->code = g_strdup (member_string (object, "code"));
  g_clear_pointer (&self->title, bridge_text_unref);
  self->title = member_text (object, "title");
  if (self->title == NULL)
    self->title = bridge_text_new (NULL, id);
  self->isced = g_strdup (member_string (object, "isced"));
  bridge_cycle_from_string (member_string (object, "cycle"), &self->cycle);
  bridge_level_from_string (member_string (object, "level"), &self->level);
  read_kinds (object, "periods", self->periods);
  self->practice_weeks = member_double (object, "practice_weeks", 0);
  self->workload_hours = member_double (object, "workload_hours", 0);
  self->credits = member_double (object, "credits", 0);
  self->grading_scale = g_strdup (member_string (object, "grading_scale"));
  g_strfreev (self->terms);
  self->terms = member_strv (object, "terms");
  g_strfreev (self->languages);
  self->languages = member_strv (object, "languages");
  bridge_delivery_from_string (member_string (object, "delivery"), &self->delivery);
  node = json_object_get_member (object, "seats");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    self->seats = json_node_get_int (node);
  node = json_object_get_member (object, "learning_outcomes");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *outcomes = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (outcomes); i++)
        {
          JsonNode *element = json_array_get_element (outcomes, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            g_ptr_array_add (self->learning_outcomes,
                             bridge_text_new_from_json (json_node_get_object (element)));
        }
    }
  g_strfreev (self->prerequisites);
  self->prerequisites = member_strv (object, "prerequisites");
  self->description = member_text (object, "description");
  self->url = g_strdup (member_string (object, "url"));
  if (raw_json != NULL)
    self->raw_json = g_strdup (raw_json);
  else
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (root, object);
      self->raw_json = json_to_string (root, FALSE);
    }

  return g_steal_pointer (&self);
}

#define COURSE_GETTER(type, name, field) \
  type \
  bridge_course_get_##name (BridgeCourse *self) \
  { \
    g_return_val_if_fail (BRIDGE_IS_COURSE (self), (type) 0); \
    return self->field; \
  }

COURSE_GETTER (const char *, id, id)
COURSE_GETTER (const char *, university_id, university_id)
COURSE_GETTER (const char *, code, code)
COURSE_GETTER (BridgeText *, title, title)
COURSE_GETTER (const char *, isced, isced)
COURSE_GETTER (BridgeCycle, cycle, cycle)
COURSE_GETTER (BridgeLevel, level, level)
COURSE_GETTER (double, practice_weeks, practice_weeks)
COURSE_GETTER (double, workload_hours, workload_hours)
COURSE_GETTER (double, credits, credits)
COURSE_GETTER (const char *, grading_scale, grading_scale)
COURSE_GETTER (BridgeDelivery, delivery, delivery)
COURSE_GETTER (gint64, seats, seats)
COURSE_GETTER (GPtrArray *, learning_outcomes, learning_outcomes)
COURSE_GETTER (BridgeText *, description, description)
COURSE_GETTER (const char *, url, url)
COURSE_GETTER (const char *, raw_json, raw_json)
COURSE_GETTER (BridgeText *, university_name, university_name)
COURSE_GETTER (gint64, rowid, rowid)

double
bridge_course_get_periods (BridgeCourse *self,
                           BridgeKind    kind)
{
  g_return_val_if_fail (BRIDGE_IS_COURSE (self), 0);
  g_return_val_if_fail (kind < BRIDGE_N_KINDS, 0);
  return self->periods[kind];
}

const char * const *
bridge_course_get_terms (BridgeCourse *self)
{
  g_return_val_if_fail (BRIDGE_IS_COURSE (self), NULL);
  return (const char * const *) self->terms;
}

const char * const *
bridge_course_get_languages (BridgeCourse *self)
{
  g_return_val_if_fail (BRIDGE_IS_COURSE (self), NULL);
  return (const char * const *) self->languages;
}

const char * const *
bridge_course_get_prerequisites (BridgeCourse *self)
{
  g_return_val_if_fail (BRIDGE_IS_COURSE (self), NULL);
  return (const char * const *) self->prerequisites;
}

void
bridge_course_set_university_name (BridgeCourse *self,
                                   BridgeText   *name)
{
  g_return_if_fail (BRIDGE_IS_COURSE (self));
  g_clear_pointer (&self->university_name, bridge_text_unref);
  self->university_name = name ? bridge_text_ref (name) : NULL;
}

void
bridge_course_set_rowid (BridgeCourse *self,
                         gint64        rowid)
{
  g_return_if_fail (BRIDGE_IS_COURSE (self));
  self->rowid = rowid;
}

/* BridgeEquivalence */

BridgeEquivalence *
bridge_equivalence_new_from_json (JsonObject  *object,
                                  GError     **error)
{
  const char *id = member_string (object, "id");
  const char *home = member_string (object, "home");
  const char *decided = member_string (object, "decided");
  BridgeEquivalence *self;

  if (id == NULL || home == NULL || decided == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED,
                   "An equivalence lacks its id, home university or date");
      return NULL;
    }
  self = g_new0 (BridgeEquivalence, 1);
  self->id = g_strdup (id);
  self->home = g_strdup (home);
  self->host_courses = member_strv (object, "host_courses");
  self->home_courses = member_strv (object, "home_courses");
  self->home_credits = member_double (object, "home_credits", 0);
  self->decided = g_strdup (decided);
  self->valid_until = g_strdup (member_string (object, "valid_until"));
  self->conditions = member_text (object, "conditions");
  self->reference = g_strdup (member_string (object, "reference"));
  return self;
}

BridgeEquivalence *
bridge_equivalence_copy (const BridgeEquivalence *self)
{
  BridgeEquivalence *copy;

  if (self == NULL)
    return NULL;
  copy = g_new0 (BridgeEquivalence, 1);
  copy->id = g_strdup (self->id);
  copy->home = g_strdup (self->home);
  copy->host = g_strdup (self->host);
  copy->host_courses = g_strdupv (self->host_courses);
  copy->home_courses = g_strdupv (self->home_courses);
  copy->home_credits = self->home_credits;
  copy->decided = g_strdup (self->decided);
  copy->valid_until = g_strdup (self->valid_until);
  copy->conditions = self->conditions ? bridge_text_ref (self->conditions) : NULL;
  copy->reference = g_strdup (self->reference);
  return copy;
}

void
bridge_equivalence_free (BridgeEquivalence *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->home);
  g_free (self->host);
  g_strfreev (self->host_courses);
  g_strfreev (self->home_courses);
  g_free (self->decided);
  g_free (self->valid_until);
  g_clear_pointer (&self->conditions, bridge_text_unref);
  g_free (self->reference);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (BridgeEquivalence, bridge_equivalence,
                     bridge_equivalence_copy, bridge_equivalence_free)

gboolean
bridge_equivalence_is_expired (const BridgeEquivalence *self,
                               const char              *today)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  /* Both are YYYY-MM-DD: they sort as the days do. */
  return self->valid_until != NULL && strcmp (today, self->valid_until) > 0;
}

gboolean
bridge_equivalence_is_elective (const BridgeEquivalence *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->home_courses == NULL || self->home_courses[0] == NULL;
}

gboolean
bridge_equivalence_has_host_course (const BridgeEquivalence *self,
                                    const char              *course_id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return course_id != NULL && self->host_courses != NULL
         && g_strv_contains ((const char * const *) self->host_courses, course_id);
}

gboolean
bridge_equivalence_has_home_course (const BridgeEquivalence *self,
                                    const char              *course_id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return course_id != NULL && self->home_courses != NULL
         && g_strv_contains ((const char * const *) self->home_courses, course_id);
}

/* Certificates */

static void
certificate_recognition_clear (BridgeCertificateRecognition *recognition)
{
  g_clear_pointer (&recognition->university, g_free);
  g_clear_pointer (&recognition->replaces, g_strfreev);
}

static GArray *
certificate_recognitions_new (void)
{
  GArray *recognitions = g_array_new (FALSE, TRUE, sizeof (BridgeCertificateRecognition));

  g_array_set_clear_func (recognitions, (GDestroyNotify) certificate_recognition_clear);
  return recognitions;
}

BridgeCertificate *
bridge_certificate_new_from_json (JsonObject  *object,
                                  GError     **error)
{
  const char *id = member_string (object, "id");
  JsonNode *node = json_object_get_member (object, "recognitions");
  g_autoptr(BridgeCertificate) self = NULL;

  if (id == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED,
                   "A certificate lacks its id");
      return NULL;
    }
  self = g_new0 (BridgeCertificate, 1);
  self->id = g_strdup (id);
  self->name = member_text (object, "name");
  self->issuer = member_text (object, "issuer");
  self->level = g_strdup (member_string (object, "level"));
  self->isced = g_strdup (member_string (object, "isced"));
  self->workload_hours = member_double (object, "workload_hours", 0);
  self->recognitions = certificate_recognitions_new ();
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          BridgeCertificateRecognition recognition = { NULL };
          JsonObject *r;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            continue;
          r = json_node_get_object (element);
          if (member_string (r, "university") == NULL)
            {
              g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED,
                           "A recognition of the certificate %s lacks its university", id);
              return NULL;
            }
          recognition.university = g_strdup (member_string (r, "university"));
          recognition.credits = member_double (r, "credits", 0);
          recognition.replaces = member_strv (r, "replaces");
          recognition.valid_years = member_double (r, "valid_years", 0);
          g_array_append_val (self->recognitions, recognition);
        }
    }
  return g_steal_pointer (&self);
}

BridgeCertificate *
bridge_certificate_copy (const BridgeCertificate *self)
{
  BridgeCertificate *copy;

  if (self == NULL)
    return NULL;
  copy = g_new0 (BridgeCertificate, 1);
  copy->id = g_strdup (self->id);
  copy->name = self->name != NULL ? bridge_text_ref (self->name) : NULL;
  copy->issuer = self->issuer != NULL ? bridge_text_ref (self->issuer) : NULL;
  copy->level = g_strdup (self->level);
  copy->isced = g_strdup (self->isced);
  copy->workload_hours = self->workload_hours;
  copy->recognitions = certificate_recognitions_new ();
  for (guint i = 0; self->recognitions != NULL && i < self->recognitions->len; i++)
    {
      const BridgeCertificateRecognition *r = &g_array_index (self->recognitions, BridgeCertificateRecognition, i);
      BridgeCertificateRecognition recognition = {
        g_strdup (r->university), r->credits, g_strdupv (r->replaces), r->valid_years
      };

      g_array_append_val (copy->recognitions, recognition);
    }
  return copy;
}

void
bridge_certificate_free (BridgeCertificate *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_clear_pointer (&self->name, bridge_text_unref);
  g_clear_pointer (&self->issuer, bridge_text_unref);
  g_free (self->level);
  g_free (self->isced);
  g_clear_pointer (&self->recognitions, g_array_unref);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (BridgeCertificate, bridge_certificate,
                     bridge_certificate_copy, bridge_certificate_free)

const BridgeCertificateRecognition *
bridge_certificate_find_recognition (const BridgeCertificate *self,
                                     const char              *university_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; university_id != NULL && self->recognitions != NULL && i < self->recognitions->len; i++)
    {
      const BridgeCertificateRecognition *r = &g_array_index (self->recognitions, BridgeCertificateRecognition, i);

      if (g_strcmp0 (r->university, university_id) == 0)
        return r;
    }
  return NULL;
}
