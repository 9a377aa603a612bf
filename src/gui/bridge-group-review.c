/* bridge-group-review.c
 *
 * The rows are made once for the group's components (the Agreement page
 * makes a new review when the components change); afterwards only their
 * values follow the plan, so typing a comment does not lose the focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-group-review"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-agreement-private.h"
#include "bridge-group-review.h"
#include "bridge-gui-util.h"
#include "bridge-precedent-row.h"

struct _BridgeGroupReview
{
  AdwBin               parent_instance;

  BridgePlan          *plan;
  BridgePlanGroup     *group;
  gboolean             locked;
  GHashTable          *components;        /* "A:course" / "B:course" → GHashTable name → widget */
  gboolean             updating;

  /* template */
  AdwPreferencesGroup *pref;
  GtkWidget           *status;            /* AdwComboRow */
  GtkWidget           *comment;           /* AdwEntryRow */
};

G_DEFINE_FINAL_TYPE (BridgeGroupReview, bridge_group_review, ADW_TYPE_BIN)

enum {
  PROPOSE_DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (BridgeGroupReview *self,
       const char        *text)
{
  bridge_gui_toast (GTK_WIDGET (self), text);
}

static const char *
side_letter (BridgePlanSide side)
{
  return side == BRIDGE_PLAN_SIDE_HOST ? "A" : "B";
}

static char *
component_key (BridgePlanSide  side,
               const char     *course_id)
{
  return g_strconcat (side_letter (side), ":", course_id, NULL);
}

static void
status_changed_cb (AdwComboRow         *row,
                   GParamSpec          *pspec,
                   BridgeGroupReview   *self)
{
  BridgePlanGroup *group = g_object_get_data (G_OBJECT (row), "group");
  BridgePlanGroupStatus status = adw_combo_row_get_selected (row);

  if (self->updating || status > BRIDGE_PLAN_GROUP_REJECTED ||
      status == bridge_plan_group_get_status (group))
    return;
  bridge_plan_set_group_status (self->plan, group, status);
}

static void
group_comment_changed_cb (GtkEditable         *editable,
                          BridgeGroupReview   *self)
{
  BridgePlanGroup *group = g_object_get_data (G_OBJECT (editable), "group");
  const char *text = gtk_editable_get_text (editable);

  if (self->updating)
    return;
  if (g_strcmp0 (*text != '\0' ? text : NULL, bridge_plan_group_get_comment (group)) != 0)
    {
      g_autoptr(GError) error = NULL;

      bridge_plan_set_group_comment (self->plan, group, *text != '\0' ? text : NULL, &error);
      bridge_agreement_show_problem (GTK_WIDGET (editable), error != NULL ? error->message : NULL);
    }
}

static void
component_comment_changed_cb (GtkEditable         *editable,
                              BridgeGroupReview   *self)
{
  BridgePlanGroup *group = g_object_get_data (G_OBJECT (editable), "group");
  const char *course_id = g_object_get_data (G_OBJECT (editable), "course-id");
  BridgePlanSide side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "side"));
  const BridgePlanComponent *c = bridge_plan_group_find_component (group, side, course_id, NULL);
  const char *text = gtk_editable_get_text (editable);
  g_autoptr(GError) error = NULL;

  if (self->updating || c == NULL)
    return;
  if (g_strcmp0 (*text != '\0' ? text : NULL, c->comment) != 0 &&
      !bridge_plan_set_component_comment (self->plan, group, side, course_id,
                                          *text != '\0' ? text : NULL, &error))
    toast (self, error->message);
}

static void
flag_changed_cb (GtkSwitch           *sw,
                 GParamSpec          *pspec,
                 BridgeGroupReview   *self)
{
  BridgePlanGroup *group = g_object_get_data (G_OBJECT (sw), "group");
  const char *course_id = g_object_get_data (G_OBJECT (sw), "course-id");
  BridgePlanSide side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (sw), "side"));
  gboolean is_virtual = g_object_get_data (G_OBJECT (sw), "virtual") != NULL;
  const BridgePlanComponent *c = bridge_plan_group_find_component (group, side, course_id, NULL);
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (sw);

  if (self->updating || c == NULL)
    return;
  if (!bridge_plan_set_component_flags (self->plan, group, side, course_id,
                                        is_virtual ? c->automatic : active,
                                        is_virtual ? active : c->is_virtual, &error))
    {
      toast (self, error->message);
      self->updating = TRUE;
      gtk_switch_set_active (sw, !active);
      self->updating = FALSE;
    }
}

static void
propose_delete_clicked_cb (GtkButton           *button,
                           BridgeGroupReview   *self)
{
  BridgePlanGroup *group = g_object_get_data (G_OBJECT (button), "group");
  const char *course_id = g_object_get_data (G_OBJECT (button), "course-id");
  BridgePlanSide side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "side"));

  g_return_if_fail (group == self->group);
  g_signal_emit (self, signals[PROPOSE_DELETE], 0, side, course_id);
}

static void
tag_component (GtkWidget       *widget,
               BridgePlanGroup *group,
               BridgePlanSide   side,
               const char      *course_id)
{
  g_object_set_data_full (G_OBJECT (widget), "group", g_object_ref (group), g_object_unref);
  g_object_set_data_full (G_OBJECT (widget), "course-id", g_strdup (course_id), g_free);
  g_object_set_data (G_OBJECT (widget), "side", GUINT_TO_POINTER (side));
}

static char *
component_subtitle (const BridgePlanComponent *c,
                    BridgePlanSide             side)
{
  g_autofree char *credits = bridge_gui_format_number (c->credits);
  GString *s = g_string_new (NULL);

  /* Translators: "Table A · CS301 · 4 credits" */
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "Table %s · %s · %s credit", "Table %s · %s · %s credits",
                                          bridge_text_plural_count (credits)),
                          side == BRIDGE_PLAN_SIDE_HOST ? C_("plan table", "A") : C_("plan table", "B"),
                          c->code != NULL ? c->code : c->course_id, credits);
  if (c->is_virtual)
    g_string_append (s, _(" · virtual"));
  if (c->automatic)
    g_string_append (s, _(" · automatic recognition"));
  if (c->unknown)
    g_string_append (s, _(" · no longer in the catalog"));
  return g_string_free (s, FALSE);
}

static GtkWidget *
switch_row (const char *title,
            const char *subtitle,
            GtkWidget **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  *out_switch = sw;
  return row;
}

static void
add_component_review (BridgeGroupReview         *self,
                      BridgePlanSide             side,
                      const BridgePlanComponent *c)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *comment = adw_entry_row_new ();
  GtkWidget *sw;
  GtkWidget *flag;
  g_autofree char *subtitle = component_subtitle (c, side);
  g_autofree char *key = component_key (side, c->course_id);
  GHashTable *widgets = g_hash_table_new (g_str_hash, g_str_equal);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bridge_agreement_component_title (c));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  if (c->unknown)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("This course is no longer in the catalog; the plan keeps what it recorded"));
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
    }
  g_hash_table_insert (widgets, "row", row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (comment), _("Comment"));
  tag_component (comment, self->group, side, c->course_id);
  gtk_editable_set_text (GTK_EDITABLE (comment), c->comment != NULL ? c->comment : "");
  g_signal_connect (comment, "changed", G_CALLBACK (component_comment_changed_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), comment);
  g_hash_table_insert (widgets, "comment", comment);
  if (c->comment != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  flag = switch_row (_("Virtual component"), _("Taken at a distance (Erasmus+ Table A2 and B2)"), &sw);
  gtk_switch_set_active (GTK_SWITCH (sw), c->is_virtual);
  tag_component (sw, self->group, side, c->course_id);
  g_object_set_data (G_OBJECT (sw), "virtual", GINT_TO_POINTER (1));
  g_signal_connect (sw, "notify::active", G_CALLBACK (flag_changed_cb), self);
  gtk_widget_set_sensitive (flag, !self->locked);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), flag);
  g_hash_table_insert (widgets, "virtual", sw);

  if (side == BRIDGE_PLAN_SIDE_HOME)
    {
      flag = switch_row (_("Automatic recognition"),
                         _("Recognised without further conditions"), &sw);
      gtk_switch_set_active (GTK_SWITCH (sw), c->automatic);
      tag_component (sw, self->group, side, c->course_id);
      g_signal_connect (sw, "notify::active", G_CALLBACK (flag_changed_cb), self);
      gtk_widget_set_sensitive (flag, !self->locked);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), flag);
      g_hash_table_insert (widgets, "automatic", sw);
    }

  if (self->locked)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *tooltip = NULL;

      /* Translators: %s is a course title */
      tooltip = g_strdup_printf (_("Propose deleting “%s” from the agreement…"),
                                 bridge_agreement_component_title (c));
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      tag_component (button, self->group, side, c->course_id);
      g_signal_connect (button, "clicked", G_CALLBACK (propose_delete_clicked_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);
      g_hash_table_insert (widgets, "propose-delete", button);
    }

  adw_preferences_group_add (self->pref, row);
  g_hash_table_insert (self->components, g_steal_pointer (&key), widgets);
}

static char *
group_summary (BridgePlanGroup *group)
{
  GString *s = g_string_new (NULL);

  for (BridgePlanSide side = BRIDGE_PLAN_SIDE_HOST; side <= BRIDGE_PLAN_SIDE_HOME; side++)
    {
      guint n = bridge_plan_group_get_n_components (group, side);

      if (side == BRIDGE_PLAN_SIDE_HOME)
        g_string_append (s, " → ");
      for (guint j = 0; j < n; j++)
        {
          const BridgePlanComponent *c = bridge_plan_group_get_component (group, side, j);

          if (j > 0)
            g_string_append (s, _(", "));
          g_string_append (s, c->code != NULL ? c->code : c->course_id);
        }
      if (n == 0)
        g_string_append (s, side == BRIDGE_PLAN_SIDE_HOST ? _("no host course")
                                                          : _("no home course yet"));
    }
  return g_string_free (s, FALSE);
}

static void
set_text_unless_focused (GtkWidget  *entry,
                         const char *text)
{
  if (!bridge_agreement_focus_in (entry) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
}

static void
bridge_group_review_dispose (GObject *object)
{
  BridgeGroupReview *self = BRIDGE_GROUP_REVIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_GROUP_REVIEW);
  g_clear_pointer (&self->components, g_hash_table_unref);
  g_clear_object (&self->group);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (bridge_group_review_parent_class)->dispose (object);
}

static void
bridge_group_review_class_init (BridgeGroupReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_group_review_dispose;

  /* The side (a BridgePlanSide) and the course id of the component whose
   * deletion is to be proposed. */
  signals[PROPOSE_DELETE] = g_signal_new ("propose-delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-group-review.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeGroupReview, pref);
  gtk_widget_class_bind_template_child (widget_class, BridgeGroupReview, status);
  gtk_widget_class_bind_template_child (widget_class, BridgeGroupReview, comment);
}

static void
bridge_group_review_init (BridgeGroupReview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->components = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_hash_table_unref);
}

GtkWidget *
bridge_group_review_new (BridgePlan *plan,
                         guint       position)
{
  BridgeGroupReview *self;
  BridgePlanGroup *group;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (position < bridge_plan_get_n_groups (plan), NULL);

  group = bridge_plan_get_group (plan, position);
  summary = group_summary (group);
  self = g_object_new (BRIDGE_TYPE_GROUP_REVIEW, NULL);
  self->plan = g_object_ref (plan);
  self->group = g_object_ref (group);
  self->locked = bridge_plan_get_locked (plan);

  /* Translators: the review of a recognition group of the plan, numbered from 1 */
  title = g_strdup_printf (_("Review of Recognition Group %u"), position + 1);
  adw_preferences_group_set_title (self->pref, title);
  adw_preferences_group_set_description (self->pref, summary);

  for (BridgePlanGroupStatus s = BRIDGE_PLAN_GROUP_PROPOSED; s <= BRIDGE_PLAN_GROUP_REJECTED; s++)
    gtk_string_list_append (statuses, bridge_plan_group_status_get_label (s));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->status), G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->status), bridge_plan_group_get_status (group));
  g_object_set_data_full (G_OBJECT (self->status), "group", g_object_ref (group), g_object_unref);
  g_signal_connect (self->status, "notify::selected", G_CALLBACK (status_changed_cb), self);

  gtk_editable_set_text (GTK_EDITABLE (self->comment),
                         bridge_plan_group_get_comment (group) != NULL ? bridge_plan_group_get_comment (group) : "");
  g_object_set_data_full (G_OBJECT (self->comment), "group", g_object_ref (group), g_object_unref);
  g_signal_connect (self->comment, "changed", G_CALLBACK (group_comment_changed_cb), self);

  for (BridgePlanSide side = BRIDGE_PLAN_SIDE_HOST; side <= BRIDGE_PLAN_SIDE_HOME; side++)
    for (guint j = 0; j < bridge_plan_group_get_n_components (group, side); j++)
      add_component_review (self, side, bridge_plan_group_get_component (group, side, j));

  return GTK_WIDGET (self);
}

char *
bridge_group_review_plan_key (BridgePlan *plan)
{
  GString *key = g_string_new (bridge_plan_get_locked (plan) ? "L" : "U");

  for (guint i = 0; i < bridge_plan_get_n_groups (plan); i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (plan, i);

      g_string_append_printf (key, "|%s", bridge_plan_group_get_id (group));
      for (BridgePlanSide side = BRIDGE_PLAN_SIDE_HOST; side <= BRIDGE_PLAN_SIDE_HOME; side++)
        for (guint j = 0; j < bridge_plan_group_get_n_components (group, side); j++)
          {
            const BridgePlanComponent *c = bridge_plan_group_get_component (group, side, j);

            g_string_append_printf (key, ",%s%s%d", side_letter (side), c->course_id, c->unknown);
          }
    }
  return g_string_free (key, FALSE);
}


BridgePlanGroup *
bridge_group_review_get_group (BridgeGroupReview *self)
{
  g_return_val_if_fail (BRIDGE_IS_GROUP_REVIEW (self), NULL);

  return self->group;
}

/* Values only: statuses and comments changed elsewhere (or by undo). */
void
bridge_group_review_refresh (BridgeGroupReview *self)
{
  g_return_if_fail (BRIDGE_IS_GROUP_REVIEW (self));

  self->updating = TRUE;
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->status)) != bridge_plan_group_get_status (self->group))
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->status), bridge_plan_group_get_status (self->group));
  set_text_unless_focused (self->comment, bridge_plan_group_get_comment (self->group));
  for (BridgePlanSide side = BRIDGE_PLAN_SIDE_HOST; side <= BRIDGE_PLAN_SIDE_HOME; side++)
    for (guint j = 0; j < bridge_plan_group_get_n_components (self->group, side); j++)
      {
        const BridgePlanComponent *c = bridge_plan_group_get_component (self->group, side, j);
        g_autofree char *key = component_key (side, c->course_id);
        GHashTable *widgets = g_hash_table_lookup (self->components, key);
        GtkWidget *sw;
        g_autofree char *subtitle = NULL;

        if (widgets == NULL)
          continue;
        set_text_unless_focused (g_hash_table_lookup (widgets, "comment"), c->comment);
        subtitle = component_subtitle (c, side);
        adw_expander_row_set_subtitle (g_hash_table_lookup (widgets, "row"), subtitle);
        sw = g_hash_table_lookup (widgets, "virtual");
        if (gtk_switch_get_active (GTK_SWITCH (sw)) != c->is_virtual)
          gtk_switch_set_active (GTK_SWITCH (sw), c->is_virtual);
        sw = g_hash_table_lookup (widgets, "automatic");
        if (sw != NULL && gtk_switch_get_active (GTK_SWITCH (sw)) != c->automatic)
          gtk_switch_set_active (GTK_SWITCH (sw), c->automatic);
      }
  self->updating = FALSE;
}

GtkWidget *
bridge_group_review_get_child (BridgeGroupReview *self,
                               BridgePlanSide     side,
                               const char        *course_id,
                               const char        *name)
{
  GHashTable *widgets;
  g_autofree char *key = NULL;

  g_return_val_if_fail (BRIDGE_IS_GROUP_REVIEW (self), NULL);

  if (course_id == NULL)
    {
      if (g_strcmp0 (name, "status") == 0)
        return self->status;
      if (g_strcmp0 (name, "comment") == 0)
        return self->comment;
      return NULL;
    }
  key = component_key (side, course_id);
  widgets = g_hash_table_lookup (self->components, key);
  return widgets != NULL ? g_hash_table_lookup (widgets, name) : NULL;
}

void
bridge_group_review_add_precedent (BridgeGroupReview         *self,
                                   const BridgePlanPrecedent *precedent)
{
  g_return_if_fail (BRIDGE_IS_GROUP_REVIEW (self));
  g_return_if_fail (precedent != NULL);

  adw_preferences_group_add (self->pref, bridge_precedent_row_new (precedent));
}
