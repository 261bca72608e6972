"""What every strategy builds on: texts, identifiers, dates, decimals, municipality codes
and organisation numbers; references to other parts by id; and the base types of
`dua.model` (age bands, periods, cadences, source references, durations)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on how dua was installed
    raise ImportError(
        "dua.testing needs Hypothesis: install it with pip install 'dua-samverkan[testing]'"
    ) from exc
from stdnum import luhn

from dua.model import (
    AgeBand,
    Cadence,
    Duration,
    Frequency,
    GoalKind,
    Outcome,
    Period,
    SourceRef,
    Unit,
)
from dua.municipalities import all_municipalities

T = TypeVar("T")
Ids = Sequence[str] | None
"""Ids a reference may name: `None` for arbitrary identifiers, else only these."""

# Sizes are small on purpose: an agreement has up to _FEW of each top-level part and up to
# _NESTED items in each list inside a part, which keeps a test run to seconds.
_FEW = 3
_NESTED = 2

TRICKY_CHARACTERS = "åäöÅÄÖéÉü\"'\\\n\r\t #=[]{}.,:;–—%§€\u00a0\u2028\x00\x7f"
"""Characters that texts favour: Swedish letters, and what TOML and JSON must escape or
quote (quotes, backslash, line feed, carriage return, tab, `#`, `=`, brackets, NUL, DEL,
U+2028)."""

_CHARACTERS = st.one_of(
    st.sampled_from(TRICKY_CHARACTERS),
    # The utf-8 codec leaves out the surrogates (see the module docstring).
    st.characters(codec="utf-8"),
)
_ID_FIRST = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÅÄÖåäöÉé"
_ID_REST = _ID_FIRST + "_.-"
_TIME_UNITS = (Unit.DAYS, Unit.WEEKS, Unit.MONTHS, Unit.YEARS, Unit.HOURS)
_NEEDS_TARGETS = {
    GoalKind.LEVEL,
    GoalKind.RELATIVE_CHANGE,
    GoalKind.GROWTH,
    GoalKind.COUNT,
    GoalKind.SHARE,
    GoalKind.MILESTONES,
    GoalKind.CADENCE,
}
_INDICATOR_OPTIONAL = {GoalKind.QUALITATIVE, GoalKind.CADENCE, GoalKind.CONVERSION}
_EARLIEST = date(1990, 1, 1)
_LATEST = date(2040, 12, 31)
_CODES = tuple(municipality.code for municipality in all_municipalities())


def _has_text(text: str) -> bool:
    return bool(text.strip())


def _concat(first: str, rest: str) -> str:
    return first + rest


# Strategies are built once where they take no arguments: building them anew inside every
# draw costs Hypothesis far more time than drawing from them.
_TEXT = st.text(_CHARACTERS, max_size=12)
_NON_EMPTY = st.text(_CHARACTERS, min_size=1, max_size=12).filter(_has_text)
_IDENTIFIER = st.builds(_concat, st.sampled_from(_ID_FIRST), st.text(_ID_REST, max_size=12))
_DATE = st.dates(min_value=_EARLIEST, max_value=_LATEST)
_CODE = st.sampled_from(_CODES)
_BOOL = st.booleans()
_OPTIONAL_TEXT = st.none() | _TEXT
_OPTIONAL_DATE = st.none() | _DATE
_OPTIONAL_BOOL = st.none() | _BOOL
_TEXT_TUPLE = st.lists(_NON_EMPTY, max_size=_NESTED).map(tuple)
_OUTCOMES = st.lists(st.sampled_from(Outcome), max_size=3, unique=True).map(tuple)


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


# --- Building blocks -----------------------------------------------------------------------


def texts(*, min_size: int = 0, max_size: int = 12) -> st.SearchStrategy[str]:
    """Texts that an agreement file holds loss-free, favouring `TRICKY_CHARACTERS`.

    Any Unicode character but surrogates, which no UTF-8 file can hold (see the module
    docstring).
    """
    if (min_size, max_size) == (0, 12):
        return _TEXT
    return st.text(_CHARACTERS, min_size=min_size, max_size=max_size)


def non_empty_texts(*, max_size: int = 12) -> st.SearchStrategy[str]:
    """Texts with at least one non-blank character, as the models' `non_empty` fields need."""
    if max_size == 12:
        return _NON_EMPTY
    return st.text(_CHARACTERS, min_size=1, max_size=max_size).filter(_has_text)


def identifiers() -> st.SearchStrategy[str]:
    """Identifiers for cross references: a letter or digit, then letters, digits, `_.-`.

    Swedish letters included (e.g. `borås-vård`), as `dua.model` allows them in ids.
    """
    return _IDENTIFIER


def dates(*, min_value: date = _EARLIEST, max_value: date = _LATEST) -> st.SearchStrategy[date]:
    """Dates between `min_value` and `max_value` (by default 1990-01-01 to 2040-12-31)."""
    if (min_value, max_value) == (_EARLIEST, _LATEST):
        return _DATE
    return st.dates(min_value=min_value, max_value=max_value)


@functools.lru_cache(maxsize=64)
def _decimals(
    min_value: Decimal | int | None, max_value: Decimal | int | None, max_places: int
) -> st.SearchStrategy[Decimal]:
    return st.one_of(
        *(
            st.decimals(
                min_value=min_value,
                max_value=max_value,
                places=places,
                allow_nan=False,
                allow_infinity=False,
            )
            for places in range(max_places + 1)
        )
    )


def decimals(
    *,
    min_value: Decimal | int | None = -1_000_000,
    max_value: Decimal | int | None = 1_000_000,
    max_places: int = 2,
) -> st.SearchStrategy[Decimal]:
    """Finite `Decimal`s with 0 to `max_places` decimals, as a document states a number.

    The number of places is part of the value (`Decimal("21.0")` stays apart from
    `Decimal("21")` when written), so that tests see the stated precision kept.
    """
    return _decimals(min_value, max_value, max_places)


def municipality_codes() -> st.SearchStrategy[str]:
    """SCB codes of real municipalities (`dua.municipalities.all_municipalities()`)."""
    return _CODE


def _with_check_digit(head: int, third: int, tail: str) -> str:
    digits = f"{head}{third}{tail}"
    number = digits + luhn.calc_check_digit(digits)
    return f"{number[:6]}-{number[6:]}"


_ORGANISATION_NUMBER = st.builds(
    _with_check_digit,
    st.integers(min_value=10, max_value=99),
    st.integers(min_value=2, max_value=9),
    st.text("0123456789", min_size=6, max_size=6),
)


def organisation_numbers() -> st.SearchStrategy[str]:
    """Organisation numbers `NNNNNN-NNNN` with a correct Luhn check digit (python-stdnum).

    The third digit is 2 or more, as in the numbers of legal persons: their "month"
    position of 20 or more sets them apart from personal identity numbers (Skatteverket,
    SKV 709 *Organisationsnummer*).
    """
    return _ORGANISATION_NUMBER


@functools.lru_cache(maxsize=256)
def _ref_lists(pool: tuple[str, ...], max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(pool), max_size=max_size, unique=True)


def _refs(
    draw: st.DrawFn,
    pool: Ids,
    *,
    max_size: int = _NESTED,
    arbitrary: st.SearchStrategy[str] = _IDENTIFIER,
) -> tuple[str, ...]:
    """A few distinct references: from `pool`, or arbitrary ones when `pool` is `None`."""
    if pool is None:
        return tuple(draw(st.lists(arbitrary, max_size=max_size, unique=True)))
    if not pool:
        return ()
    return tuple(draw(_ref_lists(tuple(pool), max_size)))


def _ref(draw: st.DrawFn, pool: Ids) -> str | None:
    """An optional reference: from `pool`, or an arbitrary identifier when `pool` is `None`."""
    if pool is None:
        return draw(_optional(_IDENTIFIER))
    if not pool or draw(_BOOL):
        return None
    return draw(st.sampled_from(tuple(pool)))


def _unique_ids(max_size: int = _FEW) -> st.SearchStrategy[list[str]]:
    return st.lists(_IDENTIFIER, max_size=max_size, unique=True)


def _id(draw: st.DrawFn, value: str | None) -> str:
    return draw(_IDENTIFIER) if value is None else value


# --- Base types ------------------------------------------------------------------------------


@st.composite
def _age_bands(draw: st.DrawFn) -> AgeBand:
    low = draw(st.integers(min_value=0, max_value=70))
    high = draw(_optional(st.integers(min_value=low, max_value=low + 30)))
    return AgeBand(min_age=low, max_age=high)


_AGE_BAND = _age_bands()


def age_bands() -> st.SearchStrategy[AgeBand]:
    """`AgeBand`s: a lower age 0–70 and no upper age, or one at or above the lower age."""
    return _AGE_BAND


@st.composite
def _periods(draw: st.DrawFn, min_start: date) -> Period:
    start = draw(dates(min_value=min_start))
    days = draw(_optional(st.integers(min_value=0, max_value=3650)))
    return Period(start=start, end=None if days is None else start + timedelta(days=days))


_PERIOD = _periods(_EARLIEST)


def periods(*, min_start: date = _EARLIEST) -> st.SearchStrategy[Period]:
    """`Period`s: a start and either no end (*tills vidare*) or an end on or after it."""
    return _PERIOD if min_start == _EARLIEST else _periods(min_start)


@st.composite
def _cadences(draw: st.DrawFn) -> Cadence:
    frequency = draw(st.sampled_from(Frequency))
    low: int | None = draw(st.integers(min_value=0, max_value=52))
    if frequency is not Frequency.TIMES_PER_YEAR and draw(_BOOL):
        low = None
    high = draw(_optional(st.integers(min_value=low or 0, max_value=60)))
    months = draw(st.lists(st.integers(min_value=1, max_value=12), max_size=_NESTED, unique=True))
    return Cadence(
        frequency=frequency,
        min_times=low,
        max_times=high,
        months=tuple(sorted(months)),
        approximate=draw(_BOOL),
        text=draw(_OPTIONAL_TEXT),
    )


_CADENCE = _cadences()


def cadences() -> st.SearchStrategy[Cadence]:
    """`Cadence`s; *gånger per år* always with `min_times`, `max_times` never below it."""
    return _CADENCE


_SOURCE_REF = st.builds(
    SourceRef,
    document=_NON_EMPTY,
    locator=_OPTIONAL_TEXT,
    url=_optional(st.just("https://www.riksdagen.se/sv/dokument-och-lagar/") | _TEXT),
    note=_OPTIONAL_TEXT,
)


def source_refs() -> st.SearchStrategy[SourceRef]:
    """`SourceRef`s: a document name and an optional locator, address and note."""
    return _SOURCE_REF


@st.composite
def _durations(draw: st.DrawFn) -> Duration:
    amount = decimals(min_value=0, max_value=1000)
    low = draw(_optional(amount))
    high = draw(amount) if low is None else draw(_optional(amount))
    if low is not None and high is not None and high < low:
        low, high = high, low
    return Duration(
        minimum=low,
        maximum=high,
        unit=draw(st.sampled_from(_TIME_UNITS)),
        approximate=draw(_BOOL),
    )


_DURATION = _durations()


def durations() -> st.SearchStrategy[Duration]:
    """`Duration`s in a unit of time, with a minimum, a maximum or both (never inverted)."""
    return _DURATION
