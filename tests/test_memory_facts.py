"""What keeps a long document's quantities and facts small: no per-mention copies of its text, no
instance dicts, readings kept in slots (properties, not sizes: nothing here is timed or measured)."""

from __future__ import annotations

import dataclasses
import pickle

from numlint.document import Document
from numlint.facts import build_facts
from numlint.linter import document_quantities

ARTICLE = (
    "Some 3,000 troops were sent to the border on Monday, the ministry said.\n"
    "Officials later put the figure at 10,000 troops, up 5% from last year.\n"
    "The deployment will cost $7.2 billion, or about 1.3% of GDP.\n"
)


def _table(copies: int = 3):
    doc = Document("long.txt", ARTICLE * copies, "text")
    prose, quantities = document_quantities(doc)
    return quantities, build_facts(doc, prose, quantities)


def test_quantities_and_facts_have_no_instance_dict():
    quantities, table = _table()
    assert quantities and table.facts
    assert not hasattr(quantities[0], "__dict__")
    assert not hasattr(table.facts[0], "__dict__")


def test_a_fact_holds_no_copy_of_its_sentence():
    _, table = _table()
    text = table.text
    by_sentence: dict[int, list] = {}
    for f in table.facts:
        by_sentence.setdefault(f.sentence_index, []).append(f)
        assert f.prose is text
        s0, s1 = table.sentences[f.sentence_index]
        assert f.sentence_start == s0
        assert f.sentence == text[s0:s1]
        assert f.left == text[s0:f.start]
        assert f.right == text[f.end:s1]
    for facts in by_sentence.values():
        assert all(f.sentence is facts[0].sentence for f in facts)


def test_sentences_and_words_written_alike_are_one_object():
    _, table = _table(copies=3)
    first = [f for f in table.facts if f.sentence.startswith("Some 3,000")]
    assert len(first) == 3
    assert first[1].sentence is first[0].sentence
    assert first[1].words is first[0].words


def test_readings_are_kept_in_the_fact_and_not_compared():
    _, table = _table(copies=1)
    f = table.facts[0]
    assert f.definite is f.definite
    assert f.span(0.1) is f.span(0.1)
    g = dataclasses.replace(f)
    assert g == f and not hasattr(g, "_definite")


def test_in_sentence_is_the_sentence_s_facts_in_order():
    _, table = _table()
    for si in range(len(table.sentences) + 1):
        assert table.in_sentence(si) == tuple(f for f in table.facts if f.sentence_index == si)


def test_a_fact_pickles_without_its_readings():
    _, table = _table(copies=1)
    f = table.facts[1]
    assert f.definite in (True, False)
    g = pickle.loads(pickle.dumps(f))
    assert g == f and g.left == f.left and not hasattr(g, "_definite")
