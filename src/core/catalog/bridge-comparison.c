/* bridge-comparison.c: two to four courses side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-comparison"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-comparison.h"
#include "bridge-error.h"
#include "bridge-names.h"
#include "bridge-text.h"
#include "bridge-validate.h"

/* What the rows are built from for one course. */
typedef struct
{
  BridgeCourse       *course;
  BridgeUniversity   *host;             /* NULL when not in the catalog */
  BridgeCreditResult *credit;           /* NULL when it cannot be computed */
  char               *credit_error;     /* why not, translated */
} Column;

static void
row_free (BridgeComparisonRow *row)
{
  g_free (row->key);
  g_free (row->title);
  g_strfreev (row->cells);
  g_free (row);
}

/* As the credit steps show numbers: at most two decimals, no trailing zeros. */
static char *
show_rational (BridgeRational value)
{
  return bridge_rational_format_short (value, 2, BRIDGE_ROUND_HALF_UP, NULL);
}

static char *
show_double (double value)
{
  BridgeRational r;

  if (!bridge_rational_from_double (value, &r))
    return g_strdup ("—");
  return show_rational (r);
}

static char *
credits_text (const char *shown)
{
  /* Translators: a number of credits, "3" or "2.5" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s credit", "%s credits",
                                       bridge_text_plural_count (shown)),
                          shown);
}

static char *
home_credits_cell (const Column *column)
{
  const BridgeCreditResult *credit = column->credit;
  g_autofree char *awarded = NULL;
  g_autofree char *exact = NULL;
  gboolean shows_exactly = FALSE;

  if (credit == NULL)
    return g_strdup (column->credit_error);

  awarded = show_rational (credit->exact.home_credits_awarded);
  if (credit->home_course)
    /* Translators: "5 credits, a course of your university": it counts at home unconverted */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s credit, a course of your university",
                                         "%s credits, a course of your university",
                                         bridge_text_plural_count (awarded)),
                            awarded);
  if (bridge_rational_compare (credit->exact.home_credits, credit->exact.home_credits_awarded) == 0)
    return credits_text (awarded);

  /* The exact figure too, rounded to the nearest hundredth, so that two
   * courses awarding the same credits can still be told apart. */
  exact = bridge_rational_format_short (credit->exact.home_credits, 2, BRIDGE_ROUND_HALF_UP, NULL);
  g_free (bridge_rational_format (credit->exact.home_credits, 2, BRIDGE_ROUND_HALF_UP, &shows_exactly));
  if (shows_exactly)
    /* Translators: "3 credits (3.25 before rounding)" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s credit (%2$s before rounding)",
                                         "%1$s credits (%2$s before rounding)",
                                         bridge_text_plural_count (awarded)),
                            awarded, exact);
  /* Translators: "3 credits (≈ 3.21 before rounding)" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$s credit (≈ %2$s before rounding)",
                                       "%1$s credits (≈ %2$s before rounding)",
                                       bridge_text_plural_count (awarded)),
                          awarded, exact);
}

static char *
workload_cell (const Column *column)
{
  BridgeWorkloadSource source;
  g_autofree char *hours = NULL;

  if (column->credit != NULL)
    {
      source = column->credit->workload_source;
      hours = show_rational (column->credit->exact.workload);
    }
  else if (column->host != NULL)
    {
      BridgeCourseLoad load;
      BridgeRational workload;
      g_autoptr(GError) local_error = NULL;

      bridge_course_load_from_course (&load, column->course);
      if (!bridge_credit_workload (bridge_university_get_policy (column->host), &load,
                                   &workload, &source, NULL, &local_error))
        return g_strdup (local_error->message);
      hours = show_rational (workload);
    }
  else if (bridge_course_get_workload_hours (column->course) > 0)
    {
      source = BRIDGE_WORKLOAD_DECLARED;
      hours = show_double (bridge_course_get_workload_hours (column->course));
    }
  else
    return g_strdup (column->credit_error);

  if (source == BRIDGE_WORKLOAD_DECLARED)
    /* Translators: "135 h, declared by the host" */
    return g_strdup_printf (_("%s h, declared by the host"), hours);
  /* Translators: "128 h, estimated from the class periods" */
  return g_strdup_printf (_("%s h, estimated from the class periods"), hours);
}

/* "48 periods → 120 h with self-study": @text, the periods or weeks as the
 * feed gives them, and the hours the credit engine made of them when it
 * estimated the workload (@hours 0: none, the workload is declared). */
static char *
with_hours (char     *text,
            double    hours,
            gboolean  self_study)
{
  g_autofree char *owned = text;
  g_autofree char *shown = NULL;

  if (hours <= 0)
    return g_steal_pointer (&owned);
  shown = show_double (hours);
  if (self_study)
    /* Translators: "48 periods → 120 h with self-study" */
    return g_strdup_printf (_("%s → %s h with self-study"), text, shown);
  /* Translators: "2 weeks → 80 h" of practice */
  return g_strdup_printf (_("%s → %s h"), text, shown);
}

static char *
kind_cell (const Column *column,
           BridgeKind    kind)
{
  g_autofree char *shown = NULL;
  double periods = bridge_course_get_periods (column->course, kind);

  if (periods <= 0)
    return g_strdup ("—");
  shown = show_double (periods);
  return with_hours (g_strdup_printf (/* Translators: class periods of one kind (lecture, lab, seminar) */
                                      g_dngettext (GETTEXT_PACKAGE, "%s period", "%s periods",
                                                   bridge_text_plural_count (shown)),
                                      shown),
                     column->credit != NULL ? column->credit->kind_hours[kind] : 0, TRUE);
}

static char *
practice_cell (const Column *column)
{
  g_autofree char *shown = NULL;
  double weeks = bridge_course_get_practice_weeks (column->course);

  if (weeks <= 0)
    return g_strdup ("—");
  shown = show_double (weeks);
  return with_hours (g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s week", "%s weeks",
                                                   bridge_text_plural_count (shown)),
                                      shown),
                     column->credit != NULL ? column->credit->practice_hours : 0, FALSE);
}

static char *
terms_cell (const Column *column)
{
  const char * const *terms = bridge_course_get_terms (column->course);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      g_autofree char *label = bridge_term_get_label (column->host, terms[i]);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, label);
    }
  if (out->len == 0)
    return g_strdup (_("Not given"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
languages_cell (const Column *column)
{
  char *names = bridge_language_join_names (bridge_course_get_languages (column->course));

  if (*names != '\0')
    return names;
  g_free (names);
  return g_strdup (_("Not given"));
}

static char *
field_cell (const Column *column)
{
  const char *isced = bridge_course_get_isced (column->course);
  const char *label = bridge_isced_get_label (isced);

  if (label == NULL)
    return g_strdup (isced);
  return g_strdup_printf ("%s · %s", isced, label);
}

static char *
seats_cell (const Column *column)
{
  gint64 seats = bridge_course_get_seats (column->course);

  if (seats < 0)
    return g_strdup (_("Not given"));
  return g_strdup_printf ("%" G_GINT64_FORMAT, seats);
}

/* The host's grading table that converts the course's grades, as
 * bridge_university_find_table () chooses it. */
static char *
grading_table_cell (const Column *column)
{
  const BridgeGradingTable *table = NULL;
  const BridgeGradingScale *scale;
  const char *scale_name;

  if (column->host != NULL)
    table = bridge_university_find_table (column->host, bridge_course_get_isced (column->course),
                                          bridge_course_get_cycle (column->course));
  if (table == NULL)
    return g_strdup (_("No grading table: grades convert approximately"));
  scale = bridge_university_find_scale (column->host, table->scale);
  scale_name = scale != NULL && scale->name != NULL ? bridge_text_pick (scale->name) : table->scale;
  /* Translators: the grading table that applies: its scale's name, the
   * period of its counts ("2023/24–2024/25") and its ISCED-F field code */
  return g_strdup_printf (_("%1$s, %2$s, ISCED %3$s"), scale_name, table->period, table->isced);
}

static char *
outcomes_cell (const Column *column)
{
  GPtrArray *outcomes = bridge_course_get_learning_outcomes (column->course);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; outcomes != NULL && i < outcomes->len; i++)
    g_string_append_printf (out, "%s• %s", i > 0 ? "\n" : "",
                            bridge_text_pick (g_ptr_array_index (outcomes, i)));
  if (out->len == 0)
    return g_strdup (_("Not given"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
university_cell (const Column *column)
{
  BridgeText *name = bridge_course_get_university_name (column->course);
  const char *label = NULL;

  if (name != NULL)
    label = bridge_text_pick (name);
  if (label == NULL && column->host != NULL)
    label = bridge_university_get_label (column->host);
  if (label == NULL)
    label = bridge_course_get_university_id (column->course);
  return g_strdup_printf ("%s · %s", bridge_course_get_code (column->course), label);
}

static void
add_row (BridgeComparison *self,
         const char       *key,
         const char       *title,
         GPtrArray        *cells)
{
  BridgeComparisonRow *row = g_new0 (BridgeComparisonRow, 1);

  row->key = g_strdup (key);
  row->title = g_strdup (title);
  for (guint i = 1; i < cells->len; i++)
    if (g_strcmp0 (g_ptr_array_index (cells, 0), g_ptr_array_index (cells, i)) != 0)
      row->differs = TRUE;
  g_ptr_array_add (cells, NULL);
  row->cells = (GStrv) g_ptr_array_free (cells, FALSE);
  g_ptr_array_add (self->rows, row);
}

typedef char *(*CellFunc) (const Column *column);

static void
add_simple_row (BridgeComparison *self,
                const Column     *columns,
                const char       *key,
                const char       *title,
                CellFunc          cell)
{
  GPtrArray *cells = g_ptr_array_new ();

  for (guint i = 0; i < self->courses->len; i++)
    g_ptr_array_add (cells, cell (&columns[i]));
  add_row (self, key, title, cells);
}

static char *
course_cell (const Column *column)
{
  return g_strdup (bridge_text_pick (bridge_course_get_title (column->course)));
}

static char *
local_credits_cell (const Column *column)
{
  g_autofree char *shown = show_double (bridge_course_get_credits (column->course));

  return credits_text (shown);
}

static char *
level_cell (const Column *column)
{
  return g_strdup (bridge_level_get_label (bridge_course_get_level (column->course)));
}

static char *
cycle_cell (const Column *column)
{
  return g_strdup (bridge_cycle_get_label (bridge_course_get_cycle (column->course)));
}

static char *
delivery_cell (const Column *column)
{
  return g_strdup (bridge_delivery_get_label (bridge_course_get_delivery (column->course)));
}

static void
add_rows (BridgeComparison *self,
          const Column     *columns)
{
  GPtrArray *cells;

  add_simple_row (self, columns, "course", _("Course"), course_cell);
  add_simple_row (self, columns, "university", _("Code and university"), university_cell);
  add_simple_row (self, columns, "home-credits", _("Credits at home"), home_credits_cell);
  add_simple_row (self, columns, "local-credits", _("Credits at the host"), local_credits_cell);

  add_simple_row (self, columns, "workload", _("Total workload"), workload_cell);

  for (BridgeKind kind = 0; kind < BRIDGE_N_KINDS; kind++)
    {
      cells = g_ptr_array_new ();
      for (guint i = 0; i < self->courses->len; i++)
        g_ptr_array_add (cells, kind_cell (&columns[i], kind));
      add_row (self, bridge_kind_to_string (kind), bridge_kind_get_label (kind), cells);
    }
  add_simple_row (self, columns, "practice", _("Practice"), practice_cell);
  add_simple_row (self, columns, "level", _("Level"), level_cell);
  add_simple_row (self, columns, "cycle", _("Cycle"), cycle_cell);
  add_simple_row (self, columns, "field", _("Field (ISCED)"), field_cell);
  add_simple_row (self, columns, "terms", _("Terms"), terms_cell);
  add_simple_row (self, columns, "languages", _("Languages"), languages_cell);
  add_simple_row (self, columns, "delivery", _("Delivery"), delivery_cell);
  add_simple_row (self, columns, "seats", _("Seats"), seats_cell);
  add_simple_row (self, columns, "grading-table", _("Grading table"), grading_table_cell);
  add_simple_row (self, columns, "outcomes", _("Learning Outcomes"), outcomes_cell);
}

void
bridge_comparison_free (BridgeComparison *self)
{
  if (self == NULL)
    return;
  g_free (self->home_id);
  g_clear_pointer (&self->courses, g_ptr_array_unref);
  g_clear_pointer (&self->credits, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self);
}

gboolean
bridge_comparison_check_count (guint    n,
                               GError **error)
{
  if (n < BRIDGE_COMPARISON_MIN_COURSES)
    {
      guint missing = BRIDGE_COMPARISON_MIN_COURSES - n;

      /* Translators: %u is how many courses are still missing (1 or 2) */
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Two to four courses can be compared; add %u more course to the comparison",
                                "Two to four courses can be compared; add %u more courses to the comparison",
                                missing),
                   missing);
      return FALSE;
    }
  if (n > BRIDGE_COMPARISON_MAX_COURSES)
    {
      guint extra = n - BRIDGE_COMPARISON_MAX_COURSES;

      /* Translators: %u is how many courses are too many */
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "At most four courses can be compared; remove %u course from the comparison",
                                "At most four courses can be compared; remove %u courses from the comparison",
                                extra),
                   extra);
      return FALSE;
    }
  return TRUE;
}

BridgeComparison *
bridge_comparison_new (BridgeCatalog  *catalog,
                       GPtrArray      *courses,
                       const char     *home_id,
                       GError        **error)
{
  g_autoptr(BridgeComparison) self = NULL;
  Column columns[BRIDGE_COMPARISON_MAX_COURSES] = { { 0 } };
  gboolean ok = TRUE;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (courses != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!bridge_comparison_check_count (courses->len, error))
    return NULL;
  for (guint i = 0; i < courses->len; i++)
    for (guint j = 0; j < i; j++)
      if (g_strcmp0 (bridge_course_get_id (g_ptr_array_index (courses, i)),
                     bridge_course_get_id (g_ptr_array_index (courses, j))) == 0)
        {
          /* Translators: %s is a course's id */
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       _("The course “%s” is in the comparison twice; compare each course once"),
                       bridge_course_get_id (g_ptr_array_index (courses, i)));
          return NULL;
        }

  self = g_new0 (BridgeComparison, 1);
  self->home_id = home_id != NULL && *home_id != '\0' ? g_strdup (home_id) : NULL;
  self->courses = g_ptr_array_new_with_free_func (g_object_unref);
  self->credits = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_credit_result_free);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  for (guint i = 0; ok && i < courses->len; i++)
    {
      Column *column = &columns[i];
      g_autoptr(GError) local_error = NULL;

      column->course = g_object_ref (g_ptr_array_index (courses, i));
      column->host = bridge_catalog_get_university (catalog, bridge_course_get_university_id (column->course),
                                                    &local_error);
      if (column->host == NULL && !g_error_matches (local_error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
          break;
        }
      g_clear_error (&local_error);
      column->credit = bridge_catalog_compute_credit (catalog, column->course, home_id, &local_error);
      if (column->credit == NULL)
        {
          if (g_error_matches (local_error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_CORRUPT))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              ok = FALSE;
              break;
            }
          column->credit_error = g_strdup (local_error->message);
        }
    }

  if (ok)
    {
      for (guint i = 0; i < courses->len; i++)
        {
          g_ptr_array_add (self->courses, g_object_ref (columns[i].course));
          g_ptr_array_add (self->credits, columns[i].credit != NULL
                           ? bridge_credit_result_copy (columns[i].credit) : NULL);
        }
      add_rows (self, columns);
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_clear_object (&columns[i].course);
      g_clear_object (&columns[i].host);
      g_clear_pointer (&columns[i].credit, bridge_credit_result_free);
      g_clear_pointer (&columns[i].credit_error, g_free);
    }
  return ok ? g_steal_pointer (&self) : NULL;
}

const BridgeComparisonRow *
bridge_comparison_find_row (const BridgeComparison *self,
                            const char             *key)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const BridgeComparisonRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }
  return NULL;
}
