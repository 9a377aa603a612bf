/* bridge-search-model.h: search results as a lazy GListModel
 *
 * The model holds only the ranked rowids that the core search returned; each
 * BridgeCourse is read from the catalog when a row asks for it, and a few
 * hundred are kept in a cache. Searches run in a worker thread with a catalog
 * connection of their own, so typing never waits for SQLite.
 *
 * New results come in a screenful at a time: the model holds them all at
 * once (bridge_search_model_get_n_results()) but shows only the first
 * BRIDGE_SEARCH_MODEL_FIRST_ROWS as items until bridge_search_model_reveal()
 * is called, once a frame, by the widget that shows them.
 *
 * "results-changing" is emitted just before the results are replaced: a
 * GtkSingleSelection over the model must drop its selection then, or it
 * builds every new course looking for the selected one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bridge-catalog.h"

G_BEGIN_DECLS

#define BRIDGE_TYPE_SEARCH_MODEL (bridge_search_model_get_type ())
G_DECLARE_FINAL_TYPE (BridgeSearchModel, bridge_search_model, BRIDGE, SEARCH_MODEL, GObject)

BridgeSearchModel *bridge_search_model_new          (BridgeCatalog            *catalog);
void               bridge_search_model_set_catalog  (BridgeSearchModel        *self,
                                                     BridgeCatalog            *catalog);
/* The items a replacement shows at once, and how many items GTK 4.8's list
 * views build rows for (GTK_LIST_VIEW_MAX_LIST_ITEMS, and a margin). */
#define BRIDGE_SEARCH_MODEL_FIRST_ROWS 16
#define BRIDGE_SEARCH_MODEL_ROWS_BUILT 256

/* Replaces the results with @ids (element-type gint64, rank order), of which
 * the first BRIDGE_SEARCH_MODEL_FIRST_ROWS become items. */
void               bridge_search_model_set_ids      (BridgeSearchModel        *self,
                                                     GArray                   *ids);
/* Shows up to @n more results as items (all the rest, once the items reach
 * BRIDGE_SEARCH_MODEL_ROWS_BUILT). Returns TRUE while some are still hidden. */
gboolean           bridge_search_model_reveal       (BridgeSearchModel        *self,
                                                     guint                     n);
/* Every result held, shown or not yet. While a search is still ranking its
 * other matches (bridge_search_model_get_searching() after its first
 * "search-finished"), only its first rows. */
guint              bridge_search_model_get_n_results (BridgeSearchModel       *self);
/* The count to tell the user: how many courses match, or, with
 * @lower_bound set, at least how many ("more than 1000") while the search
 * is still counting them (BRIDGE_SEARCH_COUNT_CAP). */
guint              bridge_search_model_get_total    (BridgeSearchModel       *self,
                                                     gboolean                *lower_bound);
/* Starts a search in the worker; a newer call supersedes an older one, whose
 * results are dropped. "search-finished" is emitted when the results are in
 * (with the error message, or NULL). When there are more matches than the
 * first rows, it is emitted twice: once with the first rows (still
 * searching), once with every match, the first rows unchanged. */
void               bridge_search_model_search       (BridgeSearchModel        *self,
                                                     const char               *query,
                                                     const BridgeSearchFilter *filter);
gboolean           bridge_search_model_get_searching (BridgeSearchModel       *self);
/* The query whose results the model holds (NULL before the first search). */
const char        *bridge_search_model_get_query    (BridgeSearchModel        *self);
/* Drops cached courses (after an import) and reopens the worker's connection. */
void               bridge_search_model_invalidate   (BridgeSearchModel        *self);
/* The rowid at @position, without building the course; -1 if out of range. */
gint64             bridge_search_model_get_rowid    (BridgeSearchModel        *self,
                                                     guint                     position);

G_END_DECLS
