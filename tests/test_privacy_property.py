"""The privacy boundary as a property (issue 8, item 1): plant valid personal identity
numbers of every shape into every text of generated agreements, follow-up data and
register rows, render every surface, and find none of them.

A number counts as found when its ten last digits appear with any separators between
them (`tests.test_privacy.digits_shown`): the masked form `19900101-****` keeps only the
birth date, which identifies no one.

Surfaces: `repr`, `str` and `_repr_html_` of every object, `dua show` (`summarise`), the
follow-up report in Markdown, HTML and JSON in Swedish and English, the schedule and its
`.ics` calendar, the "no goal uses it" warnings, errors (a ValidationError from a file and
a model validator's error), and the `dua` command's output: `show`, `report`, `schedule`
and `kaa` in text and JSON.
"""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn

from dua import dumps_agreement, examples, loads_agreement, testing
from dua.cli import main
from dua.errors import DuaError, ValidationError
from dua.io.ical import to_ical
from dua.metrics.goals import unmatched_data
from dua.metrics.observations import Event, FollowUpData, Meeting, Observation, Participant
from dua.model import Agreement, Party, PartyKind, Person, exact_decimal
from dua.municipalities import is_municipality_code
from dua.report import build_report, render
from dua.schedule import schedule
from dua.summary import summarise
from tests.test_privacy import digits_shown

# --- valid numbers of every shape ---------------------------------------------------------


@st.composite
def identity_numbers(draw: st.DrawFn) -> str:
    """A valid personnummer or samordningsnummer (Luhn), digits only: `YYYYMMDDNNNC`."""
    born = draw(st.dates(min_value=date(1920, 1, 1), max_value=date(2015, 12, 31)))
    day = born.day + (60 if draw(st.booleans()) else 0)  # samordningsnummer: day + 60
    serial = draw(st.integers(min_value=0, max_value=999))
    head = f"{born.year % 100:02d}{born.month:02d}{day:02d}{serial:03d}"
    return f"{born.year // 100:02d}{head}{luhn.calc_check_digit(head)}"


def _shape(digits: str, shape: int) -> str:
    century, ten = digits[:2], digits[2:]
    return [
        f"{century}{ten[:6]}-{ten[6:]}",  # 19900101-1234
        f"{century}{ten}",  # 199001011234
        f"{ten[:6]}-{ten[6:]}",  # 900101-1234
        f"{ten[:6]}+{ten[6:]}",  # 900101+1234 (100 years or older)
        ten,  # 9001011234
        f"{ten[:6]} {ten[6:]}",  # 900101 1234
        f"{century}{ten[:6]} - {ten[6:]}",  # 19900101 - 1234
    ][shape]


# Shapes an identifier (letters, digits, `-_.`) can hold; ids get those so that every cross
# reference still resolves.
_ID_SHAPES = (0, 1, 2, 4)
_GLUE = st.sampled_from(["", " ", "P", "pnr ", "x", "nr:"])


@attrs.frozen
class Plant:
    """How one example plants its number: in free text and in identifiers."""

    digits: str
    shape: int
    id_shape: int
    before: str
    after: str

    def free(self, text: str) -> str:
        return f"{text}{self.before}{_shape(self.digits, self.shape)}{self.after}"

    def ident(self, text: str) -> str:
        return f"{text}-{_shape(self.digits, self.id_shape)}"

    @property
    def number(self) -> str:
        return self.digits


plants = st.builds(
    Plant,
    digits=identity_numbers(),
    shape=st.integers(min_value=0, max_value=6),
    id_shape=st.sampled_from(_ID_SHAPES),
    before=_GLUE,
    after=st.sampled_from(["", " ", "y", ".", ")"]),
)

_IDENTIFIER = re.compile(r"[0-9A-Za-zÅÄÖåäöÉé][0-9A-Za-zÅÄÖåäöÉé_.-]*")


def plant_everywhere(value: Any, plant: Plant) -> Any:
    """`value` with the number planted into every text it holds (exact `str` values, not
    enum members, municipality codes or organisation numbers), through `attrs.evolve` all the way down.

    A text that is an identifier gets an identifier-safe shape, the same for the id and
    for every reference to it. A change a model refuses (a text with a fixed form) is left
    out, so that what is generated stays valid.
    """
    if type(value) is str:
        if is_municipality_code(value):
            return value  # a reference to a municipality party by its code
        return plant.ident(value) if _IDENTIFIER.fullmatch(value) else plant.free(value)
    if isinstance(value, tuple):
        return tuple(plant_everywhere(item, plant) for item in value)
    if isinstance(value, frozenset):
        return frozenset(plant_everywhere(item, plant) for item in value)
    if not attrs.has(type(value)):
        return value
    changes = {
        field.alias: plant_everywhere(getattr(value, field.name), plant)
        for field in attrs.fields(type(value))
        if field.init
    }
    try:
        return attrs.evolve(value, **changes)
    except (ValueError, TypeError):
        kept: dict[str, Any] = {}
        for name, new in changes.items():
            with contextlib.suppress(ValueError, TypeError):
                attrs.evolve(value, **kept, **{name: new})
                kept[name] = new
        return attrs.evolve(value, **kept)


def walk(value: Any) -> Iterator[Any]:
    """`value` and every attrs object inside it."""
    if isinstance(value, tuple | frozenset | list):
        for item in value:
            yield from walk(item)
    elif attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from walk(getattr(value, field.name))


def views(value: Any) -> Iterator[str]:
    """The repr, str and notebook HTML of `value` and of everything inside it."""
    for item in walk(value):
        yield repr(item)
        yield str(item)
        html = getattr(item, "_repr_html_", None)
        if html is not None:
            yield html()


def assert_hidden(surfaces: dict[str, str], plant: Plant) -> None:
    for name, text in surfaces.items():
        assert not digits_shown(text, plant.number), f"{name} shows {plant.number}:\n{text}"


# --- follow-up data with the number in every text -------------------------------------------


def followup(agreement: Agreement, plant: Plant) -> FollowUpData:
    """Follow-up data for `agreement`'s indicators and bodies plus unknown ones, every text
    planted (the unknown ones reach the "no goal uses it" warning)."""
    indicators = [goal.indicator for goal in agreement.goals if goal.indicator] + ["okänd"]
    bodies = [goal.body for goal in agreement.goals if goal.body] + ["okänt-organ"]
    tracks = [track.id for track in agreement.tracks] or ["spår"]
    on = date(2016, 6, 1)
    observations = [
        Observation(indicator=plant.free(i), unit=plant.free("e"), on=on, value=3)
        for i in indicators
    ]
    events = [Event(kind=plant.free(i), on=on, qualifier=plant.free("q")) for i in indicators]
    meetings = [Meeting(body=plant.free(b), on=on, topics=(plant.free("t"),)) for b in bodies]
    participants = [
        Participant(
            key=f"elev-{n}", track=plant.free(t), start=on, unit=plant.free("u"),
            statuses=frozenset({plant.free("s")}),
        )
        for n, t in enumerate(tracks)
    ]  # fmt: skip
    return FollowUpData(
        observations=tuple(observations),
        events=tuple(events),
        meetings=tuple(meetings),
        participants=tuple(participants),
        measures={plant.free(indicators[0]): "women"},
        sources=[plant.free("uppföljning.csv")],
    )


# --- the properties -------------------------------------------------------------------------


@given(testing.agreements(), plants)
def test_no_library_surface_shows_a_planted_number(agreement: Agreement, plant: Plant) -> None:
    planted = plant_everywhere(agreement, plant)
    data = followup(planted, plant)
    on = date(2017, 12, 31)
    plan = schedule(planted, date(2015, 1, 1), date(2017, 12, 31))
    report = build_report(planted, data, on=on, sources=[plant.free("avtal.toml")])
    surfaces = {f"view {n}": text for n, text in enumerate(views([planted, data, plan]))}
    surfaces |= {
        "show sv": summarise(planted, "sv"),
        "show en": summarise(planted, "en"),
        "warnings": "\n".join(unmatched_data(planted, data)),
        "report views": "\n".join(views(report)),
        "ics": to_ical(
            plan, stamp=datetime(2026, 1, 1, tzinfo=UTC), calendar_name=plant.free("DUA")
        ),
    }
    for fmt in ("md", "html", "json"):
        for lang in ("sv", "en"):
            surfaces[f"report {fmt} {lang}"] = render(report, fmt, lang)
    surfaces |= errors(planted, plant)
    assert digits_shown(planted.title, plant.number)  # the planting itself worked
    assert_hidden(surfaces, plant)


def errors(planted: Agreement, plant: Plant) -> dict[str, str]:
    """The messages of a file error (an unknown key and a wrong value, both named with the
    number, in a file whose name holds it) and of a model validator's error."""
    key = plant.free("nyckel").replace('"', "")
    text = f'"{key}" = "{plant.free("värde")}"\n' + dumps_agreement(planted)
    surfaces: dict[str, str] = {}
    try:
        loads_agreement(text, source=plant.free("avtal.toml"))
    except ValidationError as error:
        surfaces["file error"] = str(error) + repr(error) + repr(error.problems)
    else:  # pragma: no cover - an unknown key is always an error
        raise AssertionError("an unknown key was accepted")
    try:
        Party(id=plant.free("ej id "), kind=PartyKind.OTHER, name=plant.free("Firma"))
    except ValueError as error:
        surfaces["model error"] = str(error) + repr(error)
    else:  # pragma: no cover - a space is never part of an identifier
        raise AssertionError("an identifier with a space was accepted")
    try:
        exact_decimal(plant.free("tal "))
    except ValueError as error:
        surfaces["number error"] = str(error)
    return surfaces


@given(st.lists(testing.persons(), max_size=3), plants)
def test_no_view_of_a_person_shows_a_planted_number(persons: list[Person], plant: Plant) -> None:
    planted = [plant_everywhere(person, plant) for person in persons]
    assert_hidden({f"view {n}": text for n, text in enumerate(views(planted))}, plant)


def _run(argv: list[str]) -> str:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(argv)
        except DuaError:  # pragma: no cover - main turns these into exit status 1
            raise
    return out.getvalue() + err.getvalue()


@given(testing.agreements(), plants)
def test_no_command_output_shows_a_planted_number(agreement: Agreement, plant: Plant) -> None:
    planted = plant_everywhere(agreement, plant)
    indicator = next((goal.indicator for goal in planted.goals if goal.indicator), "okänd")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / "avtal.toml"
        path.write_text(dumps_agreement(planted), encoding="utf-8")
        events = root / "events.csv"
        events.write_text(
            f"kind;date;qualifier\n{indicator};2016-03-01;{plant.free('q')}\n"
            f"{plant.free('okänd')};2016-03-01;\n",
            encoding="utf-8",
        )
        register = root / "kaa.csv"
        register.write_text(
            "personnummer;hemkommun;inskrivning;inskrivning_start;skola;program\n"
            f"{_shape(plant.digits, 0)};1863;introduktionsprogram;2016-08-20;"
            f"{plant.free('skola')};{plant.free('IM')}\n",
            encoding="utf-8",
        )
        ics = root / "plan.ics"
        outputs = {
            "show": _run(["show", str(path), "--lang", "en"]),
            "report": _run(["report", str(path), "--events", str(events), "--on", "2017-12-31"]),
            "report json": _run(["report", str(path), "--events", str(events), "--format", "json"]),
            "schedule": _run(
                ["schedule", str(path), "--from", "2016-01-01", "--to", "2016-12-31", "--ics", str(ics)]
            ),
            "kaa text": _run(["kaa", str(register), "--on", "2017-01-15", "--explain"]),
            "kaa json": _run(["kaa", str(register), "--on", "2017-01-15", "--format", "json"]),
        }  # fmt: skip
        outputs["ics file"] = ics.read_text(encoding="utf-8")
    assert "Omfattas" in outputs["kaa text"]  # the register was read: the number was valid
    assert_hidden(outputs, plant)


def test_the_planting_reaches_every_text() -> None:
    """The property is only as good as its planting: every text of a bundled agreement and
    of a person ends up holding the number (ids in an identifier-safe shape)."""
    plant = Plant(digits="199001011234", shape=5, id_shape=0, before=" ", after="")
    planted = plant_everywhere(examples.load("norrkoping-2018"), plant)
    person = plant_everywhere(Person(key="elev-1", birth_date=date(2000, 1, 1)), plant)
    assert person.key == "elev-1-19900101-1234"
    texts = [
        (type(item).__name__, field.name, getattr(item, field.name))
        for item in walk([planted, person])
        for field in attrs.fields(type(item))
        if type(getattr(item, field.name)) is str
    ]
    assert len(texts) > 100
    missed = [(kind, name) for kind, name, text in texts if not digits_shown(text, plant.number)]
    assert missed == []
