"""Every TOML rule loads, documents itself, and its own examples fail and pass as they claim."""

from __future__ import annotations

import pkgutil

import pytest

import numlint
import numlint.rules
from numlint.config import Config
from numlint.registry import kind_module, load_rules

RULES = load_rules()
# Rules whose hits do not come from the fact table (NL901 is fed by suppression directives).
TABLE_RULES = {code: r for code, r in RULES.items() if r.kind != "unused_suppression"}



def _codes(text: str, code: str) -> list[str]:
    return [f.code for f in numlint.check_text(text, "example.txt", Config(select=(code,)))]


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_documented(code):
    rule = RULES[code]
    assert rule.name and rule.summary and rule.why and rule.message
    if code not in TABLE_RULES:
        return  # NL901's examples are suppression directives, tested with the suppression code
    assert len(rule.failing_examples) >= 2, "at least two failing examples"
    assert len(rule.passing_examples) >= 2, "at least two passing examples"
    kind_module(rule.kind)  # importable


@pytest.mark.parametrize("code,example", [(c, e) for c, r in sorted(TABLE_RULES.items()) for e in r.failing_examples])
def test_failing_example_triggers_exactly_its_rule(code, example):
    assert _codes(example, code) == [code]


@pytest.mark.parametrize("code,example", [(c, e) for c, r in sorted(TABLE_RULES.items()) for e in r.passing_examples])
def test_passing_example_is_clean(code, example):
    assert _codes(example, code) == []


def test_every_kind_module_is_used():
    kinds = {r.kind for r in RULES.values()}
    modules = {m.name for m in pkgutil.iter_modules(numlint.rules.__path__) if not m.name.startswith("_")}
    assert modules <= kinds, f"kind modules no rule uses: {sorted(modules - kinds)}"


@pytest.mark.parametrize("code", sorted(TABLE_RULES))
def test_message_template_fills_from_a_hit(code):
    """The message names only values the kind gives: rendering never falls back to the summary."""
    rule = RULES[code]
    example = rule.failing_examples[0]
    findings = numlint.check_text(example, "example.txt", Config(select=(code,)))
    assert findings and all(not f.message.startswith(rule.summary) for f in findings)
