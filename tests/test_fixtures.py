"""Every article in fixtures/ gives exactly the findings its NAME.expected.json lists.

``NAME.expected.json`` is a list of {"code", "line", "column", "severity"} (optionally "related":
a list of line numbers of the related mentions). An optional ``NAME.options.json`` holds Config
fields for that article (for example {"extend_select": ["NL9"]} to turn on house style rules).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import numlint
from numlint.config import Config

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLES = sorted(p for p in FIXTURES.iterdir()
                  if p.suffix in (".txt", ".md", ".html", ".htm") and not p.name.startswith("."))


def _config(article: Path) -> Config | None:
    options = article.with_suffix(".options.json")
    if not options.exists():
        return None
    data = json.loads(options.read_text(encoding="utf-8"))
    return Config(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


def _actual(article: Path) -> list[dict]:
    text = article.read_text(encoding="utf-8")
    rows = []
    for f in numlint.check_text(text, str(article), _config(article)):
        rows.append({"code": f.code, "line": f.line, "column": f.column, "severity": f.severity,
                     "related": sorted(r.line for r in f.related)})
    return rows


# Word fixtures are described in NAME.docx.json (tests/docx_builder.py) and built into a .docx by the
# test, so the repository holds reviewable text rather than a binary; NAME.docx.expected.json as above.
WORD_ARTICLES = sorted(FIXTURES.glob("*.docx.json"))


@pytest.mark.parametrize("spec", WORD_ARTICLES, ids=[p.name for p in WORD_ARTICLES])
def test_word_fixture_gives_exactly_its_expected_findings(spec, tmp_path):
    from docx_builder import build_docx

    from numlint.sources import read_source

    article = tmp_path / spec.name.removesuffix(".json")
    article.write_bytes(build_docx(json.loads(spec.read_text(encoding="utf-8"))))
    findings = numlint.check_text(read_source(str(article)), str(article))
    actual = [{"code": f.code, "line": f.line, "column": f.column, "severity": f.severity,
               "related": sorted(r.line for r in f.related)} for f in findings]
    expected_path = spec.with_name(spec.name.removesuffix(".json") + ".expected.json")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected


@pytest.mark.parametrize("article", ARTICLES, ids=[p.name for p in ARTICLES])
def test_fixture_gives_exactly_its_expected_findings(article):
    expected_path = article.with_suffix(".expected.json")
    assert expected_path.exists(), f"{article.name} has no {expected_path.name}"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    actual = _actual(article)
    # "related" is optional in the expectation: compare it only where given.
    trimmed = [{k: v for k, v in a.items() if k != "related" or "related" in e}
               for a, e in zip(actual, expected, strict=False)] + actual[len(expected):]
    assert trimmed == expected


def test_each_family_has_fixtures_that_trigger_and_fixtures_that_do_not():
    triggers: dict[str, set[str]] = {}
    for article in ARTICLES:
        expected = json.loads(article.with_suffix(".expected.json").read_text(encoding="utf-8"))
        for row in expected:
            triggers.setdefault(row["code"][:3], set()).add(article.name)
    for family in ("NL1", "NL2", "NL3", "NL4", "NL9"):
        hit = triggers.get(family, set())
        assert len(hit) >= 3, f"{family}: only {sorted(hit)} trigger it"
        assert len(ARTICLES) - len(hit) >= 3, f"{family}: fewer than three fixtures free of it"


def test_seed_article_findings():
    """The seed: a stated change 3,000 -> 10,000 troops (info), mixed bases GDP vs state expenditure
    (warning), and nothing on years, "38° N", "World War II" or "a U.S."."""
    article = FIXTURES / "korea-troops.txt"
    text = article.read_text(encoding="utf-8")
    findings = numlint.check_text(text, str(article))
    by_code = {f.code: f for f in findings}
    change = by_code["NL102"]
    assert change.severity == "info"
    assert {text[change.start:change.end]} | {text[r.start:r.end] for r in change.related} == {"3,000", "10,000"}
    bases = by_code["NL301"]
    assert bases.severity == "warning"
    assert {text[bases.start:bases.end]} | {text[r.start:r.end] for r in bases.related} == {"16%", "20%-30%"}
    flagged = " ".join(text[f.start:f.end] for f in findings)
    for never in ("2010", "2020", "1948", "1950", "2017", "38", "II", "U.S."):
        assert never not in flagged.split()
