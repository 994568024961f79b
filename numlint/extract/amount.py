"""One amount: a number core read outwards into currency + number + scale + unit (no context words)."""

from __future__ import annotations

from numlint.extract.cores import read_digits, read_spelled, read_vague
from numlint.extract.scale import read_scale
from numlint.extract.source import Amount, Source, rx
from numlint.extract.units import UNIT_WORD_RE, read_unit
from numlint.lang.measures import UNIT_WORDS


def read_amount(src: Source, start: int, end: int, typ: str, in_range: bool = False) -> Amount | None:
    text = src.text
    if typ == "d":
        amt = read_digits(src, start, end, in_range)
    elif typ == "w":
        amt = read_spelled(src, start, end)
    else:
        amt = read_vague(src, start, end)
    if amt is None or amt.in_every:
        return amt
    if typ == "v":
        # "thousands of dollars": the unit is after "of"
        p = amt.end
        m = rx(r"\sof\s").match(text[p:p + 4])
        if m:
            save = amt.end
            amt.end = p + m.end() - 1
            if not read_unit(src, amt) or amt.kind == "count":
                amt.end = save
                amt.unit = ""
                amt.kind = "count"
                amt.surface_unit = ""
        return amt
    read_scale(src, amt)
    if not read_unit(src, amt) and amt.fraction:
        # "1/16 of a pint", "1/2 of a mile": a fraction of one unit is that many units
        om = rx(r"\sof\san?\s(?:(?:US|U\.S\.|imperial)\s)?").match(text, amt.end)
        um = UNIT_WORD_RE.match(text, om.end() - 1) if om else None
        if um:
            word = um.group(0).strip()
            amt.unit, amt.surface_unit, amt.kind = UNIT_WORDS[word.lower()], word, "measure"
            amt.end = um.end()
    return amt
