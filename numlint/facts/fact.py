"""One quantity mention in its sentence (``Fact``), and what can be said of a single mention."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from numlint.facts.precision import _digits, half_step, interval, written_scale
from numlint.lang.lazyre import LazyPattern
from numlint.model import Quantity


def _read_once(read):
    """A read-only property worked out on first use and kept in the fact's slot ``_<name>``."""
    name = "_" + read.__name__

    def get(self):
        # read and set in place, past the frozen dataclass's guard (a cache, never part of the
        # value): a pair reads these once per pair it is in, so a helper call and a closure per
        # read were a measurable share of the consistency rules' time
        try:
            return getattr(self, name)
        except AttributeError:
            value = read(self)
            object.__setattr__(self, name, value)
            return value

    return property(get, doc=read.__doc__)


def kept_with(f: Fact, make):
    """The record another part of the facts stage keeps with a mention (``numlint.facts.matching``
    keeps what the mention brings to a pair), made by ``make()`` on first use."""
    try:
        return f._evidence   # set in place as in ``_read_once``: read once per pair feature
    except AttributeError:
        value = make()
        object.__setattr__(f, "_evidence", value)
        return value


def _kept():
    """A slot for a reading worked out on first use: not an argument, not part of the value."""
    return field(init=False, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class Fact:
    """One quantity mention in context. ``start``/``end`` are prose offsets; ``q`` keeps the original.

    Slotted, and holding no text of its own but the sentence it shares with the other mentions of
    that sentence: ``left`` and ``right`` are cut from the prose text when asked for, not kept (a
    5 MB article has 122,500 facts, and two copies of its sentence each came to 18 MB)."""

    q: Quantity
    index: int                 # position among the document's facts (document order)
    start: int                 # prose offsets of the mention
    end: int
    sentence_index: int
    sentence: str              # the whole sentence (prose text)
    sentence_start: int        # the sentence's prose offset
    metric: str | None         # the metric phrase (from extraction, else inferred here)
    key: str | None            # the bucket: singular head noun of the metric
    modifiers: frozenset[str]  # the metric's other words ("north", "korean")
    owner: frozenset[str]      # proper names near the mention (whose it is)
    time: str | None           # "2004", "last week", "in february"
    per: str | None            # "barrel", "share", "day"
    source: str | None         # "according to X", "X said"
    in_heading: bool           # a headline or standfirst mention
    line: int
    base: str | None = None    # for a percentage: what it is a percentage of ("gdp", "state expenditure")
    words: frozenset[str] = frozenset()  # the sentence's content words (computed once per sentence)
    tabular: bool = False      # the sentence is a line of a table
    prose: str = field(default="", repr=False, compare=False)  # the document's prose text (shared)
    # Worked out on first use (the properties below and ``kept_with``): the consistency rules ask
    # about a mention once per PAIR it is in, so a mention in fifty pairs runs each regex once.
    _scale: tuple[float, int] = _kept()
    _half: float = _kept()
    _span_tolerance: float = _kept()
    _span: tuple[float, float] = _kept()
    _definite: bool = _kept()
    _subset: bool = _kept()
    _evidence: object = _kept()

    def __getstate__(self) -> list:
        # pickled without the readings (caches, worked out again on use): a slot never set has no value
        return [getattr(self, f.name) for f in fields(self) if f.init]

    def __setstate__(self, state: list) -> None:
        for f, value in zip([f for f in fields(self) if f.init], state, strict=True):
            object.__setattr__(self, f.name, value)

    @property
    def left(self) -> str:
        """The sentence before the mention."""
        return self.prose[self.sentence_start:self.start]

    @property
    def right(self) -> str:
        """The sentence after the mention."""
        return self.prose[self.end:self.sentence_start + len(self.sentence)]

    @property
    def unit(self) -> str:
        return self.q.unit or ""

    @property
    def kind(self) -> str:
        return self.q.kind

    @property
    def from_to(self) -> tuple[float, float] | None:
        """(old, new) for "from 5% to 7%" read as one range by extraction; None for anything else.

        A range after "from" with "to" between its bounds is a change, not a range: the bound written
        first is the old value (extraction gives low <= high, so the order comes from the digits).
        """
        q = self.q
        if not q.is_range or q.low is None or q.high is None or not _TO_WORD.search(q.text):
            return None
        if not _FROM_BEFORE.search(self.left[-20:]):
            return None
        first, _, second = q.text.partition(" to ")
        a, b = _digits(first), _digits(second)
        lo, hi = min(q.low, q.high), max(q.low, q.high)
        if a is None or b is None:
            return None
        return (lo, hi) if a <= b else (hi, lo)

    @_read_once
    def scale(self) -> tuple[float, int]:
        """``written_scale`` of the mention: (multiplier, decimals) as written."""
        return written_scale(self.q)

    @_read_once
    def half(self) -> float:
        """``half_step`` of the value as written (of the low bound, for a range)."""
        q = self.q
        return half_step(q, q.value if q.value is not None else q.bounds[0])

    def span(self, approx_tolerance: float) -> tuple[float, float]:
        """``interval(self.q, approx_tolerance)``, kept for the last tolerance asked (compare asks once
        per pair, and every consistency rule with the same tolerance)."""
        if getattr(self, "_span_tolerance", None) != approx_tolerance:
            object.__setattr__(self, "_span", interval(self.q, approx_tolerance))
            object.__setattr__(self, "_span_tolerance", approx_tolerance)
        return self._span

    @property
    def around(self) -> str:
        """The mention with a few characters either side, lower-cased (for word lists to match).
        Not kept: a rule asks once per mention, and the table keeps its answer."""
        start, end, s0 = self.start, self.end, self.sentence_start
        text = self.prose   # left[-8:] and right[:12], without cutting the whole of either
        return (text[max(s0, start - 8):start] + self.q.text
                + text[end:min(end + 12, s0 + len(self.sentence))]).lower()

    @_read_once
    def definite(self) -> bool:
        """"the 450 jobs", "this £5bn profit": the mention points back at one the reader has met. A
        possessive does not ("its 19,000 tonne quota"): it points at the owner its own sentence names."""
        return bool(_DEFINITE.search(self.left[-30:])) and not _RELATIVE.match(self.right)

    @_read_once
    def subset(self) -> bool:
        """"another 20 areas", "the other two houses", "the top 50": a different set from the one before."""
        return bool(_SUBSET.search(self.left[-30:]) or _SUBSET_AFTER.match(self.right))

    def note(self) -> str:
        """A short note naming the mention, for Hit.related: "10,000 troops (line 5)"."""
        what = self.q.text.strip()
        if self.metric and self.metric.split()[-1] not in what.lower():
            what = f"{what} {self.metric.split()[-1]}"
        where = "headline" if self.in_heading else f"line {self.line}"
        return f"{what} ({where})"




# Reached only by a range ("from 5% to 7%") or a count that could be a year: compiled on first use.
_TO_WORD = LazyPattern(r"\bto\b")
_FROM_BEFORE = LazyPattern(r"\bfrom\s+(?:about\s+|around\s+|some\s+)?$", re.I)
_YEAR = LazyPattern(r"(?:19|20)\d\d")
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|all|all the|all of the)"
                       r"\s+(?:[a-z\-]+\s+)?$", re.I)
# After "the" + figure, a clause or participle that says which one ("the 5.3 pct stake held by
# Carter", "the 108 mln dlrs its units plan to spend") introduces the figure rather than pointing back.
_RELATIVE = re.compile(r"^\s*(?:[a-z\-]+\s+){0,2}(?:(?:where|which|that|who|whose|whom)\b|"
                       r"(?:[a-z]+ed|held|paid|made|sold|bought|lent|spent|won|taken|given|built)\s+by\b|"
                       r"(?:its|their|his|her|he|she|they|we|it)\s+[a-z]+)", re.I)



def is_definite(f: Fact) -> bool:
    """"the 450 jobs", "this £5bn profit": a mention that points back at one the reader has met."""
    return f.definite


_SUBSET = re.compile(
    r"\b(?:other|another|further|more|additional|extra|remaining|last|first|next|top|best|final|"
    r"latest|all but)\s+(?:[a-z\-]+\s+)?$", re.I)


# "buy 200,000 more shares", "20 other areas": the word after the number marks a set beside the one before.
_SUBSET_AFTER = re.compile(r"^\s*(?:more|other|additional|extra|further)\b", re.I)


def is_subset(f: Fact) -> bool:
    """"another 20 areas", "the other two houses", "the top 50": a different set from the one before."""
    return f.subset


def is_tabular(f: Fact) -> bool:
    """A line of a table (many numbers, few words): its numbers are columns, not restatements."""
    return f.tabular


_NUMERIC_TOKEN = re.compile(r"\S*\d\S*")


def _tabular(sentence: str) -> bool:
    tokens = len(sentence.split())
    if tokens < 8:
        return False
    return len(_NUMERIC_TOKEN.findall(sentence)) / tokens > 0.3


_DATA_ROW_MAX_TOKENS = 12


def _data_row(text: str, start: int, end: int) -> bool:
    """A short line of its own, two figures or more and no sentence's closing mark ("Revs 12.3 mln vs
    10.1 mln", "Shr loss 1.27 dlrs vs profit 92 cts"): a row of a results table or a fact box, whose
    rows repeat one label with different figures by design. A headline is never one (callers check)."""
    if (start > 0 and text[start - 1] != "\n") or (end < len(text) and text[end - 1] != "\n"):
        return False
    line = text[start:end].strip()
    if not line or line[-1] in '.!?:;"”’)' or len(line.split()) > _DATA_ROW_MAX_TOKENS:
        return False
    return len(_NUMERIC_TOKEN.findall(line)) >= 2




def names_a_group(f: Fact) -> bool:
    """"the two countries", "the three men": a small number spelled out after a definite article
    points back at things already named; it is a way of saying "they", not a count to compare."""
    return f.q.spelled and small_count(f) and f.definite


def looks_like_year(f: Fact) -> bool:
    """"reveal 2004 earnings": a year read as a count (extraction should drop it; we never compare it)."""
    q = f.q
    return (q.kind == "count" and not q.unit and q.value is not None and 1900 <= q.value <= 2100
            and q.value == int(q.value) and _YEAR.fullmatch(q.text.strip()) is not None)


def small_count(f: Fact) -> bool:
    """"two awards", "five nominations": small whole counts repeat and differ by chance."""
    q = f.q
    return q.value is not None and q.value < 10 and q.value == int(q.value) and f.scale == (1.0, 0) \
        and not q.unit

