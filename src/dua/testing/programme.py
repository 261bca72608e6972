"""Strategies for `dua.model.programme`: programmes."""

from __future__ import annotations

from hypothesis import strategies as st

from dua.model import PartyKind, Programme
from dua.testing._base import (
    _IDENTIFIER,
    _NESTED,
    _NON_EMPTY,
    _OPTIONAL_TEXT,
    _PERIOD,
    _SOURCE_REF,
    _id,
    _optional,
    texts,
)
from dua.testing.activity import _ELIGIBILITY


@st.composite
def _programmes(draw: st.DrawFn, code: str | None) -> Programme:
    return Programme(
        code=_id(draw, code),
        name_sv=draw(_NON_EMPTY),
        name_en=draw(_NON_EMPTY),
        provider=draw(st.sampled_from(PartyKind)),
        abbreviation=draw(_optional(texts(max_size=6))),
        eligibility=draw(_optional(_ELIGIBILITY)),
        validity=draw(_optional(_PERIOD)),
        description=draw(_OPTIONAL_TEXT),
        sources=tuple(draw(st.lists(_SOURCE_REF, max_size=_NESTED))),
        part_of=draw(_optional(_IDENTIFIER)),
    )


def programmes(*, code: str | None = None) -> st.SearchStrategy[Programme]:
    """`Programme`s: catalogue entries with names in Swedish and English.

    Args:
        code: the programme's code (drawn if `None`).
    """
    return _programmes(code)
