/* bridge-rational.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bridge-rational"

#include "config.h"

#include <math.h>
#include <string.h>

#include "bridge-rational.h"

/* Keep well inside the 128-bit range so that one more step cannot wrap. */
#define LIMIT (((BridgeInt128) 1) << 125)

static BridgeInt128
abs128 (BridgeInt128 v)
{
  return v < 0 ? -v : v;
}

static BridgeInt128
gcd128 (BridgeInt128 a,
        BridgeInt128 b)
{
  a = abs128 (a);
  b = abs128 (b);
  while (b != 0)
    {
      BridgeInt128 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

static gboolean
in_range (BridgeInt128 v)
{
  return v < LIMIT && v > -LIMIT;
}

static gboolean
make (BridgeInt128    num,
      BridgeInt128    den,
      BridgeRational *out)
{
  BridgeInt128 g;

  if (den == 0 || !in_range (num) || !in_range (den))
    return FALSE;
  if (den < 0)
    {
      num = -num;
      den = -den;
    }
  g = gcd128 (num, den);
  if (g > 1)
    {
      num /= g;
      den /= g;
    }
  if (num == 0)
    den = 1;
  out->num = num;
  out->den = den;
  return TRUE;
}

BridgeRational
bridge_rational_int (gint64 value)
{
  BridgeRational r = { value, 1 };
  return r;
}

BridgeRational
bridge_rational_new (BridgeInt128 num,
                     BridgeInt128 den)
{
  BridgeRational r = { 0, 1 };

  g_return_val_if_fail (den != 0, r);
  if (!make (num, den, &r))
    g_critical ("%s: value out of range", G_STRFUNC);
  return r;
}

gboolean
bridge_rational_parse (const char     *text,
                       guint           max_decimals,
                       BridgeRational *out)
{
  const char  *p = text;
  gboolean     negative = FALSE;
  BridgeInt128 num = 0;
  BridgeInt128 den = 1;
  guint        digits = 0;
  guint        decimals = 0;
  gboolean     point = FALSE;

  if (text == NULL)
    return FALSE;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  else if (*p == '+')
    p++;

  for (; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          if (point || digits == 0)
            return FALSE;
          point = TRUE;
          continue;
        }
      if (*p < '0' || *p > '9')
        return FALSE;
      if (++digits > 30)
        return FALSE;
      num = num * 10 + (*p - '0');
      if (point)
        {
          if (++decimals > max_decimals)
            return FALSE;
          den *= 10;
        }
    }
  if (digits == 0 || (point && decimals == 0))
    return FALSE;

  return make (negative ? -num : num, den, out);
}

gboolean
bridge_rational_from_double (double          value,
                             BridgeRational *out)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 32];

  if (!isfinite (value) || fabs (value) > 1e18)
    return FALSE;

  /* Whole numbers, halves, quarters … sixteenths — most numbers of a feed —
   * are exact in binary, and their exact decimal is the shortest one that
   * reads back: no printing needed (the loop below cost 16 % of a feed's
   * checks). */
  if (fabs (value) < 1e15 && value * 16 == floor (value * 16))
    return make ((BridgeInt128) (value * 16), 16, out);

  for (guint k = 0; k <= 12; k++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%uf", k);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value || k == 12)
        return bridge_rational_parse (buf, 12, out);
    }
  g_assert_not_reached ();
}

gboolean
bridge_rational_add (BridgeRational  a,
                     BridgeRational  b,
                     BridgeRational *out)
{
  BridgeInt128 g = gcd128 (a.den, b.den);
  BridgeInt128 x, y, num, den;

  if (__builtin_mul_overflow (a.num, b.den / g, &x) ||
      __builtin_mul_overflow (b.num, a.den / g, &y) ||
      __builtin_add_overflow (x, y, &num) ||
      __builtin_mul_overflow (a.den / g, b.den, &den))
    return FALSE;
  return make (num, den, out);
}

gboolean
bridge_rational_sub (BridgeRational  a,
                     BridgeRational  b,
                     BridgeRational *out)
{
  b.num = -b.num;
  return bridge_rational_add (a, b, out);
}

gboolean
bridge_rational_mul (BridgeRational  a,
                     BridgeRational  b,
                     BridgeRational *out)
{
  BridgeInt128 g1 = gcd128 (a.num, b.den);
  BridgeInt128 g2 = gcd128 (b.num, a.den);
  BridgeInt128 num, den;

  if (g1 == 0)
    g1 = 1;
  if (g2 == 0)
    g2 = 1;
  if (__builtin_mul_overflow (a.num / g1, b.num / g2, &num) ||
      __builtin_mul_overflow (a.den / g2, b.den / g1, &den))
    return FALSE;
  return make (num, den, out);
}

gboolean
bridge_rational_div (BridgeRational  a,
                     BridgeRational  b,
                     BridgeRational *out)
{
  BridgeRational inv;

  if (b.num == 0)
    return FALSE;
  inv.num = b.den;
  inv.den = b.num;
  if (inv.den < 0)
    {
      inv.num = -inv.num;
      inv.den = -inv.den;
    }
  return bridge_rational_mul (a, inv, out);
}

/* floor (num / den) for den > 0 */
static BridgeInt128
floor_div (BridgeInt128 num,
           BridgeInt128 den)
{
  BridgeInt128 q = num / den;

  if (num % den != 0 && num < 0)
    q--;
  return q;
}

gboolean
bridge_rational_floor_to (BridgeRational  value,
                          BridgeRational  step,
                          BridgeRational *out)
{
  BridgeRational ratio;

  if (step.num <= 0 || !bridge_rational_div (value, step, &ratio))
    return FALSE;
  ratio.num = floor_div (ratio.num, ratio.den);
  ratio.den = 1;
  return bridge_rational_mul (ratio, step, out);
}

/* a/b against c/d, all non-negative, b and d positive: compares the integer
 * parts, then the fractional parts through their reciprocals (Euclid), so
 * nothing is ever multiplied and nothing can overflow. */
static int
compare_positive (BridgeInt128 a,
                  BridgeInt128 b,
                  BridgeInt128 c,
                  BridgeInt128 d)
{
  for (;;)
    {
      BridgeInt128 q1 = a / b, q2 = c / d;
      BridgeInt128 r1 = a % b, r2 = c % d;
      BridgeInt128 old_b = b;

      if (q1 != q2)
        return q1 < q2 ? -1 : 1;
      if (r1 == 0 && r2 == 0)
        return 0;
      if (r1 == 0)
        return -1;
      if (r2 == 0)
        return 1;
      /* r1/b against r2/d is the same as d/r2 against b/r1 */
      a = d;
      b = r2;
      c = old_b;
      d = r1;
    }
}

int
bridge_rational_compare (BridgeRational a,
                         BridgeRational b)
{
  if (a.num < 0 && b.num >= 0)
    return -1;
  if (a.num >= 0 && b.num < 0)
    return 1;
  if (a.num < 0)
    return -compare_positive (-a.num, a.den, -b.num, b.den);
  return compare_positive (a.num, a.den, b.num, b.den);
}

gboolean
bridge_rational_is_zero (BridgeRational a)
{
  return a.num == 0;
}

gboolean
bridge_rational_is_integer (BridgeRational a)
{
  return a.den == 1;
}

double
bridge_rational_to_double (BridgeRational a)
{
  return (double) ((long double) a.num / (long double) a.den);
}

char *
bridge_int128_to_string (BridgeInt128 value)
{
  char              buf[64];
  char             *p = buf + sizeof buf - 1;
  gboolean          negative = value < 0;
  unsigned __int128 v = negative ? (unsigned __int128) 0 - (unsigned __int128) value
                                 : (unsigned __int128) value;

  *p = '\0';
  do
    {
      *--p = (char) ('0' + (int) (v % 10));
      v /= 10;
    }
  while (v != 0);
  if (negative)
    *--p = '-';
  return g_strdup (p);
}

/* @value × 10^@decimals, rounded to an integer; FALSE on overflow. */
static gboolean
scaled (BridgeRational value,
        guint          decimals,
        BridgeRounding rounding,
        BridgeInt128  *result,
        gboolean      *exact)
{
  BridgeInt128 num = value.num;
  BridgeInt128 q;

  for (guint i = 0; i < decimals; i++)
    if (__builtin_mul_overflow (num, 10, &num))
      return FALSE;

  if (exact != NULL)
    *exact = (num % value.den) == 0;

  if (rounding == BRIDGE_ROUND_DOWN)
    q = floor_div (num, value.den);
  else
    {
      BridgeInt128 a = abs128 (num);
      q = (a / value.den) + ((a % value.den) * 2 >= value.den ? 1 : 0);
      if (num < 0)
        q = -q;
    }
  *result = q;
  return TRUE;
}

char *
bridge_rational_format (BridgeRational value,
                        guint          decimals,
                        BridgeRounding rounding,
                        gboolean      *exact)
{
  BridgeInt128      q, pow10 = 1;
  g_autofree char  *int_part = NULL;
  GString          *str;
  unsigned __int128 a;

  if (!scaled (value, decimals, rounding, &q, exact))
    {
      if (exact != NULL)
        *exact = FALSE;
      return g_strdup ("∞");
    }

  for (guint i = 0; i < decimals; i++)
    pow10 *= 10;

  str = g_string_new (NULL);
  if (q < 0)
    g_string_append_c (str, '-');
  a = q < 0 ? (unsigned __int128) 0 - (unsigned __int128) q : (unsigned __int128) q;
  int_part = bridge_int128_to_string ((BridgeInt128) (a / (unsigned __int128) pow10));
  g_string_append (str, int_part);
  if (decimals > 0)
    {
      g_autofree char *frac = bridge_int128_to_string ((BridgeInt128) (a % (unsigned __int128) pow10));
      g_string_append_c (str, '.');
      for (guint i = strlen (frac); i < decimals; i++)
        g_string_append_c (str, '0');
      g_string_append (str, frac);
    }
  return g_string_free (str, FALSE);
}

char *
bridge_rational_format_short (BridgeRational value,
                              guint          decimals,
                              BridgeRounding rounding,
                              gboolean      *exact)
{
  char *str = bridge_rational_format (value, decimals, rounding, exact);

  if (strchr (str, '.') != NULL)
    {
      gsize len = strlen (str);
      while (len > 0 && str[len - 1] == '0')
        str[--len] = '\0';
      if (len > 0 && str[len - 1] == '.')
        str[--len] = '\0';
    }
  if (strcmp (str, "-0") == 0)
    {
      g_free (str);
      str = g_strdup ("0");
    }
  return str;
}

double
bridge_rational_round (BridgeRational value,
                       guint          decimals,
                       BridgeRounding rounding)
{
  g_autofree char *str = bridge_rational_format (value, decimals, rounding, NULL);

  return g_ascii_strtod (str, NULL);
}

char *
bridge_rational_to_fraction_string (BridgeRational value)
{
  g_autofree char *num = bridge_int128_to_string (value.num);
  g_autofree char *den = NULL;

  if (value.den == 1)
    return g_steal_pointer (&num);
  den = bridge_int128_to_string (value.den);
  return g_strdup_printf ("%s/%s", num, den);
}
