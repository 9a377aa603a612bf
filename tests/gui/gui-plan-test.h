/* gui-plan-test.h: the plan tests' catalog and plan, for GUI tests
 *
 * tests/plan/plan-fixture.h (a catalog imported from tests/plan/feed.json,
 * and the plan of 李华 from scu to cqu), found at run time through
 * CREDIT_BRIDGE_SOURCE_ROOT, which the GUI tests' environment sets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

static inline const char *
gui_plan_test_dir (void)
{
  static char *dir;

  if (dir == NULL)
    dir = g_build_filename (g_getenv ("CREDIT_BRIDGE_SOURCE_ROOT"), "tests", "plan", NULL);
  return dir;
}

#define PLAN_TEST_DIR gui_plan_test_dir ()
#include "../plan/plan-fixture.h"

/* "zh_CN" when the test runs in Simplified Chinese, else "en". */
static inline const char *
gui_plan_test_lang (void)
{
  const char *l = g_getenv ("LANGUAGE");

  return l != NULL && g_str_has_prefix (l, "zh") ? "zh_CN" : "en";
}
