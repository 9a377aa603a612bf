/* bridge-recognize-private.h: what bridge-recognize.c and bridge-suggest.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-recognize.h"

G_BEGIN_DECLS

/* A new option with no courses, no reasons (an empty array) and score 0. */
BridgeRecognitionOption *bridge_recognition_option_new (BridgeRecognitionKind kind,
                                                        const char           *home,
                                                        const char           *host);
/* "YYYY-MM-DD": @query's day, or today. */
char     *bridge_recognize_today                (const BridgeRecognizeQuery *query);

/* bridge-suggest.c: appends to @out (which holds the precedents already)
 * the suggestions, best first, at most @query->limit. Courses a precedent
 * of @out already names are not suggested again. */
gboolean  bridge_recognize_suggest_replacements (BridgeCatalog              *catalog,
                                                 BridgeCourse               *home_course,
                                                 const BridgeRecognizeQuery *query,
                                                 GPtrArray                  *out,
                                                 GError                    **error);
gboolean  bridge_recognize_suggest_for_host     (BridgeCatalog              *catalog,
                                                 const char                 *home,
                                                 GPtrArray                  *host_courses,   /* element-type BridgeCourse */
                                                 const BridgeRecognizeQuery *query,
                                                 GPtrArray                  *out,
                                                 GError                    **error);

G_END_DECLS
