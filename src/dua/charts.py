"""Charts of goals, statuses and gender shares, drawn with matplotlib (the `plot` extra).

Install the extra with `pip install 'dua-samverkan[plot]'`. Three charts, each drawn from
the same results the report's tables show (nothing is computed again here):

- [`goal_figure`][dua.charts.goal_figure]: one goal's observed series, its baseline, each
  target and the straight line from the baseline to it, with the observation that decided
  the status marked in the status's colour and shape; one panel per unit when the goal is
  judged per municipality (or per track), with a panel for the total where there is one;
- [`status_figure`][dua.charts.status_figure]: every goal of an agreement with its status,
  written out in words;
- [`gender_figure`][dua.charts.gender_figure]: the share of women per track against the
  band of *jämn könsfördelning* (40–60 %).

Each returns a `matplotlib.figure.Figure` made without `pyplot` (no global state, no
window): a notebook shows it, `fig.savefig("goal.png")` writes it, and
[`to_svg`][dua.charts.to_svg] turns it into inline, accessible SVG (a `<title>`, a `<desc>`,
`role="img"`) whose bytes are the same on every run, as the HTML report embeds it.

Most users reach these through `.plot()`:
[`GoalAssessment.plot`][dua.metrics.goals.GoalAssessment.plot] and
[`Report.plot`][dua.report.Report.plot]. Status is never shown by colour alone: each status
has its own marker shape, and the status overview writes it out.

>>> available()
True
"""

from __future__ import annotations

import importlib
import io
import math
import re
from collections.abc import Callable, Sequence
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from dua.errors import MissingExtraError, mask_text
from dua.i18n import text
from dua.municipalities import by_code, is_municipality_code

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "PLOT_EXTRA",
    "STATUS_COLOURS",
    "STATUS_MARKERS",
    "ResultLike",
    "SeriesPoint",
    "available",
    "gender_figure",
    "goal_figure",
    "status_figure",
    "to_svg",
]

PLOT_EXTRA = "pip install 'dua-samverkan[plot]'"
"""The command that installs what drawing charts needs (matplotlib)."""

# The Okabe–Ito palette (distinguishable with the common colour-vision deficiencies), keyed
# by a status's name; each status also has a marker of its own, so colour is never the only
# channel.
STATUS_COLOURS: dict[str, str] = {
    "ATTAINED": "#009E73",
    "NOT_ATTAINED": "#D55E00",
    "ON_TRACK": "#0072B2",
    "OFF_TRACK": "#E69F00",
    "NOT_ASSESSABLE": "#8C8C8C",
}
"""The colour of each status (by the name of the [`Status`][dua.metrics.goals.Status])."""

STATUS_MARKERS: dict[str, str] = {
    "ATTAINED": "o",
    "NOT_ATTAINED": "X",
    "ON_TRACK": "^",
    "OFF_TRACK": "v",
    "NOT_ASSESSABLE": "s",
}
"""The matplotlib marker of each status (by the name of the status)."""

_INK = "#1a1a1a"
_GREY = "#595959"


class _Labelled(Protocol):
    """An enum member with a name and a label per language (a `LabelledEnum`)."""

    @property
    def name(self) -> str: ...

    def label(self, lang: str = "sv") -> str: ...


class ResultLike(Protocol):
    """What a chart reads from a result: a [`Result`][dua.metrics.goals.Result] of an
    assessment and a report's [`ResultEntry`][dua.report.ResultEntry] both have it."""

    @property
    def label(self) -> str: ...
    @property
    def label_kind(self) -> _Labelled: ...
    @property
    def status(self) -> _Labelled: ...
    @property
    def baseline(self) -> Fraction | None: ...
    @property
    def baseline_on(self) -> date | None: ...
    @property
    def target(self) -> Fraction | None: ...
    @property
    def deadline(self) -> date | None: ...
    @property
    def observed(self) -> Fraction | None: ...
    @property
    def observed_on(self) -> date | None: ...
    @property
    def parts(self) -> Sequence[ResultLike]: ...


@attrs.frozen(kw_only=True)
class SeriesPoint:
    """One observation of a goal's indicator: `unit` (`None`: the whole agreement), the date
    it describes (`on`) and its value in the goal's unit (per cent for a percent goal)."""

    unit: str | None
    on: date
    value: Fraction


def available() -> bool:
    """Whether matplotlib (the `plot` extra) is installed, so that charts can be drawn."""
    try:
        importlib.import_module("matplotlib")
    except ImportError:
        return False
    return True


def _figure(
    width: float,
    height: float,
    *,
    left: float,
    right: float = 0.2,
    top: float = 0.45,
    bottom: float = 0.5,
    gap: tuple[float, float] = (0.0, 0.0),
) -> Figure:
    """A figure `width` × `height` inches with margins and gaps between panels given in
    inches. Margins are set, not computed: matplotlib's automatic layouts draw a figure
    several times and would double the time a report takes."""
    if not available():
        raise MissingExtraError("error.extra.charts", PLOT_EXTRA)
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    figure.subplots_adjust(
        left=left / width,
        right=1 - right / width,
        top=1 - top / height,
        bottom=bottom / height,
        wspace=gap[0],
        hspace=gap[1],
    )
    return figure


def _word(key: str, lang: str) -> str:
    # The words of the charts are in the one message catalogue (dua.i18n).
    return text(f"chart.{key}", "en" if lang == "en" else "sv")


def _number(value: float, lang: str, percent: bool) -> str:
    text = f"{value:.10g}"
    if lang != "en":
        text = text.replace(".", ",").replace("-", "−")
    return f"{text} %" if percent else text


def _default_name(result: ResultLike, lang: str) -> str:
    """A result's label: a unit that is a municipality code with the municipality's name."""
    if result.label_kind.name == "UNIT" and is_municipality_code(result.label):
        return f"{by_code(result.label).name} ({result.label})"
    if result.label_kind.name == "TOTAL":
        return _word("total", lang)
    return result.label


def _panels(results: Sequence[ResultLike]) -> list[tuple[ResultLike | None, list[ResultLike]]]:
    """The panels of a goal chart: one per unit (with the unit's result for each target)
    when the goal is judged per unit, else one panel with every target's result. Each panel
    is keyed by a result naming it (`None` for the single panel)."""
    keys: dict[str, ResultLike] = {}
    panels: dict[str, list[ResultLike]] = {}
    single: list[ResultLike] = []
    for result in results:
        units = [p for p in result.parts if p.label_kind.name in ("UNIT", "TOTAL")]
        if not units:
            single.append(result)
            continue
        if result.observed is not None:
            # The total is the target's own result (aggregation TOTAL): a panel of its own.
            keys.setdefault("", result)
            panels.setdefault("", []).append(result)
        for part in units:
            name = "" if part.label_kind.name == "TOTAL" else part.label
            keys.setdefault(name, part)
            panels.setdefault(name, []).append(part)
    out: list[tuple[ResultLike | None, list[ResultLike]]] = []
    if single:
        out.append((None, single))
    # Units in the order of the results, the total last.
    out.extend((keys[name], panels[name]) for name in panels if name)
    if "" in panels:
        out.append((keys[""], panels[""]))
    return out


_EPOCH = date(1970, 1, 1)


def _x(day: date) -> float:
    """A date as matplotlib places it: days since its default epoch, 1970-01-01."""
    return float((day - _EPOCH).days)


def goal_figure(
    results: Sequence[ResultLike],
    *,
    title: str,
    percent: bool = False,
    lang: str = "sv",
    series: Sequence[SeriesPoint] = (),
    name: Callable[[ResultLike], str] | None = None,
) -> Figure:
    """One goal as a chart: per panel, the observed series (a grey line), the baseline (a
    diamond), each target (a star, labelled) with the dashed straight line from the baseline
    to it, and each result's observation marked with its status's colour and shape.

    - `results`: the goal's results (a goal assessment's or a report entry's `results`);
    - `percent`: whether the values are per cent (the y axis says so);
    - `series`: observations of the goal's indicator, by unit (see
      [`SeriesPoint`][dua.charts.SeriesPoint]);
    - `name`: how a unit or target is titled (default: a municipality code with the
      municipality's name).

    Numbers on the axes are written the `lang` way (a decimal comma in Swedish). Every text
    is masked: nothing shaped like a personal identity number is drawn.
    """
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    panels = _panels(results)
    count = max(len(panels), 1)
    columns = min(count, 3)
    rows = math.ceil(count / columns)
    # Inches: each panel 3.2 × 1.9, with room for its title and slanted dates below it,
    # the values on the left, the figure's title on top and the legend at the bottom.
    panel_width, panel_height, side, under = 3.2, 1.9, 0.2, 0.75
    width = 0.75 + columns * panel_width + (columns - 1) * side + 0.2
    height = 0.45 + rows * panel_height + (rows - 1) * (under + 0.3) + under + 0.7
    fig = _figure(
        width,
        height,
        left=0.75,
        top=0.45 + 0.25,
        bottom=under + 0.7,
        gap=(side / panel_width, (under + 0.3) / panel_height),
    )
    fig.suptitle(mask_text(title), fontsize=11, ha="left", x=0.01)

    def titled(result: ResultLike) -> str:
        return mask_text(name(result) if name is not None else _default_name(result, lang))

    axes = fig.subplots(rows, columns, sharey=True, squeeze=False)
    used: set[str] = set()
    for index, ax in enumerate(axes.flat):
        if index >= len(panels):
            ax.set_visible(False)
            continue
        key, members = panels[index]
        unit = None if key is None or key.label_kind.name == "TOTAL" else key.label
        if key is not None:
            ax.set_title(titled(key), fontsize=9, loc="left")
        points = sorted((p.on, p.value) for p in series if p.unit == unit)
        if points:
            ax.plot(
                [_x(d) for d, _ in points],
                [float(v) for _, v in points],
                color=_GREY,
                linewidth=1.4,
                marker=".",
            )
            used.add("observed")
        drawn = bool(points)
        for result in members:
            drawn = _draw_result(ax, result, titled, used) or drawn
        if not drawn:
            ax.text(
                0.5, 0.5, _word("nothing", lang), ha="center", va="center", transform=ax.transAxes
            )
            ax.set_xticks([])
            continue
        # matplotlib.dates has no type information: reached through `Any`.
        mdates: Any = importlib.import_module("matplotlib.dates")
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=2, maxticks=5))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
        ax.tick_params(axis="x", labelsize=8, labelrotation=30)
        ax.tick_params(axis="y", labelsize=8)
        ax.yaxis.set_major_formatter(
            FuncFormatter(lambda value, _pos: _number(value, lang, percent))
        )
        ax.grid(True, color="#d9d9d9", linewidth=0.6)
        ax.set_axisbelow(True)

    handles: list[Any] = []
    if "observed" in used:
        handles.append(
            Line2D([], [], color=_GREY, marker=".", linewidth=1.4, label=_word("observed", lang))
        )
    if "baseline" in used:
        handles.append(
            Line2D([], [], color=_INK, marker="D", linestyle="none", label=_word("baseline", lang))
        )
    if "line" in used:
        handles.append(
            Line2D([], [], color=_INK, linestyle="--", linewidth=1, label=_word("line", lang))
        )
    if "target" in used:
        handles.append(
            Line2D(
                [],
                [],
                color=_INK,
                marker="*",
                markersize=11,
                linestyle="none",
                label=_word("target", lang),
            )
        )
    statuses: dict[str, str] = {}
    for _, members in panels:
        for result in members:
            if result.observed is not None and result.observed_on is not None:
                statuses.setdefault(result.status.name, result.status.label(lang))
    for status, status_label in statuses.items():
        handles.append(
            Line2D(
                [],
                [],
                color=STATUS_COLOURS.get(status, _GREY),
                marker=STATUS_MARKERS.get(status, "o"),
                markeredgecolor=_INK,
                linestyle="none",
                markersize=8,
                label=f"{_word('observed', lang)}: {status_label}",
            )
        )
    if handles:
        fig.legend(
            handles=handles,
            loc="lower center",
            ncols=min(len(handles), 3),
            fontsize=8,
            frameon=False,
        )
    return fig


def _draw_result(
    ax: Axes, result: ResultLike, titled: Callable[[ResultLike], str], used: set[str]
) -> bool:
    """Draw one result's baseline, line, target and observation; whether anything was."""
    drawn = False
    target_at = (
        (_x(result.deadline), float(result.target))
        if result.target is not None and result.deadline is not None
        else None
    )
    if result.baseline is not None and result.baseline_on is not None:
        start = (_x(result.baseline_on), float(result.baseline))
        ax.plot([start[0]], [start[1]], color=_INK, marker="D", markersize=5, linestyle="none")
        used.add("baseline")
        drawn = True
        if target_at is not None:
            ax.plot(
                [start[0], target_at[0]],
                [start[1], target_at[1]],
                color=_INK,
                linestyle="--",
                linewidth=1,
            )
            used.add("line")
    if target_at is not None:
        ax.plot(
            [target_at[0]], [target_at[1]], color=_INK, marker="*", markersize=11, linestyle="none"
        )
        if result.label_kind.name == "PERIOD":
            ax.annotate(
                mask_text(result.label),
                target_at,
                textcoords="offset points",
                xytext=(4, 4),
                fontsize=7,
                color=_INK,
            )
        used.add("target")
        drawn = True
    if result.observed is not None and result.observed_on is not None:
        status = result.status.name
        ax.plot(
            [_x(result.observed_on)],
            [float(result.observed)],
            color=STATUS_COLOURS.get(status, _GREY),
            marker=STATUS_MARKERS.get(status, "o"),
            markeredgecolor=_INK,
            markersize=8,
            linestyle="none",
        )
        drawn = True
    return drawn


def status_figure(
    goals: Sequence[tuple[str, _Labelled]], *, lang: str = "sv", title: str | None = None
) -> Figure:
    """Every goal's status at a glance: one row per goal (`goals`: pairs of a goal's id and
    its [`Status`][dua.metrics.goals.Status]), a box in the status's colour with the status
    written in it, so that the chart reads the same printed in black and white."""
    longest = max((len(f"{_word('goal', lang)} {goal}") for goal, _ in goals), default=4)
    left = 0.3 + 0.068 * longest
    fig = _figure(left + 4.2, 0.42 * max(len(goals), 1) + 0.8, left=left, bottom=0.15)
    ax = fig.add_subplot()
    ax.set_title(mask_text(title or _word("status", lang)), fontsize=11, loc="left")
    for row, (_goal, status) in enumerate(goals):
        y = len(goals) - 1 - row
        colour = STATUS_COLOURS.get(status.name, _GREY)
        ax.barh(y, 1, left=0, height=0.8, color=colour, alpha=0.35, edgecolor=_INK)
        ax.plot(
            [0.04],
            [y],
            marker=STATUS_MARKERS.get(status.name, "o"),
            color=colour,
            markeredgecolor=_INK,
            markersize=9,
            linestyle="none",
        )
        ax.text(0.09, y, mask_text(status.label(lang)), va="center", fontsize=9, color=_INK)
    ax.set_yticks(
        range(len(goals)),
        [mask_text(f"{_word('goal', lang)} {goal}") for goal, _ in reversed(goals)],
        fontsize=9,
    )
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.6, max(len(goals), 1) - 0.4)
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    return fig


def gender_figure(
    rows: Sequence[tuple[str, Fraction | None]],
    *,
    lower: Fraction = Fraction(40),
    upper: Fraction = Fraction(60),
    lang: str = "sv",
    title: str | None = None,
) -> Figure:
    """The share of women per track (`rows`: a track's name and its share of women as a
    fraction of 1, `None` where the counts are hidden or nobody's sex is known) against the
    band from `lower` to `upper` per cent (DOMAIN.md §6: 40–60 % is *jämn könsfördelning*).
    A share outside the band gets a hatched bar as well as another colour."""
    longest = max((len(track) for track, _ in rows), default=4)
    left = 0.3 + 0.068 * longest
    fig = _figure(left + 4.8, 0.45 * max(len(rows), 1) + 1.2, left=left, bottom=0.65)
    ax = fig.add_subplot()
    ax.set_title(mask_text(title or _word("gender", lang)), fontsize=11, loc="left")
    ax.axvspan(float(lower), float(upper), color="#cfe3f5", zorder=0, label=_word("band", lang))
    ax.axvline(50, color=_GREY, linewidth=0.8, linestyle=":")
    for row, (_track, share) in enumerate(rows):
        y = len(rows) - 1 - row
        if share is None:
            ax.text(1, y, _word("hidden", lang), va="center", fontsize=8, color=_INK)
            continue
        value = float(share * 100)
        inside = lower <= share * 100 <= upper
        ax.barh(
            y,
            value,
            height=0.6,
            color="#0072B2" if inside else "#E69F00",
            hatch=None if inside else "//",
            edgecolor=_INK,
            linewidth=0.6,
        )
        ax.text(
            min(value + 1, 92), y, _number(round(value, 1), lang, True), va="center", fontsize=8
        )
    ax.set_yticks(range(len(rows)), [mask_text(track) for track, _ in reversed(rows)], fontsize=9)
    ax.set_xlim(0, 100)
    ax.set_xlabel(_word("women", lang), fontsize=9)
    ax.tick_params(axis="x", labelsize=8)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    return fig


_ID = re.compile(r'\bid="([^"]+)"')
_DECIMALS = re.compile(r"(\d\.\d{3})\d+")
_HEADER = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)


def to_svg(figure: Figure, *, title: str, description: str, ident: str) -> str:
    """`figure` as an inline `<svg>` element for an HTML page, the same bytes on every run.

    - `title` and `description` become the SVG's `<title>` and `<desc>`, named by
      `aria-labelledby` with `role="img"`: what a screen reader reads instead of the picture;
    - `ident` prefixes every `id` in the SVG (matplotlib numbers them from 1 in every
      figure), so that several charts in one page never share a clip path or a marker.

    Text stays text (`svg.fonttype: none`: searchable, and drawn in the reader's font), no
    date or software version is written, and the hash salt is `ident`, so the output
    depends on the figure only. Coordinates keep three decimals, so that no run of digits
    in the drawing looks like an identity number to the privacy boundary. The SVG carries no
    `<style>` element (whose rules would reach the whole page): its width follows the page
    through the stylesheet of `dua` (`.dua figure.chart svg { max-width: 100%; height:
    auto }`).
    """
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": ident, "svg.fonttype": "none"}):
        figure.savefig(
            buffer,
            format="svg",
            metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
        )
    svg = _HEADER.sub("", buffer.getvalue(), count=1)
    # Coordinates to three decimals (a thousandth of a point): matplotlib writes up to six,
    # and "318.880625 1140" has the shape of an identity number, which the report's privacy
    # boundary would mask, breaking the drawing. Texts were masked before they were drawn.
    svg = _DECIMALS.sub(r"\1", svg)
    ids = set(_ID.findall(svg))
    if ids:
        pattern = re.compile(
            r'(\bid="|#)('
            + "|".join(re.escape(i) for i in sorted(ids, key=len, reverse=True))
            + r')(?=["\)])'
        )
        svg = pattern.sub(lambda m: f"{m.group(1)}{ident}-{m.group(2)}", svg)
    # matplotlib's one stylesheet in the drawing, `*{stroke-linejoin: round; stroke-linecap:
    # butt}`, would apply to the whole page the SVG sits in (and an embedding app's page):
    # it becomes the same two presentation attributes on the root, which the drawing
    # inherits. The width follows the page through dua's stylesheet (`figure.chart svg`).
    svg = _SVG_STYLE.sub("", svg)
    head = (
        f'<svg role="img" aria-labelledby="{ident}-title {ident}-desc" '
        'stroke-linejoin="round" stroke-linecap="butt"'
    )
    labels = (
        f'<title id="{ident}-title">{_escape(title)}</title>'
        f'<desc id="{ident}-desc">{_escape(description)}</desc>'
    )
    svg = re.sub(r"<svg\b([^>]*)>", lambda m: f"{head}{m.group(1)}>{labels}", svg, count=1)
    return mask_text(svg.strip())


_SVG_STYLE = re.compile(
    r'\s*<defs>\s*<style type="text/css">\*\{stroke-linejoin: round; stroke-linecap: butt\}'
    r"</style>\s*</defs>"
)


def _escape(text: str) -> str:
    from html import escape

    return escape(mask_text(text), quote=True)
