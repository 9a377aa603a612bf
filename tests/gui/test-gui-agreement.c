/* test-gui-agreement.c: the Learning Agreement in the window
 *
 * One window goes through an agreement as an international office does:
 * the student's and the institutions' details, the review of each group,
 * the three approvals through their dialogs and the lock, an edit of the
 * locked plan (refused, with the way to propose it), a changes proposal
 * approved in turn, the versions, and saving and reopening it all. The
 * page is written to PNGs at 1400 and 360 px, light and dark, to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bridge-agreement-page.h"
#include "bridge-error.h"
#include "bridge-plan-page.h"
#include "bridge-plan-private.h"
#include "gui-test-util.h"

static BridgeApplication *app;
static BridgeWindow *window;
static char *tmpdir;                      /* this process's own: tests may run side by side */
static char *plan_path;
static char *host_ids[2];
static char *home_id;

static BridgeCatalog *
catalog (void)
{
  return bridge_application_get_catalog (app);
}

static BridgePlanPage *
plan_page (void)
{
  return BRIDGE_PLAN_PAGE (bridge_window_get_page (window, "plan"));
}

static BridgeAgreementPage *
page (void)
{
  return BRIDGE_AGREEMENT_PAGE (bridge_window_get_page (window, "agreement"));
}

static BridgePlan *
plan (void)
{
  return bridge_plan_page_get_plan (plan_page ());
}

static GtkWidget *
child (const char *name)
{
  GtkWidget *widget = bridge_agreement_page_get_child (page (), name);

  if (widget == NULL)
    g_error ("the agreement page has no “%s”", name);
  return widget;
}

static void
type (const char *name,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (name)), text);
}

static gboolean
marked (const char *name)
{
  return gtk_widget_has_css_class (child (name), "error");
}

static gboolean
zh_CN (void)
{
  const char *l = g_getenv ("LANGUAGE");

  return l != NULL && g_str_has_prefix (l, "zh");
}

/* The label the combo row @name shows at @position. */
static const char *
combo_label (const char *name,
             guint       position)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (child (name)));
  g_autoptr(GtkStringObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return gtk_string_object_get_string (item);     /* the model holds it */
}

/* Chooses @label in the combo row @name, as a person picks it by name. */
static void
choose (const char *name,
        const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (child (name)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (combo_label (name, i), label))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (child (name)), i);
        return;
      }
  g_error ("“%s” offers no “%s”", name, label);
}

/* The line under the detail @name that says why its value was refused:
 * NULL when it is hidden. */
static const char *
problem_shown (const char *name)
{
  g_autofree char *key = g_strconcat (name, "-problem", NULL);
  GtkWidget *label = child (key);

  if (!gtk_widget_get_visible (label) || !gtk_widget_get_visible (gtk_widget_get_parent (label)))
    return NULL;
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  return gtk_label_get_text (GTK_LABEL (label));
}

/* The status card says @format, filled in. */
static void assert_status (const char *format, ...) G_GNUC_PRINTF (1, 2);

static void
assert_status (const char *format,
               ...)
{
  g_autofree char *expected = NULL;
  va_list args;

  va_start (args, format);
  expected = g_strdup_vprintf (format, args);
  va_end (args);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child ("status-title"))), ==, expected);
}

/* Writes what @widget shows to agreement-LANG-@what.png in the build folder. */
static void
shoot (GtkWidget  *widget,
       const char *what)
{
  const char *l = g_getenv ("LANGUAGE");
  g_autofree char *name = g_strdup_printf ("agreement-%s-%s.png",
                                           l != NULL && g_str_has_prefix (l, "zh") ? "zh_CN" : "en", what);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  gui_test_spin (300);
  gui_test_screenshot (widget, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("wrote %s", path);
}

static void
click (const char *name)
{
  g_signal_emit_by_name (child (name), "clicked");
}

/* The widget named @name (gtk_widget_set_name) under @root. */
static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A mapped widget under @root showing @text (a label, or a menu button's label). */
static GtkWidget *
find_text (GtkWidget  *root,
           const char *text)
{
  if (!gtk_widget_get_visible (root) || !gtk_widget_get_child_visible (root))
    return NULL;
  if ((GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0) ||
      (GTK_IS_MENU_BUTTON (root) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (root)), text) == 0))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_text (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
dialog (void)
{
  AdwMessageDialog *d = bridge_agreement_page_get_dialog (page ());

  g_assert_nonnull (d);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (d)));
  return d;
}

static void
respond (AdwMessageDialog *d,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (d, response));
  adw_message_dialog_response (d, response);
  gtk_window_destroy (GTK_WINDOW (d));
  gui_test_spin (50);
}

/* A host course and a home course of the demo catalog, by search. */
static char *
find_course (const char *university,
             const char *text,
             guint       index)
{
  return gui_test_find_course (app, university, text, index);
}

static void
test_setup (void)
{
  g_autoptr(GError) error = NULL;

  window = gui_test_window (app, 1400, 900);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (gui_test_wait_state (window, "welcome", 60000));
  gui_test_first_run (window, "scu");

  host_ids[0] = find_course ("cqu", "", 0);
  host_ids[1] = find_course ("cqu", "", 1);
  home_id = find_course ("scu", "", 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BridgeCourse) course = bridge_catalog_get_course (catalog (), host_ids[i], &error);

      g_assert_no_error (error);
      g_assert_true (bridge_plan_page_add_course (plan_page (), course, &error));
      g_assert_no_error (error);
    }
  g_assert_true (bridge_plan_page_add_home_course (plan_page (), 0, home_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan ()), ==, 2);

  /* The page shows the window's plan, and follows it when it is replaced. */
  bridge_window_show_page (window, "agreement");
  gui_test_spin (100);
  g_assert_true (bridge_agreement_page_get_plan (page ()) == plan ());
  assert_status (_("Draft — %u of 3 Approvals"), 0);
  /* A new plan took the home programme's cycle and field. */
  g_assert_nonnull (bridge_plan_get_student (plan ())->isced);
}

/* The student's details go into the plan as typed; a value that does not
 * pass its check is marked and not written. */
static void
test_student_details (void)
{
  const BridgePlanStudent *s;

  type ("student-name", "李华");
  type ("student-number", "2023141460001");
  type ("student-email", "lihua@stu.scu.edu.cn");
  type ("student-birth-date", "2004-05-17");
  choose ("student-nationality", zh_CN () ? "中国" : "China");
  type ("student-isced", "0613");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child ("student-cycle")), BRIDGE_CYCLE_MASTER);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child ("student-cefr")), 4);      /* B2 */

  s = bridge_plan_get_student (plan ());
  g_assert_cmpstr (s->name, ==, "李华");
  g_assert_cmpstr (bridge_plan_get_student_name (plan ()), ==, "李华");
  g_assert_cmpstr (s->student_number, ==, "2023141460001");
  g_assert_cmpstr (s->email, ==, "lihua@stu.scu.edu.cn");
  g_assert_cmpstr (s->birth_date, ==, "2004-05-17");
  g_assert_cmpstr (s->nationality, ==, "CN");
  g_assert_cmpstr (s->isced, ==, "0613");
  g_assert_cmpint (s->cycle, ==, BRIDGE_CYCLE_MASTER);
  g_assert_cmpstr (s->cefr, ==, "B2");
  g_assert_false (marked ("student-email"));
  /* The field's name is shown beside its code. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child ("student-isced-label"))), !=, "");
  g_assert_true (bridge_plan_get_modified (plan ()));
}

/* A refused e-mail is said under the field, in words, not only in a
 * tooltip; the plan keeps the value it had. */
static void
test_bad_email (void)
{
  const char *shown;

  g_assert_null (problem_shown ("student-email"));
  type ("student-email", "lihua.stu.scu.edu.cn");
  g_assert_true (marked ("student-email"));
  shown = problem_shown ("student-email");
  g_assert_nonnull (shown);
  g_assert_nonnull (strstr (shown, "lihua.stu.scu.edu.cn"));
  gtk_widget_grab_focus (child ("student-email"));      /* scrolled to it */
  shoot (GTK_WIDGET (window), "bad-email");
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  g_assert_cmpstr (bridge_plan_get_student (plan ())->email, ==, "lihua@stu.scu.edu.cn");
  type ("student-email", "lihua@stu.scu.edu.cn");
  g_assert_false (marked ("student-email"));
  g_assert_null (problem_shown ("student-email"));
}

/* The same for an institution's e-mail, whose row is in an expander. */
static void
test_bad_contact_email (void)
{
  type ("receiving-contact-email", "office-at-cqu");
  g_assert_true (marked ("receiving-contact-email"));
  g_assert_nonnull (problem_shown ("receiving-contact-email"));
  g_assert_null (bridge_plan_get_institution (plan (), BRIDGE_PLAN_SIDE_HOST)->contact.email);
  type ("receiving-contact-email", "");
  gui_test_spin (50);
  g_assert_null (problem_shown ("receiving-contact-email"));
}

static void
test_bad_date (void)
{
  type ("student-birth-date", "2004-02-30");
  g_assert_true (marked ("student-birth-date"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (child ("student-birth-date")));
  type ("student-birth-date", "17/05/2004");
  g_assert_true (marked ("student-birth-date"));
  g_assert_cmpstr (bridge_plan_get_student (plan ())->birth_date, ==, "2004-05-17");
  type ("student-birth-date", "2004-05-17");
  g_assert_false (marked ("student-birth-date"));
}

/* A detail the plan refuses is marked with core's own message, word for
 * word: the form checks nothing itself (issue 16). Each case is a field
 * and a value the plan's setter refuses. */
typedef struct
{
  const char *name;
  const char *value;
} RefusedCase;

static const RefusedCase refused_cases[] = {
  { "student-email", "li.hua-at-scu" },
  { "student-birth-date", "2004-13-01" },
  { "student-isced", "0613x" },
  { "sending-email", "wang-at-scu" },
  { "receiving-contact-email", "office@" },
  { "start-date", "2026-02-30" },
  { "end-date", "31.01.2027" },
  { "academic-year", "2026/2028" },
};

/* What the plan's setter answers when @name is given @value. */
static char *
core_refusal (const char *name,
              const char *value)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_has_prefix (name, "student-"))
    {
      g_auto(BridgePlanStudent) s = { 0 };
      char **member;

      bridge_plan_student_copy (bridge_plan_get_student (plan ()), &s);
      member = g_str_equal (name, "student-email") ? &s.email
               : g_str_equal (name, "student-birth-date") ? &s.birth_date : &s.isced;
      g_free (*member);
      *member = g_strdup (value);
      ok = bridge_plan_set_student (plan (), &s, &error);
    }
  else if (g_str_has_prefix (name, "sending-") || g_str_has_prefix (name, "receiving-"))
    {
      BridgePlanSide side = g_str_has_prefix (name, "sending-") ? BRIDGE_PLAN_SIDE_HOME : BRIDGE_PLAN_SIDE_HOST;
      g_auto(BridgePlanInstitution) i = { 0 };
      char **member;

      bridge_plan_institution_copy (bridge_plan_get_institution (plan (), side), &i);
      member = strstr (name, "contact") != NULL ? &i.contact.email : &i.responsible.email;
      g_free (*member);
      *member = g_strdup (value);
      ok = bridge_plan_set_institution (plan (), side, &i, &error);
    }
  else if (g_str_equal (name, "start-date"))
    ok = bridge_plan_set_dates (plan (), value, bridge_plan_get_end_date (plan ()), &error);
  else if (g_str_equal (name, "end-date"))
    ok = bridge_plan_set_dates (plan (), bridge_plan_get_start_date (plan ()), value, &error);
  else
    ok = bridge_plan_set_academic_year (plan (), value, &error);
  g_assert_false (ok);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  return g_strdup (error->message);
}

static void
test_refused_as_core (gconstpointer data)
{
  const RefusedCase *c = data;
  g_autofree char *before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (child (c->name))));
  g_autofree char *expected = core_refusal (c->name, c->value);

  type (c->name, c->value);
  g_assert_true (marked (c->name));
  g_assert_cmpstr (problem_shown (c->name), ==, expected);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (child (c->name)), ==, expected);
  type (c->name, before);
  gui_test_spin (50);
  g_assert_false (marked (c->name));
  g_assert_null (problem_shown (c->name));
}

/* The nationality is chosen by name, "Not given" first and the names in
 * the order of the language shown; the plan keeps the ISO code. */
static void
test_nationality_by_name (void)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (child ("student-nationality")));
  guint n = g_list_model_get_n_items (model);

  g_assert_cmpuint (n, >, 2);
  g_assert_cmpstr (combo_label ("student-nationality", 0), ==, _("Not given"));
  for (guint i = 2; i < n; i++)
    g_assert_cmpint (g_utf8_collate (combo_label ("student-nationality", i - 1),
                                     combo_label ("student-nationality", i)), <=, 0);
  g_assert_cmpstr (combo_label ("student-nationality",
                                adw_combo_row_get_selected (ADW_COMBO_ROW (child ("student-nationality")))),
                   ==, zh_CN () ? "中国" : "China");

  choose ("student-nationality", zh_CN () ? "德国" : "Germany");
  g_assert_cmpstr (bridge_plan_get_student (plan ())->nationality, ==, "DE");
  choose ("student-nationality", _("Not given"));
  g_assert_null (bridge_plan_get_student (plan ())->nationality);
  choose ("student-nationality", zh_CN () ? "中国" : "China");
  g_assert_cmpstr (bridge_plan_get_student (plan ())->nationality, ==, "CN");
}

/* Institutions and the mobility period; the university comes from the plan. */
static void
test_institutions_and_mobility (void)
{
  const BridgePlanInstitution *sending, *receiving;

  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child ("sending-university"))), !=, "");
  type ("sending-faculty", "计算机学院");
  type ("sending-name", "王老师");
  type ("sending-position", "国际交流协调人");
  type ("sending-email", "wang@scu.edu.cn");
  type ("receiving-faculty", "数学与统计学院");
  type ("receiving-name", "Dr. Chen");
  type ("receiving-position", "Exchange Coordinator");
  type ("receiving-email", "chen@cqu.edu.cn");
  type ("start-date", "2026-09-01");
  type ("end-date", "2027-01-20");
  type ("academic-year", "2026/2027");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child ("provisions"))),
                            "未完成的课程按学校规定处理。", -1);

  sending = bridge_plan_get_institution (plan (), BRIDGE_PLAN_SIDE_HOME);
  receiving = bridge_plan_get_institution (plan (), BRIDGE_PLAN_SIDE_HOST);
  g_assert_cmpstr (sending->university, ==, "scu");
  g_assert_cmpstr (sending->faculty, ==, "计算机学院");
  g_assert_cmpstr (sending->responsible.name, ==, "王老师");
  g_assert_cmpstr (sending->responsible.email, ==, "wang@scu.edu.cn");
  g_assert_cmpstr (receiving->university, ==, "cqu");
  g_assert_cmpstr (receiving->responsible.position, ==, "Exchange Coordinator");
  g_assert_cmpstr (bridge_plan_get_start_date (plan ()), ==, "2026-09-01");
  g_assert_cmpstr (bridge_plan_get_end_date (plan ()), ==, "2027-01-20");
  g_assert_cmpstr (bridge_plan_get_academic_year (plan ()), ==, "2026/2027");
  g_assert_cmpstr (bridge_plan_get_provisions (plan ()), ==, "未完成的课程按学校规定处理。");

  /* Ticking a term adds it to the mobility period. */
  {
    GtkWidget *check = gui_test_find (child ("terms"), GTK_TYPE_CHECK_BUTTON);
    const char * const *terms;

    g_assert_nonnull (check);
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    terms = bridge_plan_get_terms (plan ());
    g_assert_nonnull (terms);
    g_assert_nonnull (terms[0]);
    g_assert_true (gui_test_find (child ("terms"), GTK_TYPE_CHECK_BUTTON) == check);
  }

  /* The end before the start is refused; so is an academic year that is not one. */
  type ("end-date", "2026-08-01");
  g_assert_true (marked ("end-date"));
  g_assert_cmpstr (bridge_plan_get_end_date (plan ()), ==, "2027-01-20");
  type ("end-date", "2027-01-20");
  type ("academic-year", "2026/2028");
  g_assert_true (marked ("academic-year"));
  g_assert_cmpstr (bridge_plan_get_academic_year (plan ()), ==, "2026/2027");
  type ("academic-year", "2026/2027");
}

/* A status and a comment per group, a comment per component. */
static void
test_review (void)
{
  BridgePlanGroup *group = bridge_plan_get_group (plan (), 0);
  GtkWidget *status = bridge_agreement_page_get_review_child (page (), 0, 0, NULL, "status");
  GtkWidget *comment = bridge_agreement_page_get_review_child (page (), 0, 0, NULL, "comment");
  GtkWidget *component = bridge_agreement_page_get_review_child (page (), 0, BRIDGE_PLAN_SIDE_HOST,
                                                                 host_ids[0], "comment");

  g_assert_nonnull (status);
  g_assert_nonnull (comment);
  g_assert_nonnull (component);
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), BRIDGE_PLAN_GROUP_NEEDS_CHANGE);
  g_assert_cmpint (bridge_plan_group_get_status (group), ==, BRIDGE_PLAN_GROUP_NEEDS_CHANGE);
  gtk_editable_set_text (GTK_EDITABLE (comment), "请补充课程大纲");
  g_assert_cmpstr (bridge_plan_group_get_comment (group), ==, "请补充课程大纲");
  gtk_editable_set_text (GTK_EDITABLE (component), "Syllabus 2026 attached");
  g_assert_cmpstr (bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, 0)->comment,
                   ==, "Syllabus 2026 attached");

  /* The same widgets stay while only values change (the focus is kept). */
  g_assert_true (bridge_agreement_page_get_review_child (page (), 0, 0, NULL, "status") == status);
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), BRIDGE_PLAN_GROUP_APPROVED);
  g_assert_cmpint (bridge_plan_group_get_status (group), ==, BRIDGE_PLAN_GROUP_APPROVED);
  g_assert_cmpstr (adw_combo_row_get_selected_item (ADW_COMBO_ROW (status)) != NULL
                   ? gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (status)))
                   : NULL, ==, bridge_plan_group_status_get_label (BRIDGE_PLAN_GROUP_APPROVED));

  /* Table B's automatic recognition flag. */
  gtk_switch_set_active (GTK_SWITCH (bridge_agreement_page_get_review_child (page (), 0, BRIDGE_PLAN_SIDE_HOME,
                                                                             home_id, "automatic")), TRUE);
  g_assert_true (bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOME, 0)->automatic);

  /* The draft's commitment, to look at. */
  {
    GtkWidget *scroller = gui_test_find (GTK_WIDGET (page ()), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_point_t point;

    gui_test_spin (300);
    g_assert_true (gtk_widget_compute_point (child ("approval-student"), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adj, point.y - 200);
    shoot (GTK_WIDGET (window), "draft-commitment");
    gtk_adjustment_set_value (adj, 0);
    shoot (GTK_WIDGET (window), "draft-top");
  }
}

/* The approve buttons of the three, insensitive with @tooltip_part in their
 * tooltip, or sensitive without one. */
static void
assert_approve_buttons (gboolean    sensitive,
                        const char *tooltip_part)
{
  for (BridgePlanRole r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
    {
      g_autofree char *name = g_strconcat ("approve-", bridge_plan_role_to_string (r), NULL);
      GtkWidget *button = child (name);
      const char *tooltip = gtk_widget_get_tooltip_text (button);

      g_assert_cmpint (gtk_widget_get_sensitive (button), ==, sensitive);
      if (sensitive)
        g_assert_null (tooltip);
      else
        {
          g_assert_nonnull (tooltip);
          g_assert_nonnull (strstr (tooltip, tooltip_part));
        }
    }
}

/* Before the first approval the page lists what the agreement lacks, as
 * core's readiness check says it, and the approve buttons wait for it. */
static void
test_checklist (void)
{
  const char *no_language = _("Choose the student’s language of instruction");
  const char *no_cefr = _("Choose the student’s CEFR level in the language of instruction");
  const char *l = g_getenv ("LANGUAGE");
  g_autoptr(GPtrArray) missing = NULL;
  GtkWidget *cefr = child ("student-cefr");
  guint level = adw_combo_row_get_selected (ADW_COMBO_ROW (cefr));

  /* No language of instruction declared yet: one item, the buttons wait. */
  missing = bridge_plan_check_ready (plan ());
  for (guint i = 0; i < missing->len; i++)
    g_test_message ("missing: %s", (char *) g_ptr_array_index (missing, i));
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==, no_language);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child ("missing-0"))), ==, no_language);
  g_assert_null (bridge_agreement_page_get_child (page (), "missing-1"));
  /* Said in the reader's language. */
  if (l != NULL && g_str_has_prefix (l, "zh"))
    {
      g_assert_cmpstr (no_language, !=, "Choose the student’s language of instruction");
      g_assert_cmpstr (no_cefr, !=, "Choose the student’s CEFR level in the language of instruction");
    }
  assert_approve_buttons (FALSE, no_language);
  {
    g_autofree char *first_line = g_strdup (gtk_widget_get_tooltip_text (child ("approve-student")));

    *strchr (first_line, '\n') = '\0';
    g_assert_cmpstr (first_line, ==, g_dngettext (GETTEXT_PACKAGE,
                                                 "The agreement cannot be approved yet; it lacks this:",
                                                 "The agreement cannot be approved yet; it lacks these:", 1));
  }

  /* No CEFR level either (the walkthrough of issue 14 locked such an agreement). */
  adw_combo_row_set_selected (ADW_COMBO_ROW (cefr), 0);
  gui_test_spin (100);
  g_assert_null (bridge_plan_get_student (plan ())->cefr);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child ("missing-1"))), ==, no_cefr);
  assert_approve_buttons (FALSE, no_cefr);
  {
    GtkWidget *scroller = gui_test_find (GTK_WIDGET (page ()), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_point_t point;

    gui_test_spin (300);
    g_assert_true (gtk_widget_compute_point (child ("missing-0"), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adj, point.y - 200);
    shoot (GTK_WIDGET (window), "checklist");
    gtk_adjustment_set_value (adj, 0);
  }

  /* Both chosen: the list goes and the buttons can be pressed. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (cefr), level);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child ("student-language")), 1);
  gui_test_spin (100);
  g_assert_nonnull (bridge_plan_get_student (plan ())->language);
  g_clear_pointer (&missing, g_ptr_array_unref);
  missing = bridge_plan_check_ready (plan ());
  g_assert_cmpuint (missing->len, ==, 0);
  g_assert_null (bridge_agreement_page_get_child (page (), "missing-0"));
  assert_approve_buttons (TRUE, NULL);
}

static void
approve (BridgePlanRole  role,
         gboolean        pending,
         const char     *name,
         const char     *position,
         const char     *email)
{
  g_autofree char *button = g_strconcat (pending ? "pending-" : "", "approve-",
                                         bridge_plan_role_to_string (role), NULL);
  AdwMessageDialog *d;

  click (button);
  d = dialog ();
  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (d), "name")), name);
  if (position != NULL)
    gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (d), "position")), position);
  if (email != NULL)
    gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (d), "email")), email);
  respond (d, "approve");
}

/* The dialogs are filled from the details; an institution's approval needs
 * a position and an email. After the third approval the plan is locked. */
static void
test_approvals (void)
{
  AdwMessageDialog *d;
  const BridgePlanApproval *a;

  /* The student: the name comes from the details. */
  click ("approve-student");
  d = dialog ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (d), "name"))), ==, "李华");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (d), "email"))), ==,
                   "lihua@stu.scu.edu.cn");
  respond (d, "approve");
  a = bridge_plan_get_approval (plan (), BRIDGE_PLAN_ROLE_STUDENT);
  g_assert_nonnull (a);
  g_assert_cmpstr (a->person.name, ==, "李华");
  g_assert_nonnull (a->timestamp);
  assert_status (_("Draft — %u of 3 Approvals"), 1);
  g_assert_true (ADW_IS_ACTION_ROW (child ("approval-student")));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child ("approval-student"))), "李华"));

  /* Changing what was approved withdraws the approval, and the page says so. */
  type ("student-number", "2023141460002");
  g_assert_null (bridge_plan_get_approval (plan (), BRIDGE_PLAN_ROLE_STUDENT));
  assert_status (_("Draft — %u of 3 Approvals"), 0);
  type ("student-number", "2023141460001");
  approve (BRIDGE_PLAN_ROLE_STUDENT, FALSE, NULL, NULL, NULL);
  g_assert_nonnull (bridge_plan_get_approval (plan (), BRIDGE_PLAN_ROLE_STUDENT));

  /* Without a position, the sending institution cannot approve. */
  click ("approve-sending");
  d = dialog ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (GTK_WIDGET (d), "name"))), ==, "王老师");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (d), "position")), "");
  g_assert_false (adw_message_dialog_get_response_enabled (d, "approve"));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (d), "position")), "国际交流协调人");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (d), "email")), "wang-at-scu");
  g_assert_false (adw_message_dialog_get_response_enabled (d, "approve"));
  shoot (GTK_WIDGET (d), "dialog-approve");
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (d), "email")), "wang@scu.edu.cn");
  respond (d, "approve");
  a = bridge_plan_get_approval (plan (), BRIDGE_PLAN_ROLE_SENDING);
  g_assert_nonnull (a);
  g_assert_cmpstr (a->person.position, ==, "国际交流协调人");
  g_assert_false (bridge_plan_get_locked (plan ()));

  /* Withdrawn and given again. */
  {
    g_autofree char *when = g_strdup (bridge_plan_get_approval (plan (), BRIDGE_PLAN_ROLE_SENDING)->timestamp);
    AdwToast *undo;

    click ("withdraw-sending");
    g_assert_null (bridge_plan_get_approval (plan (), BRIDGE_PLAN_ROLE_SENDING));
    /* Undo gives it back as it was. */
    undo = g_object_get_data (G_OBJECT (page ()), "last-toast");
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "button-clicked");
    g_assert_nonnull (bridge_plan_get_approval (plan (), BRIDGE_PLAN_ROLE_SENDING));
    g_assert_cmpstr (bridge_plan_get_approval (plan (), BRIDGE_PLAN_ROLE_SENDING)->timestamp, ==, when);
    click ("withdraw-sending");
    approve (BRIDGE_PLAN_ROLE_SENDING, FALSE, NULL, NULL, NULL);
    g_assert_nonnull (bridge_plan_get_approval (plan (), BRIDGE_PLAN_ROLE_SENDING));
  }

  approve (BRIDGE_PLAN_ROLE_RECEIVING, FALSE, NULL, NULL, NULL);
  a = bridge_plan_get_approval (plan (), BRIDGE_PLAN_ROLE_RECEIVING);
  g_assert_cmpstr (a->person.name, ==, "Dr. Chen");
  g_assert_cmpstr (a->person.email, ==, "chen@cqu.edu.cn");

  /* Locked, and the page says so. */
  g_assert_true (bridge_plan_get_locked (plan ()));
  g_assert_cmpuint (bridge_plan_get_n_versions (plan ()), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child ("status-title"))), ==, _("Approved and Locked"));
  g_assert_true (gtk_widget_has_css_class (child ("status-icon"), "success"));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (child ("student-name"))));
  g_assert_false (gtk_widget_get_sensitive (child ("student-cycle")));
  g_assert_true (gtk_widget_get_visible (child ("changes")));
  g_assert_true (gtk_widget_get_visible (child ("versions")));
  /* No withdrawing once locked. */
  g_assert_null (bridge_agreement_page_get_child (page (), "withdraw-student"));
}

/* An edit of the locked plan is refused with core's message and changes nothing. */
static void
test_locked_edit (void)
{
  BridgePlanGroup *group = bridge_plan_get_group (plan (), 1);
  g_autofree char *before = bridge_plan_get_content_digest (plan ());
  g_autofree char *after = NULL;

  g_assert_false (bridge_plan_page_remove (plan_page (), 1, BRIDGE_PLAN_SIDE_HOST, host_ids[1]));
  g_assert_cmpuint (bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST), ==, 1);
  g_assert_cmpstr (bridge_plan_page_get_message (plan_page ()), ==,
                   _("The learning agreement is approved and locked; propose a change instead"));
  /* The toast that says so offers to propose the deletion instead. */
  g_assert_cmpstr (adw_toast_get_button_label (g_object_get_data (G_OBJECT (plan_page ()), "last-toast")), ==,
                   _("_Propose Deleting…"));
  after = bridge_plan_get_content_digest (plan ());
  g_assert_cmpstr (before, ==, after);

  /* The Plan page says so, and its buttons propose instead of adding. */
  bridge_window_show_page (window, "plan");
  gui_test_spin (100);
  g_assert_nonnull (find_text (GTK_WIDGET (plan_page ()), _("Approved and Locked")));
  g_assert_nonnull (find_text (GTK_WIDGET (plan_page ()), _("Propose Host Course…")));
  g_assert_null (find_text (GTK_WIDGET (plan_page ()), _("Add Host Course…")));
  /* and shows each group's review status */
  g_assert_nonnull (find_text (GTK_WIDGET (plan_page ()), bridge_plan_group_status_get_label (BRIDGE_PLAN_GROUP_APPROVED)));
  bridge_window_show_page (window, "agreement");

  /* Typing in a detail does not reach the plan either. */
  gtk_editable_set_text (GTK_EDITABLE (child ("student-number")), "0");
  g_assert_cmpstr (bridge_plan_get_student (plan ())->student_number, ==, "2023141460001");
}

/* A changes proposal: delete one course, add another, with the template's
 * reasons; approved by all three it becomes version 2. */
static void
test_changes (void)
{
  AdwMessageDialog *d;
  GPtrArray *pending;
  g_autofree char *added = find_course ("cqu", "", 2);
  GtkWidget *reason;

  /* Adding goes through the plan's course chooser. */
  g_assert_true (GTK_IS_MENU_BUTTON (child ("propose-add")));

  /* Deleting the second group's course: reasons for deleting only. */
  g_signal_emit_by_name (bridge_agreement_page_get_review_child (page (), 1, BRIDGE_PLAN_SIDE_HOST,
                                                                 host_ids[1], "propose-delete"), "clicked");
  d = dialog ();
  reason = find_named (GTK_WIDGET (d), "reason");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (reason))), ==, 4);
  adw_combo_row_set_selected (ADW_COMBO_ROW (reason), 2);       /* timetable conflict */
  shoot (GTK_WIDGET (d), "dialog-propose");
  respond (d, "propose");
  pending = bridge_plan_get_pending_changes (plan ());
  g_assert_nonnull (pending);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpint (((BridgePlanChange *) g_ptr_array_index (pending, 0))->reason, ==,
                   BRIDGE_CHANGE_REASON_TIMETABLE_CONFLICT);

  /* Adding a course, for "another reason" that must be written out. */
  bridge_agreement_page_propose_add (page (), added);
  d = dialog ();
  reason = find_named (GTK_WIDGET (d), "reason");
  adw_combo_row_set_selected (ADW_COMBO_ROW (reason), 3);       /* other */
  g_assert_false (adw_message_dialog_get_response_enabled (d, "propose"));
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (d), "reason-text")), "替代因时间冲突删除的课程");
  respond (d, "propose");
  pending = bridge_plan_get_pending_changes (plan ());
  g_assert_cmpuint (pending->len, ==, 2);
  assert_status (_("Changes Proposed — %u of 3 Approvals"), 0);
  g_assert_true (GTK_IS_BUTTON (child ("discard-changes")));

  approve (BRIDGE_PLAN_ROLE_STUDENT, TRUE, NULL, NULL, NULL);
  approve (BRIDGE_PLAN_ROLE_SENDING, TRUE, NULL, NULL, NULL);
  g_assert_nonnull (bridge_plan_get_pending_changes (plan ()));
  approve (BRIDGE_PLAN_ROLE_RECEIVING, TRUE, NULL, NULL, NULL);

  g_assert_null (bridge_plan_get_pending_changes (plan ()));
  g_assert_cmpuint (bridge_plan_get_n_versions (plan ()), ==, 2);
  g_assert_null (bridge_plan_find_course (plan (), BRIDGE_PLAN_SIDE_HOST, host_ids[1]));
  g_assert_nonnull (bridge_plan_find_course (plan (), BRIDGE_PLAN_SIDE_HOST, added));
  g_assert_nonnull (bridge_plan_get_version_timestamp (plan (), 2));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child ("status-title"))), ==, _("Approved and Locked"));
}

/* A proposal can be dropped. */
static void
test_discard (void)
{
  g_autofree char *added = find_course ("cqu", "", 3);
  AdwMessageDialog *d;

  bridge_agreement_page_propose_add (page (), added);
  d = dialog ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (GTK_WIDGET (d), "reason")), 1);  /* extending */
  respond (d, "propose");
  g_assert_nonnull (bridge_plan_get_pending_changes (plan ()));
  click ("discard-changes");
  respond (dialog (), "discard");
  g_assert_null (bridge_plan_get_pending_changes (plan ()));
  g_assert_cmpuint (bridge_plan_get_n_versions (plan ()), ==, 2);
}

static gboolean
plan_replaced (gpointer data)
{
  return plan () != data;
}

/* Saved and opened again, the agreement is whole and the page shows it. */
static void
test_save_and_reopen (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  BridgePlan *old = plan ();
  BridgePlan *reopened;
  BridgePlanGroup *group;

  plan_path = g_build_filename (tmpdir, "agreement.creditplan", NULL);
  file = g_file_new_for_path (plan_path);
  g_assert_true (bridge_plan_page_save (plan_page (), file, &error));
  g_assert_no_error (error);
  g_assert_false (bridge_plan_page_get_modified (plan_page ()));

  bridge_window_open_plan (window, file);
  g_assert_true (gui_test_wait (plan_replaced, old, 5000));
  reopened = plan ();
  g_assert_true (bridge_agreement_page_get_plan (page ()) == reopened);

  g_assert_cmpstr (bridge_plan_get_student (reopened)->name, ==, "李华");
  g_assert_cmpstr (bridge_plan_get_student (reopened)->birth_date, ==, "2004-05-17");
  g_assert_cmpstr (bridge_plan_get_institution (reopened, BRIDGE_PLAN_SIDE_HOST)->responsible.name, ==, "Dr. Chen");
  g_assert_cmpstr (bridge_plan_get_provisions (reopened), ==, "未完成的课程按学校规定处理。");
  group = bridge_plan_get_group (reopened, 0);
  g_assert_cmpint (bridge_plan_group_get_status (group), ==, BRIDGE_PLAN_GROUP_APPROVED);
  g_assert_cmpstr (bridge_plan_group_get_comment (group), ==, "请补充课程大纲");
  g_assert_true (bridge_plan_get_locked (reopened));
  g_assert_false (bridge_plan_get_modified_after_approval (reopened));
  g_assert_cmpuint (bridge_plan_get_n_versions (reopened), ==, 2);

  /* On screen. */
  bridge_window_show_page (window, "agreement");
  gui_test_spin (100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child ("student-name"))), ==, "李华");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child ("receiving-email"))), ==, "chen@cqu.edu.cn");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child ("status-title"))), ==, _("Approved and Locked"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bridge_agreement_page_get_review_child (page (), 0, 0, NULL, "comment"))),
                   ==, "请补充课程大纲");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child ("approval-receiving"))), "Dr. Chen"));
  g_assert_false (gtk_widget_get_visible (child ("problems")));
}

/* A file edited after it was approved is shown as such. */
static void
test_modified_after_approval (void)
{
  g_autofree char *data = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *edited_path = g_build_filename (tmpdir, "edited.creditplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (edited_path);
  g_autoptr(GError) error = NULL;
  BridgePlan *old = plan ();

  g_assert_true (g_file_get_contents (plan_path, &data, NULL, &error));
  {
    g_auto(GStrv) parts = g_strsplit (data, "2023141460001", -1);

    g_assert_cmpuint (g_strv_length (parts), >=, 2);
    edited = g_strjoinv ("2023141460009", parts);
  }
  g_assert_true (g_file_set_contents (edited_path, edited, -1, &error));
  bridge_window_open_plan (window, file);
  g_assert_true (gui_test_wait (plan_replaced, old, 5000));
  g_assert_true (bridge_plan_get_modified_after_approval (plan ()));
  g_assert_true (gtk_widget_get_visible (child ("problems")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child ("status-title"))), ==, _("Not Approved"));
  g_unlink (edited_path);
}

/* A locked file whose approvals were taken out: the page says it is not
 * approved, and why, as core decides (issue 15 item 8). */
static void
test_approvals_stripped (void)
{
  g_autofree char *stripped_path = g_build_filename (tmpdir, "stripped.creditplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (stripped_path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;
  JsonObject *root;
  JsonArray *versions;
  BridgePlan *old = plan ();
  const char *description;

  g_assert_true (json_parser_load_from_file (parser, plan_path, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_array_member (root, "approvals", json_array_new ());
  versions = json_object_get_array_member (root, "versions");
  for (guint i = 0; i < json_array_get_length (versions); i++)
    json_object_set_array_member (json_array_get_object_element (versions, i), "approvals", json_array_new ());
  text = json_to_string (json_parser_get_root (parser), TRUE);
  g_assert_true (g_file_set_contents (stripped_path, text, -1, &error));

  bridge_window_open_plan (window, file);
  g_assert_true (gui_test_wait (plan_replaced, old, 5000));
  g_assert_true (bridge_plan_get_locked (plan ()));
  g_assert_cmpint (bridge_plan_get_approval_state (plan (), NULL), ==, BRIDGE_PLAN_APPROVAL_STATE_BROKEN);
  gui_test_spin (100);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child ("status-title"))), ==, _("Not Approved"));
  description = gtk_label_get_text (GTK_LABEL (child ("status-description")));
  reason = g_strdup_printf (_("version %u lacks the approval by the %s"), 1,
                            bridge_plan_role_get_label (BRIDGE_PLAN_ROLE_STUDENT));
  g_assert_nonnull (strstr (description, reason));
  g_assert_true (gtk_widget_get_visible (child ("problems")));
  g_unlink (stripped_path);
}

static guint
count_rows (GtkWidget   *list,
            const char **first_title)
{
  guint n = 0;

  *first_title = NULL;
  for (GtkWidget *c = gtk_widget_get_first_child (list); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_PREFERENCES_ROW (c))
      {
        if (n++ == 0)
          *first_title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c));
      }
  return n;
}

/* A course that left the catalog is kept, flagged, and shown. */
static void
test_unknown_course (void)
{
  g_autoptr(BridgePlan) gone = bridge_plan_new ();
  g_autoptr(BridgePlanComponent) component = bridge_plan_component_new_bare ("cqu-gone-101", "GONE101");
  g_autofree char *path = g_build_filename (tmpdir, "gone.creditplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *ids[] = { host_ids[0], NULL };
  BridgePlan *old = plan ();
  BridgePlanGroup *group;
  const char *title;

  bridge_plan_set_home_university (gone, "scu", NULL);
  bridge_plan_set_host_university (gone, "cqu", NULL);
  group = bridge_plan_add_group (gone, catalog (), ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_plan_insert_component (gone, group, BRIDGE_PLAN_SIDE_HOST, -1, component, &error));
  g_assert_true (bridge_plan_save (gone, path, &error));
  g_assert_no_error (error);

  bridge_window_open_plan (window, file);
  g_assert_true (gui_test_wait (plan_replaced, old, 5000));
  bridge_window_show_page (window, "agreement");
  gui_test_spin (100);
  g_assert_true (bridge_plan_group_find_component (bridge_plan_get_group (plan (), 0), BRIDGE_PLAN_SIDE_HOST,
                                                   "cqu-gone-101", NULL)->unknown);
  g_assert_true (gtk_widget_get_visible (child ("problems")));
  g_assert_cmpuint (count_rows (child ("problems"), &title), ==, 1);
  g_assert_nonnull (strstr (title, "GONE101"));
  g_unlink (path);
}

/* The first scrolled window on screen under @root (a status page hidden
 * in a stack has one too). */
static GtkWidget *
find_shown_scroller (GtkWidget *root)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (c))
        continue;
      if (GTK_IS_SCROLLED_WINDOW (c))
        return c;
      if ((found = find_shown_scroller (c)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
plan_shown_locked (gpointer data)
{
  BridgePlan *plan = bridge_agreement_page_get_plan (BRIDGE_AGREEMENT_PAGE (data));

  return plan != NULL && bridge_plan_get_locked (plan);
}

/* The page, to look at: 1400 and 360 px, light and dark, top to bottom, in
 * a window of that size with the saved agreement. */
/* An agreement approved elsewhere without a CEFR level cannot be edited nor
 * sent: the page says what it lacks and reopens it as a new draft, which
 * lists the same before its first approval. */
static void
test_reopen (void)
{
  g_autoptr(BridgePlan) approved = bridge_plan_new ();
  g_autofree char *path = g_build_filename (tmpdir, "approved-elsewhere.creditplan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *ids[] = { host_ids[0], NULL };
  const char *no_cefr = _("Choose the student’s CEFR level in the language of instruction");
  BridgePlanStudent student = { (char *) "李华", NULL, NULL, NULL, NULL, NULL, BRIDGE_CYCLE_BACHELOR,
                                (char *) "0613", (char *) "en", NULL };
  BridgePlanInstitution home = { (char *) "scu", NULL, { (char *) "王老师", NULL, (char *) "wang@scu.edu.cn" }, { 0 } };
  BridgePlanInstitution host = { (char *) "cqu", NULL, { (char *) "Dr. Chen", NULL, (char *) "chen@cqu.edu.cn" }, { 0 } };
  BridgePlanPerson people[] = {
    { (char *) "李华", NULL, NULL },
    { (char *) "王老师", (char *) "Coordinator", (char *) "wang@scu.edu.cn" },
    { (char *) "Dr. Chen", (char *) "Coordinator", (char *) "chen@cqu.edu.cn" },
  };
  BridgePlan *old = plan ();
  g_autofree char *mobility = NULL;
  GtkWidget *reopen;

  g_assert_true (bridge_plan_set_student (approved, &student, &error));
  g_assert_true (bridge_plan_set_institution (approved, BRIDGE_PLAN_SIDE_HOME, &home, &error));
  g_assert_true (bridge_plan_set_institution (approved, BRIDGE_PLAN_SIDE_HOST, &host, &error));
  bridge_plan_set_term (approved, "2026-autumn");
  g_assert_true (bridge_plan_set_dates (approved, "2026-09-01", "2027-01-20", &error));
  g_assert_nonnull (bridge_plan_add_group (approved, catalog (), ids, NULL, &error));
  g_assert_no_error (error);
  /* Approved as an import records it: the readiness check is not asked. */
  for (BridgePlanRole r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
    g_assert_true (bridge_plan_record_approval (approved, r, &people[r], "2026-06-01T10:00:00Z", &error));
  g_assert_true (bridge_plan_get_locked (approved));
  g_assert_true (bridge_plan_save (approved, path, &error));
  g_assert_no_error (error);

  bridge_window_open_plan (window, file);
  g_assert_true (gui_test_wait (plan_replaced, old, 5000));
  bridge_window_show_page (window, "agreement");
  gui_test_spin (100);
  g_assert_true (bridge_plan_get_locked (plan ()));
  g_assert_true (gtk_widget_get_visible (child ("problems")));
  reopen = child ("reopen-draft");
  g_assert_true (gtk_widget_get_sensitive (reopen));
  g_assert_nonnull (gtk_widget_get_tooltip_text (reopen));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (reopen, ADW_TYPE_ACTION_ROW))),
                            no_cefr));
  shoot (GTK_WIDGET (window), "reopen");

  mobility = g_strdup (bridge_plan_get_mobility_id (plan ()));
  old = plan ();
  click ("reopen-draft");
  gui_test_spin (100);
  g_assert_true (plan () != old);
  g_assert_false (bridge_plan_get_locked (plan ()));
  g_assert_true (bridge_plan_get_modified (plan ()));
  g_assert_null (bridge_plan_page_get_file (plan_page ()));
  g_assert_cmpstr (bridge_plan_get_mobility_id (plan ()), ==, mobility);
  g_assert_null (bridge_agreement_page_get_child (page (), "reopen-draft"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child ("missing-0"))), ==, no_cefr);
  assert_approve_buttons (FALSE, no_cefr);
  /* The level chosen, the draft can be approved again. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child ("student-cefr")), 4);
  gui_test_spin (100);
  g_assert_cmpstr (bridge_plan_get_student (plan ())->cefr, ==, "B2");
  g_assert_null (bridge_agreement_page_get_child (page (), "missing-0"));
  assert_approve_buttons (TRUE, NULL);
  /* The approved record was not touched. */
  {
    g_autoptr(BridgePlan) record = bridge_plan_new_from_file (path, &error);

    g_assert_no_error (error);
    g_assert_true (bridge_plan_get_locked (record));
    g_assert_null (bridge_plan_get_student (record)->cefr);
  }
  g_unlink (path);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *l = g_getenv ("LANGUAGE");
  const char *lang = l != NULL && g_str_has_prefix (l, "zh") ? "zh_CN" : "en";
  g_autoptr(GFile) file = g_file_new_for_path (plan_path);
  int widths[] = { 1400, 360 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint dark = 0; dark < 2; dark++)
      {
        BridgeWindow *shot = gui_test_window (app, widths[w], 900);
        BridgeAgreementPage *shown = BRIDGE_AGREEMENT_PAGE (bridge_window_get_page (shot, "agreement"));
        GtkWidget *scroller;
        GtkAdjustment *adj;
        int minimum;

        g_assert_true (gui_test_wait_state (shot, "main", 10000));
        adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
        bridge_window_open_plan (shot, file);
        bridge_window_show_page (shot, "agreement");
        g_assert_true (gui_test_wait (plan_shown_locked, shown, 10000));
        gui_test_spin (200);
        scroller = gui_test_find (GTK_WIDGET (shown), GTK_TYPE_SCROLLED_WINDOW);
        adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
        for (guint part = 0; part < 5; part++)
          {
            g_autofree char *name = g_strdup_printf ("agreement-%s-%d-%s-%u.png", lang, widths[w],
                                                     dark ? "dark" : "light", part);
            g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

            gtk_adjustment_set_value (adj, gtk_adjustment_get_lower (adj) +
                                      part / 4.0 * (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj)));
            gui_test_spin (200);
            gui_test_screenshot (GTK_WIDGET (shot), path);
            g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
            g_test_message ("wrote %s", path);
          }
        /* The page fits 360 px (the header bar of the window, with its
         * window buttons, is what sets the window's own minimum). */
        gtk_widget_measure (GTK_WIDGET (shown), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
        /* The Plan page of the locked agreement. */
        bridge_window_show_page (shot, "plan");
        {
          g_autofree char *what = g_strdup_printf ("%d-%s-plan", widths[w], dark ? "dark" : "light");

          g_autofree char *groups = g_strdup_printf ("%d-%s-plan-groups", widths[w], dark ? "dark" : "light");
          GtkWidget *plan_scroller = find_shown_scroller (bridge_window_get_page (shot, "plan"));
          GtkAdjustment *plan_adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (plan_scroller));

          shoot (GTK_WIDGET (shot), what);
          gui_test_spin (200);
          gtk_adjustment_set_value (plan_adj, gtk_adjustment_get_upper (plan_adj));
          shoot (GTK_WIDGET (shot), groups);
        }
        g_assert_cmpint (minimum, <=, 360);
        g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (shown)), <=, MAX (widths[w], 400));
        gui_test_close (shot);
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gui_test_init (&argc, &argv);
  tmpdir = g_dir_make_tmp ("test-gui-agreement-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);
  app = gui_test_app ();

  g_test_add_func ("/gui/agreement/setup", test_setup);
  g_test_add_func ("/gui/agreement/student-details", test_student_details);
  g_test_add_func ("/gui/agreement/bad-email", test_bad_email);
  g_test_add_func ("/gui/agreement/bad-contact-email", test_bad_contact_email);
  g_test_add_func ("/gui/agreement/bad-date", test_bad_date);
  for (guint i = 0; i < G_N_ELEMENTS (refused_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gui/agreement/refused-as-core/%s", refused_cases[i].name);

      g_test_add_data_func (path, &refused_cases[i], test_refused_as_core);
    }
  g_test_add_func ("/gui/agreement/nationality-by-name", test_nationality_by_name);
  g_test_add_func ("/gui/agreement/institutions-and-mobility", test_institutions_and_mobility);
  g_test_add_func ("/gui/agreement/review", test_review);
  g_test_add_func ("/gui/agreement/checklist", test_checklist);
  g_test_add_func ("/gui/agreement/approvals", test_approvals);
  g_test_add_func ("/gui/agreement/locked-edit", test_locked_edit);
  g_test_add_func ("/gui/agreement/changes", test_changes);
  g_test_add_func ("/gui/agreement/discard", test_discard);
  g_test_add_func ("/gui/agreement/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/gui/agreement/screenshots", test_screenshots);
  g_test_add_func ("/gui/agreement/modified-after-approval", test_modified_after_approval);
  g_test_add_func ("/gui/agreement/approvals-stripped", test_approvals_stripped);
  g_test_add_func ("/gui/agreement/unknown-course", test_unknown_course);
  g_test_add_func ("/gui/agreement/reopen", test_reopen);

  status = g_test_run ();

  if (window != NULL)
    gui_test_close (window);
  g_clear_object (&app);
  if (plan_path != NULL)
    g_unlink (plan_path);
  g_rmdir (tmpdir);
  g_free (tmpdir);
  g_free (plan_path);
  g_free (host_ids[0]);
  g_free (host_ids[1]);
  g_free (home_id);
  return status;
}
