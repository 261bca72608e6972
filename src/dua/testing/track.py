"""Strategies for `dua.model.track`: contents, stages, tracks (*jobbspår*) and process
models."""

from __future__ import annotations

from hypothesis import strategies as st

from dua.model import ActivityStatus, Content, ProcessModel, Stage, Track, TrackKind
from dua.testing._base import (
    _BOOL,
    _CODE,
    _DURATION,
    _NESTED,
    _NON_EMPTY,
    _OPTIONAL_TEXT,
    _OUTCOMES,
    _TEXT_TUPLE,
    Ids,
    _id,
    _optional,
    _refs,
    _unique_ids,
    decimals,
)

_CONTENT = st.builds(
    Content,
    name=_NON_EMPTY,
    extent_percent=_optional(decimals(min_value=0, max_value=100)),
    hours=_optional(decimals(min_value=0, max_value=2000)),
    description=_OPTIONAL_TEXT,
)


def contents() -> st.SearchStrategy[Content]:
    """`Content`s: an extent of 0–100 % and non-negative hours where stated."""
    return _CONTENT


@st.composite
def _stages(draw: st.DrawFn, id: str | None, stage_ids: Ids) -> Stage:
    return Stage(
        id=_id(draw, id),
        name=draw(_NON_EMPTY),
        duration=draw(_optional(_DURATION)),
        contents=tuple(draw(st.lists(_CONTENT, max_size=_NESTED))),
        optional=draw(_BOOL),
        parallel_with=_refs(draw, stage_ids),
        prerequisites=draw(_TEXT_TUPLE),
        outcomes=draw(_OUTCOMES),
        provider=draw(_OPTIONAL_TEXT),
        description=draw(_OPTIONAL_TEXT),
        follow_up_after=draw(_optional(_DURATION)),
    )


def stages(*, id: str | None = None, stage_ids: Ids = None) -> st.SearchStrategy[Stage]:
    """`Stage`s of a track or process model.

    Args:
        id: the stage's id (drawn if `None`).
        stage_ids: the ids `parallel_with` is drawn from (arbitrary if `None`).
    """
    return _stages(id, stage_ids)


def _stage_list(draw: st.DrawFn) -> tuple[Stage, ...]:
    ids = draw(_unique_ids())
    return tuple(
        draw(_stages(stage_id, [other for other in ids if other != stage_id])) for stage_id in ids
    )


@st.composite
def _tracks(draw: st.DrawFn, id: str | None, codes: Ids, target_group_ids: Ids) -> Track:
    return Track(
        id=_id(draw, id),
        name=draw(_NON_EMPTY),
        kind=draw(st.sampled_from(TrackKind)),
        municipalities=_refs(draw, codes, arbitrary=_CODE),
        occupational_field=draw(_OPTIONAL_TEXT),
        stages=_stage_list(draw),
        prerequisites=draw(_TEXT_TUPLE),
        outcomes=draw(_OUTCOMES),
        capacity=draw(_optional(st.integers(min_value=0, max_value=500))),
        focus=draw(_TEXT_TUPLE),
        providers=draw(_TEXT_TUPLE),
        target_groups=_refs(draw, target_group_ids),
        description=draw(_OPTIONAL_TEXT),
        status=draw(st.sampled_from(ActivityStatus)),
    )


def tracks(
    *,
    id: str | None = None,
    municipality_codes: Ids = None,
    target_group_ids: Ids = None,
) -> st.SearchStrategy[Track]:
    """`Track`s (*jobbspår*) with uniquely named stages whose references resolve.

    Args:
        id: the track's id (drawn if `None`).
        municipality_codes: the codes `municipalities` is drawn from (any real code if
            `None`).
        target_group_ids: the ids `target_groups` is drawn from (arbitrary if `None`).
    """
    return _tracks(id, municipality_codes, target_group_ids)


@st.composite
def _process_models(
    draw: st.DrawFn, id: str | None, track_ids: Ids, target_group_ids: Ids, codes: Ids
) -> ProcessModel:
    return ProcessModel(
        id=_id(draw, id),
        name=draw(_NON_EMPTY),
        stages=_stage_list(draw),
        tracks=_refs(draw, track_ids),
        target_groups=_refs(draw, target_group_ids),
        description=draw(_OPTIONAL_TEXT),
        municipalities=_refs(draw, codes, arbitrary=_CODE),
        duration=draw(_optional(_DURATION)),
    )


def process_models(
    *,
    id: str | None = None,
    track_ids: Ids = None,
    target_group_ids: Ids = None,
    municipality_codes: Ids = None,
) -> st.SearchStrategy[ProcessModel]:
    """`ProcessModel`s with uniquely named stages, optionally ending in tracks.

    Args:
        id: the model's id (drawn if `None`).
        track_ids: the ids `tracks` is drawn from (arbitrary if `None`).
        target_group_ids: the ids `target_groups` is drawn from (arbitrary if `None`).
        municipality_codes: the codes `municipalities` is drawn from (any real code if
            `None`).
    """
    return _process_models(id, track_ids, target_group_ids, municipality_codes)
