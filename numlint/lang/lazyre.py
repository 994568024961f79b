"""Regexes compiled on first use, for the patterns that only some articles or some code paths reach.

A cold ``numlint check`` of one article imports every stage, and compiling a module's patterns is
most of what importing it costs. A pattern that most articles never reach ("pounds of" a weight, a
share price "each", a race result) should cost nothing until one does. A pattern that nearly every
article with a number runs stays ``re.compile`` at import: compiling it later only moves the cost.
"""

from __future__ import annotations

import re
from functools import cached_property


class LazyPattern:
    """``re.compile(pattern, flags)``, done the first time the pattern is used.

    Used as the compiled pattern is (``.match``, ``.search``, ``.finditer``, ``.sub``, ...). Each
    attribute asked for is taken from the compiled pattern once and kept on this object, so from the
    second use on ``p.search`` is found as fast as on a compiled pattern. ``pattern`` is the source
    string, as on a compiled pattern, and reading it compiles nothing (patterns are built from others).
    """

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self._flags)

    def __getattr__(self, name: str):
        # Reached only for what is not kept yet: a method or attribute of the compiled pattern. Private
        # and special names are not the pattern's (and copy/pickle probe them before __init__ has run).
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"
