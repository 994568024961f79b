"""Stated changes: the old value, the new value and the change between them that one clause gives.

"rose 25% to 500 from 400", "from 400 to 500, a rise of 25%", "10,000, up from 3,000", "from 5% to
7%". This is facts-level reading (what a sentence says), shared by the kinds that check changes
(``arithmetic``: does the sum add up; ``percent``: percent or points; ``consistency``: a change
explains two values), so no kind imports another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from numlint.facts import Fact
from numlint.lang.lazyre import LazyPattern
from numlint.vocabularies import alternation, get

_FROM = re.compile(r"\bfrom\s+(?:a\s+|an\s+|the\s+)?(?:[\w’'\-]+\s+){0,3}?(?:about\s+|around\s+|some\s+|nearly\s+)?$",
                   re.I)
_TO_BEFORE = LazyPattern(r"\bto\s+$")
_JUST_FROM = LazyPattern(r"\s+from\s+", re.I)
# "up 6% on £5bn", "a 6% rise on last year's £5bn": in British copy "on" after a change names the old value
_ON_AFTER_CHANGE = LazyPattern(
    r"(?:(?:%|\bper\s?cent|\bpct)(?:\s+(?:rise|fall|increase|decrease|drop|gain))?\s+on\s+(?:the\s+|a\s+)?"
    r"|\bon\s+(?:last|the\s+previous)\s+(?:year|quarter|month)['’]s\s+)$", re.I)
_TO = LazyPattern(r"\bto\s+(?:a\s+|an\s+)?(?:record\s+|about\s+|around\s+|some\s+|nearly\s+)?$", re.I)
# The word lists are shared vocabularies (rules/vocabularies/changes.toml); the grammar around them is here.
_COMPARED = re.compile(r"\b(?:" + alternation(get("comparison_markers")) + r")\s+(?:the\s+|a\s+)?$", re.I)
_BREAK = LazyPattern(r";|\b(?:" + alternation(get("clause_breaks")) + r")\b", re.I)
_LINK = LazyPattern(r"\b(?:" + alternation(get("change_links")) + r")\b", re.I)


def change_words_re(words=()) -> re.Pattern:
    """Words that introduce a change figure ("rose 25%", "a rise of 100"), at most 20 characters
    before it; no words: the shared vocabulary ``stated_change_words``."""
    words = tuple(words) or get("stated_change_words")
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b[^,;]{0,20}$", re.I)


_CHANGE_VERB = change_words_re()


def gap(a: Fact, b: Fact) -> str:
    """The sentence text between two mentions of one sentence (a before b)."""
    return a.sentence[len(a.left) + (a.end - a.start):len(b.left)]


@dataclass(frozen=True)
class Change:
    """A stated change in one clause: old and new values and, if given, the change between them."""

    old_value: float
    old: Fact
    new_value: float
    new: Fact
    change: Fact | None


def stated_changes(facts: list[Fact], change_re: re.Pattern | None = None) -> list[Change]:
    """The changes a sentence states, each within one clause: "rose 25% to 500 from 400", "from 400
    to 500, a rise of 25%", "10,000, up from 3,000", "from 5% to 7%" (one range to extraction)."""
    change_re = change_re or _CHANGE_VERB
    out = []
    used: set[int] = set()
    for i, o in enumerate(facts):
        if o.index in used:
            continue
        if o.from_to:
            old_v, new_v = o.from_to
            group = [o]
            new = o
        elif o.q.value is not None and ((_FROM.search(o.left[-40:]) and not _TO_BEFORE.search(o.left[-8:]))
                                        or _COMPARED.search(o.left[-30:]) or _ON_AFTER_CHANGE.search(o.left[-40:])):
            # (not "from the previous year to 130.1 mln": the figure after "to" is the new value)
            def same(f: Fact, o: Fact = o) -> bool:
                return f.unit == o.unit and f.q.value is not None and f.index not in used

            def to_partner(f: Fact | None, o: Fact = o) -> bool:
                # "to 48.80 billion marks from 49.02 billion": the figure right beside a "to", when
                # this one is written with no unit, lends it its own
                return f is not None and f.q.value is not None and f.index not in used and _TO.search(f.left[-30:]) \
                    and (f.unit == o.unit or (not o.unit and o.q.kind == "count" and abs(f.index - o.index) == 1))

            j = next((j for j in range(i - 1, -1, -1) if same(facts[j])), None)
            if j is not None and facts[j].q.change and _JUST_FROM.fullmatch(gap(facts[j], o)):
                # "5%, up 2% from 3%": the figure right before "from" is the change; the new value
                # is the one before it
                j = next((k for k in range(j - 1, -1, -1) if same(facts[k])), j)
            prev = facts[j] if j is not None else None
            nxt = next((f for f in facts[i + 1:] if same(f)), None)
            if not o.unit and i and to_partner(facts[i - 1]):
                prev = facts[i - 1]
            new = None
            if to_partner(prev) and len(gap(prev, o)) <= 60 and not _BREAK.search(gap(prev, o)):
                new = prev
            elif to_partner(nxt) and len(gap(o, nxt)) <= 40 and not _BREAK.search(gap(o, nxt)):
                new = nxt
            elif prev and len(gap(prev, o)) <= 80 and not _BREAK.search(gap(prev, o)) and _LINK.search(gap(prev, o)):
                new = prev
            if new is None:
                continue
            old_v, new_v = o.q.value, new.q.value
            if not o.unit and new.unit and o.scale[0] == 1 and new.scale[0] != 1:
                old_v *= new.scale[0]   # "doubled to 381 mln dlrs from 160": 160 mln, the scale word elided
            group = sorted([o, new], key=lambda f: f.index)
        else:
            continue
        first, last = group[0], group[-1]
        change = None
        before = [f for f in facts if f.index < first.index and f.q.value is not None]
        # a figure of another kind between the values and their change ("from 5.2% to 4.8% in the three
        # months to September, a drop of 0.4%") is part of the clause, not the change
        after = [f for f in facts if f.index > last.index and f.q.value is not None
                 and f.unit in (last.unit, "percent", "percentage_point")]
        # "£5.3bn, up 6% from £5bn": the change written between the new value and the old
        between = [f for f in facts if first.index < f.index < last.index and f.q.value is not None
                   and f.unit in (last.unit, "percent", "percentage_point")]
        if len(between) == 1 and len(group) == 2 and first is new and len(gap(first, between[0])) <= 15 \
                and len(gap(between[0], last)) <= 15 and not _BREAK.search(gap(first, last)) and (
                between[0].q.change or change_re.search(between[0].left[-30:] + " ")):
            change = between[0]   # the new value first, its change and the old right after it
        elif before and len(gap(before[-1], first)) <= 25 and change_re.search(before[-1].left[-30:] + " ") \
                and not _BREAK.search(gap(before[-1], first)):
            change = before[-1]
        elif before and before[-1].q.change and len(gap(before[-1], first)) <= 25 \
                and not _BREAK.search(gap(before[-1], first)):
            change = before[-1]
        elif after and not _BREAK.search(gap(last, after[0])) and (
                (len(gap(last, after[0])) <= 30 and (after[0].q.change or change_re.search(gap(last, after[0]))))
                or (len(gap(last, after[0])) <= 60 and change_re.search(after[0].left[-30:] + " "))) \
                and not re.search(r"\b(?:to|at)\s+$", gap(last, after[0])) \
                and not re.search(r"\bif\b", gap(last, after[0])) \
                and not re.match(r"\s+to\s+(?:a\s+)?[$£€]?\d", after[0].right):
            # "from 400 to 500, a rise of 25%"; not "... if the levy was cut to 70%", nor "... from
            # 9,000, pushing exports up 45.3 pct to 260,000" (a change with a new value of its own)
            change = after[0]
        if change is not None and (change.from_to or _FROM.search(change.left[-40:])):
            change = None
        used.update(f.index for f in group)
        out.append(Change(old_v, o, new_v, new, change))
    return out


def stated_changes_by_sentence(table, change_re: re.Pattern | None = None) -> dict[int, list[Change]]:
    """``stated_changes`` of each sentence of a ``FactTable`` with any, read once per table and
    change words and shared by the rules that ask (NL102, NL303 and NL401): sentence index -> its
    changes, in sentence order."""
    change_re = change_re or _CHANGE_VERB
    return table.per_sentence(("stated changes", change_re.pattern, change_re.flags),
                              lambda facts: stated_changes(facts, change_re))

