"""Publication dates as sites write them: front matter values, file names, ``--published``.

Plain ISO dates (what most generators write) are read with a regular expression and RFC 2822
(RSS ``pubDate``) with the standard library; anything else (``20/12/2024``, ``December 20,
2024``, ``Dec. 20th, 2024``) goes to dateparser under the configured date order. dateparser
takes a quarter of a second to import, so it is imported only when a date needs it. Only
absolute dates are read: "yesterday" in metadata would depend on the day the check runs.
A datetime gives the date as written (the author's local date), not the UTC date.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

DATE_ORDERS = {"us": "MDY", "international": "DMY"}
# Keys of a date written as a table: MkDocs Material's blog `date: {created: ..., updated: ...}`.
CREATED_KEYS = ("created", "published", "date")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]\S.*)?")
_FILE_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})-.")  # Jekyll's _posts/2024-12-20-title.md
MAX_DATE_LENGTH = 100  # "Wednesday, December 20th, 2024 at 10:30:00 AM Eastern Standard Time" is 68
_PLAIN = re.compile(r"[\d\s:+-]*")  # digits and separators only: no dateparser reading is a safe guess


class DateError(ValueError):
    """A date that cannot be read; the message is for the user."""


def _day(match: re.Match[str] | None) -> date | None:
    """The day a match's year, month and day groups name, if it exists."""
    if match is None:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def iso_date(value: str) -> date | None:
    """The date of an ISO 8601 date or datetime (HTML's ``<time datetime>``), else None."""
    return _day(_ISO.fullmatch(value.strip()))


def parse_date(value: str, date_order: str = "us") -> date | None:
    """A calendar date from a metadata string, else None (an ISO date that does not exist is None)."""
    text = " ".join(value.split())
    if _ISO.fullmatch(text):
        return iso_date(text)
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    if not text or _PLAIN.fullmatch(text) and "/" not in text:
        return None  # "20241220", "2024": dateparser would guess
    if len(text) > MAX_DATE_LENGTH:
        return None  # not a date; dateparser would try every language on it for seconds
    return _dateparser(text, DATE_ORDERS.get(date_order, "MDY"))


@lru_cache(maxsize=1024)
def _dateparser(text: str, order: str) -> date | None:
    import dateparser  # slow to import: only for dates that are not ISO or RFC 2822

    settings = {"DATE_ORDER": order, "STRICT_PARSING": True, "PARSERS": ["absolute-time"]}
    parsed = dateparser.parse(text, languages=["en"], settings=settings) or dateparser.parse(text, settings=settings)
    return parsed.date() if parsed is not None else None


def metadata_date(value: object, date_order: str = "us") -> date | None:
    """A date from a front matter value: a date, a string, or a table with a ``created`` date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date(value, date_order)
    if isinstance(value, dict):
        for key in CREATED_KEYS:
            if key in value:
                return metadata_date(value[key], date_order)
    return None


def file_name_date(path: str) -> date | None:
    """The date a file's name starts with (``2024-12-20-title.md``, as Jekyll posts are named)."""
    return _day(_FILE_NAME.match(os.path.basename(path.rstrip("/"))))


def option_date(value: str, date_order: str = "us", today: date | None = None) -> date:
    """``--published``: ``today``, or a date in any form metadata may use; else a DateError."""
    if value.strip().lower() == "today":
        return today or date.today()
    parsed = parse_date(value, date_order)
    if parsed is None:
        raise DateError(f"cannot read {value!r} as a date (e.g. 2024-12-20, 20/12/2024, December 20, 2024, today)")
    return parsed
