"""Persons for the frame tests, and the same persons as the long tables registers export.

The strategies draw persons with `dua.testing`'s history strategies and, beside them,
persons whose dates sit on the edges the rules turn on: birthdays around the age limits
(including 29 February births), the end of compulsory schooling, enrolments and documents
that start or end on the day asked about (issue 9, part 2: "dates across every law
version and the leap-day and birthday edges").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import attrs
import pyarrow as pa
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from dua import testing
from dua.model import (
    EducationLevel,
    Enrolment,
    EnrolmentKind,
    OutcomeEvent,
    Person,
    Qualification,
    QualificationKind,
    Registration,
    ResidenceStatus,
    SocialAssistanceMonth,
    TrackParticipation,
)
from dua.model import Outcome as OutcomeKind

LEAP_BIRTHS = tuple(date(year, 2, 29) for year in range(1988, 2016, 4))

# Dates the laws and the calendar turn on: KAA versions (2018-07-01, 2023-07-02), the
# traineejobb versions (2015-08-01, 2016-06-01, the last day 2017-12-31) and utbildningskontrakt
# (2015-08-03 to 2019-12-31), leap days and the days around them, the end of
# the spring term.
EDGE_DATES = (
    date(2015, 1, 1),
    date(2015, 7, 31),
    date(2015, 8, 1),
    date(2015, 8, 2),
    date(2015, 8, 3),
    date(2016, 2, 28),
    date(2016, 2, 29),
    date(2016, 3, 1),
    date(2016, 5, 31),
    date(2016, 6, 1),
    date(2017, 2, 28),
    date(2017, 3, 1),
    date(2017, 6, 30),
    date(2017, 7, 1),
    date(2017, 12, 31),
    date(2018, 1, 1),
    date(2018, 6, 30),
    date(2018, 7, 1),
    date(2019, 12, 31),
    date(2020, 1, 1),
    date(2020, 2, 29),
    date(2023, 2, 28),
    date(2023, 3, 1),
    date(2023, 7, 1),
    date(2023, 7, 2),
    date(2024, 2, 29),
)


def dates_between(first: date, last: date) -> st.SearchStrategy[date]:
    """A date in `first`–`last`: an edge date in the range, or any day."""
    edges = [day for day in EDGE_DATES if first <= day <= last]
    return st.sampled_from(edges) | st.dates(min_value=first, max_value=last)


def _near(day: date, spread: int = 3) -> st.SearchStrategy[date]:
    return st.integers(min_value=-spread, max_value=spread).map(lambda n: day + timedelta(days=n))


@st.composite
def _birth_dates(draw: st.DrawFn, on: date) -> date:
    # Around a birthday that matters (16, 20, 25 and the others nearby), or a leap-day birth.
    if draw(st.integers(min_value=0, max_value=5)) == 0:
        return draw(st.sampled_from(LEAP_BIRTHS))
    years = draw(st.integers(min_value=10, max_value=27))
    return draw(_near(on - relativedelta(years=years)))


@st.composite
def edge_persons(draw: st.DrawFn, on: date) -> Person:
    """A person whose birthday, arrival, enrolments and documents sit near `on`'s edges."""
    born = draw(_birth_dates(on))
    end_of_school = date(born.year + 16, 6, 30)
    registered = draw(st.none() | _near(end_of_school) | _near(on) | _near(born, 400))
    day = st.one_of(_near(on), _near(on, 900))
    qualifications = draw(
        st.lists(
            st.builds(Qualification, kind=st.sampled_from(QualificationKind), on=day),
            max_size=2,
        )
    )
    enrolments = []
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        start = draw(day)
        end = draw(
            st.none()
            | st.integers(min_value=0, max_value=900).map(lambda n, s=start: s + timedelta(days=n))
        )
        enrolments.append(
            Enrolment(kind=draw(st.sampled_from(EnrolmentKind)), start=start, end=end)
        )
    registrations = []
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        start = draw(day)
        end = draw(
            st.none()
            | st.integers(min_value=0, max_value=900).map(lambda n, s=start: s + timedelta(days=n))
        )
        programme = draw(
            st.sampled_from(("etableringsprogrammet", "etableringsuppdraget", "uga", "job"))
            | st.none()
        )
        category = draw(st.sampled_from(("11", "14", "69")) if programme is None else st.none())
        registrations.append(
            Registration(start=start, end=end, programme=programme, category=category)
        )
    if draw(st.integers(min_value=0, max_value=3)) == 0:
        # A pupil still in compulsory school after 16 (skollagen 7 kap. 10, 12 §§), who may
        # have arrived in Sweden after the 30 June of the year they turned 16, in any
        # month around it: KAA's compulsory-school criterion turns on that day, and the
        # persons above rarely reach it.
        born = draw(_near(on - relativedelta(years=draw(st.integers(16, 19))), 200))
        end_of_school = date(born.year + 16, 6, 30)
        registered = draw(st.none() | _near(end_of_school, 200))
        start = draw(_near(on, 400).filter(lambda day: day <= on))
        enrolments.append(Enrolment(kind=EnrolmentKind.COMPULSORY, start=start, end=None))
    return Person(
        key="k",
        birth_date=born,
        home_municipality=draw(st.none() | st.sampled_from(("1863", "0580", "2480"))),
        residence=draw(st.none() | st.sampled_from(ResidenceStatus)),
        registered_in_sweden=registered if registered is None or registered >= born else None,
        education=draw(st.none() | st.sampled_from(EducationLevel)),
        qualifications=qualifications,
        enrolments=enrolments,
        registrations=registrations,
        newly_arrived=draw(st.none() | st.booleans()),
    )  # fmt: skip


def person_lists(on: date, max_size: int = 30) -> st.SearchStrategy[list[Person]]:
    """Lists of persons for one frame: edge persons around `on`, and persons from
    `dua.testing.persons()`; each gets a unique key `p0`, `p1`, …"""
    one = edge_persons(on) | testing.persons()
    return st.lists(one, min_size=1, max_size=max_size).map(
        lambda persons: [attrs.evolve(person, key=f"p{i}") for i, person in enumerate(persons)]
    )


# -- the long tables --------------------------------------------------------------------

SPELLINGS = ("value", "name", "label")
"""How categorical values are written: the Swedish term, the enum name, the English label."""


def spell(member: Any, how: str) -> str | None:
    """`member` written the way `how` says (`None` stays `None`)."""
    if member is None:
        return None
    if how == "name":
        return str(member.name)
    if how == "label":
        return str(member.label_en).upper()
    return str(member.value)


def persons_table(persons: Sequence[Person], how: str = "value") -> pa.Table:
    """One row per person, with the model's column names."""
    return pa.table(
        {
            "key": [p.key for p in persons],
            "birth_date": [p.birth_date for p in persons],
            "home_municipality": pa.array([p.home_municipality for p in persons], pa.string()),
            "residence": pa.array([spell(p.residence, how) for p in persons], pa.string()),
            "registered_in_sweden": pa.array(
                [p.registered_in_sweden for p in persons], pa.date32()
            ),
            "education": pa.array([spell(p.education, how) for p in persons], pa.string()),
            "newly_arrived": pa.array([p.newly_arrived for p in persons], pa.bool_()),
        }
    )


def enrolments_table(persons: Sequence[Person], how: str = "value") -> pa.Table:
    """One row per enrolment."""
    rows = [(p.key, e) for p in persons for e in p.enrolments]
    return pa.table(
        {
            "key": pa.array([key for key, _ in rows], pa.string()),
            "kind": pa.array([spell(e.kind, how) for _, e in rows], pa.string()),
            "start": pa.array([e.start for _, e in rows], pa.date32()),
            "end": pa.array([e.end for _, e in rows], pa.date32()),
        }
    )


def qualifications_table(persons: Sequence[Person], how: str = "value") -> pa.Table:
    """One row per school document; the date column under its Swedish header `datum`
    (sqlframe cannot read a table with a column called `on`, an SQL keyword)."""
    rows = [(p.key, q) for p in persons for q in p.qualifications]
    return pa.table(
        {
            "key": pa.array([key for key, _ in rows], pa.string()),
            "kind": pa.array([spell(q.kind, how) for _, q in rows], pa.string()),
            "datum": pa.array([q.on for _, q in rows], pa.date32()),
        }
    )


def registrations_table(persons: Sequence[Person]) -> pa.Table:
    """One row per registration at Arbetsförmedlingen."""
    rows: list[tuple[str, Registration]] = [(p.key, r) for p in persons for r in p.registrations]
    return pa.table(
        {
            "key": pa.array([key for key, _ in rows], pa.string()),
            "start": pa.array([r.start for _, r in rows], pa.date32()),
            "end": pa.array([r.end for _, r in rows], pa.date32()),
            "category": pa.array([r.category for _, r in rows], pa.string()),
            "programme": pa.array([r.programme for _, r in rows], pa.string()),
        }
    )


def social_assistance_table(persons: Sequence[Person]) -> pa.Table:
    """One row per month with social assistance."""
    rows: list[tuple[str, SocialAssistanceMonth]] = [
        (p.key, m) for p in persons for m in p.social_assistance
    ]
    return pa.table(
        {
            "key": pa.array([key for key, _ in rows], pa.string()),
            "year": pa.array([m.year for _, m in rows], pa.int64()),
            "month": pa.array([m.month for _, m in rows], pa.int64()),
        }
    )


def tracks_table(
    participations: Sequence[tuple[str, TrackParticipation]], how: str = "value"
) -> pa.Table:
    """One row per participation, numbered in `row`."""
    return pa.table(
        {
            "row": pa.array(list(range(len(participations))), pa.int64()),
            "key": pa.array([key for key, _ in participations], pa.string()),
            "track": pa.array([t.track for _, t in participations], pa.string()),
            "start": pa.array([t.start for _, t in participations], pa.date32()),
            "end": pa.array([t.end for _, t in participations], pa.date32()),
            "outcome": pa.array([spell(t.outcome, how) for _, t in participations], pa.string()),
            "outcome_on": pa.array([t.outcome_on for _, t in participations], pa.date32()),
        }
    )


def outcomes_table(persons: Sequence[Person], how: str = "value") -> pa.Table:
    """One row per start of work, studies or own business; the date under `datum`."""
    rows: list[tuple[str, OutcomeEvent]] = [(p.key, e) for p in persons for e in p.outcomes]
    return pa.table(
        {
            "key": pa.array([key for key, _ in rows], pa.string()),
            "outcome": pa.array([spell(e.outcome, how) for _, e in rows], pa.string()),
            "datum": pa.array([e.on for _, e in rows], pa.date32()),
            "end": pa.array([e.end for _, e in rows], pa.date32()),
        }
    )


@st.composite
def participants(draw: st.DrawFn, on: date, max_size: int = 12) -> list[Person]:
    """Persons with track participations and outcome events around 90 days after leaving
    (the edges of the 90-day window and of `on`)."""
    persons = []
    for i in range(draw(st.integers(min_value=1, max_value=max_size))):
        start = draw(_near(on, 400))
        left = draw(
            st.none()
            | st.integers(min_value=0, max_value=300).map(lambda n, s=start: s + timedelta(days=n))
        )
        tracks = []
        for _ in range(draw(st.integers(min_value=1, max_value=2))):
            outcome = draw(st.none() | st.sampled_from(OutcomeKind))
            outcome_on = None
            if outcome is not None:
                outcome_on = draw(
                    _near((left or start) + timedelta(days=90), 3) | _near(start, 120)
                )
            tracks.append(
                TrackParticipation(
                    track="spår", start=start, end=left, outcome=outcome, outcome_on=outcome_on
                )
            )
        base = left or start
        events = [
            OutcomeEvent(
                outcome=draw(st.sampled_from(OutcomeKind)),
                on=draw(_near(base + timedelta(days=90), 2) | _near(base, 100) | _near(on, 2)),
            )
            for _ in range(draw(st.integers(min_value=0, max_value=3)))
        ]
        persons.append(
            Person(key=f"p{i}", birth_date=date(1995, 1, 1), tracks=tracks, outcomes=events)
        )
    return persons  # fmt: skip


@st.composite
def assisted(draw: st.DrawFn, year: int, max_size: int = 20) -> list[Person]:
    """Persons with months of social assistance around `year` (repeats allowed)."""
    persons = []
    for i in range(draw(st.integers(min_value=1, max_value=max_size))):
        months = draw(
            st.lists(
                st.builds(
                    SocialAssistanceMonth,
                    year=st.sampled_from((year - 1, year, year, year, year + 1)),
                    month=st.integers(min_value=1, max_value=12),
                ),
                max_size=14,
            )
        )
        persons.append(Person(key=f"p{i}", birth_date=date(1990, 1, 1), social_assistance=months))
    return persons
