/* bridge-grade-condition.h: a precedent's condition, checked against a grade
 *
 * A decision of the recognition register (catalog-feed.md, "equivalences[]")
 * may carry conditions: free text in several languages, such as
 * {"zh": "每门课程成绩不低于良好", "en": "with at least 良好 in each host course"}.
 * The only rule read from such a text is a minimum grade:
 *
 *   - the grade labels of the host course's grading scale are looked for in
 *     the text, in Chinese and in English, longest label first, and a part
 *     of the text that matched one label is not read again, so 不及格 is
 *     not also read as 及格; a label that begins or ends with a Latin letter
 *     or digit counts only as a whole word, so the A of "Attendance" is no
 *     grade, while the B of "不低于B" is;
 *   - when every label found names the same passing grade, the condition is
 *     "at least that grade" for each host course: a grade at that place of
 *     the scale or better (scales list their grades best first) meets it,
 *     a worse one does not;
 *   - when no label is found, labels of different grades are, or the only
 *     one is a failing grade, the text cannot be read as a minimum: the
 *     advisor checks it. Such a condition is never treated as met.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-model.h"
#include "bridge-text.h"

G_BEGIN_DECLS

typedef enum
{
  BRIDGE_GRADE_CONDITION_TO_CHECK,        /* no minimum grade read: the advisor checks it */
  BRIDGE_GRADE_CONDITION_MET,
  BRIDGE_GRADE_CONDITION_NOT_MET,
} BridgeGradeConditionResult;

/* The minimum grade @condition asks of a course graded on @scale: its index
 * in @scale->grades (best first), or -1 when the text names none (see above). */
int                        bridge_grade_condition_minimum (const BridgeGradingScale *scale,
                                                           const BridgeText         *condition);

/* Whether @grade (a label of @scale or a mark in one of its bands) meets
 * @condition. TO_CHECK when the condition names no minimum grade of
 * @scale, or when @grade is not a grade of @scale. @minimum (may be NULL)
 * gets the label of the minimum grade, or NULL; it belongs to @scale. */
BridgeGradeConditionResult bridge_grade_condition_check   (const BridgeGradingScale *scale,
                                                           const BridgeText         *condition,
                                                           const char               *grade,
                                                           const char              **minimum);

G_END_DECLS
