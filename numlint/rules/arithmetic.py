"""Arithmetic of stated changes and of parts and totals, within one sentence (or two, for parts).

``mode = "change"``: a sentence that gives an old value ("from 400"), a new one ("to 500") and the
change between them ("rose 25%", "a rise of 100", "doubled") must add up, within the precision
the writer used. A percentage change of percentages is left to NL303 (percent vs points).
Vocabularies: ``multipliers`` ("doubled 2", "halved 0.5"), ``change_nouns`` ("rise", "increase").

``mode = "parts"``: "of the 10,000 troops, 6,000 ... and 5,000 ..." : the parts of a stated total
must not add up to more than the total. Vocabulary ``total_cues`` ("of the", "out of", "a total of").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from numlint.facts import Fact, FactTable, half_step
from numlint.model import Hit

_FROM = re.compile(r"\bfrom\s+(?:a\s+|an\s+|the\s+)?(?:[\w’'\-]+\s+){0,3}?(?:about\s+|around\s+|some\s+|nearly\s+)?$", re.I)
_TO = re.compile(r"\bto\s+(?:a\s+|an\s+)?(?:record\s+|about\s+|around\s+|some\s+|nearly\s+)?$", re.I)


def _note(f: Fact) -> str:
    return f"{f.q.text.strip()} ({'headline' if f.in_heading else f'line {f.line}'})"


def _num(v: float) -> str:
    return f"{v:,.1f}".rstrip("0").rstrip(".") if abs(v) < 100 else f"{v:,.0f}"


def check(table: FactTable, rule) -> Iterator[Hit]:
    mode = rule.options.get("mode", "change")
    if mode == "change":
        yield from _changes(table, rule)
    elif mode == "parts":
        yield from _parts(table, rule)
    else:
        raise ValueError(f"arithmetic: unknown mode {mode!r}")


def _convertible(a: Fact, b: Fact) -> bool:
    return a.unit == b.unit and a.q.value is not None and b.q.value is not None


_COMPARED = re.compile(r"\b(?:compared (?:with|to)|against|versus|up from|down from)\s+(?:the\s+|a\s+)?$", re.I)
_BREAK = re.compile(r";|\bbut\b|\bwhile\b|\balthough\b|\bwhereas\b|\band\b|\bafter\b", re.I)
_CHANGE_WORDS = (
    "rose", "fell", "grew", "jumped", "climbed", "dropped", "slipped", "declined", "increased", "decreased",
    "gained", "lost", "slumped", "soared", "surged", "plunged", "sank", "edged", "up", "down", "rise", "fall",
    "rising", "falling", "climbing", "cut", "raised", "lowered", "added", "increase", "decrease", "gain",
    "drop", "decline", "jump", "growth", "reduction",
)


def change_words_re(words=()) -> re.Pattern:
    """Words that introduce a change figure ("rose 25%", "a rise of 100"), at most 20 characters before it."""
    words = tuple(words) or _CHANGE_WORDS
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
        elif o.q.value is not None and (_FROM.search(o.left[-40:]) or _COMPARED.search(o.left[-30:])):
            same = lambda f: f.unit == o.unit and f.q.value is not None and f.index not in used
            prev = next((f for f in reversed(facts[:i]) if same(f)), None)
            nxt = next((f for f in facts[i + 1:] if same(f)), None)
            new = None
            if prev and _TO.search(prev.left[-30:]) and len(gap(prev, o)) <= 60 and not _BREAK.search(gap(prev, o)):
                new = prev
            elif nxt and _TO.search(nxt.left[-30:]) and len(gap(o, nxt)) <= 40 and not _BREAK.search(gap(o, nxt)):
                new = nxt
            elif prev and len(gap(prev, o)) <= 80 and not _BREAK.search(gap(prev, o)) and re.search(
                    r"\b(?:up|down|rising|falling|rose|fell|compared (?:with|to)|against|versus)\b", gap(prev, o), re.I):
                new = prev
            if new is None:
                continue
            old_v, new_v = o.q.value, new.q.value
            group = sorted([o, new], key=lambda f: f.index)
        else:
            continue
        first, last = group[0], group[-1]
        change = None
        before = [f for f in facts if f.index < first.index and f.q.value is not None]
        after = [f for f in facts if f.index > last.index and f.q.value is not None]
        if before and len(gap(before[-1], first)) <= 25 and change_re.search(before[-1].left[-30:] + " ") \
                and not _BREAK.search(gap(before[-1], first)):
            change = before[-1]
        elif before and before[-1].q.change and len(gap(before[-1], first)) <= 25 and not _BREAK.search(gap(before[-1], first)):
            change = before[-1]
        elif after and len(gap(last, after[0])) <= 30 and not _BREAK.search(gap(last, after[0])) and (
                after[0].q.change or change_re.search(gap(last, after[0]))) \
                and not re.search(r"\b(?:to|at)\s+$", gap(last, after[0])) and not re.search(r"\bif\b", gap(last, after[0])):
            change = after[0]  # "from 400 to 500, a rise of 25%" (not "... if the levy was cut to 70%")
        if change is not None and (change.from_to or _FROM.search(change.left[-40:])):
            change = None
        used.update(f.index for f in group)
        out.append(Change(old_v, o, new_v, new, change))
    return out


def old_and_new(facts: list[Fact]):
    """The first stated change of a sentence as (old, its fact, new, its fact), or None."""
    changes = stated_changes(facts)
    if not changes:
        return None
    c = changes[0]
    return c.old_value, c.old, c.new_value, c.new


def _related(old: Fact, new: Fact):
    if old is new:
        return ((old.q, _note(old)),)
    return ((old.q, _note(old)), (new.q, _note(new)))


def _changes(table: FactTable, rule) -> Iterator[Hit]:
    multipliers = {}
    for line in rule.vocabularies.get("multipliers", ()):
        word, factor = line.rsplit(None, 1)
        multipliers[word.lower()] = float(factor)
    change_re = change_words_re(rule.vocabularies.get("change_words", ()))
    tolerance = float(rule.options.get("multiplier_tolerance", 0.1))
    for si in sorted({f.sentence_index for f in table.facts}):
        facts = list(table.in_sentence(si))
        for ch in stated_changes(facts, change_re):
            yield from _check_change(ch, multipliers, tolerance)


def _check_change(ch: Change, multipliers: dict[str, float], tolerance: float) -> Iterator[Hit]:
    old_v, old, new_v, new, c = ch.old_value, ch.old, ch.new_value, ch.new, ch.change
    if not old_v:
        return
    h_old, h_new = half_step(old.q, old_v), half_step(new.q, new_v)
    texts = {"old": _text_of(old, old_v, first=True), "new": _text_of(new, new_v, first=False)}
    first = old if old.index <= new.index else new
    clause = first.left[-40:].lower()
    for word, factor in multipliers.items():
        if not re.search(r"\b" + re.escape(word) + r"\b", clause):
            continue
        lo, hi = old_v - h_old, old_v + h_old
        ratio_lo = (new_v - h_new) / hi if hi else 0.0
        ratio_hi = (new_v + h_new) / lo if lo > 0 else float("inf")
        if ratio_hi < factor * (1 - tolerance) or ratio_lo > factor * (1 + tolerance):
            yield Hit(mention=new.q, related=() if old is new else ((old.q, _note(old)),),
                      values={"stated": word, **texts, "actual": f"multiplied by {new_v / old_v:.2g}"})
        return
    if c is None or c.q.value is None or c.q.approx not in ("=", "~"):
        return
    if c.unit == "percent" and old.unit != "percent":
        actual = abs(new_v - old_v) / abs(old_v) * 100
        step = max(half_step(c.q, c.q.value), 100 * (h_old + h_new) / abs(old_v), 0.5)
    elif c.unit == old.unit and old.unit != "percent":
        actual = abs(new_v - old_v)
        step = max(half_step(c.q, c.q.value), h_old + h_new)
    else:
        return  # a percentage change of percentages: NL303's business
    if c.q.approx == "~":
        step = max(step, 0.1 * c.q.value)
    # Wire copy often cuts a figure instead of rounding it ("44.6%" written as "44%"): a stated value up
    # to one last digit below the computed one is a truncation, not an error. Above, it is.
    truncated = 2 * half_step(c.q, c.q.value)
    if c.q.value - actual > step or actual - c.q.value > max(step, truncated):
        shown = f"{_num(actual)}%" if c.unit == "percent" else _num(actual)
        yield Hit(mention=c.q, related=_related(old, new),
                  values={"stated": c.q.text.strip(), **texts, "actual": shown})


def _text_of(f: Fact, value: float, first: bool) -> str:
    """The text of one value: the mention, or its half of a "from A to B" range."""
    if f.from_to:
        left, _, right = f.q.text.partition(" to ")
        return (left if first else right).strip()
    return f.q.text.strip()


def _clause_end(left: str, window: int = 80) -> str:
    """The end of the text before a mention, bounded so an end-anchored search stays cheap; a cut
    window starts with a NUL so that '^' cannot pretend the cut is the start of the sentence."""
    left = left.lstrip()
    return left if len(left) <= window else "\x00" + left[-window:]


def _parts(table: FactTable, rule) -> Iterator[Hit]:
    """"Of the 10,000 troops, 6,000 ... and 5,000 ...": parts named in the total's own sentence."""
    cues = tuple(rule.vocabularies.get("total_cues", ()))
    if not cues:
        return
    # the cue opens the sentence or a clause: "Of the 10,000 troops, ...", "..., out of 800 applicants"
    cue_re = re.compile(r"(?:^|[,;:(]\s*|\bthat\s+)(?:" + "|".join(map(re.escape, cues)) + r")\s+$", re.I)
    facts = table.facts
    for i, total in enumerate(facts):
        if total.q.value is None or total.q.approx not in ("=", "~") or not cue_re.search(_clause_end(total.left)):
            continue
        parts = []
        for f in facts[i + 1:i + 10]:
            if f.sentence_index != total.sentence_index:
                break
            if f.unit != total.unit or f.q.value is None or f.q.kind != total.q.kind or f.q.change:
                continue
            if f.key and total.key and f.key != total.key:
                continue
            if f.q.value >= total.q.value or f.q.approx in (">", ">=") or f.from_to:
                continue
            if re.match(r"^\s*(?:[a-z\-]+\s+){0,2}(?:of|out of)\b", f.right) or re.search(r"\b(?:from|to)\s+$", f.left[-8:]):
                continue  # "8,584 billion of the 11,500 billion": a part of another whole; "from 400": an old value
            parts.append(f)
        if len(parts) < 2:
            continue
        whole = sum(p.q.value for p in parts)
        slack = sum(half_step(p.q, p.q.value) for p in parts) + half_step(total.q, total.q.value)
        if whole > total.q.value + slack:
            yield Hit(
                mention=parts[-1].q,
                related=tuple((f.q, _note(f)) for f in [total] + parts[:-1]),
                values={"total": total.q.text.strip(), "parts": " + ".join(p.q.text.strip() for p in parts),
                        "sum": _scaled(whole, total)},
            )


def _scaled(value: float, like: Fact) -> str:
    """A sum written with the scale word of the total it is compared with: "23 billion", not 23000000000."""
    from numlint.facts import written_scale

    multiplier, _ = written_scale(like.q)
    names = {1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}
    if multiplier in names:
        return f"{_num(value / multiplier)} {names[multiplier]}"
    return _num(value)
