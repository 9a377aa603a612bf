/* bridge-validate.h: the rules a value of a learning agreement follows
 *
 * One rule, once: the plan's setters refuse what breaks these rules, the
 * plan's readiness check (bridge_plan_check_ready ()) lists what breaks them,
 * and the exports refuse what would not be valid. The window and the command
 * line show the messages; they never check a value themselves.
 *
 * Each bridge_validate_* () but bridge_validate_chars () lets NULL and ""
 * pass (a value not given: whether it is required is the readiness check's
 * business) and fails with BRIDGE_ERROR_INVALID_INPUT and a translated
 * sentence that names @field (a translated label, "Date of birth") and says
 * what a valid value looks like.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when @text is valid UTF-8 without control characters (but tab, line
 * feed and carriage return when @multiline) and without Unicode
 * noncharacters (U+FDD0–U+FDEF and U+nFFFE, U+nFFFF): what XML 1.0, a PDF
 * and a terminal can all carry. *@bad gets the first character that is not
 * (0xFFFD for bytes that are not UTF-8). */
gboolean bridge_validate_chars         (const char  *text,
                                        gboolean     multiline,
                                        gunichar    *bad);

/* A one-line text (a name, a position): no control character, no noncharacter. */
gboolean bridge_validate_text          (const char  *field,
                                        const char  *value,
                                        GError     **error);
/* A text of several lines (provisions, comments, reasons). */
gboolean bridge_validate_multiline     (const char  *field,
                                        const char  *value,
                                        GError     **error);
gboolean bridge_validate_email         (const char  *field,
                                        const char  *value,
                                        GError     **error);
/* A calendar date written YYYY-MM-DD. */
gboolean bridge_validate_date          (const char  *field,
                                        const char  *value,
                                        GError     **error);
/* "2026/2027": two years that follow each other. */
gboolean bridge_validate_academic_year (const char  *field,
                                        const char  *value,
                                        GError     **error);
/* An ISO 3166-1 alpha-2 code in use (either case: "CN", "cn"). */
gboolean bridge_validate_country       (const char  *field,
                                        const char  *value,
                                        GError     **error);
/* A CEFR level, A1 to C2, or NS (native speaker) as EWP allows; either case. */
gboolean bridge_validate_cefr          (const char  *field,
                                        const char  *value,
                                        GError     **error);
/* An ISCED-F 2013 field of education: a broad field (2 digits), a narrow
 * (3) or a detailed one (4), starting with a broad field that exists. */
gboolean bridge_validate_isced         (const char  *field,
                                        const char  *value,
                                        GError     **error);
/* A well-formed BCP 47 language tag ("en", "zh-Hans-CN"). */
gboolean bridge_validate_language      (const char  *field,
                                        const char  *value,
                                        GError     **error);
/* ISO/IEC 5218: 0, 1, 2 or 9. */
gboolean bridge_validate_gender        (const char  *field,
                                        const char  *value,
                                        GError     **error);
/* A date and time in ISO 8601 as GLib reads it ("2026-09-01T10:00:00Z"),
 * such as the time of an approval. */
gboolean bridge_validate_timestamp     (const char  *field,
                                        const char  *value,
                                        GError     **error);

/* The broad fields of ISCED-F 2013, for choosing a programme, in the order of
 * their codes; 99 (field unknown) is valid in a code but no field. */
typedef struct
{
  const char *code;                       /* "06" */
  const char *label;                      /* untranslated: pass through _() */
} BridgeIscedField;

guint                   bridge_isced_get_n_fields (void);
const BridgeIscedField *bridge_isced_get_field    (guint       index);
/* The translated name of the broad field of @isced ("0613" → ICT), or NULL. */
const char             *bridge_isced_get_label    (const char *isced);

G_END_DECLS
