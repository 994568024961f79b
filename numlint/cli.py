"""The command line, and only that: click options, printing, the exit. What a run decides (inputs,
configuration per file, jobs, baseline, report, exit status) is ``numlint.run``; a rule's
documentation is ``numlint.explain``."""

from __future__ import annotations

import os
import sys
import tempfile

import click

from numlint import __version__, run
from numlint.config import ConfigError
from numlint.model import FileResult
from numlint.run import EXIT_CLEAN, EXIT_ERROR, FORMATS, render_report


def write_output(text: str, output: str | None, color: bool | None = None) -> None:
    """Print, or write ``--output`` atomically: a temporary file beside it, then a rename.

    ``color=True`` keeps ANSI styles even when stdout is not a terminal (FORCE_COLOR); None lets
    click strip them from anything that is not a terminal."""
    if output is None:
        click.echo(text, nl=False, color=color or None)
        return
    directory = os.path.dirname(os.path.abspath(output))
    fd, tmp = tempfile.mkstemp(prefix=".numlint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        # mkstemp makes the file private (0600); a report is an ordinary file: keep the mode of the
        # file it replaces, else what the umask allows.
        try:
            mode = os.stat(output).st_mode & 0o7777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        os.replace(tmp, output)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="numlint", message="%(prog)s %(version)s")
def cli() -> None:
    """numlint: find the number errors editors miss in news copy."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
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
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit status 1 (default warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (still 2 on errors).")
@click.option("--quiet", "-q", is_flag=True, help="Only the findings: no summary line.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per code instead of the findings.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False),
              help="Report only findings not recorded in this baseline FILE.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
              help="Record every current finding in FILE (JSON, atomically) and exit 0.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Check files in N processes.")
@click.option("--stdin-filename", help="Name to show for text read from stdin (its suffix picks the format).")
def check(paths, fmt, output, select, extend_select, ignore, config_path, isolated, fail_on, exit_zero, quiet,
          statistics, baseline_path, write_baseline_path, jobs, stdin_filename):
    """Lint articles for inconsistent numbers."""
    from numlint.config import Resolver

    try:
        overrides = run.overrides(select, extend_select, ignore, fail_on, fmt)
        resolver = Resolver(overrides=overrides, config_path=config_path, isolated=isolated)
        project = resolver.for_directory(os.getcwd())   # run-wide settings: format, fail-on
        baseline = run.load_baseline(baseline_path)
        jobs_list = run.plan(paths, stdin_filename, resolver)
    except ConfigError as exc:
        click.echo(f"numlint: {exc}", err=True)
        sys.exit(EXIT_ERROR)

    results = run.check_all(jobs_list, jobs)

    if write_baseline_path:
        _write_or_exit(run.render_baseline(results), write_baseline_path)
        total = sum(len(r.findings) for r in results)
        if not quiet:
            plural = "s" if total != 1 else ""
            click.echo(f"numlint: recorded {total} finding{plural} in {write_baseline_path}", err=True)
        _report_file_errors(results)
        sys.exit(EXIT_ERROR if any(r.error for r in results) else EXIT_CLEAN)

    results, in_baseline = run.without_baseline(results, baseline)

    fmt = run.report_format(project)
    color = _use_color(output)
    if statistics:
        report = run.render_statistics(results, fmt, color)
    else:
        report = render_report(results, fmt, color=color, quiet=quiet, in_baseline=in_baseline)
    _write_or_exit(report, output, color)
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
        click.echo(f"numlint: cannot write {output}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_ERROR)


def _report_file_errors(results: list[FileResult]) -> None:
    for r in results:
        if r.error:
            click.echo(f"numlint: {r.path}: {r.error}", err=True)


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


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the list to FILE (atomically).")
@click.option("--stdin-filename", help="Name to show for text read from stdin.")
def extract(paths, fmt, output, stdin_filename):
    """List every quantity mention numlint parsed."""
    results = run.extract_all(paths, stdin_filename)
    write_output(run.render_extract(results, fmt), output)
    _report_file_errors(results)
    sys.exit(EXIT_ERROR if any(r.error for r in results) else EXIT_CLEAN)


@cli.command(name="rules")
def list_rules():
    """List every rule: code, name, default severity, summary."""
    from numlint.registry import load_rules

    for rule in load_rules().values():
        state = "" if rule.enabled else " (off by default)"
        click.echo(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {rule.summary}{state}")


@cli.command()
@click.argument("code")
def explain(code):
    """Show a rule's documentation: what, why, example, use instead, options, how to silence it."""
    from numlint.explain import explain_text, find_rule

    rule = find_rule(code)
    if rule is None:
        click.echo(f"numlint: unknown rule {code!r} (see 'numlint rules')", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(explain_text(rule))


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
        click.echo("numlint: diff takes OLD and NEW (files or git:REV:PATH), or --git REV [PATH ...]", err=True)
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
        click.echo(f"numlint: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except VersionError as exc:
        click.echo(f"numlint: --git {git_rev}: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    _write_or_exit(render(results, fmt, color=_use_color(output), quiet=quiet), output, _use_color(output))
    files = [r.as_file_result() for r in results]
    if fmt != "text" or not _same_terminal(output):
        _report_file_errors(files)
    sys.exit(run.exit_status(files, project.fail_on, exit_zero))


@cli.command()
@click.option("--tcp", metavar="HOST:PORT", help="Listen on a TCP socket instead of stdio.")
@click.option("--stdio", is_flag=True, help="Speak over stdin/stdout (the default; accepted for clients that pass it).")
def lsp(tcp, stdio):
    """Run the language server (needs: pip install 'numlint[lsp]'; see docs/editors.md)."""
    from numlint.lsp import main as lsp_main

    sys.exit(lsp_main(tcp))


def main() -> None:
    """Entry point: user mistakes are one-line errors; a bug is a short message, never a traceback."""
    try:
        cli(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # pragma: no cover - exercised through a test that injects a fault
        click.echo(
            f"numlint: internal error: {type(exc).__name__}: {exc}\n"
            "This is a bug in numlint; please report it with the input that caused it.",
            err=True,
        )
        sys.exit(EXIT_ERROR)
