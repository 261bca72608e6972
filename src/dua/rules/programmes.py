"""Labour-market programmes: the catalogue, the timing of the AF ladder and youth eligibility.

**The ladder** (Norsjö, Bilaga 2, 2015-10-28; the ordinances below):

- A young person (16–24) who is *openly unemployed* (registration category `"11"`) enters
  **UGA**, *jobbgarantin för ungdomar*, after **90 days**. From 2011-01-01 the ordinance
  counts 90 calendar days *in total* within a frame of four months (förordning 2007:813
  5 §, SFS 2010:2033); from 2007-12-01 to 2010-12-31 it required three consecutive months
  (SFS 2008:274). See [`uga_entry`][dua.rules.programmes.uga_entry].
- After **15 months** in UGA the person enters **JOB**, *jobb- och
  utvecklingsgarantin* (förordning 2007:414 5 § första stycket 4, SFS 2008:60).
  See [`job_entry`][dua.rules.programmes.job_entry].
- After **450 days** in JOB (phases 1 and 2) the person enters the employment phase,
  **phase 3** (*sysselsättningsfasen*; 7 §, SFS 2013:1169). Nobody has been assigned to
  phase 3 since 2016-02-01 (SFS 2015:949). See
  [`job_phase3_entry`][dua.rules.programmes.job_phase3_entry].
- "More than 450 days in JOB" is the long-term marker in the Sjuhärad seed (2020). See
  [`long_term_in_job`][dua.rules.programmes.long_term_in_job].

**Counting days.** A registration history is turned into *spells*: the registrations that
count (by category code or programme code) are clipped at the date asked about, sorted,
and merged when they overlap or follow each other without a gap (a registration ending on
the 10th and the next starting on the 11th form one spell). Any day without a counting
registration is a gap, and a gap ends a spell. The first day of a spell is day 1, so
"after 90 days" is day 91 (start + 90 days). Which category codes count as open
unemployment is the caller's choice (`open_codes`); the default is the seeds' code
`"11"` (*öppet arbetslös*, Hällefors). The seeds also name `"69"` (in UGA) and `"14"`
(*ej till förfogande*, not available), which does not count. No other catalogue of codes
is assumed. The ordinance counts phase-3 days as days *with activity support*; the
registration history does not carry payments, so the library counts calendar days, as the
seeds do.

**Eligibility** for *traineejobb* (20–24 with an upper-secondary diploma) and
*utbildningskontrakt* (20–24 without one) follows the GGV seed (Bilaga 3, Uppdrag) and
Hällefors; see [`traineejobb_eligible`][dua.rules.programmes.traineejobb_eligible].

**The catalogue** of programmes named in the seeds is data (`dua/data/programmes.toml`);
[`catalogue`][dua.rules.programmes.catalogue] returns it and
[`Catalogue.with_programme`][dua.rules.programmes.Catalogue.with_programme] or
[`Catalogue.with_toml`][dua.rules.programmes.Catalogue.with_toml] add a user's own.

>>> from datetime import date
>>> from dua.model import Person, Registration
>>> anna = Person(key="p-1", birth_date=date(1996, 5, 1),
...               registrations=[Registration(start=date(2015, 1, 1), category="11")])
>>> decision = uga_entry(anna, on=date(2015, 6, 1))
>>> bool(decision), decision.value
(True, datetime.date(2015, 4, 1))
>>> job_entry(anna, on=date(2016, 7, 1)).value
datetime.date(2016, 7, 1)
>>> programme("uga").name("en")
'Job guarantee for youth'
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Collection, Iterable, Iterator
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta

from dua._parser_words import parser_reason
from dua.errors import (
    FileFormatError,
    Problem,
    RuleNotInForce,
    UnknownProgrammeError,
    ValidationError,
    os_reason,
)
from dua.i18n import render
from dua.model import EducationLevel, Person, Programme, QualificationKind, Registration
from dua.model._converter import structure
from dua.rules._core import (
    Criterion,
    Decision,
    LawVersion,
    Parameter,
    parameter,
    parameters,
    reference,
    version_in_force,
    versions,
)
from dua.rules.dates import age, last_day_before_birthday

__all__ = [
    "DIPLOMA_KINDS",
    "ESTABLISHMENT_PROGRAMMES",
    "JOB_PROGRAMMES",
    "OPEN_UNEMPLOYMENT_CODES",
    "UGA_CODES",
    "UGA_PROGRAMMES",
    "Catalogue",
    "Spell",
    "UnknownProgrammeError",
    "catalogue",
    "job_entry",
    "job_phase3_entry",
    "long_term_in_job",
    "open_unemployment_spells",
    "programme",
    "registration_spells",
    "traineejobb_eligible",
    "uga_entry",
    "utbildningskontrakt_eligible",
    "utbildningskontrakt_running",
]

OPEN_UNEMPLOYMENT_CODES: frozenset[str] = frozenset({"11"})
"""Registration categories counted as open unemployment by default: `"11"` (*öppet
arbetslös*), the code the Hällefors seed names."""

UGA_CODES: frozenset[str] = frozenset({"69"})
"""Registration categories that record participation in UGA: `"69"` (Hällefors seed)."""

UGA_PROGRAMMES: frozenset[str] = frozenset({"uga"})
"""Programme codes (`Registration.programme`) that record participation in UGA."""

JOB_PROGRAMMES: frozenset[str] = frozenset({"job", "job-fas1", "job-fas2", "job-fas3"})
"""Programme codes that record participation in JOB (the guarantee and its phases)."""

ESTABLISHMENT_PROGRAMMES: frozenset[str] = frozenset(
    {"etableringsuppdraget", "etableringsprogrammet"}
)
"""Programme codes (`Registration.programme`) of the establishment assignment (to
2017-12-31) and programme (from 2018-01-01). Both count at any date, because plans under
the old law could be completed after 2017 (AFFS 2017:2)."""

DIPLOMA_KINDS: frozenset[QualificationKind] = frozenset({QualificationKind.UPPER_SECONDARY_DIPLOMA})
"""School documents that count as *gymnasieexamen* for traineejobb/utbildningskontrakt."""

_DAY = timedelta(days=1)


def _age_on(birth_date: date, on: date) -> int:
    # Ages as dua.rules.dates counts them (29 February birthdays fall on 28 February in
    # common years); before the birth date a person is in no age band.
    return age(birth_date, on) if on >= birth_date else -1


# ---------------------------------------------------------------------------------------
# Spells
# ---------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Spell:
    """An unbroken run of registered days, both ends included.

    >>> Spell(start=date(2015, 1, 1), end=date(2015, 3, 31)).days
    90
    """

    start: date
    end: date

    @property
    def days(self) -> int:
        """The number of days in the spell (the first day is day 1)."""
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        """Whether `day` lies within the spell."""
        return self.start <= day <= self.end

    def overlap(self, first: date, last: date) -> int:
        """How many days of `first`–`last` (inclusive) lie within the spell."""
        lo, hi = max(first, self.start), min(last, self.end)
        return (hi - lo).days + 1 if lo <= hi else 0


def registration_spells(
    registrations: Iterable[Registration],
    on: date,
    *,
    codes: Collection[str] = (),
    programmes: Collection[str] = (),
) -> tuple[Spell, ...]:
    """The spells, up to and including `on`, of registrations that count.

    A registration counts when its `category` is in `codes` or its `programme` is in
    `programmes`. Counting registrations are clipped at `on` (an open-ended one runs to
    `on`), sorted and merged when they overlap or are adjacent; the result does not depend
    on the order of `registrations`.

    >>> regs = [Registration(start=date(2015, 3, 1), end=date(2015, 3, 31), category="11"),
    ...         Registration(start=date(2015, 1, 1), end=date(2015, 2, 28), category="11"),
    ...         Registration(start=date(2015, 5, 1), category="11")]
    >>> [(s.start.isoformat(), s.end.isoformat()) for s in
    ...  registration_spells(regs, date(2015, 5, 10), codes={"11"})]
    [('2015-01-01', '2015-03-31'), ('2015-05-01', '2015-05-10')]
    """
    intervals = sorted(
        (r.start, min(r.end, on) if r.end is not None else on)
        for r in registrations
        if r.start <= on
        and (
            (r.category is not None and r.category in codes)
            or (r.programme is not None and r.programme in programmes)
        )
    )
    merged: list[Spell] = []
    for start, end in intervals:
        if merged and start <= merged[-1].end + _DAY:
            if end > merged[-1].end:
                merged[-1] = Spell(start=merged[-1].start, end=end)
        else:
            merged.append(Spell(start=start, end=end))
    return tuple(merged)


def open_unemployment_spells(
    person: Person, on: date, *, open_codes: Collection[str] = OPEN_UNEMPLOYMENT_CODES
) -> tuple[Spell, ...]:
    """The person's spells of open unemployment up to `on` (categories in `open_codes`)."""
    return registration_spells(person.registrations, on, codes=open_codes)


def _spell_on(spells: Iterable[Spell], day: date) -> Spell | None:
    return next((s for s in spells if s.contains(day)), None)


def _days_within(spells: Iterable[Spell], first: date, last: date) -> int:
    return sum(s.overlap(first, last) for s in spells)


def _version_on(rule: str, day: date) -> LawVersion | None:
    try:
        return version_in_force(rule, day)
    except RuleNotInForce:
        return None


def _int(name: str, on: date) -> int:
    value = parameter(name, on).value
    if not isinstance(value, int) or isinstance(value, bool):  # pragma: no cover - data bug
        raise TypeError(f"parameter {name} must be a whole number, not {value!r}")
    return value


def _codes(codes: Collection[str]) -> str:
    return ", ".join(sorted(codes)) or "–"


# ---------------------------------------------------------------------------------------
# UGA
# ---------------------------------------------------------------------------------------


def _uga_qualifies(spells: tuple[Spell, ...], day: date, version: LawVersion) -> bool:
    start = version.in_force_from
    if _counts_in_frame(start):
        required = _int("uga.qualifying_days", start)
        frame = _int("uga.frame_months", start)
        return _days_within(spells, day - relativedelta(months=frame), day - _DAY) >= required
    months = _int("uga.qualifying_months", start)
    spell = _spell_on(spells, day - _DAY)
    return spell is not None and spell.start <= day - relativedelta(months=months)


def _counts_in_frame(on: date) -> bool:
    # From 2011-01-01 days are counted in total within a frame; before, consecutively.
    try:
        parameter("uga.frame_months", on)
    except RuleNotInForce:
        return False
    return True


def _uga_entry_date(
    person: Person, on: date, open_codes: Collection[str]
) -> tuple[date, LawVersion] | None:
    spells = open_unemployment_spells(person, on, open_codes=open_codes)
    known = versions("uga_entry")
    first_day = min(v.in_force_from for v in known)
    for spell in spells:
        # A spell's own first day can already be the entry day, when earlier spells give
        # the days needed (a gap of one day or more between registrations).
        day = max(spell.start, first_day)
        while day <= spell.end:
            version = _version_on("uga_entry", day)
            if version is not None:
                age = _age_on(person.birth_date, day)
                if age > _int("uga.max_age", day):
                    return None  # older only from here on
                if age >= _int("uga.min_age", day) and _uga_qualifies(spells, day, version):
                    return day, version
            day += _DAY
    return None


def uga_entry(
    person: Person, on: date, *, open_codes: Collection[str] = OPEN_UNEMPLOYMENT_CODES
) -> Decision:
    """Whether, by `on`, the person has reached the day of entry into UGA, and which day.

    The entry day is the first day on which the person is openly unemployed, aged 16–24,
    and has been openly unemployed for 90 days in total within the four months before
    that day (from 2011-01-01; before that, the three months before it without a gap).
    Only registrations up to `on` are looked at. `value` is the entry day, or `None`.
    Each day is judged by the version in force on that day. Arbetsförmedlingen lists other
    routes into UGA (part-time unemployment with unemployment insurance, the end of the
    maximum time in the establishment programme, release from prison); the registration
    history cannot show them, so they are not modelled, and a decision that does not hold
    says so in its criterion `other_routes`.

    Sources: förordning (2007:813) om jobbgaranti för ungdomar 5 § (SFS 2008:274,
    SFS 2010:2033); Norsjö, Bilaga 2, 2015-10-28.

    Raises:
        RuleNotInForce: `on` is before 2007-12-01, when UGA began.
    """
    current = version_in_force("uga_entry", on)
    found = _uga_entry_date(person, on, open_codes)
    codes = _codes(open_codes)
    if found is not None:
        day, version = found
        age = _age_on(person.birth_date, day)
        return Decision(
            rule="uga_entry",
            holds=True,
            on=on,
            version=version,
            subject=person.key,
            value=day,
            criteria=(
                Criterion(
                    name="open_unemployment",
                    holds=True,
                    explanation_sv=f"Öppet arbetslös (kod {codes}) tillräckligt länge för inträde {day}",
                    explanation_en=f"Openly unemployed (code {codes}) long enough to enter on {day}",
                    reference=version.references[0] if version.references else None,
                ),
                Criterion(
                    name="age",
                    holds=True,
                    explanation_sv=f"{age} år vid inträdet, inom 16–24",
                    explanation_en=f"Aged {age} on entry, within 16–24",
                    reference=parameter("uga.max_age", day).reference,
                ),
            ),
        )
    spells = open_unemployment_spells(person, on, open_codes=open_codes)
    registered = _spell_on(spells, on) is not None
    if not _counts_in_frame(on):
        spell = _spell_on(spells, on)
        counted = spell.days if spell else 0
        required_sv = f"{_int('uga.qualifying_months', on)} sammanhängande månader"
        required_en = f"{_int('uga.qualifying_months', on)} consecutive months"
    else:
        frame = _int("uga.frame_months", on)
        counted = _days_within(spells, on - relativedelta(months=frame), on)
        required_sv = f"{_int('uga.qualifying_days', on)} dagar under {frame} månader"
        required_en = f"{_int('uga.qualifying_days', on)} days within {frame} months"
    age = _age_on(person.birth_date, on)
    in_band = _int("uga.min_age", on) <= age <= _int("uga.max_age", on)
    return Decision(
        rule="uga_entry",
        holds=False,
        on=on,
        version=current,
        subject=person.key,
        value=None,
        criteria=(
            Criterion(
                name="open_unemployment",
                holds=False,
                explanation_sv=(
                    f"{counted} dagar öppet arbetslös (kod {codes}) fram till {on}"
                    f"{'' if registered else ', inte inskriven denna dag'}; krävs {required_sv}"
                ),
                explanation_en=(
                    f"{counted} days openly unemployed (code {codes}) up to {on}"
                    f"{'' if registered else ', not registered on that day'}; "
                    f"{required_en} required"
                ),
                reference=current.references[0] if current.references else None,
            ),
            Criterion(
                name="age",
                holds=in_band,
                explanation_sv=f"{age} år {on}; UGA gäller 16–24 år",
                explanation_en=f"Aged {age} on {on}; UGA is for ages 16–24",
                reference=parameter("uga.max_age", on).reference,
            ),
            _other_uga_routes(),
        ),
    )


@functools.cache
def _other_uga_routes() -> Criterion:
    return Criterion(
        name="other_routes",
        holds=None,
        explanation_sv=(
            "Andra vägar in i UGA som Arbetsförmedlingen anger modelleras inte: deltidsarbetslös "
            "med a-kassa i minst tre månader, efter maximal tid i etableringsprogrammet, eller vid "
            "vistelse utanför anstalt eller villkorlig frigivning"
        ),
        explanation_en=(
            "Other routes into UGA that the Public Employment Service lists are not modelled: "
            "part-time unemployed with unemployment insurance for at least three months, after "
            "the maximum time in the establishment programme, or on release from prison or parole"
        ),
        reference=reference("prog-af-uga"),
    )


# ---------------------------------------------------------------------------------------
# JOB
# ---------------------------------------------------------------------------------------


def _ladder_spells(
    person: Person,
    on: date,
    open_codes: Collection[str],
    uga_codes: Collection[str],
    job_codes: Collection[str],
) -> tuple[Spell, ...]:
    # Registered without interruption: openly unemployed, in UGA or in JOB.
    return registration_spells(
        person.registrations,
        on,
        codes={*open_codes, *uga_codes, *job_codes},
        programmes={*UGA_PROGRAMMES, *JOB_PROGRAMMES},
    )


def _continuous(spells: tuple[Spell, ...], first: date, last: date) -> bool:
    spell = _spell_on(spells, first)
    return spell is not None and spell.end >= last


def _uga_starts(
    person: Person, on: date, open_codes: Collection[str], uga_codes: Collection[str]
) -> tuple[list[date], bool]:
    recorded = registration_spells(
        person.registrations, on, codes=uga_codes, programmes=UGA_PROGRAMMES
    )
    if recorded:
        return [s.start for s in recorded], True
    found = _uga_entry_date(person, on, open_codes)
    return ([found[0]] if found else []), False


def job_entry(
    person: Person,
    on: date,
    *,
    open_codes: Collection[str] = OPEN_UNEMPLOYMENT_CODES,
    uga_codes: Collection[str] = UGA_CODES,
    job_codes: Collection[str] = (),
) -> Decision:
    """Whether, by `on`, the person has reached JOB after 15 months in UGA, and which day.

    UGA starts on the start of a recorded UGA spell (category in `uga_codes` or programme
    `"uga"`) or, when the history records none, on the day [`uga_entry`][dua.rules.programmes.uga_entry]
    gives. JOB follows 15 months later if the person has stayed registered without a gap
    (openly unemployed, in UGA or in JOB) from the UGA start to the day before, and UGA
    has not ended first: UGA lasts at most 15 months and never past the day before the
    25th birthday, so someone who turns 25 before the 15 months are complete leaves UGA on
    the day before the birthday and does not reach JOB by this route (the decision says
    so; routes into JOB for adults are not modelled). `value` is the JOB entry day, or `None`.

    Sources: förordning (2007:414) om jobb- och utvecklingsgarantin 5 § första stycket 4
    (SFS 2008:60); the government's summary of UGA ("högst 15 månader, men längst fram
    till att deltagaren fyller 25 år"); Norsjö, Bilaga 2, 2015-10-28.

    Raises:
        RuleNotInForce: `on` is before 2008-04-07, the earliest version known.
    """
    current = version_in_force("job_entry", on)
    starts, recorded = _uga_starts(person, on, open_codes, uga_codes)
    ladder = _ladder_spells(person, on, open_codes, uga_codes, job_codes)
    how_sv, how_en = ("registrerad", "recorded") if recorded else ("beräknad", "computed")
    aged_out: tuple[date, date, date] | None = None
    for start in starts:
        day = start + relativedelta(months=_int("job.months_in_uga", current.in_force_from))
        version = _version_on("job_entry", day)
        if day > on or version is None or not _continuous(ladder, start, day - _DAY):
            continue
        # The age limit as in force on the JOB day: a recorded UGA start may lie before
        # the first day of UGA's law (2007-12-01), when no limit was in force yet.
        last_in_uga = last_day_before_birthday(person.birth_date, _int("uga.ends_before_age", day))
        if last_in_uga < day - _DAY:
            # UGA ended on the day before the 25th birthday, before the 15 months were
            # complete: this route into JOB is not reached.
            aged_out = (start, last_in_uga, day)
            continue
        months = _int("job.months_in_uga", day)
        return Decision(
            rule="job_entry",
            holds=True,
            on=on,
            version=version,
            subject=person.key,
            value=day,
            criteria=(
                Criterion(
                    name="uga_start",
                    holds=True,
                    explanation_sv=f"I UGA från {start} ({how_sv})",
                    explanation_en=f"In UGA from {start} ({how_en})",
                ),
                Criterion(
                    name="months_in_uga",
                    holds=True,
                    explanation_sv=f"Inskriven utan avbrott i {months} månader, till {day - _DAY}",
                    explanation_en=f"Registered without a break for {months} months, to {day - _DAY}",
                    reference=parameter("job.months_in_uga", day).reference,
                ),
            ),
        )
    months = _int("job.months_in_uga", on)
    if aged_out is not None:
        start, last_in_uga, reached = aged_out
        limit = parameter("uga.ends_before_age", reached)
        return Decision(
            rule="job_entry",
            holds=False,
            on=on,
            version=current,
            subject=person.key,
            criteria=(
                Criterion(
                    name="uga_start",
                    holds=True,
                    explanation_sv=f"I UGA från {start} ({how_sv})",
                    explanation_en=f"In UGA from {start} ({how_en})",
                ),
                Criterion(
                    name="months_in_uga",
                    holds=False,
                    explanation_sv=(
                        f"UGA upphörde {last_in_uga}, dagen före {limit.value}-årsdagen, innan "
                        f"{months} månader hade gått; andra vägar in i JOB modelleras inte"
                    ),
                    explanation_en=(
                        f"UGA ended on {last_in_uga}, the day before the {limit.value}th "
                        f"birthday, before {months} months had passed; other routes into JOB "
                        "are not modelled"
                    ),
                    reference=limit.reference,
                ),
            ),
        )
    if starts:
        start = starts[-1]
        spell = _spell_on(ladder, start)
        until = spell.end if spell else start
        uga = Criterion(
            name="uga_start",
            holds=True,
            explanation_sv=f"I UGA från {start} ({how_sv})",
            explanation_en=f"In UGA from {start} ({how_en})",
        )
        stay = Criterion(
            name="months_in_uga",
            holds=False,
            explanation_sv=f"Inskriven utan avbrott {start}–{until}; krävs {months} månader",
            explanation_en=f"Registered without a break {start}–{until}; {months} months required",
            reference=parameter("job.months_in_uga", on).reference,
        )
    else:
        uga = Criterion(
            name="uga_start",
            holds=False,
            explanation_sv=f"Har inte kommit in i UGA till och med {on}",
            explanation_en=f"Has not entered UGA by {on}",
        )
        stay = Criterion(
            name="months_in_uga",
            holds=None,
            explanation_sv="Ingen tid i UGA att räkna",
            explanation_en="No time in UGA to count",
        )
    return Decision(
        rule="job_entry",
        holds=False,
        on=on,
        version=current,
        subject=person.key,
        criteria=(uga, stay),
    )


def _job_start(
    person: Person,
    on: date,
    open_codes: Collection[str],
    uga_codes: Collection[str],
    job_codes: Collection[str],
) -> tuple[list[date], bool]:
    recorded = registration_spells(
        person.registrations, on, codes=job_codes, programmes=JOB_PROGRAMMES
    )
    if recorded:
        return [s.start for s in recorded], True
    try:
        entry = job_entry(
            person, on, open_codes=open_codes, uga_codes=uga_codes, job_codes=job_codes
        )
    except RuleNotInForce:
        return [], False
    return ([entry.value] if entry else []), False


def job_phase3_entry(
    person: Person,
    on: date,
    *,
    open_codes: Collection[str] = OPEN_UNEMPLOYMENT_CODES,
    uga_codes: Collection[str] = UGA_CODES,
    job_codes: Collection[str] = (),
) -> Decision:
    """Whether, by `on`, the person has entered phase 3 (*sysselsättningsfasen*) of JOB.

    Phase 3 starts 450 days after the JOB start (recorded: programme `"job"` or a
    category in `job_codes`; otherwise the day [`job_entry`][dua.rules.programmes.job_entry]
    gives) if the person stayed registered without a gap. From 2016-02-01 nobody is
    assigned to phase 3: a start day on or after that date does not hold, and the
    decision says why. `value` is the phase-3 start day, or `None`.

    Sources: förordning (2007:414) 7 § (SFS 2013:1169); SFS 2015:949; Norsjö, Bilaga 2.

    Raises:
        RuleNotInForce: `on` is before 2007-07-02, when JOB began.
    """
    current = version_in_force("job_phase3", on)
    starts, recorded = _job_start(person, on, open_codes, uga_codes, job_codes)
    ladder = _ladder_spells(person, on, open_codes, uga_codes, job_codes)
    how_sv, how_en = ("registrerad", "recorded") if recorded else ("beräknad", "computed")
    last_open = max(v.in_force_to for v in versions("job_phase3") if v.in_force_to)
    days = _int("job.phase3_days", last_open)
    for start in starts:
        day = start + timedelta(days=days)
        if day > on or not _continuous(ladder, start, day - _DAY):
            continue
        version = version_in_force("job_phase3", day)
        open_for_entry = day <= last_open
        return Decision(
            rule="job_phase3",
            holds=open_for_entry,
            on=on,
            version=version,
            subject=person.key,
            value=day if open_for_entry else None,
            criteria=(
                Criterion(
                    name="days_in_job",
                    holds=True,
                    explanation_sv=f"I JOB från {start} ({how_sv}); {days} dagar fullgjorda {day - _DAY}",
                    explanation_en=f"In JOB from {start} ({how_en}); {days} days completed on {day - _DAY}",
                    reference=parameter("job.phase3_days", last_open).reference,
                ),
                Criterion(
                    name="phase3_open",
                    holds=open_for_entry,
                    explanation_sv=(
                        f"Sysselsättningsfasen tog emot nya deltagare {day}"
                        if open_for_entry
                        else f"Inga nya anvisningar till sysselsättningsfasen från {last_open + _DAY}"
                    ),
                    explanation_en=(
                        f"The employment phase accepted new participants on {day}"
                        if open_for_entry
                        else f"No new assignments to the employment phase from {last_open + _DAY}"
                    ),
                    reference=version.references[0] if version.references else None,
                ),
            ),
        )
    return Decision(
        rule="job_phase3",
        holds=False,
        on=on,
        version=current,
        subject=person.key,
        criteria=(
            Criterion(
                name="days_in_job",
                holds=False,
                explanation_sv=f"Har inte {days} dagar utan avbrott i JOB till och med {on}",
                explanation_en=f"Does not have {days} days without a break in JOB by {on}",
                reference=parameter("job.phase3_days", last_open).reference,
            ),
        ),
    )


def long_term_in_job(
    person: Person,
    on: date,
    *,
    open_codes: Collection[str] = OPEN_UNEMPLOYMENT_CODES,
    uga_codes: Collection[str] = UGA_CODES,
    job_codes: Collection[str] = (),
) -> Decision:
    """Whether the person has been in JOB for more than 450 days on `on`.

    Days in JOB are counted from the JOB start (recorded, or computed as in
    [`job_phase3_entry`][dua.rules.programmes.job_phase3_entry]) to `on`, both included,
    while the person stays registered without a gap; 451 days or more holds. `value` is
    the number of days in JOB on `on` (0 when not in JOB).

    Source: Sjuhärad, lokal överenskommelse 2020, avsnitt 4 ("inskrivna mer än 450 dagar
    i jobb- och utvecklingsgarantin").

    Raises:
        RuleNotInForce: `on` is before 2007-07-02.
    """
    version = version_in_force("job_long_term", on)
    limit = _int("job.long_term_days", on)
    starts, recorded = _job_start(person, on, open_codes, uga_codes, job_codes)
    ladder = _ladder_spells(person, on, open_codes, uga_codes, job_codes)
    current = next((s for s in reversed(starts) if _continuous(ladder, s, on)), None)
    days = (on - current).days + 1 if current is not None else 0
    how_sv, how_en = ("registrerad", "recorded") if recorded else ("beräknad", "computed")
    where_sv = f"i JOB sedan {current} ({how_sv})" if current else "inte i JOB"
    where_en = f"in JOB since {current} ({how_en})" if current else "not in JOB"
    return Decision(
        rule="job_long_term",
        holds=days > limit,
        on=on,
        version=version,
        subject=person.key,
        value=days,
        criteria=(
            Criterion(
                name="days_in_job",
                holds=days > limit,
                explanation_sv=f"{days} dagar {where_sv} den {on}; mer än {limit} krävs",
                explanation_en=f"{days} days {where_en} on {on}; more than {limit} required",
                reference=parameter("job.long_term_days", on).reference,
            ),
        ),
    )


# ---------------------------------------------------------------------------------------
# Traineejobb and utbildningskontrakt
# ---------------------------------------------------------------------------------------


def _has_diploma(
    person: Person, on: date, kinds: Collection[QualificationKind]
) -> tuple[bool | None, str, str]:
    held = [q for q in person.qualifications if q.on <= on]
    if any(q.kind in kinds for q in held):
        return True, "har gymnasieexamen", "has an upper-secondary diploma"
    if held:
        return False, "saknar gymnasieexamen", "has no upper-secondary diploma"
    if person.education in (EducationLevel.UPPER_SECONDARY, EducationLevel.POST_SECONDARY):
        return (
            True,
            f"utbildningsnivå {person.education.value}",
            f"education level {person.education.label_en}",
        )
    if person.education is not None:
        return (
            False,
            f"utbildningsnivå {person.education.value}",
            f"education level {person.education.label_en}",
        )
    return None, "okänt om gymnasieexamen finns", "unknown whether there is a diploma"


def _optional(name: str, on: date) -> Parameter | None:
    # A parameter that only some versions have (e.g. the groups traineejobb was widened to
    # from 2016-06-01): absent on `on` means the version does not have that criterion.
    if not parameters(name):
        return None  # the measure never has this criterion
    try:
        return parameter(name, on)
    except RuleNotInForce:
        return None


def _diploma_criterion(
    prefix: str, person: Person, on: date, kinds: Collection[QualificationKind]
) -> Criterion:
    setting = parameter(f"{prefix}.diploma", on)
    diploma, text_sv, text_en = _has_diploma(person, on, kinds)
    if setting.value == "any":
        return Criterion(
            name="diploma",
            holds=True,
            explanation_sv=f"Inget krav på gymnasieexamen från {setting.valid_from}",
            explanation_en=f"No upper-secondary diploma required from {setting.valid_from}",
            reference=setting.reference,
        )
    if setting.value == "required":
        holds, need_sv, need_en = diploma, "med gymnasieexamen", "with an upper-secondary diploma"
    elif setting.value == "excluded":
        holds = None if diploma is None else not diploma
        need_sv, need_en = "utan gymnasieexamen", "without a diploma"
    else:  # pragma: no cover - a data bug
        raise ValueError(f"parameter {prefix}.diploma has an unknown value {setting.value!r}")
    return Criterion(
        name="diploma",
        holds=holds,
        explanation_sv=f"{text_sv.capitalize()}; krävs {need_sv}",
        explanation_en=f"{text_en.capitalize()}; {need_en} required",
        reference=setting.reference,
    )


def _group_criterion(prefix: str, person: Person, on: date, age: int) -> Criterion:
    # The 20–24 band, or (where the version has them) the wider groups: long-term
    # unemployed from a minimum age, and newly arrived.
    low = parameter(f"{prefix}.min_age", on)
    high = parameter(f"{prefix}.max_age", on)
    band_sv, band_en = f"{low.value}–{high.value} år", f"aged {low.value}–{high.value}"
    if _int(f"{prefix}.min_age", on) <= age <= _int(f"{prefix}.max_age", on):
        return Criterion(
            name="age",
            holds=True,
            explanation_sv=f"{age} år {on}; {band_sv}",
            explanation_en=f"Aged {age} on {on}; {band_en}",
            reference=high.reference,
        )
    long_term = _optional(f"{prefix}.long_term_unemployed_min_age", on)
    newly_arrived = _optional(f"{prefix}.newly_arrived", on)
    wider = age >= _int(f"{prefix}.min_age", on) and (long_term or newly_arrived)
    if not wider:
        return Criterion(
            name="age",
            holds=False,
            explanation_sv=f"{age} år {on}; krävs {band_sv}",
            explanation_en=f"Aged {age} on {on}; {band_en} required",
            reference=high.reference,
        )
    if newly_arrived is not None and newly_arrived.value is True and person.newly_arrived:
        return Criterion(
            name="age",
            holds=True,
            explanation_sv=f"{age} år {on} och nyanländ (omfattas från {newly_arrived.valid_from})",
            explanation_en=f"Aged {age} on {on} and newly arrived (eligible from {newly_arrived.valid_from})",
            reference=newly_arrived.reference,
        )
    if long_term is not None and age >= _int(f"{prefix}.long_term_unemployed_min_age", on):
        # Long-term unemployment is Arbetsförmedlingen's assessment of the registration
        # history; no stored source defines its length, so it is not guessed.
        return Criterion(
            name="age",
            holds=None,
            explanation_sv=(
                f"{age} år {on}: omfattas bara som långtidsarbetslös (från {long_term.value} år)"
                f"{' eller nyanländ' if newly_arrived else ''}; långtidsarbetslöshet kan inte "
                "bedömas ur personuppgifterna (Arbetsförmedlingens bedömning av inskrivningstiden)"
            ),
            explanation_en=(
                f"Aged {age} on {on}: eligible only as long-term unemployed (from age "
                f"{long_term.value}){' or newly arrived' if newly_arrived else ''}; long-term "
                "unemployment cannot be judged from the person record (it is the Public "
                "Employment Service's assessment of the registration history)"
            ),
            reference=long_term.reference,
        )
    return Criterion(
        name="age",
        holds=None if person.newly_arrived is None else False,
        explanation_sv=f"{age} år {on}; utanför {band_sv}, och okänt om nyanländ"
        if person.newly_arrived is None
        else f"{age} år {on}; utanför {band_sv} och inte nyanländ",
        explanation_en=f"Aged {age} on {on}; outside {band_en}, unknown whether newly arrived"
        if person.newly_arrived is None
        else f"Aged {age} on {on}; outside {band_en} and not newly arrived",
        reference=high.reference,
    )


def _establishment_criterion(prefix: str, person: Person, on: date) -> Criterion | None:
    setting = _optional(f"{prefix}.outside_establishment", on)
    if setting is None or setting.value is not True:
        return None
    inside = [
        r
        for r in person.registrations
        if r.programme in ESTABLISHMENT_PROGRAMMES
        and r.start <= on
        and (r.end is None or on <= r.end)
    ]
    return Criterion(
        name="outside_establishment",
        holds=not inside,
        explanation_sv=(
            f"Inskriven i {inside[0].programme} {on}; får inte delta i etableringsuppdraget/-programmet"
            if inside
            else f"Ingen registrering i etableringsuppdraget/-programmet {on}"
        ),
        explanation_en=(
            f"Registered in {inside[0].programme} on {on}; must not be in the establishment assignment/programme"
            if inside
            else f"No registration in the establishment assignment/programme on {on}"
        ),
        reference=setting.reference,
    )


def _municipality_criterion(
    prefix: str, person: Person, on: date, municipalities: Collection[str] | None
) -> Criterion | None:
    setting = _optional(f"{prefix}.agreement_municipality", on)
    if setting is None or setting.value is not True:
        return None
    if municipalities is None:
        holds, sv, en = (
            None,
            "Inte bedömt: ange kommunerna med lokal överenskommelse (agreement_municipalities)",
            "Not judged: give the municipalities with a local agreement (agreement_municipalities)",
        )
    elif person.home_municipality is None:
        holds, sv, en = (None, "Okänd hemkommun", "Home municipality unknown")
    else:
        home = str(person.home_municipality)
        inside = home in {str(m) for m in municipalities}
        holds = inside
        sv = f"Bor i {home}, {'en' if inside else 'ingen'} kommun med lokal överenskommelse"
        en = f"Lives in {home}, {'a' if inside else 'not a'} municipality with a local agreement"
    return Criterion(
        name="agreement_municipality",
        holds=holds,
        explanation_sv=sv,
        explanation_en=en,
        reference=setting.reference,
    )


def _youth_measure(
    rule: str,
    person: Person,
    on: date,
    *,
    diploma_kinds: Collection[QualificationKind],
    agreement_municipalities: Collection[str] | None = None,
) -> Decision:
    # One function for every version of both measures: which criteria apply is read from
    # the parameters in force on `on` (see dua/data/parameters/programmes.toml).
    version = version_in_force(rule, on)
    prefix = rule.removesuffix("_eligibility")
    age = _age_on(person.birth_date, on)
    optional = (
        _establishment_criterion(prefix, person, on),
        _municipality_criterion(prefix, person, on, agreement_municipalities),
    )
    criteria = (
        _group_criterion(prefix, person, on, age),
        _diploma_criterion(prefix, person, on, diploma_kinds),
        *(c for c in optional if c is not None),
    )
    return Decision(
        rule=rule,
        holds=all(c.holds is True for c in criteria),
        on=on,
        version=version,
        subject=person.key,
        criteria=criteria,
    )


def traineejobb_eligible(
    person: Person, on: date, *, diploma_kinds: Collection[QualificationKind] = DIPLOMA_KINDS
) -> Decision:
    """Whether the person belongs to the traineejobb group on `on`, by the version in force.

    - **2015-08-01 – 2016-05-31**: aged 20–24 with an upper-secondary diploma (GGV, Bilaga 3,
      Uppdrag, May 2016: "Traineejobb 20-24 år med gymnasieexamen"; Hällefors, Mål).
    - **2016-06-01 – 2017-12-31**: the diploma requirement was dropped, and long-term
      unemployed aged 25 or older and newly arrived became eligible (regeringen.se,
      "90-dagarsgarantin"; press release April 2016). No new decisions after 2017-12-31;
      introduktionsjobb replaced traineejobb from 2018-05-01.

    The diploma is a qualification of a kind in `diploma_kinds` received by `on`; if the
    person has no qualifications recorded, an education level of upper-secondary or
    higher counts and a lower one does not; with neither known the criterion cannot be
    evaluated and the decision does not hold. Someone aged 25 or older who is not recorded
    as newly arrived is eligible only as long-term unemployed, which the person record
    cannot show (it is Arbetsförmedlingen's assessment): the criterion is then `None`, the
    decision does not hold, and its explanation says why. Further conditions set by
    Arbetsförmedlingen (e.g. a qualifying time in unemployment) are not modelled.

    Raises:
        RuleNotInForce: `on` is outside 2015-08-01–2017-12-31.

    Examples:
        >>> from dua.model import Qualification
        >>> eva = Person(key="p-2", birth_date=date(1995, 1, 10), qualifications=[
        ...     Qualification(kind=QualificationKind.UPPER_SECONDARY_DIPLOMA, on=date(2014, 6, 10))])
        >>> bool(traineejobb_eligible(eva, date(2016, 1, 1)))
        True
        >>> bool(utbildningskontrakt_eligible(eva, date(2016, 1, 1)))
        False
        >>> ali = Person(key="p-3", birth_date=date(1980, 1, 1), newly_arrived=True)
        >>> [bool(traineejobb_eligible(ali, day)) for day in (date(2016, 5, 31), date(2016, 6, 1))]
        [False, True]
    """
    return _youth_measure("traineejobb_eligibility", person, on, diploma_kinds=diploma_kinds)


def utbildningskontrakt_eligible(
    person: Person,
    on: date,
    *,
    diploma_kinds: Collection[QualificationKind] = DIPLOMA_KINDS,
    agreement_municipalities: Collection[str] | None = None,
) -> Decision:
    """Whether the person could be offered an utbildningskontrakt on `on`.

    Criteria (Arbetsförmedlingen's page on utbildningskontrakt; förordning (2015:502)):
    aged 20–24; without a complete upper-secondary education (judged as in
    [`traineejobb_eligible`][dua.rules.programmes.traineejobb_eligible]); not in the
    establishment assignment or programme on `on` (no active registration with a
    programme code in `ESTABLISHMENT_PROGRAMMES`); and living in a municipality with a
    local agreement: the person's `home_municipality` among `agreement_municipalities`
    (SCB codes, e.g. `agreement.municipalities`). Without `agreement_municipalities` that
    criterion is not judged (`None`) and the decision does not hold. No new contracts
    from 2020-01-01; see [`utbildningskontrakt_running`][dua.rules.programmes.utbildningskontrakt_running]
    for contracts that were running then.

    Sources: GGV, Bilaga 3, Uppdrag ("Utbildningskontrakt 20-24 år utan gymnasieexamen");
    Hällefors, Mål; förordning (2015:502) 11–16 §§ (to 2019-12-31, SFS 2019:1155).

    Raises:
        RuleNotInForce: `on` is outside 2015-08-03–2019-12-31.

    >>> omar = Person(key="p-4", birth_date=date(1995, 3, 1), home_municipality="1863",
    ...               education=EducationLevel.PRIMARY)
    >>> bool(utbildningskontrakt_eligible(omar, date(2016, 1, 1), agreement_municipalities=["1863"]))
    True
    >>> bool(utbildningskontrakt_eligible(omar, date(2016, 1, 1)))
    False
    """
    return _youth_measure(
        "utbildningskontrakt_eligibility",
        person,
        on,
        diploma_kinds=diploma_kinds,
        agreement_municipalities=agreement_municipalities,
    )


def utbildningskontrakt_running(contract_start: date, on: date) -> Decision:
    """Whether an utbildningskontrakt made on `contract_start` can still run on `on`.

    A contract could be made from 2015-08-03 to 2019-12-31. The transitional provision
    lets a contract running on 2020-01-01 continue at most to 2020-09-20 (Arbetsförmedlingen;
    SFS 2019:1155). `value` is the last day the contract can run by law (2020-09-20); the
    contract's own end is the caller's to compare.

    Raises:
        RuleNotInForce: `on` is before 2015-08-03 or after 2020-09-20.

    >>> bool(utbildningskontrakt_running(date(2019, 12, 31), date(2020, 9, 20)))
    True
    >>> bool(utbildningskontrakt_running(date(2020, 1, 1), date(2020, 1, 2)))
    False
    """
    version = version_in_force("utbildningskontrakt_running", on)
    last_new = parameter("utbildningskontrakt.last_new_contract_day", on)
    last_day = parameter("utbildningskontrakt.last_running_day", on)
    first = versions("utbildningskontrakt_eligibility")[0].in_force_from
    made = first <= contract_start <= date.fromisoformat(str(last_new.value))
    started = contract_start <= on
    return Decision(
        rule="utbildningskontrakt_running",
        holds=made and started,
        on=on,
        version=version,
        value=date.fromisoformat(str(last_day.value)),
        criteria=(
            Criterion(
                name="made_in_time",
                holds=made,
                explanation_sv=f"Ingånget {contract_start}; nya kontrakt {first}–{last_new.value}",
                explanation_en=f"Made on {contract_start}; new contracts {first}–{last_new.value}",
                reference=last_new.reference,
            ),
            Criterion(
                name="within_transition",
                holds=started,
                explanation_sv=f"{on} är inom kontraktets tid och senast {last_day.value}"
                if started
                else f"{on} är före kontraktets start {contract_start}",
                explanation_en=f"{on} is within the contract and at the latest {last_day.value}"
                if started
                else f"{on} is before the contract's start {contract_start}",
                reference=last_day.reference,
            ),
        ),
    )


# ---------------------------------------------------------------------------------------
# The catalogue
# ---------------------------------------------------------------------------------------


def _unique(
    instance: Catalogue, attribute: attrs.Attribute[Any], value: tuple[Programme, ...]
) -> None:
    seen: set[str] = set()
    problems = []
    for index, item in enumerate(value):
        if item.code in seen:
            problems.append(
                Problem.of(
                    f"programmes[{index}].code",
                    "error.programme.duplicate",
                    repr(item.code),
                    function="with_programme(..., replace=True)",
                )
            )
        seen.add(item.code)
    for index, item in enumerate(value):
        if item.part_of is not None and item.part_of not in seen:
            problems.append(
                Problem.of(
                    f"programmes[{index}].part_of", "error.programme.part_of", repr(item.part_of)
                )
            )
    if problems:
        raise ValidationError(problems)


def _as_programmes(values: Iterable[Programme]) -> tuple[Programme, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Catalogue:
    """An immutable catalogue of programmes, looked up by code.

    >>> base = catalogue()
    >>> "uga" in base, len(base) >= 20
    (True, True)
    >>> from dua.model import PartyKind
    >>> mine = base.with_programme(Programme(code="jobbspår-vård", name_sv="Jobbspår vård",
    ...                                      name_en="Care job track", provider=PartyKind.MUNICIPALITY))
    >>> mine.get("jobbspår-vård").name("en"), "jobbspår-vård" in base
    ('Care job track', False)
    """

    programmes: tuple[Programme, ...] = attrs.field(converter=_as_programmes, validator=_unique)

    def __iter__(self) -> Iterator[Programme]:
        return iter(self.programmes)

    def __len__(self) -> int:
        return len(self.programmes)

    def __contains__(self, code: object) -> bool:
        return any(p.code == code for p in self.programmes)

    @property
    def codes(self) -> tuple[str, ...]:
        """The programme codes, in catalogue order."""
        return tuple(p.code for p in self.programmes)

    def get(self, code: str) -> Programme:
        """The programme with `code`.

        Raises:
            UnknownProgrammeError: no programme has that code.
        """
        for item in self.programmes:
            if item.code == code:
                return item
        raise UnknownProgrammeError(code, self.codes)

    def valid_on(self, day: date, *, include_undated: bool = False) -> tuple[Programme, ...]:
        """The programmes whose validity contains `day`; with `include_undated`, also those
        whose validity no source states."""
        return tuple(
            p
            for p in self.programmes
            if (p.validity.contains(day) if p.validity is not None else include_undated)
        )

    def with_programme(self, item: Programme, *, replace: bool = False) -> Catalogue:
        """A new catalogue with `item` added (or, with `replace`, put in place of the entry
        with the same code).

        Raises:
            ValidationError: the code is already present and `replace` is false.
        """
        if replace and item.code in self:
            return Catalogue(
                programmes=tuple(item if p.code == item.code else p for p in self.programmes)
            )
        return Catalogue(programmes=(*self.programmes, item))

    def with_toml(self, source: str | Path, *, replace: bool = False) -> Catalogue:
        """A new catalogue with the programmes of a TOML file (or TOML text) added.

        The file has the format of the bundled `dua/data/programmes.toml`: a list
        `[[programmes]]` of tables with the fields of [`Programme`][dua.model.Programme].

        Raises:
            FileFormatError: the file cannot be read or is not TOML.
            ValidationError: an entry is not a valid programme, or a code repeats.
        """
        result = self
        for item in _programmes_from_toml(source):
            result = result.with_programme(item, replace=replace)
        return result


def _programmes_from_toml(source: str | Path) -> tuple[Programme, ...]:
    name: str | None = None
    if isinstance(source, Path):
        name = str(source)
        try:
            text = source.read_text(encoding="utf-8")
        except OSError as exc:
            raise FileFormatError(
                "error.programme.cannot_read", file=name, reason=os_reason(exc)
            ) from None
    else:
        text = source
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FileFormatError(
            "error.programme.invalid_toml",
            file=name or render("error.programme.catalogue_text"),
            reason=parser_reason(str(exc)),
        ) from None
    unknown = sorted(set(data) - {"programmes"})
    if unknown:
        raise ValidationError(
            [Problem.of(key, "error.programme.unknown_key") for key in unknown],
            source=name,
        )
    return structure(data.get("programmes", []), tuple[Programme, ...], source=name)


@functools.cache
def catalogue() -> Catalogue:
    """The bundled catalogue of the programmes the seeds name (`dua/data/programmes.toml`)."""
    text = resources.files("dua").joinpath("data/programmes.toml").read_text(encoding="utf-8")
    return Catalogue(programmes=_programmes_from_toml(text))


def programme(code: str) -> Programme:
    """The bundled programme with `code` (e.g. `"uga"`, `"job-fas3"`, `"traineejobb"`).

    Raises:
        UnknownProgrammeError: the bundled catalogue has no such code.

    >>> programme("job-fas3").validity.end
    datetime.date(2018, 1, 31)
    """
    return catalogue().get(code)
