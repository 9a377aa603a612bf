/* fuzz-plan.c: libFuzzer harness for the plan file reader
 *
 * The input is a *.creditplan as it is on disk. The harness reads it with
 * bridge_plan_new_from_data(). A refusal must be a BRIDGE_ERROR with a
 * message a person can read (not empty, valid UTF-8). A plan that loads
 * must keep the promises of fuzz_plan_check(): it saves and loads again
 * with the same digest, its warnings, totals and versions can be had, and
 * its EWP export imports again.
 *
 * Known, tolerated with FUZZ_PLAN_KNOWN=tag,… (never in the regression
 * runner): deep-nesting (15.5: json-glib overflows the stack), number-range
 * (15.3: 1e999 saved as inf.0), ewp-reimport.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-plan"

#include "bridge-error.h"
#include "bridge-plan.h"
#include "fuzz-common.h"
#include "fuzz-plan-common.h"

/* Deeper than any plan a person makes; json-glib recurses per level. */
#define KNOWN_DEEP 1000

static void
fuzz_plan_init (void)
{
  fuzz_init_logging ();
  g_type_ensure (BRIDGE_TYPE_PLAN);
  g_type_ensure (JSON_TYPE_PARSER);
  fuzz_catalog_get ();
}

static FuzzResult
fuzz_plan_run (const guint8  *data,
               gsize          size,
               char         **message)
{
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_plan_init ();
  if (fuzz_known ("deep-nesting") && fuzz_nesting (data, size, FALSE) > KNOWN_DEEP)
    return FUZZ_REFUSED;

  plan = bridge_plan_new_from_data ((const char *) data, (gssize) size, &error);
  if (plan == NULL)
    {
      fuzz_check_error (error, BRIDGE_ERROR, "the plan");
      ORACLE (error->code == BRIDGE_ERROR_INVALID_PLAN || error->code == BRIDGE_ERROR_UNSUPPORTED_VERSION,
              "the plan is refused with code %d: %s", error->code, error->message);
      if (message != NULL)
        *message = g_strdup (error->message);
      return FUZZ_REFUSED;
    }
  ORACLE (error == NULL, "a plan and an error");
  fuzz_plan_check (plan, "the plan");
  return FUZZ_ACCEPTED;
}

const FuzzHarness fuzz_harness = { "plan", fuzz_plan_init, fuzz_plan_run };
