"""Strategies for `dua.model.organisation`: members, bodies and organisations."""

from __future__ import annotations

from hypothesis import strategies as st

from dua.model import ActivityStatus, Body, BodyKind, Member, Organisation
from dua.testing._base import (
    _CADENCE,
    _NESTED,
    _NON_EMPTY,
    _OPTIONAL_TEXT,
    _TEXT_TUPLE,
    Ids,
    _id,
    _optional,
    _ref,
    _refs,
    _unique_ids,
)


@st.composite
def _members(draw: st.DrawFn, party_ids: Ids) -> Member:
    return Member(
        role=draw(_NON_EMPTY),
        party=_ref(draw, party_ids),
        count=draw(_optional(st.integers(min_value=0, max_value=20))),
        name=draw(_OPTIONAL_TEXT),
    )


def members(*, party_ids: Ids = None) -> st.SearchStrategy[Member]:
    """`Member`s of a body: a role, and optionally the party they represent.

    Args:
        party_ids: the ids `party` may name (arbitrary if `None`).
    """
    return _members(party_ids)


@st.composite
def _bodies(draw: st.DrawFn, id: str | None, body_ids: Ids, party_ids: Ids, track_ids: Ids) -> Body:
    return Body(
        id=_id(draw, id),
        kind=draw(st.sampled_from(BodyKind)),
        name=draw(_NON_EMPTY),
        members=tuple(draw(st.lists(_members(party_ids), max_size=_NESTED))),
        size=draw(_optional(st.integers(min_value=0, max_value=30))),
        cadence=draw(_optional(_CADENCE)),
        tasks=draw(_TEXT_TUPLE),
        tracks=_refs(draw, track_ids),
        parent=_ref(draw, body_ids),
        description=draw(_OPTIONAL_TEXT),
        status=draw(st.sampled_from(ActivityStatus)),
    )


def bodies(
    *,
    id: str | None = None,
    body_ids: Ids = None,
    party_ids: Ids = None,
    track_ids: Ids = None,
) -> st.SearchStrategy[Body]:
    """`Body`s: steering, management, working and other groups.

    Args:
        id: the body's id (drawn if `None`).
        body_ids: the ids `parent` may name (arbitrary if `None`).
        party_ids: the ids members' `party` may name (arbitrary if `None`).
        track_ids: the ids `tracks` is drawn from (arbitrary if `None`).
    """
    return _bodies(id, body_ids, party_ids, track_ids)


@st.composite
def _organisations(draw: st.DrawFn, party_ids: Ids, track_ids: Ids) -> Organisation:
    ids = draw(_unique_ids())
    return Organisation(
        bodies=tuple(
            draw(_bodies(body_id, ids[:index], party_ids, track_ids))
            for index, body_id in enumerate(ids)
        ),
        description=draw(_OPTIONAL_TEXT),
    )


def organisations(
    *, party_ids: Ids = None, track_ids: Ids = None
) -> st.SearchStrategy[Organisation]:
    """`Organisation`s: bodies with unique ids, each body's parent an earlier body.

    Args:
        party_ids: the ids members' `party` may name (arbitrary if `None`).
        track_ids: the ids bodies' `tracks` are drawn from (arbitrary if `None`).
    """
    return _organisations(party_ids, track_ids)
