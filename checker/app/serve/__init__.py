"""``chronolint serve``: an HTTP service, LanguageTool-compatible, with a page for editors.

    GET  /              the page (paste or upload, set the date, see the report)
    POST /v2/check      LanguageTool's API (form fields; offsets in UTF-16 code units)
    GET  /v2/languages  the languages it checks
    POST /api/check     JSON in, the ``--format json`` array out
    POST /api/report    JSON in, the HTML report out (what the page shows)

The standard library's ThreadingHTTPServer reads requests (no framework to install, and the
service is small); checks run on a bounded pool of worker threads that share one model load,
with a queue limit (503 when full), a text size limit (413) and a time limit per check (503).
Every error is JSON: ``{"error": {"status": ..., "message": ...}}``. A request carries text,
never a path: the service reads no file but its configuration, at start, and writes none.
"""

from __future__ import annotations

import base64
import binascii
import json
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from checker import __version__
from checker.app.config import Config, unknown_selectors
from checker.app.serve import languagetool
from checker.app.serve.page import page
from checker.app.session import check_document
from checker.model import Analysis, Document, Finding
from checker.report.html import render_html
from checker.report.json import render_json
from checker.report.positions import Positions
from checker.report.text import summary
from checker.source import InputError, format_for_path, read_bytes, read_text
from checker.source.dates import DateError, option_date

FORMATS = ("markdown", "text", "html", "rst", "docx")


class ServiceError(Exception):
    """An answer other than 200, with a message for the caller."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Limits:
    max_chars: int = 200_000  # characters of text per request (413 above)
    timeout: float = 30.0  # seconds a check may take (503 after)
    workers: int = 1  # checks at once: spaCy holds the GIL, so more threads add little on one core
    queue: int = 16  # checks waiting (503 beyond)
    max_upload: int = 5 * 1024 * 1024  # bytes of a DOCX upload, as --max-file-size

    @property
    def max_body(self) -> int:
        """Bytes a request body may have: the text in UTF-8 and escaped, or the upload in base64."""
        return self.max_chars * 8 + self.max_upload * 4 // 3 + 65536


class Service:
    """The checking behind the endpoints: one configuration, one model, a bounded pool."""

    def __init__(self, config: Config, limits: Limits = Limits()) -> None:
        self.config, self.limits = config, limits
        self.pool = ThreadPoolExecutor(max_workers=limits.workers, thread_name_prefix="chronolint-check")
        self.slots = threading.BoundedSemaphore(limits.workers + limits.queue)
        self.ready = self.pool.submit(_warm)

    def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` on the pool: 503 when the queue is full or the check takes too long."""
        if not self.slots.acquire(blocking=False):
            raise ServiceError(503, "too many checks waiting; try again shortly")
        future = self.pool.submit(fn, *args)
        future.add_done_callback(lambda done: self.slots.release())
        try:
            return future.result(timeout=self.limits.timeout)
        except FutureTimeout:
            raise ServiceError(503, f"the check took longer than {self.limits.timeout:g} s") from None

    def check(
        self, document: Document, date_order: str | None = None, select: Sequence[str] | None = None,
        ignore: Sequence[str] = (),
    ) -> tuple[list[Finding], Analysis]:  # fmt: skip
        config = self.config.with_rules(select, ignore)
        return self.run(check_document, document, config, date_order)

    def date_order(self, asked: str | None = None) -> str:
        return asked or self.config.date_order or "us"

    def published(self, value: object, date_order: str) -> Any:
        if value in (None, ""):
            return None
        if not isinstance(value, str):
            raise ServiceError(400, "'published' must be a string such as 2024-12-20")
        try:
            return option_date(value, date_order)
        except DateError as e:
            raise ServiceError(400, f"published: {e}") from None

    def text_limit(self, text: str) -> None:
        if len(text) > self.limits.max_chars:
            raise ServiceError(413, f"the text has {len(text)} characters; the limit is {self.limits.max_chars}")


def _warm() -> None:
    """Load the model and the packs once, before the first request needs them."""
    from checker import engine, nlp

    nlp.load()
    engine.knowledge()


# ---------------------------------------------------------------- the endpoints


def languagetool_check(service: Service, form: Mapping[str, str]) -> dict:
    try:
        request = languagetool.parse_check(form)
    except languagetool.RequestError as e:
        raise ServiceError(400, str(e)) from None
    service.text_limit(request.source)
    order = service.date_order(request.date_order)
    published = service.published(request.published, order)
    if request.offsets.breaks:  # annotated: markup mapped out
        document = languagetool.document(request, published, "option" if published else "none")
    else:  # plain text, read as a file is (a front matter at its top may date it)
        document = read_text(request.source, fmt="text", published=published, date_order=order,
                             published_keys=service.config.published_keys)  # fmt: skip
    found, _ = service.check(document, order, request.select, request.ignore)
    return languagetool.response(request, found)


def _selectors(body: Mapping[str, Any], key: str) -> tuple[str, ...] | None:
    value = body.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ServiceError(400, f"'{key}' must be a list of rule ids or packs")
    chosen = tuple(v.strip() for v in value if v.strip())
    if unknown := unknown_selectors(chosen):
        raise ServiceError(400, f"{key}: unknown rule or pack {unknown[0]!r}")
    return chosen


def native_document(service: Service, body: Mapping[str, Any]) -> tuple[Document, str]:
    """The document a native request describes (text or a base64 DOCX), and its date order."""
    order = body.get("date_order")
    if order not in (None, "us", "international"):
        raise ServiceError(400, "'date_order' must be 'us' or 'international'")
    order = service.date_order(order)
    published = service.published(body.get("published"), order)
    name = body.get("filename") if isinstance(body.get("filename"), str) else None
    fmt = body.get("format") or ("docx" if "docx" in body else format_for_path(name) if name else "markdown")
    if fmt not in FORMATS:
        raise ServiceError(400, f"'format' must be one of {', '.join(FORMATS)}")
    path = name or "-"
    try:
        if fmt == "docx" or "docx" in body:
            document = read_bytes(_docx(service, body.get("docx")), path=path, published=published, fmt="docx")
            service.text_limit(document.text)
            return document, order
        text = body.get("text")
        if not isinstance(text, str):
            raise ServiceError(400, "missing 'text' (a string) or 'docx' (base64)")
        service.text_limit(text)
        return read_text(text, path=path, published=published, fmt=fmt, date_order=order,
                         published_keys=service.config.published_keys), order  # fmt: skip
    except InputError as e:
        raise ServiceError(400, str(e)) from None


def _docx(service: Service, value: object) -> bytes:
    if not isinstance(value, str):
        raise ServiceError(400, "'docx' must be the file in base64")
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ServiceError(400, "'docx' is not valid base64") from None
    if len(data) > service.limits.max_upload:
        raise ServiceError(413, f"the file is larger than {service.limits.max_upload} bytes")
    return data


def native_check(service: Service, body: Mapping[str, Any]) -> tuple[Document, list[Finding], Analysis]:
    document, order = native_document(service, body)
    found, analysis = service.check(document, order, _selectors(body, "select"), _selectors(body, "ignore") or ())
    return document, found, analysis


# ---------------------------------------------------------------- HTTP


class Handler(BaseHTTPRequestHandler):
    """One request: route it, answer JSON (or the page), never a traceback."""

    server: Server
    server_version = f"chronolint/{__version__}"
    protocol_version = "HTTP/1.1"
    timeout = 30  # seconds a client may take to send its request

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        if self.server.verbose:
            super().log_message(format, *args)

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        self._send(204, b"", "text/plain")

    def do_GET(self) -> None:  # noqa: N802
        self._answer(self._get)

    def do_POST(self) -> None:  # noqa: N802
        self._answer(self._post)

    def _get(self, route: str) -> None:
        if route == "/":
            self._send(200, page(self.server.service.limits.max_chars).encode(), "text/html; charset=utf-8")
        elif route == "/v2/languages":
            self._json(200, languagetool.LANGUAGES)
        elif route == "/v2/check":
            self._json(200, languagetool_check(self.server.service, _form(urlsplit(self.path).query)))
        else:
            raise ServiceError(404, f"no such endpoint: GET {route}")

    def _post(self, route: str) -> None:
        service = self.server.service
        if route == "/v2/check":
            self._json(200, languagetool_check(service, self._form()))
        elif route == "/api/check":
            document, found, _ = native_check(service, self._json_body())
            self._send(200, (render_json(found, Positions({document.path: document.source})) + "\n").encode(),
                       "application/json")  # fmt: skip
        elif route == "/api/report":
            document, found, analysis = native_check(service, self._json_body())
            rendered = render_html([analysis], found, Positions({document.path: document.source}))
            self._send(200, rendered.encode(), "text/html; charset=utf-8", {"X-Chronolint-Summary": summary(found, 1)})
        else:
            raise ServiceError(404 if route not in ("/", "/v2/languages") else 405, f"no such endpoint: POST {route}")

    def _answer(self, route: Callable[[str], None]) -> None:
        try:
            route(urlsplit(self.path).path.rstrip("/") or "/")
        except ServiceError as e:
            self._json(e.status, {"error": {"status": e.status, "message": str(e)}})
        except Exception as e:  # noqa: BLE001 - a bug must not take the service down or leak a traceback
            print(f"chronolint serve: {self.command} {self.path}: {type(e).__name__}: {e}", file=sys.stderr)
            self._json(500, {"error": {"status": 500, "message": "internal error; the server's log has details"}})

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            raise ServiceError(411, "send a Content-Length, not a chunked body")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise ServiceError(400, "Content-Length is not a number") from None
        if length > self.server.service.limits.max_body:
            self.close_connection = True
            raise ServiceError(413, f"the request body is larger than {self.server.service.limits.max_body} bytes")
        return self.rfile.read(length)

    def _form(self) -> dict[str, str]:
        try:
            return _form(self._body().decode("utf-8"))
        except UnicodeDecodeError:
            raise ServiceError(400, "the form is not UTF-8") from None

    def _json_body(self) -> dict[str, Any]:
        try:
            body = json.loads(self._body() or b"null")
        except ValueError as e:
            raise ServiceError(400, f"the body is not JSON: {e}") from None
        if not isinstance(body, dict):
            raise ServiceError(400, "the body must be a JSON object")
        return body

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode(), "application/json")

    def _send(self, status: int, body: bytes, content_type: str, headers: Mapping[str, str] = {}) -> None:  # noqa: B006
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")  # browser extensions call from their own origin
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _form(query: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}


class Server(ThreadingHTTPServer):
    """The HTTP server, holding the service its handlers use."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], service: Service, verbose: bool = False) -> None:
        super().__init__(address, Handler)
        self.service, self.verbose = service, verbose


def serve(host: str, port: int, config: Config, limits: Limits, verbose: bool = False,
          ready: Callable[[Server], None] = lambda server: None) -> None:  # fmt: skip
    """Serve until interrupted; ``ready`` is called once the socket listens."""
    with Server((host, port), Service(config, limits), verbose) as server:
        ready(server)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
