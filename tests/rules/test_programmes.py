"""Programme timing, eligibility and the catalogue (dua.rules.programmes).

Sources cited per case: Norsjö Bilaga 2 (2015-10-28) for the ladder; förordning (2007:813)
5 § (SFS 2008:274, SFS 2010:2033) for UGA; förordning (2007:414) 5 § (SFS 2008:60), 7 §
(SFS 2013:1169) and SFS 2015:949 for JOB; Sjuhärad 2020 for "more than 450 days"; GGV
Bilaga 3 and Hällefors for traineejobb and utbildningskontrakt.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

from dua.errors import DuaError, FileFormatError, RuleNotInForce, ValidationError
from dua.model import (
    EducationLevel,
    PartyKind,
    Person,
    Programme,
    Qualification,
    QualificationKind,
    Registration,
)
from dua.rules import Decision
from dua.rules.programmes import (
    Catalogue,
    Spell,
    UnknownProgrammeError,
    catalogue,
    job_entry,
    job_phase3_entry,
    long_term_in_job,
    programme,
    registration_spells,
    traineejobb_eligible,
    uga_entry,
    utbildningskontrakt_eligible,
    utbildningskontrakt_running,
)
from tests.rules._law_data import edit_law_data

D = timedelta(days=1)
START = date(2015, 1, 1)


def person(*registrations: Registration, birth: date = date(1996, 5, 1), **kw: object) -> Person:
    return Person(key="p", birth_date=birth, registrations=registrations, **kw)  # type: ignore[arg-type]  # test helper passes optional model fields through


def open_from(start: date, end: date | None = None, code: str = "11") -> Registration:
    return Registration(start=start, end=end, category=code)


# --- spells ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("registrations", "expected"),
    [
        # adjacent registrations merge into one spell
        (
            [
                open_from(date(2015, 1, 1), date(2015, 1, 31)),
                open_from(date(2015, 2, 1), date(2015, 2, 10)),
            ],
            [(date(2015, 1, 1), date(2015, 2, 10))],
        ),
        # a one-day gap splits
        (
            [
                open_from(date(2015, 1, 1), date(2015, 1, 31)),
                open_from(date(2015, 2, 2), date(2015, 2, 10)),
            ],
            [(date(2015, 1, 1), date(2015, 1, 31)), (date(2015, 2, 2), date(2015, 2, 10))],
        ),
        # overlapping registrations merge; an open-ended one runs to `on`
        (
            [open_from(date(2015, 1, 1), date(2015, 3, 1)), open_from(date(2015, 2, 1))],
            [(date(2015, 1, 1), date(2015, 6, 30))],
        ),
        # category 14 (ej till förfogande, Hällefors) is not open unemployment
        ([open_from(date(2015, 1, 1), code="14")], []),
        # registrations after `on` are not looked at
        ([open_from(date(2015, 7, 1))], []),
    ],
)
def test_spells(registrations: list[Registration], expected: list[tuple[date, date]]) -> None:
    spells = registration_spells(registrations, date(2015, 6, 30), codes={"11"})
    assert [(s.start, s.end) for s in spells] == expected


def test_spell_days_counts_both_ends() -> None:
    assert Spell(start=START, end=START).days == 1


# --- UGA entry (Norsjö: "öppet arbetslös i 90 dagar innan ... UGA"; SFS 2010:2033) --------


@pytest.mark.parametrize(
    ("days_after_start", "holds"),
    [(89, False), (90, True), (91, True)],
    ids=["day-90-still-counting", "day-91-enters", "day-92"],
)
def test_uga_entry_after_90_days(days_after_start: int, holds: bool) -> None:
    decision = uga_entry(person(open_from(START)), on=START + days_after_start * D)
    assert bool(decision) is holds
    assert decision.value == (START + 90 * D if holds else None)
    assert decision.version.id == "uga-entry-2011-01-01"


def test_uga_counts_90_days_in_total_within_four_months() -> None:
    # 60 days, a 10-day gap, then 30 more: 90 in total within the frame (SFS 2010:2033).
    first = open_from(date(2015, 1, 1), date(2015, 3, 1))
    second = open_from(date(2015, 3, 12))
    assert uga_entry(person(first, second), on=date(2015, 6, 1)).value == date(2015, 4, 11)


@pytest.mark.parametrize(
    ("on", "entry"),
    [
        (date(2015, 4, 1), None),  # the gap day: not registered, no entry
        (date(2015, 4, 2), date(2015, 4, 2)),  # registered again: enters that very day
        (date(2015, 4, 3), date(2015, 4, 2)),
    ],
)
def test_uga_entry_on_the_first_day_of_a_later_spell(on: date, entry: date | None) -> None:
    """SFS 2010:2033 (5 §): the entry day is the first day the person is openly unemployed
    with 90 days in total within the four months before it. After 90 days (2015-01-01 to
    2015-03-31) and a one-day gap, the first day of the new registration is that day; it
    used to come a day late, because each spell was searched from its second day."""
    first = open_from(date(2015, 1, 1), date(2015, 3, 31))
    second = open_from(date(2015, 4, 2))
    decision = uga_entry(person(first, second), on=on)
    assert decision.value == entry
    assert bool(decision) is (entry is not None)


def test_uga_days_outside_the_four_month_frame_do_not_count() -> None:
    first = open_from(date(2015, 1, 1), date(2015, 2, 14))  # 45 days, long before
    second = open_from(date(2015, 6, 1))
    assert uga_entry(person(first, second), on=date(2015, 12, 1)).value == date(2015, 6, 1) + 90 * D


def test_uga_registration_ending_on_day_90_gives_no_entry() -> None:
    decision = uga_entry(person(open_from(START, START + 89 * D)), on=date(2015, 12, 31))
    assert not decision
    assert "inte inskriven" in decision.explain()


def test_uga_caller_chooses_the_open_codes() -> None:
    reg = open_from(START, code="12")
    assert not uga_entry(person(reg), on=START + 100 * D)
    assert (
        uga_entry(person(reg), on=START + 100 * D, open_codes={"11", "12"}).value == START + 90 * D
    )


@pytest.mark.parametrize(
    ("birth", "holds"),
    [
        (date(1990, 4, 1), False),  # 25 on the entry day 2015-04-01: "fyllt 25"
        (date(1990, 4, 2), True),  # 24 on the entry day, 25 the day after
    ],
    ids=["25-on-entry-day", "24-on-entry-day"],
)
def test_uga_age_limit_on_the_entry_day(birth: date, holds: bool) -> None:
    decision = uga_entry(person(open_from(START), birth=birth), on=date(2015, 12, 31))
    assert bool(decision) is holds


def test_uga_entry_waits_for_the_16th_birthday() -> None:
    birth = date(1999, 5, 10)  # turns 16 on 2015-05-10
    decision = uga_entry(person(open_from(START), birth=birth), on=date(2015, 12, 31))
    assert decision.value == date(2015, 5, 10)


def test_uga_2008_version_three_consecutive_months() -> None:
    # SFS 2008:274: three consecutive months (before 2011-01-01).
    reg = open_from(date(2009, 1, 15))
    assert not uga_entry(person(reg, birth=date(1990, 1, 1)), on=date(2009, 4, 14))
    decision = uga_entry(person(reg, birth=date(1990, 1, 1)), on=date(2009, 4, 15))
    assert decision.value == date(2009, 4, 15)
    assert decision.version.id == "uga-entry-2007-12-01"


def test_uga_not_modelled_before_it_began() -> None:
    with pytest.raises(RuleNotInForce, match="2007-12-01"):
        uga_entry(person(open_from(date(2007, 1, 1))), on=date(2007, 11, 30))


# --- JOB entry (SFS 2008:60: 15 months in UGA; Norsjö) --------------------------------------


def test_job_entry_15_months_after_computed_uga_entry() -> None:
    p = person(open_from(START))
    assert not job_entry(p, on=date(2016, 6, 30))
    decision = job_entry(p, on=date(2016, 7, 1))
    assert decision.value == date(2016, 7, 1)
    assert "beräknad" in decision.explain()


@pytest.mark.parametrize(
    ("birth", "holds"),
    [
        # UGA from 2015-04-01; 15 months end on 2016-06-30, JOB on 2016-07-01.
        (date(1991, 7, 1), True),  # 25 on 2016-07-01: the last day in UGA is the day before
        (date(1991, 6, 30), False),  # 25 on 2016-06-30: UGA ended on 2016-06-29
        (date(1991, 4, 2), False),  # 25 the day after entering UGA
    ],
)
def test_uga_never_past_the_day_before_the_25th_birthday(birth: date, holds: bool) -> None:
    # Issue 11 §1: UGA lasts at most 15 months, "men längst fram till att deltagaren fyller
    # 25 år" (the government's summary); JOB by the 15-month route is then not reached.
    p = person(open_from(START), birth=birth)
    assert uga_entry(p, on=date(2015, 4, 1)).value == date(2015, 4, 1)
    decision = job_entry(p, on=date(2016, 12, 31))
    assert bool(decision) is holds
    assert decision.value == (date(2016, 7, 1) if holds else None)
    if not holds:
        assert decision.criteria[1].holds is False
        assert "dagen före 25-årsdagen" in decision.criteria[1].explanation_sv
        assert "other routes into JOB are not modelled" in decision.criteria[1].explanation_en
        assert decision.criteria[1].reference is not None
        assert decision.criteria[1].reference.id == "prog-regeringen-uga-25"
        # The ladder follows: no computed JOB start, so no days in JOB.
        assert long_term_in_job(p, on=date(2018, 12, 31)).value == 0


def test_uga_decision_says_other_routes_are_not_modelled() -> None:
    decision = uga_entry(person(open_from(START)), on=START + 10 * D)
    (other,) = [c for c in decision.criteria if c.name == "other_routes"]
    assert other.holds is None
    assert "etableringsprogrammet" in other.explanation_sv
    assert other.reference is not None
    assert other.reference.url is not None


def test_job_entry_from_recorded_uga() -> None:
    p = person(
        open_from(START, date(2015, 5, 9)), Registration(start=date(2015, 5, 10), category="69")
    )
    decision = job_entry(p, on=date(2017, 1, 1))
    assert decision.value == date(2016, 8, 10)
    assert "registrerad" in decision.explain()


def test_job_entry_from_uga_recorded_before_the_law_began() -> None:
    """A UGA registration dated before 2007-12-01 (when no age limit of UGA was in force)
    is judged with the limit in force on the JOB day, instead of failing with
    RuleNotInForce (found by the frame equality property, issue 9)."""
    p = Person(
        key="p-1",
        birth_date=date(1990, 1, 1),
        registrations=[Registration(start=date(2007, 8, 29), programme="uga")],
    )
    decision = job_entry(p, on=date(2008, 12, 11))
    assert decision.value == date(2008, 11, 29)
    old = Person(
        key="p-2",
        birth_date=date(1983, 1, 1),
        registrations=[Registration(start=date(2007, 8, 29), programme="uga")],
    )
    assert not job_entry(old, on=date(2008, 12, 11))


def test_job_entry_needs_an_unbroken_registration() -> None:
    p = person(open_from(START, date(2015, 12, 31)), open_from(date(2016, 1, 5)))
    decision = job_entry(p, on=date(2017, 1, 1))
    assert not decision
    assert decision.criteria[1].holds is False


# --- Phase 3 (7 §, SFS 2013:1169; closed from 2016-02-01 by SFS 2015:949) ------------------


def in_job(start: date) -> Person:
    return person(Registration(start=start, programme="job"))


@pytest.mark.parametrize(
    ("job_start", "on", "holds", "value"),
    [
        (date(2013, 1, 1), date(2013, 1, 1) + 449 * D, False, None),
        (date(2013, 1, 1), date(2013, 1, 1) + 450 * D, True, date(2013, 1, 1) + 450 * D),
        # the last day phase 3 took new participants
        (date(2016, 1, 31) - 450 * D, date(2016, 6, 1), True, date(2016, 1, 31)),
        # the first day it did not
        (date(2016, 2, 1) - 450 * D, date(2016, 6, 1), False, None),
    ],
)
def test_phase3(job_start: date, on: date, holds: bool, value: date | None) -> None:
    decision = job_phase3_entry(in_job(job_start), on=on)
    assert bool(decision) is holds
    assert decision.value == value


@pytest.mark.parametrize(
    ("phase3_day", "holds", "explanation_sv"),
    [
        (date(2016, 1, 30), True, "Sysselsättningsfasen tog emot nya deltagare 2016-01-30"),
        # the last day phase 3 took new participants
        (date(2016, 1, 31), True, "Sysselsättningsfasen tog emot nya deltagare 2016-01-31"),
        # the first day it did not: the text names that day, 2016-02-01
        (date(2016, 2, 1), False, "Inga nya anvisningar till sysselsättningsfasen från 2016-02-01"),
    ],
)  # fmt: skip
def test_phase3_open_says_why_in_swedish_at_the_closing(
    phase3_day: date, holds: bool, explanation_sv: str
) -> None:
    # SFS 2015:949: no new assignments to the employment phase from 2016-02-01.
    decision = job_phase3_entry(in_job(phase3_day - 450 * D), on=date(2016, 6, 1))
    (open_,) = [c for c in decision.criteria if c.name == "phase3_open"]
    assert (open_.holds, open_.explanation_sv) == (holds, explanation_sv)


@pytest.mark.parametrize("phase3_day", [date(2016, 1, 31), date(2016, 2, 1)])
def test_phase3_open_cites_nothing_when_its_version_lists_no_reference(
    monkeypatch: pytest.MonkeyPatch, phase3_day: date
) -> None:
    # programmes.toml [[versions]] job_phase3: the phase3_open criterion cites the first
    # reference of the version in force on the phase-3 day (SFS 2013:1169, SFS 2015:949);
    # a version edited to list none leaves the criterion uncited instead of failing.
    edit_law_data(monkeypatch, unreferenced={"job_phase3"})
    decision = job_phase3_entry(in_job(phase3_day - 450 * D), on=date(2016, 6, 1))
    (open_,) = [c for c in decision.criteria if c.name == "phase3_open"]
    assert open_.reference is None
    assert open_.holds is (phase3_day <= date(2016, 1, 31))


def test_phase3_closed_says_why() -> None:
    decision = job_phase3_entry(in_job(date(2015, 1, 1)), on=date(2017, 1, 1))
    assert decision.version.id == "job-phase3-2016-02-01"
    assert [c.name for c in decision.failed] == ["phase3_open"]


# --- More than 450 days in JOB (Sjuhärad 2020) ----------------------------------------------


@pytest.mark.parametrize(("offset", "days", "holds"), [(449, 450, False), (450, 451, True)])
def test_long_term_in_job(offset: int, days: int, holds: bool) -> None:
    decision = long_term_in_job(in_job(date(2019, 1, 1)), on=date(2019, 1, 1) + offset * D)
    assert (bool(decision), decision.value) == (holds, days)


def test_long_term_after_leaving_job_is_zero() -> None:
    p = person(Registration(start=date(2018, 1, 1), end=date(2019, 12, 31), programme="job"))
    assert long_term_in_job(p, on=date(2020, 6, 1)).value == 0


# --- Traineejobb / utbildningskontrakt (GGV Bilaga 3; Hällefors) ----------------------------

DIPLOMA = Qualification(kind=QualificationKind.UPPER_SECONDARY_DIPLOMA, on=date(2014, 6, 10))
STUDIEBEVIS = Qualification(kind=QualificationKind.CERTIFICATE_OF_STUDIES, on=date(2014, 6, 10))
ON = date(2016, 5, 31)  # the last day of the first traineejobb version
WIDENED = date(2016, 6, 1)  # the first day of the second (regeringen.se, 90-dagarsgarantin)
HALLEFORS = "1863"


@pytest.mark.parametrize(
    ("birth", "kw", "trainee", "contract"),
    [
        (date(1996, 5, 31), {"qualifications": [DIPLOMA]}, True, False),  # 20 today
        (date(1996, 6, 1), {"qualifications": [DIPLOMA]}, False, False),  # 19
        (date(1991, 6, 1), {"qualifications": [DIPLOMA]}, True, False),  # 24, 25 tomorrow
        (date(1991, 5, 31), {"qualifications": [DIPLOMA]}, False, False),  # 25 today
        (date(1994, 1, 1), {"qualifications": [STUDIEBEVIS]}, False, True),
        (date(1994, 1, 1), {}, False, False),  # nothing known: cannot be judged
        (date(1994, 1, 1), {"education": EducationLevel.UPPER_SECONDARY}, True, False),
        (date(1994, 1, 1), {"education": EducationLevel.PRIMARY}, False, True),
    ],
)
def test_youth_measures(birth: date, kw: dict[str, object], trainee: bool, contract: bool) -> None:
    # GGV Bilaga 3, Uppdrag (May 2016): traineejobb 20–24 with a diploma, utbildningskontrakt
    # 20–24 without; the person lives in a municipality with an agreement.
    p = person(birth=birth, home_municipality=HALLEFORS, **kw)
    assert bool(traineejobb_eligible(p, ON)) is trainee
    assert (
        bool(utbildningskontrakt_eligible(p, ON, agreement_municipalities=[HALLEFORS])) is contract
    )


def test_unknown_diploma_is_not_evaluable() -> None:
    decision = traineejobb_eligible(person(birth=date(1994, 1, 1)), ON)
    assert decision.criteria[1].holds is None


@pytest.mark.parametrize(
    ("birth", "kw", "before", "after", "why"),
    [
        # Issue 11 §1: from 2016-06-01 the diploma requirement was dropped ...
        (date(1994, 1, 1), {"qualifications": [STUDIEBEVIS]}, False, True, None),
        (date(1994, 1, 1), {"education": EducationLevel.PRIMARY}, False, True, None),
        (date(1994, 1, 1), {}, False, True, None),  # the diploma is no longer asked about
        # ... newly arrived aged 25 or older became eligible ...
        (date(1980, 1, 1), {"newly_arrived": True}, False, True, None),
        (date(1980, 1, 1), {"newly_arrived": False}, False, False, None),
        # ... and long-term unemployed aged 25+, which the person record cannot show.
        (date(1980, 1, 1), {}, False, False, "långtidsarbetslöshet kan inte bedömas"),
        (date(1996, 6, 2), {"newly_arrived": True}, False, False, None),  # 19
    ],
)
def test_traineejobb_widened_on_2016_06_01(
    birth: date, kw: dict[str, object], before: bool, after: bool, why: str | None
) -> None:
    p = person(birth=birth, **kw)
    early, late = traineejobb_eligible(p, ON), traineejobb_eligible(p, WIDENED)
    assert (early.version.id, late.version.id) == (
        "traineejobb-2015-08-01",
        "traineejobb-2016-06-01",
    )
    assert (bool(early), bool(late)) == (before, after)
    if why is not None:
        (group,) = [c for c in late.criteria if c.name == "age"]
        assert group.holds is None
        assert why in group.explanation_sv
    late_refs = {r.id for r in late.references}
    assert "prog-regeringen-90-dagarsgarantin" in late_refs


def test_traineejobb_last_decision_day() -> None:
    # Arbetsförmedlingen: decisions until 2017-12-31; none from 2018-01-01.
    p = person(birth=date(1994, 1, 1))
    assert bool(traineejobb_eligible(p, date(2017, 12, 31)))
    with pytest.raises(RuleNotInForce):
        traineejobb_eligible(p, date(2018, 1, 1))


@pytest.mark.parametrize(
    ("kw", "municipalities", "holds", "failed"),
    [
        ({"home_municipality": HALLEFORS}, [HALLEFORS], True, []),
        ({"home_municipality": "0180"}, [HALLEFORS], False, ["agreement_municipality"]),
        ({"home_municipality": HALLEFORS}, None, False, []),  # not judged: says so
        ({}, [HALLEFORS], False, []),  # home municipality unknown
        (
            {"home_municipality": HALLEFORS, "registrations": [Registration(start=date(2016, 1, 1), programme="etableringsuppdraget")]},
            [HALLEFORS],
            False,
            ["outside_establishment"],
        ),
        (
            {"home_municipality": HALLEFORS, "registrations": [Registration(start=date(2015, 1, 1), end=date(2015, 12, 31), programme="etableringsuppdraget")]},
            [HALLEFORS],
            True,
            [],
        ),
    ],
)  # fmt: skip
def test_utbildningskontrakt_further_criteria(
    kw: dict[str, object], municipalities: list[str] | None, holds: bool, failed: list[str]
) -> None:
    # Arbetsförmedlingen: not in the establishment programme; living in a municipality with
    # an agreement on collaboration (issue 11 §1).
    birth = date(1994, 1, 1)
    p = Person(key="p", birth_date=birth, education=EducationLevel.PRIMARY, **kw)  # type: ignore[arg-type]  # optional model fields passed through
    decision = utbildningskontrakt_eligible(p, ON, agreement_municipalities=municipalities)
    assert bool(decision) is holds
    assert [c.name for c in decision.failed] == failed
    if municipalities is None:
        (where,) = [c for c in decision.criteria if c.name == "agreement_municipality"]
        assert where.holds is None
        assert "agreement_municipalities" in where.explanation_en


@pytest.mark.parametrize(
    ("start", "on", "holds"),
    [
        (date(2015, 8, 3), date(2015, 8, 3), True),  # the first contracts
        (date(2019, 12, 31), date(2020, 1, 1), True),  # made on the last day, runs on
        (date(2019, 12, 31), date(2020, 9, 20), True),  # the last day of the transition
        (date(2020, 1, 1), date(2020, 1, 2), False),  # no new contracts from 2020-01-01
        (date(2015, 8, 2), date(2016, 1, 1), False),  # before the start
        (date(2019, 6, 1), date(2019, 5, 1), False),  # not started yet
    ],
)
def test_utbildningskontrakt_running(start: date, on: date, holds: bool) -> None:
    decision = utbildningskontrakt_running(start, on)
    assert bool(decision) is holds
    assert decision.value == date(2020, 9, 20)


def test_utbildningskontrakt_no_contract_runs_after_2020_09_20() -> None:
    with pytest.raises(RuleNotInForce):
        utbildningskontrakt_running(date(2019, 12, 31), date(2020, 9, 21))
    with pytest.raises(RuleNotInForce):
        utbildningskontrakt_eligible(person(), date(2020, 1, 1))
    assert bool(utbildningskontrakt_eligible(
        person(birth=date(1997, 1, 1), education=EducationLevel.PRIMARY, home_municipality=HALLEFORS),
        date(2019, 12, 31), agreement_municipalities=[HALLEFORS]))  # fmt: skip  # 22 on the last day


@pytest.mark.parametrize(
    ("rule", "outside"),
    [
        (traineejobb_eligible, date(2015, 7, 31)),
        (traineejobb_eligible, date(2018, 1, 1)),
        (utbildningskontrakt_eligible, date(2015, 8, 2)),
        (utbildningskontrakt_eligible, date(2020, 1, 1)),
    ],
)
def test_youth_measures_have_validity(
    rule: Callable[[Person, date], Decision], outside: date
) -> None:
    with pytest.raises(RuleNotInForce):
        rule(person(), outside)


# --- Catalogue ------------------------------------------------------------------------------

# Each programme the brief lists, with the seed that names it and a word found there.
SEEDED = [
    ("uga", "norsjo-2015", "Jobbgarantin för unga"),
    ("job", "norsjo-2015", "Jobb- och utvecklingsgarantin"),
    ("job-fas3", "norsjo-2015", "sysselsättningsfasen (fas 3)"),
    ("etableringsuppdraget", "norrkoping-2018", "etableringsuppdraget"),
    ("etableringsprogrammet", "sjuharad-2020", "Etableringsprogrammet"),
    ("traineejobb", "ggv-2016", "Traineejobb"),
    ("utbildningskontrakt", "ggv-2016", "Utbildningskontrakt"),
    ("yrkesintroduktionsanställning", "hallefors-2015", "yrkesintroduktionsanställningar"),
    ("nystartsjobb", "hallefors-2015", "nystartsjobb"),
    ("extratjänst", "sjuharad-2020", "Extratjänster"),
    ("introduktionsjobb", "sjuharad-2020", "Introduktionsjobb"),
    ("lönebidrag", "hallefors-2015", "lönebidrag"),
    ("arbetsträning", "hallefors-2015", "arbetsträning"),
    ("arbetsprövning", "hallefors-2015", "arbetsprövning"),
    ("arbetsmarknadsutbildning", "hallefors-2015", "arbetsmarknadsutbildning"),
    ("praktik", "hallefors-2015", "praktik"),
    ("sius", "hallefors-2015", "SIUS"),
    ("supported-employment", "sjuharad-2020", "Supported Empl"),
    ("feriepraktik", "norsjo-2015", "feriepraktik"),
    ("kam", "norsjo-2015", "KAM"),
]


@pytest.mark.parametrize(("code", "seed", "word"), SEEDED)
def test_catalogue_has_each_seeded_programme(
    code: str, seed: str, word: str, seed_text: dict[str, str]
) -> None:
    assert word in seed_text[seed]
    assert programme(code).code == code


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("uga", date(2007, 12, 1), None),
        ("job", date(2007, 7, 2), None),
        ("job-fas3", date(2007, 7, 2), date(2018, 1, 31)),
        ("etableringsuppdraget", date(2010, 12, 1), date(2017, 12, 31)),
        ("etableringsprogrammet", date(2018, 1, 1), None),
        ("traineejobb", date(2015, 8, 1), date(2017, 12, 31)),
        ("utbildningskontrakt", date(2015, 8, 3), date(2020, 9, 20)),  # running contracts
        ("introduktionsjobb", date(2018, 5, 1), None),
    ],
)
def test_catalogue_validity(code: str, start: date, end: date | None) -> None:
    validity = programme(code).validity
    assert validity is not None
    assert (validity.start, validity.end) == (start, end)


def test_undated_programmes_say_so() -> None:
    for item in catalogue():
        if item.validity is None:
            assert item.description
            assert (
                "ej styrkt" in item.description
                or "Ingen giltighetstid" in item.description
                or "inte ett program" in item.description
            )


def test_establishment_assignment_and_programme_do_not_overlap() -> None:
    codes = {p.code for p in catalogue().valid_on(date(2017, 12, 31))}
    assert "etableringsuppdraget" in codes
    assert "etableringsprogrammet" not in codes
    codes = {p.code for p in catalogue().valid_on(date(2018, 1, 1))}
    assert "etableringsprogrammet" in codes
    assert "etableringsuppdraget" not in codes


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_users_add_and_replace_programmes() -> None:
    own = Programme(
        code="jobbspår-vård",
        name_sv="Jobbspår vård",
        name_en="Care track",
        provider=PartyKind.MUNICIPALITY,
    )
    extended = catalogue().with_programme(own)
    assert extended.get("jobbspår-vård") == own
    with pytest.raises(ValidationError, match="only once"):
        extended.with_programme(own)
    renamed = Programme(
        code="uga", name_sv="UGA", name_en="UGA", provider=PartyKind.PUBLIC_EMPLOYMENT_SERVICE
    )
    assert catalogue().with_programme(renamed, replace=True).get("uga").name_sv == "UGA"
    assert catalogue().get("uga").name_sv == "Jobbgarantin för ungdomar"


def test_users_add_programmes_from_toml(tmp_path: Path) -> None:
    text = '[[programmes]]\ncode = "ame-praktik"\nname_sv = "Praktik på AME"\nname_en = "Practice"\nprovider = "kommun"\n'
    file = tmp_path / "mine.toml"
    file.write_text(text, encoding="utf-8")
    assert "ame-praktik" in catalogue().with_toml(file)
    assert "ame-praktik" in Catalogue(programmes=()).with_toml(text)


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("[[programmes]\n", FileFormatError, "not valid TOML"),
        ('[[programs]]\ncode = "x"\n', ValidationError, "programs: unknown key"),
        (
            '[[programmes]]\ncode = "x"\nname_sv = "X"\nname_en = "X"\nprovider = "kommunen"\n',
            ValidationError,
            r"\[0\].provider",
        ),
    ],
)
@pytest.mark.usefixtures("english_messages")  # matches English words
def test_bad_catalogue_files(text: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        Catalogue(programmes=()).with_toml(text)


def test_unknown_programme() -> None:
    with pytest.raises(UnknownProgrammeError, match="'fas-4'") as info:
        programme("fas-4")
    assert isinstance(info.value, DuaError)
    assert isinstance(info.value, KeyError)


# --- Properties -----------------------------------------------------------------------------

codes = st.sampled_from(["11", "11", "14", "69"])
registrations = st.builds(
    lambda start, length, code: Registration(
        start=date(2010, 1, 1) + start * D,
        end=None if length is None else date(2010, 1, 1) + (start + length) * D,
        category=code,
    ),
    st.integers(0, 2000),
    st.one_of(st.none(), st.integers(0, 400)),
    codes,
)
people = st.builds(
    lambda birth, regs: person(*regs, birth=date(1985, 1, 1) + birth * D),
    st.integers(0, 6000),
    st.lists(registrations, max_size=5),
)
days = st.integers(0, 2600).map(lambda n: date(2010, 1, 1) + n * D)


@given(people, days)
@example(person(open_from(date(2010, 2, 1)), birth=date(1985, 5, 2)), date(2010, 5, 1))
def test_uga_entry_never_precedes_registration(p: Person, on: date) -> None:
    decision = uga_entry(p, on=on)
    if decision:
        first = min(r.start for r in p.registrations if r.category == "11")
        # 2007 version: three consecutive months (SFS 2008:274), which is 89 days from
        # 1 February; from 2011: 90 days (SFS 2010:2033). Found by Hypothesis, issue 8.
        if decision.version.id == "uga-entry-2007-12-01":
            earliest = first + relativedelta(months=3)
        else:
            earliest = first + 90 * D
        assert earliest <= decision.value <= on


@given(people, days, st.randoms(use_true_random=False))
def test_timing_does_not_depend_on_record_order(p: Person, on: date, rnd: random.Random) -> None:
    shuffled = list(p.registrations)
    rnd.shuffle(shuffled)
    q = Person(key=p.key, birth_date=p.birth_date, registrations=shuffled)
    assert uga_entry(p, on=on) == uga_entry(q, on=on)
    assert job_entry(p, on=on) == job_entry(q, on=on)
    assert long_term_in_job(p, on=on) == long_term_in_job(q, on=on)


@given(people, days)
def test_ladder_is_ordered(p: Person, on: date) -> None:
    uga = uga_entry(p, on=on)
    job = job_entry(p, on=on)
    if job and not any(r.category == "69" for r in p.registrations):
        assert uga
        assert uga.value < job.value


@given(people, days, st.integers(1, 400))
def test_uga_entry_is_stable_once_reached(p: Person, on: date, later: int) -> None:
    # Registrations after `on` cannot move an entry already reached.
    first = uga_entry(p, on=on)
    if first:
        assert uga_entry(p, on=on + later * D).value == first.value


def test_job_phases_are_part_of_job() -> None:
    # The phases of jobb- och utvecklingsgarantin (SFS 2007:414) are parts of JOB.
    base = catalogue()
    assert {p.code for p in base if p.part_of == "job"} == {"job-fas1", "job-fas2", "job-fas3"}


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_part_of_must_name_a_programme_in_the_catalogue() -> None:
    from dua.errors import ValidationError
    from dua.model import PartyKind, Programme

    orphan = Programme(
        code="fas-x", name_sv="Fas X", name_en="Phase X", provider=PartyKind.OTHER, part_of="zz"
    )
    with pytest.raises(ValidationError) as info:
        catalogue().with_programme(orphan)
    assert info.value.paths[-1].endswith(".part_of")
    # the problem says what is wrong and shows the code it looked for (issue 8, mutation)
    [problem] = info.value.problems
    assert (problem.path, problem.message, problem.value) == (
        f"programmes[{len(catalogue())}].part_of",
        "refers to no programme of this catalogue",
        "'zz'",
    )
    assert problem.key == "error.programme.part_of"


# --- The reasons of the UGA decision (issue 8, mutation testing) ----------------------------
# Mutants of the criteria (their names, outcomes and the days they count) survived, because
# the tests above read only whether the person entered UGA and on which day.


def test_uga_entry_says_why_it_holds() -> None:
    # SFS 2010:2033: 90 days in total within four months, aged 16 but not 25.
    decision = uga_entry(person(open_from(START)), on=START + 100 * D)
    assert (decision.rule, decision.subject, decision.value) == ("uga_entry", "p", START + 90 * D)
    assert [(c.name, c.holds) for c in decision.criteria] == [
        ("open_unemployment", True),
        ("age", True),
    ]
    unemployment, age = decision.criteria
    assert unemployment.explanation_en == (
        "Openly unemployed (code 11) long enough to enter on 2015-04-01"
    )
    assert age.explanation_en == "Aged 18 on entry, within 16–24"
    assert unemployment.reference is not None
    assert "SFS 2010:2033" in unemployment.reference.citation
    assert age.reference is not None
    assert "SFS 2010:2033" in age.reference.citation


@pytest.mark.parametrize(
    ("registrations", "on", "explanation_en"),
    [
        # still counting: 61 of the 90 days within the four-month frame
        (
            [open_from(START)],
            START + 60 * D,
            "61 days openly unemployed (code 11) up to 2015-03-02; "
            "90 days within 4 months required",
        ),
        # the registration ended: only the days within the frame before `on` count
        (
            [open_from(START, START + 30 * D)],
            START + 60 * D,
            "31 days openly unemployed (code 11) up to 2015-03-02, not registered on that day; "
            "90 days within 4 months required",
        ),
        # days before the four-month frame do not count
        (
            [open_from(START, START + 30 * D), open_from(date(2015, 6, 1))],
            date(2015, 6, 10),
            "10 days openly unemployed (code 11) up to 2015-06-10; "
            "90 days within 4 months required",
        ),
        # SFS 2008:274 (before 2011): the current unbroken spell, three months
        (
            [open_from(date(2009, 1, 1), date(2009, 1, 31)), open_from(date(2009, 2, 2))],
            date(2009, 3, 1),
            "28 days openly unemployed (code 11) up to 2009-03-01; 3 consecutive months required",
        ),
        (
            [open_from(date(2009, 1, 1), date(2009, 1, 31))],
            date(2009, 3, 1),
            "0 days openly unemployed (code 11) up to 2009-03-01, not registered on that day; "
            "3 consecutive months required",
        ),
    ],
)
def test_uga_entry_says_how_many_days_were_counted(
    registrations: list[Registration], on: date, explanation_en: str
) -> None:
    decision = uga_entry(person(*registrations, birth=date(1992, 1, 1)), on=on)
    assert not decision
    assert (decision.rule, decision.subject, decision.value) == ("uga_entry", "p", None)
    assert [(c.name, c.holds) for c in decision.criteria] == [
        ("open_unemployment", False),
        ("age", True),
        ("other_routes", None),
    ]
    assert decision.criteria[0].explanation_en == explanation_en


@pytest.mark.parametrize(
    ("birth", "in_band"),
    [
        (date(1999, 3, 2), True),  # 16 on `on`
        (date(1999, 3, 3), False),  # 15
        (date(1990, 3, 3), True),  # 24
        (date(1990, 3, 2), False),  # 25: "fyllt 16 men inte 25 år"
    ],
)
def test_a_uga_decision_that_does_not_hold_judges_the_age_on_the_date(
    birth: date, in_band: bool
) -> None:
    decision = uga_entry(person(open_from(START), birth=birth), on=date(2015, 3, 2))
    age = decision.criteria[1]
    assert (age.name, age.holds) == ("age", in_band)
    assert age.reference is not None
    assert "16 men inte 25" in age.reference.explanation_sv


# --- The reasons of the JOB decision (issue 8, mutation testing) ----------------------------


@pytest.mark.parametrize(
    ("registrations", "birth", "on", "value", "criteria"),
    [
        # SFS 2008:60: JOB after 15 months in UGA without a break
        (
            [open_from(START)],
            date(1996, 5, 1),
            date(2016, 7, 1),
            date(2016, 7, 1),
            [
                ("uga_start", True, "In UGA from 2015-04-01 (computed)"),
                ("months_in_uga", True, "Registered without a break for 15 months, to 2016-06-30"),
            ],
        ),
        # the day before: the 15 months are not complete
        (
            [open_from(START)],
            date(1996, 5, 1),
            date(2016, 6, 30),
            None,
            [
                ("uga_start", True, "In UGA from 2015-04-01 (computed)"),
                (
                    "months_in_uga",
                    False,
                    "Registered without a break 2015-04-01–2016-06-30; 15 months required",
                ),
            ],
        ),
        # a break in the registration ends the count where the spell ends
        (
            [open_from(START, date(2015, 12, 31)), open_from(date(2016, 1, 5))],
            date(1996, 5, 1),
            date(2017, 1, 1),
            None,
            [
                ("uga_start", True, "In UGA from 2015-04-01 (computed)"),
                (
                    "months_in_uga",
                    False,
                    "Registered without a break 2015-04-01–2015-12-31; 15 months required",
                ),
            ],
        ),
        # never in UGA: nothing to count
        (
            [],
            date(1996, 5, 1),
            date(2017, 1, 1),
            None,
            [
                ("uga_start", False, "Has not entered UGA by 2017-01-01"),
                ("months_in_uga", None, "No time in UGA to count"),
            ],
        ),
        # UGA ends the day before the 25th birthday (issue 11 §1)
        (
            [open_from(START)],
            date(1991, 6, 30),
            date(2016, 12, 31),
            None,
            [
                ("uga_start", True, "In UGA from 2015-04-01 (computed)"),
                (
                    "months_in_uga",
                    False,
                    "UGA ended on 2016-06-29, the day before the 25th birthday, before 15 "
                    "months had passed; other routes into JOB are not modelled",
                ),
            ],
        ),
    ],
)
def test_job_entry_says_why(
    registrations: list[Registration],
    birth: date,
    on: date,
    value: date | None,
    criteria: list[tuple[str, bool | None, str]],
) -> None:
    decision = job_entry(person(*registrations, birth=birth), on=on)
    assert (decision.rule, decision.subject, decision.value) == ("job_entry", "p", value)
    assert bool(decision) is (value is not None)
    assert decision.version.id == "job-entry-2008-04-07"
    assert [(c.name, c.holds, c.explanation_en) for c in decision.criteria] == criteria


def test_undated_programmes_are_left_out_unless_asked_for() -> None:
    # A programme whose validity no source states (e.g. nystartsjobb, "ej styrkt") is not
    # claimed to be valid on a date; `include_undated` adds it knowingly.
    dated = {p.code for p in catalogue().valid_on(date(2017, 1, 1))}
    everything = {p.code for p in catalogue().valid_on(date(2017, 1, 1), include_undated=True)}
    assert "nystartsjobb" not in dated
    assert "nystartsjobb" in everything
    assert dated < everything


# --- Phase 3 with the caller's codes (7 §, SFS 2013:1169) -----------------------------------


def test_phase3_without_job_applies_the_version_in_force_on_the_date() -> None:
    # Nobody in JOB: the decision names the version of `on` and says what is missing.
    for on, version in (
        (date(2015, 6, 1), "job-phase3-2007-07-02"),
        (date(2017, 1, 1), "job-phase3-2016-02-01"),  # SFS 2015:949
    ):
        decision = job_phase3_entry(person(), on=on)
        assert not decision
        assert decision.version.id == version
        assert [(c.name, c.holds) for c in decision.criteria] == [("days_in_job", False)]


def test_phase3_passes_the_callers_codes_on() -> None:
    # The JOB start is computed from UGA (SFS 2008:60) when no JOB registration is recorded:
    # the open-unemployment and UGA codes the caller gives must reach that computation, and
    # a JOB category code given in `job_codes` counts as a recorded JOB start.
    own_open = person(open_from(date(2011, 1, 1), code="12"), birth=date(1990, 1, 1))
    on = date(2016, 1, 1)
    assert not job_phase3_entry(own_open, on=on)
    assert job_phase3_entry(own_open, on=on, open_codes={"12"}).value == (
        job_entry(own_open, on=on, open_codes={"12"}).value + 450 * D
    )
    own_uga = person(
        open_from(date(2011, 1, 1), date(2011, 1, 31)),
        Registration(start=date(2011, 2, 1), category="69"),
        birth=date(1990, 1, 1),
    )
    assert job_phase3_entry(own_uga, on=on, uga_codes={"69"}).value == (
        job_entry(own_uga, on=on, uga_codes={"69"}).value + 450 * D
    )
    assert not job_phase3_entry(own_uga, on=on, uga_codes={"99"})
    own_job = person(Registration(start=date(2012, 1, 1), category="74"))
    assert not job_phase3_entry(own_job, on=on)
    assert job_phase3_entry(own_job, on=on, job_codes={"74"}).value == date(2012, 1, 1) + 450 * D


@pytest.mark.parametrize(
    ("registrations", "on", "value", "version", "criteria"),
    [
        # 7 § (SFS 2013:1169): phase 3 after 450 days in JOB
        (
            [Registration(start=date(2013, 1, 1), programme="job")],
            date(2014, 6, 1),
            date(2014, 3, 27),
            "job-phase3-2007-07-02",
            [
                ("days_in_job", True, "In JOB from 2013-01-01 (recorded); 450 days completed on 2014-03-26", "prog-sfs-2013-1169"),
                ("phase3_open", True, "The employment phase accepted new participants on 2014-03-27", "prog-sfs-2013-1169"),
            ],
        ),
        # SFS 2015:949: nobody is assigned to phase 3 from 2016-02-01
        (
            [Registration(start=date(2015, 1, 1), programme="job")],
            date(2017, 1, 1),
            None,
            "job-phase3-2016-02-01",
            [
                ("days_in_job", True, "In JOB from 2015-01-01 (recorded); 450 days completed on 2016-03-25", "prog-sfs-2013-1169"),
                ("phase3_open", False, "No new assignments to the employment phase from 2016-02-01", "prog-sfs-2015-949"),
            ],
        ),
        # not yet 450 days
        (
            [Registration(start=date(2013, 1, 1), programme="job")],
            date(2013, 6, 1),
            None,
            "job-phase3-2007-07-02",
            [("days_in_job", False, "Does not have 450 days without a break in JOB by 2013-06-01", "prog-sfs-2013-1169")],
        ),
        # a first JOB spell that broke off does not stop a later one from counting
        (
            [
                Registration(start=date(2012, 1, 1), end=date(2012, 3, 1), programme="job"),
                Registration(start=date(2012, 6, 1), programme="job"),
            ],
            date(2014, 1, 1),
            date(2013, 8, 25),
            "job-phase3-2007-07-02",
            [
                ("days_in_job", True, "In JOB from 2012-06-01 (recorded); 450 days completed on 2013-08-24", "prog-sfs-2013-1169"),
                ("phase3_open", True, "The employment phase accepted new participants on 2013-08-25", "prog-sfs-2013-1169"),
            ],
        ),
    ],
)  # fmt: skip
def test_phase3_says_why(
    registrations: list[Registration],
    on: date,
    value: date | None,
    version: str,
    criteria: list[tuple[str, bool, str, str]],
) -> None:
    decision = job_phase3_entry(person(*registrations, birth=date(1990, 1, 1)), on=on)
    assert (decision.rule, decision.subject, decision.on, decision.value) == (
        "job_phase3",
        "p",
        on,
        value,
    )
    assert bool(decision) is (value is not None)
    assert decision.version.id == version
    assert [
        (c.name, c.holds, c.explanation_en, c.reference.id if c.reference else None)
        for c in decision.criteria
    ] == criteria


def test_utbildningskontrakt_running_says_why() -> None:
    # SFS 2019:1155: contracts made 2015-08-03 – 2019-12-31 run at most to 2020-09-20.
    decision = utbildningskontrakt_running(date(2019, 1, 1), date(2019, 6, 1))
    assert (decision.rule, decision.on) == ("utbildningskontrakt_running", date(2019, 6, 1))
    assert decision.version.id == "utbildningskontrakt-running-2015-08-03"
    assert [(c.name, c.holds, c.explanation_en) for c in decision.criteria] == [
        ("made_in_time", True, "Made on 2019-01-01; new contracts 2015-08-03–2019-12-31"),
        (
            "within_transition",
            True,
            "2019-06-01 is within the contract and at the latest 2020-09-20",
        ),
    ]
    early = utbildningskontrakt_running(date(2019, 7, 1), date(2019, 6, 1))
    assert [(c.name, c.holds) for c in early.criteria] == [
        ("made_in_time", True),
        ("within_transition", False),
    ]
    assert (
        early.criteria[1].explanation_en == "2019-06-01 is before the contract's start 2019-07-01"
    )
    # Each criterion cites its own source: the last day for new contracts is SFS 2019:1155,
    # the last running day Arbetsförmedlingen's transition rule (a mutation survivor when
    # only the explanations were checked).
    assert [c.reference.id for c in decision.criteria if c.reference] == [
        "prog-sfs-2019-1155",
        "prog-af-utbildningskontrakt",
    ]


def test_a_toml_file_replaces_a_bundled_programme_only_when_asked() -> None:
    # A municipality's own catalogue file must not silently change a bundled programme
    # (e.g. the dates of "praktik"); with `replace=True` it does so on purpose.
    text = '[[programmes]]\ncode = "praktik"\nname_sv = "Praktik"\nname_en = "Work practice"\nprovider = "kommun"\n'
    with pytest.raises(ValidationError, match="praktik"):
        catalogue().with_toml(text)
    assert catalogue().with_toml(text, replace=True).get("praktik").provider.value == "kommun"


@pytest.mark.parametrize(
    ("qualifications", "education", "holds", "explanation_en"),
    [
        # GGV Bilaga 3: traineejobb 20–24 "med gymnasieexamen"; a diploma received on the
        # day asked about counts
        ([Qualification(kind=QualificationKind.UPPER_SECONDARY_DIPLOMA, on=ON)], None, True,
         "Has an upper-secondary diploma; with an upper-secondary diploma required"),
        ([Qualification(kind=QualificationKind.CERTIFICATE_OF_STUDIES, on=ON)], None, False,
         "Has no upper-secondary diploma; with an upper-secondary diploma required"),
        ([], None, None,
         "Unknown whether there is a diploma; with an upper-secondary diploma required"),
        ([], EducationLevel.PRIMARY, False,
         "Education level compulsory school; with an upper-secondary diploma required"),
    ],
)  # fmt: skip
def test_the_diploma_criterion_says_what_is_known(
    qualifications: list[Qualification],
    education: EducationLevel | None,
    holds: bool | None,
    explanation_en: str,
) -> None:
    p = person(birth=date(1994, 1, 1), qualifications=qualifications, education=education)
    diploma = traineejobb_eligible(p, ON).criteria[1]
    assert (diploma.name, diploma.holds, diploma.explanation_en) == (
        "diploma",
        holds,
        explanation_en,
    )
    assert (
        diploma.explanation_sv.split(";")[0]
        == {
            True: "Har gymnasieexamen",
            False: "Saknar gymnasieexamen" if qualifications else "Utbildningsnivå förgymnasial",
            None: "Okänt om gymnasieexamen finns",
        }[holds]
    )
    assert diploma.explanation_sv.split("; ")[1] == "krävs med gymnasieexamen"
    assert diploma.reference is not None
    assert diploma.reference.id == "prog-seed-002-uppdrag"


def test_no_diploma_is_required_from_2016_06_01() -> None:
    # regeringen.se (90-dagarsgarantin): the widened traineejobb has no diploma requirement,
    # whatever is known about the person's education; the criterion cites that source.
    for education in (None, EducationLevel.PRIMARY):
        p = person(birth=date(1994, 1, 1), education=education)
        diploma = traineejobb_eligible(p, WIDENED).criteria[1]
        assert diploma.reference is not None
        assert (diploma.name, diploma.holds, diploma.reference.id) == (
            "diploma",
            True,
            "prog-regeringen-90-dagarsgarantin",
        )
        assert diploma.explanation_en == "No upper-secondary diploma required from 2016-06-01"


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_catalogue_file_errors_name_the_file(tmp_path: Path) -> None:
    # A user's catalogue file (issue 11): every error names the file it comes from, or
    # says that the catalogue was given as text.
    missing = tmp_path / "saknas.toml"
    with pytest.raises(FileFormatError, match=rf"^cannot read {re.escape(str(missing))}: "):
        Catalogue(programmes=()).with_toml(missing)
    broken = tmp_path / "trasig.toml"
    broken.write_text("[[programmes]\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match=rf"^{re.escape(str(broken))}: not valid TOML \("):
        Catalogue(programmes=()).with_toml(broken)
    with pytest.raises(FileFormatError, match=r"^catalogue text: not valid TOML \("):
        Catalogue(programmes=()).with_toml("[[programmes]\n")
    wrong = tmp_path / "fel.toml"
    wrong.write_text(
        '[[programmes]]\ncode = "x"\nname_sv = "X"\nname_en = "X"\nprovider = "kommunen"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValidationError, match=re.escape(f"1 problem in {wrong}:")):
        Catalogue(programmes=()).with_toml(wrong)
    wrong.write_text("[[programs]]\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=re.escape(f"1 problem in {wrong}:")):
        Catalogue(programmes=()).with_toml(wrong)
    # an empty file adds nothing; Swedish letters are read as UTF-8
    empty = tmp_path / "tom.toml"
    empty.write_text("", encoding="utf-8")
    assert Catalogue(programmes=()).with_toml(empty).programmes == ()
    own = tmp_path / "egen.toml"
    own.write_bytes(
        '[[programmes]]\ncode = "x"\nname_sv = "Övning på fältet"\nname_en = "X"\nprovider = "kommun"\n'.encode()
    )
    assert Catalogue(programmes=()).with_toml(own).programmes[0].name_sv == "Övning på fältet"


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_a_repeated_code_is_refused_with_the_way_out() -> None:
    entry = '[[programmes]]\ncode = "x"\nname_sv = "X"\nname_en = "X"\nprovider = "kommun"\n'
    with pytest.raises(ValidationError) as info:
        Catalogue(programmes=()).with_toml(entry + entry)
    [problem] = info.value.problems
    assert (problem.path, problem.message, problem.value) == (
        "programmes[1].code",
        "a code can occur only once in a catalogue "
        "(use with_programme(..., replace=True) to replace an entry)",
        "'x'",
    )


LONG_TERM_ONLY = (
    "eligible only as long-term unemployed (from age 25) or newly arrived; long-term "
    "unemployment cannot be judged from the person record (it is the Public Employment "
    "Service's assessment of the registration history)"
)


@pytest.mark.parametrize(
    ("birth", "newly_arrived", "on", "holds", "explanation_en", "source"),
    [
        # GGV Bilaga 3: traineejobb 20–24
        (date(1994, 1, 1), None, WIDENED, True, "Aged 22 on 2016-06-01; aged 20–24", "prog-seed-002-uppdrag"),
        (date(1996, 6, 1), None, WIDENED, True, "Aged 20 on 2016-06-01; aged 20–24", "prog-seed-002-uppdrag"),
        (date(1997, 1, 1), True, WIDENED, False, "Aged 19 on 2016-06-01; aged 20–24 required", "prog-seed-002-uppdrag"),
        (date(1980, 1, 1), None, ON, False, "Aged 36 on 2016-05-31; aged 20–24 required", "prog-seed-002-uppdrag"),
        # regeringen.se (90-dagarsgarantin), from 2016-06-01: newly arrived of any age from 20 ...
        (date(1980, 1, 1), True, WIDENED, True,
         "Aged 36 on 2016-06-01 and newly arrived (eligible from 2016-06-01)",
         "prog-regeringen-traineejobb-2016"),
        # ... and long-term unemployed from 25, which the person record cannot show
        (date(1980, 1, 1), None, WIDENED, None, f"Aged 36 on 2016-06-01: {LONG_TERM_ONLY}",
         "prog-regeringen-traineejobb-2016"),
        (date(1980, 1, 1), False, WIDENED, None, f"Aged 36 on 2016-06-01: {LONG_TERM_ONLY}",
         "prog-regeringen-traineejobb-2016"),
        (date(1991, 6, 1), None, WIDENED, None, f"Aged 25 on 2016-06-01: {LONG_TERM_ONLY}",
         "prog-regeringen-traineejobb-2016"),
    ],
)  # fmt: skip
def test_the_traineejobb_group_criterion_says_which_group_applies(
    birth: date,
    newly_arrived: bool | None,
    on: date,
    holds: bool | None,
    explanation_en: str,
    source: str,
) -> None:
    decision = traineejobb_eligible(person(birth=birth, newly_arrived=newly_arrived), on)
    group = decision.criteria[0]
    assert group.reference is not None
    assert (group.name, group.holds, group.explanation_en, group.reference.id) == (
        "age",
        holds,
        explanation_en,
        source,
    )
    if holds is None:
        assert "eller nyanländ; långtidsarbetslöshet kan inte bedömas" in group.explanation_sv


@pytest.mark.parametrize(
    ("start", "end", "holds"),
    [
        (ON, None, False),  # registered from the day itself: inside
        (ON + timedelta(days=1), None, True),  # registered from the next day: not yet
        (date(2016, 1, 1), ON, False),  # the registration's last day: still inside
        (date(2016, 1, 1), ON - timedelta(days=1), True),  # ended the day before
        (date(2016, 1, 1), None, False),  # open-ended
    ],
)
def test_utbildningskontrakt_establishment_boundaries(
    start: date, end: date | None, holds: bool
) -> None:
    """Arbetsförmedlingen (issue 11 §1): a utbildningskontrakt is not for a person in the
    establishment assignment/programme on the day of the decision; a registration counts
    from its first to its last day, both included. The criterion cites the parameter's
    source. (Mutation testing, issue 8 item 4, found the day edges unpinned.)"""
    p = Person(
        key="p",
        birth_date=date(1994, 1, 1),
        education=EducationLevel.PRIMARY,
        home_municipality=HALLEFORS,
        registrations=(Registration(start=start, end=end, programme="etableringsuppdraget"),),
    )
    decision = utbildningskontrakt_eligible(p, ON, agreement_municipalities=[HALLEFORS])
    (criterion,) = [c for c in decision.criteria if c.name == "outside_establishment"]
    assert criterion.holds is holds
    assert bool(decision) is holds
    assert criterion.reference is not None
    assert criterion.reference.id == "prog-af-utbildningskontrakt"


# --- issue 8 item 4: mutation survivors in the utbildningskontrakt criteria ------------------

_NOT_JUDGED = (
    None,
    "Inte bedömt: ange kommunerna med lokal överenskommelse (agreement_municipalities)",
    "Not judged: give the municipalities with a local agreement (agreement_municipalities)",
)


@pytest.mark.parametrize(
    ("home", "municipalities", "expected"),
    [
        (HALLEFORS, None, _NOT_JUDGED),  # no list given: the criterion says what to give
        (None, None, _NOT_JUDGED),
        (None, [HALLEFORS], (None, "Okänd hemkommun", "Home municipality unknown")),
        (HALLEFORS, [HALLEFORS], (True, "Bor i 1863, en kommun med lokal överenskommelse",
                                  "Lives in 1863, a municipality with a local agreement")),
        ("0180", [HALLEFORS], (False, "Bor i 0180, ingen kommun med lokal överenskommelse",
                               "Lives in 0180, not a municipality with a local agreement")),
    ],
)  # fmt: skip
def test_the_agreement_municipality_criterion_says_what_is_known_and_cites_its_source(
    home: str | None, municipalities: list[str] | None, expected: tuple[bool | None, str, str]
) -> None:
    # programmes.toml `utbildningskontrakt.agreement_municipality` (reference
    # prog-af-utbildningskontrakt: Arbetsförmedlingen, a municipality with a local agreement).
    p = Person(key="p", birth_date=date(1994, 1, 1), education=EducationLevel.PRIMARY,
               home_municipality=home)  # fmt: skip
    decision = utbildningskontrakt_eligible(p, ON, agreement_municipalities=municipalities)
    (where,) = [c for c in decision.criteria if c.name == "agreement_municipality"]
    assert (where.holds, where.explanation_sv, where.explanation_en) == expected
    assert where.reference is not None
    assert where.reference.id == "prog-af-utbildningskontrakt"


@pytest.mark.parametrize(
    ("start", "end", "inside"),
    [
        (ON + D, None, False),  # starts the day after: not yet inside
        (ON, None, True),  # starts on the day itself
        (ON - D, ON - D, False),  # ended the day before
        (ON - D, ON, True),  # ends on the day itself
        (ON - D, ON + D, True),
    ],
)
def test_the_establishment_criterion_at_the_edges_of_a_registration(
    start: date, end: date | None, inside: bool
) -> None:
    # programmes.toml `utbildningskontrakt.outside_establishment` (prog-af-utbildningskontrakt):
    # not in the establishment assignment/programme on the day, both ends of a spell included.
    reg = Registration(start=start, end=end, programme="etableringsuppdraget")
    p = Person(key="p", birth_date=date(1994, 1, 1), education=EducationLevel.PRIMARY,
               home_municipality=HALLEFORS, registrations=[reg])  # fmt: skip
    decision = utbildningskontrakt_eligible(p, ON, agreement_municipalities=[HALLEFORS])
    (outside,) = [c for c in decision.criteria if c.name == "outside_establishment"]
    assert outside.holds is not inside
    assert bool(decision) is not inside
    assert outside.reference is not None
    assert outside.reference.id == "prog-af-utbildningskontrakt"
    assert outside.explanation_en == (
        f"Registered in etableringsuppdraget on {ON}; must not be in the establishment "
        "assignment/programme"
        if inside
        else f"No registration in the establishment assignment/programme on {ON}"
    )
    assert outside.explanation_sv == (
        f"Inskriven i etableringsuppdraget {ON}; får inte delta i etableringsuppdraget/-programmet"
        if inside
        else f"Ingen registrering i etableringsuppdraget/-programmet {ON}"
    )


@pytest.mark.parametrize(
    ("rule", "name", "version"),
    [
        (utbildningskontrakt_eligible, "utbildningskontrakt_eligibility", "utbildningskontrakt-2015-08-03"),
        (traineejobb_eligible, "traineejobb_eligibility", "traineejobb-2015-08-01"),
    ],
)  # fmt: skip
def test_a_youth_measure_decision_names_its_rule_day_subject_and_version(
    rule: Callable[[Person, date], Decision], name: str, version: str
) -> None:
    # programmes.toml [[versions]] for traineejobb and utbildningskontrakt: the decision
    # records which rule, on which day, for whom, by which version.
    p = person(birth=date(1994, 1, 1), education=EducationLevel.PRIMARY)
    decision = rule(p, ON)
    assert (decision.rule, decision.on, decision.subject) == (name, ON, "p")
    assert (decision.version.rule, decision.version.id) == (name, version)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[[programmes]\n", "expected ']]' at the end of a heading of an array of tables (at line 1, column 13)"),
        ("x = \n", "invalid value (at line 1, column 5)"),
    ],
)  # fmt: skip
@pytest.mark.usefixtures("english_messages")  # pins the English message
def test_a_catalogue_that_is_not_toml_says_where_and_why(text: str, reason: str) -> None:
    # Issue 11 (a municipality's own catalogue): the error gives the parser's reason, with
    # its line and column, in the user's language, not only that the text is invalid.
    with pytest.raises(FileFormatError) as raised:
        Catalogue(programmes=()).with_toml(text)
    assert str(raised.value) == f"catalogue text: not valid TOML ({reason})"


@pytest.mark.usefixtures("english_messages")  # pins the English message
def test_a_catalogue_file_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    # Issue 11: a missing catalogue file names the file and the system's reason.
    missing = tmp_path / "saknas.toml"
    with pytest.raises(FileFormatError) as raised:
        Catalogue(programmes=()).with_toml(missing)
    assert str(raised.value) == f"cannot read {missing}: no such file or folder"


@pytest.mark.parametrize(("offset", "holds"), [(449, False), (450, True)])
def test_long_term_in_job_decision_names_rule_version_subject_and_reference(
    offset: int, holds: bool
) -> None:
    # programmes.toml: rule "job_long_term", version "job-long-term-450", parameter
    # "job.long_term_days" = 450 cited as "prog-seed-004-450" (Sjuhärad 2020, avsnitt 4).
    # Issue 8 item 4: kills the long_term_in_job survivors that blank these fields.
    on = date(2019, 1, 1) + offset * D
    decision = long_term_in_job(in_job(date(2019, 1, 1)), on=on)
    assert (decision.rule, decision.holds, decision.on, decision.subject) == (
        "job_long_term",
        holds,
        on,
        "p",
    )
    assert decision.version.id == "job-long-term-450"
    (days,) = decision.criteria
    assert (days.name, days.holds) == ("days_in_job", holds)
    assert days.reference is not None
    assert days.reference.id == "prog-seed-004-450"


def test_job_entry_decisions_name_their_date_and_cite_the_months() -> None:
    # programmes.toml: "job.months_in_uga" = 15 cited as "prog-sfs-2008-60" (förordning
    # 2007:414 5 §, SFS 2008:60). Issue 8 item 4: the decision keeps `on` and the criterion
    # cites the parameter whether it holds (on the JOB day) or not (the day before).
    p = person(open_from(START))
    for on, holds in ((date(2016, 6, 30), False), (date(2016, 7, 1), True)):
        decision = job_entry(p, on=on)
        assert (decision.on, bool(decision)) == (on, holds)
        (months,) = [c for c in decision.criteria if c.name == "months_in_uga"]
        assert months.holds is holds
        assert months.reference is not None
        assert months.reference.id == "prog-sfs-2008-60"
    nobody = job_entry(person(), on=date(2016, 7, 1))
    assert (nobody.on, bool(nobody)) == (date(2016, 7, 1), False)


def test_job_entry_tries_a_later_uga_start_after_a_broken_one() -> None:
    # SFS 2008:60 (5 §): 15 months in UGA without a break. The first recorded UGA spell
    # breaks after six months; the second, from 2015-09-01, reaches JOB on 2016-12-01.
    p = person(
        Registration(start=START, end=date(2015, 6, 30), programme="uga"),
        Registration(start=date(2015, 9, 1), programme="uga"),
    )
    assert job_entry(p, on=date(2016, 11, 30)).value is None
    assert job_entry(p, on=date(2016, 12, 1)).value == date(2016, 12, 1)


@pytest.mark.parametrize(("offset", "holds"), [(89, False), (90, True)])
def test_uga_entry_decision_names_its_date_and_cites_the_first_reference(
    offset: int, holds: bool
) -> None:
    # programmes.toml: version "uga-entry-2011-01-01" cites ["prog-sfs-2010-2033",
    # "prog-seed-000-ladder"]; the open-unemployment criterion cites the first (SFS 2010:2033).
    on = START + offset * D
    decision = uga_entry(person(open_from(START)), on=on)
    assert (decision.on, bool(decision)) == (on, holds)
    (open_,) = [c for c in decision.criteria if c.name == "open_unemployment"]
    assert open_.holds is holds
    assert open_.reference is not None
    assert open_.reference.id == "prog-sfs-2010-2033"


@pytest.mark.parametrize("offset", [89, 90])
def test_uga_entry_without_references_leaves_the_criterion_uncited(
    monkeypatch: pytest.MonkeyPatch, offset: int
) -> None:
    # A version edited to list no reference leaves the criterion uncited instead of failing.
    edit_law_data(monkeypatch, unreferenced={"uga_entry"})
    decision = uga_entry(person(open_from(START)), on=START + offset * D)
    (open_,) = [c for c in decision.criteria if c.name == "open_unemployment"]
    assert open_.reference is None


def test_uga_entry_not_reached_counts_the_callers_open_codes() -> None:
    # SFS 2010:2033: 90 days of open unemployment; the caller chooses which codes count.
    decision = uga_entry(person(open_from(START, code="12")), on=START + 89 * D, open_codes={"12"})
    assert not decision
    (open_,) = [c for c in decision.criteria if c.name == "open_unemployment"]
    # Day 90 of the spell: 90 days counted, entry on the next day; registered on `on`.
    assert open_.explanation_en.startswith("90 days")
    assert "not registered" not in open_.explanation_en


def test_job_entry_aged_out_decision_names_its_date() -> None:
    # Issue 11 §1 (UGA ends the day before the 25th birthday): the decision that JOB is not
    # reached this way is still the decision of `on`.
    on = date(2016, 12, 31)
    decision = job_entry(person(open_from(START), birth=date(1991, 6, 30)), on=on)
    assert (decision.on, bool(decision)) == (on, False)


@pytest.mark.parametrize(
    ("registration", "expected"),
    [
        # a registration starting on `on` is looked at: a one-day spell
        (
            Registration(start=date(2015, 6, 30), programme="uga"),
            [(date(2015, 6, 30), date(2015, 6, 30))],
        ),
        # a programme outside the asked programmes is not counted, whatever it is
        (Registration(start=date(2015, 1, 1), programme="job"), []),
        (
            Registration(start=date(2015, 1, 1), programme="uga"),
            [(date(2015, 1, 1), date(2015, 6, 30))],
        ),
    ],
)
def test_spells_edges_of_date_and_programme(
    registration: Registration, expected: list[tuple[date, date]]
) -> None:
    # DOMAIN.md (registrations): spells are built from the registrations up to `on`
    # inclusive, with the caller's codes and programmes. Issue 8 item 4.
    spells = registration_spells([registration], date(2015, 6, 30), codes=(), programmes={"uga"})
    assert [(s.start, s.end) for s in spells] == expected


@pytest.mark.parametrize(
    ("first", "last", "days"),
    [
        (START - D, START - D, 0),  # the day before the spell
        (START, START, 1),  # the one shared day counts
        (START + D, START + D, 0),  # the day after
    ],
)
def test_spell_overlap_on_the_edge(first: date, last: date, days: int) -> None:
    assert Spell(start=START, end=START).overlap(first, last) == days


def test_uga_entry_before_birth_is_out_of_the_age_band() -> None:
    # SFS 2010:2033: 16–24 years; on a date before the birth date the person has no age,
    # so is in no band (instead of failing).
    p = person(open_from(START), birth=START + D)
    decision = uga_entry(p, on=START)
    assert not decision
    (age,) = [c for c in decision.criteria if c.name == "age"]
    assert age.holds is False


@pytest.mark.parametrize("value", [True, "15"])
def test_a_parameter_that_is_not_a_whole_number_is_a_data_bug(
    monkeypatch: pytest.MonkeyPatch, value: bool | str
) -> None:
    # programmes.toml "job.months_in_uga" must be an int (SFS 2008:60: 15 months); a bool
    # or text there is a bug in the data, loud and named.
    edit_law_data(monkeypatch, values={"job.months_in_uga": value})
    with pytest.raises(TypeError, match=r"parameter job\.months_in_uga must be a whole number"):
        job_entry(person(open_from(START)), on=date(2016, 7, 1))


def test_long_term_in_job_computes_job_from_the_callers_uga_codes() -> None:
    # SFS 2008:60 (5 §): JOB after 15 months in UGA; the UGA here is recorded under the
    # caller's own code "99", so the computed JOB start (2016-04-01) needs those codes.
    p = person(Registration(start=START, category="99"))
    on = date(2016, 4, 1) + 450 * D
    decision = long_term_in_job(p, on=on, uga_codes={"99"})
    assert (bool(decision), decision.value) == (True, 451)
    assert long_term_in_job(p, on=on - D, uga_codes={"99"}).value == 450
