/* bridge-catalog-private.h: what the catalog's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "bridge-catalog.h"

G_BEGIN_DECLS

struct _BridgeCatalog
{
  GObject         parent_instance;

  char           *path;
  sqlite3        *db;
  GHashTable     *statements;     /* SQL → sqlite3_stmt, prepared once and kept */
  GHashTable     *universities;   /* id → BridgeUniversity, loaded after each import */
  GPtrArray      *university_list;
  BridgeAlliance  alliance;
  gboolean        has_alliance;
  /* rowid → length of the course's shortest title (capped at 255), loaded by
   * the first search after an import, so that ranking needs no row lookups. */
  GByteArray     *title_lengths;
  /* Title term (or "prefix*") → how many courses have it in their title,
   * counted once each by the first search for suggestions that needs it. */
  GHashTable     *title_term_counts;
  /* PRAGMA data_version when the caches above were loaded. */
  gint64          data_version;
  /* SQLite's page cache, in KiB, outside imports. */
  guint           cache_kib;
  /* Opened without writing: the file or its folder is read-only. */
  gboolean        read_only;
  /* The feed a damaged cache this one replaced came from, if known. */
  char           *lost_source;
  gboolean        outdated;       /* migrated from a schema that lost part of the feed */
  gint64          outdated_schema; /* … and the schema it was */
  /* course_title_fts has the courses (0: not known yet, 1: yes, -1: no, a
   * cache of schema 2 not imported again), at data_version. */
  int             title_index;
};

/* The rowid of a course in course_title_fts: its title's length (capped at
 * 255, as title_lengths) above its rowid in courses, so that the index's
 * order is the title tier's rank (shorter titles first, then catalog order). */
#define BRIDGE_SEARCH_TITLE_ROWID(title_len, rowid) \
  (((gint64) MIN ((title_len), 255) << 32) | (gint64) (rowid))
#define BRIDGE_SEARCH_TITLE_COURSE(title_rowid) ((gint64) (title_rowid) & G_GINT64_CONSTANT (0xffffffff))

/* bridge-catalog.c: the connection, the schema and SQL */

gboolean      bridge_catalog_open_db   (BridgeCatalog  *self,
                                        GError        **error);
void          bridge_catalog_close     (BridgeCatalog  *self);
sqlite3_stmt *bridge_catalog_statement (BridgeCatalog  *self,
                                        const char     *sql,
                                        GError        **error);
gboolean      bridge_catalog_sql_error (BridgeCatalog  *self,
                                        int             rc,
                                        GError        **error);
gboolean      bridge_catalog_exec      (BridgeCatalog  *self,
                                        const char     *sql,
                                        GError        **error);
/* The integer the query @sql gives; -1 with @error set when it fails. */
gint64        bridge_catalog_query_int (BridgeCatalog  *self,
                                        const char     *sql,
                                        GError        **error);
/* A value of the table meta; NULL when it has none. */
char         *bridge_catalog_meta_get  (BridgeCatalog  *self,
                                        const char     *key);
gboolean      bridge_catalog_meta_set  (BridgeCatalog  *self,
                                        const char     *key,
                                        const char     *value,
                                        GError        **error);
/* Sets SQLite's page cache of this connection, in KiB. */
gboolean      bridge_catalog_apply_cache_size (BridgeCatalog  *self,
                                               guint           kib,
                                               GError        **error);
/* An import drops the indexes of the courses and builds them again. */
gboolean      bridge_catalog_create_course_indexes (BridgeCatalog  *self,
                                                    GError        **error);
gboolean      bridge_catalog_drop_course_indexes   (BridgeCatalog  *self,
                                                    GError        **error);
/* Loads the universities and the alliance into memory: there are few. */
gboolean      bridge_catalog_load_universities (BridgeCatalog  *self,
                                                GError        **error);
/* Reloads what this connection keeps in memory if another connection has
 * changed the cache since (an import in another thread or process). */
gboolean      bridge_catalog_refresh (BridgeCatalog  *self,
                                      GError        **error);

/* bridge-catalog-import.c */

/* bridge_catalog_import () of the local feed @source, with @recorded (may be
 * NULL: @source) as the source the cache says it came from. */
gboolean      bridge_catalog_import_as (BridgeCatalog       *self,
                                        const char          *source,
                                        const char          *recorded,
                                        BridgeImportReport **report_out,
                                        BridgeProgressFunc   progress,
                                        gpointer             progress_data,
                                        GCancellable        *cancellable,
                                        GError             **error);

/* What a worker thread of the catalog at @path is given: the source to
 * import (NULL for an update), and the progress to deliver on the main
 * context of the thread that started it. */
typedef struct
{
  char               *path;
  char               *source;
  BridgeProgressFunc  progress;
  gpointer            progress_data;
  GMainContext       *context;
} BridgeCatalogTask;

BridgeCatalogTask *bridge_catalog_task_new      (BridgeCatalog      *self,
                                                 const char         *source,
                                                 BridgeProgressFunc  progress,
                                                 gpointer            progress_data);
void               bridge_catalog_task_free     (BridgeCatalogTask  *task);
/* A BridgeProgressFunc for the worker: @task's progress, on its context. */
void               bridge_catalog_task_progress (double              fraction,
                                                 gpointer            task);

/* bridge-catalog-update.c */

/* bridge_catalog_import () of a web feed: its files are downloaded (asked
 * for with the validators of the files kept of an earlier download of it),
 * imported, and kept beside the cache once the import is committed. */
gboolean      bridge_catalog_import_web (BridgeCatalog       *self,
                                         const char          *url,
                                         BridgeImportReport **report_out,
                                         BridgeProgressFunc   progress,
                                         gpointer             progress_data,
                                         GCancellable        *cancellable,
                                         GError             **error);

/* bridge-catalog-query.c */

BridgeCourse *bridge_catalog_course_from_row (BridgeCatalog *self,
                                              sqlite3_stmt  *stmt,
                                              GError       **error);

/* bridge-search.c */

/* The FTS text of a string: every CJK character a token of its own. */
void          bridge_search_append_fts_text (GString    *out,
                                             const char *text);
/* Candidates for suggestions: the rowids of the courses whose title holds
 * any one of @words (each word a phrase, as in a search; an English word's
 * last token a prefix), best first by bm25. Only the rarest words are
 * searched, as many as keep the matches to a few thousand by the index's
 * counts, so that the cost does not grow with the catalog. With no @words,
 * the courses in catalog order. Those whose ISCED-F code begins with
 * @prefer_isced (may be NULL) come first. Only those that pass @filter, are not of
 * @not_university (may be NULL) and are taught in one of @languages (NULL:
 * any); at most @limit. */
GArray       *bridge_catalog_search_any_ids (BridgeCatalog             *self,
                                             const char * const        *words,
                                             const BridgeSearchFilter  *filter,
                                             const char                *prefer_isced,
                                             const char                *not_university,
                                             const char * const        *languages,
                                             guint                      limit,
                                             GError                   **error);

/* @home_id's university, failing with the messages a person reads when the
 * catalog is empty, no home is given or the catalog has no such university.
 * bridge-catalog-credit.c */
BridgeUniversity *bridge_catalog_get_home_university (BridgeCatalog  *self,
                                                      const char     *home_id,
                                                      GError        **error);

G_END_DECLS
