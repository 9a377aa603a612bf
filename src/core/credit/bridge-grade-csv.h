/* bridge-grade-csv.h: grading tables and scales as CSV files
 *
 * A table file: a header `grade,count` or `grade,percent`, then one row per
 * passing grade, best first. Counts are non-negative integers; percentages
 * have at most two decimals and are taken exactly (as hundredths), and must
 * add up to 100 (± 1, for rounding in published tables).
 *
 * A scale file: a header `label,min,max,passing`, then one row per grade,
 * best first; min and max are both given (numeric marks, 85 or 84.5) or both
 * empty; passing is yes/no (also true/false, 1/0).
 *
 * Files are UTF-8, with or without a byte order mark, with LF or CRLF line
 * ends; a field may be quoted ("…", with "" for a quote). Blank lines are
 * skipped. Every error names the file and line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bridge-model.h"

G_BEGIN_DECLS

typedef enum
{
  BRIDGE_GRADE_CSV_NONE = 0,
  /* Numeric grade labels where a lower number is better (German 1.0–4.0):
   * listed best first, they rise. Without it numeric labels must fall. */
  BRIDGE_GRADE_CSV_LOWER_IS_BETTER = 1 << 0,
} BridgeGradeCsvFlags;

/* @name names the file in messages. @is_percent (may be NULL) tells the
 * form; percent tables come back with counts in hundredths of a percent. */
BridgeGradingTable *bridge_grade_csv_parse_table (const char           *data,
                                                  gsize                 length,
                                                  const char           *name,
                                                  BridgeGradeCsvFlags   flags,
                                                  gboolean             *is_percent,
                                                  GError              **error);
BridgeGradingTable *bridge_grade_csv_load_table  (const char           *path,
                                                  BridgeGradeCsvFlags   flags,
                                                  gboolean             *is_percent,
                                                  GError              **error);

BridgeGradingScale *bridge_grade_csv_parse_scale (const char           *data,
                                                  gsize                 length,
                                                  const char           *name,
                                                  GError              **error);
BridgeGradingScale *bridge_grade_csv_load_scale  (const char           *path,
                                                  GError              **error);

G_END_DECLS
