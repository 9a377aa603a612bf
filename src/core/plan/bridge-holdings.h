/* bridge-holdings.h: the certificates a student holds ("My certificates")
 *
 * The credit bank's side of the student (学分银行): which certificates they
 * obtained and when, and what their home university grants for them today.
 * It is the student's own record, never part of the catalog cache, kept in
 * the user's data directory as a small versioned JSON document:
 *
 *   { "format": "credit-bridge-certificates", "version": 1,
 *     "student": { "name": "…", "id": "…" },           (optional)
 *     "home": "scu",                                    (optional)
 *     "certificates": [
 *       { "certificate": "ncre-2-c", "obtained": "2024-09-21",
 *         "number": "…" } ] }                           (number optional)
 *
 * written atomically (bridge_file_write ()). A file that is damaged, or of a
 * newer version, is reported and never written over: the holdings keep the
 * error (bridge_holdings_get_load_error ()) and refuse to save until the
 * person chooses to start again (bridge_holdings_reset ()), which moves the
 * old file aside first.
 *
 * A plan told the holdings (bridge_plan_set_holdings ()) warns when one of its
 * groups replaces a home course a valid certificate already covers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bridge-catalog.h"
#include "bridge-certificate.h"

G_BEGIN_DECLS

#define BRIDGE_HOLDINGS_FORMAT  "credit-bridge-certificates"
#define BRIDGE_HOLDINGS_VERSION 1

/* A recognition whose last day is within this many months of the day judged
 * is "about to expire". */
#define BRIDGE_HOLDINGS_EXPIRING_MONTHS 6

/* One certificate the student holds, as the file keeps it. */
typedef struct
{
  char *certificate_id;
  char *obtained;                         /* "YYYY-MM-DD" */
  char *number;                           /* the certificate's own number; NULL when not given */
} BridgeHolding;

#define BRIDGE_TYPE_HOLDINGS (bridge_holdings_get_type ())
G_DECLARE_FINAL_TYPE (BridgeHoldings, bridge_holdings, BRIDGE, HOLDINGS, GObject)

/* $XDG_DATA_HOME/credit-bridge/certificates.json (newly allocated). */
char            *bridge_holdings_get_default_path (void);

/* Empty holdings that will be saved to @path (NULL: the default path). */
BridgeHoldings  *bridge_holdings_new            (const char      *path);
/* Reads @path (NULL: the default path). A missing file is no error: empty
 * holdings. A file that cannot be read, is not the format, is damaged
 * (BRIDGE_ERROR_INVALID_INPUT, the message names the file and the JSON path)
 * or is of a newer version (BRIDGE_ERROR_UNSUPPORTED_VERSION) still gives
 * holdings, empty and refusing to save, with that error kept, and sets
 * @error to a copy of it. */
BridgeHoldings  *bridge_holdings_load           (const char      *path,
                                                 GError         **error);
const char      *bridge_holdings_get_path       (BridgeHoldings  *self);
/* The error of the load, or NULL when the file was read (or missing). */
const GError    *bridge_holdings_get_load_error (BridgeHoldings  *self);
/* Moves a damaged or newer file aside (PATH.damaged-YYYYMMDD-HHMMSS, its name
 * returned in @moved_to) and clears the load error, so the holdings can be
 * saved again; nothing to do (TRUE) when the load had no error. */
gboolean         bridge_holdings_reset          (BridgeHoldings  *self,
                                                 char           **moved_to,
                                                 GError         **error);
/* Writes atomically; refuses (BRIDGE_ERROR_FAILED, saying why and what to do)
 * while the load error stands. */
gboolean         bridge_holdings_save           (BridgeHoldings  *self,
                                                 GError         **error);

const char      *bridge_holdings_get_home       (BridgeHoldings  *self);
void             bridge_holdings_set_home       (BridgeHoldings  *self,
                                                 const char      *home_id);
const char      *bridge_holdings_get_student_name (BridgeHoldings *self);
const char      *bridge_holdings_get_student_id   (BridgeHoldings *self);
/* Checked as a plan's student name and number are (bridge-validate.h). */
gboolean         bridge_holdings_set_student    (BridgeHoldings  *self,
                                                 const char      *name,
                                                 const char      *id,
                                                 GError         **error);

guint                bridge_holdings_get_n_holdings (BridgeHoldings *self);
const BridgeHolding *bridge_holdings_get_holding    (BridgeHoldings *self,
                                                     guint           index);
/* Adds a certificate of @catalog obtained on @obtained, checked as
 * bridge_certificate_judge () checks it (a calendar date, not before
 * BRIDGE_CERTIFICATE_EARLIEST, not after today); the same certificate on the
 * same day twice is refused (BRIDGE_ERROR_INVALID_INPUT). An unknown
 * certificate is BRIDGE_ERROR_NOT_FOUND. Returns the new holding's index
 * through @index. Emits "changed". */
gboolean         bridge_holdings_add            (BridgeHoldings  *self,
                                                 BridgeCatalog   *catalog,
                                                 const char      *certificate_id,
                                                 const char      *obtained,
                                                 const char      *number,
                                                 guint           *index,
                                                 GError         **error);
/* Emits "changed". */
void             bridge_holdings_remove         (BridgeHoldings  *self,
                                                 guint            index);

/* ------------------------------------------------------------------------ */
/* What they are worth at a home university on a day                        */

typedef struct
{
  const BridgeHolding        *holding;    /* owned by the holdings */
  BridgeCertificate          *certificate;/* NULL: the catalog no longer has it */
  BridgeCertificateJudgement *judgement;  /* NULL when @certificate is NULL */
  gboolean                    expiring;   /* recognised, and its last day within
                                           * BRIDGE_HOLDINGS_EXPIRING_MONTHS of the day judged */
  gboolean                    counted;    /* its credits are in the total (see below) */
} BridgeHoldingsEntry;

typedef struct
{
  char       *home_id;
  char       *on;                         /* the day judged */
  GPtrArray  *entries;                    /* element-type BridgeHoldingsEntry, in the holdings' order */
  double      total_credits;              /* credits of the counted entries */
  guint       n_recognised;
  guint       n_expiring;                 /* recognised and about to expire */
  guint       n_expired;
  guint       n_not_recognised;           /* the home grants nothing for it */
  guint       n_unknown;                  /* not in the catalog any more */
  /* Translated sentences, each naming the certificates and courses: two
   * valid certificates that replace the same home course are counted once
   * (the larger grant; on a tie, the earlier obtained), as an academic
   * office would. */
  GPtrArray  *notes;                      /* element-type utf8 */
} BridgeHoldingsSummary;

void bridge_holdings_summary_free (BridgeHoldingsSummary *self);
/* Why @entry grants nothing, translated: its judgement's reason, or that
 * the catalog no longer has the certificate, or that it was obtained after
 * the day judged @on (it then has no judgement); NULL when it is
 * recognised. */
char *bridge_holdings_entry_dup_reason (const BridgeHoldingsEntry *entry,
                                        const char                *on);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeHoldingsSummary, bridge_holdings_summary_free)

/* Judges every holding at @home_id (NULL: the holdings' home; an error when
 * neither is set) on @on (NULL: today). An unknown university is
 * BRIDGE_ERROR_NOT_FOUND; a certificate the catalog no longer has is an
 * entry with no certificate, not an error. */
BridgeHoldingsSummary *bridge_holdings_summarize (BridgeHoldings  *self,
                                                  BridgeCatalog   *catalog,
                                                  const char      *home_id,
                                                  const char      *on,
                                                  GError         **error);

/* {"home", "on", "total_credits", "recognised", "expiring", "expired",
 *  "not_recognised", "unknown", "notes": [],
 *  "certificates": [ {"certificate", "name", "issuer", "number", "obtained",
 *     "expiring", "counted", …the judgement's members} ] } */
JsonNode *bridge_holdings_summary_to_json (const BridgeHoldingsSummary *self);

/* The valid certificates (at @home_id, today) that already replace
 * @home_course_id: element-type BridgeHoldingsEntry borrowed from
 * @summary; empty when none. */
GPtrArray *bridge_holdings_summary_find_covering (const BridgeHoldingsSummary *self,
                                                  const char                  *home_course_id);

G_END_DECLS
