"""The pipeline: document -> prose -> quantities -> facts -> rules -> findings (sorted).

This module is the only place that joins the stages; each stage lives in its own module and never
calls a later one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc

from numlint import suppress
from numlint.config import Config
from numlint.document import Document
from numlint.markup import Prose, to_prose
from numlint.model import FileResult, Finding, Hit, Quantity, Related, severity_rank
from numlint.registry import RuleSpec, kind_module, load_rules


@contextlib.contextmanager
def _cyclic_gc_paused():
    """Pause CPython's cyclic garbage collector, restoring it afterwards.

    The pipeline allocates hundreds of thousands of small objects on a long document (quantities,
    facts, comparisons) and builds no reference cycles, so reference counting frees everything; the
    cyclic collector would only walk the ever-growing heap again and again, a cost that grows faster
    than the document (14 s of 72 s on the 5 MB article of tests/test_robustness.py). Nested or
    concurrent calls are safe: only a call that found the collector on turns it back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def document_quantities(doc: Document, directives=None, prose: Prose | None = None,
                        html_scope: str = "article", concepts: bool = True) -> tuple[Prose, list[Quantity]]:
    """The document's prose and its quantities, positioned in the ORIGINAL text with line/column.
    ``prose``: the document's prose when already made (by ``prose_and_directives``); ``concepts``:
    as ``extract_quantities`` (a check leaves them out: no rule reads them).

    A quantity's ``text`` is ``doc.text[start:end]``, the mention as the file has it (CONTRACT.md);
    ``as_read`` gives the same quantities with the text a reader sees, for the rules."""
    with _cyclic_gc_paused():
        if prose is None:
            prose, _ = prose_and_directives(doc, directives, html_scope)
        return prose, _quantities(doc, prose, concepts)


def prose_and_directives(doc: Document, directives=None, html_scope: str = "article") -> tuple[Prose, list]:
    """The document's prose and its suppression directives.

    In Markdown and HTML a directive counts only inside one of the markup's comments (the markup
    reader says where they are: not in a code span or block, an attribute or a script), and a
    comment is never prose, so nothing needs hiding. In plain text, and when markup fell back to
    plain text, directives are blanked (same length) before extraction, so "NL301" in one is never
    read as a quantity; offsets are unchanged.
    """
    if doc.format != "text":
        prose = to_prose(doc.text, doc.format, html_scope)
        if prose.comments is not None:
            if directives is None:
                directives = suppress.parse(doc.text, doc.format, prose.comments)
            return prose, directives
    if directives is None:
        directives = suppress.parse(doc.text, doc.format)
    return to_prose(suppress.mask(doc.text, directives), "text"), directives


def _quantities(doc: Document, prose: Prose, concepts: bool = True) -> list[Quantity]:
    from numlint.extract import extract_quantities

    quantities = extract_quantities(prose.text, concepts)
    # One string object for each text that repeats among a document's quantities (a unit, a scale
    # word, a metric, a mention written alike), and one int for a line shared by its mentions: the
    # quantities live as long as the findings, and a long document repeats most of them.
    shared: dict[str, str] = {}
    last_line = 0
    # Replaced in place, so the extractor's quantities are freed one by one as these are made.
    for i, q in enumerate(quantities):
        start, end = prose.to_original(q.start, q.end)
        line, column, end_line, end_column = doc.position(start, end)
        if line == last_line:
            line = last_line
        if end_line == line:
            end_line = line
        last_line = line
        text = doc.text[start:end]
        quantities[i] = dataclasses.replace(
            q, start=start, end=end, text=shared.setdefault(text, text),
            line=line, column=column, end_line=end_line, end_column=end_column,
            unit=shared.setdefault(q.unit, q.unit), surface_unit=shared.setdefault(q.surface_unit, q.surface_unit),
            metric=_shared(shared, q.metric), base=_shared(shared, q.base), scale=_shared(shared, q.scale),
            concept=_shared(shared, q.concept),
        )
    return quantities


def _shared(shared: dict[str, str], text: str | None) -> str | None:
    return None if text is None else shared.setdefault(text, text)


def as_read(prose: Prose | None, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities with ``text`` as a reader sees it (``£4.5bn`` for ``&pound;4.</span><span>5bn``,
    ``10\u00a0miles`` for ``10&nbsp;miles``), positions unchanged: the rules quote it in messages and
    judge precision on the digits as written."""
    if prose is None or prose.origin is None:
        return quantities
    out = []
    for q in quantities:
        start, end = prose.to_prose(q.start), prose.to_prose(q.end)
        read = prose.text[start:end] if end > start else q.text
        out.append(q if read == q.text else dataclasses.replace(q, text=read))
    return out


def selected_rules(config: Config) -> list[RuleSpec]:
    return [r for r in load_rules().values() if config.is_selected(r.code, r.enabled)]


def rule_with_options(rule: RuleSpec, config: Config) -> RuleSpec:
    """The rule with the user's per-rule options (keyed by code or name) laid over its defaults."""
    extra = {**config.rule_options.get(rule.name, {}), **config.rule_options.get(rule.code, {})}
    if not extra:
        return rule
    options = dict(rule.options)
    vocabularies = dict(rule.vocabularies)
    for key, value in extra.items():
        if key in vocabularies and isinstance(value, (list, tuple)):
            vocabularies[key] = tuple(vocabularies[key]) + tuple(value)
        else:
            options[key] = value
    return dataclasses.replace(rule, options=options, vocabularies=vocabularies)


def _related(doc: Document, q: Quantity, note: str) -> Related:
    line, column, end_line, end_column = doc.position(q.start, q.end)
    return Related(q.start, q.end, line, column, end_line, end_column, note)


def _fingerprint(rule: RuleSpec, hit: Hit) -> str:
    """Stable under moved lines: the code and the texts and metrics of every mention involved.

    No line, column or offset goes in, so moving a paragraph or adding lines above keeps it. The
    mention and its related mentions are taken as one sorted set: when a move reverses which of two
    conflicting figures comes first (and so which one the rule flags), it is still the same conflict.
    Identical findings in one file are told apart by an occurrence counter (numlint.baseline.keyed).
    """
    mentions = [hit.mention] + [q for q, _ in hit.related]
    parts = [rule.code, *sorted(q.text for q in mentions), "|", *sorted({q.metric or "" for q in mentions})]
    return _sha256("\x1f".join(parts))


def findings_from_hits(doc: Document, rule: RuleSpec, severity: str, hits, force: bool = False) -> list[Finding]:
    """Findings stamped with the rule's code, name and message. A hit may lower or raise its own
    severity, unless the user set the rule's severity in the configuration (``force``): then the
    user's word wins for every hit."""
    findings = []
    for hit in hits:
        q = hit.mention
        line, column, end_line, end_column = doc.position(q.start, q.end)
        findings.append(
            Finding(
                code=rule.code,
                rule=rule.name,
                severity=severity if force else (hit.severity or severity),
                message=rule.render(hit.values),
                start=q.start,
                end=q.end,
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                related=tuple(_related(doc, rq, note) for rq, note in hit.related),
                fingerprint=_fingerprint(rule, hit),
            )
        )
    return findings


def _sha256(text: str) -> str:
    import hashlib  # here: a clean article, the commonest case in a pre-commit hook, never needs it

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.start, f.end, f.code, -severity_rank(f.severity), f.message))


# Rule kinds that do not read the fact table but the outcome of the other rules; run after them.
AFTER_SUPPRESSION = {"unused_suppression"}


def rule_findings(doc: Document, prose: Prose, quantities: list[Quantity], config: Config) -> list[Finding]:
    """Every finding of the selected fact rules, before suppression."""
    from numlint.facts import build_facts

    table = build_facts(doc, prose, quantities)
    findings: list[Finding] = []
    for rule in selected_rules(config):
        if rule.kind in AFTER_SUPPRESSION:
            continue
        rule = rule_with_options(rule, config)
        severity = config.severity.get(rule.code, rule.severity)
        hits = kind_module(rule.kind).check(table, rule)
        findings.extend(findings_from_hits(doc, rule, severity, hits, force=rule.code in config.severity))
    return findings


def unused_suppression_findings(doc: Document, directives, config: Config) -> list[Finding]:
    """NL901 (and any other rule of kind unused_suppression): directives that silenced nothing."""
    if not directives:
        return []
    rules = [r for r in selected_rules(config) if r.kind == "unused_suppression"]
    unknown_only = not rules
    if unknown_only:
        # A code that names no rule (a typo such as NL310) never silenced anything: it is an NL901
        # warning even while NL901 is off by default; only ignoring NL901 (or a --select leaving it
        # out) keeps it quiet.
        spec = load_rules().get("NL901")
        if spec is None or not config.is_selected(spec.code, True):
            return []
        rules = [spec]
    selected = {r.code for r in selected_rules(config) if r.kind not in AFTER_SUPPRESSION}
    known = set(load_rules())
    findings = []
    for rule in rules:
        severity = config.severity.get(rule.code, rule.severity)
        for u in suppress.unused(directives, selected, known):
            if unknown_only and not u.unknown_code:
                continue
            line, column, end_line, end_column = doc.position(u.start, u.end)
            values = {
                "directive": u.directive.action,
                "codes": u.directive.text_codes,
                "code": u.code or u.directive.text_codes,
                "why": u.why,
                "line": u.directive.line,
            }
            written = doc.text[u.directive.start:u.directive.end]
            key = "\x1f".join([rule.code, u.directive.action, u.code or "*", written])
            findings.append(
                Finding(
                    code=rule.code, rule=rule.name, severity=severity, message=rule.render(values),
                    start=u.start, end=u.end, line=line, column=column, end_line=end_line, end_column=end_column,
                    fingerprint=_sha256(key),
                )
            )
    return findings


def lint(doc: Document, config: Config | None = None) -> FileResult:
    """One document through the whole pipeline: findings (suppressed ones removed, unused
    suppressions reported) and the quantities they were found among, for the reporters."""
    with _cyclic_gc_paused():
        return _lint(doc, config)


def _lint(doc: Document, config: Config | None) -> FileResult:
    config = (config or Config()).for_path(doc.path)
    prose, directives = prose_and_directives(doc, html_scope=config.html_scope)
    suppress.resolve_scopes(doc.text, directives, doc.line_col)
    prose, quantities = document_quantities(doc, directives, prose=prose, concepts=False)
    findings = rule_findings(doc, prose, as_read(prose, quantities), config)
    kept, _suppressed = suppress.apply(findings, directives)
    kept.extend(unused_suppression_findings(doc, directives, config))
    return FileResult(path=doc.path, findings=tuple(sort_findings(kept)), quantities=tuple(quantities), text=doc.text,
                      prose=prose)


def check_document(doc: Document, config: Config | None = None) -> list[Finding]:
    """Every finding in one document, sorted by position then code."""
    return list(lint(doc, config).findings)
