/* bridge-json.h: what json-glib does not check in the JSON it reads, and
 * the members the JSON reports write alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The largest number, in size, that a plan or a feed may hold anywhere:
 * json-glib turns larger integers into wrong ones (99999999999999999999
 * becomes -1, 18446744073709551617 becomes 1) and writes larger doubles (and
 * infinities) as text that is not JSON. */
#define BRIDGE_JSON_MAX_NUMBER 1e15

/* Checks every number of @data, JSON text that json-glib has read, in its
 * text, since json-glib keeps no trace of a number it could not hold. FALSE
 * when one is not finite or larger in size than BRIDGE_JSON_MAX_NUMBER: then
 * @path says where (a JSON path, "$.groups[2].credits") and @message what,
 * quoting the number as written; both are freed by the caller. */
gboolean bridge_json_check_numbers (const char  *data,
                                    gsize        length,
                                    char       **path,
                                    char       **message);

/* Scans JSON text for brackets nested deeper than @max_depth (outside
 * strings), before a parser that recurses (json-glib) sees it. FALSE when
 * too deep, with the 1-based @line and @column (characters) of the bracket. */
gboolean bridge_json_check_depth (const char *data,
                                  gsize       len,
                                  guint       max_depth,
                                  guint      *line,
                                  guint      *column);

/* Sets member @name to @value, or to null when @value is NULL. */
void     bridge_json_add_nullable_string (JsonBuilder *builder,
                                          const char  *name,
                                          const char  *value);
/* Sets member @name to an array of the strings in @strv (NULL: empty), in order. */
void     bridge_json_add_strv            (JsonBuilder        *builder,
                                          const char         *name,
                                          const char * const *strv);
/* Sets member @name to an array of the strings in @strings, in order. */
void     bridge_json_add_string_array    (JsonBuilder *builder,
                                          const char  *name,
                                          GPtrArray   *strings);

/* The version of what a command of credit-bridge-cli prints with --json: the
 * member "version" of the top-level object of each, which its JSON Schema in
 * docs/json-schema/ fixes. Within a version members are only added; an
 * output that renames or removes a member, or changes its type, gets a
 * version of its own, one higher (docs/json-schema/README.md). */
#define BRIDGE_JSON_OUTPUT_VERSION 1

/* Begins a command's output: the top-level object, with "version" first. */
void      bridge_json_begin_output       (JsonBuilder *builder,
                                          gint64       version);
/* Sets "version" in @node, a command's output object that another function
 * built, as its first member; returns @node. */
JsonNode *bridge_json_set_output_version (JsonNode    *node,
                                          gint64       version);
/* A command's output that holds @value (a list, or an object another format
 * defines) as its member @name: {"version": @version, @name: @value}
 * (takes @value; transfer full). */
JsonNode *bridge_json_output_new         (gint64       version,
                                          const char  *name,
                                          JsonNode    *value);

/* @node as pretty JSON text, as json-glib indents it, with a final newline;
 * each double with the fewest digits that read back as the same double
 * (json-glib 1.6 writes 3.24 as 3.2400000000000002). Free with g_free(). */
char     *bridge_json_to_text            (JsonNode    *node);

G_END_DECLS
