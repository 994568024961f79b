"""End to end, as a user does it: a fresh git repository, docs/pre-commit.md's config, the real pre-commit.

pre-commit builds the hook's environment from this repository at a commit (``pip install .`` from
the package index), so this test needs git and the package index; CI has both. It is skipped when git
is missing, never for a missing network: a hook that cannot be installed is a failure.

The config is read from docs/pre-commit.md (between marker comments; tests/test_readme.py checks the
README prints the same block) and used as printed, with only the URL the user is told to replace
pointed at a local clone of the tree under test (on a branch ``main``, as ``rev: main`` says), so the
documented snippet is the tested one. One PRE_COMMIT_HOME is shared by the cases, so the hook's
environment is built once.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "pre-commit.md"
BEGIN, END = "<!-- numlint-pre-commit-config:begin -->", "<!-- numlint-pre-commit-config:end -->"
PLACEHOLDER_URL = "https://git.example.org/tools/numlint.git"   # the one thing the user replaces

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed: pre-commit needs it"),
]

SCALE_SLIP = """Acme profits jump as orders pour in

LONDON (Reuters) - Acme Holdings said on Tuesday that profits rose to £5m in the year to March,
helped by strong demand for its garden tools.

Chief executive Jane Smith said the £5bn profit showed the company's turnaround was complete.
"""
FIXED = SCALE_SLIP.replace("the £5bn profit", "the £5m profit")
NO_NUMBERS = """Council delays vote on library plans

The town council postponed its vote on the future of the central library, saying it needed more
time to consult residents and local businesses.
"""


def documented_config() -> str:
    """The YAML block between the config markers of docs/pre-commit.md."""
    doc = DOC.read_text(encoding="utf-8")
    assert BEGIN in doc and END in doc, f"{DOC} lost its config markers"
    block = doc[doc.index(BEGIN) + len(BEGIN):doc.index(END)]
    match = re.search(r"```yaml\n(.*?)```", block, re.S)
    assert match, "no ```yaml block between the config markers"
    return match.group(1)


def _git(*args, cwd, env=None) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def _clean_env(**extra) -> dict:
    """The environment without git's hook variables (pytest may itself run inside a git hook)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "PRE_COMMIT"}
    env.update(
        GIT_AUTHOR_NAME="numlint test", GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="numlint test", GIT_COMMITTER_EMAIL="test@example.invalid",
        GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    env.update(extra)
    return env


def snapshot_repository(dest: Path) -> tuple[str, str]:
    """A git repository holding this checkout's working tree (tracked and untracked, not ignored), committed.

    pre-commit installs a hook repository at a commit. The checkout may be dirty (work in progress, or
    a CI clone with build output), so we commit exactly what the tests see into a throwaway copy
    rather than testing an older HEAD.
    """
    env = _clean_env()
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: nothing for pre-commit to install from")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, env=env, check=True, capture_output=True,
    ).stdout.decode("utf-8", "surrogateescape").split("\0")
    dest.mkdir(parents=True)
    for rel in filter(None, listed):
        src = ROOT / rel
        if not src.is_file() or "__pycache__" in src.parts:
            continue  # deleted in the working tree, or a stray cache
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
    _git("init", "-q", cwd=dest, env=env)
    _git("checkout", "-q", "-b", "main", cwd=dest, env=env)
    _git("add", "-A", cwd=dest, env=env)
    _git("commit", "-q", "--no-verify", "-m", "snapshot for the pre-commit e2e test", cwd=dest, env=env)
    return str(dest), _git("rev-parse", "HEAD", cwd=dest, env=env)


@pytest.fixture(scope="module")
def hook_source(tmp_path_factory):
    return snapshot_repository(tmp_path_factory.mktemp("hook") / "numlint")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    return str(tmp_path_factory.mktemp("pre-commit-home"))


@pytest.fixture
def user_repo(tmp_path, hook_source):
    """A fresh repository with the documented .pre-commit-config.yaml, pointed at the tree under test."""
    repo_path, _ = hook_source
    config = documented_config()
    assert config.count(PLACEHOLDER_URL) == 1
    config = config.replace(PLACEHOLDER_URL, repo_path)
    project = tmp_path / "newsroom"
    project.mkdir()
    _git("init", "-q", cwd=project, env=_clean_env())
    (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    return project


def run_pre_commit(project: Path, home: str, files: dict[str, str | bytes]) -> subprocess.CompletedProcess:
    for name, content in files.items():
        if isinstance(content, bytes):
            (project / name).write_bytes(content)
        else:
            (project / name).write_text(content, encoding="utf-8")
    env = _clean_env(PRE_COMMIT_HOME=home, PRE_COMMIT_COLOR="never")
    _git("add", "-A", cwd=project, env=env)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=project, env=env, capture_output=True, text=True, timeout=1200,
    )


def _show(result: subprocess.CompletedProcess) -> str:
    return f"exit {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"


def test_documented_config_is_a_valid_pre_commit_config(tmp_path):
    pytest.importorskip("pre_commit")
    path = tmp_path / ".pre-commit-config.yaml"
    path.write_text(documented_config(), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, _show(result)


def test_hook_manifest_is_valid():
    pytest.importorskip("pre_commit")
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest",
                             str(ROOT / ".pre-commit-hooks.yaml")], capture_output=True, text=True)
    assert result.returncode == 0, _show(result)


def test_the_hook_passes_exactly_the_suffixes_numlint_reads():
    """The hook selects articles by suffix (identify has no tag for .docx), the same suffixes that
    numlint.document reads as text, Markdown, HTML and Word."""
    yaml = pytest.importorskip("yaml")
    from numlint.document import DOCX_SUFFIXES, HTML_SUFFIXES, MARKDOWN_SUFFIXES

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    files = re.compile(hook["files"])
    assert "types_or" not in hook and hook.get("types", ["file"]) == ["file"]
    for suffix in {".txt"} | MARKDOWN_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES:
        assert files.search(f"desk/story{suffix}") and files.search(f"desk/STORY{suffix.upper()}"), suffix
    for name in ("photo.png", "budget.xlsx", "story.doc", "README", "notes.py", "story.docx.bak", "md"):
        assert not files.search(name), name
    exclude = re.compile(hook["exclude"])
    assert exclude.search("~$ory.docx") and exclude.search("desk/~$ory.docx") and not exclude.search("desk/story.docx")


def test_article_without_numbers_passes(user_repo, pre_commit_home):
    # First case to run: it builds the shared hook environment (pip install from the index).
    result = run_pre_commit(user_repo, pre_commit_home, {"library.txt": NO_NUMBERS})
    assert result.returncode == 0, _show(result)
    assert "numlint" in result.stdout and "Passed" in result.stdout


def test_scale_slip_fails_the_commit_with_the_finding(user_repo, pre_commit_home):
    result = run_pre_commit(user_repo, pre_commit_home, {"acme.md": SCALE_SLIP})
    assert result.returncode == 1, _show(result)
    assert "Failed" in result.stdout, _show(result)
    # The finding itself, pointing at the article: a scale slip is an NL2xx finding.
    assert re.search(r"acme\.md:\d+:\d+: NL2\d\d ", result.stdout), _show(result)


def test_fixed_article_passes(user_repo, pre_commit_home):
    result = run_pre_commit(user_repo, pre_commit_home, {"acme.md": FIXED})
    assert result.returncode == 0, _show(result)
    assert "Passed" in result.stdout


def test_many_files_in_one_run(user_repo, pre_commit_home):
    """pre-commit hands numlint many names at once, to one process (require_serial): one summary."""
    files = {f"brief-{i:02}.txt": NO_NUMBERS for i in range(40)}
    files["acme.md"] = SCALE_SLIP
    files["notes.py"] = "x = 5_000_000  # not an article: the hook's types keep it out\n"
    result = run_pre_commit(user_repo, pre_commit_home, files)
    assert result.returncode == 1, _show(result)
    summaries = [line for line in result.stdout.splitlines() if line.startswith(("Found ", "No findings"))]
    assert summaries == ["Found 1 finding (1 error) in 1 of 41 files."], _show(result)


def test_exclude_applies_to_the_files_pre_commit_names(user_repo, pre_commit_home):
    """The hook runs with --force-exclude, so [tool.numlint] exclude keeps the archive out."""
    (user_repo / "archive").mkdir()
    (user_repo / "archive" / "acme-2019.md").write_text(SCALE_SLIP, encoding="utf-8")
    files = {"pyproject.toml": '[tool.numlint]\nexclude = ["archive/**"]\n', "library.txt": NO_NUMBERS}
    result = run_pre_commit(user_repo, pre_commit_home, files)
    assert result.returncode == 0, _show(result)
    assert "acme-2019" not in result.stdout


def test_unreadable_article_fails_with_one_line_reason(user_repo, pre_commit_home):
    # identify calls a file with a NUL byte binary and pre-commit never passes it; invalid UTF-8 is
    # still "text" to identify, so numlint sees it and must say why it cannot read it.
    (user_repo / "wire-1987.txt").write_bytes("Profits rose to \xa35m\n".encode("latin-1"))
    result = run_pre_commit(user_repo, pre_commit_home, {})
    assert result.returncode == 1, _show(result)
    assert "wire-1987.txt" in result.stdout and "not valid UTF-8" in result.stdout, _show(result)
    assert "Traceback" not in result.stdout + result.stderr


def test_a_word_story_is_checked_and_a_photo_beside_it_is_not(user_repo, pre_commit_home):
    """A .docx is binary to pre-commit, like the photo filed with it: the Word story is checked
    (read as its paragraphs); the photo and Word's owner file of the open story never reach numlint."""
    from docx_builder import build_docx

    story = build_docx([
        {"title": "Acme profits jump as orders pour in"},
        {"p": "Acme Holdings said on Tuesday that profits rose to £5m in the year to March."},
        {"p": "Chief executive Jane Smith said the £5bn profit showed the turnaround was complete."},
    ])
    photo = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    owner = b"\x0bJane Smith" + b"\x00" * 40   # Word's "~$" file while the story is open
    result = run_pre_commit(user_repo, pre_commit_home,
                            {"acme.docx": story, "acme-photo.png": photo, "~$acme.docx": owner})
    assert result.returncode == 1, _show(result)
    # The third paragraph, the 37th character: "£5bn" as Word shows it.
    assert "acme.docx:3:37: NL201 error £5bn profit here, £5m in line 2" in result.stdout, _show(result)
    assert "3 │ Chief executive Jane Smith said the £5bn profit" in result.stdout, _show(result)
    assert "acme-photo" not in result.stdout and "binary" not in result.stdout, _show(result)
    assert "~$acme" not in result.stdout, _show(result)
    summaries = [line for line in result.stdout.splitlines() if line.startswith(("Found ", "No findings"))]
    assert summaries == ["Found 1 finding (1 error) in 1 file."], _show(result)
