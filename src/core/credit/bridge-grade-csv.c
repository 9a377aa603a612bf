/* bridge-grade-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-grade-csv"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "bridge-error.h"
#include "bridge-grade-csv.h"
#include "bridge-rational.h"

#define MAX_COUNT (((gint64) 1) << 62)

static void csv_error (GError    **error,
                       const char *name,
                       guint       line,
                       const char *format,
                       ...) G_GNUC_PRINTF (4, 5);

static void
csv_error (GError    **error,
           const char *name,
           guint       line,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    /* Translators: "host.csv:3: the count of “B” is negative (-4)" */
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT, _("%s:%u: %s"), name, line, message);
  else
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT, _("%s: %s"), name, message);
}

/* Splits one CSV line; NULL when a quote is not closed. */
static GPtrArray *
split_fields (const char *line)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = line;

  for (;;)
    {
      /* leading blanks before a quoted field */
      const char *q = p;
      while (*q == ' ' || *q == '\t')
        q++;
      if (*q == '"')
        {
          p = q + 1;
          for (;;)
            {
              if (*p == '\0')
                return NULL;
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
          while (*p == ' ' || *p == '\t')
            p++;
          if (*p != ',' && *p != '\0')
            return NULL;
        }
      else
        {
          while (*p != ',' && *p != '\0')
            g_string_append_c (field, *p++);
          g_strstrip (field->str);
          field->len = strlen (field->str);
        }
      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == '\0')
        break;
      p++; /* ',' */
    }
  return g_steal_pointer (&fields);
}

/* The lines of @data (BOM dropped, CRLF folded), after a UTF-8 check. */
static char **
read_lines (const char *data,
            gsize       length,
            const char *name,
            GError    **error)
{
  const char      *end = NULL;
  g_autofree char *copy = NULL;
  char           **lines;

  if (!g_utf8_validate (data, length, &end))
    {
      guint line = 1;

      for (const char *p = data; p < end; p++)
        if (*p == '\n')
          line++;
      csv_error (error, name, line, _("the line is not valid UTF-8 text: save the file as UTF-8"));
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      csv_error (error, name, 0, _("the file contains a NUL byte; it is not a CSV text file"));
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  copy = g_strndup (data, length);
  lines = g_strsplit (copy, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize len = strlen (lines[i]);
      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
    }
  return lines;
}

static gboolean
is_blank (const char *line)
{
  for (; *line != '\0'; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;
  return TRUE;
}

static gboolean
header_is (GPtrArray  *fields,
           const char *first,
           const char *second)
{
  if (fields->len != 2)
    return FALSE;
  return g_ascii_strcasecmp (g_ptr_array_index (fields, 0), first) == 0 &&
         g_ascii_strcasecmp (g_ptr_array_index (fields, 1), second) == 0;
}

typedef struct
{
  char          *label;
  BridgeRational value;
  guint          line;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;
  g_free (row->label);
}

/* Numeric labels must run from best to worst: falling, or rising when a
 * lower number is better. */
static gboolean
check_numeric_order (GArray             *rows,
                     const char         *name,
                     BridgeGradeCsvFlags flags,
                     GError            **error)
{
  gboolean lower_better = (flags & BRIDGE_GRADE_CSV_LOWER_IS_BETTER) != 0;
  gboolean reversed = TRUE;

  if (rows->len < 2)
    return TRUE;
  for (guint i = 0; i < rows->len; i++)
    {
      BridgeRational unused;
      if (!bridge_rational_parse (g_array_index (rows, Row, i).label, 12, &unused))
        return TRUE; /* not a numeric scale */
    }

  for (guint i = 1; i < rows->len; i++)
    {
      BridgeRational a, b;
      int            cmp;

      bridge_rational_parse (g_array_index (rows, Row, i - 1).label, 12, &a);
      bridge_rational_parse (g_array_index (rows, Row, i).label, 12, &b);
      cmp = bridge_rational_compare (a, b);
      if (lower_better)
        cmp = -cmp;
      if (cmp <= 0)
        {
          /* the whole list the other way round? */
          for (guint k = 1; k < rows->len && reversed; k++)
            {
              BridgeRational x, y;
              int            c;

              bridge_rational_parse (g_array_index (rows, Row, k - 1).label, 12, &x);
              bridge_rational_parse (g_array_index (rows, Row, k).label, 12, &y);
              c = bridge_rational_compare (x, y);
              if (lower_better)
                c = -c;
              reversed = c < 0;
            }
          if (reversed)
            csv_error (error, name, g_array_index (rows, Row, 0).line,
                       lower_better
                       ? _("the numeric grades are listed worst first (%s … %s): list the best grade, the lowest number, first")
                       : _("the numeric grades are listed worst first (%s … %s): list the best grade first (for a scale where a lower number is better, say so)"),
                            g_array_index (rows, Row, 0).label,
                            g_array_index (rows, Row, rows->len - 1).label);
          else
            csv_error (error, name, g_array_index (rows, Row, i).line,
                       _("the numeric grades are not in order from best to worst: %s comes after %s"),
                          g_array_index (rows, Row, i).label,
                          g_array_index (rows, Row, i - 1).label);
          return FALSE;
        }
    }
  return TRUE;
}

/* The fields of @text, line @line of the file @name, in *@fields; NULL
 * there when the line is blank. FALSE when a quoted field is not closed. */
static gboolean
line_fields (const char  *text,
             const char  *name,
             guint        line,
             GPtrArray  **fields,
             GError     **error)
{
  *fields = NULL;
  if (is_blank (text))
    return TRUE;
  *fields = split_fields (text);
  if (*fields == NULL)
    {
      csv_error (error, name, line, _("a quoted field is not closed"));
      return FALSE;
    }
  return TRUE;
}

BridgeGradingTable *
bridge_grade_csv_parse_table (const char         *data,
                              gsize               length,
                              const char         *name,
                              BridgeGradeCsvFlags flags,
                              gboolean           *is_percent,
                              GError            **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean            header = FALSE;
  gboolean            percent = FALSE;
  BridgeRational      total = bridge_rational_int (0);
  BridgeGradingTable *table;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (name == NULL)
    name = "CSV";
  g_array_set_clear_func (rows, row_clear);

  lines = read_lines (data != NULL ? data : "", length, name, error);
  if (lines == NULL)
    return NULL;

  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_autoptr(GPtrArray) fields = NULL;
      const char *label, *value;
      Row         row = { NULL };
      guint       line = n + 1;

      if (!line_fields (lines[n], name, line, &fields, error))
        return NULL;
      if (fields == NULL)
        continue;

      if (!header)
        {
          if (header_is (fields, "grade", "count"))
            percent = FALSE;
          else if (header_is (fields, "grade", "percent"))
            percent = TRUE;
          else
            {
              csv_error (error, name, line, _("the first line must be the header grade,count or grade,percent"));
              return NULL;
            }
          header = TRUE;
          continue;
        }

      if (fields->len != 2)
        {
          csv_error (error, name, line,
                     percent ? _("expected two fields, a grade and its percentage, but found %u")
                             : _("expected two fields, a grade and its count, but found %u"),
                                  fields->len);
          return NULL;
        }
      label = g_ptr_array_index (fields, 0);
      value = g_ptr_array_index (fields, 1);

      if (label[0] == '\0')
        {
          csv_error (error, name, line, _("the row has no grade"));
          return NULL;
        }
      if (g_hash_table_contains (seen, label))
        {
          guint first = GPOINTER_TO_UINT (g_hash_table_lookup (seen, label));
          csv_error (error, name, line, _("the grade “%s” is listed twice (first on line %u)"), label, first);
          return NULL;
        }
      if (value[0] == '\0')
        {
          csv_error (error, name, line,
                     percent ? _("no percentage for the grade “%s”") : _("no count for the grade “%s”"), label);
          return NULL;
        }

      if (!bridge_rational_parse (value, 12, &row.value))
        {
          csv_error (error, name, line,
                     percent ? _("the percentage of “%s” is not a number: “%s”")
                             : _("the count of “%s” is not a number: “%s”"),
                                  label, value);
          return NULL;
        }
      if (row.value.num < 0)
        {
          csv_error (error, name, line,
                     percent ? _("the percentage of “%s” is negative (%s)")
                             : _("the count of “%s” is negative (%s)"),
                                  label, value);
          return NULL;
        }
      if (!percent && !bridge_rational_is_integer (row.value))
        {
          csv_error (error, name, line, _("the count of “%s” is not a whole number (%s)"), label, value);
          return NULL;
        }
      if (percent)
        {
          BridgeRational check;
          if (!bridge_rational_parse (value, 2, &check))
            {
              csv_error (error, name, line, _("the percentage of “%s” has more than two decimals (%s)"), label, value);
              return NULL;
            }
          if (bridge_rational_compare (row.value, bridge_rational_int (100)) > 0)
            {
              csv_error (error, name, line, _("the percentage of “%s” is above 100 (%s)"), label, value);
              return NULL;
            }
          /* hundredths of a percent */
          bridge_rational_mul (row.value, bridge_rational_int (100), &row.value);
        }
      if (bridge_rational_compare (row.value, bridge_rational_int (MAX_COUNT)) >= 0)
        {
          csv_error (error, name, line, _("the count of “%s” is too large (%s)"), label, value);
          return NULL;
        }
      if (!bridge_rational_add (total, row.value, &total) ||
          bridge_rational_compare (total, bridge_rational_int (MAX_COUNT)) >= 0)
        {
          csv_error (error, name, line, _("the table counts too many grades to convert exactly"));
          return NULL;
        }

      row.label = g_strdup (label);
      row.line = line;
      g_array_append_val (rows, row);
      g_hash_table_insert (seen, g_array_index (rows, Row, rows->len - 1).label, GUINT_TO_POINTER (line));
    }

  if (!header)
    {
      csv_error (error, name, 0, _("the file is empty: expected the header grade,count or grade,percent and one row per passing grade"));
      return NULL;
    }
  if (rows->len == 0)
    {
      csv_error (error, name, 0, _("the table is empty: it lists no grades after its header"));
      return NULL;
    }
  if (bridge_rational_is_zero (total))
    {
      csv_error (error, name, 0,
                 percent ? _("all percentages are 0: a table must say how often each grade was awarded")
                         : _("all counts are 0: a table must say how often each grade was awarded"));
      return NULL;
    }
  if (percent &&
      (bridge_rational_compare (total, bridge_rational_int (9900)) < 0 ||
       bridge_rational_compare (total, bridge_rational_int (10100)) > 0))
    {
      g_autofree char *sum = bridge_rational_format_short (bridge_rational_new (total.num, total.den * 100),
                                                           2, BRIDGE_ROUND_HALF_UP, NULL);
      csv_error (error, name, 0, _("the percentages add up to %s %%, not 100 %%: is a grade missing?"), sum);
      return NULL;
    }
  if (!check_numeric_order (rows, name, flags, error))
    return NULL;

  table = g_new0 (BridgeGradingTable, 1);
  table->n_counts = rows->len;
  table->counts = g_new0 (BridgeGradeCount, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      table->counts[i].grade = g_steal_pointer (&row->label);
      table->counts[i].count = (gint64) row->value.num;
    }
  if (is_percent != NULL)
    *is_percent = percent;
  return table;
}

/* Reads the file at @path; a missing file is BRIDGE_ERROR_NOT_FOUND, any
 * other failure BRIDGE_ERROR_FAILED, with GLib's message. */
static gboolean
read_file (const char  *path,
           char       **data,
           gsize       *length,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (path, data, length, &local_error))
    {
      g_set_error (error, BRIDGE_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? BRIDGE_ERROR_NOT_FOUND
                     : BRIDGE_ERROR_FAILED,
                   "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

BridgeGradingTable *
bridge_grade_csv_load_table (const char         *path,
                             BridgeGradeCsvFlags flags,
                             gboolean           *is_percent,
                             GError            **error)
{
  g_autofree char *data = NULL;
  gsize            length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!read_file (path, &data, &length, error))
    return NULL;
  return bridge_grade_csv_parse_table (data, length, path, flags, is_percent, error);
}

static gboolean
parse_passing (const char *text,
               gboolean   *out)
{
  static const char *const yes[] = { "yes", "true", "1", "y" };
  static const char *const no[] = { "no", "false", "0", "n" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *out = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *out = FALSE;
        return TRUE;
      }
  return FALSE;
}

BridgeGradingScale *
bridge_grade_csv_parse_scale (const char *data,
                              gsize       length,
                              const char *name,
                              GError    **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) grades = g_array_new (FALSE, TRUE, sizeof (BridgeGrade));
  g_autoptr(GArray) line_of = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(BridgeGradingScale) scale = NULL;
  gboolean         header = FALSE;
  guint            n_passing = 0;
  g_autofree char *base = NULL;
  char            *dot;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (name == NULL)
    name = "CSV";
  lines = read_lines (data != NULL ? data : "", length, name, error);
  if (lines == NULL)
    return NULL;

  scale = g_new0 (BridgeGradingScale, 1);

  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_autoptr(GPtrArray) fields = NULL;
      BridgeGrade grade = { NULL };
      const char *label, *min, *max, *passing;
      guint       line = n + 1;

      if (!line_fields (lines[n], name, line, &fields, error))
        goto fail;
      if (fields == NULL)
        continue;
      if (!header)
        {
          if (fields->len != 4 ||
              g_ascii_strcasecmp (g_ptr_array_index (fields, 0), "label") != 0 ||
              g_ascii_strcasecmp (g_ptr_array_index (fields, 1), "min") != 0 ||
              g_ascii_strcasecmp (g_ptr_array_index (fields, 2), "max") != 0 ||
              g_ascii_strcasecmp (g_ptr_array_index (fields, 3), "passing") != 0)
            {
              csv_error (error, name, line, _("the first line must be the header label,min,max,passing"));
              goto fail;
            }
          header = TRUE;
          continue;
        }
      if (fields->len != 4)
        {
          csv_error (error, name, line, _("expected four fields (label, min, max, passing), but found %u"), fields->len);
          goto fail;
        }
      label = g_ptr_array_index (fields, 0);
      min = g_ptr_array_index (fields, 1);
      max = g_ptr_array_index (fields, 2);
      passing = g_ptr_array_index (fields, 3);

      if (label[0] == '\0')
        {
          csv_error (error, name, line, _("the row has no label"));
          goto fail;
        }
      for (guint i = 0; i < grades->len; i++)
        if (g_str_equal (g_array_index (grades, BridgeGrade, i).label, label))
          {
            csv_error (error, name, line, _("the grade “%s” is listed twice (first on line %u)"), label, g_array_index (line_of, guint, i));
            goto fail;
          }
      if ((min[0] == '\0') != (max[0] == '\0'))
        {
          csv_error (error, name, line, _("the grade “%s” gives only one of min and max: give both or neither"), label);
          goto fail;
        }
      if (min[0] != '\0')
        {
          BridgeRational lo, hi;

          if (!bridge_rational_parse (min, 12, &lo) || !bridge_rational_parse (max, 12, &hi))
            {
              csv_error (error, name, line, _("the band of “%s” is not a pair of numbers (%s, %s)"), label, min, max);
              goto fail;
            }
          if (bridge_rational_compare (lo, hi) > 0)
            {
              csv_error (error, name, line, _("the band of “%s” has its min %s above its max %s"), label, min, max);
              goto fail;
            }
          grade.has_band = TRUE;
          grade.min = g_ascii_strtod (min, NULL);
          grade.max = g_ascii_strtod (max, NULL);
        }
      if (!parse_passing (passing, &grade.passing))
        {
          csv_error (error, name, line, _("passing must be yes or no, not “%s”"), passing);
          goto fail;
        }
      if (grade.passing)
        n_passing++;

      /* bands: no overlap, and best (highest) first */
      for (guint i = 0; grade.has_band && i < grades->len; i++)
        {
          const BridgeGrade *other = &g_array_index (grades, BridgeGrade, i);

          if (!other->has_band)
            continue;
          if (grade.min <= other->max && other->min <= grade.max)
            {
              csv_error (error, name, line, _("the band of “%s” (%s–%s) overlaps that of “%s”"), label, min, max, other->label);
              goto fail;
            }
          if (grade.min > other->max)
            {
              csv_error (error, name, line,
                         _("the grades are listed worst first: “%s” (%s–%s) comes after the lower “%s”; list the best grade first"),
                            label, min, max, other->label);
              goto fail;
            }
        }

      grade.label = g_strdup (label);
      g_array_append_val (grades, grade);
      g_array_append_val (line_of, line);
    }

  if (!header || grades->len == 0)
    {
      csv_error (error, name, 0, _("the scale is empty: expected the header label,min,max,passing and one row per grade"));
      goto fail;
    }
  if (n_passing == 0)
    {
      csv_error (error, name, 0, _("the scale has no passing grade"));
      goto fail;
    }

  base = g_path_get_basename (name);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  scale->id = g_strdup (base);
  scale->name = bridge_text_new (NULL, base);
  scale->n_grades = grades->len;
  scale->grades = (BridgeGrade *) (gpointer) g_array_free (g_steal_pointer (&grades), FALSE);
  return g_steal_pointer (&scale);

fail:
  for (guint i = 0; i < grades->len; i++)
    g_free (g_array_index (grades, BridgeGrade, i).label);
  return NULL;
}

BridgeGradingScale *
bridge_grade_csv_load_scale (const char *path,
                             GError    **error)
{
  g_autofree char *data = NULL;
  gsize            length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!read_file (path, &data, &length, error))
    return NULL;
  return bridge_grade_csv_parse_scale (data, length, path, error);
}
