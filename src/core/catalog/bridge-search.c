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
#include <math.h>
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

/* The FTS5 expression for @query: each word a phrase, all words required.
 * A Latin word's last token is a prefix ("ecolog" finds Ecology); a CJK
 * character is a whole token already. NULL when there is nothing to search. */
static char *
build_match (const char *query)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", query, 0, 0);
  GString *match = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) phrase = g_string_new (NULL);
      gunichar last = 0;

      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          last = g_utf8_get_char (p);
      if (last == 0)
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
      g_string_append (match, is_cjk (last) ? "\"" : "\"*");
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
check_query (const char  *query,
             GError     **error)
{
  glong n_chars;
  guint n_words = 0;
  gboolean in_word = FALSE;

  if (query == NULL)
    return TRUE;
  n_chars = g_utf8_strlen (query, -1);
  if (n_chars > BRIDGE_SEARCH_MAX_CHARS)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   /* Translators: the query's length and the limit, in characters */
                   _("The search is %ld characters long; a search has at most %d. Shorten it."),
                   n_chars, BRIDGE_SEARCH_MAX_CHARS);
      return FALSE;
    }
  for (const char *p = query; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        n_words++;
      in_word = !space;
    }
  if (n_words > BRIDGE_SEARCH_MAX_WORDS)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   /* Translators: the number of words and the limit */
                   _("The search has %u words; a search has at most %d. Use fewer words."),
                   n_words, BRIDGE_SEARCH_MAX_WORDS);
      return FALSE;
    }
  return TRUE;
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
  /* Not a number is no bound, and infinity a bound nothing passes: neither is meant. */
  if (!isfinite (filter->min_credits) || !isfinite (filter->max_credits))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("“%g” is not a number of credits; give a number such as 3 or 4.5"),
                   isfinite (filter->min_credits) ? filter->max_credits : filter->min_credits);
      return FALSE;
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

static Query *
query_new (const char *sql)
{
  Query *q = g_new0 (Query, 1);

  q->sql = g_string_new (sql);
  q->binds = g_ptr_array_new_with_free_func (g_free);
  q->numeric = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return q;
}

static void
query_free (Query *q)
{
  g_string_free (q->sql, TRUE);
  g_ptr_array_unref (q->binds);
  g_array_unref (q->numeric);
  g_free (q);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Query, query_free)

static sqlite3_stmt *
query_prepare (BridgeCatalog  *self,
               Query          *q,
               GError        **error)
{
  sqlite3_stmt *stmt = bridge_catalog_statement (self, q->sql->str, error);

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < q->binds->len; i++)
    {
      const char *value = g_ptr_array_index (q->binds, i);

      if (g_array_index (q->numeric, gboolean, i))
        sqlite3_bind_double (stmt, (int) i + 1, g_ascii_strtod (value, NULL));
      else
        sqlite3_bind_text (stmt, (int) i + 1, value, -1, SQLITE_TRANSIENT);
    }
  return stmt;
}

/* Appends the rowids of @q's rows to @ids, skipping those in @seen and
 * adding the new ones to it (when @seen is not NULL), up to @limit in all.
 * Returns the number of rows the query gave, or -1 on error. */
static gint64
query_collect (BridgeCatalog  *self,
               Query          *q,
               GArray         *ids,
               GHashTable     *seen,
               guint           limit,
               GError        **error)
{
  sqlite3_stmt *stmt = query_prepare (self, q, error);
  gint64 rows = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  while (ids->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      rows++;
      if (seen != NULL && !g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize) rowid)))
        continue;
      g_array_append_val (ids, rowid);
    }
  if (ids->len >= limit)
    rc = SQLITE_DONE;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      bridge_catalog_sql_error (self, rc, error);
      return -1;
    }
  return rows;
}

static gint64
query_count (BridgeCatalog  *self,
             Query          *q,
             GError        **error)
{
  sqlite3_stmt *stmt = query_prepare (self, q, error);
  gint64 count = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    bridge_catalog_sql_error (self, rc, error);
  sqlite3_reset (stmt);
  return count;
}

static gboolean
filter_is_empty (const BridgeSearchFilter *filter)
{
  return filter == NULL
         || ((filter->university == NULL || *filter->university == '\0')
             && (filter->city == NULL || *filter->city == '\0')
             && (filter->isced == NULL || *filter->isced == '\0')
             && (filter->level == NULL || *filter->level == '\0')
             && (filter->cycle == NULL || *filter->cycle == '\0')
             && (filter->term == NULL || *filter->term == '\0')
             && (filter->language == NULL || *filter->language == '\0')
             && (filter->delivery == NULL || *filter->delivery == '\0')
             && filter->min_credits < 0 && filter->max_credits < 0);
}

static gboolean
load_title_lengths (BridgeCatalog  *self,
                    GError        **error)
{
  g_autoptr(GByteArray) lengths = g_byte_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (self->title_lengths != NULL)
    return TRUE;
  stmt = bridge_catalog_statement (self, "SELECT rowid, min(title_len, 255) FROM courses ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      if (rowid < 0 || rowid > G_MAXUINT32)
        continue;
      if ((guint64) rowid >= lengths->len)
        g_byte_array_set_size (lengths, (guint) rowid + 1);
      lengths->data[rowid] = (guint8) sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bridge_catalog_sql_error (self, rc, error);
  self->title_lengths = g_steal_pointer (&lengths);
  return TRUE;
}

/* Tier 1 without filters: the title matches in the index's own order (by
 * rowid), ranked in memory by title length with a stable counting sort. */
static gboolean
collect_titles_unfiltered (BridgeCatalog  *self,
                           const char     *title_match,
                           GArray         *ids,
                           GHashTable     *seen,
                           guint           limit,
                           GError        **error)
{
  g_autoptr(GArray) matches = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);
  g_autofree gint64 *sorted = NULL;
  guint offsets[257] = { 0 };
  const guint8 *lengths;
  guint n_lengths;
  sqlite3_stmt *stmt;
  int rc;

  if (!load_title_lengths (self, error))
    return FALSE;
  lengths = self->title_lengths->data;
  n_lengths = self->title_lengths->len;

  stmt = bridge_catalog_statement (self, "SELECT rowid FROM course_fts WHERE course_fts MATCH ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, title_match, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (matches, rowid);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bridge_catalog_sql_error (self, rc, error);

#define LENGTH_OF(rowid) ((guint64) (rowid) < n_lengths ? lengths[(rowid)] : 255)
  for (guint i = 0; i < matches->len; i++)
    offsets[LENGTH_OF (g_array_index (matches, gint64, i)) + 1]++;
  for (guint l = 1; l < G_N_ELEMENTS (offsets); l++)
    offsets[l] += offsets[l - 1];
  sorted = g_new (gint64, MAX (matches->len, 1));
  for (guint i = 0; i < matches->len; i++)
    {
      gint64 rowid = g_array_index (matches, gint64, i);

      sorted[offsets[LENGTH_OF (rowid)]++] = rowid;
    }
#undef LENGTH_OF

  for (guint i = 0; i < matches->len && ids->len < limit; i++)
    if (!g_hash_table_contains (seen, GSIZE_TO_POINTER ((gsize) sorted[i])))
      g_array_append_val (ids, sorted[i]);
  /* The outcomes tier comes next only if the page is not full: then it must
   * know every title match. */
  if (ids->len < limit)
    for (guint i = 0; i < matches->len; i++)
      g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize) sorted[i]));
  return TRUE;
}

/* Whether course_title_fts has the courses (1), or not (0): a cache of
 * schema 2 has it empty until it is imported again, and is searched the
 * slower way meanwhile. -1 with @error set on failure. */
static int
has_title_index (BridgeCatalog  *self,
                 GError        **error)
{
  if (self->title_index == 0)
    {
      /* The index cannot be scanned without MATCH (no column sizes); its
       * segments' table has a row once any term is in it. */
      gint64 titled = bridge_catalog_query_int (self, "SELECT EXISTS (SELECT 1 FROM course_title_fts_idx)", error);
      gint64 courses = titled == 0 ? bridge_catalog_query_int (self, "SELECT EXISTS (SELECT 1 FROM courses)", error) : 0;

      if (titled < 0 || courses < 0)
        return -1;
      self->title_index = titled > 0 || courses == 0 ? 1 : -1;
    }
  return self->title_index > 0;
}

/* Tier 1 from course_title_fts, whose order is the rank: the first page
 * reads as many matches as it shows. Every match read is added to @seen, so
 * that when the page is not full, @seen has them all for the outcomes tier.
 * Returns FALSE with @error set on failure. */
static gboolean
collect_titles_ranked (BridgeCatalog             *self,
                       const char                *match,
                       const BridgeSearchFilter  *filter,
                       GArray                    *ids,
                       GHashTable                *seen,
                       guint                      limit,
                       GError                   **error)
{
  g_autoptr(Query) titles = NULL;
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  if (filter_is_empty (filter))
    titles = query_new ("SELECT rowid FROM course_title_fts WHERE course_title_fts MATCH ?");
  else
    titles = query_new ("SELECT f.rowid FROM course_title_fts f JOIN courses c ON c.rowid = (f.rowid & 4294967295)"
                        " WHERE course_title_fts MATCH ?");
  query_bind_text (titles, match);
  append_filters (titles, filter);
  g_string_append (titles->sql, filter_is_empty (filter) ? " ORDER BY rowid" : " ORDER BY f.rowid");
  stmt = query_prepare (self, titles, error);
  if (stmt == NULL)
    return FALSE;
  while (ids->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = BRIDGE_SEARCH_TITLE_COURSE (sqlite3_column_int64 (stmt, 0));

      if (g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize) rowid)))
        g_array_append_val (ids, rowid);
    }
  if (ids->len >= limit)
    rc = SQLITE_DONE;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return bridge_catalog_sql_error (self, rc, error);
  return TRUE;
}

/* How many rows @q gives, counting at most @cap + 1 of them (G_MAXUINT:
 * all); @q selects one column, its SQL is wrapped. */
static gint64
query_count_capped (BridgeCatalog  *self,
                    Query          *q,
                    guint           cap,
                    GError        **error)
{
  if (cap == G_MAXUINT)
    {
      g_string_prepend (q->sql, "SELECT count(*) FROM (");
      g_string_append_c (q->sql, ')');
    }
  else
    {
      g_string_prepend (q->sql, "SELECT count(*) FROM (");
      g_string_append (q->sql, " LIMIT ?)");
      query_bind_double (q, (double) cap + 1);
    }
  return query_count (self, q, error);
}

static int
interrupt_on_cancel (void *user_data)
{
  return g_cancellable_is_cancelled (user_data) ? 1 : 0;
}

/* The ranked rowids of the matches, at most @limit of them, and in @total
 * how many there are in all, counting at most max (@count_cap, @limit):
 * @lower_bound is set when there are more.
 *
 * Tier 0: the code is the query. Tier 1: the code or title matches, shorter
 * titles first. Tier 2: the rest, learning outcomes, in catalog order. Each
 * tier is its own query on the full-text index, so that a first page needs
 * only as many rows as it shows. */
static GArray *
search_rowids (BridgeCatalog             *self,
               const char                *query,
               const BridgeSearchFilter  *filter,
               guint                      limit,
               guint                      count_cap,
               guint                     *total,
               gboolean                  *lower_bound,
               GError                   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *match = NULL;
  g_autofree char *title_match = NULL;
  g_autofree char *raw = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(Query) exact = NULL;
  g_autoptr(Query) titles = NULL;
  g_autoptr(Query) rest = NULL;
  g_autoptr(Query) all = NULL;
  gint64 title_rows, count;
  int title_index;

  if (!check_query (query, error) || !check_filter (filter, error) || !bridge_catalog_refresh (self, error))
    return NULL;

  count_cap = MAX (count_cap, limit);
  if (lower_bound != NULL)
    *lower_bound = FALSE;
  match = query ? build_match (query) : NULL;
  if (match == NULL)
    {
      g_autoptr(Query) list = query_new ("SELECT c.rowid FROM courses c WHERE 1");

      append_filters (list, filter);
      g_string_append (list->sql, " ORDER BY c.university_ord, c.code, c.rowid");
      if (query_collect (self, list, ids, NULL, limit, error) < 0)
        return NULL;
      all = query_new ("SELECT 1 FROM courses c WHERE 1");
      append_filters (all, filter);
    }
  else
    {
      raw = g_strstrip (g_strdup (query));
      seen = g_hash_table_new (g_direct_hash, g_direct_equal);

      exact = query_new ("SELECT c.rowid FROM courses c WHERE c.code = ? COLLATE NOCASE");
      query_bind_text (exact, raw);
      append_filters (exact, filter);
      g_string_append (exact->sql, " ORDER BY c.rowid");
      if (query_collect (self, exact, ids, seen, limit, error) < 0)
        return NULL;

      if ((title_index = has_title_index (self, error)) < 0)
        return NULL;
      if (title_index == 0)
        {
          /* The slower way, until the cache is imported again. */
          title_match = g_strdup_printf ("{code title} : (%s)", match);
          if (filter_is_empty (filter))
            {
              if (!collect_titles_unfiltered (self, title_match, ids, seen, limit, error))
                return NULL;
            }
          else
            {
              titles = query_new ("SELECT c.rowid FROM course_fts f JOIN courses c ON c.rowid = f.rowid"
                                  " WHERE course_fts MATCH ?");
              query_bind_text (titles, title_match);
              append_filters (titles, filter);
              g_string_append (titles->sql, " ORDER BY c.title_len, c.rowid");
              if (limit != G_MAXUINT)
                {
                  g_string_append (titles->sql, " LIMIT ?");
                  query_bind_double (titles, (double) limit + ids->len);
                }
              title_rows = query_collect (self, titles, ids, seen, limit, error);
              if (title_rows < 0)
                return NULL;
            }
        }
      else if (!collect_titles_ranked (self, match, filter, ids, seen, limit, error))
        return NULL;

      /* Every title match is in @seen unless the page filled up first. */
      if (ids->len < limit)
        {
          if (filter_is_empty (filter))
            rest = query_new ("SELECT rowid FROM course_fts WHERE course_fts MATCH ? ORDER BY rowid");
          else
            rest = query_new ("SELECT c.rowid FROM course_fts f JOIN courses c ON c.rowid = f.rowid"
                              " WHERE course_fts MATCH ?");
          query_bind_text (rest, match);
          append_filters (rest, filter);
          if (!filter_is_empty (filter))
            g_string_append (rest->sql, " ORDER BY c.rowid");
          if (query_collect (self, rest, ids, seen, limit, error) < 0)
            return NULL;
        }

      /* The title matches are some of the matches, and cost less to read:
       * when there are more of them than the cap, that is the count. */
      if (ids->len >= limit && count_cap != G_MAXUINT && title_index > 0)
        {
          g_autoptr(Query) title_all = NULL;

          if (filter_is_empty (filter))
            title_all = query_new ("SELECT 1 FROM course_title_fts WHERE course_title_fts MATCH ?");
          else
            title_all = query_new ("SELECT 1 FROM course_title_fts f JOIN courses c ON c.rowid = (f.rowid & 4294967295)"
                                   " WHERE course_title_fts MATCH ?");
          query_bind_text (title_all, match);
          append_filters (title_all, filter);
          if ((count = query_count_capped (self, title_all, count_cap, error)) < 0)
            return NULL;
          if (count > count_cap)
            {
              if (lower_bound != NULL)
                *lower_bound = TRUE;
              if (total != NULL)
                *total = count_cap;
              return g_steal_pointer (&ids);
            }
        }
      if (filter_is_empty (filter))
        all = query_new ("SELECT 1 FROM course_fts WHERE course_fts MATCH ?");
      else
        all = query_new ("SELECT 1 FROM course_fts f JOIN courses c ON c.rowid = f.rowid"
                         " WHERE course_fts MATCH ?");
      query_bind_text (all, match);
      append_filters (all, filter);
    }

  /* A page that is not full has every match; otherwise they are counted,
   * up to the cap. */
  if (ids->len < limit)
    count = ids->len;
  else if ((count = query_count_capped (self, all, count_cap, error)) < 0)
    return NULL;
  if (count > count_cap)
    {
      count = count_cap;
      if (lower_bound != NULL)
        *lower_bound = TRUE;
    }
  if (total != NULL)
    *total = (guint) count;
  return g_steal_pointer (&ids);
}

GArray *
bridge_catalog_search_ids (BridgeCatalog             *self,
                           const char                *query,
                           const BridgeSearchFilter  *filter,
                           GError                   **error)
{
  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);

  return search_rowids (self, query, filter, G_MAXUINT, G_MAXUINT, NULL, NULL, error);
}

GArray *
bridge_catalog_search_first_ids (BridgeCatalog             *self,
                                 const char                *query,
                                 const BridgeSearchFilter  *filter,
                                 guint                      limit,
                                 guint                      count_cap,
                                 guint                     *total,
                                 gboolean                  *total_is_lower_bound,
                                 GCancellable              *cancellable,
                                 GError                   **error)
{
  GArray *ids;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 1000, interrupt_on_cancel, cancellable);
  ids = search_rowids (self, query, filter, limit, count_cap, total, total_is_lower_bound, error);
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 0, NULL, NULL);
  if (ids == NULL && g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (error);
      g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  return ids;
}

/* The courses of the first @limit results, counted up to @count_cap. */
static GPtrArray *
search_courses (BridgeCatalog             *self,
                const char                *query,
                const BridgeSearchFilter  *filter,
                guint                      limit,
                guint                      count_cap,
                guint                     *total,
                gboolean                  *total_is_lower_bound,
                GError                   **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);

  ids = search_rowids (self, query, filter, limit, count_cap, total, total_is_lower_bound, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      BridgeCourse *course = bridge_catalog_get_course_by_rowid (self, g_array_index (ids, gint64, i), error);

      if (course == NULL)
        return NULL;
      g_ptr_array_add (courses, course);
    }
  return g_steal_pointer (&courses);
}

GPtrArray *
bridge_catalog_search (BridgeCatalog             *self,
                       const char                *query,
                       const BridgeSearchFilter  *filter,
                       guint                      limit,
                       guint                     *total,
                       GError                   **error)
{
  return search_courses (self, query, filter, limit, G_MAXUINT, total, NULL, error);
}

GPtrArray *
bridge_catalog_search_page (BridgeCatalog             *self,
                            const char                *query,
                            const BridgeSearchFilter  *filter,
                            guint                      limit,
                            guint                     *total,
                            gboolean                  *total_is_lower_bound,
                            GError                   **error)
{
  return search_courses (self, query, filter, limit, BRIDGE_SEARCH_COUNT_CAP, total, total_is_lower_bound, error);
}

/* Candidates for suggestions (bridge-suggest.c) */

/* The most title matches the words of one search for candidates may give,
 * by the index's own count: a search ranks every match it finds, so a word
 * that half the catalog has (应用, applied) would cost as much as scoring
 * the catalog. */
#define CANDIDATE_MATCH_BUDGET 3000

/* How many courses have @word in their title, by the index's vocabulary
 * (no document is read): for Chinese, the least of its characters' counts;
 * for a Latin word, the sum of the counts of the terms it begins. An upper
 * bound; -1 on error. */
static gint64
title_doc_count (BridgeCatalog  *self,
                 const char     *word,
                 GError        **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) tokens = NULL;
  gint64 count = -1;

  if (self->title_term_counts == NULL)
    {
      if (!bridge_catalog_exec (self, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.course_fts_vocab"
                                      " USING fts5vocab(main, course_fts, 'col')", error))
        return -1;
      self->title_term_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  bridge_search_append_fts_text (text, word);
  tokens = g_strsplit_set (g_strstrip (text->str), " ", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *term = g_utf8_casefold (tokens[i], -1);
      g_autofree char *end = NULL;
      gboolean cjk = is_cjk (g_utf8_get_char (tokens[i]));
      sqlite3_stmt *stmt;
      gpointer known;
      gint64 n;
      int rc;

      if (*tokens[i] == '\0')
        continue;
      if (!cjk)
        {
          g_autofree char *prefix = g_strconcat (term, "*", NULL);

          g_free (term);
          term = g_steal_pointer (&prefix);
        }
      if (g_hash_table_lookup_extended (self->title_term_counts, term, NULL, &known))
        {
          n = (gint64) GPOINTER_TO_SIZE (known);
          count = count < 0 ? n : MIN (count, n);
          continue;
        }
      stmt = bridge_catalog_statement (self, cjk
                                       ? "SELECT total(doc) FROM temp.course_fts_vocab WHERE col = 'title' AND term = ?"
                                       : "SELECT total(doc) FROM temp.course_fts_vocab WHERE col = 'title'"
                                         " AND term >= ? AND term < ?", error);
      if (stmt == NULL)
        return -1;
      sqlite3_bind_text (stmt, 1, term, cjk ? -1 : (int) strlen (term) - 1, SQLITE_TRANSIENT);
      if (!cjk)
        {
          /* The terms that begin with @term: those below @term with its last byte raised. */
          end = g_strndup (term, strlen (term) - 1);
          end[strlen (end) - 1]++;
          sqlite3_bind_text (stmt, 2, end, -1, SQLITE_TRANSIENT);
        }
      rc = sqlite3_step (stmt);
      n = rc == SQLITE_ROW ? (gint64) sqlite3_column_double (stmt, 0) : -1;
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          bridge_catalog_sql_error (self, rc, error);
          return -1;
        }
      g_hash_table_insert (self->title_term_counts, g_steal_pointer (&term), GSIZE_TO_POINTER ((gsize) MAX (n, 0)));
      count = count < 0 ? n : MIN (count, n);
    }
  return MAX (count, 0);
}

typedef struct
{
  const char *word;
  gint64      count;
} CountedWord;

static int
compare_counted (gconstpointer a,
                 gconstpointer b)
{
  const CountedWord *x = a, *y = b;

  return x->count < y->count ? -1 : x->count > y->count;
}

GArray *
bridge_catalog_search_any_ids (BridgeCatalog             *self,
                               const char * const        *words,
                               const BridgeSearchFilter  *filter,
                               const char                *prefer_isced,
                               const char                *not_university,
                               const char * const        *languages,
                               guint                      limit,
                               GError                   **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) counted = g_array_new (FALSE, FALSE, sizeof (CountedWord));
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(Query) q = NULL;
  gint64 budget = CANDIDATE_MATCH_BUDGET;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);

  if (!check_filter (filter, error) || !bridge_catalog_refresh (self, error))
    return NULL;

  /* The rarest words first, as many as the budget allows (at least one). */
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      CountedWord word = { words[i], title_doc_count (self, words[i], error) };

      if (word.count < 0)
        return NULL;
      if (word.count > 0)
        g_array_append_val (counted, word);
    }
  g_array_sort (counted, compare_counted);
  for (guint i = 0; i < counted->len; i++)
    {
      CountedWord *word = &g_array_index (counted, CountedWord, i);
      g_autofree char *phrase = NULL;

      if (match->len > 0 && word->count > budget)
        break;
      phrase = build_match (word->word);
      if (phrase == NULL)
        continue;
      budget -= word->count;
      if (match->len > 0)
        g_string_append (match, " OR ");
      g_string_append (match, phrase);
    }
  if (words != NULL && words[0] != NULL && match->len == 0)
    return g_steal_pointer (&ids);   /* no course has any of the words */

  if (match->len > 0)
    {
      q = query_new ("SELECT c.rowid FROM course_fts f JOIN courses c ON c.rowid = f.rowid"
                     " WHERE course_fts MATCH ?");
      g_string_prepend (match, "{title} : (");
      g_string_append_c (match, ')');
      query_bind_text (q, match->str);
    }
  else
    q = query_new ("SELECT c.rowid FROM courses c WHERE 1");
  append_filters (q, filter);
  if (not_university != NULL)
    {
      g_string_append (q->sql, " AND c.university <> ?");
      query_bind_text (q, not_university);
    }
  if (languages != NULL && languages[0] != NULL)
    {
      g_string_append (q->sql, " AND EXISTS (SELECT 1 FROM course_languages l WHERE l.course = c.rowid AND (0");
      for (guint i = 0; languages[i] != NULL; i++)
        {
          g_autofree char *lang = g_ascii_strdown (languages[i], -1);
          g_autofree char *prefix = g_strconcat (lang, "-%", NULL);

          g_string_append (q->sql, " OR l.lang = ? OR l.lang LIKE ?");
          query_bind_text (q, lang);
          query_bind_text (q, prefix);
        }
      g_string_append (q->sql, "))");
    }
  if (match->len > 0)
    {
      g_string_append (q->sql, " ORDER BY ");
      if (prefer_isced != NULL && *prefer_isced != '\0')
        {
          g_string_append (q->sql, "substr(c.isced, 1, length(?)) = ? DESC, ");
          query_bind_text (q, prefer_isced);
          query_bind_text (q, prefer_isced);
        }
      g_string_append (q->sql, "bm25(course_fts), c.rowid");
    }
  else
    g_string_append (q->sql, " ORDER BY c.rowid");
  g_string_append (q->sql, " LIMIT ?");
  query_bind_double (q, limit);
  if (query_collect (self, q, ids, NULL, limit, error) < 0)
    return NULL;
  return g_steal_pointer (&ids);
}
