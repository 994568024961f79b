"""Which mention of the new version states the fact of which mention of the old one.

A figure is matched by fact, not by line: a moved paragraph, a reworded sentence or an updated
figure still pairs with its earlier self. Two mentions from two versions are scored on

- the evidence of the text that ``numlint.facts.matching`` reads for two mentions of one document
  (metric, content words on each side, the words right before and after, names, per-what, base,
  quotes, kind), turned into a probability by the shipped same-fact model, with the features that
  only mean something inside one document left out (distance, "the later one points back", lists
  and contrasts, how crowded a sentence is: across versions there is no "earlier" and "later");
- how well the two sentences they sit in align once their numbers are masked (the share of
  content words they share): an updated sentence keeps most of its words;
- their rank among the figures of their sentence ("killed 121 people ... destroyed 39 boats" ->
  "124 ... 40"), and whether the figure is written the same way.

Mentions are then paired one to one, best score first, above a threshold; what is left over was
added (new) or removed (old). The functions of ``numlint.facts`` are used as they are: this module
adds the cross-version part only.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from numlint.facts import Fact, FactTable, content_words, matching
from numlint.rules.left_behind import MIN_SCORE

# Evidence that compares two mentions within one document only (see the module docstring).
_WITHIN_DOCUMENT = frozenset({
    "distance", "headline_lead", "definite_later", "contrast_later", "another_later", "subset_either",
    "alternative", "crowded", "diversity", "marker_near", "time_same", "time_differ", "small_counts",
    "distinctive", "headline_body",
})
_NUMBER = re.compile(r"\d[\d,.]*")

# How much each part of the evidence counts (hand-set, checked with bench/diff.py on the 84 pairs
# of real published versions; see docs/diff.md).
TEXT_WEIGHT = 0.4
SENTENCE_WEIGHT = 0.45
RANK_WEIGHT = 0.1
SAME_WRITING_BONUS = 0.1
# Values ten times apart or more, not on the same digits ("$1.62bn" and "3 cents"): seldom an update.
FAR_APART_PENALTY = 0.2
# A pair below MIN_SCORE is two different facts: the old one was removed and the new one added.

# Up to this many mentions in the old version, every compatible pair is scored (a news article has a
# few dozen). Beyond it, each new mention meets only the old mentions of the old sentences most like
# its own, those written with the same digits and those at about the same place: linear work, so a
# long document cannot make the diff quadratic.
FULL_SCAN = 300
TOP_SENTENCES = 4
SAME_DIGITS = 8
NEAREST = 12
COMMON_WORD = 50    # a word in more old sentences than this says nothing about which one aligns


@dataclass(frozen=True)
class Pairing:
    """One old mention and one new mention of one fact (either may be None: added, removed)."""

    old: Fact | None
    new: Fact | None
    score: float = 0.0

    @property
    def change(self) -> str:
        """``changed``, ``unchanged``, ``added`` or ``removed``."""
        if self.old is None:
            return "added"
        if self.new is None:
            return "removed"
        return "unchanged" if same_value(self.old, self.new) else "changed"


def same_value(a: Fact, b: Fact) -> bool:
    """The same amount in the same unit ("124" and "124"; "$2.8bn" and "$2.8 billion"; "11 cents
    per share" and "11 cents": a per-what written once and not the other time is no change)."""
    qa, qb = a.q, b.q
    return (qa.kind == qb.kind and _base_unit(qa.unit) == _base_unit(qb.unit) and qa.value == qb.value
            and qa.low == qb.low and qa.high == qb.high)


def _base_unit(unit: str | None) -> str:
    return (unit or "").split("/")[0].strip()


def _masked_words(sentence: str) -> frozenset[str]:
    return content_words(_NUMBER.sub(" ", sentence))


class _Sentences:
    """Content words of each sentence with its numbers masked, worked out once per sentence."""

    def __init__(self) -> None:
        self._cache: dict[int, frozenset[str]] = {}

    def words(self, f: Fact) -> frozenset[str]:
        key = id(f.sentence), f.sentence_index
        words = self._cache.get(key)
        if words is None:
            words = self._cache[key] = _masked_words(f.sentence)
        return words

    def similarity(self, a: Fact, b: Fact) -> float:
        wa, wb = self.words(a), self.words(b)
        if not wa and not wb:
            return 1.0 if _NUMBER.sub("#", a.sentence).strip() == _NUMBER.sub("#", b.sentence).strip() else 0.0
        return len(wa & wb) / len(wa | wb)


def _rank(f: Fact, table: FactTable) -> tuple[int, int]:
    """(position, count) of the mention among the compatible-kind figures of its sentence."""
    same = [g for g in table.in_sentence(f.sentence_index) if g.q.kind == f.q.kind]
    indexes = [g.index for g in same]
    return indexes.index(f.index) if f.index in indexes else 0, len(same)


def compatible(old: Fact, new: Fact) -> bool:
    """``matching.compatible`` across versions, where an update may turn the direction of a
    change around ("was down 3.05 points" -> "rose 6.39 points"): one fact, updated."""
    if matching.compatible(old, new):
        return True
    if old.q.change and new.q.change and old.q.change != new.q.change:
        turned = dataclasses.replace(new, q=dataclasses.replace(new.q, change=old.q.change))
        return matching.compatible(old, turned)
    return False


def text_evidence(old: Fact, new: Fact, ctx: matching.Context) -> float:
    """The same-fact model's probability on the evidence of the text that holds across versions."""
    features = matching.pair_features(old, new, ctx)
    return matching.load_model().same_fact({k: v for k, v in features.items() if k not in _WITHIN_DOCUMENT})


def candidates(old: FactTable, new: FactTable, sentences: _Sentences | None = None):
    """The (old, new) pairs worth scoring (see ``FULL_SCAN``), each once."""
    if len(old.facts) <= FULL_SCAN:
        for o in old.facts:
            for n in new.facts:
                yield o, n
        return
    sentences = sentences or _Sentences()
    by_sentence: dict[int, list[Fact]] = {}
    by_digits: dict[str, list[Fact]] = {}
    postings: dict[str, list[int]] = {}
    for o in old.facts:
        if o.sentence_index not in by_sentence:
            for word in sentences.words(o):
                postings.setdefault(word, []).append(o.sentence_index)
        by_sentence.setdefault(o.sentence_index, []).append(o)
        digits = matching.written_digits(o)
        if digits:
            by_digits.setdefault(digits, []).append(o)
    best: dict[int, list[int]] = {}
    scale = len(old.facts) / max(len(new.facts), 1)
    for n in new.facts:
        if n.sentence_index not in best:
            overlap: dict[int, int] = {}
            for word in sentences.words(n):
                hits = postings.get(word, ())
                if len(hits) <= COMMON_WORD:
                    for si in hits:
                        overlap[si] = overlap.get(si, 0) + 1
            best[n.sentence_index] = sorted(overlap, key=lambda si: (-overlap[si], si))[:TOP_SENTENCES]
        picks: dict[int, Fact] = {}
        for si in best[n.sentence_index]:
            picks.update((o.index, o) for o in by_sentence[si])
        here = n.index * scale
        same = sorted(by_digits.get(matching.written_digits(n) or "", ()), key=lambda o: abs(o.index - here))
        picks.update((o.index, o) for o in same[:SAME_DIGITS])
        middle = int(here)
        picks.update((o.index, o) for o in old.facts[max(0, middle - NEAREST):middle + NEAREST])
        for index in sorted(picks):
            yield picks[index], n


def pair_versions(old: FactTable, new: FactTable, synonyms=(), min_score: float = MIN_SCORE) -> list[Pairing]:
    """Every mention of both versions in one ``Pairing``: matched pairs (best first, one to one),
    then the removed old mentions and the added new ones, in document order."""
    alias = matching.synonym_keys(synonyms)

    def key_of(f: Fact) -> str | None:
        return alias.get(f.key, f.key) if f.key else None

    ctx = matching.Context(key_of=key_of)
    sentences = _Sentences()
    old_ranks = {f.index: _rank(f, old) for f in old.facts}
    new_ranks = {f.index: _rank(f, new) for f in new.facts}
    scored: list[tuple[float, int, int]] = []
    for o, n in candidates(old, new, sentences):
        if not compatible(o, n):
            continue
        sentence = sentences.similarity(o, n)
        (ro, co), (rn, cn) = old_ranks[o.index], new_ranks[n.index]
        rank = 1.0 if (ro, co) == (rn, cn) else 0.5 if ro == rn or co - ro == cn - rn else 0.0
        score = TEXT_WEIGHT * text_evidence(o, n, ctx) + SENTENCE_WEIGHT * sentence + RANK_WEIGHT * rank
        if o.q.text.strip() == n.q.text.strip():
            score += SAME_WRITING_BONUS
        elif "ratio_huge" in matching.pair_value_features(o, n):
            score -= FAR_APART_PENALTY
        if score >= min_score:
            scored.append((score, o.index, n.index))
    # Best first; on a tie, the pair nearest in document order (a figure restated twice unchanged).
    scored.sort(key=lambda s: (-s[0], abs(s[1] - s[2]), s[1]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: list[Pairing] = []
    for score, oi, ni in scored:
        if oi in used_old or ni in used_new:
            continue
        used_old.add(oi)
        used_new.add(ni)
        pairs.append(Pairing(old.facts[oi], new.facts[ni], score))
    pairs.sort(key=lambda p: p.new.index)
    pairs += [Pairing(f, None) for f in old.facts if f.index not in used_old]
    pairs += [Pairing(None, f) for f in new.facts if f.index not in used_new]
    return pairs
