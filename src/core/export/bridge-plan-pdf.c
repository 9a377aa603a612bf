/* bridge-plan-pdf.c: the Learning Agreement as a printed document
 *
 * The document is a list of blocks (headings, paragraphs, tables) built from
 * the plan and the catalog, laid out on pages with pango (so Chinese and
 * Latin text shape and wrap correctly; cairo embeds the font subsets in the
 * PDF), tables split between rows with their header repeated. Every page has
 * a footer with its number and the plan's SHA-256 digest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-plan"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bridge-credit.h"
#include "bridge-error.h"
#include "bridge-file.h"
#include "bridge-names.h"
#include "bridge-plan-export.h"
#include "bridge-plan-pdf.h"
#include "bridge-validate.h"

#define A4_WIDTH   595.276                /* points */
#define A4_HEIGHT  841.890
#define MARGIN     48.0
#define FOOTER     30.0                   /* height kept for the footer */
#define CELL_PAD   3.5
#define FONT       "Cantarell, Noto Sans CJK SC, DejaVu Sans, sans-serif"
#define MONO       "DejaVu Sans Mono, monospace"
#define MIN_TEXT_SIZE 5.5                 /* points: the least an unbreakable text shrinks to */

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,                             /* small grey text */
  BLOCK_WARNING,                          /* boxed, for "modified after approval" */
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  char      *markup;                      /* not for tables */
  guint      n_cols;
  double    *widths;                      /* fractions of the text width */
  GPtrArray *rows;                        /* element-type GStrv of markup */
  GArray    *row_flags;                   /* guint: ROW_HEADER, ROW_TOTAL */
  /* layout */
  GArray    *row_heights;                 /* double */
  double     height;                      /* non-tables */
} Block;

enum
{
  ROW_HEADER = 1 << 0,
  ROW_TOTAL = 1 << 1,
  ROW_SPAN = 1 << 2,                      /* the first cell spans the row */
};

typedef struct
{
  guint  block;
  guint  row_start;                       /* tables: rows [row_start, row_end) */
  guint  row_end;
  double y;
  gboolean repeat_header;
} Placement;

struct _BridgePlanDocument
{
  GPtrArray *blocks;                      /* element-type Block */
  GPtrArray *pages;                       /* element-type GArray of Placement */
  char      *digest;
  char      *title;
  double     width;
  double     height;
  /* A font map of our own, so that the fonts it loads go with the document. */
  PangoFontMap *font_map;
  PangoContext *context;
};

static void
block_free (Block *b)
{
  g_free (b->markup);
  g_free (b->widths);
  g_clear_pointer (&b->rows, g_ptr_array_unref);
  g_clear_pointer (&b->row_flags, g_array_unref);
  g_clear_pointer (&b->row_heights, g_array_unref);
  g_free (b);
}

void
bridge_plan_document_free (BridgePlanDocument *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->blocks);
  g_ptr_array_unref (self->pages);
  g_free (self->digest);
  g_free (self->title);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_free (self);
}

/* Building blocks ---------------------------------------------------------- */

static void
add_text_block (BridgePlanDocument *doc,
                BlockKind           kind,
                char               *markup)      /* takes ownership */
{
  Block *b = g_new0 (Block, 1);

  b->kind = kind;
  b->markup = markup;
  g_ptr_array_add (doc->blocks, b);
}

static Block *
add_table (BridgePlanDocument *doc,
           guint               n_cols,
           const double       *widths)
{
  Block *b = g_new0 (Block, 1);
  double sum = 0;

  b->kind = BLOCK_TABLE;
  b->n_cols = n_cols;
  b->widths = g_new (double, n_cols);
  for (guint i = 0; i < n_cols; i++)
    sum += widths[i];
  for (guint i = 0; i < n_cols; i++)
    b->widths[i] = widths[i] / sum;
  b->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  b->row_flags = g_array_new (FALSE, TRUE, sizeof (guint));
  g_ptr_array_add (doc->blocks, b);
  return b;
}

/* Adds a row of @n_cols markup cells (NULL-terminated varargs of char *, taken). */
static void
table_row (Block *t,
           guint  flags,
           ...)
{
  va_list args;
  char **cells = g_new0 (char *, t->n_cols + 1);

  va_start (args, flags);
  for (guint i = 0; i < t->n_cols; i++)
    {
      char *cell = va_arg (args, char *);

      cells[i] = cell ? cell : g_strdup ("");
    }
  va_end (args);
  g_ptr_array_add (t->rows, cells);
  g_array_append_val (t->row_flags, flags);
}

static char *
esc (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

static char *
fmt_num (double value,
         int    decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%df", decimals);

  return g_strdup (g_ascii_formatd (buf, sizeof buf, format, value));
}

/* The title in the user's language, with the other language below it. */
static char *
title_markup (BridgeText *title,
              const char *fallback)
{
  const char *first, *zh, *en, *other;

  if (title == NULL)
    return esc (fallback);
  first = bridge_text_pick (title);
  zh = bridge_text_get (title, "zh");
  en = bridge_text_get (title, "en");
  other = g_strcmp0 (first, zh) == 0 ? en : zh;
  if (other == NULL || g_strcmp0 (other, first) == 0)
    return esc (first ? first : fallback);
  return g_markup_printf_escaped ("%s\n<span size=\"small\" foreground=\"#555555\">%s</span>", first, other);
}

static const char *
university_name (BridgeCatalog *catalog,
                 const char    *id,
                 GHashTable    *keep)
{
  BridgeUniversity *u;

  if (id == NULL)
    return "—";
  u = g_hash_table_lookup (keep, id);
  if (u == NULL)
    {
      u = bridge_catalog_get_university (catalog, id, NULL);
      if (u == NULL)
        return id;
      g_hash_table_insert (keep, g_strdup (id), u);
    }
  return bridge_university_get_name (u) ? bridge_text_pick (bridge_university_get_name (u)) : id;
}

/* An e-mail address never breaks nor takes a hyphen ("wangfang@cqu.edu.c-n"):
 * a reader copies it by hand. make_layout () prints it smaller when it is
 * wider than its cell. */
static char *
email_markup (const char *email)
{
  if (email == NULL || *email == '\0')
    return g_strdup ("—");
  return g_markup_printf_escaped ("<span allow_breaks=\"false\" insert_hyphens=\"false\">%s</span>", email);
}

/* "2026-09-01 – 2027-01-20"; one dash when neither date is known. */
static char *
period_markup (const char *start,
               const char *end)
{
  gboolean has_start = start != NULL && *start != '\0';
  gboolean has_end = end != NULL && *end != '\0';

  if (!has_start && !has_end)
    return g_strdup ("—");
  return g_markup_printf_escaped ("%s – %s", has_start ? start : "…", has_end ? end : "…");
}

static char *
person_markup (const BridgePlanPerson *p)
{
  g_autofree char *head = NULL;
  g_autofree char *email = NULL;

  if (p == NULL || p->name == NULL)
    return g_strdup ("—");
  head = g_markup_printf_escaped ("%s%s%s", p->name, p->position ? "\n" : "", p->position ? p->position : "");
  if (p->email == NULL)
    return g_steal_pointer (&head);
  email = email_markup (p->email);
  return g_strconcat (head, "\n", email, NULL);
}

static char *
term_label (BridgeCatalog *catalog,
            const char    *university,
            const char    *term,
            GHashTable    *keep)
{
  if (term == NULL)
    return g_strdup ("—");
  university_name (catalog, university, keep);
  return bridge_term_get_label (university ? g_hash_table_lookup (keep, university) : NULL, term);
}

/* Under a group of Table B: the valid decision of the register that
 * recognises it, with its condition. */
static void
append_precedent (GString         *s,
                  BridgePlan      *plan,
                  BridgeCatalog   *catalog,
                  BridgePlanGroup *g)
{
  g_autoptr(BridgePlanPrecedent) precedent = bridge_plan_find_precedent (plan, catalog, g);
  g_autofree char *line = NULL;

  if (precedent == NULL || precedent->expired)
    return;
  /* Translators: the decision's reference, then the date it was taken on */
  line = g_markup_printf_escaped (_("Recognised by decision %s of %s"), precedent->reference,
                                  precedent->equivalence->decided);
  g_string_append_printf (s, "\n%s", line);
  if (precedent->equivalence->conditions != NULL)
    {
      g_autofree char *condition = esc (bridge_text_pick (precedent->equivalence->conditions));

      g_string_append_printf (s, " (%s %s)", _("Condition:"), condition);
    }
}

static void
add_components_table (BridgePlanDocument *doc,
                      BridgePlan         *plan,
                      BridgeCatalog      *catalog,
                      GHashTable         *keep,
                      gboolean            home)
{
  /* Codes such as MATH26416 must not break: their columns are sized for
   * nine characters, and Table B's "recognised for" for two codes. */
  const double wa[] = { 1.4, 2.65, 1.25, 0.95, 0.95, 0.8, 0.75 };
  const double wb[] = { 0.8, 1.35, 1.6, 1.0, 0.85, 1.45, 1.7, 1.05 };
  Block *t = home ? add_table (doc, 8, wb) : add_table (doc, 7, wa);
  BridgePlanTotals total = { 0 };
  guint n = bridge_plan_get_n_groups (plan);
  const char *uni = home ? bridge_plan_get_home_university (plan) : bridge_plan_get_host_university (plan);

  if (!home)
    table_row (t, ROW_HEADER, g_strdup (_("Code")), g_strdup (_("Title")), g_strdup (_("Term")),
               g_strdup (_("Local credits")), g_strdup (_("Alliance credits")), g_strdup (_("ECTS")),
               g_strdup (_("Group")));
  else
    table_row (t, ROW_HEADER, g_strdup (_("Group")), g_strdup (_("Code")), g_strdup (_("Title")),
               g_strdup (_("Term")), g_strdup (_("Credits")), g_strdup (_("Automatic recognition")),
               g_strdup (_("Recognised for")), g_strdup (_("Status")));

  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *g = bridge_plan_get_group (plan, i);
      BridgePlanSide side = home ? BRIDGE_PLAN_SIDE_HOME : BRIDGE_PLAN_SIDE_HOST;
      g_autoptr(GString) hosts = NULL;
      BridgePlanTotals gt = { 0 };
      gboolean have;
      /* People's number, as the window shows it; the id is the file's. */
      g_autofree char *number = g_strdup_printf ("%u", bridge_plan_get_group_number (plan, g));

      /* A group with no course at all is not part of the agreement. */
      if (bridge_plan_group_get_n_components (g, BRIDGE_PLAN_SIDE_HOST) == 0 &&
          bridge_plan_group_get_n_components (g, BRIDGE_PLAN_SIDE_HOME) == 0)
        continue;
      hosts = g_string_new (NULL);
      have = bridge_plan_compute_totals (plan, catalog, g, &gt, NULL);

      for (guint j = 0; j < bridge_plan_group_get_n_components (g, BRIDGE_PLAN_SIDE_HOST); j++)
        {
          const BridgePlanComponent *h = bridge_plan_group_get_component (g, BRIDGE_PLAN_SIDE_HOST, j);

          g_string_append_printf (hosts, "%s%s", j ? ", " : "", h->code ? h->code : h->course_id);
        }
      for (guint j = 0; j < bridge_plan_group_get_n_components (g, side); j++)
        {
          const BridgePlanComponent *c = bridge_plan_group_get_component (g, side, j);
          g_autofree char *title = title_markup (c->title, c->course_id);
          g_autoptr(GString) cell = g_string_new (title);
          g_autofree char *term = term_label (catalog, uni, c->term ? c->term : bridge_plan_get_term (plan), keep);

          if (c->is_virtual)
            g_string_append_printf (cell, " <i>(%s)</i>", _("virtual"));
          if (c->unknown)
            g_string_append_printf (cell, "\n<span foreground=\"#a51d2d\">%s</span>", _("No longer in the catalog"));
          if (c->comment)
            {
              g_autofree char *cm = esc (c->comment);

              g_string_append_printf (cell, "\n<span size=\"small\" style=\"italic\">%s %s</span>", _("Comment:"), cm);
            }
          if (!home)
            {
              g_autoptr(BridgeCourse) course = bridge_catalog_get_course (catalog, c->course_id, NULL);
              g_autoptr(BridgeCreditResult) r = NULL;

              if (course != NULL)
                r = bridge_catalog_compute_credit (catalog, course, bridge_plan_get_home_university (plan), NULL);
              table_row (t, 0, esc (c->code ? c->code : c->course_id), g_string_free (g_steal_pointer (&cell), FALSE),
                         esc (term), fmt_num (c->credits, 1),
                         r ? fmt_num (r->alliance_credits, 2) : g_strdup ("—"),
                         r ? fmt_num (r->ects_credits, 2) : g_strdup ("—"),
                         g_strdup (number));
            }
          else
            table_row (t, 0, g_strdup (number), esc (c->code ? c->code : c->course_id),
                       g_string_free (g_steal_pointer (&cell), FALSE), esc (term), fmt_num (c->credits, 1),
                       g_strdup (c->automatic ? _("Yes") : _("No")), esc (hosts->str),
                       j == 0 ? esc (bridge_plan_group_status_get_label (bridge_plan_group_get_status (g))) : g_strdup (""));
        }
      if (home && have)
        {
          g_autofree char *worth = fmt_num (gt.home_credits, 1);
          g_autofree char *replaced = fmt_num (gt.replaced_credits, 1);
          g_autofree char *line = g_markup_printf_escaped (_("Group %s: the host courses are worth %s home credits; the home courses they replace carry %s"),
                                                           number, worth, replaced);
          g_autoptr(GString) s = g_string_new (line);

          append_precedent (s, plan, catalog, g);
          if (bridge_plan_group_get_comment (g))
            {
              g_autofree char *cm = esc (bridge_plan_group_get_comment (g));

              g_string_append_printf (s, "\n%s %s", _("Comment:"), cm);
            }
          table_row (t, ROW_SPAN, g_string_free (g_steal_pointer (&s), FALSE), NULL, NULL,
                     NULL, NULL, NULL, NULL, NULL);
        }
    }
  if (bridge_plan_compute_totals (plan, catalog, NULL, &total, NULL))
    {
      if (!home)
        table_row (t, ROW_TOTAL, g_strdup (_("Total")), g_strdup (""), g_strdup (""), fmt_num (total.host_credits, 1),
                   fmt_num (total.alliance_credits, 2), fmt_num (total.ects_credits, 2), g_strdup (""));
      else
        {
          g_autofree char *replaced = fmt_num (total.replaced_credits, 1);
          g_autofree char *worth = fmt_num (total.home_credits, 1);

          table_row (t, ROW_TOTAL | ROW_SPAN,
                     g_markup_printf_escaped (_("Total recognised at home: %s credits (the host courses are worth %s home credits)"),
                                              replaced, worth),
                     NULL, NULL, NULL, NULL, NULL, NULL, NULL);
        }
    }
}

static void
add_grading_table (BridgePlanDocument       *doc,
                   BridgeCatalog            *catalog,
                   BridgeUniversity         *u,
                   const BridgeGradingTable *table,
                   GHashTable               *keep)
{
  const double w[] = { 2.0, 1.2, 1.2, 1.4 };
  Block *t;
  gint64 total = 0, cum = 0;
  const char *uname = bridge_university_get_name (u) ? bridge_text_pick (bridge_university_get_name (u)) : bridge_university_get_id (u);
  const BridgeGradingScale *scale = bridge_university_find_scale (u, table->scale);

  add_text_block (doc, BLOCK_PARAGRAPH,
                  g_markup_printf_escaped ("<b>%s</b> — %s, ISCED %s, %s, %s", uname,
                                           scale && scale->name ? bridge_text_pick (scale->name) : table->scale,
                                           table->isced, bridge_cycle_get_label (table->cycle), table->period));
  t = add_table (doc, 4, w);
  table_row (t, ROW_HEADER, g_strdup (_("Grade")), g_strdup (_("Number awarded")), g_strdup (_("Percentage")),
             g_strdup (_("Cumulative percentage")));
  for (guint i = 0; i < table->n_counts; i++)
    total += table->counts[i].count;
  for (guint i = 0; i < table->n_counts; i++)
    {
      cum += table->counts[i].count;
      table_row (t, 0, esc (table->counts[i].grade),
                 g_strdup_printf ("%" G_GINT64_FORMAT, table->counts[i].count),
                 fmt_num (total ? 100.0 * table->counts[i].count / total : 0, 1),
                 fmt_num (total ? 100.0 * cum / total : 0, 1));
    }
  table_row (t, ROW_TOTAL, g_strdup (_("Total")), g_strdup_printf ("%" G_GINT64_FORMAT, total), g_strdup ("100.0"), g_strdup (""));
}

static void
add_grading_tables (BridgePlanDocument *doc,
                    BridgePlan         *plan,
                    BridgeCatalog      *catalog,
                    GHashTable         *keep)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(BridgeUniversity) home = NULL;
  guint n = bridge_plan_get_n_groups (plan);
  gboolean any = FALSE;

  if (bridge_plan_get_home_university (plan))
    home = bridge_catalog_get_university (catalog, bridge_plan_get_home_university (plan), NULL);
  for (guint i = 0; i < n; i++)
    {
      BridgePlanGroup *g = bridge_plan_get_group (plan, i);

      for (guint j = 0; j < bridge_plan_group_get_n_components (g, BRIDGE_PLAN_SIDE_HOST); j++)
        {
          const BridgePlanComponent *c = bridge_plan_group_get_component (g, BRIDGE_PLAN_SIDE_HOST, j);
          g_autoptr(BridgeCourse) course = bridge_catalog_get_course (catalog, c->course_id, NULL);
          g_autoptr(BridgeUniversity) host = NULL;

          if (course == NULL)
            continue;
          host = bridge_catalog_get_university (catalog, bridge_course_get_university_id (course), NULL);
          for (int side = 0; side < 2; side++)
            {
              BridgeUniversity *u = side == 0 ? host : home;
              const BridgeGradingTable *table = u ? bridge_university_find_table (u, bridge_course_get_isced (course),
                                                                                   bridge_course_get_cycle (course)) : NULL;

              if (table == NULL || g_ptr_array_find (seen, table, NULL))
                continue;
              g_ptr_array_add (seen, (gpointer) table);
              add_grading_table (doc, catalog, u, table, keep);
              any = TRUE;
            }
        }
    }
  if (!any)
    add_text_block (doc, BLOCK_PARAGRAPH,
                    esc (_("No grading table applies to these courses; grades will be converted approximately, from the grades’ marks.")));
}

/* "2026-06-01T10:00:00+08:00" on two lines: date, then time. */
static char *
timestamp_markup (const char *timestamp)
{
  g_autofree char *text = g_strdup (timestamp);
  char *t = text ? strchr (text, 'T') : NULL;

  if (t != NULL)
    *t = '\n';
  return esc (text);
}

static void
add_approvals (BridgePlanDocument        *doc,
               const BridgePlanApproval *(*get) (BridgePlan *, BridgePlanRole),
               BridgePlan                *plan)
{
  const double w[] = { 1.5, 1.5, 1.4, 2.6, 1.4 };      /* room for an e-mail address on one line */
  Block *t = add_table (doc, 5, w);

  table_row (t, ROW_HEADER, g_strdup (_("Party")), g_strdup (_("Name")), g_strdup (_("Position")),
             g_strdup (_("Email")), g_strdup (_("Approved on")));
  for (guint r = 0; r < BRIDGE_PLAN_N_ROLES; r++)
    {
      const BridgePlanApproval *a = get (plan, r);

      table_row (t, 0, esc (bridge_plan_role_get_label (r)),
                 esc (a ? a->person.name : "—"), esc (a && a->person.position ? a->person.position : "—"),
                 email_markup (a ? a->person.email : NULL),
                 a ? timestamp_markup (a->timestamp) : g_markup_printf_escaped ("<i>%s</i>", _("not yet")));
    }
}

static void
add_changes_table (BridgePlanDocument *doc,
                   GPtrArray          *changes)
{
  const double w[] = { 1.0, 0.7, 1.1, 2.8, 0.8, 2.6 };
  Block *t = add_table (doc, 6, w);

  table_row (t, ROW_HEADER, g_strdup (_("Change")), g_strdup (_("Table")), g_strdup (_("Code")), g_strdup (_("Title")),
             g_strdup (_("Credits")), g_strdup (_("Reason")));
  for (guint i = 0; i < changes->len; i++)
    {
      BridgePlanChange *c = g_ptr_array_index (changes, i);
      g_autofree char *reason = c->reason_text && c->reason != BRIDGE_CHANGE_REASON_OTHER
                                  ? g_strdup_printf ("%s — %s", bridge_change_reason_get_label (c->reason), c->reason_text)
                                  : g_strdup (c->reason_text ? c->reason_text : bridge_change_reason_get_label (c->reason));

      table_row (t, 0, g_strdup (c->kind == BRIDGE_CHANGE_ADD ? _("Added") : _("Deleted")),
                 g_strdup (c->side == BRIDGE_PLAN_SIDE_HOST ? "A" : "B"),
                 esc (c->component->code ? c->component->code : c->component->course_id),
                 title_markup (c->component->title, c->component->course_id),
                 fmt_num (c->component->credits, 1), esc (reason));
    }
}

static void
build (BridgePlanDocument *doc,
       BridgePlan         *plan,
       BridgeCatalog      *catalog)
{
  g_autoptr(GHashTable) keep = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  const BridgePlanStudent *s = bridge_plan_get_student (plan);
  g_autofree char *status = NULL;
  g_autofree char *why = NULL;
  BridgePlanApprovalState state;
  const double kv[] = { 1.3, 3.0 };
  Block *t;

  /* Title: the approval state as core decides it, never from the lock alone. */
  state = bridge_plan_get_approval_state (plan, &why);
  if (state == BRIDGE_PLAN_APPROVAL_STATE_BROKEN)
    status = g_strdup (_("NOT approved: the approvals do not hold"));
  else if (state == BRIDGE_PLAN_APPROVAL_STATE_DRAFT)
    status = g_strdup (_("Draft — not yet approved by all three parties"));
  else if (bridge_plan_get_pending_changes (plan))
    status = g_strdup_printf (_("Version %u, approved — with changes proposed"), bridge_plan_get_n_versions (plan));
  else
    status = g_strdup_printf (_("Version %u, approved by all three parties"), bridge_plan_get_n_versions (plan));
  {
    /* Only the parts there are, never "李明 · · Draft". */
    const char *parts[] = { s->name, bridge_plan_get_academic_year (plan), status };
    g_autoptr(GString) line = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      if (parts[i] != NULL && *parts[i] != '\0')
        g_string_append_printf (line, "%s%s", line->len > 0 ? " · " : "", parts[i]);
    add_text_block (doc, BLOCK_TITLE,
                    g_markup_printf_escaped ("<span size=\"x-large\" weight=\"bold\">%s</span>\n%s",
                                             _("Learning Agreement for Studies"), line->str));
  }
  if (state == BRIDGE_PLAN_APPROVAL_STATE_BROKEN)
    {
      /* Translators: the reason, from “the plan was changed after the student approved it” */
      g_autofree char *warning = g_strdup_printf (_("Not approved: %s. The approvals below do not cover what this "
                                                    "document says."), why);

      add_text_block (doc, BLOCK_WARNING, esc (warning));
    }
  else if (state == BRIDGE_PLAN_APPROVAL_STATE_APPROVED_UNBOUND)
    {
      g_autofree char *note = g_strdup_printf ("%s %s.", _("Note:"), why);

      add_text_block (doc, BLOCK_NOTE, esc (note));
    }

  /* 1. Student */
  add_text_block (doc, BLOCK_HEADING, esc (_("Student")));
  t = add_table (doc, 2, kv);
  table_row (t, 0, esc (_("Name")), esc (s->name ? s->name : "—"));
  table_row (t, 0, esc (_("Student number")), esc (s->student_number ? s->student_number : "—"));
  table_row (t, 0, esc (_("Email")), email_markup (s->email));
  table_row (t, 0, esc (_("Date of birth")), esc (s->birth_date ? s->birth_date : "—"));
  table_row (t, 0, esc (_("Nationality")), esc (s->nationality ? bridge_country_get_name (s->nationality) : "—"));
  table_row (t, 0, esc (_("Study cycle")), esc (bridge_cycle_get_label (s->cycle)));
  table_row (t, 0, esc (_("Field of education (ISCED-F)")), esc (s->isced ? s->isced : "—"));
  table_row (t, 0, esc (_("Language of instruction")),
             g_markup_printf_escaped ("%s%s%s", s->language ? bridge_language_get_name (s->language) : "—",
                                      s->cefr ? " · CEFR " : "", s->cefr ? s->cefr : ""));

  /* 2. Institutions and the mobility period */
  add_text_block (doc, BLOCK_HEADING, esc (_("Sending and receiving institutions")));
  {
    const double w[] = { 1.1, 1.9, 1.8, 2.2 };

    t = add_table (doc, 4, w);
    table_row (t, ROW_HEADER, g_strdup (_("Role")), g_strdup (_("Institution")), g_strdup (_("Faculty or department")),
               g_strdup (_("Responsible person")));
    for (int side = BRIDGE_PLAN_SIDE_HOME; side >= BRIDGE_PLAN_SIDE_HOST; side--)
      {
        const BridgePlanInstitution *inst = bridge_plan_get_institution (plan, side);
        BridgeUniversity *u;
        const char *hei;

        university_name (catalog, inst->university, keep);
        u = inst->university ? g_hash_table_lookup (keep, inst->university) : NULL;
        hei = u ? bridge_university_get_hei_id (u) : NULL;
        table_row (t, 0, g_strdup (side == BRIDGE_PLAN_SIDE_HOME ? _("Sending") : _("Receiving")),
                   g_markup_printf_escaped ("%s%s%s", university_name (catalog, inst->university, keep),
                                            hei ? "\nEWP " : "", hei ? hei : ""),
                   esc (inst->faculty ? inst->faculty : "—"), person_markup (&inst->responsible));
      }
  }
  t = add_table (doc, 2, kv);
  {
    g_autoptr(GString) terms = g_string_new (NULL);
    const char * const *ids = bridge_plan_get_terms (plan);

    for (guint i = 0; ids && ids[i]; i++)
      {
        g_autofree char *label = term_label (catalog, bridge_plan_get_host_university (plan), ids[i], keep);

        g_string_append_printf (terms, "%s%s", i ? ", " : "", label);
      }
    table_row (t, 0, esc (_("Mobility period")), period_markup (bridge_plan_get_start_date (plan),
                                                                 bridge_plan_get_end_date (plan)));
    table_row (t, 0, esc (_("Terms")), esc (terms->len ? terms->str : "—"));
    table_row (t, 0, esc (_("Academic year")), esc (bridge_plan_get_academic_year (plan) ? bridge_plan_get_academic_year (plan) : "—"));
  }

  /* 3. Table A */
  add_text_block (doc, BLOCK_HEADING, esc (_("Table A: study programme at the receiving institution")));
  add_components_table (doc, plan, catalog, keep, FALSE);
  add_text_block (doc, BLOCK_NOTE,
                  esc (_("Alliance credits and ECTS are computed from each course’s student workload; local credits are the host university’s own.")));

  /* 4. Table B */
  add_text_block (doc, BLOCK_HEADING, esc (_("Table B: recognition at the sending institution")));
  add_components_table (doc, plan, catalog, keep, TRUE);
  add_text_block (doc, BLOCK_PARAGRAPH,
                  g_markup_printf_escaped ("<b>%s</b> %s", _("Provisions if a component is not completed:"),
                                           bridge_plan_get_provisions (plan) ? bridge_plan_get_provisions (plan)
                                                                             : _("as set by the sending institution’s regulations.")));

  /* 5. Grading tables */
  add_text_block (doc, BLOCK_HEADING, esc (_("Grading tables used for grade conversion")));
  add_grading_tables (doc, plan, catalog, keep);

  /* 6. Commitment */
  add_text_block (doc, BLOCK_HEADING, esc (_("Commitment")));
  add_text_block (doc, BLOCK_PARAGRAPH,
                  esc (_("By approving this document, the student, the sending institution and the receiving institution "
                         "confirm that they approve the Learning Agreement and will comply with all the arrangements agreed "
                         "by all parties. The sending institution commits to recognise all the credits gained at the "
                         "receiving institution for the successfully completed components as shown in Table B.")));
  add_approvals (doc, bridge_plan_get_approval, plan);

  /* 7. Changes during the mobility */
  add_text_block (doc, BLOCK_HEADING, esc (_("Changes during the mobility")));
  if (bridge_plan_get_n_versions (plan) <= 1 && bridge_plan_get_pending_changes (plan) == NULL)
    add_text_block (doc, BLOCK_PARAGRAPH, esc (_("No changes so far.")));
  for (guint v = 2; v <= bridge_plan_get_n_versions (plan); v++)
    {
      g_autofree char *label = g_strdup_printf (_("Version %u, approved on %s"), v,
                                                bridge_plan_get_version_timestamp (plan, v));

      add_text_block (doc, BLOCK_PARAGRAPH, g_markup_printf_escaped ("<b>%s</b>", label));
      add_changes_table (doc, bridge_plan_get_version_changes (plan, v));
    }
  if (bridge_plan_get_pending_changes (plan))
    {
      add_text_block (doc, BLOCK_PARAGRAPH,
                      g_markup_printf_escaped ("<b>%s</b>", _("Changes proposed, awaiting approval")));
      add_changes_table (doc, bridge_plan_get_pending_changes (plan));
      add_approvals (doc, bridge_plan_get_pending_approval, plan);
    }

  /* 8. After the stay */
  if (bridge_plan_get_recognition (plan)->len > 0)
    {
      const double w[] = { 0.9, 2.2, 0.85, 1.4, 0.9, 3.0 };
      GPtrArray *rec = bridge_plan_get_recognition (plan);

      add_text_block (doc, BLOCK_HEADING, esc (_("Recognition record (after the mobility)")));
      t = add_table (doc, 6, w);
      table_row (t, ROW_HEADER, g_strdup (_("Code")), g_strdup (_("Home course")), g_strdup (_("Credits")),
                 g_strdup (_("Host grades")), g_strdup (_("Home grade")), g_strdup (_("How")));
      for (guint i = 0; i < rec->len; i++)
        {
          BridgePlanRecognition *r = g_ptr_array_index (rec, i);
          g_autoptr(GString) how = g_string_new (NULL);

          g_string_append_printf (how, "%s", r->rule ? r->rule : "");
          if (r->candidates)
            g_string_append_printf (how, "\n%s %s", _("Candidates:"), r->candidates);
          if (r->approximate)
            g_string_append_printf (how, "\n%s", _("approximate"));
          if (r->reason)
            g_string_append_printf (how, "\n%s", r->reason);
          table_row (t, 0, esc (r->code ? r->code : r->course_id), title_markup (r->title, r->course_id),
                     fmt_num (r->credits, 1), esc (r->host_grades), esc (r->grade ? r->grade : "—"), esc (how->str));
        }
    }
}

/* Layout ------------------------------------------------------------------- */

/* The longest run of characters without a break opportunity that pango is
 * given. Pango wraps a word wider than the line character by character,
 * shaping what is left of it again for every line: a 20,000-character word
 * took 6 s. A zero-width space after every 64 characters of such a run (a
 * SHA-256 digest still fits whole) makes the layout linear; it is invisible
 * and pdftotext does not extract it. */
#define MAX_UNBROKEN 64

static char *
add_break_opportunities (const char *markup)
{
  GString *out = g_string_sized_new (strlen (markup) + 16);
  gboolean in_tag = FALSE;
  guint run = 0;

  for (const char *p = markup, *next; *p != '\0'; p = next)
    {
      gunichar c = g_utf8_get_char (p);

      next = g_utf8_next_char (p);
      if (in_tag || c == '<')
        {
          in_tag = c != '>';
          g_string_append_len (out, p, next - p);
          continue;
        }
      if (g_unichar_isspace (c) || c == 0x200b)
        run = 0;
      else if (run++ == MAX_UNBROKEN)
        {
          g_string_append (out, "\u200b");
          run = 1;
        }
      /* An entity (&amp;) is one character: copy it whole. */
      if (c == '&' && strchr (p, ';') != NULL)
        next = strchr (p, ';') + 1;
      g_string_append_len (out, p, next - p);
    }
  return g_string_free (out, FALSE);
}

static PangoLayout *
make_layout (BridgePlanDocument *doc,
             cairo_t            *cr,
             const char         *markup,
             double              width,
             double              size,
             gboolean            bold)
{
  PangoLayout *layout;
  g_autofree char *breakable = NULL;

  pango_cairo_update_context (cr, doc->context);
  layout = pango_layout_new (doc->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  breakable = add_break_opportunities (markup);
  pango_layout_set_markup (layout, breakable, -1);

  /* Text that may not break (e-mail addresses) and is wider than its
   * cell prints smaller, rather than over the next cell. */
  for (double smaller = size - 0.5; smaller >= MIN_TEXT_SIZE; smaller -= 0.5)
    {
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      if (logical.width <= (int) (width * PANGO_SCALE))
        break;
      pango_font_description_set_size (font, (int) (smaller * PANGO_SCALE));
      pango_layout_set_font_description (layout, font);
    }
  return layout;
}

static double
text_size (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_TITLE:
      return 11;
    case BLOCK_HEADING:
      return 12;
    case BLOCK_NOTE:
      return 7.5;
    case BLOCK_PARAGRAPH:
    case BLOCK_WARNING:
    case BLOCK_TABLE:
    default:
      return 8.5;
    }
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
block_spacing (const Block *b)
{
  switch (b->kind)
    {
    case BLOCK_HEADING:
      return 16;
    case BLOCK_TITLE:
      return 4;
    default:
      return 6;
    }
}

static void
measure (BridgePlanDocument *doc,
         cairo_t            *cr)
{
  double text_width = doc->width - 2 * MARGIN;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (doc->blocks, i);

      if (b->kind != BLOCK_TABLE)
        {
          double pad = b->kind == BLOCK_WARNING ? 2 * 6 : 0;
          g_autoptr(PangoLayout) l = make_layout (doc, cr, b->markup, text_width - pad, text_size (b->kind),
                                                  b->kind == BLOCK_HEADING);

          b->height = layout_height (l) + pad;
          continue;
        }
      g_clear_pointer (&b->row_heights, g_array_unref);
      b->row_heights = g_array_new (FALSE, TRUE, sizeof (double));
      for (guint r = 0; r < b->rows->len; r++)
        {
          char **cells = g_ptr_array_index (b->rows, r);
          guint flags = g_array_index (b->row_flags, guint, r);
          double h = 0;

          for (guint c = 0; c < ((flags & ROW_SPAN) ? 1 : b->n_cols); c++)
            {
              double w = (flags & ROW_SPAN) ? 1.0 : b->widths[c];
              g_autoptr(PangoLayout) l = make_layout (doc, cr, cells[c], w * text_width - 2 * CELL_PAD,
                                                      (flags & ROW_HEADER) ? 7.5 : text_size (BLOCK_TABLE),
                                                      flags & (ROW_HEADER | ROW_TOTAL));

              h = MAX (h, layout_height (l));
            }
          h += 2 * CELL_PAD;
          g_array_append_val (b->row_heights, h);
        }
    }
}

static void
place (GArray   *page,
       guint     block,
       guint     row_start,
       guint     row_end,
       double    y,
       gboolean  repeat_header)
{
  Placement p = { block, row_start, row_end, y, repeat_header };

  g_array_append_val (page, p);
}

guint
bridge_plan_document_paginate (BridgePlanDocument *self,
                               cairo_t            *cr,
                               double              width,
                               double              height)
{
  double top = MARGIN, bottom;
  double y;
  GArray *page;

  g_return_val_if_fail (self != NULL, 0);

  self->width = width;
  self->height = height;
  bottom = height - MARGIN - FOOTER;
  measure (self, cr);
  g_ptr_array_set_size (self->pages, 0);
  page = g_array_new (FALSE, FALSE, sizeof (Placement));
  g_ptr_array_add (self->pages, page);
  y = top;

#define NEW_PAGE() G_STMT_START { page = g_array_new (FALSE, FALSE, sizeof (Placement)); \
                                  g_ptr_array_add (self->pages, page); y = top; } G_STMT_END

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);
      double space = (page->len > 0) ? block_spacing (b) : 0;

      if (b->kind != BLOCK_TABLE)
        {
          double need = b->height;

          /* Keep a heading with what follows it. */
          if (b->kind == BLOCK_HEADING && i + 1 < self->blocks->len)
            {
              Block *next = g_ptr_array_index (self->blocks, i + 1);

              need += 6 + (next->kind == BLOCK_TABLE
                             ? g_array_index (next->row_heights, double, 0)
                                 + (next->rows->len > 1 ? g_array_index (next->row_heights, double, 1) : 0)
                             : next->height);
            }
          if (y + space + need > bottom && page->len > 0)
            {
              NEW_PAGE ();
              space = 0;
            }
          y += space;
          place (page, i, 0, 0, y, FALSE);
          y += b->height;
          continue;
        }

      /* Tables: row by row, the header repeated on each new page. */
      {
        guint r = 0, n = b->rows->len;
        gboolean has_header = n > 0 && (g_array_index (b->row_flags, guint, 0) & ROW_HEADER);
        double header_h = has_header ? g_array_index (b->row_heights, double, 0) : 0;
        gboolean continued = FALSE;

        y += space;
        while (r < n)
          {
            guint start = r;
            double h = continued ? header_h : 0;

            while (r < n && y + h + g_array_index (b->row_heights, double, r) <= bottom)
              h += g_array_index (b->row_heights, double, r++);
            /* Never break before a summary or total row: it goes with the
             * row it sums up. */
            if (r < n && r > start + 1)
              {
                guint keep = r;

                while (keep > start + 1 && (g_array_index (b->row_flags, guint, keep) & (ROW_SPAN | ROW_TOTAL)))
                  keep--;
                if (keep > start + (has_header && start == 0 ? 1 : 0))
                  while (r > keep)
                    h -= g_array_index (b->row_heights, double, --r);
              }
            /* A header alone at the foot of a page goes with its rows. */
            if (has_header && start == 0 && r == 1 && n > 1)
              {
                r = 0;
                h = 0;
              }
            if (r == start)
              {
                if (page->len > 0)
                  {
                    NEW_PAGE ();
                    continued = has_header && start > 0;
                    continue;
                  }
                /* Taller than a page: place it anyway. */
                h += g_array_index (b->row_heights, double, r++);
              }
            place (page, i, start, r, y, continued);
            y += h;
            if (r < n)
              {
                NEW_PAGE ();
                continued = has_header;
              }
          }
      }
    }
#undef NEW_PAGE
  return self->pages->len;
}

/* Drawing ------------------------------------------------------------------ */

static void
draw_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static double
draw_row (BridgePlanDocument *doc,
          cairo_t            *cr,
          Block              *b,
          guint               r,
          double              y)
{
  double text_width = doc->width - 2 * MARGIN;
  double h = g_array_index (b->row_heights, double, r);
  guint flags = g_array_index (b->row_flags, guint, r);
  char **cells = g_ptr_array_index (b->rows, r);
  double x = MARGIN;

  if (flags & ROW_HEADER)
    {
      cairo_set_source_rgb (cr, 0.88, 0.91, 0.96);
      cairo_rectangle (cr, MARGIN, y, text_width, h);
      cairo_fill (cr);
    }
  else if (flags & ROW_TOTAL)
    {
      cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
      cairo_rectangle (cr, MARGIN, y, text_width, h);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.6);
  cairo_set_line_width (cr, 0.4);
  cairo_rectangle (cr, MARGIN, y, text_width, h);
  cairo_stroke (cr);

  for (guint c = 0; c < ((flags & ROW_SPAN) ? 1 : b->n_cols); c++)
    {
      double w = ((flags & ROW_SPAN) ? 1.0 : b->widths[c]) * text_width;
      g_autoptr(PangoLayout) l = make_layout (doc, cr, cells[c], w - 2 * CELL_PAD,
                                              (flags & ROW_HEADER) ? 7.5 : text_size (BLOCK_TABLE),
                                              flags & (ROW_HEADER | ROW_TOTAL));

      if (c > 0)
        {
          cairo_set_source_rgb (cr, 0.55, 0.55, 0.6);
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x, y + h);
          cairo_stroke (cr);
        }
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      draw_layout (cr, l, x + CELL_PAD, y + CELL_PAD);
      x += w;
    }
  return h;
}

static void
draw_footer (BridgePlanDocument *doc,
             cairo_t            *cr,
             guint               page)
{
  double y = doc->height - MARGIN - FOOTER + 12;
  double text_width = doc->width - 2 * MARGIN;
  g_autofree char *left = g_markup_printf_escaped ("%s · SHA-256 <span font_family=\"" MONO "\">%s</span>",
                                                   doc->title, doc->digest);
  g_autofree char *right = g_markup_printf_escaped (_("Page %u of %u"), page + 1, doc->pages->len);
  g_autoptr(PangoLayout) l = make_layout (doc, cr, left, text_width - 70, 6.5, FALSE);
  g_autoptr(PangoLayout) rl = make_layout (doc, cr, right, 70, 7, FALSE);

  cairo_set_source_rgb (cr, 0.55, 0.55, 0.6);
  cairo_set_line_width (cr, 0.4);
  cairo_move_to (cr, MARGIN, y - 4);
  cairo_line_to (cr, doc->width - MARGIN, y - 4);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  draw_layout (cr, l, MARGIN, y);
  pango_layout_set_alignment (rl, PANGO_ALIGN_RIGHT);
  draw_layout (cr, rl, doc->width - MARGIN - 70, y);
}

void
bridge_plan_document_draw_page (BridgePlanDocument *self,
                                cairo_t            *cr,
                                guint               page_nr)
{
  GArray *page;
  double text_width;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page_nr < self->pages->len);

  text_width = self->width - 2 * MARGIN;
  page = g_ptr_array_index (self->pages, page_nr);
  cairo_save (cr);
  for (guint i = 0; i < page->len; i++)
    {
      Placement *p = &g_array_index (page, Placement, i);
      Block *b = g_ptr_array_index (self->blocks, p->block);

      if (b->kind == BLOCK_TABLE)
        {
          double y = p->y;

          if (p->repeat_header)
            y += draw_row (self, cr, b, 0, y);
          for (guint r = p->row_start; r < p->row_end; r++)
            y += draw_row (self, cr, b, r, y);
          continue;
        }
      {
        double pad = b->kind == BLOCK_WARNING ? 6 : 0;
        g_autoptr(PangoLayout) l = make_layout (self, cr, b->markup, text_width - 2 * pad, text_size (b->kind),
                                                b->kind == BLOCK_HEADING);

        if (b->kind == BLOCK_WARNING)
          {
            cairo_set_source_rgb (cr, 1.0, 0.93, 0.8);
            cairo_rectangle (cr, MARGIN, p->y, text_width, b->height);
            cairo_fill_preserve (cr);
            cairo_set_source_rgb (cr, 0.65, 0.11, 0.18);
            cairo_set_line_width (cr, 1.0);
            cairo_stroke (cr);
          }
        if (b->kind == BLOCK_HEADING)
          cairo_set_source_rgb (cr, 0.11, 0.26, 0.52);
        else if (b->kind == BLOCK_NOTE)
          cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
        else if (b->kind == BLOCK_WARNING)
          cairo_set_source_rgb (cr, 0.65, 0.11, 0.18);
        else
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
        draw_layout (cr, l, MARGIN + pad, p->y + pad);
        if (b->kind == BLOCK_HEADING)
          {
            cairo_set_source_rgb (cr, 0.11, 0.26, 0.52);
            cairo_set_line_width (cr, 0.8);
            cairo_move_to (cr, MARGIN, p->y + b->height + 1.5);
            cairo_line_to (cr, self->width - MARGIN, p->y + b->height + 1.5);
            cairo_stroke (cr);
          }
      }
    }
  draw_footer (self, cr, page_nr);
  cairo_restore (cr);
}

/* Pango drops a text whose markup does not parse, and cairo stops drawing
 * for good at a noncharacter (its UTF-8 check refuses U+FFFE), leaving a PDF
 * of one page: every text is checked before it is laid out. */
static gboolean
check_markup (const char  *markup,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gunichar bad = 0;

  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, &local_error))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                   _("The agreement cannot be laid out: one of its texts cannot be read (%s); correct it in the plan"),
                   local_error->message);
      return FALSE;
    }
  if (!bridge_validate_chars (text, TRUE, &bad))
    {
      const char *end = text;
      g_autofree char *before = NULL;

      /* What comes before the character, to find it by, and never the character itself. */
      while (*end != '\0' && g_utf8_get_char (end) != bad && g_utf8_pointer_to_offset (text, end) < 40)
        end = g_utf8_next_char (end);
      before = g_strndup (text, end - text);
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_PLAN,
                   /* Translators: a character code such as U+FFFE, then the start of the text it is in */
                   _("The agreement cannot be laid out: a text contains the invisible character U+%04X "
                     "(after “%s”); correct it in the plan or the catalog"),
                   bad, before);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_blocks (BridgePlanDocument  *doc,
              GError             **error)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (doc->blocks, i);

      if (b->kind != BLOCK_TABLE)
        {
          if (!check_markup (b->markup, error))
            return FALSE;
          continue;
        }
      for (guint r = 0; r < b->rows->len; r++)
        {
          char **cells = g_ptr_array_index (b->rows, r);

          for (guint c = 0; cells[c] != NULL; c++)
            if (!check_markup (cells[c], error))
              return FALSE;
        }
    }
  return TRUE;
}

BridgePlanDocument *
bridge_plan_document_new (BridgePlan     *plan,
                          BridgeCatalog  *catalog,
                          GError        **error)
{
  BridgePlanDocument *doc;

  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);

  doc = g_new0 (BridgePlanDocument, 1);
  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  doc->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  doc->digest = bridge_plan_get_agreement_digest (plan);
  doc->title = g_strdup (_("Learning Agreement"));
  doc->width = A4_WIDTH;
  doc->height = A4_HEIGHT;
  doc->font_map = pango_cairo_font_map_new ();
  doc->context = pango_font_map_create_context (doc->font_map);
  build (doc, plan, catalog);
  if (!check_blocks (doc, error))
    {
      bridge_plan_document_free (doc);
      return NULL;
    }
  return doc;
}

/* PDF ---------------------------------------------------------------------- */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *render_document (BridgePlanDocument *doc, GError **error);

GBytes *
bridge_plan_render_pdf (BridgePlan     *plan,
                        BridgeCatalog  *catalog,
                        GError        **error)
{
  g_autoptr(BridgePlanDocument) doc = NULL;

  g_return_val_if_fail (BRIDGE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (BRIDGE_IS_CATALOG (catalog), NULL);

  doc = bridge_plan_document_new (plan, catalog, error);
  if (doc == NULL)
    return NULL;
  return render_document (doc, error);
}

gboolean
bridge_plan_export_pdf (BridgePlan     *plan,
                        BridgeCatalog  *catalog,
                        const char     *path,
                        GError        **error)
{
  g_autoptr(GBytes) pdf = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);

  pdf = bridge_plan_render_pdf (plan, catalog, error);
  if (pdf == NULL)
    return FALSE;
  data = g_bytes_get_data (pdf, &size);
  return bridge_file_write (path, data, size, error);
}

/* Asynchronous export ------------------------------------------------------ */

typedef struct
{
  BridgePlanExportFormat  format;
  char                   *path;
  BridgePlanDocument     *doc;              /* PDF */
  char                   *data;             /* EWP XML and JSON */
  gsize                   length;
  GError                 *error;            /* found while gathering */
} ExportTask;

static void
export_task_free (ExportTask *t)
{
  g_free (t->path);
  g_clear_pointer (&t->doc, bridge_plan_document_free);
  g_free (t->data);
  g_clear_error (&t->error);
  g_free (t);
}

static GBytes *
render_document (BridgePlanDocument  *doc,
                 GError             **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, A4_WIDTH, A4_HEIGHT);
  {
    g_autofree char *subject = g_strdup_printf ("SHA-256 %s", doc->digest);

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Learning Agreement for Studies"));
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Credit Bridge");
  }
  cr = cairo_create (surface);
  n_pages = bridge_plan_document_paginate (doc, cr, A4_WIDTH, A4_HEIGHT);
  for (guint i = 0; i < n_pages; i++)
    {
      bridge_plan_document_draw_page (doc, cr, i);
      cairo_show_page (cr);
    }
  /* An error of the context stops the drawing without reaching the surface. */
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_FAILED,
                   _("Could not draw the agreement: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportTask *t = task_data;
  g_autoptr(GError) error = NULL;

  if (t->format == BRIDGE_PLAN_EXPORT_PDF)
    {
      g_autoptr(GBytes) pdf = render_document (t->doc, &error);
      gsize size;
      const char *data;

      if (pdf == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (g_task_return_error_if_cancelled (task))
        return;
      data = g_bytes_get_data (pdf, &size);
      if (!bridge_file_write (t->path, data, size, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else if (!bridge_file_write (t->path, t->data, t->length, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
bridge_plan_export_async (BridgePlan             *self,
                          BridgeCatalog          *catalog,
                          BridgePlanExportFormat  format,
                          const char             *path,
                          GCancellable           *cancellable,
                          GAsyncReadyCallback     callback,
                          gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportTask *t;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BRIDGE_IS_PLAN (self));
  g_return_if_fail (BRIDGE_IS_CATALOG (catalog));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bridge_plan_export_async);
  t = g_new0 (ExportTask, 1);
  t->format = format;
  t->path = g_strdup (path);
  g_task_set_task_data (task, t, (GDestroyNotify) export_task_free);

  /* Everything that reads the plan or the catalog happens here. */
  switch (format)
    {
    case BRIDGE_PLAN_EXPORT_PDF:
      t->doc = bridge_plan_document_new (self, catalog, &error);
      break;
    case BRIDGE_PLAN_EXPORT_EWP_XML:
      t->data = bridge_plan_to_ewp_xml (self, catalog, &error);
      t->length = t->data ? strlen (t->data) : 0;
      break;
    case BRIDGE_PLAN_EXPORT_JSON:
    default:
      t->data = bridge_plan_to_data (self, &t->length);
      break;
    }
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

gboolean
bridge_plan_export_finish (BridgePlan    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
