/* bridge-plan.h: the study plan and its Learning Agreement
 *
 * A BridgePlan is what a student takes to a host university: who they are,
 * the sending (home) and receiving (host) university, the mobility period,
 * and recognition groups — one or more host courses (Table A) recognised as
 * zero or more home courses (Table B), many-to-many as the Erasmus+ Learning
 * Agreement for Studies requires. It also carries the review (comments and a
 * status per group), the three approvals, the changes proposed after the
 * agreement was locked, every approved version, and the grades after the stay.
 *
 * Every number (credits, totals, warnings, grade conversions) is computed
 * here, from the catalog and the credit and grading engines; the window and
 * the command line only show it.
 *
 * The plan file (*.creditplan) is versioned JSON:
 *   { "format": "credit-bridge-plan", "version": 1, … }
 * written atomically (temporary file, fsync, rename). See help/ for members.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bridge-catalog.h"
#include "bridge-holdings.h"
#include "bridge-model.h"
#include "bridge-text.h"

G_BEGIN_DECLS

#define BRIDGE_PLAN_FORMAT  "credit-bridge-plan"
#define BRIDGE_PLAN_VERSION 3             /* 2: approvals carry record_digest; 3: feedback */

/* The deepest nesting a plan file may use (it needs about 10); deeper files
 * are refused before parsing. The EWP importer has the same limit for XML. */
#define BRIDGE_PLAN_MAX_DEPTH 64

/* Length of a digest as text: SHA-256 in lower-case hex. */
#define BRIDGE_PLAN_DIGEST_LENGTH 64

typedef enum
{
  BRIDGE_PLAN_GROUP_PROPOSED,
  BRIDGE_PLAN_GROUP_APPROVED,
  BRIDGE_PLAN_GROUP_NEEDS_CHANGE,
  BRIDGE_PLAN_GROUP_REJECTED,
} BridgePlanGroupStatus;

/* Table A: studied at the host; Table B: recognised at home. */
typedef enum
{
  BRIDGE_PLAN_SIDE_HOST,
  BRIDGE_PLAN_SIDE_HOME,
} BridgePlanSide;

/* The three who approve the agreement (the Erasmus+ commitment table). */
typedef enum
{
  BRIDGE_PLAN_ROLE_STUDENT,
  BRIDGE_PLAN_ROLE_SENDING,
  BRIDGE_PLAN_ROLE_RECEIVING,
  BRIDGE_PLAN_N_ROLES /*< skip >*/
} BridgePlanRole;

/* Reasons of the Erasmus+ template for a change during the mobility. The first
 * three apply to deleted components, the next three to added ones; OTHER to both. */
typedef enum
{
  BRIDGE_CHANGE_REASON_NOT_AVAILABLE,
  BRIDGE_CHANGE_REASON_LANGUAGE_MISMATCH,
  BRIDGE_CHANGE_REASON_TIMETABLE_CONFLICT,
  BRIDGE_CHANGE_REASON_SUBSTITUTING_DELETED,
  BRIDGE_CHANGE_REASON_EXTENDING_MOBILITY,
  BRIDGE_CHANGE_REASON_ADDING_VIRTUAL, /*< nick=adding-virtual-component >*/
  BRIDGE_CHANGE_REASON_OTHER,
} BridgeChangeReason;

typedef enum
{
  BRIDGE_CHANGE_DELETE,
  BRIDGE_CHANGE_ADD,
} BridgeChangeKind;

/* Machine names ("proposed", "student", "not-available" …) as in the plan file,
 * and translated labels for people. from_string() returns FALSE for unknown names. */
const char *bridge_plan_group_status_to_string   (BridgePlanGroupStatus  status);
gboolean    bridge_plan_group_status_from_string (const char            *str,
                                                  BridgePlanGroupStatus *out);
const char *bridge_plan_group_status_get_label   (BridgePlanGroupStatus  status);
const char *bridge_plan_role_to_string           (BridgePlanRole         role);
gboolean    bridge_plan_role_from_string         (const char            *str,
                                                  BridgePlanRole        *out);
const char *bridge_plan_role_get_label           (BridgePlanRole         role);
const char *bridge_change_reason_to_string       (BridgeChangeReason     reason);
gboolean    bridge_change_reason_from_string     (const char            *str,
                                                  BridgeChangeReason    *out);
const char *bridge_change_reason_get_label       (BridgeChangeReason     reason);

/* ------------------------------------------------------------------------ */
/* Plain data                                                                */

/* The student, as the agreement names them. Every member may be NULL. */
typedef struct
{
  char        *name;
  char        *student_number;
  char        *email;
  char        *birth_date;                /* "YYYY-MM-DD" */
  char        *nationality;               /* ISO 3166-1 alpha-2, "CN" */
  char        *gender;                    /* ISO/IEC 5218 "0", "1", "2", "9" */
  BridgeCycle  cycle;
  char        *isced;                     /* field of education, ISCED-F 2013 */
  char        *language;                  /* language of instruction, BCP 47 */
  char        *cefr;                      /* its level, "B2" */
} BridgePlanStudent;

/* A responsible or contact person. */
typedef struct
{
  char *name;
  char *position;
  char *email;
} BridgePlanPerson;

/* One side of the mobility: the university (a catalog id) and who answers for it. */
typedef struct
{
  char             *university;           /* catalog university id */
  char             *faculty;              /* faculty or department */
  BridgePlanPerson  responsible;          /* signs the agreement */
  BridgePlanPerson  contact;              /* administrative contact; may be empty */
} BridgePlanInstitution;

void bridge_plan_student_clear     (BridgePlanStudent     *student);
void bridge_plan_student_copy      (const BridgePlanStudent *src,
                                    BridgePlanStudent       *dest);
void bridge_plan_person_clear      (BridgePlanPerson      *person);
void bridge_plan_person_copy       (const BridgePlanPerson *src,
                                    BridgePlanPerson       *dest);
void bridge_plan_institution_clear (BridgePlanInstitution *institution);
void bridge_plan_institution_copy  (const BridgePlanInstitution *src,
                                    BridgePlanInstitution       *dest);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BridgePlanStudent, bridge_plan_student_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BridgePlanPerson, bridge_plan_person_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BridgePlanInstitution, bridge_plan_institution_clear)

/* One component of Table A or B: a course as the plan recorded it when it was
 * added, so the agreement still reads right (and is flagged, never dropped)
 * when the course later leaves the catalog. */
#define BRIDGE_TYPE_PLAN_COMPONENT (bridge_plan_component_get_type ())

typedef struct
{
  char       *course_id;                  /* catalog course id */
  char       *code;                       /* the university's code */
  BridgeText *title;
  char       *term;                       /* term id ("2026-autumn"); NULL: the plan's */
  double      credits;                    /* local credits at its own university */
  double      workload_hours;             /* 0 when unknown */
  gboolean    is_virtual;                 /* a virtual component (Erasmus+ Table A2/B2) */
  gboolean    automatic;                  /* Table B: recognised automatically */
  char       *comment;                    /* review comment; NULL: none */
  /* Filled by bridge_plan_refresh (): the course is no longer in the catalog. */
  gboolean    unknown;
  /* Filled by bridge_plan_refresh (): the catalog now gives the course other
   * local credits or another workload than the plan recorded, and the
   * catalog's figures (the workload declared, or estimated from its class
   * periods), beside the workload the plan counts (recorded, or estimated
   * when it recorded none). The plan keeps its own figures until
   * bridge_plan_use_catalog_figures (). */
  gboolean    changed;
  double      catalog_credits;
  double      catalog_workload_hours;
  double      counted_workload_hours;
} BridgePlanComponent;

GType                bridge_plan_component_get_type (void) G_GNUC_CONST;
/* A component from a catalog course (snapshot of code, title, credits, workload). */
BridgePlanComponent *bridge_plan_component_new      (BridgeCourse              *course);
/* A bare component, for tests and imports: only the id and code. */
BridgePlanComponent *bridge_plan_component_new_bare (const char                *course_id,
                                                     const char                *code);
BridgePlanComponent *bridge_plan_component_copy     (const BridgePlanComponent *self);
void                 bridge_plan_component_free     (BridgePlanComponent       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgePlanComponent, bridge_plan_component_free)

/* One approval of the commitment table. */
typedef struct
{
  BridgePlanRole    role;
  BridgePlanPerson  person;
  char             *timestamp;            /* RFC 3339 */
  char             *digest;               /* bridge_plan_get_content_digest () when given */
  char             *record_digest;        /* of the record above: binds the approver to @digest;
                                           * NULL in files of format version 1 */
} BridgePlanApproval;

void bridge_plan_approval_clear (BridgePlanApproval *approval);

/* One line of a changes proposal: a component deleted from or added to a group. */
typedef struct
{
  BridgeChangeKind     kind;
  BridgePlanSide       side;
  char                *group_id;          /* the group it leaves or joins; for ADD, NULL = a new group */
  BridgePlanComponent *component;         /* for DELETE: a copy of the one deleted */
  BridgeChangeReason   reason;
  char                *reason_text;       /* required for OTHER */
} BridgePlanChange;

void bridge_plan_change_free (BridgePlanChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgePlanChange, bridge_plan_change_free)

/* ------------------------------------------------------------------------ */
/* BridgePlanGroup: one recognition group                                   */

#define BRIDGE_TYPE_PLAN_GROUP (bridge_plan_group_get_type ())
G_DECLARE_FINAL_TYPE (BridgePlanGroup, bridge_plan_group, BRIDGE, PLAN_GROUP, GObject)

/* Read-only views: change a group through the BridgePlan functions, which check
 * the lock, emit BridgePlan::changed and the group's notify signals
 * ("status", "comment", "n-host", "n-home"). */
const char                *bridge_plan_group_get_id        (BridgePlanGroup *self);
BridgePlanGroupStatus      bridge_plan_group_get_status    (BridgePlanGroup *self);
const char                *bridge_plan_group_get_comment   (BridgePlanGroup *self);
guint                      bridge_plan_group_get_n_components (BridgePlanGroup *self,
                                                               BridgePlanSide   side);
const BridgePlanComponent *bridge_plan_group_get_component (BridgePlanGroup *self,
                                                            BridgePlanSide   side,
                                                            guint            index);
/* NULL when the group has no component of that course on that side. */
const BridgePlanComponent *bridge_plan_group_find_component (BridgePlanGroup *self,
                                                             BridgePlanSide   side,
                                                             const char      *course_id,
                                                             guint           *index);

/* ------------------------------------------------------------------------ */
/* Totals, warnings, grades                                                  */

/* Credits of a group or a whole plan. */
typedef struct
{
  double host_credits;                    /* Table A, local credits at the host */
  double alliance_credits;                /* Table A, in alliance credits (workload / hours_per_credit) */
  double ects_credits;                    /* Table A, in ECTS (workload / ects_hours_per_credit) */
  double home_credits;                    /* Table A seen from home, awarded (rounded by the home's rule) */
  double home_credits_exact;              /* the same before rounding, to the nearest hundredth */
  double replaced_credits;                /* Table B, the home courses' own credits */
  BridgeRational home_credits_fraction;   /* home_credits_exact exactly; set by bridge_plan_compute_totals () */
} BridgePlanTotals;

typedef enum
{
  BRIDGE_PLAN_WARNING_UNKNOWN_COURSE,     /* no longer in the catalog (kept) */
  BRIDGE_PLAN_WARNING_FEWER_CREDITS,      /* a group awards fewer home credits than it replaces */
  BRIDGE_PLAN_WARNING_TERM_LOAD,          /* a term's total outside the home university's usual load */
  BRIDGE_PLAN_WARNING_PREREQUISITE,       /* a prerequisite is neither planned earlier nor at home */
  BRIDGE_PLAN_WARNING_DUPLICATE,          /* the same course twice */
  BRIDGE_PLAN_WARNING_NOT_OFFERED,        /* the course is not offered in the plan's term */
  BRIDGE_PLAN_WARNING_LANGUAGE,           /* taught in a language the student did not declare */
  BRIDGE_PLAN_WARNING_EMPTY_GROUP,        /* a group with no host course */
  BRIDGE_PLAN_WARNING_MODIFIED_AFTER_APPROVAL,
  BRIDGE_PLAN_WARNING_PRECEDENT_EXPIRED,  /* the group matches only an expired decision of the register */
  BRIDGE_PLAN_WARNING_CONDITION_NOT_MET,  /* a host grade is below the minimum of the decision's condition */
  BRIDGE_PLAN_WARNING_CONDITION_TO_CHECK, /* grades came in, and the condition names no grade to check */
  BRIDGE_PLAN_WARNING_CERTIFICATE_OVERLAP, /* a home course a valid certificate of the student already replaces */
  BRIDGE_PLAN_WARNING_COURSE_CHANGED,     /* the catalog changed the course's credits or workload (kept) */
} BridgePlanWarningKind;

typedef struct
{
  BridgePlanWarningKind  kind;
  char                  *group_id;        /* NULL: the whole plan */
  char                  *course_id;       /* NULL: the group or the plan */
  char                  *message;         /* translated, says what to do */
} BridgePlanWarning;

void bridge_plan_warning_free (BridgePlanWarning *warning);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgePlanWarning, bridge_plan_warning_free)

/* How a precedent's conditions stand against the grades after the stay
 * (bridge-grade-condition.h reads the minimum grade from the text). */
typedef enum
{
  BRIDGE_PLAN_CONDITIONS_NONE,            /* the decision has no condition */
  BRIDGE_PLAN_CONDITIONS_WAITING,         /* not every host course has its grade yet */
  BRIDGE_PLAN_CONDITIONS_MET,             /* every host grade meets the minimum */
  BRIDGE_PLAN_CONDITIONS_NOT_MET,         /* a host grade is below it */
  BRIDGE_PLAN_CONDITIONS_TO_CHECK,        /* the text names no grade of the scale: the advisor checks it */
} BridgePlanConditionsState;

/* The decision of the recognition register (feed revision 2) that matches a
 * group: its host courses are exactly the group's Table A and its home
 * courses exactly its Table B (none for free elective credits), taken by the
 * plan's home university; a valid one when there is one. */
typedef struct
{
  char                      *group_id;
  BridgeEquivalence         *equivalence;
  gboolean                   expired;     /* valid_until has passed today */
  const char                *reference;   /* the decision's reference, or its id when it has none */
  /* Translated: "Recognised by decision REF (DATE)", or for an expired one
   * the warning bridge_plan_check () gives. */
  char                      *note;
  BridgePlanConditionsState  conditions;
} BridgePlanPrecedent;

void bridge_plan_precedent_free (BridgePlanPrecedent *precedent);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgePlanPrecedent, bridge_plan_precedent_free)

/* After the stay: one line of the recognition record, per home component. */
typedef struct
{
  char        *group_id;
  char        *course_id;                 /* home course */
  char        *code;
  BridgeText  *title;
  double       credits;                   /* home credits recognised */
  char        *host_grades;               /* "CS301=85, CS302=良好" as entered */
  char        *grade;                     /* suggested home grade; NULL if none */
  char        *candidates;                /* "A 62%, B 38%"; may be NULL */
  char        *rule;                      /* conversion rule used */
  gboolean     approximate;
  char        *reason;                    /* why approximate, or why no grade */
} BridgePlanRecognition;

void bridge_plan_recognition_free (BridgePlanRecognition *rec);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgePlanRecognition, bridge_plan_recognition_free)

/* ------------------------------------------------------------------------ */
/* BridgePlan                                                               */

#define BRIDGE_TYPE_PLAN (bridge_plan_get_type ())
G_DECLARE_FINAL_TYPE (BridgePlan, bridge_plan, BRIDGE, PLAN, GObject)

/* Properties (all notify): "home-university", "host-university", "term",
 * "student-name", "locked", "modified" (unsaved changes), "n-groups".
 * Signals: "changed" (void) after any change to the plan's content. */

BridgePlan *bridge_plan_new               (void);
/* Loads a *.creditplan. Errors: BRIDGE_ERROR_INVALID_PLAN (truncated, not JSON,
 * wrong format, inconsistent), BRIDGE_ERROR_UNSUPPORTED_VERSION (newer version),
 * G_IO_ERROR_* (cannot read). The message names the file and the place. */
BridgePlan *bridge_plan_new_from_file     (const char   *path,
                                           GError      **error);
/* The same from @data; @length -1: NUL-terminated. (transfer full) */
BridgePlan *bridge_plan_new_from_data     (const char   *data,
                                           gssize        length,
                                           GError      **error);
/* Writes atomically: on failure the previous file stays intact. Clears "modified". */
gboolean    bridge_plan_save              (BridgePlan   *self,
                                           const char   *path,
                                           GError      **error);
/* The plan file's JSON (pretty), and the node (both transfer full). */
char       *bridge_plan_to_data           (BridgePlan   *self,
                                           gsize        *length);
JsonNode   *bridge_plan_to_json           (BridgePlan   *self);

/* SHA-256 of the canonical JSON of the whole plan (sorted keys, no spaces),
 * printed on every page of the PDF and checked by `plan verify`.
 * (transfer full) */
char       *bridge_plan_get_digest        (BridgePlan   *self);
/* SHA-256 of the canonical JSON of the agreement as printed: its content and
 * the approvals of it with their records — not the review, the grades or a
 * pending changes proposal. Printed on every page of the PDF and checked by
 * `plan verify`, so adding grades after approval keeps a printout genuine.
 * (transfer full) */
char       *bridge_plan_get_agreement_digest (BridgePlan *self);
typedef enum
{
  BRIDGE_PLAN_DIGEST_NO_MATCH,
  BRIDGE_PLAN_DIGEST_MATCHES,             /* the agreement as it is now (or the whole file) */
  BRIDGE_PLAN_DIGEST_MATCHES_VERSION,     /* an approved version, not the current agreement */
} BridgePlanDigestMatch;

/* Which printout of this plan carries @digest (64 lower-case hex digits);
 * @version gets the matching version (or the number of versions). */
BridgePlanDigestMatch bridge_plan_match_digest (BridgePlan *self,
                                                const char *digest,
                                                guint      *version);

gboolean    bridge_plan_get_modified      (BridgePlan   *self);
void        bridge_plan_set_modified      (BridgePlan   *self,
                                           gboolean      modified);

/* Student and institutions. The getters return the plan's own copy.
 *
 * The setters check what they are given with the rules of bridge-validate.h
 * (dates, email addresses, ISO 3166 country, CEFR level, ISCED-F code,
 * BCP 47 language, ISO/IEC 5218 gender, no control character or Unicode
 * noncharacter in any text) and that home and host are two universities.
 * On a value that breaks a rule they change nothing and fail with
 * BRIDGE_ERROR_INVALID_INPUT and a message that names the field and says
 * what a valid value looks like. The nationality and the CEFR level are
 * stored in upper case. While the agreement is locked they fail too. */
const BridgePlanStudent     *bridge_plan_get_student     (BridgePlan *self);
gboolean                     bridge_plan_set_student     (BridgePlan              *self,
                                                          const BridgePlanStudent *student,
                                                          GError                 **error);
const char                  *bridge_plan_get_student_name (BridgePlan *self);
gboolean                     bridge_plan_set_student_name (BridgePlan  *self,
                                                           const char  *name,
                                                           GError     **error);
const BridgePlanInstitution *bridge_plan_get_institution (BridgePlan     *self,
                                                          BridgePlanSide  side);
gboolean                     bridge_plan_set_institution (BridgePlan                  *self,
                                                          BridgePlanSide               side,
                                                          const BridgePlanInstitution *institution,
                                                          GError                     **error);
const char                  *bridge_plan_get_home_university (BridgePlan *self);
gboolean                     bridge_plan_set_home_university (BridgePlan  *self,
                                                              const char  *university_id,
                                                              GError     **error);
const char                  *bridge_plan_get_host_university (BridgePlan *self);
gboolean                     bridge_plan_set_host_university (BridgePlan  *self,
                                                              const char  *university_id,
                                                              GError     **error);

/* The mobility period: the host terms (first is the main one, "term") and dates. */
const char                  *bridge_plan_get_term        (BridgePlan *self);
const char * const          *bridge_plan_get_terms       (BridgePlan *self);
void                         bridge_plan_set_terms       (BridgePlan *self,
                                                          const char * const *terms);
void                         bridge_plan_set_term        (BridgePlan *self,
                                                          const char *term);
const char                  *bridge_plan_get_start_date  (BridgePlan *self);   /* "YYYY-MM-DD" */
const char                  *bridge_plan_get_end_date    (BridgePlan *self);
/* Fails (as the setters above) on a date that is not YYYY-MM-DD of a real
 * day, and on an end before the start. */
gboolean                     bridge_plan_set_dates       (BridgePlan  *self,
                                                          const char  *start,
                                                          const char  *end,
                                                          GError     **error);
const char                  *bridge_plan_get_academic_year (BridgePlan *self); /* "2026/2027" */
gboolean                     bridge_plan_set_academic_year (BridgePlan  *self,
                                                            const char  *year,
                                                            GError     **error);
/* Provisions if a component is not completed (free text, the template's box). */
const char                  *bridge_plan_get_provisions  (BridgePlan *self);
gboolean                     bridge_plan_set_provisions  (BridgePlan  *self,
                                                          const char  *text,
                                                          GError     **error);
/* A stable identifier of the mobility (EWP omobility-id); made on creation. */
const char                  *bridge_plan_get_mobility_id (BridgePlan *self);

/* Recognition groups, as a GListModel of BridgePlanGroup (items-changed on edits). */
GListModel      *bridge_plan_get_groups         (BridgePlan *self);
guint            bridge_plan_get_n_groups       (BridgePlan *self);
/* The plan's own group (transfer none), or NULL. */
BridgePlanGroup *bridge_plan_get_group          (BridgePlan *self,
                                                 guint       position);
BridgePlanGroup *bridge_plan_find_group         (BridgePlan *self,
                                                 const char *group_id,
                                                 guint      *position);
/* The group holding @course_id on @side; NULL if none. */
BridgePlanGroup *bridge_plan_find_course        (BridgePlan     *self,
                                                 BridgePlanSide  side,
                                                 const char     *course_id);
/* How people know a group: its number from 1 in the plan's order (0 when
 * @group is not in the plan), and "Group 2", as the window and the
 * documents show it (the id "g2" is the file's, never shown; transfer full). */
guint            bridge_plan_get_group_number   (BridgePlan      *self,
                                                 BridgePlanGroup *group);
char            *bridge_plan_get_group_label    (BridgePlan      *self,
                                                 BridgePlanGroup *group);

/* Editing. While the agreement is locked (all three approved) these fail with
 * BRIDGE_ERROR_PLAN_LOCKED: propose a change instead (below).
 *
 * Adds a group of the host courses @host_ids (at least one) replacing
 * @home_ids (may be empty or NULL), looked up in @catalog. Unknown ids fail
 * with BRIDGE_ERROR_NOT_FOUND. Returns the new group (transfer none). */
BridgePlanGroup *bridge_plan_add_group          (BridgePlan          *self,
                                                 BridgeCatalog       *catalog,
                                                 const char * const  *host_ids,
                                                 const char * const  *home_ids,
                                                 GError             **error);
/* Adds one course to an existing group (or, with @group NULL and side HOST, a new group). */
gboolean         bridge_plan_add_course         (BridgePlan          *self,
                                                 BridgeCatalog       *catalog,
                                                 BridgePlanGroup     *group,
                                                 BridgePlanSide       side,
                                                 const char          *course_id,
                                                 GError             **error);
/* The same with a component already made (imports, undo). @index -1 appends. */
gboolean         bridge_plan_insert_component   (BridgePlan          *self,
                                                 BridgePlanGroup     *group,
                                                 BridgePlanSide       side,
                                                 int                  index,
                                                 const BridgePlanComponent *component,
                                                 GError             **error);
/* Removal that returns what was removed (transfer full), and where, in @index
 * (@position), so bridge_plan_insert_component() can put it back. */
BridgePlanComponent *bridge_plan_remove_component (BridgePlan       *self,
                                                   BridgePlanGroup  *group,
                                                   BridgePlanSide    side,
                                                   const char       *course_id,
                                                   guint            *index,
                                                   GError          **error);
BridgePlanGroup *bridge_plan_remove_group       (BridgePlan          *self,
                                                 BridgePlanGroup     *group,
                                                 guint               *position,
                                                 GError             **error);   /* transfer full */
/* Moves a group to another position in the list. */
gboolean         bridge_plan_move_group         (BridgePlan          *self,
                                                 BridgePlanGroup     *group,
                                                 guint                position,
                                                 GError             **error);

/* Review: allowed while locked (they are not part of what is approved).
 * A comment with a control character or a noncharacter is refused. */
gboolean         bridge_plan_set_group_comment  (BridgePlan          *self,
                                                 BridgePlanGroup     *group,
                                                 const char          *comment,
                                                 GError             **error);
void             bridge_plan_set_group_status   (BridgePlan          *self,
                                                 BridgePlanGroup     *group,
                                                 BridgePlanGroupStatus status);
gboolean         bridge_plan_set_component_comment (BridgePlan       *self,
                                                    BridgePlanGroup  *group,
                                                    BridgePlanSide    side,
                                                    const char       *course_id,
                                                    const char       *comment,
                                                    GError          **error);
/* Table B's "automatic recognition" flag, and the virtual-component flag. */
gboolean         bridge_plan_set_component_flags (BridgePlan         *self,
                                                  BridgePlanGroup    *group,
                                                  BridgePlanSide      side,
                                                  const char         *course_id,
                                                  gboolean            automatic,
                                                  gboolean            is_virtual,
                                                  GError            **error);

/* Marks components whose course is no longer in @catalog (unknown = TRUE) and
 * returns how many there are. Never removes anything. Also marks those whose
 * course @catalog now gives other figures (changed = TRUE, with the
 * catalog's): the local credits of a course of Table A or B, the workload of
 * one of Table A. A figure the plan did not record (0) is not compared. */
guint            bridge_plan_refresh            (BridgePlan    *self,
                                                 BridgeCatalog *catalog);
/* How many components bridge_plan_refresh () marked changed. */
guint            bridge_plan_count_changed      (BridgePlan    *self);
/* The plan keeps the credits and workload it recorded, so that an agreement
 * reads, counts and is approved as it was written when the catalog changes
 * (its totals use them; bridge_plan_check () warns with
 * BRIDGE_PLAN_WARNING_COURSE_CHANGED). This takes @catalog's figures for
 * every changed component, as the student accepts them, and returns how
 * many it took (0: none changed). While the agreement is locked it fails
 * with BRIDGE_ERROR_PLAN_LOCKED: an approved agreement keeps the figures it
 * was approved with; reopen it as a new draft to take the new ones. */
gboolean         bridge_plan_use_catalog_figures (BridgePlan    *self,
                                                  BridgeCatalog *catalog,
                                                  guint         *n_taken,
                                                  GError       **error);

/* Totals of one group (or, with @group NULL, of the whole plan), computed by the
 * credit engine from the catalog's policies. Components no longer in the catalog,
 * and those whose credits or workload the catalog changed, count with the
 * credits and workload recorded in the plan. */
gboolean         bridge_plan_compute_totals     (BridgePlan       *self,
                                                 BridgeCatalog    *catalog,
                                                 BridgePlanGroup  *group,
                                                 BridgePlanTotals *totals,
                                                 GError          **error);
/* The credit equivalence of @component, a course of Table A, as the totals
 * count it: the catalog's course, with the credits and workload the plan
 * recorded where the catalog changed them; for a course no longer in the
 * catalog, from the recorded figures alone (NULL without an error when it
 * recorded no workload). (transfer full) */
BridgeCreditResult *bridge_plan_compute_component (BridgePlan                *self,
                                                   BridgeCatalog             *catalog,
                                                   const BridgePlanComponent *component,
                                                   GError                   **error);
/* The mobility period the plan's terms give at its host university: the
 * earliest start and the latest end of the terms the catalog dates
 * ("YYYY-MM-DD", newly allocated); FALSE (and NULLs) when it dates none. */
gboolean         bridge_plan_get_term_dates     (BridgePlan    *self,
                                                 BridgeCatalog *catalog,
                                                 char         **start,
                                                 char         **end);
/* Fills the mobility period in from the plan's terms when it has neither
 * date yet (a start or end the user wrote is never replaced); TRUE if it
 * did. */
gboolean         bridge_plan_fill_dates_from_terms (BridgePlan    *self,
                                                    BridgeCatalog *catalog);
/* The student's certificates (bridge-holdings.h), or NULL: the plan keeps a
 * reference and warns (BRIDGE_PLAN_WARNING_CERTIFICATE_OVERLAP) about each
 * home course of its groups that one of them, valid today at the plan's
 * home university, already replaces. They are no part of the agreement:
 * never saved in the plan file, in its digests or in any export. Setting
 * them emits nothing; call bridge_plan_check () again. */
void             bridge_plan_set_holdings       (BridgePlan     *self,
                                                 BridgeHoldings *holdings);
BridgeHoldings  *bridge_plan_get_holdings       (BridgePlan     *self);
/* Every warning of the plan, for the window and `plan show` (element-type
 * BridgePlanWarning; transfer full). */
GPtrArray       *bridge_plan_check              (BridgePlan    *self,
                                                 BridgeCatalog *catalog);
/* The decision of the register that recognises @group, or NULL when none
 * matches it (or the catalog has no register). (transfer full) */
BridgePlanPrecedent *bridge_plan_find_precedent (BridgePlan      *self,
                                                 BridgeCatalog   *catalog,
                                                 BridgePlanGroup *group);
/* What the agreement lacks before it can be approved, as its exports require
 * it: required student, institution and mobility fields, values that break
 * the rules of bridge-validate.h (from older files), the same university at
 * home and host, no group, a group without a host course, a course twice.
 * Each item a translated sentence that says what to do (element-type utf8;
 * transfer full); empty when the agreement is ready. */
GPtrArray       *bridge_plan_check_ready        (BridgePlan    *self);
/* What `plan show --json` prints (transfer full): its version, the plan
 * file's JSON, the agreement digest, the lock and the approval state (with
 * its problem), the totals of the plan and of each group with the courses
 * @catalog no longer has (marked first with bridge_plan_refresh ()), and the
 * warnings. */
JsonNode        *bridge_plan_summary_to_json    (BridgePlan    *self,
                                                 BridgeCatalog *catalog);

/* ------------------------------------------------------------------------ */
/* Approvals, the lock, changes                                             */

/* Whether @person may approve for @role: a name, text an agreement can
 * carry, a valid e-mail if any, and for the institutions a position and an
 * e-mail. The rule bridge_plan_approve () applies, for a form to follow. */
gboolean    bridge_plan_check_approver        (BridgePlanRole          role,
                                               const BridgePlanPerson *person,
                                               GError                **error);
/* Records an approval by @role, with the person's name, position and email
 * (all required for SENDING and RECEIVING; name for STUDENT) at @timestamp
 * (NULL: now). An agreement that is not ready (bridge_plan_check_ready ()
 * is not empty) cannot be approved: the error lists what it lacks. When the three have approved, the agreement is locked and the
 * approved content is kept as a version. Approving while a changes proposal is
 * pending approves the proposal instead; when the three have, it is applied
 * and becomes the next version. */
gboolean    bridge_plan_approve               (BridgePlan             *self,
                                               BridgePlanRole          role,
                                               const BridgePlanPerson *person,
                                               const char             *timestamp,
                                               GError                **error);
/* The approval by @role of the agreement; NULL if none. */
const BridgePlanApproval *bridge_plan_get_approval (BridgePlan     *self,
                                                    BridgePlanRole  role);
/* The approval by @role of the pending changes proposal; NULL if none. */
const BridgePlanApproval *bridge_plan_get_pending_approval (BridgePlan     *self,
                                                            BridgePlanRole  role);
/* Withdraws the approvals (not allowed once locked). */
gboolean    bridge_plan_withdraw_approval     (BridgePlan     *self,
                                               BridgePlanRole  role,
                                               GError        **error);
gboolean    bridge_plan_get_locked            (BridgePlan *self);
typedef enum
{
  BRIDGE_PLAN_APPROVAL_STATE_DRAFT,            /* not approved by all three yet; the approvals given hold */
  BRIDGE_PLAN_APPROVAL_STATE_APPROVED,         /* every version has its three approvals, each bound to
                                                * that version's content and to its approver */
  BRIDGE_PLAN_APPROVAL_STATE_APPROVED_UNBOUND, /* the same, from a file of format version 1, whose
                                                * approvals do not bind the approver's name */
  BRIDGE_PLAN_APPROVAL_STATE_BROKEN,           /* approvals missing, or not matching what they approve:
                                                * the plan is not approved */
} BridgePlanApprovalState;

/* The one place that decides whether the plan is approved; the window, the
 * command line and the PDF show its answer. Recomputes the digests of every
 * version's content and every approval record. For BROKEN and
 * APPROVED_UNBOUND, @reason (may be NULL) gets why, translated. These
 * digests show that the file is as it was approved; they are not
 * signatures: whoever edits the file can compute them again. */
BridgePlanApprovalState bridge_plan_get_approval_state (BridgePlan  *self,
                                                        char       **reason);
/* TRUE when the approval state is BROKEN: the file was edited after approval. */
gboolean    bridge_plan_get_modified_after_approval (BridgePlan *self);

/* The changes proposal being made or approved (element-type BridgePlanChange;
 * transfer none); NULL when there is none. */
GPtrArray  *bridge_plan_get_pending_changes   (BridgePlan *self);
/* Proposes deleting a component of the locked agreement. */
gboolean    bridge_plan_propose_delete        (BridgePlan         *self,
                                               BridgePlanGroup    *group,
                                               BridgePlanSide      side,
                                               const char         *course_id,
                                               BridgeChangeReason  reason,
                                               const char         *reason_text,
                                               GError            **error);
/* Proposes adding a course (to @group, or a new group when NULL and side HOST). */
gboolean    bridge_plan_propose_add           (BridgePlan         *self,
                                               BridgeCatalog      *catalog,
                                               BridgePlanGroup    *group,
                                               BridgePlanSide      side,
                                               const char         *course_id,
                                               BridgeChangeReason  reason,
                                               const char         *reason_text,
                                               GError            **error);
/* Proposes a whole new group (e.g. substituting a deleted component):
 * @host_ids added on Table A and @home_ids on Table B, all with @reason. */
gboolean    bridge_plan_propose_add_group     (BridgePlan         *self,
                                               BridgeCatalog      *catalog,
                                               const char * const *host_ids,
                                               const char * const *home_ids,
                                               BridgeChangeReason  reason,
                                               const char         *reason_text,
                                               GError            **error);
/* Drops the pending proposal (and its approvals): rejected or withdrawn. */
void        bridge_plan_discard_changes       (BridgePlan *self);

/* Approved versions: 1 is the first agreement, each applied proposal adds one. */
guint       bridge_plan_get_n_versions        (BridgePlan *self);
/* The plan as it was at @version (a new, unlocked-looking plan for display;
 * transfer full). */
BridgePlan *bridge_plan_get_version           (BridgePlan *self,
                                               guint       version,
                                               GError    **error);
/* When version @version got its last approval (RFC 3339). */
const char *bridge_plan_get_version_timestamp (BridgePlan *self,
                                               guint       version);
/* The identifier of the pending changes proposal; NULL when there is none. */
const char *bridge_plan_get_pending_id        (BridgePlan *self);
/* A new draft, not approved, with the agreed content of the locked @self
 * (student, institutions, period, groups; the pending proposal left out)
 * and the same mobility id. An approved agreement that lacks what its
 * exports need (from an older version, or approved elsewhere) is corrected
 * in it and approved again by all three; @self, the record of what was
 * approved, is not changed. Fails when @self is not locked. (transfer full) */
BridgePlan *bridge_plan_new_draft_from        (BridgePlan *self,
                                               GError    **error);
/* Changes of version @version (2 and later) relative to the one before
 * (element-type BridgePlanChange; transfer none). */
GPtrArray  *bridge_plan_get_version_changes   (BridgePlan *self,
                                               guint       version);

/* ------------------------------------------------------------------------ */
/* Grades after the stay                                                     */

/* The host's grade (a label of the course's scale, or a mark) for a Table A course. */
gboolean    bridge_plan_set_grade             (BridgePlan    *self,
                                               BridgeCatalog *catalog,
                                               const char    *host_course_id,
                                               const char    *grade,
                                               GError       **error);
const char *bridge_plan_get_grade             (BridgePlan    *self,
                                               const char    *host_course_id);
/* Converts the grades group by group through the grading engine with @rule
 * (NULL: the default) and returns the recognition record (element-type
 * BridgePlanRecognition; transfer full), one line per home component; also
 * kept in the plan, where bridge_plan_get_recognition () gives it (transfer none). */
GPtrArray  *bridge_plan_convert_grades        (BridgePlan    *self,
                                               BridgeCatalog *catalog,
                                               const char    *rule,
                                               GError       **error);
GPtrArray  *bridge_plan_get_recognition       (BridgePlan *self);
/* What `plan grades --json` prints (transfer full): {"version", "recognition"},
 * the array with one object per BridgePlanRecognition of @records. */
JsonNode   *bridge_plan_recognition_to_json   (GPtrArray  *records);

/* ------------------------------------------------------------------------ */
/* Feedback after the stay (plan file version 3)                            */

/* More hours than this for one course are refused as absurd. */
#define BRIDGE_PLAN_FEEDBACK_MAX_HOURS 2000
#define BRIDGE_PLAN_FEEDBACK_MAX_COMMENT 2000 /* characters */

/* What the student reports of a host course after the stay: the hours
 * actually spent on it (class, self-study, exams), how satisfied they were,
 * and an optional comment. Kept in the plan file; never part of the
 * agreement or its digest. */
typedef struct
{
  char   *host_course_id;
  double  hours;                          /* > 0, ≤ BRIDGE_PLAN_FEEDBACK_MAX_HOURS */
  guint   rating;                         /* 1 to 5 */
  char   *comment;                        /* NULL when none */
} BridgePlanFeedback;

/* Records (or replaces) the feedback on @host_course_id, a course of the
 * agreement's Table A. Refused with BRIDGE_ERROR_INVALID_INPUT, the message
 * naming the course: hours that are not finite, ≤ 0 or over
 * BRIDGE_PLAN_FEEDBACK_MAX_HOURS; a rating outside 1–5; a comment with
 * control characters or over BRIDGE_PLAN_FEEDBACK_MAX_COMMENT characters;
 * a course that is not in Table A (BRIDGE_ERROR_NOT_FOUND). Allowed while
 * the agreement is locked: it does not change the agreement's digest. */
gboolean                  bridge_plan_set_feedback   (BridgePlan *self,
                                                      const char *host_course_id,
                                                      double      hours,
                                                      guint       rating,
                                                      const char *comment,
                                                      GError    **error);
/* NULL when the student gave none for @host_course_id. */
const BridgePlanFeedback *bridge_plan_get_feedback   (BridgePlan *self,
                                                      const char *host_course_id);
/* Removes it; FALSE when there was none. */
gboolean                  bridge_plan_clear_feedback (BridgePlan *self,
                                                      const char *host_course_id);
/* Every feedback, in Table A's order (element-type BridgePlanFeedback;
 * transfer container). */
GPtrArray                *bridge_plan_list_feedback  (BridgePlan *self);
/* The hours and the rating as a person typed them ("112.5", "4"), for
 * bridge_plan_set_feedback (), which checks their range. FALSE with
 * BRIDGE_ERROR_INVALID_INPUT naming @host_course_id when @text is not a
 * number ("abc", "1e400", "nan"), or for a rating not a whole number 1–5. */
gboolean    bridge_plan_parse_feedback_hours      (const char  *host_course_id,
                                                   const char  *text,
                                                   double      *hours,
                                                   GError     **error);
gboolean    bridge_plan_parse_feedback_rating     (const char  *host_course_id,
                                                   const char  *text,
                                                   guint       *rating,
                                                   GError     **error);
/* "1 — very dissatisfied" … "5 — very satisfied" (translated), or NULL. */
const char *bridge_plan_feedback_rating_get_label (guint        rating);

G_END_DECLS
