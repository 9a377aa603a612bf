/* bridge-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-context"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-context.h"
#include "bridge-error.h"
#include "bridge-gui-util.h"

struct _BridgeContext
{
  GObject        parent_instance;

  BridgeCatalog *catalog;
  GSettings     *settings;
  GPtrArray     *universities;
  GHashTable    *by_id;                   /* id → BridgeUniversity (borrowed) */

  /* The settings as last read, for getters that return them unowned */
  char          *home_university;
  char          *home_field;
  GStrv          languages;
  char          *catalog_source;
  GStrv          recent_plans;
  char          *last_plan;

  BridgeImporter *importer;               /* the session's, from the application */
};

G_DEFINE_FINAL_TYPE (BridgeContext, bridge_context, G_TYPE_OBJECT)

/* Each property is the settings key of the same name. */
enum {
  PROP_0,
  PROP_HOME_UNIVERSITY,
  PROP_HOME_CYCLE,
  PROP_HOME_FIELD,
  PROP_LANGUAGES,
  PROP_CONVERSION_RULE,
  PROP_CATALOG_SOURCE,
  PROP_RECENT_PLANS,
  PROP_LAST_PLAN,
  PROP_FIRST_RUN_DONE,
  PROP_CHECK_UPDATES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Reads the settings key of @prop into its copy, if it keeps one. */
static void
read_setting (BridgeContext *self,
              guint          prop)
{
  const char *key = properties[prop]->name;

  switch (prop)
    {
    case PROP_HOME_UNIVERSITY:
      g_free (self->home_university);
      self->home_university = g_settings_get_string (self->settings, key);
      break;
    case PROP_HOME_FIELD:
      g_free (self->home_field);
      self->home_field = g_settings_get_string (self->settings, key);
      break;
    case PROP_LANGUAGES:
      g_strfreev (self->languages);
      self->languages = g_settings_get_strv (self->settings, key);
      break;
    case PROP_CATALOG_SOURCE:
      g_free (self->catalog_source);
      self->catalog_source = g_settings_get_string (self->settings, key);
      break;
    case PROP_RECENT_PLANS:
      g_strfreev (self->recent_plans);
      self->recent_plans = g_settings_get_strv (self->settings, key);
      break;
    case PROP_LAST_PLAN:
      g_free (self->last_plan);
      self->last_plan = g_settings_get_string (self->settings, key);
      break;
    default:
      /* read when asked: nothing to keep */
      break;
    }
}

static void
settings_changed_cb (BridgeContext *self,
                     const char    *key)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), key);

  if (pspec == NULL)
    return;
  for (guint prop = 1; prop < N_PROPS; prop++)
    if (properties[prop] == pspec)
      read_setting (self, prop);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  /* What a credit or a grade shown depends on. */
  if (pspec == properties[PROP_HOME_UNIVERSITY] ||
      pspec == properties[PROP_HOME_CYCLE] ||
      pspec == properties[PROP_HOME_FIELD] ||
      pspec == properties[PROP_CONVERSION_RULE] ||
      pspec == properties[PROP_LANGUAGES])
    g_signal_emit (self, signals[CHANGED], 0);
}

BridgeContext *
bridge_context_new (BridgeCatalog *catalog,
                    GSettings     *settings)
{
  BridgeContext *self = g_object_new (BRIDGE_TYPE_CONTEXT, NULL);

  g_set_object (&self->catalog, catalog);
  self->settings = g_object_ref (settings);
  /* Connected before the keys are read: some backends only say what
   * changed of the keys read since. */
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  for (guint prop = 1; prop < N_PROPS; prop++)
    read_setting (self, prop);
  bridge_context_reload (self);
  return self;
}

BridgeCatalog *
bridge_context_get_catalog (BridgeContext *self)
{
  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), NULL);
  return self->catalog;
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
  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), NULL);

  return bridge_context_find_university (self, self->home_university);
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
  BridgeUniversity *home;

  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (BRIDGE_IS_COURSE (course), NULL);

  /* Where the student chooses it is the window's to say; the rest is core's. */
  home = bridge_context_get_home_university (self);
  if (self->catalog == NULL || home == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND,
                   _("Choose your home university in Preferences"));
      return NULL;
    }
  return bridge_catalog_compute_credit (self->catalog, course, bridge_university_get_id (home), error);
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

const char *
bridge_context_get_home_university_id (BridgeContext *self)
{
  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), "");
  return self->home_university != NULL ? self->home_university : "";
}

void
bridge_context_set_home_university_id (BridgeContext *self,
                                       const char    *id)
{
  g_return_if_fail (BRIDGE_IS_CONTEXT (self));
  g_settings_set_string (self->settings, "home-university", id != NULL ? id : "");
}

void
bridge_context_set_home_cycle (BridgeContext *self,
                               BridgeCycle    cycle)
{
  g_return_if_fail (BRIDGE_IS_CONTEXT (self));
  g_return_if_fail (cycle <= BRIDGE_CYCLE_DOCTORAL);
  g_settings_set_string (self->settings, "home-cycle", bridge_cycle_to_string (cycle));
}

void
bridge_context_set_home_field (BridgeContext *self,
                               const char    *code)
{
  g_return_if_fail (BRIDGE_IS_CONTEXT (self));
  g_settings_set_string (self->settings, "home-field", code != NULL ? code : "");
}

const char * const *
bridge_context_get_languages (BridgeContext *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), none);
  return self->languages != NULL ? (const char * const *) self->languages : none;
}

void
bridge_context_set_languages (BridgeContext      *self,
                              const char * const *languages)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (BRIDGE_IS_CONTEXT (self));
  g_settings_set_strv (self->settings, "languages", languages != NULL ? languages : none);
}

BridgeGradeRule
bridge_context_get_conversion_rule (BridgeContext *self)
{
  g_autofree char *name = NULL;
  BridgeGradeRule rule = BRIDGE_GRADE_RULE_MIDPOINT;

  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), BRIDGE_GRADE_RULE_MIDPOINT);

  name = g_settings_get_string (self->settings, "conversion-rule");
  if (!bridge_grade_rule_from_string (name, &rule))
    rule = BRIDGE_GRADE_RULE_MIDPOINT;
  return rule;
}

void
bridge_context_set_conversion_rule (BridgeContext  *self,
                                    BridgeGradeRule rule)
{
  g_return_if_fail (BRIDGE_IS_CONTEXT (self));
  g_settings_set_string (self->settings, "conversion-rule", bridge_grade_rule_to_string (rule));
}

const char *
bridge_context_get_catalog_source (BridgeContext *self)
{
  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), "");
  return self->catalog_source != NULL ? self->catalog_source : "";
}

void
bridge_context_set_catalog_source (BridgeContext *self,
                                   const char    *source)
{
  g_return_if_fail (BRIDGE_IS_CONTEXT (self));
  g_settings_set_string (self->settings, "catalog-source", source != NULL ? source : "");
}

const char * const *
bridge_context_get_recent_plans (BridgeContext *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), none);
  return self->recent_plans != NULL ? (const char * const *) self->recent_plans : none;
}

void
bridge_context_set_recent_plans (BridgeContext      *self,
                                 const char * const *uris)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (BRIDGE_IS_CONTEXT (self));
  g_settings_set_strv (self->settings, "recent-plans", uris != NULL ? uris : none);
}

const char *
bridge_context_get_last_plan (BridgeContext *self)
{
  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), "");
  return self->last_plan != NULL ? self->last_plan : "";
}

void
bridge_context_set_last_plan (BridgeContext *self,
                              const char    *uri)
{
  g_return_if_fail (BRIDGE_IS_CONTEXT (self));
  g_settings_set_string (self->settings, "last-plan", uri != NULL ? uri : "");
}

gboolean
bridge_context_get_first_run_done (BridgeContext *self)
{
  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), FALSE);
  return g_settings_get_boolean (self->settings, "first-run-done");
}

void
bridge_context_set_first_run_done (BridgeContext *self,
                                   gboolean       done)
{
  g_return_if_fail (BRIDGE_IS_CONTEXT (self));
  g_settings_set_boolean (self->settings, "first-run-done", done);
}

gboolean
bridge_context_get_check_updates (BridgeContext *self)
{
  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), FALSE);
  return g_settings_get_boolean (self->settings, "check-updates");
}

void
bridge_context_set_check_updates (BridgeContext *self,
                                  gboolean       check)
{
  g_return_if_fail (BRIDGE_IS_CONTEXT (self));
  g_settings_set_boolean (self->settings, "check-updates", check);
}

void
bridge_context_get_window_state (BridgeContext *self,
                                 int           *width,
                                 int           *height,
                                 gboolean      *maximized)
{
  g_return_if_fail (BRIDGE_IS_CONTEXT (self));

  if (width != NULL)
    *width = g_settings_get_int (self->settings, "window-width");
  if (height != NULL)
    *height = g_settings_get_int (self->settings, "window-height");
  if (maximized != NULL)
    *maximized = g_settings_get_boolean (self->settings, "window-maximized");
}

void
bridge_context_set_window_state (BridgeContext *self,
                                 int            width,
                                 int            height,
                                 gboolean       maximized)
{
  g_return_if_fail (BRIDGE_IS_CONTEXT (self));

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
bridge_context_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BridgeContext *self = BRIDGE_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_HOME_UNIVERSITY:
      g_value_set_string (value, bridge_context_get_home_university_id (self));
      break;
    case PROP_HOME_CYCLE:
      g_value_set_int (value, bridge_context_get_home_cycle (self));
      break;
    case PROP_HOME_FIELD:
      g_value_set_string (value, bridge_context_get_home_field (self));
      break;
    case PROP_LANGUAGES:
      g_value_set_boxed (value, bridge_context_get_languages (self));
      break;
    case PROP_CONVERSION_RULE:
      g_value_set_int (value, bridge_context_get_conversion_rule (self));
      break;
    case PROP_CATALOG_SOURCE:
      g_value_set_string (value, bridge_context_get_catalog_source (self));
      break;
    case PROP_RECENT_PLANS:
      g_value_set_boxed (value, bridge_context_get_recent_plans (self));
      break;
    case PROP_LAST_PLAN:
      g_value_set_string (value, bridge_context_get_last_plan (self));
      break;
    case PROP_FIRST_RUN_DONE:
      g_value_set_boolean (value, bridge_context_get_first_run_done (self));
      break;
    case PROP_CHECK_UPDATES:
      g_value_set_boolean (value, bridge_context_get_check_updates (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bridge_context_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BridgeContext *self = BRIDGE_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_HOME_UNIVERSITY:
      bridge_context_set_home_university_id (self, g_value_get_string (value));
      break;
    case PROP_HOME_CYCLE:
      bridge_context_set_home_cycle (self, g_value_get_int (value));
      break;
    case PROP_HOME_FIELD:
      bridge_context_set_home_field (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGES:
      bridge_context_set_languages (self, g_value_get_boxed (value));
      break;
    case PROP_CONVERSION_RULE:
      bridge_context_set_conversion_rule (self, g_value_get_int (value));
      break;
    case PROP_CATALOG_SOURCE:
      bridge_context_set_catalog_source (self, g_value_get_string (value));
      break;
    case PROP_RECENT_PLANS:
      bridge_context_set_recent_plans (self, g_value_get_boxed (value));
      break;
    case PROP_LAST_PLAN:
      bridge_context_set_last_plan (self, g_value_get_string (value));
      break;
    case PROP_FIRST_RUN_DONE:
      bridge_context_set_first_run_done (self, g_value_get_boolean (value));
      break;
    case PROP_CHECK_UPDATES:
      bridge_context_set_check_updates (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The session's importer: the application makes one and gives it to the
 * context it shares with its windows and Preferences. */
void
bridge_context_set_importer (BridgeContext  *self,
                             BridgeImporter *importer)
{
  g_return_if_fail (BRIDGE_IS_CONTEXT (self));
  g_return_if_fail (importer == NULL || BRIDGE_IS_IMPORTER (importer));
  g_set_object (&self->importer, importer);
}

BridgeImporter *
bridge_context_get_importer (BridgeContext *self)
{
  g_return_val_if_fail (BRIDGE_IS_CONTEXT (self), NULL);
  return self->importer;
}

char *
bridge_context_dup_catalog_source_or_demo (BridgeContext *self)
{
  const char *source = bridge_context_get_catalog_source (self);

  if (*source == '\0')
    return g_strdup (bridge_gui_demo_catalog_path ());
  return g_strdup (source);
}

void
bridge_context_import (BridgeContext *self,
                       const char    *source)
{
  g_autofree char *configured = NULL;

  g_return_if_fail (BRIDGE_IS_CONTEXT (self));

  if (self->importer == NULL)
    return;
  if (source == NULL)
    source = configured = bridge_context_dup_catalog_source_or_demo (self);
  bridge_importer_import (self->importer, source);
}

#define MAX_RECENT_PLANS 10

void
bridge_context_add_recent_plan (BridgeContext *self,
                                GFile         *file)
{
  const char * const *old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *uri = NULL;
  guint n = 1;

  g_return_if_fail (BRIDGE_IS_CONTEXT (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  old = bridge_context_get_recent_plans (self);
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_PLANS; i++)
    {
      if (g_strcmp0 (old[i], uri) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }
  recent = g_strv_builder_end (builder);
  bridge_context_set_recent_plans (self, (const char * const *) recent);
}

static void
bridge_context_finalize (GObject *object)
{
  BridgeContext *self = BRIDGE_CONTEXT (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->universities, g_ptr_array_unref);
  g_clear_pointer (&self->home_university, g_free);
  g_clear_pointer (&self->home_field, g_free);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->catalog_source, g_free);
  g_clear_pointer (&self->recent_plans, g_strfreev);
  g_clear_pointer (&self->last_plan, g_free);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  g_clear_object (&self->importer);

  G_OBJECT_CLASS (bridge_context_parent_class)->finalize (object);
}

static void
bridge_context_class_init (BridgeContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bridge_context_finalize;
  object_class->get_property = bridge_context_get_property;
  object_class->set_property = bridge_context_set_property;

  /* The names are the settings keys (the schema's): nowhere else in the
   * GUI are they written. */
  properties[PROP_HOME_UNIVERSITY] =
    g_param_spec_string ("home-university", NULL, NULL, "", flags);
  properties[PROP_HOME_CYCLE] =
    g_param_spec_int ("home-cycle", NULL, NULL,
                      BRIDGE_CYCLE_BACHELOR, BRIDGE_CYCLE_DOCTORAL, BRIDGE_CYCLE_BACHELOR, flags);
  properties[PROP_HOME_FIELD] =
    g_param_spec_string ("home-field", NULL, NULL, "", flags);
  properties[PROP_LANGUAGES] =
    g_param_spec_boxed ("languages", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_CONVERSION_RULE] =
    g_param_spec_int ("conversion-rule", NULL, NULL,
                      BRIDGE_GRADE_RULE_MIDPOINT, BRIDGE_GRADE_RULE_WORST, BRIDGE_GRADE_RULE_MIDPOINT,
                      flags);
  properties[PROP_CATALOG_SOURCE] =
    g_param_spec_string ("catalog-source", NULL, NULL, "", flags);
  properties[PROP_RECENT_PLANS] =
    g_param_spec_boxed ("recent-plans", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LAST_PLAN] =
    g_param_spec_string ("last-plan", NULL, NULL, "", flags);
  properties[PROP_FIRST_RUN_DONE] =
    g_param_spec_boolean ("first-run-done", NULL, NULL, FALSE, flags);
  properties[PROP_CHECK_UPDATES] =
    g_param_spec_boolean ("check-updates", NULL, NULL, TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bridge_context_init (BridgeContext *self)
{
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}
