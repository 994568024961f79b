"""The scoring functions of bench/extraction.py on hand-made examples (no corpus is read).

A change to how the benchmark matches values, units or concepts shows up here first, so a better or
worse figure is the extractor's doing and not the scorer's.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "bench" / "extraction.py"
_spec = importlib.util.spec_from_file_location("bench_extraction", _PATH)
X = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(X)


def gold(value, unit="-", concept="-"):
    return X.Gold(value, unit, X.concept_tokens(concept), {})


def pred(value, unit="", metric=None, base=None, concept=True):
    return X.Pred(value, unit, metric, X.concept_tokens(metric, base) if concept else None, "")


# -- values -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("raw, want", [("6.0", 6.0), ("1", 1.0), ("252.0-287.0", (252.0, 287.0)),
                                       ("-5", -5.0), ("7.2E9", 7.2e9), ("abc", None)])
def test_parse_gold_value(raw, want):
    assert X.parse_gold_value(raw) == want


def test_values_match_tolerance_and_ranges():
    assert X.values_match(1.000001, 1.0)
    assert not X.values_match(1.001, 1.0)
    assert X.values_match(0.0, 0.0)
    assert X.values_match((4.7, 4.8), (4.8, 4.7))  # the gold writes "from 4.8 to 4.7" as 4.8-4.7
    assert not X.values_match(4.75, (4.7, 4.8))     # a range never meets a point
    assert not X.values_match(None, 1.0)


# -- counted nouns ------------------------------------------------------------------------------------
@pytest.mark.parametrize("word, want", [("troops", "troop"), ("companies", "company"), ("bosses", "boss"),
                                        ("launches", "launch"), ("people", "people"), ("fishermen", "fisherman"),
                                        ("viruses", "virus"), ("bus", "bus"), ("Goals", "goal"),
                                        ("analysis", "analysis")])
def test_singular(word, want):
    assert X.singular(word) == want


@pytest.mark.parametrize("phrase, want", [
    ("troops", "troop"),
    ("different products", "different product"),   # CQE keeps the modifier in a noun unit
    ("Americans", "american"),
    ("the 450 jobs", "450 job"),
    ("% -", "-"),                                    # CQE's fraction marker with no noun
    ("-", "-"), ("", "-"), (None, "-"),
])
def test_noun_key(phrase, want):
    assert X.noun_key(phrase) == want


def test_unit_class_physical_currency_and_counts():
    assert X.unit_class("kilometre", "kilometre") == X.unit_class("kilometer", None)
    assert X.unit_class("dollar", "dollar") == X.unit_class("USD", "revenue")  # a metric does not touch a unit
    assert X.unit_class("percentage", "percentage") == X.unit_class("percent", None)
    assert X.unit_class("mile per hour", "mile per hour") == X.unit_class("mile / hour", None)
    assert X.unit_class("worker", "worker") == ("noun", "worker")
    assert X.unit_class("", "workers") == ("noun", "worker")      # numlint: a count's metric is its noun
    assert X.unit_class("", None) == ("noun", "-")                # a bare number
    assert X.unit_class("dimensionless", None) == ("noun", "-")   # quantulum3's bare number
    assert X.unit_class("point", "point") == ("noun", "point")    # not pint's typographic point


def test_age_is_its_own_unit():
    age = X.unit_class("year of age", "year of age")
    assert X.unit_class("year", "age") == age        # numlint: unit year, metric age
    assert X.unit_class("year", "year") != age       # quantulum3's bare year is a duration
    assert X.unit_class("year", "year") == X.unit_class("year", None)


def test_units_match_cqe_whole_noun_and_head():
    g = X.unit_class("european country", "european country")
    p = X.unit_class("", "countries")
    assert not X.units_match_cqe(p, g)
    assert X.units_match_cqe(p, g, head_only=True)
    assert X.units_match_cqe(X.unit_class("", "different products"),
                             X.unit_class("different product", "different product"))
    assert not X.units_match_cqe(X.unit_class("", "troops"), X.unit_class("-", "-"))   # a noun is no bare number
    assert not X.units_match_cqe(X.unit_class("", None), X.unit_class("USD", None))    # nor a count a currency
    assert X.units_match_cqe(X.unit_class("", None), X.unit_class("-", "-"), head_only=True)


# -- concepts -----------------------------------------------------------------------------------------
def test_concept_tokens():
    assert X.concept_tokens("revenue, Chinese e-commerce giant") == {"revenue", "chinese", "e-commerce", "giant"}
    assert X.concept_tokens("Ford (F)") == {"ford", "f"}
    assert X.concept_tokens("-") == frozenset()
    assert X.concept_tokens("the number of its staff", None) == {"number", "staff"}
    assert X.concept_tokens(None, "revenue") == {"revenue"}   # several phrases: one token set
    assert X.concept_tokens("visitors") != X.concept_tokens("visitor")  # CQE does not lemmatise concepts


@pytest.mark.parametrize("p, g, want", [
    ("revenue", "revenue, Chinese e-commerce giant", (False, True)),
    ("chinese e-commerce giant revenue", "revenue, Chinese e-commerce giant", (True, True)),
    ("workers", "Ford (F)", (False, False)),
    ("", "-", (True, True)),            # neither has a concept: CQE compares ["-"] with ["-"]
    ("troops", "-", (False, False)),
    ("", "driving range", (False, False)),
])
def test_concepts_match(p, g, want):
    assert X.concepts_match(X.concept_tokens(p), X.concept_tokens(g)) == want


# -- matching and scoring -----------------------------------------------------------------------------
def test_match_is_one_to_one():
    golds = [gold(5.0, "dollar"), gold(5.0, "dollar")]
    preds = [pred(5.0, "USD")]
    assert X.match(preds, golds, lambda p, g: X.pair_ok("value", p, g)) == {0: 0}


def test_pair_ok_by_kind():
    g = gold(13000.0, "worker", "Ford (F)")
    right_noun = pred(13000.0, "", "workers")
    assert X.pair_ok("value", right_noun, g)
    assert X.pair_ok("value+unit CQE", right_noun, g)
    assert X.pair_ok("value+unit lenient", pred(13000.0, "", "troops"), g)   # lenient: any count
    assert not X.pair_ok("value+unit CQE", pred(13000.0, "", "troops"), g)
    assert not X.pair_ok("value+concept partial", right_noun, g)               # the noun is no concept
    assert X.pair_ok("value+concept partial", pred(13000.0, "", "Ford workers"), g)
    assert not X.pair_ok("value+concept complete", pred(13000.0, "", "Ford workers"), g)
    assert not X.pair_ok("value+concept partial", pred(13000.0, "", "Ford", concept=False), g)  # no concept given
    assert not X.pair_ok("value+unit CQE", pred(12000.0, "", "workers"), g)


def test_numlint_is_scored_on_its_concept_and_counted_on_its_metric():
    """The concept figures read ``concept`` (the metric phrase as written, with whose); the value+unit
    figure compares a count's ``metric``, the counted noun."""
    (share,) = X.numlint_preds("Exports to Germany dropped 7% last year.")
    assert share.concept == {"exports", "germany"} and share.noun is None
    g = gold(7.0, "percentage", "exports Germany")
    assert X.pair_ok("value+concept complete", share, g)
    (count,) = X.numlint_preds("The club, which has 300 members, said so.")
    assert count.noun == "members" and count.concept == {"club"}
    assert X.pair_ok("value+unit CQE", count, gold(300.0, "member", "club"))
    assert X.pair_ok("value+concept complete", count, gold(300.0, "member", "club"))


def test_halves_are_fixed_by_the_sentence_text():
    texts = [f"Sentence number {i} of a made-up set." for i in range(400)]
    halves = [X.half_of(t) for t in texts]
    assert set(halves) == {"dev", "test"}
    assert halves == [X.half_of(t) for t in texts]          # the same text, the same half, every run
    assert 150 < halves.count("dev") < 250                   # a hash, roughly even


def test_score_sentences_prf():
    sentences = [([pred(1.0, "USD", "revenue"), pred(2.0)], [gold(1.0, "dollar", "revenue"), gold(3.0)])]
    res = X.score_sentences(sentences)
    assert res["value"][3:] == (1, 2, 2)
    assert res["value"][:3] == pytest.approx((0.5, 0.5, 0.5))
    assert res["value+concept complete"][3] == 1
    assert X.prf(0, 0, 0) == (0.0, 0.0, 0.0)


def test_misses_categories():
    golds = [gold(10.0, "worker", "Ford"), gold(5.0, "kilometre", "road"), gold(7.0)]
    preds = [pred(10.0, "", "jobs"), pred(5.0, "mile", "road"), pred(99.0)]
    cats = sorted(c for c, _, _ in X.misses(preds, golds))
    assert cats == ["concept-partial", "spurious", "unit-noun", "unit-physical", "value-missed"]
    golds = [gold(10.0, "worker", "Ford workers UK")]
    assert [c for c, _, _ in X.misses([pred(10.0, "", "workers")], golds)] == ["concept-complete"]
    assert set(c for c, _, _ in X.misses(preds, golds)) <= set(X.CATEGORIES)


def test_empty_concept_matches():
    sentences = [([pred(1.0), pred(2.0, "", "troops")], [gold(1.0), gold(2.0, "-", "troops")])]
    assert X.empty_concept_matches(sentences, "value+concept partial") == 1
    assert X.score_sentences(sentences)["value+concept partial"][3] == 2


def test_split_scores_one_half_only(tmp_path, capsys):
    import json

    items = [{"text": f"The club has {n} members.", "quantities": [
        {"change": "=", "value": str(n), "unit": "members", "normalized_unit": "member", "referred_concepts": "club"}]}
        for n in range(10, 30)]
    data = tmp_path / "set.json"
    data.write_text(json.dumps(items), encoding="utf-8")
    dev = sum(X.half_of(i["text"]) == "dev" for i in items)
    assert 0 < dev < len(items)
    assert X.main(["--data", str(data), "--no-quantulum", "--split", "dev"]) == 0
    assert f"NewsQuant (dev): {dev} sentences, {dev} gold quantities" in capsys.readouterr().out
    assert X.main(["--data", str(data), "--no-quantulum"]) == 0
    out = capsys.readouterr().out
    assert f"NewsQuant (all): {len(items)} sentences" in out and "numlint F1 by half:" in out
