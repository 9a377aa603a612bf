/* bridge-catalog-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-catalog-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-catalog-page-private.h"
#include "bridge-compare-view.h"
#include "bridge-comparison.h"
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
  GtkLabel          *age_label;
  GtkStack          *results_stack;
  GtkListView       *list_view;
  GtkWidget         *back_bar;
  GtkWidget         *back_button;
  GtkStack          *content_stack;
  AdwBin            *course_slot;
  BridgeCoursePage  *course_page;      /* NULL until a course is shown */
  GtkRevealer       *compare_bar;
  GtkButton         *compare_button;
  BridgeCompareView *compare_view;

  GListStore        *compare_store;    /* element-type BridgeCourse */
};

G_DEFINE_FINAL_TYPE (BridgeCatalogPage, bridge_catalog_page, ADW_TYPE_BIN)

enum {
  ADD_TO_PLAN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_COURSE_COMPARED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  gboolean more = FALSE;
  guint total = bridge_search_model_get_total (self->model, &more);
  g_autofree char *text = NULL;

  if (error_message != NULL)
    /* Translators: %s says why the search failed */
    text = g_strdup_printf (_("The search failed: %s"), error_message);
  else if (more)
    /* Translators: while a search is still counting its matches; %u is 1000 */
    text = g_strdup_printf (_("More than %u courses"), total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u course", "%u courses", total), total);
  gtk_label_set_text (self->results_label, text);
  gtk_stack_set_visible_child_name (self->results_stack, n > 0 ? "list" : "empty");
  /* Every match after the first rows: they are revealed like the first. */
  model_items_changed_cb (self);

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
static void update_compare_state  (BridgeCatalogPage *self);

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
  update_compare_state (self);
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
  GtkWidget *row = gtk_list_item_get_child (item);

  bridge_course_row_set_course (BRIDGE_COURSE_ROW (row), self->context, gtk_list_item_get_item (item));
  /* For Ctrl+D on the row that has the focus: see focused_course (). */
  g_object_set_data_full (G_OBJECT (row), "course", g_object_ref (gtk_list_item_get_item (item)),
                          g_object_unref);
}

/* ------------------------------------------------------------------------ */
/* Comparison                                                                 */

static BridgeCourse *
shown_course (BridgeCatalogPage *self)
{
  if (self->course_page == NULL ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "course") != 0)
    return NULL;
  return bridge_course_page_get_course (self->course_page);
}

/* The course of the result row that has the focus, or NULL. */
static BridgeCourse *
focused_course (BridgeCatalogPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return NULL;
  /* The list's own item widget has the focus, the row is inside it. */
  for (GtkWidget *child = focus; child != NULL; child = gtk_widget_get_first_child (child))
    if (BRIDGE_IS_COURSE_ROW (child))
      return g_object_get_data (G_OBJECT (child), "course");
  return NULL;
}

/* Where @course is in the comparison, or -1. */
static int
compared_position (BridgeCatalogPage *self,
                   BridgeCourse      *course)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->compare_store));

  for (guint i = 0; course != NULL && i < n; i++)
    {
      g_autoptr(BridgeCourse) item = g_list_model_get_item (G_LIST_MODEL (self->compare_store), i);

      if (g_strcmp0 (bridge_course_get_id (item), bridge_course_get_id (course)) == 0)
        return (int) i;
    }
  return -1;
}

static void
update_compare_state (BridgeCatalogPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->compare_store));
  /* Translators: the button that shows the courses chosen for comparison, with their number */
  g_autofree char *label = g_strdup_printf (_("_Compare (%u)"), n);

  gtk_button_set_label (self->compare_button, label);
  gtk_revealer_set_reveal_child (self->compare_bar, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.toggle", shown_course (self) != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE_COMPARED]);
}

/* @course in or out of the comparison; a fifth is refused with core's
 * message, and the check on the course page goes back. */
static void
set_compared (BridgeCatalogPage *self,
              BridgeCourse      *course,
              gboolean           compared)
{
  int position = compared_position (self, course);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->compare_store));
  g_autoptr(GError) error = NULL;

  if (course == NULL || compared == (position >= 0))
    return;
  if (!compared)
    g_list_store_remove (self->compare_store, (guint) position);
  else if (n + 1 > BRIDGE_COMPARISON_MAX_COURSES && !bridge_comparison_check_count (n + 1, &error))
    {
      bridge_gui_toast (GTK_WIDGET (self), error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURSE_COMPARED]);
    }
  else
    g_list_store_append (self->compare_store, course);
}

static void
set_course_compared (BridgeCatalogPage *self,
                     gboolean           compared)
{
  set_compared (self, shown_course (self), compared);
}

/* Ctrl+D: the result row that has the focus, else the course shown. */
static void
compare_toggle_here_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  BridgeCatalogPage *self = BRIDGE_CATALOG_PAGE (widget);
  BridgeCourse *course = focused_course (self);

  if (course == NULL)
    course = shown_course (self);
  if (course != NULL)
    set_compared (self, course, compared_position (self, course) < 0);
}

static void
compare_show_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BridgeCatalogPage *self = BRIDGE_CATALOG_PAGE (widget);

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_stack_set_visible_child_name (self->content_stack, "compare");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  gtk_widget_grab_focus (GTK_WIDGET (self->compare_view));
  update_compare_state (self);
}

static void
compare_clear_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BridgeCatalogPage *self = BRIDGE_CATALOG_PAGE (widget);

  g_list_store_remove_all (self->compare_store);
}

/* "Catalog of 3 December" beside the count of results, and since when it
 * is known current in its tooltip; a check that failed says so there. */
static void
update_age (BridgeCatalogPage *self)
{
  BridgeCatalog *catalog = bridge_context_get_catalog (self->context);
  BridgeImporter *importer = bridge_context_get_importer (self->context);
  const char *problem = importer != NULL ? bridge_importer_get_update_problem (importer) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = catalog != NULL ? bridge_catalog_describe_date (catalog, now) : NULL;
  g_autofree char *age = catalog != NULL ? bridge_catalog_describe_age (catalog, now) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (date != NULL && problem != NULL)
    /* Translators: %s is "Catalog of 3 December"; looking for a newer one failed */
    text = g_strdup_printf (_("%s, not checked"), date);
  gtk_label_set_text (self->age_label, text != NULL ? text : date);
  gtk_widget_set_visible (GTK_WIDGET (self->age_label), date != NULL);
  if (problem != NULL)
    tooltip = g_strdup (problem);
  else
    tooltip = g_steal_pointer (&age);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->age_label), tooltip);
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
  bridge_compare_view_set_context (self->compare_view, context);
  if (bridge_context_get_importer (context) != NULL)
    g_signal_connect_object (bridge_context_get_importer (context), "update-finished",
                             G_CALLBACK (update_age), self, G_CONNECT_SWAPPED);
  update_age (self);
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
  update_age (self);
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
  if (g_strcmp0 (name, "age-label") == 0)
    return GTK_WIDGET (self->age_label);
  if (g_strcmp0 (name, "filter-button") == 0)
    return GTK_WIDGET (self->filter_button);
  if (g_strcmp0 (name, "filter-panel") == 0)
    return GTK_WIDGET (self->filters);          /* NULL until first shown */
  if (g_strcmp0 (name, "university-row") == 0)
    return bridge_filter_panel_get_child (ensure_filters (self), name);
  if (g_strcmp0 (name, "back-button") == 0)
    return GTK_WIDGET (self->back_button);
  if (g_strcmp0 (name, "compare-view") == 0)
    return GTK_WIDGET (self->compare_view);
  if (g_strcmp0 (name, "compare-button") == 0)
    return GTK_WIDGET (self->compare_button);
  if (g_strcmp0 (name, "content-stack") == 0)
    return GTK_WIDGET (self->content_stack);
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
  g_clear_object (&self->compare_store);
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
bridge_catalog_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BridgeCatalogPage *self = BRIDGE_CATALOG_PAGE (object);

  switch (prop_id)
    {
    case PROP_COURSE_COMPARED:
      g_value_set_boolean (value, compared_position (self, shown_course (self)) >= 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bridge_catalog_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BridgeCatalogPage *self = BRIDGE_CATALOG_PAGE (object);

  switch (prop_id)
    {
    case PROP_COURSE_COMPARED:
      set_course_compared (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bridge_catalog_page_class_init (BridgeCatalogPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_catalog_page_dispose;
  object_class->finalize = bridge_catalog_page_finalize;
  object_class->get_property = bridge_catalog_page_get_property;
  object_class->set_property = bridge_catalog_page_set_property;

  /* Whether the course shown is in the comparison: the Compare check of
   * the course page and Ctrl+D (the property action compare.toggle). */
  properties[PROP_COURSE_COMPARED] =
    g_param_spec_boolean ("course-compared", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, age_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, back_bar);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, course_slot);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, compare_bar);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, compare_button);
  gtk_widget_class_bind_template_child (widget_class, BridgeCatalogPage, compare_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_property_action (widget_class, "compare.toggle", "course-compared");
  gtk_widget_class_install_action (widget_class, "compare.show", NULL, compare_show_action);
  gtk_widget_class_install_action (widget_class, "compare.clear", NULL, compare_clear_action);
  gtk_widget_class_install_action (widget_class, "compare.toggle-here", NULL, compare_toggle_here_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "compare.toggle-here", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "compare.show", NULL);
  g_type_ensure (BRIDGE_TYPE_COMPARE_VIEW);
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

  self->compare_store = g_list_store_new (BRIDGE_TYPE_COURSE);
  g_signal_connect_object (self->compare_store, "items-changed",
                           G_CALLBACK (update_compare_state), self, G_CONNECT_SWAPPED);
  bridge_compare_view_set_store (self->compare_view, self->compare_store);
  update_compare_state (self);

  folded_changed_cb (self);
}
