"""The metric of a mention: the noun phrase that says what a figure counts or measures, and its key."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from numlint.facts.words import _STOP, _VERBISH, _VERBS, _words, singular

if TYPE_CHECKING:
    from numlint.facts.fact import Fact


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
    r"\b(?:[Tt]he|[Ii]ts|their|his|her|a|an)\s+([a-z\-]+\s+)?([a-z\-]{3,})\s+"
    r"(?:(?:is|was|are|were|will be|would be|has been|had been)\s+)?"
    r"(?:to|at|was|is|were|are|stood at|reached|totalled|totaled|hit|of|worth|valued at|cost|costs|costing)\s+"
    r"(?:about |around |some |nearly |almost |more than |over |just |only )?$"
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




# Heads that say what is counted but not which measure: "people", "times".
VAGUE_HEADS = {"people", "person", "times", "thing", "way", "case", "one"}
# A currency as the head ("85 mln marks", "300 billion lire") names the unit, not what the money is:
# loans, turnover and tax cuts of one article all land in one bucket.
VAGUE_HEADS |= {"mark", "franc", "guilder", "lire", "lira", "crown", "krona", "kronor", "rupee", "peso",
                "dinar", "riyal", "rand", "shekel", "yuan", "won", "dollar", "pound", "euro", "yen",
                "sterling", "rouble", "ruble", "peseta", "schilling", "drachma", "escudo"}



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
    return dataclasses.replace(f, metric=donor.metric, key=donor.key, modifiers=donor.modifiers,
                               owner=f.owner or donor.owner)

