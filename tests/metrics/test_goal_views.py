"""What goal results and follow-up data show in the reader's language (issue 8 item 4:
tests that kill the mutants of `dua.metrics.goals._words`, of the notebook tables of
`Result`, `GoalAssessment` and `FollowUpData`, and of `GoalAssessment.plot`, directly
rather than through the reports that re-render them; issue 12: notebook views)."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

import pytest

from dua.i18n import language
from dua.metrics.goals import GoalAssessment, LabelKind, Reason, Result, Status, _result
from dua.metrics.goals._words import detail, fixed_label
from dua.metrics.observations import Event, FollowUpData, Meeting, Observation, Participant
from dua.model import Comparison, GoalKind
from tests.metrics._html_table import alignments, html_table

# --- _words: fixed labels and details -------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "english"),
    [
        ("tills vidare", "until further notice"),  # a target without a deadline
        ("totalt", "total"),  # the sum over the units
        ("hela överenskommelsen", "whole agreement"),
        ("per år", "per year"),  # a cadence goal
        ("öka", "increase"),  # DIRECTION goals: the direction's own English label
        ("minska", "decrease"),
        ("2016", "2016"),  # data stays as it is: a year...
        ("0683", "0683"),  # ...and a municipality code (Vaggeryd, GGV 2016)
    ],
)
def test_fixed_labels_are_translated_and_data_kept(label: str, english: str) -> None:
    assert fixed_label(label) == label
    assert fixed_label(label, "sv") == label
    assert fixed_label(label, "en") == english
    with language("en"):
        assert fixed_label(label) == english


@pytest.mark.parametrize(
    ("text", "swedish", "english"),
    [
        ("", "", ""),
        # Norrköping 2018: the share of women among participants (a participant measure).
        ("women, 12 deltagare", "andel kvinnor, 12 deltagare", "share of women, 12 participants"),
        (
            "outcome_90_days, 40 deltagare",
            "arbete, studier eller eget företag inom 90 dagar, 40 deltagare",
            "work, studies or own business within 90 days, 40 participants",
        ),
        # An unknown measure keeps its name; only the whole text is a measure.
        ("okand, 3 deltagare", "okand, 3 deltagare", "okand, 3 participants"),
        ("se women, 3 deltagare", "se women, 3 deltagare", "se women, 3 deltagare"),
        # GGV 2016: a relative change from the baseline, Swedish thousands and decimals.
        (
            "förändring -1 234,5 % från utgångsvärdet",
            "förändring -1 234,5 % från utgångsvärdet",
            "change -1,234.5% from the baseline",
        ),
        (
            "förändring 12 % mot föregående period",
            "förändring 12 % mot föregående period",
            "change 12% against the previous period",
        ),
        ("öka: förändring -3,5", "öka: förändring -3,5", "increase: change -3.5"),
        ("minska: förändring 2", "minska: förändring 2", "decrease: change 2"),
        (
            "året är inte slut; utgångsvärdet är noll",
            "året är inte slut; utgångsvärdet är noll",
            "the year has not ended; the baseline is zero",
        ),
        ("föregående period saknas", None, "no data for the previous period"),
        ("föregående period är noll", None, "the previous period is zero"),
        ("inget slutdatum: senaste utfall", None, "no deadline: latest observation"),
        (
            "utan daterat utgångsvärde jämförs utfallet med målet",
            None,
            "without a dated baseline the observation is compared with the target",
        ),
        ("nått före periodens slut", None, "reached before the end of the period"),
        ("övre gräns redan passerad", None, "upper bound already passed"),
        (
            "varken observationer eller ett deltagarmått för indikatorn",
            None,
            "neither observations nor a participant measure for the indicator",
        ),
        ("behöver två observationer", None, "needs two observations"),
        ("annat", "annat", "annat"),
    ],
)
def test_details_in_both_languages(text: str, swedish: str | None, english: str) -> None:
    assert detail(text) == (text if swedish is None else swedish)
    assert detail(text, "sv") == detail(text)
    assert detail(text, "en") == english
    with language("en"):
        assert detail(text) == english


# --- Notebook tables of results and assessments --------------------------------------------

HEADER_SV = [
    ("Del", "Part"), ("Status", None), ("Utgångsvärde", "Baseline"), ("Villkor", "Comparison"),
    ("Mål", "Target"), ("Utfall", "Observed"), ("Rak linje", "Straight line"),
    ("Skillnad", "Gap"), ("Täljare/nämnare", "Numerator/denominator"), ("Kommentar", "Detail"),
]  # fmt: skip
HEADER_EN = [
    ("Part", "Del"), ("Status", None), ("Baseline", "Utgångsvärde"), ("Comparison", "Villkor"),
    ("Target", "Mål"), ("Observed", "Utfall"), ("Straight line", "Rak linje"),
    ("Gap", "Skillnad"), ("Numerator/denominator", "Täljare/nämnare"), ("Detail", "Kommentar"),
]  # fmt: skip
INDENT = "\u00a0" * 4


def _result_tree() -> Result:
    # Hällefors-like ceiling of 20 % from 22 %, judged in total and for one kommun
    # (0683, Vaggeryd) that has no data (DOMAIN.md §5, LEVEL per unit).
    missing = Result(
        status=Status.NOT_ASSESSABLE, reason=Reason.MISSING_UNIT, label="0683",
        label_kind=LabelKind.UNIT,
    )  # fmt: skip
    return Result(
        status=Status.ON_TRACK, label="totalt", label_kind=LabelKind.TOTAL,
        comparison=Comparison.AT_MOST, baseline=Fraction(22), target=Fraction(20),
        observed=Fraction(43, 2), expected=Fraction(108, 5), numerator=43, denominator=200,
        detail="utgångsvärdet är noll", parts=(missing,),
    )  # fmt: skip


def _rows(lang: str) -> list[list[tuple[str, str | None]]]:
    first = ("total" if lang == "en" else "totalt", None)
    status = "on track" if lang == "en" else "i fas"
    comparison = "at most" if lang == "en" else "högst"
    note = "the baseline is zero" if lang == "en" else "utgångsvärdet är noll"
    missing = (
        "not assessable (no data for a unit)"
        if lang == "en"
        else "kan inte bedömas (underlag saknas för en enhet)"
    )
    # Numbers in dua's one notebook style: whole numbers without decimals, others with one,
    # written as the language writes them (issue 12: no surface mixes languages).
    point = "." if lang == "en" else ","
    decimals = [f"21{point}5", f"21{point}6", f"1{point}5"]
    numbers = ["22", comparison, "20", *decimals, "43/200", note]
    return [
        [first, (status, None), *((text, None) for text in numbers)],
        [(f"{INDENT}0683", None), (missing, None), *(("–", None) for _ in range(8))],
    ]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_result_is_a_table_with_a_row_per_part(lang: str) -> None:
    with language(lang):
        shown = _result_tree()._repr_html_()
    caption, rows = html_table(shown)
    assert caption == "totalt"  # the result's own label, as the data has it
    assert rows == [HEADER_EN if lang == "en" else HEADER_SV, *_rows(lang)]
    numeric = ["left", "left", "right", "left", "right", "right", "right", "right", "right"]
    assert alignments(shown) == [[*numeric, "left"]] * 3
    assert f'lang="{lang}"' in shown


def test_a_result_without_a_label_is_captioned_results() -> None:
    result = Result(status=Status.ATTAINED, observed=Fraction(7))
    caption, rows = html_table(result._repr_html_())
    assert caption == "Resultat"
    assert rows[1] == [("–", None), ("uppnått", None), ("–", None), ("–", None), ("–", None),
                       ("7", None), ("–", None), ("–", None), ("–", None), ("–", None)]  # fmt: skip
    with language("en"):
        assert html_table(result._repr_html_())[0] == "Results"
    # A numerator alone (a count without its whole) is no fraction to show.
    _, rows = html_table(Result(status=Status.ATTAINED, numerator=3)._repr_html_())
    assert rows[1][8] == ("–", None)


def test_an_assessment_shows_its_facts_then_its_results() -> None:
    assessment = GoalAssessment(
        goal="mal-1", kind=GoalKind.LEVEL, on=date(2017, 1, 15),
        status=Status.NOT_ASSESSABLE, reason=Reason.NO_DATA, results=(_result_tree(),),
    )  # fmt: skip
    shown = assessment._repr_html_()
    assert shown.count("<table") == 2
    caption, rows = html_table(shown)
    assert caption == "Mål mal-1: kan inte bedömas (underlag saknas)Resultat"
    assert rows == [
        [("Uppgift", "Item"), ("Värde", "Value")],
        [("Mål", "Goal"), ("mal-1", None)],
        [("Slag", "Kind"), ("nivå", None)],
        [("Bedömt per", "Assessed on"), ("2017-01-15", None)],
        [("Status", None), ("kan inte bedömas (underlag saknas)", None)],
        HEADER_SV,
        *_rows("sv"),
    ]
    with language("en"):
        caption, rows = html_table(assessment._repr_html_())
    assert caption == "Goal mal-1: not assessable (no data)Results"
    assert rows[1:5] == [
        [("Goal", "Mål"), ("mal-1", None)],
        [("Kind", "Slag"), ("level by a date", None)],
        [("Assessed on", "Bedömt per"), ("2017-01-15", None)],
        [("Status", None), ("not assessable (no data)", None)],
    ]


def test_an_assessment_without_results_is_its_facts_alone() -> None:
    assessment = GoalAssessment(
        goal="mal-2", kind=GoalKind.QUALITATIVE, on=date(2017, 1, 15), status=Status.ATTAINED
    )
    shown = assessment._repr_html_()
    assert shown.count("<table") == 1
    caption, rows = html_table(shown)
    assert caption == "Mål mal-2: uppnått"
    assert rows[-1] == [("Status", None), ("uppnått", None)]


def test_plotting_an_assessment_passes_its_results_title_and_scale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`plot` draws through `dua.charts.goal_figure`: the results, "Mål"/"Goal" and the
    goal's id as the title, a percent scale for shares and conversions."""
    calls: list[dict[str, Any]] = []

    def goal_figure(results: tuple[Result, ...], **kwargs: Any) -> str:
        calls.append({"results": results, **kwargs})
        return "figure"

    monkeypatch.setattr(_result.charts, "goal_figure", goal_figure)
    results = (_result_tree(),)
    for kind, percent in (
        (GoalKind.LEVEL, False),
        (GoalKind.SHARE, True),
        (GoalKind.CONVERSION, True),
        (GoalKind.COUNT, False),
    ):
        assessment = GoalAssessment(
            goal="mal-1", kind=kind, on=date(2017, 1, 15), status=Status.ON_TRACK,
            results=results,
        )  # fmt: skip
        assert assessment.plot() == "figure"  # type: ignore[comparison-overlap]  # the stand-in's figure
        assert calls.pop() == {
            "results": results, "title": "Mål mal-1", "percent": percent, "lang": "sv"
        }  # fmt: skip
        assessment.plot("en")
        assert calls.pop()["title"] == "Goal mal-1"
        with language("en"):
            assessment.plot()
        assert calls.pop() == {
            "results": results, "title": "Goal mal-1", "percent": percent, "lang": "en"
        }  # fmt: skip


# --- Follow-up data: repr and notebook table -----------------------------------------------


def test_follow_up_data_shows_its_counts_period_and_sources() -> None:
    """Norrköping-like invented data (issue 12 item 5): counts of each kind of row, the
    indicators sorted, the span from the earliest to the latest day of any row, and the
    files it was read from."""
    data = FollowUpData(
        observations=[
            Observation(indicator="b", on=date(2016, 3, 1), value="1"),
            Observation(indicator="a", on=date(2016, 1, 1), value="1"),
            Observation(indicator="a", on=date(2016, 2, 1), value="2"),
        ],
        events=[Event(kind="x", on=date(2016, 6, 1))],
        meetings=[Meeting(body="styrgrupp", on=date(2016, 5, 1))],
        participants=[
            Participant(
                key="p1",
                track="industri",
                start=date(2015, 12, 1),
                end=date(2016, 8, 1),
                outcome="arbete",
                outcome_on=date(2017, 2, 1),
            ),
        ],
        synthetic=True,
        sources=("a.csv", "b.csv"),
    )
    assert repr(data) == (
        "FollowUpData(observations=3, events=1, participants=1, meetings=1, "
        "period='2015-12-01/2017-02-01', synthetic=True)"
    )
    caption, rows = html_table(data._repr_html_())
    assert caption == "Uppföljningsdata (påhittade)"
    assert rows == [
        [("Uppgift", "Item"), ("Värde", "Value")],
        [("Observationer", "Observations"), ("3", None)],
        [("Indikatorer", "Indicators"), ("a, b", None)],
        [("Händelser", "Events"), ("1", None)],
        [("Deltagare", "Participants"), ("1", None)],
        [("Möten", "Meetings"), ("1", None)],
        [("Period", "Period"), ("2015-12-01 – 2017-02-01", None)],
        [("Underlag", "Sources"), ("a.csv; b.csv", None)],
    ]


def test_empty_follow_up_data_leaves_out_what_it_lacks() -> None:
    data = FollowUpData()
    assert repr(data) == (
        "FollowUpData(observations=0, events=0, participants=0, meetings=0, period=None)"
    )
    caption, rows = html_table(data._repr_html_())
    assert caption == "Uppföljningsdata"
    assert rows == [
        [("Uppgift", "Item"), ("Värde", "Value")],
        [("Observationer", "Observations"), ("0", None)],
        [("Händelser", "Events"), ("0", None)],
        [("Deltagare", "Participants"), ("0", None)],
        [("Möten", "Meetings"), ("0", None)],
    ]
