/* bridge-pdf-writer.c: A4 documents of blocks, drawn with cairo and pango
 *
 * The document is a list of blocks (headings, paragraphs, tables) laid out
 * on pages with pango (so Chinese and Latin text shape and wrap correctly;
 * cairo embeds the font subsets in the PDF), tables split between rows with
 * their header repeated. Every page has a footer with its number and the
 * document's SHA-256 digest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bridge-error.h"
#include "bridge-file.h"
#include "bridge-pdf-writer.h"
#include "bridge-validate.h"

#define MARGIN     48.0
#define FOOTER     30.0                   /* height kept for the footer */
#define CELL_PAD   3.5
#define FONT       "Cantarell, Noto Sans CJK SC, DejaVu Sans, sans-serif"
#define MONO       "DejaVu Sans Mono, monospace"
#define MIN_TEXT_SIZE 5.5                 /* points: the least an unbreakable text shrinks to */

/* The text kinds, and tables. */
typedef enum
{
  BLOCK_TITLE = BRIDGE_PDF_TITLE,
  BLOCK_HEADING = BRIDGE_PDF_HEADING,
  BLOCK_PARAGRAPH = BRIDGE_PDF_PARAGRAPH,
  BLOCK_NOTE = BRIDGE_PDF_NOTE,
  BLOCK_WARNING = BRIDGE_PDF_WARNING,
  BLOCK_TABLE,
  BLOCK_PAGE_BREAK,
  BLOCK_DRAWING,
} BlockKind;

/* A table is a block: BridgePdfTable is a Block of kind BLOCK_TABLE. */
typedef struct _BridgePdfTable
{
  BlockKind  kind;
  char      *markup;                      /* not for tables */
  guint      n_cols;
  double    *widths;                      /* fractions of the text width */
  GPtrArray *rows;                        /* element-type GStrv of markup */
  GArray    *row_flags;                   /* guint: BRIDGE_PDF_ROW_* */
  /* layout */
  GArray    *row_heights;                 /* double */
  double     height;                      /* non-tables */
  /* drawings */
  BridgePdfDrawFunc draw;
  gpointer          draw_data;
  GDestroyNotify    draw_destroy;
} Block;

typedef struct
{
  guint  block;
  guint  row_start;                       /* tables: rows [row_start, row_end) */
  guint  row_end;
  double y;
  gboolean repeat_header;
} Placement;

struct _BridgePdfWriter
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
  if (b->draw_destroy != NULL)
    b->draw_destroy (b->draw_data);
  g_free (b);
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
make_layout (BridgePdfWriter *doc,
             cairo_t         *cr,
             const char      *markup,
             double           width,
             double           size,
             gboolean         bold)
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
measure (BridgePdfWriter *doc,
         cairo_t         *cr)
{
  double text_width = doc->width - 2 * MARGIN;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (doc->blocks, i);

      if (b->kind == BLOCK_PAGE_BREAK || b->kind == BLOCK_DRAWING)
        continue;
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

          for (guint c = 0; c < ((flags & BRIDGE_PDF_ROW_SPAN) ? 1 : b->n_cols); c++)
            {
              double w = (flags & BRIDGE_PDF_ROW_SPAN) ? 1.0 : b->widths[c];
              g_autoptr(PangoLayout) l = make_layout (doc, cr, cells[c], w * text_width - 2 * CELL_PAD,
                                                      (flags & BRIDGE_PDF_ROW_HEADER) ? 7.5 : text_size (BLOCK_TABLE),
                                                      flags & (BRIDGE_PDF_ROW_HEADER | BRIDGE_PDF_ROW_TOTAL));

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
draw_row (BridgePdfWriter *doc,
          cairo_t         *cr,
          Block           *b,
          guint            r,
          double           y)
{
  double text_width = doc->width - 2 * MARGIN;
  double h = g_array_index (b->row_heights, double, r);
  guint flags = g_array_index (b->row_flags, guint, r);
  char **cells = g_ptr_array_index (b->rows, r);
  double x = MARGIN;

  if (flags & BRIDGE_PDF_ROW_HEADER)
    {
      cairo_set_source_rgb (cr, 0.88, 0.91, 0.96);
      cairo_rectangle (cr, MARGIN, y, text_width, h);
      cairo_fill (cr);
    }
  else if (flags & BRIDGE_PDF_ROW_TOTAL)
    {
      cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
      cairo_rectangle (cr, MARGIN, y, text_width, h);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.6);
  cairo_set_line_width (cr, 0.4);
  cairo_rectangle (cr, MARGIN, y, text_width, h);
  cairo_stroke (cr);

  for (guint c = 0; c < ((flags & BRIDGE_PDF_ROW_SPAN) ? 1 : b->n_cols); c++)
    {
      double w = ((flags & BRIDGE_PDF_ROW_SPAN) ? 1.0 : b->widths[c]) * text_width;
      g_autoptr(PangoLayout) l = make_layout (doc, cr, cells[c], w - 2 * CELL_PAD,
                                              (flags & BRIDGE_PDF_ROW_HEADER) ? 7.5 : text_size (BLOCK_TABLE),
                                              flags & (BRIDGE_PDF_ROW_HEADER | BRIDGE_PDF_ROW_TOTAL));

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
draw_footer (BridgePdfWriter *doc,
             cairo_t         *cr,
             guint            page)
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

/* Checking ----------------------------------------------------------------- */

static gboolean
check_markup (const char  *markup,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gunichar bad = 0;

  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, &local_error))
    {
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   _("one of its texts cannot be read (%s)"), local_error->message);
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
      g_set_error (error, BRIDGE_ERROR, BRIDGE_ERROR_INVALID_INPUT,
                   /* Translators: a character code such as U+FFFE, then the start of the text it is in */
                   _("a text contains the invisible character U+%04X (after “%s”)"), bad, before);
      return FALSE;
    }
  return TRUE;
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

/* Public API --------------------------------------------------------------- */

BridgePdfWriter *
bridge_pdf_writer_new (const char *footer_name,
                       const char *digest)
{
  BridgePdfWriter *self = g_new0 (BridgePdfWriter, 1);

  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->digest = g_strdup (digest);
  self->title = g_strdup (footer_name);
  self->width = BRIDGE_PDF_A4_WIDTH;
  self->height = BRIDGE_PDF_A4_HEIGHT;
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  return self;
}

void
bridge_pdf_writer_free (BridgePdfWriter *self)
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

void
bridge_pdf_writer_add_text (BridgePdfWriter   *self,
                            BridgePdfTextKind  kind,
                            char              *markup)
{
  Block *b = g_new0 (Block, 1);

  b->kind = (BlockKind) kind;
  b->markup = markup;
  g_ptr_array_add (self->blocks, b);
}

void
bridge_pdf_writer_add_drawing (BridgePdfWriter   *self,
                               double             height,
                               BridgePdfDrawFunc  func,
                               gpointer           data,
                               GDestroyNotify     destroy)
{
  Block *b = g_new0 (Block, 1);

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  b->kind = BLOCK_DRAWING;
  b->height = height;
  b->draw = func;
  b->draw_data = data;
  b->draw_destroy = destroy;
  g_ptr_array_add (self->blocks, b);
}

void
bridge_pdf_writer_add_page_break (BridgePdfWriter *self)
{
  Block *b = g_new0 (Block, 1);

  b->kind = BLOCK_PAGE_BREAK;
  g_ptr_array_add (self->blocks, b);
}

BridgePdfTable *
bridge_pdf_writer_add_table (BridgePdfWriter *self,
                             guint            n_cols,
                             const double    *widths)
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
  g_ptr_array_add (self->blocks, b);
  return b;
}

void
bridge_pdf_row (BridgePdfTable *table,
                          guint           flags,
                          ...)
{
  va_list args;
  char **cells = g_new0 (char *, table->n_cols + 1);

  va_start (args, flags);
  for (guint i = 0; i < table->n_cols; i++)
    {
      char *cell = va_arg (args, char *);

      cells[i] = cell ? cell : g_strdup ("");
    }
  va_end (args);
  g_ptr_array_add (table->rows, cells);
  g_array_append_val (table->row_flags, flags);
}

gboolean
bridge_pdf_writer_check_texts (BridgePdfWriter  *self,
                               GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *b = g_ptr_array_index (self->blocks, i);

      if (b->kind == BLOCK_PAGE_BREAK || b->kind == BLOCK_DRAWING)
        continue;
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

guint
bridge_pdf_writer_paginate (BridgePdfWriter *self,
                            cairo_t         *cr,
                            double           width,
                            double           height)
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

      if (b->kind == BLOCK_PAGE_BREAK)
        {
          if (page->len > 0)
            NEW_PAGE ();
          continue;
        }
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
        gboolean has_header = n > 0 && (g_array_index (b->row_flags, guint, 0) & BRIDGE_PDF_ROW_HEADER);
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

                while (keep > start + 1 && (g_array_index (b->row_flags, guint, keep) & (BRIDGE_PDF_ROW_SPAN | BRIDGE_PDF_ROW_TOTAL)))
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

void
bridge_pdf_writer_draw_page (BridgePdfWriter *self,
                             cairo_t         *cr,
                             guint            page_nr)
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

      if (b->kind == BLOCK_DRAWING)
        {
          cairo_save (cr);
          cairo_translate (cr, MARGIN, p->y);
          b->draw (cr, text_width, b->height, b->draw_data);
          cairo_restore (cr);
          continue;
        }
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

GBytes *
bridge_pdf_writer_render (BridgePdfWriter *self,
                          const char      *title,
                          cairo_status_t  *status)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *subject = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (self != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, BRIDGE_PDF_A4_WIDTH, BRIDGE_PDF_A4_HEIGHT);
  subject = g_strdup_printf ("SHA-256 %s", self->digest);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Credit Bridge");
  cr = cairo_create (surface);
  n_pages = bridge_pdf_writer_paginate (self, cr, BRIDGE_PDF_A4_WIDTH, BRIDGE_PDF_A4_HEIGHT);
  for (guint i = 0; i < n_pages; i++)
    {
      bridge_pdf_writer_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  /* An error of the context stops the drawing without reaching the surface. */
  *status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (*status == CAIRO_STATUS_SUCCESS)
    *status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (*status != CAIRO_STATUS_SUCCESS)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
bridge_pdf_write (GBytes      *pdf,
                  const char  *path,
                  GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);

  return bridge_file_write (path, data, size, error);
}

char *
bridge_pdf_esc (const char *text)
{
  return g_markup_escape_text (text ? text : "", -1);
}

char *
bridge_pdf_num (double value,
                   int    decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *format = g_strdup_printf ("%%.%df", decimals);

  return g_strdup (g_ascii_formatd (buf, sizeof buf, format, value));
}

char *
bridge_pdf_bilingual (BridgeText *text,
                        const char *fallback)
{
  const char *first, *zh, *en, *other;

  if (text == NULL)
    return bridge_pdf_esc (fallback);
  first = bridge_text_pick (text);
  zh = bridge_text_get (text, "zh");
  en = bridge_text_get (text, "en");
  other = g_strcmp0 (first, zh) == 0 ? en : zh;
  if (other == NULL || g_strcmp0 (other, first) == 0)
    return bridge_pdf_esc (first ? first : fallback);
  return g_markup_printf_escaped ("%s\n<span size=\"small\" foreground=\"#555555\">%s</span>", first, other);
}
