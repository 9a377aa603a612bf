/* bridge-comparison.h: two to four courses side by side
 *
 * What a student compares when choosing between, say, three "Circuit
 * Analysis" courses at different universities: the same questions asked of
 * each course, one row a question, one cell a course. The window shows the
 * rows as a table or as cards; every figure comes from the catalog and the
 * credit engine here, so the cells read as the course page does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-catalog.h"

G_BEGIN_DECLS

#define BRIDGE_COMPARISON_MIN_COURSES 2
#define BRIDGE_COMPARISON_MAX_COURSES 4

/* One question asked of every course: @key is a stable word for code and
 * tests ("home-credits", "terms" …), @title the translated question, and
 * @cells the answers, one a course in the comparison's order. @differs is
 * TRUE when the answers are not all the same. */
typedef struct
{
  char     *key;
  char     *title;
  GStrv     cells;
  gboolean  differs;
} BridgeComparisonRow;

typedef struct
{
  char      *home_id;                     /* may be NULL: no home chosen */
  GPtrArray *courses;                     /* element-type BridgeCourse */
  GPtrArray *credits;                     /* element-type BridgeCreditResult (nullable) */
  GPtrArray *rows;                        /* element-type BridgeComparisonRow */
} BridgeComparison;

void              bridge_comparison_free      (BridgeComparison *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeComparison, bridge_comparison_free)

/* Whether @n courses can be compared: fails with BRIDGE_ERROR_INVALID_INPUT
 * and a message saying how many to add or remove otherwise. */
gboolean          bridge_comparison_check_count (guint      n,
                                                 GError   **error);

/* Compares @courses (element-type BridgeCourse, two to four, each once) as
 * seen from the home university @home_id (NULL or "": none chosen yet; the
 * home credits then say so). The rows, in order: "course", "university",
 * "home-credits", "local-credits", "workload", "lecture", "lab", "seminar",
 * "practice", "level", "cycle", "field", "terms", "languages", "delivery",
 * "seats", "grading-table", "outcomes". Fails as bridge_comparison_check_count ()
 * for too few or too many courses, with BRIDGE_ERROR_INVALID_INPUT for a
 * course given twice, and when the catalog cannot be read. */
BridgeComparison *bridge_comparison_new       (BridgeCatalog     *catalog,
                                               GPtrArray         *courses,
                                               const char        *home_id,
                                               GError           **error);

/* The row @key, or NULL. */
const BridgeComparisonRow *bridge_comparison_find_row (const BridgeComparison *self,
                                                       const char             *key);

G_END_DECLS
