#!/usr/bin/python3
# Makes the pages' Chinese font: a WOFF2 subset of the shipped Noto Sans CJK SC
# (resources/fonts/NotoSansSC-{Regular,Bold}.otf, 16 MB each) holding the 3 755 most common
# characters (GB 2312 level 1), the GB 2312 symbols and every character of the locale
# files — about 1.2 MB each, so the kiosk is ready in well under a second. ../fonts.css
# loads it by unicode-range and keeps the full face behind it, which the browser fetches only
# for a character the subset lacks (a rare name, a rare candidate on the pinyin keyboard).
#
# Reproducible with Debian's python3-fonttools and python3-brotli:
#   /usr/bin/python3 renderer/shared/fonts/make-subset.py
# Run again after adding Chinese text to resources/locales/*/*.json (the font coverage
# test says when).
import glob
import json
import os

from fontTools import subset

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))


def gb2312(rows):
    out = set()
    for hi in rows:
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode('gb2312'))
            except UnicodeDecodeError:
                pass
    return out


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


chars = gb2312(range(0xA1, 0xAA)) | gb2312(range(0xB0, 0xD8))  # symbols, level-1 hanzi
for path in sorted(glob.glob(os.path.join(ROOT, 'resources', 'locales', '*', '*.json'))):
    with open(path, encoding='utf-8') as f:
        for s in strings(json.load(f)):
            chars.update(s)
chars.update(chr(c) for c in range(0x20, 0x7F))
text = ''.join(sorted(chars))

for weight in ('Regular', 'Bold'):
    opts = subset.Options()
    opts.flavor = 'woff2'
    opts.layout_features = ['*']
    opts.name_IDs = ['*']
    opts.name_languages = ['*']
    opts.notdef_outline = True
    opts.hinting = False
    font = subset.load_font(os.path.join(ROOT, 'resources', 'fonts', f'NotoSansSC-{weight}.otf'), opts)
    subsetter = subset.Subsetter(opts)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = os.path.join(HERE, f'NotoSansSC-Common-{weight}.woff2')
    subset.save_font(font, out, opts)
    print(f'{out}: {len(chars)} characters, {os.path.getsize(out)} bytes')
