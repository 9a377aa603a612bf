/* bridge-grades-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-grades-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bridge-grade-preview.h"
#include "bridge-grades-page-private.h"
#include "bridge-gui-util.h"
#include "bridge-validate.h"

struct _BridgeGradesPage
{
  AdwBin              parent_instance;

  BridgeContext      *context;
  gboolean            updating;
  GPtrArray          *field_codes;        /* parallel to field_row's model */

  AdwComboRow        *host_row;
  AdwComboRow        *home_row;
  AdwComboRow        *field_row;
  AdwComboRow        *cycle_row;
  BridgeGradePreview *preview;
};

G_DEFINE_FINAL_TYPE (BridgeGradesPage, bridge_grades_page, ADW_TYPE_BIN)

static BridgeUniversity *
selected_university (BridgeGradesPage *self,
                     AdwComboRow      *row)
{
  GPtrArray *universities = bridge_context_get_universities (self->context);
  guint selected = adw_combo_row_get_selected (row);

  if (universities == NULL || selected >= universities->len)
    return NULL;
  return g_ptr_array_index (universities, selected);
}

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The broad fields, and every narrower field either university keeps a
 * grading table for: a table for "0713" is only reachable by its code. */
static void
fill_fields (BridgeGradesPage *self,
             BridgeUniversity *host,
             BridgeUniversity *home,
             const char       *keep)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  BridgeUniversity *both[2] = { host, home };
  guint selected = 0;

  g_clear_pointer (&self->field_codes, g_ptr_array_unref);
  self->field_codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < bridge_isced_get_n_fields (); i++)
    {
      g_ptr_array_add (self->field_codes, g_strdup (bridge_isced_get_field (i)->code));
      g_hash_table_add (seen, (gpointer) bridge_isced_get_field (i)->code);
    }
  for (guint u = 0; u < G_N_ELEMENTS (both); u++)
    {
      GPtrArray *tables = both[u] != NULL ? bridge_university_get_tables (both[u]) : NULL;

      for (guint i = 0; tables != NULL && i < tables->len; i++)
        {
          const BridgeGradingTable *t = g_ptr_array_index (tables, i);

          if (t->isced == NULL || g_hash_table_contains (seen, t->isced))
            continue;
          g_hash_table_add (seen, t->isced);
          g_ptr_array_add (self->field_codes, g_strdup (t->isced));
        }
    }
  g_ptr_array_sort (self->field_codes, compare_codes);

  for (guint i = 0; i < self->field_codes->len; i++)
    {
      const char *code = g_ptr_array_index (self->field_codes, i);
      const char *label = bridge_isced_get_label (code);
      g_autofree char *text = g_strdup_printf ("%s %s", code, label != NULL ? label : "");

      gtk_string_list_append (list, text);
      if (g_strcmp0 (code, keep) == 0)
        selected = i;
    }
  adw_combo_row_set_model (self->field_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->field_row, selected);
}

static const char *
selected_field (BridgeGradesPage *self)
{
  guint field = adw_combo_row_get_selected (self->field_row);

  if (self->field_codes == NULL || field >= self->field_codes->len)
    return "";
  return g_ptr_array_index (self->field_codes, field);
}

static void
changed_cb (BridgeGradesPage *self)
{
  guint cycle = adw_combo_row_get_selected (self->cycle_row);

  if (self->updating || self->context == NULL)
    return;

  bridge_grade_preview_set_pair (self->preview,
                                 selected_university (self, self->host_row),
                                 selected_university (self, self->home_row),
                                 selected_field (self),
                                 cycle <= BRIDGE_CYCLE_DOCTORAL ? (BridgeCycle) cycle : BRIDGE_CYCLE_BACHELOR,
                                 NULL);
}

static void
universities_changed_cb (BridgeGradesPage *self)
{
  g_autofree char *keep = NULL;

  if (self->updating || self->context == NULL)
    return;

  keep = g_strdup (selected_field (self));
  self->updating = TRUE;
  fill_fields (self, selected_university (self, self->host_row),
               selected_university (self, self->home_row), keep);
  self->updating = FALSE;
  changed_cb (self);
}

static guint
index_of_university (BridgeGradesPage *self,
                     const char       *id)
{
  GPtrArray *universities = bridge_context_get_universities (self->context);

  for (guint i = 0; universities != NULL && i < universities->len; i++)
    if (g_strcmp0 (bridge_university_get_id (g_ptr_array_index (universities, i)), id) == 0)
      return i;
  return 0;
}

static guint
index_of_field (BridgeGradesPage *self,
                const char       *code)
{
  guint best = 0;
  gsize best_len = 0;

  /* The longest listed code that @code starts with. */
  for (guint i = 0; code != NULL && self->field_codes != NULL && i < self->field_codes->len; i++)
    {
      const char *c = g_ptr_array_index (self->field_codes, i);

      if (g_str_has_prefix (code, c) && strlen (c) > best_len)
        {
          best = i;
          best_len = strlen (c);
        }
    }
  return best;
}

void
bridge_grades_page_reload (BridgeGradesPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names2 = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) cycles = gtk_string_list_new (NULL);
  GPtrArray *universities;
  BridgeUniversity *home;
  guint home_index;

  g_return_if_fail (BRIDGE_IS_GRADES_PAGE (self));

  if (self->context == NULL)
    return;

  universities = bridge_context_get_universities (self->context);
  for (guint i = 0; i < universities->len; i++)
    {
      const char *name = bridge_text_pick (bridge_university_get_name (g_ptr_array_index (universities, i)));

      gtk_string_list_append (names, name);
      gtk_string_list_append (names2, name);
    }
  for (BridgeCycle c = BRIDGE_CYCLE_BACHELOR; c <= BRIDGE_CYCLE_DOCTORAL; c++)
    gtk_string_list_append (cycles, bridge_cycle_get_label (c));

  home = bridge_context_get_home_university (self->context);
  home_index = home != NULL ? index_of_university (self, bridge_university_get_id (home)) : 0;

  self->updating = TRUE;
  adw_combo_row_set_model (self->host_row, G_LIST_MODEL (names));
  adw_combo_row_set_model (self->home_row, G_LIST_MODEL (names2));
  adw_combo_row_set_model (self->cycle_row, G_LIST_MODEL (cycles));
  /* The advisor's question is "what would X be here": "here" is home. */
  adw_combo_row_set_selected (self->home_row, home_index);
  adw_combo_row_set_selected (self->host_row, home_index == 0 && universities->len > 1 ? 1 : 0);
  fill_fields (self, selected_university (self, self->host_row),
               selected_university (self, self->home_row), NULL);
  adw_combo_row_set_selected (self->field_row, index_of_field (self, bridge_context_get_home_field (self->context)));
  adw_combo_row_set_selected (self->cycle_row, bridge_context_get_home_cycle (self->context));
  self->updating = FALSE;

  changed_cb (self);
}

void
bridge_grades_page_choose (BridgeGradesPage *self,
                           const char       *host_id,
                           const char       *home_id,
                           const char       *field,
                           BridgeCycle       cycle)
{
  g_return_if_fail (BRIDGE_IS_GRADES_PAGE (self));

  self->updating = TRUE;
  adw_combo_row_set_selected (self->host_row, index_of_university (self, host_id));
  adw_combo_row_set_selected (self->home_row, index_of_university (self, home_id));
  fill_fields (self, selected_university (self, self->host_row),
               selected_university (self, self->home_row), NULL);
  adw_combo_row_set_selected (self->field_row, index_of_field (self, field));
  adw_combo_row_set_selected (self->cycle_row, cycle);
  self->updating = FALSE;
  changed_cb (self);
}

GtkWidget *
bridge_grades_page_get_preview (BridgeGradesPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_GRADES_PAGE (self), NULL);
  return GTK_WIDGET (self->preview);
}

void
bridge_grades_page_set_context (BridgeGradesPage *self,
                                BridgeContext    *context)
{
  g_return_if_fail (BRIDGE_IS_GRADES_PAGE (self));

  g_set_object (&self->context, context);
  bridge_grade_preview_set_context (self->preview, context);
}

static void
bridge_grades_page_dispose (GObject *object)
{
  BridgeGradesPage *self = BRIDGE_GRADES_PAGE (object);

  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_GRADES_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->field_codes, g_ptr_array_unref);

  G_OBJECT_CLASS (bridge_grades_page_parent_class)->dispose (object);
}

static void
bridge_grades_page_class_init (BridgeGradesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_grades_page_dispose;

  g_type_ensure (BRIDGE_TYPE_GRADE_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-grades-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeGradesPage, host_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeGradesPage, home_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeGradesPage, field_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeGradesPage, cycle_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeGradesPage, preview);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, universities_changed_cb);
}

static void
bridge_grades_page_init (BridgeGradesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bridge_gui_combo_row_show_in_full (self->host_row);
  bridge_gui_combo_row_show_in_full (self->home_row);
  bridge_gui_combo_row_show_in_full (self->field_row);
}
