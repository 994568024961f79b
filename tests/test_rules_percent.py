"""The percent kind (NL301-NL304) on hand-made quantities."""

from __future__ import annotations

import pytest

from numlint.facts import facts_for_text
from numlint.model import Quantity
from numlint.registry import load_rules
from numlint.rules import percent

RULES = load_rules()


def pct(text: str, surface: str, value: float | None = None, nth: int = 0, **kw) -> Quantity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Quantity(text=surface, start=start, end=start + len(surface), value=value, unit="percent",
                    kind="percent", **kw)


def hits(code, text, qs):
    return list(percent.check(facts_for_text(text, qs), RULES[code]))


SEED = ("Korea story\n\nBetween 2010 and 2020, military expenditure accounted for an estimated 20%-30% of "
        "North Korea's GDP annually.\nA plane landed.\nIn January, North Korea said it would spend nearly "
        "16% of state expenditure on defence.\n")


def test_mixed_bases_in_the_seed():
    qs = [pct(SEED, "20%-30%", None, low=20.0, high=30.0), pct(SEED, "16%", 16.0, approx="~")]
    (hit,) = hits("NL301", SEED, qs)
    assert hit.mention.text == "16%"
    assert (hit.values["base"], hit.values["other_base"]) == ("state expenditure", "GDP")


def test_one_base_or_another_subject_is_not_mixed():
    text = SEED.replace("state expenditure", "GDP")
    qs = [pct(text, "20%-30%", None, low=20.0, high=30.0), pct(text, "16%", 16.0)]
    assert hits("NL301", text, qs) == []
    text = "Story\n\nDefence took 25% of Ruritania's GDP.\nShares in Acme rose 16% of their value.\n"
    assert hits("NL301", text, [pct(text, "25%", 25.0), pct(text, "16%", 16.0)]) == []


def test_no_base_only_without_a_poll_in_sight():
    text = "Tax story\n\nThe tax is unpopular. Only 16% said they supported it.\n"
    assert [h.mention.text for h in hits("NL302", text, [pct(text, "16%", 16.0)])] == ["16%"]
    text = "Tax story\n\nIn a poll of 1,000 adults, only 16% said they supported it.\n"
    assert hits("NL302", text, [pct(text, "16%", 16.0)]) == []
    text = "Profit story\n\nProfits rose 5% last year.\n"
    assert hits("NL302", text, [pct(text, "5%", 5.0, change="up")]) == []


def test_percent_vs_points():
    text = "Jobs story\n\nUnemployment rose from 5% to 7%, a 2% increase.\n"
    qs = [pct(text, "5% to 7%", None, low=5.0, high=7.0), pct(text, "2%", 2.0, change="up")]
    (hit,) = hits("NL303", text, qs)
    assert hit.mention.text == "2%" and hit.values["relative"] == "40%"
    text = "Jobs story\n\nUnemployment rose from 5% to 7%, a 40% increase.\n"
    qs = [pct(text, "5% to 7%", None, low=5.0, high=7.0), pct(text, "40%", 40.0, change="up")]
    assert hits("NL303", text, qs) == []


def test_shares_over_100():
    text = "Vote story\n\nLabour won 45% of the vote, the Tories 38% of the vote and the rest 22% of the vote.\n"
    qs = [pct(text, "45%", 45.0), pct(text, "38%", 38.0), pct(text, "22%", 22.0)]
    (hit,) = hits("NL304", text, qs)
    assert hit.values["total"] == "105%"
    text = text.replace("38%", "33%")
    qs = [pct(text, "45%", 45.0), pct(text, "33%", 33.0), pct(text, "22%", 22.0)]
    assert hits("NL304", text, qs) == []


def test_points_message_follows_the_direction_of_the_figures():
    # Was "as a percentage it is a rise of 8%" for a fall.
    import numlint

    (fall,) = [f for f in numlint.check_text("Turnout fell from 38% to 35%, a 3% drop.\n") if f.code == "NL303"]
    assert fall.message.endswith("as a percentage it is a fall of 8%")
    (rise,) = [f for f in numlint.check_text("Unemployment rose from 5% to 7%, a 2% increase.\n") if f.code == "NL303"]
    assert rise.message.endswith("as a percentage it is a rise of 40%")


TABLE_MD = ("# Poll\n\nThe latest poll:\n\n| Party | Share of the vote |\n|---|---|\n"
            "| Labour | 45% |\n| Conservative | {c} |\n| Lib Dem | 24% |\n| Total | 100% |\n")
TABLE_HTML = ("<article><h1>Poll</h1><table><tr><th>Party</th><th>Share of the vote</th></tr>"
              "<tr><td>Labour</td><td>45%</td></tr><tr><td>Conservative<td>{c}</tr>"
              "<tr><td>Lib Dem</td><td>24%</td></tr></table></article>")


@pytest.mark.parametrize("name,article", [("poll.md", TABLE_MD), ("poll.html", TABLE_HTML)])
def test_a_table_column_headed_as_shares_is_one_whole(name, article):
    import numlint

    over = [f for f in numlint.check_text(article.format(c="40%"), name) if f.code == "NL304"]
    assert [f.message for f in over] == ["45% + 40% + 24% of the vote add up to 109%: more than the whole"]
    assert [f for f in numlint.check_text(article.format(c="31%"), name) if f.code == "NL304"] == []


def test_a_column_of_changes_or_rates_is_not_one_whole():
    import numlint

    for header in ("% change", "Turnout %", "Growth, %"):
        article = f"| Region | {header} |\n|---|---|\n| North | 60% |\n| South | 50% |\n"
        assert [f for f in numlint.check_text(article, "t.md") if f.code == "NL304"] == [], header


@pytest.mark.parametrize("text, flagged", [
    ("Council story\n\nThe council in Staffordshire said 40% backed the plan.\n", True),   # no staff
    ("Cause story\n\nShe devoted her life to it, and 30% agreed with her.\n", True),       # no vote
    ("Club story\n\nAt the reunion, 30% said they would return.\n", True),                 # no union
    ("Poll story\n\nOf those surveyed, 30% said they would return.\n", False),
    ("Vote story\n\nMembers voted on Tuesday, and 30% backed the deal.\n", False),
])
def test_a_cue_of_a_base_is_a_whole_word(text, flagged):
    figure = text.split("%")[0].split()[-1]
    found = hits("NL302", text, [pct(text, figure + "%", float(figure))])
    assert bool(found) is flagged


@pytest.mark.parametrize("text, flagged", [
    ("Labour won 42% of the vote, the Conservatives 31% and the Lib Dems 33%.", True),
    ("Labour won 42% of the vote, the Conservatives 31% and the Lib Dems 17%.", False),
    ("Acme has 40% of the market, Bolt 35% and Crane 30%.", True),
    ("Acme has 40% of the market, up from 35% in 2019, and its rival 70% of exports.", False),
])
def test_a_share_after_a_name_takes_the_whole_of_the_share_before(text, flagged):
    from numlint import check_text

    found = [f for f in check_text("Results\n\n" + text + "\n", "a.txt") if f.code == "NL304"]
    assert bool(found) is flagged


@pytest.mark.parametrize("text", ["Cost story\n\nSome 38% admitted they had skipped meals.\n",
                                  "Cost story\n\nA further 12% preferred to stay at home.\n"])
def test_an_answer_verb_after_a_share_asks_for_its_whole(text):
    figure = text.split("%")[0].split()[-1]
    assert [h.mention.text for h in hits("NL302", text, [pct(text, figure + "%", float(figure))])] == [figure + "%"]
