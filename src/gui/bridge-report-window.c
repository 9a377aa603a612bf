/* bridge-report-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-report-window"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "bridge-gui-util.h"
#include "bridge-report.h"
#include "bridge-report-chart.h"
#include "bridge-report-window.h"

/* What the worker hands back: copies of the figures, and the report
 * itself for the charts and the PDF. BridgeReport is not thread-safe: the
 * worker is done with it when it returns it, and from then on only the main
 * thread uses it (never two threads at once). */
typedef struct
{
  BridgeReport        *report;
  GPtrArray           *courses;           /* BridgeReportCourse */
  GPtrArray           *pairs;             /* BridgeReportPair */
  BridgeReportOverall  overall;
  GPtrArray           *skipped;           /* Skipped */
  char                *json;
  char                *csv_courses;
  char                *csv_pairs;
} Result;

typedef struct
{
  char *name;                             /* the file's name, for the advisor */
  char *why;
} Skipped;

typedef struct
{
  char                *catalog_path;
  char               **paths;
  BridgeReportOptions  options;
} Job;

struct _BridgeReportWindow
{
  AdwWindow       parent_instance;

  BridgeContext  *context;
  char          **paths;
  GCancellable   *cancellable;
  Result         *result;

  GtkStack       *stack;
  GtkLabel       *busy_label;
  GtkWidget      *cancel_button;
  GtkWidget      *export_button;
  GtkSpinButton  *min_responses;
  GtkSpinButton  *threshold;
  GtkWidget      *overall;
  GtkGrid        *courses;
  GtkGrid        *pairs;
  GtkWidget      *workload_chart;
  GtkWidget      *rate_chart;
  GtkWidget      *skipped_group;
  GtkListBox     *skipped;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (BridgeReportWindow, bridge_report_window, ADW_TYPE_WINDOW)

static void
skipped_free (Skipped *skipped)
{
  g_free (skipped->name);
  g_free (skipped->why);
  g_free (skipped);
}

static void
result_free (Result *result)
{
  g_clear_object (&result->report);
  g_clear_pointer (&result->courses, g_ptr_array_unref);
  g_clear_pointer (&result->pairs, g_ptr_array_unref);
  g_clear_pointer (&result->skipped, g_ptr_array_unref);
  bridge_report_overall_clear (&result->overall);
  g_free (result->json);
  g_free (result->csv_courses);
  g_free (result->csv_pairs);
  g_free (result);
}

static void
job_free (Job *job)
{
  g_free (job->catalog_path);
  g_strfreev (job->paths);
  g_free (job);
}

static void
report_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeReport) report = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *skips;
  Result *result;

  /* A connection of the worker's own: the window's stays the main thread's. */
  catalog = bridge_catalog_open (job->catalog_path, &error);
  if (catalog != NULL)
    report = bridge_report_new (catalog, &job->options, &error);
  if (report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; job->paths[i] != NULL; i++)
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      bridge_report_add_path (report, job->paths[i]);
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  result = g_new0 (Result, 1);
  result->courses = bridge_report_list_courses (report);
  result->pairs = bridge_report_list_pairs (report);
  bridge_report_get_overall (report, &result->overall);
  result->skipped = g_ptr_array_new_with_free_func ((GDestroyNotify) skipped_free);
  skips = bridge_report_get_skipped (report);
  for (guint i = 0; i < skips->len; i++)
    {
      BridgeReportSkip *skip = g_ptr_array_index (skips, i);
      Skipped *skipped = g_new0 (Skipped, 1);

      skipped->name = g_path_get_basename (skip->path);
      skipped->why = g_strdup (skip->message);
      g_ptr_array_add (result->skipped, skipped);
    }
  json = bridge_report_to_json (report);
  result->json = json_to_string (json, TRUE);
  result->csv_courses = bridge_report_to_csv (report, BRIDGE_REPORT_TABLE_COURSES);
  result->csv_pairs = bridge_report_to_csv (report, BRIDGE_REPORT_TABLE_PAIRS);
  result->report = g_steal_pointer (&report);
  g_task_return_pointer (task, result, (GDestroyNotify) result_free);
}

/* ---- Cells ---- */

static char *
format_percent (double   value,
                gboolean signed_)
{
  if (isnan (value))
    return g_strdup ("—");
  /* Translators: a percentage in the report's tables, "+27.0 %" */
  return g_strdup_printf (signed_ ? _("%+.1f %%") : _("%.1f %%"), 100 * value);
}

static char *
format_value (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  return bridge_gui_format_number (round (value * 100) / 100);
}

static GtkWidget *
cell_new (const char *text,
          gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* A mean the report withholds: "—", with why in a tooltip. */
static GtkWidget *
mean_cell_new (const BridgeReportCourse *course,
               double                    value,
               guint                     k)
{
  g_autofree char *text = format_value (value);
  GtkWidget *label = cell_new (text, TRUE);

  if (course->withheld)
    {
      /* Translators: the tooltip of a withheld mean; %u is K */
      g_autofree char *tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Fewer than %u response: not shown, so that no one student’s answer can be read off",
                                                           "Fewer than %u responses: not shown, so that no one student’s answer can be read off",
                                                           k),
                                              k);

      gtk_widget_set_tooltip_text (label, tip);
    }
  return label;
}

static GtkWidget *
deviation_cell_new (const BridgeReportCourse *course,
                    guint                     k)
{
  GtkWidget *box;
  GtkWidget *label;
  g_autofree char *text = NULL;

  if (isnan (course->workload_deviation))
    return mean_cell_new (course, NAN, k);
  text = format_percent (course->workload_deviation, TRUE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  if (course->workload_flag)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *flagged = NULL;

      gtk_widget_add_css_class (icon, "warning");
      gtk_box_append (GTK_BOX (box), icon);
      /* Translators: a workload deviation beyond the threshold, "+27.0 % (flagged)" */
      flagged = g_strdup_printf (_("%s (flagged)"), text);
      label = cell_new (flagged, TRUE);
      gtk_widget_add_css_class (label, "warning");
    }
  else
    label = cell_new (text, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
grid_clear (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
grid_header (GtkGrid            *grid,
             const char * const *titles)
{
  for (guint i = 0; titles[i] != NULL; i++)
    {
      GtkWidget *label = cell_new (titles[i], i > 0);

      /* Wraps when the window is narrow, but never below a few characters:
       * a table that scrolls sideways gives its cells their minimum. */
      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 7);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_grid_attach (grid, label, i, 0, 1, 1);
    }
}

static const char *
university_name (BridgeReportWindow *self,
                 const char         *id)
{
  const char *name = bridge_context_university_name (self->context, id);

  return name != NULL ? name : id;
}

static void
fill_courses (BridgeReportWindow *self)
{
  const char * const titles[] = {
    _("Course"), _("Students"), _("Responses"), _("Declared hours"), _("Reported mean"),
    _("Deviation"), _("Rating"), _("Planned credits"), _("Assessed credits"),
    _("Recognised credits"), _("Rate"), NULL
  };
  guint k = self->result != NULL ? (guint) gtk_spin_button_get_value_as_int (self->min_responses) : 0;

  grid_clear (self->courses);
  grid_header (self->courses, titles);
  for (guint i = 0; self->result != NULL && i < self->result->courses->len; i++)
    {
      BridgeReportCourse *c = g_ptr_array_index (self->result->courses, i);
      g_autofree char *course = g_strdup_printf ("%s %s", c->code != NULL ? c->code : c->course_id,
                                                 c->title != NULL ? bridge_text_pick (c->title) : "");
      g_autofree char *students = g_strdup_printf ("%u", c->students);
      g_autofree char *responses = g_strdup_printf ("%u", c->responses);
      g_autofree char *declared = format_value (c->declared_hours);
      g_autofree char *planned = format_value (c->home_credits_planned);
      g_autofree char *assessed = format_value (c->home_credits_assessed);
      g_autofree char *recognised = format_value (c->home_credits_recognised);
      g_autofree char *rate = format_percent (c->recognition_rate, FALSE);
      GtkWidget *name = cell_new (course, FALSE);
      int row = i + 1;

      /* Wraps, but never narrower than 16 characters (see grid_header ()). */
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (name), 16);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 32);
      gtk_widget_set_tooltip_text (name, university_name (self, c->university));
      gtk_grid_attach (self->courses, name, 0, row, 1, 1);
      gtk_grid_attach (self->courses, cell_new (students, TRUE), 1, row, 1, 1);
      gtk_grid_attach (self->courses, cell_new (responses, TRUE), 2, row, 1, 1);
      gtk_grid_attach (self->courses, cell_new (declared, TRUE), 3, row, 1, 1);
      gtk_grid_attach (self->courses, mean_cell_new (c, c->reported_hours_mean, k), 4, row, 1, 1);
      gtk_grid_attach (self->courses, deviation_cell_new (c, k), 5, row, 1, 1);
      gtk_grid_attach (self->courses, mean_cell_new (c, c->rating_mean, k), 6, row, 1, 1);
      gtk_grid_attach (self->courses, cell_new (planned, TRUE), 7, row, 1, 1);
      gtk_grid_attach (self->courses, cell_new (assessed, TRUE), 8, row, 1, 1);
      gtk_grid_attach (self->courses, cell_new (recognised, TRUE), 9, row, 1, 1);
      gtk_grid_attach (self->courses, cell_new (rate, TRUE), 10, row, 1, 1);
    }
}

static void
fill_pairs (BridgeReportWindow *self)
{
  const char * const titles[] = {
    _("Host university"), _("Home university"), _("Students"), _("Planned credits"),
    _("Assessed credits"), _("Recognised credits"), _("Rate"), _("Conversions"),
    _("Approximate"), NULL
  };

  grid_clear (self->pairs);
  grid_header (self->pairs, titles);
  for (guint i = 0; self->result != NULL && i < self->result->pairs->len; i++)
    {
      BridgeReportPair *p = g_ptr_array_index (self->result->pairs, i);
      g_autofree char *students = g_strdup_printf ("%u", p->students);
      g_autofree char *planned = format_value (p->home_credits_planned);
      g_autofree char *assessed = format_value (p->home_credits_assessed);
      g_autofree char *recognised = format_value (p->home_credits_recognised);
      g_autofree char *rate = format_percent (p->recognition_rate, FALSE);
      g_autofree char *conversions = g_strdup_printf ("%u", p->conversions);
      g_autofree char *approximate = g_strdup_printf ("%u", p->approximate_conversions);
      int row = i + 1;

      gtk_grid_attach (self->pairs, cell_new (university_name (self, p->host_university), FALSE), 0, row, 1, 1);
      gtk_grid_attach (self->pairs, cell_new (university_name (self, p->home_university), FALSE), 1, row, 1, 1);
      gtk_grid_attach (self->pairs, cell_new (students, TRUE), 2, row, 1, 1);
      gtk_grid_attach (self->pairs, cell_new (planned, TRUE), 3, row, 1, 1);
      gtk_grid_attach (self->pairs, cell_new (assessed, TRUE), 4, row, 1, 1);
      gtk_grid_attach (self->pairs, cell_new (recognised, TRUE), 5, row, 1, 1);
      gtk_grid_attach (self->pairs, cell_new (rate, TRUE), 6, row, 1, 1);
      gtk_grid_attach (self->pairs, cell_new (conversions, TRUE), 7, row, 1, 1);
      gtk_grid_attach (self->pairs, cell_new (approximate, TRUE), 8, row, 1, 1);
    }
}

static void
overall_row (GtkWidget  *group,
             const char *title,
             const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  /* A figure to read, not to act on: Tab goes on to the controls. */
  gtk_widget_set_focusable (row, FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
fill_overall (BridgeReportWindow *self)
{
  BridgeReportOverall *o = &self->result->overall;
  GtkWidget *parent = gtk_widget_get_parent (self->overall);
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *plans = g_strdup_printf ("%u", o->plans);
  g_autofree char *skipped = g_strdup_printf ("%u", o->skipped);
  g_autofree char *responses = g_strdup_printf ("%u", o->responses);
  g_autofree char *rating = format_value (o->rating_mean);
  g_autofree char *planned = format_value (o->home_credits_planned);
  g_autofree char *assessed = format_value (o->home_credits_assessed);
  g_autofree char *recognised = format_value (o->home_credits_recognised);
  g_autofree char *rate = format_percent (o->recognition_rate, FALSE);
  g_autofree char *approximate = g_strdup_printf ("%u / %u", o->approximate_conversions, o->conversions);
  g_autofree char *period = o->period_start != NULL
                            /* Translators: the period the plans cover, "2026-08-25 – 2027-07-05" */
                            ? g_strdup_printf (_("%s – %s"), o->period_start, o->period_end)
                            : g_strdup (_("No plan is dated"));

  /* Rebuilt whole: AdwPreferencesGroup has no way to remove its rows at 1.2. */
  gtk_box_remove (GTK_BOX (parent), self->overall);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Overall"));
  gtk_widget_set_name (group, "overall");
  overall_row (group, _("Plans"), plans);
  overall_row (group, _("Files left out"), skipped);
  overall_row (group, _("Period"), period);
  overall_row (group, _("Responses"), responses);
  overall_row (group, _("Mean rating"), rating);
  overall_row (group, _("Home credits planned"), planned);
  overall_row (group, _("Home credits assessed"), assessed);
  overall_row (group, _("Home credits recognised"), recognised);
  overall_row (group, _("Recognition rate"), rate);
  overall_row (group, _("Approximate grade conversions"), approximate);
  gtk_box_prepend (GTK_BOX (parent), group);
  self->overall = group;
}

static void
fill_skipped (BridgeReportWindow *self)
{
  bridge_gui_list_box_remove_all (self->skipped);
  gtk_widget_set_visible (self->skipped_group, self->result->skipped->len > 0);
  for (guint i = 0; i < self->result->skipped->len; i++)
    {
      Skipped *skipped = g_ptr_array_index (self->result->skipped, i);
      GtkWidget *row = adw_action_row_new ();

      /* File names and messages are text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), skipped->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), skipped->why);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->skipped, row);
    }
}

/* ---- Charts (drawn by core: bridge-report-chart.h) ---- */

static BridgeChartColor
chart_color (const GdkRGBA *rgba)
{
  return (BridgeChartColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

/* The chart's colours from the theme, light or dark: the text colour of
 * the widget, Adwaita's accent and warning colours (GTK 4.8 has no
 * gtk_widget_get_color ()). */
static BridgeChartStyle
chart_style (GtkWidget *widget)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  BridgeChartStyle style = adw_style_manager_get_dark (adw_style_manager_get_default ())
                           ? bridge_chart_style_dark () : bridge_chart_style_light ();
  GdkRGBA rgba;

  gtk_style_context_get_color (context, &rgba);
  style.foreground = chart_color (&rgba);
  rgba.alpha *= 0.1;
  style.background = chart_color (&rgba);
  if (gtk_style_context_lookup_color (context, "accent_color", &rgba))
    style.accent = chart_color (&rgba);
  if (gtk_style_context_lookup_color (context, "warning_color", &rgba))
    style.warning = chart_color (&rgba);
  return style;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  BridgeReportWindow *self = data;
  BridgeChartStyle style = chart_style (GTK_WIDGET (area));

  if (self->result == NULL)
    return;
  if (GTK_WIDGET (area) == self->workload_chart)
    bridge_report_draw_workload_chart (cr, self->result->report, width, height, &style);
  else
    bridge_report_draw_rate_chart (cr, self->result->report, width, height, &style);
}

static void
size_chart (BridgeReportWindow *self,
            GtkWidget          *area,
            BridgeReportChart   chart)
{
  BridgeChartStyle style = chart_style (area);
  guint rows = bridge_report_chart_count_rows (self->result->report, chart);

  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                       (int) ceil (bridge_report_chart_get_height (&style, rows)));
  gtk_widget_queue_draw (area);
}

static void
fill_charts (BridgeReportWindow *self)
{
  size_chart (self, self->workload_chart, BRIDGE_REPORT_CHART_WORKLOAD);
  size_chart (self, self->rate_chart, BRIDGE_REPORT_CHART_RATE);
}

static void
dark_changed_cb (BridgeReportWindow *self)
{
  gtk_widget_queue_draw (self->workload_chart);
  gtk_widget_queue_draw (self->rate_chart);
}

static GtkWidget *
chart_new (BridgeReportWindow *self,
           const char         *description)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_widget_set_hexpand (area, TRUE);
  gtk_widget_set_margin_top (area, 12);
  gtk_widget_set_margin_bottom (area, 12);
  gtk_widget_set_margin_start (area, 12);
  gtk_widget_set_margin_end (area, 12);
  /* Narrower, the axis labels run into each other: a narrow window
   * scrolls the chart sideways instead (chart_card_new ()). */
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 560);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_chart, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  return area;
}

static GtkWidget *
chart_card_new (GtkWidget  *chart,
                const char *title)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), chart);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return scrolled;
}

/* ---- The worker ---- */

static void
report_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      data)
{
  g_autoptr(BridgeReportWindow) self = data;
  g_autoptr(GError) error = NULL;
  Result *result = g_task_propagate_pointer (G_TASK (res), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Cancelled by a newer run: that one shows; by the person: what was. */
      if (g_task_get_cancellable (G_TASK (res)) == self->cancellable)
        {
          g_clear_object (&self->cancellable);
          gtk_stack_set_visible_child_name (self->stack, self->result != NULL ? "report" : "empty");
        }
      return;
    }
  g_clear_object (&self->cancellable);
  if (result == NULL)
    {
      /* Translators: %s says why, from the catalog */
      g_autofree char *text = g_strdup_printf (_("The report could not be made: %s"), error->message);

      gtk_label_set_text (self->error_label, text);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_clear_pointer (&self->result, result_free);
  self->result = result;
  fill_overall (self);
  fill_courses (self);
  fill_pairs (self);
  fill_skipped (self);
  fill_charts (self);
  gtk_widget_set_sensitive (self->export_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

static void
run_report (BridgeReportWindow *self)
{
  Job *job;
  g_autoptr(GTask) task = NULL;
  guint n;

  if (self->paths == NULL || self->paths[0] == NULL)
    return;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (Job, 1);
  job->catalog_path = g_strdup (bridge_catalog_get_path (bridge_context_get_catalog (self->context)));
  job->paths = g_strdupv (self->paths);
  job->options.min_responses = (guint) gtk_spin_button_get_value_as_int (self->min_responses);
  job->options.threshold = gtk_spin_button_get_value (self->threshold) / 100.0;
  job->options.comments = FALSE;

  n = g_strv_length (self->paths);
  {
    /* Translators: while the report is made; %u is how many files or folders */
    g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "Adding up %u plan or folder…",
                                                          "Adding up %u plans or folders…", n), n);
    gtk_label_set_text (self->busy_label, text);
  }
  gtk_stack_set_visible_child_name (self->stack, "busy");
  gtk_widget_grab_focus (self->cancel_button);

  task = g_task_new (self, self->cancellable, report_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, run_report);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, report_thread);
}

void
bridge_report_window_open_paths (BridgeReportWindow *self,
                                 const char * const *paths)
{
  g_return_if_fail (BRIDGE_IS_REPORT_WINDOW (self));
  g_return_if_fail (paths != NULL);

  g_strfreev (self->paths);
  self->paths = g_strdupv ((char **) paths);
  run_report (self);
}

gboolean
bridge_report_window_is_busy (BridgeReportWindow *self)
{
  g_return_val_if_fail (BRIDGE_IS_REPORT_WINDOW (self), FALSE);
  return self->cancellable != NULL;
}

static void
option_changed_cb (BridgeReportWindow *self)
{
  run_report (self);
}

/* ---- Actions ---- */

static void
choose_response_cb (GtkNativeDialog    *dialog,
                    int                 response,
                    BridgeReportWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      if (paths->len > 1)
        bridge_report_window_open_paths (self, (const char * const *) paths->pdata);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BridgeReportWindow *self = BRIDGE_REPORT_WINDOW (widget);
  gboolean folder = g_strcmp0 (action_name, "report.open-folder") == 0;
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (folder ? _("Open a Folder of Plans") : _("Open Plans"),
                                        GTK_WINDOW (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                               : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (!folder)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
      gtk_file_filter_set_name (filter, _("Credit Bridge plans"));
      gtk_file_filter_add_pattern (filter, "*.creditplan");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
      g_object_unref (filter);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (choose_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BridgeReportWindow *self = BRIDGE_REPORT_WINDOW (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

typedef struct
{
  BridgeReportWindow *self;
  char               *text;               /* NULL: the PDF */
} Export;

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    Export          *export)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      gboolean saved = FALSE;

      if (path != NULL && export->text != NULL)
        saved = g_file_set_contents (path, export->text, -1, &error);
      else if (path != NULL && export->self->result != NULL)
        saved = bridge_report_export_pdf (export->self->result->report,
                                          bridge_context_get_catalog (export->self->context),
                                          path, &error);
      if (saved)
        /* Translators: %s is the file's name */
        message = g_strdup_printf (_("The report was saved as %s"), name);
      else
        /* Translators: %s is the file's name, then why */
        message = g_strdup_printf (_("The report could not be saved as %s: %s"), name,
                                   error != NULL ? error->message : _("not a local file"));
      bridge_gui_toast (GTK_WIDGET (export->self), message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (export->self);
  g_free (export->text);
  g_free (export);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BridgeReportWindow *self = BRIDGE_REPORT_WINDOW (widget);
  const char *format = g_variant_get_string (param, NULL);
  GtkFileChooserNative *dialog;
  Export *export;
  const char *name;

  if (self->result == NULL)
    return;
  export = g_new0 (Export, 1);
  export->self = g_object_ref (self);
  if (g_str_equal (format, "pairs"))
    {
      export->text = g_strdup (self->result->csv_pairs);
      name = "report-pairs.csv";
    }
  else if (g_str_equal (format, "courses"))
    {
      export->text = g_strdup (self->result->csv_courses);
      name = "report-courses.csv";
    }
  else if (g_str_equal (format, "pdf"))
    name = "report.pdf";
  else
    {
      export->text = g_strdup (self->result->json);
      name = "report.json";
    }
  dialog = gtk_file_chooser_native_new (_("Export the Report"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- The window ---- */

static GtkWidget *
section_new (GtkWidget  *box,
             const char *title,
             const char *description,
             GtkWidget  *child)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), child);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

/* A table that scrolls sideways in a narrow window. */
static GtkGrid *
table_new (GtkWidget  *box,
           const char *title,
           const char *description)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 14);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);
  gtk_widget_add_css_class (scrolled, "card");
  /* Reached with Tab, so that Ctrl+Left and Ctrl+Right scroll a table wider
   * than the window. */
  gtk_widget_set_focusable (scrolled, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  section_new (box, title, description, scrolled);
  return GTK_GRID (grid);
}

static GtkSpinButton *
spin_row_new (GtkWidget  *group,
              const char *title,
              const char *subtitle,
              double      lower,
              double      upper,
              double      value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (lower, upper, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return GTK_SPIN_BUTTON (spin);
}

static GtkWidget *
build_report_page (BridgeReportWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *options = adw_preferences_group_new ();

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1000);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->overall = adw_preferences_group_new ();
  gtk_box_append (GTK_BOX (box), self->overall);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (options), _("What the Report Shows"));
  self->min_responses = spin_row_new (options, _("Responses needed for a mean"),
                                      _("A course with fewer shows its counts but no means"),
                                      1, 1000, BRIDGE_REPORT_DEFAULT_MIN_RESPONSES);
  self->threshold = spin_row_new (options, _("Workload threshold (%)"),
                                  _("Reported hours this far from the declared ones are flagged"),
                                  1, 1000, 100 * BRIDGE_REPORT_DEFAULT_THRESHOLD);
  gtk_box_append (GTK_BOX (box), options);
  g_signal_connect_swapped (self->min_responses, "value-changed", G_CALLBACK (option_changed_cb), self);
  g_signal_connect_swapped (self->threshold, "value-changed", G_CALLBACK (option_changed_cb), self);

  {
    const char *workload = _("Declared and Reported Workload");
    const char *rate = _("Recognition Rate by University Pair");

    self->workload_chart = chart_new (self, _("Each course’s reported mean hours against its declared "
                                              "hours, with the band of the threshold"));
    section_new (box, workload,
                 _("The line is the declared workload, the band ± the threshold, the dot the reported mean"),
                 chart_card_new (self->workload_chart, workload));
    self->rate_chart = chart_new (self, _("The recognition rate of each pair of universities"));
    section_new (box, rate, NULL, chart_card_new (self->rate_chart, rate));
    g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                             G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  }
  self->courses = table_new (box, _("Host Courses"),
                             _("Deviation is the reported mean over the declared hours, less one"));
  self->pairs = table_new (box, _("University Pairs"), NULL);

  self->skipped = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->skipped, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->skipped), "boxed-list");
  self->skipped_group = section_new (box, _("Files Left Out"),
                                     _("These files are not in the report; open them to see what is wrong"),
                                     GTK_WIDGET (self->skipped));
  return scrolled;
}

static GtkWidget *
build_busy_page (BridgeReportWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_spinner_start (GTK_SPINNER (spinner));
  self->busy_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->busy_label, TRUE);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "report.cancel");
  gtk_widget_set_halign (self->cancel_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->cancel_button, "pill");
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->busy_label));
  gtk_box_append (GTK_BOX (box), self->cancel_button);
  return box;
}

static GtkWidget *
status_page_new (const char *title,
                 const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "x-office-spreadsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  return page;
}

/* What a first-time user sees: what the report is, and the two ways in as
 * buttons, not only as icons in the header bar. */
static GtkWidget *
build_empty_page (void)
{
  GtkWidget *page = status_page_new (_("No Plans Yet"),
                                     _("Open the plans of your students, or a folder of them, "
                                       "to see how much was recognised and whether the declared "
                                       "workloads hold. Names never appear in the report."));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *files = gtk_button_new_with_mnemonic (_("_Open Plans…"));
  GtkWidget *folder = gtk_button_new_with_mnemonic (_("Open a _Folder…"));

  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (files), "report.open-files");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (folder), "report.open-folder");
  gtk_widget_add_css_class (files, "pill");
  gtk_widget_add_css_class (files, "suggested-action");
  gtk_widget_add_css_class (folder, "pill");
  gtk_box_append (GTK_BOX (buttons), files);
  gtk_box_append (GTK_BOX (buttons), folder);
  adw_status_page_set_child (ADW_STATUS_PAGE (page), buttons);
  return page;
}

static GMenuModel *
export_menu_new (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("Report as _JSON…"), "report.export::json");
  g_menu_append (menu, _("Host Courses as _CSV…"), "report.export::courses");
  g_menu_append (menu, _("University _Pairs as CSV…"), "report.export::pairs");
  g_menu_append (menu, _("Report as P_DF…"), "report.export::pdf");
  return G_MENU_MODEL (menu);
}

static void
bridge_report_window_dispose (GObject *object)
{
  BridgeReportWindow *self = BRIDGE_REPORT_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->result, result_free);
  g_clear_pointer (&self->paths, g_strfreev);
  G_OBJECT_CLASS (bridge_report_window_parent_class)->dispose (object);
}

static void
bridge_report_window_class_init (BridgeReportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bridge_report_window_dispose;
  gtk_widget_class_install_action (widget_class, "report.open-files", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "report.open-folder", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "report.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "report.export", "s", export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "report.open-files", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "report.open-folder", NULL);
}

static void
bridge_report_window_init (BridgeReportWindow *self)
{
  GtkWidget *view = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *files = gtk_button_new_from_icon_name ("document-open-symbolic");
  GtkWidget *folder = gtk_button_new_from_icon_name ("folder-symbolic");
  g_autoptr(GMenuModel) menu = export_menu_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *error_page;

  gtk_window_set_title (GTK_WINDOW (self), _("Recognition Report"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1000, 720);
  gtk_widget_set_size_request (GTK_WIDGET (self), 360, 300);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (files), "report.open-files");
  gtk_widget_set_tooltip_text (files, _("Open one or more plans (Ctrl+O)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (files), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open one or more plans"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (folder), "report.open-folder");
  gtk_widget_set_tooltip_text (folder, _("Open a folder of plans (Ctrl+Shift+O)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (folder), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Open a folder of plans"), -1);
  self->export_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->export_button), _("_Export…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->export_button), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->export_button), menu);
  gtk_widget_set_sensitive (self->export_button, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), files);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), folder);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, build_empty_page (), "empty");
  gtk_stack_add_named (self->stack, build_busy_page (self), "busy");
  gtk_stack_add_named (self->stack, build_report_page (self), "report");
  error_page = status_page_new (_("No Report"), NULL);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  adw_status_page_set_child (ADW_STATUS_PAGE (error_page), GTK_WIDGET (self->error_label));
  gtk_stack_add_named (self->stack, error_page, "error");
  gtk_stack_set_visible_child_name (self->stack, "empty");

  gtk_box_append (GTK_BOX (view), header);
  gtk_box_append (GTK_BOX (view), GTK_WIDGET (self->stack));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), view);
  adw_window_set_content (ADW_WINDOW (self), overlay);
}

GtkWidget *
bridge_report_window_new (GtkWindow     *parent,
                          BridgeContext *context)
{
  BridgeReportWindow *self;

  g_return_val_if_fail (BRIDGE_IS_CONTEXT (context), NULL);

  self = g_object_new (BRIDGE_TYPE_REPORT_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->context = g_object_ref (context);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  return GTK_WIDGET (self);
}

GtkWidget *
bridge_report_window_get_child (BridgeReportWindow *self,
                                const char         *name)
{
  g_return_val_if_fail (BRIDGE_IS_REPORT_WINDOW (self), NULL);

  if (g_str_equal (name, "stack"))
    return GTK_WIDGET (self->stack);
  if (g_str_equal (name, "min-responses"))
    return GTK_WIDGET (self->min_responses);
  if (g_str_equal (name, "threshold"))
    return GTK_WIDGET (self->threshold);
  if (g_str_equal (name, "overall"))
    return self->overall;
  if (g_str_equal (name, "courses"))
    return GTK_WIDGET (self->courses);
  if (g_str_equal (name, "pairs"))
    return GTK_WIDGET (self->pairs);
  if (g_str_equal (name, "skipped"))
    return GTK_WIDGET (self->skipped);
  if (g_str_equal (name, "workload-chart"))
    return self->workload_chart;
  if (g_str_equal (name, "rate-chart"))
    return self->rate_chart;
  if (g_str_equal (name, "page"))
    return gtk_stack_get_child_by_name (self->stack, "report");
  if (g_str_equal (name, "cancel"))
    return self->cancel_button;
  g_return_val_if_reached (NULL);
}
