/* fuzz-common.c: what the fuzzing harnesses share (see fuzz-common.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

void
fuzz_oracle_fail (const char *file,
                  int         line,
                  const char *cond,
                  const char *format,
                  ...)
{
  g_autofree char *base = g_path_get_basename (file);
  va_list args;

  fprintf (stderr, "%s:%d: broken promise (%s): ", base, line, cond);
  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

gboolean
fuzz_known (const char *tag)
{
  static char **known = NULL;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autofree char *upper = g_ascii_strup (fuzz_harness.name, -1);
      g_autofree char *variable = g_strdup_printf ("FUZZ_%s_KNOWN", upper);
      const char *env = g_getenv (variable);

      known = g_strsplit (env ? env : "", ",", -1);
      g_once_init_leave (&done, 1);
    }
  return g_strv_contains ((const char * const *) known, tag);
}

static GLogWriterOutput
fatal_writer (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      fprintf (stderr, "fuzz-%s: a warning or critical was logged; that is a bug\n", fuzz_harness.name);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

void
fuzz_init_logging (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_log_set_writer_func (fatal_writer, NULL, NULL);
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      g_once_init_leave (&done, 1);
    }
}

void
fuzz_check_error (const GError *error,
                  GQuark        domain,
                  const char   *what)
{
  ORACLE (error != NULL, "%s: failure without an error", what);
  ORACLE (error->domain == domain, "%s: an error of %s (%d), not of %s: %s", what,
          g_quark_to_string (error->domain), error->code, g_quark_to_string (domain), error->message);
  ORACLE (error->message != NULL && *error->message != '\0', "%s: an empty error message", what);
  ORACLE (g_utf8_validate (error->message, -1, NULL), "%s: the error message is not valid UTF-8: %s", what, error->message);
}

guint
fuzz_nesting (const guint8 *data,
              gsize         size,
              gboolean      xml)
{
  gboolean in_string = FALSE;
  guint depth = 0, deepest = 0;

  for (gsize i = 0; i < size; i++)
    {
      guint8 c = data[i];

      if (xml)
        {
          if (c == '<' && i + 1 < size && data[i + 1] == '/')
            depth = depth > 0 ? depth - 1 : 0;
          else if (c == '<' && i + 1 < size && data[i + 1] != '?' && data[i + 1] != '!')
            depth++;
          else if (c == '>' && i > 0 && data[i - 1] == '/')
            depth = depth > 0 ? depth - 1 : 0;
        }
      else if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        depth++;
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
      deepest = MAX (deepest, depth);
    }
  return deepest;
}

/* libFuzzer's entry points, for whichever harness is linked in. */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_harness.init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  fuzz_harness.run (data, size, NULL);
  return 0;
}
