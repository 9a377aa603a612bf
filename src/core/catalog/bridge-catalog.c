/* bridge-catalog.c: the alliance catalog, cached in SQLite
 *
 * The cache is a copy of the last imported feed and nothing else: plans and
 * preferences live elsewhere, so a damaged cache can always be thrown away
 * and rebuilt from the feed. This file opens the cache, creates and migrates
 * its schema, and sets a damaged one aside; bridge-catalog-import.c fills it
 * from a feed, bridge-catalog-query.c reads it, bridge-search.c searches it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-catalog"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <inttypes.h>
#include <glib/gstdio.h>

#include "bridge-catalog-private.h"
#include "bridge-error.h"

G_DEFINE_FINAL_TYPE (BridgeCatalog, bridge_catalog, G_TYPE_OBJECT)

/* Schema migrations: migrations[i] takes user_version i to i + 1. */
static const char * const migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT"
  ") WITHOUT ROWID;"
  "CREATE TABLE universities ("
  "  id TEXT PRIMARY KEY,"
  "  ord INTEGER NOT NULL,"
  "  city_zh TEXT,"
  "  city_en TEXT,"
  "  json TEXT NOT NULL"
  ");"
  "CREATE TABLE grading_tables ("
  "  university TEXT NOT NULL REFERENCES universities (id),"
  "  scale TEXT NOT NULL,"
  "  isced TEXT NOT NULL,"
  "  cycle TEXT NOT NULL"
  ");"
  /* Narrow on purpose: search filters and orders thousands of rows at a
   * time, so the feed's text lives in course_json. */
  "CREATE TABLE courses ("
  "  rowid INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL,"
  "  university TEXT NOT NULL REFERENCES universities (id),"
  "  university_ord INTEGER NOT NULL,"
  "  code TEXT NOT NULL,"
  "  isced TEXT NOT NULL,"
  "  cycle TEXT NOT NULL,"
  "  level TEXT NOT NULL,"
  "  delivery TEXT NOT NULL,"
  "  credits REAL NOT NULL,"
  "  title_len INTEGER NOT NULL"
  ");"
  "CREATE TABLE course_json ("
  "  rowid INTEGER PRIMARY KEY REFERENCES courses (rowid),"
  "  json TEXT NOT NULL"
  ");"
  /* The indexes are rebuilt by each import (see course_indexes below). */
  "CREATE TABLE course_terms ("
  "  term TEXT NOT NULL,"
  "  course INTEGER NOT NULL REFERENCES courses (rowid),"
  "  PRIMARY KEY (term, course)"
  ") WITHOUT ROWID;"
  "CREATE TABLE course_languages ("
  "  lang TEXT NOT NULL,"
  "  course INTEGER NOT NULL REFERENCES courses (rowid),"
  "  PRIMARY KEY (lang, course)"
  ") WITHOUT ROWID;"
  "CREATE TABLE certificates ("
  "  id TEXT PRIMARY KEY,"
  "  ord INTEGER NOT NULL,"
  "  json TEXT NOT NULL"
  ");"
  /* Contentless: the text is in course_json; the index only finds rowids. */
  "CREATE VIRTUAL TABLE course_fts USING fts5 ("
  "  code, title, outcomes,"
  "  content = '',"
  "  tokenize = 'unicode61 remove_diacritics 2',"
  "  prefix = '2 3'"
  ");"
  /* Within a tier, a word in the code or title weighs more than in an outcome. */
  "INSERT INTO course_fts (course_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0)');",
  /* 1 → 2: the recognition register of feed revision 2. A cache of
   * schema 1 was imported without it (and without the policies' rounding
   * read): forgetting its digest makes the same feed import again. */
  "CREATE TABLE equivalences ("
  "  id TEXT PRIMARY KEY,"
  "  ord INTEGER NOT NULL,"
  "  home TEXT NOT NULL REFERENCES universities (id),"
  "  decided TEXT NOT NULL,"
  "  json TEXT NOT NULL"
  ");"
  /* role 0: a host course of the decision, 1: a home course it replaces */
  "CREATE TABLE equivalence_courses ("
  "  course TEXT NOT NULL,"
  "  equivalence TEXT NOT NULL REFERENCES equivalences (id),"
  "  role INTEGER NOT NULL,"
  "  PRIMARY KEY (course, equivalence, role)"
  ") WITHOUT ROWID;"
  "DELETE FROM meta WHERE key = 'digest';",
  /* 2 → 3: the titles and codes again, each course under the rowid
   * BRIDGE_SEARCH_TITLE_ROWID (title length, rowid), so that the index's own
   * order is the title tier's rank and a first page stops after its rows.
   * A cache of schema 2 has it empty until the next import: forgetting its
   * digest makes the same feed import again. Written short, without the
   * column sizes (no ranking function reads them): the schema of every
   * table still fits in the file's first page, which a truncated cache
   * keeps (read_recorded_source ()). Prefixes of 4 characters are indexed
   * too: without, "math" merges the lists of every code that begins with
   * it (MATH0001, MATH0002…) before its first row. */
  "CREATE VIRTUAL TABLE IF NOT EXISTS course_title_fts USING fts5(code,title,content='',columnsize=0,"
  "tokenize='unicode61 remove_diacritics 2',prefix='2 3 4');"
  "DELETE FROM meta WHERE key = 'digest';",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == BRIDGE_CATALOG_SCHEMA_VERSION);

/* The indexes of the courses. An import drops them, inserts every course and
 * builds them again in the same transaction: one sort instead of a million
 * random B-tree inserts. The reader has already refused duplicate ids. */
static const char course_indexes[] =
  "CREATE UNIQUE INDEX IF NOT EXISTS courses_by_id ON courses (id);"
  "CREATE INDEX IF NOT EXISTS courses_by_university ON courses (university_ord, code);"
  "CREATE INDEX IF NOT EXISTS courses_by_code ON courses (code COLLATE NOCASE);"
  "CREATE INDEX IF NOT EXISTS course_terms_by_course ON course_terms (course);"
  "CREATE INDEX IF NOT EXISTS course_languages_by_course ON course_languages (course);";
static const char drop_course_indexes[] =
  /* Filled by the import again, as course_fts. */
  "INSERT INTO course_title_fts (course_title_fts) VALUES ('delete-all');"
  "DROP INDEX IF EXISTS courses_by_id;"
  "DROP INDEX IF EXISTS courses_by_university;"
  "DROP INDEX IF EXISTS courses_by_code;"
  "DROP INDEX IF EXISTS course_terms_by_course;"
  "DROP INDEX IF EXISTS course_languages_by_course;";

/* Page cache outside imports, in KiB. */
#define NORMAL_CACHE_KIB 16384

/* Errors */

gboolean
bridge_catalog_sql_error (BridgeCatalog  *self,
                          int             rc,
                          GError        **error)
{
  /* SQLite's own words ("database disk image is malformed", "another row
   * available", "not an error") say nothing to a person: each kind of
   * failure has a sentence of ours, that says what to do. */
  switch (rc & 0xff)
    {
    case SQLITE_INTERRUPT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled"));
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("The catalog cache %s is busy: another import is writing it. Try again when it has finished."),
                   self->path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("The catalog cache %s cannot be written: the file or its folder is read-only. "
                     "Searching it still works; to import, use a cache in a folder you can write to."),
                   self->path);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("The catalog cache %s cannot be opened: check that its folder exists and that you may read "
                     "and write it."),
                   self->path);
      break;
    case SQLITE_FULL:
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("The disk holding the catalog cache %s is full; free some space and try again."),
                   self->path);
      break;
    case SQLITE_IOERR:
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("The catalog cache %s could not be read or written: the disk reported an error. "
                     "Check the disk, then try again."),
                   self->path);
      break;
    case SQLITE_NOMEM:
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("There is not enough memory to use the catalog cache %s; close other programs and try again."),
                   self->path);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_CORRUPT,
                   _("The catalog cache %s is damaged (the file is not a catalog cache); import the catalog again "
                     "to rebuild it"),
                   self->path);
      break;
    case SQLITE_CORRUPT:
    default:
      /* Anything else (a constraint broken, a row where none should be) means
       * the cache is not what this build wrote: damaged. */
      g_debug ("SQLite error %d on %s: %s", rc, self->path,
               self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_CORRUPT,
                   _("The catalog cache %s is damaged; import the catalog again to rebuild it"), self->path);
      break;
    }
  return FALSE;
}

gboolean
bridge_catalog_exec (BridgeCatalog  *self,
                     const char     *sql,
                     GError        **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return bridge_catalog_sql_error (self, rc, error);
  return TRUE;
}

gboolean
bridge_catalog_create_course_indexes (BridgeCatalog  *self,
                                      GError        **error)
{
  return bridge_catalog_exec (self, course_indexes, error);
}

gboolean
bridge_catalog_drop_course_indexes (BridgeCatalog  *self,
                                    GError        **error)
{
  return bridge_catalog_exec (self, drop_course_indexes, error);
}

sqlite3_stmt *
bridge_catalog_statement (BridgeCatalog  *self,
                          const char     *sql,
                          GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      bridge_catalog_sql_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gint64
bridge_catalog_query_int (BridgeCatalog  *self,
                          const char     *sql,
                          GError        **error)
{
  sqlite3_stmt *stmt = bridge_catalog_statement (self, sql, error);
  gint64 value = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      bridge_catalog_sql_error (self, rc, error);
      value = -1;
    }
  sqlite3_reset (stmt);
  return value;
}

char *
bridge_catalog_meta_get (BridgeCatalog *self,
                         const char    *key)
{
  sqlite3_stmt *stmt = bridge_catalog_statement (self, "SELECT value FROM meta WHERE key = ?", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

gboolean
bridge_catalog_meta_set (BridgeCatalog  *self,
                         const char     *key,
                         const char     *value,
                         GError        **error)
{
  sqlite3_stmt *stmt = bridge_catalog_statement (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bridge_catalog_sql_error (self, rc, error);
  return TRUE;
}

/* Object life */

void
bridge_catalog_close (BridgeCatalog *self)
{
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

static void
bridge_catalog_finalize (GObject *object)
{
  BridgeCatalog *self = (BridgeCatalog *) object;

  bridge_catalog_close (self);
  g_clear_pointer (&self->title_lengths, g_byte_array_unref);
  g_clear_pointer (&self->title_term_counts, g_hash_table_unref);
  g_hash_table_unref (self->statements);
  g_hash_table_unref (self->universities);
  g_ptr_array_unref (self->university_list);
  bridge_alliance_clear (&self->alliance);
  g_free (self->path);
  g_free (self->lost_source);

  G_OBJECT_CLASS (bridge_catalog_parent_class)->finalize (object);
}

static void
bridge_catalog_class_init (BridgeCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bridge_catalog_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
bridge_catalog_init (BridgeCatalog *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->universities = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->university_list = g_ptr_array_new ();
  self->cache_kib = NORMAL_CACHE_KIB;
}

char *
bridge_catalog_default_path (void)
{
  const char *env = g_getenv ("CREDIT_BRIDGE_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_cache_dir (), "credit-bridge", "catalog.db", NULL);
}

const char *
bridge_catalog_get_demo_feed (void)
{
  static char *installed;
  const char *uninstalled = g_getenv ("CREDIT_BRIDGE_DEMO_CATALOG");

  if (uninstalled != NULL && *uninstalled != '\0')
    return uninstalled;
  if (g_once_init_enter (&installed))
    {
      g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *folder = program != NULL ? g_path_get_dirname (program) : NULL;
      g_autofree char *beside = folder != NULL ? g_build_filename (folder, BINDIR_TO_DEMO_CATALOG, NULL) : NULL;
      char *found = beside != NULL ? g_canonicalize_filename (beside, NULL) : NULL;

      if (found == NULL || !g_file_test (found, G_FILE_TEST_IS_REGULAR))
        {
          g_free (found);
          found = g_strdup (DEMO_CATALOG);
        }
      g_once_init_leave (&installed, found);
    }
  return installed;
}

/* Loads the universities and the alliance into memory: there are few. */
gboolean
bridge_catalog_load_universities (BridgeCatalog  *self,
                                  GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *alliance = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_clear_pointer (&self->title_lengths, g_byte_array_unref);
  g_clear_pointer (&self->title_term_counts, g_hash_table_unref);
  self->title_index = 0;
  g_hash_table_remove_all (self->universities);
  g_ptr_array_set_size (self->university_list, 0);
  bridge_alliance_clear (&self->alliance);
  self->has_alliance = FALSE;

  stmt = bridge_catalog_statement (self, "SELECT json FROM universities ORDER BY ord", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *json = (const char *) sqlite3_column_text (stmt, 0);
      BridgeUniversity *university;

      if (!json_parser_load_from_data (parser, json, -1, NULL)
          || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          sqlite3_reset (stmt);
          return bridge_catalog_sql_error (self, SQLITE_CORRUPT, error);
        }
      university = bridge_university_new_from_json (json_node_get_object (json_parser_get_root (parser)), error);
      if (university == NULL)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      g_hash_table_insert (self->universities, (gpointer) bridge_university_get_id (university), university);
      g_ptr_array_add (self->university_list, university);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bridge_catalog_sql_error (self, rc, error);

  self->data_version = bridge_catalog_query_int (self, "PRAGMA data_version", NULL);
  alliance = bridge_catalog_meta_get (self, "alliance");
  if (alliance != NULL && json_parser_load_from_data (parser, alliance, -1, NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *object = json_node_get_object (json_parser_get_root (parser));

      self->alliance.id = g_strdup (json_object_get_string_member (object, "id"));
      self->alliance.name = bridge_text_new_from_json (json_object_get_object_member (object, "name"));
      self->alliance.hours_per_credit = json_object_get_double_member (object, "hours_per_credit");
      self->alliance.ects_hours_per_credit =
        json_object_has_member (object, "ects_hours_per_credit")
          ? json_object_get_double_member (object, "ects_hours_per_credit") : 27.5;
      self->has_alliance = TRUE;
    }
  return TRUE;
}

gboolean
bridge_catalog_refresh (BridgeCatalog  *self,
                        GError        **error)
{
  gint64 version = bridge_catalog_query_int (self, "PRAGMA data_version", error);

  if (version < 0)
    return FALSE;
  if (version == self->data_version)
    return TRUE;
  return bridge_catalog_load_universities (self, error);
}

static gboolean
migrate (BridgeCatalog  *self,
         GError        **error)
{
  gint64 version = bridge_catalog_query_int (self, "PRAGMA user_version", error);

  if (version < 0)
    return FALSE;
  if (version > BRIDGE_CATALOG_SCHEMA_VERSION)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_TOO_NEW,
                   _("The catalog cache %s was written by a newer version of Credit Bridge (schema %" PRId64 ", this one knows %d)"),
                   self->path, version, BRIDGE_CATALOG_SCHEMA_VERSION);
      return FALSE;
    }
  if (version == BRIDGE_CATALOG_SCHEMA_VERSION)
    return TRUE;

  if (!bridge_catalog_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* A catalog imported by an older build lacks what it could not read. */
  self->outdated = version >= 1 && bridge_catalog_query_int (self, "SELECT count(*) FROM universities", NULL) > 0;
  self->outdated_schema = version;
  for (gint64 v = version; v < BRIDGE_CATALOG_SCHEMA_VERSION; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, v + 1);

      if (!bridge_catalog_exec (self, migrations[v], error) || !bridge_catalog_exec (self, set_version, error))
        {
          bridge_catalog_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  return bridge_catalog_exec (self, "COMMIT", error);
}

/* A cache whose tables are not what its version promises is damaged. */
static gboolean
check_schema (BridgeCatalog  *self,
              GError        **error)
{
  static const char * const tables[] = {
    "meta", "universities", "grading_tables", "courses", "course_json", "course_terms",
    "course_languages", "certificates", "course_fts", "equivalences", "equivalence_courses",
    "course_title_fts",
  };
  sqlite3_stmt *stmt = bridge_catalog_statement (self, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          if (rc != SQLITE_DONE)
            return bridge_catalog_sql_error (self, rc, error);
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_CORRUPT,
                       _("The catalog cache %s is damaged (the table “%s” is missing); import the catalog again to rebuild it"),
                       self->path, tables[i]);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
bridge_catalog_apply_cache_size (BridgeCatalog  *self,
                                 guint           kib,
                                 GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%u", kib);

  return bridge_catalog_exec (self, sql, error);
}

void
bridge_catalog_set_cache_size (BridgeCatalog *self,
                               guint          kib)
{
  g_return_if_fail (BRIDGE_IS_CATALOG (self));

  self->cache_kib = kib;
  if (self->db != NULL)
    {
      bridge_catalog_apply_cache_size (self, kib, NULL);
      bridge_catalog_exec (self, "PRAGMA shrink_memory", NULL);
    }
}

/* An existing cache whose file or folder this user cannot write. */
static gboolean
cache_is_read_only (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_file_test (path, G_FILE_TEST_EXISTS)
         && (g_access (path, W_OK) != 0 || g_access (dir, W_OK) != 0);
}

/* "file:///…?immutable=1": read without locks, as no one writes it. */
static char *
immutable_uri (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);

  return g_strconcat (uri ? uri : absolute, "?immutable=1", NULL);
}

gboolean
bridge_catalog_open_db (BridgeCatalog  *self,
                        GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("Cannot create the folder %s for the catalog cache: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* A cache someone may not write (a shared one, a read-only folder) can
   * still be searched: SQLite is told it cannot change, so that it needs
   * neither a lock nor the WAL's index beside it. */
  self->read_only = cache_is_read_only (self->path);
  if (self->read_only)
    {
      g_autofree char *uri = immutable_uri (self->path);

      rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    }
  else
    rc = sqlite3_open_v2 (self->path, &self->db,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    return bridge_catalog_sql_error (self, rc, error);
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 10000);

  /* The first statement reads the header: a file that is not a database fails here. */
  if ((!self->read_only && !bridge_catalog_exec (self, "PRAGMA journal_mode = WAL", error))
      || !bridge_catalog_exec (self, "PRAGMA synchronous = NORMAL", error)
      || !bridge_catalog_exec (self, "PRAGMA foreign_keys = ON", error)
      || !bridge_catalog_exec (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;
  if (!migrate (self, error) || !check_schema (self, error))
    return FALSE;
  if (!bridge_catalog_apply_cache_size (self, self->cache_kib, error)
      || (!self->read_only && !bridge_catalog_exec (self, course_indexes, error)))
    return FALSE;
  return bridge_catalog_load_universities (self, error);
}

BridgeCatalog *
bridge_catalog_open (const char  *path,
                     GError     **error)
{
  g_autoptr(BridgeCatalog) self = g_object_new (BRIDGE_TYPE_CATALOG, NULL);

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  if (!bridge_catalog_open_db (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* The feed a cache was imported from, read from a damaged one as far as it
 * still can be; NULL if it cannot. */
static char *
read_recorded_source (const char *path)
{
  g_autofree char *uri = immutable_uri (path);
  const char *names[] = { path, uri };
  char *source = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names) && source == NULL; i++)
    {
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt = NULL;

      /* writable_schema lets SQLite read a file shorter than its header says. */
      if (sqlite3_open_v2 (names[i], &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK
          && sqlite3_exec (db, "PRAGMA writable_schema = ON", NULL, NULL, NULL) == SQLITE_OK
          && sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'source'", -1, &stmt, NULL) == SQLITE_OK
          && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL
          && g_utf8_validate ((const char *) sqlite3_column_text (stmt, 0), -1, NULL))
        source = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }
  return source;
}

/* The statement of bridge_catalog_peek_ids (): ids in byte order from
 * @prefix up to the first string past it (no UTF-8 text has a byte 0xff). */
static const char * const peek_queries[] = {
  "SELECT id FROM universities WHERE id >= ?1 AND id < ?2 ORDER BY id",
  "SELECT id FROM courses WHERE id >= ?1 AND id < ?2 ORDER BY id",
  "SELECT id FROM certificates WHERE id >= ?1 AND id < ?2 ORDER BY id",
};

GPtrArray *
bridge_catalog_peek_ids (const char          *path,
                         BridgeCatalogIdKind  kind,
                         const char          *prefix)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *past = g_strconcat (prefix ? prefix : "", "\xff", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (kind < G_N_ELEMENTS (peek_queries), NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&ids);
  /* Without a WAL every commit is in the file itself, and immutable=1
   * reads it without creating the WAL and its index beside it. With one,
   * a writer may be at work: read through it, as it is. */
  uri = g_file_test (wal, G_FILE_TEST_EXISTS) ? NULL : immutable_uri (path);
  if (sqlite3_open_v2 (uri ? uri : path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) == SQLITE_OK
      && sqlite3_busy_timeout (db, 500) == SQLITE_OK
      && sqlite3_prepare_v2 (db, peek_queries[kind], -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_bind_text (stmt, 1, prefix ? prefix : "", -1, SQLITE_STATIC) == SQLITE_OK
      && sqlite3_bind_text (stmt, 2, past, -1, SQLITE_STATIC) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *id = (const char *) sqlite3_column_text (stmt, 0);

        if (id != NULL && g_utf8_validate (id, -1, NULL))
          g_ptr_array_add (ids, g_strdup (id));
      }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_steal_pointer (&ids);
}

/* Moves the cache at @path (and its WAL) to PATH.damaged, replacing an
 * older one there: the person may want to look at it, and nothing of it is
 * lost by an import. */
static gboolean
move_cache_aside (const char  *path,
                  char       **moved_to,
                  GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-journal" };
  g_autofree char *target = g_strconcat (path, ".damaged", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      g_unlink (to);
      if (g_rename (from, to) != 0 && errno != ENOENT)
        {
          int saved = errno;

          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                       _("The catalog cache %s is damaged and cannot be moved aside to %s: %s"),
                       path, to, g_strerror (saved));
          return FALSE;
        }
    }
  /* The shared-memory index belongs to the file that went: a new one is made. */
  g_unlink (shm);
  *moved_to = g_steal_pointer (&target);
  return TRUE;
}

/* Moves the cache aside and says so in @reason: damaged, or (@too_new)
 * written by a newer version. Keeps the feed it came from in @source. */
static gboolean
set_aside (const char  *path,
           gboolean     too_new,
           char       **reason,
           char       **source,
           GError     **error)
{
  g_autofree char *moved_to = NULL;

  *source = read_recorded_source (path);
  if (!move_cache_aside (path, &moved_to, error))
    return FALSE;
  if (too_new)
    /* Translators: the first %s is the catalog cache, the second where it was moved */
    *reason = g_strdup_printf (_("The catalog cache %s was written by a newer version of Credit Bridge; "
                                 "it was moved to %s."),
                               path, moved_to);
  else
    /* Translators: the first %s is the catalog cache, the second where it was moved */
    *reason = g_strdup_printf (_("The catalog cache %s is damaged; it was moved to %s."), path, moved_to);
  return TRUE;
}

BridgeCatalog *
bridge_catalog_open_or_reset (const char  *path,
                              char       **reason,
                              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *why = NULL;
  g_autofree char *source = NULL;
  BridgeCatalog *self = bridge_catalog_open (path, &local_error);

  if (reason != NULL)
    *reason = NULL;
  if (self != NULL && self->outdated)
    {
      /* Rebuilt like a damaged one, from the feed it came from. */
      self->lost_source = bridge_catalog_meta_get (self, "source");
      if (reason != NULL && self->outdated_schema < 2)
        /* Translators: %s is the catalog cache */
        *reason = g_strdup_printf (_("The catalog cache %s was made by an older version of Credit Bridge, "
                                     "which did not keep the recognition register."),
                                   path);
      else if (reason != NULL)
        /* Translators: %s is the catalog cache */
        *reason = g_strdup_printf (_("The catalog cache %s was made by an older version of Credit Bridge, "
                                     "whose index searched a large catalog slowly."),
                                   path);
      self->outdated = FALSE;
    }
  if (self != NULL)
    return self;
  if (!g_error_matches (local_error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_CORRUPT)
      && !g_error_matches (local_error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_TOO_NEW))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* Nothing the user made lives in the cache: it can be rebuilt. */
  g_debug ("%s; starting a new cache", local_error->message);
  if (!set_aside (path, g_error_matches (local_error, BRIDGE_ERROR, BRIDGE_ERROR_CACHE_TOO_NEW),
                  &why, &source, error))
    return NULL;
  self = bridge_catalog_open (path, error);
  if (self == NULL)
    return NULL;
  self->lost_source = g_steal_pointer (&source);
  if (reason != NULL)
    *reason = g_steal_pointer (&why);
  return self;
}

gboolean
bridge_catalog_reset (BridgeCatalog  *self,
                      const char     *problem,
                      char          **reason,
                      GError        **error)
{
  g_autofree char *why = NULL;
  g_autofree char *source = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), FALSE);

  g_debug ("%s; moving it aside", problem);
  bridge_catalog_close (self);
  if (!set_aside (self->path, FALSE, &why, &source, error))
    return FALSE;
  if (!bridge_catalog_open_db (self, error))
    return FALSE;
  g_free (self->lost_source);
  self->lost_source = g_steal_pointer (&source);
  if (reason != NULL)
    *reason = g_steal_pointer (&why);
  return TRUE;
}

const char *
bridge_catalog_get_lost_source (BridgeCatalog *self)
{
  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  return self->lost_source;
}

const char *
bridge_catalog_get_path (BridgeCatalog *self)
{
  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  return self->path;
}

gboolean
bridge_catalog_is_empty (BridgeCatalog *self)
{
  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), TRUE);
  return self->university_list->len == 0;
}

const BridgeAlliance *
bridge_catalog_get_alliance (BridgeCatalog *self)
{
  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  return self->has_alliance ? &self->alliance : NULL;
}
