/* test-plan-approval.c: whether a plan is approved, decided in one place
 *
 * Issue 15 items 8 and 9: approvals bound to what they approve and to who
 * approved; a tampered file is reported as not approved; a printout stays
 * genuine when grades or review comments are added after approval.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-plan.h"
#include "bridge-plan-private.h"
#include "plan-fixture.h"

static BridgePlan *
approved_plan (PlanFixture *fx)
{
  BridgePlan *plan = plan_fixture_make_plan (fx);

  plan_fixture_approve_all (plan);
  return plan;
}

static JsonObject *
version_object (JsonNode *root,
                guint     index)
{
  JsonArray *versions = json_object_get_array_member (json_node_get_object (root), "versions");

  return json_array_get_object_element (versions, index);
}

/* Asserts the state and that the reason (translated text) says @needle. */
static void
assert_state (BridgePlan              *plan,
              BridgePlanApprovalState  want,
              const char              *needle)
{
  g_autofree char *why = NULL;
  BridgePlanApprovalState got = bridge_plan_get_approval_state (plan, &why);

  if (got != want)
    g_error ("approval state %d, wanted %d (%s)", got, want, why ? why : "no reason");
  if (needle == NULL)
    g_assert_null (why);
  else if (why == NULL || strstr (why, needle) == NULL)
    g_error ("the reason “%s” does not say “%s”", why ? why : "(none)", needle);
  g_assert_true (bridge_plan_get_modified_after_approval (plan) == (want == BRIDGE_PLAN_APPROVAL_STATE_BROKEN));
}

static void
test_genuine (PlanFixture   *fx,
              gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) loaded = NULL;
  g_autoptr(JsonNode) root = NULL;
  BridgePlanPerson student = { (char *) "李华", NULL, NULL };
  g_autoptr(GError) error = NULL;

  assert_state (plan, BRIDGE_PLAN_APPROVAL_STATE_DRAFT, NULL);
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, NULL, &error));
  assert_state (plan, BRIDGE_PLAN_APPROVAL_STATE_DRAFT, NULL);
  g_assert_nonnull (bridge_plan_get_approval (plan, BRIDGE_PLAN_ROLE_STUDENT)->record_digest);

  g_clear_object (&plan);
  plan = approved_plan (fx);
  assert_state (plan, BRIDGE_PLAN_APPROVAL_STATE_APPROVED, NULL);
  root = plan_fixture_file_json (plan);
  loaded = plan_fixture_reload (root);
  assert_state (loaded, BRIDGE_PLAN_APPROVAL_STATE_APPROVED, NULL);
}

/* Every approval taken out of the version and the root: the lock (versions)
 * remains, but the plan is not approved, and the PDF must not say it is. */
static void
test_stripped (PlanFixture   *fx,
               gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = approved_plan (fx);
  g_autoptr(BridgePlan) edited = NULL;
  g_autoptr(JsonNode) root = plan_fixture_file_json (plan);

  json_object_set_array_member (json_node_get_object (root), "approvals", json_array_new ());
  json_object_set_array_member (version_object (root, 0), "approvals", json_array_new ());
  edited = plan_fixture_reload (root);
  g_assert_true (bridge_plan_get_locked (edited));
  assert_state (edited, BRIDGE_PLAN_APPROVAL_STATE_BROKEN, "version 1 lacks the approval by the Student");
}

/* One approval taken out of the version only. */
static void
test_stripped_one (PlanFixture   *fx,
                   gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = approved_plan (fx);
  g_autoptr(BridgePlan) edited = NULL;
  g_autoptr(JsonNode) root = plan_fixture_file_json (plan);

  json_array_remove_element (json_object_get_array_member (version_object (root, 0), "approvals"), 2);
  edited = plan_fixture_reload (root);
  assert_state (edited, BRIDGE_PLAN_APPROVAL_STATE_BROKEN, "version 1 lacks the approval by the Receiving");
}

/* The versions taken out, the three approvals kept. */
static void
test_versions_stripped (PlanFixture   *fx,
                        gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = approved_plan (fx);
  g_autoptr(BridgePlan) edited = NULL;
  g_autoptr(JsonNode) root = plan_fixture_file_json (plan);

  json_object_set_array_member (json_node_get_object (root), "versions", json_array_new ());
  edited = plan_fixture_reload (root);
  g_assert_false (bridge_plan_get_locked (edited));
  assert_state (edited, BRIDGE_PLAN_APPROVAL_STATE_BROKEN, "the approved version they make is missing");
}

/* The approver renamed everywhere the file names them. */
static void
test_renamed (PlanFixture   *fx,
              gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = approved_plan (fx);
  g_autoptr(BridgePlan) edited = NULL;
  g_autoptr(JsonNode) root = plan_fixture_file_json (plan);
  JsonArray *lists[2];

  lists[0] = json_object_get_array_member (json_node_get_object (root), "approvals");
  lists[1] = json_object_get_array_member (version_object (root, 0), "approvals");
  for (guint i = 0; i < 2; i++)
    json_object_set_string_member (json_array_get_object_element (lists[i], 1), "name", "Mallory");
  edited = plan_fixture_reload (root);
  assert_state (edited, BRIDGE_PLAN_APPROVAL_STATE_BROKEN, "the approval by the Sending");
  assert_state (edited, BRIDGE_PLAN_APPROVAL_STATE_BROKEN, "was changed after it was given");
}

/* The root's approver renamed only: it no longer is the version's. */
static void
test_renamed_root (PlanFixture   *fx,
                   gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = approved_plan (fx);
  g_autoptr(BridgePlan) edited = NULL;
  g_autoptr(JsonNode) root = plan_fixture_file_json (plan);
  JsonArray *approvals = json_object_get_array_member (json_node_get_object (root), "approvals");

  json_object_set_string_member (json_array_get_object_element (approvals, 0), "name", "Mallory");
  edited = plan_fixture_reload (root);
  assert_state (edited, BRIDGE_PLAN_APPROVAL_STATE_BROKEN, "differs from the one recorded with version 1");
}

/* The content and the version's content edited together. */
static void
test_content_and_version (PlanFixture   *fx,
                          gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = approved_plan (fx);
  g_autoptr(BridgePlan) edited = NULL;
  g_autoptr(JsonNode) root = plan_fixture_file_json (plan);
  JsonObject *objects[2];

  objects[0] = json_node_get_object (root);
  objects[1] = json_object_get_object_member (version_object (root, 0), "content");
  for (guint i = 0; i < 2; i++)
    json_object_set_string_member (json_object_get_object_member (objects[i], "mobility"), "end", "2027-07-31");
  edited = plan_fixture_reload (root);
  assert_state (edited, BRIDGE_PLAN_APPROVAL_STATE_BROKEN, "is not for what version 1 says");
}

/* … and the approvals' digests made to match the new content too: the
 * records no longer match theirs. */
static void
test_content_and_digests (PlanFixture   *fx,
                          gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = approved_plan (fx);
  g_autoptr(BridgePlan) edited = NULL;
  g_autoptr(JsonNode) root = plan_fixture_file_json (plan);
  g_autofree char *digest = NULL;

  {
    JsonObject *objects[2];
    JsonArray *lists[2];

    objects[0] = json_node_get_object (root);
    objects[1] = json_object_get_object_member (version_object (root, 0), "content");
    for (guint i = 0; i < 2; i++)
      json_object_set_string_member (json_object_get_object_member (objects[i], "mobility"), "end", "2027-07-31");
    edited = plan_fixture_reload (root);
    digest = bridge_plan_get_content_digest (edited);
    g_clear_object (&edited);
    lists[0] = json_object_get_array_member (objects[0], "approvals");
    lists[1] = json_object_get_array_member (version_object (root, 0), "approvals");
    for (guint i = 0; i < 2; i++)
      for (guint j = 0; j < json_array_get_length (lists[i]); j++)
        json_object_set_string_member (json_array_get_object_element (lists[i], j), "digest", digest);
  }
  edited = plan_fixture_reload (root);
  assert_state (edited, BRIDGE_PLAN_APPROVAL_STATE_BROKEN, "do not match its record digest");
}

/* A file of format version 1: approvals without record digests. It opens,
 * and says honestly what its approvals cover — also once saved again. */
static void
test_format_1 (PlanFixture   *fx,
               gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = approved_plan (fx);
  g_autoptr(BridgePlan) old = NULL;
  g_autoptr(BridgePlan) again = NULL;
  g_autoptr(JsonNode) root = plan_fixture_file_json (plan);
  g_autoptr(JsonNode) saved = NULL;
  JsonArray *lists[2];

  json_object_set_int_member (json_node_get_object (root), "version", 1);
  lists[0] = json_object_get_array_member (json_node_get_object (root), "approvals");
  lists[1] = json_object_get_array_member (version_object (root, 0), "approvals");
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < json_array_get_length (lists[i]); j++)
      json_object_remove_member (json_array_get_object_element (lists[i], j), "record_digest");
  old = plan_fixture_reload (root);
  assert_state (old, BRIDGE_PLAN_APPROVAL_STATE_APPROVED_UNBOUND, "not of who approved it");

  saved = plan_fixture_file_json (old);
  again = plan_fixture_reload (saved);
  assert_state (again, BRIDGE_PLAN_APPROVAL_STATE_APPROVED_UNBOUND, "not of who approved it");

  /* A version 1 file edited after approval is still found out. */
  json_object_set_string_member (json_node_get_object (root), "provisions", "None.");
  g_clear_object (&old);
  old = plan_fixture_reload (root);
  assert_state (old, BRIDGE_PLAN_APPROVAL_STATE_BROKEN, "changed after version 1 was approved");
}

/* Item 9: grades and review comments added after approval leave the
 * printout's digest as it was; a later version makes it out of date. */
static void
test_printout_digest (PlanFixture   *fx,
                      gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = approved_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = bridge_plan_get_agreement_digest (plan);
  g_autofree char *whole_before = bridge_plan_get_digest (plan);
  g_autofree char *whole_after = NULL;
  BridgePlanPerson student = { (char *) "李华", NULL, NULL };
  BridgePlanPerson sending = { (char *) "王芳", (char *) "Exchange coordinator", (char *) "wangfang@scu.edu.cn" };
  BridgePlanPerson receiving = { (char *) "Zhang Wei", (char *) "International office", (char *) "zhangwei@cqu.edu.cn" };
  guint version = 0;

  g_assert_cmpint (bridge_plan_match_digest (plan, printed, &version), ==, BRIDGE_PLAN_DIGEST_MATCHES);
  g_assert_true (bridge_plan_set_grade (plan, fx->catalog, "cqu:cs301", "85", &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_set_group_comment (plan, bridge_plan_get_group (plan, 0), "Checked by the dean's office", &error));
  bridge_plan_set_group_status (plan, bridge_plan_get_group (plan, 0), BRIDGE_PLAN_GROUP_APPROVED);
  whole_after = bridge_plan_get_digest (plan);
  g_assert_cmpstr (whole_before, !=, whole_after);
  g_assert_cmpint (bridge_plan_match_digest (plan, printed, &version), ==, BRIDGE_PLAN_DIGEST_MATCHES);
  assert_state (plan, BRIDGE_PLAN_APPROVAL_STATE_APPROVED, NULL);
  /* A printout of the whole file, as earlier builds printed, still matches. */
  g_assert_cmpint (bridge_plan_match_digest (plan, whole_after, NULL), ==, BRIDGE_PLAN_DIGEST_MATCHES);

  g_assert_true (bridge_plan_propose_delete (plan, bridge_plan_find_group (plan, "g2", NULL), BRIDGE_PLAN_SIDE_HOST,
                                             "cqu:cs302", BRIDGE_CHANGE_REASON_TIMETABLE_CONFLICT, NULL, &error));
  g_assert_no_error (error);
  /* A pending proposal is not part of the printed agreement either. */
  g_assert_cmpint (bridge_plan_match_digest (plan, printed, NULL), ==, BRIDGE_PLAN_DIGEST_MATCHES);
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, "2026-10-01T09:00:00Z", &error));
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_SENDING, &sending, "2026-10-02T09:00:00Z", &error));
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_RECEIVING, &receiving, "2026-10-03T09:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bridge_plan_get_n_versions (plan), ==, 2);
  assert_state (plan, BRIDGE_PLAN_APPROVAL_STATE_APPROVED, NULL);
  g_assert_cmpint (bridge_plan_match_digest (plan, printed, &version), ==, BRIDGE_PLAN_DIGEST_MATCHES_VERSION);
  g_assert_cmpuint (version, ==, 1);
  g_assert_cmpint (bridge_plan_match_digest (plan, "0000000000000000000000000000000000000000000000000000000000000000", NULL),
                   ==, BRIDGE_PLAN_DIGEST_NO_MATCH);
}

/* The pending proposal's approval edited in the file. */
static void
test_pending_renamed (PlanFixture   *fx,
                      gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = approved_plan (fx);
  g_autoptr(BridgePlan) edited = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  BridgePlanPerson student = { (char *) "李华", NULL, NULL };
  JsonObject *cp;

  g_assert_true (bridge_plan_propose_delete (plan, bridge_plan_find_group (plan, "g2", NULL), BRIDGE_PLAN_SIDE_HOST,
                                             "cqu:cs302", BRIDGE_CHANGE_REASON_TIMETABLE_CONFLICT, NULL, &error));
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, NULL, &error));
  g_assert_no_error (error);
  assert_state (plan, BRIDGE_PLAN_APPROVAL_STATE_APPROVED, NULL);
  root = plan_fixture_file_json (plan);
  cp = json_object_get_object_member (json_node_get_object (root), "changes_proposal");
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (cp, "approvals"), 0),
                                 "name", "Mallory");
  edited = plan_fixture_reload (root);
  assert_state (edited, BRIDGE_PLAN_APPROVAL_STATE_BROKEN, "of the changes proposal does not match it");
}

/* bridge_plan_check_approver (): the rule the approval dialog follows. */
typedef struct
{
  const char     *path;
  BridgePlanRole  role;
  const char     *name;
  const char     *position;
  const char     *email;
  const char     *refusal;                /* NULL: accepted */
} ApproverCase;

static const ApproverCase approver_cases[] = {
  { "/plan/approver/student-name-only", BRIDGE_PLAN_ROLE_STUDENT, "李华", NULL, NULL, NULL },
  { "/plan/approver/institution-complete", BRIDGE_PLAN_ROLE_SENDING, "王老师", "教务处", "wang@scu.edu.cn", NULL },
  { "/plan/approver/no-name", BRIDGE_PLAN_ROLE_STUDENT, NULL, NULL, NULL, "needs the approver’s name" },
  { "/plan/approver/empty-name", BRIDGE_PLAN_ROLE_RECEIVING, "", "Dean", "d@cqu.edu.cn", "needs the approver’s name" },
  { "/plan/approver/institution-no-position", BRIDGE_PLAN_ROLE_SENDING, "王老师", NULL, "wang@scu.edu.cn", "position" },
  { "/plan/approver/institution-no-email", BRIDGE_PLAN_ROLE_RECEIVING, "Dean", "Dean", NULL, "email address" },
  { "/plan/approver/bad-email", BRIDGE_PLAN_ROLE_STUDENT, "李华", NULL, "li@", "not an email address" },
  { "/plan/approver/invisible-character", BRIDGE_PLAN_ROLE_STUDENT, "李\001华", NULL, NULL, "invisible character" },
};

static void
test_approver (gconstpointer data)
{
  const ApproverCase *c = data;
  BridgePlanPerson person = { (char *) c->name, (char *) c->position, (char *) c->email };
  g_autoptr(GError) error = NULL;
  gboolean ok = bridge_plan_check_approver (c->role, &person, &error);

  if (c->refusal == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, c->refusal));
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) \
  g_test_add (name, PlanFixture, NULL, plan_fixture_set_up, fn, plan_fixture_tear_down)

  ADD ("/plan/approval-state/genuine", test_genuine);
  ADD ("/plan/approval-state/stripped", test_stripped);
  ADD ("/plan/approval-state/stripped-one", test_stripped_one);
  ADD ("/plan/approval-state/versions-stripped", test_versions_stripped);
  ADD ("/plan/approval-state/renamed", test_renamed);
  ADD ("/plan/approval-state/renamed-root", test_renamed_root);
  ADD ("/plan/approval-state/content-and-version", test_content_and_version);
  ADD ("/plan/approval-state/content-and-digests", test_content_and_digests);
  ADD ("/plan/approval-state/format-1", test_format_1);
  ADD ("/plan/approval-state/pending-renamed", test_pending_renamed);
  ADD ("/plan/verify/printout-digest", test_printout_digest);
  for (guint i = 0; i < G_N_ELEMENTS (approver_cases); i++)
    g_test_add_data_func (approver_cases[i].path, &approver_cases[i], test_approver);

  return g_test_run ();
}
