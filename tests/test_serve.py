"""``chronolint serve``: LanguageTool's API with a real client (language-tool-python), the JSON API
and its errors, and the page in headless Chromium (paste, check, click a highlight)."""

from __future__ import annotations

import base64
import io
import json
import threading
import urllib.error
import urllib.request

import pytest

from checker.app.config import Config
from checker.app.serve import Limits, Server, Service

WRONG = "The 😀 council met on Monday, March 4, 2025.\n"  # an emoji first: LanguageTool counts UTF-16


@pytest.fixture(scope="module")
def server():
    service = Service(Config(), Limits(max_chars=2_000, timeout=60, workers=1, queue=4))
    httpd = Server(("127.0.0.1", 0), service)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()
    service.pool.shutdown()


def _call(url: str, body: bytes | None = None, content_type: str = "application/json") -> tuple[int, dict | list | str]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type} if body else {})
    try:
        with urllib.request.urlopen(request) as answer:
            status, raw, kind = answer.status, answer.read(), answer.headers["Content-Type"]
    except urllib.error.HTTPError as error:
        status, raw, kind = error.code, error.read(), error.headers["Content-Type"]
    return status, json.loads(raw) if kind == "application/json" else raw.decode()


def _post(server: str, route: str, body: dict) -> tuple[int, dict | list | str]:
    return _call(server + route, json.dumps(body).encode())


# ---------------------------------------------------------------- LanguageTool's API, with a real client


def test_language_tool_python_as_the_client(server):
    language_tool_python = pytest.importorskip("language_tool_python")
    tool = language_tool_python.LanguageTool("en-US", remote_server=server)
    (match,) = tool.check("---\ndate: 2025-03-10\n---\n" + WRONG)
    assert match.rule_id == "calendar/weekday-mismatch" and match.rule_issue_type == "inconsistency"
    assert match.category == "SEMANTICS" and match.replacements == ["Tuesday, March 4, 2025"]
    text = "---\ndate: 2025-03-10\n---\n" + WRONG
    assert text[match.offset : match.offset + match.error_length] == "Monday, March 4, 2025"  # it undoes UTF-16
    assert tool.correct(text) == text.replace("Monday", "Tuesday")
    tool.disabled_rules = {"calendar/weekday-mismatch", "WHITESPACE_RULE"}  # LanguageTool's own ids are skipped
    assert tool.check(text) == []


def test_v2_check_offsets_are_utf16_and_the_date_comes_from_published_or_metadata(server):
    from urllib.parse import urlencode

    status, answer = _call(server + "/v2/check", urlencode({"text": WRONG, "language": "en-GB",
                                                            "published": "10/03/2025"}).encode(),
                           "application/x-www-form-urlencoded")  # fmt: skip
    assert status == 200
    (match,) = answer["matches"]
    assert match["offset"] == WRONG.index("Monday") + 1 and match["length"] == len("Monday, March 4, 2025")
    context, at = match["context"]["text"].encode("utf-16-le"), 2 * match["context"]["offset"]  # UTF-16 too
    assert context[at : at + 12].decode("utf-16-le") == "Monday"
    assert match["rule"]["category"] == {"id": "SEMANTICS", "name": "Semantics"}
    data = {
        "annotation": [
            {"markup": "<p>"},
            {"text": "He will be sworn in on January 20, 2021."},
            {"markup": "</p>", "interpretAs": "\n\n"},
        ],
        "metaData": {"publicationDate": "2024-12-20"},
    }
    status, answer = _call(server + "/v2/check", urlencode({"data": json.dumps(data), "language": "en-US"}).encode(),
                           "application/x-www-form-urlencoded")  # fmt: skip
    (match,) = answer["matches"]
    assert match["rule"]["id"] == "chronology/stale-future" and match["offset"] == len("<p>He will be ")
    status, languages = _call(server + "/v2/languages")
    assert status == 200 and {"name": "English (US)", "code": "en", "longCode": "en-US"} in languages


# ---------------------------------------------------------------- the native API


def test_api_check_returns_the_json_report_schema(server):
    status, findings = _post(server, "/api/check", {"text": WRONG, "published": "2025-03-10"})
    assert status == 200
    (finding,) = findings
    assert list(finding) == ["path", "rule", "severity", "message", "line", "column", "end_line", "end_column",
                             "offset", "end_offset", "related", "fix"]  # fmt: skip
    assert WRONG[finding["offset"] : finding["end_offset"]] == "Monday, March 4, 2025"
    status, findings = _post(server, "/api/check", {"text": WRONG, "ignore": ["calendar"]})
    assert (status, findings) == (200, [])


def test_a_docx_upload(server):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("On Monday, March 4, 2025, the council met.")
    buffer = io.BytesIO()
    document.save(buffer)
    body = {"docx": base64.b64encode(buffer.getvalue()).decode(), "filename": "minutes.docx", "published": "today"}
    status, findings = _post(server, "/api/check", body)
    assert status == 200 and [f["rule"] for f in findings] == ["calendar/weekday-mismatch"]
    assert findings[0]["path"] == "minutes.docx"


@pytest.mark.parametrize(
    ("route", "body", "status", "message"),
    [
        ("/api/check", b"[", 400, "the body is not JSON"),
        ("/api/check", b"[1]", 400, "must be a JSON object"),
        ("/api/check", b"{}", 400, "missing 'text'"),
        ("/api/check", json.dumps({"text": "x" * 2001}).encode(), 413, "the limit is 2000"),
        ("/api/check", json.dumps({"text": "x", "published": "soonish"}).encode(), 400, "cannot read 'soonish'"),
        ("/api/check", json.dumps({"text": "x", "format": "pdf"}).encode(), 400, "'format' must be one of"),
        ("/api/check", json.dumps({"text": "x", "select": ["no"]}).encode(), 400, "unknown rule or pack 'no'"),
        ("/api/check", json.dumps({"docx": "not base64!"}).encode(), 400, "not valid base64"),
        (
            "/api/check",
            json.dumps({"docx": base64.b64encode(b"PK junk").decode()}).encode(),
            400,
            "not a readable .docx",
        ),
        ("/api/check", json.dumps({"text": "---\ntitle: [x\n---\n"}).encode(), 400, "not valid YAML"),
        ("/api/nothing", b"{}", 404, "no such endpoint"),
        ("/v2/check", b"language=fr&text=Bonjour", 400, "language 'fr' is not supported"),
        ("/v2/check", b"language=en-US", 400, "missing 'text' or 'data'"),
        ("/v2/check", b"data=%7B%7D", 400, "'annotation' list"),
        ("/", b"{}", 405, "no such endpoint"),
    ],
)
def test_errors_are_json(server, route, body, status, message):
    kind = "application/x-www-form-urlencoded" if route == "/v2/check" else "application/json"
    got, answer = _call(server + route, body, kind)
    assert got == status and answer["error"]["status"] == status
    assert message in answer["error"]["message"]


def test_a_body_over_the_limit_is_refused_before_it_is_read(server):
    import http.client
    from urllib.parse import urlsplit

    connection = http.client.HTTPConnection(urlsplit(server).netloc, timeout=30)
    connection.putrequest("POST", "/api/check")
    connection.putheader("Content-Length", str(Limits(max_chars=2_000).max_body + 1))
    connection.endheaders()  # and no body: the answer must come from the headers alone
    answer = connection.getresponse()
    assert answer.status == 413 and "request body is larger" in json.loads(answer.read())["error"]["message"]
    connection.close()


def test_a_full_queue_and_a_slow_check_are_503():
    import time

    service = Service(Config(), Limits(timeout=0.2, workers=1, queue=0))
    service.ready.result()
    release = threading.Event()
    blocker = threading.Thread(target=lambda: service.run(release.wait, 5), daemon=True)
    blocker.start()
    for _ in range(100):  # wait (bounded) until the blocker holds the only slot
        if service.slots._value == 0:  # noqa: SLF001
            break
        time.sleep(0.01)
    from checker.app.serve import ServiceError

    with pytest.raises(ServiceError, match="too many checks waiting") as busy:
        service.run(int)
    assert busy.value.status == 503
    release.set()
    blocker.join()
    with pytest.raises(ServiceError, match="took longer than 0.2 s"):
        service.run(threading.Event().wait, 1)
    service.pool.shutdown()


def test_the_service_writes_no_file(server, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _post(server, "/api/check", {"text": WRONG, "filename": "../../etc/passwd.md"})
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- the page, in a browser


def test_the_page_pastes_checks_and_explains_a_highlight(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/")
    text = "The bridge opened on May 3, 2019.\n\nOn Monday, March 4, 2025, the council met.\n"
    page.fill("textarea[name=text]", text)
    page.fill("input[name=published]", "2025-03-10")
    page.click("button[type=submit]")
    page.wait_for_selector("#status:has-text('Found 1 finding')")
    frame = page.frame_locator("#result")
    highlight = frame.locator(".seg.hl").first
    highlight.wait_for()
    assert "Monday" in highlight.inner_text()
    highlight.click()
    card = frame.locator("#pop")
    card.wait_for(state="visible")
    assert "is a Tuesday, not a Monday" in card.inner_text() and "Tuesday" in card.locator(".fix").inner_text()
    assert frame.locator("svg.timeline .item.conflict").count() == 1  # the timeline marks it
    assert "published 2025-03-10" in frame.locator(".doc .meta").inner_text()
    assert errors == []
    page.close()
