"""A value restated in another unit next to it ("10 km (6 miles)", "32C (90F)") must convert.

Two mentions are a conversion when the second follows the first in its sentence separated only by
an opening bracket (perhaps after the noun the first describes: "the 150km line (93 miles)"), "or",
"about" or a dash, and their units measure the same dimension. The second value is checked against
the first converted, within the precision both are written with: the conversion's last digit (up to a
whole step below the converted value, for a figure cut rather than rounded, and half a step above)
plus the original's half step, converted ("15 miles (25km)": 24.1 km, give or take 1 and 0.8, is
fine; "42.2km (25.2 miles)": 26.2 miles give or take 0.13 is not), and never less than
``relative_tolerance`` of the value. Two currencies are never
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
        Option("relative_tolerance", float, 0.01, "relative slack of a conversion, at least (beyond the precision "
               "its figures are written with)", minimum=0, maximum=1),
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
    # "the 150km line (93 miles)": up to two lower-case words, the noun the figure describes, may stand
    # before a bracket; not before "or" or a dash, which then join other things ("10km road or 5 lanes")
    opener = r"[\s,]*(?:(?-i:(?:[a-z][a-z-]*\s+){0,2})[(\[]|\bor\b|–|—|-|/)"
    return re.compile(opener + r"\s*" + words + r"\s*$", re.I)


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
        if expected is None:
            continue
        # The conversion's last digit, rounded or cut ("1.35km/h (0.83mph)": 0.839 cut to 0.83), so
        # up to a whole step below the value and half a step above, plus the original's rounding
        # carried into the conversion's unit.
        half_a = half_step(a.q, a.q.value)
        carried = units.convert(a.q.value + half_a, ua, ub)
        carried = abs(carried - expected) if carried is not None else 0.0
        half_b = half_step(b.q, b.q.value)
        floor = max(tolerance * abs(b.q.value), tolerance * abs(expected))
        below, above = max(2 * half_b + carried, floor), max(half_b + carried, floor)
        # "warmed by 4.8F (2.7C)": a difference of temperatures converts without the scales' offset
        zero = units.convert(0.0, ua, ub)
        if any(-above <= target - b.q.value <= below for target in (expected, expected - (zero or 0.0))):
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
