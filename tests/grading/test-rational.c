/* test-rational.c: the exact arithmetic under credits and grades
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bridge-rational.h"

static char *
frac (BridgeRational r)
{
  return bridge_rational_to_fraction_string (r);
}

static void
test_from_double (void)
{
  struct
  {
    double      value;
    const char *fraction;
  } cases[] = {
    { 45, "45" },
    { 0.5, "1/2" },
    { 33.33, "3333/100" },
    { 0.1, "1/10" },
    { 2.2, "11/5" },
    { 46.8, "234/5" },
    { 27.5, "55/2" },
    { -1.25, "-5/4" },
    { 1e15, "1000000000000000" },
    { 0, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BridgeRational   r;
      g_autofree char *s = NULL;

      g_assert_true (bridge_rational_from_double (cases[i].value, &r));
      s = frac (r);
      g_assert_cmpstr (s, ==, cases[i].fraction);
    }
}

static void
test_rejects (void)
{
  BridgeRational r;

  g_assert_false (bridge_rational_from_double (1.0 / 0.0, &r));
  g_assert_false (bridge_rational_from_double (0.0 / 0.0, &r));
  g_assert_false (bridge_rational_from_double (1e19, &r));
  g_assert_false (bridge_rational_parse ("", 2, &r));
  g_assert_false (bridge_rational_parse ("1.", 2, &r));
  g_assert_false (bridge_rational_parse (".5", 2, &r));
  g_assert_false (bridge_rational_parse ("1.234", 2, &r));
  g_assert_false (bridge_rational_parse ("1e3", 2, &r));
  g_assert_false (bridge_rational_parse ("12 ", 2, &r));
  g_assert_false (bridge_rational_parse ("1.2.3", 2, &r));
  g_assert_true (bridge_rational_parse ("12.50", 2, &r));
  g_assert_true (r.num == 25 && r.den == 2);
}

static void
test_arithmetic (void)
{
  BridgeRational   a = bridge_rational_new (1, 3), b = bridge_rational_new (1, 6), c;
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL, *s5 = NULL;

  g_assert_true (bridge_rational_add (a, b, &c));
  s1 = frac (c);
  g_assert_cmpstr (s1, ==, "1/2");
  g_assert_true (bridge_rational_sub (b, a, &c));
  s2 = frac (c);
  g_assert_cmpstr (s2, ==, "-1/6");
  g_assert_true (bridge_rational_mul (a, b, &c));
  s3 = frac (c);
  g_assert_cmpstr (s3, ==, "1/18");
  g_assert_true (bridge_rational_div (a, b, &c));
  s4 = frac (c);
  g_assert_cmpstr (s4, ==, "2");
  g_assert_false (bridge_rational_div (a, bridge_rational_int (0), &c));
  /* floor to a step: 3.24 → 3, −0.2 → −0.5 */
  g_assert_true (bridge_rational_floor_to (bridge_rational_new (324, 100), bridge_rational_new (1, 2), &c));
  g_assert_true (c.num == 3 && c.den == 1);
  g_assert_true (bridge_rational_floor_to (bridge_rational_new (-2, 10), bridge_rational_new (1, 2), &c));
  s5 = frac (c);
  g_assert_cmpstr (s5, ==, "-1/2");
}

static void
test_overflow (void)
{
  BridgeRational big = bridge_rational_new ((BridgeInt128) 1 << 100, 1);
  BridgeRational c = bridge_rational_int (7);

  g_assert_false (bridge_rational_mul (big, big, &c));
  g_assert_true (c.num == 7); /* untouched */
  g_assert_false (bridge_rational_add (bridge_rational_new ((BridgeInt128) 1 << 124, 1),
                                       bridge_rational_new ((BridgeInt128) 1 << 124, 1), &c));
}

static void
test_compare (void)
{
  /* values whose cross products would overflow 128 bits */
  BridgeRational a = bridge_rational_new (((BridgeInt128) 1 << 120) + 1, ((BridgeInt128) 1 << 120));
  BridgeRational b = bridge_rational_new (((BridgeInt128) 1 << 120) + 3, ((BridgeInt128) 1 << 120) + 1);

  g_assert_cmpint (bridge_rational_compare (a, b), ==, -1);
  g_assert_cmpint (bridge_rational_compare (b, a), ==, 1);
  g_assert_cmpint (bridge_rational_compare (a, a), ==, 0);
  g_assert_cmpint (bridge_rational_compare (bridge_rational_new (-1, 2), bridge_rational_new (-1, 3)), ==, -1);
  g_assert_cmpint (bridge_rational_compare (bridge_rational_new (-1, 2), bridge_rational_int (0)), ==, -1);
  g_assert_cmpint (bridge_rational_compare (bridge_rational_new (2, 4), bridge_rational_new (1, 2)), ==, 0);
}

static void
test_format (void)
{
  struct
  {
    gint64         num, den;
    guint          decimals;
    BridgeRounding rounding;
    const char    *text;
    gboolean       exact;
  } cases[] = {
    { 324, 100, 2, BRIDGE_ROUND_DOWN, "3.24", TRUE },
    { 100, 3, 2, BRIDGE_ROUND_HALF_UP, "33.33", FALSE },
    { 2, 3, 2, BRIDGE_ROUND_HALF_UP, "0.67", FALSE },
    { 2, 3, 2, BRIDGE_ROUND_DOWN, "0.66", FALSE },
    { 1, 8, 2, BRIDGE_ROUND_HALF_UP, "0.13", FALSE },
    { -1, 8, 2, BRIDGE_ROUND_HALF_UP, "-0.13", FALSE },
    { -1, 8, 2, BRIDGE_ROUND_DOWN, "-0.13", FALSE },
    { 3, 1, 2, BRIDGE_ROUND_DOWN, "3.00", TRUE },
    { 1, 20, 1, BRIDGE_ROUND_HALF_UP, "0.1", FALSE },
    { 5, 1, 0, BRIDGE_ROUND_HALF_UP, "5", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean         exact = !cases[i].exact;
      g_autofree char *s = bridge_rational_format (bridge_rational_new (cases[i].num, cases[i].den),
                                                   cases[i].decimals, cases[i].rounding, &exact);
      g_assert_cmpstr (s, ==, cases[i].text);
      g_assert_cmpint (exact, ==, cases[i].exact);
    }

  {
    g_autofree char *s1 = bridge_rational_format_short (bridge_rational_int (108), 2, BRIDGE_ROUND_HALF_UP, NULL);
    g_autofree char *s2 = bridge_rational_format_short (bridge_rational_new (1, 2), 2, BRIDGE_ROUND_HALF_UP, NULL);
    g_autofree char *s3 = bridge_rational_format_short (bridge_rational_new (-1, 1000), 2, BRIDGE_ROUND_HALF_UP, NULL);
    g_assert_cmpstr (s1, ==, "108");
    g_assert_cmpstr (s2, ==, "0.5");
    g_assert_cmpstr (s3, ==, "0");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rational/from-double", test_from_double);
  g_test_add_func ("/rational/rejects", test_rejects);
  g_test_add_func ("/rational/arithmetic", test_arithmetic);
  g_test_add_func ("/rational/overflow", test_overflow);
  g_test_add_func ("/rational/compare", test_compare);
  g_test_add_func ("/rational/format", test_format);

  return g_test_run ();
}
