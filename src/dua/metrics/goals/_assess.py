"""The entry points: the status of one goal, of every goal of an agreement, and the data
no goal can use. Each goal kind is judged by the module named after it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from dua.metrics.goals._context import _Context
from dua.metrics.goals._result import GoalAssessment, Reason, Result, Status, combine
from dua.metrics.goals.cadence import _assess_cadence
from dua.metrics.goals.conversion import _assess_conversion
from dua.metrics.goals.count import _assess_events
from dua.metrics.goals.direction import _assess_direction
from dua.metrics.goals.growth import _assess_growth
from dua.metrics.goals.level import _assess_level
from dua.metrics.goals.relative_change import _assess_relative
from dua.metrics.goals.share import _assess_share
from dua.metrics.observations import FollowUpData
from dua.model import Agreement, Goal, GoalKind, Period

_ASSESSORS: dict[GoalKind, Callable[[_Context], list[Result]]] = {
    GoalKind.LEVEL: _assess_level,
    GoalKind.RELATIVE_CHANGE: _assess_relative,
    GoalKind.GROWTH: _assess_growth,
    GoalKind.COUNT: _assess_events,
    GoalKind.MILESTONES: _assess_events,
    GoalKind.SHARE: _assess_share,
    GoalKind.CONVERSION: _assess_conversion,
    GoalKind.DIRECTION: _assess_direction,
    GoalKind.CADENCE: _assess_cadence,
}


def assess(
    goal: Goal, data: FollowUpData, on: date, *, period: Period | None = None
) -> GoalAssessment:
    """The status of `goal` on `on`, computed from `data` (DOMAIN.md §5).

    `period` is the fallback period for goals that state none (e.g. the agreement's
    validity, used for cadence goals "per år"); the goal's own period comes first.
    A qualitative goal is not assessable (reason `QUALITATIVE`).
    """
    if goal.kind is GoalKind.QUALITATIVE:
        return GoalAssessment(
            goal=goal.id,
            kind=goal.kind,
            on=on,
            status=Status.NOT_ASSESSABLE,
            reason=Reason.QUALITATIVE,
        )
    ctx = _Context(goal=goal, data=data, on=on, period=goal.period or period)
    results = _ASSESSORS[goal.kind](ctx)
    status, reason = combine(results)
    return GoalAssessment(
        goal=goal.id, kind=goal.kind, on=on, status=status, reason=reason, results=tuple(results)
    )


def _agreement_period(agreement: Agreement) -> Period | None:
    if agreement.validity is not None:
        return agreement.validity
    signed = [s.on for s in agreement.signatures if s.on is not None]
    if signed:
        return Period(start=max(signed))
    if agreement.document_date is not None:
        return Period(start=agreement.document_date)
    return None


def assess_agreement(agreement: Agreement, data: FollowUpData, on: date) -> list[GoalAssessment]:
    """The status of every goal of `agreement` on `on`, in the order the goals are listed.

    Goals that state no period fall back on the agreement's validity, else an open period
    from its last signature (an agreement applies from when it is signed), else from its
    document date.
    """
    period = _agreement_period(agreement)
    return [assess(goal, data, on, period=period) for goal in agreement.goals]


def unmatched_data(agreement: Agreement, data: FollowUpData) -> tuple[str, ...]:
    """What in `data` no goal of `agreement` can use: observed indicators, event kinds and
    meeting bodies that match no goal's `indicator` (or, for meetings, `body`).

    Data for a misspelt indicator would otherwise be passed over without a word; a report
    or command shows these so that a user can correct the file.

    >>> from dua import examples
    >>> from dua.metrics.observations import Event
    >>> data = FollowUpData(events=[Event(kind="traineejobb-startade", on=date(2016, 3, 1))])
    >>> unmatched_data(examples.load("hallefors-2015"), data)
    ("events: 'traineejobb-startade'",)
    """
    indicators = {goal.indicator for goal in agreement.goals if goal.indicator is not None}
    bodies = indicators | {goal.body for goal in agreement.goals if goal.body is not None}
    found: list[str] = []
    for label, names, known in (
        ("observations", {o.indicator for o in data.observations}, indicators),
        ("events", {e.kind for e in data.events}, indicators),
        ("meetings", {m.body for m in data.meetings}, bodies),
    ):
        found.extend(f"{label}: {name!r}" for name in sorted(names - known))
    return tuple(found)
