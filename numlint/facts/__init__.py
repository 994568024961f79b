"""Quantities -> facts: each mention with what it measures, whose, when, per what and who says so.

The package is the meaning stage of the pipeline; every rule reads the ``FactTable`` it builds.

- ``words``: content words and stems (the word lists themselves are in ``numlint.lang``).
- ``frame``: whose (owner), when (time), per what, says who (source), of what (base): ``read_frame``.
- ``precision``: how precisely a figure was written, and the interval of values it stands for.
- ``fact``: one mention in its sentence, and what can be said of a single mention.
- ``compare``: how the values of two mentions relate.
- ``matching``: which mentions could state the same fact.
- ``table``: ``build_facts``, the document's ``FactTable``.
"""

from numlint.facts import matching
from numlint.facts.compare import Comparison, compare, same_scope
from numlint.facts.fact import (
    Fact,
    is_definite,
    is_subset,
    is_tabular,
    looks_like_year,
    names_a_group,
    small_count,
)
from numlint.facts.frame import Frame, find_source, find_time, infer_base, read_frame
from numlint.facts.precision import half_step, interval, written_scale
from numlint.facts.table import (
    MAX_HEADLINE_FACTS,
    MAX_NEIGHBOURS,
    FactTable,
    build_facts,
    facts_for_text,
    frames_of,
)
from numlint.facts.words import content_words, singular
from numlint.lang.sentences import split_sentences

__all__ = [
    "Comparison", "Fact", "FactTable", "Frame", "MAX_HEADLINE_FACTS", "MAX_NEIGHBOURS",
    "build_facts", "compare", "content_words", "facts_for_text", "find_source", "find_time", "frames_of",
    "half_step", "infer_base", "interval", "is_definite", "is_subset", "is_tabular",
    "looks_like_year", "matching", "names_a_group", "read_frame", "same_scope", "singular",
    "small_count", "split_sentences", "written_scale",
]
