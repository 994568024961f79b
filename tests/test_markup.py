"""markup: the prose of Markdown and HTML, and exact spans back into the original file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numlint.markup import Prose, html_prose, markdown_prose, to_prose


def original_span(prose: Prose, original: str, needle: str, nth: int = 0) -> str:
    """The original text behind the nth occurrence of needle in the prose."""
    i = -1
    for _ in range(nth + 1):
        i = prose.text.find(needle, i + 1)
        assert i >= 0, f"{needle!r} not in prose {prose.text!r}"
    s, e = prose.to_original(i, i + len(needle))
    return original[s:e]


def check_map(prose: Prose, original: str) -> None:
    """The invariants every converted document keeps."""
    text, origin, origin_end = prose.text, prose.origin, prose.origin_end
    assert origin is not None and origin_end is not None
    assert len(origin) == len(origin_end) == len(text)
    previous = 0
    for i, ch in enumerate(text):
        o, e = origin[i], origin_end[i]
        assert 0 <= o <= e <= len(original)
        assert o >= previous, f"origin runs backwards at prose {i}"
        previous = o
        if e - o == 1:  # neither an inserted separator (width 0) nor a decoded construct (width > 1)
            assert original[o] == ch, f"prose {i} {ch!r} maps to {original[o]!r}"
    for start, end in prose.headings:
        assert 0 <= start < end <= len(text)


# --- Markdown -----------------------------------------------------------------------------------

MD_SPANS = [
    ("The **10,000** troops", "10,000", "10,000"),
    ("cost _£5m_ in all", "£5m", "£5m"),
    ("[3,000 troops](http://x/2019/10) left", "3,000 troops", "3,000 troops"),
    ("about 10&nbsp;000 people", "10\u00a0000", "10&nbsp;000"),
    ("it cost &pound;5m", "£5m", "&pound;5m"),
    ("a rise of 5&#37; this year", "5%", "5&#37;"),
    ("a rise of 5&#x25; this year", "5%", "5&#x25;"),
    ("escaped \\$5m here", "$5m", "\\$5m"),
    ("***7,500*** jobs", "7,500", "7,500"),
    ("~~40~~ 45 ships", "45", "45"),
    ("<b>12</b> tanks", "12", "12"),
    ("a [ref link][r] 9\n\n[r]: http://x/1", "ref link", "ref link"),
]


@pytest.mark.parametrize("source, needle, expected", MD_SPANS)
def test_markdown_span_maps_back_exactly(source: str, needle: str, expected: str) -> None:
    prose = markdown_prose(source)
    assert original_span(prose, source, needle) == expected
    check_map(prose, source)


def test_markdown_inline_markup_removed() -> None:
    prose = markdown_prose('The **10,000** troops and _£5m_ and [3,000](http://x/2019/10 "t 77") `99` x')
    assert prose.text == "The 10,000 troops and £5m and 3,000  x"


def test_markdown_link_url_title_image_autolink_skipped() -> None:
    source = '[text 1](http://x/2019/10 "title 2") ![alt 3](img/4.png "5") <http://x/6> <a@b.c7> end'
    text = markdown_prose(source).text
    assert "text 1" in text and "end" in text
    for absent in ("2019", "title", "4.png", "x/6", "b.c7", "alt 3"):
        assert absent not in text


def test_markdown_skips_code_comments_html_tags_and_reference_definitions() -> None:
    source = (
        "Intro 1\n\n```\nfenced 2\n```\n\n    indented 3\n\nuse `inline 4` here\n\n"
        "<!-- comment 5 -->\n\n[ref]: http://x/6 \"title 7\"\n\nText <span class='c8'>9</span> end\n\n"
        "~~~\nunterminated 10\n"
    )
    text = markdown_prose(source).text
    assert "Intro 1" in text and "9" in text
    for absent in ("fenced", "indented", "inline 4", "comment", "x/6", "title 7", "c8", "unterminated"):
        assert absent not in text


@pytest.mark.parametrize(
    "source",
    [
        "---\ntitle: Troops 5\ncount: 10,000\n---\nBody 6\n",
        "+++\ntitle = \"Troops 5\"\ncount = 10000\n+++\nBody 6\n",
        "---\r\ntitle: Troops 5\r\n...\r\nBody 6\r\n",
    ],
)
def test_markdown_front_matter_skipped(source: str) -> None:
    prose = markdown_prose(source)
    assert prose.text == "Body 6"
    assert original_span(prose, source, "6") == "6"
    check_map(prose, source)


def test_markdown_blocks_are_separated() -> None:
    source = "5\n\n6\n# 7\n- 8\n- 9\n> 10\n\n11\n***\n12"
    prose = markdown_prose(source)
    assert prose.text == "5\n\n6\n\n7\n\n8\n\n9\n\n10\n\n11\n\n12"
    check_map(prose, source)


def test_markdown_soft_break_is_a_space_and_a_hard_break_a_newline() -> None:
    # a paragraph wrapped in the source is one paragraph to its reader (and one sentence to the facts
    # stage); two trailing spaces make a hard break, which stays a line break
    source = "The army has\n   10,000 troops  \nin all"
    prose = markdown_prose(source)
    assert prose.text == "The army has 10,000 troops\nin all"
    assert original_span(prose, source, "10,000 troops") == "10,000 troops"
    check_map(prose, source)


def test_markdown_blockquote_and_list_offsets() -> None:
    source = "> The army has\n> **10,000** troops\n\n1. 1 item of 250 men\n   and 30 more\n"
    prose = markdown_prose(source)
    assert original_span(prose, source, "10,000") == "10,000"
    assert original_span(prose, source, "1 item") == "1 item"
    assert original_span(prose, source, "30 more") == "30 more"
    check_map(prose, source)


def test_markdown_table_cells() -> None:
    source = "| Year | Troops |\n|------|-------:|\n| 2019 | 10,000 |\n| 2020 | a \\| 12 |\n"
    prose = markdown_prose(source)
    assert prose.text == "Year\nTroops\n\n2019\n10,000\n\n2020\na | 12"
    assert original_span(prose, source, "10,000") == "10,000"
    assert original_span(prose, source, "12") == "12"
    check_map(prose, source)


def test_markdown_headings_are_h1_only() -> None:
    source = "# Army has 10,000 troops #\n\n## Not a headline 5\n\nSetext 7 title\n===\n\nBody\n"
    prose = markdown_prose(source)
    assert [prose.text[s:e] for s, e in prose.headings] == ["Army has 10,000 troops", "Setext 7 title"]
    assert original_span(prose, source, "10,000") == "10,000"


def test_markdown_no_h1_means_no_headings() -> None:
    assert markdown_prose("First paragraph 5.\n\nSecond.").headings == []


def test_markdown_html_block_is_read_as_html() -> None:
    source = "Intro\n\n<div class='x5'>\n<p>Cost &pound;5m <b>now</b></p>\n<script>var x = 7;</script>\n</div>\n\nEnd\n"
    prose = markdown_prose(source)
    assert "x5" not in prose.text and "var x" not in prose.text
    assert original_span(prose, source, "£5m") == "&pound;5m"
    check_map(prose, source)


def test_markdown_crlf_lone_cr_and_nul() -> None:
    source = "The **10,000** troops\r\nmarched\r\n\r\nOld\rMac 5\x00 x"
    prose = markdown_prose(source)
    assert original_span(prose, source, "10,000") == "10,000"
    assert original_span(prose, source, "5") == "5"
    check_map(prose, source)


def test_markdown_tab_indentation() -> None:
    source = ">\tquoted 5\n-\tlisted 6\n\n\t\tcode 7\n"
    prose = markdown_prose(source)
    assert original_span(prose, source, "quoted 5") == "quoted 5"
    assert original_span(prose, source, "listed 6") == "listed 6"
    assert "code 7" not in prose.text
    check_map(prose, source)


# --- HTML ---------------------------------------------------------------------------------------

HTML_SPANS = [
    ("<p>The <b>10,000</b> troops</p>", "10,000", "10,000"),
    ("<p>about 10&nbsp;000 people</p>", "10\u00a0000", "10&nbsp;000"),
    ("<p>it cost &pound;5m</p>", "£5m", "&pound;5m"),
    ("<p>a rise of 5&#37;</p>", "5%", "5&#37;"),
    ("<p>a rise of 5&#x25</p>", "5%", "5&#x25"),
    ("<p>R&amp D</p>", "R& D", "R&amp D"),
    ("<p>x &ampfoo; y</p>", "&foo", "&ampfoo"),
    ("<p>unknown &nosuch; 5</p>", "&nosuch; 5", "&nosuch; 5"),
    ("<p><a href='/2019/10' title=\"7 > 6\">3,000 troops</a></p>", "3,000 troops", "3,000 troops"),
]


@pytest.mark.parametrize("source, needle, expected", HTML_SPANS)
def test_html_span_maps_back_exactly(source: str, needle: str, expected: str) -> None:
    prose = html_prose(source)
    assert original_span(prose, source, needle) == expected
    check_map(prose, source)


def test_html_skips_script_style_code_comments_and_attributes() -> None:
    source = (
        "<!DOCTYPE html><html><head><title>Head 1</title><style>p { width: 2px }</style>"
        "<script>var x = '<p>3</p>';</script></head><body><p data-n='4' title=\"5\">Text 6</p>"
        "<pre>7</pre><code>8</code><template>9</template><noscript>10</noscript><!-- 11 -->"
        "<?php echo 12 ?><p>End 13</p></body></html>"
    )
    text = html_prose(source).text
    assert text == "Head 1\n\nText 6\n\nEnd 13"


def test_html_blocks_cells_and_breaks() -> None:
    source = "<div>5</div><div>6</div><p>7<br>8</p><ul><li>9</li><li>10</li></ul>" \
        "<table><tr><td>11</td><td>12</td></tr><tr><th>13</th></tr></table><h2>14</h2>15"
    prose = html_prose(source)
    # <br> reads as a space: it does not end a sentence (issue 19).
    assert prose.text == "5\n\n6\n\n7 8\n\n9\n\n10\n\n11\n12\n\n13\n\n14\n\n15"
    check_map(prose, source)


def test_html_whitespace_with_line_breaks_reads_as_one_space() -> None:
    source = "<p>The army has\n\n   10,000 troops</p>\n\n<p>\n  Next</p>"
    prose = html_prose(source)
    assert prose.text == "The army has 10,000 troops\n\nNext"
    check_map(prose, source)


def test_html_headings_are_h1_and_title() -> None:
    source = "<title>Site &amp; 1</title><h1>Army: <i>10,000</i></h1><h2>Sub</h2><p>Body</p>"
    prose = html_prose(source)
    assert [prose.text[s:e] for s, e in prose.headings] == ["Site & 1", "Army: 10,000"]


@pytest.mark.parametrize(
    "source",
    ["<", "a <", "<!--", "x <!-- 5", "</", "</>", "<a", "<a b='x", "&", "&#", "&#x;", "&#abc; <b>5</b>",
     "<script>", "<p>5 < 6 & 7 > 2</p>", "<scr<b>ipt>", "<code>x", "\x00<p>\x00</p>", "<p>a\r\nb\rc</p>",
     "<![CDATA[5]]>", "<title>a<b>c"],
)
def test_html_broken_input_does_not_raise(source: str) -> None:
    prose = html_prose(source)
    check_map(prose, source)


def test_html_unterminated_comment_hides_the_rest() -> None:
    assert html_prose("a <!-- 5 troops").text == "a"


def test_html_malformed_charref_does_not_stop_the_parse() -> None:
    prose = html_prose("a &#abc; <b>5</b> troops")
    assert prose.text == "a &#abc; 5 troops"


# --- robustness ---------------------------------------------------------------------------------


def test_deep_nesting() -> None:
    divs = "<div>" * 3000 + "10,000 troops" + "</div>" * 3000
    prose = html_prose(divs)
    assert prose.text == "10,000 troops"
    unclosed = "<div><span><p>" * 3000 + "5"
    assert html_prose(unclosed).text == "5"
    quotes = "> " * 3000 + "10,000 troops\n\n" + ">" * 3000 + " **5** more\n"
    prose = markdown_prose(quotes)
    assert prose.text == "10,000 troops\n\n5 more"
    assert original_span(prose, quotes, "10,000") == "10,000"
    check_map(prose, quotes)
    lists = "".join("  " * i + "- item 7\n" for i in range(500))  # past markdown-it's nesting limit
    check_map(markdown_prose(lists), lists)
    mixed = "> - " * 1000 + "deep 8\n"
    check_map(markdown_prose(mixed), mixed)


def test_big_inputs_complete() -> None:
    para = "The army said **10,000** troops, _£5m_ or 5&#37; of [GDP](http://x/1) `c` in 2019.\nMore 5.\n\n"
    md = para * 6000
    start = time.perf_counter()
    prose = markdown_prose(md)
    assert prose.text.count("10,000") == 6000
    page = "<p class='x'>The army said <b>10,000</b> troops, &pound;5m or 5&#37;.</p>\n" * 8000
    prose = html_prose(page)
    assert prose.text.count("10,000") == 8000
    assert time.perf_counter() - start < 120


@pytest.mark.parametrize(
    "source",
    ["<a " * 20000, "<a b='x" * 20000, "<!--" * 20000, "&#" * 20000, " " * 200000 + "x", "[" * 20000,
     "*a" * 20000, "`" * 20000, "<" * 20000],
)
def test_pathological_inputs_are_fast(source: str) -> None:
    start = time.perf_counter()
    html_prose(source)
    markdown_prose(source)
    assert time.perf_counter() - start < 30


def test_to_prose_dispatch_and_plain_text_unchanged() -> None:
    plain = to_prose("Headline 5\nbody", "text")
    assert plain.origin is None and plain.text == "Headline 5\nbody" and plain.headings == [(0, 10)]
    assert to_prose("**5**", "markdown").text == "5"
    assert to_prose("<b>5</b>", "html").text == "5"


MD_ALPHABET = st.sampled_from(
    list("ab5 ,.%£\n\t\r*_`~[]()<>!&#;\\|-+=:'\"/\x00")
    + ["**", "```", "    ", "> ", "- ", "1. ", "# ", "---\n", "+++\n", "&amp;", "&pound;", "&#37;", "&#x25;",
       "&nbsp", "<!--", "-->", "<b>", "</b>", "<div>", "</div>", "\n\n", "[x](http://y/1 \"t\")", "![a](b)",
       "<http://a.b/>", "| a | b |\n|---|---|\n", "\r\n", "===\n"]
)
HTML_ALPHABET = st.sampled_from(
    list("ab5 ,.%£\n\t\r<>/&#;=\"'!?-x\x00")
    + ["<p>", "</p>", "<div>", "<br>", "<td>", "<tr>", "<h1>", "</h1>", "<title>", "</title>", "<script>",
       "</script>", "<style>", "<pre>", "</pre>", "<code>", "<!--", "-->", "&amp;", "&amp", "&pound;",
       "&#37;", "&#x25", "&#", "&nbsp;", "<a href='x>y'>", "</a>", "<!DOCTYPE html>", "<?x?>", "<b/>",
       "\r\n", "\n\n"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MD_ALPHABET, max_size=60).map("".join))
def test_markdown_property(source: str) -> None:
    check_map(markdown_prose(source), source)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HTML_ALPHABET, max_size=60).map("".join))
def test_html_property(source: str) -> None:
    check_map(html_prose(source), source)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_any_text_never_raises(source: str) -> None:
    for fmt in ("text", "markdown", "html"):
        to_prose(source, fmt)
    check_map(markdown_prose(source), source)
    check_map(html_prose(source), source)


PLAIN_ALPHABET = st.sampled_from(list("ab5 ,.%£\n\t<>&#;:!~-=+'\"/()]") + ["  \n", "R&D", "5 < 6", "AT&T", "\n   "])


@settings(max_examples=200, deadline=None)
@given(st.lists(PLAIN_ALPHABET, max_size=40).map("".join))
def test_markdown_fast_path_agrees_with_markdown_it(source: str) -> None:
    """Blocks without inline markup skip markdown-it's inline pass; the prose must be the same."""
    import re

    import numlint.markup.markdown as markup

    fast = markdown_prose(source)
    saved = markup._INLINE_MARKUP
    markup._INLINE_MARKUP = re.compile(r"")
    try:
        slow = markdown_prose(source)
    finally:
        markup._INLINE_MARKUP = saved
    assert fast.text == slow.text
    assert list(fast.origin) == list(slow.origin) and list(fast.origin_end) == list(slow.origin_end)


def test_a_hard_wrapped_markdown_paragraph_is_one_sentence_to_the_rules() -> None:
    import numlint

    source = ("# Troops sent\n\n"
              "Some 10,000 troops were sent to the border, up from\n3,000 in March, the ministry said.\n")
    assert [f.code for f in numlint.check_text(source, "story.md")] == ["NL102"]  # a stated change, noted


# --- HTML from a CMS, Word and Google Docs: the article, not the page (issue 19) -------------------

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _read(name: str, scope: str = "article") -> str:
    return " ".join(html_prose((FIXTURES / name).read_text(encoding="utf-8"), scope).text.split())


def test_cms_page_is_read_for_its_article():
    text = _read("cms-hospital.html")
    for chrome in ("50,000 readers", "Share 3.2k", "27 comments", "£48bn", "20% off", "Most read",
                   "Council tax", "18-month", "2026", "Home News", "Hospital opens new wing |"):
        assert chrome not in text, chrome
    assert text.startswith("Riverside hospital opens £48m wing By Sam Reporter")  # the article's own header
    assert "now has 340 beds, up from 300 last year." in text                      # <br> ends no sentence
    assert "The wing adds six operating theatres and 40 beds." in text             # a caption is copy
    assert '"We waited 12 years for this," said one nurse.' in text                # and so is a pull quote
    assert "6 theatres" not in text                                                # alt text is not


def test_html_scope_all_reads_every_visible_element():
    text = _read("cms-hospital.html", "all")
    for chrome in ("50,000 readers", "Share 3.2k", "27 comments", "£48bn", "Council tax", "18-month"):
        assert chrome in text, chrome


def test_page_without_article_or_main_drops_its_chrome():
    page = ("<header>Menu</header><nav>Sections</nav><div class='social-share'>Share 12</div>"
            "<p>Some 40 people were hurt.</p><div class='comments'>88 comments</div><form>Sign up</form>"
            "<footer>© 2026</footer>")
    assert html_prose(page).text == "Some 40 people were hurt."
    prose = html_prose(page, "all")
    assert "Share 12" in prose.text and "88 comments" in prose.text
    check_map(prose, page)


def test_word_save_as_html_without_its_comment_list():
    text = _read("word-export-flood.htm")
    assert "press release" not in text and "1,200" not in text and "[JD1]" not in text
    assert "The scheme will cost £12m, the agency said" in text
    assert "MsoNormal" not in text and "DocumentProperties" not in text and "212" not in text


def test_google_docs_html_without_its_comment_threads():
    text = _read("gdocs-export-rail.html")
    assert "DfT" not in text and "3.5 million" not in text and "[a]" not in text
    assert "from £5,800 to £6,300, a 4.6% increase." in text


def test_chrome_filtering_keeps_the_offset_map():
    for name in ("cms-hospital.html", "word-export-flood.htm", "gdocs-export-rail.html"):
        source = (FIXTURES / name).read_text(encoding="utf-8")
        check_map(html_prose(source), source)


def test_a_hero_banner_holds_the_headline_and_is_kept():
    page = "<main><div class='hero-banner'><h1>Storm cuts power to 40,000 homes</h1></div><p>Body.</p></main>"
    assert html_prose(page).text == "Storm cuts power to 40,000 homes\n\nBody."


def test_an_article_header_without_its_reading_time_and_hidden_copy():
    """Inside the article, its header's "4 min read" and copy hidden by a style are furniture; the
    headline, standfirst and byline are kept."""
    page = ("<article><header><h1>Ferry fares to rise 12%</h1><p class='standfirst'>Return passes £40</p>"
            "<p class='byline'>By Morag Kerr · <span class='reading-time'>4 min read</span>"
            "<span class='c-read-time'>4 min</span></p></header>"
            "<p>Fares rise by 12% in January.</p><p style='display: none'>Draft: 15%?</p>"
            "<p style='mso-hide:all'>Word hid 18%</p><p class='time-line'>By 2030, 40 ships.</p></article>")
    prose = html_prose(page)
    assert prose.text == ("Ferry fares to rise 12%\n\nReturn passes £40\n\nBy Morag Kerr ·\n\n"
                          "Fares rise by 12% in January.\n\nBy 2030, 40 ships.")
    check_map(prose, page)


@pytest.mark.parametrize("page", [
    # Google Docs' "Download as HTML"
    ('<p><span class="c0">The council will spend &pound;12m on 40 buses</span><sup><a href="#ftnt1" '
     'id="ftnt_ref1">[1]</a></sup><span class="c0">, it said.</span></p><hr><div><p><a href="#ftnt_ref1" '
     'id="ftnt1">[1]</a><span class="c4">&nbsp;Budget paper, 2 March.</span></p></div>'),
    # Word's "Save as HTML"
    ("<div class=WordSection1><p class=MsoNormal>The council will spend £12m on 40 buses<a "
     "style='mso-footnote-id:ftn1' href=\"#_ftn1\" name=\"_ftnref1\"><span class=MsoFootnoteReference>"
     "<![if !supportFootnotes]>[1]<![endif]></span></a>, it said.<o:p></o:p></p></div>"
     "<div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText>"
     "<a href=\"#_ftnref1\" name=\"_ftn1\"><span class=MsoFootnoteReference>[1]</span></a> Budget paper, "
     "2 March.</p></div></div>"),
    # a Markdown converter's footnotes (pandoc)
    ('<p>The council will spend £12m on 40 buses<a href="#fn1" class="footnote-ref" id="fnref1" '
     'role="doc-noteref"><sup>1</sup></a>, it said.</p><section class="footnotes"><ol><li id="fn1">'
     '<p>Budget paper, 2 March.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol>'
     '</section>'),
])
def test_footnote_markers_are_not_copy_and_the_notes_are(page):
    import numlint

    prose = html_prose(page)
    assert " ".join(prose.text.split()) == "The council will spend £12m on 40 buses, it said. Budget paper, 2 March."
    check_map(prose, page)
    assert [q.text for q in numlint.extract_text(prose.text)] == ["£12m", "40"]


def test_raised_and_lowered_digits_read_as_a_reader_sees_them():
    # a footnote mark after a figure must not run into it ("£5m1" lost its scale word); a unit's power
    # stays a power
    from numlint.extract import extract_quantities
    from numlint.markup import to_prose

    prose = to_prose("<p>The council spent &pound;5m<sup>1</sup> on a 500m<sup>2</sup> depot.</p>", "html")
    assert prose.text == "The council spent £5m¹ on a 500m² depot."
    found = [(q.value, q.unit) for q in extract_quantities(prose.text)]
    assert found == [(5_000_000.0, "GBP"), (500.0, "meter ** 2")]
    start = prose.text.index("¹")
    original = "<p>The council spent &pound;5m<sup>1</sup> on a 500m<sup>2</sup> depot.</p>"
    s, e = prose.to_original(start, start + 1)
    assert original[s:e] == "1"


@pytest.mark.parametrize("fmt,source", [
    ("markdown", "| Party | Share |\n|---|---|\n| Labour | 45% |\n| Green | 6% |\n"),
    ("html", "<table><tr><th>Party<th>Share<tr><td>Labour<td>45%<tr><td>Green<td>6%</table>"),
])
def test_table_cells_are_kept_with_their_row_and_column(fmt, source):
    prose = to_prose(source, fmt)
    cells = [(row, col, prose.text[s:e].strip()) for _, row, col, s, e in prose.cells]
    assert cells == [(0, 0, "Party"), (0, 1, "Share"), (1, 0, "Labour"), (1, 1, "45%"),
                     (2, 0, "Green"), (2, 1, "6%")]
