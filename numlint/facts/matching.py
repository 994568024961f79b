"""Which mentions could state the same fact: pair scope and the same-fact score."""

from __future__ import annotations

from typing import Iterable

from numlint.facts.fact import Fact, is_definite, is_subset, small_count
from numlint.facts.metric import VAGUE_HEADS


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




def distinct_values(facts: Iterable[Fact]) -> int:
    """How many different values a bucket holds (to 3 significant digits)."""
    seen = set()
    for f in facts:
        v = f.q.value if f.q.value is not None else f.q.low
        if v is not None:
            seen.add(float(f"{v:.3g}"))
    return len(seen)





