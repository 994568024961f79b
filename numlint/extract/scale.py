"""Scale words after a number: "1.3 mln", "£5m", "$1.2bn", "10k", "three hundred thousand".

The one scale table is ``numlint.lang.numbers.SCALE_WORDS``; this reader decides, from the context,
whether a glued "m" is a million ("2m barrels") or a metre ("the 100m final").
"""

from __future__ import annotations

import re

from numlint.extract.currency import CURRENCY_WORD_RE
from numlint.extract.source import Amount, Skip, Source, alt
from numlint.lang.cues import ATHLETICS_WORDS, RACE_WORDS
from numlint.lang.inflection import looks_plural
from numlint.lang.lazyre import LazyPattern
from numlint.lang.numbers import SCALE_ABBREVIATIONS, SCALE_LETTERS, SCALE_NAMES, SCALE_WORDS
from numlint.lang.stopwords import STOP_WORDS

_HUNDRED = r"hundred(?:\s" + alt(SCALE_NAMES) + ")?"
# A spaced scale word, or a scale name joined by a hyphen ("$10.1-billion", "a 12-billion euro deal");
# an abbreviation after a hyphen is a unit ("a 100-m race"), so only the names take one.
SCALE_SPACED = re.compile(r"(?:\s?(" + alt((*SCALE_NAMES, *SCALE_ABBREVIATIONS))[3:-1] + "|" + _HUNDRED
                          + r")|-(" + alt(SCALE_NAMES)[3:-1] + r"))(?![A-Za-z])", re.I)
SCALE_GLUED = re.compile("(" + alt(SCALE_LETTERS)[3:-1] + r")(?![A-Za-z0-9])")
_SCALE_AFTER_SPELLED = LazyPattern(r"(?i)\s?(" + alt(SCALE_ABBREVIATIONS)[3:-1] + r")(?![A-Za-z])")
_RACE_AFTER = LazyPattern(r"\s" + alt(RACE_WORDS) + r"\b")
_DIMENSIONS = ("high", "long", "tall", "deep", "wide")  # "10m high": a metre
_SPACED_M = LazyPattern(r" m(?![A-Za-z0-9])")


def read_scale(src: Source, amt: Amount) -> None:
    """The scale word after the amount ("mln", "bn", a glued "m" that is a million), if any; raises
    Skip for a glued letter that makes an identifier ("5G", "2M" without money)."""
    text = src.text
    p = amt.end
    win = text[p:p + 16]
    m = SCALE_SPACED.match(win)
    if m and not amt.spelled:
        word = m.group(1) or m.group(2)
        amt.scale = word
        parts = word.lower().split()
        amt.multiplier = 100.0 * (SCALE_WORDS[parts[1]] if len(parts) > 1 else 1.0) \
            if parts[0] == "hundred" else SCALE_WORDS[parts[0]]
        amt.end = p + m.end()
        return
    if amt.spelled:
        m2 = _SCALE_AFTER_SPELLED.match(win)
        if m2:
            amt.scale = m2.group(1)
            amt.multiplier = SCALE_WORDS[m2.group(1).lower()]
            amt.end = p + m2.end()
        return
    g = SCALE_GLUED.match(win)
    if not g:
        # A spaced "m" is read as a glued one is: a million after money or before what it counts
        # ("£5 m", "5 m euros", "5 m people"), else a metre, left to units ("the 2,600 m level").
        if _SPACED_M.match(win):
            p += 1
            g = SCALE_GLUED.match(text, p, p + 16)
        if not g:
            return
    letter = g.group(1)
    rest = text[p + len(letter):p + 40]
    money_context = amt.currency is not None or CURRENCY_WORD_RE.match(rest) is not None
    if money_context:
        amt.scale = letter
        amt.multiplier = SCALE_WORDS[letter]
        amt.end = p + len(letter)
        return
    if letter in ("mil", "mn"):
        amt.scale = letter
        amt.multiplier = 1e6
        amt.end = p + len(letter)
        return
    if letter in ("m", "M"):
        # "2m barrels", "5m people", "2.7m combined sales", "35m of its devices" -> million;
        # "100m sprint", "10m high", "the 400m" -> metre (left to units). Upper-case M is never a metre.
        million = letter == "M"
        words = re.findall(r"[A-Za-z][a-z\-]*|[^\sA-Za-z]", rest[:40])
        if words and words[0] == "of":
            million = True
        if words and words[0].lower() in ATHLETICS_WORDS:
            words = []  # "400m runners", "the 100m final": a distance
        for i, w in enumerate(words[:6]):
            if w in ("and", "or"):
                continue
            if not w[0].islower() or w in STOP_WORDS or w in _DIMENSIONS:
                break  # only the lower-case words right after count ("the 100m champion Kim Collins")
            if i and w.endswith("ed") and not words[i - 1].endswith("ed"):
                break  # a verb after the noun ("the 2,600 m level returned similar values"), not a
                # modifier before it ("2.7m combined sales")
            if looks_plural(w):
                million = True
                break
        if million:
            amt.scale = letter
            amt.multiplier = 1e6
            amt.end = p + 1
            return
        if letter == "M":
            raise Skip(src.token_end(p))
        return
    if letter == "k":
        if _RACE_AFTER.match(rest):
            return  # 10k run: a distance, read as a unit below
        amt.scale = letter
        amt.multiplier = 1e3
        amt.end = p + 1
        return
    # "5B", "2M", "4K" without money: model names, paper sizes, screen resolutions
    raise Skip(src.token_end(p))
