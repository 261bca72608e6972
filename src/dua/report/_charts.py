"""The report's charts (issue 12, item 1): figures drawn by [`dua.charts`][dua.charts] from
the report's own results, and their HTML, inline SVG in a `<figure>` with a caption and a
text alternative, beside the tables that hold the same numbers.

Without matplotlib (the `plot` extra) the HTML report carries one line saying how to get
the charts, and nothing else changes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from html import escape
from typing import TYPE_CHECKING

from dua import charts
from dua.errors import mask_text
from dua.i18n import text
from dua.metrics.goals import LabelKind
from dua.report import _text as t

# The report's types, for annotations only (see dua/report/_html.py).
if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from dua.report._build import GoalEntry, Report, ResultEntry


def _word(key: str, lang: str, **values: object) -> str:
    # The words of the report's charts are in the one message catalogue (dua.i18n).
    return text(f"report.chart.{key}", lang, **values)


def _e(text: str) -> str:
    return escape(mask_text(text), quote=True)


def _name(lang: str) -> Callable[[charts.ResultLike], str]:
    """How a chart titles a unit or a target: as the report's tables label it."""

    def name(result: charts.ResultLike) -> str:
        kind = result.label_kind
        if kind is LabelKind.TOTAL:
            return t.word("total", lang)
        return t.label(result.label, lang, kind if isinstance(kind, LabelKind) else LabelKind.TEXT)

    return name


# ---------------------------------------------------------------------------------------
# Figures (also `Report.plot` and `GoalEntry.plot`)


def goal_figure(goal: GoalEntry, lang: str) -> Figure:
    """`goal` as a chart, labelled in `lang`."""
    return charts.goal_figure(
        goal.results,
        title=_word("goal_title", lang, goal=goal.id),
        percent=goal.percent,
        lang=lang,
        series=goal.series,
        name=_name(lang),
    )


def status_figure(report: Report, lang: str) -> Figure:
    """Every goal's status."""
    return charts.status_figure([(goal.id, goal.status) for goal in report.goals], lang=lang)


def gender_figure(report: Report, lang: str) -> Figure:
    """The share of women per track against the report's band."""
    rows = [(row.group or "", row.women_share) for row in report.gender.rows]
    if report.gender.total is not None:
        rows.append((t.word("all", lang), report.gender.total.women_share))
    return charts.gender_figure(
        rows, lower=report.gender.lower * 100, upper=report.gender.upper * 100, lang=lang
    )


# ---------------------------------------------------------------------------------------
# HTML


def _figure_html(ident: str, svg: str, caption: str) -> str:
    return (
        f'<figure class="chart" id="{ident}">{svg}<figcaption>{_e(caption)}</figcaption></figure>'
    )


def _result_text(entry: ResultEntry, goal: GoalEntry, lang: str) -> str:
    label = t.label(entry.label, lang, entry.label_kind) or "–"
    parts = [f"{label}: {t.result_status(entry, lang)}"]
    if entry.baseline is not None:
        parts.append(f"{t.word('baseline', lang)} {t.optional(entry.baseline, lang, goal.percent)}")
    if entry.target is not None:
        decimals = goal.decimals_for(entry.target)
        parts.append(f"{t.word('target', lang)} {t.target(entry, lang, goal.percent, decimals)}")
    if entry.observed is not None:
        parts.append(f"{t.word('observed', lang)} {t.optional(entry.observed, lang, goal.percent)}")
    return ", ".join(parts)


def _goal_description(goal: GoalEntry, lang: str) -> str:
    lines = [f"{_word('goal_title', lang, goal=goal.id)}: {t.status_line(goal, lang)}."]
    if goal.series:
        days = sorted(point.on for point in goal.series)
        lines.append(
            _word(
                "observed_series",
                lang,
                count=len(goal.series),
                first=days[0].isoformat(),
                last=days[-1].isoformat(),
            )
            + "."
        )
    lines.extend(_result_text(entry, goal, lang) + "." for _, entry in goal.rows())
    return " ".join(lines)


def _per_unit(goal: GoalEntry) -> bool:
    return any(entry.label_kind is LabelKind.UNIT for _, entry in goal.rows())


class ReportCharts:
    """The HTML of a report's charts in one language, drawn once: `note` (the one line
    shown instead when matplotlib is missing), `overview` (every goal's status), `goal(id)`
    and `gender`. Each is `""` when there is nothing to show."""

    def __init__(self, report: Report, lang: str) -> None:
        self.report = report
        self.lang = lang
        self.available = charts.available()

    @cached_property
    def note(self) -> str:
        """One line saying how to get the charts, when they cannot be drawn."""
        if self.available:
            return ""
        text = _word("missing", self.lang, install="")
        return f'<p class="note charts-missing">{_e(text)}<code>{_e(charts.PLOT_EXTRA)}</code></p>'

    @cached_property
    def overview(self) -> str:
        """The status overview of all goals."""
        if not self.available or not self.report.goals:
            return ""
        svg = charts.to_svg(
            status_figure(self.report, self.lang),
            title=t.word("summary", self.lang),
            description=" ".join(
                f"{_word('goal_title', self.lang, goal=goal.id)}: {t.status_line(goal, self.lang)}."
                for goal in self.report.goals
            ),
            ident="chart-status",
        )
        return _figure_html("figure-status", svg, _word("status_caption", self.lang))

    def goal(self, goal: GoalEntry) -> str:
        """The chart of one goal, or `""` when it has no result to draw."""
        if not self.available or not goal.results:
            return ""
        ident = f"chart-goal-{goal.id}"
        svg = charts.to_svg(
            goal_figure(goal, self.lang),
            title=_word("goal_title", self.lang, goal=goal.id),
            description=_goal_description(goal, self.lang),
            ident=ident,
        )
        per_unit = _word("per_unit", self.lang) if _per_unit(goal) else ""
        caption = _word("goal_caption", self.lang, goal=goal.id, per_unit=per_unit)
        return _figure_html(f"figure-goal-{goal.id}", svg, caption)

    @cached_property
    def gender(self) -> str:
        """The share of women per track against the 40–60 % band."""
        report = self.report
        if not self.available or report.gender.total is None:
            return ""
        lower, upper = t.bounds(report, self.lang)
        rows = [*report.gender.rows, report.gender.total]
        names = [t.label(row.group or "", self.lang, LabelKind.TEXT) for row in report.gender.rows]
        names.append(t.word("all", self.lang))
        description = " ".join(
            f"{name}: "
            + (
                _word("hidden", self.lang)
                if row.women_share is None
                else _word("share", self.lang, share=t.share(row.women_share, self.lang))
            )
            + f", {t.verdict(row.balanced, self.lang)}."
            for name, row in zip(names, rows, strict=True)
        )
        svg = charts.to_svg(
            gender_figure(report, self.lang),
            title=t.word("gender_caption", self.lang),
            description=description,
            ident="chart-gender",
        )
        caption = _word("gender_caption", self.lang, lower=lower, upper=upper)
        return _figure_html("figure-gender", svg, caption)
