"""Number words and the one scale table: what "three", "two-thirds", "tens of", "mln" and "bn" are worth.

Pure data, standard library only (cheap to import). Every stage reads scale words from here: the
extractor to read "1.3 mln", the facts and rules to name a scale ("million") or undo one.
"""

from __future__ import annotations

# --- scale words --------------------------------------------------------------------------------
# Written after a number ("1.3 mln", "£5m", "$1.2bn", "Rs 5,000 crore"). "m", "k" and "b" are scale
# words only glued to the number or after money; a spaced "m" only after money or before what it
# counts ("5 m people"), else it is a metre (see numlint/extract/scale.py).
SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "K": 1e3, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7,
    "crores": 1e7,
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "mil": 1e6, "m": 1e6, "M": 1e6,
    "billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "B": 1e9,
    "trillion": 1e12, "trillions": 1e12, "trn": 1e12, "tn": 1e12, "tln": 1e12,
}

# Which spellings of the table stand where: "5 million" and "5mln" (spaced or glued), "5m"/"5k"/"5bn"
# glued (a spaced "m" see above); plurals ("millions") only in "millions of". "lakh" (100,000) and
# "crore" (10 million) are the Indian names.
SCALE_NAMES: dict[str, float] = {w: SCALE_WORDS[w]
                                 for w in ("thousand", "lakh", "million", "crore", "billion", "trillion")}
SCALE_ABBREVIATIONS = ("mln", "bln", "bn", "mn", "trn", "tn", "tln")
SCALE_LETTERS = ("mil", "m", "k", "b", "M", "K", "B")
# value -> the name a finding uses for it (1e6 -> "million"); findings use the international names
NAME_OF_SCALE: dict[float, str] = {v: k for k, v in SCALE_NAMES.items() if k not in ("lakh", "crore")}

# --- spelled-out numbers ------------------------------------------------------------------------
UNITS_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
# "one hundred", "three thousand": the scale words a run of number words may hold (the same table).
BIG_WORDS = SCALE_NAMES
# Fractions as words: "half", "a third", "two-thirds", "three quarters".
FRACTION_WORDS: dict[str, float] = {
    "half": 1 / 2, "halves": 1 / 2, "third": 1 / 3, "thirds": 1 / 3, "quarter": 1 / 4, "quarters": 1 / 4,
    "fifth": 1 / 5, "fifths": 1 / 5, "tenth": 1 / 10, "tenths": 1 / 10, "fourth": 1 / 4, "fourths": 1 / 4,
    "sixth": 1 / 6, "sixths": 1 / 6, "eighth": 1 / 8, "eighths": 1 / 8,
}
# The fractions that may stand without a numerator or "a" ("half of the voters", "quarter of jobs" in a
# headline); "third", "fourth" and the rest alone are ordinals ("the third of five matches", "finished
# fourth of 20"), unless they open a headline ("Third of voters back plan").
BARE_FRACTIONS = frozenset({"half", "halves", "quarter", "quarters"})
UNICODE_FRACTIONS: dict[str, float] = {
    "½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅛": 0.125, "⅜": 0.375,
    "⅝": 0.625, "⅞": 0.875, "⅒": 0.1,
}
# "tens of thousands" -> a vague range; the plural order-of-magnitude words.
VAGUE_PLURALS: dict[str, float] = {
    "tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
}


# A number word joined to one of these ("two-way", "three-time", "one-off") is an idiom, not a count
# of what the compound names ("a three-bedroom house" counts bedrooms).
COMPOUND_IDIOMS = frozenset({"way", "ways", "off", "time", "times", "sided", "faced", "handed", "hander", "fold",
                             "dimensional", "tier", "pronged", "thirds", "quarters", "halves", "fifths"})
