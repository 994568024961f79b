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


def frame_fields(result: FileResult) -> list[dict]:
    """For each quantity of ``result``, in order, the frame fields ``extract`` adds to the contract's:
    ``owner``, ``time``, ``per`` and ``source``, as the facts stage reads them (null when unknown, or
    when the result carries no prose to read them from)."""
    frames = {}
    if result.prose is not None and result.quantities:
        from numlint.facts import frames_of

        frames = frames_of(result.prose, result.quantities)
    out = []
    for q in result.quantities:
        frame = frames.get((q.start, q.end))
        out.append({"owner": frame.owner if frame else None, "time": frame.time if frame else None,
                    "per": frame.per if frame else None, "source": frame.source if frame else None})
    return out


def render_extract(results: list[FileResult]) -> str:
    payload = {
        "numlint": __version__,
        "files": [
            {"path": r.path, "error": r.error,
             "quantities": [{**q.to_json(), **frame} for q, frame in zip(r.quantities, frame_fields(r), strict=True)]}
            for r in results
        ],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
