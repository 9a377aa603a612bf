/* test-search-page.c: the first page of a search, and its total, when many
 * courses match (issue 20, item 1)
 *
 * The demo catalog has 1,200 courses, and 学 is in every one of them: more
 * than a page and more than BRIDGE_SEARCH_COUNT_CAP. The first page comes
 * from the title index in its rank order and stops after its rows; it must
 * be the first rows of the whole ranking, and the whole ranking must be
 * what the search gave before that index existed (a cache of schema 2,
 * searched the old way, is the reference).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "bridge-catalog-private.h"
#include "bridge-catalog.h"
#include "bridge-error.h"

typedef struct
{
  char          *dir;
  char          *db;
  char          *old_db;
  BridgeCatalog *catalog;
  BridgeCatalog *old_catalog;   /* the same catalog, without the title index */
} Fixture;

static char *
demo_feed (void)
{
  const char *root = g_getenv ("CREDIT_BRIDGE_SOURCE_ROOT");

  return g_build_filename (root ? root : "..", "data", "catalog", "feed.json", NULL);
}

static BridgeCatalog *
import_demo (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *feed = demo_feed ();
  BridgeCatalog *catalog = bridge_catalog_open (db, &error);

  g_assert_no_error (error);
  bridge_catalog_import (catalog, feed, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return catalog;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = NULL;

  fixture->dir = g_dir_make_tmp ("bridge-search-page-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "catalog.db", NULL);
  fixture->old_db = g_build_filename (fixture->dir, "old.db", NULL);
  fixture->catalog = import_demo (fixture->db);

  /* What a cache of schema 2 is until it is imported again: no title index. */
  g_clear_object (&fixture->old_catalog);
  fixture->old_catalog = import_demo (fixture->old_db);
  g_clear_object (&fixture->old_catalog);
  g_assert_cmpint (sqlite3_open (fixture->old_db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "INSERT INTO course_title_fts (course_title_fts) VALUES ('delete-all')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  fixture->old_catalog = bridge_catalog_open (fixture->old_db, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->old_catalog);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->old_db);
}

/* The ids of @courses, joined by spaces. */
static char *
ids_of (GPtrArray *courses)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < courses->len; i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "", bridge_course_get_id (g_ptr_array_index (courses, i)));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* The ids of the courses of the first @n @rowids. */
static char *
ids_of_rowids (BridgeCatalog *catalog,
               GArray        *rowids,
               guint          n)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < MIN (n, rowids->len); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BridgeCourse) course =
        bridge_catalog_get_course_by_rowid (catalog, g_array_index (rowids, gint64, i), &error);

      g_assert_no_error (error);
      g_string_append_printf (ids, "%s%s", i ? " " : "", bridge_course_get_id (course));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

typedef struct
{
  const char *query;
  const char *city;     /* a filter, or NULL */
} Case;

/* Many matches, more than a page each: Chinese, an English prefix and word,
 * two words, a filter, and no query at all. */
static const Case cases[] = {
  { "学", NULL },
  { "数学", NULL },
  { "math", NULL },
  { "analysis", NULL },
  { "学 工程", NULL },
  { "学", "重庆" },
  { "数学", "成都" },
  { "", NULL },
};

#define PAGE 20

/* The first page is the first rows of the whole ranking, which is what the
 * search gave before the title index. */
static void
test_first_page_ranking (Fixture       *fixture,
                         gconstpointer  data)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) all = NULL;
      g_autoptr(GArray) old_all = NULL;
      g_autoptr(GPtrArray) page = NULL;
      g_autofree char *page_ids = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *all_ids = NULL;
      g_autofree char *old_ids = NULL;
      guint total = 0;
      gboolean more = TRUE;

      filter.city = cases[c].city;
      all = bridge_catalog_search_ids (fixture->catalog, cases[c].query, &filter, &error);
      g_assert_no_error (error);
      old_all = bridge_catalog_search_ids (fixture->old_catalog, cases[c].query, &filter, &error);
      g_assert_no_error (error);
      /* The old way was taken, and the new one. */
      if (*cases[c].query != '\0')
        {
          g_assert_cmpint (fixture->old_catalog->title_index, ==, -1);
          g_assert_cmpint (fixture->catalog->title_index, ==, 1);
        }

      /* More matches than a page, each case. */
      g_assert_cmpuint (all->len, >, PAGE);
      all_ids = ids_of_rowids (fixture->catalog, all, G_MAXUINT);
      old_ids = ids_of_rowids (fixture->old_catalog, old_all, G_MAXUINT);
      g_assert_cmpstr (all_ids, ==, old_ids);

      page = bridge_catalog_search_page (fixture->catalog, cases[c].query, &filter, PAGE, &total, &more, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->len, ==, PAGE);
      page_ids = ids_of (page);
      expected = ids_of_rowids (fixture->catalog, all, PAGE);
      g_assert_cmpstr (page_ids, ==, expected);
      if (all->len > BRIDGE_SEARCH_COUNT_CAP)
        {
          g_assert_cmpuint (total, ==, BRIDGE_SEARCH_COUNT_CAP);
          g_assert_true (more);
        }
      else
        {
          g_assert_cmpuint (total, ==, all->len);
          g_assert_false (more);
        }
    }
}

/* 学 is in all 1,200 courses: the total stops at the cap and says so; with
 * every row asked for, every match is counted. */
static void
test_total_lower_bound (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) everything = NULL;
  g_autoptr(GArray) first = NULL;
  guint total = 0, exact = 0;
  gboolean more = FALSE;

  page = bridge_catalog_search_page (fixture->catalog, "学", NULL, 20, &total, &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 20);
  g_assert_cmpuint (total, ==, BRIDGE_SEARCH_COUNT_CAP);
  g_assert_true (more);

  everything = bridge_catalog_search (fixture->catalog, "学", NULL, 20, &exact, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (exact, ==, 1200);
  g_clear_pointer (&page, g_ptr_array_unref);

  page = bridge_catalog_search_page (fixture->catalog, "学", NULL, G_MAXUINT, &total, &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1200);
  g_assert_cmpuint (total, ==, 1200);
  g_assert_false (more);
  g_clear_pointer (&page, g_ptr_array_unref);

  /* A page larger than the cap is counted up to its own size at least. */
  page = bridge_catalog_search_page (fixture->catalog, "学", NULL, 1100, &total, &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1100);
  g_assert_cmpuint (total, ==, 1100);
  g_assert_true (more);
  g_clear_pointer (&page, g_ptr_array_unref);

  /* Without a query, the listing is counted the same way. */
  page = bridge_catalog_search_page (fixture->catalog, "", NULL, 20, &total, &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 20);
  g_assert_cmpuint (total, ==, BRIDGE_SEARCH_COUNT_CAP);
  g_assert_true (more);

  /* A cap of its own. */
  first = bridge_catalog_search_first_ids (fixture->catalog, "数学", NULL, 3, 5, &total, &more, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 3);
  g_assert_cmpuint (total, ==, 5);
  g_assert_true (more);
}

/* Fewer matches than the cap are counted exactly, more than a page or not. */
static void
test_total_exact (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GPtrArray) page = NULL;
  guint total = 0;
  gboolean more = TRUE;

  all = bridge_catalog_search_ids (fixture->catalog, "数学", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, >, 20);
  g_assert_cmpuint (all->len, <, BRIDGE_SEARCH_COUNT_CAP);
  page = bridge_catalog_search_page (fixture->catalog, "数学", NULL, 20, &total, &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 20);
  g_assert_cmpuint (total, ==, all->len);
  g_assert_false (more);
  g_clear_pointer (&page, g_ptr_array_unref);

  page = bridge_catalog_search_page (fixture->catalog, "zzyzx", NULL, 20, &total, &more, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 0);
  g_assert_cmpuint (total, ==, 0);
  g_assert_false (more);
}

/* A search whose cancellable is cancelled says so, and the connection
 * searches again afterwards. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) ids = NULL;

  g_cancellable_cancel (cancellable);
  ids = bridge_catalog_search_first_ids (fixture->catalog, "学", NULL, G_MAXUINT, G_MAXUINT, NULL, NULL,
                                         cancellable, &error);
  g_assert_null (ids);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  ids = bridge_catalog_search_first_ids (fixture->catalog, "学", NULL, G_MAXUINT, G_MAXUINT, NULL, NULL,
                                         NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1200);
}

/* A cache of schema 2 (no title index) is migrated, said to be rebuilt
 * from its feed, and searched the old way meanwhile, with the same
 * results. */
static void
test_schema_2 (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeCatalog) migrated = NULL;
  g_autoptr(GArray) old_ids = NULL;
  g_autoptr(GArray) new_ids = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *feed = demo_feed ();
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  sqlite3 *handle = NULL;

  g_clear_object (&fixture->old_catalog);
  g_assert_cmpint (sqlite3_open (fixture->old_db, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "DROP TABLE course_title_fts; PRAGMA user_version = 2;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  migrated = bridge_catalog_open_or_reset (fixture->old_db, &reason, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, "older version"));
  g_assert_nonnull (strstr (reason, "searched a large catalog slowly"));
  g_assert_cmpstr (bridge_catalog_get_lost_source (migrated), ==, feed);

  old_ids = bridge_catalog_search_ids (migrated, "数学", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (migrated->title_index, ==, -1);
  new_ids = bridge_catalog_search_ids (fixture->catalog, "数学", NULL, &error);
  g_assert_no_error (error);
  old_text = ids_of_rowids (migrated, old_ids, G_MAXUINT);
  new_text = ids_of_rowids (fixture->catalog, new_ids, G_MAXUINT);
  g_assert_cmpstr (old_text, ==, new_text);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/search-page/first-page-ranking", test_first_page_ranking);
  ADD ("/search-page/total-lower-bound", test_total_lower_bound);
  ADD ("/search-page/total-exact", test_total_exact);
  ADD ("/search-page/cancelled", test_cancelled);
  ADD ("/search-page/schema-2", test_schema_2);
#undef ADD
  return g_test_run ();
}
