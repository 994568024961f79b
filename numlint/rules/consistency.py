"""One fact, two values: conflicts, stated changes, rounding drift, scale slips, unit mismatches.

The relation between two mentions that a rule reports is its kind's relation
(``kind = "consistency.conflict"``, ``change``, ``drift``, ``scale``, ``unit``, ``currency``), fixed
by the rule definition; its options and vocabularies are declared in ``KIND`` below.

Which mentions could state one fact, and how likely they are to, is the facts stage's business
(``numlint.facts.matching``): every candidate pair comes with its comparison and the probability
that the two mentions state one fact. A rule reports a pair in its relation whose probability
reaches its threshold: ``min_same_fact`` at the rule's severity, ``warn_same_fact`` one level
quieter, ``slip_same_fact`` for a slip (the same written number under two scale words, in two
currencies or in two units), and whose text alone makes them likely one fact (``text_same_fact``).
The value relation cannot stand in for that evidence: in one story, figures of two significant digits
are each other's digits swapped by chance often ("14%" and "41%", "21 years" and "12 years").

The mention reported is the one that is out of line: the value fewer mentions agree with, or, on a
tie, the later one (the reader met the first one first).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from numlint import units, vocabularies
from numlint.changes import stated_changes_by_sentence
from numlint.facts import Fact, FactTable, matching
from numlint.lang.lazyre import LazyPattern
from numlint.model import Hit
from numlint.options import Kind, Option, Relation, Vocabulary

_PROBABILITY = dict(minimum=0, maximum=1)
# Every consistency rule reads the change markers, because the evidence of a pair (numlint.facts.matching)
# is worked out once per document for all five and includes whether a marker stands by a mention.
_MARKERS = Vocabulary("change_markers", "words that explain why a value changed: \"up from\", \"revised\"",
                      default="@change_markers")
KIND = Kind(
    doc="One fact, two values: the relation between two mentions of one fact that the rule reports.",
    options=(
        Option("approx_tolerance", float, 0.1, "relative slack of \"about\", \"an estimated\"", minimum=0, maximum=1),
        Option("min_same_fact", float, 0.5, "how likely the two mentions must be to state one fact to be reported "
               "at the rule's severity", **_PROBABILITY),
        Option("warn_same_fact", float, None, "how likely, at least, to be reported as a warning (below "
               "min_same_fact); none: as min_same_fact", **_PROBABILITY),
        Option("slip_same_fact", float, None, "how likely, at least, for a slip: one written number under two "
               "scale words, currencies or units; none: as min_same_fact", **_PROBABILITY),
        Option("text_same_fact", float, 0.0, "how likely, on the text alone (how the two values relate left "
               "out), the two mentions must be to state one fact: two digits swapped or a near value make a pair "
               "that reads like one fact more suspect, never two different facts one", **_PROBABILITY),
        Option("kinds", list, ("count", "money", "measure", "percent", "ratio"), "the kinds of quantity compared",
               choices=("count", "money", "measure", "percent", "ratio")),
    ),
    vocabularies=(
        Vocabulary("metric_synonyms", "lines of words meaning one metric: \"troop soldier\""),
        Vocabulary("ignore_metrics", "metric keys that are never one figure, such as \"time\" or \"point\""),
        Vocabulary("ignore_mentions", "words around a mention that rule it out: \"year-old\", \"aged\""),
        Vocabulary("ignore_units", "units whose figures are never compared: \"year\", \"day\""),
        _MARKERS,
    ),
    relations={
        "conflict": Relation("two values that disagree, and nothing says why"),
        "change": Relation("two values that disagree where the text says why"),
        "drift": Relation("one figure rounded two ways"),
        "scale": Relation("the same digits a thousand or a million times apart"),
        "unit": Relation("one figure in two units or currencies"),
        "currency": Relation("one figure in two currencies"),
    },
)

MODES = tuple(KIND.relations)


_has_marker = matching.find_marker


def _fmt(f: Fact) -> str:
    return f.q.text.strip()


def _metric_name(a: Fact, b: Fact) -> str:
    return (a.metric or b.metric or a.key or "").strip()


def check(table: FactTable, rule) -> Iterator[Hit]:
    opts = rule.options
    mode = rule.relation
    if mode not in MODES:
        raise ValueError(f"consistency: unknown relation {mode!r}")
    tolerance = opts["approx_tolerance"]
    synonyms = tuple(rule.vocabularies.get("metric_synonyms", ()))
    markers = tuple(rule.vocabularies.get("change_markers", ()))
    ignored = {m.lower() for m in rule.vocabularies.get("ignore_metrics", ())}
    ignored_text = tuple(m.lower() for m in rule.vocabularies.get("ignore_mentions", ()))
    ignored_units = set(rule.vocabularies.get("ignore_units", ()))
    kinds = set(opts["kinds"])
    min_same = opts["min_same_fact"]
    warn_same = min_same if opts["warn_same_fact"] is None else opts["warn_same_fact"]
    # A slip (the same written number under two scale words, in two currencies or in two units that
    # do not convert into each other) is itself strong evidence of one figure: reported unless the
    # text makes the pair unlikely to be one fact.
    slip_same = min_same if opts["slip_same_fact"] is None else opts["slip_same_fact"]
    text_same = opts["text_same_fact"]

    survey = table.memo(("consistency", synonyms, markers, tolerance),
                        lambda: _survey(table, synonyms, markers, tolerance))
    changes = table.memo(("stated changes",), lambda: _stated_change_pairs(table)) if mode == "change" else set()
    ruled_out = table.memo(("consistency ruled out", frozenset(kinds), frozenset(ignored_units), ignored_text),
                           lambda: _ruled_out(table, kinds, ignored_units, ignored_text))
    partners: dict[int, list[tuple[Fact, Fact, str | None, PairView]]] = {}
    best_for_headline: dict[int, tuple[tuple, tuple[int, int]]] = {}
    weak: dict[tuple[int, int], bool] = {}
    for pair in survey.pairs:
        a, b, verdict = pair.a, pair.b, pair.verdict
        if a.index in ruled_out or b.index in ruled_out:
            continue
        if pair.key in ignored and not (a.modifiers or b.modifiers):
            continue
        if mode in ("change", "drift") and (a.index in survey.slipped or b.index in survey.slipped):
            continue  # a figure whose scale word, currency or unit slipped is NL201/NL202's finding
        if a.sentence_index == b.sentence_index:
            # Two values in one sentence are set side by side on purpose; only a change that the
            # sentence spells out between them ("10,000, up from 3,000") is worth a note.
            marker = _has_marker(_between(a, b), markers) if markers else None
            if mode != "change" or marker is None or (a.index, b.index) not in changes:
                continue
            if marker in _COMPARISONS and _of_another(b if b.start > a.start else a):
                continue  # "16% of women, compared with 30% of men": two things compared, no change
        else:
            threshold = min(min_same, warn_same)
            if pair.slip:
                threshold = slip_same
            # an explained change or a second rounding is judged as one fact on the text alone; a
            # conflict or a slip on the text and the value relation together
            score = pair.same_fact if mode in ("change", "drift") else pair.probability
            if score < threshold or (text_same and pair.same_fact < text_same):
                continue
            if verdict == "conflict" and survey.parts_and_total(a, b):
                continue  # "12 jets from one maker and 18 from the other" and "30 jets": a total
            if verdict == "conflict" and pair.names_another:
                continue  # "the other class ... 60 basis points": the text names a second item
            if verdict == "conflict" and survey.points_back_elsewhere(a, b):
                continue  # "the £412 million plan", its £412m stated before: a restatement of that
            weak[(a.index, b.index)] = score < min_same and not pair.slip
            marker = survey.marker(a, b)
        if not _wanted(mode, pair, marker):
            continue
        if a.in_heading != b.in_heading:
            # An unconfirmed headline figure conflicts with every body value of its metric; report
            # only the body mention most like it (its restatement, gone wrong).
            head, body = (a, b) if a.in_heading else (b, a)
            rank = (pair.probability, -body.index)
            if head.index not in best_for_headline or rank > best_for_headline[head.index][0]:
                best_for_headline[head.index] = (rank, (a.index, b.index))
        partners.setdefault(a.index, []).append((a, b, marker, pair))
        partners.setdefault(b.index, []).append((b, a, marker, pair))

    agree = survey.agree
    reported: set[tuple[int, int]] = set()
    flagged: set[int] = set()
    # A headline figure the body confirms is compared last: a body mention that conflicts with it
    # is better named against the body's own statement of the figure, when that pair is reported.
    first, last = [], []
    for index in sorted(partners):
        for item in partners[index]:
            this, other = item[0], item[1]
            head = this if this.in_heading else other
            confirmed = this.in_heading != other.in_heading and agree.get(head.index, 0)
            (last if confirmed else first).append(item)
    for this, other, marker, pair in first + last:
        key = (min(this.index, other.index), max(this.index, other.index))
        if key in reported:
            continue
        reported.add(key)
        if this.in_heading != other.in_heading:
            head = this if this.in_heading else other
            if best_for_headline.get(head.index, (None, key))[1] != key:
                continue
            body = other if this.in_heading else this
            confirmed_in = survey.headline_confirmed.get(head.index, ())
            if body.sentence_index in confirmed_in:
                # the headline's figure is confirmed in this sentence, beside another value: the
                # other value is another thing ("rose 1.6 billion stg after a 1.2 billion rise")
                continue
            if confirmed_in and (mode != "conflict" or pair.slip or pair.probability < min_same):
                # confirmed elsewhere in the body: the other value is another thing, unless the two
                # mentions are as surely one figure as an error needs. (A slip on the headline's
                # digits, or a change from it, is one only if the body's own statement of the
                # figure ties to it.)
                continue
        out, ref = _out_of_line(this, other, agree)
        if mode in ("conflict", "scale", "unit", "currency") and agree.get(out.index, 0):
            # The "wrong" value is stated again elsewhere: two figures for two things, each
            # repeated, not a slip. (An injected or mistyped figure is alone.)
            continue
        if out.index in flagged:
            continue  # one finding per out-of-line mention, naming its nearest conflict
        flagged.add(out.index)
        hit = _hit(mode, out, ref, marker, pair)
        if weak.get(key) and hit.severity is None and rule.severity == "error":
            hit = dataclasses.replace(hit, severity="warning")
        yield hit


class PairView:
    """One candidate pair as the consistency rules see it.

    Its evidence is read from the text only when a rule asks how likely the pair is to state one
    fact (most pairs are ruled out before that), and only the figures the rules ask for are kept,
    not the evidence itself: a long document has hundreds of thousands of pairs."""

    __slots__ = ("a", "b", "verdict", "key", "slip", "_scorer", "_probability", "_same_fact", "_names_another")

    def __init__(self, a: Fact, b: Fact, verdict: str, key: str | None, slip: bool, scorer: _Scorer,
                 features: dict | None = None):
        self.a, self.b = a, b
        self.verdict = verdict  # the Comparison's (the Comparison itself is not kept: its floats are unused)
        self.key = key          # the shared metric key, when both have one
        self.slip = slip        # the same written number under two scale words, currencies or units
        self._scorer = scorer
        self._probability = None
        if features is not None:
            self._score(features)

    def _score(self, features: dict[str, float]) -> None:
        model = self._scorer.model
        self._probability = model.slip_probability(features) if self.slip else model.probability(features)
        self._same_fact = model.same_fact(features)
        self._names_another = "another_later" in features

    def _scored(self) -> PairView:
        if self._probability is None:
            self._score(self._scorer.evidence(self))
        return self

    @property
    def probability(self) -> float:
        """That the pair is one figure stated twice, one side gone wrong (text and values together)."""
        return self._scored()._probability

    @property
    def same_fact(self) -> float:
        """That the two mentions state one fact, on the text alone (asked by NL102 and NL103 only)."""
        return self._scored()._same_fact

    @property
    def names_another(self) -> bool:
        """The later mention is named as a second item ("the other class"): the ``another_later`` evidence."""
        return self._scored()._names_another

    @property
    def reasons(self) -> tuple[str, ...]:
        """The evidence that most made the pair look like one fact, in words (for a finding's message)."""
        scorer = self._scorer
        return tuple(scorer.model.reasons(scorer.evidence(self), self.a, self.b, scorer.compared.context))


@dataclasses.dataclass(frozen=True)
class _Scorer:
    """The same-fact model and the document's evidence, shared by the pairs of one survey."""

    model: matching.SameFactModel
    compared: matching.Compared

    def evidence(self, pair: PairView) -> dict[str, float]:
        return self.compared.evidence(pair.a, pair.b, pair.verdict)


@dataclasses.dataclass
class Survey:
    """The candidate pairs of a document that a consistency rule could report, with their
    verdict, and what the five consistency rules ask of the pairs as a whole. Built once per
    document and shared.

    Left out: pairs whose values agree (counted in ``agree``), pairs that no relation reports
    (``_wanted``: two units that convert, a scale apart on other digits), pairs with a part of a compound
    amount, pairs a bracketed conversion's partner answers for, and pairs of one sentence with no
    change spelled out between them: no rule reports those, whatever its options."""

    table: FactTable
    pairs: list
    agree: dict
    compound: set               # fact indexes of the parts of compound amounts ("11 years 316 days")
    bracketed: dict             # fact index -> the unit of its conversion in brackets ("£5.5bn ($10bn)")
    markers: dict               # fact index -> the change markers in its clause
    in_sentence_changes: frozenset  # fact indexes of the changes their sentences state ("X, up from Y")
    slipped: frozenset = frozenset()  # fact indexes of the mentions of a slip pair
    # headline fact index -> the body sentences that restate its figure
    headline_confirmed: dict = dataclasses.field(default_factory=dict)
    key_of: object = None       # fact -> metric key with synonyms merged (None when unknown)
    def marker(self, a: Fact, b: Fact) -> str | None:
        """What explains two values of one figure in two sentences: a marker in one mention's clause
        that sets it at another time or status ("it has since risen to 10,000", "£400m a year
        earlier", "initially", "forecast"). Not a marker both clauses share ("slipped 11%" ...
        "slipped 19%" are two statements of one change); not a comparison word ("against", "up
        from"), which relates figures within one sentence; not a verb of change by the earlier
        mention ("profits rose to £5m" says how that figure came about, not why a later one
        differs), nor by a later one whose own sentence states that change ("dropped to 57 from 120")."""
        ma, mb = self.markers.get(a.index, ()), self.markers.get(b.index, ())
        shared = set(ma) & set(mb)
        if set(ma) & matching.CHANGE_VERBS and set(mb) & matching.CHANGE_VERBS:
            shared |= matching.CHANGE_VERBS
        for f, found in ((b, mb), (a, ma)):
            for m in found:
                if m in shared or m in matching.COMPARISON_MARKERS:
                    continue
                if m in matching.CHANGE_VERBS and (f is a or f.index in self.in_sentence_changes):
                    continue
                return m
        return None

    def reportable(self, a: Fact, b: Fact, verdict: str) -> bool:
        """Whether a relation could still report the pair of two sentences, on the agreements
        found so far (they only grow). Two figures each confirmed by a restatement elsewhere are
        two facts for a conflict, a slip or a currency (``check`` skips a pair whose out-of-line
        mention is confirmed, and every pair of a confirmed headline figure); only an explained
        change or a second rounding is still reported between them."""
        if a.sentence_index == b.sentence_index or not self.agree.get(a.index) or not self.agree.get(b.index):
            return True
        return verdict == "drift" or (verdict == "conflict" and self.marker(a, b) is not None)

    def parts_and_total(self, a: Fact, b: Fact) -> bool:
        return matching.part_of_total(a, b, self.table) or matching.part_of_total(b, a, self.table)

    def points_back_elsewhere(self, a: Fact, b: Fact) -> bool:
        """Whether the later mention b points back ("the £412 million plan") at an earlier mention
        written as b is, other than a: b restates that one (the "£412m budget", reworded), so its
        "the" says nothing about a, when a counts something else (the "£14.2m of savings"). When a
        and b count one thing ("100 mln dlrs of debt" ... "the 220 mln dlrs of debt"), b may be a
        retyped a, whatever came before."""
        if not matching.is_definite(b):
            return False
        first = self.table.memo(("first written",), lambda: _first_written(self.table))
        earlier = first.get((matching.written_digits(b), b.unit))
        if earlier is None or earlier >= b.index or earlier == a.index:
            return False
        ka, kb = self.key_of(a), self.key_of(b)
        return not (ka and kb and ka == kb)


def _first_written(table: FactTable) -> dict:
    """(written digits, unit) -> the index of the first mention written so."""
    first: dict = {}
    for f in table.facts:
        first.setdefault((matching.written_digits(f), f.unit), f.index)
    return first


def _survey(table: FactTable, synonyms, markers, tolerance: float) -> Survey:
    """Every candidate pair a consistency rule could report, compared once per document: the part
    of a consistency rule that depends neither on its mode nor on its options."""
    compared = matching.compared_pairs(table, synonyms, markers, tolerance)
    scorer = _Scorer(matching.load_model(), compared)
    key_of = compared.context.key_of
    compound, bracketed = _conversions(table)
    changes = table.memo(("stated changes",), lambda: _stated_change_pairs(table))
    survey = Survey(table, [], {}, compound, bracketed, compared.markers,
                    frozenset(i for pair in changes for i in pair), key_of=key_of)
    pairs, agree = survey.pairs, survey.agree
    slipped: set[int] = set()
    compact_at = _COMPACT_AT
    for a, b, c in compared.pairs:
        if c.verdict == "same":
            # only two points agree: "more than 750 mln" is no confirmation of "1.5 million", nor
            # "dozens" (12 to 120) or a range of "17"
            if a.q.approx in ("=", "~") and b.q.approx in ("=", "~") and a.q.value is not None \
                    and b.q.value is not None and a.sentence_index != b.sentence_index \
                    and matching.restates(compared.ties(a, b)):
                agree[a.index] = agree.get(a.index, 0) + 1
                agree[b.index] = agree.get(b.index, 0) + 1
                if a.in_heading != b.in_heading:
                    head, body = (a, b) if a.in_heading else (b, a)
                    survey.headline_confirmed.setdefault(head.index, set()).add(body.sentence_index)
            continue
        features = None
        slip = False
        values = matching.pair_value_features(a, b)
        if any(k in values for k in _SLIPS):
            features = compared.evidence(a, b, c.verdict)   # a slip is rare: its evidence is read at once
            slip = matching.slip_is_one_figure(a, b, features) and not _side_by_side(a, b) \
                and not _both_converted(a, b, bracketed)
        if slip:
            slipped.update((a.index, b.index))
        if c.verdict == "unit" or (c.verdict == "scale" and not slip):
            continue  # a conversion, or figures a thousand times apart on other digits: no relation reports them
        if a.index in compound or b.index in compound:
            continue
        if a.unit != b.unit and not slip and _partner_compares(a, b, bracketed):
            continue
        if a.sentence_index == b.sentence_index and (
                (a.index, b.index) not in changes or not markers or _has_marker(_between(a, b), markers) is None):
            continue  # two values of one sentence are reported only as the change it spells out
        if not survey.reportable(a, b, c.verdict):
            continue
        ka, kb = key_of(a), key_of(b)
        pairs.append(PairView(a, b, c.verdict, ka if ka == kb else None, slip, scorer, features))
        if len(pairs) >= compact_at:
            # the agreements found since make some kept pairs unreportable: drop them as we go, so a
            # long document of restated figures keeps a few pairs, not every pair it has
            pairs[:] = [pair for pair in pairs if survey.reportable(pair.a, pair.b, pair.verdict)]
            compact_at = max(_COMPACT_AT, 2 * len(pairs))
    pairs[:] = [pair for pair in pairs if survey.reportable(pair.a, pair.b, pair.verdict)]
    survey.slipped = frozenset(slipped)
    return survey


# Kept pairs are checked again against the agreements found so far each time their number doubles.
_COMPACT_AT = 4096


# What a slipped scale word, currency or unit on the same written number looks like (value features).
_SLIPS = ("slip_scale", "slip_currency", "slip_unit")


def _ruled_out(table: FactTable, kinds, ignored_units, ignored_text) -> frozenset[int]:
    """The fact indexes a rule with these options never compares: kinds it leaves out, ignored
    units, and mentions with an ignored word around them ("year-old")."""
    def ignored(f: Fact) -> bool:
        around = f.around   # made on each read: once a fact, not once an ignored word
        return any(w in around for w in ignored_text)

    return frozenset(f.index for f in table.facts
                     if f.q.kind not in kinds or f.unit in ignored_units or (ignored_text and ignored(f)))


def _wanted(mode: str, pair: PairView, marker: str | None) -> bool:
    a, b, verdict = pair.a, pair.b, pair.verdict
    if mode in ("unit", "currency", "scale") and _side_by_side(a, b):
        return False  # "9 billion yuan (US$1.3 billion)", "10 km (6 miles)": a conversion, NL203's business
    if mode == "unit":
        # a currency slip, or one written number in two units that do not convert into each other
        # ("10 km" here, "10 miles" there); a figure given in two units that agree is a conversion
        return pair.slip and verdict in ("currency", "conflict")
    if mode == "conflict":
        return verdict == "conflict" and marker is None and not pair.slip
    if mode == "change":
        return verdict == "conflict" and marker is not None and not _two_periods(a, b) \
            and not _too_far_for_one_figure(a, b)
    if mode == "scale":
        return verdict == "scale" and pair.slip
    return verdict == mode


def _two_periods(a: Fact, b: Fact) -> bool:
    """Two spans of time in two sentences: in news copy a span of time is mostly the period another
    figure covers ("the highest in 25 years", "over the past four years", "a 30-day limit"), so two of
    them are two periods, not one figure that changed. A change of one span is spelled out in its
    sentence ("cut to nine months, down from 21 months") and noted there."""
    return a.sentence_index != b.sentence_index and units.is_duration(a.unit) and units.is_duration(b.unit)


def _too_far_for_one_figure(a: Fact, b: Fact) -> bool:
    """Two values of two sentences ten or more times apart: "last year" or "expected" by one of them
    does not make "£130m" and "£2.89bn", or "one clinician" and "thousands of workers", one figure
    that changed. A change that large is spelled out in its sentence ("to £198m from £130m") and
    noted there."""
    return a.sentence_index != b.sentence_index and "ratio_huge" in matching.pair_value_features(a, b)


# Markers that set two figures side by side, as a change over time or as two things (the shared
# vocabulary side_by_side_markers).
_COMPARISONS = frozenset(vocabularies.get("side_by_side_markers"))
# After the second figure, a phrase naming what it is of, not when: "of men", "for the CSR bid", "in
# the EC", "for the U.S." (a time after it makes the pair a change: "in August", "a year earlier").
_OF_ANOTHER = LazyPattern(r"^\s*(?:[a-z]+\s+)?(?:of|for|in|among|at)\s+(?:the\s+)?(?:[A-Z]|[a-z]+\b)")


def _of_another(second: Fact) -> bool:
    """Whether the second figure of a comparison is of another thing than the first, not of another
    time: a phrase of what it is of follows it, and no time is read for it."""
    return second.time is None and _OF_ANOTHER.match(second.right) is not None


def _between(a: Fact, b: Fact) -> str:
    first, second = (a, b) if a.start < b.start else (b, a)
    return first.sentence[len(first.left) + (first.end - first.start):len(second.left)]


def _side_by_side(a: Fact, b: Fact) -> bool:
    """b restates a in another unit right next to it: "(...)", "or", "about", "-"."""
    if a.sentence_index != b.sentence_index:
        return False
    between = _between(a, b)
    return len(between) <= 12 and bool(re.fullmatch(r"[\s(\[,;/–—-]*(?:or|about|around|some|roughly|nearly|"
                                                    r"approximately|equivalent to|worth|US|\$)?[\s(\[]*", between))


def _stated_change_pairs(table: FactTable) -> set[tuple[int, int]]:
    """(old, new) fact index pairs of the changes sentences state in one clause ("X, up from Y")."""
    out = set()
    for changes in stated_changes_by_sentence(table).values():
        for ch in changes:
            if ch.old is not ch.new:
                out.add((min(ch.old.index, ch.new.index), max(ch.old.index, ch.new.index)))
    return out


def _conversions(table: FactTable) -> tuple[set[int], dict[int, str]]:
    """(compound, bracketed) for the facts joined to a neighbour in another unit.

    ``compound``: joined without brackets ("11 years 316 days", "43 mln dlrs or 24 cts a share"),
    each part of one amount of one kind, not a figure of its own (a duration beside a sum, "for six
    months 40 mln dlrs", is two figures). ``bracketed``: a figure with its conversion in
    brackets ("£5.5bn ($10bn)"), each side mapped to its partner's unit. Both sides stay figures,
    compared with the article's other mentions (where a slipped restatement shows), but each only
    with mentions in its own unit or in neither side's: the other unit is its partner's to compare."""
    compound: set[int] = set()
    bracketed: dict[int, str] = {}
    open_head: str | None = None    # the unit of the figure whose bracket of conversions is still open
    for a, b in zip(table.facts, table.facts[1:], strict=False):
        if a.unit == b.unit or a.q.kind != b.q.kind or not _side_by_side(a, b):
            open_head = None
            continue
        between = _between(a, b)
        if "(" in between or "[" in between:
            bracketed[a.index], bracketed[b.index] = b.unit, a.unit
            open_head = a.unit
        elif open_head is not None and a.index in bracketed:
            # "1.55bn euros ($2bn; £1.1bn)": a second conversion in the same bracket
            bracketed[b.index] = open_head
        elif not (_ADJECTIVE_FIGURE.search(a.q.text) or _ADJECTIVE_FIGURE.search(b.q.text)):
            compound.update((a.index, b.index))
    return compound, bracketed


# "a 925 mln dlr nine-year loan", "a $5m 10-year bond": a figure joined to its unit by a hyphen
# describes the noun after it; it is never the second part of a compound amount.
_ADJECTIVE_FIGURE = LazyPattern(r"\w-[A-Za-z]+$")


def _both_converted(a: Fact, b: Fact, bracketed: dict[int, str]) -> bool:
    """Each mention carries its own conversion into the other's unit ("took $22.7m (£11.8m)" ...
    "took $11.8m (£6.1m)"): each is set in its unit on purpose, so one number in two units is a
    coincidence of two figures, not a slip."""
    return bracketed.get(a.index) == b.unit and bracketed.get(b.index) == a.unit


def _partner_compares(a: Fact, b: Fact, bracketed: dict[int, str]) -> bool:
    """Whether the bracket partner of a (or of b) is the one to compare with the other mention: "44C
    (111F)" against a later "35C" is the Celsius figure's pair, not the Fahrenheit one's."""
    return bracketed.get(a.index) == b.unit or bracketed.get(b.index) == a.unit


def _out_of_line(x: Fact, y: Fact, agree: dict[int, int]) -> tuple[Fact, Fact]:
    ax, ay = agree.get(x.index, 0), agree.get(y.index, 0)
    if ax != ay:
        return (x, y) if ax < ay else (y, x)
    return (x, y) if x.index > y.index else (y, x)


def _hit(mode: str, out: Fact, ref: Fact, marker: str | None, pair: PairView) -> Hit:
    values = {
        "evidence": "; ".join(pair.reasons) or "figures of one kind close together",
        "same_fact": f"{pair.probability:.2f}",
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


_PAST = LazyPattern(r"\b(?:ago|earlier|before|previously|previous|initially|originally|had been|had|"
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
