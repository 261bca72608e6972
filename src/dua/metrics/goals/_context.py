"""The data a judgement reads: the goal, the follow-up data as known on `on`, its units,
the fallback period, and the observations (or participants) picked from it: the
baseline, the observation for a day or a period, the latest one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from fractions import Fraction

import attrs

from dua.metrics.goals._result import Reason
from dua.metrics.observations import FollowUpData, Observation, Participant
from dua.model import Aggregation, Goal, GoalKind, Period, Scope, Unit


@attrs.frozen
class _Value:
    quantity: Fraction
    dated: date
    numerator: int | None = None
    denominator: int | None = None


@attrs.frozen
class _Context:
    goal: Goal
    data: FollowUpData
    on: date
    period: Period | None  # the goal's period, or the agreement's

    @property
    def percent(self) -> bool:
        return self.goal.unit is Unit.PERCENT or self.goal.kind is GoalKind.SHARE

    def units(self) -> tuple[str, ...]:
        if self.goal.units:
            return self.goal.units
        if self.goal.scope is Scope.AGREEMENT:
            return ()
        seen: set[str | None] = {
            o.unit for o in self.data.observations if o.indicator == self.goal.indicator
        }
        seen |= {e.unit for e in self.data.events if e.kind == self.goal.indicator}
        return tuple(sorted(u for u in seen if u is not None))

    def aggregation(self) -> Aggregation:
        return self.goal.aggregation or Aggregation.EACH

    def observations(self, unit: str | None) -> list[Observation]:
        return [
            o
            for o in self.data.observed(self.goal.indicator)
            if o.unit == unit and o.dated <= self.on
        ]


def _pick(
    ctx: _Context,
    units: tuple[str | None, ...],
    choose: Callable[[list[Observation]], Observation | None],
) -> _Value | Reason:
    chosen: list[Observation] = []
    for unit in units:
        found = choose(ctx.observations(unit))
        if found is None:
            return Reason.NO_DATA if unit is None else Reason.MISSING_UNIT
        chosen.append(found)
    dated = max(o.dated for o in chosen)
    if len(chosen) == 1:
        only = chosen[0]
        quantity = only.quantity(ctx.percent)
        if quantity is None:
            return Reason.ZERO_DENOMINATOR
        return _Value(quantity, dated, only.numerator, only.denominator)
    if all(o.numerator is not None and o.denominator is not None for o in chosen):
        numerator = sum(o.numerator or 0 for o in chosen)
        denominator = sum(o.denominator or 0 for o in chosen)
        if denominator == 0:
            return Reason.ZERO_DENOMINATOR
        share = Fraction(numerator, denominator)
        return _Value(share * 100 if ctx.percent else share, dated, numerator, denominator)
    if not ctx.percent and all(o.value is not None for o in chosen):
        return _Value(sum((o.value or Fraction(0) for o in chosen), Fraction(0)), dated)
    return Reason.NOT_SUMMABLE


def _for_day(day: date) -> Callable[[list[Observation]], Observation | None]:
    def choose(observations: list[Observation]) -> Observation | None:
        matching = [o for o in observations if o.describes(day)]
        return matching[-1] if matching else None

    return choose


def _for_period(period: Period) -> Callable[[list[Observation]], Observation | None]:
    def choose(observations: list[Observation]) -> Observation | None:
        exact = [o for o in observations if o.period == period]
        if exact:
            return exact[-1]
        inside = [o for o in observations if period.contains(o.dated)]
        return inside[-1] if inside else None

    return choose


def _latest(after: date | None) -> Callable[[list[Observation]], Observation | None]:
    def choose(observations: list[Observation]) -> Observation | None:
        later = [o for o in observations if after is None or o.dated > after]
        return later[-1] if later else None

    return choose


def _baseline_date(ctx: _Context) -> date | None:
    baseline = ctx.goal.baseline
    if baseline is not None:
        if baseline.on is not None:
            return baseline.on
        if baseline.period is not None:
            return baseline.period.end or baseline.period.start
    return ctx.period.start if ctx.period is not None else None


def _baseline(ctx: _Context, units: tuple[str | None, ...]) -> _Value | Reason:
    """The baseline: the goal's stated baseline for the whole, else the latest observation
    on or before the baseline date (the goal's period start when no baseline is dated)."""
    day = _baseline_date(ctx)
    baseline = ctx.goal.baseline
    if baseline is not None and units == (None,):
        return _Value(Fraction(baseline.value), day or date.min)
    if day is None:
        return Reason.MISSING_BASELINE

    def choose(observations: list[Observation]) -> Observation | None:
        before = [o for o in observations if o.dated <= day]
        return before[-1] if before else None

    found = _pick(ctx, units, choose)
    if isinstance(found, Reason):
        return Reason.MISSING_BASELINE if found in (Reason.NO_DATA, Reason.MISSING_UNIT) else found
    return found


def _participants(ctx: _Context, units: tuple[str | None, ...]) -> list[Participant]:
    rows = [p for p in ctx.data.participants if p.start <= ctx.on]
    if units == (None,):
        return rows
    if ctx.goal.scope is Scope.TRACK:
        return [p for p in rows if p.track in units]
    return [p for p in rows if p.unit in units]
