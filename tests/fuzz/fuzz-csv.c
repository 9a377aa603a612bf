/* fuzz-csv.c: libFuzzer harness for the grade CSV reader
 *
 * The input is one CSV file, read three ways: as a grading table (counts or
 * percentages), as a table of a scale where a lower number is better, and
 * as a grading scale (bridge-grade-csv.h). A refusal must be a BRIDGE_ERROR
 * with a message a person can read (not empty, valid UTF-8, naming the file).
 * What is accepted must keep the promises of bridge-grade-csv.h (grades
 * neither empty nor twice, counts not negative and not all 0, percentages
 * adding up to 100 ± 1, bands in order without overlap, a passing grade),
 * and written back as CSV it must read again into the same table or scale,
 * which writes back as the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-csv"

#include <math.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-grade-csv.h"
#include "fuzz-common.h"

#define NAME "fuzz.csv"

static void
fuzz_csv_init (void)
{
  fuzz_init_logging ();
}

static void
check_refusal (const GError *error,
               const char   *what)
{
  fuzz_check_error (error, BRIDGE_ERROR, what);
  ORACLE (g_str_has_prefix (error->message, NAME ":"), "%s: the message does not begin with the file's name: %s",
          what, error->message);
}

/* "as the table: …; as the scale: …" */
static void
append_message (char       **message,
                const char  *what,
                const char  *text)
{
  char *joined = g_strdup_printf ("%s%sas %s: %s", *message ? *message : "", *message ? "; " : "", what, text);

  g_free (*message);
  *message = joined;
}

static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* A band's bound as the file gives it: at most 12 decimals, no trailing 0. */
static void
append_bound (GString *out,
              double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 32];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.12f", value);
  end = buffer + strlen (buffer);
  while (end > buffer && end[-1] == '0')
    *--end = '\0';
  if (end > buffer && end[-1] == '.')
    *--end = '\0';
  g_string_append (out, buffer);
}

static char *
table_to_csv (const BridgeGradingTable *table,
              gboolean                  percent)
{
  GString *out = g_string_new (percent ? "grade,percent\n" : "grade,count\n");

  for (guint i = 0; i < table->n_counts; i++)
    {
      append_quoted (out, table->counts[i].grade);
      if (percent)
        g_string_append_printf (out, ",%" G_GINT64_FORMAT ".%02d\n",
                                table->counts[i].count / 100, (int) (table->counts[i].count % 100));
      else
        g_string_append_printf (out, ",%" G_GINT64_FORMAT "\n", table->counts[i].count);
    }
  return g_string_free (out, FALSE);
}

static char *
scale_to_csv (const BridgeGradingScale *scale)
{
  GString *out = g_string_new ("label,min,max,passing\n");

  for (guint i = 0; i < scale->n_grades; i++)
    {
      const BridgeGrade *grade = &scale->grades[i];

      append_quoted (out, grade->label);
      g_string_append_c (out, ',');
      if (grade->has_band)
        append_bound (out, grade->min);
      g_string_append_c (out, ',');
      if (grade->has_band)
        append_bound (out, grade->max);
      g_string_append (out, grade->passing ? ",yes\n" : ",no\n");
    }
  return g_string_free (out, FALSE);
}

static void
check_label (const char *label,
             const char *what)
{
  ORACLE (label != NULL && *label != '\0', "%s: a grade without a label", what);
  ORACLE (g_utf8_validate (label, -1, NULL), "%s: a label that is not valid UTF-8", what);
  ORACLE (strchr (label, '\n') == NULL, "%s: a label “%s” of two lines", what, label);
}

static gboolean
check_table (const guint8        *data,
             gsize                size,
             BridgeGradeCsvFlags  flags,
             const char          *what,
             char               **message)
{
  g_autoptr(BridgeGradingTable) table = NULL;
  g_autoptr(BridgeGradingTable) again = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL, *csv_again = NULL;
  gboolean percent = FALSE, percent_again = FALSE;
  gint64 total = 0;

  table = bridge_grade_csv_parse_table ((const char *) data, size, NAME, flags, &percent, &error);
  if (table == NULL)
    {
      check_refusal (error, what);
      if (message != NULL)
        append_message (message, what, error->message);
      return FALSE;
    }
  ORACLE (table->n_counts > 0, "%s: a table without grades", what);
  for (guint i = 0; i < table->n_counts; i++)
    {
      check_label (table->counts[i].grade, what);
      ORACLE (g_hash_table_add (seen, table->counts[i].grade), "%s: the grade “%s” twice", what, table->counts[i].grade);
      ORACLE (table->counts[i].count >= 0, "%s: a negative count", what);
      ORACLE (total <= G_MAXINT64 - table->counts[i].count, "%s: the counts overflow", what);
      total += table->counts[i].count;
    }
  ORACLE (total > 0, "%s: all counts are 0", what);
  ORACLE (!percent || (total >= 9900 && total <= 10100), "%s: percentages add up to %" G_GINT64_FORMAT " hundredths", what, total);

  csv = table_to_csv (table, percent);
  again = bridge_grade_csv_parse_table (csv, strlen (csv), NAME, flags, &percent_again, &error);
  ORACLE (again != NULL, "%s: the table written back is refused: %s\n%s", what, error->message, csv);
  ORACLE (percent == percent_again, "%s: written back, the table changes form", what);
  ORACLE (again->n_counts == table->n_counts, "%s: written back, the table has %u grades, not %u", what,
          again->n_counts, table->n_counts);
  for (guint i = 0; i < table->n_counts; i++)
    ORACLE (g_str_equal (again->counts[i].grade, table->counts[i].grade) && again->counts[i].count == table->counts[i].count,
            "%s: written back, row %u differs", what, i + 1);
  csv_again = table_to_csv (again, percent_again);
  ORACLE (g_str_equal (csv, csv_again), "%s: written back twice, the table differs:\n%s---\n%s", what, csv, csv_again);
  return TRUE;
}

static gboolean
check_scale (const guint8  *data,
             gsize          size,
             char         **message)
{
  g_autoptr(BridgeGradingScale) scale = NULL;
  g_autoptr(BridgeGradingScale) again = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL, *csv_again = NULL;
  const char *what = "the scale";
  guint n_passing = 0;

  scale = bridge_grade_csv_parse_scale ((const char *) data, size, NAME, &error);
  if (scale == NULL)
    {
      check_refusal (error, what);
      if (message != NULL)
        append_message (message, what, error->message);
      return FALSE;
    }
  ORACLE (g_strcmp0 (scale->id, "fuzz") == 0, "%s: the id is “%s”, not the file's name", what, scale->id);
  ORACLE (scale->n_grades > 0, "%s: a scale without grades", what);
  for (guint i = 0; i < scale->n_grades; i++)
    {
      const BridgeGrade *grade = &scale->grades[i];

      check_label (grade->label, what);
      ORACLE (g_hash_table_add (seen, grade->label), "%s: the grade “%s” twice", what, grade->label);
      n_passing += grade->passing;
      if (!grade->has_band)
        continue;
      ORACLE (isfinite (grade->min) && isfinite (grade->max) && grade->min <= grade->max,
              "%s: the band of “%s” is %g–%g", what, grade->label, grade->min, grade->max);
      for (guint j = 0; j < i; j++)
        if (scale->grades[j].has_band)
          ORACLE (grade->max < scale->grades[j].min, "%s: the band of “%s” is not below that of “%s”", what,
                  grade->label, scale->grades[j].label);
    }
  ORACLE (n_passing > 0, "%s: no passing grade", what);

  csv = scale_to_csv (scale);
  again = bridge_grade_csv_parse_scale (csv, strlen (csv), NAME, &error);
  ORACLE (again != NULL, "%s: the scale written back is refused: %s\n%s", what, error->message, csv);
  ORACLE (again->n_grades == scale->n_grades, "%s: written back, the scale has %u grades, not %u", what,
          again->n_grades, scale->n_grades);
  for (guint i = 0; i < scale->n_grades; i++)
    {
      const BridgeGrade *a = &scale->grades[i], *b = &again->grades[i];

      ORACLE (g_str_equal (a->label, b->label) && a->has_band == b->has_band && a->passing == b->passing
              && (!a->has_band || (a->min == b->min && a->max == b->max)),
              "%s: written back, the grade “%s” differs (%.17g–%.17g, now %.17g–%.17g)", what, a->label,
              a->min, a->max, b->min, b->max);
    }
  csv_again = scale_to_csv (again);
  ORACLE (g_str_equal (csv, csv_again), "%s: written back twice, the scale differs:\n%s---\n%s", what, csv, csv_again);
  return TRUE;
}

static FuzzResult
fuzz_csv_run (const guint8  *data,
              gsize          size,
              char         **message)
{
  gboolean accepted = FALSE;

  fuzz_csv_init ();
  accepted |= check_table (data, size, BRIDGE_GRADE_CSV_NONE, "the table", message);
  accepted |= check_table (data, size, BRIDGE_GRADE_CSV_LOWER_IS_BETTER, "the table (lower is better)", message);
  accepted |= check_scale (data, size, message);
  if (accepted && message != NULL)
    g_clear_pointer (message, g_free);
  return accepted ? FUZZ_ACCEPTED : FUZZ_REFUSED;
}

const FuzzHarness fuzz_harness = { "csv", fuzz_csv_init, fuzz_csv_run };
