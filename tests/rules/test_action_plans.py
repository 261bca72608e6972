"""The Slussen follow-up routine (dua.rules.action_plans).

Source: Hällefors, lokal överenskommelse 2015-11-30, Bilaga 1 Slussen, Uppföljning:
"Planerna skrivs på sex månader och följs upp minst en gång efter tre månader."
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua.errors import RuleNotInForce
from dua.rules.action_plans import FollowUpStatus, follow_up, schedule

D = timedelta(days=1)
START = date(2016, 1, 15)
DUE, LAST = date(2016, 4, 15), date(2016, 7, 14)


@pytest.mark.parametrize(
    ("start", "due", "last_day"),
    [
        (date(2016, 1, 15), date(2016, 4, 15), date(2016, 7, 14)),
        (date(2016, 8, 31), date(2016, 11, 30), date(2017, 2, 27)),  # no 31 November / 31 February
        (date(2015, 11, 30), date(2016, 2, 29), date(2016, 5, 29)),  # the agreement's first day
    ],
)
def test_schedule(start: date, due: date, last_day: date) -> None:
    plan = schedule(start)
    assert (plan.start, plan.due, plan.last_day, plan.overdue_from) == (
        start,
        due,
        last_day,
        last_day + D,
    )


@pytest.mark.parametrize(
    ("held", "counted"),
    [
        (DUE - D, False),  # before three months: not "after three months"
        (DUE, True),
        (LAST, True),
        (LAST + D, False),  # after the plan ended
    ],
)
def test_which_follow_ups_count(held: date, counted: bool) -> None:
    decision = follow_up(START, [held], on=date(2016, 12, 31))
    assert bool(decision) is counted
    assert decision.value.status is (FollowUpStatus.DONE if counted else FollowUpStatus.OVERDUE)


@pytest.mark.parametrize(
    ("on", "status"),
    [
        (DUE - D, FollowUpStatus.NOT_DUE),
        (DUE, FollowUpStatus.DUE),
        (LAST, FollowUpStatus.DUE),
        (LAST + D, FollowUpStatus.OVERDUE),
    ],
)
def test_status_without_follow_up(on: date, status: FollowUpStatus) -> None:
    decision = follow_up(START, [], on=on)
    assert decision.value.status is status
    assert not decision


def test_overdue_explains_an_early_follow_up() -> None:
    decision = follow_up(START, [DUE - 10 * D], on=LAST + D)
    assert "före 2016-04-15" in decision.explain()
    assert "Hällefors" in decision.explain()


def test_follow_ups_after_on_are_not_known() -> None:
    assert follow_up(START, [DUE + D], on=DUE).value.status is FollowUpStatus.DUE


def test_before_the_agreement_is_not_covered() -> None:
    with pytest.raises(RuleNotInForce, match="2015-11-30"):
        schedule(date(2015, 11, 29))


@given(
    st.dates(date(2015, 11, 30), date(2020, 12, 31)),
    st.lists(st.integers(-30, 300), max_size=5),
    st.integers(0, 400),
    st.randoms(use_true_random=False),
)
def test_done_exactly_when_a_follow_up_falls_in_the_window(
    start: date, offsets: list[int], later: int, rnd: random.Random
) -> None:
    held = [start + n * D for n in offsets]
    on = start + later * D
    plan = schedule(start)
    shuffled = list(held)
    rnd.shuffle(shuffled)
    decision = follow_up(start, held, on=on)
    assert decision == follow_up(start, shuffled, on=on)
    assert bool(decision) is any(plan.due <= h <= min(plan.last_day, on) for h in held)
    assert plan.start < plan.due < plan.last_day


@pytest.mark.parametrize(
    ("held", "on", "status", "criterion_holds"),
    [
        # Issue 8 (mutation testing): the criterion's outcome per status was not pinned. It
        # holds once followed up, fails once overdue, and is open (None) while the routine
        # still allows a follow-up.
        ([DUE + D], LAST + D, FollowUpStatus.DONE, True),
        ([], LAST + D, FollowUpStatus.OVERDUE, False),
        ([], DUE - D, FollowUpStatus.NOT_DUE, None),
        ([], DUE, FollowUpStatus.DUE, None),
    ],
)
def test_the_criterion_is_open_until_the_plan_is_followed_up_or_overdue(
    held: list[date], on: date, status: FollowUpStatus, criterion_holds: bool | None
) -> None:
    decision = follow_up(START, held, on=on)
    assert decision.value.status is status
    assert (decision.rule, decision.on) == ("action_plan_follow_up", on)
    [criterion] = decision.criteria
    assert criterion.name == "followed_up_after_three_months"
    assert criterion.holds is criterion_holds
    assert criterion.reference is not None
    assert "Hällefors" in criterion.reference.citation


def test_the_first_follow_up_in_the_window_is_the_one_that_counts() -> None:
    # Slussen: "följs upp minst en gång efter tre månader": of several follow-ups in the
    # window the earliest is reported; one before the window or after `on` is not.
    held = [LAST, DUE - D, DUE + 5 * D, DUE + 2 * D]
    result = follow_up(START, held, on=date(2016, 12, 31)).value
    assert result.held_on == DUE + 2 * D
    assert result.schedule == schedule(START)
    assert follow_up(START, held, on=DUE + 3 * D).value.held_on == DUE + 2 * D
    assert follow_up(START, [], on=LAST + D).value.held_on is None


def test_overdue_names_the_follow_ups_outside_the_window() -> None:
    # A follow-up held too early or after the plan is not counted; the explanation says
    # which ones were held, so that a case worker sees why the plan is overdue.
    decision = follow_up(START, [DUE - D, LAST + D, date(2016, 1, 20)], on=LAST + 10 * D)
    assert decision.criteria[0].explanation_en == (
        "No follow-up between 2016-04-15 and 2016-07-14; overdue from 2016-07-15"
        " (before 2016-04-15: 2016-01-20, 2016-04-14) (after the plan: 2016-07-15)"
    )
    assert decision.criteria[0].explanation_sv == (
        "Ingen uppföljning mellan 2016-04-15 och 2016-07-14; försenad från 2016-07-15"
        " (före 2016-04-15: 2016-01-20, 2016-04-14) (efter planen: 2016-07-15)"
    )
    only_late = follow_up(START, [LAST + D], on=LAST + 10 * D).criteria[0]
    assert only_late.explanation_en.endswith("overdue from 2016-07-15 (after the plan: 2016-07-15)")
    assert (
        follow_up(START, [], on=LAST + D)
        .criteria[0]
        .explanation_en.endswith("overdue from 2016-07-15")
    )
