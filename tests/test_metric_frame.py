"""The metric and concept reader on the causes of misreadings found against NewsQuant (own sentences)."""

from __future__ import annotations

import pytest

from numlint.extract import extract_quantities


def _one(text: str, surface: str):
    found = [q for q in extract_quantities(text) if q.text == surface]
    assert found, [q.text for q in extract_quantities(text)]
    return found[0]


@pytest.mark.parametrize("text, surface", [
    ("Nearly 4000 come from Spain each summer.", "4000"),                # a verb after the count
    ("The peso weakened to trade at 17.42 against the euro.", "17.42"),  # a preposition
    ("Divers went down 12 metres deep in places.", "12 metres"),        # a dimension word
    ("The tank held 500GB instead of the 250GB found in the old one.", "250GB"),  # a past form
])
def test_a_word_that_is_no_noun_is_no_metric(text, surface):
    assert _one(text, surface).metric is None


def test_an_adverb_and_its_modifier_are_no_metric_the_noun_after_them_is():
    assert _one("It is as big as about 30 reasonably sized farms.", "30").metric == "farms"


def test_a_verb_phrase_before_a_link_word_is_no_metric():
    assert _one("The drone was hovering at 40 for an hour.", "40").metric is None
    assert _one("The index is presently at 1,200.", "1,200").metric is None


def test_a_participle_after_the_noun_leaves_the_noun():
    assert _one("The money collected was 7,500 on the night.", "7,500").metric == "money"


def test_a_personal_pronoun_takes_the_subject_of_the_clause_before():
    q = _one("Jones had a fine season in Leeds, as she ran 14 races in the summer.", "14")
    assert "Jones" in (q.concept or "")


def test_the_noun_before_to_is_what_a_figure_reached():
    q = _one("There was a small rise in its operating margin to 12 per cent, while costs fell.", "12 per cent")
    assert "operating margin" in (q.concept or "")
    # "up to" is an approximator, not the link
    q = _one("The bonus was paid to staff, worth up to £400.", "£400")
    assert q.concept != "staff"


def test_a_sentence_opening_noun_phrase_with_an_unknown_verb_is_the_subject():
    q = _one("The comet hurtles along at about 90 miles per hour.", "90 miles per hour")
    assert "comet" in (q.concept or "")


@pytest.mark.parametrize("text, surface, metric", [
    ("The club released nine other players in June.", "nine", "players"),          # "other" is no noun
    ("The bank plans 3,500 job cuts by spring.", "3,500", "job cuts"),              # a change noun after a noun
    ("Three of the dancers were hurt.", "Three", "dancers"),                        # "N of the X"
    ("Four of Brown's ministers resigned.", "Four", "ministers"),                   # "N of Y's X"
    ("They printed a 40 page booklet.", "40", "page"),                              # a singular noun, then a noun
    ("He drives a 6 cylinder car.", "6", "cylinder"),
    ("There is one main reason.", "one", "main reason"),                            # one counts a singular
    ("About 90 commercial fishermen work there.", "90", "commercial fishermen"),    # an adjective modifies
])
def test_the_counted_noun(text, surface, metric):
    assert _one(text, surface).metric == metric


def test_a_part_named_after_including_takes_the_whole_s_metric():
    assert _one("There were 8 million voters, including 2.5 million in Ohio.", "2.5 million").metric == "voters"


@pytest.mark.parametrize("text, surface, concept", [
    ("Since the start of this season Maria Lopez has won 9 titles.", "9", "Maria Lopez"),
    ("So far this month Acme shares have gained 12%.", "12%", "Acme shares"),
    ("Before the crisis farm output was about $40 million.", "$40 million", "farm output"),
])
def test_a_phrase_of_time_before_the_subject_is_no_part_of_it(text, surface, concept):
    assert _one(text, surface).concept == concept


def test_and_between_two_figures_is_no_clause_mark():
    assert _one("In Leeds, tests between 2011 and 2013 came back at 7 ppb.", "7 ppb").concept == "tests"


def test_one_counts_the_noun_before_its_verb():
    assert _one("One motion asks the council to act.", "One").metric == "motion"


def test_a_hyphenated_modifier_in_ly_is_no_adverb():
    assert _one("It offered two petrol-only engine options.", "two").metric == "petrol-only engine options"


def test_a_relative_clause_after_a_bracketed_ticker_is_about_the_name():
    assert _one("Acme (ACM) which has 9000 staff in Spain said sales rose.", "9000").concept == "Acme (ACM)"


def test_a_clause_with_its_own_subject_keeps_its_own_metric():
    got = {q.text: q.metric for q in extract_quantities("Fares rose 4% and wages rose from 2% to 3%.")}
    assert got == {"4%": "fares", "2%": "wages", "3%": "wages"}


def test_a_verb_in_s_before_to_ends_the_subject():
    assert _one("The council plans to build up to 300 homes.", "300").concept == "council"
    assert _one("Dutch exports to the UK fell 5%.", "5%").concept == "Dutch exports to the UK"


def test_an_abbreviation_written_with_points_is_one_word_of_a_noun_phrase():
    import numlint

    # "U.S." used to end the phrase at its first point: "5,000 U.S. troops" counted "u s", and the
    # base of "50 pct of U.S. exports" was "u"
    assert _one("There are 5,000 U.S. troops in the region.", "5,000").metric == "troops"
    (frame,) = [f for _, f in numlint.extract_frames("It has 30 pct of the U.S. market.")]
    assert frame.base == "u.s. market"


def test_a_base_ends_before_a_second_of():
    import numlint

    # "34 pct of the fully diluted stock of the new company" is a share of the stock
    (frame,) = [f for _, f in numlint.extract_frames(
        "It can buy up to 34 pct of the fully diluted stock of the new company.")]
    assert frame.base == "fully diluted stock"
