"""Outcome at 90 days and status on day 90 (dua.rules.outcomes).

Source: Norrköping, Bilaga 1, 2018-02-26: "Andelen deltagare som gått vidare till arbete,
studier eller startat eget företag (status senast inom 90 dagar) ska uppgå till 60 procent"
and "(status efter 90 dagar)". Day 90 is included: a start on end + 90 days counts.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua.model import Outcome, OutcomeEvent, Person, Registration, TrackParticipation
from dua.rules.outcomes import OutcomeStatus, outcome_within_90_days, status_on_day_90

D = timedelta(days=1)
START, END = date(2018, 3, 1), date(2018, 8, 31)
TRACK = TrackParticipation(track="restaurang", start=START, end=END)
LATER = date(2019, 6, 1)


def person(*events: OutcomeEvent, registrations: tuple[Registration, ...] = ()) -> Person:
    return Person(
        key="d", birth_date=date(1990, 1, 1), outcomes=events, registrations=registrations
    )


@pytest.mark.parametrize(
    ("start_day", "status"),
    [
        (89, OutcomeStatus.POSITIVE),
        (90, OutcomeStatus.POSITIVE),  # day 90 is included
        (91, OutcomeStatus.NEGATIVE),
        (0, OutcomeStatus.POSITIVE),  # started on the day of leaving
        (-30, OutcomeStatus.POSITIVE),  # started during the track, the reason for leaving
        (-200, OutcomeStatus.NEGATIVE),  # before the track began: not an outcome of it
    ],
)
def test_within_90_days(start_day: int, status: OutcomeStatus) -> None:
    p = person(OutcomeEvent(outcome=Outcome.WORK, on=END + start_day * D))
    decision = outcome_within_90_days(p, TRACK, on=LATER)
    assert decision.value.status is status
    assert bool(decision) is (status is OutcomeStatus.POSITIVE)
    assert decision.value.day_90 == END + 90 * D


@pytest.mark.parametrize("outcome", [Outcome.WORK, Outcome.STUDIES, Outcome.OWN_BUSINESS])
def test_work_studies_and_own_business_all_count(outcome: Outcome) -> None:
    decision = outcome_within_90_days(
        person(OutcomeEvent(outcome=outcome, on=END + 10 * D)), TRACK, on=LATER
    )
    assert decision.value.outcome is outcome


def test_an_a_kassa_is_no_positive_outcome() -> None:
    # Hällefors' "Havet" leads to work, studies or an A-kassa (issue 11 §2); Norrköping's
    # measure counts only work, studies or an own business.
    a_kassa = OutcomeEvent(outcome=Outcome.UNEMPLOYMENT_INSURANCE, on=END + 10 * D)
    assert not outcome_within_90_days(person(a_kassa), TRACK, on=LATER)
    assert not status_on_day_90(person(a_kassa), TRACK, on=LATER)


def test_the_participations_own_outcome_counts() -> None:
    track = TrackParticipation(
        track="industri", start=START, end=END, outcome=Outcome.STUDIES, outcome_on=END + 5 * D
    )
    assert outcome_within_90_days(person(), track, on=LATER).value.outcome is Outcome.STUDIES


@pytest.mark.parametrize(
    ("on", "status"),
    [
        (END - D, OutcomeStatus.NOT_LEFT),
        (END, OutcomeStatus.PENDING),
        (END + 89 * D, OutcomeStatus.PENDING),
        (END + 90 * D, OutcomeStatus.NEGATIVE),  # day 90 has come and nothing started
    ],
)
def test_pending_until_day_90(on: date, status: OutcomeStatus) -> None:
    assert outcome_within_90_days(person(), TRACK, on=on).value.status is status


def test_not_left_while_the_track_is_open() -> None:
    ongoing = TrackParticipation(track="vård", start=START)
    assert (
        outcome_within_90_days(person(), ongoing, on=LATER).value.status is OutcomeStatus.NOT_LEFT
    )


def test_starts_after_on_are_not_known() -> None:
    p = person(OutcomeEvent(outcome=Outcome.WORK, on=END + 50 * D))
    assert outcome_within_90_days(p, TRACK, on=END + 40 * D).value.status is OutcomeStatus.PENDING


# --- Status on day 90 ----------------------------------------------------------------------

OPEN = Registration(start=END + 60 * D, category="11")


@pytest.mark.parametrize(
    ("events", "registrations", "on", "status"),
    [
        (
            (OutcomeEvent(outcome=Outcome.WORK, on=END + 10 * D),),
            (),
            END + 90 * D,
            OutcomeStatus.POSITIVE,
        ),
        # the job ended: openly unemployed again on day 90
        (
            (OutcomeEvent(outcome=Outcome.WORK, on=END + 10 * D),),
            (OPEN,),
            LATER,
            OutcomeStatus.NEGATIVE,
        ),
        (
            (OutcomeEvent(outcome=Outcome.STUDIES, on=END + 90 * D),),
            (),
            LATER,
            OutcomeStatus.POSITIVE,
        ),
        (
            (OutcomeEvent(outcome=Outcome.STUDIES, on=END + 91 * D),),
            (),
            LATER,
            OutcomeStatus.NEGATIVE,
        ),
        ((), (), END + 89 * D, OutcomeStatus.PENDING),
    ],
)
def test_status_on_day_90(
    events: tuple[OutcomeEvent, ...],
    registrations: tuple[Registration, ...],
    on: date,
    status: OutcomeStatus,
) -> None:
    decision = status_on_day_90(person(*events, registrations=registrations), TRACK, on=on)
    assert decision.value.status is status


def test_status_uses_the_latest_start() -> None:
    p = person(
        OutcomeEvent(outcome=Outcome.STUDIES, on=END + 5 * D),
        OutcomeEvent(outcome=Outcome.WORK, on=END + 40 * D),
    )
    assert status_on_day_90(p, TRACK, on=LATER).value.outcome is Outcome.WORK


events = st.lists(
    st.builds(
        lambda outcome, offset: OutcomeEvent(outcome=outcome, on=END + offset * D),
        st.sampled_from(list(Outcome)),
        st.integers(-300, 300),
    ),
    max_size=6,
)


@given(events, st.integers(-10, 400), st.randoms(use_true_random=False))
def test_positive_means_a_start_by_day_90_in_any_order(
    evs: list[OutcomeEvent], offset: int, rnd: random.Random
) -> None:
    on = END + offset * D
    shuffled = list(evs)
    rnd.shuffle(shuffled)
    decision = outcome_within_90_days(person(*evs), TRACK, on=on)
    assert decision == outcome_within_90_days(person(*shuffled), TRACK, on=on)
    if decision:
        assert START <= decision.value.started <= min(on, END + 90 * D)
    elif decision.value.status is OutcomeStatus.NEGATIVE:
        assert not any(START <= e.on <= END + 90 * D and e.outcome.positive for e in evs)


@pytest.mark.parametrize(
    ("end_day", "status"),
    [
        (89, OutcomeStatus.NEGATIVE),  # the job ended before day 90: no status on day 90
        (90, OutcomeStatus.POSITIVE),  # still employed on day 90 itself
        (None, OutcomeStatus.POSITIVE),  # still employed
    ],
)
def test_status_on_day_90_needs_the_outcome_to_last_to_day_90(
    end_day: int | None, status: OutcomeStatus
) -> None:
    # "status efter 90 dagar" is the situation on day 90, so a job that started on day 10
    # and ended on day 89 leaves no positive status, while the outcome within 90 days
    # (a start by day 90) is positive either way.
    job = OutcomeEvent(
        outcome=Outcome.WORK,
        on=END + 10 * D,
        end=None if end_day is None else END + end_day * D,
    )
    assert status_on_day_90(person(job), TRACK, on=LATER).value.status is status
    assert outcome_within_90_days(person(job), TRACK, on=LATER)
