"""The JSON Schema of numlint's configuration (``[tool.numlint]`` in pyproject.toml, or the top level
of ``.numlint.toml``), for editors that complete and check TOML against a schema (Even Better TOML /
taplo, JetBrains IDEs).

It is written from the same declarations the reader checks against, never by hand: the top-level
keys from ``numlint.config.TOP_KEYS``, each rule's table from its kind's ``Option`` and ``Vocabulary``
declarations (``numlint.options``) and the rule definitions. ``numlint schema`` prints it;
docs/numlint-config.schema.json is a checked-in copy (tests/test_schema.py keeps the two equal and
checks that the schema and the reader accept and refuse the same files).

Draft 7, the newest draft the common TOML editors read. Codes are listed as ``numlint rules`` prints
them (upper-case codes, lower-case names); numlint itself also accepts them in any case.
"""

from __future__ import annotations

import json
from typing import Any

from numlint.config import FAIL_ON, FORMATS, SEVERITIES, TOP_KEYS

SCHEMA_ID = "numlint-config.schema.json"
_JSON_TYPES = {int: "integer", float: "number", bool: "boolean", str: "string"}


def _option(option) -> dict[str, Any]:
    """One declared option as a schema: its type, range or choices, default and meaning."""
    if option.type is list:
        items: dict[str, Any] = {"type": "string"}
        if option.choices:
            items["enum"] = list(option.choices)
        out: dict[str, Any] = {"type": "array", "items": items}
    else:
        out = {"type": _JSON_TYPES[option.type]}
        if option.choices:
            out["enum"] = list(option.choices)
        if option.minimum is not None:
            out["minimum"] = option.minimum
        if option.maximum is not None:
            out["maximum"] = option.maximum
    if option.default is not None:
        out["default"] = list(option.default) if isinstance(option.default, tuple) else option.default
    out["description"] = f"{option.doc} ({option.describe()})"
    return out


def _rule(rule) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "severity": {"enum": list(SEVERITIES), "default": rule.severity,
                     "description": f"How loud {rule.code} is (default {rule.severity})."},
    }
    for option in getattr(rule, "option_specs", ()):
        properties[option.name] = _option(option)
    for vocabulary in getattr(rule, "vocabulary_specs", ()):
        properties[vocabulary.name] = {
            "type": "array", "items": {"type": "string"},
            "description": f"Added to the built-in list: {vocabulary.doc}",
        }
    return {
        "type": "object",
        "description": f"{rule.code} {rule.name}: {rule.summary}",
        "properties": properties,
        "additionalProperties": False,
    }


def _selectors(rules: dict) -> list[str]:
    """What ``select``, ``ignore`` and the others accept: ALL, every code and code prefix, every name."""
    prefixes = sorted({code[:i] for code in rules for i in range(2, len(code) + 1)})
    return ["ALL", *prefixes, *(rule.name for rule in rules.values())]


_VALUE_SCHEMAS: dict[str, dict[str, Any]] = {
    "codes": {"type": "array", "items": {"$ref": "#/definitions/selector"}},
    "globs": {"type": "array", "items": {"type": "string"}},
    "fail-on": {"enum": list(FAIL_ON)},
    "format": {"enum": list(FORMATS)},
    "bool": {"type": "boolean"},
    "path": {"type": "string", "minLength": 1},
}


def config_schema(rules: dict | None = None) -> dict[str, Any]:
    """The schema as a dict. ``rules`` (code -> RuleSpec) defaults to every known rule."""
    if rules is None:
        from numlint.registry import load_rules

        rules = load_rules()
    definitions: dict[str, Any] = {"selector": {"enum": _selectors(rules)}}
    rule_tables: dict[str, Any] = {}
    for code, rule in rules.items():
        definitions[code] = _rule(rule)
        rule_tables[code] = {"$ref": f"#/definitions/{code}"}
        rule_tables[rule.name] = {"$ref": f"#/definitions/{code}"}
    properties: dict[str, Any] = {}
    for key, (kind, doc) in TOP_KEYS.items():
        if key == "per-file-ignores":
            schema: dict[str, Any] = {"type": "object", "additionalProperties": _VALUE_SCHEMAS["codes"]}
        elif key == "rules":
            schema = {"type": "object", "properties": rule_tables, "additionalProperties": False}
        else:
            schema = dict(_VALUE_SCHEMAS[kind])
        properties[key] = {**schema, "description": doc}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "numlint configuration ([tool.numlint] in pyproject.toml, or .numlint.toml)",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "definitions": definitions,
    }


def render(rules: dict | None = None) -> str:
    return json.dumps(config_schema(rules), indent=2, ensure_ascii=False) + "\n"
