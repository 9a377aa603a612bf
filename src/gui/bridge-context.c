/* bridge-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-context"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-context.h"
#include "bridge-error.h"

struct _BridgeContext
{
  GObject        parent_instance;

  BridgeCatalog *catalog;
  GSettings     *settings;
  GPtrArray     *universities;
  GHashTable    *by_id;                   /* id → BridgeUniversity (borrowed) */
  char          *home_field;
};

G_DEFINE_FINAL_TYPE (BridgeContext, bridge_context, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
settings_changed_cb (BridgeContext *self,
                     const char    *key)
{
  if (g_strcmp0 (key, "home-university") == 0 ||
      g_strcmp0 (key, "home-cycle") == 0 ||
      g_strcmp0 (key, "home-field") == 0 ||
      g_strcmp0 (key, "conversion-rule") == 0 ||
      g_strcmp0 (key, "languages") == 0)
    {
      g_clear_pointer (&self->home_field, g_free);
      self->home_field = g_settings_get_string (self->settings, "home-field");
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

BridgeContext *
bridge_context_new (BridgeCatalog *catalog,
                    GSettings     *settings)
{
  BridgeContext *self = g_object_new (BRIDGE_TYPE_CONTEXT, NULL);

  g_set_object (&self->catalog, catalog);
  self->settings = g_object_ref (settings);
  self->home_field = g_settings_get_string (settings, "home-field");
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  bridge_context_reload (self);
  return self;
}

BridgeCatalog *
bridge_context_get_catalog (BridgeContext *self)
{
  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), NULL);
  return self->catalog;
}

GSettings *
bridge_context_get_settings (BridgeContext *self)
{
  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), NULL);
  return self->settings;
}

void
bridge_context_reload (BridgeContext *self)
{
  g_return_if_fail (BRIDGE_IS_CONTEXT (self));

  g_hash_table_remove_all (self->by_id);
  g_clear_pointer (&self->universities, g_ptr_array_unref);
  if (self->catalog != NULL)
    self->universities = bridge_catalog_list_universities (self->catalog);
  if (self->universities == NULL)
    self->universities = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->universities->len; i++)
    {
      BridgeUniversity *u = g_ptr_array_index (self->universities, i);

      g_hash_table_insert (self->by_id, (gpointer) bridge_university_get_id (u), u);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

GPtrArray *
bridge_context_get_universities (BridgeContext *self)
{
  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), NULL);
  return self->universities;
}

BridgeUniversity *
bridge_context_find_university (BridgeContext *self,
                                const char    *id)
{
  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id, id);
}

BridgeUniversity *
bridge_context_get_home_university (BridgeContext *self)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), NULL);

  id = g_settings_get_string (self->settings, "home-university");
  return bridge_context_find_university (self, id);
}

BridgeCycle
bridge_context_get_home_cycle (BridgeContext *self)
{
  g_autofree char *str = NULL;
  BridgeCycle cycle = BRIDGE_CYCLE_BACHELOR;

  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), BRIDGE_CYCLE_BACHELOR);

  str = g_settings_get_string (self->settings, "home-cycle");
  bridge_cycle_from_string (str, &cycle);
  return cycle;
}

const char *
bridge_context_get_home_field (BridgeContext *self)
{
  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), "");
  return self->home_field != NULL ? self->home_field : "";
}

BridgeCreditResult *
bridge_context_compute_credit (BridgeContext *self,
                               BridgeCourse  *course,
                               GError       **error)
{
  BridgeUniversity *host;
  BridgeUniversity *home;
  const BridgeAlliance *alliance;

  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (BRIDGE_IS_COURSE (course), NULL);

  alliance = self->catalog != NULL ? bridge_catalog_get_alliance (self->catalog) : NULL;
  host = bridge_context_find_university (self, bridge_course_get_university_id (course));
  home = bridge_context_get_home_university (self);
  if (alliance == NULL || host == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("The course’s university is not in the catalog"));
      return NULL;
    }
  if (home == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("Choose your home university in Preferences"));
      return NULL;
    }
  return bridge_credit_compute (alliance, host, home, course, error);
}

const char *
bridge_context_university_name (BridgeContext *self,
                                 const char    *id)
{
  BridgeUniversity *u = bridge_context_find_university (self, id);

  if (u == NULL)
    return id;
  return bridge_text_pick (bridge_university_get_name (u));
}

static void
bridge_context_finalize (GObject *object)
{
  BridgeContext *self = BRIDGE_CONTEXT (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->universities, g_ptr_array_unref);
  g_clear_pointer (&self->home_field, g_free);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bridge_context_parent_class)->finalize (object);
}

static void
bridge_context_class_init (BridgeContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bridge_context_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bridge_context_init (BridgeContext *self)
{
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}
