/* bridge-grading-private.h: what the grading tables and scales
 * (bridge-grading.c) and the grade conversion (bridge-grade-convert.c) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bridge-grading.h"
#include "bridge-json.h"
#include "bridge-rational.h"

G_BEGIN_DECLS

/* The spec's threshold: a table of fewer than 100 grades is too small to
 * convert reliably. Percent tables do not say how many grades they count. */
#define MIN_RELIABLE_TOTAL 100

/* A percentage of @fraction: one decimal, halves up. */
double  bridge_grading_percent_value       (BridgeRational            fraction);
/* The name of @scale, else its id, for messages. */
char   *bridge_grading_scale_label         (const BridgeGradingScale *scale);

G_END_DECLS
