/* bridge-names.c: the names people read for terms, languages and countries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-names"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bridge-names.h"

typedef struct
{
  const char *code;
  const char *name;
} Name;

/* ISO 639-1: the languages of instruction the alliance's courses use and
 * those its exchange students most often declare. */
static const Name languages[] = {
  { "ar", N_("Arabic") },
  { "de", N_("German") },
  { "en", N_("English") },
  { "es", N_("Spanish") },
  { "fr", N_("French") },
  { "it", N_("Italian") },
  { "ja", N_("Japanese") },
  { "ko", N_("Korean") },
  { "pt", N_("Portuguese") },
  { "ru", N_("Russian") },
  { "th", N_("Thai") },
  { "vi", N_("Vietnamese") },
  { "zh", N_("Chinese") },
};

/* ISO 3166-1 alpha-2, sorted by code. */
static const Name countries[] = {
  { "AR", N_("Argentina") },
  { "AT", N_("Austria") },
  { "AU", N_("Australia") },
  { "BD", N_("Bangladesh") },
  { "BE", N_("Belgium") },
  { "BR", N_("Brazil") },
  { "CA", N_("Canada") },
  { "CH", N_("Switzerland") },
  { "CL", N_("Chile") },
  { "CN", N_("China") },
  { "CZ", N_("Czechia") },
  { "DE", N_("Germany") },
  { "DK", N_("Denmark") },
  { "EG", N_("Egypt") },
  { "ES", N_("Spain") },
  { "FI", N_("Finland") },
  { "FR", N_("France") },
  { "GB", N_("United Kingdom") },
  { "GR", N_("Greece") },
  { "HK", N_("Hong Kong") },
  { "HU", N_("Hungary") },
  { "ID", N_("Indonesia") },
  { "IE", N_("Ireland") },
  { "IL", N_("Israel") },
  { "IN", N_("India") },
  { "IR", N_("Iran") },
  { "IT", N_("Italy") },
  { "JP", N_("Japan") },
  { "KE", N_("Kenya") },
  { "KH", N_("Cambodia") },
  { "KR", N_("South Korea") },
  { "KZ", N_("Kazakhstan") },
  { "LA", N_("Laos") },
  { "LK", N_("Sri Lanka") },
  { "MN", N_("Mongolia") },
  { "MO", N_("Macao") },
  { "MX", N_("Mexico") },
  { "MY", N_("Malaysia") },
  { "NG", N_("Nigeria") },
  { "NL", N_("Netherlands") },
  { "NO", N_("Norway") },
  { "NP", N_("Nepal") },
  { "NZ", N_("New Zealand") },
  { "PH", N_("Philippines") },
  { "PK", N_("Pakistan") },
  { "PL", N_("Poland") },
  { "PT", N_("Portugal") },
  { "RU", N_("Russia") },
  { "SE", N_("Sweden") },
  { "SG", N_("Singapore") },
  { "TH", N_("Thailand") },
  { "TR", N_("Türkiye") },
  { "TW", N_("Taiwan") },
  { "UA", N_("Ukraine") },
  { "US", N_("United States") },
  { "UZ", N_("Uzbekistan") },
  { "VN", N_("Vietnam") },
  { "ZA", N_("South Africa") },
};

static const char *
find_name (const Name *names,
           guint       n_names,
           const char *code,
           gsize       length)
{
  for (guint i = 0; i < n_names; i++)
    if (strlen (names[i].code) == length && g_ascii_strncasecmp (names[i].code, code, length) == 0)
      return _(names[i].name);
  return NULL;
}

const char *
bridge_language_get_name (const char *code)
{
  const char *name;

  if (code == NULL)
    return NULL;
  name = find_name (languages, G_N_ELEMENTS (languages), code, strcspn (code, "-_"));
  return name != NULL ? name : code;
}

char *
bridge_language_join_names (const char * const *codes)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", bridge_language_get_name (codes[i]));
  return g_string_free (names, FALSE);
}

const char *
bridge_country_get_name (const char *code)
{
  const char *name;

  if (code == NULL)
    return NULL;
  name = find_name (countries, G_N_ELEMENTS (countries), code, strlen (code));
  return name != NULL ? name : code;
}

const char * const *
bridge_country_list_codes (void)
{
  static const char **codes = NULL;

  if (g_once_init_enter (&codes))
    {
      const char **list = g_new0 (const char *, G_N_ELEMENTS (countries) + 1);

      for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
        list[i] = countries[i].code;
      g_once_init_leave (&codes, list);
    }
  return codes;
}

/* "Spring 2027" from "spring" and "2027"; NULL for another season. */
static char *
season_label (const char *season,
              const char *year)
{
  /* Translators: a term named from its id when the catalog gives no
   * name; %s is the year: "Spring 2027" */
  if (g_ascii_strcasecmp (season, "spring") == 0)
    return g_strdup_printf (_("Spring %s"), year);
  if (g_ascii_strcasecmp (season, "summer") == 0)
    return g_strdup_printf (_("Summer %s"), year);
  if (g_ascii_strcasecmp (season, "autumn") == 0 || g_ascii_strcasecmp (season, "fall") == 0)
    return g_strdup_printf (_("Autumn %s"), year);
  if (g_ascii_strcasecmp (season, "winter") == 0)
    return g_strdup_printf (_("Winter %s"), year);
  return NULL;
}

char *
bridge_term_get_label (BridgeUniversity *university,
                       const char       *term_id)
{
  const BridgeTerm *term;
  const char *dash;

  g_return_val_if_fail (university == NULL || BRIDGE_IS_UNIVERSITY (university), NULL);

  if (term_id == NULL)
    return NULL;
  term = university != NULL ? bridge_university_find_term (university, term_id) : NULL;
  if (term != NULL && term->name != NULL && bridge_text_pick (term->name) != NULL)
    return g_strdup (bridge_text_pick (term->name));

  dash = strchr (term_id, '-');
  if (dash != NULL && dash - term_id == 4 &&
      g_ascii_isdigit (term_id[0]) && g_ascii_isdigit (term_id[1]) &&
      g_ascii_isdigit (term_id[2]) && g_ascii_isdigit (term_id[3]))
    {
      g_autofree char *year = g_strndup (term_id, 4);
      char *label = season_label (dash + 1, year);

      if (label != NULL)
        return label;
    }
  return g_strdup (term_id);
}
