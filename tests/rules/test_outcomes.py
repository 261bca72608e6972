"""Outcome at 90 days and status on day 90 (dua.rules.outcomes).

Source: Norrköping, Bilaga 1, 2018-02-26: "Andelen deltagare som gått vidare till arbete,
studier eller startat eget företag (status senast inom 90 dagar) ska uppgå till 60 procent"
and "(status efter 90 dagar)". Day 90 is included: a start on end + 90 days counts.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua.model import Outcome, OutcomeEvent, Person, Registration, TrackParticipation
from dua.rules import Decision
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
    # Norrköping 2018 (within 90 days of leaving): while the window runs, the result
    # already names its last day, day 90 after leaving; before leaving there is none.
    result = outcome_within_90_days(person(), TRACK, on=on).value
    assert result.status is status
    assert result.day_90 == (None if status is OutcomeStatus.NOT_LEFT else END + 90 * D)


@pytest.mark.parametrize(
    ("start_day", "status"),
    [
        (-1, OutcomeStatus.NEGATIVE),  # the day before the track began: not its outcome
        (0, OutcomeStatus.POSITIVE),  # the day the track began counts
        (1, OutcomeStatus.POSITIVE),
    ],
)
def test_an_outcome_counts_from_the_first_day_of_the_track(
    start_day: int, status: OutcomeStatus
) -> None:
    # Norrköping 2018: an outcome of the participation is one started from its first day
    # (a job found during the track is the reason for leaving) to day 90 after leaving.
    p = person(OutcomeEvent(outcome=Outcome.WORK, on=START + start_day * D))
    decision = outcome_within_90_days(p, TRACK, on=LATER)
    assert decision.value.status is status
    started = START + start_day * D if status is OutcomeStatus.POSITIVE else None
    assert decision.value.started == started


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
    # Day 90 is the window of the Norrköping seed; the criterion cites it, pending or not.
    assert [c.reference.id if c.reference else None for c in decision.criteria] == [
        "tg-seed-003-90-dagar"
    ]


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


# --- The decisions' reasons (issue 8, mutation testing) -----------------------------------
# Mutants that renamed a criterion, flipped a criterion's outcome or dropped the subject
# survived, because the tests above read only the status.


@pytest.mark.parametrize(
    ("events", "on", "status", "window_holds"),
    [
        (
            (OutcomeEvent(outcome=Outcome.WORK, on=END + 90 * D),),
            LATER,
            OutcomeStatus.POSITIVE,
            True,
        ),
        ((), LATER, OutcomeStatus.NEGATIVE, False),
        ((), END + 89 * D, OutcomeStatus.PENDING, None),  # the window is still open: undecided
    ],
)
def test_the_criteria_of_the_outcome_within_90_days(
    events: tuple[OutcomeEvent, ...], on: date, status: OutcomeStatus, window_holds: bool | None
) -> None:
    decision = outcome_within_90_days(person(*events), TRACK, on=on)
    assert (decision.rule, decision.subject, decision.on) == ("outcome_within_90_days", "d", on)
    assert decision.version.id == "outcome-within-90-days"
    assert decision.value.status is status
    left, window = decision.criteria
    assert (left.name, left.holds) == ("left", True)
    assert (window.name, window.holds) == ("started_within_window", window_holds)
    assert window.reference is not None
    assert "Norrköping" in window.reference.citation


@pytest.mark.parametrize(
    ("measure", "rule", "version"),
    [
        (outcome_within_90_days, "outcome_within_90_days", "outcome-within-90-days"),
        (status_on_day_90, "outcome_status_day_90", "outcome-status-day-90"),
    ],
)
def test_not_left_is_a_failed_criterion(
    measure: Callable[..., Decision], rule: str, version: str
) -> None:
    # Until the participant has left, neither measure can hold, and the reason says so.
    decision = measure(person(), TrackParticipation(track="vård", start=START), on=LATER)
    assert not decision
    assert (decision.rule, decision.subject, decision.on) == (rule, "d", LATER)
    assert decision.version.id == version
    assert decision.value.status is OutcomeStatus.NOT_LEFT
    assert decision.value.day_90 is None
    [left] = decision.criteria
    assert (left.name, left.holds) == ("left", False)
    assert left.reference is not None
    assert "Norrköping" in left.reference.citation


def test_the_earliest_start_in_the_window_decides_the_outcome_within_90_days() -> None:
    # "status senast inom 90 dagar": the start that makes the result positive is the first
    # one; on a tie the outcomes are ordered by name so that the result is the same for any
    # order of the records.
    p = person(
        OutcomeEvent(outcome=Outcome.WORK, on=END + 30 * D),
        OutcomeEvent(outcome=Outcome.STUDIES, on=END + 20 * D),
        OutcomeEvent(outcome=Outcome.OWN_BUSINESS, on=END + 20 * D),
    )
    result = outcome_within_90_days(p, TRACK, on=LATER).value
    expected = min([Outcome.STUDIES, Outcome.OWN_BUSINESS], key=lambda o: o.value)
    assert (result.outcome, result.started, result.day_90) == (expected, END + 20 * D, END + 90 * D)


@pytest.mark.parametrize(
    ("registrations", "on", "status", "holds"),
    [
        ((), END + 90 * D, OutcomeStatus.POSITIVE, True),
        ((OPEN,), END + 90 * D, OutcomeStatus.NEGATIVE, False),
        # a registration in another category than the open-unemployment code "11" is not
        # open unemployment: the job still counts
        ((Registration(start=END + 60 * D, category="68"),), LATER, OutcomeStatus.POSITIVE, True),
        # open unemployment that ended before day 90 does not count either
        (
            (Registration(start=END + 60 * D, end=END + 89 * D, category="11"),),
            LATER,
            OutcomeStatus.POSITIVE,
            True,
        ),
    ],
)
def test_the_criterion_of_the_status_on_day_90(
    registrations: tuple[Registration, ...], on: date, status: OutcomeStatus, holds: bool
) -> None:
    job = OutcomeEvent(outcome=Outcome.WORK, on=END + 10 * D)
    decision = status_on_day_90(person(job, registrations=registrations), TRACK, on=on)
    assert (decision.rule, decision.subject, decision.on) == ("outcome_status_day_90", "d", on)
    assert decision.version.id == "outcome-status-day-90"
    assert (decision.value.status, decision.value.day_90) == (status, END + 90 * D)
    assert bool(decision) is holds
    [criterion] = decision.criteria
    assert (criterion.name, criterion.holds) == ("status_day_90", holds)
    if holds:
        assert (decision.value.outcome, decision.value.started) == (Outcome.WORK, END + 10 * D)


def test_the_status_on_day_90_is_pending_with_an_open_criterion() -> None:
    decision = status_on_day_90(person(), TRACK, on=END + 89 * D)
    assert decision.value == decision.value.__class__(
        status=OutcomeStatus.PENDING, day_90=END + 90 * D
    )
    [criterion] = decision.criteria
    assert (criterion.name, criterion.holds) == ("day_90_reached", None)
    assert criterion.explanation_en == "Day 90 (2018-11-29) has not come by 2018-11-28"


def test_the_open_unemployment_codes_can_be_given() -> None:
    # `open_codes`: a municipality that also counts category 68 as unemployment.
    p = person(
        OutcomeEvent(outcome=Outcome.WORK, on=END + 10 * D),
        registrations=(Registration(start=END + 60 * D, category="68"),),
    )
    assert status_on_day_90(p, TRACK, on=LATER)
    assert not status_on_day_90(p, TRACK, on=LATER, open_codes={"68"})


def test_why_the_status_on_day_90_is_negative() -> None:
    # The explanation tells open unemployment apart from no known start.
    job = OutcomeEvent(outcome=Outcome.WORK, on=END + 10 * D)
    unemployed = status_on_day_90(person(job, registrations=(OPEN,)), TRACK, on=LATER)
    assert unemployed.criteria[0].explanation_en == "Openly unemployed on day 90 (2018-11-29)"
    nothing = status_on_day_90(person(), TRACK, on=LATER)
    assert nothing.criteria[0].explanation_en == (
        "No work, studies or own business known on day 90 (2018-11-29)"
    )
