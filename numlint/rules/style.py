"""House style: one spelling per article for each family of words written with numbers.

Vocabulary ``forms``: one line per family, its spellings separated by "|" ("million|mln|mn|m",
"%|per cent|percent|pct"). The spelling most mentions use (the first one used, on a tie) is the
article's style; every mention written another way is reported.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator

from numlint.facts import FactTable
from numlint.model import Hit
from numlint.options import Kind, Vocabulary

KIND = Kind(
    doc="House style: one spelling per article for each family of words written with numbers.",
    vocabularies=(Vocabulary("forms", "one line per family, its spellings separated by \"|\": \"million|mln|m\""),),
)


@functools.lru_cache(maxsize=64)
def _patterns(forms: tuple[str, ...]) -> tuple[tuple[str, re.Pattern | None], ...]:
    out = []
    for form in sorted(forms, key=len, reverse=True):
        f = form.lower()
        out.append((form, None if f == "%" else
                    re.compile(r"(?:(?<=\d)|(?<=\d\s)|(?<![a-z]))" + re.escape(f) + r"(?![a-z])")))
    return tuple(out)


def _form(text: str, forms: list[str]) -> str | None:
    low = text.lower()
    for form, pattern in _patterns(tuple(forms)):
        if pattern is None:
            if "%" in low:
                return form
        elif pattern.search(low):
            return form
    return None


def check(table: FactTable, rule) -> Iterator[Hit]:
    for line in rule.vocabularies["forms"]:
        forms = [f.strip() for f in line.split("|") if f.strip()]
        # Money and other figures are styled separately: "£5m" and "5 million people" is house style
        # at many papers, not a mix.
        for money in (True, False):
            used = []
            for f in table.facts:
                form = _form(f.q.text, forms)
                if form is not None and (f.q.kind == "money") == money:
                    used.append((f, form))
            yield from _report(used)


def _report(used) -> Iterator[Hit]:
    """Every mention not written the way most mentions (the first, on a tie) are."""
    counts = Counter(form for _, form in used)
    if len(counts) < 2:
        return
    first = {form: i for i, (_, form) in reversed(list(enumerate(used)))}
    style = max(counts, key=lambda form: (counts[form], -first[form]))
    example = next(f for f, form in used if form == style)
    for f, form in used:
        if form != style:
            yield Hit(
                mention=f.q,
                related=((example.q, f"{example.q.text.strip()} (line {example.line})"),),
                values={"value": f.q.text.strip(), "form": form, "style": style, "count": counts[style],
                    "example": example.q.text.strip()},
            )
