/* bridge-text.c: localised text of the catalog feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-text"

#include "config.h"

#include <string.h>

#include "bridge-error.h"
#include "bridge-text.h"
#include "bridge-validate.h"

/* Immutable once built, and shared between threads: a course the search
 * thread reads holds its university's name, and the main thread drops it. */
struct _BridgeText
{
  gatomicrefcount ref;
  /* Pairs of language tag and text, in the feed's order. */
  GPtrArray  *pairs;
};

G_DEFINE_BOXED_TYPE (BridgeText, bridge_text, bridge_text_ref, bridge_text_unref)

static char *user_language;

static BridgeText *
bridge_text_alloc (void)
{
  BridgeText *self = g_new0 (BridgeText, 1);

  g_atomic_ref_count_init (&self->ref);
  self->pairs = g_ptr_array_new_with_free_func (g_free);
  return self;
}

static void
bridge_text_add (BridgeText *self,
                 const char *lang,
                 const char *text)
{
  g_ptr_array_add (self->pairs, g_strdup (lang));
  g_ptr_array_add (self->pairs, g_strdup (text));
}

BridgeText *
bridge_text_new (const char *zh,
                 const char *en)
{
  BridgeText *self = bridge_text_alloc ();

  if (zh != NULL)
    bridge_text_add (self, "zh", zh);
  if (en != NULL)
    bridge_text_add (self, "en", en);
  return self;
}

BridgeText *
bridge_text_new_from_json (JsonObject *object)
{
  BridgeText *self = bridge_text_alloc ();
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (object == NULL)
    return self;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        bridge_text_add (self, member, json_node_get_string (node));
    }
  return self;
}

BridgeText *
bridge_text_new_from_string (const char  *json,
                             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;

  if (json == NULL || *json == '\0')
    return bridge_text_alloc ();
  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   "A localised text must be a JSON object");
      return NULL;
    }
  return bridge_text_new_from_json (json_node_get_object (root));
}

BridgeText *
bridge_text_ref (BridgeText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
bridge_text_unref (BridgeText *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref))
    {
      g_ptr_array_unref (self->pairs);
      g_free (self);
    }
}

/* Matches "zh" against "zh", and a tag's primary subtag ("zh-Hans" → "zh"). */
static gboolean
tag_matches (const char *tag,
             const char *lang,
             gboolean    primary_only)
{
  gsize len;

  if (g_ascii_strcasecmp (tag, lang) == 0)
    return TRUE;
  if (!primary_only)
    return FALSE;
  len = strcspn (lang, "-_");
  return strlen (tag) >= len
         && g_ascii_strncasecmp (tag, lang, len) == 0
         && (tag[len] == '\0' || tag[len] == '-' || tag[len] == '_');
}

const char *
bridge_text_get (const BridgeText *self,
                 const char       *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i + 1 < self->pairs->len; i += 2)
      if (tag_matches (g_ptr_array_index (self->pairs, i), lang, pass == 1))
        return g_ptr_array_index (self->pairs, i + 1);
  return NULL;
}

/* Readers show the user's language, then zh, then en, then whatever there is. */
const char *
bridge_text_pick_for (const BridgeText *self,
                      const char       *lang)
{
  const char *text = NULL;

  g_return_val_if_fail (self != NULL, "");

  if (lang != NULL)
    text = bridge_text_get (self, lang);
  if (text == NULL)
    text = bridge_text_get (self, "zh");
  if (text == NULL)
    text = bridge_text_get (self, "en");
  if (text == NULL && self->pairs->len >= 2)
    text = g_ptr_array_index (self->pairs, 1);
  return text != NULL ? text : "";
}

const char *
bridge_text_pick (const BridgeText *self)
{
  return bridge_text_pick_for (self, bridge_text_user_language ());
}

gboolean
bridge_text_validate (const BridgeText *self,
                      gboolean          multiline,
                      gunichar         *bad)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 1; i < self->pairs->len; i += 2)
    if (!bridge_validate_chars (g_ptr_array_index (self->pairs, i), multiline, bad))
      return FALSE;
  return TRUE;
}

/* The primary language of the user's locale: "zh" for zh_CN.UTF-8, "en" for C. */
const char *
bridge_text_user_language (void)
{
  if (g_once_init_enter (&user_language))
    {
      const char * const *names = g_get_language_names ();
      char *lang = NULL;

      for (guint i = 0; names[i] != NULL && lang == NULL; i++)
        {
          /* The C locale reads English. */
          if (g_str_equal (names[i], "C") || g_str_has_prefix (names[i], "C.")
              || g_str_equal (names[i], "POSIX"))
            break;
          lang = g_strndup (names[i], strcspn (names[i], "_.@-"));
        }
      g_once_init_leave (&user_language, lang != NULL ? lang : g_strdup ("en"));
    }
  return user_language;
}

/* For tests and for a window that follows a preference: not thread-safe
 * against concurrent readers, call it before the first use. */
void
bridge_text_set_user_language (const char *lang)
{
  char *old = g_steal_pointer (&user_language);

  user_language = g_strdup (lang);
  g_free (old);
}

JsonNode *
bridge_text_to_json (const BridgeText *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  for (guint i = 0; i + 1 < self->pairs->len; i += 2)
    {
      json_builder_set_member_name (builder, g_ptr_array_index (self->pairs, i));
      json_builder_add_string_value (builder, g_ptr_array_index (self->pairs, i + 1));
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

char *
bridge_text_to_string (const BridgeText *self)
{
  g_autoptr(JsonNode) node = bridge_text_to_json (self);

  return json_to_string (node, FALSE);
}

gulong
bridge_text_plural_count (const char *shown)
{
  gsize len;

  g_return_val_if_fail (shown != NULL, 2);

  len = strlen (shown);
  if (len == 0 || strspn (shown, "0123456789") != len)
    return 2;
  /* Past what a gulong holds, the last digits are what plural rules look
   * at, as the gettext manual advises. */
  if (len > 18)
    return g_ascii_strtoull (shown + len - 6, NULL, 10) + 1000000;
  return g_ascii_strtoull (shown, NULL, 10);
}

static gpointer
copy_string (gconstpointer string,
             gpointer      data)
{
  return g_strdup (string);
}

GPtrArray *
bridge_text_strings_copy (GPtrArray *strings)
{
  return g_ptr_array_copy (strings, copy_string, NULL);
}
