"""CADENCE (*mötesfrekvens*): how often a body meets, per calendar year.

A goal whose targets state no period gets one target per calendar year that lies
wholly inside the goal's (or agreement's) period and has begun by `on`; a cadence of
"6–8 ggr per år" is a range, "4 ggr per år" exactly four, a rhythm ("varannan
månad") at least that many. The meetings of the goal's body in each year are counted
and judged as a COUNT; a meeting that lists topics counts only for a goal whose
indicator is among them."""

from __future__ import annotations

from datetime import date

import attrs

from dua.metrics.goals._context import _Context
from dua.metrics.goals._judge import _fail, _label, _per_units
from dua.metrics.goals._result import LabelKind, Reason, Result
from dua.metrics.goals.count import _count_window, _judge_count
from dua.metrics.observations import count_meetings
from dua.model import Comparison, Frequency, Period, Target


def _years(period: Period, on: date) -> list[Period]:
    last = min(on.year, period.end.year if period.end else on.year)
    years = []
    for year in range(period.start.year, last + 1):
        whole = Period.year(year)
        assert whole.end is not None
        if period.contains(whole.start) and period.contains(whole.end):
            years.append(whole)
    return years


def _cadence_targets(ctx: _Context) -> list[Target] | Reason:
    """Targets per calendar year for a cadence goal whose targets carry no period."""
    goal = ctx.goal
    if ctx.period is None:
        return Reason.MISSING_PERIOD
    templates = list(goal.targets)
    if not templates and goal.cadence is not None:
        per_year = goal.cadence.per_year()
        if per_year is None:
            return Reason.NO_TARGET
        low, high = per_year
        if goal.cadence.frequency is Frequency.TIMES_PER_YEAR and high is not None and high != low:
            templates = [Target(comparison=Comparison.BETWEEN, value=low, upper=high)]
        elif goal.cadence.frequency is Frequency.TIMES_PER_YEAR and high == low:
            templates = [Target(comparison=Comparison.EQUAL, value=low)]
        else:
            # "varannan månad", "varje kvartal": a rhythm, read as at least that many a year.
            templates = [Target(comparison=Comparison.AT_LEAST, value=low)]
    if not templates:
        return Reason.NO_TARGET
    years = _years(ctx.period, ctx.on)
    if not years:
        return Reason.NOT_STARTED
    return [attrs.evolve(t, period=year) for t in templates for year in years]


def _assess_cadence(ctx: _Context) -> list[Result]:
    goal = ctx.goal
    targets: list[Target] | Reason = list(goal.targets)
    if not targets or all(t.period is None and t.due is None for t in goal.targets):
        targets = _cadence_targets(ctx)
    if isinstance(targets, Reason):
        return [_fail(targets, label="per år", label_kind=LabelKind.PERIOD)]
    body = goal.body or goal.indicator
    results = []
    for target in targets:
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
            bodies = {body} if units == (None,) else set(units)
            last = min(ctx.on, window.end) if window.end is not None else ctx.on
            held = count_meetings(
                ctx.data.meetings,
                bodies=bodies,
                start=window.start,
                last=last,
                indicator=goal.indicator,
            )
            any_for_body = any(m.body in bodies for m in ctx.data.meetings)
            unit = units[0] if len(units) == 1 else None
            return _judge_count(ctx, target, window, held if any_for_body else None, label, unit)

        results.append(_per_units(ctx, judge, _label(target)))
    return results
