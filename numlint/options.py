"""How a rule kind declares what it reads: its relations, its options and its vocabularies.

Each kind module (``numlint/rules/<kind>.py``) has one ``KIND = Kind(...)`` at its top. That one
declaration is the only place an option's type, default, range and meaning are written; it drives

* the rule definitions: ``rules/*.toml`` may set only declared options (``[options]``) and
  vocabularies (``[vocabularies]``), checked when the rules load;
* the user's configuration: ``[tool.numlint.rules.NL101]`` is checked against it, and a wrong
  type or a value out of range is a configuration error naming the file, line and key (exit 2);
* the documentation: ``numlint explain CODE``, the SARIF help and docs/rules/*.md list each
  option with its type, default and range.

A kind with several **relations** (sub-kinds) names one in the rule's ``kind``:
``kind = "consistency.conflict"``. The relation is fixed by the rule definition; it is not an
option, so a user cannot turn NL101 into a second NL201. Options and vocabularies declared on the
``Kind`` apply to every relation; those declared on a ``Relation`` only to rules of that relation.

At run time a kind reads ``rule.relation`` (``""`` for a kind without relations),
``rule.options[name]`` (every declared option is present: the user's value, else the rule's
``[options]`` value, else the declared default) and ``rule.vocabularies[name]`` (a tuple of
strings: the rule's list, with shared vocabularies spliced in, plus the user's additions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class OptionError(ValueError):
    """A value that does not fit its declaration; the message reads after "option 'x' "."""


def _number(x: float) -> str:
    return f"{x:g}"


@dataclass(frozen=True)
class Option:
    """One option: ``type`` is ``int``, ``float``, ``bool``, ``str`` or ``list`` (of strings).

    ``minimum``/``maximum`` bound a number (inclusive); ``choices`` are the allowed strings (for a
    ``str``, or each item of a ``list``). ``default=None`` means "not set" (``doc`` says what the
    kind does then); a user or rule value is never None.
    """

    name: str
    type: type
    default: Any
    doc: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] | None = None

    def __post_init__(self):
        if self.type not in (int, float, bool, str, list):
            raise TypeError(f"option {self.name}: unsupported type {self.type!r}")
        if self.default is not None:
            self.check(self.default)  # a declaration whose own default is invalid is a bug

    def describe(self) -> str:
        """What a valid value is, in words: "a number from 0 to 1", "a whole number, at least 1"."""
        if self.type is bool:
            return "true or false"
        if self.type in (int, float):
            what = "a whole number" if self.type is int else "a number"
            if self.minimum is not None and self.maximum is not None:
                return f"{what} from {_number(self.minimum)} to {_number(self.maximum)}"
            if self.minimum is not None:
                return f"{what}, at least {_number(self.minimum)}"
            if self.maximum is not None:
                return f"{what}, at most {_number(self.maximum)}"
            return what
        if self.type is str:
            return f"one of {', '.join(self.choices)}" if self.choices else "a string"
        if self.choices:
            return f"a list of: {', '.join(self.choices)}"
        return "a list of strings"

    def check(self, value: Any) -> Any:
        """The value, normalised (an int given for a float becomes a float, a list a tuple), or
        ``OptionError`` saying what is wrong: "must be a whole number from 1 to 100, not 1.5"."""
        wanted = self.describe()
        if self.type is bool:
            if not isinstance(value, bool):
                raise OptionError(f"must be {wanted}, not {type_name(value)} ({value!r})")
            return value
        if self.type in (int, float):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise OptionError(f"must be {wanted}, not {type_name(value)} ({value!r})")
            if self.type is int and not isinstance(value, int):
                if not float(value).is_integer():
                    raise OptionError(f"must be {wanted}, not {value!r}")
                value = int(value)
            if value != value or (self.minimum is not None and value < self.minimum) or (
                    self.maximum is not None and value > self.maximum):
                raise OptionError(f"must be {wanted}, not {value!r}")
            return float(value) if self.type is float else value
        if self.type is str:
            if not isinstance(value, str):
                raise OptionError(f"must be {wanted}, not {type_name(value)} ({value!r})")
            if self.choices and value not in self.choices:
                raise OptionError(f"must be {wanted}, not {value!r}")
            return value
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise OptionError(f"must be {wanted}, not {type_name(value)} ({value!r})")
        bad = [v for v in value if self.choices and v not in self.choices]
        if bad:
            raise OptionError(f"must be {wanted}, not {bad[0]!r}")
        return tuple(value)

    def shown_default(self, value: Any = None) -> str:
        """A value as TOML would write it (``none`` for not set)."""
        value = self.default if value is None else value
        if value is None:
            return "none"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, (list, tuple)):
            return "[" + ", ".join(f'"{v}"' for v in value) + "]"
        if isinstance(value, str):
            return f'"{value}"'
        return _number(value)


@dataclass(frozen=True)
class Vocabulary:
    """A named word list a kind reads from ``rule.vocabularies[name]``.

    ``default`` is what the rule gets when its TOML does not give the list: ``()``, or the name of
    a shared vocabulary ("@change_markers", see ``numlint.vocabularies``), so a kind can read a
    shared list that no rule definition names and the user can still extend it per rule.
    """

    name: str
    doc: str
    default: tuple[str, ...] | str = ()


@dataclass(frozen=True)
class Relation:
    """One relation (sub-kind) of a kind: what it reports, and the options and vocabularies only
    its rules read."""

    doc: str
    options: tuple[Option, ...] = ()
    vocabularies: tuple[Vocabulary, ...] = ()


@dataclass(frozen=True)
class Kind:
    """A kind's declaration. ``relations`` is empty for a kind that checks one thing."""

    doc: str
    options: tuple[Option, ...] = ()
    vocabularies: tuple[Vocabulary, ...] = ()
    relations: dict[str, Relation] = field(default_factory=dict)

    def options_for(self, relation: str) -> tuple[Option, ...]:
        extra = self.relations[relation].options if relation else ()
        return self.options + extra

    def vocabularies_for(self, relation: str) -> tuple[Vocabulary, ...]:
        extra = self.relations[relation].vocabularies if relation else ()
        return self.vocabularies + extra


def type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__
