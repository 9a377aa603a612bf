/* test-plan-certificate.c: the plan knows the student's certificates
 *
 * A group whose Table B holds a home course that a valid certificate of the
 * student already replaces at the plan's home university is warned about
 * (the student would be recognised twice); the certificates are no part of
 * the agreement: not in the plan file, its digest or the EWP XML.
 *
 * The catalog is the test feed with three certificates added:
 *   os-cert   scu: 3 credits for scu:cs305 (g1's home course), 5 years
 *   net-cert  scu: 2 credits for scu:cs306 (g2's), 1 year
 *   cqu-cert  recognised by cqu only, for cqu:cs301
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <locale.h>
#include <string.h>

#include "bridge-holdings.h"
#include "bridge-plan-export.h"
#include "bridge-plan.h"
#include "plan-fixture.h"

#define CERTIFICATES \
  "\"certificates\": [" \
  " {\"id\": \"os-cert\", \"name\": {\"zh\": \"操作系统认证\", \"en\": \"Operating Systems Certificate\"}," \
  "  \"issuer\": {\"en\": \"Test Board\"}," \
  "  \"recognitions\": [{\"university\": \"scu\", \"credits\": 3, \"replaces\": [\"scu:cs305\"], \"valid_years\": 5}]}," \
  " {\"id\": \"net-cert\", \"name\": {\"en\": \"Networking Certificate\"}, \"issuer\": {\"en\": \"Test Board\"}," \
  "  \"recognitions\": [{\"university\": \"scu\", \"credits\": 2, \"replaces\": [\"scu:cs306\"], \"valid_years\": 1}]}," \
  " {\"id\": \"cqu-cert\", \"name\": {\"en\": \"Chongqing Only\"}, \"issuer\": {\"en\": \"Test Board\"}," \
  "  \"recognitions\": [{\"university\": \"cqu\", \"credits\": 2, \"replaces\": [\"cqu:cs301\"]}]}" \
  "],\n  \"courses\": ["

static BridgeCatalog *
catalog_with_certificates (PlanFixture *fx)
{
  return plan_fixture_catalog_with (fx, "\"courses\": [", CERTIFICATES);
}

static BridgeHoldings *
make_holdings (PlanFixture   *fx,
               BridgeCatalog *catalog)
{
  g_autofree char *path = g_build_filename (fx->dir, "certificates.json", NULL);
  g_autoptr(BridgeHoldings) holdings = bridge_holdings_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) last_year = g_date_time_add_years (now, -1);
  g_autofree char *recent = g_date_time_format (last_year, "%Y-%m-%d");

  /* Valid today whatever today is: obtained a year ago, valid for five. */
  g_assert_true (bridge_holdings_add (holdings, catalog, "os-cert", recent, "OS-1", NULL, &error));
  g_assert_no_error (error);
  /* Expired long ago: no warning. */
  g_assert_true (bridge_holdings_add (holdings, catalog, "net-cert", "2020-01-01", NULL, NULL, &error));
  /* Not recognised at scu: no warning. */
  g_assert_true (bridge_holdings_add (holdings, catalog, "cqu-cert", "2024-01-01", NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&holdings);
}

static GPtrArray *
overlaps (GPtrArray *warnings)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < warnings->len; i++)
    {
      BridgePlanWarning *w = g_ptr_array_index (warnings, i);

      if (w->kind == BRIDGE_PLAN_WARNING_CERTIFICATE_OVERLAP)
        g_ptr_array_add (found, w);
    }
  return found;
}

static void
test_overlap (PlanFixture   *fx,
              gconstpointer  data)
{
  g_autoptr(BridgeCatalog) catalog = catalog_with_certificates (fx);
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeHoldings) holdings = make_holdings (fx, catalog);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *expected = NULL;
  BridgePlanWarning *w;

  bridge_plan_set_holdings (plan, holdings);
  g_assert_true (bridge_plan_get_holdings (plan) == holdings);
  warnings = bridge_plan_check (plan, catalog);
  found = overlaps (warnings);
  g_assert_cmpuint (found->len, ==, 1);
  w = g_ptr_array_index (found, 0);
  g_assert_cmpstr (w->group_id, ==, "g1");
  g_assert_cmpstr (w->course_id, ==, "scu:cs305");
  expected = g_strdup_printf ("Principles of Operating Systems (CS305) is already replaced by the certificate "
                              "“Operating Systems Certificate” obtained on %s: the student would be recognised "
                              "twice for the same course. Remove the course from this group, or replace another "
                              "home course with it",
                              bridge_holdings_get_holding (holdings, 0)->obtained);
  g_assert_cmpstr (w->message, ==, expected);
}

/* Without certificates, or once they are taken away, no such warning. */
static void
test_no_holdings (PlanFixture   *fx,
                  gconstpointer  data)
{
  g_autoptr(BridgeCatalog) catalog = catalog_with_certificates (fx);
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeHoldings) holdings = make_holdings (fx, catalog);
  g_autoptr(BridgeHoldings) empty = bridge_holdings_new (NULL);
  g_autoptr(GPtrArray) before = bridge_plan_check (plan, catalog);
  g_autoptr(GPtrArray) with_empty = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) found = NULL;

  found = overlaps (before);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  bridge_plan_set_holdings (plan, empty);
  with_empty = bridge_plan_check (plan, catalog);
  g_assert_cmpuint (with_empty->len, ==, before->len);

  bridge_plan_set_holdings (plan, holdings);
  bridge_plan_set_holdings (plan, NULL);
  g_assert_null (bridge_plan_get_holdings (plan));
  after = bridge_plan_check (plan, catalog);
  found = overlaps (after);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_cmpuint (after->len, ==, before->len);
}

/* The certificates are the student's, not the agreement's: the plan file,
 * its digests and the EWP XML are the same with them or without. */
static void
test_not_in_agreement (PlanFixture   *fx,
                       gconstpointer  data)
{
  g_autoptr(BridgeCatalog) catalog = catalog_with_certificates (fx);
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeHoldings) holdings = make_holdings (fx, catalog);
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *file_digest = NULL;
  g_autofree char *data_before = NULL;
  g_autofree char *data_after = NULL;
  g_autofree char *xml_before = NULL;
  g_autofree char *xml_after = NULL;
  g_autofree char *digest_after = NULL;
  g_autofree char *file_digest_after = NULL;
  gboolean modified;
  static const char * const never[] = { "os-cert", "net-cert", "cqu-cert", "Operating Systems Certificate",
                                        "操作系统认证", "OS-1", "certificate", NULL };

  /* Approved, so that EWP sends it. */
  plan_fixture_approve_all (plan);
  digest = bridge_plan_get_agreement_digest (plan);
  file_digest = bridge_plan_get_digest (plan);
  xml_before = bridge_plan_to_ewp_xml (plan, catalog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (xml_before);
  data_before = bridge_plan_to_data (plan, NULL);

  modified = bridge_plan_get_modified (plan);
  bridge_plan_set_holdings (plan, holdings);
  digest_after = bridge_plan_get_agreement_digest (plan);
  file_digest_after = bridge_plan_get_digest (plan);
  data_after = bridge_plan_to_data (plan, NULL);
  xml_after = bridge_plan_to_ewp_xml (plan, catalog, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (digest_after, ==, digest);
  g_assert_cmpstr (file_digest_after, ==, file_digest);
  g_assert_cmpstr (data_after, ==, data_before);
  g_assert_cmpstr (xml_after, ==, xml_before);
  g_assert_cmpint (bridge_plan_get_modified (plan), ==, modified);
  for (guint i = 0; never[i] != NULL; i++)
    {
      g_assert_null (strstr (xml_after, never[i]));
      g_assert_null (strstr (data_after, never[i]));
    }
}

/* plan show --json lists it with the other warnings. */
static void
test_summary_json (PlanFixture   *fx,
                   gconstpointer  data)
{
  g_autoptr(BridgeCatalog) catalog = catalog_with_certificates (fx);
  g_autoptr(BridgePlan) plan = plan_fixture_make_plan (fx);
  g_autoptr(BridgeHoldings) holdings = make_holdings (fx, catalog);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *warnings;
  guint n = 0;

  bridge_plan_set_holdings (plan, holdings);
  root = bridge_plan_summary_to_json (plan, catalog);
  warnings = json_object_get_array_member (json_node_get_object (root), "warnings");
  for (guint i = 0; i < json_array_get_length (warnings); i++)
    {
      JsonObject *w = json_array_get_object_element (warnings, i);

      if (g_strcmp0 (json_object_get_string_member (w, "kind"), "certificate-overlap") != 0)
        continue;
      n++;
      g_assert_cmpstr (json_object_get_string_member (w, "group"), ==, "g1");
      g_assert_cmpstr (json_object_get_string_member (w, "course"), ==, "scu:cs305");
      g_assert_nonnull (strstr (json_object_get_string_member (w, "message"), "recognised twice"));
    }
  g_assert_cmpuint (n, ==, 1);
  /* No member of the certificates in the plan's own JSON. */
  g_assert_false (json_object_has_member (json_node_get_object (root), "certificates"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) \
  g_test_add (name, PlanFixture, NULL, plan_fixture_set_up, fn, plan_fixture_tear_down)
  ADD ("/plan/certificate/overlap", test_overlap);
  ADD ("/plan/certificate/no-holdings", test_no_holdings);
  ADD ("/plan/certificate/not-in-agreement", test_not_in_agreement);
  ADD ("/plan/certificate/summary-json", test_summary_json);
#undef ADD

  return g_test_run ();
}
