"""Config files beyond one table: ``extend`` (ruff's meaning), ``force-exclude``, where discovery
stops (repository root, home), files numlint refuses to obey (another user's, writable by others),
and files it refuses to read (a FIFO, a device, TOML nested too deeply)."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from numlint.cli import cli
from numlint.config import Config, ConfigError, Resolver, is_force_excluded, read_config_file
from numlint.registry import RuleSpec

KNOWN = {
    "NL101": RuleSpec("NL101", "conflicting-values", "consistency", "error", "s", "m", "w"),
    "NL301": RuleSpec("NL301", "mixed-percent-bases", "percent_bases", "warning", "s", "m", "w"),
    "NL302": RuleSpec("NL302", "percent-without-base", "percent_bases", "warning", "s", "m", "w"),
    "NL901": RuleSpec("NL901", "unused-suppression", "unused_suppression", "warning", "s", "m", "w", enabled=False),
}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def resolver(**kw) -> Resolver:
    warnings: list[str] = []
    r = Resolver(warn=warnings.append, **kw)
    r._known = KNOWN
    r.warnings = warnings
    return r


def run(args, cwd):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(old)


# --- extend -------------------------------------------------------------------------------------

def test_extend_lays_this_file_over_the_extended_one(tmp_path):
    write(tmp_path / "pyproject.toml", """
        [tool.numlint]
        ignore = ["NL302"]
        extend-select = ["NL901"]
        fail-on = "error"
        exclude = ["archive/**"]

        [tool.numlint.per-file-ignores]
        "wire/*.txt" = ["NL3"]

        [tool.numlint.rules.NL101]
        severity = "warning"
    """)
    child = write(tmp_path / "sport" / ".numlint.toml", """
        extend = "../pyproject.toml"
        ignore = ["NL301"]
        extend-exclude = ["drafts/**"]

        [rules.NL301]
        severity = "info"
    """)
    cfg = read_config_file(child, KNOWN)
    assert cfg.ignore == ("NL302", "NL301")            # added to, as ruff's ignore
    assert cfg.extend_select == ("NL901",) and cfg.fail_on == "error"   # kept from the extended file
    assert cfg.severity == {"NL101": "warning", "NL301": "info"}        # per-rule tables merged
    assert cfg.root == str((tmp_path / "sport").resolve())
    # The extended file's globs keep their meaning: relative to the file that wrote them.
    assert cfg.for_path(str(tmp_path / "wire" / "a.txt")).ignore[-1] == "NL3"
    assert not cfg.for_path(str(tmp_path / "sport" / "wire" / "a.txt")).ignore[2:]
    excluded = Config(**{**cfg.__dict__, "force_exclude": True})
    assert is_force_excluded(str(tmp_path / "archive" / "x.txt"), excluded)
    assert is_force_excluded(str(tmp_path / "sport" / "drafts" / "y.txt"), excluded)
    assert not is_force_excluded(str(tmp_path / "sport" / "archive" / "x.txt"), excluded)


def test_a_select_of_its_own_starts_the_selection_over(tmp_path):
    write(tmp_path / "base.toml", 'select = ["NL1"]\nignore = ["NL101"]\nextend-select = ["NL901"]\n')
    child = write(tmp_path / "child.toml", 'extend = "base.toml"\nselect = ["NL3"]\n')
    cfg = read_config_file(child, KNOWN)
    assert (cfg.select, cfg.extend_select, cfg.ignore) == (("NL3",), (), ())


def test_without_extend_the_nearest_file_still_wins_whole(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.numlint]\nfail-on = "error"\n')
    write(tmp_path / "desk" / ".numlint.toml", 'ignore = ["NL301"]\n')
    write(tmp_path / "desk2" / ".numlint.toml", 'extend = "../pyproject.toml"\nignore = ["NL301"]\n')
    r = resolver()
    assert r.for_file(str(tmp_path / "desk" / "a.txt")).fail_on == "warning"
    assert r.for_file(str(tmp_path / "desk2" / "a.txt")).fail_on == "error"


def test_extend_errors_name_the_file_and_line(tmp_path):
    a = write(tmp_path / "a.toml", 'select = ["NL1"]\nextend = "b.toml"\n')
    write(tmp_path / "b.toml", 'extend = "a.toml"\n')
    with pytest.raises(ConfigError, match=r"b\.toml:1: 'extend' makes a cycle: .*a\.toml -> .*b\.toml -> .*a\.toml"):
        read_config_file(a, KNOWN)
    missing = write(tmp_path / "c.toml", '# desk\nextend = "../nowhere/pyproject.toml"\n')
    with pytest.raises(ConfigError, match=r"c\.toml:2: 'extend' names .*nowhere/pyproject\.toml, which does not exist"):
        read_config_file(missing, KNOWN)
    wrong = write(tmp_path / "d.toml", "extend = 3\n")
    with pytest.raises(ConfigError, match=r"d\.toml:1: 'extend' must be the path of a config file"):
        read_config_file(wrong, KNOWN)
    broken = write(tmp_path / "e.toml", 'extend = "f.toml"\n')
    write(tmp_path / "f.toml", "# one\n# two\nbogus = 1\n")
    with pytest.raises(ConfigError, match=r"f\.toml:3: unknown key 'bogus'"):
        read_config_file(broken, KNOWN)


# --- force-exclude ------------------------------------------------------------------------------

ARTICLE = "The 120 troops.\nThen 150 troops left, and 120 troops stayed.\n"


@pytest.mark.parametrize("how", ["flag", "config"])
def test_force_exclude_applies_exclude_to_named_files(tmp_path, how):
    (tmp_path / ".git").mkdir()
    table = '[tool.numlint]\nexclude = ["archive/**"]\n' + ("force-exclude = true\n" if how == "config" else "")
    write(tmp_path / "pyproject.toml", table)
    write(tmp_path / "archive" / "2020" / "old.txt", ARTICLE)
    write(tmp_path / "news" / "new.txt", ARTICLE)
    named = ["archive/2020/old.txt", "news/new.txt"]
    flag = ["--force-exclude"] if how == "flag" else []
    result = run(["check", "--format", "json", *flag, *named], tmp_path)
    import json

    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["news/new.txt"]
    # without it (ruff's default), a file named on the command line is checked whatever exclude says
    off = ["--no-force-exclude"] if how == "config" else []
    result = run(["check", "--format", "json", *off, *named], tmp_path)
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == named


# --- where discovery stops ----------------------------------------------------------------------

def test_discovery_stops_at_the_repository_root(tmp_path):
    write(tmp_path / ".numlint.toml", 'fail-on = "info"\n')          # above the checkout: not ours
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    r = resolver()
    assert r.for_file(str(tmp_path / "repo" / "desk" / "a.txt")) == Config()
    write(tmp_path / "repo" / ".numlint.toml", 'fail-on = "error"\n')   # the repository's own is read
    assert resolver().for_file(str(tmp_path / "repo" / "desk" / "a.txt")).fail_on == "error"
    # a worktree or submodule has a .git file: the same boundary
    (tmp_path / "wt").mkdir()
    (tmp_path / "wt" / ".git").write_text("gitdir: ../repo/.git/worktrees/wt\n", encoding="utf-8")
    assert resolver().for_file(str(tmp_path / "wt" / "a.txt")) == Config()


def test_discovery_stops_at_home(tmp_path, monkeypatch):
    write(tmp_path / ".numlint.toml", 'fail-on = "info"\n')
    home = tmp_path / "home" / "ed"
    write(home / ".numlint.toml", 'fail-on = "error"\n')
    monkeypatch.setenv("HOME", str(home))
    assert resolver().for_file(str(home / "notes" / "a.txt")).fail_on == "error"   # home itself is read
    (home / ".numlint.toml").unlink()
    assert resolver().for_file(str(home / "notes" / "a.txt")) == Config()          # nothing above it


# --- files numlint will not obey ------------------------------------------------------------------

def test_a_config_writable_by_others_is_ignored_with_a_warning(tmp_path):
    path = write(tmp_path / "desk" / ".numlint.toml", 'fail-on = "info"\n')
    path.chmod(0o666)
    r = resolver()
    assert r.for_file(str(tmp_path / "desk" / "a.txt")) == Config()
    assert r.for_file(str(tmp_path / "desk" / "b.txt")) == Config()
    assert len(r.warnings) == 1 and "writable by other users" in r.warnings[0] and ".numlint.toml" in r.warnings[0]
    path.chmod(0o644)
    assert resolver().for_file(str(tmp_path / "desk" / "a.txt")).fail_on == "info"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_a_config_owned_by_another_user_is_ignored_with_a_warning(tmp_path):
    path = write(tmp_path / "desk" / ".numlint.toml", 'fail-on = "info"\n')
    os.chown(path, 4242, -1)
    r = resolver()
    assert r.for_file(str(tmp_path / "desk" / "a.txt")) == Config()
    assert r.warnings == [f"ignoring {path}: owned by another user (uid 4242)"]
    # Inside a git repository the file is part of the checkout (a CI container running as root
    # over a checkout its runner's user owns): read.
    (tmp_path / ".git").mkdir()
    r = resolver()
    assert r.for_file(str(tmp_path / "desk" / "a.txt")).fail_on == "info" and r.warnings == []


def test_a_group_writable_config_is_refused_outside_a_repository_only(tmp_path):
    path = write(tmp_path / "desk" / ".numlint.toml", 'fail-on = "info"\n')
    path.chmod(0o664)
    r = resolver()
    assert r.for_file(str(tmp_path / "desk" / "a.txt")) == Config() and "writable by other users" in r.warnings[0]
    (tmp_path / ".git").mkdir()             # a group-shared repository
    assert resolver().for_file(str(tmp_path / "desk" / "a.txt")).fail_on == "info"


def test_the_warning_reaches_the_user_and_the_run_goes_on(tmp_path):
    path = write(tmp_path / ".numlint.toml", 'select = ["NL9"]\n')
    path.chmod(0o666)
    write(tmp_path / "a.txt", "Nothing to see.\n")
    (tmp_path / ".git").mkdir()
    result = run(["check", "a.txt"], tmp_path)
    assert result.exit_code == 0
    assert "numlint: warning: ignoring .numlint.toml: writable by other users" in result.stderr


# --- files numlint will not read ------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_config_naming_a_fifo_is_refused_not_read(tmp_path):
    fifo = tmp_path / "cfg.toml"
    os.mkfifo(fifo)
    write(tmp_path / "a.txt", "Nothing.\n")
    result = run(["check", "--config", "cfg.toml", "a.txt"], tmp_path)   # would block forever if read
    assert result.exit_code == 2
    assert result.stderr.strip() == "numlint: cfg.toml: cannot read config file: a FIFO, not a regular file"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_config_naming_a_device_is_refused(tmp_path):
    write(tmp_path / "a.txt", "Nothing.\n")
    result = run(["check", "--config", "/dev/zero", "a.txt"], tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip() == "numlint: /dev/zero: cannot read config file: a device, not a regular file"


def test_a_huge_config_is_refused(tmp_path):
    path = tmp_path / "big.toml"
    path.write_text("# padding\n" * 200_000, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"big\.toml: cannot read config file: larger than 1024 kB"):
        read_config_file(path, KNOWN)


@pytest.mark.parametrize("body", ["select = " + "[" * 50_000 + "]" * 50_000,
                                  "x = " + "{a = " * 20_000 + "1" + "}" * 20_000])
def test_deeply_nested_toml_is_a_config_error(tmp_path, body):
    path = tmp_path / ".numlint.toml"
    path.write_text(body + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\.numlint\.toml:1: invalid TOML: arrays or tables nested too deeply"):
        read_config_file(path, KNOWN)
    write(tmp_path / "a.txt", "Nothing.\n")
    result = run(["check", "a.txt"], tmp_path)
    assert result.exit_code == 2 and "internal error" not in result.output
