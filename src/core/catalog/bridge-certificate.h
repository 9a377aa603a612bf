/* bridge-certificate.h: what a certificate is worth to a student
 *
 * The credit bank's question (学分银行): "I obtained this certificate on
 * that day; what does my home university grant for it today?" The answer
 * says whether it is recognised, for how many credits, in place of which
 * home courses, until when, and, when the certificate declares its
 * workload, what that workload is worth under the home's credit policy, so
 * that an advisor sees a generous or a mean grant.
 *
 * A recognition stays valid until its last day, obtained + valid_years
 * (fractional years as whole months, rounded down), included; it is
 * expired from the next day on. help/C/command-line.page says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bridge-catalog.h"
#include "bridge-credit.h"

G_BEGIN_DECLS

/* No certificate obtained before this day is taken as real. */
#define BRIDGE_CERTIFICATE_EARLIEST "1950-01-01"

typedef struct
{
  char               *certificate_id;
  char               *home_id;
  char               *obtained;           /* "YYYY-MM-DD" */
  char               *on;                 /* the day judged, "YYYY-MM-DD" */

  gboolean            recognised;         /* recognised by the home and not expired on @on */
  double              credits;            /* granted; 0 when not recognised */
  char              **replaces;           /* home course ids; empty: free elective credits */
  char               *valid_until;        /* last valid day; NULL: no limit or no recognition */
  gboolean            expired;            /* @on is after @valid_until */
  char               *reason;             /* translated; NULL when recognised */
  GPtrArray          *steps;              /* element-type utf8, translated */

  double              workload_hours;     /* 0: none declared */
  BridgeCreditResult *workload;           /* the workload at the home; NULL when none */
} BridgeCertificateJudgement;

#define BRIDGE_TYPE_CERTIFICATE_JUDGEMENT (bridge_certificate_judgement_get_type ())
GType                       bridge_certificate_judgement_get_type (void) G_GNUC_CONST;
BridgeCertificateJudgement *bridge_certificate_judgement_copy     (const BridgeCertificateJudgement *self);
void                        bridge_certificate_judgement_free     (BridgeCertificateJudgement       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeCertificateJudgement, bridge_certificate_judgement_free)

/* The last day a recognition of @valid_years (> 0) stays valid for a
 * certificate obtained on @obtained ("YYYY-MM-DD", a valid date). */
char *bridge_certificate_valid_until (const char *obtained,
                                      double      valid_years);

/* "程序设计基础 (CS110), 生态学 (BIO210)": the home courses of @ids (a
 * recognition's replaces) by title and code, for people; an id the catalog
 * does not have stands as it is. */
char *bridge_certificate_describe_courses (BridgeCatalog      *catalog,
                                           const char * const *ids);

/* Checks a date obtained as a person wrote it, against the day judged @on
 * (NULL: today): given, a calendar date YYYY-MM-DD, not before
 * BRIDGE_CERTIFICATE_EARLIEST and not after @on; @on, when given, a
 * calendar date too. Fails with BRIDGE_ERROR_INVALID_INPUT and a sentence
 * that says which and how to write it. */
gboolean bridge_certificate_check_obtained (const char  *obtained,
                                            const char  *on,
                                            GError     **error);

/* What @certificate_id obtained on @obtained is worth at @home_id on @on
 * (NULL: today). Not being recognised is no error; an unknown certificate
 * or university is (BRIDGE_ERROR_NOT_FOUND), and so is a date that is not a
 * calendar date, or an @obtained before BRIDGE_CERTIFICATE_EARLIEST or
 * after @on (BRIDGE_ERROR_INVALID_INPUT). */
BridgeCertificateJudgement *bridge_certificate_judge (BridgeCatalog  *catalog,
                                                      const char     *certificate_id,
                                                      const char     *home_id,
                                                      const char     *obtained,
                                                      const char     *on,
                                                      GError        **error);

/* {"certificate", "home", "obtained", "on", "recognised", "credits",
 *  "replaces", "valid_until", "expired", "reason", "steps",
 *  "workload_hours", "workload_home_credits", "workload_home_credits_awarded"};
 * the last three are null when no workload is declared. */
JsonNode *bridge_certificate_judgement_to_json (const BridgeCertificateJudgement *self);

/* ------------------------------------------------------------------------ */
/* Finding certificates (bridge-certificate-filter.c)                       */

/* What a list of certificates is narrowed to; a NULL or empty member takes
 * any. */
typedef struct
{
  /* Words, each found, whatever its case, in the certificate's name (in any
   * of its languages), its issuer (likewise), its level or its id. */
  const char *text;
  const char *issuer;                     /* the issuer's name as bridge_text_pick () gives it */
  const char *isced;                      /* a field code or its prefix: "06" takes "0613" */
  const char *level;
} BridgeCertificateFilter;

#define BRIDGE_CERTIFICATE_FILTER_INIT { NULL, NULL, NULL, NULL }

/* Which property of the certificates bridge_certificate_list_choices () lists. */
typedef enum
{
  BRIDGE_CERTIFICATE_CHOICE_ISSUER,       /* issuers' names, as bridge_text_pick () gives them */
  BRIDGE_CERTIFICATE_CHOICE_FIELD,        /* broad ISCED-F fields, two-digit codes */
  BRIDGE_CERTIFICATE_CHOICE_LEVEL,
} BridgeCertificateChoice;

gboolean   bridge_certificate_matches      (const BridgeCertificate       *certificate,
                                            const BridgeCertificateFilter *filter);
/* The certificates of @certificates (element-type BridgeCertificate) that
 * @filter takes, in their order; the elements are @certificates' own. */
GPtrArray *bridge_certificate_filter_list  (GPtrArray                     *certificates,
                                            const BridgeCertificateFilter *filter);
/* The distinct values of @choice among @certificates, sorted as people read
 * them (element-type utf8). */
GPtrArray *bridge_certificate_list_choices (GPtrArray                     *certificates,
                                            BridgeCertificateChoice        choice);

/* What a recognition grants, for people: "2 credits in place of 程序设计基础
 * (CS110)", or "2 free elective credits" when it replaces no course. */
char      *bridge_certificate_describe_grant    (BridgeCatalog                      *catalog,
                                                 const BridgeCertificateRecognition *recognition);
/* "valid 3 years after it is obtained", or "valid without limit". */
char      *bridge_certificate_describe_validity (const BridgeCertificateRecognition *recognition);

G_END_DECLS
