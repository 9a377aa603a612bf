/* bridge-suggest.c: explained suggestions where the register is silent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bridge-recognize-private.h"

/* Not yet written: no suggestions, only precedents. */
gboolean
bridge_recognize_suggest_replacements (BridgeCatalog              *catalog,
                                       BridgeCourse               *home_course,
                                       const BridgeRecognizeQuery *query,
                                       GPtrArray                  *out,
                                       GError                    **error)
{
  return TRUE;
}

gboolean
bridge_recognize_suggest_for_host (BridgeCatalog              *catalog,
                                   const char                 *home,
                                   GPtrArray                  *host_courses,
                                   const BridgeRecognizeQuery *query,
                                   GPtrArray                  *out,
                                   GError                    **error)
{
  return TRUE;
}
