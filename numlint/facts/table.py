"""The fact table of a document: every mention as a ``Fact`` in its sentence."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from types import MappingProxyType
from typing import NamedTuple, TypeVar

from numlint.facts.compare import same_scope
from numlint.facts.fact import Fact, _data_row, _tabular
from numlint.facts.frame import Frame, read_frame
from numlint.facts.words import content_words, singular
from numlint.lang.sentences import split_sentences
from numlint.model import Quantity

T = TypeVar("T")

MAX_NEIGHBOURS = 12   # facts compared with each fact in a bucket (plus every headline fact)
MAX_HEADLINE_FACTS = 8  # headline facts per bucket compared with the whole bucket
MAX_BUCKET = 400      # beyond this, a bucket is a list of unrelated numbers: compare neighbours only

_sentence_of = attrgetter("sentence_index")


@dataclass(frozen=True)
class FactTable:
    """The facts of one document, in order, with buckets by metric key."""

    text: str                                   # prose text
    facts: tuple[Fact, ...]
    by_metric: dict[str, tuple[Fact, ...]] = field(default_factory=dict)
    sentences: tuple[tuple[int, int], ...] = ()
    cells: tuple[tuple[int, int, int, int, int], ...] = ()  # table cells (markup.Prose.cells)

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

    def __len__(self) -> int:
        return len(self.facts)

    def in_sentence(self, sentence_index: int) -> tuple[Fact, ...]:
        facts = self.facts
        if self.memo(("in sentence order",), lambda: all(a.sentence_index <= b.sentence_index
                                                         for a, b in itertools.pairwise(facts))):
            # Facts in document order are in sentence order: a slice found by bisection, no index
            # kept (a list per sentence came to 9 MB on a 5 MB article).
            lo = bisect.bisect_left(facts, sentence_index, key=_sentence_of)
            return facts[lo:bisect.bisect_right(facts, sentence_index, lo=lo, key=_sentence_of)]
        return tuple(self._by_sentence().get(sentence_index, ()))

    def per_sentence(self, key: tuple, read: Callable[[list[Fact]], T]) -> dict[int, T]:
        """``read(facts)`` of each sentence with figures, worked out once per table and key and shared
        like ``memo`` (NL303 and NL401 both read every sentence's stated changes with the same change
        words): sentence index -> its reading, in sentence order, empty readings left out (a long
        document has tens of thousands of sentences, few of them with a reading)."""
        def read_all() -> dict[int, T]:
            readings = {}
            for si in sorted({f.sentence_index for f in self.facts}):
                reading = read(list(self.in_sentence(si)))
                if reading:
                    readings[si] = reading
            return readings

        return self.memo(("per sentence", key), read_all)

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




def _disjoint(spans) -> list[tuple[int, int]]:
    """Non-empty spans, sorted, overlapping ones merged (nested HTML headings may overlap)."""
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(span for span in spans if span[1] > span[0]):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


class _InSentence(NamedTuple):
    """A mention placed in the prose: its prose offsets and its sentence, split at the mention."""

    q: Quantity
    start: int
    end: int
    sentence_index: int
    sentence: str
    sentence_start: int
    left: str
    right: str


def _in_sentences(prose, quantities: Iterable[Quantity],
                  sentences: list[tuple[int, int]]) -> Iterator[_InSentence]:
    """Each quantity (in document order) in its sentence of ``prose``: the one place a mention's
    context is cut, so the rules and the frame of ``frames_of`` read the same words."""
    text = prose.text
    starts = [s for s, _ in sentences]
    # One string per sentence, shared by its mentions, and one for sentences written alike (a
    # repeated line of boilerplate or of a table).
    sentence_text: dict[int, str] = {}
    same_text: dict[str, str] = {}
    si = -1
    for q in sorted(quantities, key=lambda q: (q.start, q.end)):
        ps = prose.to_prose(q.start)
        pe = prose.to_prose(q.end) if q.end > q.start else ps
        pe = max(pe, ps + len(q.text)) if prose.origin is None else max(pe, ps)
        i = max(0, bisect.bisect_right(starts, ps) - 1) if sentences else 0
        if i != si:   # the mentions of one sentence share its index too
            si = i
        s0, s1 = sentences[si] if sentences else (0, len(text))
        sentence = sentence_text.get(si)
        if sentence is None:
            sentence = text[s0:s1]
            sentence = sentence_text[si] = same_text.setdefault(sentence, sentence)
        yield _InSentence(q, ps, pe, si, sentence, s0, text[s0:ps], text[pe:s1])


def frames_of(prose, quantities: Iterable[Quantity]) -> dict[tuple[int, int], Frame]:
    """(start, end) of each quantity -> its frame, read as ``build_facts`` reads it (for ``numlint
    extract`` and the HTML report, which show the frame without running the rules)."""
    return {(m.q.start, m.q.end): read_frame(m.q, m.sentence, m.left, m.right)
            for m in _in_sentences(prose, quantities, split_sentences(prose.text))}


def build_facts(doc, prose, quantities: Iterable[Quantity]) -> FactTable:
    """Every quantity of a document as a Fact in its sentence, bucketed by metric key."""
    # Imported here: ``numlint rules`` loads the rule kinds, which import this module, and must not
    # pay for the extraction package it never runs.
    from numlint.extract.metric import metric_key, metric_modifiers

    text = prose.text
    sentences = split_sentences(text)
    # Heading spans merged and sorted, so whether a mention is in one is a bisect, not a scan of
    # every heading (20,000 h1 lines made that quadratic).
    headings = _disjoint(getattr(prose, "headings", []) or [])
    heading_starts = [h0 for h0, _ in headings]
    facts: list[Fact] = []
    word_cache: dict[int, frozenset[str]] = {}
    table_cache: dict[int, bool] = {}

    def sentence_words(si: int, sentence: str) -> frozenset[str]:
        if si not in word_cache:
            word_cache[si] = shared(content_words(sentence, shared_words))
        return word_cache[si]

    def sentence_tabular(si: int, sentence: str, in_heading: bool) -> bool:
        if si not in table_cache:
            s0, s1 = sentences[si] if sentences else (0, len(text))
            table_cache[si] = _tabular(sentence) or (not in_heading and _data_row(text, s0, s1))
        return table_cache[si]

    # One object for equal values shared by many mentions: the sets of modifiers, owners and
    # sentence words (mostly empty, or alike; an empty frozenset is 216 bytes, no singleton) and the
    # words in them. _in_sentences shares the sentence texts.
    shared_sets: dict[frozenset[str], frozenset[str]] = {}
    shared_words: dict[str, str] = {}

    def shared(words: frozenset[str]) -> frozenset[str]:
        return shared_sets.setdefault(words, words)

    for q, ps, pe, si, sentence, s0, left, right in _in_sentences(prose, quantities, sentences):
        metric = q.metric
        hi = bisect.bisect_right(heading_starts, ps) - 1
        in_heading = hi >= 0 and ps < headings[hi][1]
        frame = read_frame(q, sentence, left, right)
        facts.append(
            Fact(
                q=q,
                index=len(facts),
                start=ps,
                end=pe,
                sentence_index=si,
                sentence=sentence,
                sentence_start=s0,
                metric=metric,
                key=metric_key(metric),
                modifiers=shared(metric_modifiers(metric)),
                owner=shared(frozenset(frame.owners)),
                time=frame.time,
                per=frame.per,
                source=frame.source,
                in_heading=in_heading,
                line=q.line or (doc.line_col(q.start)[0] if doc is not None else 0),
                base=frame.base,
                words=sentence_words(si, sentence),
                tabular=sentence_tabular(si, sentence, in_heading),
                prose=text,
            )
        )
    by_metric: dict[str, list[Fact]] = {}
    for f in facts:
        if f.key:
            by_metric.setdefault(f.key, []).append(f)
    return FactTable(
        text=text,
        facts=tuple(facts),
        by_metric={k: tuple(v) for k, v in by_metric.items()},
        sentences=tuple(sentences),
        cells=tuple(getattr(prose, "cells", ()) or ()),
    )




def facts_for_text(text: str, quantities: Iterable[Quantity]) -> FactTable:
    """The fact table of a plain-text article and quantities found (or made by hand) in it."""
    from numlint.document import Document
    from numlint.markup import to_prose

    doc = Document("<string>", text, "text")
    return build_facts(doc, to_prose(text, "text"), quantities)

