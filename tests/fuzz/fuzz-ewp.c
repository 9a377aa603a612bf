/* fuzz-ewp.c: libFuzzer harness for the EWP learning agreement importer
 *
 * The input is an omobility-las-get-response as a partner sends it. The
 * harness reads it with bridge_plan_new_from_ewp_xml() against the test
 * catalog (tests/plan/feed.json). A refusal must be a BRIDGE_ERROR with a
 * message a person can read (not empty, valid UTF-8), set once (GLib warns,
 * and the harness aborts, when a GError is set over another). A plan that
 * is imported must keep the promises of fuzz_plan_check(): it saves and
 * loads again with the same digest, its warnings, totals and versions can
 * be had, and its EWP export imports again.
 *
 * Known, tolerated with FUZZ_EWP_KNOWN=tag,… (never in the regression
 * runner): deep-nesting (15.5: the element tree is freed recursively),
 * negative-credits and number-range (15.3: the imported plan is saved in a
 * form that cannot be loaded), ewp-reimport.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-ewp"

#include "bridge-error.h"
#include "bridge-plan-export.h"
#include "bridge-plan.h"
#include "fuzz-common.h"
#include "fuzz-plan-common.h"

/* Deeper than any agreement; the reader recurses per element. */
#define KNOWN_DEEP 1000

static void
fuzz_ewp_init (void)
{
  fuzz_init_logging ();
  g_type_ensure (BRIDGE_TYPE_PLAN);
  fuzz_catalog_get ();
}

static FuzzResult
fuzz_ewp_run (const guint8  *data,
              gsize          size,
              char         **message)
{
  g_autoptr(BridgePlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_ewp_init ();
  if (fuzz_known ("deep-nesting") && fuzz_nesting (data, size, TRUE) > KNOWN_DEEP)
    return FUZZ_REFUSED;

  plan = bridge_plan_new_from_ewp_xml ((const char *) data, (gssize) size, fuzz_catalog_get (), &error);
  if (plan == NULL)
    {
      fuzz_check_error (error, BRIDGE_ERROR, "the EWP import");
      if (message != NULL)
        *message = g_strdup (error->message);
      return FUZZ_REFUSED;
    }
  ORACLE (error == NULL, "a plan and an error");
  fuzz_plan_check (plan, "the imported agreement");
  return FUZZ_ACCEPTED;
}

const FuzzHarness fuzz_harness = { "ewp", fuzz_ewp_init, fuzz_ewp_run };
