"""Misreadings of issue 18 fixed at their cause: ages written as a bracket, the second day of a span
of dates, aircraft model numbers, a share written as "one in three", a currency hyphened into
a compound adjective ("a 13-billion-dlr debt"), an abbreviation between a number and its noun
("40 U.S. firms"), a unit of information written in the singular ("a 5 gigabyte file"), a counted
noun with an SI prefix ("a 12-megapixel camera"), a rate hyphened into a compound adjective
("$3-a-gallon gas") and prices per bushel."""

from __future__ import annotations

import pytest

from numlint.extract import extract_quantities


def _one(text: str):
    qs = extract_quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


# --- ages ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface", [
    ("Support in the 18-35 age bracket rose.", "18-35"),
    ("Those in the 25 to 34 age group voted.", "25 to 34"),
    ("Support among 18-35 year olds rose.", "18-35 year olds"),
    ("Support among 18-35-year-olds rose.", "18-35-year-olds"),
    ("Two 14-year-olds were hurt.", "14-year-olds"),
])
def test_an_age_bracket_is_ages_in_years(text, surface):
    q = [q for q in extract_quantities(text) if q.text == surface][0]
    assert q.unit == "year" and q.metric == "age"


def test_a_count_of_age_groups_stays_a_count():
    q = _one("The survey has 10 age groups.")
    assert q.kind == "count" and q.unit == "" and q.value == 10


def test_an_age_bracket_and_an_age_are_one_unit():
    # the same span written as a bracket and with "aged": one unit, so no unit mismatch to report
    a = _one("Voters aged 18-35 back the plan.")
    b = _one("Voters in the 18-35 age bracket back the plan.")
    assert (a.low, a.high, a.unit, a.metric) == (b.low, b.high, b.unit, b.metric) == (18, 35, "year", "age")


# --- dates -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Flights were cancelled between March 5 and 23.",
    "The strike ran from Oct. 3 to 17 in the north.",
    "The show runs March 5 through 9.",
])
def test_the_second_day_of_a_span_of_dates_is_no_count(text):
    assert extract_quantities(text) == []


def test_a_count_after_a_date_is_still_a_count():
    qs = extract_quantities("Since March 5, 23 people have been hurt.")
    assert [(x.value, x.metric) for x in qs] == [(23, "people")]


# --- aircraft model numbers ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Boeing 747 jets were grounded.",
    "An Airbus 320 landed safely.",
    "The carrier flies 747 and 777 aircraft.",
    "Orders for the 737 fell, Boeing said.",
    "The 787-9 and the 737 Max were on show.",
    "The airline retired its last 747 jumbo.",
])
def test_an_aircraft_model_number_is_no_count(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize("text, value, metric", [
    ("The airline flies 12 Boeing 747 jets.", 12, "boeing 747 jets"),
    ("It ordered 20 Boeing 747-400 jumbo jets.", 20, "boeing 747-400 jumbo jets"),
    ("It runs 40 Airbus A320 planes.", 40, "airbus a320 planes"),
    ("Tesla delivered about 63000 Model 3 sedans.", 63000, "model 3 sedans"),
])
def test_a_count_before_a_model_counts_what_follows_the_model(text, value, metric):
    q = _one(text)
    assert (q.value, q.kind, q.metric) == (value, "count", metric)


def test_a_boeing_shaped_count_outside_aviation_stays_a_count():
    q = _one("The shop sold 737 cars in May.")
    assert (q.value, q.metric) == (737, "cars")


# --- one in three ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, value, metric", [
    ("One in three Germans have housing problems.", "One in three", 1 / 3, "germans"),
    ("One out of three Germans have housing problems.", "One out of three", 1 / 3, "germans"),
    ("Nearly 1 in 5 adults smoke.", "1 in 5", 0.2, "adults"),
    ("Nine out of 10 voters backed it.", "Nine out of 10", 0.9, "voters"),
    ("Only one in twenty-five applicants succeed.", "one in twenty-five", 0.04, "applicants"),
    ("The risk is one in 10,000 people.", "one in 10,000", 1e-4, "people"),
])
def test_one_in_three_is_a_share(text, surface, value, metric):
    q = _one(text)
    assert q.text == surface and q.kind == "ratio" and q.value == pytest.approx(value) and q.metric == metric


@pytest.mark.parametrize("text, values", [
    ("He scored 2 in 10 minutes.", [2, 10]),
    ("There were 5 in 2019 and 7 in 2020.", [5, 7]),
])
def test_a_number_in_a_time_or_a_year_is_no_share(text, values):
    assert [q.value for q in extract_quantities(text)] == values


# --- a number's compound ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, value, metric, concept", [
    ("They bought a three-bedroom house.", 3, "bedroom", "house"),
    ("He shot 32.3% from the field and 40% from three-point range.", 3, "point", "range"),
    ("Labour set out a 10-point plan.", 10, "point", "plan"),
])
def test_a_compound_counts_its_noun_and_is_about_the_noun_after(text, value, metric, concept):
    q = [q for q in extract_quantities(text) if q.kind == "count"][0]
    # (the clause's subject may follow as whose: "plan, Labour")
    assert (q.value, q.metric, q.concept.split(", ")[0]) == (value, metric, concept)


@pytest.mark.parametrize("text", [
    "It was a two-way street.",
    "He built a three-dimensional model.",
    "It would be a production-four-door lap record.",
])
def test_an_idiom_or_a_word_part_is_no_compound_count(text):
    assert [q.metric for q in extract_quantities(text) if q.kind == "count"] == []


def test_a_counted_noun_before_the_noun_it_describes():
    q = _one("The story comes from the 12 page document the paper obtained.")
    assert (q.metric, q.concept.split(", ")[0]) == ("page", "document")


@pytest.mark.parametrize("text, concept", [
    ("An estimated 5 million children under the age of 5 years died.", "children"),
    ("The squad had 17 players over the age of 21.", "players"),
])
def test_an_age_after_the_person_is_about_that_person(text, concept):
    q = [q for q in extract_quantities(text) if q.metric == "age"][0]
    assert q.concept == concept


# --- a modifier between a number and its unit -------------------------------------------------------

@pytest.mark.parametrize("text, value, unit", [
    ("The defense gave up 517 rushing yards.", 517, "yard"),
    ("It rained for three straight days.", 3, "day"),
    ("Refunds take 10 working days.", 10, "day"),
    ("The show will join the 50 previous years of programming.", 50, "year"),
])
def test_a_modifier_before_the_unit_word_keeps_the_unit(text, value, unit):
    q = _one(text)
    assert (q.value, q.unit, q.kind) == (value, unit, "measure")


def test_a_modifier_before_a_noun_leaves_a_count():
    q = _one("They hired 300 more workers.")
    assert (q.value, q.unit, q.metric) == (300, "", "workers")


@pytest.mark.parametrize("text, concept", [
    ("The firm will get a state incentive grant worth up to $8 million.", "state incentive grant"),
    ("It sold flower products priced at under $10 per gram.", "flower products"),
    ("The company, valued at $2bn, listed.", "company"),
])
def test_the_noun_before_worth_or_priced_at_is_what_a_figure_is_about(text, concept):
    q = _one(text)
    assert q.concept.split(", ")[0] == concept


@pytest.mark.parametrize("text, metric", [
    ("It sold 4.3M digital and physical copies.", "digital and physical copies"),
    ("It has 20 full-time and part-time jobs.", "full-time and part-time jobs"),
    ("He sold 300 cars and trucks.", "cars"),
])
def test_two_modifiers_of_one_head_are_one_metric(text, metric):
    q = _one(text)
    assert q.metric == metric


@pytest.mark.parametrize("text, unit", [
    ("Temperatures hit 40 C in Seville.", "degree_Celsius"),
    ("It has a melting point of 12 C.", "degree_Celsius"),
    ("The hottest day was 97 F.", "degree_Fahrenheit"),
])
def test_a_spaced_temperature_letter_in_a_sentence_about_temperature(text, unit):
    assert _one(text).unit == unit


def test_a_spaced_letter_elsewhere_is_no_temperature():
    assert [q.unit for q in extract_quantities("He got 5 C grades.")] == [""]


def test_a_bracketed_conversion_reads_no_metric_past_its_bracket():
    # "36C (97F) today": the word after the closing bracket is no part of the conversion
    assert [q.metric for q in extract_quantities("It was 36C (97F) today.")] == [None, None]


@pytest.mark.parametrize("text, value", [
    ("One fourth of the US population is vaccinated.", 0.25),
    ("Three-fourths of voters agreed.", 0.75),
    ("One tenth of the budget went.", 0.1),
    ("A fourth of the budget went.", 0.25),
    ("Third of voters back plan", 1 / 3),
])
def test_fractions_with_a_numerator(text, value):
    q = _one(text)
    assert q.kind == "ratio" and q.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["It won the third of the five matches.", "It was the fourth of July."])
def test_an_ordinal_is_no_fraction(text):
    assert [q.kind for q in extract_quantities(text)] in ([], ["count"])


@pytest.mark.parametrize("text, metric", [
    ("It will build 500 newly built homes.", "homes"),
    ("It has 40 privately owned firms.", "firms"),
    ("There are 3 million fully vaccinated people.", "people"),
])
def test_an_adverb_and_its_modifier_before_the_counted_noun(text, metric):
    assert _one(text).metric == metric


@pytest.mark.parametrize("text, value, unit", [
    ("The value will increase from 24.2 to 33-35 billion euros.", 24.2e9, "EUR"),
    ("Output rose from 10 to 12-15 tonnes.", 10, "metric_ton"),
])
def test_a_change_to_a_range_gives_its_first_end_the_range_unit(text, value, unit):
    q = extract_quantities(text)[0]
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text, metric", [
    ("The population of the city is 50,000.", "population"),
    ("The cost of the project was $5m.", "cost"),
    ("The number of cars was 500.", "cars"),        # a generic head: what follows "of" is counted
])
def test_the_x_of_y_counts_x(text, metric):
    assert _one(text).metric == metric


@pytest.mark.parametrize("text, metric", [
    ("It bought 200 million dollars worth of bonds.", "bonds"),
    ("They have 50 years' worth of data.", "data"),
])
def test_worth_of_is_no_metric_what_follows_is(text, metric):
    q = _one(text)
    assert (q.metric, q.concept) == (metric, metric)


def test_a_grouped_count_after_a_maker_is_a_count():
    # a model number is never written with a thousands comma
    q = _one("Boeing 2,000 jobs to go")
    assert (q.value, q.metric) == (2000, "jobs")


# --- a currency hyphened into a compound adjective ------------------------------------------------

@pytest.mark.parametrize("text, surface, value, unit, metric", [
    ("The group has a 13-billion-dlr debt to its banks.", "13-billion-dlr", 13e9, "USD", "debt"),
    ("The two-billion-euro fund opened.", "two-billion-euro", 2e9, "EUR", "fund"),
    ("He found a 20-dollar bill.", "20-dollar", 20, "USD", "bill"),
    ("The 1.5-billion-stg bid failed.", "1.5-billion-stg", 1.5e9, "GBP", "bid"),
])
def test_a_currency_hyphened_to_its_figure_makes_it_money(text, surface, value, unit, metric):
    # "a 13-billion-dlr debt" is money owed, not a count of "dlr debt"s
    q = _one(text)
    assert (q.text, q.value, q.unit, q.kind, q.metric) == (surface, value, unit, "money", metric)


def test_a_pound_hyphened_to_its_figure_is_still_a_weight_outside_money_copy():
    q = _one("He bought a 10-pound turkey.")
    assert (q.unit, q.kind) == ("pound", "measure")


# --- an abbreviation between a number and its noun ---------------------------------------------------

@pytest.mark.parametrize("text, metric", [
    ("They bought 40 U.S. firms last year.", "firms"),
    ("It sold 300 U.S. Treasury bonds.", "bonds"),
    ("They met 3 U.N. officials.", "officials"),
])
def test_an_abbreviation_after_a_number_is_no_name_that_number_belongs_to(text, metric):
    # "40 U.S. firms" counts firms: "U.S." is one capitalised word, not a name with a number ("Boeing 747")
    assert _one(text).metric == metric


def test_a_name_with_a_number_is_still_no_quantity():
    assert extract_quantities("The Boeing 747 landed.") == []


# --- units of information written in the singular -------------------------------------------------

@pytest.mark.parametrize("text, surface, unit", [
    ("He sent a 5 gigabyte file.", "5 gigabyte", "gigabyte"),
    ("It runs on a 1.2 gigabit link.", "1.2 gigabit", "gigabit"),
    ("The chip holds 8 bits.", "8 bits", "bit"),
])
def test_a_unit_of_information_is_a_measure_not_a_counted_noun(text, surface, unit):
    # "a 5 gigabyte file" was a count of "gigabyte"s, so it met no other size of file
    q = _one(text)
    assert (q.text, q.unit, q.kind) == (surface, unit, "measure")


# --- a counted noun with an SI prefix -------------------------------------------------------------

def test_a_megapixel_count_is_millions_of_pixels():
    q = _one("It has a 12-megapixel camera.")
    assert (q.value, q.metric, q.multiplier) == (12e6, "pixels", 1e6)


def test_a_gigapixel_photo_and_its_billion_pixels_are_one_figure_not_a_scale_slip():
    import numlint

    text = ("Giant photo\n\nThe image is 2.5 billion pixels in size.\n\n"
            "Experts created the 2.5 gigapixel photo as a challenge.\n")
    assert numlint.check_text(text) == []


# --- a rate hyphened into a compound adjective, and bushels -----------------------------------------

@pytest.mark.parametrize("text, surface, unit", [
    ("Drivers paid $3-a-gallon gas prices.", "$3-a-gallon", "USD / gallon"),
    ("It made a $100-per-share offer.", "$100-per-share", "USD / share"),
    ("Workers earn a $5-an-hour wage.", "$5-an-hour", "USD / hour"),
    ("November closed at 6.23 dlrs a bushel.", "6.23 dlrs a bushel", "USD / bushel"),
])
def test_a_price_per_unit_keeps_its_unit_when_hyphened_or_per_bushel(text, surface, unit):
    # "$3-a-gallon" was $3 with the metric "a-gallon gas prices": a total, not a price per gallon
    q = _one(text)
    assert (q.text, q.unit) == (surface, unit)


def test_a_year_ago_is_still_no_rate():
    assert _one("He paid $5 a year ago.").unit == "USD"
