"""The progress bar of long runs: shown to a person at a terminal only, after the run has lasted a
while, with files, findings, rate and time left; never in machine formats or when stderr is piped."""

from __future__ import annotations

import io
import subprocess
import sys

from generated_articles import write_articles
from rich.console import Console

from numlint import progress
from numlint.model import FileResult, Finding


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def _finding() -> Finding:
    return Finding(code="NL101", rule="conflicting-values", severity="error", message="m", start=0, end=1,
                   line=1, column=1, end_line=1, end_column=2)


def _terminal():
    buffer = io.StringIO()
    return Console(file=buffer, force_terminal=True, width=120, color_system=None), buffer


def test_nothing_is_drawn_before_the_delay_then_files_findings_rate_and_time_left():
    clock, (console, buffer) = Clock(), _terminal()
    bar = progress.Progress(10, console=console, clock=clock, delay=1.5)
    bar(FileResult(path="a.txt", findings=(_finding(),)))
    clock.now += 1.0
    bar(FileResult(path="b.txt"))
    assert not bar.shown and buffer.getvalue() == ""
    clock.now += 1.0
    bar(FileResult(path="c.txt", findings=(_finding(), _finding())))
    assert bar.shown
    drawn = buffer.getvalue()
    assert "3/10" in drawn and "files" in drawn and "3 findings" in drawn and "files/s" in drawn and "left" in drawn
    bar.close()


def test_a_run_that_ends_within_the_delay_never_draws():
    clock, (console, buffer) = Clock(), _terminal()
    bar = progress.Progress(2, console=console, clock=clock, delay=1.5)
    bar(FileResult(path="a.txt"))
    clock.now += 5
    bar(FileResult(path="b.txt"))     # the last file: the report follows at once, no bar for it
    bar.close()
    assert not bar.shown and buffer.getvalue() == ""


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_shown_only_for_human_formats_at_a_terminal(monkeypatch):
    monkeypatch.delenv("TERM", raising=False)
    assert progress.wanted("text", Tty()) and progress.wanted("concise", Tty())
    for fmt in ("json", "sarif", "github", "html"):
        assert not progress.wanted(fmt, Tty())
    assert not progress.wanted("text", io.StringIO())      # piped
    monkeypatch.setenv("TERM", "dumb")
    assert not progress.wanted("text", Tty())


def test_a_long_run_with_stderr_piped_prints_no_progress(tmp_path):
    write_articles(tmp_path / "articles", 150)
    result = subprocess.run([sys.executable, "-c", "from numlint.cli import main; main()", "check", "articles"],
                            cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1 and "Found" in result.stdout
    assert result.stderr == ""
