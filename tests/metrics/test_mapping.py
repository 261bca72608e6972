"""Mapping tables (kartläggning) and small-cell suppression (DOMAIN.md §6)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua.metrics.mapping import (
    SUPPRESSED,
    CrossTable,
    age_band,
    cross_tabulate,
    disability,
    education,
    foreign_born,
    mapping_tables,
    municipality,
    registration_category,
    sex,
    social_assistance,
    tabulate,
)
from dua.model import EducationLevel, Person, Registration, Sex, SocialAssistanceMonth

ON = date(2015, 10, 31)


def hallefors_registered() -> list[Person]:
    """103 registered 16–24 at AF Hällefors as the seed states them: 36 women, 67 men;
    53 in category 11, 27 in 69, 4 in 14 (the rest in other categories); 41 foreign-born."""
    people = []
    categories = ["11"] * 53 + ["69"] * 27 + ["14"] * 4 + ["22"] * 19
    for i in range(103):
        people.append(
            Person(
                key=f"h{i}",
                birth_date=date(1993 + i % 7, 3, 1),
                sex=Sex.FEMALE if i < 36 else Sex.MALE,
                home_municipality="1863",
                foreign_born=(i < 16) or (36 <= i < 61),
                registrations=[Registration(start=date(2015, 1, 1), category=categories[i])],
            )
        )
    return people


def test_hallefors_tables_reproduce_the_seed_counts() -> None:
    tables = mapping_tables(hallefors_registered(), ON)
    assert tables["kön"].cell("kvinnor").count == 36
    assert tables["kön"].cell("män").count == 67
    registration = tables["sökandekategori"]
    assert [registration.cell(c).count for c in ("11", "69", "14")] == [53, 27, 4]
    assert tables["födelseland"].cell("utrikes född").count == 41
    assert tables["kommun"].cell("1863").count == 103
    assert tables["kön"].share("kvinnor").percent_text() == "35,0 %"


def test_cross_table_of_sex_and_birth_country() -> None:
    table = cross_tabulate(hallefors_registered(), sex(), foreign_born())
    # Hällefors seed: foreign-born 41 (women 16, men 25).
    assert table.cell("kvinnor", "utrikes född").count == 16
    assert table.cell("män", "utrikes född").count == 25
    assert table.total.count == 103
    text = table.render(shares="row")
    assert "| kvinnor | 16 (44,4 %) | 20 (55,6 %) | 0 (0,0 %) | 36 (100,0 %) |" in text


def test_every_dimension_classifies_everyone() -> None:
    person = Person(
        key="x",
        birth_date=date(1998, 2, 28),
        education=EducationLevel.UPPER_SECONDARY,
        disability=True,
        social_assistance=[SocialAssistanceMonth(year=2015, month=m) for m in range(1, 11)],
    )
    dims = [
        (age_band(ON), "16–19"),
        (sex(), "okänt"),
        (registration_category(ON), "ej inskriven"),
        (foreign_born(), "okänt"),
        (disability(), "med funktionsnedsättning"),
        (education(), "gymnasial"),
        (social_assistance(2015, min_months=10), "försörjningsstöd 2015"),  # Norrköping: 10 of 12
        (municipality(), "okänt"),
    ]
    for dimension, category in dims:
        assert dimension.key(person) == category, dimension.name


@pytest.mark.parametrize(
    ("counts", "threshold", "hidden"),
    [
        ([2, 10, 10], 3, [True, True, False, False]),  # 2 is small; 10 hides with it
        ([1, 1], 3, [True, True, True]),  # the total 2 is itself small and hidden
        ([0, 10, 10], 3, [False, False, False, False]),  # zero reveals no one
        ([3, 10], 3, [False, False, False]),  # threshold 3 hides 1 and 2 only
    ],
)
def test_one_way_suppression(counts: list[int], threshold: int, hidden: list[bool]) -> None:
    people = [
        Person(key=f"p{i}-{j}", birth_date=date(1995, 1, 1), education=level)
        for i, (level, count) in enumerate(
            zip(list(EducationLevel)[: len(counts)], counts, strict=False)
        )
        for j in range(count)
    ]
    table = tabulate(people, education(), threshold=threshold)
    shown = [table.cell(level.value).suppressed for level in list(EducationLevel)[: len(counts)]]
    assert [*shown, table.total.suppressed] == hidden
    assert (SUPPRESSED in table.render()) is any(hidden)


def _lines(table: CrossTable) -> list[list[bool]]:
    rows = [
        [*(c.suppressed for c in row), t.suppressed]
        for row, t in zip(table.cells, table.row_totals, strict=True)
    ]
    rows.append([*(c.suppressed for c in table.column_totals), table.total.suppressed])
    columns = [list(column) for column in zip(*rows, strict=True)]
    return rows + columns


@given(
    st.lists(
        st.tuples(
            st.sampled_from([Sex.FEMALE, Sex.MALE, None]), st.sampled_from(["0581", "1490", "1863"])
        ),
        max_size=60,
    ),
    st.integers(min_value=1, max_value=6),
)
def test_no_line_reveals_a_hidden_count(
    records: list[tuple[Sex | None, str]], threshold: int
) -> None:
    people = [
        Person(key=f"p{i}", birth_date=date(1995, 1, 1), sex=s, home_municipality=m)
        for i, (s, m) in enumerate(records)
    ]
    table = cross_tabulate(people, sex(), municipality(), threshold=threshold)
    # Primary: every count from 1 to threshold − 1 is hidden.
    every = [c for row in table.cells for c in row] + [
        *table.row_totals,
        *table.column_totals,
        table.total,
    ]
    assert all(c.suppressed for c in every if 0 < c.count < threshold)
    # Secondary: no row or column equation has exactly one unknown.
    assert all(sum(line) != 1 for line in _lines(table))
    # Unsuppressed, the table adds up.
    assert sum(c.count for row in table.cells for c in row) == table.total.count == len(people)
