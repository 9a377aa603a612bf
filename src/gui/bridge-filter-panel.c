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

#include "bridge-filter-panel-private.h"
#include "bridge-gui-util.h"
#include "bridge-validate.h"

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

static const char *
selected_value (AdwComboRow *row,
                GPtrArray   *values)
{
  guint selected = adw_combo_row_get_selected (row);

  if (values == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= values->len)
    return NULL;
  return g_ptr_array_index (values, selected);
}

/* One menu's entries as they are gathered: "Any", then what each entry
 * shows, with the value it filters on beside it. */
typedef struct
{
  GtkStringList *labels;
  GPtrArray     *values;
} Choices;

static void
choices_clear (Choices *choices)
{
  g_clear_object (&choices->labels);
  g_clear_pointer (&choices->values, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Choices, choices_clear)

static void
choices_reset (Choices *choices)
{
  choices_clear (choices);
  choices->labels = gtk_string_list_new (NULL);
  choices->values = g_ptr_array_new_with_free_func (g_free);
  /* Translators: the choice of a filter that lets every course through */
  gtk_string_list_append (choices->labels, C_("filter", "Any"));
  g_ptr_array_add (choices->values, NULL);
}

static void
choices_add (Choices    *choices,
             const char *label,
             const char *value)
{
  gtk_string_list_append (choices->labels, label);
  g_ptr_array_add (choices->values, g_strdup (value));
}

/* Gives @row the entries of @choices, keeping the one chosen if it is still
 * there, and @values their values; then starts @choices afresh. */
static void
set_choices (AdwComboRow *row,
             GPtrArray  **values,
             Choices     *choices)
{
  const char *previous = selected_value (row, *values);
  guint selected = 0;

  for (guint i = 1; previous != NULL && selected == 0 && i < choices->values->len; i++)
    if (g_strcmp0 (previous, g_ptr_array_index (choices->values, i)) == 0)
      selected = i;

  adw_combo_row_set_model (row, G_LIST_MODEL (choices->labels));
  adw_combo_row_set_selected (row, selected);
  g_clear_pointer (values, g_ptr_array_unref);
  *values = g_steal_pointer (&choices->values);
  choices_reset (choices);
}

static void
fill_filters (BridgeFilterPanel *self)
{
  BridgeCatalog *catalog = bridge_context_get_catalog (self->context);
  GPtrArray *universities = bridge_context_get_universities (self->context);
  g_auto(Choices) choices = { NULL, NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) terms = catalog != NULL ? bridge_catalog_list_terms (catalog) : NULL;
  g_autoptr(GPtrArray) languages = catalog != NULL ? bridge_catalog_list_languages (catalog) : NULL;

  choices_reset (&choices);

  for (guint i = 0; i < universities->len; i++)
    {
      BridgeUniversity *u = g_ptr_array_index (universities, i);

      choices_add (&choices, bridge_text_pick (bridge_university_get_name (u)), bridge_university_get_id (u));
    }
  set_choices (self->university_row, &self->university_values, &choices);

  for (guint i = 0; i < universities->len; i++)
    {
      const char *city = bridge_text_pick (bridge_university_get_city (g_ptr_array_index (universities, i)));

      if (city != NULL && g_hash_table_add (seen, (gpointer) city))
        choices_add (&choices, city, city);
    }
  set_choices (self->city_row, &self->city_values, &choices);

  for (guint i = 0; i < bridge_isced_get_n_fields (); i++)
    {
      const BridgeIscedField *f = bridge_isced_get_field (i);

      choices_add (&choices, _(f->label), f->code);
    }
  set_choices (self->field_row, &self->field_values, &choices);

  for (BridgeLevel l = BRIDGE_LEVEL_GENERAL; l <= BRIDGE_LEVEL_ELECTIVE; l++)
    choices_add (&choices, bridge_level_get_label (l), bridge_level_to_string (l));
  set_choices (self->level_row, &self->level_values, &choices);

  for (BridgeCycle c = BRIDGE_CYCLE_BACHELOR; c <= BRIDGE_CYCLE_DOCTORAL; c++)
    choices_add (&choices, bridge_cycle_get_label (c), bridge_cycle_to_string (c));
  set_choices (self->cycle_row, &self->cycle_values, &choices);

  /* terms: named by the first university that defines them */
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
      choices_add (&choices, name != NULL ? name : id, id);
    }
  set_choices (self->term_row, &self->term_values, &choices);

  for (guint i = 0; languages != NULL && i < languages->len; i++)
    {
      const char *code = g_ptr_array_index (languages, i);

      choices_add (&choices, bridge_language_get_name (code), code);
    }
  set_choices (self->language_row, &self->language_values, &choices);

  for (BridgeDelivery d = BRIDGE_DELIVERY_ON_CAMPUS; d <= BRIDGE_DELIVERY_BLENDED; d++)
    choices_add (&choices, bridge_delivery_get_label (d), bridge_delivery_to_string (d));
  set_choices (self->delivery_row, &self->delivery_values, &choices);
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
  bridge_gui_combo_row_show_in_full (self->university_row);
  bridge_gui_combo_row_show_in_full (self->field_row);
  bridge_gui_combo_row_show_in_full (self->term_row);
}
