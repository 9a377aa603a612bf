#!/usr/bin/env python3
# run-on-terminal.py: runs a command with its stdout, its stderr or both on
# a pseudo-terminal, as a person at a terminal runs it, and copies what the
# terminal got to this script's own stdout or stderr (newlines as "\n"; a
# bare "\r", as a progress line writes, is kept). The other stream stays a
# pipe. Exits with the command's status.
#
#   run-on-terminal.py --stdout|--stderr|--both COMMAND [ARG…]
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import pty
import subprocess
import sys

if len(sys.argv) < 3 or sys.argv[1] not in ('--stdout', '--stderr', '--both'):
    sys.exit('usage: run-on-terminal.py --stdout|--stderr|--both COMMAND [ARG…]')
mode, command = sys.argv[1], sys.argv[2:]

master, slave = pty.openpty()
child = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                         stdout=slave if mode in ('--stdout', '--both') else None,
                         stderr=slave if mode in ('--stderr', '--both') else None)
os.close(slave)
data = b''
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:                       # EIO: the command closed the terminal
        break
    if not chunk:
        break
    data += chunk
os.close(master)
status = child.wait()
out = sys.stderr if mode == '--stderr' else sys.stdout
out.flush()
out.buffer.write(data.replace(b'\r\n', b'\n'))
out.flush()
sys.exit(status if status >= 0 else 128 - status)
