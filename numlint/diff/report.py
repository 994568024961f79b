"""The text and JSON of ``numlint diff`` (the JSON shape is documented in docs/diff.md and kept
stable). SARIF and GitHub annotations of the left-behind findings are ``numlint.reporters``'s, fed
with each diff's new version as ``check`` would report it."""

from __future__ import annotations

import json

from numlint import __version__
from numlint.diff import Change, DiffResult
from numlint.model import Quantity

WINDOW = 90


def _line(text: str | None, line: int) -> str:
    if not text or line < 1:
        return ""
    lines = text.splitlines()
    return lines[line - 1] if line <= len(lines) else ""


def _window(line: str, q: Quantity) -> str:
    """The line around the mention, cut at spaces to about ``WINDOW`` characters."""
    line = "".join(c if c.isprintable() else " " for c in line)
    if len(line) <= WINDOW:
        return line
    start = max(0, q.column - 1 - WINDOW // 2)
    stop = min(len(line), start + WINDOW)
    start = max(0, stop - WINDOW)
    if start > 0:
        space = line.find(" ", start, q.column - 1)
        start = space + 1 if space >= 0 else start
    if stop < len(line):
        space = line.rfind(" ", q.column, stop)
        stop = space if space > 0 else stop
    return ("…" if start > 0 else "") + line[start:stop] + ("…" if stop < len(line) else "")


def _change_lines(c: Change, result: DiffResult) -> list[str]:
    old = c.old.text.strip() if c.old else ""
    new = c.new.text.strip() if c.new else ""
    what = {"changed": f"{old} -> {new}", "added": new, "removed": old}[c.change]
    metric = f" {c.metric}" if c.metric else ""
    out = [f"  {c.change:<8} {what}{metric}"]
    width = max(len(str(q.line)) for q in (c.old, c.new) if q is not None)
    if c.old is not None:
        out.append(f"    old {c.old.line:>{width}} │ {_window(_line(result.old_text, c.old.line), c.old)}")
    if c.new is not None:
        out.append(f"    new {c.new.line:>{width}} │ {_window(_line(result.new_text, c.new.line), c.new)}")
    return out


def counts(results: list[DiffResult]) -> dict[str, int]:
    out = {"changed": 0, "added": 0, "removed": 0, "unchanged": 0, "error": 0, "warning": 0, "info": 0}
    for r in results:
        for c in r.changes:
            out[c.change] += 1
        out["unchanged"] += r.unchanged
        for f in r.findings:
            out[f.severity] += 1
    return out


def summary_line(results: list[DiffResult]) -> str:
    c = counts(results)
    n = c["error"] + c["warning"] + c["info"]
    by_severity = ", ".join(f"{c[s]} {s}{'s' if c[s] != 1 and s != 'info' else ''}"
                            for s in ("error", "warning", "info") if c[s])
    files = len(results)
    return (f"{c['changed']} changed, {c['added']} added, {c['removed']} removed ({c['unchanged']} unchanged) "
            f"in {files} file{'s' if files != 1 else ''}; "
            f"{n} finding{'s' if n != 1 else ''}{f' ({by_severity})' if n else ''}.")


def render_text(results: list[DiffResult], *, color: bool = False, quiet: bool = False) -> str:
    """Per file pair: every change, old and new lines side by side with their line numbers, then
    the left-behind findings as ``check`` shows findings, then (unless quiet) a summary line."""
    from numlint.reporters import text

    out: list[str] = []
    for r in results:
        if r.error:
            out.append(f"{r.error_path or r.new_path}: error: {r.error}")
            continue
        if not quiet or r.changes or r.findings:
            out.append(f"{r.old_path} -> {r.new_path}")
        for c in r.changes:
            out.extend(_change_lines(c, r))
        if r.findings:
            out.append("")
            out.append(text.render([r.as_file_result()], color=color, quiet=True).rstrip("\n"))
        out.append("")
    if not quiet:
        out.append(summary_line(results))
    return "\n".join(out).rstrip("\n") + "\n" if out else ""


def render_json(results: list[DiffResult]) -> str:
    """The JSON of docs/diff.md."""
    c = counts(results)
    payload = {
        "numlint": __version__,
        "diffs": [
            {
                "old": r.old_path,
                "new": r.new_path,
                "error": r.error,
                "error_path": r.error_path or (r.new_path if r.error else None),
                "changes": [ch.to_json() for ch in r.changes],
                "unchanged": r.unchanged,
                "findings": [f.to_json() for f in r.findings],
            }
            for r in results
        ],
        "summary": {"files": len(results), "findings": c["error"] + c["warning"] + c["info"], **c},
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def render(results: list[DiffResult], fmt: str, *, color: bool = False, quiet: bool = False) -> str:
    if fmt == "json":
        return render_json(results)
    if fmt == "sarif":
        from numlint.reporters import sarif

        return sarif.render([r.as_file_result() for r in results])
    if fmt == "github":
        from numlint.reporters import github

        return github.render([r.as_file_result() for r in results])
    return render_text(results, color=color, quiet=quiet)
