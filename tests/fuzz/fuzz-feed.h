/* fuzz-feed.h: the feed reader's fuzzing harness, shared by libFuzzer and
 * the plain regression runner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fuzz-common.h"

G_BEGIN_DECLS

/* The input is split on this byte into the root document and up to two
 * course files: ROOT [0x1E FILE1 [0x1E FILE2]]. FILE2 takes the rest. */
#define FUZZ_FEED_SEPARATOR '\x1e'

/* Installs a log writer that aborts on warnings and criticals. Idempotent. */
void           fuzz_feed_init (void);

/* Reads @data as a feed with a sink that checks every object it is given
 * against the contract of bridge-feed.h; aborts (with a message on stderr)
 * when the reader breaks it. On refusal, @message (may be NULL) receives the
 * reader's error message. */
FuzzResult     fuzz_feed_run  (const guint8  *data,
                               gsize          size,
                               char         **message);

G_END_DECLS
