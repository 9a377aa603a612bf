/* test-chinese.h: run part of a unit test as a Chinese reader, with the
 * translations built in BUILD/po ($CREDIT_BRIDGE_LOCALEDIR)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n.h>
#include <locale.h>

#include "bridge-text.h"

/* Switches gettext and the catalog's texts to Simplified Chinese; returns
 * the locale to give back to test_chinese_end (). */
static inline char *
test_chinese_begin (void)
{
  char *old_locale = g_strdup (setlocale (LC_ALL, NULL));
  const char *localedir = g_getenv ("CREDIT_BRIDGE_LOCALEDIR");

  if (localedir == NULL)
    g_error ("CREDIT_BRIDGE_LOCALEDIR is not set: run the test through meson test");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    g_error ("the zh_CN.UTF-8 locale is missing: generate it (locale-gen) to run this test");
  bridge_text_set_user_language ("zh");
  return old_locale;
}

static inline void
test_chinese_end (char *old_locale)
{
  setlocale (LC_ALL, old_locale);
  bridge_text_set_user_language ("en");
  g_free (old_locale);
}
