/* bridge-model.h: what the catalog knows of universities and courses
 *
 * These are the engine's plain data types, filled from the catalog cache (or
 * built by hand in tests) and read by the credit and grading functions, the
 * command line and the window. Numbers are kept as the feed wrote them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "bridge-text.h"

G_BEGIN_DECLS

typedef enum
{
  BRIDGE_KIND_LECTURE,
  BRIDGE_KIND_LAB,
  BRIDGE_KIND_SEMINAR,
  BRIDGE_N_KINDS /*< skip >*/
} BridgeKind;

typedef enum
{
  BRIDGE_CYCLE_BACHELOR,
  BRIDGE_CYCLE_MASTER,
  BRIDGE_CYCLE_DOCTORAL,
} BridgeCycle;

typedef enum
{
  BRIDGE_LEVEL_GENERAL,
  BRIDGE_LEVEL_FOUNDATION,
  BRIDGE_LEVEL_CORE,
  BRIDGE_LEVEL_ELECTIVE,
} BridgeLevel;

typedef enum
{
  BRIDGE_DELIVERY_ON_CAMPUS,
  BRIDGE_DELIVERY_ONLINE,
  BRIDGE_DELIVERY_BLENDED,
} BridgeDelivery;

/* How a home university awards credits for a course elsewhere
 * (credit_policy.rounding): down to a multiple of its credit step, or to
 * the nearest multiple, halves up. */
typedef enum
{
  BRIDGE_CREDIT_ROUNDING_DOWN,
  BRIDGE_CREDIT_ROUNDING_NEAREST,
} BridgeCreditRounding;

/* The words of the feed ("lecture", "on-campus" …): the nicks of the GEnum
 * types of bridge-model-enums.h. from_string () is FALSE for NULL or a word
 * it does not know. */
const char *bridge_kind_to_string      (BridgeKind      kind);
const char *bridge_cycle_to_string     (BridgeCycle     cycle);
const char *bridge_level_to_string     (BridgeLevel     level);
const char *bridge_delivery_to_string  (BridgeDelivery  delivery);
gboolean    bridge_cycle_from_string   (const char     *str,
                                        BridgeCycle    *out);
gboolean    bridge_level_from_string   (const char     *str,
                                        BridgeLevel    *out);
gboolean    bridge_delivery_from_string (const char    *str,
                                         BridgeDelivery *out);
const char *bridge_credit_rounding_to_string   (BridgeCreditRounding  rounding);
gboolean    bridge_credit_rounding_from_string (const char           *str,
                                                BridgeCreditRounding *out);
/* Translated, for people: "Bachelor", "本科" … */
const char *bridge_cycle_get_label     (BridgeCycle     cycle);
const char *bridge_level_get_label     (BridgeLevel     level);
const char *bridge_delivery_get_label  (BridgeDelivery  delivery);
const char *bridge_kind_get_label      (BridgeKind      kind);

/* A university's own definition of a credit (catalog-feed.md, credit_policy).
 * Kinds the feed leaves out are 0. */
typedef struct
{
  double               period_minutes;
  double               periods_per_credit[BRIDGE_N_KINDS];
  double               self_study_ratio[BRIDGE_N_KINDS];
  double               practice_week_hours;
  double               weeks_per_practice_credit;
  double               credit_step;        /* 0.5 when the feed gives none */
  BridgeCreditRounding rounding;           /* down when the feed gives none */
  /* term_load: the local credits of a usual full-time term. Both 0 when the
   * feed gives none; a feed's min may be 0, its max is above 0. */
  double               term_load_min;
  double               term_load_max;
} BridgeCreditPolicy;

/* The alliance's common units. */
typedef struct
{
  char       *id;
  BridgeText *name;
  double      hours_per_credit;
  double      ects_hours_per_credit;      /* 27.5 when the feed gives none */
} BridgeAlliance;

void bridge_alliance_clear (BridgeAlliance *self);

typedef struct
{
  char    *label;
  gboolean has_band;                      /* min and max given */
  double   min;
  double   max;
  gboolean passing;
} BridgeGrade;

typedef struct
{
  char        *id;
  BridgeText  *name;
  BridgeGrade *grades;                    /* best first */
  guint        n_grades;
} BridgeGradingScale;

typedef struct
{
  char   *grade;
  gint64  count;
} BridgeGradeCount;

typedef struct
{
  char             *university;
  char             *scale;
  char             *isced;
  BridgeCycle       cycle;
  char             *period;
  BridgeGradeCount *counts;               /* passing grades, best first */
  guint             n_counts;
} BridgeGradingTable;

typedef struct
{
  char       *id;
  BridgeText *name;
  char       *start;                      /* "YYYY-MM-DD" or NULL */
  char       *end;
} BridgeTerm;

#define BRIDGE_TYPE_GRADING_SCALE (bridge_grading_scale_get_type ())
#define BRIDGE_TYPE_GRADING_TABLE (bridge_grading_table_get_type ())

GType               bridge_grading_scale_get_type (void) G_GNUC_CONST;
BridgeGradingScale *bridge_grading_scale_copy     (const BridgeGradingScale *self);
void                bridge_grading_scale_free     (BridgeGradingScale       *self);
const BridgeGrade  *bridge_grading_scale_find     (const BridgeGradingScale *self,
                                                   const char               *label,
                                                   guint                    *index);

GType               bridge_grading_table_get_type (void) G_GNUC_CONST;
BridgeGradingTable *bridge_grading_table_copy     (const BridgeGradingTable *self);
void                bridge_grading_table_free     (BridgeGradingTable       *self);

void                bridge_term_free              (BridgeTerm               *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeGradingScale, bridge_grading_scale_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeGradingTable, bridge_grading_table_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeTerm, bridge_term_free)

/* BridgeUniversity: one member university, with its policy, scales and tables. */
#define BRIDGE_TYPE_UNIVERSITY (bridge_university_get_type ())
G_DECLARE_FINAL_TYPE (BridgeUniversity, bridge_university, BRIDGE, UNIVERSITY, GObject)

BridgeUniversity         *bridge_university_new                (const char *id);
/* From a feed university object (already checked by the feed reader). */
BridgeUniversity         *bridge_university_new_from_json      (JsonObject  *object,
                                                                GError     **error);
const char               *bridge_university_get_id             (BridgeUniversity *self);
/* The name in the user's language, for messages; the id when there is none. */
const char               *bridge_university_get_label          (BridgeUniversity *self);
BridgeText               *bridge_university_get_name           (BridgeUniversity *self);
BridgeText               *bridge_university_get_city           (BridgeUniversity *self);
const char               *bridge_university_get_hei_id         (BridgeUniversity *self);
const char               *bridge_university_get_website        (BridgeUniversity *self);
const BridgeCreditPolicy *bridge_university_get_policy         (BridgeUniversity *self);
/* element-type BridgeGradingScale / BridgeGradingTable / BridgeTerm */
GPtrArray                *bridge_university_get_scales         (BridgeUniversity *self);
GPtrArray                *bridge_university_get_tables         (BridgeUniversity *self);
GPtrArray                *bridge_university_get_terms          (BridgeUniversity *self);
const BridgeGradingScale *bridge_university_find_scale         (BridgeUniversity *self,
                                                                const char       *scale_id);
const BridgeTerm         *bridge_university_find_term          (BridgeUniversity *self,
                                                                const char       *term_id);
/* "Which table applies": same cycle, longest ISCED prefix of @isced; NULL if none. */
const BridgeGradingTable *bridge_university_find_table         (BridgeUniversity *self,
                                                                const char       *isced,
                                                                BridgeCycle       cycle);

/* Setters used by the catalog and by tests that build universities by hand. */
void bridge_university_set_name     (BridgeUniversity *self, BridgeText *name);
void bridge_university_set_city     (BridgeUniversity *self, BridgeText *city);
void bridge_university_set_hei_id   (BridgeUniversity *self, const char *hei_id);
void bridge_university_set_website  (BridgeUniversity *self, const char *website);
void bridge_university_set_policy   (BridgeUniversity *self, const BridgeCreditPolicy *policy);
void bridge_university_add_scale    (BridgeUniversity *self, BridgeGradingScale *scale);   /* takes ownership */
void bridge_university_add_table    (BridgeUniversity *self, BridgeGradingTable *table);   /* takes ownership */
void bridge_university_add_term     (BridgeUniversity *self, BridgeTerm *term);            /* takes ownership */

/* BridgeCourse: one course of the catalog. */
#define BRIDGE_TYPE_COURSE (bridge_course_get_type ())
G_DECLARE_FINAL_TYPE (BridgeCourse, bridge_course, BRIDGE, COURSE, GObject)

BridgeCourse   *bridge_course_new                  (const char *id);
const char     *bridge_course_get_id               (BridgeCourse *self);
const char     *bridge_course_get_university_id    (BridgeCourse *self);
const char     *bridge_course_get_code             (BridgeCourse *self);
BridgeText     *bridge_course_get_title            (BridgeCourse *self);
const char     *bridge_course_get_isced            (BridgeCourse *self);
BridgeCycle     bridge_course_get_cycle            (BridgeCourse *self);
BridgeLevel     bridge_course_get_level            (BridgeCourse *self);
double          bridge_course_get_periods          (BridgeCourse *self,
                                                    BridgeKind    kind);
double          bridge_course_get_practice_weeks   (BridgeCourse *self);
/* 0 when the feed declares none */
double          bridge_course_get_workload_hours   (BridgeCourse *self);
double          bridge_course_get_credits          (BridgeCourse *self);
const char     *bridge_course_get_grading_scale    (BridgeCourse *self);
const char * const *bridge_course_get_terms        (BridgeCourse *self);
const char * const *bridge_course_get_languages    (BridgeCourse *self);
BridgeDelivery  bridge_course_get_delivery         (BridgeCourse *self);
/* -1 when the feed says nothing */
gint64          bridge_course_get_seats            (BridgeCourse *self);
GPtrArray      *bridge_course_get_learning_outcomes (BridgeCourse *self);   /* element-type BridgeText */
const char * const *bridge_course_get_prerequisites (BridgeCourse *self);
BridgeText     *bridge_course_get_description      (BridgeCourse *self);
const char     *bridge_course_get_url              (BridgeCourse *self);
/* The course object exactly as the feed gave it. */
const char     *bridge_course_get_raw_json         (BridgeCourse *self);
/* Filled by the catalog for display: the university's name. */
BridgeText     *bridge_course_get_university_name  (BridgeCourse *self);
gint64          bridge_course_get_rowid            (BridgeCourse *self);

/* Fills a course from a feed course object (already checked by the feed reader). */
BridgeCourse   *bridge_course_new_from_json        (JsonObject  *object,
                                                    const char  *raw_json,
                                                    GError     **error);
void            bridge_course_set_university_name  (BridgeCourse *self,
                                                    BridgeText   *name);
void            bridge_course_set_rowid            (BridgeCourse *self,
                                                    gint64        rowid);

/**
 * BridgeEquivalence:
 *
 * One decision of the alliance's recognition register (catalog-feed.md,
 * "equivalences[]", revision 2): the university @home recognises passing
 * every one of @host_courses (all of the university @host) in place of
 * @home_courses, or, when those are empty, as free elective credits.
 */
typedef struct
{
  char       *id;
  char       *home;                       /* university id */
  char       *host;                       /* the host courses' university; NULL until the catalog fills it */
  char      **host_courses;               /* course ids, at least one */
  char      **home_courses;               /* course ids of @home; may be empty */
  double      home_credits;               /* as declared; 0 when the feed gives none */
  char       *decided;                    /* "YYYY-MM-DD" */
  char       *valid_until;                /* "YYYY-MM-DD" or NULL */
  BridgeText *conditions;                 /* NULL when none */
  char       *reference;                  /* NULL when none */
} BridgeEquivalence;

#define BRIDGE_TYPE_EQUIVALENCE (bridge_equivalence_get_type ())

GType              bridge_equivalence_get_type       (void) G_GNUC_CONST;
/* From a feed equivalence object (already checked by the feed reader). */
BridgeEquivalence *bridge_equivalence_new_from_json  (JsonObject              *object,
                                                      GError                 **error);
BridgeEquivalence *bridge_equivalence_copy           (const BridgeEquivalence *self);
void               bridge_equivalence_free           (BridgeEquivalence       *self);
/* TRUE when @today ("YYYY-MM-DD") is after valid_until: the decision no
 * longer binds the home university, but is still evidence. */
gboolean           bridge_equivalence_is_expired     (const BridgeEquivalence *self,
                                                      const char              *today);
/* Whether only free elective credits are granted (no home course replaced). */
gboolean           bridge_equivalence_is_elective    (const BridgeEquivalence *self);
gboolean           bridge_equivalence_has_host_course (const BridgeEquivalence *self,
                                                       const char              *course_id);
gboolean           bridge_equivalence_has_home_course (const BridgeEquivalence *self,
                                                       const char              *course_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeEquivalence, bridge_equivalence_free)

/**
 * BridgeCertificateRecognition:
 *
 * What the university @university grants for a certificate
 * (catalog-feed.md, "certificates[]"): @credits home credits in place of
 * the home courses @replaces, or, when that is empty, as free elective
 * credits; for @valid_years after it was obtained (0: no limit).
 */
typedef struct
{
  char   *university;
  double  credits;
  char  **replaces;                       /* course ids of @university; may be empty */
  double  valid_years;                    /* 0: no limit */
} BridgeCertificateRecognition;

/**
 * BridgeCertificate:
 *
 * A non-degree learning outcome that member universities accept for credit.
 */
typedef struct
{
  char       *id;
  BridgeText *name;
  BridgeText *issuer;
  char       *level;                      /* NULL when none */
  char       *isced;                      /* NULL when none */
  double      workload_hours;             /* 0: none declared */
  GArray     *recognitions;               /* element-type BridgeCertificateRecognition */
} BridgeCertificate;

#define BRIDGE_TYPE_CERTIFICATE (bridge_certificate_get_type ())

GType              bridge_certificate_get_type      (void) G_GNUC_CONST;
/* From a feed certificate object (already checked by the feed reader). */
BridgeCertificate *bridge_certificate_new_from_json (JsonObject               *object,
                                                     GError                  **error);
BridgeCertificate *bridge_certificate_copy          (const BridgeCertificate  *self);
void               bridge_certificate_free          (BridgeCertificate        *self);
/* What @university_id grants for it; NULL when it does not recognise it. */
const BridgeCertificateRecognition *
                   bridge_certificate_find_recognition (const BridgeCertificate *self,
                                                        const char              *university_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeCertificate, bridge_certificate_free)

G_END_DECLS
