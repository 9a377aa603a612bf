/* bridge-cli-certificate.c: certificate list|show|credits, the credit bank
 * (the student's own record: bridge-cli-mine.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bridge-certificate.h"
#include "bridge-cli.h"
#include "bridge-error.h"
#include "bridge-json.h"
#include "bridge-validate.h"

char *
bridge_cli_describe_grant (BridgeCatalog      *catalog,
                           double              granted,
                           const char * const *replaces)
{
  /* The sentence is core's, for the window says the same. */
  BridgeCertificateRecognition grant = { NULL, granted, (char **) replaces, 0 };

  return bridge_certificate_describe_grant (catalog, &grant);
}

static void
print_recognition (BridgeCatalog                      *catalog,
                   const BridgeCertificateRecognition *recognition)
{
  g_autofree char *university = bridge_catalog_dup_university_label (catalog, recognition->university);
  g_autofree char *grants = bridge_certificate_describe_grant (catalog, recognition);
  g_autofree char *validity = bridge_certificate_describe_validity (recognition);

  /* Translators: "   四川大学: 2 credits in place of 程序设计基础 (CS110); valid 3 years after it is obtained" */
  printf (_("   %s: %s; %s\n"), university, grants, validity);
}

static void
print_certificate (BridgeCatalog           *catalog,
                   const BridgeCertificate *certificate,
                   const char              *home)
{
  const char *name = certificate->name != NULL ? bridge_text_pick (certificate->name) : certificate->id;
  g_autoptr(GString) about = g_string_new (NULL);

  if (certificate->level != NULL)
    printf ("%s  %s (%s)\n", certificate->id, name, certificate->level);
  else
    printf ("%s  %s\n", certificate->id, name);
  g_string_append_printf (about, _("Issuer: %s"),
                          certificate->issuer != NULL ? bridge_text_pick (certificate->issuer) : "—");
  if (certificate->isced != NULL)
    {
      g_string_append (about, _(" · "));

      const char *field = bridge_isced_get_label (certificate->isced);

      if (field != NULL)
        /* Translators: "Field: 0613 (Information and Communication Technologies)" */
        g_string_append_printf (about, _("Field: %s (%s)"), certificate->isced, field);
      else
        g_string_append_printf (about, _("Field: %s"), certificate->isced);
    }
  if (certificate->workload_hours > 0)
    {
      g_string_append (about, _(" · "));
      g_string_append_printf (about, _("Workload: %g h"), certificate->workload_hours);
    }
  printf ("   %s\n", about->str);
  if (home != NULL)
    {
      const BridgeCertificateRecognition *recognition = bridge_certificate_find_recognition (certificate, home);

      if (recognition != NULL)
        print_recognition (catalog, recognition);
      else
        {
          g_autofree char *university = bridge_catalog_dup_university_label (catalog, home);

          printf (_("   %s: not recognised\n"), university);
        }
      return;
    }
  if (certificate->recognitions->len == 0)
    printf ("   %s\n", _("No university recognises it."));
  for (guint i = 0; i < certificate->recognitions->len; i++)
    print_recognition (catalog, &g_array_index (certificate->recognitions, BridgeCertificateRecognition, i));
}

static void
add_recognition_json (JsonBuilder                        *builder,
                      BridgeCatalog                      *catalog,
                      const BridgeCertificateRecognition *recognition)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "university");
  json_builder_add_string_value (builder, recognition->university);
  json_builder_set_member_name (builder, "credits");
  json_builder_add_double_value (builder, recognition->credits);
  json_builder_set_member_name (builder, "elective");
  json_builder_add_boolean_value (builder, recognition->replaces == NULL || recognition->replaces[0] == NULL);
  json_builder_set_member_name (builder, "replaces");
  json_builder_begin_array (builder);
  for (guint i = 0; recognition->replaces != NULL && recognition->replaces[i] != NULL; i++)
    {
      g_autoptr(BridgeCourse) course = bridge_catalog_get_course (catalog, recognition->replaces[i], NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, recognition->replaces[i]);
      json_builder_set_member_name (builder, "code");
      if (course != NULL && bridge_course_get_code (course) != NULL)
        json_builder_add_string_value (builder, bridge_course_get_code (course));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "title");
      if (course != NULL)
        json_builder_add_value (builder, bridge_text_to_json (bridge_course_get_title (course)));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "valid_years");
  if (recognition->valid_years > 0)
    json_builder_add_double_value (builder, recognition->valid_years);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
add_text_json (JsonBuilder *builder,
               const char  *name,
               BridgeText  *text)
{
  json_builder_set_member_name (builder, name);
  if (text != NULL)
    json_builder_add_value (builder, bridge_text_to_json (text));
  else
    json_builder_add_null_value (builder);
}

/* {"id", "name", "issuer", "level", "isced", "workload_hours",
 *  "recognitions"}, and with @home "home": its recognition or null. */
static void
add_certificate_json (JsonBuilder             *builder,
                      BridgeCatalog           *catalog,
                      const BridgeCertificate *certificate,
                      const char              *home)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, certificate->id);
  add_text_json (builder, "name", certificate->name);
  add_text_json (builder, "issuer", certificate->issuer);
  bridge_json_add_nullable_string (builder, "level", certificate->level);
  bridge_json_add_nullable_string (builder, "isced", certificate->isced);
  json_builder_set_member_name (builder, "workload_hours");
  if (certificate->workload_hours > 0)
    json_builder_add_double_value (builder, certificate->workload_hours);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "recognitions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < certificate->recognitions->len; i++)
    add_recognition_json (builder, catalog, &g_array_index (certificate->recognitions, BridgeCertificateRecognition, i));
  json_builder_end_array (builder);
  if (home != NULL)
    {
      const BridgeCertificateRecognition *recognition = bridge_certificate_find_recognition (certificate, home);

      json_builder_set_member_name (builder, "home");
      if (recognition != NULL)
        add_recognition_json (builder, catalog, recognition);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
}

/* The catalog, and @home's university known in it; NULL after printing why. */
static BridgeCatalog *
open_with_home (const char *db,
                const char *home)
{
  g_autoptr(BridgeCatalog) catalog = bridge_cli_open_catalog (db);
  g_autoptr(GError) error = NULL;

  if (catalog == NULL)
    return NULL;
  if (home != NULL)
    {
      g_autoptr(BridgeUniversity) university = bridge_catalog_get_university (catalog, home, &error);

      if (university == NULL)
        {
          bridge_cli_error ("%s", error->message);
          return NULL;
        }
    }
  return g_steal_pointer (&catalog);
}

static int
certificate_list (int    argc,
                  char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *home = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "home", 0, 0, G_OPTION_ARG_STRING, &home, N_("Show what this university grants for each"), N_("UNIVERSITY") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("— the certificates the alliance recognises for credit"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_description (context,
                                    _("Each certificate with its issuer, level, field, workload where known, and "
                                      "what each university grants for it: credits, the courses it replaces, or free "
                                      "elective credits, and how long the recognition stays valid.\n\n"
                                      "With --json: version and certificates, the list of certificates, each "
                                      "with id, name, issuer, level, "
                                      "isced, workload_hours and recognitions (university, credits, elective, "
                                      "replaces with id, code and title, valid_years), and with --home, home: that "
                                      "university’s recognition or null.\n\n"
                                      "Exit status: 0 done, 1 error (unknown university), 2 wrong usage."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (argc > 1)
    return bridge_cli_usage (_("certificate list takes no argument; show one with “certificate show ID”"));
  if (home != NULL && *home == '\0')
    return bridge_cli_usage (_("--home needs a university id"));
  if ((catalog = open_with_home (db, home)) == NULL)
    return BRIDGE_EXIT_ERROR;
  if ((list = bridge_catalog_list_certificates (catalog, &error)) == NULL)
    return bridge_cli_fail ("%s", error->message);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      bridge_json_begin_output (builder, BRIDGE_JSON_OUTPUT_VERSION);
      json_builder_set_member_name (builder, "certificates");
      json_builder_begin_array (builder);
      for (guint i = 0; i < list->len; i++)
        add_certificate_json (builder, catalog, g_ptr_array_index (list, i), home);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      bridge_cli_print_json (root);
      return BRIDGE_EXIT_OK;
    }
  if (list->len == 0)
    printf ("%s\n", _("The catalog has no certificates."));
  for (guint i = 0; i < list->len; i++)
    print_certificate (catalog, g_ptr_array_index (list, i), home);
  return BRIDGE_EXIT_OK;
}

static int
certificate_show (int    argc,
                  char **argv)
{
  g_autofree char *db = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("ID — one certificate and what each university grants for it"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_description (context,
                                    _("With --json: the certificate as “certificate list --json” gives it.\n\n"
                                      "Exit status: 0 done, 1 error (unknown certificate), 2 wrong usage."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (argc != 2)
    return bridge_cli_usage (_("certificate show needs one certificate ID; “certificate list” lists them"));
  if ((catalog = bridge_cli_open_catalog (db)) == NULL)
    return BRIDGE_EXIT_ERROR;
  if ((certificate = bridge_catalog_get_certificate (catalog, argv[1], &error)) == NULL)
    return bridge_cli_fail ("%s", error->message);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      add_certificate_json (builder, catalog, certificate, NULL);
      root = json_builder_get_root (builder);
      bridge_cli_print_json (bridge_json_set_output_version (root, BRIDGE_JSON_OUTPUT_VERSION));
      return BRIDGE_EXIT_OK;
    }
  print_certificate (catalog, certificate, NULL);
  return BRIDGE_EXIT_OK;
}

static int
certificate_credits (int    argc,
                     char **argv)
{
  g_autofree char *db = NULL;
  g_autofree char *home = NULL;
  g_autofree char *obtained = NULL;
  g_autofree char *on = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    BRIDGE_CLI_DB_OPTION (db),
    { "home", 0, 0, G_OPTION_ARG_STRING, &home, N_("The student’s home university (required)"), N_("UNIVERSITY") },
    { "obtained", 0, 0, G_OPTION_ARG_STRING, &obtained, N_("The day the certificate was obtained (required)"), N_("YYYY-MM-DD") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("Judge whether it is still valid on this day (default today)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("CERTIFICATE — what a certificate is worth at the home university"));
  g_autoptr(BridgeCatalog) catalog = NULL;
  g_autoptr(BridgeCertificateJudgement) judgement = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_set_description (context,
                                    _("Example:\n"
                                      "  credit-bridge-cli certificate credits --home scu ncre-2 --obtained 2025-06-20\n\n"
                                      "A recognition stays valid until the day obtained plus its years of validity, "
                                      "that day included, and has expired from the next day on.\n\n"
                                      "With --json: certificate, home, obtained, on, recognised, credits, replaces "
                                      "(course ids), valid_until (null without limit), expired, reason (null when "
                                      "recognised), steps, workload_hours, workload_home_credits and "
                                      "workload_home_credits_awarded (null when no workload is declared).\n\n"
                                      "Exit status: 0 done (also when the university does not recognise it), "
                                      "1 error (unknown certificate or university), 2 wrong usage (a bad date)."));
  if (!bridge_cli_parse (context, entries, &argc, &argv))
    return BRIDGE_EXIT_USAGE;
  if (home == NULL || *home == '\0')
    return bridge_cli_usage (_("certificate credits needs --home UNIVERSITY, the student’s home university"));
  if (argc != 2)
    return bridge_cli_usage (_("certificate credits needs one CERTIFICATE id; “certificate list” lists them"));
  if (obtained == NULL)
    return bridge_cli_usage (_("certificate credits needs --obtained YYYY-MM-DD, the day the certificate was obtained"));

  if ((catalog = bridge_cli_open_catalog (db)) == NULL)
    return BRIDGE_EXIT_ERROR;
  judgement = bridge_certificate_judge (catalog, argv[1], home, obtained, on, &error);
  if (judgement == NULL)
    {
      if (g_error_matches (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT))
        return bridge_cli_usage ("%s", error->message);
      return bridge_cli_fail ("%s", error->message);
    }

  if (json)
    {
      g_autoptr(JsonNode) root = bridge_certificate_judgement_to_json (judgement);

      bridge_cli_print_json (bridge_json_set_output_version (root, BRIDGE_JSON_OUTPUT_VERSION));
      return BRIDGE_EXIT_OK;
    }

  {
    g_autofree char *home_name = bridge_catalog_dup_university_label (catalog, home);
    g_autofree char *credits = g_strdup_printf ("%g", judgement->credits);

    /* Translators: "ncre-2 at 四川大学, obtained 2025-06-20, judged on 2026-12-04:" */
    printf (_("%s at %s, obtained %s, judged on %s:\n"), judgement->certificate_id, home_name,
            judgement->obtained, judgement->on);
    if (judgement->recognised)
      {
        if (judgement->replaces[0] != NULL)
          {
            g_autofree char *courses = bridge_certificate_describe_courses (catalog, (const char * const *) judgement->replaces);

            printf (g_dngettext (GETTEXT_PACKAGE, "Recognised: %s credit in place of %s\n",
                                 "Recognised: %s credits in place of %s\n", bridge_text_plural_count (credits)),
                    credits, courses);
          }
        else
          printf (g_dngettext (GETTEXT_PACKAGE, "Recognised: %s free elective credit\n",
                               "Recognised: %s free elective credits\n", bridge_text_plural_count (credits)),
                  credits);
      }
    else
      printf (_("Not recognised: %s\n"), judgement->reason);
    if (judgement->valid_until != NULL)
      printf (_("Valid until: %s%s\n"), judgement->valid_until, judgement->expired ? _(" (expired)") : "");
    if (judgement->workload != NULL)
      printf (_("Its workload of %g h is worth %.2f credits at %s (%g awarded)\n"), judgement->workload_hours,
              judgement->workload->home_credits_exact, home_name, judgement->workload->home_credits_awarded);
    printf ("%s\n", _("Steps:"));
    for (guint i = 0; i < judgement->steps->len; i++)
      printf ("   - %s\n", (const char *) g_ptr_array_index (judgement->steps, i));
  }
  return BRIDGE_EXIT_OK;
}

static const BridgeCliCommand subcommands[] = {
  { "list", certificate_list, N_("List the certificates and what they grant") },
  { "show", certificate_show, N_("Show one certificate") },
  { "credits", certificate_credits, N_("Show what a certificate obtained on a day is worth at a home university") },
  { "mine", bridge_cli_certificate_mine, N_("Show the certificates you hold and what your home university grants") },
  { "add", bridge_cli_certificate_add, N_("Record a certificate you hold, with the day obtained") },
  { "remove", bridge_cli_certificate_remove, N_("Take a certificate out of your record") },
  { "home", bridge_cli_certificate_home, N_("Set the home university that judges your certificates") },
  { "student", bridge_cli_certificate_student, N_("Set your name and student number on the record") },
  { "statement", bridge_cli_certificate_statement, N_("Export the credit-bank statement for the academic office") },
};

int
bridge_cli_certificate (int argc, char **argv)
{
  return bridge_cli_dispatch ("certificate", subcommands, G_N_ELEMENTS (subcommands), argc, argv);
}
