/* bridge-importer.c: the catalog of this session and its import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-importer"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-importer.h"

struct _BridgeImporter
{
  GObject        parent_instance;

  BridgeCatalog *catalog;
  char          *problem;
  char          *rebuild_source;         /* the import running rebuilds a damaged cache from it */
  gboolean       rebuild_in_place;       /* … an outdated one, still searched meanwhile */
  GCancellable  *cancellable;
  GApplication  *held;                   /* held while an import runs */
  gboolean       updating;               /* what runs is an update */
  gboolean       background;             /* … started by the app, not asked for */
  gboolean       started_once;           /* the start's check was considered */
  gboolean       failure_told;           /* a background failure was told this session */
  char          *update_problem;
  GDateTime     *now;                    /* for tests; NULL: the clock */
};

G_DEFINE_FINAL_TYPE (BridgeImporter, bridge_importer, G_TYPE_OBJECT)

enum {
  IMPORT_STARTED,
  IMPORT_PROGRESS,
  IMPORT_FINISHED,
  UPDATE_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

BridgeImporter *
bridge_importer_new (BridgeCatalog *catalog,
                     const char    *problem)
{
  BridgeImporter *self;

  g_return_val_if_fail (catalog == NULL || BRIDGE_IS_CATALOG (catalog), NULL);

  self = g_object_new (BRIDGE_TYPE_IMPORTER, NULL);
  g_set_object (&self->catalog, catalog);
  self->problem = g_strdup (problem);
  return self;
}

BridgeCatalog *
bridge_importer_get_catalog (BridgeImporter *self)
{
  g_return_val_if_fail (BRIDGE_IS_IMPORTER (self), NULL);
  return self->catalog;
}

const char *
bridge_importer_get_problem (BridgeImporter *self)
{
  g_return_val_if_fail (BRIDGE_IS_IMPORTER (self), NULL);
  return self->problem;
}

gboolean
bridge_importer_is_importing (BridgeImporter *self)
{
  g_return_val_if_fail (BRIDGE_IS_IMPORTER (self), FALSE);
  return self->cancellable != NULL;
}

void
bridge_importer_cancel (BridgeImporter *self)
{
  g_return_if_fail (BRIDGE_IS_IMPORTER (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  BridgeImporter *self = BRIDGE_IMPORTER (user_data);

  g_signal_emit (self, signals[IMPORT_PROGRESS], 0, fraction);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BridgeImporter) self = BRIDGE_IMPORTER (user_data);
  g_autoptr(BridgeImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GApplication) held = g_steal_pointer (&self->held);

  report = bridge_catalog_import_finish (BRIDGE_CATALOG (object), result, &error);
  g_clear_object (&self->cancellable);

  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup (_("The import was cancelled; the catalog is unchanged"));
      else
        /* Translators: %s is the reason, from the catalog reader */
        message = g_strdup_printf (_("The catalog could not be imported: %s"), error->message);
      g_warning ("%s", message);
    }
  else if (report->unchanged)
    message = g_strdup (_("The catalog is already up to date"));
  else if (self->rebuild_source != NULL && self->rebuild_in_place)
    /* Translators: %s is the feed the catalog cache had been imported from */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The catalog cache was brought up to date from %s: %u course",
                                            "The catalog cache was brought up to date from %s: %u courses",
                                            report->courses),
                               self->rebuild_source, report->courses);
  else if (self->rebuild_source != NULL)
    /* Translators: %s is the feed the damaged catalog cache had been imported from */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The damaged catalog cache was rebuilt from %s: %u course",
                                            "The damaged catalog cache was rebuilt from %s: %u courses",
                                            report->courses),
                               self->rebuild_source, report->courses);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Imported %u course",
                                            "Imported %u courses",
                                            report->courses),
                               report->courses);

  /* Once imported, the catalog is whole again, whatever the feed. */
  if (report != NULL && self->catalog != NULL)
    g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->rebuild_source, g_free);

  g_signal_emit (self, signals[IMPORT_FINISHED], 0, report != NULL, message);
  if (held != NULL)
    g_application_release (held);
}

void
bridge_importer_import (BridgeImporter *self,
                        const char     *source)
{
  GApplication *app = g_application_get_default ();

  g_return_if_fail (BRIDGE_IS_IMPORTER (self));
  g_return_if_fail (source != NULL);

  if (self->cancellable != NULL || self->catalog == NULL)
    return;

  self->updating = FALSE;
  g_clear_pointer (&self->rebuild_source, g_free);
  if (self->problem != NULL &&
      g_strcmp0 (source, bridge_catalog_get_lost_source (self->catalog)) == 0)
    {
      self->rebuild_source = g_strdup (source);
      /* A cache of an older version is rebuilt while it is still searched. */
      self->rebuild_in_place = !bridge_catalog_is_empty (self->catalog);
    }
  self->cancellable = g_cancellable_new ();
  /* The application that was held is the one released, whatever becomes
   * the default meanwhile. */
  if (app != NULL)
    g_application_hold (self->held = g_object_ref (app));
  g_signal_emit (self, signals[IMPORT_STARTED], 0);
  bridge_catalog_import_async (self->catalog,
                               source,
                               import_progress_cb,
                               self,
                               self->cancellable,
                               import_done_cb,
                               g_object_ref (self));
}

gboolean
bridge_importer_is_updating (BridgeImporter *self)
{
  g_return_val_if_fail (BRIDGE_IS_IMPORTER (self), FALSE);
  return self->cancellable != NULL && self->updating;
}

static GDateTime *
dup_now (BridgeImporter *self)
{
  return self->now != NULL ? g_date_time_ref (self->now) : g_date_time_new_now_utc ();
}

static void
update_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BridgeImporter) self = BRIDGE_IMPORTER (user_data);
  g_autoptr(BridgeUpdateReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GApplication) held = g_steal_pointer (&self->held);
  BridgeUpdateResult outcome;

  report = bridge_catalog_update_finish (BRIDGE_CATALOG (object), result, &error);
  g_clear_object (&self->cancellable);
  self->updating = FALSE;

  if (report == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      outcome = BRIDGE_UPDATE_RESULT_CANCELLED;
      message = g_strdup (_("The update was cancelled; the catalog is unchanged"));
    }
  else if (report == NULL)
    {
      outcome = BRIDGE_UPDATE_RESULT_FAILED;
      g_free (self->update_problem);
      self->update_problem = g_strdup (error->message);
      /* Offline on a campus network is no news after the first time. */
      if (!self->background || !self->failure_told)
        /* Short, for a toast: why is bridge_importer_get_update_problem () */
        message = g_strdup (_("No new catalog could be fetched; the one you have stays"));
      if (self->background)
        self->failure_told = TRUE;
      g_debug ("%s", error->message);
    }
  else if (report->unchanged)
    {
      outcome = BRIDGE_UPDATE_RESULT_UNCHANGED;
      g_clear_pointer (&self->update_problem, g_free);
      if (!self->background)
        message = g_strdup (_("The catalog is already up to date"));
    }
  else
    {
      g_autofree char *what = bridge_update_report_describe (report);

      outcome = BRIDGE_UPDATE_RESULT_NEW;
      g_clear_pointer (&self->update_problem, g_free);
      /* Translators: %s says what changed ("2 courses added, 1 changed") */
      message = g_strdup_printf (_("New catalog: %s"), what);
    }

  g_signal_emit (self, signals[UPDATE_FINISHED], 0, outcome, message);
  if (held != NULL)
    g_application_release (held);
}

void
bridge_importer_update (BridgeImporter *self,
                        gboolean        background)
{
  GApplication *app = g_application_get_default ();

  g_return_if_fail (BRIDGE_IS_IMPORTER (self));

  if (self->cancellable != NULL || self->catalog == NULL || bridge_catalog_is_empty (self->catalog))
    return;

  self->updating = TRUE;
  self->background = background;
  self->cancellable = g_cancellable_new ();
  if (app != NULL)
    g_application_hold (self->held = g_object_ref (app));
  g_signal_emit (self, signals[IMPORT_STARTED], 0);
  bridge_catalog_update_async (self->catalog,
                               import_progress_cb,
                               self,
                               self->cancellable,
                               update_done_cb,
                               g_object_ref (self));
}

gboolean
bridge_importer_update_is_due (BridgeImporter *self,
                               GDateTime      *now)
{
  g_autofree char *source = NULL;
  g_autoptr(GDateTime) checked = NULL;

  g_return_val_if_fail (BRIDGE_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (self->catalog == NULL || bridge_catalog_is_empty (self->catalog)
      || !bridge_catalog_get_update_source (self->catalog, &source)
      || !bridge_catalog_source_is_web (source))
    return FALSE;
  checked = bridge_catalog_get_checked (self->catalog);
  return checked == NULL || g_date_time_difference (now, checked) > G_TIME_SPAN_DAY;
}

void
bridge_importer_update_at_start (BridgeImporter *self,
                                 gboolean        enabled)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (BRIDGE_IS_IMPORTER (self));

  /* Once a session: a second window is no new start. */
  if (self->started_once)
    return;
  self->started_once = TRUE;
  now = dup_now (self);
  if (enabled && self->problem == NULL && bridge_importer_update_is_due (self, now))
    bridge_importer_update (self, TRUE);
}

const char *
bridge_importer_get_update_problem (BridgeImporter *self)
{
  g_return_val_if_fail (BRIDGE_IS_IMPORTER (self), NULL);
  return self->update_problem;
}

void
bridge_importer_set_now (BridgeImporter *self,
                         GDateTime      *now)
{
  g_return_if_fail (BRIDGE_IS_IMPORTER (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
}

static void
bridge_importer_dispose (GObject *object)
{
  BridgeImporter *self = BRIDGE_IMPORTER (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (bridge_importer_parent_class)->dispose (object);
}

static void
bridge_importer_finalize (GObject *object)
{
  BridgeImporter *self = BRIDGE_IMPORTER (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->rebuild_source, g_free);
  g_clear_pointer (&self->update_problem, g_free);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (bridge_importer_parent_class)->finalize (object);
}

static void
bridge_importer_class_init (BridgeImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bridge_importer_dispose;
  object_class->finalize = bridge_importer_finalize;

  signals[IMPORT_STARTED] =
    g_signal_new ("import-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[IMPORT_PROGRESS] =
    g_signal_new ("import-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);
  signals[IMPORT_FINISHED] =
    g_signal_new ("import-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);
  signals[UPDATE_FINISHED] =
    g_signal_new ("update-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
}

static void
bridge_importer_init (BridgeImporter *self)
{
}
