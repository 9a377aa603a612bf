/* bridge-enum.h: an enumeration's values and their names in files
 *
 * Every enumeration the feed, the plan file, the grading settings or the
 * command line write as a word ("on-campus", "needs-change", "midpoint") is
 * a GEnum type made by gnome.mkenums_simple in the layer that declares it;
 * the word is the value's nick. These two functions are the one table
 * lookup behind every *_to_string () and *_from_string () of the engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nick of @value of the enumeration @type ("on-campus"); NULL, with a
 * critical, for a value @type does not have. */
const char *bridge_enum_to_nick   (GType       type,
                                   int         value);
/* The value of @type whose nick is @nick, exactly (no case folding); FALSE,
 * leaving @out alone, for NULL or a name @type does not know. */
gboolean    bridge_enum_from_nick (GType       type,
                                   const char *nick,
                                   int        *out);
/* Every nick of @type, in the order of the values, joined by @separator
 * (for a message that lists what is allowed). (transfer full) */
char       *bridge_enum_join_nicks (GType       type,
                                    const char *separator);

G_END_DECLS
