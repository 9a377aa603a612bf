/* bridge-compare-view.c: two to four courses side by side
 *
 * The rows come from core (bridge-comparison.h); this view lays them out:
 * as a table, a column a course, where the columns fit, and otherwise (a
 * phone, a narrow pane) as one group a question with a row a course, so
 * that the answers to be compared stay next to each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-compare-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-compare-view.h"
#include "bridge-comparison.h"
#include "bridge-gui-util.h"

struct _BridgeCompareView
{
  AdwBin             parent_instance;

  BridgeContext     *context;
  GListStore        *store;
  BridgeComparison  *comparison;        /* NULL while fewer than two courses */
  guint              layout_idle;

  /* template */
  GtkStack          *stack;
  AdwStatusPage     *status;
  GtkScrolledWindow *scroller;
  GtkLabel          *subtitle_label;
  GtkStack          *layouts;
  GtkGrid           *table;
  GtkBox            *cards;
};

G_DEFINE_FINAL_TYPE (BridgeCompareView, bridge_compare_view, ADW_TYPE_BIN)

/* The widths, in characters, that decide when the table no longer fits. */
#define TITLE_CHARS 9
#define CELL_CHARS  11
#define CELL_MAX_CHARS 24
/* Below this width, the cards whatever the number of courses. */
#define MIN_TABLE_WIDTH 500

static GtkWidget *
cell_label_new (const char *text,
                int         width_chars,
                int         max_chars)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Selectable with the mouse, not a stop for Tab on the way to the buttons. */
  gtk_widget_set_can_focus (label, FALSE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  return label;
}

/* "Circuit Analysis, Sichuan University" for the remove button of course
 * @index: the titles alone may be the same. */
static char *
course_name (BridgeCompareView *self,
             guint              index)
{
  const BridgeComparisonRow *title = bridge_comparison_find_row (self->comparison, "course");
  const BridgeComparisonRow *where = bridge_comparison_find_row (self->comparison, "university");

  /* Translators: a course in the comparison: its title, then its code and university */
  return g_strdup_printf (_("%s, %s"), title->cells[index], where->cells[index]);
}

static void remove_clicked_cb (GtkButton         *button,
                               BridgeCompareView *self);
static void choose_layout     (BridgeCompareView *self);

/* With @labelled, "× Remove" (a table's head), else the icon alone. */
static GtkWidget *
remove_button_new (BridgeCompareView *self,
                   guint              index,
                   gboolean           labelled)
{
  GtkWidget *button = gtk_button_new ();
  g_autofree char *name = course_name (self, index);
  /* Translators: %s names a course: "Circuit Analysis, EE201 · Sichuan University" */
  g_autofree char *label = g_strdup_printf (_("Remove %s from the comparison"), name);

  gtk_widget_set_tooltip_text (button, _("Remove from the Comparison"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  if (labelled)
    {
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "window-close-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Remove"));
      adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "compare-remove");
    }
  else
    {
      gtk_button_set_icon_name (GTK_BUTTON (button), "window-close-symbolic");
      gtk_widget_add_css_class (button, "circular");
    }
  g_object_set_data_full (G_OBJECT (button), "course-id",
                          g_strdup (bridge_course_get_id (g_ptr_array_index (self->comparison->courses, index))),
                          g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  return button;
}

static void
clear_layouts (BridgeCompareView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  bridge_gui_box_remove_all (self->cards);
}

static void
fill_table (BridgeCompareView *self)
{
  GPtrArray *rows = self->comparison->rows;
  guint n = self->comparison->courses->len;
  int y = 0;

  /* The head: a column a course, its title, code and university, and a
   * button that takes it out. */
  for (guint i = 0; i < n; i++)
    {
      const BridgeComparisonRow *title = bridge_comparison_find_row (self->comparison, "course");
      const BridgeComparisonRow *where = bridge_comparison_find_row (self->comparison, "university");
      GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *label = cell_label_new (title->cells[i], CELL_CHARS, CELL_MAX_CHARS);
      GtkWidget *meta = cell_label_new (where->cells[i], CELL_CHARS, CELL_MAX_CHARS);

      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (meta, "dim-label");
      gtk_widget_add_css_class (meta, "caption");
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (text), label);
      gtk_box_append (GTK_BOX (text), meta);
      gtk_grid_attach (self->table, text, (int) i + 1, y, 1, 1);
      /* Under the names, in a row of their own: they line up, and take
       * none of a narrow column's width. */
      gtk_grid_attach (self->table, remove_button_new (self, i, TRUE), (int) i + 1, y + 1, 1, 1);
    }
  y += 2;

  for (guint r = 0; r < rows->len; r++)
    {
      const BridgeComparisonRow *row = g_ptr_array_index (rows, r);
      GtkWidget *title;

      if (g_strcmp0 (row->key, "course") == 0 || g_strcmp0 (row->key, "university") == 0)
        continue;
      gtk_grid_attach (self->table, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, y++, (int) n + 1, 1);
      title = cell_label_new (row->title, TITLE_CHARS, TITLE_CHARS + 4);
      gtk_widget_add_css_class (title, "dim-label");
      gtk_widget_set_can_focus (title, FALSE);
      gtk_grid_attach (self->table, title, 0, y, 1, 1);
      for (guint i = 0; i < n; i++)
        {
          GtkWidget *cell = cell_label_new (row->cells[i], CELL_CHARS, CELL_MAX_CHARS);
          g_autofree char *name = g_strdup_printf ("%s:%u", row->key, i);
          g_autofree char *course = course_name (self, i);
          /* Translators: what a screen reader says of a cell: the course, the question, the answer */
          g_autofree char *a11y = g_strdup_printf (_("%s: %s: %s"), course, row->title, row->cells[i]);

          gtk_widget_set_name (cell, name);
          gtk_widget_set_hexpand (cell, TRUE);
          if (g_strcmp0 (row->key, "home-credits") == 0)
            gtk_widget_add_css_class (cell, "heading");
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
          gtk_grid_attach (self->table, cell, (int) i + 1, y, 1, 1);
        }
      y++;
    }
}

static void
fill_cards (BridgeCompareView *self)
{
  GPtrArray *rows = self->comparison->rows;
  guint n = self->comparison->courses->len;
  const BridgeComparisonRow *where = bridge_comparison_find_row (self->comparison, "university");
  GtkWidget *courses = adw_preferences_group_new ();

  /* First the courses, each with its button that takes it out. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (courses), _("Courses"));
  for (guint i = 0; i < n; i++)
    {
      const BridgeComparisonRow *title = bridge_comparison_find_row (self->comparison, "course");
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title->cells[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where->cells[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* Tab goes from remove button to remove button. */
      gtk_widget_set_focusable (row, FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button_new (self, i, FALSE));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (courses), row);
    }
  gtk_box_append (self->cards, courses);

  /* Then one group a question, a row a course: the answers side by side. */
  for (guint r = 0; r < rows->len; r++)
    {
      const BridgeComparisonRow *row = g_ptr_array_index (rows, r);
      GtkWidget *group;
      GtkWidget *list;

      if (g_strcmp0 (row->key, "course") == 0 || g_strcmp0 (row->key, "university") == 0)
        continue;
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), row->title);
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      /* Text to read: no stop for Tab (the remove buttons are above). */
      gtk_widget_set_can_focus (list, FALSE);
      /* The same answer for every course is said once. */
      for (guint i = 0; i < (row->differs ? n : 1); i++)
        {
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          g_autofree char *course_label = row->differs ? course_name (self, i) : NULL;
          GtkWidget *course = cell_label_new (row->differs ? where->cells[i] : _("Every course"), 0, -1);
          GtkWidget *cell = cell_label_new (row->cells[i], 0, -1);
          GtkWidget *list_row = gtk_list_box_row_new ();
          g_autofree char *name = g_strdup_printf ("%s:%u", row->key, i);
          g_autofree char *a11y = g_strdup_printf (_("%s: %s: %s"), row->differs ? course_label : _("Every course"),
                                                   row->title, row->cells[i]);

          gtk_widget_add_css_class (course, "dim-label");
          gtk_widget_add_css_class (course, "caption");
          gtk_widget_set_name (cell, name);
          gtk_widget_set_margin_top (box, 8);
          gtk_widget_set_margin_bottom (box, 8);
          gtk_widget_set_margin_start (box, 12);
          gtk_widget_set_margin_end (box, 12);
          gtk_box_append (GTK_BOX (box), course);
          gtk_box_append (GTK_BOX (box), cell);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
          gtk_widget_set_focusable (list_row, FALSE);
          gtk_accessible_update_property (GTK_ACCESSIBLE (list_row),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
          gtk_list_box_append (GTK_LIST_BOX (list), list_row);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
      gtk_box_append (self->cards, group);
    }
}

static void
update (BridgeCompareView *self)
{
  g_autoptr(GPtrArray) courses = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n = self->store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->store)) : 0;

  clear_layouts (self);
  g_clear_pointer (&self->comparison, bridge_comparison_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (courses, g_list_model_get_item (G_LIST_MODEL (self->store), i));
  if (self->context != NULL && bridge_comparison_check_count (n, &error))
    self->comparison = bridge_comparison_new (bridge_context_get_catalog (self->context), courses,
                                              bridge_context_get_home_university_id (self->context),
                                              &error);
  if (self->comparison == NULL)
    {
      g_autofree char *description = NULL;

      /* Translators: %s says how many more courses to add */
      description = g_strdup_printf (_("%s. Mark courses with Compare on their page, or press Ctrl+D in the list of results."),
                                     error != NULL ? error->message : "");
      adw_status_page_set_description (self->status, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Choose Courses to Compare"), -1);
      return;
    }

  {
    BridgeUniversity *home = bridge_context_get_home_university (self->context);
    g_autofree char *subtitle = NULL;
    g_autofree char *a11y = NULL;

    if (home != NULL)
      /* Translators: %s is the student's home university */
      subtitle = g_strdup_printf (_("Credits at home are what each course is worth at %s."),
                                  bridge_university_get_label (home));
    else
      subtitle = g_strdup (_("Choose your home university in Preferences to see what each course is worth at home."));
    gtk_label_set_text (self->subtitle_label, subtitle);
    a11y = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Comparison of %u course", "Comparison of %u courses", n), n);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  }
  fill_table (self);
  fill_cards (self);
  choose_layout (self);
  gtk_stack_set_visible_child_name (self->stack, "comparison");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_remove_button (GtkWidget  *root,
                    const char *course_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "course-id"), course_id) == 0)
        return child;
      found = find_remove_button (child, course_id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
remove_clicked_cb (GtkButton         *button,
                   BridgeCompareView *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "course-id");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BridgeCourse) course = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (g_strcmp0 (bridge_course_get_id (course), id) == 0)
        {
          /* The button goes with the rebuild: the view keeps the focus. */
          gtk_widget_grab_focus (GTK_WIDGET (self));
          g_list_store_remove (self->store, i);
          return;
        }
    }
}

/* The table while every column fits at its narrowest (a column a course,
 * as people compare), else the cards (a group a question, a row a course).
 * (AdwBreakpoint is newer than libadwaita 1.2, and AdwSqueezer measures its
 * height with the layout it showed before.) */
static void
choose_layout (BridgeCompareView *self)
{
  GtkWidget *table = GTK_WIDGET (self->table);
  const char *wanted;
  int min = 0;
  int width;

  if (self->comparison == NULL)
    return;
  gtk_widget_measure (table, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  /* The page's margins are 24 px (bridge-compare-view.ui); a phone's
   * width gets the cards even for two courses, whose columns would wrap
   * every few words. */
  width = gtk_widget_get_width (GTK_WIDGET (self));
  wanted = min + 24 <= width && width >= MIN_TABLE_WIDTH ? "table" : "cards";
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->layouts), wanted) != 0)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      gtk_stack_set_visible_child_name (self->layouts, wanted);
      /* Focus left in the layout that went out of sight stays in the view. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->layouts)) &&
          !gtk_widget_is_ancestor (focus, gtk_stack_get_visible_child (self->layouts)))
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }
}

static gboolean
choose_layout_cb (gpointer data)
{
  BridgeCompareView *self = data;

  self->layout_idle = 0;
  choose_layout (self);
  return G_SOURCE_REMOVE;
}

/* The scroller's width changed (its horizontal page is its width): the
 * layout is chosen again, after the allocation, since switching layouts
 * resizes the view. */
static void
width_changed_cb (BridgeCompareView *self)
{
  if (self->layout_idle == 0 && self->comparison != NULL)
    self->layout_idle = g_idle_add (choose_layout_cb, self);
}

static void
bridge_compare_view_dispose (GObject *object)
{
  BridgeCompareView *self = BRIDGE_COMPARE_VIEW (object);

  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_COMPARE_VIEW);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, update, self);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_pointer (&self->comparison, bridge_comparison_free);
  g_clear_handle_id (&self->layout_idle, g_source_remove);

  G_OBJECT_CLASS (bridge_compare_view_parent_class)->dispose (object);
}

static void
bridge_compare_view_class_init (BridgeCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_compare_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, BridgeCompareView, status);
  gtk_widget_class_bind_template_child (widget_class, BridgeCompareView, scroller);
  gtk_widget_class_bind_template_child (widget_class, BridgeCompareView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeCompareView, layouts);
  gtk_widget_class_bind_template_child (widget_class, BridgeCompareView, table);
  gtk_widget_class_bind_template_child (widget_class, BridgeCompareView, cards);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bridge_compare_view_init (BridgeCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                           G_CALLBACK (width_changed_cb), self, G_CONNECT_SWAPPED);
}

void
bridge_compare_view_set_context (BridgeCompareView *self,
                                 BridgeContext     *context)
{
  g_return_if_fail (BRIDGE_IS_COMPARE_VIEW (self));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_func (self->context, update, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

void
bridge_compare_view_set_store (BridgeCompareView *self,
                               GListStore        *store)
{
  g_return_if_fail (BRIDGE_IS_COMPARE_VIEW (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, update, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "items-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

GtkWidget *
bridge_compare_view_get_child (BridgeCompareView *self,
                               const char        *name)
{
  GtkWidget *layout;

  g_return_val_if_fail (BRIDGE_IS_COMPARE_VIEW (self), NULL);

  if (g_strcmp0 (name, "table") == 0)
    return GTK_WIDGET (self->table);
  if (g_strcmp0 (name, "cards") == 0)
    return GTK_WIDGET (self->cards);
  if (g_strcmp0 (name, "status") == 0)
    return GTK_WIDGET (self->status);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "comparison") != 0)
    return NULL;
  layout = gtk_stack_get_visible_child (self->layouts);
  if (g_str_has_prefix (name, "remove:"))
    {
      guint64 index = g_ascii_strtoull (name + strlen ("remove:"), NULL, 10);

      if (index >= self->comparison->courses->len)
        return NULL;
      return find_remove_button (layout, bridge_course_get_id (g_ptr_array_index (self->comparison->courses, index)));
    }
  return find_named (layout, name);
}
