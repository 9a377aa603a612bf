/* bridge-grade-preview.h: what a host grade becomes at home
 *
 * A host grade (chosen, or typed as a mark), the rule, the suggested home
 * grade with its candidates and the reason, and both grading tables drawn as
 * charts. The conversion is bridge_grade_convert() from core.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bridge-context.h"
#include "bridge-grading.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_GRADE_PREVIEW (bridge_grade_preview_get_type ())
G_DECLARE_FINAL_TYPE (BridgeGradePreview, bridge_grade_preview, BRIDGE, GRADE_PREVIEW, GtkWidget)

GtkWidget *bridge_grade_preview_new      (void);
void       bridge_grade_preview_set_context (BridgeGradePreview *self,
                                             BridgeContext      *context);
/* Converts from @host to @home for a course in @isced and @cycle; @scale_id
 * (may be NULL) is the host course's grading scale. */
void       bridge_grade_preview_set_pair (BridgeGradePreview *self,
                                          BridgeUniversity   *host,
                                          BridgeUniversity   *home,
                                          const char         *isced,
                                          BridgeCycle         cycle,
                                          const char         *scale_id);
/* Types @grade (a label or a mark) as the user would. */
void       bridge_grade_preview_set_grade (BridgeGradePreview *self,
                                           const char         *grade);
/* The last conversion (NULL if none or failed) and the suggested grade's label. */
const BridgeGradeConversion *bridge_grade_preview_get_conversion (BridgeGradePreview *self);
const char *bridge_grade_preview_get_result_text (BridgeGradePreview *self);

/* Shared with the results view, so both choose grades and rules alike ----- */

/* The conversion rules in the order the window offers them, labelled for people. */
GtkStringList            *bridge_grade_preview_rule_list_new  (void);
const char               *bridge_grade_preview_rule_label     (BridgeGradeRule           rule);
BridgeGradeRule           bridge_grade_preview_rule_at        (guint                     position);
guint                     bridge_grade_preview_rule_position  (BridgeGradeRule           rule);
/* The scale @host grades a course in: @scale_id (may be NULL), else the
 * scale of the table for @isced and @cycle, else the university's first. */
const BridgeGradingScale *bridge_grade_preview_find_scale     (BridgeUniversity         *host,
                                                               const char               *isced,
                                                               BridgeCycle               cycle,
                                                               const char               *scale_id);
/* The passing grades of @scale (may be NULL) to choose from, with their
 * bands ("A (90–100)"); their bare labels are appended to @labels. */
GtkStringList            *bridge_grade_preview_choices_new    (const BridgeGradingScale *scale,
                                                               GPtrArray                *labels);

G_END_DECLS
