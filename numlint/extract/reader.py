"""One mention, read outwards from its core in a fixed order: amount, range, shared unit, age, filters,
approximator, change, metric. Then ``to_quantity`` turns it into the ``Quantity`` the pipeline sees."""

from __future__ import annotations

import re
from dataclasses import replace

from numlint.extract import metric
from numlint.extract.amount import read_amount
from numlint.extract.filters import filter_non_quantities
from numlint.extract.modifiers import (
    APPROX_AFTER_RE,
    CHANGE_AFTER_RE,
    approx_after,
    approx_before,
    change_before,
    change_gap,
    ends_with_word,
    tail_tokens,
)
from numlint.extract.ranges import read_or, read_range
from numlint.extract.source import LEFT, WINDOW, Mention, Source
from numlint.extract.units import read_age
from numlint.lang.change import DOWN_WORDS, UP_WORDS
from numlint.lang.lazyre import LazyPattern
from numlint.lang.measures import PREFIXED_COUNT_NOUNS
from numlint.model import Quantity

_FROM_RE = LazyPattern(r"(?i)\bfrom\s(?:about\s|some\s|around\s|up\sto\s)?$")  # "from (about) 5 to 10"
_AGE_SURFACE_RE = re.compile(r"[- ]old$")


def read_mention(src: Source, start: int, end: int, typ: str) -> Mention | None:
    """The mention whose core is text[start:end] (``typ``: "d" digits, "w" number words, "v" vague),
    or None; raises Skip for a core that is no quantity."""
    text = src.text
    first = read_amount(src, start, end, typ)
    if first is None:
        return None
    mention = Mention(start=first.start, end=first.end, low=first)
    if first.vague_high is not None:
        mention.high = replace(first, number=first.vague_high)
        mention.approx = "~"

    left = text[max(0, first.start - LEFT):first.start]
    # "between X and Y", "from X to Y" (but "rose from X to Y" is two values, a change's ends)
    tail2 = tail_tokens(left, 3) if left[-1:].isspace() else []
    between = ends_with_word(tail2, "between", ("about", "some", "around"))
    from_ = _FROM_RE.search(left[-24:]) \
        if ends_with_word(tail2, "from", ("about", "some", "around", "to")) else None
    from_is_range = False
    if from_:
        before_from = left[:len(left) - 24 + from_.start()] if len(left) > 24 else left[:from_.start()]
        before_from = before_from[-40:]
        from_is_range = change_before(before_from + " ") is None and not change_gap(before_from)
    if from_ and not from_is_range:
        mention.extra["from_change"] = True
    if mention.high is None:
        read_range(src, mention, between, from_is_range)
    read_or(src, mention)

    read_age(src, mention, left)
    # filters that need the whole mention
    filter_non_quantities(src, mention, left, between)

    # left context: approximator, change
    lead = left
    am = approx_before(lead)
    if lead.lower().endswith("sub-"):
        mention.approx = "<"  # "sub-300 sq m"
        am = None
    if am:
        mention.approx = am[0]
        lead = lead[:am[1]]
    after = text[mention.end:mention.end + WINDOW]
    aa = APPROX_AFTER_RE.match(after)
    if aa and mention.approx == "=" and mention.high is None:
        mention.approx = approx_after(aa)
        if aa.group(2):  # "5,000+" / "5,000-plus": part of the mention
            mention.end += aa.end()
            after = text[mention.end:mention.end + WINDOW]
    w = change_before(lead)
    if w:
        # "up"/"down"/"off" are changes only right before the number ("up 19 cents")
        if w in UP_WORDS:
            mention.change = "up"
        elif w in DOWN_WORDS:
            mention.change = "down"
        if w == "cut" and mention.low.kind == "count":
            mention.change = "down"
    if mention.change is None:
        ca = CHANGE_AFTER_RE.match(after)
        if ca and mention.low.kind in ("percent", "money", "count", "measure"):
            w = ca.group(1).lower()
            # "3,000 more troops" is a change only for percent/money ("5% more") or with
            # "fewer"/"more" + noun; keep it simple: "higher/lower/rise/fall" always, more/less
            # only for percent.
            if w in ("more", "less", "fewer", "up", "down") and mention.low.kind != "percent":
                pass
            else:
                mention.change = "up" if w in UP_WORDS else "down"
                mention.extra["change_after"] = True

    if not mention.extra.get("age"):
        a = mention.high or mention.low
        mention.metric, mention.base = metric.read_metric(
            text, end=mention.end, after_from=mention.extra.get("metric_from", mention.end), kind=a.kind,
            low_kind=mention.low.kind, vague=mention.low.vague_high is not None,
            change_after=bool(mention.extra.get("change_after")), lead=lead,
            lead_start=max(0, mention.low.start - LEFT), sentence_initial=src.sentence_initial)
    return mention


def to_quantity(src: Source, m: Mention) -> Quantity:
    """The Quantity the pipeline sees for a mention."""
    a, b = m.low, m.high
    unit = a.unit if a.kind != "ratio" else ""
    kind = a.kind
    if b is not None:
        lo, hi = a.value, b.value
        if lo > hi:
            lo, hi = hi, lo
        value = None
    else:
        lo = hi = None
        value = a.value
    metric = m.metric
    if getattr(a, "extra_age", False) or m.extra.get("age") or _AGE_SURFACE_RE.search(a.surface_unit):
        metric = "age"  # "a 12-year-old boy": what the number measures is the boy's age
    decimals = max(a.decimals, b.decimals if b else 0)
    scale = a.scale or (b.scale if b else None)
    mult = a.multiplier if a.scale else (b.multiplier if b and b.scale else 1.0)
    prefixed = PREFIXED_COUNT_NOUNS.get(metric or "") if kind == "count" and scale is None else None
    if prefixed:
        # "2.5 gigapixel": 2.5 billion pixels, its SI prefix the figure's scale word
        metric, scale, mult = prefixed
        value, lo, hi = (v * mult if v is not None else None for v in (value, lo, hi))
    return Quantity(
        text=src.text[m.start:m.end], start=m.start, end=m.end, value=clean(value), low=clean(lo),
        high=clean(hi), unit=unit, surface_unit=a.surface_unit or (b.surface_unit if b else ""),
        kind=kind, approx=m.approx, change=m.change, metric=metric, base=m.base, scale=scale,
        multiplier=mult, decimals=decimals, spelled=a.spelled,
    )


def clean(v: float | None) -> float | None:
    """Round away float noise from scale multiplication (1.3 * 1e6 = 1300000.0000000002)."""
    if v is None:
        return None
    r = float(f"{v:.12g}")
    return r
