"""Quantity extraction for news copy: every amount in a prose string (value, unit, scale, range,
approximator, change) and the counted noun phrase it comes with.

The readers, in the order a mention is read (each a module of its own, each testable alone):

* ``cores``: where numbers are written (digits, number words, fractions, "tens of thousands").
* ``currency``, ``scale``, ``units`` (with the ``fallback`` to quantulum3): the amount around a core,
  put together by ``amount``.
* ``compound``: a measure written in two units ("6ft 2in"), made one figure once all are read.
* ``ranges``: a second end ("20%-30%", "between 350 and 400 mln dlrs") or a shared unit ("eight or nine euros").
* ``filters``: cores that are no quantity (years, dates, times, coordinates, identifiers, phone numbers).
* ``modifiers``: approximators and change words around the amount.
* ``metric``: what the figure counts and its base, the one metric reader (its last two steps run on
  the finished quantities).
* ``ellipsis``: a unit written once for several figures; runs over neighbouring mentions.
* ``reader``: one mention, read in that order; ``source``: the text and the shapes they share.

Word lists live in ``numlint.lang``, never in a pattern here. Every regex is linear (no nested
quantifiers over overlapping classes, bounded context windows, possessive digit groups), so 1 MB of
digits or commas is fine, and ``extract_quantities`` never raises: each core is read inside its own
try/except. quantulum3 is imported only when a number is followed by a unit token the lexicon does
not know.

Units follow ``numlint.units`` conventions (pint names, "percent", ISO 4217 codes, "" for a count);
see that module for why "19 pence" is value 19 unit "GBX".
"""

from __future__ import annotations

import bisect
import dataclasses

from numlint.extract import metric
from numlint.extract.compound import merge_compound_measures
from numlint.extract.cores import DIGIT_CORE, HAS_LETTER_RE, SPELLED_CORE_LC, VAGUE_CORE_LC, ascii_lower, read_fast
from numlint.extract.currency import resolve_bare_currencies
from numlint.extract.ellipsis import inherit_currency, inherit_unit, inherit_unit_of_whole, inherit_unit_qualifier
from numlint.extract.filters import PHONE_RE
from numlint.extract.modifiers import is_restatement
from numlint.extract.reader import read_mention, to_quantity
from numlint.extract.source import DEBUG, Mention, Skip, Source
from numlint.model import Quantity

__all__ = ["extract_quantities"]


def extract_quantities(text: str, concepts: bool = True) -> list[Quantity]:
    """Every quantity mention in ``text``, sorted by start (see module docstring). Never raises.

    ``concepts=False`` leaves each quantity's ``concept`` None: only ``numlint extract`` and the
    Python API report it, no rule reads it, and reading it is about a twelfth of a check's time."""
    if not isinstance(text, str) or not text:
        return []
    try:
        return _extract(Source(text), concepts)
    except Exception:  # pragma: no cover - last-resort guard: a linter must not crash on odd copy
        if DEBUG:
            raise
        return []


def _is_excluded(excluded: list[tuple[int, int]], pos: int) -> bool:
    # ``excluded`` is sorted and non-overlapping (finditer), so one bisect finds the candidate span
    i = bisect.bisect_right(excluded, (pos, float("inf"))) - 1
    return i >= 0 and excluded[i][0] <= pos < excluded[i][1]


def _link_neighbours(src: Source, mentions: list[Mention]) -> None:
    """What a mention takes from its neighbours once all are read: the change of the figure it restates
    ("fell 120 points, or 1.2%"), a unit written once (``ellipsis``), a metric (``metric``)."""
    text = src.text
    resolve_bare_currencies(mentions)
    inherit_unit_qualifier(mentions)
    money: Mention | None = None   # the last amount of money read
    for i, m in enumerate(mentions):
        if i and m.change is None and mentions[i - 1].change is not None and \
                is_restatement(text, mentions[i - 1].end, m.start):
            m.change = mentions[i - 1].change
        for j in range(i - 1, max(-1, i - 4), -1):  # the nearest earlier figure with a unit
            if mentions[j].low.unit:
                if inherit_unit(src, mentions[j], m):
                    break
        if i + 1 < len(mentions):
            inherit_unit_of_whole(src, m, mentions[i + 1])
        if money is not None:
            inherit_currency(src, money, m)
        if m.low.kind == "money":
            money = m
        if m.metric is not None:
            continue
        s, _ = src.sentence_bounds(m.start)
        earlier = ((p.start, p.end, p.metric, p.low.unit, p.low.kind)
                   for p in (mentions[j] for j in range(i - 1, max(-1, i - 9), -1)))  # bounded work
        m.metric = metric.metric_from_earlier(text, m.start, s, m.low.unit, m.low.kind, earlier)


def _extract(src: Source, concepts: bool = True) -> list[Quantity]:
    text = src.text
    excluded: list[tuple[int, int]] = []
    cores: list[tuple[int, int, str]] = []
    for m in DIGIT_CORE.finditer(text):
        cores.append((m.start(), m.end(), "d"))
    if HAS_LETTER_RE.search(text):  # spelled numbers need letters; a wall of figures skips the scan
        # scanned on an ASCII-lower-cased copy (same length, so same offsets): a case-sensitive
        # regex runs ~3x faster than the same one with re.IGNORECASE
        low = ascii_lower(text)
        for m in SPELLED_CORE_LC.finditer(low):
            cores.append((m.start(), m.end(), "w"))
        for m in VAGUE_CORE_LC.finditer(low):
            cores.append((m.start(), m.end(), "v"))
    if not cores:
        return []
    for m in PHONE_RE.finditer(text):
        excluded.append((m.start(), m.end()))
    cores.sort()
    mentions: list[Mention] = []
    consumed = -1
    i = 0
    while i < len(cores):
        start, end, typ = cores[i]
        i += 1
        if start < consumed or _is_excluded(excluded, start):
            continue
        try:
            mention = read_fast(src, start, end) if typ == "d" else None
            if mention is None:
                mention = read_mention(src, start, end, typ)
        except Skip as skip:
            consumed = max(consumed, skip.end)
            continue
        except Exception:
            if DEBUG:
                raise
            consumed = max(consumed, end)  # one odd core must not cost the rest of the text
            continue
        if mention is None:
            continue
        mentions.append(mention)
        consumed = mention.end
        if typ == "w" and mention.end < end:
            # "three million and two million": one run of number words, two numbers; the rest of
            # the run is read again as a core of its own
            rest = SPELLED_CORE_LC.search(low, mention.end, end)
            if rest:
                bisect.insort(cores, (rest.start(), rest.end(), "w"), lo=i)
    # The scan's lists are as long as the text has numbers: let them go before the quantities are made.
    del cores, excluded
    low = None
    mentions = merge_compound_measures(src, mentions)
    _link_neighbours(src, mentions)
    out = []
    # Taken from the end of the reversed list, each mention is freed once its quantity is made, so a
    # long document never holds every Mention and every Quantity at once.
    mentions.reverse()
    while mentions:
        m = mentions.pop()
        try:
            out.append(to_quantity(src, m))
        except Exception:
            if DEBUG:
                raise
            continue
    out.sort(key=lambda q: (q.start, q.end))
    return _with_metrics(src, out, concepts)


def _with_metrics(src: Source, quantities: list[Quantity], concepts: bool = True) -> list[Quantity]:
    """Steps 3 to 5 of the metric reader (``metric``), on the quantities as the pipeline sees them."""
    text = src.text
    found = []
    for q in quantities:
        m = q.metric
        if not m and not q.base:   # a share's "of GDP" is its base, not what it counts
            s, e = src.sentence_bounds(q.start)
            m = metric.metric_around(text[s:q.start], text[q.end:e])
        found.append(m)
    figures = [(q.start, q.end, m, q.unit, q.kind) for q, m in zip(quantities, found, strict=True)]
    found = metric.inherit_keyless(text, figures, lambda pos: src.sentence_bounds(pos)[0])
    del figures
    # Replaced in place, each old quantity freed as its successor is made (not two lists at once).
    for i, m in enumerate(found):
        q = quantities[i]
        if not concepts:
            quantities[i] = dataclasses.replace(q, metric=m)
            continue
        s, e = src.sentence_bounds(q.start)
        partner = quantities[i - 1] if i and quantities[i - 1].end >= s else None
        if partner is not None and metric.is_conversion_of(text, partner.end, q.start):
            concept = partner.concept   # "10.5 million Australian dollars ($7.5 million)": one concept
        else:
            concept = metric.read_concept(text[s:q.start], text[q.end:e], kind=q.kind, metric=m, base=q.base)
        quantities[i] = dataclasses.replace(q, metric=m, concept=concept)
    return quantities
