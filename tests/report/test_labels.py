"""Labels keep their kind (issue 12, item 3): a year is a year, a unit is a unit.

A report used to guess from the text: every four-digit label that is also a municipality
code was shown as that municipality, so Sjuhärad's yearly targets read "Vansbro (2021)" and
a 2026 count goal "Gagnef (2026)", in Markdown, HTML, JSON and English. The kind now travels
with the result ([`LabelKind`][dua.metrics.goals.LabelKind]) and the report renders by it.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import attrs
import pytest

from dua import examples
from dua.io.followup import load_followup
from dua.metrics.goals import LabelKind, Result, assess
from dua.metrics.observations import Event, FollowUpData
from dua.model import (
    Aggregation,
    Agreement,
    AgreementKind,
    Comparison,
    ConversionStep,
    Direction,
    Goal,
    GoalKind,
    Party,
    PartyKind,
    Period,
    Scope,
    Target,
)
from dua.report import build_report, render_html, render_markdown, to_json_text

LANGS = ("sv", "en")


def _rows(result: Result, depth: int = 0) -> list[tuple[int, str, LabelKind]]:
    rows = [(depth, result.label, result.label_kind)]
    for part in result.parts:
        rows.extend(_rows(part, depth + 1))
    return rows


def _json_labels(document: dict[str, Any]) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []

    def walk(result: dict[str, Any]) -> None:
        kind = result["label_kind"]
        assert isinstance(kind, dict)
        found.append((str(result["label"]), str(kind["code"]), str(result["label_text"])))
        for part in result["parts"]:
            walk(part)

    for goal in document["goals"]:
        for result in goal["results"]:
            walk(result)
    return found


# -- Sjuhärad: yearly targets of 2021 (also Vansbro's code) --------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_sjuharad_years_are_years_in_every_format(lang: str) -> None:
    report = build_report(
        examples.load("sjuharad-2020"),
        load_followup("sjuharad-2020"),
        on=date(2021, 12, 31),
        lang=lang,
    )
    years = [entry for goal in report.goals for _, entry in goal.rows() if entry.label == "2021"]
    assert len(years) == 3  # the three meeting-cadence goals' targets for 2021
    assert all(entry.label_kind is LabelKind.PERIOD for entry in years)
    for text in (render_markdown(report), render_html(report), to_json_text(report)):
        assert "Vansbro" not in text
    assert "| 2021 |" in render_markdown(report)
    labels = _json_labels(json.loads(to_json_text(report)))
    assert ("2021", "PERIOD", "2021") in labels
    # Municipalities are still named where they are municipalities (the mapping table).
    assert "Borås (1490)" in render_markdown(report)


# -- A 2026 agreement: the year 2026 is also Gagnef's code ---------------------------------

GAGNEF, VANSBRO = "2026", "2021"


def _agreement_2026(units: tuple[str, ...] = (GAGNEF, VANSBRO)) -> Agreement:
    return Agreement(
        id="dalarna-2026",
        title="Lokal överenskommelse 2026",
        kind=AgreementKind.YOUTH,
        parties=[
            Party(id="g", kind=PartyKind.MUNICIPALITY, name="Gagnef", municipality_code=GAGNEF),
            Party(id="v", kind=PartyKind.MUNICIPALITY, name="Vansbro", municipality_code=VANSBRO),
        ],
        goals=[
            Goal(
                id="traineejobb",
                text="minst 2 traineejobb per kommun 2026",
                kind=GoalKind.COUNT,
                indicator="traineejobb",
                scope=Scope.MUNICIPALITY,
                units=units,
                targets=[Target(comparison=Comparison.AT_LEAST, value=2, period=Period.year(2026))],
            )
        ],
    )


DATA_2026 = FollowUpData(
    events=[
        Event(kind="traineejobb", on=date(2026, month, 1), unit=unit)
        for unit in (GAGNEF, VANSBRO)
        for month in (3, 9)
    ]
)


def test_2026_result_carries_the_kinds() -> None:
    goal = _agreement_2026().goals[0]
    (result,) = assess(goal, DATA_2026, on=date(2026, 12, 31)).results
    assert _rows(result) == [
        (0, "2026", LabelKind.PERIOD),
        (1, GAGNEF, LabelKind.UNIT),
        (1, VANSBRO, LabelKind.UNIT),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_2026_yearly_row_is_a_year_and_units_are_municipalities(lang: str) -> None:
    report = build_report(_agreement_2026(), DATA_2026, on=date(2026, 12, 31), lang=lang)
    markdown = render_markdown(report)
    assert "| 2026 |" in markdown
    assert "| ↳ Gagnef (2026) |" in markdown
    assert "| ↳ Vansbro (2021) |" in markdown
    assert "Gagnef (2026) |" not in markdown.replace("| ↳ Gagnef (2026) |", "")
    assert _json_labels(json.loads(to_json_text(report))) == [
        ("2026", "PERIOD", "2026"),
        (GAGNEF, "UNIT", "Gagnef (2026)"),
        (VANSBRO, "UNIT", "Vansbro (2021)"),
    ]
    html = render_html(report)
    # The goal's chart (issue 12, item 1) titles its unit panels and describes its rows
    # the same way; the table outside it names each unit once.
    (chart,) = re.findall(r'<figure class="chart" id="figure-goal-.*?</figure>', html, re.S)
    tables = html.replace(chart, "")
    assert tables.count("Gagnef (2026)") == 1
    assert tables.count("Vansbro (2021)") == 1
    assert "<desc" in chart
    assert "Gagnef (2026):" in chart
    assert "Vansbro (2021):" in chart
    assert ". 2026: " in chart  # the year row of the description stays a year


def test_total_and_steps_and_direction_have_their_kinds() -> None:
    goal = _agreement_2026().goals[0]
    total = assess(
        attrs.evolve(goal, aggregation=Aggregation.WHOLE_AND_EACH), DATA_2026, on=date(2026, 12, 31)
    ).results[0]
    assert _rows(total) == [
        (0, "2026", LabelKind.PERIOD),
        (1, "totalt", LabelKind.TOTAL),
        (1, GAGNEF, LabelKind.UNIT),
        (1, VANSBRO, LabelKind.UNIT),
    ]
    steps = Goal(
        id="steg",
        text="hälften går vidare",
        kind=GoalKind.CONVERSION,
        steps=[
            ConversionStep(
                from_status="påbörjat",
                to_status="studier",
                comparison=Comparison.AT_LEAST,
                share_percent=50,
            )
        ],
    )
    (step,) = assess(steps, FollowUpData(), on=date(2026, 12, 31)).results
    assert step.label_kind is LabelKind.STEP
    direction = Goal(
        id="riktning",
        text="andelen ska öka",
        kind=GoalKind.DIRECTION,
        indicator="andel",
        direction=Direction.INCREASE,
    )
    (way,) = assess(direction, FollowUpData(), on=date(2026, 12, 31)).results
    assert way.label_kind is LabelKind.DIRECTION
