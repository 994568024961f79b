"""Kind ``unused_suppression`` (NL901): directives that silenced nothing.

This kind does not read the fact table: whether a directive was needed is known only after every
other rule has run and suppression has been applied, so ``numlint.linter.lint`` asks
``numlint.suppress.unused`` for the hits. ``check`` exists so the registry's contract (every kind
has ``check(table, rule)``) holds; it yields nothing.
"""

from __future__ import annotations

from numlint.options import Kind

KIND = Kind(doc="Suppression directives that silenced nothing (fed by numlint.suppress, not the fact table).")
AFTER_SUPPRESSION = True


def check(table, rule):
    """Nothing from the fact table; see ``numlint.suppress.unused``."""
    return iter(())
