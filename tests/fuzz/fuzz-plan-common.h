/* fuzz-plan-common.h: what the plan and EWP harnesses share: the test
 * catalog (tests/plan/feed.json, scu and cqu) and the checks of a plan that
 * was read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bridge-catalog.h"
#include "bridge-plan.h"

G_BEGIN_DECLS

/* Imported once per process into a temporary folder, removed at exit.
 * Aborts when it cannot be made: a harness without its catalog tests less
 * than it says. (transfer none) */
BridgeCatalog *fuzz_catalog_get (void);

/* What a plan that was read promises, whatever it was read from (@what says
 * from what, for messages): it saves as valid UTF-8 that loads again into
 * the same plan (same digest, same content digest, same bytes when saved
 * again); its warnings, totals and approved versions can be had with
 * readable messages; and an EWP export of it, when the exporter accepts it,
 * imports again. Aborts on a broken promise. */
void           fuzz_plan_check (BridgePlan *plan,
                                const char *what);

G_END_DECLS
