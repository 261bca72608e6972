"""The frames [`dua.frames`][dua.frames] reads: their columns, Swedish headers, types and
categories (see the docs page "Data frames" for small examples of each shape).

- [`PERSONS`][dua.frames.layouts.PERSONS]: one row per person;
- [`ENROLMENTS`][dua.frames.layouts.ENROLMENTS],
  [`QUALIFICATIONS`][dua.frames.layouts.QUALIFICATIONS],
  [`REGISTRATIONS`][dua.frames.layouts.REGISTRATIONS],
  [`OUTCOMES`][dua.frames.layouts.OUTCOMES], [`TRACKS`][dua.frames.layouts.TRACKS],
  [`SOCIAL_ASSISTANCE`][dua.frames.layouts.SOCIAL_ASSISTANCE]: histories, one row per
  event, joined to the persons by `key`.

Examples:
    >>> [column.name for column in PERSONS.columns][:4]
    ['key', 'birth_date', 'sex', 'home_municipality']
    >>> ENROLMENTS["kind"].swedish
    'inskrivning'
"""

from dua.frames._columns import (
    ENROLMENTS,
    LAYOUTS,
    OUTCOMES,
    PERSONS,
    QUALIFICATIONS,
    REGISTRATIONS,
    SOCIAL_ASSISTANCE,
    TRACKS,
    ColumnKind,
    FrameColumn,
    FrameLayout,
)

__all__ = [
    "ENROLMENTS",
    "LAYOUTS",
    "OUTCOMES",
    "PERSONS",
    "QUALIFICATIONS",
    "REGISTRATIONS",
    "SOCIAL_ASSISTANCE",
    "TRACKS",
    "ColumnKind",
    "FrameColumn",
    "FrameLayout",
]
