/* bridge-recognize.h: what counts for what
 *
 * The question a student brings to an advisor: "what could I take there
 * that counts for this course of mine?", and the reverse, "what would this
 * course replace at home?". The answer has two kinds of options, best
 * first:
 *
 *   1. precedents: decisions of the recognition register (feed revision 2)
 *      taken by the home university itself; valid ones first, then expired
 *      ones (no longer binding, still evidence), each newest first;
 *   2. suggestions: where the register is silent, courses found through the
 *      search index and ranked by how well they match, each with its
 *      reasons as sentences an advisor can check and a score from 0 to 1.
 *
 * The scoring is written down for advisors in help/C/finding-what-counts.page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bridge-catalog.h"

G_BEGIN_DECLS

typedef enum
{
  BRIDGE_RECOGNITION_PRECEDENT,
  BRIDGE_RECOGNITION_SUGGESTION,
} BridgeRecognitionKind;

/**
 * BridgeRecognitionOption:
 *
 * One way to be recognised: passing every one of @host_courses (all of the
 * university @host) in place of @home_courses at @home, or, when
 * @home_courses is empty, for free elective credits.
 */
typedef struct
{
  BridgeRecognitionKind kind;
  char              *home;                /* university ids */
  char              *host;
  char             **host_courses;        /* course ids, at least one */
  char             **home_courses;        /* course ids of @home; may be empty */
  /* Precedents: the decision's credits (declared, or the sum of its home
   * courses' credits). Suggestions: what the host courses award at home by
   * the home's credit policy (its step and rounding). */
  double             home_credits_awarded;
  GPtrArray         *reasons;             /* element-type utf8, translated sentences */
  double             score;               /* 0 to 1; precedents 1 */
  gboolean           elective;            /* free elective credits only */

  /* Precedents only (NULL / FALSE for suggestions). */
  BridgeEquivalence *equivalence;
  gboolean           expired;             /* valid_until has passed on the day asked */
} BridgeRecognitionOption;

#define BRIDGE_TYPE_RECOGNITION_OPTION (bridge_recognition_option_get_type ())
GType                    bridge_recognition_option_get_type (void) G_GNUC_CONST;
BridgeRecognitionOption *bridge_recognition_option_copy     (const BridgeRecognitionOption *self);
void                     bridge_recognition_option_free     (BridgeRecognitionOption       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgeRecognitionOption, bridge_recognition_option_free)

/* What narrows the options; every member optional (NULL or 0). */
typedef struct
{
  const char         *host;               /* only courses of this university */
  const char         *term;               /* suggestions: offered in this term (a term id) */
  const char * const *languages;          /* suggestions: taught in one of these (the student's) */
  const char         *today;              /* "YYYY-MM-DD" for expiry; NULL: today */
  guint               limit;              /* suggestions at most; 0: BRIDGE_RECOGNIZE_DEFAULT_LIMIT */
} BridgeRecognizeQuery;

#define BRIDGE_RECOGNIZE_QUERY_INIT { NULL, NULL, NULL, NULL, 0 }
#define BRIDGE_RECOGNIZE_DEFAULT_LIMIT 10

/* What could replace the home course @home_course_id at its own university:
 * precedents, then suggestions. element-type BridgeRecognitionOption */
GPtrArray *bridge_recognize_replacements (BridgeCatalog              *catalog,
                                          const char                 *home_course_id,
                                          const BridgeRecognizeQuery *query,
                                          GError                    **error);

/* What the host courses @host_course_ids could replace at @home: the
 * decisions of @home that name any of them, then suggestions for each.
 * element-type BridgeRecognitionOption */
GPtrArray *bridge_recognize_for_host     (BridgeCatalog              *catalog,
                                          const char                 *home,
                                          const char * const         *host_course_ids,
                                          const BridgeRecognizeQuery *query,
                                          GError                    **error);

/* The precedents alone (the first half of both calls above): the decisions
 * of @home naming @course_id, as a host course or as a home course, as
 * options, valid first. element-type BridgeRecognitionOption */
GPtrArray *bridge_recognize_precedents   (BridgeCatalog              *catalog,
                                          const char                 *home,
                                          const char                 *course_id,
                                          const BridgeRecognizeQuery *query,
                                          GError                    **error);

/* The decision of @home whose host courses are exactly @host_course_ids and
 * whose home courses are exactly @home_course_ids (in any order): a valid one
 * when there is one, else an expired one (then @expired is TRUE), else NULL.
 * For the plan: a group that matches a precedent is "recognised by decision". */
BridgeEquivalence *bridge_recognize_match    (BridgeCatalog      *catalog,
                                              const char         *home,
                                              const char * const *host_course_ids,
                                              const char * const *home_course_ids,
                                              const char         *today,
                                              gboolean           *expired,
                                              GError            **error);

/* {"kind", "host", "home", "host_courses", "home_courses",
 *  "home_credits_awarded", "elective", "reasons", "score", and for
 *  precedents "equivalence", "decided", "valid_until", "reference",
 *  "conditions", "expired"} */
JsonNode  *bridge_recognition_option_to_json (const BridgeRecognitionOption *self);

G_END_DECLS
