/* test-ewp.c: the Learning Agreement as EWP XML, validated with xmllint
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-plan-export.h"
#include "bridge-plan.h"
#include "bridge-plan-private.h"
#include "plan-fixture.h"

/* The shared schemas when the checkout has them beside it (the contract),
 * else the copy vendored in tests/plan/ewp-xsd. */
static char *
validator (void)
{
  const char *root = g_getenv ("CREDIT_BRIDGE_SOURCE_ROOT");
  g_autofree char *shared = root ? g_build_filename (root, "..", "shared", "spec", "ewp-xsd", "validate.sh", NULL) : NULL;

  if (shared && g_file_test (shared, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&shared);
  return g_build_filename (PLAN_TEST_DIR, "ewp-xsd", "validate.sh", NULL);
}

static void
assert_valid (PlanFixture *fx,
              const char  *xml,
              const char  *name)
{
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);
  g_autofree char *script = validator ();
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/bin/sh", script, path, NULL };
  int status;

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s does not validate with %s:\n%s%s", name, script, out, err);
  g_assert_nonnull (strstr (err, "validates"));
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The text between the first @open and the next @close. */
static char *
section (const char *xml,
         const char *open,
         const char *close)
{
  const char *a = strstr (xml, open);
  const char *b = a ? strstr (a, close) : NULL;

  g_assert_nonnull (a);
  g_assert_nonnull (b);
  return g_strndup (a, b - a);
}

/* Rules beyond the schema that every export here must follow. */
static void
assert_ewp_rules (const char *xml)
{
  const char *p = xml;

  /* A term-id in every component of Tables A and B. */
  g_assert_cmpuint (count (xml, "<component>") + count (xml, "<component "), ==, count (xml, "<term-id>"));
  /* No recognition-conditions in Table A. */
  while ((p = strstr (p, "<components-studied>")))
    {
      g_autofree char *a = section (p, "<components-studied>", "</components-studied>");

      g_assert_null (strstr (a, "recognition-conditions"));
      p++;
    }
  /* Institutional signers with name, position and email. */
  for (guint k = 0; k < 2; k++)
    {
      const char *tag = k == 0 ? "<sending-hei-signature>" : "<receiving-hei-signature>";

      for (p = strstr (xml, tag); p; p = strstr (p + 1, tag))
        {
          g_autofree char *s = section (p, tag, "</timestamp>");

          g_assert_nonnull (strstr (s, "<signer-name>"));
          g_assert_nonnull (strstr (s, "<signer-position>"));
          g_assert_nonnull (strstr (s, "<signer-email>"));
        }
    }
}

static void
approve_proposal (BridgePlan *plan,
                  gboolean    receiving)
{
  g_autoptr(GError) error = NULL;
  BridgePlanPerson student = { (char *) "李华", NULL, (char *) "lihua@stu.scu.edu.cn" };
  BridgePlanPerson sending = { (char *) "王芳", (char *) "Exchange coordinator", (char *) "wangfang@scu.edu.cn" };
  BridgePlanPerson recv = { (char *) "Zhang Wei", (char *) "International office", (char *) "zhangwei@cqu.edu.cn" };

  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, "2026-10-01T09:00:00+08:00", &error));
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_SENDING, &sending, "2026-10-02T09:00:00+08:00", &error));
  if (receiving)
    g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_RECEIVING, &recv, "2026-10-03T09:00:00+08:00", &error));
  g_assert_no_error (error);
}

/* Before the receiving side approves: the proposed first version. */
static void
test_proposal (PlanFixture   *fx,
               gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  BridgePlanPerson student = { (char *) "李华", NULL, NULL };
  BridgePlanPerson sending = { (char *) "王芳", (char *) "Exchange coordinator", (char *) "wangfang@scu.edu.cn" };

  /* Nobody approved yet: EWP has nothing to send. */
  g_assert_null (bridge_plan_to_ewp_xml (plan, fx->catalog, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, "sending institution"));
  g_clear_error (&error);

  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, "2026-06-01T10:00:00Z", &error));
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_SENDING, &sending, "2026-06-02T10:00:00Z", &error));
  xml = bridge_plan_to_ewp_xml (plan, fx->catalog, &error);
  g_assert_no_error (error);
  assert_valid (fx, xml, "proposal.xml");
  assert_ewp_rules (xml);
  g_assert_null (strstr (xml, "<first-version>"));
  g_assert_nonnull (strstr (xml, "<changes-proposal id="));
  g_assert_null (strstr (xml, "<receiving-hei-signature>"));
  /* ECTS from the workload: cs301 is 126 h / 27.5 = 4.58; cs302 108 h = 3.93. */
  g_assert_nonnull (strstr (xml, "<scheme>ects</scheme>\n            <value>4.58</value>"));
  g_assert_nonnull (strstr (xml, "<scheme>ects</scheme>\n            <value>3.93</value>"));
  g_assert_nonnull (strstr (xml, "<hei-id>scu.edu.cn</hei-id>"));
  g_assert_nonnull (strstr (xml, "<hei-id>cqu.edu.cn</hei-id>"));
  g_assert_nonnull (strstr (xml, "<los-code>CS301</los-code>"));
  g_assert_nonnull (strstr (xml, "<trm:term-number>1</trm:term-number>"));
  g_assert_nonnull (strstr (xml, "<trm:total-terms>2</trm:total-terms>"));
  g_assert_nonnull (strstr (xml, "<family-name>李</family-name>"));
}

static void
test_approved (PlanFixture   *fx,
               gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *first = NULL;

  plan_fixture_approve_all (plan);
  xml = bridge_plan_to_ewp_xml (plan, fx->catalog, &error);
  g_assert_no_error (error);
  assert_valid (fx, xml, "approved.xml");
  assert_ewp_rules (xml);
  first = section (xml, "<first-version>", "</first-version>");
  g_assert_nonnull (strstr (first, "<receiving-hei-signature>"));
  g_assert_nonnull (strstr (first, "<signer-position>International office</signer-position>"));
  g_assert_nonnull (strstr (first, "<timestamp>2026-06-03T10:00:00Z</timestamp>"));
  g_assert_null (strstr (xml, "<changes-proposal"));
  g_assert_null (strstr (xml, "status="));
}

static void
propose_changes (PlanFixture *fx,
                 BridgePlan  *plan)
{
  g_autoptr(GError) error = NULL;
  BridgePlanGroup *g2 = bridge_plan_find_group (plan, "g2", NULL);

  g_assert_true (bridge_plan_propose_delete (plan, g2, BRIDGE_PLAN_SIDE_HOST, "cqu:cs302",
                                             BRIDGE_CHANGE_REASON_NOT_AVAILABLE, NULL, &error));
  g_assert_true (bridge_plan_propose_add (plan, fx->catalog, g2, BRIDGE_PLAN_SIDE_HOST, "cqu:ma101",
                                          BRIDGE_CHANGE_REASON_SUBSTITUTING_DELETED, NULL, &error));
  g_assert_true (bridge_plan_propose_add_group (plan, fx->catalog, (const char *[]) { "cqu:cs201", NULL },
                                                (const char *[]) { "scu:ma120", NULL },
                                                BRIDGE_CHANGE_REASON_OTHER, "Second term added", &error));
  g_assert_no_error (error);
}

/* An approved agreement with a pending changes proposal. */
static void
test_pending_changes (PlanFixture   *fx,
                      gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *proposal = NULL;

  bridge_plan_set_terms (plan, (const char *[]) { "2026-autumn", "2027-spring", NULL });
  bridge_plan_set_dates (plan, "2026-09-01", "2027-07-05", NULL);
  plan_fixture_approve_all (plan);
  propose_changes (fx, plan);
  /* A proposal goes out once the student and the sending side approved it. */
  g_assert_null (bridge_plan_to_ewp_xml (plan, fx->catalog, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_clear_error (&error);
  approve_proposal (plan, FALSE);

  xml = bridge_plan_to_ewp_xml (plan, fx->catalog, &error);
  g_assert_no_error (error);
  assert_valid (fx, xml, "pending.xml");
  assert_ewp_rules (xml);
  g_assert_nonnull (strstr (xml, "<first-version>"));
  proposal = section (xml, "<changes-proposal", "</changes-proposal>");
  g_assert_nonnull (strstr (proposal, "status=\"deleted\" reason-code=\"not-available\""));
  g_assert_nonnull (strstr (proposal, "status=\"inserted\" reason-code=\"substituting-deleted\""));
  g_assert_nonnull (strstr (proposal, "status=\"inserted\" reason-text=\"Second term added\""));
  g_assert_nonnull (strstr (proposal, "<los-code>CS302</los-code>"));
  g_assert_nonnull (strstr (proposal, "<los-code>MA120</los-code>"));
  /* cs201 is taught in spring: the second term of 2026/2027. */
  g_assert_nonnull (strstr (proposal, "<trm:term-number>2</trm:term-number>"));
  g_assert_null (strstr (proposal, "<receiving-hei-signature>"));

  /* The receiving side approves: approved-changes. */
  g_clear_pointer (&xml, g_free);
  {
    BridgePlanPerson recv = { (char *) "Zhang Wei", (char *) "International office", (char *) "zhangwei@cqu.edu.cn" };

    g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_RECEIVING, &recv, "2026-10-03T09:00:00+08:00", &error));
  }
  xml = bridge_plan_to_ewp_xml (plan, fx->catalog, &error);
  g_assert_no_error (error);
  assert_valid (fx, xml, "approved-changes.xml");
  assert_ewp_rules (xml);
  g_assert_nonnull (strstr (xml, "<approved-changes>"));
  g_assert_null (strstr (xml, "<changes-proposal"));
}

static BridgePlan *
plan_with_approval_json (PlanFixture *fx,
                         BridgePlan  *plan,
                         const char  *role,
                         const char  *position)
{
  g_autoptr(JsonNode) root = bridge_plan_to_json (plan);
  g_autofree char *digest = bridge_plan_get_content_digest (plan);
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *a = json_object_new ();
  BridgePlan *loaded;

  json_object_set_string_member (a, "role", role);
  json_object_set_string_member (a, "name", "王芳");
  if (position)
    json_object_set_string_member (a, "position", position);
  json_object_set_string_member (a, "email", "wangfang@scu.edu.cn");
  json_object_set_string_member (a, "timestamp", "2026-06-02T10:00:00Z");
  json_object_set_string_member (a, "digest", digest);
  json_array_add_object_element (json_object_get_array_member (json_node_get_object (root), "approvals"), a);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  loaded = bridge_plan_new_from_data (text, -1, &error);
  g_assert_no_error (error);
  return loaded;
}

/* The EWP rules beyond the schema, enforced with a clear error. */
/* The three approvals as an import records them: without the readiness check. */
static void
record_all (BridgePlan *plan)
{
  g_autoptr(GError) error = NULL;
  BridgePlanPerson student = { (char *) "李华", NULL, NULL };
  BridgePlanPerson sending = { (char *) "王芳", (char *) "Coordinator", (char *) "wangfang@scu.edu.cn" };
  BridgePlanPerson receiving = { (char *) "Zhang Wei", (char *) "International office", (char *) "zhangwei@cqu.edu.cn" };

  g_assert_true (bridge_plan_record_approval (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, "2026-06-01T10:00:00Z", &error));
  g_assert_true (bridge_plan_record_approval (plan, BRIDGE_PLAN_ROLE_SENDING, &sending, "2026-06-02T10:00:00Z", &error));
  g_assert_true (bridge_plan_record_approval (plan, BRIDGE_PLAN_ROLE_RECEIVING, &receiving, "2026-06-03T10:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_get_locked (plan));
}

/* An approval whose time is not a date and time (a file written
 * elsewhere) cannot go out: EWP's timestamp is an xs:dateTime. */
static void
test_bad_timestamp (PlanFixture   *fx,
                    gconstpointer  data)
{
  const char *timestamp = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  BridgePlanPerson student = { (char *) "李华", NULL, NULL };
  BridgePlanPerson sending = { (char *) "王芳", (char *) "Coordinator", (char *) "wangfang@scu.edu.cn" };
  g_autofree char *xml = NULL;

  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, "2026-06-01T10:00:00Z", &error));
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_SENDING, &sending, timestamp, &error));
  g_assert_no_error (error);
  xml = bridge_plan_to_ewp_xml (plan, fx->catalog, &error);
  g_assert_null (xml);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, "has no valid time"));
}

static void
test_rules (PlanFixture   *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BridgePlanPerson student = { (char *) "李华", NULL, NULL };

  /* An institutional signer without a position (a file written elsewhere). */
  {
    g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
    g_autoptr(BridgePlan) edited = NULL;

    g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, "2026-06-01T10:00:00Z", &error));
    edited = plan_with_approval_json (fx, plan, "sending", NULL);
    g_assert_false (bridge_plan_get_modified_after_approval (edited));
    g_assert_null (bridge_plan_to_ewp_xml (edited, fx->catalog, &error));
    g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
    g_assert_nonnull (strstr (error->message, "position"));
    g_clear_error (&error);
  }

  /* A term the catalog does not know and EWP cannot number: no term-id. */
  {
    g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
    BridgePlanPerson sending = { (char *) "王芳", (char *) "Coordinator", (char *) "wangfang@scu.edu.cn" };

    bridge_plan_set_term (plan, "intensive-block");
    g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, "2026-06-01T10:00:00Z", &error));
    g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_SENDING, &sending, "2026-06-01T10:00:00Z", &error));
    g_assert_null (bridge_plan_to_ewp_xml (plan, fx->catalog, &error));
    g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
    g_assert_nonnull (strstr (error->message, "term-id"));
    g_clear_error (&error);
  }

  /* The student's language skill is required by EWP. */
  {
    g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
    BridgePlanStudent s = { 0 };

    bridge_plan_student_copy (bridge_plan_get_student (plan), &s);
    g_clear_pointer (&s.cefr, g_free);
    bridge_plan_set_student (plan, &s, NULL);
    bridge_plan_student_clear (&s);
    /* It cannot be approved without it… */
    g_assert_false (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, "2026-06-01T10:00:00Z", &error));
    g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
    g_assert_nonnull (strstr (error->message, "CEFR"));
    g_clear_error (&error);
    /* …and an agreement approved without it elsewhere does not go out. */
    record_all (plan);
    g_assert_null (bridge_plan_to_ewp_xml (plan, fx->catalog, &error));
    g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
    g_assert_nonnull (strstr (error->message, "CEFR"));
    g_clear_error (&error);
  }

  /* A plan modified after approval does not go out. */
  {
    g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
    g_autoptr(BridgePlan) edited = NULL;

    g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, "2026-06-01T10:00:00Z", &error));
    edited = plan_with_approval_json (fx, plan, "sending", "Coordinator");
    bridge_plan_set_provisions (edited, "changed", NULL);
    /* (an in-app edit withdraws the approvals instead) */
    g_assert_null (bridge_plan_get_approval (edited, BRIDGE_PLAN_ROLE_SENDING));
  }
}

/* Export, import, export again: the same XML; and what EWP carries is back in the plan. */
static void
test_round_trip (PlanFixture   *fx,
                 gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL, *xml2 = NULL;
  const BridgePlanStudent *s;
  const BridgePlanInstitution *home;
  BridgePlanGroup *g1;

  plan_fixture_approve_all (plan);
  {
    BridgePlanGroup *g2 = bridge_plan_find_group (plan, "g2", NULL);

    g_assert_true (bridge_plan_propose_delete (plan, g2, BRIDGE_PLAN_SIDE_HOST, "cqu:cs302",
                                               BRIDGE_CHANGE_REASON_TIMETABLE_CONFLICT, NULL, &error));
    g_assert_true (bridge_plan_propose_add (plan, fx->catalog, g2, BRIDGE_PLAN_SIDE_HOST, "cqu:ma101",
                                            BRIDGE_CHANGE_REASON_SUBSTITUTING_DELETED, NULL, &error));
  }
  approve_proposal (plan, TRUE);
  g_assert_true (bridge_plan_propose_add_group (plan, fx->catalog, (const char *[]) { "cqu:cs201", NULL },
                                                (const char *[]) { "scu:ma120", NULL },
                                                BRIDGE_CHANGE_REASON_OTHER, "Second term added", &error));
  g_assert_true (bridge_plan_propose_delete (plan, bridge_plan_find_group (plan, "g1", NULL), BRIDGE_PLAN_SIDE_HOME,
                                             "scu:cs305", BRIDGE_CHANGE_REASON_OTHER, "Recognised elsewhere", &error));
  approve_proposal (plan, FALSE);
  g_assert_no_error (error);

  xml = bridge_plan_to_ewp_xml (plan, fx->catalog, &error);
  g_assert_no_error (error);
  assert_valid (fx, xml, "round-trip.xml");

  back = bridge_plan_new_from_ewp_xml (xml, -1, fx->catalog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);

  s = bridge_plan_get_student (back);
  g_assert_cmpstr (s->name, ==, "李华");
  g_assert_cmpstr (s->student_number, ==, "2023141460001");
  g_assert_cmpstr (s->email, ==, "lihua@stu.scu.edu.cn");
  g_assert_cmpstr (s->birth_date, ==, "2004-05-06");
  g_assert_cmpstr (s->nationality, ==, "CN");
  g_assert_cmpstr (s->isced, ==, "0613");
  g_assert_cmpstr (s->language, ==, "en");
  g_assert_cmpstr (s->cefr, ==, "B2");
  g_assert_cmpint (s->cycle, ==, BRIDGE_CYCLE_BACHELOR);
  home = bridge_plan_get_institution (back, BRIDGE_PLAN_SIDE_HOME);
  g_assert_cmpstr (home->university, ==, "scu");
  g_assert_cmpstr (home->faculty, ==, "College of Computer Science");
  g_assert_cmpstr (home->responsible.name, ==, "王芳");
  g_assert_cmpstr (bridge_plan_get_host_university (back), ==, "cqu");
  g_assert_cmpstr (bridge_plan_get_term (back), ==, "2026-autumn");
  g_assert_cmpstr (bridge_plan_get_start_date (back), ==, "2026-09-01");
  g_assert_cmpstr (bridge_plan_get_end_date (back), ==, "2027-01-20");
  g_assert_cmpstr (bridge_plan_get_academic_year (back), ==, "2026/2027");
  g_assert_cmpstr (bridge_plan_get_mobility_id (back), ==, bridge_plan_get_mobility_id (plan));

  /* Groups rebuilt from "Recognised for: …". */
  g1 = bridge_plan_find_course (back, BRIDGE_PLAN_SIDE_HOST, "cqu:cs301");
  g_assert_nonnull (g1);
  g_assert_nonnull (bridge_plan_group_find_component (g1, BRIDGE_PLAN_SIDE_HOME, "scu:cs305", NULL));
  g_assert_null (bridge_plan_find_course (back, BRIDGE_PLAN_SIDE_HOST, "cqu:cs302"));
  g_assert_true (bridge_plan_find_course (back, BRIDGE_PLAN_SIDE_HOST, "cqu:ma101")
                 == bridge_plan_find_course (back, BRIDGE_PLAN_SIDE_HOME, "scu:cs306"));

  /* Approvals, versions and the pending proposal. */
  g_assert_true (bridge_plan_get_locked (back));
  g_assert_cmpuint (bridge_plan_get_n_versions (back), ==, 2);
  g_assert_false (bridge_plan_get_modified_after_approval (back));
  g_assert_cmpstr (bridge_plan_get_approval (back, BRIDGE_PLAN_ROLE_RECEIVING)->person.position, ==, "International office");
  g_assert_cmpstr (bridge_plan_get_approval (back, BRIDGE_PLAN_ROLE_RECEIVING)->person.email, ==, "zhangwei@cqu.edu.cn");
  g_assert_cmpstr (bridge_plan_get_approval (back, BRIDGE_PLAN_ROLE_RECEIVING)->timestamp, ==, "2026-10-03T09:00:00+08:00");
  g_assert_nonnull (bridge_plan_get_pending_changes (back));
  g_assert_cmpuint (bridge_plan_get_pending_changes (back)->len, ==, 3);
  g_assert_nonnull (bridge_plan_get_pending_approval (back, BRIDGE_PLAN_ROLE_SENDING));

  xml2 = bridge_plan_to_ewp_xml (back, fx->catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xml, ==, xml2);
}

/* A proposed first version comes back as a draft with two approvals. */
static void
test_round_trip_draft (PlanFixture   *fx,
                       gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL, *xml2 = NULL;
  BridgePlanGroup *g;

  approve_proposal (plan, FALSE);
  g_assert_true (bridge_plan_set_component_flags (plan, bridge_plan_get_group (plan, 0), BRIDGE_PLAN_SIDE_HOME,
                                                  "scu:cs305", TRUE, FALSE, &error));
  /* (changing the flag withdrew the approvals: approve again) */
  approve_proposal (plan, FALSE);
  xml = bridge_plan_to_ewp_xml (plan, fx->catalog, &error);
  g_assert_no_error (error);
  assert_valid (fx, xml, "draft.xml");
  g_assert_nonnull (strstr (xml, "Automatic recognition."));

  back = bridge_plan_new_from_ewp_xml (xml, -1, fx->catalog, &error);
  g_assert_no_error (error);
  g_assert_false (bridge_plan_get_locked (back));
  g_assert_nonnull (bridge_plan_get_approval (back, BRIDGE_PLAN_ROLE_SENDING));
  g_assert_null (bridge_plan_get_approval (back, BRIDGE_PLAN_ROLE_RECEIVING));
  g_assert_cmpuint (bridge_plan_get_n_groups (back), ==, 2);
  g = bridge_plan_get_group (back, 0);
  g_assert_true (bridge_plan_group_get_component (g, BRIDGE_PLAN_SIDE_HOME, 0)->automatic);
  g_assert_cmpstr (bridge_plan_group_get_component (g, BRIDGE_PLAN_SIDE_HOST, 0)->course_id, ==, "cqu:cs301");
  g_assert_cmpfloat (bridge_plan_group_get_component (g, BRIDGE_PLAN_SIDE_HOST, 0)->credits, ==, 3.5);
  g_assert_false (bridge_plan_get_modified_after_approval (back));
  xml2 = bridge_plan_to_ewp_xml (back, fx->catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (xml, ==, xml2);
}

static void
test_import_bad (PlanFixture   *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (bridge_plan_new_from_ewp_xml ("<la><unclosed>", -1, fx->catalog, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_clear_error (&error);
  g_assert_null (bridge_plan_new_from_ewp_xml ("<omobility-las-index-response/>", -1, fx->catalog, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, "omobility-las-get-response"));
}

/* Damaged XML: refused with an error or read, never a crash. */
static void
test_import_damaged (PlanFixture   *fx,
                     gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  gsize length;

  plan_fixture_approve_all (plan);
  propose_changes (fx, plan);
  approve_proposal (plan, FALSE);
  xml = bridge_plan_to_ewp_xml (plan, fx->catalog, &error);
  g_assert_no_error (error);
  length = strlen (xml);
  for (gsize cut = 0; cut < length; cut += 97)
    {
      g_autoptr(GError) e = NULL;
      g_autoptr(BridgePlan) p = bridge_plan_new_from_ewp_xml (xml, (gssize) cut, fx->catalog, &e);

      g_assert_null (p);
      g_assert_nonnull (e);
    }
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *copy = g_strdup (xml);
      g_autoptr(GError) e = NULL;
      g_autoptr(BridgePlan) p = NULL;

      for (guint k = 0; k < 2; k++)
        copy[g_rand_int_range (rand, 0, (gint32) length)] = "<>/x1 -"[g_rand_int_range (rand, 0, 7)];
      p = bridge_plan_new_from_ewp_xml (copy, -1, fx->catalog, &e);
      g_assert_true (p != NULL || e != NULL);
    }
}

/* A partner's la for universities and courses the catalog does not know:
 * imported, the courses kept and flagged. */
/* What GMarkup cannot read is refused with a message a person can read:
 * valid UTF-8, naming the line, set once. */
static void
assert_import_refused (PlanFixture *fx,
                       const char  *xml,
                       gssize       length,
                       const char  *expected)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (bridge_plan_new_from_ewp_xml (xml, length, fx->catalog, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

static void
test_import_not_utf8 (PlanFixture   *fx,
                      gconstpointer  data)
{
  assert_import_refused (fx, "<la>\n<student-signatu\xC3></student-signatu\xC3></la>", -1,
                         "line 2 is not valid UTF-8 text");
}

/* GLib 2.74's GMarkup sets one GError over another here. */
static void
test_import_nul_in_cdata (PlanFixture   *fx,
                          gconstpointer  data)
{
  assert_import_refused (fx, "<![CDATA[a\0b]]>x", 17, "line 1 is not valid UTF-8 text or holds a NUL byte");
}

/* GMarkup quotes only the first byte of U+009C. */
static void
test_import_bad_name (PlanFixture   *fx,
                      gconstpointer  data)
{
  assert_import_refused (fx, "<la\xC2\x9C>", -1, "is not a valid name");
}

static void
test_import_foreign (PlanFixture   *fx,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (PLAN_TEST_DIR, "minimal-la.xml", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  BridgePlanGroup *g;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  plan = bridge_plan_new_from_ewp_xml (xml, -1, fx->catalog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bridge_plan_get_student_name (plan), ==, "Maria Rossi");
  g_assert_cmpstr (bridge_plan_get_home_university (plan), ==, "uni-a.example");
  g_assert_cmpuint (bridge_plan_get_n_groups (plan), ==, 1);
  g = bridge_plan_get_group (plan, 0);
  g_assert_cmpstr (bridge_plan_group_get_component (g, BRIDGE_PLAN_SIDE_HOST, 0)->code, ==, "INF-301");
  g_assert_true (bridge_plan_group_get_component (g, BRIDGE_PLAN_SIDE_HOST, 0)->unknown);
  g_assert_cmpfloat (bridge_plan_group_get_component (g, BRIDGE_PLAN_SIDE_HOST, 0)->credits, ==, 6);
  g_assert_cmpstr (bridge_plan_group_get_component (g, BRIDGE_PLAN_SIDE_HOME, 0)->code, ==, "CS-3.1");
  g_assert_false (bridge_plan_get_locked (plan));
  g_assert_cmpstr (bridge_plan_get_approval (plan, BRIDGE_PLAN_ROLE_SENDING)->person.position, ==, "Erasmus coordinator");
  g_assert_null (bridge_plan_get_approval (plan, BRIDGE_PLAN_ROLE_RECEIVING));
}

/* A document in another namespace is not an EWP agreement, whatever its element names. */
static void
test_import_namespace (PlanFixture   *fx,
                       gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GString) foreign = NULL;

  plan_fixture_approve_all (plan);
  xml = bridge_plan_to_ewp_xml (plan, fx->catalog, &error);
  g_assert_no_error (error);
  foreign = g_string_new (xml);
  g_assert_cmpuint (g_string_replace (foreign, "xmlns=\"https://github.com/erasmus-without-paper/ewp-specs-api-omobility-las/blob/stable-v1/endpoints/get-response.xsd\"",
                                      "xmlns=\"urn:example:not-ewp\"", 1), ==, 1);
  g_assert_null (bridge_plan_new_from_ewp_xml (foreign->str, -1, fx->catalog, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, "urn:example:not-ewp"));
  g_clear_error (&error);

  /* No namespace at all is not EWP's either. */
  g_string_replace (foreign, " xmlns=\"urn:example:not-ewp\"", "", 1);
  g_assert_null (bridge_plan_new_from_ewp_xml (foreign->str, -1, fx->catalog, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, "namespace"));
}

/* A noncharacter in a text of the document: refused when read, once. */
static void
test_import_noncharacter (PlanFixture   *fx,
                          gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GString) bad = NULL;

  plan_fixture_approve_all (plan);
  xml = bridge_plan_to_ewp_xml (plan, fx->catalog, &error);
  g_assert_no_error (error);
  bad = g_string_new (xml);
  g_assert_cmpuint (g_string_replace (bad, "<family-name>李</family-name>", "<family-name>李\xef\xbf\xbe</family-name>", 1), ==, 1);
  g_assert_null (bridge_plan_new_from_ewp_xml (bad->str, -1, fx->catalog, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, "family-name"));
  g_assert_nonnull (strstr (error->message, "U+FFFE"));
}

/* What the catalog gives the XML is checked as it is written: never a
 * document that is not well-formed. */
static void
test_export_noncharacter (PlanFixture   *fx,
                          gconstpointer  data)
{
  g_autoptr(BridgeCatalog) bad = plan_fixture_catalog_with (fx, "\"hei_id\": \"cqu.edu.cn\"",
                                                            "\"hei_id\": \"cqu\\uffff.edu.cn\"");
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;

  plan_fixture_approve_all (plan);
  g_assert_null (bridge_plan_to_ewp_xml (plan, bad, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "hei-id"));
  g_assert_nonnull (strstr (error->message, "U+FFFF"));
  g_clear_error (&error);
  xml = bridge_plan_to_ewp_xml (plan, fx->catalog, &error);
  g_assert_no_error (error);
  assert_valid (fx, xml, "clean.xml");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) \
  g_test_add (name, PlanFixture, NULL, plan_fixture_set_up, fn, plan_fixture_tear_down)

  ADD ("/plan/ewp/proposal", test_proposal);
  ADD ("/plan/ewp/approved", test_approved);
  ADD ("/plan/ewp/pending-changes", test_pending_changes);
  ADD ("/plan/ewp/rules", test_rules);
  ADD ("/plan/ewp/round-trip", test_round_trip);
  ADD ("/plan/ewp/round-trip-draft", test_round_trip_draft);
  ADD ("/plan/ewp/import-bad", test_import_bad);
  ADD ("/plan/ewp/import-foreign", test_import_foreign);
  ADD ("/plan/ewp/import-damaged", test_import_damaged);
  ADD ("/plan/ewp/import-namespace", test_import_namespace);
  ADD ("/plan/ewp/import-noncharacter", test_import_noncharacter);
  ADD ("/plan/ewp/export-noncharacter", test_export_noncharacter);
  ADD ("/plan/ewp/import-not-utf8", test_import_not_utf8);
  ADD ("/plan/ewp/import-nul-in-cdata", test_import_nul_in_cdata);
  ADD ("/plan/ewp/import-bad-name", test_import_bad_name);
#undef ADD
  g_test_add ("/plan/ewp/rules/timestamp/yesterday", PlanFixture, "yesterday",
              plan_fixture_set_up, test_bad_timestamp, plan_fixture_tear_down);
  g_test_add ("/plan/ewp/rules/timestamp/2026-06-31", PlanFixture, "2026-06-31T10:00:00Z",
              plan_fixture_set_up, test_bad_timestamp, plan_fixture_tear_down);
  g_test_add ("/plan/ewp/rules/timestamp/date-only", PlanFixture, "2026-06-01",
              plan_fixture_set_up, test_bad_timestamp, plan_fixture_tear_down);
  g_test_add ("/plan/ewp/rules/timestamp/blank", PlanFixture, " ",
              plan_fixture_set_up, test_bad_timestamp, plan_fixture_tear_down);

  return g_test_run ();
}
