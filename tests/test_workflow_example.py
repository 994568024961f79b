"""The GitHub Actions example: .github/workflows/numlint-example.yml is what the README and
docs/reporting.md print, it is valid YAML of a workflow's shape, and its install line, run exactly as
printed with only the documented URL pointed at a local clone, installs a numlint that works.

The install needs git and the package index (as the pre-commit end-to-end test does); it is skipped
when git is missing, never for a missing network."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_precommit_e2e import _clean_env, snapshot_repository  # the same snapshot of this tree

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "numlint-example.yml"
BEGIN, END = "<!-- numlint-actions-workflow:begin -->", "<!-- numlint-actions-workflow:end -->"
PLACEHOLDER_URL = "https://git.example.org/tools/numlint.git"   # the one thing the user replaces


def workflow_body() -> str:
    """The workflow from its first key on (the file's opening comment is for whoever opens the file)."""
    text = WORKFLOW.read_text(encoding="utf-8")
    return text[text.index("name: "):]


def printed_block(path: Path) -> str:
    doc = path.read_text(encoding="utf-8")
    assert BEGIN in doc and END in doc, f"{path} lost its workflow markers"
    match = re.search(r"```yaml\n(.*?)```", doc[doc.index(BEGIN):doc.index(END)], re.S)
    assert match, f"no ```yaml block between the workflow markers of {path}"
    return match.group(1)


@pytest.mark.parametrize("doc", ["README.md", "docs/reporting.md"])
def test_the_docs_print_the_workflow_file(doc):
    assert printed_block(ROOT / doc) == workflow_body()


def test_the_workflow_is_valid_yaml_of_a_workflows_shape():
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key "on" as True; GitHub reads it as "on".
    triggers = data.get("on", data.get(True))
    assert data["name"] == "numlint" and set(triggers) == {"push", "pull_request"}
    assert data["permissions"] == {"contents": "read", "security-events": "write"}
    (job,) = data["jobs"].values()
    assert job["runs-on"] == "ubuntu-latest"
    for step in job["steps"]:
        assert set(step) <= {"uses", "run", "with", "if", "name", "env"} and ("uses" in step) != ("run" in step)
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert not any(re.search(r"pip install \.(\s|$)", r) for r in runs), "pip install . installs the newsroom's repo"
    assert [r for r in runs if r.startswith("numlint check")] == [
        "numlint check articles/",
        "numlint check --format sarif --output numlint.sarif --exit-zero articles/",
    ]


def install_line() -> str:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    (job,) = data["jobs"].values()
    (line,) = [s["run"] for s in job["steps"] if "run" in s and s["run"].startswith("pip install")]
    return line


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed: pip needs it for a git URL")
def test_the_install_line_installs_numlint_from_a_clone(tmp_path):
    line = install_line()
    assert line.count(PLACEHOLDER_URL) == 1
    clone, _ = snapshot_repository(tmp_path / "numlint")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    env = _clean_env(PATH=f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}", VIRTUAL_ENV=str(venv))
    command = shlex.split(line.replace(PLACEHOLDER_URL, Path(clone).as_uri()))
    assert command[:2] == ["pip", "install"]
    installed = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=1200)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    article = tmp_path / "articles" / "acme.txt"
    article.parent.mkdir()
    article.write_text("Profits rose to £5m this year.\n\nThe £5bn profit was a record.\n", encoding="utf-8")
    checked = subprocess.run(["numlint", "check", "articles/"], cwd=tmp_path, env=env, capture_output=True,
                             text=True, timeout=300)
    assert checked.returncode == 1 and "NL201" in checked.stdout, checked.stdout + checked.stderr
