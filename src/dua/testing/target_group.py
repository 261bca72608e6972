"""Strategies for `dua.model.target_group`: figures, partitions, statistics snapshots and
target groups."""

from __future__ import annotations

from hypothesis import strategies as st

from dua.model import Figure, Partition, StatisticsSnapshot, TargetGroup, Unit
from dua.testing._base import (
    _AGE_BAND,
    _BOOL,
    _CODE,
    _FEW,
    _IDENTIFIER,
    _NESTED,
    _NON_EMPTY,
    _OPTIONAL_DATE,
    _OPTIONAL_TEXT,
    _SOURCE_REF,
    _TEXT,
    _TEXT_TUPLE,
    Ids,
    _id,
    _optional,
    _ref,
    _refs,
    _unique_ids,
    decimals,
    non_empty_texts,
)


@st.composite
def _figures(draw: st.DrawFn, id: str | None, figure_ids: Ids) -> Figure:
    unit = draw(st.sampled_from(Unit))
    value = draw(decimals(min_value=0) if unit is Unit.COUNT else decimals())
    return Figure(
        id=_id(draw, id),
        label=draw(_NON_EMPTY),
        value=value,
        unit=unit,
        of=_ref(draw, figure_ids),
        numerator=_ref(draw, figure_ids) if unit is Unit.PERCENT else None,
        categories=draw(st.dictionaries(non_empty_texts(max_size=8), _TEXT, max_size=2)),
        note=draw(_OPTIONAL_TEXT),
        within=_ref(draw, figure_ids),
    )


def figures(*, id: str | None = None, figure_ids: Ids = None) -> st.SearchStrategy[Figure]:
    """`Figure`s: counts are never negative; only a share (`procent`) has a numerator.

    Args:
        id: the figure's id (drawn if `None`).
        figure_ids: the ids `of` and `numerator` may name (arbitrary if `None`).
    """
    return _figures(id, figure_ids)


@st.composite
def _partitions(draw: st.DrawFn, id: str | None, figure_ids: Ids) -> Partition:
    if figure_ids is None:
        pool = draw(st.lists(_IDENTIFIER, min_size=2, max_size=4, unique=True))
    else:
        pool = list(dict.fromkeys(figure_ids))
    total = draw(st.sampled_from(pool))
    others = [figure for figure in pool if figure != total]
    parts = draw(st.lists(st.sampled_from(others), min_size=1, max_size=_FEW, unique=True))
    return Partition(
        id=_id(draw, id),
        total=total,
        parts=tuple(parts),
        complete=draw(_BOOL),
        label=draw(_OPTIONAL_TEXT),
    )


def partitions(*, id: str | None = None, figure_ids: Ids = None) -> st.SearchStrategy[Partition]:
    """`Partition`s: a total and at least one part, the total not among its parts.

    Args:
        id: the partition's id (drawn if `None`).
        figure_ids: the figures total and parts are drawn from (arbitrary if `None`);
            at least two are needed.

    Raises:
        ValueError: fewer than two distinct `figure_ids`.
    """
    if figure_ids is not None and len(set(figure_ids)) < 2:
        raise ValueError("a partition needs at least two figure ids to choose from")
    return _partitions(id, figure_ids)


@st.composite
def _statistics_snapshots(draw: st.DrawFn, id: str | None) -> StatisticsSnapshot:
    ids = draw(_unique_ids())
    stated = tuple(
        draw(_figures(figure_id, [other for other in ids if other != figure_id]))
        for figure_id in ids
    )
    parts: tuple[Partition, ...] = ()
    if len(ids) >= 2:
        parts = tuple(draw(_partitions(pid, ids)) for pid in draw(_unique_ids(_NESTED)))
    return StatisticsSnapshot(
        id=_id(draw, id),
        title=draw(_NON_EMPTY),
        source=draw(_SOURCE_REF),
        as_of=draw(_OPTIONAL_DATE),
        as_of_text=draw(_OPTIONAL_TEXT),
        figures=stated,
        partitions=parts,
        note=draw(_OPTIONAL_TEXT),
    )


def statistics_snapshots(*, id: str | None = None) -> st.SearchStrategy[StatisticsSnapshot]:
    """`StatisticsSnapshot`s with unique figure ids and references that resolve.

    Args:
        id: the snapshot's id (drawn if `None`).
    """
    return _statistics_snapshots(id)


@st.composite
def _target_groups(
    draw: st.DrawFn, id: str | None, codes: Ids, target_group_ids: Ids
) -> TargetGroup:
    return TargetGroup(
        id=_id(draw, id),
        name=draw(_NON_EMPTY),
        age_band=draw(_optional(_AGE_BAND)),
        situations=draw(_TEXT_TUPLE),
        municipalities=_refs(draw, codes, arbitrary=_CODE),
        parent=_ref(draw, target_group_ids),
        description=draw(_OPTIONAL_TEXT),
        statistics=tuple(draw(_statistics_snapshots(sid)) for sid in draw(_unique_ids(_NESTED))),
    )


def target_groups(
    *,
    id: str | None = None,
    municipality_codes: Ids = None,
    target_group_ids: Ids = None,
) -> st.SearchStrategy[TargetGroup]:
    """`TargetGroup`s with up to two statistics snapshots.

    Args:
        id: the group's id (drawn if `None`).
        municipality_codes: the codes `municipalities` is drawn from (any real code if
            `None`).
        target_group_ids: the ids `parent` may name (arbitrary if `None`).
    """
    return _target_groups(id, municipality_codes, target_group_ids)
