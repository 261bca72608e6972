"""Sweden's 290 municipalities (*kommuner*) and 21 counties (*län*) with their SCB codes.

The data is SCB's classification of municipality codes (*kommunkod*, four digits: two for
the county, two for the municipality) as of 2025, shipped with the package
(`dua/data/kommuner.csv`). Look a municipality up by code or by name; names match
regardless of case, diacritics and a trailing "kommun"/"stad".

>>> from dua import municipalities
>>> municipalities.by_code("1863").name
'Hällefors'
>>> municipalities.by_name("HALLEFORS KOMMUN").code
'1863'
>>> municipalities.by_code("1863").county.name
'Örebro län'
>>> len(municipalities.all_municipalities()), len(municipalities.all_counties())
(290, 21)
"""

from __future__ import annotations

import csv
import functools
import unicodedata
from importlib import resources

import attrs

from dua.errors import UnknownMunicipalityError, mask_value

__all__ = [
    "County",
    "Municipality",
    "all_counties",
    "all_municipalities",
    "by_code",
    "by_name",
    "county_by_code",
    "is_municipality_code",
    "search_key",
]


@attrs.frozen(order=True)
class County:
    """A county (*län*): its two-digit SCB code and name, e.g. `18`, `Örebro län`."""

    code: str
    name: str


@attrs.frozen(order=True)
class Municipality:
    """A municipality (*kommun*): four-digit SCB code, name and county."""

    code: str
    name: str
    county: County

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


def _plain(name: str) -> str:
    """Lower case, single spaces, hyphens as spaces, no "kommun"/"stad"/"län" suffix."""
    text = " ".join(unicodedata.normalize("NFC", name).casefold().replace("-", " ").split())
    for suffix in (" kommun", " stad", " län"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def search_key(name: str) -> str:
    """Fold a name for matching: lower case, no diacritics, no "kommun"/"stad"/"län" suffix.

    Two municipalities fold to the same key: Håbo (0305) and Habo (0643). A name is
    therefore matched with its diacritics first, and by this key only when that is
    unambiguous.

    >>> search_key("Upplands Väsby kommun")
    'upplands vasby'
    """
    decomposed = unicodedata.normalize("NFKD", _plain(name))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.cache
def _load() -> tuple[
    dict[str, Municipality],
    dict[str, County],
    dict[str, list[Municipality]],
    dict[str, Municipality],
]:
    by_code: dict[str, Municipality] = {}
    counties: dict[str, County] = {}
    by_key: dict[str, list[Municipality]] = {}
    by_plain: dict[str, Municipality] = {}
    text = resources.files("dua").joinpath("data/kommuner.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(text.splitlines()):
        county = counties.setdefault(row["lanskod"], County(code=row["lanskod"], name=row["lan"]))
        municipality = Municipality(code=row["kommunkod"], name=row["kommun"], county=county)
        by_code[municipality.code] = municipality
        by_key.setdefault(search_key(municipality.name), []).append(municipality)
        by_plain[_plain(municipality.name)] = municipality
    return by_code, counties, by_key, by_plain


def all_municipalities() -> tuple[Municipality, ...]:
    """All 290 municipalities, ordered by code."""
    return tuple(sorted(_load()[0].values(), key=lambda m: m.code))


def all_counties() -> tuple[County, ...]:
    """All 21 counties, ordered by code."""
    return tuple(sorted(_load()[1].values(), key=lambda c: c.code))


def is_municipality_code(code: str) -> bool:
    """Whether `code` is the four-digit SCB code of a municipality.

    >>> is_municipality_code("0180"), is_municipality_code("0100")
    (True, False)
    """
    return code in _load()[0]


def by_code(code: str) -> Municipality:
    """The municipality with the four-digit SCB code `code`.

    Raises:
        UnknownMunicipalityError: no municipality has that code.
    """
    try:
        return _load()[0][code.strip()]
    except KeyError:
        raise UnknownMunicipalityError(
            "error.municipality.unknown_code", code=mask_value(code)
        ) from None


def county_by_code(code: str) -> County:
    """The county with the two-digit SCB code `code`.

    Raises:
        UnknownMunicipalityError: no county has that code.
    """
    try:
        return _load()[1][code.strip()]
    except KeyError:
        raise UnknownMunicipalityError(
            "error.municipality.unknown_county", code=mask_value(code)
        ) from None


def by_name(name: str) -> Municipality:
    """The municipality called `name`, ignoring case, diacritics and a "kommun" suffix.

    A name written with its diacritics always finds its own municipality; one written
    without them finds the municipality whose folded name it is, unless two fold alike
    (`"Habo"` is Habo, `"Håbo"` is Håbo, and `"HABO"` is Habo because it matches Habo
    exactly apart from case).

    >>> by_name("Håbo").code, by_name("habo kommun").code
    ('0305', '0643')

    Raises:
        UnknownMunicipalityError: no municipality has that name, or the name without
            diacritics fits more than one.
    """
    _, _, by_key, by_plain = _load()
    exact = by_plain.get(_plain(name))
    if exact is not None:
        return exact
    candidates = by_key.get(search_key(name), [])
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        listed = ", ".join(str(m) for m in candidates)
        raise UnknownMunicipalityError(
            "error.municipality.ambiguous_name", name=mask_value(name), listed=listed
        )
    raise UnknownMunicipalityError("error.municipality.unknown_name", name=mask_value(name))
