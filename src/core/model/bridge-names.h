/* bridge-names.h: the names people read for the codes of a plan and a course
 *
 * Terms ("2027-spring"), languages ("zh") and countries ("CN") are kept as
 * codes in the catalog and the plan; a person reads "Spring 2027",
 * "Chinese", "China", in their language. The window, the command line and
 * the PDF all ask these functions, so a code reads the same everywhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bridge-model.h"

G_BEGIN_DECLS

/* "zh" → "Chinese" (translated); a tag's primary language names it
 * ("zh-Hans" → "Chinese"); an unknown code is returned as it is. */
const char *bridge_language_get_name   (const char         *code);
/* The names of @codes joined with ", " ("Chinese, English"); "" for none. */
char       *bridge_language_join_names (const char * const *codes);

/* ISO 3166-1 alpha-2, any case: "CN" → "China" (translated); an unknown
 * code is returned as it is. */
const char *bridge_country_get_name    (const char         *code);

/* The countries bridge_country_get_name () knows, as upper-case codes
 * sorted by code, for choosers (element-type utf8, static). */
const char * const *bridge_country_list_codes (void);

/* The name of the term @term_id: the one @university (may be NULL) gives in
 * the user's language, else one made from an id of the form "2027-spring"
 * ("Spring 2027"), else the id. */
char       *bridge_term_get_label      (BridgeUniversity   *university,
                                        const char         *term_id);

G_END_DECLS
