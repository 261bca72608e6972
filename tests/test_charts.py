"""Charts (issue 12, item 1): per goal the observed series, baseline, each target and the
straight line to it, per unit where the goal is per municipality; a status overview; gender
shares per track against the 40–60 band. In the HTML report as inline, accessible,
reproducible SVG beside the tables; `.plot()` in notebooks; one line when matplotlib is
missing. The browser check (`make browser-check`, tests/browser) loads the pages in Chromium.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from datetime import date
from fractions import Fraction
from functools import cache
from html.parser import HTMLParser

import attrs
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from dua import charts, examples
from dua.errors import MissingExtraError
from dua.io.followup import load_followup
from dua.metrics.goals import LabelKind, Status, assess_agreement
from dua.metrics.observations import Observation
from dua.report import Report, UnknownChartError, build_report, render_html

# The dates of the golden reports (tests/report/test_report.py).
EXAMPLES = {
    "hallefors-2015": date(2018, 1, 31),
    "ggv-2016": date(2018, 1, 31),
    "norrkoping-2018": date(2021, 1, 31),
    "sjuharad-2020": date(2021, 12, 31),
}
PIN_SHAPE = re.compile(r"(?<!\d)(\d{2})?\d{6}[-+ ]?\d{4}(?!\d)")


@cache
def report(name: str, lang: str = "sv") -> Report:
    return build_report(examples.load(name), load_followup(name), on=EXAMPLES[name], lang=lang)


@cache
def page(name: str, lang: str = "sv") -> str:
    return render_html(report(name, lang))


def _x(day: date) -> float:
    return float((day - date(1970, 1, 1)).days)


def _lines(figure: Figure) -> list[tuple[list[float], list[float]]]:
    return [
        ([float(x) for x in line.get_xdata()], [float(y) for y in line.get_ydata()])  # type: ignore[union-attr] # data set from lists
        for ax in figure.axes
        for line in ax.get_lines()
    ]


class Figures(HTMLParser):
    """The page's `<figure>` elements with their SVG's accessible names."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: list[dict[str, str]] = []
        self.ids: Counter[str] = Counter()
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids[values["id"]] += 1
        if tag == "figure":
            self.figures.append({"id": values.get("id", ""), "class": values.get("class", "")})
        elif tag == "svg" and self.figures:
            self.figures[-1]["role"] = values.get("role", "")
            self.figures[-1]["labelledby"] = values.get("aria-labelledby", "")
        elif tag in ("title", "desc", "figcaption") and self.figures:
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self.figures[-1][self._in] = self.figures[-1].get(self._in, "") + data


# ---------------------------------------------------------------------------------------
# The HTML report


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_report_has_a_chart_per_goal_an_overview_and_the_gender_band(name: str) -> None:
    parsed = Figures()
    parsed.feed(page(name))
    ids = [f["id"] for f in parsed.figures]
    # A goal without any result (not assessable before any target) has nothing to draw:
    # the overview shows its status.
    goals = [g.id for g in report(name).goals if g.results]
    expected = ["figure-status", *(f"figure-goal-{g}" for g in goals)]
    if report(name).gender.total is not None:
        expected.append("figure-gender")
    assert ids == expected
    for figure in parsed.figures:
        # Accessible: role="img", named by its <title> and <desc>, with a caption.
        assert figure["class"] == "chart"
        assert figure["role"] == "img"
        title_id, desc_id = figure["labelledby"].split()
        assert parsed.ids[title_id] == 1
        assert parsed.ids[desc_id] == 1
        assert figure["title"].strip()
        assert figure["desc"].strip()
        assert figure["figcaption"].strip()
    # Several charts in one page share no id (matplotlib numbers them from 1 in each).
    assert [i for i, n in parsed.ids.items() if n > 1] == []


def test_goal_chart_text_alternative_names_status_and_numbers() -> None:
    """The `<desc>` says what the chart shows in words: status, baseline, target and the
    observed value of each row of the table (Hällefors, youth unemployment, seed)."""
    parsed = Figures()
    parsed.feed(page("hallefors-2015"))
    (goal,) = [f for f in parsed.figures if f["id"] == "figure-goal-ungdomsarbetsloshet"]
    assert goal["desc"].startswith("Mål ungdomsarbetsloshet: ej uppnått.")
    assert "5 observerade värden från" in goal["desc"]
    assert "2017: ej uppnått, utgångsvärde 22 %, mål ≤ 19,5 %, utfall 19,7 %" in goal["desc"]
    english = Figures()
    english.feed(page("hallefors-2015", "en"))
    (goal,) = [f for f in english.figures if f["id"] == "figure-goal-ungdomsarbetsloshet"]
    assert goal["desc"].startswith("Goal ungdomsarbetsloshet: not attained.")
    assert "2017: not attained, baseline 22%, target ≤ 19.5%, observed 19.7%" in goal["desc"]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_chart_labels_follow_the_report_language(lang: str) -> None:
    text = page("hallefors-2015", lang)
    words = {
        "sv": ("utfall", "utgångsvärde", "rak linje till målet"),
        "en": ("observed", "baseline", "straight line to the target"),
    }
    other = {"sv": "straight line to the target", "en": "rak linje till målet"}
    for word in words[lang]:
        assert f">{word}<" in text
    assert other[lang] not in text


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_privacy_boundary_leaves_the_drawing_alone(name: str) -> None:
    """The examples hold no identity number, so the report's final masking must change
    nothing; a coordinate such as "318.880625 1140978" once read as one and broke a chart
    in Chromium (found by `make browser-check`)."""
    for lang in ("sv", "en"):
        assert "****" not in page(name, lang)
        assert re.search(r"\d\.\d{4}", page(name, lang)) is None


def test_svg_is_the_same_bytes_every_run() -> None:
    """Reproducible reports: no date, no software version, a fixed hash salt."""
    again = render_html(report("norrkoping-2018"))
    assert again == page("norrkoping-2018")
    assert "<dc:date>" not in again
    assert "Matplotlib v" not in again


def test_without_the_plot_extra_the_report_says_in_one_line_how_to_get_charts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` fails
    assert not charts.available()
    text = render_html(report("hallefors-2015"))
    assert "<svg" not in text
    assert "<figure" not in text
    (line,) = re.findall(r'<p class="note charts-missing">.*?</p>', text)
    assert "pip install &#x27;dua-samverkan[plot]&#x27;" in line
    # Everything else is the report with charts, less its figures.
    with_charts = re.sub(
        r'<figure class="chart".*?</figure>\n?', "", page("hallefors-2015"), flags=re.S
    )
    assert text.replace(line + "\n", "") == with_charts
    with pytest.raises(MissingExtraError, match=r"pip install 'dua-samverkan\[plot\]'"):
        report("hallefors-2015").plot()


# ---------------------------------------------------------------------------------------
# What the goal chart draws


def test_goal_chart_draws_series_baseline_target_and_the_straight_line() -> None:
    """Hällefors, youth unemployment (seed): the observed series, the baseline 22 % and
    the dashed straight line from it to the 2017 target ≤ 19,5 % on 2017-12-31."""
    goal = report("hallefors-2015").goals[0]
    assert goal.id == "ungdomsarbetsloshet"
    figure = goal.plot()
    assert len(figure.axes) == 1
    lines = _lines(figure)
    series = sorted((p.on, p.value) for p in goal.series)
    assert ([_x(d) for d, _ in series], [float(v) for _, v in series]) in lines
    final = goal.results[-1]
    assert final.label == "2017"
    assert final.baseline_on is not None
    assert final.deadline == date(2017, 12, 31)
    assert final.baseline == 22
    assert final.target == Fraction("19.5")
    straight = ([_x(final.baseline_on), _x(final.deadline)], [22.0, 19.5])
    assert straight in lines
    line = next(
        line
        for ax in figure.axes
        for line in ax.get_lines()
        if list(map(float, line.get_ydata())) == [22.0, 19.5]  # type: ignore[arg-type] # data set from lists
    )
    assert line.get_linestyle() == "--"
    # The judged observation, in the status's colour and shape.
    assert final.observed is not None
    assert final.observed_on is not None
    marker = [
        line
        for ax in figure.axes
        for line in ax.get_lines()
        if list(map(float, line.get_xdata())) == [_x(final.observed_on)]  # type: ignore[arg-type] # data set from lists
        and line.get_marker() == charts.STATUS_MARKERS[final.status.name]
    ]
    assert [m.get_color() for m in marker] == [charts.STATUS_COLOURS["NOT_ATTAINED"]]


def test_goal_per_municipality_has_a_panel_per_unit() -> None:
    """GGV (seed): a goal judged for each of Värnamo, Gislaved and Gnosjö gets one panel
    per municipality, titled with its name, each with that unit's own series."""
    entry = next(g for g in report("ggv-2016").goals if g.id == "kaa-utan-aktivitet")
    units = [p for p in entry.results[0].parts if p.label_kind is LabelKind.UNIT]
    assert len(units) == 3
    figure = entry.plot()
    titles = [ax.get_title(loc="left") for ax in figure.axes if ax.get_visible()]
    assert titles == ["Värnamo (0683)", "Gislaved (0662)", "Gnosjö (0617)"]
    for ax, unit in zip(figure.axes, units, strict=False):
        own = sorted((p.on, p.value) for p in entry.series if p.unit == unit.label)
        xs = [float(x) for x in ax.get_lines()[0].get_xdata()]  # type: ignore[union-attr] # data set from lists
        assert xs == [_x(d) for d, _ in own]


def test_assessment_plot_draws_each_target_and_its_observation() -> None:
    agreement = examples.load("hallefors-2015")
    data = load_followup("hallefors-2015")
    assessment = assess_agreement(agreement, data, date(2018, 1, 31))[0]
    figure = assessment.plot(lang="en")
    assert isinstance(figure, Figure)
    lines = _lines(figure)
    for result in assessment.results:
        assert result.target is not None
        assert result.deadline is not None
        assert ([_x(result.deadline)], [float(result.target)]) in lines
    assert figure.get_suptitle() == "Goal ungdomsarbetsloshet"


def test_series_leaves_out_shares_about_too_few_persons() -> None:
    """DOMAIN.md §6: an observation whose numerator, denominator or their difference is
    from 1 to threshold − 1 is not drawn when the report suppresses small counts."""
    agreement = examples.load("hallefors-2015")
    data = load_followup("hallefors-2015")
    goal = agreement.goals[0]
    small = Observation(
        indicator=goal.indicator or "", on=date(2017, 2, 14), numerator=2, denominator=10
    )
    data = attrs.evolve(data, observations=(*data.observations, small))
    shown = build_report(agreement, data, on=EXAMPLES["hallefors-2015"])
    hidden = build_report(agreement, data, on=EXAMPLES["hallefors-2015"], suppress_below=5)
    assert [p.value for p in shown.goals[0].series if p.on == date(2017, 2, 14)] == [20]
    assert all(p.on != date(2017, 2, 14) for p in hidden.goals[0].series)
    assert len(hidden.goals[0].series) == len(shown.goals[0].series) - 1


def test_series_stops_at_the_report_date() -> None:
    entry = report("hallefors-2015").goals[0]
    assert entry.series
    assert max(p.on for p in entry.series) <= EXAMPLES["hallefors-2015"]
    early = build_report(
        examples.load("hallefors-2015"), load_followup("hallefors-2015"), on=date(2016, 6, 30)
    )
    assert max(p.on for p in early.goals[0].series) <= date(2016, 6, 30)
    assert len(early.goals[0].series) < len(entry.series)


# ---------------------------------------------------------------------------------------
# Overview, gender band, Report.plot


def test_status_overview_writes_each_status_in_words() -> None:
    rep = report("norrkoping-2018", "en")
    figure = rep.plot()
    (ax,) = figure.axes
    texts = [t.get_text() for t in ax.texts]
    assert texts == [goal.status.label("en") for goal in rep.goals]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks == [f"Goal {goal.id}" for goal in reversed(rep.goals)]


def test_gender_chart_shows_the_band_and_each_track() -> None:
    rep = report("norrkoping-2018")
    figure = rep.plot("gender")
    (ax,) = figure.axes
    band = [p for p in ax.patches if p.get_label() == "jämn könsfördelning"]
    assert len(band) == 1
    (rectangle,) = band
    assert isinstance(rectangle, Rectangle)
    assert (rectangle.get_x(), rectangle.get_x() + rectangle.get_width()) == (40.0, 60.0)
    assert rep.gender.total is not None
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks == [*reversed([*(r.group for r in rep.gender.rows), "alla deltagare"])]


def test_report_plot_goal_by_id_and_unknown_chart() -> None:
    rep = report("ggv-2016")
    assert isinstance(rep.plot("oppet-arbetslosa"), Figure)
    # The error is in the language the chart is asked in (issue 12, item 4).
    with pytest.raises(
        UnknownChartError,
        match=r"no chart 'nope' in this report; use one of: 'status', 'gender', 'kaa-utan-aktivitet'",
    ):
        rep.plot("nope", lang="en")
    with pytest.raises(
        UnknownChartError,
        match=r"rapporten har inget diagram 'nope'; använd något av: 'status', 'gender', ",
    ):
        rep.plot("nope", lang="sv")


def test_no_identity_number_reaches_a_chart() -> None:
    """DOMAIN.md §7: every text drawn or written in the SVG passes the privacy boundary."""
    figure = charts.status_figure(
        [("19900101-1234", Status.ATTAINED)], lang="sv", title="198112289874"
    )
    svg = charts.to_svg(figure, title="19900101-1234", description="elev 198112289874", ident="x")
    assert "19900101-****" in svg
    assert PIN_SHAPE.search(svg.replace("****", "")) is None
