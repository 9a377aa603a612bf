/* bridge-file.c: writing a person's files whole or not at all
 *
 * Every file Credit Bridge writes for a person (plans, PDF, EWP XML and JSON
 * exports) goes through bridge_file_write (). g_file_replace_contents () is
 * not enough: it renames its temporary file over the target even when a
 * write failed (a full disk turned plans into empty files), follows a
 * symbolic link by rewriting the target in place, and leaves its
 * .goutputstream-XXXXXX file behind when the process is killed.
 *
 * Where the file system can (ext4, btrfs, xfs, tmpfs), the new contents go
 * to an anonymous O_TMPFILE in the target's folder, which vanishes by itself
 * if the process dies; it gets a name only once it is whole and on the disk,
 * just before the rename. Elsewhere a temporary file created with O_EXCL
 * takes its place and is removed on every error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-file"
/* O_TMPFILE and linkat () */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bridge-file.h"

/* Symbolic links followed before giving up, as the kernel does (ELOOP). */
#define MAX_LINKS 40
/* Attempts at a free temporary name before giving up. */
#define MAX_NAME_TRIES 100

static gboolean
fail (GError     **error,
      const char  *path,
      int          err,
      gboolean     existed)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *message = NULL;
  const char *hint = NULL;

  if (existed)
    /* Translators: “Could not write plan.creditplan: No space left on device; …” */
    message = g_strdup_printf (_("Could not write %s: %s; the file was not changed."),
                               display, g_strerror (err));
  else
    message = g_strdup_printf (_("Could not write %s: %s; no file was written."),
                               display, g_strerror (err));
  if (err == ENOSPC || err == EDQUOT)
    hint = _("Free some space on that disk, or choose another folder, and try again.");
  else if (err == EACCES || err == EPERM || err == EROFS)
    hint = _("Choose a folder you may write to and try again.");
  if (hint != NULL)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (err), "%s %s", message, hint);
  else
    g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (err), message);
  return FALSE;
}

/* The file @path names after its symbolic links, which need not exist; NULL
 * with *err set when a link cannot be read or they go round in a loop. */
static char *
resolve_links (const char *path,
               int        *err)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops <= MAX_LINKS; hops++)
    {
      struct stat st;
      char target[4096];
      gssize n;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      n = readlink (current, target, sizeof target - 1);
      if (n < 0)
        {
          *err = errno;
          return NULL;
        }
      target[n] = '\0';
      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_strdup (target);
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
    }
  *err = ELOOP;
  return NULL;
}

/* A name for a temporary file in @dir that does not exist yet (probably). */
static char *
temp_name (const char *dir)
{
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  char suffix[9];

  for (guint i = 0; i < 8; i++)
    suffix[i] = letters[g_random_int_range (0, sizeof letters - 1)];
  suffix[8] = '\0';
  return g_strdup_printf ("%s/.credit-bridge-save-%s", dir, suffix);
}

/* Writes all of @contents to @fd, gives it the mode and owner of the file it
 * replaces (@old, NULL for a new file), and flushes it to the disk. */
static gboolean
fill (int                fd,
      const char        *contents,
      gsize              length,
      const struct stat *old,
      int               *err)
{
  while (length > 0)
    {
      gssize n = write (fd, contents, MIN (length, (gsize) G_MAXINT32));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          *err = n < 0 ? errno : ENOSPC;
          return FALSE;
        }
      contents += n;
      length -= (gsize) n;
    }
  if (old != NULL)
    {
      /* Only root may give a file away; a file of someone else's becomes ours,
       * as a copy would. */
      if (fchown (fd, old->st_uid, old->st_gid) != 0)
        errno = 0;
      if (fchmod (fd, old->st_mode & 07777) != 0)
        {
          *err = errno;
          return FALSE;
        }
    }
  if (fsync (fd) != 0)
    {
      *err = errno;
      return FALSE;
    }
  return TRUE;
}

/* Gives the anonymous file @fd a temporary name in @dir. NULL with *err set
 * on failure; ENOENT means /proc is missing and a named file must do. */
static char *
link_anonymous (int         fd,
                const char *dir,
                int        *err)
{
  char proc[64];

  g_snprintf (proc, sizeof proc, "/proc/self/fd/%d", fd);
  for (guint tries = 0; tries < MAX_NAME_TRIES; tries++)
    {
      g_autofree char *name = temp_name (dir);

      if (linkat (AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0)
        return g_steal_pointer (&name);
      if (errno != EEXIST)
        {
          *err = errno;
          return NULL;
        }
    }
  *err = EEXIST;
  return NULL;
}

/* Writes @contents to a new anonymous file in @dir and names it: the name,
 * or NULL with *err set, where EOPNOTSUPP says to use a named file instead. */
static char *
write_anonymous (const char        *dir,
                 const char        *contents,
                 gsize              length,
                 const struct stat *old,
                 int               *err)
{
  g_autofree char *name = NULL;
  int fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);

  if (fd < 0)
    {
      /* Older kernels say EISDIR, file systems without it EOPNOTSUPP. */
      *err = errno == EISDIR || errno == EINVAL ? EOPNOTSUPP : errno;
      return NULL;
    }
  if (fill (fd, contents, length, old, err))
    {
      name = link_anonymous (fd, dir, err);
      if (name == NULL && *err == ENOENT)
        *err = EOPNOTSUPP;
    }
  if (close (fd) != 0 && name != NULL)
    {
      *err = errno;
      g_unlink (name);
      g_clear_pointer (&name, g_free);
    }
  return g_steal_pointer (&name);
}

/* The same with a named file created with O_EXCL, removed on failure. */
static char *
write_named (const char        *dir,
             const char        *contents,
             gsize              length,
             const struct stat *old,
             int               *err)
{
  g_autofree char *name = NULL;
  int fd = -1;
  gboolean ok;

  for (guint tries = 0; fd < 0 && tries < MAX_NAME_TRIES; tries++)
    {
      g_free (name);
      name = temp_name (dir);
      fd = open (name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd < 0 && errno != EEXIST)
        {
          *err = errno;
          return NULL;
        }
    }
  if (fd < 0)
    {
      *err = EEXIST;
      return NULL;
    }
  ok = fill (fd, contents, length, old, err);
  if (close (fd) != 0 && ok)
    {
      *err = errno;
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (name);
      return NULL;
    }
  return g_steal_pointer (&name);
}

/* So that the rename itself survives a power cut; a failure here changes
 * nothing, the file is already in place. */
static void
sync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
bridge_file_write (const char  *path,
                   const char  *contents,
                   gsize        length,
                   GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *temp = NULL;
  struct stat st;
  gboolean existed;
  int err = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  if (contents == NULL)
    contents = "";
  target = resolve_links (path, &err);
  if (target == NULL)
    return fail (error, path, err, TRUE);
  existed = lstat (target, &st) == 0;
  if (!existed && errno != ENOENT)
    return fail (error, path, errno, FALSE);
  if (existed && S_ISDIR (st.st_mode))
    return fail (error, path, EISDIR, TRUE);
  if (existed && !S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not write %s: it is not a regular file; it was not changed. "
                     "Choose another name."),
                   display);
      return FALSE;
    }

  dir = g_path_get_dirname (target);
  temp = write_anonymous (dir, contents, length, existed ? &st : NULL, &err);
  if (temp == NULL && err == EOPNOTSUPP)
    temp = write_named (dir, contents, length, existed ? &st : NULL, &err);
  if (temp == NULL)
    return fail (error, path, err, existed);
  if (rename (temp, target) != 0)
    {
      err = errno;
      g_unlink (temp);
      return fail (error, path, err, existed);
    }
  sync_dir (dir);
  return TRUE;
}

gboolean
bridge_file_is_same (const char *a,
                     const char *b)
{
  struct stat sa, sb;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return stat (a, &sa) == 0 && stat (b, &sb) == 0
         && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
