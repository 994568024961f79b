"""How the values of two mentions relate, within the precision each was written with."""

from __future__ import annotations

import math
from dataclasses import dataclass

from numlint import units  # cheap: pint itself is imported on the first conversion
from numlint.facts.fact import Fact
from numlint.facts.precision import interval
from numlint.model import Quantity


@dataclass(frozen=True)
class Comparison:
    """How two mentions of one metric relate: same, drift, conflict, scale, currency, unit, or None."""

    verdict: str | None
    ratio: float = 1.0          # larger / smaller, in a common unit
    converted: float | None = None  # b's value in a's unit, when converted




def same_scope(a: Fact, b: Fact) -> bool:
    """Whether two mentions could measure the same thing: kinds, per-what and modifiers agree."""
    if a.sentence_index == b.sentence_index and a.q.start == b.q.start:
        return False
    if (a.per or "") != (b.per or ""):
        return False
    if a.q.kind != b.q.kind and not {a.q.kind, b.q.kind} <= {"money", "count", "measure"}:
        return False
    if a.modifiers and b.modifiers and not (a.modifiers & b.modifiers):
        return False
    if a.base and b.base and a.base != b.base:
        return False
    return True


def compare(a: Fact, b: Fact, approx_tolerance: float = 0.1, scale_ratios=(1e3, 1e6, 1e9)) -> Comparison:
    """Relate two mentions of one metric within the precision each was written with."""
    ua, ub = a.unit, b.unit
    if ("/" in ua) != ("/" in ub):
        # "$100" and "$163 per barrel": the per-what is read on one mention only (the facts stage
        # weighs that); the amounts compare in the currency or unit written.
        ua, ub = ua.split("/")[0].strip(), ub.split("/")[0].strip()
    if ua == ub and a.q.value is not None and a.q.value == b.q.value:
        # The commonest pair in long copy, a figure restated: two points of one value in one unit
        # agree however each is qualified (every interval below contains the value itself).
        return Comparison("same", converted=b.q.value)
    if ua != ub:
        if units.is_currency(ua) and units.is_currency(ub):
            if units.major_currency(ua.split("/")[0].strip()) != units.major_currency(ub.split("/")[0].strip()):
                return Comparison("currency")
        if not ua or not ub:
            return Comparison(None)  # a bare count and a unit: not comparable
        if not units.same_dimension(ua, ub):
            return Comparison(None)
    if ua == ub and _same_digits(a, b):
        # "£5m" and "£5bn", "more than 1.5 million" and "1.5 billion": a slipped scale word, whatever
        # the qualifiers say (an open interval would swallow the slip).
        ratio = max(a.q.value, b.q.value) / max(min(a.q.value, b.q.value), 1e-12)
        for r in scale_ratios:
            if math.isclose(ratio, r, rel_tol=1e-6):
                return Comparison("scale", ratio=r, converted=b.q.value)
    ia = a.span(approx_tolerance)
    ib = b.span(approx_tolerance)
    if bound_side(a.q) and bound_side(a.q) == bound_side(b.q):
        # "up to 50,000" and "up to 33,904": two bounds of one kind are compared as the numbers written
        ia = _point(a.q, approx_tolerance)
        ib = _point(b.q, approx_tolerance)
    if ua != ub:
        lo = units.convert(ib[0], ub, ua) if math.isfinite(ib[0]) else ib[0]
        hi = units.convert(ib[1], ub, ua) if math.isfinite(ib[1]) else ib[1]
        if lo is None or hi is None:
            return Comparison(None)
        ib = (min(lo, hi), max(lo, hi))
    va = a.q.value if a.q.value is not None else None
    vb = b.q.value if b.q.value is not None else None
    converted = units.convert(vb, ub, ua) if (vb is not None and ua != ub) else vb
    if ia[0] <= ib[1] and ib[0] <= ia[1]:
        if ua != ub and not (units.is_currency(ua) or units.is_currency(ub)):
            # Same quantity in two units that convert: a conversion, or a unit mismatch for NL2.
            return Comparison("unit", converted=converted)
        if va is not None and converted is not None and not math.isclose(va, converted, rel_tol=1e-9, abs_tol=1e-12):
            if a.q.approx != "=" or b.q.approx != "=":
                return Comparison("same", converted=converted)
            ha, hb = a.half, b.half
            if math.isclose(ha, hb):
                # Same precision, different digits: not two roundings of one figure.
                return Comparison("conflict", ratio=max(va, converted) / max(min(va, converted), 1e-12),
                                  converted=converted)
            return Comparison("drift", converted=converted)
        return Comparison("same", converted=converted)
    ca = _centre(ia)
    cb = _centre(ib)
    if ca <= 0 or cb <= 0:
        return Comparison("conflict", converted=converted)
    ratio = max(ca, cb) / min(ca, cb)
    # Two units that do not agree once converted ("400 km" and "100 miles") are two values of one
    # quantity: a conflict like any other (a slipped unit on the same digits is told apart by the
    # facts stage, from how the figures are written).
    return Comparison("conflict", ratio=ratio, converted=converted)


_BOUND_SIDES = {">": "low", ">=": "low", "<": "high", "<=": "high"}


def bound_side(q: Quantity) -> str | None:
    """Which end of the true value a bound writes: "low" for "more than 50,000" (the value is at
    least that), "high" for "up to 50,000", None for a value or an approximation."""
    return _BOUND_SIDES.get(q.approx)


def _point(q: Quantity, approx_tolerance: float) -> tuple[float, float]:
    return interval(Quantity(text=q.text, start=q.start, end=q.end, value=q.value, multiplier=q.multiplier,
                             decimals=q.decimals), approx_tolerance)


def _centre(iv: tuple[float, float]) -> float:
    lo, hi = iv
    if math.isinf(hi):
        return lo
    if math.isinf(lo):
        return hi
    return (lo + hi) / 2


def _same_digits(a: Fact, b: Fact) -> bool:
    """"£5m" and "£5bn": the same digits under two scale words (what a slipped scale word looks like)."""
    ma, mb = a.scale[0], b.scale[0]
    if ma == mb or a.q.value is None or b.q.value is None:
        return False
    return math.isclose(a.q.value / ma, b.q.value / mb, rel_tol=1e-6)


# ---------------------------------------------------------------------------------------------
# Building the table

