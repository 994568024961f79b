"""Units written once for several figures: "84.75 cents, while the lowest is 74.07", "raised 280 million
of the 1.5 billion shekels". Runs after every mention is read, over neighbouring mentions."""

from __future__ import annotations

from numlint import units
from numlint.extract.source import Mention, Source, rx
from numlint.lang.measures import QUALIFIED_UNITS
from numlint.lang.money import MONEY_NOUNS
from numlint.lang.stopwords import STOP_WORDS


def inherit_unit_of_whole(src: Source, m: Mention, whole: Mention) -> None:
    """A part written before its whole shares the whole's unit: "raised 280 million of the 1.5
    billion shekels", "cleared 40 of the 120 km" (the part must not be larger than the whole)."""
    a, w = m.low, (whole.high or whole.low)
    if a.unit or a.kind != "count" or m.high is not None or not w.unit or w.kind not in ("money", "measure"):
        return
    if not rx(r"\s+of\s+(?:the|a|an|its|their|his|her|our|this|that)\s+").fullmatch(src.text, m.end, whole.start):
        return
    if not (0 < a.value <= w.value):
        return
    a.unit, a.kind, a.currency = w.unit, w.kind, w.currency


def inherit_unit(src: Source, prev: Mention, m: Mention) -> bool | None:
    """Unit ellipsis: news writes the unit once and leaves it off a compared figure of the same
    size: "84.75 cents, while the lowest is 74.07", "from 208 pounds to 193", "204 hp ... the old
    model's 212", "2,435,000 yen for the manual and 2,380,000 for the CVT". A bare number (no
    unit, no counted noun after it) takes the unit of the mention right before it in the same
    sentence when a comparison word links them and the two are of similar size (within 3x).
    "rose 5% to 1,500" (sizes far apart) and "10-year ... 5" (a hyphenated adjective) do not."""
    a, pa = m.low, prev.low
    if a.unit or a.kind != "count" or a.scale or not pa.unit or pa.kind not in ("money", "measure", "percent"):
        return
    if m.high is not None and m.high.unit or prev.extra.get("age") or prev.metric == "age":
        return
    if pa.kind == "percent" and prev.change is not None:
        return  # "rose 8.15% to 3.65": the change is in percent, the level after it is a price
    text = src.text
    last = prev.high or pa  # for a range ("14-18 mpg") the unit is written after its second end
    if text[last.raw_end:last.raw_end + 1] == "-" or text[m.end:m.end + 1] == "-":
        return  # "a 10-year bond", "5-"
    between = text[prev.end:m.start]
    if len(between) > 100 or "\n" in between or src.sentence_bounds(prev.start) != src.sentence_bounds(m.start):
        return
    if not rx(r"(?i)\b(?:from|to|vs\.?|versus|compared|against|than|while|whereas|but|and|or|"
               r"previous|previously|earlier|estimate|lowest|highest|before)\b").search(between):
        return
    nw = rx(r"\s?([A-Za-z][A-Za-z\-']*)|\s?[.,;:()!?]|\s*$").match(text, m.end)
    if nw is None or (nw.group(1) and nw.group(1).lower() not in STOP_WORDS and
                      nw.group(1).lower() not in ("combined", "overall", "apiece", "each")):
        return  # something is counted after it: "2,000 troops"
    pv = prev.high.value if prev.high is not None else pa.value
    v = m.high.value if m.high is not None else a.value
    if not pv or not v or not (1 / 3 <= abs(v) / abs(pv) <= 3):
        return
    for amt in (m.low, m.high):
        if amt is not None:
            amt.unit, amt.kind, amt.currency = pa.unit, pa.kind, pa.currency
    m.extra["unit_from"] = prev.start
    return True


def inherit_currency(src: Source, money: Mention, m: Mention) -> None:
    """Currency ellipsis: wire copy names the currency once and leaves it off a scaled figure of a
    money noun after it ("a net loss of 688 mln Swiss francs after a restated 756 mln loss"): the
    figure takes the currency of ``money``, the paragraph's last amount of money before it."""
    a = m.low
    if a.unit or a.kind != "count" or not a.scale or m.high is not None or not money.low.currency:
        return
    between = src.text[money.end:m.start]
    if len(between) > 300 or "\n\n" in between:
        return
    nw = rx(r"\s+([A-Za-z]+)\b").match(src.text, m.end)
    if nw is None or nw.group(1).lower() not in MONEY_NOUNS:
        return
    code = units.major_currency(money.low.currency)   # after "79 cts a share", a "52 mln loss" is dollars
    a.unit, a.kind, a.currency = code, "money", code
    m.extra["unit_from"] = money.start


def inherit_unit_qualifier(mentions: list[Mention]) -> None:
    """A unit written bare in a story that writes it qualified ("troy ounces") is the qualified
    one: a story does not weigh one metal in two kinds of ounce."""
    written = {amt.unit for m in mentions for amt in (m.low, m.high) if amt is not None}
    for bare, qualified in QUALIFIED_UNITS.items():
        if qualified not in written or bare not in written:
            continue
        for m in mentions:
            for amt in (m.low, m.high):
                if amt is not None and amt.unit == bare:
                    amt.unit = qualified

