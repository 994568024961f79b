"""Unit tests for numlint.extract: exact values, units, spans on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from numlint.extract import extract_quantities

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "korea-troops.txt"


def one(text: str):
    qs = extract_quantities(text)
    assert len(qs) == 1, [(q.text, q.value) for q in qs]
    q = qs[0]
    assert text[q.start:q.end] == q.text
    return q


def summary(text: str):
    return [(q.text, q.value, q.low, q.high, q.unit, q.kind, q.approx, q.change, q.metric, q.base)
            for q in extract_quantities(text)]


def test_seed_article_full_list():
    text = FIXTURE.read_text(encoding="utf-8")
    got = summary(text)
    assert got == [
        ("1.3 mln", 1_300_000.0, None, None, "", "count", "~", None, "active personnel", None),
        ("10,000", 10_000.0, None, None, "", "count", "=", None, "troops", None),
        ("3,000", 3_000.0, None, None, "", "count", "=", None, "troops", None),
        ("one hundred", 100.0, None, None, "", "count", ">", None, "nuclear weapons", None),
        ("20%-30%", None, 20.0, 30.0, "percent", "percent", "~", None, None, "gdp"),
        ("16%", 16.0, None, None, "percent", "percent", "~", None, None, "state expenditure"),
    ]
    for q in extract_quantities(text):
        assert text[q.start:q.end] == q.text
