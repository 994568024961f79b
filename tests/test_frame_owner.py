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


def test_the_public_api_gives_each_quantity_its_frame():
    # numlint.extract_frames: the quantities of extract_text, each with whose, when and per what
    import numlint

    text = "Profits at Acme rose to £5m in 2023. Traders said crude cost $60 a barrel in March."
    pairs = numlint.extract_frames(text)
    assert [q.text for q, _ in pairs] == [q.text for q in numlint.extract_text(text)]
    (profit, profit_frame), (price, price_frame) = pairs
    assert (profit_frame.owner, profit_frame.time, profit_frame.per) == ("acme", "2023", None)
    assert (price_frame.time, price_frame.per) == ("in march", "oil_barrel")
    assert numlint.extract_frames("No figures here.") == []
