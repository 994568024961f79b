"""Robustness: the user's mistakes are one-line errors, and hostile text finishes in bounded time and memory.

Part 1 drives the command line with bad inputs: each gives a one-line error naming the file, exit 2
at the end, and every other file is still checked; never a Python traceback.

Part 2 feeds hostile text (huge articles, endless digits, deep HTML, NUL bytes, odd spaces, bidi
marks, adversarial runs for every regex) to ``numlint.check_text`` / ``extract_text`` in a forked
child with a wall-clock guard and a memory cap, so a hang or a runaway regex fails the test instead
of hanging CI. The guards are generous (60 s, 4 GiB); they catch hangs, not slowness.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import sys
import time
import traceback

import pytest
from click.testing import CliRunner

import numlint
from numlint import cli as cli_module

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
GUARD_SECONDS = 60
MEMORY_CAP = 4 * 1024**3

ARTICLE = (
    "Some 3,000 troops were sent to the border on Monday, the ministry said.\n"
    "Officials later put the figure at 10,000 troops, up 5% from last year.\n"
    "The deployment will cost $7.2 billion, or about 1.3% of GDP.\n"
)


# --- helpers ----------------------------------------------------------------------------------


def invoke(*args, input=None):
    result = CliRunner().invoke(cli_module.cli, list(args), input=input, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(
            "numlint raised instead of reporting:\n" + "".join(traceback.format_exception(*result.exc_info))
        )
    out, err = result.stdout, result.stderr
    assert "Traceback" not in out + err
    return result.exit_code, out, err


def check_json(*args):
    code, out, err = invoke("check", "--format", "json", *args)
    return code, json.loads(out), err


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


# --- Part 1: bad input through the command line ----------------------------------------------


@pytest.fixture
def desk(tmp_path):
    """A folder of inputs: one good article and one of every kind of bad input."""
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (tmp_path / "wire-1987.txt").write_bytes("Profits rose to \xa35m.\n".encode("latin-1"))
    (tmp_path / "notepad.txt").write_bytes("Profits rose to £5m.\n".encode("utf-16"))
    os.symlink(tmp_path / "loop-b.txt", tmp_path / "loop-a.txt")
    os.symlink(tmp_path / "loop-a.txt", tmp_path / "loop-b.txt")
    return tmp_path


def test_every_bad_input_is_one_line_and_the_rest_is_still_checked(desk):
    missing = str(desk / "missing.txt")
    named = ["good.txt", "empty.txt", "photo.txt", "wire-1987.txt", "notepad.txt", "loop-a.txt"]
    code, report, err = check_json(*(str(desk / n) for n in named), missing)
    assert code == 2
    by_name = {os.path.basename(f["path"]): f for f in report["files"]}
    assert list(by_name) == named + ["missing.txt"]  # every input, in the order given
    assert by_name["good.txt"]["error"] is None
    assert by_name["empty.txt"] == {**by_name["empty.txt"], "error": None, "findings": []}
    assert by_name["notepad.txt"]["error"] is None  # UTF-16 with a BOM is decoded
    expected = {
        "photo.txt": "binary file (PNG image), not text",
        "wire-1987.txt": "not valid UTF-8",
        "loop-a.txt": "symbolic link loop",
        "missing.txt": "no such file or directory",
    }
    for name, reason in expected.items():
        assert reason in by_name[name]["error"], by_name[name]
    lines = error_lines(err)
    for name, reason in expected.items():
        [line] = [ln for ln in lines if name in ln]
        assert line.startswith("numlint: ") and reason in line


def test_text_format_names_each_bad_file_on_one_line(desk):
    code, out, err = invoke("check", str(desk / "good.txt"), str(desk / "photo.txt"), str(desk / "nope.md"))
    assert code == 2
    assert f"{desk / 'photo.txt'}: error: binary file (PNG image), not text" in out.splitlines()
    assert f"{desk / 'nope.md'}: error: no such file or directory" in out.splitlines()
    assert len(error_lines(err)) == 2


def test_empty_stdin_is_clean():
    code, out, err = invoke("check", "--format", "json", "-", input="")
    assert code == 0, err
    assert json.loads(out)["files"][0]["findings"] == []


def test_empty_file_on_disk_is_clean(tmp_path):
    (tmp_path / "empty.md").write_bytes(b"")
    code, report, err = check_json(str(tmp_path / "empty.md"))
    assert code == 0 and report["files"][0]["findings"] == [] and report["files"][0]["error"] is None


def test_directory_is_walked(desk):
    (desk / "sub").mkdir()
    (desk / "sub" / "more.md").write_text(ARTICLE)
    (desk / "sub" / "script.py").write_text("x = 3_000\n")
    os.symlink(desk, desk / "sub" / "up")  # a directory loop must not recurse forever
    code, report, err = check_json(str(desk))
    paths = [os.path.relpath(f["path"], desk) for f in report["files"]]
    assert os.path.join("sub", "more.md") in paths and "good.txt" in paths
    assert not any(p.endswith(".py") for p in paths)
    assert code == 2  # the folder holds the bad inputs of the fixture too


def test_invalid_utf8_error_says_where_and_how(desk):
    code, out, err = invoke("check", str(desk / "wire-1987.txt"))
    assert code == 2
    [line] = error_lines(err)
    assert "wire-1987.txt" in line and "line 1, column 17" in line and "iconv" in line


NOBODY = 65534  # the conventional unprivileged uid and gid


def as_unprivileged(*args):
    """``invoke(*args)`` as a real unprivileged user: in a forked child that drops root for uid
    65534 (as the kernel, not a patched ``os.open``, would refuse), or as ourselves when we are not
    root. The run is made once first as we are, so every module it needs is already imported: the
    interpreter's own files may be unreadable to that user. Skipped only when no uid can be dropped to."""
    invoke(*args)
    if not IS_ROOT:
        return invoke(*args)
    if "fork" not in multiprocessing.get_all_start_methods():  # pragma: no cover - not POSIX
        pytest.skip("no fork: cannot drop privileges in a child")
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)

    def drop_and_invoke():
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
        except OSError as exc:
            child.send(("skip", str(exc)))
            return
        try:
            child.send(("ok", invoke(*args)))
        except BaseException as exc:  # noqa: BLE001 - reported to the parent
            child.send(("raised", "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))))

    proc = ctx.Process(target=drop_and_invoke)
    proc.start()
    child.close()
    if not parent.poll(GUARD_SECONDS):
        proc.kill()
        proc.join()
        pytest.fail("the unprivileged run did not finish")
    status, value = parent.recv()
    proc.join()
    if status == "skip":
        pytest.skip(f"cannot drop privileges: {value}")
    if status == "raised":
        pytest.fail(value)
    return value


@pytest.fixture
def shared_dir():
    """A directory the unprivileged user can enter (pytest's tmp_path is private to root)."""
    import shutil
    import tempfile

    # /tmp itself, not tempfile's cached default: a test that set TMPDIR to a private pytest directory
    # leaves tempfile pointing there for the rest of the session.
    path = tempfile.mkdtemp(prefix="numlint-perm-", dir="/tmp" if os.path.isdir("/tmp") else None)
    os.chmod(path, 0o755)
    try:
        yield path
    finally:
        for root, dirs, _files in os.walk(path):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(path)


def test_unreadable_file_is_that_files_error_for_a_real_user(shared_dir):
    secret = os.path.join(shared_dir, "secret.txt")
    good = os.path.join(shared_dir, "good.txt")
    for path in (secret, good):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(ARTICLE)
        os.chmod(path, 0o644)
    os.chmod(secret, 0o600)
    code, out, err = as_unprivileged("check", "--format", "json", secret, good)
    report = json.loads(out)
    assert code == 2
    assert [f["error"] for f in report["files"]] == ["permission denied", None]
    assert error_lines(err) == [f"numlint: {secret}: permission denied"]


def test_unsearchable_directory_in_a_walk_costs_only_its_files(shared_dir):
    """A directory with mode 644 can be listed but not entered: its files (and the .numlint.toml
    looked for beside them) cannot be opened. Each is its own error; the rest is checked."""
    locked = os.path.join(shared_dir, "locked")
    os.mkdir(locked)
    for path in (os.path.join(shared_dir, "good.txt"), os.path.join(locked, "inside.txt")):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(ARTICLE)
        os.chmod(path, 0o644)
    os.chmod(locked, 0o644)
    code, out, err = as_unprivileged("check", "--format", "json", shared_dir)
    report = json.loads(out)
    by_name = {os.path.basename(f["path"]): f for f in report["files"]}
    assert code == 2
    assert by_name["good.txt"]["error"] is None
    assert "permission denied" in by_name["inside.txt"]["error"]
    assert "internal error" not in err and len(error_lines(err)) == 1


def test_output_to_dev_null_works_for_a_real_user(shared_dir):
    good = os.path.join(shared_dir, "good.txt")
    with open(good, "w", encoding="utf-8") as fh:
        fh.write("Nothing to see here.\n")
    os.chmod(good, 0o644)
    code, out, err = as_unprivileged("check", "-o", os.devnull, good)
    assert (code, out, err) == (0, "", "")


def test_unknown_rule_code_in_select(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    for option in ("--select", "--ignore"):
        code, out, err = invoke("check", option, "NL999", str(tmp_path / "a.txt"))
        assert code == 2
        [line] = error_lines(err)
        assert "NL999" in line and option in line


def test_unknown_format_is_a_usage_error(tmp_path):
    code, out, err = invoke("check", "--format", "pdf", str(tmp_path))
    assert code == 2 and "pdf" in err


@pytest.mark.parametrize(
    "name, content",
    [
        ("broken.toml", "[tool.numlint\nselect = ["),
        ("wrong-type.toml", "[tool.numlint]\nfail-on = 3\n"),
    ],
)
def test_broken_config_file_is_one_line_exit_2(tmp_path, name, content):
    (tmp_path / "a.txt").write_text(ARTICLE)
    config = tmp_path / name
    config.write_text(content)
    code, out, err = invoke("check", "--config", str(config), str(tmp_path / "a.txt"))
    assert code == 2, (out, err)
    lines = error_lines(err)
    assert len(lines) == 1 and name in lines[0], err


def test_missing_config_file_is_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    code, out, err = invoke("check", "--config", str(tmp_path / "nope.toml"), str(tmp_path / "a.txt"))
    assert code == 2 and "nope.toml" in err


def test_stdin_binary_is_an_input_error():
    code, out, err = invoke("check", "-", input=b"\x00\x01\x02" * 100)
    assert code == 2 and "<stdin>" in err and "binary" in err


def test_internal_error_is_a_short_message_not_a_traceback(tmp_path, monkeypatch, capsys):
    """A bug in a stage: main() prints two lines asking for a bug report and exits 2."""
    import numlint.sources

    def broken(*args, **kwargs):
        raise RuntimeError("injected fault")

    # The reading stage: the command line looks it up at call time, whatever the later stages are.
    monkeypatch.setattr(numlint.sources, "read_source", broken)
    (tmp_path / "a.txt").write_text(ARTICLE)
    monkeypatch.setattr(sys, "argv", ["numlint", "check", str(tmp_path / "a.txt")])
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert "internal error: RuntimeError: injected fault" in captured.err
    assert "bug" in captured.err and len(error_lines(captured.err)) <= 3


def test_a_bug_on_one_file_still_lets_every_other_file_be_checked(tmp_path, monkeypatch):
    """A rule that breaks on one article costs that article's report only: a one-line error naming
    it, the other files' findings, exit 2."""
    import numlint.linter

    real_lint = numlint.linter.lint

    def lint_breaking_on_odd(doc, config=None):
        if doc.path.endswith("odd.txt"):
            raise TypeError("injected fault\nwith a second line")
        return real_lint(doc, config)

    monkeypatch.setattr(numlint.linter, "lint", lint_breaking_on_odd)
    (tmp_path / "odd.txt").write_text(ARTICLE)
    (tmp_path / "slip.txt").write_text("Profit was £5m.\nThe £5bn profit was a record, the firm said.\n")
    for command in (["check", "--format", "json"], ["extract", "--format", "json"]):
        if command[0] == "extract":
            import numlint.linter as linter_module

            def quantities_breaking_on_odd(doc, directives=None, prose=None, real=linter_module.document_quantities):
                if doc.path.endswith("odd.txt"):
                    raise TypeError("injected fault")
                return real(doc, directives, prose=prose)

            monkeypatch.setattr(linter_module, "document_quantities", quantities_breaking_on_odd)
        code, out, err = invoke(*command, str(tmp_path / "odd.txt"), str(tmp_path / "slip.txt"))
        report = json.loads(out)
        by_name = {os.path.basename(f["path"]): f for f in report["files"]}
        assert code == 2
        assert by_name["odd.txt"]["error"].startswith("internal error: TypeError: injected fault")
        assert "\n" not in by_name["odd.txt"]["error"] and "report" in by_name["odd.txt"]["error"]
        assert by_name["slip.txt"]["error"] is None
        if command[0] == "check":
            assert [f["code"] for f in by_name["slip.txt"]["findings"]] == ["NL201"]
        else:
            assert by_name["slip.txt"]["quantities"]
        assert error_lines(err) == [line for line in error_lines(err) if "odd.txt" in line]
        assert len(error_lines(err)) == 1


def test_output_into_missing_directory_is_exit_2_not_a_traceback(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    code, out, err = invoke("check", "--output", str(tmp_path / "no" / "such" / "dir" / "r.json"),
                            str(tmp_path / "a.txt"))
    assert code == 2 and err.strip()


def test_extract_output_into_missing_directory_is_one_line_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    code, out, err = invoke("extract", "-o", str(tmp_path / "missing-dir" / "x"), str(tmp_path / "a.txt"))
    assert code == 2
    assert error_lines(err) == [f"numlint: cannot write {tmp_path / 'missing-dir' / 'x'}: no such file or directory"]


def test_output_to_a_device_writes_to_it_and_leaves_it_a_device(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    before = os.stat(os.devnull)
    code, out, err = invoke("check", "-o", os.devnull, str(tmp_path / "a.txt"))
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert out == "" and "internal error" not in err


def test_output_through_a_symlink_replaces_its_target_and_keeps_the_mode(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    target = tmp_path / "reports" / "report.json"
    target.parent.mkdir()
    target.write_text("old\n")
    target.chmod(0o640)
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    code, out, err = invoke("check", "--format", "json", "-o", str(link), str(tmp_path / "a.txt"))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text())["files"][0]["path"].endswith("a.txt")
    assert target.stat().st_mode & 0o7777 == 0o640
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.json"]  # no temporary file left


def test_output_to_a_fifo_is_written_straight(tmp_path):
    import threading

    (tmp_path / "a.txt").write_text(ARTICLE)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()), daemon=True)
    reader.start()
    code, out, err = invoke("check", "--format", "json", "-o", str(fifo), str(tmp_path / "a.txt"))
    reader.join(GUARD_SECONDS)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(got[0])["summary"]["files"] == 1


def test_output_to_dev_stdout_writes_through_to_the_callers_file(tmp_path):
    """``-o /dev/stdout >> log``: the caller's file gets the report appended; it is not replaced."""
    import subprocess

    (tmp_path / "a.txt").write_text("Nothing to see here.\n")
    log = tmp_path / "log.txt"
    log.write_text("earlier line\n")
    inode = log.stat().st_ino
    with open(log, "a") as fh:
        subprocess.run([sys.executable, "-c", "from numlint.cli import main; main()", "check", "-o", "/dev/stdout",
                        str(tmp_path / "a.txt")], stdout=fh, check=True, timeout=GUARD_SECONDS)
    assert log.stat().st_ino == inode
    assert log.read_text() == "earlier line\nNo findings in 1 file.\n"


@pytest.mark.parametrize("command", [
    ("check", "-o", "{same}"),
    ("check", "--write-baseline", "{same}"),
    ("extract", "-o", "{same}"),
    ("check", "-o", "{link}"),
])
def test_output_that_is_one_of_the_inputs_is_refused(tmp_path, command):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    (tmp_path / "link.txt").symlink_to(article)
    args = [a.format(same=article, link=tmp_path / "link.txt") for a in command]
    code, out, err = invoke(*args, str(tmp_path))
    assert code == 2
    assert article.read_text() == ARTICLE
    [line] = error_lines(err)
    assert "one of the files being checked" in line


# --- Part 2: hostile text, in a forked child with time and memory guards ----------------------


def _child(conn, func, args):
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not POSIX, or limit not allowed
        pass
    try:
        conn.send(("ok", func(*args)))
    except BaseException as exc:  # noqa: BLE001 - everything is reported to the parent
        conn.send(("raised", "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))))
    finally:
        conn.close()


def guarded(func, *args, seconds=GUARD_SECONDS):
    """Run func(*args) in a forked child; fail if it raises, runs past ``seconds`` or dies."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return func(*args)  # pragma: no cover - Windows: no guard, but still run
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, func, args))
    started = time.monotonic()
    proc.start()
    child.close()
    if not parent.poll(seconds):
        proc.kill()
        proc.join()
        pytest.fail(f"{func.__name__} did not finish within {seconds} s (hang or catastrophic backtracking?)")
    try:
        status, payload = parent.recv()
    except EOFError:
        proc.join()
        pytest.fail(f"{func.__name__} died (exit code {proc.exitcode}); memory cap {MEMORY_CAP} bytes")
    proc.join()
    if status == "raised":
        pytest.fail(f"{func.__name__} raised after {time.monotonic() - started:.1f} s:\n{payload}")
    return payload


def quantities(text):
    return [(q.text, q.start, q.end, q.line, q.column, q.value, q.kind) for q in numlint.extract_text(text)]


def findings(text, path="<string>"):
    return [(f.code, f.start, f.end, f.line, f.column) for f in numlint.check_text(text, path=path)]


def both(text, path="<string>"):
    """Quantities and findings of one pass through the whole pipeline (``lint``, which ``check_text``
    runs and whose first half is ``extract_text``): one extraction, not two, so the huge cases cost
    what a user's ``numlint check`` costs. The hypothesis properties call the two functions apart."""
    from numlint.document import Document, format_for_path
    from numlint.linter import lint

    result = lint(Document(path, text, format_for_path(path)))
    return (
        [(q.text, q.start, q.end, q.line, q.column, q.value, q.kind) for q in result.quantities],
        [(f.code, f.start, f.end, f.line, f.column) for f in result.findings],
    )


def assert_spans_inside(text, qs):
    for q_text, start, end, *_ in qs:
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == q_text


HOSTILE = {
    "5 MB article": (ARTICLE * (5_000_000 // len(ARTICLE)), "<string>"),
    "1 MB line of numbers": ("12,345 and 6.7% of £8bn, up 3.2 points; " * 25_000, "<string>"),
    "100,000 digits": ("The total was " + "9" * 100_000 + " troops.", "<string>"),
    "100,000 digits with a point": ("1" * 50_000 + "." + "1" * 50_000, "<string>"),
    "thousands of commas": ("1" + ",000" * 5_000 + " troops", "<string>"),
    "bare commas": ("3" + "," * 20_000 + "0", "<string>"),
    "comma-number soup": ("1,2," * 10_000, "<string>"),
    "dotted numbers": ("1." * 20_000, "<string>"),
    # 10,000 one-digit numbers in one run: every separator regex sees a long chain of candidates.
    "spaced digits": ("1 " * 10_000, "<string>"),
    "nbsp digits": ("1\u00a0" * 10_000, "<string>"),
    "signs and currency": ("$-+£€%" * 10_000, "<string>"),
    "ranges": ("1-2-" * 10_000 + "3%", "<string>"),
    "slashes": ("1/" * 20_000, "<string>"),
    "exponents": ("1e" * 20_000, "<string>"),
    "scale words": ("5 million billion bn m " * 5_000, "<string>"),
    "unit words": ("3 km per hour miles a day " * 4_000, "<string>"),
    "per cent": ("per cent " * 10_000 + "5", "<string>"),
    "parentheses": ("(" * 20_000 + "5" + ")" * 20_000, "<string>"),
    "long word": ("a" * 200_000 + " 5%", "<string>"),
    # Found by the atheris target: capital letters that a "Name said" / "according to Name" pattern
    # can split into words in very many ways. Real copy meets this in acronyms and all-caps wire copy.
    "run of capitals": ("Profits of £6bn at " + "A" * 150 + " rose 5%.", "<string>"),
    "run of capitals, Markdown heading": ("# Ac" + "I" * 150 + "mtHe £6bn 6bn profit\n", "story.md"),
    "all-caps wire copy": (
        "WASHINGTON, MARCH 3 - THE DEFENCE MINISTRY ANNOUNCED ON TUESDAY THAT SOME 3,000 TROOPS WERE SENT "
        "TO THE BORDER, UP FROM 2,000 LAST YEAR, OFFICIALS SAID.\n" * 500, "<string>"),
    "whitespace": (" " * 200_000 + "5 troops" + "\t" * 100_000, "<string>"),
    "newlines": ("\n" * 100_000 + "5 troops" + "\r" * 50_000, "<string>"),
    "NUL bytes": ("3,000\x00troops \x00\x00 were 5%\x00" * 2_000, "<string>"),
    "emoji and bidi": ("\u200f\u202e3,000 🎉 troops \u2066£5m\u2069 👍🏽 5% \u200e" * 2_000, "<string>"),
    "HTML nested 3,000 deep": ("<div>" * 3_000 + "3,000 troops" + "</div>" * 3_000, "story.html"),
    "HTML unclosed tags": ("<p><b><i>5% " * 5_000, "story.html"),
    "HTML entities": ("&nbsp;&#8239;&amp;&#x20AC;5&thinsp;000 " * 5_000, "story.html"),
    "HTML comment never closed": ("<!-- " + "5,000 troops " * 5_000, "story.html"),
    "Markdown table of numbers": (
        "| Year | Troops | Cost |\n|---|---:|---:|\n" + "| 2019 | 3,000 | $7.2bn |\n" * 3_000, "story.md"),
    "Markdown code blocks of numbers": (("```\n" + "x = 1,000 + 2.5% of 3bn\n" * 50 + "```\n") * 100, "story.md"),
    "Markdown nested lists and quotes": (("> " * 500 + "- " * 500 + "5% rise\n") * 20, "story.md"),
    "Markdown emphasis soup": ("*_" * 20_000 + "5" + "_*" * 20_000, "story.md"),
    "Markdown link brackets": ("[" * 10_000 + "5%](" * 1_000, "story.md"),
}


# The two huge inputs are linear but not instant: numlint reads about 2,000 quantities a second end to
# end (extraction, facts, every rule), and these hold 122,500 and 100,000 of them. On the development
# machine (2026-11-25, `python bench/stages.py --copies 24500` for the stage figures) the 5 MB article
# took 59 s and the 1 MB line 27 s, so their guard allows four times that for a slower CI machine;
# a quadratic or backtracking regression on inputs this size takes hours, so it still fails.
HUGE = {"5 MB article", "1 MB line of numbers"}
HUGE_GUARD_SECONDS = 240


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_finishes(name):
    text, path = HOSTILE[name]
    qs, fs = guarded(both, text, path, seconds=HUGE_GUARD_SECONDS if name in HUGE else GUARD_SECONDS)
    assert_spans_inside(text, qs)
    for _code, start, end, line, column in fs:
        assert 0 <= start <= end <= len(text) and line >= 1 and column >= 1


def test_crlf_line_and_column():
    text = "Headline\r\n\r\nSome 3,000 troops\r\nand 5% more\r\n"
    qs = guarded(quantities, text)
    by_text = {q[0]: q for q in qs}
    assert by_text["3,000"][1:5] == (17, 22, 3, 6)
    assert by_text["5%"][3:5] == (4, 5)


def test_lone_cr_line_and_column():
    text = "Headline\rSome 3,000 troops"
    [q] = [q for q in guarded(quantities, text) if q[0] == "3,000"]
    assert q[3:5] == (2, 6)


@pytest.mark.parametrize(
    "space",
    ["\u00a0", "\u202f", "\u2009"],
    ids=["no-break space", "narrow no-break space", "thin space"],
)
def test_number_with_a_space_inside_is_one_quantity(space):
    number = f"10{space}000"
    text = f"Police said {number} people marched."
    qs = guarded(quantities, text)
    assert [(q[0], q[1], q[2], q[5]) for q in qs] == [(number, 12, 18, 10000.0)]


def test_ordinary_space_between_digit_groups_does_not_crash():
    text = "Police said 10 000 people marched."
    assert_spans_inside(text, guarded(quantities, text))


def test_bidi_marks_and_emoji_keep_code_point_offsets():
    text = "\u200f🎉 Some 3,000 troops 👍🏽 arrived"
    qs = guarded(quantities, text)
    assert_spans_inside(text, qs)
    [q] = [q for q in qs if q[0] == "3,000"]
    assert (q[1], q[4]) == (8, 9)  # code points: the emoji is one, not two UTF-16 units


def test_hostile_file_through_the_cli(tmp_path):
    """A 200 kB single line and a deep HTML file through the command line, JSON out (the 1 MB line and
    the 5 MB article go through the API above: one guard each, not two in one test)."""
    (tmp_path / "line.txt").write_text("12,345 and 6.7% of £8bn, up 3.2 points; " * 5_000)  # a 200 kB line
    (tmp_path / "deep.html").write_text(HOSTILE["HTML nested 3,000 deep"][0])
    code, report, err = guarded(check_json, str(tmp_path / "line.txt"), str(tmp_path / "deep.html"))
    assert code in (0, 1), err
    assert [f["error"] for f in report["files"]] == [None, None]


# --- Part 3: every regex of the package against adversarial runs -------------------------------
#
# The hostile texts above test regexes where the code uses them, on whole documents. This audit takes
# every regex in numlint on its own, the compiled module-level ones (including those built from
# f-strings) and every literal pattern handed to re.* or extract's _rx, and runs it over runs of
# characters that make backtracking regexes blow up: one character or a short unit repeated, then a
# character that makes the match fail. At 200 characters a linear or quadratic regex takes
# microseconds; a catastrophically backtracking one takes seconds to forever (the "Name said" pattern
# that atheris found took 14 s at 100 characters). Quadratic whole-text use is Part 2's business.

AUDIT_LENGTH = 200
AUDIT_BUDGET_SECONDS = 0.25  # per pattern and input; the slowest pattern takes about 0.02 s
_AUDIT_UNITS = ("a", "A", "1", " ", ",", ".", "-", "'", "\n", "$", "%", "(", "aA", "a ", "A ", "1,", "1.",
                "1 ", "a-", "A.", "1a", "a1", "A-", "1-", " a", ". A", "1,0", "of ", "per ")
_AUDIT_SUFFIXES = ("", "!", "\x00", "1", "a")
_RE_FUNCTIONS = {"search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split", "compile"}


def _package_patterns() -> dict[tuple[str, int], str]:
    """(pattern, flags) -> where it is defined, for every regex of the numlint package."""
    import ast
    import importlib
    import pkgutil
    import re
    from pathlib import Path

    found: dict[tuple[str, int], str] = {}
    for info in pkgutil.walk_packages(numlint.__path__, "numlint."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = list(value.values()) if isinstance(value, dict) else list(value) \
                if isinstance(value, (list, tuple)) else [value]
            for v in values:
                if isinstance(v, re.Pattern):
                    found.setdefault((v.pattern, v.flags), f"{info.name}.{name}")
    for path in sorted(Path(numlint.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                continue
            func = node.func
            if (isinstance(func, ast.Attribute) and func.attr in _RE_FUNCTIONS and isinstance(func.value, ast.Name)
                    and func.value.id == "re") or (isinstance(func, ast.Name) and func.id == "_rx"):
                pattern = re.compile(node.args[0].value)  # flags given apart are rare; inline (?i) is kept
                found.setdefault((pattern.pattern, pattern.flags), f"{path.name}:{node.lineno}")
    return found


def _audit(patterns: dict[tuple[str, int], str], progress_path: str):
    import re

    slow = []
    for (source, flags), where in patterns.items():
        pattern = re.compile(source, flags)
        with open(progress_path, "w", encoding="utf-8") as progress:
            progress.write(where)
        units = _AUDIT_UNITS + tuple(sorted({c for c in source if c.isalnum() or c in "£€'’-–.,/ "}))
        for unit in units:
            body = unit * (AUDIT_LENGTH // len(unit))
            for suffix in _AUDIT_SUFFIXES:
                started = time.perf_counter()
                for _ in pattern.finditer(body + suffix):
                    pass
                if time.perf_counter() - started > AUDIT_BUDGET_SECONDS:
                    slow.append(f"{where}: {time.perf_counter() - started:.2f} s on {unit!r} * n + {suffix!r}")
    return slow


def test_no_regex_in_the_package_backtracks_catastrophically(tmp_path):
    patterns = _package_patterns()
    assert len(patterns) > 150  # the collector found the package's regexes (189 on 2026-11-25)
    progress = tmp_path / "progress"
    try:
        slow = guarded(_audit, patterns, str(progress), seconds=120)
    except pytest.fail.Exception as exc:
        pytest.fail(f"{exc}; last pattern started: {progress.read_text(encoding='utf-8')}")
    assert slow == []


def test_the_audit_catches_a_catastrophic_regex(tmp_path):
    # The "Name said" pattern atheris found, as it was: the audit must stop on it.
    bad = {(r"((?:[A-Z][\w'.\-]*\s?){1,4})\s+(?:said|says|told)\b", 0): "the old _SOURCE_PATTERNS"}
    with pytest.raises(pytest.fail.Exception, match="did not finish"):
        guarded(_audit, bad, str(tmp_path / "progress"), seconds=5)


# --- Part 4: costs that must grow with the input, not faster ------------------------------------
# Each pattern runs at a size where a quadratic cost is unmistakable: the old code took minutes to
# hours on these (measured 2026-12-02, see bench/growth.py for the per-MB figures), the linear code
# a few seconds. The guard is generous; it catches the shape of the cost, not slowness.

LINEAR_GUARD_SECONDS = 120


def _line_index_of_many_lines():
    from numlint.document import Document

    doc = Document("a.txt", "Rose 5%\n" * 2_000_000)
    return doc.line_col(len(doc.text) - 1)


def _heading_facts():
    from numlint.document import Document
    from numlint.facts.table import build_facts
    from numlint.linter import document_quantities

    doc = Document("a.md", "# a 5%\n" * 40_000, "markdown")
    prose, quantities = document_quantities(doc)
    table = build_facts(doc, prose, quantities)
    return sum(f.in_heading for f in table.facts)


def _directives(text: str, fmt: str):
    from numlint import suppress
    from numlint.document import Document

    doc = Document("a", text, fmt)
    directives = suppress.parse(text, fmt)
    suppress.resolve_scopes(text, directives, doc.line_col)
    suppress.mask(text, directives)
    return len(directives)


def _unclosed_comments():
    numlint.check_text("<!-- numlint: disable " * 32_000, path="a.md")
    return _directives("<!-- numlint: disable " * 32_000, "markdown")


def _many_ranges_over_many_findings():
    from numlint import suppress
    from numlint.document import Document
    from numlint.model import Finding

    text = "<!-- numlint: disable NL1 -->\n<!-- numlint: enable NL2 -->\nRose 5%\n" * 20_000
    doc = Document("a.md", text, "markdown")
    directives = suppress.parse(text, "markdown")
    suppress.resolve_scopes(text, directives, doc.line_col)
    findings = [Finding(code="NL101", rule="r", severity="warning", message="m", start=i, end=i + 1,
                        line=1, column=1, end_line=1, end_column=2) for i in range(64, len(text), 64)]
    kept, suppressed = suppress.apply(findings, directives)
    return len(kept), len(suppressed)


def test_line_index_is_linear():
    assert guarded(_line_index_of_many_lines, seconds=LINEAR_GUARD_SECONDS) == (2_000_000, 8)


def test_many_h1_headings_are_linear():
    assert guarded(_heading_facts, seconds=LINEAR_GUARD_SECONDS) == 40_000


def test_unclosed_directive_comments_are_linear():
    assert guarded(_unclosed_comments, seconds=LINEAR_GUARD_SECONDS) == 0


def test_a_page_of_disable_next_line_is_linear():
    text = "<!-- numlint: disable-next-line -->\n" * 40_000
    assert guarded(_directives, text, "markdown", seconds=LINEAR_GUARD_SECONDS) == 40_000


def test_a_long_line_of_bracket_directives_is_linear():
    text = "x [numlint: disable-line " * 40_000 + "]\n"
    assert guarded(_directives, text, "text", seconds=LINEAR_GUARD_SECONDS) == 1


def test_many_ranges_over_many_findings_are_linear():
    kept, suppressed = guarded(_many_ranges_over_many_findings, seconds=LINEAR_GUARD_SECONDS)
    assert kept == 0 and suppressed > 20_000


# --- Part 5: baselines, configuration and stdin are bounded, and their mistakes are one line ---------

TROOPS = "The army has 120 troops in the north.\nOfficials later said 150 troops were there.\n"


def _baseline_error(tmp_path, content: bytes | str):
    (tmp_path / "a.txt").write_text(TROOPS)
    bad = tmp_path / "b.json"
    bad.write_bytes(content.encode() if isinstance(content, str) else content)
    code, out, err = invoke("check", "--baseline", str(bad), str(tmp_path / "a.txt"))
    assert code == 2 and "internal error" not in err
    [line] = error_lines(err)
    return line


@pytest.mark.parametrize("content, reason", [
    ('{"numlint_baseline": 1, "findings": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ('{"numlint_baseline": 1, "findings": [{"path": "a.txt", "code": "NL101", "fingerprint": "f", '
     '"occurrence": Infinity}]}', "Infinity is not a number"),
    ('{"numlint_baseline": 1, "findings": [{"path": "a.txt", "code": "NL101", "fingerprint": "f", '
     '"occurrence": 1e400}]}', "occurrence is not a non-negative integer"),
    ('{"numlint_baseline": 1, "findings": [{"path": "a.txt", "code": "NL101", "fingerprint": "' + "f" * 3_000_000
     + '", "occurrence": "x"}]}', "malformed entry 1"),
])
def test_a_broken_baseline_is_one_short_line(tmp_path, content, reason):
    line = _baseline_error(tmp_path, content)
    assert reason in line and len(line) < 400


def test_a_baseline_with_a_utf8_bom_is_read(toy, tmp_path):
    (tmp_path / "a.txt").write_text(TROOPS)
    code, out, err = invoke("check", "--write-baseline", str(tmp_path / "b.json"), str(tmp_path / "a.txt"))
    assert code == 0
    written = (tmp_path / "b.json").read_bytes()
    (tmp_path / "b.json").write_bytes(b"\xef\xbb\xbf" + written)
    assert json.loads(written)["findings"]
    code, out, err = invoke("check", "--baseline", str(tmp_path / "b.json"), str(tmp_path / "a.txt"))
    assert code == 0 and err == ""


def _check_with_baseline(path: str):
    return invoke("check", "--baseline", path, "-", input="Nothing here.\n")


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_baseline_that_is_not_a_regular_file_is_refused_at_once(tmp_path, kind):
    path = tmp_path / "fifo" if kind == "fifo" else "/dev/zero"
    if kind == "fifo":
        os.mkfifo(path)
    code, out, err = guarded(_check_with_baseline, str(path), seconds=30)
    assert code == 2
    assert error_lines(err) == [f"numlint: {path}: cannot read baseline: not a regular file "
                                "(a pipe, socket or device); numlint reads files"]


def test_stdin_has_the_file_cap(tmp_path):
    """``check - < /dev/zero`` stops at the cap with one line, exit 2 (a real process, a real device)."""
    import subprocess

    with open("/dev/zero", "rb") as zero:
        done = subprocess.run([sys.executable, "-c", "from numlint.cli import main; main()", "check", "-"],
                              stdin=zero, capture_output=True, text=True, timeout=GUARD_SECONDS)
    assert done.returncode == 2
    assert "standard input too large" in done.stderr and "Traceback" not in done.stderr


def test_read_bounded_refuses_what_is_not_a_regular_file(tmp_path):
    from numlint.sources import SourceError, read_bounded, read_stdin

    with pytest.raises(SourceError, match="not a regular file"):
        read_bounded("/dev/zero")
    with pytest.raises(SourceError, match="is a directory"):
        read_bounded(str(tmp_path))
    (tmp_path / "big.toml").write_bytes(b"x" * 2000)
    with pytest.raises(SourceError, match="file too large"):
        read_bounded(str(tmp_path / "big.toml"), max_bytes=1000)
    assert read_bounded(str(tmp_path / "big.toml")) == b"x" * 2000
    with open("/dev/zero", "rb") as zero, pytest.raises(SourceError, match="standard input too large"):
        read_stdin(zero, max_bytes=1000)


def test_a_baseline_matches_from_any_directory(toy, tmp_path, monkeypatch):
    """Paths are relative to the baseline file, not to where numlint ran (no git work tree here)."""
    project = tmp_path / "project"
    (project / "news").mkdir(parents=True)
    (project / "ci").mkdir()
    (project / "news" / "a.txt").write_text(TROOPS)
    monkeypatch.chdir(project)
    code, _, _ = invoke("check", "--write-baseline", "ci/baseline.json", "news")
    entries = json.loads((project / "ci" / "baseline.json").read_text())["findings"]
    assert entries and {e["path"] for e in entries} == {"../news/a.txt"}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, out, err = invoke("check", "--baseline", str(project / "ci" / "baseline.json"), str(project / "news"))
    assert code == 0, out + err
    monkeypatch.chdir(project / "news")
    code, out, err = invoke("check", "--baseline", "../ci/baseline.json", "a.txt")
    assert code == 0, out + err


def test_an_old_baseline_is_still_read_from_the_source_root(toy, tmp_path, monkeypatch):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(TROOPS)
    monkeypatch.chdir(tmp_path)
    code, _, _ = invoke("check", "--write-baseline", "b.json", "news")
    payload = json.loads((tmp_path / "b.json").read_text())
    assert payload["findings"]
    del payload["paths"]  # what numlint wrote before paths were relative to the file
    (tmp_path / "b.json").write_text(json.dumps(payload))
    code, out, err = invoke("check", "--baseline", "b.json", "news")
    assert code == 0, out + err


def test_file_names_with_escape_sequences_are_shown_safely(tmp_path):
    name = tmp_path / "a\x1b[2J\x1b]0;pwned\x07.txt"
    name.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(256))
    code, out, err = invoke("check", str(name))
    assert code == 2
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "a\\x1b[2J\\x1b]0;pwned\\x07.txt" in out and "a\\x1b[2J" in err


def test_an_unknown_code_in_a_directive_is_a_warning_by_default(tmp_path):
    story = tmp_path / "story.md"
    story.write_text("Some 40 people.\n<!-- numlint: disable-next-line NL999 -->\nLater 45 people.\n")
    code, report, err = check_json(str(story))
    [finding] = report["files"][0]["findings"]
    assert (code, finding["code"], finding["severity"], finding["line"]) == (1, "NL901", "warning", 2)
    assert "NL999 is not a rule" in finding["message"]
    code, report, err = check_json("--ignore", "NL901", str(story))
    assert (code, report["files"][0]["findings"]) == (0, [])
    # a known code that silences nothing is still reported only when NL901 is selected
    story.write_text("Some 40 people.\n<!-- numlint: disable-next-line NL301 -->\nLater 45 people.\n")
    code, report, err = check_json(str(story))
    assert (code, report["files"][0]["findings"]) == (0, [])


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_invalid_utf8_position_counts_every_kind_of_line_end(tmp_path, newline):
    story = tmp_path / "story.txt"
    story.write_bytes(newline.join(["First line here.", "Second line.", "Prix \xe9lev\xe9."]).encode("latin-1"))
    code, report, err = check_json(str(story))
    assert code == 2
    assert "byte 0xe9 at line 3, column 6" in report["files"][0]["error"]


DISABLE_FILE = "<!-- numlint: disable-file -->"


@pytest.mark.parametrize("name, where", [
    ("story.md", f"Quoted as code: `{DISABLE_FILE}`."),
    ("story.md", f"```html\n{DISABLE_FILE}\n```"),
    ("story.md", f"Indented code:\n\n    {DISABLE_FILE}"),
    ("story.md", f'<div title="{DISABLE_FILE}">A box.</div>'),
    ("story.html", f'<p title="{DISABLE_FILE}">A box.</p>'),
    ("story.html", f'<script>var s = "{DISABLE_FILE}";</script>'),
    ("story.html", f"<style>/* {DISABLE_FILE} */</style>"),
])
def test_a_directive_counts_only_where_it_is_a_comment(toy, tmp_path, name, where):
    story = tmp_path / name
    body = "<p>Some 40 people.</p>\n<p>Later 45 people.</p>\n" if name.endswith(".html") else \
        "Some 40 people.\n\nLater 45 people.\n"
    story.write_text(body + "\n" + where + "\n")
    code, report, err = check_json(str(story))
    assert [f["code"] for f in report["files"][0]["findings"]] == ["NL101"]


@pytest.mark.parametrize("name, where", [
    ("story.md", DISABLE_FILE),
    ("story.md", f"A line with a comment {DISABLE_FILE} in it."),
    ("story.md", f"<div>\n{DISABLE_FILE}\n</div>"),
    ("story.html", f"<p>A comment {DISABLE_FILE}</p>"),
    ("story.txt", DISABLE_FILE),
])
def test_a_directive_in_a_comment_still_counts(toy, tmp_path, name, where):
    story = tmp_path / name
    body = "<p>Some 40 people.</p>\n<p>Later 45 people.</p>\n" if name.endswith(".html") else \
        "Some 40 people.\n\nLater 45 people.\n"
    story.write_text(body + "\n" + where + "\n")
    code, report, err = check_json(str(story))
    assert (code, report["files"][0]["findings"]) == (0, [])


def test_a_writable_report_in_a_read_only_directory_is_written_in_place(shared_dir):
    """The user may write the report but not create the temporary file beside it: written in place."""
    reports = os.path.join(shared_dir, "reports")
    os.mkdir(reports)
    os.chmod(reports, 0o755)  # owned by whoever runs the tests; the unprivileged user cannot create here
    report = os.path.join(reports, "report.txt")
    good = os.path.join(shared_dir, "good.txt")
    with open(good, "w", encoding="utf-8") as fh:
        fh.write("Nothing to see here.\n")
    with open(report, "w", encoding="utf-8") as fh:
        fh.write("an older and much longer report than the new one\n")
    os.chmod(good, 0o644)
    os.chmod(report, 0o666)
    code, out, err = as_unprivileged("check", "-o", report, good)
    assert (code, err) == (0, ""), err
    with open(report, encoding="utf-8") as fh:
        assert fh.read() == "No findings in 1 file.\n"
    assert os.listdir(reports) == ["report.txt"]
