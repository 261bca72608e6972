"""The results of goal attainment: statuses, reasons, a result per judged part, an
assessment per goal, and how results combine (a conjunction)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, TypedDict

import attrs

from dua import _html, charts
from dua.i18n import get_language
from dua.metrics.goals._words import detail, fixed_label
from dua.metrics.numbers import format_number
from dua.model import Comparison, GoalKind, LabelledEnum

if TYPE_CHECKING:
    from matplotlib.figure import Figure


class Status(LabelledEnum):
    """The status of a goal, a target, a unit or a step."""

    ATTAINED = "uppnått", "attained"
    NOT_ATTAINED = "ej uppnått", "not attained"
    ON_TRACK = "i fas", "on track"
    OFF_TRACK = "ej i fas", "off track"
    NOT_ASSESSABLE = "kan inte bedömas", "not assessable"


class Reason(LabelledEnum):
    """Why something is not assessable."""

    NO_DATA = "underlag saknas", "no data"
    MISSING_UNIT = "underlag saknas för en enhet", "no data for a unit"
    MISSING_PERIOD = "period eller slutdatum saknas", "no period or deadline"
    ZERO_DENOMINATOR = "nämnaren är noll", "the denominator is zero"
    MISSING_BASELINE = "utgångsvärde saknas", "no baseline"
    NOT_SUMMABLE = (
        "andelar kan inte summeras utan täljare och nämnare",
        "shares cannot be summed without numerators and denominators",
    )
    NO_MEASURE = "inget mått för indikatorn", "no measure for the indicator"
    NO_TARGET = "inget mätbart mål", "no measurable target"
    QUALITATIVE = "kvalitativt mål", "qualitative goal"
    NOT_STARTED = "perioden har inte börjat", "the period has not started"
    NOT_DUE = "ännu inte mätbart", "not yet measurable"


_PENDING = (Reason.NOT_STARTED, Reason.NOT_DUE)


class LabelKind(LabelledEnum):
    """What a result's label names, so that a report shows it as what it is and never
    guesses from the text: a year such as "2021" is a period even though it is also the
    code of a municipality (Vansbro), and a unit "2021" is that municipality."""

    PERIOD = "period", "period"
    """A year, month, period or deadline ("2021", "2016-03", "tills vidare")."""
    UNIT = "enhet", "unit"
    """One unit the goal is judged for: a municipality code, a track, a body."""
    TOTAL = "totalt", "total"
    """The sum over the units ("totalt")."""
    STEP = "steg", "step"
    """A step of a conversion chain ("påbörjar jobbspår → reguljära studier")."""
    DIRECTION = "riktning", "direction"
    """The direction of a direction goal ("öka", "minska")."""
    TEXT = "text", "text"
    """Any other text (an indicator's name), shown as it is."""


@attrs.frozen(kw_only=True)
class Result:
    """The judgement of one thing: a target, a unit, a year, a conversion step.

    - `label`: what is judged ("2016", "0683", "påbörjar jobbspår → reguljära studier"),
      and `label_kind`: what the label names (a period, a unit, a step...), carried here
      so that a year is never shown as the municipality whose code it equals.
    - `baseline`, `target`, `upper`, `observed`: the numbers used, exact, in the indicator's
      unit (a relative target is given as the level it implies); `numerator` and
      `denominator` when the observation is a share or a sum of shares.
    - `expected`: the straight-line value on `observed_on`, when judged before the deadline.
    - `baseline_on`: the date the baseline describes, where the straight line to the target
      starts (`None` when the baseline is undated or not used).
    - `gap`: `observed − target` (negative: below the target).
    - `parts` and `combination`: the results this one combines, and how.
    """

    status: Status
    reason: Reason | None = None
    label: str = ""
    label_kind: LabelKind = LabelKind.TEXT
    unit: str | None = None
    comparison: Comparison | None = None
    baseline: Fraction | None = None
    target: Fraction | None = None
    upper: Fraction | None = None
    observed: Fraction | None = None
    observed_on: date | None = None
    numerator: int | None = None
    denominator: int | None = None
    expected: Fraction | None = None
    deadline: date | None = None
    detail: str = ""
    parts: tuple[Result, ...] = ()
    combination: str | None = None
    baseline_on: date | None = None

    @property
    def gap(self) -> Fraction | None:
        """Observed minus target, when both are known."""
        if self.observed is None or self.target is None:
            return None
        return self.observed - self.target

    def describe(self, lang: str | None = None, indent: int = 0) -> str:
        """This result and its parts as indented lines."""
        lang = get_language(lang)
        pad = "  " * indent
        status = self.status.label(lang)
        if self.reason is not None:
            status += f" ({self.reason.label(lang)})"
        numbers = []
        for name_sv, name_en, value in (
            ("utgångsvärde", "baseline", self.baseline),
            ("mål", "target", self.target),
            ("övre gräns", "upper", self.upper),
            ("utfall", "observed", self.observed),
            ("rak linje", "straight line", self.expected),
            ("skillnad", "gap", self.gap),
        ):
            if value is not None:
                name = name_en if lang == "en" else name_sv
                decimals = 0 if value.denominator == 1 else 1
                numbers.append(f"{name} {format_number(value, decimals, lang)}")
        if self.numerator is not None and self.denominator is not None:
            numbers.append(f"{self.numerator}/{self.denominator}")
        line = f"{pad}{self.label or '–'}: {status}"
        if numbers:
            line += " — " + ", ".join(numbers)
        if self.detail:
            line += f" [{self.detail}]"
        lines = [line]
        lines.extend(part.describe(lang, indent + 1) for part in self.parts)
        return "\n".join(lines)

    def __repr__(self) -> str:
        # A result over many units nests a result per unit; keep the repr to its outcome.
        reason = "" if self.reason is None else f", reason={self.reason.value!r}"
        return (
            f"Result(label={self.label!r}, status={self.status.value!r}{reason}, "
            f"parts={len(self.parts)})"
        )

    def _html_rows(self, depth: int = 0) -> list[tuple[object, ...]]:
        """This result and its parts as table rows (label indented by depth)."""

        def text(value: Fraction | None) -> str | None:
            if value is None:
                return None
            return format_number(value, 0 if value.denominator == 1 else 1, get_language())

        status = self.status.label()
        if self.reason is not None:
            status += f" ({self.reason.label()})"
        fraction = None
        if self.numerator is not None and self.denominator is not None:
            fraction = f"{self.numerator}/{self.denominator}"
        row: tuple[object, ...] = (
            _html.indent(fixed_label(self.label) or "–", depth), status, text(self.baseline),
            None if self.comparison is None else self.comparison.label(), text(self.target), text(self.observed), text(self.expected), text(self.gap),
            fraction, detail(self.detail) or None,
        )  # fmt: skip
        rows = [row]
        for part in self.parts:
            rows.extend(part._html_rows(depth + 1))
        return rows

    @staticmethod
    def _html_table(caption: _html.Label, results: Sequence[Result]) -> str:
        rows = [row for result in results for row in result._html_rows()]
        return _html.table(
            caption,
            [("Del", "Part"), "Status", ("Utgångsvärde", "Baseline"),
             ("Villkor", "Comparison"), ("Mål", "Target"), ("Utfall", "Observed"),
             ("Rak linje", "Straight line"), ("Skillnad", "Gap"),
             ("Täljare/nämnare", "Numerator/denominator"), ("Kommentar", "Detail")],
            rows,
            numeric=[2, 4, 5, 6, 7, 8],
        )  # fmt: skip

    def _repr_html_(self) -> str:
        """This result and its parts (units, years, steps) as a table, for notebooks."""
        return _html.block(Result._html_table(self.label or ("Resultat", "Results"), [self]))


class _Fields(TypedDict, total=False):
    """The fields of a `Result` besides its status and reason, passed on by name."""

    label: str
    label_kind: LabelKind
    unit: str | None
    comparison: Comparison | None
    baseline: Fraction | None
    baseline_on: date | None
    target: Fraction | None
    upper: Fraction | None
    observed: Fraction | None
    observed_on: date | None
    numerator: int | None
    denominator: int | None
    expected: Fraction | None
    deadline: date | None
    detail: str


@attrs.frozen(kw_only=True)
class GoalAssessment:
    """The status of one goal on a date, with one result per target (or step, or year)."""

    goal: str
    kind: GoalKind
    on: date
    status: Status
    reason: Reason | None = None
    results: tuple[Result, ...] = ()

    def describe(self, lang: str | None = None) -> str:
        """The assessment as text: the goal's status, then every result indented."""
        lang = get_language(lang)
        status = self.status.label(lang)
        if self.reason is not None:
            status += f" ({self.reason.label(lang)})"
        head = f"{self.goal} ({self.kind.label(lang)}), {self.on.isoformat()}: {status}"
        return "\n".join([head, *(r.describe(lang, 1) for r in self.results)])

    def __repr__(self) -> str:
        # The generated repr nests every target's per-unit results and runs to pages.
        reason = "" if self.reason is None else f", reason={self.reason.value!r}"
        return (
            f"GoalAssessment(goal={self.goal!r}, kind={self.kind.value!r}, "
            f"on={self.on.isoformat()!r}, status={self.status.value!r}{reason}, "
            f"results={len(self.results)})"
        )

    def _repr_html_(self) -> str:
        """The assessment for notebooks: the goal's status, then a table of every result
        with its numbers and the per-unit drill-down as indented rows (labels in the
        current language of [`dua.i18n`][dua.i18n])."""
        status = self.status.label()
        if self.reason is not None:
            status += f" ({self.reason.label()})"
        summary = _html.facts(
            (f"Mål {self.goal}: {status}", f"Goal {self.goal}: {status}"),
            [
                (("Mål", "Goal"), self.goal),
                (("Slag", "Kind"), self.kind.label()),
                (("Bedömt per", "Assessed on"), self.on.isoformat()),
                ("Status", status),
            ],
        )
        if not self.results:
            return _html.block(summary)
        return _html.block(summary, Result._html_table(("Resultat", "Results"), self.results))

    def plot(self, lang: str | None = None) -> Figure:
        """The assessment as a matplotlib `Figure` (needs the `plot` extra,
        `pip install 'dua-samverkan[plot]'`): per target its baseline, the straight line
        from it to the target, and the observation that was judged, marked with its
        status; one panel per unit when the goal is judged per municipality
        ([`dua.charts.goal_figure`][dua.charts.goal_figure]).

        An assessment keeps only the observations it judged; the whole observed series is
        on the report's chart ([`Report.plot`][dua.report.Report.plot]).

        Raises:
            dua.errors.MissingExtraError: matplotlib is not installed.
        """
        lang = get_language(lang)
        return charts.goal_figure(
            self.results,
            title=f"{'Goal' if lang == 'en' else 'Mål'} {self.goal}",
            percent=self.kind in (GoalKind.SHARE, GoalKind.CONVERSION),
            lang=lang,
        )


def combine(results: Sequence[Result]) -> tuple[Status, Reason | None]:
    """Combine results as a conjunction (module docstring): attained only if every result
    that is due is attained and none is pending.

    >>> combine([Result(status=Status.ATTAINED), Result(status=Status.NOT_ATTAINED)])
    (<Status.NOT_ATTAINED: 'ej uppnått'>, None)
    """
    if not results:
        return Status.NOT_ASSESSABLE, Reason.NO_DATA
    statuses = [r.status for r in results]
    if Status.NOT_ATTAINED in statuses:
        return Status.NOT_ATTAINED, None
    if Status.OFF_TRACK in statuses:
        return Status.OFF_TRACK, None
    for r in results:
        if r.status is Status.NOT_ASSESSABLE and r.reason not in _PENDING:
            return Status.NOT_ASSESSABLE, r.reason
    live = [r for r in results if r.status is not Status.NOT_ASSESSABLE]
    if not live:
        return Status.NOT_ASSESSABLE, results[0].reason
    if len(live) < len(results) or any(r.status is Status.ON_TRACK for r in live):
        return Status.ON_TRACK, None
    return Status.ATTAINED, None


def _combined(results: Sequence[Result], label: str, kind: LabelKind, combination: str) -> Result:
    status, reason = combine(results)
    return Result(
        status=status,
        reason=reason,
        label=label,
        label_kind=kind,
        parts=tuple(results),
        combination=combination,
    )
