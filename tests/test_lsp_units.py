"""numlint.lsp without a client: positions, the numlint adapter (fixes, directives, settings) and the
promise that ``numlint check`` never imports pygls. None of this needs the ``lsp`` extra."""

from __future__ import annotations

import subprocess
import sys

import pytest

import numlint
from numlint.lsp import engine as E
from numlint.lsp import parse_address
from numlint.lsp.positions import UTF8, UTF16, UTF32, LineIndex, apply_change, units

# -- positions --------------------------------------------------------------------------------

def test_emoji_before_a_figure_in_each_encoding():
    text = "Intro\nAcme 😀 made £5m, it said.\n"
    start = text.index("£5m")
    index = LineIndex(text)
    # 😀 is one code point, two UTF-16 units, four UTF-8 bytes; £ is two UTF-8 bytes.
    assert index.position(start, UTF32) == (1, 12)
    assert index.position(start, UTF16) == (1, 13)
    assert index.position(start, UTF8) == (1, 15)
    assert index.position(start + 3, UTF8) == (1, 19)
    for enc in (UTF8, UTF16, UTF32):
        line, char = index.position(start, enc)
        assert index.offset(line, char, enc) == start


def test_line_breaks_are_the_lsp_ones():
    text = "a\r\nb\rc\nd\u2028still d\x0cand d"
    index = LineIndex(text)
    assert index.line_count == 4
    assert index.line_text(3) == "d\u2028still d\x0cand d"
    assert index.position(text.index("and d"), UTF16) == (3, 10)
    # A character past the end of a line is that line's end; a line past the end is the text's end.
    assert index.offset(0, 99) == 1
    assert index.offset(99, 0) == len(text)


def test_a_position_inside_a_surrogate_pair_goes_to_the_character_start():
    index = LineIndex("😀x")
    assert index.offset(0, 1, UTF16) == 0
    assert index.offset(0, 2, UTF16) == 1


def test_apply_change_with_emoji_and_whole_document():
    text = "£5m 😀 profit\nnext line"
    # Replace "profit" (UTF-16 columns 7..13 on line 0: the emoji takes two units).
    assert apply_change(text, (0, 7), (0, 13), "loss", UTF16) == "£5m 😀 loss\nnext line"
    assert apply_change(text, (0, 10), (0, 16), "loss", UTF8) == "£5m 😀 loss\nnext line"
    assert apply_change(text, None, None, "new") == "new"
    assert units("😀£", UTF16) == 3 and units("😀£", UTF8) == 6 and units("😀£", UTF32) == 2


def test_findings_convert_with_html_entities_and_emoji():
    """numlint's offsets are into the original HTML (entities and all); the LSP column follows."""
    text = "<p>Acme &#x1F600; 😀 made a profit of &pound;5m in 2023.</p>\n<p>The &pound;5bn profit was a record.</p>\n"
    findings = numlint.check_text(text, "story.html")
    slip = next(f for f in findings if f.code == "NL201")
    assert text[slip.start:slip.end] == "&pound;5bn"
    index = LineIndex(text)
    assert index.position(slip.start, UTF16) == (1, 7)
    related = slip.related[0]
    assert text[related.start:related.end] == "&pound;5m"
    line = text.splitlines()[0]
    assert index.position(related.start, UTF16) == (0, len(line[:line.index("&pound;5m")].encode("utf-16-le")) // 2)


# -- fixes ------------------------------------------------------------------------------------

def _fix_for(text: str, path: str, code: str):
    finding = next(f for f in numlint.check_text(text, path) if f.code == code)
    return finding, E.fixes(finding, text)


def test_wrong_conversion_fix_gives_the_converted_figure():
    text = "The team 😀 ran 42 km (15 miles) in the rain."
    finding, fixes = _fix_for(text, "run.md", "NL203")
    assert [(f.new_text, f.preferred) for f in fixes] == [("26.1 miles", True)]
    fixed = text[:finding.start] + fixes[0].new_text + text[finding.end:]
    assert not [f for f in numlint.check_text(fixed, "run.md") if f.code == "NL203"]


def test_percent_vs_points_fix_offers_points_first():
    text = "Turnout rose 3% from 40% to 43%, the council said."
    finding, fixes = _fix_for(text, "poll.txt", "NL303")
    assert [f.new_text for f in fixes] == ["3 percentage points", "8%"]
    assert fixes[0].preferred and not fixes[1].preferred
    fixed = text[:finding.start] + fixes[0].new_text + text[finding.end:]
    assert not [f for f in numlint.check_text(fixed, "poll.txt") if f.code == "NL303"]


def test_change_arithmetic_fix_gives_the_change_the_figures_make():
    text = "Sales rose 20% from £100m to £130m last year."
    finding, fixes = _fix_for(text, "sales.txt", "NL401")
    assert [f.new_text for f in fixes] == ["30%"]
    fixed = text[:finding.start] + fixes[0].new_text + text[finding.end:]
    assert not [f for f in numlint.check_text(fixed, "sales.txt") if f.code == "NL401"]


def test_no_fix_where_numlint_does_not_know_the_right_figure():
    text = "Acme made a profit of £5m.\n\nThe £5bn profit was a record."
    _, fixes = _fix_for(text, "acme.md", "NL201")
    assert fixes == []


def test_template_values_read_back_a_message():
    assert E._template_values("{value} does not match {other}: that is about {expected}",
                              "15 miles does not match 42 km: that is about 26.1 mile") == {
        "value": "15 miles", "other": "42 km", "expected": "26.1 mile"}
    assert E._template_values("{value} is {value}", "a is b") is None


# -- silence this line ------------------------------------------------------------------------

@pytest.mark.parametrize("path, fmt, text, directive", [
    ("acme.md", "markdown", "Acme made a profit of £5m.  \n\nThe £5bn profit was a record.\n",
     " <!-- numlint: disable-line NL201 -->"),
    ("acme.html", "html", "<p>Acme made a profit of &pound;5m.</p>\n<p>The &pound;5bn profit was a record.</p>\n",
     " <!-- numlint: disable-line NL201 -->"),
    ("acme.txt", "text", "Acme made a profit of £5m.\r\n\r\nThe £5bn profit was a record.\r\n",
     " [numlint: disable-line NL201]"),
])
def test_silence_line_inserts_the_directive_for_the_format_and_it_works(path, fmt, text, directive):
    finding = next(f for f in numlint.check_text(text, path) if f.code == "NL201")
    ins = E.silence_line(text, finding.start, "NL201", fmt)
    assert ins.new_text == directive
    silenced = text[:ins.offset] + ins.new_text + text[ins.offset:]
    line = LineIndex(silenced).line_text(LineIndex(text).position(finding.start, UTF32)[0])
    assert line.rstrip().endswith(directive.strip())
    assert [f.code for f in numlint.check_text(silenced, path)] == []  # silenced, and NL901 sees it used


def test_silence_line_adds_to_a_directive_already_there():
    text = "Acme made a profit of £5m.\n\nThe £5bn profit was a record. <!-- numlint: disable-line NL303 -->\n"
    finding = next(f for f in numlint.check_text(text, "a.md") if f.code == "NL201")
    ins = E.silence_line(text, finding.start, "NL201", "markdown")
    silenced = text[:ins.offset] + ins.new_text + text[ins.offset:]
    assert "<!-- numlint: disable-line NL303, NL201 -->" in silenced
    assert numlint.check_text(silenced, "a.md") == []


# -- settings and configuration ---------------------------------------------------------------

def test_settings_accept_the_cli_names_and_report_bad_values():
    known = E.Engine().known_rules()
    settings, problems = E.parse_settings({"numlint": {"select": "NL2, NL3", "failOn": "error",
                                                       "ignore": ["NL999", "NL303"], "colour": 1}}, known)
    assert settings.select == ("NL2", "NL3") and settings.ignore == ("NL303",) and settings.fail_on == "error"
    assert any("NL999" in p for p in problems) and any("colour" in p for p in problems)
    assert E.parse_settings(None)[0] == E.Settings()
    assert E.parse_settings({"fail-on": "loud"})[1]


def test_config_problem_splits_file_and_line(tmp_path):
    p = E.config_problem("sub/.numlint.toml:3: invalid TOML: Expected '=' (column 7)", str(tmp_path))
    assert p.path == str(tmp_path / "sub" / ".numlint.toml") and p.line == 2 and p.message.startswith("invalid TOML")
    assert E.config_problem("something else", str(tmp_path)).path is None


def test_engine_finds_config_as_the_cli_does_and_reloads(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.numlint]\nignore = [\"NL201\"]\n", encoding="utf-8")
    story = tmp_path / "desk" / "acme.md"
    story.parent.mkdir()
    text = "Acme made a profit of £5m.\n\nThe £5bn profit was a record.\n"
    engine = E.Engine(root=str(tmp_path))
    assert engine.lint(text, str(story)).findings == ()
    (story.parent / ".numlint.toml").write_text("select = [\"NL2\"]\n", encoding="utf-8")  # nearer: wins
    assert engine.config_changed({str(story.parent)})
    assert [f.code for f in engine.lint(text, str(story)).findings] == ["NL201"]
    (story.parent / ".numlint.toml").write_text("select = [NL2\n", encoding="utf-8")
    outcome = engine.lint(text, str(story))
    assert outcome.config_problem is not None and outcome.config_problem.path == str(story.parent / ".numlint.toml")
    assert outcome.config_problem.line == 0
    assert [f.code for f in outcome.findings] == ["NL201"]  # the defaults, not nothing


def test_editor_settings_lay_over_the_files_as_flags_do(tmp_path):
    text = "Acme made a profit of £5m.\n\nThe £5bn profit was a record.\n"
    engine = E.Engine(E.Settings(ignore=("NL2",)), root=str(tmp_path))
    assert engine.lint(text, str(tmp_path / "a.md")).findings == ()
    engine.set_settings(E.Settings(select=("NL201",)))
    assert [f.code for f in engine.lint(text, str(tmp_path / "a.md")).findings] == ["NL201"]


def test_documents_numlint_would_not_walk_are_left_alone():
    assert E.document_format("/x/a.py", "python") is None
    assert E.document_format("/x/a.md", None) == "markdown"
    assert E.document_format(None, "html") == "html"
    assert E.Engine().lint("£5m and £5bn profit", "/x/a.py", "python").skipped


def test_hover_text_and_codes():
    text = "Acme made a profit of £5m.\n\nThe £5bn profit was a record."
    outcome = E.Engine().lint(text, "a.md", "markdown")
    q = E.quantity_at(outcome.quantities, text.index("£5bn") + 2)
    md = E.describe_quantity(q, outcome.quantities, lambda o: text.count("\n", 0, o) + 1)
    assert "5,000,000,000" in md and "GBP" in md and "money" in md and "profit" in md and "line 1: £5m" in md
    assert E.code_at("<!-- numlint: disable-line NL301 -->", 30) == "NL301"
    assert E.explain("NL201").startswith("**NL201 scale-slip")
    assert E.rule_url("NL201").endswith("/rules/NL201.md")


# -- the command ------------------------------------------------------------------------------

def test_parse_address():
    assert parse_address("127.0.0.1:2087") == ("127.0.0.1", 2087)
    assert parse_address(":2087") == ("127.0.0.1", 2087)
    assert parse_address("[::1]:2087") == ("::1", 2087)
    with pytest.raises(ValueError):
        parse_address("localhost")


def test_check_never_imports_pygls(tmp_path):
    story = tmp_path / "a.txt"
    story.write_text("Acme made £5m.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from numlint.cli import cli\n"
        f"CliRunner().invoke(cli, ['check', {str(story)!r}])\n"
        "bad = [m for m in sys.modules\n"
        "       if m.split('.')[0] in ('pygls', 'lsprotocol', 'cattrs') or m.startswith('numlint.lsp')]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_lsp_without_the_extra_says_how_to_get_it():
    code = (
        "import sys\n"
        "sys.modules['pygls'] = None\n"   # as if pygls were not installed
        "from numlint.lsp import main\n"
        "sys.exit(main())\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert run.returncode == 2
    assert "pip install 'numlint[lsp]'" in run.stderr


def test_a_diagnostic_links_to_the_rules_documentation_page():
    # The same page as SARIF's helpUri; never an address of a repository that does not exist.
    from numlint.lsp import engine
    from numlint.reporters.sarif import help_uri

    assert engine.rule_url("NL201") == help_uri("NL201")
    assert "github.com/numlint" not in engine.rule_url("NL201")
    assert engine.rule_url("NL999") is None
