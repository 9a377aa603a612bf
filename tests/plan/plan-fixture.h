/* plan-fixture.h: a test catalog and a temporary directory for plan tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "bridge-catalog.h"
#include "bridge-plan.h"

typedef struct
{
  char          *dir;
  BridgeCatalog *catalog;
} PlanFixture;

static inline void
plan_fixture_set_up (PlanFixture   *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeImportReport) report = NULL;
  g_autofree char *db = NULL;
  g_autofree char *feed = g_build_filename (PLAN_TEST_DIR, "feed.json", NULL);

  fx->dir = g_dir_make_tmp ("plan-test-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (fx->dir, "catalog.db", NULL);
  fx->catalog = bridge_catalog_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_import (fx->catalog, feed, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A catalog of its own from the test feed with @from replaced by @to (once),
 * for a catalog that carries what a plan must not. */
static inline BridgeCatalog *
plan_fixture_catalog_with (PlanFixture *fx,
                           const char  *from,
                           const char  *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeImportReport) report = NULL;
  g_autofree char *feed = g_build_filename (PLAN_TEST_DIR, "feed.json", NULL);
  g_autofree char *edited = g_build_filename (fx->dir, "edited-feed.json", NULL);
  g_autofree char *db = g_build_filename (fx->dir, "edited-catalog.db", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GString) text = NULL;
  BridgeCatalog *catalog;

  g_assert_true (g_file_get_contents (feed, &json, NULL, NULL));
  text = g_string_new (json);
  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  g_assert_true (g_file_set_contents (edited, text->str, text->len, NULL));
  catalog = bridge_catalog_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_import (catalog, edited, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return catalog;
}

static inline void
plan_fixture_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        plan_fixture_remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static inline void
plan_fixture_tear_down (PlanFixture   *fx,
                        gconstpointer  data)
{
  g_clear_object (&fx->catalog);
  plan_fixture_remove_dir (fx->dir);
  g_free (fx->dir);
}

/* A plan of scu student 李华 going to cqu in autumn 2026:
 * g1 = cqu:cs301 → scu:cs305, g2 = cqu:cs302 → scu:cs306. */
static inline BridgePlan *
plan_fixture_make_plan (PlanFixture *fx)
{
  g_autoptr(BridgePlan) plan = bridge_plan_new ();
  g_autoptr(GError) error = NULL;
  BridgePlanStudent student = { 0 };
  BridgePlanInstitution home = { 0 }, host = { 0 };
  const char *h1[] = { "cqu:cs301", NULL }, *r1[] = { "scu:cs305", NULL };
  const char *h2[] = { "cqu:cs302", NULL }, *r2[] = { "scu:cs306", NULL };

  student.name = (char *) "李华";
  student.student_number = (char *) "2023141460001";
  student.email = (char *) "lihua@stu.scu.edu.cn";
  student.birth_date = (char *) "2004-05-06";
  student.nationality = (char *) "CN";
  student.cycle = BRIDGE_CYCLE_BACHELOR;
  student.isced = (char *) "0613";
  student.language = (char *) "en";
  student.cefr = (char *) "B2";
  bridge_plan_set_student (plan, &student, NULL);

  home.university = (char *) "scu";
  home.faculty = (char *) "College of Computer Science";
  home.responsible.name = (char *) "王芳";
  home.responsible.position = (char *) "Exchange coordinator";
  home.responsible.email = (char *) "wangfang@scu.edu.cn";
  bridge_plan_set_institution (plan, BRIDGE_PLAN_SIDE_HOME, &home, NULL);
  host.university = (char *) "cqu";
  host.faculty = (char *) "School of Big Data and Software Engineering";
  host.responsible.name = (char *) "Zhang Wei";
  host.responsible.position = (char *) "International office";
  host.responsible.email = (char *) "zhangwei@cqu.edu.cn";
  bridge_plan_set_institution (plan, BRIDGE_PLAN_SIDE_HOST, &host, NULL);

  bridge_plan_set_term (plan, "2026-autumn");
  bridge_plan_set_academic_year (plan, "2026/2027", NULL);
  bridge_plan_set_dates (plan, "2026-09-01", "2027-01-20", NULL);

  g_assert_nonnull (bridge_plan_add_group (plan, fx->catalog, h1, r1, &error));
  g_assert_no_error (error);
  g_assert_nonnull (bridge_plan_add_group (plan, fx->catalog, h2, r2, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&plan);
}

static inline void
plan_fixture_approve_all (BridgePlan *plan)
{
  g_autoptr(GError) error = NULL;
  BridgePlanPerson student = { (char *) "李华", NULL, (char *) "lihua@stu.scu.edu.cn" };
  BridgePlanPerson sending = { (char *) "王芳", (char *) "Exchange coordinator", (char *) "wangfang@scu.edu.cn" };
  BridgePlanPerson receiving = { (char *) "Zhang Wei", (char *) "International office", (char *) "zhangwei@cqu.edu.cn" };

  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_STUDENT, &student, "2026-06-01T10:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_SENDING, &sending, "2026-06-02T10:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (bridge_plan_approve (plan, BRIDGE_PLAN_ROLE_RECEIVING, &receiving, "2026-06-03T10:00:00Z", &error));
  g_assert_no_error (error);
}

/* A catalog of its own from the test feed with the recognition register of
 * register.json (feed revision 2): scu-2025-017 (cqu:cs301 for scu:cs305,
 * valid until 2099, "with at least B"), scu-2021-004 (cqu:cs302 for
 * scu:cs306, expired on 2024-07-31), scu-2024-010 (cqu:ma101 for 2 free
 * elective credits, no reference) and scu-2025-020 (cqu:cs201 for scu:ma120,
 * "with at least 良好", which names no grade of cqu's scale). */
static inline BridgeCatalog *
plan_fixture_catalog_with_register (PlanFixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BridgeImportReport) report = NULL;
  g_autofree char *feed = g_build_filename (PLAN_TEST_DIR, "feed.json", NULL);
  g_autofree char *register_path = g_build_filename (PLAN_TEST_DIR, "register.json", NULL);
  g_autofree char *edited = g_build_filename (fx->dir, "register-feed.json", NULL);
  g_autofree char *db = g_build_filename (fx->dir, "register-catalog.db", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) register_parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root;
  BridgeCatalog *catalog;

  g_assert_true (json_parser_load_from_file (parser, feed, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (register_parser, register_path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_int_member (root, "revision", 2);
  json_object_set_member (root, "equivalences", json_node_copy (json_parser_get_root (register_parser)));
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, edited, &error));
  g_assert_no_error (error);
  catalog = bridge_catalog_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (bridge_catalog_import (catalog, edited, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->equivalences, ==, 4);
  return catalog;
}

/* The plan's file as JSON, to be edited as someone with a text editor would. */
static inline JsonNode *
plan_fixture_file_json (BridgePlan *plan)
{
  g_autofree char *text = bridge_plan_to_data (plan, NULL);

  return json_from_string (text, NULL);
}

/* The plan file @root, which must open. */
static inline BridgePlan *
plan_fixture_reload (JsonNode *root)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = json_to_string (root, TRUE);
  BridgePlan *plan = bridge_plan_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}
