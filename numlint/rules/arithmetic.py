"""Arithmetic of stated changes and of parts and totals, within one sentence (or two, for parts).

Relation ``change`` (``kind = "arithmetic.change"``): a sentence that gives an old value ("from
400"), a new one ("to 500") and the change between them ("rose 25%", "a rise of 100", "doubled")
must add up, within the precision the writer used. A percentage change of percentages is left to
NL303 (percent vs points). The stated changes themselves are read by ``numlint.changes``.

Relation ``parts``: "of the 10,000 troops, 6,000 ... and 5,000 ...": the parts of a stated total
must not add up to more than the total.

Options and vocabularies are declared in ``KIND`` below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from numlint.changes import Change, change_words_re, stated_changes_by_sentence
from numlint.facts import Fact, FactTable, half_step
from numlint.facts.compare import bound_side
from numlint.lang.inflection import singular
from numlint.model import Hit
from numlint.options import Kind, Option, Relation, Vocabulary

KIND = Kind(
    doc="Arithmetic of stated changes and of parts and totals.",
    relations={
        "change": Relation(
            "a stated change that does not fit the old and new values it links",
            options=(Option("multiplier_tolerance", float, 0.1, "relative slack of \"doubled\", \"halved\"",
                            minimum=0, maximum=1),),
            vocabularies=(
                Vocabulary("multipliers", "a word and the factor it means: \"doubled 2\", \"halved 0.5\""),
                Vocabulary("change_words", "words that introduce a change figure: \"rose\", \"a rise of\""),
            ),
        ),
        "parts": Relation(
            "the parts of a stated total that add up to more than the total",
            vocabularies=(Vocabulary("total_cues", "words before a total whose parts follow: \"of the\", \"out of\""),
                          Vocabulary("people_nouns", "nouns that count people, in a total whose parts are "
                                     "named by what befell them (\"of the 240 people on board\")"),
                          Vocabulary("fate_nouns", "what befell people, naming the parts of a total of people "
                                     "(\"19 bodies\", \"47 injured\"): one person has one fate")),
        ),
    },
)


def _note(f: Fact) -> str:
    return f"{f.q.text.strip()} ({'headline' if f.in_heading else f'line {f.line}'})"


def _num(v: float) -> str:
    return f"{v:,.1f}".rstrip("0").rstrip(".") if abs(v) < 100 else f"{v:,.0f}"


def check(table: FactTable, rule) -> Iterator[Hit]:
    mode = rule.relation
    if mode == "change":
        yield from _changes(table, rule)
    elif mode == "parts":
        yield from _parts(table, rule)
    else:
        raise ValueError(f"arithmetic: unknown mode {mode!r}")


def _related(old: Fact, new: Fact):
    if old is new:
        return ((old.q, _note(old)),)
    return ((old.q, _note(old)), (new.q, _note(new)))


def _changes(table: FactTable, rule) -> Iterator[Hit]:
    multipliers = {}
    for line in rule.vocabularies["multipliers"]:
        word, factor = line.rsplit(None, 1)
        multipliers[word.lower()] = float(factor)
    change_re = change_words_re(rule.vocabularies["change_words"])
    tolerance = rule.options["multiplier_tolerance"]
    for changes in stated_changes_by_sentence(table, change_re).values():
        for ch in changes:
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
        # "more than doubled" sets a floor only
        floor_only = re.search(r"\b(?:more than|over|above)\s+" + re.escape(word) + r"\b", clause)
        if ratio_hi < factor * (1 - tolerance) or (ratio_lo > factor * (1 + tolerance) and not floor_only):
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
    bound = _change_side(old, new, fall=new_v < old_v)
    if bound is None:
        return
    too_high = c.q.value - actual > step and bound <= 0
    too_low = actual - c.q.value > max(step, truncated) and bound >= 0
    if too_high or too_low:
        shown = f"{_num(actual)}%" if c.unit == "percent" else _num(actual)
        if bound:
            shown = ("at least " if bound > 0 else "at most ") + shown
        yield Hit(mention=c.q, related=_related(old, new),
                  values={"stated": c.q.text.strip(), **texts, "actual": shown})


# a bound's written value is the true one's low end (+1: the true value is larger) or high end (-1)
_LARGER = {"low": 1, "high": -1, None: 0}


def _change_side(old: Fact, new: Fact, fall: bool) -> int | None:
    """Where the true change lies against the one computed from the written values: 0 when both are
    values, +1 when it can only be larger, -1 when only smaller, None when a bound on each end
    pulls it opposite ways. "fell 14 pct to 43,521 from more than 50,000": the old value is above
    50,000, so the fall is at least the 13% computed, and 14% fits."""
    # a larger old value makes a fall larger and a rise smaller; a larger new value the reverse
    pulls = {_LARGER[bound_side(old.q)] * (1 if fall else -1),
             _LARGER[bound_side(new.q)] * (-1 if fall else 1)} - {0}
    if len(pulls) > 1:
        return None
    return pulls.pop() if pulls else 0


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
    cues = rule.vocabularies["total_cues"]
    if not cues:
        return
    # the cue opens the sentence or a clause: "Of the 10,000 troops, ...", "..., out of 800 applicants"
    cue_re = re.compile(r"(?:^|[,;:(]\s*|\bthat\s+)(?:" + "|".join(map(re.escape, cues)) + r")\s+$", re.I)
    people = _keys(rule.vocabularies.get("people_nouns", ()))
    fates = _keys(rule.vocabularies.get("fate_nouns", ()))
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
            if f.key and total.key and f.key != total.key and not (f.key in fates and total.key in people):
                continue   # (of the people on board, the bodies, the injured and the missing are parts)
            if f.q.value >= total.q.value or f.q.approx in (">", ">=") or f.from_to:
                continue
            if re.match(r"^\s*(?:[a-z\-]+\s+){0,2}(?:of|out of)\b", f.right) \
                    or re.search(r"\b(?:from|to)\s+$", f.left[-8:]):
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


def _keys(words) -> set[str]:
    """The metric keys a word list names: each word as written and in the singular."""
    return {w.lower() for w in words} | {singular(w.lower()) for w in words}


def _scaled(value: float, like: Fact) -> str:
    """A sum written with the scale word of the total it is compared with: "23 billion", not 23000000000."""
    from numlint.facts import written_scale

    multiplier, _ = written_scale(like.q)
    names = {1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}
    if multiplier in names:
        return f"{_num(value / multiplier)} {names[multiplier]}"
    return _num(value)
