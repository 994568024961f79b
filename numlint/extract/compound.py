"""A measure written in two units, the larger first: "6ft 2in", "7lb 6oz", "12 stone 4 pounds",
"2hr 1min 9sec". It is one figure, read in its smallest unit ("6ft 2in" is 74 inches), so that its
conversion ("6ft 2in (1.88m)") and its restatements are checked against the whole of it, not
against "2in". The unit pairs are ``numlint.lang.measures.COMPOUND_MEASURE_PARTS``.
"""

from __future__ import annotations

from dataclasses import replace

from numlint.extract.source import Mention, Source
from numlint.lang.lazyre import LazyPattern
from numlint.lang.measures import COMPOUND_MEASURE_PARTS

# Between the two parts: a space, or "and" ("6 feet and 2 inches"); a comma or any other word keeps
# them two figures ("ran 2 hours, 5 minutes faster").
_BETWEEN = LazyPattern(r"[ \t]*(?:and[ \t]+)?")
# "1h 30m": after hours, a glued "m" is minutes, not metres.
_MINUTES_AFTER_HOURS = LazyPattern(r"\d[\d.]*m")


def _smaller_unit(src: Source, larger: Mention, smaller: Mention) -> str | None:
    unit = smaller.low.unit
    if larger.low.unit == "hour" and unit == "meter" and \
            _MINUTES_AFTER_HOURS.fullmatch(src.text, smaller.start, smaller.end):
        return "minute"
    return unit


def _part_of(src: Source, larger: Mention, smaller: Mention) -> tuple[str, int] | None:
    """(the smaller unit, its count in one larger) when ``smaller`` completes ``larger``."""
    if larger.high is not None or smaller.high is not None or larger.low.kind != "measure" \
            or smaller.low.kind != "measure" or smaller.approx != "=" or smaller.change is not None \
            or larger.low.multiplier != 1.0 or smaller.low.multiplier != 1.0:
        return None
    if not _BETWEEN.fullmatch(src.text, larger.end, smaller.start):
        return None
    unit = _smaller_unit(src, larger, smaller)
    factor = COMPOUND_MEASURE_PARTS.get((larger.low.unit, unit or ""))
    if factor is None or not 0 <= smaller.low.number < factor:
        return None   # "6ft 14in" is no way to write a height: two figures
    return unit, factor


def merge_compound_measures(src: Source, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` (in text order) with each measure written in two units made one mention."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        part = _part_of(src, prev, m) if prev is not None else None
        if part is None:
            out.append(m)
            continue
        unit, factor = part
        low = replace(m.low, start=prev.low.start, num_start=prev.low.num_start, unit=unit,
                      number=prev.low.number * factor + m.low.number, integer_shape=False)
        out[-1] = replace(prev, end=m.end, low=low)
    return out
