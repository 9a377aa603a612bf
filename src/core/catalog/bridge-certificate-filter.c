/* bridge-certificate-filter.c: finding certificates, and saying what one grants
 *
 * The rules the window's Certificates page and the command line share: which
 * certificates a search and the filters take, the values the filters offer,
 * and the sentences that say what a recognition grants.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-catalog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bridge-certificate.h"

/* Whether the casefolded @word is in @text, whatever its case. */
static gboolean
contains_folded (const char *text,
                 const char *word)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, word) != NULL;
}

static gboolean
text_contains (const BridgeText *text,
               const char       *word)
{
  if (text == NULL)
    return FALSE;
  return contains_folded (bridge_text_get (text, "zh"), word) ||
         contains_folded (bridge_text_get (text, "en"), word) ||
         contains_folded (bridge_text_pick (text), word);
}

static gboolean
matches_word (const BridgeCertificate *certificate,
              const char              *word)
{
  return text_contains (certificate->name, word) ||
         text_contains (certificate->issuer, word) ||
         contains_folded (certificate->level, word) ||
         contains_folded (certificate->id, word);
}

static gboolean
matches_text (const BridgeCertificate *certificate,
              const char              *text)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return TRUE;
  folded = g_utf8_casefold (text, -1);
  words = g_strsplit_set (g_strstrip (folded), " \t\n\u3000", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && !matches_word (certificate, words[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_set (const char *value)
{
  return value != NULL && *value != '\0';
}

gboolean
bridge_certificate_matches (const BridgeCertificate       *certificate,
                            const BridgeCertificateFilter *filter)
{
  g_return_val_if_fail (certificate != NULL, FALSE);

  if (filter == NULL)
    return TRUE;
  if (is_set (filter->issuer) &&
      (certificate->issuer == NULL || g_strcmp0 (bridge_text_pick (certificate->issuer), filter->issuer) != 0))
    return FALSE;
  if (is_set (filter->isced) &&
      (certificate->isced == NULL || !g_str_has_prefix (certificate->isced, filter->isced)))
    return FALSE;
  if (is_set (filter->level) && g_strcmp0 (certificate->level, filter->level) != 0)
    return FALSE;
  return matches_text (certificate, filter->text);
}

GPtrArray *
bridge_certificate_filter_list (GPtrArray                     *certificates,
                                const BridgeCertificateFilter *filter)
{
  GPtrArray *found;

  g_return_val_if_fail (certificates != NULL, NULL);

  found = g_ptr_array_new ();
  for (guint i = 0; i < certificates->len; i++)
    if (bridge_certificate_matches (g_ptr_array_index (certificates, i), filter))
      g_ptr_array_add (found, g_ptr_array_index (certificates, i));
  return found;
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
bridge_certificate_list_choices (GPtrArray               *certificates,
                                 BridgeCertificateChoice  choice)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *choices;

  g_return_val_if_fail (certificates != NULL, NULL);

  choices = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < certificates->len; i++)
    {
      const BridgeCertificate *certificate = g_ptr_array_index (certificates, i);
      g_autofree char *value = NULL;

      switch (choice)
        {
        case BRIDGE_CERTIFICATE_CHOICE_ISSUER:
          if (certificate->issuer != NULL)
            value = g_strdup (bridge_text_pick (certificate->issuer));
          break;
        case BRIDGE_CERTIFICATE_CHOICE_FIELD:
          if (certificate->isced != NULL && strlen (certificate->isced) >= 2)
            value = g_strndup (certificate->isced, 2);
          break;
        case BRIDGE_CERTIFICATE_CHOICE_LEVEL:
          value = g_strdup (certificate->level);
          break;
        default:
          g_return_val_if_reached (choices);
        }
      if (value == NULL || *value == '\0' || g_hash_table_contains (seen, value))
        continue;
      g_hash_table_add (seen, value);
      g_ptr_array_add (choices, g_steal_pointer (&value));
    }
  g_ptr_array_sort (choices, compare_collated);
  return choices;
}

/* A number as the sentences show it: "2", "1.5". */
static char *
show_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", value));
}

char *
bridge_certificate_describe_grant (BridgeCatalog                      *catalog,
                                   const BridgeCertificateRecognition *recognition)
{
  g_autofree char *credits = NULL;

  g_return_val_if_fail (recognition != NULL, NULL);

  credits = show_number (recognition->credits);
  if (recognition->replaces != NULL && recognition->replaces[0] != NULL)
    {
      g_autofree char *courses = bridge_certificate_describe_courses (catalog,
                                                                      (const char * const *) recognition->replaces);

      /* Translators: "2 credits in place of 程序设计基础 (CS110)" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s credit in place of %s", "%s credits in place of %s",
                                           bridge_text_plural_count (credits)),
                              credits, courses);
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s free elective credit", "%s free elective credits",
                                       bridge_text_plural_count (credits)),
                          credits);
}

char *
bridge_certificate_describe_validity (const BridgeCertificateRecognition *recognition)
{
  g_autofree char *years = NULL;

  g_return_val_if_fail (recognition != NULL, NULL);

  if (recognition->valid_years <= 0)
    return g_strdup (_("valid without limit"));
  years = show_number (recognition->valid_years);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "valid %s year after it is obtained",
                                       "valid %s years after it is obtained",
                                       bridge_text_plural_count (years)),
                          years);
}
