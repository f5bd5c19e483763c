"""LanguageTool's HTTP API (``POST /v2/check``, ``GET /v2/languages``), as its clients call it.

Browser extensions, editor plugins and ``language-tool-python`` send form fields: ``text`` (or
``data``, JSON ``{"annotation": [{"text": ...}, {"markup": ..., "interpretAs": ...}],
"metaData": {...}}``), ``language``, ``enabledRules``, ``disabledRules``, ``enabledOnly``.
Offsets in the answer count UTF-16 code units of the text as sent (markup included), as
LanguageTool's do. A publication date comes from ``metaData`` or an extra ``published`` field.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checker import __version__
from checker.checks.registry import rules
from checker.model import Document, Finding, OffsetMap
from checker.report.positions import CodeUnits

LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "English (New Zealand)", "code": "en", "longCode": "en-NZ"},
    {"name": "English (South African)", "code": "en", "longCode": "en-ZA"},
]
# How each variant writes 01/05/2024 (None: as the server's configuration says).
DATE_ORDERS = {"en": None, "auto": None, "en-US": "us", "en-CA": "us", "en-GB": "international",
               "en-AU": "international", "en-NZ": "international", "en-ZA": "international"}  # fmt: skip
META_DATE_KEYS = ("published", "publicationdate", "publisheddate", "datepublished", "date")
CONTEXT = 40  # characters of context either side of a match, as LanguageTool gives
CATEGORY = {"id": "SEMANTICS", "name": "Semantics"}


class RequestError(ValueError):
    """A request that cannot be answered; the message is for the caller."""


@dataclass(frozen=True)
class CheckRequest:
    """What a LanguageTool request asks, in chronolint's terms."""

    source: str  # the text as sent (markup included): offsets count in it
    text: str  # the prose to check (markup replaced by its interpretAs)
    offsets: OffsetMap
    language: str
    date_order: str | None
    published: str | None
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]


def _rules(value: str | None, known: Sequence[str]) -> tuple[str, ...]:
    """Comma-separated rule ids or packs; ids chronolint does not know (LanguageTool's own) are skipped."""
    words = [w.strip() for w in (value or "").split(",") if w.strip()]
    return tuple(w for w in words if any(r == w or r.startswith(w + "/") for r in known))


def _annotation(data: str) -> tuple[str, str, OffsetMap, Mapping]:
    """The ``data`` field: the source, the prose, the map between them, and the metaData."""
    try:
        parsed = json.loads(data)
    except ValueError as e:
        raise RequestError(f"'data' is not JSON: {e}") from None
    items = parsed.get("annotation") if isinstance(parsed, dict) else None
    if not isinstance(items, list):
        raise RequestError("'data' must be an object with an 'annotation' list")
    source, text, breaks = [], [], []
    at_source = at_text = 0
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("text", item.get("markup")), str):
            raise RequestError("each annotation must hold a 'text' or a 'markup' string")
        if "text" in item:
            piece = prose = item["text"]
        else:
            piece, prose = item["markup"], str(item.get("interpretAs", ""))
        breaks.append((at_text, at_source))
        source.append(piece)
        text.append(prose)
        at_source, at_text = at_source + len(piece), at_text + len(prose)
    meta = parsed.get("metaData") or {}
    return "".join(source), "".join(text), OffsetMap(tuple(breaks)), meta if isinstance(meta, dict) else {}


def parse_check(form: Mapping[str, str]) -> CheckRequest:
    """A ``/v2/check`` form as a request; a RequestError when it cannot be answered."""
    language = form.get("language", "auto")
    if language not in DATE_ORDERS:
        raise RequestError(f"language {language!r} is not supported (only English: see /v2/languages)")
    meta: Mapping = {}
    if "data" in form:
        source, text, offsets, meta = _annotation(form["data"])
    elif "text" in form:
        source = text = form["text"]
        offsets = OffsetMap()
    else:
        raise RequestError("missing 'text' or 'data'")
    lowered = {str(k).lower(): v for k, v in meta.items()}
    published = form.get("published") or next((str(lowered[k]) for k in META_DATE_KEYS if lowered.get(k)), None)
    known = list(rules())
    enabled, disabled = _rules(form.get("enabledRules"), known), _rules(form.get("disabledRules"), known)
    only = form.get("enabledOnly", "false").lower() == "true"
    if only and not enabled:
        raise RequestError("enabledOnly=true needs enabledRules naming chronolint rules (see `chronolint rules`)")
    return CheckRequest(source, text, offsets, language, DATE_ORDERS[language], published,
                        enabled if only else None, disabled)  # fmt: skip


def document(request: CheckRequest, published, published_source: str) -> Document:  # noqa: ANN001 - date | None
    return Document(path="-", source=request.source, text=request.text, published=published,
                    published_source=published_source, format="text", offsets=request.offsets)  # fmt: skip


def _sentence(source: str, start: int, end: int) -> str:
    """The sentence around a match, roughly: from the last stop or line break before it to the next after."""
    left = max(source.rfind(c, 0, start) for c in ".!?\n") + 1
    stops = [i for i in (source.find(c, end) for c in ".!?\n") if i >= 0]
    right = min(stops) + 1 if stops else len(source)
    return source[left:right].strip()


def replacements(finding: Finding, source: str) -> list[dict]:
    """LanguageTool replaces the whole match: the fix, applied inside the finding's span."""
    fix, span = finding.fix, finding.span
    if fix is None or not span.start <= fix.span.start <= fix.span.end <= span.end:
        return []
    return [{"value": source[span.start : fix.span.start] + fix.replacement + source[fix.span.end : span.end]}]


def match(finding: Finding, source: str, units: CodeUnits) -> dict:
    """One finding as a LanguageTool match (offsets and lengths in UTF-16 code units)."""
    start, end = finding.span.start, finding.span.end
    lo, hi = max(0, start - CONTEXT), min(len(source), end + CONTEXT)
    offset, stop, context_start = units.absolute([start, end, lo])
    info = rules().get(finding.rule)
    context = source[lo:hi].replace("\n", " ")
    return {
        "message": finding.message,
        "shortMessage": info.summary if info else "",
        "replacements": replacements(finding, source),
        "offset": offset,
        "length": stop - offset,
        "context": {"text": context, "offset": offset - context_start, "length": stop - offset},
        "sentence": _sentence(source, start, end),
        "type": {"typeName": "Other"},
        "rule": {
            "id": finding.rule,
            "description": info.summary if info else finding.rule,
            "issueType": "inconsistency",
            "category": CATEGORY,
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def response(request: CheckRequest, findings: Sequence[Finding]) -> dict:
    """The ``/v2/check`` answer."""
    units = CodeUnits(request.source)
    name = next((lang["name"] for lang in LANGUAGES if lang["longCode"] == request.language), "English")
    code = "en-US" if request.language in ("en", "auto") else request.language
    return {
        "software": {
            "name": "chronolint",
            "version": __version__,
            "buildDate": None,
            "apiVersion": 1,
            "premium": False,
            "status": "",
        },  # fmt: skip
        "warnings": {"incompleteResults": False},
        "language": {
            "name": name,
            "code": code,
            "detectedLanguage": {"name": name, "code": code, "confidence": 1.0},
        },  # fmt: skip
        "matches": [match(f, request.source, units) for f in findings],
    }
