/* bridge-ewp-private.h: what the EWP writer (bridge-ewp-write.c) and reader
 * (bridge-ewp-read.c) share: the namespaces, the words of the
 * recognition-conditions, and the helpers both need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bridge-catalog.h"

G_BEGIN_DECLS

#define EWP_NS "https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/get-response.xsd"
#define TRM_NS "https://github.com/erasmus-without-paper/ewp-specs-types-academic-term/tree/stable-v2"
/* A Table B component's recognition-conditions: "Recognised for: CS301 +
 * CS302. Automatic recognition." */
#define RECOGNISED_FOR "Recognised for: "
#define AUTOMATIC "Automatic recognition."
/* Then, when the register's valid decision recognises the group: the
 * decision's reference and date, and its condition in English. */
#define RECOGNISED_BY "Recognised by decision %s of %s"

/* TRUE when @name starts with a CJK character: written family name first. */
gboolean  bridge_ewp_is_cjk_name      (const char *name);
/* The academic year ("2026/2027") a date YYYY-MM-DD falls in: August and
 * later start one. NULL when @date is not a date. */
char     *bridge_ewp_academic_year_of (const char *date);

G_END_DECLS
