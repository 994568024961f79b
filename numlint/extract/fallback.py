"""The quantulum3 fallback: a unit token our lexicon does not know ("2.24 per mmBTU"), asked on its sentence.

quantulum3 (with pint) costs about 1.5 s on first use, so it is imported lazily, and a typical article
never pays it. Its answer is accepted only when it maps to a valid pint unit and is not one of its
known false units.
"""

from __future__ import annotations

import re

from numlint.extract.source import Amount, Source


def quantulum_unit(src: Source, amt: Amount, token: str) -> tuple[str, str] | None:
    """Ask quantulum3 about an unknown unit token, on its sentence. Lazy: imports on first call."""
    if not token or len(token) > 12:
        return None
    s, e = src.sentence_bounds(amt.start)
    if e - s > 2000:
        return None
    try:
        from numlint.units import is_valid_unit

        parsed = _quantulum_parse(src.text[s:e])
    except Exception:
        return None
    rel = amt.raw_end - s
    for q in parsed:
        try:
            qs, qe = q.span
            if not (qs <= rel - 1 < qe):
                continue
            name = q.unit.name
            entity = q.unit.entity.name
            # "unknown" is quantulum3's entity for compound units ("ampere per square centimetre"):
            # accepted when pint can read the name; its known false units never are
            if entity == "dimensionless" or name in _QUANTULUM_FALSE_UNITS:
                return None
            pint_name = _quantulum_to_pint(name)
            if pint_name and is_valid_unit(pint_name):
                return pint_name, token
        except Exception:
            continue
    return None



# quantulum3 names for units it finds on ordinary words ("a U.S." -> atomic mass unit, "a time",
# "nbook" -> bit?), never trusted.
_QUANTULUM_FALSE_UNITS = {
    "atomic mass unit", "dalton", "bit", "newton", "cubic centimetre", "percentage", "year", "second",
    "litre", "metre", "ampere", "tesla", "gray", "henry", "pica", "point", "dimensionless",
}
_QUANTULUM_NAME_MAP = {
    "revolutions per minute": "revolution / minute",
    "pound-foot": "foot * force_pound",
    "pound-mass": "pound",
    "per mega british thermal unit": None,
    "megabit per second": "megabit / second",
    "milliampere-hour": "milliampere_hour",
    "kilowatt hour": "kilowatt_hour",
}


def _quantulum_to_pint(name: str) -> str | None:
    """quantulum3's unit name -> a pint expression ("ampere per square centimetre" ->
    "ampere / centimeter ** 2"); the caller checks that pint accepts it."""
    if name in _QUANTULUM_NAME_MAP:
        return _QUANTULUM_NAME_MAP[name]
    parts = []
    for part in name.replace("metre", "meter").replace("litre", "liter").split(" per "):
        part = re.sub(r"^square (\w+)$", r"\1 ** 2", part.strip())
        part = re.sub(r"^cubic (\w+)$", r"\1 ** 3", part)
        parts.append(part if "**" in part else part.replace(" ", "_"))
    return " / ".join(parts)


_QUANTULUM = None


def _quantulum_parse(sentence: str):
    """quantulum3.parser.parse, imported on first use, warnings silenced."""
    global _QUANTULUM
    if _QUANTULUM is None:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _import_inflect_unchecked()
            from quantulum3 import parser as qparser
        _QUANTULUM = qparser
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _QUANTULUM.parse(sentence)


def _import_inflect_unchecked() -> None:
    """Import inflect (quantulum3 loads it on its first parse) without typeguard's instrumentation.

    inflect >= 7.2 decorates its engine with ``typeguard.typechecked``, which re-parses and recompiles
    the module's source at import: 5-10 s here, paid by the first article that names a unit our
    lexicon does not know (jaraco/inflect#212, agronholm/typeguard#468). Those checks are a
    development aid and are skipped under ``python -O`` anyway; we import inflect as -O would, by
    lending typeguard a pass-through decorator for the length of the import and putting the real one
    back. The import system's lock keeps another thread from importing inflect half-patched.
    """
    import importlib
    import sys

    if "inflect" in sys.modules:
        return
    try:
        import typeguard
    except ImportError:  # an inflect that does not use typeguard
        importlib.import_module("inflect")
        return

    def pass_through(target=None, **_options):
        return target if target is not None else (lambda decorated: decorated)

    real = typeguard.typechecked
    typeguard.typechecked = pass_through
    try:
        importlib.import_module("inflect")
    finally:
        typeguard.typechecked = real
