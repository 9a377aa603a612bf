/* bridge-filter-panel.c
 *
 * The catalog's filters: eight menus and a credit range. They are out of
 * sight until the filter button is pressed, so the catalog page builds them
 * then rather than before the window's first frame (issue 4, item 9).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-filter-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-filter-panel.h"
#include "bridge-gui-util.h"

struct _BridgeFilterPanel
{
  AdwBin             parent_instance;

  BridgeContext     *context;
  gboolean           reloading;

  /* Parallel to the combo rows' models: the value each entry filters on
   * (NULL for "Any"). */
  GPtrArray         *university_values;
  GPtrArray         *city_values;
  GPtrArray         *field_values;
  GPtrArray         *level_values;
  GPtrArray         *cycle_values;
  GPtrArray         *term_values;
  GPtrArray         *language_values;
  GPtrArray         *delivery_values;

  /* template */
  AdwComboRow       *university_row;
  AdwComboRow       *city_row;
  AdwComboRow       *field_row;
  AdwComboRow       *level_row;
  AdwComboRow       *cycle_row;
  AdwComboRow       *term_row;
  AdwComboRow       *language_row;
  AdwComboRow       *delivery_row;
  GtkSpinButton     *min_credits_spin;
  GtkSpinButton     *max_credits_spin;
};

G_DEFINE_FINAL_TYPE (BridgeFilterPanel, bridge_filter_panel, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Fills @row with "Any" and the labels, keeping @values parallel. */
static void
set_choices (AdwComboRow *row,
             GPtrArray  **values,
             GPtrArray   *labels,
             GPtrArray   *new_values)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const char *previous = NULL;
  guint selected = 0;
  guint old = adw_combo_row_get_selected (row);

  if (*values != NULL && old != GTK_INVALID_LIST_POSITION && old < (*values)->len)
    previous = g_ptr_array_index (*values, old);

  /* Translators: the choice of a filter that lets every course through */
  gtk_string_list_append (list, C_("filter", "Any"));
  for (guint i = 0; i < labels->len; i++)
    {
      gtk_string_list_append (list, g_ptr_array_index (labels, i));
      if (previous != NULL && g_strcmp0 (previous, g_ptr_array_index (new_values, i)) == 0)
        selected = i + 1;
    }
  g_ptr_array_insert (new_values, 0, NULL);

  if (*values != NULL)
    g_ptr_array_unref (*values);
  *values = g_ptr_array_ref (new_values);

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (row, selected);
}

static void
fill_filters (BridgeFilterPanel *self)
{
  BridgeCatalog *catalog = bridge_context_get_catalog (self->context);
  GPtrArray *universities = bridge_context_get_universities (self->context);
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GPtrArray) languages = NULL;

  /* universities */
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < universities->len; i++)
    {
      BridgeUniversity *u = g_ptr_array_index (universities, i);

      g_ptr_array_add (labels, g_strdup (bridge_text_pick (bridge_university_get_name (u))));
      g_ptr_array_add (values, g_strdup (bridge_university_get_id (u)));
    }
  set_choices (self->university_row, &self->university_values, labels, values);
  g_clear_pointer (&labels, g_ptr_array_unref);
  g_clear_pointer (&values, g_ptr_array_unref);

  /* cities */
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < universities->len; i++)
    {
      BridgeUniversity *u = g_ptr_array_index (universities, i);
      const char *city = bridge_text_pick (bridge_university_get_city (u));

      if (city == NULL || g_hash_table_contains (seen, city))
        continue;
      g_hash_table_add (seen, (gpointer) city);
      g_ptr_array_add (labels, g_strdup (city));
      g_ptr_array_add (values, g_strdup (city));
    }
  set_choices (self->city_row, &self->city_values, labels, values);
  g_clear_pointer (&labels, g_ptr_array_unref);
  g_clear_pointer (&values, g_ptr_array_unref);

  /* fields */
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < bridge_gui_n_isced_fields (); i++)
    {
      const BridgeIscedField *f = bridge_gui_get_isced_field (i);

      g_ptr_array_add (labels, g_strdup (_(f->label)));
      g_ptr_array_add (values, g_strdup (f->code));
    }
  set_choices (self->field_row, &self->field_values, labels, values);
  g_clear_pointer (&labels, g_ptr_array_unref);
  g_clear_pointer (&values, g_ptr_array_unref);

  /* levels */
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  for (BridgeLevel l = BRIDGE_LEVEL_GENERAL; l <= BRIDGE_LEVEL_ELECTIVE; l++)
    {
      g_ptr_array_add (labels, g_strdup (bridge_level_get_label (l)));
      g_ptr_array_add (values, g_strdup (bridge_level_to_string (l)));
    }
  set_choices (self->level_row, &self->level_values, labels, values);
  g_clear_pointer (&labels, g_ptr_array_unref);
  g_clear_pointer (&values, g_ptr_array_unref);

  /* cycles */
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  for (BridgeCycle c = BRIDGE_CYCLE_BACHELOR; c <= BRIDGE_CYCLE_DOCTORAL; c++)
    {
      g_ptr_array_add (labels, g_strdup (bridge_cycle_get_label (c)));
      g_ptr_array_add (values, g_strdup (bridge_cycle_to_string (c)));
    }
  set_choices (self->cycle_row, &self->cycle_values, labels, values);
  g_clear_pointer (&labels, g_ptr_array_unref);
  g_clear_pointer (&values, g_ptr_array_unref);

  /* terms: named by the first university that defines them */
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  terms = catalog != NULL ? bridge_catalog_list_terms (catalog) : NULL;
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const char *id = g_ptr_array_index (terms, i);
      const char *name = NULL;

      for (guint j = 0; name == NULL && j < universities->len; j++)
        {
          const BridgeTerm *t = bridge_university_find_term (g_ptr_array_index (universities, j), id);

          if (t != NULL && t->name != NULL)
            name = bridge_text_pick (t->name);
        }
      g_ptr_array_add (labels, g_strdup (name != NULL ? name : id));
      g_ptr_array_add (values, g_strdup (id));
    }
  set_choices (self->term_row, &self->term_values, labels, values);
  g_clear_pointer (&labels, g_ptr_array_unref);
  g_clear_pointer (&values, g_ptr_array_unref);

  /* languages */
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  languages = catalog != NULL ? bridge_catalog_list_languages (catalog) : NULL;
  for (guint i = 0; languages != NULL && i < languages->len; i++)
    {
      const char *code = g_ptr_array_index (languages, i);

      g_ptr_array_add (labels, g_strdup (bridge_gui_language_label (code)));
      g_ptr_array_add (values, g_strdup (code));
    }
  set_choices (self->language_row, &self->language_values, labels, values);
  g_clear_pointer (&labels, g_ptr_array_unref);
  g_clear_pointer (&values, g_ptr_array_unref);

  /* delivery */
  labels = g_ptr_array_new_with_free_func (g_free);
  values = g_ptr_array_new_with_free_func (g_free);
  for (BridgeDelivery d = BRIDGE_DELIVERY_ON_CAMPUS; d <= BRIDGE_DELIVERY_BLENDED; d++)
    {
      g_ptr_array_add (labels, g_strdup (bridge_delivery_get_label (d)));
      g_ptr_array_add (values, g_strdup (bridge_delivery_to_string (d)));
    }
  set_choices (self->delivery_row, &self->delivery_values, labels, values);
}

static const char *
selected_value (AdwComboRow *row,
                GPtrArray   *values)
{
  guint selected = adw_combo_row_get_selected (row);

  if (values == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= values->len)
    return NULL;
  return g_ptr_array_index (values, selected);
}

static void
changed_cb (BridgeFilterPanel *self)
{
  if (!self->reloading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
clear_cb (BridgeFilterPanel *self)
{
  self->reloading = TRUE;
  adw_combo_row_set_selected (self->university_row, 0);
  adw_combo_row_set_selected (self->city_row, 0);
  adw_combo_row_set_selected (self->field_row, 0);
  adw_combo_row_set_selected (self->level_row, 0);
  adw_combo_row_set_selected (self->cycle_row, 0);
  adw_combo_row_set_selected (self->term_row, 0);
  adw_combo_row_set_selected (self->language_row, 0);
  adw_combo_row_set_selected (self->delivery_row, 0);
  gtk_spin_button_set_value (self->min_credits_spin, 0);
  gtk_spin_button_set_value (self->max_credits_spin, 0);
  self->reloading = FALSE;
  changed_cb (self);
}

/* ------------------------------------------------------------------------ */

BridgeFilterPanel *
bridge_filter_panel_new (BridgeContext *context)
{
  BridgeFilterPanel *self;

  g_return_val_if_fail (BRIDGE_IS_CONTEXT (context), NULL);

  self = g_object_new (BRIDGE_TYPE_FILTER_PANEL, NULL);
  self->context = g_object_ref (context);
  bridge_filter_panel_reload (self);
  return self;
}

void
bridge_filter_panel_reload (BridgeFilterPanel *self)
{
  g_return_if_fail (BRIDGE_IS_FILTER_PANEL (self));

  self->reloading = TRUE;
  fill_filters (self);
  self->reloading = FALSE;
}

void
bridge_filter_panel_get_filter (BridgeFilterPanel  *self,
                                BridgeSearchFilter *filter)
{
  double min_credits, max_credits;

  g_return_if_fail (BRIDGE_IS_FILTER_PANEL (self));
  g_return_if_fail (filter != NULL);

  min_credits = gtk_spin_button_get_value (self->min_credits_spin);
  max_credits = gtk_spin_button_get_value (self->max_credits_spin);
  filter->university = selected_value (self->university_row, self->university_values);
  filter->city = selected_value (self->city_row, self->city_values);
  filter->isced = selected_value (self->field_row, self->field_values);
  filter->level = selected_value (self->level_row, self->level_values);
  filter->cycle = selected_value (self->cycle_row, self->cycle_values);
  filter->term = selected_value (self->term_row, self->term_values);
  filter->language = selected_value (self->language_row, self->language_values);
  filter->delivery = selected_value (self->delivery_row, self->delivery_values);
  filter->min_credits = min_credits > 0 ? min_credits : -1;
  filter->max_credits = max_credits > 0 ? max_credits : -1;
}

gboolean
bridge_filter_panel_get_active (BridgeFilterPanel *self)
{
  BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;

  g_return_val_if_fail (BRIDGE_IS_FILTER_PANEL (self), FALSE);

  bridge_filter_panel_get_filter (self, &filter);
  return filter.university != NULL || filter.city != NULL || filter.isced != NULL ||
         filter.level != NULL || filter.cycle != NULL || filter.term != NULL ||
         filter.language != NULL || filter.delivery != NULL ||
         filter.min_credits > 0 || filter.max_credits > 0;
}

GtkWidget *
bridge_filter_panel_get_child (BridgeFilterPanel *self,
                               const char        *name)
{
  g_return_val_if_fail (BRIDGE_IS_FILTER_PANEL (self), NULL);

  if (g_strcmp0 (name, "university-row") == 0)
    return GTK_WIDGET (self->university_row);
  return NULL;
}

static void
bridge_filter_panel_dispose (GObject *object)
{
  BridgeFilterPanel *self = BRIDGE_FILTER_PANEL (object);

  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_FILTER_PANEL);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bridge_filter_panel_parent_class)->dispose (object);
}

static void
bridge_filter_panel_finalize (GObject *object)
{
  BridgeFilterPanel *self = BRIDGE_FILTER_PANEL (object);

  g_clear_pointer (&self->university_values, g_ptr_array_unref);
  g_clear_pointer (&self->city_values, g_ptr_array_unref);
  g_clear_pointer (&self->field_values, g_ptr_array_unref);
  g_clear_pointer (&self->level_values, g_ptr_array_unref);
  g_clear_pointer (&self->cycle_values, g_ptr_array_unref);
  g_clear_pointer (&self->term_values, g_ptr_array_unref);
  g_clear_pointer (&self->language_values, g_ptr_array_unref);
  g_clear_pointer (&self->delivery_values, g_ptr_array_unref);

  G_OBJECT_CLASS (bridge_filter_panel_parent_class)->finalize (object);
}

static void
bridge_filter_panel_class_init (BridgeFilterPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_filter_panel_dispose;
  object_class->finalize = bridge_filter_panel_finalize;

  /* A choice changed, by the user or by "Clear Filters". */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-filter-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeFilterPanel, university_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeFilterPanel, city_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeFilterPanel, field_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeFilterPanel, level_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeFilterPanel, cycle_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeFilterPanel, term_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeFilterPanel, language_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeFilterPanel, delivery_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeFilterPanel, min_credits_spin);
  gtk_widget_class_bind_template_child (widget_class, BridgeFilterPanel, max_credits_spin);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_cb);
}

static void
bridge_filter_panel_init (BridgeFilterPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
