"""numlint.lang: the one line index, the one sentence splitter, singulars, and the shared tables."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numlint.lang import dates, numbers
from numlint.lang.inflection import looks_plural, plural, singular
from numlint.lang.lines import LineIndex
from numlint.lang.sentences import SentenceIndex, split_sentences

# --- LineIndex -------------------------------------------------------------------------------------

def test_line_index_counts_lf_crlf_and_lone_cr_as_editors_do():
    index = LineIndex("a\nbb\r\nccc\rd")
    assert len(index) == 4
    assert [index.line_text(n) for n in range(1, 5)] == ["a", "bb", "ccc", "d"]
    assert index.line_col(0) == (1, 1)
    assert index.line_col(3) == (2, 2)  # the second "b"
    assert index.line_col(6) == (3, 1)  # after "\r\n"
    assert index.bounds(2) == (2, 4) and index.span(2) == (2, 6)
    assert index.line_text(0) == "" and index.line_text(5) == ""


def test_a_text_ending_in_a_line_break_has_an_empty_last_line():
    index = LineIndex("one\n")
    assert len(index) == 2 and index.line_text(2) == "" and index.line_col(4) == (2, 1)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \r\n", max_size=60))
def test_line_index_agrees_with_splitting_on_line_breaks(text):
    index = LineIndex(text)
    lines = re.split(r"\r\n|\r|\n", text)
    assert len(index) == len(lines)
    assert [index.line_text(n) for n in range(1, len(lines) + 1)] == lines
    for offset in range(len(text) + 1):
        line, col = index.line_col(offset)
        assert index.start(line) + col - 1 == offset
        assert index.line_of(offset) == line


# --- sentences -------------------------------------------------------------------------------------

def _sentences(text):
    return [text[s:e].strip() for s, e in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("The U.S. President spoke. Mr. Smith left.", ["The U.S. President spoke.", "Mr. Smith left."]),
    ("It was sold on Jan. 5 for £350m. WPP said so.", ["It was sold on Jan. 5 for £350m.", "WPP said so."]),
    ("They played into their 50s. \"Yes,\" he said.", ["They played into their 50s.", "\"Yes,\" he said."]),
    ("Profit rose 5 pct. The bank said.", ["Profit rose 5 pct.", "The bank said."]),
    ("J. K. Rowling wrote it.", ["J. K. Rowling wrote it."]),
    ("Headline\nSome 3,000 troops were sent to the\nborder on Monday.",
     ["Headline", "Some 3,000 troops were sent to the\nborder on Monday."]),
])
def test_sentence_ends(text, expected):
    assert _sentences(text) == expected


def test_a_very_long_sentence_is_cut_into_bounded_pieces():
    text = "word " * 1000
    assert all(e - s <= 1000 for s, e in split_sentences(text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aB. \n5U.S", max_size=80))
def test_sentence_index_bounds_hold_their_offset_and_tile_the_text(text):
    index = SentenceIndex(text)
    end = 0
    for pos in range(len(text)):
        s, e = index.bounds(pos)
        assert s <= pos < e <= len(text)
        assert s == 0 or s >= end or s == index.bounds(s)[0]
        end = e


# --- inflection ------------------------------------------------------------------------------------

@pytest.mark.parametrize("plural, single", [
    ("series", "series"), ("crises", "crisis"), ("children", "child"), ("men", "man"), ("troops", "troop"),
    ("companies", "company"), ("sales", "sale"), ("news", "news"), ("analyses", "analysis"), ("data", "data"),
    ("Troops", "troop"), ("troop", "troop"), ("gdp", "gdp"), ("police", "police"),
])
def test_singular_of_news_nouns(plural, single):
    assert singular(plural) == single


def test_singular_leaves_what_is_no_word():
    assert singular("5g") == "5g" and singular("") == "" and singular("’s") == ""


@pytest.mark.parametrize("word, plural", [("troops", True), ("people", True), ("loss", False), ("is", False),
                                          ("troop", False)])
def test_looks_plural(word, plural):
    assert looks_plural(word) is plural


# --- tables ----------------------------------------------------------------------------------------

def test_one_scale_table_names_every_scale():
    assert numbers.NAME_OF_SCALE == {1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}
    for word in (*numbers.SCALE_ABBREVIATIONS, *numbers.SCALE_LETTERS, *numbers.SCALE_NAMES):
        assert word in numbers.SCALE_WORDS
    assert numbers.BIG_WORDS is numbers.SCALE_NAMES


def test_one_month_list_holds_full_names_and_abbreviations():
    assert dates.MONTHS[:12][0] == "January" and "Sept" in dates.MONTHS and len(set(dates.MONTHS)) == len(dates.MONTHS)


@pytest.mark.parametrize("one, many", [
    ("mile", "miles"), ("inch", "inches"), ("foot", "feet"), ("century", "centuries"), ("day", "days"),
    ("hertz", "hertz"), ("stone", "stone"), ("megaBtu", "megaBtu"), ("kilometer", "kilometers"),
    ("child", "children"), ("box", "boxes"),
])
def test_plural_of_units_and_nouns(one, many):
    assert plural(one) == many
