"""The conversion kind (NL203): a restatement in another unit must convert, within the writer's rounding."""

from __future__ import annotations

import pytest

from numlint.facts import facts_for_text
from numlint.model import Quantity
from numlint.registry import load_rules
from numlint.rules import conversion

RULE = load_rules()["NL203"]


def pair(text, first, v1, u1, second, v2, u2, kind="measure"):
    a = text.index(first)
    b = text.index(second, a + len(first))
    return [Quantity(text=first, start=a, end=a + len(first), value=v1, unit=u1, kind=kind),
            Quantity(text=second, start=b, end=b + len(second), value=v2, unit=u2, kind=kind)]


@pytest.mark.parametrize("text,first,v1,u1,second,v2,u2,flagged", [
    ("It covers 10 km (10 miles) of road.", "10 km", 10, "kilometer", "10 miles", 10, "mile", True),
    ("It covers 10 km (6 miles) of road.", "10 km", 10, "kilometer", "6 miles", 6, "mile", False),
    ("It reached 32C (50F) at noon.", "32C", 32, "degree_Celsius", "50F", 50, "degree_Fahrenheit", True),
    ("It reached 32C (90F) at noon.", "32C", 32, "degree_Celsius", "90F", 90, "degree_Fahrenheit", False),
    ("A 100-mile (160km) route.", "100-mile", 100, "mile", "160km", 160, "kilometer", False),
    ("It weighs 5 kg, or 11 pounds.", "5 kg", 5, "kilogram", "11 pounds", 11, "pound", False),
])
def test_conversions(text, first, v1, u1, second, v2, u2, flagged):
    hits = list(conversion.check(facts_for_text(text, pair(text, first, v1, u1, second, v2, u2)), RULE))
    assert bool(hits) is flagged
    if flagged:
        assert hits[0].mention.text == second and "expected" in hits[0].values


def test_two_currencies_are_never_a_wrong_conversion():
    text = "It paid 9 billion yuan (US$5 billion) for the plant."
    qs = pair(text, "9 billion yuan", 9e9, "CNY", "US$5 billion", 5e9, "USD", kind="money")
    assert list(conversion.check(facts_for_text(text, qs), RULE)) == []


def test_far_apart_values_are_not_a_conversion():
    text = "The road is 10 km long, and the railway beside it runs for 10 miles."
    qs = pair(text, "10 km", 10, "kilometer", "10 miles", 10, "mile")
    assert list(conversion.check(facts_for_text(text, qs), RULE)) == []


@pytest.mark.parametrize("text,first,v1,u1,second,v2,u2,expected", [
    # Was "about 26.2 mile": a unit after a number other than 1 is plural.
    ("It covers 42.2 km (16 miles).", "42.2 km", 42.2, "kilometer", "16 miles", 16, "mile", "26.2 miles"),
    ("It is 1.6 km (3 miles) away.", "1.6 km", 1.6, "kilometer", "3 miles", 3, "mile", "1 mile"),
    ("A 100 mph (100 km/h) gust.", "100 mph", 100, "mile / hour", "100 km/h", 100, "kilometer / hour",
     "161 kilometers per hour"),
    ("A 500 sq ft (500 square metres) flat.", "500 sq ft", 500, "foot ** 2", "500 square metres", 500,
     "meter ** 2", "46.5 square meters"),
    ("It reached 32C (50F).", "32C", 32, "degree_Celsius", "50F", 50, "degree_Fahrenheit", "89.6 °Fahrenheit"),
])
def test_the_expected_value_reads_as_written(text, first, v1, u1, second, v2, u2, expected):
    (hit,) = conversion.check(facts_for_text(text, pair(text, first, v1, u1, second, v2, u2)), RULE)
    assert hit.values["expected"] == expected


@pytest.mark.parametrize("text, flagged", [
    # a height or a weight written in two units is one figure: its conversion is of the whole
    ("The striker, who is 6ft 2in (1.88m) tall, joins from Leeds.", False),
    ("The baby weighed 7lb 6oz (3.3kg) at birth.", False),
    ("He is 6 feet and 2 inches (1.88 metres) tall.", False),
    ("The keeper is 6ft 5in (1.75m) tall.", True),
])
def test_a_measure_in_two_units_is_converted_whole(text, flagged):
    from numlint import check_text

    hits = [f for f in check_text(text, "a.txt") if f.code == "NL203"]
    assert bool(hits) is flagged
    if flagged:
        assert "6ft 5in" in hits[0].message
