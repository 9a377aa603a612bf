/* bridge-home-rows.c: the student's home programme, as three rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-home-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-gui-util.h"
#include "bridge-home-rows-private.h"
#include "bridge-validate.h"

struct _BridgeHomeRows
{
  AdwPreferencesGroup  parent_instance;

  BridgeContext       *context;
  GPtrArray           *university_ids;   /* the ids of the university row's items */
  gboolean             live;
  gboolean             updating;

  /* template */
  AdwComboRow         *university_row;
  AdwComboRow         *cycle_row;
  AdwComboRow         *field_row;
};

G_DEFINE_FINAL_TYPE (BridgeHomeRows, bridge_home_rows, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_LIVE,
  PROP_FIELD_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fill (BridgeHomeRows *self)
{
  BridgeCatalog *catalog = self->context != NULL ? bridge_context_get_catalog (self->context) : NULL;
  g_autoptr(GPtrArray) universities = catalog != NULL ? bridge_catalog_list_universities (catalog) : NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) cycles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  const char *home = self->context != NULL ? bridge_context_get_home_university_id (self->context) : "";
  BridgeCycle cycle = self->context != NULL ? bridge_context_get_home_cycle (self->context) : BRIDGE_CYCLE_BACHELOR;
  const char *field = self->context != NULL ? bridge_context_get_home_field (self->context) : "";
  guint selected = 0;

  self->updating = TRUE;

  g_clear_pointer (&self->university_ids, g_ptr_array_unref);
  self->university_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; universities != NULL && i < universities->len; i++)
    {
      BridgeUniversity *u = g_ptr_array_index (universities, i);

      if (g_strcmp0 (bridge_university_get_id (u), home) == 0)
        selected = i;
      gtk_string_list_append (names, bridge_text_pick (bridge_university_get_name (u)));
      g_ptr_array_add (self->university_ids, g_strdup (bridge_university_get_id (u)));
    }
  adw_combo_row_set_model (self->university_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->university_row, selected);

  for (BridgeCycle c = BRIDGE_CYCLE_BACHELOR; c <= BRIDGE_CYCLE_DOCTORAL; c++)
    gtk_string_list_append (cycles, bridge_cycle_get_label (c));
  adw_combo_row_set_model (self->cycle_row, G_LIST_MODEL (cycles));
  adw_combo_row_set_selected (self->cycle_row, cycle);

  selected = 0;
  for (guint i = 0; i < bridge_isced_get_n_fields (); i++)
    {
      const BridgeIscedField *f = bridge_isced_get_field (i);
      g_autofree char *label = g_strdup_printf ("%s %s", f->code, _(f->label));

      gtk_string_list_append (fields, label);
      if (g_strcmp0 (f->code, field) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->field_row, G_LIST_MODEL (fields));
  adw_combo_row_set_selected (self->field_row, selected);

  self->updating = FALSE;
}

static void
apply_university (BridgeHomeRows *self)
{
  guint i = adw_combo_row_get_selected (self->university_row);

  if (self->university_ids != NULL && i < self->university_ids->len)
    bridge_context_set_home_university_id (self->context, g_ptr_array_index (self->university_ids, i));
}

static void
apply_cycle (BridgeHomeRows *self)
{
  guint i = adw_combo_row_get_selected (self->cycle_row);

  if (i <= BRIDGE_CYCLE_DOCTORAL)
    bridge_context_set_home_cycle (self->context, i);
}

static void
apply_field (BridgeHomeRows *self)
{
  guint i = adw_combo_row_get_selected (self->field_row);

  if (i < bridge_isced_get_n_fields ())
    bridge_context_set_home_field (self->context, bridge_isced_get_field (i)->code);
}

static void
university_changed_cb (BridgeHomeRows *self)
{
  if (self->live && !self->updating && self->context != NULL)
    apply_university (self);
}

static void
cycle_changed_cb (BridgeHomeRows *self)
{
  if (self->live && !self->updating && self->context != NULL)
    apply_cycle (self);
}

static void
field_changed_cb (BridgeHomeRows *self)
{
  if (self->live && !self->updating && self->context != NULL)
    apply_field (self);
}

static void
bridge_home_rows_dispose (GObject *object)
{
  BridgeHomeRows *self = BRIDGE_HOME_ROWS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_HOME_ROWS);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bridge_home_rows_parent_class)->dispose (object);
}

static void
bridge_home_rows_finalize (GObject *object)
{
  BridgeHomeRows *self = BRIDGE_HOME_ROWS (object);

  g_clear_pointer (&self->university_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (bridge_home_rows_parent_class)->finalize (object);
}

static void
bridge_home_rows_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BridgeHomeRows *self = BRIDGE_HOME_ROWS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_LIVE:
      g_value_set_boolean (value, self->live);
      break;
    case PROP_FIELD_TITLE:
      g_value_set_string (value, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->field_row)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bridge_home_rows_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BridgeHomeRows *self = BRIDGE_HOME_ROWS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      bridge_home_rows_set_context (self, g_value_get_object (value));
      break;
    case PROP_LIVE:
      if (self->live != g_value_get_boolean (value))
        {
          self->live = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_FIELD_TITLE:
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->field_row), g_value_get_string (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bridge_home_rows_class_init (BridgeHomeRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_home_rows_dispose;
  object_class->finalize = bridge_home_rows_finalize;
  object_class->get_property = bridge_home_rows_get_property;
  object_class->set_property = bridge_home_rows_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, BRIDGE_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Preferences keeps each choice as it is made; the welcome page when
   * the person presses Start (bridge_home_rows_apply()). */
  properties[PROP_LIVE] =
    g_param_spec_boolean ("live", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The welcome page writes "Field of Study" as a heading would. */
  properties[PROP_FIELD_TITLE] =
    g_param_spec_string ("field-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-home-rows.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeHomeRows, university_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeHomeRows, cycle_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeHomeRows, field_row);
  gtk_widget_class_bind_template_callback (widget_class, university_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cycle_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
}

static void
bridge_home_rows_init (BridgeHomeRows *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bridge_gui_combo_row_show_in_full (self->university_row);
  bridge_gui_combo_row_show_in_full (self->field_row);
}

void
bridge_home_rows_set_context (BridgeHomeRows *self,
                              BridgeContext  *context)
{
  g_return_if_fail (BRIDGE_IS_HOME_ROWS (self));
  g_return_if_fail (context == NULL || BRIDGE_IS_CONTEXT (context));

  if (g_set_object (&self->context, context))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
  fill (self);
}

void
bridge_home_rows_reload (BridgeHomeRows *self)
{
  g_return_if_fail (BRIDGE_IS_HOME_ROWS (self));
  fill (self);
}

void
bridge_home_rows_apply (BridgeHomeRows *self)
{
  g_return_if_fail (BRIDGE_IS_HOME_ROWS (self));

  if (self->context == NULL)
    return;
  apply_university (self);
  apply_cycle (self);
  apply_field (self);
}

GtkWidget *
bridge_home_rows_get_row (BridgeHomeRows *self,
                          const char     *name)
{
  g_return_val_if_fail (BRIDGE_IS_HOME_ROWS (self), NULL);

  if (g_strcmp0 (name, "university") == 0)
    return GTK_WIDGET (self->university_row);
  if (g_strcmp0 (name, "cycle") == 0)
    return GTK_WIDGET (self->cycle_row);
  if (g_strcmp0 (name, "field") == 0)
    return GTK_WIDGET (self->field_row);
  return NULL;
}
