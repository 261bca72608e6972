"""The municipality register against SCB's classification (shared/data/kommuner.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dua import municipalities
from dua.errors import UnknownMunicipalityError

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")

SOURCE = Path(__file__).resolve().parents[1] / "src" / "dua" / "data" / "kommuner.csv"


def test_counts_match_scb() -> None:
    # Sweden has 290 municipalities in 21 counties (SCB, kommunkoder).
    assert len(municipalities.all_municipalities()) == 290
    assert len(municipalities.all_counties()) == 21


def test_every_row_of_the_data_file_is_found_by_code_and_by_name() -> None:
    with SOURCE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 290
    for row in rows:
        found = municipalities.by_code(row["kommunkod"])
        assert (found.name, found.county.code, found.county.name) == (
            row["kommun"],
            row["lanskod"],
            row["lan"],
        )
        assert municipalities.by_name(row["kommun"]) == found
        # Codes begin with the county code (SCB's two + two digits).
        assert row["kommunkod"][:2] == row["lanskod"]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Hällefors", "1863"),  # seed 001
        ("HALLEFORS KOMMUN", "1863"),
        ("hällefors kommun", "1863"),
        ("Norrköping", "0581"),  # seed 003
        ("Borås stad", "1490"),  # seed 004
        ("Upplands-Bro", "0139"),
        ("upplands bro", "0139"),
        ("Malung-Sälen", "2023"),
        ("Gnosjö", "0617"),  # seed 002
        ("Norsjö", "2417"),  # seed 000
    ],
)
def test_lookup_by_name_ignores_case_diacritics_and_suffix(name: str, code: str) -> None:
    assert municipalities.by_name(name).code == code


@pytest.mark.parametrize("code", ["0100", "9999", "186", "18630", "", "abcd"])
def test_unknown_code_is_a_clear_error(code: str) -> None:
    assert not municipalities.is_municipality_code(code)
    with pytest.raises(UnknownMunicipalityError, match="SCB municipality code"):
        municipalities.by_code(code)


def test_unknown_name_and_county() -> None:
    with pytest.raises(UnknownMunicipalityError, match="Atlantis"):
        municipalities.by_name("Atlantis")
    with pytest.raises(UnknownMunicipalityError, match="county"):
        municipalities.county_by_code("99")
    assert municipalities.county_by_code("18").name == "Örebro län"


def test_habo_and_habo_are_told_apart() -> None:
    # Håbo (0305, Uppsala län) and Habo (0643, Jönköpings län) differ only by a ring.
    assert municipalities.by_name("Håbo").code == "0305"
    assert municipalities.by_name("HÅBO KOMMUN").code == "0305"
    assert municipalities.by_name("Habo").code == "0643"
    keys = [municipalities.search_key(m.name) for m in municipalities.all_municipalities()]
    assert len(set(keys)) == len(keys) - 1  # the one pair above, and no other


def test_ambiguous_folded_name_is_reported() -> None:
    # Folding is only a fallback: a name that folds to two municipalities without
    # matching either exactly must not pick one silently.
    assert municipalities.search_key("Håbo") == municipalities.search_key("Habo")
    with pytest.raises(UnknownMunicipalityError, match=r"Håbo \(0305\), Habo \(0643\)"):
        municipalities.by_name("Hâbo")
