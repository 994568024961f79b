"""The README's promises: its two set-up commands are the ones CI and users actually run."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shell_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", text, flags=re.S)]


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_commands = [b for b in _shell_blocks(readme) if "pytest" in b]
    assert len(test_commands) == 1, "the README must show exactly one test command"
    ci_lines = [line.strip() for line in ci.splitlines()]
    assert test_commands[0] in ci_lines, ".ci/run must run the README's test command verbatim"


def test_readme_install_command_lints_the_example_article():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = _shell_blocks(readme)[0]
    assert "pip install ." in first and "numlint check fixtures/korea-troops.txt" in first
    assert (ROOT / "fixtures" / "korea-troops.txt").is_file()


def test_readme_pre_commit_snippet_is_the_one_the_e2e_test_runs():
    """tests/test_precommit_e2e.py runs the block between these markers in docs/pre-commit.md."""
    begin, end = "<!-- numlint-pre-commit-config:begin -->", "<!-- numlint-pre-commit-config:end -->"
    doc = (ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = doc[doc.index(begin):doc.index(end) + len(end)]
    assert "id: numlint" in snippet
    assert snippet in readme
