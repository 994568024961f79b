"""Facts: sentences, metrics, scope, precision and the near-linear pairing, on hand-made quantities."""

from __future__ import annotations

import math
import time

import pytest

from numlint.extract import extract_quantities
from numlint.facts import compare, facts_for_text, interval, matching, split_sentences
from numlint.model import Quantity


def mention(text: str, surface: str, value: float | None, nth: int = 0, **kw) -> Quantity:
    """A Quantity for the nth occurrence of ``surface`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Quantity(text=surface, start=start, end=start + len(surface), value=value, **kw)


SEED = (
    "North Korean troops in Russia\n"
    "The U.S. believes there are now 10,000 North Korean troops in Russia, up from the American "
    "estimate of 3,000 given last week.\n"
)


def test_sentences_do_not_end_at_abbreviations_or_decimals():
    text = "The U.S. said 1.3 mln people. Mr. Smith agreed. Then it rained."
    spans = split_sentences(text)
    assert [text[s:e].strip() for s, e in spans] == [
        "The U.S. said 1.3 mln people.", "Mr. Smith agreed.", "Then it rained."]


def test_metric_inferred_and_inherited_in_a_stated_change():
    # The metric is read once, by the quantities stage; the facts stage keys and buckets by it.
    table = facts_for_text(SEED, extract_quantities(SEED))
    a, b = table.facts
    assert a.key == "troop"
    assert b.key == "troop"            # "estimate of 3,000" inherits troops from "up from"
    assert table.by_metric["troop"] == (a, b)
    assert a.time == "last week" and not a.in_heading


def test_headline_mentions_are_flagged():
    text = "Council to cut 450 jobs\n\nThe council will cut 450 jobs by March."
    table = facts_for_text(text, extract_quantities(text))
    assert [f.in_heading for f in table.facts] == [True, False]
    assert [f.key for f in table.facts] == ["job", "job"]
    # A hand-made quantity without a metric stays without one: the facts stage reads no metric.
    bare = facts_for_text(text, [mention(text, "450", 450.0)])
    assert bare.facts[0].key is None


def test_per_what_and_source():
    text = "Oil rose to $50 a barrel, according to the Energy Agency. Brent traded at $48 a share."
    table = facts_for_text(text, [mention(text, "$50", 50.0, unit="USD", kind="money"),
                                  mention(text, "$48", 48.0, unit="USD", kind="money")])
    assert table.facts[0].per == "barrel" and table.facts[1].per == "share"
    assert table.facts[0].source.startswith("energy agency")


@pytest.mark.parametrize("surface,value,kw,lo,hi", [
    ("1.3 million", 1.3e6, {}, 1.25e6, 1.35e6),
    ("10,000", 1e4, {}, 9500, 10500),
    ("about 10,000", 1e4, {"approx": "~"}, 9000, 11000),
    ("212", 212.0, {}, 211.5, 212.5),
])
def test_interval_follows_the_writers_precision(surface, value, kw, lo, hi):
    q = Quantity(text=surface, start=0, end=len(surface), value=value, **kw)
    got = interval(q)
    assert math.isclose(got[0], lo) and math.isclose(got[1], hi)


def test_interval_of_a_range_and_a_lower_bound():
    r = Quantity(text="20%-30%", start=0, end=7, value=None, low=20.0, high=30.0, unit="percent", kind="percent")
    assert interval(r) == (19.5, 30.5)
    more = Quantity(text="more than 100", start=0, end=13, value=100.0, approx=">")
    assert interval(more)[1] == math.inf


def _pair(text, a, b):
    table = facts_for_text(text, [a, b])
    return compare(*table.facts)


def test_compare_verdicts():
    text = "Profit was £5m. Profit was £5bn. Profit was £5.0m. Profit was £7m. Profit was $5m. Profit was 5.04m."

    def q(s, v, nth=0, unit="GBP"):
        return mention(text, s, v, nth, unit=unit, kind="money", metric="profit")

    assert _pair(text, q("£5m", 5e6), q("£5bn", 5e9)).verdict == "scale"
    assert _pair(text, q("£5m", 5e6), q("£5.0m", 5e6)).verdict == "same"
    assert _pair(text, q("£5m", 5e6), q("£7m", 7e6)).verdict == "conflict"
    assert _pair(text, q("£5m", 5e6), q("$5m", 5e6, unit="USD")).verdict == "currency"
    assert _pair(text, q("£5m", 5e6), q("5.04m", 5.04e6)).verdict == "drift"


def test_units_convert_before_comparing():
    text = "The road is 40 km long. The road is 25 miles long. The road is 90 miles long."
    a = mention(text, "40 km", 40.0, unit="kilometer", kind="measure", metric="road")
    b = mention(text, "25 miles", 25.0, unit="mile", kind="measure", metric="road")
    c = mention(text, "90 miles", 90.0, unit="mile", kind="measure", metric="road")
    assert _pair(text, a, b).verdict == "unit"        # a conversion: 40 km is 24.9 miles
    assert _pair(text, a, c).verdict == "conflict"    # two values of one length


def _evidence(table, a, b):
    return matching.pair_features(a, b, matching.document_context(table.facts, lambda f: f.key))


def test_different_owners_are_evidence_of_different_facts():
    text = "Acme cut 450 jobs at Acme. Bolt cut 300 jobs at Bolt. Acme cut 300 jobs at Acme."
    qs = [mention(text, "450", 450.0), mention(text, "300", 300.0), mention(text, "300", 300.0, nth=1)]
    table = facts_for_text(text, qs)
    acme, bolt, acme2 = table.facts
    assert acme.owner == {"acme"} and bolt.owner == {"bolt"}
    assert "owner_differ" in _evidence(table, acme, bolt) and "owner_same" in _evidence(table, acme, acme2)


def test_pairing_stays_linear_on_a_long_document():
    sentence = "The firm has 1,234 staff in town. "
    text = sentence * 20000
    qs = []
    for i in range(20000):
        start = i * len(sentence) + sentence.index("1,234")
        qs.append(Quantity(text="1,234", start=start, end=start + 5, value=1234.0))
    t0 = time.perf_counter()
    table = facts_for_text(text, qs)
    n_pairs = sum(1 for _ in matching.candidate_pairs(table.facts, lambda f: f.key))
    elapsed = time.perf_counter() - t0
    per_mention = matching.NEAREST + matching.SAME_KEY + matching.SAME_DIGITS + matching.HEADLINE
    assert n_pairs <= per_mention * len(qs)
    assert elapsed < 20


@pytest.mark.parametrize("text,surface,kind,per", [
    # a class of share between "per" and its noun, or standing for it, still makes a price per share
    ("Holders get 20 dlrs per common share in cash.", "20 dlrs", "money", "share"),
    ("The board pays 4p per ordinary share this year.", "4p", "money", "share"),
    ("Holders may take 9.40 dlrs cash for each common, the firm said.", "9.40 dlrs", "money", "share"),
    # a trailing "each" is per item of the plural before it ...
    ("The fund bought 50,000 shares at 3.15 dlrs each from its founder.", "3.15 dlrs", "money", "share"),
    ("Fans paid for two tickets at £45 each on the day.", "£45", "money", "ticket"),
    # ... or of an unnamed item when no plural is there
    ("The port took four of 20,000 tonnes each last spring.", "20,000 tonnes", "measure", "unit"),
    # not per anything: a total, "each of", a share class that is not after a per-word
    ("The fund paid 3.15 mln dlrs for its shares last year.", "3.15 mln dlrs", "money", None),
    ("The award was £45, each of the winners said.", "£45", "money", None),
    ("It holds 40 pct of the common stock of the firm.", "40 pct", "percent", None),
    ("Savers put 500 dlrs each in a common fund.", "500 dlrs", "money", "unit"),
    ("Savers put 500 dlrs into a common fund.", "500 dlrs", "money", None),
    # a rate written per many ("per 100,000 people") is per person
    ("The rate rose to 45 cases per 100,000 people.", "45", "count", "people"),
    ("Infant deaths were 12.5 per 1,000 live births.", "12.5", "count", "live birth"),
])
def test_per_share_classes_and_each(text, surface, kind, per):
    table = facts_for_text(text, [mention(text, surface, 1.0, kind=kind)])
    assert table.facts[0].per == per


def test_more_after_the_number_marks_another_set():
    text = "It may buy 200,000 more shares at 1.25 dlrs each. It bought 200,000 shares at 1.25 dlrs each."
    more, plain = facts_for_text(text, [mention(text, "200,000", 2e5), mention(text, "200,000", 2e5, nth=1)]).facts
    assert more.subset and not plain.subset


def test_a_per_word_after_or_belongs_to_the_second_figure():
    # (a spelled second figure is all words, so the few words allowed before "per" used to reach it)
    text = "Net profit was 4.4 mln dlrs or eight cts per share, up from 2.1 mln dlrs and nine dlrs cash per share."
    qs = [mention(text, s, v, unit="USD", kind="money")
          for s, v in (("4.4 mln dlrs", 4.4e6), ("eight cts", 0.08), ("2.1 mln dlrs", 2.1e6), ("nine dlrs", 9.0))]
    total, price, old, cash = facts_for_text(text, qs).facts
    assert total.per is None and old.per is None
    assert price.per == "share" and cash.per == "share"


def test_a_wrapped_line_goes_on_in_one_sentence_but_a_new_line_in_capitals_does_not():
    text = ("Troops rise to 10,000\n"
            "Some 10,000 troops were sent to the\nborder, up from 3,000 last\nyear.\n"
            "A second line.\n")
    assert [text[a:b].strip() for a, b in split_sentences(text)] == [
        "Troops rise to 10,000",
        "Some 10,000 troops were sent to the\nborder, up from 3,000 last\nyear.",
        "A second line.",
    ]


def test_a_wrapped_stated_change_is_still_one_sentence_to_the_rules():
    import numlint

    text = "Troops rise to 10,000\n\nSome 10,000 troops were sent to the\nborder, up from 3,000 last\nyear.\n"
    assert [f.code for f in numlint.check_text(text)] == ["NL102"]


def _tabular_flags(text):
    from numlint.extract import extract_quantities

    return [(f.q.text, f.tabular) for f in facts_for_text(text, extract_quantities(text))]


def test_short_lines_of_figures_are_rows_of_a_table():
    # a results box: one label per line, several figures, no sentence punctuation
    text = "Results\nRevs 12.3 mln vs 10.1 mln\nNet 1.2 mln vs 900,000\n"
    assert _tabular_flags(text) == [("12.3 mln", True), ("10.1 mln", True), ("1.2 mln", True), ("900,000", True)]
    # and the rows do not contradict each other
    import numlint

    assert numlint.check_text("Results\nNet 1.2 mln vs 900,000\nNet 1.4 mln vs 950,000\n") == []


def test_a_headline_or_a_sentence_is_not_a_row():
    # the headline's two figures are the story's, checked against the body
    assert _tabular_flags("Profit rises to £5bn from £3bn\nThe firm said so.\n") == [("£5bn", False), ("£3bn", False)]
    # a sentence ends with its stop; one figure is no row
    text = "Headline\nProfit rose to £5bn from £3bn.\nSales were 12 mln\n"
    assert _tabular_flags(text) == [("£5bn", False), ("£3bn", False), ("12 mln", False)]


def test_a_currency_named_as_the_head_is_a_vague_metric():
    import dataclasses

    from numlint.extract import extract_quantities
    from numlint.lang.stopwords import VAGUE_HEADS

    # unscaled, "marks" stays a word after a count (after a scale word it is money: "100 mln marks")
    text = "Dollar slips\nThe dollar fell to 1.80 marks on Monday.\nIt rose to 1.85 marks on Tuesday.\n"
    loan, payment = facts_for_text(text, extract_quantities(text))
    assert loan.key == payment.key == "mark" and "mark" in VAGUE_HEADS
    # "marks" says the unit, not what the money is: a shared key that is only weak evidence
    table = facts_for_text(text, [loan.q, payment.q])
    assert "key_vague" in _evidence(table, *table.facts)
    as_loans = [dataclasses.replace(f, key="loan", metric="loan") for f in table.facts]
    assert "key_vague" not in _evidence(table, *as_loans) and "key_same" in _evidence(table, *as_loans)


def test_a_slipped_scale_word_in_marks_is_still_caught():
    import numlint

    text = ("The bank lent 100 mln marks to the state firm on Monday, officials said.\n"
            "The state firm said it would use the 100 billion marks to finance an expansion.\n")
    assert [(f.code, f.line) for f in numlint.check_text(text)] == [("NL201", 2)]


def test_value_relation_names_a_typing_slip_only_where_it_is_one():
    from numlint.facts.matching import value_features

    def relation(a: str, b: str) -> set[str]:
        return set(value_features(a, float(a), b, float(b), "", "", 1.0, 1.0))

    assert "transposed" in relation("450", "540")        # two neighbouring digits swapped
    assert "transposed" in relation("1835", "1385")
    assert "transposed" not in relation("172", "217")    # the same digits, not a swap
    assert "one_digit" in relation("1240", "1250")       # three significant digits, one changed
    assert "one_digit" not in relation("20", "30")       # round figures differ in one digit by chance
    assert "one_digit" not in relation("25", "29")
    assert "one_digit" not in relation("4000", "4400")


def test_a_possessive_is_no_back_reference_but_the_is():
    # "its 19,000 tonne quota" belongs to the owner its own sentence names; "the 19,000 tonnes"
    # points back at a figure the reader has met
    from numlint.extract import extract_quantities
    from numlint.facts import facts_for_text
    from numlint.facts.fact import is_definite

    text = "Norway raised its 19,000 tonne quota. Officials said the 19,000 tonnes would be landed."
    assert [is_definite(f) for f in facts_for_text(text, extract_quantities(text)).facts] == [False, True]


def test_a_figure_the_clause_after_it_introduces_is_no_back_reference():
    # "the 5.3 pct stake held by Carter", "the 108 mln dlrs its units plan to spend": the words
    # after the figure say which one is meant, so it is introduced here, not pointed back at
    from numlint.extract import extract_quantities
    from numlint.facts import facts_for_text
    from numlint.facts.fact import is_definite

    for text in ("The group offered to buy the entire 5.3 pct stake held by a dissident shareholder.",
                 "Funds will cover 65 pct of the 108 mln dlrs its retail units plan to spend."):
        facts = facts_for_text(text, extract_quantities(text)).facts
        assert not is_definite(facts[-1]), text
    text = "The firm will cut 450 jobs. Unions oppose the 450 jobs cuts at the plant."
    assert is_definite(facts_for_text(text, extract_quantities(text)).facts[-1])


def test_a_finding_names_the_shared_words_as_written_not_their_stems():
    # The words around two mentions are matched by stem ("routes" and "route" give "rout"); the
    # message names them as the reader sees them.
    text = ("Fares to rise\n\nThe authority said 41% of its routes now ran at a loss.\n\n"
            "The 14% of routes that run at a loss will be reviewed first.\n")
    import numlint

    (finding,) = [f for f in numlint.check_text(text) if f.code == "NL101"]
    assert "shared words around both (routes)" in finding.message


@pytest.mark.parametrize("sentence, near, time", [
    ("Inflation was 16.9 pct in the year to end-September.", 14, "year to end-september"),
    ("GDP rose 0.5% in the three months to September.", 10, "months to september"),
    ("Reserves stood at 2.1 billion dlrs at end-March.", 20, "end-march"),
    ("Prices rose 5% in the month to May.", 12, "month to may"),
])
def test_a_period_ending_in_a_month_is_a_time(sentence, near, time):
    from numlint.facts.frame import find_time

    assert find_time(sentence, near) == time
