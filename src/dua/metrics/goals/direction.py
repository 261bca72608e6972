"""DIRECTION (*riktning*): shall the indicator rise or fall?

The first observation in the period (or the stated baseline) is compared with the
latest one after it, up to the end of the period and `on`: the change must have the
goal's sign (no change is neither a rise nor a fall). Before the end of the period
the goal is on or off track, after it attained or not."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from dua.metrics.goals._context import _baseline_date, _Context, _pick, _Value
from dua.metrics.goals._judge import _fail, _per_units
from dua.metrics.goals._result import Reason, Result, Status
from dua.metrics.numbers import format_number
from dua.metrics.observations import Observation
from dua.model import Direction


def _assess_direction(ctx: _Context) -> list[Result]:
    goal = ctx.goal
    assert goal.direction is not None
    period = goal.period
    increase = goal.direction is Direction.INCREASE

    def judge(units: tuple[str | None, ...], label: str) -> Result:
        unit = units[0] if len(units) == 1 else None
        if period is not None and ctx.on < period.start:
            return _fail(Reason.NOT_STARTED, label=label, unit=unit)
        if goal.baseline is not None and units == (None,):
            first: _Value | Reason = _Value(
                Fraction(goal.baseline.value), _baseline_date(ctx) or date.min
            )
        else:

            def earliest(observations: list[Observation]) -> Observation | None:
                inside = [o for o in observations if period is None or o.dated >= period.start]
                return inside[0] if inside else None

            first = _pick(ctx, units, earliest)
        if isinstance(first, Reason):
            return _fail(
                Reason.MISSING_BASELINE
                if first in (Reason.NO_DATA, Reason.MISSING_UNIT)
                else first,
                label=label,
                unit=unit,
            )
        last_day = ctx.on if period is None or period.end is None else min(ctx.on, period.end)
        start = first.dated

        def latest(observations: list[Observation]) -> Observation | None:
            later = [o for o in observations if start < o.dated <= last_day]
            return later[-1] if later else None

        last = _pick(ctx, units, latest)
        if isinstance(last, Reason):
            return _fail(
                last,
                label=label,
                unit=unit,
                detail="behöver två observationer",
                baseline=first.quantity,
            )
        change = last.quantity - first.quantity
        right = change > 0 if increase else change < 0
        before = period is not None and period.end is not None and ctx.on < period.end
        status = (
            (Status.ON_TRACK if right else Status.OFF_TRACK)
            if before
            else (Status.ATTAINED if right else Status.NOT_ATTAINED)
        )
        return Result(
            status=status, label=label, unit=unit, baseline=first.quantity, observed=last.quantity,
            observed_on=last.dated, numerator=last.numerator, denominator=last.denominator,
            deadline=None if period is None else period.end,
            detail=f"{goal.direction.label_sv if goal.direction else ''}: förändring {format_number(change, 1)}",
        )  # fmt: skip

    return [_per_units(ctx, judge, goal.direction.value)]
