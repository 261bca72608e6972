"""The privacy boundary: no surface shows a personal identity number (issue 8, item 1).

`docs/personal-data.md` promises that no repr, str, log line, error, warning, CLI output,
report or calendar of `dua` contains a full personnummer or samordningsnummer. These are
the regression tests for every leak listed in issue 8 (one test per bullet), the table of
shapes the one masking function (`dua.errors.mask_text`) hides and leaves alone, and the
limits on message size. The Hypothesis property over generated data is in
`tests/test_privacy_property.py`.
"""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, date, datetime
from pathlib import Path

import attrs
import pytest

from dua import dumps_agreement, examples
from dua.cli import main
from dua.errors import (
    MESSAGE_LIMIT,
    FileFormatError,
    Problem,
    ValidationError,
    cap_text,
    contains_identity_number,
    mask_text,
    mask_value,
    safe_text,
)
from dua.io.followup import load_followup
from dua.io.ical import to_ical
from dua.model import Agreement, Party, PartyKind, Person
from dua.model._base import OrganisationNumber
from dua.report import build_report, render
from dua.schedule import schedule
from dua.summary import summarise

# Valid numbers (Luhn) of the shapes the issue names: a personnummer born 2006-05-10 and a
# samordningsnummer (day 10 + 60), and a personnummer that python-stdnum also takes as an
# organisation number (third digit 1).
PNR = "20060510-1237"
SAMORDNING = "20060570-1231"
SOLE_TRADER = "811228-9874"


def digits_shown(text: str, number: str) -> bool:
    """Whether the ten last digits of `number` appear in `text`, with any separators."""
    last_ten = re.sub(r"\D", "", number)[-10:]
    gap = r"[\s\-+\u2010-\u2013\u2212]{0,3}"
    return re.search(gap.join(last_ten), text) is not None


def test_the_test_helper_finds_every_shape() -> None:
    for shown in ("20060510-1237", "0605101237", "060510 - 1237", "x060510+1237y"):
        assert digits_shown(shown, PNR), shown
    assert not digits_shown("20060510-****", PNR)


# --- what the one masking function hides, and what it leaves alone ------------------------

MASKED = [
    ("19900101-1234", "19900101-****"),
    ("199001011234", "19900101****"),
    ("900101-1234", "900101-****"),
    ("900101+1234", "900101+****"),
    ("9001011234", "900101****"),
    ("900101 1234", "900101 ****"),
    ("19900101 - 1234", "19900101 - ****"),
    ("900101\u00a01234", "900101\u00a0****"),
    ("900101\u20131234", "900101\u2013****"),  # an en dash, as word processors write it
    ("900101-\n1234", "900101-\n****"),  # wrapped over two lines
    ("P20060510-1237", "P20060510-****"),  # issue 8: `dua kaa`'s nyckel column
    ("pnr 060510-1237", "pnr 060510-****"),
    ("'19060510-1237'", "'19060510-****'"),  # issue 8: the "no goal uses it" warning
    ("20060570-1231", "20060570-****"),  # samordningsnummer: day + 60
    ("x320060510-1237", "x320060510-****"),  # digits before it
    ("19900101-12345", "19900101-****5"),  # digits after it
    ("19900101-1235", "19900101-****"),  # an invalid check digit: masked all the same
]

KEPT = [
    "212000-1942",  # an organisation number of a legal person: a "month" of 20
    "202100-2114",
    "2015-06-01",
    "20160915T090000Z",  # an iCalendar time stamp
    "1 744 personer, 2015–2017",
    "21,0 % 2016-09-30",
    "991399-1234",  # month 13: not a date
    "900100-1234",  # day 00: not a date
    "900132-1234",  # day 32
    "elev-0042",
]


@pytest.mark.parametrize(("text", "masked"), MASKED)
def test_mask_text_hides_every_shape(text: str, masked: str) -> None:
    assert mask_text(text) == masked
    assert contains_identity_number(text)
    assert mask_text(masked) == masked  # idempotent


@pytest.mark.parametrize("text", KEPT)
def test_mask_text_leaves_ordinary_numbers_alone(text: str) -> None:
    assert mask_text(text) == text
    assert not contains_identity_number(text)


def test_one_masking_function() -> None:
    """The readers' helper is the same function, not a second masker (issue 8, item 1)."""
    from dua.io import tables

    assert tables.mask_text is mask_text


# --- size: linear time, capped messages (issue 8, robustness) -----------------------------

HUGE = 16 * 1024 * 1024


def test_masking_a_huge_value_in_an_error_is_fast_and_capped() -> None:
    value = "1" * HUGE
    start = time.perf_counter()
    error = FileFormatError(f"not a number: {value} in 19900101-1234.csv")
    shown = mask_value(value)
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0, elapsed  # was seconds: the whole value was masked, then cut
    message = str(error)
    assert len(message) <= MESSAGE_LIMIT
    assert message.endswith("more characters]")
    assert "[cut: " in message
    assert len(shown) <= 80


def test_mask_text_is_linear() -> None:
    """Twice the text takes about twice the time, never the square (2.5x allows noise)."""
    unit = "ab 19900101-1234 cd 212000-1942 " * 20_000

    def timed(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            mask_text(text)
            best = min(best, time.perf_counter() - start)
        return best

    small, large = timed(unit), timed(unit * 4)
    assert large < small * 4 * 2.5, (small, large)


def test_cap_text_marks_the_cut() -> None:
    assert cap_text("kort") == "kort"
    capped = cap_text("x" * 10_000, limit=100)
    assert len(capped) == 100
    assert capped.endswith("… [cut: 9929 more characters]")


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_a_validation_error_lists_at_most_fifty_problems_but_keeps_all() -> None:
    problems = [Problem(f"rows[{i}]", "bad value", "'19900101-1234'") for i in range(500)]
    error = ValidationError(problems, source="19900101-1234.csv")
    message = str(error)
    assert len(error.problems) == 500
    assert "… and 450 more" in message
    assert len(message) <= MESSAGE_LIMIT
    assert not digits_shown(message, "19900101-1234")
    assert error.source == "19900101-****.csv"


def test_safe_text_masks_the_part_it_keeps() -> None:
    text = "x" * (MESSAGE_LIMIT - 10) + " 19900101-1234" + "y" * 100
    assert not digits_shown(safe_text(text), "19900101-1234")


# --- issue 8: `dua kaa` and the `nyckel` column -------------------------------------------


@pytest.mark.parametrize(
    "key", ["P20060510-1237", "pnr 060510-1237", "060510-1237x", "A0605101237"]
)
@pytest.mark.usefixtures("english_messages")  # matches English words
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_kaa_refuses_a_nyckel_that_holds_an_identity_number(
    key: str, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "kaa.csv"
    register.write_text(f"nyckel;födelsedatum;hemkommun\n{key};2006-05-10;1863\n", encoding="utf-8")
    status = main(["kaa", str(register), "--on", "2023-01-15", "--format", fmt])
    captured = capsys.readouterr()
    assert status == 1
    assert "looks like a personal identity number" in captured.err
    assert not digits_shown(captured.out + captured.err, PNR)


@pytest.mark.usefixtures("english_messages")  # matches English words
def test_participant_keys_are_refused_wherever_the_number_sits(
    tmp_path: Path,
) -> None:
    from dua.io.followup import read_participants

    path = tmp_path / "participants.csv"
    path.write_text("key,track,start\nelev P20060510-1237,industri,2018-09-03\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        read_participants(path)
    assert "looks like a personal identity number" in str(caught.value)
    assert not digits_shown(str(caught.value), PNR)


# --- issue 8: `dua report`'s "no goal uses it" warning ------------------------------------


@pytest.mark.parametrize(
    ("option", "content"),
    [
        ("--events", "kind,date\n19060510-1237,2016-03-01\n"),
        ("--observations", "indicator,date,value\n19060510-1237,2016-09-30,3\n"),
        ("--meetings", "body,date\n19060510-1237,2016-03-01\n"),
    ],
)
def test_report_warning_masks_unknown_values(
    option: str, content: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "data.csv"
    path.write_text(content, encoding="utf-8")
    status = main(
        ["report", "--example", "hallefors-2015", option, str(path), "--on", "2017-12-31"]
    )
    captured = capsys.readouterr()
    assert status == 0
    assert "inget mål använder" in captured.err
    assert "19060510-****" in captured.err
    assert not digits_shown(captured.out + captured.err, "19060510-1237")


# --- issue 8: identity numbers as organisation numbers ------------------------------------

PUBLIC = [kind for kind in PartyKind if kind not in (PartyKind.EDUCATION_PROVIDER, PartyKind.OTHER)]


@pytest.mark.usefixtures("english_messages")  # matches English words
@pytest.mark.parametrize("kind", PUBLIC)
@pytest.mark.parametrize("number", [SOLE_TRADER, "701063-2391"])  # personnummer, samordningsnr
def test_a_public_body_cannot_have_a_personnummer_as_organisation_number(
    kind: PartyKind, number: str
) -> None:
    with pytest.raises(ValueError, match="third digit of 2") as caught:
        Party(
            id="p",
            kind=kind,
            name="Part",
            organisation_number=number,
            municipality_code="1863",
        )
    assert not digits_shown(str(caught.value), number)


def test_a_public_body_with_a_personnummer_is_a_validation_error_in_a_file() -> None:
    from dua import loads_agreement

    text = dumps_agreement(examples.load("hallefors-2015")).replace("212000-1942", SOLE_TRADER)
    with pytest.raises(ValidationError) as caught:
        loads_agreement(text)
    assert "parties[0].organisation_number" in caught.value.paths
    assert not digits_shown(str(caught.value), SOLE_TRADER)


@pytest.mark.parametrize("kind", [PartyKind.EDUCATION_PROVIDER, PartyKind.OTHER])
def test_a_sole_traders_number_is_held_as_an_identity_number(
    kind: PartyKind, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    party = Party(id="firma", kind=kind, name="Firma", organisation_number=SOLE_TRADER)
    number = party.organisation_number
    assert isinstance(number, OrganisationNumber)
    assert number.is_personal
    assert not number.public_body_shape
    assert number.reveal() == SOLE_TRADER
    for shown in (repr(party), str(party), repr(number), str(number), f"{number}", f"{number:>20}"):
        assert not digits_shown(shown, SOLE_TRADER), shown
    agreement = attrs.evolve(
        examples.load("hallefors-2015"),
        parties=(*examples.load("hallefors-2015").parties, party),
    )
    # the file keeps the number as written; every view of it hides it
    text = dumps_agreement(agreement)
    assert SOLE_TRADER in text
    path = tmp_path / "avtal.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "org.nr 811228-****" in out
    assert not digits_shown(out, SOLE_TRADER)
    assert not digits_shown(agreement._repr_html_(), SOLE_TRADER)
    assert not digits_shown(summarise(agreement, "en"), SOLE_TRADER)


def test_organisation_numbers_of_legal_persons_are_shown_in_full() -> None:
    party = Party(
        id="k", kind=PartyKind.MUNICIPALITY, name="K", organisation_number="2120001942",
        municipality_code="1863",
    )  # fmt: skip
    assert repr(party.organisation_number) == "'212000-1942'"
    assert "212000-1942" in repr(party)
    assert party.organisation_number is not None
    assert not party.organisation_number.is_personal


# --- issue 8: numbers in free text ----------------------------------------------------------


def _with_numbers_in_free_text() -> tuple[Agreement, list[str]]:
    base = examples.load("hallefors-2015")
    planted = ["19900101-1234", "900102 1238", "P20060510-1237", "200605701231"]
    goal = attrs.evolve(base.goals[0], text=f"{base.goals[0].text} (ansvarig {planted[0]})")
    party = attrs.evolve(base.parties[0], name=f"{base.parties[0].name} {planted[1]}")
    signatures = tuple(
        attrs.evolve(signature, signatory=f"{signature.signatory} {planted[2]}")
        for signature in base.signatures
    )
    agreement = attrs.evolve(
        base,
        title=f"{base.title} {planted[3]}",
        purpose=f"{base.purpose} {planted[0]}",
        goals=(goal, *base.goals[1:]),
        parties=(party, *base.parties[1:]),
        signatures=signatures,
    )
    return agreement, planted


def test_free_text_is_masked_on_every_surface(tmp_path: Path) -> None:
    agreement, planted = _with_numbers_in_free_text()
    plan = schedule(agreement, date(2016, 1, 1), date(2017, 12, 31))
    report = build_report(agreement, load_followup("hallefors-2015"), on=date(2017, 12, 31))
    surfaces = {
        "repr": repr(agreement),
        "reprs of the parts": repr(agreement.goals) + repr(agreement.parties)
        + repr(agreement.signatures),
        "html": agreement._repr_html_(),
        "show sv": summarise(agreement, "sv"),
        "show en": summarise(agreement, "en"),
        "schedule": repr(plan) + repr(plan.occurrences),
        "ics": to_ical(
            plan, stamp=datetime(2026, 1, 1, tzinfo=UTC),
            calendar_name=f"DUA {planted[0]}",
        ),
        "report repr": repr(report) + report._repr_html_(),
    }  # fmt: skip
    for fmt in ("md", "html", "json"):
        for lang in ("sv", "en"):
            surfaces[f"report {fmt} {lang}"] = render(report, fmt, lang)
    json.loads(surfaces["report json sv"])  # still valid JSON
    for name, text in surfaces.items():
        for number in planted:
            assert not digits_shown(text, number), (name, number)
    # and the text is there, masked: not dropped
    assert "19900101-****" in surfaces["show sv"]


def test_free_text_is_masked_in_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    agreement, planted = _with_numbers_in_free_text()
    path = tmp_path / "avtal.toml"
    path.write_text(dumps_agreement(agreement), encoding="utf-8")
    ics = tmp_path / "plan.ics"
    runs = [
        ["show", str(path)],
        ["schedule", str(path), "--from", "2016-01-01", "--to", "2017-12-31", "--ics", str(ics)],
        ["report", str(path), "--events", str(_events(tmp_path)), "--on", "2017-12-31"],
        ["report", str(path), "--events", str(_events(tmp_path)), "--format", "json"],
        ["report", str(path), "--events", str(_events(tmp_path)), "--format", "html"],
    ]
    for argv in runs:
        assert main(argv) == 0, argv
        captured = capsys.readouterr()
        for number in planted:
            assert not digits_shown(captured.out + captured.err, number), (argv, number)
    for number in planted:
        assert not digits_shown(ics.read_text(encoding="utf-8"), number)


def _events(folder: Path) -> Path:
    path = folder / "events.csv"
    path.write_text("kind,date\ntraineejobb_paborjade,2016-02-15\n", encoding="utf-8")
    return path


# --- issue 8: file names in messages, Person's texts ----------------------------------------


def test_file_names_in_messages_are_masked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "elev 19900101-1234.toml"
    assert main(["validate", str(missing)]) == 1
    assert main(["show", str(missing)]) == 1
    assert main(["kaa", str(tmp_path / "19900101-1234.csv"), "--on", "2020-01-01"]) == 1
    captured = capsys.readouterr()
    assert "19900101-****" in captured.err
    assert not digits_shown(captured.out + captured.err, "19900101-1234")


def test_argparse_messages_are_masked(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["show", "--example", "19900101-1234", "--lang", "19900101-1234"])
    assert not digits_shown(capsys.readouterr().err, "19900101-1234")


def test_person_repr_masks_provider_and_programme_texts() -> None:
    from dua.model import Enrolment, EnrolmentKind, Registration, TrackParticipation

    text = "Handledare 19900101-1234"
    person = Person(
        key="elev-0042",
        birth_date=date(2000, 5, 17),
        enrolments=[
            Enrolment(
                kind=EnrolmentKind.INTRODUCTION_PROGRAMME,
                start=date(2016, 8, 20),
                provider=text,
                programme=text,
            )
        ],
        registrations=[Registration(start=date(2019, 1, 1), category=text, programme=text)],
        tracks=[TrackParticipation(track=text, start=date(2019, 1, 1))],
    )
    for shown in (repr(person), str(person), repr(person.enrolments), repr(person.registrations)):
        assert "19900101-****" in shown
        assert not digits_shown(shown, "19900101-1234")


def test_every_class_of_dua_shows_itself_through_the_boundary() -> None:
    """A class added later (a new module, a split one) is masked too, or this test fails.
    Every module of `dua` is masked as it is imported, eagerly or lazily
    (`mask_reprs_on_import` in dua/__init__.py; tests/test_startup.py imports them fresh)."""
    import enum
    import importlib
    import pkgutil
    import sys

    import dua

    for info in pkgutil.walk_packages(dua.__path__, "dua."):
        if info.name not in ("dua.__main__", "dua.testing"):  # testing: strategies, no surface
            importlib.import_module(info.name)
    unmasked = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("dua.") or name == "dua.testing":
            continue
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and value.__module__ == name
                and not issubclass(value, enum.Enum | str | BaseException)
                and value.__repr__ is not object.__repr__
                and getattr(value.__repr__, "__wrapped__", None) is None
            ):
                unmasked.append(f"{name}.{value.__qualname__}")
    assert unmasked == []


def test_a_pseudonym_that_happens_to_hold_a_number_shape_is_accepted_and_shown_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """About one HMAC pseudonym in fifty holds ten decimal digits that read as a number; it
    is a keyed hash, so a key column takes it and `dua kaa` prints it as it is."""
    from dua.identifiers import is_pseudonym, pseudonymise

    pseudonym = "ab199001011234" + "c" * 50
    assert is_pseudonym(pseudonym)
    assert contains_identity_number(pseudonym)
    assert is_pseudonym(pseudonymise("19811228-9874", b"0123456789abcdef"))
    register = tmp_path / "kaa.csv"
    register.write_text(
        f"nyckel;födelsedatum;hemkommun;inskrivning;inskrivning_start\n"
        f"{pseudonym};2000-05-17;1863;introduktionsprogram;2016-08-20\n",
        encoding="utf-8",
    )
    assert main(["kaa", str(register), "--on", "2017-01-15"]) == 0
    assert f"  {pseudonym}  Hällefors (1863)\n" in capsys.readouterr().out
    assert main(["kaa", str(register), "--on", "2017-01-15", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["covered"]["1863"][0]["key"] == pseudonym
    # The streamed formats (issue 10, item 1) show it whole too.
    assert main(["kaa", str(register), "--on", "2017-01-15", "--format", "csv"]) == 0
    assert f"\n{pseudonym};1863;" in capsys.readouterr().out
    assert main(["kaa", str(register), "--on", "2017-01-15", "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["key"] == pseudonym
