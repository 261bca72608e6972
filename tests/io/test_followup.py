"""Reading follow-up data (issue 5, §2): single files as `dua report` takes them, folders,
JSON and the bundled synthetic datasets, with the rules of `dua.io.tables` (Swedish exports,
decimal comma, Swedish column names, problems by line and column)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from importlib import resources
from pathlib import Path

import attrs
import openpyxl  # in the dev extra (via xlsx): never skipped
import pytest

from dua import examples
from dua.errors import FileFormatError, UnknownExampleError, ValidationError
from dua.io.followup import (
    followup_from_files,
    followup_names,
    load_followup,
    read_events,
    read_followup,
    read_json,
    read_measures,
    read_meetings,
    read_observations,
    read_participants,
)
from dua.metrics.goals import Status, assess
from dua.metrics.observations import FollowUpData
from dua.model import Comparison, Goal, GoalKind, Outcome, Period, Sex, Target, Unit

# The tests here match the English words of messages (issue 12, item 4: messages follow
# the language, Swedish by default; the Swedish texts are in tests/test_error_messages.py).
pytestmark = pytest.mark.usefixtures("english_messages")

# The Hällefors seed's youth unemployment as observations: Arbetsförmedlingen's rate, 80
# registered unemployed of a registered labour force of 364 aged 16–24 in Sept 2015 (22 %),
# and a stated 21,0 % ceiling for Sept 2016 (synthetic figures in the bundled dataset's shape).
SWEDISH = (
    "\ufeffIndikator;Enhet;Datum;Period;Värde;Täljare;Nämnare\n"
    "ungdomsarbetsloshet;1863;;2015-09;;80;364\n"
    "ungdomsarbetsloshet;1863;2016-09-30;;21,0 %;;\n"
    "ungdomsarbetsloshet;1863;;2017-01-01/2017-06-30;19,5;;\n"
)
ENGLISH = (
    "indicator,unit,date,period,value,numerator,denominator\n"
    "ungdomsarbetsloshet,1863,,2015-09,,80,364\n"
    'ungdomsarbetsloshet,1863,2016-09-30,,"21,0",,\n'
    "ungdomsarbetsloshet,1863,,2017-01-01/2017-06-30,19.5,,\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_swedish_and_english_exports_give_the_same_observations(tmp_path: Path) -> None:
    swedish = read_observations(write(tmp_path, "sv.csv", SWEDISH))
    english = read_observations(write(tmp_path, "en.csv", ENGLISH))
    assert swedish == english
    first, second, third = swedish
    assert first.period == Period(start=date(2015, 9, 1), end=date(2015, 9, 30))
    assert first.quantity() == Fraction(8000, 364)
    assert second.value == Fraction(21)  # "21,0 %" of a percent indicator is 21
    assert third.value == Fraction(39, 2)


def test_events_participants_meetings_and_measures(tmp_path: Path) -> None:
    events = read_events(
        write(tmp_path, "e.csv", "Typ;Datum;Enhet;Inriktning\ntraineejobb;2016-02-15;1863;\n")
    )
    assert events[0].kind == "traineejobb"
    assert events[0].on == date(2016, 2, 15)
    participants = read_participants(
        write(
            tmp_path,
            "p.csv",
            "Nyckel;Spår;Enhet;Kön;Startdatum;Slutdatum;Utfall;Utfallsdatum;Statusar\n"
            'nk-001;industri;0581;K;2018-09-03;2019-03-02;Eget foretag;2019-03-22;"a; b"\n'
            "nk-002;industri;0581;man;2018-09-03;;;;\n",
        )
    )
    assert participants[0].sex is Sex.FEMALE
    assert participants[0].outcome is Outcome.OWN_BUSINESS
    assert participants[0].statuses == frozenset({"a", "b"})
    assert participants[1].end is None
    assert participants[1].sex is Sex.MALE
    meetings = read_meetings(
        write(tmp_path, "m.csv", "organ,datum,ämnen\nstyrgrupp,2016-03-01,statistik;mål\n")
    )
    assert meetings[0].topics == ("statistik", "mål")
    measures = read_measures(write(tmp_path, "x.csv", "indikator;mått\nandel-kvinnor;women\n"))
    assert measures == {"andel-kvinnor": "women"}


ROW_ERRORS = [
    (
        "observations.csv",
        "indikator;datum;värde\nx;2016-13-01;1\n",
        "line 2, column datum: not a valid date '2016-13-01' (write YYYY-MM-DD)",
    ),
    (
        "observations.csv",
        "indikator;värde\nx;1\n",
        "line 2: needs a date (datum) or a period",
    ),
    (
        "observations.csv",
        "indikator;datum\nx;2016-01-01\n",
        "line 2: needs a value (värde), or a numerator (täljare) and a denominator (nämnare)",
    ),
    (
        "observations.csv",
        "indikator;datum;täljare\nx;2016-01-01;3\n",
        "line 2, column denominator (nämnare): a numerator needs a denominator",
    ),
    (
        "observations.csv",
        "indikator;datum;täljare;nämnare\nx;2016-01-01;5;3\n",
        "line 2, column täljare: the numerator 5 exceeds the denominator 3 (the subset is part "
        "of the population)",
    ),
    (
        "observations.csv",
        "indikator;period;värde\nx;2016-13;1\n",
        "line 2, column period: not a period: '2016-13' (write 2016, 2016-09 or "
        "2016-01-01/2016-06-30, the end not before the start)",
    ),
    (
        "observations.csv",
        "indikator;period;värde\nx;2016-06-30/2016-01-01;1\n",
        "line 2, column period: not a period: '2016-06-30/2016-01-01' (write 2016, 2016-09 or "
        "2016-01-01/2016-06-30, the end not before the start)",
    ),
    (
        "events.csv",
        "typ;datum\n;2016-01-01\n",
        "line 2, column typ: is empty; kind (typ) is required (text)",
    ),
    (
        "participants.csv",
        "nyckel;spår;startdatum;slutdatum\na;t;2018-02-01;2018-01-01\n",
        "line 2, column slutdatum: the end 2018-01-01 is before the start 2018-02-01",
    ),
    (
        "participants.csv",
        "nyckel;spår;startdatum;utfall\na;t;2018-02-01;arbete\n",
        "line 2, column outcome_on (utfallsdatum): an outcome needs its date",
    ),
    (
        "participants.csv",
        "nyckel;spår;startdatum;utfallsdatum\na;t;2018-02-01;2018-03-01\n",
        "line 2, column outcome (utfall): a date of an outcome needs the outcome",
    ),
    (
        "participants.csv",
        "nyckel;spår;startdatum;kön\na;t;2018-02-01;annat\n",
        "line 2, column kön: not one of kvinna, man: 'annat'",
    ),
    (
        "participants.csv",
        "nyckel;spår;startdatum;utfall;utfallsdatum\na;t;2018-02-01;praktik;2018-03-01\n",
        "line 2, column utfall: not one of arbete, studier, eget företag, a-kassa: 'praktik'",
    ),
    (
        "meetings.csv",
        "organ;datum;plats\nstyrgrupp;2016-01-01;Borås\n",
        "line 1, column plats: unknown column 'plats'; the known columns are body (organ), "
        "date (datum), topics (ämnen)",
    ),
    (
        "measures.csv",
        "indikator;mått\nx;median\n",
        "line 2, column mått: unknown measure 'median'; the measures are women, outcome_90_days",
    ),
    (
        "measures.csv",
        "indikator;mått\nx;women\nx;outcome_90_days\n",
        "line 3, column indikator: the indicator 'x' is already given on line 2; give each "
        "indicator once",
    ),
]

READERS = {
    "observations.csv": read_observations,
    "events.csv": read_events,
    "participants.csv": read_participants,
    "meetings.csv": read_meetings,
    "measures.csv": read_measures,
}


@pytest.mark.parametrize(("name", "text", "message"), ROW_ERRORS)
def test_each_row_problem_names_its_file_line_and_column(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        READERS[name](write(tmp_path, name, text))
    assert caught.value.source == name
    assert message in [str(p) for p in caught.value.problems]


def test_a_participant_key_must_not_be_a_personnummer(tmp_path: Path) -> None:
    # DOMAIN.md §7: participant lists are kept under pseudonyms, and no message shows a number.
    path = write(tmp_path, "p.csv", "nyckel;spår;startdatum\n19900101-1234;t;2018-01-01\n")
    with pytest.raises(ValidationError) as caught:
        read_participants(path)
    assert "looks like a personal identity number" in str(caught.value)
    assert "1234" not in str(caught.value)


# -- several files, as `dua report` takes them ------------------------------------------------


def test_followup_from_files_records_the_files_it_used(tmp_path: Path) -> None:
    observations = write(tmp_path, "observations.csv", SWEDISH)
    meetings = write(tmp_path, "möten.csv", "organ;datum\nstyrgrupp;2016-03-01\n")
    data = followup_from_files(observations=observations, meetings=str(meetings))
    assert data.sources == (str(observations), str(meetings))
    assert len(data.observations) == 3
    assert len(data.meetings) == 1
    assert not data.synthetic
    assert followup_from_files() == FollowUpData()


def test_problems_in_one_file_name_that_file(tmp_path: Path) -> None:
    good = write(tmp_path, "observations.csv", SWEDISH)
    bad = write(tmp_path, "events.csv", "typ;datum\nx;2016-13-01\n")
    with pytest.raises(ValidationError) as caught:
        followup_from_files(observations=good, events=bad)
    assert caught.value.source == "events.csv"
    assert caught.value.paths == ("line 2, column datum",)


def test_problems_in_several_files_are_reported_together(tmp_path: Path) -> None:
    observations = write(tmp_path, "observations.csv", "indikator;datum;värde\nx;2016-13-01;1\n")
    events = write(tmp_path, "events.csv", "typ;datum\nx;2016-13-01\n")
    with pytest.raises(ValidationError) as caught:
        followup_from_files(observations=observations, events=events)
    assert caught.value.source is None
    assert caught.value.paths == (
        "observations.csv, line 2, column datum",
        "events.csv, line 2, column datum",
    )


def test_a_missing_file_is_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="no such file"):
        followup_from_files(observations=tmp_path / "nowhere.csv")


# -- folders ------------------------------------------------------------------------------------


def test_read_a_folder(tmp_path: Path) -> None:
    write(tmp_path, "observations.csv", ENGLISH)
    write(tmp_path, "README.md", "notes are not data")
    write(tmp_path, ".~lock.observations.csv#", "a lock file of an open spreadsheet")
    data = read_followup(tmp_path)
    assert len(data.observations) == 3
    assert data.sources == (str(tmp_path / "observations.csv"),)
    write(
        tmp_path,
        "events.csv",
        "kind,date,unit,qualifier\ntraineejobb,not-a-date,,\n,2016-01-01,,\n",
    )
    with pytest.raises(ValidationError) as caught:
        read_followup(tmp_path)
    assert caught.value.paths == (
        "events.csv, line 2, column date",
        "events.csv, line 3, column kind",
    )


def test_a_folder_with_a_misnamed_file_is_not_read_halfway(tmp_path: Path) -> None:
    write(tmp_path, "observations.csv", ENGLISH)
    write(tmp_path, "observationer.csv", ENGLISH)
    with pytest.raises(ValidationError, match=r"observationer\.csv: is not a follow-up file"):
        read_followup(tmp_path)


def test_a_folder_with_no_data(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="no follow-up files"):
        read_followup(tmp_path)
    with pytest.raises(FileFormatError, match="no such folder or file"):
        read_followup(tmp_path / "missing")
    with pytest.raises(FileFormatError, match="not a folder of follow-up files"):
        read_followup(write(tmp_path, "observations.csv", ENGLISH))


# -- JSON -----------------------------------------------------------------------------------------


def test_read_json() -> None:
    data = read_json(
        '{"participants": [{"key": "a", "track": "industri", "start": "2018-01-01", "end": "2018-06-30",'
        ' "outcome": "arbete", "outcome_on": "2018-07-01", "statuses": ["påbörjar jobbspår"]}],'
        ' "observations": [{"indikator": "x", "datum": "2016-01-01", "värde": 21.3}],'
        ' "measures": {"andel": "outcome_90_days"}}'
    )
    assert data.participants[0].reached("arbete")
    assert data.participants[0].reached("Påbörjar jobbspår")
    assert data.observations[0].value == Fraction(213, 10)  # exactly, not the float 21.3
    assert data.measures == {"andel": "outcome_90_days"}


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        ('{"measures": {"andel": "nonsense"}}', ("measures.andel",)),
        ('{"events": [{"kind": "x", "datum": "2016-13-01"}]}', ("events[1].datum",)),
        ('{"events": [{"kind": "x", "date": "2016-01-01", "färg": 1}]}', ("events[1].färg",)),
        ('{"events": {"kind": "x"}}', ("events",)),
        ('{"händelser": []}', ("händelser",)),
        ('{"synthetic": "yes"}', ("synthetic",)),
    ],
)
def test_json_problems_have_paths(text: str, paths: tuple[str, ...]) -> None:
    with pytest.raises(ValidationError) as caught:
        read_json(text, source="data.json")
    assert caught.value.paths == paths
    assert caught.value.source == "data.json"


def test_json_that_cannot_be_read() -> None:
    with pytest.raises(FileFormatError):
        read_json("[")
    with pytest.raises(FileFormatError):
        read_json("[]")


def test_read_followup_reads_a_json_file(tmp_path: Path) -> None:
    path = write(tmp_path, "data.json", '{"events": [{"kind": "x", "date": "2016-01-01"}]}')
    data = read_followup(path)
    assert data.sources == (str(path),)
    assert len(data.events) == 1


# -- the bundled synthetic datasets ------------------------------------------------------------


def test_every_encoded_example_with_goals_has_a_synthetic_dataset() -> None:
    for name in examples.names():
        try:
            agreement = examples.load(name)
        except FileNotFoundError:
            continue
        if agreement.goals:
            assert name in followup_names()
            assert load_followup(name).synthetic


@pytest.mark.parametrize("name", followup_names())
def test_a_bundled_dataset_reads_the_same_as_a_folder(name: str) -> None:
    bundled = load_followup(name)
    assert bundled.synthetic
    assert bundled.sources
    assert all(s.startswith(f"dua.examples.followup:{name}/") for s in bundled.sources)
    with resources.as_file(resources.files("dua.examples") / "followup" / name) as folder:
        from_folder = read_followup(folder)
    assert attrs.evolve(from_folder, synthetic=True, sources=bundled.sources) == bundled


def test_unknown_dataset() -> None:
    with pytest.raises(UnknownExampleError, match="no bundled example"):
        load_followup("nowhere-2030")


# -- xlsx -------------------------------------------------------------------------------------------


def test_observations_from_a_workbook(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Blad1"
    sheet.append(["Indikator", "Enhet", "Datum", "Period", "Värde", "Täljare", "Nämnare"])
    sheet.append(["ungdomsarbetsloshet", "1863", None, "2015-09", None, 80, 364])
    sheet.append(["ungdomsarbetsloshet", "1863", date(2016, 9, 30), None, 21.0, None, None])
    sheet.append(["ungdomsarbetsloshet", "1863", None, "2017-01-01/2017-06-30", 19.5, None, None])
    path = tmp_path / "observations.xlsx"
    book.save(path)
    assert read_observations(path) == read_observations(write(tmp_path, "sv.csv", SWEDISH))
    data = followup_from_files(observations=path)
    assert data.sources == (str(path),)


# -- Excel number formats (issue 12, item 6) ----------------------------------------------------


def _percent_book(tmp_path: Path, value: object, number_format: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Blad1"
    sheet.append(["Indikator", "Datum", "Värde"])
    sheet.append(["ungdomsarbetsloshet", date(2026, 12, 31), value])
    sheet["C2"].number_format = number_format
    path = tmp_path / "observations.xlsx"
    book.save(path)
    return path


def test_a_percentage_cell_is_read_as_the_percentage_it_shows(tmp_path: Path) -> None:
    """Issue 12: a cell formatted as a percentage showing 10,1 % (stored as 0.101) was read
    as 0,1 %, and a goal of at most 9 % was judged met with a gap of −8,9 percentage points."""
    path = _percent_book(tmp_path, 0.101, "0.0%")
    [observation] = read_observations(path)
    assert observation.value == Fraction(101, 10)
    goal = Goal(
        id="ungdomsarbetsloshet",
        text="högst 9 % ungdomsarbetslöshet 2026",
        kind=GoalKind.LEVEL,
        indicator="ungdomsarbetsloshet",
        unit=Unit.PERCENT,
        targets=[Target(comparison=Comparison.AT_MOST, value=9, due=date(2026, 12, 31))],
    )
    assessment = assess(goal, followup_from_files(observations=path), on=date(2027, 1, 31))
    assert assessment.status is Status.NOT_ATTAINED
    assert assessment.results[0].gap == Fraction(11, 10)  # +1,1 pp, not −8,9


@pytest.mark.parametrize(
    ("value", "number_format", "read"),
    [
        (0.101, "0.0%", Fraction(101, 10)),  # Procent: shows 10,1 %
        (0.101, "0.00 %", Fraction(101, 10)),
        (0.5, "0%", Fraction(50)),  # shows 50 %
        (1, "0%", Fraction(100)),  # a whole number stored: shows 100 %
        (-0.0725, "0.00%;[Red]-0.00%", Fraction(-29, 4)),  # sections that agree
        (0.101, "[$-41D]0.0%", Fraction(101, 10)),  # a locale prefix
        (10.1, '0.0" %"', Fraction(101, 10)),  # a quoted sign: the value as it is
        (10.1, "0.0\\%", Fraction(101, 10)),  # an escaped sign: the value as it is
        (10.1, "0.0", Fraction(101, 10)),  # a plain number in the indicator's unit
        (10.1, "General", Fraction(101, 10)),
    ],
)
def test_cells_are_read_by_their_number_format(
    tmp_path: Path, value: object, number_format: str, read: Fraction
) -> None:
    [observation] = read_observations(_percent_book(tmp_path, value, number_format))
    assert observation.value == read


@pytest.mark.parametrize(
    ("number_format", "message"),
    [
        ("0%;0", "shows some values as percentages and others not"),
        ("0%%", "multiplies by 100 twice"),
    ],
)
def test_an_unclear_number_format_stops_the_reading(
    tmp_path: Path, number_format: str, message: str
) -> None:
    path = _percent_book(tmp_path, 0.101, number_format)
    with pytest.raises(FileFormatError) as caught:
        read_observations(path)
    text = str(caught.value)
    assert text.startswith("observations.xlsx: sheet Blad1, row 2, column Värde: ")
    assert message in text
    assert "format the cell as Procent" in text
