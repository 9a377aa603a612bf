/* bridge-pdf-writer.h: A4 documents of blocks, drawn with cairo and pango
 *
 * What the printed documents share (the learning agreement,
 * bridge-plan-pdf.c, and the credit-bank statement, bridge-statement.c): a
 * list of blocks (a title, headings, paragraphs, notes, a boxed warning,
 * tables of markup cells, drawings such as the report's charts) laid out on pages with pango, so Chinese and Latin
 * text shape and wrap, tables split between rows with their header repeated,
 * and every page has a footer with the document's name, its SHA-256 digest
 * and the page number. Private to the export layer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "bridge-text.h"

G_BEGIN_DECLS

#define BRIDGE_PDF_A4_WIDTH  595.276      /* points */
#define BRIDGE_PDF_A4_HEIGHT 841.890

typedef enum
{
  BRIDGE_PDF_TITLE,
  BRIDGE_PDF_HEADING,
  BRIDGE_PDF_PARAGRAPH,
  BRIDGE_PDF_NOTE,                        /* small grey text */
  BRIDGE_PDF_WARNING,                     /* boxed, in red */
} BridgePdfTextKind;

enum
{
  BRIDGE_PDF_ROW_HEADER = 1 << 0,         /* repeated on every page the table runs onto */
  BRIDGE_PDF_ROW_TOTAL = 1 << 1,          /* kept with the row above it */
  BRIDGE_PDF_ROW_SPAN = 1 << 2,           /* the first cell spans the row */
};

typedef struct _BridgePdfWriter BridgePdfWriter;
typedef struct _BridgePdfTable  BridgePdfTable;

/* A document whose footer reads "@footer_name · SHA-256 @digest". */
BridgePdfWriter *bridge_pdf_writer_new          (const char       *footer_name,
                                                 const char       *digest);
void             bridge_pdf_writer_free         (BridgePdfWriter  *self);
/* Adds a block of pango markup (taken). */
void             bridge_pdf_writer_add_text     (BridgePdfWriter  *self,
                                                 BridgePdfTextKind kind,
                                                 char             *markup);
/* Draws a block of @height points at the origin of @cr, @width wide (the
 * text width). */
typedef void (*BridgePdfDrawFunc) (cairo_t  *cr,
                                   double    width,
                                   double    height,
                                   gpointer  data);
/* Adds a drawing of @height points, kept whole on one page; @destroy frees
 * @data with the document. */
void             bridge_pdf_writer_add_drawing  (BridgePdfWriter  *self,
                                                 double            height,
                                                 BridgePdfDrawFunc func,
                                                 gpointer          data,
                                                 GDestroyNotify    destroy);
/* What follows starts on a new page. */
void             bridge_pdf_writer_add_page_break (BridgePdfWriter *self);
/* Adds a table of @n_cols columns, @widths in any unit (they are scaled to
 * the text width); the table belongs to the document. */
BridgePdfTable  *bridge_pdf_writer_add_table    (BridgePdfWriter  *self,
                                                 guint             n_cols,
                                                 const double     *widths);
/* Adds a row of as many markup cells as the table has columns (char *,
 * taken; NULL is an empty cell), with BRIDGE_PDF_ROW_* @flags. */
void             bridge_pdf_row                 (BridgePdfTable   *table,
                                                 guint             flags,
                                                 ...);

/* Pango drops a text whose markup does not parse, and cairo stops drawing
 * for good at a noncharacter: FALSE when a text of the document is either,
 * with BRIDGE_ERROR_INVALID_INPUT saying which text ("a text contains the
 * invisible character U+FFFE (after “Sichuan”)"), for the caller to say
 * which document and what to do. */
gboolean         bridge_pdf_writer_check_texts  (BridgePdfWriter  *self,
                                                 GError          **error);

/* Lays the document out on pages of @width × @height points; how many. */
guint            bridge_pdf_writer_paginate     (BridgePdfWriter  *self,
                                                 cairo_t          *cr,
                                                 double            width,
                                                 double            height);
void             bridge_pdf_writer_draw_page    (BridgePdfWriter  *self,
                                                 cairo_t          *cr,
                                                 guint             page);
/* The PDF on A4, titled @title in its metadata (the digest is its subject);
 * NULL and @status set when cairo fails. */
GBytes          *bridge_pdf_writer_render       (BridgePdfWriter  *self,
                                                 const char       *title,
                                                 cairo_status_t   *status);

/* Writes @pdf to @path atomically (bridge_file_write ()). */
gboolean         bridge_pdf_write               (GBytes           *pdf,
                                                 const char       *path,
                                                 GError          **error);

/* Markup of @text, escaped ("" for NULL). */
char            *bridge_pdf_esc                 (const char       *text);
/* @value with @decimals decimals, a point whatever the locale. */
char            *bridge_pdf_num                 (double            value,
                                                 int               decimals);
/* @text in the user's language, with the other language small below it;
 * @fallback when @text is NULL. */
char            *bridge_pdf_bilingual           (BridgeText       *text,
                                                 const char       *fallback);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BridgePdfWriter, bridge_pdf_writer_free)

G_END_DECLS
