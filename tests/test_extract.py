"""Unit tests for numlint.extract: exact values, units, spans, on sentences written for these tests.

Every case lists the FULL output for its sentence as
(text, start, value, low, high, unit, kind, approx, change, metric, base); an empty list means the
sentence holds no quantity (years, dates, times, ordinals, coordinates, identifiers, phone numbers).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from numlint.extract import extract_quantities
from numlint.model import Quantity

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "korea-troops.txt"


def summary(text: str):
    out = []
    for q in extract_quantities(text):
        assert text[q.start:q.end] == q.text
        assert (q.line, q.column) == (0, 0)
        out.append((q.text, q.start, q.value, q.low, q.high, q.unit, q.kind, q.approx, q.change, q.metric, q.base))
    return out


def one(text: str) -> Quantity:
    qs = extract_quantities(text)
    assert len(qs) == 1, [(q.text, q.value) for q in qs]
    return qs[0]


CASES = [
    ('The club reported profits of £5m last year.', [
        ('£5m', 29, 5000000.0, None, None, 'GBP', 'money', '=', None, 'profits', None),
    ]),
    ('The bank made a £5m profit.', [
        ('£5m', 16, 5000000.0, None, None, 'GBP', 'money', '=', None, 'profit', None),
    ]),
    ('The firm raised $1.2bn in new debt.', [
        ('$1.2bn', 16, 1200000000.0, None, None, 'USD', 'money', '=', None, None, None),
    ]),
    ('It has 1.3 mln subscribers.', [
        ('1.3 mln', 7, 1300000.0, None, None, '', 'count', '=', None, 'subscribers', None),
    ]),
    ('Exports reached 5,000 billion yen in March.', [
        ('5,000 billion yen', 16, 5000000000000.0, None, None, 'JPY', 'money', '=', None, 'exports', None),
    ]),
    ('The deal was worth 2.5 billion stg.', [
        ('2.5 billion stg', 19, 2500000000.0, None, None, 'GBP', 'money', '=', None, None, None),
    ]),
    ('Net income was 12 cts a share, vs 9 cts a share.', [
        ('12 cts a share', 15, 12.0, None, None, 'USX / share', 'money', '=', None, 'net income', None),
        ('9 cts a share', 34, 9.0, None, None, 'USX / share', 'money', '=', None, 'net income', None),
    ]),
    ('Profit rose to 1.3 mln dlrs from 1.2 mln dlrs.', [
        ('1.3 mln dlrs', 15, 1300000.0, None, None, 'USD', 'money', '=', None, 'profit', None),
        ('1.2 mln dlrs', 33, 1200000.0, None, None, 'USD', 'money', '=', None, 'profit', None),
    ]),
    ('The stamp now costs 19 pence.', [
        ('19 pence', 20, 19.0, None, None, 'GBX', 'money', '=', None, None, None),
    ]),
    ('A ticket costs €40 and a meal 15 euros.', [
        ('€40', 15, 40.0, None, None, 'EUR', 'money', '=', None, None, None),
        ('15 euros', 30, 15.0, None, None, 'EUR', 'money', '=', None, None, None),
    ]),
    ('The fund holds ¥300 million of bonds.', [
        ('¥300 million', 15, 300000000.0, None, None, 'JPY', 'money', '=', None, 'bonds', None),
    ]),
    ('Sales were 800 yuan per unit.', [
        ('800 yuan', 11, 800.0, None, None, 'CNY', 'money', '=', None, 'sales', None),
    ]),
    ('The forecast is 3,000 to 5,000 jobs.', [
        ('3,000 to 5,000', 16, None, 3000.0, 5000.0, '', 'count', '=', None, 'jobs', None),
    ]),
    ('He sold between 350 and 400 mln dlrs of bonds.', [
        ('350 and 400 mln dlrs', 16, None, 350000000.0, 400000000.0, 'USD', 'money', '=', None, 'bonds', None),
    ]),
    ('Analysts expect $10 to $15 billion in writedowns.', [
        ('$10 to $15 billion', 16, None, 10000000000.0, 15000000000.0, 'USD', 'money', '=', None, None, None),
    ]),
    ('About 200 people attended, nearly 50 left early and almost 30 stayed.', [
        ('200', 6, 200.0, None, None, '', 'count', '~', None, 'people', None),
        ('50', 34, 50.0, None, None, '', 'count', '~', None, None, None),
        ('30', 59, 30.0, None, None, '', 'count', '~', None, 'people', None),
    ]),
    ('Roughly 40 homes and some 300 cars were damaged; an estimated 12 bridges fell.', [
        ('40', 8, 40.0, None, None, '', 'count', '~', None, 'homes', None),
        ('300', 26, 300.0, None, None, '', 'count', '~', None, 'cars', None),
        ('12', 62, 12.0, None, None, '', 'count', '~', None, 'bridges', None),
    ]),
    ('More than 500 people and over 20 schools were affected.', [
        ('500', 10, 500.0, None, None, '', 'count', '>', None, 'people', None),
        ('20', 30, 20.0, None, None, '', 'count', '>', None, 'schools', None),
    ]),
    ('Less than 10% of voters and under 5 candidates turned up.', [
        ('10%', 10, 10.0, None, None, 'percent', 'percent', '<', None, None, 'voters'),
        ('5', 34, 5.0, None, None, '', 'count', '<', None, 'candidates', None),
    ]),
    ('At least 3 people died and up to 40 were hurt, at most 12 remain in hospital.', [
        ('3', 9, 3.0, None, None, '', 'count', '>=', None, 'people', None),
        ('40', 33, 40.0, None, None, '', 'count', '<=', None, 'people', None),
        ('12', 55, 12.0, None, None, '', 'count', '<=', None, 'people', None),
    ]),
    ('Unemployment fell 0.5 percentage points to 4.2 per cent.', [
        ('0.5 percentage points', 18, 0.5, None, None, 'percentage_point', 'percent', '=', 'down',
         'unemployment', None),
        ('4.2 per cent', 43, 4.2, None, None, 'percent', 'percent', '=', None, None, None),
    ]),
    ('The central bank cut rates by 25 basis points.', [
        ('25 basis points', 30, 25.0, None, None, 'basis_point', 'percent', '=', 'down', None, None),
    ]),
    ('Inflation was 3.1 percent, against 2.9 pct a month earlier.', [
        ('3.1 percent', 14, 3.1, None, None, 'percent', 'percent', '=', None, 'inflation', None),
        ('2.9 pct', 35, 2.9, None, None, 'percent', 'percent', '=', None, 'inflation', None),
    ]),
    ('Debt reached 90% of GDP.', [
        ('90%', 13, 90.0, None, None, 'percent', 'percent', '=', None, 'debt', 'gdp'),
    ]),
    ('Health spending is 12% of state expenditure.', [
        ('12%', 19, 12.0, None, None, 'percent', 'percent', '=', None, 'health spending', 'state expenditure'),
    ]),
    ('Some 40% of respondents said they were worried.', [
        ('40%', 5, 40.0, None, None, 'percent', 'percent', '~', None, None, 'respondents'),
    ]),
    ("The army is 15% of the country's workforce.", [
        ('15%', 12, 15.0, None, None, 'percent', 'percent', '=', None, 'army', 'workforce'),
    ]),
    ('Shares rose 5% on Monday.', [
        ('5%', 12, 5.0, None, None, 'percent', 'percent', '=', 'up', 'shares', None),
    ]),
    ('The company fell by 3,000 jobs.', [
        ('3,000', 20, 3000.0, None, None, '', 'count', '=', 'down', 'jobs', None),
    ]),
    ('The September contract was up 19 cents at $58.24 a barrel.', [
        ('19 cents', 30, 19.0, None, None, 'USX', 'money', '=', 'up', None, None),
        ('$58.24 a barrel', 42, 58.24, None, None, 'USD / oil_barrel', 'money', '=', None, None, None),
    ]),
    ('Half of the voters stayed at home.', [
        ('Half', 0, 0.5, None, None, '', 'ratio', '=', None, None, 'voters'),
    ]),
    ('One hundred people marched and three thousand watched.', [
        ('One hundred', 0, 100.0, None, None, '', 'count', '=', None, 'people', None),
        ('three thousand', 31, 3000.0, None, None, '', 'count', '=', None, 'people', None),
    ]),
    ("A dozen eggs cost more than two-thirds of a day's pay.", [
        ('A dozen', 0, 12.0, None, None, '', 'count', '=', None, 'eggs', None),
        ('two-thirds', 28, 0.666666666667, None, None, '', 'ratio', '>', None, None, 'pay'),
    ]),
    ('The rebels captured 10,000 North Korean troops.', [
        ('10,000', 20, 10000.0, None, None, '', 'count', '=', None, 'troops', None),
    ]),
    ('There are more than one hundred nuclear weapons in the arsenal.', [
        ('one hundred', 20, 100.0, None, None, '', 'count', '>', None, 'nuclear weapons', None),
    ]),
    ('It employs 1.3 mln active personnel.', [
        ('1.3 mln', 11, 1300000.0, None, None, '', 'count', '=', None, 'active personnel', None),
    ]),
    ('In 2017 the population was counted again.', [
    ]),
    ('Trading began in March 2019.', [
    ]),
    ('The season ran 2012-13 without a break.', [
    ]),
    ('Between 2010 and 2020 the city grew.', [
    ]),
    ('The music of the 1990s was loud.', [
    ]),
    ('The meeting is at 10:30 and ends at 5pm.', [
    ]),
    ('After World War II the 22nd amendment came on the 3rd attempt.', [
    ]),
    ('The ship was at 38° N when it sank.', [
    ]),
    ('The S&P 500 and the FTSE 100 gained; COVID-19 cases fell as 5G spread.', [
    ]),
    ('He bought a Model 3 and flew on a Boeing 747 to the G7 in Windows 95 style.', [
    ]),
    ('Tickets for Section 427 Row 21 sold out.', [
    ]),
    ('Call 020 7946 0018 for details.', [
    ]),
    ('He said a U.S. strike would take a time.', [
    ]),
    ('The race covers 10 km (6.2 miles).', [
        ('10 km', 16, 10.0, None, None, 'kilometer', 'measure', '=', None, None, None),
        ('6.2 miles', 23, 6.2, None, None, 'mile', 'measure', '=', None, None, None),
    ]),
    ('It was 32C (90F) in the shade.', [
        ('32C', 7, 32.0, None, None, 'degree_Celsius', 'measure', '=', None, None, None),
        ('90F', 12, 90.0, None, None, 'degree_Fahrenheit', 'measure', '=', None, None, None),
    ]),
    ('She walked 5 miles at 100 mph and swam 3.5 metres.', [
        ('5 miles', 11, 5.0, None, None, 'mile', 'measure', '=', None, None, None),
        ('100 mph', 22, 100.0, None, None, 'mile / hour', 'measure', '=', None, None, None),
        ('3.5 metres', 39, 3.5, None, None, 'meter', 'measure', '=', None, None, None),
    ]),
    ('The bag weighs 20 kg and the ship carries 1,000 tonnes.', [
        ('20 kg', 15, 20.0, None, None, 'kilogram', 'measure', '=', None, None, None),
        ('1,000 tonnes', 42, 1000.0, None, None, 'metric_ton', 'measure', '=', None, None, None),
    ]),
    ('Output is 2m barrels per day.', [
        ('2m barrels per day', 10, 2000000.0, None, None, 'oil_barrel / day', 'measure', '=', None, 'output', None),
    ]),
    ('The vault holds 300 ounces of gold.', [
        ('300 ounces', 16, 300.0, None, None, 'ounce', 'measure', '=', None, 'gold', None),
    ]),
    ('The 100m sprint was won in 9.8 seconds.', [
        ('100m', 4, 100.0, None, None, 'meter', 'measure', '=', None, 'sprint', None),
        ('9.8 seconds', 27, 9.8, None, None, 'second', 'measure', '=', None, None, None),
    ]),
    ('He scored in the 3-1 win.', [
    ]),
    ('Output grew 5-fold in a decade.', [
        ('5-fold', 12, 5.0, None, None, '', 'ratio', '=', 'up', None, None),
    ]),
    ('The firm earned 15 pct more, a 5% rise on last year.', [
        ('15 pct', 16, 15.0, None, None, 'percent', 'percent', '=', 'up', None, None),
        ('5%', 31, 5.0, None, None, 'percent', 'percent', '=', 'up', None, None),
    ]),
    ('Sales of 3.5 million cars fell 2%.', [
        ('3.5 million', 9, 3500000.0, None, None, '', 'count', '=', None, 'cars', None),
        ('2%', 31, 2.0, None, None, 'percent', 'percent', '=', 'down', 'cars', None),
    ]),
    ('Twenty-five people and a dozen officials met.', [
        ('Twenty-five', 0, 25.0, None, None, '', 'count', '=', None, 'people', None),
        ('a dozen', 23, 12.0, None, None, '', 'count', '=', None, 'officials', None),
    ]),
    ('Prices rose by an average of 2.5%.', [
        ('2.5%', 29, 2.5, None, None, 'percent', 'percent', '=', None, 'average', None),
    ]),
    ('The index shed 120 points, or 1.2%.', [
        ('120', 15, 120.0, None, None, '', 'count', '=', 'down', 'points', None),
        ('1.2%', 30, 1.2, None, None, 'percent', 'percent', '=', 'down', None, None),
    ]),
    ('It cost $5 an hour, about £4.', [
        ('$5 an hour', 8, 5.0, None, None, 'USD / hour', 'money', '=', None, None, None),
        ('£4', 26, 4.0, None, None, 'GBP', 'money', '~', None, None, None),
    ]),
    ('Costs were -0.5% in real terms.', [
        ('-0.5%', 11, -0.5, None, None, 'percent', 'percent', '=', None, 'costs', None),
    ]),
    ('He is 25-year-old and she is aged 30.', [
        ('25-year-old', 6, 25.0, None, None, 'year', 'measure', '=', None, 'age', None),
        ('30', 34, 30.0, None, None, 'year', 'measure', '=', None, 'age', None),
    ]),
    ('Mr Smith, 45, said the plant employs 500 workers.', [
        ('45', 10, 45.0, None, None, 'year', 'measure', '=', None, 'age', None),
        ('500', 37, 500.0, None, None, '', 'count', '=', None, 'workers', None),
    ]),
    ('The Fed raised rates by half a percentage point.', [
        ('half a percentage point', 24, 0.5, None, None, 'percentage_point', 'percent', '=', 'up', None, None),
    ]),
    ('Turnover was £3.2bn, down from £3.5bn.', [
        ('£3.2bn', 13, 3200000000.0, None, None, 'GBP', 'money', '=', None, 'turnover', None),
        ('£3.5bn', 31, 3500000000.0, None, None, 'GBP', 'money', '=', None, 'turnover', None),
    ]),
    ('The population is about 1.4 billion.', [
        ('1.4 billion', 24, 1400000000.0, None, None, '', 'count', '~', None, 'population', None),
    ]),
    ('Temperatures reached 40°C and fell to minus 5C overnight.', [
        ('40°C', 21, 40.0, None, None, 'degree_Celsius', 'measure', '=', None, 'temperatures', None),
        ('minus 5C', 38, -5.0, None, None, 'degree_Celsius', 'measure', '=', None, 'temperatures', None),
    ]),
    ('The deal values the firm at A$3.4 billion and HK$20 billion.', [
        ('A$3.4 billion', 28, 3400000000.0, None, None, 'AUD', 'money', '=', None, 'firm', None),
        ('HK$20 billion', 46, 20000000000.0, None, None, 'HKD', 'money', '=', None, None, None),
    ]),
    ('Tens of thousands of people protested.', [
        ('Tens of thousands', 0, None, 10000.0, 100000.0, '', 'count', '~', None, 'people', None),
    ]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_sentence(text, expected):
    assert summary(text) == expected


# --- the seed article --------------------------------------------------------------------------

def test_seed_article_full_list():
    text = FIXTURE.read_text(encoding="utf-8")
    got = [(q.text, q.value, q.low, q.high, q.unit, q.kind, q.approx, q.change, q.metric, q.base)
           for q in extract_quantities(text)]
    assert got == [
        ("1.3 mln", 1_300_000.0, None, None, "", "count", "~", None, "active personnel", None),
        ("10,000", 10_000.0, None, None, "", "count", "=", None, "troops", None),
        ("3,000", 3_000.0, None, None, "", "count", "=", None, "troops", None),
        ("one hundred", 100.0, None, None, "", "count", ">", None, "nuclear weapons", None),
        ("20%-30%", None, 20.0, 30.0, "percent", "percent", "~", None, None, "gdp"),
        ("16%", 16.0, None, None, "percent", "percent", "~", None, None, "state expenditure"),
    ]
    for q in extract_quantities(text):
        assert text[q.start:q.end] == q.text
    # spans: the range and the percentage sit where the article has them
    qs = extract_quantities(text)
    assert text[qs[4].start - 13:qs[4].start] == "an estimated "
    assert text[qs[5].end:qs[5].end + 25] == " of state expenditure on "


def test_seed_article_does_not_import_quantulum3():
    # numlint runs as a pre-commit hook: ordinary copy must not pay quantulum3's start-up cost (about 1.5 s)
    import subprocess

    code = ("import sys, numlint.extract as e; e.extract_quantities(open(sys.argv[1], encoding='utf-8').read());"
            "print('quantulum3' in sys.modules, 'pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(FIXTURE)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# --- fields beyond the contract: scale, multiplier, decimals, spelled ----------------------------

@pytest.mark.parametrize("text, scale, multiplier, decimals, spelled", [
    ("It has 1.3 mln members.", "mln", 1e6, 1, False),
    ("It lost £5m.", "m", 1e6, 0, False),
    ("It raised $1.25bn.", "bn", 1e9, 2, False),
    ("It sold 5k copies.", "k", 1e3, 0, False),
    ("It sold 2 million copies.", "million", 1e6, 0, False),
    ("It sold 3.5 trillion tokens.", "trillion", 1e12, 1, False),
    ("It sold three thousand copies.", None, 1.0, 0, True),
    ("It sold 1,250 copies.", None, 1.0, 0, False),
])
def test_scale_fields(text, scale, multiplier, decimals, spelled):
    q = one(text)
    assert (q.scale, q.multiplier, q.decimals, q.spelled) == (scale, multiplier, decimals, spelled)


def test_range_percent_both_ends():
    q = one("Growth of 20%-30% is forecast.")
    assert (q.text, q.value, q.low, q.high, q.unit, q.kind) == ("20%-30%", None, 20.0, 30.0, "percent", "percent")
    q = one("Growth of 20-30% is forecast.")
    assert (q.text, q.low, q.high, q.unit) == ("20-30%", 20.0, 30.0, "percent")


def test_range_scale_not_applied_to_a_large_first_end():
    q = one("Homes sell for $800,000 to $1.3 million.")
    assert (q.low, q.high, q.unit) == (800_000.0, 1_300_000.0, "USD")


def test_rose_from_to_is_two_values_not_a_range():
    assert [(q.text, q.value) for q in extract_quantities("The rate rose from 4% to 5%.")] == [
        ("4%", 4.0), ("5%", 5.0)]


def test_ranges_from_to_and_between_are_ranges():
    q = one("Prices range from $370,000 to $5.5 million.")
    assert (q.low, q.high, q.unit, q.kind) == (370_000.0, 5_500_000.0, "USD", "money")
    q = one("Fees range between 1.5 and 2 per cent.")
    assert (q.text, q.low, q.high, q.unit) == ("1.5 and 2 per cent", 1.5, 2.0, "percent")


def test_m_after_currency_is_million_but_metre_after_a_plain_number():
    assert one("It cost €3m.").value == 3e6
    assert one("It cost 3m euros.").unit == "EUR"
    assert one("It cost 3m euros.").value == 3e6
    assert (one("He swam 50m in the pool.").unit, one("He swam 50m in the pool.").value) == ("meter", 50.0)
    assert (one("They sold 5m phones.").unit, one("They sold 5m phones.").value) == ("", 5e6)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("It cost £5 m last year.", "£5 m", 5e6, "GBP"),          # spaced, after money: a million
    ("Profit was 5 m euros.", "5 m euros", 5e6, "EUR"),
    ("The cuts hit 5 m people.", "5 m", 5e6, ""),             # before what it counts: a million
    ("A 400 m race.", "400 m", 400.0, "meter"),                # else a metre
    ("They drilled to a depth of 2,600 m.", "2,600 m", 2600.0, "meter"),
    ("The 2,600 m level returned similar values.", "2,600 m", 2600.0, "meter"),   # a verb, not a modifier
    ("The 2,600m level returned similar values.", "2,600m", 2600.0, "meter"),
    ("Sales reached 2.7m combined units.", "2.7m", 2.7e6, ""),
])
def test_a_spaced_m_is_read_as_a_glued_one(text, surface, value, unit):
    q = one(text)
    assert (q.text, q.value, q.unit) == (surface, value, unit)


@pytest.mark.parametrize("text, surface, value, unit", [
    ("He is 6ft 2in tall.", "6ft 2in", 74.0, "inch"),
    ("She weighed 7lb 6oz.", "7lb 6oz", 118.0, "ounce"),
    ("He weighs 12 stone 4 pounds.", "12 stone 4 pounds", 172.0, "pound"),
    ("He weighed 15st 10lb at his peak.", "15st 10lb", 220.0, "pound"),      # "st" glued: stone
    ("He weighed 18st.", "18st", 18.0, "stone"),
    ("She won in 2hr 21min 9sec.", "2hr 21min 9sec", 8469.0, "second"),
    ("The flight took 1h 30m.", "1h 30m", 90.0, "minute"),      # after hours a glued "m" is minutes
    ("It is 5 feet and 8 inches long.", "5 feet and 8 inches", 68.0, "inch"),
])
def test_a_measure_in_two_units_is_one_figure_in_the_smaller(text, surface, value, unit):
    q = one(text)
    assert (q.text, q.value, q.unit) == (surface, value, unit)


@pytest.mark.parametrize("text, surfaces", [
    ("He ran 2 hours, 5 minutes faster.", ["2 hours", "5 minutes"]),   # a comma: two figures
    ("It is 6ft 14in.", ["6ft", "14in"]),                                # no way to write one height
    ("The 100m race took 2 hours.", ["100m", "2 hours"]),
    ("On the 21st, the 101st Airborne took 31 towns.", ["31"]),           # ordinals in "st" end in 1
])
def test_two_measures_side_by_side_stay_two(text, surfaces):
    assert [q.text for q in extract_quantities(text)] == surfaces


@pytest.mark.parametrize("text, value", [
    ("The budget is Rs 5,000 crore.", 5e10),
    ("He paid Rs 50 lakh for the flat.", 5e6),
    ("It earned 2 crore rupees.", 2e7),
])
def test_lakh_and_crore_are_scale_words(text, value):
    q = one(text)
    assert (q.value, q.unit) == (value, "INR")


@pytest.mark.parametrize("text, surfaces", [
    ("Profit was £2.3bn in 2024.[2] Sales rose.", ["£2.3bn"]),    # a note mark glued to the text
    ("The margin was 8.2%[1] last year.", ["8.2%"]),
    ("The detail is on p. 34 of the report.", []),
    ("The road is shut near junction 10.", []),
    ("The list had [5] entries.", ["5"]),                          # a spaced bracket is no note mark
])
def test_note_marks_pages_and_junctions_are_no_quantities(text, surfaces):
    assert [q.text for q in extract_quantities(text)] == surfaces


def test_the_denominator_of_a_rate_is_no_figure():
    assert [q.text for q in extract_quantities("Cases rose to 45 per 100,000 people, up from 30 per 100,000.")] == [
        "45", "30"]
    assert [q.text for q in extract_quantities("It costs £5 per 100 grams.")] == ["£5", "100 grams"]


@pytest.mark.parametrize("text, ages", [
    ("A man, 43, and a woman, 34, were arrested.", ["43", "34"]),
    ("The suspect, 27, will appear in court.", ["27"]),
    ("The firm, 40, said.", []),                  # no person
    ("A man, 43 and a woman were held.", []),      # not set off by commas
])
def test_a_number_set_off_by_commas_after_a_person_is_their_age(text, ages):
    assert [q.text for q in extract_quantities(text) if q.metric == "age" and q.unit == "year"] == ages


def test_us_after_a_number_is_not_a_unit():
    q = one("The barrel traded at $76 US a barrel.")
    assert (q.value, q.unit, q.kind) == (76.0, "USD / oil_barrel", "money")
    q = one("It has 300 US stores.")
    assert (q.value, q.unit, q.kind) == (300.0, "", "count")


def test_pence_and_cents_keep_the_written_value_in_minor_units():
    assert (one("A stamp costs 19p.").value, one("A stamp costs 19p.").unit) == (19.0, "GBX")
    assert (one("Shares closed at 118.5p.").value, one("Shares closed at 118.5p.").decimals) == (118.5, 1)
    assert one("It earned 12 cts a share.").unit == "USX / share"


def test_one_of_is_not_a_quantity_but_one_with_a_unit_is():
    assert extract_quantities("It is one of the largest armies.") == []
    assert extract_quantities("They help one another.") == []
    q = one("It took one hour.")
    assert (q.value, q.unit) == (1.0, "hour")


def test_fractions_and_dozens():
    q = one("A third of the staff left.")
    assert (q.text, q.value, q.kind, q.base) == ("A third", pytest.approx(1 / 3), "ratio", "staff")
    q = one("Three-quarters of the members voted.")
    assert (q.value, q.kind, q.base) == (0.75, "ratio", "members")
    q = one("They ordered two dozen cakes.")
    assert (q.text, q.value, q.metric) == ("two dozen", 24.0, "cakes")
    q = one("Half a million people came.")
    assert (q.text, q.value, q.metric) == ("Half a million", 500_000.0, "people")
    q = one("It rose 2½ per cent.")
    assert (q.value, q.unit, q.change) == (2.5, "percent", "up")


def test_quantulum_false_units_on_ordinary_words_are_not_quantities():
    assert extract_quantities("It came from a nbook and a U.S. official a time ago.") == []


def test_wire_style_vs_and_from():
    got = summary("Net profit 1.5 mln dlrs vs 1.2 mln dlrs.")
    assert [(g[0], g[2], g[5], g[9]) for g in got] == [
        ("1.5 mln dlrs", 1_500_000.0, "USD", "net profit"), ("1.2 mln dlrs", 1_200_000.0, "USD", "net profit")]


def test_sorted_by_start_and_spans_exact():
    text = "Some 40% of 3,000 firms paid £5m, up 2%, to 1,200 staff in 10 km."
    qs = extract_quantities(text)
    assert [q.start for q in qs] == sorted(q.start for q in qs)
    assert [q.text for q in qs] == ["40%", "3,000", "£5m", "2%", "1,200", "10 km"]


@pytest.mark.parametrize("text", ["", " ", "no numbers here", "%%%", "$", "£m", "1,", ",1", ".", "-", "1e10",
                                  "½", "minus", "a dozen", "\x00\x01", "3..4", "5 - - 6", "between and"])
def test_odd_inputs_do_not_raise(text):
    for q in extract_quantities(text):
        assert text[q.start:q.end] == q.text


def test_from_to_after_a_change_verb_shares_unit_and_scale():
    got = [(q.text, q.value, q.unit) for q in extract_quantities("Lift was increased from 13.5 to 14.0 mm.")]
    assert got == [("13.5", 13.5, "millimeter"), ("14.0 mm", 14.0, "millimeter")]
    got = [(q.text, q.value, q.unit) for q in extract_quantities("Profit fell from 5 to 4 million dlrs.")]
    assert got == [("5", 5_000_000.0, "USD"), ("4 million dlrs", 4_000_000.0, "USD")]


def test_a_change_given_as_a_range_and_a_change_then_a_level():
    q = one("Temperatures dropped by 1 to 1.5 degrees Celsius.")
    assert (q.low, q.high, q.unit, q.change) == (1.0, 1.5, "degree_Celsius", "down")
    got = [(q.text, q.change) for q in extract_quantities("It increased by $43.6 billion to $419.2 billion.")]
    assert got == [("$43.6 billion", "up"), ("$419.2 billion", None)]


def test_restatement_after_or_shares_the_change():
    got = [(q.text, q.change) for q in extract_quantities("The index shed 120 points, or 1.2%, on Friday.")]
    assert got == [("120", "down"), ("1.2%", "down")]


def test_one_counts_only_when_something_is_counted():
    assert [(q.text, q.metric) for q in extract_quantities("They have one solution.")] == [("one", "solution")]
    assert extract_quantities("Use the same one again.") == []
    assert extract_quantities("One of them met us at one point.") == []


def test_ages():
    assert [(q.text, q.unit, q.metric) for q in extract_quantities("Jane Doe, 34, said so.")] == [("34", "year", "age")]
    q = one("He is a 12-year-old boy.")
    assert (q.text, q.value, q.unit, q.metric) == ("12-year-old", 12.0, "year", "age")
    q = one("It is for people aged 18 to 34.")
    assert (q.low, q.high, q.unit, q.metric) == (18.0, 34.0, "year", "age")


def test_pounds_weight_or_money_by_context():
    assert one("He weighed 208 pounds.").unit == "pound"
    assert one("The fine was 500 pounds sterling.").unit == "GBP"
    got = [q.unit for q in extract_quantities("It cost £20, or 20 pounds in change.")]
    assert got == ["GBP", "GBP"]


def test_around_and_bln():
    got = [(q.text, q.value, q.unit, q.approx, q.scale)
           for q in extract_quantities("Around 40 ships sank; it lost 5 bln dlrs.")]
    assert got == [("40", 40.0, "", "~", None), ("5 bln dlrs", 5e9, "USD", "=", "bln")]


def test_compound_unit_symbols():
    assert [(q.text, q.unit) for q in extract_quantities("The dose was 12 mg/L and 3 kg/m3.")] == [
        ("12 mg/L", "milligram / liter"), ("3 kg/m3", "kilogram / meter ** 3")]
    q = one("Gas was at $2.24 per mmBTU.")
    assert (q.text, q.unit, q.kind) == ("$2.24 per mmBTU", "USD / megaBtu", "money")


def test_quantulum3_is_consulted_lazily_for_an_unknown_unit_symbol():
    # "A/cm2" is in no lexicon: the sentence goes to quantulum3, whose unit name is mapped to pint
    q = one("A current density of 1.3 A/cm2 was used.")
    assert (q.text, q.value, q.unit, q.kind) == ("1.3 A/cm2", 1.3, "ampere / centimeter ** 2", "measure")


def test_first_quantulum3_use_skips_typeguard_in_inflect_and_puts_it_back():
    # inflect (loaded by quantulum3's first parse) is imported without typeguard's recompiling
    # decorator, which cost 5-10 s on the first article with an unknown unit; typeguard's own
    # decorator must be the real one again afterwards, and inflect must still work.
    import subprocess

    code = (
        "import sys\n"
        "try:\n    import typeguard; real = typeguard.typechecked\nexcept ImportError:\n    typeguard = None\n"
        "from numlint.extract import extract_quantities\n"
        "[q] = extract_quantities('A current density of 1.3 A/cm2 was used.')\n"
        "import inflect\n"
        "print(typeguard is None or typeguard.typechecked is real, 'quantulum3' in sys.modules, q.unit, "
        "inflect.engine().plural('furlong'), sep='|')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().split("|") == ["True", "True", "ampere / centimeter ** 2", "furlongs"]


def test_digits_with_hundred_and_glued_to_range():
    q = one("There were 4 hundred million people.")
    assert (q.text, q.value, q.metric) == ("4 hundred million", 400_000_000.0, "people")
    q = one("It was a 200,000 to-260,000 year-old skull.")
    assert (q.low, q.high, q.unit, q.metric) == (200_000.0, 260_000.0, "year", "age")


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009"], ids=["nbsp", "narrow nbsp", "thin space"])
def test_digit_groups_split_by_a_no_break_or_thin_space_are_one_number(space):
    assert summary(f"Officials counted 25{space}400 ballots.") == [
        (f"25{space}400", 18, 25400.0, None, None, "", "count", "=", None, "ballots", None)]
    q = one(f"The fund holds €1{space}250{space}000.50 in cash.")
    assert (q.text, q.value, q.unit) == (f"€1{space}250{space}000.50", 1250000.5, "EUR")


def test_a_group_space_needs_exactly_three_digits_after_it():
    # "7\u00a012 cars" is two numbers glued by a no-break space, not 712
    quantities = extract_quantities("Between 7\u00a012 cars and 40\u00a01234 vans.")
    assert all(q.value not in (712.0, 401234.0) for q in quantities)


def test_ordinary_space_between_digit_groups_is_not_a_separator():
    # documented decision: an ASCII space is ambiguous ("in 2019 10 000 people"), so no grouping
    assert all(q.value != 10000.0 for q in extract_quantities("Police said 10 000 people marched."))


def test_a_compared_bare_figure_takes_the_unit_written_once():
    qs = extract_quantities("The top bid was 62.5 cents, while the lowest was 58.")
    assert [(q.value, q.unit) for q in qs] == [(62.5, "USX"), (58.0, "USX")]
    qs = extract_quantities("The new engine makes 310 hp, up from the old one's 295.")
    assert [(q.value, q.unit) for q in qs] == [(310.0, "horsepower"), (295.0, "horsepower")]


def test_a_bare_figure_keeps_no_unit_when_sizes_differ_or_a_noun_is_counted():
    qs = extract_quantities("Acme rose 4.5% to 12.30 on the news.")
    assert [(q.value, q.unit) for q in qs] == [(4.5, "percent"), (12.3, "")]
    qs = extract_quantities("It cost $40 and 45 people came.")
    assert [(q.value, q.unit) for q in qs] == [(40.0, "USD"), (45.0, "")]
    qs = extract_quantities("Prices rose 5% while output hit 1,500.")
    assert [(q.value, q.unit) for q in qs] == [(5.0, "percent"), (1500.0, "")]


def test_written_fractions():
    assert summary("Add 1/2 pound of flour.")[0][:7] == ("1/2 pound", 4, 0.5, None, None, "pound", "measure")
    q = one("A cup is 1\u204416 of a gallon.")
    assert (q.text, q.value, q.unit) == ("1\u204416 of a gallon", 0.0625, "gallon")
    q = one("Some 3/4 of the members voted.")
    assert (q.text, q.value) == ("3/4", 0.75)


def test_slashes_that_are_not_fractions():
    assert extract_quantities("After 9/11, news ran 24/7; on 1/2/2019 the 2019/20 season began.") == []


def test_ascii_degree_sign():
    qs = extract_quantities("It was 3.6degF (2deg C) warmer than usual.")
    assert [(q.text, q.value, q.unit) for q in qs] == [
        ("3.6degF", 3.6, "degree_Fahrenheit"), ("2deg C", 2.0, "degree_Celsius")]


def test_a_determiner_before_a_spelled_count_with_a_unit_or_plural_noun():
    assert [(q.text, q.unit) for q in extract_quantities("The three ministers met after another two hours.")] == [
        ("three", ""), ("two hours", "hour")]
    assert [q.text for q in extract_quantities("Four of the victims and nine other residents fled.")] == [
        "Four", "nine"]
    assert extract_quantities("No one came; each one left; the same two.") == []


def test_dozens_of_is_a_vague_range():
    q = one("Dozens of homes were flooded.")
    assert (q.low, q.high, q.approx, q.metric) == (12.0, 120.0, "~", "homes")


def test_a_part_takes_the_unit_of_its_whole_and_a_range_passes_its_unit_on():
    qs = extract_quantities("Crews have cleared 40 of the 120 km of road.")
    assert [(q.value, q.unit) for q in qs] == [(40.0, "kilometer"), (120.0, "kilometer")]
    qs = extract_quantities("Economy went from 14-18 mpg to 25 for vans.")
    assert [(q.text, q.unit) for q in qs] == [("14-18 mpg", "mile / gallon"), ("25", "mile / gallon")]


def test_from_x_up_to_y_is_a_range_but_not_after_a_change_verb():
    q = one("Flats range from 500 sq ft up to 800 sq ft.")
    assert (q.low, q.high, q.unit) == (500.0, 800.0, "foot ** 2")
    assert [q.value for q in extract_quantities("Rates rose from 5% up to 7%.")] == [5.0, 7.0]


def test_a_decimal_before_an_acronym_is_a_statistic_not_a_name():
    assert [q.value for q in extract_quantities("Pitchers: Joe Bloggs (1.2 WAR), Sam Doe (.512 OBP).")] == [1.2, 0.512]
    assert extract_quantities("The airline flies the 777 Freighter daily.") == []


def test_suspended_hyphen_and_ellipsis_past_a_conversion():
    qs = extract_quantities("Buyers get a 7- or 8-inch screen.")
    assert [(q.text, q.unit) for q in qs] == [("7", "inch"), ("8-inch", "inch")]
    qs = extract_quantities("It lists at 1,500,000 yen ($10,000) for the base car and 1,450,000 ($9,700) for the van.")
    assert [(q.value, q.unit) for q in qs] == [
        (1500000.0, "JPY"), (10000.0, "USD"), (1450000.0, "JPY"), (9700.0, "USD")]


def test_dateline_average_of_and_comma_grouped_counts_before_a_name():
    assert [q.text for q in extract_quantities("BERLIN: Three climbers were rescued.")] == ["Three"]
    assert [q.value for q in extract_quantities("Fares rose by an average of 1800.")] == [1800.0]
    assert [q.value for q in extract_quantities("Ford sold 12,400 Mustang coupes.")] == [12400.0]
    assert extract_quantities("He starred in the Fantastic Four in 2015.") == []


@pytest.mark.parametrize("text, expected", [
    # a scale word as large as the last one starts a second number: the two ends of a range ...
    ("between one billion and three billion lire", [(None, 1e9, 3e9)]),
    # ... or two numbers of a list, each read
    ("three million and two million people", [(3e6, None, None), (2e6, None, None)]),
    # smaller groups after "and" still belong to the number
    ("one billion and three hundred million people", [(1.3e9, None, None)]),
    ("two hundred and fifty people", [(250.0, None, None)]),
    # scale words in a row multiply (older British usage)
    ("two hundred thousand million people", [(2e11, None, None)]),
])
def test_spelled_numbers_with_several_scale_words(text, expected):
    assert [(q.value, q.low, q.high) for q in extract_quantities(text)] == expected


@pytest.mark.parametrize("text, unit", [
    ("It cost 300 billion lire.", "ITL"),
    ("It cost 5 mln guilders.", "NLG"),
    ("It cost 2 mln Deutsche marks.", "DEM"),
    ("It cost 40 mln French francs.", "FRF"),
    ("It cost 300 billion lira.", "TRY"),   # "lira" alone is today's Turkish lira
])
def test_currencies_the_euro_replaced(text, unit):
    [q] = extract_quantities(text)
    assert (q.unit, q.kind) == (unit, "money")


def test_marks_alone_are_not_a_currency():
    [q] = extract_quantities("She got 165 marks in the exam.")
    assert (q.unit, q.kind) == ("", "count")


# --- misreadings fixed at their cause (issue: what a figure counts) ------------------------------

@pytest.mark.parametrize("text, expected", [
    # a headline opening with a capitalised word still counts what follows; a name's number does not
    ("Record 15,000 runners", [("15,000", 15000.0, "runners")]),
    ("Extra 1,500 nurses for hospitals", [("1,500", 1500.0, "nurses")]),
    ("Apollo 11 landed on the Moon.", []),
    # a fraction of a scale word is one number
    ("A quarter of a million people attended.", [("A quarter of a million", 250000.0, "people")]),
    # a span of days is a date, not a count of "march"
    ("The festival runs on 11-12 March.", []),
    ("It rained between 3 and 5 April.", []),
    # the word before a link verb is whose the figure is, the noun before it what is counted
    ("Profits at the firm rose to £5m last year.", [("£5m", 5000000.0, "profits")]),
    ("Unemployment in Scotland fell to 5%.", [("5%", 5.0, "unemployment")]),
    # a conversion in brackets is no metric of the figure before it
    ("It was 36C (97F) in London.", [("36C", 36.0, None), ("97F", 97.0, None)]),
    ("The race covers 10 km (6.2 miles).", [("10 km", 10.0, None), ("6.2 miles", 6.2, None)]),
    # a scale name joined by a hyphen keeps its scale; an abbreviation after a hyphen is no scale
    ("Writedowns reached $10.1-billion last year.", [("$10.1-billion", 10.1e9, "writedowns")]),
    ("They signed a 12-billion euro deal.", [("12-billion euro", 12e9, "deal")]),
    ("She won the 100-m race.", [("100", 100.0, "race")]),
])
def test_misreadings_fixed(text, expected):
    assert [(q.text, q.value, q.metric) for q in extract_quantities(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # "marks" after a scale word is Deutsche marks in wire copy; alone it is marks out of ten
    ("Net profit fell to 61.4 mln marks.", [("61.4 mln marks", "DEM", "money")]),
    ("She scored 75 marks out of 80.", [("75", "", "count"), ("80", "", "count")]),
    ("Its sales passed the one million mark.", [("one million", "", "count")]),
    ("It raised 3 mln D-marks.", [("3 mln D-marks", "DEM", "money")]),
    ("The loan is 4 mln Hong Kong dlrs.", [("4 mln Hong Kong dlrs", "HKD", "money")]),
])
def test_currency_words_after_a_scale_word(text, expected):
    assert [(q.text, q.unit, q.kind) for q in extract_quantities(text)] == expected


def test_a_count_and_its_share_joined_by_or_are_two_figures():
    # "eight or nine pct" shares the unit; a figure with its own scale word does not take a percent
    got = [(q.text, q.kind) for q in extract_quantities("Unemployment rose to 4.2 mln or 19.2 pct of the workforce.")]
    assert got == [("4.2 mln", "count"), ("19.2 pct", "percent")]
    assert [q.kind for q in extract_quantities("Prices rose eight or nine pct.")] == ["percent", "percent"]
    # a year before "or" and a share is not one of two alternatives
    got = [(q.text, q.unit) for q in extract_quantities("The deficit narrowed in 1986 or 1.8 pct of GNP.")]
    assert ("1986", "percent") not in got and ("1.8 pct", "percent") in got


def test_a_range_never_spans_table_cells():
    # Markdown table cells become lines of prose: "35%" and "-3" are two figures, not 3-35%
    assert [(q.text, q.value) for q in extract_quantities("Labour\n35%\n-3\n")] == [("35%", 35.0), ("-3", -3.0)]


# -- the frame of each mention in `numlint extract --format json` ----------------------------------------

FRAME_ARTICLE = (
    "Acme's profits rose to $5m last year, the company said.\n"
    "Unemployment in Scotland fell to 5% in January, according to Eurostat.\n"
    "Brent crude cost $50 a barrel.\n"
    "The firm employs 300 people.\n"
)


def _extract_json(tmp_path, text: str) -> list[dict]:
    import json

    from click.testing import CliRunner

    from numlint.cli import cli

    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "--format", "json", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["files"][0]["quantities"]


def test_extract_json_gives_each_figure_its_owner_time_per_and_source(tmp_path):
    got = {q["text"]: (q["owner"], q["time"], q["per"], q["source"]) for q in _extract_json(tmp_path, FRAME_ARTICLE)}
    assert got["$5m"] == ("acme", "last year", None, None)   # the subject's possessor
    assert got["5%"] == ("scotland", "in january", None, "eurostat")   # "X in Y fell to"
    assert got["$50 a barrel"][2] is not None and "barrel" in got["$50 a barrel"][2]
    assert got["300"] == (None, None, None, None)   # "the firm" names no one


def test_extract_json_keeps_the_contract_fields_and_adds_the_frame(tmp_path):
    quantities = _extract_json(tmp_path, FRAME_ARTICLE)
    contract = {"text", "start", "end", "line", "column", "value", "low", "high", "unit", "surface_unit", "kind",
                "approx", "change", "metric", "base"}
    for q in quantities:
        assert contract <= set(q)
        assert {"owner", "time", "per", "source"} <= set(q)
    assert [q["metric"] for q in quantities] == [q.metric for q in extract_quantities(FRAME_ARTICLE)]


def test_extract_reads_the_frame_the_rules_read():
    """One frame reader: what extract shows is what the fact table (and so every rule) holds."""
    from numlint.document import Document
    from numlint.facts import build_facts, frames_of
    from numlint.linter import document_quantities

    prose, quantities = document_quantities(Document("<string>", FRAME_ARTICLE, "text"))
    frames = frames_of(prose, quantities)
    table = build_facts(None, prose, quantities)
    assert len(frames) == len(table.facts) == len(quantities)
    for fact in table:
        frame = frames[(fact.q.start, fact.q.end)]
        assert (frame.time, frame.per, frame.source, frame.base) == (fact.time, fact.per, fact.source, fact.base)
        assert frozenset(frame.owners) == fact.owner


def test_a_name_bound_to_the_figure_comes_before_the_subject_of_its_clause():
    from numlint.facts import read_frame
    from numlint.model import Quantity

    q = Quantity(text="10,000", start=0, end=0, value=10000.0)
    frame = read_frame(q, "", "Acme's rival sent ", " troops in Russia")
    assert frame.owners == ("russia",) and frame.owner == "russia" and frame.subject == "acme"
    frame = read_frame(q, "", "At Acme, Bolt's staff of ", " people")
    assert frame.owner == "bolt"   # the possessor right before the figure
    assert read_frame(q, "", "In January the firm hired ", " people").owner is None   # a month is no one


# -- the concept: what a figure is about, as the sentence writes it ------------------------------------

@pytest.mark.parametrize("text, figure, concept", [
    # the subject of the verb the figure follows
    ("Exports to Germany dropped 7% last year.", "7%", "Exports to Germany"),
    ("Prices rose 3%, whilst wages grew 2%.", "2%", "wages"),
    ("Shares fell, with the main index losing 1.2%.", "1.2%", "main index"),   # a participle
    ("The grant, excluding fees, was about $8m.", "$8m", "grant"),            # past an aside
    ("Acme, which has 9,000 staff in Spain, said sales rose.", "9,000", "Acme"),   # a relative clause
    ("In the past two years the council has spent £3m.", "£3m", "council"),   # a phrase of time before it
    # the noun the figure modifies, with its modifiers and the name before the figure
    ("Paracetamol 500mg tablets are sold in packs.", "500mg", "Paracetamol tablets"),
    ("We used a 20W lamp for plant growth.", "20W", "lamp for plant growth"),
    # what it is of, the noun before "of", and whose when the clause's subject is someone else
    ("The stand takes up 45% of the cabin floor area.", "45%", "cabin floor area, stand"),
    ("The club faces a penalty of £4m.", "£4m", "penalty"),
    ("Acme cut its forecast by 3% on Monday.", "3%", "forecast, Acme"),
    # a count's noun is what it counts, not what it is about
    ("There are 1,200 residents who have been waiting for homes.", "1,200", "waiting for homes"),
    ("A 15-year-old boy was hurt.", "15-year-old", "boy"),
    ("It has been 30 years since the flood.", "30 years", None),               # "it" names nothing
])
def test_concept_is_read_from_the_sentence(text, figure, concept):
    got = {q.text: q.concept for q in extract_quantities(text)}
    assert got[figure] == concept, got


def test_a_bracketed_conversion_is_about_what_its_partner_is_about():
    got = {q.text: q.concept for q in extract_quantities("He paid a fine of 4 million euros ($4.3 million) in May.")}
    assert got == {"4 million euros": "fine", "$4.3 million": "fine"}
    got = {q.text: q.concept for q in extract_quantities("The hub has 12 miles (19 km) of new track.")}
    assert got == {"12 miles": "new track, hub", "19 km": "new track, hub"}


def test_concept_leaves_the_metric_the_facts_stage_keys_on():
    q = one("Exports to Germany dropped 7% last year.")
    assert q.metric is None and q.concept == "Exports to Germany"
    q = one("The club reported profits of £5m last year.")
    assert q.metric == "profits" and q.concept == "profits, club"


def test_extract_json_gives_the_concept(tmp_path):
    quantities = _extract_json(tmp_path, "Exports to Germany dropped 7% last year.\n")
    assert [(q["text"], q["concept"]) for q in quantities] == [("7%", "Exports to Germany")]


@pytest.mark.parametrize("text,expected", [
    # alternatives joined by "or" share the scale word written after the second
    ("It may need another 10 or 15 billion dlrs.", [10e9, 15e9]),
    ("The plan could cost eight or nine million euros.", [8e6, 9e6]),
    ("Analysts expect 10 or 15 billion.", [10e9, 15e9]),
    ("He ate eight or nine apples.", [8.0, 9.0]),
])
def test_alternatives_share_the_scale_word(text, expected):
    assert [q.value for q in extract_quantities(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # a dollar named by its country, in the spellings wire copy uses, and the singular adjective form
    ("The budget is 6.9 billion Jamaica dlrs.", [("6.9 billion Jamaica dlrs", "JMD")]),
    ("The deficit was 180 mln N.Z. Dlrs.", [("180 mln N.Z. Dlrs", "NZD")]),
    ("It took a 240 mln H.K. Dlr loan.", [("240 mln H.K. Dlr", "HKD")]),
    ("It signed a 900 mln franc loan.", [("900 mln franc", "CHF")]),
])
def test_currencies_named_by_country_and_in_the_singular(text, expected):
    assert [(q.text, q.unit) for q in extract_quantities(text)] == expected


def test_a_bare_currency_name_is_the_one_the_article_names_in_full():
    # "dlrs" in a story of Canadian dollars are Canadian; "francs" in a story of French francs French
    text = "The province sold 100 mln Canadian dlrs of bonds. The 100 mln dlrs will fund roads."
    assert [q.unit for q in extract_quantities(text)] == ["CAD", "CAD"]
    text = "Dome sold 5 mln Canadian dlrs of stock at 15 dlrs a share."
    assert [q.unit for q in extract_quantities(text)] == ["CAD", "CAD / share"]
    text = "PARIS BONDS RAISE 800 MLN FRANCS\n\nThe state sold 800 mln French francs of bonds."
    assert [q.unit for q in extract_quantities(text)] == ["FRF", "FRF"]


def test_a_bare_currency_name_keeps_its_usual_reading_when_the_article_names_two():
    text = ("The firm raised 50 mln Canadian dlrs and 20 mln Australian dlrs. "
            "It also borrowed 10 mln dlrs.")
    assert [q.unit for q in extract_quantities(text)] == ["CAD", "AUD", "USD"]
    assert [q.unit for q in extract_quantities("It borrowed 10 mln dlrs and 5 mln Swiss francs.")] == ["USD", "CHF"]


def test_a_bare_currency_name_is_the_member_named_last_when_the_article_spells_out_the_usual_one():
    # a story that writes "U.S. Dlrs" in full does not mean U.S. dollars by a bare "dlrs": it means
    # the dollars it named last
    text = ("Analysts put the bank's profit at 4.1 billion H.K. Dlrs. A broker forecast 4.1 billion dlrs.\n\n"
            "Its American unit earned 60 mln U.S. Dlrs, up from 52 mln dlrs.\n")
    assert [q.unit for q in extract_quantities(text)] == ["HKD", "HKD", "USD", "USD"]


@pytest.mark.parametrize("text,expected", [
    # a scaled "pounds" is money, unless the sentence weighs in other units and names no money
    ("The target is 180 mln tonnes, against output of around 151 mln pounds.", ["metric_ton", "pound"]),
    ("It sold 180 mln tonnes of grain for 151 mln pounds sterling.", ["metric_ton", "GBP"]),
    ("The club paid 5 million pounds for the striker.", ["GBP"]),
])
def test_scaled_pounds_beside_tonnes_are_a_weight(text, expected):
    assert [q.unit for q in extract_quantities(text)] == expected


def test_a_scaled_figure_of_a_money_noun_takes_the_currency_named_before_it():
    # wire copy names the currency once: "a net loss of 688 mln Swiss francs after a restated 756
    # mln loss"; a count of shares, or a figure in another paragraph, keeps no currency
    text = "The firm made a net loss of 68 mln Swiss francs after a restated 75 mln loss a year earlier."
    assert [(q.unit, q.kind) for q in extract_quantities(text)] == [("CHF", "money"), ("CHF", "money")]
    text = "It paid 5 mln dlrs for 3 mln shares."
    assert [(q.unit, q.kind) for q in extract_quantities(text)] == [("USD", "money"), ("", "count")]
    text = "Sales were 5 mln dlrs.\n\nAnalysts see a 3 mln loss."
    assert [(q.unit, q.kind) for q in extract_quantities(text)] == [("USD", "money"), ("", "count")]
    # the currency, not its minor unit: a scaled loss after a per-share figure in cents is dollars
    text = "It earned 79 cts a share, after a restated 52 mln loss a year earlier."
    assert [q.unit for q in extract_quantities(text)] == ["USX / share", "USD"]


@pytest.mark.parametrize("text,expected", [
    # wire copy writes mixed numbers with a hyphen: "15-1/4" is fifteen and a quarter
    ("Shares traded at 15-1/4 dlrs, off 1/4.", [("15-1/4 dlrs", 15.25, "USD")]),
    ("The stock is at 40-1/2, up from 18-3/4.", [("40-1/2", 40.5, ""), ("18-3/4", 18.75, "")]),
    ("The 9-3/8 pct eurobonds are due in 1992.", [("9-3/8 pct", 9.375, "percent")]),
    ("The bank drew 1-1/2 mln dlrs.", [("1-1/2 mln dlrs", 1.5e6, "USD")]),
])
def test_a_wire_mixed_number_is_one_value(text, expected):
    assert [(q.text, q.value, q.unit) for q in extract_quantities(text)] == expected


def test_a_bare_ounce_in_a_story_that_weighs_in_troy_ounces_is_a_troy_ounce():
    # bullion copy writes "troy" once: the headline's "2.4 MLN OUNCES" is the body's troy ounces,
    # not a second unit that slipped
    import numlint

    text = ("SILVER OUTPUT SEEN AT 2.4 MLN OUNCES\n\n"
            "The mine should produce 2.4 mln troy ounces of silver, against 1.9 mln ounces last year.\n")
    assert [q.unit for q in extract_quantities(text)] == ["troy_ounce"] * 3
    assert [f.code for f in numlint.check_text(text, "silver.txt") if f.code == "NL202"] == []
    assert [q.unit for q in extract_quantities("Add a 12 ounce steak and 2 ounces of butter.")] == ["ounce"] * 2
