/* bridge-plan-draft.c: the plan being edited, kept for after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan-draft"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bridge-file.h"
#include "bridge-plan-draft.h"

#define DRAFT_NAME  "draft.creditplan"
#define ORIGIN_NAME "draft.ini"
#define GROUP       "Draft"

char *
bridge_plan_draft_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "credit-bridge", "drafts", NULL);
}

char *
bridge_plan_draft_get_path (const char *dir)
{
  g_return_val_if_fail (dir != NULL, NULL);
  return g_build_filename (dir, DRAFT_NAME, NULL);
}

gboolean
bridge_plan_draft_save (BridgePlan  *plan,
                        const char  *dir,
                        const char  *origin,
                        GError     **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = NULL;
  g_autofree char *origin_path = NULL;
  g_autofree char *data = NULL;
  g_autofree char *ini = NULL;
  gsize length;

  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a folder, then the reason */
                   _("Could not make the drafts folder %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  /* The one atomic writer (temporary file, fsync, rename): a crash while
   * writing leaves the previous draft whole. The plan stays modified. */
  path = bridge_plan_draft_get_path (dir);
  data = bridge_plan_to_data (plan, &length);
  if (!bridge_file_write (path, data, length, error))
    return FALSE;

  if (origin != NULL)
    g_key_file_set_string (keys, GROUP, "origin", origin);
  else
    g_key_file_set_string (keys, GROUP, "origin", "");
  ini = g_key_file_to_data (keys, &length, NULL);
  origin_path = g_build_filename (dir, ORIGIN_NAME, NULL);
  return bridge_file_write (origin_path, ini, length, error);
}

gboolean
bridge_plan_draft_exists (const char *dir)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);

  path = bridge_plan_draft_get_path (dir);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

BridgePlan *
bridge_plan_draft_load (const char  *dir,
                        char       **origin,
                        GError     **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(BridgePlan) plan = NULL;
  g_autofree char *path = NULL;
  g_autofree char *origin_path = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (dir != NULL, NULL);

  if (origin != NULL)
    *origin = NULL;
  path = bridge_plan_draft_get_path (dir);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no draft to restore"));
      return NULL;
    }
  plan = bridge_plan_new_from_file (path, error);
  if (plan == NULL)
    return NULL;
  bridge_plan_set_modified (plan, TRUE);

  /* Without its origin a draft is still the work: a plan not saved yet. */
  origin_path = g_build_filename (dir, ORIGIN_NAME, NULL);
  if (g_key_file_load_from_file (keys, origin_path, G_KEY_FILE_NONE, NULL))
    value = g_key_file_get_string (keys, GROUP, "origin", NULL);
  if (origin != NULL && value != NULL && *value != '\0')
    *origin = g_steal_pointer (&value);
  return g_steal_pointer (&plan);
}

static gboolean
remove_file (const char  *path,
             GError     **error)
{
  if (g_remove (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: %s is a file, then the reason */
                   _("Could not remove the draft %s: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
bridge_plan_draft_discard (const char  *dir,
                           GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *origin_path = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);

  path = bridge_plan_draft_get_path (dir);
  origin_path = g_build_filename (dir, ORIGIN_NAME, NULL);
  /* The plan first: without it there is no draft to offer. */
  return remove_file (path, error) && remove_file (origin_path, error);
}
