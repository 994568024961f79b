"""The one pint registry of numlint, with news units, currencies and conversion helpers.

The registry is built lazily (``registry()``): importing this module costs nothing, and building
the registry costs ~0.4 s (pint import + definitions), paid only by the first caller that needs a
conversion. Extraction never needs it: ``numlint.extract`` writes unit *names* from its own lexicon,
and the names it writes are all valid expressions in this registry (tested in tests/test_units.py).

Conventions (what ``Quantity.unit`` holds):

* physical units: pint expressions in pint's spelling ("kilometer", "mile / hour", "degree_Celsius",
  "oil_barrel / day", "year");
* ``"percent"``, ``"percentage_point"``, ``"basis_point"``: three different units. A percentage and a
  percentage point are NOT convertible into each other (one is a share, the other a difference of
  shares); a basis point is 1/100 of a percentage point and converts to it;
* money: ISO 4217 codes ("USD", "GBP", "EUR", "JPY", "CNY", ...). Each currency is its own pint
  dimension: ``convert`` never converts across currencies (no exchange rates here);
* minor currency units keep the number as written: "19 pence" is value 19 unit "GBX" (the de-facto
  code the London Stock Exchange uses for pence), "12 cents" is value 12 unit "USX" (US cents; also
  used for "cts" in wire copy), "50 euro cents" is "EUX". ``convert(19, "GBX", "GBP") == 0.19``.
  Why not value 0.19 unit GBP: the value then differs from the digits the writer typed (precision
  and decimals checks compare what was written) and float noise creeps in (0.19000000000000003);
* ``""`` is a bare count (dimensionless).
"""

from __future__ import annotations

import json
import re
import threading
from functools import lru_cache

# ISO 4217 codes numlint emits, with their minor units (code, factor to the major unit).
CURRENCIES: tuple[str, ...] = (
    "USD", "GBP", "EUR", "JPY", "CNY", "AUD", "CAD", "HKD", "NZD", "SGD", "CHF", "INR", "KRW", "RUB",
    "BRL", "MXN", "ZAR", "ILS", "MYR", "SEK", "NOK", "DKK", "TRY", "IDR", "PHP", "THB", "TWD", "NGN",
    "PKR", "EGP", "SAR", "AED", "PLN", "JMD",
    # replaced by the euro, but in archives and old wire copy (see lexicon.CURRENCY_WORDS)
    "ITL", "NLG", "FRF", "BEF", "DEM", "ESP", "GRD", "PTE", "ATS", "IEP",
)
MINOR_UNITS: dict[str, tuple[str, float]] = {
    "GBX": ("GBP", 0.01),  # pence
    "USX": ("USD", 0.01),  # US cents
    "EUX": ("EUR", 0.01),  # euro cents
}

# Units that are not physical but that news copy counts per: "$5 a share", "12 cts a share".
_COUNT_DENOMINATORS = ("share", "person", "head", "capita")

_lock = threading.Lock()
_registry = None


def _definitions() -> list[str]:
    defs = [
        # Percent is built in (0.01). Percentage points and basis points: a separate dimension, so a
        # percent can never be silently converted into a percentage point.
        "percentage_point = [percentage_point]",
        "basis_point = 0.01 * percentage_point",
        "ppb = 1e-9 = parts_per_billion",
    ]
    for code in CURRENCIES:
        defs.append(f"{code} = [currency_{code}]")
    for code, (major, factor) in MINOR_UNITS.items():
        defs.append(f"{code} = {factor} * {major}")
    for name in _COUNT_DENOMINATORS:
        defs.append(f"{name} = [{name}]")
    return defs


def registry():
    """The shared pint UnitRegistry, built on first use (thread-safe)."""
    global _registry
    if _registry is None:
        with _lock:
            if _registry is None:
                import pint

                ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
                for line in _definitions():
                    ureg.define(line)
                _registry = ureg
    return _registry


def is_currency(unit: str | None) -> bool:
    """True for an ISO 4217 code numlint emits (or a minor unit such as GBX), also "USD / oil_barrel"."""
    if not unit:
        return False
    head = unit.split("/")[0].strip()
    return head in CURRENCIES or head in MINOR_UNITS


# Units of time: durations of different things ("spent 343 days", "a 30-minute drive") share a unit far
# more often than one duration is stated twice, so the facts stage weighs them apart.
DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})


def is_duration(unit: str | None) -> bool:
    """True for a unit of time ("day", "year"), as numlint emits them."""
    return bool(unit) and unit in DURATIONS


def major_currency(unit: str) -> str:
    """"GBX" -> "GBP"; any other code is returned unchanged."""
    return MINOR_UNITS.get(unit, (unit, 1.0))[0]


@lru_cache(maxsize=4096)
def _parse(unit: str):
    """pint Unit for an expression, or None. "" is dimensionless."""
    try:
        return registry().parse_units(unit or "dimensionless")
    except Exception:  # pint raises several error types; an unknown unit is simply "not comparable"
        return None


@lru_cache(maxsize=1)
def _unit_table() -> dict:
    from importlib import resources

    return json.loads(resources.files("numlint").joinpath("unit_dimensions.json").read_text(encoding="utf-8"))


def dimension_table() -> dict[str, str]:
    """The pint dimensionality of every unit name the news lexicon emits (``unit_dimensions.json``,
    generated from pint and checked against it by the tests)."""
    return _unit_table()["dimensions"]


def scale_table() -> dict[str, list[float]]:
    """For every unit the lexicon emits, ``[factor, offset]`` such that a value in it is
    ``factor * value + offset`` in SI base units (offset is non-zero only for Celsius and
    Fahrenheit), generated from pint with the dimension table and checked against it."""
    return _unit_table()["scales"]


_DIMENSION_TERM = re.compile(r"(?:^|\s([*/])\s)(?:1|\[([^\]]+)\])(?:\s\*\*\s(-?\d+(?:\.\d+)?))?")

Dimension = tuple[tuple[str, float], ...]   # base dimension -> exponent, sorted: (("length", 1.0), ("time", -1.0))


def _exponents(dimension: str) -> Dimension | None:
    """A pint dimensionality as written ("[mass] / [length] / [time] ** 2"), base by base: pint spells
    one dimension several ways ("[mass] * [length] ** 2 / [time] ** 2", "[length] ** 2 * [mass] / ...")."""
    if dimension == "dimensionless":
        return ()
    out: dict[str, float] = {}
    pos = 0
    for m in _DIMENSION_TERM.finditer(dimension):
        if m.start() != pos:
            return None
        pos = m.end()
        if m.group(2):
            power = float(m.group(3) or 1) * (-1 if m.group(1) == "/" else 1)
            out[m.group(2)] = out.get(m.group(2), 0.0) + power
    return tuple(sorted((k, v) for k, v in out.items() if v)) if pos == len(dimension) else None


@lru_cache(maxsize=4096)
def _linear(unit: str) -> tuple[Dimension, float, float] | None:
    """``(dimension, factor, offset)`` for a unit numlint can convert without pint: the lexicon's
    units, currencies (each its own dimension, minor units a fraction of the major one), the count
    denominators ("share"), and one of these per another ("USD / oil_barrel", "liter / capita").
    None for anything else (pint's registry answers those)."""
    dimensions, scales = dimension_table(), scale_table()
    if unit in dimensions and unit in scales:
        factor, offset = scales[unit]
        dimension = _exponents(dimensions[unit])
        return (dimension, factor, offset) if dimension is not None else None
    if unit in CURRENCIES:
        return ((f"currency_{unit}", 1.0),), 1.0, 0.0
    if unit in MINOR_UNITS:
        major, factor = MINOR_UNITS[unit]
        return ((f"currency_{major}", 1.0),), factor, 0.0
    if unit in _COUNT_DENOMINATORS:
        return ((unit, 1.0),), 1.0, 0.0
    top, slash, bottom = unit.partition(" / ")
    if slash and "/" not in bottom:
        a, b = _linear(top.strip()), _linear(bottom.strip())
        if a and b and a[2] == 0 and b[2] == 0 and a[0] and b[0]:
            exponents = dict(a[0])
            for base, power in b[0]:
                exponents[base] = exponents.get(base, 0.0) - power
            return tuple(sorted((k, v) for k, v in exponents.items() if v)), a[1] / b[1], 0.0
    return None


def same_dimension(unit_a: str | None, unit_b: str | None) -> bool:
    """Whether two unit expressions measure the same kind of thing (and so can be converted).

    "kilometer" and "mile" -> True; "percent" and "percentage_point" -> False; "USD" and "GBP" -> False
    (different currencies; use ``is_currency`` to ask "both money?"); "" and "" -> True (two counts).
    """
    a = (unit_a or "").strip()
    b = (unit_b or "").strip()
    if a == b:
        return True
    la, lb = _linear(a), _linear(b)
    if la and lb:
        # the lexicon's own units, currencies and their quotients: answered from the tables, base
        # dimension by base dimension, without building pint's registry (0.2-0.5 s, more than a
        # whole cold check)
        return la[0] == lb[0] and not (_is_special_dimless(a) ^ _is_special_dimless(b))
    ua, ub = _parse(a), _parse(b)
    if ua is None or ub is None:
        return False
    try:
        return ua.dimensionality == ub.dimensionality and not (_is_special_dimless(a) ^ _is_special_dimless(b))
    except Exception:
        return False


def _is_special_dimless(unit: str) -> bool:
    # percent is dimensionless in pint (0.01); a bare count is too. They are not the same thing.
    return unit == "percent"


def convert(value: float | None, from_unit: str, to_unit: str) -> float | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``, or None when they are not convertible.

    Handles offsets (32 degree_Fahrenheit -> 0 degree_Celsius), minor currencies (19 GBX -> 0.19 GBP)
    and never converts across currencies or between percent and percentage points.
    """
    if value is None:
        return None
    if (from_unit or "") == (to_unit or ""):
        return float(value)
    if not same_dimension(from_unit, to_unit):
        return None
    la, lb = _linear((from_unit or "").strip()), _linear((to_unit or "").strip())
    if la and lb:
        return ((la[1] * float(value) + la[2]) - lb[2]) / lb[1]
    try:
        q = registry().Quantity(float(value), _parse(from_unit))
        return float(q.to(_parse(to_unit)).magnitude)
    except Exception:
        return None


def is_valid_unit(unit: str) -> bool:
    """Whether ``unit`` parses in the registry (every unit extract.py emits must)."""
    return _parse(unit) is not None
