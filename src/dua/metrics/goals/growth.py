"""GROWTH (*ökning per år*): each period against the one before.

A target's period (or the year ending on its due date) is judged once it has ended:
the change from the previous period, (now − before) / before × 100, is compared with
the target change. The values are the observations for each period, else the number
of events in it. A previous period of zero makes it not assessable."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction

from dua.metrics.goals._context import _Context, _for_period, _pick, _Value
from dua.metrics.goals._judge import _fail, _holds, _label, _per_units
from dua.metrics.goals._result import Reason, Result, Status
from dua.metrics.goals.count import _event_count
from dua.metrics.numbers import format_number
from dua.model import Period, Target


def _previous(period: Period) -> Period:
    assert period.end is not None
    if period == Period.year(period.start.year):
        return Period.year(period.start.year - 1)
    length = period.end - period.start
    end = period.start - timedelta(days=1)
    return Period(start=end - length, end=end)


def _period_value(ctx: _Context, units: tuple[str | None, ...], period: Period) -> _Value | Reason:
    if ctx.data.observed(ctx.goal.indicator):
        return _pick(ctx, units, _for_period(period))
    count = _event_count(ctx, units, period, None)
    if count is None:
        return Reason.NO_DATA
    assert period.end is not None
    return _Value(Fraction(count), period.end)


def _assess_growth(ctx: _Context) -> list[Result]:
    results = []
    for target in ctx.goal.targets:
        period = target.period
        if period is None and target.due is not None:
            period = Period(start=target.due - timedelta(days=364), end=target.due)
        if period is None or period.end is None:
            results.append(
                _fail(Reason.MISSING_PERIOD, label=_label(target), comparison=target.comparison)
            )
            continue

        def judge(
            units: tuple[str | None, ...],
            label: str,
            target: Target = target,
            period: Period = period,
        ) -> Result:
            unit = units[0] if len(units) == 1 else None
            change = Fraction(target.value)
            if ctx.on < period.start:
                return _fail(
                    Reason.NOT_STARTED, label=label, unit=unit, comparison=target.comparison
                )
            assert period.end is not None
            if ctx.on < period.end:
                return _fail(
                    Reason.NOT_DUE,
                    label=label,
                    unit=unit,
                    detail="året är inte slut",
                    comparison=target.comparison,
                )
            before = _period_value(ctx, units, _previous(period))
            if isinstance(before, Reason):
                return _fail(Reason.MISSING_BASELINE if before is Reason.NO_DATA or before is Reason.MISSING_UNIT else before,
                             label=label, unit=unit, detail="föregående period saknas", comparison=target.comparison)  # fmt: skip
            if before.quantity == 0:
                return _fail(
                    Reason.ZERO_DENOMINATOR,
                    label=label,
                    unit=unit,
                    detail="föregående period är noll",
                    baseline=Fraction(0),
                )
            now = _period_value(ctx, units, period)
            level = before.quantity * (1 + change / 100)
            if isinstance(now, Reason):
                return _fail(
                    now,
                    label=label,
                    unit=unit,
                    baseline=before.quantity,
                    target=level,
                    comparison=target.comparison,
                )
            growth = (now.quantity - before.quantity) / before.quantity * 100
            met = _holds(
                target.comparison,
                growth,
                change,
                None if target.upper is None else Fraction(target.upper),
            )
            return Result(
                status=Status.ATTAINED if met else Status.NOT_ATTAINED, label=label, unit=unit,
                comparison=target.comparison, baseline=before.quantity, target=level,
                observed=now.quantity, observed_on=now.dated, deadline=period.end,
                numerator=now.numerator, denominator=now.denominator,
                detail=f"förändring {format_number(growth, 1)} % mot föregående period",
            )  # fmt: skip

        results.append(_per_units(ctx, judge, _label(target)))
    return results
