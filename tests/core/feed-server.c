/* feed-server.c: answering for a feed's files as a static web server does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "feed-server.h"

void
feed_server_answer (SoupServerMessage *message,
                    const char        *path,
                    gboolean           etags,
                    FeedServerCounts  *counts)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (message);
  g_autofree char *contents = NULL;
  g_autofree char *checksum = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *modified = NULL;
  g_autoptr(GDateTime) mtime = NULL;
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  const char *if_modified_since = soup_message_headers_get_one (request, "If-Modified-Since");
  gboolean fresh = FALSE;
  GStatBuf buf;
  gsize len;

  if (g_stat (path, &buf) != 0 || !g_file_get_contents (path, &contents, &len, NULL))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA1, (const guchar *) contents, len);
  etag = g_strdup_printf ("\"%s\"", checksum);
  mtime = g_date_time_new_from_unix_utc (buf.st_mtime);
  modified = soup_date_time_to_string (mtime, SOUP_DATE_HTTP);
  if (if_none_match != NULL || if_modified_since != NULL)
    g_atomic_int_inc (&counts->conditional);
  if (etags && if_none_match != NULL)
    fresh = g_str_equal (if_none_match, etag);
  else if (if_modified_since != NULL)
    {
      g_autoptr(GDateTime) since = soup_date_time_new_from_http_string (if_modified_since);

      fresh = since != NULL && g_date_time_compare (mtime, since) <= 0;
    }
  if (etags)
    soup_message_headers_replace (response, "ETag", etag);
  soup_message_headers_replace (response, "Last-Modified", modified);
  if (fresh)
    {
      g_atomic_int_inc (&counts->not_modified);
      soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  g_atomic_int_inc (&counts->bodies);
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, g_str_has_suffix (path, ".jsonl") ? "application/jsonl"
                                                                                : "application/json",
                                    SOUP_MEMORY_TAKE, g_steal_pointer (&contents), len);
}
