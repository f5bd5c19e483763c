"""``chronolint lsp`` end to end: a real LSP client (pytest-lsp) drives the server in a subprocess."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

pytestmark = pytest.mark.asyncio(loop_scope="module")

WRONG = "The 😀 council met on Monday, March 4, 2025.\n"  # an emoji first: two UTF-16 units
CONFLICT = "The Acme bridge opened on May 3, 2019. Since the Acme bridge opened on May 5, 2019, traffic doubled.\n"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("workspace")
    (root / "quiet").mkdir()
    (root / "quiet" / ".chronolint.toml").write_text('ignore = ["calendar"]\n', encoding="utf-8")
    return root


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=[sys.executable, "-m", "checker", "lsp"]))
async def client(lsp_client: LanguageClient, workspace: Path):
    await lsp_client.initialize_session(
        lsp.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            workspace_folders=[lsp.WorkspaceFolder(from_fs_path(str(workspace)), "workspace")],
        )
    )
    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    uri = from_fs_path(str(path))
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, language, 1, text)))
    return uri


async def _diagnostics(client: LanguageClient, uri: str) -> list[lsp.Diagnostic]:
    """The diagnostics published for ``uri``, waiting for them (a bounded wait, not a timing assertion)."""
    for _ in range(1200):
        if uri in client.diagnostics:
            return list(client.diagnostics[uri])
        await asyncio.sleep(0.05)
    raise AssertionError(f"no diagnostics for {uri}")


def _apply(text: str, edit: lsp.TextEdit) -> str:
    lines = text.splitlines(keepends=True)

    def offset(p: lsp.Position) -> int:  # UTF-16 columns
        line = lines[p.line] if p.line < len(lines) else ""
        units = line.encode("utf-16-le")[: 2 * p.character].decode("utf-16-le")
        return sum(len(x) for x in lines[: p.line]) + len(units)

    return text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]


async def _change(client: LanguageClient, uri: str, text: str, version: int) -> None:
    """Replace the buffer; the diagnostics seen so far are forgotten, so the next ones are the new text's."""
    client.diagnostics.pop(uri, None)
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            lsp.VersionedTextDocumentIdentifier(version, uri), [lsp.TextDocumentContentChangeWholeDocument(text)]
        )
    )


async def test_diagnostics_on_open_carry_rule_link_and_utf16_range(client: LanguageClient, workspace: Path):
    uri = await _open(client, workspace / "council.md", WRONG)
    (diagnostic,) = await _diagnostics(client, uri)
    assert diagnostic.code == "calendar/weekday-mismatch" and diagnostic.source == "chronolint"
    assert diagnostic.severity == lsp.DiagnosticSeverity.Error
    assert diagnostic.code_description.href.endswith("calendar/weekday-mismatch.md")
    start = len("The 😀 council met on ") + 1  # the emoji counts two
    assert (diagnostic.range.start.line, diagnostic.range.start.character) == (0, start)
    assert diagnostic.range.end.character == start + len("Monday, March 4, 2025")


async def test_a_code_action_fixes_and_the_change_clears_the_diagnostic(client: LanguageClient, workspace: Path):
    uri = await _open(client, workspace / "fix.md", WRONG)
    (diagnostic,) = await _diagnostics(client, uri)
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(lsp.TextDocumentIdentifier(uri), diagnostic.range, lsp.CodeActionContext([diagnostic]))
    )
    titles = [a.title for a in actions]
    assert titles == [
        "Replace with 'Tuesday'",
        "Suppress calendar/weekday-mismatch on this line",
        "Suppress calendar/weekday-mismatch in this file",
    ]
    assert actions[0].is_preferred and actions[0].kind == lsp.CodeActionKind.QuickFix
    (edit,) = actions[0].edit.changes[uri]
    fixed = _apply(WRONG, edit)
    assert fixed == WRONG.replace("Monday", "Tuesday")
    await _change(client, uri, fixed, 2)
    assert await _diagnostics(client, uri) == []


async def test_suppress_on_this_line(client: LanguageClient, workspace: Path):
    uri = await _open(client, workspace / "suppress.md", WRONG)
    (diagnostic,) = await _diagnostics(client, uri)
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(lsp.TextDocumentIdentifier(uri), diagnostic.range, lsp.CodeActionContext([diagnostic]))
    )
    (edit,) = actions[1].edit.changes[uri]
    suppressed = _apply(WRONG, edit)
    assert suppressed.startswith("<!-- chronolint-disable-next-line calendar/weekday-mismatch -->\n")
    await _change(client, uri, suppressed, 2)
    assert await _diagnostics(client, uri) == []


async def test_related_information_and_hover(client: LanguageClient, workspace: Path):
    uri = await _open(client, workspace / "bridge.txt", CONFLICT, "plaintext")
    (diagnostic,) = [d for d in await _diagnostics(client, uri) if d.code == "chronology/conflicting-dates"]
    (related,) = diagnostic.related_information
    assert related.location.uri == uri and related.location.range.start.character == CONFLICT.index("opened on May 3")
    hover = await client.text_document_hover_async(
        lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(0, CONFLICT.index("May 3") + 1))
    )
    assert "`2019-05-03`" in hover.contents.value and "every part is written in the text" in hover.contents.value


async def test_the_configuration_comes_from_the_workspace(client: LanguageClient, workspace: Path):
    uri = await _open(client, workspace / "quiet" / "page.md", WRONG)
    assert await _diagnostics(client, uri) == []  # quiet/.chronolint.toml ignores calendar
