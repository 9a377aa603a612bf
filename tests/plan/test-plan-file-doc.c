/* test-plan-file-doc.c: help/C/plan-file.page documents the plan file as the
 * writer makes it
 *
 * A plan with every member filled (student, both institutions with
 * responsible and contact persons, two terms, provisions, flags, comments,
 * two approved versions, a pending changes proposal, grades, the
 * recognition record and feedback) is written with bridge_plan_to_json (); every member
 * it holds must be documented in the page's section for its object, and
 * every member the page documents must be one the writer makes. The
 * page's example must read as a plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "plan-fixture.h"

#define PAGE PLAN_TEST_DIR "/../../help/C/plan-file.page"

/* Which section of the page documents the object found under a member of
 * another: (object's section, member) → the member's section. NULL: a map
 * whose keys are data (grades: course ids), not checked. */
static const struct
{
  const char *parent;
  const char *member;
  const char *child;
} children[] = {
  { "root", "student", "student" },
  { "root", "sending", "institution" },
  { "root", "receiving", "institution" },
  { "root", "mobility", "mobility" },
  { "root", "groups", "group" },
  { "root", "approvals", "approval" },
  { "root", "versions", "version" },
  { "root", "changes_proposal", "changes-proposal" },
  { "root", "grades", NULL },
  { "root", "recognition", "recognition" },
  { "root", "feedback", "feedback" },
  { "institution", "responsible", "person" },
  { "institution", "contact", "person" },
  { "group", "host", "component" },
  { "group", "home", "component" },
  { "component", "title", "text" },
  { "recognition", "title", "text" },
  { "version", "changes", "change" },
  { "version", "approvals", "approval" },
  { "version", "content", "root" },
  { "changes-proposal", "changes", "change" },
  { "changes-proposal", "approvals", "approval" },
  { "change", "component", "component" },
};

static const char *
child_section (const char *parent,
               const char *member,
               gboolean   *found)
{
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    if (g_str_equal (children[i].parent, parent) && g_str_equal (children[i].member, member))
      {
        *found = TRUE;
        return children[i].child;
      }
  *found = FALSE;
  return NULL;
}

static gboolean
holds_objects (JsonNode *value)
{
  if (JSON_NODE_HOLDS_OBJECT (value))
    return TRUE;
  if (JSON_NODE_HOLDS_ARRAY (value))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (value)); i++)
      if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (value), i)))
        return TRUE;
  return FALSE;
}

/* Adds "section member" to @written for each member under @node, an object
 * of @section, and goes down into the objects it holds. */
static void
collect (JsonNode   *node,
         const char *section,
         GHashTable *written)
{
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *value = json_object_get_member (object, member);
      gboolean known;
      const char *child = child_section (section, member, &known);

      g_hash_table_add (written, g_strdup_printf ("%s %s", section, member));
      if (holds_objects (value))
        {
          /* A member that holds objects must say which section they are in. */
          if (!known)
            g_error ("“%s” of a %s holds objects: add it to children[]", member, section);
          if (child == NULL)
            continue;
        }
      if (JSON_NODE_HOLDS_OBJECT (value))
        collect (value, child, written);
      else if (JSON_NODE_HOLDS_ARRAY (value))
        {
          JsonArray *array = json_node_get_array (value);

          for (guint i = 0; i < json_array_get_length (array); i++)
            if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
              collect (json_array_get_element (array, i), child, written);
        }
    }
}

/* The plan, every member filled. */
static BridgePlan *
full_plan (PlanFixture *fx)
{
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) record = NULL;
  BridgePlanStudent student = { 0 };
  BridgePlanInstitution home = { 0 };
  const char *terms[] = { "2026-autumn", "2027-spring", NULL };
  const char *h3[] = { "cqu:cs201", NULL }, *r3[] = { "scu:ma120", NULL };
  BridgePlanPerson sending = { (char *) "王芳", (char *) "Exchange coordinator", (char *) "wangfang@scu.edu.cn" };
  BridgePlanPerson receiving = { (char *) "Zhang Wei", (char *) "International office", (char *) "zhangwei@cqu.edu.cn" };
  BridgePlanPerson student_person = { (char *) "李华", NULL, NULL };
  BridgePlanGroup *g1, *g2;

  bridge_plan_student_copy (bridge_plan_get_student (plan), &student);
  g_free (student.gender);
  student.gender = g_strdup ("2");
  bridge_plan_set_student (plan, &student, NULL);
  bridge_plan_student_clear (&student);

  bridge_plan_institution_copy (bridge_plan_get_institution (plan, BRIDGE_PLAN_SIDE_HOME), &home);
  home.contact.name = g_strdup ("刘洋");
  home.contact.position = g_strdup ("International office");
  home.contact.email = g_strdup ("liuyang@scu.edu.cn");
  bridge_plan_set_institution (plan, BRIDGE_PLAN_SIDE_HOME, &home, NULL);
  bridge_plan_institution_clear (&home);

  bridge_plan_set_terms (plan, (const char * const *) terms);
  bridge_plan_set_provisions (plan, "The sending faculty's regulations apply.", NULL);
  /* cqu:cs201 is taught in spring only: the component records its term */
  g_assert_nonnull (bridge_plan_add_group (plan, fx->catalog, h3, r3, &error));
  g_assert_no_error (error);

  g1 = bridge_plan_get_group (plan, 0);
  g2 = bridge_plan_get_group (plan, 1);
  bridge_plan_set_group_status (plan, g1, BRIDGE_PLAN_GROUP_APPROVED);
  bridge_plan_set_group_comment (plan, g1, "Same content", NULL);
  g_assert_true (bridge_plan_set_component_comment (plan, g1, BRIDGE_PLAN_SIDE_HOME, "scu:cs305", "同一门课", &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_set_component_flags (plan, g1, BRIDGE_PLAN_SIDE_HOME, "scu:cs305", TRUE, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_set_component_flags (plan, g2, BRIDGE_PLAN_SIDE_HOST, "cqu:cs302", FALSE, TRUE, &error));
  g_assert_no_error (error);

  /* version 1 */
  plan_fixture_approve_all (plan);
  g_assert_cmpuint (bridge_plan_get_n_versions (plan), ==, 1);

  /* version 2: a course deleted, with a reason in words */
  g_assert_true (bridge_plan_propose_delete (plan, bridge_plan_get_group (plan, 1), BRIDGE_PLAN_SIDE_HOST, "cqu:cs302",
                                             BRIDGE_CHANGE_REASON_OTHER, "The course was cancelled", &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student_person, "2026-09-10T10:00:00Z", &error));
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_SENDING, &sending, "2026-09-11T10:00:00Z", &error));
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_RECEIVING, &receiving, "2026-09-12T10:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bridge_plan_get_n_versions (plan), ==, 2);

  /* a pending proposal, approved by the student so far */
  g_assert_true (bridge_plan_propose_add (plan, fx->catalog, NULL, BRIDGE_PLAN_SIDE_HOST, "cqu:ma101",
                                          BRIDGE_CHANGE_REASON_EXTENDING_MOBILITY, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student_person, "2026-10-01T10:00:00Z", &error));
  g_assert_no_error (error);

  /* grades: g1 graded, g3 not, so its line says why it has no grade */
  g_assert_true (bridge_plan_set_grade (plan, fx->catalog, "cqu:cs301", "A", &error));
  g_assert_no_error (error);
  record = bridge_plan_convert_grades (plan, fx->catalog, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);

  /* feedback after the stay, one with a comment */
  g_assert_true (bridge_plan_set_feedback (plan, "cqu:cs301", 96, 4, "Worth the effort", &error));
  g_assert_no_error (error);
  return g_steal_pointer (&plan);
}

static char *
read_page (void)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (PAGE, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* The text of <section id="@id"> up to its </section> (sections do not nest). */
static char *
page_section (const char *page,
              const char *id)
{
  g_autofree char *open = g_strdup_printf ("<section id=\"%s\">", id);
  const char *start = strstr (page, open);
  const char *end;

  if (start == NULL)
    return NULL;
  end = strstr (start, "</section>");
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static GHashTable *
written_members (PlanFixture *fx)
{
  g_autoptr(BridgePlan) plan = full_plan (fx);
  g_autoptr(JsonNode) root = bridge_plan_to_json (plan);
  GHashTable *written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect (root, "root", written);
  return written;
}

static void
test_written_documented (PlanFixture   *fx,
                         gconstpointer  data)
{
  g_autoptr(GHashTable) written = written_members (fx);
  g_autofree char *page = read_page ();
  g_autoptr(GString) missing = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key;

  /* the plan is full: the members of the rarer corners are there */
  for (const char *const *m = (const char *const[]) { "student gender", "institution contact", "root provisions",
                                                       "component term", "component virtual",
                                                       "component automatic_recognition", "component comment",
                                                       "change reason_text", "changes-proposal id",
                                                       "recognition reason", "version content",
                                                       "feedback comment", NULL };
       *m != NULL; m++)
    if (!g_hash_table_contains (written, *m))
      g_string_append_printf (missing, "the full plan has no %s; ", *m);

  g_hash_table_iter_init (&iter, written);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (key, " ", 2);
      g_autofree char *section = page_section (page, parts[0]);
      g_autofree char *entry = g_strdup_printf ("<title><code>%s</code></title>", parts[1]);

      if (section == NULL)
        g_string_append_printf (missing, "no <section id=\"%s\"> for “%s”; ", parts[0], parts[1]);
      else if (strstr (section, entry) == NULL)
        g_string_append_printf (missing, "“%s” is not in <section id=\"%s\">; ", parts[1], parts[0]);
    }
  g_assert_cmpstr (missing->str, ==, "");
}

static void
test_documented_written (PlanFixture   *fx,
                         gconstpointer  data)
{
  g_autoptr(GHashTable) written = written_members (fx);
  g_autofree char *page = read_page ();
  g_autoptr(GString) extra = g_string_new (NULL);
  g_autoptr(GHashTable) sections = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_add (sections, (gpointer) "root");
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    if (children[i].child != NULL)
      g_hash_table_add (sections, (gpointer) children[i].child);

  {
    GHashTableIter iter;
    gpointer id;

    g_hash_table_iter_init (&iter, sections);
    while (g_hash_table_iter_next (&iter, &id, NULL))
      {
        g_autofree char *section = page_section (page, id);
        const char *p = section;
        guint n = 0;

        if (section == NULL)
          {
            g_string_append_printf (extra, "no <section id=\"%s\">; ", (char *) id);
            continue;
          }
        while ((p = strstr (p, "<title><code>")) != NULL)
          {
            const char *name = p + strlen ("<title><code>");
            const char *end = strstr (name, "</code></title>");
            g_autofree char *member = NULL, *pair = NULL;

            g_assert_nonnull (end);
            member = g_strndup (name, end - name);
            pair = g_strdup_printf ("%s %s", (char *) id, member);
            if (!g_hash_table_contains (written, pair))
              g_string_append_printf (extra, "<section id=\"%s\"> documents “%s”, which the writer never makes; ",
                                      (char *) id, member);
            n++;
            p = end;
          }
        if (n == 0)
          g_string_append_printf (extra, "<section id=\"%s\"> documents no member; ", (char *) id);
      }
  }
  g_assert_cmpstr (extra->str, ==, "");
}

/* The example, with the page's XML entities undone, reads as a plan. */
static void
test_example_reads (PlanFixture   *fx,
                    gconstpointer  data)
{
  g_autofree char *page = read_page ();
  g_autofree char *section = page_section (page, "example");
  const char *start, *end;
  g_autofree char *json = NULL;
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (section);
  start = strstr (section, "<code mime=\"application/json\">");
  g_assert_nonnull (start);
  start = strchr (start, '>') + 1;
  end = strstr (start, "</code>");
  g_assert_nonnull (end);
  json = g_strndup (start, end - start);
  g_assert_null (strchr (json, '&'));      /* no entity to undo */

  plan = bridge_plan_new_from_data (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bridge_plan_get_student (plan)->name, ==, "李华");
  g_assert_cmpuint (bridge_plan_get_n_groups (plan), ==, 1);
  g_assert_cmpstr (bridge_plan_get_term (plan), ==, "2026-autumn");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/plan-file-doc/written-members-are-documented", PlanFixture, NULL,
              plan_fixture_set_up, test_written_documented, plan_fixture_tear_down);
  g_test_add ("/plan-file-doc/documented-members-are-written", PlanFixture, NULL,
              plan_fixture_set_up, test_documented_written, plan_fixture_tear_down);
  g_test_add ("/plan-file-doc/example-reads-as-a-plan", PlanFixture, NULL,
              plan_fixture_set_up, test_example_reads, plan_fixture_tear_down);
  return g_test_run ();
}
