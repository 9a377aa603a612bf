/* test-plan.c: the plan model, its file, approvals and changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "bridge-error.h"
#include "bridge-plan.h"
#include "bridge-plan-private.h"
#include "plan-fixture.h"

static gboolean
has_warning (GPtrArray             *warnings,
             BridgePlanWarningKind  kind,
             const char            *course_id)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      BridgePlanWarning *w = g_ptr_array_index (warnings, i);

      if (w->kind == kind && (course_id == NULL || g_strcmp0 (w->course_id, course_id) == 0))
        {
          g_assert_nonnull (w->message);
          g_assert_cmpstr (w->message, !=, "");
          return TRUE;
        }
    }
  return FALSE;
}

static void
count_changed (BridgePlan *plan,
               guint      *count)
{
  (*count)++;
}

/* Groups, totals from the credit engine, undo of removals, moves. */
static void
test_model_edit (PlanFixture   *fx,
                 gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlanComponent) removed = NULL;
  g_autoptr(BridgePlanGroup) removed_group = NULL;
  BridgePlanGroup *g1, *g2;
  BridgePlanTotals t;
  guint changed = 0, index = 99, position = 99;

  g_signal_connect (plan, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan), ==, 2);
  g_assert_true (bridge_plan_get_modified (plan));
  g1 = bridge_plan_get_group (plan, 0);
  g2 = bridge_plan_get_group (plan, 1);
  g_assert_cmpstr (bridge_plan_group_get_id (g1), ==, "g1");
  g_assert_cmpstr (bridge_plan_group_get_component (g1, BRIDGE_PLAN_SIDE_HOST, 0)->code, ==, "CS301");
  g_assert_cmpstr (bridge_text_get (bridge_plan_group_get_component (g1, BRIDGE_PLAN_SIDE_HOST, 0)->title, "zh"), ==, "操作系统");

  /* cs301: 48 lecture + 16 lab periods of 45 min = 108 + 18 = 126 h;
   * at scu 36 h a credit: 3.5; alliance 126/30 = 4.2; ECTS 126/27.5 ≈ 4.58. */
  g_assert_true (bridge_plan_compute_totals (plan, fx->catalog, g1, &t, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (t.host_credits, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.alliance_credits, 4.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.ects_credits, 4.58, 0.006);
  g_assert_cmpfloat_with_epsilon (t.home_credits, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.replaced_credits, 3.0, 1e-9);
  /* The whole plan: cs302 is 108 h = 3 home credits, replaces 4. */
  g_assert_true (bridge_plan_compute_totals (plan, fx->catalog, NULL, &t, &error));
  g_assert_cmpfloat_with_epsilon (t.home_credits, 6.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.host_credits, 6.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.replaced_credits, 7.0, 1e-9);
  /* 4.2 + 3.6, without the binary sum's 7.800000000000001 that plan show
   * --json printed. */
  g_assert_cmpfloat (t.alliance_credits, ==, 7.8);

  /* Remove a component and put it back where it was. */
  removed = bridge_plan_remove_component (plan, g1, BRIDGE_PLAN_SIDE_HOME, "scu:cs305", &index, &error);
  g_assert_no_error (error);
  g_assert_nonnull (removed);
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpuint (bridge_plan_group_get_n_components (g1, BRIDGE_PLAN_SIDE_HOME), ==, 0);
  g_assert_true (bridge_plan_insert_component (plan, g1, BRIDGE_PLAN_SIDE_HOME, (int) index, removed, &error));
  g_assert_cmpstr (bridge_plan_group_get_component (g1, BRIDGE_PLAN_SIDE_HOME, 0)->course_id, ==, "scu:cs305");

  /* Removing what is not there fails and says what. */
  g_assert_null (bridge_plan_remove_component (plan, g1, BRIDGE_PLAN_SIDE_HOME, "scu:nothing", NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Remove a group and undo. */
  removed_group = bridge_plan_remove_group (plan, g1, &position, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (bridge_plan_get_n_groups (plan), ==, 1);
  g_assert_true (bridge_plan_insert_group (plan, position, removed_group, &error));
  g_assert_true (bridge_plan_get_group (plan, 0) == removed_group);
  /* The same group twice is refused. */
  g_assert_false (bridge_plan_insert_group (plan, 0, removed_group, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_clear_error (&error);

  /* Move cs306 from g2 into g1: many-to-many groups. */
  g_assert_true (bridge_plan_move_component (plan, g2, BRIDGE_PLAN_SIDE_HOME, "scu:cs306", g1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bridge_plan_group_get_n_components (g1, BRIDGE_PLAN_SIDE_HOME), ==, 2);
  g_assert_cmpuint (bridge_plan_group_get_n_components (g2, BRIDGE_PLAN_SIDE_HOME), ==, 0);
  /* A host course into a new group of its own. */
  g_assert_true (bridge_plan_move_component (plan, g2, BRIDGE_PLAN_SIDE_HOST, "cqu:cs302", NULL, &error));
  g_assert_cmpuint (bridge_plan_get_n_groups (plan), ==, 3);
  g_assert_nonnull (bridge_plan_find_course (plan, BRIDGE_PLAN_SIDE_HOST, "cqu:cs302"));
  g_assert_cmpstr (bridge_plan_group_get_id (bridge_plan_find_course (plan, BRIDGE_PLAN_SIDE_HOST, "cqu:cs302")), ==, "g3");

  /* A course not in the catalog cannot be added. */
  {
    const char *bad[] = { "cqu:nope", NULL };

    g_assert_null (bridge_plan_add_group (plan, fx->catalog, bad, NULL, &error));
    g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "cqu:nope"));
    g_clear_error (&error);
  }
  g_assert_cmpuint (changed, >=, 6);
}

static void
test_warnings (PlanFixture   *fx,
               gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  const char *spring[] = { "cqu:cs201", NULL };
  const char *dup[] = { "cqu:cs301", NULL };
  const char *zh_only[] = { "cqu:ma101", NULL };

  g_assert_nonnull (bridge_plan_add_group (plan, fx->catalog, spring, NULL, &error));
  g_assert_nonnull (bridge_plan_add_group (plan, fx->catalog, dup, NULL, &error));
  g_assert_nonnull (bridge_plan_add_group (plan, fx->catalog, zh_only, NULL, &error));
  g_assert_no_error (error);

  warnings = bridge_plan_check (plan, fx->catalog);
  /* cs302 (3 home credits) replaces cs306 (4 credits). */
  g_assert_true (has_warning (warnings, BRIDGE_PLAN_WARNING_FEWER_CREDITS, NULL));
  /* cs201 is a spring course in an autumn plan. */
  g_assert_true (has_warning (warnings, BRIDGE_PLAN_WARNING_NOT_OFFERED, "cqu:cs201"));
  g_assert_false (has_warning (warnings, BRIDGE_PLAN_WARNING_NOT_OFFERED, "cqu:cs301"));
  g_assert_true (has_warning (warnings, BRIDGE_PLAN_WARNING_DUPLICATE, "cqu:cs301"));
  /* ma101 is taught in Chinese only; the student declared English. */
  g_assert_true (has_warning (warnings, BRIDGE_PLAN_WARNING_LANGUAGE, "cqu:ma101"));
  g_assert_false (has_warning (warnings, BRIDGE_PLAN_WARNING_LANGUAGE, "cqu:cs302"));
  /* cs302 needs cs201, which is planned (in another term): met. */
  g_assert_false (has_warning (warnings, BRIDGE_PLAN_WARNING_PREREQUISITE, "cqu:cs302"));
  g_assert_false (has_warning (warnings, BRIDGE_PLAN_WARNING_UNKNOWN_COURSE, NULL));
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* Without cs201 the prerequisite is missing; and one term of ~10 credits is light. */
  {
    BridgePlanGroup *g = bridge_plan_find_course (plan, BRIDGE_PLAN_SIDE_HOST, "cqu:cs201");
    g_autoptr(BridgePlanGroup) gone = bridge_plan_remove_group (plan, g, NULL, &error);

    g_assert_no_error (error);
    /* What was removed comes back for an undo. */
    g_assert_true (gone == g);
  }
  warnings = bridge_plan_check (plan, fx->catalog);
  g_assert_true (has_warning (warnings, BRIDGE_PLAN_WARNING_PREREQUISITE, "cqu:cs302"));
  g_assert_true (has_warning (warnings, BRIDGE_PLAN_WARNING_TERM_LOAD, NULL));
  /* Named as the host names the term, in ECTS: the totals' home credits are
   * rounded per course, so a sum of exact ones would not match them. */
  for (guint i = 0; i < warnings->len; i++)
    {
      BridgePlanWarning *w = g_ptr_array_index (warnings, i);

      if (w->kind == BRIDGE_PLAN_WARNING_TERM_LOAD)
        {
          g_assert_true (g_str_has_prefix (w->message, "Autumn 2026: "));
          g_assert_nonnull (strstr (w->message, "ECTS"));
          g_assert_nonnull (strstr (w->message, "20 to 40"));
          /* It says which rule it used. */
          g_assert_nonnull (strstr (w->message, "the alliance’s rule"));
        }
    }
}

static const char *
warning_message (GPtrArray             *warnings,
                 BridgePlanWarningKind  kind,
                 const char            *course_id)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      BridgePlanWarning *w = g_ptr_array_index (warnings, i);

      if (w->kind == kind && g_strcmp0 (w->course_id, course_id) == 0)
        return w->message;
    }
  return NULL;
}

/* A home university whose feed gives credit_policy.term_load is judged by
 * it, in its own credits: the plan's autumn term (cs301 126 h and cs302
 * 108 h at 36 h a scu credit: 3.5 + 3 = 6.5 home credits, about 8.5 ECTS)
 * is light for a usual term of 15 to 30, and usual for one of 5 to 8, where
 * the alliance's 20–40 ECTS would still call it light. */
static void
test_term_load_of_home (PlanFixture   *fx,
                        gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeCatalog) usual_15 = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  const char *message;

  warnings = bridge_plan_check (plan, fx->catalog);
  message = warning_message (warnings, BRIDGE_PLAN_WARNING_TERM_LOAD, NULL);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "ECTS"));
  g_clear_pointer (&warnings, g_ptr_array_unref);

  usual_15 = plan_fixture_catalog_with (fx, "\"credit_step\": 0.5", "\"credit_step\": 0.5, \"term_load\": {\"min\": 15, \"max\": 30}");
  warnings = bridge_plan_check (plan, usual_15);
  message = warning_message (warnings, BRIDGE_PLAN_WARNING_TERM_LOAD, NULL);
  g_assert_cmpstr (message, ==,
                   "Autumn 2026: a workload of 6.5 home credits; a usual term at Sichuan University is 15 to 30 credits "
                   "(the term load of its credit policy)");
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_clear_object (&usual_15);
}

static void
test_term_load_of_home_met (PlanFixture   *fx,
                            gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeCatalog) usual_5 = NULL;
  g_autoptr(GPtrArray) warnings = NULL;

  usual_5 = plan_fixture_catalog_with (fx, "\"credit_step\": 0.5", "\"credit_step\": 0.5, \"term_load\": {\"min\": 5, \"max\": 8}");
  warnings = bridge_plan_check (plan, usual_5);
  g_assert_null (warning_message (warnings, BRIDGE_PLAN_WARNING_TERM_LOAD, NULL));
}

/* Warnings speak people's words: the course by title and code, the term
 * and the languages by name, never "CS201 … 2026-autumn" or "zh". */
static void
test_warning_words (PlanFixture   *fx,
                    gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  const char *spring[] = { "cqu:cs201", NULL };
  const char *zh_only[] = { "cqu:ma101", NULL };

  g_assert_nonnull (bridge_plan_add_group (plan, fx->catalog, spring, NULL, &error));
  g_assert_nonnull (bridge_plan_add_group (plan, fx->catalog, zh_only, NULL, &error));
  g_assert_no_error (error);

  warnings = bridge_plan_check (plan, fx->catalog);
  g_assert_cmpstr (warning_message (warnings, BRIDGE_PLAN_WARNING_NOT_OFFERED, "cqu:cs201"), ==,
                   "Data Structures (CS201) is not offered in Autumn 2026");
  g_assert_cmpstr (warning_message (warnings, BRIDGE_PLAN_WARNING_LANGUAGE, "cqu:ma101"), ==,
                   "Linear Algebra (MA101) is taught in Chinese, and the student declared English");
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* A term the host does not name is named from its id. */
  bridge_plan_set_term (plan, "2027-summer");
  warnings = bridge_plan_check (plan, fx->catalog);
  g_assert_cmpstr (warning_message (warnings, BRIDGE_PLAN_WARNING_NOT_OFFERED, "cqu:cs301"), ==,
                   "Operating Systems (CS301) is not offered in Summer 2027");
}

/* The mobility period follows the chosen terms while no date is written:
 * the first term's start to the last one's end; a written date stays. */
static void
test_dates_from_terms (PlanFixture   *fx,
                       gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  const char *both[] = { "2027-spring", "2026-autumn", NULL };
  const char *undated[] = { "2031-winter", NULL };

  g_assert_true (bridge_plan_set_dates (plan, NULL, NULL, NULL));
  bridge_plan_set_terms (plan, both);
  g_assert_true (bridge_plan_fill_dates_from_terms (plan, fx->catalog));
  g_assert_cmpstr (bridge_plan_get_start_date (plan), ==, "2026-09-01");
  g_assert_cmpstr (bridge_plan_get_end_date (plan), ==, "2027-07-05");

  /* Written dates are the user's: not replaced. */
  g_assert_true (bridge_plan_set_dates (plan, "2026-09-15", NULL, NULL));
  bridge_plan_set_term (plan, "2027-spring");
  g_assert_false (bridge_plan_fill_dates_from_terms (plan, fx->catalog));
  g_assert_cmpstr (bridge_plan_get_start_date (plan), ==, "2026-09-15");
  g_assert_null (bridge_plan_get_end_date (plan));

  /* A term the catalog does not date gives nothing. */
  g_assert_true (bridge_plan_set_dates (plan, NULL, NULL, NULL));
  bridge_plan_set_terms (plan, undated);
  g_assert_false (bridge_plan_fill_dates_from_terms (plan, fx->catalog));
  g_assert_null (bridge_plan_get_start_date (plan));
}

static char *
save_plan (PlanFixture *fx,
           BridgePlan  *plan,
           const char  *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fx->dir, name, NULL);

  g_assert_true (bridge_plan_save (plan, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_file_round_trip (PlanFixture   *fx,
                      gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *a = NULL, *b = NULL, *contents = NULL;
  g_autofree char *d1 = NULL, *d2 = NULL;
  BridgePlanGroup *g1 = bridge_plan_get_group (plan, 0);

  bridge_plan_set_group_comment (plan, g1, "OK: 内容相当", NULL);
  bridge_plan_set_group_status (plan, g1, BRIDGE_PLAN_GROUP_APPROVED);
  g_assert_true (bridge_plan_set_component_comment (plan, g1, BRIDGE_PLAN_SIDE_HOST, "cqu:cs301", "Lab in English", &error));
  g_assert_true (bridge_plan_set_component_flags (plan, g1, BRIDGE_PLAN_SIDE_HOME, "scu:cs305", TRUE, FALSE, &error));
  bridge_plan_set_provisions (plan, "If a component is not completed, the student retakes it at home.", NULL);

  path = save_plan (fx, plan, "a.creditplan");
  g_assert_false (bridge_plan_get_modified (plan));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"format\" : \"credit-bridge-plan\""));
  g_assert_nonnull (strstr (contents, "\"version\" : 3"));

  loaded = bridge_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_false (bridge_plan_get_modified (loaded));
  a = bridge_plan_to_data (plan, NULL);
  b = bridge_plan_to_data (loaded, NULL);
  g_assert_cmpstr (a, ==, b);
  d1 = bridge_plan_get_digest (plan);
  d2 = bridge_plan_get_digest (loaded);
  g_assert_cmpuint (strlen (d1), ==, 64);
  g_assert_cmpstr (d1, ==, d2);

  g_assert_cmpstr (bridge_plan_get_student (loaded)->name, ==, "李华");
  g_assert_cmpstr (bridge_plan_get_home_university (loaded), ==, "scu");
  g_assert_cmpstr (bridge_plan_get_host_university (loaded), ==, "cqu");
  g_assert_cmpstr (bridge_plan_get_term (loaded), ==, "2026-autumn");
  g_assert_cmpstr (bridge_plan_group_get_comment (bridge_plan_get_group (loaded, 0)), ==, "OK: 内容相当");
  g_assert_cmpint (bridge_plan_group_get_status (bridge_plan_get_group (loaded, 0)), ==, BRIDGE_PLAN_GROUP_APPROVED);
  g_assert_true (bridge_plan_group_get_component (bridge_plan_get_group (loaded, 0), BRIDGE_PLAN_SIDE_HOME, 0)->automatic);
  g_assert_cmpstr (bridge_plan_get_mobility_id (loaded), ==, bridge_plan_get_mobility_id (plan));

  /* New groups continue the numbering after a reload. */
  {
    const char *h[] = { "cqu:ma101", NULL };
    BridgePlanGroup *g = bridge_plan_add_group (loaded, fx->catalog, h, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (bridge_plan_group_get_id (g), ==, "g3");
  }
}

/* The digest is that of canonical JSON: member order and spacing do not count. */
static void
test_canonical_digest (void)
{
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  g_autofree char *c1 = NULL, *c2 = NULL;

  g_assert_true (json_parser_load_from_data (p1, "{\"b\": [1, 2.5, \"x\\\"y\"], \"a\": {\"z\": true, \"é\": null}}", -1, NULL));
  g_assert_true (json_parser_load_from_data (p2, "{ \"a\":{\"é\":null,\"z\":true},\"b\":[1.0,2.5,\"x\\\"y\"] }", -1, NULL));
  c1 = bridge_plan_canonical_json (json_parser_get_root (p1));
  c2 = bridge_plan_canonical_json (json_parser_get_root (p2));
  g_assert_cmpstr (c1, ==, "{\"a\":{\"z\":true,\"é\":null},\"b\":[1,2.5,\"x\\\"y\"]}");
  g_assert_cmpstr (c1, ==, c2);
}

static void
test_file_atomic (PlanFixture   *fx,
                  gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = save_plan (fx, plan, "atomic.creditplan");
  g_autofree char *before = NULL, *after = NULL, *bad = NULL;
  g_autoptr(GDir) dir = NULL;
  struct stat st1, st2;
  const char *name;
  guint n_files = 0;

  g_assert_cmpint (g_stat (path, &st1), ==, 0);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* Saving again replaces the file by renaming a new one over it (a new
   * inode), never by rewriting it in place; no temporary file is left. */
  bridge_plan_set_student_name (plan, "李华华", NULL);
  g_free (save_plan (fx, plan, "atomic.creditplan"));
  g_assert_cmpint (g_stat (path, &st2), ==, 0);
  g_assert_cmpuint (st1.st_ino, !=, st2.st_ino);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "李华华"));
  dir = g_dir_open (fx->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".creditplan") || name[0] == '.')
      n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  /* A path that cannot be written: a clear error naming it, the plan stays modified. */
  bridge_plan_set_student_name (plan, "Li Hua", NULL);
  bad = g_build_filename (fx->dir, "no-such-dir", "x.creditplan", NULL);
  g_assert_false (bridge_plan_save (plan, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "x.creditplan"));
  g_assert_true (bridge_plan_get_modified (plan));
  g_clear_error (&error);

  /* A directory in the way of the file: the error, and the directory is untouched. */
  {
    g_autofree char *dirpath = g_build_filename (fx->dir, "taken.creditplan", NULL);

    g_assert_cmpint (g_mkdir (dirpath, 0700), ==, 0);
    g_assert_false (bridge_plan_save (plan, dirpath, &error));
    g_assert_nonnull (error);
    g_assert_true (g_file_test (dirpath, G_FILE_TEST_IS_DIR));
    g_clear_error (&error);
  }
}

static void
test_file_truncated (PlanFixture   *fx,
                     gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = save_plan (fx, plan, "cut.creditplan");
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length / 2, NULL));
  loaded = bridge_plan_new_from_file (path, &error);
  g_assert_null (loaded);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, "cut.creditplan"));
  g_assert_nonnull (strstr (error->message, "damaged or incomplete"));
}

/* Every cut of a full plan file, and bytes changed at random: refused with
 * an error (or, when still valid JSON of a plan, read), never a crash. */
static void
test_file_damaged (PlanFixture   *fx,
                   gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autofree char *text = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261126);
  gsize length;

  plan_fixture_approve_all (plan);
  g_assert_true (bridge_plan_propose_delete (plan, bridge_plan_get_group (plan, 0), BRIDGE_PLAN_SIDE_HOST, "cqu:cs301",
                                             BRIDGE_CHANGE_REASON_NOT_AVAILABLE, NULL, NULL));
  text = bridge_plan_to_data (plan, &length);
  for (gsize cut = 0; cut < length - 2; cut += 7)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BridgePlan) p = bridge_plan_new_from_data (text, (gssize) cut, &error);

      g_assert_null (p);
      g_assert_true (g_error_matches (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN));
    }
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *copy = g_strndup (text, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(BridgePlan) p = NULL;

      for (guint k = 0; k < 3; k++)
        copy[g_rand_int_range (rand, 0, (gint32) length)] = "{}[]\",:0a-\\ "[g_rand_int_range (rand, 0, 13)];
      p = bridge_plan_new_from_data (copy, (gssize) length, &error);
      if (p == NULL)
        g_assert_true (error->domain == BRIDGE_ERROR);
      else
        {
          g_autofree char *again = bridge_plan_to_data (p, NULL);
          g_autofree char *digest = bridge_plan_get_digest (p);

          g_assert_nonnull (again);
          g_assert_cmpuint (strlen (digest), ==, 64);
          (void) bridge_plan_get_modified_after_approval (p);
        }
    }
}

static void
test_file_empty (PlanFixture   *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "empty.creditplan", NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_null (bridge_plan_new_from_file (path, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
}

static void
test_file_newer_version (PlanFixture   *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "new.creditplan", NULL);
  g_autofree char *text = g_strdup_printf ("{\"format\": \"credit-bridge-plan\", \"version\": %d, "
                                           "\"groups\": [], \"hologram\": true}", BRIDGE_PLAN_VERSION + 1);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_null (bridge_plan_new_from_file (path, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_UNSUPPORTED_VERSION);
  g_assert_nonnull (strstr (error->message, "newer"));
  g_assert_nonnull (strstr (error->message, "new.creditplan"));
}

static void
test_file_not_a_plan (PlanFixture   *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (bridge_plan_new_from_data ("{\"format\": \"credit-bridge-catalog\", \"version\": 1}", -1, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, "$.format"));
  g_clear_error (&error);

  g_assert_null (bridge_plan_new_from_data ("[1, 2]", -1, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_clear_error (&error);

  /* A wrong type names the place. */
  g_assert_null (bridge_plan_new_from_data ("{\"format\": \"credit-bridge-plan\", \"version\": 1, "
                                            "\"groups\": [{\"id\": \"g1\", \"host\": [{\"course\": \"x\", \"credits\": \"three\"}]}]}",
                                            -1, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, "$.groups[0].host[0]"));
  g_assert_nonnull (strstr (error->message, "credits"));
  g_clear_error (&error);

  /* A damaged approved version is found on loading, not later. */
  g_assert_null (bridge_plan_new_from_data ("{\"format\": \"credit-bridge-plan\", \"version\": 1, "
                                            "\"versions\": [{\"version\": 1, \"changes\": [], \"approvals\": [], "
                                            "\"content\": {\"groups\": {\"id\": \"g1\"}}}]}",
                                            -1, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, "$.versions[0].content"));
}

/* json-glib decodes "\ud800" into bytes that are not UTF-8: refused where
 * it is, so that no plan saves as a file it cannot open again. */
static void
assert_load_refused (const char *text,
                     const char *place)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (bridge_plan_new_from_data (text, -1, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, place));
  g_assert_nonnull (strstr (error->message, "not valid UTF-8"));
}

static void
test_file_surrogate_in_text (void)
{
  assert_load_refused ("{\"format\": \"credit-bridge-plan\", \"version\": 1, "
                       "\"student\": {\"name\": \"李\\ud800华\"}}", "$.student.name");
}

static void
test_file_surrogate_in_member (void)
{
  assert_load_refused ("{\"format\": \"credit-bridge-plan\", \"version\": 1, "
                       "\"versions\": [{\"version\": 1, \"content\": {\"h\\ud800ost\": []}}]}",
                       "$.versions[0].content");
}

/* The parser's own message quotes the string it stopped in. */
static void
test_file_surrogate_in_parse_error (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (bridge_plan_new_from_data ("{\"student_number\": \"2023\\ud800,\n    \"email\" : \"x\"}", -1, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "damaged or incomplete"));
}

/* Courses that left the catalog are kept and flagged, never dropped. */
static void
test_file_unknown_course (PlanFixture   *fx,
                          gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  BridgePlanTotals t;
  const char *text =
    "{\"format\": \"credit-bridge-plan\", \"version\": 1,"
    " \"sending\": {\"university\": \"scu\"}, \"receiving\": {\"university\": \"cqu\"},"
    " \"mobility\": {\"terms\": [\"2026-autumn\"]},"
    " \"groups\": [{\"id\": \"g1\", \"host\": ["
    "   {\"course\": \"cqu:cs999\", \"code\": \"CS999\", \"title\": {\"zh\": \"量子编程\", \"en\": \"Quantum Programming\"},"
    "    \"credits\": 2, \"workload_hours\": 72},"
    "   {\"course\": \"cqu:cs301\", \"code\": \"CS301\", \"credits\": 3.5}],"
    "  \"home\": [{\"course\": \"scu:gone\", \"code\": \"GONE\", \"credits\": 2}]}]}";

  plan = bridge_plan_new_from_data (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bridge_plan_refresh (plan, fx->catalog), ==, 2);
  g_assert_true (bridge_plan_group_get_component (bridge_plan_get_group (plan, 0), BRIDGE_PLAN_SIDE_HOST, 0)->unknown);
  g_assert_false (bridge_plan_group_get_component (bridge_plan_get_group (plan, 0), BRIDGE_PLAN_SIDE_HOST, 1)->unknown);
  warnings = bridge_plan_check (plan, fx->catalog);
  g_assert_true (has_warning (warnings, BRIDGE_PLAN_WARNING_UNKNOWN_COURSE, "cqu:cs999"));
  g_assert_true (has_warning (warnings, BRIDGE_PLAN_WARNING_UNKNOWN_COURSE, "scu:gone"));
  /* Totals still count it from the recorded workload: 72 h = 2 home credits. */
  g_assert_true (bridge_plan_compute_totals (plan, fx->catalog, NULL, &t, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (t.home_credits, 5.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.host_credits, 5.5, 1e-9);
  /* Saving keeps it. */
  saved = bridge_plan_to_data (plan, NULL);
  g_assert_nonnull (strstr (saved, "cqu:cs999"));
  g_assert_nonnull (strstr (saved, "量子编程"));
  g_assert_nonnull (strstr (saved, "scu:gone"));
}

static void
test_approval_lock_and_changes (PlanFixture   *fx,
                                gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) loaded = NULL;
  g_autoptr(BridgePlan) v1 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  BridgePlanPerson student = { (char *) "李华", NULL, NULL };
  BridgePlanPerson sending = { (char *) "王芳", (char *) "Exchange coordinator", (char *) "wangfang@scu.edu.cn" };
  BridgePlanPerson receiving = { (char *) "Zhang Wei", (char *) "International office", (char *) "zhangwei@cqu.edu.cn" };
  const char *ma[] = { "cqu:ma101", NULL };
  BridgePlanGroup *g2;

  g_assert_false (bridge_plan_get_locked (plan));
  plan_fixture_approve_all (plan);
  g_assert_true (bridge_plan_get_locked (plan));
  g_assert_cmpuint (bridge_plan_get_n_versions (plan), ==, 1);
  g_assert_false (bridge_plan_get_modified_after_approval (plan));
  g_assert_cmpstr (bridge_plan_get_approval (plan, BRIDGE_PLAN_ROLE_SENDING)->person.position, ==, "Exchange coordinator");
  g_assert_cmpstr (bridge_plan_get_version_timestamp (plan, 1), ==, "2026-06-03T10:00:00Z");

  /* Locked: a direct edit is refused and says what to do. */
  g_assert_null (bridge_plan_add_group (plan, fx->catalog, ma, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_PLAN_LOCKED);
  g_assert_nonnull (strstr (error->message, "propose a change"));
  g_clear_error (&error);
  g2 = bridge_plan_get_group (plan, 1);
  g_assert_null (bridge_plan_remove_component (plan, g2, BRIDGE_PLAN_SIDE_HOST, "cqu:cs302", NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_PLAN_LOCKED);
  g_clear_error (&error);
  /* Review comments stay possible. */
  bridge_plan_set_group_comment (plan, g2, "Check the lab hours", NULL);
  g_assert_false (bridge_plan_get_modified_after_approval (plan));

  /* Changes proposal: cs302 is not available; linear algebra substitutes it. */
  g_assert_false (bridge_plan_propose_delete (plan, g2, BRIDGE_PLAN_SIDE_HOST, "cqu:cs302",
                                              BRIDGE_CHANGE_REASON_SUBSTITUTING_DELETED, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (bridge_plan_propose_delete (plan, g2, BRIDGE_PLAN_SIDE_HOST, "cqu:cs302",
                                              BRIDGE_CHANGE_REASON_OTHER, "", &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_true (bridge_plan_propose_delete (plan, g2, BRIDGE_PLAN_SIDE_HOST, "cqu:cs302",
                                             BRIDGE_CHANGE_REASON_NOT_AVAILABLE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_propose_add (plan, fx->catalog, g2, BRIDGE_PLAN_SIDE_HOST, "cqu:ma101",
                                          BRIDGE_CHANGE_REASON_SUBSTITUTING_DELETED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bridge_plan_get_pending_changes (plan)->len, ==, 2);
  /* Nothing changes before the three approve. */
  g_assert_nonnull (bridge_plan_group_find_component (g2, BRIDGE_PLAN_SIDE_HOST, "cqu:cs302", NULL));

  /* The file keeps the pending proposal and its approvals. */
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, "2026-10-01T09:00:00Z", &error));
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_SENDING, &sending, "2026-10-02T09:00:00Z", &error));
  g_assert_no_error (error);
  path = save_plan (fx, plan, "changes.creditplan");
  loaded = bridge_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_plan_get_locked (loaded));
  g_assert_cmpuint (bridge_plan_get_pending_changes (loaded)->len, ==, 2);
  g_assert_nonnull (bridge_plan_get_pending_approval (loaded, BRIDGE_PLAN_ROLE_SENDING));
  g_assert_null (bridge_plan_get_pending_approval (loaded, BRIDGE_PLAN_ROLE_RECEIVING));
  g_assert_false (bridge_plan_get_modified_after_approval (loaded));

  /* The receiving side approves: the change applies and becomes version 2. */
  g_assert_true (bridge_plan_approve (loaded, BRIDGE_PLAN_ROLE_RECEIVING, &receiving, "2026-10-03T09:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_null (bridge_plan_get_pending_changes (loaded));
  g_assert_cmpuint (bridge_plan_get_n_versions (loaded), ==, 2);
  g2 = bridge_plan_find_group (loaded, "g2", NULL);
  g_assert_nonnull (g2);
  g_assert_null (bridge_plan_group_find_component (g2, BRIDGE_PLAN_SIDE_HOST, "cqu:cs302", NULL));
  g_assert_nonnull (bridge_plan_group_find_component (g2, BRIDGE_PLAN_SIDE_HOST, "cqu:ma101", NULL));
  g_assert_cmpuint (bridge_plan_get_version_changes (loaded, 2)->len, ==, 2);
  g_assert_false (bridge_plan_get_modified_after_approval (loaded));
  g_assert_cmpstr (bridge_plan_get_approval (loaded, BRIDGE_PLAN_ROLE_RECEIVING)->timestamp, ==, "2026-10-03T09:00:00Z");

  /* Every version is kept: version 1 still has cs302. */
  v1 = bridge_plan_get_version (loaded, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bridge_plan_find_course (v1, BRIDGE_PLAN_SIDE_HOST, "cqu:cs302"));
  g_assert_null (bridge_plan_get_version (loaded, 3, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A rejected proposal goes without a trace in the agreement. */
  g_assert_true (bridge_plan_propose_add_group (loaded, fx->catalog, (const char *[]) { "cqu:cs201", NULL },
                                                NULL, BRIDGE_CHANGE_REASON_EXTENDING_MOBILITY, NULL, &error));
  g_assert_no_error (error);
  bridge_plan_discard_changes (loaded);
  g_assert_null (bridge_plan_get_pending_changes (loaded));
  g_assert_null (bridge_plan_find_course (loaded, BRIDGE_PLAN_SIDE_HOST, "cqu:cs201"));
}

static void
test_approval_needs_signer_details (PlanFixture   *fx,
                                    gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  BridgePlanPerson no_position = { (char *) "王芳", NULL, (char *) "wangfang@scu.edu.cn" };
  BridgePlanPerson no_email = { (char *) "王芳", (char *) "Coordinator", NULL };
  BridgePlanPerson no_name = { NULL, NULL, NULL };

  g_assert_false (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_SENDING, &no_position, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "position"));
  g_clear_error (&error);
  g_assert_false (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_RECEIVING, &no_email, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "email"));
  g_clear_error (&error);
  g_assert_false (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &no_name, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_null (bridge_plan_get_approval (plan, BRIDGE_PLAN_ROLE_SENDING));
}

/* An edit in the app before the lock withdraws approvals of the old content. */
static void
test_approval_edit_before_lock (PlanFixture   *fx,
                                gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  BridgePlanPerson student = { (char *) "李华", NULL, NULL };

  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, NULL, &error));
  g_assert_nonnull (bridge_plan_get_approval (plan, BRIDGE_PLAN_ROLE_STUDENT));
  g_assert_cmpuint (strlen (bridge_plan_get_approval (plan, BRIDGE_PLAN_ROLE_STUDENT)->timestamp), ==, 20);
  g_assert_true (bridge_plan_add_course (plan, fx->catalog, bridge_plan_get_group (plan, 0),
                                         BRIDGE_PLAN_SIDE_HOME, "scu:ma120", &error));
  g_assert_no_error (error);
  g_assert_null (bridge_plan_get_approval (plan, BRIDGE_PLAN_ROLE_STUDENT));
}

/* A file edited by hand after approval: loaded, shown as modified after approval. */
static void
test_approval_modified_after (PlanFixture   *fx,
                              gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) loaded = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) parts = NULL;
  BridgePlanPerson sending = { (char *) "王芳", (char *) "Coordinator", (char *) "wangfang@scu.edu.cn" };

  plan_fixture_approve_all (plan);
  text = bridge_plan_to_data (plan, NULL);
  /* Give cs305 (the first home course) 5 credits instead of 3. */
  parts = g_strsplit (text, "\"credits\" : 3.0", 2);
  g_assert_nonnull (parts[1]);
  edited = g_strjoin ("\"credits\" : 5", parts[0], parts[1], NULL);
  path = g_build_filename (fx->dir, "edited.creditplan", NULL);
  g_assert_true (g_file_set_contents (path, edited, -1, NULL));

  loaded = bridge_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_plan_get_modified_after_approval (loaded));
  warnings = bridge_plan_check (loaded, fx->catalog);
  g_assert_true (has_warning (warnings, BRIDGE_PLAN_WARNING_MODIFIED_AFTER_APPROVAL, NULL));
  /* And it cannot be approved over. */
  g_assert_false (bridge_plan_approve (loaded, BRIDGE_PLAN_ROLE_SENDING, &sending, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
}

static void
test_grades (PlanFixture   *fx,
             gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) loaded = NULL;
  g_autoptr(GPtrArray) rec = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  BridgePlanRecognition *r;

  plan_fixture_approve_all (plan);
  g_assert_false (bridge_plan_set_grade (plan, fx->catalog, "cqu:cs301", "Z", &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (bridge_plan_set_grade (plan, fx->catalog, "scu:cs305", "A", &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (bridge_plan_set_grade (plan, fx->catalog, "cqu:cs301", "A", &error));
  g_assert_true (bridge_plan_set_grade (plan, fx->catalog, "cqu:cs302", "85", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bridge_plan_get_grade (plan, "cqu:cs302"), ==, "85");

  rec = bridge_plan_convert_grades (plan, fx->catalog, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rec->len, ==, 2);
  r = g_ptr_array_index (rec, 0);
  g_assert_cmpstr (r->course_id, ==, "scu:cs305");
  /* cqu A is the top 10 %; scu 优秀 is the top 20 %: A → 优秀, exactly. */
  g_assert_cmpstr (r->grade, ==, "优秀");
  g_assert_false (r->approximate);
  g_assert_cmpfloat_with_epsilon (r->credits, 3.0, 1e-9);
  g_assert_cmpstr (r->rule, ==, "midpoint");
  r = g_ptr_array_index (rec, 1);
  g_assert_cmpstr (r->course_id, ==, "scu:cs306");
  /* 85 is a B at cqu: 10–40 % from the top, midpoint 25 % → scu 良好 (20–60 %). */
  g_assert_cmpstr (r->grade, ==, "良好");
  g_assert_nonnull (strstr (r->host_grades, "CS302=85"));

  /* The record is kept in the plan file. */
  path = save_plan (fx, plan, "grades.creditplan");
  loaded = bridge_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bridge_plan_get_recognition (loaded)->len, ==, 2);
  g_assert_cmpstr (bridge_plan_get_grade (loaded, "cqu:cs301"), ==, "A");
  g_assert_false (bridge_plan_get_modified_after_approval (loaded));

  /* A group with a grade missing gets no grade, and says why. */
  g_assert_true (bridge_plan_set_grade (loaded, fx->catalog, "cqu:cs301", NULL, &error));
  g_clear_pointer (&rec, g_ptr_array_unref);
  rec = bridge_plan_convert_grades (loaded, fx->catalog, "best", &error);
  g_assert_no_error (error);
  r = g_ptr_array_index (rec, 0);
  g_assert_null (r->grade);
  g_assert_nonnull (strstr (r->reason, "CS301"));
  g_clear_pointer (&rec, g_ptr_array_unref);
  g_assert_null (bridge_plan_convert_grades (loaded, fx->catalog, "median", &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
}

/* A setter given the plan's own string back (keeping one date while
 * changing the other) keeps it, rather than reading freed memory. */
static void
test_setters_own_strings (void)
{
  g_autoptr(BridgePlan) plan = bridge_plan_new ();

  g_assert_true (bridge_plan_set_dates (plan, "2026-09-01", "2027-01-20", NULL));
  g_assert_true (bridge_plan_set_dates (plan, "2026-09-07", bridge_plan_get_end_date (plan), NULL));
  g_assert_cmpstr (bridge_plan_get_start_date (plan), ==, "2026-09-07");
  g_assert_cmpstr (bridge_plan_get_end_date (plan), ==, "2027-01-20");
  g_assert_true (bridge_plan_set_dates (plan, bridge_plan_get_start_date (plan), "2027-01-31", NULL));
  g_assert_cmpstr (bridge_plan_get_start_date (plan), ==, "2026-09-07");
  g_assert_cmpstr (bridge_plan_get_end_date (plan), ==, "2027-01-31");

  bridge_plan_set_provisions (plan, "Retake at home", NULL);
  bridge_plan_set_provisions (plan, bridge_plan_get_provisions (plan), NULL);
  g_assert_cmpstr (bridge_plan_get_provisions (plan), ==, "Retake at home");
  g_assert_true (bridge_plan_set_academic_year (plan, "2026/2027", NULL));
  g_assert_true (bridge_plan_set_academic_year (plan, bridge_plan_get_academic_year (plan), NULL));
  g_assert_cmpstr (bridge_plan_get_academic_year (plan), ==, "2026/2027");
  bridge_plan_set_student_name (plan, "李明", NULL);
  bridge_plan_set_student_name (plan, bridge_plan_get_student_name (plan), NULL);
  g_assert_cmpstr (bridge_plan_get_student_name (plan), ==, "李明");
}

/* What `plan show --json` prints comes from the engine: the names scripts
 * read for the approval state and the warnings, the agreement digest, the
 * totals and the groups. */
static void
test_summary (PlanFixture   *fx,
              gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *digest = NULL;
  const char *dup[] = { "cqu:cs301", NULL };
  JsonObject *o;
  JsonArray *groups, *warnings;
  gboolean duplicate = FALSE;

  g_assert_nonnull (bridge_plan_add_group (plan, fx->catalog, dup, NULL, NULL));
  node = bridge_plan_summary_to_json (plan, fx->catalog);
  o = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "plan"), "format"),
                   ==, BRIDGE_PLAN_FORMAT);
  digest = bridge_plan_get_agreement_digest (plan);
  g_assert_cmpstr (json_object_get_string_member (o, "digest"), ==, digest);
  g_assert_false (json_object_get_boolean_member (o, "locked"));
  g_assert_false (json_object_get_boolean_member (o, "modified_after_approval"));
  g_assert_cmpstr (json_object_get_string_member (o, "approval_state"), ==, "draft");
  g_assert_false (json_object_has_member (o, "approval_problem"));
  g_assert_true (json_object_has_member (json_object_get_object_member (o, "totals"), "home_credits"));
  groups = json_object_get_array_member (o, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (groups, 2), "id"), ==, "g3");
  /* Exact totals beside the rounded ones: g1's cs301 is 126 h at 36 h a scu credit. */
  {
    JsonObject *g1_totals = json_object_get_object_member (json_array_get_object_element (groups, 0), "totals");
    JsonObject *totals = json_object_get_object_member (o, "totals");

    g_assert_cmpstr (json_object_get_string_member (g1_totals, "home_credits_fraction"), ==, "7/2");
    g_assert_cmpfloat (json_object_get_double_member (g1_totals, "home_credits_exact"), ==, 3.5);
    /* The plan: cs301 twice (7/2 each) and cs302 (108 h, 3): 10, an integer written as one. */
    g_assert_cmpstr (json_object_get_string_member (totals, "home_credits_fraction"), ==, "10");
    g_assert_cmpfloat (json_object_get_double_member (totals, "home_credits_exact"), ==, 10);
  }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (groups, 0),
                                                                           "unknown_courses")), ==, 0);
  warnings = json_object_get_array_member (o, "warnings");
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    {
      JsonObject *w = json_array_get_object_element (warnings, i);

      if (g_str_equal (json_object_get_string_member (w, "kind"), "duplicate"))
        duplicate = g_str_equal (json_object_get_string_member (w, "course"), "cqu:cs301");
    }
  g_assert_true (duplicate);
  g_clear_pointer (&node, json_node_unref);

  /* Approved by all three (without the duplicate, which a ready plan lacks). */
  g_clear_object (&plan);
  plan = plan_fixture_make_plan (fx);
  plan_fixture_approve_all (plan);
  node = bridge_plan_summary_to_json (plan, fx->catalog);
  o = json_node_get_object (node);
  g_assert_true (json_object_get_boolean_member (o, "locked"));
  g_assert_cmpstr (json_object_get_string_member (o, "approval_state"), ==, "approved");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) \
  g_test_add (name, PlanFixture, NULL, plan_fixture_set_up, fn, plan_fixture_tear_down)

  ADD ("/plan/model/edit", test_model_edit);
  g_test_add_func ("/plan/model/setters-own-strings", test_setters_own_strings);
  ADD ("/plan/model/warnings", test_warnings);
  ADD ("/plan/model/term-load-of-home", test_term_load_of_home);
  ADD ("/plan/model/term-load-of-home-met", test_term_load_of_home_met);
  ADD ("/plan/model/warning-words", test_warning_words);
  ADD ("/plan/model/dates-from-terms", test_dates_from_terms);
  ADD ("/plan/file/round-trip", test_file_round_trip);
  g_test_add_func ("/plan/file/canonical-digest", test_canonical_digest);
  ADD ("/plan/file/atomic", test_file_atomic);
  ADD ("/plan/file/truncated", test_file_truncated);
  ADD ("/plan/file/empty", test_file_empty);
  ADD ("/plan/file/damaged", test_file_damaged);
  ADD ("/plan/file/newer-version", test_file_newer_version);
  ADD ("/plan/file/not-a-plan", test_file_not_a_plan);
  ADD ("/plan/file/unknown-course", test_file_unknown_course);
  ADD ("/plan/file/summary", test_summary);
  g_test_add_func ("/plan/file/surrogate-in-text", test_file_surrogate_in_text);
  g_test_add_func ("/plan/file/surrogate-in-member", test_file_surrogate_in_member);
  g_test_add_func ("/plan/file/surrogate-in-parse-error", test_file_surrogate_in_parse_error);
  ADD ("/plan/approval/lock-and-changes", test_approval_lock_and_changes);
  ADD ("/plan/approval/signer-details", test_approval_needs_signer_details);
  ADD ("/plan/approval/edit-before-lock", test_approval_edit_before_lock);
  ADD ("/plan/approval/modified-after", test_approval_modified_after);
  ADD ("/plan/grades/convert", test_grades);

  return g_test_run ();
}
