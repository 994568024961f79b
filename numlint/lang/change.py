"""Approximators ("about", "more than") and change words ("rose", "a 5% rise", "3,000 fewer").

Pure data. The extractor reads them around a number; the metric reader stops a noun phrase at them.
"""

from __future__ import annotations

# --- approximators (written before the number) ---------------------------------------------------
APPROXIMATORS: dict[str, str] = {
    "about": "~", "around": "~", "round about": "~", "nearly": "~", "almost": "~", "roughly": "~",
    "approximately": "~", "approx.": "~", "approx": "~", "some": "~", "an estimated": "~",
    "the estimated": "~", "estimated": "~", "an approximate": "~", "close to": "~", "circa": "~",
    "c.": "~", "ca.": "~", "getting on for": "~", "just about": "~", "~": "~", "≈": "~",
    "more than": ">", "over": ">", "above": ">", "in excess of": ">", "upwards of": ">",
    "greater than": ">", "just over": ">", "well over": ">", "well above": ">", "just above": ">",
    ">": ">", "higher than": ">", "exceeding": ">",
    "less than": "<", "under": "<", "below": "<", "fewer than": "<", "just under": "<",
    "well under": "<", "just below": "<", "well below": "<", "<": "<", "lower than": "<",
    "at least": ">=", "no less than": ">=", "no fewer than": ">=", "a minimum of": ">=", "≥": ">=",
    ">=": ">=", "or more": ">=",
    "up to": "<=", "at most": "<=", "no more than": "<=", "a maximum of": "<=", "as many as": "<=",
    "as much as": "<=", "as high as": "<=", "≤": "<=", "<=": "<=", "not more than": "<=",
}

# --- change (direction) -------------------------------------------------------------------------
# Words directly before the number (optionally followed by "by"): "rose 5%", "fell by 3,000",
# "up 19 cents". "rose to 5%" is a level, not a change: "to" breaks the link (handled in extract.py).
CHANGE_UP_BEFORE = (
    "rose", "rise", "rises", "rising", "risen", "climbed", "climb", "climbs", "climbing", "increased",
    "increase", "increases", "increasing", "gained", "gain", "gains", "gaining", "jumped", "jump", "jumps",
    "surged", "surge", "surges", "soared", "soar", "soars", "grew", "grow", "grows", "grown", "growing",
    "advanced", "added", "adds", "up", "higher", "boosted", "spiked", "rallied",
    "rebounded", "widened", "expanded", "improved", "lifted", "leapt", "leaped", "swelled",
)
CHANGE_DOWN_BEFORE = (
    "fell", "fall", "falls", "falling", "fallen", "dropped", "drop", "drops", "dropping", "declined",
    "decline", "declines", "declining", "decreased", "decrease", "decreases", "slipped", "slip", "slips",
    "slid", "slide", "slides", "lost", "lose", "loses", "losing", "shed", "sheds", "sank", "sink", "sinks",
    "plunged", "plunge", "plunges", "tumbled", "tumble", "tumbles", "slumped", "slump", "down", "lower",
    "eased", "ease", "eases", "cut", "cuts", "cutting", "reduced", "reduce", "shrank", "shrunk",
    "shrinks", "contracted", "narrowed", "dipped", "dip", "dips", "retreated", "plummeted", "slashed",
    "trimmed", "lowered", "dived", "dove", "crashed", "sagged", "weakened", "off",
)
# Nouns that make "a rise of 5%" a change.
CHANGE_UP_NOUNS = ("rise", "increase", "gain", "jump", "surge", "growth", "hike", "boost", "rally",
                   "climb", "advance", "uptick", "spike")
CHANGE_DOWN_NOUNS = ("fall", "drop", "decline", "decrease", "cut", "loss", "reduction", "slump", "dip",
                     "plunge", "slide", "contraction", "shortfall", "downturn", "tumble")
# Written after the quantity: "a 5% rise", "5% higher", "3,000 fewer".
CHANGE_UP_AFTER = CHANGE_UP_NOUNS + ("higher", "more", "up", "increases", "rises", "gains")
CHANGE_DOWN_AFTER = CHANGE_DOWN_NOUNS + ("lower", "less", "fewer", "down", "cuts", "falls", "drops",
                                         "declines", "losses")


# "raised its forecast by 3%": forms of "raise" count as a rise only with "by" (see extract.modifiers).
RAISE_WORDS = frozenset(("raised", "raises", "raise", "raising"))
# The same words as sets, lower-case, the way the readers test them.
CHANGE_VERBS = frozenset(w.lower() for w in CHANGE_UP_BEFORE + CHANGE_DOWN_BEFORE)
CHANGE_NOUNS = frozenset(w.lower() for w in CHANGE_UP_NOUNS + CHANGE_DOWN_NOUNS)
UP_WORDS = frozenset(w.lower() for w in CHANGE_UP_BEFORE + CHANGE_UP_NOUNS + CHANGE_UP_AFTER) | RAISE_WORDS
DOWN_WORDS = frozenset(w.lower() for w in CHANGE_DOWN_BEFORE + CHANGE_DOWN_NOUNS + CHANGE_DOWN_AFTER)
APPROX_WORDS = frozenset(w for w in APPROXIMATORS if " " not in w)

# Written after the number: "5,000 or more", "50 or so", "18 and over", "5,000+", "a 40-plus".
APPROXIMATORS_AFTER: dict[str, str] = {
    "or more": ">=", "or so": "~", "or above": ">=", "or over": ">=", "or less": "<=", "or fewer": "<=",
    "or under": "<=", "and above": ">=", "and over": ">=", "and up": ">=", "+": ">=", "-plus": ">=",
}
