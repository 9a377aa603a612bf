/* bridge-file.h: writing a person's files whole or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces the file at @path with @contents, atomically: the new contents go
 * to a temporary file beside it (of its target, when @path is a symbolic
 * link, so the link stays a link), are flushed to the disk and renamed over
 * it. On any failure the old file is left byte for byte, no temporary file
 * remains, and the G_IO_ERROR names the file and says it was not changed. */
gboolean bridge_file_write (const char  *path,
                            const char  *contents,
                            gsize        length,
                            GError     **error);

/* Whether @a and @b are one file (same device and inode), through symbolic
 * and hard links; FALSE when either does not exist. */
gboolean bridge_file_is_same (const char *a,
                              const char *b);

G_END_DECLS
