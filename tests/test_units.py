"""numlint.units: the lazily built pint registry, news units and conversion helpers."""

from __future__ import annotations

import subprocess
import sys

import pytest

from numlint import units
from numlint.extract import extract_quantities
from numlint.lang import measures, money


def test_import_does_not_build_the_registry_or_import_pint():
    code = "import sys, numlint.units; print('pint' in sys.modules, numlint.units._registry is None)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "True"]


@pytest.mark.parametrize("a, b, expected", [
    ("kilometer", "mile", True),
    ("mile / hour", "kilometer / hour", True),
    ("degree_Celsius", "degree_Fahrenheit", True),
    ("metric_ton", "kilogram", True),
    ("percent", "percentage_point", False),
    ("percentage_point", "basis_point", True),
    ("percent", "", False),
    ("", "", True),
    ("USD", "GBP", False),
    ("GBX", "GBP", True),
    ("USD", "USD", True),
    ("kilometer", "hour", False),
    ("no_such_unit", "kilometer", False),
])
def test_same_dimension(a, b, expected):
    assert units.same_dimension(a, b) is expected


@pytest.mark.parametrize("value, a, b, expected", [
    (10, "kilometer", "mile", 6.21371),
    (32, "degree_Fahrenheit", "degree_Celsius", 0.0),
    (100, "degree_Celsius", "degree_Fahrenheit", 212.0),
    (19, "GBX", "GBP", 0.19),
    (12, "USX", "USD", 0.12),
    (25, "basis_point", "percentage_point", 0.25),
    (2, "metric_ton", "kilogram", 2000.0),
    (100, "mile / hour", "kilometer / hour", 160.934),
    (5, "USD", "USD", 5.0),
])
def test_convert(value, a, b, expected):
    assert units.convert(value, a, b) == pytest.approx(expected, rel=1e-4, abs=1e-9)


@pytest.mark.parametrize("value, a, b", [
    (5, "USD", "GBP"),          # no exchange rates
    (5, "percent", "percentage_point"),
    (5, "kilometer", "hour"),
    (None, "kilometer", "mile"),
    (5, "bogus", "mile"),
])
def test_convert_refuses(value, a, b):
    assert units.convert(value, a, b) is None


@pytest.mark.parametrize("unit, expected", [
    ("USD", True), ("GBP", True), ("EUR", True), ("JPY", True), ("CNY", True), ("GBX", True),
    ("USD / share", True), ("USD / oil_barrel", True), ("percent", False), ("", False), (None, False),
    ("kilometer", False),
])
def test_is_currency(unit, expected):
    assert units.is_currency(unit) is expected


def test_major_currency():
    assert units.major_currency("GBX") == "GBP"
    assert units.major_currency("USD") == "USD"


def test_every_lexicon_unit_is_a_valid_pint_expression():
    names = set(measures.UNIT_WORDS.values()) | set(measures.UNIT_ABBREVIATIONS.values())
    names |= set(measures.PERCENT_WORDS.values())
    names |= set(money.CURRENCY_WORDS.values()) | set(money.CURRENCY_PREFIXES.values())
    bad = sorted(n for n in names if not units.is_valid_unit(n))
    assert bad == []


def test_every_extracted_unit_parses():
    text = ("It cost $58.24 a barrel, 12 cts a share, £5m, 19p, 15 euros, 2m barrels per day, 100 mph, "
            "32C, 5 miles, 20 kg, 1,000 tonnes, 300 ounces, 0.5 percentage points, 25 basis points, 3%, "
            "10 km/h, 5 sq ft, $80 per sq m, 2 hours, a 25-year-old.")
    got = [q.unit for q in extract_quantities(text)]
    assert len(got) == 20
    assert all(units.is_valid_unit(u) for u in got), got


def test_dimension_table_matches_pint():
    """numlint/unit_dimensions.json answers "do these two units compare?" without pint's registry;
    it must say what pint says for every unit the lexicon emits (NUMLINT_WRITE_DIMENSIONS=1 rewrites it)."""
    import json
    import os
    from pathlib import Path

    from numlint.lang import measures

    emitted = set(measures.UNIT_WORDS.values()) | set(measures.UNIT_ABBREVIATIONS.values())
    emitted |= {"percent", "percentage_point", "basis_point", ""}
    actual = {u: str(units._parse(u).dimensionality) for u in sorted(emitted) if units._parse(u) is not None}
    ureg = units.registry()
    scales = {}
    for u in actual:
        zero = ureg.Quantity(0.0, units._parse(u)).to_base_units().magnitude
        one = ureg.Quantity(1.0, units._parse(u)).to_base_units().magnitude
        scales[u] = [one - zero, zero]
    path = Path(units.__file__).with_name("unit_dimensions.json")
    if os.environ.get("NUMLINT_WRITE_DIMENSIONS"):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["dimensions"] = actual
        data["scales"] = scales
        path.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
    assert units.dimension_table() == actual
    assert units.scale_table().keys() == scales.keys()
    for u, (factor, offset) in scales.items():
        assert units.scale_table()[u] == pytest.approx([factor, offset], rel=1e-12, abs=1e-12), u


PAIRS = ["kilometer", "mile", "meter", "foot", "inch", "yard", "nautical_mile", "kilogram", "pound", "stone",
         "ounce", "metric_ton", "ton", "liter", "gallon", "pint", "degree_Celsius", "degree_Fahrenheit",
         "kilometer / hour", "mile / hour", "knot", "meter / second", "hectare", "acre", "kilometer ** 2",
         "mile ** 2", "joule", "kilocalorie", "kilowatt_hour", "USD", "GBP", "GBX", "USX", "EUR", "EUX",
         "USD / oil_barrel", "USD / gallon", "GBP / meter ** 2", "GBP / foot ** 2", "GBX / share", "GBP / share",
         "USD / kilogram", "USD / pound", "percent", "percentage_point", "basis_point", "", "year", "day",
         # quotients the lexicon's units make in news copy, against their numerators
         "liter / capita", "metric_ton / year", "hour / week", "kilogram / capita", "kilowatt_hour / year",
         # one dimension that pint spells two ways in the table
         "horsepower", "watt", "foot * force_pound", "british_thermal_unit"]


def test_conversions_without_pint_agree_with_pint():
    """The common comparisons (length, mass, volume, temperature, speed, area, energy, money per
    unit) are answered from the tables; every answer must be pint's."""
    for a in PAIRS:
        for b in PAIRS:
            same = units.same_dimension(a, b)
            ua, ub = units._parse(a), units._parse(b)
            assert same == (ua.dimensionality == ub.dimensionality
                            and not (units._is_special_dimless(a) ^ units._is_special_dimless(b))), (a, b)
            if same:
                want = units.registry().Quantity(12.5, ua).to(ub).magnitude
                assert units.convert(12.5, a, b) == pytest.approx(want, rel=1e-9), (a, b)


def test_common_conversions_do_not_load_pint():
    import subprocess
    import sys

    probe = ("import sys\nfrom numlint import units\n"
             "assert round(units.convert(10, 'kilometer', 'mile'), 3) == 6.214\n"
             "assert round(units.convert(32, 'degree_Fahrenheit', 'degree_Celsius'), 9) == 0\n"
             "assert units.convert(19, 'GBX', 'GBP') == 0.19\n"
             "assert units.convert(3, 'USD', 'GBP') is None and not units.same_dimension('USD', 'GBP')\n"
             "assert units.same_dimension('USD / oil_barrel', 'USD / gallon')\n"
             "assert not units.same_dimension('liter / capita', 'liter')\n"
             "assert not units.same_dimension('metric_ton / year', 'metric_ton')\n"
             "assert 'pint' not in sys.modules, 'pint was imported'\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
