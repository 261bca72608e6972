"""Gender shares among those with known sex and the 40–60 % balance (DOMAIN.md §6)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dua.metrics.gender import (
    GenderBalance,
    by_municipality,
    by_programme,
    by_track,
    gender_balance,
    gender_by_group,
)
from dua.model import Person, Registration, Sex, TrackParticipation
from tests.metrics._html_table import alignments, html_table, texts

SEXES = st.sampled_from([Sex.FEMALE, Sex.MALE, None])


def identity(value: Sex | None) -> Sex | None:
    return value


@pytest.mark.parametrize(
    ("women", "men", "balanced", "source"),
    [
        (36, 67, False, "Hällefors: registered at AF 16–24, 36 women and 67 men (35,0 %)"),
        (16, 25, False, "Hällefors: foreign-born at AF, 16 women and 25 men: 39,0 % women"),
        (40, 60, True, "the bound itself is inside (inclusive)"),
        (60, 40, True, "the upper bound itself is inside"),
        (39, 61, False, "just outside"),
        (425, 575, True, "Norrköping: 42,5 % women"),
        (0, 0, None, "nobody with known sex: cannot be judged"),
    ],
)
def test_balance_table(women: int, men: int, balanced: bool | None, source: str) -> None:
    records = [Sex.FEMALE] * women + [Sex.MALE] * men + [None] * 3
    balance = gender_balance(records, sex=identity)
    assert (balance.women, balance.men, balance.unknown) == (women, men, 3)
    assert balance.balanced is balanced, source


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_bounds_are_configurable_and_inclusive() -> None:
    records = [Sex.FEMALE] * 30 + [Sex.MALE] * 70
    assert gender_balance(records, sex=identity).balanced is False
    assert gender_balance(records, sex=identity, lower="30 %", upper="70 %").balanced is True
    with pytest.raises(ValueError, match="between 0 and 1"):
        gender_balance(records, sex=identity, lower=40)


def test_swedish_values_are_accepted() -> None:
    balance = gender_balance(["kvinna", "man", None], sex=identity)
    assert (balance.women, balance.men, balance.unknown) == (1, 1, 1)


def test_describe() -> None:
    assert GenderBalance(women=36, men=67).describe("en") == (
        "women 36 (35.0%), men 67 (65.0%), unknown sex 0; not balanced (40–60%)"
    )


def test_breakdown_by_track_and_municipality() -> None:
    def person(key: str, sex: Sex, municipality: str, tracks: list[str]) -> Person:
        return Person(
            key=key,
            birth_date=date(1990, 1, 1),
            sex=sex,
            home_municipality=municipality,
            tracks=[TrackParticipation(track=t, start=date(2018, 1, 1)) for t in tracks],
        )

    people = [
        person("a", Sex.FEMALE, "0581", ["industri", "restaurang"]),
        person("b", Sex.MALE, "0581", ["industri"]),
        person("c", Sex.FEMALE, "1490", ["restaurang", "restaurang"]),
    ]
    by_tracks = gender_by_group(people, key=by_track)
    assert list(by_tracks) == ["industri", "restaurang"]
    assert by_tracks["industri"].women_share.value == Fraction(1, 2)
    assert by_tracks["restaurang"].women == 2  # c counted once although listed twice
    by_place = gender_by_group(people, key=by_municipality)
    assert by_place["0581"].known == 2


@given(st.lists(SEXES, max_size=200), st.randoms())
def test_results_do_not_depend_on_record_order(records: list[Sex | None], rnd: object) -> None:
    shuffled = list(records)
    rnd.shuffle(shuffled)
    assert gender_balance(records, sex=identity) == gender_balance(shuffled, sex=identity)


@given(st.lists(SEXES, max_size=100), st.lists(SEXES, max_size=100))
def test_groups_add_up(first: list[Sex | None], second: list[Sex | None]) -> None:
    together = gender_balance(first + second, sex=identity)
    assert together == gender_balance(first, sex=identity) + gender_balance(second, sex=identity)


# Issue 8 item 4: survivors of mutation testing that change results.


def test_an_ungrouped_record_does_not_stop_the_count() -> None:
    """`key` → `None` skips that record only; the records after it are still counted."""
    rows = [("industri", Sex.FEMALE), (None, Sex.MALE), ("industri", Sex.MALE)]
    groups = gender_by_group(rows, key=lambda r: r[0], sex=lambda r: r[1])
    assert list(groups) == ["industri"]
    assert (groups["industri"].women, groups["industri"].men) == (1, 1)


def test_unknown_municipality_is_not_a_group() -> None:
    """A person without a home municipality is left out, not grouped under `"None"`."""
    placed = Person(key="a", birth_date=date(1990, 1, 1), sex=Sex.MALE, home_municipality="1490")
    unplaced = Person(key="b", birth_date=date(1990, 1, 1), sex=Sex.FEMALE)
    assert by_municipality(unplaced) is None
    assert by_municipality(placed) == "1490"
    groups = gender_by_group([unplaced, placed], key=by_municipality)
    assert list(groups) == ["1490"]
    assert (groups["1490"].women, groups["1490"].men) == (0, 1)


@pytest.mark.parametrize(
    ("lower", "upper", "women", "men", "balanced"),
    [
        (0, 1, 0, 5, True),  # 0 % and 100 % are valid bounds: every split is inside
        ("0 %", "100 %", 5, 0, True),
        (Fraction(0), Fraction(1), 1, 1, True),
        ("50 %", "50 %", 1, 1, True),  # equal bounds: only an exact half is balanced
        ("50 %", "50 %", 2, 1, False),
        ("50 %", "50 %", 1, 2, False),
        (Fraction(1, 3), Fraction(2, 3), 1, 2, True),  # both bounds reached exactly
    ],
)
def test_bounds_at_zero_one_and_equal(
    lower: str | int | Fraction, upper: str | int | Fraction, women: int, men: int, balanced: bool
) -> None:
    """The bounds are shares in [0, 1], inclusive at both ends; lower may equal upper."""
    records = [Sex.FEMALE] * women + [Sex.MALE] * men
    balance = gender_balance(records, sex=identity, lower=lower, upper=upper)
    assert balance.balanced is balanced
    grouped = gender_by_group(records, key=lambda _: "g", sex=identity, lower=lower, upper=upper)
    assert grouped["g"] == balance


@pytest.mark.parametrize(
    "bound", [-1, "-0,1 %", Fraction(-1, 10**9), Fraction(1) + Fraction(1, 10**9), "100,1 %", 2]
)
@pytest.mark.usefixtures("english_messages")  # matches English words
@pytest.mark.parametrize("which", ["lower", "upper"])
def test_bounds_outside_zero_one_are_rejected(bound: str | int | Fraction, which: str) -> None:
    """A bound is a share: anything below 0 or above 1 is a mistake (e.g. 40 for 40 %)."""
    bounds: dict[str, str | int | Fraction] = {"lower": 0, "upper": 1, which: bound}
    with pytest.raises(ValueError, match=r"a balance bound is a share between 0 and 1"):
        gender_balance([Sex.FEMALE], sex=identity, **bounds)
    with pytest.raises(ValueError, match=r"a balance bound is a share between 0 and 1"):
        gender_by_group([Sex.FEMALE], key=lambda _: "g", sex=identity, **bounds)


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_lower_above_upper_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"the lower bound 3/5 is above the upper 2/5"):
        GenderBalance(women=1, men=1, lower=Fraction(3, 5), upper=Fraction(2, 5))
    with pytest.raises(ValueError, match="is above the upper"):
        gender_balance([Sex.FEMALE], sex=identity, lower="60 %", upper="40 %")


@pytest.mark.parametrize(
    ("balance", "lang", "text"),
    [
        (
            GenderBalance(women=36, men=67),
            "sv",
            "kvinnor 36 (35,0 %), män 67 (65,0 %), okänt kön 0; ej jämn könsfördelning (40–60 %)",
        ),
        (
            GenderBalance(
                women=1234, men=1000, unknown=1001, lower=Fraction(17, 40), upper=Fraction(23, 40)
            ),
            "sv",
            "kvinnor 1 234 (55,2 %), män 1 000 (44,8 %), okänt kön 1 001; jämn könsfördelning (42,5–57,5 %)",
        ),
        (
            GenderBalance(
                women=1234, men=1000, unknown=1001, lower=Fraction(17, 40), upper=Fraction(23, 40)
            ),
            "en",
            "women 1,234 (55.2%), men 1,000 (44.8%), unknown sex 1,001; balanced (42.5–57.5%)",
        ),
        (
            GenderBalance(women=0, men=0, unknown=3),
            "sv",
            "kvinnor 0 (–), män 0 (–), okänt kön 3; könsfördelningen kan inte bedömas (40–60 %)",
        ),
        (
            GenderBalance(women=0, men=0, unknown=3),
            "en",
            "women 0 (–), men 0 (–), unknown sex 3; balance cannot be judged (40–60%)",
        ),
        (
            GenderBalance(women=1, men=1, unknown=0),
            "en",
            "women 1 (50.0%), men 1 (50.0%), unknown sex 0; balanced (40–60%)",
        ),
    ],
)
def test_describe_table(balance: GenderBalance, lang: str, text: str) -> None:
    """Counts with thousands separators, shares of those with known sex to one decimal,
    the verdict and the bounds (whole percents without decimals, else one) — DOMAIN.md §6."""
    assert balance.describe(lang) == text


def test_known_total_and_both_shares() -> None:
    balance = GenderBalance(women=16, men=25, unknown=4)  # Hällefors: foreign-born at AF
    assert (balance.known, balance.total) == (41, 45)
    assert balance.women_share.value == Fraction(16, 41)
    assert balance.men_share.value == Fraction(25, 41)
    assert balance.women_share.subset == "women"
    assert balance.men_share.subset == "men"
    assert (
        balance.women_share.population == balance.men_share.population == "persons with known sex"
    )


def test_balances_add_only_under_the_same_bounds() -> None:
    a = GenderBalance(women=1, men=2, unknown=3)
    assert a + GenderBalance(women=10, men=20, unknown=30) == GenderBalance(
        women=11, men=22, unknown=33
    )
    other = GenderBalance(women=1, men=1, lower=Fraction(1, 3))
    with pytest.raises(ValueError, match=r"^cannot add balances judged against different bounds$"):
        a + other
    with pytest.raises(TypeError):
        a + 1  # type: ignore[operator]  # deliberately wrong: a balance adds only to a balance


HEADER = [("kön", "sex"), ("antal", "count"), ("andel av kända", "share of those with known sex")]


def test_notebook_table_of_a_balance() -> None:
    """Hällefors seed (36 women, 67 men) with 2 of unknown sex: counts, shares of those with
    known sex, the known and total in the foot and the verdict in the caption."""
    caption, rows = html_table(GenderBalance(women=36, men=67, unknown=2)._repr_html_())
    assert caption == "Könsfördelning: ej jämn könsfördelning (40–60 %)"
    assert rows == [
        HEADER,
        [("kvinnor", "women"), ("36", None), ("35,0 %", None)],
        [("män", "men"), ("67", None), ("65,0 %", None)],
        [("okänt kön", "unknown sex"), ("2", None), ("–", None)],
        [("med känt kön", "with known sex"), ("103", None), ("100,0 %", None)],
        [("totalt", "total"), ("105", None), ("–", None)],
    ]
    # Labels left, counts and shares right-aligned (numbers line up in every row).
    shown = GenderBalance(women=36, men=67, unknown=2)._repr_html_()
    assert alignments(shown) == [["left", "right", "right"]] * 6


def test_notebook_table_when_nobody_s_sex_is_known() -> None:
    caption, rows = html_table(GenderBalance(women=0, men=0, unknown=2)._repr_html_())
    assert caption == "Könsfördelning: könsfördelningen kan inte bedömas (40–60 %)"
    assert texts(rows[1:]) == [
        ["kvinnor", "0", "–"],
        ["män", "0", "–"],
        ["okänt kön", "2", "–"],
        ["med känt kön", "0", "–"],
        ["totalt", "2", "–"],
    ]


def test_by_programme_counts_programmes_active_on_the_day() -> None:
    """`by_programme(on)`: the programmes of registrations active on `on`, each once."""
    person = Person(
        key="p",
        birth_date=date(1998, 1, 1),
        registrations=[
            Registration(start=date(2016, 1, 1), end=date(2016, 3, 31), programme="jobbgarantin"),
            Registration(start=date(2016, 4, 1), programme="uga"),
            Registration(start=date(2016, 5, 1), programme="uga"),
            Registration(start=date(2016, 5, 1), category="11"),  # no programme: no group
        ],
    )
    assert by_programme(date(2016, 3, 31))(person) == ("jobbgarantin",)
    assert by_programme(date(2016, 4, 1))(person) == ("uga",)
    assert by_programme(date(2016, 6, 1))(person) == ("uga",)
    assert by_programme(date(2015, 12, 31))(person) == ()


def test_sexes_given_as_enum_and_as_text_are_counted_together() -> None:
    """A register may give the sex as `Sex` or as its Swedish text; both are counted
    together (Norrköping: women and men per track, DOMAIN.md §6). `Sex` is a `StrEnum`, so
    the two spellings are one key of the count, which is why the mutants `=` for `+=` in
    `_tally` are equivalent (issue 8 item 4)."""
    records: list[Sex | str | None] = [Sex.FEMALE, Sex.FEMALE, "kvinna", Sex.MALE, "man", "man"]
    balance = gender_balance(records, sex=lambda r: r)
    assert (balance.women, balance.men, balance.unknown) == (3, 3, 0)
    grouped = gender_by_group(records, key=lambda _: "industri", sex=lambda r: r)
    assert (grouped["industri"].women, grouped["industri"].men) == (3, 3)


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_a_bound_outside_zero_one_is_shown_in_the_message() -> None:
    """The message names the bound as the user wrote it (mutants: the value dropped)."""
    with pytest.raises(
        ValueError,
        match=r"^a balance bound is a share between 0 and 1 \(e\.g\. '40 %'\), got '100,1 %'$",
    ):
        gender_balance([Sex.FEMALE], sex=identity, upper="100,1 %")
