"""The JSON Schema of the configuration: generated from the declarations, checked in as
docs/numlint-config.schema.json (regenerate with `numlint schema > docs/numlint-config.schema.json`),
and in step with the reader: for every declared option of every rule, and for the top-level keys,
the schema and `numlint check` accept and refuse the same settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from numlint.cli import cli
from numlint.config import ConfigError, read_config_file
from numlint.registry import load_rules
from numlint.schema import config_schema, render

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
CHECKED_IN = ROOT / "docs" / "numlint-config.schema.json"
RULES = load_rules()


def test_the_checked_in_schema_is_the_generated_one():
    assert CHECKED_IN.read_text(encoding="utf-8") == render(), \
        "stale: numlint schema > docs/numlint-config.schema.json"


def test_numlint_schema_prints_it():
    result = CliRunner().invoke(cli, ["schema"], catch_exceptions=False)
    assert result.exit_code == 0 and json.loads(result.stdout) == config_schema()


def test_the_schema_is_a_valid_draft_7_schema():
    jsonschema.Draft7Validator.check_schema(config_schema())


def test_the_wheel_ships_the_docs():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"docs" = "numlint/docs"' in pyproject


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return repr(value)


def _cases():
    """(label, TOML text of a .numlint.toml, settings as the schema sees them)."""
    yield "empty", "", {}
    yield "codes and names", 'select = ["NL1", "percent-vs-points", "ALL"]\n', \
        {"select": ["NL1", "percent-vs-points", "ALL"]}
    yield "unknown code", 'ignore = ["ZZ9"]\n', {"ignore": ["ZZ9"]}
    yield "unknown key", "bogus = 1\n", {"bogus": 1}
    yield "fail-on", 'fail-on = "error"\n', {"fail-on": "error"}
    yield "bad fail-on", 'fail-on = "loud"\n', {"fail-on": "loud"}
    yield "force-exclude", "force-exclude = true\n", {"force-exclude": True}
    yield "bad force-exclude", 'force-exclude = "yes"\n', {"force-exclude": "yes"}
    yield "extend", "extend = 3\n", {"extend": 3}
    yield "globs", 'exclude = ["archive/**"]\n', {"exclude": ["archive/**"]}
    yield "bad globs", "exclude = [1]\n", {"exclude": [1]}
    yield "per-file-ignores", '[per-file-ignores]\n"wire/*.txt" = ["NL3"]\n', \
        {"per-file-ignores": {"wire/*.txt": ["NL3"]}}
    yield "unknown rule", "[rules.NL999]\nseverity = \"info\"\n", {"rules": {"NL999": {"severity": "info"}}}
    for code, rule in RULES.items():
        for ident in (code, rule.name):
            yield f"{ident} severity", f'[rules.{ident}]\nseverity = "info"\n', {"rules": {ident: {"severity": "info"}}}
        yield f"{code} bad severity", f'[rules.{code}]\nseverity = "loud"\n', {"rules": {code: {"severity": "loud"}}}
        yield f"{code} unknown option", f"[rules.{code}]\nno_such_option = 1\n", \
            {"rules": {code: {"no_such_option": 1}}}
        for option in rule.option_specs:
            values = [option.default if option.default is not None else None, "a string" if option.type is not str
                      else 5]
            if option.minimum is not None:
                values += [option.minimum, option.minimum - 1]
            if option.maximum is not None:
                values += [option.maximum, option.maximum + 1]
            if option.type is int:
                values.append(1.5)
            if option.choices:
                values.append(["nope"] if option.type is list else "nope")
            for value in values:
                if value is None:
                    continue
                yield (f"{code}.{option.name} = {value!r}", f"[rules.{code}]\n{option.name} = {_toml(value)}\n",
                       {"rules": {code: {option.name: list(value) if isinstance(value, tuple) else value}}})
        for vocabulary in rule.vocabulary_specs:
            yield (f"{code}.{vocabulary.name}", f'[rules.{code}]\n{vocabulary.name} = ["extra word"]\n',
                   {"rules": {code: {vocabulary.name: ["extra word"]}}})


CASES = list(_cases())


@pytest.mark.parametrize("label, text, settings", CASES, ids=[c[0] for c in CASES])
def test_schema_and_reader_agree(tmp_path, label, text, settings):
    path = tmp_path / ".numlint.toml"
    path.write_text(text, encoding="utf-8")
    try:
        read_config_file(path, RULES)
        reader_accepts = True
    except ConfigError:
        reader_accepts = False
    schema_accepts = jsonschema.Draft7Validator(config_schema()).is_valid(settings)
    assert schema_accepts == reader_accepts, f"{label}: schema {schema_accepts}, numlint {reader_accepts}"


def test_the_cases_cover_both_verdicts():
    verdicts = {jsonschema.Draft7Validator(config_schema()).is_valid(settings) for _, _, settings in CASES}
    assert verdicts == {True, False} and len(CASES) > 100
