"""Every TOML rule loads, documents itself, and its own examples fail and pass as they claim."""

from __future__ import annotations

import pkgutil
import re
import textwrap
from pathlib import Path

import pytest

import numlint
import numlint.rules
from numlint import registry, vocabularies
from numlint.config import Config
from numlint.options import Kind, Option, OptionError, Relation, Vocabulary
from numlint.registry import RuleDefinitionError, kind_module, load_rules

RULES = load_rules()
# Rules whose hits do not come from one document's fact table (NL901 is fed by suppression
# directives; NL104 compares two versions, and its examples are tested in tests/test_diff.py).
TABLE_RULES = {code: r for code, r in RULES.items() if r.kind not in ("unused_suppression", "left_behind")}


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


# --- kinds declare relations, options and vocabularies; rules refer to shared vocabularies ------

@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_values_fit_their_kinds_declaration(code):
    rule = RULES[code]
    kind = registry.kind_declaration(rule.kind)
    assert (rule.relation in kind.relations) if kind.relations else rule.relation == ""
    assert [o.name for o in rule.option_specs] == [o.name for o in kind.options_for(rule.relation)]
    assert set(rule.options) == {o.name for o in rule.option_specs}
    assert set(rule.vocabularies) == {v.name for v in kind.vocabularies_for(rule.relation)}
    assert "mode" not in rule.options
    for option in rule.option_specs:
        assert option.doc and option.describe()
        if option.default is not None:
            assert option.check(option.default) == option.default


def test_explain_lists_each_option_with_type_default_and_range():
    from numlint.explain import explain_text

    for rule in RULES.values():
        text = explain_text(rule)
        for option in rule.option_specs:
            assert f"- {option.name} = {option.shown_default()} ({option.describe()}): {option.doc}" in text
        for vocabulary in rule.vocabulary_specs:
            assert f"- {vocabulary.name} (" in text
    assert "a number from 0 to 1" in explain_text(RULES["NL101"])


def test_no_word_list_is_written_twice_in_the_rule_definitions():
    """A list two rules share is a shared vocabulary, referred to by name ("@name")."""
    seen: dict[tuple, str] = {}
    for path in sorted(registry.definitions_dir().glob("*.toml")):
        data = registry.tomllib.loads(path.read_text(encoding="utf-8"))
        for name, items in data.get("vocabularies", {}).items():
            if isinstance(items, list) and len(items) > 2:
                key = tuple(sorted(i for i in items if not i.startswith("@")))
                assert key not in seen, f"{path.name} [vocabularies] {name} repeats {seen.get(key)}"
                seen[key] = f"{path.name} {name}"


def test_shared_vocabularies_are_used_and_resolve():
    names = vocabularies.names()
    assert {"metric_synonyms", "ignore_metrics", "ignore_mentions", "ignore_units", "change_markers"} <= set(names)
    for rule in ("NL101", "NL102", "NL103", "NL201", "NL202"):
        assert RULES[rule].vocabularies["metric_synonyms"] == vocabularies.get("metric_synonyms")
        assert RULES[rule].vocabulary_refs["metric_synonyms"] == ("metric_synonyms",)
    assert RULES["NL101"].vocabularies["change_markers"] == vocabularies.get("change_markers")
    # "@name" inside a list splices the shared list in place
    change_words = vocabularies.get("change_words")
    assert vocabularies.get("stated_change_words")[: len(change_words)] == change_words
    assert vocabularies.resolve(["x", "@clause_breaks", "y"]) == ("x", *vocabularies.get("clause_breaks"), "y")
    with pytest.raises(vocabularies.VocabularyError):
        vocabularies.resolve("@no_such_list")
    text = "".join(Path(vocabularies.source(n)).read_text(encoding="utf-8") for n in names)
    used = text + "".join(p.read_text(encoding="utf-8") for p in registry.definitions_dir().glob("*.toml"))
    source = "".join(p.read_text(encoding="utf-8") for p in Path(numlint.__file__).parent.rglob("*.py"))
    for name in names:
        assert f"@{name}" in used or f'"{name}"' in source, f"shared vocabulary {name} is never used"


def test_the_wheel_ships_the_shared_vocabularies():
    """pyproject force-includes all of rules/ (so rules/vocabularies/ too) as numlint/rule_definitions."""
    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^"rules" = "numlint/rule_definitions"$', pyproject, re.M)
    assert vocabularies.vocabularies_dir() == registry.definitions_dir() / "vocabularies"


def _definition(tmp_path, kind, extra=""):
    path = tmp_path / "NL999-x.toml"
    path.write_text(textwrap.dedent(f'''
        code = "NL999"
        name = "x"
        kind = "{kind}"
        severity = "info"
        summary = "s"
        message = "m"
        why = "w"
    ''') + textwrap.dedent(extra), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind, extra, fragment", [
    ("consistency", "", "name one of the relations of 'consistency': consistency.conflict"),
    ("consistency.foo", "", "name one of the relations"),
    ("conversion.foo", "", "kind 'conversion' has no relations"),
    ("nosuchkind", "", "no rule kind 'nosuchkind'"),
    ("consistency.scale", "[options]\nmode = 'conflict'\n", "[options] 'mode' is not an option of this kind"),
    ("consistency.scale", "[options]\napprox_tolerance = 3\n",
     "[options] approx_tolerance must be a number from 0 to 1, not 3"),
    ("consistency.scale", "[options]\nmin_identity = 1\n", "'min_identity' is not an option"),
    ("percent.points", "[vocabularies]\ntopics = []\n", "[vocabularies] 'topics' is not a vocabulary of this kind"),
    ("percent.points", "[vocabularies]\nchange_words = '@nope'\n", "no shared vocabulary 'nope'"),
    ("percent.points", "[vocabularies]\nchange_words = 'rose'\n", "must be a list of strings or \"@name\""),
])
def test_a_broken_definition_fails_at_load_time(tmp_path, kind, extra, fragment):
    with pytest.raises(RuleDefinitionError) as info:
        registry._spec_from_toml(_definition(tmp_path, kind, extra))
    assert fragment in str(info.value) and "NL999-x.toml" in str(info.value)


def test_a_definition_sets_its_own_values_over_the_kinds_defaults(tmp_path):
    spec = registry._spec_from_toml(_definition(tmp_path, "consistency.unit", """
        [options]
        min_same_fact = 0.25
        [vocabularies]
        metric_synonyms = ["@metric_synonyms", "vote ballot"]
    """))
    assert spec.relation == "unit" and spec.options["min_same_fact"] == 0.25
    assert spec.option("min_same_fact").default == 0.25
    assert spec.options["approx_tolerance"] == 0.1 and spec.options["slip_same_fact"] is None
    assert spec.vocabularies["metric_synonyms"] == vocabularies.get("metric_synonyms") + ("vote ballot",)
    assert spec.vocabularies["ignore_units"] == ()


def test_option_declarations_check_values():
    ratio = Option("r", float, 0.5, "r", minimum=0, maximum=1)
    assert ratio.check(1) == 1.0 and isinstance(ratio.check(1), float)
    for bad in (-0.1, 1.5, float("nan"), "0.5", True, None):
        with pytest.raises(OptionError):
            ratio.check(bad)
    count = Option("n", int, 3, "n", minimum=1)
    assert count.check(4.0) == 4 and count.describe() == "a whole number, at least 1"
    with pytest.raises(OptionError, match="not 1.5"):
        count.check(1.5)
    with pytest.raises(ValueError):
        Option("bad", int, 0, "a default outside its own range", minimum=1)
    words = Option("w", list, ("a",), "w", choices=("a", "b"))
    assert words.check(["b", "a"]) == ("b", "a")
    with pytest.raises(OptionError, match="not 'c'"):
        words.check(["a", "c"])
    kind = Kind("k", options=(count,), vocabularies=(Vocabulary("v", "v"),),
                relations={"x": Relation("x", options=(ratio,))})
    assert [o.name for o in kind.options_for("x")] == ["n", "r"]
    assert [v.name for v in kind.vocabularies_for("x")] == ["v"]


def test_rule_docs_are_generated_and_current():
    """docs/rules/ is generated from the definitions: run `python -m numlint.explain docs/rules`."""
    from numlint.explain import doc_pages

    docs = Path(__file__).resolve().parent.parent / "docs" / "rules"
    pages = doc_pages()
    assert sorted(p.name for p in docs.glob("*.md")) == sorted(pages), "run: python -m numlint.explain docs/rules"
    for name, text in pages.items():
        stale = f"docs/rules/{name} is stale: python -m numlint.explain docs/rules"
        assert (docs / name).read_text(encoding="utf-8") == text, stale


def test_a_kind_can_give_a_shared_vocabulary_no_rule_names(tmp_path, monkeypatch):
    """Vocabulary(default="@name"): every rule of the kind gets the shared list (users can extend it)."""
    kind = Kind("k", vocabularies=(Vocabulary("months", "month names", default="@months"),))
    monkeypatch.setattr(registry, "kind_declaration", lambda name, path="": kind)
    spec = registry._spec_from_toml(_definition(tmp_path, "fake"))
    assert spec.vocabularies["months"] == vocabularies.get("months") and spec.vocabulary_refs["months"] == ("months",)
    assert spec.vocabularies["months"][0] == "January"
