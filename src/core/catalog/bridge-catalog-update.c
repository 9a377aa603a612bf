/* bridge-catalog-update.c: keeping the cached catalog current from its source
 *
 * A web feed is downloaded into PATH.feed.new-XXXXXX (PATH being the cache), each
 * file asked for with the validators kept in PATH.feed from the last
 * download (bridge_feed_mirror ()), imported from there in one transaction,
 * and only then put in the place of PATH.feed: on any failure the cache and
 * the kept files stay as they were. What changed is counted by id, from a
 * hash of each object's feed JSON taken before and after the import. A local
 * feed is read again whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-catalog"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bridge-catalog-private.h"
#include "bridge-catalog-update.h"
#include "bridge-error.h"
#include "bridge-feed.h"

/* At most this many ids of changed or removed courses in a report. */
#define MAX_COURSE_IDS 1000

typedef struct
{
  BridgeProgressFunc progress;
  gpointer           progress_data;
} Progress;

/* What is compared, before and after an import: each row's id and the JSON
 * the feed gave for it. */
static const struct
{
  const char *name;
  const char *select;
} kinds[] = {
  { "universities", "SELECT id, bridge_update_hash (json) FROM main.universities" },
  { "courses", "SELECT c.id, bridge_update_hash (j.json) FROM main.courses c"
               " JOIN main.course_json j ON j.rowid = c.rowid" },
  { "certificates", "SELECT id, bridge_update_hash (json) FROM main.certificates" },
};

/* Folders beside the cache */

static char *
kept_folder (BridgeCatalog *self,
             const char    *suffix)
{
  return g_strconcat (self->path, ".feed", suffix, NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

/* A folder of its own beside the cache, PATH.feed.WHAT-XXXXXX: two updates
 * at once (the window's and the command line's) never share one. */
static char *
make_folder (BridgeCatalog  *self,
             const char     *what,
             GError        **error)
{
  g_autofree char *folder = g_strdup_printf ("%s.feed.%s-XXXXXX", self->path, what);

  if (g_mkdtemp (folder) == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Cannot make the folder %s: %s"), folder,
                   g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&folder);
}

/* Puts the download in @fresh in the place of PATH.feed. */
static void
swap_kept (BridgeCatalog *self,
           const char    *fresh)
{
  g_autofree char *kept = kept_folder (self, "");
  g_autofree char *old = make_folder (self, "old", NULL);

  if (old != NULL && (g_rmdir (old) != 0 || (g_rename (kept, old) != 0 && errno != ENOENT)))
    g_warning ("Cannot move %s aside: %s", kept, g_strerror (errno));
  if (g_rename (fresh, kept) != 0)
    {
      g_warning ("Cannot keep the feed's files in %s: %s", kept, g_strerror (errno));
      remove_tree (fresh);
    }
  if (old != NULL)
    remove_tree (old);
}

/* Downloads and imports */

static void
mirror_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  Progress *progress = user_data;

  if (progress->progress != NULL)
    progress->progress (0.5 * done / MAX (total, 1), progress->progress_data);
}

static void
import_progress (double   fraction,
                 gpointer user_data)
{
  Progress *progress = user_data;

  if (progress->progress != NULL)
    progress->progress (fraction < 0 ? fraction : 0.5 + 0.5 * fraction, progress->progress_data);
}

/* Downloads @url into a new folder beside the cache, asking with the
 * validators of PATH.feed; returns the folder. */
static char *
download (BridgeCatalog          *self,
          const char             *url,
          BridgeFeedMirrorReport *mirror,
          Progress               *progress,
          GCancellable           *cancellable,
          GError                **error)
{
  g_autofree char *kept = kept_folder (self, "");
  g_autofree char *fresh = make_folder (self, "new", error);

  if (fresh == NULL)
    return NULL;
  if (bridge_feed_mirror (url, kept, fresh, mirror, mirror_progress, progress, cancellable, error))
    return g_steal_pointer (&fresh);
  remove_tree (fresh);
  return NULL;
}

/* Imports the download in @fresh as the feed at @url and keeps it; removes
 * it on failure. */
static gboolean
import_download (BridgeCatalog       *self,
                 const char          *url,
                 const char          *fresh,
                 BridgeImportReport **report,
                 Progress            *progress,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autofree char *root = bridge_feed_mirror_root (fresh, NULL);

  if (root == NULL
      || !bridge_catalog_import_as (self, root, url, report, import_progress, progress, cancellable, error))
    {
      if (root == NULL)
        g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED, _("The download of %s was lost from %s"), url, fresh);
      remove_tree (fresh);
      return FALSE;
    }
  swap_kept (self, fresh);
  return TRUE;
}

gboolean
bridge_catalog_import_web (BridgeCatalog       *self,
                           const char          *url,
                           BridgeImportReport **report_out,
                           BridgeProgressFunc   progress,
                           gpointer             progress_data,
                           GCancellable        *cancellable,
                           GError             **error)
{
  Progress scaled = { progress, progress_data };
  BridgeFeedMirrorReport mirror;
  g_autofree char *fresh = download (self, url, &mirror, &scaled, cancellable, error);

  return fresh != NULL && import_download (self, url, fresh, report_out, &scaled, cancellable, error);
}

/* Counting what changed */

/* FNV-1a, 64 bits, of the text: equal JSON, equal hash. */
static void
hash_func (sqlite3_context  *context,
           int               argc,
           sqlite3_value   **argv)
{
  const guchar *text = sqlite3_value_text (argv[0]);
  int len = sqlite3_value_bytes (argv[0]);
  guint64 hash = G_GUINT64_CONSTANT (14695981039346656037);

  for (int i = 0; text != NULL && i < len; i++)
    {
      hash ^= text[i];
      hash *= G_GUINT64_CONSTANT (1099511628211);
    }
  sqlite3_result_int64 (context, (sqlite3_int64) hash);
}

static gboolean
drop_snapshots (BridgeCatalog  *self,
                const char     *which,
                GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TABLE IF EXISTS temp.update_%s_%s", which, kinds[i].name);

      if (!bridge_catalog_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* Takes each object's id and hash into temp.update_WHICH_KIND. */
static gboolean
snapshot (BridgeCatalog  *self,
          const char     *which,
          GError        **error)
{
  int rc = sqlite3_create_function_v2 (self->db, "bridge_update_hash", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                       NULL, hash_func, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return bridge_catalog_sql_error (self, rc, error);
  if (!drop_snapshots (self, which, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *sql = g_strdup_printf ("CREATE TEMP TABLE update_%s_%s (id TEXT PRIMARY KEY, h INTEGER)"
                                              " WITHOUT ROWID; INSERT OR REPLACE INTO temp.update_%s_%s %s",
                                              which, kinds[i].name, which, kinds[i].name, kinds[i].select);

      if (!bridge_catalog_exec (self, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* The ids of @sql's rows, counted, and the first MAX_COURSE_IDS kept in @ids (may be NULL). */
static gboolean
collect_ids (BridgeCatalog  *self,
             const char     *sql,
             guint          *count,
             GPtrArray      *ids,
             GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return bridge_catalog_sql_error (self, rc, error);
  *count = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (ids != NULL && ids->len < MAX_COURSE_IDS)
        g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      (*count)++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return bridge_catalog_sql_error (self, rc, error);
  return TRUE;
}

static gboolean
compare_snapshots (BridgeCatalog       *self,
                   BridgeUpdateReport  *report,
                   GError             **error)
{
  guint *counts[G_N_ELEMENTS (kinds)][3] = {
    { &report->universities_added, &report->universities_changed, &report->universities_removed },
    { &report->courses_added, &report->courses_changed, &report->courses_removed },
    { &report->certificates_added, &report->certificates_changed, &report->certificates_removed },
  };

  if (!snapshot (self, "new", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const char *kind = kinds[i].name;
      gboolean courses = g_str_equal (kind, "courses");
      g_autofree char *added = g_strdup_printf ("SELECT n.id FROM temp.update_new_%s n WHERE NOT EXISTS"
                                                " (SELECT 1 FROM temp.update_old_%s o WHERE o.id = n.id)",
                                                kind, kind);
      g_autofree char *changed = g_strdup_printf ("SELECT n.id FROM temp.update_new_%s n"
                                                  " JOIN temp.update_old_%s o ON o.id = n.id"
                                                  " WHERE o.h IS NOT n.h ORDER BY n.id",
                                                  kind, kind);
      g_autofree char *removed = g_strdup_printf ("SELECT o.id FROM temp.update_old_%s o WHERE NOT EXISTS"
                                                  " (SELECT 1 FROM temp.update_new_%s n WHERE n.id = o.id)"
                                                  " ORDER BY o.id",
                                                  kind, kind);

      if (!collect_ids (self, added, counts[i][0], NULL, error)
          || !collect_ids (self, changed, counts[i][1], courses ? report->changed_course_ids : NULL, error)
          || !collect_ids (self, removed, counts[i][2], courses ? report->removed_course_ids : NULL, error))
        return FALSE;
    }
  return TRUE;
}

/* The report */

static BridgeUpdateReport *
update_report_new (void)
{
  BridgeUpdateReport *report = g_new0 (BridgeUpdateReport, 1);

  report->warnings = g_ptr_array_new_with_free_func (g_free);
  report->changed_course_ids = g_ptr_array_new_with_free_func (g_free);
  report->removed_course_ids = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
bridge_update_report_free (BridgeUpdateReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->warnings);
  g_ptr_array_unref (report->changed_course_ids);
  g_ptr_array_unref (report->removed_course_ids);
  g_free (report);
}

static void
add_part (GString    *out,
          const char *part)
{
  if (out->len > 0)
    /* Translators: between the parts of "2 courses added, 1 course changed" */
    g_string_append (out, C_("list separator", ", "));
  g_string_append (out, part);
}

/* Appends @part, taken. */
static void
add_count (GString *out,
           char    *part)
{
  add_part (out, part);
  g_free (part);
}

char *
bridge_update_report_describe (const BridgeUpdateReport *report)
{
  GString *out;
  guint n;

  g_return_val_if_fail (report != NULL, NULL);

  if (report->unchanged)
    return g_strdup (_("unchanged"));
  out = g_string_new (NULL);
  if ((n = report->universities_added) > 0)
    add_count (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u university added",
                                                  "%u universities added", n), n));
  if ((n = report->universities_changed) > 0)
    add_count (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u university changed",
                                                  "%u universities changed", n), n));
  if ((n = report->universities_removed) > 0)
    add_count (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u university removed",
                                                  "%u universities removed", n), n));
  if ((n = report->courses_added) > 0)
    add_count (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u course added",
                                                  "%u courses added", n), n));
  if ((n = report->courses_changed) > 0)
    add_count (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u course changed",
                                                  "%u courses changed", n), n));
  if ((n = report->courses_removed) > 0)
    add_count (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u course removed",
                                                  "%u courses removed", n), n));
  if ((n = report->certificates_added) > 0)
    add_count (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate added",
                                                  "%u certificates added", n), n));
  if ((n = report->certificates_changed) > 0)
    add_count (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate changed",
                                                  "%u certificates changed", n), n));
  if ((n = report->certificates_removed) > 0)
    add_count (out, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate removed",
                                                  "%u certificates removed", n), n));
  if (out->len == 0)
    g_string_append (out, _("new feed, with the same universities, courses and certificates"));
  return g_string_free (out, FALSE);
}

/* The source */

gboolean
bridge_catalog_source_is_web (const char *source)
{
  g_return_val_if_fail (source != NULL, FALSE);

  return bridge_feed_is_web_uri (source);
}

gboolean
bridge_catalog_get_update_source (BridgeCatalog  *self,
                                  char          **source)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), FALSE);

  if (!bridge_catalog_is_empty (self))
    value = bridge_catalog_meta_get (self, "source");
  if (source != NULL)
    *source = g_strdup (value);
  return value != NULL;
}

/* The update */

static gboolean
set_checked (BridgeCatalog  *self,
             GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = g_date_time_format_iso8601 (now);

  return bridge_catalog_meta_set (self, "checked", text, error);
}

static gboolean
update (BridgeCatalog       *self,
        const char          *source,
        BridgeUpdateReport  *report,
        Progress            *progress,
        GCancellable        *cancellable,
        GError             **error)
{
  g_autoptr(BridgeImportReport) imported = NULL;
  gboolean ok;

  if (bridge_catalog_source_is_web (source))
    {
      BridgeFeedMirrorReport mirror;
      g_autofree char *fresh = download (self, source, &mirror, progress, cancellable, error);

      if (fresh == NULL)
        return FALSE;
      report->files_checked = mirror.files_checked;
      report->files_downloaded = mirror.files_downloaded;
      report->bytes_downloaded = mirror.bytes_downloaded;
      if (mirror.files_downloaded == 0)
        {
          /* Every file answered 304 Not Modified: nothing to import. */
          remove_tree (fresh);
          report->unchanged = TRUE;
          import_progress (1.0, progress);
          return set_checked (self, error);
        }
      ok = snapshot (self, "old", error);
      if (!ok)
        remove_tree (fresh);
      else
        ok = import_download (self, source, fresh, &imported, progress, cancellable, error);
    }
  else
    /* A feed on this computer is read again whole. */
    ok = snapshot (self, "old", error)
         && bridge_catalog_import_as (self, source, NULL, &imported, import_progress, progress, cancellable, error);

  if (ok)
    {
      for (guint i = 0; i < imported->warnings->len; i++)
        g_ptr_array_add (report->warnings, g_strdup (g_ptr_array_index (imported->warnings, i)));
      report->unchanged = imported->unchanged;
      ok = (report->unchanged || compare_snapshots (self, report, error)) && set_checked (self, error);
    }
  drop_snapshots (self, "old", NULL);
  drop_snapshots (self, "new", NULL);
  return ok;
}

BridgeUpdateReport *
bridge_catalog_update (BridgeCatalog       *self,
                       BridgeProgressFunc   progress,
                       gpointer             progress_data,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(BridgeUpdateReport) report = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *source = NULL;
  g_autofree char *age = NULL;
  Progress scaled = { progress, progress_data };

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);

  if (!bridge_catalog_get_update_source (self, &source))
    {
      g_set_error_literal (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                           _("The catalog is empty: there is nothing to update. Import the alliance’s feed first "
                             "(credit-bridge-cli catalog import SOURCE)."));
      return NULL;
    }
  /* Said of the catalog as it is now, should the update fail. */
  now = g_date_time_new_now_utc ();
  age = bridge_catalog_describe_age (self, now);
  report = update_report_new ();
  if (!update (self, source, report, &scaled, cancellable, &local_error))
    {
      const char *message = local_error->message;
      gsize len = strlen (message);
      gboolean stop = len > 0 && (message[len - 1] == '.' || g_str_has_suffix (message, "。"));

      if (age == NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (stop)
        /* Translators: an error message that ends with a full stop, then the catalog's age */
        g_set_error (error, local_error->domain, local_error->code, C_("error and age", "%s %s"), message, age);
      else
        /* Translators: an error message without a full stop, then the catalog's age */
        g_set_error (error, local_error->domain, local_error->code, C_("error and age", "%s. %s"), message, age);
      return NULL;
    }
  return g_steal_pointer (&report);
}

/* In a worker thread with its own connection */

static void
update_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BridgeCatalogTask *data = task_data;
  g_autoptr(BridgeCatalog) catalog = NULL;
  BridgeUpdateReport *report = NULL;
  GError *error = NULL;

  catalog = bridge_catalog_open (data->path, &error);
  if (catalog != NULL)
    report = bridge_catalog_update (catalog, bridge_catalog_task_progress, data, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) bridge_update_report_free);
}

void
bridge_catalog_update_async (BridgeCatalog       *self,
                             BridgeProgressFunc   progress,
                             gpointer             progress_data,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BRIDGE_IS_CATALOG (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bridge_catalog_update_async);
  g_task_set_task_data (task, bridge_catalog_task_new (self, NULL, progress, progress_data),
                        (GDestroyNotify) bridge_catalog_task_free);
  g_task_run_in_thread (task, update_thread);
}

BridgeUpdateReport *
bridge_catalog_update_finish (BridgeCatalog  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  BridgeUpdateReport *report;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  report = g_task_propagate_pointer (G_TASK (result), error);
  /* This connection must see what the worker's imported. */
  if (report != NULL && !report->unchanged && !bridge_catalog_load_universities (self, error))
    g_clear_pointer (&report, bridge_update_report_free);
  return report;
}

/* Dates for people */

static GDateTime *
meta_date (BridgeCatalog *self,
           const char    *key)
{
  g_autofree char *value = bridge_catalog_meta_get (self, key);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return value ? g_date_time_new_from_iso8601 (value, utc) : NULL;
}

GDateTime *
bridge_catalog_get_checked (BridgeCatalog *self)
{
  GDateTime *checked;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);

  if (bridge_catalog_is_empty (self))
    return NULL;
  checked = meta_date (self, "checked");
  return checked ? checked : meta_date (self, "imported");
}

/* "3 December", or "3 December 2025" when not of @now's year. */
static char *
format_day (GDateTime *date,
            GDateTime *now)
{
  if (g_date_time_get_year (date) == g_date_time_get_year (now))
    /* Translators: a date of this year in g_date_time_format ()'s notation, "3 December" */
    /* xgettext:no-c-format */
    return g_date_time_format (date, C_("day of this year", "%-d %B"));
  /* Translators: a date of another year, "3 December 2025" */
  /* xgettext:no-c-format */
  return g_date_time_format (date, C_("day of another year", "%-d %B %Y"));
}

static char *
generated_day (BridgeCatalog *self,
               GDateTime     *now)
{
  g_autoptr(GDateTime) generated = NULL;

  if (bridge_catalog_is_empty (self))
    return NULL;
  /* The feed's date as its publisher wrote it, in its own offset. */
  generated = meta_date (self, "generated");
  return generated ? format_day (generated, now) : NULL;
}

char *
bridge_catalog_describe_date (BridgeCatalog *self,
                              GDateTime     *now)
{
  g_autofree char *day = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  day = generated_day (self, now);
  /* Translators: %s is a date, "3 December" */
  return day ? g_strdup_printf (_("Catalog of %s"), day) : NULL;
}

/* "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
static char *
describe_elapsed (GDateTime *then,
                  GDateTime *now)
{
  GTimeSpan span = MAX (g_date_time_difference (now, then), 0);
  gulong minutes = (gulong) (span / G_TIME_SPAN_MINUTE);
  gulong hours = (gulong) (span / G_TIME_SPAN_HOUR);
  gulong days = (gulong) (span / G_TIME_SPAN_DAY);

  if (minutes == 0)
    return g_strdup (_("just now"));
  if (hours == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu minute ago", "%lu minutes ago", minutes), minutes);
  if (days == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu hour ago", "%lu hours ago", hours), hours);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu day ago", "%lu days ago", days), days);
}

char *
bridge_catalog_describe_age (BridgeCatalog *self,
                             GDateTime     *now)
{
  g_autoptr(GDateTime) checked = NULL;
  g_autofree char *day = NULL;
  g_autofree char *elapsed = NULL;

  g_return_val_if_fail (BRIDGE_IS_CATALOG (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  checked = bridge_catalog_get_checked (self);
  if (checked == NULL)
    return NULL;
  day = generated_day (self, now);
  elapsed = describe_elapsed (checked, now);
  if (day == NULL)
    /* Translators: %s is "2 days ago", "just now"… */
    return g_strdup_printf (_("The cached catalog was last checked %s."), elapsed);
  /* Translators: the first %s is a date ("3 December"), the second "2 days ago", "just now"… */
  return g_strdup_printf (_("The cached catalog, of %s, was last checked %s."), day, elapsed);
}
