/* bridge-grade-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-grade-preview"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bridge-error.h"
#include "bridge-grade-chart.h"
#include "bridge-grade-preview.h"
#include "bridge-gui-util.h"

struct _BridgeGradePreview
{
  GtkWidget              parent_instance;

  BridgeContext         *context;
  BridgeUniversity      *host;
  BridgeUniversity      *home;
  char                  *isced;
  BridgeCycle            cycle;
  GPtrArray             *grade_labels;    /* host grades offered */
  BridgeGradeConversion *conversion;
  gboolean               updating;

  GtkWidget             *box;
  AdwComboRow           *grade_row;
  AdwEntryRow           *mark_row;
  GtkWidget             *mark_error;      /* the mark's error, under it */
  AdwComboRow           *rule_row;
  GtkLabel              *result_label;
  GtkLabel              *candidates_label;
  GtkLabel              *reason_label;
  BridgeGradeChart      *host_chart;
  BridgeGradeChart      *home_chart;
};

G_DEFINE_FINAL_TYPE (BridgeGradePreview, bridge_grade_preview, GTK_TYPE_WIDGET)

static const BridgeGradeRule rules[] = {
  BRIDGE_GRADE_RULE_MIDPOINT,
  BRIDGE_GRADE_RULE_LARGEST_OVERLAP,
  BRIDGE_GRADE_RULE_BEST,
  BRIDGE_GRADE_RULE_WORST,
};

static const char *
rule_label (BridgeGradeRule rule)
{
  switch (rule)
    {
    case BRIDGE_GRADE_RULE_MIDPOINT:
      return _("Midpoint of the interval");
    case BRIDGE_GRADE_RULE_LARGEST_OVERLAP:
      return _("Largest overlap");
    case BRIDGE_GRADE_RULE_BEST:
      return _("Best candidate");
    case BRIDGE_GRADE_RULE_WORST:
      return _("Worst candidate");
    default:
      return "";
    }
}

GtkStringList *
bridge_grade_preview_rule_list_new (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    gtk_string_list_append (list, rule_label (rules[i]));
  return list;
}

const char *
bridge_grade_preview_rule_label (BridgeGradeRule rule)
{
  return rule_label (rule);
}

BridgeGradeRule
bridge_grade_preview_rule_at (guint position)
{
  return position < G_N_ELEMENTS (rules) ? rules[position] : BRIDGE_GRADE_RULE_MIDPOINT;
}

guint
bridge_grade_preview_rule_position (BridgeGradeRule rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (rules[i] == rule)
      return i;
  return 0;
}

const BridgeGradingScale *
bridge_grade_preview_find_scale (BridgeUniversity *host,
                                 const char       *isced,
                                 BridgeCycle       cycle,
                                 const char       *scale_id)
{
  const BridgeGradingTable *table;
  const BridgeGradingScale *scale = NULL;
  GPtrArray *scales;

  g_return_val_if_fail (host != NULL, NULL);

  table = bridge_university_find_table (host, isced != NULL ? isced : "", cycle);
  scales = bridge_university_get_scales (host);
  if (scale_id != NULL)
    scale = bridge_university_find_scale (host, scale_id);
  if (scale == NULL && table != NULL)
    scale = bridge_university_find_scale (host, table->scale);
  if (scale == NULL && scales != NULL && scales->len > 0)
    scale = g_ptr_array_index (scales, 0);
  return scale;
}

GtkStringList *
bridge_grade_preview_choices_new (const BridgeGradingScale *scale,
                                  GPtrArray                *labels)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; scale != NULL && i < scale->n_grades; i++)
    {
      const BridgeGrade *g = &scale->grades[i];
      g_autofree char *label = NULL;

      if (!g->passing)
        continue;
      if (g->has_band)
        {
          g_autofree char *lo = bridge_gui_format_number (g->min);
          g_autofree char *hi = bridge_gui_format_number (g->max);

          /* Translators: a grade and its band of marks: "A (90–100)" */
          label = g_strdup_printf (_("%s (%s–%s)"), g->label, lo, hi);
        }
      else
        label = g_strdup (g->label);
      gtk_string_list_append (list, label);
      if (labels != NULL)
        g_ptr_array_add (labels, g_strdup (g->label));
    }
  return list;
}

GtkWidget *
bridge_grade_preview_new (void)
{
  return g_object_new (BRIDGE_TYPE_GRADE_PREVIEW, NULL);
}

const BridgeGradeConversion *
bridge_grade_preview_get_conversion (BridgeGradePreview *self)
{
  g_return_val_if_fail (BRIDGE_IS_GRADE_PREVIEW (self), NULL);
  return self->conversion;
}

const char *
bridge_grade_preview_get_result_text (BridgeGradePreview *self)
{
  g_return_val_if_fail (BRIDGE_IS_GRADE_PREVIEW (self), NULL);
  return gtk_label_get_text (self->result_label);
}

static char *
university_title (BridgeUniversity *u,
                  const char       *which)
{
  /* Translators: "Host: Sichuan University" — a chart's title */
  return g_strdup_printf (_("%s: %s"), which,
                          u != NULL ? bridge_text_pick (bridge_university_get_name (u)) : "—");
}

static void
update_charts (BridgeGradePreview *self)
{
  const BridgeGradingTable *host_table = NULL;
  const BridgeGradingTable *home_table = NULL;
  g_autofree char *host_title = university_title (self->host, _("Host"));
  g_autofree char *home_title = university_title (self->home, _("Home"));
  g_autoptr(GStrvBuilder) host_hot = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) home_hot = g_strv_builder_new ();
  g_auto(GStrv) host_list = NULL;
  g_auto(GStrv) home_list = NULL;

  if (self->host != NULL)
    host_table = bridge_university_find_table (self->host, self->isced, self->cycle);
  if (self->home != NULL)
    home_table = bridge_university_find_table (self->home, self->isced, self->cycle);

  bridge_grade_chart_set_table (self->host_chart, host_table, host_title);
  bridge_grade_chart_set_table (self->home_chart, home_table, home_title);

  if (self->conversion != NULL)
    {
      for (guint i = 0; self->conversion->candidates != NULL && i < self->conversion->candidates->len; i++)
        {
          BridgeGradeCandidate *c = g_ptr_array_index (self->conversion->candidates, i);

          if (g_strcmp0 (c->grade, self->conversion->suggested) != 0)
            g_strv_builder_add (home_hot, c->grade);
        }
    }
  host_list = g_strv_builder_end (host_hot);
  home_list = g_strv_builder_end (home_hot);
  bridge_grade_chart_set_highlight (self->host_chart, (const char * const *) host_list);
  bridge_grade_chart_set_highlight (self->home_chart, (const char * const *) home_list);
  /* Translators: in a grade chart's legend, the host grade being converted */
  bridge_grade_chart_set_mark (self->host_chart, self->conversion != NULL ? self->conversion->host_grade : NULL,
                               _("Grade converted"));
  /* Translators: in a grade chart's legend, the home grade the rule suggests */
  bridge_grade_chart_set_mark (self->home_chart, self->conversion != NULL ? self->conversion->suggested : NULL,
                               _("Suggested grade"));
}

/* The grade list follows a typed mark: it shows the host grade core read
 * the mark as, without converting again. */
static void
follow_mark (BridgeGradePreview *self)
{
  for (guint i = 0; self->grade_labels != NULL && i < self->grade_labels->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->grade_labels, i), self->conversion->host_grade) == 0)
      {
        self->updating = TRUE;
        adw_combo_row_set_selected (self->grade_row, i);
        self->updating = FALSE;
        return;
      }
}

static void convert (BridgeGradePreview *self);

/* Choosing a grade replaces a typed mark: the two are one input. */
static void
grade_chosen_cb (BridgeGradePreview *self)
{
  if (self->updating)
    return;
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->mark_row), "");
  self->updating = FALSE;
  convert (self);
}

static void
convert (BridgeGradePreview *self)
{
  g_autoptr(GError) error = NULL;
  const char *mark = gtk_editable_get_text (GTK_EDITABLE (self->mark_row));
  const char *grade = NULL;
  guint selected = adw_combo_row_get_selected (self->rule_row);
  BridgeGradeRule rule = bridge_grade_preview_rule_at (selected);
  g_autoptr(GString) candidates = g_string_new (NULL);
  g_autofree char *stripped = g_strstrip (g_strdup (mark));

  if (self->updating)
    return;

  g_clear_pointer (&self->conversion, bridge_grade_conversion_free);

  if (*stripped != '\0')
    grade = stripped;
  else
    {
      guint g = adw_combo_row_get_selected (self->grade_row);

      if (self->grade_labels != NULL && g < self->grade_labels->len)
        grade = g_ptr_array_index (self->grade_labels, g);
    }

  bridge_gui_field_set_error (GTK_WIDGET (self->mark_row), self->mark_error, NULL);
  if (self->host == NULL || self->home == NULL || grade == NULL)
    {
      gtk_label_set_text (self->result_label, "—");
      gtk_label_set_text (self->candidates_label, "");
      gtk_label_set_text (self->reason_label,
                          self->home == NULL ? _("Choose your home university in Preferences.") : "");
      update_charts (self);
      return;
    }

  self->conversion = bridge_grade_convert (self->host, self->home, self->isced, self->cycle,
                                           grade, rule, &error);
  if (self->conversion == NULL)
    {
      gtk_label_set_text (self->result_label, "—");
      gtk_label_set_text (self->candidates_label, "");
      /* A typed mark the scale does not have is the field's error, said
       * under it; the result stays empty. */
      if (*stripped != '\0')
        {
          bridge_gui_field_set_error (GTK_WIDGET (self->mark_row), self->mark_error, error->message);
          gtk_label_set_text (self->reason_label, "");
        }
      else
        gtk_label_set_text (self->reason_label, error->message);
      update_charts (self);
      return;
    }
  /* One answer: the grade list shows the grade the typed mark is. */
  if (*stripped != '\0')
    follow_mark (self);

  gtk_label_set_text (self->result_label,
                      self->conversion->suggested != NULL ? self->conversion->suggested : "—");
  for (guint i = 0; self->conversion->candidates != NULL && i < self->conversion->candidates->len; i++)
    {
      BridgeGradeCandidate *c = g_ptr_array_index (self->conversion->candidates, i);

      if (i > 0)
        g_string_append (candidates, ", ");
      /* Translators: a candidate grade and its share: "A 62%" */
      g_string_append_printf (candidates, _("%s %.0f%%"), c->grade, c->share * 100.0);
    }
  if (candidates->len > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Candidates: %s"), candidates->str);

      gtk_label_set_text (self->candidates_label, text);
    }
  else
    gtk_label_set_text (self->candidates_label, "");

  if (self->conversion->approximate)
    {
      g_autofree char *text = g_strdup_printf (_("Approximate: %s"),
                                               self->conversion->reason != NULL ? self->conversion->reason : "");
      gtk_label_set_text (self->reason_label, text);
    }
  else
    gtk_label_set_text (self->reason_label, self->conversion->reason != NULL ? self->conversion->reason : "");

  update_charts (self);
}

void
bridge_grade_preview_set_grade (BridgeGradePreview *self,
                                const char         *grade)
{
  g_return_if_fail (BRIDGE_IS_GRADE_PREVIEW (self));

  for (guint i = 0; self->grade_labels != NULL && i < self->grade_labels->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->grade_labels, i), grade) == 0)
      {
        gtk_editable_set_text (GTK_EDITABLE (self->mark_row), "");
        adw_combo_row_set_selected (self->grade_row, i);
        convert (self);
        return;
      }
  gtk_editable_set_text (GTK_EDITABLE (self->mark_row), grade != NULL ? grade : "");
  convert (self);
}

void
bridge_grade_preview_set_pair (BridgeGradePreview *self,
                               BridgeUniversity   *host,
                               BridgeUniversity   *home,
                               const char         *isced,
                               BridgeCycle         cycle,
                               const char         *scale_id)
{
  g_autoptr(GtkStringList) list = NULL;
  const BridgeGradingScale *scale = NULL;

  g_return_if_fail (BRIDGE_IS_GRADE_PREVIEW (self));

  g_set_object (&self->host, host);
  g_set_object (&self->home, home);
  g_free (self->isced);
  self->isced = g_strdup (isced != NULL ? isced : "");
  self->cycle = cycle;

  g_clear_pointer (&self->grade_labels, g_ptr_array_unref);
  self->grade_labels = g_ptr_array_new_with_free_func (g_free);
  if (host != NULL)
    scale = bridge_grade_preview_find_scale (host, self->isced, cycle, scale_id);
  list = bridge_grade_preview_choices_new (scale, self->grade_labels);

  self->updating = TRUE;
  adw_combo_row_set_model (self->grade_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->grade_row, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->mark_row), "");
  self->updating = FALSE;

  convert (self);
}

static void
rule_from_settings (BridgeGradePreview *self)
{
  BridgeGradeRule rule;

  if (self->context == NULL)
    return;
  rule = bridge_context_get_conversion_rule (self->context);
  adw_combo_row_set_selected (self->rule_row, bridge_grade_preview_rule_position (rule));
}

void
bridge_grade_preview_set_context (BridgeGradePreview *self,
                                  BridgeContext      *context)
{
  g_return_if_fail (BRIDGE_IS_GRADE_PREVIEW (self));

  g_set_object (&self->context, context);
  rule_from_settings (self);
}

static GtkWidget *
wrap_label (GtkLabel  **out,
            const char *css)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  *out = GTK_LABEL (label);
  return label;
}

static void
bridge_grade_preview_dispose (GObject *object)
{
  BridgeGradePreview *self = BRIDGE_GRADE_PREVIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->context);
  g_clear_object (&self->host);
  g_clear_object (&self->home);

  G_OBJECT_CLASS (bridge_grade_preview_parent_class)->dispose (object);
}

static void
bridge_grade_preview_finalize (GObject *object)
{
  BridgeGradePreview *self = BRIDGE_GRADE_PREVIEW (object);

  g_clear_pointer (&self->isced, g_free);
  g_clear_pointer (&self->grade_labels, g_ptr_array_unref);
  g_clear_pointer (&self->conversion, bridge_grade_conversion_free);

  G_OBJECT_CLASS (bridge_grade_preview_parent_class)->finalize (object);
}

static void
bridge_grade_preview_class_init (BridgeGradePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_grade_preview_dispose;
  object_class->finalize = bridge_grade_preview_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bridge_grade_preview_init (BridgeGradePreview *self)
{
  g_autoptr(GtkStringList) rule_list = bridge_grade_preview_rule_list_new ();
  GtkWidget *list;
  GtkWidget *result_box;
  GtkWidget *caption;
  GtkWidget *charts;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (self->box), list);

  self->grade_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->grade_row), _("Host grade"));
  g_signal_connect_swapped (self->grade_row, "notify::selected", G_CALLBACK (grade_chosen_cb), self);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->grade_row));

  self->mark_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->mark_row), _("Or type a mark or grade"));
  g_signal_connect_swapped (self->mark_row, "changed", G_CALLBACK (convert), self);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->mark_row));
  {
    GtkWidget *row = gtk_list_box_row_new ();

    self->mark_error = bridge_gui_field_error_new ();
    gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), self->mark_error);
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    gtk_widget_set_focusable (row, FALSE);
    gtk_widget_set_visible (row, FALSE);
    gtk_list_box_append (GTK_LIST_BOX (list), row);
  }

  self->rule_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rule_row), _("Rule"));
  adw_combo_row_set_model (self->rule_row, G_LIST_MODEL (rule_list));
  g_signal_connect_swapped (self->rule_row, "notify::selected", G_CALLBACK (convert), self);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->rule_row));

  result_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (result_box, "card");
  gtk_widget_add_css_class (result_box, "grade-result");
  gtk_box_append (GTK_BOX (self->box), result_box);

  caption = gtk_label_new (_("Suggested home grade"));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (result_box), caption);
  gtk_box_append (GTK_BOX (result_box), wrap_label (&self->result_label, "title-1"));
  gtk_box_append (GTK_BOX (result_box), wrap_label (&self->candidates_label, NULL));
  gtk_box_append (GTK_BOX (result_box), wrap_label (&self->reason_label, "dim-label"));

  charts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->host_chart = BRIDGE_GRADE_CHART (bridge_grade_chart_new ());
  self->home_chart = BRIDGE_GRADE_CHART (bridge_grade_chart_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->host_chart), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self->home_chart), "card");
  gtk_box_append (GTK_BOX (charts), GTK_WIDGET (self->host_chart));
  gtk_box_append (GTK_BOX (charts), GTK_WIDGET (self->home_chart));
  gtk_box_append (GTK_BOX (self->box), charts);
}
