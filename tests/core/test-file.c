/* test-file.c: bridge_file_write () writes a file whole or leaves the old one
 *
 * The full disk is a real one: a 1 MB tmpfs, mounted in a mount namespace of
 * the test's own (CI runs as root); where it cannot be mounted the test says
 * why and is skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <locale.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bridge-file.h"

typedef struct
{
  char *dir;
} Fixture;

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("bridge-file-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  remove_tree (fx->dir);
  g_free (fx->dir);
}

static char *
path_in (Fixture    *fx,
         const char *name)
{
  return g_build_filename (fx->dir, name, NULL);
}

static void
write_old (const char *path,
           const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static void
assert_contents (const char *path,
                 const char *expected,
                 gsize       length)
{
  g_autofree char *contents = NULL;
  gsize got;

  g_assert_true (g_file_get_contents (path, &contents, &got, NULL));
  g_assert_cmpmem (contents, got, expected, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The names in @dir, sorted, joined by spaces: what `ls -A` shows. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_new_and_replace (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = path_in (fx, "plan.creditplan");
  g_autofree char *listing = NULL;
  GStatBuf st1, st2;

  g_assert_true (bridge_file_write (path, "first\n", 6, &error));
  g_assert_no_error (error);
  assert_contents (path, "first\n", 6);
  g_assert_cmpint (g_stat (path, &st1), ==, 0);
  g_assert_cmpint (st1.st_mode & 0777, ==, 0644);       /* 0666 less the umask 022 */

  /* A replacement is a new file renamed over the old one, with its mode. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (bridge_file_write (path, "second\n", 7, &error));
  g_assert_no_error (error);
  assert_contents (path, "second\n", 7);
  g_assert_cmpint (g_stat (path, &st2), ==, 0);
  g_assert_cmpuint (st1.st_ino, !=, st2.st_ino);
  g_assert_cmpint (st2.st_mode & 0777, ==, 0640);

  /* Empty contents make an empty file. */
  g_assert_true (bridge_file_write (path, "", 0, &error));
  g_assert_no_error (error);
  assert_contents (path, "", 0);

  listing = list_dir (fx->dir);
  g_assert_cmpstr (listing, ==, "plan.creditplan");
}

static void
test_symlink (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *real_dir = path_in (fx, "real");
  g_autofree char *link_dir = path_in (fx, "links");
  g_autofree char *real = g_build_filename (real_dir, "plan.creditplan", NULL);
  g_autofree char *link = g_build_filename (link_dir, "plan.creditplan", NULL);
  g_autofree char *chain = g_build_filename (link_dir, "chain.creditplan", NULL);
  g_autofree char *dangling = g_build_filename (link_dir, "new.creditplan", NULL);
  g_autofree char *l1 = NULL, *l2 = NULL, *listing = NULL;
  GStatBuf st, before, after;

  g_assert_cmpint (g_mkdir (real_dir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (link_dir, 0755), ==, 0);
  write_old (real, "old\n");
  g_assert_cmpint (symlink ("../real/plan.creditplan", link), ==, 0);   /* relative */
  g_assert_cmpint (symlink (link, chain), ==, 0);                       /* absolute, to a link */

  /* Through a link: the target gets the contents by a rename (a new inode,
   * not a rewrite in place), the link stays a link. */
  g_assert_cmpint (g_stat (real, &before), ==, 0);
  g_assert_true (bridge_file_write (link, "new\n", 4, &error));
  g_assert_no_error (error);
  assert_contents (real, "new\n", 4);
  g_assert_cmpint (g_stat (real, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  l1 = g_file_read_link (link, NULL);
  g_assert_cmpstr (l1, ==, "../real/plan.creditplan");

  g_assert_true (bridge_file_write (chain, "newer\n", 6, &error));
  g_assert_no_error (error);
  assert_contents (real, "newer\n", 6);
  g_assert_cmpint (g_lstat (chain, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));

  /* A link to a file not there yet creates the file it names. */
  g_assert_cmpint (symlink ("../real/new.creditplan", dangling), ==, 0);
  g_assert_true (bridge_file_write (dangling, "x", 1, &error));
  g_assert_no_error (error);
  l2 = g_build_filename (real_dir, "new.creditplan", NULL);
  assert_contents (l2, "x", 1);
  g_assert_cmpint (g_lstat (dangling, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));

  /* No temporary file beside the links or the targets. */
  listing = list_dir (link_dir);
  g_assert_cmpstr (listing, ==, "chain.creditplan new.creditplan plan.creditplan");
  g_free (listing);
  listing = list_dir (real_dir);
  g_assert_cmpstr (listing, ==, "new.creditplan plan.creditplan");
}

static void
test_symlink_loop (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = path_in (fx, "a.creditplan");
  g_autofree char *b = path_in (fx, "b.creditplan");
  g_autofree char *listing = NULL;

  g_assert_cmpint (symlink ("b.creditplan", a), ==, 0);
  g_assert_cmpint (symlink ("a.creditplan", b), ==, 0);
  g_assert_false (bridge_file_write (a, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_assert_nonnull (strstr (error->message, "a.creditplan"));
  g_assert_nonnull (strstr (error->message, "not changed"));
  listing = list_dir (fx->dir);
  g_assert_cmpstr (listing, ==, "a.creditplan b.creditplan");
}

static void
test_not_a_file (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sub = path_in (fx, "taken.creditplan");
  g_autofree char *fifo = path_in (fx, "fifo.creditplan");
  g_autofree char *missing = g_build_filename (fx->dir, "no-such-folder", "x.creditplan", NULL);
  g_autofree char *listing = NULL;

  /* A folder in the way stays a folder. */
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_false (bridge_file_write (sub, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "taken.creditplan"));
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);

  /* So does a named pipe (writing into it would block). */
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_false (bridge_file_write (fifo, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "fifo.creditplan"));
  g_clear_error (&error);

  /* A folder that does not exist: nothing is written, and the message says so. */
  g_assert_false (bridge_file_write (missing, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "x.creditplan"));
  g_assert_nonnull (strstr (error->message, "no file was written"));

  listing = list_dir (fx->dir);
  g_assert_cmpstr (listing, ==, "fifo.creditplan taken.creditplan");
}

/* Mounts a 1 MB tmpfs on @dir, in a mount namespace of this process when it
 * can make one, so that nothing outlives the test. FALSE with the reason. */
static gboolean
mount_small_tmpfs (const char  *dir,
                   char       **reason)
{
  if (unshare (CLONE_NEWNS) == 0)
    mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
  if (mount ("tmpfs", dir, "tmpfs", 0, "size=1m,mode=0755") != 0)
    {
      *reason = g_strdup_printf ("cannot mount a 1 MB tmpfs on %s to fill it up: %s "
                                 "(the test needs root or CAP_SYS_ADMIN, as in CI)",
                                 dir, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

/* Fills the file system of @dir: what is left is less than a page. */
static void
fill_up (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);
  char block[4096] = { 0 };
  int fd = open (path, O_WRONLY | O_CREAT | O_EXCL, 0644);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);
}

static void
test_full_disk (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mnt = path_in (fx, "full");
  g_autofree char *path = NULL, *fresh = NULL, *reason = NULL, *listing = NULL;
  g_autofree char *old = NULL, *big = NULL;
  gsize old_length = 20000, big_length = 200000;

  g_assert_cmpint (g_mkdir (mnt, 0755), ==, 0);
  if (!mount_small_tmpfs (mnt, &reason))
    {
      g_test_skip (reason);
      return;
    }
  path = g_build_filename (mnt, "plan.creditplan", NULL);
  fresh = g_build_filename (mnt, "new.pdf", NULL);
  old = g_malloc (old_length);
  for (gsize i = 0; i < old_length; i++)
    old[i] = "old plan\n"[i % 9];
  g_assert_true (bridge_file_write (path, old, old_length, &error));
  g_assert_no_error (error);
  fill_up (mnt);

  /* The save fails, the old file is there byte for byte, and the message says so. */
  big = g_malloc0 (big_length);
  g_assert_false (bridge_file_write (path, big, big_length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "plan.creditplan"));
  g_assert_nonnull (strstr (error->message, "the file was not changed"));
  g_assert_nonnull (strstr (error->message, "Free some space"));
  assert_contents (path, old, old_length);
  g_clear_error (&error);

  /* A new file on a full disk is not created at all. */
  g_assert_false (bridge_file_write (fresh, big, big_length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "no file was written"));
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  listing = list_dir (mnt);
  g_assert_cmpstr (listing, ==, "filler plan.creditplan");
  g_assert_cmpint (umount2 (mnt, MNT_DETACH), ==, 0);
}

/* A save killed half way (here by the kernel: SIGXFSZ past a file size
 * limit of 64 KB) leaves the old file and nothing else. */
static void
test_killed (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *path = path_in (fx, "plan.creditplan");
  g_autofree char *listing = NULL;
  int status = 0;
  pid_t pid;

  write_old (path, "old\n");
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit no_core = { 0, 0 };
      struct rlimit small = { 64 * 1024, 64 * 1024 };
      gsize length = 1024 * 1024;
      char *big = g_malloc0 (length);

      setrlimit (RLIMIT_CORE, &no_core);
      setrlimit (RLIMIT_FSIZE, &small);
      bridge_file_write (path, big, length, NULL);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGXFSZ);

  assert_contents (path, "old\n", 4);
  listing = list_dir (fx->dir);
  g_assert_cmpstr (listing, ==, "plan.creditplan");
}

static void
test_is_same (Fixture       *fx,
              gconstpointer  data)
{
  g_autofree char *a = path_in (fx, "plan.creditplan");
  g_autofree char *b = path_in (fx, "other.creditplan");
  g_autofree char *sym = path_in (fx, "sym.creditplan");
  g_autofree char *hard = path_in (fx, "hard.creditplan");
  g_autofree char *dotted = g_build_filename (fx->dir, ".", "plan.creditplan", NULL);
  g_autofree char *missing = path_in (fx, "missing.pdf");

  write_old (a, "a");
  write_old (b, "a");
  g_assert_cmpint (symlink (a, sym), ==, 0);
  g_assert_cmpint (link (a, hard), ==, 0);

  g_assert_true (bridge_file_is_same (a, a));
  g_assert_true (bridge_file_is_same (a, dotted));
  g_assert_true (bridge_file_is_same (a, sym));
  g_assert_true (bridge_file_is_same (hard, a));
  g_assert_false (bridge_file_is_same (a, b));
  g_assert_false (bridge_file_is_same (a, missing));
  g_assert_false (bridge_file_is_same (missing, missing));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  umask (022);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/file/new-and-replace", test_new_and_replace);
  ADD ("/file/symlink", test_symlink);
  ADD ("/file/symlink-loop", test_symlink_loop);
  ADD ("/file/not-a-file", test_not_a_file);
  ADD ("/file/full-disk", test_full_disk);
  ADD ("/file/killed", test_killed);
  ADD ("/file/is-same", test_is_same);
#undef ADD

  return g_test_run ();
}
