/* bridge-plan-summary.c: what `plan show --json` and `plan grades --json`
 * print, from the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan"

#include "config.h"

#include "bridge-enum.h"
#include "bridge-json.h"
#include "bridge-plan.h"
#include "bridge-plan-enums.h"
#include "bridge-plan-private.h"

static void
add_totals (JsonBuilder            *b,
            const char             *member,
            const BridgePlanTotals *t)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "host_credits");
  json_builder_add_double_value (b, t->host_credits);
  json_builder_set_member_name (b, "alliance_credits");
  json_builder_add_double_value (b, t->alliance_credits);
  json_builder_set_member_name (b, "ects_credits");
  json_builder_add_double_value (b, t->ects_credits);
  json_builder_set_member_name (b, "home_credits");
  json_builder_add_double_value (b, t->home_credits);
  json_builder_set_member_name (b, "home_credits_exact");
  json_builder_add_double_value (b, t->home_credits_exact);
  {
    g_autofree char *fraction = bridge_rational_to_fraction_string (t->home_credits_fraction);

    json_builder_set_member_name (b, "home_credits_fraction");
    json_builder_add_string_value (b, fraction);
  }
  json_builder_set_member_name (b, "replaced_credits");
  json_builder_add_double_value (b, t->replaced_credits);
  json_builder_end_object (b);
}

/* "precedent": the decision of the register that recognises the group, or null. */
static void
add_precedent (JsonBuilder         *b,
               BridgePlanPrecedent *p)
{
  json_builder_set_member_name (b, "precedent");
  if (p == NULL)
    {
      json_builder_add_null_value (b);
      return;
    }
  json_builder_begin_object (b);
  bridge_json_add_nullable_string (b, "equivalence", p->equivalence->id);
  bridge_json_add_nullable_string (b, "reference", p->reference);
  bridge_json_add_nullable_string (b, "decided", p->equivalence->decided);
  bridge_json_add_nullable_string (b, "valid_until", p->equivalence->valid_until);
  json_builder_set_member_name (b, "expired");
  json_builder_add_boolean_value (b, p->expired);
  json_builder_set_member_name (b, "elective");
  json_builder_add_boolean_value (b, bridge_equivalence_is_elective (p->equivalence));
  json_builder_set_member_name (b, "conditions");
  if (p->equivalence->conditions != NULL)
    json_builder_add_value (b, bridge_text_to_json (p->equivalence->conditions));
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "conditions_state");
  json_builder_add_string_value (b, bridge_enum_to_nick (BRIDGE_TYPE_PLAN_CONDITIONS_STATE, p->conditions));
  bridge_json_add_nullable_string (b, "note", p->note);
  json_builder_end_object (b);
}

/* Adds an array with one object per element of @items, whose members
 * @add_members adds. */
static void
add_objects (JsonBuilder *b,
             GPtrArray   *items,
             void       (*add_members) (JsonBuilder *b, gconstpointer item))
{
  json_builder_begin_array (b);
  for (guint i = 0; i < items->len; i++)
    {
      json_builder_begin_object (b);
      add_members (b, g_ptr_array_index (items, i));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_warning_members (JsonBuilder  *b,
                     gconstpointer item)
{
  const BridgePlanWarning *w = item;

  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, bridge_enum_to_nick (BRIDGE_TYPE_PLAN_WARNING_KIND, w->kind));
  json_builder_set_member_name (b, "group");
  json_builder_add_string_value (b, w->group_id);
  json_builder_set_member_name (b, "course");
  json_builder_add_string_value (b, w->course_id);
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, w->message);
}

static void
add_figures (JsonBuilder *b,
             const char  *name,
             double       credits,
             double       workload_hours)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "credits");
  json_builder_add_double_value (b, credits);
  json_builder_set_member_name (b, "workload_hours");
  json_builder_add_double_value (b, workload_hours);
  json_builder_end_object (b);
}

/* The components whose course the catalog changed (marked first with
 * bridge_plan_refresh ()): the figures the plan counts and the catalog's. */
static void
add_changed_courses (JsonBuilder     *b,
                     BridgePlanGroup *g,
                     BridgeCatalog   *catalog)
{
  json_builder_set_member_name (b, "changed_courses");
  json_builder_begin_array (b);
  for (guint side = 0; side < 2; side++)
    for (guint j = 0; j < bridge_plan_group_get_n_components (g, side); j++)
      {
        const BridgePlanComponent *c = bridge_plan_group_get_component (g, side, j);
        g_autoptr(BridgeCourse) course = NULL;
        BridgePlanFigures f;

        if (!c->changed)
          continue;
        course = bridge_catalog_get_course (catalog, c->course_id, NULL);
        if (course == NULL || !bridge_plan_component_compare (c, side, catalog, course, &f))
          continue;
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "course");
        json_builder_add_string_value (b, c->course_id);
        json_builder_set_member_name (b, "side");
        json_builder_add_string_value (b, bridge_enum_to_nick (BRIDGE_TYPE_PLAN_SIDE, side));
        json_builder_set_member_name (b, "credits_changed");
        json_builder_add_boolean_value (b, f.credits_changed);
        json_builder_set_member_name (b, "workload_changed");
        json_builder_add_boolean_value (b, f.workload_changed);
        add_figures (b, "recorded", c->credits, f.recorded_workload_hours);
        add_figures (b, "catalog", f.credits, f.workload_hours);
        json_builder_end_object (b);
      }
  json_builder_end_array (b);
}

JsonNode *
bridge_plan_summary_to_json (BridgePlan    *self,
                             BridgeCatalog *catalog)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *why = NULL;
  BridgePlanApprovalState state;
  BridgePlanTotals total = { 0 };
  gboolean have_total;
  guint n;

  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);

  bridge_plan_refresh (self, catalog);
  warnings = bridge_plan_check (self, catalog);
  digest = bridge_plan_get_agreement_digest (self);
  state = bridge_plan_get_approval_state (self, &why);
  have_total = bridge_plan_compute_totals (self, catalog, NULL, &total, NULL);
  n = bridge_plan_get_n_groups (self);

  bridge_json_begin_output (b, BRIDGE_JSON_OUTPUT_VERSION);
  json_builder_set_member_name (b, "plan");
  json_builder_add_value (b, bridge_plan_to_json (self));
  json_builder_set_member_name (b, "digest");
  json_builder_add_string_value (b, digest);
  json_builder_set_member_name (b, "locked");
  json_builder_add_boolean_value (b, bridge_plan_get_locked (self));
  json_builder_set_member_name (b, "modified_after_approval");
  json_builder_add_boolean_value (b, state == BRIDGE_PLAN_APPROVAL_STATE_BROKEN);
  json_builder_set_member_name (b, "approval_state");
  json_builder_add_string_value (b, bridge_enum_to_nick (BRIDGE_TYPE_PLAN_APPROVAL_STATE, state));
  if (why)
    {
      json_builder_set_member_name (b, "approval_problem");
      json_builder_add_string_value (b, why);
    }
  if (have_total)
    add_totals (b, "totals", &total);
  json_builder_set_member_name (b, "groups");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *g = bridge_plan_get_group (self, i);
      BridgePlanTotals t;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, bridge_plan_group_get_id (g));
      if (bridge_plan_compute_totals (self, catalog, g, &t, NULL))
        add_totals (b, "totals", &t);
      {
        g_autoptr(BridgePlanPrecedent) precedent = bridge_plan_find_precedent (self, catalog, g);

        add_precedent (b, precedent);
      }
      json_builder_set_member_name (b, "unknown_courses");
      json_builder_begin_array (b);
      for (guint side = 0; side < 2; side++)
        for (guint j = 0; j < bridge_plan_group_get_n_components (g, side); j++)
          if (bridge_plan_group_get_component (g, side, j)->unknown)
            json_builder_add_string_value (b, bridge_plan_group_get_component (g, side, j)->course_id);
      json_builder_end_array (b);
      add_changed_courses (b, g, catalog);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "warnings");
  add_objects (b, warnings, add_warning_members);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
add_recognition_members (JsonBuilder  *b,
                         gconstpointer item)
{
  const BridgePlanRecognition *r = item;

  json_builder_set_member_name (b, "group");
  json_builder_add_string_value (b, r->group_id);
  json_builder_set_member_name (b, "course");
  json_builder_add_string_value (b, r->course_id);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, r->code);
  json_builder_set_member_name (b, "credits");
  json_builder_add_double_value (b, r->credits);
  json_builder_set_member_name (b, "host_grades");
  json_builder_add_string_value (b, r->host_grades);
  json_builder_set_member_name (b, "grade");
  json_builder_add_string_value (b, r->grade);
  json_builder_set_member_name (b, "candidates");
  json_builder_add_string_value (b, r->candidates);
  json_builder_set_member_name (b, "rule");
  json_builder_add_string_value (b, r->rule);
  json_builder_set_member_name (b, "approximate");
  json_builder_add_boolean_value (b, r->approximate);
  json_builder_set_member_name (b, "reason");
  json_builder_add_string_value (b, r->reason);
}

JsonNode *
bridge_plan_recognition_to_json (GPtrArray *records)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (records != NULL, NULL);

  bridge_json_begin_output (b, BRIDGE_JSON_OUTPUT_VERSION);
  json_builder_set_member_name (b, "recognition");
  add_objects (b, records, add_recognition_members);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
