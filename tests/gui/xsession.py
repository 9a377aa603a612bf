# xsession.py: the real application in an X server of its own, driven with
# real key events (issue 14, item 2).
#
# GTK 4 has no public way to synthesize key events, and the widgets' own
# setters skip what a person's keys go through (focus moves, key bindings,
# focus-out handlers). A Session starts Xvfb, imports the bundled catalog
# into a temporary cache with credit-bridge-cli, gives the application
# temporary XDG directories and settings (a GSettings keyfile), starts the
# real binary with G_DEBUG=fatal-criticals, and types into it with xdotool
# (XTEST: the events come through the X server like a keyboard's). What it
# checks is what a person would: the window stays up, nothing is printed
# as a warning or a critical, the saved plan holds what was typed
# (credit-bridge-cli plan show --json), and the screenshots it writes into
# the build directory look right.
#
# The X server is always a new one (Xvfb -displayfd), never $DISPLAY: the
# keys must not go to the desktop of whoever runs the tests.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# A GLib message of level warning or critical (or error), from any domain.
BAD_LINE = re.compile(r'(?:-|\b)(?:WARNING|CRITICAL|ERROR) \*\*|GLib-GIO-WARNING|Gtk-WARNING')

# Every wait is bounded; this bounds a whole scenario.
SCENARIO_TIMEOUT = 240


class Failure(Exception):
    pass


def _roots():
    build = os.environ.get('CREDIT_BRIDGE_BUILD_ROOT')
    source = os.environ.get('CREDIT_BRIDGE_SOURCE_ROOT')
    here = os.path.dirname(os.path.abspath(__file__))
    if source is None:
        source = os.path.normpath(os.path.join(here, '..', '..'))
    if build is None:
        build = os.path.join(source, '_build')
    return build, source


def _need(program):
    path = shutil.which(program)
    if path is None:
        raise Failure('%s is not installed: build-aux/install-deps.sh installs it' % program)
    return path


class Session:
    """One run of the application: Xvfb, the app, temporary directories."""

    def __init__(self, name, lang='en', width=1100, height=720,
                 screen=(1600, 1200), first_run_done=True, home='cqu',
                 settings=None):
        self.name = name
        self.build, self.source = _roots()
        self.lang = lang
        self.width = width
        self.height = height
        self.screen = screen
        self.step = 0
        self.app = None
        self.xvfb = None
        self.window = None
        self.shots = os.path.join(self.build, 'tests', 'gui', 'shots', name)
        shutil.rmtree(self.shots, ignore_errors=True)
        os.makedirs(self.shots)
        self.tmp = tempfile.mkdtemp(prefix='credit-bridge-%s-' % name)
        self.cli = os.path.join(self.build, 'src', 'cli', 'credit-bridge-cli')
        self.binary = os.path.join(self.build, 'src', 'gui', 'credit-bridge')
        for path in (self.cli, self.binary):
            if not os.access(path, os.X_OK):
                raise Failure('%s is missing: build first (ninja -C %s)' % (path, self.build))
        for program in ('Xvfb', 'xdotool', 'import', 'gsettings', 'dbus-run-session'):
            _need(program)
        self.env = self._environment(lang)
        self._import_catalog()
        values = {
            'first-run-done': 'true' if first_run_done else 'false',
            'window-width': str(width),
            'window-height': str(height),
            'window-maximized': 'false',
            # no request to a catalog's server unless a scenario asks
            'check-updates': 'false',
        }
        if home is not None:
            values['home-university'] = "'%s'" % home
        values.update(settings or {})
        self.set_settings(values)
        self.deadline = time.monotonic() + SCENARIO_TIMEOUT

    # -- setting up ---------------------------------------------------------

    def _environment(self, lang):
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(('DBUS_', 'XDG_', 'GTK_', 'GDK_', 'WAYLAND', 'LC_', 'LANG'))}
        for d in ('home', 'data', 'config', 'cache', 'runtime'):
            os.makedirs(os.path.join(self.tmp, d), mode=0o700)
        env.update({
            'HOME': os.path.join(self.tmp, 'home'),
            'XDG_DATA_HOME': os.path.join(self.tmp, 'data'),
            'XDG_CONFIG_HOME': os.path.join(self.tmp, 'config'),
            'XDG_CACHE_HOME': os.path.join(self.tmp, 'cache'),
            'XDG_RUNTIME_DIR': os.path.join(self.tmp, 'runtime'),
            'GSETTINGS_BACKEND': 'keyfile',
            'GSETTINGS_SCHEMA_DIR': os.path.join(self.build, 'data'),
            'CREDIT_BRIDGE_DB': os.path.join(self.tmp, 'cache', 'catalog.db'),
            'CREDIT_BRIDGE_LOCALEDIR': os.path.join(self.build, 'po'),
            # what `meson devenv` gives a program run from the build folder
            'CREDIT_BRIDGE_DEMO_CATALOG': os.path.join(self.source, 'data', 'catalog', 'feed.json'),
            'CREDIT_BRIDGE_HELP_HTML_DIR': os.path.join(self.build, 'help', 'html'),
            'G_DEBUG': 'fatal-criticals',
            'GDK_BACKEND': 'x11',
            'NO_AT_BRIDGE': '1',
            'GTK_A11Y': 'none',
        })
        if lang == 'zh_CN':
            env.update({'LANG': 'zh_CN.UTF-8', 'LC_ALL': 'zh_CN.UTF-8', 'LANGUAGE': 'zh_CN'})
        else:
            env.update({'LANG': 'C.UTF-8', 'LC_ALL': 'C.UTF-8', 'LANGUAGE': ''})
        env.pop('DISPLAY', None)
        # No animations, no blinking cursor: each picture shows where a
        # transition ends, and a still window is still.
        gtk = os.path.join(self.tmp, 'config', 'gtk-4.0')
        os.makedirs(gtk)
        with open(os.path.join(gtk, 'settings.ini'), 'w') as f:
            f.write('[Settings]\ngtk-enable-animations=false\ngtk-cursor-blink=false\n')
        return env

    def run(self, *args, check=True, timeout=60):
        """Runs a command in the session's environment (not under X)."""
        p = subprocess.run(args, env=self.env, capture_output=True, text=True, timeout=timeout)
        if check and p.returncode != 0:
            raise Failure('%s failed (%d):\n%s%s' % (' '.join(args), p.returncode, p.stdout, p.stderr))
        return p

    def _import_catalog(self):
        feed = os.path.join(self.source, 'data', 'catalog', 'feed.json')
        self.run(self.cli, 'catalog', 'import', feed, timeout=120)

    def schema(self):
        out = self.run('gsettings', 'list-schemas').stdout.split()
        ids = [s for s in out if s.startswith('io.github.creditbridge.CreditBridge')]
        if len(ids) != 1:
            raise Failure('cannot tell the application\'s settings schema among %s' % ids)
        return ids[0]

    def set_settings(self, values):
        schema = self.schema()
        for key, value in values.items():
            self.run('gsettings', 'set', schema, key, value)

    def get_setting(self, key):
        return self.run('gsettings', 'get', self.schema(), key).stdout.strip()

    def cli_run(self, *args, check=True):
        return self.run(self.cli, *args, check=check)

    def new_plan(self, file_name, *args, groups=()):
        """Makes a plan file with the CLI: `plan new FILE ARGS`, then one
        `plan add` per group (a list of arguments)."""
        path = os.path.join(self.tmp, 'home', file_name)
        self.cli_run('plan', 'new', path, *args)
        for group in groups:
            self.cli_run('plan', 'add', path, *group)
        return path

    def plan_json(self, path):
        return json.loads(self.cli_run('plan', 'show', '--json', path).stdout)

    # -- the X server and the application ----------------------------------

    def start(self, *files):
        """Starts the application (again, after quit ()), opening @files."""
        if self.xvfb is None:
            self._start_xvfb()
        self.runs = getattr(self, 'runs', 0) + 1
        self.stderr_path = os.path.join(self.tmp, 'stderr-%d.txt' % self.runs)
        self.stderr = open(self.stderr_path, 'w+')
        command = [self.binary]
        if os.environ.get('XSESSION_GDB'):
            # For a backtrace of the first critical: XSESSION_GDB=1 test-keys.py …
            command = ['gdb', '-batch', '-return-child-result', '-ex', 'run', '-ex', 'bt',
                       '--args'] + command
        self.app = subprocess.Popen(['dbus-run-session', '--'] + command + list(files),
                                    env=self.env, stdout=self.stderr, stderr=self.stderr,
                                    cwd=self.env['HOME'], start_new_session=True)
        self.window = self.wait_window(cls='credit-bridge')
        self.focus(self.window)
        self.settle(0.5)
        return self.window

    def _start_xvfb(self):
        r, w = os.pipe()
        self.xvfb = subprocess.Popen(
            ['Xvfb', '-displayfd', str(w), '-screen', '0', '%dx%dx24' % self.screen,
             '-nolisten', 'tcp', '-noreset'],
            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        os.close(w)
        number = b''
        with os.fdopen(r, 'rb') as f:
            while not number.endswith(b'\n'):
                chunk = f.read(1)
                if not chunk:
                    raise Failure('Xvfb did not start')
                number += chunk
        self.env['DISPLAY'] = ':' + number.decode().strip()

    def xdo(self, *args, timeout=30):
        self.check_time()
        try:
            p = subprocess.run(['xdotool'] + list(args), env=self.env, capture_output=True,
                               text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise Failure('xdotool %s did not return within %d s' % (' '.join(args), timeout))
        return p

    def windows(self, name=None, cls=None):
        args = ['search', '--onlyvisible']
        args += ['--class', cls] if cls is not None else ['--name', name]
        return [int(w) for w in self.xdo(*args).stdout.split()]

    def wait_window(self, name=None, cls=None, timeout=30, gone=False):
        """Waits for a visible window whose title matches @name (a regex),
        or of class @cls; with @gone, for none to be left."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.check_alive()
            found = self.windows(name, cls)
            if gone and not found:
                return None
            if not gone and found:
                self.settle(0.3)
                return found[0]
            time.sleep(0.1)
        what = name if name is not None else 'of class ' + cls
        self.shot('timeout')
        raise Failure('no window %s %s after %d s' % (what, 'went away' if gone else 'came', timeout))

    def title(self, window=None):
        return self.xdo('getwindowname', str(window or self.window)).stdout.strip()

    def focus(self, window):
        self.xdo('windowfocus', '--sync', str(window))

    def resize(self, width, height, window=None):
        self.xdo('windowsize', '--sync', str(window or self.window), str(width), str(height))
        self.settle(0.5)

    def settle(self, seconds=0.25):
        time.sleep(seconds)
        self.check_alive()

    def _pixels(self):
        p = subprocess.run(['import', '-window', 'root', '-depth', '8', 'rgb:-'], env=self.env,
                           capture_output=True, timeout=30)
        return hashlib.sha1(p.stdout).digest()

    def wait_still(self, timeout=10):
        """Waits until the screen stops changing (two same pictures 0.2 s apart):
        a page built on first view, a search in a worker, a list that fills."""
        end = time.monotonic() + timeout
        last = self._pixels()
        while time.monotonic() < end:
            time.sleep(0.2)
            self.check_alive()
            now = self._pixels()
            if now == last:
                return
            last = now
        raise Failure('the window kept changing for %d s' % timeout)

    def key(self, *keys, pause=0.25):
        """Presses each key (xdotool names: Tab, shift+Tab, Return, Down, ctrl+s…)."""
        for k in keys:
            self.xdo('key', '--clearmodifiers', k)
            time.sleep(0.06)
        self.settle(pause)

    def tab(self, n=1, pause=0.25):
        self.key(*(['Tab'] * n), pause=pause)

    def type(self, text, pause=0.3):
        self.xdo('type', '--delay', '40', text)
        self.settle(pause)

    def click(self, x, y, window=None, button=1):
        """Clicks at (@x, @y) inside @window (the main window by default)."""
        self.xdo('mousemove', '--window', str(window or self.window), str(x), str(y))
        self.xdo('click', str(button))
        self.settle()

    def shot(self, label, window=None):
        """Saves the window (default: the whole screen) as BUILD/tests/gui/shots/NAME/NNN-label.png."""
        self.step += 1
        path = os.path.join(self.shots, '%03d-%s.png' % (self.step, label))
        target = str(window) if window is not None else 'root'
        if self.xvfb is not None and 'DISPLAY' in self.env:
            subprocess.run(['import', '-window', target, path], env=self.env,
                           capture_output=True, timeout=30)
        return path

    # -- checks -------------------------------------------------------------

    def check_time(self):
        if time.monotonic() > self.deadline:
            raise Failure('the scenario took longer than %d s' % SCENARIO_TIMEOUT)

    def stderr_text(self):
        if getattr(self, 'runs', 0) == 0:
            return ''
        self.stderr.flush()
        with open(self.stderr_path, errors='replace') as f:
            return f.read()

    def bad_lines(self):
        return [line for line in self.stderr_text().splitlines() if BAD_LINE.search(line)]

    def check_alive(self):
        if self.app is not None and self.app.poll() is not None:
            raise Failure('the application ended (status %d); it printed:\n%s'
                          % (self.app.returncode, self.stderr_text()[-4000:]))
        self.check_clean()

    def check_clean(self):
        bad = self.bad_lines()
        if bad:
            raise Failure('the application printed warnings or criticals:\n' + '\n'.join(bad[:20]))

    def expect(self, condition, message):
        if not condition:
            self.shot('failed')
            raise Failure(message)

    def wait_for(self, predicate, message, timeout=10):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.check_alive()
            if predicate():
                return
            time.sleep(0.1)
        self.shot('failed')
        raise Failure(message)

    def quit(self, timeout=15):
        """Quits with Ctrl+Q: the application must end by itself, cleanly."""
        self.xdo('key', '--clearmodifiers', 'ctrl+q')
        self.wait_exit(timeout, 'Ctrl+Q')

    def wait_exit(self, timeout=15, what='the last key'):
        """Waits for the application to end by itself, cleanly, after @what."""
        try:
            status = self.app.wait(timeout)
        except subprocess.TimeoutExpired:
            self.shot('not-quit')
            raise Failure('the application did not quit within %d s of %s' % (timeout, what))
        self.check_clean()
        # (gdb's own status is 1 when there was no stack to print)
        if status != 0 and not os.environ.get('XSESSION_GDB'):
            raise Failure('the application quit with status %d:\n%s' % (status, self.stderr_text()[-4000:]))
        self.app = None

    # -- ending -------------------------------------------------------------

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        if kind is not None and self.app is not None and self.app.poll() is None:
            self.shot('failed')
        self.close()
        return False

    def close(self):
        for p in (self.app, self.xvfb):
            if p is not None and p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                p.wait()
        for i in range(1, getattr(self, 'runs', 0) + 1):
            path = os.path.join(self.tmp, 'stderr-%d.txt' % i)
            if os.path.exists(path):
                shutil.copy(path, os.path.join(self.shots, os.path.basename(path)))
        shutil.rmtree(self.tmp, ignore_errors=True)


def main(scenarios, argv=None):
    """Runs the scenario named on the command line (all of them without one),
    each with its own Session; prints TAP."""
    argv = sys.argv[1:] if argv is None else argv
    names = argv or list(scenarios)
    unknown = [n for n in names if n not in scenarios]
    if unknown:
        print('unknown scenario: %s (known: %s)' % (', '.join(unknown), ', '.join(scenarios)),
              file=sys.stderr)
        return 2
    print('1..%d' % len(names))
    failed = 0
    for i, name in enumerate(names, 1):
        try:
            scenarios[name]()
            print('ok %d %s' % (i, name))
        except Exception as e:       # noqa: BLE001 — every failure is reported
            failed += 1
            print('not ok %d %s' % (i, name))
            for line in ('%s: %s' % (type(e).__name__, e)).splitlines():
                print('# ' + line)
        sys.stdout.flush()
    return 1 if failed else 0
