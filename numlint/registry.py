"""The rule catalogue: TOML definitions in rules/ joined to the Python kinds in numlint/rules/.

A TOML file holds what an editor changes (code, name, severity, message, why, examples, option
values, word lists); the kind module holds how hits are found and declares (``KIND``, see
``numlint.options``) the relations, options and vocabularies it reads. Here the two are joined and
checked: the rule's ``kind = "module"`` or ``"module.relation"`` must name a kind and one of its
relations, its ``[options]`` and ``[vocabularies]`` must be declared by that kind and fit their
declarations, and ``"@name"`` references to shared vocabularies (``numlint.vocabularies``) must
resolve. Rules are loaded once per process, so a broken definition fails loudly at load time
rather than silently never firing.
"""

from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from numlint import vocabularies as shared
from numlint.options import Kind, Option, OptionError, Vocabulary
from numlint.vocabularies import VocabularyError

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
    relation: str = ""                                    # "conflict" of kind = "consistency.conflict"
    option_specs: tuple[Option, ...] = ()                 # declared options, defaults = this rule's values
    vocabulary_specs: tuple[Vocabulary, ...] = ()         # declared vocabularies
    vocabulary_refs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name -> shared lists it uses

    def option(self, name: str) -> Option | None:
        return next((o for o in self.option_specs if o.name == name), None)

    def render(self, values: dict[str, Any]) -> str:
        """The finding's message, filled from the hit's values (so it shows the numbers compared)."""
        try:
            # an empty value ("{value} {metric} here" with no metric) leaves no double space
            filled = self.message.format(**{k: _EMPTY if v == "" else v for k, v in values.items()})
            filled = filled.replace(f" {_EMPTY} ", " ")
            if filled.startswith(f"{_EMPTY}: "):
                filled = filled[len(_EMPTY) + 2:]  # "{metric}: {old} then {new}" with no metric read
            return filled.replace(_EMPTY, "")
        except (KeyError, IndexError, ValueError):
            # A template naming a value the kind does not give is a bug in the TOML; say what we can.
            return f"{self.summary} ({', '.join(f'{k}={v}' for k, v in values.items())})"


_EMPTY = "\x00"


class RuleDefinitionError(Exception):
    """A TOML rule definition is broken: raised with the file and what is wrong."""


definitions_dir = shared.definitions_dir


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
    module, _, relation = data["kind"].partition(".")
    kind = kind_declaration(module, path)
    if kind.relations and relation not in kind.relations:
        raise RuleDefinitionError(f"{path}: kind {data['kind']!r}: name one of the relations of {module!r}: "
                                  + ", ".join(f"{module}.{r}" for r in kind.relations))
    if relation and not kind.relations:
        raise RuleDefinitionError(f"{path}: kind {module!r} has no relations; write kind = {module!r}")
    option_specs, options = _options(path, kind.options_for(relation), data.get("options", {}))
    vocabulary_specs = kind.vocabularies_for(relation)
    vocabularies, refs = _vocabularies(path, vocabulary_specs, data.get("vocabularies", {}))
    examples = data.get("examples", {})
    return RuleSpec(
        code=data["code"],
        name=data["name"],
        kind=module,
        severity=data["severity"],
        summary=data["summary"],
        message=data["message"],
        why=data["why"].strip(),
        use_instead=data.get("use_instead", "").strip(),
        example=data.get("example", "").strip(),
        enabled=data.get("enabled", True),
        failing_examples=tuple(examples.get("fail", ())),
        passing_examples=tuple(examples.get("pass", ())),
        options=options,
        vocabularies=vocabularies,
        source=str(path),
        relation=relation,
        option_specs=option_specs,
        vocabulary_specs=vocabulary_specs,
        vocabulary_refs=refs,
    )


def _options(path: Path, declared: tuple[Option, ...], given: dict) -> tuple[tuple[Option, ...], dict[str, Any]]:
    """The declarations with this rule's values as their defaults, and the values by name."""
    by_name = {o.name: o for o in declared}
    unknown = sorted(set(given) - set(by_name))
    if unknown:
        raise RuleDefinitionError(f"{path}: [options] {unknown[0]!r} is not an option of this kind; "
                                  f"options: {', '.join(by_name) or 'none'}")
    specs = []
    for option in declared:
        if option.name in given:
            try:
                option = replace(option, default=option.check(given[option.name]))
            except OptionError as exc:
                raise RuleDefinitionError(f"{path}: [options] {option.name} {exc}") from None
        specs.append(option)
    return tuple(specs), {o.name: o.default for o in specs}


def _vocabularies(path: Path, declared: tuple[Vocabulary, ...], given: dict):
    """Every declared vocabulary (the rule's list, else the declaration's default) with shared
    references resolved, and for each the shared vocabularies it refers to."""
    by_name = {v.name: v for v in declared}
    unknown = sorted(set(given) - set(by_name))
    if unknown:
        raise RuleDefinitionError(f"{path}: [vocabularies] {unknown[0]!r} is not a vocabulary of this kind; "
                                  f"vocabularies: {', '.join(by_name) or 'none'}")
    values: dict[str, tuple[str, ...]] = {}
    refs: dict[str, tuple[str, ...]] = {}
    for vocabulary in declared:
        items = given.get(vocabulary.name, vocabulary.default)
        if isinstance(items, str) and not items.startswith(shared.REFERENCE):
            raise RuleDefinitionError(f"{path}: [vocabularies] {vocabulary.name} must be a list of strings "
                                      "or \"@name\" of a shared vocabulary")
        if not isinstance(items, (str, list, tuple)) or not all(isinstance(v, str) for v in items):
            raise RuleDefinitionError(f"{path}: [vocabularies] {vocabulary.name} must be a list of strings")
        try:
            values[vocabulary.name] = shared.resolve(items)
        except VocabularyError as exc:
            raise RuleDefinitionError(f"{path}: [vocabularies] {vocabulary.name}: {exc}") from None
        listed = [items] if isinstance(items, str) else items
        refs[vocabulary.name] = tuple(i[1:] for i in listed if i.startswith(shared.REFERENCE) and len(i) > 1)
    return values, refs


@functools.cache
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


def kind_declaration(kind: str, path: Path | str = "") -> Kind:
    """The ``KIND`` a kind module declares."""
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", kind):
        raise RuleDefinitionError(f"{path}: kind {kind!r} is not the name of a module in numlint/rules")
    try:
        module = kind_module(kind)
    except ModuleNotFoundError:
        raise RuleDefinitionError(f"{path}: no rule kind {kind!r} (no module numlint/rules/{kind}.py)") from None
    declaration = getattr(module, "KIND", None)
    if not isinstance(declaration, Kind):
        raise RuleDefinitionError(f"{path}: numlint/rules/{kind}.py declares no KIND = Kind(...)")
    return declaration
