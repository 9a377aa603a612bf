/* bridge-credit.h: workload and credit equivalence
 *
 * Implements "Workload of a course" and "Credit equivalence" of
 * ../shared/spec/catalog-feed.md. Every number is computed exactly (see
 * bridge-rational.h): a workload worth exactly 3 home credits awards 3.
 * Each result carries its arithmetic as lines a person reads (`steps`), in
 * the user's language, so that a student or an advisor can check it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "bridge-model.h"
#include "bridge-rational.h"

G_BEGIN_DECLS

/* Quantities larger than this (hours, periods, weeks, credits, minutes,
 * ratios, marks) are refused as absurd, in feeds, plans and EWP imports
 * alike: they would overflow the exact arithmetic of credit equivalence and
 * no real course comes near. */
#define BRIDGE_MAX_QUANTITY 1e6

typedef enum
{
  BRIDGE_WORKLOAD_DECLARED,               /* the feed's workload_hours */
  BRIDGE_WORKLOAD_ESTIMATED,              /* from periods, ratios and practice weeks */
} BridgeWorkloadSource;

/* "declared" or "estimated", the nick of bridge-credit-enums.h */
const char *bridge_workload_source_to_string (BridgeWorkloadSource source);

/* What a course says about its workload; a BridgeCourse or a certificate
 * gives it, tests build it by hand. */
typedef struct
{
  double periods[BRIDGE_N_KINDS];         /* class periods by kind */
  double practice_weeks;
  double workload_hours;                  /* 0: not declared, estimate it */
  double credits;                         /* local credits at the host; 0: none (certificates) */
} BridgeCourseLoad;

void bridge_course_load_from_course (BridgeCourseLoad *load,
                                     BridgeCourse     *course);

/**
 * BridgeCreditResult:
 *
 * The credit equivalence of one course of host university H seen from home
 * university M. Read-only; the doubles are the exact values rounded to the
 * nearest hundredth for display (catalog-feed.md: 180 h ÷ 28 h = 6.428… is
 * shown as 6.43, never truncated), except home_credits_awarded, which M's
 * credit_policy.rounding gives; the `exact` member keeps the fractions for
 * sums and for machine-readable output.
 */
typedef struct
{
  char                *course_id;         /* may be NULL */
  char                *host_id;
  char                *home_id;

  BridgeWorkloadSource workload_source;
  double               workload_hours;
  double               kind_hours[BRIDGE_N_KINDS]; /* estimated only; 0 when declared */
  double               practice_hours;             /* estimated only */

  double               local_credits;     /* the host's own credits for the course */
  double               host_hours_per_credit;
  double               host_policy_credits; /* workload ÷ host hours per credit */
  double               home_hours_per_credit;
  double               alliance_credits;
  double               ects_credits;
  double               home_credits_exact;   /* two decimals, rounded to the nearest */
  double               home_credits_awarded; /* a multiple of credit_step, by `rounding` */
  double               credit_step;
  BridgeCreditRounding rounding;          /* the home university's credit_policy.rounding */

  /* The spec's warning: local credits and workload disagree by more than 25 %. */
  gboolean             credits_disagree;
  char                *warning;           /* translated; NULL when they agree */

  /* A course of the home university itself: it counts with its own credits
   * (home_credits_* = local_credits), and `reason` says so (translated). */
  gboolean             home_course;
  char                *reason;            /* NULL unless home_course */

  GPtrArray           *steps;             /* element-type utf8, translated */

  struct
  {
    BridgeRational workload;
    BridgeRational local_credits;
    BridgeRational alliance_credits;
    BridgeRational ects_credits;
    BridgeRational home_credits;
    BridgeRational home_credits_awarded;
    BridgeRational credit_step;
    BridgeRational home_hours_per_credit;
  } exact;
} BridgeCreditResult;

#define BRIDGE_TYPE_CREDIT_RESULT (bridge_credit_result_get_type ())
GType               bridge_credit_result_get_type (void) G_GNUC_CONST;
BridgeCreditResult *bridge_credit_result_copy     (const BridgeCreditResult *self);
void                bridge_credit_result_free     (BridgeCreditResult       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeCreditResult, bridge_credit_result_free)

/* hours_per_local_credit = periods_per_credit.lecture × period_minutes / 60
 * × (1 + self_study_ratio.lecture). Fails (BRIDGE_ERROR_INVALID_INPUT) when
 * the policy gives no lecture periods per credit. @step (may be NULL) gets a
 * line of arithmetic. */
gboolean bridge_credit_hours_per_local_credit (const BridgeCreditPolicy *policy,
                                               BridgeRational           *out,
                                               char                    **step,
                                               GError                  **error);

/* The workload of a course under the host's @policy; @source says whether it
 * was declared or estimated, @steps (may be NULL) gets the arithmetic. */
gboolean bridge_credit_workload (const BridgeCreditPolicy *policy,
                                 const BridgeCourseLoad   *load,
                                 BridgeRational           *out,
                                 BridgeWorkloadSource     *source,
                                 GPtrArray                *steps,
                                 GError                  **error);

/* The spec's check of a course's local credits (@load->credits) against the
 * credits its own university's @policy gives for its workload: @disagree is
 * TRUE when they differ by more than 25 %. The feed reader warns with it. */
gboolean bridge_credit_check_local (const BridgeCreditPolicy *policy,
                                    const BridgeCourseLoad   *load,
                                    BridgeRational           *workload,
                                    BridgeRational           *policy_credits,
                                    gboolean                 *disagree,
                                    GError                  **error);

/* The credit equivalence of @load (a course of @host) at @home. */
BridgeCreditResult *bridge_credit_compute_load (const BridgeAlliance   *alliance,
                                                BridgeUniversity       *host,
                                                BridgeUniversity       *home,
                                                const BridgeCourseLoad *load,
                                                GError                **error);

/* The same for a catalog course; @host must be the course's university. */
BridgeCreditResult *bridge_credit_compute      (const BridgeAlliance   *alliance,
                                                BridgeUniversity       *host,
                                                BridgeUniversity       *home,
                                                BridgeCourse           *course,
                                                GError                **error);

/* A certificate's workload_hours at @home (no host policy, no local credits). */
BridgeCreditResult *bridge_credit_compute_certificate (const BridgeAlliance *alliance,
                                                       BridgeUniversity     *home,
                                                       const char           *certificate_id,
                                                       double                workload_hours,
                                                       GError              **error);

/* {"course", "host", "home", "workload_hours", "workload_source",
 *  "workload_breakdown", "local_credits", "alliance_credits", "ects_credits",
 *  "home_credits_exact", "home_credits_fraction" ("45/7", exact),
 *  "home_credits_awarded", "credit_step", "rounding" ("down" or "nearest"),
 *  "hours_per_home_credit", "warning", "home_course", "reason", "steps"} */
JsonNode *bridge_credit_result_to_json (const BridgeCreditResult *self);

/* Exact home credits as a person reads them: "3.24" when two decimals show
 * them exactly (@exact, may be NULL, is then TRUE), else "≈ 6.43 (exactly
 * 45/7)", translated. */
char     *bridge_credit_format_exact   (BridgeRational            value,
                                        gboolean                 *exact);

/**
 * BridgeCreditSum:
 *
 * Totals over a group of courses (a recognition group of the plan).
 * `home_credits_awarded` adds up what each course awards;
 * `home_credits_group` rounds the group's exact total once, by the home
 * university's rounding, which is what a registrar recognising the group as
 * a whole would award.
 */
typedef struct
{
  guint      n_courses;
  double     workload_hours;
  double     local_credits;
  double     alliance_credits;
  double     ects_credits;
  double     home_credits_exact;          /* two decimals, rounded to the nearest */
  double     home_credits_awarded;        /* sum of the courses' awarded credits */
  double     home_credits_group;          /* the exact total rounded to credit_step by the home's rounding */
  GPtrArray *warnings;                    /* element-type utf8: each course's warning */

  struct
  {
    BridgeRational workload;
    BridgeRational local_credits;
    BridgeRational alliance_credits;
    BridgeRational ects_credits;
    BridgeRational home_credits;
    BridgeRational home_credits_awarded;
    BridgeRational home_credits_group;
  } exact;
} BridgeCreditSum;

void bridge_credit_sum_free (BridgeCreditSum *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeCreditSum, bridge_credit_sum_free)

/* Sums @n results; all must be seen from the same home university (else
 * BRIDGE_ERROR_INVALID_INPUT). An empty group sums to zeros. */
BridgeCreditSum *bridge_credit_sum (BridgeCreditResult * const *results,
                                    guint                       n,
                                    GError                    **error);
/* {"courses", "workload_hours", "local_credits", "alliance_credits",
 *  "ects_credits", "home_credits_exact", "home_credits_fraction",
 *  "home_credits_awarded", "home_credits_group", "warnings"} */
JsonNode        *bridge_credit_sum_to_json (const BridgeCreditSum *self);

G_END_DECLS
