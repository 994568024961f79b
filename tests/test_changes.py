"""Stated changes (numlint.changes): which old value, new value and change one clause gives."""

from __future__ import annotations

import numlint
from numlint.changes import stated_changes
from numlint.extract import extract_quantities
from numlint.facts import facts_for_text


def changes(text: str) -> list[tuple[str, str, str | None, float, float]]:
    table = facts_for_text(text, extract_quantities(text))
    return [(ch.old.q.text, ch.new.q.text, ch.change.q.text if ch.change else None, ch.old_value, ch.new_value)
            for ch in stated_changes(list(table.facts))]


def test_a_figure_written_bare_beside_to_takes_its_partners_unit_and_scale_word():
    # "to 48.8 billion marks from 49.1 billion": the old value is in marks too, not a count to be
    # paired with a figure of another clause; "from 160" after "381 mln dlrs" is 160 mln
    found = changes("Operating profit halved to 166 mln marks from 311 mln, and the balance sheet "
                    "shrank to 48.8 billion marks from 49.1 billion.")
    assert [(old, new) for old, new, *_ in found] == [("311 mln", "166 mln marks"),
                                                      ("49.1 billion", "48.8 billion marks")]
    ((*_, old_value, new_value),) = changes("Borrowing more than doubled to 381 mln dlrs from 160 last week.")
    assert (old_value, new_value) == (160e6, 381e6)


def test_a_change_with_a_new_value_of_its_own_is_not_the_change_of_the_figures_before_it():
    found = changes("Sales to the Mexican unit will rise to 150,000 from 9,000, pushing exports up "
                    "45.3 pct to 260,000, he said.")
    assert found[0][:3] == ("9,000", "150,000", None)


def test_more_than_doubled_sets_a_floor_only():
    codes = [f.code for f in numlint.check_text("Borrowing more than doubled to 381 mln dlrs from 160 mln dlrs.",
                                                "a.txt")]
    assert "NL401" not in codes
    codes = [f.code for f in numlint.check_text("Borrowing doubled to 381 mln dlrs from 160 mln dlrs.", "a.txt")]
    assert "NL401" in codes


def test_a_change_written_between_the_new_value_and_the_old():
    assert changes("Revenue was £5.3bn, up 6% from £5bn.")[0][:3] == ("£5bn", "£5.3bn", "6%")
    # a percentage: the figure right before "from" is the change, the new value comes before it
    assert changes("The jobless rate was 5%, up 2% from 3%.")[0][:3] == ("3%", "5%", "2%")
    # not a change of its own: "against" compares the figure before it ("dip below 9.5 pct")
    assert changes("The yield may dip below 9.5 pct, against 9.581 pct at the close.")[0][:2] == (
        "9.581 pct", "9.5 pct")


def test_the_figure_after_from_a_time_to_is_the_new_value():
    # "from the previous year to 130.1 mln": no old value here, so no change pairs 130.1 with 620.9
    found = changes("Profit rose 39 pct from the previous year to 130.1 mln stg on a 43 pct rise in "
                    "revenues to 620.9 mln stg.")
    assert ("130.1 mln stg", "620.9 mln stg") not in [(old, new) for old, new, *_ in found]
    assert changes("Orders fell 27.7 pct from a year earlier to 23.80 billion yen.") == []


def test_on_after_a_change_names_the_old_value():
    assert changes("Revenue was £5.3bn, up 6% on £5bn.")[0][:3] == ("£5bn", "£5.3bn", "6%")
    assert changes("Sales reached £8bn, a 60% rise on £5bn.")[0][:3] == ("£5bn", "£8bn", "60%")
    assert changes("Profit rose 10% to £2.2bn on last year's £2bn.")[0][:3] == ("£2bn", "£2.2bn", "10%")
    assert changes("Shares rose 5% on the news of a £5bn bid.") == []
