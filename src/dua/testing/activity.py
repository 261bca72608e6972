"""Strategies for `dua.model.activity`: eligibilities and activities."""

from __future__ import annotations

from hypothesis import strategies as st

from dua.model import Activity, ActivityKind, ActivityStatus, Eligibility
from dua.testing._base import (
    _AGE_BAND,
    _CADENCE,
    _CODE,
    _DURATION,
    _IDENTIFIER,
    _NON_EMPTY,
    _OPTIONAL_BOOL,
    _OPTIONAL_TEXT,
    _SOURCE_REF,
    _TEXT_TUPLE,
    Ids,
    _id,
    _optional,
    _refs,
)

_ELIGIBILITY = st.builds(
    Eligibility,
    age_band=_optional(_AGE_BAND),
    priority_age_band=_optional(_AGE_BAND),
    situations=_TEXT_TUPLE,
    text=_OPTIONAL_TEXT,
)


def eligibilities() -> st.SearchStrategy[Eligibility]:
    """`Eligibility`s: optional age bands (one with priority), situations and wording."""
    return _ELIGIBILITY


@st.composite
def _activities(
    draw: st.DrawFn, id: str | None, activity_ids: Ids, target_group_ids: Ids, codes: Ids
) -> Activity:
    return Activity(
        id=_id(draw, id),
        name=draw(_NON_EMPTY),
        kind=draw(st.sampled_from(ActivityKind)),
        status=draw(st.sampled_from(ActivityStatus)),
        providers=draw(_TEXT_TUPLE),
        lead=draw(_OPTIONAL_TEXT),
        description=draw(_OPTIONAL_TEXT),
        eligibility=draw(_optional(_ELIGIBILITY)),
        programme=draw(_optional(_IDENTIFIER)),
        funding=draw(_TEXT_TUPLE),
        collaborative=draw(_OPTIONAL_BOOL),
        parallel_to=_refs(draw, activity_ids),
        target_groups=_refs(draw, target_group_ids),
        focus_area=draw(_OPTIONAL_TEXT),
        municipalities=_refs(draw, codes, arbitrary=_CODE),
        cadence=draw(_optional(_CADENCE)),
        response_time=draw(_optional(_DURATION)),
        source=draw(_optional(_SOURCE_REF)),
    )


def activities(
    *,
    id: str | None = None,
    activity_ids: Ids = None,
    target_group_ids: Ids = None,
    municipality_codes: Ids = None,
) -> st.SearchStrategy[Activity]:
    """`Activity`s: inventory items (Bilaga 2) and joint work (Bilaga 3).

    Args:
        id: the activity's id (drawn if `None`).
        activity_ids: the ids `parallel_to` is drawn from (arbitrary if `None`).
        target_group_ids: the ids `target_groups` is drawn from (arbitrary if `None`).
        municipality_codes: the codes `municipalities` is drawn from (any real code if
            `None`).
    """
    return _activities(id, activity_ids, target_group_ids, municipality_codes)
