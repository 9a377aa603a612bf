/* bridge-catalog.c: the alliance catalog, cached in SQLite
 *
 * The cache is a copy of the last imported feed and nothing else: plans and
 * preferences live elsewhere, so a damaged cache can always be thrown away
 * and rebuilt from the feed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-catalog"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <inttypes.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bridge-catalog-private.h"
#include "bridge-error.h"
#include "bridge-feed.h"

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
  "DROP INDEX IF EXISTS courses_by_id;"
  "DROP INDEX IF EXISTS courses_by_university;"
  "DROP INDEX IF EXISTS courses_by_code;"
  "DROP INDEX IF EXISTS course_terms_by_course;"
  "DROP INDEX IF EXISTS course_languages_by_course;";

/* Page cache while importing, in KiB (negative: SQLite's unit for KiB). */
#define IMPORT_CACHE_KIB "-196608"
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

static gboolean
exec (BridgeCatalog  *self,
      const char     *sql,
      GError        **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return bridge_catalog_sql_error (self, rc, error);
  return TRUE;
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

static gint64
query_int (BridgeCatalog  *self,
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

static char *
meta_get (BridgeCatalog *self,
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

static gboolean
meta_set (BridgeCatalog  *self,
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

static void
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

/* Loads the universities and the alliance into memory: there are few. */
static gboolean
load_universities (BridgeCatalog  *self,
                   GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *alliance = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_clear_pointer (&self->title_lengths, g_byte_array_unref);
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

  self->data_version = query_int (self, "PRAGMA data_version", NULL);
  alliance = meta_get (self, "alliance");
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
  gint64 version = query_int (self, "PRAGMA data_version", error);

  if (version < 0)
    return FALSE;
  if (version == self->data_version)
    return TRUE;
  return load_universities (self, error);
}

static gboolean
migrate (BridgeCatalog  *self,
         GError        **error)
{
  gint64 version = query_int (self, "PRAGMA user_version", error);

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

  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  for (gint64 v = version; v < BRIDGE_CATALOG_SCHEMA_VERSION; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, v + 1);

      if (!exec (self, migrations[v], error) || !exec (self, set_version, error))
        {
          exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  return exec (self, "COMMIT", error);
}

/* A cache whose tables are not what its version promises is damaged. */
static gboolean
check_schema (BridgeCatalog  *self,
              GError        **error)
{
  static const char * const tables[] = {
    "meta", "universities", "grading_tables", "courses", "course_json", "course_terms",
    "course_languages", "certificates", "course_fts",
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

static gboolean
set_cache_size (BridgeCatalog  *self,
                guint           kib,
                GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%u", kib);

  return exec (self, sql, error);
}

void
bridge_catalog_set_cache_size (BridgeCatalog *self,
                               guint          kib)
{
  g_return_if_fail (BRIDGE_IS_CATALOG (self));

  self->cache_kib = kib;
  if (self->db != NULL)
    {
      set_cache_size (self, kib, NULL);
      exec (self, "PRAGMA shrink_memory", NULL);
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

static gboolean
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
  if ((!self->read_only && !exec (self, "PRAGMA journal_mode = WAL", error))
      || !exec (self, "PRAGMA synchronous = NORMAL", error)
      || !exec (self, "PRAGMA foreign_keys = ON", error)
      || !exec (self, "PRAGMA temp_store = MEMORY", error))
    return FALSE;
  if (!migrate (self, error) || !check_schema (self, error))
    return FALSE;
  if (!set_cache_size (self, self->cache_kib, error)
      || (!self->read_only && !exec (self, course_indexes, error)))
    return FALSE;
  return load_universities (self, error);
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

  import->old_digest = meta_get (self, "digest");

  if (!exec (self,
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
      || !exec (self, drop_course_indexes, error))
    return FALSE;

  alliance_json = object_to_string (import, json_object_get_object_member (root, "alliance"));
  if (!meta_set (self, "alliance", alliance_json, error)
      || !meta_set (self, "generated", json_object_get_string_member (root, "generated"), error)
      || !meta_set (self, "format_version", "1", error))
    return FALSE;

  node = json_object_get_member (root, "x-demo");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node)
      && !meta_set (self, "demo", "1", error))
    return FALSE;
  node = json_object_get_member (root, "x-notice");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      notice = object_to_string (import, json_node_get_object (node));
      if (!meta_set (self, "notice", notice, error))
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
  sqlite3_bind_int64 (stmt, 9, title_length (json_object_get_object_member (course, "title")));
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
      array = json_object_get_array_member (course, "terms");
      stmt = bridge_catalog_statement (self, "INSERT OR IGNORE INTO course_terms (term, course) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          sqlite3_bind_text (stmt, 1, json_array_get_string_element (array, i), -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 2, rowid);
          if (!step_done (self, stmt, error))
            return FALSE;
        }
    }

  array = json_object_get_array_member (course, "languages");
  stmt = bridge_catalog_statement (self, "INSERT OR IGNORE INTO course_languages (lang, course) VALUES (lower(?), ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      sqlite3_bind_text (stmt, 1, json_array_get_string_element (array, i), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, rowid);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

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
  return exec (self, course_indexes, error)
         && meta_set (self, "digest", digest, error)
         && meta_set (self, "source", import->source, error)
         && meta_set (self, "imported", imported, error)
         /* Counting a million rows takes a while: the window asks at once. */
         && meta_set (self, "courses", courses, error);
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
  ok = exec (self, "BEGIN IMMEDIATE", error);
  sqlite3_busy_timeout (self->db, 10000);
  return ok;
}

static gboolean
import_feed (BridgeCatalog       *self,
             const char          *source,
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
  import.source = g_file_get_parse_name (file);
  import.fts_title = g_string_new (NULL);
  import.fts_outcomes = g_string_new (NULL);
  import.fts_code = g_string_new (NULL);
  import.generator = json_generator_new ();

  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 10000, progress_handler, cancellable);

  ok = exec (self, "PRAGMA cache_size = " IMPORT_CACHE_KIB, error)
       && begin_import (self, progress, progress_data, cancellable, error);
  if (ok)
    ok = bridge_feed_read (file, &sink, &import, cancellable, error);
  if (ok && !import.unchanged)
    ok = exec (self, "COMMIT", error);
  else
    exec (self, "ROLLBACK", NULL);

  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  /* Give the import's page cache back. */
  set_cache_size (self, self->cache_kib, NULL);
  exec (self, "PRAGMA shrink_memory", NULL);
  report->unchanged = import.unchanged;
  g_free (import.source);
  g_free (import.old_digest);
  g_string_free (import.fts_title, TRUE);
  g_string_free (import.fts_outcomes, TRUE);
  g_string_free (import.fts_code, TRUE);
  g_object_unref (import.generator);

  /* Reload what is in memory from what is now on disk, success or not. */
  if (!load_universities (self, ok ? error : NULL))
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
bridge_catalog_import (BridgeCatalog       *self,
                       const char          *source,
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

  if (!import_feed (self, source, report, progress, progress_data, cancellable, &local_error))
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
      if (!import_feed (self, source, report, progress, progress_data, cancellable, error))
        return FALSE;
    }
  if (report_out != NULL)
    *report_out = g_steal_pointer (&report);
  return TRUE;
}

/* Asynchronous import: a worker thread with its own connection */

typedef struct
{
  char               *path;
  char               *source;
  BridgeProgressFunc  progress;
  gpointer            progress_data;
  GMainContext       *context;
} ImportTask;

typedef struct
{
  BridgeProgressFunc  progress;
  gpointer            progress_data;
  double              fraction;
} ProgressIdle;

static void
import_task_free (ImportTask *task)
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

static void
thread_progress (double   fraction,
                 gpointer user_data)
{
  ImportTask *task = user_data;
  ProgressIdle *idle;

  if (task->progress == NULL)
    return;
  idle = g_new0 (ProgressIdle, 1);
  idle->progress = task->progress;
  idle->progress_data = task->progress_data;
  idle->fraction = fraction;
  g_main_context_invoke_full (task->context, G_PRIORITY_DEFAULT, progress_idle_cb, idle, g_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTask *data = task_data;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeImportReport) report = NULL;
  g_autofree char *reason = NULL;
  GError *error = NULL;

  catalog = bridge_catalog_open_or_reset (data->path, &reason, &error);
  if (catalog == NULL
      || !bridge_catalog_import (catalog, data->source, &report, thread_progress, data, cancellable, &error))
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
  ImportTask *data;

  g_return_if_fail (BRIDGE_IS_CATALOG (self));
  g_return_if_fail (source != NULL);

  data = g_new0 (ImportTask, 1);
  data->path = g_strdup (self->path);
  data->source = g_strdup (source);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bridge_catalog_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_task_free);
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
  else if (!load_universities (self, error))
    {
      bridge_import_report_free (report);
      return NULL;
    }
  return report;
}

/* Reading */

void
bridge_catalog_stats_clear (BridgeCatalogStats *stats)
{
  g_clear_pointer (&stats->alliance_id, g_free);
  g_clear_pointer (&stats->generated, g_free);
  g_clear_pointer (&stats->source, g_free);
  g_clear_pointer (&stats->imported, g_free);
  g_clear_pointer (&stats->digest, g_free);
}

gboolean
bridge_catalog_get_stats (BridgeCatalog      *self,
                          BridgeCatalogStats *stats,
                          GError            **error)
{
  gint64 courses, tables, certificates;
  g_autofree char *counted = NULL;
  g_autofree char *demo = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), FALSE);

  memset (stats, 0, sizeof *stats);
  counted = meta_get (self, "courses");
  if (counted == NULL || !g_ascii_string_to_signed (counted, 10, 0, G_MAXUINT, &courses, NULL))
    courses = query_int (self, "SELECT count(*) FROM courses", error);
  if (courses < 0
      || (tables = query_int (self, "SELECT count(*) FROM grading_tables", error)) < 0
      || (certificates = query_int (self, "SELECT count(*) FROM certificates", error)) < 0)
    return FALSE;
  stats->universities = self->university_list->len;
  stats->courses = (guint) courses;
  stats->grading_tables = (guint) tables;
  stats->certificates = (guint) certificates;
  stats->alliance_id = g_strdup (self->alliance.id);
  stats->generated = meta_get (self, "generated");
  stats->source = meta_get (self, "source");
  stats->imported = meta_get (self, "imported");
  stats->digest = meta_get (self, "digest");
  demo = meta_get (self, "demo");
  stats->demo = g_strcmp0 (demo, "1") == 0;
  return TRUE;
}

char *
bridge_catalog_get_notice (BridgeCatalog *self)
{
  g_autofree char *json = NULL;
  g_autoptr(BridgeText) text = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  json = meta_get (self, "notice");
  if (json == NULL)
    return NULL;
  text = bridge_text_new_from_string (json, NULL);
  return text ? g_strdup (bridge_text_pick (text)) : NULL;
}

GPtrArray *
bridge_catalog_list_universities (BridgeCatalog *self)
{
  GPtrArray *list;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  /* On failure, the universities known so far. */
  bridge_catalog_refresh (self, NULL);
  list = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->university_list->len; i++)
    g_ptr_array_add (list, g_object_ref (g_ptr_array_index (self->university_list, i)));
  return list;
}

BridgeUniversity *
bridge_catalog_get_university (BridgeCatalog  *self,
                               const char     *id,
                               GError        **error)
{
  BridgeUniversity *university;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);

  if (!bridge_catalog_refresh (self, error))
    return NULL;
  university = id ? g_hash_table_lookup (self->universities, id) : NULL;
  if (university == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("No university “%s” in the catalog"), id ? id : "");
      return NULL;
    }
  return g_object_ref (university);
}

BridgeCourse *
bridge_catalog_course_from_row (BridgeCatalog  *self,
                                sqlite3_stmt   *stmt,
                                GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  const char *json = (const char *) sqlite3_column_text (stmt, 1);
  BridgeUniversity *university;
  BridgeCourse *course;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      bridge_catalog_sql_error (self, SQLITE_CORRUPT, error);
      return NULL;
    }
  course = bridge_course_new_from_json (json_node_get_object (json_parser_get_root (parser)), json, error);
  if (course == NULL)
    return NULL;
  bridge_course_set_rowid (course, sqlite3_column_int64 (stmt, 0));
  university = g_hash_table_lookup (self->universities, bridge_course_get_university_id (course));
  if (university != NULL)
    bridge_course_set_university_name (course, bridge_university_get_name (university));
  return course;
}

static BridgeCourse *
get_course_by (BridgeCatalog  *self,
               const char     *sql,
               const char     *id,
               gint64          rowid,
               GError        **error)
{
  sqlite3_stmt *stmt;
  BridgeCourse *course = NULL;
  int rc;

  if (!bridge_catalog_refresh (self, error))
    return NULL;
  stmt = bridge_catalog_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (id != NULL)
    sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, rowid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    course = bridge_catalog_course_from_row (self, stmt, error);
  else if (rc == SQLITE_DONE)
    {
      if (id != NULL)
        g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND, _("No course “%s” in the catalog"), id);
      else
        g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                     _("No course number %" PRId64 " in the catalog"), rowid);
    }
  else
    bridge_catalog_sql_error (self, rc, error);
  sqlite3_reset (stmt);
  return course;
}

BridgeCourse *
bridge_catalog_get_course (BridgeCatalog  *self,
                           const char     *id,
                           GError        **error)
{
  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return get_course_by (self, "SELECT c.rowid, j.json FROM courses c JOIN course_json j ON j.rowid = c.rowid"
                        " WHERE c.id = ?", id, 0, error);
}

/* One course by rowid; one prepared statement serves both readers below. */
#define COURSE_BY_ROWID_SQL "SELECT rowid, json FROM course_json WHERE rowid = ?"

BridgeCourse *
bridge_catalog_get_course_by_rowid (BridgeCatalog  *self,
                                    gint64          rowid,
                                    GError        **error)
{
  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  return get_course_by (self, COURSE_BY_ROWID_SQL, NULL, rowid, error);
}

static void
course_unref_nullable (gpointer course)
{
  if (course != NULL)
    g_object_unref (course);
}

GPtrArray *
bridge_catalog_get_courses_by_rowids (BridgeCatalog  *self,
                                      const gint64   *rowids,
                                      guint           n_rowids,
                                      GError        **error)
{
  g_autoptr(GPtrArray) courses = NULL;
  sqlite3_stmt *stmt;
  gboolean own_transaction;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  g_return_val_if_fail (rowids != NULL || n_rowids == 0, NULL);

  if (!bridge_catalog_refresh (self, error))
    return NULL;
  stmt = bridge_catalog_statement (self, COURSE_BY_ROWID_SQL, error);
  if (stmt == NULL)
    return NULL;

  /* Each statement on its own would open and close a read transaction,
   * taking the WAL's read lock each time: once for them all is enough. */
  own_transaction = sqlite3_get_autocommit (self->db) != 0;
  if (own_transaction && !exec (self, "BEGIN", error))
    return NULL;

  courses = g_ptr_array_new_full (n_rowids, course_unref_nullable);
  for (guint i = 0; i < n_rowids; i++)
    {
      BridgeCourse *course = NULL;
      int rc;

      sqlite3_bind_int64 (stmt, 1, rowids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          g_autoptr(GError) local_error = NULL;

          course = bridge_catalog_course_from_row (self, stmt, &local_error);
          if (course == NULL)
            g_debug ("Course %" G_GINT64_FORMAT ": %s", rowids[i], local_error->message);
        }
      else if (rc != SQLITE_DONE)
        {
          bridge_catalog_sql_error (self, rc, error);
          sqlite3_reset (stmt);
          if (own_transaction)
            exec (self, "ROLLBACK", NULL);
          return NULL;
        }
      sqlite3_reset (stmt);
      g_ptr_array_add (courses, course);
    }

  if (own_transaction && !exec (self, "COMMIT", error))
    {
      /* Not left open: the connection would keep this snapshot for good. */
      exec (self, "ROLLBACK", NULL);
      return NULL;
    }
  return g_steal_pointer (&courses);
}

static GPtrArray *
list_strings (BridgeCatalog *self,
              const char    *sql)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = bridge_catalog_statement (self, sql, NULL);

  if (stmt == NULL)
    return list;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return list;
}

GPtrArray *
bridge_catalog_list_languages (BridgeCatalog *self)
{
  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  /* Each step finds the next language through the primary key, rather than
   * reading every course's languages as DISTINCT would. */
  return list_strings (self, "WITH RECURSIVE l (v) AS ("
                             "  SELECT min (lang) FROM course_languages"
                             "  UNION ALL"
                             "  SELECT (SELECT min (lang) FROM course_languages WHERE lang > l.v)"
                             "  FROM l WHERE l.v IS NOT NULL)"
                             " SELECT v FROM l WHERE v IS NOT NULL");
}

GPtrArray *
bridge_catalog_list_terms (BridgeCatalog *self)
{
  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  /* As bridge_catalog_list_languages(). */
  return list_strings (self, "WITH RECURSIVE t (v) AS ("
                             "  SELECT min (term) FROM course_terms"
                             "  UNION ALL"
                             "  SELECT (SELECT min (term) FROM course_terms WHERE term > t.v)"
                             "  FROM t WHERE t.v IS NOT NULL)"
                             " SELECT v FROM t WHERE v IS NOT NULL");
}

GPtrArray *
bridge_catalog_list_certificates (BridgeCatalog *self)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(JsonParser) parser = json_parser_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  stmt = bridge_catalog_statement (self, "SELECT json FROM certificates ORDER BY ord", NULL);
  if (stmt == NULL)
    return list;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (json_parser_load_from_data (parser, (const char *) sqlite3_column_text (stmt, 0), -1, NULL)
        && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
      g_ptr_array_add (list, json_object_ref (json_node_get_object (json_parser_get_root (parser))));
  sqlite3_reset (stmt);
  return list;
}
