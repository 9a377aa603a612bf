/* fuzz-feed.c: libFuzzer harness for the catalog feed reader
 *
 * The input is a root document and up to two course files (see
 * fuzz-feed.h). The harness reads them with bridge_feed_read_bytes() and a
 * sink that touches every object it is handed and checks what bridge-feed.h
 * promises ("the sink may trust what it is given"): the order of the calls,
 * the types and ranges of every member the importer and the model read,
 * valid UTF-8, unique ids, resolved references, a digest of every byte,
 * errors and warnings that begin with their place. It also builds the
 * model objects (BridgeUniversity, BridgeCourse) from what it is given, as
 * the catalog does when it reads the cache back. Any broken promise aborts,
 * so libFuzzer reports it like a crash.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-feed"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-feed.h"
#include "bridge-model.h"
#include "bridge-text.h"
#include "fuzz-common.h"
#include "fuzz-feed.h"

typedef enum
{
  STAGE_NONE,
  STAGE_BEGUN,
  STAGE_UNIVERSITIES,
  STAGE_CERTIFICATES,
  STAGE_COURSES,
  STAGE_ENDED,
} Stage;

typedef struct
{
  /* The input, split */
  GBytes     *parts[3];
  guint       n_parts;
  GPtrArray  *names;          /* course file names asked for, in order */
  GChecksum  *checksum;       /* of the root and every course file handed out */

  Stage       stage;
  guint       begins, ends;
  GHashTable *universities;   /* id → set of scale ids (GHashTable) */
  GHashTable *certificates;   /* ids */
  GHashTable *courses;        /* ids */
  GPtrArray  *prerequisites;  /* element-type utf8: every id a course or recognition names */
  guint64     touched;        /* keeps the touching from being optimised away */
} Fuzz;

/* Touching */

static void
touch_node (Fuzz     *fuzz,
            JsonNode *node,
            guint     depth)
{
  ORACLE (depth <= BRIDGE_FEED_MAX_DEPTH + 1, "nesting %u is deeper than the reader allows", depth);
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *member;
        JsonNode *child;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &member, &child))
          {
            fuzz->touched += strlen (member);
            touch_node (fuzz, child, depth + 1);
          }
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          touch_node (fuzz, json_array_get_element (array, i), depth + 1);
      }
      break;
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          fuzz->touched += strlen (json_node_get_string (node));
          break;
        case G_TYPE_INT64:
          fuzz->touched += (guint64) json_node_get_int (node);
          break;
        case G_TYPE_DOUBLE:
          fuzz->touched += isfinite (json_node_get_double (node)) ? 1 : 2;
          break;
        case G_TYPE_BOOLEAN:
          fuzz->touched += json_node_get_boolean (node);
          break;
        default:
          ORACLE (FALSE, "a JSON value of type %s", g_type_name (json_node_get_value_type (node)));
        }
      break;
    case JSON_NODE_NULL:
      fuzz->touched++;
      break;
    default:
      ORACLE (FALSE, "a JSON node of type %d", (int) JSON_NODE_TYPE (node));
    }
}

static void
touch_object (Fuzz       *fuzz,
              JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  touch_node (fuzz, node, 0);
}

static void
touch_text (Fuzz       *fuzz,
            BridgeText *text)
{
  const char *picked;

  if (text == NULL)
    return;
  picked = bridge_text_pick (text);
  ORACLE (picked != NULL && g_utf8_validate (picked, -1, NULL), "a localised text picks no valid text");
  fuzz->touched += strlen (picked);
}

/* The contract of member types */

static gboolean
is_string_node (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number_node (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* A valid UTF-8, non-empty string member. */
static const char *
want_string (JsonObject *object,
             const char *what,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *s;

  ORACLE (is_string_node (node), "%s.%s is not a string", what, member);
  s = json_node_get_string (node);
  ORACLE_KNOWN ("member-utf8", g_utf8_validate (s, -1, NULL), "%s.%s is not valid UTF-8", what, member);
  ORACLE (*s != '\0', "%s.%s is empty", what, member);
  return s;
}

static const char *
want_id (JsonObject *object,
         const char *what,
         const char *member)
{
  const char *s = want_string (object, what, member);

  ORACLE (bridge_feed_is_identifier (s), "%s.%s “%s” is not an identifier", what, member, s);
  return s;
}

static const char *
want_enum (JsonObject         *object,
           const char         *what,
           const char         *member,
           const char * const *values)
{
  const char *s = want_string (object, what, member);

  ORACLE (g_strv_contains (values, s), "%s.%s “%s” is not one of the allowed values", what, member, s);
  return s;
}

static double
want_number (JsonObject *object,
             const char *what,
             const char *member,
             gboolean    positive)
{
  JsonNode *node = json_object_get_member (object, member);
  double value;

  ORACLE (is_number_node (node), "%s.%s is not a number", what, member);
  value = json_node_get_double (node);
  ORACLE (isfinite (value), "%s.%s is not finite", what, member);
  ORACLE (positive ? value > 0 : value >= 0, "%s.%s is %g", what, member, value);
  return value;
}

static void
want_optional_number (JsonObject *object,
                      const char *what,
                      const char *member,
                      gboolean    positive)
{
  if (json_object_has_member (object, member))
    want_number (object, what, member, positive);
}

static void
want_text_node (JsonNode   *node,
                const char *what)
{
  JsonObjectIter iter;
  const char *lang;
  JsonNode *value;
  JsonObject *text;

  ORACLE (node != NULL && JSON_NODE_HOLDS_OBJECT (node), "%s is not a localised text", what);
  text = json_node_get_object (node);
  ORACLE (json_object_has_member (text, "zh") || json_object_has_member (text, "en"), "%s has neither zh nor en", what);
  json_object_iter_init (&iter, text);
  while (json_object_iter_next (&iter, &lang, &value))
    {
      ORACLE (is_string_node (value), "%s.%s is not a string", what, lang);
      ORACLE (g_utf8_validate (json_node_get_string (value), -1, NULL), "%s.%s is not valid UTF-8", what, lang);
      ORACLE (*json_node_get_string (value) != '\0', "%s.%s is empty", what, lang);
    }
}

static void
want_text (JsonObject *object,
           const char *what,
           const char *member,
           gboolean    required)
{
  g_autofree char *where = g_strdup_printf ("%s.%s", what, member);

  if (!required && !json_object_has_member (object, member))
    return;
  want_text_node (json_object_get_member (object, member), where);
}

static JsonArray *
want_array (JsonObject *object,
            const char *what,
            const char *member,
            gboolean    required,
            guint       min_items)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && !required)
    return NULL;
  ORACLE (node != NULL && JSON_NODE_HOLDS_ARRAY (node), "%s.%s is not an array", what, member);
  ORACLE (json_array_get_length (json_node_get_array (node)) >= min_items,
          "%s.%s has fewer than %u items", what, member, min_items);
  return json_node_get_array (node);
}

/* Every element a string (identifier when @ids); returns the array or NULL. */
static JsonArray *
want_strings (JsonObject *object,
              const char *what,
              const char *member,
              gboolean    required,
              guint       min_items,
              gboolean    ids)
{
  JsonArray *array = want_array (object, what, member, required, min_items);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *s;

      ORACLE (is_string_node (element), "%s.%s[%u] is not a string", what, member, i);
      s = json_node_get_string (element);
      ORACLE_KNOWN ("member-utf8", g_utf8_validate (s, -1, NULL), "%s.%s[%u] is not valid UTF-8", what, member, i);
      ORACLE (*s != '\0', "%s.%s[%u] is empty", what, member, i);
      ORACLE (!ids || bridge_feed_is_identifier (s), "%s.%s[%u] “%s” is not an identifier", what, member, i, s);
    }
  return array;
}

static void
want_kinds (JsonObject *object,
            const char *what,
            const char *member)
{
  static const char * const kinds[] = { "lecture", "lab", "seminar", NULL };
  JsonNode *node = json_object_get_member (object, member);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  ORACLE (node != NULL && JSON_NODE_HOLDS_OBJECT (node), "%s.%s is not an object", what, member);
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    {
      ORACLE (g_strv_contains (kinds, name), "%s.%s has the kind “%s”", what, member, name);
      ORACLE (is_number_node (value) && isfinite (json_node_get_double (value)) && json_node_get_double (value) >= 0,
              "%s.%s.%s is not a number ≥ 0", what, member, name);
    }
}

/* Places, errors, warnings */

static void
want_place (Fuzz       *fuzz,
            const char *place,
            const char *what)
{
  gboolean known = g_str_has_prefix (place, "feed.json");

  ORACLE (place != NULL && *place != '\0', "%s has no place", what);
  ORACLE_KNOWN ("message-utf8", g_utf8_validate (place, -1, NULL), "%s: the place is not valid UTF-8", what);
  for (guint i = 0; !known && i < fuzz->names->len; i++)
    known = g_str_has_prefix (place, g_ptr_array_index (fuzz->names, i));
  ORACLE (known, "%s: the place “%s” names no file of the feed", what, place);
}

/* The sink */

static gboolean
sink_begin (gpointer              user_data,
            JsonObject           *root,
            const BridgeAlliance *alliance,
            GError              **error)
{
  Fuzz *fuzz = user_data;
  JsonObject *object;

  ORACLE (fuzz->stage == STAGE_NONE, "begin came at stage %d", fuzz->stage);
  fuzz->stage = STAGE_BEGUN;
  fuzz->begins++;

  touch_object (fuzz, root);
  ORACLE (g_str_equal (want_string (root, "$", "format"), "credit-bridge-catalog"), "the format is wrong");
  want_string (root, "$", "generated");
  ORACLE (json_object_has_member (root, "alliance") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "alliance")),
          "$.alliance is not an object");
  object = json_object_get_object_member (root, "alliance");
  want_id (object, "$.alliance", "id");
  want_text (object, "$.alliance", "name", TRUE);

  ORACLE (alliance != NULL, "begin without an alliance");
  ORACLE (alliance->id != NULL && bridge_feed_is_identifier (alliance->id), "the alliance has no id");
  ORACLE (isfinite (alliance->hours_per_credit) && alliance->hours_per_credit > 0,
          "hours_per_credit %g", alliance->hours_per_credit);
  ORACLE (isfinite (alliance->ects_hours_per_credit) && alliance->ects_hours_per_credit > 0,
          "ects_hours_per_credit %g", alliance->ects_hours_per_credit);
  touch_text (fuzz, alliance->name);
  return TRUE;
}

static gboolean
sink_university (gpointer     user_data,
                 JsonObject  *university,
                 const char  *place,
                 GError     **error)
{
  Fuzz *fuzz = user_data;
  g_autoptr(BridgeUniversity) model = NULL;
  g_autoptr(GError) local_error = NULL;
  GHashTable *scales;
  JsonArray *array;
  JsonObject *policy;
  const char *id;

  ORACLE (fuzz->stage == STAGE_BEGUN || fuzz->stage == STAGE_UNIVERSITIES, "a university came at stage %d", fuzz->stage);
  fuzz->stage = STAGE_UNIVERSITIES;
  want_place (fuzz, place, "a university");
  touch_object (fuzz, university);

  id = want_id (university, place, "id");
  ORACLE (!g_hash_table_contains (fuzz->universities, id), "the university “%s” came twice", id);
  want_text (university, place, "name", TRUE);
  want_text (university, place, "city", TRUE);

  ORACLE (json_object_has_member (university, "credit_policy")
          && JSON_NODE_HOLDS_OBJECT (json_object_get_member (university, "credit_policy")), "%s has no policy", place);
  policy = json_object_get_object_member (university, "credit_policy");
  want_number (policy, place, "period_minutes", TRUE);
  want_kinds (policy, place, "periods_per_credit");
  want_kinds (policy, place, "self_study_ratio");
  want_number (json_object_get_object_member (policy, "periods_per_credit"), place, "lecture", TRUE);
  want_number (policy, place, "practice_week_hours", TRUE);
  want_number (policy, place, "weeks_per_practice_credit", TRUE);
  want_optional_number (policy, place, "credit_step", TRUE);
  /* Revision 2: a rounding word the model knows, a term load within itself. */
  if (json_object_has_member (policy, "rounding"))
    {
      BridgeCreditRounding rounding;

      ORACLE (bridge_credit_rounding_from_string (json_object_get_string_member (policy, "rounding"), &rounding),
              "%s: the reader accepted an unknown rounding", place);
    }
  if (json_object_has_member (policy, "term_load"))
    {
      JsonObject *term_load;

      ORACLE (JSON_NODE_HOLDS_OBJECT (json_object_get_member (policy, "term_load")),
              "%s: term_load is not an object", place);
      term_load = json_object_get_object_member (policy, "term_load");
      ORACLE (want_number (term_load, place, "min", FALSE) <= want_number (term_load, place, "max", TRUE),
              "%s: the term load's min is above its max", place);
    }

  scales = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (fuzz->universities, g_strdup (id), scales);
  array = want_array (university, place, "grading_scales", TRUE, 1);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonArray *grades;

      ORACLE (JSON_NODE_HOLDS_OBJECT (node), "%s: grading_scales[%u] is not an object", place, i);
      g_hash_table_add (scales, g_strdup (want_id (json_node_get_object (node), place, "id")));
      want_text (json_node_get_object (node), place, "name", TRUE);
      grades = want_array (json_node_get_object (node), place, "grades", TRUE, 1);
      for (guint j = 0; j < json_array_get_length (grades); j++)
        {
          JsonNode *grade = json_array_get_element (grades, j);

          ORACLE (JSON_NODE_HOLDS_OBJECT (grade), "%s: a grade is not an object", place);
          want_string (json_node_get_object (grade), place, "label");
        }
    }
  array = want_array (university, place, "grading_tables", FALSE, 0);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *table;

      ORACLE (JSON_NODE_HOLDS_OBJECT (node), "%s: grading_tables[%u] is not an object", place, i);
      table = json_node_get_object (node);
      ORACLE (g_hash_table_contains (scales, want_id (table, place, "scale")), "%s: a table names an unknown scale", place);
      want_string (table, place, "isced");
      want_string (table, place, "cycle");
      want_string (table, place, "period");
    }
  array = want_array (university, place, "terms", FALSE, 0);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      ORACLE (JSON_NODE_HOLDS_OBJECT (node), "%s: terms[%u] is not an object", place, i);
      want_id (json_node_get_object (node), place, "id");
    }

  /* What the catalog does when it reads the cache back. */
  model = bridge_university_new_from_json (university, &local_error);
  ORACLE (model != NULL, "%s: the model refuses what the reader accepted: %s", place, local_error->message);
  ORACLE (g_str_equal (bridge_university_get_id (model), id), "the model's id differs");
  touch_text (fuzz, bridge_university_get_name (model));
  touch_text (fuzz, bridge_university_get_city (model));
  ORACLE (bridge_university_get_policy (model) != NULL, "the model has no policy");
  ORACLE (bridge_university_get_policy (model)->term_load_min <= bridge_university_get_policy (model)->term_load_max,
          "%s: the model's term load runs backwards", place);
  return TRUE;
}

static gboolean
sink_certificate (gpointer     user_data,
                  JsonObject  *certificate,
                  const char  *place,
                  GError     **error)
{
  Fuzz *fuzz = user_data;
  JsonArray *array;
  const char *id;

  ORACLE (fuzz->stage == STAGE_UNIVERSITIES || fuzz->stage == STAGE_CERTIFICATES,
          "a certificate came at stage %d", fuzz->stage);
  fuzz->stage = STAGE_CERTIFICATES;
  want_place (fuzz, place, "a certificate");
  touch_object (fuzz, certificate);

  id = want_id (certificate, place, "id");
  ORACLE (!g_hash_table_contains (fuzz->certificates, id), "the certificate “%s” came twice", id);
  g_hash_table_add (fuzz->certificates, g_strdup (id));
  want_text (certificate, place, "name", TRUE);
  want_text (certificate, place, "issuer", TRUE);
  if (json_object_has_member (certificate, "level"))
    want_string (certificate, place, "level");
  want_optional_number (certificate, place, "workload_hours", TRUE);
  array = want_array (certificate, place, "recognitions", TRUE, 1);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *recognition;
      JsonArray *replaces;

      ORACLE (JSON_NODE_HOLDS_OBJECT (node), "%s: recognitions[%u] is not an object", place, i);
      recognition = json_node_get_object (node);
      ORACLE (g_hash_table_contains (fuzz->universities, want_id (recognition, place, "university")),
              "%s: a recognition names an unknown university", place);
      want_number (recognition, place, "credits", TRUE);
      want_optional_number (recognition, place, "valid_years", TRUE);
      replaces = want_strings (recognition, place, "replaces", FALSE, 0, TRUE);
      for (guint j = 0; replaces != NULL && j < json_array_get_length (replaces); j++)
        g_ptr_array_add (fuzz->prerequisites, g_strdup (json_array_get_string_element (replaces, j)));
    }
  return TRUE;
}

static void
check_course_model (Fuzz         *fuzz,
                    JsonObject   *course,
                    const char   *raw_json,
                    const char   *place,
                    const char   *id)
{
  g_autoptr(BridgeCourse) model = NULL;
  g_autoptr(GError) local_error = NULL;
  const char * const *strv;

  model = bridge_course_new_from_json (course, raw_json, &local_error);
  ORACLE (model != NULL, "%s: the model refuses what the reader accepted: %s", place, local_error->message);
  ORACLE (g_str_equal (bridge_course_get_id (model), id), "the model's id differs");
  fuzz->touched += strlen (bridge_course_get_code (model));
  touch_text (fuzz, bridge_course_get_title (model));
  touch_text (fuzz, bridge_course_get_description (model));
  ORACLE (isfinite (bridge_course_get_credits (model)) && bridge_course_get_credits (model) > 0,
          "the model's credits are %g", bridge_course_get_credits (model));
  fuzz->touched += (guint64) bridge_course_get_workload_hours (model);
  for (strv = bridge_course_get_languages (model); strv != NULL && *strv != NULL; strv++)
    fuzz->touched += strlen (*strv);
  for (strv = bridge_course_get_terms (model); strv != NULL && *strv != NULL; strv++)
    fuzz->touched += strlen (*strv);
  for (strv = bridge_course_get_prerequisites (model); strv != NULL && *strv != NULL; strv++)
    fuzz->touched += strlen (*strv);
  if (bridge_course_get_learning_outcomes (model) != NULL)
    for (guint i = 0; i < bridge_course_get_learning_outcomes (model)->len; i++)
      touch_text (fuzz, g_ptr_array_index (bridge_course_get_learning_outcomes (model), i));
}

static gboolean
sink_course (gpointer     user_data,
             JsonObject  *course,
             const char  *raw_json,
             gsize        raw_len,
             const char  *place,
             GError     **error)
{
  static const char * const cycles[] = { "bachelor", "master", "doctoral", NULL };
  static const char * const levels[] = { "general", "foundation", "core", "elective", NULL };
  static const char * const deliveries[] = { "on-campus", "online", "blended", NULL };
  Fuzz *fuzz = user_data;
  GHashTable *scales;
  JsonArray *array;
  const char *id, *university, *isced;
  gsize isced_len;

  ORACLE (fuzz->stage >= STAGE_UNIVERSITIES && fuzz->stage <= STAGE_COURSES, "a course came at stage %d", fuzz->stage);
  fuzz->stage = STAGE_COURSES;
  want_place (fuzz, place, "a course");
  touch_object (fuzz, course);

  id = want_id (course, place, "id");
  ORACLE (!g_hash_table_contains (fuzz->courses, id), "the course “%s” came twice", id);
  g_hash_table_add (fuzz->courses, g_strdup (id));
  university = want_id (course, place, "university");
  scales = g_hash_table_lookup (fuzz->universities, university);
  ORACLE (scales != NULL, "%s: the university “%s” did not come before", place, university);
  want_string (course, place, "code");
  want_text (course, place, "title", TRUE);
  isced = want_string (course, place, "isced");
  isced_len = strlen (isced);
  ORACLE (isced_len >= 2 && isced_len <= 4 && strspn (isced, "0123456789") == isced_len, "%s: isced “%s”", place, isced);
  want_enum (course, place, "cycle", cycles);
  want_enum (course, place, "level", levels);
  want_enum (course, place, "delivery", deliveries);
  want_kinds (course, place, "periods");
  want_optional_number (course, place, "practice_weeks", FALSE);
  want_optional_number (course, place, "workload_hours", TRUE);
  want_number (course, place, "credits", TRUE);
  want_optional_number (course, place, "seats", FALSE);
  ORACLE (g_hash_table_contains (scales, want_id (course, place, "grading_scale")), "%s: unknown grading scale", place);
  want_strings (course, place, "terms", FALSE, 0, TRUE);
  want_strings (course, place, "languages", TRUE, 1, FALSE);
  array = want_array (course, place, "learning_outcomes", FALSE, 0);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    want_text_node (json_array_get_element (array, i), place);
  want_text (course, place, "description", FALSE);
  if (json_object_has_member (course, "url"))
    ORACLE (g_uri_is_valid (want_string (course, place, "url"), G_URI_FLAGS_NONE, NULL), "%s: the url is not a URI", place);
  array = want_strings (course, place, "prerequisites", FALSE, 0, TRUE);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_ptr_array_add (fuzz->prerequisites, g_strdup (json_array_get_string_element (array, i)));

  /* The course's own text: one line of a course file, stored as it is. */
  if (raw_json != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) local_error = NULL;
      JsonNode *root;

      ORACLE (raw_len > 0 && memchr (raw_json, '\n', raw_len) == NULL, "%s: the raw text is not one line", place);
      ORACLE (strlen (raw_json) == raw_len, "%s: raw_len %" G_GSIZE_FORMAT " is not the text's length", place, raw_len);
      ORACLE (g_utf8_validate (raw_json, (gssize) raw_len, NULL), "%s: the raw text is not UTF-8", place);
      ORACLE (json_parser_load_from_data (parser, raw_json, (gssize) raw_len, &local_error),
              "%s: the raw text does not parse: %s", place, local_error->message);
      root = json_parser_get_root (parser);
      ORACLE (root != NULL && JSON_NODE_HOLDS_OBJECT (root)
              && json_object_has_member (json_node_get_object (root), "id")
              && g_strcmp0 (json_object_get_string_member (json_node_get_object (root), "id"), id) == 0,
              "%s: the raw text is another course", place);
    }
  check_course_model (fuzz, course, raw_json, place, id);
  return TRUE;
}

static gboolean
sink_end (gpointer     user_data,
          const char  *digest,
          GError     **error)
{
  Fuzz *fuzz = user_data;

  ORACLE (fuzz->stage >= STAGE_UNIVERSITIES && fuzz->stage <= STAGE_COURSES, "end came at stage %d", fuzz->stage);
  fuzz->stage = STAGE_ENDED;
  fuzz->ends++;
  ORACLE (digest != NULL && g_str_equal (digest, g_checksum_get_string (fuzz->checksum)),
          "the digest %s is not the SHA-256 %s of the bytes", digest ? digest : "(null)",
          g_checksum_get_string (fuzz->checksum));
  for (guint i = 0; i < fuzz->prerequisites->len; i++)
    ORACLE (g_hash_table_contains (fuzz->courses, g_ptr_array_index (fuzz->prerequisites, i)),
            "the course “%s” is named but was never given", (const char *) g_ptr_array_index (fuzz->prerequisites, i));
  return TRUE;
}

static void
sink_warning (gpointer    user_data,
              const char *place,
              const char *message)
{
  Fuzz *fuzz = user_data;

  want_place (fuzz, place, "a warning");
  ORACLE (message != NULL && *message != '\0' && g_utf8_validate (message, -1, NULL), "a warning without a message");
  fuzz->touched += strlen (message);
}

static void
sink_progress (gpointer user_data,
               guint64  done,
               guint64  total)
{
  ORACLE (done <= total, "progress %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT, done, total);
}

static const BridgeFeedSink sink = {
  .begin = sink_begin,
  .university = sink_university,
  .certificate = sink_certificate,
  .course = sink_course,
  .end = sink_end,
  .warning = sink_warning,
  .progress = sink_progress,
};

/* Course files: the first name asked for gets the first part, the second
 * the second; any other is missing. */
static GBytes *
open_part (const char  *name,
           gpointer     user_data,
           GError     **error)
{
  Fuzz *fuzz = user_data;
  guint index = fuzz->names->len + 1;

  ORACLE (name != NULL && *name != '\0', "a course file without a name");
  for (guint i = 0; i < fuzz->names->len; i++)
    ORACLE (!g_str_equal (name, g_ptr_array_index (fuzz->names, i)), "the course file “%s” was asked for twice", name);
  g_ptr_array_add (fuzz->names, g_strdup (name));
  if (index >= fuzz->n_parts)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no part %u in the input", index);
      return NULL;
    }
  g_checksum_update (fuzz->checksum, g_bytes_get_data (fuzz->parts[index], NULL), (gssize) g_bytes_get_size (fuzz->parts[index]));
  return g_bytes_ref (fuzz->parts[index]);
}

void
fuzz_feed_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      fuzz_init_logging ();
      /* Make the types once, so that their allocations are not per input. */
      g_type_ensure (BRIDGE_TYPE_UNIVERSITY);
      g_type_ensure (BRIDGE_TYPE_COURSE);
      g_type_ensure (JSON_TYPE_PARSER);
      g_type_ensure (G_TYPE_MEMORY_INPUT_STREAM);
      g_once_init_leave (&done, 1);
    }
}

FuzzResult
fuzz_feed_run (const guint8  *data,
               gsize          size,
               char         **message)
{
  g_autoptr(GBytes) input = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  Fuzz fuzz = { 0 };
  gsize start = 0;
  gboolean ok;

  fuzz_feed_init ();

  /* ROOT [SEP FILE1 [SEP FILE2]] */
  while (fuzz.n_parts < 2)
    {
      const guint8 *sep = size > start ? memchr (data + start, FUZZ_FEED_SEPARATOR, size - start) : NULL;

      if (sep == NULL)
        break;
      fuzz.parts[fuzz.n_parts++] = g_bytes_new_from_bytes (input, start, (gsize) (sep - data) - start);
      start = (gsize) (sep - data) + 1;
    }
  fuzz.parts[fuzz.n_parts++] = g_bytes_new_from_bytes (input, start, size - start);

  fuzz.names = g_ptr_array_new_with_free_func (g_free);
  fuzz.checksum = g_checksum_new (G_CHECKSUM_SHA256);
  fuzz.universities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  fuzz.certificates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fuzz.courses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fuzz.prerequisites = g_ptr_array_new_with_free_func (g_free);
  g_checksum_update (fuzz.checksum, g_bytes_get_data (fuzz.parts[0], NULL), (gssize) g_bytes_get_size (fuzz.parts[0]));

  ok = bridge_feed_read_bytes (fuzz.parts[0], "feed.json", open_part, &fuzz, &sink, &fuzz, NULL, &error);

  if (ok)
    {
      ORACLE (error == NULL, "success with an error set");
      ORACLE (fuzz.begins == 1 && fuzz.ends == 1, "success after %u begins and %u ends", fuzz.begins, fuzz.ends);
      ORACLE (g_hash_table_size (fuzz.universities) >= 1, "success without a university");
    }
  else
    {
      ORACLE (error != NULL, "failure without an error");
      ORACLE (error->domain == BRIDGE_ERROR
              && (error->code == BRIDGE_ERROR_INVALID_FEED || error->code == BRIDGE_ERROR_UNSUPPORTED_VERSION),
              "failure with %s %d: %s", g_quark_to_string (error->domain), error->code, error->message);
      ORACLE_KNOWN ("message-utf8", g_utf8_validate (error->message, -1, NULL),
                    "the error message is not valid UTF-8: %s", error->message);
      want_place (&fuzz, error->message, "the error");
      ORACLE (fuzz.ends == 0, "end was called, and yet the feed is refused");
      if (message != NULL)
        *message = g_strdup (error->message);
    }

  for (guint i = 0; i < fuzz.n_parts; i++)
    g_bytes_unref (fuzz.parts[i]);
  g_ptr_array_unref (fuzz.names);
  g_checksum_free (fuzz.checksum);
  g_hash_table_unref (fuzz.universities);
  g_hash_table_unref (fuzz.certificates);
  g_hash_table_unref (fuzz.courses);
  g_ptr_array_unref (fuzz.prerequisites);
  return ok ? FUZZ_ACCEPTED : FUZZ_REFUSED;
}

const FuzzHarness fuzz_harness = { "feed", fuzz_feed_init, fuzz_feed_run };
