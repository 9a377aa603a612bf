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

#include <glib/gi18n.h>
#include <libsoup/soup.h>

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
/* A server that sends nothing for this long has gone away. */
#define DOWNLOAD_IDLE_SECONDS 60

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

static GInputStream *
web_open (WebFeed     *web,
          GUri        *uri,
          guint64     *size,
          GError     **error)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  goffset length;

  if (!check_web_uri (uri, error))
    return NULL;
  g_free (web->current);
  web->current = g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD);
  message = soup_message_new_from_uri ("GET", uri);
  stream = soup_session_send (web->session, message, web->cancellable, error);
  if (stream == NULL)
    return NULL;
  /* A redirection is followed only to where a feed may be read from. */
  if (!check_web_uri (soup_message_get_uri (message), error))
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
  web.session = soup_session_new_with_options ("user-agent", "credit-bridge/" PACKAGE_VERSION,
                                               "timeout", DOWNLOAD_IDLE_SECONDS, NULL);

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

  if (!ok && deadline.expired)
    {
      g_autofree char *duration = format_duration (seconds);

      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("The download of %s did not finish within %s, the most a feed may take: the server sends too "
                     "slowly or without end. Try again later; if it keeps happening, tell the alliance office."),
                   web.current ? web.current : text, duration);
    }
  else if (!ok && g_cancellable_is_cancelled (cancellable))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The import was cancelled"));
  else if (!ok && array == NULL && local_error->domain != BRIDGE_ERROR)
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                 _("Cannot read the catalog feed %s: %s"), text, local_error->message);
  else if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));

  g_clear_object (&web.session);
  g_clear_pointer (&web.base, g_uri_unref);
  g_free (web.current);
  return ok;
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

  /* Translators: the first %s is a size (256 MiB), the second a duration (10 minutes) */
  return g_strdup_printf (_("From the web, each file of a feed may be at most %s, and the whole feed must arrive "
                            "within %s. Feeds are read over https://; plain http:// only from this computer "
                            "(localhost, 127.0.0.1, ::1)."),
                          size, duration);
}
