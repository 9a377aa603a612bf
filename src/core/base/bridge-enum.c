/* bridge-enum.c: an enumeration's values and their names in files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-enum"

#include "config.h"

#include "bridge-enum.h"

const char *
bridge_enum_to_nick (GType type,
                     int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), NULL);

  klass = g_type_class_ref (type);
  v = g_enum_get_value (klass, value);
  /* The nicks are the static strings of the generated table: they outlive
   * the class reference. */
  g_return_val_if_fail (v != NULL, NULL);
  return v->value_nick;
}

gboolean
bridge_enum_from_nick (GType       type,
                       const char *nick,
                       int        *out)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *v;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (type);
  v = g_enum_get_value_by_nick (klass, nick);
  if (v == NULL)
    return FALSE;
  *out = v->value;
  return TRUE;
}

char *
bridge_enum_join_nicks (GType       type,
                        const char *separator)
{
  g_autoptr(GEnumClass) klass = NULL;
  GString *joined;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type), NULL);
  g_return_val_if_fail (separator != NULL, NULL);

  klass = g_type_class_ref (type);
  joined = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (joined, separator);
      g_string_append (joined, klass->values[i].value_nick);
    }
  return g_string_free (joined, FALSE);
}
