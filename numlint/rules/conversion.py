"""A value restated in another unit next to it ("10 km (6 miles)", "32C (90F)") must convert.

Two mentions are a conversion when the second follows the first in its sentence separated only by
an opening bracket, "or", "about" or a dash, and their units measure the same dimension. The second
value is checked against the first converted with pint, within the writer's rounding: the larger of
the half step of the digits given and ``relative_tolerance`` of the value. Two currencies are never
a conversion finding (no exchange rates here): "9 billion yuan (US$1.3 billion)" is fine.
Options and the ``hedges`` vocabulary are declared in ``KIND`` below.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from numlint import units
from numlint.facts import Fact, FactTable, half_step
from numlint.lang import inflection
from numlint.model import Hit
from numlint.options import Kind, Option, Vocabulary
from numlint.vocabularies import alternation

KIND = Kind(
    doc="A value restated in another unit beside it must convert.",
    options=(
        Option("relative_tolerance", float, 0.05, "relative slack of a conversion (at least the last digit given)",
               minimum=0, maximum=1),
        Option("max_gap", int, 16, "characters between a value and its conversion, at most", minimum=0, maximum=200),
    ),
    vocabularies=(
        Vocabulary("hedges", "words that may open a conversion after the bracket, \"or\" or dash: \"about\""),
    ),
)


@functools.lru_cache(maxsize=8)
def _join_re(hedges: tuple[str, ...]) -> re.Pattern:
    """What may stand between a value and its conversion: a bracket, "or", a dash or a slash, then
    perhaps a hedge ("10 km (about 6 miles)")."""
    words = f"(?:{alternation(hedges)})?" if hedges else ""
    return re.compile(r"[\s,]*(?:[(\[]|\bor\b|–|—|-|/)\s*" + words + r"\s*$", re.I)


def _between(first: Fact, second: Fact) -> str:
    return second.sentence[len(first.left) + (first.end - first.start):len(second.left)]


def _fmt(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:,.1f}".rstrip("0").rstrip(".")


_POWERS = {"2": "square", "3": "cubic"}


def _unit_name(unit: str, many: bool = True) -> str:
    """A pint unit as a reader writes it after a number: "mile" -> "miles" (or "mile" after 1),
    "kilometer / hour" -> "kilometers per hour", "foot ** 2" -> "square feet", "degree_Celsius" -> "°Celsius"."""
    if unit.startswith("degree_"):
        return "°" + unit[len("degree_"):]
    head, rest = unit, None
    per = re.search(r" / |_per_", unit)
    if per:
        head, rest = unit[:per.start()], unit[per.end():]
    power = re.fullmatch(r"(\w+) \*\* ([23])", head)
    if power:
        head = f"{_POWERS[power.group(2)]} {power.group(1)}"
    words = head.replace("_", " ").split(" ")
    if many:
        words[-1] = inflection.plural(words[-1])
    return " ".join(words) + (" per " + rest.replace("_", " ") if rest else "")


def check(table: FactTable, rule) -> Iterator[Hit]:
    tolerance = rule.options["relative_tolerance"]
    max_gap = rule.options["max_gap"]
    join = _join_re(rule.vocabularies["hedges"])
    facts = table.facts
    for a, b in itertools.pairwise(facts):
        if a.sentence_index != b.sentence_index or a.q.value is None or b.q.value is None:
            continue
        between = _between(a, b)
        if len(between) > max_gap or not join.fullmatch(between):
            continue
        ua, ub = a.unit, b.unit
        if not ua or not ub or ua == ub or units.is_currency(ua) or units.is_currency(ub):
            continue
        if ua in ("percent", "percentage_point", "basis_point") or not units.same_dimension(ua, ub):
            continue
        expected = units.convert(a.q.value, ua, ub)
        back = units.convert(b.q.value, ub, ua)
        if expected is None or back is None:
            continue
        slack_b = max(half_step(b.q, b.q.value), tolerance * abs(b.q.value), tolerance * abs(expected))
        slack_a = max(half_step(a.q, a.q.value), tolerance * abs(a.q.value), tolerance * abs(back))
        if abs(expected - b.q.value) <= slack_b or abs(back - a.q.value) <= slack_a:
            continue
        yield Hit(
            mention=b.q,
            related=((a.q, f"{a.q.text.strip()} (line {a.line})"),),
            values={
                "value": b.q.text.strip(),
                "other": a.q.text.strip(),
                "expected": f"{_fmt(expected)} {_unit_name(ub, many=_fmt(expected) != '1')}",
            },
        )
