"""``numlint lsp`` end to end, with a real LSP client (pygls's) over stdio, as an editor starts it.

Skipped when pygls is not installed (the ``lsp`` extra); the ``test`` extra installs it, so CI runs them.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest.importorskip("lsprotocol")

from lsprotocol import types as T  # noqa: E402
from pygls.exceptions import JsonRpcException  # noqa: E402

from numlint.lsp.testing import SERVER_COMMAND, Session, apply_edits, server_command  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """# Acme results

Acme 😀 reported a profit of £5m for the year, its chief executive said.

Analysts had expected the £5bn profit to be reinvested in the stores.
"""


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 180))


def utf16_col(line: str, index: int) -> int:
    return len(line[:index].encode("utf-16-le")) // 2


def pos_of(text: str, needle: str, encoding: str = "utf-16") -> tuple[int, int]:
    offset = text.index(needle)
    line = text.count("\n", 0, offset)
    line_text = text.split("\n")[line]
    col = offset - (text.rfind("\n", 0, offset) + 1)
    if encoding == "utf-16":
        return line, utf16_col(line_text, col)
    if encoding == "utf-8":
        return line, len(line_text[:col].encode("utf-8"))
    return line, col


def rng(r: T.Range) -> tuple[int, int, int, int]:
    return r.start.line, r.start.character, r.end.line, r.end.character


def test_scale_slip_session(tmp_path):
    """The issue's scenario: open, read the diagnostics, hover, code actions, fix, save, shut down."""
    story = tmp_path / "acme.md"
    story.write_text(ARTICLE, encoding="utf-8")
    uri = story.as_uri()

    async def go():
        async with Session(root=tmp_path) as s:
            caps = s.result.capabilities
            assert caps.position_encoding == "utf-16"
            assert caps.hover_provider and caps.code_action_provider
            s.open(uri, ARTICLE, "markdown", 1)
            diags = await s.wait_diagnostics(uri, 1)
            assert [d.code for d in diags] == ["NL201"]
            d = diags[0]
            assert d.source == "numlint" and d.severity == T.DiagnosticSeverity.Error
            assert d.code_description.href.endswith("/rules/NL201.md")
            line, col = pos_of(ARTICLE, "£5bn")
            assert rng(d.range) == (line, col, line, col + 4)
            # The related mention is on the line with the emoji: UTF-16 counts it as two units.
            (related,) = d.related_information
            rline, rcol = pos_of(ARTICLE, "£5m")
            assert related.location.uri == uri and rng(related.location.range) == (rline, rcol, rline, rcol + 3)
            assert rcol == ARTICLE.split("\n")[2].index("£5m") + 1
            assert "£5m" in related.message

            # Hover over the figure: what numlint read, the other mention, and the rule's doc.
            hover = await s.hover(uri, line, col + 2)
            text = hover.contents.value
            assert hover.contents.kind == T.MarkupKind.Markdown
            for expected in ("£5bn", "5,000,000,000", "GBP", "money", "profit", "line 3: £5m", "NL201 scale-slip"):
                assert expected in text, expected
            assert rng(hover.range) == rng(d.range)
            # Hover over the £5m with the emoji before it on the line.
            hover = await s.hover(uri, rline, rcol + 1)
            assert "5,000,000" in hover.contents.value and "line 5: £5bn" in hover.contents.value
            # Hover over plain words: nothing.
            assert await s.hover(uri, 0, 2) is None

            # Code actions: no figure fix for a scale slip (numlint cannot know which is right), but
            # "silence this line" with the Markdown directive.
            actions = await s.code_actions(uri, d.range, [d])
            assert [a.title for a in actions] == ["Silence NL201 on this line"]
            assert actions[0].kind == T.CodeActionKind.QuickFix and actions[0].diagnostics[0].code == "NL201"
            silenced = apply_edits(ARTICLE, actions[0].edit.changes[uri])
            assert "the stores. <!-- numlint: disable-line NL201 -->\n" in silenced
            assert await s.code_actions(uri, d.range, [d], only=[T.CodeActionKind.Refactor]) == []

            s.replace_all(uri, 2, silenced)
            assert await s.wait_diagnostics(uri, 2) == []

            # Back to the slip, then fix it by typing: the diagnostics come back, then go.
            s.replace_all(uri, 3, ARTICLE)
            assert [d.code for d in await s.wait_diagnostics(uri, 3)] == ["NL201"]
            s.change(uri, 4, (line, col + 2), (line, col + 4), "m")     # "£5bn" -> "£5m"
            assert await s.wait_diagnostics(uri, 4) == []
            # A save lints again at once (no debounce) and stays clean.
            s.save(uri)
            assert await s.next_diagnostics(uri) == []
            s.close(uri)
            assert await s.next_diagnostics(uri) == []
        assert s.exit_code == 0
        assert not [m for m in s.logs if m.type == T.MessageType.Error]

    run(go())


@pytest.mark.parametrize("offered, chosen", [(["utf-8", "utf-16"], "utf-8"), (["utf-32"], "utf-32"),
                                             (["utf-7"], "utf-16")])
def test_position_encoding_negotiation(tmp_path, offered, chosen):
    story = tmp_path / "acme.md"
    uri = story.as_uri()

    async def go():
        async with Session(root=tmp_path, position_encodings=offered) as s:
            assert s.result.capabilities.position_encoding == chosen
            s.open(uri, ARTICLE)
            (d,) = await s.wait_diagnostics(uri, 1)
            (related,) = d.related_information
            line, col = pos_of(ARTICLE, "£5m", chosen)
            width = {"utf-8": 4, "utf-16": 3, "utf-32": 3}[chosen]
            assert rng(related.location.range) == (line, col, line, col + width)
            # Edits arrive in the same units: replace "£5m" by "£5bn" on the emoji line, and the slip goes.
            s.change(uri, 2, (line, col), (line, col + width), "£5bn")
            assert await s.wait_diagnostics(uri, 2) == []
            hover = await s.hover(uri, line, col + 1)
            assert "5,000,000,000" in hover.contents.value

    run(go())


def test_quick_fixes_carry_the_right_figure(tmp_path):
    text = ("# Race day\n\nThe runners 🏃 covered 42 km (15 miles) on the day.\n\n"
            "Turnout rose 3% from 40% to 43%, the council said.\n")
    story = tmp_path / "race.md"
    uri = story.as_uri()

    async def go():
        async with Session(root=tmp_path) as s:
            s.open(uri, text)
            diags = await s.wait_diagnostics(uri, 1)
            by_code = {d.code: d for d in diags}
            assert set(by_code) == {"NL203", "NL303"}
            actions = await s.code_actions(uri, by_code["NL203"].range, [by_code["NL203"]])
            assert [a.title for a in actions] == ["Change to 26.1 miles", "Silence NL203 on this line"]
            assert actions[0].is_preferred
            fixed = apply_edits(text, actions[0].edit.changes[uri])
            assert "42 km (26.1 miles)" in fixed
            actions = await s.code_actions(uri, by_code["NL303"].range, [by_code["NL303"]])
            assert [a.title for a in actions][:2] == ["Change to 3 percentage points",
                                                       "Change to 8% (the change as a percentage)"]
            fixed = apply_edits(fixed, actions[0].edit.changes[uri])
            assert "Turnout rose 3 percentage points from 40% to 43%" in fixed
            s.replace_all(uri, 2, fixed)
            assert await s.wait_diagnostics(uri, 2) == []

    run(go())


def test_configuration_files_settings_and_a_broken_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.numlint]\nignore = ["NL201"]\n', encoding="utf-8")
    desk = tmp_path / "desk"
    desk.mkdir()
    story = desk / "acme.md"
    uri = story.as_uri()
    local = desk / ".numlint.toml"

    async def go():
        async with Session(root=tmp_path, watched_files=True) as s:
            s.open(uri, ARTICLE)
            assert await s.wait_diagnostics(uri, 1) == []          # the pyproject's ignore
            # The server asked to be told about config files.
            watchers = [r for r in s.registrations if r.method == T.WORKSPACE_DID_CHANGE_WATCHED_FILES]
            assert watchers
            # A broken config nearer the story: one diagnostic on that file; the story gets the defaults.
            local.write_text('select = ["NL2"\n', encoding="utf-8")
            s.files_changed(local.as_uri())
            diags = await s.wait_diagnostics(local.as_uri())
            assert len(diags) == 1 and diags[0].range.start.line == 0 and "invalid TOML" in diags[0].message
            assert [d.code for d in s.diagnostics[uri]] == ["NL201"]
            # Fixed (and noticed without a watcher event: the server polls): the diagnostic goes.
            local.write_text('select = ["NL1"]\n', encoding="utf-8")
            deadline = time.monotonic() + 20
            while s.diagnostics.get(local.as_uri()) and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
            assert s.diagnostics[local.as_uri()] == []
            assert s.diagnostics[uri] == []                        # select NL1: no scale rules
            # The editor's settings lay over the files as the CLI's flags do.
            s.configure({"numlint": {"select": ["NL2"]}})
            await asyncio.sleep(0.1)
            assert [d.code for d in await s.wait_diagnostics(uri)] in (["NL201"], [])
            deadline = time.monotonic() + 20
            while [d.code for d in s.diagnostics[uri]] != ["NL201"] and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            assert [d.code for d in s.diagnostics[uri]] == ["NL201"]
            s.configure({"numlint": {"select": ["NL2"], "ignore": ["NL999"]}})
            deadline = time.monotonic() + 20
            while not s.messages and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            assert any("NL999" in m.message for m in s.messages)   # a bad setting is a message, not a crash
        assert s.exit_code == 0

    run(go())


def test_initialization_options_and_fail_on(tmp_path):
    korea = (ROOT / "fixtures" / "korea-troops.txt").read_text(encoding="utf-8")
    a, b = (tmp_path / "acme.md").as_uri(), (tmp_path / "korea.txt").as_uri()

    async def go():
        async with Session(root=tmp_path) as s:
            s.open(b, korea, "plaintext")
            got = {d.code: d.severity for d in await s.wait_diagnostics(b, 1)}
            assert got == {"NL102": T.DiagnosticSeverity.Information, "NL301": T.DiagnosticSeverity.Warning}
        async with Session(root=tmp_path, initialization_options={"ignore": ["NL2"], "fail-on": "error"}) as s:
            s.open(a, ARTICLE)
            assert await s.wait_diagnostics(a, 1) == []
            # Below fail-on: shown as hints (they would not fail ``numlint check --fail-on error``).
            s.open(b, korea, "plaintext")
            got = {d.code: d.severity for d in await s.wait_diagnostics(b, 1)}
            assert got == {"NL102": T.DiagnosticSeverity.Hint, "NL301": T.DiagnosticSeverity.Hint}

    run(go())


def test_a_bug_on_one_document_costs_only_its_diagnostics(tmp_path):
    """A fault injected into numlint's lint (for documents that say BOOM) is logged through
    window/logMessage; the other document is still checked and the server keeps serving."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import numlint.linter as _l\n"
        "_real = _l.lint\n"
        "def lint(doc, config=None):\n"
        "    if 'BOOM' in doc.text:\n"
        "        raise RuntimeError('injected fault')\n"
        "    return _real(doc, config)\n"
        "_l.lint = lint\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(hook), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    bad, good = (tmp_path / "bad.md").as_uri(), (tmp_path / "good.md").as_uri()

    async def go():
        async with Session(root=tmp_path, env=env) as s:
            s.open(bad, ARTICLE + "\nBOOM\n")
            s.open(good, ARTICLE)
            assert await s.wait_diagnostics(bad, 1) == []
            assert [d.code for d in await s.wait_diagnostics(good, 1)] == ["NL201"]
            errors = [m for m in s.logs if m.type == T.MessageType.Error]
            assert errors and "injected fault" in errors[0].message and "bad.md" in errors[0].message
            assert await s.hover(bad, 2, 30) is None
            assert await s.code_actions(bad, T.Range(start=T.Position(line=0, character=0),
                                                     end=T.Position(line=9, character=0))) == []
            # Fixing the document brings its diagnostics back.
            s.replace_all(bad, 2, ARTICLE)
            assert [d.code for d in await s.wait_diagnostics(bad, 2)] == ["NL201"]
        assert s.exit_code == 0

    run(go())


def test_exit_without_shutdown_is_status_1_and_requests_after_shutdown_fail(tmp_path):
    async def go():
        s = Session(root=tmp_path)
        await s.__aenter__()
        await s.client.shutdown_async(None)
        with pytest.raises(JsonRpcException):
            await asyncio.wait_for(s.hover(tmp_path.joinpath("a.md").as_uri(), 0, 0), 10)
        s.client.exit(None)
        assert await asyncio.wait_for(s.client._server.wait(), 20) == 0
        await s.__aexit__(None, None, None)

        s = Session(root=tmp_path)
        await s.__aenter__()
        s.client.exit(None)
        assert await asyncio.wait_for(s.client._server.wait(), 20) == 1
        await s.__aexit__(None, None, None)

    run(go())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_tcp(tmp_path):
    from pygls.lsp.client import LanguageClient

    port = _free_port()
    proc = subprocess.Popen([*server_command(), "--tcp", f"127.0.0.1:{port}"], stderr=subprocess.PIPE)
    uri = (tmp_path / "acme.md").as_uri()

    async def go():
        client = LanguageClient("tcp-test", "1")
        published = asyncio.Event()
        got = {}

        @client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params):
            got[params.uri] = params.diagnostics
            published.set()

        for _ in range(100):
            try:
                await client.start_tcp("127.0.0.1", port)
                break
            except OSError:
                await asyncio.sleep(0.1)
        await asyncio.wait_for(client.initialize_async(T.InitializeParams(capabilities=T.ClientCapabilities())), 60)
        client.initialized(T.InitializedParams())
        client.text_document_did_open(T.DidOpenTextDocumentParams(
            text_document=T.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=ARTICLE)))
        await asyncio.wait_for(published.wait(), 60)
        assert [d.code for d in got[uri]] == ["NL201"]
        await asyncio.wait_for(client.shutdown_async(None), 20)
        client.exit(None)

    try:
        run(go())
        assert proc.wait(20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_help_and_bad_address():
    run_ = subprocess.run([*server_command(), "--help"], capture_output=True, text=True)
    assert run_.returncode == 0 and "--tcp HOST:PORT" in run_.stdout
    run_ = subprocess.run([*server_command(), "--tcp", "nowhere"], capture_output=True, text=True)
    assert run_.returncode == 2 and "HOST:PORT" in run_.stderr


def test_editor_snippets_start_what_the_tests_start():
    """Every snippet in docs/editors.md (and the README's Editors section) runs SERVER_COMMAND."""
    doc = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    blocks = dict(re.findall(r"<!-- editor:(\w[\w-]*) -->\s*```\w*\n(.*?)```", doc, flags=re.S))
    assert set(blocks) >= {"vscode", "neovim", "helix", "zed"}
    command, args = SERVER_COMMAND[0], list(SERVER_COMMAND[1:])
    vscode = json.loads(blocks["vscode"])
    server = vscode["glspc.server.command"], vscode["glspc.server.commandArguments"]
    assert server == (command, args)
    assert f'cmd = {{ "{command}", "{args[0]}" }}' in blocks["neovim"]
    assert f'command = "{command}"' in blocks["helix"] and f'args = ["{args[0]}"]' in blocks["helix"]
    zed = json.loads(blocks["zed"])
    binary = zed["lsp"]["numlint"]["binary"]
    assert (binary["path"], binary["arguments"]) == (command, args)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Editors" in readme and "docs/editors.md" in readme
    assert " ".join(SERVER_COMMAND) in readme
