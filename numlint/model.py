"""Values that cross pipeline stages: quantities, findings and their positions.

All positions are 0-based code-point offsets into the ORIGINAL file text (end exclusive) plus the
1-based line/column pair of CONTRACT.md. They are frozen so a stage can never edit what an earlier
stage produced; a later stage builds new values with ``dataclasses.replace``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity mention, with the fields of CONTRACT.md's ``extract --format json``.

    Slotted: a 5 MB article has 122,500 of them, and an instance dict costs 64 bytes more each.

    ``value`` is None for a range (then ``low``/``high`` hold the bounds). ``scale`` records the scale
    word as written ("million", "bn", "k") so NL2 can see a scale slip; ``decimals`` is how many
    digits the writer gave after the point, which is the precision NL1 compares within.
    """

    text: str
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str = ""
    surface_unit: str = ""
    kind: str = "count"
    approx: str = "="
    change: str | None = None
    metric: str | None = None
    base: str | None = None
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    # Beyond the contract: facts that the rules need about how the number was written.
    scale: str | None = None
    multiplier: float = 1.0
    decimals: int = 0
    spelled: bool = False
    # Beyond the contract, in ``extract --format json``: what the figure is about as the sentence
    # writes it, head noun with its modifiers and whose ("unemployed over two years", "BioView shares");
    # ``metric`` stays the short phrase the facts stage keys on.
    concept: str | None = None

    def __hash__(self) -> int:
        # The generated hash would hash all 22 fields on every lookup; facts.written_scale caches by
        # Quantity and the consistency rules ask about each mention many times on a long document.
        # Equal quantities share these four fields, so this hash stays consistent with ==.
        return hash((self.start, self.end, self.text, self.value))

    @property
    def bounds(self) -> tuple[float, float]:
        """(low, high) for a range, (value, value) for a point."""
        if self.value is None:
            return (self.low if self.low is not None else 0.0, self.high if self.high is not None else 0.0)
        return (self.value, self.value)

    @property
    def is_range(self) -> bool:
        return self.value is None

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "surface_unit": self.surface_unit,
            "kind": self.kind,
            "approx": self.approx,
            "change": self.change,
            "metric": self.metric,
            "base": self.base,
            "concept": self.concept,
        }


@dataclass(frozen=True)
class Related:
    """A mention that a finding conflicts with or refers to."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    message: str

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
        }


SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    """info < warning < error, for --fail-on and sorting."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Finding:
    """One problem the linter reports, stamped with the rule's code, name and severity."""

    code: str
    rule: str
    severity: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    related: tuple[Related, ...] = field(default_factory=tuple)
    # The mention's own text and its numbers, stable under moved lines: what baselines and SARIF
    # fingerprints are built from.
    fingerprint: str = ""

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "related": [r.to_json() for r in self.related],
        }


@dataclass(frozen=True)
class Hit:
    """What a rule kind yields: the mention that is out of line and the mentions it conflicts with.

    A kind never names a code, a rule or a message; the linter stamps those from the TOML definition
    (``RuleSpec.render(values)``), so editors can reword a message without touching Python.
    ``severity`` lets a kind lower or raise the default for one hit (NL1: warning, not error, when the
    two values come from different sources); None keeps the rule's configured severity.
    """

    mention: Quantity
    related: tuple[tuple[Quantity, str], ...] = ()
    values: dict = field(default_factory=dict)
    severity: str | None = None


@dataclass(frozen=True)
class FileResult:
    """What the linter says about one file: an input error, or its findings (and quantities)."""

    path: str
    error: str | None = None
    findings: tuple[Finding, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    text: str | None = None   # kept for reporters that show source lines (text, html)
    # The prose the reader sees (numlint.markup.Prose: text and offset map), for the HTML report's
    # article view; None when the file was not read.
    prose: object | None = field(default=None, compare=False, repr=False)
