/* test-grading.c: grade conversion through grading tables, hand-computed
 *
 * Intervals are percentages of the passing grades counted from the top:
 * grade i covers [C(i−1)/N, C(i)/N]. Each case below writes them out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bridge-error.h"
#include "bridge-grade-csv.h"
#include "bridge-grading.h"
#include "bridge-rational.h"

/* "A:38,B:7,C:55" */
static BridgeGradingTable *
table_new (const char *scale,
           const char *isced,
           BridgeCycle cycle,
           const char *spec)
{
  BridgeGradingTable *t = g_new0 (BridgeGradingTable, 1);
  g_auto(GStrv) rows = g_strsplit (spec, ",", -1);

  t->scale = g_strdup (scale);
  t->isced = g_strdup (isced);
  t->cycle = cycle;
  t->period = g_strdup ("2023/24–2024/25");
  t->n_counts = g_strv_length (rows);
  t->counts = g_new0 (BridgeGradeCount, MAX (t->n_counts, 1));
  for (guint i = 0; i < t->n_counts; i++)
    {
      char *colon = strrchr (rows[i], ':');
      t->counts[i].grade = g_strndup (rows[i], colon - rows[i]);
      t->counts[i].count = g_ascii_strtoll (colon + 1, NULL, 10);
    }
  return t;
}

static BridgeGradingTable *
simple (const char *spec)
{
  return table_new (NULL, NULL, BRIDGE_CYCLE_BACHELOR, spec);
}

/* "A=7/15,B=7/60,C=5/12"; also checks the shares add up to exactly 1. */
static char *
candidates (const BridgeGradeConversion *c)
{
  GString       *s = g_string_new (NULL);
  BridgeRational sum = bridge_rational_int (0);
  double         dsum = 0;

  for (guint i = 0; i < c->candidates->len; i++)
    {
      const BridgeGradeCandidate *k = g_ptr_array_index (c->candidates, i);
      g_auto(GStrv) parts = g_strsplit (k->share_exact, "/", 2);
      BridgeRational num, den = bridge_rational_int (1);

      g_assert_true (bridge_rational_parse (parts[0], 0, &num));
      if (parts[1] != NULL)
        g_assert_true (bridge_rational_parse (parts[1], 0, &den));
      g_assert_true (bridge_rational_div (num, den, &num));
      g_assert_true (bridge_rational_add (sum, num, &sum));
      g_assert_cmpfloat_with_epsilon (k->share, bridge_rational_to_double (num), 1e-15);
      dsum += k->share;
      g_string_append_printf (s, "%s%s=%s", i > 0 ? "," : "", k->grade, k->share_exact);
    }
  g_assert_true (sum.num == 1 && sum.den == 1);
  g_assert_cmpfloat_with_epsilon (dsum, 1.0, 1e-12);
  return g_string_free (s, FALSE);
}

static BridgeGradeConversion *
convert (const BridgeGradingTable *host,
         const BridgeGradingTable *home,
         const char               *grade,
         BridgeGradeRule           rule)
{
  g_autoptr(GError) error = NULL;
  BridgeGradeConversion *c = bridge_grade_convert_tables (host, home, grade, rule, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  g_assert_cmpint (c->rule, ==, rule);
  g_assert_false (c->approximate);
  return c;
}

static void
assert_suggests (const BridgeGradingTable *host,
                 const BridgeGradingTable *home,
                 const char               *grade,
                 BridgeGradeRule           rule,
                 const char               *expected)
{
  g_autoptr(BridgeGradeConversion) c = convert (host, home, grade, rule);

  g_assert_cmpstr (c->suggested, ==, expected);
}

/* A table of one grade awarded once: "1 grade", not "1 grades". */
static void
test_one_grade_warning (void)
{
  g_autoptr(BridgeGradingTable) host = simple ("X:1");
  g_autoptr(BridgeGradingTable) home = simple ("A:38,B:7,C:55");
  g_autoptr(BridgeGradeConversion) c = convert (host, home, "X", BRIDGE_GRADE_RULE_MIDPOINT);

  g_assert_cmpuint (c->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c->warnings, 0), ==,
                   "The host’s grading table counts only 1 grade, too few to convert reliably (at least 100)");
}

/* Host X:1 Y:6 Z:3 (N = 10): Y covers [10, 70].
 * Home A:38 B:7 C:55 (N = 100): A [0, 38], B [38, 45], C [45, 100].
 * Overlaps of Y: A [10, 38] = 28, B [38, 45] = 7, C [45, 70] = 25 of 60:
 * shares 7/15, 7/60, 5/12. Midpoint 40 lies in B; the largest share is A;
 * the best candidate A, the worst C. */
static void
test_three_candidates (void)
{
  g_autoptr(BridgeGradingTable) host = simple ("X:1,Y:6,Z:3");
  g_autoptr(BridgeGradingTable) home = simple ("A:38,B:7,C:55");
  g_autoptr(BridgeGradeConversion) c = convert (host, home, "Y", BRIDGE_GRADE_RULE_MIDPOINT);
  g_autofree char            *cands = candidates (c);
  const BridgeGradeCandidate *b = g_ptr_array_index (c->candidates, 1);

  g_assert_cmpstr (cands, ==, "A=7/15,B=7/60,C=5/12");
  g_assert_cmpstr (c->suggested, ==, "B");
  /* 10 and 100 grades: the host table is too small to be reliable */
  g_assert_cmpuint (c->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c->warnings, 0), ==,
                   "The host’s grading table counts only 10 grades, too few to convert reliably (at least 100)");
  g_assert_cmpstr (c->host_grade, ==, "Y");
  g_assert_cmpfloat (c->host_interval[0], ==, 10.0);
  g_assert_cmpfloat (c->host_interval[1], ==, 70.0);
  g_assert_cmpfloat (b->home_interval[0], ==, 38.0);
  g_assert_cmpfloat (b->home_interval[1], ==, 45.0);
  g_assert_cmpstr (c->reason, ==,
                   "The midpoint of the host grade Y (10.0–70.0 %) is 40.0 %, which lies in the home grade B (38.0–45.0 %)");
  g_assert_false (c->by_position);

  assert_suggests (host, home, "Y", BRIDGE_GRADE_RULE_LARGEST_OVERLAP, "A");
  assert_suggests (host, home, " Y\t", BRIDGE_GRADE_RULE_MIDPOINT, "B");
  assert_suggests (host, home, "Y", BRIDGE_GRADE_RULE_BEST, "A");
  assert_suggests (host, home, "Y", BRIDGE_GRADE_RULE_WORST, "C");

  /* X [0, 10] lies within A; Z [70, 100] within C */
  assert_suggests (host, home, "X", BRIDGE_GRADE_RULE_WORST, "A");
  assert_suggests (host, home, "Z", BRIDGE_GRADE_RULE_BEST, "C");
}

/* Host P:1 Q:1: P [0, 50], midpoint 25. Home A:1 B:3: A [0, 25], B [25, 100].
 * 25 is exactly the boundary: the better grade, A. Q [50, 100] → B. */
static void
test_midpoint_on_boundary (void)
{
  g_autoptr(BridgeGradingTable) host = simple ("P:1,Q:1");
  g_autoptr(BridgeGradingTable) home = simple ("A:1,B:3");
  g_autoptr(BridgeGradeConversion) c = convert (host, home, "P", BRIDGE_GRADE_RULE_MIDPOINT);
  g_autofree char *cands = candidates (c);

  g_assert_cmpstr (c->suggested, ==, "A");
  g_assert_cmpstr (cands, ==, "A=1/2,B=1/2");
  g_assert_nonnull (strstr (c->reason, "exactly on a boundary"));
  assert_suggests (host, home, "Q", BRIDGE_GRADE_RULE_MIDPOINT, "B");
}

/* Host P:1 Q:1: P [0, 50]. Home A:1 B:1 C:2: A [0, 25], B [25, 50].
 * Shares of P: A 1/2, B 1/2, exactly equal: largest-overlap takes A. */
static void
test_equal_shares (void)
{
  g_autoptr(BridgeGradingTable) host = simple ("P:1,Q:1");
  g_autoptr(BridgeGradingTable) home = simple ("A:1,B:1,C:2");
  g_autoptr(BridgeGradeConversion) c = convert (host, home, "P", BRIDGE_GRADE_RULE_LARGEST_OVERLAP);
  g_autofree char *cands = candidates (c);

  g_assert_cmpstr (cands, ==, "A=1/2,B=1/2");
  g_assert_cmpstr (c->suggested, ==, "A");
  g_assert_nonnull (strstr (c->reason, "tied"));
  assert_suggests (host, home, "P", BRIDGE_GRADE_RULE_WORST, "B");
  /* Q [50, 100] lies within C */
  assert_suggests (host, home, "Q", BRIDGE_GRADE_RULE_LARGEST_OVERLAP, "C");
}

/* A host grade nobody received converts by its position.
 * Host A:40 B:0 C:60: B sits at 40 %; home K:25 L:50 M:25: L [25, 75].
 * Host A:25 B:0 C:75: B sits at 25 %, the K/L boundary: K, the better.
 * Host A:0 B:50 C:50: A sits at 0 %: K. */
static void
test_zero_count_host (void)
{
  g_autoptr(BridgeGradingTable) home = simple ("K:25,L:50,M:25");
  g_autoptr(BridgeGradingTable) host1 = simple ("A:40,B:0,C:60");
  g_autoptr(BridgeGradingTable) host2 = simple ("A:25,B:0,C:75");
  g_autoptr(BridgeGradingTable) host3 = simple ("A:0,B:50,C:50");

  for (BridgeGradeRule rule = BRIDGE_GRADE_RULE_MIDPOINT; rule <= BRIDGE_GRADE_RULE_WORST; rule++)
    {
      g_autoptr(BridgeGradeConversion) c1 = convert (host1, home, "B", rule);
      g_autoptr(BridgeGradeConversion) c2 = convert (host2, home, "B", rule);
      g_autoptr(BridgeGradeConversion) c3 = convert (host3, home, "A", rule);
      g_autofree char *k1 = candidates (c1);

      g_assert_true (c1->by_position);
      g_assert_cmpstr (c1->suggested, ==, "L");
      g_assert_cmpstr (k1, ==, "L=1");
      g_assert_cmpfloat (c1->host_interval[0], ==, 40.0);
      g_assert_cmpfloat (c1->host_interval[1], ==, 40.0);
      g_assert_cmpstr (c2->suggested, ==, "K");
      g_assert_cmpstr (c3->suggested, ==, "K");
    }
  {
    g_autoptr(BridgeGradeConversion) c = convert (host1, home, "B", BRIDGE_GRADE_RULE_MIDPOINT);
    g_assert_cmpstr (c->reason, ==,
                     "Nobody received B in the host’s reference group, so it converts by its position, 40.0 % from the top, which lies in the home grade L (25.0–75.0 %); ties go to the better grade");
  }
}

/* A home grade with a count of 0 is never suggested.
 * Host P:20 Q:20 R:60: Q [20, 40], midpoint 30. Home A:30 B:0 C:70:
 * A [0, 30], B [30, 30], C [30, 100]. Candidates A 1/2, C 1/2 (B has no
 * width); midpoint 30 is on the boundary: A; largest (tied): A; worst: C.
 * Home Z:0 A:50 B:50 with host T:0 U:10 V:90: T sits at 0 %, where only
 * Z (count 0) and A meet: A. */
static void
test_zero_count_home (void)
{
  g_autoptr(BridgeGradingTable) host = simple ("P:20,Q:20,R:60");
  g_autoptr(BridgeGradingTable) home = simple ("A:30,B:0,C:70");
  g_autoptr(BridgeGradingTable) host2 = simple ("T:0,U:10,V:90");
  g_autoptr(BridgeGradingTable) home2 = simple ("Z:0,A:50,B:50");
  g_autoptr(BridgeGradeConversion) c = convert (host, home, "Q", BRIDGE_GRADE_RULE_MIDPOINT);
  g_autofree char *cands = candidates (c);

  g_assert_cmpstr (cands, ==, "A=1/2,C=1/2");
  g_assert_cmpstr (c->suggested, ==, "A");
  assert_suggests (host, home, "Q", BRIDGE_GRADE_RULE_LARGEST_OVERLAP, "A");
  assert_suggests (host, home, "Q", BRIDGE_GRADE_RULE_BEST, "A");
  assert_suggests (host, home, "Q", BRIDGE_GRADE_RULE_WORST, "C");

  for (BridgeGradeRule rule = BRIDGE_GRADE_RULE_MIDPOINT; rule <= BRIDGE_GRADE_RULE_WORST; rule++)
    {
      assert_suggests (host2, home2, "T", rule, "A");
      assert_suggests (host2, home2, "U", rule, "A");
    }
}

/* One-grade tables. Host P:57 covers [0, 100]; against the ECTS scale
 * A 10 B 25 C 30 D 25 E 10 every grade is a candidate with its own share;
 * midpoint 50 → C. Any grade against a one-grade home table → that grade. */
static void
test_one_grade_table (void)
{
  g_autoptr(BridgeGradingTable) one = simple ("P:57");
  g_autoptr(BridgeGradingTable) ects = simple ("A:10,B:25,C:30,D:25,E:10");
  g_autoptr(BridgeGradingTable) pass = simple ("Pass:3");
  g_autoptr(BridgeGradeConversion) c = convert (one, ects, "P", BRIDGE_GRADE_RULE_MIDPOINT);
  g_autofree char *cands = candidates (c);

  g_assert_cmpstr (cands, ==, "A=1/10,B=1/4,C=3/10,D=1/4,E=1/10");
  g_assert_cmpstr (c->suggested, ==, "C");
  assert_suggests (one, ects, "P", BRIDGE_GRADE_RULE_LARGEST_OVERLAP, "C");
  assert_suggests (one, ects, "P", BRIDGE_GRADE_RULE_BEST, "A");
  assert_suggests (one, ects, "P", BRIDGE_GRADE_RULE_WORST, "E");

  for (guint i = 0; i < ects->n_counts; i++)
    {
      g_autoptr(BridgeGradeConversion) p = convert (ects, pass, ects->counts[i].grade, BRIDGE_GRADE_RULE_WORST);
      g_autofree char *k = candidates (p);
      g_assert_cmpstr (p->suggested, ==, "Pass");
      g_assert_cmpstr (k, ==, "Pass=1");
    }
}

/* 41-grade percentage tables (marks 100 … 60), read from CSV. */
static char *
percent_csv (gboolean shifted)
{
  GString *s = g_string_new ("grade,percent\n");

  /* host: 100 … 61 at 2.44 % each, 60 at 2.40 % (sum 100.00);
   * shifted home: 100 at 2.40 %, 99 … 60 at 2.44 % */
  for (int mark = 100; mark >= 60; mark--)
    {
      gboolean small = shifted ? mark == 100 : mark == 60;
      g_string_append_printf (s, "%d,%s\n", mark, small ? "2.40" : "2.44");
    }
  return g_string_free (s, FALSE);
}

static void
test_percent_41 (void)
{
  g_autofree char *host_csv = percent_csv (FALSE);
  g_autofree char *home_csv = percent_csv (TRUE);
  g_autoptr(GError) error = NULL;
  gboolean percent = FALSE;
  g_autoptr(BridgeGradingTable) host = bridge_grade_csv_parse_table (host_csv, strlen (host_csv), "host.csv",
                                                                      BRIDGE_GRADE_CSV_NONE, &percent, &error);
  g_autoptr(BridgeGradingTable) home = NULL;

  g_assert_no_error (error);
  g_assert_true (percent);
  g_assert_cmpuint (host->n_counts, ==, 41);
  g_assert_cmpint (host->counts[0].count, ==, 244); /* hundredths of a percent */
  home = bridge_grade_csv_parse_table (home_csv, strlen (home_csv), "home.csv",
                                       BRIDGE_GRADE_CSV_NONE, NULL, &error);
  g_assert_no_error (error);

  /* Identical tables: every grade converts to itself, and only to itself. */
  for (guint i = 0; i < host->n_counts; i++)
    for (BridgeGradeRule rule = BRIDGE_GRADE_RULE_MIDPOINT; rule <= BRIDGE_GRADE_RULE_WORST; rule++)
      {
        g_autoptr(BridgeGradeConversion) c = convert (host, host, host->counts[i].grade, rule);
        g_autofree char *k = candidates (c);
        g_autofree char *expected = g_strdup_printf ("%s=1", host->counts[i].grade);
        g_assert_cmpstr (k, ==, expected);
      }

  /* Shifted by 0.04 %: host 100 [0, 2.44] against home 100 [0, 2.40] and
   * 99 [2.40, 4.84]: shares 2.40/2.44 = 60/61 and 0.04/2.44 = 1/61.
   * Host 61 [95.16, 97.60] against home 61 [95.12, 97.56] and 60 [97.56, 100]:
   * 60/61 and 1/61, midpoint 96.38 in 61. Host 60 [97.60, 100] lies in home 60. */
  {
    g_autoptr(BridgeGradeConversion) c100 = convert (host, home, "100", BRIDGE_GRADE_RULE_MIDPOINT);
    g_autoptr(BridgeGradeConversion) c61 = convert (host, home, "61", BRIDGE_GRADE_RULE_MIDPOINT);
    g_autoptr(BridgeGradeConversion) c60 = convert (host, home, "60", BRIDGE_GRADE_RULE_BEST);
    g_autofree char *k100 = candidates (c100);
    g_autofree char *k61 = candidates (c61);
    g_autofree char *k60 = candidates (c60);

    g_assert_cmpstr (k100, ==, "100=60/61,99=1/61");
    g_assert_cmpstr (c100->suggested, ==, "100");
    g_assert_cmpstr (k61, ==, "61=60/61,60=1/61");
    g_assert_cmpstr (c61->suggested, ==, "61");
    g_assert_cmpfloat (c61->host_interval[0], ==, 95.2); /* 95.16 shown to one decimal */
    g_assert_cmpfloat (c61->host_interval[1], ==, 97.6);
    g_assert_cmpstr (k60, ==, "60=1");
    assert_suggests (host, home, "100", BRIDGE_GRADE_RULE_WORST, "99");
  }
}

/* A published grading table against the ECTS grading scale.
 *
 * Host: Silesian University in Opava, School of Business Administration in
 * Karviná, "ECTS grading scale" page, https://www.slu.cz/opf/en/ectsgradingscalein
 * ("Percentage of successful students normally achieving the grade"):
 * A 22 %, B 18 %, C 23 %, D 17 %, E 20 %.
 * Home: the ECTS grading scale of the ECTS Users' Guide (2009), as published
 * e.g. by the Université libre de Bruxelles,
 * http://www.ulb.ac.be/enseignements/presentation/en/presentation-en-translation.html:
 * A top 10 %, B next 25 %, C next 30 %, D next 25 %, E next 10 %.
 *
 * Intervals: host A [0, 22], B [22, 40], C [40, 63], D [63, 80], E [80, 100];
 * home A [0, 10], B [10, 35], C [35, 65], D [65, 90], E [90, 100].
 *   A: midpoint 11 → B; candidates A 10/22 = 5/11, B 12/22 = 6/11
 *   B: midpoint 31 → B; candidates B 13/18, C 5/18
 *   C: midpoint 51.5 → C; candidate C alone
 *   D: midpoint 71.5 → D; candidates C 2/17, D 15/17
 *   E: midpoint 90, the D/E boundary → D; candidates D 1/2, E 1/2 (a tie:
 *      largest-overlap → D as well; worst → E) */
static void
test_published_table (void)
{
  const char *slu = "grade,percent\r\nA,22\r\nB,18\r\nC,23\r\nD,17\r\nE,20\r\n";
  const char *ects = "\xEF\xBB\xBFgrade,percent\nA,10\nB,25\nC,30\nD,25\nE,10\n";
  struct
  {
    const char *grade, *cands, *midpoint, *largest, *best, *worst;
  } cases[] = {
    { "A", "A=5/11,B=6/11", "B", "B", "A", "B" },
    { "B", "B=13/18,C=5/18", "B", "B", "B", "C" },
    { "C", "C=1", "C", "C", "C", "C" },
    { "D", "C=2/17,D=15/17", "D", "D", "C", "D" },
    { "E", "D=1/2,E=1/2", "D", "D", "D", "E" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeGradingTable) host = bridge_grade_csv_parse_table (slu, strlen (slu), "slu.csv", 0, NULL, &error);
  g_autoptr(BridgeGradingTable) home = NULL;

  g_assert_no_error (error);
  home = bridge_grade_csv_parse_table (ects, strlen (ects), "ects.csv", 0, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BridgeGradeConversion) c = convert (host, home, cases[i].grade, BRIDGE_GRADE_RULE_MIDPOINT);
      g_autofree char *k = candidates (c);

      g_assert_cmpstr (k, ==, cases[i].cands);
      g_assert_cmpstr (c->suggested, ==, cases[i].midpoint);
      assert_suggests (host, home, cases[i].grade, BRIDGE_GRADE_RULE_LARGEST_OVERLAP, cases[i].largest);
      assert_suggests (host, home, cases[i].grade, BRIDGE_GRADE_RULE_BEST, cases[i].best);
      assert_suggests (host, home, cases[i].grade, BRIDGE_GRADE_RULE_WORST, cases[i].worst);
    }
}

/* Counts near the limit: host A 2^61, B 2^60 (A [0, 2/3], B [2/3, 1]);
 * home A:1 B:2 (A [0, 1/3]). Host A's midpoint 1/3 is the boundary → A;
 * shares 1/2 and 1/2. A total of 2^62 or more is refused. */
static void
test_large_counts (void)
{
  g_autofree char *spec = g_strdup_printf ("A:%" G_GINT64_FORMAT ",B:%" G_GINT64_FORMAT,
                                           (gint64) 1 << 61, (gint64) 1 << 60);
  g_autofree char *too_big = g_strdup_printf ("A:%" G_GINT64_FORMAT ",B:%" G_GINT64_FORMAT,
                                              (gint64) 1 << 61, (gint64) 1 << 61);
  g_autoptr(BridgeGradingTable) host = simple (spec);
  g_autoptr(BridgeGradingTable) home = simple ("A:1,B:2");
  g_autoptr(BridgeGradingTable) big = simple (too_big);
  g_autoptr(BridgeGradeConversion) c = convert (host, home, "A", BRIDGE_GRADE_RULE_MIDPOINT);
  g_autofree char *k = candidates (c);
  g_autoptr(GError) error = NULL;
  BridgeGradeConversion *none;

  g_assert_cmpstr (k, ==, "A=1/2,B=1/2");
  g_assert_cmpstr (c->suggested, ==, "A");

  none = bridge_grade_convert_tables (big, home, "A", BRIDGE_GRADE_RULE_MIDPOINT, &error);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_null (none);
}

static void
assert_table_error (BridgeGradingTable *host,
                    const char         *grade,
                    int                 code,
                    const char         *fragment)
{
  g_autoptr(BridgeGradingTable) home = simple ("A:1,B:1");
  g_autoptr(GError) error = NULL;
  BridgeGradeConversion *c = bridge_grade_convert_tables (host, home, grade, BRIDGE_GRADE_RULE_MIDPOINT, &error);

  g_assert_error (error, BRIDGE_ERROR, code);
  g_assert_null (c);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fragment));
  bridge_grading_table_free (host);
}

static void
test_table_errors (void)
{
  BridgeGradingTable *empty = g_new0 (BridgeGradingTable, 1);

  empty->counts = g_new0 (BridgeGradeCount, 1);
  assert_table_error (empty, "A", BRIDGE_ERROR_INVALID_INPUT, "is empty");
  assert_table_error (simple ("A:0,B:0"), "A", BRIDGE_ERROR_INVALID_INPUT, "only counts of 0");
  assert_table_error (simple ("A:5,B:-1"), "A", BRIDGE_ERROR_INVALID_INPUT, "negative");
  assert_table_error (simple ("A:5,A:3"), "A", BRIDGE_ERROR_INVALID_INPUT, "twice");
  assert_table_error (simple ("A:5,B:3"), "C", BRIDGE_ERROR_NOT_FOUND, "“C” is not a passing grade of the host grading table (its grades are A, B)");
  assert_table_error (simple ("A:5,B:3"), "a", BRIDGE_ERROR_NOT_FOUND, "not a passing grade");
}

/* Universities: a percentage scale with bands at the host, an ECTS-letter
 * scale (no bands) at home, and tables for 0613 and 06 (bachelor) and
 * 0613 (master). */
static BridgeGradingScale *
scale_new (const char *id,
           const char *spec) /* "优秀:90:100:1,…" (min and max may be empty) */
{
  BridgeGradingScale *s = g_new0 (BridgeGradingScale, 1);
  g_auto(GStrv) rows = g_strsplit (spec, ",", -1);

  s->id = g_strdup (id);
  s->name = bridge_text_new (NULL, id);
  s->n_grades = g_strv_length (rows);
  s->grades = g_new0 (BridgeGrade, s->n_grades);
  for (guint i = 0; i < s->n_grades; i++)
    {
      g_auto(GStrv) f = g_strsplit (rows[i], ":", 4);
      s->grades[i].label = g_strdup (f[0]);
      s->grades[i].has_band = f[1][0] != '\0';
      s->grades[i].min = g_ascii_strtod (f[1], NULL);
      s->grades[i].max = g_ascii_strtod (f[2], NULL);
      s->grades[i].passing = f[3][0] == '1';
    }
  return s;
}

#define HOST_SCALE "优秀:90:100:1,良好:80:89.99:1,中等:70:79.99:1,及格:60:69.99:1,不及格:0:59.99:0"

static BridgeUniversity *
make_host (gboolean with_tables)
{
  BridgeUniversity *u = bridge_university_new ("scu");

  bridge_university_add_scale (u, scale_new ("percent", HOST_SCALE));
  if (with_tables)
    {
      bridge_university_add_table (u, table_new ("percent", "06", BRIDGE_CYCLE_BACHELOR,
                                                 "优秀:200,良好:300,中等:300,及格:200"));
      bridge_university_add_table (u, table_new ("percent", "0613", BRIDGE_CYCLE_BACHELOR,
                                                 "优秀:100,良好:300,中等:400,及格:200"));
      bridge_university_add_table (u, table_new ("percent", "0613", BRIDGE_CYCLE_MASTER,
                                                 "优秀:300,良好:400,中等:200,及格:100"));
    }
  return u;
}

static BridgeUniversity *
make_home (gboolean with_tables)
{
  BridgeUniversity *u = bridge_university_new ("cqu");

  bridge_university_add_scale (u, scale_new ("ects", "A:::1,B:::1,C:::1,D:::1,E:::1,FX:::0,F:::0"));
  if (with_tables)
    {
      bridge_university_add_table (u, table_new ("ects", "0613", BRIDGE_CYCLE_BACHELOR, "A:10,B:25,C:30,D:25,E:10"));
      bridge_university_add_table (u, table_new ("ects", "06", BRIDGE_CYCLE_BACHELOR, "A:20,B:20,C:20,D:20,E:20"));
      bridge_university_add_table (u, table_new ("ects", "0613", BRIDGE_CYCLE_MASTER, "A:10,B:25,C:30,D:25,E:10"));
    }
  return u;
}

static BridgeGradeConversion *
convert_at (BridgeUniversity *host,
            BridgeUniversity *home,
            const char       *isced,
            BridgeCycle       cycle,
            const char       *grade)
{
  g_autoptr(GError) error = NULL;
  BridgeGradeConversion *c = bridge_grade_convert (host, home, isced, cycle, grade,
                                                   BRIDGE_GRADE_RULE_MIDPOINT, &error);
  g_assert_no_error (error);
  return c;
}

/* Which table applies, and marks through bands.
 * 0613 bachelor: 84.5 is 良好, [10, 40] at scu (100/300/400/200 of 1000);
 *   midpoint 25 in ECTS B [10, 35]; candidates B 25/30 = 5/6, C 5/30 = 1/6.
 * 0612 bachelor (the "06" tables): 良好 [20, 50], midpoint 35 in B [20, 40]
 *   of the quintiles; candidates B 2/3, C 1/3.
 * 0613 master: 良好 [30, 70], midpoint 50 in C [35, 65]; candidates
 *   B 5/40 = 1/8, C 30/40 = 3/4, D 1/8. */
static void
test_which_table (void)
{
  g_autoptr(BridgeUniversity) host = make_host (TRUE);
  g_autoptr(BridgeUniversity) home = make_home (TRUE);
  g_autoptr(BridgeGradeConversion) a = convert_at (host, home, "0613", BRIDGE_CYCLE_BACHELOR, "84.5");
  g_autoptr(BridgeGradeConversion) b = convert_at (host, home, "0612", BRIDGE_CYCLE_BACHELOR, "良好");
  g_autoptr(BridgeGradeConversion) c = convert_at (host, home, "0613", BRIDGE_CYCLE_MASTER, "80");
  g_autofree char *ka = candidates (a);
  g_autofree char *kb = candidates (b);
  g_autofree char *kc = candidates (c);

  g_assert_true (a->has_mark);
  g_assert_cmpfloat (a->mark, ==, 84.5);
  g_assert_cmpstr (a->grade, ==, "84.5");
  g_assert_cmpstr (a->host_grade, ==, "良好");
  g_assert_cmpstr (a->suggested, ==, "B");
  g_assert_cmpstr (ka, ==, "B=5/6,C=1/6");
  g_assert_cmpstr (a->host_group->isced, ==, "0613");
  g_assert_cmpstr (a->host_group->university, ==, "scu");
  g_assert_cmpstr (a->host_group->cycle, ==, "bachelor");
  g_assert_cmpint (a->host_group->total, ==, 1000);
  g_assert_cmpstr (a->home_group->university, ==, "cqu");
  g_assert_cmpstr (a->home_group->isced, ==, "0613");
  g_assert_cmpstr (a->host_scale, ==, "percent");
  g_assert_cmpstr (a->home_scale, ==, "ects");
  g_assert_cmpuint (a->warnings->len, ==, 0);

  g_assert_false (b->has_mark);
  g_assert_cmpstr (b->suggested, ==, "B");
  g_assert_cmpstr (kb, ==, "B=2/3,C=1/3");
  {
    g_autoptr(BridgeGradeConversion) spaced = convert_at (host, home, "0612", BRIDGE_CYCLE_BACHELOR, " 良好 ");
    g_assert_cmpstr (spaced->host_grade, ==, "良好");
    g_assert_cmpstr (spaced->suggested, ==, "B");
  }
  g_assert_cmpstr (b->host_group->isced, ==, "06");
  g_assert_cmpstr (b->home_group->isced, ==, "06");

  g_assert_cmpstr (c->suggested, ==, "C");
  g_assert_cmpstr (kc, ==, "B=1/8,C=3/4,D=1/8");
  g_assert_cmpstr (c->host_group->cycle, ==, "master");
}

static void
assert_convert_error (BridgeUniversity *host,
                      BridgeUniversity *home,
                      const char       *isced,
                      const char       *grade,
                      int               code,
                      const char       *fragment)
{
  g_autoptr(GError) error = NULL;
  BridgeGradeConversion *c = bridge_grade_convert (host, home, isced, BRIDGE_CYCLE_BACHELOR, grade,
                                                   BRIDGE_GRADE_RULE_MIDPOINT, &error);
  g_assert_error (error, BRIDGE_ERROR, code);
  g_assert_null (c);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_convert_errors (void)
{
  g_autoptr(BridgeUniversity) host = make_host (TRUE);
  g_autoptr(BridgeUniversity) home = make_home (TRUE);
  g_autoptr(BridgeUniversity) bare = make_host (FALSE);

  /* failing grades, by label and by mark, with and without a table */
  assert_convert_error (host, home, "0613", "不及格", BRIDGE_ERROR_FAILING_GRADE, "不及格 is a failing grade at scu");
  assert_convert_error (host, home, "0613", "55", BRIDGE_ERROR_FAILING_GRADE, "The mark 55 is the failing grade 不及格");
  assert_convert_error (bare, home, "0613", "59.99", BRIDGE_ERROR_FAILING_GRADE, "failing");
  /* unknown grades and marks */
  assert_convert_error (host, home, "0613", "Excellent", BRIDGE_ERROR_NOT_FOUND, "“Excellent” is not a grade of the grading scale percent");
  assert_convert_error (host, home, "0613", "101", BRIDGE_ERROR_NOT_FOUND, "The mark 101 is outside every band");
  assert_convert_error (host, home, "0613", "89.995", BRIDGE_ERROR_NOT_FOUND, "outside every band");
  assert_convert_error (bare, home, "0613", "-3", BRIDGE_ERROR_NOT_FOUND, "outside every band");
  assert_convert_error (host, home, "0613", "", BRIDGE_ERROR_NOT_FOUND, "not a grade");
  /* fields that are not ISCED-F codes */
  assert_convert_error (host, home, "12", "良好", BRIDGE_ERROR_NOT_FOUND, "not an ISCED-F 2013 field");
  assert_convert_error (host, home, "abc", "良好", BRIDGE_ERROR_NOT_FOUND, "ISCED");
  assert_convert_error (host, home, "06131", "良好", BRIDGE_ERROR_NOT_FOUND, "ISCED");
  assert_convert_error (host, home, "0", "良好", BRIDGE_ERROR_NOT_FOUND, "ISCED");
  assert_convert_error (host, home, "065", "良好", BRIDGE_ERROR_NOT_FOUND, "ISCED");
}

/* Without a table on a side the conversion is approximate: the mark's
 * position in the host's passing range 60–100, mapped linearly.
 * 85: (100 − 85) / 40 = 37.5 % from the top.
 *  - onto a banded home scale 优 90–100, 良 75–89.99, 中 60–74.99 (差 fails):
 *    100 − 0.375 × 40 = 85 → 良
 *  - onto the home's five letters without bands (A–E, by rank): 37.5 % of 5
 *    ranks is inside B's [20, 40] → B
 * 80: 50 % from the top is 2.5 of 5 ranks, inside C [40, 60] → C
 * 60: 100 % → 中 (60); 100: 0 % → 优
 * 良好 by its label stands at the middle of its band, 84.995: 37.5125 % → 良. */
static void
test_approximate (void)
{
  g_autoptr(BridgeUniversity) host = make_host (FALSE);
  g_autoptr(BridgeUniversity) letters = make_home (FALSE);
  g_autoptr(BridgeUniversity) banded = bridge_university_new ("swu");
  g_autoptr(BridgeUniversity) host_tables = make_host (TRUE);
  struct
  {
    BridgeUniversity *home;
    const char       *grade, *suggested;
    double            position;
  } cases[] = {
    { banded, "85", "良", 37.5 },
    { letters, "85", "B", 37.5 },
    { letters, "80", "C", 50.0 },
    { banded, "60", "中", 100.0 },
    { banded, "100", "优", 0.0 },
    { banded, "良好", "良", 37.5 },
    { letters, "95", "A", 12.5 },
  };

  bridge_university_add_scale (banded, scale_new ("five", "优:90:100:1,良:75:89.99:1,中:60:74.99:1,差:0:59.99:0"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BridgeGradeConversion) c = convert_at (host, cases[i].home, "0613", BRIDGE_CYCLE_BACHELOR,
                                                        cases[i].grade);
      g_autofree char *k = candidates (c);

      g_test_message ("%s: %s (candidates: %s)", cases[i].grade, c->reason, k);
      g_assert_true (c->approximate);
      g_assert_cmpstr (c->suggested, ==, cases[i].suggested);
      g_assert_cmpfloat (c->host_interval[0], ==, cases[i].position);
      g_assert_null (c->host_group);
      g_assert_null (c->home_group);
      g_assert_nonnull (strstr (c->reason, "scu has no grading table for field 0613"));
    }

  /* a table on the host side only: still approximate, and it says which side lacks one */
  {
    g_autoptr(BridgeGradeConversion) c = convert_at (host_tables, banded, "0613", BRIDGE_CYCLE_BACHELOR, "85");
    g_assert_true (c->approximate);
    g_assert_cmpstr (c->suggested, ==, "良");
    g_assert_nonnull (c->host_group);
    g_assert_null (strstr (c->reason, "scu has no"));
    g_assert_nonnull (strstr (c->reason, "swu has no grading table for field 0613"));
  }
  {
    g_autoptr(BridgeGradeConversion) c = convert_at (host, banded, "0613", BRIDGE_CYCLE_BACHELOR, "85");
    g_assert_cmpstr (c->reason, ==,
                     "scu has no grading table for field 0613 (Bachelor). swu has no grading table for field 0613 (Bachelor). "
                     "Approximate conversion: 85 lies 37.5 % from the top of the host’s passing range (100–60); "
                     "the same position in the home’s passing range (100–60) is 85: 良");
  }
}

/* A host scale of labels only: 良好 is the 2nd of 4 passing grades, so it
 * stands at the middle of the 2nd quarter, 3/8 = 37.5 % from the top:
 * 85 on a banded 60–100 home scale (良), B among five letters. On the
 * percentage scale the same label stands at the middle of its band, 84.995
 * (37.5125 %). bridge_grade_convert_on_scale() picks the course's scale. */
static void
test_label_scale_position (void)
{
  g_autoptr(BridgeUniversity) host = make_host (FALSE);
  g_autoptr(BridgeUniversity) letters = make_home (FALSE);
  g_autoptr(BridgeUniversity) banded = bridge_university_new ("swu");
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeGradeConversion) a = NULL;
  g_autoptr(BridgeGradeConversion) b = NULL;
  g_autoptr(BridgeGradeConversion) c = NULL;
  BridgeGradeConversion *none;

  bridge_university_add_scale (host, scale_new ("five", "优秀:::1,良好:::1,中等:::1,及格:::1,不及格:::0"));
  bridge_university_add_scale (banded, scale_new ("five", "优:90:100:1,良:75:89.99:1,中:60:74.99:1,差:0:59.99:0"));

  a = bridge_grade_convert_on_scale (host, banded, "0715", BRIDGE_CYCLE_BACHELOR, "five", "良好",
                                     BRIDGE_GRADE_RULE_MIDPOINT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->host_scale, ==, "five");
  g_assert_cmpstr (a->suggested, ==, "良");
  g_assert_cmpfloat (a->host_interval[0], ==, 37.5);
  g_assert_nonnull (strstr (a->reason, "4 passing grades, by rank"));

  b = bridge_grade_convert_on_scale (host, letters, "0715", BRIDGE_CYCLE_BACHELOR, "five", "良好",
                                     BRIDGE_GRADE_RULE_MIDPOINT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->suggested, ==, "B");

  /* without a scale: the first scale that knows the label, the percentage scale */
  c = bridge_grade_convert (host, banded, "0715", BRIDGE_CYCLE_BACHELOR, "良好", BRIDGE_GRADE_RULE_MIDPOINT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->host_scale, ==, "percent");
  g_assert_nonnull (strstr (c->reason, "良好 (84.995, the middle of its band)"));

  /* a mark on a scale of labels; an unknown scale; a failing label */
  none = bridge_grade_convert_on_scale (host, banded, "0715", BRIDGE_CYCLE_BACHELOR, "five", "85",
                                        BRIDGE_GRADE_RULE_MIDPOINT, &error);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_clear_error (&error);
  none = bridge_grade_convert_on_scale (host, banded, "0715", BRIDGE_CYCLE_BACHELOR, "seven", "良好",
                                        BRIDGE_GRADE_RULE_MIDPOINT, &error);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_clear_error (&error);
  none = bridge_grade_convert_on_scale (host, banded, "0715", BRIDGE_CYCLE_BACHELOR, "five", "不及格",
                                        BRIDGE_GRADE_RULE_MIDPOINT, &error);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILING_GRADE);
  g_assert_null (none);
}

/* A transcript: 3 credits of 84.5 (→ B), 2 credits failed (55), 1 credit
 * with an unknown grade, 4 credits of 优秀 (→ A: [0, 10] within ECTS A). */
static void
test_transcript (void)
{
  g_autoptr(BridgeUniversity) host = make_host (TRUE);
  g_autoptr(BridgeUniversity) home = make_home (TRUE);
  BridgeTranscriptEntry entries[] = {
    { "84.5", 3, "0613", BRIDGE_CYCLE_BACHELOR },
    { "55", 2, "0613", BRIDGE_CYCLE_BACHELOR },
    { "Excellent", 1, "0613", BRIDGE_CYCLE_BACHELOR },
    { "优秀", 4, "0613", BRIDGE_CYCLE_BACHELOR },
  };
  g_autoptr(BridgeTranscript) t = bridge_grade_convert_transcript (host, home, entries, G_N_ELEMENTS (entries),
                                                                    BRIDGE_GRADE_RULE_MIDPOINT);
  BridgeTranscriptLine *l0 = g_ptr_array_index (t->lines, 0);
  BridgeTranscriptLine *l1 = g_ptr_array_index (t->lines, 1);
  BridgeTranscriptLine *l2 = g_ptr_array_index (t->lines, 2);
  BridgeTranscriptLine *l3 = g_ptr_array_index (t->lines, 3);
  g_autoptr(JsonNode) json = NULL;

  g_assert_cmpuint (t->lines->len, ==, 4);
  g_assert_cmpstr (l0->conversion->suggested, ==, "B");
  g_assert_null (l1->conversion);
  g_assert_error (l1->error, BRIDGE_ERROR, BRIDGE_ERROR_FAILING_GRADE);
  g_assert_error (l2->error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_cmpstr (l3->conversion->suggested, ==, "A");
  g_assert_cmpfloat (t->credits_converted, ==, 7);
  g_assert_cmpfloat (t->credits_failed, ==, 2);
  g_assert_cmpfloat (t->credits_not_converted, ==, 1);

  json = bridge_transcript_to_json (t);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (json), "lines")), ==, 4);
}

/* The JSON of issue 3 item 7. */
static void
test_json (void)
{
  g_autoptr(BridgeUniversity) host = make_host (TRUE);
  g_autoptr(BridgeUniversity) home = make_home (TRUE);
  g_autoptr(BridgeGradeConversion) c = convert_at (host, home, "0613", BRIDGE_CYCLE_BACHELOR, "84.5");
  g_autoptr(JsonNode) node = bridge_grade_conversion_to_json (c);
  JsonObject *o = json_node_get_object (node);
  JsonArray  *cands = json_object_get_array_member (o, "candidates");
  JsonArray  *iv = json_object_get_array_member (o, "host_interval");
  JsonObject *first = json_array_get_object_element (cands, 0);
  JsonObject *group = json_object_get_object_member (o, "host_table");
  double      sum = 0;

  g_assert_cmpstr (json_object_get_string_member (o, "grade"), ==, "84.5");
  g_assert_cmpstr (json_object_get_string_member (o, "host_grade"), ==, "良好");
  g_assert_cmpfloat (json_object_get_double_member (o, "mark"), ==, 84.5);
  g_assert_cmpstr (json_object_get_string_member (o, "suggested"), ==, "B");
  g_assert_cmpstr (json_object_get_string_member (o, "rule"), ==, "midpoint");
  g_assert_false (json_object_get_boolean_member (o, "approximate"));
  g_assert_nonnull (json_object_get_string_member (o, "reason"));
  g_assert_cmpuint (json_array_get_length (iv), ==, 2);
  g_assert_cmpfloat (json_array_get_double_element (iv, 0), ==, 10.0);
  g_assert_cmpfloat (json_array_get_double_element (iv, 1), ==, 40.0);
  g_assert_cmpuint (json_array_get_length (cands), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (first, "grade"), ==, "B");
  g_assert_cmpstr (json_object_get_string_member (first, "share_exact"), ==, "5/6");
  for (guint i = 0; i < json_array_get_length (cands); i++)
    sum += json_object_get_double_member (json_array_get_object_element (cands, i), "share");
  g_assert_cmpfloat_with_epsilon (sum, 1.0, 1e-12);
  g_assert_cmpstr (json_object_get_string_member (group, "university"), ==, "scu");
  g_assert_cmpstr (json_object_get_string_member (group, "isced"), ==, "0613");
  g_assert_cmpstr (json_object_get_string_member (group, "cycle"), ==, "bachelor");
  g_assert_cmpstr (json_object_get_string_member (group, "period"), ==, "2023/24–2024/25");
  g_assert_cmpint (json_object_get_int_member (group, "total"), ==, 1000);
  g_assert_true (json_object_has_member (o, "home_table"));
}

/* Tables from marks: 95 → 优秀; 85, 84.5, 良好 → 良好; 55 → failing, left out.
 * Passing 4: 优秀 1 (25.0 %, cumulative 25.0), 良好 3 (75.0 %, 100.0), 中等 0, 及格 0. */
static void
test_table_from_marks (void)
{
  g_autoptr(BridgeGradingScale) scale = scale_new ("percent", HOST_SCALE);
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeGradeTableReport) r = bridge_grade_table_from_marks (scale, "95\n85\r\n 84.5 \n55\n\n良好\n", -1, &error);
  BridgeGradeTableReport *bad;
  BridgeGradeTableRow    *row;

  g_assert_no_error (error);
  g_assert_cmpint (r->passing, ==, 4);
  g_assert_cmpint (r->failing, ==, 1);
  g_assert_cmpuint (r->rows->len, ==, 4);
  row = g_ptr_array_index (r->rows, 0);
  g_assert_cmpstr (row->grade, ==, "优秀");
  g_assert_cmpint (row->count, ==, 1);
  g_assert_cmpfloat (row->percent, ==, 25.0);
  g_assert_cmpfloat (row->cumulative_percent, ==, 25.0);
  row = g_ptr_array_index (r->rows, 1);
  g_assert_cmpint (row->count, ==, 3);
  g_assert_cmpfloat (row->percent, ==, 75.0);
  g_assert_cmpfloat (row->cumulative_percent, ==, 100.0);
  row = g_ptr_array_index (r->rows, 3);
  g_assert_cmpstr (row->grade, ==, "及格");
  g_assert_cmpint (row->count, ==, 0);
  g_assert_cmpfloat (row->cumulative_percent, ==, 100.0);

  bad = bridge_grade_table_from_marks (scale, "95\n101\n", -1, &error);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "line 2: The mark 101"));
  g_assert_null (bad);
  g_clear_error (&error);

  bad = bridge_grade_table_from_marks (scale, "95\nA+\n", -1, &error);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_null (bad);
  g_clear_error (&error);

  bad = bridge_grade_table_from_marks (scale, "\n\n", -1, &error);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "No marks"));
  g_assert_null (bad);
  g_clear_error (&error);

  bad = bridge_grade_table_from_marks (scale, "12\n不及格\n", -1, &error);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "No passing grade"));
  g_assert_null (bad);
}

static void
test_rule_names (void)
{
  BridgeGradeRule rule;

  for (BridgeGradeRule r = BRIDGE_GRADE_RULE_MIDPOINT; r <= BRIDGE_GRADE_RULE_WORST; r++)
    {
      g_assert_true (bridge_grade_rule_from_string (bridge_grade_rule_to_string (r), &rule));
      g_assert_cmpint (rule, ==, r);
    }
  g_assert_true (bridge_grade_rule_from_string ("largest-overlap", &rule));
  g_assert_cmpint (rule, ==, BRIDGE_GRADE_RULE_LARGEST_OVERLAP);
  g_assert_false (bridge_grade_rule_from_string ("median", &rule));
  g_assert_false (bridge_grade_rule_from_string (NULL, &rule));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/grading/three-candidates", test_three_candidates);
  g_test_add_func ("/grading/one-grade-warning", test_one_grade_warning);
  g_test_add_func ("/grading/midpoint-on-boundary", test_midpoint_on_boundary);
  g_test_add_func ("/grading/equal-shares", test_equal_shares);
  g_test_add_func ("/grading/zero-count-host", test_zero_count_host);
  g_test_add_func ("/grading/zero-count-home", test_zero_count_home);
  g_test_add_func ("/grading/one-grade-table", test_one_grade_table);
  g_test_add_func ("/grading/percent-41", test_percent_41);
  g_test_add_func ("/grading/published-table", test_published_table);
  g_test_add_func ("/grading/large-counts", test_large_counts);
  g_test_add_func ("/grading/table-errors", test_table_errors);
  g_test_add_func ("/grading/which-table", test_which_table);
  g_test_add_func ("/grading/convert-errors", test_convert_errors);
  g_test_add_func ("/grading/approximate", test_approximate);
  g_test_add_func ("/grading/label-scale-position", test_label_scale_position);
  g_test_add_func ("/grading/transcript", test_transcript);
  g_test_add_func ("/grading/json", test_json);
  g_test_add_func ("/grading/table-from-marks", test_table_from_marks);
  g_test_add_func ("/grading/rule-names", test_rule_names);

  return g_test_run ();
}
