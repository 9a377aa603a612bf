/* bridge-grading.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-grading"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bridge-credit-enums.h"
#include "bridge-enum.h"
#include "bridge-error.h"
#include "bridge-grading-private.h"
#include "bridge-grading.h"
#include "bridge-rational.h"
#include "bridge-text.h"

/* Table totals stay below 2^62 so that C(i) × N' (< 2^124) and twice it
 * (the midpoint test) fit in 128 bits. */
#define MAX_TOTAL (((gint64) 1) << 62)

const char *
bridge_grade_rule_to_string (BridgeGradeRule rule)
{
  return bridge_enum_to_nick (BRIDGE_TYPE_GRADE_RULE, rule);
}

gboolean
bridge_grade_rule_from_string (const char      *str,
                               BridgeGradeRule *out)
{
  return bridge_enum_from_nick (BRIDGE_TYPE_GRADE_RULE, str, (int *) out);
}

/* Tables */

gboolean
bridge_grading_table_check (const BridgeGradingTable *table,
                            const char               *name,
                            GError                  **error)
{
  gint64 total = 0;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (table != NULL, FALSE);

  if (name == NULL)
    name = _("the grading table");

  if (table->n_counts == 0)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("%s is empty: it lists no grades"), name);
      return FALSE;
    }

  for (guint i = 0; i < table->n_counts; i++)
    {
      const BridgeGradeCount *c = &table->counts[i];

      if (c->grade == NULL || c->grade[0] == '\0')
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       _("%s: row %u has no grade"), name, i + 1);
          return FALSE;
        }
      if (!g_hash_table_add (seen, c->grade))
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       _("%s lists the grade “%s” twice"), name, c->grade);
          return FALSE;
        }
      if (c->count < 0)
        {
          g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, c->count);
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       _("%s: the count of “%s” is negative (%s)"),
                          name, c->grade, count);
          return FALSE;
        }
      if (c->count >= MAX_TOTAL - total)
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       _("%s counts too many grades to convert exactly"), name);
          return FALSE;
        }
      total += c->count;
    }

  if (total == 0)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("%s has only counts of 0: with no grades awarded it cannot convert anything"),
                      name);
      return FALSE;
    }
  return TRUE;
}

/* Scales */

char *
bridge_grading_scale_label (const BridgeGradingScale *scale)
{
  const char *name = scale->name != NULL ? bridge_text_pick (scale->name) : NULL;

  return g_strdup (name != NULL ? name : scale->id != NULL ? scale->id
                                                           : "");
}

const BridgeGrade *
bridge_grading_scale_resolve (const BridgeGradingScale *scale,
                              const char               *grade,
                              gboolean                 *is_mark,
                              double                   *mark,
                              GError                  **error)
{
  BridgeRational   value;
  g_autofree char *trimmed = NULL;
  gboolean         has_bands = FALSE;

  g_return_val_if_fail (scale != NULL, NULL);
  g_return_val_if_fail (grade != NULL, NULL);

  if (is_mark != NULL)
    *is_mark = FALSE;

  for (guint i = 0; i < scale->n_grades; i++)
    if (g_strcmp0 (scale->grades[i].label, grade) == 0)
      return &scale->grades[i];

  /* " 良好" typed with a stray space is still 良好 */
  trimmed = g_strstrip (g_strdup (grade));
  for (guint i = 0; i < scale->n_grades; i++)
    if (g_strcmp0 (scale->grades[i].label, trimmed) == 0)
      return &scale->grades[i];

  if (bridge_rational_parse (trimmed, 12, &value))
    {
      for (guint i = 0; i < scale->n_grades; i++)
        {
          const BridgeGrade *g = &scale->grades[i];
          BridgeRational     lo, hi;

          if (!g->has_band)
            continue;
          has_bands = TRUE;
          if (!bridge_rational_from_double (g->min, &lo) ||
              !bridge_rational_from_double (g->max, &hi))
            continue;
          if (bridge_rational_compare (lo, value) <= 0 &&
              bridge_rational_compare (value, hi) <= 0)
            {
              if (is_mark != NULL)
                *is_mark = TRUE;
              if (mark != NULL)
                *mark = bridge_rational_to_double (value);
              return g;
            }
        }
      if (has_bands)
        {
          g_autofree char *label = bridge_grading_scale_label (scale);
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                       _("The mark %s is outside every band of the grading scale %s"),
                          trimmed, label);
          return NULL;
        }
    }

  {
    g_autofree char *label = bridge_grading_scale_label (scale);
    g_autoptr(GString) list = g_string_new (NULL);

    for (guint i = 0; i < scale->n_grades; i++)
      g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", scale->grades[i].label);
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                 _("“%s” is not a grade of the grading scale %s (its grades are %s)"),
                    grade, label, list->str);
  }
  return NULL;
}

/* ISCED-F 2013: broad fields and the narrow fields of each (0 = not further
 * defined, 8 = inter-disciplinary, 9 = not elsewhere classified). */
static const struct
{
  const char *broad;
  const char *narrow;
} isced_fields[] = {
  { "00", "0123" },
  { "01", "0189" },
  { "02", "0123"
          "89" },
  { "03", "0128"
          "9" },
  { "04", "0128"
          "9" },
  { "05", "0123"
          "4"
          "89" },
  { "06", "0189" },
  { "07", "0123"
          "89" },
  { "08", "0123"
          "4"
          "89" },
  { "09", "0128"
          "9" },
  { "10", "0123"
          "4"
          "89" },
  { "99", "9" },
};

gboolean
bridge_isced_check (const char *isced,
                    GError    **error)
{
  gsize    len = isced != NULL ? strlen (isced) : 0;
  gboolean ok = len >= 2 && len <= 4;

  for (gsize i = 0; ok && i < len; i++)
    ok = g_ascii_isdigit (isced[i]);
  if (ok)
    {
      ok = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (isced_fields); i++)
        if (strncmp (isced, isced_fields[i].broad, 2) == 0)
          ok = len < 3 || strchr (isced_fields[i].narrow, isced[2]) != NULL;
    }
  if (!ok)
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                 _("“%s” is not an ISCED-F 2013 field (2 to 4 digits, such as 06 or 0613)"),
                    isced != NULL ? isced : "");
  return ok;
}

/* Tables from marks */

static void
table_row_free (BridgeGradeTableRow *row)
{
  g_free (row->grade);
  g_free (row);
}

void
bridge_grade_table_report_free (BridgeGradeTableReport *self)
{
  if (self == NULL)
    return;
  g_free (self->scale);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self);
}

BridgeGradeTableReport *
bridge_grade_table_from_marks (const BridgeGradingScale *scale,
                               const char               *text,
                               gssize                    length,
                               GError                  **error)
{
  g_autoptr(BridgeGradeTableReport) self = NULL;
  g_autofree gint64 *counts = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *copy = NULL;
  const char      *end = NULL;
  gint64           cum = 0;

  g_return_val_if_fail (scale != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate (text, length, &end))
    {
      guint line = 1;

      for (const char *p = text; p < end; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("line %u: the marks are not valid UTF-8 text"), line);
      return NULL;
    }
  copy = g_strndup (text, length);
  if (g_str_has_prefix (copy, "\xEF\xBB\xBF"))
    memmove (copy, copy + 3, strlen (copy + 3) + 1);
  lines = g_strsplit (copy, "\n", -1);

  self = g_new0 (BridgeGradeTableReport, 1);
  self->scale = g_strdup (scale->id);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) table_row_free);
  counts = g_new0 (gint64, MAX (scale->n_grades, 1));

  for (guint n = 0; lines[n] != NULL; n++)
    {
      char              *line = g_strstrip (lines[n]);
      const BridgeGrade *g;
      g_autoptr(GError) local_error = NULL;

      if (line[0] == '\0')
        continue;
      g = bridge_grading_scale_resolve (scale, line, NULL, NULL, &local_error);
      if (g == NULL)
        {
          /* Translators: "line 12: “abc” is not a grade of the grading scale …" */
          g_set_error (error, BRIDGE_ERROR, local_error->code,
                       _("line %u: %s"), n + 1, local_error->message);
          return NULL;
        }
      if (g->passing)
        {
          counts[g - scale->grades]++;
          self->passing++;
        }
      else
        self->failing++;
    }

  if (self->passing == 0)
    {
      g_set_error_literal (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                           self->failing > 0
                           ? _("No passing grade among the marks: a grading table counts passing grades only")
                           : _("No marks were given: write one mark or grade a line"));
      return NULL;
    }

  for (guint i = 0; i < scale->n_grades; i++)
    {
      BridgeGradeTableRow *row;

      if (!scale->grades[i].passing)
        continue;
      row = g_new0 (BridgeGradeTableRow, 1);
      row->grade = g_strdup (scale->grades[i].label);
      row->count = counts[i];
      cum += counts[i];
      row->percent = bridge_grading_percent_value (bridge_rational_new (counts[i], self->passing));
      row->cumulative_percent =
        bridge_grading_percent_value (bridge_rational_new (cum, self->passing));
      g_ptr_array_add (self->rows, row);
    }

  return g_steal_pointer (&self);
}

char *
bridge_grade_table_report_get_warning (const BridgeGradeTableReport *self)
{
  g_autofree char *n = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->passing >= MIN_RELIABLE_TOTAL)
    return NULL;
  n = g_strdup_printf ("%" G_GINT64_FORMAT, self->passing);
  return g_strdup_printf (_("The table counts only %s passing grades, too few to convert reliably (at least 100)"), n);
}

/* Opens the object of @row and writes its grade and count, the members that
 * "counts" and "rows" share. */
static void
begin_row (JsonBuilder               *builder,
           const BridgeGradeTableRow *row)
{
  json_builder_begin_object (builder);
  bridge_json_add_nullable_string (builder, "grade", row->grade);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, row->count);
}

JsonNode *
bridge_grade_table_report_to_json (const BridgeGradeTableReport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  bridge_json_add_nullable_string (builder, "scale", self->scale);
  json_builder_set_member_name (builder, "passing");
  json_builder_add_int_value (builder, self->passing);
  json_builder_set_member_name (builder, "failing");
  json_builder_add_int_value (builder, self->failing);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const BridgeGradeTableRow *row = g_ptr_array_index (self->rows, i);

      begin_row (builder, row);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  {
    g_autofree char *warning = bridge_grade_table_report_get_warning (self);
    if (warning != NULL)
      json_builder_add_string_value (builder, warning);
  }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const BridgeGradeTableRow *row = g_ptr_array_index (self->rows, i);

      begin_row (builder, row);
      json_builder_set_member_name (builder, "percent");
      json_builder_add_double_value (builder, row->percent);
      json_builder_set_member_name (builder, "cumulative_percent");
      json_builder_add_double_value (builder, row->cumulative_percent);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
