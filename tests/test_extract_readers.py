"""Each small reader of numlint.extract alone, on a Source built for the test."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numlint.extract import metric
from numlint.extract.amount import read_amount
from numlint.extract.cores import DIGIT_CORE, SPELLED_CORE, parse_spelled, read_digits
from numlint.extract.currency import pounds_are_money, read_currency_prefix
from numlint.extract.filters import filter_non_quantities
from numlint.extract.modifiers import APPROX_AFTER_RE, approx_after, approx_before, change_before, is_restatement
from numlint.extract.ranges import read_range
from numlint.extract.reader import read_mention
from numlint.extract.scale import read_scale
from numlint.extract.source import Amount, Mention, Skip, Source
from numlint.extract.units import read_unit


def _amount(text: str) -> Amount:
    """The amount of the first digit core in ``text``."""
    m = DIGIT_CORE.search(text)
    amt = read_amount(Source(text), m.start(), m.end(), "d")
    assert amt is not None
    return amt


# --- cores -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("words, value", [
    ("one hundred", 100), ("three thousand", 3000), ("twenty-five", 25), ("a dozen", 12),
    ("two and a half million", 2.5e6), ("half", 0.5), ("two hundred thousand million", 2e11),
])
def test_parse_spelled(words, value):
    got, used = parse_spelled(words)
    assert got == pytest.approx(value) and used == len(words)


def test_parse_spelled_stops_where_a_second_number_starts():
    assert parse_spelled("two three") == (2, 3)
    assert parse_spelled("one billion and three billion")[0] == 1e9


@pytest.mark.parametrize("text", ["G7 summit", "version 1.2.3", "at 9:35 today", "the '90s", "in 1990s music"])
def test_digits_that_are_no_number_are_skipped(text):
    m = DIGIT_CORE.search(text)
    with pytest.raises(Skip):
        read_digits(Source(text), m.start(), m.end(), False)


def test_a_negative_number_and_a_glued_unicode_fraction():
    assert _amount("fell -0.5% on the day").number == -0.5
    assert _amount("a 2½ mile walk").number == 2.5


@given(st.integers(min_value=0, max_value=10**12))
def test_comma_grouped_digits_read_back_as_the_number(n):
    text = f"{n:,} people"
    assert _amount(text).number == n


def test_spelled_core_finds_runs_of_number_words():
    assert SPELLED_CORE.search("some twenty-five thousand people").group(0) == "twenty-five thousand"


# --- currency and scale ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [("$5", "USD"), ("US$ 5", "USD"), ("HK$5", "HKD"), ("RM120", "MYR"),
                                        ("£5", "GBP")])
def test_currency_prefix(text, code):
    start = DIGIT_CORE.search(text).start()
    assert read_currency_prefix(Source(text), start) == (code, 0)


def test_a_letter_symbol_inside_a_word_is_no_currency():
    text = "FORM5 items"
    assert read_currency_prefix(Source(text), 4) == (None, 4)


def test_pounds_are_money_or_a_weight_by_their_sentence():
    money = "It cost 20 pounds, sterling prices said."
    weight = "The baby weighed 20 pounds at birth."
    assert pounds_are_money(Source(money), _amount(money), money[10:50])
    assert not pounds_are_money(Source(weight), _amount(weight), weight[19:60])


@pytest.mark.parametrize("text, multiplier, scale", [
    ("1.3 mln dlrs", 1e6, "mln"), ("£5m", 1e6, "m"), ("$1.2bn", 1e9, "bn"), ("2m barrels", 1e6, "m"),
    ("10k run", 1.0, None), ("the 100m final", 1.0, None), ("3 hundred people", 100.0, "hundred"),
    ("5 thousand", 1e3, "thousand"),
])
def test_scale(text, multiplier, scale):
    m = DIGIT_CORE.search(text)
    src = Source(text)
    amt = read_digits(src, m.start(), m.end(), False)
    read_scale(src, amt)
    assert (amt.multiplier, amt.scale) == (multiplier, scale)


@pytest.mark.xfail(reason="known: the scale window is 16 characters, so \"hundred thousand\" is cut to \"hundred\"",
                   strict=True)
def test_hundred_thousand_after_digits():
    assert _amount("3 hundred thousand people").multiplier == 1e5


def test_a_glued_capital_letter_without_money_is_an_identifier():
    text = "the 5B network"
    amt = read_digits(Source(text), 4, 5, False)
    with pytest.raises(Skip):
        read_scale(Source(text), amt)


# --- units -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, unit, kind", [
    ("5% of voters", "percent", "percent"), ("2 percentage points", "percentage_point", "percent"),
    ("19p a share", "GBX", "money"), ("$58.24 a barrel", "USD / oil_barrel", "money"),
    ("10 kilometres away", "kilometer", "measure"), ("32C in the shade", "degree_Celsius", "measure"),
    ("12 mg/L of lead", "milligram / liter", "measure"), ("a 10-year bond", "year", "measure"),
    ("5 times as many", "", "ratio"),
    ("20 troops", "", "count"),
])
def test_read_unit(text, unit, kind):
    amt = _amount(text)
    assert (amt.unit, amt.kind) == (unit, kind)


@pytest.mark.xfail(reason="known: the hyphen step reads \"-barrel\" before trying \"-barrel-a-day\"", strict=True)
def test_a_hyphenated_rate():
    assert _amount("a 52,000-barrel-a-day refinery").unit == "oil_barrel / day"


def test_read_unit_reports_whether_it_found_one():
    text = "20 troops"
    amt = Amount(start=0, end=2, number=20, raw_end=2, num_start=0)
    assert read_unit(Source(text), amt) is False and amt.end == 2


def test_a_degree_sign_before_a_compass_point_is_a_coordinate():
    with pytest.raises(Skip):
        _amount("at 38° N the line")


# --- ranges, modifiers, filters ---------------------------------------------------------------------

def _mention(text: str) -> Mention | None:
    m = DIGIT_CORE.search(text)
    return read_mention(Source(text), m.start(), m.end(), "d")


@pytest.mark.parametrize("text, low, high", [
    ("20%-30% of GDP", 20, 30), ("between 350 and 400 mln dlrs", 350e6, 400e6), ("$10 to $15 billion", 10e9, 15e9),
])
def test_ranges(text, low, high):
    m = _mention(text)
    assert (m.low.value, m.high.value) == (low, high)


def test_a_score_is_no_range():
    text = "they won 3-1 on Sunday"
    src = Source(text)
    amt = read_amount(src, 9, 10, "d")
    with pytest.raises(Skip):
        read_range(src, Mention(start=9, end=10, low=amt), False, False)


@pytest.mark.parametrize("lead, approx", [("about ", "~"), ("more than ", ">"), ("an estimated ", "~"), ("~", "~"),
                                          ("at least ", ">=")])
def test_approx_before(lead, approx):
    assert approx_before("it had " + lead)[0] == approx


@pytest.mark.parametrize("after, approx", [(" or more", ">="), (" or so", "~"), (" and over", ">="), ("+", ">="),
                                           ("-plus", ">=")])
def test_approx_after(after, approx):
    assert approx_after(APPROX_AFTER_RE.match(after)) == approx


@pytest.mark.parametrize("lead, word", [("profits rose ", "rose"), ("fell by ", "fell"), ("a rise of ", "rise"),
                                        ("cut its forecast by ", "cut"), ("rose to ", None)])
def test_change_before(lead, word):
    assert change_before(lead) == word


def test_a_restatement_after_or():
    text = "fell 120 points, or 1.2%"
    assert is_restatement(text, 15, 20)


@pytest.mark.parametrize("text", ["in 2017 the", "on March 29 it", "at 10 am sharp", "the Boeing 747 jet", "page 5 of"])
def test_filters_skip_what_is_no_quantity(text):
    assert _mention_or_skip(text) is None


def _mention_or_skip(text):
    try:
        return _mention(text)
    except Skip:
        return None


def test_a_count_after_an_approximator_is_no_year():
    assert _mention("more than 2000 people came").low.number == 2000


def test_filter_non_quantities_alone():
    text = "on March 29 it"
    src = Source(text)
    amt = read_amount(src, 9, 11, "d")
    with pytest.raises(Skip):
        filter_non_quantities(src, Mention(start=9, end=11, low=amt), text[:9], False)


# --- metric ----------------------------------------------------------------------------------------

def _never(_pos: int) -> bool:
    return False


def test_read_metric_after_the_figure():
    text = "Some 10,000 North Korean troops were sent."
    got = metric.read_metric(text, end=11, after_from=11, kind="count", low_kind="count", vague=False,
                             change_after=False, lead=text[:5], lead_start=0, sentence_initial=_never)
    assert got == ("troops", None)


def test_read_metric_before_the_figure_and_the_base_of_a_percentage():
    text = "unemployment rose 5% of the workforce"
    got = metric.read_metric(text, end=20, after_from=20, kind="percent", low_kind="percent", vague=False,
                             change_after=False, lead=text[:18], lead_start=0, sentence_initial=_never)
    assert got == ("unemployment", "workforce")


def test_noun_phrase_stops_at_function_words_and_skips_a_possessor():
    assert metric.noun_phrase(" troops in Russia") == "troops"
    assert metric.noun_phrase(" North Korea's GDP annually", allow_caps=True, skip_possessive=True) == "gdp"


def test_metric_from_earlier_needs_a_comparison_word_in_the_same_sentence():
    text = "10,000 troops, up from 3,000"
    earlier = [(0, 13, "troops", "", "count")]
    assert metric.metric_from_earlier(text, 23, 0, "", "count", earlier) == "troops"
    assert metric.metric_from_earlier(text, 23, 20, "", "count", earlier) is None
    assert metric.metric_from_earlier("10,000 troops; 3,000", 15, 0, "", "count", earlier) is None


def test_a_currency_sign_written_as_an_html_reference():
    from numlint.extract import extract_quantities

    got = [(q.value, q.unit) for q in extract_quantities("Turnover was &pound;7m<sup>2</sup> in all, or &euro;8m.")]
    assert got == [(7e6, "GBP"), (8e6, "EUR")]


def test_ascii_lower_keeps_every_offset_and_every_non_ascii_character():
    from numlint.extract.cores import ASCII_LOWER, ascii_lower

    for text in ("PROFITS ROSE TO 5 MLN DLRS", "Prices in İstanbul rose 5%", "The ﬁrm’s £5M deal – ÉTÉ"):
        assert ascii_lower(text) == text.translate(ASCII_LOWER)
        assert len(ascii_lower(text)) == len(text)
