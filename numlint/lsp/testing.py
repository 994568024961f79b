"""A small LSP client session for the tests and ``bench/lsp_latency.py``: starts ``numlint lsp`` as an
editor does, over stdio, with pygls's own client, and collects what the server publishes.

Not used by the server. Needs the ``lsp`` (or ``test``) extra.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from pathlib import Path
from typing import Any

try:
    from lsprotocol import types as T
    from pygls.lsp.client import LanguageClient
except ImportError:  # pragma: no cover - importable without the lsp extra, not usable
    T = LanguageClient = None

# What every editor snippet in docs/editors.md starts (tests/test_lsp_client.py checks they agree).
SERVER_COMMAND = ("numlint", "lsp")


def server_command() -> list[str]:
    """SERVER_COMMAND, with ``numlint`` resolved to the one installed beside this Python (a test run
    inside a virtual environment must start that environment's numlint, not another on PATH)."""
    here = Path(sys.executable).parent
    for name in ("numlint", "numlint.exe"):
        if (here / name).is_file():
            return [str(here / name), *SERVER_COMMAND[1:]]
    found = shutil.which(SERVER_COMMAND[0])
    if found:
        return [found, *SERVER_COMMAND[1:]]
    return [sys.executable, "-c", "from numlint.cli import main; main()", *SERVER_COMMAND[1:]]


class Session:
    """``async with Session(...) as s``: a started, initialized server; shut down and exited on leaving."""

    def __init__(self, root: str | os.PathLike | None = None, initialization_options: Any = None,
                 position_encodings: list[str] | None = None, env: dict | None = None,
                 cwd: str | os.PathLike | None = None, watched_files: bool = False):
        self.root = Path(root) if root else None
        self.initialization_options = initialization_options
        self.position_encodings = position_encodings
        self.env = env
        self.cwd = cwd
        self.watched_files = watched_files
        self.client = LanguageClient("numlint-test-client", "1")
        self.diagnostics: dict[str, list[T.Diagnostic]] = {}
        self.versions: dict[str, int | None] = {}
        self.logs: list[T.LogMessageParams] = []
        self.messages: list[T.ShowMessageParams] = []
        self.registrations: list[T.Registration] = []
        self._events: dict[str, asyncio.Event] = {}
        self.exit_code: int | None = None
        self.result: T.InitializeResult | None = None

        @self.client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def _published(params: T.PublishDiagnosticsParams):
            self.diagnostics[params.uri] = list(params.diagnostics)
            self.versions[params.uri] = params.version
            self._event(params.uri).set()

        @self.client.feature(T.WINDOW_LOG_MESSAGE)
        def _log(params: T.LogMessageParams):
            self.logs.append(params)

        @self.client.feature(T.WINDOW_SHOW_MESSAGE)
        def _show(params: T.ShowMessageParams):
            self.messages.append(params)

        @self.client.feature(T.CLIENT_REGISTER_CAPABILITY)
        def _register(params: T.RegistrationParams):
            self.registrations.extend(params.registrations)

    def _event(self, uri: str) -> asyncio.Event:
        if uri not in self._events:
            self._events[uri] = asyncio.Event()
        return self._events[uri]

    @property
    def pid(self) -> int:
        return self.client._server.pid  # the server process pygls started

    async def __aenter__(self) -> Session:
        env = dict(os.environ if self.env is None else self.env)
        await self.client.start_io(*server_command(), env=env, cwd=str(self.cwd) if self.cwd else None)
        general = T.GeneralClientCapabilities(position_encodings=self.position_encodings) \
            if self.position_encodings else None
        caps = T.ClientCapabilities(
            general=general,
            workspace=T.WorkspaceClientCapabilities(
                configuration=True,
                did_change_watched_files=T.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
                if self.watched_files else None),
            text_document=T.TextDocumentClientCapabilities(
                publish_diagnostics=T.PublishDiagnosticsClientCapabilities(related_information=True,
                                                                           version_support=True),
                hover=T.HoverClientCapabilities(content_format=[T.MarkupKind.Markdown, T.MarkupKind.PlainText]),
                code_action=T.CodeActionClientCapabilities(
                    code_action_literal_support=T.ClientCodeActionLiteralOptions(
                        code_action_kind=T.ClientCodeActionKindOptions(value_set=[T.CodeActionKind.QuickFix])),
                    is_preferred_support=True),
            ),
        )
        root_uri = self.root.resolve().as_uri() if self.root else None
        self.result = await asyncio.wait_for(self.client.initialize_async(T.InitializeParams(
            capabilities=caps, process_id=os.getpid(), root_uri=root_uri,
            workspace_folders=[T.WorkspaceFolder(uri=root_uri, name="ws")] if root_uri else None,
            initialization_options=self.initialization_options)), 60)
        self.client.initialized(T.InitializedParams())
        return self

    async def __aexit__(self, *exc) -> None:
        if self.client._server is not None and self.client._server.returncode is None:
            try:
                await asyncio.wait_for(self.client.shutdown_async(None), 20)
                self.client.exit(None)
            except Exception:
                pass
            try:
                self.exit_code = await asyncio.wait_for(self.client._server.wait(), 20)
            except asyncio.TimeoutError:  # pragma: no cover - a hung server fails the test, not the run
                self.client._server.kill()
                self.exit_code = await self.client._server.wait()
        else:
            self.exit_code = self.client._server.returncode if self.client._server else None
        try:
            await asyncio.wait_for(self.client.stop(), 10)
        except Exception:
            pass

    # -- documents ---------------------------------------------------------------------------
    def open(self, uri: str, text: str, language_id: str = "markdown", version: int = 1) -> None:
        self._event(uri).clear()
        self.client.text_document_did_open(T.DidOpenTextDocumentParams(
            text_document=T.TextDocumentItem(uri=uri, language_id=language_id, version=version, text=text)))

    def change(self, uri: str, version: int, start: tuple[int, int], end: tuple[int, int], text: str) -> None:
        self._event(uri).clear()
        self.client.text_document_did_change(T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[T.TextDocumentContentChangePartial(
                range=T.Range(start=T.Position(line=start[0], character=start[1]),
                              end=T.Position(line=end[0], character=end[1])), text=text)]))

    def replace_all(self, uri: str, version: int, text: str) -> None:
        self._event(uri).clear()
        self.client.text_document_did_change(T.DidChangeTextDocumentParams(
            text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[T.TextDocumentContentChangeWholeDocument(text=text)]))

    def save(self, uri: str) -> None:
        self._event(uri).clear()
        self.client.text_document_did_save(T.DidSaveTextDocumentParams(text_document=T.TextDocumentIdentifier(uri=uri)))

    def close(self, uri: str) -> None:
        self._event(uri).clear()
        self.client.text_document_did_close(T.DidCloseTextDocumentParams(text_document=T.TextDocumentIdentifier(uri=uri)))

    async def wait_diagnostics(self, uri: str, version: int | None = None, timeout: float = 30) -> list[T.Diagnostic]:
        """The diagnostics published for ``uri`` (for ``version``, when given), waiting for them."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if uri in self.diagnostics and (version is None or self.versions.get(uri) == version):
                return self.diagnostics[uri]
            left = deadline - loop.time()
            if left <= 0:
                raise TimeoutError(f"no diagnostics for {uri} (version {version}); have {self.versions.get(uri)}")
            event = self._event(uri)
            event.clear()
            try:
                await asyncio.wait_for(event.wait(), min(left, 0.5))
            except asyncio.TimeoutError:
                pass

    async def next_diagnostics(self, uri: str, timeout: float = 30) -> list[T.Diagnostic]:
        """The next diagnostics published for ``uri`` after this call."""
        event = self._event(uri)
        event.clear()
        await asyncio.wait_for(event.wait(), timeout)
        return self.diagnostics[uri]

    async def hover(self, uri: str, line: int, character: int) -> T.Hover | None:
        return await asyncio.wait_for(self.client.text_document_hover_async(T.HoverParams(
            text_document=T.TextDocumentIdentifier(uri=uri), position=T.Position(line=line, character=character))), 30)

    async def code_actions(self, uri: str, rng: T.Range, diagnostics: list[T.Diagnostic] | None = None,
                           only: list[str] | None = None) -> list[T.CodeAction]:
        result = await asyncio.wait_for(self.client.text_document_code_action_async(T.CodeActionParams(
            text_document=T.TextDocumentIdentifier(uri=uri), range=rng,
            context=T.CodeActionContext(diagnostics=diagnostics or [], only=only))), 30)
        return list(result or [])

    def configure(self, settings: Any) -> None:
        self.client.workspace_did_change_configuration(T.DidChangeConfigurationParams(settings=settings))

    def files_changed(self, *uris: str) -> None:
        self.client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(
            changes=[T.FileEvent(uri=u, type=T.FileChangeType.Changed) for u in uris]))


def apply_edits(text: str, edits: list[T.TextEdit], encoding: str = "utf-16") -> str:
    """The text after a code action's edits (applied from the last to the first)."""
    from numlint.lsp.positions import LineIndex

    index = LineIndex(text)
    spans = []
    for e in edits:
        lo = index.offset(e.range.start.line, e.range.start.character, encoding)
        hi = index.offset(e.range.end.line, e.range.end.character, encoding)
        spans.append((lo, hi, e.new_text))
    for lo, hi, new in sorted(spans, reverse=True):
        text = text[:lo] + new + text[hi:]
    return text
