"""Which mentions state the same fact: candidate pairs by evidence, and the same-fact score.

A figure restated later in a story is rarely restated with the same noun: writers reword the noun and
keep the figure ("Profits rose to £5m" ... "the £5m profit"; "output of 12.4 mln bpd" ... "producing
12.4 mln bpd"). So pairs are not formed inside buckets of an inferred head noun. Any two mentions whose
kinds and units could be one quantity are a candidate pair (counts with counts, money in any currency,
measures of one dimension, percentages with percentages), bounded per mention so the work stays
linear; what the text says about the two mentions is then weighed as evidence that they state one
fact. A missing or wrong metric weakens a pair; it never removes it.

The evidence (``pair_features``) is read from the text around the two mentions only, never from how
their values relate: the metric head and modifiers when known, the content words on each side of
each mention, names (owners), times, headline against body, a definite back-reference ("the 450
jobs"), list and contrast structure, distance, how distinctive the written figure is. A small logistic
model (``same_fact_model.json``, learnt by ``bench/train_same_fact.py`` on the dev half of the news
corpora, self-supervised: a figure restated with the same value is a pair that states one fact; two
different values in clean edited copy almost never do) turns the evidence into the probability that
the two mentions state one fact. The rules decide what to report from that probability and from the
value relation (``compare``), which is kept apart.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from numlint import units, vocabularies
from numlint.facts.compare import compare
from numlint.facts.fact import (
    Fact,
    is_definite,
    is_subset,
    is_tabular,
    kept_with,
    looks_like_year,
    names_a_group,
    small_count,
)
from numlint.facts.words import singular, stem_words, written_forms
from numlint.lang.lazyre import LazyPattern
from numlint.lang.stopwords import VAGUE_HEADS

# Each mention is paired with at most this many earlier compatible mentions nearest to it, plus
# earlier mentions of its metric key, plus earlier mentions written with the same digits, plus the
# headline's figures: linear in the number of mentions whatever the document's length.
NEAREST = 12
SAME_KEY = 8
SAME_DIGITS = 6
HEADLINE = 8

# "But in Japan, ...": a sentence that sets a different case beside the one before.
_CONTRAST = LazyPattern(r"\s*[\"“]?(?:but|however|while|whereas|meanwhile|by contrast|in contrast|"
                        r"elsewhere|instead|unlike|compared)\b", re.I)
# "The other floating-rate class", "a second tranche": a second item of a list. "Any other service",
# "every other bank", "no other firm" name everything else, to compare with, not a second item.
_ANOTHER = LazyPattern(r"\b(?<!any )(?<!every )(?<!no )"
                       r"(?:other|another|second|third|remaining|rest of the|latter|former)\b", re.I)
# "$40m (or $25m, or $10m)", "12 and 18 respectively", "while the other ...": alternatives and lists.
_ALTERNATIVE = LazyPattern(r"(?:^|[\s(,;])(?:or|respectively|while|whereas|versus|vs\.?|compared with|against)"
                           r"(?=[\s,;)]|$)", re.I)
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_QUOTES_OPEN = "\"“"
_QUOTES_CLOSE = "\"”"


# ---------------------------------------------------------------------------------------------
# What one mention brings to a pair (worked out once per mention, not once per pair)


class _Kept:
    """What the readers marked ``@_per_mention`` worked out for one mention, one slot each (kept
    with the fact by ``kept_with``, not as more keys in the fact's own dict)."""

    __slots__ = ("local_words", "anchors", "names_an_event", "written_digits", "distinctive", "in_quote")


def _per_mention(read):
    """``read(fact)`` worked out on first use and kept with the fact (as ``Fact.span`` keeps its
    intervals): a mention is in up to 34 candidate pairs, and each pair asks again."""
    name = read.__name__
    slot = getattr(_Kept, name)   # the slot's descriptor: read and set without getattr by name

    @functools.wraps(read)
    def kept(f: Fact):
        record = kept_with(f, _Kept)
        try:
            return slot.__get__(record)
        except AttributeError:
            value = read(f)
            slot.__set__(record, value)
            return value

    return kept


def _window(left: str, right: str) -> str:
    """The few words either side of a mention."""
    return " ".join(left[-70:].split()[-7:]) + " " + " ".join(right[:70].split()[:7])


def _window_words(left: str, right: str) -> frozenset[str]:
    """Content words within a few words either side of a mention, stemmed ("exports", "exported")."""
    return frozenset(stem_words(_window(left, right)))


@_per_mention
def local_words(f: Fact) -> frozenset[str]:
    return _window_words(f.left, f.right)


def _anchors(left: str, right: str) -> tuple[str | None, str | None]:
    before = stem_words(" ".join(left[-40:].split()[-3:]))
    after = stem_words(" ".join(right[:40].split()[:3]))
    return (before[-1] if before else None, after[0] if after else None)


@_per_mention
def anchors(f: Fact) -> tuple[str | None, str | None]:
    """The content words right before and right after a mention ("supply [30,000] vehicles"): what a
    restatement most often keeps, whatever metric was inferred."""
    return _anchors(f.left, f.right)


_BEFORE_NOUN_USE = LazyPattern(r"(?:\bthe|['’]s)\s+$", re.I)
_NO_NOUN_AFTER = LazyPattern(r"^\s*(?:$|[,.;:!?)]|(?:at|in|on|for|and|or|final|title|race|event|record|"
                             r"heat|semi-final|champion|gold|silver|bronze)\b)", re.I)


_RACE_UNITS = frozenset({"meter", "kilometer", "yard", "mile"})
_EVENT_AFTER = LazyPattern(r"^\s*(?:hurdles|relay|freestyle|breaststroke|backstroke|butterfly|medley|steeplechase|"
                           r"final|semi-final|heats?|title|race|event|record|champions?|championships?|gold|silver|"
                           r"bronze|personal best|season'?s best|world record|win|victory)\b", re.I)
_CHAMPIONSHIP_BEFORE = LazyPattern(r"\b(?:olympic|world|european|commonwealth|indoor|outdoor)\s+$", re.I)


@_per_mention
def names_an_event(f: Fact) -> bool:
    """A measure written as a noun: "the men's 3,000m", "run the 1,500m at the world championships",
    "the 100m final": the name of an event, not a distance measured. A duration never names one
    ("the soldier's 343 days on the front line")."""
    if f.q.kind != "measure" or units.is_duration(f.unit):
        return False
    if _BEFORE_NOUN_USE.search(f.left[-12:]) and _NO_NOUN_AFTER.match(f.right):
        return True
    # "the Olympic 5,000m champion", "world 400m hurdles", "his 100m personal best": a distance of a race
    # named by what follows it or by the championship before it
    return f.unit in _RACE_UNITS and bool(_EVENT_AFTER.match(f.right) or _CHAMPIONSHIP_BEFORE.search(f.left[-24:]))


def significant(digits: str | None) -> int:
    """How many significant digits a number written with these digits has: "1.25" 3, "30000" 1, "42" 2."""
    return len((digits or "").replace(".", "").strip("0"))


def significant_digits(f: Fact) -> int:
    """How many significant digits the figure is written with (``significant`` of its digits)."""
    return significant(written_digits(f))


@_per_mention
def written_digits(f: Fact) -> str | None:
    """The digits as written, without thousands separators: "£5m" and "£5bn" share "5"."""
    m = _DIGITS.search(f.q.text)
    return m.group().replace(",", "") if m else None


@_per_mention
def distinctive(f: Fact) -> bool:
    """A figure that rarely repeats by chance: a scale word, decimals, or three significant digits."""
    multiplier, decimals = f.scale
    if multiplier != 1.0 or decimals:
        return True
    return significant_digits(f) >= 3


def rare_number(f: Fact) -> bool:
    """A written number that two unrelated facts seldom share: three or more digits, the first not
    zero, at least two of them significant ("960", "19.60", "151"; not "40", "0.5" or "3,000")."""
    digits = (written_digits(f) or "").replace(".", "")
    return len(digits) >= 3 and not digits.startswith("0") and significant(digits) >= 2


@_per_mention
def in_quote(f: Fact) -> bool:
    """Whether the mention sits inside quotation marks in its sentence (a quote, not the narrative)."""
    left = f.left
    straight = left.count('"')
    return straight % 2 == 1 or left.count("“") > left.count("”")


def compatible(a: Fact, b: Fact) -> bool:
    """Whether two mentions could be one quantity: kinds and units that compare, and no per-what or
    direction of change that rules it out. A per-what or a change read on one mention only is
    evidence against (``per_differ``, ``change_differ``), not a bar: "$100" and "$163 a barrel",
    "sales rose 2.6%" and "the 2.6% rise" are often one figure written twice."""
    if a.q.change and b.q.change and a.q.change != b.q.change:
        return False
    if a.per and b.per and a.per != b.per:
        return False
    ka, kb = a.q.kind, b.q.kind
    if ka != kb:
        return False
    ua, ub = a.unit, b.unit
    if ka == "money":
        return units.is_currency(ua) and units.is_currency(ub)
    if ka == "measure":
        return ua == ub or (bool(ua) and bool(ub) and units.same_dimension(ua, ub))
    if ka == "count":
        return not ua and not ub or ua == ub
    return ua == ub


def _excluded(f: Fact) -> bool:
    """Mentions never compared with another: table rows, years read as counts, "the two countries",
    and figures that are names ("the men's 3,000m"): labels, restated by design, never a value."""
    return is_tabular(f) or looks_like_year(f) or names_a_group(f) or names_an_event(f) or _a_year_in_years(f)


_YEAR_IN_YEARS = LazyPattern(r"(?:19|20)\d\d[\s-]+years?\b", re.I)


def _a_year_in_years(f: Fact) -> bool:
    """"the 1988 year", "the 2004-year budget": a calendar year read as a duration in years."""
    return f.unit == "year" and bool(_YEAR_IN_YEARS.fullmatch(f.q.text.strip()))


def _take(b: Fact, candidates: Iterable[Fact], limit: int, seen: set[int], picks: list[Fact]) -> None:
    """Add to ``picks`` up to ``limit`` of ``candidates`` that could be one quantity with ``b``."""
    n = 0
    for a in candidates:
        if n >= limit:
            break
        if a.index in seen or (a.sentence_index == b.sentence_index and a.q.start == b.q.start):
            continue
        if compatible(a, b):
            seen.add(a.index)
            picks.append(a)
            n += 1


def candidate_pairs(facts: Iterable[Fact], key_of) -> Iterator[tuple[Fact, Fact]]:
    """Pairs (a, b), a before b, of mentions that could be one quantity (see the module docstring).

    ``key_of(fact)`` is the fact's metric key with synonyms merged (None when unknown)."""
    earlier: list[Fact] = []
    by_key: dict[str, list[Fact]] = {}
    by_digits: dict[str, list[Fact]] = {}
    headline: list[Fact] = []
    for b in facts:
        if _excluded(b):
            continue
        seen: set[int] = set()
        picks: list[Fact] = []
        # the nearest earlier mentions; the scan is bounded so a run of incompatible figures stays linear
        _take(b, reversed(earlier[-4 * NEAREST:]), NEAREST, seen, picks)
        key = key_of(b)
        if key:
            _take(b, reversed(by_key.get(key, ())), SAME_KEY, seen, picks)
        digits = written_digits(b)
        if digits:
            _take(b, reversed(by_digits.get(digits, ())), SAME_DIGITS, seen, picks)
        _take(b, headline, HEADLINE, seen, picks)
        for a in sorted(picks, key=lambda f: f.index):
            yield a, b
        earlier.append(b)
        if key:
            by_key.setdefault(key, []).append(b)
        if digits:
            by_digits.setdefault(digits, []).append(b)
        if b.in_heading and len(headline) < HEADLINE:
            headline.append(b)


# ---------------------------------------------------------------------------------------------
# The evidence of a pair


FEATURES = (
    "key_same", "key_differ", "key_vague", "modifiers_shared", "modifiers_differ",
    "local_overlap", "local_shared", "local_disjoint", "anchor_before", "anchor_after", "sentence_overlap",
    "owner_same", "owner_differ", "time_same", "time_differ", "source_differ", "base_same", "base_differ",
    "headline_body", "headline_lead", "definite_later", "distance",
    "contrast_later", "another_later", "subset_either", "alternative", "crowded", "small_counts",
    "distinctive", "diversity", "marker_near", "quote_differ", "approx_either", "change_differ", "per_differ",
    "duration", "age", "kind_money", "kind_percent", "kind_measure",
)
# How the two values relate: kept apart from the evidence of the text, and added to it in the model.
VALUE_FEATURES = (
    "transposed", "one_digit", "ratio_small", "ratio_mid", "ratio_large", "ratio_huge",
    "slip_scale", "slip_currency", "slip_unit", "currency_differ", "unit_differ",
)
ALL_FEATURES = FEATURES + VALUE_FEATURES

# How each feature reads in a finding's message when it is what made the pair look like one fact.
REASONS = {
    "key_same": "both count {metric}",
    "modifiers_shared": "the same description",
    "local_overlap": "the same words around both",
    "local_shared": "shared words around both ({shared})",
    "anchor_before": "the same word before both",
    "anchor_after": "the same word after both",
    "sentence_overlap": "sentences that share their words",
    "owner_same": "the same name nearby",
    "time_same": "the same time",
    "base_same": "the same base",
    "headline_body": "the headline's figure, restated in the body",
    "headline_lead": "the headline's figure, restated in the first paragraph",
    "definite_later": "the later one points back (\"the ...\")",
    "distinctive": "a figure that rarely repeats by chance",
}


@dataclass(frozen=True)
class Context:
    """What the features of a pair need from the document beyond the two mentions."""

    key_of: object                  # fact -> metric key with synonyms merged
    markers: frozenset[int] = frozenset()   # fact indexes with a change marker in their clause
    diversity: dict | None = None   # metric key -> distinct values among the document's mentions
    crowded: frozenset[int] = frozenset()   # sentence indexes holding three or more figures of one kind


def pair_features(a: Fact, b: Fact, ctx: Context) -> dict[str, float]:
    """The evidence that mentions a (earlier) and b (later) state one fact, read from the text."""
    f: dict[str, float] = {}
    ka, kb = ctx.key_of(a), ctx.key_of(b)
    if ka and kb:
        if ka == kb:
            f["key_same"] = 1.0
            if ka in VAGUE_HEADS:
                f["key_vague"] = 1.0
        else:
            f["key_differ"] = 1.0
    if a.modifiers and b.modifiers:
        f["modifiers_shared" if a.modifiers & b.modifiers else "modifiers_differ"] = 1.0
    la, lb = local_words(a), local_words(b)
    if la and lb:
        shared = la & lb
        f["local_overlap"] = len(shared) / len(la | lb)
        if shared:
            f["local_shared"] = min(len(shared), 3) / 3
        else:
            f["local_disjoint"] = 1.0
    _anchor_features(a, b, f)
    wa, wb = a.words, b.words
    if wa and wb:
        f["sentence_overlap"] = len(wa & wb) / len(wa | wb)
    if a.owner and b.owner:
        f["owner_same" if a.owner & b.owner else "owner_differ"] = 1.0
    if a.time and b.time:
        f["time_same" if a.time == b.time else "time_differ"] = 1.0
    if a.source and b.source and a.source != b.source:
        f["source_differ"] = 1.0
    if a.base and b.base:
        f["base_same" if a.base == b.base else "base_differ"] = 1.0
    if a.in_heading != b.in_heading:
        f["headline_body"] = 1.0
        head, body = (a, b) if a.in_heading else (b, a)
        if body.sentence_index <= head.sentence_index + 2:
            f["headline_lead"] = 1.0
    if is_definite(b):
        f["definite_later"] = 1.0
    gap = abs(b.sentence_index - a.sentence_index)
    f["distance"] = min(math.log1p(gap) / math.log(40), 1.0)
    if _CONTRAST.match(b.sentence):
        f["contrast_later"] = 1.0
    if _ANOTHER.search(b.left[-40:]):
        f["another_later"] = 1.0
    if is_subset(a) or is_subset(b):
        f["subset_either"] = 1.0
    if _alternative(a, b):
        f["alternative"] = 1.0
    if a.sentence_index in ctx.crowded or b.sentence_index in ctx.crowded:
        f["crowded"] = 1.0
    if small_count(a) and small_count(b):
        f["small_counts"] = 1.0
    if distinctive(a):
        f["distinctive"] = 1.0
    if ctx.diversity is not None and ka:
        f["diversity"] = min(math.log1p(max(ctx.diversity.get(ka, 1) - 1, 0)) / math.log(10), 1.0)
    if a.index in ctx.markers or b.index in ctx.markers:
        f["marker_near"] = 1.0
    if in_quote(a) != in_quote(b):
        f["quote_differ"] = 1.0
    if a.q.approx != "=" or b.q.approx != "=":
        f["approx_either"] = 1.0
    if bool(a.q.change) != bool(b.q.change):
        f["change_differ"] = 1.0
    if bool(a.per) != bool(b.per):
        f["per_differ"] = 1.0
    if units.is_duration(a.unit) or units.is_duration(b.unit):
        f["duration"] = 1.0
    if ka == "age" or kb == "age":
        f["age"] = 1.0
    kind = a.q.kind
    if kind in ("money", "percent", "measure"):
        f[f"kind_{kind}"] = 1.0
    return f


def value_features(a_digits: str | None, a_value: float, b_digits: str | None, b_value: float,
                   a_unit: str, b_unit: str, a_multiplier: float, b_multiplier: float) -> dict[str, float]:
    """How two values relate, as written: a slipped scale word, currency or unit on the same digits,
    two digits swapped, one digit changed, or how far apart they are."""
    f: dict[str, float] = {}
    currency = units.is_currency(a_unit) and units.is_currency(b_unit)
    unit_differs = a_unit != b_unit and (
        not currency or units.major_currency(a_unit.split("/")[0].strip())
        != units.major_currency(b_unit.split("/")[0].strip()))
    # One slip at a time: "150 mln dlrs" and "150 pesos" differ in scale word and currency, two things.
    same_digits = a_digits is not None and a_digits == b_digits and not (unit_differs and a_multiplier != b_multiplier)
    if same_digits:
        if unit_differs:
            f["slip_currency" if currency else "slip_unit"] = 1.0
        elif a_multiplier != b_multiplier:
            f["slip_scale"] = 1.0
        return f
    if unit_differs:
        f["currency_differ" if currency else "unit_differ"] = 1.0
        return f
    da, db = (a_digits or "").replace(".", ""), (b_digits or "").replace(".", "")
    if da and len(da) == len(db) and da != db:
        # Two neighbouring digits typed in the wrong order, or one digit changed: what a typing slip
        # looks like.
        differ = [i for i, (x, y) in enumerate(zip(da, db, strict=True)) if x != y]
        if len(differ) == 2 and differ[1] == differ[0] + 1 and da[differ[0]] == db[differ[1]] \
                and da[differ[1]] == db[differ[0]]:
            f["transposed"] = 1.0
        elif len(differ) == 1 and significant(da) >= 3 and significant(db) >= 3:
            # Only on three or more significant digits: two round figures of one or two ("20%" and
            # "30%", "25" and "29") differ in one digit whenever they differ at all.
            f["one_digit"] = 1.0
    lo, hi = sorted((abs(a_value), abs(b_value)))
    ratio = hi / lo if lo > 0 else math.inf
    f["ratio_small" if ratio < 1.5 else "ratio_mid" if ratio < 3 else "ratio_large" if ratio < 10
      else "ratio_huge"] = 1.0
    return f


def pair_value_features(a: Fact, b: Fact) -> dict[str, float]:
    """``value_features`` of two mentions (a point each; a range is compared by its low bound)."""
    va = a.q.value if a.q.value is not None else a.q.bounds[0]
    vb = b.q.value if b.q.value is not None else b.q.bounds[0]
    return value_features(written_digits(a), va, written_digits(b), vb, a.unit, b.unit, a.scale[0], b.scale[0])


def _anchor_features(a: Fact, b: Fact, f: dict[str, float]) -> None:
    """The same word right before both mentions, or right after both ("supply [30,000] vehicles")."""
    (ba, aa), (bb, ab) = anchors(a), anchors(b)
    if ba and ba == bb:
        f["anchor_before"] = 1.0
    if aa and aa == ab:
        f["anchor_after"] = 1.0


def tie_features(a: Fact, b: Fact, ctx: Context) -> dict[str, float]:
    """Only the features of ``TIES`` (what ``restates`` reads), for a pair whose values agree."""
    f: dict[str, float] = {}
    ka = ctx.key_of(a)
    if ka and ka == ctx.key_of(b):
        f["key_same"] = 1.0
    if a.in_heading != b.in_heading:
        f["headline_body"] = 1.0
    if is_definite(b):
        f["definite_later"] = 1.0
    _anchor_features(a, b, f)
    if not f and local_words(a) & local_words(b):
        f["local_shared"] = 1.0
    return f


def _alternative(a: Fact, b: Fact) -> bool:
    """An "or", "respectively", "while" or "versus" beside either mention, or between the two."""
    if a.sentence_index == b.sentence_index:
        between = a.sentence[len(a.left) + (a.end - a.start):len(b.left)]
        if _ALTERNATIVE.search(between):
            return True
    for f in (a, b):
        if _ALTERNATIVE.search(f.left[-12:]) or _ALTERNATIVE.search(f.right[:14]):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# The model


@dataclass(frozen=True)
class SameFactModel:
    """A logistic model over ``FEATURES``: the probability that two mentions state one fact."""

    bias: float
    weights: dict[str, float]
    trained_on: str = ""

    def probability(self, features: dict[str, float]) -> float:
        """How likely the pair is a figure stated twice with one side gone wrong: the evidence of the
        text and the value relation together (what NL101, NL201 and NL202 report on)."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def same_fact(self, features: dict[str, float]) -> float:
        """How likely the two mentions state one fact on the evidence of the text alone: the value
        relation and the change markers left out, since an explained change (NL102) or a second
        rounding (NL103) is one fact whatever its values and whatever explains them."""
        text_only = {k: v for k, v in features.items() if k not in VALUE_FEATURES and k != "marker_near"}
        return self.probability(text_only)

    def slip_probability(self, features: dict[str, float]) -> float:
        """``probability`` for a slip (the same written number under two scale words, currencies or
        units): a change marker explains a value that moved, never digits kept under another scale
        word or currency ("imports of 1.8 billion dlrs against 1.1 billion" ... "1.8 billion stg")."""
        return self.probability({k: v for k, v in features.items() if k != "marker_near"})

    def reasons(self, features: dict[str, float], a: Fact, b: Fact, ctx: Context, limit: int = 3) -> list[str]:
        """The evidence that most raised the probability, in words, strongest first."""
        contributions = sorted(((self.weights.get(k, 0.0) * v, k) for k, v in features.items()), reverse=True)
        out = []
        for weight, name in contributions:
            if weight <= 0 or name not in REASONS:
                continue
            forms = written_forms(_window(a.left, a.right))
            shared = ", ".join(forms.get(w, w) for w in sorted(local_words(a) & local_words(b))[:3])
            out.append(REASONS[name].format(metric=ctx.key_of(a) or "", shared=shared))
            if len(out) >= limit:
                break
        return out


MODEL_FILE = "same_fact_model.json"


@functools.lru_cache(maxsize=1)
def load_model() -> SameFactModel:
    """The shipped weights (``numlint/facts/same_fact_model.json``)."""
    # Read beside this module, not through importlib.resources, whose import pulls in tempfile,
    # shutil and zipfile on every cold start (numlint is installed as files, as the rule TOML is read).
    data = json.loads(Path(__file__).with_name(MODEL_FILE).read_text(encoding="utf-8"))
    unknown = set(data["weights"]) - set(ALL_FEATURES)
    if unknown:
        raise ValueError(f"{MODEL_FILE}: weights for unknown features {sorted(unknown)}")
    return SameFactModel(bias=float(data["bias"]), weights={k: float(v) for k, v in data["weights"].items()},
                         trained_on=data.get("trained_on", ""))


def describe_model(model: SameFactModel | None = None) -> str:
    """How a pair is scored, for ``numlint explain``: each feature's weight, strongest first."""
    model = model or load_model()
    lines = [f"bias {model.bias:+.2f}"]
    for name, w in sorted(model.weights.items(), key=lambda kv: -abs(kv[1])):
        lines.append(f"{name:18} {w:+.2f}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Document-level context


def document_context(facts: tuple[Fact, ...], key_of, marked: frozenset[int] = frozenset()) -> Context:
    """The per-document part of the evidence: metric diversity and crowded sentences."""
    values: dict[str, set[float]] = {}
    per_sentence: dict[tuple[int, str], int] = {}
    for f in facts:
        key = key_of(f)
        v = f.q.value if f.q.value is not None else f.q.low
        if key and v is not None:
            values.setdefault(key, set()).add(float(f"{v:.3g}"))
        slot = (f.sentence_index, f.q.kind)
        per_sentence[slot] = per_sentence.get(slot, 0) + 1
    crowded = frozenset(si for (si, _), n in per_sentence.items() if n >= 3)
    return Context(key_of=key_of, markers=marked, diversity={k: len(v) for k, v in values.items()},
                   crowded=crowded)


def synonym_keys(synonyms: Iterable[str]) -> dict[str, str]:
    """Metric synonym lines ("troop soldier") as a map from each key to the line's first word."""
    alias: dict[str, str] = {}
    for line in synonyms:
        words = [singular(w) for w in re.split(r"[\s,=]+", line) if w]
        for w in words[1:]:
            alias[w] = words[0]
    return alias


def same_written_number(a: Fact, b: Fact) -> bool:
    """"£5m" and "£5bn", "$1.8bn" and "£1.8bn", "10 km" and "10 miles": the same number as written
    (digits and decimals), whatever scale word, currency or unit follows it."""
    da, db = written_digits(a), written_digits(b)
    return da is not None and da == db and a.q.value is not None and b.q.value is not None


# Parts are looked for among at most this many figures of a sentence (subsets of 2 to 4 of them).
MAX_PARTS = 6


def part_of_total(total: Fact, part: Fact, table) -> bool:
    """Whether ``part`` and other figures of its sentence add up to ``total``: "buy 12 jets from one
    maker and 18 from the other" and "30 jets"; "sales of $11.2bn, the other $9.8bn" and "$21bn"."""
    if total.q.value is None or part.q.value is None:
        return False
    pool = [f for f in table.in_sentence(part.sentence_index)
            if f.index != total.index and f.q.value is not None and f.q.value > 0 and compatible(f, part)]
    if part not in pool or len(pool) < 2:
        return False
    pool = sorted(pool, key=lambda f: abs(f.index - part.index))[:MAX_PARTS]
    others = [f for f in pool if f.index != part.index]
    slack = total.half + part.half
    from itertools import combinations

    for size in range(1, min(3, len(others)) + 1):
        for combo in combinations(others, size):
            s = part.q.value + sum(f.q.value for f in combo)
            if abs(s - total.q.value) <= slack + sum(f.half for f in combo):
                return True
    return False


@functools.lru_cache(maxsize=64)
def _marker_re(markers: tuple[str, ...]) -> re.Pattern:
    # one alternation, longest first, so "up from" wins over "up"
    words = sorted((m.lower() for m in markers), key=len, reverse=True)
    # A marker that qualifies a verb of telling ("as previously announced", "the originally reported
    # deal") dates the announcement, not the value: the figure is being restated, not revised.
    return re.compile(r"(?<![a-z])(?:" + "|".join(map(re.escape, words)) + r")(?![a-z])"
                      r"(?!\s+(?:announced|reported|disclosed|stated|said|published)\b)")


def find_marker(text: str, markers) -> str | None:
    """The first word of ``markers`` (a change-marker vocabulary: "up from", "revised") in a text."""
    if not markers:
        return None
    m = _marker_re(tuple(markers)).search(text.lower())
    return m.group() if m else None


@dataclass(frozen=True)
class Found:
    """The candidate pairs of a document with their comparison and evidence, and the context."""

    pairs: Iterator[tuple]  # (a, b, Comparison, features), a before b, verdict not None; one pass
    context: Context
    markers: dict           # fact index -> the change markers in its clause, nearest first


# Markers that say how a figure came about ("profits rose to £5m"): they explain a later, different
# value only when they stand by that later mention.
CHANGE_VERBS = frozenset(vocabularies.get("change_verbs"))


# Markers that compare two figures of one sentence ("10,000, up from 3,000", "54 mln against 36 mln"):
# they never explain a figure elsewhere.
COMPARISON_MARKERS = frozenset(vocabularies.get("in_sentence_markers"))


TIES = ("key_same", "local_shared", "anchor_before", "anchor_after", "headline_body", "definite_later")


def restates(features: dict[str, float]) -> bool:
    """Whether the text ties two mentions together (one metric, shared words around them, the same
    word beside both, headline and body, a back-reference): with one value, a restatement that
    confirms the figure; with the same digits slipped, what makes the slip one figure's and not a
    coincidence of two facts ("a profit of £5bn" ... "was paid £5m")."""
    return any(k in features for k in TIES)


_COMPOUND_AFTER = LazyPattern(r"-[A-Za-z]")


def slip_is_one_figure(a: Fact, b: Fact, features: dict[str, float]) -> bool:
    """Whether the same written number under two scale words, currencies or units (``features``
    holds the pair's evidence) is one figure gone wrong, not two facts that share a number.

    A number two unrelated facts seldom share ("960", "19.60") is one figure's; any other needs the
    text to tie the two mentions. But a price per unit and a total a thousand or a million times
    apart ("50 dlrs per share", "50 mln dlrs") are two facts whatever their words: a restatement
    drops a per-what ("$100" for "$100 a barrel"), never the scale word with it, unless the per-what
    is a rate in time ("50 mln dlrs a year"). A figure joined to its noun by a hyphen ("the EU's
    27-member bloc") can carry no scale word, so it has none to slip. And one common number of two
    spans of time ("the coming 12 months", "the highest in 12 years") is two spans: a story gives
    spans in many units."""
    if "slip_scale" in features and a.per != b.per and not all(units.is_duration(p) for p in (a.per, b.per) if p):
        return False
    if "slip_scale" in features and (_COMPOUND_AFTER.match(a.right) or _COMPOUND_AFTER.match(b.right)):
        return False
    if "slip_unit" in features and units.is_duration(a.unit) and units.is_duration(b.unit) and not rare_number(a):
        return False
    if rare_number(a):
        return True
    return restates(features)


# A change marker belongs to a mention when it sits in the mention's clause with no other figure
# between them: in "a profit of $54m, compared with $36m" the marker explains $36m (the old value), and
# says nothing about $54m against a figure elsewhere.
_CLAUSE_BREAK = re.compile(r"[;:]|\bbut\b|\bwhile\b|\bwhereas\b", re.I)


def markers_near(f: Fact, markers) -> tuple[str, ...]:
    """The change markers ("up from", "a year earlier", "revised", "expected") in the mention's own
    clause, with no other figure between marker and mention, nearest first."""
    if not markers:
        return ()
    pattern = _marker_re(tuple(markers))
    found: list[tuple[int, str]] = []
    left = f.left[-60:]
    cut = list(_CLAUSE_BREAK.finditer(left))
    if cut:
        left = left[cut[-1].end():]
    for m in pattern.finditer(left.lower()):
        # no figure between marker and mention, and none just before the marker, which it would
        # trail ("from £4.0bn a year earlier, beating the £4.6bn ...": the marker is £4.0bn's)
        if not _DIGITS.search(left[m.end():]) and not _DIGITS.search(left[max(0, m.start() - 12):m.start()]):
            found.append((len(left) - m.end(), m.group()))
    right = f.right[:40]
    for m in pattern.finditer(right.lower()):
        if _DIGITS.search(right[:m.start()]) or _CLAUSE_BREAK.search(right[:m.start()]):
            break
        if re.match(r"\s*(?:about\s+|some\s+|around\s+)?[$£€]?\d", right[m.end():]):
            continue  # "10,000, up from 3,000": the marker introduces the other figure
        found.append((m.start(), m.group()))
    return tuple(word for _, word in sorted(found))


@dataclass(frozen=True)
class Compared:
    """The candidate pairs of a document with their comparison only, the context, and the markers:
    the evidence of a pair is worked out by ``evidence`` when a caller needs it, since most pairs
    never reach a rule's threshold test (a restated figure, two figures of one sentence, a pair one
    rule rules out)."""

    pairs: Iterator[tuple]  # (a, b, Comparison), a before b, verdict not None; one pass
    context: Context
    markers: dict           # fact index -> the change markers in its clause, nearest first

    def evidence(self, a: Fact, b: Fact, verdict: str) -> dict[str, float]:
        """The text's evidence of the pair, with the value relation when the values differ
        (``verdict``: the ``Comparison``'s)."""
        features = pair_features(a, b, self.context)
        if verdict != "same":
            features.update(pair_value_features(a, b))
        return features

    def ties(self, a: Fact, b: Fact) -> dict[str, float]:
        """Only the evidence that ties the two mentions together (``tie_features``)."""
        return tie_features(a, b, self.context)


def compared_pairs(table, synonyms=(), markers=(), tolerance: float = 0.1) -> Compared:
    """Every candidate pair of a document whose values compare (``compare``), made as it is read."""
    alias = synonym_keys(synonyms)

    def key_of(f: Fact) -> str | None:
        return alias.get(f.key, f.key) if f.key else None

    near = {f.index: m for f in table.facts if (m := markers_near(f, markers))}
    ctx = document_context(table.facts, key_of, frozenset(near))

    def pairs() -> Iterator[tuple]:
        # Made as they are read, never all kept: a long document has hundreds of thousands of
        # candidate pairs.
        for a, b in candidate_pairs(table.facts, key_of):
            c = compare(a, b, tolerance)
            if c.verdict is not None:
                yield a, b, c

    return Compared(pairs(), ctx, near)


def survey(table, synonyms=(), markers=(), tolerance: float = 0.1, all_evidence: bool = False) -> Found:
    """Every candidate pair of a document whose values compare, with the evidence that it states
    one fact: what ``bench/train_same_fact.py`` learns from and ``left_behind`` links old mentions by.
    A pair whose values agree gets only the evidence that ties it (``tie_features``), unless
    ``all_evidence`` (the training script's restated figures)."""
    compared = compared_pairs(table, synonyms, markers, tolerance)

    def pairs() -> Iterator[tuple]:
        for a, b, c in compared.pairs:
            if c.verdict == "same" and not all_evidence:
                # a restated figure: all the rules ask of it is whether the text ties the two together
                yield a, b, c, compared.ties(a, b)
            else:
                yield a, b, c, compared.evidence(a, b, c.verdict)

    return Found(pairs(), compared.context, compared.markers)
