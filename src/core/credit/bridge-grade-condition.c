/* bridge-grade-condition.c: a precedent's condition, checked against a grade
 *
 * The rule is written down in bridge-grade-condition.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-grading"

#include "config.h"

#include <string.h>

#include "bridge-grade-condition.h"
#include "bridge-grading.h"

/* The languages a feed's localised text has (catalog-feed.md). */
static const char * const condition_languages[] = { "zh", "en" };

/* A byte that no label holds: what matched once is not read again. */
#define MATCHED '\x01'

static gboolean
is_latin_word_char (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum ((char) c);
}

/* Whether the label found at @at (of @length bytes) in @text stands as a
 * whole word where its own edge is a Latin letter or digit. */
static gboolean
stands_alone (const char *text,
              const char *at,
              gsize       length)
{
  const char *end = at + length;

  if (is_latin_word_char (g_utf8_get_char (at)) && at > text
      && is_latin_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, at))))
    return FALSE;
  if (is_latin_word_char (g_utf8_get_char (g_utf8_find_prev_char (at, end))) && *end != '\0'
      && is_latin_word_char (g_utf8_get_char (end)))
    return FALSE;
  return TRUE;
}

/* Longer labels first; on a tie, the scale's order. */
static int
compare_by_length (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const BridgeGradingScale *scale = user_data;
  guint i = GPOINTER_TO_UINT (*(gconstpointer *) a), j = GPOINTER_TO_UINT (*(gconstpointer *) b);
  glong li = g_utf8_strlen (scale->grades[i].label, -1), lj = g_utf8_strlen (scale->grades[j].label, -1);

  if (li != lj)
    return li > lj ? -1 : 1;
  return i < j ? -1 : i > j;
}

/* Adds to @found the indices of the labels of @scale in @text. */
static void
find_labels (const BridgeGradingScale *scale,
             GPtrArray                *order,
             const char               *text,
             GHashTable               *found)
{
  g_autofree char *rest = g_strdup (text);

  for (guint k = 0; k < order->len; k++)
    {
      guint i = GPOINTER_TO_UINT (g_ptr_array_index (order, k));
      const char *label = scale->grades[i].label;
      gsize length = strlen (label);
      char *at = rest;

      if (length == 0)
        continue;
      while ((at = strstr (at, label)) != NULL)
        {
          if (stands_alone (rest, at, length))
            {
              g_hash_table_add (found, GUINT_TO_POINTER (i + 1));
              memset (at, MATCHED, length);
            }
          at += length;
        }
    }
}

int
bridge_grade_condition_minimum (const BridgeGradingScale *scale,
                                const BridgeText         *condition)
{
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GHashTable) found = NULL;
  GHashTableIter iter;
  gpointer key;
  guint index;

  g_return_val_if_fail (scale != NULL, -1);

  if (condition == NULL)
    return -1;
  order = g_ptr_array_new ();
  for (guint i = 0; i < scale->n_grades; i++)
    if (scale->grades[i].label != NULL)
      g_ptr_array_add (order, GUINT_TO_POINTER (i));
  g_ptr_array_sort_with_data (order, compare_by_length, (gpointer) scale);

  found = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint l = 0; l < G_N_ELEMENTS (condition_languages); l++)
    {
      const char *text = bridge_text_get (condition, condition_languages[l]);

      if (text != NULL)
        find_labels (scale, order, text, found);
    }
  if (g_hash_table_size (found) != 1)
    return -1;
  g_hash_table_iter_init (&iter, found);
  g_hash_table_iter_next (&iter, &key, NULL);
  index = GPOINTER_TO_UINT (key) - 1;
  return scale->grades[index].passing ? (int) index : -1;
}

BridgeGradeConditionResult
bridge_grade_condition_check (const BridgeGradingScale  *scale,
                              const BridgeText          *condition,
                              const char                *grade,
                              const char               **minimum)
{
  const BridgeGrade *resolved;
  gboolean is_mark;
  double mark;
  int at_least;

  g_return_val_if_fail (scale != NULL, BRIDGE_GRADE_CONDITION_TO_CHECK);

  if (minimum != NULL)
    *minimum = NULL;
  at_least = bridge_grade_condition_minimum (scale, condition);
  if (at_least < 0)
    return BRIDGE_GRADE_CONDITION_TO_CHECK;
  if (minimum != NULL)
    *minimum = scale->grades[at_least].label;
  resolved = grade != NULL ? bridge_grading_scale_resolve (scale, grade, &is_mark, &mark, NULL) : NULL;
  if (resolved == NULL)
    return BRIDGE_GRADE_CONDITION_TO_CHECK;
  return resolved - scale->grades <= at_least ? BRIDGE_GRADE_CONDITION_MET : BRIDGE_GRADE_CONDITION_NOT_MET;
}
