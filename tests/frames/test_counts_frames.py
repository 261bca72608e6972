"""Follow-up events and meetings counted on the engine equal the object counts, on every
backend (issue 9, part 3: "follow-up observations and events: computed from frames on the
engine").

`dua.frames.event_counts` and `dua.frames.meeting_counts` against
`dua.metrics.observations.count_events` and `count_meetings`, the functions the COUNT,
MILESTONES and CADENCE goals count with. One frame per Hypothesis example; the slow lazy
engines (DuckDB, Dask, sqlframe) get two examples, the others five.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dua import frames
from dua.errors import FrameError
from dua.metrics.observations import Event, Meeting, count_events, count_meetings
from tests.frames.backends import rows
from tests.frames.results_backends import BACKENDS, SLOW, native, table

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")

KINDS = ("traineejobb", "spår-startat")
UNITS = (None, "1863", "1885")
QUALIFIERS = (None, "kvinnor", "unga")
BODIES = ("styrgrupp", "beredningsgrupp")
TOPICS = ("möten", "budget", "traineejobb")

days = st.dates(min_value=date(2015, 12, 1), max_value=date(2017, 2, 1))

events = st.lists(
    st.builds(
        Event,
        kind=st.sampled_from(KINDS),
        on=days,
        unit=st.sampled_from(UNITS),
        qualifier=st.sampled_from(QUALIFIERS),
    ),
    max_size=12,
)
meetings = st.lists(
    st.builds(
        Meeting,
        body=st.sampled_from(BODIES),
        on=days,
        topics=st.lists(st.sampled_from(TOPICS), max_size=3, unique=True),
    ),
    max_size=12,
)
# How a register writes the topics: "a; b", "a;b" or " a ;b ", the reader trims each item.
separators = st.sampled_from(["; ", ";", " ; "])


def examples(backend: str) -> Any:
    return settings(
        max_examples=2 if backend in SLOW else 5,
        suppress_health_check=[HealthCheck.too_slow],
    )


def events_table(rows_: list[Event]) -> pa.Table:
    return table(
        {
            "kind": (pa.string(), [e.kind for e in rows_]),
            "date": (pa.date32(), [e.on for e in rows_]),
            "unit": (pa.string(), [e.unit for e in rows_]),
            "qualifier": (pa.string(), [e.qualifier for e in rows_]),
        }
    )


def meetings_table(rows_: list[Meeting], separator: str) -> pa.Table:
    return table(
        {
            "organ": (pa.string(), [m.body for m in rows_]),  # the Swedish header
            "datum": (pa.date32(), [m.on for m in rows_]),
            "ämnen": (pa.string(), [separator.join(m.topics) or None for m in rows_]),
        }
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_event_counts_equal_count_events(backend: str) -> None:
    """Every (kind, unit, qualifier) row is the object count; summed over qualifiers it is
    the count without a qualifier, summed over units the whole agreement's."""

    @examples(backend)
    @given(records=events, start=days, on=days, end=st.none() | days)
    def check(records: list[Event], start: date, on: date, end: date | None) -> None:
        frame = native(events_table(records), backend)
        out = rows(frames.event_counts(frame, start=start, on=on, end=end), key="kind")
        last = on if end is None else min(on, end)
        counted = {(r["kind"], r["unit"], r["qualifier"]): r["count"] for r in out}
        assert all(count > 0 for count in counted.values())
        for kind in KINDS:
            whole = count_events(records, kind=kind, start=start, last=last)
            assert sum(n for (k, _, _), n in counted.items() if k == kind) == whole
            for unit in UNITS:
                for qualifier in QUALIFIERS:
                    expected = sum(
                        1
                        for e in records
                        if e.unit == unit and e.qualifier == qualifier and e.kind == kind
                        and start <= e.on <= last
                    )  # fmt: skip
                    assert counted.get((kind, unit, qualifier), 0) == expected
                if unit is not None:
                    any_qualifier = count_events(
                        records, kind=kind, start=start, last=last, units=(unit,)
                    )
                    assert (
                        sum(n for (k, u, _), n in counted.items() if (k, u) == (kind, unit))
                        == any_qualifier
                    )
                    for qualifier in QUALIFIERS[1:]:
                        assert counted.get((kind, unit, qualifier), 0) == count_events(
                            records,
                            kind=kind,
                            start=start,
                            last=last,
                            units=(unit,),
                            qualifier=qualifier,
                        )

    check()


@pytest.mark.parametrize("backend", BACKENDS)
def test_meeting_counts_equal_count_meetings(backend: str) -> None:
    """Per body the object count, with and without an indicator to match the topics."""

    @examples(backend)
    @given(
        records=meetings,
        separator=separators,
        start=days,
        on=days,
        end=st.none() | days,
        indicator=st.none() | st.sampled_from(TOPICS),
    )
    def check(
        records: list[Meeting],
        separator: str,
        start: date,
        on: date,
        end: date | None,
        indicator: str | None,
    ) -> None:
        frame = native(meetings_table(records, separator), backend)
        out = frames.meeting_counts(frame, start=start, on=on, end=end, indicator=indicator)
        counted = {r["body"]: r["count"] for r in rows(out, key="body")}
        last = on if end is None else min(on, end)
        for body in BODIES:
            expected = count_meetings(
                records, bodies={body}, start=start, last=last, indicator=indicator
            )
            assert counted.get(body, 0) == expected

    check()


def test_a_missing_date_is_named() -> None:
    """Issue 9 "Done when": a missing column gives a one-line message naming it."""
    frame = native(table({"kind": (pa.string(), ["traineejobb"])}), "polars")
    with pytest.raises(FrameError, match="date"):
        frames.event_counts(frame, start=date(2016, 1, 1), on=date(2016, 12, 31))


def test_goal_counts_use_the_same_function() -> None:
    """The COUNT goal's count and the frame count agree on the worked example of the
    module `dua.frames.counts` (two traineejobb in 1863, one in 1885, in 2016)."""
    records = [
        Event(kind="traineejobb", on=date(2016, m, 1), unit=u)
        for m, u in ((2, "1863"), (5, "1863"), (9, "1885"))
    ]
    frame = native(events_table(records), "polars")
    out = frames.event_counts(frame, start=date(2016, 1, 1), on=date(2016, 6, 30))
    assert rows(out, key="unit") == [
        {"kind": "traineejobb", "unit": "1863", "qualifier": None, "count": 2}
    ]
    assert (
        count_events(records, kind="traineejobb", start=date(2016, 1, 1), last=date(2016, 6, 30))
        == 2
    )
