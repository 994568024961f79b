"""Configuration: discovery (nearest wins), --config, command-line precedence, per-rule options checked
against the rule's declared options, and every error as `numlint: FILE:LINE: what is wrong`, exit 2."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from numlint.cli import cli
from numlint.config import Config, ConfigError, Resolver, merge, path_matches, read_config_file
from numlint.options import Option
from numlint.registry import RuleSpec

_NL101_OPTIONS = (
    Option("approx_tolerance", float, 0.1, "slack", minimum=0, maximum=1),
    Option("max_neighbours", int, 12, "cap", minimum=1, maximum=1000),
    Option("strict", bool, False, "strict"),
    Option("style", str, "short", "style", choices=("short", "long")),
)
KNOWN = {
    "NL101": RuleSpec("NL101", "conflicting-values", "consistency", "error", "s", "m", "w",
                      options={o.name: o.default for o in _NL101_OPTIONS}, option_specs=_NL101_OPTIONS,
                      relation="conflict", vocabularies={"metric_synonyms": ("troop soldier",)}),
    "NL301": RuleSpec("NL301", "mixed-percent-bases", "percent_bases", "warning", "s", "m", "w"),
    "NL901": RuleSpec("NL901", "unused-suppression", "unused_suppression", "warning", "s", "m", "w", enabled=False),
}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        read_config_file(path, KNOWN)
    return str(info.value)


def test_pyproject_table_is_read(tmp_path):
    cfg = read_config_file(write(tmp_path / "pyproject.toml", """
        [project]
        name = "x"

        [tool.numlint]
        select = ["NL1", "NL301"]
        extend-select = ["NL901"]
        ignore = ["NL101"]
        fail-on = "error"
        format = "concise"
        exclude = ["archive/**"]

        [tool.numlint.per-file-ignores]
        "wire/*.txt" = ["NL3"]

        [tool.numlint.rules.NL101]
        approx_tolerance = 0.2
        metric_synonyms = ["casualty casualties"]
        severity = "warning"

        [tool.numlint.rules.mixed-percent-bases]
        severity = "info"
    """), KNOWN)
    assert cfg.select == ("NL1", "NL301") and cfg.extend_select == ("NL901",) and cfg.ignore == ("NL101",)
    assert cfg.fail_on == "error" and cfg.format == "concise" and cfg.exclude == ("archive/**",)
    assert cfg.per_file_ignores == (("wire/*.txt", ("NL3",)),)
    assert cfg.rule_options == {"NL101": {"approx_tolerance": 0.2, "metric_synonyms": ("casualty casualties",)}}
    assert isinstance(cfg.rule_options["NL101"]["approx_tolerance"], float)
    assert cfg.severity == {"NL101": "warning", "NL301": "info"}
    assert cfg.root == str(tmp_path.resolve())


def test_dot_numlint_toml_uses_top_level_keys(tmp_path):
    path = write(tmp_path / ".numlint.toml", 'ignore = ["NL3"]\n[rules.NL101]\nmax_neighbours = 4\n')
    cfg = read_config_file(path, KNOWN)
    assert cfg.ignore == ("NL3",) and cfg.rule_options == {"NL101": {"max_neighbours": 4}}


@pytest.mark.parametrize("body, line, fragment", [
    ('[tool.numlint]\nselect = ["NL1"]\nfail_on = "error"\n', 3, "unknown key 'fail_on' (did you mean 'fail-on'?)"),
    ('[tool.numlint]\n\nselect = ["NL1", "NL999"]\n', 3, "'select': unknown rule code 'NL999'"),
    ('[tool.numlint]\nignore = "NL1"\n', 2, "'ignore' must be a list of rule codes"),
    ('[tool.numlint]\nfail-on = "fatal"\n', 2, "'fail-on' must be one of error, warning, info"),
    ('[tool.numlint]\nformat = "xml"\n', 2, "'format' must be one of"),
    ('[tool.numlint]\nselect = ["NL1"\nignore = []\n', 3, "invalid TOML"),
    ('[tool.numlint.rules.NL101]\n# tolerances\napprox_tolerance = "10%"\n', 3,
     "NL101 option 'approx_tolerance' must be a number from 0 to 1, not a string ('10%')"),
    ('[tool.numlint.rules.NL101]\nstrict = 1\n', 2, "NL101 option 'strict' must be true or false, not a number"),
    ('[tool.numlint.rules.NL101]\nmax_neighbours = 3\ntolerance = 0.2\n', 3,
     "NL101 (conflicting-values) has no option 'tolerance'; options: approx_tolerance, max_neighbours, "
     "metric_synonyms, severity, strict, style"),
    # The relation a rule checks is its kind's, not an option: "mode" is an unknown option.
    ('[tool.numlint.rules.NL101]\nmode = "scale"\n', 2, "NL101 (conflicting-values) has no option 'mode'"),
    ('[tool.numlint.rules.NL101]\n\napprox_tolerance = -5\n', 3,
     "NL101 option 'approx_tolerance' must be a number from 0 to 1, not -5"),
    ('[tool.numlint.rules.NL101]\nmax_neighbours = 1.5\n', 2,
     "NL101 option 'max_neighbours' must be a whole number from 1 to 1000, not 1.5"),
    ('[tool.numlint.rules.NL101]\nmax_neighbours = 0\n', 2,
     "NL101 option 'max_neighbours' must be a whole number from 1 to 1000, not 0"),
    ('[tool.numlint.rules.NL101]\nmax_neighbours = true\n', 2,
     "NL101 option 'max_neighbours' must be a whole number from 1 to 1000, not true or false (True)"),
    ('[tool.numlint.rules.NL101]\nstyle = "medium"\n', 2,
     "NL101 option 'style' must be one of short, long, not 'medium'"),
    ('[tool.numlint]\nrules = { NL101 = { approx_tolerance = 2 } }\n', 2,
     "NL101 option 'approx_tolerance' must be a number from 0 to 1, not 2"),
    ('[tool.numlint.rules.NL101]\nmetric_synonyms = "troop soldier"\n', 2,
     "vocabulary 'metric_synonyms' must be a list of strings"),
    ('[tool.numlint.rules.NL101]\nseverity = "fatal"\n', 2, "NL101 severity must be one of info, warning, error"),
    ('[tool.numlint]\nselect = []\n\n[tool.numlint.rules.NL777]\nmode = "x"\n', 4, "unknown rule 'NL777'"),
    ('[tool.numlint.per-file-ignores]\n"a/*.md" = ["NL1"]\n"b/*.md" = ["XX1"]\n', 3,
     "'b/*.md': unknown rule code 'XX1'"),
])
def test_each_error_names_file_and_line(tmp_path, body, line, fragment):
    path = write(tmp_path / "pyproject.toml", body)
    message = error_of(path)
    assert message.startswith(f"{path}:{line}: "), message
    assert fragment in message, message


def test_broken_toml_keeps_tomllibs_column(tmp_path):
    path = write(tmp_path / ".numlint.toml", 'select = ["NL1"]\nignore = [NL3]\n')
    message = error_of(path)
    assert message.startswith(f"{path}:2: invalid TOML: ") and "(column" in message


def test_nearest_config_wins_and_is_cached_per_directory(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.numlint]\nignore = ["NL3"]\nfail-on = "error"\n')
    write(tmp_path / "desk" / "pyproject.toml", '[project]\nname = "no numlint table here"\n')
    write(tmp_path / "desk" / "sport" / ".numlint.toml", 'ignore = ["NL101"]\n')
    write(tmp_path / "desk" / "sport" / "pyproject.toml", '[tool.numlint]\nignore = ["NL9"]\n')
    resolver = Resolver()
    resolver._known = KNOWN
    assert resolver.for_file(str(tmp_path / "desk" / "a.txt")).ignore == ("NL3",)
    sport = resolver.for_file(str(tmp_path / "desk" / "sport" / "cup" / "b.txt"))
    assert sport.ignore == ("NL101",)          # .numlint.toml beats pyproject.toml in the same directory
    assert sport.fail_on == "warning"          # nearest file wins whole, no merging with the parent's
    assert str((tmp_path / "desk").resolve()) in resolver._by_dir or str(tmp_path / "desk") in resolver._by_dir
    assert len(resolver._by_file) == 2         # each config file read once


def test_config_option_replaces_discovery_and_command_line_overrides(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.numlint]\nignore = ["NL3"]\nselect = ["NL1"]\n')
    other = write(tmp_path / "ci.toml", 'select = ["NL3"]\nfail-on = "info"\n')
    resolver = Resolver(config_path=str(other))
    resolver._known = KNOWN
    cfg = resolver.for_file(str(tmp_path / "a.txt"))
    assert cfg.select == ("NL3",) and cfg.ignore == () and cfg.fail_on == "info"
    overrides = {"select": ("NL101",), "ignore": ("NL901",), "fail_on": "error"}
    resolver = Resolver(overrides=overrides, config_path=str(other))
    resolver._known = KNOWN
    cfg = resolver.for_file(str(tmp_path / "a.txt"))
    assert cfg.select == ("NL101",) and cfg.ignore == ("NL901",) and cfg.fail_on == "error"
    isolated = Resolver(isolated=True)
    assert isolated.for_file(str(tmp_path / "a.txt")) == Config()


def test_merge_adds_ignores_and_extend_select():
    base = Config(select=("NL1",), ignore=("NL3",), extend_select=("NL9",))
    merged = merge(base, {"ignore": ("NL2",), "extend_select": ("NL901",), "fail_on": "info"})
    assert merged.ignore == ("NL3", "NL2") and merged.extend_select == ("NL9", "NL901")
    assert merged.select == ("NL1",) and merged.fail_on == "info"


def test_per_file_ignores(tmp_path):
    cfg = Config(per_file_ignores=(("wire/*.txt", ("NL3",)), ("*.md", ("NL101",)), ("**/archive/*", ("NL1",))),
                 root=str(tmp_path))
    wire = cfg.for_path(str(tmp_path / "wire" / "a.txt"))
    assert wire.ignore == ("NL3",)
    assert not wire.is_selected("NL301", True) and wire.is_selected("NL101", True)
    assert cfg.for_path(str(tmp_path / "deep" / "b.md")).ignore == ("NL101",)
    assert cfg.for_path(str(tmp_path / "archive" / "c.txt")).ignore == ("NL1",)
    assert cfg.for_path(str(tmp_path / "news" / "d.txt")) is cfg


def test_path_matching():
    assert path_matches("news/a.txt", "*.txt")
    assert path_matches("news/a.txt", "news/*")
    assert not path_matches("news/a.txt", "wire/*")
    assert path_matches("a/b/c.md", "**/c.md") and path_matches("c.md", "**/c.md")


def test_selection_by_prefix():
    assert Config(select=("NL1",)).is_selected("NL101", True)
    assert not Config(select=("NL1",)).is_selected("NL301", True)
    assert not Config().is_selected("NL901", False)
    assert Config(extend_select=("NL901",)).is_selected("NL901", False)
    assert not Config(select=("NL1",), ignore=("NL101",)).is_selected("NL101", True)
    assert Config(select=("NL101",), ignore=("NL1",)).is_selected("NL101", True)


# --- through the command line ---------------------------------------------------------------

def run(args, cwd):
    runner = CliRunner()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def test_cli_config_error_is_one_line_exit_2(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.numlint]\nselect = ["NL1"]\nbogus = 1\n')
    write(tmp_path / "a.txt", "Nothing.\n")
    result = run(["check", "a.txt"], tmp_path)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "numlint: pyproject.toml:3: unknown key 'bogus'; known keys: "
        "exclude, extend, extend-exclude, extend-select, fail-on, force-exclude, format, ignore, include, "
        "per-file-ignores, rules, select"
    ]


def test_cli_broken_toml_and_missing_config(tmp_path):
    write(tmp_path / "bad.toml", "select = [\n")
    write(tmp_path / "a.txt", "Nothing.\n")
    result = run(["check", "--config", "bad.toml", "a.txt"], tmp_path)
    assert result.exit_code == 2 and result.output.startswith("numlint: bad.toml:")
    assert "invalid TOML" in result.output
    result = run(["check", "--config", "nope.toml", "a.txt"], tmp_path)
    assert result.exit_code == 2 and "nope.toml: no such config file" in result.output


def test_cli_unknown_select_code(tmp_path):
    write(tmp_path / "a.txt", "Nothing.\n")
    result = run(["check", "--select", "NL1,ZZ9", "a.txt"], tmp_path)
    assert result.exit_code == 2
    assert result.output.strip() == "numlint: --select: unknown rule code 'ZZ9' (see 'numlint rules')"


def test_cli_real_rule_options_validated(tmp_path):
    from numlint.registry import load_rules

    rule = load_rules().get("NL101")
    if rule is None or not rule.options:
        pytest.skip("NL101 has no declared options yet")
    name, default = next(iter(rule.options.items()))
    write(tmp_path / ".numlint.toml", f"[rules.conflicting-values]\n{name} = {default!r}\n".replace("'", '"')
          .replace("True", "true").replace("False", "false"))
    write(tmp_path / "a.txt", "Nothing.\n")
    assert run(["check", "a.txt"], tmp_path).exit_code == 0
    write(tmp_path / ".numlint.toml", "[rules.NL101]\nno_such_option = 1\n")
    result = run(["check", "a.txt"], tmp_path)
    assert result.exit_code == 2
    assert ".numlint.toml:2: NL101 (conflicting-values) has no option 'no_such_option'" in result.output


def test_cli_format_and_fail_on_from_config_and_overridden(tmp_path):
    write(tmp_path / ".numlint.toml", 'format = "json"\nfail-on = "error"\n')
    write(tmp_path / "a.txt", "Nothing.\n")
    result = run(["check", "a.txt"], tmp_path)
    assert result.exit_code == 0 and result.output.lstrip().startswith("{")
    result = run(["check", "--format", "concise", "a.txt"], tmp_path)
    assert result.output.strip() == "No findings in 1 file."


def test_configured_severity_wins_over_a_hits_own(tmp_path):
    from numlint.document import Document
    from numlint.linter import findings_from_hits
    from numlint.model import Hit, Quantity

    doc = Document("a.txt", "The 120 troops.\n")
    q = Quantity(text="120", start=4, end=7, value=120.0, line=1, column=5, end_line=1, end_column=8)
    hit = Hit(q, (), {}, severity="warning")
    (kept,) = findings_from_hits(doc, KNOWN["NL101"], "error", [hit])
    (forced,) = findings_from_hits(doc, KNOWN["NL101"], "info", [hit], force=True)
    assert kept.severity == "warning" and forced.severity == "info"


# --- the real rules: every option declared once, checked, never an internal error -------------

@pytest.mark.parametrize("table, body, fragment", [
    ("NL101", "approx_tolerance = -5", "NL101 option 'approx_tolerance' must be a number from 0 to 1, not -5"),
    ("NL203", "relative_tolerance = 5", "NL203 option 'relative_tolerance' must be a number from 0 to 1, not 5"),
    ("NL301", "window = -1", "NL301 option 'window' must be a whole number from 0 to 50, not -1"),
    ("NL101", "min_same_fact = 1.5", "NL101 option 'min_same_fact' must be a number from 0 to 1, not 1.5"),
    ("NL101", 'mode = "scale"', "NL101 (conflicting-values) has no option 'mode'"),
    ("NL303", 'mode = "foo"', "NL303 (percent-vs-points) has no option 'mode'"),
    ("percent-vs-points", 'mode = "foo"', "NL303 (percent-vs-points) has no option 'mode'"),
    ("NL101", 'kinds = ["count", "votes"]',
     "NL101 option 'kinds' must be a list of: count, money, measure, percent, ratio, not 'votes'"),
    ("NL202", "slip_same_fact = 100",
     "NL202 option 'slip_same_fact' must be a number from 0 to 1, not 100"),
    ("NL101", "slip_min_identity = -10", "NL101 (conflicting-values) has no option 'slip_min_identity'"),
    ("NL103", 'change_words = ["then"]', "NL103 (rounding-drift) has no option 'change_words'"),
])
def test_real_rule_option_errors_are_config_errors(tmp_path, table, body, fragment):
    write(tmp_path / "pyproject.toml", f'[project]\nname = "desk"\n\n[tool.numlint.rules.{table}]\n{body}\n')
    write(tmp_path / "a.txt", "Unemployment rose from 5% to 7% last year, a 2% increase.\n")
    result = run(["check", "a.txt"], tmp_path)
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith("numlint: pyproject.toml:5: ") and fragment in line, line


def test_every_declared_option_round_trips_through_the_config(tmp_path):
    """Each real rule's options, set to their own defaults by code and by name, are accepted and
    change nothing; a vocabulary given by the user extends the rule's list."""
    from numlint.linter import rule_with_options
    from numlint.registry import load_rules

    rules = load_rules()
    lines = []
    for rule in rules.values():
        set_options = [f"{o.name} = {o.shown_default()}" for o in rule.option_specs if o.default is not None]
        if set_options:
            lines += [f"[rules.{rule.name}]", *set_options, ""]
    write(tmp_path / ".numlint.toml", "\n".join(lines) + '\n[rules.NL101]\nmetric_synonyms = ["casualty casualties"]\n')
    cfg = read_config_file(tmp_path / ".numlint.toml")
    for rule in rules.values():
        merged = rule_with_options(rule, cfg)
        assert merged.options == rule.options
        if rule.code == "NL101":
            extended = rule.vocabularies["metric_synonyms"] + ("casualty casualties",)
            assert merged.vocabularies["metric_synonyms"] == extended


def test_user_options_reach_the_kind(tmp_path):
    """A user's value is what the kind reads (here NL303's cannot be set, NL304's window can)."""
    text = "Labour won 45% of the vote.\n\nThe Conservatives took 38% of the vote and the Liberals 22% of the vote.\n"
    write(tmp_path / "a.txt", text)
    assert run(["check", "--select", "NL304", "a.txt"], tmp_path).exit_code == 0
    write(tmp_path / ".numlint.toml", "[rules.shares-over-100]\nwindow = 2\n")
    result = run(["check", "--select", "NL304", "a.txt"], tmp_path)
    assert result.exit_code == 1 and "NL304" in result.output
