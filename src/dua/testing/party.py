"""Strategies for `dua.model.party`: parties."""

from __future__ import annotations

from hypothesis import strategies as st

from dua.model import Party, PartyKind
from dua.testing._base import (
    _CODE,
    _NON_EMPTY,
    _OPTIONAL_TEXT,
    _ORGANISATION_NUMBER,
    _id,
    _optional,
)


@st.composite
def _parties(
    draw: st.DrawFn, id: str | None, kind: PartyKind | None, municipality_code: str | None
) -> Party:
    chosen = kind if kind is not None else draw(st.sampled_from(PartyKind))
    code = None
    if chosen is PartyKind.MUNICIPALITY:
        code = municipality_code or draw(_CODE)
    return Party(
        id=_id(draw, id),
        kind=chosen,
        name=draw(_NON_EMPTY),
        organisation_number=draw(_optional(_ORGANISATION_NUMBER)),
        municipality_code=code,
        unit=draw(_OPTIONAL_TEXT),
    )


def parties(
    *,
    id: str | None = None,
    kind: PartyKind | None = None,
    municipality_code: str | None = None,
) -> st.SearchStrategy[Party]:
    """`Party`s; a municipality party always has a real SCB code, other parties none.

    Args:
        id: the party's id (drawn if `None`).
        kind: the party's kind (drawn if `None`).
        municipality_code: the code a municipality party gets (drawn if `None`).
    """
    return _parties(id, kind, municipality_code)
