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
    parts += _options_section(rule) + _vocabularies_section(rule) + _scoring_section(rule)
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


def _scoring_section(rule) -> list[str]:
    """For the consistency rules: how numlint decides that two mentions state one fact."""
    if not rule.kind.startswith("consistency"):
        return []
    from numlint.facts import matching

    model = matching.load_model()
    return [
        "",
        "## How a pair is scored",
        "Any two mentions whose kinds and units could be one quantity are a candidate pair. The evidence",
        "of the text and the value relation below are added up (a logistic model) into the probability",
        "that the pair is one figure stated twice, one side gone wrong; the rule reports a pair whose",
        "probability reaches its threshold (options above). Weights, strongest first, learnt by",
        f"bench/train_same_fact.py ({model.trained_on}):",
        *("    " + line for line in matching.describe_model(model).splitlines()),
        "",
        "With text_same_fact set, the evidence of the text alone must reach it too: the weights above",
        "without the value relation (transposed, one_digit, ratio_*, slip_*, currency_differ, unit_differ)",
        "and marker_near. Two digits swapped or a near value make a pair that reads like one fact more",
        "suspect, never two different facts one.",
        "",
        "One written number under two scale words, currencies or units is a slip (slip_same_fact, and",
        "an error whatever metric was read) when the text ties the two mentions (one metric, shared",
        "words around both, the same word beside both, headline and body, a back-reference \"the ...\")",
        "or the number is one two facts seldom share by chance (three or more digits, two of them",
        "significant: \"960\", \"19.60\"); never a figure and its conversion side by side (\"10 km (6 miles)\").",
        "",
        "A pair that passes is still not reported when the text shows two facts: values that add up to",
        "another mention (parts and their total), a later mention that names another item (\"the other",
        "class\"), or a later mention that points back (\"the £412 million plan\") at an earlier one written",
        "the same way, which it restates, not the other mention of the pair.",
    ]


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


# ---------------------------------------------------------------------------------------------
# docs/rules/: one Markdown page per rule, generated from the same definitions and declarations

DOCS_NOTE = ("<!-- Generated from rules/*.toml and the kinds' declarations by "
             "`python -m numlint.explain docs/rules`; do not edit. -->")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def rule_markdown(rule) -> str:
    """The rule's page in docs/rules/ (CODE.md)."""
    state = "on by default" if rule.enabled else "off by default"
    kind = rule.kind + (f".{rule.relation}" if rule.relation else "")
    lines = [
        DOCS_NOTE,
        "",
        f"# {rule.code} {rule.name}",
        "",
        f"{rule.summary}",
        "",
        f"Default severity **{rule.severity}**, {state}. Kind `{kind}` "
        f"([numlint/rules/{rule.kind}.py](../../numlint/rules/{rule.kind}.py)); "
        f"definition [rules/{_source_name(rule)}](../../rules/{_source_name(rule)}).",
        "",
        "## Why is this bad?",
        "",
        rule.why,
    ]
    if rule.failing_examples or rule.example:
        lines += ["", "## Example", "", "```text", rule.example or rule.failing_examples[0], "```"]
    if rule.use_instead or rule.passing_examples:
        lines += ["", "## Use instead", "", "```text", rule.use_instead or rule.passing_examples[0], "```"]
    specs = getattr(rule, "option_specs", ())
    if specs:
        lines += ["", "## Options", "",
                  f"Set in `[tool.numlint.rules.{rule.code}]` or `[tool.numlint.rules.{rule.name}]`; a value of "
                  "the wrong type or out of range stops the run with a configuration error (exit 2).", "",
                  "| option | default | allowed | meaning |", "|---|---|---|---|"]
        lines += [f"| `{o.name}` | `{o.shown_default()}` | {_cell(o.describe())} | {_cell(o.doc)} |" for o in specs]
    vocabularies = getattr(rule, "vocabulary_specs", ())
    if vocabularies:
        lines += ["", "## Vocabularies", "",
                  "Word lists; a list given in the rule's table extends the built-in one "
                  "(`metric_synonyms = [\"casualty casualties\"]`).", "",
                  "| vocabulary | entries | shared list | meaning |", "|---|---|---|---|"]
        for v in vocabularies:
            refs = getattr(rule, "vocabulary_refs", {}).get(v.name, ())
            shared = ", ".join(f"`@{r}`" for r in refs) or "-"
            lines.append(f"| `{v.name}` | {len(rule.vocabularies.get(v.name, ()))} | {shared} | {_cell(v.doc)} |")
    lines += [
        "",
        "## How to silence it",
        "",
        f"- for a whole run: `--ignore {rule.code}` (or `ignore = [\"{rule.code}\"]` in `[tool.numlint]`)",
        f"- in Markdown or HTML: `<!-- numlint: disable-next-line {rule.code} -->` before the line, "
        f"or `<!-- numlint: disable-line {rule.code} -->` on it",
        f"- in plain text: a line `[numlint: disable-next-line {rule.code}]` before the line, "
        f"or `[numlint: disable-line {rule.code}]` at the end of it",
        "- for a known, accepted finding: record it in a baseline (`--write-baseline` / `--baseline`)",
    ]
    return "\n".join(lines) + "\n"


def _source_name(rule) -> str:
    from pathlib import PurePath

    return PurePath(rule.source).name if rule.source else f"{rule.code}.toml"


def index_markdown(rules) -> str:
    """docs/rules/README.md: every rule, linked to its page."""
    lines = [DOCS_NOTE, "", "# Rules", "",
             "How a rule is defined (kinds, relations, options, shared vocabularies): "
             "[../rule-definitions.md](../rule-definitions.md).", "",
             "| code | name | default | kind | what it finds |", "|---|---|---|---|---|"]
    for r in rules.values():
        default = r.severity + ("" if r.enabled else ", off")
        kind = r.kind + (f".{r.relation}" if r.relation else "")
        lines.append(f"| [{r.code}]({r.code}.md) | {r.name} | {default} | `{kind}` | {_cell(r.summary)} |")
    return "\n".join(lines) + "\n"


def doc_pages() -> dict[str, str]:
    """File name -> text of every page in docs/rules/."""
    from numlint.registry import load_rules

    rules = load_rules()
    pages = {f"{code}.md": rule_markdown(rule) for code, rule in rules.items()}
    pages["README.md"] = index_markdown(rules)
    return pages


def main(argv=None) -> int:
    """``python -m numlint.explain DIR``: (re)write the rule pages in DIR (docs/rules)."""
    import sys
    from pathlib import Path

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m numlint.explain DIR", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    pages = doc_pages()
    for stale in out.glob("*.md"):
        if stale.name not in pages:
            stale.unlink()
    for name, text in pages.items():
        (out / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(pages)} pages to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
