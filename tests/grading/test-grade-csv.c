/* test-grade-csv.c: grading tables and scales from CSV, every bad input
 * its own case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bridge-error.h"
#include "bridge-grade-csv.h"

static BridgeGradingTable *
parse (const char         *csv,
       BridgeGradeCsvFlags flags,
       gboolean           *percent,
       GError            **error)
{
  return bridge_grade_csv_parse_table (csv, strlen (csv), "t.csv", flags, percent, error);
}

static void
assert_bad_table (const char         *csv,
                  BridgeGradeCsvFlags flags,
                  const char         *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeGradingTable) t = parse (csv, flags, NULL, &error);

  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_null (t);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_counts (void)
{
  g_autoptr(GError) error = NULL;
  gboolean percent = TRUE;
  g_autoptr(BridgeGradingTable) t = parse ("grade,count\n优秀,120\n良好 , 340\n\"中,等\",0\n", 0, &percent, &error);

  g_assert_no_error (error);
  g_assert_false (percent);
  g_assert_cmpuint (t->n_counts, ==, 3);
  g_assert_cmpstr (t->counts[0].grade, ==, "优秀");
  g_assert_cmpint (t->counts[0].count, ==, 120);
  g_assert_cmpstr (t->counts[1].grade, ==, "良好");
  g_assert_cmpint (t->counts[1].count, ==, 340);
  g_assert_cmpstr (t->counts[2].grade, ==, "中,等");
  g_assert_cmpint (t->counts[2].count, ==, 0);
}

/* BOM, CRLF, a header in capitals and a missing final newline */
static void
test_bom_crlf (void)
{
  g_autoptr(GError) error = NULL;
  gboolean percent = FALSE;
  g_autoptr(BridgeGradingTable) t = parse ("\xEF\xBB\xBFGrade,Percent\r\nA,12.5\r\nB,87.50", 0, &percent, &error);

  g_assert_no_error (error);
  g_assert_true (percent);
  g_assert_cmpuint (t->n_counts, ==, 2);
  g_assert_cmpstr (t->counts[0].grade, ==, "A");
  g_assert_cmpint (t->counts[0].count, ==, 1250); /* hundredths of a percent, exactly */
  g_assert_cmpint (t->counts[1].count, ==, 8750);
}

static void
test_numeric_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeGradingTable) down = parse ("grade,count\n30,5\n29,7\n18,2\n", 0, NULL, &error);
  g_autoptr(BridgeGradingTable) german = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (down);
  /* German grades, lower is better: rising when best first */
  german = parse ("grade,count\n1.0,5\n1.3,7\n4.0,2\n", BRIDGE_GRADE_CSV_LOWER_IS_BETTER, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (german);
}

static void
test_bad_tables (void)
{
  assert_bad_table ("", 0,
                    "t.csv: the file is empty: expected the header grade,count or grade,percent and one row per passing grade");
  assert_bad_table ("grade,count\n", 0,
                    "t.csv: the table is empty: it lists no grades after its header");
  assert_bad_table ("grade,count\r\n\r\n", 0,
                    "t.csv: the table is empty: it lists no grades after its header");
  assert_bad_table ("grade,count\nA,0\nB,0\n", 0,
                    "t.csv: all counts are 0: a table must say how often each grade was awarded");
  assert_bad_table ("grade,percent\nA,0\nB,0.00\n", 0,
                    "t.csv: all percentages are 0: a table must say how often each grade was awarded");
  assert_bad_table ("grade,count\nA,5\nB,-3\n", 0,
                    "t.csv:3: the count of “B” is negative (-3)");
  assert_bad_table ("grade,percent\nA,105\nB,-5\n", 0,
                    "t.csv:2: the percentage of “A” is above 100 (105)");
  assert_bad_table ("grade,percent\nA,50\nB,-5\n", 0,
                    "t.csv:3: the percentage of “B” is negative (-5)");
  assert_bad_table ("grade,count\nA,5\nB,2.5\n", 0,
                    "t.csv:3: the count of “B” is not a whole number (2.5)");
  assert_bad_table ("grade,count\nA,5\nB,many\n", 0,
                    "t.csv:3: the count of “B” is not a number: “many”");
  assert_bad_table ("grade,count\nA,5\nB,1e3\n", 0,
                    "t.csv:3: the count of “B” is not a number: “1e3”");
  assert_bad_table ("grade,count\nA,5\nB,\n", 0,
                    "t.csv:3: no count for the grade “B”");
  assert_bad_table ("grade,count\nA,5\n,3\n", 0,
                    "t.csv:3: the row has no grade");
  assert_bad_table ("grade,count\nA,5\nB,3\nA,2\n", 0,
                    "t.csv:4: the grade “A” is listed twice (first on line 2)");
  assert_bad_table ("grade,count\nA,5\nB,3,1\n", 0,
                    "t.csv:3: expected two fields, a grade and its count, but found 3");
  assert_bad_table ("grade,count\nA\n", 0,
                    "t.csv:2: expected two fields, a grade and its count, but found 1");
  assert_bad_table ("grade;count\nA;5\n", 0,
                    "t.csv:1: the first line must be the header grade,count or grade,percent");
  assert_bad_table ("A,5\nB,3\n", 0,
                    "t.csv:1: the first line must be the header grade,count or grade,percent");
  assert_bad_table ("grade,count\n\"A,5\n", 0,
                    "t.csv:2: a quoted field is not closed");
  assert_bad_table ("grade,percent\nA,12.345\nB,87.655\n", 0,
                    "t.csv:2: the percentage of “A” has more than two decimals (12.345)");
  assert_bad_table ("grade,percent\nA,10\nB,25\nC,30\nD,25\n", 0,
                    "t.csv: the percentages add up to 90 %, not 100 %: is a grade missing?");
  assert_bad_table ("grade,count\n18,5\n24,7\n30,2\n", 0,
                    "t.csv:2: the numeric grades are listed worst first (18 … 30): list the best grade first (for a scale where a lower number is better, say so)");
  assert_bad_table ("grade,count\n30,5\n24,7\n27,2\n", 0,
                    "t.csv:4: the numeric grades are not in order from best to worst: 27 comes after 24");
  assert_bad_table ("grade,count\n4.0,5\n1.3,7\n1.0,2\n", BRIDGE_GRADE_CSV_LOWER_IS_BETTER,
                    "t.csv:2: the numeric grades are listed worst first (4.0 … 1.0): list the best grade, the lowest number, first");
  assert_bad_table ("grade,count\nA,5\nB,\xff\xfe\n", 0,
                    "t.csv:3: the line is not valid UTF-8 text: save the file as UTF-8");
  assert_bad_table ("grade,count\nA,9223372036854775807\n", 0,
                    "t.csv:2: the count of “A” is too large (9223372036854775807)");
}

static void
test_nul_byte (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeGradingTable) t = bridge_grade_csv_parse_table ("grade,count\nA,5\0\n", 17, "t.csv", 0, NULL, &error);

  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_null (t);
}

static void
test_load_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeGradingTable) t = bridge_grade_csv_load_table ("/nonexistent/host.csv", 0, NULL, &error);

  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_assert_null (t);
}

static void
test_scale (void)
{
  const char *csv = "label,min,max,passing\n优秀,90,100,yes\n良好,80,89.99,yes\n中等,70,79.99,yes\n及格,60,69.99,yes\n不及格,0,59.99,no\n缓考,,,no\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeGradingScale) s = bridge_grade_csv_parse_scale (csv, strlen (csv), "/tmp/percent.csv", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (s->id, ==, "percent");
  g_assert_cmpuint (s->n_grades, ==, 6);
  g_assert_cmpstr (s->grades[1].label, ==, "良好");
  g_assert_true (s->grades[1].has_band);
  g_assert_cmpfloat (s->grades[1].min, ==, 80);
  g_assert_cmpfloat (s->grades[1].max, ==, 89.99);
  g_assert_true (s->grades[1].passing);
  g_assert_false (s->grades[4].passing);
  g_assert_false (s->grades[5].has_band);
}

static void
assert_bad_scale (const char *csv,
                  const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeGradingScale) s = bridge_grade_csv_parse_scale (csv, strlen (csv), "s.csv", &error);

  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_null (s);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_bad_scales (void)
{
  assert_bad_scale ("", "s.csv: the scale is empty: expected the header label,min,max,passing and one row per grade");
  assert_bad_scale ("label,min,max,passing\n", "s.csv: the scale is empty: expected the header label,min,max,passing and one row per grade");
  assert_bad_scale ("grade,count\nA,5\n", "s.csv:1: the first line must be the header label,min,max,passing");
  assert_bad_scale ("label,min,max,passing\nA,90,100\n", "s.csv:2: expected four fields (label, min, max, passing), but found 3");
  assert_bad_scale ("label,min,max,passing\n,90,100,yes\n", "s.csv:2: the row has no label");
  assert_bad_scale ("label,min,max,passing\nA,90,100,yes\nA,80,89,yes\n", "s.csv:3: the grade “A” is listed twice (first on line 2)");
  assert_bad_scale ("label,min,max,passing\nA,90,,yes\n", "s.csv:2: the grade “A” gives only one of min and max: give both or neither");
  assert_bad_scale ("label,min,max,passing\nA,ninety,100,yes\n", "s.csv:2: the band of “A” is not a pair of numbers (ninety, 100)");
  assert_bad_scale ("label,min,max,passing\nA,100,90,yes\n", "s.csv:2: the band of “A” has its min 100 above its max 90");
  assert_bad_scale ("label,min,max,passing\nA,90,100,maybe\n", "s.csv:2: passing must be yes or no, not “maybe”");
  assert_bad_scale ("label,min,max,passing\nA,85,100,yes\nB,80,90,yes\n", "s.csv:3: the band of “B” (80–90) overlaps that of “A”");
  assert_bad_scale ("label,min,max,passing\nD,60,69,yes\nA,90,100,yes\n",
                    "s.csv:3: the grades are listed worst first: “A” (90–100) comes after the lower “D”; list the best grade first");
  assert_bad_scale ("label,min,max,passing\nF,0,59,no\n", "s.csv: the scale has no passing grade");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/grade-csv/counts", test_counts);
  g_test_add_func ("/grade-csv/bom-crlf", test_bom_crlf);
  g_test_add_func ("/grade-csv/numeric-order", test_numeric_order);
  g_test_add_func ("/grade-csv/bad-tables", test_bad_tables);
  g_test_add_func ("/grade-csv/nul-byte", test_nul_byte);
  g_test_add_func ("/grade-csv/load-missing", test_load_missing);
  g_test_add_func ("/grade-csv/scale", test_scale);
  g_test_add_func ("/grade-csv/bad-scales", test_bad_scales);

  return g_test_run ();
}
