#!/usr/bin/env python3
# walk.py: a new user's walk through the whole window, keyboard only
# (issue 14, item 17). Not a test of the suite: a walk to look at.
#
#   tests/gui/walk.py [--lang en|zh_CN] [--width 360|1400] [--height H]
#
# Starts the real application from a first run (no settings, the bundled
# catalog imported), in an X server of its own (see xsession.py), with
# G_DEBUG=fatal-criticals, and goes through it with keys only: the welcome
# page, a search, a course and Add to Plan, the Plan page and its course
# chooser, the Grades page, the Agreement and its fields, After the Stay,
# Preferences, the keyboard shortcuts, Help, Save As and quitting. It takes
# a screenshot at each step into BUILD/tests/gui/shots/walk-LANG-WIDTH/
# and stops at the first critical or warning. Look at every picture.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xsession  # noqa: E402


def walk(lang, width, height):
    name = 'walk-%s-%d' % (lang, width)
    with xsession.Session(name, lang=lang, width=width, height=height,
                          first_run_done=False, home=None) as s:
        s.start()
        s.wait_still()
        s.shot('welcome')
        # The first university in the list is the one's focus; Chongqing
        # University is the thirteenth.
        s.key('Return')
        s.shot('universities')
        s.key(*(['Down'] * 12), 'Return')
        s.shot('university-chosen')
        s.key('Tab', 'Return')
        s.shot('cycles')
        s.key('Escape')
        s.key('Tab', 'Return')
        s.shot('fields')
        s.key('Escape')
        s.key('Tab', 'Return')
        s.wait_still()
        s.shot('catalog')

        # A search, a course, Add to Plan.
        s.key('ctrl+f')
        s.type('operating systems')
        s.wait_still()
        s.shot('search')
        s.key('Down')
        s.shot('first-result')
        s.key('Return')
        s.wait_still()
        s.shot('course')
        s.key('Tab')
        s.shot('add-to-plan-focused')
        s.key('Return')
        s.wait_still()
        s.shot('added')
        for i in range(1, 7):
            s.key('Tab')
            s.shot('course-tab-%d' % i)
        s.key('Escape')
        s.wait_still()
        s.shot('course-escape')

        # The Plan page, its fields and its course chooser.
        s.key('alt+2')
        s.wait_still()
        s.shot('plan')
        # The student's name, home, host, term, language, five totals, the
        # warning, the host course, its Remove button, the empty home side,
        # Add Host Course…, Add Home Course…
        for i in range(1, 16):
            s.key('Tab')
            s.shot('plan-tab-%02d' % i)
        s.key('Return')
        s.wait_still()
        s.shot('chooser')
        s.type('math')
        s.wait_still()
        s.shot('chooser-search')
        s.key('Down')
        s.shot('chooser-down')
        s.key('Return')
        s.wait_still()
        s.shot('chooser-chosen')

        # The Grades page.
        s.key('alt+3')
        s.wait_still()
        s.shot('grades')
        for i in range(1, 13):
            s.key('Tab')
            s.shot('grades-tab-%02d' % i)
        s.type('78')
        s.key('Tab')
        s.wait_still()
        s.shot('grades-mark')

        # The Agreement, its fields, After the Stay.
        s.key('alt+4')
        s.wait_still()
        s.shot('agreement')
        for i in range(1, 41):
            s.key('Tab')
            s.shot('agreement-tab-%02d' % i)
        s.key('shift+Tab')
        s.shot('agreement-shift-tab')

        # Preferences, shortcuts, Help.
        s.key('ctrl+comma')
        s.wait_still()
        s.shot('preferences')
        for i in range(1, 6):
            s.key('Tab')
            s.shot('preferences-tab-%d' % i)
        s.key('Escape')
        s.wait_still()
        s.shot('preferences-closed')
        s.key('ctrl+question')
        s.wait_still()
        s.shot('shortcuts')
        s.key('Escape')
        s.wait_still()
        s.key('F1')
        s.wait_still()
        s.shot('help')
        s.key('Escape')
        s.wait_still()

        # Save As, then quit.
        s.key('ctrl+s')
        s.wait_still()
        s.shot('save-as')
        s.type('walk')
        s.key('Return')
        s.wait_still()
        s.shot('saved')
        s.quit()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--lang', choices=['en', 'zh_CN'], default='en')
    parser.add_argument('--width', type=int, default=1400)
    parser.add_argument('--height', type=int, default=0)
    args = parser.parse_args()
    height = args.height or (720 if args.width < 600 else 900)
    try:
        walk(args.lang, args.width, height)
    except xsession.Failure as e:
        print('walk-%s-%d: %s' % (args.lang, args.width, e), file=sys.stderr)
        return 1
    build, _ = xsession._roots()
    print('The pictures are in %s' % os.path.join(build, 'tests', 'gui', 'shots',
                                                  'walk-%s-%d' % (args.lang, args.width)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
