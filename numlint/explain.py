"""A rule's documentation, from its TOML definition and its kind's option declarations: the text of
``numlint explain CODE``, the help of each rule in the SARIF report, and the Markdown pages in
docs/rules/. Nothing here reads articles or imports a stage of the pipeline."""

from __future__ import annotations


def find_rule(code_or_name: str):
    """The rule with this code (any case) or name, or None."""
    from numlint.registry import load_rules

    rules = load_rules()
    return rules.get(code_or_name.upper()) or next((r for r in rules.values() if r.name == code_or_name), None)


def explain_text(rule) -> str:
    parts = [
        f"{rule.code} {rule.name} ({rule.severity}{'' if rule.enabled else ', off by default'})",
        "",
        "## What it does",
        rule.summary,
        "",
        "## Why is this bad?",
        rule.why,
    ]
    if rule.failing_examples or rule.example:
        parts += ["", "## Example", rule.example or rule.failing_examples[0]]
    if rule.use_instead or rule.passing_examples:
        parts += ["", "## Use instead", rule.use_instead or rule.passing_examples[0]]
    parts += _options_section(rule) + _vocabularies_section(rule)
    parts += [
        "",
        "## How to silence it",
        f"- for a whole run: --ignore {rule.code} (or ignore = [\"{rule.code}\"] in [tool.numlint])",
        f"- in Markdown or HTML: <!-- numlint: disable-next-line {rule.code} --> before the line,",
        f"  or <!-- numlint: disable-line {rule.code} --> on it",
        f"- in plain text: a line [numlint: disable-next-line {rule.code}] before the line,",
        f"  or [numlint: disable-line {rule.code}] at the end of it",
        "- for a known, accepted finding: record it in a baseline (--write-baseline / --baseline)",
    ]
    return "\n".join(parts)


def _table(rule) -> str:
    return f"[tool.numlint.rules.{rule.code}] (or [tool.numlint.rules.{rule.name}])"


def _options_section(rule) -> list[str]:
    specs = getattr(rule, "option_specs", ())
    if not specs:
        return []
    lines = ["", "## Options", f"Set in {_table(rule)}; a value of the wrong type or out of range is an error."]
    for option in specs:
        lines.append(f"- {option.name} = {option.shown_default()} ({option.describe()}): {option.doc}")
    return lines


def _vocabularies_section(rule) -> list[str]:
    specs = getattr(rule, "vocabulary_specs", ())
    if not specs:
        return []
    lines = ["", "## Vocabularies", f"Word lists; a list given in {_table(rule)} extends the built-in one."]
    for vocabulary in specs:
        words = rule.vocabularies.get(vocabulary.name, ())
        refs = getattr(rule, "vocabulary_refs", {}).get(vocabulary.name, ())
        shared = f", shared: {', '.join('@' + r for r in refs)}" if refs else ""
        count = f"{len(words)} entr{'y' if len(words) == 1 else 'ies'}{shared}"
        lines.append(f"- {vocabulary.name} ({count}): {vocabulary.doc}")
    return lines
