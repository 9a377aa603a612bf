/* bridge-validate.c: the rules a value of a learning agreement follows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-validate"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-validate.h"

/* ISO 3166-1 alpha-2, the 249 codes assigned (as Debian's iso-codes 4.15
 * lists them), sorted, and XK: Kosovo, user-assigned, which the European
 * Commission and Erasmus+ use. */
static const char countries[] =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ "
  "BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
  "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS "
  "GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
  "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ "
  "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
  "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
  "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
  "VN VU WF WS XK YE YT ZA ZM ZW";

static const BridgeIscedField isced_fields[] = {
  { "00", N_("Generic programmes") },
  { "01", N_("Education") },
  { "02", N_("Arts and humanities") },
  { "03", N_("Social sciences, journalism and information") },
  { "04", N_("Business, administration and law") },
  { "05", N_("Natural sciences, mathematics and statistics") },
  { "06", N_("Information and communication technologies") },
  { "07", N_("Engineering, manufacturing and construction") },
  { "08", N_("Agriculture, forestry, fisheries and veterinary") },
  { "09", N_("Health and welfare") },
  { "10", N_("Services") },
};

/* ISCED-F's broad field 99, field unknown: a code, but no field to choose. */
#define ISCED_FIELD_UNKNOWN "99"

/* The broad field @isced starts with (its first two characters), or NULL. */
static const BridgeIscedField *
find_isced_field (const char *isced)
{
  if (isced == NULL || strlen (isced) < 2)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (isced_fields); i++)
    if (strncmp (isced, isced_fields[i].code, 2) == 0)
      return &isced_fields[i];
  return NULL;
}

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT, message);
  return FALSE;
}

static gboolean
is_empty (const char *value)
{
  return value == NULL || value[0] == '\0';
}

static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

gboolean
bridge_validate_chars (const char *text,
                       gboolean    multiline,
                       gunichar   *bad)
{
  const char *end;

  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, &end))
    {
      if (bad != NULL)
        *bad = 0xFFFD;
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);

      if (multiline && (c == '\t' || c == '\n' || c == '\r'))
        control = FALSE;
      if (control || is_noncharacter (c))
        {
          if (bad != NULL)
            *bad = c;
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
validate_chars (const char  *field,
                const char  *value,
                gboolean     multiline,
                GError     **error)
{
  gunichar bad;

  if (bridge_validate_chars (value, multiline, &bad))
    return TRUE;
  if (bad == 0xFFFD)
    return invalid (error, _("%s is not valid UTF-8 text; type it again"), field);
  /* Translators: a field, then a character code such as U+FFFE */
  return invalid (error, _("%s contains the invisible character U+%04X, which an agreement cannot carry; "
                           "delete it and type the text again"), field, bad);
}

/* The checks every coded value starts with. TRUE when @value needs its own
 * check next; else *@valid says what it is: empty, so valid, or holding a
 * character a line may not (FALSE, with @error). */
static gboolean
needs_own_check (const char  *field,
                 const char  *value,
                 gboolean    *valid,
                 GError     **error)
{
  if (is_empty (value))
    {
      *valid = TRUE;
      return FALSE;
    }
  *valid = validate_chars (field, value, FALSE, error);
  return *valid;
}

gboolean
bridge_validate_text (const char  *field,
                      const char  *value,
                      GError     **error)
{
  return validate_chars (field, value, FALSE, error);
}

gboolean
bridge_validate_multiline (const char  *field,
                           const char  *value,
                           GError     **error)
{
  return validate_chars (field, value, TRUE, error);
}

gboolean
bridge_validate_email (const char  *field,
                       const char  *value,
                       GError     **error)
{
  gboolean valid;
  const char *at;
  g_auto(GStrv) labels = NULL;
  gboolean ok;

  if (!needs_own_check (field, value, &valid, error))
    return valid;
  at = strchr (value, '@');
  ok = at != NULL && at != value && strchr (at + 1, '@') == NULL
       && strpbrk (value, " \t,;:<>()[]\\\"") == NULL;
  if (ok)
    {
      labels = g_strsplit (at + 1, ".", -1);
      ok = g_strv_length (labels) >= 2;
      for (guint i = 0; ok && labels[i] != NULL; i++)
        ok = labels[i][0] != '\0';
    }
  if (!ok)
    /* Translators: a field, then what was typed */
    return invalid (error, _("%s: “%s” is not an email address; write it as name@example.edu.cn"),
                    field, value);
  return TRUE;
}

/* YYYY-MM-DD of a real day; fills @y, @m, @d. */
static gboolean
parse_date (const char *value,
            int        *y,
            int        *m,
            int        *d)
{
  char tail;

  return strlen (value) == 10 && value[4] == '-' && value[7] == '-'
         && strspn (value, "0123456789-") == 10
         && sscanf (value, "%4d-%2d-%2d%c", y, m, d, &tail) == 3
         && *y >= 1 && g_date_valid_dmy (*d, *m, *y);
}

gboolean
bridge_validate_date (const char  *field,
                      const char  *value,
                      GError     **error)
{
  gboolean valid;
  int y, m, d;

  if (!needs_own_check (field, value, &valid, error))
    return valid;
  if (!parse_date (value, &y, &m, &d))
    return invalid (error, _("%s: “%s” is not a date; write it as YYYY-MM-DD, for example 2026-09-01"),
                    field, value);
  return TRUE;
}

gboolean
bridge_validate_academic_year (const char  *field,
                               const char  *value,
                               GError     **error)
{
  gboolean valid;
  int first, second;
  char tail;

  if (!needs_own_check (field, value, &valid, error))
    return valid;
  if (strlen (value) != 9 || strspn (value, "0123456789/") != 9
      || sscanf (value, "%4d/%4d%c", &first, &second, &tail) != 2 || second != first + 1)
    return invalid (error, _("%s: “%s” is not an academic year; write its two years, for example 2026/2027"),
                    field, value);
  return TRUE;
}

gboolean
bridge_validate_country (const char  *field,
                         const char  *value,
                         GError     **error)
{
  gboolean valid;
  char code[3];
  gboolean found = FALSE;

  if (!needs_own_check (field, value, &valid, error))
    return valid;
  if (strlen (value) == 2 && g_ascii_isalpha (value[0]) && g_ascii_isalpha (value[1]))
    {
      code[0] = g_ascii_toupper (value[0]);
      code[1] = g_ascii_toupper (value[1]);
      code[2] = '\0';
      for (const char *p = countries; *p != '\0' && !found; p += p[2] != '\0' ? 3 : 2)
        found = p[0] == code[0] && p[1] == code[1];
    }
  if (!found)
    return invalid (error, _("%s: “%s” is not a country code of ISO 3166; write the two letters, "
                             "for example CN for China or DE for Germany"), field, value);
  return TRUE;
}

gboolean
bridge_validate_cefr (const char  *field,
                      const char  *value,
                      GError     **error)
{
  gboolean valid;

  if (!needs_own_check (field, value, &valid, error))
    return valid;
  if (!(strlen (value) == 2
        && ((strchr ("ABC", g_ascii_toupper (value[0])) && strchr ("12", value[1]))
            || g_ascii_strcasecmp (value, "NS") == 0)))
    return invalid (error, _("%s: “%s” is not a CEFR level; choose one of A1, A2, B1, B2, C1 and C2"),
                    field, value);
  return TRUE;
}

gboolean
bridge_validate_isced (const char  *field,
                       const char  *value,
                       GError     **error)
{
  gboolean valid;
  gsize len;
  gboolean ok = FALSE;

  if (!needs_own_check (field, value, &valid, error))
    return valid;
  len = strlen (value);
  if (len >= 2 && len <= 4 && strspn (value, "0123456789") == len)
    ok = find_isced_field (value) != NULL || strncmp (value, ISCED_FIELD_UNKNOWN, 2) == 0;
  if (!ok)
    return invalid (error, _("%s: “%s” is not an ISCED-F 2013 code; write the 2 to 4 digits of the "
                             "field of education, for example 0613 for software development"),
                    field, value);
  return TRUE;
}

static gboolean
all_of (const char *s,
        gsize       len,
        gboolean  (*is) (gchar c))
{
  for (gsize i = 0; i < len; i++)
    if (!is (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_alpha (gchar c)
{
  return g_ascii_isalpha (c);
}

static gboolean
is_digit (gchar c)
{
  return g_ascii_isdigit (c);
}

static gboolean
is_alnum (gchar c)
{
  return g_ascii_isalnum (c);
}

/* An RFC 5646 langtag or private-use tag, well-formed; not checked against
 * the registry, but the language is 2 or 3 letters (ISO 639), since the
 * registry has none of 4 to 8, and "English" is a name, not a tag. */
static gboolean
is_language_tag (const char *tag)
{
  g_auto(GStrv) parts = g_strsplit (tag, "-", -1);
  guint n = g_strv_length (parts);
  guint i = 0;
  gsize len;
  /* What may come next: 1 after the language (an extlang, a script…), 3 after
   * the script, 4 after the region or a variant, 5 in an extension, 6 in private use */
  int state;

  for (guint k = 0; k < n; k++)
    if (parts[k][0] == '\0' || strlen (parts[k]) > 8 || !all_of (parts[k], strlen (parts[k]), is_alnum))
      return FALSE;
  if (g_ascii_strcasecmp (parts[0], "x") == 0)
    {
      state = 6;
      i = 1;
    }
  else
    {
      len = strlen (parts[0]);
      if (len < 2 || len > 3 || !all_of (parts[0], len, is_alpha))
        return FALSE;
      i = 1;
      state = 1;
    }
  if (state == 6 && n < 2)
    return FALSE;
  for (guint extlangs = 0; i < n; i++)
    {
      const char *p = parts[i];

      len = strlen (p);
      if (state == 6)
        continue;                         /* private use: any 1–8 alphanumerics */
      if (len == 1)
        {
          if (g_ascii_tolower (p[0]) == 'x')
            state = 6;
          else
            state = 5;
          /* a singleton needs a subtag after it */
          if (i + 1 >= n)
            return FALSE;
          continue;
        }
      if (state == 5)
        {
          if (len < 2)
            return FALSE;
          continue;
        }
      if (state == 1 && len == 3 && all_of (p, len, is_alpha) && extlangs < 3)
        {
          extlangs++;
          continue;
        }
      if (state <= 2 && len == 4 && all_of (p, len, is_alpha))
        {
          state = 3;
          continue;
        }
      if (state <= 3 && ((len == 2 && all_of (p, len, is_alpha)) || (len == 3 && all_of (p, len, is_digit))))
        {
          state = 4;
          continue;
        }
      if (state <= 4 && ((len >= 5) || (len == 4 && g_ascii_isdigit (p[0]))))
        {
          state = 4;
          continue;
        }
      return FALSE;
    }
  return TRUE;
}

gboolean
bridge_validate_language (const char  *field,
                          const char  *value,
                          GError     **error)
{
  gboolean valid;

  if (!needs_own_check (field, value, &valid, error))
    return valid;
  if (!is_language_tag (value))
    return invalid (error, _("%s: “%s” is not a language tag of BCP 47; write the language’s code, "
                             "for example en for English or zh for Chinese"), field, value);
  return TRUE;
}

gboolean
bridge_validate_gender (const char  *field,
                        const char  *value,
                        GError     **error)
{
  gboolean valid;

  if (!needs_own_check (field, value, &valid, error))
    return valid;
  if (strlen (value) != 1 || strchr ("0129", value[0]) == NULL)
    return invalid (error, _("%s: “%s” is not a code of ISO/IEC 5218; use 0 (not known), 1 (male), "
                             "2 (female) or 9 (not applicable)"), field, value);
  return TRUE;
}

gboolean
bridge_validate_timestamp (const char  *field,
                           const char  *value,
                           GError     **error)
{
  gboolean valid;
  g_autoptr(GDateTime) dt = NULL;

  if (!needs_own_check (field, value, &valid, error))
    return valid;
  dt = g_date_time_new_from_iso8601 (value, NULL);
  if (dt == NULL)
    /* Translators: a field, then what was given */
    return invalid (error, _("%s: “%s” is not a date and time; write it as YYYY-MM-DDThh:mm:ssZ, "
                             "for example 2026-09-01T10:00:00Z"), field, value);
  return TRUE;
}

guint
bridge_isced_get_n_fields (void)
{
  return G_N_ELEMENTS (isced_fields);
}

const BridgeIscedField *
bridge_isced_get_field (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (isced_fields), NULL);
  return &isced_fields[index];
}

const char *
bridge_isced_get_label (const char *isced)
{
  const BridgeIscedField *field = find_isced_field (isced);

  return field != NULL ? _(field->label) : NULL;
}
