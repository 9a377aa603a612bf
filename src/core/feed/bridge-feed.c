/* bridge-feed.c: reading and checking an alliance catalog feed
 *
 * Every rule of ../shared/spec/catalog-feed.md (schema and "checks beyond the
 * schema") is checked here, once, before an object reaches the sink; the
 * sink may trust what it is given. Each error names its place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <libsoup/soup.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bridge-credit.h"
#include "bridge-error.h"
#include "bridge-feed.h"
#include "bridge-json.h"

/* See bridge-credit.h. */
#define MAX_QUANTITY BRIDGE_MAX_QUANTITY
/* A grading table may count at most this many grades in all, so that the
 * exact cross-multiplication of two tables' counts fits in 64 bits. */
#define MAX_TABLE_TOTAL G_GINT64_CONSTANT (2000000000)
/* Read course files in pieces of this size. */
#define CHUNK_SIZE (1 << 20)

typedef struct
{
  BridgeCreditPolicy policy; /* for the 25 % check of each course's credits */
  GHashTable *scales;     /* scale id → GPtrArray of passing grade labels (element-type utf8) */
  GHashTable *terms;      /* term ids (set) */
  GHashTable *table_keys; /* "isced/cycle" (set), to warn about twins */
} UniversityInfo;

typedef struct
{
  const char *target;     /* in the chunk */
  const char *place;      /* in the chunk */
  const char *kind;       /* "prerequisite", "replaces" */
} Reference;

typedef struct
{
  const BridgeFeedSink *sink;
  gpointer              user_data;
  GCancellable         *cancellable;

  BridgeAlliance        alliance;
  GHashTable           *universities;     /* id → UniversityInfo */
  GHashTable           *certificates;     /* ids (set) */
  GHashTable           *courses;          /* ids (set), keys in chunk */
  GStringChunk         *chunk;
  GArray               *references;       /* element-type Reference */

  /* Where we are, for messages. */
  const char           *file;             /* name as written in the feed */
  guint                 line;             /* 0 for the root document */
  GString              *path;

  GChecksum            *digest;
  /* Web feeds: each download's limit (0: none) and where the files are. */
  guint64               file_limit;
  guint64               file_bytes;       /* read so far of the current course file */
  GUri                 *web_base;
  guint64               bytes_done;
  guint64               bytes_total;
  gint64                last_progress;
} Reader;

static void
university_info_free (gpointer data)
{
  UniversityInfo *info = data;

  g_hash_table_unref (info->scales);
  g_hash_table_unref (info->terms);
  g_hash_table_unref (info->table_keys);
  g_free (info);
}

/* Places and errors */

static char *
reader_place (Reader     *reader,
              const char *member)
{
  GString *place = g_string_new (NULL);

  if (reader->file != NULL && reader->line > 0)
    g_string_append_printf (place, "%s:%u: ", reader->file, reader->line);
  else if (reader->file != NULL)
    g_string_append_printf (place, "%s: ", reader->file);
  g_string_append (place, reader->path->str);
  if (member != NULL)
    g_string_append_printf (place, ".%s", member);
  if (!g_utf8_validate (place->str, (gssize) place->len, NULL))
    {
      char *valid = g_utf8_make_valid (place->str, (gssize) place->len);

      g_string_free (place, TRUE);
      return valid;
    }
  return g_string_free (place, FALSE);
}

static gboolean G_GNUC_PRINTF (4, 5)
reader_fail (Reader      *reader,
             GError     **error,
             const char  *member,
             const char  *format,
             ...)
{
  g_autofree char *place = reader_place (reader, member);
  g_autofree char *message = NULL;
  va_list args;

  g_autofree char *full = NULL;
  g_autofree char *valid = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Member names and values come from the feed, where a \u escape can make
   * text that is not UTF-8: a message must be valid whatever it quotes. */
  full = g_strdup_printf ("%s: %s", place, message);
  valid = g_utf8_make_valid (full, -1);
  g_set_error_literal (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED, valid);
  return FALSE;
}

static void G_GNUC_PRINTF (3, 4)
reader_warn (Reader     *reader,
             const char *member,
             const char *format,
             ...)
{
  g_autofree char *place = reader_place (reader, member);
  g_autofree char *message = NULL;
  va_list args;

  if (reader->sink->warning == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (!g_utf8_validate (message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (message, -1);

      g_free (message);
      message = valid;
    }
  reader->sink->warning (reader->user_data, place, message);
}

static gsize
path_push_member (Reader     *reader,
                  const char *member)
{
  gsize len = reader->path->len;

  g_string_append_printf (reader->path, ".%s", member);
  return len;
}

static gsize
path_push_index (Reader *reader,
                 guint   index)
{
  gsize len = reader->path->len;

  g_string_append_printf (reader->path, "[%u]", index);
  return len;
}

static void
path_pop (Reader *reader,
          gsize   len)
{
  g_string_truncate (reader->path, len);
}

static const char *
node_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return _("a string");
    case G_TYPE_BOOLEAN: return _("a boolean");
    default: return _("a number");
    }
}

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

static gboolean
is_string (JsonNode *node)
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
    reader_fail (reader, error, NULL, _("the required member “%s” is missing"), member);
  return node;
}

static gboolean
check_string (Reader      *reader,
              JsonNode    *node,
              const char  *member,
              GError     **error)
{
  if (!is_string (node))
    return reader_fail (reader, error, member, _("expected a string, found %s"), node_type_name (node));
  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    return reader_fail (reader, error, member, _("the text is not valid UTF-8"));
  if (*json_node_get_string (node) == '\0')
    return reader_fail (reader, error, member, _("the string is empty"));
  return TRUE;
}

/* A required or optional string member; NULL with @error set, or NULL and no
 * error when an optional member is absent. */
static const char *
get_string (Reader      *reader,
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

static const char *
get_id (Reader      *reader,
        JsonObject  *object,
        const char  *member,
        gboolean     required,
        GError     **error)
{
  const char *id = get_string (reader, object, member, required, error);

  if (id != NULL && !bridge_feed_is_identifier (id))
    {
      reader_fail (reader, error, member,
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
  gsize len = strlen (isced);

  if (len < 2 || len > 4)
    return reader_fail (reader, error, member, _("“%s” is not an ISCED-F code of 2 to 4 digits"), isced);
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (isced[i]))
      return reader_fail (reader, error, member, _("“%s” is not an ISCED-F code of 2 to 4 digits"), isced);
  return TRUE;
}

/* Reads a number member: @required, finite, within (lower, upper] per flags. */
typedef enum
{
  NUMBER_ANY = 0,
  NUMBER_POSITIVE = 1 << 0,     /* > 0 */
  NUMBER_NONNEG = 1 << 1,       /* ≥ 0 */
  NUMBER_INTEGER = 1 << 2,
  NUMBER_QUANTITY = 1 << 3,     /* ≤ MAX_QUANTITY */
} NumberFlags;

static gboolean
get_number (Reader      *reader,
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
        return reader_fail (reader, error, NULL, _("the required member “%s” is missing"), member);
      return TRUE;
    }
  if (!is_number (node))
    return reader_fail (reader, error, member, _("expected a number, found %s"), node_type_name (node));
  value = json_node_get_double (node);
  if (!isfinite (value))
    return reader_fail (reader, error, member, _("the number is not finite"));
  if ((flags & NUMBER_POSITIVE) && !(value > 0))
    return reader_fail (reader, error, member, _("the number must be greater than 0, not %g"), value);
  if ((flags & NUMBER_NONNEG) && !(value >= 0))
    return reader_fail (reader, error, member, _("the number must not be negative, not %g"), value);
  if ((flags & NUMBER_INTEGER) && value != floor (value))
    return reader_fail (reader, error, member, _("expected a whole number, not %g"), value);
  if ((flags & NUMBER_QUANTITY) && fabs (value) > MAX_QUANTITY)
    return reader_fail (reader, error, member,
                        _("the number %g is absurd here (the largest accepted is %g)"), value, MAX_QUANTITY);
  if (out != NULL)
    *out = value;
  if (present != NULL)
    *present = TRUE;
  return TRUE;
}

static JsonObject *
get_object (Reader      *reader,
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
      reader_fail (reader, error, member, _("expected an object, found %s"), node_type_name (node));
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonArray *
get_array (Reader      *reader,
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
      reader_fail (reader, error, member, _("expected an array, found %s"), node_type_name (node));
      return NULL;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) < min_items)
    {
      reader_fail (reader, error, member,
                   g_dngettext (NULL, "the array needs at least %u item", "the array needs at least %u items", min_items),
                   min_items);
      return NULL;
    }
  return array;
}

/* Checks that a member is one of @values. */
static const char *
get_enum (Reader             *reader,
          JsonObject         *object,
          const char         *member,
          const char * const *values,
          GError            **error)
{
  const char *value = get_string (reader, object, member, TRUE, error);
  g_autofree char *list = NULL;

  if (value == NULL)
    return NULL;
  if (g_strv_contains (values, value))
    return value;
  list = g_strjoinv ("”, “", (char **) values);
  reader_fail (reader, error, member, _("“%s” is not one of “%s”"), value, list);
  return NULL;
}

static const char * const cycles[] = { "bachelor", "master", "doctoral", NULL };
static const char * const levels[] = { "general", "foundation", "core", "elective", NULL };
static const char * const deliveries[] = { "on-campus", "online", "blended", NULL };
static const char * const kind_names[] = { "lecture", "lab", "seminar", NULL };

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
    return reader_fail (reader, error, member,
                        _("expected a localised text ({\"zh\": …, \"en\": …}), found %s"), node_type_name (node));
  object = json_node_get_object (node);
  if (json_object_get_size (object) == 0)
    return reader_fail (reader, error, member, _("a localised text needs at least one language"));
  if (!json_object_has_member (object, "zh") && !json_object_has_member (object, "en"))
    return reader_fail (reader, error, member, _("a localised text needs “zh” or “en”"));

  len = member ? path_push_member (reader, member) : reader->path->len;
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &lang, &value))
    {
      if (!check_string (reader, value, lang, error))
        {
          path_pop (reader, len);
          return FALSE;
        }
    }
  path_pop (reader, len);
  return TRUE;
}

static gboolean
check_text (Reader      *reader,
            JsonObject  *object,
            const char  *member,
            gboolean     required,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (required)
        return reader_fail (reader, error, NULL, _("the required member “%s” is missing"), member);
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
  const char *uri = get_string (reader, object, member, FALSE, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (uri != NULL && !g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL))
    return reader_fail (reader, error, member, _("“%s” is not an absolute URI"), uri);
  return TRUE;
}

/* RFC 3339 full-date: YYYY-MM-DD, a real day. */
static gboolean
is_date (const char *s)
{
  int y, m, d;
  char tail;

  if (strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  if (sscanf (s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y) && y >= 1;
}

/* RFC 3339 date-time: a full date, "T", a time and an offset. */
static gboolean
is_date_time (const char *s)
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
  JsonObject *kinds = get_object (reader, object, member, required, error);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  gsize len;

  for (guint k = 0; k < BRIDGE_N_KINDS; k++)
    values[k] = 0;
  if (kinds == NULL)
    return error == NULL || *error == NULL;

  len = path_push_member (reader, member);
  json_object_iter_init (&iter, kinds);
  while (json_object_iter_next (&iter, &name, &node))
    {
      if (!g_strv_contains (kind_names, name))
        {
          reader_fail (reader, error, name,
                       _("unknown kind of teaching (expected “lecture”, “lab” or “seminar”)"));
          path_pop (reader, len);
          return FALSE;
        }
    }
  if (lecture_required && !json_object_has_member (kinds, "lecture"))
    {
      reader_fail (reader, error, NULL, _("the required member “%s” is missing"), "lecture");
      path_pop (reader, len);
      return FALSE;
    }
  for (guint k = 0; k < BRIDGE_N_KINDS; k++)
    if (!get_number (reader, kinds, kind_names[k], FALSE,
                     NUMBER_NONNEG | NUMBER_QUANTITY, &values[k], NULL, error))
      {
        path_pop (reader, len);
        return FALSE;
      }
  path_pop (reader, len);
  return TRUE;
}

static gboolean
reader_cancelled (Reader  *reader,
                  GError **error)
{
  if (g_cancellable_is_cancelled (reader->cancellable))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_CANCELLED, _("The import was cancelled"));
      return TRUE;
    }
  return FALSE;
}

static void
reader_progress (Reader  *reader,
                 gboolean force)
{
  gint64 now;

  if (reader->sink->progress == NULL)
    return;
  now = g_get_monotonic_time ();
  if (!force && now - reader->last_progress < 50 * G_TIME_SPAN_MILLISECOND)
    return;
  reader->last_progress = now;
  reader->sink->progress (reader->user_data, reader->bytes_done,
                          MAX (reader->bytes_total, reader->bytes_done));
}

/* Bytes: UTF-8, no NUL, no BOM, bounded nesting. Reports line:column. */
static gboolean
check_bytes (Reader      *reader,
             const char  *data,
             gsize        len,
             guint        first_line,
             GError     **error)
{
  const char *end = NULL;
  guint line = first_line, column = 1;
  g_autofree char *where = NULL;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      where = reader->file ? g_strdup_printf ("%s:%u:1", reader->file, line) : g_strdup_printf ("%u:1", line);
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED,
                   _("%s: the file starts with a byte order mark; a feed is UTF-8 without one"), where);
      return FALSE;
    }

  if (!g_utf8_validate_len (data, len, &end))
    {
      for (const char *p = data; p < end; p++)
        if (*p == '\n')
          {
            line++;
            column = 1;
          }
        else if (((guchar) *p & 0xC0) != 0x80)
          column++;
      where = reader->file ? g_strdup_printf ("%s:%u:%u", reader->file, line, column)
                           : g_strdup_printf ("%u:%u", line, column);
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED,
                   *end == '\0' ? _("%s: the file contains a NUL byte")
                                : _("%s: the bytes are not valid UTF-8"),
                   where);
      return FALSE;
    }

  if (!bridge_json_check_depth (data, len, BRIDGE_FEED_MAX_DEPTH, &line, &column))
    {
      line += first_line - 1;
      where = reader->file ? g_strdup_printf ("%s:%u:%u", reader->file, line, column)
                           : g_strdup_printf ("%u:%u", line, column);
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED,
                   _("%s: the JSON is nested more than %d levels deep"),
                   where, BRIDGE_FEED_MAX_DEPTH);
      return FALSE;
    }
  return TRUE;
}

/* Parses @data with @parser; a syntax error names file:line:column. */
static gboolean
parse_json (Reader      *reader,
            JsonParser  *parser,
            const char  *data,
            gsize        len,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *valid = NULL;
  const char *message;

  if (json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    return TRUE;

  /* json-glib says "<data>:LINE:COL: Parse error: …", quoting the token it
   * stopped at, which it may cut in the middle of a character: keep the
   * message valid UTF-8, and put our name in front. */
  valid = g_utf8_make_valid (local_error->message, -1);
  message = valid;
  if (g_str_has_prefix (message, "<data>:"))
    message += strlen ("<data>:");
  if (reader->line > 0)
    {
      /* One line of a course file: json-glib counts from 1 within it. */
      const char *colon = strchr (message, ':');
      const char *rest = colon ? strchr (colon + 1, ':') : NULL;

      if (colon != NULL && rest != NULL)
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED, "%s:%u:%.*s:%s",
                       reader->file, reader->line, (int) (rest - colon - 1), colon + 1, rest + 1);
          return FALSE;
        }
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED, "%s:%u: %s",
                   reader->file, reader->line, message);
      return FALSE;
    }
  g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED, "%s:%s",
               reader->file ? reader->file : "feed", message);
  return FALSE;
}

/* json-glib reads 99999999999999999999 as -1 and 18446744073709551617 as 1
 * without a word: every number of @data (just parsed) is checked in its text. */
static gboolean
check_numbers (Reader      *reader,
               const char  *data,
               gsize        len,
               GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (bridge_json_check_numbers (data, len, &path, &message))
    return TRUE;
  g_string_assign (reader->path, path);
  return reader_fail (reader, error, NULL, "%s", message);
}

typedef gboolean (*CheckObject) (Reader      *reader,
                                 JsonObject  *object,
                                 gpointer     data,
                                 GError     **error);
typedef gboolean (*SinkObject)  (gpointer     user_data,
                                 JsonObject  *object,
                                 const char  *place,
                                 GError     **error);

/* Checks each element of @array (the member @member of the current object)
 * with @check, which gets @data, and hands it to @sink when there is one. */
static gboolean
read_objects (Reader       *reader,
              JsonArray    *array,
              const char   *member,
              const char   *what,
              CheckObject   check,
              gpointer      data,
              SinkObject    sink,
              GError      **error)
{
  gsize len = path_push_member (reader, member);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize len2 = path_push_index (reader, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        /* Translators: "expected a university object, found a string" */
        return reader_fail (reader, error, NULL, _("expected %s, found %s"), what, node_type_name (element));
      if (!check (reader, json_node_get_object (element), data, error))
        return FALSE;
      if (sink != NULL)
        {
          g_autofree char *place = reader_place (reader, NULL);

          if (!sink (reader->user_data, json_node_get_object (element), place, error))
            return FALSE;
        }
      path_pop (reader, len2);
    }
  path_pop (reader, len);
  return TRUE;
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

  if ((id = get_id (reader, scale, "id", TRUE, error)) == NULL)
    return FALSE;
  if (g_hash_table_contains (info->scales, id))
    return reader_fail (reader, error, "id", _("the grading scale “%s” is defined twice"), id);
  if (!check_text (reader, scale, "name", TRUE, error))
    return FALSE;
  if ((grades = get_array (reader, scale, "grades", TRUE, 2, error)) == NULL)
    return FALSE;

  len = path_push_member (reader, "grades");
  for (guint i = 0; i < json_array_get_length (grades); i++)
    {
      JsonNode *node = json_array_get_element (grades, i);
      gsize len2 = path_push_index (reader, i);
      JsonObject *grade;
      const char *label;
      JsonNode *passing_node;
      double min = 0, max = 0;
      gboolean has_min, has_max;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return reader_fail (reader, error, NULL, _("expected a grade object, found %s"), node_type_name (node));
      grade = json_node_get_object (node);
      if ((label = get_string (reader, grade, "label", TRUE, error)) == NULL)
        return FALSE;
      if (g_hash_table_contains (labels, label))
        return reader_fail (reader, error, "label", _("the grade “%s” is listed twice in this scale"), label);
      g_hash_table_add (labels, (gpointer) label);
      if ((passing_node = get_member (reader, grade, "passing", TRUE, error)) == NULL)
        return FALSE;
      if (!JSON_NODE_HOLDS_VALUE (passing_node) || json_node_get_value_type (passing_node) != G_TYPE_BOOLEAN)
        return reader_fail (reader, error, "passing", _("expected true or false, found %s"),
                            node_type_name (passing_node));
      if (!get_number (reader, grade, "min", FALSE, NUMBER_QUANTITY, &min, &has_min, error)
          || !get_number (reader, grade, "max", FALSE, NUMBER_QUANTITY, &max, &has_max, error))
        return FALSE;
      if (has_min != has_max)
        return reader_fail (reader, error, has_min ? "min" : "max",
                            _("“min” and “max” go together: give both or neither"));
      if (has_min && min > max)
        return reader_fail (reader, error, "min", _("“min” (%g) is above “max” (%g)"), min, max);
      if (has_min)
        {
          for (guint b = 0; b < bands->len; b += 3)
            {
              double other_min = g_array_index (bands, double, b);
              double other_max = g_array_index (bands, double, b + 1);
              guint other = (guint) g_array_index (bands, double, b + 2);

              if (min <= other_max && other_min <= max)
                return reader_fail (reader, error, NULL,
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
      path_pop (reader, len2);
    }
  path_pop (reader, len);

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

  if ((scale_id = get_id (reader, table, "scale", TRUE, error)) == NULL)
    return FALSE;
  if ((passing = g_hash_table_lookup (info->scales, scale_id)) == NULL)
    return reader_fail (reader, error, "scale", _("the grading scale “%s” is not defined by this university"), scale_id);
  if ((isced = get_string (reader, table, "isced", TRUE, error)) == NULL
      || !check_isced (reader, isced, "isced", error))
    return FALSE;
  if ((cycle = get_enum (reader, table, "cycle", cycles, error)) == NULL)
    return FALSE;
  if (get_string (reader, table, "period", TRUE, error) == NULL)
    return FALSE;
  if ((counts = get_array (reader, table, "counts", TRUE, 1, error)) == NULL)
    return FALSE;

  len = path_push_member (reader, "counts");
  for (guint i = 0; i < json_array_get_length (counts); i++)
    {
      JsonNode *node = json_array_get_element (counts, i);
      gsize len2 = path_push_index (reader, i);
      JsonObject *count;
      const char *grade;
      double value;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return reader_fail (reader, error, NULL, _("expected {\"grade\": …, \"count\": …}, found %s"),
                            node_type_name (node));
      count = json_node_get_object (node);
      if ((grade = get_string (reader, count, "grade", TRUE, error)) == NULL)
        return FALSE;
      if (!get_number (reader, count, "count", TRUE, NUMBER_NONNEG | NUMBER_INTEGER, &value, NULL, error))
        return FALSE;
      if (i >= passing->len)
        return reader_fail (reader, error, "grade",
                            _("the scale “%s” has only %u passing grades; “%s” is one too many"),
                            scale_id, passing->len, grade);
      if (!g_str_equal (grade, g_ptr_array_index (passing, i)))
        return reader_fail (reader, error, "grade",
                            _("expected the passing grade “%s” here (the counts list the passing grades of “%s” in its order), found “%s”"),
                            (const char *) g_ptr_array_index (passing, i), scale_id, grade);
      if (value > (double) MAX_TABLE_TOTAL || (total += (gint64) value) > MAX_TABLE_TOTAL)
        return reader_fail (reader, error, "count",
                            _("the table counts more than %" PRId64 " grades in all, which is absurd"),
                            MAX_TABLE_TOTAL);
      path_pop (reader, len2);
    }
  path_pop (reader, len);

  if (json_array_get_length (counts) < passing->len)
    return reader_fail (reader, error, "counts",
                        _("the counts stop before the passing grade “%s” of the scale “%s”"),
                        (const char *) g_ptr_array_index (passing, json_array_get_length (counts)), scale_id);
  if (total == 0)
    return reader_fail (reader, error, "counts", _("all counts are 0: the table says nothing"));
  if (total < 100)
    reader_warn (reader, "counts",
                 g_dngettext (NULL, "the table counts only %" PRId64 " grade, too few to convert grades reliably",
                              "the table counts only %" PRId64 " grades, too few to convert grades reliably",
                              (gulong) total),
                 total);

  key = g_strdup_printf ("%s/%s/%s", scale_id, isced, cycle);
  if (!g_hash_table_add (info->table_keys, g_steal_pointer (&key)))
    reader_warn (reader, NULL,
                 _("a second grading table of the scale “%s” for field %s and cycle %s; the first one is used"),
                 scale_id, isced, cycle);
  return TRUE;
}

static gboolean
check_policy (Reader              *reader,
              JsonObject          *university,
              BridgeCreditPolicy  *out,
              GError             **error)
{
  JsonObject *policy = get_object (reader, university, "credit_policy", TRUE, error);
  gboolean ok;
  gsize len;

  if (policy == NULL)
    return FALSE;
  out->credit_step = 0.5;
  len = path_push_member (reader, "credit_policy");
  ok = get_number (reader, policy, "period_minutes", TRUE, NUMBER_POSITIVE | NUMBER_QUANTITY, &out->period_minutes, NULL, error)
       && check_kinds (reader, policy, "periods_per_credit", TRUE, TRUE, out->periods_per_credit, error)
       && check_kinds (reader, policy, "self_study_ratio", TRUE, TRUE, out->self_study_ratio, error)
       && get_number (reader, policy, "practice_week_hours", TRUE, NUMBER_POSITIVE | NUMBER_QUANTITY, &out->practice_week_hours, NULL, error)
       && get_number (reader, policy, "weeks_per_practice_credit", TRUE, NUMBER_POSITIVE | NUMBER_QUANTITY, &out->weeks_per_practice_credit, NULL, error)
       && get_number (reader, policy, "credit_step", FALSE, NUMBER_POSITIVE | NUMBER_QUANTITY, &out->credit_step, NULL, error);
  /* The lecture entry must be > 0 to define a local credit. */
  if (ok && out->periods_per_credit[BRIDGE_KIND_LECTURE] <= 0)
    ok = reader_fail (reader, error, "periods_per_credit.lecture",
                      _("a credit needs more than 0 lecture periods"));
  path_pop (reader, len);
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

  if ((term_id = get_id (reader, term, "id", TRUE, error)) == NULL)
    return FALSE;
  if (g_hash_table_contains (info->terms, term_id))
    return reader_fail (reader, error, "id", _("the term “%s” is defined twice"), term_id);
  if (!check_text (reader, term, "name", TRUE, error))
    return FALSE;
  start = get_string (reader, term, "start", FALSE, &local_error);
  if (local_error == NULL)
    end = get_string (reader, term, "end", FALSE, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (start != NULL && !is_date (start))
    return reader_fail (reader, error, "start", _("“%s” is not a date (YYYY-MM-DD)"), start);
  if (end != NULL && !is_date (end))
    return reader_fail (reader, error, "end", _("“%s” is not a date (YYYY-MM-DD)"), end);
  if (start != NULL && end != NULL && strcmp (start, end) > 0)
    return reader_fail (reader, error, "end", _("the term ends (%s) before it starts (%s)"), end, start);
  g_hash_table_add (info->terms, g_strdup (term_id));
  return TRUE;
}

static gboolean
check_university (Reader      *reader,
                  JsonObject  *university,
                  gpointer     unused,
                  GError     **error)
{
  UniversityInfo *info;
  JsonArray *array;
  const char *id;

  if ((id = get_id (reader, university, "id", TRUE, error)) == NULL)
    return FALSE;
  if (g_hash_table_contains (reader->universities, id))
    return reader_fail (reader, error, "id", _("the university “%s” is defined twice"), id);
  if (!check_text (reader, university, "name", TRUE, error)
      || !check_text (reader, university, "city", TRUE, error))
    return FALSE;
  if (json_object_has_member (university, "hei_id")
      && get_string (reader, university, "hei_id", FALSE, error) == NULL)
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
  /* Owned by the reader from here on, also when a check below fails. */
  g_hash_table_insert (reader->universities, g_strdup (id), info);

  if ((array = get_array (reader, university, "grading_scales", TRUE, 1, error)) == NULL
      || !read_objects (reader, array, "grading_scales", _("a grading scale object"), check_scale, info, NULL, error))
    return FALSE;
  if (json_object_has_member (university, "grading_tables")
      && ((array = get_array (reader, university, "grading_tables", FALSE, 0, error)) == NULL
          || !read_objects (reader, array, "grading_tables", _("a grading table object"), check_table, info, NULL, error)))
    return FALSE;
  if (json_object_has_member (university, "terms")
      && ((array = get_array (reader, university, "terms", FALSE, 0, error)) == NULL
          || !read_objects (reader, array, "terms", _("a term object"), check_term, info, NULL, error)))
    return FALSE;

  return TRUE;
}

/* Courses */

static gboolean
check_id_array (Reader      *reader,
                JsonObject  *object,
                const char  *member,
                JsonArray  **out,
                GError     **error)
{
  JsonArray *array;
  gsize len;

  *out = NULL;
  if (!json_object_has_member (object, member))
    return TRUE;
  if ((array = get_array (reader, object, member, FALSE, 0, error)) == NULL)
    return FALSE;
  len = path_push_member (reader, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *index = g_strdup_printf ("[%u]", i);

      /* check_string/get_id name the member; here the place is the index. */
      if (!is_string (node))
        {
          g_string_append (reader->path, index);
          reader_fail (reader, error, NULL, _("expected an identifier, found %s"), node_type_name (node));
          path_pop (reader, len);
          return FALSE;
        }
      if (!bridge_feed_is_identifier (json_node_get_string (node)))
        {
          g_string_append (reader->path, index);
          reader_fail (reader, error, NULL, _("“%s” is not an identifier"), json_node_get_string (node));
          path_pop (reader, len);
          return FALSE;
        }
    }
  path_pop (reader, len);
  *out = array;
  return TRUE;
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
  len = path_push_member (reader, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Reference ref;
      g_autofree char *place = NULL;
      gsize len2 = path_push_index (reader, i);

      place = reader_place (reader, NULL);
      ref.target = g_string_chunk_insert_const (reader->chunk, json_array_get_string_element (array, i));
      ref.place = g_string_chunk_insert (reader->chunk, place);
      ref.kind = kind;
      g_array_append_val (reader->references, ref);
      path_pop (reader, len2);
    }
  path_pop (reader, len);
}

static gboolean
check_course (Reader      *reader,
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
    return reader_fail (reader, error, NULL, _("the required member “%s” is missing"), "id");
  if ((id = get_id (reader, course, "id", TRUE, error)) == NULL)
    return FALSE;
  if (g_hash_table_contains (reader->courses, id))
    return reader_fail (reader, error, "id", _("the course “%s” is defined twice"), id);
  if ((university = get_id (reader, course, "university", TRUE, error)) == NULL)
    return FALSE;
  if ((info = g_hash_table_lookup (reader->universities, university)) == NULL)
    return reader_fail (reader, error, "university", _("the university “%s” is not in the feed"), university);
  if (get_string (reader, course, "code", TRUE, error) == NULL)
    return FALSE;
  if (!check_text (reader, course, "title", TRUE, error))
    return FALSE;
  if ((isced = get_string (reader, course, "isced", TRUE, error)) == NULL
      || !check_isced (reader, isced, "isced", error))
    return FALSE;
  if (get_enum (reader, course, "cycle", cycles, error) == NULL
      || get_enum (reader, course, "level", levels, error) == NULL)
    return FALSE;
  if (!check_kinds (reader, course, "periods", TRUE, FALSE, periods, error))
    return FALSE;
  if (!get_number (reader, course, "practice_weeks", FALSE, NUMBER_NONNEG | NUMBER_QUANTITY,
                   &practice_weeks, NULL, error)
      || !get_number (reader, course, "workload_hours", FALSE, NUMBER_POSITIVE | NUMBER_QUANTITY,
                      &workload, &has_workload, error)
      || !get_number (reader, course, "credits", TRUE, NUMBER_POSITIVE | NUMBER_QUANTITY,
                      &credits, NULL, error))
    return FALSE;
  if ((scale = get_id (reader, course, "grading_scale", TRUE, error)) == NULL)
    return FALSE;
  if (!g_hash_table_contains (info->scales, scale))
    return reader_fail (reader, error, "grading_scale",
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

            return reader_fail (reader, error, member,
                                _("the term “%s” is not defined by the university “%s”"), term, university);
          }
      }

  if ((array = get_array (reader, course, "languages", TRUE, 1, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *member = g_strdup_printf ("languages[%u]", i);

      if (!is_string (element))
        return reader_fail (reader, error, member, _("expected a language tag, found %s"), node_type_name (element));
      if (!g_utf8_validate (json_node_get_string (element), -1, NULL))
        return reader_fail (reader, error, member, _("the text is not valid UTF-8"));
      if (g_utf8_strlen (json_node_get_string (element), -1) < 2)
        return reader_fail (reader, error, member, _("“%s” is not a language tag"), json_node_get_string (element));
    }

  if (get_enum (reader, course, "delivery", deliveries, error) == NULL)
    return FALSE;
  if (!get_number (reader, course, "seats", FALSE, NUMBER_NONNEG | NUMBER_INTEGER | NUMBER_QUANTITY,
                   NULL, NULL, error))
    return FALSE;

  if (json_object_has_member (course, "learning_outcomes"))
    {
      if ((array = get_array (reader, course, "learning_outcomes", FALSE, 0, error)) == NULL)
        return FALSE;
      len = path_push_member (reader, "learning_outcomes");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *member = g_strdup_printf ("[%u]", i);
          gsize len2 = reader->path->len;

          g_string_append (reader->path, member);
          if (!check_text_node (reader, json_array_get_element (array, i), NULL, error))
            return FALSE;
          path_pop (reader, len2);
        }
      path_pop (reader, len);
    }

  if (!check_id_array (reader, course, "prerequisites", &array, error))
    return FALSE;
  if (!check_text (reader, course, "description", FALSE, error)
      || !check_uri (reader, course, "url", error))
    return FALSE;

  if (!has_workload && practice_weeks == 0
      && periods[BRIDGE_KIND_LECTURE] == 0 && periods[BRIDGE_KIND_LAB] == 0
      && periods[BRIDGE_KIND_SEMINAR] == 0)
    return reader_fail (reader, error, NULL,
                        _("the course has no workload: no “workload_hours”, all periods 0 and no practice weeks"));

  defer_references (reader, array, "prerequisites", "prerequisite");
  g_hash_table_add (reader->courses, g_string_chunk_insert_const (reader->chunk, id));

  /* The spec's warning, with the credit engine's exact arithmetic. */
  {
    BridgeCourseLoad load = { { 0 } };
    BridgeRational hours, policy_credits;
    gboolean disagree = FALSE;

    memcpy (load.periods, periods, sizeof periods);
    load.practice_weeks = practice_weeks;
    load.workload_hours = has_workload ? workload : 0;
    load.credits = credits;
    if (!bridge_credit_check_local (&info->policy, &load, &hours, &policy_credits, &disagree, NULL))
      return reader_fail (reader, error, NULL, _("the course’s workload cannot be computed exactly"));
    if (disagree)
      {
        g_autofree char *h = bridge_rational_format_short (hours, 1, BRIDGE_ROUND_HALF_UP, NULL);
        g_autofree char *p = bridge_rational_format_short (policy_credits, 2, BRIDGE_ROUND_HALF_UP, NULL);
        g_autofree char *c = g_strdup_printf ("%g", credits);

        /* The form follows the local credits; the other numbers have none. */
        reader_warn (reader, "credits",
                     g_dngettext (NULL, "the course awards %g local credit, but its workload of %s hours is worth %s under its university’s policy (more than 25 %% apart)",
                                  "the course awards %g local credits, but its workload of %s hours is worth %s under its university’s policy (more than 25 %% apart)",
                                  bridge_text_plural_count (c)),
                     credits, h, p);
      }
  }
  return TRUE;
}

/* Certificates */

static gboolean
check_certificate (Reader      *reader,
                   JsonObject  *certificate,
                   gpointer     unused,
                   GError     **error)
{
  const char *id, *isced;
  JsonArray *recognitions;
  gsize len;

  if ((id = get_id (reader, certificate, "id", TRUE, error)) == NULL)
    return FALSE;
  if (g_hash_table_contains (reader->certificates, id))
    return reader_fail (reader, error, "id", _("the certificate “%s” is defined twice"), id);
  if (!check_text (reader, certificate, "name", TRUE, error)
      || !check_text (reader, certificate, "issuer", TRUE, error))
    return FALSE;
  if (json_object_has_member (certificate, "level"))
    {
      JsonNode *node = json_object_get_member (certificate, "level");

      if (!is_string (node))
        return reader_fail (reader, error, "level", _("expected a string, found %s"), node_type_name (node));
      /* A \u escape can make text that is not UTF-8 out of bytes that are. */
      if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
        return reader_fail (reader, error, "level", _("the text is not valid UTF-8"));
    }
  if (json_object_has_member (certificate, "isced"))
    {
      if ((isced = get_string (reader, certificate, "isced", FALSE, error)) == NULL
          || !check_isced (reader, isced, "isced", error))
        return FALSE;
    }
  if (!get_number (reader, certificate, "workload_hours", FALSE, NUMBER_POSITIVE | NUMBER_QUANTITY, NULL, NULL, error))
    return FALSE;
  if ((recognitions = get_array (reader, certificate, "recognitions", TRUE, 1, error)) == NULL)
    return FALSE;

  len = path_push_member (reader, "recognitions");
  for (guint i = 0; i < json_array_get_length (recognitions); i++)
    {
      JsonNode *node = json_array_get_element (recognitions, i);
      gsize len2 = path_push_index (reader, i);
      JsonObject *recognition;
      const char *university;
      JsonArray *replaces;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return reader_fail (reader, error, NULL, _("expected a recognition object, found %s"), node_type_name (node));
      recognition = json_node_get_object (node);
      if ((university = get_id (reader, recognition, "university", TRUE, error)) == NULL)
        return FALSE;
      if (!g_hash_table_contains (reader->universities, university))
        return reader_fail (reader, error, "university", _("the university “%s” is not in the feed"), university);
      if (!get_number (reader, recognition, "credits", TRUE, NUMBER_POSITIVE | NUMBER_QUANTITY, NULL, NULL, error)
          || !get_number (reader, recognition, "valid_years", FALSE, NUMBER_POSITIVE | NUMBER_QUANTITY, NULL, NULL, error))
        return FALSE;
      if (!check_id_array (reader, recognition, "replaces", &replaces, error))
        return FALSE;
      defer_references (reader, replaces, "replaces", "replaces");
      path_pop (reader, len2);
    }
  path_pop (reader, len);

  g_hash_table_add (reader->certificates, g_strdup (id));
  return TRUE;
}

/* The course pipeline shared by inline courses and course files */

static gboolean
reader_course (Reader      *reader,
               JsonNode    *node,
               const char  *raw,
               gsize        raw_len,
               GError     **error)
{
  JsonObject *course;
  g_autofree char *place = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return reader_fail (reader, error, NULL, _("expected a course object, found %s"), node_type_name (node));
  course = json_node_get_object (node);
  if (!check_course (reader, course, error))
    return FALSE;
  if (reader->sink->course == NULL)
    return TRUE;
  place = reader_place (reader, NULL);
  return reader->sink->course (reader->user_data, course, raw, raw_len, place, error);
}

/* The message for a download beyond the limit, naming its URL. */
static gboolean
set_too_large (const char  *where,
               guint64      limit,
               GError     **error)
{
  g_autofree char *size = g_format_size_full (limit, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
               _("The download of %s was stopped: it is larger than %s, the most Credit Bridge reads of one file "
                 "of a feed. A feed this large must be split into more course files; tell the alliance office."),
               where, size);
  return FALSE;
}

static gboolean
download_too_large (Reader      *reader,
                    const char  *name,
                    GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *where = NULL;

  if (reader->web_base != NULL)
    uri = g_uri_parse_relative (reader->web_base, name, G_URI_FLAGS_ENCODED, NULL);
  where = uri ? g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD) : g_strdup (name);
  return set_too_large (where, reader->file_limit, error);
}

/* A course file: one course object per line. */
static gboolean
read_course_stream (Reader        *reader,
                    GInputStream  *stream,
                    JsonParser    *parser,
                    GError       **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new (CHUNK_SIZE * 2);
  g_autofree guint8 *chunk = g_malloc (CHUNK_SIZE);
  gboolean eof = FALSE, any = FALSE;
  gsize start = 0;

  reader->line = 0;
  while (!eof || start < buffer->len)
    {
      guint8 *nl;
      gsize line_len, next;
      const char *line;

      nl = start < buffer->len ? memchr (buffer->data + start, '\n', buffer->len - start) : NULL;
      if (nl == NULL && !eof)
        {
          gssize n;

          /* Keep the unfinished line, read more. */
          if (start > 0)
            {
              g_byte_array_remove_range (buffer, 0, (guint) start);
              start = 0;
            }
          n = g_input_stream_read (stream, chunk, CHUNK_SIZE, reader->cancellable, error);
          if (n < 0)
            return FALSE;
          if (n == 0)
            eof = TRUE;
          else
            {
              reader->file_bytes += (guint64) n;
              if (reader->file_limit > 0 && reader->file_bytes > reader->file_limit)
                return download_too_large (reader, reader->file, error);
              g_byte_array_append (buffer, chunk, (guint) n);
              g_checksum_update (reader->digest, chunk, n);
              reader->bytes_done += (guint64) n;
              reader_progress (reader, FALSE);
            }
          continue;
        }

      if (nl != NULL)
        {
          line_len = (gsize) (nl - (buffer->data + start));
          next = start + line_len + 1;
        }
      else
        {
          line_len = buffer->len - start;
          next = buffer->len;
        }
      line = (const char *) buffer->data + start;
      reader->line++;
      if (line_len > 0 && line[line_len - 1] == '\r')
        line_len--;

      /* Blank lines (the one after the last newline among them) carry nothing. */
      {
        gboolean blank = TRUE;

        for (gsize i = 0; i < line_len && blank; i++)
          blank = g_ascii_isspace (line[i]);
        if (!blank)
          {
            g_autofree char *copy = NULL;
            gsize len = reader->path->len;

            if (reader_cancelled (reader, error))
              return FALSE;
            if (!check_bytes (reader, line, line_len, reader->line, error))
              return FALSE;
            if (!parse_json (reader, parser, line, line_len, error)
                || !check_numbers (reader, line, line_len, error))
              return FALSE;
            g_string_assign (reader->path, "$");
            copy = g_strndup (line, line_len);
            if (!reader_course (reader, json_parser_get_root (parser), copy, line_len, error))
              return FALSE;
            path_pop (reader, len);
            any = TRUE;
          }
      }
      start = next;
    }

  if (!any)
    {
      reader->line = 0;
      g_string_assign (reader->path, "");
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED,
                   _("%s: the course file is empty; it must hold at least one course, one per line"),
                   reader->file);
      return FALSE;
    }
  return TRUE;
}

/* The root document */

static const char * const root_members[] = {
  "format", "version", "generated", "alliance", "universities",
  "courses", "course_files", "certificates", NULL
};

/* The number a member of the root object has, as written: json-glib reads
 * 99999999999999999999 as -1, which is not what a message should quote.
 * Long numbers are cut with an ellipsis. NULL when there is none. */
static char *
root_number_text (const char *data,
                  gsize       len,
                  const char *member)
{
  gsize member_len = strlen (member);
  int depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        depth--;
      else if (c == '"')
        {
          gsize start = ++i;

          while (i < len && data[i] != '"')
            i += data[i] == '\\' ? 2 : 1;
          if (i >= len)
            return NULL;
          if (depth == 1 && i - start == member_len && memcmp (data + start, member, member_len) == 0)
            {
              gsize j = i + 1, token;

              while (j < len && g_ascii_isspace (data[j]))
                j++;
              if (j >= len || data[j] != ':')
                continue;
              for (j++; j < len && g_ascii_isspace (data[j]); j++)
                ;
              for (token = j; j < len && strchr ("+-.0123456789eE", data[j]) != NULL && data[j] != '\0'; j++)
                ;
              if (j == token)
                return NULL;
              if (j - token > 24)
                return g_strdup_printf ("%.20s…", data + token);
              return g_strndup (data + token, j - token);
            }
        }
    }
  return NULL;
}

/* How read_feed() reaches the course files: @size (may be NULL) tells a
 * file's size without opening it; @open opens it for reading. */
typedef struct
{
  GInputStream *(*open) (const char  *name,
                         gpointer     data,
                         guint64     *size,
                         GError     **error);
  gboolean      (*size) (const char  *name,
                         gpointer     data,
                         guint64     *size,
                         GError     **error);
  gpointer        data;
} CourseFileOpener;

/* A course file stays in the feed's folder: no absolute path, no URI, and no
 * ".." segment, written plainly or percent-encoded (a web server decodes it). */
static gboolean
check_course_file_name (Reader      *reader,
                        const char  *name,
                        GError     **error)
{
  g_autofree char *scheme = g_uri_parse_scheme (name);
  g_autofree char *decoded = NULL;
  g_auto(GStrv) segments = NULL;

  if (!g_utf8_validate (name, -1, NULL))
    return reader_fail (reader, error, NULL, _("the text is not valid UTF-8"));
  if (g_path_is_absolute (name) || name[0] == '/' || name[0] == '\\'
      || scheme != NULL || strstr (name, "://") != NULL)
    return reader_fail (reader, error, NULL, _("“%s” is not a relative path"), name);
  decoded = g_uri_unescape_string (name, NULL);
  if (decoded == NULL)
    return reader_fail (reader, error, NULL,
                        _("“%s” is not a path a course file can have: it holds an invalid %%-escape"), name);
  if (decoded[0] == '/' || decoded[0] == '\\')
    return reader_fail (reader, error, NULL, _("“%s” is not a relative path"), name);
  segments = g_regex_split_simple ("[/\\\\]", decoded, 0, 0);
  for (guint i = 0; segments[i] != NULL; i++)
    if (g_str_equal (segments[i], ".."))
      return reader_fail (reader, error, NULL,
                          _("“%s” leaves the feed’s folder; a course file must be in the feed’s folder or below it, "
                            "named without “..”"),
                          name);
  return TRUE;
}

static gboolean
read_feed (Reader                 *reader,
           const char             *root_name,
           const char             *data,
           gsize                   len,
           const CourseFileOpener *opener,
           GError                **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(JsonParser) line_parser = json_parser_new_immutable ();
  JsonObject *root, *alliance;
  JsonNode *node;
  JsonArray *universities, *courses = NULL, *files = NULL, *certificates = NULL;
  JsonObjectIter iter;
  const char *member, *format, *generated;
  double version;
  gsize plen;

  reader->file = root_name;
  reader->line = 0;
  g_string_assign (reader->path, "");

  if (len == 0)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED,
                   _("%s: the file is empty; a feed is a JSON object"), root_name);
      return FALSE;
    }
  g_checksum_update (reader->digest, (const guchar *) data, (gssize) len);
  if (!check_bytes (reader, data, len, 1, error))
    return FALSE;
  if (!parse_json (reader, parser, data, len, error))
    return FALSE;

  g_string_assign (reader->path, "$");
  node = json_parser_get_root (parser);
  if (node == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED,
                   _("%s: the file holds no JSON value"), root_name);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return reader_fail (reader, error, NULL, _("a feed is a JSON object, found %s"), node_type_name (node));
  root = json_node_get_object (node);

  /* format and version first: a reader refuses versions it does not know. */
  if ((format = get_string (reader, root, "format", TRUE, error)) == NULL)
    return FALSE;
  if (!g_str_equal (format, "credit-bridge-catalog"))
    return reader_fail (reader, error, "format",
                        _("“%s” is not a catalog feed (expected “credit-bridge-catalog”)"), format);
  if (!get_number (reader, root, "version", TRUE, NUMBER_ANY, &version, NULL, error))
    return FALSE;
  if (version != BRIDGE_FEED_VERSION)
    {
      g_autofree char *place = reader_place (reader, "version");
      g_autofree char *written = root_number_text (data, len, "version");

      if (written == NULL)
        written = g_strdup_printf ("%g", version);
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_UNSUPPORTED_VERSION,
                   _("%s: unknown feed format version %s; this version of Credit Bridge reads version %d. "
                     "A newer Credit Bridge may read it."),
                   place, written, BRIDGE_FEED_VERSION);
      return FALSE;
    }
  /* After the version, which says which version is unknown as written. */
  if (!check_numbers (reader, data, len, error))
    return FALSE;
  g_string_assign (reader->path, "$");
  if ((generated = get_string (reader, root, "generated", TRUE, error)) == NULL)
    return FALSE;
  if (!is_date_time (generated))
    return reader_fail (reader, error, "generated",
                        _("“%s” is not an RFC 3339 date and time (e.g. 2026-09-01T08:00:00+08:00)"), generated);

  if ((alliance = get_object (reader, root, "alliance", TRUE, error)) == NULL)
    return FALSE;
  plen = path_push_member (reader, "alliance");
  {
    const char *id = get_id (reader, alliance, "id", TRUE, error);
    double hours = 0, ects = 27.5;

    if (id == NULL
        || !check_text (reader, alliance, "name", TRUE, error)
        || !get_number (reader, alliance, "hours_per_credit", TRUE, NUMBER_POSITIVE | NUMBER_QUANTITY, &hours, NULL, error)
        || !get_number (reader, alliance, "ects_hours_per_credit", FALSE, NUMBER_POSITIVE | NUMBER_QUANTITY, &ects, NULL, error))
      return FALSE;
    reader->alliance.id = g_strdup (id);
    reader->alliance.name = bridge_text_new_from_json (json_object_get_object_member (alliance, "name"));
    reader->alliance.hours_per_credit = hours;
    reader->alliance.ects_hours_per_credit = ects;
  }
  path_pop (reader, plen);

  if ((universities = get_array (reader, root, "universities", TRUE, 1, error)) == NULL)
    return FALSE;
  if (json_object_has_member (root, "courses")
      && (courses = get_array (reader, root, "courses", FALSE, 0, error)) == NULL)
    return FALSE;
  if (json_object_has_member (root, "course_files")
      && (files = get_array (reader, root, "course_files", FALSE, 0, error)) == NULL)
    return FALSE;
  if (json_object_has_member (root, "certificates")
      && (certificates = get_array (reader, root, "certificates", FALSE, 0, error)) == NULL)
    return FALSE;

  json_object_iter_init (&iter, root);
  while (json_object_iter_next (&iter, &member, &node))
    if (!g_strv_contains (root_members, member) && !g_str_has_prefix (member, "x-"))
      reader_warn (reader, member, _("unknown member of the feed; it is ignored"));

  /* Check every course file's name, and the size of each where that is
   * cheap, before anything is written: a missing local file is found early
   * and progress knows the total. */
  if (files != NULL)
    {
      plen = path_push_member (reader, "course_files");
      for (guint i = 0; i < json_array_get_length (files); i++)
        {
          JsonNode *element = json_array_get_element (files, i);
          gsize len2 = path_push_index (reader, i);
          const char *name;
          guint64 size = 0;
          g_autoptr(GError) local_error = NULL;

          if (!is_string (element) || *json_node_get_string (element) == '\0')
            return reader_fail (reader, error, NULL, _("expected the relative path of a course file, found %s"),
                                node_type_name (element));
          name = json_node_get_string (element);
          if (!check_course_file_name (reader, name, error))
            return FALSE;
          for (guint j = 0; j < i; j++)
            if (g_str_equal (name, json_array_get_string_element (files, j)))
              return reader_fail (reader, error, NULL, _("the course file “%s” is listed twice"), name);
          if (opener->size != NULL)
            {
              if (!opener->size (name, opener->data, &size, &local_error))
                return reader_fail (reader, error, NULL, _("cannot open the course file “%s”: %s"), name,
                                    local_error->message);
              reader->bytes_total += size;
            }
          path_pop (reader, len2);
        }
      path_pop (reader, plen);
    }

  if (reader->sink->begin != NULL
      && !reader->sink->begin (reader->user_data, root, &reader->alliance, error))
    return FALSE;

  if (!read_objects (reader, universities, "universities", _("a university object"),
                     check_university, NULL, reader->sink->university, error))
    return FALSE;
  if (certificates != NULL
      && !read_objects (reader, certificates, "certificates", _("a certificate object"),
                        check_certificate, NULL, reader->sink->certificate, error))
    return FALSE;

  if (courses != NULL)
    {
      plen = path_push_member (reader, "courses");
      for (guint i = 0; i < json_array_get_length (courses); i++)
        {
          JsonNode *element = json_array_get_element (courses, i);
          gsize len2 = path_push_index (reader, i);

          if (reader_cancelled (reader, error))
            return FALSE;
          if (!reader_course (reader, element, NULL, 0, error))
            return FALSE;
          path_pop (reader, len2);
        }
      path_pop (reader, plen);
    }

  /* One course file at a time, each read to its end and closed before the
   * next is opened: a web server gives a client only a few connections. */
  for (guint i = 0; files != NULL && i < json_array_get_length (files); i++)
    {
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *name = json_array_get_string_element (files, i);
      guint64 size = 0;

      reader->file = root_name;
      reader->line = 0;
      g_string_printf (reader->path, "$.course_files[%u]", i);
      if (opener->open == NULL
          || (stream = opener->open (name, opener->data, &size, &local_error)) == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_CANCELLED, _("The import was cancelled"));
              return FALSE;
            }
          if (local_error != NULL && local_error->domain == BRIDGE_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          return reader_fail (reader, error, NULL, _("cannot open the course file “%s”: %s"), name,
                              local_error ? local_error->message : _("no way to open course files"));
        }
      if (opener->size == NULL)
        {
          /* Sizes learnt as files open: guess the rest from those so far. */
          guint64 known = reader->bytes_total + size;

          reader->bytes_total = known + (known / (i + 1)) * (json_array_get_length (files) - i - 1);
        }
      reader->file = name;
      reader->file_bytes = 0;
      if (!read_course_stream (reader, stream, line_parser, error))
        return FALSE;
      if (!g_input_stream_close (stream, reader->cancellable, &local_error))
        return reader_fail (reader, error, NULL, _("cannot read the course file “%s”: %s"), name,
                            local_error->message);
      if (opener->size == NULL)
        reader->bytes_total = reader->bytes_done;
    }
  reader->file = root_name;
  reader->line = 0;

  /* References that may point forward: prerequisites and replaces. */
  for (guint i = 0; i < reader->references->len; i++)
    {
      Reference *ref = &g_array_index (reader->references, Reference, i);

      if (!g_hash_table_contains (reader->courses, ref->target))
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED,
                       _("%s: the course “%s” is not in the feed"), ref->place, ref->target);
          return FALSE;
        }
    }

  reader_progress (reader, TRUE);
  if (reader->sink->end != NULL
      && !reader->sink->end (reader->user_data, g_checksum_get_string (reader->digest), error))
    return FALSE;
  return TRUE;
}

static void
reader_init (Reader               *reader,
             const BridgeFeedSink *sink,
             gpointer              user_data,
             GCancellable         *cancellable)
{
  memset (reader, 0, sizeof *reader);
  reader->sink = sink;
  reader->user_data = user_data;
  reader->cancellable = cancellable;
  reader->universities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, university_info_free);
  reader->certificates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->courses = g_hash_table_new (g_str_hash, g_str_equal);
  reader->chunk = g_string_chunk_new (1 << 16);
  reader->references = g_array_new (FALSE, FALSE, sizeof (Reference));
  reader->path = g_string_new (NULL);
  reader->digest = g_checksum_new (G_CHECKSUM_SHA256);
}

static void
reader_clear (Reader *reader)
{
  bridge_alliance_clear (&reader->alliance);
  g_hash_table_unref (reader->universities);
  g_hash_table_unref (reader->certificates);
  g_hash_table_unref (reader->courses);
  g_string_chunk_free (reader->chunk);
  g_array_unref (reader->references);
  g_string_free (reader->path, TRUE);
  g_checksum_free (reader->digest);
}

/* Course files from a GFile feed: resolved against the feed's location. */
static GFile *
resolve_relative (GFile       *feed,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (feed);

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("the feed has no folder"));
      return NULL;
    }
  return g_file_resolve_relative_path (parent, name);
}

static gboolean
size_relative (const char  *name,
               gpointer     data,
               guint64     *size,
               GError     **error)
{
  g_autoptr(GFile) file = resolve_relative (data, name, error);
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL)
    return FALSE;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  *size = (guint64) g_file_info_get_size (info);
  return TRUE;
}

static GInputStream *
open_relative (const char  *name,
               gpointer     data,
               guint64     *size,
               GError     **error)
{
  g_autoptr(GFile) file = resolve_relative (data, name, error);

  if (file == NULL)
    return NULL;
  return G_INPUT_STREAM (g_file_read (file, NULL, error));
}

/* Feeds on the web: the root and every course file over HTTP(S) with libsoup,
 * since GIO alone reads https only where gvfs runs. Each file may be at most
 * DOWNLOAD_MAX_BYTES, and the whole feed must arrive within
 * DOWNLOAD_DEADLINE seconds; help/C/command-line.page says both, and the
 * environment variables of the same names without DOWNLOAD_ may lower them
 * for tests. */
#define DOWNLOAD_MAX_BYTES (G_GUINT64_CONSTANT (256) << 20)
#define DOWNLOAD_DEADLINE  (10 * 60)
/* A server that sends nothing for this long has gone away. */
#define DOWNLOAD_IDLE_SECONDS 60

typedef struct
{
  SoupSession  *session;
  GUri         *base;
  GCancellable *cancellable;  /* cancelled by the caller's, or at the deadline */
  guint64       limit;
  char         *current;      /* the URL being read, for messages */
} WebFeed;

/* Stops a download at its deadline: a thread cancels the download's
 * cancellable then, wherever the download is blocked. */
typedef struct
{
  GMutex        lock;
  GCond         cond;
  gboolean      done;
  gboolean      expired;
  gint64        end;          /* monotonic time */
  GCancellable *cancellable;
  GThread      *thread;
} Deadline;

static gpointer
deadline_thread (gpointer data)
{
  Deadline *deadline = data;

  g_mutex_lock (&deadline->lock);
  while (!deadline->done)
    if (!g_cond_wait_until (&deadline->cond, &deadline->lock, deadline->end))
      {
        deadline->expired = TRUE;
        g_cancellable_cancel (deadline->cancellable);
        break;
      }
  g_mutex_unlock (&deadline->lock);
  return NULL;
}

static void
deadline_start (Deadline     *deadline,
                GCancellable *cancellable,
                guint64       seconds)
{
  g_mutex_init (&deadline->lock);
  g_cond_init (&deadline->cond);
  deadline->cancellable = cancellable;
  deadline->end = g_get_monotonic_time () + (gint64) MIN (seconds, G_MAXINT32) * G_TIME_SPAN_SECOND;
  deadline->thread = g_thread_new ("download-deadline", deadline_thread, deadline);
}

static void
deadline_stop (Deadline *deadline)
{
  g_mutex_lock (&deadline->lock);
  deadline->done = TRUE;
  g_cond_signal (&deadline->cond);
  g_mutex_unlock (&deadline->lock);
  g_thread_join (deadline->thread);
  g_mutex_clear (&deadline->lock);
  g_cond_clear (&deadline->cond);
}

static guint64
env_number (const char *name,
            guint64     fallback)
{
  const char *value = g_getenv (name);
  guint64 number;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT64, &number, NULL))
    return fallback;
  return number;
}

static void
forward_cancel_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* https everywhere; plain http only to this computer, where nobody is on the way. */
static gboolean
check_web_uri (GUri    *uri,
               GError **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  g_autofree char *where = NULL;

  if (g_ascii_strcasecmp (scheme, "https") == 0
      || (g_ascii_strcasecmp (scheme, "http") == 0 && is_loopback_host (g_uri_get_host (uri))))
    return TRUE;
  where = g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD);
  g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
               _("%s was not downloaded: over plain http anyone on the way can read and change it. Use its "
                 "https:// address (plain http is only allowed to this computer: localhost, 127.0.0.1, ::1)."),
               where);
  return FALSE;
}

static GInputStream *
web_open (WebFeed     *web,
          GUri        *uri,
          guint64     *size,
          GError     **error)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  goffset length;

  if (!check_web_uri (uri, error))
    return NULL;
  g_free (web->current);
  web->current = g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD);
  message = soup_message_new_from_uri ("GET", uri);
  stream = soup_session_send (web->session, message, web->cancellable, error);
  if (stream == NULL)
    return NULL;
  /* A redirection is followed only to where a feed may be read from. */
  if (!check_web_uri (soup_message_get_uri (message), error))
    return NULL;
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the server answered %u %s for %s"),
                   soup_message_get_status (message), soup_message_get_reason_phrase (message), web->current);
      return NULL;
    }
  length = soup_message_headers_get_content_length (soup_message_get_response_headers (message));
  if (length > 0 && (guint64) length > web->limit)
    {
      set_too_large (web->current, web->limit, error);
      return NULL;
    }
  if (size != NULL)
    *size = length > 0 ? (guint64) length : 0;
  return g_steal_pointer (&stream);
}

static GInputStream *
web_open_relative (const char  *name,
                   gpointer     data,
                   guint64     *size,
                   GError     **error)
{
  WebFeed *web = data;
  g_autoptr(GUri) uri = g_uri_parse_relative (web->base, name, G_URI_FLAGS_ENCODED, error);

  if (uri == NULL)
    return NULL;
  return web_open (web, uri, size, error);
}

/* The root document, whole, NUL-terminated for the parser's messages. */
static GByteArray *
web_download (WebFeed  *web,
              GError  **error)
{
  g_autoptr(GInputStream) stream = web_open (web, web->base, NULL, error);
  g_autoptr(GByteArray) array = NULL;
  g_autofree guint8 *chunk = NULL;

  if (stream == NULL)
    return NULL;
  array = g_byte_array_new ();
  chunk = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize n = g_input_stream_read (stream, chunk, CHUNK_SIZE, web->cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if ((guint64) array->len + (guint64) n > web->limit)
        {
          set_too_large (web->current, web->limit, error);
          return NULL;
        }
      g_byte_array_append (array, chunk, (guint) n);
    }
  if (!g_input_stream_close (stream, web->cancellable, error))
    return NULL;
  g_byte_array_append (array, (const guint8 *) "", 1);
  return g_steal_pointer (&array);
}

static char *
format_duration (guint64 seconds)
{
  if (seconds % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", (gulong) (seconds / 60)),
                            (guint) (seconds / 60));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", (gulong) seconds),
                          (guint) seconds);
}

static gboolean
read_web_feed (GFile                *source,
               const BridgeFeedSink *sink,
               gpointer              user_data,
               GCancellable         *cancellable,
               GError              **error)
{
  g_autofree char *text = g_file_get_uri (source);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GCancellable) download_cancellable = g_cancellable_new ();
  g_autoptr(GByteArray) array = NULL;
  guint64 seconds = env_number ("CREDIT_BRIDGE_DOWNLOAD_DEADLINE", DOWNLOAD_DEADLINE);
  WebFeed web = { 0 };
  CourseFileOpener opener = { web_open_relative, NULL, &web };
  Deadline deadline = { 0 };
  gulong handler = 0;
  gboolean ok = FALSE;

  web.base = g_uri_parse (text, G_URI_FLAGS_ENCODED, &local_error);
  if (web.base == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("Cannot read the catalog feed %s: %s"), text, local_error->message);
      return FALSE;
    }
  /* Refused before any connection is made. */
  if (!check_web_uri (web.base, error))
    {
      g_uri_unref (web.base);
      return FALSE;
    }
  web.limit = env_number ("CREDIT_BRIDGE_DOWNLOAD_LIMIT", DOWNLOAD_MAX_BYTES);
  web.cancellable = download_cancellable;
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel_cb), download_cancellable, NULL);
  deadline_start (&deadline, download_cancellable, seconds);
  web.session = soup_session_new_with_options ("user-agent", "credit-bridge/" PACKAGE_VERSION,
                                               "timeout", DOWNLOAD_IDLE_SECONDS, NULL);

  array = web_download (&web, &local_error);
  if (array != NULL)
    {
      g_autofree char *name = g_path_get_basename (g_uri_get_path (web.base));
      gsize len = array->len - 1;
      Reader reader;

      reader_init (&reader, sink, user_data, download_cancellable);
      reader.bytes_total = len;
      reader.bytes_done = len;
      reader.file_limit = web.limit;
      reader.web_base = web.base;
      ok = read_feed (&reader, name, (const char *) array->data, len, &opener, &local_error);
      reader_clear (&reader);
    }
  deadline_stop (&deadline);
  if (handler != 0)
    g_cancellable_disconnect (cancellable, handler);

  if (!ok && deadline.expired)
    {
      g_autofree char *duration = format_duration (seconds);

      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("The download of %s did not finish within %s, the most a feed may take: the server sends too "
                     "slowly or without end. Try again later; if it keeps happening, tell the alliance office."),
                   web.current ? web.current : text, duration);
    }
  else if (!ok && g_cancellable_is_cancelled (cancellable))
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_CANCELLED, _("The import was cancelled"));
  else if (!ok && array == NULL && local_error->domain != BRIDGE_ERROR)
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                 _("Cannot read the catalog feed %s: %s"), text, local_error->message);
  else if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));

  g_clear_object (&web.session);
  g_clear_pointer (&web.base, g_uri_unref);
  g_free (web.current);
  return ok;
}

static gboolean
is_web (GFile *source)
{
  return g_file_has_uri_scheme (source, "http") || g_file_has_uri_scheme (source, "https");
}

gboolean
bridge_feed_read (GFile                *source,
                  const BridgeFeedSink *sink,
                  gpointer              user_data,
                  GCancellable         *cancellable,
                  GError              **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  CourseFileOpener opener = { open_relative, size_relative, source };
  Reader reader;
  gsize len = 0;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (source), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);

  if (is_web (source))
    return read_web_feed (source, sink, user_data, cancellable, error);

  name = g_file_get_basename (source);
  if (!g_file_load_contents (source, cancellable, &contents, &len, NULL, &local_error))
    {
      g_autofree char *where = g_file_get_parse_name (source);

      g_set_error (error, BRIDGE_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                     ? BRIDGE_ERROR_CANCELLED : BRIDGE_ERROR_FAILED,
                   _("Cannot read the catalog feed %s: %s"), where, local_error->message);
      return FALSE;
    }

  reader_init (&reader, sink, user_data, cancellable);
  reader.bytes_total = len;
  reader.bytes_done = len;
  ok = read_feed (&reader, name, contents, len, &opener, error);
  reader_clear (&reader);
  return ok;
}

typedef struct
{
  BridgeFeedOpenFunc open_file;
  gpointer           open_data;
} BytesOpener;

static GInputStream *
open_bytes (const char  *name,
            gpointer     data,
            guint64     *size,
            GError     **error)
{
  BytesOpener *opener = data;
  g_autoptr(GBytes) bytes = NULL;

  if (opener->open_file == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no such file"));
      return NULL;
    }
  bytes = opener->open_file (name, opener->open_data, error);
  if (bytes == NULL)
    return NULL;
  *size = g_bytes_get_size (bytes);
  return g_memory_input_stream_new_from_bytes (bytes);
}

gboolean
bridge_feed_read_bytes (GBytes               *root,
                        const char           *root_name,
                        BridgeFeedOpenFunc    open_file,
                        gpointer              open_data,
                        const BridgeFeedSink *sink,
                        gpointer              user_data,
                        GCancellable         *cancellable,
                        GError              **error)
{
  BytesOpener bytes_opener = { open_file, open_data };
  CourseFileOpener opener = { open_bytes, NULL, &bytes_opener };
  Reader reader;
  gsize len;
  const char *data = g_bytes_get_data (root, &len);
  gboolean ok;

  reader_init (&reader, sink, user_data, cancellable);
  reader.bytes_total = len;
  reader.bytes_done = len;
  ok = read_feed (&reader, root_name ? root_name : "feed.json",
                  data ? data : "", len, &opener, error);
  reader_clear (&reader);
  return ok;
}

char *
bridge_feed_describe_web_limits (void)
{
  g_autofree char *size = g_format_size_full (env_number ("CREDIT_BRIDGE_DOWNLOAD_LIMIT", DOWNLOAD_MAX_BYTES),
                                              G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *duration = format_duration (env_number ("CREDIT_BRIDGE_DOWNLOAD_DEADLINE", DOWNLOAD_DEADLINE));

  /* Translators: the first %s is a size (256 MiB), the second a duration (10 minutes) */
  return g_strdup_printf (_("From the web, each file of a feed may be at most %s, and the whole feed must arrive "
                            "within %s. Feeds are read over https://; plain http:// only from this computer "
                            "(localhost, 127.0.0.1, ::1)."),
                          size, duration);
}

static void
collect_warning (gpointer    user_data,
                 const char *place,
                 const char *message)
{
  GPtrArray *warnings = user_data;

  if (warnings != NULL)
    g_ptr_array_add (warnings, g_strdup_printf ("%s: %s", place, message));
}

gboolean
bridge_feed_check (GFile         *source,
                   GPtrArray     *warnings,
                   GCancellable  *cancellable,
                   GError       **error)
{
  BridgeFeedSink sink = { 0 };

  sink.warning = collect_warning;
  return bridge_feed_read (source, &sink, warnings, cancellable, error);
}
