/* test-gui-words.c: one answer on screen, in people's words
 *
 * The grade preview (as the course page and the Grades page show it) with
 * the plan tests' catalog: cqu's percentage scale and table (A 10 %, B 30 %,
 * C 40 %, D 20 %) converted to scu's (优秀 20 %, 良好 40 %, 中等 30 %,
 * 及格 10 %). A typed mark and the grade list are one input, a mark off the
 * scale is the field's error under it, and the charts explain themselves.
 * Writes words-LANG-WIDTH-preview.png into the build directory to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bridge-context.h"
#include "bridge-grade-chart-private.h"
#include "bridge-grade-preview.h"
#include "bridge-gui-util.h"
#include "gui-test-util.h"

#include "gui-plan-test.h"

typedef struct
{
  PlanFixture         fx;
  GSettings          *settings;
  BridgeContext      *context;
  BridgeUniversity   *host;
  BridgeUniversity   *home;
  GtkWindow          *window;
  BridgeGradePreview *preview;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  plan_fixture_set_up (&f->fx, data);
  f->settings = bridge_gui_settings_new ();
  g_assert_nonnull (f->settings);
  g_settings_set_string (f->settings, "home-university", "scu");
  g_settings_set_string (f->settings, "conversion-rule", "midpoint");
  f->context = bridge_context_new (f->fx.catalog, f->settings);
  f->host = bridge_context_find_university (f->context, "cqu");
  f->home = bridge_context_find_university (f->context, "scu");
  g_assert_nonnull (f->host);
  g_assert_nonnull (f->home);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1400, 1000);
  f->preview = BRIDGE_GRADE_PREVIEW (bridge_grade_preview_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (f->preview));
  gtk_window_set_child (f->window, scroller);
  bridge_grade_preview_set_context (f->preview, f->context);
  bridge_grade_preview_set_pair (f->preview, f->host, f->home, "0613", BRIDGE_CYCLE_BACHELOR, "pct");
  gtk_window_present (f->window);
  gui_test_spin (100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  gui_test_spin (50);
  g_clear_object (&f->context);
  g_clear_object (&f->settings);
  plan_fixture_tear_down (&f->fx, data);
}

static gboolean
is_title (GtkWidget     *widget,
          gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
row (Fixture    *f,
     const char *title)
{
  GtkWidget *found = gui_test_find_match (GTK_WIDGET (f->preview), is_title, title);

  g_assert_nonnull (found);
  return found;
}

static gboolean
is_field_error (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "field-error");
}

/* The host chart is the first, the home chart the second. */
static BridgeGradeChart *
chart (Fixture *f,
       guint    index)
{
  GtkWidget *found = gui_test_find (GTK_WIDGET (f->preview), BRIDGE_TYPE_GRADE_CHART);

  g_assert_nonnull (found);
  if (index == 1)
    found = gtk_widget_get_next_sibling (found);
  g_assert_true (BRIDGE_IS_GRADE_CHART (found));
  return BRIDGE_GRADE_CHART (found);
}

/* The grade the list shows: its label before the band ("B (80–89.99)"). */
static char *
grade_shown (Fixture *f)
{
  AdwComboRow *grades = ADW_COMBO_ROW (row (f, _("Host grade")));
  GObject *item = adw_combo_row_get_selected_item (grades);
  const char *text = gtk_string_object_get_string (GTK_STRING_OBJECT (item));

  return g_strndup (text, strcspn (text, " （("));
}

static void
type_mark (Fixture    *f,
           const char *mark)
{
  gtk_editable_set_text (GTK_EDITABLE (row (f, _("Or type a mark or grade"))), mark);
  gui_test_spin (50);
}

/* Typing a mark moves the grade list to the grade it is; choosing a grade
 * replaces the mark: the two never say different things. */
static void
test_one_input (Fixture       *f,
                gconstpointer  data)
{
  AdwComboRow *grades = ADW_COMBO_ROW (row (f, _("Host grade")));
  GtkWidget *mark = row (f, _("Or type a mark or grade"));
  g_autofree char *shown = NULL;

  type_mark (f, "85");
  g_assert_nonnull (bridge_grade_preview_get_conversion (f->preview));
  g_assert_cmpstr (bridge_grade_preview_get_conversion (f->preview)->host_grade, ==, "B");
  shown = grade_shown (f);
  g_assert_cmpstr (shown, ==, "B");

  type_mark (f, "72");
  g_free (shown);
  shown = grade_shown (f);
  g_assert_cmpstr (shown, ==, "C");
  g_assert_cmpstr (bridge_grade_preview_get_conversion (f->preview)->host_grade, ==, "C");

  /* Choosing A in the list: the mark goes, the result is A's. */
  adw_combo_row_set_selected (grades, 0);
  gui_test_spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (mark)), ==, "");
  g_assert_cmpstr (bridge_grade_preview_get_conversion (f->preview)->host_grade, ==, "A");
}

/* A mark the scale does not have is an error on the field, said under it;
 * mending it clears the error. Each bad mark its own case. */
static void
test_mark_error (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *mark = row (f, _("Or type a mark or grade"));
  GtkWidget *error = gui_test_find_match (GTK_WIDGET (f->preview), is_field_error, NULL);
  const char *bad[] = { "105", "-3", "A+", "eighty" };

  g_assert_nonnull (error);
  g_assert_false (gtk_widget_get_visible (error));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      type_mark (f, bad[i]);
      g_assert_null (bridge_grade_preview_get_conversion (f->preview));
      g_assert_true (gtk_widget_has_css_class (mark, "error"));
      g_assert_true (gtk_widget_get_visible (error));
      g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (error)));
      g_assert_true (gtk_widget_get_mapped (error));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), !=, "");
      g_assert_cmpstr (bridge_grade_preview_get_result_text (f->preview), ==, "—");
    }
  /* Right under the mark: the next row of its list. */
  g_assert_true (gtk_widget_get_next_sibling (mark) == gtk_widget_get_parent (error));

  type_mark (f, "85");
  g_assert_false (gtk_widget_has_css_class (mark, "error"));
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_nonnull (bridge_grade_preview_get_conversion (f->preview));
}

/* The charts: bars and the cumulative line on one 0–100 % axis (C's 40 %
 * bar reaches 40 % of it, not the top), a legend, and the suggested grade
 * marked apart from the other candidates. */
static void
test_charts (Fixture       *f,
             gconstpointer  data)
{
  BridgeGradeChart *host = chart (f, 0);
  BridgeGradeChart *home = chart (f, 1);
  const BridgeGradeConversion *conversion;
  g_auto(GStrv) legend = NULL;
  g_auto(GStrv) host_legend = NULL;
  const double shares[] = { 0.10, 0.30, 0.40, 0.20 };

  type_mark (f, "85");
  conversion = bridge_grade_preview_get_conversion (f->preview);
  g_assert_nonnull (conversion);
  g_assert_cmpstr (conversion->suggested, ==, "良好");
  g_assert_cmpuint (conversion->candidates->len, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    g_assert_cmpfloat_with_epsilon (bridge_grade_chart_get_bar_fraction (host, i), shares[i], 1e-9);

  g_assert_cmpint (bridge_grade_chart_get_mark_kind (home, "良好"), ==, BRIDGE_GRADE_CHART_MARK_CHOSEN);
  g_assert_cmpint (bridge_grade_chart_get_mark_kind (home, "优秀"), ==, BRIDGE_GRADE_CHART_MARK_CANDIDATE);
  g_assert_cmpint (bridge_grade_chart_get_mark_kind (home, "及格"), ==, BRIDGE_GRADE_CHART_MARK_NONE);
  g_assert_cmpint (bridge_grade_chart_get_mark_kind (host, "B"), ==, BRIDGE_GRADE_CHART_MARK_CHOSEN);

  legend = bridge_grade_chart_dup_legend (home);
  g_assert_cmpuint (g_strv_length (legend), ==, 4);
  g_assert_cmpstr (legend[0], ==, _("Share of grades"));
  g_assert_cmpstr (legend[1], ==, _("Cumulative share"));
  g_assert_cmpstr (legend[2], ==, _("Suggested grade"));
  g_assert_cmpstr (legend[3], ==, _("Other candidates"));
  host_legend = bridge_grade_chart_dup_legend (host);
  g_assert_cmpuint (g_strv_length (host_legend), ==, 3);
  g_assert_cmpstr (host_legend[2], ==, _("Grade converted"));
}

/* A date field takes a typed ISO date and has a calendar: it opens on the
 * date written, and a day chosen is written as YYYY-MM-DD. */
static void
test_date_calendar (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *entry = adw_entry_row_new ();
  GtkWidget *button = bridge_gui_date_button_new (GTK_EDITABLE (entry));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *calendar;
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2027, 1, 20, 0, 0, 0);

  adw_entry_row_add_suffix (ADW_ENTRY_ROW (entry), button);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_window_present (GTK_WINDOW (window));
  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-09-01");
  gui_test_spin (50);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gui_test_spin (100);
  calendar = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (GTK_IS_CALENDAR (calendar));
  g_assert_true (gtk_widget_get_mapped (calendar));
  shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 9);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 1);

  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  gui_test_spin (100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2027-01-20");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)))));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_spin (50);
}

/* Pictures at a phone's and a desktop's width, with a result and with an
 * error, to look at. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const int widths[] = { 360, 1400 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *name = g_strdup_printf ("words-%s-%d-preview.png", gui_plan_test_lang (), widths[i]);
      g_autofree char *error_name = g_strdup_printf ("words-%s-%d-mark-error.png", gui_plan_test_lang (), widths[i]);
      g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
      g_autofree char *error_path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), error_name, NULL);

      gtk_window_set_default_size (f->window, widths[i], 1100);
      gui_test_spin (200);
      type_mark (f, "85");
      gui_test_spin (200);
      gui_test_screenshot (GTK_WIDGET (f->window), path);
      type_mark (f, "105");
      gui_test_spin (200);
      gui_test_screenshot (GTK_WIDGET (f->window), error_path);
    }
}

int
main (int    argc,
      char **argv)
{
  gui_test_init (&argc, &argv);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/gui/words/one-input", test_one_input);
  ADD ("/gui/words/mark-error", test_mark_error);
  ADD ("/gui/words/charts", test_charts);
  ADD ("/gui/words/date-calendar", test_date_calendar);
  ADD ("/gui/words/screenshots", test_screenshots);
#undef ADD

  return g_test_run ();
}
