"""CADENCE (*mötesfrekvens*): how often a body meets, per calendar year.

A goal whose targets state no period or date ("6–8 ggr per år") has each target repeated
for every calendar year that lies wholly inside the goal's (or agreement's) period and has
begun by `on`. The meetings of the goal's body in each year are counted
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
from dua.model import Period, Target


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
    """Each target of a cadence goal whose targets carry no period, once per calendar year.

    (The model requires a cadence goal to have targets; its `cadence` is not read here.)"""
    if ctx.period is None:
        return Reason.MISSING_PERIOD
    years = _years(ctx.period, ctx.on)
    if not years:
        return Reason.NOT_STARTED
    return [attrs.evolve(t, period=year) for t in ctx.goal.targets for year in years]


def _assess_cadence(ctx: _Context) -> list[Result]:
    goal = ctx.goal
    targets: list[Target] | Reason = list(goal.targets)
    if all(t.period is None and t.due is None for t in goal.targets):
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
