/* test-grade-condition.c: a precedent's condition against a host grade
 *
 * The rule of bridge-grade-condition.h on hand-made scales: the Chinese
 * percentage scale (优秀 … 不及格, with bands) and a letter scale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bridge-grade-condition.h"

/* "优秀:90:100,良好:80:89.99,…,不及格:0:59.99!" — "!" marks a failing grade. */
static BridgeGradingScale *
scale_new (const char *spec)
{
  BridgeGradingScale *scale = g_new0 (BridgeGradingScale, 1);
  g_auto(GStrv) rows = g_strsplit (spec, ",", -1);

  scale->id = g_strdup ("test");
  scale->n_grades = g_strv_length (rows);
  scale->grades = g_new0 (BridgeGrade, scale->n_grades);
  for (guint i = 0; i < scale->n_grades; i++)
    {
      g_auto(GStrv) parts = g_strsplit (rows[i], ":", -1);
      BridgeGrade *g = &scale->grades[i];

      g->passing = !g_str_has_suffix (rows[i], "!");
      g->label = g_strdup (parts[0]);
      if (!g->passing && parts[1] == NULL)
        g->label[strlen (g->label) - 1] = '\0';
      if (parts[1] != NULL && parts[2] != NULL)
        {
          g->has_band = TRUE;
          g->min = g_ascii_strtod (parts[1], NULL);
          g->max = g_ascii_strtod (parts[2], NULL);
        }
    }
  return scale;
}

static BridgeGradingScale *
chinese_scale (void)
{
  return scale_new ("优秀:90:100,良好:80:89.99,中等:70:79.99,及格:60:69.99,不及格:0:59.99:!");
}

static BridgeGradingScale *
letter_scale (void)
{
  return scale_new ("A+,A,B,C,D,F!");
}

static BridgeGradeConditionResult
check (const BridgeGradingScale *scale,
       const char               *zh,
       const char               *en,
       const char               *grade,
       const char              **minimum)
{
  g_autoptr(BridgeText) condition = bridge_text_new (zh, en);

  return bridge_grade_condition_check (scale, condition, grade, minimum);
}

/* The example of the feed's specification, in both languages. */
static void
test_met (void)
{
  g_autoptr(BridgeGradingScale) scale = chinese_scale ();
  const char *minimum = NULL;

  g_assert_cmpint (check (scale, "每门课程成绩不低于良好", "with at least 良好 in each host course", "良好", &minimum),
                   ==, BRIDGE_GRADE_CONDITION_MET);
  g_assert_cmpstr (minimum, ==, "良好");
  g_assert_cmpint (check (scale, "每门课程成绩不低于良好", "with at least 良好 in each host course", "优秀", NULL),
                   ==, BRIDGE_GRADE_CONDITION_MET);
  /* A mark in the band of 良好 or better. */
  g_assert_cmpint (check (scale, "每门课程成绩不低于良好", NULL, "80", NULL), ==, BRIDGE_GRADE_CONDITION_MET);
  g_assert_cmpint (check (scale, "每门课程成绩不低于良好", NULL, "95.5", NULL), ==, BRIDGE_GRADE_CONDITION_MET);
}

static void
test_not_met (void)
{
  g_autoptr(BridgeGradingScale) scale = chinese_scale ();
  const char *minimum = NULL;

  g_assert_cmpint (check (scale, "每门课程成绩不低于良好", "with at least 良好 in each host course", "中等", &minimum),
                   ==, BRIDGE_GRADE_CONDITION_NOT_MET);
  g_assert_cmpstr (minimum, ==, "良好");
  g_assert_cmpint (check (scale, "每门课程成绩不低于良好", NULL, "79.99", NULL), ==, BRIDGE_GRADE_CONDITION_NOT_MET);
  g_assert_cmpint (check (scale, "每门课程成绩不低于良好", NULL, "不及格", NULL), ==, BRIDGE_GRADE_CONDITION_NOT_MET);
}

/* Only one language has the text: each is read on its own. */
static void
test_one_language (void)
{
  g_autoptr(BridgeGradingScale) chinese = chinese_scale ();
  g_autoptr(BridgeGradingScale) letters = letter_scale ();
  const char *minimum = NULL;

  g_assert_cmpint (check (chinese, "成绩达到中等及以上", NULL, "中等", &minimum), ==, BRIDGE_GRADE_CONDITION_MET);
  g_assert_cmpstr (minimum, ==, "中等");
  g_assert_cmpint (check (letters, NULL, "with at least B in each host course", "C", &minimum),
                   ==, BRIDGE_GRADE_CONDITION_NOT_MET);
  g_assert_cmpstr (minimum, ==, "B");
  g_assert_cmpint (check (letters, NULL, "with at least B in each host course", "A+", NULL),
                   ==, BRIDGE_GRADE_CONDITION_MET);
  /* A Latin label inside Chinese text. */
  g_assert_cmpint (check (letters, "每门课程成绩不低于B", NULL, "B", &minimum), ==, BRIDGE_GRADE_CONDITION_MET);
  g_assert_cmpstr (minimum, ==, "B");
}

/* Longest label first: 不及格 is not also 及格, A+ is not also A. */
static void
test_longest_first (void)
{
  g_autoptr(BridgeGradingScale) chinese = chinese_scale ();
  g_autoptr(BridgeGradingScale) letters = letter_scale ();
  const char *minimum = NULL;

  g_assert_cmpint (check (chinese, "成绩及格即可", NULL, "及格", &minimum), ==, BRIDGE_GRADE_CONDITION_MET);
  g_assert_cmpstr (minimum, ==, "及格");
  g_assert_cmpint (check (letters, NULL, "with at least A+", "A", &minimum), ==, BRIDGE_GRADE_CONDITION_NOT_MET);
  g_assert_cmpstr (minimum, ==, "A+");
  g_assert_cmpint (check (letters, NULL, "with at least A+", "A+", NULL), ==, BRIDGE_GRADE_CONDITION_MET);
}

/* Latin labels only as whole words: "Attendance" holds no A. */
static void
test_whole_words (void)
{
  g_autoptr(BridgeGradingScale) letters = letter_scale ();
  const char *minimum = "unset";

  g_assert_cmpint (check (letters, NULL, "Attendance of every seminar", "C", &minimum),
                   ==, BRIDGE_GRADE_CONDITION_TO_CHECK);
  g_assert_null (minimum);
  g_assert_cmpint (check (letters, NULL, "Attendance of every seminar, and at least C", "D", &minimum),
                   ==, BRIDGE_GRADE_CONDITION_NOT_MET);
  g_assert_cmpstr (minimum, ==, "C");
}

/* No label of the scale: the advisor checks it, whatever the grade. */
static void
test_unknown_label (void)
{
  g_autoptr(BridgeGradingScale) chinese = chinese_scale ();
  g_autoptr(BridgeGradingScale) letters = letter_scale ();
  const char *minimum = "unset";

  g_assert_cmpint (check (letters, "每门课程成绩不低于良好", "with at least 良好 in each host course", "A+", &minimum),
                   ==, BRIDGE_GRADE_CONDITION_TO_CHECK);
  g_assert_null (minimum);
  g_assert_cmpint (check (chinese, "须提交实习报告", "a practice report must be handed in", "优秀", NULL),
                   ==, BRIDGE_GRADE_CONDITION_TO_CHECK);
  g_assert_cmpint (bridge_grade_condition_minimum (chinese, NULL), ==, -1);
  /* Labels of two grades, or of a failing grade alone: not a minimum. */
  g_assert_cmpint (check (chinese, "理论课良好，实验课中等", NULL, "优秀", NULL), ==, BRIDGE_GRADE_CONDITION_TO_CHECK);
  g_assert_cmpint (check (chinese, "不及格者不予认定", NULL, "优秀", NULL), ==, BRIDGE_GRADE_CONDITION_TO_CHECK);
  /* A grade that is not of the scale cannot be compared. */
  g_assert_cmpint (check (chinese, "每门课程成绩不低于良好", NULL, "B", NULL), ==, BRIDGE_GRADE_CONDITION_TO_CHECK);
}

/* The same grade named in both languages is one minimum. */
static void
test_both_languages (void)
{
  g_autoptr(BridgeGradingScale) chinese = chinese_scale ();

  g_assert_cmpint (bridge_grade_condition_minimum (chinese, NULL), ==, -1);
  {
    g_autoptr(BridgeText) both = bridge_text_new ("不低于良好", "at least 良好");
    g_autoptr(BridgeText) differ = bridge_text_new ("不低于良好", "at least 中等");

    g_assert_cmpint (bridge_grade_condition_minimum (chinese, both), ==, 1);
    g_assert_cmpint (bridge_grade_condition_minimum (chinese, differ), ==, -1);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/grade-condition/met", test_met);
  g_test_add_func ("/grade-condition/not-met", test_not_met);
  g_test_add_func ("/grade-condition/one-language", test_one_language);
  g_test_add_func ("/grade-condition/longest-first", test_longest_first);
  g_test_add_func ("/grade-condition/whole-words", test_whole_words);
  g_test_add_func ("/grade-condition/unknown-label", test_unknown_label);
  g_test_add_func ("/grade-condition/both-languages", test_both_languages);
  return g_test_run ();
}
