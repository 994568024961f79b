"""What a cold ``numlint check`` of one plain-text article loads: only what that input and that
output need. Checked through ``sys.modules`` in a fresh interpreter, never by timing."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from numlint.cli import run_check as RUN_CHECK

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "fixtures" / "korea-troops.txt"

# Runs the real entry point with its output piped, then lists the modules it had loaded.
PROBE = """
import atexit, json, sys
atexit.register(lambda: sys.__stderr__.write("MODULES " + json.dumps(sorted(sys.modules)) + "\\n"))
from numlint.cli import main
sys.argv = ["numlint", *sys.argv[1:]]
main()
"""


def run_probe(*args: str, **extra_env: str) -> tuple[set[str], str]:
    """(modules loaded, stdout) of ``numlint ARGS`` run from the checkout with its output piped."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "GITHUB_ACTIONS")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=ROOT,
                            env=env | extra_env)
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES "))
    return set(json.loads(line[len("MODULES "):])), result.stdout


def loaded_by(*args: str) -> set[str]:
    return run_probe(*args)[0]


def test_a_piped_text_report_of_a_txt_article_loads_no_markdown_reader_and_no_rich_styles():
    modules = loaded_by("check", str(ARTICLE))
    assert "numlint.linter" in modules  # the article was checked
    assert not {m for m in modules if m == "markdown_it" or m.startswith("markdown_it.")}
    # rich.cells measures the caret's columns; rich's styled text and console are for a terminal
    assert not modules & {"rich.text", "rich.console", "rich.style", "rich.segment", "rich.control"}
    assert "tempfile" not in modules  # only --output writes through a temporary file


def test_a_check_does_not_load_the_diff():
    # the left-behind rule kind is loaded with the others, but only ``numlint diff`` pairs versions
    modules = loaded_by("check", str(ARTICLE))
    assert "numlint.rules.left_behind" in modules
    assert not {m for m in modules if m == "numlint.diff" or m.startswith("numlint.diff.")}


# Runs a check in-process, then lists which of the lazily compiled patterns it compiled.
LAZY_PROBE = """
import gc, io, json, sys, contextlib
from numlint.cli import main
from numlint.lang.lazyre import LazyPattern
sys.argv = ["numlint", *sys.argv[1:]]
try:
    with contextlib.redirect_stdout(io.StringIO()):
        main()
except SystemExit:
    pass
lazy = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]
print(json.dumps({"lazy": len(lazy), "compiled": [o.pattern for o in lazy if "compiled" in vars(o)]}))
"""


def test_a_check_of_an_article_without_tables_compiles_no_table_pattern():
    from numlint.rules import percent

    result = subprocess.run([sys.executable, "-c", LAZY_PROBE, "check", str(ARTICLE)], capture_output=True,
                            text=True, cwd=ROOT, env=os.environ | {"PYTHONPATH": str(ROOT)}, check=False)
    seen = json.loads(result.stdout)
    assert seen["lazy"] > len(seen["compiled"])
    # the percent rule's table patterns are for Markdown tables only
    assert not {percent._SHARE_HEADER.pattern, percent._TOTAL_ROW.pattern} & set(seen["compiled"])


def test_a_lazy_pattern_reads_as_the_compiled_one():
    import re

    from numlint.lang.lazyre import LazyPattern

    lazy, compiled = LazyPattern(r"\b(\w+)s\b", re.I), re.compile(r"\b(\w+)s\b", re.I)
    assert lazy.pattern == compiled.pattern and "compiled" not in vars(lazy)  # .pattern compiles nothing
    text = "Ten Troops, two tanks"
    assert [m.span(1) for m in lazy.finditer(text)] == [m.span(1) for m in compiled.finditer(text)]
    assert lazy.match(text, 4).group(1) == compiled.match(text, 4).group(1) == "Troop"
    assert lazy.flags == compiled.flags and lazy.groups == 1


def test_json_output_loads_no_rich_at_all():
    modules = loaded_by("check", "--format", "json", str(ARTICLE))
    assert not {m for m in modules if m == "rich" or m.startswith("rich.")}


def test_colour_still_goes_through_rich():
    modules, stdout = run_probe("check", str(ARTICLE), FORCE_COLOR="1")
    assert "rich.console" in modules
    assert "\x1b[" in stdout


def test_check_given_only_paths_and_flags_loads_no_click():
    assert "click" not in loaded_by("check", "--force-exclude", "-q", str(ARTICLE))
    assert "click" in loaded_by("check", "--format", "text", str(ARTICLE))   # an option with a value


PLAIN = [
    ["check", "a.txt"],
    ["check"],
    ["check", "--force-exclude", "a.txt", "b.md"],
    ["check", "a.txt", "--no-force-exclude", "--force-exclude", "-q", "dir"],
    ["check", "--isolated", "--exit-zero", "--statistics", "--quiet", "a.txt"],
    ["check", "a b.txt", "x=y.html"],
]
LEFT_TO_CLICK = [
    [], ["--version"], ["rules"], ["check", "-"], ["check", "--", "a.txt"], ["check", "--help"], ["check", "-qq"],
    ["check", "--format", "json", "a.txt"], ["check", "--format=json"], ["check", "-j", "2", "a.txt"],
    ["check", "--force-exclud", "a.txt"], ["extract", "a.txt"],
]


@pytest.mark.parametrize("argv", PLAIN)
def test_the_plain_reading_of_check_is_clicks(argv, monkeypatch):
    from click.testing import CliRunner

    from numlint import cli as cli_module

    given = {}
    monkeypatch.setattr(cli_module, "run_check", lambda *args: given.update(args=args))
    CliRunner().invoke(cli_module.cli, argv, catch_exceptions=False)
    names = inspect.signature(RUN_CHECK).parameters
    by_click = dict(zip(names, given["args"], strict=True))
    by_click["paths"] = tuple(by_click["paths"])
    defaults = {name: p.default for name, p in inspect.signature(RUN_CHECK).parameters.items()}
    assert {**defaults, **cli_module._plain_check(argv)} == by_click


@pytest.mark.parametrize("argv", LEFT_TO_CLICK)
def test_anything_else_is_left_to_click(argv):
    from numlint import cli as cli_module

    assert cli_module._plain_check(argv) is None


def test_shell_completion_is_left_to_click(monkeypatch):
    from numlint import cli as cli_module

    monkeypatch.setenv("_NUMLINT_COMPLETE", "bash_source")
    assert cli_module._plain_check(["check", "a.txt"]) is None
