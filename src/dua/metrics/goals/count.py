"""COUNT and MILESTONES (*antal under period*, *delmål*): events counted in a window.

The window is the target's period, or from the goal's (or agreement's) start to its
due date. Events of the goal's indicator in the window and on or before `on` are
counted (only those with the target's qualifier, when it has one); without events, an
observation of a whole number for the window is used. Counts only grow: a lower bound
reached before the end is attained at once, an upper bound passed is not attained at
once; otherwise the count is compared with the straight line from zero at the start
of the window to the target at its end. `_judge_count` also judges meeting cadences.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from dua.metrics.goals._context import _Context, _for_period, _pick, _Value
from dua.metrics.goals._judge import (
    _LOWER_BOUNDS,
    _UPPER_BOUNDS,
    _fail,
    _holds,
    _label,
    _line,
    _make,
    _per_units,
)
from dua.metrics.goals._result import LabelKind, Reason, Result, Status, _Fields
from dua.metrics.observations import count_events
from dua.model import Comparison, Period, Target


def _count_window(ctx: _Context, target: Target) -> Period | None:
    if target.period is not None:
        return target.period
    if target.due is not None:
        start = ctx.period.start if ctx.period is not None else date.min
        return Period(start=min(start, target.due), end=target.due)
    return None


def _judge_count(
    ctx: _Context, target: Target, window: Period, count: int | None, label: str, unit: str | None
) -> Result:
    value = Fraction(target.value)
    upper = None if target.upper is None else Fraction(target.upper)
    common: _Fields = {
        "label": label, "unit": unit, "comparison": target.comparison, "target": value,
        "upper": upper, "deadline": window.end,
    }  # fmt: skip
    if ctx.on < window.start:
        return _fail(Reason.NOT_STARTED, **common)
    if count is None:
        return _fail(Reason.NO_DATA if unit is None else Reason.MISSING_UNIT, **common)
    observed = Fraction(count)
    seen: dict[str, Any] = {"observed": observed, "observed_on": min(ctx.on, window.end or ctx.on)}
    if window.end is None or ctx.on >= window.end:
        met = _holds(target.comparison, observed, value, upper)
        return _make(Status.ATTAINED if met else Status.NOT_ATTAINED, common, **seen)
    # Before the end: counts only grow.
    if target.comparison in _LOWER_BOUNDS and _holds(target.comparison, observed, value, upper):
        return _make(Status.ATTAINED, common, detail="nått före periodens slut", **seen)
    ceiling = {Comparison.AT_MOST: value, Comparison.EQUAL: value, Comparison.BETWEEN: upper}.get(
        target.comparison
    )
    if (ceiling is not None and observed > ceiling) or (
        target.comparison is Comparison.LESS_THAN and observed >= value
    ):
        return _make(Status.NOT_ATTAINED, common, detail="övre gräns redan passerad", **seen)
    if target.comparison in _UPPER_BOUNDS:
        return _make(Status.ON_TRACK, common, **seen)
    floor = value + 1 if target.comparison is Comparison.GREATER_THAN else value
    expected = _line(Fraction(0), window.start, floor, window.end, ctx.on)
    status = Status.ON_TRACK if observed >= expected else Status.OFF_TRACK
    return _make(status, common, expected=expected, **seen)


def _event_count(
    ctx: _Context, units: tuple[str | None, ...], window: Period, qualifier: str | None
) -> int | None:
    kind = ctx.goal.indicator
    events = [e for e in ctx.data.events if e.kind == kind]
    if not events:
        found = _pick(ctx, units, _for_period(window))
        if isinstance(found, _Value) and found.quantity.denominator == 1:
            return int(found.quantity)
        return None
    last = min(ctx.on, window.end) if window.end is not None else ctx.on
    return count_events(
        events, kind=kind, start=window.start, last=last, units=units, qualifier=qualifier
    )


def _assess_events(ctx: _Context) -> list[Result]:
    results = []
    for target in ctx.goal.targets:
        window = _count_window(ctx, target)
        if window is None:
            results.append(
                _fail(
                    Reason.MISSING_PERIOD,
                    label=_label(target),
                    label_kind=LabelKind.PERIOD,
                    comparison=target.comparison,
                )
            )
            continue

        def judge(
            units: tuple[str | None, ...],
            label: str,
            target: Target = target,
            window: Period = window,
        ) -> Result:
            unit = units[0] if len(units) == 1 else None
            return _judge_count(
                ctx, target, window, _event_count(ctx, units, window, target.qualifier), label, unit
            )

        label = _label(target) + (f" ({target.qualifier})" if target.qualifier else "")
        results.append(_per_units(ctx, judge, label))
    return results
