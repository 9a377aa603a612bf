/* bridge-credit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-credit"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-credit.h"
#include "bridge-credit-enums.h"
#include "bridge-enum.h"
#include "bridge-error.h"
#include "bridge-json.h"
#include "bridge-text.h"

G_DEFINE_BOXED_TYPE (BridgeCreditResult, bridge_credit_result, bridge_credit_result_copy, bridge_credit_result_free)

/* Numbers in steps: at most two decimals, trailing zeros dropped. */
static char *
show (BridgeRational value)
{
  return bridge_rational_format_short (value, 2, BRIDGE_ROUND_HALF_UP, NULL);
}

/* "=" when @value shows exactly in two decimals, "≈" otherwise. */
static const char *
relation (BridgeRational value)
{
  gboolean exact = FALSE;

  /* Only whether two decimals show it exactly matters here. */
  g_free (bridge_rational_format (value, 2, BRIDGE_ROUND_HALF_UP, &exact));
  return exact ? "=" : "≈";
}

static gboolean
overflow_error (GError **error)
{
  g_set_error_literal (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       _("The numbers are too large or too precise to compute the credits exactly"));
  return FALSE;
}

static gboolean
number (double          value,
        const char     *what,
        BridgeRational *out,
        GError        **error)
{
  if (!bridge_rational_from_double (value, out) || value < 0)
    {
      g_autofree char *str = g_strdup_printf ("%g", value);
      /* Translators: the first %s is a number, the second names it (e.g. period_minutes) */
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The value %s of %s cannot be used"), str, what);
      return FALSE;
    }
  return TRUE;
}

const char *
bridge_workload_source_to_string (BridgeWorkloadSource source)
{
  return bridge_enum_to_nick (BRIDGE_TYPE_WORKLOAD_SOURCE, source);
}

void
bridge_course_load_from_course (BridgeCourseLoad *load,
                                BridgeCourse     *course)
{
  g_return_if_fail (load != NULL);
  g_return_if_fail (BRIDGE_IS_COURSE (course));

  for (guint k = 0; k < BRIDGE_N_KINDS; k++)
    load->periods[k] = bridge_course_get_periods (course, k);
  load->practice_weeks = bridge_course_get_practice_weeks (course);
  load->workload_hours = bridge_course_get_workload_hours (course);
  load->credits = bridge_course_get_credits (course);
}

/* periods × minutes ÷ 60 × (1 + ratio) */
static gboolean
class_hours (double          periods,
             double          minutes,
             double          ratio,
             BridgeRational *out,
             BridgeRational *r_periods,
             BridgeRational *r_minutes,
             BridgeRational *r_ratio,
             GError        **error)
{
  BridgeRational factor;

  if (!number (periods, "periods", r_periods, error) ||
      !number (minutes, "period_minutes", r_minutes, error) ||
      !number (ratio, "self_study_ratio", r_ratio, error))
    return FALSE;

  if (!bridge_rational_add (bridge_rational_int (1), *r_ratio, &factor) ||
      !bridge_rational_mul (*r_periods, *r_minutes, out) ||
      !bridge_rational_div (*out, bridge_rational_int (60), out) ||
      !bridge_rational_mul (*out, factor, out))
    return overflow_error (error);
  return TRUE;
}

gboolean
bridge_credit_hours_per_local_credit (const BridgeCreditPolicy *policy,
                                      BridgeRational           *out,
                                      char                    **step,
                                      GError                  **error)
{
  BridgeRational hours, periods, minutes, ratio;

  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!class_hours (policy->periods_per_credit[BRIDGE_KIND_LECTURE],
                    policy->period_minutes,
                    policy->self_study_ratio[BRIDGE_KIND_LECTURE],
                    &hours, &periods, &minutes, &ratio, error))
    return FALSE;

  if (bridge_rational_is_zero (hours))
    {
      g_set_error_literal (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                           _("The credit policy gives no lecture periods per credit, so a credit has no workload"));
      return FALSE;
    }

  if (step != NULL)
    {
      g_autofree char *p = show (periods);
      g_autofree char *m = show (minutes);
      g_autofree char *r = show (ratio);
      g_autofree char *h = show (hours);

      /* Translators: "16 periods × 50 min ÷ 60 × (1 + 1.5) ≈ 33.33 h";
       * the fourth %s is "=" or "≈" */
      *step = g_strdup_printf (_("%s periods × %s min ÷ 60 × (1 + %s) %s %s h"),
                                  p, m, r, relation (hours), h);
    }

  *out = hours;
  return TRUE;
}

static char *
kind_step (BridgeKind     kind,
           BridgeRational periods,
           BridgeRational minutes,
           BridgeRational ratio,
           BridgeRational hours)
{
  g_autofree char *p = show (periods);
  g_autofree char *m = show (minutes);
  g_autofree char *r = show (ratio);
  g_autofree char *h = show (hours);
  const char      *rel = relation (hours);

  switch (kind)
    {
    case BRIDGE_KIND_LECTURE:
      /* Translators: "48 lecture periods × 45 min ÷ 60 × (1 + 2) = 108 h";
       * the fourth %s is "=" or "≈" */
      return g_strdup_printf (_("%s lecture periods × %s min ÷ 60 × (1 + %s) %s %s h"), p, m, r, rel, h);
    case BRIDGE_KIND_LAB:
      /* Translators: "16 lab periods × 45 min ÷ 60 × (1 + 0.5) = 18 h" */
      return g_strdup_printf (_("%s lab periods × %s min ÷ 60 × (1 + %s) %s %s h"), p, m, r, rel, h);
    case BRIDGE_KIND_SEMINAR:
    case BRIDGE_N_KINDS:
    default:
      /* Translators: "16 seminar periods × 45 min ÷ 60 × (1 + 1.5) = 30 h" */
      return g_strdup_printf (_("%s seminar periods × %s min ÷ 60 × (1 + %s) %s %s h"), p, m, r, rel, h);
    }
}

/* Fills @kind_hours and @practice_hours (may be NULL) as well. */
static gboolean
workload_full (const BridgeCreditPolicy *policy,
               const BridgeCourseLoad   *load,
               BridgeRational           *out,
               BridgeWorkloadSource     *source,
               BridgeRational           *kind_hours,
               BridgeRational           *practice_hours,
               GPtrArray                *steps,
               GError                  **error)
{
  BridgeRational total = bridge_rational_int (0);
  BridgeRational declared;
  BridgeRational weeks, week_hours, practice;
  g_autoptr(GString) sum = g_string_new (NULL);
  guint n_parts = 0;

  if (load->workload_hours > 0)
    {
      if (!number (load->workload_hours, "workload_hours", &declared, error))
        return FALSE;
      if (steps != NULL)
        {
          g_autofree char *h = show (declared);
          g_ptr_array_add (steps, g_strdup_printf (_("Workload declared by the host university: %s h"), h));
        }
      *out = declared;
      *source = BRIDGE_WORKLOAD_DECLARED;
      return TRUE;
    }

  g_return_val_if_fail (policy != NULL, FALSE);

  if (steps != NULL)
    g_ptr_array_add (steps, g_strdup (_("The host university declares no workload; it is estimated from the class periods and practice weeks under its credit policy:")));

  for (guint k = 0; k < BRIDGE_N_KINDS; k++)
    {
      BridgeRational hours, periods, minutes, ratio;

      if (!class_hours (load->periods[k], policy->period_minutes,
                        policy->self_study_ratio[k],
                        &hours, &periods, &minutes, &ratio, error))
        return FALSE;
      if (kind_hours != NULL)
        kind_hours[k] = hours;
      if (bridge_rational_is_zero (periods))
        continue;
      if (!bridge_rational_add (total, hours, &total))
        return overflow_error (error);
      if (steps != NULL)
        {
          g_autofree char *h = show (hours);
          g_ptr_array_add (steps, kind_step (k, periods, minutes, ratio, hours));
          g_string_append_printf (sum, "%s%s", n_parts > 0 ? " + " : "", h);
        }
      n_parts++;
    }

  if (!number (load->practice_weeks, "practice_weeks", &weeks, error))
    return FALSE;
  practice = bridge_rational_int (0);
  if (!bridge_rational_is_zero (weeks))
    {
      if (!number (policy->practice_week_hours, "practice_week_hours", &week_hours, error))
        return FALSE;
      if (!bridge_rational_mul (weeks, week_hours, &practice) ||
          !bridge_rational_add (total, practice, &total))
        return overflow_error (error);
      if (steps != NULL)
        {
          g_autofree char *w = show (weeks);
          g_autofree char *wh = show (week_hours);
          g_autofree char *h = show (practice);
          /* Translators: "2 practice weeks × 40 h = 80 h"; the third %s is "=" or "≈" */
          g_ptr_array_add (steps, g_strdup_printf (_("%s practice weeks × %s h %s %s h"),
                                                      w, wh, relation (practice), h));
          g_string_append_printf (sum, "%s%s", n_parts > 0 ? " + " : "", h);
        }
      n_parts++;
    }
  if (practice_hours != NULL)
    *practice_hours = practice;

  if (bridge_rational_is_zero (total))
    {
      g_set_error_literal (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                           _("The course has no workload: no workload hours, no class periods and no practice weeks"));
      return FALSE;
    }

  if (steps != NULL && n_parts > 1)
    {
      g_autofree char *t = show (total);
      /* Translators: "Workload: 108 + 18 = 126 h"; the second %s is "=" or "≈" */
      g_ptr_array_add (steps, g_strdup_printf (_("Workload: %s %s %s h"), sum->str, relation (total), t));
    }

  *out = total;
  *source = BRIDGE_WORKLOAD_ESTIMATED;
  return TRUE;
}

gboolean
bridge_credit_workload (const BridgeCreditPolicy *policy,
                        const BridgeCourseLoad   *load,
                        BridgeRational           *out,
                        BridgeWorkloadSource     *source,
                        GPtrArray                *steps,
                        GError                  **error)
{
  BridgeWorkloadSource unused;

  g_return_val_if_fail (load != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return workload_full (policy, load, out, source != NULL ? source : &unused,
                        NULL, NULL, steps, error);
}

/* The spec's warning: local credits and the credits the university's own
 * policy gives for the workload differ by more than 25 % of the latter.
 * |credits − policy| > policy / 4  ⇔  4 |credits − policy| > policy.
 * FALSE on overflow. */
static gboolean
local_credits_disagree (BridgeRational  workload,
                        BridgeRational  credits,
                        BridgeRational  hours_per_credit,
                        BridgeRational *policy_credits,
                        gboolean       *disagree)
{
  BridgeRational diff;

  if (!bridge_rational_div (workload, hours_per_credit, policy_credits) ||
      !bridge_rational_sub (credits, *policy_credits, &diff) ||
      !bridge_rational_mul (diff, bridge_rational_int (diff.num < 0 ? -4 : 4), &diff))
    return FALSE;
  *disagree = bridge_rational_compare (diff, *policy_credits) > 0;
  return TRUE;
}

gboolean
bridge_credit_check_local (const BridgeCreditPolicy *policy,
                           const BridgeCourseLoad   *load,
                           BridgeRational           *workload,
                           BridgeRational           *policy_credits,
                           gboolean                 *disagree,
                           GError                  **error)
{
  BridgeRational credits, hours_per_credit;

  g_return_val_if_fail (policy != NULL, FALSE);
  g_return_val_if_fail (load != NULL, FALSE);
  g_return_val_if_fail (workload != NULL && policy_credits != NULL && disagree != NULL, FALSE);

  if (!bridge_credit_workload (policy, load, workload, NULL, NULL, error) ||
      !number (load->credits, "credits", &credits, error) ||
      !bridge_credit_hours_per_local_credit (policy, &hours_per_credit, NULL, error))
    return FALSE;
  if (!local_credits_disagree (*workload, credits, hours_per_credit, policy_credits, disagree))
    {
      overflow_error (error);
      return FALSE;
    }
  return TRUE;
}

static BridgeCreditResult *
result_new (void)
{
  BridgeCreditResult *self = g_new0 (BridgeCreditResult, 1);

  self->steps = g_ptr_array_new_with_free_func (g_free);
  return self;
}

BridgeCreditResult *
bridge_credit_result_copy (const BridgeCreditResult *self)
{
  BridgeCreditResult *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new (BridgeCreditResult, 1);
  *copy = *self;
  copy->course_id = g_strdup (self->course_id);
  copy->host_id = g_strdup (self->host_id);
  copy->home_id = g_strdup (self->home_id);
  copy->warning = g_strdup (self->warning);
  copy->reason = g_strdup (self->reason);
  copy->steps = bridge_text_strings_copy (self->steps);
  return copy;
}

void
bridge_credit_result_free (BridgeCreditResult *self)
{
  if (self == NULL)
    return;
  g_free (self->course_id);
  g_free (self->host_id);
  g_free (self->home_id);
  g_free (self->warning);
  g_free (self->reason);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_free (self);
}

static double
two_decimals (BridgeRational value,
              BridgeRounding rounding)
{
  return bridge_rational_round (value, 2, rounding);
}

/* @value as awarded: a multiple of @step, down or to the nearest with
 * halves up (@value ≥ 0, so floor (value + step / 2) is the nearest). */
static gboolean
award (BridgeRational        value,
       BridgeRational        step,
       BridgeCreditRounding  rounding,
       BridgeRational       *out)
{
  if (rounding == BRIDGE_CREDIT_ROUNDING_NEAREST
      && (!bridge_rational_div (step, bridge_rational_int (2), out)
          || !bridge_rational_add (value, *out, &value)))
    return FALSE;
  return bridge_rational_floor_to (value, step, out);
}

/* Alliance, ECTS and home credits of @workload; fills @self. */
/* A course of the home university itself (@own_credits not NULL: its own
 * credits) counts at home with those credits, never a conversion of itself:
 * its workload under the home policy may give another number (5 credits of
 * 135 h are 4.5 × 30 h), and a student must not see their own course shrink. */
static gboolean
equivalence (BridgeCreditResult   *self,
             const BridgeAlliance *alliance,
             BridgeUniversity     *home,
             BridgeRational        workload,
             const BridgeRational *own_credits,
             GError              **error)
{
  const BridgeCreditPolicy *policy = bridge_university_get_policy (home);
  BridgeRational            alliance_hours, ects_hours, home_hours, step;
  g_autofree char          *home_step = NULL;
  g_autofree char          *w = show (workload);

  if (!number (alliance->hours_per_credit, "hours_per_credit", &alliance_hours, error) ||
      !number (alliance->ects_hours_per_credit > 0 ? alliance->ects_hours_per_credit : 27.5,
               "ects_hours_per_credit", &ects_hours, error) ||
      !number (policy->credit_step > 0 ? policy->credit_step : 0.5, "credit_step", &step, error))
    return FALSE;
  if (bridge_rational_is_zero (alliance_hours) || bridge_rational_is_zero (step))
    {
      g_set_error_literal (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                           _("The alliance's hours per credit and the home credit step must be above 0"));
      return FALSE;
    }
  if (!bridge_credit_hours_per_local_credit (policy, &home_hours, &home_step, error))
    return FALSE;

  if (!bridge_rational_div (workload, alliance_hours, &self->exact.alliance_credits) ||
      !bridge_rational_div (workload, ects_hours, &self->exact.ects_credits))
    return overflow_error (error);
  if (own_credits != NULL)
    {
      self->home_course = TRUE;
      self->exact.home_credits = *own_credits;
      self->exact.home_credits_awarded = *own_credits;
    }
  else if (!bridge_rational_div (workload, home_hours, &self->exact.home_credits) ||
           !award (self->exact.home_credits, step, policy->rounding, &self->exact.home_credits_awarded))
    return overflow_error (error);

  self->exact.credit_step = step;
  self->rounding = policy->rounding;
  self->exact.home_hours_per_credit = home_hours;
  self->alliance_credits = two_decimals (self->exact.alliance_credits, BRIDGE_ROUND_HALF_UP);
  self->ects_credits = two_decimals (self->exact.ects_credits, BRIDGE_ROUND_HALF_UP);
  self->home_credits_exact = two_decimals (self->exact.home_credits, BRIDGE_ROUND_HALF_UP);
  self->home_credits_awarded = bridge_rational_to_double (self->exact.home_credits_awarded);
  self->credit_step = bridge_rational_to_double (step);
  self->home_hours_per_credit = two_decimals (home_hours, BRIDGE_ROUND_HALF_UP);

  {
    g_autofree char *ah = show (alliance_hours);
    g_autofree char *ac = show (self->exact.alliance_credits);
    g_autofree char *eh = show (ects_hours);
    g_autofree char *ec = show (self->exact.ects_credits);
    g_autofree char *hh = show (home_hours);
    gboolean         hc_exact = FALSE;
    g_autofree char *hc = bridge_rational_format (self->exact.home_credits, 2, BRIDGE_ROUND_HALF_UP, &hc_exact);
    g_autofree char *aw = show (self->exact.home_credits_awarded);
    g_autofree char *st = show (step);

    /* Translators: "Alliance credits: 108 h ÷ 25 h = 4.32"; the third %s is "=" or "≈" */
    g_ptr_array_add (self->steps, g_strdup_printf (_("Alliance credits: %s h ÷ %s h %s %s"),
                                                      w, ah, relation (self->exact.alliance_credits), ac));
    /* Translators: "ECTS credits: 108 h ÷ 27.5 h ≈ 3.93" */
    g_ptr_array_add (self->steps, g_strdup_printf (_("ECTS credits: %s h ÷ %s h %s %s"),
                                                      w, eh, relation (self->exact.ects_credits), ec));
    if (self->home_course)
      {
        /* Translators: "A course of your university (Chongqing University): it counts
         * with its own 5 credits, not converted" */
        self->reason = g_strdup_printf (g_dngettext (NULL, "A course of your university (%s): it counts with its own %s credit, not converted",
                                                     "A course of your university (%s): it counts with its own %s credits, not converted",
                                                     bridge_text_plural_count (aw)),
                                        bridge_university_get_label (home), aw);
        g_ptr_array_add (self->steps, g_strdup (self->reason));
        return TRUE;
      }
    /* Translators: "One home credit at Sichuan University: 16 periods × 50 min ÷ 60 × (1 + 1.5) ≈ 33.33 h" */
    g_ptr_array_add (self->steps, g_strdup_printf (_("One home credit at %s: %s"),
                                                      bridge_university_get_label (home), home_step));
    /* Translators: "Home credits: 180 h ÷ 28 h ≈ 6.43"; the third %s is "=" or "≈"
     * (the exact value is rounded to the nearest hundredth) */
    g_ptr_array_add (self->steps, g_strdup_printf (_("Home credits: %s h ÷ %s h %s %s"),
                                                      w, hh, hc_exact ? "=" : "≈", hc));
    if (policy->rounding == BRIDGE_CREDIT_ROUNDING_NEAREST)
      /* Translators: "Awarded: 2 home credits (rounded to the nearest multiple of 0.5, halves up)" */
      g_ptr_array_add (self->steps, g_strdup_printf (g_dngettext (NULL, "Awarded: %s home credit (rounded to the nearest multiple of %s, halves up)",
                                                                  "Awarded: %s home credits (rounded to the nearest multiple of %s, halves up)",
                                                                  bridge_text_plural_count (aw)),
                                                        aw, st));
    else
      /* Translators: "Awarded: 3 home credits (rounded down to a multiple of 0.5)" */
      g_ptr_array_add (self->steps, g_strdup_printf (g_dngettext (NULL, "Awarded: %s home credit (rounded down to a multiple of %s)",
                                                                  "Awarded: %s home credits (rounded down to a multiple of %s)",
                                                                  bridge_text_plural_count (aw)),
                                                        aw, st));
  }
  return TRUE;
}

BridgeCreditResult *
bridge_credit_compute_load (const BridgeAlliance   *alliance,
                            BridgeUniversity       *host,
                            BridgeUniversity       *home,
                            const BridgeCourseLoad *load,
                            GError                **error)
{
  g_autoptr(BridgeCreditResult) self = NULL;
  const BridgeCreditPolicy *host_policy;
  BridgeRational            kind_hours[BRIDGE_N_KINDS];
  BridgeRational            practice = bridge_rational_int (0);
  BridgeRational            workload;
  BridgeRational            own;
  const BridgeRational     *own_credits = NULL;

  g_return_val_if_fail (alliance != NULL, NULL);
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (host), NULL);
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (home), NULL);
  g_return_val_if_fail (load != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  host_policy = bridge_university_get_policy (host);
  self = result_new ();
  self->host_id = g_strdup (bridge_university_get_id (host));
  self->home_id = g_strdup (bridge_university_get_id (home));

  for (guint k = 0; k < BRIDGE_N_KINDS; k++)
    kind_hours[k] = bridge_rational_int (0);

  if (!workload_full (host_policy, load, &workload, &self->workload_source,
                      kind_hours, &practice, self->steps, error))
    return NULL;

  self->exact.workload = workload;
  self->workload_hours = two_decimals (workload, BRIDGE_ROUND_HALF_UP);
  for (guint k = 0; k < BRIDGE_N_KINDS; k++)
    self->kind_hours[k] = two_decimals (kind_hours[k], BRIDGE_ROUND_HALF_UP);
  self->practice_hours = two_decimals (practice, BRIDGE_ROUND_HALF_UP);

  if (load->credits > 0 &&
      g_strcmp0 (bridge_university_get_id (host), bridge_university_get_id (home)) == 0)
    {
      if (!number (load->credits, "credits", &own, error))
        return NULL;
      own_credits = &own;
    }
  if (!equivalence (self, alliance, home, workload, own_credits, error))
    return NULL;

  /* The spec's warning: the host's own credits against its own policy. */
  if (load->credits > 0)
    {
      BridgeRational credits, host_hours, policy_credits;
      g_autoptr(GError) local_error = NULL;

      if (!number (load->credits, "credits", &credits, error))
        return NULL;
      self->exact.local_credits = credits;
      self->local_credits = bridge_rational_to_double (credits);

      if (bridge_credit_hours_per_local_credit (host_policy, &host_hours, NULL, &local_error))
        {
          gboolean disagree;

          if (!local_credits_disagree (workload, credits, host_hours, &policy_credits, &disagree))
            {
              overflow_error (error);
              return NULL;
            }
          self->host_hours_per_credit = two_decimals (host_hours, BRIDGE_ROUND_HALF_UP);
          self->host_policy_credits = two_decimals (policy_credits, BRIDGE_ROUND_HALF_UP);
          if (disagree)
            {
              g_autofree char *c = show (credits);
              g_autofree char *w = show (workload);
              g_autofree char *p = show (policy_credits);

              self->credits_disagree = TRUE;
              /* Translators: "The course gives 2 local credits, but its workload of
               * 108 h is worth 3.38 credits under Chongqing University's own policy
               * (they differ by more than 25 %)"; the form follows the local
               * credits (the policy's credits are seldom exactly 1) */
              self->warning = g_strdup_printf (g_dngettext (NULL, "The course gives %s local credit, but its workload of %s h is worth %s credits under %s’s own policy (they differ by more than 25 %%)",
                                                            "The course gives %s local credits, but its workload of %s h is worth %s credits under %s’s own policy (they differ by more than 25 %%)",
                                                            bridge_text_plural_count (c)),
                                                  c, w, p, bridge_university_get_label (host));
            }
        }
    }

  return g_steal_pointer (&self);
}

BridgeCreditResult *
bridge_credit_compute (const BridgeAlliance *alliance,
                       BridgeUniversity     *host,
                       BridgeUniversity     *home,
                       BridgeCourse         *course,
                       GError              **error)
{
  BridgeCourseLoad    load = { { 0 } };
  BridgeCreditResult *self;

  g_return_val_if_fail (BRIDGE_IS_COURSE (course), NULL);

  if (g_strcmp0 (bridge_course_get_university_id (course), bridge_university_get_id (host)) != 0)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The course %s is not a course of %s"),
                      bridge_course_get_id (course), bridge_university_get_id (host));
      return NULL;
    }

  bridge_course_load_from_course (&load, course);
  self = bridge_credit_compute_load (alliance, host, home, &load, error);
  if (self != NULL)
    self->course_id = g_strdup (bridge_course_get_id (course));
  return self;
}

BridgeCreditResult *
bridge_credit_compute_certificate (const BridgeAlliance *alliance,
                                   BridgeUniversity     *home,
                                   const char           *certificate_id,
                                   double                workload_hours,
                                   GError              **error)
{
  g_autoptr(BridgeCreditResult) self = NULL;
  BridgeRational workload;

  g_return_val_if_fail (alliance != NULL, NULL);
  g_return_val_if_fail (BRIDGE_IS_UNIVERSITY (home), NULL);

  if (!(workload_hours > 0))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The certificate %s declares no workload, so its credits cannot be computed"),
                      certificate_id != NULL ? certificate_id : "");
      return NULL;
    }
  if (!number (workload_hours, "workload_hours", &workload, error))
    return NULL;

  self = result_new ();
  self->course_id = g_strdup (certificate_id);
  self->home_id = g_strdup (bridge_university_get_id (home));
  self->workload_source = BRIDGE_WORKLOAD_DECLARED;
  self->exact.workload = workload;
  self->workload_hours = two_decimals (workload, BRIDGE_ROUND_HALF_UP);
  {
    g_autofree char *h = show (workload);
    g_ptr_array_add (self->steps, g_strdup_printf (_("Workload declared for the certificate: %s h"), h));
  }
  if (!equivalence (self, alliance, home, workload, NULL, error))
    return NULL;
  return g_steal_pointer (&self);
}

static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static void
add_fraction (JsonBuilder    *builder,
              const char     *name,
              BridgeRational  value)
{
  g_autofree char *fraction = bridge_rational_to_fraction_string (value);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, fraction);
}

JsonNode *
bridge_credit_result_to_json (const BridgeCreditResult *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  bridge_json_add_nullable_string (builder, "course", self->course_id);
  bridge_json_add_nullable_string (builder, "host", self->host_id);
  json_builder_set_member_name (builder, "home");
  json_builder_add_string_value (builder, self->home_id);

  add_double (builder, "workload_hours", self->workload_hours);
  json_builder_set_member_name (builder, "workload_source");
  json_builder_add_string_value (builder, bridge_workload_source_to_string (self->workload_source));
  json_builder_set_member_name (builder, "workload_breakdown");
  if (self->workload_source == BRIDGE_WORKLOAD_ESTIMATED)
    {
      json_builder_begin_object (builder);
      for (guint k = 0; k < BRIDGE_N_KINDS; k++)
        add_double (builder, bridge_kind_to_string (k), self->kind_hours[k]);
      add_double (builder, "practice", self->practice_hours);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "local_credits");
  if (self->local_credits > 0)
    json_builder_add_double_value (builder, self->local_credits);
  else
    json_builder_add_null_value (builder);
  if (self->host_hours_per_credit > 0)
    {
      add_double (builder, "hours_per_host_credit", self->host_hours_per_credit);
      add_double (builder, "host_policy_credits", self->host_policy_credits);
    }
  add_double (builder, "alliance_credits", self->alliance_credits);
  add_double (builder, "ects_credits", self->ects_credits);
  add_double (builder, "hours_per_home_credit", self->home_hours_per_credit);
  add_double (builder, "home_credits_exact", self->home_credits_exact);
  add_fraction (builder, "home_credits_fraction", self->exact.home_credits);
  add_double (builder, "home_credits_awarded", self->home_credits_awarded);
  add_double (builder, "credit_step", self->credit_step);
  json_builder_set_member_name (builder, "rounding");
  json_builder_add_string_value (builder, bridge_credit_rounding_to_string (self->rounding));
  bridge_json_add_nullable_string (builder, "warning", self->warning);
  json_builder_set_member_name (builder, "home_course");
  json_builder_add_boolean_value (builder, self->home_course);
  bridge_json_add_nullable_string (builder, "reason", self->reason);

  bridge_json_add_string_array (builder, "steps", self->steps);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
bridge_credit_format_exact (BridgeRational  value,
                            gboolean       *exact)
{
  gboolean shown_exactly = FALSE;
  g_autofree char *shown = bridge_rational_format_short (value, 2, BRIDGE_ROUND_HALF_UP, &shown_exactly);
  g_autofree char *fraction = NULL;

  if (exact != NULL)
    *exact = shown_exactly;
  if (shown_exactly)
    return g_steal_pointer (&shown);
  fraction = bridge_rational_to_fraction_string (value);
  /* Translators: home credits that two decimals do not show exactly:
   * "≈ 6.43 (exactly 45/7)" */
  return g_strdup_printf (_("≈ %s (exactly %s)"), shown, fraction);
}

void
bridge_credit_sum_free (BridgeCreditSum *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

BridgeCreditSum *
bridge_credit_sum (BridgeCreditResult *const *results,
                   guint                      n,
                   GError                   **error)
{
  g_autoptr(BridgeCreditSum) self = g_new0 (BridgeCreditSum, 1);
  BridgeRational zero = bridge_rational_int (0);
  BridgeRational step = bridge_rational_int (1);
  BridgeCreditRounding rounding = BRIDGE_CREDIT_ROUNDING_DOWN;

  g_return_val_if_fail (n == 0 || results != NULL, NULL);

  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->exact.workload = zero;
  self->exact.local_credits = zero;
  self->exact.alliance_credits = zero;
  self->exact.ects_credits = zero;
  self->exact.home_credits = zero;
  self->exact.home_credits_awarded = zero;
  self->exact.home_credits_group = zero;

  for (guint i = 0; i < n; i++)
    {
      const BridgeCreditResult *r = results[i];

      if (g_strcmp0 (r->home_id, results[0]->home_id) != 0)
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       _("Credits seen from %s and from %s cannot be added up"),
                          results[0]->home_id, r->home_id);
          return NULL;
        }
      step = r->exact.credit_step;
      rounding = r->rounding;
      if (!bridge_rational_add (self->exact.workload, r->exact.workload, &self->exact.workload) ||
          !bridge_rational_add (self->exact.local_credits, r->exact.local_credits, &self->exact.local_credits) ||
          !bridge_rational_add (self->exact.alliance_credits, r->exact.alliance_credits, &self->exact.alliance_credits) ||
          !bridge_rational_add (self->exact.ects_credits, r->exact.ects_credits, &self->exact.ects_credits) ||
          !bridge_rational_add (self->exact.home_credits, r->exact.home_credits, &self->exact.home_credits) ||
          !bridge_rational_add (self->exact.home_credits_awarded, r->exact.home_credits_awarded,
                                &self->exact.home_credits_awarded))
        {
          overflow_error (error);
          return NULL;
        }
      if (r->warning != NULL)
        g_ptr_array_add (self->warnings, g_strdup (r->warning));
    }

  if (n > 0 && !award (self->exact.home_credits, step, rounding, &self->exact.home_credits_group))
    {
      overflow_error (error);
      return NULL;
    }

  self->n_courses = n;
  self->workload_hours = two_decimals (self->exact.workload, BRIDGE_ROUND_HALF_UP);
  self->local_credits = two_decimals (self->exact.local_credits, BRIDGE_ROUND_HALF_UP);
  self->alliance_credits = two_decimals (self->exact.alliance_credits, BRIDGE_ROUND_HALF_UP);
  self->ects_credits = two_decimals (self->exact.ects_credits, BRIDGE_ROUND_HALF_UP);
  self->home_credits_exact = two_decimals (self->exact.home_credits, BRIDGE_ROUND_HALF_UP);
  self->home_credits_awarded = bridge_rational_to_double (self->exact.home_credits_awarded);
  self->home_credits_group = bridge_rational_to_double (self->exact.home_credits_group);

  return g_steal_pointer (&self);
}

JsonNode *
bridge_credit_sum_to_json (const BridgeCreditSum *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "courses");
  json_builder_add_int_value (builder, self->n_courses);
  add_double (builder, "workload_hours", self->workload_hours);
  add_double (builder, "local_credits", self->local_credits);
  add_double (builder, "alliance_credits", self->alliance_credits);
  add_double (builder, "ects_credits", self->ects_credits);
  add_double (builder, "home_credits_exact", self->home_credits_exact);
  add_fraction (builder, "home_credits_fraction", self->exact.home_credits);
  add_double (builder, "home_credits_awarded", self->home_credits_awarded);
  add_double (builder, "home_credits_group", self->home_credits_group);
  bridge_json_add_string_array (builder, "warnings", self->warnings);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
