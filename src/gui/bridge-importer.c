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
};

G_DEFINE_FINAL_TYPE (BridgeImporter, bridge_importer, G_TYPE_OBJECT)

enum {
  IMPORT_STARTED,
  IMPORT_PROGRESS,
  IMPORT_FINISHED,
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
}

static void
bridge_importer_init (BridgeImporter *self)
{
}
