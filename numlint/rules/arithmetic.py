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


def old_and_new(facts: list[Fact]) -> tuple[float, Fact, float, Fact] | None:
    """The old and new values a sentence links: "from 400 to 500" (one range or two mentions),
    "to 500 from 400", "10,000, up from 3,000". Returns (old, its fact, new, its fact)."""
    for f in facts:
        pair = f.from_to
        if pair:
            return pair[0], f, pair[1], f
    points = [f for f in facts if f.q.value is not None]
    old = next((f for f in points if _FROM.search(f.left[-40:])), None)
    if old is None:
        return None
    new = next((f for f in points if f is not old and _TO.search(f.left[-30:]) and _convertible(f, old)), None)
    if new is None:
        # "10,000 troops, up from 3,000": the new value is the one just before "up from".
        before = [f for f in points if f.index < old.index and _convertible(f, old)]
        if before and re.search(r"\b(?:up|down|rising|falling|rose|fell|compared with)\b", old.left[-40:], re.I):
            new = before[-1]
    if new is None:
        return None
    return old.q.value, old, new.q.value, new


def _related(old: Fact, new: Fact):
    if old is new:
        return ((old.q, _note(old)),)
    return ((old.q, _note(old)), (new.q, _note(new)))


def _changes(table: FactTable, rule) -> Iterator[Hit]:
    multipliers = {}
    for line in rule.vocabularies.get("multipliers", ()):
        word, factor = line.rsplit(None, 1)
        multipliers[word.lower()] = float(factor)
    nouns = tuple(rule.vocabularies.get("change_nouns", ()))
    noun_re = re.compile(r"\b(?:a|an|the)\s+(?:\w+\s+)?(?:" + "|".join(map(re.escape, nouns)) + r")\s+of\s+(?:about\s+|some\s+|nearly\s+)?$", re.I) if nouns else None
    verb_re = re.compile(r"\b(?:rose|fell|grew|jumped|climbed|dropped|slipped|declined|increased|decreased|"
                         r"gained|lost|slumped|soared|surged|plunged|sank|up|down|rise|fall|rising|falling|"
                         r"climbing|cut|raised|lowered|added)\s+(?:by\s+)?(?:about\s+|some\s+|nearly\s+)?$", re.I)
    tolerance = float(rule.options.get("multiplier_tolerance", 0.1))
    for si in sorted({f.sentence_index for f in table.facts}):
        facts = list(table.in_sentence(si))
        found = old_and_new(facts)
        if found is None:
            continue
        old_v, old, new_v, new = found
        if not old_v:
            continue
        h_old, h_new = half_step(old.q, old_v), half_step(new.q, new_v)
        texts = {"old": _text_of(old, old_v, first=True), "new": _text_of(new, new_v, first=False)}
        sentence_low = old.sentence.lower()
        for word, factor in multipliers.items():
            if not re.search(r"\b" + re.escape(word) + r"\b", sentence_low):
                continue
            lo, hi = old_v - h_old, old_v + h_old
            ratio_lo = (new_v - h_new) / hi if hi else 0.0
            ratio_hi = (new_v + h_new) / lo if lo > 0 else float("inf")
            if ratio_hi < factor * (1 - tolerance) or ratio_lo > factor * (1 + tolerance):
                yield Hit(mention=new.q, related=() if old is new else ((old.q, _note(old)),),
                          values={"stated": word, **texts, "actual": f"multiplied by {new_v / old_v:.2g}"})
            break
        for c in facts:
            if c is old or c is new or c.q.value is None:
                continue
            is_change = c.q.change is not None or (noun_re and noun_re.search(c.left[-40:])) or verb_re.search(c.left[-30:])
            if not is_change or c.q.approx not in ("=", "~"):
                continue
            if c.unit == "percent" and old.unit != "percent":
                actual = abs(new_v - old_v) / abs(old_v) * 100
                step = max(half_step(c.q, c.q.value), 100 * (h_old + h_new) / abs(old_v), 0.5)
            elif c.unit == old.unit and old.unit != "percent":
                actual = abs(new_v - old_v)
                step = max(half_step(c.q, c.q.value), h_old + h_new)
            else:
                break  # a percentage change of percentages: NL303's business
            if c.q.approx == "~":
                step = max(step, 0.1 * c.q.value)
            if abs(c.q.value - actual) > step:
                shown = f"{_num(actual)}%" if c.unit == "percent" else _num(actual)
                yield Hit(mention=c.q, related=_related(old, new),
                          values={"stated": c.q.text.strip(), **texts, "actual": shown})
            break


def _text_of(f: Fact, value: float, first: bool) -> str:
    """The text of one value: the mention, or its half of a "from A to B" range."""
    if f.from_to:
        left, _, right = f.q.text.partition(" to ")
        return (left if first else right).strip()
    return f.q.text.strip()


def _parts(table: FactTable, rule) -> Iterator[Hit]:
    cues = tuple(rule.vocabularies.get("total_cues", ()))
    if not cues:
        return
    cue_re = re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + r")\s+$", re.I)
    facts = table.facts
    for i, total in enumerate(facts):
        if total.q.value is None or total.q.approx not in ("=", "~") or not cue_re.search(total.left[-20:]):
            continue
        parts = []
        for f in facts[i + 1:i + 10]:
            if f.sentence_index - total.sentence_index > 1:
                break
            if f.unit != total.unit or f.q.value is None or f.q.kind != total.q.kind or f.q.change:
                continue
            if f.key and total.key and f.key != total.key:
                continue
            if f.q.value >= total.q.value or f.q.approx in (">", ">="):
                continue
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
                        "sum": _num(whole)},
            )
