/* bridge-plan-precedent.c: the decisions of the register that a plan's
 * groups match, and their conditions after the stay
 *
 * A group whose host and home courses are those of a decision of the home
 * university's recognition register (bridge_recognize_match ()) is
 * recognised by it: a note, not a warning. One that matches only an expired
 * decision is warned about. When the grades come in, the decision's
 * conditions are read as a minimum grade (bridge-grade-condition.h) and each
 * host grade below it is warned about; a condition that names no grade is
 * left to the advisor, never taken as met.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "bridge-grade-condition.h"
#include "bridge-plan.h"
#include "bridge-plan-private.h"
#include "bridge-recognize.h"

void
bridge_plan_precedent_free (BridgePlanPrecedent *precedent)
{
  if (precedent == NULL)
    return;
  g_free (precedent->group_id);
  g_clear_pointer (&precedent->equivalence, bridge_equivalence_free);
  g_free (precedent->note);
  g_free (precedent);
}

/* The course ids of one side of @group (transfer full). */
static GStrv
side_course_ids (BridgePlanGroup *group,
                 BridgePlanSide   side)
{
  guint n = bridge_plan_group_get_n_components (group, side);
  GStrv ids = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (bridge_plan_group_get_component (group, side, i)->course_id);
  return ids;
}

/* How @grade of host course @course_id stands against @condition. */
static BridgeGradeConditionResult
check_grade (BridgeCatalog    *catalog,
             const char       *course_id,
             const BridgeText *condition,
             const char       *grade,
             char            **minimum)
{
  g_autoptr(BridgeGradingScale) scale = bridge_catalog_dup_course_scale (catalog, course_id);
  BridgeGradeConditionResult result;
  const char *label = NULL;

  *minimum = NULL;
  if (scale == NULL)
    return BRIDGE_GRADE_CONDITION_TO_CHECK;
  result = bridge_grade_condition_check (scale, condition, grade, &label);
  /* The label is the scale's, which goes with it. */
  *minimum = g_strdup (label);
  return result;
}

/* The state of @precedent's conditions against the plan's grades; with
 * @warnings, adds what the advisor must know. */
static BridgePlanConditionsState
check_conditions (BridgePlan                *self,
                  BridgeCatalog             *catalog,
                  BridgePlanGroup           *group,
                  const BridgePlanPrecedent *precedent,
                  GPtrArray                 *warnings)
{
  const BridgeText *condition = precedent->equivalence->conditions;
  const char *text;
  gboolean waiting = FALSE, not_met = FALSE, to_check = FALSE;

  if (condition == NULL)
    return BRIDGE_PLAN_CONDITIONS_NONE;
  text = bridge_text_pick (condition);
  for (guint i = 0; i < bridge_plan_group_get_n_components (group, BRIDGE_PLAN_SIDE_HOST); i++)
    {
      const BridgePlanComponent *c = bridge_plan_group_get_component (group, BRIDGE_PLAN_SIDE_HOST, i);
      const char *grade = bridge_plan_get_grade (self, c->course_id);
      g_autofree char *minimum = NULL;

      if (grade == NULL)
        {
          waiting = TRUE;
          continue;
        }
      switch (check_grade (catalog, c->course_id, condition, grade, &minimum))
        {
        case BRIDGE_GRADE_CONDITION_MET:
          break;
        case BRIDGE_GRADE_CONDITION_NOT_MET:
          not_met = TRUE;
          if (warnings != NULL)
            {
              g_autofree char *name = bridge_plan_component_name (c);

              bridge_plan_add_warning (warnings, BRIDGE_PLAN_WARNING_CONDITION_NOT_MET, group, c->course_id,
                                       /* Translators: a course, its grade, the minimum grade, the decision's
                                        * reference, then the decision's condition as the register words it */
                                       g_strdup_printf (_("%s: the grade %s is below the %s that decision %s asks for (“%s”); "
                                                          "ask the home university whether the course is still recognised"),
                                                        name, grade, minimum, precedent->reference, text));
            }
          break;
        case BRIDGE_GRADE_CONDITION_TO_CHECK:
        default:
          to_check = TRUE;
          break;
        }
    }
  if (to_check && warnings != NULL)
    bridge_plan_add_warning (warnings, BRIDGE_PLAN_WARNING_CONDITION_TO_CHECK, group, NULL,
                             /* Translators: the decision's condition as the register words it, then its reference */
                             g_strdup_printf (_("To be checked by the advisor: %s (a condition of decision %s, "
                                                "which names no grade of the host’s scale)"),
                                              text, precedent->reference));
  if (not_met)
    return BRIDGE_PLAN_CONDITIONS_NOT_MET;
  if (to_check)
    return BRIDGE_PLAN_CONDITIONS_TO_CHECK;
  return waiting ? BRIDGE_PLAN_CONDITIONS_WAITING : BRIDGE_PLAN_CONDITIONS_MET;
}

static BridgePlanPrecedent *
find_precedent (BridgePlan      *self,
                BridgeCatalog   *catalog,
                BridgePlanGroup *group,
                GPtrArray       *warnings)
{
  g_auto(GStrv) host_ids = side_course_ids (group, BRIDGE_PLAN_SIDE_HOST);
  g_auto(GStrv) home_ids = side_course_ids (group, BRIDGE_PLAN_SIDE_HOME);
  g_autoptr(GError) error = NULL;
  BridgeEquivalence *equivalence;
  BridgePlanPrecedent *precedent;
  gboolean expired = FALSE;

  if (host_ids[0] == NULL || bridge_plan_get_home_university (self) == NULL)
    return NULL;
  equivalence = bridge_recognize_match (catalog, bridge_plan_get_home_university (self),
                                        (const char * const *) host_ids, (const char * const *) home_ids,
                                        NULL, &expired, &error);
  if (equivalence == NULL)
    {
      if (error != NULL)
        g_debug ("No precedent for group %s: %s", bridge_plan_group_get_id (group), error->message);
      return NULL;
    }
  precedent = g_new0 (BridgePlanPrecedent, 1);
  precedent->group_id = g_strdup (bridge_plan_group_get_id (group));
  precedent->equivalence = equivalence;
  precedent->expired = expired;
  precedent->reference = equivalence->reference != NULL ? equivalence->reference : equivalence->id;
  if (expired)
    /* Translators: the decision's reference, then the date it expired on */
    precedent->note = g_strdup_printf (_("The decision %s that recognised these courses expired on %s; "
                                         "ask the home university whether it still applies"),
                                       precedent->reference, equivalence->valid_until);
  else
    /* Translators: the decision's reference, then the date it was taken on */
    precedent->note = g_strdup_printf (_("Recognised by decision %s (%s)"), precedent->reference, equivalence->decided);
  if (expired && warnings != NULL)
    bridge_plan_add_warning (warnings, BRIDGE_PLAN_WARNING_PRECEDENT_EXPIRED, group, NULL, g_strdup (precedent->note));
  precedent->conditions = check_conditions (self, catalog, group, precedent, warnings);
  return precedent;
}

BridgePlanPrecedent *
bridge_plan_find_precedent (BridgePlan      *self,
                            BridgeCatalog   *catalog,
                            BridgePlanGroup *group)
{
  g_return_val_if_fail (BRIDGE_IS_PLAN (self), NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (BRIDGE_IS_PLAN_GROUP (group), NULL);

  return find_precedent (self, catalog, group, NULL);
}

void
bridge_plan_check_precedent (BridgePlan      *self,
                             BridgeCatalog   *catalog,
                             BridgePlanGroup *group,
                             GPtrArray       *warnings)
{
  bridge_plan_precedent_free (find_precedent (self, catalog, group, warnings));
}
