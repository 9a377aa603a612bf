/* bridge-feed.h: reading and checking an alliance catalog feed
 *
 * The reader implements ../shared/spec/catalog-feed.md: it streams the root
 * document and every course file, checks each object against the schema and
 * the "checks beyond the schema", and hands each checked object to a sink.
 * It stops at the first error, whose message begins with the place: a JSON
 * path ("$.universities[3].credit_policy.period_minutes") and, for JSON
 * Lines, "courses-01.jsonl:17: $.periods.lecture".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bridge-model.h"

G_BEGIN_DECLS

/* The deepest nesting a feed may use; real feeds need 6. */
#define BRIDGE_FEED_MAX_DEPTH 64

/* The feed format versions this build reads. */
#define BRIDGE_FEED_VERSION 1

typedef struct _BridgeFeedSink BridgeFeedSink;

/**
 * BridgeFeedSink:
 *
 * What the reader calls, in this order: begin once, university for each
 * university, certificate for each certificate, course for each course (inline
 * ones first, then each course file in order), equivalence for each decision
 * of the recognition register, end once. Warnings may come at
 * any time. A callback that fails stops the reading with its error.
 * The objects are only borrowed for the call.
 */
struct _BridgeFeedSink
{
  gboolean (*begin)       (gpointer         user_data,
                           JsonObject      *root,       /* without courses and certificates' bodies */
                           const BridgeAlliance *alliance,
                           GError         **error);
  gboolean (*university)  (gpointer         user_data,
                           JsonObject      *university,
                           const char      *place,
                           GError         **error);
  gboolean (*certificate) (gpointer         user_data,
                           JsonObject      *certificate,
                           const char      *place,
                           GError         **error);
  gboolean (*course)      (gpointer         user_data,
                           JsonObject      *course,
                           const char      *raw_json,   /* the course's own text */
                           gsize            raw_len,
                           const char      *place,
                           GError         **error);
  /* @digest: SHA-256 (hex) of every byte of the feed, root and course files. */
  gboolean (*end)         (gpointer         user_data,
                           const char      *digest,
                           GError         **error);
  void     (*warning)     (gpointer         user_data,
                           const char      *place,
                           const char      *message);
  /* Called now and then with the bytes read so far of the bytes there are. */
  void     (*progress)    (gpointer         user_data,
                           guint64          done,
                           guint64          total);
  /* Revision 2: after every course, the register's decisions. */
  gboolean (*equivalence) (gpointer         user_data,
                           JsonObject      *equivalence,
                           const char      *place,
                           GError         **error);
};

/* Reads the feed at @source: a local file, or a file:// or https:// URI
 * (course files resolve against it). */
gboolean bridge_feed_read        (GFile                *source,
                                  const BridgeFeedSink *sink,
                                  gpointer              user_data,
                                  GCancellable         *cancellable,
                                  GError              **error);

/* Resolves a course file name of the feed to its bytes; for tests and fuzzing. */
typedef GBytes *(*BridgeFeedOpenFunc) (const char  *name,
                                       gpointer     user_data,
                                       GError     **error);

/* Reads a feed from memory; course files are asked of @open_file. */
gboolean bridge_feed_read_bytes  (GBytes               *root,
                                  const char           *root_name,
                                  BridgeFeedOpenFunc    open_file,
                                  gpointer              open_data,
                                  const BridgeFeedSink *sink,
                                  gpointer              user_data,
                                  GCancellable         *cancellable,
                                  GError              **error);

/* Checks a feed without writing anything; warnings are added to @warnings
 * (element-type utf8, "place: message") when it is not NULL. */
gboolean bridge_feed_check       (GFile                *source,
                                  GPtrArray            *warnings,
                                  GCancellable         *cancellable,
                                  GError              **error);

/* For people (--help, the help pages say the same): how large one file of a
 * feed on the web may be, how long the whole download may take, and that
 * plain http is only for this computer. */
char    *bridge_feed_describe_web_limits (void);

/* TRUE when @text is an address a feed may be downloaded from: https://,
 * or http:// on this computer. */
gboolean bridge_feed_is_web_uri  (const char *text);

/* What bridge_feed_mirror () did: requests made (the root document and each
 * course file; redirections not counted), of those answered with a body
 * (not 304 Not Modified), and the bytes of those bodies. */
typedef struct
{
  guint   files_checked;
  guint   files_downloaded;
  guint64 bytes_downloaded;
} BridgeFeedMirrorReport;

/* Downloads the web feed at @url (https://, or http:// on this computer),
 * its root document and every course file it lists, into the folder @into
 * (empty, or made), as @into/files/NAME with the ETag and Last-Modified
 * of each in @into/index.json. When the folder @kept (may be NULL) holds an
 * earlier download of the same @url, each file is asked for with
 * If-None-Match and If-Modified-Since, and a file the server answers 304 Not
 * Modified for is taken from @kept. Every rule of a web import holds (https,
 * certificates, redirections, size, idle timeout, deadline). The feed is not
 * checked: import bridge_feed_mirror_root (@into) for that. @progress (may
 * be NULL) gets the files done of the files known. On failure @into may hold
 * part of the files: the caller removes it. */
gboolean bridge_feed_mirror      (const char              *url,
                                  const char              *kept,
                                  const char              *into,
                                  BridgeFeedMirrorReport  *report,
                                  void                   (*progress) (guint    done,
                                                                      guint    total,
                                                                      gpointer user_data),
                                  gpointer                 progress_data,
                                  GCancellable            *cancellable,
                                  GError                 **error);
/* The root document of a folder bridge_feed_mirror () wrote, and the URL it
 * came from; NULL when @folder holds no download. */
char    *bridge_feed_mirror_root (const char              *folder,
                                  char                   **url);

/* Loads a localised-number helper: TRUE if @s is an identifier of the feed. */
gboolean bridge_feed_is_identifier (const char *s);

G_END_DECLS
