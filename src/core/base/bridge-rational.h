/* bridge-rational.h: exact rational arithmetic for credits and grades
 *
 * Feed numbers are doubles; credits must not be lost to floating point. A
 * feed number is turned into the shortest decimal that reads back as the same
 * double (45 → 45/1, 0.5 → 1/2, 33.33 → 3333/100), and everything after that
 * is computed on reduced fractions of 128-bit integers. Every operation
 * checks for overflow and says so instead of wrapping.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

__extension__ typedef __int128 BridgeInt128;

/* A reduced fraction; den > 0. */
typedef struct
{
  BridgeInt128 num;
  BridgeInt128 den;
} BridgeRational;

typedef enum
{
  BRIDGE_ROUND_DOWN,                      /* towards −∞ */
  BRIDGE_ROUND_HALF_UP,                   /* to nearest, halves away from zero */
} BridgeRounding;

BridgeRational bridge_rational_int        (gint64          value);
/* num/den, reduced; den must not be 0. */
BridgeRational bridge_rational_new        (BridgeInt128    num,
                                           BridgeInt128    den);
/* The shortest decimal (at most 12 places) that reads back as @value.
 * FALSE when @value is not finite or beyond ±1e18. */
gboolean       bridge_rational_from_double (double          value,
                                            BridgeRational *out);
/* Parses a plain decimal ("12", "-0.25", "12.50") exactly; @max_decimals
 * limits the places after the point. FALSE on anything else. */
gboolean       bridge_rational_parse      (const char     *text,
                                           guint           max_decimals,
                                           BridgeRational *out);

/* These return FALSE on overflow (or division by zero) and leave @out alone. */
gboolean       bridge_rational_add        (BridgeRational  a,
                                           BridgeRational  b,
                                           BridgeRational *out);
gboolean       bridge_rational_sub        (BridgeRational  a,
                                           BridgeRational  b,
                                           BridgeRational *out);
gboolean       bridge_rational_mul        (BridgeRational  a,
                                           BridgeRational  b,
                                           BridgeRational *out);
gboolean       bridge_rational_div        (BridgeRational  a,
                                           BridgeRational  b,
                                           BridgeRational *out);
/* The largest multiple of @step (> 0) not above @value. */
gboolean       bridge_rational_floor_to   (BridgeRational  value,
                                           BridgeRational  step,
                                           BridgeRational *out);

/* −1, 0 or 1; exact for any two values (no overflow). */
int            bridge_rational_compare    (BridgeRational  a,
                                           BridgeRational  b);
gboolean       bridge_rational_is_zero    (BridgeRational  a);
gboolean       bridge_rational_is_integer (BridgeRational  a);
double         bridge_rational_to_double  (BridgeRational  a);

/* @value rounded to @decimals places, always with a '.' and exactly
 * @decimals places ("3.24", "3.00"); @exact (may be NULL) tells whether the
 * rounding lost nothing. */
char          *bridge_rational_format     (BridgeRational  value,
                                           guint           decimals,
                                           BridgeRounding  rounding,
                                           gboolean       *exact);
/* The same with trailing zeros (and a trailing point) removed: "108", "33.33", "0.5". */
char          *bridge_rational_format_short (BridgeRational value,
                                             guint          decimals,
                                             BridgeRounding rounding,
                                             gboolean      *exact);
/* @value rounded to @decimals places, as the nearest double (for JSON). */
double         bridge_rational_round      (BridgeRational  value,
                                           guint           decimals,
                                           BridgeRounding  rounding);
/* "13/18", or "2" for an integer. */
char          *bridge_rational_to_fraction_string (BridgeRational value);
char          *bridge_int128_to_string    (BridgeInt128    value);

G_END_DECLS
