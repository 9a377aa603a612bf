/* test-plan-changed.c: plans told of courses the catalog changed
 *
 * Issue 20 item 5: a plan refers to courses an update of the catalog
 * changed. It keeps the credits and workload it recorded (what the
 * agreement says, and what an approval signed), warns with the old and the
 * new figures and what they change, and takes the new ones only when the
 * student does so, never in an approved agreement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-plan.h"
#include "bridge-plan-export.h"
#include "bridge-plan-pdf.h"
#include "bridge-plan-private.h"
#include "pdf-text.h"
#include "plan-fixture.h"

/* cqu:cs301: 48 lecture + 16 lab periods, no declared workload (126 h
 * estimated: 3.5 home credits at scu), 3.5 local credits. */
#define CS301_CREDITS "\"lab\": 16}, \"credits\": 3.5,"
/* scu:cs305, the home course of g1: 3 credits. */
#define CS305_CREDITS "\"Principles of Operating Systems\"},\n" \
                      "     \"isced\": \"0613\", \"cycle\": \"bachelor\", \"level\": \"core\", \"periods\": {\"lecture\": 48}, \"credits\": 3,"
#define CS305_CREDITS_4 "\"Principles of Operating Systems\"},\n" \
                        "     \"isced\": \"0613\", \"cycle\": \"bachelor\", \"level\": \"core\", \"periods\": {\"lecture\": 48}, \"credits\": 4,"

/* The warnings of @kind (about @course_id when not NULL). */
static guint
count_warnings (GPtrArray             *warnings,
                BridgePlanWarningKind  kind,
                const char            *course_id,
                const char           **message)
{
  guint n = 0;

  for (guint i = 0; i < warnings->len; i++)
    {
      BridgePlanWarning *w = g_ptr_array_index (warnings, i);

      if (w->kind != kind || (course_id != NULL && g_strcmp0 (w->course_id, course_id) != 0))
        continue;
      if (message != NULL)
        *message = w->message;
      n++;
    }
  return n;
}

static void
assert_says (const char *message,
             const char *needle)
{
  if (message == NULL || strstr (message, needle) == NULL)
    g_error ("the warning “%s” does not say “%s”", message ? message : "(none)", needle);
}

static const BridgePlanComponent *
component (BridgePlan     *plan,
           guint           group,
           BridgePlanSide  side)
{
  return bridge_plan_group_get_component (bridge_plan_get_group (plan, group), side, 0);
}

static void
count_signal (gpointer  object,
              guint    *n)
{
  (*n)++;
}

/* Table A: cs301 now gives 4.5 local credits. */
static void
test_credits_changed (PlanFixture   *fx,
                      gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeCatalog) updated = plan_fixture_catalog_with (fx, CS301_CREDITS, "\"lab\": 16}, \"credits\": 4.5,");
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  const char *message = NULL;
  BridgePlanTotals t;
  guint n_taken = 99, n_signals = 0;

  g_assert_cmpuint (bridge_plan_refresh (plan, updated), ==, 0);
  g_assert_cmpuint (bridge_plan_count_changed (plan), ==, 1);
  g_assert_true (component (plan, 0, BRIDGE_PLAN_SIDE_HOST)->changed);
  g_assert_cmpfloat (component (plan, 0, BRIDGE_PLAN_SIDE_HOST)->catalog_credits, ==, 4.5);
  g_assert_cmpfloat (component (plan, 0, BRIDGE_PLAN_SIDE_HOST)->credits, ==, 3.5);
  g_assert_false (component (plan, 0, BRIDGE_PLAN_SIDE_HOME)->changed);
  g_assert_false (component (plan, 1, BRIDGE_PLAN_SIDE_HOST)->changed);

  warnings = bridge_plan_check (plan, updated);
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_COURSE_CHANGED, NULL, NULL), ==, 1);
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_COURSE_CHANGED, "cqu:cs301", &message), ==, 1);
  assert_says (message, "Operating Systems (CS301)");
  assert_says (message, "4.5 credits (the plan recorded 3.5)");
  /* Home credits come from the workload, which did not change. */
  assert_says (message, "The home credits this group awards stay 3.5.");
  assert_says (message, "Use the New Figures");

  /* The plan counts what it recorded. */
  g_assert_true (bridge_plan_compute_totals (plan, updated, bridge_plan_get_group (plan, 0), &t, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (t.host_credits, 3.5, 1e-9);

  /* Until the student takes the new figures. */
  bridge_plan_set_modified (plan, FALSE);
  g_signal_connect (plan, "changed", G_CALLBACK (count_signal), &n_signals);
  g_assert_true (bridge_plan_use_catalog_figures (plan, updated, &n_taken, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_taken, ==, 1);
  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_true (bridge_plan_get_modified (plan));
  g_assert_cmpfloat (component (plan, 0, BRIDGE_PLAN_SIDE_HOST)->credits, ==, 4.5);
  g_assert_false (component (plan, 0, BRIDGE_PLAN_SIDE_HOST)->changed);
  g_assert_cmpuint (bridge_plan_count_changed (plan), ==, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = bridge_plan_check (plan, updated);
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_COURSE_CHANGED, NULL, NULL), ==, 0);
  g_assert_true (bridge_plan_compute_totals (plan, updated, bridge_plan_get_group (plan, 0), &t, &error));
  g_assert_cmpfloat_with_epsilon (t.host_credits, 4.5, 1e-9);
}

/* Table A: cs301 now declares 144 hours where the plan counted the 126
 * estimated from its class periods. */
static void
test_workload_changed (PlanFixture   *fx,
                       gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeCatalog) updated = plan_fixture_catalog_with (fx, CS301_CREDITS,
                                                                "\"lab\": 16}, \"credits\": 3.5, \"workload_hours\": 144,");
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  const char *message = NULL;
  BridgePlanTotals t;
  guint n_taken = 0;

  g_assert_cmpuint (bridge_plan_refresh (plan, updated), ==, 0);
  g_assert_cmpuint (bridge_plan_count_changed (plan), ==, 1);
  g_assert_cmpfloat (component (plan, 0, BRIDGE_PLAN_SIDE_HOST)->catalog_workload_hours, ==, 144);
  warnings = bridge_plan_check (plan, updated);
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_COURSE_CHANGED, "cqu:cs301", &message), ==, 1);
  assert_says (message, "a workload of 144 hours (the plan recorded 126)");
  /* 144 h ÷ 36 h = 4 home credits; 126 h gave 3.5. */
  assert_says (message, "With the new figures this group awards 4.0 home credits instead of 3.5.");

  g_assert_true (bridge_plan_compute_totals (plan, updated, bridge_plan_get_group (plan, 0), &t, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (t.home_credits, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.alliance_credits, 4.2, 1e-9);

  g_assert_true (bridge_plan_use_catalog_figures (plan, updated, &n_taken, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_taken, ==, 1);
  g_assert_cmpfloat (component (plan, 0, BRIDGE_PLAN_SIDE_HOST)->workload_hours, ==, 144);
  g_assert_true (bridge_plan_compute_totals (plan, updated, bridge_plan_get_group (plan, 0), &t, &error));
  g_assert_cmpfloat_with_epsilon (t.home_credits, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.alliance_credits, 4.8, 1e-9);
}

/* Table B: the home course scu:cs305 now carries 4 credits. */
static void
test_home_changed (PlanFixture   *fx,
                   gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeCatalog) updated = plan_fixture_catalog_with (fx, CS305_CREDITS, CS305_CREDITS_4);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  const char *message = NULL;
  BridgePlanTotals t;

  g_assert_cmpuint (bridge_plan_refresh (plan, updated), ==, 0);
  g_assert_true (component (plan, 0, BRIDGE_PLAN_SIDE_HOME)->changed);
  g_assert_false (component (plan, 0, BRIDGE_PLAN_SIDE_HOST)->changed);
  warnings = bridge_plan_check (plan, updated);
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_COURSE_CHANGED, NULL, NULL), ==, 1);
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_COURSE_CHANGED, "scu:cs305", &message), ==, 1);
  assert_says (message, "Principles of Operating Systems (CS305)");
  assert_says (message, "4.0 credits (the plan recorded 3.0)");
  assert_says (message, "the home courses of this group replace 4.0 credits instead of 3.0");
  /* g1 awards 3.5 home credits, more than the recorded 3 (only g2 awards
   * fewer than it replaces); the new 4 would not be covered. */
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_FEWER_CREDITS, NULL, NULL), ==, 1);

  g_assert_true (bridge_plan_compute_totals (plan, updated, bridge_plan_get_group (plan, 0), &t, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (t.replaced_credits, 3.0, 1e-9);
  g_assert_true (bridge_plan_use_catalog_figures (plan, updated, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (component (plan, 0, BRIDGE_PLAN_SIDE_HOME)->credits, ==, 4);
  g_assert_true (bridge_plan_compute_totals (plan, updated, bridge_plan_get_group (plan, 0), &t, &error));
  g_assert_cmpfloat_with_epsilon (t.replaced_credits, 4.0, 1e-9);
  g_clear_pointer (&warnings, g_ptr_array_unref);
  warnings = bridge_plan_check (plan, updated);
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_FEWER_CREDITS, NULL, NULL), ==, 2);
}

/* A course the update removed is still flagged as before, not as changed. */
static void
test_removed (PlanFixture   *fx,
              gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeCatalog) updated = plan_fixture_catalog_with (fx, "\"id\": \"cqu:cs302\"", "\"id\": \"cqu:cs399\"");
  g_autoptr(GPtrArray) warnings = NULL;

  g_assert_cmpuint (bridge_plan_refresh (plan, updated), ==, 1);
  g_assert_true (component (plan, 1, BRIDGE_PLAN_SIDE_HOST)->unknown);
  g_assert_false (component (plan, 1, BRIDGE_PLAN_SIDE_HOST)->changed);
  g_assert_cmpuint (bridge_plan_count_changed (plan), ==, 0);
  warnings = bridge_plan_check (plan, updated);
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_UNKNOWN_COURSE, "cqu:cs302", NULL), ==, 1);
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_COURSE_CHANGED, NULL, NULL), ==, 0);
}

/* The same catalog, and a plan that recorded the estimated workload (as an
 * EWP import does): nothing is said, nothing is taken. */
static void
test_unchanged (PlanFixture   *fx,
                gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeCatalog) same = plan_fixture_catalog_with (fx, CS301_CREDITS, CS301_CREDITS);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  BridgePlanComponent *c = (BridgePlanComponent *) component (plan, 0, BRIDGE_PLAN_SIDE_HOST);
  guint n_taken = 99, n_signals = 0;

  c->workload_hours = 126;
  for (guint i = 0; i < 2; i++)
    {
      BridgeCatalog *catalog = i == 0 ? fx->catalog : same;

      g_assert_cmpuint (bridge_plan_refresh (plan, catalog), ==, 0);
      g_assert_cmpuint (bridge_plan_count_changed (plan), ==, 0);
      warnings = bridge_plan_check (plan, catalog);
      g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_COURSE_CHANGED, NULL, NULL), ==, 0);
      g_clear_pointer (&warnings, g_ptr_array_unref);
    }
  bridge_plan_set_modified (plan, FALSE);
  g_signal_connect (plan, "changed", G_CALLBACK (count_signal), &n_signals);
  g_assert_true (bridge_plan_use_catalog_figures (plan, same, &n_taken, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_taken, ==, 0);
  g_assert_cmpuint (n_signals, ==, 0);
  g_assert_false (bridge_plan_get_modified (plan));
}

/* An approved agreement keeps what was approved: its digest, its figures
 * and its totals; the warning says the catalog changed since. The new
 * figures go into a new draft. */
static void
test_approved (PlanFixture   *fx,
               gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeCatalog) updated = plan_fixture_catalog_with (fx, CS301_CREDITS,
                                                                "\"lab\": 16}, \"credits\": 4.5, \"workload_hours\": 144,");
  g_autoptr(BridgePlan) loaded = NULL;
  g_autoptr(BridgePlan) draft = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "approved.creditplan", NULL);
  const char *message = NULL;
  BridgePlanTotals t;
  guint n_taken = 0;

  plan_fixture_approve_all (plan);
  g_assert_true (bridge_plan_get_locked (plan));
  g_assert_true (bridge_plan_save (plan, path, &error));
  g_assert_no_error (error);
  digest = bridge_plan_get_agreement_digest (plan);

  loaded = bridge_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bridge_plan_refresh (loaded, updated), ==, 0);
  g_assert_true (component (loaded, 0, BRIDGE_PLAN_SIDE_HOST)->changed);
  warnings = bridge_plan_check (loaded, updated);
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_COURSE_CHANGED, "cqu:cs301", &message), ==, 1);
  assert_says (message, "since the agreement was approved");
  assert_says (message, "4.5 credits and a workload of 144 hours (the plan recorded 3.5 credits and 126 hours)");
  assert_says (message, "reopen it as a new draft");
  g_assert_cmpuint (count_warnings (warnings, BRIDGE_PLAN_WARNING_MODIFIED_AFTER_APPROVAL, NULL, NULL), ==, 0);
  g_assert_true (bridge_plan_compute_totals (loaded, updated, bridge_plan_get_group (loaded, 0), &t, &error));
  g_assert_cmpfloat_with_epsilon (t.host_credits, 3.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.home_credits, 3.5, 1e-9);
  summary = bridge_plan_summary_to_json (loaded, updated);

  g_assert_false (bridge_plan_use_catalog_figures (loaded, updated, &n_taken, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_PLAN_LOCKED);
  assert_says (error->message, "Reopen it as a new draft");
  g_clear_error (&error);
  g_assert_cmpuint (n_taken, ==, 0);
  g_assert_cmpfloat (component (loaded, 0, BRIDGE_PLAN_SIDE_HOST)->credits, ==, 3.5);

  after = bridge_plan_get_agreement_digest (loaded);
  g_assert_cmpstr (after, ==, digest);
  g_assert_cmpint (bridge_plan_get_approval_state (loaded, NULL), ==, BRIDGE_PLAN_APPROVAL_STATE_APPROVED);
  g_assert_false (bridge_plan_get_modified (loaded));

  /* A new draft of it takes them, and is approved again. */
  draft = bridge_plan_new_draft_from (loaded, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_plan_use_catalog_figures (draft, updated, &n_taken, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_taken, ==, 1);
  g_assert_true (bridge_plan_compute_totals (draft, updated, bridge_plan_get_group (draft, 0), &t, &error));
  g_assert_cmpfloat_with_epsilon (t.host_credits, 4.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (t.home_credits, 4.0, 1e-9);
  g_clear_pointer (&after, g_free);
  after = bridge_plan_get_agreement_digest (loaded);
  g_assert_cmpstr (after, ==, digest);
}

/* The printed agreement reads as approved: each line of Table A and the
 * totals from the recorded figures (cs301: 126 h = 4.20 alliance credits,
 * not the catalog's 144 h = 4.80), its digest on every page. */
static void
test_pdf (PlanFixture   *fx,
          gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeCatalog) updated = plan_fixture_catalog_with (fx, CS301_CREDITS,
                                                                "\"lab\": 16}, \"credits\": 4.5, \"workload_hours\": 144,");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *pdf = g_build_filename (fx->dir, "la.pdf", NULL);
  g_autofree char *digest = NULL;
  g_autoptr(GRegex) row = NULL;

  plan_fixture_approve_all (plan);
  digest = bridge_plan_get_agreement_digest (plan);
  g_assert_true (bridge_plan_export_pdf (plan, updated, pdf, &error));
  g_assert_no_error (error);
  for (guint i = 1; i <= pdf_n_pages (pdf); i++)
    {
      g_autofree char *text = pdf_page_text (pdf, i);

      g_assert_nonnull (strstr (text, digest));
      g_string_append (all, text);
    }
  row = g_regex_new ("CS301 .* 3\\.5 +4\\.20 +4\\.58", 0, 0, NULL);
  if (!g_regex_match (row, all->str, 0, NULL))
    g_error ("no line “CS301 … 3.5 4.20 4.58” in the PDF:\n%s", all->str);
  g_assert_null (strstr (all->str, "4.80"));
}

/* The EWP agreement carries the same: cs301's ECTS from the recorded
 * 126 h (4.58), not the catalog's 144 h (5.24). */
static void
test_ewp (PlanFixture   *fx,
          gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeCatalog) updated = plan_fixture_catalog_with (fx, CS301_CREDITS,
                                                                "\"lab\": 16}, \"credits\": 4.5, \"workload_hours\": 144,");
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(BridgeCreditResult) r = NULL;
  const char *cs301, *ects;

  plan_fixture_approve_all (plan);
  r = bridge_plan_compute_component (plan, updated, component (plan, 0, BRIDGE_PLAN_SIDE_HOST), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (r->ects_credits, 4.58, 0.006);
  xml = bridge_plan_to_ewp_xml (plan, updated, &error);
  g_assert_no_error (error);
  cs301 = strstr (xml, "<los-code>CS301</los-code>");
  g_assert_nonnull (cs301);
  ects = strstr (cs301, "<value>");
  g_assert_nonnull (ects);
  if (!g_str_has_prefix (ects, "<value>4.58</value>"))
    g_error ("CS301's ECTS in the EWP agreement: %.40s", ects);
}

/* plan show --json: each group lists its changed courses with both figures. */
static void
test_summary (PlanFixture   *fx,
              gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeCatalog) updated = plan_fixture_catalog_with (fx, CS301_CREDITS,
                                                                "\"lab\": 16}, \"credits\": 4.5, \"workload_hours\": 144,");
  g_autoptr(JsonNode) root = bridge_plan_summary_to_json (plan, updated);
  JsonArray *groups = json_object_get_array_member (json_node_get_object (root), "groups");
  JsonArray *changed = json_object_get_array_member (json_array_get_object_element (groups, 0), "changed_courses");
  JsonObject *c, *recorded, *now;

  g_assert_cmpuint (json_array_get_length (changed), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (groups, 1),
                                                                         "changed_courses")), ==, 0);
  c = json_array_get_object_element (changed, 0);
  g_assert_cmpstr (json_object_get_string_member (c, "course"), ==, "cqu:cs301");
  g_assert_cmpstr (json_object_get_string_member (c, "side"), ==, "host");
  g_assert_true (json_object_get_boolean_member (c, "credits_changed"));
  g_assert_true (json_object_get_boolean_member (c, "workload_changed"));
  recorded = json_object_get_object_member (c, "recorded");
  now = json_object_get_object_member (c, "catalog");
  g_assert_cmpfloat (json_object_get_double_member (recorded, "credits"), ==, 3.5);
  g_assert_cmpfloat (json_object_get_double_member (recorded, "workload_hours"), ==, 126);
  g_assert_cmpfloat (json_object_get_double_member (now, "credits"), ==, 4.5);
  g_assert_cmpfloat (json_object_get_double_member (now, "workload_hours"), ==, 144);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, PlanFixture, NULL, plan_fixture_set_up, func, plan_fixture_tear_down)

  ADD ("/plan/changed/credits", test_credits_changed);
  ADD ("/plan/changed/workload", test_workload_changed);
  ADD ("/plan/changed/home-course", test_home_changed);
  ADD ("/plan/changed/removed", test_removed);
  ADD ("/plan/changed/unchanged", test_unchanged);
  ADD ("/plan/changed/approved", test_approved);
  ADD ("/plan/changed/summary", test_summary);
  ADD ("/plan/changed/pdf", test_pdf);
  ADD ("/plan/changed/ewp", test_ewp);

  return g_test_run ();
}
