"""Shared knowledge of English news copy, for every stage: word lists and the text indexes.

* ``numbers``: number words, fractions and the one scale table ("mln", "bn", "thousand").
* ``money``: currency symbols and words. ``measures``: percent words and physical units.
* ``change``: approximators and change words. ``dates``: the one month list, weekdays.
* ``cues``: context words that make a number a year, an identifier, a score, a race.
* ``stopwords``: function words no metric holds. ``inflection``: singulars and plural shapes.
* ``sentences``: the one sentence splitter. ``lines``: the one line index.
* ``lazyre``: regexes compiled on first use, for patterns that only some articles reach.

Pure data and small functions, standard library only at import time (cheap to load).
"""
