/* serve-feed.c: a catalog feed on this computer, as an alliance office serves it
 *
 *   serve-feed FOLDER
 *
 * serves the files of FOLDER (feed.json and its course files) on
 * http://127.0.0.1 at a free port, with an ETag and a Last-Modified date for
 * each and 304 Not Modified for a file the client has, as nginx, Apache or a
 * CDN do; prints the feed's address on the first line and serves until its
 * standard input closes. The README's example of publishing a feed and
 * `catalog update` run against it (test-cli-update.sh). python3 -m
 * http.server would not do: it sends no ETag.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gunixinputstream.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "feed-server.h"

typedef struct
{
  char             *folder;
  FeedServerCounts  counts;
} Served;

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Served *served = user_data;
  g_autofree char *file = NULL;

  if (strstr (path, "..") != NULL || !g_str_equal (soup_server_message_get_method (message), "GET"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  file = g_build_filename (served->folder, path, NULL);
  feed_server_answer (message, file, TRUE, &served->counts);
  g_printerr ("%s %s %u\n", soup_server_message_get_method (message), path,
              soup_server_message_get_status (message));
}

static void
stdin_closed_cb (GObject      *stream,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (stream), result, NULL);

  if (bytes != NULL && g_bytes_get_size (bytes) > 0)
    g_input_stream_read_bytes_async (G_INPUT_STREAM (stream), 256, G_PRIORITY_DEFAULT, NULL, stdin_closed_cb,
                                     user_data);
  else
    g_main_loop_quit (user_data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GError) error = NULL;
  Served served = { 0 };
  GSList *uris;

  setlocale (LC_ALL, "");
  if (argc != 2 || !g_file_test (argv[1], G_FILE_TEST_IS_DIR))
    {
      g_printerr ("usage: serve-feed FOLDER (a folder with feed.json)\n");
      return 2;
    }
  served.folder = argv[1];
  server = soup_server_new ("server-header", "credit-bridge-serve-feed", NULL);
  soup_server_add_handler (server, NULL, handle_cb, &served, NULL);
  if (!soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      g_printerr ("serve-feed: %s\n", error->message);
      return 1;
    }
  uris = soup_server_get_uris (server);
  printf ("http://127.0.0.1:%d/feed.json\n", g_uri_get_port (uris->data));
  fflush (stdout);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  loop = g_main_loop_new (NULL, FALSE);
  input = g_unix_input_stream_new (0, FALSE);
  g_input_stream_read_bytes_async (input, 256, G_PRIORITY_DEFAULT, NULL, stdin_closed_cb, loop);
  g_main_loop_run (loop);
  soup_server_disconnect (server);
  return 0;
}
