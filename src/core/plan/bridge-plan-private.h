/* bridge-plan-private.h: what the plan's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-plan.h"

G_BEGIN_DECLS

/* The agreed content only (what approvals sign), as in the plan file. */
JsonNode *bridge_plan_content_to_json   (BridgePlan *self);
/* Store without checks (the checks are the caller's); emit "changed". */
void      bridge_plan_store_grade       (BridgePlan *self,
                                         const char *host_course_id,
                                         const char *grade);
void      bridge_plan_store_recognition (BridgePlan *self,
                                         GPtrArray  *records);

/* Checks the members of @student (of @institution on @side) with the rules
 * of bridge-validate.h. With @problems, adds each message there and returns
 * whether there was none; without, fails with @error on the first. */
gboolean  bridge_plan_validate_student     (const BridgePlanStudent     *student,
                                            GPtrArray                   *problems,
                                            GError                     **error);
gboolean  bridge_plan_validate_institution (BridgePlanSide               side,
                                            const BridgePlanInstitution *institution,
                                            GPtrArray                   *problems,
                                            GError                     **error);
/* The first approval without the readiness check: an imported agreement was
 * approved elsewhere, and what it lacks is shown, not refused. */
gboolean  bridge_plan_record_approval     (BridgePlan                  *self,
                                            BridgePlanRole               role,
                                            const BridgePlanPerson      *person,
                                            const char                  *timestamp,
                                            GError                     **error);

/* bridge-plan-check.c: a warning of bridge_plan_check () (takes @message),
 * and a course as a warning names it: "Operating Systems (CS302)". */
void      bridge_plan_add_warning        (GPtrArray                 *warnings,
                                          BridgePlanWarningKind      kind,
                                          BridgePlanGroup           *group,
                                          const char                *course_id,
                                          char                      *message);
char     *bridge_plan_component_name     (const BridgePlanComponent *component);

/* bridge-plan-group.c: the catalog's figures of a component's course, and
 * which of them differ from those the plan recorded. */
typedef struct
{
  double   credits;
  double   workload_hours;                /* declared, or estimated from class periods; 0: none */
  double   recorded_workload_hours;       /* the plan's: recorded, or (0 recorded) the estimate it used */
  gboolean credits_changed;
  gboolean workload_changed;              /* only for Table A */
} BridgePlanFigures;

/* TRUE when @course (the catalog's course of @component, on @side) gives
 * other figures than the plan recorded; @figures (may be NULL) gets them. */
gboolean  bridge_plan_component_compare  (const BridgePlanComponent *component,
                                          BridgePlanSide             side,
                                          BridgeCatalog             *catalog,
                                          BridgeCourse              *course,
                                          BridgePlanFigures         *figures);
/* bridge-plan-precedent.c: adds the warnings of @group's decision of the
 * register: expired, and its conditions against the grades. */
void      bridge_plan_check_precedent    (BridgePlan                *self,
                                          BridgeCatalog             *catalog,
                                          BridgePlanGroup           *group,
                                          GPtrArray                 *warnings);

/* For imports. */
void      bridge_plan_set_mobility_id   (BridgePlan *self,
                                         const char *id);
/* Adds @component as a change of the pending proposal, without the catalog. */
gboolean  bridge_plan_propose_component (BridgePlan                *self,
                                         BridgeChangeKind           kind,
                                         BridgePlanSide             side,
                                         const char                *group_id,
                                         const BridgePlanComponent *component,
                                         BridgeChangeReason         reason,
                                         const char                *reason_text,
                                         GError                   **error);
/* Replaces everything the plan holds with the plan file @data (an undo
 * snapshot, a draft), in place: the object, its group store and those who
 * listen to them stay. Emits the notifications and "changed"; sets "modified". */
gboolean  bridge_plan_restore_data      (BridgePlan  *self,
                                         const char  *data,
                                         gssize       length,
                                         GError     **error);
/* A copy of the agreed content with the pending changes applied (transfer full). */
BridgePlan *bridge_plan_preview_pending (BridgePlan *self);

/* For tests: out of the public header because only the tests use them. */
/* SHA-256 of the canonical JSON of what the approvals commit to (student,
 * institutions, period, groups and components — not comments, approvals or
 * grades; transfer full). */
char       *bridge_plan_get_content_digest (BridgePlan          *self);
/* Canonical JSON as used for the digests (transfer full). */
char       *bridge_plan_canonical_json     (JsonNode            *node);
/* Puts @group (one bridge_plan_remove_group () returned) back at @position. */
gboolean    bridge_plan_insert_group       (BridgePlan          *self,
                                            guint                position,
                                            BridgePlanGroup     *group,
                                            GError             **error);
/* Moves a component to another group (@to NULL: a new group of its own). */
gboolean    bridge_plan_move_component     (BridgePlan          *self,
                                            BridgePlanGroup     *from,
                                            BridgePlanSide       side,
                                            const char          *course_id,
                                            BridgePlanGroup     *to,
                                            GError             **error);

/* ------------------------------------------------------------------------ */
/* For the files of the plan object only: bridge-plan.c (the object),
 * bridge-plan-group.c (groups), bridge-plan-file.c (the file format) and
 * bridge-plan-approval.c (approvals, lock, changes).                      */

struct _BridgePlanGroup
{
  GObject                parent_instance;

  char                  *id;
  BridgePlanGroupStatus  status;
  char                  *comment;
  GPtrArray             *components[2];   /* element-type BridgePlanComponent, by side */
};

typedef struct
{
  guint               number;
  char               *timestamp;          /* when the last approval came */
  JsonNode           *content;            /* content_to_json () of that version */
  GPtrArray          *changes;            /* element-type BridgePlanChange; empty for 1 */
  BridgePlanApproval *approvals[BRIDGE_PLAN_N_ROLES];
} PlanVersion;

struct _BridgePlan
{
  GObject                parent_instance;

  char                  *mobility_id;
  BridgePlanStudent      student;
  BridgePlanInstitution  institutions[2]; /* by side: HOST receiving, HOME sending */
  GStrv                  terms;
  char                  *start_date;
  char                  *end_date;
  char                  *academic_year;
  char                  *provisions;
  GListStore            *groups;
  guint                  next_group;

  BridgePlanApproval    *approvals[BRIDGE_PLAN_N_ROLES];
  GPtrArray             *versions;        /* element-type PlanVersion */

  GPtrArray             *pending;         /* element-type BridgePlanChange; NULL: none */
  char                  *pending_id;
  BridgePlanApproval    *pending_approvals[BRIDGE_PLAN_N_ROLES];

  GHashTable            *grades;          /* host course id → grade */
  GPtrArray             *recognition;     /* element-type BridgePlanRecognition */
  GHashTable            *feedback;        /* host course id → BridgePlanFeedback */

  BridgeHoldings        *holdings;        /* the student's certificates; not the agreement's */
  gboolean               modified;
};

/* bridge-plan.c */
void                 bridge_plan_approval_free   (BridgePlanApproval       *approval);
BridgePlanApproval  *bridge_plan_approval_copy   (const BridgePlanApproval *src);
BridgePlanChange    *bridge_plan_change_copy     (const BridgePlanChange   *src);
/* Replaces *@field with a copy of @value, which may be *@field itself. */
void                 bridge_plan_replace_string  (char                    **field,
                                                  const char               *value);
void                 bridge_plan_clear_approvals (BridgePlanApproval      **approvals);
/* Something changed. @content: what the approvals commit to changed, so
 * approvals of the old content (before the lock) no longer hold. */
void                 bridge_plan_changed         (BridgePlan               *self,
                                                  gboolean                  content);
/* Fails with BRIDGE_ERROR_PLAN_LOCKED once the agreement is approved. */
gboolean             bridge_plan_check_unlocked  (BridgePlan               *self,
                                                  GError                  **error);
void                 bridge_plan_notify_n_groups (BridgePlan               *self);
void                 bridge_plan_notify_locked   (BridgePlan               *self);

/* bridge-plan-group.c */
void                 bridge_plan_group_notify_counts     (BridgePlanGroup      *self,
                                                          BridgePlanSide        side);
/* Notifies every property of @self: its content was replaced. */
void                 bridge_plan_group_notify_all        (BridgePlanGroup      *self);
/* Inserts @component (taking it) at @index (-1: at the end) of @side. */
void                 bridge_plan_group_insert            (BridgePlanGroup      *group,
                                                          BridgePlanSide        side,
                                                          int                   index,
                                                          BridgePlanComponent  *component);
gboolean             bridge_plan_contains_group          (BridgePlan           *self,
                                                          BridgePlanGroup      *group,
                                                          guint                *position);
/* A group id the plan does not use yet (transfer full). */
char                *bridge_plan_next_group_id           (BridgePlan           *self);
/* Appends a group with @id (made when NULL) and returns it (transfer none). */
BridgePlanGroup     *bridge_plan_append_group            (BridgePlan           *self,
                                                          const char           *id);
/* Lets list views re-bind the row of @group, whose components changed. */
void                 bridge_plan_notify_group            (BridgePlan           *self,
                                                          BridgePlanGroup      *group);
/* The component of catalog course @course_id for @side (transfer full), or
 * NULL with @error when the course is unknown or belongs to the other side. */
BridgePlanComponent *bridge_plan_component_from_catalog  (BridgePlan           *self,
                                                          BridgeCatalog        *catalog,
                                                          const char           *course_id,
                                                          BridgePlanSide        side,
                                                          GError              **error);
/* The component of @group (transfer none), or NULL with @error. */
BridgePlanComponent *bridge_plan_find_component_or_error (BridgePlan           *self,
                                                          BridgePlanGroup      *group,
                                                          BridgePlanSide        side,
                                                          const char           *course_id,
                                                          GError              **error);

/* bridge-plan-file.c */
/* Reads plan file @data; @file names it in messages (may be NULL). */
BridgePlan          *bridge_plan_from_data               (const char           *data,
                                                          gssize                length,
                                                          const char           *file,
                                                          GError              **error);
/* Reads agreed content (as bridge_plan_content_to_json () writes it) into
 * @self, which is empty. */
gboolean             bridge_plan_load_content            (BridgePlan           *self,
                                                          JsonObject           *content,
                                                          GError              **error);
/* The SHA-256 of the canonical JSON of @node (transfer full). */
char                *bridge_plan_digest_of               (JsonNode             *node);
/* What the approvals of a changes proposal commit to (transfer full). */
char                *bridge_plan_pending_digest          (BridgePlan           *self);
/* The digest of an approval's record (transfer full). */
char                *bridge_plan_approval_record_digest  (const BridgePlanApproval *a);
/* Sets the record digest of @a. */
void                 bridge_plan_seal_approval           (BridgePlanApproval   *a);
/* Sets @error to "FILE: PATH: MESSAGE" (without FILE when NULL), the
 * message of a damaged plan file; returns FALSE. */
gboolean             bridge_plan_load_error              (GError              **error,
                                                          const char           *file,
                                                          const char           *path,
                                                          const char           *format,
                                                          ...) G_GNUC_PRINTF (4, 5);

/* bridge-plan-feedback.c */
void                 bridge_plan_feedback_free           (BridgePlanFeedback   *feedback);
/* Adds member "feedback" to the plan file @b builds, when there is any. */
void                 bridge_plan_feedback_to_json        (BridgePlan           *self,
                                                          JsonBuilder          *b);
/* Reads member "feedback" of the plan file @root into @self, whose content
 * is loaded; @file names the file in messages (may be NULL). */
gboolean             bridge_plan_load_feedback           (BridgePlan           *self,
                                                          JsonObject           *root,
                                                          const char           *file,
                                                          GError              **error);

G_END_DECLS
