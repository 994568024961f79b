"""The arithmetic kind (NL401, NL402) on hand-made quantities."""

from __future__ import annotations

from numlint.facts import facts_for_text
from numlint.model import Quantity
from numlint.registry import load_rules
from numlint.rules import arithmetic

RULES = load_rules()


def q(text: str, surface: str, value: float | None, nth: int = 0, **kw) -> Quantity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Quantity(text=surface, start=start, end=start + len(surface), value=value, **kw)


def money(text, surface, value, **kw):
    return q(text, surface, value, unit="GBP", kind="money", multiplier=1e6, **kw)


def hits(code, text, qs):
    return list(arithmetic.check(facts_for_text(text, qs), RULES[code]))


def test_percent_change_checked_against_old_and_new():
    for stated, flagged in (("25%", False), ("40%", True)):
        text = f"Sales story\n\nSales rose {stated} to £500m from £400m.\n"
        qs = [q(text, stated, float(stated[:-1]), unit="percent", kind="percent", change="up"),
              money(text, "£500m", 5e8), money(text, "£400m", 4e8)]
        found = hits("NL401", text, qs)
        assert bool(found) is flagged
        if flagged:
            assert found[0].mention.text == "40%" and found[0].values["actual"] == "25%"


def test_absolute_change_after_a_range():
    text = "Troops story\n\nTroop numbers went from 3,000 to 10,000, a rise of 6,000.\n"
    qs = [q(text, "3,000 to 10,000", None, low=3000.0, high=10000.0), q(text, "6,000", 6000.0)]
    (hit,) = hits("NL401", text, qs)
    assert hit.values["actual"] == "7,000"


def test_multipliers():
    text = "Troops story\n\nThe number of troops doubled from 3,000 to 10,000.\n"
    qs = [q(text, "3,000 to 10,000", None, low=3000.0, high=10000.0)]
    assert [h.values["stated"] for h in hits("NL401", text, qs)] == ["doubled"]
    text = "Troops story\n\nThe number of troops doubled from 3,000 to 6,000.\n"
    qs = [q(text, "3,000 to 6,000", None, low=3000.0, high=6000.0)]
    assert hits("NL401", text, qs) == []


def test_two_changes_in_one_sentence_stay_in_their_clauses():
    text = ("Earnings story\n\nNet profit rose 2.3 pct to 25.94 mln dlrs from 25.35 mln, although pre-tax "
            "profit rose 9.1 pct to 48.30 mln from 44.29 mln.\n")
    qs = [q(text, "2.3 pct", 2.3, unit="percent", kind="percent", change="up", decimals=1),
          q(text, "25.94 mln dlrs", 25.94e6, unit="USD", kind="money", decimals=2, multiplier=1e6),
          q(text, "25.35 mln", 25.35e6, unit="USD", kind="money", decimals=2, multiplier=1e6),
          q(text, "9.1 pct", 9.1, unit="percent", kind="percent", change="up", decimals=1),
          q(text, "48.30 mln", 48.30e6, unit="USD", kind="money", decimals=2, multiplier=1e6),
          q(text, "44.29 mln", 44.29e6, unit="USD", kind="money", decimals=2, multiplier=1e6)]
    assert hits("NL401", text, qs) == []


def test_parts_exceeding_their_total():
    text = "Troops story\n\nOf the 10,000 troops, 6,000 are in Kursk and 5,000 are near the border.\n"
    qs = [q(text, "10,000", 10000.0, metric="troops"), q(text, "6,000", 6000.0), q(text, "5,000", 5000.0)]
    (hit,) = hits("NL402", text, qs)
    assert hit.mention.text == "5,000" and hit.values["sum"] == "11,000"
    text = text.replace("5,000", "4,000")
    qs = [q(text, "10,000", 10000.0, metric="troops"), q(text, "6,000", 6000.0), q(text, "4,000", 4000.0)]
    assert hits("NL402", text, qs) == []


def test_a_percentage_cut_rather_than_rounded_is_not_an_error():
    import numlint
    from numlint.config import Config

    only = Config(select=("NL401",))

    def codes(change):
        text = f"Headline\nProfit rose to $205.4m from $142m, {change}, the firm said.\n"
        return [f.code for f in numlint.check_text(text, config=only)]

    # $142m to $205.4m is 44.6%
    assert codes("up 45%") == []          # rounded
    assert codes("up 44%") == []          # cut, as wire copy often does
    assert codes("up 43%") == ["NL401"]   # more than one last digit below
    assert codes("up 46%") == ["NL401"]   # above: no rounding gives that


def test_a_change_from_a_bound_is_checked_on_one_side_only():
    # "from more than £400m": the old value is above £400m, so the rise is at most the 25% computed
    # from it; 20% fits, 40% cannot
    for stated, flagged in (("20%", False), ("25%", False), ("40%", True)):
        text = f"Sales story\n\nSales rose {stated} to £500m from more than £400m.\n"
        qs = [q(text, stated, float(stated[:-1]), unit="percent", kind="percent", change="up"),
              money(text, "£500m", 5e8), money(text, "more than £400m", 4e8, approx=">")]
        found = hits("NL401", text, qs)
        assert bool(found) is flagged, stated
        if flagged:
            assert found[0].values["actual"] == "at most 25%"
    # a bound on each end that pulls the change opposite ways leaves it unknown: nothing to check
    text = "Sales story\n\nSales rose 60% to more than £500m from more than £400m.\n"
    qs = [q(text, "60%", 60.0, unit="percent", kind="percent", change="up"),
          money(text, "more than £500m", 5e8, approx=">"), money(text, "more than £400m", 4e8, approx=">")]
    assert hits("NL401", text, qs) == []


def test_a_change_written_between_the_new_value_and_the_old_is_checked():
    for stated, flagged in (("6%", False), ("40%", True)):
        text = f"Results story\n\nRevenue was £5.3bn, up {stated} from £5bn.\n"
        qs = [q(text, "£5.3bn", 5.3e9, unit="GBP", kind="money", multiplier=1e9),
              q(text, stated, float(stated[:-1]), unit="percent", kind="percent", change="up"),
              q(text, "£5bn", 5e9, unit="GBP", kind="money", multiplier=1e9)]
        found = hits("NL401", text, qs)
        assert bool(found) is flagged
        if flagged:
            assert found[0].mention.text == "40%" and found[0].values["actual"] == "6%"


def test_what_befell_people_names_the_parts_of_a_total_of_people():
    from numlint import check_text

    def codes(text):
        return [f.code for f in check_text("Ferry story\n\n" + text + "\n", "a.txt")]

    ferry = "Of the 240 people on board, 186 were rescued, 19 bodies were recovered and {} are missing."
    assert "NL402" in codes(ferry.format(47))
    assert "NL402" not in codes(ferry.format(35))
    # categories that may overlap (women are adults) are not parts of one whole
    assert "NL402" not in codes("Of the 1,000 patients, 600 adults and 500 women were treated.")


def test_a_fold_is_a_multiplier():
    from numlint import check_text

    def stated(text):
        return [f.message.split()[0] for f in check_text("Trade story\n\n" + text + "\n", "a.txt") if f.code == "NL401"]

    assert stated("Imports rose fivefold to £10bn from £4.1bn.") == ["fivefold"]
    assert stated("Imports rose fivefold to £10bn from £2.1bn.") == []
    assert stated("The deficit rose threefold, from £1.7bn to £8bn.") == ["threefold"]
