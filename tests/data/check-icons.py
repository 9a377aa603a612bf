#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the application icons beyond well-formedness.

Usage: check-icons.py SCALABLE_SVG SYMBOLIC_SVG

The full-colour icon must be a 128×128 SVG; the symbolic one a 16×16 SVG
in a single colour without gradients, images or text, so that GTK can
recolour it for the theme.
"""

import re
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
COLOUR = re.compile(r'#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)')


def size(root):
    return root.get('width'), root.get('height'), root.get('viewBox')


def main():
    scalable, symbolic = sys.argv[1], sys.argv[2]
    problems = []

    root = ET.parse(scalable).getroot()
    if root.tag != SVG + 'svg':
        problems.append(f'{scalable}: the root is not <svg>')
    if size(root) != ('128', '128', '0 0 128 128'):
        problems.append(f'{scalable}: size {size(root)}, expected 128×128 with viewBox "0 0 128 128"')

    root = ET.parse(symbolic).getroot()
    if root.tag != SVG + 'svg':
        problems.append(f'{symbolic}: the root is not <svg>')
    if size(root) != ('16', '16', '0 0 16 16'):
        problems.append(f'{symbolic}: size {size(root)}, expected 16×16 with viewBox "0 0 16 16"')
    colours = set()
    for element in root.iter():
        tag = element.tag.replace(SVG, '')
        if tag in ('linearGradient', 'radialGradient', 'image', 'text', 'pattern'):
            problems.append(f'{symbolic}: <{tag}> cannot be recoloured')
        for attr in ('fill', 'stroke', 'style', 'stop-color'):
            value = element.get(attr)
            if value:
                colours.update(c.lower() for c in COLOUR.findall(value))
    if len(colours) > 1:
        problems.append(f'{symbolic}: {len(colours)} colours ({", ".join(sorted(colours))}), expected one')

    for p in problems:
        print(p)
    if not problems:
        print('icons: 128×128 full colour, 16×16 monochrome symbolic')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
