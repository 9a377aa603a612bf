/* bridge-json.c: what json-glib does not check in the JSON it reads
 *
 * Shared by the plan reader and the catalog feed reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-json"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bridge-json.h"

typedef struct
{
  gboolean    object;
  guint       index;                      /* of the element, in an array */
  const char *key;                        /* the member's name, in an object */
  gsize       key_length;
} Level;

static char *
level_path (GArray *levels)
{
  GString *path = g_string_new ("$");

  for (guint i = 0; i < levels->len; i++)
    {
      Level *l = &g_array_index (levels, Level, i);

      if (!l->object)
        g_string_append_printf (path, "[%u]", l->index);
      else if (l->key != NULL)
        {
          g_string_append_c (path, '.');
          g_string_append_len (path, l->key, (gssize) l->key_length);
        }
    }
  return g_string_free (path, FALSE);
}

/* What a number's text may hold besides digits. */
static inline gboolean
is_number_sign (char c)
{
  return c == '+' || c == '-' || c == '.' || c == 'e' || c == 'E';
}

/* A number written with no exponent and at most this many digits before
 * its point is smaller in size than BRIDGE_JSON_MAX_NUMBER (10^15). */
#define SHORT_NUMBER_DIGITS 15
G_STATIC_ASSERT (BRIDGE_JSON_MAX_NUMBER == 1e15);

gboolean
bridge_json_check_numbers (const char  *data,
                           gsize        length,
                           char       **path,
                           char       **message)
{
  g_autoptr(GArray) levels = g_array_new (FALSE, FALSE, sizeof (Level));
  const char *p = data, *end = data + length;
  const char *last = NULL;                /* the last string, the key before a ':' */
  gsize last_length = 0;

  g_return_val_if_fail (path != NULL && message != NULL, FALSE);

  *path = NULL;
  *message = NULL;
  while (p < end)
    {
      char c = *p;
      Level *top = levels->len > 0 ? &g_array_index (levels, Level, levels->len - 1) : NULL;

      if (c == '"')
        {
          last = ++p;
          while (p < end && *p != '"')
            p += *p == '\\' ? 2 : 1;
          last_length = (gsize) (MIN (p, end) - last);
          p++;
        }
      else if (c == '{' || c == '[')
        {
          Level l = { c == '{', 0, NULL, 0 };

          g_array_append_val (levels, l);
          p++;
        }
      else if (c == '}' || c == ']')
        {
          if (top != NULL)
            g_array_set_size (levels, levels->len - 1);
          p++;
        }
      else if (c == ':' && top != NULL)
        {
          top->key = last;
          top->key_length = last_length;
          p++;
        }
      else if (c == ',' && top != NULL)
        {
          top->index++;
          p++;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          const char *start = p;
          g_autofree char *text = NULL;
          gboolean exponent = FALSE, point = FALSE;
          guint digits = 0;               /* before the point */
          double value;

          for (; p < end && (g_ascii_isdigit (*p) || is_number_sign (*p)); p++)
            if (*p == 'e' || *p == 'E')
              exponent = TRUE;
            else if (*p == '.')
              point = TRUE;
            else if (g_ascii_isdigit (*p) && !point)
              digits++;
          /* Without an exponent, at most 15 digits before the point is less
           * than 10^15 in size: no need to read it (most numbers, at a
           * million courses). */
          if (!exponent && digits <= SHORT_NUMBER_DIGITS)
            continue;
          text = g_strndup (start, (gsize) (p - start));
          value = g_ascii_strtod (text, NULL);
          if (!isfinite (value) || fabs (value) > BRIDGE_JSON_MAX_NUMBER)
            {
              char max[G_ASCII_DTOSTR_BUF_SIZE];

              if (strlen (text) > 40)
                strcpy (text + 37, "…");
              g_ascii_formatd (max, sizeof max, "%.0f", BRIDGE_JSON_MAX_NUMBER);
              *path = level_path (levels);
              /* Translators: the number 1e999 is out of range (the largest a file may hold is 1000000000000000) */
              *message = g_strdup_printf (_("the number %s is out of range (the largest a file may hold is %s)"),
                                          text, max);
              return FALSE;
            }
        }
      else
        p++;
    }
  return TRUE;
}

/* Where bridge_json_check_depth () found a bracket too deep: the same scan,
 * counting lines and columns, which only a refused file needs. */
static void
locate_depth (const char *data,
              gsize       len,
              guint       max_depth,
              guint      *line,
              guint      *column)
{
  guint depth = 0, l = 1, col = 0;
  gboolean in_string = FALSE, escaped = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '\n')
        {
          l++;
          col = 0;
          continue;
        }
      if (((guchar) c & 0xC0) != 0x80)
        col++;
      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > max_depth)
            break;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  if (line)
    *line = l;
  if (column)
    *column = col;
}

gboolean
bridge_json_check_depth (const char *data,
                         gsize       len,
                         guint       max_depth,
                         guint      *line,
                         guint      *column)
{
  const char *p = data, *end = data + len;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  /* The scan of locate_depth () without lines and columns, strings skipped
   * in a loop of their own (a course's text is mostly strings). A newline
   * does not end an escape there: neither here. */
  while (p < end)
    {
      char c = *p++;

      if (c == '"')
        {
          gboolean escaped = FALSE;

          for (; p < end; p++)
            {
              if (*p == '\n')
                continue;
              if (escaped)
                escaped = FALSE;
              else if (*p == '\\')
                escaped = TRUE;
              else if (*p == '"')
                break;
            }
          p++;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > max_depth)
            {
              locate_depth (data, len, max_depth, line, column);
              return FALSE;
            }
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

void
bridge_json_add_nullable_string (JsonBuilder *builder,
                                 const char  *name,
                                 const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
bridge_json_add_strv (JsonBuilder        *builder,
                      const char         *name,
                      const char * const *strv)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

void
bridge_json_add_string_array (JsonBuilder *builder,
                              const char  *name,
                              GPtrArray   *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

void
bridge_json_begin_output (JsonBuilder *builder,
                          gint64       version)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version);
}

JsonNode *
bridge_json_set_output_version (JsonNode *node,
                                gint64    version)
{
  JsonObject *old;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GList) members = NULL;

  g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (node), node);

  /* json-glib keeps the order members were set in, and so prints them. */
  old = json_node_get_object (node);
  members = json_object_get_members (old);
  json_object_set_int_member (object, "version", version);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "version"))
      json_object_set_member (object, l->data, json_node_ref (json_object_get_member (old, l->data)));
  json_node_set_object (node, object);
  return node;
}

JsonNode *
bridge_json_output_new (gint64      version,
                        const char *name,
                        JsonNode   *value)
{
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_int_member (object, "version", version);
  json_object_set_member (object, name, value);
  return json_node_init_object (json_node_alloc (), object);
}

/* json-glib 1.6 prints doubles with "%.17g" (3.24 comes out as
 * 3.2400000000000002), so the tree is written here: each double with the
 * fewest digits that read back as the same double, everything else through
 * JsonGenerator, indented as json-glib does. */
static void
write_node (GString  *out,
            JsonNode *node,
            guint     depth);

static void
write_indent (GString *out,
              guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth * 2; i++)
    g_string_append_c (out, ' ');
}

static void
write_scalar (GString  *out,
              JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_string_append (out, text);
}

static void
write_double (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 1; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buf, sizeof buf, format, value);
      /* 180 is "180", not "1.8e+02": exponents only for the very large or small. */
      if (strpbrk (buf, "eE") != NULL && fabs (value) < 1e15 && fabs (value) >= 1e-4)
        continue;
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".eEn") == NULL)            /* keep it a double: 3 → 3.0 */
    g_string_append (out, ".0");
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            g_autoptr(JsonNode) name = json_node_init_string (json_node_alloc (), l->data);

            g_string_append (out, first ? "" : ",");
            write_indent (out, depth + 1);
            write_scalar (out, name);
            g_string_append (out, " : ");
            write_node (out, json_object_get_member (object, l->data), depth + 1);
            first = FALSE;
          }
        if (!first)
          write_indent (out, depth);
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            g_string_append (out, i > 0 ? "," : "");
            write_indent (out, depth + 1);
            write_node (out, json_array_get_element (array, i), depth + 1);
          }
        if (n > 0)
          write_indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        write_double (out, json_node_get_double (node));
      else
        write_scalar (out, node);
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

char *
bridge_json_to_text (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  write_node (out, node, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
