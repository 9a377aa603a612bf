/* fuzz-common.h: what every fuzzing harness here shares, with libFuzzer and
 * with the plain regression runner (fuzz-main.c)
 *
 * A harness is one reader: the feed (fuzz-feed.c), the plan file
 * (fuzz-plan.c), the EWP learning agreement (fuzz-ewp.c) and the grade CSV
 * files (fuzz-csv.c). Each defines `fuzz_harness`, which libFuzzer's entry
 * points here and the regression runner call.
 * A broken promise aborts (ORACLE), so that libFuzzer reports it as a crash
 * and the regression runner as a failed case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  FUZZ_REFUSED,
  FUZZ_ACCEPTED,
} FuzzResult;

typedef struct
{
  /* "feed", "plan", "ewp", "csv": the test paths (/fuzz/NAME/…), the folders
   * corpus/NAME and regressions/NAME, and FUZZ_NAME_KNOWN. */
  const char *name;
  /* Once per process, before the first input. Idempotent. */
  void       (*init) (void);
  /* Reads one input; aborts on a broken promise. On refusal, @message (may
   * be NULL) receives the reader's error message. */
  FuzzResult (*run)  (const guint8  *data,
                      gsize          size,
                      char         **message);
} FuzzHarness;

/* Defined by each harness. */
extern const FuzzHarness fuzz_harness;

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);
int LLVMFuzzerInitialize   (int    *argc,
                            char ***argv);

#define ORACLE(cond, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      fuzz_oracle_fail (__FILE__, __LINE__, #cond, __VA_ARGS__); \
  } G_STMT_END

/* A promise known to be broken, named by @tag: while FUZZ_NAME_KNOWN (NAME
 * the harness's name in capitals; a comma-separated list of tags) names it,
 * it is tolerated, so that a long fuzzing run can look for other bugs before
 * this one is fixed. The regression runner never sets it. */
#define ORACLE_KNOWN(tag, cond, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond)) && !fuzz_known (tag)) \
      fuzz_oracle_fail (__FILE__, __LINE__, #cond, __VA_ARGS__); \
  } G_STMT_END

void     fuzz_oracle_fail (const char *file,
                           int         line,
                           const char *cond,
                           const char *format,
                           ...) G_GNUC_PRINTF (4, 5) G_GNUC_NORETURN;
gboolean fuzz_known       (const char *tag);

/* Makes warnings and criticals abort, and the locale C.UTF-8. Idempotent. */
void     fuzz_init_logging (void);

/* What every refusal promises: an error of @domain, with a message a person
 * can read (not empty, valid UTF-8). @what says whose. */
void     fuzz_check_error (const GError *error,
                           GQuark        domain,
                           const char   *what);

/* The deepest nesting of [ and { in @data (outside JSON strings), or of
 * XML elements when @xml; used to step over known stack overflows. */
guint    fuzz_nesting     (const guint8 *data,
                           gsize         size,
                           gboolean      xml);

G_END_DECLS
