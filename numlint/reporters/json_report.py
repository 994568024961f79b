"""The JSON of CONTRACT.md for ``check`` and ``extract``: other tools parse this, so its shape is fixed."""

from __future__ import annotations

import json

from numlint import __version__
from numlint.model import FileResult


def summary(results: list[FileResult]) -> dict:
    counts = {"error": 0, "warning": 0, "info": 0}
    for result in results:
        for finding in result.findings:
            counts[finding.severity] += 1
    return {"files": len(results), "findings": sum(counts.values()), **counts}


def render_check(results: list[FileResult]) -> str:
    payload = {
        "numlint": __version__,
        "files": [
            {"path": r.path, "error": r.error, "findings": [f.to_json() for f in r.findings]} for r in results
        ],
        "summary": summary(results),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def render_extract(results: list[FileResult]) -> str:
    payload = {
        "numlint": __version__,
        "files": [
            {"path": r.path, "error": r.error, "quantities": [q.to_json() for q in r.quantities]} for r in results
        ],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
