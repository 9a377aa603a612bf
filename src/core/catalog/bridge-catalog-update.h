/* bridge-catalog-update.h: keeping the cached catalog current from its source
 *
 * An import from the web (https://, or http:// on this computer) keeps, beside
 * the cache, each file of the feed it downloaded with the ETag and the
 * Last-Modified date the server sent. An update asks the same source again,
 * file by file, with If-None-Match and If-Modified-Since: a file the server
 * answers 304 Not Modified for is read from the kept copy, so an unchanged
 * catalog costs one small request a file and only a changed course file is
 * downloaded. The changed feed is then imported in one transaction, as any
 * import; on any failure the cache and the kept files stay as they were.
 *
 * Every transport rule of a web import holds (bridge-feed-fetch.c): https
 * only (plain http on this computer only), certificates checked by the
 * system, at most five redirections and never from https to http, the size
 * limit of a file, and an idle timeout that ends a stalled download.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bridge-catalog.h"

G_BEGIN_DECLS

/* What an update found, counted by the objects' ids. */
typedef struct
{
  gboolean   unchanged;                   /* no file changed: nothing was imported */
  guint      universities_added;
  guint      universities_changed;
  guint      universities_removed;
  guint      courses_added;
  guint      courses_changed;
  guint      courses_removed;
  guint      certificates_added;
  guint      certificates_changed;
  guint      certificates_removed;
  guint      files_checked;               /* requests made: the feed and each course file */
  guint      files_downloaded;            /* of those, answered with a body (not 304) */
  guint64    bytes_downloaded;            /* bodies only */
  GPtrArray *warnings;                    /* element-type utf8: the import's warnings */
  /* Changed courses by id (element-type utf8), at most 1,000, for plans and
   * for `catalog update --json`; a course is changed when its credits,
   * workload or any member of its feed object differs. */
  GPtrArray *changed_course_ids;
  GPtrArray *removed_course_ids;
} BridgeUpdateReport;

void bridge_update_report_free (BridgeUpdateReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeUpdateReport, bridge_update_report_free)

/* The sentence for people: "unchanged", or what changed ("2 courses added,
 * 1 changed; 1 certificate removed"), translated. */
char               *bridge_update_report_describe (const BridgeUpdateReport *report);

/* TRUE when the cache was imported from a source that can be updated (a web
 * feed, or a local one: a local feed is read again whole); @source (may be
 * NULL) is set to it. FALSE on an empty cache. */
gboolean            bridge_catalog_get_update_source (BridgeCatalog  *self,
                                                      char          **source);
/* TRUE when the source is on the web (https://, or http:// on this computer):
 * the app checks those in the background. */
gboolean            bridge_catalog_source_is_web (const char *source);

/* Updates the cache from its source. Fails with BRIDGE_ERROR_NOT_FOUND on an
 * empty cache; on any other failure (server down, timeout, TLS, bad feed) the
 * message ends with how old the cached catalog is
 * (bridge_catalog_describe_age ()), and the cache is untouched. */
BridgeUpdateReport *bridge_catalog_update        (BridgeCatalog       *self,
                                                  BridgeProgressFunc   progress,
                                                  gpointer             progress_data,
                                                  GCancellable        *cancellable,
                                                  GError             **error);
/* The same in a worker thread with its own connection; progress is delivered
 * on the calling thread's main context. */
void                bridge_catalog_update_async  (BridgeCatalog       *self,
                                                  BridgeProgressFunc   progress,
                                                  gpointer             progress_data,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
BridgeUpdateReport *bridge_catalog_update_finish (BridgeCatalog       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* When the catalog was last imported or found unchanged by an update (UTC);
 * NULL on an empty cache. */
GDateTime          *bridge_catalog_get_checked   (BridgeCatalog       *self);
/* For people: "Catalog of 3 December" (of 3 December 2025 when not this year
 * of @now), from the feed's "generated" date; NULL on an empty cache. */
char               *bridge_catalog_describe_date (BridgeCatalog       *self,
                                                  GDateTime           *now);
/* For error messages: "The cached catalog, of 3 December, was last checked
 * 2 days ago." */
char               *bridge_catalog_describe_age  (BridgeCatalog       *self,
                                                  GDateTime           *now);

G_END_DECLS
