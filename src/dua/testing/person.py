"""Strategies for `dua.model.person`: school documents, enrolments, registrations, track
participations, outcomes, months of social assistance and persons under a pseudonym."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from dua.model import (
    EducationLevel,
    Enrolment,
    EnrolmentKind,
    Outcome,
    OutcomeEvent,
    Person,
    Qualification,
    QualificationKind,
    Registration,
    ResidenceStatus,
    Sex,
    SocialAssistanceMonth,
    TrackParticipation,
)
from dua.testing._base import (
    _CODE,
    _EARLIEST,
    _FEW,
    _IDENTIFIER,
    _NESTED,
    _OPTIONAL_BOOL,
    _OPTIONAL_TEXT,
    _TEXT,
    Ids,
    _optional,
    dates,
    periods,
)


def qualifications(*, after: date = _EARLIEST) -> st.SearchStrategy[Qualification]:
    """`Qualification`s (school documents) received on or after `after`."""
    return st.builds(
        Qualification, kind=st.sampled_from(QualificationKind), on=dates(min_value=after)
    )


@st.composite
def _enrolments(draw: st.DrawFn, after: date) -> Enrolment:
    period = draw(periods(min_start=after))
    return Enrolment(
        kind=draw(st.sampled_from(EnrolmentKind)),
        start=period.start,
        end=period.end,
        provider=draw(_OPTIONAL_TEXT),
        programme=draw(_OPTIONAL_TEXT),
    )


def enrolments(*, after: date = _EARLIEST) -> st.SearchStrategy[Enrolment]:
    """`Enrolment`s that start on or after `after` and end (if they have) after the start."""
    return _enrolments(after)


_CATEGORIES = st.sampled_from(("11", "14", "69", "70", "98"))
_PROGRAMME_CODES = st.sampled_from(("uga", "job", "etablering")) | _TEXT


@st.composite
def _registrations(draw: st.DrawFn, after: date) -> Registration:
    period = draw(periods(min_start=after))
    category = draw(_optional(_CATEGORIES))
    programme = draw(_PROGRAMME_CODES) if category is None else draw(_optional(_PROGRAMME_CODES))
    return Registration(start=period.start, end=period.end, category=category, programme=programme)


def registrations(*, after: date = _EARLIEST) -> st.SearchStrategy[Registration]:
    """`Registration`s at Arbetsförmedlingen with a category code, a programme or both.

    Category codes are among those the Hällefors seed uses (11, 14, 69) and a few more.
    """
    return _registrations(after)


@st.composite
def _track_participations(draw: st.DrawFn, track_ids: Ids, after: date) -> TrackParticipation:
    period = draw(periods(min_start=after))
    outcome = draw(_optional(st.sampled_from(Outcome)))
    outcome_on = None
    if outcome is not None:
        days = draw(st.integers(min_value=0, max_value=180))
        outcome_on = (period.end or period.start) + timedelta(days=days)
    return TrackParticipation(
        track=draw(_IDENTIFIER if track_ids is None else st.sampled_from(tuple(track_ids))),
        start=period.start,
        end=period.end,
        outcome=outcome,
        outcome_on=outcome_on,
    )


def track_participations(
    *, track_ids: Ids = None, after: date = _EARLIEST
) -> st.SearchStrategy[TrackParticipation]:
    """`TrackParticipation`s; an outcome always comes with its date and vice versa.

    Args:
        track_ids: the ids `track` is drawn from (arbitrary if `None`).
        after: the earliest start.

    Raises:
        ValueError: `track_ids` is empty (a participation always names a track).
    """
    if track_ids is not None and not track_ids:
        raise ValueError("a participation names a track: give at least one track id")
    return _track_participations(track_ids, after)


@st.composite
def _outcome_events(draw: st.DrawFn, after: date) -> OutcomeEvent:
    period = draw(periods(min_start=after))
    return OutcomeEvent(outcome=draw(st.sampled_from(Outcome)), on=period.start, end=period.end)


def outcome_events(*, after: date = _EARLIEST) -> st.SearchStrategy[OutcomeEvent]:
    """`OutcomeEvent`s: a start of work, studies or own business on or after `after`, and
    an end on or after the start once it has ended."""
    return _outcome_events(after)


def social_assistance_months(
    *, min_year: int = 1990, max_year: int = 2040
) -> st.SearchStrategy[SocialAssistanceMonth]:
    """`SocialAssistanceMonth`s: a year from `min_year` to `max_year` and a month 1–12."""
    return st.builds(
        SocialAssistanceMonth,
        year=st.integers(min_value=min_year, max_value=max_year),
        month=st.integers(min_value=1, max_value=12),
    )


def _month_key(month: SocialAssistanceMonth) -> tuple[int, int]:
    return (month.year, month.month)


_PSEUDONYM = st.text("0123456789abcdef", min_size=16, max_size=16)


@st.composite
def _persons(draw: st.DrawFn, key: str | None, track_ids: Ids) -> Person:
    born = draw(dates(min_value=date(1960, 1, 1), max_value=date(2020, 12, 31)))
    months = draw(
        st.lists(social_assistance_months(min_year=born.year), max_size=_FEW, unique_by=_month_key)
    )
    participations: list[TrackParticipation] = []
    if track_ids is None or track_ids:
        participations = draw(st.lists(_track_participations(track_ids, born), max_size=_NESTED))
    return Person(
        key=draw(_PSEUDONYM) if key is None else key,
        birth_date=born,
        sex=draw(_optional(st.sampled_from(Sex))),
        home_municipality=draw(_optional(_CODE)),
        residence=draw(_optional(st.sampled_from(ResidenceStatus))),
        registered_in_sweden=draw(_optional(dates(min_value=born))),
        education=draw(_optional(st.sampled_from(EducationLevel))),
        qualifications=tuple(draw(st.lists(qualifications(after=born), max_size=_NESTED))),
        enrolments=tuple(draw(st.lists(_enrolments(born), max_size=_NESTED))),
        registrations=tuple(draw(st.lists(_registrations(born), max_size=_NESTED))),
        tracks=tuple(participations),
        outcomes=tuple(draw(st.lists(outcome_events(after=born), max_size=_NESTED))),
        social_assistance=tuple(sorted(months, key=_month_key)),
        foreign_born=draw(_OPTIONAL_BOOL),
        disability=draw(_OPTIONAL_BOOL),
        newly_arrived=draw(_OPTIONAL_BOOL),
    )


def persons(*, key: str | None = None, track_ids: Ids = None) -> st.SearchStrategy[Person]:
    """`Person`s under a pseudonymous key (never a personal identity number).

    Dated histories (enrolments, registrations, tracks, outcomes, months of social
    assistance) start no earlier than the birth date.

    Args:
        key: the person's key (a 16-digit hexadecimal pseudonym is drawn if `None`).
        track_ids: the ids track participations name (arbitrary if `None`; none if empty).
    """
    return _persons(key, track_ids)
