"""SARIF 2.1.0: valid against the OASIS schema (when available) and shaped the way GitHub code scanning
(github/codeql-action/upload-sarif) requires: checked here without network or /work/shared."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from numlint.document import Document
from numlint.model import FileResult, Finding, Related
from numlint.registry import load_rules
from numlint.reporters import sarif

SCHEMA = Path("/work/shared/schemas/sarif-schema-2.1.0.json")

ARTICLE = "Officials said 212 people had died.\nThe death toll of 221 is expected to rise 🌊 today.\n"


def _results(root: Path) -> list[FileResult]:
    doc = Document(str(root / "news" / "flood.txt"), ARTICLE)
    a = ARTICLE.index("221")
    b = ARTICLE.index("212")
    rel = Related(b, b + 3, *doc.position(b, b + 3), "212 [people] (line 1)")
    f = Finding("NL101", "conflicting-values", "error", "221 deaths here, but 212 on line 1", a, a + 3,
                *doc.position(a, a + 3), (rel,), "0123456789abcdef")
    # A finding after an astral character: UTF-16 columns differ from code-point columns.
    t = ARTICLE.index("today")
    g = Finding("NL201", "scale-slip", "info", "note", t, t + 5, *doc.position(t, t + 5), (), "fedcba9876543210")
    return [
        FileResult(str(root / "news" / "flood.txt"), findings=(f, g), text=ARTICLE),
        FileResult(str(root / "news" / "bad file.txt"), error="binary file, not text"),
    ]


@pytest.fixture
def log(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "news").mkdir()
    return sarif.build(_results(tmp_path), cwd=str(tmp_path / "news")), tmp_path


def github_requirements(log: dict) -> None:
    """What GitHub code scanning needs to accept and place an upload (docs: 'SARIF support for code
    scanning'), hard-coded so this test runs anywhere."""
    assert log["version"] == "2.1.0"
    assert log["$schema"].startswith("https://")
    assert isinstance(log["runs"], list) and log["runs"]
    for run in log["runs"]:
        driver = run["tool"]["driver"]
        assert driver["name"] and isinstance(driver["name"], str)
        assert re.match(r"^\d+\.\d+\.\d+", driver["semanticVersion"])
        assert driver["informationUri"].startswith(("https://", "file:///"))
        rule_ids = [r["id"] for r in driver["rules"]]
        assert len(rule_ids) == len(set(rule_ids)) and len(rule_ids) <= 25_000
        for rule in driver["rules"]:
            assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
            assert rule["help"]["text"] and rule["help"]["markdown"]
            assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
            assert len(rule["shortDescription"]["text"]) <= 1024 and len(rule["fullDescription"]["text"]) <= 1024
        assert len(run["results"]) <= 25_000
        for result in run["results"]:
            assert result["ruleId"] in rule_ids
            assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
            assert result["level"] in ("error", "warning", "note", "none")
            assert result["message"]["text"]
            assert 1 <= len(result["locations"]) <= 10
            for loc in result["locations"] + result.get("relatedLocations", []):
                phys = loc["physicalLocation"]
                uri = phys["artifactLocation"]["uri"]
                assert "\\" not in uri and not uri.startswith("/")
                assert phys["artifactLocation"].get("uriBaseId") == "%SRCROOT%"
                region = phys["region"]
                assert region["startLine"] >= 1 and region["startColumn"] >= 1
                assert region["endLine"] >= region["startLine"]
                if region["endLine"] == region["startLine"]:
                    assert region["endColumn"] > region["startColumn"]
            assert len(result.get("relatedLocations", [])) <= 1000
            fps = result["partialFingerprints"]
            assert fps and all(isinstance(v, str) and v for v in fps.values())


def test_github_structure(log):
    github_requirements(log[0])


@pytest.mark.skipif(not SCHEMA.exists(), reason="SARIF schema not available")
def test_valid_against_the_oasis_schema(log):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log[0])


def test_driver_rules_and_levels(log):
    run = log[0]["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "numlint"
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(ids) and set(load_rules()) <= set(ids)
    nl901 = driver["rules"][ids.index("NL901")]
    assert nl901["name"] == "unused-suppression"
    assert nl901["defaultConfiguration"] == {"level": "warning", "enabled": False}
    assert "### Why is this bad?" in nl901["help"]["markdown"]
    levels = [r["level"] for r in run["results"]]
    assert levels == ["error", "note"]


def test_locations_are_repo_relative_with_full_regions(log):
    run = log[0]["runs"][0]
    root = log[1]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == root.resolve().as_uri() + "/"
    assert run["columnKind"] == "utf16CodeUnits"
    first = run["results"][0]
    phys = first["locations"][0]["physicalLocation"]
    assert phys["artifactLocation"] == {"uri": "news/flood.txt", "uriBaseId": "%SRCROOT%"}
    start = ARTICLE.index("221")
    assert phys["region"] == {
        "startLine": 2, "startColumn": 19, "endLine": 2, "endColumn": 22,
        "charOffset": start, "charLength": 3, "snippet": {"text": "221"},
    }
    related = first["relatedLocations"][0]
    assert related["id"] == 1
    assert related["physicalLocation"]["region"]["startLine"] == 1
    assert related["physicalLocation"]["region"]["startColumn"] == 16
    assert related["message"]["text"] == "212 [people] (line 1)"
    # The message links to the related location; brackets from the text are escaped.
    assert first["message"]["text"] == "221 deaths here, but 212 on line 1 (see [212 \\[people\\] (line 1)](1))"


def test_columns_and_offsets_count_utf16_code_units(log):
    second = log[0]["runs"][0]["results"][1]
    region = second["locations"][0]["physicalLocation"]["region"]
    cp_col = ARTICLE.split("\n")[1].index("today") + 1
    assert region["startColumn"] == cp_col + 1          # the wave emoji is two UTF-16 code units
    assert region["endColumn"] == cp_col + 1 + 5
    assert region["charOffset"] == ARTICLE.index("today") + 1
    assert region["charLength"] == 5


def test_fingerprints_stable_when_lines_move(tmp_path):
    (tmp_path / ".git").mkdir()
    moved = "\n\n\n" + ARTICLE
    doc = Document(str(tmp_path / "a.txt"), moved)
    a = moved.index("221")
    f = Finding("NL101", "conflicting-values", "error", "m", a, a + 3, *doc.position(a, a + 3), (), "0123456789abcdef")
    again = sarif.build([FileResult(str(tmp_path / "a.txt"), findings=(f,), text=moved)], cwd=str(tmp_path))
    assert again["runs"][0]["results"][0]["partialFingerprints"] == {"numlintFingerprint/v1": "0123456789abcdef:0"}


def test_unreadable_files_are_tool_notifications(log):
    invocation = log[0]["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    note = invocation["toolExecutionNotifications"][0]
    assert note["level"] == "error" and "binary file" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/bad%20file.txt"


def test_paths_outside_the_root_are_absolute_file_uris(tmp_path):
    inside = tmp_path / "repo"
    (inside / ".git").mkdir(parents=True)
    elsewhere = tmp_path / "other.txt"
    uri, relative = sarif.artifact_uri(str(elsewhere), inside)
    assert uri.startswith("file:///") and not relative
    assert sarif.artifact_uri(str(inside / "a b" / "c.md"), inside) == ("a%20b/c.md", True)


def test_render_is_json(tmp_path):
    text = sarif.render(_results(tmp_path), cwd=str(tmp_path))
    assert json.loads(text)["version"] == "2.1.0"
    assert os.linesep in text or "\n" in text


def _page(uri: str) -> Path:
    from urllib.parse import unquote, urlparse

    assert uri.startswith("file:///"), uri
    return Path(unquote(urlparse(uri).path))


def test_every_rule_links_to_its_generated_page(log):
    """helpUri is docs/rules/CODE.md, the page generated from the rule's definition (the docs/rules
    test keeps the pages in step); informationUri is the rule index. Both exist: no made-up address."""
    from numlint.explain import doc_pages

    pages = doc_pages()
    driver = log[0]["runs"][0]["tool"]["driver"]
    for rule in driver["rules"]:
        page = _page(rule["helpUri"])
        assert page.name == f"{rule['id']}.md" and page.parent.name == "rules"
        assert page.read_text(encoding="utf-8") == pages[page.name]
    index = _page(driver["informationUri"])
    assert index.read_text(encoding="utf-8") == pages["README.md"]


def test_a_published_documentation_url_in_the_metadata_is_used(monkeypatch):
    from importlib import metadata

    class Meta:
        def get_all(self, name):
            return ["Source, https://example.org/src", "Documentation, https://docs.example.org/numlint/"]

    monkeypatch.setattr(metadata, "metadata", lambda name: Meta())
    sarif.docs_base_uri.cache_clear()
    try:
        assert sarif.help_uri("NL101") == "https://docs.example.org/numlint/rules/NL101.md"
        assert sarif.information_uri() == "https://docs.example.org/numlint/rules/README.md"
    finally:
        sarif.docs_base_uri.cache_clear()


def test_an_html_page_quotes_the_reader_text_and_keeps_the_file_regions(tmp_path):
    """Messages and the context's message are the text as read; snippets are the file's own text of
    each region (SARIF 3.30.13), the context bounded to the mention's paragraph, not the whole line."""
    from numlint.linter import lint

    page = ('<html><body><nav>Share 3.2k</nav><article><h1>Hall 😀 repairs</h1>'
            '<p>The hall cost &pound;4.<span class="c0">5bn</span>, officials said.</p>'
            "<p>Its refurbishment cost &pound;4.5m.</p></article></body></html>\n")
    (tmp_path / ".git").mkdir()
    path = str(tmp_path / "page.html")
    result = lint(Document(path, page, "html"))
    log = sarif.build([result], cwd=str(tmp_path))
    (finding,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "NL201"]
    assert "£4.5m" in finding["message"]["text"] and "£4.5bn" in finding["message"]["text"]
    assert "&pound;" not in finding["message"]["text"]
    assert finding["relatedLocations"][0]["message"]["text"].startswith("£4.5bn")
    location = finding["locations"][0]["physicalLocation"]
    start = page.index("&pound;4.5m")
    astral = 1  # the emoji before it is two UTF-16 code units
    assert location["region"]["snippet"]["text"] == "&pound;4.5m"
    assert location["region"]["charOffset"] == start + astral
    context = location["contextRegion"]
    paragraph = "Its refurbishment cost &pound;4.5m."
    assert context["snippet"]["text"] == paragraph
    assert context["charOffset"] == page.index(paragraph) + astral and context["charLength"] == len(paragraph)
    assert context["startColumn"] == page.index(paragraph) + 1 + astral
    assert context["message"]["text"] == "Its refurbishment cost £4.5m."
    related = finding["relatedLocations"][0]["physicalLocation"]["region"]
    assert related["snippet"]["text"] == '&pound;4.<span class="c0">5bn'
    if SCHEMA.exists():
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
