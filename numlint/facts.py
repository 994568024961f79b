"""Quantities -> facts: each mention with what it measures, whose, when, per what and who says so.

A ``Fact`` is one quantity mention seen in its sentence. ``build_facts`` groups facts by a metric key
(the singular head noun of the metric: "troops" and "North Korean troops" share the key "troop"), so
consistency rules compare only mentions in one bucket; each fact is compared with at most
``MAX_NEIGHBOURS`` others in its bucket (and with every headline fact), which keeps the work linear in
the number of quantities even for a very long document.

Values are compared within the precision the writer used (``interval``): "1.3 million" stands for
1.25-1.35 million, "about 10,000" for roughly 9,000-11,000, "more than 100" for anything above 100, a
range for everything between its bounds. Units are converted with ``numlint.units`` (pint).

Vocabularies (change markers, metric synonyms) belong to the rules, so this module records context
(``Fact.left``/``Fact.right``: the sentence text on either side of the mention) and the rules test
their word lists against it.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Callable, Iterable, Iterator, Mapping, TypeVar

from numlint import units  # cheap: pint itself is imported on the first conversion
from numlint.model import Quantity

T = TypeVar("T")

MAX_NEIGHBOURS = 12   # facts compared with each fact in a bucket (plus every headline fact)
MAX_HEADLINE_FACTS = 8  # headline facts per bucket compared with the whole bucket
MAX_BUCKET = 400      # beyond this, a bucket is a list of unrelated numbers: compare neighbours only

# ---------------------------------------------------------------------------------------------
# Sentences


_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "co", "corp", "inc", "ltd", "no", "vs", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "gen", "col", "sen", "rep", "lt",
    "mt", "ft", "approx", "est", "fig", "pct", "p", "e.g", "i.e", "u.s", "u.k", "u.n",
}
# A newline ends a sentence (a headline, a paragraph, a row), unless the next line goes on in lower
# case: plain text wrapped at a fixed width ("sent to the\nborder on Monday").
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n(?![ \t]*[a-z])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of prose text; a newline ends a sentence unless a wrapped line goes on after it."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith((".",)) and m.group() != "\n":
            word = re.search(r"([A-Za-z.]+)$", text[max(start, m.start() - 12):m.start()])
            if word:
                w = word.group(1).lower().strip(".")
                # "U.S. President", "Mr. Smith", "Jan. 5": not the end of a sentence.
                if w in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)*[a-z]", w):
                    continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return [piece for span in spans for piece in _cap_length(text, span)]


# Real sentences are far shorter than this (a 100-word sentence is about 600 characters). Capping the
# length bounds every per-mention regex over its sentence, so a 1 MB line of numbers or a 200,000-letter
# word costs linear time instead of quadratic (or worse, for searches anchored at the end of `left`).
MAX_SENTENCE = 1000


def _cap_length(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    start, end = span
    if end - start <= MAX_SENTENCE:
        return [span]
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


# ---------------------------------------------------------------------------------------------
# Context: metric, owner, time, per what, source

_STOP = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but",
    "its", "their", "his", "her", "our", "this", "that", "these", "those", "was", "were", "is", "are",
    "be", "been", "has", "have", "had", "will", "would", "could", "should", "may", "might", "said",
    "says", "than", "more", "less", "about", "around", "some", "over", "under", "up", "down", "as",
    "per", "each", "every", "year", "years", "month", "months", "week", "weeks", "day", "days", "it",
    "which", "who", "while", "after", "before", "since", "until", "into", "between", "among", "last",
    "next", "this", "other", "new", "another", "both", "all", "such", "only", "just", "also", "now",
    "then", "there", "here", "when", "where", "if", "so", "not", "no", "they", "he", "she", "we",
    "you", "i", "them", "him", "us", "ago", "times", "time", "cent", "percent", "point", "points",
    "million", "billion", "trillion", "thousand", "mln", "bln", "bn", "m", "k", "pct", "dlrs",
    "hundred", "per", "cents", "pence", "pounds", "dollars", "euros", "yen", "yuan", "a", "further",
    "extra", "additional", "estimated", "nearly", "almost", "roughly", "approximately", "least",
    "most", "record", "total", "shares", "share",
}
_VERBISH = re.compile(r"(?:ed|ing)$")
_VERBS = {
    "given", "taken", "seen", "made", "sold", "held", "paid", "left", "lost", "won", "put", "set", "cut",
    "built", "told", "said", "got", "brought", "bought", "spent", "kept", "found", "known", "shown",
    "thought", "rose", "fell", "grew", "came", "went", "are", "were", "was", "is", "be", "have", "had",
    "has", "do", "did", "does", "can", "will", "would", "could", "should", "must", "may", "might",
    "starts", "opens", "begins", "runs", "takes", "means", "makes", "comes", "goes", "remains",
    "includes", "shows", "gives", "says", "needs", "looks", "seems", "appears", "stands", "continues",
    "follows", "leaves", "rises", "falls", "gets", "puts", "sees", "helps", "brings", "ends", "closes",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_TIME_PATTERNS = [
    re.compile(r"\b(?:19|20)\d\d(?:/\d\d)?\b"),
    re.compile(rf"\b(?:in|since|by|until|during|last|this|next|early|late|mid-?)\s+(?:{_MONTHS})\b", re.I),
    re.compile(r"\b(?:last|this|next|a|one|previous|the previous|the same)\s+(?:year|month|week|quarter|decade)"
               r"(?:\s+ago)?\b", re.I),
    re.compile(r"\b(?:first|second|third|fourth|final|last)[- ](?:quarter|half)\b", re.I),
    re.compile(r"\b(?:full|whole|half|financial|fiscal)[- ]year\b", re.I),
    re.compile(r"\b(?:q[1-4]|h[12])\b", re.I),
    re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b", re.I),
    re.compile(r"\b\d+\s+(?:years?|months?|weeks?|days?)\s+ago\b", re.I),
]
# "per common share", "for each ordinary share", "11.80 dlrs for each common": a class of share between
# "per" and its noun (or standing for the noun, in wire copy) leaves the figure a price per share.
_SHARE_CLASS = r"(?:common|ordinary|preferred|preference)"
# The few words between a figure and its per-word ("5 dlrs cash per share") never hold "or"/"and": in
# "4.4 mln dlrs or eight dlrs per share" the per-word belongs to the second figure, not the total.
_PER = re.compile(
    rf"^\s*(?:(?!(?:or|and)\s)[A-Za-z\-]+\s+){{0,3}}?(?:a|an|per|each|every|/)\s*(?:{_SHARE_CLASS}\s+(?=shares?\b))?"
    rf"({_SHARE_CLASS}|barrel|share|day|week|month|year|hour|tonne|ton|ounce|gallon|"
    r"litre|liter|kilo|kg|pound|head|person|capita|passenger|household|unit|visitor|night|second|minute|"
    r"pupil|student|child|worker|employee|customer|subscriber|user|vehicle|car|ticket)\b"
    r"(?!\s+(?:ago|earlier|before|later|on|after|previously|in)\b)",
    re.I,
)
# "1,600,000 shares at 1.25 dlrs each", "three parcels of 120,000 tonnes each": a trailing "each" makes
# the figure a price or size per item of the plural just before it, not a total; without a plural the
# item is unnamed ("four of 30,000 tonnes each") and the figure is per unit.
_EACH = re.compile(r"^\s*each\b(?!\s+(?:of|other)\b)", re.I)
_EACH_ITEM = re.compile(r"\b([a-z][a-z\-]+s)\s+(?:at|for|of)\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$", re.I)


def _per(q: Quantity, left: str, right: str) -> str | None:
    """What a figure is per: "$50 a barrel" -> "barrel", "20 dlrs per common share" -> "share",
    "shares at 1.25 dlrs each" -> "share"; a unit's denominator ("USD / share"); None for a total."""
    m = _PER.match(right)
    if m and re.fullmatch(_SHARE_CLASS, m.group(1), re.I):
        # a bare class stands for its share only after "per" or "each": "in a common fund" is no price
        if re.search(r"\b(?:per|each)\s+\w+$", m.group(), re.I):
            return "share"
    elif m:
        return m.group(1).lower()
    if "/" in (q.unit or ""):
        return q.unit.split("/")[1].strip()
    if _EACH.match(right):
        item = _EACH_ITEM.search(left[-60:])
        word = item.group(1).lower() if item else ""
        # a plural noun, not a verb ("sells for"): the items the figure is each of
        return singular(word) if word and word not in _VERBS and singular(word) != word else "unit"
    return None


# A capitalised name of a few words. Each word starts where no word character precedes it and runs to
# its end (the lookbehind/lookahead), and words are joined by whitespace: the earlier form
# ``(?:[A-Z]\w*\s?){1,4}`` could split "AAAA..." into words in very many ways and backtracked
# catastrophically on a run of capitals (found by the atheris target).
_NAME_WORD = r"(?<![\w’'.\-])[A-Z][\w’'.\-]*(?![\w’'.\-])"
_SOURCE_PATTERNS = [
    re.compile(rf"\baccording to (?:the )?({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})"),
    re.compile(rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s+(?:said|says|told|estimated|estimates|reported)\b"),
    re.compile(rf"\b(?:said|says|told)\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"),
]
_PROPER = re.compile(r"\b(?:[A-Z][\w’'.\-]+)(?:\s+(?:of\s+)?[A-Z][\w’'.\-]+)*")


def singular(word: str) -> str:
    """A crude singular for metric keys: troops -> troop, companies -> company, sales -> sale."""
    w = word.lower().strip("’'")
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "news")):
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


def _words(text: str) -> list[str]:
    return [m.group() for m in _WORD.finditer(text)]


def infer_metric(right: str, left: str) -> str | None:
    """The noun phrase a number counts when extraction gave none: "10,000 North Korean troops in ..."."""
    # The noun phrase sits next to the number: a bounded window keeps the end-anchored searches
    # below linear in the mention, not in its sentence.
    left, right = left[-200:], right[:200]
    phrase: list[str] = []
    m = re.match(r"^\s*of\s+(?:new\s+)?([a-z][a-z\-]+)(?:\s+([a-z][a-z\-]+))?", right)
    if m and m.group(1) not in _STOP and m.group(1) not in _VERBS:
        # "$3bn of debt", "2.4 billion cubic metres of water"
        return m.group(1)
    for word in _words(right[:60]):
        lw = word.lower()
        if lw in _STOP and not phrase:
            if lw in {"million", "billion", "thousand", "mln", "bn", "m", "k", "cent", "percent", "pct",
                      "more", "extra", "additional", "further", "new", "dlrs", "pounds", "dollars",
                      "euros", "a", "year", "per"}:
                continue
            break
        if lw in _STOP or lw in _VERBS or (_VERBISH.search(lw) and (phrase or lw.endswith("ed"))):
            break
        phrase.append(lw)
        if len(phrase) >= 4:
            break
    if phrase and not _VERBISH.search(phrase[-1]):
        return " ".join(phrase)
    # "an estimate of 3,000", "a profit of £5m": the noun before "of".
    m = re.search(r"([A-Za-z][A-Za-z\-]+)\s+of\s+(?:about |around |some |nearly |almost |more than |over )?$", left)
    if m and m.group(1).lower() not in _STOP:
        return m.group(1).lower()
    # "revised the death toll to 212", "its debt stood at $4bn": the noun phrase before a linking verb.
    m = _LEFT_METRIC.search(left)
    if m and m.group(2).lower() not in _STOP and m.group(2).lower() not in _VERBS:
        return f"{m.group(1) or ''}{m.group(2)}".strip().lower()
    return None


_LEFT_METRIC = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|their|his|her|a|an)\s+([a-z\-]+\s+)?([a-z\-]{3,})\s+(?:(?:is|was|are|were|will be|would be|has been|had been)\s+)?"
    r"(?:to|at|was|is|were|are|stood at|reached|totalled|totaled|hit|of|worth|valued at|cost|costs|costing)\s+(?:about |around |some |nearly |almost |more than |over |just |only )?$"
)


# Head nouns that name no metric of their own: "an estimate of 3,000" counts what the sentence counts.
GENERIC_HEADS = {"estimate", "figure", "number", "total", "level", "tally", "count", "sum", "amount",
                 "rate", "value", "forecast", "projection", "target", "record", "high", "low", "peak"}


def metric_key(metric: str | None) -> str | None:
    """The bucket of a metric: its singular head noun ("north korean troops" -> "troop")."""
    if not metric:
        return None
    words = [w for w in _words(metric) if w.lower() not in _STOP and w.lower() not in _VERBS]
    if not words:
        return None
    head = singular(words[-1])
    return None if head in GENERIC_HEADS else head


def metric_modifiers(metric: str | None) -> frozenset[str]:
    if not metric:
        return frozenset()
    words = [w.lower() for w in _words(metric) if w.lower() not in _STOP and w.lower() not in _VERBS]
    return frozenset(words[:-1])


def find_time(text: str, near: int = 0) -> str | None:
    """The time expression ("2004", "last week", "in February") nearest to offset ``near`` of a text
    (the mention's place in its sentence), lower-cased; None when the text names no time."""
    best = None
    for start, end, words in _time_matches(text):
        distance = start - near if start >= near else near - end
        # a time after the mention binds a little more loosely than one before it
        distance = distance * 1.5 if start >= near else distance
        if best is None or distance < best[0]:
            best = (distance, words)
    return best[1] if best else None


@functools.lru_cache(maxsize=512)
def _time_matches(text: str) -> tuple[tuple[int, int, str], ...]:
    """Every time expression of a sentence, found once per sentence rather than once per mention."""
    return tuple((m.start(), m.end(), m.group().lower()) for pattern in _TIME_PATTERNS for m in pattern.finditer(text))


@functools.lru_cache(maxsize=512)
def find_source(sentence: str) -> str | None:
    for pattern in _SOURCE_PATTERNS:
        m = pattern.search(sentence)
        if m:
            name = m.group(1).strip()
            if name and name.split()[0] not in {"He", "She", "It", "They", "We", "I", "The", "A", "But"}:
                return name.lower()
            if name:
                return name.lower()
    return None


# ---------------------------------------------------------------------------------------------
# Precision


_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
    "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


@functools.lru_cache(maxsize=65536)
def written_scale(q: Quantity) -> tuple[float, int]:
    """(multiplier, decimals) as written: from extraction when given, else read from the mention."""
    if q.multiplier != 1.0 or q.decimals:
        return q.multiplier, q.decimals
    m = _NUMBER.search(q.text)
    decimals = len(m.group(1)) if m and m.group(1) else 0
    multiplier = 1.0
    for word in re.findall(r"[A-Za-z]+", q.text[m.end():] if m else q.text):
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


@dataclass(frozen=True)
class Fact:
    """One quantity mention in context. ``start``/``end`` are prose offsets; ``q`` keeps the original."""

    q: Quantity
    index: int                 # position among the document's facts (document order)
    start: int                 # prose offsets of the mention
    end: int
    sentence_index: int
    sentence: str              # the whole sentence (prose text)
    left: str                  # the sentence before the mention
    right: str                 # the sentence after the mention
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
        if not q.is_range or q.low is None or q.high is None or not re.search(r"\bto\b", q.text):
            return None
        if not re.search(r"\bfrom\s+(?:about\s+|around\s+|some\s+)?$", self.left[-20:], re.I):
            return None
        first, _, second = q.text.partition(" to ")
        a, b = _digits(first), _digits(second)
        lo, hi = min(q.low, q.high), max(q.low, q.high)
        if a is None or b is None:
            return None
        return (lo, hi) if a <= b else (hi, lo)

    # Properties of one mention that the consistency rules ask about once per PAIR it is in: worked
    # out on first use and kept (cached_property writes to the instance dict, which a frozen
    # dataclass allows), so a mention in fifty pairs runs each regex once, not fifty times.

    @functools.cached_property
    def scale(self) -> tuple[float, int]:
        """``written_scale`` of the mention: (multiplier, decimals) as written."""
        return written_scale(self.q)

    @functools.cached_property
    def half(self) -> float:
        """``half_step`` of the value as written (of the low bound, for a range)."""
        q = self.q
        return half_step(q, q.value if q.value is not None else q.bounds[0])

    def span(self, approx_tolerance: float) -> tuple[float, float]:
        """``interval(self.q, approx_tolerance)``, kept per tolerance (compare asks once per pair)."""
        spans = self.__dict__.setdefault("_spans", {})
        iv = spans.get(approx_tolerance)
        if iv is None:
            iv = spans[approx_tolerance] = interval(self.q, approx_tolerance)
        return iv

    @functools.cached_property
    def around(self) -> str:
        """The mention with a few characters either side, lower-cased (for word lists to match)."""
        return (self.left[-8:] + self.q.text + self.right[:12]).lower()

    @functools.cached_property
    def definite(self) -> bool:
        """"the 450 jobs", "its £5bn profit": the mention points back at one the reader has met."""
        return bool(_DEFINITE.search(self.left[-30:])) and not _RELATIVE.match(self.right)

    @functools.cached_property
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


def _digits(text: str) -> float | None:
    m = _NUMBER.search(text)
    if not m:
        return None
    try:
        value = float(m.group().replace(",", ""))
    except ValueError:
        return None
    for word in re.findall(r"[A-Za-z]+", text[m.end():])[:1]:
        value *= _SCALES.get(word.lower(), 1.0)
    return value


@dataclass(frozen=True)
class Comparison:
    """How two mentions of one metric relate: same, drift, conflict, scale, currency, unit, or None."""

    verdict: str | None
    ratio: float = 1.0          # larger / smaller, in a common unit
    converted: float | None = None  # b's value in a's unit, when converted


@dataclass(frozen=True)
class FactTable:
    """The facts of one document, in order, with buckets by metric key."""

    text: str                                   # prose text
    facts: tuple[Fact, ...]
    by_metric: dict[str, tuple[Fact, ...]] = field(default_factory=dict)
    sentences: tuple[tuple[int, int], ...] = ()

    def __iter__(self) -> Iterator[Fact]:
        return iter(self.facts)

    def memo(self, key: tuple, compute: Callable[[], T]) -> T:
        """``compute()``, worked out once per table and key and shared by every rule that asks with the
        same key (the five NL1/NL2 consistency rules survey the same pairs); read-only to callers."""
        cache = self.__dict__.get("_memo")
        if cache is None:
            cache = {}
            object.__setattr__(self, "_memo", cache)
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    def compared(self, a: Fact, b: Fact, approx_tolerance: float = 0.1) -> "Comparison":
        """``compare(a, b)``, worked out once per document: the five NL1/NL2 consistency rules ask
        about the same pairs, and comparing is most of their cost on a long document."""
        cache = self.memo(("comparisons",), dict)
        key = (a.index, b.index, approx_tolerance)
        result = cache.get(key)
        if result is None:
            result = cache[key] = compare(a, b, approx_tolerance)
        return result

    def __len__(self) -> int:
        return len(self.facts)

    def in_sentence(self, sentence_index: int) -> tuple[Fact, ...]:
        return tuple(f for f in self._by_sentence().get(sentence_index, ()))

    def _by_sentence(self) -> dict[int, list[Fact]]:
        def group() -> dict[int, list[Fact]]:
            by_sentence: dict[int, list[Fact]] = {}
            for f in self.facts:
                by_sentence.setdefault(f.sentence_index, []).append(f)
            return by_sentence

        return self.memo(("by sentence",), group)

    def buckets(self, synonyms: Iterable[str] = ()) -> Mapping[str, tuple[Fact, ...]]:
        """``by_metric`` with synonym keys merged: each synonym entry is a line of words meaning one
        metric ("troop soldier", "profit earnings"); the first word names the merged bucket.

        Worked out once per table and synonym list (each NL1/NL2 rule asks three times) and shared,
        so it is read-only."""
        synonyms = tuple(synonyms)
        return self.memo(("buckets", synonyms), lambda: MappingProxyType(self._merged_buckets(synonyms)))

    def _merged_buckets(self, synonyms: tuple[str, ...]) -> dict[str, tuple[Fact, ...]]:
        alias: dict[str, str] = {}
        for line in synonyms:
            words = [singular(w) for w in re.split(r"[\s,=]+", line) if w]
            for w in words[1:]:
                alias[w] = words[0]
        merged: dict[str, list[Fact]] = {}
        for key, facts in self.by_metric.items():
            merged.setdefault(alias.get(key, key), []).extend(facts)
        return {k: tuple(sorted(v, key=lambda f: f.index)) for k, v in merged.items()}

    def pairs(self, synonyms: Iterable[str] = (), max_neighbours: int = MAX_NEIGHBOURS) -> Iterator[tuple[Fact, Fact]]:
        """Pairs (a, b), a before b, of facts in one bucket whose scope is compatible.

        Each fact meets its ``max_neighbours`` following facts in the bucket and every headline fact:
        linear in the number of facts, whatever the document's length.
        """
        for facts in self.buckets(synonyms).values():
            if len(facts) < 2:
                continue
            headline_facts = 0
            for i, a in enumerate(facts):
                partners = list(facts[i + 1:i + 1 + max_neighbours])
                if a.in_heading and headline_facts < MAX_HEADLINE_FACTS:
                    # A headline figure is checked against the whole body, not just its neighbours.
                    headline_facts += 1
                    partners += list(facts[i + 1 + max_neighbours:i + 1 + max_neighbours + MAX_BUCKET])
                for b in partners:
                    if same_scope(a, b):
                        yield a, b


_CONTENT = re.compile(r"[a-z][a-z\-]{2,}")
_DEFINITE = re.compile(r"\b(?:the|its|their|this|that|these|those|his|her|our|all|all the|all of the)\s+(?:[a-z\-]+\s+)?$", re.I)
_RELATIVE = re.compile(r"^\s*(?:[a-z\-]+\s+){0,2}(?:where|which|that|who|whose|whom)\b", re.I)


def content_words(text: str) -> frozenset[str]:
    return frozenset(singular(w) for w in _CONTENT.findall(text.lower()) if w not in _STOP and w not in _VERBS)


def is_definite(f: Fact) -> bool:
    """"the 450 jobs", "its £5bn profit": a mention that points back at one the reader has met."""
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


def identity(a: Fact, b: Fact, distinct_values: int = 2) -> int:
    """How strongly two mentions of one metric look like the same figure (higher: more alike).

    Real copy is full of one metric with many values (ages, seats, prices of different things); a
    contradiction needs two mentions that say the same thing about the same thing: the same metric
    phrase, a headline and its body, a later mention that points back ("the 450 jobs"), the same
    owner, sentences that share their words. A bucket holding many distinct values is a list of
    different things, which counts against.
    """
    score = 0
    if a.key and a.key == b.key and a.modifiers == b.modifiers:
        score += 2 if a.modifiers else 1
    if a.in_heading != b.in_heading:
        score += 3  # a headline figure is the body's figure, said again
    later = b if b.index > a.index else a
    if is_definite(later):
        score += 2
    if a.owner and b.owner:
        # "Tottenham" and "Spurs" are one club to a reader, two names to us: different names count
        # against, they do not rule the pair out
        score += 1 if a.owner & b.owner else -2
    wa, wb = a.words, b.words
    if wa and wb:
        jaccard = len(wa & wb) / len(wa | wb)
        score += 2 if jaccard >= 0.4 else 1 if jaccard >= 0.25 else 0
    if distinct_values >= 4:
        score -= 2
    elif distinct_values == 3:
        score -= 1
    if a.time and b.time and a.time != b.time:
        score -= 2
    if is_subset(a) or is_subset(b):
        score -= 3
    if small_count(a) and small_count(b):
        score -= 2
    if a.key in VAGUE_HEADS and not is_definite(later):
        score -= 1  # "300 people" names no metric: the verb does ("employ", "killed")
    return score


def names_a_group(f: Fact) -> bool:
    """"the two countries", "the three men": a small number spelled out after a definite article
    points back at things already named; it is a way of saying "they", not a count to compare."""
    return f.q.spelled and small_count(f) and f.definite


def looks_like_year(f: Fact) -> bool:
    """"reveal 2004 earnings": a year read as a count (extraction should drop it; we never compare it)."""
    q = f.q
    return (q.kind == "count" and not q.unit and q.value is not None and 1900 <= q.value <= 2100
            and q.value == int(q.value) and re.fullmatch(r"(?:19|20)\d\d", q.text.strip()) is not None)


def small_count(f: Fact) -> bool:
    """"two awards", "five nominations": small whole counts repeat and differ by chance."""
    q = f.q
    return q.value is not None and q.value < 10 and q.value == int(q.value) and written_scale(q) == (1.0, 0) \
        and not q.unit


# Heads that say what is counted but not which measure: "people", "times".
VAGUE_HEADS = {"people", "person", "times", "thing", "way", "case", "one"}
# A currency as the head ("85 mln marks", "300 billion lire") names the unit, not what the money is:
# loans, turnover and tax cuts of one article all land in one bucket.
VAGUE_HEADS |= {"mark", "franc", "guilder", "lire", "lira", "crown", "krona", "kronor", "rupee", "peso",
                "dinar", "riyal", "rand", "shekel", "yuan", "won", "dollar", "pound", "euro", "yen",
                "sterling", "rouble", "ruble", "peseta", "schilling", "drachma", "escudo"}


def distinct_values(facts: Iterable[Fact]) -> int:
    """How many different values a bucket holds (to 3 significant digits)."""
    seen = set()
    for f in facts:
        v = f.q.value if f.q.value is not None else f.q.low
        if v is not None:
            seen.add(float(f"{v:.3g}"))
    return len(seen)


def same_scope(a: Fact, b: Fact) -> bool:
    """Whether two mentions could measure the same thing: kinds, per-what and modifiers agree."""
    if a.sentence_index == b.sentence_index and a.q.start == b.q.start:
        return False
    if (a.per or "") != (b.per or ""):
        return False
    if a.q.kind != b.q.kind and not {a.q.kind, b.q.kind} <= {"money", "count", "measure"}:
        return False
    if a.modifiers and b.modifiers and not (a.modifiers & b.modifiers):
        return False
    if a.base and b.base and a.base != b.base:
        return False
    return True


def compare(a: Fact, b: Fact, approx_tolerance: float = 0.1, scale_ratios=(1e3, 1e6, 1e9)) -> Comparison:
    """Relate two mentions of one metric within the precision each was written with."""
    ua, ub = a.unit, b.unit
    if ua == ub and a.q.value is not None and a.q.value == b.q.value:
        # The commonest pair in long copy, a figure restated: two points of one value in one unit
        # agree however each is qualified (every interval below contains the value itself).
        return Comparison("same", converted=b.q.value)
    if ua != ub:
        if units.is_currency(ua) and units.is_currency(ub):
            if units.major_currency(ua.split("/")[0].strip()) != units.major_currency(ub.split("/")[0].strip()):
                return Comparison("currency")
        if not ua or not ub:
            return Comparison(None)  # a bare count and a unit: not comparable
        if not units.same_dimension(ua, ub):
            return Comparison(None)
    if ua == ub and _same_digits(a, b):
        # "£5m" and "£5bn", "more than 1.5 million" and "1.5 billion": a slipped scale word, whatever
        # the qualifiers say (an open interval would swallow the slip).
        ratio = max(a.q.value, b.q.value) / max(min(a.q.value, b.q.value), 1e-12)
        for r in scale_ratios:
            if math.isclose(ratio, r, rel_tol=1e-6):
                return Comparison("scale", ratio=r, converted=b.q.value)
    ia = a.span(approx_tolerance)
    ib = b.span(approx_tolerance)
    if _bound_side(a.q) and _bound_side(a.q) == _bound_side(b.q):
        # "up to 50,000" and "up to 33,904": two bounds of one kind are compared as the numbers written
        ia = _point(a.q, approx_tolerance)
        ib = _point(b.q, approx_tolerance)
    if ua != ub:
        lo = units.convert(ib[0], ub, ua) if math.isfinite(ib[0]) else ib[0]
        hi = units.convert(ib[1], ub, ua) if math.isfinite(ib[1]) else ib[1]
        if lo is None or hi is None:
            return Comparison(None)
        ib = (min(lo, hi), max(lo, hi))
    va = a.q.value if a.q.value is not None else None
    vb = b.q.value if b.q.value is not None else None
    converted = units.convert(vb, ub, ua) if (vb is not None and ua != ub) else vb
    if ia[0] <= ib[1] and ib[0] <= ia[1]:
        if ua != ub and not (units.is_currency(ua) or units.is_currency(ub)):
            # Same quantity in two units that convert: a conversion, or a unit mismatch for NL2.
            return Comparison("unit", converted=converted)
        if va is not None and converted is not None and not math.isclose(va, converted, rel_tol=1e-9, abs_tol=1e-12):
            if a.q.approx != "=" or b.q.approx != "=":
                return Comparison("same", converted=converted)
            ha, hb = a.half, b.half
            if math.isclose(ha, hb):
                # Same precision, different digits: not two roundings of one figure.
                return Comparison("conflict", ratio=max(va, converted) / max(min(va, converted), 1e-12),
                                  converted=converted)
            return Comparison("drift", converted=converted)
        return Comparison("same", converted=converted)
    ca = _centre(ia)
    cb = _centre(ib)
    if ca <= 0 or cb <= 0:
        return Comparison("conflict", converted=converted)
    ratio = max(ca, cb) / min(ca, cb)
    if ua != ub and not (units.is_currency(ua) or units.is_currency(ub)):
        return Comparison("unit", ratio=ratio, converted=converted)
    return Comparison("conflict", ratio=ratio, converted=converted)


def _bound_side(q: Quantity) -> str | None:
    return {">": "low", ">=": "low", "<": "high", "<=": "high"}.get(q.approx)


def _point(q: Quantity, approx_tolerance: float) -> tuple[float, float]:
    return interval(Quantity(text=q.text, start=q.start, end=q.end, value=q.value, multiplier=q.multiplier,
                             decimals=q.decimals), approx_tolerance)


def _centre(iv: tuple[float, float]) -> float:
    lo, hi = iv
    if math.isinf(hi):
        return lo
    if math.isinf(lo):
        return hi
    return (lo + hi) / 2


def _same_digits(a: Fact, b: Fact) -> bool:
    """"£5m" and "£5bn": the same digits under two scale words (what a slipped scale word looks like)."""
    ma, mb = a.scale[0], b.scale[0]
    if ma == mb or a.q.value is None or b.q.value is None:
        return False
    return math.isclose(a.q.value / ma, b.q.value / mb, rel_tol=1e-6)


# ---------------------------------------------------------------------------------------------
# Building the table


_OWNER_WORD = r"(?<![\w.\-])[A-Z][\w.\-]+(?![\w.\-])"
_POSSESSOR = re.compile(rf"({_OWNER_WORD}(?:\s+{_OWNER_WORD}){{0,2}})['’]s\s+$")
_PLACE_AFTER = re.compile(rf"^[^,;:.]*?\b(?:of|at|in|from)\s+((?:the\s+)?{_OWNER_WORD}(?:\s+{_OWNER_WORD}){{0,2}})")


def _owner(sentence: str, left: str, right: str, metric: str | None) -> frozenset[str]:
    """Proper names that say whose the number is: "North Korea's GDP", "troops in Russia"."""
    names = set()
    # Bounded window and whole words (see _NAME_WORD): a run of capitals must not backtrack.
    m = _POSSESSOR.search(left[-120:])
    if m:
        names.add(m.group(1).strip().lower())
    tail = right[:80]
    m = _PLACE_AFTER.match(tail)
    if m:
        names.add(m.group(1).replace("the ", "").strip().lower())
    names = {n.rstrip(".,") for n in names}
    return frozenset(n for n in names if n and not _NOT_OWNER.match(n))


_NOT_OWNER = re.compile(rf"^(?:{_MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                        r"the|a|an|this|that|it|he|she|they|we|i)\b", re.I)


_BASE = re.compile(
    r"^\s*of\s+(?:the\s+|its\s+|their\s+|all\s+|a\s+)?((?:[A-Za-z][\w’'\-]*\s+){0,4}?[A-Za-z][\w\-]*)"
    r"(?=\s*(?:$|[,;:.)]|\s(?:on|in|for|to|from|by|was|were|is|are|has|had|will|would|and|but|which|who|that|"
    r"annually|last|this|a|an|the|said|says|since|after|before|over|under|at)\b))"
)


def infer_base(q: Quantity, right: str) -> str | None:
    """What a percentage is of: extraction's ``base``, else "of X" after it ("16% of state expenditure")."""
    base = q.base
    if not base and q.kind == "percent":
        m = _BASE.match(right)
        if m:
            base = m.group(1)
    if not base:
        return None
    base = re.sub(r"^.*['’]s\s+", "", base.strip().lower())   # "north korea's gdp" -> "gdp"
    words = [w for w in base.split() if w not in {"the", "its", "their", "all"}]
    return " ".join(words) or None


def build_facts(doc, prose, quantities: Iterable[Quantity]) -> FactTable:
    """Every quantity of a document as a Fact in its sentence, bucketed by metric key."""
    text = prose.text
    sentences = split_sentences(text)
    starts = [s for s, _ in sentences]
    headings = list(getattr(prose, "headings", []) or [])
    import bisect

    facts: list[Fact] = []
    ordered = sorted(quantities, key=lambda q: (q.start, q.end))
    word_cache: dict[int, frozenset[str]] = {}
    table_cache: dict[int, bool] = {}

    def sentence_words(si: int, sentence: str) -> frozenset[str]:
        if si not in word_cache:
            word_cache[si] = content_words(sentence)
        return word_cache[si]

    def sentence_tabular(si: int, sentence: str, in_heading: bool) -> bool:
        if si not in table_cache:
            s0, s1 = sentences[si] if sentences else (0, len(text))
            table_cache[si] = _tabular(sentence) or (not in_heading and _data_row(text, s0, s1))
        return table_cache[si]

    for q in ordered:
        ps = prose.to_prose(q.start)
        pe = prose.to_prose(q.end) if q.end > q.start else ps
        pe = max(pe, ps + len(q.text)) if prose.origin is None else max(pe, ps)
        si = max(0, bisect.bisect_right(starts, ps) - 1) if sentences else 0
        s0, s1 = sentences[si] if sentences else (0, len(text))
        sentence = text[s0:s1]
        left = text[s0:ps]
        right = text[pe:s1]
        metric = q.metric or infer_metric(right, left)
        in_heading = any(h0 <= ps < h1 for h0, h1 in headings)
        facts.append(
            Fact(
                q=q,
                index=len(facts),
                start=ps,
                end=pe,
                sentence_index=si,
                sentence=sentence,
                left=left,
                right=right,
                metric=metric,
                key=metric_key(metric),
                modifiers=metric_modifiers(metric),
                owner=_owner(sentence, left, right, metric),
                time=find_time(sentence, len(left)),
                per=_per(q, left, right),
                source=find_source(sentence),
                in_heading=in_heading,
                line=q.line or (doc.line_col(q.start)[0] if doc is not None else 0),
                base=infer_base(q, right),
                words=sentence_words(si, sentence),
                tabular=sentence_tabular(si, sentence, in_heading),
            )
        )
    facts = _inherit_metrics(facts)
    by_metric: dict[str, list[Fact]] = {}
    for f in facts:
        if f.key:
            by_metric.setdefault(f.key, []).append(f)
    return FactTable(
        text=text,
        facts=tuple(facts),
        by_metric={k: tuple(v) for k, v in by_metric.items()},
        sentences=tuple(sentences),
    )


_LINK = re.compile(r"\b(?:from|to|compared (?:with|to)|against|versus|vs|than|up|down|and|or)\b", re.I)


INHERIT_LOOKBACK = 6


def _inherit_metrics(facts: list[Fact]) -> list[Fact]:
    """A bare number linked to an earlier one in its sentence ("10,000 troops, up from 3,000") counts
    the same thing: it inherits that metric."""
    out: list[Fact] = []
    for f in facts:
        if f.key is None:
            # The donor is one of the few mentions just before ("10,000 troops, up from 3,000"):
            # looking further back made a sentence of many numbers quadratic.
            for prev in reversed(out[-INHERIT_LOOKBACK:]):
                if prev.sentence_index != f.sentence_index:
                    break
                between = f.left[len(prev.left) + (prev.end - prev.start):]
                if prev.key and prev.q.kind == f.q.kind and prev.unit == f.unit and _LINK.search(between):
                    f = _with_metric(f, prev)
                    break
        out.append(f)
    return out


def _with_metric(f: Fact, donor: Fact) -> Fact:
    import dataclasses

    return dataclasses.replace(f, metric=donor.metric, key=donor.key, modifiers=donor.modifiers,
                               owner=f.owner or donor.owner)


def facts_for_text(text: str, quantities: Iterable[Quantity]) -> FactTable:
    """The fact table of a plain-text article and quantities found (or made by hand) in it."""
    from numlint.document import Document
    from numlint.markup import to_prose

    doc = Document("<string>", text, "text")
    return build_facts(doc, to_prose(text, "text"), quantities)
