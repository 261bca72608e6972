"""Traineejobb and utbildningskontrakt eligibility on data frames.

The same rules as [`traineejobb_eligible`][dua.rules.programmes.traineejobb_eligible] and
[`utbildningskontrakt_eligible`][dua.rules.programmes.utbildningskontrakt_eligible]: 20–24
with (traineejobb) or without (utbildningskontrakt) an upper-secondary diploma on the date
asked. The law version is picked by date from the same version list the object rules use
(`traineejobb_eligibility`, `utbildningskontrakt_eligibility` in
`dua/data/parameters/programmes.toml`), and the age band from the parameters
`<measure>.min_age` / `<measure>.max_age` valid on that date; a new dated version or age in
the data applies to both paths without new code.

Inputs: a persons frame (`key`, `birth_date`, optionally `education`) and optionally the
long qualifications frame (`key`, `kind`, `on`).

>>> from datetime import date
>>> import polars as pl
>>> persons = pl.DataFrame({"key": ["p1", "p2"], "födelsedatum": [date(1995, 1, 10)] * 2,
...                         "utbildningsnivå": ["gymnasial", "förgymnasial"]})
>>> out = traineejobb_eligibility(persons, on=date(2016, 1, 1))
>>> out.select("key", "traineejobb_eligibility", "traineejobb_eligibility_reason").rows()
[('p1', True, None), ('p2', False, 'diploma')]
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

from dua.frames._backend import nw
from dua.frames._columns import PERSONS, QUALIFICATIONS
from dua.frames._rules import Outcome, Persons, history_facts
from dua.frames.expressions import in_age_band
from dua.model import EducationLevel, QualificationKind
from dua.rules._core import parameter, version_in_force
from dua.rules.programmes import DIPLOMA_KINDS

__all__ = ["traineejobb_eligibility", "utbildningskontrakt_eligibility", "youth_measure_outcome"]

_WANTED = ("key", "birth_date", "education")
_DIPLOMA_LEVELS = [EducationLevel.UPPER_SECONDARY.name, EducationLevel.POST_SECONDARY.name]


def _whole(name: str, on: date) -> int:
    value = parameter(name, on).value
    if not isinstance(value, int) or isinstance(value, bool):  # pragma: no cover - data bug
        raise TypeError(f"parameter {name} must be a whole number, not {value!r}")
    return value


def youth_measure_outcome(persons: Persons, rule: str, on: date, *, with_diploma: bool) -> Outcome:
    """The criteria of a youth measure (`age`, `diploma`) over a prepared persons frame
    whose qualifications facts (`__diploma`, `__any_document`) are joined."""
    version = version_in_force(rule, on)
    prefix = rule.removesuffix("_eligibility")
    low, high = _whole(f"{prefix}.min_age", on), _whole(f"{prefix}.max_age", on)
    education = persons.col("education")
    # As the object rule: a diploma among the documents held by `on`; else, with no
    # documents at all, the education level; else unknown. Kept as two booleans that are
    # never null ("has a diploma", "it is known"), because pandas cannot hold a null in a
    # boolean column computed by `when/then`.
    held, any_document = persons.fact("__diploma"), persons.fact("__any_document")
    has_diploma = held | (~any_document & education.is_in(_DIPLOMA_LEVELS).fill_null(False))
    known = held | any_document | ~education.is_null()
    if with_diploma:
        fails, wanted = known & ~has_diploma, has_diploma
    else:
        fails, wanted = has_diploma, known & ~has_diploma
    age_ok = in_age_band(persons.col("birth_date"), low, high, on)
    return Outcome(
        rule=rule,
        criteria=(("age", ~age_ok), ("diploma", fails)),
        version=version.id,
        holds=age_ok & wanted,
    )


def _measure(
    rule: str,
    persons: Any,
    on: date,
    qualifications: Any,
    columns: Mapping[str, str] | None,
    check: bool,
    diploma_kinds: Collection[QualificationKind],
    with_diploma: bool,
) -> Any:
    version_in_force(rule, on)  # RuleNotInForce before reading any frame
    prepared = Persons(persons, PERSONS, columns=columns, wanted=_WANTED, check=check)
    if qualifications is not None:
        prepared.join(
            history_facts(
                qualifications,
                QUALIFICATIONS,
                {
                    "__diploma": nw.col("kind").is_in([k.name for k in diploma_kinds]),
                    "__any_document": nw.lit(True),
                },
                columns=columns,
                check=check,
                where=nw.col("on") <= on,
            ),
            ["__diploma", "__any_document"],
        )
    return prepared.result(youth_measure_outcome(prepared, rule, on, with_diploma=with_diploma))


def traineejobb_eligibility(
    persons: Any,
    *,
    on: date,
    qualifications: Any = None,
    columns: Mapping[str, str] | None = None,
    check: bool = True,
    diploma_kinds: Collection[QualificationKind] = DIPLOMA_KINDS,
) -> Any:
    """The persons frame with traineejobb eligibility on `on`: 20–24 with a diploma.

    Adds `traineejobb_eligibility` (bool), `traineejobb_eligibility_reason` (`age` or
    `diploma`, the first that fails; null when it holds, and also when the diploma is
    unknown: no documents and no education level, which makes the rule not hold without
    failing, as in the object rule) and `traineejobb_eligibility_version`.

    Args:
        persons: one row per person (`key`, `birth_date`, optionally `education`).
        on: the day asked about.
        qualifications: the long qualifications frame, or `None`.
        columns: model name → the frame's column name (applies to every frame).
        check: check values first (see [`kaa_coverage`][dua.frames.kaa.kaa_coverage]).
        diploma_kinds: the documents that count as *gymnasieexamen*.

    Raises:
        FrameError: a column is missing, of the wrong type or holds an unknown category.
        RuleNotInForce: no version of the rule is in force on `on`.
    """
    return _measure(
        "traineejobb_eligibility", persons, on, qualifications, columns, check,
        diploma_kinds, with_diploma=True,
    )  # fmt: skip


def utbildningskontrakt_eligibility(
    persons: Any,
    *,
    on: date,
    qualifications: Any = None,
    columns: Mapping[str, str] | None = None,
    check: bool = True,
    diploma_kinds: Collection[QualificationKind] = DIPLOMA_KINDS,
) -> Any:
    """The persons frame with utbildningskontrakt eligibility on `on`: 20–24 without a
    diploma (columns `utbildningskontrakt_eligibility`, `…_reason`, `…_version`, judged as
    in [`traineejobb_eligibility`][dua.frames.programmes.traineejobb_eligibility]).

    Raises:
        FrameError: a column is missing, of the wrong type or holds an unknown category.
        RuleNotInForce: no version of the rule is in force on `on`.
    """
    return _measure(
        "utbildningskontrakt_eligibility", persons, on, qualifications, columns, check,
        diploma_kinds, with_diploma=False,
    )  # fmt: skip
