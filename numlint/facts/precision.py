"""How precisely a figure was written, and the interval of values it stands for.

"1.3 million" stands for 1.25-1.35 million, "about 10,000" for roughly 9,000-11,000, "more than 100" for
anything above 100, a range for everything between its bounds."""

from __future__ import annotations

import math
import re

from numlint.lang.numbers import SCALE_WORDS
from numlint.model import Quantity

# the one scale table, by lower-case word ("M" and "m" are one scale word here)
_SCALES = {word.lower(): value for word, value in SCALE_WORDS.items()}
_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_WORD = re.compile(r"[A-Za-z]+")


def written_scale(q: Quantity) -> tuple[float, int]:
    """(multiplier, decimals) as written: from extraction when given, else read from the mention."""
    if q.multiplier != 1.0 or q.decimals:
        return q.multiplier, q.decimals
    m = _NUMBER.search(q.text)
    decimals = len(m.group(1)) if m and m.group(1) else 0
    multiplier = 1.0
    for word in _WORD.findall(q.text[m.end():] if m else q.text):
        if word.lower() in _SCALES:
            multiplier = _SCALES[word.lower()]
            break
    return multiplier, decimals


def half_step(q: Quantity, number: float | None = None) -> float:
    """Half the last digit the writer gave: 1.3 million -> 50,000; 10,000 -> 500 (a round number)."""
    multiplier, decimals = written_scale(q)
    h = 0.5 * multiplier * 10.0 ** (-decimals)
    if number is not None and decimals == 0 and multiplier == 1.0 and number and number == int(number):
        digits = str(int(abs(number)))
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros >= 2:
            h = max(h, 0.5 * 10.0 ** (zeros - 1))
    return h


def interval(q: Quantity, approx_tolerance: float = 0.1) -> tuple[float, float]:
    """The values a mention stands for, given how it was written (see module docstring)."""
    if q.value is None:
        lo, hi = q.bounds
        h = half_step(q, lo)
        return (min(lo, hi) - h, max(lo, hi) + h)
    v = q.value
    h = half_step(q, v)
    if q.approx == "~":
        h = max(h, approx_tolerance * abs(v))
    if q.approx in (">", ">="):
        return (v - h, math.inf)
    if q.approx in ("<", "<="):
        return (-math.inf if v < 0 else 0.0, v + h)
    return (v - h, v + h)


# ---------------------------------------------------------------------------------------------
# Facts



def _digits(text: str) -> float | None:
    m = _NUMBER.search(text)
    if not m:
        return None
    try:
        value = float(m.group().replace(",", ""))
    except ValueError:
        return None
    for word in _WORD.findall(text[m.end():])[:1]:
        value *= _SCALES.get(word.lower(), 1.0)
    return value

