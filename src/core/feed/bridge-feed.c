/* bridge-feed.c: reading an alliance catalog feed
 *
 * Every rule of ../shared/spec/catalog-feed.md (schema and "checks beyond the
 * schema") is checked, once, before an object reaches the sink; the sink may
 * trust what it is given. Each error names its place. This file holds the
 * reader's state and its places, and streams the root document and the
 * course files (JSON Lines); bridge-feed-check.c holds the checks of each
 * object, and bridge-feed-fetch.c gets the files, from disk or the web.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-feed"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-feed-private.h"
#include "bridge-json.h"

static void
university_info_free (gpointer data)
{
  UniversityInfo *info = data;

  g_hash_table_unref (info->scales);
  g_hash_table_unref (info->terms);
  g_hash_table_unref (info->table_keys);
  g_hash_table_unref (info->load_checks);
  g_free (info);
}

/* Places and errors */

char *
bridge_feed_place (Reader     *reader,
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

gboolean G_GNUC_PRINTF (4, 5)
bridge_feed_fail (Reader      *reader,
                  GError     **error,
                  const char  *member,
                  const char  *format,
                  ...)
{
  g_autofree char *place = bridge_feed_place (reader, member);
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

void G_GNUC_PRINTF (3, 4)
bridge_feed_warn (Reader     *reader,
                  const char *member,
                  const char *format,
                  ...)
{
  g_autofree char *place = bridge_feed_place (reader, member);
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

gsize
bridge_feed_push_member (Reader     *reader,
                         const char *member)
{
  gsize len = reader->path->len;

  /* Not printf: a path is pushed a few times for each of a million courses. */
  g_string_append_c (reader->path, '.');
  g_string_append (reader->path, member);
  return len;
}

gsize
bridge_feed_push_index (Reader *reader,
                        guint   index)
{
  gsize len = reader->path->len;
  char digits[16];
  guint n = 0;

  do
    digits[n++] = (char) ('0' + index % 10);
  while ((index /= 10) > 0);
  g_string_append_c (reader->path, '[');
  while (n > 0)
    g_string_append_c (reader->path, digits[--n]);
  g_string_append_c (reader->path, ']');
  return len;
}

void
bridge_feed_pop (Reader *reader,
                 gsize   len)
{
  g_string_truncate (reader->path, len);
}

const char *
bridge_feed_type_name (JsonNode *node)
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

static void
bridge_feed_digest_update (Reader     *reader,
                           const void *data,
                           gsize       len)
{
  sha256_update (&reader->digest, len, data);
}

static gboolean
reader_cancelled (Reader  *reader,
                  GError **error)
{
  if (g_cancellable_is_cancelled (reader->cancellable))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The import was cancelled"));
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
  return bridge_feed_fail (reader, error, NULL, "%s", message);
}

/* Checks each element of @array (the member @member of the current object)
 * with @check, which gets @data, and hands it to @sink when there is one. */
gboolean
bridge_feed_read_objects (Reader       *reader,
                          JsonArray    *array,
                          const char   *member,
                          const char   *what,
                          CheckObject   check,
                          gpointer      data,
                          SinkObject    sink,
                          GError      **error)
{
  gsize len = bridge_feed_push_member (reader, member);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize len2 = bridge_feed_push_index (reader, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        /* Translators: "expected a university object, found a string" */
        return bridge_feed_fail (reader, error, NULL, _("expected %s, found %s"), what, bridge_feed_type_name (element));
      if (!check (reader, json_node_get_object (element), data, error))
        return FALSE;
      if (sink != NULL)
        {
          g_autofree char *place = bridge_feed_place (reader, NULL);

          if (!sink (reader->user_data, json_node_get_object (element), place, error))
            return FALSE;
        }
      bridge_feed_pop (reader, len2);
    }
  bridge_feed_pop (reader, len);
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
    return bridge_feed_fail (reader, error, NULL, _("expected a course object, found %s"), bridge_feed_type_name (node));
  course = json_node_get_object (node);
  if (!bridge_feed_check_course (reader, course, error))
    return FALSE;
  if (reader->sink->course == NULL)
    return TRUE;
  place = bridge_feed_place (reader, NULL);
  return reader->sink->course (reader->user_data, course, raw, raw_len, place, error);
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
                return bridge_feed_download_too_large (reader, reader->file, error);
              g_byte_array_append (buffer, chunk, (guint) n);
              bridge_feed_digest_update (reader, chunk, (gsize) n);
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
            reader->text_has_escapes = memchr (line, '\\', line_len) != NULL;
            copy = g_strndup (line, line_len);
            if (!reader_course (reader, json_parser_get_root (parser), copy, line_len, error))
              return FALSE;
            bridge_feed_pop (reader, len);
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
  "format", "version", "revision", "generated", "alliance", "universities",
  "courses", "course_files", "certificates", "equivalences", NULL
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

gboolean
bridge_feed_read_document (Reader                 *reader,
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
  JsonArray *universities, *courses = NULL, *files = NULL, *certificates = NULL, *equivalences = NULL;
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
  bridge_feed_digest_update (reader, data, len);
  if (!check_bytes (reader, data, len, 1, error))
    return FALSE;
  if (!parse_json (reader, parser, data, len, error))
    return FALSE;
  /* check_bytes () found every byte valid. */
  reader->text_has_escapes = memchr (data, '\\', len) != NULL;

  g_string_assign (reader->path, "$");
  node = json_parser_get_root (parser);
  if (node == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_FEED,
                   _("%s: the file holds no JSON value"), root_name);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bridge_feed_fail (reader, error, NULL, _("a feed is a JSON object, found %s"), bridge_feed_type_name (node));
  root = json_node_get_object (node);

  /* format and version first: a reader refuses versions it does not know. */
  if ((format = bridge_feed_get_string (reader, root, "format", TRUE, error)) == NULL)
    return FALSE;
  if (!g_str_equal (format, "credit-bridge-catalog"))
    return bridge_feed_fail (reader, error, "format",
                             _("“%s” is not a catalog feed (expected “credit-bridge-catalog”)"), format);
  if (!bridge_feed_get_number (reader, root, "version", TRUE, NUMBER_ANY, &version, NULL, error))
    return FALSE;
  if (version != BRIDGE_FEED_VERSION)
    {
      g_autofree char *place = bridge_feed_place (reader, "version");
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
  /* Additions within the version: any revision is read, unknown members ignored. */
  if (!bridge_feed_get_number (reader, root, "revision", FALSE, NUMBER_POSITIVE | NUMBER_INTEGER, NULL, NULL, error))
    return FALSE;
  if ((generated = bridge_feed_get_string (reader, root, "generated", TRUE, error)) == NULL)
    return FALSE;
  if (!bridge_feed_is_date_time (generated))
    return bridge_feed_fail (reader, error, "generated",
                             _("“%s” is not an RFC 3339 date and time (e.g. 2026-09-01T08:00:00+08:00)"), generated);

  if ((alliance = bridge_feed_get_object (reader, root, "alliance", TRUE, error)) == NULL)
    return FALSE;
  plen = bridge_feed_push_member (reader, "alliance");
  {
    const char *id = bridge_feed_get_id (reader, alliance, "id", TRUE, error);
    double hours = 0, ects = 27.5;

    if (id == NULL
        || !bridge_feed_check_text (reader, alliance, "name", TRUE, error)
        || !bridge_feed_get_number (reader, alliance, "hours_per_credit", TRUE, NUMBER_POSITIVE | NUMBER_QUANTITY, &hours, NULL, error)
        || !bridge_feed_get_number (reader, alliance, "ects_hours_per_credit", FALSE, NUMBER_POSITIVE | NUMBER_QUANTITY, &ects, NULL, error))
      return FALSE;
    reader->alliance.id = g_strdup (id);
    reader->alliance.name = bridge_text_new_from_json (json_object_get_object_member (alliance, "name"));
    reader->alliance.hours_per_credit = hours;
    reader->alliance.ects_hours_per_credit = ects;
  }
  bridge_feed_pop (reader, plen);

  if ((universities = bridge_feed_get_array (reader, root, "universities", TRUE, 1, error)) == NULL)
    return FALSE;
  if (json_object_has_member (root, "courses")
      && (courses = bridge_feed_get_array (reader, root, "courses", FALSE, 0, error)) == NULL)
    return FALSE;
  if (json_object_has_member (root, "course_files")
      && (files = bridge_feed_get_array (reader, root, "course_files", FALSE, 0, error)) == NULL)
    return FALSE;
  if (json_object_has_member (root, "certificates")
      && (certificates = bridge_feed_get_array (reader, root, "certificates", FALSE, 0, error)) == NULL)
    return FALSE;
  if (json_object_has_member (root, "equivalences")
      && (equivalences = bridge_feed_get_array (reader, root, "equivalences", FALSE, 0, error)) == NULL)
    return FALSE;

  json_object_iter_init (&iter, root);
  while (json_object_iter_next (&iter, &member, &node))
    if (!g_strv_contains (root_members, member) && !g_str_has_prefix (member, "x-"))
      bridge_feed_warn (reader, member, _("unknown member of the feed; it is ignored"));

  /* Check every course file's name, and the size of each where that is
   * cheap, before anything is written: a missing local file is found early
   * and progress knows the total. */
  if (files != NULL)
    {
      plen = bridge_feed_push_member (reader, "course_files");
      for (guint i = 0; i < json_array_get_length (files); i++)
        {
          JsonNode *element = json_array_get_element (files, i);
          gsize len2 = bridge_feed_push_index (reader, i);
          const char *name;
          guint64 size = 0;
          g_autoptr(GError) local_error = NULL;

          if (!bridge_feed_is_string (element) || *json_node_get_string (element) == '\0')
            return bridge_feed_fail (reader, error, NULL, _("expected the relative path of a course file, found %s"),
                                     bridge_feed_type_name (element));
          name = json_node_get_string (element);
          if (!bridge_feed_check_course_file_name (reader, name, error))
            return FALSE;
          for (guint j = 0; j < i; j++)
            if (g_str_equal (name, json_array_get_string_element (files, j)))
              return bridge_feed_fail (reader, error, NULL, _("the course file “%s” is listed twice"), name);
          if (opener->size != NULL)
            {
              if (!opener->size (name, opener->data, &size, &local_error))
                return bridge_feed_fail (reader, error, NULL, _("cannot open the course file “%s”: %s"), name,
                                         local_error->message);
              reader->bytes_total += size;
            }
          bridge_feed_pop (reader, len2);
        }
      bridge_feed_pop (reader, plen);
    }

  if (reader->sink->begin != NULL
      && !reader->sink->begin (reader->user_data, root, &reader->alliance, error))
    return FALSE;

  if (!bridge_feed_read_objects (reader, universities, "universities", _("a university object"),
                                 bridge_feed_check_university, NULL, reader->sink->university, error))
    return FALSE;
  if (certificates != NULL
      && !bridge_feed_read_objects (reader, certificates, "certificates", _("a certificate object"),
                                    bridge_feed_check_certificate, NULL, reader->sink->certificate, error))
    return FALSE;

  if (courses != NULL)
    {
      plen = bridge_feed_push_member (reader, "courses");
      for (guint i = 0; i < json_array_get_length (courses); i++)
        {
          JsonNode *element = json_array_get_element (courses, i);
          gsize len2 = bridge_feed_push_index (reader, i);

          if (reader_cancelled (reader, error))
            return FALSE;
          if (!reader_course (reader, element, NULL, 0, error))
            return FALSE;
          bridge_feed_pop (reader, len2);
        }
      bridge_feed_pop (reader, plen);
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
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The import was cancelled"));
              return FALSE;
            }
          if (local_error != NULL && local_error->domain == BRIDGE_ERROR)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          return bridge_feed_fail (reader, error, NULL, _("cannot open the course file “%s”: %s"), name,
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
        return bridge_feed_fail (reader, error, NULL, _("cannot read the course file “%s”: %s"), name,
                                 local_error->message);
      if (opener->size == NULL)
        reader->bytes_total = reader->bytes_done;
    }
  reader->file = root_name;
  reader->line = 0;
  reader->text_has_escapes = memchr (data, '\\', len) != NULL;

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

  /* The register names courses of every file: it is checked last. */
  if (equivalences != NULL
      && !bridge_feed_read_objects (reader, equivalences, "equivalences", _("an equivalence object"),
                                    bridge_feed_check_equivalence, NULL, reader->sink->equivalence, error))
    return FALSE;

  reader_progress (reader, TRUE);
  if (reader->sink->end != NULL)
    {
      guint8 digest[SHA256_DIGEST_SIZE];
      char hex[2 * SHA256_DIGEST_SIZE + 1];

      sha256_digest (&reader->digest, sizeof digest, digest);
      for (gsize i = 0; i < sizeof digest; i++)
        g_snprintf (hex + 2 * i, 3, "%02x", digest[i]);
      if (!reader->sink->end (reader->user_data, hex, error))
        return FALSE;
    }
  return TRUE;
}

void
bridge_feed_reader_init (Reader               *reader,
                         const BridgeFeedSink *sink,
                         gpointer              user_data,
                         GCancellable         *cancellable)
{
  memset (reader, 0, sizeof *reader);
  reader->sink = sink;
  reader->user_data = user_data;
  reader->cancellable = cancellable;
  reader->text_has_escapes = TRUE;
  reader->universities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, university_info_free);
  reader->certificates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->equivalences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->courses = g_hash_table_new (g_str_hash, g_str_equal);
  reader->chunk = g_string_chunk_new (1 << 16);
  reader->references = g_array_new (FALSE, FALSE, sizeof (Reference));
  reader->path = g_string_new (NULL);
  sha256_init (&reader->digest);
}

void
bridge_feed_reader_clear (Reader *reader)
{
  bridge_alliance_clear (&reader->alliance);
  g_hash_table_unref (reader->universities);
  g_hash_table_unref (reader->certificates);
  g_hash_table_unref (reader->equivalences);
  g_hash_table_unref (reader->courses);
  g_string_chunk_free (reader->chunk);
  g_array_unref (reader->references);
  g_string_free (reader->path, TRUE);
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

  bridge_feed_reader_init (&reader, sink, user_data, cancellable);
  reader.bytes_total = len;
  reader.bytes_done = len;
  ok = bridge_feed_read_document (&reader, root_name ? root_name : "feed.json",
                                  data ? data : "", len, &opener, error);
  bridge_feed_reader_clear (&reader);
  return ok;
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
