/* test-validate.c: what the agreement refuses when it is entered, and its readiness
 *
 * Each bad value is a case of its own: the setter refuses it with a message
 * that names the field and shows a valid value, and the plan keeps what it
 * had. The readiness check lists what an agreement lacks before approval.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-plan.h"
#include "bridge-plan-private.h"
#include "bridge-validate.h"
#include "plan-fixture.h"

/* A student member the setter refuses, the value, and what the message says. */
typedef struct
{
  const char *path;
  const char *member;
  const char *value;
  const char *field;                      /* the message names the field… */
  const char *example;                    /* …and shows a valid value */
} BadStudent;

static const BadStudent bad_students[] = {
  { "/validate/student/birth-date/2026-02-30", "birth_date", "2026-02-30", "date of birth", "YYYY-MM-DD" },
  { "/validate/student/birth-date/06-05-2004", "birth_date", "06-05-2004", "date of birth", "YYYY-MM-DD" },
  { "/validate/student/cefr/Z9", "cefr", "Z9", "CEFR level", "B2" },
  { "/validate/student/cefr/B3", "cefr", "B3", "CEFR level", "B2" },
  { "/validate/student/nationality/Q!", "nationality", "Q!", "nationality", "CN" },
  { "/validate/student/nationality/QQ", "nationality", "QQ", "nationality", "CN" },
  { "/validate/student/nationality/CHN", "nationality", "CHN", "nationality", "CN" },
  { "/validate/student/email/notanemail", "email", "notanemail", "email address", "name@example.edu.cn" },
  { "/validate/student/email/a@", "email", "a@", "email address", "name@example.edu.cn" },
  { "/validate/student/email/@", "email", "@", "email address", "name@example.edu.cn" },
  { "/validate/student/email/a@b", "email", "a@b", "email address", "name@example.edu.cn" },
  { "/validate/student/isced/abc", "isced", "abc", "field of education", "0613" },
  { "/validate/student/isced/12345", "isced", "12345", "field of education", "0613" },
  { "/validate/student/isced/1234", "isced", "1234", "field of education", "0613" },
  { "/validate/student/language/English", "language", "English", "language of instruction", "en" },
  { "/validate/student/language/en_US", "language", "en_US", "language of instruction", "en" },
  { "/validate/student/language/e", "language", "e", "language of instruction", "en" },
  { "/validate/student/language/zh-", "language", "zh-", "language of instruction", "en" },
  { "/validate/student/gender/M", "gender", "M", "gender", "ISO/IEC 5218" },
  { "/validate/student/name/U+FFFE", "name", "Li\xef\xbf\xbeHua", "name", "U+FFFE" },
  { "/validate/student/name/U+FFFF", "name", "Li\xef\xbf\xbfHua", "name", "U+FFFF" },
  { "/validate/student/name/U+FDD0", "name", "Li\xef\xb7\x90Hua", "name", "U+FDD0" },
  { "/validate/student/name/U+FDEF", "name", "Li\xef\xb7\xafHua", "name", "U+FDEF" },
  { "/validate/student/name/U+1FFFE", "name", "Li\xf0\x9f\xbf\xbeHua", "name", "U+1FFFE" },
  { "/validate/student/name/U+10FFFF", "name", "Li\xf4\x8f\xbf\xbfHua", "name", "U+10FFFF" },
  { "/validate/student/name/U+0007", "name", "Li\aHua", "name", "U+0007" },
  { "/validate/student/name/newline", "name", "Li\nHua", "name", "U+000A" },
  { "/validate/student/name/U+009B", "name", "Li\xc2\x9bHua", "name", "U+009B" },
  { "/validate/student/name/U+007F", "name", "Li\x7fHua", "name", "U+007F" },
};

static char **
student_slot (BridgePlanStudent *s,
              const char        *member)
{
  if (g_str_equal (member, "birth_date"))
    return &s->birth_date;
  if (g_str_equal (member, "cefr"))
    return &s->cefr;
  if (g_str_equal (member, "nationality"))
    return &s->nationality;
  if (g_str_equal (member, "email"))
    return &s->email;
  if (g_str_equal (member, "isced"))
    return &s->isced;
  if (g_str_equal (member, "language"))
    return &s->language;
  if (g_str_equal (member, "gender"))
    return &s->gender;
  g_assert_true (g_str_equal (member, "name"));
  return &s->name;
}

static void
test_bad_student (PlanFixture   *fx,
                  gconstpointer  data)
{
  const BadStudent *bad = data;
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_auto(BridgePlanStudent) s = { 0 };
  g_autofree char *before = bridge_plan_get_content_digest (plan);
  g_autofree char *after = NULL;
  char **slot;

  bridge_plan_student_copy (bridge_plan_get_student (plan), &s);
  slot = student_slot (&s, bad->member);
  g_free (*slot);
  *slot = g_strdup (bad->value);
  g_assert_false (bridge_plan_set_student (plan, &s, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, bad->field));
  g_assert_nonnull (strstr (error->message, bad->example));
  after = bridge_plan_get_content_digest (plan);
  g_assert_cmpstr (before, ==, after);
}

/* What passes, and how it is stored. */
static void
test_good_student (PlanFixture   *fx,
                   gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_auto(BridgePlanStudent) s = { 0 };
  const char *isced[] = { "05", "091", "0613", "99" };
  const char *languages[] = { "en", "zh", "zh-Hans", "zh-Hans-CN", "en-GB", "de-CH-1996", "zh-yue-HK", "x-klingon" };

  bridge_plan_student_copy (bridge_plan_get_student (plan), &s);
  g_free (s.nationality);
  s.nationality = g_strdup ("de");
  g_free (s.cefr);
  s.cefr = g_strdup ("c1");
  g_assert_true (bridge_plan_set_student (plan, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bridge_plan_get_student (plan)->nationality, ==, "DE");
  g_assert_cmpstr (bridge_plan_get_student (plan)->cefr, ==, "C1");

  for (guint i = 0; i < G_N_ELEMENTS (isced); i++)
    g_assert_true (bridge_validate_isced ("ISCED", isced[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    g_assert_true (bridge_validate_language ("Language", languages[i], NULL));
  g_assert_true (bridge_validate_country ("Nationality", "XK", NULL));
  g_assert_true (bridge_validate_cefr ("CEFR", "NS", NULL));
  g_assert_true (bridge_validate_email ("Email", "li.hua+ewp@stu.scu.edu.cn", NULL));
  g_assert_true (bridge_validate_date ("Date", "2028-02-29", NULL));
  g_assert_false (bridge_validate_date ("Date", "2027-02-29", NULL));
  /* Tabs and line breaks are text in a paragraph, not in a name. */
  g_assert_true (bridge_validate_multiline ("Provisions", "One.\nTwo.\tThree.", NULL));
  g_assert_false (bridge_validate_text ("Name", "One\tTwo", NULL));
  /* Nothing given is no mistake: whether it is needed is the readiness check's business. */
  g_assert_true (bridge_validate_email ("Email", NULL, NULL));
  g_assert_true (bridge_validate_email ("Email", "", NULL));
}

static void
assert_refused (GError     *error,
                const char *needle)
{
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, needle));
}

static void
test_same_university (PlanFixture   *fx,
                      gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_auto(BridgePlanInstitution) inst = { 0 };

  bridge_plan_institution_copy (bridge_plan_get_institution (plan, BRIDGE_PLAN_SIDE_HOST), &inst);
  g_free (inst.university);
  inst.university = g_strdup ("scu");
  g_assert_false (bridge_plan_set_institution (plan, BRIDGE_PLAN_SIDE_HOST, &inst, &error));
  assert_refused (error, "home university");
  g_assert_cmpstr (bridge_plan_get_host_university (plan), ==, "cqu");
}

static void
test_same_university_host (PlanFixture   *fx,
                           gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = bridge_plan_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (bridge_plan_set_home_university (plan, "scu", &error));
  g_assert_false (bridge_plan_set_host_university (plan, "scu", &error));
  assert_refused (error, "home university");
  g_assert_null (bridge_plan_get_host_university (plan));
}

static void
test_bad_institution_email (PlanFixture   *fx,
                            gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_auto(BridgePlanInstitution) inst = { 0 };

  bridge_plan_institution_copy (bridge_plan_get_institution (plan, BRIDGE_PLAN_SIDE_HOME), &inst);
  g_free (inst.responsible.email);
  inst.responsible.email = g_strdup ("wangfang-at-scu");
  g_assert_false (bridge_plan_set_institution (plan, BRIDGE_PLAN_SIDE_HOME, &inst, &error));
  assert_refused (error, "email address of the sending responsible person");
  g_assert_cmpstr (bridge_plan_get_institution (plan, BRIDGE_PLAN_SIDE_HOME)->responsible.email, ==,
                   "wangfang@scu.edu.cn");
}

static void
test_bad_dates (PlanFixture   *fx,
                gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;

  g_assert_false (bridge_plan_set_dates (plan, "2026-09-31", "2027-01-20", &error));
  assert_refused (error, "start of the mobility");
  g_clear_error (&error);
  g_assert_false (bridge_plan_set_dates (plan, "2027-01-20", "2026-09-01", &error));
  assert_refused (error, "cannot end");
  g_assert_cmpstr (bridge_plan_get_start_date (plan), ==, "2026-09-01");
}

static void
test_bad_academic_year (PlanFixture   *fx,
                        gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;

  g_assert_false (bridge_plan_set_academic_year (plan, "2026/2028", &error));
  assert_refused (error, "2026/2027");
  g_assert_cmpstr (bridge_plan_get_academic_year (plan), ==, "2026/2027");
}

static void
test_bad_provisions (PlanFixture   *fx,
                     gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;

  g_assert_false (bridge_plan_set_provisions (plan, "Retake\xef\xbf\xbf at home", &error));
  assert_refused (error, "U+FFFF");
  g_assert_null (bridge_plan_get_provisions (plan));
}

static void
test_bad_comment (PlanFixture   *fx,
                  gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  BridgePlanGroup *g1 = bridge_plan_get_group (plan, 0);

  g_assert_false (bridge_plan_set_group_comment (plan, g1, "OK\x1b[31m", &error));
  assert_refused (error, "U+001B");
  g_clear_error (&error);
  g_assert_false (bridge_plan_set_component_comment (plan, g1, BRIDGE_PLAN_SIDE_HOST, "cqu:cs301",
                                                     "\xef\xb7\x90", &error));
  assert_refused (error, "U+FDD0");
  g_assert_null (bridge_plan_group_get_comment (g1));
}

/* Table A is the host's, Table B the home's. */
static void
test_host_course_from_home (PlanFixture   *fx,
                            gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  const char *host[] = { "scu:ma120", NULL };

  g_assert_null (bridge_plan_add_group (plan, fx->catalog, host, NULL, &error));
  assert_refused (error, "home university");
  g_assert_cmpuint (bridge_plan_get_n_groups (plan), ==, 2);
}

static void
test_home_course_from_host (PlanFixture   *fx,
                            gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  const char *host[] = { "cqu:ma101", NULL }, *home[] = { "cqu:cs201", NULL };

  g_assert_null (bridge_plan_add_group (plan, fx->catalog, host, home, &error));
  assert_refused (error, "host university");
  g_clear_error (&error);
  g_assert_false (bridge_plan_add_course (plan, fx->catalog, bridge_plan_get_group (plan, 0),
                                          BRIDGE_PLAN_SIDE_HOME, "cqu:cs201", &error));
  assert_refused (error, "host university");
  g_assert_cmpuint (bridge_plan_get_n_groups (plan), ==, 2);
}

static void
test_bad_approver_email (PlanFixture   *fx,
                         gconstpointer  data)
{
  const char *email = data;
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  BridgePlanPerson sending = { (char *) "王芳", (char *) "Exchange coordinator", (char *) email };

  g_assert_false (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_SENDING, &sending, NULL, &error));
  assert_refused (error, "approver’s email address");
  g_assert_null (bridge_plan_get_approval (plan, BRIDGE_PLAN_ROLE_SENDING));
}

/* Readiness ---------------------------------------------------------------- */

static gboolean
lists (GPtrArray  *items,
       const char *needle)
{
  for (guint i = 0; i < items->len; i++)
    if (strstr (g_ptr_array_index (items, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_ready (PlanFixture   *fx,
            gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GPtrArray) items = bridge_plan_check_ready (plan);

  for (guint i = 0; i < items->len; i++)
    g_test_message ("unexpected: %s", (char *) g_ptr_array_index (items, i));
  g_assert_cmpuint (items->len, ==, 0);
}

/* The walkthrough of issue 14: three approvals locked an agreement with an
 * empty group and no CEFR level. Now the first approval is refused with the list. */
static void
test_not_ready (PlanFixture   *fx,
                gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(BridgePlanStudent) s = { 0 };
  g_autoptr(BridgePlanComponent) removed = NULL;
  BridgePlanPerson student = { (char *) "李华", NULL, NULL };
  const char *h[] = { "cqu:cs201", NULL };

  bridge_plan_student_copy (bridge_plan_get_student (plan), &s);
  g_clear_pointer (&s.cefr, g_free);
  g_clear_pointer (&s.isced, g_free);
  g_assert_true (bridge_plan_set_student (plan, &s, &error));
  g_assert_true (bridge_plan_set_dates (plan, "2026-09-01", NULL, &error));
  /* Group 2 loses its host course; a third group repeats CS301's home course. */
  removed = bridge_plan_remove_component (plan, bridge_plan_get_group (plan, 1), BRIDGE_PLAN_SIDE_HOST,
                                          "cqu:cs302", NULL, &error);
  g_assert_nonnull (removed);
  g_assert_nonnull (bridge_plan_add_group (plan, fx->catalog, h, (const char *[]) { "scu:cs305", NULL }, &error));
  g_assert_no_error (error);

  items = bridge_plan_check_ready (plan);
  for (guint i = 0; i < items->len; i++)
    g_test_message ("%s", (char *) g_ptr_array_index (items, i));
  g_assert_true (lists (items, "CEFR level"));
  g_assert_true (lists (items, "ISCED-F"));
  g_assert_true (lists (items, "mobility ends"));
  g_assert_true (lists (items, "Recognition group 2 has no host course"));
  g_assert_true (lists (items, "CS305 is in the plan twice"));
  g_assert_cmpuint (items->len, ==, 5);

  g_assert_false (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, NULL, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  for (guint i = 0; i < items->len; i++)
    g_assert_nonnull (strstr (error->message, g_ptr_array_index (items, i)));
  g_assert_null (bridge_plan_get_approval (plan, BRIDGE_PLAN_ROLE_STUDENT));
}

static void
test_not_ready_empty (void)
{
  g_autoptr(BridgePlan) plan = bridge_plan_new ();
  g_autoptr(GPtrArray) items = bridge_plan_check_ready (plan);

  g_assert_true (lists (items, "student’s name"));
  g_assert_true (lists (items, "home (sending) university"));
  g_assert_true (lists (items, "host (receiving) university"));
  g_assert_true (lists (items, "host term"));
  g_assert_true (lists (items, "Add a recognition group"));
  g_assert_true (lists (items, "email address of the sending institution’s responsible person"));
}

/* An agreement from an older file, approved with values the setters now
 * refuse: it opens, and the check names each value. */
static void
test_not_ready_old_file (PlanFixture   *fx,
                         gconstpointer  data)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) loaded = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  char *p;

  plan_fixture_approve_all (plan);
  json = bridge_plan_to_data (plan, NULL);
  /* Same length, so the file stays what an older version could write. */
  p = strstr (json, "\"2004-05-06\"");
  g_assert_nonnull (p);
  memcpy (p, "\"2004-02-30\"", strlen ("\"2004-02-30\""));
  loaded = bridge_plan_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  items = bridge_plan_check_ready (loaded);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (items, 0), "date of birth"));

  /* Locked, it cannot be edited: a new draft is corrected and approved again. */
  g_assert_true (bridge_plan_get_locked (loaded));
  g_assert_false (bridge_plan_set_student (loaded, bridge_plan_get_student (loaded), &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_PLAN_LOCKED);
  g_clear_error (&error);
  {
    g_autoptr(BridgePlan) draft = bridge_plan_new_draft_from (loaded, &error);
    g_auto(BridgePlanStudent) s = { 0 };
    g_autoptr(GPtrArray) left = NULL;

    g_assert_no_error (error);
    g_assert_false (bridge_plan_get_locked (draft));
    g_assert_null (bridge_plan_get_approval (draft, BRIDGE_PLAN_ROLE_STUDENT));
    g_assert_cmpstr (bridge_plan_get_mobility_id (draft), ==, bridge_plan_get_mobility_id (loaded));
    g_assert_cmpuint (bridge_plan_get_n_groups (draft), ==, bridge_plan_get_n_groups (loaded));
    g_assert_true (bridge_plan_get_modified (draft));
    bridge_plan_student_copy (bridge_plan_get_student (draft), &s);
    g_free (s.birth_date);
    s.birth_date = g_strdup ("2004-02-29");
    g_assert_true (bridge_plan_set_student (draft, &s, &error));
    g_assert_no_error (error);
    left = bridge_plan_check_ready (draft);
    g_assert_cmpuint (left->len, ==, 0);
    plan_fixture_approve_all (draft);
    g_assert_true (bridge_plan_get_locked (draft));
  }
  /* A draft has nothing to reopen. */
  {
    g_autoptr(BridgePlan) fresh = plan_fixture_make_plan (fx);

    g_assert_null (bridge_plan_new_draft_from (fresh, &error));
    g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  }
}

/* Files ---------------------------------------------------------------------- */

static void
test_load_noncharacter (PlanFixture   *fx,
                        gconstpointer  data)
{
  const char *bad = data;
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgePlan) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = bridge_plan_to_data (plan, NULL);
  g_autoptr(GString) edited = g_string_new (json);

  g_assert_cmpuint (g_string_replace (edited, "Zhang Wei", bad, 1), ==, 1);
  loaded = bridge_plan_new_from_data (edited->str, edited->len, &error);
  g_assert_null (loaded);
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "$.receiving.responsible"));
  g_assert_nonnull (strstr (error->message, "invisible character"));
}

/* A member that is null reads as one that is absent; one of the wrong type
 * is refused with a message. Neither fails without saying why. */
static void
test_load_null_member (gconstpointer data)
{
  const char *member = data;
  g_autofree char *json = g_strdup_printf ("{\"format\": \"credit-bridge-plan\", \"version\": 1, \"%s\": null}", member);
  g_autofree char *wrong = g_strdup_printf ("{\"format\": \"credit-bridge-plan\", \"version\": 1, \"%s\": 7}", member);
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = bridge_plan_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_null (bridge_plan_new_from_data (wrong, -1, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN);
  g_assert_nonnull (strstr (error->message, member));
}

/* The time of an approval: each bad value its own case. */
static void
test_bad_timestamp (gconstpointer data)
{
  const char *value = data;
  g_autoptr(GError) error = NULL;

  g_assert_false (bridge_validate_timestamp ("The time of the approval", value, &error));
  g_assert_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "The time of the approval"));
  g_assert_nonnull (strstr (error->message, "2026-09-01T10:00:00Z"));
}

static void
test_good_timestamp (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bridge_validate_timestamp ("The time", "2026-06-01T10:00:00Z", &error));
  g_assert_true (bridge_validate_timestamp ("The time", "2026-06-01T18:00:00+08:00", &error));
  g_assert_true (bridge_validate_timestamp ("The time", NULL, &error));
  g_assert_true (bridge_validate_timestamp ("The time", "", &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn, data) \
  g_test_add (name, PlanFixture, data, plan_fixture_set_up, fn, plan_fixture_tear_down)
  for (guint i = 0; i < G_N_ELEMENTS (bad_students); i++)
    ADD (bad_students[i].path, test_bad_student, &bad_students[i]);
  ADD ("/validate/student/good", test_good_student, NULL);
  ADD ("/validate/institution/same-university", test_same_university, NULL);
  ADD ("/validate/institution/same-university-host", test_same_university_host, NULL);
  ADD ("/validate/institution/email", test_bad_institution_email, NULL);
  ADD ("/validate/mobility/dates", test_bad_dates, NULL);
  ADD ("/validate/mobility/academic-year", test_bad_academic_year, NULL);
  ADD ("/validate/text/provisions", test_bad_provisions, NULL);
  ADD ("/validate/text/comments", test_bad_comment, NULL);
  ADD ("/validate/add/host-course-from-home", test_host_course_from_home, NULL);
  ADD ("/validate/add/home-course-from-host", test_home_course_from_host, NULL);
  ADD ("/validate/approval/email/a@", test_bad_approver_email, "a@");
  ADD ("/validate/approval/email/@", test_bad_approver_email, "@");
  ADD ("/validate/approval/email/notanemail", test_bad_approver_email, "notanemail");
  ADD ("/validate/ready/complete", test_ready, NULL);
  ADD ("/validate/ready/lacking", test_not_ready, NULL);
  g_test_add_func ("/validate/ready/empty", test_not_ready_empty);
  ADD ("/validate/ready/old-file-reopened", test_not_ready_old_file, NULL);
  ADD ("/validate/load/U+FFFE", test_load_noncharacter, "Zhang\\ufffeWei");
  ADD ("/validate/load/U+FFFF", test_load_noncharacter, "Zhang\\uffffWei");
  ADD ("/validate/load/U+FDD0", test_load_noncharacter, "Zhang\\ufdd0Wei");
  ADD ("/validate/load/U+10FFFF", test_load_noncharacter, "Zhang\\udbff\\udfffWei");
  ADD ("/validate/load/U+0007", test_load_noncharacter, "Zhang\\u0007Wei");
#undef ADD
  g_test_add_data_func ("/validate/load/null-student", "student", test_load_null_member);
  g_test_add_data_func ("/validate/load/null-mobility", "mobility", test_load_null_member);
  g_test_add_data_func ("/validate/load/null-sending", "sending", test_load_null_member);
  g_test_add_func ("/validate/timestamp/good", test_good_timestamp);
  g_test_add_data_func ("/validate/timestamp/yesterday", "yesterday", test_bad_timestamp);
  g_test_add_data_func ("/validate/timestamp/2026-06-31", "2026-06-31T10:00:00Z", test_bad_timestamp);
  g_test_add_data_func ("/validate/timestamp/date-only", "2026-06-01", test_bad_timestamp);
  g_test_add_data_func ("/validate/timestamp/24h", "2026-06-01T24:30:00Z", test_bad_timestamp);

  return g_test_run ();
}
