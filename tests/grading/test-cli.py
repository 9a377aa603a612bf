#!/usr/bin/env python3
# test-cli.py: credit-bridge-cli credits / grade convert / grade table,
# with their exit statuses (0 done, 1 error, 2 wrong usage).
#
# Usage: test-cli.py PATH/TO/credit-bridge-cli
#
# The catalog is tests/grading/data/feed.json, imported into a temporary
# cache. Its numbers (hand-computed):
#   hostu: 45-minute periods, lecture 16 periods a credit, self-study 2 (lab
#     0.5), practice weeks of 40 h; one credit = 16 × 45/60 × 3 = 36 h.
#   homeu: 50-minute periods, 16 a credit, self-study 1.5:
#     one credit = 16 × 50/60 × 2.5 = 100/3 ≈ 33.33 h; step 0.5.
#   alliance: 27 h a credit; ECTS 27.5 h.
#   cs101: 48 lecture periods → 108 h → 4 alliance, 3.93 ECTS, 3.24 home, 3 awarded
#   cs102: + 16 lab periods (18 h) + 2 practice weeks (80 h) → 206 h → 6.18, 6
#   cs103: as cs101 but 2 local credits: 108 h is 3 credits at hostu → warning
#   cs104: declares 120 h → 3.6 home credits → 3.5 awarded
#   cs105: declares 180 h → 5.4 at homeu, 5 awarded; at nearu (14 periods of
#     60 min, self-study 1: 28 h a credit, rounding "nearest") 180 ÷ 28 =
#     45/7 ≈ 6.43 (never 6.42), awarded 6.5 (to the nearest 0.5)
#   grading tables, field 0613 bachelor: hostu 优秀 100, 良好 300, 中等 400,
#     及格 200; homeu A 10, B 25, C 30, D 25, E 10. 良好 covers [10, 40] %:
#     midpoint 25 → B [10, 35]; candidates B 25/30 = 5/6, C 1/6.
#   plainu has no tables: approximate, 85 → 37.5 % from the top of 60–100
#     → 85 on plainu's 60–100 → 良 (75–89.99).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

CLI = None
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')


def data(name):
    return os.path.join(DATA, name)


class CliTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='grading-cli-')
        cls.db = os.path.join(cls.tmp, 'catalog.db')
        r = subprocess.run([CLI, 'catalog', 'import', '--quiet', '--db', cls.db, data('feed.json')],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def run_cli(self, *args, stdin=None, db=True):
        argv = [CLI] + list(args)
        if db:
            argv += ['--db', self.db]
        env = dict(os.environ, LC_ALL='C.UTF-8', CREDIT_BRIDGE_FEED=data('feed.json'))
        return subprocess.run(argv, capture_output=True, text=True, input=stdin, env=env)

    def ok(self, *args, **kw):
        r = self.run_cli(*args, **kw)
        self.assertEqual(r.returncode, 0, r.stderr)
        return r

    def json(self, *args, **kw):
        return json.loads(self.ok(*args, **kw).stdout)

    def fails(self, status, *args, contains=None, **kw):
        r = self.run_cli(*args, **kw)
        self.assertEqual(r.returncode, status, 'stdout: %s\nstderr: %s' % (r.stdout, r.stderr))
        self.assertTrue(r.stderr.strip(), 'an error must say what went wrong')
        if contains is not None:
            self.assertIn(contains, r.stderr)
        return r


class Credits(CliTestCase):
    def test_spec_example(self):
        j = self.json('credits', '--home', 'homeu', 'hostu:cs101', '--json')
        self.assertEqual(j['workload_hours'], 108)
        self.assertEqual(j['workload_source'], 'estimated')
        self.assertEqual(j['local_credits'], 3)
        self.assertEqual(j['alliance_credits'], 4)
        self.assertEqual(j['ects_credits'], 3.93)
        self.assertEqual(j['home_credits_exact'], 3.24)
        self.assertEqual(j['home_credits_awarded'], 3)
        self.assertIsNone(j['warning'])
        self.assertIn('48 lecture periods × 45 min ÷ 60 × (1 + 2) = 108 h', j['steps'])
        self.assertIn('Home credits: 108 h ÷ 33.33 h = 3.24', j['steps'])
        self.assertIn('Awarded: 3 home credits (rounded down to a multiple of 0.5)', j['steps'])

    def test_text(self):
        out = self.ok('credits', '--home', 'homeu', 'hostu:cs101').stdout
        self.assertIn('48 lecture periods × 45 min ÷ 60 × (1 + 2) = 108 h', out)
        self.assertIn('Credits at Home University: 3.24 exactly, 3 awarded', out)
        self.assertNotIn('Warning', out)

    def test_breakdown(self):
        j = self.json('credits', '--home', 'homeu', 'hostu:cs102', '--json')
        self.assertEqual(j['workload_hours'], 206)
        self.assertEqual(j['workload_breakdown'], {'lecture': 108, 'lab': 18, 'seminar': 0, 'practice': 80})
        self.assertEqual(j['home_credits_exact'], 6.18)
        self.assertEqual(j['home_credits_awarded'], 6)

    def test_declared(self):
        j = self.json('credits', '--home', 'homeu', 'hostu:cs104', '--json')
        self.assertEqual(j['workload_source'], 'declared')
        self.assertEqual(j['workload_hours'], 120)
        self.assertEqual(j['home_credits_exact'], 3.6)
        self.assertEqual(j['home_credits_awarded'], 3.5)

    def test_warning(self):
        j = self.json('credits', '--home', 'homeu', 'hostu:cs103', '--json')
        self.assertIn('more than 25 %', j['warning'])
        out = self.ok('credits', '--home', 'homeu', 'hostu:cs103').stdout
        self.assertIn('Warning: The course gives 2 local credits', out)

    def test_home_course(self):
        # cs103 is hostu's own: its 2 credits count at hostu, not the 3 its
        # 108 h would convert to under hostu's policy.
        j = self.json('credits', '--home', 'hostu', 'hostu:cs103', '--json')
        self.assertTrue(j['home_course'])
        self.assertEqual(j['home_credits_exact'], 2)
        self.assertEqual(j['home_credits_awarded'], 2)
        self.assertEqual(j['reason'], 'A course of your university (Host University): '
                                      'it counts with its own 2 credits, not converted')
        self.assertEqual(j['home_credits_fraction'], '2')
        out = self.ok('credits', '--home', 'hostu', 'hostu:cs103').stdout
        self.assertIn('Credits at Host University: 2, a course of your university', out)
        self.assertNotIn('exactly', out)
        self.assertNotIn('Home credits:', out)
        self.assertIn('A course of your university (Host University)', out)
        j = self.json('credits', '--home', 'homeu', 'hostu:cs103', '--json')
        self.assertFalse(j['home_course'])
        self.assertIsNone(j['reason'])

    def test_nearest_hundredth(self):
        # 180 h ÷ 28 h = 6.428…: 6.43, the exact 45/7 beside it, "≈" in the
        # steps; awarded by nearu's rule, to the nearest 0.5.
        j = self.json('credits', '--home', 'nearu', 'hostu:cs105', '--json')
        self.assertEqual(j['home_credits_exact'], 6.43)
        self.assertEqual(j['home_credits_fraction'], '45/7')
        self.assertEqual(j['home_credits_awarded'], 6.5)
        self.assertEqual(j['rounding'], 'nearest')
        self.assertEqual(j['credit_step'], 0.5)
        self.assertIn('Home credits: 180 h ÷ 28 h ≈ 6.43', j['steps'])
        self.assertIn('Awarded: 6.5 home credits (rounded to the nearest multiple of 0.5, halves up)', j['steps'])
        out = self.ok('credits', '--home', 'nearu', 'hostu:cs105').stdout
        self.assertIn('Credits at Nearest University: ≈ 6.43 (exactly 45/7), 6.5 awarded', out)

    def test_rounding_down_default(self):
        # homeu gives no rounding: down, and the JSON says so.
        j = self.json('credits', '--home', 'homeu', 'hostu:cs105', '--json')
        self.assertEqual(j['home_credits_exact'], 5.4)
        self.assertEqual(j['home_credits_fraction'], '27/5')
        self.assertEqual(j['home_credits_awarded'], 5)
        self.assertEqual(j['rounding'], 'down')
        self.assertIn('Awarded: 5 home credits (rounded down to a multiple of 0.5)', j['steps'])

    def test_errors(self):
        self.fails(1, 'credits', '--home', 'homeu', 'hostu:nope', contains='hostu:nope')
        self.fails(1, 'credits', '--home', 'nowhere', 'hostu:cs101', contains='nowhere')
        self.fails(2, 'credits', 'hostu:cs101', contains='--home')
        self.fails(2, 'credits', '--home', 'homeu')
        self.fails(2, 'credits', '--home', 'homeu', 'hostu:cs101', 'hostu:cs102')
        self.fails(2, 'credits', '--home', 'homeu', '--bogus', 'hostu:cs101')

    def test_help(self):
        out = self.ok('credits', '--help', db=False).stdout
        self.assertIn('--home', out)
        self.assertIn('Exit status', out)


class GradeConvert(CliTestCase):
    def convert(self, *args):
        return ['grade', 'convert', '--from', 'hostu', '--to', 'homeu', '--field', '0613'] + list(args)

    def test_mark(self):
        j = self.json(*self.convert('--json', '84.5'))
        self.assertEqual(j['grade'], '84.5')
        self.assertEqual(j['host_grade'], '良好')
        self.assertEqual(j['suggested'], 'B')
        self.assertEqual(j['rule'], 'midpoint')
        self.assertFalse(j['approximate'])
        self.assertEqual(j['host_interval'], [10, 40])
        self.assertEqual([(c['grade'], c['share_exact']) for c in j['candidates']], [('B', '5/6'), ('C', '1/6')])
        self.assertAlmostEqual(sum(c['share'] for c in j['candidates']), 1.0, places=12)
        self.assertEqual(j['host_table']['university'], 'hostu')
        self.assertEqual(j['host_table']['isced'], '0613')
        self.assertEqual(j['home_table']['university'], 'homeu')
        self.assertEqual(j['home_table']['total'], 100)
        self.assertEqual(j['warnings'], [])

    def test_rules(self):
        # 良好 [10, 40] against A [0, 10], B [10, 35], C [35, 65]: best B, worst C
        for rule, grade in (('midpoint', 'B'), ('largest-overlap', 'B'), ('best', 'B'), ('worst', 'C')):
            j = self.json(*self.convert('--json', '--rule', rule, '良好'))
            self.assertEqual(j['suggested'], grade, rule)
            self.assertEqual(j['rule'], rule)

    def test_field_prefix(self):
        # 0612 uses the "06" tables: 良好 [20, 50], midpoint 35 in B [20, 40] of the quintiles
        j = self.json('grade', 'convert', '--from', 'hostu', '--to', 'homeu', '--field', '0612', '--json', '良好')
        self.assertEqual(j['suggested'], 'B')
        self.assertEqual(j['host_table']['isced'], '06')
        self.assertEqual([c['share_exact'] for c in j['candidates']], ['2/3', '1/3'])

    def test_several(self):
        j = self.json(*self.convert('--json', '95', '良好', '及格'))['conversions']
        self.assertEqual([c['suggested'] for c in j], ['A', 'B', 'D'])

    def test_several_with_failing(self):
        r = self.fails(1, *self.convert('--json', '95', '55'), contains='failing')
        j = json.loads(r.stdout)['conversions']
        self.assertEqual(j[0]['suggested'], 'A')
        self.assertTrue(j[1]['failing'])

    def test_text(self):
        out = self.ok(*self.convert('84.5')).stdout
        self.assertIn('84.5 (良好) → B', out)
        self.assertIn('candidates: B 83.3 % (5/6), C 16.7 % (1/6)', out)

    def test_approximate(self):
        j = self.json('grade', 'convert', '--from', 'hostu', '--to', 'plainu', '--field', '0613', '--json', '85')
        self.assertTrue(j['approximate'])
        self.assertEqual(j['suggested'], '良')
        self.assertIn('Plain University has no grading table for field 0613', j['reason'])
        self.assertIsNone(j['home_table'])
        # no master tables anywhere
        j = self.json(*self.convert('--cycle', 'master', '--json', '85'))
        self.assertTrue(j['approximate'])
        out = self.ok(*self.convert('--cycle', 'master', '85')).stdout
        self.assertIn('approximate', out)

    def test_course(self):
        # me201 (field 0715, no tables) is graded on the five-level scale: 良好 is
        # the 2nd of 4 passing grades, 37.5 % from the top → 85 on plainu's 60–100 → 良
        j = self.json('grade', 'convert', '--course', 'hostu:me201', '--to', 'plainu', '--json', '良好')
        self.assertTrue(j['approximate'])
        self.assertEqual(j['host_scale'], 'five')
        self.assertEqual(j['suggested'], '良')
        self.assertEqual(j['host_interval'], [37.5, 37.5])
        self.assertIn('4 passing grades, by rank', j['reason'])
        # cs101 has tables: the same as --from hostu --field 0613
        j = self.json('grade', 'convert', '--course', 'hostu:cs101', '--to', 'homeu', '--json', '84.5')
        self.assertEqual(j['suggested'], 'B')
        self.assertEqual(j['host_table']['isced'], '0613')
        # a mark on a scale without bands is not a grade of it
        self.fails(1, 'grade', 'convert', '--course', 'hostu:me201', '--to', 'plainu', '85',
                   contains='not a grade of the grading scale Five-level scale')
        self.fails(1, 'grade', 'convert', '--course', 'hostu:nope', '--to', 'plainu', '85', contains='hostu:nope')
        self.fails(2, 'grade', 'convert', '--course', 'hostu:me201', '85', contains='--to')
        self.fails(2, 'grade', 'convert', '--course', 'hostu:me201', '--to', 'plainu', '--field', '0715', '85',
                   contains='--course')

    def test_errors(self):
        self.fails(1, *self.convert('55'), contains='failing grade')
        self.fails(1, *self.convert('不及格'), contains='failing grade')
        self.fails(1, *self.convert('Excellent'), contains='“Excellent” is not a grade')
        self.fails(1, *self.convert('101'), contains='outside every band')
        self.fails(1, 'grade', 'convert', '--from', 'nowhere', '--to', 'homeu', '--field', '0613', '85',
                   contains='nowhere')
        self.fails(1, 'grade', 'convert', '--from', 'hostu', '--to', 'nowhere', '--field', '0613', '85',
                   contains='nowhere')
        self.fails(1, 'grade', 'convert', '--from', 'hostu', '--to', 'homeu', '--field', '12', '85',
                   contains='ISCED')
        self.fails(1, 'grade', 'convert', '--from', 'hostu', '--to', 'homeu', '--field', 'maths', '85',
                   contains='ISCED')

    def test_usage(self):
        self.fails(2, 'grade', 'convert', '--from', 'hostu', '--to', 'homeu', '85', contains='--field')
        self.fails(2, *self.convert('--rule', 'median', '85'), contains='median')
        self.fails(2, *self.convert('--cycle', 'phd', '85'), contains='phd')
        self.fails(2, *self.convert(), contains='GRADE')
        self.fails(2, *self.convert('--from-table', data('slu-opava.csv'), '85'), contains='not both')
        self.fails(2, 'grade', 'convert', '--from-table', data('slu-opava.csv'), 'A', contains='--to-table')
        self.fails(2, 'grade', 'frobnicate')
        self.fails(2, 'grade')

    def test_help(self):
        out = self.ok('grade', 'convert', '--help', db=False).stdout
        for word in ('--from-table', 'largest-overlap', 'grade,count', 'Exit status'):
            self.assertIn(word, out)
        self.assertIn('convert', self.ok('grade', '--help', db=False).stdout)


class GradeConvertTables(CliTestCase):
    # slu-opava.csv (A 22, B 18, C 23, D 17, E 20) against the ECTS scale
    # (A 10, B 25, C 30, D 25, E 10): see test-grading.c for the arithmetic.
    def tables(self, *args):
        return ['grade', 'convert', '--from-table', data('slu-opava.csv'),
                '--to-table', data('ects-scale.csv')] + list(args)

    def test_published(self):
        j = self.json(*self.tables('--json', 'A', 'B', 'C', 'D', 'E'))['conversions']
        self.assertEqual([c['suggested'] for c in j], ['B', 'B', 'C', 'D', 'D'])
        self.assertEqual([k['share_exact'] for k in j[0]['candidates']], ['5/11', '6/11'])
        self.assertEqual(j[4]['host_interval'], [80, 100])
        self.assertIn('exactly on a boundary', j[4]['reason'])
        self.assertEqual(j[0]['host_table']['form'], 'percent')
        self.assertTrue(j[0]['host_table']['source'].endswith('slu-opava.csv'))
        self.assertEqual(j[0]['warnings'], [])     # percentages: no count to judge

    def test_worst(self):
        j = self.json(*self.tables('--json', '--rule', 'worst', 'E'))
        self.assertEqual(j['suggested'], 'E')

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        with open(path, 'w', encoding='utf-8', newline='') as f:
            f.write(text)
        return path

    def test_bad_tables(self):
        cases = {
            'empty.csv': ('', 'empty'),
            'header.csv': ('grade,count\n', 'lists no grades'),
            'zero.csv': ('grade,count\nA,0\nB,0\n', 'all counts are 0'),
            'negative.csv': ('grade,count\nA,5\nB,-2\n', 'negative'),
            'fraction.csv': ('grade,count\nA,5\nB,2.5\n', 'not a whole number'),
            'repeat.csv': ('grade,count\nA,5\nB,3\nA,1\n', 'listed twice'),
            'worst-first.csv': ('grade,count\n18,5\n24,3\n30,1\n', 'worst first'),
            'decimals.csv': ('grade,percent\nA,50.125\nB,49.875\n', 'more than two decimals'),
        }
        for name, (text, message) in cases.items():
            path = self.write(name, text)
            self.fails(1, 'grade', 'convert', '--from-table', path, '--to-table', data('ects-scale.csv'), 'A',
                       contains=message)

    def test_unknown_grade(self):
        self.fails(1, *self.tables('F'), contains='“F” is not a passing grade')
        self.fails(1, 'grade', 'convert', '--from-table', os.path.join(self.tmp, 'missing.csv'),
                   '--to-table', data('ects-scale.csv'), 'A')

    def test_lower_is_better(self):
        host = self.write('german.csv', 'grade,count\n1.0,5\n2.0,15\n3.0,20\n4.0,10\n')
        self.fails(1, 'grade', 'convert', '--from-table', host, '--to-table', data('ects-scale.csv'), '2.0',
                   contains='worst first')
        # 2.0 covers [5, 20] of 50 = [10, 40] %: midpoint 25 in ECTS B
        j = self.json('grade', 'convert', '--lower-is-better', '--from-table', host,
                      '--to-table', data('ects-scale.csv'), '--json', '2.0')
        self.assertEqual(j['suggested'], 'B')
        self.assertEqual(len(j['warnings']), 1)   # 50 grades: too few to be reliable



class GradeTable(CliTestCase):
    def test_table(self):
        j = self.json('grade', 'table', '--scale', data('pct-scale.csv'), '--json',
                      stdin='95\n85\n84.5\n55\n良好\n\n')
        self.assertEqual(j['counts'], [{'grade': '优秀', 'count': 1}, {'grade': '良好', 'count': 3},
                                       {'grade': '中等', 'count': 0}, {'grade': '及格', 'count': 0}])
        self.assertEqual(j['passing'], 4)
        self.assertEqual(j['failing'], 1)
        self.assertEqual([r['percent'] for r in j['rows']], [25, 75, 0, 0])
        self.assertEqual([r['cumulative_percent'] for r in j['rows']], [25, 100, 100, 100])
        self.assertEqual(len(j['warnings']), 1)    # 4 grades are too few
        self.assertIn('too few', j['warnings'][0])
        j = self.json('grade', 'table', '--scale', data('pct-scale.csv'), '--json', '--field', '0613',
                      '--cycle', 'master', '--period', '2024/25', stdin='95\n' * 60 + '75\n' * 40)
        self.assertEqual((j['scale'], j['isced'], j['cycle'], j['period']), ('pct-scale', '0613', 'master', '2024/25'))
        self.assertEqual([c['count'] for c in j['counts']], [60, 0, 40, 0])
        self.assertEqual(j['warnings'], [])
        out = self.ok('grade', 'table', '--scale', data('pct-scale.csv'), stdin='95\n85\n').stdout
        self.assertIn('优秀', out)
        self.assertIn('50.0 %', out)

    def test_errors(self):
        self.fails(1, 'grade', 'table', '--scale', data('pct-scale.csv'), stdin='95\n101\n', contains='line 2')
        self.fails(1, 'grade', 'table', '--scale', data('pct-scale.csv'), stdin='95\nA+\n', contains='line 2')
        self.fails(1, 'grade', 'table', '--scale', data('pct-scale.csv'), stdin='', contains='No marks')
        self.fails(1, 'grade', 'table', '--scale', data('slu-opava.csv'), stdin='95\n', contains='label,min,max,passing')
        self.fails(2, 'grade', 'table', stdin='95\n', contains='--scale')
        self.fails(2, 'grade', 'table', '--scale', data('pct-scale.csv'), '--cycle', 'phd', stdin='95\n', contains='phd')
        self.fails(1, 'grade', 'table', '--scale', data('pct-scale.csv'), '--field', '12', stdin='95\n', contains='ISCED')
        self.fails(2, 'grade', 'table', '--scale', data('pct-scale.csv'), '95', stdin='')

    def test_help(self):
        out = self.ok('grade', 'table', '--help', db=False).stdout
        self.assertIn('label,min,max,passing', out)


if __name__ == '__main__':
    CLI = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
