/* bridge-catalog-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-catalog-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-catalog-page-private.h"
#include "bridge-course-page.h"
#include "bridge-course-row.h"
#include "bridge-filter-panel-private.h"
#include "bridge-gui-util.h"

struct _BridgeCatalogPage
{
  AdwBin             parent_instance;

  BridgeContext     *context;
  BridgeSearchModel *model;
  GtkSingleSelection *selection;
  guint              reveal_tick;
  char              *open_first_query; /* Enter came before its results */

  /* template */
  AdwLeaflet        *leaflet;
  GtkWidget         *sidebar;
  GtkWidget         *content;
  GtkSearchEntry    *search_entry;
  GtkToggleButton   *filter_button;
  GtkRevealer       *filter_revealer;
  BridgeFilterPanel *filters;         /* NULL until first shown */
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

static void
run_search (BridgeCatalogPage *self)
{
  BridgeSearchFilter filter = BRIDGE_SEARCH_FILTER_INIT;

  if (self->model == NULL)
    return;

  if (self->filters != NULL)
    bridge_filter_panel_get_filter (self->filters, &filter);
  bridge_search_model_search (self->model,
                              gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                              &filter);
}

static void
filters_changed_cb (BridgeCatalogPage *self)
{
  run_search (self);

  /* The filter button shows when filters are on, even when hidden. */
  if (bridge_filter_panel_get_active (self->filters))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filters-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filters-active");
}

/* The filters are out of sight until the filter button is first pressed:
 * built then, they do not hold up the window's first frame. */
static BridgeFilterPanel *
ensure_filters (BridgeCatalogPage *self)
{
  if (self->filters == NULL && self->context != NULL)
    {
      self->filters = bridge_filter_panel_new (self->context);
      g_signal_connect_object (self->filters, "changed",
                               G_CALLBACK (filters_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_revealer_set_child (self->filter_revealer, GTK_WIDGET (self->filters));
    }
  return self->filters;
}

static void
filter_toggled_cb (BridgeCatalogPage *self)
{
  if (gtk_toggle_button_get_active (self->filter_button))
    ensure_filters (self);
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

  if (self->filters != NULL)
    bridge_filter_panel_reload (self->filters);
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
  if (g_strcmp0 (name, "filter-panel") == 0)
    return GTK_WIDGET (self->filters);          /* NULL until first shown */
  if (g_strcmp0 (name, "university-row") == 0)
    return bridge_filter_panel_get_child (ensure_filters (self), name);
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
  self->filters = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bridge_catalog_page_parent_class)->dispose (object);
}

static void
bridge_catalog_page_finalize (GObject *object)
{
  BridgeCatalogPage *self = BRIDGE_CATALOG_PAGE (object);

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
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, results_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, course_slot);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
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
