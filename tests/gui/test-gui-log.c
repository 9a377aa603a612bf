/* test-gui-log.c: a warning or a critical fails a GUI test (issue 14, item 2)
 *
 * The window printed criticals in daily use while every test passed. Each
 * GUI test starts with gui_test_init (), which makes every warning and
 * critical, of GTK's or ours, end the test; here a child process meets each
 * and must fail, saying what was printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"

static void
test_gtk_critical (void)
{
  if (g_test_subprocess ())
    {
      /* A widget asked for its parent after it was freed, as in issue 14. */
      (void) gtk_widget_get_parent (NULL);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Gtk-CRITICAL*gtk_widget_get_parent*");
}

static void
test_gtk_warning (void)
{
  if (g_test_subprocess ())
    {
      GtkWidget *label = gtk_label_new (NULL);

      g_object_ref_sink (label);
      /* GTK warns: a property the class does not have. */
      g_object_set (label, "no-such-property", 1, NULL);
      g_object_unref (label);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*WARNING*no-such-property*");
}

static void
test_our_warning (void)
{
  if (g_test_subprocess ())
    {
      g_log_structured ("bridge-window", G_LOG_LEVEL_WARNING, "MESSAGE", "a warning of ours");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*a warning of ours*");
}

static void
test_message_passes (void)
{
  if (g_test_subprocess ())
    {
      g_message ("a message is not a fault");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/gui/log/gtk-critical", test_gtk_critical);
  g_test_add_func ("/gui/log/gtk-warning", test_gtk_warning);
  g_test_add_func ("/gui/log/our-warning", test_our_warning);
  g_test_add_func ("/gui/log/message-passes", test_message_passes);

  return g_test_run ();
}
