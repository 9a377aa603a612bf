/* bridge-search-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-search-model"

#include "config.h"

#include "bridge-search-model.h"
#include "bridge-main-context.h"

/* SQLite's page cache of the searches' connection, in KiB. The index's pages
 * stay in the kernel's cache anyway: at 100,000 courses 512 KiB searched as
 * fast as 2 MiB (keystroke p95 66–88 ms against 75–89 ms) and kept 1.5 MB
 * less resident. */
#define SEARCH_CACHE_KIB 512

/* A search brings the ranked rows the list view builds at once first, and
 * every other match after, so that the first rows need not wait for them. */
#define FIRST_IDS BRIDGE_SEARCH_MODEL_ROWS_BUILT

/* Room for the rows a list view builds, and as many again around them. */
#define CACHE_SIZE (2 * BRIDGE_SEARCH_MODEL_ROWS_BUILT)

/* A row the cache does not have brings in up to this many, read together:
 * itself and the uncached rows next to it, on the side the list is going.
 * A list scrolled or dragged to rows it has not shown asks for a screenful
 * in a row. */
#define READ_AHEAD 16

/* The worker's connection, shared by every search of one model; searches take
 * turns on it. */
typedef struct
{
  GMutex         mutex;
  char          *path;
  BridgeCatalog *catalog;
} SearchConn;

static void
search_conn_clear (gpointer data)
{
  SearchConn *conn = data;

  g_clear_object (&conn->catalog);
  g_clear_pointer (&conn->path, g_free);
  g_mutex_clear (&conn->mutex);
}

static SearchConn *
search_conn_new (const char *path)
{
  SearchConn *conn = g_atomic_rc_box_new0 (SearchConn);

  g_mutex_init (&conn->mutex);
  conn->path = g_strdup (path);
  return conn;
}

static void
search_conn_unref (SearchConn *conn)
{
  g_atomic_rc_box_release_full (conn, search_conn_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SearchConn, search_conn_unref)

/* What a search returns: the ranked rowids, and the courses of the first
 * rows, read in the worker so that the main thread need not. */
typedef struct
{
  GArray    *ids;
  GPtrArray *courses;
  guint      total;       /* the matches, or at least this many */
  gboolean   lower_bound; /* more than @total match */
  gboolean   partial;     /* @ids are the first rows only; every match follows */
} SearchResult;

static void
search_result_free (SearchResult *result)
{
  g_clear_pointer (&result->ids, g_array_unref);
  g_clear_pointer (&result->courses, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SearchResult, search_result_free)

/* One search, owned by its GTask. */
typedef struct
{
  SearchConn *conn;
  char       *query;
  char       *university;
  char       *city;
  char       *isced;
  char       *level;
  char       *cycle;
  char       *term;
  char       *language;
  char       *delivery;
  double      min_credits;
  double      max_credits;
  guint       serial;
} SearchData;

static void
search_data_free (SearchData *data)
{
  g_clear_pointer (&data->conn, search_conn_unref);
  g_free (data->query);
  g_free (data->university);
  g_free (data->city);
  g_free (data->isced);
  g_free (data->level);
  g_free (data->cycle);
  g_free (data->term);
  g_free (data->language);
  g_free (data->delivery);
  g_free (data);
}

struct _BridgeSearchModel
{
  GObject        parent_instance;

  BridgeCatalog *catalog;
  GArray        *ids;                     /* gint64 rowids, every result */
  guint          n_shown;                 /* how many of them the model has revealed */
  GHashTable    *cache;                   /* rowid → BridgeCourse */
  gint64         ring[CACHE_SIZE];        /* insertion order, for eviction */
  guint          ring_next;
  SearchConn    *conn;
  GCancellable  *cancellable;
  guint          serial;
  gboolean       searching;
  char          *query;                   /* of the results held */
  guint          total;                   /* the matches, or at least this many */
  gboolean       total_is_lower_bound;    /* … while every match is not counted yet */
  gboolean       partial;                 /* @ids are the first rows; every match follows */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BridgeSearchModel, bridge_search_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_SEARCHING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SEARCH_FINISHED,
  RESULTS_CHANGING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return BRIDGE_TYPE_COURSE;
}

static guint
get_n_items (GListModel *model)
{
  BridgeSearchModel *self = BRIDGE_SEARCH_MODEL (model);

  return self->n_shown;
}

static void
cache_insert (BridgeSearchModel *self,
              gint64             rowid,
              BridgeCourse      *course)
{
  if (g_hash_table_contains (self->cache, &rowid))
    return;
  /* Evict the oldest entry when the ring comes round. */
  if (g_hash_table_size (self->cache) >= CACHE_SIZE)
    g_hash_table_remove (self->cache, &self->ring[self->ring_next]);
  self->ring[self->ring_next] = rowid;
  self->ring_next = (self->ring_next + 1) % CACHE_SIZE;
  g_hash_table_insert (self->cache, g_memdup2 (&rowid, sizeof rowid), g_object_ref (course));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BridgeSearchModel *self = BRIDGE_SEARCH_MODEL (model);
  g_autoptr(GError) error = NULL;
  BridgeCourse *course;
  gint64 rowid;

  if (position >= self->n_shown)
    return NULL;

  rowid = g_array_index (self->ids, gint64, position);
  course = g_hash_table_lookup (self->cache, &rowid);
  if (course != NULL)
    return g_object_ref (course);

  if (self->catalog != NULL)
    {
      gint64 wanted[READ_AHEAD];
      guint n_wanted = 0;
      g_autoptr(GPtrArray) courses = NULL;

      /* This row, then the uncached rows next to it, up to the first one the
       * cache has: those after it when the list goes down, those before it
       * when it goes up (the rows after it were just shown). */
      wanted[n_wanted++] = rowid;
      for (guint i = position + 1; i < self->n_shown && n_wanted < READ_AHEAD; i++)
        {
          gint64 id = g_array_index (self->ids, gint64, i);

          if (g_hash_table_contains (self->cache, &id))
            break;
          wanted[n_wanted++] = id;
        }
      for (guint i = position; i > 0 && n_wanted < READ_AHEAD; i--)
        {
          gint64 id = g_array_index (self->ids, gint64, i - 1);

          if (g_hash_table_contains (self->cache, &id))
            break;
          wanted[n_wanted++] = id;
        }
      courses = bridge_catalog_get_courses_by_rowids (self->catalog, wanted, n_wanted, &error);
      if (courses == NULL && n_wanted > 1)
        {
          /* A row next to this one cannot be read (a damaged file): this one
           * still can. */
          g_debug ("Courses next to %" G_GINT64_FORMAT ": %s", rowid, error->message);
          g_clear_error (&error);
          course = bridge_catalog_get_course_by_rowid (self->catalog, rowid, &error);
          if (course != NULL)
            {
              cache_insert (self, rowid, course);
              return course;
            }
        }
      for (guint i = 0; courses != NULL && i < courses->len; i++)
        if (g_ptr_array_index (courses, i) != NULL)
          cache_insert (self, wanted[i], g_ptr_array_index (courses, i));
      if (courses != NULL && courses->pdata[0] != NULL)
        return g_object_ref (courses->pdata[0]);
    }

  /* Gone since the search (a new import): an empty row, never NULL. */
  if (error != NULL)
    g_debug ("Course %" G_GINT64_FORMAT ": %s", rowid, error->message);
  return bridge_course_new ("");
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

BridgeSearchModel *
bridge_search_model_new (BridgeCatalog *catalog)
{
  BridgeSearchModel *self = g_object_new (BRIDGE_TYPE_SEARCH_MODEL, NULL);

  bridge_search_model_set_catalog (self, catalog);
  return self;
}

void
bridge_search_model_set_catalog (BridgeSearchModel *self,
                                 BridgeCatalog     *catalog)
{
  g_return_if_fail (BRIDGE_IS_SEARCH_MODEL (self));

  if (!g_set_object (&self->catalog, catalog))
    return;
  bridge_search_model_invalidate (self);
}

void
bridge_search_model_invalidate (BridgeSearchModel *self)
{
  g_return_if_fail (BRIDGE_IS_SEARCH_MODEL (self));

  g_hash_table_remove_all (self->cache);
  self->ring_next = 0;
  /* A running search keeps its reference; the next one gets a fresh connection. */
  g_clear_pointer (&self->conn, search_conn_unref);
  if (self->catalog != NULL)
    self->conn = search_conn_new (bridge_catalog_get_path (self->catalog));
  if (self->ids->len > 0)
    bridge_search_model_set_ids (self, g_array_copy (self->ids));
}

static void replace_ids (BridgeSearchModel *self,
                         GArray            *ids);

void
bridge_search_model_set_ids (BridgeSearchModel *self,
                             GArray            *ids)
{
  g_return_if_fail (BRIDGE_IS_SEARCH_MODEL (self));
  g_return_if_fail (ids != NULL);

  self->total = ids->len;
  self->total_is_lower_bound = FALSE;
  self->partial = FALSE;
  replace_ids (self, ids);
}

static void
replace_ids (BridgeSearchModel *self,
             GArray            *ids)
{
  guint old_shown;

  /* Selections look for their item among the new ones, building every
   * course: let them drop it first. */
  g_signal_emit (self, signals[RESULTS_CHANGING], 0);

  old_shown = self->n_shown;
  g_array_unref (self->ids);
  self->ids = ids;
  self->n_shown = MIN (ids->len, BRIDGE_SEARCH_MODEL_FIRST_ROWS);

  /* GTK 4.8's list views build a row for each of some 200 items around the
   * top of the list as soon as they are in the model: revealing the results
   * a screenful at a time (bridge_search_model_reveal(), from a tick
   * callback) keeps each frame's share of that work small. The old rows go
   * and the first new ones come in one change, so GTK looks up only these. */
  if (old_shown > 0 || self->n_shown > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_shown, self->n_shown);
  if (old_shown != self->n_shown)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

gboolean
bridge_search_model_reveal (BridgeSearchModel *self,
                            guint              n)
{
  guint old_shown;

  g_return_val_if_fail (BRIDGE_IS_SEARCH_MODEL (self), FALSE);

  old_shown = self->n_shown;
  if (old_shown >= self->ids->len)
    return FALSE;

  /* Past the rows a list view builds, the rest costs it nothing. */
  if (old_shown + n >= BRIDGE_SEARCH_MODEL_ROWS_BUILT)
    self->n_shown = self->ids->len;
  else
    self->n_shown = MIN (self->ids->len, old_shown + n);

  g_list_model_items_changed (G_LIST_MODEL (self), old_shown, 0, self->n_shown - old_shown);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return self->n_shown < self->ids->len;
}

guint
bridge_search_model_get_n_results (BridgeSearchModel *self)
{
  g_return_val_if_fail (BRIDGE_IS_SEARCH_MODEL (self), 0);
  return self->ids->len;
}

guint
bridge_search_model_get_total (BridgeSearchModel *self,
                               gboolean          *lower_bound)
{
  g_return_val_if_fail (BRIDGE_IS_SEARCH_MODEL (self), 0);

  if (lower_bound != NULL)
    *lower_bound = self->total_is_lower_bound;
  return self->total;
}

gint64
bridge_search_model_get_rowid (BridgeSearchModel *self,
                               guint              position)
{
  g_return_val_if_fail (BRIDGE_IS_SEARCH_MODEL (self), -1);

  if (position >= self->n_shown)
    return -1;
  return g_array_index (self->ids, gint64, position);
}

const char *
bridge_search_model_get_query (BridgeSearchModel *self)
{
  g_return_val_if_fail (BRIDGE_IS_SEARCH_MODEL (self), NULL);
  return self->query;
}

gboolean
bridge_search_model_get_searching (BridgeSearchModel *self)
{
  g_return_val_if_fail (BRIDGE_IS_SEARCH_MODEL (self), FALSE);
  return self->searching;
}

/* The first page of a search whose other matches are still being ranked. */
typedef struct
{
  BridgeSearchModel *model;
  guint              serial;
  char              *query;
  SearchResult      *result;
} PartialResult;

static void
partial_result_free (PartialResult *partial)
{
  g_object_unref (partial->model);
  g_free (partial->query);
  g_clear_pointer (&partial->result, search_result_free);
  g_free (partial);
}

static void apply_result (BridgeSearchModel *self,
                          const char        *query,
                          SearchResult      *result);

static gboolean
deliver_partial_cb (gpointer user_data)
{
  PartialResult *partial = user_data;
  BridgeSearchModel *self = partial->model;

  /* Only the newest search counts; it stays "searching" until every match
   * is in. */
  if (partial->serial == self->serial)
    apply_result (self, partial->query, partial->result);
  return G_SOURCE_REMOVE;
}

static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  SearchData *data = task_data;
  SearchConn *conn = data->conn;
  BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;
  g_autoptr(GError) error = NULL;
  g_autoptr(SearchResult) result = g_new0 (SearchResult, 1);
  guint n_prefetch;

  g_mutex_lock (&conn->mutex);

  /* A newer search came while this one waited for the connection. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_mutex_unlock (&conn->mutex);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "superseded");
      return;
    }

  if (conn->catalog == NULL)
    {
      conn->catalog = bridge_catalog_open (conn->path, &error);
      if (conn->catalog != NULL)
        bridge_catalog_set_cache_size (conn->catalog, SEARCH_CACHE_KIB);
    }
  if (conn->catalog == NULL)
    {
      g_mutex_unlock (&conn->mutex);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  filter.university = data->university;
  filter.city = data->city;
  filter.isced = data->isced;
  filter.level = data->level;
  filter.cycle = data->cycle;
  filter.term = data->term;
  filter.language = data->language;
  filter.delivery = data->delivery;
  filter.min_credits = data->min_credits;
  filter.max_credits = data->max_credits;

  /* The first rows the list view builds, and a total counted up to a cap:
   * at a million courses, ranking and counting every match of 学 takes
   * several times as long. */
  result->ids = bridge_catalog_search_first_ids (conn->catalog, data->query, &filter, FIRST_IDS,
                                                 BRIDGE_SEARCH_COUNT_CAP, &result->total, &result->lower_bound,
                                                 cancellable, &error);
  if (result->ids == NULL)
    {
      g_mutex_unlock (&conn->mutex);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  result->partial = result->lower_bound || result->total > result->ids->len;

  /* The courses of the rows the list view will build at once. */
  n_prefetch = MIN (result->ids->len, BRIDGE_SEARCH_MODEL_ROWS_BUILT);
  result->courses = g_ptr_array_new_full (n_prefetch, g_object_unref);
  /* READ_AHEAD at a time, as get_item() reads them, so that a newer search
   * need not wait for all of them; up to the first that cannot be read. */
  while (result->courses->len < n_prefetch && !g_cancellable_is_cancelled (cancellable))
    {
      guint start = result->courses->len;
      g_autoptr(GPtrArray) courses = NULL;

      courses = bridge_catalog_get_courses_by_rowids (conn->catalog,
                                                      &g_array_index (result->ids, gint64, start),
                                                      MIN (n_prefetch - start, READ_AHEAD), NULL);
      for (guint i = 0; courses != NULL && i < courses->len && g_ptr_array_index (courses, i) != NULL; i++)
        g_ptr_array_add (result->courses, g_object_ref (g_ptr_array_index (courses, i)));
      if (courses == NULL || result->courses->len < start + courses->len)
        break;
    }

  if (result->partial && !g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(GArray) all = NULL;
      g_autoptr(GError) rest_error = NULL;
      PartialResult *partial = g_new0 (PartialResult, 1);

      /* The first page goes to the window now; every match follows, ranked
       * the same way (its first rows are these), unless a newer search
       * comes first. */
      partial->model = g_object_ref (g_task_get_source_object (task));
      partial->serial = data->serial;
      partial->query = g_strdup (data->query);
      partial->result = g_steal_pointer (&result);
      bridge_main_context_invoke (g_task_get_context (task), G_PRIORITY_DEFAULT, deliver_partial_cb,
                                  partial, (GDestroyNotify) partial_result_free);

      all = bridge_catalog_search_first_ids (conn->catalog, data->query, &filter, G_MAXUINT, G_MAXUINT,
                                             NULL, NULL, cancellable, &rest_error);
      g_mutex_unlock (&conn->mutex);
      if (all == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&rest_error));
          return;
        }
      result = g_new0 (SearchResult, 1);
      result->ids = g_steal_pointer (&all);
      result->total = result->ids->len;
      g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) search_result_free);
      return;
    }
  g_mutex_unlock (&conn->mutex);

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) search_result_free);
}

static void
pool_func (gpointer data,
           gpointer user_data)
{
  g_autoptr(GTask) task = data;

  search_thread (task, g_task_get_source_object (task), g_task_get_task_data (task),
                 g_task_get_cancellable (task));
}

/* Searches take turns on a connection anyway. One thread for them all, not
 * GTask's shared pool, keeps what searches allocate in one malloc arena rather
 * than one per pool thread that happened to run a search. It lives as long as
 * the process: a thread that ended as a window closed could still be exiting
 * when the process does. */
static GThreadPool *
search_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (pool_func, NULL, 1, TRUE, NULL));
  return pool;
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  BridgeSearchModel *self = BRIDGE_SEARCH_MODEL (object);
  GTask *task = G_TASK (res);
  SearchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(SearchResult) result = NULL;

  result = g_task_propagate_pointer (task, &error);

  /* Only the newest search counts. */
  if (data->serial != self->serial)
    return;

  self->searching = FALSE;
  g_clear_object (&self->cancellable);
  if (result != NULL)
    apply_result (self, data->query, result);
  else
    {
      SearchResult none = { g_array_new (FALSE, FALSE, sizeof (gint64)), NULL, 0, FALSE, FALSE };

      apply_result (self, data->query, &none);
      g_clear_pointer (&none.ids, g_array_unref);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
  g_signal_emit (self, signals[SEARCH_FINISHED], 0, error != NULL ? error->message : NULL);
}

/* Puts @result in the model: the first rows of a search (result->partial), or
 * every match. Every match after the first page of the same query only adds
 * rows: those shown stay, with the selection and the scroll. */
static void
apply_result (BridgeSearchModel *self,
              const char        *query,
              SearchResult      *result)
{
  gboolean same = self->partial && g_strcmp0 (self->query, query) == 0 &&
                  result->ids->len >= self->ids->len;

  for (guint i = 0; i < self->ids->len && same; i++)
    same = g_array_index (self->ids, gint64, i) == g_array_index (result->ids, gint64, i);

  for (guint i = 0; result->courses != NULL && i < result->courses->len; i++)
    cache_insert (self, g_array_index (result->ids, gint64, i), g_ptr_array_index (result->courses, i));
  g_free (self->query);
  self->query = g_strdup (query);
  self->total = result->total;
  self->total_is_lower_bound = result->lower_bound;
  self->partial = result->partial;
  if (same)
    {
      /* The rows held are the same, and stay: the others become items
       * through bridge_search_model_reveal (), as the first did, called by
       * the widget that shows them, a screenful a frame. */
      g_array_unref (self->ids);
      self->ids = g_steal_pointer (&result->ids);
      result->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  else
    {
      replace_ids (self, g_steal_pointer (&result->ids));
      result->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      /* The first rows are in: the window shows them (and the total so
       * far) while the rest are ranked. */
      if (result->partial)
        g_signal_emit (self, signals[SEARCH_FINISHED], 0, NULL);
    }
}

void
bridge_search_model_search (BridgeSearchModel        *self,
                            const char               *query,
                            const BridgeSearchFilter *filter)
{
  g_autoptr(GTask) task = NULL;
  SearchData *data;

  g_return_if_fail (BRIDGE_IS_SEARCH_MODEL (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->conn == NULL)
    {
      bridge_search_model_set_ids (self, g_array_new (FALSE, FALSE, sizeof (gint64)));
      g_signal_emit (self, signals[SEARCH_FINISHED], 0, NULL);
      return;
    }

  self->cancellable = g_cancellable_new ();
  data = g_new0 (SearchData, 1);
  data->conn = g_atomic_rc_box_acquire (self->conn);
  data->query = g_strdup (query != NULL ? query : "");
  data->serial = ++self->serial;
  data->min_credits = -1;
  data->max_credits = -1;
  if (filter != NULL)
    {
      data->university = g_strdup (filter->university);
      data->city = g_strdup (filter->city);
      data->isced = g_strdup (filter->isced);
      data->level = g_strdup (filter->level);
      data->cycle = g_strdup (filter->cycle);
      data->term = g_strdup (filter->term);
      data->language = g_strdup (filter->language);
      data->delivery = g_strdup (filter->delivery);
      data->min_credits = filter->min_credits;
      data->max_credits = filter->max_credits;
    }

  task = g_task_new (self, self->cancellable, search_done_cb, NULL);
  g_task_set_source_tag (task, bridge_search_model_search);
  g_task_set_task_data (task, data, (GDestroyNotify) search_data_free);
  /* Cancellation is checked by hand, so the newest search still reports. */
  g_task_set_check_cancellable (task, FALSE);
  g_thread_pool_push (search_pool (), g_steal_pointer (&task), NULL);

  if (!self->searching)
    {
      self->searching = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
    }
}

static void
bridge_search_model_dispose (GObject *object)
{
  BridgeSearchModel *self = BRIDGE_SEARCH_MODEL (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->catalog);
  g_hash_table_remove_all (self->cache);

  G_OBJECT_CLASS (bridge_search_model_parent_class)->dispose (object);
}

static void
bridge_search_model_finalize (GObject *object)
{
  BridgeSearchModel *self = BRIDGE_SEARCH_MODEL (object);

  g_clear_pointer (&self->conn, search_conn_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (bridge_search_model_parent_class)->finalize (object);
}

static void
bridge_search_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BridgeSearchModel *self = BRIDGE_SEARCH_MODEL (object);

  switch (prop_id)
    {
    case PROP_SEARCHING:
      g_value_set_boolean (value, self->searching);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bridge_search_model_class_init (BridgeSearchModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bridge_search_model_dispose;
  object_class->finalize = bridge_search_model_finalize;
  object_class->get_property = bridge_search_model_get_property;

  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SEARCH_FINISHED] =
    g_signal_new ("search-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[RESULTS_CHANGING] =
    g_signal_new ("results-changing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bridge_search_model_init (BridgeSearchModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}
