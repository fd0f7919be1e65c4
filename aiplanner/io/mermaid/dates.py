"""Dates and durations as Mermaid's gantt reads them (dayjs formats, strict).

Mermaid parses task dates with ``dayjs(text, dateFormat, true)``: the whole
text must match the format, missing parts default (``YYYY-MM`` is the 1st
of the month, no time is midnight). The common tokens are supported:
``YYYY YY M MM MMM MMMM D DD Do H HH h hh m mm s ss SSS A a X x Z ZZ`` and
``[literal]`` text. Durations are a number and a unit of
``ms s m h d w M y`` (``w`` = 7 days, ``M`` and ``y`` calendar months and
years).

Examples
--------
>>> fmt = DateFormat("YYYY-MM")
>>> fmt.parse("2026-05")
datetime.datetime(2026, 5, 1, 0, 0)
>>> fmt.format(dt.datetime(2026, 5, 17))
'2026-05'
>>> add_duration(dt.datetime(2026, 5, 1), "6w")
datetime.datetime(2026, 6, 12, 0, 0)
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re

__all__ = ["DateFormat", "parse_duration", "add_duration", "js_date", "MONTHS"]

MONTHS = [_calendar.month_name[i] for i in range(1, 13)]
_MONTHS_LOWER = [m.lower() for m in MONTHS]
_ABBR_LOWER = [m[:3].lower() for m in MONTHS]

_TOKEN = re.compile(r"\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|HH|H|hh|h|mm|m|ss|s|SSS|SS|S|A|a|X|x|ZZ|Z")

_PATTERNS = {
    "YYYY": r"(\d{4})", "YY": r"(\d{2})", "MMMM": r"([A-Za-z]+)", "MMM": r"([A-Za-z]{3})",
    "MM": r"(\d{2})", "M": r"(\d{1,2})", "Do": r"(\d{1,2})(?:st|nd|rd|th)", "DD": r"(\d{2})",
    "D": r"(\d{1,2})", "HH": r"(\d{2})", "H": r"(\d{1,2})", "hh": r"(\d{2})", "h": r"(\d{1,2})",
    "mm": r"(\d{2})", "m": r"(\d{1,2})", "ss": r"(\d{2})", "s": r"(\d{1,2})", "SSS": r"(\d{3})",
    "SS": r"(\d{2})", "S": r"(\d)", "A": r"(AM|PM)", "a": r"(am|pm)", "X": r"(-?\d+(?:\.\d+)?)",
    "x": r"(-?\d+)", "ZZ": r"([+-]\d{4}|Z)", "Z": r"([+-]\d{2}:\d{2}|Z)",
}
_ONE_DIGIT_OK = {"M", "D", "Do", "H", "h", "m", "s"}


class DateFormat:
    """A dayjs date format, able to parse strictly and to format."""

    def __init__(self, text: str) -> None:
        self.text = text.strip()
        parts: list[str] = []
        self.tokens: list[str] = []
        pos = 0
        for match in _TOKEN.finditer(self.text):
            parts.append(re.escape(self.text[pos:match.start()]))
            if match.group(1) is not None:
                parts.append(re.escape(match.group(1)))
                self.tokens.append("[" + match.group(1))
            else:
                token = match.group(0)
                parts.append(_PATTERNS[token])
                self.tokens.append(token)
            pos = match.end()
        parts.append(re.escape(self.text[pos:]))
        self._regex = re.compile("^" + "".join(parts) + "$")
        self._fields = [t for t in self.tokens if not t.startswith("[")]
        self.has_date = any(t in self._fields for t in ("YYYY", "YY", "X", "x"))

    def parse(self, text: str) -> dt.datetime | None:
        """The local date-time ``text`` stands for, or None if it does not match."""
        match = self._regex.match(text.strip())
        if match is None:
            return None
        year, month, day, hour, minute, second, micro = 1970, 1, 1, 0, 0, 0, 0
        pm: bool | None = None
        twelve = False
        for token, value in zip(self._fields, match.groups()):
            if token in _ONE_DIGIT_OK and len(value) > 1 and value.startswith("0"):
                return None  # strict dayjs: "M" formats May as "5", so "05" does not match
            if token in ("X", "x"):
                seconds = float(value) if token == "X" else int(value) / 1000
                try:
                    stamp = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=seconds)
                except OverflowError:
                    return None
                year, month, day = stamp.year, stamp.month, stamp.day
                hour, minute, second, micro = stamp.hour, stamp.minute, stamp.second, stamp.microsecond
            elif token == "YYYY":
                year = int(value)
            elif token == "YY":
                year = int(value) + (1900 if int(value) > 68 else 2000)
            elif token in ("MM", "M"):
                month = int(value)
            elif token == "MMMM":
                if value.lower() not in _MONTHS_LOWER:
                    return None
                month = _MONTHS_LOWER.index(value.lower()) + 1
            elif token == "MMM":
                if value.lower() not in _ABBR_LOWER:
                    return None
                month = _ABBR_LOWER.index(value.lower()) + 1
            elif token in ("DD", "D", "Do"):
                day = int(value)
            elif token in ("HH", "H"):
                hour = int(value)
            elif token in ("hh", "h"):
                hour, twelve = int(value), True
            elif token in ("mm", "m"):
                minute = int(value)
            elif token in ("ss", "s"):
                second = int(value)
            elif token in ("SSS", "SS", "S"):
                micro = int(value.ljust(3, "0")) * 1000
            elif token in ("A", "a"):
                pm = value.lower() == "pm"
        if twelve:
            if not 1 <= hour <= 12:
                return None
            if pm is not None:
                hour = hour % 12 + (12 if pm else 0)
        try:
            return dt.datetime(year, month, day, hour, minute, second, micro)
        except ValueError:
            return None

    def format(self, value: dt.datetime | dt.date) -> str:
        """``value`` written in this format (what Mermaid compares ``excludes`` with)."""
        if not isinstance(value, dt.datetime):
            value = dt.datetime(value.year, value.month, value.day)
        out: list[str] = []
        pos = 0
        for match in _TOKEN.finditer(self.text):
            out.append(self.text[pos:match.start()])
            out.append(match.group(1) if match.group(1) is not None else _format_token(match.group(0), value))
            pos = match.end()
        out.append(self.text[pos:])
        return "".join(out)


def _format_token(token: str, v: dt.datetime) -> str:
    h12 = v.hour % 12 or 12
    table = {
        "YYYY": f"{v.year:04d}", "YY": f"{v.year % 100:02d}", "MMMM": MONTHS[v.month - 1],
        "MMM": MONTHS[v.month - 1][:3], "MM": f"{v.month:02d}", "M": str(v.month),
        "Do": f"{v.day}{_ordinal(v.day)}", "DD": f"{v.day:02d}", "D": str(v.day),
        "HH": f"{v.hour:02d}", "H": str(v.hour), "hh": f"{h12:02d}", "h": str(h12),
        "mm": f"{v.minute:02d}", "m": str(v.minute), "ss": f"{v.second:02d}", "s": str(v.second),
        "SSS": f"{v.microsecond // 1000:03d}", "SS": f"{v.microsecond // 10000:02d}",
        "S": str(v.microsecond // 100000), "A": "PM" if v.hour >= 12 else "AM",
        "a": "pm" if v.hour >= 12 else "am",
        "X": str(int((v - dt.datetime(1970, 1, 1)).total_seconds())),
        "x": str(int((v - dt.datetime(1970, 1, 1)).total_seconds() * 1000)),
        "ZZ": "+0000", "Z": "+00:00",
    }
    return table[token]


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


_DURATION = re.compile(r"^(\d+(?:\.\d+)?)(ms|[Mdhmswy])$")
_SECONDS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_duration(text: str) -> tuple[float, str] | None:
    """``(value, unit)`` of a Mermaid duration such as ``6w`` or ``1.5d``; None if it is not one."""
    match = _DURATION.match(text.strip())
    if match is None:
        return None
    return float(match.group(1)), match.group(2)


def add_duration(start: dt.datetime, text: str) -> dt.datetime | None:
    """``start`` plus a Mermaid duration (calendar arithmetic, as dayjs ``add``)."""
    parsed = parse_duration(text)
    if parsed is None:
        return None
    value, unit = parsed
    try:
        if unit in ("M", "y"):
            months = int(value) * (12 if unit == "y" else 1)  # dayjs drops fractions of months
            total = start.month - 1 + months
            year, month = start.year + total // 12, total % 12 + 1
            day = min(start.day, _calendar.monthrange(year, month)[1])
            return start.replace(year=year, month=month, day=day)
        if unit in ("d", "w") and value == int(value):
            return start + dt.timedelta(days=int(value) * (7 if unit == "w" else 1))
        return start + dt.timedelta(seconds=value * _SECONDS[unit])
    except (OverflowError, ValueError):
        return None


# JavaScript's Date(text), which Mermaid falls back on for a start its dateFormat cannot read:
# ISO forms (a year alone, year-month, date, date and time, with or without a zone), then the
# forms browsers' lenient parsers accept (single-digit month or day, slashes, month names).
_JS_ISO = re.compile(r"^([+-]\d{6}|\d{4})(?:-(\d{2})(?:-(\d{2}))?)?"
                     r"(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6})\d*)?)?(Z|[+-]\d{2}:?\d{2})?)?$")
_JS_YMD = re.compile(r"^(\d{1,6})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_JS_MDY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
_JS_NAMED = re.compile(r"^(?:[A-Za-z]{3,9},?\s+)?(?:([A-Za-z]{3,9})\.?\s+(\d{1,2})|(\d{1,2})\s+([A-Za-z]{3,9})\.?),?"
                       r"\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def _make(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0,
          micro: int = 0) -> dt.datetime | None:
    try:
        return dt.datetime(year, month, day, hour, minute, second, micro)
    except ValueError:
        return None


def _month(name: str) -> int | None:
    low = name.lower()
    for k, full in enumerate(_MONTHS_LOWER):
        if len(low) >= 3 and full.startswith(low):
            return k + 1
    return None


def js_date(text: str) -> dt.datetime | None:
    """The date-time JavaScript's ``Date(text)`` gives (local time taken as UTC), or None.

    >>> js_date("1982"), js_date("2019-09-1")
    (datetime.datetime(1982, 1, 1, 0, 0), datetime.datetime(2019, 9, 1, 0, 0))
    >>> js_date("Mar 7 2014"), js_date("next week")
    (datetime.datetime(2014, 3, 7, 0, 0), None)
    """
    value = text.strip()
    match = _JS_ISO.match(value)
    if match:
        year, month, day, hour, minute, second, frac, zone = match.groups()
        stamp = _make(int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0),
                      int(second or 0), int((frac or "0").ljust(6, "0")))
        if stamp is not None and zone and zone != "Z":
            sign = 1 if zone[0] == "+" else -1
            digits = zone[1:].replace(":", "")
            stamp -= sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        return stamp
    match = _JS_YMD.match(value)
    if match and len(match.group(1)) >= 3:
        year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
        return _make(year, month, day or 1, hour, minute, second)
    match = _JS_MDY.match(value)
    if match:
        month, day, year, hour, minute, second = (int(g) if g else 0 for g in match.groups())
        return _make(year, month, day, hour, minute, second)
    match = _JS_NAMED.match(value)
    if match:
        name = match.group(1) or match.group(4)
        day = int(match.group(2) or match.group(3))
        month = _month(name)
        if month is None:
            return None
        hour, minute, second = (int(g) if g else 0 for g in match.groups()[5:])
        return _make(int(match.group(5)), month, day, hour, minute, second)
    return None
