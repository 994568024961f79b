"""Property tests of the public API on generated text (hypothesis).

``numlint.check_text`` and ``numlint.extract_text`` must, for any text: never raise; give spans inside
the text whose line/column agree with the offsets; give the same output for the same input; and
return findings sorted by (start, end, code). The text is built from news-copy fragments (numbers in
every notation, scale words, units, currency, markup, odd spaces and line breaks) mixed with
arbitrary characters, so the examples reach the parsers instead of bouncing off plain letters.

Example counts stay modest so the normal test run stays fast; fuzz/ holds an atheris target for long
runs outside CI.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import numlint

FRAGMENTS = [
    "3,000", "10,000", "1.3", "7.2", "0.5", "5", "25", "1987", "2,5", "1.000.000", "10\u202f000", "10\u00a0000",
    "10\u2009000", "1e6", "½", "¾", "-4", "+3", "−2", "~", "%", " per cent", " percent", " percentage points",
    " pp", " bps", "$", "£", "€", "¥", " USD", " dollars", " pounds", " euros", "m", "bn", " million",
    " billion", " mln", " bln", "k", " thousand", " troops", " people", " km", " miles", " kilometres",
    " mph", " km/h", " tonnes", " barrels a day", " a share", " of GDP", " rose", " fell", " up", " down",
    " by", " to", " from", " about", " nearly", " more than", " at least", " up to", " some", " between",
    " and", "-", "–", " to ", "/", ".", ",", ";", ":", "(", ")", "\"", "'", " ", "  ", "\t", "\n", "\r\n",
    "\r", "\n\n", "\u200f", "\u202e", "\u2066", "\u2069", "\ufeff", "\x00", "🎉", "👍🏽", "*", "**", "_",
    "`", "```\n", "| ", " |", "|---|", "# ", "> ", "- ", "1. ", "[", "](", "<p>", "</p>", "<b>", "</b>",
    "<div>", "</div>", "<!-- ", " -->", "<br>", "&nbsp;", "&amp;", "&#8239;", "&pound;", "<script>",
    "</script>", "numlint: disable-next-line NL101", "Jan 5", "5 May", "12:30", "No. 7", "2nd", "one",
    "two", "dozen", "hundred", "half", "twice", "a third",
]

news_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)),
    max_size=40,
).map("".join)

FUZZ = settings(
    max_examples=int(os.environ.get("NUMLINT_FUZZ_EXAMPLES", "60")),
    deadline=None,  # the first call loads the parsers; we test behaviour here, not speed
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset, lines ending at \\n, \\r\\n or \\r (CONTRACT.md)."""
    line, start, i = 1, 0, 0
    while i < offset:
        ch = text[i]
        if ch == "\r" and text.startswith("\r\n", i):
            if i + 1 >= offset:
                break
            i += 2
            line, start = line + 1, i
            continue
        if ch in "\r\n":
            line, start = line + 1, i + 1
        i += 1
    return line, offset - start + 1


def assert_span(text, item):
    assert 0 <= item.start <= item.end <= len(text), (item.start, item.end, len(text))
    assert (item.line, item.column) == line_col(text, item.start), item
    assert (item.end_line, item.end_column) == line_col(text, item.end), item


@FUZZ
@given(news_text)
def test_extract_text_properties(text):
    quantities = numlint.extract_text(text)
    for q in quantities:
        assert_span(text, q)
        assert text[q.start:q.end] == q.text
        assert q.value is not None or (q.low is not None and q.high is not None)
    assert numlint.extract_text(text) == quantities


@FUZZ
@given(news_text, st.sampled_from(["story.txt", "story.md", "story.html"]))
def test_check_text_properties(text, path):
    findings = numlint.check_text(text, path=path)
    for f in findings:
        assert_span(text, f)
        for r in f.related:
            assert_span(text, r)
        assert f.severity in ("info", "warning", "error")
        assert f.code.startswith("NL") and f.message
    keys = [(f.start, f.end, f.code) for f in findings]
    assert keys == sorted(keys)
    assert numlint.check_text(text, path=path) == findings


@FUZZ
@given(st.text(max_size=200))
def test_any_unicode_text(text):
    for q in numlint.extract_text(text):
        assert text[q.start:q.end] == q.text
    numlint.check_text(text, path="story.html")
    numlint.check_text(text, path="story.md")
