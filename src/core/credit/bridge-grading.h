/* bridge-grading.h: grade conversion through grading tables
 *
 * A grading table (ECTS Users' Guide 2015, EGRACONS) lists a university's
 * passing grades, best first, with how many were awarded in a reference group.
 * Grade i covers [C(i−1)/N, C(i)/N] of the distribution counted from the top,
 * where C(i) counts the grades i and better and N all of them. A host grade
 * converts to the home grades whose intervals overlap its own (the
 * candidates, each with its share of the host grade's interval) and to one
 * suggested home grade chosen by a rule. All decisions use exact integer
 * arithmetic on the counts; nothing is decided in floating point.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "bridge-model.h"

G_BEGIN_DECLS

/**
 * BridgeGradeRule:
 * @BRIDGE_GRADE_RULE_MIDPOINT: the home grade whose interval contains the
 *   midpoint of the host grade's interval (equipercentile equating; default)
 * @BRIDGE_GRADE_RULE_LARGEST_OVERLAP: the candidate with the largest share
 * @BRIDGE_GRADE_RULE_BEST: the best candidate (the Users' Guide's "maximum
 *   comparable grade")
 * @BRIDGE_GRADE_RULE_WORST: the worst candidate ("minimum comparable grade")
 *
 * Ties (a midpoint on a boundary, two equal shares) go to the better grade.
 */
typedef enum
{
  BRIDGE_GRADE_RULE_MIDPOINT,
  BRIDGE_GRADE_RULE_LARGEST_OVERLAP,
  BRIDGE_GRADE_RULE_BEST,
  BRIDGE_GRADE_RULE_WORST,
} BridgeGradeRule;

/* "midpoint", "largest-overlap", "best", "worst" */
const char *bridge_grade_rule_to_string   (BridgeGradeRule  rule);
gboolean    bridge_grade_rule_from_string (const char      *str,
                                           BridgeGradeRule *out);

typedef struct
{
  char   *grade;
  double  share;                          /* of the host grade's interval, 0 < share ≤ 1 */
  char   *share_exact;                    /* the same as a fraction: "13/18" */
  double  home_interval[2];               /* percent from the top, one decimal */
} BridgeGradeCandidate;

/* Where a table came from: a university's reference group, or a CSV file. */
typedef struct
{
  char    *university;                    /* NULL for a CSV file */
  char    *scale;
  char    *isced;
  char    *cycle;                         /* "bachelor" … */
  char    *period;
  char    *source;                        /* the CSV file, or NULL */
  gint64   total;                         /* grades counted (hundredths of a percent for percent tables) */
  gboolean percent;                       /* given as percentages */
} BridgeReferenceGroup;

/**
 * BridgeGradeConversion:
 *
 * One converted grade. Read-only. @host_interval and the candidates'
 * intervals are percentages of the passing grades counted from the top,
 * rounded to one decimal for display; the decisions were taken exactly.
 */
typedef struct
{
  char                 *grade;            /* as given: a label or a mark */
  char                 *host_grade;       /* the host grade's label */
  gboolean              has_mark;
  double                mark;             /* when the grade was given as a mark */
  char                 *suggested;        /* the home grade */
  BridgeGradeRule       rule;
  gboolean              approximate;      /* no grading table on one side */
  gboolean              by_position;      /* nobody received the host grade */
  char                 *reason;           /* translated: why this grade */
  double                host_interval[2];
  GPtrArray            *candidates;       /* element-type BridgeGradeCandidate, best first */
  char                 *host_university;  /* NULL with CSV tables */
  char                 *home_university;
  char                 *host_scale;       /* scale ids, NULL when unknown */
  char                 *home_scale;
  BridgeReferenceGroup *host_group;       /* NULL when approximate without a table */
  BridgeReferenceGroup *home_group;
  GPtrArray            *warnings;         /* element-type utf8, translated: tables of fewer than 100 grades */
} BridgeGradeConversion;

#define BRIDGE_TYPE_GRADE_CONVERSION (bridge_grade_conversion_get_type ())
GType                  bridge_grade_conversion_get_type (void) G_GNUC_CONST;
BridgeGradeConversion *bridge_grade_conversion_copy     (const BridgeGradeConversion *self);
void                   bridge_grade_conversion_free     (BridgeGradeConversion       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeGradeConversion, bridge_grade_conversion_free)

/* {"grade", "host_grade", "mark"?, "suggested", "rule", "approximate",
 *  "by_position", "reason", "host_interval": [from, to],
 *  "candidates": [{"grade", "share", "share_exact", "home_interval"}],
 *  "host_university", "home_university", "host_table", "home_table", "warnings"}
 * where host_table/home_table are the reference groups used (or null). */
JsonNode *bridge_grade_conversion_to_json (const BridgeGradeConversion *self);

/* Whether @isced is an ISCED-F 2013 field code: 2 to 4 digits of a broad,
 * narrow and detailed field (BRIDGE_ERROR_NOT_FOUND otherwise). */
gboolean bridge_isced_check (const char  *isced,
                             GError     **error);

/* Checks a table for conversion: at least one row, no repeated grade, counts
 * not negative and not all zero, totals small enough for exact arithmetic.
 * @name (may be NULL) names the table in the message. */
gboolean bridge_grading_table_check (const BridgeGradingTable *table,
                                     const char               *name,
                                     GError                  **error);

/* Converts the host grade labelled @grade through two tables. @host_source
 * and @home_source (may be NULL) name CSV files for the reference groups;
 * @host_percent/@home_percent say the counts are hundredths of a percent.
 * Unknown grade: BRIDGE_ERROR_NOT_FOUND; bad table: BRIDGE_ERROR_INVALID_INPUT. */
BridgeGradeConversion *bridge_grade_convert_tables (const BridgeGradingTable *host_table,
                                                    const BridgeGradingTable *home_table,
                                                    const char               *grade,
                                                    BridgeGradeRule           rule,
                                                    GError                  **error);

/* Describes CSV tables in the result's reference groups. */
void bridge_grade_conversion_set_sources (BridgeGradeConversion *self,
                                          const char            *host_source,
                                          gboolean               host_percent,
                                          const char            *home_source,
                                          gboolean               home_percent);

/* The grade of @scale that the label or numeric mark @grade names; for a
 * mark, @mark gets its value. Unknown label or a mark outside every band:
 * BRIDGE_ERROR_NOT_FOUND. Failing grades are returned; check ->passing. */
const BridgeGrade *bridge_grading_scale_resolve (const BridgeGradingScale *scale,
                                                 const char               *grade,
                                                 gboolean                 *is_mark,
                                                 double                   *mark,
                                                 GError                  **error);

/* Converts a grade or mark of @host into a grade of @home for a course in
 * field @isced and @cycle, choosing the tables as "Which table applies" says.
 * With a table on both sides the conversion is exact; otherwise it is
 * approximate (linear over the passing ranges, see the reason). Host grades
 * are looked up in the host table's scale, else in each scale of @host in
 * turn; home grades come from the home table's scale, else @home's first
 * scale. A failing grade: BRIDGE_ERROR_FAILING_GRADE. */
BridgeGradeConversion *bridge_grade_convert (BridgeUniversity *host,
                                             BridgeUniversity *home,
                                             const char       *isced,
                                             BridgeCycle       cycle,
                                             const char       *grade,
                                             BridgeGradeRule   rule,
                                             GError          **error);

/* The same for a grade of the host scale @host_scale_id (a course's
 * grading_scale; NULL: as bridge_grade_convert()). It decides where no
 * table applies; with a table, the table's scale holds the distribution and
 * the grade is looked up there. */
BridgeGradeConversion *bridge_grade_convert_on_scale (BridgeUniversity *host,
                                                      BridgeUniversity *home,
                                                      const char       *isced,
                                                      BridgeCycle       cycle,
                                                      const char       *host_scale_id,
                                                      const char       *grade,
                                                      BridgeGradeRule   rule,
                                                      GError          **error);

/* A transcript: host grades with their credits, converted in one call. */
typedef struct
{
  const char *grade;                      /* label or mark */
  double      credits;                    /* host credits of the course */
  const char *isced;                      /* the course's field */
  BridgeCycle cycle;
  const char *scale;                      /* the course's grading_scale, or NULL */
} BridgeTranscriptEntry;

typedef struct
{
  char                  *grade;
  double                 credits;
  BridgeGradeConversion *conversion;      /* NULL when not converted */
  GError                *error;           /* why not (failing grade, unknown grade…) */
} BridgeTranscriptLine;

typedef struct
{
  GPtrArray *lines;                       /* element-type BridgeTranscriptLine, in order */
  double     credits_converted;
  double     credits_failed;              /* lines with a failing grade */
  double     credits_not_converted;       /* lines with any other error */
  guint      n_approximate;
} BridgeTranscript;

void              bridge_transcript_free    (BridgeTranscript *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeTranscript, bridge_transcript_free)

/* Never fails as a whole: each line carries its conversion or its error. */
BridgeTranscript *bridge_grade_convert_transcript (BridgeUniversity            *host,
                                                   BridgeUniversity            *home,
                                                   const BridgeTranscriptEntry *entries,
                                                   guint                        n_entries,
                                                   BridgeGradeRule              rule);
JsonNode         *bridge_transcript_to_json (const BridgeTranscript *self);

/* A grading table built from awarded marks or labels. */
typedef struct
{
  char   *grade;
  gint64  count;
  double  percent;                        /* one decimal */
  double  cumulative_percent;             /* one decimal */
} BridgeGradeTableRow;

typedef struct
{
  char      *scale;
  GPtrArray *rows;                        /* element-type BridgeGradeTableRow: passing grades, best first */
  gint64     passing;
  gint64     failing;                     /* left out of the table */
} BridgeGradeTableReport;

void                    bridge_grade_table_report_free (BridgeGradeTableReport *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeGradeTableReport, bridge_grade_table_report_free)

/* Reads @text (one mark or label a line, blank lines ignored) and counts them
 * by the passing grades of @scale. An unknown label or a mark outside every
 * band is an error naming its line; so is input with no passing grade. */
BridgeGradeTableReport *bridge_grade_table_from_marks (const BridgeGradingScale *scale,
                                                       const char               *text,
                                                       gssize                    length,
                                                       GError                  **error);
/* The spec's warning for a table of fewer than 100 grades, or NULL. */
char                   *bridge_grade_table_report_get_warning (const BridgeGradeTableReport *self);
/* {"scale", "passing", "failing", "counts": [{"grade","count"}] (the feed's
 *  form), "warnings", "rows": [{"grade","count","percent","cumulative_percent"}]} */
JsonNode               *bridge_grade_table_report_to_json (const BridgeGradeTableReport *self);

G_END_DECLS
