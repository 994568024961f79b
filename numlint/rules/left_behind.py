"""Kind ``left_behind`` (NL104): a figure updated in one place of a story and not in another.

This kind compares two versions of one article, so it has nothing to say about one document:
``check`` yields nothing, and ``numlint diff`` (``numlint.diff``) calls ``left_behind`` with the two
fact tables and the mentions it paired across the versions. A mention of the new version is left
behind when, in the old version, it stated one fact with another mention (the same value, and the
text ties the two together: the same-fact model of ``numlint.facts.matching``), that other mention
now carries a new value, and this one still carries the old value with nothing around it saying
so ("up from 121", "previously").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from numlint.facts import FactTable, matching
from numlint.model import Hit
from numlint.options import Kind, Option, Vocabulary

# How well a mention of the old version and one of the new must match to be one fact's two versions
# (the default of ``min_match``; ``numlint.diff.match`` pairs with it). A pair below this is two
# different facts: the old one was removed and the new one added. Kept here, not in numlint.diff, so
# that loading the rule kinds for a check does not load the diff.
MIN_SCORE = 0.42

KIND = Kind(
    doc="Two versions of one story: a mention still at the old value of a figure updated elsewhere.",
    options=(
        Option("min_same_fact", float, 0.4, "how likely two mentions of the old version must be to state one "
               "fact (the same-fact model, on the evidence of the text) for one to be left behind by the other",
               minimum=0, maximum=1),
        Option("min_match", float, MIN_SCORE, "how well a mention of the old version and one of the new must match "
               "(text, sentence alignment, rank in the sentence) to be one fact's two versions",
               minimum=0, maximum=1),
    ),
    vocabularies=(
        Vocabulary("metric_synonyms", "lines of words meaning one metric: \"troop soldier\""),
        Vocabulary("change_markers", "words that explain a change (the same-fact evidence of the old version "
                   "reads them)", default="@change_markers"),
        Vocabulary("old_value_before", "words right before a figure that give it as the old value on purpose: "
                   "\"up from\", \"previously\""),
        Vocabulary("old_value_after", "words right after a figure that give it as the old value on purpose: "
                   "\"earlier\", \"a day before\""),
    ),
)


def check(table: FactTable, rule) -> Iterator[Hit]:
    """Nothing from one document; see ``left_behind`` and ``numlint.diff``."""
    return iter(())


def _one_fact_in_old(old: FactTable, rule) -> dict[int, set[int]]:
    """Old mention index -> the other old mentions that state the same fact with the same value."""
    found = matching.survey(old, rule.vocabularies["metric_synonyms"], rule.vocabularies["change_markers"],
                            all_evidence=True)
    model = matching.load_model()
    linked: dict[int, set[int]] = {}
    for a, b, comparison, features in found.pairs:
        # one value written twice: not "hundreds" against 450, nor "$2.04bn" inside "$1.62bn to $2.12bn"
        if comparison.verdict != "same" or not _restated(a, b):
            continue
        if model.same_fact(features) >= rule.options["min_same_fact"]:
            linked.setdefault(a.index, set()).add(b.index)
            linked.setdefault(b.index, set()).add(a.index)
    return linked


def _ends_with(left: str, words) -> bool:
    """One of ``words`` ends the text before a mention (a word or two may stand between: "from
    about", "previously put at")."""
    return bool(words) and bool(re.search(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b(?:\s+\S+){0,2}\s*$",
                                          left[-50:], re.I))


def _starts_with(right: str, words) -> bool:
    """One of ``words`` starts the text after a mention (after its noun: "121 people earlier")."""
    return bool(words) and bool(re.match(r"^\W*(?:\S+\s+){0,2}?(?:" + "|".join(map(re.escape, words)) + r")\b",
                                         right[:50], re.I))


def _restated(a, b) -> bool:
    """The same exact value, unit and scale, as a figure (no vague "thousands", no range)."""
    qa, qb = a.q, b.q
    return (qa.value is not None and qa.value == qb.value and (qa.unit or "") == (qb.unit or "")
            and bool(re.search(r"\d", qa.text)) and bool(re.search(r"\d", qb.text)))


def left_behind(old: FactTable, new: FactTable, pairings: Iterable, rule) -> Iterator[Hit]:
    """The left-behind mentions of ``new``. ``pairings`` are ``numlint.diff.match.Pairing`` values
    (``old``, ``new``, ``change``): every mention of both versions, paired by fact."""
    pairings = list(pairings)
    linked = _one_fact_in_old(old, rule)
    by_old = {p.old.index: p for p in pairings if p.old is not None and p.new is not None}
    before, after = rule.vocabularies["old_value_before"], rule.vocabularies["old_value_after"]
    for p in pairings:
        if p.change != "unchanged" or p.old.index not in linked:
            continue
        if _ends_with(p.new.left, before) or _starts_with(p.new.right, after):
            continue  # "124, up from 121", "121 a day earlier": the old value given as the old value
        # an updated mention in the same sentence sets the two values side by side on purpose
        # and a figure put into another currency or unit ("C$5.8bn" -> "$5.7bn") is converted, not updated
        updated = [by_old[i] for i in sorted(linked[p.old.index]) if i in by_old and by_old[i].change == "changed"
                   and by_old[i].new.sentence_index != p.new.sentence_index
                   and by_old[i].old.unit == by_old[i].new.unit]
        if not updated:
            continue
        # the nearest updated mention in the new version is the one to point at
        u = min(updated, key=lambda q: abs(q.new.index - p.new.index))
        where = "the headline" if u.new.in_heading else f"line {u.new.line}"
        yield Hit(
            mention=p.new.q,
            related=((u.new.q, f"updated to {u.new.q.text.strip()} ({where}), {u.old.q.text.strip()} before"),),
            values={"old": p.new.q.text.strip(), "new": u.new.q.text.strip(), "where": where,
                    "metric": (p.new.metric or u.new.metric or "").strip()},
        )
