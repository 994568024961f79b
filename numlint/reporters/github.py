"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.

``::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=CODE::message``; warning -> ``::warning``,
info -> ``::notice``. Escaping follows GitHub's runner (actions/toolkit ``command.ts``): in the message
``%`` -> ``%25``, ``\\r`` -> ``%0D``, ``\\n`` -> ``%0A``; in a property value also ``:`` -> ``%3A`` and
``,`` -> ``%2C``. Related mentions go on further lines of the message.
"""

from __future__ import annotations

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
