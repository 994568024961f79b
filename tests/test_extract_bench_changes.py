"""bench/extraction.py --cqe-changes scores a change's two ends as one range, as CQE's gold writes them."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import extraction  # noqa: E402


def _values(text: str):
    return [p.value for p in extraction.numlint_preds(text, cqe_changes=True)]


def test_the_ends_of_a_change_are_one_range():
    assert _values("The fare went up from $3 to $4 last spring.") == [(3.0, 4.0)]
    assert _values("Stocks shrank to 410 tonnes from 520 tonnes in May.") == [(410.0, 520.0)]
    assert _values("Yields rose from 11 bushels in 2001 to 14 bushels.") == [(11.0, 14.0)]


def test_figures_that_are_no_change_stay_apart():
    assert _values("It cost $3, and later $4 to park.") == [3.0, 4.0]
    assert [p.value for p in extraction.numlint_preds("The fare went up from $3 to $4.")] == [3.0, 4.0]


def test_cqe_names_of_a_gigatonne_and_a_multiplier():
    assert extraction.unit_key("gigaton") == extraction.unit_key("gigametric_ton")
    [p] = extraction.numlint_preds("The wheel turns 400 times.")
    assert extraction.unit_class(p.unit, p.noun) == ("noun", "count")
