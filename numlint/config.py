"""Configuration: defaults < pyproject [tool.numlint] / .numlint.toml < --config < command line.

Selection works by code prefix, as in ruff: ``NL1`` selects every NL1xx rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class ConfigError(Exception):
    """A configuration problem the user must fix: reported as one line, exit code 2."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()          # empty = every rule that is on by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    severity: dict[str, str] = field(default_factory=dict)       # code -> severity override
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)  # code or name -> options

    def is_selected(self, code: str, enabled_by_default: bool) -> bool:
        """A rule runs when selected (explicitly, by prefix) and not ignored by a longer prefix."""
        chosen = _longest_prefix(code, self.select + self.extend_select)
        dropped = _longest_prefix(code, self.ignore)
        if chosen is None:
            if self.select:
                return False
            if not enabled_by_default:
                return False
            chosen = ""
        # The more specific prefix wins; on a tie, ignore wins (select NL1, ignore NL1 -> off).
        return dropped is None or len(dropped) < len(chosen)


def _longest_prefix(code: str, prefixes: tuple[str, ...]) -> str | None:
    best = None
    for prefix in prefixes:
        p = prefix.strip().upper()
        if p == "ALL":
            p = ""
        if code.startswith(p) and (best is None or len(p) > len(best)):
            best = p
    return best
