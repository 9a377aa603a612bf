/* fuzz-main.c: runs a fuzzing harness on its seed corpus and on every case
 * the fuzzer found, without libFuzzer, as a g_test (one case per file)
 *
 *   fuzz-NAME-regress                 every file of corpus/NAME and regressions/NAME
 *   fuzz-NAME-regress FILE…           these files
 *
 * Linked with one harness (fuzz-NAME.c, which defines fuzz_harness). The
 * harness aborts when the reader breaks a promise. Files named valid-* must
 * be accepted and files named invalid-* refused; the others (what the fuzzer
 * kept) must only be handled without a crash, a leak or a broken promise.
 * Subfolders are not run; cases of bugs not fixed yet wait in pending/NAME
 * (see pending/README.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <string.h>

#include "fuzz-common.h"

static void
run_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GError) error = NULL;
  FuzzResult result;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  result = fuzz_harness.run ((const guint8 *) contents, len, &message);
  if (result == FUZZ_REFUSED)
    g_test_message ("%s: refused: %s", base, message);
  else
    g_test_message ("%s: accepted", base);

  if (g_str_has_prefix (base, "valid-"))
    {
      if (result != FUZZ_ACCEPTED)
        g_test_fail_printf ("%s is a valid %s input, but it was refused: %s", base, fuzz_harness.name, message);
    }
  else if (g_str_has_prefix (base, "invalid-"))
    {
      if (result != FUZZ_REFUSED)
        g_test_fail_printf ("%s is not a valid %s input, but it was accepted", base, fuzz_harness.name);
    }
}

/* Each case in a child process, so that one that aborts (a broken promise,
 * an ASan report) fails alone and the others still run. */
static void
run_file_trapped (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      run_file (data);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static guint
add_dir (const char *dir,
         const char *group,
         GPtrArray  *keep)
{
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  handle = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (name[0] != '.' && !g_str_has_suffix (name, ".md") && !g_file_test (child, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      char *path = g_build_filename (dir, file, NULL);
      g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s/%s", fuzz_harness.name, group, file);

      g_ptr_array_add (keep, path);
      g_test_add_data_func (test_path, path, run_file_trapped);
    }
  return names->len;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  int status;

  setlocale (LC_ALL, "");
  fuzz_harness.init ();
  g_test_init (&argc, &argv, NULL);

  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        {
          char *path = g_strdup (argv[i]);
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/given/%u-%s", fuzz_harness.name, (guint) i, base);

          g_ptr_array_add (paths, path);
          g_test_add_data_func (test_path, path, run_file);
        }
    }
  else
    {
      const char *srcdir = g_getenv ("G_TEST_SRCDIR");
      g_autofree char *corpus = NULL;
      g_autofree char *regressions = NULL;

      /* tests/meson.build sets G_TEST_SRCDIR to tests/. */
      g_assert_nonnull (srcdir);
      corpus = g_build_filename (srcdir, "fuzz", "corpus", fuzz_harness.name, NULL);
      regressions = g_build_filename (srcdir, "fuzz", "regressions", fuzz_harness.name, NULL);
      /* No silent skips: the seeds must be there, and the folder of
       * regressions too (it may be empty while the fuzzer found nothing). */
      g_assert_cmpuint (add_dir (corpus, "corpus", paths), >, 0);
      add_dir (regressions, "regressions", paths);
    }

  /* A failed case is reported and the next one runs. */
  g_test_set_nonfatal_assertions ();

  status = g_test_run ();
  return status;
}
