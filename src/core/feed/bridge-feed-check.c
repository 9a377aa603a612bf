/* bridge-feed-check.c: the rules each object of a catalog feed follows
 *
 * The members of each object, typed and checked as the schema says, and the
 * "checks beyond the schema" of ../shared/spec/catalog-feed.md: universities
 * with their policies, scales, tables and terms, courses and certificates.
 * A rule that also holds outside feeds (a date, an ISCED-F code, a language
 * tag) is bridge-validate.h's; the messages here name the place in the feed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "bridge-enum.h"
#include "bridge-error.h"
#include "bridge-feed-private.h"
#include "bridge-model-enums.h"
#include "bridge-validate.h"

/* See bridge-credit.h. */
#define MAX_QUANTITY BRIDGE_MAX_QUANTITY
/* A grading table may count at most this many grades in all, so that the
 * exact cross-multiplication of two tables' counts fits in 64 bits. */
#define MAX_TABLE_TOTAL G_GINT64_CONSTANT (2000000000)

/* Typed access to members, with the schema's checks */

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

gboolean
bridge_feed_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING;
}

static JsonNode *
get_member (Reader      *reader,
            JsonObject  *object,
            const char  *member,
            gboolean     required,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    bridge_feed_fail (reader, error, NULL, _("the required member “%s” is missing"), member);
  return node;
}

/* Whether the string @node is valid UTF-8. A backslash escape (\u, and the
 * octal ones json-glib reads too) can make text that is not out of bytes
 * that are; a string of JSON text without a backslash is a piece of bytes
 * already found valid, and is not read again. */
static gboolean
strings_valid (Reader   *reader,
               JsonNode *node)
{
  return !reader->text_has_escapes || g_utf8_validate (json_node_get_string (node), -1, NULL);
}

static gboolean
check_string (Reader      *reader,
              JsonNode    *node,
              const char  *member,
              GError     **error)
{
  if (!bridge_feed_is_string (node))
    return bridge_feed_fail (reader, error, member, _("expected a string, found %s"), bridge_feed_type_name (node));
  if (!strings_valid (reader, node))
    return bridge_feed_fail (reader, error, member, _("the text is not valid UTF-8"));
  if (*json_node_get_string (node) == '\0')
    return bridge_feed_fail (reader, error, member, _("the string is empty"));
  return TRUE;
}

/* A required or optional string member; NULL with @error set, or NULL and no
 * error when an optional member is absent. */
const char *
bridge_feed_get_string (Reader      *reader,
                        JsonObject  *object,
                        const char  *member,
                        gboolean     required,
                        GError     **error)
{
  JsonNode *node = get_member (reader, object, member, required, error);

  if (node == NULL)
    return NULL;
  if (!check_string (reader, node, member, error))
    return NULL;
  return json_node_get_string (node);
}

gboolean
bridge_feed_is_identifier (const char *s)
{
  gsize len;

  if (s == NULL || !g_ascii_isalnum (s[0]) || g_ascii_isupper (s[0]))
    return FALSE;
  len = strlen (s);
  if (len > 64)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = s[i];

      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_' || c == '.' || c == ':'))
        return FALSE;
    }
  return TRUE;
}

const char *
bridge_feed_get_id (Reader      *reader,
                    JsonObject  *object,
                    const char  *member,
                    gboolean     required,
                    GError     **error)
{
  const char *id = bridge_feed_get_string (reader, object, member, required, error);

  if (id != NULL && !bridge_feed_is_identifier (id))
    {
      bridge_feed_fail (reader, error, member,
                        _("“%s” is not an identifier (1 to 64 of a–z, 0–9, “-”, “_”, “.”, “:”, starting with a letter or digit)"),
                        id);
      return NULL;
    }
  return id;
}

static gboolean
check_isced (Reader      *reader,
             const char  *isced,
             const char  *member,
             GError     **error)
{
  if (!bridge_validate_isced (member, isced, NULL))
    return bridge_feed_fail (reader, error, member,
                             _("“%s” is not an ISCED-F code: 2 to 4 digits of a field of ISCED-F 2013, such as 06 "
                               "or 0613"),
                             isced);
  return TRUE;
}

gboolean
bridge_feed_get_number (Reader      *reader,
                        JsonObject  *object,
                        const char  *member,
                        gboolean     required,
                        NumberFlags  flags,
                        double      *out,
                        gboolean    *present,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  double value;

  if (present != NULL)
    *present = FALSE;
  if (node == NULL)
    {
      if (required)
        return bridge_feed_fail (reader, error, NULL, _("the required member “%s” is missing"), member);
      return TRUE;
    }
  if (!is_number (node))
    return bridge_feed_fail (reader, error, member, _("expected a number, found %s"), bridge_feed_type_name (node));
  value = json_node_get_double (node);
  if (!isfinite (value))
    return bridge_feed_fail (reader, error, member, _("the number is not finite"));
  if ((flags & NUMBER_POSITIVE) && !(value > 0))
    return bridge_feed_fail (reader, error, member, _("the number must be greater than 0, not %g"), value);
  if ((flags & NUMBER_NONNEG) && !(value >= 0))
    return bridge_feed_fail (reader, error, member, _("the number must not be negative, not %g"), value);
  if ((flags & NUMBER_INTEGER) && value != floor (value))
    return bridge_feed_fail (reader, error, member, _("expected a whole number, not %g"), value);
  if ((flags & NUMBER_QUANTITY) && fabs (value) > MAX_QUANTITY)
    return bridge_feed_fail (reader, error, member,
                             _("the number %g is absurd here (the largest accepted is %g)"), value, MAX_QUANTITY);
  if (out != NULL)
    *out = value;
  if (present != NULL)
    *present = TRUE;
  return TRUE;
}

JsonObject *
bridge_feed_get_object (Reader      *reader,
                        JsonObject  *object,
                        const char  *member,
                        gboolean     required,
                        GError     **error)
{
  JsonNode *node = get_member (reader, object, member, required, error);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      bridge_feed_fail (reader, error, member, _("expected an object, found %s"), bridge_feed_type_name (node));
      return NULL;
    }
  return json_node_get_object (node);
}

JsonArray *
bridge_feed_get_array (Reader      *reader,
                       JsonObject  *object,
                       const char  *member,
                       gboolean     required,
                       guint        min_items,
                       GError     **error)
{
  JsonNode *node = get_member (reader, object, member, required, error);
  JsonArray *array;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      bridge_feed_fail (reader, error, member, _("expected an array, found %s"), bridge_feed_type_name (node));
      return NULL;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) < min_items)
    {
      bridge_feed_fail (reader, error, member,
                        g_dngettext (NULL, "the array needs at least %u item", "the array needs at least %u items", min_items),
                        min_items);
      return NULL;
    }
  return array;
}

/* Checks that a member is one of the words of the enumeration @type (its
 * nicks, bridge-enum.h). */
static const char *
get_enum (Reader      *reader,
          JsonObject  *object,
          const char  *member,
          GType        type,
          GError     **error)
{
  const char *value = bridge_feed_get_string (reader, object, member, TRUE, error);
  g_autofree char *list = NULL;
  int v;

  if (value == NULL)
    return NULL;
  if (bridge_enum_from_nick (type, value, &v))
    return value;
  list = bridge_enum_join_nicks (type, "”, “");
  bridge_feed_fail (reader, error, member, _("“%s” is not one of “%s”"), value, list);
  return NULL;
}

/* A localised text: an object with zh or en, every member a non-empty string. */
static gboolean
check_text_node (Reader      *reader,
                 JsonNode    *node,
                 const char  *member,
                 GError     **error)
{
  JsonObject *object;
  JsonObjectIter iter;
  const char *lang;
  JsonNode *value;
  gsize len;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return bridge_feed_fail (reader, error, member,
                             _("expected a localised text ({\"zh\": …, \"en\": …}), found %s"), bridge_feed_type_name (node));
  object = json_node_get_object (node);
  if (json_object_get_size (object) == 0)
    return bridge_feed_fail (reader, error, member, _("a localised text needs at least one language"));
  if (!json_object_has_member (object, "zh") && !json_object_has_member (object, "en"))
    return bridge_feed_fail (reader, error, member, _("a localised text needs “zh” or “en”"));

  len = member ? bridge_feed_push_member (reader, member) : reader->path->len;
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &lang, &value))
    {
      if (!check_string (reader, value, lang, error))
        {
          bridge_feed_pop (reader, len);
          return FALSE;
        }
    }
  bridge_feed_pop (reader, len);
  return TRUE;
}

gboolean
bridge_feed_check_text (Reader      *reader,
                        JsonObject  *object,
                        const char  *member,
                        gboolean     required,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (required)
        return bridge_feed_fail (reader, error, NULL, _("the required member “%s” is missing"), member);
      return TRUE;
    }
  return check_text_node (reader, node, member, error);
}

static gboolean
check_uri (Reader      *reader,
           JsonObject  *object,
           const char  *member,
           GError     **error)
{
  GError *local_error = NULL;
  const char *uri = bridge_feed_get_string (reader, object, member, FALSE, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (uri != NULL && !g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL))
    return bridge_feed_fail (reader, error, member, _("“%s” is not an absolute URI"), uri);
  return TRUE;
}

/* RFC 3339 full-date: YYYY-MM-DD, a real day. (bridge_validate_date ()
 * lets "", a date not given, pass; in a feed a date member is never empty.) */
static gboolean
is_date (const char *s)
{
  return *s != '\0' && bridge_validate_date ("date", s, NULL);
}

/* RFC 3339 date-time: a full date, "T", a time and an offset. */
gboolean
bridge_feed_is_date_time (const char *s)
{
  g_autoptr(GDateTime) dt = NULL;
  char date[11];
  gsize len = strlen (s);

  if (len < 20 || (s[10] != 'T' && s[10] != 't'))
    return FALSE;
  memcpy (date, s, 10);
  date[10] = '\0';
  if (!is_date (date))
    return FALSE;
  /* An offset is required: Z or ±hh:mm at the end. */
  if (!(s[len - 1] == 'Z' || s[len - 1] == 'z'
        || (len > 6 && (s[len - 6] == '+' || s[len - 6] == '-') && s[len - 3] == ':')))
    return FALSE;
  dt = g_date_time_new_from_iso8601 (s, NULL);
  return dt != NULL;
}

/* The members of @kinds, read while the path names the object. */
static gboolean
check_kinds_members (Reader      *reader,
                     JsonObject  *kinds,
                     gboolean     lecture_required,
                     double       values[BRIDGE_N_KINDS],
                     GError     **error)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, kinds);
  while (json_object_iter_next (&iter, &name, &node))
    {
      int kind;

      if (!bridge_enum_from_nick (BRIDGE_TYPE_KIND, name, &kind))
        {
          bridge_feed_fail (reader, error, name,
                            _("unknown kind of teaching (expected “lecture”, “lab” or “seminar”)"));
          return FALSE;
        }
    }
  if (lecture_required && !json_object_has_member (kinds, "lecture"))
    {
      bridge_feed_fail (reader, error, NULL, _("the required member “%s” is missing"), "lecture");
      return FALSE;
    }
  for (guint k = 0; k < BRIDGE_N_KINDS; k++)
    if (!bridge_feed_get_number (reader, kinds, bridge_kind_to_string (k), FALSE,
                                 NUMBER_NONNEG | NUMBER_QUANTITY, &values[k], NULL, error))
      return FALSE;
  return TRUE;
}

/* Reads a "kinds" object: lecture, lab, seminar, each a number ≥ 0; nothing else. */
static gboolean
check_kinds (Reader      *reader,
             JsonObject  *object,
             const char  *member,
             gboolean     required,
             gboolean     lecture_required,
             double       values[BRIDGE_N_KINDS],
             GError     **error)
{
  JsonObject *kinds = bridge_feed_get_object (reader, object, member, required, error);
  gboolean ok;
  gsize len;

  for (guint k = 0; k < BRIDGE_N_KINDS; k++)
    values[k] = 0;
  if (kinds == NULL)
    return error == NULL || *error == NULL;

  len = bridge_feed_push_member (reader, member);
  ok = check_kinds_members (reader, kinds, lecture_required, values, error);
  bridge_feed_pop (reader, len);
  return ok;
}

/* The 25 % check of a course's credits against its workload, with the
 * credit engine's exact arithmetic, is the same for every course of a
 * university with the same periods, practice weeks, workload and credits:
 * a million courses have a few hundred such loads. Each university keeps
 * the outcome of the first LOAD_CHECKS_MAX it meets. */
#define LOAD_CHECKS_MAX 4096

typedef struct
{
  BridgeCourseLoad load;        /* the key; first */
  gboolean         ok;          /* FALSE: the arithmetic overflowed */
  gboolean         disagree;
  BridgeRational   hours;
  BridgeRational   policy_credits;
} LoadCheck;

/* BridgeCourseLoad is six doubles, without padding: its bytes are its value
 * (a -0 beside a 0 is only a second entry). */
G_STATIC_ASSERT (sizeof (BridgeCourseLoad) == (BRIDGE_N_KINDS + 3) * sizeof (double));

static guint
load_hash (gconstpointer key)
{
  const guchar *p = key;
  guint hash = 2166136261u;

  for (gsize i = 0; i < sizeof (BridgeCourseLoad); i++)
    hash = (hash ^ p[i]) * 16777619u;
  return hash;
}

static gboolean
load_equal (gconstpointer a,
            gconstpointer b)
{
  return memcmp (a, b, sizeof (BridgeCourseLoad)) == 0;
}

static const LoadCheck *
check_load (UniversityInfo         *info,
            const BridgeCourseLoad *load,
            LoadCheck              *scratch)
{
  LoadCheck *check = g_hash_table_lookup (info->load_checks, load);

  if (check != NULL)
    return check;
  check = g_hash_table_size (info->load_checks) < LOAD_CHECKS_MAX ? g_new0 (LoadCheck, 1) : scratch;
  check->load = *load;
  check->ok = bridge_credit_check_local (&info->policy, load, &check->hours, &check->policy_credits,
                                         &check->disagree, NULL);
  if (check != scratch)
    g_hash_table_insert (info->load_checks, &check->load, check);
  return check;
}

/* Universities */

static gboolean
check_scale (Reader      *reader,
             JsonObject  *scale,
             gpointer     data,
             GError     **error)
{
  UniversityInfo *info = data;
  const char *id;
  JsonArray *grades;
  g_autoptr(GPtrArray) passing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) bands = g_array_new (FALSE, FALSE, sizeof (double));
  gsize len;

  if ((id = bridge_feed_get_id (reader, scale, "id", TRUE, error)) == NULL)
    return FALSE;
  if (g_hash_table_contains (info->scales, id))
    return bridge_feed_fail (reader, error, "id", _("the grading scale “%s” is defined twice"), id);
  if (!bridge_feed_check_text (reader, scale, "name", TRUE, error))
    return FALSE;
  if ((grades = bridge_feed_get_array (reader, scale, "grades", TRUE, 2, error)) == NULL)
    return FALSE;

  len = bridge_feed_push_member (reader, "grades");
  for (guint i = 0; i < json_array_get_length (grades); i++)
    {
      JsonNode *node = json_array_get_element (grades, i);
      gsize len2 = bridge_feed_push_index (reader, i);
      JsonObject *grade;
      const char *label;
      JsonNode *passing_node;
      double min = 0, max = 0;
      gboolean has_min, has_max;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bridge_feed_fail (reader, error, NULL, _("expected a grade object, found %s"), bridge_feed_type_name (node));
      grade = json_node_get_object (node);
      if ((label = bridge_feed_get_string (reader, grade, "label", TRUE, error)) == NULL)
        return FALSE;
      if (g_hash_table_contains (labels, label))
        return bridge_feed_fail (reader, error, "label", _("the grade “%s” is listed twice in this scale"), label);
      g_hash_table_add (labels, (gpointer) label);
      if ((passing_node = get_member (reader, grade, "passing", TRUE, error)) == NULL)
        return FALSE;
      if (!JSON_NODE_HOLDS_VALUE (passing_node) || json_node_get_value_type (passing_node) != G_TYPE_BOOLEAN)
        return bridge_feed_fail (reader, error, "passing", _("expected true or false, found %s"),
                                 bridge_feed_type_name (passing_node));
      if (!bridge_feed_get_number (reader, grade, "min", FALSE, NUMBER_QUANTITY, &min, &has_min, error)
          || !bridge_feed_get_number (reader, grade, "max", FALSE, NUMBER_QUANTITY, &max, &has_max, error))
        return FALSE;
      if (has_min != has_max)
        return bridge_feed_fail (reader, error, has_min ? "min" : "max",
                                 _("“min” and “max” go together: give both or neither"));
      if (has_min && min > max)
        return bridge_feed_fail (reader, error, "min", _("“min” (%g) is above “max” (%g)"), min, max);
      if (has_min)
        {
          for (guint b = 0; b < bands->len; b += 3)
            {
              double other_min = g_array_index (bands, double, b);
              double other_max = g_array_index (bands, double, b + 1);
              guint other = (guint) g_array_index (bands, double, b + 2);

              if (min <= other_max && other_min <= max)
                return bridge_feed_fail (reader, error, NULL,
                                         _("the marks %g–%g overlap those of grade %u (%g–%g)"),
                                         min, max, other, other_min, other_max);
            }
          g_array_append_val (bands, min);
          g_array_append_val (bands, max);
          {
            double index = i;
            g_array_append_val (bands, index);
          }
        }
      if (json_node_get_boolean (passing_node))
        g_ptr_array_add (passing, g_strdup (label));
      bridge_feed_pop (reader, len2);
    }
  bridge_feed_pop (reader, len);

  g_hash_table_insert (info->scales, g_strdup (id), g_steal_pointer (&passing));
  return TRUE;
}

static gboolean
check_table (Reader      *reader,
             JsonObject  *table,
             gpointer     data,
             GError     **error)
{
  UniversityInfo *info = data;
  const char *scale_id, *isced, *cycle;
  GPtrArray *passing;
  JsonArray *counts;
  gint64 total = 0;
  g_autofree char *key = NULL;
  gsize len;

  if ((scale_id = bridge_feed_get_id (reader, table, "scale", TRUE, error)) == NULL)
    return FALSE;
  if ((passing = g_hash_table_lookup (info->scales, scale_id)) == NULL)
    return bridge_feed_fail (reader, error, "scale", _("the grading scale “%s” is not defined by this university"), scale_id);
  if ((isced = bridge_feed_get_string (reader, table, "isced", TRUE, error)) == NULL
      || !check_isced (reader, isced, "isced", error))
    return FALSE;
  if ((cycle = get_enum (reader, table, "cycle", BRIDGE_TYPE_CYCLE, error)) == NULL)
    return FALSE;
  if (bridge_feed_get_string (reader, table, "period", TRUE, error) == NULL)
    return FALSE;
  if ((counts = bridge_feed_get_array (reader, table, "counts", TRUE, 1, error)) == NULL)
    return FALSE;

  len = bridge_feed_push_member (reader, "counts");
  for (guint i = 0; i < json_array_get_length (counts); i++)
    {
      JsonNode *node = json_array_get_element (counts, i);
      gsize len2 = bridge_feed_push_index (reader, i);
      JsonObject *count;
      const char *grade;
      double value;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bridge_feed_fail (reader, error, NULL, _("expected {\"grade\": …, \"count\": …}, found %s"),
                                 bridge_feed_type_name (node));
      count = json_node_get_object (node);
      if ((grade = bridge_feed_get_string (reader, count, "grade", TRUE, error)) == NULL)
        return FALSE;
      if (!bridge_feed_get_number (reader, count, "count", TRUE, NUMBER_NONNEG | NUMBER_INTEGER, &value, NULL, error))
        return FALSE;
      if (i >= passing->len)
        return bridge_feed_fail (reader, error, "grade",
                                 _("the scale “%s” has only %u passing grades; “%s” is one too many"),
                                 scale_id, passing->len, grade);
      if (!g_str_equal (grade, g_ptr_array_index (passing, i)))
        return bridge_feed_fail (reader, error, "grade",
                                 _("expected the passing grade “%s” here (the counts list the passing grades of “%s” in its order), found “%s”"),
                                 (const char *) g_ptr_array_index (passing, i), scale_id, grade);
      if (value > (double) MAX_TABLE_TOTAL || (total += (gint64) value) > MAX_TABLE_TOTAL)
        return bridge_feed_fail (reader, error, "count",
                                 _("the table counts more than %" PRId64 " grades in all, which is absurd"),
                                 MAX_TABLE_TOTAL);
      bridge_feed_pop (reader, len2);
    }
  bridge_feed_pop (reader, len);

  if (json_array_get_length (counts) < passing->len)
    return bridge_feed_fail (reader, error, "counts",
                             _("the counts stop before the passing grade “%s” of the scale “%s”"),
                             (const char *) g_ptr_array_index (passing, json_array_get_length (counts)), scale_id);
  if (total == 0)
    return bridge_feed_fail (reader, error, "counts", _("all counts are 0: the table says nothing"));
  if (total < 100)
    bridge_feed_warn (reader, "counts",
                      g_dngettext (NULL, "the table counts only %" PRId64 " grade, too few to convert grades reliably",
                                   "the table counts only %" PRId64 " grades, too few to convert grades reliably",
                                   (gulong) total),
                      total);

  key = g_strdup_printf ("%s/%s/%s", scale_id, isced, cycle);
  if (!g_hash_table_add (info->table_keys, g_steal_pointer (&key)))
    bridge_feed_warn (reader, NULL,
                      _("a second grading table of the scale “%s” for field %s and cycle %s; the first one is used"),
                      scale_id, isced, cycle);
  return TRUE;
}

/* Revision 2: the local credits of a usual term, {"min": N, "max": N}. */
static gboolean
check_term_load (Reader              *reader,
                 JsonObject          *policy,
                 BridgeCreditPolicy  *out,
                 GError             **error)
{
  JsonObject *term_load = bridge_feed_get_object (reader, policy, "term_load", TRUE, error);
  double min = 0, max = 0;
  gboolean ok;
  gsize len;

  if (term_load == NULL)
    return FALSE;
  len = bridge_feed_push_member (reader, "term_load");
  ok = bridge_feed_get_number (reader, term_load, "min", TRUE, NUMBER_NONNEG | NUMBER_QUANTITY, &min, NULL, error)
       && bridge_feed_get_number (reader, term_load, "max", TRUE, NUMBER_POSITIVE | NUMBER_QUANTITY, &max, NULL, error);
  if (ok && min > max)
    ok = bridge_feed_fail (reader, error, "min",
                           _("the usual term load runs from “min” to “max” local credits, but “min” (%g) is above "
                             "“max” (%g); swap them or correct one"),
                           min, max);
  bridge_feed_pop (reader, len);
  out->term_load_min = min;
  out->term_load_max = max;
  return ok;
}

static gboolean
check_policy (Reader              *reader,
              JsonObject          *university,
              BridgeCreditPolicy  *out,
              GError             **error)
{
  JsonObject *policy = bridge_feed_get_object (reader, university, "credit_policy", TRUE, error);
  gboolean ok;
  gsize len;

  if (policy == NULL)
    return FALSE;
  out->credit_step = 0.5;
  len = bridge_feed_push_member (reader, "credit_policy");
  ok = bridge_feed_get_number (reader, policy, "period_minutes", TRUE, NUMBER_POSITIVE | NUMBER_QUANTITY, &out->period_minutes, NULL, error)
       && check_kinds (reader, policy, "periods_per_credit", TRUE, TRUE, out->periods_per_credit, error)
       && check_kinds (reader, policy, "self_study_ratio", TRUE, TRUE, out->self_study_ratio, error)
       && bridge_feed_get_number (reader, policy, "practice_week_hours", TRUE, NUMBER_POSITIVE | NUMBER_QUANTITY, &out->practice_week_hours, NULL, error)
       && bridge_feed_get_number (reader, policy, "weeks_per_practice_credit", TRUE, NUMBER_POSITIVE | NUMBER_QUANTITY, &out->weeks_per_practice_credit, NULL, error)
       && bridge_feed_get_number (reader, policy, "credit_step", FALSE, NUMBER_POSITIVE | NUMBER_QUANTITY, &out->credit_step, NULL, error);
  /* The lecture entry must be > 0 to define a local credit. */
  if (ok && out->periods_per_credit[BRIDGE_KIND_LECTURE] <= 0)
    ok = bridge_feed_fail (reader, error, "periods_per_credit.lecture",
                           _("a credit needs more than 0 lecture periods"));
  /* Revision 2: how credits for a course elsewhere are awarded here. */
  if (ok && json_object_has_member (policy, "rounding"))
    {
      const char *rounding = get_enum (reader, policy, "rounding", BRIDGE_TYPE_CREDIT_ROUNDING, error);

      ok = rounding != NULL && bridge_credit_rounding_from_string (rounding, &out->rounding);
    }
  if (ok && json_object_has_member (policy, "term_load"))
    ok = check_term_load (reader, policy, out, error);
  bridge_feed_pop (reader, len);
  return ok;
}

static gboolean
check_term (Reader      *reader,
            JsonObject  *term,
            gpointer     data,
            GError     **error)
{
  UniversityInfo *info = data;
  const char *term_id, *start = NULL, *end = NULL;
  GError *local_error = NULL;

  if ((term_id = bridge_feed_get_id (reader, term, "id", TRUE, error)) == NULL)
    return FALSE;
  if (g_hash_table_contains (info->terms, term_id))
    return bridge_feed_fail (reader, error, "id", _("the term “%s” is defined twice"), term_id);
  if (!bridge_feed_check_text (reader, term, "name", TRUE, error))
    return FALSE;
  start = bridge_feed_get_string (reader, term, "start", FALSE, &local_error);
  if (local_error == NULL)
    end = bridge_feed_get_string (reader, term, "end", FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (start != NULL && !is_date (start))
    return bridge_feed_fail (reader, error, "start", _("“%s” is not a date (YYYY-MM-DD)"), start);
  if (end != NULL && !is_date (end))
    return bridge_feed_fail (reader, error, "end", _("“%s” is not a date (YYYY-MM-DD)"), end);
  if (start != NULL && end != NULL && strcmp (start, end) > 0)
    return bridge_feed_fail (reader, error, "end", _("the term ends (%s) before it starts (%s)"), end, start);
  g_hash_table_add (info->terms, g_strdup (term_id));
  return TRUE;
}

gboolean
bridge_feed_check_university (Reader      *reader,
                              JsonObject  *university,
                              gpointer     unused,
                              GError     **error)
{
  UniversityInfo *info;
  JsonArray *array;
  const char *id;

  if ((id = bridge_feed_get_id (reader, university, "id", TRUE, error)) == NULL)
    return FALSE;
  if (g_hash_table_contains (reader->universities, id))
    return bridge_feed_fail (reader, error, "id", _("the university “%s” is defined twice"), id);
  if (!bridge_feed_check_text (reader, university, "name", TRUE, error)
      || !bridge_feed_check_text (reader, university, "city", TRUE, error))
    return FALSE;
  if (json_object_has_member (university, "hei_id")
      && bridge_feed_get_string (reader, university, "hei_id", FALSE, error) == NULL)
    return FALSE;
  if (!check_uri (reader, university, "website", error))
    return FALSE;

  info = g_new0 (UniversityInfo, 1);
  if (!check_policy (reader, university, &info->policy, error))
    {
      g_free (info);
      return FALSE;
    }
  info->scales = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  info->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  info->table_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  info->load_checks = g_hash_table_new_full (load_hash, load_equal, NULL, g_free);
  /* Owned by the reader from here on, also when a check below fails. */
  g_hash_table_insert (reader->universities, g_strdup (id), info);

  if ((array = bridge_feed_get_array (reader, university, "grading_scales", TRUE, 1, error)) == NULL
      || !bridge_feed_read_objects (reader, array, "grading_scales", _("a grading scale object"), check_scale, info, NULL, error))
    return FALSE;
  if (json_object_has_member (university, "grading_tables")
      && ((array = bridge_feed_get_array (reader, university, "grading_tables", FALSE, 0, error)) == NULL
          || !bridge_feed_read_objects (reader, array, "grading_tables", _("a grading table object"), check_table, info, NULL, error)))
    return FALSE;
  if (json_object_has_member (university, "terms")
      && ((array = bridge_feed_get_array (reader, university, "terms", FALSE, 0, error)) == NULL
          || !bridge_feed_read_objects (reader, array, "terms", _("a term object"), check_term, info, NULL, error)))
    return FALSE;

  return TRUE;
}

/* Courses */

/* The elements of @array, identifiers, read while the path names it. */
static gboolean
check_id_elements (Reader     *reader,
                   JsonArray  *array,
                   GError    **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      /* check_string/bridge_feed_get_id name the member; here the place is the index. */
      if (!bridge_feed_is_string (node))
        {
          bridge_feed_push_index (reader, i);
          bridge_feed_fail (reader, error, NULL, _("expected an identifier, found %s"), bridge_feed_type_name (node));
          return FALSE;
        }
      if (!bridge_feed_is_identifier (json_node_get_string (node)))
        {
          bridge_feed_push_index (reader, i);
          bridge_feed_fail (reader, error, NULL, _("“%s” is not an identifier"), json_node_get_string (node));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_id_array (Reader      *reader,
                JsonObject  *object,
                const char  *member,
                JsonArray  **out,
                GError     **error)
{
  JsonArray *array;
  gboolean ok;
  gsize len;

  *out = NULL;
  if (!json_object_has_member (object, member))
    return TRUE;
  if ((array = bridge_feed_get_array (reader, object, member, FALSE, 0, error)) == NULL)
    return FALSE;
  len = bridge_feed_push_member (reader, member);
  ok = check_id_elements (reader, array, error);
  bridge_feed_pop (reader, len);
  if (ok)
    *out = array;
  return ok;
}

static void
defer_references (Reader     *reader,
                  JsonArray  *array,
                  const char *member,
                  const char *kind)
{
  gsize len;

  if (array == NULL)
    return;
  len = bridge_feed_push_member (reader, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Reference ref;
      g_autofree char *place = NULL;
      gsize len2 = bridge_feed_push_index (reader, i);

      place = bridge_feed_place (reader, NULL);
      ref.target = g_string_chunk_insert_const (reader->chunk, json_array_get_string_element (array, i));
      ref.place = g_string_chunk_insert (reader->chunk, place);
      ref.kind = kind;
      g_array_append_val (reader->references, ref);
      bridge_feed_pop (reader, len2);
    }
  bridge_feed_pop (reader, len);
}

gboolean
bridge_feed_check_course (Reader      *reader,
                          JsonObject  *course,
                          GError     **error)
{
  const char *id, *university, *scale, *isced;
  UniversityInfo *info;
  JsonArray *array;
  double periods[BRIDGE_N_KINDS], practice_weeks = 0, workload = 0, credits = 0;
  gboolean has_workload = FALSE;
  gsize len;

  if (!json_object_has_member (course, "id"))
    return bridge_feed_fail (reader, error, NULL, _("the required member “%s” is missing"), "id");
  if ((id = bridge_feed_get_id (reader, course, "id", TRUE, error)) == NULL)
    return FALSE;
  if (g_hash_table_contains (reader->courses, id))
    return bridge_feed_fail (reader, error, "id", _("the course “%s” is defined twice"), id);
  if ((university = bridge_feed_get_id (reader, course, "university", TRUE, error)) == NULL)
    return FALSE;
  if ((info = g_hash_table_lookup (reader->universities, university)) == NULL)
    return bridge_feed_fail (reader, error, "university", _("the university “%s” is not in the feed"), university);
  if (bridge_feed_get_string (reader, course, "code", TRUE, error) == NULL)
    return FALSE;
  if (!bridge_feed_check_text (reader, course, "title", TRUE, error))
    return FALSE;
  if ((isced = bridge_feed_get_string (reader, course, "isced", TRUE, error)) == NULL
      || !check_isced (reader, isced, "isced", error))
    return FALSE;
  if (get_enum (reader, course, "cycle", BRIDGE_TYPE_CYCLE, error) == NULL
      || get_enum (reader, course, "level", BRIDGE_TYPE_LEVEL, error) == NULL)
    return FALSE;
  if (!check_kinds (reader, course, "periods", TRUE, FALSE, periods, error))
    return FALSE;
  if (!bridge_feed_get_number (reader, course, "practice_weeks", FALSE, NUMBER_NONNEG | NUMBER_QUANTITY,
                               &practice_weeks, NULL, error)
      || !bridge_feed_get_number (reader, course, "workload_hours", FALSE, NUMBER_POSITIVE | NUMBER_QUANTITY,
                                  &workload, &has_workload, error)
      || !bridge_feed_get_number (reader, course, "credits", TRUE, NUMBER_POSITIVE | NUMBER_QUANTITY,
                                  &credits, NULL, error))
    return FALSE;
  if ((scale = bridge_feed_get_id (reader, course, "grading_scale", TRUE, error)) == NULL)
    return FALSE;
  if (!g_hash_table_contains (info->scales, scale))
    return bridge_feed_fail (reader, error, "grading_scale",
                             _("the grading scale “%s” is not defined by the university “%s”"), scale, university);

  if (!check_id_array (reader, course, "terms", &array, error))
    return FALSE;
  if (array != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        const char *term = json_array_get_string_element (array, i);

        if (!g_hash_table_contains (info->terms, term))
          {
            g_autofree char *member = g_strdup_printf ("terms[%u]", i);

            return bridge_feed_fail (reader, error, member,
                                     _("the term “%s” is not defined by the university “%s”"), term, university);
          }
      }

  if ((array = bridge_feed_get_array (reader, course, "languages", TRUE, 1, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *member = NULL;

      /* The member's name is made only for a message: this runs for every
       * language of a million courses. */
      if (!bridge_feed_is_string (element))
        {
          member = g_strdup_printf ("languages[%u]", i);
          return bridge_feed_fail (reader, error, member, _("expected a language tag, found %s"), bridge_feed_type_name (element));
        }
      if (!strings_valid (reader, element))
        {
          member = g_strdup_printf ("languages[%u]", i);
          return bridge_feed_fail (reader, error, member, _("the text is not valid UTF-8"));
        }
      /* bridge_validate_language () lets "" (a tag not given) pass; its
       * name of the member is for its own message, not asked for here. */
      if (*json_node_get_string (element) == '\0'
          || !bridge_validate_language ("languages", json_node_get_string (element), NULL))
        {
          member = g_strdup_printf ("languages[%u]", i);
          return bridge_feed_fail (reader, error, member, _("“%s” is not a language tag"), json_node_get_string (element));
        }
    }

  if (get_enum (reader, course, "delivery", BRIDGE_TYPE_DELIVERY, error) == NULL)
    return FALSE;
  if (!bridge_feed_get_number (reader, course, "seats", FALSE, NUMBER_NONNEG | NUMBER_INTEGER | NUMBER_QUANTITY,
                               NULL, NULL, error))
    return FALSE;

  if (json_object_has_member (course, "learning_outcomes"))
    {
      if ((array = bridge_feed_get_array (reader, course, "learning_outcomes", FALSE, 0, error)) == NULL)
        return FALSE;
      len = bridge_feed_push_member (reader, "learning_outcomes");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize len2 = bridge_feed_push_index (reader, i);

          if (!check_text_node (reader, json_array_get_element (array, i), NULL, error))
            return FALSE;
          bridge_feed_pop (reader, len2);
        }
      bridge_feed_pop (reader, len);
    }

  if (!check_id_array (reader, course, "prerequisites", &array, error))
    return FALSE;
  if (!bridge_feed_check_text (reader, course, "description", FALSE, error)
      || !check_uri (reader, course, "url", error))
    return FALSE;

  if (!has_workload && practice_weeks == 0
      && periods[BRIDGE_KIND_LECTURE] == 0 && periods[BRIDGE_KIND_LAB] == 0
      && periods[BRIDGE_KIND_SEMINAR] == 0)
    return bridge_feed_fail (reader, error, NULL,
                             _("the course has no workload: no “workload_hours”, all periods 0 and no practice weeks"));

  defer_references (reader, array, "prerequisites", "prerequisite");
  /* The value is the reader's own copy of the university id, for the register. */
  g_hash_table_insert (reader->courses, g_string_chunk_insert_const (reader->chunk, id),
                       g_string_chunk_insert_const (reader->chunk, university));

  /* The spec's warning, with the credit engine's exact arithmetic. */
  {
    BridgeCourseLoad load;
    LoadCheck scratch;
    const LoadCheck *check;

    memset (&load, 0, sizeof load);
    memcpy (load.periods, periods, sizeof periods);
    load.practice_weeks = practice_weeks;
    load.workload_hours = has_workload ? workload : 0;
    load.credits = credits;
    check = check_load (info, &load, &scratch);
    if (!check->ok)
      return bridge_feed_fail (reader, error, NULL, _("the course’s workload cannot be computed exactly"));
    if (check->disagree)
      {
        g_autofree char *h = bridge_rational_format_short (check->hours, 1, BRIDGE_ROUND_HALF_UP, NULL);
        g_autofree char *p = bridge_rational_format_short (check->policy_credits, 2, BRIDGE_ROUND_HALF_UP, NULL);
        g_autofree char *c = g_strdup_printf ("%g", credits);

        /* The form follows the local credits; the other numbers have none. */
        bridge_feed_warn (reader, "credits",
                          g_dngettext (NULL, "the course awards %g local credit, but its workload of %s hours is worth %s under its university’s policy (more than 25 %% apart)",
                                       "the course awards %g local credits, but its workload of %s hours is worth %s under its university’s policy (more than 25 %% apart)",
                                       bridge_text_plural_count (c)),
                          credits, h, p);
      }
  }
  return TRUE;
}

/* Certificates */

gboolean
bridge_feed_check_certificate (Reader      *reader,
                               JsonObject  *certificate,
                               gpointer     unused,
                               GError     **error)
{
  const char *id, *isced;
  JsonArray *recognitions;
  gsize len;

  if ((id = bridge_feed_get_id (reader, certificate, "id", TRUE, error)) == NULL)
    return FALSE;
  if (g_hash_table_contains (reader->certificates, id))
    return bridge_feed_fail (reader, error, "id", _("the certificate “%s” is defined twice"), id);
  if (!bridge_feed_check_text (reader, certificate, "name", TRUE, error)
      || !bridge_feed_check_text (reader, certificate, "issuer", TRUE, error))
    return FALSE;
  if (json_object_has_member (certificate, "level"))
    {
      JsonNode *node = json_object_get_member (certificate, "level");

      if (!bridge_feed_is_string (node))
        return bridge_feed_fail (reader, error, "level", _("expected a string, found %s"), bridge_feed_type_name (node));
      /* A \u escape can make text that is not UTF-8 out of bytes that are. */
      if (!strings_valid (reader, node))
        return bridge_feed_fail (reader, error, "level", _("the text is not valid UTF-8"));
    }
  if (json_object_has_member (certificate, "isced"))
    {
      if ((isced = bridge_feed_get_string (reader, certificate, "isced", FALSE, error)) == NULL
          || !check_isced (reader, isced, "isced", error))
        return FALSE;
    }
  if (!bridge_feed_get_number (reader, certificate, "workload_hours", FALSE, NUMBER_POSITIVE | NUMBER_QUANTITY, NULL, NULL, error))
    return FALSE;
  if ((recognitions = bridge_feed_get_array (reader, certificate, "recognitions", TRUE, 1, error)) == NULL)
    return FALSE;

  len = bridge_feed_push_member (reader, "recognitions");
  for (guint i = 0; i < json_array_get_length (recognitions); i++)
    {
      JsonNode *node = json_array_get_element (recognitions, i);
      gsize len2 = bridge_feed_push_index (reader, i);
      JsonObject *recognition;
      const char *university;
      JsonArray *replaces;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return bridge_feed_fail (reader, error, NULL, _("expected a recognition object, found %s"), bridge_feed_type_name (node));
      recognition = json_node_get_object (node);
      if ((university = bridge_feed_get_id (reader, recognition, "university", TRUE, error)) == NULL)
        return FALSE;
      if (!g_hash_table_contains (reader->universities, university))
        return bridge_feed_fail (reader, error, "university", _("the university “%s” is not in the feed"), university);
      if (!bridge_feed_get_number (reader, recognition, "credits", TRUE, NUMBER_POSITIVE | NUMBER_QUANTITY, NULL, NULL, error)
          || !bridge_feed_get_number (reader, recognition, "valid_years", FALSE, NUMBER_POSITIVE | NUMBER_QUANTITY, NULL, NULL, error))
        return FALSE;
      if (!check_id_array (reader, recognition, "replaces", &replaces, error))
        return FALSE;
      defer_references (reader, replaces, "replaces", "replaces");
      bridge_feed_pop (reader, len2);
    }
  bridge_feed_pop (reader, len);

  g_hash_table_add (reader->certificates, g_strdup (id));
  return TRUE;
}

/* A course list of an equivalence: ids of courses in the feed (all read by
 * now), none twice. The university of each goes to @universities. */
static gboolean
check_equivalence_courses (Reader      *reader,
                           JsonObject  *equivalence,
                           const char  *member,
                           guint        min_items,
                           GPtrArray   *universities,
                           GError     **error)
{
  JsonArray *array = bridge_feed_get_array (reader, equivalence, member, TRUE, min_items, error);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gsize len;

  if (array == NULL)
    return FALSE;
  len = bridge_feed_push_member (reader, member);
  if (!check_id_elements (reader, array, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *course = json_array_get_string_element (array, i);
      const char *university;
      gsize len2 = bridge_feed_push_index (reader, i);

      if (!g_hash_table_lookup_extended (reader->courses, course, NULL, (gpointer *) &university))
        return bridge_feed_fail (reader, error, NULL, _("the course “%s” is not in the feed"), course);
      if (!g_hash_table_add (seen, (gpointer) course))
        return bridge_feed_fail (reader, error, NULL,
                                 _("the course “%s” is listed twice in this decision"), course);
      g_ptr_array_add (universities, (gpointer) university);
      bridge_feed_pop (reader, len2);
    }
  bridge_feed_pop (reader, len);
  return TRUE;
}

/* One decision of the recognition register (revision 2). The courses have
 * all been read: the reader checks the register after the course files. */
gboolean
bridge_feed_check_equivalence (Reader      *reader,
                               JsonObject  *equivalence,
                               gpointer     unused,
                               GError     **error)
{
  g_autoptr(GPtrArray) hosts = g_ptr_array_new ();
  g_autoptr(GPtrArray) homes = g_ptr_array_new ();
  const char *id, *home, *decided, *valid_until = NULL;
  gboolean has_credits = FALSE;
  GError *local_error = NULL;

  if ((id = bridge_feed_get_id (reader, equivalence, "id", TRUE, error)) == NULL)
    return FALSE;
  if (g_hash_table_contains (reader->equivalences, id))
    return bridge_feed_fail (reader, error, "id", _("the equivalence “%s” is defined twice"), id);
  if ((home = bridge_feed_get_id (reader, equivalence, "home", TRUE, error)) == NULL)
    return FALSE;
  if (!g_hash_table_contains (reader->universities, home))
    return bridge_feed_fail (reader, error, "home", _("the university “%s” is not in the feed"), home);

  if (!check_equivalence_courses (reader, equivalence, "host_courses", 1, hosts, error))
    return FALSE;
  for (guint i = 0; i < hosts->len; i++)
    {
      const char *university = g_ptr_array_index (hosts, i);
      g_autofree char *place = g_strdup_printf ("host_courses[%u]", i);

      if (g_str_equal (university, home))
        return bridge_feed_fail (reader, error, place,
                                 _("the course “%s” is of the home university “%s” itself; "
                                   "a decision recognises courses of another university"),
                                 json_array_get_string_element (json_object_get_array_member (equivalence, "host_courses"), i),
                                 home);
      if (!g_str_equal (university, g_ptr_array_index (hosts, 0)))
        return bridge_feed_fail (reader, error, place,
                                 _("the course “%s” is of “%s”, the first host course of “%s”; "
                                   "the host courses of one decision are all of one university"),
                                 json_array_get_string_element (json_object_get_array_member (equivalence, "host_courses"), i),
                                 university, (const char *) g_ptr_array_index (hosts, 0));
    }

  if (!check_equivalence_courses (reader, equivalence, "home_courses", 0, homes, error))
    return FALSE;
  for (guint i = 0; i < homes->len; i++)
    if (!g_str_equal (g_ptr_array_index (homes, i), home))
      {
        g_autofree char *place = g_strdup_printf ("home_courses[%u]", i);

        return bridge_feed_fail (reader, error, place,
                                 _("the course “%s” is of “%s”, not of the home university “%s”"),
                                 json_array_get_string_element (json_object_get_array_member (equivalence, "home_courses"), i),
                                 (const char *) g_ptr_array_index (homes, i), home);
      }

  if (!bridge_feed_get_number (reader, equivalence, "home_credits", FALSE, NUMBER_POSITIVE | NUMBER_QUANTITY,
                               NULL, &has_credits, error))
    return FALSE;
  if (homes->len == 0 && !has_credits)
    return bridge_feed_fail (reader, error, "home_credits",
                             _("a decision that replaces no home course grants free elective credits, "
                               "and must say how many in “home_credits”"));

  if ((decided = bridge_feed_get_string (reader, equivalence, "decided", TRUE, error)) == NULL)
    return FALSE;
  if (!is_date (decided))
    return bridge_feed_fail (reader, error, "decided", _("“%s” is not a date (YYYY-MM-DD)"), decided);
  valid_until = bridge_feed_get_string (reader, equivalence, "valid_until", FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (valid_until != NULL && !is_date (valid_until))
    return bridge_feed_fail (reader, error, "valid_until", _("“%s” is not a date (YYYY-MM-DD)"), valid_until);
  if (valid_until != NULL && strcmp (valid_until, decided) < 0)
    return bridge_feed_fail (reader, error, "valid_until",
                             _("the decision is valid until %s, before it was taken (%s)"), valid_until, decided);
  if (!bridge_feed_check_text (reader, equivalence, "conditions", FALSE, error))
    return FALSE;
  /* A string, not empty: bridge_feed_get_string () says so otherwise. */
  bridge_feed_get_string (reader, equivalence, "reference", FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  g_hash_table_add (reader->equivalences, g_strdup (id));
  return TRUE;
}

/* A course file stays in the feed's folder: no absolute path, no URI, and no
 * ".." segment, written plainly or percent-encoded (a web server decodes it). */
gboolean
bridge_feed_check_course_file_name (Reader      *reader,
                                    const char  *name,
                                    GError     **error)
{
  g_autofree char *scheme = g_uri_parse_scheme (name);
  g_autofree char *decoded = NULL;
  g_auto(GStrv) segments = NULL;

  if (!g_utf8_validate (name, -1, NULL))
    return bridge_feed_fail (reader, error, NULL, _("the text is not valid UTF-8"));
  if (g_path_is_absolute (name) || name[0] == '/' || name[0] == '\\'
      || scheme != NULL || strstr (name, "://") != NULL)
    return bridge_feed_fail (reader, error, NULL, _("“%s” is not a relative path"), name);
  decoded = g_uri_unescape_string (name, NULL);
  if (decoded == NULL)
    return bridge_feed_fail (reader, error, NULL,
                             _("“%s” is not a path a course file can have: it holds an invalid %%-escape"), name);
  if (decoded[0] == '/' || decoded[0] == '\\')
    return bridge_feed_fail (reader, error, NULL, _("“%s” is not a relative path"), name);
  segments = g_regex_split_simple ("[/\\\\]", decoded, 0, 0);
  for (guint i = 0; segments[i] != NULL; i++)
    if (g_str_equal (segments[i], ".."))
      return bridge_feed_fail (reader, error, NULL,
                               _("“%s” leaves the feed’s folder; a course file must be in the feed’s folder or below it, "
                                 "named without “..”"),
                               name);
  return TRUE;
}

