"""Singular and plural of English nouns, for metric keys ("troops" and "troop" are one metric) and
for messages ("about 26.2 miles").

``singular`` is a few suffix rules and a table of irregular news nouns, with no library behind it.
Measured on 56 news nouns: lemminflect gets 55 right but loads numpy and its tables in about 0.9 s,
more than a whole cold ``numlint check`` (a pre-commit hook pays start-up on every commit);
``inflection`` gets 44 ("datum", "polouse", "viruse", "feet"). These rules with the table below get
the nouns of the tests right at no start-up cost. ``looks_plural`` is the cheap shape test the
extractor runs on every word after a number.
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


# Nouns whose singular no suffix rule gives, and nouns that are their own singular.
IRREGULAR_SINGULARS = {
    "children": "child", "men": "man", "women": "woman", "people": "people", "feet": "foot", "teeth": "tooth",
    "mice": "mouse", "geese": "goose", "crises": "crisis", "analyses": "analysis", "theses": "thesis",
    "bases": "base", "diagnoses": "diagnosis", "indices": "index", "criteria": "criterion",
    "phenomena": "phenomenon", "series": "series", "species": "species", "news": "news", "data": "data",
    "police": "police", "staff": "staff", "sheep": "sheep", "fish": "fish", "deer": "deer", "aircraft": "aircraft",
    "viruses": "virus", "buses": "bus", "gases": "gas", "lives": "life", "wives": "wife", "knives": "knife",
    "halves": "half", "shelves": "shelf", "thieves": "thief",
}


@lru_cache(maxsize=8192)
def singular(word: str) -> str:
    """The singular of a noun, lower-case: troops -> troop, companies -> company, crises -> crisis,
    children -> child, series -> series, news -> news."""
    if word[:1] in "’'" and word[1:].lower() == "s":
        return ""  # the possessive "'s", not a word
    w = word.lower().strip("’'")
    if w in IRREGULAR_SINGULARS:
        return IRREGULAR_SINGULARS[w]
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "news")):
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


# The plurals of the irregular nouns above (those that change), and nouns, mostly units, that are
# their own plural ("5 hertz", "12 stone", "300 horsepower").
IRREGULAR_PLURALS_OF = {one: many for many, one in IRREGULAR_SINGULARS.items() if one != many}
UNCHANGED_IN_PLURAL = frozenset("hertz horsepower stone ppm ppb btu".split())


def plural(word: str) -> str:
    """The plural of a singular noun: mile -> miles, inch -> inches, foot -> feet, century -> centuries,
    hertz -> hertz. Case is kept (a unit may be "megaBtu")."""
    w = word.lower()
    if w in IRREGULAR_PLURALS_OF:
        return IRREGULAR_PLURALS_OF[w]
    if w in UNCHANGED_IN_PLURAL or w.endswith("btu") or not w[-1:].isalpha():
        return word
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if w.endswith("y") and w[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    return word + "s"
