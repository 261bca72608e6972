"""Traineejobb and utbildningskontrakt eligibility on data frames.

The same rules as [`traineejobb_eligible`][dua.rules.programmes.traineejobb_eligible] and
[`utbildningskontrakt_eligible`][dua.rules.programmes.utbildningskontrakt_eligible], in
every law version. The version is picked by date from the version list the object rules
use (`traineejobb_eligibility`, `utbildningskontrakt_eligibility` in
`dua/data/parameters/programmes.toml`), and which criteria apply from the parameters in
force on that date, as the object rules read them: the age band (`<measure>.min_age`,
`<measure>.max_age`), the diploma (`<measure>.diploma`: `required`, `any` or `excluded`),
the wider groups of traineejobb from 2016-06-01 (`traineejobb.newly_arrived`,
`traineejobb.long_term_unemployed_min_age`), and for utbildningskontrakt not being in the
establishment programme (`utbildningskontrakt.outside_establishment`) and living in a
municipality with a local agreement (`utbildningskontrakt.agreement_municipality`). A
parameter absent on a date means that version has no such criterion; a new dated version
in the data applies to both paths without new code.

Inputs: a persons frame (`key`, `birth_date`, optionally `education`, `newly_arrived`,
`home_municipality`), optionally the long qualifications frame (`key`, `kind`, `on`) and,
for utbildningskontrakt, the long registrations frame (`key`, `start`, `end`,
`programme`).

Examples:
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

from dua.errors import RuleNotInForce
from dua.frames._backend import nw
from dua.frames._columns import PERSONS, QUALIFICATIONS, REGISTRATIONS
from dua.frames._rules import HistoryFacts, Outcome, Persons
from dua.frames.expressions import active_on, in_age_band, is_born_by, turned
from dua.model import EducationLevel, QualificationKind
from dua.rules._core import Parameter, parameter, parameters, version_in_force
from dua.rules.programmes import DIPLOMA_KINDS, ESTABLISHMENT_PROGRAMMES

__all__ = ["traineejobb_eligibility", "utbildningskontrakt_eligibility", "youth_measure_outcome"]

_WANTED = ("key", "birth_date", "education", "newly_arrived", "home_municipality")
_DIPLOMA_LEVELS = [EducationLevel.UPPER_SECONDARY.name, EducationLevel.POST_SECONDARY.name]
_FALSE = nw.lit(False)


def _whole(name: str, on: date) -> int:
    value = parameter(name, on).value
    if not isinstance(value, int) or isinstance(value, bool):  # pragma: no cover - data bug
        raise TypeError(f"parameter {name} must be a whole number, not {value!r}")
    return value


def _optional(name: str, on: date) -> Parameter | None:
    # As the object rule: a parameter absent on `on` means the version has no such criterion.
    if not parameters(name):
        return None
    try:
        return parameter(name, on)
    except RuleNotInForce:
        return None


def _group(persons: Persons, prefix: str, on: date) -> tuple[Any, Any]:
    """The `age` criterion as (holds, fails): the age band, or (where the version has
    them) newly arrived from the minimum age, and long-term unemployed from their minimum
    age, which the record cannot show (neither holds nor fails)."""
    low, high = _whole(f"{prefix}.min_age", on), _whole(f"{prefix}.max_age", on)
    born = persons.col("birth_date")
    band = in_age_band(born, low, high, on)
    long_term = _optional(f"{prefix}.long_term_unemployed_min_age", on)
    newly_arrived = _optional(f"{prefix}.newly_arrived", on)
    if long_term is None and newly_arrived is None:
        return band, ~band
    # Older than the band (the band's minimum age reached, outside the band).
    older = is_born_by(born, on) & turned(born, low, on) & ~band
    flag = persons.col("newly_arrived")
    arrived = (
        older & flag.fill_null(False)
        if newly_arrived is not None and newly_arrived.value is True
        else _FALSE
    )
    unknown = (
        older & ~arrived & turned(born, _whole(f"{prefix}.long_term_unemployed_min_age", on), on)
        if long_term is not None
        else _FALSE
    )
    rest = older & ~arrived & ~unknown
    return band | arrived, (~band & ~older) | (rest & ~flag.is_null())


def _diploma(persons: Persons, prefix: str, on: date) -> tuple[Any, Any]:
    """The `diploma` criterion as (holds, fails), by `<prefix>.diploma` on `on`."""
    setting = parameter(f"{prefix}.diploma", on).value
    if setting == "any":
        return nw.lit(True), _FALSE
    education = persons.col("education")
    # As the object rule: a diploma among the documents held by `on`; else, with no
    # documents at all, the education level; else unknown. Kept as two booleans that are
    # never null ("has a diploma", "it is known"), because pandas cannot hold a null in a
    # boolean column computed by `when/then`.
    held, any_document = persons.fact("__diploma"), persons.fact("__any_document")
    has_diploma = held | (~any_document & education.is_in(_DIPLOMA_LEVELS).fill_null(False))
    known = held | any_document | ~education.is_null()
    if setting == "required":
        return has_diploma, known & ~has_diploma
    if setting == "excluded":
        return known & ~has_diploma, has_diploma
    raise ValueError(  # pragma: no cover - a data bug
        f"parameter {prefix}.diploma has an unknown value {setting!r}"
    )


def _municipality(persons: Persons, municipalities: Collection[str] | None) -> tuple[Any, Any]:
    """The `agreement_municipality` criterion as (holds, fails): not judged without
    `municipalities`, nor for an unknown home municipality."""
    if municipalities is None:
        return _FALSE, _FALSE
    home = persons.col("home_municipality")
    codes = sorted({str(m) for m in municipalities})
    if not codes:
        return _FALSE, ~home.is_null()
    return home.is_in(codes).fill_null(False), ~home.is_null() & ~home.is_in(codes).fill_null(True)


def youth_measure_outcome(
    persons: Persons,
    rule: str,
    on: date,
    *,
    agreement_municipalities: Collection[str] | None = None,
) -> Outcome:
    """The criteria of a youth measure in the version in force on `on` (`age`,
    `diploma`, and where the version has them `outside_establishment` and
    `agreement_municipality`) over a prepared persons frame whose qualifications facts
    (`__diploma`, `__any_document`) and registrations fact (`__in_establishment`) are
    joined."""
    version = version_in_force(rule, on)
    prefix = rule.removesuffix("_eligibility")
    criteria: list[tuple[str, tuple[Any, Any]]] = [
        ("age", _group(persons, prefix, on)),
        ("diploma", _diploma(persons, prefix, on)),
    ]
    establishment = _optional(f"{prefix}.outside_establishment", on)
    if establishment is not None and establishment.value is True:
        inside = persons.fact("__in_establishment")
        criteria.append(("outside_establishment", (~inside, inside)))
    municipality = _optional(f"{prefix}.agreement_municipality", on)
    if municipality is not None and municipality.value is True:
        criteria.append(
            ("agreement_municipality", _municipality(persons, agreement_municipalities))
        )
    holds = criteria[0][1][0]
    for _, (ok, _fails) in criteria[1:]:
        holds = holds & ok
    return Outcome(
        rule=rule,
        criteria=tuple((name, fails) for name, (_, fails) in criteria),
        version=version.id,
        holds=holds,
    )


def _measure(
    rule: str,
    persons: Any,
    on: date,
    qualifications: Any,
    registrations: Any,
    columns: Mapping[str, str] | None,
    check: bool,
    diploma_kinds: Collection[QualificationKind],
    agreement_municipalities: Collection[str] | None = None,
) -> Any:
    version_in_force(rule, on)  # RuleNotInForce before reading any frame
    prepared = Persons(persons, PERSONS, columns=columns, wanted=_WANTED, check=check)
    histories = []
    if qualifications is not None:
        histories.append(
            HistoryFacts(
                history=qualifications,
                layout=QUALIFICATIONS,
                facts={
                    "__diploma": nw.col("kind").is_in([k.name for k in diploma_kinds]),
                    "__any_document": nw.lit(True),
                },
                where=nw.col("on") <= on,
            )
        )
    establishment = _optional(f"{rule.removesuffix('_eligibility')}.outside_establishment", on)
    if registrations is not None and establishment is not None:
        histories.append(
            HistoryFacts(
                history=registrations,
                layout=REGISTRATIONS,
                facts={
                    "__in_establishment": nw.col("programme").is_in(
                        sorted(ESTABLISHMENT_PROGRAMMES)
                    )
                },
                where=active_on(nw.col("start"), nw.col("end"), on),
            )
        )
    prepared.join_histories(histories, columns=columns, check=check)
    outcome = youth_measure_outcome(
        prepared, rule, on, agreement_municipalities=agreement_municipalities
    )
    return prepared.result(outcome)


def traineejobb_eligibility(
    persons: Any,
    *,
    on: date,
    qualifications: Any = None,
    columns: Mapping[str, str] | None = None,
    check: bool = True,
    diploma_kinds: Collection[QualificationKind] = DIPLOMA_KINDS,
) -> Any:
    """The persons frame with traineejobb eligibility on `on`, in the version in force:
    from 2015-08-01 aged 20–24 with an upper-secondary diploma; from 2016-06-01 aged
    20–24 with no diploma requirement, or newly arrived from 20, or long-term unemployed
    aged 25 or older (not judged: the record cannot show long-term unemployment).

    Adds `traineejobb_eligibility` (bool), `traineejobb_eligibility_reason` (`age` or
    `diploma`, the first that fails; null when it holds, and also when a criterion cannot
    be judged: an unknown diploma (no documents and no education level), an unknown
    `newly_arrived` outside the band, or someone 25 or older who is not newly arrived in
    the second version; the rule then does not hold without failing, as in the object
    rule) and `traineejobb_eligibility_version`.

    Args:
        persons: one row per person (`key`, `birth_date`, optionally `education`,
            `newly_arrived`).
        on: the day asked about.
        qualifications: the long qualifications frame, or `None`.
        columns: model name → the frame's column name (applies to every frame).
        check: check values first (see [`kaa_coverage`][dua.frames.kaa.kaa_coverage]).
        diploma_kinds: the documents that count as *gymnasieexamen*.

    Raises:
        FrameError: a column is missing, of the wrong type or holds an unknown category.
        RuleNotInForce: no version of the rule is in force on `on` (2015-08-01–2017-12-31).
    """
    return _measure(
        "traineejobb_eligibility", persons, on, qualifications, None, columns, check,
        diploma_kinds,
    )  # fmt: skip


def utbildningskontrakt_eligibility(
    persons: Any,
    *,
    on: date,
    qualifications: Any = None,
    registrations: Any = None,
    agreement_municipalities: Collection[str] | None = None,
    columns: Mapping[str, str] | None = None,
    check: bool = True,
    diploma_kinds: Collection[QualificationKind] = DIPLOMA_KINDS,
) -> Any:
    """The persons frame with utbildningskontrakt eligibility on `on`: aged 20–24 without
    a diploma (judged as in
    [`traineejobb_eligibility`][dua.frames.programmes.traineejobb_eligibility]), not in
    the establishment assignment or programme on `on` (no active registration in
    `registrations` with a code in `ESTABLISHMENT_PROGRAMMES`), and living in a
    municipality with a local agreement (`home_municipality` among
    `agreement_municipalities`), as
    [`utbildningskontrakt_eligible`][dua.rules.programmes.utbildningskontrakt_eligible].

    Adds `utbildningskontrakt_eligibility` (bool), `…_reason` (`age`, `diploma`,
    `outside_establishment` or `agreement_municipality`, the first that fails) and
    `…_version`. Without `agreement_municipalities` the municipality criterion is not
    judged and the rule holds for nobody (the reason stays null unless another criterion
    fails); an unknown home municipality is likewise not judged.

    Args:
        persons: one row per person (`key`, `birth_date`, optionally `education`,
            `home_municipality`).
        on: the day asked about.
        qualifications: the long qualifications frame, or `None`.
        registrations: the long registrations frame, or `None` (nobody is in the
            establishment programme).
        agreement_municipalities: the municipality codes (SCB) with a local agreement,
            e.g. `agreement.municipalities`, or `None`.
        columns: model name → the frame's column name (applies to every frame).
        check: check values first (see [`kaa_coverage`][dua.frames.kaa.kaa_coverage]).
        diploma_kinds: the documents that count as *gymnasieexamen*.

    Raises:
        FrameError: a column is missing, of the wrong type or holds an unknown category.
        RuleNotInForce: no version of the rule is in force on `on` (2015-08-03–2019-12-31).
    """
    return _measure(
        "utbildningskontrakt_eligibility", persons, on, qualifications, registrations,
        columns, check, diploma_kinds, agreement_municipalities,
    )  # fmt: skip
