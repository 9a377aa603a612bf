/* bridge-text.h: localised text of the catalog feed ({"zh": …, "en": …})
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BRIDGE_TYPE_TEXT (bridge_text_get_type ())

typedef struct _BridgeText BridgeText;

GType        bridge_text_get_type         (void) G_GNUC_CONST;
BridgeText  *bridge_text_new              (const char  *zh,
                                           const char  *en);
BridgeText  *bridge_text_new_from_json    (JsonObject  *object);
BridgeText  *bridge_text_new_from_string  (const char  *json,
                                           GError     **error);
BridgeText  *bridge_text_ref              (BridgeText  *self);
void         bridge_text_unref            (BridgeText  *self);
const char  *bridge_text_get              (const BridgeText *self,
                                           const char       *lang);
const char  *bridge_text_pick             (const BridgeText *self);
const char  *bridge_text_pick_for         (const BridgeText *self,
                                           const char       *lang);
char        *bridge_text_to_string        (const BridgeText *self);
JsonNode    *bridge_text_to_json          (const BridgeText *self);
/* TRUE when every text passes bridge_validate_chars () (one line, or
 * several with @multiline); *@bad gets the first character that does not. */
gboolean     bridge_text_validate         (const BridgeText *self,
                                           gboolean          multiline,
                                           gunichar         *bad);
const char  *bridge_text_user_language    (void);
void         bridge_text_set_user_language (const char *lang);
/* The count by which g_dngettext() picks the form of a word after a number
 * shown as @shown ("3", "2.5", "—"): the number when it shows whole ("1
 * credit"), and 2 otherwise, since English says "1.5 credits" as it says
 * "2 credits" (and Chinese has one form). gettext counts only whole numbers,
 * so a language whose fractions take a form of their own cannot be told
 * apart here. */
gulong       bridge_text_plural_count     (const char *shown);
/* A copy of @strings, an array of strings freed with g_free(), each string
 * copied too. */
GPtrArray   *bridge_text_strings_copy     (GPtrArray  *strings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeText, bridge_text_unref)

G_END_DECLS
