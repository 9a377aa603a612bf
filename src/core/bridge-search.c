/* bridge-search.c: searching the catalog
 *
 * The full-text index is FTS5 with the unicode61 tokenizer. Chinese has no
 * spaces between words, so every CJK character is indexed as a token of its
 * own and a query's characters become a phrase: "数学" is the phrase 数 学,
 * which finds 高等数学 and 数学建模 alike, with one character or two. Latin
 * words are matched as prefixes ("ecolog" finds Ecology); codes are tokens
 * too, matched in any case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bridge-catalog-private.h"
#include "bridge-error.h"

static gboolean
is_cjk (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return TRUE;
    default:
      return FALSE;
    }
}

void
bridge_search_append_fts_text (GString    *out,
                               const char *text)
{
  if (text == NULL)
    return;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else if (is_cjk (c))
        {
          g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
}

/* The FTS5 expression for @query: each word a phrase whose last token is a
 * prefix, all words required. NULL when the query has nothing to search for. */
static char *
build_match (const char *query)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", query, 0, 0);
  GString *match = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) phrase = g_string_new (NULL);
      gboolean has_token = FALSE;

      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          has_token = TRUE;
      if (!has_token)
        continue;

      bridge_search_append_fts_text (phrase, words[i]);
      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      for (const char *p = phrase->str; *p != '\0'; p++)
        {
          /* A double quote inside a phrase is written twice. */
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append (match, "\"*");
    }

  if (match->len == 0)
    {
      g_string_free (match, TRUE);
      return NULL;
    }
  return g_string_free (match, FALSE);
}

typedef struct
{
  GString   *sql;
  GPtrArray *binds;     /* element-type utf8; numbers are bound from their text */
  GArray    *numeric;   /* gboolean per bind: bind as a double */
} Query;

static void
query_bind_text (Query      *q,
                 const char *value)
{
  gboolean numeric = FALSE;

  g_ptr_array_add (q->binds, g_strdup (value));
  g_array_append_val (q->numeric, numeric);
}

static void
query_bind_double (Query  *q,
                   double  value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean numeric = TRUE;

  g_ptr_array_add (q->binds, g_strdup (g_ascii_dtostr (buf, sizeof buf, value)));
  g_array_append_val (q->numeric, numeric);
}

static void
append_filters (Query                    *q,
                const BridgeSearchFilter *filter)
{
  if (filter == NULL)
    return;
  if (filter->university != NULL && *filter->university != '\0')
    {
      g_string_append (q->sql, " AND c.university = ?");
      query_bind_text (q, filter->university);
    }
  if (filter->city != NULL && *filter->city != '\0')
    {
      g_string_append (q->sql,
                       " AND c.university IN (SELECT id FROM universities"
                       " WHERE city_zh = ? OR city_en = ? COLLATE NOCASE)");
      query_bind_text (q, filter->city);
      query_bind_text (q, filter->city);
    }
  if (filter->isced != NULL && *filter->isced != '\0')
    {
      g_string_append (q->sql, " AND substr(c.isced, 1, length(?)) = ?");
      query_bind_text (q, filter->isced);
      query_bind_text (q, filter->isced);
    }
  if (filter->level != NULL && *filter->level != '\0')
    {
      g_string_append (q->sql, " AND c.level = ?");
      query_bind_text (q, filter->level);
    }
  if (filter->cycle != NULL && *filter->cycle != '\0')
    {
      g_string_append (q->sql, " AND c.cycle = ?");
      query_bind_text (q, filter->cycle);
    }
  if (filter->delivery != NULL && *filter->delivery != '\0')
    {
      g_string_append (q->sql, " AND c.delivery = ?");
      query_bind_text (q, filter->delivery);
    }
  if (filter->term != NULL && *filter->term != '\0')
    {
      g_string_append (q->sql, " AND EXISTS (SELECT 1 FROM course_terms t WHERE t.term = ? AND t.course = c.rowid)");
      query_bind_text (q, filter->term);
    }
  if (filter->language != NULL && *filter->language != '\0')
    {
      g_autofree char *lang = g_ascii_strdown (filter->language, -1);
      g_autofree char *prefix = g_strconcat (lang, "-%", NULL);

      /* "zh" also finds "zh-Hans". */
      g_string_append (q->sql,
                       " AND EXISTS (SELECT 1 FROM course_languages l WHERE l.course = c.rowid"
                       " AND (l.lang = ? OR l.lang LIKE ?))");
      query_bind_text (q, lang);
      query_bind_text (q, prefix);
    }
  if (filter->min_credits >= 0)
    {
      g_string_append (q->sql, " AND c.credits >= ?");
      query_bind_double (q, filter->min_credits);
    }
  if (filter->max_credits >= 0)
    {
      g_string_append (q->sql, " AND c.credits <= ?");
      query_bind_double (q, filter->max_credits);
    }
}

static gboolean
check_filter (const BridgeSearchFilter  *filter,
              GError                   **error)
{
  BridgeCycle cycle;
  BridgeLevel level;
  BridgeDelivery delivery;

  if (filter == NULL)
    return TRUE;
  if (filter->cycle != NULL && *filter->cycle != '\0' && !bridge_cycle_from_string (filter->cycle, &cycle))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("“%s” is not a cycle (bachelor, master or doctoral)"), filter->cycle);
      return FALSE;
    }
  if (filter->level != NULL && *filter->level != '\0' && !bridge_level_from_string (filter->level, &level))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("“%s” is not a level (general, foundation, core or elective)"), filter->level);
      return FALSE;
    }
  if (filter->delivery != NULL && *filter->delivery != '\0' && !bridge_delivery_from_string (filter->delivery, &delivery))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("“%s” is not a delivery mode (on-campus, online or blended)"), filter->delivery);
      return FALSE;
    }
  if (filter->isced != NULL && *filter->isced != '\0')
    {
      gsize len = strlen (filter->isced);

      for (gsize i = 0; i < len; i++)
        if (!g_ascii_isdigit (filter->isced[i]) || len > 4)
          {
            g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                         _("“%s” is not an ISCED-F field code (1 to 4 digits)"), filter->isced);
            return FALSE;
          }
    }
  if (filter->min_credits >= 0 && filter->max_credits >= 0 && filter->min_credits > filter->max_credits)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("The smallest number of credits (%g) is above the largest (%g)"),
                   filter->min_credits, filter->max_credits);
      return FALSE;
    }
  return TRUE;
}

/* Builds the ranked query. Columns: rowid. */
static void
build_query (Query                    *q,
             const char               *query,
             const BridgeSearchFilter *filter)
{
  g_autofree char *match = query ? build_match (query) : NULL;

  if (match == NULL)
    {
      g_string_append (q->sql,
                       "SELECT c.rowid FROM courses c"
                       " JOIN universities u ON u.id = c.university WHERE 1");
      append_filters (q, filter);
      g_string_append (q->sql, " ORDER BY u.ord, c.code, c.rowid");
      return;
    }

  {
    g_autofree char *raw = g_strstrip (g_strdup (query));
    g_autofree char *title_match = g_strdup_printf ("{code title} : (%s)", match);

    /* Tier 0: the code is the query; 1: the title or code matches; 2: only
     * the learning outcomes. Within a tier, BM25. */
    g_string_append (q->sql,
                     "SELECT c.rowid FROM"
                     " (SELECT rowid, rank FROM course_fts WHERE course_fts MATCH ?) f"
                     " JOIN courses c ON c.rowid = f.rowid WHERE 1");
    query_bind_text (q, match);
    append_filters (q, filter);
    g_string_append (q->sql,
                     " ORDER BY CASE WHEN c.code = ? COLLATE NOCASE THEN 0"
                     " WHEN f.rowid IN (SELECT rowid FROM course_fts WHERE course_fts MATCH ?) THEN 1"
                     " ELSE 2 END, f.rank, c.rowid");
    query_bind_text (q, raw);
    query_bind_text (q, title_match);
  }
}

static sqlite3_stmt *
prepare_query (BridgeCatalog             *self,
               const char                *query,
               const BridgeSearchFilter  *filter,
               GError                   **error)
{
  Query q;
  sqlite3_stmt *stmt;

  if (!check_filter (filter, error))
    return NULL;

  q.sql = g_string_new (NULL);
  q.binds = g_ptr_array_new_with_free_func (g_free);
  q.numeric = g_array_new (FALSE, FALSE, sizeof (gboolean));
  build_query (&q, query, filter);

  stmt = bridge_catalog_statement (self, q.sql->str, error);
  if (stmt != NULL)
    for (guint i = 0; i < q.binds->len; i++)
      {
        const char *value = g_ptr_array_index (q.binds, i);

        if (g_array_index (q.numeric, gboolean, i))
          sqlite3_bind_double (stmt, (int) i + 1, g_ascii_strtod (value, NULL));
        else
          sqlite3_bind_text (stmt, (int) i + 1, value, -1, SQLITE_TRANSIENT);
      }

  g_string_free (q.sql, TRUE);
  g_ptr_array_unref (q.binds);
  g_array_unref (q.numeric);
  return stmt;
}

GArray *
bridge_catalog_search_ids (BridgeCatalog             *self,
                           const char                *query,
                           const BridgeSearchFilter  *filter,
                           GError                   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);

  stmt = prepare_query (self, query, filter, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, rowid);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bridge_catalog_sql_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
bridge_catalog_search (BridgeCatalog             *self,
                       const char                *query,
                       const BridgeSearchFilter  *filter,
                       guint                      limit,
                       guint                     *total,
                       GError                   **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);

  ids = bridge_catalog_search_ids (self, query, filter, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len && i < limit; i++)
    {
      BridgeCourse *course = bridge_catalog_get_course_by_rowid (self, g_array_index (ids, gint64, i), error);

      if (course == NULL)
        return NULL;
      g_ptr_array_add (courses, course);
    }
  if (total != NULL)
    *total = ids->len;
  return g_steal_pointer (&courses);
}
