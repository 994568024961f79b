"""The style kind (NL902, NL903): one spelling per article, money and other figures apart."""

from __future__ import annotations

from numlint.facts import facts_for_text
from numlint.model import Quantity
from numlint.registry import load_rules
from numlint.rules import style

RULES = load_rules()


def qs(text, surfaces, kind="count"):
    out = []
    for surface in surfaces:
        start = text.index(surface)
        out.append(Quantity(text=surface, start=start, end=start + len(surface), value=1.0, kind=kind))
    return out


def test_minority_spelling_is_reported():
    text = "Output\n\nOutput was 1.3 mln tonnes, then 1.4 mln tonnes, then 1.5 million tonnes.\n"
    hits = list(style.check(facts_for_text(text, qs(text, ["1.3 mln tonnes", "1.4 mln tonnes", "1.5 million tonnes"])),
                            RULES["NL902"]))
    assert [h.mention.text for h in hits] == ["1.5 million tonnes"] and hits[0].values["style"] == "mln"


def test_money_and_counts_are_styled_apart():
    text = "Ferries\n\nIt carried 2.4 million people and made £310m.\n"
    quantities = qs(text, ["2.4 million"]) + qs(text, ["£310m"], kind="money")
    assert list(style.check(facts_for_text(text, quantities), RULES["NL902"])) == []


def test_percent_spellings():
    text = "Sales\n\nSales rose 5% and 6%, and profits 3 per cent.\n"
    hits = list(style.check(facts_for_text(text, qs(text, ["5%", "6%", "3 per cent"])), RULES["NL903"]))
    assert [h.values["form"] for h in hits] == ["per cent"]
