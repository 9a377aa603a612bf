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

/* Home credits exact are rounded down: 2/3 credit shows 0.66, never 0.67.
 * Step 1: 1.9999 is awarded 1. */
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
  g_assert_cmpfloat (r->home_credits_exact, ==, 0.66);
  g_assert_cmpfloat (r->home_credits_awarded, ==, 0);
  g_assert_true (has_step (r, "Home credits: 24 h ÷ 36 h ≈ 0.66"));

  r2 = bridge_credit_compute_load (&alliance, host, home, &load2, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (r2->home_credits_exact, ==, 1.99);
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

  other = bridge_credit_compute_load (&alliance, host, home, &load, &error);
  g_assert_no_error (error);
  g_assert_false (other->home_course);
  g_assert_null (other->reason);
  g_assert_cmpfloat (other->home_credits_awarded, ==, 4.5);
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

  return g_test_run ();
}
