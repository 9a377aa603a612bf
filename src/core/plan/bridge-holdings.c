/* bridge-holdings.c: the certificates a student holds ("My certificates")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-holdings"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-file.h"
#include "bridge-holdings.h"
#include "bridge-json.h"
#include "bridge-plan-private.h"
#include "bridge-validate.h"

/* The file is three levels deep; anything much deeper is not ours. */
#define MAX_DEPTH 16

struct _BridgeHoldings
{
  GObject    parent_instance;

  char      *path;
  GError    *load_error;
  char      *home_id;
  char      *student_name;
  char      *student_id;
  GPtrArray *holdings;                    /* element-type BridgeHolding */
};

G_DEFINE_FINAL_TYPE (BridgeHoldings, bridge_holdings, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
holding_free (BridgeHolding *holding)
{
  g_free (holding->certificate_id);
  g_free (holding->obtained);
  g_free (holding->number);
  g_free (holding);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
emit_changed (BridgeHoldings *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Loading ------------------------------------------------------------------ */

typedef struct
{
  const char *file;                       /* for messages */
  GError    **error;
} Loader;

static gboolean
load_fail (Loader     *ld,
           const char *path,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
load_fail (Loader     *ld,
           const char *path,
           const char *format,
           ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (ld->error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
               /* Translators: file: JSON path: problem, then what to do */
               _("%s: %s: %s; correct the file in a text editor, or start a new record of your certificates"),
               ld->file, path, msg);
  return FALSE;
}

/* An optional string member, text a person's record can carry. */
static gboolean
get_string (Loader      *ld,
            JsonObject  *o,
            const char  *member,
            const char  *path,
            char       **out)
{
  JsonNode *node = json_object_get_member (o, member);
  gunichar bad;

  g_clear_pointer (out, g_free);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return load_fail (ld, path, _("“%s” must be a string"), member);
  if (!bridge_validate_chars (json_node_get_string (node), FALSE, &bad))
    /* Translators: a member of the file, then a character code such as U+FFFE */
    return load_fail (ld, path, _("“%s” contains the invisible character U+%04X"), member, bad);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
load_holding (BridgeHoldings *self,
              Loader         *ld,
              JsonNode       *node,
              const char     *path)
{
  g_autoptr(GError) local_error = NULL;
  BridgeHolding *holding;
  JsonObject *o;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return load_fail (ld, path, _("must be an object"));
  o = json_node_get_object (node);
  holding = g_new0 (BridgeHolding, 1);
  g_ptr_array_add (self->holdings, holding);
  if (!get_string (ld, o, "certificate", path, &holding->certificate_id)
      || !get_string (ld, o, "obtained", path, &holding->obtained)
      || !get_string (ld, o, "number", path, &holding->number))
    return FALSE;
  if (holding->certificate_id == NULL || *holding->certificate_id == '\0')
    return load_fail (ld, path, _("“%s” is missing"), "certificate");
  if (holding->obtained == NULL)
    return load_fail (ld, path, _("“%s” is missing"), "obtained");
  if (!bridge_certificate_check_obtained (holding->obtained, NULL, &local_error))
    return load_fail (ld, path, "%s", local_error->message);
  for (guint i = 0; i + 1 < self->holdings->len; i++)
    {
      const BridgeHolding *other = g_ptr_array_index (self->holdings, i);

      if (g_str_equal (other->certificate_id, holding->certificate_id)
          && g_str_equal (other->obtained, holding->obtained))
        /* Translators: a certificate id, then a date */
        return load_fail (ld, path, _("“%s” obtained on %s is listed twice"),
                          holding->certificate_id, holding->obtained);
    }
  return TRUE;
}

static gboolean
load_root (BridgeHoldings *self,
           Loader         *ld,
           JsonNode       *node)
{
  g_autofree char *format = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  JsonObject *root;
  JsonNode *version, *student, *certificates;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return load_fail (ld, "$", _("the record must be a JSON object"));
  root = json_node_get_object (node);
  if (!get_string (ld, root, "format", "$", &format))
    return FALSE;
  if (g_strcmp0 (format, BRIDGE_HOLDINGS_FORMAT) != 0)
    return load_fail (ld, "$.format", _("this is not a Credit Bridge record of certificates (format “%s”)"),
                      format != NULL ? format : "");
  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64)
    return load_fail (ld, "$.version", _("the format version must be a whole number"));
  if (json_node_get_int (version) > BRIDGE_HOLDINGS_VERSION)
    {
      g_set_error (ld->error, BRIDGE_ERROR, BRIDGE_ERROR_UNSUPPORTED_VERSION,
                   /* Translators: the file, then two format versions */
                   _("%s: your certificates were recorded by a newer Credit Bridge (format version %" PRId64
                     ", this one reads %d); update Credit Bridge to read them"),
                   ld->file, json_node_get_int (version), BRIDGE_HOLDINGS_VERSION);
      return FALSE;
    }
  if (json_node_get_int (version) < 1)
    return load_fail (ld, "$.version", _("unknown format version %" PRId64), json_node_get_int (version));

  student = json_object_get_member (root, "student");
  if (student != NULL && !JSON_NODE_HOLDS_NULL (student))
    {
      g_autoptr(GError) local_error = NULL;
      BridgePlanStudent check = { 0 };

      if (!JSON_NODE_HOLDS_OBJECT (student))
        return load_fail (ld, "$", _("“%s” must be an object"), "student");
      if (!get_string (ld, json_node_get_object (student), "name", "$.student", &name)
          || !get_string (ld, json_node_get_object (student), "id", "$.student", &id))
        return FALSE;
      check.name = name;
      check.student_number = id;
      if (!bridge_plan_validate_student (&check, NULL, &local_error))
        return load_fail (ld, "$.student", "%s", local_error->message);
    }
  if (!get_string (ld, root, "home", "$", &self->home_id))
    return FALSE;

  certificates = json_object_get_member (root, "certificates");
  if (certificates != NULL && !JSON_NODE_HOLDS_NULL (certificates))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (certificates))
        return load_fail (ld, "$", _("“%s” must be an array"), "certificates");
      array = json_node_get_array (certificates);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *path = g_strdup_printf ("$.certificates[%u]", i);

          if (!load_holding (self, ld, json_array_get_element (array, i), path))
            return FALSE;
        }
    }
  self->student_name = g_steal_pointer (&name);
  self->student_id = g_steal_pointer (&id);
  return TRUE;
}

/* Reads @data into @self, which is empty; on failure leaves it empty. */
static gboolean
load_data (BridgeHoldings  *self,
           const char      *data,
           gsize            length,
           const char      *file,
           GError         **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *number_path = NULL;
  g_autofree char *number_message = NULL;
  Loader ld = { file, error };
  guint line, column;
  gboolean ok;

  if (!g_utf8_validate (data, (gssize) length, NULL))
    return load_fail (&ld, "$", _("the file is not valid UTF-8 text"));
  /* json-glib recurses once per level: refuse deep nesting before it does. */
  if (!bridge_json_check_depth (data, length, MAX_DEPTH, &line, &column))
    /* Translators: the line and column of the bracket that goes too deep */
    return load_fail (&ld, "$", _("line %u, column %u: the JSON is nested more than %d levels deep, "
                                  "which no record of certificates needs"),
                      line, column, MAX_DEPTH);
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   /* Translators: the file, then json-glib's reason */
                   _("%s is damaged or incomplete (%s); your certificates cannot be read. Correct the file "
                     "in a text editor, or start a new record of your certificates"),
                   file, reason);
      return FALSE;
    }
  if (json_parser_get_root (parser) == NULL)
    return load_fail (&ld, "$", _("the file is empty"));
  if (!bridge_json_check_numbers (data, length, &number_path, &number_message))
    return load_fail (&ld, number_path, "%s", number_message);

  ok = load_root (self, &ld, json_parser_get_root (parser));
  if (!ok)
    {
      g_ptr_array_set_size (self->holdings, 0);
      g_clear_pointer (&self->home_id, g_free);
    }
  return ok;
}

/* GObject ------------------------------------------------------------------ */

static void
bridge_holdings_finalize (GObject *object)
{
  BridgeHoldings *self = BRIDGE_HOLDINGS (object);

  g_free (self->path);
  g_clear_error (&self->load_error);
  g_free (self->home_id);
  g_free (self->student_name);
  g_free (self->student_id);
  g_ptr_array_unref (self->holdings);

  G_OBJECT_CLASS (bridge_holdings_parent_class)->finalize (object);
}

static void
bridge_holdings_class_init (BridgeHoldingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bridge_holdings_finalize;

  /* Anything of the record changed: a certificate, the home, the student. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bridge_holdings_init (BridgeHoldings *self)
{
  self->holdings = g_ptr_array_new_with_free_func ((GDestroyNotify) holding_free);
}

/* Public API --------------------------------------------------------------- */

char *
bridge_holdings_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "credit-bridge", "certificates.json", NULL);
}

BridgeHoldings *
bridge_holdings_new (const char *path)
{
  BridgeHoldings *self = g_object_new (BRIDGE_TYPE_HOLDINGS, NULL);

  self->path = path != NULL ? g_strdup (path) : bridge_holdings_get_default_path ();
  return self;
}

BridgeHoldings *
bridge_holdings_load (const char  *path,
                      GError     **error)
{
  g_autoptr(BridgeHoldings) self = bridge_holdings_new (path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *display = NULL;
  gsize length;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display = g_filename_display_name (self->path);
  if (!g_file_get_contents (self->path, &data, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&self);
      self->load_error = g_error_new (BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                                      /* Translators: the file, then why */
                                      _("Your certificates cannot be read from %s: %s"),
                                      display, local_error->message);
    }
  else if (!load_data (self, data, length, display, &self->load_error))
    g_assert (self->load_error != NULL);
  if (self->load_error != NULL && error != NULL)
    *error = g_error_copy (self->load_error);
  return g_steal_pointer (&self);
}

const char *
bridge_holdings_get_path (BridgeHoldings *self)
{
  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (self), NULL);
  return self->path;
}

const GError *
bridge_holdings_get_load_error (BridgeHoldings *self)
{
  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (self), NULL);
  return self->load_error;
}

gboolean
bridge_holdings_reset (BridgeHoldings  *self,
                       char           **moved_to,
                       GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = NULL;

  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (moved_to != NULL)
    *moved_to = NULL;
  if (self->load_error == NULL)
    return TRUE;
  target = g_strdup_printf ("%s.damaged-%s", self->path, stamp);
  /* Never over an earlier one moved aside in the same second. */
  for (guint i = 2; g_file_test (target, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK); i++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.damaged-%s-%u", self->path, stamp, i);
    }
  if (g_rename (self->path, target) != 0)
    {
      int saved = errno;

      if (saved != ENOENT)
        {
          g_autofree char *display = g_filename_display_name (self->path);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       /* Translators: the file, where to, then why */
                       _("%s cannot be moved aside to %s: %s; move or remove it yourself, then try again"),
                       display, target, g_strerror (saved));
          return FALSE;
        }
      g_clear_pointer (&target, g_free);
    }
  g_clear_error (&self->load_error);
  if (moved_to != NULL)
    *moved_to = g_steal_pointer (&target);
  emit_changed (self);
  return TRUE;
}

static JsonNode *
to_json (BridgeHoldings *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, BRIDGE_HOLDINGS_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, BRIDGE_HOLDINGS_VERSION);
  if (self->student_name != NULL || self->student_id != NULL)
    {
      json_builder_set_member_name (b, "student");
      json_builder_begin_object (b);
      if (self->student_name != NULL)
        {
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, self->student_name);
        }
      if (self->student_id != NULL)
        {
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, self->student_id);
        }
      json_builder_end_object (b);
    }
  if (self->home_id != NULL)
    {
      json_builder_set_member_name (b, "home");
      json_builder_add_string_value (b, self->home_id);
    }
  json_builder_set_member_name (b, "certificates");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->holdings->len; i++)
    {
      const BridgeHolding *holding = g_ptr_array_index (self->holdings, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "certificate");
      json_builder_add_string_value (b, holding->certificate_id);
      json_builder_set_member_name (b, "obtained");
      json_builder_add_string_value (b, holding->obtained);
      if (holding->number != NULL)
        {
          json_builder_set_member_name (b, "number");
          json_builder_add_string_value (b, holding->number);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

gboolean
bridge_holdings_save (BridgeHoldings  *self,
                      GError         **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *display = NULL;
  gsize length;

  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (self->path);
  if (self->load_error != NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   /* Translators: the file, then why it could not be read */
                   _("Your certificates are not saved: %s could not be read (%s), and saving would write over "
                     "what it holds. Correct the file, or start a new record, which moves it aside first"),
                   display, self->load_error->message);
      return FALSE;
    }
  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *dir_display = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: a folder, then why */
                   _("Your certificates are not saved: the folder %s cannot be made: %s"),
                   dir_display, g_strerror (saved));
      return FALSE;
    }
  root = to_json (self);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  data = json_generator_to_data (generator, &length);
  return bridge_file_write (self->path, data, length, error);
}

const char *
bridge_holdings_get_home (BridgeHoldings *self)
{
  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (self), NULL);
  return self->home_id;
}

void
bridge_holdings_set_home (BridgeHoldings *self,
                          const char     *home_id)
{
  g_return_if_fail (BRIDGE_IS_HOLDINGS (self));

  if (home_id != NULL && *home_id == '\0')
    home_id = NULL;
  if (g_strcmp0 (self->home_id, home_id) == 0)
    return;
  g_free (self->home_id);
  self->home_id = g_strdup (home_id);
  emit_changed (self);
}

const char *
bridge_holdings_get_student_name (BridgeHoldings *self)
{
  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (self), NULL);
  return self->student_name;
}

const char *
bridge_holdings_get_student_id (BridgeHoldings *self)
{
  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (self), NULL);
  return self->student_id;
}

gboolean
bridge_holdings_set_student (BridgeHoldings  *self,
                             const char      *name,
                             const char      *id,
                             GError         **error)
{
  BridgePlanStudent check = { 0 };

  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  check.name = (char *) name;
  check.student_number = (char *) id;
  if (!bridge_plan_validate_student (&check, NULL, error))
    return FALSE;
  if (name != NULL && *name == '\0')
    name = NULL;
  if (id != NULL && *id == '\0')
    id = NULL;
  if (g_strcmp0 (self->student_name, name) == 0 && g_strcmp0 (self->student_id, id) == 0)
    return TRUE;
  /* @name and @id may be the record's own. */
  {
    char *new_name = g_strdup (name);
    char *new_id = g_strdup (id);

    g_free (self->student_name);
    self->student_name = new_name;
    g_free (self->student_id);
    self->student_id = new_id;
  }
  emit_changed (self);
  return TRUE;
}

guint
bridge_holdings_get_n_holdings (BridgeHoldings *self)
{
  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (self), 0);
  return self->holdings->len;
}

const BridgeHolding *
bridge_holdings_get_holding (BridgeHoldings *self,
                             guint           index)
{
  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (self), NULL);
  g_return_val_if_fail (index < self->holdings->len, NULL);
  return g_ptr_array_index (self->holdings, index);
}

gboolean
bridge_holdings_add (BridgeHoldings  *self,
                     BridgeCatalog   *catalog,
                     const char      *certificate_id,
                     const char      *obtained,
                     const char      *number,
                     guint           *index,
                     GError         **error)
{
  g_autoptr(BridgeCertificate) certificate = NULL;
  BridgeHolding *holding;

  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (self), FALSE);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (certificate_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bridge_certificate_check_obtained (obtained, NULL, error))
    return FALSE;
  if (number != NULL && *number == '\0')
    number = NULL;
  if (!bridge_validate_text (_("The certificate’s number"), number, error))
    return FALSE;
  certificate = bridge_catalog_get_certificate (catalog, certificate_id, error);
  if (certificate == NULL)
    return FALSE;
  for (guint i = 0; i < self->holdings->len; i++)
    {
      const BridgeHolding *other = g_ptr_array_index (self->holdings, i);

      if (g_str_equal (other->certificate_id, certificate_id) && g_str_equal (other->obtained, obtained))
        {
          g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                       /* Translators: the certificate's name, then a date */
                       _("“%s” obtained on %s is already in your certificates; a certificate obtained "
                         "again has a day of its own"),
                       certificate->name != NULL ? bridge_text_pick (certificate->name) : certificate_id,
                       obtained);
          return FALSE;
        }
    }
  holding = g_new0 (BridgeHolding, 1);
  holding->certificate_id = g_strdup (certificate_id);
  holding->obtained = g_strdup (obtained);
  holding->number = g_strdup (number);
  g_ptr_array_add (self->holdings, holding);
  if (index != NULL)
    *index = self->holdings->len - 1;
  emit_changed (self);
  return TRUE;
}

void
bridge_holdings_remove (BridgeHoldings *self,
                        guint           index)
{
  g_return_if_fail (BRIDGE_IS_HOLDINGS (self));
  g_return_if_fail (index < self->holdings->len);

  g_ptr_array_remove_index (self->holdings, index);
  emit_changed (self);
}

/* What they are worth -------------------------------------------------------- */

char *
bridge_holdings_entry_dup_reason (const BridgeHoldingsEntry *entry,
                                  const char                *on)
{
  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->judgement != NULL)
    return g_strdup (entry->judgement->reason);
  if (entry->certificate == NULL)
    return g_strdup_printf (_("The catalog no longer has the certificate “%s”; "
                              "update the catalog, or ask its issuer what it became"),
                            entry->holding->certificate_id);
  /* Translators: the day obtained, then the day judged */
  return g_strdup_printf (_("Obtained on %s, after the day judged, %s: not held yet on that day"),
                          entry->holding->obtained, on);
}

static void
entry_free (BridgeHoldingsEntry *entry)
{
  g_clear_pointer (&entry->certificate, bridge_certificate_free);
  g_clear_pointer (&entry->judgement, bridge_certificate_judgement_free);
  g_free (entry);
}

void
bridge_holdings_summary_free (BridgeHoldingsSummary *self)
{
  if (self == NULL)
    return;
  g_free (self->home_id);
  g_free (self->on);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self);
}

static const char *
entry_name (const BridgeHoldingsEntry *entry)
{
  if (entry->certificate != NULL && entry->certificate->name != NULL)
    return bridge_text_pick (entry->certificate->name);
  return entry->holding->certificate_id;
}

/* The day BRIDGE_HOLDINGS_EXPIRING_MONTHS months after @on (a valid date). */
static char *
expiring_limit (const char *on)
{
  int y = 0, m = 0, d = 0;
  GDate date;

  g_date_clear (&date, 1);
  if (sscanf (on, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return g_strdup (on);
  g_date_set_dmy (&date, d, m, y);
  g_date_add_months (&date, BRIDGE_HOLDINGS_EXPIRING_MONTHS);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* Which of two valid grants of the same course an office counts: the larger,
 * on a tie the earlier obtained, then the one recorded first. */
static int
compare_grants (gconstpointer a,
                gconstpointer b)
{
  const BridgeHoldingsEntry *x = *(BridgeHoldingsEntry * const *) a;
  const BridgeHoldingsEntry *y = *(BridgeHoldingsEntry * const *) b;
  int by_date;

  if (x->judgement->credits != y->judgement->credits)
    return x->judgement->credits > y->judgement->credits ? -1 : 1;
  by_date = strcmp (x->holding->obtained, y->holding->obtained);
  if (by_date != 0)
    return by_date;
  return x->holding < y->holding ? -1 : (x->holding > y->holding ? 1 : 0);
}

/* The course of @entry's replaces that @other also replaces, or NULL. */
static const char *
shared_course (const BridgeHoldingsEntry *entry,
               const BridgeHoldingsEntry *other)
{
  for (guint i = 0; entry->judgement->replaces[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) other->judgement->replaces, entry->judgement->replaces[i]))
      return entry->judgement->replaces[i];
  return NULL;
}

/* Counts each valid grant unless one counted before it (in the order of
 * compare_grants ()) already replaces one of its courses, or is the same
 * certificate; says so in a note. */
static void
count_entries (BridgeHoldingsSummary *self,
               BridgeCatalog         *catalog)
{
  g_autoptr(GPtrArray) valid = g_ptr_array_new ();

  for (guint i = 0; i < self->entries->len; i++)
    {
      BridgeHoldingsEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->judgement != NULL && entry->judgement->recognised)
        g_ptr_array_add (valid, entry);
    }
  g_ptr_array_sort (valid, compare_grants);
  for (guint i = 0; i < valid->len; i++)
    {
      BridgeHoldingsEntry *entry = g_ptr_array_index (valid, i);
      const BridgeHoldingsEntry *over = NULL;
      const char *course = NULL;

      for (guint j = 0; j < i && over == NULL; j++)
        {
          const BridgeHoldingsEntry *other = g_ptr_array_index (valid, j);

          if (!other->counted)
            continue;
          if (g_str_equal (other->holding->certificate_id, entry->holding->certificate_id))
            over = other;
          else if ((course = shared_course (entry, other)) != NULL)
            over = other;
        }
      entry->counted = over == NULL;
      if (entry->counted)
        {
          self->total_credits += entry->judgement->credits;
          continue;
        }
      if (course != NULL)
        {
          const char *ids[] = { course, NULL };
          g_autofree char *courses = bridge_certificate_describe_courses (catalog, ids);

          g_ptr_array_add (self->notes,
                           /* Translators: a certificate and its date, another and its date, then a course */
                           g_strdup_printf (_("“%s” obtained on %s is not counted: “%s” obtained on %s already "
                                              "replaces %s, and a course is recognised once; the larger grant "
                                              "counts, and on a tie the earlier certificate"),
                                            entry_name (entry), entry->holding->obtained,
                                            entry_name (over), over->holding->obtained, courses));
        }
      else
        g_ptr_array_add (self->notes,
                         /* Translators: a certificate, the date of the one not counted, then of the one counted */
                         g_strdup_printf (_("“%s” obtained on %s is not counted: the same certificate obtained on %s "
                                            "already is, and a certificate is recognised once"),
                                          entry_name (entry), entry->holding->obtained, over->holding->obtained));
    }
}

BridgeHoldingsSummary *
bridge_holdings_summarize (BridgeHoldings  *self,
                           BridgeCatalog   *catalog,
                           const char      *home_id,
                           const char      *on,
                           GError         **error)
{
  g_autoptr(BridgeHoldingsSummary) summary = NULL;
  g_autoptr(BridgeUniversity) home = NULL;
  g_autofree char *limit = NULL;

  g_return_val_if_fail (BRIDGE_IS_HOLDINGS (self), NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (home_id == NULL || *home_id == '\0')
    home_id = self->home_id;
  if (home_id == NULL)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("No home university is chosen for your certificates; choose the university "
                     "that is to recognise them"));
      return NULL;
    }
  if (on != NULL && !bridge_validate_date (_("day judged"), on, error))
    return NULL;
  home = bridge_catalog_get_university (catalog, home_id, error);
  if (home == NULL)
    return NULL;

  summary = g_new0 (BridgeHoldingsSummary, 1);
  summary->home_id = g_strdup (home_id);
  summary->on = on != NULL ? g_strdup (on) : today ();
  summary->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  summary->notes = g_ptr_array_new_with_free_func (g_free);
  limit = expiring_limit (summary->on);

  for (guint i = 0; i < self->holdings->len; i++)
    {
      const BridgeHolding *holding = g_ptr_array_index (self->holdings, i);
      BridgeHoldingsEntry *entry = g_new0 (BridgeHoldingsEntry, 1);
      g_autoptr(GError) local_error = NULL;

      entry->holding = holding;
      g_ptr_array_add (summary->entries, entry);
      entry->certificate = bridge_catalog_get_certificate (catalog, holding->certificate_id, &local_error);
      if (entry->certificate == NULL)
        {
          if (!g_error_matches (local_error, BRIDGE_ERROR, BRIDGE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          summary->n_unknown++;
          continue;
        }
      entry->judgement = bridge_certificate_judge (catalog, holding->certificate_id, home_id,
                                                   holding->obtained, summary->on, &local_error);
      if (entry->judgement == NULL)
        {
          /* Obtained after the day judged: it is not held yet on that day. */
          if (!g_error_matches (local_error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          summary->n_not_recognised++;
          continue;
        }
      if (entry->judgement->recognised)
        {
          summary->n_recognised++;
          entry->expiring = entry->judgement->valid_until != NULL
                            && strcmp (entry->judgement->valid_until, limit) <= 0;
          if (entry->expiring)
            summary->n_expiring++;
        }
      else if (entry->judgement->expired)
        summary->n_expired++;
      else
        summary->n_not_recognised++;
    }
  count_entries (summary, catalog);
  return g_steal_pointer (&summary);
}

JsonNode *
bridge_holdings_summary_to_json (const BridgeHoldingsSummary *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const struct { const char *name; guint value; } counts[] = {
    { "recognised", self->n_recognised },
    { "expiring", self->n_expiring },
    { "expired", self->n_expired },
    { "not_recognised", self->n_not_recognised },
    { "unknown", self->n_unknown },
  };

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (b);
  bridge_json_add_nullable_string (b, "home", self->home_id);
  bridge_json_add_nullable_string (b, "on", self->on);
  json_builder_set_member_name (b, "total_credits");
  json_builder_add_double_value (b, self->total_credits);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      json_builder_set_member_name (b, counts[i].name);
      json_builder_add_int_value (b, counts[i].value);
    }
  bridge_json_add_string_array (b, "notes", self->notes);
  json_builder_set_member_name (b, "certificates");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const BridgeHoldingsEntry *entry = g_ptr_array_index (self->entries, i);
      JsonObject *judgement = NULL;
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "certificate");
      json_builder_add_string_value (b, entry->holding->certificate_id);
      json_builder_set_member_name (b, "name");
      if (entry->certificate != NULL && entry->certificate->name != NULL)
        json_builder_add_value (b, bridge_text_to_json (entry->certificate->name));
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "issuer");
      if (entry->certificate != NULL && entry->certificate->issuer != NULL)
        json_builder_add_value (b, bridge_text_to_json (entry->certificate->issuer));
      else
        json_builder_add_null_value (b);
      bridge_json_add_nullable_string (b, "number", entry->holding->number);
      bridge_json_add_nullable_string (b, "obtained", entry->holding->obtained);
      json_builder_set_member_name (b, "known");
      json_builder_add_boolean_value (b, entry->certificate != NULL);
      json_builder_set_member_name (b, "expiring");
      json_builder_add_boolean_value (b, entry->expiring);
      json_builder_set_member_name (b, "counted");
      json_builder_add_boolean_value (b, entry->counted);
      if (entry->judgement != NULL)
        {
          node = bridge_certificate_judgement_to_json (entry->judgement);
          judgement = json_node_get_object (node);
        }
      else
        {
          g_autofree char *reason = bridge_holdings_entry_dup_reason (entry, self->on);

          json_builder_set_member_name (b, "recognised");
          json_builder_add_boolean_value (b, FALSE);
          json_builder_set_member_name (b, "credits");
          json_builder_add_double_value (b, 0);
          bridge_json_add_nullable_string (b, "reason", reason);
        }
      if (judgement != NULL)
        {
          g_autoptr(GList) members = json_object_get_members (judgement);

          /* The judgement's members, in their order, but those said above. */
          for (GList *l = members; l != NULL; l = l->next)
            if (!g_str_equal (l->data, "certificate") && !g_str_equal (l->data, "obtained"))
              {
                json_builder_set_member_name (b, l->data);
                json_builder_add_value (b, json_node_copy (json_object_get_member (judgement, l->data)));
              }
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

GPtrArray *
bridge_holdings_summary_find_covering (const BridgeHoldingsSummary *self,
                                       const char                  *home_course_id)
{
  GPtrArray *covering = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, covering);
  g_return_val_if_fail (home_course_id != NULL, covering);

  for (guint i = 0; i < self->entries->len; i++)
    {
      BridgeHoldingsEntry *entry = g_ptr_array_index (self->entries, i);

      if (entry->judgement != NULL && entry->judgement->recognised
          && g_strv_contains ((const char * const *) entry->judgement->replaces, home_course_id))
        g_ptr_array_add (covering, entry);
    }
  return covering;
}
