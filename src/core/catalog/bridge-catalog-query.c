/* bridge-catalog-query.c: reading the catalog cache
 *
 * Its figures, universities, courses, and the terms, languages and
 * certificates the filters offer. Searching is bridge-search.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-catalog"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "bridge-catalog-private.h"
#include "bridge-error.h"

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
  gint64 courses, tables, certificates, equivalences;
  g_autofree char *counted = NULL;
  g_autofree char *demo = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), FALSE);

  memset (stats, 0, sizeof *stats);
  counted = bridge_catalog_meta_get (self, "courses");
  if (counted == NULL || !g_ascii_string_to_signed (counted, 10, 0, G_MAXUINT, &courses, NULL))
    courses = bridge_catalog_query_int (self, "SELECT count(*) FROM courses", error);
  if (courses < 0
      || (tables = bridge_catalog_query_int (self, "SELECT count(*) FROM grading_tables", error)) < 0
      || (certificates = bridge_catalog_query_int (self, "SELECT count(*) FROM certificates", error)) < 0
      || (equivalences = bridge_catalog_query_int (self, "SELECT count(*) FROM equivalences", error)) < 0)
    return FALSE;
  stats->universities = self->university_list->len;
  stats->courses = (guint) courses;
  stats->grading_tables = (guint) tables;
  stats->certificates = (guint) certificates;
  stats->equivalences = (guint) equivalences;
  stats->alliance_id = g_strdup (self->alliance.id);
  stats->generated = bridge_catalog_meta_get (self, "generated");
  stats->source = bridge_catalog_meta_get (self, "source");
  stats->imported = bridge_catalog_meta_get (self, "imported");
  stats->digest = bridge_catalog_meta_get (self, "digest");
  demo = bridge_catalog_meta_get (self, "demo");
  stats->demo = g_strcmp0 (demo, "1") == 0;
  return TRUE;
}

char *
bridge_catalog_get_notice (BridgeCatalog *self)
{
  g_autofree char *json = NULL;
  g_autoptr(BridgeText) text = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  json = bridge_catalog_meta_get (self, "notice");
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
  if (own_transaction && !bridge_catalog_exec (self, "BEGIN", error))
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
            bridge_catalog_exec (self, "ROLLBACK", NULL);
          return NULL;
        }
      sqlite3_reset (stmt);
      g_ptr_array_add (courses, course);
    }

  if (own_transaction && !bridge_catalog_exec (self, "COMMIT", error))
    {
      /* Not left open: the connection would keep this snapshot for good. */
      bridge_catalog_exec (self, "ROLLBACK", NULL);
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

/* The json of the row of @table whose id is @id, in @json; FALSE with
 * BRIDGE_ERROR_NOT_FOUND (and @json NULL) when there is none, FALSE with
 * @error when the cache cannot be read. */
static gboolean
row_json (BridgeCatalog  *self,
          const char     *sql,
          const char     *id,
          char          **json,
          GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *json = NULL;
  stmt = bridge_catalog_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *json = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bridge_catalog_sql_error (self, rc, error);
  return rc == SQLITE_ROW;
}

/* A certificate from its stored object. */
static BridgeCertificate *
certificate_from_row (BridgeCatalog  *self,
                      JsonParser     *parser,
                      const char     *json,
                      GError        **error)
{
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      bridge_catalog_sql_error (self, SQLITE_CORRUPT, error);
      return NULL;
    }
  return bridge_certificate_new_from_json (json_node_get_object (json_parser_get_root (parser)), error);
}

GPtrArray *
bridge_catalog_list_certificates (BridgeCatalog  *self,
                                  GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_certificate_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  stmt = bridge_catalog_statement (self, "SELECT json FROM certificates ORDER BY ord", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BridgeCertificate *certificate = certificate_from_row (self, parser, (const char *) sqlite3_column_text (stmt, 0), error);

      if (certificate == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (list, certificate);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bridge_catalog_sql_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

BridgeCertificate *
bridge_catalog_get_certificate (BridgeCatalog  *self,
                                const char     *id,
                                GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!row_json (self, "SELECT json FROM certificates WHERE id = ?", id, &json, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                     _("The catalog has no certificate “%s”; check its id in the list of certificates"), id);
      return NULL;
    }
  return certificate_from_row (self, parser, json, error);
}

/* The recognition register */

/* An equivalence from its stored object, with its host university filled
 * from its first host course. */
static BridgeEquivalence *
equivalence_from_row (BridgeCatalog  *self,
                      JsonParser     *parser,
                      const char     *json,
                      GError        **error)
{
  g_autoptr(BridgeEquivalence) equivalence = NULL;
  g_autoptr(BridgeCourse) course = NULL;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      bridge_catalog_sql_error (self, SQLITE_CORRUPT, error);
      return NULL;
    }
  equivalence = bridge_equivalence_new_from_json (json_node_get_object (json_parser_get_root (parser)), error);
  if (equivalence == NULL)
    return NULL;
  if (equivalence->host_courses != NULL && equivalence->host_courses[0] != NULL
      && (course = bridge_catalog_get_course (self, equivalence->host_courses[0], NULL)) != NULL)
    equivalence->host = g_strdup (bridge_course_get_university_id (course));
  return g_steal_pointer (&equivalence);
}

GPtrArray *
bridge_catalog_list_equivalences (BridgeCatalog  *self,
                                  const char     *home,
                                  const char     *course_id,
                                  GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bridge_equivalence_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);

  if (course_id != NULL)
    stmt = bridge_catalog_statement (self,
                                     "SELECT DISTINCT e.json, e.decided, e.ord FROM equivalence_courses ec "
                                     "JOIN equivalences e ON e.id = ec.equivalence "
                                     "WHERE ec.course = ?1 AND (?2 IS NULL OR e.home = ?2) "
                                     "ORDER BY e.decided DESC, e.ord",
                                     error);
  else
    stmt = bridge_catalog_statement (self,
                                     "SELECT json, decided, ord FROM equivalences WHERE ?2 IS NULL OR home = ?2 "
                                     "ORDER BY decided DESC, ord",
                                     error);
  if (stmt == NULL)
    return NULL;
  if (course_id != NULL)
    sqlite3_bind_text (stmt, 1, course_id, -1, SQLITE_TRANSIENT);
  if (home != NULL)
    sqlite3_bind_text (stmt, 2, home, -1, SQLITE_TRANSIENT);
  /* The rows first: filling each host reads a course with another statement. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      bridge_catalog_sql_error (self, rc, error);
      return NULL;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      BridgeEquivalence *equivalence = equivalence_from_row (self, parser, g_ptr_array_index (rows, i), error);

      if (equivalence == NULL)
        return NULL;
      g_ptr_array_add (list, equivalence);
    }
  return g_steal_pointer (&list);
}

BridgeEquivalence *
bridge_catalog_get_equivalence (BridgeCatalog  *self,
                                const char     *id,
                                GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!row_json (self, "SELECT json FROM equivalences WHERE id = ?", id, &json, error))
    {
      if (error == NULL || *error == NULL)
        g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                     _("The recognition register has no decision “%s”"), id);
      return NULL;
    }
  return equivalence_from_row (self, parser, json, error);
}

char *
bridge_catalog_dup_university_label (BridgeCatalog *self,
                                     const char    *id)
{
  g_autoptr(BridgeUniversity) university = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);

  if (id == NULL)
    return g_strdup ("—");
  university = bridge_catalog_get_university (self, id, NULL);
  return g_strdup (university != NULL ? bridge_university_get_label (university) : id);
}

BridgeGradingScale *
bridge_catalog_dup_course_scale (BridgeCatalog *self,
                                 const char    *course_id)
{
  g_autoptr(BridgeCourse) course = NULL;
  g_autoptr(BridgeUniversity) university = NULL;
  const BridgeGradingScale *scale;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  g_return_val_if_fail (course_id != NULL, NULL);

  course = bridge_catalog_get_course (self, course_id, NULL);
  if (course == NULL)
    return NULL;
  university = bridge_catalog_get_university (self, bridge_course_get_university_id (course), NULL);
  if (university == NULL)
    return NULL;
  scale = bridge_university_find_scale (university, bridge_course_get_grading_scale (course));
  return scale != NULL ? bridge_grading_scale_copy (scale) : NULL;
}
