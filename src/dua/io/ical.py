"""iCalendar files of an agreement's schedule, for import into a municipal calendar.

[`to_ical`][dua.io.ical.to_ical] writes a [`Schedule`][dua.schedule.Schedule] as an
iCalendar text (RFC 5545, <https://www.rfc-editor.org/rfc/rfc5545>) by hand, with no
dependency beyond the standard library:

- one `VCALENDAR` with `VERSION:2.0`, `PRODID`, `CALSCALE:GREGORIAN`, `METHOD:PUBLISH`,
  the calendar's name (`NAME`, RFC 7986, and `X-WR-CALNAME`, which Outlook and Google
  read) and a description (`X-WR-CALDESC`) that lists the schedule's notes and what has
  no dates;
- one all-day `VEVENT` per occurrence (`DTSTART;VALUE=DATE` and `DTEND` the next day),
  with a `UID` derived from the agreement, kind, item and date (the same event gets the
  same UID in every export, so a re-import updates rather than duplicates it), `DTSTAMP`
  (the `stamp` argument, in UTC), `SUMMARY`, `DESCRIPTION`, `CATEGORIES`, `STATUS`
  (`CONFIRMED` for a date the agreement states or a routine's due day, `TENTATIVE` for a
  month or a rhythm) and `TRANSP:TRANSPARENT` (an all-day reminder does not block time);
- text escaped as §3.3.11 requires (`\\`, `;`, `,`, newlines), lines folded at 75 octets
  (§3.1) without splitting a UTF-8 character, and CRLF line endings.

A schedule with no occurrences gives a calendar with no events: RFC 5545's grammar asks for
at least one component, but calendar programs import such a file as "0 events".

Examples:
    >>> from datetime import date, datetime, timezone
    >>> from dua import examples
    >>> from dua.schedule import schedule
    >>> plan = schedule(examples.load("hallefors-2015"), date(2016, 1, 1), date(2016, 12, 31))
    >>> text = to_ical(plan, stamp=datetime(2016, 1, 1, tzinfo=timezone.utc), calendar_name="DUA")
    >>> [line for line in text.split("\\r\\n") if line.startswith(("UID", "DTSTART"))]
    ['UID:hallefors-2015/revision/revision_plan/20161001@dua-samverkan', 'DTSTART;VALUE=DATE:20161001']
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote

from dua.errors import mask_text
from dua.i18n import get_language
from dua.io._atomic import write_text_atomic
from dua.schedule import DateBasis, Occurrence, OccurrenceKind, Schedule

__all__ = ["PRODID", "event_uid", "to_ical", "write_ical"]

PRODID = "-//dua-samverkan//dua schedule//SV"
"""The product identifier written in every calendar (RFC 5545 §3.7.3)."""

_UID_DOMAIN = "dua-samverkan"
_LINE_OCTETS = 75
_CRLF = "\r\n"
# RFC 5545 §3.3.11: TEXT may hold any character but the controls (tab excepted).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_KIND_SLUGS = {
    OccurrenceKind.MEETING: "meeting",
    OccurrenceKind.REVISION: "revision",
    OccurrenceKind.STATISTICS_UPDATE: "statistics-update",
    OccurrenceKind.FOLLOW_UP: "follow-up",
    OccurrenceKind.PLAN_FOLLOW_UP: "plan-follow-up",
}
_CONFIRMED = (DateBasis.EXACT, DateBasis.DUE)


def _escape(value: str) -> str:
    """Escape `value` as an iCalendar TEXT value (RFC 5545 §3.3.11), masked first
    ([`mask_text`][dua.errors.mask_text]) so that no escape splits an identity number."""
    value = mask_text(value).replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROLS.sub(" ", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character.

    A continuation line starts with one space, which counts toward its 75 octets.
    """
    pieces: list[str] = []
    chunk, size = "", 0
    for character in line:
        octets = len(character.encode("utf-8"))
        if size + octets > _LINE_OCTETS:
            pieces.append(chunk)
            chunk, size = " ", 1
        chunk += character
        size += octets
    pieces.append(chunk)
    return _CRLF.join(pieces)


def _utc(stamp: datetime) -> str:
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise ValueError(
            f"stamp must be a timezone-aware datetime (e.g. datetime.now(timezone.utc)), "
            f"got the naive {stamp.isoformat()}"
        )
    return stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _day(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def event_uid(agreement_id: str, occurrence: Occurrence) -> str:
    """The stable UID of `occurrence` in a calendar of the agreement `agreement_id`.

    `agreement/kind/item/YYYYMMDD@dua-samverkan`, with the ids percent-encoded (UTF-8) so
    that the UID is ASCII and the `/` between the parts is unambiguous. The schedule has
    at most one occurrence per kind, item and day, so UIDs are unique within a calendar.

    Examples:
        >>> from datetime import date
        >>> from dua.schedule import DateBasis, Occurrence, OccurrenceKind
        >>> meeting = Occurrence(on=date(2016, 3, 1), kind=OccurrenceKind.MEETING,
        ...     item="borås-vård", basis=DateBasis.PLANNED, title_sv="Möte", title_en="Meeting")
        >>> event_uid("sjuharad-2020", meeting)
        'sjuharad-2020/meeting/bor%C3%A5s-v%C3%A5rd/20160301@dua-samverkan'
    """
    parts = (
        quote(agreement_id, safe="-_."),
        _KIND_SLUGS[occurrence.kind],
        quote(occurrence.item, safe="-_."),
        _day(occurrence.on),
    )
    return "/".join(parts) + f"@{_UID_DOMAIN}"


def _description(schedule: Schedule, occurrence: Occurrence, lang: str) -> str:
    english = lang == "en"
    lines = [occurrence.detail(lang)] if occurrence.detail(lang) else []
    if occurrence.source_text:
        label = "The agreement's wording (Swedish)" if english else "Överenskommelsens formulering"
        lines.append(f"{label}: ”{occurrence.source_text}”")
    label = "Date" if english else "Datum"
    lines.append(f"{label}: {occurrence.basis.label(lang)}")
    label = "Agreement" if english else "Överenskommelse"
    lines.append(f"{label}: {schedule.agreement_title} ({schedule.agreement_id})")
    return "\n".join(lines)


def _calendar_description(schedule: Schedule, lang: str) -> str:
    english = lang == "en"
    range_label = "Range" if english else "Intervall"
    lines = [
        f"{schedule.agreement_title} ({schedule.agreement_id})",
        f"{range_label}: {schedule.start.isoformat()}–{schedule.end.isoformat()}",
    ]
    lines.extend(note.text(lang) for note in schedule.notes)
    if schedule.unscheduled:
        lines.append("Without dates:" if english else "Utan datum:")
        lines.extend(
            f"- {item.title(lang)}: {item.reason.label(lang)}" for item in schedule.unscheduled
        )
    return "\n".join(lines)


def to_ical(
    schedule: Schedule, *, stamp: datetime, calendar_name: str, lang: str | None = None
) -> str:
    """The iCalendar (RFC 5545) text of `schedule`, one all-day event per occurrence.

    Args:
        schedule: the schedule, from [`dua.schedule.schedule`][dua.schedule.schedule].
        stamp: when the calendar is produced (`DTSTAMP`), timezone-aware; the caller
            passes the clock's time, so that the output is otherwise deterministic.
        calendar_name: the calendar's name as a calendar program shows it.
        lang: `"sv"` (default) or `"en"` for titles, descriptions and categories.

    Returns:
        The text with CRLF line endings, folded at 75 octets; write it as UTF-8 (or use
        [`write_ical`][dua.io.ical.write_ical]).

    Raises:
        ValueError: `stamp` has no time zone.

    Source: RFC 5545 (iCalendar) §3.1 (folding), §3.3.11 (text), §3.6.1 (VEVENT);
    RFC 7986 §5.1 (`NAME`).
    """
    lang = get_language(lang)
    dtstamp = _utc(stamp)
    name = _escape(calendar_name)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{name}",
        f"X-WR-CALNAME:{name}",
        f"X-WR-CALDESC:{_escape(_calendar_description(schedule, lang))}",
    ]
    for occurrence in schedule:
        categories = ",".join(_escape(c) for c in ("DUA", occurrence.kind.label(lang)))
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event_uid(schedule.agreement_id, occurrence)}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{_day(occurrence.on)}",
            f"DTEND;VALUE=DATE:{_day(occurrence.on + timedelta(days=1))}",
            f"SUMMARY:{_escape(occurrence.title(lang))}",
            f"DESCRIPTION:{_escape(_description(schedule, occurrence, lang))}",
            f"CATEGORIES:{categories}",
            f"STATUS:{'CONFIRMED' if occurrence.basis in _CONFIRMED else 'TENTATIVE'}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    # The privacy boundary, on each whole line before it is folded: a fold could otherwise
    # split a number so that the mask no longer sees it (docs/personal-data.md).
    return "".join(_fold(mask_text(line)) + _CRLF for line in lines)


def write_ical(
    schedule: Schedule,
    path: str | os.PathLike[str],
    *,
    stamp: datetime,
    calendar_name: str,
    lang: str | None = None,
) -> None:
    """Write [`to_ical`][dua.io.ical.to_ical]'s text to `path` as UTF-8, atomically.

    The text goes to a temporary file beside `path` that is then renamed into place, so
    an existing file is either fully replaced or left untouched.

    Raises:
        FileFormatError: the file cannot be written (no such directory, no permission).
        ValueError: `stamp` has no time zone.
    """
    lang = get_language(lang)
    text = to_ical(schedule, stamp=stamp, calendar_name=calendar_name, lang=lang)
    write_text_atomic(path, text)
