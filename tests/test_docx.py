"""Word files: what numlint reads from a .docx (reading order, tracked changes, comments), where its
positions point, and how a corrupt or protected file is reported. Each .docx is built here with
python-docx (tests/docx_builder.py), so no binary is checked in."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from docx_builder import build_docx

import numlint
from numlint.cli import cli
from numlint.docx_reader import DocxError, docx_text
from numlint.sources import SourceError, iter_sources, read_source


def test_body_headings_tables_text_boxes_then_notes_in_reading_order():
    data = build_docx([
        {"title": "Council to cut 450 jobs"},
        {"p": ["The council will cut 450 jobs.", {"footnote": "Budget paper, page 4."}]},
        {"heading": "Who is affected", "level": 2},
        {"table": [["Service", "Jobs"], ["Libraries", "120"]]},
        {"p": ["Unions objected.", {"textbox": ["Box: 12 libraries", "Second line"]}]},
        {"p": "The vote is on Monday."},
    ])
    assert docx_text(data) == (
        "Council to cut 450 jobs\n"
        "The council will cut 450 jobs.\n"
        "Who is affected\n"
        "Service\tJobs\n"          # a table row is a line, its cells separated by tabs
        "Libraries\t120\n"
        "Unions objected.\n"
        "Box: 12 libraries\n"      # the text box once (not again from its VML fallback), after its anchor
        "Second line\n"
        "The vote is on Monday.\n"
        "Budget paper, page 4.\n"  # footnotes after the body, as Word prints them
    )


def test_tracked_changes_read_as_accepted_and_a_line_break_is_a_space():
    data = build_docx([{"p": ["Unions said ", {"del": "400"}, {"ins": "540"}, " posts", {"br": True},
                              "were at risk."]}])
    assert docx_text(data) == "Unions said 540 posts were at risk.\n"


def test_position_is_paragraph_and_character():
    data = build_docx([{"title": "Jobs"}, {"p": "The council will cut 450 jobs."}, {"p": "It cut 540 jobs."}])
    findings = numlint.check_text(docx_text(data), "story.docx")
    assert [(f.code, f.line, f.column, f.related[0].line) for f in findings] == [("NL101", 3, 8, 2)]


CONFLICT = [{"p": "The council will cut 450 jobs."}]


def _with_comment(comment: str) -> str:
    return docx_text(build_docx(CONFLICT + [{"p": ["It ", {"comment": comment, "on": "cut 540 jobs"}, "."]}]))


def test_a_comment_that_is_a_directive_silences_its_paragraph():
    plain = docx_text(build_docx(CONFLICT + [{"p": "It cut 540 jobs."}]))
    assert [f.code for f in numlint.check_text(plain, "s.docx")] == ["NL101"]
    silenced = _with_comment("numlint: disable-line NL101 -- the 450 is last year's plan")
    assert silenced.splitlines()[1] == (
        "It cut 540 jobs. <!-- numlint: disable-line NL101 -- the 450 is last year's plan -->")
    assert numlint.check_text(silenced, "s.docx") == []
    # "disable" on a comment means the text it is anchored to, not the rest of the file.
    assert numlint.check_text(_with_comment("numlint: disable NL1"), "s.docx") == []


def test_an_ordinary_comment_is_not_copy():
    text = _with_comment("Check this with the 2,000 figure in the press release")
    assert "2,000" not in text and "press release" not in text
    assert [f.code for f in numlint.check_text(text, "s.docx")] == ["NL101"]


def test_corrupt_and_protected_files_are_one_line_errors(tmp_path):
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(build_docx(CONFLICT)[:300])
    with pytest.raises(SourceError, match=r"^corrupt Word file: its zip package is damaged or cut short$"):
        read_source(str(truncated))
    protected = tmp_path / "protected.docx"
    protected.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(SourceError, match="^password-protected or encrypted Word file"):
        read_source(str(protected))
    with pytest.raises(DocxError, match="not a zip"):
        docx_text(b"plain text saved as .docx")


def test_walks_include_docx_and_a_bad_one_does_not_stop_the_others(tmp_path):
    (tmp_path / "good.docx").write_bytes(build_docx(CONFLICT + [{"p": "It cut 540 jobs."}]))
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 not really")
    (tmp_path / "notes.txt").write_text("Nothing here.\n", encoding="utf-8")
    assert [s.path for s in iter_sources([str(tmp_path)])] == [
        str(tmp_path / n) for n in ("bad.docx", "good.docx", "notes.txt")]
    run = CliRunner().invoke(cli, ["check", "--format", "concise", str(tmp_path)], catch_exceptions=False)
    assert run.exit_code == 2
    out = run.output
    bad_lines = [line for line in out.splitlines() if "bad.docx" in line]
    # Named on one line (in the report, and again on stderr as for any unreadable file).
    reason = "corrupt Word file: its zip package is damaged or cut short"
    assert bad_lines and all(line.endswith((f"bad.docx: {reason}", f"bad.docx: error: {reason}"))
                             for line in bad_lines), bad_lines
    assert f"{tmp_path / 'good.docx'}:2:8: NL101" in out


def test_python_docx_is_not_loaded_unless_a_word_file_is_read():
    import subprocess
    import sys

    code = ("import sys, numlint, numlint.cli, numlint.linter, numlint.sources;"
            "numlint.check_text('It cut 540 jobs.\\n', 'a.txt');"
            "print('docx' in sys.modules, 'lxml' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.split() == ["False", "False"]


def test_sarif_and_text_reports_show_the_paragraph(tmp_path):
    import json

    story = tmp_path / "story.docx"
    story.write_bytes(build_docx([{"title": "Jobs"}, {"p": "The council will cut 450 jobs."},
                                  {"p": "It cut 540 jobs, it said."}]))
    sarif = json.loads(CliRunner().invoke(cli, ["check", "--format", "sarif", "--exit-zero", str(story)]).output)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["region"]["startLine"] == 3 and location["region"]["snippet"]["text"] == "540"
    paragraph = "It cut 540 jobs, it said."
    assert location["contextRegion"] == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 26,
                                         "charOffset": 36, "charLength": len(paragraph),
                                         "snippet": {"text": paragraph}}
    text = CliRunner().invoke(cli, ["check", str(story)]).output
    assert "3 │ It cut 540 jobs, it said." in text


def _office_package(content_type: str, main: str, relationship: str = "officeDocument") -> bytes:
    """A minimal Office package whose main part has ``content_type`` (what Excel or PowerPoint write)."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Override PartName="/{main}" ContentType="{content_type}"/></Types>'))
        package.writestr("_rels/.rels", (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/{relationship}" Target="{main}"/></Relationships>'))
        package.writestr(main, "<workbook/>")
    return buffer.getvalue()


def test_another_office_file_named_docx_says_what_it_is_the_same_every_run():
    """python-docx's refusal names a memory address; the error says what the file is instead."""
    sheet = _office_package("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                            "xl/workbook.xml")
    for _ in range(2):
        with pytest.raises(DocxError) as caught:
            docx_text(sheet)
        assert str(caught.value) == "not a Word document: an Excel workbook with a .docx name"
    slides = _office_package("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
                             "ppt/presentation.xml")
    with pytest.raises(DocxError, match="^not a Word document: a PowerPoint presentation with a .docx name$"):
        docx_text(slides)
    with pytest.raises(DocxError, match="^corrupt Word file: it has no main document$"):
        docx_text(_office_package("application/xml", "x.xml", relationship="thumbnail"))


def test_word_owner_files_of_open_documents_are_not_walked(tmp_path):
    """Word leaves "~$ory.docx" (a few bytes naming who has the document open) beside an open story;
    a walk of the shared folder is not made to fail by it."""
    (tmp_path / "story.docx").write_bytes(build_docx(CONFLICT + [{"p": "It cut 540 jobs."}]))
    (tmp_path / "~$ory.docx").write_bytes(b"\x0bJane Smith" + b"\x00" * 40)
    assert [s.path for s in iter_sources([str(tmp_path)])] == [str(tmp_path / "story.docx")]
    run = CliRunner().invoke(cli, ["check", "--format", "concise", str(tmp_path)], catch_exceptions=False)
    assert run.exit_code == 1 and "~$" not in run.output and "1 file." in run.output


def test_reports_quote_a_paragraph_without_the_directive_taken_from_its_comment(tmp_path):
    """A comment is in Word's margin, not in the paragraph: the text report and SARIF's reader text
    quote the paragraph as Word shows it, while the directive still silences what it names."""
    import json

    story = tmp_path / "story.docx"
    story.write_bytes(build_docx(CONFLICT + [
        {"p": ["It cut 540 jobs, ", {"comment": "numlint: disable-line NL301 -- one base", "on": "a tenth"},
               " of its staff."]}]))
    paragraph = "It cut 540 jobs, a tenth of its staff."
    assert docx_text(story.read_bytes()).splitlines()[1] == (
        f"{paragraph} <!-- numlint: disable-line NL301 -- one base -->")
    text = CliRunner().invoke(cli, ["check", str(story)]).output
    assert f"2 │ {paragraph}\n" in text and "<!--" not in text
    sarif = json.loads(CliRunner().invoke(cli, ["check", "--format", "sarif", "--exit-zero", str(story)]).output)
    (result,) = sarif["runs"][0]["results"]
    context = result["locations"][0]["physicalLocation"]["contextRegion"]
    assert context["snippet"]["text"] == paragraph and "message" not in context
    assert (result["ruleId"], result["locations"][0]["physicalLocation"]["region"]["startLine"]) == ("NL101", 2)


def test_a_package_that_unpacks_too_large_is_refused_before_it_is_opened(monkeypatch):
    import io
    import zipfile

    import numlint.docx_reader as reader

    buffer = io.BytesIO(build_docx(CONFLICT))
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/media/padding.bin", bytes(3 * 2**20))   # 3 MiB of zeros, a few kB packed
    data = buffer.getvalue()
    assert len(data) < 100_000 and docx_text(data) == "The council will cut 450 jobs.\n"
    monkeypatch.setattr(reader, "MAX_UNPACKED_BYTES", 2**21)
    with pytest.raises(DocxError, match=r"^Word file too large: its parts unpack to 3 MiB \(at most 2 MiB\)$"):
        docx_text(data)
