/* bench-catalog.c: the catalog's scale benchmark (issue 2, item 13)
 *
 *   bench-catalog parse  FEED.json           floor (a): json-glib alone
 *   bench-catalog insert FEED.json CACHE.db  floor (b): SQLite alone
 *   bench-catalog read   FEED.json           the feed reader alone (no SQLite)
 *   bench-catalog search CACHE.db [CODE…]    search latency per kind of query
 *   bench-catalog suggest CACHE.db [N]       suggestion latency for N home courses
 *
 * Each prints "key value" lines on stdout for tests/bench/run-bench.sh, which
 * also times `credit-bridge-cli catalog import` and prints the table.
 *
 * parse: the root document and then every line of every course file, with
 * one JsonParser reused for the lines (as the reader does), reading the
 * files in pieces of 1 MiB. Nothing is checked or kept.
 *
 * insert: the rows of the same feed, parsed beforehand (not timed) into
 * memory, inserted with prepared statements in one transaction into the
 * cache schema of bridge_catalog_open() on its connection (WAL,
 * synchronous=NORMAL, foreign keys), as the importer writes them (keep in
 * step with import_course() in bridge-catalog.c): with its page cache, the
 * course indexes dropped first and built again last, and universities,
 * courses, course_json, course_terms, course_languages and course_fts, the
 * FTS text and title length made beforehand as the importer makes them.
 * The time runs from BEGIN to the close of the connection, which
 * checkpoints the WAL into the database file as the command line's does.
 *
 * search: bridge_catalog_search_page() for the first page of 50 and the
 * total counted up to BRIDGE_SEARCH_COUNT_CAP (">1000" when there are more),
 * over a fixed set of queries of each kind; each query runs once to warm
 * up, then until it has run 30 times or for 3 s (at least 5 times).
 *
 * suggest: bridge_recognize_replacements () (the register's precedents,
 * then at most 10 suggestions) for N home courses (200 unless given),
 * spread evenly over the catalog by rowid; one pass over all of them to
 * warm up, then three passes timed, each call a sample.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-catalog"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "bench-stats.h"
#include "bridge-catalog-private.h"
#include "bridge-error.h"
#include "bridge-feed.h"
#include "bridge-recognize.h"

#define CHUNK_SIZE (1 << 20)

static double
now_s (void)
{
  return (double) g_get_monotonic_time () / G_USEC_PER_SEC;
}

/* CPU time of the process: on a busy machine, wall time says more about
 * the neighbours than about us; both are printed. */
static double
cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

G_GNUC_NORETURN static void
die (const char *what,
     GError     *error)
{
  g_printerr ("bench-catalog: %s: %s\n", what, error ? error->message : "failed");
  exit (1);
}

/* Reading a feed */

typedef gboolean (*LineFunc) (const char  *line,
                              gsize        len,
                              gpointer     user_data,
                              GError     **error);

/* Calls @func on every non-blank line of @path, read in pieces like the reader. */
static gboolean
for_each_line (const char  *path,
               LineFunc     func,
               gpointer     user_data,
               GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new (CHUNK_SIZE * 2);
  g_autofree guint8 *chunk = g_malloc (CHUNK_SIZE);
  gboolean eof = FALSE;
  gsize start = 0;

  if (stream == NULL)
    return FALSE;
  while (!eof || start < buffer->len)
    {
      guint8 *nl = start < buffer->len ? memchr (buffer->data + start, '\n', buffer->len - start) : NULL;
      gsize len, next;

      if (nl == NULL && !eof)
        {
          gssize n;

          if (start > 0)
            {
              g_byte_array_remove_range (buffer, 0, (guint) start);
              start = 0;
            }
          n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, CHUNK_SIZE, NULL, error);
          if (n < 0)
            return FALSE;
          if (n == 0)
            eof = TRUE;
          else
            g_byte_array_append (buffer, chunk, (guint) n);
          continue;
        }
      len = nl ? (gsize) (nl - (buffer->data + start)) : buffer->len - start;
      next = nl ? start + len + 1 : buffer->len;
      if (len > 0 && buffer->data[start + len - 1] == '\r')
        len--;
      {
        gboolean blank = TRUE;

        for (gsize i = 0; i < len && blank; i++)
          blank = g_ascii_isspace (buffer->data[start + i]);
        if (!blank && !func ((const char *) buffer->data + start, len, user_data, error))
          return FALSE;
      }
      start = next;
    }
  return TRUE;
}

typedef struct
{
  JsonParser *parser;     /* the root's */
  JsonObject *root;
  GPtrArray  *files;      /* element-type filename: course files, resolved */
} Feed;

static void
feed_load (Feed       *feed,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  JsonArray *files;

  feed->parser = json_parser_new_immutable ();
  feed->files = g_ptr_array_new_with_free_func (g_free);
  if (!json_parser_load_from_mapped_file (feed->parser, path, &error))
    die (path, error);
  feed->root = json_node_get_object (json_parser_get_root (feed->parser));
  files = json_object_has_member (feed->root, "course_files")
            ? json_object_get_array_member (feed->root, "course_files") : NULL;
  for (guint i = 0; files != NULL && i < json_array_get_length (files); i++)
    g_ptr_array_add (feed->files, g_build_filename (dir, json_array_get_string_element (files, i), NULL));
}

static void
feed_clear (Feed *feed)
{
  g_clear_object (&feed->parser);
  g_clear_pointer (&feed->files, g_ptr_array_unref);
}

/* Floor (a): parsing alone */

typedef struct
{
  JsonParser *parser;
  guint64     lines;
  guint64     bytes;
} ParseState;

static gboolean
parse_line (const char  *line,
            gsize        len,
            gpointer     user_data,
            GError     **error)
{
  ParseState *state = user_data;

  if (!json_parser_load_from_data (state->parser, line, (gssize) len, error))
    return FALSE;
  state->lines++;
  state->bytes += len + 1;
  return TRUE;
}

static int
run_parse (const char *path)
{
  g_autoptr(GError) error = NULL;
  ParseState state = { 0 };
  Feed feed = { 0 };
  double start, cpu_start;

  start = now_s ();
  cpu_start = cpu_s ();
  feed_load (&feed, path);      /* the root, parsed in full */
  state.parser = json_parser_new_immutable ();
  for (guint i = 0; i < feed.files->len; i++)
    if (!for_each_line (g_ptr_array_index (feed.files, i), parse_line, &state, &error))
      die (g_ptr_array_index (feed.files, i), error);
  g_print ("parse_s %.3f\n", now_s () - start);
  g_print ("parse_cpu_s %.3f\n", cpu_s () - cpu_start);
  g_print ("parse_lines %" G_GUINT64_FORMAT "\n", state.lines);
  g_print ("parse_mb %.1f\n", (double) state.bytes / 1e6);
  g_object_unref (state.parser);
  feed_clear (&feed);
  return 0;
}

/* Not a floor: the feed reader with a sink that does nothing (parsing and
 * every check of the spec, without SQLite), to see where an import's time
 * goes beyond the floors. */
static int
run_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double start = now_s (), cpu_start = cpu_s ();

  if (!bridge_feed_check (file, NULL, NULL, &error))
    die (path, error);
  g_print ("read_s %.3f\n", now_s () - start);
  g_print ("read_cpu_s %.3f\n", cpu_s () - cpu_start);
  return 0;
}

/* Floor (b): inserting alone */

typedef struct
{
  const char  *id, *university, *code, *isced, *cycle, *level, *delivery;
  double       credits;
  const char  *json;
  gsize        json_len;
  const char **terms;          /* NULL-terminated, in the chunk */
  const char **languages;
  const char  *fts_code, *fts_title, *fts_outcomes;
  gint64       title_len;
} Row;

typedef struct
{
  GStringChunk *chunk;
  GArray       *rows;           /* element-type Row */
  GPtrArray    *vectors;        /* the terms/languages arrays, to free */
  GString      *fts;
  JsonParser   *parser;
} Rows;

static const char *
keep (Rows       *rows,
      const char *s)
{
  return s ? g_string_chunk_insert (rows->chunk, s) : NULL;
}

static const char **
keep_strings (Rows      *rows,
              JsonArray *array)
{
  const char **v;
  guint n = array ? json_array_get_length (array) : 0;

  v = g_new0 (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    v[i] = keep (rows, json_array_get_string_element (array, i));
  g_ptr_array_add (rows->vectors, v);
  return v;
}

/* The importer's FTS text of a localised text object (bridge-catalog.c). */
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

static void
rows_add (Rows       *rows,
          JsonObject *course,
          const char *line,
          gsize       len)
{
  Row row = { 0 };

  row.id = keep (rows, json_object_get_string_member (course, "id"));
  row.university = keep (rows, json_object_get_string_member (course, "university"));
  row.code = keep (rows, json_object_get_string_member (course, "code"));
  row.isced = keep (rows, json_object_get_string_member (course, "isced"));
  row.cycle = keep (rows, json_object_get_string_member (course, "cycle"));
  row.level = keep (rows, json_object_get_string_member (course, "level"));
  row.delivery = keep (rows, json_object_get_string_member (course, "delivery"));
  row.credits = json_object_get_double_member (course, "credits");
  row.json = g_string_chunk_insert_len (rows->chunk, line, (gssize) len);
  row.json_len = len;
  row.terms = keep_strings (rows, json_object_has_member (course, "terms")
                                    ? json_object_get_array_member (course, "terms") : NULL);
  row.languages = keep_strings (rows, json_object_get_array_member (course, "languages"));

  g_string_truncate (rows->fts, 0);
  bridge_search_append_fts_text (rows->fts, row.code);
  row.fts_code = keep (rows, rows->fts->str);
  g_string_truncate (rows->fts, 0);
  append_text_object (rows->fts, json_object_get_object_member (course, "title"));
  row.fts_title = keep (rows, rows->fts->str);
  g_string_truncate (rows->fts, 0);
  if (json_object_has_member (course, "learning_outcomes"))
    {
      JsonArray *array = json_object_get_array_member (course, "learning_outcomes");

      for (guint i = 0; i < json_array_get_length (array); i++)
        append_text_object (rows->fts, json_array_get_object_element (array, i));
    }
  row.fts_outcomes = keep (rows, rows->fts->str);
  {
    /* The importer's title_length(): the shortest title, in characters. */
    JsonObjectIter iter;
    const char *lang;
    JsonNode *node;
    glong shortest = G_MAXINT;

    json_object_iter_init (&iter, json_object_get_object_member (course, "title"));
    while (json_object_iter_next (&iter, &lang, &node))
      shortest = MIN (shortest, g_utf8_strlen (json_node_get_string (node), -1));
    row.title_len = shortest == G_MAXINT ? 0 : shortest;
  }
  g_array_append_val (rows->rows, row);
}

static gboolean
rows_add_line (const char  *line,
               gsize        len,
               gpointer     user_data,
               GError     **error)
{
  Rows *rows = user_data;

  if (!json_parser_load_from_data (rows->parser, line, (gssize) len, error))
    return FALSE;
  rows_add (rows, json_node_get_object (json_parser_get_root (rows->parser)), line, len);
  return TRUE;
}

static void
check_rc (sqlite3    *db,
          int         rc,
          int         expected,
          const char *what)
{
  if (rc != expected)
    {
      g_printerr ("bench-catalog: %s: %s\n", what, sqlite3_errmsg (db));
      exit (1);
    }
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  check_rc (db, sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL), SQLITE_OK, sql);
  return stmt;
}

static void
step (sqlite3      *db,
      sqlite3_stmt *stmt)
{
  check_rc (db, sqlite3_step (stmt), SQLITE_DONE, sqlite3_sql (stmt));
  sqlite3_reset (stmt);
}

static int
run_insert (const char *path,
            const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GPtrArray) universities = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;
  Rows rows = { 0 };
  Feed feed = { 0 };
  sqlite3 *db;
  sqlite3_stmt *ins_uni, *ins_course, *ins_json, *ins_term, *ins_lang, *ins_fts, *ins_title_fts, *stmt;
  g_autoptr(GString) drop_indexes = g_string_new (NULL);
  g_autoptr(GString) create_indexes = g_string_new (NULL);
  double prepare_start, start, cpu_start, elapsed;

  /* Everything parsed and prepared in memory first: not timed. */
  prepare_start = now_s ();
  feed_load (&feed, path);
  rows.chunk = g_string_chunk_new (1 << 20);
  rows.rows = g_array_new (FALSE, FALSE, sizeof (Row));
  rows.vectors = g_ptr_array_new_with_free_func (g_free);
  rows.fts = g_string_new (NULL);
  rows.parser = json_parser_new_immutable ();
  array = json_object_get_array_member (feed.root, "universities");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (node, json_array_get_object_element (array, i));
      json_generator_set_root (generator, node);
      g_ptr_array_add (universities, json_generator_to_data (generator, NULL));
    }
  if (json_object_has_member (feed.root, "courses"))
    {
      JsonArray *courses = json_object_get_array_member (feed.root, "courses");

      for (guint i = 0; i < json_array_get_length (courses); i++)
        {
          g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
          g_autofree char *text = NULL;

          json_node_set_object (node, json_array_get_object_element (courses, i));
          json_generator_set_root (generator, node);
          text = json_generator_to_data (generator, NULL);
          rows_add (&rows, json_array_get_object_element (courses, i), text, strlen (text));
        }
    }
  for (guint i = 0; i < feed.files->len; i++)
    if (!for_each_line (g_ptr_array_index (feed.files, i), rows_add_line, &rows, &error))
      die (g_ptr_array_index (feed.files, i), error);
  g_print ("insert_prepare_s %.3f\n", now_s () - prepare_start);

  /* The schema, as the app makes it; a fresh cache each time. */
  {
    static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (db_path, suffixes[i], NULL);

        g_remove (file);
      }
  }
  catalog = bridge_catalog_open (db_path, &error);
  if (catalog == NULL)
    die (db_path, error);
  db = catalog->db;

  ins_uni = prepare (db, "INSERT INTO universities (id, ord, city_zh, city_en, json) VALUES (?, ?, ?, ?, ?)");
  ins_course = prepare (db, "INSERT INTO courses (id, university, university_ord, code, isced, cycle, level,"
                            " delivery, credits, title_len)"
                            " VALUES (?1, ?2, (SELECT ord FROM universities WHERE id = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  ins_json = prepare (db, "INSERT INTO course_json (rowid, json) VALUES (?, ?)");
  ins_term = prepare (db, "INSERT OR IGNORE INTO course_terms (term, course) VALUES (?, ?)");
  ins_lang = prepare (db, "INSERT OR IGNORE INTO course_languages (lang, course) VALUES (lower(?), ?)");
  ins_fts = prepare (db, "INSERT INTO course_fts (rowid, code, title, outcomes) VALUES (?, ?, ?, ?)");
  /* The title tier's own index, as the importer writes it (bridge-search.c). */
  ins_title_fts = prepare (db, "INSERT INTO course_title_fts (rowid, code, title) VALUES (?, ?, ?)");

  /* The importer drops the course indexes, inserts, and builds them again:
   * take them from the schema bridge_catalog_open() made. */
  stmt = prepare (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
                      " AND tbl_name IN ('courses', 'course_json', 'course_terms', 'course_languages')");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (drop_indexes, "DROP INDEX %s;", (const char *) sqlite3_column_text (stmt, 0));
      g_string_append_printf (create_indexes, "%s;", (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  g_print ("insert_indexes %s\n", create_indexes->str);

  start = now_s ();
  cpu_start = cpu_s ();
  /* The importer's page cache (IMPORT_CACHE_KIB in bridge-catalog.c). */
  check_rc (db, sqlite3_exec (db, "PRAGMA cache_size = -196608", NULL, NULL, NULL), SQLITE_OK, "cache_size");
  check_rc (db, sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK, "BEGIN");
  check_rc (db, sqlite3_exec (db, drop_indexes->str, NULL, NULL, NULL), SQLITE_OK, drop_indexes->str);
  for (guint i = 0; i < universities->len; i++)
    {
      JsonObject *u = json_array_get_object_element (array, i);
      JsonObject *city = json_object_get_object_member (u, "city");

      sqlite3_bind_text (ins_uni, 1, json_object_get_string_member (u, "id"), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (ins_uni, 2, i);
      sqlite3_bind_text (ins_uni, 3, json_object_has_member (city, "zh") ? json_object_get_string_member (city, "zh") : NULL, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins_uni, 4, json_object_has_member (city, "en") ? json_object_get_string_member (city, "en") : NULL, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins_uni, 5, g_ptr_array_index (universities, i), -1, SQLITE_STATIC);
      step (db, ins_uni);
    }
  for (guint i = 0; i < rows.rows->len; i++)
    {
      const Row *row = &g_array_index (rows.rows, Row, i);
      sqlite3_int64 rowid;

      sqlite3_bind_text (ins_course, 1, row->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins_course, 2, row->university, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins_course, 3, row->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins_course, 4, row->isced, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins_course, 5, row->cycle, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins_course, 6, row->level, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins_course, 7, row->delivery, -1, SQLITE_STATIC);
      sqlite3_bind_double (ins_course, 8, row->credits);
      sqlite3_bind_int64 (ins_course, 9, row->title_len);
      step (db, ins_course);
      rowid = sqlite3_last_insert_rowid (db);
      sqlite3_bind_int64 (ins_json, 1, rowid);
      sqlite3_bind_text (ins_json, 2, row->json, (int) row->json_len, SQLITE_STATIC);
      step (db, ins_json);
      for (guint t = 0; row->terms[t] != NULL; t++)
        {
          sqlite3_bind_text (ins_term, 1, row->terms[t], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (ins_term, 2, rowid);
          step (db, ins_term);
        }
      for (guint l = 0; row->languages[l] != NULL; l++)
        {
          sqlite3_bind_text (ins_lang, 1, row->languages[l], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (ins_lang, 2, rowid);
          step (db, ins_lang);
        }
      sqlite3_bind_int64 (ins_fts, 1, rowid);
      sqlite3_bind_text (ins_fts, 2, row->fts_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins_fts, 3, row->fts_title, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins_fts, 4, row->fts_outcomes, -1, SQLITE_STATIC);
      step (db, ins_fts);
      sqlite3_bind_int64 (ins_title_fts, 1, BRIDGE_SEARCH_TITLE_ROWID (row->title_len, rowid));
      sqlite3_bind_text (ins_title_fts, 2, row->fts_code, -1, SQLITE_STATIC);
      sqlite3_bind_text (ins_title_fts, 3, row->fts_title, -1, SQLITE_STATIC);
      step (db, ins_title_fts);
    }
  check_rc (db, sqlite3_exec (db, create_indexes->str, NULL, NULL, NULL), SQLITE_OK, create_indexes->str);
  check_rc (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), SQLITE_OK, "COMMIT");
  g_print ("insert_commit_s %.3f\n", now_s () - start);

  /* Closing checkpoints the WAL into the database file, as it does when
   * the command line's import ends: that is part of writing the rows. */
  sqlite3_finalize (ins_uni);
  sqlite3_finalize (ins_course);
  sqlite3_finalize (ins_json);
  sqlite3_finalize (ins_term);
  sqlite3_finalize (ins_lang);
  sqlite3_finalize (ins_title_fts);
  sqlite3_finalize (ins_fts);
  g_clear_object (&catalog);
  elapsed = now_s () - start;
  g_print ("insert_s %.3f\n", elapsed);
  g_print ("insert_cpu_s %.3f\n", cpu_s () - cpu_start);
  g_print ("insert_rows %u\n", rows.rows->len);
  g_string_chunk_free (rows.chunk);
  g_array_unref (rows.rows);
  g_ptr_array_unref (rows.vectors);
  g_string_free (rows.fts, TRUE);
  g_object_unref (rows.parser);
  feed_clear (&feed);
  return 0;
}

/* Search latency */

typedef struct
{
  const char *kind;
  const char *label;
  const char *queries[4];
} QueryKind;

/* Words the synthetic feed of tests/gen-feed.py uses, rare and common. */
static const QueryKind query_kinds[] = {
  { "zh1", "1-char zh", { "学", "数", "茶", NULL } },
  { "zh2", "2-char zh", { "数学", "管理", "桥梁", NULL } },
  { "zh4", "4-char zh", { "数学建模", "机器学习", "城市规划", NULL } },
  { "en_word", "en word", { "ecology", "mathematics", "analysis", NULL } },
  { "en_prefix", "en prefix", { "ecolog", "math", "manag", NULL } },
  { "code", "code", { NULL } },   /* given on the command line */
};

/* Milliseconds of wall time; @cpu_ms gets the CPU time. */
static double
search_once (BridgeCatalog *catalog,
             const char    *query,
             guint         *total,
             gboolean      *more,
             double        *cpu_ms)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  double start = now_s (), cpu_start = cpu_s ();

  page = bridge_catalog_search_page (catalog, query, NULL, 50, total, more, &error);
  if (page == NULL)
    die (query, error);
  *cpu_ms = (cpu_s () - cpu_start) * 1000.0;
  return (now_s () - start) * 1000.0;
}

static int
run_search (const char  *db_path,
            char       **codes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCatalog) catalog = bridge_catalog_open (db_path, &error);

  if (catalog != NULL && g_getenv ("BENCH_CACHE_KIB") != NULL)
    bridge_catalog_set_cache_size (catalog, atoi (g_getenv ("BENCH_CACHE_KIB")));

  if (catalog == NULL)
    die (db_path, error);

  for (guint k = 0; k < G_N_ELEMENTS (query_kinds); k++)
    {
      const QueryKind *kind = &query_kinds[k];
      g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
      const char * const *queries = kind->queries[0] ? kind->queries : (const char * const *) codes;
      g_autoptr(GString) totals = g_string_new (NULL);

      for (guint q = 0; queries != NULL && queries[q] != NULL; q++)
        {
          double spent = 0, cpu_ms;
          guint total = 0, runs = 0;
          gboolean more = FALSE;

          search_once (catalog, queries[q], &total, &more, &cpu_ms);   /* warm-up, not counted */
          while (runs < 30 && (runs < 5 || spent < 3000))
            {
              double ms = search_once (catalog, queries[q], &total, &more, &cpu_ms);

              g_array_append_val (samples, ms);
              g_array_append_val (cpu_samples, cpu_ms);
              spent += ms;
              runs++;
            }
          g_string_append_printf (totals, "%s%s=%s%u", totals->len ? "," : "", queries[q], more ? ">" : "", total);
        }
      if (samples->len == 0)
        {
          g_printerr ("bench-catalog: no queries of the kind %s\n", kind->kind);
          return 1;
        }
      g_print ("search_%s_cpu_p50_ms %.2f\n", kind->kind, bench_percentile (cpu_samples, 50));
      g_print ("search_%s_cpu_p95_ms %.2f\n", kind->kind, bench_percentile (cpu_samples, 95));
      g_print ("search_%s_p50_ms %.2f\n", kind->kind, bench_percentile (samples, 50));
      g_print ("search_%s_p95_ms %.2f\n", kind->kind, bench_percentile (samples, 95));
      g_print ("search_%s_max_ms %.2f\n", kind->kind, g_array_index (samples, double, samples->len - 1));
      g_print ("search_%s_runs %u\n", kind->kind, samples->len);
      g_print ("search_%s_totals %s\n", kind->kind, totals->str);
    }
  return 0;
}

/* Suggestion latency */

static int
run_suggest (const char *db_path,
             guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCatalog) catalog = bridge_catalog_open (db_path, &error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_samples = g_array_new (FALSE, FALSE, sizeof (double));
  BridgeRecognizeQuery query = BRIDGE_RECOGNIZE_QUERY_INIT;
  guint64 suggested = 0;
  gint64 courses;
  sqlite3_stmt *stmt;

  if (catalog == NULL)
    die (db_path, error);
  courses = bridge_catalog_query_int (catalog, "SELECT count(*) FROM courses", &error);
  if (courses <= 0)
    die (db_path, error);
  stmt = bridge_catalog_statement (catalog, "SELECT id FROM courses ORDER BY rowid LIMIT 1 OFFSET ?", &error);
  if (stmt == NULL)
    die (db_path, error);
  for (guint i = 0; i < n; i++)
    {
      sqlite3_bind_int64 (stmt, 1, (gint64) i * courses / n);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
    }

  query.today = "2026-12-04";
  for (guint pass = 0; pass < 4; pass++)
    for (guint i = 0; i < ids->len; i++)
      {
        g_autoptr(GPtrArray) options = NULL;
        double start = now_s (), cpu_start = cpu_s (), ms, cpu_ms;

        options = bridge_recognize_replacements (catalog, g_ptr_array_index (ids, i), &query, &error);
        if (options == NULL)
          die (g_ptr_array_index (ids, i), error);
        ms = (now_s () - start) * 1000.0;
        cpu_ms = (cpu_s () - cpu_start) * 1000.0;
        if (pass == 0)
          continue;   /* warm-up */
        g_array_append_val (samples, ms);
        g_array_append_val (cpu_samples, cpu_ms);
        suggested += options->len;
      }
  g_print ("suggest_courses %u\n", ids->len);
  g_print ("suggest_options_mean %.1f\n", samples->len ? (double) suggested / samples->len : 0.0);
  g_print ("suggest_cpu_p50_ms %.2f\n", bench_percentile (cpu_samples, 50));
  g_print ("suggest_cpu_p95_ms %.2f\n", bench_percentile (cpu_samples, 95));
  g_print ("suggest_p50_ms %.2f\n", bench_percentile (samples, 50));
  g_print ("suggest_p95_ms %.2f\n", bench_percentile (samples, 95));
  g_print ("suggest_max_ms %.2f\n", samples->len ? g_array_index (samples, double, samples->len - 1) : 0.0);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  if (argc == 3 && g_str_equal (argv[1], "parse"))
    return run_parse (argv[2]);
  if (argc == 3 && g_str_equal (argv[1], "read"))
    return run_read (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "insert"))
    return run_insert (argv[2], argv[3]);
  if (argc >= 4 && g_str_equal (argv[1], "search"))
    return run_search (argv[2], argv + 3);
  if ((argc == 3 || argc == 4) && g_str_equal (argv[1], "suggest"))
    return run_suggest (argv[2], argc == 4 ? (guint) MAX (1, atoi (argv[3])) : 200);
  g_printerr ("usage: bench-catalog parse FEED.json\n"
              "       bench-catalog read FEED.json\n"
              "       bench-catalog insert FEED.json CACHE.db\n"
              "       bench-catalog search CACHE.db CODE…\n"
              "       bench-catalog suggest CACHE.db [N]\n"
              "Run by tests/bench/run-bench.sh; see there.\n");
  return 2;
}
