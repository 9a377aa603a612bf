/* bridge-catalog.h: the alliance catalog, cached in SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bridge-credit.h"
#include "bridge-model.h"

G_BEGIN_DECLS

/* The cache schema this build writes (PRAGMA user_version). */
#define BRIDGE_CATALOG_SCHEMA_VERSION 3

typedef struct
{
  guint   universities;
  guint   courses;
  guint   grading_tables;
  guint   certificates;
  guint   equivalences;                   /* decisions of the recognition register */
  char   *alliance_id;
  char   *generated;                      /* the feed's "generated", RFC 3339 */
  char   *source;                         /* where it was imported from */
  char   *imported;                       /* when, RFC 3339 UTC */
  char   *digest;                         /* SHA-256 of the feed's bytes */
  gboolean demo;                          /* the feed says it is demo data */
} BridgeCatalogStats;

void bridge_catalog_stats_clear (BridgeCatalogStats *stats);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BridgeCatalogStats, bridge_catalog_stats_clear)

typedef struct
{
  GPtrArray *warnings;                    /* element-type utf8: "place: message" */
  guint      universities;
  guint      courses;
  guint      certificates;
  guint      equivalences;
  gboolean   unchanged;                   /* the same feed was already imported */
  gboolean   rebuilt;                     /* a damaged or newer cache was replaced */
  char      *rebuilt_reason;
} BridgeImportReport;

void bridge_import_report_free (BridgeImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeImportReport, bridge_import_report_free)

/* What a search filters on; all members optional (NULL, or < 0 for numbers). */
typedef struct
{
  const char *university;                 /* university id */
  const char *city;                       /* a city name in any language */
  const char *isced;                      /* ISCED prefix, "06" finds "0613" */
  const char *level;                      /* "core" … */
  const char *cycle;                      /* "bachelor" … */
  const char *term;                       /* term id */
  const char *language;                   /* "en" */
  const char *delivery;                   /* "online" … */
  double      min_credits;                /* < 0: no bound */
  double      max_credits;
} BridgeSearchFilter;

#define BRIDGE_SEARCH_FILTER_INIT { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, -1, -1 }

#define BRIDGE_TYPE_CATALOG (bridge_catalog_get_type ())
G_DECLARE_FINAL_TYPE (BridgeCatalog, bridge_catalog, BRIDGE, CATALOG, GObject)

/* $XDG_CACHE_HOME/credit-bridge/catalog.db, or $CREDIT_BRIDGE_DB when set. */
char          *bridge_catalog_default_path  (void);
/* The bundled demo catalog feed: $CREDIT_BRIDGE_DEMO_CATALOG when set (run
 * from the build folder: the source tree's, which `meson devenv` names);
 * else the installed one, DATADIR/credit-bridge/catalog/feed.json, found
 * from the program's own place (BINDIR/../share/… as configured), so that a
 * copy installed under a DESTDIR or another prefix reads its own; else the
 * configured path. Transfer none. */
const char    *bridge_catalog_get_demo_feed (void);

typedef enum
{
  BRIDGE_CATALOG_ID_UNIVERSITY,
  BRIDGE_CATALOG_ID_COURSE,
  BRIDGE_CATALOG_ID_CERTIFICATE,
} BridgeCatalogIdKind;

/* The ids of the universities, courses or certificates (@kind) of the
 * cache at @path that begin with @prefix (NULL: every one), in byte order,
 * for shell completion: read without creating, changing, importing or
 * repairing anything (a writer's committed work is read through its WAL).
 * No cache, or one that cannot be read, gives an empty array.
 * element-type utf8 */
GPtrArray     *bridge_catalog_peek_ids      (const char          *path,
                                             BridgeCatalogIdKind  kind,
                                             const char          *prefix);

/* Opens (creating or migrating) the cache at @path. A damaged cache fails with
 * BRIDGE_ERROR_CACHE_CORRUPT, one of a newer build with BRIDGE_ERROR_CACHE_TOO_NEW. */
BridgeCatalog *bridge_catalog_open          (const char    *path,
                                             GError       **error);
/* Like bridge_catalog_open(), but a damaged or newer cache is moved aside (to
 * PATH.damaged) and an empty one made; @reason (may be NULL) says what was
 * wrong and where the old file went. bridge_catalog_get_lost_source() then
 * says which feed to rebuild it from. */
BridgeCatalog *bridge_catalog_open_or_reset (const char    *path,
                                             char         **reason,
                                             GError       **error);
/* For damage found after opening (BRIDGE_ERROR_CACHE_CORRUPT from a search):
 * moves the cache aside as above and opens an empty one in its place.
 * @problem is the error's message; @reason is set as above. */
gboolean       bridge_catalog_reset         (BridgeCatalog *self,
                                             const char    *problem,
                                             char         **reason,
                                             GError       **error);
/* The feed the damaged cache that this one replaced had been imported from,
 * when that could still be read from it; NULL otherwise. */
const char    *bridge_catalog_get_lost_source (BridgeCatalog *self);
/* SQLite's page cache for this connection, in KiB (16 MiB unless set): a
 * connection that only reads courses one by one needs far less than one that
 * searches. An import uses a larger one while it runs. */
void           bridge_catalog_set_cache_size (BridgeCatalog *self,
                                              guint          kib);
const char    *bridge_catalog_get_path      (BridgeCatalog *self);
gboolean       bridge_catalog_is_empty      (BridgeCatalog *self);

/* @fraction is negative while an import waits for another one (of another
 * thread or process) to finish with the same cache. */
typedef void (*BridgeProgressFunc) (double fraction, gpointer user_data);

/* Imports the feed at @source (path or URI) in one transaction: on any error,
 * or if the process dies, the cache keeps the catalog it had. */
gboolean       bridge_catalog_import        (BridgeCatalog       *self,
                                             const char          *source,
                                             BridgeImportReport **report,
                                             BridgeProgressFunc   progress,
                                             gpointer             progress_data,
                                             GCancellable        *cancellable,
                                             GError             **error);
/* The same in a worker thread with its own connection; progress is
 * delivered on the calling thread's main context. */
void           bridge_catalog_import_async  (BridgeCatalog       *self,
                                             const char          *source,
                                             BridgeProgressFunc   progress,
                                             gpointer             progress_data,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
BridgeImportReport *bridge_catalog_import_finish (BridgeCatalog *self,
                                                  GAsyncResult  *result,
                                                  GError       **error);

gboolean       bridge_catalog_get_stats     (BridgeCatalog      *self,
                                             BridgeCatalogStats *stats,
                                             GError            **error);
/* The feed's "x-notice" in the user's language (demo feeds say what they are); NULL if none. */
char                 *bridge_catalog_get_notice   (BridgeCatalog *self);
/* The alliance's units; NULL before the first import. */
const BridgeAlliance *bridge_catalog_get_alliance (BridgeCatalog *self);

/* element-type BridgeUniversity, sorted by id */
GPtrArray        *bridge_catalog_list_universities (BridgeCatalog *self);
BridgeUniversity *bridge_catalog_get_university    (BridgeCatalog *self,
                                                    const char    *id,
                                                    GError       **error);
/* The name of the university @id in the user's language, for messages; @id
 * itself when the catalog does not have it ("—" for NULL). (transfer full) */
char             *bridge_catalog_dup_university_label (BridgeCatalog *self,
                                                       const char    *id);
/* The grading scale of the course @course_id, from its university; NULL when
 * the course, its university or its scale is not in the catalog. (transfer full) */
BridgeGradingScale *bridge_catalog_dup_course_scale (BridgeCatalog *self,
                                                     const char    *course_id);
BridgeCourse     *bridge_catalog_get_course        (BridgeCatalog *self,
                                                    const char    *id,
                                                    GError       **error);
BridgeCourse     *bridge_catalog_get_course_by_rowid (BridgeCatalog *self,
                                                      gint64         rowid,
                                                      GError       **error);
/* The courses of @rowids, in their order, read in one transaction (a list
 * scrolling through new rows reads them several at a time). A rowid that is
 * no longer in the catalog, or whose course cannot be read, gives NULL in its
 * place. NULL, with @error set, only when the catalog cannot be read at all.
 * element-type BridgeCourse (nullable) */
GPtrArray        *bridge_catalog_get_courses_by_rowids (BridgeCatalog *self,
                                                        const gint64  *rowids,
                                                        guint          n_rowids,
                                                        GError       **error);
/* element-type utf8: distinct values for filter menus */
GPtrArray        *bridge_catalog_list_languages    (BridgeCatalog *self);
GPtrArray        *bridge_catalog_list_terms        (BridgeCatalog *self);   /* term ids */
/* Certificates, in the feed's order; NULL with @error when the cache cannot
 * be read. element-type BridgeCertificate */
GPtrArray        *bridge_catalog_list_certificates (BridgeCatalog *self,
                                                    GError       **error);
/* One certificate; BRIDGE_ERROR_NOT_FOUND when the catalog has none of @id. */
BridgeCertificate *bridge_catalog_get_certificate  (BridgeCatalog *self,
                                                    const char    *id,
                                                    GError       **error);

/* The recognition register (feed revision 2): the decisions taken by the
 * university @home (NULL: any) that name @course_id (NULL: any) as a host
 * course or as a home course they replace, newest first. Each one's `host`
 * is filled. element-type BridgeEquivalence */
GPtrArray        *bridge_catalog_list_equivalences (BridgeCatalog *self,
                                                    const char    *home,
                                                    const char    *course_id,
                                                    GError       **error);
BridgeEquivalence *bridge_catalog_get_equivalence  (BridgeCatalog *self,
                                                    const char    *id,
                                                    GError       **error);

/* The longest search: no one types more, and SQLite's full-text search
 * slows down with every word (5,000 words took 9 s). A longer query fails
 * with BRIDGE_ERROR_INVALID_INPUT, saying the limit. */
#define BRIDGE_SEARCH_MAX_CHARS 256
#define BRIDGE_SEARCH_MAX_WORDS 32

/* Searches titles (every language), codes and learning outcomes. An empty
 * @query lists every course that passes @filter, by university and code.
 * Ranking: exact code first, then title matches, then outcomes.
 * Returns the matching course rowids in rank order (element-type gint64). */
GArray        *bridge_catalog_search_ids    (BridgeCatalog            *self,
                                             const char               *query,
                                             const BridgeSearchFilter *filter,
                                             GError                  **error);
/* The first @limit results (element-type BridgeCourse) and, in @total, how
 * many there are in all, every match counted. */
GPtrArray     *bridge_catalog_search        (BridgeCatalog            *self,
                                             const char               *query,
                                             const BridgeSearchFilter *filter,
                                             guint                     limit,
                                             guint                    *total,
                                             GError                  **error);

/* How many matches bridge_catalog_search_page () counts at most: counting
 * every one of 245,000 costs more than finding the first page. */
#define BRIDGE_SEARCH_COUNT_CAP 1000

/* The first @limit results, like bridge_catalog_search (), but counting at
 * most BRIDGE_SEARCH_COUNT_CAP matches (or @limit, if more): when there are
 * more, @total is the cap and @total_is_lower_bound is set ("more than
 * 1,000"). The first pages cost what they show, at any catalog size. */
GPtrArray     *bridge_catalog_search_page   (BridgeCatalog            *self,
                                             const char               *query,
                                             const BridgeSearchFilter *filter,
                                             guint                     limit,
                                             guint                    *total,
                                             gboolean                 *total_is_lower_bound,
                                             GError                  **error);
/* The rowids of the first @limit results (G_MAXUINT: all), counting at most
 * @count_cap matches (G_MAXUINT: all) as bridge_catalog_search_page () does.
 * Fails with G_IO_ERROR_CANCELLED once @cancellable is cancelled, even in the
 * middle of SQLite's work. */
GArray        *bridge_catalog_search_first_ids (BridgeCatalog            *self,
                                                const char               *query,
                                                const BridgeSearchFilter *filter,
                                                guint                     limit,
                                                guint                     count_cap,
                                                guint                    *total,
                                                gboolean                 *total_is_lower_bound,
                                                GCancellable             *cancellable,
                                                GError                  **error);

/* What @course is worth at the home university @home_id: the catalog's
 * alliance, the course's university and the home university, given to
 * bridge_credit_compute (). Fails with BRIDGE_ERROR_NOT_FOUND and a message
 * that says which is missing (no alliance before the first import, no
 * university @home_id, the course's university gone), or with
 * BRIDGE_ERROR_INVALID_INPUT when @home_id is NULL or "". (transfer full) */
BridgeCreditResult *bridge_catalog_compute_credit (BridgeCatalog  *self,
                                                   BridgeCourse   *course,
                                                   const char     *home_id,
                                                   GError        **error);
/* The workload of @course in hours, as the credit engine gives it under its
 * university's policy: the declared hours, or those estimated from its class
 * periods (with @declared FALSE, always those); FALSE (and *@hours
 * untouched) when it cannot. */
gboolean            bridge_catalog_get_course_workload (BridgeCatalog *self,
                                                        BridgeCourse  *course,
                                                        gboolean       declared,
                                                        double        *hours);

G_END_DECLS
