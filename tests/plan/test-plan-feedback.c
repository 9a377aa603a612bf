/* test-plan-feedback.c: the feedback a student gives after the stay (issue 19):
 * set, get, clear and list; every bad value refused with a message naming the
 * course; plan file version 3 and the files before it; every kind of damage
 * to the member "feedback" refused with the file and JSON path; the digests
 * of an approved, locked agreement unchanged by it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-plan.h"
#include "bridge-plan-private.h"
#include "plan-fixture.h"

static void
assert_feedback (BridgePlan *plan,
                 const char *course,
                 double      hours,
                 guint       rating,
                 const char *comment)
{
  const BridgePlanFeedback *f = bridge_plan_get_feedback (plan, course);

  g_assert_nonnull (f);
  g_assert_cmpstr (f->host_course_id, ==, course);
  g_assert_cmpfloat (f->hours, ==, hours);
  g_assert_cmpuint (f->rating, ==, rating);
  g_assert_cmpstr (f->comment, ==, comment);
}

static void
test_set_get_clear (PlanFixture   *fx,
                    gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (bridge_plan_get_feedback (plan, "cqu:cs301"));
  bridge_plan_set_modified (plan, FALSE);
  /* Given in the other order than Table A's. */
  g_assert_true (bridge_plan_set_feedback (plan, "cqu:cs302", 150, 2, "Too much lab work for 4 credits.", &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_get_modified (plan));
  g_assert_true (bridge_plan_set_feedback (plan, "cqu:cs301", 96.5, 4, NULL, &error));
  g_assert_no_error (error);
  assert_feedback (plan, "cqu:cs301", 96.5, 4, NULL);
  assert_feedback (plan, "cqu:cs302", 150, 2, "Too much lab work for 4 credits.");

  list = bridge_plan_list_feedback (plan);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((BridgePlanFeedback *) g_ptr_array_index (list, 0))->host_course_id, ==, "cqu:cs301");
  g_assert_cmpstr (((BridgePlanFeedback *) g_ptr_array_index (list, 1))->host_course_id, ==, "cqu:cs302");

  /* Replaced, and an empty comment is none. */
  g_assert_true (bridge_plan_set_feedback (plan, "cqu:cs302", 2000, 5, "", &error));
  assert_feedback (plan, "cqu:cs302", 2000, 5, NULL);

  g_assert_true (bridge_plan_clear_feedback (plan, "cqu:cs302"));
  g_assert_null (bridge_plan_get_feedback (plan, "cqu:cs302"));
  g_assert_false (bridge_plan_clear_feedback (plan, "cqu:cs302"));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = bridge_plan_list_feedback (plan);
  g_assert_cmpuint (list->len, ==, 1);
}

typedef struct
{
  const char *path;
  const char *course;
  double      hours;
  guint       rating;
  const char *comment;
  int         code;
  const char *says;
} BadCase;

static const BadCase bad_cases[] = {
  { "/plan/feedback/bad/hours-negative", "cqu:cs301", -5, 3, NULL, BRIDGE_ERROR_INVALID_INPUT, "The hours spent on Operating Systems (CS301) must be more than 0 and at most 2000, not -5" },
  { "/plan/feedback/bad/hours-zero", "cqu:cs301", 0, 3, NULL, BRIDGE_ERROR_INVALID_INPUT, "must be more than 0 and at most 2000, not 0" },
  { "/plan/feedback/bad/hours-over-2000", "cqu:cs301", 2000.5, 3, NULL, BRIDGE_ERROR_INVALID_INPUT, "at most 2000, not 2000.5" },
  { "/plan/feedback/bad/hours-nan", "cqu:cs301", NAN, 3, NULL, BRIDGE_ERROR_INVALID_INPUT, "more than 0 and at most 2000" },
  { "/plan/feedback/bad/hours-infinite", "cqu:cs301", INFINITY, 3, NULL, BRIDGE_ERROR_INVALID_INPUT, "more than 0 and at most 2000" },
  { "/plan/feedback/bad/rating-0", "cqu:cs301", 90, 0, NULL, BRIDGE_ERROR_INVALID_INPUT, "The rating of Operating Systems (CS301) must be a whole number from 1" },
  { "/plan/feedback/bad/rating-6", "cqu:cs301", 90, 6, NULL, BRIDGE_ERROR_INVALID_INPUT, "to 5 (very satisfied)" },
  { "/plan/feedback/bad/comment-control", "cqu:cs301", 90, 3, "fine\033[2J", BRIDGE_ERROR_INVALID_INPUT, "The comment on Operating Systems (CS301) contains the invisible character U+001B" },
  { "/plan/feedback/bad/comment-too-long", "cqu:cs301", 90, 3, NULL /* made below */, BRIDGE_ERROR_INVALID_INPUT, "is longer than 2000 characters" },
  { "/plan/feedback/bad/course-not-in-plan", "cqu:ma101", 90, 3, NULL, BRIDGE_ERROR_NOT_FOUND, "“cqu:ma101” is not a host course of this plan (Table A)" },
  { "/plan/feedback/bad/course-of-table-b", "scu:cs305", 90, 3, NULL, BRIDGE_ERROR_NOT_FOUND, "“scu:cs305” is not a host course" },
};

static void
test_bad (PlanFixture   *fx,
          gconstpointer  data)
{
  const BadCase *c = data;
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *before = NULL, *after = NULL;

  if (g_str_has_suffix (c->path, "comment-too-long"))
    {
      GString *s = g_string_new (NULL);

      /* 2001 characters of three bytes each: counted as characters. */
      for (guint i = 0; i < 2001; i++)
        g_string_append (s, "好");
      comment = g_string_free (s, FALSE);
    }
  g_assert_true (bridge_plan_set_feedback (plan, "cqu:cs301", 80, 3, "before", &error));
  before = bridge_plan_to_data (plan, NULL);
  g_assert_false (bridge_plan_set_feedback (plan, c->course, c->hours, c->rating,
                                            comment ? comment : c->comment, &error));
  g_assert_error (error, BRIDGE_ERROR, c->code);
  g_assert_nonnull (strstr (error->message, c->says));
  /* Nothing changed. */
  after = bridge_plan_to_data (plan, NULL);
  g_assert_cmpstr (before, ==, after);
}

/* A comment of exactly the most characters, and hours of exactly the most. */
static void
test_limits (PlanFixture   *fx,
             gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < BRIDGE_PLAN_FEEDBACK_MAX_COMMENT; i++)
    g_string_append (s, "好");
  g_assert_true (bridge_plan_set_feedback (plan, "cqu:cs301", BRIDGE_PLAN_FEEDBACK_MAX_HOURS, 1, s->str, &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_set_feedback (plan, "cqu:cs302", 0.5, 5, "Line one\nline two", &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *path;
  const char *text;
  gboolean    ok;
  double      value;
} ParseCase;

static const ParseCase hours_cases[] = {
  { "/plan/feedback/parse-hours/whole", "96", TRUE, 96 },
  { "/plan/feedback/parse-hours/decimal", " 112.5 ", TRUE, 112.5 },
  { "/plan/feedback/parse-hours/negative", "-3", TRUE, -3 },  /* a number: set_feedback refuses the range */
  { "/plan/feedback/parse-hours/abc", "abc", FALSE, 0 },
  { "/plan/feedback/parse-hours/empty", "", FALSE, 0 },
  { "/plan/feedback/parse-hours/1e400", "1e400", FALSE, 0 },
  { "/plan/feedback/parse-hours/nan", "nan", FALSE, 0 },
  { "/plan/feedback/parse-hours/inf", "inf", FALSE, 0 },
  { "/plan/feedback/parse-hours/hex", "0x10", FALSE, 0 },
  { "/plan/feedback/parse-hours/comma", "12,5", FALSE, 0 },
  { "/plan/feedback/parse-hours/trailing", "12h", FALSE, 0 },
};

static void
test_parse_hours (gconstpointer data)
{
  const ParseCase *c = data;
  g_autoptr(GError) error = NULL;
  double hours = -1;

  if (c->ok)
    {
      g_assert_true (bridge_plan_parse_feedback_hours ("CS301", c->text, &hours, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (hours, ==, c->value);
    }
  else
    {
      g_autofree char *stripped = g_strstrip (g_strdup (c->text));
      g_autofree char *says = g_strdup_printf ("“%s” is not a number of hours; give the hours spent on CS301", stripped);

      g_assert_false (bridge_plan_parse_feedback_hours ("CS301", c->text, &hours, &error));
      g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, says));
      g_assert_cmpfloat (hours, ==, -1);
    }
}

static const ParseCase rating_cases[] = {
  { "/plan/feedback/parse-rating/4", "4", TRUE, 4 },
  { "/plan/feedback/parse-rating/1", " 1", TRUE, 1 },
  { "/plan/feedback/parse-rating/0", "0", FALSE, 0 },
  { "/plan/feedback/parse-rating/6", "6", FALSE, 0 },
  { "/plan/feedback/parse-rating/2.5", "2.5", FALSE, 0 },
  { "/plan/feedback/parse-rating/negative", "-1", FALSE, 0 },
  { "/plan/feedback/parse-rating/word", "good", FALSE, 0 },
};

static void
test_parse_rating (gconstpointer data)
{
  const ParseCase *c = data;
  g_autoptr(GError) error = NULL;
  guint rating = 99;

  if (c->ok)
    {
      g_assert_true (bridge_plan_parse_feedback_rating ("CS301", c->text, &rating, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (rating, ==, (guint) c->value);
    }
  else
    {
      g_autofree char *says = g_strdup_printf ("“%s” is not a rating of CS301", c->text);

      g_assert_false (bridge_plan_parse_feedback_rating ("CS301", c->text, &rating, &error));
      g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, says));
      g_assert_cmpuint (rating, ==, 99);
    }
}

static void
test_labels (void)
{
  g_assert_cmpstr (bridge_plan_feedback_rating_get_label (1), ==, "1 — very dissatisfied");
  g_assert_cmpstr (bridge_plan_feedback_rating_get_label (5), ==, "5 — very satisfied");
  g_assert_null (bridge_plan_feedback_rating_get_label (0));
  g_assert_null (bridge_plan_feedback_rating_get_label (6));
}

/* Version 3 is written, and what it says reads back the same. */
static void
test_round_trip (PlanFixture   *fx,
                 gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) again = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "trip.creditplan", NULL);
  g_autofree char *first = NULL, *second = NULL;
  JsonArray *feedback;

  g_assert_true (bridge_plan_set_feedback (plan, "cqu:cs301", 96.5, 4, "课程很好，但实验太多。\n\"Quoted\"", &error));
  g_assert_true (bridge_plan_set_feedback (plan, "cqu:cs302", 120, 3, NULL, &error));
  g_assert_no_error (error);
  root = plan_fixture_file_json (plan);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "version"), ==, 3);
  feedback = json_object_get_array_member (json_node_get_object (root), "feedback");
  g_assert_cmpuint (json_array_get_length (feedback), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (feedback, 0), "course"), ==, "cqu:cs301");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (feedback, 0), "rating"), ==, 4);
  g_assert_false (json_object_has_member (json_array_get_object_element (feedback, 1), "comment"));

  g_assert_true (bridge_plan_save (plan, path, &error));
  g_assert_no_error (error);
  again = bridge_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  assert_feedback (again, "cqu:cs301", 96.5, 4, "课程很好，但实验太多。\n\"Quoted\"");
  assert_feedback (again, "cqu:cs302", 120, 3, NULL);
  first = bridge_plan_to_data (plan, NULL);
  second = bridge_plan_to_data (again, NULL);
  g_assert_cmpstr (first, ==, second);

  /* Without feedback, no member. */
  g_assert_true (bridge_plan_clear_feedback (again, "cqu:cs301"));
  g_assert_true (bridge_plan_clear_feedback (again, "cqu:cs302"));
  g_clear_pointer (&root, json_node_unref);
  root = plan_fixture_file_json (again);
  g_assert_false (json_object_has_member (json_node_get_object (root), "feedback"));
}

/* Files of format versions 1 and 2 (with their grades) load, with no feedback. */
static void
test_older_versions (PlanFixture   *fx,
                     gconstpointer  data)
{
  for (int version = 1; version <= 2; version++)
    {
      g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
      g_autoptr(BridgePlan) old = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GPtrArray) list = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (bridge_plan_set_grade (plan, fx->catalog, "cqu:cs301", "85", &error));
      g_assert_no_error (error);
      root = plan_fixture_file_json (plan);
      json_object_set_int_member (json_node_get_object (root), "version", version);
      old = plan_fixture_reload (root);
      list = bridge_plan_list_feedback (old);
      g_assert_cmpuint (list->len, ==, 0);
      g_assert_cmpstr (bridge_plan_get_grade (old, "cqu:cs301"), ==, "85");
      /* Feedback may be added, and the file is then version 3. */
      g_assert_true (bridge_plan_set_feedback (old, "cqu:cs301", 90, 5, NULL, &error));
      g_clear_pointer (&root, json_node_unref);
      root = plan_fixture_file_json (old);
      g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "version"), ==, 3);
    }
}

/* A file newer than version 3 is refused, as before. */
static void
test_newer_version (PlanFixture   *fx,
                    gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(JsonNode) root = plan_fixture_file_json (plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(BridgePlan) newer = NULL;

  json_object_set_int_member (json_node_get_object (root), "version", 4);
  text = json_to_string (root, TRUE);
  newer = bridge_plan_new_from_data (text, -1, &error);
  g_assert_null (newer);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_UNSUPPORTED_VERSION);
  g_assert_nonnull (strstr (error->message, "format version 4, this one reads 3"));
}

/* Each kind of damage to "feedback": how the file is edited and what the
 * message says after "FILE: PATH: ". */
typedef struct
{
  const char *path;
  const char *json_path;
  const char *member;                     /* of feedback[0]; NULL: see @value */
  const char *value;                      /* JSON, or the whole "feedback" when @member is NULL */
  const char *says;
} DamageCase;

static const DamageCase damage_cases[] = {
  { "/plan/feedback/damaged/hours-string", "$.feedback[0]", "hours", "\"96\"", "“hours” must be a number" },
  { "/plan/feedback/damaged/hours-negative", "$.feedback[0]", "hours", "-5", "must be more than 0 and at most 2000, not -5" },
  { "/plan/feedback/damaged/hours-zero", "$.feedback[0]", "hours", "0", "must be more than 0 and at most 2000, not 0" },
  { "/plan/feedback/damaged/hours-over-2000", "$.feedback[0]", "hours", "2001", "at most 2000, not 2001" },
  { "/plan/feedback/damaged/hours-missing", "$.feedback[0]", "hours", NULL, "“hours” is missing" },
  { "/plan/feedback/damaged/rating-0", "$.feedback[0]", "rating", "0", "The rating of cqu:cs301 must be a whole number from 1" },
  { "/plan/feedback/damaged/rating-6", "$.feedback[0]", "rating", "6", "The rating of cqu:cs301 must be a whole number from 1" },
  { "/plan/feedback/damaged/rating-2.5", "$.feedback[0]", "rating", "2.5", "“rating” must be a whole number from 1 to 5" },
  { "/plan/feedback/damaged/rating-string", "$.feedback[0]", "rating", "\"4\"", "“rating” must be a number" },
  { "/plan/feedback/damaged/comment-number", "$.feedback[0]", "comment", "5", "“comment” must be a string" },
  { "/plan/feedback/damaged/comment-control", "$.feedback[0]", "comment", "\"a\\u0007b\"", "invisible character U+0007" },
  { "/plan/feedback/damaged/course-unknown", "$.feedback[0]", "course", "\"cqu:ma101\"", "“cqu:ma101” is not a host course of this plan (Table A)" },
  { "/plan/feedback/damaged/course-of-table-b", "$.feedback[0]", "course", "\"scu:cs305\"", "“scu:cs305” is not a host course of this plan (Table A)" },
  { "/plan/feedback/damaged/course-number", "$.feedback[0]", "course", "301", "“course” must be a string" },
  { "/plan/feedback/damaged/course-twice", "$.feedback[1]", NULL,
    "[{\"course\":\"cqu:cs301\",\"hours\":90,\"rating\":4},{\"course\":\"cqu:cs301\",\"hours\":80,\"rating\":2}]",
    "a second feedback on “cqu:cs301”" },
  { "/plan/feedback/damaged/not-an-array", "$", NULL, "{\"course\":\"cqu:cs301\"}", "“feedback” must be an array" },
  { "/plan/feedback/damaged/element-not-object", "$.feedback[0]", NULL, "[42]", "must be an object" },
};

static void
test_damaged (PlanFixture   *fx,
              gconstpointer  data)
{
  const DamageCase *c = data;
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) damaged = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (fx->dir, "damaged.creditplan", NULL);
  g_autofree char *text = NULL;
  g_autofree char *want = NULL;
  JsonObject *entry;

  g_assert_true (bridge_plan_set_feedback (plan, "cqu:cs301", 96, 4, "Good", &error));
  g_assert_no_error (error);
  root = plan_fixture_file_json (plan);
  entry = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "feedback"), 0);
  if (c->member != NULL && c->value == NULL)
    json_object_remove_member (entry, c->member);
  else if (c->member != NULL)
    json_object_set_member (entry, c->member, json_from_string (c->value, NULL));
  else
    json_object_set_member (json_node_get_object (root), "feedback", json_from_string (c->value, NULL));
  text = json_to_string (root, TRUE);
  g_assert_true (g_file_set_contents (file, text, -1, NULL));

  damaged = bridge_plan_new_from_file (file, &error);
  g_assert_null (damaged);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  want = g_strdup_printf ("damaged.creditplan: %s: ", c->json_path);
  if (strstr (error->message, want) == NULL || strstr (error->message, c->says) == NULL)
    g_error ("“%s” does not say “%s” and “%s”", error->message, want, c->says);
}

/* Feedback is recorded on an approved, locked agreement, and neither the
 * agreement's digest (printed) nor the content digest (signed) moves. */
static void
test_digests (PlanFixture   *fx,
              gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "locked.creditplan", NULL);
  g_autofree char *agreement = NULL, *content = NULL, *agreement_after = NULL, *content_after = NULL;
  g_autofree char *agreement_loaded = NULL, *content_loaded = NULL;

  plan_fixture_approve_all (plan);
  g_assert_true (bridge_plan_get_locked (plan));
  agreement = bridge_plan_get_agreement_digest (plan);
  content = bridge_plan_get_content_digest (plan);

  g_assert_true (bridge_plan_set_feedback (plan, "cqu:cs301", 96, 4, "Worth it", &error));
  g_assert_no_error (error);
  agreement_after = bridge_plan_get_agreement_digest (plan);
  content_after = bridge_plan_get_content_digest (plan);
  g_assert_cmpstr (agreement, ==, agreement_after);
  g_assert_cmpstr (content, ==, content_after);
  g_assert_true (bridge_plan_get_locked (plan));
  g_assert_cmpint (bridge_plan_get_approval_state (plan, NULL), ==, BRIDGE_PLAN_APPROVAL_STATE_APPROVED);

  g_assert_true (bridge_plan_save (plan, path, &error));
  again = bridge_plan_new_from_file (path, &error);
  g_assert_no_error (error);
  agreement_loaded = bridge_plan_get_agreement_digest (again);
  content_loaded = bridge_plan_get_content_digest (again);
  g_assert_cmpstr (agreement, ==, agreement_loaded);
  g_assert_cmpstr (content, ==, content_loaded);
  g_assert_cmpint (bridge_plan_get_approval_state (again, NULL), ==, BRIDGE_PLAN_APPROVAL_STATE_APPROVED);
  g_assert_cmpint (bridge_plan_match_digest (again, agreement, NULL), ==, BRIDGE_PLAN_DIGEST_MATCHES);
  assert_feedback (again, "cqu:cs301", 96, 4, "Worth it");

  /* Cleared on the locked plan too. */
  g_assert_true (bridge_plan_clear_feedback (again, "cqu:cs301"));
  g_assert_cmpint (bridge_plan_get_approval_state (again, NULL), ==, BRIDGE_PLAN_APPROVAL_STATE_APPROVED);
}

/* Before approval, feedback does not withdraw approvals given so far. */
static void
test_keeps_partial_approvals (PlanFixture   *fx,
                              gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  BridgePlanPerson student = { (char *) "李华", NULL, (char *) "lihua@stu.scu.edu.cn" };

  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, "2026-06-01T10:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_set_feedback (plan, "cqu:cs302", 100, 3, NULL, &error));
  g_assert_nonnull (bridge_plan_get_approval (plan, BRIDGE_PLAN_ROLE_STUDENT));
}

/* A course that leaves Table A takes its feedback out of the file, so the
 * file still opens; undo brings both back. */
static void
test_course_removed (PlanFixture   *fx,
                     gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) again = NULL;
  g_autoptr(BridgePlanComponent) removed = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *data_after = NULL;

  g_assert_true (bridge_plan_add_course (plan, fx->catalog, bridge_plan_find_group (plan, "g1", NULL),
                                         BRIDGE_PLAN_SIDE_HOST, "cqu:ma101", &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_set_feedback (plan, "cqu:ma101", 100, 3, NULL, &error));
  snapshot = bridge_plan_to_data (plan, NULL);
  removed = bridge_plan_remove_component (plan, bridge_plan_find_group (plan, "g1", NULL), BRIDGE_PLAN_SIDE_HOST,
                                          "cqu:ma101", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (removed);
  g_assert_null (bridge_plan_get_feedback (plan, "cqu:ma101"));
  list = bridge_plan_list_feedback (plan);
  g_assert_cmpuint (list->len, ==, 0);
  data_after = bridge_plan_to_data (plan, NULL);
  again = bridge_plan_new_from_data (data_after, -1, &error);
  g_assert_no_error (error);

  g_assert_true (bridge_plan_restore_data (plan, snapshot, -1, &error));
  g_assert_no_error (error);
  assert_feedback (plan, "cqu:ma101", 100, 3, NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plan/feedback/set-get-clear", PlanFixture, NULL, plan_fixture_set_up, test_set_get_clear, plan_fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    g_test_add (bad_cases[i].path, PlanFixture, &bad_cases[i], plan_fixture_set_up, test_bad, plan_fixture_tear_down);
  g_test_add ("/plan/feedback/limits", PlanFixture, NULL, plan_fixture_set_up, test_limits, plan_fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (hours_cases); i++)
    g_test_add_data_func (hours_cases[i].path, &hours_cases[i], test_parse_hours);
  for (guint i = 0; i < G_N_ELEMENTS (rating_cases); i++)
    g_test_add_data_func (rating_cases[i].path, &rating_cases[i], test_parse_rating);
  g_test_add_func ("/plan/feedback/rating-labels", test_labels);
  g_test_add ("/plan/feedback/file/round-trip", PlanFixture, NULL, plan_fixture_set_up, test_round_trip, plan_fixture_tear_down);
  g_test_add ("/plan/feedback/file/older-versions", PlanFixture, NULL, plan_fixture_set_up, test_older_versions, plan_fixture_tear_down);
  g_test_add ("/plan/feedback/file/newer-version", PlanFixture, NULL, plan_fixture_set_up, test_newer_version, plan_fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (damage_cases); i++)
    g_test_add (damage_cases[i].path, PlanFixture, &damage_cases[i], plan_fixture_set_up, test_damaged, plan_fixture_tear_down);
  g_test_add ("/plan/feedback/locked-digests-unchanged", PlanFixture, NULL, plan_fixture_set_up, test_digests, plan_fixture_tear_down);
  g_test_add ("/plan/feedback/keeps-partial-approvals", PlanFixture, NULL, plan_fixture_set_up, test_keeps_partial_approvals, plan_fixture_tear_down);
  g_test_add ("/plan/feedback/course-removed", PlanFixture, NULL, plan_fixture_set_up, test_course_removed, plan_fixture_tear_down);
  return g_test_run ();
}
