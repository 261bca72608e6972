"""iCalendar output of schedules (dua.io.ical), parsed back with the `icalendar` package.

Source: RFC 5545 §3.1 (content lines folded at 75 octets, CRLF), §3.3.11 (TEXT escaping of
backslash, semicolon, comma and newline), §3.6.1 (VEVENT: UID and DTSTAMP required);
RFC 7986 §5.1 (NAME).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua import examples
from dua.errors import FileFormatError
from dua.io.ical import PRODID, event_uid, to_ical, write_ical
from dua.model import Agreement
from dua.schedule import DateBasis, Occurrence, OccurrenceKind, Schedule, schedule
from dua.testing import agreements

STAMP = datetime(2024, 5, 2, 14, 30, tzinfo=timezone(timedelta(hours=2)))  # 12:30 UTC
RANGES = {
    "norsjo-2015": (date(2015, 1, 1), date(2016, 12, 31)),
    "hallefors-2015": (date(2015, 1, 1), date(2018, 12, 31)),
    "ggv-2016": (date(2016, 1, 1), date(2016, 12, 31)),
    "norrkoping-2018": (date(2018, 3, 1), date(2019, 2, 28)),
    "sjuharad-2020": (date(2021, 1, 1), date(2021, 12, 31)),
}


def parse(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


def decoded(value: object) -> str:
    """A TEXT value icalendar keeps undecoded (NAME, X-WR-*), decoded as a SUMMARY is."""
    event = icalendar.Event.from_ical(f"BEGIN:VEVENT\r\nSUMMARY:{value}\r\nEND:VEVENT\r\n")
    return str(event["SUMMARY"])


def events(text: str) -> list[icalendar.Event]:
    return list(parse(text).walk("VEVENT"))


def assert_well_formed(text: str) -> None:
    """CRLF everywhere, every line at most 75 octets and valid UTF-8 on its own."""
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert "\r" not in text.replace("\r\n", "")
    for line in text.encode("utf-8").split(b"\r\n")[:-1]:
        assert len(line) <= 75, line
        line.decode("utf-8")  # no multibyte character split across lines


@pytest.mark.parametrize("name", list(RANGES))
def test_examples_parse_back(name: str) -> None:
    plan = schedule(examples.load(name), *RANGES[name])
    text = to_ical(plan, stamp=STAMP, calendar_name=f"DUA {name}")
    assert_well_formed(text)
    calendar = parse(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == PRODID
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    parsed = events(text)
    assert len(parsed) == len(plan)
    uids = [str(event["UID"]) for event in parsed]
    assert len(set(uids)) == len(uids)
    for event, occurrence in zip(parsed, plan, strict=True):
        assert event["DTSTART"].dt == occurrence.on
        assert type(event["DTSTART"].dt) is date  # an all-day event, not a datetime
        assert event["DTEND"].dt == occurrence.on + timedelta(days=1)
        assert event["DTSTAMP"].dt == datetime(2024, 5, 2, 12, 30, tzinfo=UTC)
        assert str(event["SUMMARY"]) == occurrence.title_sv
        assert str(event["DESCRIPTION"]).startswith(occurrence.detail_sv)
        assert [str(c) for c in event["CATEGORIES"].cats] == ["DUA", occurrence.kind.value]
        assert str(event["UID"]) == event_uid(plan.agreement_id, occurrence)


def test_sjuharad_events() -> None:
    """Sjuhärad 2021: the working group's follow-ups 6 times, the revision in October."""
    plan = schedule(examples.load("sjuharad-2020"), date(2021, 1, 1), date(2021, 12, 31))
    parsed = events(to_ical(plan, stamp=STAMP, calendar_name="DUA Sjuhärad"))
    follow_ups = [e for e in parsed if "/follow-up/" in str(e["UID"])]
    assert [e["DTSTART"].dt.month for e in follow_ups] == [1, 3, 5, 7, 9, 11]
    revision = next(e for e in parsed if "/revision/" in str(e["UID"]))
    assert revision["DTSTART"].dt == date(2021, 10, 1)
    assert str(revision["UID"]) == "sjuharad-2020/revision/revision_plan/20211001@dua-samverkan"
    assert str(revision["STATUS"]) == "TENTATIVE"  # a month, not a day
    assert "oktober" in str(revision["DESCRIPTION"])
    assert "revideringen ska ske årligen i oktober" in str(revision["DESCRIPTION"])


def test_status_follows_the_basis() -> None:
    hallefors = examples.load("hallefors-2015")
    plan = schedule(
        hallefors, date(2016, 1, 1), date(2016, 12, 31), plan_starts=[date(2016, 1, 15)]
    )
    statuses = {
        event["DTSTART"].dt: str(event["STATUS"])
        for event in events(to_ical(plan, stamp=STAMP, calendar_name="x"))
    }
    assert statuses == {date(2016, 4, 15): "CONFIRMED", date(2016, 10, 1): "TENTATIVE"}


def test_uids_are_stable_across_exports() -> None:
    plan = schedule(examples.load("ggv-2016"), date(2016, 1, 1), date(2016, 6, 30))
    first = to_ical(plan, stamp=STAMP, calendar_name="a")
    later = to_ical(plan, stamp=STAMP + timedelta(days=30), calendar_name="a")
    assert [e["UID"] for e in events(first)] == [e["UID"] for e in events(later)]
    assert first != later  # only DTSTAMP differs
    assert first.replace("20240502T123000Z", "20240601T123000Z") == later


def test_calendar_name_and_description() -> None:
    plan = schedule(examples.load("sjuharad-2020"), date(2021, 1, 1), date(2021, 3, 31))
    name = "DUA Sjuhärad; uppföljning, 2021\\vår"
    calendar = parse(to_ical(plan, stamp=STAMP, calendar_name=name))
    assert decoded(calendar["NAME"]) == name
    assert decoded(calendar["X-WR-CALNAME"]) == name
    description = decoded(calendar["X-WR-CALDESC"])
    assert "gruppen är planerad" in description  # Mark's planned groups, listed without dates
    assert "tills vidare" in description


def test_english() -> None:
    plan = schedule(examples.load("ggv-2016"), date(2016, 1, 1), date(2016, 1, 31))
    parsed = events(to_ical(plan, stamp=STAMP, calendar_name="DUA", lang="en"))
    assert {str(e["SUMMARY"]) for e in parsed} >= {
        "Follow-up of the agreement – Styrgruppen för DUA-överenskommelsen",
        "Statistics update – Arbetsgruppen",
    }
    assert {str(e["CATEGORIES"].cats[1]) for e in parsed} >= {"follow-up", "statistics update"}


def test_empty_schedule() -> None:
    plan = schedule(examples.load("hallefors-2015"), date(2019, 1, 1), date(2019, 12, 31))
    text = to_ical(plan, stamp=STAMP, calendar_name="DUA")
    assert_well_formed(text)
    assert events(text) == []


def test_naive_stamp_is_refused() -> None:
    plan = schedule(examples.load("ggv-2016"), date(2016, 1, 1), date(2016, 1, 31))
    with pytest.raises(ValueError, match="timezone-aware"):
        to_ical(plan, stamp=datetime(2024, 1, 1), calendar_name="DUA")


# --- Folding and escaping ---------------------------------------------------------------------


def one_event(title: str, detail: str = "", item: str = "grupp") -> Schedule:
    occurrence = Occurrence(
        on=date(2016, 3, 1),
        kind=OccurrenceKind.MEETING,
        item=item,
        basis=DateBasis.PLANNED,
        title_sv=title,
        title_en=title,
        detail_sv=detail,
        detail_en=detail,
    )
    return Schedule(
        agreement_id="hällefors-2015",
        agreement_title="Lokal överenskommelse, Hällefors",
        start=date(2016, 1, 1),
        end=date(2016, 12, 31),
        window=None,
        occurrences=(occurrence,),
    )


SWEDISH = (
    "Möte i styrgruppen; Hällefors kommun, Arbetsförmedlingen\\AME och Slussen – "
    "uppföljning av handlingsplaner, ”SMART'a mål” och ungas åsikter om övergången "
    "från gymnasiet till arbete, särskilt för unga kvinnor och män 16–24 år 😀"
)


@pytest.mark.parametrize(
    "title",
    [
        SWEDISH,
        "å" * 100,  # two octets each: a fold never splits one
        "a" * 74 + "ö" * 3,  # the fold falls right before a two-octet character
        "€" * 60,  # three octets each
        "😀" * 40,  # four octets each
        "a;b,c\\d",
        "rad ett\nrad två\r\nrad tre",
    ],
)
def test_folding_and_escaping_round_trip(title: str) -> None:
    text = to_ical(one_event(title, title), stamp=STAMP, calendar_name=title)
    assert_well_formed(text)
    (event,) = events(text)
    expected = title.replace("\r\n", "\n")
    assert str(event["SUMMARY"]) == expected
    assert str(event["DESCRIPTION"]).startswith(expected + "\n")


def test_escaped_text_on_the_wire() -> None:
    text = to_ical(one_event("a;b,c\\d\ne"), stamp=STAMP, calendar_name="x")
    assert "SUMMARY:a\\;b\\,c\\\\d\\ne\r\n" in text


def test_control_characters_are_not_written() -> None:
    text = to_ical(one_event("a\x00b\x07c\td"), stamp=STAMP, calendar_name="x")
    (event,) = events(text)
    assert str(event["SUMMARY"]) == "a b c\td"


def test_uid_is_ascii_and_encodes_swedish_ids() -> None:
    plan = one_event("Möte", item="borås-vård")
    (event,) = events(to_ical(plan, stamp=STAMP, calendar_name="x"))
    uid = str(event["UID"])
    assert uid == "h%C3%A4llefors-2015/meeting/bor%C3%A5s-v%C3%A5rd/20160301@dua-samverkan"
    assert uid.isascii()


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n;,\\"),
    min_size=1,
    max_size=200,
)


@given(title=_TEXT, detail=_TEXT)
def test_any_text_round_trips(title: str, detail: str) -> None:
    text = to_ical(one_event(title, detail), stamp=STAMP, calendar_name=title)
    assert_well_formed(text)
    (event,) = events(text)
    assert str(event["SUMMARY"]) == title
    assert str(event["DESCRIPTION"]).startswith(detail + "\n")


def _ranges() -> st.SearchStrategy[tuple[date, date]]:
    return st.tuples(
        st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31)),
        st.integers(min_value=0, max_value=2 * 366),
    ).map(lambda pair: (pair[0], pair[0] + timedelta(days=pair[1])))


@given(
    agreement=st.sampled_from(list(examples.load_all().values())) | agreements(),
    span=_ranges(),
)
def test_any_schedule_parses_back(agreement: Agreement, span: tuple[date, date]) -> None:
    plan = schedule(agreement, *span)
    text = to_ical(plan, stamp=STAMP, calendar_name=agreement.title)
    assert_well_formed(text)
    parsed = events(text)
    assert [e["DTSTART"].dt for e in parsed] == [o.on for o in plan]
    uids = {str(e["UID"]) for e in parsed}
    assert len(uids) == len(plan)


# --- Writing files -----------------------------------------------------------------------------


def test_write_ical(tmp_path: Path) -> None:
    plan = schedule(examples.load("ggv-2016"), date(2016, 1, 1), date(2016, 12, 31))
    target = tmp_path / "ggv.ics"
    target.write_text("old", encoding="utf-8")
    write_ical(plan, target, stamp=STAMP, calendar_name="DUA GGV")
    expected = to_ical(plan, stamp=STAMP, calendar_name="DUA GGV").encode("utf-8")
    assert target.read_bytes() == expected  # CRLF kept, UTF-8, the old file replaced
    assert [p.name for p in tmp_path.iterdir()] == ["ggv.ics"]  # no temporary file left


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_write_ical_to_a_missing_directory(tmp_path: Path) -> None:
    plan = schedule(examples.load("ggv-2016"), date(2016, 1, 1), date(2016, 1, 31))
    target = tmp_path / "saknas" / "ggv.ics"
    with pytest.raises(FileFormatError, match="cannot write"):
        write_ical(plan, target, stamp=STAMP, calendar_name="DUA")


def test_write_ical_leaves_the_old_file_when_it_fails(tmp_path: Path) -> None:
    plan = schedule(examples.load("ggv-2016"), date(2016, 1, 1), date(2016, 1, 31))
    target = tmp_path / "ggv.ics"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(ValueError, match="timezone-aware"):
        write_ical(plan, target, stamp=datetime(2024, 1, 1), calendar_name="DUA")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["ggv.ics"]
