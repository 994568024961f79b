"""The rule catalogue: TOML definitions in rules/ joined to the Python kinds in numlint/rules/.

A TOML file holds what an editor changes (code, name, severity, message, why, examples, word lists);
the kind module holds how hits are found. Rules are loaded once per process and validated here, so
a broken definition fails loudly at load time rather than silently never firing.
"""

from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

CODE_RE = re.compile(r"^NL[1-9]\d\d$")
SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class RuleSpec:
    code: str
    name: str
    kind: str
    severity: str
    summary: str
    message: str
    why: str
    use_instead: str = ""
    example: str = ""
    enabled: bool = True
    failing_examples: tuple[str, ...] = ()
    passing_examples: tuple[str, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    vocabularies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    source: str = ""

    def render(self, values: dict[str, Any]) -> str:
        """The finding's message, filled from the hit's values (so it shows the numbers compared)."""
        try:
            return self.message.format(**values)
        except (KeyError, IndexError, ValueError):
            # A template naming a value the kind does not give is a bug in the TOML; say what we can.
            return f"{self.summary} ({', '.join(f'{k}={v}' for k, v in values.items())})"


class RuleDefinitionError(Exception):
    """A TOML rule definition is broken: raised with the file and what is wrong."""


def definitions_dir() -> Path:
    """Where the TOML rules are: inside the installed wheel, or rules/ at the top of a checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "rule_definitions"
    if installed.is_dir():
        return installed
    return here.parent / "rules"


def _spec_from_toml(path: Path) -> RuleSpec:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RuleDefinitionError(f"{path}: {exc}") from exc
    missing = [k for k in ("code", "name", "kind", "severity", "summary", "message", "why") if k not in data]
    if missing:
        raise RuleDefinitionError(f"{path}: missing keys {', '.join(missing)}")
    if not CODE_RE.match(data["code"]):
        raise RuleDefinitionError(f"{path}: code {data['code']!r} is not NL followed by three digits")
    if data["severity"] not in SEVERITIES:
        raise RuleDefinitionError(f"{path}: severity must be one of {', '.join(SEVERITIES)}")
    examples = data.get("examples", {})
    vocabularies = {k: tuple(v) for k, v in data.get("vocabularies", {}).items()}
    return RuleSpec(
        code=data["code"],
        name=data["name"],
        kind=data["kind"],
        severity=data["severity"],
        summary=data["summary"],
        message=data["message"],
        why=data["why"].strip(),
        use_instead=data.get("use_instead", "").strip(),
        example=data.get("example", "").strip(),
        enabled=data.get("enabled", True),
        failing_examples=tuple(examples.get("fail", ())),
        passing_examples=tuple(examples.get("pass", ())),
        options=dict(data.get("options", {})),
        vocabularies=vocabularies,
        source=str(path),
    )


@functools.lru_cache(maxsize=None)
def load_rules() -> dict[str, RuleSpec]:
    """Every rule, by code, sorted by code."""
    rules: dict[str, RuleSpec] = {}
    for path in sorted(definitions_dir().glob("*.toml")):
        spec = _spec_from_toml(path)
        if spec.code in rules:
            raise RuleDefinitionError(f"{path}: code {spec.code} already defined in {rules[spec.code].source}")
        rules[spec.code] = spec
    return dict(sorted(rules.items()))


def kind_module(kind: str):
    """The Python module that finds hits for a rule kind (numlint.rules.<kind>)."""
    return importlib.import_module(f"numlint.rules.{kind}")
