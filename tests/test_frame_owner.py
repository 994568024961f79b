"""The owner of a figure, read by facts.frame (own sentences)."""

from __future__ import annotations

from numlint.extract import extract_quantities
from numlint.facts.frame import read_frame


def _frame(sentence: str, surface: str):
    q = next(q for q in extract_quantities(sentence) if q.text == surface)
    return read_frame(q, sentence, sentence[:q.start], sentence[q.end:])


def test_a_name_that_opens_the_clause_owns_its_figures():
    assert _frame("Brill will hire 4,000 engineers next year.", "4,000").owner == "brill"
    assert _frame("The group will hire 4,000 engineers next year.", "4,000").owner is None


def test_a_possessor_still_comes_first():
    assert _frame("Brill's profits rose to $5m.", "$5m").owner == "brill"


def test_a_phrase_of_time_before_the_verb_is_no_owner():
    assert _frame("In March the club signed 3 players.", "3").owner is None
