"""Singular and plural of English nouns, for metric keys ("troops" and "troop" are one metric).

``singular`` asks lemminflect (a dictionary of English lemmas with a model for words it does not
know), imported on first use: it costs about 0.9 s to load, which a run that never needs a singular
never pays. It was chosen over ``inflection`` on news nouns: 55 of 56 right against 44 of 56
("series", "crises", "children", "men", "data", "police", "viruses", "feet" are right with it;
inflection gives "datum", "polouse", "viruse", "feet"). ``looks_plural`` is a cheap shape test the
extractor runs on every word after a number, so it stays a rule of thumb with no library behind it.
"""

from __future__ import annotations

from functools import lru_cache

# Plural-looking head nouns that are fine as metrics though they do not end in "s".
IRREGULAR_PLURALS = frozenset("""
people children men women police staff personnel cattle sheep fish deer livestock military
""".split())


def looks_plural(word: str) -> bool:
    """Whether ``word`` has the shape of a plural noun ("troops", "people"; not "loss" or "is")."""
    w = word.lower()
    return w in IRREGULAR_PLURALS or (w.endswith("s") and not w.endswith("ss") and len(w) > 2)


@lru_cache(maxsize=4096)
def singular(word: str) -> str:
    """The singular of a noun, lower-case: troops -> troop, crises -> crisis, children -> child,
    series -> series, news -> news. A word lemminflect cannot read comes back lower-cased."""
    w = word.lower().strip("’'")
    if not w.isascii() or not any(c.isalpha() for c in w):
        return w
    from lemminflect import getLemma  # lazy: see the module docstring

    lemmas = getLemma(w, upos="NOUN")
    return lemmas[0].lower() if lemmas else w
