/* bridge-feed-private.h: what the feed reader's source files share
 *
 * bridge-feed.c reads (the reader's state, its places and errors, the root
 * document and the course files), bridge-feed-check.c checks each object,
 * bridge-feed-fetch.c gets the files from disk or the web.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <nettle/sha2.h>

#include "bridge-credit.h"
#include "bridge-feed.h"

G_BEGIN_DECLS

/* Read course files in pieces of this size. */
#define CHUNK_SIZE (1 << 20)

typedef struct
{
  BridgeCreditPolicy policy; /* for the 25 % check of each course's credits */
  GHashTable *scales;     /* scale id → GPtrArray of passing grade labels (element-type utf8) */
  GHashTable *terms;      /* term ids (set) */
  GHashTable *table_keys; /* "isced/cycle" (set), to warn about twins */
  GHashTable *load_checks; /* BridgeCourseLoad → LoadCheck: the 25 % check of each load seen */
} UniversityInfo;

typedef struct
{
  const char *target;     /* in the chunk */
  const char *place;      /* in the chunk */
  const char *kind;       /* "prerequisite", "replaces" */
} Reference;

typedef struct
{
  const BridgeFeedSink *sink;
  gpointer              user_data;
  GCancellable         *cancellable;

  BridgeAlliance        alliance;
  GHashTable           *universities;     /* id → UniversityInfo */
  GHashTable           *certificates;     /* ids (set) */
  GHashTable           *courses;          /* id → university id, both in chunk */
  GHashTable           *equivalences;     /* ids (set) */
  GStringChunk         *chunk;
  GArray               *references;       /* element-type Reference */

  /* Where we are, for messages. */
  const char           *file;             /* name as written in the feed */
  guint                 line;             /* 0 for the root document */
  GString              *path;
  /* The JSON text whose objects are being checked (the root, or one line
   * of a course file) holds a backslash: its strings must be checked as
   * UTF-8 one by one. TRUE unless the reader knows otherwise. */
  gboolean              text_has_escapes;

  /* SHA-256 of every byte read. Nettle's, not GChecksum's: GLib's is plain
   * C at about 100 MB/s, where nettle uses the CPU's SHA instructions; at a
   * million courses (630 MB) that was 6 s of the reader's time. */
  struct sha256_ctx     digest;
  /* Web feeds: each download's limit (0: none) and where the files are. */
  guint64               file_limit;
  guint64               file_bytes;       /* read so far of the current course file */
  GUri                 *web_base;
  guint64               bytes_done;
  guint64               bytes_total;
  gint64                last_progress;
} Reader;

typedef gboolean (*CheckObject) (Reader      *reader,
                                 JsonObject  *object,
                                 gpointer     data,
                                 GError     **error);
typedef gboolean (*SinkObject)  (gpointer     user_data,
                                 JsonObject  *object,
                                 const char  *place,
                                 GError     **error);

/* How bridge_feed_read_document () reaches the course files: @size (may be
 * NULL) tells a file's size without opening it; @open opens it for reading. */
typedef struct
{
  GInputStream *(*open) (const char  *name,
                         gpointer     data,
                         guint64     *size,
                         GError     **error);
  gboolean      (*size) (const char  *name,
                         gpointer     data,
                         guint64     *size,
                         GError     **error);
  gpointer        data;
} CourseFileOpener;

typedef enum
{
  NUMBER_ANY = 0,
  NUMBER_POSITIVE = 1 << 0,     /* > 0 */
  NUMBER_NONNEG = 1 << 1,       /* ≥ 0 */
  NUMBER_INTEGER = 1 << 2,
  NUMBER_QUANTITY = 1 << 3,     /* ≤ MAX_QUANTITY */
} NumberFlags;


/* bridge-feed.c: the reader, its places and errors */

void         bridge_feed_reader_init  (Reader               *reader,
                                       const BridgeFeedSink *sink,
                                       gpointer              user_data,
                                       GCancellable         *cancellable);
void         bridge_feed_reader_clear (Reader               *reader);
/* Reads the root document @data (named @root_name) and the course files it
 * lists, which @opener opens, handing every checked object to the sink. */
gboolean     bridge_feed_read_document (Reader                 *reader,
                                        const char             *root_name,
                                        const char             *data,
                                        gsize                   len,
                                        const CourseFileOpener *opener,
                                        GError                **error);

/* The place of @member (may be NULL) of the current object: "file:line: $.path.member". */
char        *bridge_feed_place        (Reader      *reader,
                                       const char  *member);
/* Fails with BRIDGE_ERROR_INVALID_FEED and a message that starts with the place. */
gboolean     bridge_feed_fail         (Reader      *reader,
                                       GError     **error,
                                       const char  *member,
                                       const char  *format,
                                       ...) G_GNUC_PRINTF (4, 5);
void         bridge_feed_warn         (Reader      *reader,
                                       const char  *member,
                                       const char  *format,
                                       ...) G_GNUC_PRINTF (3, 4);
/* Each push returns the length of the path before it, for bridge_feed_pop (). */
gsize        bridge_feed_push_member  (Reader      *reader,
                                       const char  *member);
gsize        bridge_feed_push_index   (Reader      *reader,
                                       guint        index);
void         bridge_feed_pop          (Reader      *reader,
                                       gsize        len);
/* "a string", "an object"…, translated, for messages. */
const char  *bridge_feed_type_name    (JsonNode    *node);
/* Checks each element of @array (the member @member of the current object)
 * with @check, which gets @data, and hands it to @sink when there is one. */
gboolean     bridge_feed_read_objects (Reader       *reader,
                                       JsonArray    *array,
                                       const char   *member,
                                       const char   *what,
                                       CheckObject   check,
                                       gpointer      data,
                                       SinkObject    sink,
                                       GError      **error);

/* bridge-feed-check.c: typed members and the rules of each object */

gboolean     bridge_feed_is_string    (JsonNode    *node);
/* A required or optional string member; NULL with @error set, or NULL and no
 * error when an optional member is absent. */
const char  *bridge_feed_get_string   (Reader      *reader,
                                       JsonObject  *object,
                                       const char  *member,
                                       gboolean     required,
                                       GError     **error);
const char  *bridge_feed_get_id       (Reader      *reader,
                                       JsonObject  *object,
                                       const char  *member,
                                       gboolean     required,
                                       GError     **error);
/* Reads a number member: @required, finite, within (lower, upper] per flags. */
gboolean     bridge_feed_get_number   (Reader      *reader,
                                       JsonObject  *object,
                                       const char  *member,
                                       gboolean     required,
                                       NumberFlags  flags,
                                       double      *out,
                                       gboolean    *present,
                                       GError     **error);
JsonObject  *bridge_feed_get_object   (Reader      *reader,
                                       JsonObject  *object,
                                       const char  *member,
                                       gboolean     required,
                                       GError     **error);
JsonArray   *bridge_feed_get_array    (Reader      *reader,
                                       JsonObject  *object,
                                       const char  *member,
                                       gboolean     required,
                                       guint        min_items,
                                       GError     **error);
gboolean     bridge_feed_check_text   (Reader      *reader,
                                       JsonObject  *object,
                                       const char  *member,
                                       gboolean     required,
                                       GError     **error);
/* RFC 3339 date-time: a full date, "T", a time and an offset. */
gboolean     bridge_feed_is_date_time (const char  *s);
gboolean     bridge_feed_check_university  (Reader      *reader,
                                            JsonObject  *university,
                                            gpointer     unused,
                                            GError     **error);
gboolean     bridge_feed_check_course      (Reader      *reader,
                                            JsonObject  *course,
                                            GError     **error);
gboolean     bridge_feed_check_equivalence (Reader      *reader,
                                            JsonObject  *equivalence,
                                            gpointer     unused,
                                            GError     **error);
gboolean     bridge_feed_check_certificate (Reader      *reader,
                                            JsonObject  *certificate,
                                            gpointer     unused,
                                            GError     **error);
/* A course file stays in the feed's folder: no absolute path, no URI, and no
 * ".." segment, written plainly or percent-encoded (a web server decodes it). */
gboolean     bridge_feed_check_course_file_name (Reader      *reader,
                                                 const char  *name,
                                                 GError     **error);

/* bridge-feed-fetch.c */

/* Fails with the message for the course file @name beyond the download limit. */
gboolean     bridge_feed_download_too_large (Reader      *reader,
                                             const char  *name,
                                             GError     **error);

G_END_DECLS
