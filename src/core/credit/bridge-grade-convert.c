/* bridge-grade-convert.c: grade conversion through grade distributions
 *
 * A grade of the host university becomes a grade of the home university
 * through the grading tables of both (the ECTS grade conversion: the
 * overlap of percentile intervals), or, without tables, approximately by
 * its position in the passing range of each scale; a transcript is a list
 * of such conversions. bridge-grading.c holds the tables and scales.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-grading"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bridge-error.h"
#include "bridge-grading-private.h"
#include "bridge-grading.h"
#include "bridge-json.h"
#include "bridge-rational.h"
#include "bridge-text.h"

/* Percent strings and values: one decimal, halves up. */
static char *
percent_string (BridgeRational fraction)
{
  BridgeRational p;

  if (!bridge_rational_mul (fraction, bridge_rational_int (100), &p))
    p = fraction;
  return bridge_rational_format (p, 1, BRIDGE_ROUND_HALF_UP, NULL);
}

double
bridge_grading_percent_value (BridgeRational fraction)
{
  BridgeRational p;

  if (!bridge_rational_mul (fraction, bridge_rational_int (100), &p))
    p = fraction;
  return bridge_rational_round (p, 1, BRIDGE_ROUND_HALF_UP);
}

/* Conversions and their parts */

static void
candidate_free (BridgeGradeCandidate *c)
{
  g_free (c->grade);
  g_free (c->share_exact);
  g_free (c);
}

static BridgeGradeCandidate *
candidate_copy (const BridgeGradeCandidate *c)
{
  BridgeGradeCandidate *copy = g_new (BridgeGradeCandidate, 1);

  *copy = *c;
  copy->grade = g_strdup (c->grade);
  copy->share_exact = g_strdup (c->share_exact);
  return copy;
}

static void
group_free (BridgeReferenceGroup *g)
{
  if (g == NULL)
    return;
  g_free (g->university);
  g_free (g->scale);
  g_free (g->isced);
  g_free (g->cycle);
  g_free (g->period);
  g_free (g->source);
  g_free (g);
}

static BridgeReferenceGroup *
group_copy (const BridgeReferenceGroup *g)
{
  BridgeReferenceGroup *copy;

  if (g == NULL)
    return NULL;
  copy = g_new (BridgeReferenceGroup, 1);
  *copy = *g;
  copy->university = g_strdup (g->university);
  copy->scale = g_strdup (g->scale);
  copy->isced = g_strdup (g->isced);
  copy->cycle = g_strdup (g->cycle);
  copy->period = g_strdup (g->period);
  copy->source = g_strdup (g->source);
  return copy;
}

static BridgeReferenceGroup *
group_new_from_table (const BridgeGradingTable *table,
                      gint64                    total)
{
  BridgeReferenceGroup *g = g_new0 (BridgeReferenceGroup, 1);

  g->university = g_strdup (table->university);
  g->scale = g_strdup (table->scale);
  g->isced = g_strdup (table->isced);
  if (table->isced != NULL)
    g->cycle = g_strdup (bridge_cycle_to_string (table->cycle));
  g->period = g_strdup (table->period);
  g->total = total;
  return g;
}

static BridgeGradeConversion *
conversion_new (const char *grade)
{
  BridgeGradeConversion *self = g_new0 (BridgeGradeConversion, 1);

  self->grade = g_strdup (grade);
  self->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  return self;
}

static void
update_warnings (BridgeGradeConversion *self)
{
  g_ptr_array_set_size (self->warnings, 0);
  if (self->host_group != NULL && !self->host_group->percent && self->host_group->total < MIN_RELIABLE_TOTAL)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, self->host_group->total);
      g_ptr_array_add (self->warnings,
                       g_strdup_printf (g_dngettext (NULL, "The host’s grading table counts only %s grade, too few to convert reliably (at least 100)",
                                                     "The host’s grading table counts only %s grades, too few to convert reliably (at least 100)",
                                                     bridge_text_plural_count (n)),
                                        n));
    }
  if (self->home_group != NULL && !self->home_group->percent && self->home_group->total < MIN_RELIABLE_TOTAL)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, self->home_group->total);
      g_ptr_array_add (self->warnings,
                       g_strdup_printf (g_dngettext (NULL, "The home grading table counts only %s grade, too few to convert reliably (at least 100)",
                                                     "The home grading table counts only %s grades, too few to convert reliably (at least 100)",
                                                     bridge_text_plural_count (n)),
                                        n));
    }
}

BridgeGradeConversion *
bridge_grade_conversion_copy (const BridgeGradeConversion *self)
{
  BridgeGradeConversion *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new (BridgeGradeConversion, 1);
  *copy = *self;
  copy->grade = g_strdup (self->grade);
  copy->host_grade = g_strdup (self->host_grade);
  copy->suggested = g_strdup (self->suggested);
  copy->reason = g_strdup (self->reason);
  copy->host_university = g_strdup (self->host_university);
  copy->home_university = g_strdup (self->home_university);
  copy->host_scale = g_strdup (self->host_scale);
  copy->home_scale = g_strdup (self->home_scale);
  copy->host_group = group_copy (self->host_group);
  copy->home_group = group_copy (self->home_group);
  copy->warnings = bridge_text_strings_copy (self->warnings);
  copy->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  for (guint i = 0; i < self->candidates->len; i++)
    g_ptr_array_add (copy->candidates, candidate_copy (g_ptr_array_index (self->candidates, i)));
  return copy;
}

void
bridge_grade_conversion_free (BridgeGradeConversion *self)
{
  if (self == NULL)
    return;
  g_free (self->grade);
  g_free (self->host_grade);
  g_free (self->suggested);
  g_free (self->reason);
  g_free (self->host_university);
  g_free (self->home_university);
  g_free (self->host_scale);
  g_free (self->home_scale);
  group_free (self->host_group);
  group_free (self->home_group);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (BridgeGradeConversion, bridge_grade_conversion, bridge_grade_conversion_copy, bridge_grade_conversion_free)

void
bridge_grade_conversion_set_sources (BridgeGradeConversion *self,
                                     const char            *host_source,
                                     gboolean               host_percent,
                                     const char            *home_source,
                                     gboolean               home_percent)
{
  g_return_if_fail (self != NULL);

  if (self->host_group != NULL)
    {
      g_free (self->host_group->source);
      self->host_group->source = g_strdup (host_source);
      self->host_group->percent = host_percent;
    }
  if (self->home_group != NULL)
    {
      g_free (self->home_group->source);
      self->home_group->source = g_strdup (home_source);
      self->home_group->percent = home_percent;
    }
  update_warnings (self);
}

static void
add_interval (JsonBuilder  *builder,
              const char   *name,
              const double *interval)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  json_builder_add_double_value (builder, interval[0]);
  json_builder_add_double_value (builder, interval[1]);
  json_builder_end_array (builder);
}

static void
add_group (JsonBuilder                *builder,
           const char                 *name,
           const BridgeReferenceGroup *g)
{
  json_builder_set_member_name (builder, name);
  if (g == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  if (g->source != NULL)
    bridge_json_add_nullable_string (builder, "source", g->source);
  if (g->university != NULL)
    {
      bridge_json_add_nullable_string (builder, "university", g->university);
      bridge_json_add_nullable_string (builder, "scale", g->scale);
      bridge_json_add_nullable_string (builder, "isced", g->isced);
      bridge_json_add_nullable_string (builder, "cycle", g->cycle);
      bridge_json_add_nullable_string (builder, "period", g->period);
    }
  if (g->percent)
    {
      json_builder_set_member_name (builder, "form");
      json_builder_add_string_value (builder, "percent");
    }
  else
    {
      json_builder_set_member_name (builder, "form");
      json_builder_add_string_value (builder, "count");
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, g->total);
    }
  json_builder_end_object (builder);
}

JsonNode *
bridge_grade_conversion_to_json (const BridgeGradeConversion *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  bridge_json_add_nullable_string (builder, "grade", self->grade);
  bridge_json_add_nullable_string (builder, "host_grade", self->host_grade);
  if (self->has_mark)
    {
      json_builder_set_member_name (builder, "mark");
      json_builder_add_double_value (builder, self->mark);
    }
  bridge_json_add_nullable_string (builder, "suggested", self->suggested);
  bridge_json_add_nullable_string (builder, "rule", bridge_grade_rule_to_string (self->rule));
  json_builder_set_member_name (builder, "approximate");
  json_builder_add_boolean_value (builder, self->approximate);
  json_builder_set_member_name (builder, "by_position");
  json_builder_add_boolean_value (builder, self->by_position);
  bridge_json_add_nullable_string (builder, "reason", self->reason);
  add_interval (builder, "host_interval", self->host_interval);

  json_builder_set_member_name (builder, "candidates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->candidates->len; i++)
    {
      const BridgeGradeCandidate *c = g_ptr_array_index (self->candidates, i);

      json_builder_begin_object (builder);
      bridge_json_add_nullable_string (builder, "grade", c->grade);
      json_builder_set_member_name (builder, "share");
      json_builder_add_double_value (builder, c->share);
      bridge_json_add_nullable_string (builder, "share_exact", c->share_exact);
      add_interval (builder, "home_interval", c->home_interval);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  bridge_json_add_nullable_string (builder, "host_university", self->host_university);
  bridge_json_add_nullable_string (builder, "home_university", self->home_university);
  bridge_json_add_nullable_string (builder, "host_scale", self->host_scale);
  bridge_json_add_nullable_string (builder, "home_scale", self->home_scale);
  add_group (builder, "host_table", self->host_group);
  add_group (builder, "home_table", self->home_group);
  bridge_json_add_string_array (builder, "warnings", self->warnings);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Cumulative counts: cum[0] = 0, cum[i + 1] = grades i and better. */
static BridgeInt128 *
cumulative (const BridgeGradingTable *table)
{
  BridgeInt128 *cum = g_new0 (BridgeInt128, table->n_counts + 1);

  for (guint i = 0; i < table->n_counts; i++)
    cum[i + 1] = cum[i] + table->counts[i].count;
  return cum;
}

static gint64
table_total (const BridgeGradingTable *table)
{
  gint64 total = 0;

  for (guint i = 0; i < table->n_counts; i++)
    total += table->counts[i].count;
  return total;
}

static char *
grade_list (const BridgeGradingTable *table)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < table->n_counts; i++)
    g_string_append_printf (str, "%s%s", i > 0 ? ", " : "", table->counts[i].grade);
  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* The home grade with a count above 0 whose interval contains @point (a
 * position scaled by the host total, i.e. point / (Nh × Nm) from the top,
 * given doubled when @doubled); ties go to the better grade. */
static guint
home_grade_at (const BridgeGradingTable *home,
               const BridgeInt128       *mcum,
               BridgeInt128              nh,
               BridgeInt128              point,
               gboolean                  doubled)
{
  BridgeInt128 scale = doubled ? 2 * nh : nh;

  for (guint j = 0; j < home->n_counts; j++)
    {
      if (home->counts[j].count == 0)
        continue;
      if (mcum[j] * scale <= point && point <= mcum[j + 1] * scale)
        return j;
    }
  g_return_val_if_reached (0);
}

static void
home_interval (const BridgeInt128 *mcum,
               BridgeInt128        nm,
               guint               j,
               double             *out)
{
  out[0] = bridge_grading_percent_value (bridge_rational_new (mcum[j], nm));
  out[1] = bridge_grading_percent_value (bridge_rational_new (mcum[j + 1], nm));
}

static char *
interval_string (BridgeInt128 from,
                 BridgeInt128 to,
                 BridgeInt128 total)
{
  g_autofree char *a = percent_string (bridge_rational_new (from, total));
  g_autofree char *b = percent_string (bridge_rational_new (to, total));

  /* Translators: an interval of percentages, "22.0–40.0 %" */
  return g_strdup_printf (_("%s–%s %%"), a, b);
}

BridgeGradeConversion *
bridge_grade_convert_tables (const BridgeGradingTable *host,
                             const BridgeGradingTable *home,
                             const char               *grade,
                             BridgeGradeRule           rule,
                             GError                  **error)
{
  g_autoptr(BridgeGradeConversion) self = NULL;
  g_autofree BridgeInt128 *hcum = NULL;
  g_autofree BridgeInt128 *mcum = NULL;
  g_autofree char         *host_iv = NULL;
  BridgeInt128             nh, nm, a, b;
  guint                    i = G_MAXUINT;
  guint                    chosen = 0;
  const char              *host_label;

  g_return_val_if_fail (host != NULL, NULL);
  g_return_val_if_fail (home != NULL, NULL);
  g_return_val_if_fail (grade != NULL, NULL);
  g_return_val_if_fail (rule <= BRIDGE_GRADE_RULE_WORST, NULL);

  if (!bridge_grading_table_check (host, _("The host grading table"), error) ||
                                   !bridge_grading_table_check (home, _("The home grading table"), error))
    return NULL;

  for (guint k = 0; k < host->n_counts; k++)
    if (g_str_equal (host->counts[k].grade, grade))
      i = k;
  if (i == G_MAXUINT)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (grade));

      for (guint k = 0; k < host->n_counts; k++)
        if (g_str_equal (host->counts[k].grade, trimmed))
          i = k;
    }
  if (i == G_MAXUINT)
    {
      g_autofree char *list = grade_list (host);
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("“%s” is not a passing grade of the host grading table (its grades are %s)"),
                      grade, list);
      return NULL;
    }
  host_label = host->counts[i].grade;

  hcum = cumulative (host);
  mcum = cumulative (home);
  nh = hcum[host->n_counts];
  nm = mcum[home->n_counts];

  self = conversion_new (grade);
  self->host_grade = g_strdup (host_label);
  self->rule = rule;
  self->host_group = group_new_from_table (host, table_total (host));
  self->home_group = group_new_from_table (home, table_total (home));
  self->host_scale = g_strdup (host->scale);
  self->home_scale = g_strdup (home->scale);
  self->host_interval[0] = bridge_grading_percent_value (bridge_rational_new (hcum[i], nh));
  self->host_interval[1] = bridge_grading_percent_value (bridge_rational_new (hcum[i + 1], nh));
  host_iv = interval_string (hcum[i], hcum[i + 1], nh);

  /* Everything on the common denominator Nh × Nm. */
  a = hcum[i] * nm;
  b = hcum[i + 1] * nm;

  if (a == b)
    {
      /* Nobody received the grade: it converts by its position. */
      BridgeGradeCandidate *c = g_new0 (BridgeGradeCandidate, 1);
      g_autofree char      *pos = percent_string (bridge_rational_new (hcum[i], nh));
      g_autofree char      *home_iv = NULL;

      chosen = home_grade_at (home, mcum, nh, a, FALSE);
      c->grade = g_strdup (home->counts[chosen].grade);
      c->share = 1.0;
      c->share_exact = g_strdup ("1");
      home_interval (mcum, nm, chosen, c->home_interval);
      g_ptr_array_add (self->candidates, c);
      self->by_position = TRUE;
      home_iv = interval_string (mcum[chosen], mcum[chosen + 1], nm);
      /* Translators: "Nobody received E in the host's reference group, so it
       * converts by its position, 100.0 % from the top, which lies in the home grade E (90.0–100.0 %)" */
      self->reason = g_strdup_printf (_("Nobody received %s in the host’s reference group, so it converts by its position, %s %% from the top, which lies in the home grade %s (%s); ties go to the better grade"),
                                         host_label, pos, c->grade, home_iv);
      self->suggested = g_strdup (c->grade);
      update_warnings (self);
      return g_steal_pointer (&self);
    }

  {
    guint            best_overlap_j = G_MAXUINT;
    BridgeInt128     best_overlap = 0;
    gboolean         overlap_tie = FALSE;
    guint            first = G_MAXUINT, last = G_MAXUINT;
    g_autofree char *home_iv = NULL;
    g_autofree char *share_str = NULL;

    for (guint j = 0; j < home->n_counts; j++)
      {
        BridgeInt128          lo = mcum[j] * nh, hi = mcum[j + 1] * nh;
        BridgeInt128          from = MAX (a, lo), to = MIN (b, hi);
        BridgeGradeCandidate *c;
        BridgeRational        share;

        if (to <= from)
          continue;
        share = bridge_rational_new (to - from, b - a);
        c = g_new0 (BridgeGradeCandidate, 1);
        c->grade = g_strdup (home->counts[j].grade);
        c->share = bridge_rational_to_double (share);
        c->share_exact = bridge_rational_to_fraction_string (share);
        home_interval (mcum, nm, j, c->home_interval);
        g_ptr_array_add (self->candidates, c);

        if (first == G_MAXUINT)
          first = j;
        last = j;
        if (to - from > best_overlap)
          {
            best_overlap = to - from;
            best_overlap_j = j;
            overlap_tie = FALSE;
          }
        else if (to - from == best_overlap)
          overlap_tie = TRUE;
      }
    g_assert (first != G_MAXUINT);

    switch (rule)
      {
      case BRIDGE_GRADE_RULE_MIDPOINT:
        {
          BridgeInt128     mid2 = a + b; /* twice the midpoint */
          g_autofree char *mid = percent_string (bridge_rational_new (hcum[i] + hcum[i + 1], 2 * nh));

          chosen = home_grade_at (home, mcum, nh, mid2, TRUE);
          home_iv = interval_string (mcum[chosen], mcum[chosen + 1], nm);
          if (mid2 == mcum[chosen + 1] * 2 * nh)
            /* Translators: "The midpoint of the host grade E (80.0–100.0 %) is 90.0 %,
             * exactly the boundary between home grades; ties go to the better grade, D (65.0–90.0 %)" */
            self->reason = g_strdup_printf (_("The midpoint of the host grade %s (%s) is %s %%, exactly on a boundary between home grades; ties go to the better grade, %s (%s)"),
                                               host_label, host_iv, mid, home->counts[chosen].grade, home_iv);
          else
            /* Translators: "The midpoint of the host grade B (22.0–40.0 %) is 31.0 %,
             * which lies in the home grade B (10.0–35.0 %)" */
            self->reason = g_strdup_printf (_("The midpoint of the host grade %s (%s) is %s %%, which lies in the home grade %s (%s)"),
                                               host_label, host_iv, mid, home->counts[chosen].grade, home_iv);
        }
        break;

      case BRIDGE_GRADE_RULE_LARGEST_OVERLAP:
        chosen = best_overlap_j;
        share_str = percent_string (bridge_rational_new (best_overlap, b - a));
        if (overlap_tie)
          /* Translators: "The home grade D covers the largest share of the host grade E
           * (80.0–100.0 %), 50.0 %, tied with another grade; ties go to the better grade" */
          self->reason = g_strdup_printf (_("The home grade %s covers the largest share of the host grade %s (%s), %s %%, tied with another grade; ties go to the better grade"),
                                             home->counts[chosen].grade, host_label, host_iv, share_str);
        else
          self->reason = g_strdup_printf (_("The home grade %s covers the largest share of the host grade %s (%s), %s %%"),
                                             home->counts[chosen].grade, host_label, host_iv, share_str);
        break;

      case BRIDGE_GRADE_RULE_BEST:
        chosen = first;
        self->reason = g_strdup_printf (_("%s is the best home grade whose interval overlaps that of the host grade %s (%s)"),
                                           home->counts[chosen].grade, host_label, host_iv);
        break;

      case BRIDGE_GRADE_RULE_WORST:
      default:
        chosen = last;
        self->reason = g_strdup_printf (_("%s is the worst home grade whose interval overlaps that of the host grade %s (%s)"),
                                           home->counts[chosen].grade, host_label, host_iv);
        break;
      }
  }

  self->suggested = g_strdup (home->counts[chosen].grade);
  update_warnings (self);
  return g_steal_pointer (&self);
}

/* The passing range of a scale, for the approximate conversion. */
typedef struct
{
  const BridgeGradingScale *scale;
  gboolean                  banded; /* every passing grade has a band */
  gboolean                  higher_better;
  BridgeRational            lo, hi;
  guint                     n_passing;
} PassingRange;

static gboolean
passing_range (const BridgeGradingScale *scale,
               PassingRange             *range,
               GError                  **error)
{
  const BridgeGrade *first = NULL, *last = NULL;

  memset (range, 0, sizeof *range);
  range->scale = scale;
  range->banded = TRUE;
  for (guint i = 0; i < scale->n_grades; i++)
    {
      const BridgeGrade *g = &scale->grades[i];
      BridgeRational     lo, hi;

      if (!g->passing)
        continue;
      range->n_passing++;
      if (!g->has_band ||
          !bridge_rational_from_double (g->min, &lo) ||
          !bridge_rational_from_double (g->max, &hi))
        {
          range->banded = FALSE;
          continue;
        }
      if (first == NULL)
        {
          first = g;
          range->lo = lo;
          range->hi = hi;
        }
      last = g;
      if (bridge_rational_compare (lo, range->lo) < 0)
        range->lo = lo;
      if (bridge_rational_compare (hi, range->hi) > 0)
        range->hi = hi;
    }
  if (range->n_passing == 0)
    {
      g_autofree char *label = bridge_grading_scale_label (scale);
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The grading scale %s has no passing grade"), label);
      return FALSE;
    }
  if (first == NULL)
    range->banded = FALSE;
  range->higher_better = first == NULL || first->min >= last->min;
  return TRUE;
}

static char *
range_string (const PassingRange *range)
{
  if (range->banded)
    {
      g_autofree char *lo = bridge_rational_format_short (range->lo, 2, BRIDGE_ROUND_HALF_UP, NULL);
      g_autofree char *hi = bridge_rational_format_short (range->hi, 2, BRIDGE_ROUND_HALF_UP, NULL);
      return range->higher_better ? g_strdup_printf ("%s–%s", hi, lo) : g_strdup_printf ("%s–%s", lo, hi);
    }
  return g_strdup_printf (g_dngettext (NULL, "%u passing grade, by rank", "%u passing grades, by rank",
                                       range->n_passing),
                          range->n_passing);
}

/* Position from the top (0 = best) of a value on a banded range. */
static gboolean
position_of_value (const PassingRange *range,
                   BridgeRational      value,
                   BridgeRational     *out)
{
  BridgeRational width, dist;

  if (!bridge_rational_sub (range->hi, range->lo, &width))
    return FALSE;
  if (bridge_rational_is_zero (width))
    {
      *out = bridge_rational_new (1, 2);
      return TRUE;
    }
  if (range->higher_better)
    {
      if (!bridge_rational_sub (range->hi, value, &dist))
        return FALSE;
    }
  else if (!bridge_rational_sub (value, range->lo, &dist))
    return FALSE;
  if (!bridge_rational_div (dist, width, out))
    return FALSE;
  /* a failing-grade mark can lie outside; clamp */
  if (out->num < 0)
    *out = bridge_rational_int (0);
  if (bridge_rational_compare (*out, bridge_rational_int (1)) > 0)
    *out = bridge_rational_int (1);
  return TRUE;
}

/* The value at position @t (from the top) of a banded range. */
static gboolean
value_at_position (const PassingRange *range,
                   BridgeRational      t,
                   BridgeRational     *out)
{
  BridgeRational width, off;

  if (!bridge_rational_sub (range->hi, range->lo, &width) ||
      !bridge_rational_mul (width, t, &off))
    return FALSE;
  if (range->higher_better)
    return bridge_rational_sub (range->hi, off, out);
  return bridge_rational_add (range->lo, off, out);
}

/* Index among the passing grades (0 = best) of grade @index of the scale. */
static guint
passing_rank (const BridgeGradingScale *scale,
              guint                     index)
{
  guint rank = 0;

  for (guint i = 0; i < index; i++)
    if (scale->grades[i].passing)
      rank++;
  return rank;
}

static const BridgeGrade *
passing_by_rank (const BridgeGradingScale *scale,
                 guint                     rank)
{
  for (guint i = 0; i < scale->n_grades; i++)
    if (scale->grades[i].passing && rank-- == 0)
      return &scale->grades[i];
  return NULL;
}

static gboolean
overflow (GError **error)
{
  g_set_error_literal (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       _("The grading scales’ numbers are too precise to convert exactly"));
  return FALSE;
}

/* Approximate conversion: the position within the host scale's passing
 * range, mapped linearly onto the home scale's passing range. */
static gboolean
convert_approximate (BridgeGradeConversion    *self,
                     const BridgeGradingScale *host_scale,
                     const BridgeGrade        *host_grade,
                     gboolean                  is_mark,
                     const BridgeGradingScale *home_scale,
                     const char               *why,
                     GError                  **error)
{
  PassingRange          hr, mr;
  BridgeRational        t, t_lo, t_hi;
  const BridgeGrade    *chosen = NULL;
  g_autofree char      *host_range = NULL;
  g_autofree char      *home_range = NULL;
  g_autofree char      *pos = NULL;
  g_autofree char      *home_value = NULL;
  g_autofree char      *placed = NULL;
  BridgeGradeCandidate *c;
  guint                 host_index = (guint) (host_grade - host_scale->grades);

  if (!passing_range (host_scale, &hr, error) || !passing_range (home_scale, &mr, error))
    return FALSE;

  if (hr.banded && (is_mark || host_grade->has_band))
    {
      BridgeRational value, lo, hi;

      if (is_mark)
        {
          if (!bridge_rational_from_double (self->mark, &value))
            return overflow (error);
        }
      else
        {
          /* a grade given by its label stands at the middle of its band */
          if (!bridge_rational_from_double (host_grade->min, &lo) ||
              !bridge_rational_from_double (host_grade->max, &hi) ||
              !bridge_rational_add (lo, hi, &value) ||
              !bridge_rational_div (value, bridge_rational_int (2), &value))
            return overflow (error);
        }
      if (!position_of_value (&hr, value, &t))
        return overflow (error);
    }
  else
    {
      guint rank = passing_rank (host_scale, host_index);
      t = bridge_rational_new (2 * rank + 1, 2 * hr.n_passing);
    }

  if (mr.banded)
    {
      BridgeRational y, best_dist = bridge_rational_int (0);

      if (!value_at_position (&mr, t, &y))
        return overflow (error);
      home_value = bridge_rational_format_short (y, 2, BRIDGE_ROUND_HALF_UP, NULL);
      /* the band that holds y; in a gap between bands the nearest band,
       * ties to the better grade */
      for (guint i = 0; i < home_scale->n_grades; i++)
        {
          const BridgeGrade *g = &home_scale->grades[i];
          BridgeRational     lo, hi, dist;

          if (!g->passing)
            continue;
          if (!bridge_rational_from_double (g->min, &lo) ||
              !bridge_rational_from_double (g->max, &hi))
            return overflow (error);
          if (bridge_rational_compare (y, lo) < 0)
            {
              if (!bridge_rational_sub (lo, y, &dist))
                return overflow (error);
            }
          else if (bridge_rational_compare (y, hi) > 0)
            {
              if (!bridge_rational_sub (y, hi, &dist))
                return overflow (error);
            }
          else
            dist = bridge_rational_int (0);
          if (chosen == NULL || bridge_rational_compare (dist, best_dist) < 0)
            {
              chosen = g;
              best_dist = dist;
            }
        }
      if (!bridge_rational_from_double (chosen->min, &t_lo) ||
          !bridge_rational_from_double (chosen->max, &t_hi) ||
          !position_of_value (&mr, t_lo, &t_lo) ||
          !position_of_value (&mr, t_hi, &t_hi))
        return overflow (error);
      if (bridge_rational_compare (t_lo, t_hi) > 0)
        {
          BridgeRational tmp = t_lo;
          t_lo = t_hi;
          t_hi = tmp;
        }
    }
  else
    {
      /* rank j covers [j/n, (j+1)/n]; a boundary goes to the better grade */
      BridgeInt128 n = mr.n_passing;
      BridgeInt128 j = (t.num * n + t.den - 1) / t.den - 1; /* ceil (t n) − 1 */

      if (j < 0)
        j = 0;
      if (j >= n)
        j = n - 1;
      chosen = passing_by_rank (home_scale, (guint) j);
      t_lo = bridge_rational_new (j, n);
      t_hi = bridge_rational_new (j + 1, n);
      home_value = g_strdup (chosen->label);
    }

  self->approximate = TRUE;
  self->suggested = g_strdup (chosen->label);
  self->host_interval[0] = self->host_interval[1] = bridge_grading_percent_value (t);
  c = g_new0 (BridgeGradeCandidate, 1);
  c->grade = g_strdup (chosen->label);
  c->share = 1.0;
  c->share_exact = g_strdup ("1");
  c->home_interval[0] = bridge_grading_percent_value (t_lo);
  c->home_interval[1] = bridge_grading_percent_value (t_hi);
  g_ptr_array_add (self->candidates, c);

  host_range = range_string (&hr);
  home_range = range_string (&mr);
  pos = percent_string (t);
  if (!is_mark && hr.banded && host_grade->has_band)
    {
      BridgeRational   lo, hi, mid;
      g_autofree char *mid_str = NULL;

      bridge_rational_from_double (host_grade->min, &lo);
      bridge_rational_from_double (host_grade->max, &hi);
      bridge_rational_add (lo, hi, &mid);
      bridge_rational_div (mid, bridge_rational_int (2), &mid);
      mid_str = bridge_rational_format_short (mid, 3, BRIDGE_ROUND_HALF_UP, NULL);
      /* Translators: "良好 (84.995, the middle of its band)" */
      placed = g_strdup_printf (_("%s (%s, the middle of its band)"), self->grade, mid_str);
    }
  else
    placed = g_strdup (self->grade);

  if (mr.banded)
    /* Translators: the first %s says which grading tables are missing; then
     * "85 lies 37.5 % from the top of the host's passing range (100–60); the same
     * position in the home's passing range (100–60) is 85: 良好" */
    self->reason = g_strdup_printf (_("%s Approximate conversion: %s lies %s %% from the top of the host’s passing range (%s); the same position in the home’s passing range (%s) is %s: %s"),
                                       why, placed, pos, host_range, home_range, home_value, chosen->label);
  else
    /* Translators: the first %s says which grading tables are missing; then
     * "85 lies 37.5 % from the top of the host's passing range (100–60); at the
     * same position among the home's grades (5 passing grades, by rank) is B" */
    self->reason = g_strdup_printf (_("%s Approximate conversion: %s lies %s %% from the top of the host’s passing range (%s); at the same position among the home’s grades (%s) is %s"),
                                       why, placed, pos, host_range, home_range, chosen->label);
  return TRUE;
}

BridgeGradeConversion *
bridge_grade_convert (BridgeUniversity *host,
                      BridgeUniversity *home,
                      const char       *isced,
                      BridgeCycle       cycle,
                      const char       *grade,
                      BridgeGradeRule   rule,
                      GError          **error)
{
  return bridge_grade_convert_on_scale (host, home, isced, cycle, NULL, grade, rule, error);
}

BridgeGradeConversion *
bridge_grade_convert_on_scale (BridgeUniversity *host,
                               BridgeUniversity *home,
                               const char       *isced,
                               BridgeCycle       cycle,
                               const char       *host_scale_id,
                               const char       *grade,
                               BridgeGradeRule   rule,
                               GError          **error)
{
  g_autoptr(BridgeGradeConversion) self = NULL;
  const BridgeGradingTable *host_table, *home_table;
  const BridgeGradingScale *host_scale = NULL, *home_scale = NULL;
  const BridgeGrade        *host_grade = NULL;
  gboolean                  is_mark = FALSE;
  double                    mark = 0;
  g_autoptr(GError) first_error = NULL;

  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (host), NULL);
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (home), NULL);
  g_return_val_if_fail (grade != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!bridge_isced_check (isced, error))
    return NULL;

  host_table = bridge_university_find_table (host, isced, cycle);
  home_table = bridge_university_find_table (home, isced, cycle);

  /* The host grade: in the table's scale, else in each scale in turn. */
  if (host_table != NULL)
    {
      host_scale = bridge_university_find_scale (host, host_table->scale);
      if (host_scale == NULL)
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                       _("The grading table of %s names the unknown scale %s"),
                          bridge_university_get_label (host), host_table->scale);
          return NULL;
        }
      host_grade = bridge_grading_scale_resolve (host_scale, grade, &is_mark, &mark, error);
      if (host_grade == NULL)
        return NULL;
    }
  else if (host_scale_id != NULL)
    {
      host_scale = bridge_university_find_scale (host, host_scale_id);
      if (host_scale == NULL)
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                       _("%s has no grading scale %s"), bridge_university_get_label (host), host_scale_id);
          return NULL;
        }
      host_grade = bridge_grading_scale_resolve (host_scale, grade, &is_mark, &mark, error);
      if (host_grade == NULL)
        return NULL;
    }
  else
    {
      GPtrArray *scales = bridge_university_get_scales (host);

      for (guint i = 0; scales != NULL && i < scales->len && host_grade == NULL; i++)
        {
          g_autoptr(GError) local_error = NULL;

          host_scale = g_ptr_array_index (scales, i);
          host_grade = bridge_grading_scale_resolve (host_scale, grade, &is_mark, &mark, &local_error);
          if (host_grade == NULL && first_error == NULL)
            first_error = g_steal_pointer (&local_error);
        }
      if (host_grade == NULL)
        {
          if (first_error != NULL)
            g_propagate_error (error, g_steal_pointer (&first_error));
          else
            g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                         _("%s has no grading scale"), bridge_university_get_label (host));
          return NULL;
        }
    }

  if (!host_grade->passing)
    {
      if (is_mark)
        /* Translators: "The mark 55 is the failing grade 不及格 at scu; failing grades are not converted" */
        g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILING_GRADE,
                     _("The mark %s is the failing grade %s at %s; failing grades are not converted"),
                        grade, host_grade->label, bridge_university_get_label (host));
      else
        g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILING_GRADE,
                     _("%s is a failing grade at %s; failing grades are not converted"),
                        host_grade->label, bridge_university_get_label (host));
      return NULL;
    }

  if (host_table != NULL && home_table != NULL)
    {
      g_autofree char *host_name = g_strdup_printf (_("The grading table of %s for %s"),
                                                       bridge_university_get_label (host), host_table->isced);
      g_autofree char *home_name = g_strdup_printf (_("The grading table of %s for %s"),
                                                       bridge_university_get_label (home), home_table->isced);

      if (!bridge_grading_table_check (host_table, host_name, error) ||
          !bridge_grading_table_check (home_table, home_name, error))
        return NULL;
      self = bridge_grade_convert_tables (host_table, home_table, host_grade->label, rule, error);
      if (self == NULL)
        return NULL;
      g_free (self->grade);
      self->grade = g_strdup (grade);
      g_free (self->host_group->university);
      self->host_group->university = g_strdup (bridge_university_get_id (host));
      g_free (self->home_group->university);
      self->home_group->university = g_strdup (bridge_university_get_id (home));
    }
  else
    {
      g_autoptr(GString) why = g_string_new (NULL);

      if (home_table != NULL)
        home_scale = bridge_university_find_scale (home, home_table->scale);
      else
        {
          GPtrArray *scales = bridge_university_get_scales (home);
          if (scales != NULL && scales->len > 0)
            home_scale = g_ptr_array_index (scales, 0);
        }
      if (home_scale == NULL)
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                       _("%s has no grading scale"), bridge_university_get_label (home));
          return NULL;
        }

      if (host_table == NULL)
        {
          /* Translators: "scu has no grading table for field 0613 (bachelor)." */
          g_string_append_printf (why, _("%s has no grading table for field %s (%s)."),
                                          bridge_university_get_label (host), isced, bridge_cycle_get_label (cycle));
          g_string_append_c (why, ' ');
        }
      if (home_table == NULL)
        {
          g_string_append_printf (why, _("%s has no grading table for field %s (%s)."),
                                          bridge_university_get_label (home), isced, bridge_cycle_get_label (cycle));
          g_string_append_c (why, ' ');
        }
      if (why->len > 0)
        g_string_truncate (why, why->len - 1);

      self = conversion_new (grade);
      self->host_grade = g_strdup (host_grade->label);
      self->rule = rule;
      self->has_mark = is_mark;
      self->mark = mark;
      if (!convert_approximate (self, host_scale, host_grade, is_mark, home_scale, why->str, error))
        return NULL;
      if (host_table != NULL)
        self->host_group = group_new_from_table (host_table, table_total (host_table));
      if (home_table != NULL)
        self->home_group = group_new_from_table (home_table, table_total (home_table));
    }

  self->has_mark = is_mark;
  self->mark = mark;
  g_free (self->host_scale);
  self->host_scale = g_strdup (host_scale->id);
  g_free (self->home_scale);
  self->home_scale = g_strdup (home_scale != NULL ? home_scale->id : home_table->scale);
  self->host_university = g_strdup (bridge_university_get_id (host));
  self->home_university = g_strdup (bridge_university_get_id (home));
  update_warnings (self);
  return g_steal_pointer (&self);
}

/* Transcripts */

static void
transcript_line_free (BridgeTranscriptLine *line)
{
  g_free (line->grade);
  g_clear_pointer (&line->conversion, bridge_grade_conversion_free);
  g_clear_error (&line->error);
  g_free (line);
}

void
bridge_transcript_free (BridgeTranscript *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_free (self);
}

BridgeTranscript *
bridge_grade_convert_transcript (BridgeUniversity            *host,
                                 BridgeUniversity            *home,
                                 const BridgeTranscriptEntry *entries,
                                 guint                        n_entries,
                                 BridgeGradeRule              rule)
{
  BridgeTranscript *self;

  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (host), NULL);
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (home), NULL);
  g_return_val_if_fail (n_entries == 0 || entries != NULL, NULL);

  self = g_new0 (BridgeTranscript, 1);
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) transcript_line_free);

  for (guint i = 0; i < n_entries; i++)
    {
      BridgeTranscriptLine *line = g_new0 (BridgeTranscriptLine, 1);

      line->grade = g_strdup (entries[i].grade);
      line->credits = entries[i].credits;
      if (entries[i].grade == NULL)
        g_set_error_literal (&line->error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                             _("No grade given"));
      else
        line->conversion = bridge_grade_convert_on_scale (host, home, entries[i].isced, entries[i].cycle,
                                                          entries[i].scale, entries[i].grade, rule,
                                                          &line->error);
      if (line->conversion != NULL)
        {
          self->credits_converted += line->credits;
          if (line->conversion->approximate)
            self->n_approximate++;
        }
      else if (g_error_matches (line->error, BRIDGE_ERROR, BRIDGE_ERROR_FAILING_GRADE))
        self->credits_failed += line->credits;
      else
        self->credits_not_converted += line->credits;
      g_ptr_array_add (self->lines, line);
    }
  return self;
}

JsonNode *
bridge_transcript_to_json (const BridgeTranscript *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->lines->len; i++)
    {
      const BridgeTranscriptLine *line = g_ptr_array_index (self->lines, i);

      json_builder_begin_object (builder);
      bridge_json_add_nullable_string (builder, "grade", line->grade);
      json_builder_set_member_name (builder, "credits");
      json_builder_add_double_value (builder, line->credits);
      json_builder_set_member_name (builder, "conversion");
      if (line->conversion != NULL)
        json_builder_add_value (builder, bridge_grade_conversion_to_json (line->conversion));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "failing");
      json_builder_add_boolean_value (builder, g_error_matches (line->error, BRIDGE_ERROR,
                                                                BRIDGE_ERROR_FAILING_GRADE));
      bridge_json_add_nullable_string (builder, "error", line->error != NULL ? line->error->message : NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "credits_converted");
  json_builder_add_double_value (builder, self->credits_converted);
  json_builder_set_member_name (builder, "credits_failed");
  json_builder_add_double_value (builder, self->credits_failed);
  json_builder_set_member_name (builder, "credits_not_converted");
  json_builder_add_double_value (builder, self->credits_not_converted);
  json_builder_set_member_name (builder, "approximate");
  json_builder_add_int_value (builder, self->n_approximate);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
