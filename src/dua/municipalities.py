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

from dua.errors import UnknownMunicipalityError

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


def search_key(name: str) -> str:
    """Fold a name for matching: lower case, no diacritics, no "kommun"/"stad"/"län" suffix.

    >>> search_key("Upplands Väsby kommun")
    'upplands vasby'
    """
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = " ".join(folded.replace("-", " ").split())
    for suffix in (" kommun", " stad", " lan"):
        if folded.endswith(suffix):
            folded = folded[: -len(suffix)]
    return folded


@functools.cache
def _load() -> tuple[dict[str, Municipality], dict[str, County], dict[str, Municipality]]:
    by_code: dict[str, Municipality] = {}
    counties: dict[str, County] = {}
    by_key: dict[str, Municipality] = {}
    text = resources.files("dua").joinpath("data/kommuner.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(text.splitlines()):
        county = counties.setdefault(row["lanskod"], County(code=row["lanskod"], name=row["lan"]))
        municipality = Municipality(code=row["kommunkod"], name=row["kommun"], county=county)
        by_code[municipality.code] = municipality
        by_key[search_key(municipality.name)] = municipality
    return by_code, counties, by_key


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
            f"{code!r} is not an SCB municipality code (four digits, e.g. '1863' for Hällefors)"
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
            f"{code!r} is not an SCB county code (two digits, e.g. '18' for Örebro län)"
        ) from None


def by_name(name: str) -> Municipality:
    """The municipality called `name`, ignoring case, diacritics and a "kommun" suffix.

    Raises:
        UnknownMunicipalityError: no municipality has that name.
    """
    try:
        return _load()[2][search_key(name)]
    except KeyError:
        raise UnknownMunicipalityError(f"no Swedish municipality is called {name!r}") from None
