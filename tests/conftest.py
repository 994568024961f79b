"""Shared test fixtures.

``toy`` swaps numlint's extraction and rules for a tiny stand-in (every "N word" is a quantity whose
metric is the word; a second value for one word is an NL101 finding with a fixed message, a warning
for "people" and an error otherwise), so the
CLI, suppression and baseline tests exercise their own plumbing and do not change when the real
extraction or rules get better.
"""

from __future__ import annotations

import os
import re

import pytest

from numlint import linter, suppress
from numlint.model import Hit, Quantity
from numlint.registry import RuleSpec

NUMBER = re.compile(r"(\d[\d,]*)\s+([a-z]+)")
TOY_NL101 = RuleSpec("NL101", "conflicting-values", "consistency", "error", "s",
                     "{value} {metric} here, but {other} on {other_line}", "w")


def toy_quantities(doc, directives=None, prose=None, html_scope="article", concepts=True):
    directives = suppress.parse(doc.text, doc.format) if directives is None else directives
    text = suppress.mask(doc.text, directives)
    out = []
    for m in NUMBER.finditer(text):
        s, e = m.span(1)
        out.append(Quantity(text=doc.text[s:e], start=s, end=e, value=float(m.group(1).replace(",", "")),
                            metric=m.group(2),
                            **dict(zip(("line", "column", "end_line", "end_column"), doc.position(s, e), strict=True))))
    return None, out


def toy_findings(doc, prose, quantities, config):
    if not config.is_selected("NL101", True):
        return []
    spec = TOY_NL101  # a fixed message, whatever the real NL101 says today
    first, hits = {}, []
    for q in quantities:
        seen = first.setdefault(q.metric, q)
        if seen is not q and seen.value != q.value:
            hits.append(Hit(q, ((seen, f"{seen.text} {q.metric}"),),
                            {"value": q.text, "metric": q.metric, "other": seen.text,
                             "other_line": f"line {seen.line}"},
                            # a second severity, for --fail-on tests: conflicts about people are warnings
                            severity="warning" if q.metric == "people" else None))
    return linter.findings_from_hits(doc, spec, config.severity.get("NL101", spec.severity), hits)


@pytest.fixture
def toy(monkeypatch):
    monkeypatch.setattr(linter, "document_quantities", toy_quantities)
    monkeypatch.setattr(linter, "rule_findings", toy_findings)


@pytest.fixture
def deny_reading(monkeypatch):
    """``deny_reading(path)``: opening that file fails with EACCES, as a file without read permission
    does. Simulated at os.open (what numlint.sources calls), because root, as CI runs, reads anything."""
    real_open = os.open
    denied: set[str] = set()

    def deny(path, *args, **kwargs):
        if os.fspath(path) in denied:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    return lambda path: denied.add(os.fspath(path))
