"""What every reader of the extractor shares: the text being read, and the shapes it reads into.

``Source`` is the text with its sentence index (built once, on first use); ``Amount`` is one end of a
mention (currency + number + scale + unit), ``Mention`` one mention (one or two amounts with their
approximator, change, metric and base); a reader raises ``Skip`` for a core that is not a quantity.
Each reader is a plain function of a ``Source`` and what it reads, so it can be tested alone.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache

from numlint.lang.lazyre import LazyPattern
from numlint.lang.sentences import SentenceIndex

WINDOW = 80  # characters of context read after a number
LEFT = 56  # characters read before it (the longest left rule, "metric of [approx] ", fits)
# NUMLINT_DEBUG=1 re-raises what the never-raise guards would swallow (for development and tests).
DEBUG = bool(os.environ.get("NUMLINT_DEBUG"))


@cache
def rx(pattern: str):
    """A compiled regex, cached (cheaper per call than re.match(pattern, ...) on the hot path)."""
    return re.compile(pattern)


def alt(words, flags: str = "") -> str:
    """A regex alternation of literal words, longest first (so "per cent points" beats "per cent")."""
    body = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


_TOKEN_RE = LazyPattern(r"[\w\-.]{0,40}")
_OPENING_RE = LazyPattern(r"[\s\"“‘'(]*")


class Source:
    """The prose being read: its text, its length and where its sentences start."""

    __slots__ = ("text", "n", "sentence_bounds")

    def __init__(self, text: str):
        self.text = text
        self.n = len(text)
        # (start, end) of the sentence holding an offset: the one splitter's index, built on first use
        self.sentence_bounds = SentenceIndex(text).bounds

    def sentence_initial(self, pos: int) -> bool:
        """Whether only spaces/quotes/brackets stand between the sentence start and ``pos``."""
        if pos < 0 or self.text[pos] == "\n":
            return True
        s, _ = self.sentence_bounds(max(pos, 0))
        if pos + 1 - s > 12:  # bounded: a long prefix cannot be all quotes and spaces
            return False
        return _OPENING_RE.fullmatch(self.text[s:pos + 1]) is not None

    def token_end(self, pos: int) -> int:
        """End of the alphanumeric token that continues at ``pos`` (for skipping identifiers)."""
        m = _TOKEN_RE.match(self.text, pos)
        return m.end() if m else pos


@dataclass
class Amount:
    """One end of a mention: currency + number + scale + unit, as read from the text."""

    start: int
    end: int
    number: float
    decimals: int = 0
    spelled: bool = False
    currency: str | None = None  # ISO code from a prefix or word
    scale: str | None = None
    multiplier: float = 1.0
    unit: str = ""
    surface_unit: str = ""
    kind: str = "count"
    raw_end: int = 0  # end of the number itself (before scale/unit)
    num_start: int = 0  # start of the digits (after a currency prefix)
    integer_shape: bool = False  # plain digits, no comma, no decimals (candidate year)
    vague_high: float | None = None  # for "tens of thousands": the high end
    fraction: bool = False  # written "1/2", "1\u204432"
    in_every: bool = False  # a share written as "one in three", "9 out of 10"

    @property
    def value(self) -> float:
        return self.number * self.multiplier


@dataclass
class Mention:
    start: int
    end: int
    low: Amount
    high: Amount | None = None
    approx: str = "="
    change: str | None = None
    metric: str | None = None
    base: str | None = None
    extra: dict = field(default_factory=dict)


class Skip(Exception):
    """A core that is not a quantity; ``end`` says how far the scanner may skip."""

    def __init__(self, end: int):
        super().__init__(end)
        self.end = end
