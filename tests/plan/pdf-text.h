/* pdf-text.h: a PDF read back as a person reads it, with poppler's tools
 * (pdftotext, pdfinfo), and kept as PNG to look at (pdftoppm)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <string.h>

/* Runs @argv and returns its standard output; fails the test when it fails. */
static inline char *
pdf_run (const char * const *argv)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static inline char *
pdf_page_text (const char *pdf,
               guint       page)
{
  g_autofree char *n = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", n, "-l", n, pdf, "-", NULL };

  return pdf_run (argv);
}

static inline guint
pdf_n_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = pdf_run (argv);
  const char *p = strstr (info, "Pages:");

  g_assert_nonnull (p);
  return (guint) g_ascii_strtoull (p + 6 + strspn (p + 6, " "), NULL, 10);
}

/* The text of every page of @pdf, one string. */
static inline char *
pdf_all_text (const char *pdf)
{
  GString *all = g_string_new (NULL);
  guint pages = pdf_n_pages (pdf);

  for (guint i = 1; i <= pages; i++)
    {
      g_autofree char *text = pdf_page_text (pdf, i);

      g_string_append (all, text);
    }
  return g_string_free (all, FALSE);
}

/* Pages as PNG in the build directory, to look at: BUILD/tests/plan/NAME-N.png. */
static inline void
pdf_keep_pngs (const char *pdf,
               const char *name)
{
  g_autofree char *prefix = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                              "plan", name, NULL);
  const char *argv[] = { "pdftoppm", "-r", "70", "-png", pdf, prefix, NULL };

  /* pdftoppm prints nothing; pdf_run () fails the test if it fails. */
  g_free (pdf_run (argv));
}
