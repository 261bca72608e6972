"""The report object and how it is built from an agreement and its follow-up data."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, cast

import attrs

from dua import _html, i18n
from dua.charts import SeriesPoint
from dua.errors import DuaError, mask_text
from dua.i18n import get_language
from dua.metrics.consistency import Finding, check_agreement
from dua.metrics.gender import DEFAULT_LOWER, DEFAULT_UPPER, gender_balance, gender_by_group
from dua.metrics.goals import (
    GoalAssessment,
    LabelKind,
    Reason,
    Result,
    Status,
    assess_agreement,
)
from dua.metrics.mapping import UNKNOWN, Cell, CrossTable, Dimension, cross_tabulate
from dua.metrics.mapping import sex as sex_dimension
from dua.metrics.observations import FollowUpData, Observation, Participant
from dua.model import (
    Aggregation,
    Agreement,
    AgreementKind,
    Comparison,
    Goal,
    GoalKind,
    Outcome,
    Period,
    Person,
    Unit,
)
from dua.report import _charts
from dua.report._html import render_fragment

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "AgreementInfo",
    "GenderRow",
    "GenderSection",
    "GoalEntry",
    "MappingTable",
    "Report",
    "ResultEntry",
    "Suppression",
    "UnknownChartError",
    "build_report",
]


def _safe(text: str) -> str:
    """`text` with anything shaped like a personal identity number masked
    ([`dua.errors.mask_text`][dua.errors.mask_text]): labels in a report come from the
    agreement and the follow-up files, and a report must never print a personnummer."""
    return mask_text(text)


@attrs.frozen(kw_only=True)
class AgreementInfo:
    """Who and what the report is about: the agreement's identity as its file states it."""

    id: str
    title: str
    kind: AgreementKind
    document_date: date | None = None
    validity: Period | None = None
    until_further_notice: bool = False
    parties: tuple[str, ...] = ()

    @classmethod
    def of(cls, agreement: Agreement) -> AgreementInfo:
        """The identity of `agreement`."""
        return cls(
            id=agreement.id,
            title=agreement.title,
            kind=agreement.kind,
            document_date=agreement.document_date,
            validity=agreement.validity,
            until_further_notice=agreement.until_further_notice,
            parties=tuple(party.name for party in agreement.parties),
        )


@attrs.frozen(kw_only=True)
class Suppression:
    """The small-cell suppression applied (DOMAIN.md §6).

    - `threshold`: counts from 1 to `threshold − 1` are hidden (`None`: no suppression).
    - `hidden_cells`: table cells hidden (primary and secondary, totals included).
    - `hidden_results`: goal results whose numerator, denominator and the share computed
      from them are hidden.
    """

    threshold: int | None = None
    hidden_cells: int = 0
    hidden_results: int = 0

    @property
    def applied(self) -> bool:
        """Whether a threshold was set."""
        return self.threshold is not None

    @property
    def hidden(self) -> int:
        """Everything hidden: table cells and goal results."""
        return self.hidden_cells + self.hidden_results


@attrs.frozen(kw_only=True)
class ResultEntry:
    """One row of a goal's drilldown: a target, a unit, a year or a conversion step, with
    the numbers as published.

    The numbers are exact and in the goal's unit (`percent` on the
    [`GoalEntry`][dua.report.GoalEntry] says whether that is per cent). When `suppressed`,
    `numerator`, `denominator`, `observed` and `gap` are `None`: they were hidden because
    they describe fewer persons than the threshold. `combination` says how `parts`
    combine into this row (`EACH`: every part must be attained; `TOTAL`: the sum decides,
    the parts are shown for information; `WHOLE_AND_EACH`: both). `label_kind` says what
    `label` names (a period, a unit, a step): a renderer shows a unit that is a
    municipality code with its name, and a year as a year. `baseline_on` is the date the
    baseline describes, where a chart starts the straight line to the target.
    """

    label: str
    status: Status
    reason: Reason | None = None
    comparison: Comparison | None = None
    baseline: Fraction | None = None
    target: Fraction | None = None
    upper: Fraction | None = None
    observed: Fraction | None = None
    observed_on: date | None = None
    expected: Fraction | None = None
    gap: Fraction | None = None
    numerator: int | None = None
    denominator: int | None = None
    deadline: date | None = None
    detail: str = ""
    suppressed: bool = False
    combination: Aggregation | None = None
    parts: tuple[ResultEntry, ...] = ()
    label_kind: LabelKind = LabelKind.TEXT
    baseline_on: date | None = None

    def rows(self, depth: int = 0) -> Iterable[tuple[int, ResultEntry]]:
        """This entry and all its parts, depth first, with their depth."""
        yield depth, self
        for part in self.parts:
            yield from part.rows(depth + 1)


@attrs.frozen(kw_only=True)
class GoalEntry:
    """One goal of the agreement with its status on the report's date and its drilldown.

    `stated_decimals` pairs each target value with the number of decimals the agreement
    states it with ("21,0 %" has one, "22 %" none), so that a target is printed as the
    agreement words it. `series` holds the observations of the goal's indicator up to the
    report's date, by unit (a chart's observed line; those hidden by suppression left out).
    """

    id: str
    text: str
    kind: GoalKind
    status: Status
    reason: Reason | None = None
    percent: bool = False
    results: tuple[ResultEntry, ...] = ()
    stated_decimals: tuple[tuple[Fraction, int], ...] = ()
    series: tuple[SeriesPoint, ...] = ()

    def plot(self, lang: str | None = None) -> Figure:
        """This goal as a chart ([`dua.charts.goal_figure`][dua.charts.goal_figure]): the
        observed series, baseline, each target and the straight line to it, per unit where
        the goal is judged per municipality. Needs the `plot` extra. `lang` defaults to
        the current language ([`dua.i18n`][dua.i18n])."""
        return _charts.goal_figure(self, get_language(lang))

    def decimals_for(self, value: Fraction | None) -> int:
        """The decimals the agreement states the target `value` with (0 if not stated)."""
        return max(
            (places for stated, places in self.stated_decimals if stated == value), default=0
        )

    def rows(self) -> list[tuple[int, ResultEntry]]:
        """Every result row, depth first, with its depth (0 for the goal's own results)."""
        return [row for result in self.results for row in result.rows()]


@attrs.frozen(kw_only=True)
class GenderRow:
    """Women and men among participants of one track (`group`), or of all (`group=None`).

    Counts are cells of the published track × sex table (hidden cells stay hidden here);
    `women_share` and `men_share` are shares among those with known sex, given only when
    both counts are shown; `balanced` is the 40–60 % verdict (`None`: nobody's sex is
    known), computed exactly by [`dua.metrics.gender`][dua.metrics.gender].
    """

    group: str | None
    women: Cell
    men: Cell
    unknown: Cell
    total: Cell
    women_share: Fraction | None = None
    men_share: Fraction | None = None
    balanced: bool | None = None


@attrs.frozen(kw_only=True)
class GenderSection:
    """Gender shares of participants per track and in total, with the bounds of
    *jämn könsfördelning* (DOMAIN.md §6: each sex between 40 % and 60 %)."""

    rows: tuple[GenderRow, ...] = ()
    total: GenderRow | None = None
    lower: Fraction = DEFAULT_LOWER
    upper: Fraction = DEFAULT_UPPER


@attrs.frozen(kw_only=True)
class MappingTable:
    """A target-group mapping table of the participants (a
    [`CrossTable`][dua.metrics.mapping.CrossTable] with its suppression), with an id."""

    id: str
    table: CrossTable

    def caption(self, lang: str | None = None) -> str:
        """The table's caption, e.g. "Deltagare efter jobbspår och kön"."""
        lang = get_language(lang)
        rows, columns = self.table.rows.label(lang), self.table.columns.label(lang)
        if lang == "en":
            return f"Participants by {rows} and {columns}"
        return f"Deltagare efter {rows} och {columns}"


@attrs.frozen(kw_only=True)
class Report:
    """A follow-up report of one agreement on one date: typed, immutable, and free of
    personal data (aggregates only; participants' keys are never kept).

    It states the date it was computed for (`on`), the data files used (`sources`), and
    the suppression applied (`suppression`); `synthetic` is true when the follow-up data
    is the bundled invented data. `lang` is the default language of the renderers.

    Table cells hidden by suppression keep their count for analysis
    ([`Cell.count`][dua.metrics.mapping.Cell]), but every renderer prints only what
    [`Cell.shown`][dua.metrics.mapping.Cell] gives; hidden goal figures are not kept.
    """

    agreement: AgreementInfo
    on: date
    lang: str = "sv"
    sources: tuple[str, ...] = ()
    synthetic: bool = False
    suppression: Suppression = Suppression()
    participants: Cell | None = None
    goals: tuple[GoalEntry, ...] = ()
    gender: GenderSection = GenderSection()
    mapping: tuple[MappingTable, ...] = ()
    findings: tuple[Finding, ...] = ()

    def __repr__(self) -> str:
        return (
            f"Report(agreement={self.agreement.id!r}, on={self.on.isoformat()}, "
            f"goals={len(self.goals)}, tables={len(self.mapping)}, "
            f"findings={len(self.findings)}, suppress_below={self.suppression.threshold})"
        )

    def _repr_html_(self) -> str:
        """The report as an HTML fragment, for notebooks."""
        return _html.block(render_fragment(self), lang=self.lang)

    def plot(self, chart: str = "status", *, lang: str | None = None) -> Figure:
        """A chart of the report as a matplotlib `Figure` (needs the `plot` extra,
        `pip install 'dua-samverkan[plot]'`), the same the HTML report shows:

        - `"status"` (default): every goal's status
          ([`dua.charts.status_figure`][dua.charts.status_figure]);
        - `"gender"`: the share of women per track against the 40–60 % band
          ([`dua.charts.gender_figure`][dua.charts.gender_figure]);
        - a goal's id: that goal ([`GoalEntry.plot`][dua.report.GoalEntry.plot]).

        `lang` defaults to the report's language; so does the language of the error.

        Raises:
            UnknownChartError: `chart` is none of these.
            dua.errors.MissingExtraError: matplotlib is not installed.
        """
        lang = lang or self.lang
        if chart == "status":
            return _charts.status_figure(self, lang)
        if chart == "gender":
            return _charts.gender_figure(self, lang)
        for goal in self.goals:
            if goal.id == chart:
                return goal.plot(lang)
        with i18n.language(lang):  # the error in the language the chart was asked in
            raise UnknownChartError(chart, tuple(goal.id for goal in self.goals))


class UnknownChartError(DuaError, LookupError):
    """[`Report.plot`][dua.report.Report.plot] was asked for a chart the report does not
    have: neither `"status"`, `"gender"` nor one of its goals' ids."""

    def __init__(self, chart: str, goals: tuple[str, ...]) -> None:
        self.chart = chart
        choices = ", ".join(repr(c) for c in ("status", "gender", *goals))
        super().__init__("error.report.unknown_chart", chart=mask_text(repr(chart)), known=choices)


# ---------------------------------------------------------------------------------------
# Goals


_PERCENT_KINDS = (GoalKind.SHARE, GoalKind.CONVERSION)


def _hides(threshold: int | None, numerator: int | None, denominator: int | None) -> bool:
    """Whether a numerator/denominator pair describes too few persons to publish.

    The pair is a line "numerator + rest = denominator" (DOMAIN.md §6): any of the three
    from 1 to `threshold − 1` could identify someone, and hiding only one would let it be
    recovered from the other two, so all go.
    """
    if threshold is None or numerator is None or denominator is None:
        return False
    return any(0 < n < threshold for n in (numerator, denominator - numerator, denominator))


def _entry(result: Result, threshold: int | None) -> ResultEntry:
    parts = tuple(_entry(part, threshold) for part in result.parts)
    hide = _hides(threshold, result.numerator, result.denominator)
    combination = None if result.combination is None else Aggregation(result.combination)
    return ResultEntry(
        label=_safe(result.label),
        label_kind=result.label_kind,
        status=result.status,
        baseline_on=result.baseline_on,
        reason=result.reason,
        comparison=result.comparison,
        baseline=result.baseline,
        target=result.target,
        upper=result.upper,
        observed=None if hide else result.observed,
        observed_on=result.observed_on,
        expected=result.expected,
        gap=None if hide else result.gap,
        numerator=None if hide else result.numerator,
        denominator=None if hide else result.denominator,
        deadline=result.deadline,
        # A detail may carry counts ("women, 3 deltagare"): a hidden result drops it.
        detail="" if hide else _safe(result.detail),
        suppressed=hide,
        combination=combination,
        parts=parts,
    )


def _series(
    goal: Goal, data: FollowUpData, on: date, threshold: int | None
) -> tuple[SeriesPoint, ...]:
    """The observations of `goal`'s indicator up to `on`, as its judgement reads them (per
    cent for a percent goal); a share about too few persons is left out (DOMAIN.md §6)."""
    if goal.indicator is None:
        return ()
    percent = goal.unit is Unit.PERCENT or goal.kind is GoalKind.SHARE
    points: list[SeriesPoint] = []
    observation: Observation
    for observation in data.observed(goal.indicator):
        value = observation.quantity(percent)
        if (
            observation.dated > on
            or value is None
            or _hides(threshold, observation.numerator, observation.denominator)
        ):
            continue
        unit = None if observation.unit is None else _safe(observation.unit)
        points.append(SeriesPoint(unit=unit, on=observation.dated, value=value))
    return tuple(points)


def _goal(
    goal: Goal,
    assessment: GoalAssessment,
    threshold: int | None,
    series: tuple[SeriesPoint, ...] = (),
) -> GoalEntry:
    return GoalEntry(
        series=series,
        id=goal.id,
        text=" ".join(goal.text.split()),
        kind=goal.kind,
        status=assessment.status,
        reason=assessment.reason,
        percent=goal.unit is Unit.PERCENT or goal.kind in _PERCENT_KINDS,
        results=tuple(_entry(result, threshold) for result in assessment.results),
        stated_decimals=tuple(
            (Fraction(value), _places(value))
            for target in goal.targets
            for value in (target.value, target.upper)
            if value is not None
        ),
    )


def _places(value: Decimal) -> int:
    """How many decimals a stated number has ("21.0" has one, "22" none)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


# ---------------------------------------------------------------------------------------
# Participants: gender and mapping tables


_NO_OUTCOME = "inget utfall"


def _track(participant: Person) -> str:
    return _safe(cast(Participant, participant).track)


def _unit(participant: Person) -> str:
    unit = cast(Participant, participant).unit
    return UNKNOWN if unit is None else _safe(unit)


def _outcome(participant: Person) -> str:
    outcome = cast(Participant, participant).outcome
    return _NO_OUTCOME if outcome is None else outcome.value


def _dimensions(agreement: Agreement) -> tuple[Dimension, Dimension, Dimension]:
    # `dua.metrics.mapping` classifies records only through `Dimension.key`; its functions
    # are typed for `Person`, and a `Participant` has every attribute the keys below and
    # `mapping.sex()` read, so participants are passed through a `cast` (see
    # `_tabulate`). The key functions cast back to read the participant's fields.
    track = Dimension(
        name="jobbspår",
        label_en="track",
        key=_track,
        categories=tuple(t.id for t in agreement.tracks),
    )
    municipality = Dimension(
        name="kommun", label_en="municipality", key=_unit, labels_en={UNKNOWN: "unknown"}
    )
    outcome = Dimension(
        name="utfall",
        label_en="outcome",
        key=_outcome,
        # An A-kassa (not a positive outcome) gets a column only where a participant has it.
        categories=(*(o.value for o in Outcome if o.positive), _NO_OUTCOME),
        labels_en={**{o.value: o.label_en for o in Outcome}, _NO_OUTCOME: "no outcome"},
    )
    return track, municipality, outcome


def _tabulate(
    participants: Sequence[Participant], rows: Dimension, columns: Dimension, threshold: int | None
) -> CrossTable:
    # Participants stand in for persons here: see `_dimensions`.
    records = cast("list[Person]", list(participants))
    return cross_tabulate(records, rows, columns, threshold=threshold)


def _used(table: CrossTable) -> CrossTable:
    """`table` without rows that are all zero: tracks the agreement lists but nobody had
    started by the report's date. Zeros are never hidden and a zero row adds nothing to
    any column, so dropping it changes no other cell or its suppression."""
    keep = [r for r, total in enumerate(table.row_totals) if total.count > 0]
    if len(keep) == len(table.row_categories):
        return table
    return attrs.evolve(
        table,
        row_categories=tuple(table.row_categories[r] for r in keep),
        cells=tuple(table.cells[r] for r in keep),
        row_totals=tuple(table.row_totals[r] for r in keep),
    )


def _cells(table: CrossTable) -> Iterable[Cell]:
    for row in table.cells:
        yield from row
    yield from table.row_totals
    yield from table.column_totals
    yield table.total


def _gender_row(
    group: str | None,
    cells: Sequence[Cell],
    total: Cell,
    balanced: bool | None,
) -> GenderRow:
    women, men, unknown = cells
    known = women.count + men.count
    shown = not (women.suppressed or men.suppressed) and known > 0
    return GenderRow(
        group=group,
        women=women,
        men=men,
        unknown=unknown,
        total=total,
        women_share=Fraction(women.count, known) if shown else None,
        men_share=Fraction(men.count, known) if shown else None,
        balanced=balanced,
    )


def _gender(participants: Sequence[Participant], by_track: CrossTable) -> GenderSection:
    # The track × sex table's columns are exactly `mapping.sex()`'s: women, men, unknown.
    assert by_track.column_categories[:3] == ("kvinnor", "män", UNKNOWN)
    balances = gender_by_group(participants, key=lambda p: p.track)
    rows = tuple(
        _gender_row(
            category,
            by_track.cells[r][:3],
            by_track.row_totals[r],
            balances[category].balanced if category in balances else None,
        )
        for r, category in enumerate(by_track.row_categories)
    )
    total = _gender_row(
        None,
        by_track.column_totals[:3],
        by_track.total,
        gender_balance(participants).balanced,
    )
    return GenderSection(rows=rows, total=total)


# ---------------------------------------------------------------------------------------


def build_report(
    agreement: Agreement,
    data: FollowUpData,
    *,
    on: date,
    lang: str | None = None,
    suppress_below: int | None = None,
    sources: Iterable[str | os.PathLike[str]] = (),
) -> Report:
    """Build the follow-up report of `agreement` on `on` from its follow-up `data`.

    The report holds every goal's status with its numbers and drilldown
    ([`assess_agreement`][dua.metrics.goals.assess_agreement], DOMAIN.md §5), gender
    shares of participants per track and in total with the 40–60 % verdict
    ([`dua.metrics.gender`][dua.metrics.gender]), mapping tables of the participants by
    track × sex, municipality × sex and track × outcome
    ([`cross_tabulate`][dua.metrics.mapping.cross_tabulate]), and the consistency findings
    on the agreement's stated statistics
    ([`check_agreement`][dua.metrics.consistency.check_agreement], DOMAIN.md §6).

    Only participants who had started by `on` are counted, as goal attainment counts
    them. Counts are of participations: someone in two tracks counts in both. With
    `suppress_below=n`, table cells from 1 to n − 1 are hidden with secondary suppression
    (the mapping module's method), and so is every goal result whose numerator,
    denominator or their difference is from 1 to n − 1. The report's sources are
    `sources` (e.g. the agreement file), then the files `data` was read from
    (`FollowUpData.sources`), each once, as they should be printed. The date is an
    argument: nothing reads the clock. `lang` is the language the report renders in by
    default: `"sv"` or `"en"`, or `None` for the current setting of
    [`dua.i18n`][dua.i18n] (Swedish unless chosen otherwise).

    Raises:
        ValueError: `suppress_below` is below 1 or `lang` (or `DUA_LANG`) is neither
            `"sv"` nor `"en"`.

    >>> from dua import examples
    >>> from dua.io.followup import load_followup
    >>> report = build_report(examples.load("hallefors-2015"), load_followup("hallefors-2015"),
    ...                       on=date(2018, 1, 31), sources=["hallefors.toml"])
    >>> goal = report.goals[0]
    >>> goal.id, goal.status.label("en"), goal.results[0].observed
    ('ungdomsarbetsloshet', 'not attained', Fraction(7600, 363))
    >>> report.suppression.applied, report.sources[0], report.sources[1]
    (False, 'hallefors.toml', 'dua.examples.followup:hallefors-2015/observations.csv')
    """
    lang = i18n.get_language(lang)
    if suppress_below is not None and suppress_below < 1:
        raise ValueError(f"a suppression threshold is at least 1, got {suppress_below}")
    threshold = suppress_below
    goals = tuple(
        _goal(goal, assessment, threshold, _series(goal, data, on, threshold))
        for goal, assessment in zip(
            agreement.goals, assess_agreement(agreement, data, on), strict=True
        )
    )
    participants = [p for p in data.participants if p.start <= on]
    track, municipality, outcome = _dimensions(agreement)
    sex = sex_dimension()
    mapping: tuple[MappingTable, ...] = ()
    gender = GenderSection()
    count: Cell | None = None
    if participants:
        by_track = _used(_tabulate(participants, track, sex, threshold))
        mapping = (
            MappingTable(id="track-sex", table=by_track),
            MappingTable(
                id="municipality-sex",
                table=_used(_tabulate(participants, municipality, sex, threshold)),
            ),
            MappingTable(
                id="track-outcome",
                table=_used(_tabulate(participants, track, outcome, threshold)),
            ),
        )
        gender = _gender(participants, by_track)
        count = by_track.total
    hidden_cells = sum(cell.suppressed for entry in mapping for cell in _cells(entry.table))
    hidden_results = sum(
        entry.suppressed for goal in goals for _, entry in goal.rows()
    )  # fmt: skip
    return Report(
        agreement=AgreementInfo.of(agreement),
        on=on,
        lang=lang,
        sources=tuple(dict.fromkeys(_safe(os.fspath(s)) for s in (*sources, *data.sources))),
        synthetic=data.synthetic,
        suppression=Suppression(
            threshold=threshold, hidden_cells=hidden_cells, hidden_results=hidden_results
        ),
        participants=count,
        goals=goals,
        gender=gender,
        mapping=mapping,
        findings=tuple(check_agreement(agreement)),
    )
