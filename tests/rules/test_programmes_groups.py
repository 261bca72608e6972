"""The group criterion of the youth measures when a version has only some of the wider
groups (dua.rules.programmes, issue 8 item 4).

The bundled traineejobb version of 2016-06-01 (regeringen.se, "90-dagarsgarantin";
prog-regeringen-traineejobb-2016) widened the 20–24 band to long-term unemployed from 25
*and* newly arrived at once, so with the bundled parameters the two wider groups always
come and go together and the rule's handling of each alone is never exercised (mutation
testing found `long_term or newly_arrived` and `long_term and newly_arrived` equal on every
bundled date). The rule reads which groups a version has from the parameters in force, so
these tests give it parameter tables with one group, or a long-term age apart from the
band, built from the bundled table inside each test, and check the criterion a caller
gets: whether it holds, and the source it cites.
"""

from __future__ import annotations

from datetime import date

import pytest

from dua.model import Person
from dua.rules.programmes import traineejobb_eligible
from tests.rules._law_data import edit_law_data

WIDENED = date(2016, 6, 1)  # the first day of the widened traineejobb version
BAND = "prog-seed-002-uppdrag"  # GGV Bilaga 3: traineejobb 20–24
WIDER = "prog-regeringen-traineejobb-2016"  # long-term unemployed from 25, newly arrived

LONG_TERM = "traineejobb.long_term_unemployed_min_age"
NEWLY_ARRIVED = "traineejobb.newly_arrived"


class _Table:
    """Swaps the parameter table the rules read for an edited copy of the bundled one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch

    def edit(
        self,
        *,
        without: str | None = None,
        long_term_from: int | None = None,
        diploma: str | None = None,
    ) -> None:
        changes: dict[str, int | str] = {}
        if long_term_from is not None:
            changes[LONG_TERM] = long_term_from
        if diploma is not None:
            changes["traineejobb.diploma"] = diploma
        edit_law_data(
            self._monkeypatch, values=changes, without=() if without is None else {without}
        )


@pytest.fixture
def table(monkeypatch: pytest.MonkeyPatch) -> _Table:
    return _Table(monkeypatch)


def group(born: date, newly_arrived: bool | None, on: date = WIDENED) -> tuple[bool | None, str]:
    decision = traineejobb_eligible(
        Person(key="p", birth_date=born, newly_arrived=newly_arrived), on
    )
    criterion = decision.criteria[0]
    assert criterion.name == "age"
    assert criterion.reference is not None
    return criterion.holds, criterion.reference.id


@pytest.mark.parametrize(
    ("newly_arrived", "holds", "source"),
    [
        # Outside the band and only newly arrived are widened to: whether someone is newly
        # arrived decides; unknown stays unknown.
        (True, True, WIDER),
        (False, False, BAND),
        (None, None, BAND),
    ],
)
def test_a_version_widened_to_newly_arrived_only(
    table: _Table, newly_arrived: bool | None, holds: bool | None, source: str
) -> None:
    table.edit(without=LONG_TERM)
    assert group(date(1980, 1, 1), newly_arrived) == (holds, source)


@pytest.mark.parametrize("newly_arrived", [True, False, None])
def test_a_version_widened_to_long_term_unemployed_only(
    table: _Table, newly_arrived: bool | None
) -> None:
    # Aged 36: only long-term unemployment could make them eligible, which the person
    # record cannot show, newly arrived or not.
    table.edit(without=NEWLY_ARRIVED)
    born = date(1980, 1, 1)
    assert group(born, newly_arrived) == (None, WIDER)
    decision = traineejobb_eligible(
        Person(key="p", birth_date=born, newly_arrived=newly_arrived), WIDENED
    )
    # the explanation names only the group the version has
    assert (decision.criteria[0].explanation_sv, decision.criteria[0].explanation_en) == (
        "36 år 2016-06-01: omfattas bara som långtidsarbetslös (från 25 år); "
        "långtidsarbetslöshet kan inte bedömas ur personuppgifterna "
        "(Arbetsförmedlingens bedömning av inskrivningstiden)",
        "Aged 36 on 2016-06-01: eligible only as long-term unemployed (from age 25); "
        "long-term unemployment cannot be judged from the person record (it is the Public "
        "Employment Service's assessment of the registration history)",
    )


def test_a_version_without_wider_groups_keeps_the_band(table: _Table) -> None:
    table.edit(without=LONG_TERM)
    table.edit(without=NEWLY_ARRIVED)
    assert group(date(1980, 1, 1), True) == (False, BAND)


@pytest.mark.parametrize(
    ("born", "newly_arrived", "holds", "source"),
    [
        (date(1989, 6, 1), None, None, BAND),  # 27: above the band, below 30
        (date(1989, 6, 1), False, False, BAND),
        (date(1986, 6, 1), None, None, WIDER),  # 30 on the day: long-term group
        (date(1986, 6, 2), None, None, BAND),  # 29, 30 the day after
        (date(1986, 6, 1), True, True, WIDER),
    ],
)
def test_the_long_term_age_is_read_from_the_version(
    table: _Table, born: date, newly_arrived: bool | None, holds: bool | None, source: str
) -> None:
    # A long-term group from 30 rather than 25 (the band's 24 + 1): who is old enough for
    # it is decided by that parameter, from the birthday on.
    table.edit(long_term_from=30)
    assert group(born, newly_arrived) == (holds, source)


def test_an_unknown_diploma_setting_is_a_loud_data_bug(table: _Table) -> None:
    # The diploma parameter is "required", "any" or "excluded"; any other value in a
    # parameter file is a bug in the data, and says which parameter and value.
    table.edit(diploma="sometimes")
    with pytest.raises(
        ValueError, match=r"^parameter traineejobb\.diploma has an unknown value 'sometimes'$"
    ):
        traineejobb_eligible(Person(key="p", birth_date=date(1994, 1, 1)), WIDENED)
