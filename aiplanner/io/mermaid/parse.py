"""Read a Mermaid gantt chart: directives, sections and raw task lines.

:func:`parse_chart` turns the text into a :class:`Chart` (directives,
sections, raw tasks with their line numbers), as Mermaid 11's gantt grammar
reads it; :mod:`aiplanner.io.mermaid.dating` then dates the tasks.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from aiplanner.io.mermaid.dates import DateFormat
from aiplanner.model.errors import InvalidPlanError, Problem

__all__ = ["RawTask", "Chart", "parse_chart", "error", "WEEKDAY_NAMES", "TAGS"]

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TAGS = ("active", "done", "crit", "milestone", "vert")

# Directives Mermaid accepts that only change how the chart looks.
_COSMETIC = ("axisformat", "tickinterval", "todaymarker", "topaxis", "weekday", "acctitle", "accdescr",
             "displaymode")


@dataclass
class RawTask:
    """One task line as written, and the dates Mermaid gives it."""

    line: int
    name: str
    id: str
    explicit_id: bool
    section: int | None
    tags: set[str]
    start_spec: str | None  # None: follows the previous task
    end_spec: str
    prev: int | None  # index of the task written before this one
    extra: dict | None = None  # facts our exporter keeps in a %% aiplanner {...} comment
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    drawn_end: dt.datetime | None = None  # where the bar ends when excluded days pushed ``end`` on
    after: list[str] = field(default_factory=list)  # known ids named by "after"
    until: str | None = None  # the id "until" resolved to


@dataclass
class Chart:
    """What a gantt chart says, before it becomes a plan."""

    title: str = ""
    date_format: DateFormat = field(default_factory=lambda: DateFormat("YYYY-MM-DD"))
    excludes: list[str] = field(default_factory=list)
    includes: list[str] = field(default_factory=list)
    has_date_format: bool = False
    carried_plan: dict | None = None  # the plan without its tasks, from a %% aiplanner plan {...} comment
    carried_line: int = 0
    weekend_friday: bool = False
    inclusive_end_dates: bool = False
    sections: list[tuple[str, int, str | None]] = field(default_factory=list)  # name, line, phase id
    tasks: list[RawTask] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unnamed: int = 0
    index_of: dict[str, int] = field(default_factory=dict)  # id -> task index (the last one wins)

    # -- excluded days, as Mermaid's isInvalidDate decides ---------------
    def excluded_weekdays(self) -> set[int]:
        """Weekday numbers (Monday = 0) that ``excludes`` removes."""
        days = {WEEKDAY_NAMES.index(x) for x in self.excludes if x in WEEKDAY_NAMES}
        if "weekends" in self.excludes:
            days |= {4, 5} if self.weekend_friday else {5, 6}
        return days

    def is_excluded(self, day: dt.datetime | dt.date) -> bool:
        """Whether Mermaid skips ``day`` when stretching a task over ``excludes``."""
        if not self.excludes:
            return False
        key = (day.year, day.month, day.day)
        if key not in self._seen:
            self._seen[key] = self._excluded(day)
        return self._seen[key]

    def _excluded(self, day: dt.datetime | dt.date) -> bool:
        # As Mermaid 11 compares: the day in the chart's dateFormat, or as YYYY-MM-DD.
        text = self.date_format.format(day).lower()
        iso = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
        if text in self.includes or iso in self.includes:
            return False
        if day.weekday() in self._weekdays:
            return True
        return text in self._exclude_set or iso in self._exclude_set

    def prepare(self) -> None:
        """Cache the look-ups :meth:`is_excluded` needs."""
        self._weekdays = self.excluded_weekdays()
        self._seen: dict[tuple[int, int, int], bool] = {}
        self._exclude_set = set(self.excludes)


def error(line: int, message: str, file: str | None) -> InvalidPlanError:
    return InvalidPlanError([Problem(f"line {line}", message)], file)


# Mermaid's lexer reads these first words as directives, colon or not.
_KEYWORDS = {"dateformat", "excludes", "includes", "inclusiveenddates", "weekend", "title", "section", "click",
             "call", "href", *_COSMETIC}


def parse_chart(text: str, file: str | None = None) -> Chart:
    """Split the chart into directives, sections and raw tasks.

    Raises
    ------
    InvalidPlanError
        The text is not a gantt chart, or a line cannot be read (``line N``).
    """
    chart = Chart()
    lines = re.split(r"\r\n|\r|\n", text.removesuffix("\n").removesuffix("\r"))  # what ends a line for Mermaid (not U+2028)
    n = 0
    # Front matter (--- yaml ---) may carry a title and configuration.
    first = next((i for i, l in enumerate(lines) if l.strip()), None)
    if first is not None and lines[first].strip() == "---":
        end = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "---"), None)
        if end is None:
            raise error(first + 1, "front matter (---) is not closed", file)
        for i in range(first + 1, end):
            key, _, value = lines[i].strip().partition(":")
            if key.strip() == "title" and value.strip():
                chart.title = value.strip().strip("'\"")
            elif lines[i].strip() and key.strip() not in ("config", "gantt"):
                chart.warnings.append(f"line {i + 1}: front-matter setting {lines[i].strip()!r} ignored")
        n = end + 1
    seen_gantt = False
    prev: int | None = None
    section: int | None = None
    pending_links: str | None = None
    in_accdescr = False
    for i in range(n, len(lines)):
        lineno = i + 1
        raw = lines[i].strip()
        if in_accdescr:
            in_accdescr = "}" not in raw
            continue
        if not raw:
            continue
        if raw.startswith("%%"):
            body = raw[2:].strip()
            if body.startswith("{"):
                chart.warnings.append(f"line {lineno}: %%{{init}}%% directive ignored")
            elif body.startswith("aiplanner phase:") and chart.sections and seen_gantt:
                name, line, _ = chart.sections[-1]
                chart.sections[-1] = (name, line, body.partition(":")[2].strip())
            elif body.startswith("aiplanner {"):
                pending_links = _extra(body[len("aiplanner"):], lineno, chart)
            elif body.startswith("aiplanner plan {"):
                chart.carried_plan = _extra(body[len("aiplanner plan"):], lineno, chart)
                chart.carried_line = lineno
            continue
        if "%%" in raw:  # a comment that ends the line, as in Mermaid's docs ("1s %% not yet official")
            raw = raw[:raw.index("%%")].rstrip()
            if not raw:
                continue
        if not seen_gantt:
            if raw.split()[0] != "gantt":
                raise error(lineno, f"not a Mermaid gantt chart: expected 'gantt', found {raw[:40]!r}", file)
            seen_gantt = True
            if raw != "gantt":
                raise error(lineno, "'gantt' must stand alone on its line", file)
            continue
        head = re.split(r"[\s:]", raw, maxsplit=1)[0].lower()
        if head not in _KEYWORDS and ":" in raw:
            task = _task_line(raw, lineno, chart, section, prev, file)
            task.extra, pending_links = pending_links, None
            chart.tasks.append(task)
            prev = len(chart.tasks) - 1
            continue
        word = head
        rest = raw[len(head):].strip().lstrip(":").strip() if head in _KEYWORDS else ""
        if word == "dateformat":
            chart.date_format = DateFormat(rest)
            chart.has_date_format = True
            if raw[len(head):].strip().startswith(":"):
                chart.warnings.append(f"line {lineno}: dateFormat written with a ':'; Mermaid keeps the ':' in the "
                                      "format and so reads no end date (it draws those tasks with no length); "
                                      f"aiplanner reads {rest!r}")
            if not chart.date_format.has_date:
                raise error(lineno, f"dateFormat {rest!r} has no year: tasks cannot be dated", file)
        elif word == "excludes":
            chart.excludes = [x for x in re.split(r"[\s,]+", rest.lower()) if x]
        elif word == "includes":
            chart.includes = [x for x in re.split(r"[\s,]+", rest.lower()) if x]
        elif word == "inclusiveenddates":
            chart.inclusive_end_dates = True
        elif word == "weekend":
            if rest.lower() not in ("friday", "saturday"):
                raise error(lineno, f"weekend must be friday or saturday, not {rest!r}", file)
            chart.weekend_friday = rest.lower() == "friday"
        elif word == "title":
            chart.title = rest
        elif word == "section":
            if not rest:
                raise error(lineno, "section without a name", file)
            chart.sections.append((rest, lineno, None))
            section = len(chart.sections) - 1
        elif word in ("click", "call", "href"):
            chart.warnings.append(f"line {lineno}: interaction ({word}) is not supported and was ignored")
        elif word in _COSMETIC:
            if word == "accdescr" and rest.startswith("{"):
                in_accdescr = "}" not in rest
            if word not in ("acctitle", "accdescr"):
                chart.warnings.append(f"line {lineno}: {raw.split()[0]} only changes how Mermaid draws the chart "
                                      "(ignored)")
        else:
            raise error(lineno, f"cannot read {raw[:60]!r}: not a gantt directive nor a task 'name : data'", file)
    if not seen_gantt:
        raise error(max(len(lines), 1), "not a Mermaid gantt chart: no 'gantt' line", file)
    if not chart.tasks:
        raise error(max(len(lines), 1), "the chart has no tasks", file)
    if not chart.has_date_format:
        chart.warnings.append("the chart has no dateFormat: dates are read as YYYY-MM-DD; Mermaid itself then "
                              "reads start dates as JavaScript does and ignores end dates (it draws such tasks "
                              "with no length), so its drawing differs")
    return chart


def _extra(text: str, lineno: int, chart: Chart) -> dict | None:
    import json

    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        chart.warnings.append(f"line {lineno}: aiplanner comment is not a JSON object (ignored)")
        return None
    return value


def _task_line(raw: str, lineno: int, chart: Chart, section: int | None, prev: int | None,
               file: str | None) -> RawTask:
    name, _, data = raw.partition(":")
    name = name.strip()
    if not name:
        raise error(lineno, "task without a name before ':'", file)
    cut = re.search(r"[#;]", data)
    if cut:
        chart.warnings.append(f"line {lineno}: text after {cut.group(0)!r} ignored (Mermaid stops there)")
        data = data[: cut.start()]
    parts = [p.strip() for p in data.split(",")]
    tags: set[str] = set()
    while parts and parts[0] in TAGS:
        tags.add(parts.pop(0))
    if not parts:
        raise error(lineno, f"task {name!r} has only tags ({', '.join(sorted(tags))}): give it a duration or an "
                            "end after them, e.g. 'done, 3d'", file)
    if len(parts) == 1 and parts[0] == "":
        raise error(lineno, f"task {name!r} has no duration or end", file)
    if len(parts) > 3 or any(not p for p in parts):
        raise error(lineno, f"task {name!r}: expected [tags,] [id,] [start,] end, got {data.strip()!r} "
                             "(tags such as done or crit come first)", file)
    if len(parts) == 3:
        task_id, start, end = parts
        explicit = True
    elif len(parts) == 2:
        task_id, start, end = "", parts[0], parts[1]
        explicit = False
    else:
        task_id, start, end = "", None, parts[0]
        explicit = False
    if start is None and prev is None:
        raise error(lineno, f"task {name!r} is the first task and has no start date", file)
    if not explicit:  # Mermaid numbers the tasks written without an id
        chart.unnamed += 1
        task_id = f"task{chart.unnamed}"
    return RawTask(line=lineno, name=name, id=task_id, explicit_id=explicit, section=section, tags=tags,
                   start_spec=start, end_spec=end, prev=prev)
