"""``chronolint lsp``: a Language Server (pygls 2, stdio) for editors.

Diagnostics on open and save, and on change after a pause (:data:`DEBOUNCE`); each carries the
rule id as its ``code``, a link to the rule's page and the conflicting statements as related
information. Code actions: the finding's fix, and "suppress on this line / in this file".
Hover on a time expression shows what it resolved to and how. A buffer is checked as
``chronolint check`` checks the file at its path: its format from the language or the
extension, its configuration the nearest one above it (the workspace folder's for unsaved
buffers). The model loads once, in the background, as soon as the client has connected; checks
run one at a time on one worker thread so the editor's messages are never held up.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from checker import __version__
from checker.app import suppress
from checker.app.config import CONFIG_NAME, PYPROJECT, Resolver
from checker.app.session import check_document
from checker.model import Analysis, Document, Finding, Span, Timex
from checker.report.positions import CodeUnits
from checker.resources import rule_docs_dir
from checker.source import InputError, format_for_path, read_text
from checker.source.frontmatter import FrontMatterError, split_front_matter

DEBOUNCE = 0.3  # seconds of quiet after a change before the buffer is checked again
LANGUAGES = {"markdown": "markdown", "plaintext": "text", "restructuredtext": "rst", "html": "html"}
SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
            "info": lsp.DiagnosticSeverity.Information}  # fmt: skip
ANCHORS = {
    "explicit": "every part is written in the text",
    "dct": "completed from the publication date",
    "narrative": "completed from the last date the text gave",
    "tense": "completed from the publication date and the verb's tense",
    "none": "not resolved to a day",
}
SOURCE = "chronolint"


@dataclass(frozen=True)
class Checked:
    """One buffer as last checked: its text, document, findings and analysis (None when unreadable)."""

    text: str
    document: Document | None
    findings: tuple[Finding, ...] = ()
    analysis: Analysis | None = None
    problem: str | None = None  # an input error: shown as one diagnostic


# ---------------------------------------------------------------- checking a buffer (no LSP types)


def buffer_format(path: str, language_id: str | None) -> str:
    """The format of a buffer: its language, else its extension (untitled: Markdown)."""
    if language_id in LANGUAGES:
        return LANGUAGES[language_id]
    return format_for_path(path) if os.path.splitext(path)[1] else "markdown"


def check_buffer(path: str, text: str, fmt: str, resolver: Resolver) -> Checked:
    """A buffer checked as ``chronolint check`` checks the file at ``path``."""
    config = resolver.for_path(path)
    try:
        document = read_text(text, path=path, fmt=fmt, published_keys=config.published_keys,
                             date_order=config.date_order or "us")  # fmt: skip
    except InputError as error:
        return Checked(text, None, problem=str(error))
    found, analysis = check_document(document, config)
    return Checked(text, document, tuple(found), analysis)


def rule_link(rule: str) -> str | None:
    """A link to the rule's page (the installed Markdown file)."""
    page = rule_docs_dir()
    for part in f"{rule}.md".split("/"):
        page = page.joinpath(part)
    return from_fs_path(str(page)) if isinstance(page, os.PathLike) and page.is_file() else None


def hover_text(timex: Timex) -> str:
    """What a time expression resolved to, and how."""
    days = ""
    if timex.earliest is not None and timex.latest is not None:
        days = f" ({timex.earliest})" if timex.earliest == timex.latest else f" ({timex.earliest} to {timex.latest})"
    lines = [f"**{timex.text}** = `{timex.value}`{days}", f"{timex.type.lower()}, {timex.granularity}"
             f"{', ' + timex.mod.lower() if timex.mod else ''}: {ANCHORS.get(timex.anchor, timex.anchor)}"]  # fmt: skip
    if not timex.valid:
        lines.append("this date does not exist")
    return "\n\n".join(lines)


# ---------------------------------------------------------------- LSP types


class Positions:
    """Code-point offsets of one buffer <-> LSP positions in the negotiated encoding."""

    def __init__(self, text: str, encoding: str) -> None:
        self.units = CodeUnits(text, encoding)

    def range(self, start: int, end: int) -> lsp.Range:
        return lsp.Range(self.position(start), self.position(end))

    def position(self, offset: int) -> lsp.Position:
        line, character = self.units.position(offset)
        return lsp.Position(line, character)

    def offset(self, position: lsp.Position) -> int:
        return self.units.offset(position.line, position.character)


def diagnostic(finding: Finding, uri: str, positions: Positions) -> lsp.Diagnostic:
    span = finding.span
    link = rule_link(finding.rule)
    related = [
        lsp.DiagnosticRelatedInformation(lsp.Location(uri, positions.range(r.span.start, r.span.end)), r.message)
        for r in finding.related
        if r.span.path == span.path
    ]
    return lsp.Diagnostic(
        range=positions.range(span.start, span.end), message=finding.message, severity=SEVERITY[finding.severity],
        code=finding.rule, code_description=lsp.CodeDescription(href=link) if link else None, source=SOURCE,
        related_information=related or None,
    )  # fmt: skip


def diagnostics(checked: Checked, uri: str, positions: Positions) -> list[lsp.Diagnostic]:
    """The findings, reading warnings and an input error of a buffer, as LSP diagnostics."""
    top = lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0))
    if checked.problem is not None:
        return [lsp.Diagnostic(top, checked.problem, lsp.DiagnosticSeverity.Error, source=SOURCE)]
    notes = [lsp.Diagnostic(top, w, lsp.DiagnosticSeverity.Warning, source=SOURCE)
             for w in (checked.document.warnings if checked.document else ())]  # fmt: skip
    return notes + [diagnostic(f, uri, positions) for f in checked.findings]


def _edit(uri: str, positions: Positions, start: int, end: int, text: str) -> lsp.WorkspaceEdit:
    return lsp.WorkspaceEdit(changes={uri: [lsp.TextEdit(positions.range(start, end), text)]})


def _front_matter_end(source: str) -> int:
    try:
        front = split_front_matter(source)
    except FrontMatterError:
        return 0
    return front.end if front else 0


def code_actions(checked: Checked, uri: str, positions: Positions, wanted: lsp.Range) -> list[lsp.CodeAction]:
    """Quick fixes for the findings that touch ``wanted``: the fix, then the two suppressions."""
    document = checked.document
    if document is None:
        return []
    lo, hi = positions.offset(wanted.start), positions.offset(wanted.end)
    actions = []
    for finding in checked.findings:
        span = finding.span
        if span.end < lo or span.start > hi:
            continue
        diag = [diagnostic(finding, uri, positions)]
        if finding.fix is not None:
            fix = finding.fix
            edit = _edit(uri, positions, fix.span.start, fix.span.end, fix.replacement)
            title = f"Replace with {fix.replacement!r}" if fix.replacement else "Remove the directive"
            actions.append(lsp.CodeAction(title, lsp.CodeActionKind.QuickFix, diag, is_preferred=fix.certain,
                                          edit=edit))  # fmt: skip
        if finding.rule == suppress.UNUSED_RULE:
            continue
        for scope, (at, text) in (
            ("on this line", suppress.line_suppression(document, finding)),
            ("in this file", suppress.file_suppression(document, finding, _front_matter_end(document.source))),
        ):
            actions.append(lsp.CodeAction(f"Suppress {finding.rule} {scope}", lsp.CodeActionKind.QuickFix, diag,
                                          edit=_edit(uri, positions, at, at, text)))  # fmt: skip
    return actions


def hover(checked: Checked, positions: Positions, at: lsp.Position) -> lsp.Hover | None:
    analysis = checked.analysis
    if analysis is None:
        return None
    offset = positions.offset(at)
    for timex in analysis.timexes:
        span: Span = analysis.document.source_span(timex.start, timex.end)
        if span.start <= offset < span.end:
            contents = lsp.MarkupContent(lsp.MarkupKind.Markdown, hover_text(timex))
            return lsp.Hover(contents, positions.range(span.start, span.end))
    return None


# ---------------------------------------------------------------- the server


class ChronolintServer(LanguageServer):
    """The state of one editor session: the last check of each open buffer."""

    def __init__(self) -> None:
        super().__init__("chronolint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task] = {}
        self.resolver = Resolver()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chronolint-check")

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or "utf-16")

    def path_of(self, uri: str) -> str:
        """The file a buffer stands for; an unsaved one sits in the first workspace folder."""
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path:
            return path
        folders = list(self.workspace.folders.values())
        root = to_fs_path(folders[0].uri) if folders else self.workspace.root_path
        return os.path.join(root or os.getcwd(), "untitled.md")

    def positions(self, uri: str) -> Positions:
        return Positions(self.checked[uri].text, self.encoding)

    async def check(self, uri: str, delay: float = 0.0) -> None:
        """Check a buffer (after ``delay`` seconds of quiet) and publish its diagnostics."""
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        path = self.path_of(uri)
        fmt = buffer_format(path, document.language_id)
        loop = asyncio.get_running_loop()
        checked = await loop.run_in_executor(self.worker, check_buffer, path, text, fmt, self.resolver)
        if self.workspace.get_text_document(uri).source != text:
            return  # edited meanwhile: the next check publishes
        self.checked[uri] = checked
        found = diagnostics(checked, uri, Positions(text, self.encoding))
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, found, version))

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Check a buffer soon, replacing a check that has not started."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.pending[uri] = asyncio.ensure_future(self.check(uri, delay))

    def warm(self) -> None:
        """Load the model and the packs now, not on the first keystroke."""
        from checker import engine, nlp

        nlp.load()
        engine.knowledge()


server = ChronolintServer()


@server.feature(lsp.INITIALIZED)
def _initialized(ls: ChronolintServer, params: lsp.InitializedParams) -> None:
    ls.worker.submit(ls.warm)


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def _opened(ls: ChronolintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def _changed(ls: ChronolintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def _saved(ls: ChronolintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if os.path.basename(ls.path_of(uri)) in (CONFIG_NAME, PYPROJECT):
        ls.resolver = Resolver()  # a configuration changed: read it again, check every buffer again
        for other in list(ls.checked):
            ls.schedule(other)
    if uri in ls.checked or uri in ls.pending:
        ls.schedule(uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def _closed(ls: ChronolintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.checked.pop(uri, None)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, []))


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
def _code_actions(ls: ChronolintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
    uri = params.text_document.uri
    if uri not in ls.checked:
        return None
    return code_actions(ls.checked[uri], uri, ls.positions(uri), params.range) or None


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def _hover(ls: ChronolintServer, params: lsp.HoverParams) -> lsp.Hover | None:
    uri = params.text_document.uri
    if uri not in ls.checked:
        return None
    return hover(ls.checked[uri], ls.positions(uri), params.position)


def serve_stdio() -> None:
    """Run the server on standard input and output until the client says exit."""
    server.start_io()
