/* bridge-results-view.c
 *
 * The grades after the stay (issue #5, item 6). Every grade shown here is
 * core's: bridge_plan_set_grade () checks what the user entered against the
 * course's grading scale, and bridge_plan_convert_grades () converts the
 * groups and keeps the recognition record in the plan.
 *
 * Showing a plan must not change it: the record is computed on a copy, and
 * only written into the plan when it differs from the one the plan carries
 * (a record out of date) or when the user enters a grade or picks a rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-results-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bridge-feedback-row.h"
#include "bridge-grade-preview.h"
#include "bridge-grading.h"
#include "bridge-gui-util.h"
#include "bridge-plan-export-dialog.h"
#include "bridge-plan-print.h"
#include "bridge-results-view-private.h"

/* One Table A course and the controls that take its grade. */
typedef struct
{
  BridgeResultsView *view;                /* unowned */
  char              *course_id;
  char              *name;                /* "CS301 Operating Systems" */
  char              *subtitle;            /* credits and scale */
  BridgeUniversity  *host;
  const BridgeGradingScale *scale;        /* owned by @host; NULL when unknown */
  GPtrArray         *labels;              /* grade labels, as in the drop-down after "—" */
  AdwActionRow      *row;
  GtkDropDown       *dropdown;
  GtkEntry          *entry;               /* NULL when the scale has no marks */
  guint              commit_id;           /* the mark, committed once the focus moved */
  BridgeFeedbackRow *feedback;            /* the student's feedback on the course */
} HostRow;

/* One recognition group: its home components' lines of the record. */
typedef struct
{
  char       *group_id;
  GtkListBox *record_list;
} GroupView;

struct _BridgeResultsView
{
  AdwBin         parent_instance;

  BridgeContext *context;
  BridgePlan    *plan;
  BridgePlan    *display_plan;            /* a copy converted for display, or NULL */
  gulong         changed_id;
  BridgeContext *rule_context;            /* whose "conversion-rule" is followed */
  gulong         rule_setting_id;
  guint          refresh_id;
  gboolean       dirty;                   /* the plan changed while unmapped */
  gboolean       busy;                    /* our own changes to the plan */

  GPtrArray     *host_rows;               /* element-type HostRow, owned by the rows */
  GPtrArray     *groups;                  /* element-type GroupView */
  GHashTable    *shown_grades;            /* home course id → GtkLabel */
  GHashTable    *shown_details;           /* home course id → AdwActionRow */

  GtkStack      *stack;
  GtkScrolledWindow *scroller;
  GtkWidget     *content_box;
  AdwStatusPage *empty_page;
  AdwComboRow   *rule_row;
  GtkLabel      *progress_label;
  GtkLabel      *error_label;
  GtkBox        *groups_box;
  AdwActionRow  *export_pdf_row;
  AdwActionRow  *export_json_row;
  AdwActionRow  *print_row;
};

G_DEFINE_FINAL_TYPE (BridgeResultsView, bridge_results_view, ADW_TYPE_BIN)

static void rebuild (BridgeResultsView *self);
static void show_record (BridgeResultsView *self);

static void
host_row_free (HostRow *hr)
{
  g_free (hr->course_id);
  g_free (hr->name);
  g_free (hr->subtitle);
  g_clear_object (&hr->host);
  g_clear_pointer (&hr->labels, g_ptr_array_unref);
  g_free (hr);
}

static void
group_view_free (GroupView *gv)
{
  g_free (gv->group_id);
  g_free (gv);
}

static BridgeCatalog *
get_catalog (BridgeResultsView *self)
{
  return self->context != NULL ? bridge_context_get_catalog (self->context) : NULL;
}

static const char *
current_rule (BridgeResultsView *self)
{
  return bridge_grade_rule_to_string (bridge_grade_preview_rule_at (adw_combo_row_get_selected (self->rule_row)));
}

static char *
component_name (const BridgePlanComponent *c)
{
  const char *title = c->title != NULL ? bridge_text_pick (c->title) : NULL;

  if (title == NULL || *title == '\0')
    return g_strdup (c->code != NULL ? c->code : c->course_id);
  /* Translators: a course's code and title: "CS301 Operating Systems" */
  return g_strdup_printf (_("%s %s"), c->code != NULL ? c->code : c->course_id, title);
}

static gboolean
plan_has_grades (BridgePlan *plan)
{
  guint n = bridge_plan_get_n_groups (plan);

  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (plan, i);
      guint n_host = bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST);

      for (guint j = 0; j < n_host; j++)
        {
          const BridgePlanComponent *c = bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, j);

          if (bridge_plan_get_grade (plan, c->course_id) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static void
show_error (BridgeResultsView *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The record, group by group ---------------------------------------------- */

/* Converts in the plan itself: the user changed a grade or the rule. */
static void
convert (BridgeResultsView *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  if (self->plan == NULL || get_catalog (self) == NULL)
    return;

  g_clear_object (&self->display_plan);
  self->busy = TRUE;
  records = bridge_plan_convert_grades (self->plan, get_catalog (self), current_rule (self), &error);
  self->busy = FALSE;
  show_error (self, records == NULL ? error->message : NULL);
  show_record (self);
}

/* Converts on a copy, so that looking at a plan does not change it; the plan
 * takes the record only when its own is out of date and it has grades. */
static void
convert_for_display (BridgeResultsView *self)
{
  g_autoptr(BridgePlan) copy = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize length;

  if (self->plan == NULL || get_catalog (self) == NULL)
    return;

  data = bridge_plan_to_data (self->plan, &length);
  copy = bridge_plan_new_from_data (data, (gssize) length, &error);
  if (copy != NULL)
    records = bridge_plan_convert_grades (copy, get_catalog (self), current_rule (self), &error);
  if (records == NULL)
    {
      show_error (self, error->message);
      show_record (self);
      return;
    }

  before = bridge_plan_get_digest (self->plan);
  after = bridge_plan_get_digest (copy);
  if (g_strcmp0 (before, after) != 0 && plan_has_grades (self->plan))
    {
      convert (self);
      return;
    }
  show_error (self, NULL);
  /* The same record (or no grade at all): show the copy's. */
  g_set_object (&self->display_plan, copy);
  show_record (self);
}

static GPtrArray *
shown_records (BridgeResultsView *self)
{
  if (self->display_plan != NULL)
    return bridge_plan_get_recognition (self->display_plan);
  return self->plan != NULL ? bridge_plan_get_recognition (self->plan) : NULL;
}

/* Whether core's "CS301=85, CS302=—" holds any grade. */
static gboolean
has_some_grade (const char *host_grades)
{
  g_auto(GStrv) parts = NULL;

  if (host_grades == NULL)
    return FALSE;
  parts = g_strsplit (host_grades, ", ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (!g_str_has_suffix (parts[i], "=—"))
      return TRUE;
  return FALSE;
}

/* Core's reasons start in lower case, to be joined into sentences; a line
 * of their own starts with a capital. */
static char *
capitalize (const char *text)
{
  GString *out = g_string_new (NULL);

  if (*text != '\0')
    {
      g_string_append_unichar (out, g_unichar_totitle (g_utf8_get_char (text)));
      g_string_append (out, g_utf8_next_char (text));
    }
  return g_string_free (out, FALSE);
}

/* Core names the rule ("midpoint", "midpoint, weighted by credits over 2
 * host courses"); people read its label ("Midpoint of the interval, …"). */
char *
bridge_results_view_rule_text (const char *rule)
{
  for (BridgeGradeRule r = BRIDGE_GRADE_RULE_MIDPOINT; r <= BRIDGE_GRADE_RULE_WORST; r++)
    {
      const char *name = bridge_grade_rule_to_string (r);

      if (g_str_has_prefix (rule, name))
        return g_strconcat (bridge_grade_preview_rule_label (r), rule + strlen (name), NULL);
    }
  return g_strdup (rule);
}

static GtkWidget *
record_row (const BridgePlanRecognition *r,
            GtkLabel                   **grade_out)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *credits = bridge_gui_format_number (r->credits);
  g_autofree char *credits_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s credit", "%s credits",
                                                                bridge_text_plural_count (credits)),
                                                   credits);
  const char *title = r->title != NULL ? bridge_text_pick (r->title) : NULL;
  g_autofree char *name = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *grade;

  if (title != NULL && *title != '\0')
    name = g_strdup_printf (_("%s %s"), r->code != NULL ? r->code : r->course_id, title);
  else
    name = g_strdup (r->code != NULL ? r->code : r->course_id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);

  g_string_append (details, credits_text);
  if (has_some_grade (r->host_grades))
    {
      /* Translators: what the home grade comes from: "from CS301=85" */
      g_string_append (details, " · ");
      g_string_append_printf (details, _("from %s"), r->host_grades);
    }
  if (r->candidates != NULL)
    {
      g_string_append_c (details, '\n');
      g_string_append_printf (details, _("Candidates: %s"), r->candidates);
    }
  if (r->rule != NULL)
    {
      g_autofree char *rule = bridge_results_view_rule_text (r->rule);

      g_string_append (details, r->candidates != NULL ? " · " : "\n");
      /* Translators: the conversion rule used: "Rule: Midpoint of the interval" */
      g_string_append_printf (details, _("Rule: %s"), rule);
    }
  if (r->reason != NULL)
    {
      g_string_append_c (details, '\n');
      g_autofree char *reason = capitalize (r->reason);

      if (r->approximate)
        g_string_append_printf (details, _("Approximate: %s"), r->reason);
      else
        g_string_append (details, reason);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);

  if (r->approximate)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, _("Approximate conversion"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Approximate conversion"),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  grade = gtk_label_new (r->grade != NULL ? r->grade : "—");
  gtk_widget_add_css_class (grade, "title-3");
  gtk_widget_add_css_class (grade, "numeric");
  if (r->grade == NULL)
    gtk_widget_add_css_class (grade, "dim-label");
  gtk_widget_set_valign (grade, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), grade);
  *grade_out = GTK_LABEL (grade);
  return row;
}

static void
show_record (BridgeResultsView *self)
{
  GPtrArray *records = shown_records (self);
  guint n_entered = 0;
  g_autofree char *progress = NULL;

  g_hash_table_remove_all (self->shown_grades);
  g_hash_table_remove_all (self->shown_details);

  for (guint i = 0; i < self->groups->len; i++)
    {
      GroupView *gv = g_ptr_array_index (self->groups, i);
      guint n = 0;

      bridge_gui_list_box_remove_all (gv->record_list);
      for (guint j = 0; records != NULL && j < records->len; j++)
        {
          BridgePlanRecognition *r = g_ptr_array_index (records, j);
          GtkLabel *grade;
          GtkWidget *row;

          if (g_strcmp0 (r->group_id, gv->group_id) != 0)
            continue;
          row = record_row (r, &grade);
          gtk_list_box_append (gv->record_list, row);
          g_hash_table_insert (self->shown_grades, g_strdup (r->course_id), grade);
          g_hash_table_insert (self->shown_details, g_strdup (r->course_id), row);
          n++;
        }
      if (n == 0)
        {
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         _("No home course is recognised for this group"));
          gtk_widget_add_css_class (row, "dim-label");
          gtk_list_box_append (gv->record_list, row);
        }
    }

  for (guint i = 0; self->plan != NULL && i < self->host_rows->len; i++)
    if (bridge_plan_get_grade (self->plan, ((HostRow *) g_ptr_array_index (self->host_rows, i))->course_id))
      n_entered++;
  /* Translators: grades entered so far: "2 of 3" */
  progress = g_strdup_printf (_("%u of %u"), n_entered, self->host_rows->len);
  gtk_label_set_text (self->progress_label, progress);
}

/* The host grades --------------------------------------------------------- */

static void
host_row_show_status (HostRow    *hr,
                      const char *error_message)
{
  if (error_message != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s", hr->subtitle, error_message);

      adw_action_row_set_subtitle (hr->row, text);
      gtk_widget_add_css_class (GTK_WIDGET (hr->row), "error");
      if (hr->entry != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (hr->entry), "error");
      return;
    }
  adw_action_row_set_subtitle (hr->row, hr->subtitle);
  gtk_widget_remove_css_class (GTK_WIDGET (hr->row), "error");
  if (hr->entry != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (hr->entry), "error");
}

/* Records @grade (NULL: none) for @hr's course and converts again. */
static gboolean
host_row_apply (HostRow    *hr,
                const char *grade)
{
  BridgeResultsView *self = hr->view;
  g_autoptr(GError) error = NULL;
  /* Whatever the plan's listeners do, the row (and @hr) outlive this call. */
  g_autoptr(GtkWidget) keep = g_object_ref (GTK_WIDGET (hr->row));
  gboolean ok;

  if (self->busy || self->plan == NULL)
    return FALSE;
  if (g_strcmp0 (grade, bridge_plan_get_grade (self->plan, hr->course_id)) == 0)
    {
      host_row_show_status (hr, NULL);
      return TRUE;
    }

  self->busy = TRUE;
  ok = bridge_plan_set_grade (self->plan, get_catalog (self), hr->course_id, grade, &error);
  self->busy = FALSE;
  host_row_show_status (hr, ok ? NULL : error->message);
  if (ok)
    {
      g_clear_object (&self->display_plan);
      convert (self);
    }
  return ok;
}

/* The student's feedback on the course, written while the view does not
 * rebuild (which would take the row away under the user's hands). */
static void
feedback_commit_cb (BridgeFeedbackRow *row,
                    BridgeResultsView *self)
{
  if (self->busy || self->plan == NULL)
    return;
  self->busy = TRUE;
  bridge_feedback_row_apply (row);
  self->busy = FALSE;
}

/* The drop-down position of @grade: its label, or the grade a mark falls in. */
static guint
host_row_position (HostRow    *hr,
                   const char *grade)
{
  const BridgeGrade *resolved = NULL;
  gboolean is_mark;
  double mark;

  if (grade == NULL)
    return 0;
  if (hr->scale != NULL)
    resolved = bridge_grading_scale_resolve (hr->scale, grade, &is_mark, &mark, NULL);
  for (guint i = 0; i < hr->labels->len; i++)
    if (g_strcmp0 (g_ptr_array_index (hr->labels, i), resolved != NULL ? resolved->label : grade) == 0)
      return i + 1;
  return 0;
}

static gboolean
grade_is_label (HostRow    *hr,
                const char *grade)
{
  for (guint i = 0; grade != NULL && i < hr->labels->len; i++)
    if (g_strcmp0 (g_ptr_array_index (hr->labels, i), grade) == 0)
      return TRUE;
  return FALSE;
}

/* Shows @grade: chosen in the drop-down, or typed as a mark (the drop-down
 * then shows the grade the mark falls in). */
static void
host_row_show_grade (HostRow    *hr,
                     const char *grade)
{
  hr->view->busy = TRUE;
  gtk_drop_down_set_selected (hr->dropdown, host_row_position (hr, grade));
  if (hr->entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (hr->entry),
                           grade != NULL && !grade_is_label (hr, grade) ? grade : "");
  hr->view->busy = FALSE;
}

/* A grade chosen in the list replaces any mark. */
static void
dropdown_selected_cb (GtkDropDown *dropdown,
                      GParamSpec  *pspec,
                      HostRow     *hr)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (hr->view->busy)
    return;
  if (hr->entry != NULL)
    {
      hr->view->busy = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (hr->entry), "");
      hr->view->busy = FALSE;
    }
  host_row_apply (hr, selected >= 1 && selected <= hr->labels->len
                        ? g_ptr_array_index (hr->labels, selected - 1) : NULL);
}

static void
entry_commit (HostRow *hr)
{
  g_autofree char *text = NULL;
  const char *current;

  if (hr->view->busy || hr->view->plan == NULL)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (hr->entry))));
  current = bridge_plan_get_grade (hr->view->plan, hr->course_id);
  if (*text == '\0')
    {
      /* Emptying the mark takes the mark away; a grade chosen in the list stays. */
      if (current != NULL && !grade_is_label (hr, current))
        {
          host_row_apply (hr, NULL);
          host_row_show_grade (hr, NULL);
        }
      else
        host_row_show_status (hr, NULL);
      return;
    }
  if (host_row_apply (hr, text))
    host_row_show_grade (hr, text);
}

/* A mark whose field lost the focus, to commit once GTK is done moving it. */
typedef struct
{
  BridgeResultsView *view;
  GtkWidget         *row;
} PendingCommit;

static void
pending_commit_free (PendingCommit *pending)
{
  g_object_unref (pending->view);
  g_object_unref (pending->row);
  g_free (pending);
}

static gboolean
entry_commit_idle_cb (gpointer data)
{
  PendingCommit *pending = data;
  HostRow *hr = g_object_get_data (G_OBJECT (pending->row), "bridge-host-row");

  hr->commit_id = 0;
  /* A row the view has rebuilt since shows a plan that may have moved on. */
  if (g_ptr_array_find (pending->view->host_rows, hr, NULL))
    entry_commit (hr);
  return G_SOURCE_REMOVE;
}

/* Tab or a click elsewhere commits the mark, but not from here: committing
 * converts the record, which rebuilds its lines, and the plan's listeners
 * rebuild what they show, in the middle of GTK's focus move, which then
 * gives the focus to a line that is gone (issue 14). */
static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      HostRow                 *hr)
{
  PendingCommit *pending;

  if (hr->commit_id != 0 || hr->view->busy)
    return;
  pending = g_new0 (PendingCommit, 1);
  pending->view = g_object_ref (hr->view);
  pending->row = g_object_ref (GTK_WIDGET (hr->row));
  hr->commit_id = g_idle_add_full (G_PRIORITY_DEFAULT, entry_commit_idle_cb, pending,
                                   (GDestroyNotify) pending_commit_free);
}

static gboolean
scale_has_marks (const BridgeGradingScale *scale)
{
  for (guint i = 0; scale != NULL && i < scale->n_grades; i++)
    if (scale->grades[i].has_band)
      return TRUE;
  return FALSE;
}

static GtkWidget *
host_row_new (BridgeResultsView         *self,
              const BridgePlanComponent *c)
{
  g_autoptr(BridgeCourse) course = NULL;
  g_autoptr(GtkStringList) choices = NULL;
  g_autofree char *credits = bridge_gui_format_number (c->credits);
  g_autofree char *dropdown_label = NULL;
  HostRow *hr = g_new0 (HostRow, 1);
  GtkWidget *box;

  hr->view = self;
  hr->course_id = g_strdup (c->course_id);
  hr->name = component_name (c);
  hr->labels = g_ptr_array_new_with_free_func (g_free);

  course = bridge_catalog_get_course (get_catalog (self), c->course_id, NULL);
  if (course != NULL)
    {
      BridgeUniversity *u = bridge_context_find_university (self->context,
                                                            bridge_course_get_university_id (course));

      hr->host = u != NULL ? g_object_ref (u) : NULL;
      if (hr->host != NULL)
        hr->scale = bridge_grade_preview_find_scale (hr->host, bridge_course_get_isced (course),
                                                     bridge_course_get_cycle (course),
                                                     bridge_course_get_grading_scale (course));
    }
  if (course == NULL)
    /* Translators: a host course's credits when it left the catalog: "No longer in the catalog · 3 credits" */
    hr->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No longer in the catalog · %s credit",
                                                 "No longer in the catalog · %s credits",
                                                 bridge_text_plural_count (credits)),
                                    credits);
  else
    hr->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s credit", "%s credits",
                                                 bridge_text_plural_count (credits)),
                                    credits);

  hr->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (hr->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (hr->row), hr->name);
  adw_action_row_set_title_lines (hr->row, 0);
  adw_action_row_set_subtitle_lines (hr->row, 0);
  g_object_set_data_full (G_OBJECT (hr->row), "bridge-host-row", hr, (GDestroyNotify) host_row_free);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  choices = bridge_grade_preview_choices_new (hr->scale, hr->labels);
  /* Translators: no host grade entered yet, in the list of grades */
  gtk_string_list_splice (choices, 0, 0, (const char * const[]) { _("No grade"), NULL });
  hr->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL));
  /* Translators: accessible name of a grade list: "Host grade for CS301 Operating Systems" */
  dropdown_label = g_strdup_printf (_("Host grade for %s"), hr->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (hr->dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dropdown_label, -1);
  /* In GTK 4.8 the focus goes to the drop-down's own button, and a screen
   * reader reads that button: it gets the name too. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (hr->dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, dropdown_label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (hr->dropdown), _("The grade the host university gave"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (hr->dropdown));

  if (scale_has_marks (hr->scale) || hr->scale == NULL)
    {
      g_autofree char *entry_label = g_strdup_printf (_("Mark for %s"), hr->name);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      hr->entry = GTK_ENTRY (gtk_entry_new ());
      gtk_entry_set_placeholder_text (hr->entry, hr->scale != NULL ? _("Mark") : _("Grade"));
      gtk_editable_set_width_chars (GTK_EDITABLE (hr->entry), 6);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (hr->entry), 8);
      gtk_entry_set_input_hints (hr->entry, GTK_INPUT_HINT_NO_EMOJI);
      gtk_widget_set_tooltip_text (GTK_WIDGET (hr->entry),
                                   _("Or type the mark, then press Enter"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (hr->entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
      g_signal_connect_swapped (hr->entry, "activate", G_CALLBACK (entry_commit), hr);
      g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_leave_cb), hr);
      gtk_widget_add_controller (GTK_WIDGET (hr->entry), focus);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (hr->entry));
    }
  if (hr->scale == NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (hr->dropdown), FALSE);

  adw_action_row_add_suffix (hr->row, box);
  host_row_show_grade (hr, bridge_plan_get_grade (self->plan, hr->course_id));
  host_row_show_status (hr, NULL);
  g_signal_connect (hr->dropdown, "notify::selected", G_CALLBACK (dropdown_selected_cb), hr);

  g_ptr_array_add (self->host_rows, hr);
  return GTK_WIDGET (hr->row);
}

static GtkWidget *
caption_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

/* The rule the plan's record was made with, else the one of Preferences. */
static BridgeGradeRule
initial_rule (BridgeResultsView *self)
{
  static const BridgeGradeRule all[] = {
    BRIDGE_GRADE_RULE_LARGEST_OVERLAP,    /* before its prefixes */
    BRIDGE_GRADE_RULE_MIDPOINT,
    BRIDGE_GRADE_RULE_BEST,
    BRIDGE_GRADE_RULE_WORST,
  };
  GPtrArray *records = self->plan != NULL ? bridge_plan_get_recognition (self->plan) : NULL;

  if (records != NULL && records->len > 0)
    {
      const char *used = ((BridgePlanRecognition *) g_ptr_array_index (records, 0))->rule;

      for (guint i = 0; used != NULL && i < G_N_ELEMENTS (all); i++)
        if (g_str_has_prefix (used, bridge_grade_rule_to_string (all[i])))
          return all[i];
    }
  return self->context != NULL ? bridge_context_get_conversion_rule (self->context)
                               : BRIDGE_GRADE_RULE_MIDPOINT;
}

static void
rebuild (BridgeResultsView *self)
{
  guint n_groups = self->plan != NULL ? bridge_plan_get_n_groups (self->plan) : 0;
  guint n_host_total = 0;
  GtkWidget *child;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->dirty = FALSE;
  g_clear_object (&self->display_plan);

  /* Removing a focused entry commits it; nothing may change the plan now. */
  self->busy = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  self->busy = FALSE;
  g_ptr_array_set_size (self->host_rows, 0);
  g_ptr_array_set_size (self->groups, 0);
  g_hash_table_remove_all (self->shown_grades);
  g_hash_table_remove_all (self->shown_details);

  for (guint i = 0; i < n_groups; i++)
    n_host_total += bridge_plan_group_get_n_components (bridge_plan_get_group (self->plan, i),
                                                        BRIDGE_PLAN_SIDE_HOST);
  if (self->plan == NULL || self->context == NULL || n_host_total == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "results");

  self->busy = TRUE;
  adw_combo_row_set_selected (self->rule_row, bridge_grade_preview_rule_position (initial_rule (self)));
  self->busy = FALSE;

  for (guint i = 0; i < n_groups; i++)
    {
      BridgePlanGroup *group = bridge_plan_get_group (self->plan, i);
      guint n_host = bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST);
      g_autofree char *title = NULL;
      GtkWidget *pref_group = adw_preferences_group_new ();
      GroupView *gv = g_new0 (GroupView, 1);
      GtkWidget *record_list;

      /* Translators: the heading of one recognition group: "Recognition group 1" */
      title = g_strdup_printf (_("Recognition group %u"), i + 1);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (pref_group), title);
      if (n_host == 0)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (pref_group),
                                               _("This group has no host course yet."));
      else
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (pref_group),
                                               _("Grades at the host university"));

      for (guint j = 0; j < n_host; j++)
        {
          const BridgePlanComponent *c = bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, j);
          GtkWidget *row = host_row_new (self, c);
          HostRow *hr = g_object_get_data (G_OBJECT (row), "bridge-host-row");

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref_group), row);
          /* Under the course's grade: the hours it took and how it was. */
          hr->feedback = BRIDGE_FEEDBACK_ROW (bridge_feedback_row_new (self->plan, c->course_id, hr->name));
          g_signal_connect (hr->feedback, "commit", G_CALLBACK (feedback_commit_cb), self);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref_group), GTK_WIDGET (hr->feedback));
        }

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref_group),
                                 caption_label (_("Recognised at home")));
      record_list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (record_list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (record_list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (record_list),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recognised at home"), -1);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref_group), record_list);

      gv->group_id = g_strdup (bridge_plan_group_get_id (group));
      gv->record_list = GTK_LIST_BOX (record_list);
      g_ptr_array_add (self->groups, gv);
      gtk_box_append (self->groups_box, pref_group);
    }

  convert_for_display (self);
}

/* Following the plan ------------------------------------------------------ */

static gboolean
refresh_cb (gpointer data)
{
  BridgeResultsView *self = data;

  self->refresh_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
plan_changed_cb (BridgePlan        *plan,
                 BridgeResultsView *self)
{
  if (self->busy)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  /* Typing on another page changes the plan at every key: wait for a pause. */
  if (self->refresh_id == 0)
    self->refresh_id = g_timeout_add (150, refresh_cb, self);
}

/* Inside a page that scrolls (the Agreement page), the view neither scrolls
 * nor adds margins of its own; alone in a window, it does both. */
static void
bridge_results_view_root (GtkWidget *widget)
{
  BridgeResultsView *self = BRIDGE_RESULTS_VIEW (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  gboolean embedded = parent != NULL && gtk_widget_get_ancestor (parent, GTK_TYPE_SCROLLED_WINDOW) != NULL;

  GTK_WIDGET_CLASS (bridge_results_view_parent_class)->root (widget);

  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER,
                                  embedded ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (self->content_box, embedded ? 0 : 24);
  gtk_widget_set_margin_bottom (self->content_box, embedded ? 0 : 24);
  gtk_widget_set_margin_start (self->content_box, embedded ? 0 : 12);
  gtk_widget_set_margin_end (self->content_box, embedded ? 0 : 12);
}

static void
bridge_results_view_map (GtkWidget *widget)
{
  BridgeResultsView *self = BRIDGE_RESULTS_VIEW (widget);

  GTK_WIDGET_CLASS (bridge_results_view_parent_class)->map (widget);
  if (self->dirty)
    rebuild (self);
}

static void
rule_selected_cb (BridgeResultsView *self)
{
  if (self->busy || self->plan == NULL)
    return;
  g_clear_object (&self->display_plan);
  if (plan_has_grades (self->plan))
    convert (self);
  else
    convert_for_display (self);
}

/* The rule of Preferences applies until the plan has a record of its own. */
static void
rule_setting_changed_cb (BridgeContext     *context,
                         GParamSpec        *pspec,
                         BridgeResultsView *self)
{
  if (self->plan == NULL || bridge_plan_get_recognition (self->plan)->len > 0)
    return;
  adw_combo_row_set_selected (self->rule_row,
                              bridge_grade_preview_rule_position (bridge_context_get_conversion_rule (context)));
}

static void
follow_settings (BridgeResultsView *self,
                 BridgeContext     *context)
{
  if (context == self->rule_context)
    return;
  if (self->rule_context != NULL)
    g_clear_signal_handler (&self->rule_setting_id, self->rule_context);
  g_set_object (&self->rule_context, context);
  if (context != NULL)
    self->rule_setting_id = g_signal_connect (context, "notify::conversion-rule",
                                              G_CALLBACK (rule_setting_changed_cb), self);
}

static GtkWindow *
parent_window (BridgeResultsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
export_pdf_cb (BridgeResultsView *self)
{
  if (self->plan != NULL)
    bridge_plan_export_dialog_show_format (parent_window (self), self->context, self->plan, NULL,
                                           BRIDGE_PLAN_EXPORT_PDF);
}

static void
export_json_cb (BridgeResultsView *self)
{
  if (self->plan != NULL)
    bridge_plan_export_dialog_show_format (parent_window (self), self->context, self->plan, NULL,
                                           BRIDGE_PLAN_EXPORT_JSON);
}

static void
print_cb (BridgeResultsView *self)
{
  if (self->plan != NULL)
    bridge_plan_print (parent_window (self), self->context, self->plan);
}

static void
disconnect_plan (BridgeResultsView *self)
{
  if (self->plan != NULL)
    g_clear_signal_handler (&self->changed_id, self->plan);
  g_clear_object (&self->plan);
}

static void
bridge_results_view_dispose (GObject *object)
{
  BridgeResultsView *self = BRIDGE_RESULTS_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->busy = TRUE;
  disconnect_plan (self);
  follow_settings (self, NULL);
  g_clear_object (&self->context);
  g_clear_object (&self->display_plan);
  G_OBJECT_CLASS (bridge_results_view_parent_class)->dispose (object);
}

static void
bridge_results_view_finalize (GObject *object)
{
  BridgeResultsView *self = BRIDGE_RESULTS_VIEW (object);

  g_clear_pointer (&self->host_rows, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->shown_grades, g_hash_table_unref);
  g_clear_pointer (&self->shown_details, g_hash_table_unref);
  G_OBJECT_CLASS (bridge_results_view_parent_class)->finalize (object);
}

static void
bridge_results_view_class_init (BridgeResultsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_results_view_dispose;
  object_class->finalize = bridge_results_view_finalize;
  widget_class->map = bridge_results_view_map;
  widget_class->root = bridge_results_view_root;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/creditbridge/CreditBridge/bridge-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BridgeResultsView, stack);
  gtk_widget_class_bind_template_child (widget_class, BridgeResultsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, BridgeResultsView, content_box);
  gtk_widget_class_bind_template_child (widget_class, BridgeResultsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, BridgeResultsView, rule_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeResultsView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeResultsView, error_label);
  gtk_widget_class_bind_template_child (widget_class, BridgeResultsView, groups_box);
  gtk_widget_class_bind_template_child (widget_class, BridgeResultsView, export_pdf_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeResultsView, export_json_row);
  gtk_widget_class_bind_template_child (widget_class, BridgeResultsView, print_row);
}

static void
bridge_results_view_init (BridgeResultsView *self)
{
  g_autoptr(GtkStringList) rules = bridge_grade_preview_rule_list_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The rows own their HostRow; the array only lists them. */
  self->host_rows = g_ptr_array_new ();
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_view_free);
  self->shown_grades = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shown_details = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->busy = TRUE;
  adw_combo_row_set_model (self->rule_row, G_LIST_MODEL (rules));
  self->busy = FALSE;
  g_signal_connect_swapped (self->rule_row, "notify::selected", G_CALLBACK (rule_selected_cb), self);
  g_signal_connect_swapped (self->export_pdf_row, "activated", G_CALLBACK (export_pdf_cb), self);
  g_signal_connect_swapped (self->export_json_row, "activated", G_CALLBACK (export_json_cb), self);
  g_signal_connect_swapped (self->print_row, "activated", G_CALLBACK (print_cb), self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
bridge_results_view_new (void)
{
  return g_object_new (BRIDGE_TYPE_RESULTS_VIEW, NULL);
}

void
bridge_results_view_set_plan (BridgeResultsView *self,
                              BridgeContext     *context,
                              BridgePlan        *plan)
{
  g_return_if_fail (BRIDGE_IS_RESULTS_VIEW (self));
  g_return_if_fail (context == NULL || BRIDGE_IS_CONTEXT (context));
  g_return_if_fail (plan == NULL || BRIDGE_IS_PLAN (plan));

  /* The same plan in the same context: the view already follows it. */
  if (plan == self->plan && context == self->context)
    return;

  g_set_object (&self->context, context);
  follow_settings (self, context);
  if (plan != self->plan)
    {
      disconnect_plan (self);
      if (plan != NULL)
        {
          self->plan = g_object_ref (plan);
          self->changed_id = g_signal_connect (plan, "changed", G_CALLBACK (plan_changed_cb), self);
        }
    }
  rebuild (self);
}

/* For tests --------------------------------------------------------------- */

static HostRow *
find_host_row (BridgeResultsView *self,
               const char        *course_id)
{
  for (guint i = 0; i < self->host_rows->len; i++)
    {
      HostRow *hr = g_ptr_array_index (self->host_rows, i);

      if (g_strcmp0 (hr->course_id, course_id) == 0)
        return hr;
    }
  return NULL;
}

GtkWidget *
bridge_results_view_get_grade_control (BridgeResultsView *self,
                                       const char        *host_course_id,
                                       gboolean           mark)
{
  HostRow *hr;

  g_return_val_if_fail (BRIDGE_IS_RESULTS_VIEW (self), NULL);
  hr = find_host_row (self, host_course_id);
  if (hr == NULL)
    return NULL;
  return mark ? (GtkWidget *) hr->entry : (GtkWidget *) hr->dropdown;
}

BridgeFeedbackRow *
bridge_results_view_get_feedback_row (BridgeResultsView *self,
                                      const char        *host_course_id)
{
  HostRow *hr;

  g_return_val_if_fail (BRIDGE_IS_RESULTS_VIEW (self), NULL);
  hr = find_host_row (self, host_course_id);
  return hr != NULL ? hr->feedback : NULL;
}

GtkWidget *
bridge_results_view_get_host_row (BridgeResultsView *self,
                                  const char        *host_course_id)
{
  HostRow *hr;

  g_return_val_if_fail (BRIDGE_IS_RESULTS_VIEW (self), NULL);
  hr = find_host_row (self, host_course_id);
  return hr != NULL ? GTK_WIDGET (hr->row) : NULL;
}

const char *
bridge_results_view_get_shown_grade (BridgeResultsView *self,
                                     const char        *home_course_id)
{
  GtkLabel *label;

  g_return_val_if_fail (BRIDGE_IS_RESULTS_VIEW (self), NULL);
  label = g_hash_table_lookup (self->shown_grades, home_course_id);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}

const char *
bridge_results_view_get_shown_details (BridgeResultsView *self,
                                       const char        *home_course_id)
{
  AdwActionRow *row;

  g_return_val_if_fail (BRIDGE_IS_RESULTS_VIEW (self), NULL);
  row = g_hash_table_lookup (self->shown_details, home_course_id);
  return row != NULL ? adw_action_row_get_subtitle (row) : NULL;
}

AdwComboRow *
bridge_results_view_get_rule_row (BridgeResultsView *self)
{
  g_return_val_if_fail (BRIDGE_IS_RESULTS_VIEW (self), NULL);
  return self->rule_row;
}

gboolean
bridge_results_view_is_empty (BridgeResultsView *self)
{
  g_return_val_if_fail (BRIDGE_IS_RESULTS_VIEW (self), TRUE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}
