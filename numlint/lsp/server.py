"""The numlint language server, on pygls 2 and lsprotocol.

Documents are kept here, not in pygls's workspace copy alone: changes are applied with
``numlint.lsp.positions`` so that lines break where the LSP says they do and every column is counted
in the negotiated position encoding. Linting runs in one worker thread (numlint's functions are pure),
debounced after typing; the event loop keeps answering hovers and code actions meanwhile. A result is
published only for the version it was computed from.
"""

from __future__ import annotations

import asyncio
import logging
import os
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

try:
    from lsprotocol import types as T
    from pygls.lsp.server import LanguageServer
    from pygls.protocol import LanguageServerProtocol
    from pygls.uris import from_fs_path, to_fs_path
except ImportError:  # pragma: no cover - without the lsp extra the module imports (numlint's tests walk
    T = None         # every module) but cannot run; numlint.lsp.main says what to install
    LanguageServer = LanguageServerProtocol = object

from numlint import __version__
from numlint.lsp import engine as E
from numlint.lsp.positions import UTF16, LineIndex, apply_change

logger = logging.getLogger("numlint.lsp")

SEVERITY = {"error": T.DiagnosticSeverity.Error, "warning": T.DiagnosticSeverity.Warning,
            "info": T.DiagnosticSeverity.Information} if T is not None else {}
RANK = {"info": 0, "warning": 1, "error": 2}
CONFIG_POLL_SECONDS = 2.0


@dataclass
class OpenDocument:
    uri: str
    text: str
    version: int | None
    language_id: str
    path: str | None
    outcome: E.Outcome | None = None        # the last lint, of ``outcome_version``
    outcome_version: int | None = None
    index: LineIndex | None = None          # for ``outcome.text``
    timer: asyncio.TimerHandle | None = None
    stamp: Any = None                        # config files this document's lint depended on
    failed: bool = False
    told_skipped: bool = False


class _Protocol(LanguageServerProtocol):
    """pygls's protocol, answering requests after ``shutdown`` with InvalidRequest, as the
    specification asks (pygls drops them silently, which leaves a client waiting)."""

    def handle_message(self, message):
        method = getattr(message, "method", None)
        msg_id = getattr(message, "id", None)
        if self._shutdown and method and method != T.EXIT and msg_id is not None:
            self._send_response(msg_id, error=T.ResponseError(code=-32600, message="the server is shutting down"))
            return
        return super().handle_message(message)


class NumlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("numlint", __version__, text_document_sync_kind=T.TextDocumentSyncKind.Incremental,
                         protocol_cls=_Protocol)
        self.engine = E.Engine()
        self.docs: dict[str, OpenDocument] = {}
        self.lint_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="numlint-lint")
        self.config_diagnostics: dict[str, list[T.Diagnostic]] = {}   # config file uri -> what is wrong
        self.encoding = UTF16
        self.poll_task: asyncio.Task | None = None
        self.stopping = False

    # -- messages to the client -------------------------------------------------------------
    def log(self, message: str, kind=None) -> None:
        kind = kind or T.MessageType.Info
        try:
            self.window_log_message(T.LogMessageParams(type=kind, message=message))
        except Exception:  # pragma: no cover - a closed pipe
            logger.warning("%s", message)

    def show(self, message: str, kind=None) -> None:
        kind = kind or T.MessageType.Warning
        try:
            self.window_show_message(T.ShowMessageParams(type=kind, message=f"numlint: {message}"))
        except Exception:  # pragma: no cover
            logger.warning("%s", message)

    def apply_settings(self, raw: Any, where: str) -> None:
        settings, problems = E.parse_settings(raw, self.engine.known_rules())
        for problem in problems:
            self.show(f"{where}: {problem}")
        self.engine.set_settings(settings)

    # -- linting ----------------------------------------------------------------------------
    def schedule(self, doc: OpenDocument, delay: float | None = None) -> None:
        if doc.timer is not None:
            doc.timer.cancel()
        if delay is None:
            delay = self.engine.settings.debounce_ms / 1000
        loop = asyncio.get_running_loop()
        doc.timer = loop.call_later(delay, lambda: asyncio.ensure_future(self.lint(doc.uri)))

    def lint_now(self, doc: OpenDocument) -> None:
        self.schedule(doc, 0)

    async def lint(self, uri: str) -> OpenDocument | None:
        """Lint the current version of a document and publish it, unless a newer edit came meanwhile."""
        doc = self.docs.get(uri)
        if doc is None or self.stopping:
            return None
        if doc.timer is not None:   # a hover or code action got here first: no second lint
            doc.timer.cancel()
            doc.timer = None
        text, version = doc.text, doc.version
        loop = asyncio.get_running_loop()

        def work():
            # Queued behind another lint and edited meanwhile: skip it (the newer edit has its own).
            if doc.version != version or self.docs.get(uri) is not doc or self.stopping:
                return None
            return self.engine.lint(text, doc.path, doc.language_id)

        try:
            outcome = await loop.run_in_executor(self.lint_pool, work)
        except Exception as exc:
            if os.environ.get("NUMLINT_DEBUG"):
                raise
            if self.docs.get(uri) is doc and doc.version == version:
                # A bug on one document costs its diagnostics only.
                doc.outcome, doc.outcome_version, doc.index, doc.failed = None, version, None, True
                self.publish(uri, [], version)
                detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
                self.log(f"numlint: internal error on {uri} (a bug in numlint; please report it with this "
                         f"document): {detail}\n{traceback.format_exc(limit=8)}", T.MessageType.Error)
            return None
        if outcome is None or self.docs.get(uri) is not doc or doc.version != version or self.stopping:
            return None   # edited (a newer lint is scheduled) or closed meanwhile
        doc.outcome, doc.outcome_version, doc.index, doc.failed = outcome, version, LineIndex(text), False
        if outcome.skipped and not doc.told_skipped:
            doc.told_skipped = True
            self.log(f"numlint: {uri}: not checked ({outcome.skipped})")
        self.publish(uri, [self.diagnostic(doc, f) for f in outcome.findings], version)
        self.publish_config_problems()
        return doc

    async def current(self, uri: str) -> OpenDocument | None:
        """The document with an outcome for its current text (linting it now if needed)."""
        doc = self.docs.get(uri)
        if doc is None:
            return None
        if doc.outcome is None or doc.outcome_version != doc.version or doc.outcome.text != doc.text:
            if doc.failed and doc.outcome_version == doc.version:
                return None
            await self.lint(uri)
        doc = self.docs.get(uri)
        if doc is None or doc.outcome is None or doc.outcome.text != doc.text:
            return None
        return doc

    def relint_all(self) -> None:
        for doc in list(self.docs.values()):
            self.lint_now(doc)

    def publish(self, uri: str, diagnostics: list[T.Diagnostic], version: int | None = None) -> None:
        self.text_document_publish_diagnostics(
            T.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    # -- findings -> LSP ----------------------------------------------------------------------
    def lsp_range(self, index: LineIndex, start: int, end: int) -> T.Range:
        sl, sc = index.position(start, self.encoding)
        el, ec = index.position(end, self.encoding)
        return T.Range(start=T.Position(line=sl, character=sc), end=T.Position(line=el, character=ec))

    def diagnostic(self, doc: OpenDocument, f) -> T.Diagnostic:
        severity = SEVERITY.get(f.severity, T.DiagnosticSeverity.Warning)
        fail_on = self.engine.settings.fail_on
        if fail_on and RANK.get(f.severity, 1) < RANK[fail_on]:
            severity = T.DiagnosticSeverity.Hint
        url = E.rule_url(f.code)
        return T.Diagnostic(
            range=self.lsp_range(doc.index, f.start, f.end),
            message=f.message,
            severity=severity,
            code=f.code,
            code_description=T.CodeDescription(href=url) if url else None,
            source="numlint",
            related_information=[
                T.DiagnosticRelatedInformation(
                    location=T.Location(uri=doc.uri, range=self.lsp_range(doc.index, r.start, r.end)),
                    message=r.message)
                for r in f.related
            ] or None,
            data={"rule": f.rule, "fingerprint": f.fingerprint},
        )

    def publish_config_problems(self) -> None:
        """One diagnostic per broken config file in use; cleared once the file is fixed."""
        wanted: dict[str, list[T.Diagnostic]] = {}
        for doc in self.docs.values():
            problem = doc.outcome.config_problem if doc.outcome else None
            if problem is None:
                continue
            if problem.path is None:
                key = "<no-file>"
            else:
                key = from_fs_path(problem.path) or problem.path
            line = problem.line if problem.line is not None else 0
            diag = T.Diagnostic(
                range=T.Range(start=T.Position(line=line, character=0), end=T.Position(line=line + 1, character=0)),
                message=f"{problem.message} (numlint uses its defaults until this is fixed)",
                severity=T.DiagnosticSeverity.Error, source="numlint", code="config")
            wanted[key] = [diag]
        for key, diags in wanted.items():
            if self.config_diagnostics.get(key) != diags:
                if key == "<no-file>":
                    self.show(diags[0].message, T.MessageType.Error)
                else:
                    self.publish(key, diags)
                    self.log(f"numlint: {to_fs_path(key) or key}: {diags[0].message}", T.MessageType.Error)
        for key in list(self.config_diagnostics):
            if key not in wanted and key != "<no-file>":
                self.publish(key, [])
        self.config_diagnostics = wanted

    async def poll_config(self) -> None:
        """Reload when a config file beside or above an open document appears, changes or goes away
        (for clients that do not send workspace/didChangeWatchedFiles)."""
        loop = asyncio.get_running_loop()
        while not self.stopping:
            await asyncio.sleep(CONFIG_POLL_SECONDS)
            dirs = {os.path.dirname(os.path.abspath(d.path)) if d.path else os.path.abspath(self.engine.root)
                    for d in self.docs.values()}
            if not dirs:
                continue
            try:
                changed = await loop.run_in_executor(self.lint_pool, self.engine.config_changed, dirs)
            except Exception:  # pragma: no cover - a vanished directory, say
                continue
            if changed and not self.stopping:
                self.log("numlint: a configuration file changed; checking again")
                self.relint_all()

    def stop(self) -> None:
        self.stopping = True
        for doc in self.docs.values():
            if doc.timer is not None:
                doc.timer.cancel()
        if self.poll_task is not None:
            self.poll_task.cancel()
        self.lint_pool.shutdown(wait=False, cancel_futures=True)


server = None  # set by make_server()


def make_server() -> NumlintServer:
    ls = NumlintServer()

    @ls.feature(T.INITIALIZE)
    def initialize(ls: NumlintServer, params: T.InitializeParams):
        ls.encoding = str(ls.workspace.position_encoding or UTF16)
        root = None
        if params.workspace_folders:
            root = to_fs_path(params.workspace_folders[0].uri)
        elif params.root_uri:
            root = to_fs_path(params.root_uri)
        elif params.root_path:
            root = params.root_path
        if root:
            ls.engine.root = root
        ls.apply_settings(params.initialization_options, "initializationOptions")

    @ls.feature(T.INITIALIZED)
    async def initialized(ls: NumlintServer, params: T.InitializedParams):
        loop = asyncio.get_running_loop()
        # Load the rules and the extractor once now, so the first document is not the slow one.
        loop.run_in_executor(ls.lint_pool, _warm_up, ls.engine)
        ls.poll_task = asyncio.ensure_future(ls.poll_config())
        caps = ls.client_capabilities
        watched = caps.workspace.did_change_watched_files if caps.workspace else None
        if watched is not None and watched.dynamic_registration:
            try:
                await ls.client_register_capability_async(T.RegistrationParams(registrations=[T.Registration(
                    id="numlint-config-files", method=T.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=T.DidChangeWatchedFilesRegistrationOptions(watchers=[
                        T.FileSystemWatcher(glob_pattern="**/.numlint.toml"),
                        T.FileSystemWatcher(glob_pattern="**/pyproject.toml"),
                    ]))]))
            except Exception as exc:  # the client said no: the poll still reloads
                logger.info("file watcher registration refused: %s", exc)

    @ls.feature(T.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NumlintServer, params: T.DidOpenTextDocumentParams):
        item = params.text_document
        doc = OpenDocument(item.uri, item.text, item.version, item.language_id, to_fs_path(item.uri))
        old = ls.docs.get(item.uri)
        if old is not None and old.timer is not None:
            old.timer.cancel()
        ls.docs[item.uri] = doc
        ls.lint_now(doc)

    @ls.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NumlintServer, params: T.DidChangeTextDocumentParams):
        doc = ls.docs.get(params.text_document.uri)
        if doc is None:
            return
        text = doc.text
        for change in params.content_changes:
            rng = getattr(change, "range", None)
            if rng is None:
                text = change.text
            else:
                text = apply_change(text, (rng.start.line, rng.start.character), (rng.end.line, rng.end.character),
                                    change.text, ls.encoding)
        doc.text, doc.version = text, params.text_document.version
        ls.schedule(doc)

    @ls.feature(T.TEXT_DOCUMENT_DID_SAVE, T.SaveOptions(include_text=False))
    def did_save(ls: NumlintServer, params: T.DidSaveTextDocumentParams):
        path = to_fs_path(params.text_document.uri)
        if path and os.path.basename(path) in E.CONFIG_NAMES:
            ls.engine.reload()
            ls.relint_all()
            return
        doc = ls.docs.get(params.text_document.uri)
        if doc is not None:
            ls.lint_now(doc)

    @ls.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NumlintServer, params: T.DidCloseTextDocumentParams):
        doc = ls.docs.pop(params.text_document.uri, None)
        if doc is not None and doc.timer is not None:
            doc.timer.cancel()
        ls.publish(params.text_document.uri, [])
        ls.publish_config_problems()

    @ls.feature(T.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(ls: NumlintServer, params: T.DidChangeConfigurationParams):
        settings = params.settings
        if not settings:
            caps = ls.client_capabilities
            if caps.workspace is not None and caps.workspace.configuration:
                try:
                    got = await ls.workspace_configuration_async(
                        T.ConfigurationParams(items=[T.ConfigurationItem(section="numlint")]))
                    settings = got[0] if got else None
                except Exception as exc:
                    logger.info("workspace/configuration failed: %s", exc)
        ls.apply_settings(settings, "settings")
        ls.relint_all()

    @ls.feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: NumlintServer, params: T.DidChangeWatchedFilesParams):
        ls.engine.reload()
        ls.relint_all()

    @ls.feature(T.TEXT_DOCUMENT_HOVER)
    async def hover(ls: NumlintServer, params: T.HoverParams):
        try:
            doc = await ls.current(params.text_document.uri)
            if doc is None:
                return None
            return _hover(ls, doc, params.position)
        except Exception as exc:
            ls.log(f"numlint: hover failed on {params.text_document.uri}: {exc!r}", T.MessageType.Error)
            return None

    @ls.feature(T.TEXT_DOCUMENT_CODE_ACTION, T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix]))
    async def code_action(ls: NumlintServer, params: T.CodeActionParams):
        only = params.context.only
        if only and not any(T.CodeActionKind.QuickFix.value.startswith(str(k.value if hasattr(k, "value") else k))
                            for k in only):
            return []
        try:
            doc = await ls.current(params.text_document.uri)
            if doc is None:
                return []
            return _code_actions(ls, doc, params)
        except Exception as exc:
            ls.log(f"numlint: code actions failed on {params.text_document.uri}: {exc!r}", T.MessageType.Error)
            return []

    @ls.feature(T.SHUTDOWN)
    def shutdown(ls: NumlintServer, *args):
        ls.stop()

    return ls


def _warm_up(engine: E.Engine) -> None:
    try:
        import numlint

        numlint.check_text("Profit rose 5% to £5m.", "warm-up.txt")
    except Exception:  # pragma: no cover - the real lint reports it
        pass


def _hover(ls: NumlintServer, doc: OpenDocument, position: T.Position):
    outcome, index = doc.outcome, doc.index
    offset = index.offset(position.line, position.character, ls.encoding)
    parts: list[str] = []
    span = None
    q = E.quantity_at(outcome.quantities, offset)
    if q is not None:
        parts.append(E.describe_quantity(q, outcome.quantities, lambda o: index.position(o, "utf-32")[0] + 1))
        span = (q.start, q.end)
    shown = set()
    for f in outcome.findings:
        if f.start <= offset <= f.end and f.code not in shown:
            shown.add(f.code)
            doc_text = E.explain(f.code)
            if doc_text:
                parts.append(f"**{f.code}**: {f.message}\n\n{doc_text}")
            span = span or (f.start, f.end)
    code = E.code_at(outcome.text, offset)
    if code and code not in shown:
        doc_text = E.explain(code)
        if doc_text:
            parts.append(doc_text)
    if not parts:
        return None
    return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                   range=ls.lsp_range(index, *span) if span else None)


def _code_actions(ls: NumlintServer, doc: OpenDocument, params: T.CodeActionParams) -> list[T.CodeAction]:
    outcome, index = doc.outcome, doc.index
    lo = index.offset(params.range.start.line, params.range.start.character, ls.encoding)
    hi = index.offset(params.range.end.line, params.range.end.character, ls.encoding)
    sent = {(d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character): d
            for d in params.context.diagnostics if d.source == "numlint"}
    actions: list[T.CodeAction] = []
    fixes_first: list[T.CodeAction] = []
    for f in outcome.findings:
        if not (f.start <= hi and f.end >= lo):
            continue
        diag = ls.diagnostic(doc, f)
        r = diag.range
        diag = sent.get((f.code, r.start.line, r.start.character, r.end.line, r.end.character), diag)
        for fix in E.fixes(f, outcome.text):
            fixes_first.append(T.CodeAction(
                title=fix.title, kind=T.CodeActionKind.QuickFix, diagnostics=[diag], is_preferred=fix.preferred,
                edit=T.WorkspaceEdit(changes={doc.uri: [T.TextEdit(range=ls.lsp_range(index, f.start, f.end),
                                                                    new_text=fix.new_text)]})))
        ins = E.silence_line(outcome.text, f.start, f.code, outcome.format)
        at = ls.lsp_range(index, ins.offset, ins.offset)
        actions.append(T.CodeAction(
            title=ins.title, kind=T.CodeActionKind.QuickFix, diagnostics=[diag],
            edit=T.WorkspaceEdit(changes={doc.uri: [T.TextEdit(range=at, new_text=ins.new_text)]})))
    return fixes_first + actions
