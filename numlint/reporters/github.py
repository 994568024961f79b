"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.

``::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::message``; warning -> ``::warning``,
info -> ``::notice``. Escaping follows GitHub's runner (actions/toolkit ``command.ts``): in the message
``%`` -> ``%25``, ``\\r`` -> ``%0D``, ``\\n`` -> ``%0A``; in a property value also ``:`` -> ``%3A`` and
``,`` -> ``%2C``. Related mentions go on further lines of the message.

GitHub shows only the first few annotations of each level per step (10 at the time of writing) and
drops the rest without a word, so when ``$GITHUB_STEP_SUMMARY`` is set (it is in every Actions step)
the report also appends a Markdown table of every finding to that file, the job summary page.
That file is the runner's, made for steps to append to; it is never one of the user's files.
"""

from __future__ import annotations

import os

from numlint.baseline import repo_path
from numlint.model import FileResult

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation_path(path: str, cwd: str | None = None) -> str:
    """GitHub places annotations by repository-relative path: relative to the git work tree that holds
    the current directory (as in the SARIF report), else to the current directory."""
    return repo_path(path, cwd)


def render(results: list[FileResult], cwd: str | None = None) -> str:
    lines = []
    for result in results:
        path = escape_property(annotation_path(result.path, cwd))
        if result.error:
            lines.append(f"::error file={path},title=numlint::{escape_data(result.error)}")
        for f in result.findings:
            message = f.message
            for r in f.related:
                message += f"\n{r.line}:{r.column}: {r.message}"
            props = (
                f"file={path},line={f.line},col={f.column},endLine={f.end_line},endColumn={f.end_column},"
                f"title={escape_property(f.code)}"
            )
            lines.append(f"::{LEVEL[f.severity]} {props}::{escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


ANNOTATIONS_SHOWN = 10     # GitHub's per-step limit for each of error, warning and notice annotations
SUMMARY_ROWS = 1000        # the job summary holds at most 1 MiB per step; a table this long is plenty


def _cell(text: str) -> str:
    """A Markdown table cell: pipes escaped, lines joined, no HTML from the copy."""
    return " ".join(text.replace("|", "\\|").replace("<", "&lt;").split())


def step_summary(results: list[FileResult], cwd: str | None = None) -> str:
    """The job summary: the summary line, then a table of every finding and every file not checked."""
    from numlint.reporters.text import summary_line

    lines = ["## numlint", "", summary_line(results), ""]
    rows = []
    for result in results:
        path = _cell(annotation_path(result.path, cwd))
        if result.error:
            rows.append(f"| {path} | | | not checked | {_cell(result.error)} |")
        for f in result.findings:
            rows.append(f"| {path} | {f.line}:{f.column} | {f.code} | {f.severity} | {_cell(f.message)} |")
    if rows:
        lines += ["| file | line | code | severity | message |", "|---|---|---|---|---|", *rows[:SUMMARY_ROWS]]
        if len(rows) > SUMMARY_ROWS:
            lines += ["", f"... and {len(rows) - SUMMARY_ROWS} more; run numlint locally for the full list."]
    by_level = {}
    for result in results:
        for f in result.findings:
            by_level[f.severity] = by_level.get(f.severity, 0) + 1
    over = [f"{n} {LEVEL[s]}s" for s, n in by_level.items() if n > ANNOTATIONS_SHOWN]
    if over:
        lines += ["", f"GitHub shows at most {ANNOTATIONS_SHOWN} annotations of each level per step; this run "
                      f"has {', '.join(over)}: every one is in the table above."]
    return "\n".join(lines) + "\n"


def write_step_summary(results: list[FileResult], environ=None) -> str | None:
    """Append the job summary to ``$GITHUB_STEP_SUMMARY`` when it is set; the file written, or None."""
    target = (environ if environ is not None else os.environ).get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(step_summary(results))
    return target
