"""The command line, and only that: click options, printing, the exit. What a run decides (inputs,
configuration per file, jobs, baseline, report, exit status) is ``numlint.run``; a rule's
documentation is ``numlint.explain``.

click is imported only when its parser is needed: ``numlint check`` given nothing but paths (and a
few flags), as a pre-commit hook and most scripts call it, is read here without it (``_plain_check``),
since importing click and building the commands is a tenth of a cold check of one article."""

from __future__ import annotations

import atexit
import errno
import functools
import gc
import os
import stat
import sys

from numlint import __version__, run
from numlint import progress as progress_bar
from numlint.config import ConfigError
from numlint.model import FileResult
from numlint.run import EXIT_CLEAN, EXIT_ERROR, FORMATS, render_report
from numlint.sources import safe_name as safe


def echo(message: str = "", *, nl: bool = True, err: bool = False, color: bool | None = None) -> None:
    """``click.echo``. Written straight to the stream when that is what click.echo would do: click
    not loaded (the run did not go through its parser), no colour asked for, no escape sequence to
    strip, and a text stream with an encoding click would not replace (it rewraps an ASCII one)."""
    stream = sys.stderr if err else sys.stdout
    if "click" in sys.modules or color or "\x1b" in message or not _plain_text_stream(stream):
        import click

        click.echo(message, nl=nl, err=err, color=color)
        return
    stream.write(message + "\n" if nl else message)
    stream.flush()


def _plain_text_stream(stream) -> bool:
    encoding = getattr(stream, "encoding", None)
    if not encoding or getattr(stream, "errors", None) is None:
        return False
    import codecs

    try:
        return codecs.lookup(encoding).name != "ascii"
    except LookupError:
        return True


def write_output(text: str, output: str | None, color: bool | None = None) -> None:
    """Print, or write ``--output``.

    A regular file (or a path that does not exist yet) is replaced atomically: a temporary file
    beside the real target (symbolic links are followed, so the link stays a link), given the
    target's mode, then renamed over it; a reader never sees half a report. Anything else, a
    character device (``/dev/null``), a FIFO, ``/dev/stdout`` or ``/dev/fd/N``, cannot be replaced
    without breaking whoever holds it, so it is written straight. ``-`` is standard output.

    ``color=True`` keeps ANSI styles even when stdout is not a terminal (FORCE_COLOR); None lets
    click strip them from anything that is not a terminal."""
    if output is None or output == "-":
        echo(text, nl=False, color=color or None)
        return
    descriptor = _descriptor_of(output)
    if descriptor is not None:
        _write_to_descriptor(text, descriptor, color)
        return
    try:
        info = os.stat(output)  # follows symbolic links
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", output)
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_straight(text, output)
        return
    target = os.path.realpath(output)
    try:
        _replace_atomically(text, target, info)
    except PermissionError:
        # A report we may write in a directory we may not create files in (a shared reports folder):
        # written in place, as any editor would, rather than not at all.
        if info is None or not os.access(target, os.W_OK):
            raise
        _write_straight(text, target, truncate=True)


def _descriptor_of(path: str) -> int | None:
    """The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N names. Opening the
    path again would start a new file position at 0 (``numlint -o /dev/stdout >> log`` would
    overwrite the log); the caller's own descriptor is written instead."""
    absolute = os.path.abspath(path)
    named = {"/dev/stdout": 1, "/dev/stderr": 2}
    if absolute in named:
        return named[absolute]
    for prefix in ("/dev/fd/", "/proc/self/fd/"):
        if absolute.startswith(prefix) and absolute[len(prefix):].isdigit():
            return int(absolute[len(prefix):])
    return None


def _write_to_descriptor(text: str, descriptor: int, color: bool | None) -> None:
    if descriptor in (1, 2):  # through sys.stdout / sys.stderr, which may hold buffered text
        echo(text, nl=False, color=color or None, err=descriptor == 2)
        return
    with os.fdopen(os.dup(descriptor), "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def _write_straight(text: str, output: str, truncate: bool = False) -> None:
    # No O_CREAT: the file exists (a device, a FIFO, or a report we may write but not replace).
    fd = os.open(output, os.O_WRONLY | (os.O_TRUNC if truncate else 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def _replace_atomically(text: str, target: str, info: os.stat_result | None) -> None:
    import tempfile  # only --output needs it (~10 ms of a cold start)

    fd, tmp = tempfile.mkstemp(prefix=".numlint-", suffix=".tmp", dir=os.path.dirname(target))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        # mkstemp makes the file private (0600); a report is an ordinary file: keep the mode of the
        # file it replaces, else what the umask allows.
        if info is not None:
            mode = info.st_mode & 0o7777
        else:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        if info is not None and hasattr(os, "chown") and (info.st_uid, info.st_gid) != _owner(tmp):
            # root replacing someone's report: the file stays theirs (a normal user cannot give
            # a file away, and keeps owning what it writes)
            try:
                os.chown(tmp, info.st_uid, info.st_gid)
            except OSError:
                pass
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


def refuse_output_over_inputs(outputs: dict[str, str | None], inputs) -> None:
    """Exit 2, before any work, when an output path (``{"--output": path}``) names a file that is
    being checked: ``numlint check -o a.txt a.txt`` must not replace the article with its report."""
    chosen = {option: path for option, path in outputs.items() if path and path != "-"}
    if not chosen:
        return
    identities = {}
    for path in inputs:
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            continue
        if stat.S_ISREG(info.st_mode):
            identities[(info.st_dev, info.st_ino)] = path
    for option, output in chosen.items():
        try:
            info = os.stat(output)
        except (OSError, ValueError):
            continue
        clash = identities.get((info.st_dev, info.st_ino))
        if clash is not None:
            echo(f"numlint: {option} {safe(output)} is {safe(clash)}, one of the files being checked; "
                 "refusing to overwrite it", err=True)
            sys.exit(EXIT_ERROR)


def run_check(paths: tuple[str, ...] = (), fmt: str | None = None, output: str | None = None,
              select: str | None = None, extend_select: str | None = None, ignore: str | None = None,
              config_path: str | None = None, isolated: bool = False, force_exclude: bool | None = None,
              fail_on: str | None = None, exit_zero: bool = False, quiet: bool = False, statistics: bool = False,
              baseline_path: str | None = None, write_baseline_path: str | None = None, jobs: int = 1,
              dask_address: str | None = None, stdin_filename: str | None = None,
              html_scope: str | None = None) -> None:
    """``numlint check`` with its options parsed (the defaults are the command's): exits."""
    from numlint.config import Resolver

    try:
        overrides = run.overrides(select, extend_select, ignore, fail_on, fmt)
        if force_exclude is not None:
            overrides["force_exclude"] = force_exclude
        if html_scope:
            overrides["html_scope"] = html_scope
        resolver = Resolver(overrides=overrides, config_path=config_path, isolated=isolated)
        project = resolver.for_directory(os.getcwd())   # run-wide settings: format, fail-on
        baseline = run.load_baseline(baseline_path)
        jobs_list = run.plan(paths, stdin_filename, resolver)
    except ConfigError as exc:
        echo(f"numlint: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    refuse_output_over_inputs({"--output": output, "--write-baseline": write_baseline_path},
                              [job.path for job in jobs_list])

    fmt = run.report_format(project)
    progress = None
    if progress_bar.wanted(fmt, sys.stderr):
        progress = progress_bar.Progress(len(jobs_list))
    try:
        if dask_address:
            from numlint.dask import DaskUnavailable, check_on_cluster

            try:
                results = check_on_cluster(jobs_list, dask_address, on_result=progress)
            except DaskUnavailable as exc:
                echo(f"numlint: {exc}", err=True)
                sys.exit(EXIT_ERROR)
        else:
            parts = run.report_parts(fmt, statistics or bool(write_baseline_path))
            results = run.check_all(jobs_list, jobs, on_result=progress, parts=parts)
    finally:
        if progress is not None:
            progress.close()

    if write_baseline_path:
        _write_or_exit(run.render_baseline(results, write_baseline_path), write_baseline_path)
        total = sum(len(r.findings) for r in results)
        if not quiet:
            plural = "s" if total != 1 else ""
            echo(f"numlint: recorded {total} finding{plural} in {write_baseline_path}", err=True)
        _report_file_errors(results)
        sys.exit(EXIT_ERROR if any(r.error for r in results) else EXIT_CLEAN)

    results, in_baseline = run.without_baseline(results, baseline)

    color = _use_color(output)
    if statistics:
        report = run.render_statistics(results, fmt, color)
    else:
        report = render_report(results, fmt, color=color, quiet=quiet, in_baseline=in_baseline)
    _write_or_exit(report, output, color)
    if fmt == "github" and not statistics:
        _write_step_summary(results)
    if not (fmt in ("text", "concise") and not statistics and _same_terminal(output)):
        # Machine formats, --output and pipes still tell the person at the terminal; a human report
        # on the terminal already shows each file's error line, so it is not printed twice.
        _report_file_errors(results)
    sys.exit(run.exit_status(results, project.fail_on, exit_zero))


def _write_or_exit(text: str, output: str | None, color: bool | None = None) -> None:
    """write_output, with a file that cannot be written reported as one line, exit 2."""
    try:
        write_output(text, output, color)
    except OSError as exc:
        echo(f"numlint: cannot write {safe(output)}: {(exc.strerror or str(exc)).lower()}", err=True)
        sys.exit(EXIT_ERROR)


def _write_step_summary(results: list[FileResult]) -> None:
    """GitHub's job summary (every finding, past the per-step annotation limit); a summary file that
    cannot be written costs a warning, not the run."""
    from numlint.reporters import github

    try:
        github.write_step_summary(results)
    except OSError as exc:
        echo(f"numlint: warning: cannot write $GITHUB_STEP_SUMMARY: {exc.strerror or exc}", err=True)


def _report_file_errors(results: list[FileResult]) -> None:
    for r in results:
        if r.error:
            echo(f"numlint: {safe(r.path)}: {r.error}", err=True)


def _is_tty(stream) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)())


def _same_terminal(output: str | None) -> bool:
    """The report goes to stdout and stdout and stderr are both a terminal (the same screen)."""
    return output is None and _is_tty(sys.stdout) and _is_tty(sys.stderr)


def _use_color(output: str | None) -> bool:
    """Colour only for a terminal, never with NO_COLOR (https://no-color.org); FORCE_COLOR forces it."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return output is None
    if output is not None:
        return False
    return _is_tty(sys.stdout) and os.environ.get("TERM") != "dumb"


@functools.cache
def _click_cli():
    """The click group of every command (built once, on first use: see the module's docstring)."""
    import click

    class JobsType(click.ParamType):
        """--jobs: a whole number >= 0, or 'auto' (= 0, every available core)."""

        name = "N|auto"

        def convert(self, value, param, ctx):
            if isinstance(value, int):
                return value
            if str(value).strip().lower() == "auto":
                return 0
            try:
                number = int(value)
            except ValueError:
                number = -1
            if number < 0:
                self.fail(f"{value!r} is not a number of processes (0 or more, or 'auto')", param, ctx)
            return number

    @click.group(context_settings={"help_option_names": ["-h", "--help"]})
    @click.version_option(__version__, "--version", prog_name="numlint", message="%(prog)s %(version)s")
    def cli() -> None:
        """numlint: find the number errors editors miss in news copy."""

    @cli.command()
    @click.argument("paths", nargs=-1, type=click.Path(readable=False))  # unreadable: a per-file error
    @click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                  help="Output format (default text; github under GitHub Actions).")
    @click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE (atomically).")
    @click.option("--select", help="Comma-separated codes, prefixes or rule names to check "
                                    "(e.g. NL1,percent-vs-points); replaces the config's.")
    @click.option("--extend-select",
                  help="Codes, prefixes or rule names to check in addition to the selected ones (e.g. NL901).")
    @click.option("--ignore", help="Comma-separated codes, prefixes or rule names to skip (added to the config's).")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False),
                  help="Read configuration from FILE only (no discovery).")
    @click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
    @click.option("--force-exclude/--no-force-exclude", default=None,
                  help="Apply the config's exclude to files named on the command line too (pre-commit names them).")
    @click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
                  help="Lowest severity that makes the exit status 1 (default warning).")
    @click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (still 2 on errors).")
    @click.option("--quiet", "-q", is_flag=True, help="Only the findings: no summary line.")
    @click.option("--statistics", is_flag=True, help="Print the number of findings per code instead of the findings.")
    @click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
                  help="Report only findings not recorded in this baseline FILE.")
    @click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
                  help="Record every current finding in FILE (JSON, atomically) and exit 0.")
    @click.option("--jobs", "-j", type=JobsType(), default="1", show_default=True,
                  help="Check files in N processes; 0 or 'auto': one per available core.")
    @click.option("--dask", "dask_address", metavar="ADDRESS",
                  help="Check the files on the Dask scheduler at ADDRESS (tcp://host:8786); needs numlint[dask].")
    @click.option("--stdin-filename", help="Name to show for text read from stdin (its suffix picks the format).")
    @click.option("--html-scope", type=click.Choice(["article", "all"]), default=None,
                  help="HTML: lint the article only, without navigation, asides and other page chrome "
                       "(article, the default), or every visible element (all).")
    def check(paths, fmt, output, select, extend_select, ignore, config_path, isolated, force_exclude, fail_on,
              exit_zero, quiet, statistics, baseline_path, write_baseline_path, jobs, dask_address, stdin_filename,
              html_scope):
        """Lint articles for inconsistent numbers."""
        run_check(paths, fmt, output, select, extend_select, ignore, config_path, isolated, force_exclude, fail_on,
                  exit_zero, quiet, statistics, baseline_path, write_baseline_path, jobs, dask_address, stdin_filename,
                  html_scope)

    @cli.command()
    @click.argument("paths", nargs=-1, type=click.Path(readable=False))  # unreadable: a per-file error
    @click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
    @click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the list to FILE (atomically).")
    @click.option("--stdin-filename", help="Name to show for text read from stdin.")
    def extract(paths, fmt, output, stdin_filename):
        """List every quantity mention numlint parsed."""
        results = run.extract_all(paths, stdin_filename)
        refuse_output_over_inputs({"--output": output}, [r.path for r in results])
        _write_or_exit(run.render_extract(results, fmt), output)
        _report_file_errors(results)
        sys.exit(EXIT_ERROR if any(r.error for r in results) else EXIT_CLEAN)

    @cli.command(name="rules")
    def list_rules():
        """List every rule: code, name, default severity, summary."""
        from numlint.registry import load_rules

        for rule in load_rules().values():
            state = "" if rule.enabled else " (off by default)"
            echo(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {rule.summary}{state}")

    @cli.command()
    @click.argument("code")
    def explain(code):
        """Show a rule's documentation: what, why, example, use instead, options, how to silence it."""
        from numlint.explain import explain_text, find_rule

        rule = find_rule(code)
        if rule is None:
            echo(f"numlint: unknown rule {code!r} (see 'numlint rules')", err=True)
            sys.exit(EXIT_ERROR)
        echo(explain_text(rule))

    @cli.command(name="diff")
    @click.argument("versions", nargs=-1, type=click.Path())
    @click.option("--git", "git_rev", metavar="REV",
                  help="Compare every article changed since git revision REV with its version there "
                       "(VERSIONS, if any, limit the paths).")
    @click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text",
                  show_default=True, help="Output format (sarif and github carry the left-behind findings).")
    @click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE (atomically).")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False),
                  help="Read configuration from FILE only (no discovery).")
    @click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
    @click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
                  help="Lowest severity that makes the exit status 1 (default warning).")
    @click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (still 2 on errors).")
    @click.option("--quiet", "-q", is_flag=True, help="No summary line, and nothing for an article without changes.")
    def diff(versions, git_rev, fmt, output, config_path, isolated, fail_on, exit_zero, quiet):
        """Figures changed, added or removed between two versions of a story (OLD NEW: files or
        git:REV:PATH), and mentions left behind at an old value (NL104)."""
        from numlint.config import Resolver
        from numlint.diff import diff_pair, diff_since
        from numlint.diff.report import render
        from numlint.diff.versions import VersionError

        if git_rev is None and len(versions) != 2:
            echo("numlint: diff takes OLD and NEW (files or git:REV:PATH), or --git REV [PATH ...]", err=True)
            sys.exit(EXIT_ERROR)
        try:
            resolver = Resolver(overrides=run.overrides(None, None, None, fail_on, None), config_path=config_path,
                                isolated=isolated)
            project = resolver.for_directory(os.getcwd())
            if git_rev is not None:
                results = diff_since(git_rev, tuple(versions), resolver)
            else:
                results = [diff_pair(versions[0], versions[1], resolver)]
        except ConfigError as exc:
            echo(f"numlint: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        except VersionError as exc:
            echo(f"numlint: --git {git_rev}: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        _write_or_exit(render(results, fmt, color=_use_color(output), quiet=quiet), output, _use_color(output))
        files = [r.as_file_result() for r in results]
        if fmt != "text" or not _same_terminal(output):
            _report_file_errors(files)
        sys.exit(run.exit_status(files, project.fail_on, exit_zero))

    @cli.command()
    def schema():
        """Print the JSON Schema of [tool.numlint] / .numlint.toml (docs/numlint-config.schema.json)."""
        from numlint.schema import render

        echo(render(), nl=False)

    @cli.command()
    @click.option("--tcp", metavar="HOST:PORT", help="Listen on a TCP socket instead of stdio.")
    @click.option("--stdio", is_flag=True,
                  help="Speak over stdin/stdout (the default; accepted for clients that pass it).")
    def lsp(tcp, stdio):
        """Run the language server (needs: pip install 'numlint[lsp]'; see docs/editors.md)."""
        from numlint.lsp import main as lsp_main

        sys.exit(lsp_main(tcp))

    return cli


def __getattr__(name: str):
    # ``numlint.cli.cli``, the click group (click.testing, the docs), is built when first asked for.
    if name == "cli":
        return _click_cli()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Entry point: user mistakes are one-line errors; a bug is a short message, never a traceback.
    SIGINT and SIGTERM end the run (workers included, no report written): exit 130 or 143."""
    # The interpreter's collections at exit would walk every object the run made (modules, rule
    # tables, findings), about 7 ms of a 100 ms check of one article, to free memory the exit frees
    # anyway; frozen, they are skipped. Nothing of a run waits on a collector: reports are written
    # and closed before the exit.
    atexit.register(gc.freeze)
    run.end_run_on_signals()
    try:
        options = _plain_check(sys.argv[1:])
        if options is not None:
            _run_plain_check(options)
        _click_cli()(standalone_mode=True)
    except SystemExit:
        raise
    except run.Interrupted as exc:
        sys.exit(exc.exit_status)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # pragma: no cover - exercised through a test that injects a fault
        echo(
            f"numlint: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in numlint; please report it with the input that caused it.",
            err=True,
        )
        sys.exit(EXIT_ERROR)


# The options _plain_check reads itself: flags without a value, each with the parameter it sets.
_PLAIN_FLAGS = {
    "--isolated": ("isolated", True),
    "--force-exclude": ("force_exclude", True),
    "--no-force-exclude": ("force_exclude", False),
    "--exit-zero": ("exit_zero", True),
    "--quiet": ("quiet", True),
    "-q": ("quiet", True),
    "--statistics": ("statistics", True),
}


def _plain_check(argv: list[str]) -> dict | None:
    """``run_check``'s arguments when ``argv`` is ``check`` followed by paths and ``_PLAIN_FLAGS``
    only, in any order, which click would parse to the same; None for anything else (an option with
    a value, ``-`` for stdin, ``--``, ``--help``, a typo), left to click, as is shell completion."""
    if not argv or argv[0] != "check":
        return None
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ):
        return None
    options: dict = {}
    paths = []
    for arg in argv[1:]:
        if arg.startswith("-"):
            if arg not in _PLAIN_FLAGS:
                return None
            name, value = _PLAIN_FLAGS[arg]
            options[name] = value
        else:
            paths.append(arg)
    return {"paths": tuple(paths), **options}


def _run_plain_check(options: dict) -> None:
    """``run_check(**options)``, ended as click's standalone mode ends a command: Ctrl-D or a
    KeyboardInterrupt is "Aborted!" and exit 1; a closed stdout (``numlint check a.txt | head``)
    is a quiet exit 1."""
    try:
        run_check(**options)
    except (EOFError, KeyboardInterrupt):
        echo(err=True)
        echo("Aborted!", err=True)
        sys.exit(1)
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        from click.utils import PacifyFlushWrapper

        sys.stdout = PacifyFlushWrapper(sys.stdout)
        sys.stderr = PacifyFlushWrapper(sys.stderr)
        sys.exit(1)
