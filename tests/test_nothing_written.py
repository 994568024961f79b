"""numlint never modifies, creates or deletes a user's file; ``--output`` is the one write, and it is atomic.

A folder of articles is snapshotted (every path, its type, size, mtime and content hash, and the
folder listing itself), every command and format is run inside it (as the working directory too, so a
stray cache file would show), and the snapshot must be unchanged.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import sys

import pytest
from click.testing import CliRunner

from numlint import cli as cli_module

ARTICLE = (
    "Acme profits jump\n\n"
    "Acme said profits rose to £5m in the year to March, up 25% from £4m.\n"
    "Chief executive Jane Smith said the £5bn profit showed the turnaround was complete.\n"
    "Some 3,000 staff will get a bonus; officials later said 10,000 staff.\n"
)
MARKDOWN = "# Acme\n\n| Year | Profit |\n|---|---|\n| 2025 | £5m |\n\n**Profits** rose 25% to £5m.\n"
HTML = "<html><head><title>Acme</title></head><body><p>Profits rose to &pound;5m, up 25%.</p></body></html>\n"

CHECK_FORMATS = ("text", "concise", "json", "sarif", "github", "html")


def snapshot(root) -> dict:
    """Everything observable about a tree: per path (type, size, mtime_ns, mode, sha256 of content)."""
    state = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        rel_dir = os.path.relpath(dirpath, root)
        info = os.lstat(dirpath)
        state[rel_dir] = ("dir", sorted(dirnames + filenames), info.st_mtime_ns, info.st_mode)
        for name in filenames:
            path = os.path.join(dirpath, name)
            info = os.lstat(path)
            digest = None
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, "rb") as fh:
                    digest = hashlib.sha256(fh.read()).hexdigest()
            state[os.path.join(rel_dir, name)] = ("file", info.st_size, info.st_mtime_ns, info.st_mode, digest)
    return state


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    root = tmp_path / "newsroom"
    (root / "desk" / "drafts").mkdir(parents=True)
    (root / "desk" / "acme.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "desk" / "acme-crlf.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    (root / "desk" / "acme.md").write_text(MARKDOWN, encoding="utf-8")
    (root / "desk" / "acme.html").write_text(HTML, encoding="utf-8")
    (root / "desk" / "drafts" / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    (root / "desk" / "drafts" / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (root / "desk" / "notes.py").write_text("PROFIT = 5_000_000\n")
    os.symlink("acme.txt", root / "desk" / "link.txt")
    # Old times, so an accidental touch would change them visibly.
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            os.utime(os.path.join(dirpath, name), ns=(1_000_000_000, 1_000_000_000), follow_symlinks=False)
    monkeypatch.chdir(root)
    return root


def run(*args, input=None):
    result = CliRunner().invoke(cli_module.cli, list(args), input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_check_writes_nothing(newsroom, fmt):
    before = snapshot(newsroom)
    for args in (["desk"], ["desk/acme.txt", "desk/acme.md", "desk/acme.html"], ["--jobs", "2", "desk"]):
        result = run("check", "--format", fmt, *args)
        assert result.exit_code in (0, 1, 2), result.output
    result = run("check", "--format", fmt, "--stdin-filename", "desk/acme.txt", "-", input=ARTICLE)
    assert result.exit_code in (0, 1)
    assert snapshot(newsroom) == before


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_extract_writes_nothing(newsroom, fmt):
    before = snapshot(newsroom)
    result = run("extract", "--format", fmt, "desk")
    assert result.exit_code in (0, 2), result.output
    assert snapshot(newsroom) == before


def test_other_commands_write_nothing(newsroom):
    before = snapshot(newsroom)
    for args in (["rules"], ["explain", "NL101"], ["--version"], ["check", "--statistics", "desk"]):
        run(*args)
    assert snapshot(newsroom) == before


@pytest.mark.parametrize("command, fmt", [("check", "json"), ("check", "sarif"), ("check", "html"),
                                          ("extract", "json")])
def test_output_writes_only_the_report(newsroom, command, fmt):
    before = snapshot(newsroom)
    result = run(command, "--format", fmt, "--output", "report.out", "desk/acme.txt")
    assert result.exit_code in (0, 1), result.output
    after = snapshot(newsroom)
    report = os.path.join(".", "report.out")
    assert set(after) - set(before) == {report}
    assert {k: v for k, v in after.items() if k not in (report, ".")} == {k: v for k, v in before.items() if k != "."}
    assert after[report][1] > 0
    assert not [n for n in os.listdir(newsroom) if n.endswith(".tmp")]


def test_output_replaces_an_old_report(newsroom):
    (newsroom / "report.json").write_text("old report\n")
    result = run("check", "--format", "json", "--output", "report.json", "desk/acme.txt")
    assert result.exit_code in (0, 1)
    assert (newsroom / "report.json").read_text().lstrip().startswith("{")


def _old_report_intact(newsroom):
    assert (newsroom / "report.json").read_text() == "old report\n"
    leftovers = [n for n in os.listdir(newsroom) if n.startswith(".numlint-") or n.endswith(".tmp")]
    assert leftovers == []


def test_reporter_raising_leaves_the_old_report(newsroom, monkeypatch, capsys):
    (newsroom / "report.json").write_text("old report\n")

    def broken(*args, **kwargs):
        raise RuntimeError("reporter blew up")

    monkeypatch.setattr(cli_module, "render_report", broken)
    monkeypatch.setattr(sys, "argv",
                        ["numlint", "check", "--format", "json", "--output", "report.json", "desk/acme.txt"])
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    assert exit_info.value.code == 2
    assert "internal error" in capsys.readouterr().err
    _old_report_intact(newsroom)


class _FailingHalfway(io.TextIOWrapper):
    """A report file that takes half of what is written, then fails as a full disk would."""

    def write(self, text):
        super().write(text[: len(text) // 2])
        self.flush()
        raise OSError(errno.ENOSPC, "No space left on device")


def test_write_failing_midway_leaves_the_old_report_and_no_temp_file(newsroom, monkeypatch, capsys):
    (newsroom / "report.json").write_text("old report\n")
    real_fdopen = os.fdopen

    def fdopen(fd, mode="r", *args, **kwargs):
        if "w" in mode:
            return _FailingHalfway(io.FileIO(fd, "w"), encoding=kwargs.get("encoding", "utf-8"))
        return real_fdopen(fd, mode, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)
    monkeypatch.setattr(sys, "argv",
                        ["numlint", "check", "--format", "json", "--output", "report.json", "desk/acme.txt"])
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    assert exit_info.value.code == 2
    assert "Traceback" not in capsys.readouterr().err
    _old_report_intact(newsroom)
