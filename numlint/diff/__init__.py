"""``numlint diff``: what changed between two versions of a story, and what was left behind.

- ``match``: which mention of the new version states the fact of which mention of the old one.
- ``versions``: the two versions to compare: files, ``git:REV:PATH``, every article changed since a
  git revision (``--git REV``).
- ``report``: the text and JSON of a diff (SARIF and GitHub use ``numlint.reporters``).

The left-behind rule (NL104) is the rule kind ``numlint.rules.left_behind``; it is given the two
fact tables and the pairings made here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from numlint.config import Config
from numlint.diff.match import Pairing, pair_versions
from numlint.document import Document
from numlint.model import FileResult, Finding, Quantity

__all__ = ["Change", "DiffResult", "diff_documents", "diff_texts"]

LEFT_BEHIND_KIND = "left_behind"


@dataclass(frozen=True)
class Change:
    """One figure that changed, was added or was removed, with the mention in each version.

    ``fact`` numbers the facts of one diff: changes with the same number are mentions of one figure
    (stated twice in the old version with one value and updated to one new value)."""

    change: str                   # "changed", "added", "removed"
    old: Quantity | None
    new: Quantity | None
    metric: str | None
    fact: int

    def to_json(self) -> dict:
        return {
            "change": self.change,
            "fact": self.fact,
            "metric": self.metric,
            "old": self.old.to_json() if self.old is not None else None,
            "new": self.new.to_json() if self.new is not None else None,
        }


@dataclass(frozen=True)
class DiffResult:
    """The diff of two versions: the changes, and the left-behind findings in the new version."""

    old_path: str
    new_path: str
    error: str | None = None
    changes: tuple[Change, ...] = ()
    unchanged: int = 0
    findings: tuple[Finding, ...] = ()
    old_text: str | None = None
    new_text: str | None = None
    error_path: str | None = None   # the version the error is about (default: the new one)

    def as_file_result(self) -> FileResult:
        """The new version's findings as ``check`` would give them (for SARIF, GitHub, text)."""
        return FileResult(path=self.error_path or self.new_path, error=self.error, findings=self.findings,
                          text=self.new_text)


def _table(doc: Document):
    from numlint.facts import build_facts
    from numlint.linter import document_quantities

    prose, quantities = document_quantities(doc)
    return build_facts(doc, prose, quantities)


def _left_behind_rules(config: Config):
    from numlint.linter import rule_with_options, selected_rules

    return [rule_with_options(r, config) for r in selected_rules(config) if r.kind == LEFT_BEHIND_KIND]


def _facts_numbered(pairings: list[Pairing]) -> dict[int, int]:
    """A fact number for each listed pairing (by position in ``pairings``): changed pairs with the
    same old and new written figures are one fact stated twice (the metric read around each
    mention may differ: writers reword the noun and keep the figure)."""
    numbers: dict[tuple, int] = {}
    out: dict[int, int] = {}
    for i, p in enumerate(pairings):
        if p.change == "unchanged":
            continue
        if p.change == "changed":
            key = ("changed", p.old.q.text.strip(), p.new.q.text.strip())
        else:
            key = (p.change, i)
        out[i] = numbers.setdefault(key, len(numbers) + 1)
    return out


def diff_documents(old: Document, new: Document, config: Config | None = None) -> DiffResult:
    """Pair the two versions' mentions by fact; list what changed; find what was left behind."""
    from numlint import suppress
    from numlint.linter import findings_from_hits, sort_findings
    from numlint.registry import kind_module

    config = (config or Config()).for_path(new.path)
    old_table, new_table = _table(old), _table(new)
    rules = _left_behind_rules(config)
    synonyms = rules[0].vocabularies["metric_synonyms"] if rules else ()
    pairings = pair_versions(old_table, new_table, synonyms, *([rules[0].options["min_match"]] if rules else []))
    order = sorted(range(len(pairings)), key=lambda i: _position(pairings[i]))
    pairings = [pairings[i] for i in order]
    numbers = _facts_numbered(pairings)
    changes = tuple(
        Change(p.change, p.old.q if p.old else None, p.new.q if p.new else None,
               ((p.new or p.old).metric or None), numbers[i])
        for i, p in enumerate(pairings) if p.change != "unchanged"
    )
    findings: list[Finding] = []
    for rule in rules:
        severity = config.severity.get(rule.code, rule.severity)
        hits = kind_module(rule.kind).left_behind(old_table, new_table, pairings, rule)
        findings.extend(findings_from_hits(new, rule, severity, hits, force=rule.code in config.severity))
    directives = suppress.parse(new.text, new.format)
    suppress.resolve_scopes(new.text, directives, new.line_col)
    kept, _ = suppress.apply(findings, directives)
    return DiffResult(
        old_path=old.path, new_path=new.path, changes=changes,
        unchanged=sum(1 for p in pairings if p.change == "unchanged"),
        findings=tuple(sort_findings(kept)), old_text=old.text, new_text=new.text,
    )


def _position(p: Pairing) -> tuple[int, int]:
    """Changes in the order of the new version; a removed figure where it stood in the old one."""
    if p.new is not None:
        return (p.new.q.start, 0)
    return (-1, p.old.q.start)


def diff_texts(old_text: str, new_text: str, old_path: str = "<old>", new_path: str = "<new>",
               config: Config | None = None) -> DiffResult:
    """``diff_documents`` of two texts (the format is read from each path's suffix)."""
    from numlint.document import format_for_path

    return diff_documents(Document(old_path, old_text, format_for_path(old_path)),
                          Document(new_path, new_text, format_for_path(new_path)), config)


def _contained(old_name: str, new_name: str, work) -> DiffResult:
    """``work()``, with a bug in numlint on one pair turned into that pair's one-line error (as
    ``numlint check`` does for one file); NUMLINT_DEBUG=1 lets the exception through."""
    import os

    from numlint.run import internal_error

    try:
        return work()
    except Exception as exc:
        if os.environ.get("NUMLINT_DEBUG"):
            raise
        return DiffResult(old_name, new_name, error=internal_error(exc, "these files"))


def diff_pair(old_spec: str, new_spec: str, resolver=None) -> DiffResult:
    """Two versions as given on the command line (files or ``git:REV:PATH``)."""
    from numlint.diff.versions import VersionError, read

    try:
        old = read(old_spec)
    except VersionError as exc:
        return DiffResult(old_spec, new_spec, error=str(exc), error_path=old_spec)
    try:
        new = read(new_spec)
    except VersionError as exc:
        return DiffResult(old_spec, new_spec, error=str(exc))
    return _diff_versions(old, new, resolver)


def diff_since(rev: str, paths: tuple[str, ...] = (), resolver=None) -> list[DiffResult]:
    """Every article changed between ``rev`` and the working copy, each against its version at
    ``rev`` (``--git REV``); raises ``VersionError`` when git cannot list them."""
    from numlint.diff.versions import VersionError, at_revision, changed_articles, read

    out = []
    for path in changed_articles(rev, paths):
        try:
            old, new = at_revision(rev, path), read(path)
        except VersionError as exc:
            out.append(DiffResult(f"git:{rev}:{path}", path, error=str(exc), error_path=path))
            continue
        out.append(_diff_versions(old, new, resolver))
    return out


def _diff_versions(old, new, resolver) -> DiffResult:
    from numlint.document import format_for_path

    def work() -> DiffResult:
        config = resolver.for_file(new.path) if resolver is not None else None
        result = diff_documents(Document(old.path, old.text, format_for_path(old.path)),
                                Document(new.path, new.text, format_for_path(new.path)), config)
        return dataclasses.replace(result, old_path=old.name, new_path=new.name)

    return _contained(old.name, new.name, work)
