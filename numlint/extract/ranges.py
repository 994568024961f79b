"""Ranges and shared units: "20%-30%", "between 350 and 400 mln dlrs", "$10 to $15 billion", "eight or nine euros".

Year spans ("2012-13") and scores ("won 3-1") are not ranges and are skipped here.
"""

from __future__ import annotations

import re

from numlint.extract.amount import read_amount
from numlint.extract.cores import DIGIT_CORE, GROUP_SEPS, SPELLED_CORE
from numlint.extract.currency import CURRENCY_PREFIX_START_RE
from numlint.extract.modifiers import change_before
from numlint.extract.scale import SCALE_GLUED, SCALE_SPACED
from numlint.extract.source import WINDOW, Amount, Mention, Skip, Source, alt, rx
from numlint.lang.cues import SPORT_CUES
from numlint.lang.lazyre import LazyPattern
from numlint.lang.numbers import BIG_WORDS, SCALE_NAMES, SCALE_WORDS

_RANGE_SEP_RE = re.compile(r"\sup\sto\s|\s?to-|\s?-\s?to\s?|\s?(?:-|–|—|to)\s?|\s(?:to|and|through)\s")
_OR_RE = re.compile(r"\s(?:or)\s|-,?\s(?:or|and|to)\s")  # "eight or nine euros"; suspended hyphen "7- or 8-inch"
_BIG_WORD_END_RE = LazyPattern(r"(?i)(" + alt(SCALE_NAMES)[3:-1] + r")\s*$")
_BIG_WORD_RE = LazyPattern(r"(?i)(" + alt((*SCALE_NAMES, "hundred"))[3:-1] + ")")
_SPORT_CUES = LazyPattern(r"(?i)\b" + alt(SPORT_CUES) + r"\b")


def read_range(src: Source, mention: Mention, between: bool, from_range: bool) -> None:
    text = src.text
    a = mention.low
    p = a.end
    win = text[p:p + 12]
    m = _RANGE_SEP_RE.match(win)
    if not m or "\n" in m.group(0):
        return  # a range never runs onto the next line (table cells, list items)
    sep = m.group(0).strip().lower()
    if sep in ("and",) and not between:
        return
    if sep == "to" and not (between or from_range) and (a.unit or a.currency) and change_before(
            src.text[max(0, a.start - WINDOW):a.start]) and not similar_size(a, preview_value(src, p + m.end())):
        return  # "increased by $43.6 billion to $419.2 billion": a change, then the new level
        # (but "dropped by 1 to 1.5 degrees" is a range of the change)
    if sep == "through" and not between:
        return
    if sep == "up to" and not from_range:
        return  # only "from 450 sq ft up to 900 sq ft" is a range; "5% up to 2020" is not
    from_change = sep in ("to", "-to", "to-") and bool(mention.extra.get("from_change"))
    q = p + m.end()
    # the second end: a digit core or a spelled number, possibly with its own currency prefix
    cur = CURRENCY_PREFIX_START_RE.match(text, q)
    numpos = cur.end() if cur else q
    dm = DIGIT_CORE.match(text, numpos)
    typ = "d"
    if dm:
        core_end = dm.end()
    else:
        sm = SPELLED_CORE.match(text, numpos)
        if not sm or not a.spelled:
            return
        core_end = sm.end()
        typ = "w"
    if m.group(0) in (" -", " –") and numpos == q:
        return  # "Stoxx 50 -1.3%": a minus sign, not a range
    if (sep == "to" and a.integer_shape and 1000 <= a.number <= 2150
            and not a.unit and a.scale is None and not a.currency):
        # "in 2018 to 3.9 million": a year, then a new quantity
        bm = rx(r"[\d,.]+\s?(?:[a-zA-Z%$£€]|per)").match(text[numpos:numpos + 30])
        if bm and typ == "d" and not between:
            return
    try:
        b = read_amount(src, numpos, core_end, typ, in_range=True)
    except Skip:
        return
    if b is None:
        return
    if typ == "d" and cur and cur.end() and b.currency is None:
        return
    if from_change and typ == "d" and not (b.unit or b.currency or b.scale):
        _unit_of_far_end(src, b)   # "increase from 24.2 to 33-35 billion euros": 24.2 billion euros
    if a.currency and b.currency is None and b.unit == "" and sep in ("-", "–", "—", "to"):
        b.currency = a.currency
    # year ranges and scores are not quantity ranges
    if (a.integer_shape and b.integer_shape and not a.currency and not a.unit and not b.unit
            and a.scale is None and b.scale is None):
        if 1000 <= a.number <= 2150 and (
                1000 <= b.number <= 2150
                or (sep in ("-", "–", "/") and 0 <= b.number <= 99 and len(text[b.start:b.raw_end]) == 2)):
            raise Skip(b.end)
        if sep in ("-", "–", "—") and (
                b.number < a.number or _SPORT_CUES.search(text[max(0, a.start - 40):b.end + 30])):
            raise Skip(b.end)  # a score: "won 3-1", "a 9-2 lead"
    # units must agree; one side may carry it for both ("20-30%", "3,000 to 5,000 troops")
    if a.unit and b.unit and a.unit != b.unit:
        if not (a.kind == b.kind == "money" and a.unit.split(" /")[0] == b.unit.split(" /")[0]):
            return
        if "/" in b.unit and "/" not in a.unit:  # "between $62 and $68 per share"
            a.unit = b.unit
    if a.kind == "ratio" or b.kind == "ratio":
        return
    if not a.unit and b.unit:
        a.unit, a.kind, a.currency = b.unit, b.kind, b.currency
        if not a.surface_unit:
            a.surface_unit = b.surface_unit
    elif a.unit and not b.unit:
        if sep in ("to", "and") and not (between or from_range) and a.kind in ("percent", "money", "measure"):
            return  # "5% to 1,000 workers": not a range
        b.unit, b.kind, b.currency, b.surface_unit = a.unit, a.kind, a.currency, a.surface_unit
    share_scale(text, a, b, from_change)
    if sep in ("and",) and a.integer_shape and 1000 <= a.number <= 2150 and not a.unit:
        raise Skip(b.end)
    if from_change:
        return  # "rose from 13.5 to 14 mm": two values (the first took the unit and scale above)
    mention.high = b
    mention.end = b.end


_FAR_END_RE = LazyPattern(r"\s?[-–]\s?(?=\d)")


def _unit_of_far_end(src: Source, b: Amount) -> None:
    """The new level of a change written as a range ("from 24.2 to 33-35 billion euros"): the second
    end's number takes the scale, currency and unit written after the range's far end."""
    m = _FAR_END_RE.match(src.text, b.end)
    core = DIGIT_CORE.match(src.text, m.end()) if m else None
    if core is None:
        return
    try:
        c = read_amount(src, core.start(), core.end(), "d", in_range=True)
    except Skip:
        return
    if c is None or not (c.unit or c.currency or c.scale) or c.number < b.number:
        return
    share_scale(src.text, b, c)
    if not b.unit:
        b.unit, b.kind, b.currency, b.surface_unit = c.unit, c.kind, c.currency, c.surface_unit


@staticmethod
def similar_size(a: Amount, b_value: float | None) -> bool:
    """"cut profits by $3.8m to $4.9m" (a range of the cut: ends of similar size) versus
    "increased by $43.6bn to $419.2bn" (a change, then the much larger new level)."""
    return b_value is not None and a.value > 0 and b_value <= 2 * a.value


def share_scale(text: str, a: Amount, b: Amount, from_change: bool = False) -> None:
    """The scale word written after the second of two joined numbers applies to the first too: "$10
    to $15 billion", "four to five thousand" ("$800,000 to $1.3 million", "$200 to $4 million" not)."""
    if a.scale is None and b.scale is not None and abs(a.number) < 1000 and (a.number <= b.number or from_change):
        a.scale, a.multiplier = b.scale, b.multiplier
    elif a.spelled and b.spelled and b.multiplier == 1.0 and a.number < 1000:
        # a spelled number's big word is part of the number: "five thousand"
        bw = _BIG_WORD_END_RE.search(text[b.start:b.raw_end])
        if bw and not _BIG_WORD_RE.search(text[a.start:a.raw_end]):
            a.number *= BIG_WORDS[bw.group(1).lower()]


def read_or(src: Source, mention: Mention) -> None:
    """"eight or nine euros": the first number takes the unit written after the second."""
    a = mention.low
    if mention.high is not None or a.unit:
        return
    text = src.text
    m = _OR_RE.match(text, a.end)
    if not m:
        return
    q = m.end()
    cur = CURRENCY_PREFIX_START_RE.match(text, q)
    if cur:
        q = cur.end()
    dm = DIGIT_CORE.match(text, q)
    sm = None if dm else SPELLED_CORE.match(text, q)
    core = dm or sm
    if not core:
        return
    try:
        b = read_amount(src, q, core.end(), "d" if dm else "w", in_range=True)
    except Skip:
        return
    if b is None:
        return
    share_scale(text, a, b)   # "another 10 or 15 billion dlrs", "eight or nine million euros"
    if not b.unit:
        return
    if b.value and not 0.1 <= abs(a.value / b.value) <= 10:
        return  # alternatives are of one size: "in 1986 or 1.8 pct of GNP" is a year and a share
    if a.scale is not None and b.scale is None:
        return  # "4.2 mln or 19.2 pct of the workforce": a count and its share, two figures
    a.unit, a.kind, a.currency, a.surface_unit = b.unit, b.kind, b.currency, b.surface_unit
    mention.extra["metric_from"] = b.end


def preview_value(src: Source, pos: int) -> float | None:
    """The value of the amount that starts at ``pos`` (number + scale), without side effects."""
    cur = CURRENCY_PREFIX_START_RE.match(src.text, pos)
    m = DIGIT_CORE.match(src.text, cur.end() if cur else pos)
    if not m:
        return None
    try:
        v = float(m.group(0).translate(GROUP_SEPS))
    except ValueError:
        return None
    sm = SCALE_SPACED.match(src.text, m.end()) or SCALE_GLUED.match(src.text, m.end())
    if sm:
        word = sm.group(1) or sm.group(2)
        v *= SCALE_WORDS.get(word, SCALE_WORDS.get(word.lower(), 1.0))
    return v
