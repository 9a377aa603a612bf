/* bridge-statement.c: the credit-bank statement for the academic office
 *
 * The JSON is the summary of the holdings (bridge_holdings_summary_to_json ())
 * with who the student is and the home university's name; its digest is the
 * plan file's canonical digest (bridge_plan_digest_of ()) of that JSON. The
 * PDF is laid out by bridge-pdf-writer.c, with the same digest in the footer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-statement"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-file.h"
#include "bridge-json.h"
#include "bridge-pdf-writer.h"
#include "bridge-plan-private.h"
#include "bridge-statement-private.h"
#include "bridge-statement.h"

/* The certificate's name in both languages, its issuer and its number
 * small below. */
static char *
certificate_markup (const BridgeHoldingsEntry *entry)
{
  g_autoptr(GString) cell = g_string_new (NULL);

  if (entry->certificate == NULL)
    g_string_append_printf (cell, "<span font_family=\"monospace\">%s</span>", entry->holding->certificate_id);
  else
    {
      g_autofree char *name = bridge_pdf_bilingual (entry->certificate->name, entry->certificate->id);

      g_string_append (cell, name);
      if (entry->certificate->issuer != NULL)
        {
          g_autofree char *issuer = bridge_pdf_esc (bridge_text_pick (entry->certificate->issuer));

          g_string_append_printf (cell, "\n<span size=\"small\" foreground=\"#555555\">%s</span>", issuer);
        }
    }
  if (entry->holding->number != NULL)
    {
      /* Translators: before the certificate's own number, "No. NCRE-2024-5101-0042" */
      g_autofree char *number = g_markup_printf_escaped ("\n<span size=\"small\">%s %s</span>",
                                                         C_("certificate number", "No."), entry->holding->number);

      g_string_append (cell, number);
    }
  return g_string_free (g_steal_pointer (&cell), FALSE);
}

/* A date such as 2024-09-21 never breaks at its hyphens. */
static char *
date_markup (const char *date)
{
  if (date == NULL)
    return g_strdup ("—");
  return g_markup_printf_escaped ("<span allow_breaks=\"false\">%s</span>", date);
}

/* Credits that are granted but not counted (another certificate covers the
 * same course) are struck through: the total does not have them. */
static char *
credits_markup (const BridgeHoldingsEntry *entry)
{
  g_autofree char *credits = NULL;

  if (entry->judgement == NULL || !entry->judgement->recognised)
    return g_strdup ("—");
  credits = bridge_pdf_num (entry->judgement->credits, 1);
  if (entry->counted)
    return g_steal_pointer (&credits);
  return g_strdup_printf ("<s>%s</s>", credits);
}

static char *
replaces_markup (const BridgeHoldingsEntry *entry,
                 BridgeCatalog             *catalog)
{
  g_autofree char *courses = NULL;

  if (entry->judgement == NULL || !entry->judgement->recognised)
    return g_strdup ("—");
  if (entry->judgement->replaces == NULL || entry->judgement->replaces[0] == NULL)
    return g_markup_printf_escaped ("<i>%s</i>", _("free elective credits"));
  courses = bridge_certificate_describe_courses (catalog, (const char * const *) entry->judgement->replaces);
  return bridge_pdf_esc (courses);
}

static char *
valid_until_markup (const BridgeHoldingsEntry *entry)
{
  const BridgeCertificateJudgement *j = entry->judgement;

  /* Only a recognition has a validity, also once it has expired. */
  if (j == NULL || !(j->recognised || j->expired))
    return g_strdup ("—");
  if (j->valid_until == NULL)
    return bridge_pdf_esc (C_("valid until", "no limit"));
  return date_markup (j->valid_until);
}

/* The status in colour; below it, that a recognised certificate is not
 * counted, or why one the catalog has was not judged (obtained after @on). */
static char *
status_markup (const BridgeHoldingsEntry *entry,
               const char                *on)
{
  const char *color = "#26a269";
  g_autofree char *status = NULL;
  g_autofree char *note = NULL;

  if (entry->judgement == NULL || !entry->judgement->recognised)
    color = "#a51d2d";
  else if (entry->expiring)
    color = "#c64600";
  status = g_markup_printf_escaped ("<span foreground=\"%s\">%s</span>", color, bridge_statement_entry_status (entry));
  if (entry->certificate != NULL && entry->judgement == NULL)
    {
      g_autofree char *reason = bridge_holdings_entry_dup_reason (entry, on);

      note = bridge_pdf_esc (reason);
    }
  else if (entry->judgement == NULL || !entry->judgement->recognised || entry->counted)
    return g_steal_pointer (&status);
  else
    /* Translators: under “recognised”, for a certificate whose course another one already covers */
    note = bridge_pdf_esc (C_("certificate credits", "not counted: see the notes"));
  return g_strdup_printf ("%s\n<span size=\"small\" style=\"italic\">%s</span>", status, note);
}

/* The statement without its digest: what the digest covers. */
static JsonNode *
statement_json (BridgeHoldings              *holdings,
                const BridgeHoldingsSummary *summary,
                BridgeCatalog               *catalog)
{
  JsonNode *root = bridge_holdings_summary_to_json (summary);
  JsonObject *o = json_node_get_object (root);
  g_autoptr(BridgeUniversity) home = bridge_catalog_get_university (catalog, summary->home_id, NULL);
  JsonObject *student = json_object_new ();
  JsonObject *home_object = json_object_new ();
  const char *name = bridge_holdings_get_student_name (holdings);
  const char *id = bridge_holdings_get_student_id (holdings);

  json_object_set_string_member (o, "format", BRIDGE_STATEMENT_FORMAT);
  json_object_set_int_member (o, "version", BRIDGE_STATEMENT_VERSION);
  if (name != NULL)
    json_object_set_string_member (student, "name", name);
  else
    json_object_set_null_member (student, "name");
  if (id != NULL)
    json_object_set_string_member (student, "id", id);
  else
    json_object_set_null_member (student, "id");
  json_object_set_object_member (o, "student", student);
  json_object_set_string_member (home_object, "id", summary->home_id);
  if (home != NULL && bridge_university_get_name (home) != NULL)
    json_object_set_member (home_object, "name", bridge_text_to_json (bridge_university_get_name (home)));
  else
    json_object_set_null_member (home_object, "name");
  json_object_set_object_member (o, "home", home_object);
  return root;
}

static void
build (BridgePdfWriter             *writer,
       BridgeHoldings              *holdings,
       const BridgeHoldingsSummary *summary,
       BridgeCatalog               *catalog,
       const char                  *digest)
{
  g_autoptr(BridgeUniversity) home = bridge_catalog_get_university (catalog, summary->home_id, NULL);
  const char *home_name = home != NULL ? bridge_university_get_label (home) : summary->home_id;
  const char *name = bridge_holdings_get_student_name (holdings);
  const char *id = bridge_holdings_get_student_id (holdings);
  const double kv[] = { 1.3, 3.0 };
  const double sign[] = { 3.0, 1.3 };
  BridgePdfTable *t;

  {
    /* Only the parts there are, as on the agreement. */
    g_autofree char *on = g_strdup_printf (_("judged on %s"), summary->on);
    const char *parts[] = { name, home_name, on };
    g_autoptr(GString) line = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      if (parts[i] != NULL && *parts[i] != '\0')
        g_string_append_printf (line, "%s%s", line->len > 0 ? " · " : "", parts[i]);
    bridge_pdf_writer_add_text (writer, BRIDGE_PDF_TITLE,
                                g_markup_printf_escaped ("<span size=\"x-large\" weight=\"bold\">%s</span>\n%s",
                                                         _("Credit-bank statement"), line->str));
  }

  bridge_pdf_writer_add_text (writer, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("Student")));
  t = bridge_pdf_writer_add_table (writer, 2, kv);
  bridge_pdf_row (t, 0, bridge_pdf_esc (_("Name")), bridge_pdf_esc (name != NULL ? name : "—"));
  bridge_pdf_row (t, 0, bridge_pdf_esc (_("Student number")), bridge_pdf_esc (id != NULL ? id : "—"));
  bridge_pdf_row (t, 0, bridge_pdf_esc (_("Home university")),
                  home != NULL && bridge_university_get_name (home) != NULL
                    ? bridge_pdf_bilingual (bridge_university_get_name (home), summary->home_id)
                    : bridge_pdf_esc (summary->home_id));
  bridge_pdf_row (t, 0, bridge_pdf_esc (_("Day judged")), bridge_pdf_esc (summary->on));

  bridge_pdf_writer_add_text (writer, BRIDGE_PDF_HEADING, bridge_pdf_esc (C_("statement", "Certificates")));
  bridge_statement_add_certificates (writer, summary, catalog);

  {
    /* Translators: the digest is a SHA-256 in hexadecimal */
    g_autofree char *mono = g_markup_printf_escaped ("<span font_family=\"monospace\" size=\"small\">%s</span>", digest);
    g_autofree char *check = g_strdup_printf (_("This statement’s SHA-256 digest is %s; its JSON export carries the same digest."),
                                              mono);

    bridge_pdf_writer_add_text (writer, BRIDGE_PDF_PARAGRAPH, g_steal_pointer (&check));
  }
  /* The heading keeps the table's two rows with it, so the office's box
   * never stands alone on a page of its own. */
  bridge_pdf_writer_add_text (writer, BRIDGE_PDF_HEADING, bridge_pdf_esc (_("For the academic office")));
  t = bridge_pdf_writer_add_table (writer, 2, sign);
  bridge_pdf_row (t, BRIDGE_PDF_ROW_HEADER, g_strdup (_("Signature and stamp of the academic office")),
                  g_strdup (C_("statement", "Date")));
  /* Room to sign in, under what the signature attests. */
  bridge_pdf_row (t, 0, g_markup_printf_escaped ("<span size=\"small\">%s</span>\n\n\n\n",
                                                 _("Checked against the original certificates.")),
                  g_strdup ("\n\n\n\n"));
}

/* Private API -------------------------------------------------------------- */

void
bridge_statement_add_certificates (BridgePdfWriter             *writer,
                                   const BridgeHoldingsSummary *summary,
                                   BridgeCatalog               *catalog)
{
  const double w[] = { 2.5, 1.4, 0.85, 2.1, 1.4, 1.5 };
  BridgePdfTable *t;
  g_autofree char *total = NULL;
  g_autofree char *line = NULL;

  if (summary->entries->len == 0)
    {
      bridge_pdf_writer_add_text (writer, BRIDGE_PDF_PARAGRAPH,
                                  bridge_pdf_esc (_("No certificates are recorded: the home university grants "
                                                    "nothing on this statement.")));
      return;
    }
  t = bridge_pdf_writer_add_table (writer, 6, w);
  bridge_pdf_row (t, BRIDGE_PDF_ROW_HEADER, g_strdup (C_("statement", "Certificate")),
                  g_strdup (C_("statement", "Obtained")), g_strdup (_("Credits")), g_strdup (C_("statement", "Replaces")),
                  g_strdup (C_("statement", "Valid until")), g_strdup (_("Status")));
  for (guint i = 0; i < summary->entries->len; i++)
    {
      const BridgeHoldingsEntry *entry = g_ptr_array_index (summary->entries, i);

      bridge_pdf_row (t, 0, certificate_markup (entry), date_markup (entry->holding->obtained),
                      credits_markup (entry), replaces_markup (entry, catalog), valid_until_markup (entry),
                      status_markup (entry, summary->on));
    }
  total = bridge_pdf_num (summary->total_credits, 1);
  line = g_markup_printf_escaped (_("Total granted: %s credits"), total);
  bridge_pdf_row (t, BRIDGE_PDF_ROW_TOTAL | BRIDGE_PDF_ROW_SPAN, g_steal_pointer (&line),
                  NULL, NULL, NULL, NULL, NULL);
  {
    g_autofree char *counts = g_strdup_printf (_("%u recognised (%u about to expire), %u expired, "
                                                 "%u not recognised, %u not in the catalog."),
                                               summary->n_recognised, summary->n_expiring, summary->n_expired,
                                               summary->n_not_recognised, summary->n_unknown);

    bridge_pdf_writer_add_text (writer, BRIDGE_PDF_NOTE, bridge_pdf_esc (counts));
  }
  for (guint i = 0; summary->notes != NULL && i < summary->notes->len; i++)
    bridge_pdf_writer_add_text (writer, BRIDGE_PDF_NOTE,
                                bridge_pdf_esc (g_ptr_array_index (summary->notes, i)));
}

/* Public API --------------------------------------------------------------- */

JsonNode *
bridge_statement_to_json (BridgeHoldings              *holdings,
                          const BridgeHoldingsSummary *summary,
                          BridgeCatalog               *catalog)
{
  JsonNode *root;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (holdings), NULL);
  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);

  root = statement_json (holdings, summary, catalog);
  digest = bridge_plan_digest_of (root);
  json_object_set_string_member (json_node_get_object (root), "digest", digest);
  return root;
}

char *
bridge_statement_get_digest (BridgeHoldings              *holdings,
                             const BridgeHoldingsSummary *summary,
                             BridgeCatalog               *catalog)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (holdings), NULL);
  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);

  root = statement_json (holdings, summary, catalog);
  return bridge_plan_digest_of (root);
}

gboolean
bridge_statement_export_json (BridgeHoldings               *holdings,
                              const BridgeHoldingsSummary  *summary,
                              BridgeCatalog                *catalog,
                              const char                   *path,
                              GError                      **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  root = bridge_statement_to_json (holdings, summary, catalog);
  if (root == NULL)
    return FALSE;
  /* Its doubles as the command line prints them: 3.33, not
   * 3.3300000000000001. */
  data = bridge_json_to_text (root);
  return bridge_file_write (path, data, strlen (data), error);
}

GBytes *
bridge_statement_render_pdf (BridgeHoldings               *holdings,
                             const BridgeHoldingsSummary  *summary,
                             BridgeCatalog                *catalog,
                             GError                      **error)
{
  g_autoptr(BridgePdfWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *digest = NULL;
  cairo_status_t status;
  GBytes *pdf;

  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (holdings), NULL);
  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);

  digest = bridge_statement_get_digest (holdings, summary, catalog);
  writer = bridge_pdf_writer_new (_("Credit-bank statement"), digest);
  build (writer, holdings, summary, catalog, digest);
  /* Pango drops a text whose markup does not parse, and cairo stops at a noncharacter. */
  if (!bridge_pdf_writer_check_texts (writer, &local_error))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   /* Translators: what is wrong, from “a text contains the invisible character U+FFFE (after “Sichuan”)” */
                   _("The statement cannot be laid out: %s; correct your certificates or the catalog"),
                   local_error->message);
      return NULL;
    }
  pdf = bridge_pdf_writer_render (writer, _("Credit-bank statement"), &status);
  if (pdf == NULL)
    g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                 _("Could not draw the statement: %s"), cairo_status_to_string (status));
  return pdf;
}

gboolean
bridge_statement_export_pdf (BridgeHoldings               *holdings,
                             const BridgeHoldingsSummary  *summary,
                             BridgeCatalog                *catalog,
                             const char                   *path,
                             GError                      **error)
{
  g_autoptr(GBytes) pdf = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  pdf = bridge_statement_render_pdf (holdings, summary, catalog, error);
  return pdf != NULL && bridge_pdf_write (pdf, path, error);
}

const char *
bridge_statement_entry_status (const BridgeHoldingsEntry *entry)
{
  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->certificate == NULL)
    return C_("certificate status", "not in the catalog");
  /* Obtained after the day judged. */
  if (entry->judgement == NULL)
    return C_("certificate status", "not recognised");
  if (entry->judgement->recognised && entry->expiring)
    return C_("certificate status", "about to expire");
  if (entry->judgement->recognised)
    return C_("certificate status", "recognised");
  if (entry->judgement->expired)
    return C_("certificate status", "expired");
  return C_("certificate status", "not recognised");
}
