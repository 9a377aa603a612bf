#!/usr/bin/env python3
# test-keys.py: the window driven with real keys (issue 14, items 1, 2 and 16).
#
#   tests/gui/test-keys.py [SCENARIO…]
#
# Each scenario starts the real application in an X server of its own (see
# xsession.py), types as a person would, and checks that nothing froze or
# printed a warning, and that the plan file holds what was typed. The
# screenshots of each step are in BUILD/tests/gui/shots/SCENARIO/.
#
# Focus moves are counted from where a page puts the focus; when a page's
# layout changes, the screenshots show where the count now lands.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xsession  # noqa: E402

STUDENT = ['--student=Li Ming', '--home=cqu', '--host=scu', '--term=2026-autumn']
# Inorganic Chemistry at Sichuan University grades with marks (0–100).
ONE_GROUP = [['scu:chem2005', '--replaces', 'cqu:cs1005']]
# What an agreement needs before it can be approved (bridge_plan_check_ready ()).
READY = ['--isced=0531', '--language=zh', '--cefr=C2',
         '--home-responsible=Wang Fang', '--home-position=Dean', '--home-email=dean@cqu.edu.cn',
         '--host-responsible=Zhang Wei', '--host-position=Dean', '--host-email=dean@scu.edu.cn']
SCENARIOS = {}


def scenario(function):
    SCENARIOS[function.__name__.replace('_', '-')] = function
    return function


def grade_of(s, path, course):
    return s.plan_json(path)['plan'].get('grades', {}).get(course)


def save(s, path):
    """Ctrl+S, then waits for the file to change."""
    before = os.stat(path).st_mtime_ns
    s.key('ctrl+s')
    s.wait_for(lambda: os.stat(path).st_mtime_ns != before, 'Ctrl+S did not write %s' % path)


def to_mark_field(s):
    """From the Agreement page's start to the first host course's mark field:
    backwards past Print, Export as JSON, Export as PDF, the record row and
    the course's feedback row (issue 19)."""
    s.key('alt+4')
    s.wait_still()
    s.key(*(['shift+Tab'] * 6))


# -- Item 1: After the Stay ---------------------------------------------------

def after_stay(s, plan, leave):
    s.start(plan)
    to_mark_field(s)
    s.type('78')
    s.shot('typed')
    leave()
    # The record is converted after the focus moved: give it its pause.
    s.settle(1.0)
    s.shot('left')
    save(s, plan)
    s.expect(grade_of(s, plan, 'scu:chem2005') == '78',
             'the mark typed was not kept: %r' % grade_of(s, plan, 'scu:chem2005'))
    record = s.plan_json(plan)['plan'].get('recognition', [])
    s.expect(len(record) == 1 and record[0].get('grade') not in (None, ''),
             'the home course has no converted grade: %r' % record)
    s.quit()


@scenario
def after_stay_tab():
    """Typing a mark and pressing Tab (the freeze of issue 14, item 1); the
    focus stays where Tab put it, so Shift+Tab comes back to the mark."""
    with xsession.Session('after-stay-tab') as s:
        plan = s.new_plan('tab.creditplan', *STUDENT, groups=ONE_GROUP)
        after_stay(s, plan, lambda: s.key('Tab'))
        s.start(plan)
        to_mark_field(s)
        s.type('64')
        s.key('Tab')
        s.settle(1.0)
        s.key('shift+Tab')
        s.type('81')                      # the field's text is selected on the way in
        s.key('Return')
        s.shot('back')
        save(s, plan)
        s.expect(grade_of(s, plan, 'scu:chem2005') == '81',
                 'Shift+Tab after Tab did not come back to the mark field: the grade is %r'
                 % grade_of(s, plan, 'scu:chem2005'))
        s.quit()


@scenario
def after_stay_shift_tab():
    with xsession.Session('after-stay-shift-tab') as s:
        plan = s.new_plan('shift-tab.creditplan', *STUDENT, groups=ONE_GROUP)
        after_stay(s, plan, lambda: s.key('shift+Tab'))


@scenario
def after_stay_click():
    """Typing a mark and clicking elsewhere: on the line of the record below."""
    with xsession.Session('after-stay-click') as s:
        plan = s.new_plan('click.creditplan', *STUDENT, groups=ONE_GROUP)
        after_stay(s, plan, lambda: s.click(378, 435))


@scenario
def after_stay_locked():
    """The same on an agreement all three have approved."""
    with xsession.Session('after-stay-locked') as s:
        plan = s.new_plan('locked.creditplan', *STUDENT, *READY, groups=ONE_GROUP)
        for role, extra in (('student', []),
                            ('sending', ['--position=Dean', '--email=dean@cqu.edu.cn']),
                            ('receiving', ['--position=Dean', '--email=dean@scu.edu.cn'])):
            s.cli_run('plan', 'approve', plan, '--as=' + role, '--name=Someone', *extra)
        s.expect(s.plan_json(plan)['plan'].get('locked') is True or 'approvals' in s.plan_json(plan)['plan'],
                 'the CLI did not approve the plan')
        after_stay(s, plan, lambda: s.key('Tab'))


@scenario
def after_stay_enter():
    with xsession.Session('after-stay-enter') as s:
        plan = s.new_plan('enter.creditplan', *STUDENT, groups=ONE_GROUP)
        after_stay(s, plan, lambda: s.key('Return'))


# -- Item 1: the Plan page's term and language ---------------------------------

@scenario
def plan_term_language():
    """Choosing the term and the language from their lists with the keys."""
    with xsession.Session('plan-term-language') as s:
        plan = s.new_plan('term.creditplan', *STUDENT, groups=ONE_GROUP)
        s.start(plan)
        s.key('alt+2')
        s.tab(3)                          # student name → home → host → term
        s.key('Return')
        s.shot('term-list')
        # The list opens on its first item, "Not chosen": the second term.
        s.key('Down', 'Down', 'Return')
        s.settle(0.5)
        s.shot('term-chosen')
        s.tab()                           # → language
        s.key('Return')
        s.shot('language-list')
        s.key('Down', 'Return')
        s.settle(0.5)
        s.shot('language-chosen')
        save(s, plan)
        p = s.plan_json(plan)['plan']
        s.expect(p['mobility']['terms'][0] == '2027-spring',
                 'the term chosen was not kept: %r' % p['mobility']['terms'])
        s.expect(p['student'].get('language') not in (None, ''),
                 'the language chosen was not kept: %r' % p['student'])
        s.quit()


# -- Item 1: quitting ------------------------------------------------------------

@scenario
def quit_from_each_page():
    """Every page shown once, then Ctrl+Q: no critical on the way out."""
    with xsession.Session('quit') as s:
        plan = s.new_plan('quit.creditplan', *STUDENT, groups=ONE_GROUP)
        s.start(plan)
        for page in ('alt+2', 'alt+3', 'alt+4', 'alt+1'):
            s.key(page, pause=0.5)
            s.shot(page.replace('+', '-'))
        s.quit()


@scenario
def quit_while_typing():
    """Ctrl+Q with a mark typed but not yet entered, and with the focus in
    an Agreement field: the window goes without a critical."""
    with xsession.Session('quit-while-typing') as s:
        plan = s.new_plan('typing.creditplan', *STUDENT, groups=ONE_GROUP)
        s.start(plan)
        to_mark_field(s)
        s.type('78')
        s.quit()
        s.start(plan)
        s.key('alt+4')
        s.wait_still()
        s.tab(9)
        s.type('x')
        s.shot('typing')
        s.key('ctrl+q')
        s.wait_for(lambda: len(s.windows(cls='credit-bridge')) == 2, 'Ctrl+Q did not ask to save')
        s.shot('asked')
        s.xdo('key', 'Tab', 'Tab', 'Return')     # Save → Cancel → Discard
        s.wait_exit(what='Discard')


# -- Item 16: the home-course picker -----------------------------------------------

def home_courses(s, plan):
    return [c['course'] for c in s.plan_json(plan)['plan']['groups'][0]['home']]


@scenario
def home_course_picker():
    """Add Home Course…: typed search, Down to the first course, Return adds
    it; Return in the search takes the first course; a search that finds
    nothing says so; Escape closes the list without adding."""
    with xsession.Session('home-course-picker', height=1000) as s:
        plan = s.new_plan('picker.creditplan', *STUDENT, groups=ONE_GROUP)
        s.start(plan)
        s.key('alt+2')
        s.wait_still()
        # student name, home, host, term, language, five totals, the warning,
        # the two courses and their Remove buttons, Add Host Course…
        s.tab(16)
        s.key('Return')
        s.type('python')
        s.wait_still()
        s.shot('found')
        s.key('Down')
        s.shot('first-course')
        s.key('Return')
        s.wait_still()
        s.shot('added')
        save(s, plan)
        s.expect(home_courses(s, plan) == ['cqu:cs1005', 'cqu:cs1007'],
                 'Down and Return did not add Python Programming: %r' % home_courses(s, plan))

        s.key('Return')                   # the focus is back on the button
        s.type('zzzz')
        s.wait_still()
        s.shot('nothing-found')
        s.key('Escape')
        s.wait_still()
        s.shot('closed')
        s.expect(len(s.windows(cls='credit-bridge')) == 1, 'Escape did not close the list')

        s.key('Return')
        s.type('ARCH2005')
        s.key('Return')                   # at once: before the list follows
        s.wait_still()
        s.shot('return-in-search')
        save(s, plan)
        s.expect(home_courses(s, plan) == ['cqu:cs1005', 'cqu:cs1007', 'cqu:arch2005'],
                 'Return in the search did not add the course found: %r' % home_courses(s, plan))
        s.quit()


# -- Item 16: from a course to Add to Plan ------------------------------------------

@scenario
def course_page_tab():
    """A search, Down to the first course, Return shows it; the first Tab
    reaches Add to Plan (not the title, the code or the university's name,
    which are text to read)."""
    with xsession.Session('course-page-tab') as s:
        plan = s.new_plan('course.creditplan', *STUDENT, groups=ONE_GROUP)
        s.start(plan)
        s.key('alt+1')
        s.key('ctrl+f')
        s.type('CHEM2008')
        s.wait_still()
        s.key('Down', 'Return')
        s.wait_still()
        s.shot('course')
        s.key('Tab')
        s.shot('tab')
        s.key('Return')
        s.wait_still()
        s.shot('added')
        save(s, plan)
        hosts = [c['course'] for g in s.plan_json(plan)['plan']['groups'] for c in g['host']]
        s.expect('scu:chem2008' in hosts,
                 'Tab then Return on the course did not add it to the plan: %r' % hosts)
        s.quit()


# -- Item 2: the welcome page, the Agreement's fields, the grade preview, export ----

@scenario
def welcome():
    """First run: the home university chosen from its list with Return,
    Down and Return, then Tab to Start and Return."""
    with xsession.Session('welcome', first_run_done=False, home=None) as s:
        s.start()
        s.wait_still()
        s.shot('welcome')
        s.key('Return')                   # the University row has the focus
        s.shot('universities')
        s.key('Down', 'Down', 'Return')
        s.shot('chosen')
        s.tab(3)                          # cycle, field, Start
        s.key('Return')
        s.wait_still()
        s.shot('started')
        s.expect(s.get_setting('first-run-done') == 'true', 'Start did not end the first run')
        s.expect(s.get_setting('home-university') not in ("''", ''),
                 'no home university was kept: %s' % s.get_setting('home-university'))
        s.quit()


def country_position(name):
    """Where the nationality chooser lists the English @name: after "Not
    given", the names of core's country list in alphabetical order."""
    source = os.environ.get('CREDIT_BRIDGE_SOURCE_ROOT',
                            os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
    with open(os.path.join(source, 'src', 'core', 'model', 'bridge-names.c'), encoding='utf-8') as f:
        text = f.read()
    block = text[text.index('countries[] = {'):]
    block = block[:block.index('};')]
    names = sorted(re.findall(r'N_\("([^"]+)"\)', block))
    return 1 + names.index(name)


@scenario
def agreement_fields():
    """The student's fields typed one after the other, Tab between them."""
    with xsession.Session('agreement-fields') as s:
        plan = s.new_plan('fields.creditplan', *STUDENT, groups=ONE_GROUP)
        s.start(plan)
        s.key('alt+4')
        s.wait_still()
        # From the view switcher's first button: Plan, Grades, Agreement,
        # Certificates, the menu, the banner's Change, Export…, Print…, then
        # the name.
        s.tab(9)
        values = ['Wang Fang', '20230101', 'wangfang@cqu.edu.cn', '2004-05-06']
        for i, value in enumerate(values):
            s.type(value)
            s.shot('field-%d' % i)
            s.key('Tab')
            if value == '2004-05-06':
                s.key('Tab')              # past the date's calendar button
        # The nationality is chosen by name: Return opens the list on
        # "Not given", Down goes to China, Return chooses it. The pointer
        # is moved away first: the list selects the item under it on hover.
        s.xdo('mousemove', '0', '0')
        s.key('Return')
        s.wait_still()
        s.key(*(['Down'] * country_position('China')))
        s.shot('nationality-list')
        s.key('Return')
        s.wait_still()
        s.shot('nationality-chosen')
        save(s, plan)
        student = s.plan_json(plan)['plan']['student']
        got = [student.get(k) for k in ('name', 'student_number', 'email', 'birth_date', 'nationality')]
        s.expect(got == values + ['CN'], 'the fields typed were not all kept: %r' % student)
        s.quit()


def to_agreement_name(s):
    """The Agreement page with the focus in the student's name: from the view
    switcher's first button, Plan, Grades, Agreement, Certificates, the menu,
    the banner's Change, Export…, Print…, then the name."""
    s.key('alt+4')
    s.wait_still()
    s.tab(9)


def type_fields(s, values):
    """Types each value, Tab after each; None is a Tab past a row that takes
    no text (a calendar button, a list, a University row, an expander)."""
    for i, value in enumerate(values):
        if value is not None:
            s.type(value)
            s.shot('field-%d' % i)
        s.key('Tab')


# From the student's name, Tabs past: number, email, birth date, its calendar,
# nationality, gender, cycle, to ISCED.
TABS_NAME_TO_ISCED = 8
# From the name to the sending institution's faculty: past ISCED, language,
# CEFR and the University row.
TABS_NAME_TO_SENDING = 12
# From the name to the mobility's start: past the sending and receiving
# institutions (University row, four fields, the administrative contact each).
TABS_NAME_TO_START = 23


@scenario
def agreement_institutions():
    """The field of education, then the sending and the receiving
    institutions' faculty, responsible person, position and e-mail, typed
    with Tab between them; Return in the last one."""
    with xsession.Session('agreement-institutions') as s:
        plan = s.new_plan('institutions.creditplan', *STUDENT, groups=ONE_GROUP)
        s.start(plan)
        to_agreement_name(s)
        s.tab(TABS_NAME_TO_ISCED)
        sending = ['Computer Science', 'Wang Fang', 'Dean', 'dean@cqu.edu.cn']
        receiving = ['Chemistry', 'Zhang Wei', 'Vice-Dean', 'zhang.wei@scu.edu.cn']
        # ISCED, language, CEFR, the University row; the four fields, the
        # contact, the University row; the four fields.
        type_fields(s, ['0531', None, None, None] + sending + [None, None] + receiving[:3])
        s.type(receiving[3])
        s.key('Return')
        s.wait_still()
        s.shot('typed')
        save(s, plan)
        p = s.plan_json(plan)['plan']
        s.expect(p['student'].get('isced') == '0531',
                 'the field of education typed was not kept: %r' % p['student'])
        for side, values in (('sending', sending), ('receiving', receiving)):
            got = p.get(side, {})
            r = got.get('responsible', {})
            got = [got.get('faculty'), r.get('name'), r.get('position'), r.get('email')]
            s.expect(got == values, 'the %s institution typed was not all kept: %r' % (side, p.get(side)))
        s.quit()


@scenario
def agreement_bad_email():
    """An e-mail without @ typed in the sending institution's e-mail: the
    field says so, the plan keeps no e-mail and nothing critical is printed.
    (Typing the right one over it is /gui/agreement's: after Ctrl+S the
    focus is not where a count of Tabs can find the field again.)"""
    with xsession.Session('agreement-bad-email') as s:
        plan = s.new_plan('bad-email.creditplan', *STUDENT, groups=ONE_GROUP)
        s.start(plan)
        to_agreement_name(s)
        s.tab(TABS_NAME_TO_SENDING)
        type_fields(s, ['Computer Science', None, None])
        s.type('notanemail')
        s.key('Tab')
        s.wait_still()
        s.shot('bad-email')
        save(s, plan)                     # the faculty changed: the file is written
        p = s.plan_json(plan)['plan']['sending']
        s.expect(p.get('faculty') == 'Computer Science', 'the faculty typed was not kept: %r' % p)
        s.expect(p.get('responsible', {}).get('email') in (None, ''),
                 'an e-mail without @ was saved: %r' % p)
        s.expect(s.bad_lines() == [], 'the window printed: %r' % s.bad_lines())
        s.quit()


@scenario
def agreement_mobility():
    """The mobility's start, end and academic year, the provisions' text
    (Tab leaves it) and the group's review comment (Return), typed with
    Tab between them."""
    with xsession.Session('agreement-mobility') as s:
        plan = s.new_plan('mobility.creditplan', *STUDENT, groups=ONE_GROUP)
        s.start(plan)
        to_agreement_name(s)
        s.tab(TABS_NAME_TO_START)
        start, end, year = '2026-09-01', '2027-01-20', '2027/2028'
        provisions = 'The student takes the exam again in spring.'
        comment = 'Chemistry covers the computing course.'
        # start, its calendar, end, its calendar, year, Terms, provisions,
        # the group's status, its comment.
        type_fields(s, [start, None, end, None, year, None, provisions, None])
        s.type(comment)
        s.key('Return')
        s.wait_still()
        s.shot('typed')
        save(s, plan)
        p = s.plan_json(plan)['plan']
        m = p['mobility']
        got = [m.get('start'), m.get('end'), m.get('academic_year')]
        s.expect(got == [start, end, year], 'the mobility typed was not all kept: %r' % m)
        s.expect(p.get('provisions') == provisions,
                 'the provisions typed were not kept: %r' % p.get('provisions'))
        s.expect(p['groups'][0].get('comment') == comment,
                 'the review comment typed was not kept: %r' % p['groups'][0])
        s.quit()


@scenario
def agreement_tab_through():
    """Tab through the whole Agreement page: the provisions' text area lets
    Tab go on (it took every Tab as a tab character, a trap)."""
    with xsession.Session('agreement-tab-through') as s:
        plan = s.new_plan('through.creditplan', *STUDENT, groups=ONE_GROUP)
        s.start(plan)
        s.key('alt+4')
        s.wait_still()
        s.tab(60, pause=0.5)
        s.type('78')                      # wherever 60 Tabs lead
        s.shot('after-60-tabs')
        s.key('ctrl+Tab')                 # leaves a text area whatever it takes
        s.key('ctrl+s')
        s.settle(1.0)
        provisions = s.plan_json(plan)['plan'].get('provisions')
        s.expect(provisions is None,
                 'Tab stayed in the provisions, which took what was typed next: %r' % provisions)
        s.quit()


def result_picture(s, label):
    """A screenshot, and the pixels of the Grades page's suggested home grade
    (the big label under "Suggested home grade", the page scrolled to its
    top and no error under the mark field): what the person reads."""
    path = s.shot(label)
    p = subprocess.run(['convert', path, '-crop', '700x50+185+618', '+repage', 'rgb:-'],
                       capture_output=True, timeout=30)
    s.expect(p.returncode == 0 and p.stdout, 'convert could not crop %s' % path)
    colours = {p.stdout[i:i + 3] for i in range(0, len(p.stdout), 3)}
    s.expect(len(colours) > 1, 'no suggested grade where it is read: see %s' % path)
    return hashlib.sha1(p.stdout).digest()


@scenario
def grade_preview_mark():
    """The Grades page: a mark typed in its field, Tab, shows a suggested
    grade; another mark of the same band, Return, shows the same; a mark of
    another band, another; a mark out of the scale, Return; the field
    emptied, Shift+Tab."""
    with xsession.Session('grade-preview-mark') as s:
        s.start()
        s.key('alt+3')
        s.wait_still()
        # From the view switcher's first button: Plan, Grades, Agreement,
        # Certificates, the menu, the banner's Change, from, to, field, cycle,
        # host grade, mark.
        s.tab(12)
        s.type('78')
        s.key('Tab')
        s.wait_still()
        seen_78 = result_picture(s, 'mark-78')
        # 72 is in the same band of Sichuan University's scale (中等,
        # 70–79.99): the same suggested grade; 95 is in another (优秀).
        s.key('shift+Tab')
        s.type('72')                      # over 78, selected on the way in
        s.key('Return')
        s.wait_still()
        seen_72 = result_picture(s, 'mark-72')
        s.key('ctrl+a')
        s.type('95')
        s.key('Return')
        s.wait_still()
        seen_95 = result_picture(s, 'mark-95')
        s.expect(seen_72 == seen_78, 'marks 72 and 78 (one band) show different results: see mark-72')
        s.expect(seen_95 != seen_78, 'mark 95 (another band) shows the result of 78: see mark-95')
        s.key('ctrl+a')
        s.type('150')
        s.key('Return')
        s.wait_still()
        s.shot('mark-150')
        s.key('ctrl+a', 'BackSpace', 'shift+Tab')
        s.wait_still()
        s.shot('mark-emptied')
        s.quit()


@scenario
def export_dialog():
    """Ctrl+E, a file name typed over the one offered, Return: the PDF is
    written; Ctrl+E again, Escape: nothing is."""
    with xsession.Session('export-dialog') as s:
        plan = s.new_plan('export.creditplan', *STUDENT, groups=ONE_GROUP)
        s.start(plan)
        s.key('ctrl+e')
        s.wait_for(lambda: len(s.windows(cls='credit-bridge')) == 2, 'Ctrl+E did not open the dialog')
        s.wait_still()
        s.shot('dialog')
        s.type('agreement')               # the name without its extension is selected
        s.key('Return')
        pdf = os.path.join(os.path.dirname(plan), 'agreement.pdf')
        s.wait_for(lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 0,
                   'Return in the export dialog did not write %s' % pdf)
        with open(pdf, 'rb') as f:
            s.expect(f.read(5) == b'%PDF-', '%s is not a PDF' % pdf)
        s.wait_for(lambda: len(s.windows(cls='credit-bridge')) == 1, 'the dialog stayed open')
        s.shot('exported')
        s.key('ctrl+e')
        s.wait_for(lambda: len(s.windows(cls='credit-bridge')) == 2, 'Ctrl+E did not open the dialog')
        s.key('Escape')
        s.wait_for(lambda: len(s.windows(cls='credit-bridge')) == 1, 'Escape did not close the dialog')
        s.expect(sorted(os.listdir(os.path.dirname(plan))) == ['agreement.pdf', 'export.creditplan'],
                 'Escape wrote something: %r' % os.listdir(os.path.dirname(plan)))
        s.quit()


# -- Issue 19: the advisor's report -------------------------------------------
@scenario
def report_keys():
    """Ctrl+Shift+R opens the report window; Ctrl+O, a plan's path typed into
    the file chooser and Return report on it; Escape closes the window."""
    with xsession.Session('report-keys') as s:
        plan = s.new_plan('report.creditplan', *STUDENT, groups=ONE_GROUP)
        s.start(plan)
        s.key('ctrl+shift+r')
        s.wait_for(lambda: len(s.windows(cls='credit-bridge')) == 2, 'Ctrl+Shift+R did not open the report')
        s.wait_still()
        s.shot('empty')
        s.key('ctrl+o')
        s.wait_for(lambda: len(s.windows(cls='credit-bridge')) == 3, 'Ctrl+O did not open the file chooser')
        s.wait_still()
        s.key('ctrl+l')
        s.type(plan)
        s.key('Return')
        s.wait_for(lambda: len(s.windows(cls='credit-bridge')) == 2, 'Return did not choose the plan')
        s.wait_still()
        s.shot('report')
        for i in range(1, 6):
            s.tab()
            s.shot('tab-%d' % i)
        s.key('Escape')
        s.wait_for(lambda: len(s.windows(cls='credit-bridge')) == 1, 'Escape did not close the report')
        s.quit()


# -- Issue 20: the catalog kept current ---------------------------------------

class _Feed:
    """The demo catalog served from a copy on 127.0.0.1 (Python's server,
    with Last-Modified and 304), counting the requests it answers."""

    def __init__(self, source):
        import functools
        import http.server
        import shutil
        import tempfile
        import threading
        self.dir = tempfile.mkdtemp(prefix='credit-bridge-feed-')
        shutil.copytree(os.path.join(source, 'data', 'catalog', 'courses'),
                        os.path.join(self.dir, 'courses'))
        # A day later than the bundled one: the same bytes would count as
        # the catalog the session already imported from its file.
        with open(os.path.join(source, 'data', 'catalog', 'feed.json'), encoding='utf-8') as f:
            text = f.read()
        with open(os.path.join(self.dir, 'feed.json'), 'w', encoding='utf-8') as f:
            f.write(text.replace('"generated": "2026-11-20T10:00:00+08:00"',
                                 '"generated": "2026-11-21T10:00:00+08:00"', 1))
        self.requests = 0
        feed = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def do_GET(self):
                feed.requests += 1
                super().do_GET()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(
            ('127.0.0.1', 0), functools.partial(Handler, directory=self.dir))
        self.url = 'http://127.0.0.1:%d/feed.json' % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def change(self):
        """A later "generated" date and one course more at scu."""
        path = os.path.join(self.dir, 'feed.json')
        with open(path, encoding='utf-8') as f:
            text = f.read()
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text.replace('"generated": "2026-11-21T10:00:00+08:00"',
                                 '"generated": "2026-12-03T10:00:00+08:00"', 1))
        path = os.path.join(self.dir, 'courses', 'scu.jsonl')
        with open(path, encoding='utf-8') as f:
            first = f.readline()
        with open(path, 'a', encoding='utf-8') as f:
            f.write(first.replace('"id":"scu:math1004"', '"id":"scu:test9001"', 1)
                         .replace('"code":"MATH1004"', '"code":"TEST9001"', 1))

    def close(self):
        import shutil
        self.server.shutdown()
        self.server.server_close()
        shutil.rmtree(self.dir, ignore_errors=True)


def catalog_update_in(lang, width):
    feed = _Feed(xsession._roots()[1])
    try:
        with xsession.Session('catalog-update-%s-%d' % (lang, width), lang=lang, width=width,
                              height=700, settings={'check-updates': 'true'}) as s:
            # A catalog from the web, checked just now: nothing is asked at start.
            s.cli_run('catalog', 'import', feed.url)
            asked = feed.requests
            s.start()
            s.wait_still()
            s.shot('start')
            s.expect(feed.requests == asked,
                     'the window asked the server at start though it was checked just now')
            feed.change()
            # F10 opens the main menu on its first item; Up goes round to
            # its end, and Check for Catalog Updates is fifth from there.
            s.key('F10')
            s.wait_still()
            s.key('Up', 'Up', 'Up', 'Up', 'Up')
            s.shot('menu')
            s.key('Return')
            s.settle(0.5)
            s.shot('checking')
            s.wait_for(lambda: s.cli_run('catalog', 'show', 'scu:test9001', check=False).returncode == 0,
                       'the new course did not arrive', timeout=60)
            s.wait_still()
            s.shot('updated')
            s.expect(feed.requests > asked, 'Check for Catalog Updates asked nothing')
            s.quit()
    finally:
        feed.close()


@scenario
def catalog_update():
    """A catalog imported from a web address: the main menu's Check for
    Catalog Updates (F10, U) brings the new one, in English at 1400 pixels
    and in Chinese at 360."""
    catalog_update_in('en', 1400)
    catalog_update_in('zh_CN', 360)


if __name__ == '__main__':
    sys.exit(xsession.main(SCENARIOS))
