"""Reading person registers for KAA runs (issue 5, §1 `dua kaa` and §2): identity numbers
are validated, pseudonymised with a key and discarded (DOMAIN.md §7), repeated rows add
enrolments, and every problem is reported by line and column with the number masked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl  # in the dev extra (via xlsx): never skipped
import pytest

from dua.errors import FileFormatError, InvalidPseudonymKey, ValidationError
from dua.identifiers import pseudonymise
from dua.io.persons import read_key_file, read_persons
from dua.model import EnrolmentKind, QualificationKind, ResidenceStatus, Sex
from dua.rules.kaa import kaa_coverage, kaa_register

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")

KEY = b"0123456789abcdef0123456789abcdef"
# Valid numbers (Luhn) used across the identifier tests; invented, about no real person.
PUPIL = "20000517-1236"
OTHER = "19811228-9874"
SERIALS = ("1236", "9874")


def write(tmp_path: Path, text: str, name: str = "kaa.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_register_row_becomes_a_person_without_the_number(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "\ufeffPersonnummer;Kön;Hemkommun;Folkbokföringsstatus;Studiebevis;Inskrivning;"
        "Inskrivning start;Inskrivning slut;Skola;Program\n"
        f"{PUPIL};K;1863;folkbokförd;2019-06-10;introduktionsprogram;2016-08-20;2017-06-10;"
        "Klockarskolan;IMA\n",
    )
    [person] = read_persons(path, key=KEY)
    assert person.key == pseudonymise(PUPIL, KEY)
    assert person.birth_date == date(2000, 5, 17)
    assert person.sex is Sex.FEMALE
    assert person.home_municipality == "1863"
    assert person.residence is ResidenceStatus.REGISTERED
    [qualification] = person.qualifications
    assert qualification.kind is QualificationKind.CERTIFICATE_OF_STUDIES
    [enrolment] = person.enrolments
    assert enrolment.kind is EnrolmentKind.INTRODUCTION_PROGRAMME
    assert (enrolment.start, enrolment.end) == (date(2016, 8, 20), date(2017, 6, 10))
    assert (enrolment.provider, enrolment.programme) == ("Klockarskolan", "IMA")
    assert not any(serial in repr(person) for serial in SERIALS)


def test_repeated_rows_add_enrolments_and_documents(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "personnummer,hemkommun,examensbevis,studiebevis,inskrivning,inskrivning_start,inskrivning_slut\n"
        f"{PUPIL},1863,,,introduktionsprogram,2016-08-20,2017-06-10\n"
        f"{PUPIL},,,2017-06-10,nationellt program,2017-08-20,\n"
        f"{OTHER},0180,2000-06-14,,,,\n",
    )
    pupil, other = read_persons(path, key=KEY)
    assert [e.kind for e in pupil.enrolments] == [
        EnrolmentKind.INTRODUCTION_PROGRAMME,
        EnrolmentKind.NATIONAL_PROGRAMME,
    ]
    assert pupil.home_municipality == "1863"  # empty on the repeated row: not stated there
    assert [q.kind for q in pupil.qualifications] == [QualificationKind.CERTIFICATE_OF_STUDIES]
    assert other.qualifications[0].kind is QualificationKind.UPPER_SECONDARY_DIPLOMA
    assert other.enrolments == ()


def test_a_ready_pseudonym_with_a_birth_date(tmp_path: Path) -> None:
    path = write(tmp_path, "nyckel;födelsedatum;hemkommun\nabc123;2001-03-01;1863\n")
    [person] = read_persons(path)  # no number, so no key is needed
    assert (person.key, person.birth_date) == ("abc123", date(2001, 3, 1))


def test_ten_digit_numbers_take_their_century_from_the_reference_date(tmp_path: Path) -> None:
    path = write(tmp_path, "pnr;födelsedatum\n000517-1236;2000-05-17\n")
    [person] = read_persons(path, key=KEY, on=date(2018, 7, 1))
    assert person.key == pseudonymise(PUPIL, KEY)


def test_the_kaa_rule_on_a_register_read_from_a_file(tmp_path: Path) -> None:
    # skollagen 29 kap. 9 § as amended by prop. 2017/18:183: an introduction-programme pupil
    # is covered until 2018-06-30 and not from 2018-07-01 (Norsjö seed, DOMAIN.md §4.1).
    path = write(
        tmp_path,
        "personnummer;hemkommun;inskrivning;inskrivning_start\n"
        f"{PUPIL};1863;introduktionsprogram;2016-08-20\n"
        f"{OTHER};1863;;\n",
    )
    pupil, adult = read_persons(path, key=KEY)
    assert kaa_coverage(pupil, on=date(2018, 6, 30))
    assert not kaa_coverage(pupil, on=date(2018, 7, 1))
    register = kaa_register([pupil, adult], on=date(2018, 6, 30))
    assert register.counts() == {"1863": 1}
    assert register.not_covered["age"] == 1


ERRORS = [
    (
        f"personnummer\n{PUPIL[:-1]}7\n",
        "line 2, column personnummer: not a valid identity number: the check digit (Luhn) does "
        "not match (got '20000517-****')",
    ),
    (
        "personnummer\n000517-1236\n",
        "line 2, column personnummer: not a valid identity number: a ten-digit number needs the "
        "reference date `on` to tell its century (got '000517-****')",
    ),
    (
        f"personnummer;födelsedatum\n{PUPIL};2000-05-18\n",
        "line 2, column födelsedatum: 2000-05-18 is not the birth date the identity number states",
    ),
    (
        f"personnummer;nyckel\n{PUPIL};abc\n",
        "line 1: needs exactly one of the columns personal_identity_number (personnummer) or "
        "key (nyckel), found 2",
    ),
    (
        "hemkommun\n1863\n",
        "line 1: needs exactly one of the columns personal_identity_number (personnummer) or "
        "key (nyckel)",
    ),
    (
        f"nyckel;födelsedatum\n{PUPIL};2000-05-17\n",
        "line 2, column nyckel: '20000517-****' looks like a personal identity number; give it "
        "in the personnummer column, to be pseudonymised with the key",
    ),
    (
        "nyckel;hemkommun\nabc;1863\n",
        "line 2, column birth_date (födelsedatum): is empty; a row with a pseudonym needs the birth date",
    ),
    (
        f"personnummer;hemkommun\n{PUPIL};114\n",
        "line 2, column hemkommun: not the SCB code of a Swedish municipality: '114' (four "
        "digits, e.g. 1863 for Hällefors; a leading zero may have been lost: 0114?)",
    ),
    (
        f"personnummer;inskrivning\n{PUPIL};sfi\n",
        "line 2, column enrolment_start (inskrivning_start): is empty; an enrolment needs its first day",
    ),
    (
        f"personnummer;inskrivning_start\n{PUPIL};2016-08-20\n",
        "line 2, column enrolment (inskrivning): is empty, but the row has inskrivning_start; name the kind "
        "of education",
    ),
    (
        f"personnummer;inskrivning;inskrivning_start;inskrivning_slut\n{PUPIL};sfi;2017-01-01;2016-01-01\n",
        "line 2, column inskrivning_slut: the end 2016-01-01 is before the start 2017-01-01",
    ),
    (
        f"personnummer;inskrivning;inskrivning_start\n{PUPIL};gymnasium;2016-08-20\n",
        "line 2, column inskrivning: not one of grundskola, nationellt program, "
        "introduktionsprogram, språkintroduktion, anpassad gymnasieskola, gymnasieutbildning "
        "utomlands, fristående gymnasieskola, komvux, sfi, folkhögskola, högskola, annan "
        "utbildning: 'gymnasium'",
    ),
    (
        f"personnummer;folkbokföringsstatus\n{PUPIL};turist\n",
        "line 2, column folkbokföringsstatus: not one of folkbokförd, skyddad folkbokföring, "
        "asylsökande, papperslös, stadigvarande vistelse: 'turist'",
    ),
    (
        f"personnummer;kön\n{PUPIL};K\n{PUPIL};M\n",
        "line 3, column kön: differs from line 2 for the same person; a person's columns must "
        "agree on every row (repeat a row only to add an enrolment)",
    ),
    (
        f"personnummer;namn\n{PUPIL};Anna\n",
        "line 1, column namn: unknown column 'namn'; the known columns are "
        "personal_identity_number (personnummer), key (nyckel), birth_date (födelsedatum), "
        "sex (kön), home_municipality (hemkommun), residence (folkbokföringsstatus), "
        "registered_in_sweden (folkbokförd_i_sverige), compulsory_school_certificate "
        "(slutbetyg_grundskola), upper_secondary_diploma (examensbevis), certificate_of_studies "
        "(studiebevis), adapted_certificate (gymnasiesärskolebevis), equivalent_education "
        "(motsvarande_utbildning), foreign_upper_secondary_diploma (utländsk_gymnasieexamen), "
        "enrolment (inskrivning), enrolment_start (inskrivning_start), enrolment_end "
        "(inskrivning_slut), school (skola), programme (program)",
    ),
]


@pytest.mark.parametrize(("text", "message"), ERRORS)
def test_each_problem_names_line_and_column_and_masks_the_number(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        read_persons(write(tmp_path, text), key=KEY)
    assert caught.value.source == "kaa.csv"
    found = [str(p) for p in caught.value.problems]
    assert message in found, found
    shown = str(caught.value) + repr(caught.value.problems)
    assert not any(serial in shown for serial in SERIALS), shown


def test_all_problems_of_a_file_come_together(tmp_path: Path) -> None:
    text = (
        "personnummer;hemkommun;inskrivning\n"
        f"{PUPIL[:-1]}7;999;\n"  # a bad number and not a municipality
        f"{OTHER};1863;sfi\n"  # an enrolment without its start
        f"{PUPIL};1863;\n"  # fine
    )
    with pytest.raises(ValidationError) as caught:
        read_persons(write(tmp_path, text), key=KEY)
    assert caught.value.paths == (
        "line 2, column personnummer",
        "line 2, column hemkommun",
        "line 3, column enrolment_start (inskrivning_start)",
    )


def test_numbers_without_a_key_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, f"personnummer\n{PUPIL}\n")
    with pytest.raises(InvalidPseudonymKey, match="give the key") as caught:
        read_persons(path)
    assert "1236" not in str(caught.value)
    with pytest.raises(InvalidPseudonymKey, match="at least 16 bytes"):
        read_persons(path, key=b"short")


# -- key files ------------------------------------------------------------------------------------


def test_a_key_file(tmp_path: Path) -> None:
    path = write(
        tmp_path, f"# dua pseudonymisation key\n\n{KEY.hex()[:32]}\n{KEY.hex()[32:]}\n", "k.key"
    )
    assert read_key_file(path) == KEY


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        ("00ff" * 4 + "zqx", FileFormatError, "hexadecimal digits"),
        ("00ff" * 3, InvalidPseudonymKey, "the key has 6 bytes; at least 16"),
        ("", InvalidPseudonymKey, "the key has 0 bytes"),
    ],
)
def test_bad_key_files_say_why_without_showing_the_key(
    tmp_path: Path, content: str, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message) as caught:
        read_key_file(write(tmp_path, content, "k.key"))
    assert "zqx" not in str(caught.value)
    assert "00ff" not in str(caught.value)


def test_a_missing_key_file(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="no such key file"):
        read_key_file(tmp_path / "none.key")


# -- xlsx ---------------------------------------------------------------------------------------


def test_a_register_workbook(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "KAA"
    sheet.append(["Personnummer", "Hemkommun", "Inskrivning", "Inskrivning start"])
    # A spreadsheet may store the number as a number and lose the code's leading zero.
    sheet.append([200005171236, "1863", "introduktionsprogram", date(2016, 8, 20)])
    sheet.append([198112289875, 180, None, None])
    path = tmp_path / "kaa.xlsx"
    book.save(path)
    with pytest.raises(ValidationError) as caught:
        read_persons(path, key=KEY)
    assert caught.value.paths == (
        "sheet KAA, row 3, column Personnummer",
        "sheet KAA, row 3, column Hemkommun",
    )
    assert "9875" not in str(caught.value)
    sheet.delete_rows(3)
    book.save(path)
    [person] = read_persons(path, key=KEY)
    assert person.key == pseudonymise(PUPIL, KEY)
    assert person.enrolments[0].start == date(2016, 8, 20)
