"""The text, concise, github and json reporters on hand-made results (independent of the rules)."""

from __future__ import annotations

import json

from numlint.document import Document
from numlint.model import FileResult, Finding, Related
from numlint.reporters import github, json_report, text

ARTICLE = (
    "Officials said 212 people had died.\n"
    "\n"
    "The death toll of 221 is expected to rise, with 40% of homes damaged.\n"
    "A wider survey put the share at 35% of buildings.\n"
)


def _finding(doc: Document, code, rule, severity, message, needle, related=(), nth=0, fingerprint=""):
    start = _find(doc.text, needle, nth)
    end = start + len(needle)
    rel = []
    for r_needle, r_nth, r_msg in related:
        rs = _find(doc.text, r_needle, r_nth)
        rel.append(Related(rs, rs + len(r_needle), *doc.position(rs, rs + len(r_needle)), r_msg))
    return Finding(code, rule, severity, message, start, end, *doc.position(start, end), tuple(rel), fingerprint)


def _find(haystack: str, needle: str, nth: int) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = haystack.index(needle, pos + 1)
    return pos


def sample_results() -> list[FileResult]:
    doc = Document("news/flood.txt", ARTICLE)
    findings = (
        _finding(doc, "NL101", "conflicting-values", "error", "221 deaths here, but 212 on line 1", "221",
                 [("212", 0, "212 people (line 1)")], fingerprint="aaa"),
        _finding(doc, "NL301", "mixed-percent-bases", "warning", "40% of homes beside 35% of buildings", "40%",
                 [("35%", 0, "35% of buildings")], fingerprint="bbb"),
        _finding(doc, "NL201", "scale-slip", "info", "a note", "35%", fingerprint="ccc"),
    )
    return [
        FileResult("news/flood.txt", findings=findings, text=ARTICLE),
        FileResult("news/clean.txt", findings=(), text="Nothing here.\n"),
        FileResult("news/broken.txt", error="not valid UTF-8 (byte 3: b'\\xff'); save the file as UTF-8"),
    ]


def test_full_text_shows_location_code_severity_message_and_underlines():
    out = text.render(sample_results())
    lines = out.splitlines()
    assert "news/flood.txt:3:19: NL101 error 221 deaths here, but 212 on line 1" in lines
    # The source line and a caret under exactly the mention.
    src = next(i for i, line in enumerate(lines) if "The death toll of 221" in line)
    caret_line = lines[src + 1]
    col = lines[src].index("221")
    assert caret_line[col:col + 3] == "^^^"
    assert caret_line[col + 3] == " " and caret_line[col - 1] == " "
    # The related mention is shown the same way, underlined with dashes and its note.
    rel = next(i for i, line in enumerate(lines) if "Officials said 212" in line)
    assert lines[rel + 1][lines[rel].index("212"):].startswith("--- 212 people (line 1)")
    assert lines[-1] == ("Found 3 findings (1 error, 1 warning, 1 info) in 1 of 2 files; "
                         "1 file not checked (not valid UTF-8 (byte 3: b'\\xff')).")


def test_text_reports_unreadable_files_and_is_plain_without_colour():
    out = text.render(sample_results(), color=False)
    assert "news/broken.txt: error: not valid UTF-8" in out
    assert "\x1b[" not in out


def test_plain_text_is_what_rich_prints_without_colour_control_characters_stripped():
    # Without colour the reporter writes each Text's plain string itself (rich's renderer is slow on
    # thousands of findings); it must be byte for byte what rich's console prints.
    from rich.text import Text

    doc = Document("news/ctl.txt", "Profit was £5m\x07.\nThe\x1b[31m £5bn\x00 profit was a record.\n")
    slip = _finding(doc, "NL201", "scale-slip", "error", "£5bn here, £5m on line 1", "£5bn",
                    [("£5m", 0, "£5m (line 1)")])
    results = sample_results() + [FileResult("news/ctl.txt", findings=(slip,), text=doc.text)]
    console, buffer = text._console(False)
    for r in results:
        if r.error:
            console.print(Text(f"{r.path}: error: {r.error}"), soft_wrap=True)
        for f in r.findings:
            console.print(text.render_full(r, f), soft_wrap=True)
    console.print(Text(text.summary_line(results)), soft_wrap=True)
    plain = text.render(results, color=False)
    assert plain == buffer.getvalue()
    # An escape sequence in the copy is shown, not obeyed, and the caret stays under the mention.
    assert "\x07" not in plain and "\x00" not in plain and "\x1b" not in plain
    lines = plain.splitlines()
    source = next(i for i, line in enumerate(lines) if "The␛[31m £5bn␀ profit" in line)
    assert lines[source + 1][lines[source].index("£5bn"):].startswith("^^^^ ")


def test_text_colour_only_when_asked():
    assert "\x1b[" in text.render(sample_results(), color=True)


def test_concise_exact_lines():
    out = text.render(sample_results(), concise=True, quiet=True).splitlines()
    assert out[:3] == [
        "news/flood.txt:3:19: NL101 error 221 deaths here, but 212 on line 1",
        "news/flood.txt:3:49: NL301 warning 40% of homes beside 35% of buildings",
        "news/flood.txt:4:33: NL201 info a note",
    ]
    assert out[3].startswith("news/broken.txt: error:")


def test_summary_wording():
    assert text.summary_line([FileResult("a.txt"), FileResult("b.txt")]) == "No findings in 2 files."
    results = sample_results()[:1]
    assert text.summary_line(results, suppressed_by_baseline=4) == (
        "Found 3 findings (1 error, 1 warning, 1 info) in 1 file; 4 more in the baseline."
    )
    # Files with findings are counted against the files checked, as the JSON counts files.
    assert text.summary_line(sample_results()[:2]) == "Found 3 findings (1 error, 1 warning, 1 info) in 1 of 2 files."


def test_summary_says_what_was_not_checked_and_why():
    missing = FileResult("missing.txt", error="no such file or directory")
    binary = FileResult("scan.txt", error="binary file (PDF document), not text")
    utf = FileResult("wire.txt", error="not valid UTF-8: byte 0xa3 at line 1, column 17; save the file as UTF-8")
    clean = FileResult("a.txt")
    assert text.summary_line([missing]) == "No files checked (no such file or directory)."
    assert text.summary_line([clean, utf]) == "No findings in 1 file; 1 file not checked (not valid UTF-8)."
    assert text.summary_line([clean, missing, binary, FileResult("b.txt", error="no such file or directory")]) == (
        "No findings in 1 file; 3 files not checked (2 no such file or directory, 1 binary file (PDF document), "
        "not text)."
    )
    assert text.summary_line([]) == ("No files checked: the paths given hold no .txt, .md, .markdown, .html, "
                                     ".htm or .docx file (or every one is excluded).")


def test_summary_is_green_only_for_a_clean_run():
    clean = FileResult("a.txt")
    assert text.summary_style([clean]) == "bold green"
    assert text.summary_style([clean, FileResult("missing.txt", error="no such file or directory")]) == "bold red"
    assert text.summary_style([]) == "bold yellow"       # nothing was checked
    assert text.summary_style(sample_results()[:1]) == "bold red"
    info_only = FileResult("n.txt", findings=sample_results()[0].findings[2:], text=ARTICLE)
    assert text.summary_style([info_only]) == "bold"     # exit 1 under --fail-on info: not green
    coloured = text.render([clean, FileResult("missing.txt", error="no such file or directory")], color=True)
    assert "\x1b[32m" not in coloured and "\x1b[1;31mNo findings in 1 file" in coloured


def test_long_lines_are_windowed_around_the_mention():
    line = "word " * 60 + "then 1,234 people " + "more " * 60
    doc = Document("long.txt", line)
    f = _finding(doc, "NL101", "conflicting-values", "error", "m", "1,234")
    out = text.render([FileResult("long.txt", findings=(f,), text=line)], quiet=True).splitlines()
    src = next(row for row in out if "1,234" in row and "│" in row)
    caret = out[out.index(src) + 1]
    assert len(src) < 120 and "…" in src
    assert caret[src.index("1,234"):].startswith("^^^^^")


def test_wide_characters_keep_the_caret_aligned():
    line = "東京都は 1,234 人と発表した。"
    doc = Document("jp.txt", line)
    f = _finding(doc, "NL101", "conflicting-values", "error", "m", "1,234")
    out = text.render([FileResult("jp.txt", findings=(f,), text=line)], quiet=True).splitlines()
    src = next(row for row in out if "1,234" in row)
    caret = out[out.index(src) + 1]
    from rich.cells import cell_len

    assert cell_len(caret[: caret.index("^")]) == cell_len(src[: src.index("1,234")])


def test_statistics_like_ruff():
    rows = text.statistics(sample_results())
    assert [(n, code, name) for n, code, name, _ in rows] == [
        (1, "NL101", "conflicting-values"), (1, "NL201", "scale-slip"), (1, "NL301", "mixed-percent-bases"),
    ]
    out = text.render_statistics(sample_results())
    assert out.splitlines() == [
        "    1  NL101   conflicting-values",
        "    1  NL201   scale-slip",
        "    1  NL301   mixed-percent-bases",
    ]


def test_github_annotations_exact():
    out = github.render(sample_results()).splitlines()
    assert out == [
        "::error file=news/flood.txt,line=3,col=19,endLine=3,endColumn=22,title=NL101::"
        "221 deaths here, but 212 on line 1%0A1:16: 212 people (line 1)",
        "::warning file=news/flood.txt,line=3,col=49,endLine=3,endColumn=52,title=NL301::"
        "40%25 of homes beside 35%25 of buildings%0A4:33: 35%25 of buildings",
        "::notice file=news/flood.txt,line=4,col=33,endLine=4,endColumn=36,title=NL201::a note",
        "::error file=news/broken.txt,title=numlint::not valid UTF-8 (byte 3: b'\\xff'); save the file as UTF-8",
    ]


def test_github_escaping_rules():
    assert github.escape_data("50% up\r\nnext, a: b") == "50%25 up%0D%0Anext, a: b"
    assert github.escape_property("dir,with:odd%name\n") == "dir%2Cwith%3Aodd%25name%0A"
    doc = Document("a,b:c.txt", "x 5 y\n")
    f = Finding("NL101", "r", "warning", "line1\nline2 100%", 2, 3, *doc.position(2, 3))
    out = github.render([FileResult("a,b:c.txt", findings=(f,), text=doc.text)])
    assert out == "::warning file=a%2Cb%3Ac.txt,line=1,col=3,endLine=1,endColumn=4,title=NL101::line1%0Aline2 100%25\n"


def test_json_report_is_the_contract_shape():
    payload = json.loads(json_report.render_check(sample_results()))
    assert set(payload) == {"numlint", "files", "summary"}
    assert payload["summary"] == {"files": 3, "findings": 3, "error": 1, "warning": 1, "info": 1}
    first = payload["files"][0]["findings"][0]
    assert set(first) == {"code", "rule", "severity", "message", "start", "end", "line", "column", "end_line",
                          "end_column", "related"}
    assert set(first["related"][0]) == {"start", "end", "line", "column", "end_line", "end_column", "message"}
    assert payload["files"][2] == {"path": "news/broken.txt", "error": payload["files"][2]["error"], "findings": []}
    assert ARTICLE[first["start"]:first["end"]] == "221"


def test_github_paths_are_relative_to_the_repository_root(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "desk").mkdir()
    monkeypatch.chdir(tmp_path / "desk")
    assert github.annotation_path("story.txt") == "desk/story.txt"
    assert github.annotation_path("<stdin>") == "<stdin>"


def test_github_step_summary_lists_every_finding_past_the_annotation_limit(tmp_path):
    doc = Document("news/many.txt", ARTICLE)
    many = tuple(_finding(doc, "NL101", "conflicting-values", "warning", f"figure {i} | differs", "221",
                          fingerprint=f"f{i}") for i in range(12))
    results = [FileResult("news/many.txt", findings=many, text=ARTICLE), *sample_results()[2:]]
    table = github.step_summary(results, cwd=str(tmp_path))
    rows = [line for line in table.splitlines() if line.startswith("| news/")]
    assert len(rows) == 13                      # 12 findings and the file not checked
    assert rows[0] == "| news/many.txt | 3:19 | NL101 | warning | figure 0 \\| differs |"
    assert rows[-1].startswith("| news/broken.txt | | | not checked | not valid UTF-8")
    assert "this run has 12 warnings" in table
    assert "Found 12 findings (12 warnings) in 1 file; 1 file not checked" in table


def test_github_step_summary_is_appended_only_when_the_runner_asks(tmp_path):
    target = tmp_path / "step-summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    assert github.write_step_summary(sample_results(), environ={}) is None
    assert github.write_step_summary(sample_results(), environ={"GITHUB_STEP_SUMMARY": str(target)}) == str(target)
    written = target.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n## numlint\n") and "| NL301 | warning |" in written


# A CMS page: the figures sit in entities, a non-breaking space and a span, one paragraph split over
# two lines of the file; the text report shows what a reader sees, the header the file's position.
CMS_PAGE = (
    "<html><body><nav>Home | 27 comments</nav>\n"
    "<article>\n"
    '<p>The hall cost &pound;4.<span class="c0">5bn</span>, officials said.</p>\n'
    "<p>Its refurbishment\n   cost &pound;4.5m, the council said.</p>\n"
    "<p>The route is 10&nbsp;km (10&nbsp;miles) long.</p>\n"
    "<p>Spending rose 5%.</p><!-- numlint: disable-line NL310 -->\n"
    "</article></body></html>\n"
)


def _caret_under(lines: list[str], row: str, mark: str = "^") -> str:
    """The text of ``row`` above the run of ``mark`` on the line below it."""
    src = lines.index(row)
    under = lines[src + 1]
    lo = under.index(mark)
    hi = lo + len(under[lo:]) - len(under[lo:].lstrip(mark))
    return row[lo:hi]


def test_html_source_window_shows_the_reader_text_with_the_file_position():
    from numlint.linter import lint

    result = lint(Document("page.html", CMS_PAGE, "html"))
    out = text.render([result], quiet=True)
    lines = out.splitlines()
    slip = next(f for f in result.findings if f.code == "NL201")
    assert CMS_PAGE[slip.start:slip.end] == "&pound;4.5m"
    # The header keeps the file's line and column ("cost &pound;4.5m" is on line 5, column 9).
    assert f"page.html:5:9: NL201 {slip.severity} " in out and (slip.line, slip.column) == (5, 9)
    row = "5 │ Its refurbishment cost £4.5m, the council said."
    assert row in lines and _caret_under(lines, row) == "£4.5m"
    related = "3 │ The hall cost £4.5bn, officials said."
    assert related in lines and _caret_under(lines, related, "-") == "£4.5bn"
    conversion = next(row for row in lines if row.startswith("6 │ "))
    assert conversion == "6 │ The route is 10\u00a0km (10\u00a0miles) long."
    assert _caret_under(lines, conversion) == "10\u00a0miles"
    # Nothing of the markup reaches the reader's view, nor the chrome outside the article.
    assert "&pound;" not in out and "&nbsp;" not in out and "<span" not in out and "27 comments" not in out


def test_a_finding_outside_the_prose_shows_the_file_line():
    """A directive lives in an HTML comment, which no reader sees: NL901 on it quotes the file."""
    from numlint.linter import lint

    result = lint(Document("page.html", CMS_PAGE, "html"))
    unused = next(f for f in result.findings if f.code == "NL901")
    lines = text.render([result], quiet=True).splitlines()
    row = "7 │ <p>Spending rose 5%.</p><!-- numlint: disable-line NL310 -->"
    assert row in lines and _caret_under(lines, row) == CMS_PAGE[unused.start:unused.end]


def test_a_page_without_paragraph_breaks_is_quoted_around_the_mention():
    """One block of 600 sentences: each finding's window is cut from the text near it (the same
    slice as of the whole block), not found by reading the whole page again."""
    from numlint.linter import lint

    filler = "The committee met on Tuesday and talked for a long time about the roads. " * 300
    page = (f"<div>{filler}The council will cut 450 jobs.<br>{filler}It cut 540&nbsp;jobs, it said.<br>"
            f"{filler}</div>\n")
    result = lint(Document("page.html", page, "html"))
    (finding,) = [f for f in result.findings if f.code == "NL101"]
    lines = text.render([result], quiet=True).splitlines()
    row = next(line for line in lines if line.startswith("1 │ ") and "540" in line)
    assert row.startswith("1 │ …") and row.endswith("…") and len(row) < 110
    assert _caret_under(lines, row) == "540"
    paragraph = result.prose.paragraph_around(finding.start, finding.end, reach=384)
    assert paragraph[3] - paragraph[2] == 3 and paragraph[1] - paragraph[0] == 384 * 2 + 3


def test_a_line_is_read_only_near_the_mention_and_shown_the_same():
    words = ("alpha beta gamma delta 1,234 epsilon\tzeta " * 200).strip()
    for needle_at in (0, 37, 500, len(words) // 2, len(words) - 40, len(words) - 5):
        col = needle_at + 1
        for end_col in (col + 5, None):
            whole = text._window(words, col, end_col or len(words) + 1)
            near, near_col, near_end = text._line_near(words, 1, col, end_col)
            if end_col:  # a mention that runs on to the next line is shown to the end of this one
                assert len(near) <= 2 * text.REACH + 5
            assert text._window(near, near_col, near_end) == whole, (needle_at, end_col)
