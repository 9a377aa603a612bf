/* bridge-report.h: the recognition and workload report over many plans
 *
 * The alliance's quality loop (issue 19): an advisor or the alliance office
 * adds plans one at a time — a BridgePlan, a *.creditplan file, or a folder
 * of them — and the report keeps only sums, never the plans, so 10,000 plans
 * take the memory of a few hundred courses.
 *
 * What it adds up:
 *
 * - Per host course (every course of a plan's Table A): `students`, the plans
 *   that include it (once a plan); `responses`, the plans whose student gave
 *   feedback on it (bridge_plan_set_feedback ()); `declared_hours`, the
 *   catalog's workload of the course (declared by the feed, or estimated from
 *   its periods when the feed declares none; the plan's recorded workload when
 *   the course has left the catalog); `reported_hours_mean` and `rating_mean`
 *   over the responses; `workload_deviation` = reported mean ÷ declared − 1;
 *   `workload_flag`, TRUE when the deviation is beyond ± the threshold (more
 *   than it, strictly; 0.25 by default).
 * - Home credits. A group's planned home credits are the credits of its home
 *   courses (Table B), the credits its recognition record lists; a group with
 *   no home course (free elective credits) plans none. A group whose record
 *   exists (bridge_plan_convert_grades () ran) and whose every host course
 *   has its grade is *assessed*: its planned credits count in
 *   `home_credits_assessed`, and the credits of the record's lines that
 *   carry a home grade in `home_credits_recognised`. A line without a home
 *   grade (the conversion failed, a course left the catalog) is planned and
 *   assessed but not recognised. A group still waiting for grades, or never
 *   converted, counts in `home_credits_planned` only.
 *   `recognition_rate` = recognised ÷ assessed, so plans still under way do
 *   not lower it; NAN (null) while nothing is assessed.
 * - A group with several host courses shares its home credits among them in
 *   proportion to each host course's own home-credit equivalent at the
 *   plan's home university (bridge_catalog_compute_credit (), exact); equally
 *   when one of them has none (no workload known, not in the catalog).
 * - Per pair (host university, home university): `students`, the three
 *   sums of home credits and the rate, `conversions` (record lines with a
 *   home grade) and `approximate_conversions` (those the grading engine
 *   marked approximate).
 * - Overall: plans, responses, the same sums, and the period the plans
 *   cover: the earliest start and the latest end of their mobility dates
 *   (the dates of the plan's terms in the catalog when the plan has none).
 *
 * Privacy by construction: nothing of the student (name, number, e-mail,
 * birth date), of the people who approve, or of the review is ever read
 * into the report, nor the plans' file names. A course with fewer than
 * min_responses responses (K, 3 by default) shows its counts and credits
 * but no mean, deviation, flag or rating, so no one student's answer can be
 * read off. Comments are kept only when the options ask for them, without
 * who wrote them, sorted by their text, and shown only for courses with at
 * least K responses.
 *
 * A file that cannot be reported on (unreadable, damaged, of a newer
 * version, not a plan, without home or host university) is skipped and
 * listed, with why, by bridge_report_get_skipped (); the report goes on.
 * The skipped list names files: show it to the advisor, it is not part of
 * the report's JSON or CSV (only the counts per reason are).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bridge-catalog.h"
#include "bridge-plan.h"
#include "bridge-text.h"

G_BEGIN_DECLS

#define BRIDGE_REPORT_FORMAT  "credit-bridge-report"
#define BRIDGE_REPORT_VERSION 1

#define BRIDGE_REPORT_DEFAULT_MIN_RESPONSES 3
#define BRIDGE_REPORT_DEFAULT_THRESHOLD     0.25

/* Why a file was left out of the report; the nicks are the words of the
 * report's JSON ("newer-version"). */
typedef enum
{
  BRIDGE_REPORT_SKIP_UNREADABLE,          /* cannot be opened or read */
  BRIDGE_REPORT_SKIP_DAMAGED,             /* a plan, but truncated or inconsistent */
  BRIDGE_REPORT_SKIP_NEWER_VERSION,       /* written by a newer Credit Bridge */
  BRIDGE_REPORT_SKIP_NOT_A_PLAN,          /* some other file */
  BRIDGE_REPORT_SKIP_INCOMPLETE,          /* no home or no host university */
  BRIDGE_REPORT_N_SKIP_REASONS /*< skip >*/
} BridgeReportSkipReason;

typedef struct
{
  char                   *path;
  BridgeReportSkipReason  reason;
  char                   *message;        /* translated, names the file */
} BridgeReportSkip;

typedef struct
{
  guint    min_responses;                 /* K ≥ 1 */
  double   threshold;                     /* > 0: ±0.25 is ±25 % */
  gboolean comments;                      /* keep the students' comments */
} BridgeReportOptions;

#define BRIDGE_REPORT_OPTIONS_INIT \
  { BRIDGE_REPORT_DEFAULT_MIN_RESPONSES, BRIDGE_REPORT_DEFAULT_THRESHOLD, FALSE }

/* One host course. Figures withheld or unknown are NAN (null in JSON). */
typedef struct
{
  char       *course_id;
  char       *code;
  BridgeText *title;
  char       *university;
  guint       students;
  guint       responses;
  gboolean    withheld;                   /* responses < K: no means */
  double      declared_hours;             /* NAN: no workload known */
  double      reported_hours_mean;
  double      workload_deviation;
  gboolean    workload_flag;              /* meaningful when the deviation is not NAN */
  double      rating_mean;
  double      home_credits_planned;
  double      home_credits_assessed;
  double      home_credits_recognised;
  double      recognition_rate;
  GPtrArray  *comments;                   /* element-type utf8, sorted; empty unless asked and ≥ K */
} BridgeReportCourse;

/* One pair of universities. */
typedef struct
{
  char   *host_university;
  char   *home_university;
  guint   students;
  double  home_credits_planned;
  double  home_credits_assessed;
  double  home_credits_recognised;
  double  recognition_rate;
  guint   conversions;
  guint   approximate_conversions;
} BridgeReportPair;

typedef struct
{
  guint   plans;
  guint   skipped;
  guint   host_courses;
  guint   pairs;
  guint   responses;
  double  rating_mean;                    /* NAN under K responses in all */
  double  home_credits_planned;
  double  home_credits_assessed;
  double  home_credits_recognised;
  double  recognition_rate;
  guint   conversions;
  guint   approximate_conversions;
  char   *period_start;                   /* "YYYY-MM-DD"; NULL when no plan is dated */
  char   *period_end;
  guint   undated;                        /* plans with neither dates nor dated terms */
} BridgeReportOverall;

void bridge_report_course_free    (BridgeReportCourse  *course);
void bridge_report_pair_free      (BridgeReportPair    *pair);
void bridge_report_overall_clear  (BridgeReportOverall *overall);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeReportCourse, bridge_report_course_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeReportPair, bridge_report_pair_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BridgeReportOverall, bridge_report_overall_clear)

const char *bridge_report_skip_reason_to_string (BridgeReportSkipReason reason);
/* Translated, for people: "damaged", "written by a newer version". */
const char *bridge_report_skip_reason_get_label (BridgeReportSkipReason reason);

/* Reads a threshold as a person types it: a fraction ("0.25") or a
 * percentage ("25%"). Refused (BRIDGE_ERROR_INVALID_INPUT, the message
 * quoting @text) unless it is a finite number above 0 and at most 10
 * (1,000 %). */
gboolean    bridge_report_parse_threshold (const char *text,
                                           double     *out,
                                           GError    **error);

#define BRIDGE_TYPE_REPORT (bridge_report_get_type ())
G_DECLARE_FINAL_TYPE (BridgeReport, bridge_report, BRIDGE, REPORT, GObject)

/* A report with @catalog's declared figures. @options NULL: the defaults.
 * Refused (BRIDGE_ERROR_INVALID_INPUT) when K is 0 or the threshold is not a
 * finite number above 0. */
BridgeReport *bridge_report_new        (BridgeCatalog             *catalog,
                                        const BridgeReportOptions *options,
                                        GError                   **error);
const BridgeReportOptions *bridge_report_get_options (BridgeReport *self);
/* The catalog given to bridge_report_new () (transfer none). */
BridgeCatalog *bridge_report_get_catalog (BridgeReport *self);

/* Adds one plan; FALSE (and nothing added) when it has no home or host
 * university (BRIDGE_ERROR_INVALID_INPUT). @plan is not kept. */
gboolean      bridge_report_add_plan   (BridgeReport  *self,
                                        BridgePlan    *plan,
                                        GError       **error);
/* Loads @path and adds it; on failure the file is listed as skipped and
 * FALSE returned. The file is read whatever its name. */
gboolean      bridge_report_add_file   (BridgeReport  *self,
                                        const char    *path);
/* Every *.creditplan of the folder @path and of its subfolders, in the
 * order of their names; hidden files and folders (".name") and symbolic
 * links to folders are left out, and so are files of other names. Returns
 * how many plans were added; a folder that cannot be read is listed as
 * skipped. */
guint         bridge_report_add_folder (BridgeReport  *self,
                                        const char    *path);
/* A folder as above, anything else as a file. Returns the plans added. */
guint         bridge_report_add_path   (BridgeReport  *self,
                                        const char    *path);

/* Called before each file is read, with how many were read (added or
 * skipped) before it: a folder may hold hundreds of plans. */
typedef void (*BridgeReportProgressFunc) (guint    files_read,
                                          gpointer user_data);
void          bridge_report_set_progress (BridgeReport             *self,
                                          BridgeReportProgressFunc  progress,
                                          gpointer                  user_data);

guint         bridge_report_get_n_plans (BridgeReport *self);
/* The files left out, in the order they were met (element-type
 * BridgeReportSkip; transfer none). */
GPtrArray    *bridge_report_get_skipped (BridgeReport *self);

/* The figures, computed from the sums now (transfer full). Courses sorted
 * by course id, pairs by host then home university. */
GPtrArray    *bridge_report_list_courses (BridgeReport        *self);
GPtrArray    *bridge_report_list_pairs   (BridgeReport        *self);
void          bridge_report_get_overall  (BridgeReport        *self,
                                          BridgeReportOverall *overall);

/* The report as one JSON object: { "format", "version", "options",
 * "period", "overall", "courses", "pairs", "skipped": { reason: count } }.
 * Credits and hours to the hundredth, deviations and rates to the
 * thousandth. (transfer full) */
JsonNode     *bridge_report_to_json      (BridgeReport        *self);

typedef enum
{
  BRIDGE_REPORT_TABLE_COURSES,
  BRIDGE_REPORT_TABLE_PAIRS,
  BRIDGE_REPORT_TABLE_COMMENTS,
} BridgeReportTable;

/* One table as CSV: a header row, RFC 4180 quoting, lines ending in LF;
 * text that a spreadsheet would read as a formula starts with an
 * apostrophe. (transfer full) */
char         *bridge_report_to_csv       (BridgeReport        *self,
                                          BridgeReportTable    table);

G_END_DECLS
