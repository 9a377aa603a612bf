/* test-report.c: the recognition and workload report (issue 19)
 *
 * Seven plans over tests/plan/feed.json, made here through the plan's API
 * and saved as files, whose figures were worked out by hand (the arithmetic
 * is in tests/plan/report/README.md). The catalog estimates the workloads
 * from the class periods: CS301 126 h (home-credit equivalent at SCU 3.5),
 * CS302 108 h (3), MA101 108 h (3), CS201 144 h (4), SCU's CS306 144 h.
 *
 *   P1  2026-09-01–2027-01-20  {CS301, CS302} → {CS305 3, CS306 4}, {MA101} → {MA120 3}
 *       grades 85, 90, 80 (MA101's conversion is approximate: no grading
 *       table for field 0541); feedback CS301 170 h ★4, CS302 70 h ★5, MA101 100 h ★2
 *   P2  2026-08-25–2027-01-15  {CS301} → {CS305}, {CS302} → {CS306}; grade CS301 70 only;
 *       feedback CS301 160 h ★3, CS302 75 h ★4
 *   P3  2027-02-20–2027-07-05  {CS301} → {CS305}, {MA101} → {MA120}; grades 60, 75;
 *       feedback CS301 150 h ★5, MA101 110 h ★3
 *   P4  no dates, no term      {CS201} (free elective credits); feedback 144 h ★4
 *   P5  term 2026-autumn       {CS302} → {CS306}; grade 40, a failing grade; feedback 80 h ★2
 *   P6  term 2026-autumn       {MA101} → {MA120}; no grade; feedback 114 h ★4
 *   P7  host SCU, home CQU     {SCU CS306} → {CQU CS302 3}; nothing after the stay
 *
 * Every student has a distinctive name, number, e-mail and birth date, and
 * each file is named after its student, for the privacy cases; the
 * command-line cases run credit-bridge-cli (CLI_PATH) on the same files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "bridge-error.h"
#include "bridge-plan.h"
#include "bridge-report.h"
#include "plan-fixture.h"

#define N_PLANS 7

typedef struct
{
  PlanFixture  fx;
  char        *plans;                     /* folder of the seven plans */
  char        *db;                        /* the fixture's catalog, for the CLI */
} ReportFixture;

/* What must never leave the advisor's machine. */
static const char * const personal[] = {
  "Quokka", "Zyxwvut", "SN-7731-", "quokka", "zyxwvut.example", "1998-07-1", "Responsible Rhodopsin",
  "rhodopsin@", "Review note Octarine",
};

static void
add_group (BridgePlan    *plan,
           BridgeCatalog *catalog,
           const char    *host,
           const char    *home)
{
  g_auto(GStrv) hosts = g_strsplit (host, " ", -1);
  g_auto(GStrv) homes = home ? g_strsplit (home, " ", -1) : NULL;
  g_autoptr(GError) error = NULL;
  BridgePlanGroup *group;

  group = bridge_plan_add_group (plan, catalog, (const char * const *) hosts,
                                 (const char * const *) homes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (group);
  /* A review comment names the reviewer: never in the report. */
  g_assert_true (bridge_plan_set_group_comment (plan, group, "Review note Octarine", &error));
}

static void
set_grade (BridgePlan    *plan,
           BridgeCatalog *catalog,
           const char    *course,
           const char    *grade)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bridge_plan_set_grade (plan, catalog, course, grade, &error));
  g_assert_no_error (error);
}

static void
set_feedback (BridgePlan *plan,
              const char *course,
              double      hours,
              guint       rating,
              const char *comment)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bridge_plan_set_feedback (plan, course, hours, rating, comment, &error));
  g_assert_no_error (error);
}

static void
convert (BridgePlan    *plan,
         BridgeCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = bridge_plan_convert_grades (plan, catalog, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
}

static BridgePlan *
new_plan (BridgeCatalog *catalog,
          guint          n,
          const char    *host,
          const char    *home,
          const char    *start,
          const char    *end,
          const char    *term)
{
  g_autoptr(GError) error = NULL;
  BridgePlan *plan = bridge_plan_new ();
  g_autofree char *name = g_strdup_printf ("Quokka Zyxwvut-%u", n);
  g_autofree char *number = g_strdup_printf ("SN-7731-%04u", n);
  g_autofree char *email = g_strdup_printf ("quokka%u@zyxwvut.example", n);
  g_autofree char *birth = g_strdup_printf ("1998-07-1%u", n);
  BridgePlanStudent student = { 0 };
  BridgePlanInstitution institution = { 0 };

  student.name = name;
  student.student_number = number;
  student.email = email;
  student.birth_date = birth;
  student.cycle = BRIDGE_CYCLE_BACHELOR;
  g_assert_true (bridge_plan_set_student (plan, &student, &error));
  g_assert_no_error (error);
  institution.university = (char *) home;
  institution.responsible.name = (char *) "Responsible Rhodopsin";
  institution.responsible.email = (char *) "rhodopsin@scu.example";
  g_assert_true (bridge_plan_set_institution (plan, BRIDGE_PLAN_SIDE_HOME, &institution, &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_set_host_university (plan, host, &error));
  g_assert_no_error (error);
  if (term != NULL)
    bridge_plan_set_term (plan, term);
  g_assert_true (bridge_plan_set_dates (plan, start, end, &error));
  g_assert_no_error (error);
  (void) catalog;
  return plan;
}

/* The seven plans of the header, in order (transfer full). */
static GPtrArray *
make_plans (BridgeCatalog *catalog,
            gboolean       comments)
{
  GPtrArray *plans = g_ptr_array_new_with_free_func (g_object_unref);
  BridgePlan *p;

  p = new_plan (catalog, 1, "cqu", "scu", "2026-09-01", "2027-01-20", "2026-autumn");
  add_group (p, catalog, "cqu:cs301 cqu:cs302", "scu:cs305 scu:cs306");
  add_group (p, catalog, "cqu:ma101", "scu:ma120");
  set_grade (p, catalog, "cqu:cs301", "85");
  set_grade (p, catalog, "cqu:cs302", "90");
  set_grade (p, catalog, "cqu:ma101", "80");
  convert (p, catalog);
  set_feedback (p, "cqu:cs301", 170, 4, comments ? "Labs ran late every week" : NULL);
  set_feedback (p, "cqu:cs302", 70, 5, comments ? "=HYPERLINK(\"x\") said a friend" : NULL);
  set_feedback (p, "cqu:ma101", 100, 2, NULL);
  g_ptr_array_add (plans, p);

  p = new_plan (catalog, 2, "cqu", "scu", "2026-08-25", "2027-01-15", "2026-autumn");
  add_group (p, catalog, "cqu:cs301", "scu:cs305");
  add_group (p, catalog, "cqu:cs302", "scu:cs306");
  set_grade (p, catalog, "cqu:cs301", "70");
  convert (p, catalog);
  set_feedback (p, "cqu:cs301", 160, 3, comments ? "A fair amount of reading" : NULL);
  set_feedback (p, "cqu:cs302", 75, 4, NULL);
  g_ptr_array_add (plans, p);

  p = new_plan (catalog, 3, "cqu", "scu", "2027-02-20", "2027-07-05", "2026-autumn");
  add_group (p, catalog, "cqu:cs301", "scu:cs305");
  add_group (p, catalog, "cqu:ma101", "scu:ma120");
  set_grade (p, catalog, "cqu:cs301", "60");
  set_grade (p, catalog, "cqu:ma101", "75");
  convert (p, catalog);
  set_feedback (p, "cqu:cs301", 150, 5, comments ? "Best course of the stay" : NULL);
  set_feedback (p, "cqu:ma101", 110, 3, NULL);
  g_ptr_array_add (plans, p);

  p = new_plan (catalog, 4, "cqu", "scu", NULL, NULL, NULL);
  add_group (p, catalog, "cqu:cs201", NULL);
  set_feedback (p, "cqu:cs201", 144, 4, comments ? "Only-one-answer comment" : NULL);
  g_ptr_array_add (plans, p);

  p = new_plan (catalog, 5, "cqu", "scu", NULL, NULL, "2026-autumn");
  add_group (p, catalog, "cqu:cs302", "scu:cs306");
  set_grade (p, catalog, "cqu:cs302", "40");
  convert (p, catalog);
  set_feedback (p, "cqu:cs302", 80, 2, NULL);
  g_ptr_array_add (plans, p);

  p = new_plan (catalog, 6, "cqu", "scu", NULL, NULL, "2026-autumn");
  add_group (p, catalog, "cqu:ma101", "scu:ma120");
  set_feedback (p, "cqu:ma101", 114, 4, NULL);
  g_ptr_array_add (plans, p);

  p = new_plan (catalog, 7, "scu", "cqu", NULL, NULL, "2026-autumn");
  add_group (p, catalog, "scu:cs306", "cqu:cs302");
  g_ptr_array_add (plans, p);

  return plans;
}

static void
report_set_up (ReportFixture *rf,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GError) error = NULL;

  plan_fixture_set_up (&rf->fx, data);
  rf->db = g_build_filename (rf->fx.dir, "catalog.db", NULL);
  rf->plans = g_build_filename (rf->fx.dir, "plans", NULL);
  g_assert_cmpint (g_mkdir (rf->plans, 0700), ==, 0);
  plans = make_plans (rf->fx.catalog, TRUE);
  for (guint i = 0; i < plans->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("quokka-zyxwvut-%u.creditplan", i + 1);
      g_autofree char *path = g_build_filename (rf->plans, name, NULL);

      g_assert_true (bridge_plan_save (g_ptr_array_index (plans, i), path, &error));
      g_assert_no_error (error);
    }
}

static void
report_tear_down (ReportFixture *rf,
                  gconstpointer  data)
{
  g_clear_object (&rf->fx.catalog);
  plan_fixture_remove_dir (rf->fx.dir);
  g_free (rf->fx.dir);
  g_free (rf->plans);
  g_free (rf->db);
}

static BridgeReport *
new_report (ReportFixture *rf,
            guint          k,
            double         threshold,
            gboolean       comments)
{
  BridgeReportOptions options = { k, threshold, comments };
  g_autoptr(GError) error = NULL;
  BridgeReport *report = bridge_report_new (rf->fx.catalog, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static const BridgeReportCourse *
find_course (GPtrArray  *courses,
             const char *id)
{
  for (guint i = 0; i < courses->len; i++)
    {
      const BridgeReportCourse *c = g_ptr_array_index (courses, i);

      if (g_str_equal (c->course_id, id))
        return c;
    }
  g_assert_not_reached ();
}

#define assert_near(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-6)

/* The figures of the header, hand-computed, from the plans in memory. */
static void
test_figures (ReportFixture *rf,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) plans = make_plans (rf->fx.catalog, FALSE);
  g_autoptr(BridgeReport) report = new_report (rf, 3, 0.25, FALSE);
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_auto(BridgeReportOverall) overall = { 0 };
  const BridgeReportCourse *c;
  const BridgeReportPair *p;

  for (guint i = 0; i < plans->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (bridge_report_add_plan (report, g_ptr_array_index (plans, i), &error));
      g_assert_no_error (error);
    }
  courses = bridge_report_list_courses (report);
  pairs = bridge_report_list_pairs (report);
  bridge_report_get_overall (report, &overall);

  g_assert_cmpuint (courses->len, ==, 5);
  g_assert_cmpstr (((BridgeReportCourse *) g_ptr_array_index (courses, 0))->course_id, ==, "cqu:cs201");

  /* CS301: 170, 160, 150 h against 126 h declared: +27 %, beyond ±25 %. */
  c = find_course (courses, "cqu:cs301");
  g_assert_cmpstr (c->code, ==, "CS301");
  g_assert_cmpuint (c->students, ==, 3);
  g_assert_cmpuint (c->responses, ==, 3);
  g_assert_false (c->withheld);
  assert_near (c->declared_hours, 126);
  assert_near (c->reported_hours_mean, 160);
  assert_near (c->workload_deviation, 160.0 / 126 - 1);
  g_assert_true (c->workload_flag);
  assert_near (c->rating_mean, 4);
  /* P1's 7 home credits shared 3.5 : 3 with CS302, and P2's and P3's 3. */
  assert_near (c->home_credits_planned, 7 * 3.5 / 6.5 + 3 + 3);
  assert_near (c->home_credits_assessed, 7 * 3.5 / 6.5 + 3 + 3);
  assert_near (c->home_credits_recognised, 7 * 3.5 / 6.5 + 3 + 3);
  assert_near (c->recognition_rate, 1);

  /* CS302: 70, 75, 80 h against 108 h: −30.6 %, beyond the band below. */
  c = find_course (courses, "cqu:cs302");
  g_assert_cmpuint (c->students, ==, 3);
  g_assert_cmpuint (c->responses, ==, 3);
  assert_near (c->reported_hours_mean, 75);
  assert_near (c->workload_deviation, 75.0 / 108 - 1);
  g_assert_true (c->workload_flag);
  assert_near (c->rating_mean, 11.0 / 3);
  /* P1's share 3/6.5 of 7 (recognised), P2's 4 still waiting for a grade,
   * P5's 4 assessed with a failing grade: not recognised. */
  assert_near (c->home_credits_planned, 7 * 3 / 6.5 + 4 + 4);
  assert_near (c->home_credits_assessed, 7 * 3 / 6.5 + 4);
  assert_near (c->home_credits_recognised, 7 * 3 / 6.5);
  assert_near (c->recognition_rate, (7 * 3 / 6.5) / (7 * 3 / 6.5 + 4));

  /* MA101: 100, 110, 114 h against 108 h: exactly as declared. */
  c = find_course (courses, "cqu:ma101");
  g_assert_cmpuint (c->responses, ==, 3);
  assert_near (c->reported_hours_mean, 108);
  assert_near (c->workload_deviation, 0);
  g_assert_false (c->workload_flag);
  assert_near (c->rating_mean, 3);
  assert_near (c->home_credits_planned, 9);
  assert_near (c->home_credits_assessed, 6);
  assert_near (c->home_credits_recognised, 6);

  /* CS201: one response, under K = 3: counts, no means; no home course. */
  c = find_course (courses, "cqu:cs201");
  g_assert_cmpuint (c->students, ==, 1);
  g_assert_cmpuint (c->responses, ==, 1);
  g_assert_true (c->withheld);
  assert_near (c->declared_hours, 144);
  g_assert_true (isnan (c->reported_hours_mean));
  g_assert_true (isnan (c->workload_deviation));
  g_assert_false (c->workload_flag);
  g_assert_true (isnan (c->rating_mean));
  assert_near (c->home_credits_planned, 0);
  g_assert_true (isnan (c->recognition_rate));

  /* Met first as P1's home course, then as P7's host course: its workload
   * is still estimated. */
  c = find_course (courses, "scu:cs306");
  assert_near (c->declared_hours, 144);
  g_assert_cmpuint (c->students, ==, 1);
  g_assert_cmpuint (c->responses, ==, 0);
  assert_near (c->home_credits_planned, 3);
  assert_near (c->home_credits_assessed, 0);

  g_assert_cmpuint (pairs->len, ==, 2);
  p = g_ptr_array_index (pairs, 0);
  g_assert_cmpstr (p->host_university, ==, "cqu");
  g_assert_cmpstr (p->home_university, ==, "scu");
  g_assert_cmpuint (p->students, ==, 6);
  assert_near (p->home_credits_planned, 30);
  assert_near (p->home_credits_assessed, 23);
  assert_near (p->home_credits_recognised, 19);
  assert_near (p->recognition_rate, 19.0 / 23);
  g_assert_cmpuint (p->conversions, ==, 6);
  g_assert_cmpuint (p->approximate_conversions, ==, 2);
  p = g_ptr_array_index (pairs, 1);
  g_assert_cmpstr (p->host_university, ==, "scu");
  g_assert_cmpstr (p->home_university, ==, "cqu");
  g_assert_cmpuint (p->students, ==, 1);
  assert_near (p->home_credits_planned, 3);
  g_assert_true (isnan (p->recognition_rate));
  g_assert_cmpuint (p->conversions, ==, 0);

  g_assert_cmpuint (overall.plans, ==, N_PLANS);
  g_assert_cmpuint (overall.skipped, ==, 0);
  g_assert_cmpuint (overall.host_courses, ==, 5);
  g_assert_cmpuint (overall.pairs, ==, 2);
  g_assert_cmpuint (overall.responses, ==, 10);
  assert_near (overall.rating_mean, 3.6);
  assert_near (overall.home_credits_planned, 33);
  assert_near (overall.home_credits_assessed, 23);
  assert_near (overall.home_credits_recognised, 19);
  g_assert_cmpuint (overall.conversions, ==, 6);
  g_assert_cmpuint (overall.approximate_conversions, ==, 2);
  /* P2's start, P3's end; P5–P7 by their terms' dates; P4 has none. */
  g_assert_cmpstr (overall.period_start, ==, "2026-08-25");
  g_assert_cmpstr (overall.period_end, ==, "2027-07-05");
  g_assert_cmpuint (overall.undated, ==, 1);
}

/* The threshold is a band: beyond it, not on it. */
static void
test_threshold (ReportFixture *rf,
                gconstpointer  data)
{
  const struct { double threshold; gboolean cs301, cs302; } cases[] = {
    { 0.25, TRUE, TRUE },
    { 0.28, FALSE, TRUE },
    { 0.31, FALSE, FALSE },
    { 0.1, TRUE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BridgeReport) report = new_report (rf, 3, cases[i].threshold, FALSE);
      g_autoptr(GPtrArray) courses = NULL;

      g_assert_cmpuint (bridge_report_add_folder (report, rf->plans), ==, N_PLANS);
      courses = bridge_report_list_courses (report);
      g_assert_cmpint (find_course (courses, "cqu:cs301")->workload_flag, ==, cases[i].cs301);
      g_assert_cmpint (find_course (courses, "cqu:cs302")->workload_flag, ==, cases[i].cs302);
      g_assert_false (find_course (courses, "cqu:ma101")->workload_flag);
    }
}

/* K = 1 shows CS201's one answer; K = 4 hides every course's means. */
static void
test_min_responses (ReportFixture *rf,
                    gconstpointer  data)
{
  g_autoptr(BridgeReport) one = new_report (rf, 1, 0.25, FALSE);
  g_autoptr(BridgeReport) four = new_report (rf, 4, 0.25, FALSE);
  g_autoptr(GPtrArray) courses = NULL;
  g_auto(BridgeReportOverall) overall = { 0 };

  bridge_report_add_folder (one, rf->plans);
  courses = bridge_report_list_courses (one);
  assert_near (find_course (courses, "cqu:cs201")->reported_hours_mean, 144);
  assert_near (find_course (courses, "cqu:cs201")->workload_deviation, 0);
  g_clear_pointer (&courses, g_ptr_array_unref);

  bridge_report_add_folder (four, rf->plans);
  courses = bridge_report_list_courses (four);
  for (guint i = 0; i < courses->len; i++)
    {
      const BridgeReportCourse *c = g_ptr_array_index (courses, i);

      g_assert_true (c->withheld);
      g_assert_true (isnan (c->reported_hours_mean));
      g_assert_true (isnan (c->rating_mean));
    }
  bridge_report_get_overall (four, &overall);
  assert_near (overall.rating_mean, 3.6);
}

static void
copy_fixture (const char *name,
              const char *folder)
{
  g_autofree char *from = g_build_filename (PLAN_TEST_DIR, "report", name, NULL);
  g_autofree char *to = g_build_filename (folder, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
}

/* A folder with a damaged, a newer and a non-plan file: named as skipped,
 * with why; the rest reported; subfolders read, hidden and other files not. */
static void
test_folder (ReportFixture *rf,
             gconstpointer  data)
{
  g_autoptr(BridgeReport) report = new_report (rf, 3, 0.25, FALSE);
  g_autofree char *sub = g_build_filename (rf->plans, "2027", NULL);
  g_autofree char *moved_from = g_build_filename (rf->plans, "quokka-zyxwvut-7.creditplan", NULL);
  g_autofree char *moved_to = g_build_filename (sub, "quokka-zyxwvut-7.creditplan", NULL);
  g_autofree char *hidden = g_build_filename (rf->plans, ".quokka.creditplan", NULL);
  g_autofree char *notes = g_build_filename (rf->plans, "notes.txt", NULL);
  const char *expected[][2] = {
    { "damaged.creditplan", "damaged" },
    { "newer.creditplan", "newer-version" },
    { "not-a-plan.creditplan", "not-a-plan" },
  };
  GPtrArray *skipped;

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  g_assert_cmpint (g_rename (moved_from, moved_to), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    copy_fixture (expected[i][0], rf->plans);
  g_assert_true (g_file_set_contents (hidden, "not read", -1, NULL));
  g_assert_true (g_file_set_contents (notes, "not read either", -1, NULL));

  g_assert_cmpuint (bridge_report_add_path (report, rf->plans), ==, N_PLANS);
  g_assert_cmpuint (bridge_report_get_n_plans (report), ==, N_PLANS);
  skipped = bridge_report_get_skipped (report);
  g_assert_cmpuint (skipped->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const BridgeReportSkip *s = g_ptr_array_index (skipped, i);

      g_assert_true (g_str_has_suffix (s->path, expected[i][0]));
      g_assert_cmpstr (bridge_report_skip_reason_to_string (s->reason), ==, expected[i][1]);
      g_assert_nonnull (strstr (s->message, expected[i][0]));
    }
  g_assert_nonnull (strstr (((BridgeReportSkip *) g_ptr_array_index (skipped, 1))->message,
                            "update Credit Bridge"));

  /* A file named on its own is read whatever its name; a missing one is unreadable. */
  g_assert_false (bridge_report_add_file (report, notes));
  g_assert_cmpint (((BridgeReportSkip *) g_ptr_array_index (skipped, 3))->reason, ==,
                   BRIDGE_REPORT_SKIP_NOT_A_PLAN);
  g_assert_cmpuint (bridge_report_add_path (report, "/nonexistent/quokka.creditplan"), ==, 0);
  g_assert_cmpint (((BridgeReportSkip *) g_ptr_array_index (skipped, 4))->reason, ==,
                   BRIDGE_REPORT_SKIP_UNREADABLE);
}

/* A plan without a home university is refused, and skipped from a file. */
static void
test_incomplete (ReportFixture *rf,
                 gconstpointer  data)
{
  g_autoptr(BridgeReport) report = new_report (rf, 3, 0.25, FALSE);
  g_autoptr(BridgePlan) plan = bridge_plan_new ();
  g_autofree char *path = g_build_filename (rf->fx.dir, "empty.creditplan", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (bridge_report_add_plan (report, plan, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_true (bridge_plan_save (plan, path, NULL));
  g_assert_false (bridge_report_add_file (report, path));
  g_assert_cmpint (((BridgeReportSkip *) g_ptr_array_index (bridge_report_get_skipped (report), 0))->reason,
                   ==, BRIDGE_REPORT_SKIP_INCOMPLETE);
  g_assert_cmpuint (bridge_report_get_n_plans (report), ==, 0);
}

static void
test_bad_threshold (gconstpointer data)
{
  const char *text = data;
  g_autoptr(GError) error = NULL;
  double value = -1;

  g_assert_false (bridge_report_parse_threshold (text, &value, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, text));
  g_assert_cmpfloat (value, ==, -1);
}

static void
test_good_threshold (void)
{
  const struct { const char *text; double value; } cases[] = {
    { "0.25", 0.25 }, { "25%", 0.25 }, { " 0.3 ", 0.3 }, { "100%", 1 }, { "10", 10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = 0;

      g_assert_true (bridge_report_parse_threshold (cases[i].text, &value, &error));
      g_assert_no_error (error);
      assert_near (value, cases[i].value);
    }
}

static void
test_bad_options (ReportFixture *rf,
                  gconstpointer  data)
{
  const BridgeReportOptions bad[] = {
    { 0, 0.25, FALSE },
    { 3, 0, FALSE },
    { 3, -0.25, FALSE },
    { 3, NAN, FALSE },
    { 3, INFINITY, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (bridge_report_new (rf->fx.catalog, &bad[i], &error));
      g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
    }
}

/* The command line ------------------------------------------------------- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (ReportFixture      *rf,
         const char * const *args,
         Run                *run)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) CLI_PATH);
  g_ptr_array_add (argv, (char *) "report");
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, rf->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (run->status) ? WEXITSTATUS (run->status) : -1;
}

static void
assert_private (const char *output)
{
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    if (strstr (output, personal[i]) != NULL)
      g_error ("“%s” is in the report:\n%s", personal[i], output);
}

/* No name, number, e-mail, birth date, responsible person, review comment
 * or file name in any format; comments only with --comments, and then not
 * the comment of a course under K. */
static void
test_privacy (ReportFixture *rf,
              gconstpointer  data)
{
  const char *formats[][4] = {
    { NULL }, { "--json", NULL }, { "--csv", NULL }, { "--csv", "--table=pairs", NULL },
    { "--comments", NULL }, { "--comments", "--json", NULL }, { "--comments", "--csv", "--table=comments" },
    { "--comments", "--csv", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto(Run) run = { 0 };
      const char *args[6] = { 0 };
      guint n = 0;
      gboolean with_comments = formats[i][0] != NULL && g_str_equal (formats[i][0], "--comments");
      gboolean comment_table = with_comments
                               && (formats[i][1] == NULL || !g_str_equal (formats[i][1], "--csv")
                                   || formats[i][2] != NULL);

      for (guint k = 0; formats[i][k] != NULL; k++)
        args[n++] = formats[i][k];
      args[n++] = rf->plans;
      run_cli (rf, args, &run);
      g_test_message ("report %s %s", formats[i][0] ? formats[i][0] : "", formats[i][1] ? formats[i][1] : "");
      g_assert_cmpint (run.status, ==, 0);
      assert_private (run.out);
      g_assert_null (strstr (run.out, "Only-one-answer"));
      if (comment_table)
        {
          g_assert_nonnull (strstr (run.out, "Labs ran late every week"));
          g_assert_nonnull (strstr (run.out, "A fair amount of reading"));
        }
      else
        {
          g_assert_null (strstr (run.out, "Labs ran late"));
          g_assert_null (strstr (run.out, "fair amount"));
        }
    }
}

/* Text, JSON and CSV carry the figures of test_figures (). */
static void
test_cli_formats (ReportFixture *rf,
                  gconstpointer  data)
{
  g_auto(Run) text = { 0 };
  g_auto(Run) json = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) pairs = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *overall, *cs301 = NULL, *cs201 = NULL;
  JsonArray *courses;

  run_cli (rf, (const char * const[]) { rf->plans, NULL }, &text);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "Recognition and workload report over 7 plans, 2026-08-25 to 2027-07-05"));
  g_assert_nonnull (strstr (text.out, "+27.0 %"));
  g_assert_nonnull (strstr (text.out, "-30.6 %"));
  g_assert_nonnull (strstr (text.out, "above"));
  g_assert_nonnull (strstr (text.out, "below"));
  g_assert_nonnull (strstr (text.out, "Home credits planned: 33.00; assessed: 23.00; recognised: 19.00; rate: 82.6 %"));
  g_assert_nonnull (strstr (text.out, "Grade conversions: 6, of which approximate: 2"));

  run_cli (rf, (const char * const[]) { "--json", rf->plans, NULL }, &json);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "credit-bridge-report");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  overall = json_object_get_object_member (root, "overall");
  g_assert_cmpint (json_object_get_int_member (overall, "plans"), ==, 7);
  assert_near (json_object_get_double_member (overall, "recognition_rate"), 0.826);
  courses = json_object_get_array_member (root, "courses");
  for (guint i = 0; i < json_array_get_length (courses); i++)
    {
      JsonObject *c = json_array_get_object_element (courses, i);

      if (g_str_equal (json_object_get_string_member (c, "course"), "cqu:cs301"))
        cs301 = c;
      if (g_str_equal (json_object_get_string_member (c, "course"), "cqu:cs201"))
        cs201 = c;
    }
  g_assert_nonnull (cs301);
  assert_near (json_object_get_double_member (cs301, "reported_hours_mean"), 160);
  assert_near (json_object_get_double_member (cs301, "workload_deviation"), 0.27);
  g_assert_true (json_object_get_boolean_member (cs301, "workload_flag"));
  assert_near (json_object_get_double_member (cs301, "home_credits_planned"), 9.77);
  g_assert_false (json_object_has_member (cs301, "comments"));
  g_assert_nonnull (cs201);
  g_assert_cmpint (json_object_get_int_member (cs201, "responses"), ==, 1);
  g_assert_true (json_object_get_null_member (cs201, "reported_hours_mean"));
  g_assert_true (json_object_get_null_member (cs201, "workload_flag"));
  g_assert_true (json_object_get_null_member (cs201, "rating_mean"));

  run_cli (rf, (const char * const[]) { "--csv", rf->plans, NULL }, &csv);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "course,code,title,university,students,responses,declared_hours,"
                                            "reported_hours_mean,workload_deviation,workload_flag,rating_mean,"
                                            "home_credits_planned,home_credits_assessed,home_credits_recognised,"
                                            "recognition_rate\n"));
  g_assert_nonnull (strstr (csv.out, "\"cqu:cs201\",\"CS201\",\"Data Structures\",\"cqu\",1,1,144.00,,,,,0.00,0.00,0.00,\n"));
  g_assert_nonnull (strstr (csv.out, "\"cqu:cs302\",\"CS302\",\"Computer Networks\",\"cqu\",3,3,108.00,75.00,-0.306,true,3.67,11.23,7.23,3.23,0.447\n"));

  run_cli (rf, (const char * const[]) { "--csv", "--table", "pairs", rf->plans, NULL }, &pairs);
  g_assert_cmpint (pairs.status, ==, 0);
  g_assert_cmpstr (pairs.out, ==,
                   "host_university,home_university,students,home_credits_planned,home_credits_assessed,"
                   "home_credits_recognised,recognition_rate,conversions,approximate_conversions\n"
                   "\"cqu\",\"scu\",6,30.00,23.00,19.00,0.826,6,2\n"
                   "\"scu\",\"cqu\",1,3.00,0.00,0.00,,0,0\n");
}

/* A comment that starts like a formula stays text in a spreadsheet. */
static void
test_cli_csv_formula (ReportFixture *rf,
                      gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (rf, (const char * const[]) { "--comments", "--csv", "--table=comments", rf->plans, NULL }, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"'=HYPERLINK(\"\"x\"\") said a friend"));
}

/* -o writes the file and nothing on stdout but where. */
static void
test_cli_output (ReportFixture *rf,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (rf->fx.dir, "report.json", NULL);
  g_autofree char *plan = g_build_filename (rf->plans, "quokka-zyxwvut-1.creditplan", NULL);
  g_autofree char *before = NULL, *after = NULL, *written = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) over = { 0 };

  run_cli (rf, (const char * const[]) { "--json", "-o", path, rf->plans, NULL }, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "{"));
  g_assert_nonnull (strstr (written, "\"credit-bridge-report\""));

  /* Never over a plan being reported on. */
  g_assert_true (g_file_get_contents (plan, &before, NULL, NULL));
  run_cli (rf, (const char * const[]) { "-o", plan, rf->plans, NULL }, &over);
  g_assert_cmpint (over.status, ==, 1);
  g_assert_nonnull (strstr (over.err, "nothing was written"));
  g_assert_true (g_file_get_contents (plan, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

/* Skipped files are named on stderr with why; the report goes on. */
static void
test_cli_skipped (ReportFixture *rf,
                  gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) none = { 0 };
  g_autofree char *damaged = g_build_filename (PLAN_TEST_DIR, "report", "damaged.creditplan", NULL);
  g_autofree char *newer = g_build_filename (PLAN_TEST_DIR, "report", "newer.creditplan", NULL);
  g_autofree char *other = g_build_filename (PLAN_TEST_DIR, "report", "not-a-plan.creditplan", NULL);
  g_autofree char *json = NULL;

  run_cli (rf, (const char * const[]) { "--json", damaged, rf->plans, newer, other, NULL }, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "damaged.creditplan (damaged)"));
  g_assert_nonnull (strstr (run.err, "newer.creditplan (written by a newer Credit Bridge)"));
  g_assert_nonnull (strstr (run.err, "not-a-plan.creditplan (not a plan)"));
  /* Counted in the report, not named. */
  g_assert_null (strstr (run.out, "damaged.creditplan"));
  g_assert_nonnull (strstr (run.out, "\"newer-version\" : 1"));
  g_assert_nonnull (strstr (run.out, "\"plans\" : 7"));

  /* Nothing to report on: exit status 1. */
  run_cli (rf, (const char * const[]) { damaged, newer, NULL }, &none);
  g_assert_cmpint (none.status, ==, 1);
  g_assert_nonnull (strstr (none.err, "no plan could be reported on"));
  g_assert_cmpstr (none.out, ==, "");
}

typedef struct
{
  const char *args[4];
  const char *message;
} BadUsage;

static const BadUsage bad_usage[] = {
  { { NULL }, "at least one PLAN" },
  { { "--threshold", "0", NULL }, "“0” is not a threshold" },
  { { "--threshold", "-0.25", NULL }, "“-0.25” is not a threshold" },
  { { "--threshold", "lots", NULL }, "“lots” is not a threshold" },
  { { "--threshold", "25%%", NULL }, "is not a threshold" },
  { { "--min-students", "0", NULL }, "at least 1" },
  { { "--min-students", "-2", NULL }, "at least 1" },
  { { "--min-students", "three", NULL }, "three" },
  { { "--csv", "--table=people", NULL }, "“people” is not a table" },
  { { "--table=pairs", NULL }, "add --csv" },
  { { "--json", "--csv", NULL }, "choose one of --json, --csv and --pdf" },
  { { "--pdf", "--csv", NULL }, "choose one of --json, --csv and --pdf" },
  { { "--pdf", NULL }, "give it with -o FILE.pdf" },
  { { "--csv", "--table=comments", NULL }, "needs --comments" },
};

static void
test_cli_bad_usage (ReportFixture *rf,
                    gconstpointer  data)
{
  const BadUsage *bad = data;
  const char *args[6] = { 0 };
  g_auto(Run) run = { 0 };
  guint n = 0;

  for (guint i = 0; bad->args[i] != NULL; i++)
    args[n++] = bad->args[i];
  if (!g_str_equal (bad->message, "at least one PLAN"))
    args[n++] = rf->plans;
  run_cli (rf, args, &run);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, bad->message));
  g_assert_cmpstr (run.out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  static const char * const bad_thresholds[] = { "0", "-0.25", "0%", "abc", "", "25 %x", "nan", "inf", "11", "1e999" };

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add (path, ReportFixture, NULL, report_set_up, fn, report_tear_down)
  ADD ("/report/figures", test_figures);
  ADD ("/report/threshold", test_threshold);
  ADD ("/report/min-responses", test_min_responses);
  ADD ("/report/folder", test_folder);
  ADD ("/report/incomplete", test_incomplete);
  ADD ("/report/bad-options", test_bad_options);
  ADD ("/report/privacy", test_privacy);
  ADD ("/report/cli/formats", test_cli_formats);
  ADD ("/report/cli/csv-formula", test_cli_csv_formula);
  ADD ("/report/cli/output", test_cli_output);
  ADD ("/report/cli/skipped", test_cli_skipped);
#undef ADD
  g_test_add_func ("/report/threshold/good", test_good_threshold);
  for (guint i = 0; i < G_N_ELEMENTS (bad_thresholds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/report/threshold/bad/%u", i);

      g_test_add_data_func (path, bad_thresholds[i], test_bad_threshold);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_usage); i++)
    {
      g_autofree char *path = g_strdup_printf ("/report/cli/bad-usage/%u", i);

      g_test_add (path, ReportFixture, &bad_usage[i], report_set_up, test_cli_bad_usage, report_tear_down);
    }
  return g_test_run ();
}
