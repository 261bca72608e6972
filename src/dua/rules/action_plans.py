"""Action-plan follow-up: the Slussen routine (Hällefors, 2015).

The Hällefors agreement (2015-11-30, Bilaga 1 *Slussen*, Uppföljning) says: "Planerna
skrivs på sex månader och följs upp minst en gång efter tre månader" — a plan runs
**6 months** and is **followed up at least once after 3 months**.

In dates, for a plan starting on day *S*:

- the follow-up is **due** from *S* + 3 months (a follow-up before that day does not
  count, since it is not "after three months");
- the plan runs to the day before *S* + 6 months (its last day);
- the follow-up is **overdue** from *S* + 6 months, the day after the plan's last day,
  if none was held from the due day to the last day.

Month arithmetic uses dateutil: a plan starting on 31 August is due on 30 November.
Follow-ups after the date asked about are not looked at.

>>> from datetime import date
>>> plan = schedule(date(2016, 1, 15))
>>> plan.due, plan.last_day, plan.overdue_from
(datetime.date(2016, 4, 15), datetime.date(2016, 7, 14), datetime.date(2016, 7, 15))
>>> follow_up(date(2016, 1, 15), [date(2016, 5, 2)], on=date(2016, 8, 1)).value.status.value
'uppföljd'
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import attrs
from dateutil.relativedelta import relativedelta

from dua.model import LabelledEnum
from dua.rules._core import Criterion, Decision, parameter, version_in_force

__all__ = ["FollowUpResult", "FollowUpStatus", "PlanSchedule", "follow_up", "schedule"]


class FollowUpStatus(LabelledEnum):
    """Where a plan stands in the follow-up routine on a date."""

    NOT_DUE = "inte aktuell än", "not yet due"
    DUE = "ska följas upp", "due"
    DONE = "uppföljd", "followed up"
    OVERDUE = "försenad", "overdue"


@attrs.frozen(kw_only=True)
class PlanSchedule:
    """The key dates of one plan: start, due day, last day and first overdue day."""

    start: date
    due: date
    last_day: date

    @property
    def overdue_from(self) -> date:
        """The first day on which a missing follow-up is overdue (the day after the plan)."""
        return self.last_day + timedelta(days=1)


@attrs.frozen(kw_only=True)
class FollowUpResult:
    """The follow-up status of a plan on a date, with its schedule and the follow-up that
    counted (if any)."""

    status: FollowUpStatus
    schedule: PlanSchedule
    held_on: date | None = None


def schedule(start: date) -> PlanSchedule:
    """The Slussen schedule for a plan starting on `start` (6 months, follow-up after 3).

    Raises:
        RuleNotInForce: `start` is before 2015-11-30, when the Hällefors agreement began.
    """
    version_in_force("action_plan_follow_up", start)
    months = int(parameter("action_plans.plan_months", start).value)
    after = int(parameter("action_plans.follow_up_after_months", start).value)
    return PlanSchedule(
        start=start,
        due=start + relativedelta(months=after),
        last_day=start + relativedelta(months=months) - timedelta(days=1),
    )


def follow_up(start: date, follow_ups: Iterable[date], on: date) -> Decision:
    """Whether the plan starting on `start` has been followed up as the routine requires.

    `follow_ups` are the days follow-ups were held, in any order. The decision holds once
    a follow-up was held between the due day and the plan's last day (both included) on
    or before `on`. `value` is a [`FollowUpResult`][dua.rules.action_plans.FollowUpResult]:
    *not yet due*, *due*, *followed up* or *overdue*.

    Source: Hällefors, lokal överenskommelse 2015-11-30, Bilaga 1 Slussen.

    Raises:
        RuleNotInForce: `start` is before 2015-11-30.
    """
    version = version_in_force("action_plan_follow_up", start)
    plan = schedule(start)
    reference = parameter("action_plans.follow_up_after_months", start).reference
    known = sorted(day for day in set(follow_ups) if day <= on)
    counted = next((day for day in known if plan.due <= day <= plan.last_day), None)
    if counted is not None:
        status = FollowUpStatus.DONE
        sv = f"Uppföljd {counted}, mellan {plan.due} och {plan.last_day}"
        en = f"Followed up on {counted}, between {plan.due} and {plan.last_day}"
    elif on < plan.due:
        status = FollowUpStatus.NOT_DUE
        sv = f"Uppföljningen ska göras från {plan.due}"
        en = f"The follow-up is due from {plan.due}"
    elif on <= plan.last_day:
        status = FollowUpStatus.DUE
        sv = f"Ska följas upp senast {plan.last_day}"
        en = f"To be followed up by {plan.last_day}"
    else:
        status = FollowUpStatus.OVERDUE
        early = [day for day in known if day < plan.due]
        late = [day for day in known if day > plan.last_day]
        note_sv = f" (före {plan.due}: {', '.join(map(str, early))})" if early else ""
        note_en = f" (before {plan.due}: {', '.join(map(str, early))})" if early else ""
        if late:
            note_sv += f" (efter planen: {', '.join(map(str, late))})"
            note_en += f" (after the plan: {', '.join(map(str, late))})"
        sv = f"Ingen uppföljning mellan {plan.due} och {plan.last_day}; försenad från {plan.overdue_from}{note_sv}"
        en = f"No follow-up between {plan.due} and {plan.last_day}; overdue from {plan.overdue_from}{note_en}"
    return Decision(
        rule="action_plan_follow_up",
        holds=status is FollowUpStatus.DONE,
        on=on,
        version=version,
        value=FollowUpResult(status=status, schedule=plan, held_on=counted),
        criteria=(
            Criterion(
                name="followed_up_after_three_months",
                holds={
                    FollowUpStatus.DONE: True,
                    FollowUpStatus.OVERDUE: False,
                }.get(status),
                explanation_sv=sv,
                explanation_en=en,
                reference=reference,
            ),
        ),
    )
