"""numlint diff: pairing by fact across two versions, NL104 left-behind, output shapes, git modes.

Fixture pairs in fixtures/diff/ (NAME.old.txt, NAME.new.txt) give exactly the changes and findings
of NAME.expected.json: a moved paragraph, a reworded sentence, a figure added and one removed, and
a mention left behind at its old value.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import numlint
from numlint.cli import cli
from numlint.config import Config
from numlint.diff import diff_texts
from numlint.registry import load_rules

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "diff"
PAIRS = sorted(p.name[: -len(".old.txt")] for p in FIXTURES.glob("*.old.txt"))
VERSION_BREAK = "\n--- updated ---\n"   # how rules/NL104-left-behind.toml writes an example's two versions
RULE = load_rules()["NL104"]


def _mention(q):
    return None if q is None else [q.line, q.column, q.text]


def _diff(name: str, config: Config | None = None):
    old, new = FIXTURES / f"{name}.old.txt", FIXTURES / f"{name}.new.txt"
    return diff_texts(old.read_text(encoding="utf-8"), new.read_text(encoding="utf-8"), str(old), str(new), config)


def test_there_are_fixture_pairs_of_each_kind_of_change():
    assert {"moved-paragraph", "reworded", "added-removed", "left-behind", "updated-everywhere"} <= set(PAIRS)


@pytest.mark.parametrize("name", PAIRS)
def test_fixture_pair_gives_exactly_its_expected_changes_and_findings(name):
    expected = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    result = _diff(name)
    assert result.error is None
    assert [{"change": c.change, "old": _mention(c.old), "new": _mention(c.new)} for c in result.changes] \
        == expected["changes"]
    assert [{"code": f.code, "line": f.line, "column": f.column, "severity": f.severity,
             "related": [r.line for r in f.related]} for f in result.findings] == expected["findings"]


def test_a_moved_paragraph_pairs_by_fact_not_by_line():
    result = _diff("moved-paragraph")
    (change,) = result.changes
    assert (change.old.line, change.new.line) == (7, 3)       # the paragraph moved up four lines
    assert result.unchanged == 3                                # 9,500, three and £64 did not change


def _versions(example: str) -> tuple[str, str]:
    old, new = example.split(VERSION_BREAK)
    return old, new


@pytest.mark.parametrize("example", RULE.failing_examples)
def test_nl104_failing_example_gives_exactly_one_left_behind(example):
    result = diff_texts(*_versions(example), "old.txt", "new.txt")
    assert [f.code for f in result.findings] == ["NL104"]
    (finding,) = result.findings
    assert finding.severity == "error" and len(finding.related) == 1
    assert not finding.message.startswith(RULE.summary)        # the template filled from the hit


@pytest.mark.parametrize("example", RULE.passing_examples)
def test_nl104_passing_example_is_clean(example):
    result = diff_texts(*_versions(example), "old.txt", "new.txt")
    assert result.findings == ()
    assert any(c.change == "changed" for c in result.changes)  # a change (info), not an error


def test_nl104_never_fires_on_one_document():
    old, new = _versions(RULE.failing_examples[0])
    assert numlint.check_text(new, "new.txt", Config(select=("NL104",))) == []


def test_nl104_respects_ignore_severity_and_suppression():
    old, new = _versions(RULE.failing_examples[0])
    assert diff_texts(old, new, config=Config(ignore=("NL104",))).findings == ()
    quiet = diff_texts(old, new, config=Config(severity={"NL104": "warning"}))
    assert [f.severity for f in quiet.findings] == ["warning"]
    silenced = new.replace("In all, 121", "[numlint: disable-next-line NL104]\nIn all, 121")
    assert diff_texts(old, silenced).findings == ()


def test_an_update_may_turn_a_change_around():
    old = "The index was down 3.05 points, or 0.21 percent, at 1,462.76 on Monday."
    new = "The index rose 6.39 points, or 0.44 percent, to 1,472.20 on Monday."
    changes = [(c.change, c.old.text, c.new.text) for c in diff_texts(old, new).changes]
    assert ("changed", "3.05", "6.39") in changes
    assert ("changed", "0.21 percent", "0.44 percent") in changes


def test_a_per_what_written_once_is_no_change():
    old = "The company lost 11 cents per share in the quarter, it said on Thursday."
    new = "The company lost 11 cents in the quarter, it said on Thursday."
    assert diff_texts(old, new).changes == ()


# --- the command line -------------------------------------------------------------------------

def _run(args, cwd=None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, args, catch_exceptions=False)
    here = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(here)


def _paths(name):
    return [str(FIXTURES / f"{name}.old.txt"), str(FIXTURES / f"{name}.new.txt")]


def test_cli_text_shows_old_and_new_lines_and_exits_as_check():
    result = _run(["diff", *_paths("left-behind")])
    assert result.exit_code == 1
    assert "changed  121 -> 124" in result.output
    assert "old 3 │ Flooding in the river valley has killed 121 people" in result.output
    assert "new 3 │ Flooding in the river valley has killed 124 people" in result.output
    assert "left-behind.new.txt:7:19: NL104 error" in result.output
    assert _run(["diff", "--exit-zero", *_paths("left-behind")]).exit_code == 0
    assert _run(["diff", *_paths("moved-paragraph")]).exit_code == 0     # a change is not a finding


def test_cli_json_shape_is_the_documented_one():
    result = _run(["diff", "--format", "json", *_paths("left-behind")])
    data = json.loads(result.output)
    assert set(data) == {"numlint", "diffs", "summary"}
    (d,) = data["diffs"]
    assert set(d) == {"old", "new", "error", "error_path", "changes", "unchanged", "findings"}
    change = d["changes"][1]
    assert set(change) == {"change", "fact", "metric", "old", "new"}
    assert change["change"] == "changed" and change["metric"] == "people"
    assert {"text", "start", "end", "line", "column", "end_line", "end_column", "value", "unit", "kind"} \
        <= set(change["old"])
    old_text = (FIXTURES / "left-behind.old.txt").read_text(encoding="utf-8")
    new_text = (FIXTURES / "left-behind.new.txt").read_text(encoding="utf-8")
    assert old_text[change["old"]["start"]:change["old"]["end"]] == "121"   # positions in its own file
    assert new_text[change["new"]["start"]:change["new"]["end"]] == "124"
    assert d["changes"][0]["fact"] == change["fact"]        # headline and lede: one figure, updated twice
    (finding,) = d["findings"]
    assert finding["code"] == "NL104" and finding["related"][0]["line"] == 3
    assert data["summary"] == {"files": 1, "findings": 1, "changed": 2, "added": 0, "removed": 0,
                               "unchanged": 3, "error": 1, "warning": 0, "info": 0}


def test_cli_sarif_and_github_carry_the_left_behind_finding():
    sarif = json.loads(_run(["diff", "--format", "sarif", *_paths("left-behind")]).output)
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["NL104"]
    github = _run(["diff", "--format", "github", *_paths("left-behind")]).output
    assert github.startswith("::error ") and "NL104" in github and "line=7" in github


def test_cli_unreadable_version_is_one_line_exit_2(tmp_path):
    result = _run(["diff", str(tmp_path / "missing.txt"), _paths("reworded")[1]])
    assert result.exit_code == 2
    assert f"numlint: {tmp_path / 'missing.txt'}: no such file or directory" in result.output
    assert _run(["diff", _paths("reworded")[0]]).exit_code == 2          # OLD without NEW


def test_nothing_is_written_to_the_versions(tmp_path):
    old, new = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(_paths("left-behind")[0], old)
    shutil.copy(_paths("left-behind")[1], new)
    before = (old.read_bytes(), new.read_bytes(), sorted(os.listdir(tmp_path)))
    _run(["diff", str(old), str(new)])
    assert (old.read_bytes(), new.read_bytes(), sorted(os.listdir(tmp_path))) == before


# --- git modes, against a repository built here ------------------------------------------------

def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


@pytest.fixture()
def repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    _git(tmp_path, "init", "-q")
    (tmp_path / "news").mkdir()
    shutil.copy(_paths("left-behind")[0], tmp_path / "news" / "flood.txt")
    shutil.copy(_paths("reworded")[0], tmp_path / "news" / "storm.txt")
    (tmp_path / "notes.py").write_text("x = 1\n", encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first versions")
    shutil.copy(_paths("left-behind")[1], tmp_path / "news" / "flood.txt")   # updated, one mention left behind
    (tmp_path / "notes.py").write_text("x = 2\n", encoding="utf-8")           # not an article
    return tmp_path


def test_git_rev_path_against_the_working_copy(repo):
    result = _run(["diff", "git:HEAD:news/flood.txt", "news/flood.txt"], cwd=repo)
    assert result.exit_code == 1
    assert "git:HEAD:news/flood.txt -> news/flood.txt" in result.output
    assert "news/flood.txt:7:19: NL104 error" in result.output
    # a path relative to the current directory, as git show ./PATH reads it
    inside = _run(["diff", "git:HEAD:flood.txt", "flood.txt"], cwd=repo / "news")
    assert inside.exit_code == 1 and "NL104" in inside.output


def test_git_mode_compares_every_changed_article(repo):
    result = _run(["diff", "--git", "HEAD", "--format", "json"], cwd=repo)
    data = json.loads(result.output)
    assert [(d["old"], d["new"]) for d in data["diffs"]] == [("git:HEAD:news/flood.txt", "news/flood.txt")]
    assert result.exit_code == 1
    shutil.copy(_paths("reworded")[1], repo / "news" / "storm.txt")
    (repo / "news" / "new.txt").write_text("A new story with 12 figures.\n", encoding="utf-8")
    _git(repo, "add", "news/new.txt")
    data = json.loads(_run(["diff", "--git", "HEAD", "--format", "json"], cwd=repo).output)
    assert [d["new"] for d in data["diffs"]] == ["news/flood.txt", "news/new.txt", "news/storm.txt"]
    added = data["diffs"][1]
    assert [c["change"] for c in added["changes"]] == ["added"]          # no old version: all added
    # paths limit the articles compared
    only = json.loads(_run(["diff", "--git", "HEAD", "--format", "json", "news/storm.txt"], cwd=repo).output)
    assert [d["new"] for d in only["diffs"]] == ["news/storm.txt"]


def test_git_mode_reads_a_word_story_from_the_repository(repo):
    from docx_builder import build_docx

    def story(n: str) -> bytes:
        return build_docx([{"title": "Council to cut 450 jobs"}, {"p": f"The council will cut {n} jobs by March."},
                           {"p": "Unions will fight the loss of the 450 jobs."}])

    (repo / "news" / "jobs.docx").write_bytes(story("450"))
    _git(repo, "add", "news/jobs.docx")
    _git(repo, "commit", "-q", "-m", "a Word story")
    (repo / "news" / "jobs.docx").write_bytes(story("540"))
    result = _run(["diff", "--git", "HEAD", "news/jobs.docx"], cwd=repo)
    assert "changed  450 -> 540 jobs" in result.output
    assert "news/jobs.docx:1:16: NL104 error" in result.output and result.exit_code == 1


def test_git_errors_are_one_line_exit_2(repo):
    result = _run(["diff", "--git", "no-such-rev"], cwd=repo)
    assert result.exit_code == 2 and "numlint: --git no-such-rev:" in result.output
    result = _run(["diff", "git:HEAD:news/none.txt", "news/flood.txt"], cwd=repo)
    assert result.exit_code == 2 and "git:HEAD:news/none.txt" in result.output


# --- the pre-commit hook of docs/diff.md, with the real pre-commit ------------------------------

def _documented_hook() -> str:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "diff.md").read_text(encoding="utf-8")
    begin, end = "<!-- numlint-diff-hook:begin -->", "<!-- numlint-diff-hook:end -->"
    block = doc[doc.index(begin) + len(begin):doc.index(end)]
    return block.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_documented_pre_commit_hook_stops_a_staged_left_behind(repo, tmp_path_factory):
    if shutil.which("pre-commit") is None:
        pytest.skip("pre-commit is not installed")
    (repo / ".pre-commit-config.yaml").write_text(_documented_hook(), encoding="utf-8")
    _git(repo, "add", ".pre-commit-config.yaml")
    _git(repo, "commit", "-q", "-m", "hook", "--", ".pre-commit-config.yaml")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
           "PATH": os.path.dirname(shutil.which("numlint") or "") + os.pathsep + os.environ.get("PATH", "")}
    _git(repo, "add", "news/flood.txt")          # the update with 121 left behind, staged
    # fixed in the working copy but not staged: the staged version is what the hook must see
    fixed = (repo / "news" / "flood.txt").read_text(encoding="utf-8").replace("said 121", "said 124")
    (repo / "news" / "flood.txt").write_text(fixed, encoding="utf-8")

    def run():
        return subprocess.run(["pre-commit", "run"], cwd=repo, env=env, capture_output=True, text=True)

    failed = run()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "news/flood.txt:7:19: NL104 error" in failed.stdout
    assert (repo / "news" / "flood.txt").read_text(encoding="utf-8") == fixed   # the unstaged fix is kept
    _git(repo, "add", "news/flood.txt")
    passed = run()
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_markdown_positions_are_in_the_original_files():
    old = ("# Toll rises to 121\n\nFlooding has **killed 121 people**, officials said.\n\n"
           "In all, 121 people have died.\n")
    new = old.replace("to 121", "to 124").replace("killed 121", "killed 124")
    result = diff_texts(old, new, "old.md", "new.md")
    assert [(old[c.old.start:c.old.end], new[c.new.start:c.new.end], c.new.line) for c in result.changes] \
        == [("121", "124", 1), ("121", "124", 3)]
    (finding,) = result.findings
    assert (finding.line, finding.column, new[finding.start:finding.end]) == (5, 9, "121")


def test_a_long_document_meets_a_bounded_number_of_old_mentions():
    """Past FULL_SCAN old mentions, each new mention is scored against a bounded set, not all."""
    from numlint.diff import _table, match
    from numlint.document import Document

    towns = [f"Town{chr(65 + i % 26)}{chr(65 + i // 26 % 26)}" for i in range(400)]
    old = "\n\n".join(f"In {t}, the {i % 7 + 2} libraries lent {1000 + i * 7:,} books last month."
                      for i, t in enumerate(towns))
    new = old.replace("lent 1,700 books", "lent 1,750 books")   # town 100, far down
    old_table, new_table = _table(Document("old.txt", old, "text")), _table(Document("new.txt", new, "text"))
    assert len(old_table.facts) > match.FULL_SCAN
    pairs = list(match.candidates(old_table, new_table))
    per_mention = 6 * match.TOP_SENTENCES + match.SAME_DIGITS + 2 * match.NEAREST
    assert len(pairs) <= len(new_table.facts) * per_mention
    changes = [(c.old.text, c.new.text) for c in diff_texts(old, new).changes]
    assert changes == [("1,700", "1,750")]
