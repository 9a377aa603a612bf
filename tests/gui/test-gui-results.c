/* test-gui-results.c: the grades after the stay, through the real widgets
 *
 * Grades are chosen in the drop-downs and typed in the mark entries as a
 * user would; the home grades the view shows must be core's for the same
 * inputs (bridge_plan_convert_grades () on a plan graded directly). The
 * feedback after the stay is entered the same way (issue 19). Writes
 * screenshot-LANG-WIDTH-STYLE-results.png and
 * screenshot-LANG-WIDTH-light-feedback.png into the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bridge-context.h"
#include "bridge-grade-preview.h"
#include "bridge-gui-util.h"
#include "bridge-results-view-private.h"
#include "gui-test-util.h"

#include "gui-plan-test.h"

typedef struct
{
  PlanFixture        fx;
  GSettings         *settings;
  BridgeContext     *context;
  BridgePlan        *plan;
  GtkWindow         *window;
  BridgeResultsView *view;
} Fixture;

/* The fixture's plan (g1 cs301 → cs305, g2 cs302 → cs306) and a third group
 * of two host courses, one of them in a field without a grading table. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *host[] = { "cqu:cs201", "cqu:ma101", NULL };
  const char *home[] = { "scu:ma120", NULL };
  g_autoptr(GError) error = NULL;

  plan_fixture_set_up (&f->fx, data);
  f->settings = bridge_gui_settings_new ();
  g_assert_nonnull (f->settings);
  g_settings_set_string (f->settings, "home-university", "scu");
  g_settings_set_string (f->settings, "conversion-rule", "midpoint");
  f->context = bridge_context_new (f->fx.catalog, f->settings);
  f->plan = plan_fixture_make_plan (&f->fx);
  g_assert_nonnull (bridge_plan_add_group (f->plan, f->fx.catalog, host, home, &error));
  g_assert_no_error (error);
  bridge_plan_set_modified (f->plan, FALSE);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1400, 1000);
  f->view = BRIDGE_RESULTS_VIEW (bridge_results_view_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  bridge_results_view_set_plan (f->view, f->context, f->plan);
  gui_test_spin (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  gui_test_spin (50);
  g_clear_object (&f->plan);
  g_clear_object (&f->context);
  g_clear_object (&f->settings);
  plan_fixture_tear_down (&f->fx, data);
}

/* Chooses @grade in the drop-down of @course, as a user would. */
static void
choose_grade (Fixture    *f,
              const char *course,
              const char *grade)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (bridge_results_view_get_grade_control (f->view, course, FALSE));
  GListModel *model;
  guint n;

  g_assert_nonnull (dropdown);
  model = gtk_drop_down_get_model (dropdown);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      const char *label = gtk_string_list_get_string (GTK_STRING_LIST (model), i);

      /* "A (90–100)", "A（90–100）" in Chinese: the label, then its band */
      if (g_str_has_prefix (label, grade) && !g_ascii_isalnum (label[strlen (grade)]))
        {
          gtk_drop_down_set_selected (dropdown, i);
          gui_test_spin (20);
          return;
        }
    }
  g_error ("no grade %s offered for %s", grade, course);
}

/* Types @mark in the entry of @course and presses Enter. */
static void
type_mark (Fixture    *f,
           const char *course,
           const char *mark)
{
  GtkWidget *entry = bridge_results_view_get_grade_control (f->view, course, TRUE);

  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), mark);
  g_signal_emit_by_name (entry, "activate");
  gui_test_spin (20);
}

/* Core's record for the same grades and rule, computed without the view. */
static GPtrArray *
core_record (Fixture            *f,
             const char * const *grades,
             const char         *rule)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (&f->fx);
  const char *host[] = { "cqu:cs201", "cqu:ma101", NULL };
  const char *home[] = { "scu:ma120", NULL };
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  g_assert_nonnull (bridge_plan_add_group (plan, f->fx.catalog, host, home, &error));
  for (guint i = 0; grades[i] != NULL; i += 2)
    {
      g_assert_true (bridge_plan_set_grade (plan, f->fx.catalog, grades[i], grades[i + 1], &error));
      g_assert_no_error (error);
    }
  records = bridge_plan_convert_grades (plan, f->fx.catalog, rule, &error);
  g_assert_no_error (error);
  return records;
}

static void
assert_shown_as_core (Fixture   *f,
                      GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      BridgePlanRecognition *r = g_ptr_array_index (records, i);
      const char *details = bridge_results_view_get_shown_details (f->view, r->course_id);

      g_assert_cmpstr (bridge_results_view_get_shown_grade (f->view, r->course_id), ==,
                       r->grade != NULL ? r->grade : "—");
      g_assert_nonnull (details);
      if (r->candidates != NULL)
        g_assert_nonnull (strstr (details, r->candidates));
      if (r->rule != NULL)
        {
          /* The rule in words, with what core says about weighting. */
          g_autofree char *rule = bridge_results_view_rule_text (r->rule);
          const char *comma = strchr (r->rule, ',');

          g_assert_nonnull (strstr (details, rule));
          g_assert_null (strstr (details, "midpoint"));
          if (comma != NULL)
            g_assert_nonnull (strstr (details, comma));
        }
      /* The reason (its first letter a capital on a line of its own). */
      if (r->reason != NULL)
        g_assert_nonnull (strstr (details, g_utf8_next_char (r->reason)));
      if (r->approximate)
        {
          g_autofree char *approx = g_strdup_printf (_("Approximate: %s"), r->reason);

          g_assert_nonnull (strstr (details, approx));
        }
    }
}

/* Before any grade: each home course shows "—" and why; looking changes nothing. */
static void
test_no_grades (Fixture       *f,
                gconstpointer  data)
{
  const char *none[] = { NULL };
  g_autoptr(GPtrArray) expected = core_record (f, none, "midpoint");

  g_assert_false (bridge_results_view_is_empty (f->view));
  g_assert_cmpuint (expected->len, ==, 3);
  assert_shown_as_core (f, expected);
  g_assert_cmpstr (bridge_results_view_get_shown_grade (f->view, "scu:cs305"), ==, "—");
  /* Nothing to come from yet. */
  g_assert_null (strstr (bridge_results_view_get_shown_details (f->view, "scu:cs305"), "=—"));
  g_assert_false (bridge_plan_get_modified (f->plan));
  g_assert_cmpuint (bridge_plan_get_recognition (f->plan)->len, ==, 0);
}

static void
test_enter_grades (Fixture       *f,
                   gconstpointer  data)
{
  const char *grades[] = { "cqu:cs301", "A", "cqu:cs302", "85", "cqu:cs201", "B", "cqu:ma101", "C", NULL };
  g_autoptr(GPtrArray) expected = core_record (f, grades, "midpoint");
  g_autofree char *approx = NULL;
  gboolean some_approximate = FALSE;

  choose_grade (f, "cqu:cs301", "A");
  g_assert_cmpstr (bridge_plan_get_grade (f->plan, "cqu:cs301"), ==, "A");
  g_assert_true (bridge_plan_get_modified (f->plan));
  type_mark (f, "cqu:cs302", "85");
  g_assert_cmpstr (bridge_plan_get_grade (f->plan, "cqu:cs302"), ==, "85");
  /* The list shows the grade the mark falls in: B (80–89.99). */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (bridge_results_view_get_grade_control (f->view, "cqu:cs302", FALSE))), ==, 2);
  choose_grade (f, "cqu:cs201", "B");
  choose_grade (f, "cqu:ma101", "C");

  /* What the view shows is what core computes for the same grades. */
  assert_shown_as_core (f, expected);
  g_assert_cmpuint (bridge_plan_get_recognition (f->plan)->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      BridgePlanRecognition *r = g_ptr_array_index (expected, i);
      BridgePlanRecognition *kept = g_ptr_array_index (bridge_plan_get_recognition (f->plan), i);

      g_assert_cmpstr (kept->grade, ==, r->grade);
      g_assert_nonnull (r->grade);
      some_approximate |= r->approximate;
    }
  /* Linear Algebra's field has no grading table: core says approximate and why. */
  g_assert_true (some_approximate);
  approx = g_strdup_printf (_("Approximate: %s"), ((BridgePlanRecognition *) g_ptr_array_index (expected, 2))->reason);
  g_assert_nonnull (strstr (bridge_results_view_get_shown_details (f->view, "scu:ma120"), approx));
}

static void
test_bad_mark (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *row;

  choose_grade (f, "cqu:cs301", "B");
  type_mark (f, "cqu:cs301", "abc");
  /* Refused with core's message; the grade chosen before stays. */
  row = bridge_results_view_get_host_row (f->view, "cqu:cs301");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "abc"));
  g_assert_cmpstr (bridge_plan_get_grade (f->plan, "cqu:cs301"), ==, "B");

  /* A mark outside every band is refused too. */
  type_mark (f, "cqu:cs301", "140");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (bridge_plan_get_grade (f->plan, "cqu:cs301"), ==, "B");

  /* A good mark clears the error. */
  type_mark (f, "cqu:cs301", "91");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (bridge_plan_get_grade (f->plan, "cqu:cs301"), ==, "91");

  /* A grade chosen in the list replaces the mark. */
  choose_grade (f, "cqu:cs301", "C");
  g_assert_cmpstr (bridge_plan_get_grade (f->plan, "cqu:cs301"), ==, "C");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bridge_results_view_get_grade_control (f->view, "cqu:cs301", TRUE))), ==, "");
  type_mark (f, "cqu:cs301", "91");

  /* Emptying the mark and choosing "No grade" takes the grade away. */
  type_mark (f, "cqu:cs301", "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (bridge_results_view_get_grade_control (f->view, "cqu:cs301", FALSE)), 0);
  gui_test_spin (20);
  g_assert_null (bridge_plan_get_grade (f->plan, "cqu:cs301"));
  g_assert_cmpstr (bridge_results_view_get_shown_grade (f->view, "scu:cs305"), ==, "—");
}

static void
test_rule (Fixture       *f,
           gconstpointer  data)
{
  const char *grades[] = { "cqu:cs301", "B", "cqu:cs302", "C", "cqu:cs201", "A", "cqu:ma101", "D", NULL };
  AdwComboRow *rule_row = bridge_results_view_get_rule_row (f->view);

  /* The default comes from Preferences. */
  g_assert_cmpuint (adw_combo_row_get_selected (rule_row), ==,
                    bridge_grade_preview_rule_position (BRIDGE_GRADE_RULE_MIDPOINT));
  choose_grade (f, "cqu:cs301", "B");
  choose_grade (f, "cqu:cs302", "C");
  choose_grade (f, "cqu:cs201", "A");
  choose_grade (f, "cqu:ma101", "D");

  for (BridgeGradeRule rule = BRIDGE_GRADE_RULE_MIDPOINT; rule <= BRIDGE_GRADE_RULE_WORST; rule++)
    {
      g_autoptr(GPtrArray) expected = core_record (f, grades, bridge_grade_rule_to_string (rule));

      adw_combo_row_set_selected (rule_row, bridge_grade_preview_rule_position (rule));
      gui_test_spin (20);
      assert_shown_as_core (f, expected);
    }
}

/* The rule of Preferences applies, as it changes, until the plan has a
 * record made with a rule of its own. */
static void
test_rule_from_settings (Fixture       *f,
                         gconstpointer  data)
{
  AdwComboRow *rule_row = bridge_results_view_get_rule_row (f->view);

  g_settings_set_string (f->settings, "conversion-rule", "worst");
  gui_test_spin (20);
  g_assert_cmpuint (adw_combo_row_get_selected (rule_row), ==,
                    bridge_grade_preview_rule_position (BRIDGE_GRADE_RULE_WORST));
  g_assert_false (bridge_plan_get_modified (f->plan));

  choose_grade (f, "cqu:cs301", "B");
  g_assert_true (g_str_has_prefix (((BridgePlanRecognition *) g_ptr_array_index (bridge_plan_get_recognition (f->plan), 0))->rule,
                                   "worst"));
  g_settings_set_string (f->settings, "conversion-rule", "best");
  gui_test_spin (20);
  g_assert_cmpuint (adw_combo_row_get_selected (rule_row), ==,
                    bridge_grade_preview_rule_position (BRIDGE_GRADE_RULE_WORST));
}

static void
test_save_reopen (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->fx.dir, "graded.creditplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlan) reopened = NULL;
  GtkWidget *entry;

  choose_grade (f, "cqu:cs301", "A");
  type_mark (f, "cqu:cs302", "77.5");
  adw_combo_row_set_selected (bridge_results_view_get_rule_row (f->view),
                              bridge_grade_preview_rule_position (BRIDGE_GRADE_RULE_BEST));
  gui_test_spin (20);
  g_assert_true (bridge_plan_save (f->plan, path, &error));
  g_assert_no_error (error);

  reopened = bridge_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  bridge_results_view_set_plan (f->view, f->context, reopened);
  gui_test_spin (50);

  /* The controls show the grades entered, the rule is the one used. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (bridge_results_view_get_grade_control (f->view, "cqu:cs301", FALSE))), ==, 1);
  entry = bridge_results_view_get_grade_control (f->view, "cqu:cs302", TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "77.5");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (bridge_results_view_get_grade_control (f->view, "cqu:cs302", FALSE))), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (bridge_results_view_get_rule_row (f->view)), ==,
                    bridge_grade_preview_rule_position (BRIDGE_GRADE_RULE_BEST));
  g_assert_cmpstr (bridge_results_view_get_shown_grade (f->view, "scu:cs305"), ==,
                   ((BridgePlanRecognition *) g_ptr_array_index (bridge_plan_get_recognition (reopened), 0))->grade);
  /* Showing a saved plan does not change it. */
  g_assert_false (bridge_plan_get_modified (reopened));
}

static gboolean
not_empty (gpointer data)
{
  return !bridge_results_view_is_empty (data);
}

/* The empty state, and the view following the plan as it changes elsewhere. */
static void
test_empty_and_follow (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = bridge_plan_new ();
  g_autoptr(GError) error = NULL;
  const char *host[] = { "cqu:cs301", NULL };
  const char *home[] = { "scu:cs305", NULL };

  bridge_results_view_set_plan (f->view, f->context, NULL);
  g_assert_true (bridge_results_view_is_empty (f->view));
  bridge_results_view_set_plan (f->view, f->context, plan);
  g_assert_true (bridge_results_view_is_empty (f->view));

  bridge_plan_set_home_university (plan, "scu", NULL);
  bridge_plan_set_host_university (plan, "cqu", NULL);
  g_assert_nonnull (bridge_plan_add_group (plan, f->fx.catalog, host, home, &error));
  g_assert_no_error (error);
  g_assert_true (gui_test_wait (not_empty, f->view, 2000));
  g_assert_nonnull (bridge_results_view_get_grade_control (f->view, "cqu:cs301", FALSE));
  g_assert_cmpstr (bridge_results_view_get_shown_grade (f->view, "scu:cs305"), ==, "—");
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const int widths[] = { 1400, 360 };

  choose_grade (f, "cqu:cs301", "A");
  type_mark (f, "cqu:cs302", "85");
  choose_grade (f, "cqu:cs201", "B");

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (int dark = 0; dark <= 1; dark++)
      {
        g_autofree char *name = g_strdup_printf ("screenshot-%s-%d-%s-results.png", gui_plan_test_lang (), widths[w],
                                                 dark ? "dark" : "light");
        g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

        adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
        gtk_window_set_default_size (f->window, widths[w], 1600);
        gui_test_spin (400);
        gui_test_screenshot (GTK_WIDGET (f->window), path);
        g_test_message ("wrote %s", path);
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Feedback after the stay (issue 19) ---------------------------------------- */

static BridgeFeedbackRow *
feedback_row (Fixture    *f,
              const char *course)
{
  BridgeFeedbackRow *row = bridge_results_view_get_feedback_row (f->view, course);

  g_assert_nonnull (row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  return row;
}

/* Types @hours in the row's entry and presses Enter. */
static void
type_hours (BridgeFeedbackRow *row,
            const char        *hours)
{
  GtkWidget *entry = bridge_feedback_row_get_hours_entry (row);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), hours);
  g_signal_emit_by_name (entry, "activate");
  gui_test_spin (20);
}

static void
choose_rating (BridgeFeedbackRow *row,
               guint              rating)
{
  adw_combo_row_set_selected (bridge_feedback_row_get_rating_row (row), rating);
  gui_test_spin (20);
}

/* Types @comment in the comment row and presses Enter (AdwEntryRow's "apply"). */
static void
type_comment (BridgeFeedbackRow *row,
              const char        *comment)
{
  GtkWidget *entry = bridge_feedback_row_get_comment_row (row);

  gtk_editable_set_text (GTK_EDITABLE (entry), comment);
  g_signal_emit_by_name (entry, "apply");
  gui_test_spin (20);
}

static void
assert_feedback (BridgePlan *plan,
                 const char *course,
                 double      hours,
                 guint       rating,
                 const char *comment)
{
  const BridgePlanFeedback *fb = bridge_plan_get_feedback (plan, course);

  g_assert_nonnull (fb);
  g_assert_cmpfloat (fb->hours, ==, hours);
  g_assert_cmpuint (fb->rating, ==, rating);
  g_assert_cmpstr (fb->comment, ==, comment);
}

/* The rating list offers core's labels, "1 — very dissatisfied" first. */
static void
test_feedback_ratings (Fixture       *f,
                       gconstpointer  data)
{
  BridgeFeedbackRow *row = feedback_row (f, "cqu:cs301");
  GListModel *model = adw_combo_row_get_model (bridge_feedback_row_get_rating_row (row));

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 6);
  for (guint r = 1; r <= 5; r++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), r), ==,
                     bridge_plan_feedback_rating_get_label (r));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, _("Not given yet"));
  g_assert_false (gtk_widget_get_sensitive (bridge_feedback_row_get_clear_button (row)));
}

/* Entered field by field as a user would: nothing is kept until both the
 * hours and a rating are there; then the plan holds what was typed. */
static void
test_feedback_enter (Fixture       *f,
                     gconstpointer  data)
{
  BridgeFeedbackRow *row = feedback_row (f, "cqu:cs301");
  g_autofree char *digest = bridge_plan_get_agreement_digest (f->plan);
  g_autofree char *after = NULL;
  g_autofree char *summary = NULL;

  type_hours (row, "96.5");
  g_assert_null (bridge_plan_get_feedback (f->plan, "cqu:cs301"));
  g_assert_false (bridge_plan_get_modified (f->plan));
  g_assert_null (bridge_feedback_row_get_error (row));

  choose_rating (row, 4);
  assert_feedback (f->plan, "cqu:cs301", 96.5, 4, NULL);
  g_assert_true (bridge_plan_get_modified (f->plan));
  summary = g_strdup_printf (_("%s hours · %s"), "96.5", bridge_plan_feedback_rating_get_label (4));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, summary);

  type_comment (row, "实验很多，但值得。");
  assert_feedback (f->plan, "cqu:cs301", 96.5, 4, "实验很多，但值得。");

  /* Changing the hours and leaving the field (Tab) commits them too. */
  gtk_widget_grab_focus (bridge_feedback_row_get_hours_entry (row));
  gtk_editable_set_text (GTK_EDITABLE (bridge_feedback_row_get_hours_entry (row)), "120");
  gtk_widget_grab_focus (bridge_feedback_row_get_comment_row (row));
  gui_test_spin (50);
  assert_feedback (f->plan, "cqu:cs301", 120, 4, "实验很多，但值得。");

  /* The row is still the view's (no rebuild under the user's hands). */
  g_assert_true (bridge_results_view_get_feedback_row (f->view, "cqu:cs301") == row);
  /* Feedback is not the agreement. */
  after = bridge_plan_get_agreement_digest (f->plan);
  g_assert_cmpstr (digest, ==, after);

  g_assert_true (gtk_widget_get_sensitive (bridge_feedback_row_get_clear_button (row)));
  g_signal_emit_by_name (bridge_feedback_row_get_clear_button (row), "clicked");
  gui_test_spin (20);
  g_assert_null (bridge_plan_get_feedback (f->plan, "cqu:cs301"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bridge_feedback_row_get_hours_entry (row))), ==, "");
  g_assert_cmpuint (adw_combo_row_get_selected (bridge_feedback_row_get_rating_row (row)), ==, 0);
}

typedef struct
{
  const char *path;
  const char *hours;
  const char *says;
} BadHoursCase;

static const BadHoursCase bad_hours_cases[] = {
  { "/gui/results/feedback-bad/abc", "abc", "“abc” is not a number of hours" },
  { "/gui/results/feedback-bad/zero", "0", "must be more than 0 and at most 2000, not 0" },
  { "/gui/results/feedback-bad/negative", "-4", "must be more than 0 and at most 2000, not -4" },
  { "/gui/results/feedback-bad/over-2000", "2001", "at most 2000, not 2001" },
  { "/gui/results/feedback-bad/1e400", "1e400", "“1e400” is not a number of hours" },
};

/* Core's refusal shows under the hours, and the plan keeps what it had. */
static void
test_feedback_bad_hours (Fixture       *f,
                         gconstpointer  data)
{
  const BadHoursCase *c = data;
  BridgeFeedbackRow *row = feedback_row (f, "cqu:cs302");
  g_autofree char *says = NULL;

  type_hours (row, "90");
  choose_rating (row, 3);
  assert_feedback (f->plan, "cqu:cs302", 90, 3, NULL);

  type_hours (row, c->hours);
  /* In the language of the test: core's message, translated. */
  g_assert_nonnull (bridge_feedback_row_get_error (row));
  if (g_str_equal (gui_plan_test_lang (), "en"))
    g_assert_nonnull (strstr (bridge_feedback_row_get_error (row), c->says));
  g_assert_true (gtk_widget_has_css_class (bridge_feedback_row_get_hours_entry (row), "error"));
  assert_feedback (f->plan, "cqu:cs302", 90, 3, NULL);

  /* Corrected, the error goes. */
  type_hours (row, "95");
  g_assert_null (bridge_feedback_row_get_error (row));
  g_assert_false (gtk_widget_has_css_class (bridge_feedback_row_get_hours_entry (row), "error"));
  assert_feedback (f->plan, "cqu:cs302", 95, 3, NULL);
}

/* On an approved, locked agreement: feedback is taken, the agreement's
 * digest and approvals stay, and the saved plan holds it. */
static void
test_feedback_locked (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->fx.dir, "feedback.creditplan", NULL);
  g_autofree char *digest = NULL, *digest_after = NULL;
  g_autofree char *digest_reopened = NULL;
  g_autoptr(BridgePlan) reopened = NULL;
  g_autoptr(GError) error = NULL;
  BridgeFeedbackRow *row;

  plan_fixture_approve_all (f->plan);
  g_assert_true (bridge_plan_get_locked (f->plan));
  gui_test_spin (300);
  digest = bridge_plan_get_agreement_digest (f->plan);

  row = feedback_row (f, "cqu:ma101");
  type_hours (row, "40");
  choose_rating (row, 2);
  type_comment (row, "Too fast");
  assert_feedback (f->plan, "cqu:ma101", 40, 2, "Too fast");

  digest_after = bridge_plan_get_agreement_digest (f->plan);
  g_assert_cmpstr (digest, ==, digest_after);
  g_assert_true (bridge_plan_get_locked (f->plan));
  g_assert_cmpint (bridge_plan_get_approval_state (f->plan, NULL), ==, BRIDGE_PLAN_APPROVAL_STATE_APPROVED);

  g_assert_true (bridge_plan_save (f->plan, path, &error));
  g_assert_no_error (error);
  reopened = bridge_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  assert_feedback (reopened, "cqu:ma101", 40, 2, "Too fast");
  digest_reopened = bridge_plan_get_agreement_digest (reopened);
  g_assert_cmpstr (digest, ==, digest_reopened);

  /* The reopened plan's fields show it. */
  bridge_results_view_set_plan (f->view, f->context, reopened);
  gui_test_spin (50);
  row = feedback_row (f, "cqu:ma101");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bridge_feedback_row_get_hours_entry (row))), ==, "40");
  g_assert_cmpuint (adw_combo_row_get_selected (bridge_feedback_row_get_rating_row (row)), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bridge_feedback_row_get_comment_row (row))), ==, "Too fast");
  g_assert_false (bridge_plan_get_modified (reopened));
}

static void
test_feedback_screenshots (Fixture       *f,
                           gconstpointer  data)
{
  const int widths[] = { 1400, 360 };
  BridgeFeedbackRow *row;

  choose_grade (f, "cqu:cs301", "A");
  row = feedback_row (f, "cqu:cs301");
  type_hours (row, "96.5");
  choose_rating (row, 4);
  type_comment (row, "实验很多，但值得。Labs took longer than declared.");
  row = feedback_row (f, "cqu:cs302");
  type_hours (row, "abc");
  choose_rating (row, 3);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autofree char *name = g_strdup_printf ("screenshot-%s-%d-light-feedback.png", gui_plan_test_lang (), widths[w]);
      g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

      gtk_window_set_default_size (f->window, widths[w], 1200);
      gui_test_spin (400);
      gui_test_screenshot (GTK_WIDGET (f->window), path);
      g_test_message ("wrote %s", path);
    }
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/gui/results/no-grades", test_no_grades);
  ADD ("/gui/results/enter-grades", test_enter_grades);
  ADD ("/gui/results/bad-mark", test_bad_mark);
  ADD ("/gui/results/rule", test_rule);
  ADD ("/gui/results/rule-from-settings", test_rule_from_settings);
  ADD ("/gui/results/save-reopen", test_save_reopen);
  ADD ("/gui/results/empty-and-follow", test_empty_and_follow);
  ADD ("/gui/results/screenshots", test_screenshots);
  ADD ("/gui/results/feedback-ratings", test_feedback_ratings);
  ADD ("/gui/results/feedback-enter", test_feedback_enter);
  ADD ("/gui/results/feedback-locked", test_feedback_locked);
  ADD ("/gui/results/feedback-screenshots", test_feedback_screenshots);
#undef ADD
  for (guint i = 0; i < G_N_ELEMENTS (bad_hours_cases); i++)
    g_test_add (bad_hours_cases[i].path, Fixture, &bad_hours_cases[i], fixture_set_up, test_feedback_bad_hours,
                fixture_tear_down);

  return g_test_run ();
}
