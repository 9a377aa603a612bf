/* bridge-catalog-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-catalog-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-catalog-page.h"
#include "bridge-course-page.h"
#include "bridge-course-row.h"
#include "bridge-gui-util.h"

struct _BridgeCatalogPage
{
  AdwBin             parent_instance;

  BridgeContext     *context;
  BridgeSearchModel *model;
  GtkSingleSelection *selection;
  guint              reveal_tick;
  char              *open_first_query; /* Enter came before its results */
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
  AdwLeaflet        *leaflet;
  GtkWidget         *sidebar;
  GtkWidget         *content;
  GtkSearchEntry    *search_entry;
  GtkToggleButton   *filter_button;
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
  GtkLabel          *results_label;
  GtkStack          *results_stack;
  GtkListView       *list_view;
  GtkWidget         *back_bar;
  GtkWidget         *back_button;
  GtkStack          *content_stack;
  AdwBin            *course_slot;
  BridgeCoursePage  *course_page;      /* NULL until a course is shown */
};

G_DEFINE_FINAL_TYPE (BridgeCatalogPage, bridge_catalog_page, ADW_TYPE_BIN)

enum {
  ADD_TO_PLAN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Filters                                                                    */

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
fill_filters (BridgeCatalogPage *self)
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
run_search (BridgeCatalogPage *self)
{
  BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;
  double min_credits = gtk_spin_button_get_value (self->min_credits_spin);
  double max_credits = gtk_spin_button_get_value (self->max_credits_spin);

  if (self->reloading || self->model == NULL)
    return;

  filter.university = selected_value (self->university_row, self->university_values);
  filter.city = selected_value (self->city_row, self->city_values);
  filter.isced = selected_value (self->field_row, self->field_values);
  filter.level = selected_value (self->level_row, self->level_values);
  filter.cycle = selected_value (self->cycle_row, self->cycle_values);
  filter.term = selected_value (self->term_row, self->term_values);
  filter.language = selected_value (self->language_row, self->language_values);
  filter.delivery = selected_value (self->delivery_row, self->delivery_values);
  filter.min_credits = min_credits > 0 ? min_credits : -1;
  filter.max_credits = max_credits > 0 ? max_credits : -1;

  bridge_search_model_search (self->model,
                              gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                              &filter);
}

static void
filter_changed_cb (BridgeCatalogPage *self)
{
  gboolean any = FALSE;

  run_search (self);

  /* The filter button shows when filters are on, even when hidden. */
  any = selected_value (self->university_row, self->university_values) != NULL ||
        selected_value (self->city_row, self->city_values) != NULL ||
        selected_value (self->field_row, self->field_values) != NULL ||
        selected_value (self->level_row, self->level_values) != NULL ||
        selected_value (self->cycle_row, self->cycle_values) != NULL ||
        selected_value (self->term_row, self->term_values) != NULL ||
        selected_value (self->language_row, self->language_values) != NULL ||
        selected_value (self->delivery_row, self->delivery_values) != NULL ||
        gtk_spin_button_get_value (self->min_credits_spin) > 0 ||
        gtk_spin_button_get_value (self->max_credits_spin) > 0;
  if (any)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filters-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filters-active");
}

static void
clear_filters_cb (BridgeCatalogPage *self)
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
  filter_changed_cb (self);
}

/* ------------------------------------------------------------------------ */
/* Results                                                                    */

static void
search_changed_cb (BridgeCatalogPage *self)
{
  run_search (self);
}

static void
open_first_result (BridgeCatalogPage *self)
{
  g_autoptr(BridgeCourse) course = g_list_model_get_item (G_LIST_MODEL (self->model), 0);

  if (course != NULL)
    {
      gtk_single_selection_set_selected (self->selection, 0);
      bridge_catalog_page_show_course (self, course);
    }
}

/* A screenful of new results a frame: see bridge-search-model.h. */
#define REVEAL_ROWS_PER_FRAME 16

static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  BridgeCatalogPage *self = user_data;

  if (bridge_search_model_reveal (self->model, REVEAL_ROWS_PER_FRAME))
    return G_SOURCE_CONTINUE;
  self->reveal_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Whenever the model holds results it does not show yet: after a search,
 * and after bridge_search_model_invalidate() (a new home university). */
static void
model_items_changed_cb (BridgeCatalogPage *self)
{
  if (self->reveal_tick == 0 &&
      g_list_model_get_n_items (G_LIST_MODEL (self->model)) <
      bridge_search_model_get_n_results (self->model))
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                      reveal_tick_cb, self, NULL);
}

static void
search_finished_cb (BridgeCatalogPage *self,
                    const char        *error_message)
{
  guint n = bridge_search_model_get_n_results (self->model);
  g_autofree char *text = NULL;

  if (error_message != NULL)
    /* Translators: %s says why the search failed */
    text = g_strdup_printf (_("The search failed: %s"), error_message);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u course", "%u courses", n), n);
  gtk_label_set_text (self->results_label, text);
  gtk_stack_set_visible_child_name (self->results_stack, n > 0 ? "list" : "empty");

  if (self->open_first_query != NULL)
    {
      g_autofree char *query = g_steal_pointer (&self->open_first_query);

      if (g_strcmp0 (query, bridge_search_model_get_query (self->model)) == 0)
        open_first_result (self);
    }
}

static void
results_changing_cb (BridgeCatalogPage *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
search_activate_cb (BridgeCatalogPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Enter in the search opens the first result: of what was typed, so
   * when its search is still running, once it is in. */
  g_clear_pointer (&self->open_first_query, g_free);
  if (bridge_search_model_get_searching (self->model) ||
      g_strcmp0 (bridge_search_model_get_query (self->model), text) != 0)
    self->open_first_query = g_strdup (text);
  else
    open_first_result (self);
}

static void course_add_to_plan_cb (BridgeCatalogPage *self,
                                   BridgeCourse      *course);

/* The course pane says "Find a course" until one is chosen: its page, with
 * its charts, is built then rather than before the window's first frame. */
static BridgeCoursePage *
ensure_course_page (BridgeCatalogPage *self)
{
  if (self->course_page == NULL)
    {
      self->course_page = g_object_new (BRIDGE_TYPE_COURSE_PAGE, NULL);
      g_signal_connect_object (self->course_page, "add-to-plan",
                               G_CALLBACK (course_add_to_plan_cb), self, G_CONNECT_SWAPPED);
      if (self->context != NULL)
        bridge_course_page_set_context (self->course_page, self->context);
      adw_bin_set_child (self->course_slot, GTK_WIDGET (self->course_page));
    }
  return self->course_page;
}

static void
show_in_pane (BridgeCatalogPage *self,
              BridgeCourse      *course)
{
  bridge_course_page_set_course (ensure_course_page (self), course);
  gtk_stack_set_visible_child_name (self->content_stack, course != NULL ? "course" : "none");
}

void
bridge_catalog_page_show_course (BridgeCatalogPage *self,
                                 BridgeCourse      *course)
{
  g_return_if_fail (BRIDGE_IS_CATALOG_PAGE (self));

  show_in_pane (self, course);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_widget_grab_focus (GTK_WIDGET (ensure_course_page (self)));
}

static void
selection_changed_cb (BridgeCatalogPage *self)
{
  g_autoptr(BridgeCourse) course = NULL;

  course = gtk_single_selection_get_selected_item (self->selection);
  if (course != NULL)
    g_object_ref (course);
  /* Folded, moving through the list must not leave it. */
  if (course != NULL)
    show_in_pane (self, course);
}

static void
list_activate_cb (BridgeCatalogPage *self,
                  guint              position)
{
  g_autoptr(BridgeCourse) course = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (course == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  bridge_catalog_page_show_course (self, course);
}

static void
folded_changed_cb (BridgeCatalogPage *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (self->back_bar, folded);
  /* Folded, a tap opens the course (there is no pane beside the list). */
  gtk_list_view_set_single_click_activate (self->list_view, folded);
}

static void
back_clicked_cb (BridgeCatalogPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
course_add_to_plan_cb (BridgeCatalogPage *self,
                       BridgeCourse      *course)
{
  g_signal_emit (self, signals[ADD_TO_PLAN], 0, course);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              BridgeCatalogPage        *self)
{
  gtk_list_item_set_child (item, bridge_course_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             BridgeCatalogPage        *self)
{
  bridge_course_row_set_course (BRIDGE_COURSE_ROW (gtk_list_item_get_child (item)),
                                self->context,
                                gtk_list_item_get_item (item));
}

/* ------------------------------------------------------------------------ */

void
bridge_catalog_page_set_context (BridgeCatalogPage *self,
                                 BridgeContext     *context)
{
  g_return_if_fail (BRIDGE_IS_CATALOG_PAGE (self));

  g_set_object (&self->context, context);
  /* A new home university changes every row's equivalence. */
  g_signal_connect_object (context, "changed", G_CALLBACK (bridge_search_model_invalidate),
                           self->model, G_CONNECT_SWAPPED);
  bridge_search_model_set_catalog (self->model, bridge_context_get_catalog (context));
  if (self->course_page != NULL)
    bridge_course_page_set_context (self->course_page, context);
}

void
bridge_catalog_page_reload (BridgeCatalogPage *self)
{
  g_return_if_fail (BRIDGE_IS_CATALOG_PAGE (self));

  if (self->context == NULL)
    return;

  self->reloading = TRUE;
  fill_filters (self);
  self->reloading = FALSE;
  bridge_search_model_invalidate (self->model);
  run_search (self);
}

void
bridge_catalog_page_focus_search (BridgeCatalogPage *self)
{
  g_return_if_fail (BRIDGE_IS_CATALOG_PAGE (self));

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

BridgeSearchModel *
bridge_catalog_page_get_model (BridgeCatalogPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_CATALOG_PAGE (self), NULL);
  return self->model;
}

GtkWidget *
bridge_catalog_page_get_child (BridgeCatalogPage *self,
                               const char        *name)
{
  g_return_val_if_fail (BRIDGE_IS_CATALOG_PAGE (self), NULL);

  if (g_strcmp0 (name, "search-entry") == 0)
    return GTK_WIDGET (self->search_entry);
  if (g_strcmp0 (name, "list-view") == 0)
    return GTK_WIDGET (self->list_view);
  if (g_strcmp0 (name, "course-page") == 0)
    return GTK_WIDGET (ensure_course_page (self));
  if (g_strcmp0 (name, "leaflet") == 0)
    return GTK_WIDGET (self->leaflet);
  if (g_strcmp0 (name, "results-label") == 0)
    return GTK_WIDGET (self->results_label);
  if (g_strcmp0 (name, "filter-button") == 0)
    return GTK_WIDGET (self->filter_button);
  if (g_strcmp0 (name, "university-row") == 0)
    return GTK_WIDGET (self->university_row);
  if (g_strcmp0 (name, "back-button") == 0)
    return GTK_WIDGET (self->back_button);
  return NULL;
}

static void
bridge_catalog_page_dispose (GObject *object)
{
  BridgeCatalogPage *self = BRIDGE_CATALOG_PAGE (object);

  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->reveal_tick);
  self->reveal_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_CATALOG_PAGE);
  self->course_page = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bridge_catalog_page_parent_class)->dispose (object);
}

static void
bridge_catalog_page_finalize (GObject *object)
{
  BridgeCatalogPage *self = BRIDGE_CATALOG_PAGE (object);

  g_clear_pointer (&self->university_values, g_ptr_array_unref);
  g_clear_pointer (&self->city_values, g_ptr_array_unref);
  g_clear_pointer (&self->field_values, g_ptr_array_unref);
  g_clear_pointer (&self->level_values, g_ptr_array_unref);
  g_clear_pointer (&self->cycle_values, g_ptr_array_unref);
  g_clear_pointer (&self->term_values, g_ptr_array_unref);
  g_clear_pointer (&self->language_values, g_ptr_array_unref);
  g_clear_pointer (&self->delivery_values, g_ptr_array_unref);
  g_clear_pointer (&self->open_first_query, g_free);

  G_OBJECT_CLASS (bridge_catalog_page_parent_class)->finalize (object);
}

static void
bridge_catalog_page_class_init (BridgeCatalogPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_catalog_page_dispose;
  object_class->finalize = bridge_catalog_page_finalize;

  signals[ADD_TO_PLAN] =
    g_signal_new ("add-to-plan", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BRIDGE_TYPE_COURSE);


  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-catalog-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, content);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, university_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, city_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, field_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, level_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, cycle_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, term_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, delivery_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, min_credits_spin);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, max_credits_spin);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, course_slot);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
bridge_catalog_page_init (BridgeCatalogPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = bridge_search_model_new (NULL);
  g_signal_connect_object (self->model, "search-finished",
                           G_CALLBACK (search_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "results-changing",
                           G_CALLBACK (results_changing_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (model_items_changed_cb), self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  folded_changed_cb (self);
}
