"""The command line: parse options, call the linter, hand results to a reporter. No linting logic here."""

from __future__ import annotations

import os
import sys
import tempfile

import click

from numlint import __version__
from numlint.config import Config, ConfigError
from numlint.model import FileResult, severity_rank

FORMATS = ("text", "concise", "json", "sarif", "github", "html")
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(c.strip().upper() for c in value.split(",") if c.strip())


def validate_codes(codes: tuple[str, ...], option: str) -> None:
    """Every code given must be a prefix of at least one known rule (or ALL)."""
    from numlint.registry import load_rules

    known = load_rules()
    for code in codes:
        if code != "ALL" and not any(k.startswith(code) for k in known):
            raise ConfigError(f"{option}: unknown rule code {code!r} (see 'numlint rules')")


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


def _load(path: str, text: str | None):
    """(Document, None) for an input, or (None, FileResult) naming why it cannot be read."""
    from numlint.document import Document, format_for_path
    from numlint.sources import SourceError, read_source

    try:
        if text is None:
            text = read_source(path)
    except SourceError as exc:
        return None, FileResult(path=path, error=str(exc))
    return Document(path, text, format_for_path(path)), None


def _contained(path: str, work) -> FileResult:
    """``work()``, with a bug in numlint turned into that file's one-line error, so one odd article
    costs only its own report and every other file is still checked (exit 2 at the end, as for
    unreadable input). NUMLINT_DEBUG=1 lets the exception through, with its traceback."""
    try:
        return work()
    except Exception as exc:
        if os.environ.get("NUMLINT_DEBUG"):
            raise
        detail = (str(exc).splitlines() or [""])[0][:200]
        return FileResult(path=path, error=f"internal error: {type(exc).__name__}: {detail} "
                                           "(a bug in numlint; please report it with this file)")


def _check_one(path: str, text: str | None, config: Config) -> FileResult:
    from numlint.linter import lint

    def work() -> FileResult:
        doc, unreadable = _load(path, text)
        return unreadable or lint(doc, config)

    return _contained(path, work)


def _check_job(job: tuple[str, str | None, str | None, Config]) -> FileResult:
    path, text, error, config = job
    if error:
        return FileResult(path=path, error=error)
    return _check_one(path, text, config)


def _extract_one(path: str, text: str | None) -> FileResult:
    from numlint.linter import document_quantities

    def work() -> FileResult:
        doc, unreadable = _load(path, text)
        if unreadable:
            return unreadable
        _, quantities = document_quantities(doc)
        return FileResult(path=path, quantities=tuple(quantities), text=doc.text)

    return _contained(path, work)


def _inputs(paths: tuple[str, ...], stdin_filename: str | None, walk_config=None):
    """(path, text-or-None, error-or-None) for every input; '-' (or no path with piped input) is stdin.

    ``walk_config(directory) -> Config`` gives the include/exclude globs for a walked directory.
    """
    seen: set[str] = set()
    for path, text, error in _given_inputs(paths, stdin_filename, walk_config):
        # "numlint check a.txt a.txt", or a file named beside its directory ("numlint check . a.txt"),
        # is checked and reported once, under the name it was first given (stdin is never a repeat).
        key = os.path.normcase(os.path.abspath(path)) if text is None else None
        if key is not None and key in seen:
            continue
        seen.add(key)
        yield path, text, error


def _given_inputs(paths: tuple[str, ...], stdin_filename: str | None, walk_config):
    from numlint.sources import DEFAULT_SUFFIXES, iter_sources

    if not paths:
        # Piped input is read; at a terminal, no path means the current directory (as ruff does).
        paths = ("-",) if not sys.stdin.isatty() else (".",)
    for given in paths:
        if given == "-":
            data = sys.stdin.buffer.read()
            from numlint.sources import SourceError, decode

            name = stdin_filename or "<stdin>"
            try:
                yield name, decode(data), None
            except SourceError as exc:
                yield name, None, str(exc)
            continue
        cfg = walk_config(given) if walk_config is not None and os.path.isdir(given) else None
        if cfg is None or not (cfg.include or cfg.exclude):
            for source in iter_sources([given]):
                yield source.path, None, source.error
            continue
        from numlint.config import path_matches

        suffixes = ("",) if cfg.include else DEFAULT_SUFFIXES
        for source in iter_sources([given], suffixes=suffixes, exclude=cfg.exclude):
            if cfg.include and not any(path_matches(source.path, pat, cfg.root) for pat in cfg.include):
                continue
            if any(path_matches(source.path, pat, cfg.root) for pat in cfg.exclude):
                continue
            yield source.path, None, source.error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="numlint", message="%(prog)s %(version)s")
def cli() -> None:
    """numlint: find the number errors editors miss in news copy."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default text; github under GitHub Actions).")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to FILE (atomically).")
@click.option("--select", help="Comma-separated codes or prefixes to check (e.g. NL1,NL301); replaces the config's.")
@click.option("--extend-select", help="Codes or prefixes to check in addition to the selected ones (e.g. NL901).")
@click.option("--ignore", help="Comma-separated codes or prefixes to skip (added to the config's).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Read configuration from FILE only (no discovery).")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit status 1 (default warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (still 2 on errors).")
@click.option("--quiet", "-q", is_flag=True, help="Only the findings: no summary line.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per code instead of the findings.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), help="Report only findings not recorded in this baseline FILE.")
@click.option("--write-baseline", "write_baseline_path", type=click.Path(dir_okay=False),
              help="Record every current finding in FILE (JSON, atomically) and exit 0.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Check files in N processes.")
@click.option("--stdin-filename", help="Name to show for text read from stdin (its suffix picks the format).")
def check(paths, fmt, output, select, extend_select, ignore, config_path, isolated, fail_on, exit_zero, quiet,
          statistics, baseline_path, write_baseline_path, jobs, stdin_filename):
    """Lint articles for inconsistent numbers."""
    from numlint.config import Resolver

    try:
        overrides: dict = {}
        if select is not None:
            overrides["select"] = _codes(select)
            validate_codes(overrides["select"], "--select")
        if extend_select:
            overrides["extend_select"] = _codes(extend_select)
            validate_codes(overrides["extend_select"], "--extend-select")
        if ignore:
            overrides["ignore"] = _codes(ignore)
            validate_codes(overrides["ignore"], "--ignore")
        if fail_on:
            overrides["fail_on"] = fail_on
        if fmt:
            overrides["format"] = fmt
        resolver = Resolver(overrides=overrides, config_path=config_path, isolated=isolated)
        project = resolver.for_directory(os.getcwd())   # run-wide settings: format, fail-on
        baseline = None
        if baseline_path:
            from numlint.baseline import BaselineError, load

            try:
                baseline = load(baseline_path)
            except BaselineError as exc:
                raise ConfigError(str(exc)) from None
        jobs_list = [
            (path, text, error, None if error else resolver.for_file(path))
            for path, text, error in _inputs(paths, stdin_filename, resolver.for_directory)
        ]
    except ConfigError as exc:
        click.echo(f"numlint: {exc}", err=True)
        sys.exit(EXIT_ERROR)

    if jobs > 1 and len(jobs_list) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_check_job, jobs_list, chunksize=4))
    else:
        results = [_check_job(job) for job in jobs_list]

    if write_baseline_path:
        from numlint.baseline import render as render_baseline

        _write_or_exit(render_baseline(results), write_baseline_path)
        total = sum(len(r.findings) for r in results)
        if not quiet:
            click.echo(f"numlint: recorded {total} finding{'s' if total != 1 else ''} in {write_baseline_path}", err=True)
        _report_file_errors(results)
        sys.exit(EXIT_ERROR if any(r.error for r in results) else EXIT_CLEAN)

    in_baseline = 0
    if baseline is not None:
        from numlint.baseline import filter_new

        results, in_baseline = filter_new(results, baseline)

    fmt = project.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    color = _use_color(output)
    if statistics:
        report = _statistics(results, fmt, color)
    else:
        report = render_report(results, fmt, color=color, quiet=quiet, in_baseline=in_baseline)
    _write_or_exit(report, output, color)
    if not (fmt in ("text", "concise") and not statistics and _same_terminal(output)):
        # Machine formats, --output and pipes still tell the person at the terminal; a human report
        # on the terminal already shows each file's error line, so it is not printed twice.
        _report_file_errors(results)

    if any(r.error for r in results):
        sys.exit(EXIT_ERROR)
    threshold = severity_rank(project.fail_on)
    if not exit_zero and any(severity_rank(f.severity) >= threshold for r in results for f in r.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_CLEAN)


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


def render_report(results: list[FileResult], fmt: str, *, color: bool = False, quiet: bool = False,
                  in_baseline: int = 0) -> str:
    """The report in one format; each format is a small module in numlint/reporters."""
    if fmt == "json":
        from numlint.reporters import json_report

        return json_report.render_check(results)
    if fmt == "sarif":
        from numlint.reporters import sarif

        return sarif.render(results)
    if fmt == "github":
        from numlint.reporters import github

        return github.render(results)
    if fmt == "html":
        from numlint.reporters import html

        return html.render(results)
    from numlint.reporters import text

    return text.render(results, concise=fmt == "concise", color=color, quiet=quiet, suppressed_by_baseline=in_baseline)


def _statistics(results: list[FileResult], fmt: str, color: bool) -> str:
    from numlint.reporters import text

    if fmt == "json":
        import json

        rows = [{"count": n, "code": code, "name": name, "severity": sev} for n, code, name, sev in text.statistics(results)]
        return json.dumps(rows, indent=2) + "\n"
    return text.render_statistics(results, color=color)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the list to FILE (atomically).")
@click.option("--stdin-filename", help="Name to show for text read from stdin.")
def extract(paths, fmt, output, stdin_filename):
    """List every quantity mention numlint parsed."""
    from numlint.reporters import json_report

    results = [
        FileResult(path=p, error=e) if e else _extract_one(p, t) for p, t, e in _inputs(paths, stdin_filename)
    ]
    if fmt == "json":
        report = json_report.render_extract(results)
    else:
        lines = []
        for r in results:
            if r.error:
                lines.append(f"{r.path}: error: {r.error}")
            for q in r.quantities:
                value = q.value if q.value is not None else f"{q.low}-{q.high}"
                extra = " ".join(
                    f"{k}={v}" for k, v in (("unit", q.unit), ("approx", q.approx if q.approx != "=" else None),
                                            ("change", q.change), ("metric", q.metric), ("base", q.base)) if v
                )
                lines.append(f"{r.path}:{q.line}:{q.column}: {q.text!r} {q.kind} {value} {extra}".rstrip())
        report = "\n".join(lines) + ("\n" if lines else "")
    write_output(report, output)
    for r in results:
        if r.error:
            click.echo(f"numlint: {r.path}: {r.error}", err=True)
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
    """Show a rule's documentation: what, why, example, use instead, how to silence it."""
    from numlint.registry import load_rules

    rules = load_rules()
    rule = rules.get(code.upper()) or next((r for r in rules.values() if r.name == code), None)
    if rule is None:
        click.echo(f"numlint: unknown rule {code!r} (see 'numlint rules')", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(explain_text(rule))


def explain_text(rule) -> str:
    parts = [
        f"{rule.code} {rule.name} ({rule.severity}{'' if rule.enabled else ', off by default'})",
        "",
        "## What it does",
        rule.summary,
        "",
        "## Why is this bad?",
        rule.why,
    ]
    if rule.failing_examples or rule.example:
        parts += ["", "## Example", rule.example or rule.failing_examples[0]]
    if rule.use_instead or rule.passing_examples:
        parts += ["", "## Use instead", rule.use_instead or rule.passing_examples[0]]
    if rule.options:
        parts += ["", "## Options"] + [f"- {k} = {v!r}" for k, v in rule.options.items()]
    parts += [
        "",
        "## How to silence it",
        f"- for a whole run: --ignore {rule.code} (or ignore = [\"{rule.code}\"] in [tool.numlint])",
        f"- in Markdown or HTML: <!-- numlint: disable-next-line {rule.code} --> before the line,",
        f"  or <!-- numlint: disable-line {rule.code} --> on it",
        f"- in plain text: a line [numlint: disable-next-line {rule.code}] before the line,",
        f"  or [numlint: disable-line {rule.code}] at the end of it",
        "- for a known, accepted finding: record it in a baseline (--write-baseline / --baseline)",
    ]
    return "\n".join(parts)


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
