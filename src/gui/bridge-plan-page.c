/* bridge-plan-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-change-dialog.h"
#include "bridge-course-chooser.h"
#include "bridge-error.h"
#include "bridge-gui-util.h"
#include "bridge-plan-history.h"
#include "bridge-plan-page.h"
#include "bridge-precedent-row.h"

struct _BridgePlanPage
{
  AdwBin               parent_instance;

  BridgeContext       *context;
  BridgePlan          *plan;
  GFile               *file;
  BridgePlanHistory   *history;           /* undo and redo of the plan's changes */
  guint                show_group;        /* bridge_plan_page_show_group () */
  guint                show_group_id;     /* its tick callback */
  guint                show_group_ticks;
  GPtrArray           *total_rows;        /* rows in totals_group */
  GPtrArray           *warning_rows;
  GHashTable          *shown;             /* "total-host" → text */
  gboolean             updating;
  GPtrArray           *term_ids;
  GPtrArray           *language_codes;
  char                *message;           /* the last edit refused, for tests */
  GPtrArray           *catalog_terms;     /* read once per catalog import */
  GPtrArray           *catalog_languages;

  GtkStack            *stack;
  GtkWidget           *lock_box;
  GtkImage            *lock_icon;
  GtkLabel            *lock_title;
  GtkLabel            *lock_description;
  AdwEntryRow         *student_row;
  AdwActionRow        *home_row;
  AdwActionRow        *host_row;
  AdwComboRow         *term_row;
  AdwComboRow         *language_row;
  AdwPreferencesGroup *totals_group;
  AdwPreferencesGroup *warnings_group;
  GtkWidget           *use_figures_button; /* the warnings' header: courses the catalog changed */
  GtkBox              *groups_box;
};

G_DEFINE_FINAL_TYPE (BridgePlanPage, bridge_plan_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_FILE,
  PROP_PLAN,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (BridgePlanPage *self);

static BridgeCatalog *
get_catalog (BridgePlanPage *self)
{
  return self->context != NULL ? bridge_context_get_catalog (self->context) : NULL;
}

static void
plan_modified_cb (BridgePlanPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
set_plan (BridgePlanPage *self,
          BridgePlan     *plan)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  g_clear_object (&self->history);
  self->history = bridge_plan_history_new (plan);
  g_signal_connect_swapped (plan, "changed", G_CALLBACK (rebuild), self);
  g_signal_connect_swapped (plan, "notify::modified", G_CALLBACK (plan_modified_cb), self);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
set_file (BridgePlanPage *self,
          GFile          *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/* ------------------------------------------------------------------------ */
/* Showing the plan                                                          */

static GtkWidget *
value_row (const char *title,
           const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static void
add_total (BridgePlanPage *self,
           const char     *key,
           const char     *title,
           double          value)
{
  g_autofree char *text = bridge_gui_format_number (value);
  GtkWidget *row = value_row (title, text);

  g_hash_table_insert (self->shown, g_strdup (key), g_strdup (text));
  adw_preferences_group_add (self->totals_group, row);
  g_ptr_array_add (self->total_rows, row);
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

typedef struct
{
  BridgePlanPage  *page;
  BridgePlanGroup *group;
  BridgePlanSide   side;
  char            *course_id;
} RowAction;

static void
row_action_free (gpointer data,
                 GClosure *closure)
{
  RowAction *action = data;

  g_object_unref (action->group);
  g_free (action->course_id);
  g_free (action);
}

static void
remove_clicked_cb (GtkButton *button,
                   RowAction *action)
{
  BridgePlanPage *self = action->page;
  guint position;

  /* The approved agreement changes only through a proposal. */
  if (bridge_plan_get_locked (self->plan))
    {
      bridge_change_dialog_present (GTK_WIDGET (self), self->context, self->plan,
                                    BRIDGE_CHANGE_DELETE, action->group, action->side,
                                    action->course_id);
      return;
    }
  if (bridge_plan_find_group (action->page->plan, bridge_plan_group_get_id (action->group), &position))
    bridge_plan_page_remove (action->page, position, action->side, action->course_id);
}

static void
remove_group_clicked_cb (GtkButton      *button,
                         BridgePlanPage *self)
{
  BridgePlanGroup *group = g_object_get_data (G_OBJECT (button), "group");
  guint position;

  if (bridge_plan_find_group (self->plan, bridge_plan_group_get_id (group), &position))
    bridge_plan_page_remove_group (self, position);
}

static GtkWidget *
component_row (BridgePlanPage            *self,
               BridgePlanGroup           *group,
               BridgePlanSide             side,
               const BridgePlanComponent *c)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *credits = bridge_gui_format_number (c->credits);
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;
  RowAction *action;
  const char *title = c->title != NULL ? bridge_text_pick (c->title) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : c->course_id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: "MATH101 · 3 credits" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s credit%s", "%s · %s credits%s",
                                          bridge_text_plural_count (credits)),
                              c->code != NULL ? c->code : c->course_id,
                              credits, c->unknown ? _(" · no longer in the catalog")
                                       : c->changed ? _(" · changed in the catalog") : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* For a warning that names the course (show_warning_target ()). */
  g_object_set_data_full (G_OBJECT (row), "course-id", g_strdup (c->course_id), g_free);

  /* Locked: the removal is proposed, as on the Agreement page. */
  button = gtk_button_new_from_icon_name (bridge_plan_get_locked (self->plan) ? "list-remove-symbolic"
                                                                             : "user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (bridge_plan_get_locked (self->plan))
    /* Translators: %s is a course title */
    tooltip = g_strdup_printf (_("Propose deleting “%s”…"), title != NULL ? title : c->course_id);
  else
    /* Translators: %s is a course title */
    tooltip = g_strdup_printf (_("Remove “%s”"), title != NULL ? title : c->course_id);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  action = g_new0 (RowAction, 1);
  action->page = self;
  action->group = g_object_ref (group);
  action->side = side;
  action->course_id = g_strdup (c->course_id);
  g_signal_connect_data (button, "clicked", G_CALLBACK (remove_clicked_cb), action,
                         row_action_free, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* A course chosen for a group of the plan: added, or, once the agreement
 * is locked, proposed as a change. */
typedef struct
{
  BridgePlanPage  *page;
  BridgePlanGroup *group;
  BridgePlanSide   side;
} GroupTarget;

static void
group_target_free (gpointer  data,
                   GClosure *closure)
{
  GroupTarget *target = data;

  g_object_unref (target->group);
  g_free (target);
}

static void
group_course_chosen_cb (BridgeCourseChooser *chooser,
                        const char          *course_id,
                        GroupTarget         *target)
{
  BridgePlanPage *self = target->page;
  g_autoptr(GError) error = NULL;
  guint position;

  if (bridge_plan_get_locked (self->plan))
    {
      bridge_change_dialog_present (GTK_WIDGET (self), self->context, self->plan, BRIDGE_CHANGE_ADD,
                                    target->group, target->side, course_id);
      return;
    }
  if (!bridge_plan_find_group (self->plan, bridge_plan_group_get_id (target->group), &position))
    return;
  if (target->side == BRIDGE_PLAN_SIDE_HOME)
    bridge_plan_page_add_home_course (self, position, course_id, &error);
  else
    bridge_plan_add_course (self->plan, get_catalog (self), target->group,
                            BRIDGE_PLAN_SIDE_HOST, course_id, &error);
  if (error != NULL)
    bridge_gui_toast (GTK_WIDGET (self), error->message);
}

static GtkWidget *
chooser_button (BridgePlanPage  *self,
                BridgePlanGroup *group,
                BridgePlanSide   side)
{
  gboolean locked = bridge_plan_get_locked (self->plan);
  GroupTarget *target = g_new0 (GroupTarget, 1);
  GtkWidget *button;

  target->page = self;
  target->group = g_object_ref (group);
  target->side = side;
  if (side == BRIDGE_PLAN_SIDE_HOME)
    button = bridge_course_chooser_button_new (self->context, self->plan, side,
                                               locked ? _("Propose Home Course…") : _("Add Home Course…"),
                                               locked ? _("Propose adding a course of your home university that this group replaces (Table B)")
                                                      : _("Choose a course of your home university that this group replaces (Table B)"));
  else
    button = bridge_course_chooser_button_new (self->context, self->plan, side,
                                               locked ? _("Propose Host Course…") : _("Add Host Course…"),
                                               locked ? _("Propose adding another course of the host university to this group (Table A)")
                                                      : _("Add another course of the host university to this group (Table A)"));
  if (side == BRIDGE_PLAN_SIDE_HOME)
    {
      guint n = bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST);
      g_autoptr(GStrvBuilder) hosts = g_strv_builder_new ();
      g_auto(GStrv) host_ids = NULL;

      for (guint i = 0; i < n; i++)
        g_strv_builder_add (hosts, bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, i)->course_id);
      host_ids = g_strv_builder_end (hosts);
      bridge_course_chooser_set_host_courses (bridge_course_chooser_button_get_chooser (button),
                                              (const char * const *) host_ids);
    }
  g_signal_connect_data (bridge_course_chooser_button_get_chooser (button), "course-chosen",
                         G_CALLBACK (group_course_chosen_cb), target, (GClosureNotify) group_target_free, 0);
  g_object_set_data_full (G_OBJECT (button), "focus-key",
                          g_strdup_printf ("%s:%s", bridge_plan_group_get_id (group),
                                           side == BRIDGE_PLAN_SIDE_HOME ? "home" : "host"),
                          g_free);
  return button;
}

/* The review of the group (its status, and the comment if any), as the
 * Agreement page records it. */
static void
add_review_summary (BridgePlanPage      *self,
                    AdwPreferencesGroup *pref,
                    BridgePlanGroup     *group)
{
  BridgePlanGroupStatus status = bridge_plan_group_get_status (group);
  GtkWidget *label = gtk_label_new (bridge_plan_group_status_get_label (status));
  const char *comment = bridge_plan_group_get_comment (group);
  static const char * const styles[] = { "dim-label", "success", "warning", "error" };

  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, styles[MIN (status, G_N_ELEMENTS (styles) - 1)]);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (label, _("Review status of the group"));
  adw_preferences_group_set_header_suffix (pref, label);

  if (comment != NULL)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("chat-message-new-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), comment);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Review comment"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Review comment"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (pref, row);
    }
}

/* The decision of the register that recognises the group, if any. */
static void
add_precedent_row (BridgePlanPage      *self,
                   AdwPreferencesGroup *pref,
                   BridgePlanGroup     *group)
{
  BridgeCatalog *catalog = get_catalog (self);
  g_autoptr(BridgePlanPrecedent) precedent = catalog != NULL ? bridge_plan_find_precedent (self->plan, catalog, group)
                                                             : NULL;

  if (precedent != NULL)
    adw_preferences_group_add (pref, bridge_precedent_row_new (precedent));
}

static void
add_group_widget (BridgePlanPage  *self,
                  BridgePlanGroup *group,
                  guint            position)
{
  GtkWidget *pref = adw_preferences_group_new ();
  g_autofree char *title = NULL;

  /* For a warning that names the group (show_warning_target ()). */
  g_object_set_data_full (G_OBJECT (pref), "group-id", g_strdup (bridge_plan_group_get_id (group)), g_free);
  g_autofree char *description = NULL;
  BridgePlanTotals totals = { 0 };
  g_autoptr(GError) error = NULL;
  guint n_host = bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST);
  guint n_home = bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOME);
  GtkWidget *buttons;

  /* Translators: a recognition group of the plan, numbered from 1 */
  title = g_strdup_printf (_("Recognition Group %u"), bridge_plan_get_group_number (self->plan, group));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (pref), title);
  if (bridge_plan_compute_totals (self->plan, get_catalog (self), group, &totals, &error))
    {
      g_autofree char *host = bridge_gui_format_number (totals.host_credits);
      g_autofree char *ects = bridge_gui_format_number (totals.ects_credits);
      g_autofree char *home = bridge_gui_format_number (totals.home_credits);
      g_autofree char *replaced = bridge_gui_format_number (totals.replaced_credits);
      g_autofree char *host_text = NULL;
      g_autofree char *home_text = NULL;
      g_autofree char *replaced_text = NULL;

      /* Translators: a recognition group's credits at the host university */
      host_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s host credit", "%s host credits",
                                                bridge_text_plural_count (host)),
                                   host);
      /* Translators: the home credits a recognition group awards */
      home_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s home credit", "%s home credits",
                                                bridge_text_plural_count (home)),
                                   home);
      /* Translators: after the home credits a recognition group awards, the
       * home credits of the courses it replaces: "3 home credits for 4
       * replaced" */
      replaced_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "for %s replaced", "for %s replaced",
                                                    bridge_text_plural_count (replaced)),
                                       replaced);
      /* Translators: a recognition group's totals: "3 host credits · 4.5 ECTS · 3 home credits for 4 replaced" */
      description = g_strdup_printf (_("%s · %s ECTS · %s %s"), host_text, ects, home_text, replaced_text);
    }
  else
    description = g_strdup (error->message);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (pref), description);
  add_review_summary (self, ADW_PREFERENCES_GROUP (pref), group);
  add_precedent_row (self, ADW_PREFERENCES_GROUP (pref), group);

  for (guint i = 0; i < n_host; i++)
    {
      GtkWidget *row = component_row (self, group, BRIDGE_PLAN_SIDE_HOST,
                                      bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, i));
      GtkWidget *tag = gtk_label_new (C_("plan table", "A"));

      gtk_widget_set_tooltip_text (tag, _("Table A: studied at the host"));
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "table-tag");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), tag);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref), row);
    }
  for (guint i = 0; i < n_home; i++)
    {
      GtkWidget *row = component_row (self, group, BRIDGE_PLAN_SIDE_HOME,
                                      bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOME, i));
      GtkWidget *tag = gtk_label_new (C_("plan table", "B"));

      gtk_widget_set_tooltip_text (tag, _("Table B: recognised at home"));
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "table-tag");
      gtk_widget_add_css_class (tag, "home");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), tag);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref), row);
    }
  if (n_home == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No home course chosen yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add the home courses this group replaces."));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref), row);
    }

  /* Many-to-many: more host courses, and the home courses they replace. */
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), chooser_button (self, group, BRIDGE_PLAN_SIDE_HOST));
  gtk_box_append (GTK_BOX (buttons), chooser_button (self, group, BRIDGE_PLAN_SIDE_HOME));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref), buttons);

  /* A group without a host course has nothing to recognise: it can go, with
   * Undo. The approved agreement changes only through a proposal. */
  if (n_host == 0 && !bridge_plan_get_locked (self->plan))
    {
      GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Group"));
      g_autofree char *label = bridge_plan_get_group_label (self->plan, group);
      /* Translators: %s is a group's name, "Group 2" */
      g_autofree char *tooltip = g_strdup_printf (_("Remove %s, which has no host course"), label);

      gtk_widget_set_tooltip_text (remove, tooltip);
      gtk_widget_add_css_class (remove, "destructive-action");
      g_object_set_data_full (G_OBJECT (remove), "group", g_object_ref (group), g_object_unref);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_group_clicked_cb), self, 0);
      gtk_box_prepend (GTK_BOX (buttons), remove);
    }

  gtk_box_append (self->groups_box, pref);
}

/* The first descendant of @widget whose @key data is @value. */
static GtkWidget *
find_descendant (GtkWidget  *widget,
                 const char *key,
                 const char *value)
{
  if (value == NULL)
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (g_object_get_data (G_OBJECT (child), key), value) == 0)
        return child;
      if ((found = find_descendant (child, key, value)) != NULL)
        return found;
    }
  return NULL;
}

/* A warning row shows what it is about: the course's row in its group, or
 * the group, focused and so scrolled into view. */
static void
warning_activated_cb (AdwActionRow   *row,
                      BridgePlanPage *self)
{
  const char *group_id = g_object_get_data (G_OBJECT (row), "group-id");
  const char *course_id = g_object_get_data (G_OBJECT (row), "course-id");
  GtkWidget *group = group_id != NULL ? find_descendant (GTK_WIDGET (self->groups_box), "group-id", group_id) : NULL;
  GtkWidget *target = group != NULL && course_id != NULL ? find_descendant (group, "course-id", course_id) : NULL;

  if (target != NULL && gtk_widget_grab_focus (target))
    return;
  if (group != NULL)
    gtk_widget_child_focus (group, GTK_DIR_TAB_FORWARD);
}

/* "Recognition Group 2" for the group @group_id, or NULL. */
static char *
group_title (BridgePlanPage *self,
             const char     *group_id)
{
  GListModel *groups = bridge_plan_get_groups (self->plan);

  for (guint i = 0; group_id != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(BridgePlanGroup) group = g_list_model_get_item (groups, i);

      if (g_strcmp0 (bridge_plan_group_get_id (group), group_id) == 0)
        return g_strdup_printf (_("Recognition Group %u"), i + 1);
    }
  return NULL;
}

static void
fill_terms (BridgePlanPage *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GPtrArray *terms = self->catalog_terms;
  const char *current = bridge_plan_get_term (self->plan);
  BridgeUniversity *host = self->context != NULL
                           ? bridge_context_find_university (self->context, bridge_plan_get_host_university (self->plan))
                           : NULL;
  guint selected = 0;

  g_clear_pointer (&self->term_ids, g_ptr_array_unref);
  self->term_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (list, _("Not chosen"));
  g_ptr_array_add (self->term_ids, NULL);

  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const char *id = g_ptr_array_index (terms, i);
      g_autofree char *label = bridge_term_get_label (host, id);

      gtk_string_list_append (list, label);
      g_ptr_array_add (self->term_ids, g_strdup (id));
      if (g_strcmp0 (id, current) == 0)
        selected = i + 1;
    }
  bridge_gui_combo_row_set_choices (GTK_WIDGET (self->term_row), list, selected);
}

static void
fill_languages (BridgePlanPage *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GPtrArray *languages = self->catalog_languages;
  const char *current = bridge_plan_get_student (self->plan)->language;
  guint selected = 0;

  g_clear_pointer (&self->language_codes, g_ptr_array_unref);
  self->language_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (list, _("Not declared"));
  g_ptr_array_add (self->language_codes, NULL);

  for (guint i = 0; languages != NULL && i < languages->len; i++)
    {
      const char *code = g_ptr_array_index (languages, i);

      gtk_string_list_append (list, bridge_language_get_name (code));
      g_ptr_array_add (self->language_codes, g_strdup (code));
      if (g_strcmp0 (code, current) == 0)
        selected = i + 1;
    }
  bridge_gui_combo_row_set_choices (GTK_WIDGET (self->language_row), list, selected);
}

/* The approved agreement: the details are read-only here, and an edit
 * becomes a changes proposal. */
static void
update_lock (BridgePlanPage *self)
{
  gboolean locked = bridge_plan_get_locked (self->plan);
  GPtrArray *pending = bridge_plan_get_pending_changes (self->plan);
  g_autofree char *why = NULL;
  BridgePlanApprovalState state;
  gboolean broken;

  gtk_widget_set_visible (self->lock_box, locked);
  gtk_editable_set_editable (GTK_EDITABLE (self->student_row), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->student_row), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->term_row), !locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), !locked);
  if (!locked)
    return;

  /* Whether the lock is backed by approvals that hold: core decides. */
  state = bridge_plan_get_approval_state (self->plan, &why);
  broken = state == BRIDGE_PLAN_APPROVAL_STATE_BROKEN;
  gtk_image_set_from_icon_name (self->lock_icon, broken ? "dialog-error-symbolic" : "changes-prevent-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->lock_icon), broken ? "success" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->lock_icon), broken ? "error" : "success");
  if (broken)
    {
      /* Translators: the reason, from “the plan was changed after the student approved it” */
      g_autofree char *text = g_strdup_printf (_("The approvals in this file do not hold: %s."), why);

      gtk_label_set_text (self->lock_title, _("Not Approved"));
      gtk_label_set_text (self->lock_description, text);
    }
  else if (pending != NULL)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "A changes proposal of %u change waits for approval. Deleting or adding a course adds to it.",
                                           "A changes proposal of %u changes waits for approval. Deleting or adding a course adds to it.",
                                           pending->len), pending->len);
      gtk_label_set_text (self->lock_title, _("Approved and Locked — Changes Proposed"));
      gtk_label_set_text (self->lock_description, text);
    }
  else
    {
      gtk_label_set_text (self->lock_title, _("Approved and Locked"));
      gtk_label_set_text (self->lock_description,
                          _("The student and both institutions approved this learning agreement. "
                            "Deleting or adding a course now proposes a change, which they approve in turn."));
    }
}

/* The groups are rebuilt at every change of the plan, the course chooser
 * that made it included: its "focus-key" names it in the new widgets, so
 * that the keyboard's place is kept ("g1:home"). */
static char *
focused_key (GtkBox *box)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (box));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (box)))
    return NULL;
  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (box); w = gtk_widget_get_parent (w))
    if (g_object_get_data (G_OBJECT (w), "focus-key") != NULL)
      return g_strdup (g_object_get_data (G_OBJECT (w), "focus-key"));
  return NULL;
}

static gboolean
restore_focus (GtkWidget  *widget,
               const char *key)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), "focus-key"), key) == 0)
    return gtk_widget_grab_focus (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (restore_focus (child, key))
      return TRUE;
  return FALSE;
}

static void
rebuild (BridgePlanPage *self)
{
  GListModel *groups;
  BridgePlanTotals totals = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *focus_key = NULL;
  const char *student;

  if (self->plan == NULL)
    return;

  self->updating = TRUE;
  /* An undo puts back components the catalog may have changed since. */
  if (get_catalog (self) != NULL)
    bridge_plan_refresh (self->plan, get_catalog (self));

  groups = bridge_plan_get_groups (self->plan);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (groups) > 0 ? "plan" : "empty");

  student = bridge_plan_get_student_name (self->plan);
  if (g_strcmp0 (student != NULL ? student : "", gtk_editable_get_text (GTK_EDITABLE (self->student_row))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->student_row), student != NULL ? student : "");
  adw_action_row_set_subtitle (self->home_row,
                               self->context != NULL && bridge_plan_get_home_university (self->plan) != NULL
                               ? bridge_context_university_name (self->context, bridge_plan_get_home_university (self->plan))
                               : _("Not chosen"));
  adw_action_row_set_subtitle (self->host_row,
                               self->context != NULL && bridge_plan_get_host_university (self->plan) != NULL
                               ? bridge_context_university_name (self->context, bridge_plan_get_host_university (self->plan))
                               : _("Chosen with the first course"));
  fill_terms (self);
  fill_languages (self);
  update_lock (self);

  /* totals */
  clear_rows (self->totals_group, self->total_rows);
  g_hash_table_remove_all (self->shown);
  if (get_catalog (self) != NULL &&
      bridge_plan_compute_totals (self->plan, get_catalog (self), NULL, &totals, &error))
    {
      add_total (self, "total-host", _("Host credits (Table A)"), totals.host_credits);
      add_total (self, "total-alliance", _("Alliance credits"), totals.alliance_credits);
      add_total (self, "total-ects", _("ECTS credits"), totals.ects_credits);
      add_total (self, "total-home", _("Home credits awarded"), totals.home_credits);
      add_total (self, "total-replaced", _("Home credits replaced (Table B)"), totals.replaced_credits);
    }
  else if (error != NULL)
    {
      GtkWidget *row = value_row (_("Totals not available"), error->message);

      adw_preferences_group_add (self->totals_group, row);
      g_ptr_array_add (self->total_rows, row);
    }

  /* warnings */
  clear_rows (self->warnings_group, self->warning_rows);
  if (get_catalog (self) != NULL)
    warnings = bridge_plan_check (self->plan, get_catalog (self));
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      BridgePlanWarning *w = g_ptr_array_index (warnings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *where = group_title (self, w->group_id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), w->message);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (where != NULL)
        {
          GtkWidget *jump = gtk_image_new_from_icon_name ("go-next-symbolic");

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
          g_object_set_data_full (G_OBJECT (row), "group-id", g_strdup (w->group_id), g_free);
          g_object_set_data_full (G_OBJECT (row), "course-id", g_strdup (w->course_id), g_free);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_set_tooltip_text (row, w->course_id != NULL ? _("Show the course in its group")
                                                                 : _("Show the group"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), jump);
          g_signal_connect (row, "activated", G_CALLBACK (warning_activated_cb), self);
        }
      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->warnings_group, row);
      g_ptr_array_add (self->warning_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), self->warning_rows->len > 0);
  gtk_widget_set_visible (self->use_figures_button,
                          !bridge_plan_get_locked (self->plan) && bridge_plan_count_changed (self->plan) > 0);

  /* groups */
  focus_key = focused_key (self->groups_box);
  bridge_gui_box_remove_all (self->groups_box);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(BridgePlanGroup) group = g_list_model_get_item (groups, i);

      add_group_widget (self, group, i);
    }
  if (focus_key != NULL)
    restore_focus (GTK_WIDGET (self->groups_box), focus_key);

  self->updating = FALSE;
}

static void
student_changed_cb (BridgePlanPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->student_row));
  g_autoptr(GError) error = NULL;

  if (self->updating || self->plan == NULL || bridge_plan_get_locked (self->plan))
    return;

  if (g_strcmp0 (text, bridge_plan_get_student_name (self->plan)) == 0)
    return;
  /* Core refuses a name an agreement cannot carry; the row says why. */
  if (bridge_plan_set_student_name (self->plan, text, &error))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->student_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->student_row), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->student_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->student_row), error->message);
    }
}

static void
term_changed_cb (BridgePlanPage *self)
{
  guint selected = adw_combo_row_get_selected (self->term_row);
  const char *id = NULL;

  if (self->updating || self->plan == NULL || self->term_ids == NULL ||
      bridge_plan_get_locked (self->plan))
    return;
  if (selected < self->term_ids->len)
    id = g_ptr_array_index (self->term_ids, selected);
  if (g_strcmp0 (id, bridge_plan_get_term (self->plan)) != 0)
    {
      /* The main term changes; the others the Agreement page chose stay. */
      const char * const *old = bridge_plan_get_terms (self->plan);
      g_autoptr(GPtrArray) terms = g_ptr_array_new ();

      if (id != NULL)
        g_ptr_array_add (terms, (gpointer) id);
      for (guint i = 1; id != NULL && old != NULL && old[0] != NULL && old[i] != NULL; i++)
        if (g_strcmp0 (old[i], id) != 0)
          g_ptr_array_add (terms, (gpointer) old[i]);
      g_ptr_array_add (terms, NULL);
      bridge_plan_set_terms (self->plan, (const char * const *) terms->pdata);
      if (get_catalog (self) != NULL)
        bridge_plan_fill_dates_from_terms (self->plan, get_catalog (self));
    }
}

static void
language_changed_cb (BridgePlanPage *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);
  g_auto(BridgePlanStudent) student = { 0 };
  const char *code = NULL;

  if (self->updating || self->plan == NULL || self->language_codes == NULL ||
      bridge_plan_get_locked (self->plan))
    return;
  if (selected < self->language_codes->len)
    code = g_ptr_array_index (self->language_codes, selected);
  if (g_strcmp0 (code, bridge_plan_get_student (self->plan)->language) == 0)
    return;
  bridge_plan_student_copy (bridge_plan_get_student (self->plan), &student);
  g_free (student.language);
  student.language = g_strdup (code);
  bridge_plan_set_student (self->plan, &student, NULL);
}

/* ------------------------------------------------------------------------ */
/* Editing                                                                   */

/* A plan still without a home university gets the student's, and their
 * first language from the preferences. */
static void
ensure_home (BridgePlanPage *self)
{
  g_autofree char *home = NULL;
  gboolean was_modified;

  if (self->context == NULL || bridge_plan_get_home_university (self->plan) != NULL ||
      bridge_plan_get_n_groups (self->plan) > 0)
    return;
  was_modified = bridge_plan_get_modified (self->plan);
  home = g_strdup (bridge_context_get_home_university_id (self->context));
  /* Defaults from the settings: one the plan refuses is not applied. */
  if (*home != '\0')
    bridge_plan_set_home_university (self->plan, home, NULL);

  /* The agreement names the student's cycle and field: the home programme's. */
  if (bridge_plan_get_student (self->plan)->isced == NULL &&
      *bridge_context_get_home_field (self->context) != '\0')
    {
      g_auto(BridgePlanStudent) student = { 0 };

      bridge_plan_student_copy (bridge_plan_get_student (self->plan), &student);
      student.isced = g_strdup (bridge_context_get_home_field (self->context));
      student.cycle = bridge_context_get_home_cycle (self->context);
      bridge_plan_set_student (self->plan, &student, NULL);
    }

  if (bridge_plan_get_student (self->plan)->language == NULL)
    {
      const char * const *languages = bridge_context_get_languages (self->context);

      if (languages[0] != NULL)
        {
          g_auto(BridgePlanStudent) student = { 0 };

          bridge_plan_student_copy (bridge_plan_get_student (self->plan), &student);
          student.language = g_strdup (languages[0]);
          bridge_plan_set_student (self->plan, &student, NULL);
        }
    }

  /* Defaults are not the person's changes: an untouched plan stays unmodified,
   * opening a file does not ask to save it, and Ctrl+Z does not take them back. */
  if (!was_modified)
    {
      bridge_plan_set_modified (self->plan, FALSE);
      bridge_plan_history_clear (self->history);
    }
}

/* The plan's host university is @course's: set when it has none, else an
 * error for a course of another university. */
static gboolean
check_host (BridgePlanPage *self,
            BridgeCourse   *course,
            GError        **error)
{
  const char *host;

  ensure_home (self);
  host = bridge_plan_get_host_university (self->plan);
  if (host == NULL)
    return bridge_plan_set_host_university (self->plan, bridge_course_get_university_id (course), error);
  if (g_strcmp0 (host, bridge_course_get_university_id (course)) != 0)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   /* Translators: %s is a university's name */
                   _("This plan is for a stay at %s: start a new plan for another university"),
                   bridge_context_university_name (self->context, host));
      return FALSE;
    }
  return TRUE;
}

gboolean
bridge_plan_page_add_course (BridgePlanPage *self,
                             BridgeCourse   *course,
                             GError        **error)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_COURSE (course), FALSE);

  if (get_catalog (self) == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED, _("There is no catalog"));
      return FALSE;
    }
  if (!check_host (self, course, error))
    return FALSE;
  return bridge_plan_add_course (self->plan, get_catalog (self), NULL, BRIDGE_PLAN_SIDE_HOST,
                                 bridge_course_get_id (course), error);
}

gboolean
bridge_plan_page_add_mapping (BridgePlanPage     *self,
                              const char * const *host_ids,
                              const char * const *home_ids,
                              GError            **error)
{
  g_autoptr(BridgeCourse) first = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (host_ids != NULL && host_ids[0] != NULL, FALSE);

  if (get_catalog (self) == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED, _("There is no catalog"));
      return FALSE;
    }
  first = bridge_catalog_get_course (get_catalog (self), host_ids[0], error);
  if (first == NULL || !check_host (self, first, error))
    return FALSE;
  return bridge_plan_add_group (self->plan, get_catalog (self), host_ids, home_ids, error) != NULL;
}

gboolean
bridge_plan_page_add_home_course (BridgePlanPage *self,
                                  guint           position,
                                  const char     *course_id,
                                  GError        **error)
{
  BridgePlanGroup *group;

  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), FALSE);

  group = bridge_plan_get_group (self->plan, position);
  if (group == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND, _("There is no such group"));
      return FALSE;
    }
  return bridge_plan_add_course (self->plan, get_catalog (self), group, BRIDGE_PLAN_SIDE_HOME,
                                 course_id, error);
}

gboolean
bridge_plan_page_undo (BridgePlanPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), FALSE);
  return bridge_plan_history_undo (self->history);
}

gboolean
bridge_plan_page_redo (BridgePlanPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), FALSE);
  return bridge_plan_history_redo (self->history);
}

BridgePlanHistory *
bridge_plan_page_get_history (BridgePlanPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), NULL);
  return self->history;
}

static void
propose_clicked_cb (AdwToast       *toast,
                    BridgePlanPage *self)
{
  BridgePlanGroup *group = g_object_get_data (G_OBJECT (toast), "group");

  if (bridge_plan_get_locked (self->plan) &&
      bridge_plan_find_group (self->plan, bridge_plan_group_get_id (group), NULL) != NULL)
    bridge_change_dialog_present (GTK_WIDGET (self), self->context, self->plan, BRIDGE_CHANGE_DELETE,
                                  group,
                                  GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "side")),
                                  g_object_get_data (G_OBJECT (toast), "course-id"));
}

static void
add_toast (BridgePlanPage *self,
           AdwToast       *toast)
{
  bridge_gui_add_toast (GTK_WIDGET (self), toast);
}

/* Says why an edit was refused; on a locked agreement, offers to propose it. */
static void
show_refusal (BridgePlanPage  *self,
              const GError    *error,
              BridgePlanGroup *group,
              BridgePlanSide   side,
              const char      *course_id)
{
  AdwToast *toast = bridge_gui_toast_new (error->message);

  g_free (self->message);
  self->message = g_strdup (error->message);
  if (g_error_matches (error, BRIDGE_ERROR, BRIDGE_ERROR_PLAN_LOCKED))
    {
      adw_toast_set_button_label (toast, _("_Propose Deleting…"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_object_set_data_full (G_OBJECT (toast), "group", g_object_ref (group), g_object_unref);
      g_object_set_data (G_OBJECT (toast), "side", GUINT_TO_POINTER (side));
      g_object_set_data_full (G_OBJECT (toast), "course-id", g_strdup (course_id), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (propose_clicked_cb), self, 0);
    }
  /* The last one, for tests to read its button. */
  g_object_set_data_full (G_OBJECT (self), "last-toast", g_object_ref (toast), g_object_unref);
  add_toast (self, toast);
}

static void
undo_clicked_cb (AdwToast       *toast,
                 BridgePlanPage *self)
{
  bridge_plan_page_undo (self);
}

/* The toast of a removal: Undo takes back the last change, the removal. */
static void
add_undo_toast (BridgePlanPage *self,
                const char     *title)
{
  AdwToast *toast = bridge_gui_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  /* The last one, for tests to press its button. */
  g_object_set_data_full (G_OBJECT (self), "last-toast", g_object_ref (toast), g_object_unref);
  add_toast (self, toast);
}

gboolean
bridge_plan_page_remove (BridgePlanPage *self,
                         guint           position,
                         BridgePlanSide  side,
                         const char     *course_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlanComponent) component = NULL;
  g_autofree char *title = NULL;
  BridgePlanGroup *group;

  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), FALSE);

  group = bridge_plan_get_group (self->plan, position);
  if (group == NULL)
    return FALSE;
  component = bridge_plan_remove_component (self->plan, group, side, course_id, NULL, &error);
  if (component == NULL)
    {
      show_refusal (self, error, group, side, course_id);
      return FALSE;
    }

  /* Translators: %s is a course title */
  title = g_strdup_printf (_("“%s” removed"),
                           component->title != NULL && bridge_text_pick (component->title) != NULL
                           ? bridge_text_pick (component->title) : course_id);
  add_undo_toast (self, title);
  return TRUE;
}

gboolean
bridge_plan_page_use_new_figures (BridgePlanPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n = 0;

  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), FALSE);

  if (get_catalog (self) == NULL)
    return FALSE;
  if (!bridge_plan_use_catalog_figures (self->plan, get_catalog (self), &n, &error))
    {
      g_free (self->message);
      self->message = g_strdup (error->message);
      bridge_gui_toast (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  if (n == 0)
    return FALSE;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Took the catalog’s figures for %u course",
                                        "Took the catalog’s figures for %u courses", n), n);
  add_undo_toast (self, title);
  return TRUE;
}

gboolean
bridge_plan_page_remove_group (BridgePlanPage *self,
                               guint           position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlanGroup) removed = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  BridgePlanGroup *group;

  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), FALSE);

  group = bridge_plan_get_group (self->plan, position);
  if (group == NULL)
    return FALSE;
  label = bridge_plan_get_group_label (self->plan, group);
  removed = bridge_plan_remove_group (self->plan, group, NULL, &error);
  if (removed == NULL)
    {
      g_free (self->message);
      self->message = g_strdup (error->message);
      bridge_gui_toast (GTK_WIDGET (self), error->message);
      return FALSE;
    }

  /* Translators: %s is a group's name, "Group 2" */
  title = g_strdup_printf (_("%s removed"), label);
  add_undo_toast (self, title);
  return TRUE;
}

/* Group @position comes to the top of the view and the keyboard goes there
 * (a GtkViewport does not follow the focus by itself), at the second frame:
 * the page may just have come into view, and is laid out at the first. */
static gboolean
show_group_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  BridgePlanPage *self = BRIDGE_PLAN_PAGE (widget);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box));
  GtkWidget *scroller;
  graphene_point_t top;

  if (++self->show_group_ticks < 2)
    return G_SOURCE_CONTINUE;
  self->show_group_id = 0;
  for (guint i = 0; child != NULL && i < self->show_group; i++)
    child = gtk_widget_get_next_sibling (child);
  if (child == NULL)
    return G_SOURCE_REMOVE;
  gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
  scroller = gtk_widget_get_ancestor (child, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller != NULL &&
      gtk_widget_compute_point (child, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                &GRAPHENE_POINT_INIT (0, 0), &top))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                              top.y - 12);
  return G_SOURCE_REMOVE;
}

void
bridge_plan_page_show_group (BridgePlanPage *self,
                             guint           position)
{
  g_return_if_fail (BRIDGE_IS_PLAN_PAGE (self));

  self->show_group = position;
  self->show_group_ticks = 0;
  if (self->show_group_id == 0)
    self->show_group_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_group_tick_cb, NULL, NULL);
}

/* ------------------------------------------------------------------------ */

/* The catalog's terms and languages (SELECT DISTINCT over every course):
 * read when the catalog changes, not on every edit of the plan. */
static void
context_changed_cb (BridgePlanPage *self)
{
  g_clear_pointer (&self->catalog_terms, g_ptr_array_unref);
  g_clear_pointer (&self->catalog_languages, g_ptr_array_unref);
  if (get_catalog (self) != NULL)
    {
      self->catalog_terms = bridge_catalog_list_terms (get_catalog (self));
      self->catalog_languages = bridge_catalog_list_languages (get_catalog (self));
    }
  rebuild (self);
}

void
bridge_plan_page_set_context (BridgePlanPage *self,
                              BridgeContext  *context)
{
  g_return_if_fail (BRIDGE_IS_PLAN_PAGE (self));

  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self, G_CONNECT_SWAPPED);
  context_changed_cb (self);
}

void
bridge_plan_page_reload (BridgePlanPage *self)
{
  g_return_if_fail (BRIDGE_IS_PLAN_PAGE (self));

  if (get_catalog (self) != NULL)
    bridge_plan_refresh (self->plan, get_catalog (self));
  ensure_home (self);
  rebuild (self);
}

BridgePlan *
bridge_plan_page_get_plan (BridgePlanPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), NULL);
  return self->plan;
}

GFile *
bridge_plan_page_get_file (BridgePlanPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), NULL);
  return self->file;
}

gboolean
bridge_plan_page_get_modified (BridgePlanPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), FALSE);
  return self->plan != NULL && bridge_plan_get_modified (self->plan);
}

void
bridge_plan_page_new_plan (BridgePlanPage *self)
{
  g_autoptr(BridgePlan) plan = bridge_plan_new ();

  g_return_if_fail (BRIDGE_IS_PLAN_PAGE (self));

  set_plan (self, plan);
  ensure_home (self);
  bridge_plan_set_modified (self->plan, FALSE);
  bridge_plan_history_clear (self->history);
  set_file (self, NULL);
}

void
bridge_plan_page_set_plan (BridgePlanPage *self,
                           BridgePlan     *plan,
                           GFile          *file)
{
  g_return_if_fail (BRIDGE_IS_PLAN_PAGE (self));
  g_return_if_fail (BRIDGE_IS_PLAN (plan));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (get_catalog (self) != NULL)
    bridge_plan_refresh (plan, get_catalog (self));
  set_plan (self, plan);
  set_file (self, file);
}

void
bridge_plan_page_open_draft (BridgePlanPage *self,
                             BridgePlan     *plan)
{
  g_return_if_fail (BRIDGE_IS_PLAN_PAGE (self));
  g_return_if_fail (BRIDGE_IS_PLAN (plan));

  set_plan (self, plan);
  bridge_plan_set_modified (self->plan, TRUE);
  bridge_plan_history_clear (self->history);
  set_file (self, NULL);
}

gboolean
bridge_plan_page_load (BridgePlanPage *self,
                       GFile          *file,
                       GError        **error)
{
  g_autoptr(BridgePlan) plan = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only plans in local files can be opened"));
      return FALSE;
    }
  plan = bridge_plan_new_from_file (path, error);
  if (plan == NULL)
    return FALSE;
  if (get_catalog (self) != NULL)
    bridge_plan_refresh (plan, get_catalog (self));
  bridge_plan_set_modified (plan, FALSE);
  set_plan (self, plan);
  set_file (self, file);
  /* Said once, on opening: the warnings say which and what they change. */
  if (bridge_plan_count_changed (plan) > 0)
    {
      guint n = bridge_plan_count_changed (plan);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The catalog changed the credits or workload of %u course of this plan; see the warnings",
                                                            "The catalog changed the credits or workload of %u courses of this plan; see the warnings",
                                                            n), n);

      bridge_gui_toast (GTK_WIDGET (self), text);
    }
  return TRUE;
}

gboolean
bridge_plan_page_save (BridgePlanPage *self,
                       GFile          *file,
                       GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Plans can only be saved to local files"));
      return FALSE;
    }
  if (!bridge_plan_save (self->plan, path, error))
    return FALSE;
  set_file (self, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  return TRUE;
}

const char *
bridge_plan_page_get_shown (BridgePlanPage *self,
                            const char     *what)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), NULL);
  return g_hash_table_lookup (self->shown, what);
}

GtkWidget *
bridge_plan_page_get_warning_row (BridgePlanPage *self,
                                  guint           index)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), NULL);

  return index < self->warning_rows->len ? g_ptr_array_index (self->warning_rows, index) : NULL;
}

guint
bridge_plan_page_get_n_warnings_shown (BridgePlanPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), 0);
  return self->warning_rows->len;
}

const char *
bridge_plan_page_get_message (BridgePlanPage *self)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN_PAGE (self), NULL);
  return self->message;
}

static void
bridge_plan_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BridgePlanPage *self = BRIDGE_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, bridge_plan_page_get_modified (self));
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bridge_plan_page_dispose (GObject *object)
{
  BridgePlanPage *self = BRIDGE_PLAN_PAGE (object);

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  /* AdwBin would unparent its child a second time after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BRIDGE_TYPE_PLAN_PAGE);
  if (self->show_group_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->show_group_id);
  self->show_group_id = 0;
  g_clear_object (&self->history);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (bridge_plan_page_parent_class)->dispose (object);
}

static void
bridge_plan_page_finalize (GObject *object)
{
  BridgePlanPage *self = BRIDGE_PLAN_PAGE (object);

  g_clear_pointer (&self->total_rows, g_ptr_array_unref);
  g_clear_pointer (&self->warning_rows, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->term_ids, g_ptr_array_unref);
  g_clear_pointer (&self->language_codes, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->catalog_terms, g_ptr_array_unref);
  g_clear_pointer (&self->catalog_languages, g_ptr_array_unref);

  G_OBJECT_CLASS (bridge_plan_page_parent_class)->finalize (object);
}

static void
bridge_plan_page_class_init (BridgePlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bridge_plan_page_get_property;
  object_class->dispose = bridge_plan_page_dispose;
  object_class->finalize = bridge_plan_page_finalize;

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, BRIDGE_TYPE_PLAN,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, BRIDGE_TYPE_PLAN_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/bridge-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgePlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BridgePlanPage, lock_box);
  gtk_widget_class_bind_template_child (widget_class, BridgePlanPage, lock_icon);
  gtk_widget_class_bind_template_child (widget_class, BridgePlanPage, lock_title);
  gtk_widget_class_bind_template_child (widget_class, BridgePlanPage, lock_description);
  gtk_widget_class_bind_template_child (widget_class, BridgePlanPage, student_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePlanPage, home_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePlanPage, host_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePlanPage, term_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePlanPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, BridgePlanPage, totals_group);
  gtk_widget_class_bind_template_child (widget_class, BridgePlanPage, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, BridgePlanPage, groups_box);
  gtk_widget_class_bind_template_callback (widget_class, student_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, term_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, language_changed_cb);
}

static void
bridge_plan_page_init (BridgePlanPage *self)
{
  g_autoptr(BridgePlan) plan = bridge_plan_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  bridge_gui_combo_row_show_in_full (self->term_row);

  self->use_figures_button = gtk_button_new_with_mnemonic (_("_Use the New Figures"));
  gtk_widget_set_tooltip_text (self->use_figures_button,
                               _("Take the catalog’s new credits and workload for the courses it changed"));
  gtk_widget_set_valign (self->use_figures_button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->use_figures_button, FALSE);
  g_signal_connect_swapped (self->use_figures_button, "clicked", G_CALLBACK (bridge_plan_page_use_new_figures), self);
  adw_preferences_group_set_header_suffix (self->warnings_group, self->use_figures_button);
  self->total_rows = g_ptr_array_new ();
  self->warning_rows = g_ptr_array_new ();
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  set_plan (self, plan);
  bridge_plan_set_modified (self->plan, FALSE);
}
