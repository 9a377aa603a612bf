/* bridge-plan-history.c: undo and redo of a plan's changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan-history"

#include "config.h"

#include <string.h>

#include "bridge-plan-history.h"
#include "bridge-plan-private.h"

struct _BridgePlanHistory
{
  GObject     parent_instance;

  BridgePlan *plan;
  JsonNode   *current;                    /* the plan as it is now */
  guint       n_versions;                 /* approved versions in @current */
  GQueue      undo;                       /* element-type JsonNode, newest first */
  GQueue      redo;
  char       *last_path;                  /* the one value the last step changed; NULL: more */
  gboolean    restoring;
};

G_DEFINE_FINAL_TYPE (BridgePlanHistory, bridge_plan_history, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_queue (GQueue *queue)
{
  g_queue_clear_full (queue, (GDestroyNotify) json_node_unref);
}

static void
notify_can (BridgePlanHistory *self,
            gboolean           could_undo,
            gboolean           could_redo)
{
  if (could_undo != bridge_plan_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != bridge_plan_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static gboolean
is_scalar (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_VALUE (node) || JSON_NODE_HOLDS_NULL (node);
}

static int find_difference (JsonNode *a,
                            JsonNode *b,
                            GString  *path);

/* Adds the difference of a member or element (@path names it; @len is
 * @path's length before) to @found, the differences of those before it. */
static int
add_child_difference (int       found,
                      JsonNode *a,
                      JsonNode *b,
                      GString  *path,
                      gsize     len)
{
  int d = find_difference (a, b, path);

  if (d == 0)
    {
      g_string_truncate (path, len);
      return found;
    }
  return d == 2 || found == 1 ? 2 : 1;
}

/* Where @a and @b differ: 0 nowhere; 1 in one value (its place in @path);
 * 2 in more, or in their structure. */
static int
find_difference (JsonNode *a,
                 JsonNode *b,
                 GString  *path)
{
  int found = 0;

  if (is_scalar (a) && is_scalar (b))
    {
      if (a != NULL && b != NULL && json_node_equal (a, b))
        return 0;
      return 1;
    }
  if (a == NULL || b == NULL || JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return 2;

  if (JSON_NODE_HOLDS_OBJECT (a))
    {
      JsonObject *oa = json_node_get_object (a);
      JsonObject *ob = json_node_get_object (b);
      g_autoptr(GList) names = json_object_get_members (oa);
      g_autoptr(GList) names_b = json_object_get_members (ob);

      /* Members only in @b: the other way round below. */
      for (GList *l = names_b; l != NULL; l = l->next)
        if (!json_object_has_member (oa, l->data))
          names = g_list_prepend (names, l->data);
      for (GList *l = names; l != NULL; l = l->next)
        {
          gsize len = path->len;

          g_string_append_printf (path, ".%s", (const char *) l->data);
          found = add_child_difference (found, json_object_get_member (oa, l->data),
                                        json_object_get_member (ob, l->data), path, len);
          if (found == 2)
            return 2;
        }
      return found;
    }

  if (JSON_NODE_HOLDS_ARRAY (a))
    {
      JsonArray *aa = json_node_get_array (a);
      JsonArray *ab = json_node_get_array (b);

      if (json_array_get_length (aa) != json_array_get_length (ab))
        return 2;
      for (guint i = 0; i < json_array_get_length (aa); i++)
        {
          gsize len = path->len;

          g_string_append_printf (path, "[%u]", i);
          found = add_child_difference (found, json_array_get_element (aa, i),
                                        json_array_get_element (ab, i), path, len);
          if (found == 2)
            return 2;
        }
      return found;
    }
  return 2;
}

static void
plan_changed_cb (BridgePlanHistory *self)
{
  gboolean could_undo = bridge_plan_history_can_undo (self);
  gboolean could_redo = bridge_plan_history_can_redo (self);
  g_autoptr(JsonNode) now = NULL;
  g_autoptr(GString) path = g_string_new ("$");
  int difference;

  if (self->restoring)
    return;

  now = bridge_plan_to_json (self->plan);
  difference = find_difference (self->current, now, path);
  if (difference == 0)
    return;

  /* An approval that locked the agreement (or made a new version) is not
   * undone: it is signed. */
  if (bridge_plan_get_n_versions (self->plan) != self->n_versions)
    {
      clear_queue (&self->undo);
      clear_queue (&self->redo);
      g_clear_pointer (&self->last_path, g_free);
      self->n_versions = bridge_plan_get_n_versions (self->plan);
      g_clear_pointer (&self->current, json_node_unref);
      self->current = g_steal_pointer (&now);
      notify_can (self, could_undo, could_redo);
      return;
    }

  clear_queue (&self->redo);
  if (difference == 1 && self->last_path != NULL && strcmp (self->last_path, path->str) == 0 &&
      !g_queue_is_empty (&self->undo))
    {
      /* The same value again (typing): one step with the last. */
      g_clear_pointer (&self->current, json_node_unref);
    }
  else
    {
      g_queue_push_head (&self->undo, g_steal_pointer (&self->current));
      while (g_queue_get_length (&self->undo) > BRIDGE_PLAN_HISTORY_DEPTH)
        json_node_unref (g_queue_pop_tail (&self->undo));
    }
  g_free (self->last_path);
  self->last_path = difference == 1 ? g_strdup (path->str) : NULL;
  self->current = g_steal_pointer (&now);
  notify_can (self, could_undo, could_redo);
}

/* Puts @snapshot in place; the one it replaces goes on @other. */
static gboolean
step (BridgePlanHistory *self,
      GQueue            *from,
      GQueue            *other)
{
  gboolean could_undo = bridge_plan_history_can_undo (self);
  gboolean could_redo = bridge_plan_history_can_redo (self);
  g_autoptr(JsonNode) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gboolean ok;

  if (g_queue_is_empty (from))
    return FALSE;
  snapshot = g_queue_pop_head (from);
  data = json_to_string (snapshot, FALSE);

  self->restoring = TRUE;
  ok = bridge_plan_restore_data (self->plan, data, -1, &error);
  self->restoring = FALSE;
  if (!ok)
    {
      /* Snapshots are the plan's own output: this is a bug. */
      g_critical ("Cannot restore a snapshot of the plan: %s", error->message);
      return FALSE;
    }

  g_queue_push_head (other, g_steal_pointer (&self->current));
  self->current = g_steal_pointer (&snapshot);
  g_clear_pointer (&self->last_path, g_free);
  notify_can (self, could_undo, could_redo);
  return TRUE;
}

static void
bridge_plan_history_dispose (GObject *object)
{
  BridgePlanHistory *self = BRIDGE_PLAN_HISTORY (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (bridge_plan_history_parent_class)->dispose (object);
}

static void
bridge_plan_history_finalize (GObject *object)
{
  BridgePlanHistory *self = BRIDGE_PLAN_HISTORY (object);

  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_clear_pointer (&self->current, json_node_unref);
  g_free (self->last_path);

  G_OBJECT_CLASS (bridge_plan_history_parent_class)->finalize (object);
}

static void
bridge_plan_history_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BridgePlanHistory *self = BRIDGE_PLAN_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, bridge_plan_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, bridge_plan_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bridge_plan_history_class_init (BridgePlanHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bridge_plan_history_dispose;
  object_class->finalize = bridge_plan_history_finalize;
  object_class->get_property = bridge_plan_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bridge_plan_history_init (BridgePlanHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

BridgePlanHistory *
bridge_plan_history_new (BridgePlan *plan)
{
  BridgePlanHistory *self;

  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);

  self = g_object_new (BRIDGE_TYPE_PLAN_HISTORY, NULL);
  self->plan = g_object_ref (plan);
  self->current = bridge_plan_to_json (plan);
  self->n_versions = bridge_plan_get_n_versions (plan);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (plan_changed_cb), self);
  return self;
}

BridgePlan *
bridge_plan_history_get_plan (BridgePlanHistory *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_HISTORY (self), NULL);
  return self->plan;
}

gboolean
bridge_plan_history_can_undo (BridgePlanHistory *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->undo);
}

gboolean
bridge_plan_history_can_redo (BridgePlanHistory *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->redo);
}

gboolean
bridge_plan_history_undo (BridgePlanHistory *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_HISTORY (self), FALSE);
  return step (self, &self->undo, &self->redo);
}

gboolean
bridge_plan_history_redo (BridgePlanHistory *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_HISTORY (self), FALSE);
  return step (self, &self->redo, &self->undo);
}

void
bridge_plan_history_clear (BridgePlanHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (BRIDGE_IS_PLAN_HISTORY (self));

  could_undo = bridge_plan_history_can_undo (self);
  could_redo = bridge_plan_history_can_redo (self);
  clear_queue (&self->undo);
  clear_queue (&self->redo);
  g_clear_pointer (&self->last_path, g_free);
  g_clear_pointer (&self->current, json_node_unref);
  self->current = bridge_plan_to_json (self->plan);
  self->n_versions = bridge_plan_get_n_versions (self->plan);
  notify_can (self, could_undo, could_redo);
}
