/* feed-server.h: answering for a feed's files as a static web server does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* What a server answered, counted atomically: it runs in a thread of its own. */
typedef struct
{
  gint bodies;        /* 200 with the file */
  gint not_modified;  /* 304 */
  gint conditional;   /* requests with If-None-Match or If-Modified-Since */
} FeedServerCounts;

/* Answers @message with the file at @path as nginx or Apache do: an ETag (a
 * hash of the bytes; none when @etags is FALSE) and a Last-Modified date
 * (the file's), and 304 Not Modified when the request's If-None-Match (or,
 * without it, If-Modified-Since) says the client has it; 404 when there is
 * no such file. */
void feed_server_answer (SoupServerMessage *message,
                         const char        *path,
                         gboolean           etags,
                         FeedServerCounts  *counts);

G_END_DECLS
