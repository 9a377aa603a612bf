/* bridge-feed-fetch.c: getting a catalog feed's files, from disk or the web
 *
 * A feed named by a GFile is read with GIO; one on the web (https://, or
 * http:// on this computer) with libsoup, within the limits of a download.
 * Either way the files go to the reader of bridge-feed.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-feed"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>
#include <unistd.h>

#include "bridge-error.h"
#include "bridge-feed-private.h"

/* The message for a download beyond the limit, naming its URL. */
static gboolean
set_too_large (const char  *where,
               guint64      limit,
               GError     **error)
{
  g_autofree char *size = g_format_size_full (limit, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
               _("The download of %s was stopped: it is larger than %s, the most Credit Bridge reads of one file "
                 "of a feed. A feed this large must be split into more course files; tell the alliance office."),
               where, size);
  return FALSE;
}

gboolean
bridge_feed_download_too_large (Reader      *reader,
                                const char  *name,
                                GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *where = NULL;

  if (reader->web_base != NULL)
    uri = g_uri_parse_relative (reader->web_base, name, G_URI_FLAGS_ENCODED, NULL);
  where = uri ? g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD) : g_strdup (name);
  return set_too_large (where, reader->file_limit, error);
}

/* Course files from a GFile feed: resolved against the feed's location. */
static GFile *
resolve_relative (GFile       *feed,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (feed);

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("the feed has no folder"));
      return NULL;
    }
  return g_file_resolve_relative_path (parent, name);
}

static gboolean
size_relative (const char  *name,
               gpointer     data,
               guint64     *size,
               GError     **error)
{
  g_autoptr(GFile) file = resolve_relative (data, name, error);
  g_autoptr(GFileInfo) info = NULL;

  if (file == NULL)
    return FALSE;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  *size = (guint64) g_file_info_get_size (info);
  return TRUE;
}

static GInputStream *
open_relative (const char  *name,
               gpointer     data,
               guint64     *size,
               GError     **error)
{
  g_autoptr(GFile) file = resolve_relative (data, name, error);

  if (file == NULL)
    return NULL;
  return G_INPUT_STREAM (g_file_read (file, NULL, error));
}

/* Feeds on the web: the root and every course file over HTTP(S) with libsoup,
 * since GIO alone reads https only where gvfs runs. Each file may be at most
 * DOWNLOAD_MAX_BYTES, and the whole feed must arrive within
 * DOWNLOAD_DEADLINE seconds; help/C/command-line.page says both, and the
 * environment variables of the same names without DOWNLOAD_ may lower them
 * for tests. */
#define DOWNLOAD_MAX_BYTES (G_GUINT64_CONSTANT (256) << 20)
#define DOWNLOAD_DEADLINE  (10 * 60)
/* A server that sends nothing for this long has gone away
 * (CREDIT_BRIDGE_DOWNLOAD_IDLE may lower it for tests). */
#define DOWNLOAD_IDLE_SECONDS 60
/* Redirections followed for one file, never from https to http. */
#define DOWNLOAD_MAX_REDIRECTS 5

typedef struct
{
  SoupSession  *session;
  GUri         *base;
  GCancellable *cancellable;  /* cancelled by the caller's, or at the deadline */
  guint64       limit;
  char         *current;      /* the URL being read, for messages */
} WebFeed;

/* Stops a download at its deadline: a thread cancels the download's
 * cancellable then, wherever the download is blocked. */
typedef struct
{
  GMutex        lock;
  GCond         cond;
  gboolean      done;
  gboolean      expired;
  gint64        end;          /* monotonic time */
  GCancellable *cancellable;
  GThread      *thread;
} Deadline;

static gpointer
deadline_thread (gpointer data)
{
  Deadline *deadline = data;

  g_mutex_lock (&deadline->lock);
  while (!deadline->done)
    if (!g_cond_wait_until (&deadline->cond, &deadline->lock, deadline->end))
      {
        deadline->expired = TRUE;
        g_cancellable_cancel (deadline->cancellable);
        break;
      }
  g_mutex_unlock (&deadline->lock);
  return NULL;
}

static void
deadline_start (Deadline     *deadline,
                GCancellable *cancellable,
                guint64       seconds)
{
  g_mutex_init (&deadline->lock);
  g_cond_init (&deadline->cond);
  deadline->cancellable = cancellable;
  deadline->end = g_get_monotonic_time () + (gint64) MIN (seconds, G_MAXINT32) * G_TIME_SPAN_SECOND;
  deadline->thread = g_thread_new ("download-deadline", deadline_thread, deadline);
}

static void
deadline_stop (Deadline *deadline)
{
  g_mutex_lock (&deadline->lock);
  deadline->done = TRUE;
  g_cond_signal (&deadline->cond);
  g_mutex_unlock (&deadline->lock);
  g_thread_join (deadline->thread);
  g_mutex_clear (&deadline->lock);
  g_cond_clear (&deadline->cond);
}

static guint64
env_number (const char *name,
            guint64     fallback)
{
  const char *value = g_getenv (name);
  guint64 number;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT64, &number, NULL))
    return fallback;
  return number;
}

static void
forward_cancel_cb (GCancellable *cancellable,
                   gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* https everywhere; plain http only to this computer, where nobody is on the way. */
static gboolean
check_web_uri (GUri    *uri,
               GError **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  g_autofree char *where = NULL;

  if (g_ascii_strcasecmp (scheme, "https") == 0
      || (g_ascii_strcasecmp (scheme, "http") == 0 && is_loopback_host (g_uri_get_host (uri))))
    return TRUE;
  where = g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD);
  g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
               _("%s was not downloaded: over plain http anyone on the way can read and change it. Use its "
                 "https:// address (plain http is only allowed to this computer: localhost, 127.0.0.1, ::1)."),
               where);
  return FALSE;
}

/* Sends a GET for @uri (with the request headers @conditions, may be NULL),
 * following at most DOWNLOAD_MAX_REDIRECTS redirections, each to where a
 * feed may be read from and never from https to http; @message_out is the
 * last message. Any status but a redirection is the caller's to judge. */
static GInputStream *
web_send (WebFeed             *web,
          GUri                *uri,
          SoupMessageHeaders  *conditions,
          SoupMessage        **message_out,
          GError             **error)
{
  g_autoptr(GUri) current = g_uri_ref (uri);

  for (guint redirects = 0;; redirects++)
    {
      g_autoptr(SoupMessage) message = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GUri) next = NULL;
      const char *location;
      guint status;

      if (!check_web_uri (current, error))
        return NULL;
      g_free (web->current);
      web->current = g_uri_to_string_partial (current, G_URI_HIDE_PASSWORD);
      message = soup_message_new_from_uri ("GET", current);
      soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
      if (conditions != NULL)
        {
          const char *value;

          if ((value = soup_message_headers_get_one (conditions, "If-None-Match")) != NULL)
            soup_message_headers_replace (soup_message_get_request_headers (message), "If-None-Match", value);
          if ((value = soup_message_headers_get_one (conditions, "If-Modified-Since")) != NULL)
            soup_message_headers_replace (soup_message_get_request_headers (message), "If-Modified-Since", value);
        }
      stream = soup_session_send (web->session, message, web->cancellable, error);
      if (stream == NULL)
        return NULL;
      status = soup_message_get_status (message);
      location = soup_message_headers_get_one (soup_message_get_response_headers (message), "Location");
      if (!SOUP_STATUS_IS_REDIRECTION (status) || status == SOUP_STATUS_NOT_MODIFIED || location == NULL)
        {
          *message_out = g_steal_pointer (&message);
          return g_steal_pointer (&stream);
        }
      g_input_stream_close (stream, NULL, NULL);
      next = g_uri_parse_relative (current, location, G_URI_FLAGS_ENCODED, NULL);
      if (next == NULL || redirects + 1 > DOWNLOAD_MAX_REDIRECTS)
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                       next == NULL
                       ? _("The server of %s sent a redirection to “%s”, which is not an address. Tell the alliance "
                           "office.")
                       : _("The server of %s sent more than five redirections in a row (the last to %s): it "
                           "probably sends them in a loop. Tell the alliance office."),
                       web->current, location);
          return NULL;
        }
      /* A redirection from https to http would hand the feed to anyone on the way. */
      if (g_ascii_strcasecmp (g_uri_get_scheme (current), "https") == 0
          && g_ascii_strcasecmp (g_uri_get_scheme (next), "https") != 0)
        {
          g_autofree char *where = g_uri_to_string_partial (next, G_URI_HIDE_PASSWORD);

          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                       _("The server of %s redirected the download to %s, from https to plain http, where anyone "
                         "on the way could read and change the feed: it was refused. Tell the alliance office."),
                       web->current, where);
          return NULL;
        }
      g_clear_pointer (&current, g_uri_unref);
      current = g_steal_pointer (&next);
    }
}

static GInputStream *
web_open (WebFeed     *web,
          GUri        *uri,
          guint64     *size,
          GError     **error)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  goffset length;

  stream = web_send (web, uri, NULL, &message, error);
  if (stream == NULL)
    return NULL;
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the server answered %u %s for %s"),
                   soup_message_get_status (message), soup_message_get_reason_phrase (message), web->current);
      return NULL;
    }
  length = soup_message_headers_get_content_length (soup_message_get_response_headers (message));
  if (length > 0 && (guint64) length > web->limit)
    {
      set_too_large (web->current, web->limit, error);
      return NULL;
    }
  if (size != NULL)
    *size = length > 0 ? (guint64) length : 0;
  return g_steal_pointer (&stream);
}

static GInputStream *
web_open_relative (const char  *name,
                   gpointer     data,
                   guint64     *size,
                   GError     **error)
{
  WebFeed *web = data;
  g_autoptr(GUri) uri = g_uri_parse_relative (web->base, name, G_URI_FLAGS_ENCODED, error);

  if (uri == NULL)
    return NULL;
  return web_open (web, uri, size, error);
}

/* The root document, whole, NUL-terminated for the parser's messages. */
static GByteArray *
web_download (WebFeed  *web,
              GError  **error)
{
  g_autoptr(GInputStream) stream = web_open (web, web->base, NULL, error);
  g_autoptr(GByteArray) array = NULL;
  g_autofree guint8 *chunk = NULL;

  if (stream == NULL)
    return NULL;
  array = g_byte_array_new ();
  chunk = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize n = g_input_stream_read (stream, chunk, CHUNK_SIZE, web->cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if ((guint64) array->len + (guint64) n > web->limit)
        {
          set_too_large (web->current, web->limit, error);
          return NULL;
        }
      g_byte_array_append (array, chunk, (guint) n);
    }
  if (!g_input_stream_close (stream, web->cancellable, error))
    return NULL;
  g_byte_array_append (array, (const guint8 *) "", 1);
  return g_steal_pointer (&array);
}

static char *
format_duration (guint64 seconds)
{
  if (seconds % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", (gulong) (seconds / 60)),
                            (guint) (seconds / 60));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", (gulong) seconds),
                          (guint) seconds);
}

/* The session of a download: the idle timeout, and the certificates of the
 * system. CREDIT_BRIDGE_TEST_CA is for the tests only (tests/core/tls/): it
 * names a PEM file of certificates trusted instead of the system's, so that
 * a test server on 127.0.0.1 can have a certificate of its own; the help
 * does not mention it and nothing else sets it. */
static SoupSession *
web_session_new (void)
{
  guint64 idle = env_number ("CREDIT_BRIDGE_DOWNLOAD_IDLE", DOWNLOAD_IDLE_SECONDS);
  SoupSession *session = soup_session_new_with_options ("user-agent", "credit-bridge/" PACKAGE_VERSION,
                                                        "timeout", (guint) MIN (idle, G_MAXUINT), NULL);
  const char *test_ca = g_getenv ("CREDIT_BRIDGE_TEST_CA");

  if (test_ca != NULL && test_ca[0] != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTlsDatabase) database = g_tls_file_database_new (test_ca, &error);

      if (database == NULL)
        g_warning ("CREDIT_BRIDGE_TEST_CA: %s", error->message);
      else
        soup_session_set_tls_database (session, database);
    }
  return session;
}

/* The message of a download that failed with @local_error (taken), for
 * people: the deadline, cancellation, a server gone quiet and an untrusted
 * certificate each say so, naming the file; @text is the feed's address. */
static void
web_fail (WebFeed      *web,
          const char   *text,
          GError       *local_error,
          gboolean      expired,
          guint64       seconds,
          GCancellable *cancellable,
          gboolean      wrap,
          GError      **error)
{
  const char *where = web->current ? web->current : text;

  if (expired)
    {
      g_autofree char *duration = format_duration (seconds);

      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("The download of %s did not finish within %s, the most a feed may take: the server sends too "
                     "slowly or without end. Try again later; if it keeps happening, tell the alliance office."),
                   where, duration);
    }
  else if (g_cancellable_is_cancelled (cancellable))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The import was cancelled"));
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      g_autofree char *duration = format_duration (env_number ("CREDIT_BRIDGE_DOWNLOAD_IDLE",
                                                               DOWNLOAD_IDLE_SECONDS));

      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("The download of %s was stopped: the server sent nothing for %s. Check your network "
                     "connection and try again later; if it keeps happening, tell the alliance office."),
                   where, duration);
    }
  else if (g_error_matches (local_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                 _("%s was not downloaded: the server’s certificate is not one this computer trusts (%s), so "
                   "anyone could be pretending to be it. Check the address; if it is right, tell the alliance "
                   "office."),
                 where, local_error->message);
  else if (wrap && local_error->domain != BRIDGE_ERROR)
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                 _("Cannot read the catalog feed %s: %s"), text, local_error->message);
  else
    {
      g_propagate_error (error, local_error);
      return;
    }
  g_error_free (local_error);
}

static gboolean
read_web_feed (GFile                *source,
               const BridgeFeedSink *sink,
               gpointer              user_data,
               GCancellable         *cancellable,
               GError              **error)
{
  g_autofree char *text = g_file_get_uri (source);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GCancellable) download_cancellable = g_cancellable_new ();
  g_autoptr(GByteArray) array = NULL;
  guint64 seconds = env_number ("CREDIT_BRIDGE_DOWNLOAD_DEADLINE", DOWNLOAD_DEADLINE);
  WebFeed web = { 0 };
  CourseFileOpener opener = { web_open_relative, NULL, &web };
  Deadline deadline = { 0 };
  gulong handler = 0;
  gboolean ok = FALSE;

  web.base = g_uri_parse (text, G_URI_FLAGS_ENCODED, &local_error);
  if (web.base == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("Cannot read the catalog feed %s: %s"), text, local_error->message);
      return FALSE;
    }
  /* Refused before any connection is made. */
  if (!check_web_uri (web.base, error))
    {
      g_uri_unref (web.base);
      return FALSE;
    }
  web.limit = env_number ("CREDIT_BRIDGE_DOWNLOAD_LIMIT", DOWNLOAD_MAX_BYTES);
  web.cancellable = download_cancellable;
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel_cb), download_cancellable, NULL);
  deadline_start (&deadline, download_cancellable, seconds);
  web.session = web_session_new ();

  array = web_download (&web, &local_error);
  if (array != NULL)
    {
      g_autofree char *name = g_path_get_basename (g_uri_get_path (web.base));
      gsize len = array->len - 1;
      Reader reader;

      bridge_feed_reader_init (&reader, sink, user_data, download_cancellable);
      reader.bytes_total = len;
      reader.bytes_done = len;
      reader.file_limit = web.limit;
      reader.web_base = web.base;
      ok = bridge_feed_read_document (&reader, name, (const char *) array->data, len, &opener, &local_error);
      bridge_feed_reader_clear (&reader);
    }
  deadline_stop (&deadline);
  if (handler != 0)
    g_cancellable_disconnect (cancellable, handler);

  if (!ok)
    web_fail (&web, text, g_steal_pointer (&local_error), deadline.expired, seconds, cancellable, array == NULL,
              error);

  g_clear_object (&web.session);
  g_clear_pointer (&web.base, g_uri_unref);
  g_free (web.current);
  return ok;
}

gboolean
bridge_feed_is_web_uri (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_ENCODED, NULL);

  return uri != NULL && check_web_uri (uri, NULL);
}

static gboolean
is_web (GFile *source)
{
  return g_file_has_uri_scheme (source, "http") || g_file_has_uri_scheme (source, "https");
}

gboolean
bridge_feed_read (GFile                *source,
                  const BridgeFeedSink *sink,
                  gpointer              user_data,
                  GCancellable         *cancellable,
                  GError              **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  CourseFileOpener opener = { open_relative, size_relative, source };
  Reader reader;
  gsize len = 0;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (source), FALSE);
  g_return_val_if_fail (sink != NULL, FALSE);

  if (is_web (source))
    return read_web_feed (source, sink, user_data, cancellable, error);

  name = g_file_get_basename (source);
  if (!g_file_load_contents (source, cancellable, &contents, &len, NULL, &local_error))
    {
      g_autofree char *where = g_file_get_parse_name (source);
      gboolean cancelled = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      g_set_error (error, cancelled ? G_IO_ERROR : BRIDGE_ERROR,
                   cancelled ? G_IO_ERROR_CANCELLED : BRIDGE_ERROR_FAILED,
                   _("Cannot read the catalog feed %s: %s"), where, local_error->message);
      return FALSE;
    }

  bridge_feed_reader_init (&reader, sink, user_data, cancellable);
  reader.bytes_total = len;
  reader.bytes_done = len;
  ok = bridge_feed_read_document (&reader, name, contents, len, &opener, error);
  bridge_feed_reader_clear (&reader);
  return ok;
}
char *
bridge_feed_describe_web_limits (void)
{
  g_autofree char *size = g_format_size_full (env_number ("CREDIT_BRIDGE_DOWNLOAD_LIMIT", DOWNLOAD_MAX_BYTES),
                                              G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *duration = format_duration (env_number ("CREDIT_BRIDGE_DOWNLOAD_DEADLINE", DOWNLOAD_DEADLINE));
  g_autofree char *idle = format_duration (env_number ("CREDIT_BRIDGE_DOWNLOAD_IDLE", DOWNLOAD_IDLE_SECONDS));
  g_autofree char *limits = NULL;
  g_autofree char *rules = NULL;

  /* Translators: the first %s is a size (256 MiB), the second a duration (10 minutes) */
  limits = g_strdup_printf (_("From the web, each file of a feed may be at most %s, and the whole feed must arrive "
                              "within %s. Feeds are read over https://; plain http:// only from this computer "
                              "(localhost, 127.0.0.1, ::1)."),
                            size, duration);
  /* Translators: %u is a number of redirections (5), %s a duration (1 minute) */
  rules = g_strdup_printf (_("The server’s certificate must be trusted by this computer; at most %u redirections are "
                             "followed, never from https:// to http://; a download that receives nothing for %s "
                             "stops."),
                           (guint) DOWNLOAD_MAX_REDIRECTS, idle);
  /* Translators: two sentences one after the other (Chinese needs no space) */
  return g_strdup_printf (C_("two sentences", "%s %s"), limits, rules);
}

/* Mirroring a web feed, for updates: each file is kept, with the validators
 * the server sent, so that the next download can ask whether it changed. */

#define MIRROR_INDEX "index.json"
#define MIRROR_FILES "files"

typedef struct
{
  WebFeed                 web;
  char                   *into_files;
  char                   *kept_files;   /* NULL when nothing is kept of this URL */
  JsonObject             *kept_index;   /* name → { "etag", "last_modified" } */
  JsonObject             *index;        /* the same, of this download */
  BridgeFeedMirrorReport *report;
} Mirror;

/* The "files" of @folder's index when it is a download of @url. */
static JsonObject *
load_index (const char *folder,
            const char *url)
{
  g_autofree char *path = g_build_filename (folder, MIRROR_INDEX, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *node;

  if (!json_parser_load_from_file (parser, path, NULL)
      || (node = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  node = json_object_get_member (object, "source");
  if (node == NULL || !bridge_feed_is_string (node) || g_strcmp0 (json_node_get_string (node), url) != 0)
    return NULL;
  node = json_object_get_member (object, "files");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

static const char *
index_string (JsonObject *entry,
              const char *member)
{
  JsonNode *node = json_object_get_member (entry, member);

  return node != NULL && bridge_feed_is_string (node) ? json_node_get_string (node) : NULL;
}

/* A file the server did not change: a hard link to the kept copy (kept files
 * are never written again, only replaced with their folder), or a copy. */
static gboolean
keep_copy (const char  *kept,
           const char  *path,
           GError     **error)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) destination = NULL;

  if (link (kept, path) == 0)
    return TRUE;
  source = g_file_new_for_path (kept);
  destination = g_file_new_for_path (path);
  return g_file_copy (source, destination, G_FILE_COPY_NONE, NULL, NULL, NULL, error);
}

/* Writes the body of @stream to @path, within the size limit. */
static gboolean
save_body (Mirror        *mirror,
           GInputStream  *stream,
           const char    *path,
           GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = g_file_create (file, G_FILE_CREATE_PRIVATE, mirror->web.cancellable, error);
  g_autofree guint8 *chunk = NULL;
  guint64 total = 0;

  if (out == NULL)
    return FALSE;
  chunk = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize n = g_input_stream_read (stream, chunk, CHUNK_SIZE, mirror->web.cancellable, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      total += (guint64) n;
      if (total > mirror->web.limit)
        return set_too_large (mirror->web.current, mirror->web.limit, error);
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), chunk, (gsize) n, NULL,
                                      mirror->web.cancellable, error))
        return FALSE;
    }
  mirror->report->bytes_downloaded += total;
  return g_input_stream_close (stream, mirror->web.cancellable, error)
         && g_output_stream_close (G_OUTPUT_STREAM (out), mirror->web.cancellable, error);
}

static void
set_index_member (JsonObject *entry,
                  const char *member,
                  const char *value)
{
  if (value != NULL)
    json_object_set_string_member (entry, member, value);
}

/* Gets the feed's file @name from @uri into the mirror, asking with the kept
 * copy's validators when there is one. */
static gboolean
mirror_file (Mirror      *mirror,
             GUri        *uri,
             const char  *name,
             GError     **error)
{
  g_autoptr(SoupMessageHeaders) conditions = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *path = g_build_filename (mirror->into_files, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *kept_path = NULL;
  SoupMessageHeaders *headers;
  JsonObject *kept = NULL;
  JsonObject *entry;
  JsonNode *node;
  const char *etag;
  const char *modified;
  guint status;

  node = mirror->kept_index ? json_object_get_member (mirror->kept_index, name) : NULL;
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      kept_path = g_build_filename (mirror->kept_files, name, NULL);
      if (g_file_test (kept_path, G_FILE_TEST_IS_REGULAR))
        kept = json_node_get_object (node);
    }
  if (kept != NULL && (index_string (kept, "etag") != NULL || index_string (kept, "last_modified") != NULL))
    {
      conditions = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
      if ((etag = index_string (kept, "etag")) != NULL)
        soup_message_headers_replace (conditions, "If-None-Match", etag);
      if ((modified = index_string (kept, "last_modified")) != NULL)
        soup_message_headers_replace (conditions, "If-Modified-Since", modified);
    }
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", folder, g_strerror (saved));
      return FALSE;
    }

  stream = web_send (&mirror->web, uri, conditions, &message, error);
  if (stream == NULL)
    return FALSE;
  mirror->report->files_checked++;
  status = soup_message_get_status (message);
  headers = soup_message_get_response_headers (message);
  etag = soup_message_headers_get_one (headers, "ETag");
  modified = soup_message_headers_get_one (headers, "Last-Modified");
  if (status == SOUP_STATUS_NOT_MODIFIED && conditions != NULL)
    {
      g_input_stream_close (stream, NULL, NULL);
      if (!keep_copy (kept_path, path, error))
        return FALSE;
      etag = etag ? etag : index_string (kept, "etag");
      modified = modified ? modified : index_string (kept, "last_modified");
    }
  else if (SOUP_STATUS_IS_SUCCESSFUL (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      goffset length = soup_message_headers_get_content_length (headers);

      if (length > 0 && (guint64) length > mirror->web.limit)
        return set_too_large (mirror->web.current, mirror->web.limit, error);
      if (!save_body (mirror, stream, path, error))
        return FALSE;
      mirror->report->files_downloaded++;
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the server answered %u %s for %s"),
                   status, soup_message_get_reason_phrase (message), mirror->web.current);
      return FALSE;
    }
  entry = json_object_new ();
  set_index_member (entry, "etag", etag);
  set_index_member (entry, "last_modified", modified);
  json_object_set_object_member (mirror->index, name, entry);
  return TRUE;
}

/* The course files the root document at @path lists, each checked to stay
 * in the feed's folder, without repeats; a root that does not parse lists
 * none (the import says what is wrong with it). */
static GPtrArray *
list_course_files (const char    *path,
                   const char    *root_name,
                   GCancellable  *cancellable,
                   GError       **error)
{
  static const BridgeFeedSink no_sink = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  JsonNode *node;
  Reader reader;
  gboolean ok = TRUE;

  if (!json_parser_load_from_mapped_file (parser, path, NULL)
      || (node = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (node)
      || (node = json_object_get_member (json_node_get_object (node), "course_files")) == NULL
      || !JSON_NODE_HOLDS_ARRAY (node))
    return g_steal_pointer (&names);
  array = json_node_get_array (node);
  g_hash_table_add (seen, (gpointer) root_name);
  bridge_feed_reader_init (&reader, &no_sink, NULL, cancellable);
  reader.file = root_name;
  bridge_feed_push_member (&reader, "course_files");
  for (guint i = 0; ok && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gsize len = bridge_feed_push_index (&reader, i);
      const char *name;

      if (!bridge_feed_is_string (element))
        {
          bridge_feed_pop (&reader, len);
          continue;
        }
      name = json_node_get_string (element);
      ok = bridge_feed_check_course_file_name (&reader, name, error);
      bridge_feed_pop (&reader, len);
      if (ok && !g_hash_table_contains (seen, name))
        {
          g_ptr_array_add (names, g_strdup (name));
          g_hash_table_add (seen, g_ptr_array_index (names, names->len - 1));
        }
    }
  bridge_feed_reader_clear (&reader);
  return ok ? g_steal_pointer (&names) : NULL;
}

static gboolean
write_index (Mirror      *mirror,
             const char  *into,
             const char  *url,
             const char  *root_name,
             GError     **error)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *path = g_build_filename (into, MIRROR_INDEX, NULL);
  g_autofree char *text = NULL;

  json_object_set_string_member (object, "source", url);
  json_object_set_string_member (object, "root", root_name);
  json_object_set_object_member (object, "files", json_object_ref (mirror->index));
  json_node_set_object (node, object);
  text = json_to_string (node, TRUE);
  return g_file_set_contents (path, text, -1, error);
}

static gboolean
mirror_all (Mirror        *mirror,
            const char    *url,
            const char    *into,
            const char    *root_name,
            void         (*progress) (guint, guint, gpointer),
            gpointer       progress_data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *root_path = g_build_filename (mirror->into_files, root_name, NULL);
  g_autoptr(GPtrArray) names = NULL;

  if (!mirror_file (mirror, mirror->web.base, root_name, error))
    return FALSE;
  names = list_course_files (root_path, root_name, cancellable, error);
  if (names == NULL)
    return FALSE;
  if (progress != NULL)
    progress (1, names->len + 1, progress_data);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GUri) uri = g_uri_parse_relative (mirror->web.base, name, G_URI_FLAGS_ENCODED, error);

      if (uri == NULL || !mirror_file (mirror, uri, name, error))
        return FALSE;
      if (progress != NULL)
        progress (i + 2, names->len + 1, progress_data);
    }
  return write_index (mirror, into, url, root_name, error);
}

gboolean
bridge_feed_mirror (const char              *url,
                    const char              *kept,
                    const char              *into,
                    BridgeFeedMirrorReport  *report,
                    void                   (*progress) (guint    done,
                                                        guint    total,
                                                        gpointer user_data),
                    gpointer                 progress_data,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GCancellable) download_cancellable = g_cancellable_new ();
  g_autofree char *root_name = NULL;
  guint64 seconds = env_number ("CREDIT_BRIDGE_DOWNLOAD_DEADLINE", DOWNLOAD_DEADLINE);
  Mirror mirror = { 0 };
  Deadline deadline = { 0 };
  gulong handler = 0;
  gboolean ok;

  g_return_val_if_fail (url != NULL && into != NULL && report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  mirror.web.base = g_uri_parse (url, G_URI_FLAGS_ENCODED, &local_error);
  if (mirror.web.base == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("Cannot read the catalog feed %s: %s"), url, local_error->message);
      return FALSE;
    }
  if (!check_web_uri (mirror.web.base, error))
    {
      g_uri_unref (mirror.web.base);
      return FALSE;
    }
  root_name = g_path_get_basename (g_uri_get_path (mirror.web.base));
  /* A feed at "https://host/" is stored under a name of its own. */
  if (g_str_equal (root_name, "/") || g_str_equal (root_name, ".") || g_str_equal (root_name, ".."))
    {
      g_free (root_name);
      root_name = g_strdup ("feed.json");
    }
  mirror.web.limit = env_number ("CREDIT_BRIDGE_DOWNLOAD_LIMIT", DOWNLOAD_MAX_BYTES);
  mirror.web.cancellable = download_cancellable;
  mirror.web.session = web_session_new ();
  mirror.report = report;
  mirror.into_files = g_build_filename (into, MIRROR_FILES, NULL);
  mirror.index = json_object_new ();
  if (kept != NULL && (mirror.kept_index = load_index (kept, url)) != NULL)
    mirror.kept_files = g_build_filename (kept, MIRROR_FILES, NULL);

  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel_cb), download_cancellable, NULL);
  deadline_start (&deadline, download_cancellable, seconds);
  ok = mirror_all (&mirror, url, into, root_name, progress, progress_data, download_cancellable, &local_error);
  deadline_stop (&deadline);
  if (handler != 0)
    g_cancellable_disconnect (cancellable, handler);
  if (!ok)
    web_fail (&mirror.web, url, g_steal_pointer (&local_error), deadline.expired, seconds, cancellable, TRUE,
              error);

  g_clear_object (&mirror.web.session);
  g_clear_pointer (&mirror.web.base, g_uri_unref);
  g_free (mirror.web.current);
  g_free (mirror.into_files);
  g_free (mirror.kept_files);
  g_clear_pointer (&mirror.kept_index, json_object_unref);
  json_object_unref (mirror.index);
  return ok;
}

char *
bridge_feed_mirror_root (const char  *folder,
                         char       **url)
{
  g_autofree char *path = g_build_filename (folder, MIRROR_INDEX, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *node;
  const char *root;

  if (!json_parser_load_from_file (parser, path, NULL)
      || (node = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  node = json_object_get_member (object, "root");
  if (node == NULL || !bridge_feed_is_string (node))
    return NULL;
  root = json_node_get_string (node);
  if (url != NULL)
    {
      node = json_object_get_member (object, "source");
      *url = node != NULL && bridge_feed_is_string (node) ? g_strdup (json_node_get_string (node)) : NULL;
    }
  return g_build_filename (folder, MIRROR_FILES, root, NULL);
}
