/* test-credit.c: workload and credit equivalence, hand-computed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bridge-credit.h"
#include "bridge-error.h"

static BridgeAlliance alliance = { (char *) "cy-alliance", NULL, 27, 27.5 };

/* The host of the spec's worked example: 45-minute periods, 16 lecture
 * periods a credit, self-study ratios lecture 2, lab 0.5, seminar 1.5,
 * 40 h practice weeks, 2 weeks a practice credit. One credit is
 * 16 × 45 / 60 × (1 + 2) = 36 h. */
static BridgeUniversity *
make_host (void)
{
  BridgeUniversity  *u = bridge_university_new ("host");
  BridgeCreditPolicy p = {
    .period_minutes = 45,
    .periods_per_credit = { 16, 32, 16 },
    .self_study_ratio = { 2, 0.5, 1.5 },
    .practice_week_hours = 40,
    .weeks_per_practice_credit = 2,
    .credit_step = 0.5,
  };
  bridge_university_set_policy (u, &p);
  return u;
}

/* The home of the spec's example: 16 periods of 50 minutes, ratio 1.5:
 * 16 × 50 / 60 × 2.5 = 100/3 ≈ 33.33 h a credit, step 0.5. */
static BridgeUniversity *
make_home (const char *id,
           double      periods,
           double      minutes,
           double      ratio,
           double      step)
{
  BridgeUniversity  *u = bridge_university_new (id);
  BridgeCreditPolicy p = {
    .period_minutes = minutes,
    .periods_per_credit = { periods, 32, 16 },
    .self_study_ratio = { ratio, 0.5, 1 },
    .practice_week_hours = 40,
    .weeks_per_practice_credit = 1,
    .credit_step = step,
  };
  bridge_university_set_policy (u, &p);
  return u;
}

static gboolean
has_step (const BridgeCreditResult *r,
          const char               *line)
{
  for (guint i = 0; i < r->steps->len; i++)
    if (g_str_equal (g_ptr_array_index (r->steps, i), line))
      return TRUE;
  g_test_message ("missing step: %s", line);
  for (guint i = 0; i < r->steps->len; i++)
    g_test_message ("  have: %s", (char *) g_ptr_array_index (r->steps, i));
  return FALSE;
}

/* catalog-feed.md: 48 lecture periods × 45 min ÷ 60 × (1 + 2) = 108 h;
 * 108 ÷ (100/3) = 3.24 home credits, awarded 3.0 with a step of 0.5. */
static void
test_spec_example (void)
{
  g_autoptr(BridgeUniversity) host = make_host ();
  g_autoptr(BridgeUniversity) home = make_home ("home", 16, 50, 1.5, 0.5);
  BridgeCourseLoad load = { .periods = { 48, 0, 0 }, .credits = 3 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCreditResult) r = bridge_credit_compute_load (&alliance, host, home, &load, &error);

  g_assert_no_error (error);
  g_assert_cmpint (r->workload_source, ==, BRIDGE_WORKLOAD_ESTIMATED);
  g_assert_cmpfloat (r->workload_hours, ==, 108);
  g_assert_cmpfloat (r->kind_hours[BRIDGE_KIND_LECTURE], ==, 108);
  g_assert_cmpfloat (r->home_credits_exact, ==, 3.24);
  g_assert_cmpfloat (r->home_credits_awarded, ==, 3.0);
  /* 108 ÷ 27 = 4 alliance credits; 108 ÷ 27.5 = 3.9272… → 3.93 ECTS */
  g_assert_cmpfloat (r->alliance_credits, ==, 4);
  g_assert_cmpfloat (r->ects_credits, ==, 3.93);
  g_assert_cmpfloat (r->home_hours_per_credit, ==, 33.33);
  /* 3 local credits against 108 ÷ 36 = 3 by the host's policy: no warning */
  g_assert_cmpfloat (r->host_policy_credits, ==, 3);
  g_assert_false (r->credits_disagree);
  g_assert_null (r->warning);

  g_assert_true (has_step (r, "48 lecture periods × 45 min ÷ 60 × (1 + 2) = 108 h"));
  g_assert_true (has_step (r, "Alliance credits: 108 h ÷ 27 h = 4"));
  g_assert_true (has_step (r, "ECTS credits: 108 h ÷ 27.5 h ≈ 3.93"));
  g_assert_true (has_step (r, "One home credit at home: 16 periods × 50 min ÷ 60 × (1 + 1.5) ≈ 33.33 h"));
  g_assert_true (has_step (r, "Home credits: 108 h ÷ 33.33 h = 3.24"));
  g_assert_true (has_step (r, "Awarded: 3 home credits (rounded down to a multiple of 0.5)"));
}

/* The awarded step says "1 home credit", and "1.5" or "0 home credits". */
static void
test_awarded_plural (void)
{
  g_autoptr(BridgeUniversity) host = make_host ();
  g_autoptr(BridgeUniversity) home = make_home ("home", 16, 50, 1.5, 0.5);
  /* 100/3 h a home credit: 40 h is 1.2, 55 h 1.65, 10 h 0.3 */
  const struct { double hours; const char *step; } cases[] = {
    { 40, "Awarded: 1 home credit (rounded down to a multiple of 0.5)" },
    { 55, "Awarded: 1.5 home credits (rounded down to a multiple of 0.5)" },
    { 10, "Awarded: 0 home credits (rounded down to a multiple of 0.5)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BridgeCourseLoad load = { .workload_hours = cases[i].hours, .credits = 1 };
      g_autoptr(GError) error = NULL;
      g_autoptr(BridgeCreditResult) r = bridge_credit_compute_load (&alliance, host, home, &load, &error);

      g_assert_no_error (error);
      g_assert_true (has_step (r, cases[i].step));
    }
}

/* A workload worth exactly 3 home credits awards 3, where floating point
 * gives 2.9999999999999996 and rounding down would award 2.5. */
static void
test_exactly_three (void)
{
  g_autoptr(BridgeUniversity) host = make_host ();
  /* 18 × 40 / 60 × (1 + 0.3) = 15.6 h a credit; 46.8 h ÷ 15.6 h = 3 */
  g_autoptr(BridgeUniversity) home1 = make_home ("home1", 18, 40, 0.3, 0.5);
  /* 17 × 40 / 60 × (1 + 1.5) = 85/3 h a credit; 85 h ÷ 85/3 h = 3 */
  g_autoptr(BridgeUniversity) home2 = make_home ("home2", 17, 40, 1.5, 0.5);
  BridgeCourseLoad load1 = { .workload_hours = 46.8, .credits = 1.5 };
  BridgeCourseLoad load2 = { .workload_hours = 85, .credits = 2.5 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCreditResult) r1 = NULL;
  g_autoptr(BridgeCreditResult) r2 = NULL;

  /* the trap this guards against */
  g_assert_cmpfloat (46.8 / (18 * 40 / 60.0 * (1 + 0.3)), <, 3);

  r1 = bridge_credit_compute_load (&alliance, host, home1, &load1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (r1->workload_source, ==, BRIDGE_WORKLOAD_DECLARED);
  g_assert_cmpfloat (r1->home_credits_exact, ==, 3);
  g_assert_cmpfloat (r1->home_credits_awarded, ==, 3);
  g_assert_true (has_step (r1, "Workload declared by the host university: 46.8 h"));
  g_assert_true (has_step (r1, "Home credits: 46.8 h ÷ 15.6 h = 3.00"));

  r2 = bridge_credit_compute_load (&alliance, host, home2, &load2, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (r2->home_credits_exact, ==, 3);
  g_assert_cmpfloat (r2->home_credits_awarded, ==, 3);
}

/* 48 lecture + 16 lab periods and 2 practice weeks at the host:
 * 108 + 16 × 45/60 × 1.5 = 18 + 2 × 40 = 80 → 206 h;
 * at home (100/3 h a credit) 206 × 3/100 = 6.18, awarded 6;
 * 206 ÷ 27 = 7.6296… → 7.63; 206 ÷ 27.5 = 7.4909… → 7.49. */
static void
test_estimated_breakdown (void)
{
  g_autoptr(BridgeUniversity) host = make_host ();
  g_autoptr(BridgeUniversity) home = make_home ("home", 16, 50, 1.5, 0.5);
  BridgeCourseLoad load = { .periods = { 48, 16, 0 }, .practice_weeks = 2, .credits = 5 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCreditResult) r = bridge_credit_compute_load (&alliance, host, home, &load, &error);
  g_autoptr(JsonNode) json = NULL;
  JsonObject *o;

  g_assert_no_error (error);
  g_assert_cmpfloat (r->workload_hours, ==, 206);
  g_assert_cmpfloat (r->kind_hours[BRIDGE_KIND_LAB], ==, 18);
  g_assert_cmpfloat (r->practice_hours, ==, 80);
  g_assert_cmpfloat (r->home_credits_exact, ==, 6.18);
  g_assert_cmpfloat (r->home_credits_awarded, ==, 6);
  g_assert_cmpfloat (r->alliance_credits, ==, 7.63);
  g_assert_cmpfloat (r->ects_credits, ==, 7.49);
  g_assert_true (has_step (r, "16 lab periods × 45 min ÷ 60 × (1 + 0.5) = 18 h"));
  g_assert_true (has_step (r, "2 practice weeks × 40 h = 80 h"));
  g_assert_true (has_step (r, "Workload: 108 + 18 + 80 = 206 h"));

  json = bridge_credit_result_to_json (r);
  o = json_node_get_object (json);
  g_assert_cmpfloat (json_object_get_double_member (o, "workload_hours"), ==, 206);
  g_assert_cmpstr (json_object_get_string_member (o, "workload_source"), ==, "estimated");
  g_assert_cmpfloat (json_object_get_double_member (o, "local_credits"), ==, 5);
  g_assert_cmpfloat (json_object_get_double_member (o, "alliance_credits"), ==, 7.63);
  g_assert_cmpfloat (json_object_get_double_member (o, "ects_credits"), ==, 7.49);
  g_assert_cmpfloat (json_object_get_double_member (o, "home_credits_exact"), ==, 6.18);
  g_assert_cmpfloat (json_object_get_double_member (o, "home_credits_awarded"), ==, 6);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "steps")), ==, r->steps->len);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (o, "workload_breakdown"), "lab"), ==, 18);
}

/* Home credits exact are rounded to the nearest hundredth, never truncated:
 * 2/3 credit shows 0.67, not 0.66; 1.9997… shows 2.00 and is still awarded 1
 * with a step of 1, rounding down. */
static void
test_rounding_down (void)
{
  g_autoptr(BridgeUniversity) host = make_host ();
  g_autoptr(BridgeUniversity) home = make_home ("home", 16, 45, 2, 1); /* 36 h a credit */
  BridgeCourseLoad load = { .workload_hours = 24 };                     /* 2/3 credit */
  BridgeCourseLoad load2 = { .workload_hours = 71.99 };                 /* 1.99972… */
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCreditResult) r = bridge_credit_compute_load (&alliance, host, home, &load, &error);
  g_autoptr(BridgeCreditResult) r2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpfloat (r->home_credits_exact, ==, 0.67);
  g_assert_cmpfloat (r->home_credits_awarded, ==, 0);
  g_assert_true (has_step (r, "Home credits: 24 h ÷ 36 h ≈ 0.67"));

  r2 = bridge_credit_compute_load (&alliance, host, home, &load2, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (r2->home_credits_exact, ==, 2);
  g_assert_true (has_step (r2, "Home credits: 71.99 h ÷ 36 h ≈ 2.00"));
  g_assert_cmpfloat (r2->home_credits_awarded, ==, 1);
}

/* The spec's warning: local credits and the host's own policy (36 h a
 * credit, so 108 h is 3 credits) differ by more than 25 %. */
static void
test_disagreement_warning (void)
{
  g_autoptr(BridgeUniversity) host = make_host ();
  g_autoptr(BridgeUniversity) home = make_home ("home", 16, 50, 1.5, 0.5);
  struct
  {
    double   credits;
    gboolean warn;
  } cases[] = {
    { 3, FALSE },
    { 2.25, FALSE }, /* |2.25 − 3| = 0.75 = 25 % exactly: not more */
    { 3.75, FALSE }, /* 25 % above: not more */
    { 2.24, TRUE },
    { 3.76, TRUE },
    { 2, TRUE }, /* 33 % below */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BridgeCourseLoad load = { .periods = { 48, 0, 0 }, .credits = cases[i].credits };
      g_autoptr(GError) error = NULL;
      g_autoptr(BridgeCreditResult) r = bridge_credit_compute_load (&alliance, host, home, &load, &error);

      g_assert_no_error (error);
      g_assert_cmpint (r->credits_disagree, ==, cases[i].warn);
      g_assert_true ((r->warning != NULL) == cases[i].warn);
    }

  {
    BridgeCourseLoad load = { .periods = { 48, 0, 0 }, .credits = 2 };
    g_autoptr(BridgeCreditResult) r = bridge_credit_compute_load (&alliance, host, home, &load, NULL);
    g_assert_cmpstr (r->warning, ==,
                     "The course gives 2 local credits, but its workload of 108 h is worth 3 credits under host’s own policy (they differ by more than 25 %)");
  }
  {
    BridgeCourseLoad load = { .periods = { 48, 0, 0 }, .credits = 1 };
    g_autoptr(BridgeCreditResult) r = bridge_credit_compute_load (&alliance, host, home, &load, NULL);
    g_assert_cmpstr (r->warning, ==,
                     "The course gives 1 local credit, but its workload of 108 h is worth 3 credits under host’s own policy (they differ by more than 25 %)");
  }
}

/* Sums over a group: 108 h (3.24 → 3) and 45 h (1.35 → 1):
 * 153 h, exact 4.59, awarded 3 + 1 = 4, the group as a whole 4.5. */
static void
test_sum (void)
{
  g_autoptr(BridgeUniversity) host = make_host ();
  g_autoptr(BridgeUniversity) home = make_home ("home", 16, 50, 1.5, 0.5);
  g_autoptr(BridgeUniversity) other = make_home ("other", 16, 45, 2, 0.5);
  BridgeCourseLoad a = { .periods = { 48, 0, 0 }, .credits = 3 };
  BridgeCourseLoad b = { .workload_hours = 45, .credits = 0.5 };
  g_autoptr(BridgeCreditResult) ra = bridge_credit_compute_load (&alliance, host, home, &a, NULL);
  g_autoptr(BridgeCreditResult) rb = bridge_credit_compute_load (&alliance, host, home, &b, NULL);
  g_autoptr(BridgeCreditResult) rc = bridge_credit_compute_load (&alliance, host, other, &b, NULL);
  BridgeCreditResult *group[] = { ra, rb };
  BridgeCreditResult *mixed[] = { ra, rc };
  g_autoptr(BridgeCreditSum) sum = NULL;
  g_autoptr(BridgeCreditSum) empty = NULL;
  g_autoptr(BridgeCreditSum) bad = NULL;
  g_autoptr(GError) error = NULL;

  sum = bridge_credit_sum (group, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sum->n_courses, ==, 2);
  g_assert_cmpfloat (sum->workload_hours, ==, 153);
  g_assert_cmpfloat (sum->local_credits, ==, 3.5);
  g_assert_cmpfloat (sum->home_credits_exact, ==, 4.59);
  g_assert_cmpfloat (sum->home_credits_awarded, ==, 4);
  g_assert_cmpfloat (sum->home_credits_group, ==, 4.5);
  /* 45 h is 1.25 credits at the host, the course gives 0.5: warned */
  g_assert_cmpuint (sum->warnings->len, ==, 1);

  empty = bridge_credit_sum (NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (empty->workload_hours, ==, 0);
  g_assert_cmpfloat (empty->home_credits_group, ==, 0);

  bad = bridge_credit_sum (mixed, 2, &error);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_null (bad);
}

static void
test_errors (void)
{
  g_autoptr(BridgeUniversity) host = make_host ();
  g_autoptr(BridgeUniversity) home = make_home ("home", 0, 50, 1.5, 0.5); /* no lecture periods */
  g_autoptr(BridgeUniversity) good = make_home ("good", 16, 50, 1.5, 0.5);
  BridgeCourseLoad load = { .periods = { 48, 0, 0 }, .credits = 3 };
  BridgeCourseLoad nothing = { .credits = 3 };
  g_autoptr(GError) error = NULL;
  BridgeCreditResult *r;

  r = bridge_credit_compute_load (&alliance, host, home, &load, &error);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_null (r);
  g_clear_error (&error);

  r = bridge_credit_compute_load (&alliance, host, good, &nothing, &error);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "no workload"));
  g_assert_null (r);
}

static void
test_certificate (void)
{
  g_autoptr(BridgeUniversity) home = make_home ("home", 16, 50, 1.5, 0.5);
  g_autoptr(GError) error = NULL;
  /* 60 h ÷ 100/3 = 1.8 → awarded 1.5 */
  g_autoptr(BridgeCreditResult) r = bridge_credit_compute_certificate (&alliance, home, "cert", 60, &error);
  BridgeCreditResult *none;

  g_assert_no_error (error);
  g_assert_cmpfloat (r->home_credits_exact, ==, 1.8);
  g_assert_cmpfloat (r->home_credits_awarded, ==, 1.5);

  none = bridge_credit_compute_certificate (&alliance, home, "cert", 0, &error);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_null (none);
}

/* A course of the home university itself counts with its own credits: 5
 * credits of 150 h at a home of 100/3 h a credit are 5 at home, not the 4.5
 * its workload would convert to; a course of another university with the
 * same load is converted. */
static void
test_home_course (void)
{
  g_autoptr(BridgeUniversity) home = make_home ("home", 16, 50, 1.5, 0.5);
  g_autoptr(BridgeUniversity) host = make_host ();
  BridgeCourseLoad load = { .workload_hours = 150, .credits = 5 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCreditResult) own = bridge_credit_compute_load (&alliance, home, home, &load, &error);
  g_autoptr(BridgeCreditResult) other = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  g_assert_no_error (error);
  g_assert_true (own->home_course);
  g_assert_cmpfloat (own->home_credits_exact, ==, 5);
  g_assert_cmpfloat (own->home_credits_awarded, ==, 5);
  g_assert_cmpfloat (own->local_credits, ==, 5);
  /* the alliance's and ECTS figures still follow the workload */
  g_assert_cmpfloat (own->alliance_credits, ==, 5.56);
  g_assert_cmpstr (own->reason, ==,
                   "A course of your university (home): it counts with its own 5 credits, not converted");
  g_assert_true (has_step (own, own->reason));
  for (guint i = 0; i < own->steps->len; i++)
    g_assert_false (g_str_has_prefix (g_ptr_array_index (own->steps, i), "Home credits:"));

  node = bridge_credit_result_to_json (own);
  object = json_node_get_object (node);
  g_assert_true (json_object_get_boolean_member (object, "home_course"));
  g_assert_cmpfloat (json_object_get_double_member (object, "home_credits_awarded"), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (object, "reason"), ==, own->reason);
  g_assert_cmpstr (json_object_get_string_member (object, "home_credits_fraction"), ==, "5");

  other = bridge_credit_compute_load (&alliance, host, home, &load, &error);
  g_assert_no_error (error);
  g_assert_false (other->home_course);
  g_assert_null (other->reason);
  g_assert_cmpfloat (other->home_credits_awarded, ==, 4.5);
}

static BridgeUniversity *
make_home_rounding (const char           *id,
                    double                periods,
                    double                minutes,
                    double                ratio,
                    double                step,
                    BridgeCreditRounding  rounding)
{
  BridgeUniversity  *u = make_home (id, periods, minutes, ratio, step);
  BridgeCreditPolicy p = *bridge_university_get_policy (u);

  p.rounding = rounding;
  bridge_university_set_policy (u, &p);
  return u;
}

/* catalog-feed.md: 1.77 home credits are awarded as 1.5 rounding down and
 * as 2.0 rounding to the nearest (step 0.5); a half goes up (1.75 → 2),
 * below a half down (1.74 → 1.5). The home's rule, never the host's. */
static void
test_rounding_nearest (void)
{
  g_autoptr(BridgeUniversity) host = make_home_rounding ("host", 16, 45, 2, 0.5, BRIDGE_CREDIT_ROUNDING_NEAREST);
  /* 16 × 45 / 60 × (1 + 2) = 36 h a home credit */
  g_autoptr(BridgeUniversity) down = make_home ("down", 16, 45, 2, 0.5);
  g_autoptr(BridgeUniversity) nearest = make_home_rounding ("nearest", 16, 45, 2, 0.5, BRIDGE_CREDIT_ROUNDING_NEAREST);
  const struct
  {
    double hours;
    double exact;
    double down;
    double nearest;
  } cases[] = {
    { 63.72, 1.77, 1.5, 2.0 },    /* the spec's example */
    { 63, 1.75, 1.5, 2.0 },       /* a half: up */
    { 62.64, 1.74, 1.5, 1.5 },
    { 54, 1.5, 1.5, 1.5 },        /* a multiple stays */
    { 8, 0.22, 0, 0 },
    { 9, 0.25, 0, 0.5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BridgeCourseLoad load = { .workload_hours = cases[i].hours, .credits = 2 };
      g_autoptr(GError) error = NULL;
      g_autoptr(BridgeCreditResult) rd = bridge_credit_compute_load (&alliance, host, down, &load, &error);
      g_autoptr(BridgeCreditResult) rn = bridge_credit_compute_load (&alliance, host, nearest, &load, &error);
      g_autoptr(JsonNode) json = NULL;

      g_assert_no_error (error);
      g_test_message ("%g h", cases[i].hours);
      g_assert_cmpfloat (rd->home_credits_exact, ==, cases[i].exact);
      g_assert_cmpfloat (rn->home_credits_exact, ==, cases[i].exact);
      g_assert_cmpfloat (rd->home_credits_awarded, ==, cases[i].down);
      g_assert_cmpfloat (rn->home_credits_awarded, ==, cases[i].nearest);
      g_assert_cmpint (rd->rounding, ==, BRIDGE_CREDIT_ROUNDING_DOWN);
      g_assert_cmpint (rn->rounding, ==, BRIDGE_CREDIT_ROUNDING_NEAREST);
      json = bridge_credit_result_to_json (rn);
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "rounding"), ==, "nearest");
      g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (json), "home_credits_awarded"), ==,
                         cases[i].nearest);
    }

  {
    BridgeCourseLoad load = { .workload_hours = 63.72, .credits = 2 };
    g_autoptr(BridgeCreditResult) rd = bridge_credit_compute_load (&alliance, host, down, &load, NULL);
    g_autoptr(BridgeCreditResult) rn = bridge_credit_compute_load (&alliance, host, nearest, &load, NULL);

    g_assert_true (has_step (rd, "Awarded: 1.5 home credits (rounded down to a multiple of 0.5)"));
    g_assert_true (has_step (rn, "Home credits: 63.72 h ÷ 36 h = 1.77"));
    g_assert_true (has_step (rn, "Awarded: 2 home credits (rounded to the nearest multiple of 0.5, halves up)"));
  }
  {
    BridgeCourseLoad load = { .workload_hours = 36, .credits = 1 };
    g_autoptr(BridgeCreditResult) rn = bridge_credit_compute_load (&alliance, host, nearest, &load, NULL);

    g_assert_true (has_step (rn, "Awarded: 1 home credit (rounded to the nearest multiple of 0.5, halves up)"));
  }
}

/* catalog-feed.md: 180 h ÷ 28 h = 6.428… is shown as 6.43 (never 6.42),
 * "≈" in the steps, and as the exact fraction 45/7 in JSON. */
static void
test_nearest_hundredth (void)
{
  g_autoptr(BridgeUniversity) host = make_host ();
  /* 14 × 60 / 60 × (1 + 1) = 28 h a home credit */
  g_autoptr(BridgeUniversity) home = make_home ("home", 14, 60, 1, 0.5);
  g_autoptr(BridgeUniversity) nearest = make_home_rounding ("nearest", 14, 60, 1, 0.5, BRIDGE_CREDIT_ROUNDING_NEAREST);
  BridgeCourseLoad load = { .workload_hours = 180, .credits = 5 };
  BridgeCourseLoad three = { .workload_hours = 84, .credits = 2 };
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCreditResult) r = bridge_credit_compute_load (&alliance, host, home, &load, &error);
  g_autoptr(BridgeCreditResult) rn = NULL;
  g_autoptr(BridgeCreditResult) r3 = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) json3 = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown3 = NULL;
  gboolean exact = TRUE;
  JsonObject *o;

  g_assert_no_error (error);
  g_assert_cmpfloat (r->home_credits_exact, ==, 6.43);
  g_assert_cmpfloat (r->home_credits_awarded, ==, 6);
  g_assert_true (has_step (r, "Home credits: 180 h ÷ 28 h ≈ 6.43"));
  json = bridge_credit_result_to_json (r);
  o = json_node_get_object (json);
  g_assert_cmpfloat (json_object_get_double_member (o, "home_credits_exact"), ==, 6.43);
  g_assert_cmpstr (json_object_get_string_member (o, "home_credits_fraction"), ==, "45/7");
  g_assert_cmpfloat (json_object_get_double_member (o, "home_credits_awarded"), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (o, "rounding"), ==, "down");
  shown = bridge_credit_format_exact (r->exact.home_credits, &exact);
  g_assert_cmpstr (shown, ==, "≈ 6.43 (exactly 45/7)");
  g_assert_false (exact);

  rn = bridge_credit_compute_load (&alliance, host, nearest, &load, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (rn->home_credits_awarded, ==, 6.5);

  /* 84 h ÷ 28 h = 3: "=", the fraction "3", shown "3" */
  r3 = bridge_credit_compute_load (&alliance, host, home, &three, &error);
  g_assert_no_error (error);
  g_assert_true (has_step (r3, "Home credits: 84 h ÷ 28 h = 3.00"));
  json3 = bridge_credit_result_to_json (r3);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json3), "home_credits_fraction"), ==, "3");
  shown3 = bridge_credit_format_exact (r3->exact.home_credits, &exact);
  g_assert_cmpstr (shown3, ==, "3");
  g_assert_true (exact);
}

/* A group's total is rounded once by the home's rule: 63.72 h (1.77) and
 * 18 h (0.5) are 2.27 home credits, 2 as a group rounding down and 2.5
 * rounding to the nearest; the sum's JSON carries the exact 227/100. */
static void
test_sum_rounding (void)
{
  g_autoptr(BridgeUniversity) host = make_host ();
  g_autoptr(BridgeUniversity) down = make_home ("down", 16, 45, 2, 0.5);
  g_autoptr(BridgeUniversity) nearest = make_home_rounding ("nearest", 16, 45, 2, 0.5, BRIDGE_CREDIT_ROUNDING_NEAREST);
  BridgeCourseLoad a = { .workload_hours = 63.72, .credits = 2 };
  BridgeCourseLoad b = { .workload_hours = 18, .credits = 0.5 };
  g_autoptr(BridgeCreditResult) da = bridge_credit_compute_load (&alliance, host, down, &a, NULL);
  g_autoptr(BridgeCreditResult) db = bridge_credit_compute_load (&alliance, host, down, &b, NULL);
  g_autoptr(BridgeCreditResult) na = bridge_credit_compute_load (&alliance, host, nearest, &a, NULL);
  g_autoptr(BridgeCreditResult) nb = bridge_credit_compute_load (&alliance, host, nearest, &b, NULL);
  BridgeCreditResult *group_down[] = { da, db };
  BridgeCreditResult *group_nearest[] = { na, nb };
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCreditSum) sd = bridge_credit_sum (group_down, 2, &error);
  g_autoptr(BridgeCreditSum) sn = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *o;

  g_assert_no_error (error);
  sn = bridge_credit_sum (group_nearest, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (sd->home_credits_exact, ==, 2.27);
  g_assert_cmpfloat (sd->home_credits_awarded, ==, 2);     /* 1.5 + 0.5 */
  g_assert_cmpfloat (sd->home_credits_group, ==, 2);
  g_assert_cmpfloat (sn->home_credits_awarded, ==, 2.5);   /* 2 + 0.5 */
  g_assert_cmpfloat (sn->home_credits_group, ==, 2.5);

  json = bridge_credit_sum_to_json (sn);
  o = json_node_get_object (json);
  g_assert_cmpfloat (json_object_get_double_member (o, "home_credits_exact"), ==, 2.27);
  g_assert_cmpstr (json_object_get_string_member (o, "home_credits_fraction"), ==, "227/100");
  g_assert_cmpfloat (json_object_get_double_member (o, "home_credits_group"), ==, 2.5);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/credit/spec-example", test_spec_example);
  g_test_add_func ("/credit/exactly-three", test_exactly_three);
  g_test_add_func ("/credit/awarded-plural", test_awarded_plural);
  g_test_add_func ("/credit/estimated-breakdown", test_estimated_breakdown);
  g_test_add_func ("/credit/rounding-down", test_rounding_down);
  g_test_add_func ("/credit/disagreement-warning", test_disagreement_warning);
  g_test_add_func ("/credit/sum", test_sum);
  g_test_add_func ("/credit/errors", test_errors);
  g_test_add_func ("/credit/certificate", test_certificate);
  g_test_add_func ("/credit/home-course", test_home_course);
  g_test_add_func ("/credit/rounding-nearest", test_rounding_nearest);
  g_test_add_func ("/credit/nearest-hundredth", test_nearest_hundredth);
  g_test_add_func ("/credit/sum-rounding", test_sum_rounding);

  return g_test_run ();
}
