"""One metric, two values: conflicts, stated changes, rounding drift, scale slips, unit mismatches.

The relation between two mentions of a metric that a rule reports is its kind's relation
(``kind = "consistency.conflict"``, ``change``, ``drift``, ``scale``, ``unit``, ``currency``), fixed
by the rule definition; its options and vocabularies are declared in ``KIND`` below.

The mention reported is the one that is out of line: the value fewer mentions agree with, or, on a
tie, the later one (the reader met the first one first).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Iterator

from numlint.facts import (
    MAX_HEADLINE_FACTS, Fact, FactTable, distinct_values, identity, is_definite, is_tabular, looks_like_year,
    names_a_group,
    singular,
)
from numlint.model import Hit
from numlint.options import Kind, Option, Relation, Vocabulary

_SLIP = Option("slip_min_identity", int, None, "how alike one number written in two currencies (a slipped symbol) "
               "must look to be reported; none: as min_identity", minimum=-20, maximum=20)
_MARKERS = Vocabulary("change_markers", "words that explain why a value changed: \"up from\", \"revised\"")
KIND = Kind(
    doc="One metric, two values: the relation between two mentions of one metric that the rule reports.",
    options=(
        Option("approx_tolerance", float, 0.1, "relative slack of \"about\", \"an estimated\"", minimum=0, maximum=1),
        Option("max_neighbours", int, 12, "comparisons per mention, at most", minimum=1, maximum=1000),
        Option("min_identity", int, 3, "how alike two mentions must look to be reported", minimum=-20, maximum=20),
        Option("warn_identity", int, None, "how alike two mentions must look to be reported as a warning (below "
               "min_identity); none: as min_identity", minimum=-20, maximum=20),
        Option("kinds", list, ("count", "money", "measure", "percent", "ratio"), "the kinds of quantity compared",
               choices=("count", "money", "measure", "percent", "ratio")),
    ),
    vocabularies=(
        Vocabulary("metric_synonyms", "lines of words meaning one metric: \"troop soldier\""),
        Vocabulary("ignore_metrics", "metric keys that are never one figure, such as \"time\" or \"point\""),
        Vocabulary("ignore_mentions", "words around a mention that rule it out: \"year-old\", \"aged\""),
        Vocabulary("ignore_units", "units whose figures are never compared: \"year\", \"day\""),
    ),
    relations={
        "conflict": Relation("two values that disagree, and nothing says why", vocabularies=(_MARKERS,)),
        "change": Relation("two values that disagree where the text says why", vocabularies=(_MARKERS,)),
        "drift": Relation("one figure rounded two ways"),
        "scale": Relation("the same digits a thousand or a million times apart"),
        "unit": Relation("one figure in two units or currencies", options=(_SLIP,)),
        "currency": Relation("one figure in two currencies", options=(_SLIP,)),
    },
)

_CONTRAST = re.compile(r"\s*[\"“]?(?:but|however|while|whereas|meanwhile|by contrast|in contrast|"
                       r"elsewhere|instead|unlike|compared)\b", re.I)

# "The other floating-rate class", "a second tranche": a second item of a list. "Any other service",
# "every other bank", "no other firm" name everything else, to compare with, not a second item.
_ANOTHER = re.compile(r"\b(?<!any )(?<!every )(?<!no )"
                      r"(?:other|another|second|third|remaining|rest of the|latter|former)\b", re.I)

MODES = tuple(KIND.relations)


@functools.lru_cache(maxsize=64)
def _marker_re(markers: tuple[str, ...]) -> re.Pattern:
    # one alternation, longest first, so "up from" wins over "up"
    words = sorted((m.lower() for m in markers), key=len, reverse=True)
    # A marker that qualifies a verb of telling ("as previously announced", "the originally reported
    # deal") dates the announcement, not the value: the figure is being restated, not revised.
    return re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, words)) + r")(?![a-z])"
                      r"(?!\s+(?:announced|reported|disclosed|stated|said|published)\b)")


def _has_marker(text: str, markers) -> str | None:
    if not markers:
        return None
    m = _marker_re(tuple(markers)).search(text.lower())
    return m.group() if m else None


def _fmt(f: Fact) -> str:
    return f.q.text.strip()


def _metric_name(a: Fact, b: Fact) -> str:
    return (a.metric or b.metric or a.key or "").strip()


def check(table: FactTable, rule) -> Iterator[Hit]:
    opts = rule.options
    mode = rule.relation
    if mode not in MODES:
        raise ValueError(f"consistency: unknown mode {mode!r}")
    tolerance = opts["approx_tolerance"]
    neighbours = opts["max_neighbours"]
    synonyms = rule.vocabularies.get("metric_synonyms", ())
    markers = rule.vocabularies.get("change_markers", ())
    ignored = {m.lower() for m in rule.vocabularies.get("ignore_metrics", ())}
    ignored_text = tuple(m.lower() for m in rule.vocabularies.get("ignore_mentions", ()))
    ignored_units = set(rule.vocabularies.get("ignore_units", ()))
    kinds = set(opts["kinds"])

    # Collect every pair in the relation this rule reports, then report each out-of-line mention once.
    partners: dict[int, list[tuple[Fact, Fact, str | None]]] = {}
    agree: dict[int, int] = {}
    min_identity = opts["min_identity"]
    # Below min_identity but at least warn_identity: reported, one level quieter (a warning).
    warn_identity = min_identity if opts["warn_identity"] is None else opts["warn_identity"]
    # A slipped currency symbol ("£8m" here, "$8m" there) is judged like NL201's slipped scale word:
    # the same written number in two currencies for one metric is itself the evidence that the two are
    # one figure (one such pair across the 5,752 articles of the clean corpus), so names that differ
    # ("Tottenham", "Spurs") or a bucket of several bids must not hide it.
    slip_identity = opts.get("slip_min_identity")
    weak: dict[tuple[int, int], bool] = {}
    best_for_headline: dict[int, tuple[tuple, tuple[int, int]]] = {}
    converted = _conversions(table) if mode == "unit" else set()
    survey = table.memo(("consistency", tuple(synonyms), neighbours, tolerance),
                        lambda: _survey(table, synonyms, neighbours, tolerance))
    resolved: set[int] = set()   # later mentions that restate an earlier value
    changes = _stated_change_pairs(table) if mode == "change" else set()
    # What rules a single mention out is decided once per mention, not once per pair it is in.
    ruled_out = {
        f.index for f in table.facts
        if f.q.kind not in kinds or f.unit in ignored_units or looks_like_year(f)
        or (ignored_text and any(w in f.around for w in ignored_text))
    } | converted
    compared: list = []
    for a, b, c, score in survey:
        if a.index in ruled_out or b.index in ruled_out:
            continue
        if a.key in ignored and not (a.modifiers or b.modifiers):
            continue
        if c.verdict == "same":
            if a.q.approx in ("=", "~") and b.q.approx in ("=", "~"):
                # only two points agree; "more than 750 mln" is no confirmation of "1.5 million"
                agree[a.index] = agree.get(a.index, 0) + 1
                agree[b.index] = agree.get(b.index, 0) + 1
                later = b if b.index > a.index else a
                resolved.add(later.index)
            continue
        compared.append((a, b, c, score))

    # Second pass, once every agreement is known.
    sentence_markers: dict[int, str | None] = {}
    for a, b, c, score in compared:
        if a.sentence_index == b.sentence_index:
            # Two values in one sentence are set side by side on purpose; only a change that the
            # sentence spells out between them ("10,000, up from 3,000") is worth a note.
            marker = _has_marker(_between(a, b), markers) if markers else None
            if mode != "change" or marker is None or (min(a.index, b.index), max(a.index, b.index)) not in changes:
                continue
        else:
            later = b if b.index > a.index else a
            if later.index in resolved and is_definite(later):
                score -= 2  # "the 500 patents" points back at an earlier 500, not at this figure
            threshold = min(min_identity, warn_identity)
            if (slip_identity is not None and c.verdict == "currency" and a.q.value is not None
                    and a.q.value == b.q.value):
                threshold = int(slip_identity)
            if score < threshold:
                continue
            weak[(min(a.index, b.index), max(a.index, b.index))] = score < min_identity
            marker = None
            if markers:
                # a word in either sentence that says the value changed (or was revised, or compared)
                for f in (b, a):
                    if f.sentence_index not in sentence_markers:
                        sentence_markers[f.sentence_index] = _has_marker(f.sentence, markers)
                    marker = marker or sentence_markers[f.sentence_index]
        wanted = _wanted(mode, c.verdict, marker, a, b)
        if not wanted:
            continue
        if a.in_heading != b.in_heading:
            # An unconfirmed headline figure conflicts with every body value of its metric; report
            # only the body mention most like it (its restatement, gone wrong).
            head, body = (a, b) if a.in_heading else (b, a)
            key = (min(a.index, b.index), max(a.index, b.index))
            # the lead (the first sentences after the headline) restates the headline's figure
            lead = body.sentence_index <= head.sentence_index + 2
            rank = (lead, score if a.sentence_index != b.sentence_index else 0, -body.index)
            if head.index not in best_for_headline or rank > best_for_headline[head.index][0]:
                best_for_headline[head.index] = (rank, key)
        partners.setdefault(a.index, []).append((a, b, marker))
        partners.setdefault(b.index, []).append((b, a, marker))

    reported: set[tuple[int, int]] = set()
    flagged: set[int] = set()
    for index in sorted(partners):
        for this, other, marker in partners[index]:
            key = (min(this.index, other.index), max(this.index, other.index))
            if key in reported:
                continue
            reported.add(key)
            if this.in_heading != other.in_heading:
                head = this if this.in_heading else other
                if best_for_headline.get(head.index, (None, key))[1] != key:
                    continue
            out, ref = _out_of_line(this, other, agree)
            head = this if this.in_heading and not other.in_heading else other if other.in_heading and not this.in_heading else None
            if head is not None and agree.get(head.index, 0):
                continue  # the headline's figure is confirmed in the body: the other value is another thing
            if mode in ("conflict", "scale", "unit") and agree.get(out.index, 0):
                # The "wrong" value is stated again elsewhere: two figures for two things, each
                # repeated, not a slip. (An injected or mistyped figure is alone.)
                continue
            if out.index in flagged:
                continue  # one finding per out-of-line mention, naming its nearest conflict
            flagged.add(out.index)
            hit = _hit(mode, out, ref, marker)
            if weak.get(key) and hit.severity is None and rule.severity == "error":
                hit = dataclasses.replace(hit, severity="warning")
            yield hit


def _survey(table: FactTable, synonyms, neighbours: int, tolerance: float) -> tuple:
    """Every pair of mentions of one metric that could be one figure, as (a, b, comparison, score).

    This is the part of a consistency rule that does not depend on its mode or vocabularies, so the
    five NL1/NL2 rules share it through ``FactTable.memo`` instead of each walking and comparing the
    same pairs. ``score`` is how strongly the pair looks like one figure (``identity`` plus what the
    sentences say); it is None for two mentions in one sentence, which are judged differently, and
    for pairs that agree. Pairs that could never make a finding (no verdict) are left out.
    """
    diversity = {}
    for facts in table.buckets(synonyms).values():
        n = distinct_values(facts)   # once per bucket: this is per-document work, not per pair
        diversity.update((f.index, n) for f in facts)
        # A figure per item of the very things the bucket counts ("1,600,000 shares at 1.25 dlrs
        # each") is their price or size, not one more count of them: how many different counts the
        # bucket holds says nothing about whether its prices are a list, so they are judged among
        # themselves. (The counts keep the whole bucket: prices for several share issues do suggest
        # several issues.)
        own = [f for f in facts if f.per and f.metric and singular(f.metric.split()[-1]) == f.per]
        if own:
            n = distinct_values(own)
            diversity.update((f.index, n) for f in own)
    headline_confirmed = _headline_confirmed(table, synonyms, tolerance)
    out = []
    for a, b in table.pairs(synonyms, neighbours):
        if a.q.change != b.q.change:
            continue  # "rose 5%" is a change, not a level; two changes compare only in one direction
        if is_tabular(a) or is_tabular(b):
            continue
        if names_a_group(a) or names_a_group(b):
            continue  # "the two countries" says "they": not a figure to hold against "31 countries"
        c = table.compared(a, b, tolerance)
        if c.verdict is None:
            continue
        score = None
        if c.verdict != "same" and a.sentence_index != b.sentence_index:
            score = identity(a, b, diversity.get(a.index, 2))
            later = b if b.index > a.index else a
            if _CONTRAST.match(later.sentence):
                score -= 2  # "But in Japan, ...": the sentence sets a different case beside the first
            if _ANOTHER.search(later.left):
                score -= 2  # "The other floating-rate class ... 60 basis points": a second item of a list
            if c.verdict == "conflict" and c.ratio > 20:
                score -= 2  # 165 marks a share and 330 mln marks: a slip of the keyboard is not 20-fold
            if (a.index in headline_confirmed) != (b.index in headline_confirmed):
                score += 2  # one of them is the headline's figure, restated in the body
            if c.verdict in ("unit", "currency") and a.q.value is not None and a.q.value == b.q.value:
                score += 2  # "$3bn" and "£3bn": the same digits, so the same figure in a slipped unit
        out.append((a, b, c, score))
    return tuple(out)


def _wanted(mode: str, verdict: str, marker: str | None, a: Fact, b: Fact) -> bool:
    if mode in ("unit", "currency", "scale") and _side_by_side(a, b):
        return False  # "9 billion yuan (US$1.3 billion)", "10 km (6 miles)": a conversion, NL203's business
    if mode == "unit":
        return verdict in ("unit", "currency")
    if mode == "conflict":
        return verdict == "conflict" and marker is None
    if mode == "change":
        return verdict == "conflict" and marker is not None
    return verdict == mode


def _between(a: Fact, b: Fact) -> str:
    first, second = (a, b) if a.start < b.start else (b, a)
    return first.sentence[len(first.left) + (first.end - first.start):len(second.left)]


def _side_by_side(a: Fact, b: Fact) -> bool:
    """b restates a in another unit right next to it: "(...)", "or", "about", "-"."""
    if a.sentence_index != b.sentence_index:
        return False
    first, second = (a, b) if a.start < b.start else (b, a)
    between = first.sentence[len(first.left) + (first.end - first.start):len(second.left)]
    return len(between) <= 12 and bool(re.fullmatch(r"[\s(\[,;/–—-]*(?:or|about|around|some|roughly|nearly|"
                                                    r"approximately|equivalent to|worth|US|\$)?[\s(\[]*", between))


def _stated_change_pairs(table: FactTable) -> set[tuple[int, int]]:
    """(old, new) fact index pairs of the changes sentences state in one clause ("X, up from Y")."""
    from numlint.changes import stated_changes

    out = set()
    for si in sorted({f.sentence_index for f in table.facts}):
        for ch in stated_changes(list(table.in_sentence(si))):
            if ch.old is not ch.new:
                out.add((min(ch.old.index, ch.new.index), max(ch.old.index, ch.new.index)))
    return out


def _headline_confirmed(table: FactTable, synonyms, tolerance: float) -> set[int]:
    """Body facts that restate a headline figure (same metric, same value): the story's key figure."""
    out: set[int] = set()
    for facts in table.buckets(synonyms).values():
        heads = [f for f in facts if f.in_heading][:MAX_HEADLINE_FACTS]  # a 1 MB one-line "headline" stays linear
        for h in heads:
            for f in facts:
                if not f.in_heading and table.compared(h, f, tolerance).verdict in ("same", "drift"):
                    out.add(f.index)
    return out


def _conversions(table: FactTable) -> set[int]:
    """Facts restated in another unit beside them: each such mention already gives both units."""
    out = set()
    for a, b in zip(table.facts, table.facts[1:]):
        if a.unit != b.unit and _side_by_side(a, b):
            out.update((a.index, b.index))
    # "one trillion won ($960m; £499m)": the whole chain is one amount
    return out


def _out_of_line(x: Fact, y: Fact, agree: dict[int, int]) -> tuple[Fact, Fact]:
    ax, ay = agree.get(x.index, 0), agree.get(y.index, 0)
    if ax != ay:
        return (x, y) if ax < ay else (y, x)
    return (x, y) if x.index > y.index else (y, x)


def _hit(mode: str, out: Fact, ref: Fact, marker: str | None) -> Hit:
    values = {
        "value": _fmt(out),
        "other": _fmt(ref),
        "metric": _metric_name(out, ref),
        "other_line": "the headline" if ref.in_heading else f"line {ref.line}",
        "marker": marker or "",
    }
    severity = None
    if mode == "scale":
        ratio = max(out.q.value or 0, ref.q.value or 0) / max(min(out.q.value or 1, ref.q.value or 1), 1e-12)
        values["ratio"] = _ratio_name(ratio)
    if mode == "change":
        old, new = (out, ref) if _is_old(out, ref) else (ref, out)
        values.update(old=_fmt(old), new=_fmt(new))
    if mode == "conflict":
        if (out.source and ref.source and out.source != ref.source) or (
                out.time and ref.time and out.time != ref.time):
            severity = "warning"
    return Hit(mention=out.q, related=((ref.q, ref.note()),), values=values, severity=severity)


def _ratio_name(ratio: float) -> str:
    for r, name in ((1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if ratio >= r / 2:
            return name
    return f"{ratio:g}"


_PAST = re.compile(r"\b(?:ago|earlier|before|previously|previous|initially|originally|had been|had|"
                   r"last (?:week|month|year))\b", re.I)


def _is_old(x: Fact, y: Fact) -> bool:
    """Whether x is the earlier value: it follows "from", or its sentence looks back in time."""
    if re.search(r"\bfrom\b[^,;]*$", x.left[-60:]):
        return True
    if re.search(r"\bfrom\b[^,;]*$", y.left[-60:]):
        return False
    if x.sentence_index != y.sentence_index:
        px, py = bool(_PAST.search(x.sentence)), bool(_PAST.search(y.sentence))
        if px != py:
            return px
    return x.index < y.index
