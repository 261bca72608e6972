"""Strategies for `dua.model.goal`: targets, baselines, conversion steps and goals of every
kind."""

from __future__ import annotations

from hypothesis import strategies as st

from dua.model import (
    Aggregation,
    Baseline,
    Comparison,
    ConversionStep,
    Direction,
    Goal,
    GoalKind,
    Scope,
    Target,
    Unit,
)
from dua.testing._base import (
    _CADENCE,
    _CODE,
    _FEW,
    _INDICATOR_OPTIONAL,
    _NEEDS_TARGETS,
    _NESTED,
    _NON_EMPTY,
    _OPTIONAL_DATE,
    _OPTIONAL_TEXT,
    _PERIOD,
    _SOURCE_REF,
    Ids,
    _id,
    _optional,
    _ref,
    _refs,
    decimals,
)


@st.composite
def _targets(draw: st.DrawFn) -> Target:
    comparison = draw(st.sampled_from(Comparison))
    value = draw(decimals())
    upper = value + draw(decimals(min_value=0)) if comparison is Comparison.BETWEEN else None
    return Target(
        comparison=comparison,
        value=value,
        upper=upper,
        due=draw(_OPTIONAL_DATE),
        period=draw(_optional(_PERIOD)),
        qualifier=draw(_OPTIONAL_TEXT),
        text=draw(_OPTIONAL_TEXT),
    )


_TARGET = _targets()


def targets() -> st.SearchStrategy[Target]:
    """`Target`s; a *mellan* (between) target has an upper bound not below its value, and
    no other target has one."""
    return _TARGET


_BASELINE = st.builds(
    Baseline,
    value=decimals(),
    on=_OPTIONAL_DATE,
    period=_optional(_PERIOD),
    text=_OPTIONAL_TEXT,
    source=_optional(_SOURCE_REF),
)


def baselines() -> st.SearchStrategy[Baseline]:
    """`Baseline`s: a value with when and where it was stated."""
    return _BASELINE


_CONVERSION_STEP = st.builds(
    ConversionStep,
    from_status=_NON_EMPTY,
    to_status=_NON_EMPTY,
    share_percent=decimals(min_value=0, max_value=100),
    comparison=st.sampled_from(Comparison),
)


def conversion_steps() -> st.SearchStrategy[ConversionStep]:
    """`ConversionStep`s with a share of 0–100 %."""
    return _CONVERSION_STEP


@st.composite
def _goals(
    draw: st.DrawFn,
    id: str | None,
    kind: GoalKind | None,
    goal_ids: Ids,
    body_ids: Ids,
    codes: Ids,
    track_ids: Ids,
    target_group_ids: Ids,
) -> Goal:
    chosen = kind if kind is not None else draw(st.sampled_from(GoalKind))
    scope = draw(st.sampled_from(Scope))
    units: tuple[str, ...] = ()
    aggregation = None
    if scope is not Scope.AGREEMENT:
        if scope is Scope.MUNICIPALITY:
            units = _refs(draw, codes, max_size=_FEW, arbitrary=_CODE)
        else:
            pool = {Scope.TRACK: track_ids, Scope.TARGET_GROUP: target_group_ids}.get(
                scope, body_ids
            )
            units = _refs(draw, pool, max_size=_FEW)
        aggregation = draw(_optional(st.sampled_from(Aggregation)))
    body = _ref(draw, body_ids)
    indicator = draw(_optional(_NON_EMPTY))
    if chosen not in _INDICATOR_OPTIONAL or (chosen is GoalKind.CADENCE and body is None):
        indicator = indicator or draw(_NON_EMPTY)
    unit = draw(_optional(st.sampled_from(Unit)))
    if chosen is GoalKind.RELATIVE_CHANGE:
        unit = unit or draw(st.sampled_from(Unit))
    steps: list[ConversionStep] = []
    if chosen is GoalKind.CONVERSION:
        steps = draw(st.lists(_CONVERSION_STEP, min_size=1, max_size=_FEW))
    direction = draw(_optional(st.sampled_from(Direction)))
    if chosen is GoalKind.DIRECTION:
        direction = direction or draw(st.sampled_from(Direction))
    least = 1 if chosen in _NEEDS_TARGETS else 0
    return Goal(
        id=_id(draw, id),
        text=draw(_NON_EMPTY),
        kind=chosen,
        indicator=indicator,
        unit=unit,
        targets=tuple(draw(st.lists(_TARGET, min_size=least, max_size=_NESTED))),
        baseline=draw(_optional(_BASELINE)),
        direction=direction,
        steps=tuple(steps),
        scope=scope,
        units=units,
        aggregation=aggregation,
        population=draw(_OPTIONAL_TEXT),
        body=body,
        cadence=draw(_optional(_CADENCE)),
        period=draw(_optional(_PERIOD)),
        parent=_ref(draw, goal_ids),
        source=draw(_optional(_SOURCE_REF)),
    )


def goals(
    *,
    id: str | None = None,
    kind: GoalKind | None = None,
    goal_ids: Ids = None,
    body_ids: Ids = None,
    municipality_codes: Ids = None,
    track_ids: Ids = None,
    target_group_ids: Ids = None,
) -> st.SearchStrategy[Goal]:
    """`Goal`s of every kind, each with what its kind requires (DOMAIN.md §5).

    Targets where the kind needs them, an indicator unless the kind may go without, steps
    only for a conversion chain, a direction for a direction goal, a unit for a relative
    goal, and units and an aggregation only with a scope other than the whole agreement;
    the units are drawn from the ids of the scope's kind.

    Args:
        id: the goal's id (drawn if `None`).
        kind: the goal's kind (drawn if `None`).
        goal_ids: the ids `parent` may name (arbitrary if `None`).
        body_ids: the ids `body` and per-body units may name (arbitrary if `None`).
        municipality_codes: the codes per-municipality units are drawn from (any real
            code if `None`).
        track_ids: the ids per-track units are drawn from (arbitrary if `None`).
        target_group_ids: the ids per-target-group units are drawn from (arbitrary if
            `None`).
    """
    return _goals(id, kind, goal_ids, body_ids, municipality_codes, track_ids, target_group_ids)
