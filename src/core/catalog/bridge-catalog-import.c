/* bridge-catalog-import.c: filling the catalog cache from a feed
 *
 * An import replaces the whole cache in one transaction, with what the feed
 * reader (bridge-feed.h) has checked: a feed that fails leaves the cache as
 * it was. The asynchronous import runs in a thread with its own connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-catalog"

#include "config.h"

#include <string.h>

#include "bridge-catalog-private.h"
#include "bridge-catalog-update.h"
#include "bridge-error.h"
#include "bridge-feed.h"
#include "bridge-main-context.h"

/* Page cache while importing, in KiB (negative: SQLite's unit for KiB). */
#define IMPORT_CACHE_KIB "-196608"

/* Import */

typedef struct
{
  BridgeCatalog       *self;
  BridgeImportReport  *report;
  BridgeProgressFunc   progress;
  gpointer             progress_data;
  char                *source;
  char                *old_digest;
  gint64               ord;
  GString             *fts_title;
  GString             *fts_outcomes;
  GString             *fts_code;
  JsonGenerator       *generator;
  gboolean             unchanged;
} Import;

static char *
object_to_string (Import     *import,
                  JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  json_generator_set_root (import->generator, node);
  return json_generator_to_data (import->generator, NULL);
}

static gboolean
step_done (BridgeCatalog  *self,
           sqlite3_stmt   *stmt,
           GError        **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bridge_catalog_sql_error (self, rc, error);
  return TRUE;
}

/* Runs @sql, an INSERT of two parameters, once for each string of @array
 * with the course @rowid. */
static gboolean
insert_strings (BridgeCatalog  *self,
                const char     *sql,
                JsonArray      *array,
                sqlite3_int64   rowid,
                GError        **error)
{
  sqlite3_stmt *stmt = bridge_catalog_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      sqlite3_bind_text (stmt, 1, json_array_get_string_element (array, i), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, rowid);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_begin (gpointer              user_data,
              JsonObject           *root,
              const BridgeAlliance *alliance,
              GError              **error)
{
  Import *import = user_data;
  BridgeCatalog *self = import->self;
  g_autofree char *alliance_json = NULL;
  g_autofree char *notice = NULL;
  JsonNode *node;

  import->old_digest = bridge_catalog_meta_get (self, "digest");

  if (!bridge_catalog_exec (self,
                            "DELETE FROM equivalence_courses;"
                            "DELETE FROM equivalences;"
                            "DELETE FROM course_terms;"
                            "DELETE FROM course_languages;"
                            "INSERT INTO course_fts (course_fts) VALUES ('delete-all');"
                            "DELETE FROM course_json;"
                            "DELETE FROM courses;"
                            "DELETE FROM grading_tables;"
                            "DELETE FROM certificates;"
                            "DELETE FROM universities;"
                            "DELETE FROM meta;",
                            error)
      || !bridge_catalog_drop_course_indexes (self, error))
    return FALSE;

  alliance_json = object_to_string (import, json_object_get_object_member (root, "alliance"));
  if (!bridge_catalog_meta_set (self, "alliance", alliance_json, error)
      || !bridge_catalog_meta_set (self, "generated", json_object_get_string_member (root, "generated"), error)
      || !bridge_catalog_meta_set (self, "format_version", "1", error))
    return FALSE;

  node = json_object_get_member (root, "x-demo");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node)
      && !bridge_catalog_meta_set (self, "demo", "1", error))
    return FALSE;
  node = json_object_get_member (root, "x-notice");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      notice = object_to_string (import, json_node_get_object (node));
      if (!bridge_catalog_meta_set (self, "notice", notice, error))
        return FALSE;
    }
  return TRUE;
}

static const char *
text_member (JsonObject *object,
             const char *member,
             const char *lang)
{
  JsonObject *text = json_object_get_object_member (object, member);

  if (text == NULL || !json_object_has_member (text, lang))
    return NULL;
  return json_object_get_string_member (text, lang);
}

static gboolean
import_university (gpointer     user_data,
                   JsonObject  *university,
                   const char  *place,
                   GError     **error)
{
  Import *import = user_data;
  BridgeCatalog *self = import->self;
  g_autofree char *json = object_to_string (import, university);
  const char *id = json_object_get_string_member (university, "id");
  sqlite3_stmt *stmt;

  stmt = bridge_catalog_statement (self,
                                   "INSERT INTO universities (id, ord, city_zh, city_en, json) VALUES (?, ?, ?, ?, ?)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, import->ord++);
  sqlite3_bind_text (stmt, 3, text_member (university, "city", "zh"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, text_member (university, "city", "en"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, json, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (json_object_has_member (university, "grading_tables"))
    {
      JsonArray *tables = json_object_get_array_member (university, "grading_tables");

      stmt = bridge_catalog_statement (self,
                                       "INSERT INTO grading_tables (university, scale, isced, cycle) VALUES (?, ?, ?, ?)",
                                       error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < json_array_get_length (tables); i++)
        {
          JsonObject *table = json_array_get_object_element (tables, i);

          sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 2, json_object_get_string_member (table, "scale"), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, json_object_get_string_member (table, "isced"), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, json_object_get_string_member (table, "cycle"), -1, SQLITE_STATIC);
          if (!step_done (self, stmt, error))
            return FALSE;
        }
    }
  import->report->universities++;
  return TRUE;
}

static gboolean
import_certificate (gpointer     user_data,
                    JsonObject  *certificate,
                    const char  *place,
                    GError     **error)
{
  Import *import = user_data;
  BridgeCatalog *self = import->self;
  g_autofree char *json = object_to_string (import, certificate);
  sqlite3_stmt *stmt;

  stmt = bridge_catalog_statement (self, "INSERT INTO certificates (id, ord, json) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json_object_get_string_member (certificate, "id"), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, import->ord++);
  sqlite3_bind_text (stmt, 3, json, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return FALSE;
  import->report->certificates++;
  return TRUE;
}

static gboolean
insert_equivalence_courses (BridgeCatalog  *self,
                            JsonObject     *equivalence,
                            const char     *member,
                            int             role,
                            GError        **error)
{
  JsonArray *courses = json_object_get_array_member (equivalence, member);
  const char *id = json_object_get_string_member (equivalence, "id");

  for (guint i = 0; i < json_array_get_length (courses); i++)
    {
      sqlite3_stmt *stmt = bridge_catalog_statement (self,
                                                     "INSERT INTO equivalence_courses (course, equivalence, role) "
                                                     "VALUES (?, ?, ?)",
                                                     error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, json_array_get_string_element (courses, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, role);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_equivalence (gpointer     user_data,
                    JsonObject  *equivalence,
                    const char  *place,
                    GError     **error)
{
  Import *import = user_data;
  BridgeCatalog *self = import->self;
  g_autofree char *json = object_to_string (import, equivalence);
  sqlite3_stmt *stmt;

  stmt = bridge_catalog_statement (self,
                                   "INSERT INTO equivalences (id, ord, home, decided, json) VALUES (?, ?, ?, ?, ?)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json_object_get_string_member (equivalence, "id"), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, import->ord++);
  sqlite3_bind_text (stmt, 3, json_object_get_string_member (equivalence, "home"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, json_object_get_string_member (equivalence, "decided"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, json, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, error)
      || !insert_equivalence_courses (self, equivalence, "host_courses", 0, error)
      || !insert_equivalence_courses (self, equivalence, "home_courses", 1, error))
    return FALSE;
  import->report->equivalences++;
  return TRUE;
}

static void
append_text_object (GString    *out,
                    JsonObject *text)
{
  JsonObjectIter iter;
  const char *lang;
  JsonNode *node;

  if (text == NULL)
    return;
  json_object_iter_init (&iter, text);
  while (json_object_iter_next (&iter, &lang, &node))
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      bridge_search_append_fts_text (out, json_node_get_string (node));
    }
}

/* The length of the shortest title: within a tier of search results, a
 * shorter title is a closer match ("数学" before "离散数学及其应用"). */
static gint64
title_length (JsonObject *title)
{
  JsonObjectIter iter;
  const char *lang;
  JsonNode *node;
  glong shortest = G_MAXINT;

  json_object_iter_init (&iter, title);
  while (json_object_iter_next (&iter, &lang, &node))
    shortest = MIN (shortest, g_utf8_strlen (json_node_get_string (node), -1));
  return shortest == G_MAXINT ? 0 : shortest;
}

static gboolean
import_course (gpointer     user_data,
               JsonObject  *course,
               const char  *raw_json,
               gsize        raw_len,
               const char  *place,
               GError     **error)
{
  Import *import = user_data;
  BridgeCatalog *self = import->self;
  g_autofree char *generated = NULL;
  sqlite3_stmt *stmt;
  sqlite3_int64 rowid;
  gint64 title_len;
  JsonArray *array;

  if (raw_json == NULL)
    {
      generated = object_to_string (import, course);
      raw_json = generated;
      raw_len = strlen (generated);
    }

  stmt = bridge_catalog_statement (self,
                                   "INSERT INTO courses (id, university, university_ord, code, isced, cycle, level,"
                                   " delivery, credits, title_len)"
                                   " VALUES (?1, ?2, (SELECT ord FROM universities WHERE id = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json_object_get_string_member (course, "id"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, json_object_get_string_member (course, "university"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, json_object_get_string_member (course, "code"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, json_object_get_string_member (course, "isced"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, json_object_get_string_member (course, "cycle"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, json_object_get_string_member (course, "level"), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, json_object_get_string_member (course, "delivery"), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 8, json_object_get_double_member (course, "credits"));
  title_len = title_length (json_object_get_object_member (course, "title"));
  sqlite3_bind_int64 (stmt, 9, title_len);
  if (!step_done (self, stmt, error))
    return FALSE;
  rowid = sqlite3_last_insert_rowid (self->db);

  stmt = bridge_catalog_statement (self, "INSERT INTO course_json (rowid, json) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_text (stmt, 2, raw_json, (int) raw_len, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (json_object_has_member (course, "terms"))
    {
      if (!insert_strings (self, "INSERT OR IGNORE INTO course_terms (term, course) VALUES (?, ?)",
                           json_object_get_array_member (course, "terms"), rowid, error))
        return FALSE;
    }

  if (!insert_strings (self, "INSERT OR IGNORE INTO course_languages (lang, course) VALUES (lower(?), ?)",
                       json_object_get_array_member (course, "languages"), rowid, error))
    return FALSE;

  g_string_truncate (import->fts_code, 0);
  g_string_truncate (import->fts_title, 0);
  g_string_truncate (import->fts_outcomes, 0);
  bridge_search_append_fts_text (import->fts_code, json_object_get_string_member (course, "code"));
  append_text_object (import->fts_title, json_object_get_object_member (course, "title"));
  if (json_object_has_member (course, "learning_outcomes"))
    {
      array = json_object_get_array_member (course, "learning_outcomes");
      for (guint i = 0; i < json_array_get_length (array); i++)
        append_text_object (import->fts_outcomes, json_array_get_object_element (array, i));
    }
  stmt = bridge_catalog_statement (self,
                                   "INSERT INTO course_fts (rowid, code, title, outcomes) VALUES (?, ?, ?, ?)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_text (stmt, 2, import->fts_code->str, (int) import->fts_code->len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, import->fts_title->str, (int) import->fts_title->len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, import->fts_outcomes->str, (int) import->fts_outcomes->len, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return FALSE;
  /* The same code and title again, under the rowid whose order is the
   * title tier's rank (bridge-search.c). Out of order, FTS5 writes more
   * segments; staging the rows to insert them in order cost as much CPU
   * and more memory (a sort, or a temporary B-tree, of a million rows). */
  stmt = bridge_catalog_statement (self, "INSERT INTO course_title_fts (rowid, code, title) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, BRIDGE_SEARCH_TITLE_ROWID (title_len, rowid));
  sqlite3_bind_text (stmt, 2, import->fts_code->str, (int) import->fts_code->len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, import->fts_title->str, (int) import->fts_title->len, SQLITE_STATIC);
  if (!step_done (self, stmt, error))
    return FALSE;

  import->report->courses++;
  return TRUE;
}

static gboolean
import_end (gpointer     user_data,
            const char  *digest,
            GError     **error)
{
  Import *import = user_data;
  BridgeCatalog *self = import->self;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *imported = g_date_time_format_iso8601 (now);
  g_autofree char *courses = g_strdup_printf ("%u", import->report->courses);

  if (g_strcmp0 (digest, import->old_digest) == 0)
    {
      /* The same feed again: keep the cache exactly as it is. */
      import->unchanged = TRUE;
      return TRUE;
    }
  return bridge_catalog_create_course_indexes (self, error)
         && bridge_catalog_meta_set (self, "digest", digest, error)
         && bridge_catalog_meta_set (self, "source", import->source, error)
         && bridge_catalog_meta_set (self, "imported", imported, error)
         /* Counting a million rows takes a while: the window asks at once. */
         && bridge_catalog_meta_set (self, "courses", courses, error);
}

static void
import_warning (gpointer    user_data,
                const char *place,
                const char *message)
{
  Import *import = user_data;

  g_ptr_array_add (import->report->warnings, g_strdup_printf ("%s: %s", place, message));
}

static void
import_progress (gpointer user_data,
                 guint64  done,
                 guint64  total)
{
  Import *import = user_data;

  if (import->progress != NULL && total > 0)
    import->progress ((double) done / (double) total, import->progress_data);
}

void
bridge_import_report_free (BridgeImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->warnings);
  g_free (report->rebuilt_reason);
  g_free (report);
}

static GFile *
source_to_file (const char *source)
{
  g_autofree char *scheme = g_uri_parse_scheme (source);

  if (scheme != NULL && strlen (scheme) > 1)
    return g_file_new_for_uri (source);
  return g_file_new_for_commandline_arg (source);
}

static gboolean
interrupt_on_cancel (gpointer user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

static int
progress_handler (void *user_data)
{
  return interrupt_on_cancel (user_data) ? 1 : 0;
}

/* While another import holds the cache, wait for it (saying so once
 * through the progress callback), until cancelled. */
typedef struct
{
  BridgeProgressFunc  progress;
  gpointer            progress_data;
  GCancellable       *cancellable;
  gboolean            said;
} BusyWait;

static int
busy_wait (void *user_data,
           int   count)
{
  BusyWait *wait = user_data;

  if (g_cancellable_is_cancelled (wait->cancellable))
    return 0;
  if (!wait->said && wait->progress != NULL)
    wait->progress (-1, wait->progress_data);
  wait->said = TRUE;
  sqlite3_sleep (100);
  return 1;
}

static gboolean
begin_import (BridgeCatalog       *self,
              BridgeProgressFunc   progress,
              gpointer             progress_data,
              GCancellable        *cancellable,
              GError             **error)
{
  BusyWait wait = { progress, progress_data, cancellable, FALSE };
  gboolean ok;

  sqlite3_busy_handler (self->db, busy_wait, &wait);
  ok = bridge_catalog_exec (self, "BEGIN IMMEDIATE", error);
  sqlite3_busy_timeout (self->db, 10000);
  return ok;
}

static gboolean
import_feed (BridgeCatalog       *self,
             const char          *source,
             const char          *recorded,
             BridgeImportReport  *report,
             BridgeProgressFunc   progress,
             gpointer             progress_data,
             GCancellable        *cancellable,
             GError             **error)
{
  static const BridgeFeedSink sink = {
    .begin = import_begin,
    .university = import_university,
    .certificate = import_certificate,
    .course = import_course,
    .equivalence = import_equivalence,
    .end = import_end,
    .warning = import_warning,
    .progress = import_progress,
  };
  g_autoptr(GFile) file = NULL;
  Import import = { 0 };
  gboolean ok;

  file = source_to_file (source);

  import.self = self;
  import.report = report;
  import.progress = progress;
  import.progress_data = progress_data;
  import.source = recorded ? g_strdup (recorded) : g_file_get_parse_name (file);
  import.fts_title = g_string_new (NULL);
  import.fts_outcomes = g_string_new (NULL);
  import.fts_code = g_string_new (NULL);
  import.generator = json_generator_new ();

  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 10000, progress_handler, cancellable);

  ok = bridge_catalog_exec (self, "PRAGMA cache_size = " IMPORT_CACHE_KIB, error)
       && begin_import (self, progress, progress_data, cancellable, error);
  if (ok)
    ok = bridge_feed_read (file, &sink, &import, cancellable, error);
  if (ok && !import.unchanged)
    ok = bridge_catalog_exec (self, "COMMIT", error);
  else
    bridge_catalog_exec (self, "ROLLBACK", NULL);
  if (ok && import.unchanged)
    {
      /* The same feed, imported before from elsewhere: it now comes from
       * here, so that an update asks this source. */
      g_autofree char *old_source = bridge_catalog_meta_get (self, "source");

      if (g_strcmp0 (old_source, import.source) != 0)
        ok = bridge_catalog_meta_set (self, "source", import.source, error);
    }

  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  /* Give the import's page cache back. */
  bridge_catalog_apply_cache_size (self, self->cache_kib, NULL);
  bridge_catalog_exec (self, "PRAGMA shrink_memory", NULL);
  report->unchanged = import.unchanged;
  g_free (import.source);
  g_free (import.old_digest);
  g_string_free (import.fts_title, TRUE);
  g_string_free (import.fts_outcomes, TRUE);
  g_string_free (import.fts_code, TRUE);
  g_object_unref (import.generator);

  /* Reload what is in memory from what is now on disk, success or not. */
  if (!bridge_catalog_load_universities (self, ok ? error : NULL))
    ok = FALSE;
  return ok;
}

static BridgeImportReport *
import_report_new (void)
{
  BridgeImportReport *report = g_new0 (BridgeImportReport, 1);

  report->warnings = g_ptr_array_new_with_free_func (g_free);
  return report;
}

gboolean
bridge_catalog_import_as (BridgeCatalog       *self,
                          const char          *source,
                          const char          *recorded,
                          BridgeImportReport **report_out,
                          BridgeProgressFunc   progress,
                          gpointer             progress_data,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_autoptr(BridgeImportReport) report = import_report_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  if (!import_feed (self, source, recorded, report, progress, progress_data, cancellable, &local_error))
    {
      /* Damage that opening did not see (a page in the middle of the file)
       * is met when the import replaces the old rows: the damaged file is
       * moved aside and the feed imported into a new one. */
      if (!g_error_matches (local_error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!bridge_catalog_reset (self, local_error->message, &reason, error))
        return FALSE;
      g_clear_pointer (&report, bridge_import_report_free);
      report = import_report_new ();
      report->rebuilt = TRUE;
      report->rebuilt_reason = g_steal_pointer (&reason);
      if (!import_feed (self, source, recorded, report, progress, progress_data, cancellable, error))
        return FALSE;
    }
  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);
  return TRUE;
}

gboolean
bridge_catalog_import (BridgeCatalog       *self,
                       const char          *source,
                       BridgeImportReport **report_out,
                       BridgeProgressFunc   progress,
                       gpointer             progress_data,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  /* From the web, the files are kept beside the cache for updates. */
  if (bridge_catalog_source_is_web (source))
    return bridge_catalog_import_web (self, source, report_out, progress, progress_data, cancellable, error);
  return bridge_catalog_import_as (self, source, NULL, report_out, progress, progress_data, cancellable, error);
}

/* Asynchronous import: a worker thread with its own connection */

typedef struct
{
  BridgeProgressFunc  progress;
  gpointer            progress_data;
  double              fraction;
} ProgressIdle;

BridgeCatalogTask *
bridge_catalog_task_new (BridgeCatalog      *self,
                         const char         *source,
                         BridgeProgressFunc  progress,
                         gpointer            progress_data)
{
  BridgeCatalogTask *task = g_new0 (BridgeCatalogTask, 1);

  task->path = g_strdup (self->path);
  task->source = g_strdup (source);
  task->progress = progress;
  task->progress_data = progress_data;
  task->context = g_main_context_ref_thread_default ();
  return task;
}

void
bridge_catalog_task_free (BridgeCatalogTask *task)
{
  g_free (task->path);
  g_free (task->source);
  g_main_context_unref (task->context);
  g_free (task);
}

static gboolean
progress_idle_cb (gpointer user_data)
{
  ProgressIdle *idle = user_data;

  idle->progress (idle->fraction, idle->progress_data);
  return G_SOURCE_REMOVE;
}

void
bridge_catalog_task_progress (double   fraction,
                              gpointer user_data)
{
  BridgeCatalogTask *task = user_data;
  ProgressIdle *idle;

  if (task->progress == NULL)
    return;
  idle = g_new0 (ProgressIdle, 1);
  idle->progress = task->progress;
  idle->progress_data = task->progress_data;
  idle->fraction = fraction;
  bridge_main_context_invoke (task->context, G_PRIORITY_DEFAULT, progress_idle_cb, idle, g_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BridgeCatalogTask *data = task_data;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeImportReport) report = NULL;
  g_autofree char *reason = NULL;
  GError *error = NULL;

  catalog = bridge_catalog_open_or_reset (data->path, &reason, &error);
  if (catalog == NULL
      || !bridge_catalog_import (catalog, data->source, &report, bridge_catalog_task_progress, data, cancellable,
                                 &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (reason != NULL && !report->rebuilt)
    {
      report->rebuilt = TRUE;
      report->rebuilt_reason = g_steal_pointer (&reason);
    }
  g_task_return_pointer (task, g_steal_pointer (&report), (GDestroyNotify) bridge_import_report_free);
}

void
bridge_catalog_import_async (BridgeCatalog       *self,
                             const char          *source,
                             BridgeProgressFunc   progress,
                             gpointer             progress_data,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BRIDGE_IS_CATALOG (self));
  g_return_if_fail (source != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bridge_catalog_import_async);
  g_task_set_task_data (task, bridge_catalog_task_new (self, source, progress, progress_data),
                        (GDestroyNotify) bridge_catalog_task_free);
  g_task_run_in_thread (task, import_thread);
}

BridgeImportReport *
bridge_catalog_import_finish (BridgeCatalog  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  BridgeImportReport *report;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  report = g_task_propagate_pointer (G_TASK (result), error);
  if (report == NULL)
    return NULL;
  /* This connection must see the new catalog: if the worker had to rebuild
   * the file, reopen it; otherwise reload what is held in memory. */
  if (report->rebuilt)
    {
      bridge_catalog_close (self);
      if (!bridge_catalog_open_db (self, error))
        {
          bridge_import_report_free (report);
          return NULL;
        }
    }
  else if (!bridge_catalog_load_universities (self, error))
    {
      bridge_import_report_free (report);
      return NULL;
    }
  return report;
}
