"""The report as one self-contained HTML file: inline CSS, no scripts, no external assets."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING

from dua.errors import mask_text
from dua.metrics.goals import LabelKind, Status
from dua.metrics.mapping import CrossTable
from dua.report import _text as t
from dua.report._charts import ReportCharts

# The report's types, for annotations only: the report (`_build`) shows itself in a
# notebook with the HTML renderer, so the renderers must not import it at run time.
if TYPE_CHECKING:
    from dua.report._build import GenderRow, GoalEntry, MappingTable, Report

# Colours are a second channel only: every status is also written out in words, and each
# pair of text and background colour has a contrast ratio above 7:1 (WCAG 2.1 AAA).
_CSS = """
:root { color: #1a1a1a; background: #ffffff; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       line-height: 1.45; max-width: 72rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.5rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
blockquote { margin: 0.5rem 0; padding: 0.25rem 0.75rem; border-left: 4px solid #595959; }
table { border-collapse: collapse; margin: 0.75rem 0 1.25rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; caption-side: top; }
th, td { border: 1px solid #595959; padding: 0.25rem 0.5rem; vertical-align: top; }
thead th { background: #e6e6e6; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th[scope="row"] { text-align: left; font-weight: normal; }
tr.total th, tr.total td { font-weight: 700; }
.depth-1 { padding-left: 1.5rem; } .depth-2 { padding-left: 2.5rem; }
.depth-3 { padding-left: 3.5rem; }
.status { font-weight: 700; padding: 0 0.3rem; border-radius: 0.2rem; white-space: nowrap; }
.status-attained { color: #0b3d0b; background: #dff0d8; }
.status-not-attained { color: #5c0a0a; background: #f8dcdc; }
.status-on-track { color: #0a2f5c; background: #dbe9f8; }
.status-off-track { color: #4d3300; background: #fbecc8; }
.status-not-assessable { color: #1a1a1a; background: #ececec; }
dl.about { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
dl.about dt { font-weight: 700; } dl.about dd { margin: 0; }
.note { color: #333333; }
figure.chart { margin: 0.75rem 0; break-inside: avoid; }
figure.chart figcaption { font-size: 0.9rem; color: #333333; }
@media print {
  :root { font-size: 10pt; }
  body { max-width: none; margin: 0; }
  h2 { break-after: avoid; } table, blockquote { break-inside: avoid; }
  .status { border: 1px solid #1a1a1a; background: none; color: #000000; }
}
"""

_STATUS_CLASS = {
    Status.ATTAINED: "status-attained",
    Status.NOT_ATTAINED: "status-not-attained",
    Status.ON_TRACK: "status-on-track",
    Status.OFF_TRACK: "status-off-track",
    Status.NOT_ASSESSABLE: "status-not-assessable",
}


def _e(text: str) -> str:
    # Masked before escaping, so that an entity can never split a number from the mask.
    return escape(mask_text(text), quote=True)


def _status(status: Status, text: str) -> str:
    return f'<span class="status {_STATUS_CLASS[status]}">{_e(text)}</span>'


def _head(columns: Sequence[str]) -> str:
    cells = "".join(f'<th scope="col">{_e(c)}</th>' for c in columns)
    return f"<thead><tr>{cells}</tr></thead>"


def _num(text: str) -> str:
    return f'<td class="num">{_e(text)}</td>'


def _goal(goal: GoalEntry, lang: str, chart: str = "") -> list[str]:
    out = [
        f'<section class="goal" id="goal-{_e(goal.id)}">',
        f"<h3>{_e(goal.id)}: {_status(goal.status, t.status_line(goal, lang))}</h3>",
        f"<blockquote>{_e(goal.text)}</blockquote>",
        f"<p>{_e(t.word('kind', lang))}: {_e(goal.kind.label(lang))}</p>",
    ]
    if chart:  # the goal's chart (issue 12, item 1), just above its table
        out.append(chart)
    if goal.results:
        out.append("<table>")
        out.append(f"<caption>{_e(t.word('drilldown', lang, goal=goal.id))}</caption>")
        out.append(
            _head(
                [
                    t.word("part", lang),
                    t.word("status", lang),
                    t.word("baseline", lang),
                    t.word("target", lang),
                    t.word("observed", lang),
                    t.word("expected", lang),
                    t.word("gap", lang),
                    t.word("basis", lang),
                    t.word("note", lang),
                ]
            )
        )
        out.append("<tbody>")
        for depth, entry in goal.rows():
            label = t.label(entry.label, lang, entry.label_kind) or "–"
            out.append(
                "<tr>"
                f'<th scope="row" class="depth-{min(depth, 3)}">{_e(label)}</th>'
                f"<td>{_status(entry.status, t.result_status(entry, lang))}</td>"
                + _num(t.optional(entry.baseline, lang, goal.percent))
                + _num(t.target(entry, lang, goal.percent, goal.decimals_for(entry.target)))
                + _num(t.optional(entry.observed, lang, goal.percent))
                + _num(t.optional(entry.expected, lang, goal.percent))
                + _num(t.gap(entry, lang, goal.percent))
                + _num(t.basis(entry, lang))
                + f'<td class="note">{_e(t.note(entry, lang))}</td>'
                "</tr>"
            )
        out.append("</tbody></table>")
    out.append("</section>")
    return out


def _gender_row(row: GenderRow, name: str, lang: str, total: bool = False) -> str:
    values = [
        t.cell(row.women, lang),
        t.cell(row.men, lang),
        t.cell(row.unknown, lang),
        t.cell(row.total, lang),
        t.share(row.women_share, lang),
        t.share(row.men_share, lang),
    ]
    css = ' class="total"' if total else ""
    return (
        f'<tr{css}><th scope="row">{_e(name)}</th>'
        + "".join(_num(v) for v in values)
        + f"<td>{_e(t.verdict(row.balanced, lang))}</td></tr>"
    )


def _mapping(entry: MappingTable, lang: str) -> list[str]:
    table: CrossTable = entry.table
    total_word = t.word("total", lang)
    corner = f"{table.rows.label(lang)} / {table.columns.label(lang)}"
    columns = [t.category(table.columns, c, lang) for c in table.column_categories]
    out = [f'<table id="table-{_e(entry.id)}">', f"<caption>{_e(entry.caption(lang))}</caption>"]
    out.append(_head([corner, *columns, total_word]))
    out.append("<tbody>")

    def line(name: str, cells: Sequence[str], total: bool = False) -> str:
        css = ' class="total"' if total else ""
        return (
            f'<tr{css}><th scope="row">{_e(name)}</th>' + "".join(_num(c) for c in cells) + "</tr>"
        )

    for r, category in enumerate(table.row_categories):
        name = t.category(table.rows, category, lang)
        cells = [t.cell(c, lang) for c in (*table.cells[r], table.row_totals[r])]
        out.append(line(name, cells))
    margin = [t.cell(c, lang) for c in (*table.column_totals, table.total)]
    out.append(line(total_word, margin, total=True))
    out.append("</tbody></table>")
    return out


def render_fragment(report: Report, lang: str | None = None) -> str:
    """The report's body as an HTML fragment (no `<html>` or styles), e.g. for a notebook."""
    lang = t.language(report, lang)
    info = report.agreement
    # Charts (issue 12, item 1): inline SVG figures from dua.report._charts, or one line on
    # how to get them; each is "" where there is nothing to show.
    charts = ReportCharts(report, lang)
    out = [f'<article class="dua-report" lang="{lang}">']
    out.append(f"<h1>{_e(t.word('title', lang))}: {_e(info.title)}</h1>")
    out.append(f'<section id="about"><h2>{_e(t.word("about", lang))}</h2><dl class="about">')
    for heading, text in t.about(report, lang):
        out.append(f"<dt>{_e(heading)}</dt><dd>{_e(text)}</dd>")
    out.append("</dl>")
    out.append(f"<p>{_e(t.word('about_numbers', lang))}</p></section>")

    out.append(f'<section id="summary"><h2>{_e(t.word("summary", lang))}</h2>')
    if charts.note:
        out.append(charts.note)
    if report.goals:
        out.append(f"<table><caption>{_e(t.word('summary', lang))}</caption>")
        out.append(
            _head([t.word("goal", lang), t.word("kind", lang).lower(), t.word("status", lang)])
        )
        out.append("<tbody>")
        for goal in report.goals:
            out.append(
                f'<tr><th scope="row"><a href="#goal-{_e(goal.id)}">{_e(goal.id)}</a></th>'
                f"<td>{_e(goal.kind.label(lang))}</td>"
                f"<td>{_status(goal.status, t.status_line(goal, lang))}</td></tr>"
            )
        out.append("</tbody></table>")
        if charts.overview:
            out.append(charts.overview)
        out.append("</section>")
        out.append(f'<section id="goals"><h2>{_e(t.word("goals", lang))}</h2>')
        for goal in report.goals:
            out.extend(_goal(goal, lang, charts.goal(goal)))
        out.append("</section>")
    else:
        out.append(f"<p>{_e(t.word('no_goals', lang))}</p></section>")

    out.append(f'<section id="gender"><h2>{_e(t.word("gender", lang))}</h2>')
    if report.gender.total is None:
        out.append(f"<p>{_e(t.word('no_participants', lang, on=report.on.isoformat()))}</p>")
    else:
        lower, upper = t.bounds(report, lang)
        out.append(f"<p>{_e(t.word('gender_intro', lang, lower=lower, upper=upper))}</p>")
        out.append(f"<table><caption>{_e(t.word('gender_caption', lang))}</caption>")
        out.append(
            _head(
                [
                    t.word("track", lang),
                    t.word("women", lang),
                    t.word("men", lang),
                    t.word("unknown", lang),
                    t.word("total", lang),
                    t.word("women_share", lang),
                    t.word("men_share", lang),
                    t.word("verdict", lang),
                ]
            )
        )
        out.append("<tbody>")
        for row in report.gender.rows:
            out.append(_gender_row(row, t.label(row.group or "", lang, LabelKind.TEXT), lang))
        out.append(_gender_row(report.gender.total, t.word("all", lang), lang, total=True))
        out.append("</tbody></table>")
        if charts.gender:
            out.append(charts.gender)
    out.append("</section>")

    out.append(f'<section id="mapping"><h2>{_e(t.word("mapping", lang))}</h2>')
    if not report.mapping:
        out.append(f"<p>{_e(t.word('no_participants', lang, on=report.on.isoformat()))}</p>")
    else:
        out.append(f"<p>{_e(t.word('mapping_intro', lang, on=report.on.isoformat()))}</p>")
        for entry in report.mapping:
            out.extend(_mapping(entry, lang))
    out.append("</section>")

    out.append(f'<section id="findings"><h2>{_e(t.word("findings", lang))}</h2>')
    if not report.findings:
        out.append(f"<p>{_e(t.word('no_findings', lang))}</p>")
    else:
        out.append(f"<table><caption>{_e(t.word('findings', lang))}</caption>")
        out.append(
            _head(
                [
                    t.word("where", lang),
                    t.word("finding", lang),
                    t.word("stated", lang),
                    t.word("follows", lang),
                ]
            )
        )
        out.append("<tbody>")
        for finding in report.findings:
            out.append(
                f'<tr><th scope="row"><code>{_e(finding.path)}</code></th>'
                f"<td>{_e(finding.kind.label(lang))}</td><td>{_e(finding.stated)}</td>"
                f"<td>{_e(finding.follows)}</td></tr>"
            )
        out.append("</tbody></table>")
    out.append("</section></article>")
    # The privacy boundary: nothing shaped like an identity number leaves (DOMAIN.md §7).
    return mask_text("\n".join(out))


def render_html(report: Report, lang: str | None = None) -> str:
    """The report as one self-contained HTML5 file in Swedish (default) or English.

    Inline CSS only: no scripts, fonts, images or links to other files, so it can be
    mailed or archived as it is. It prints cleanly (`@media print`), every table has a
    `<caption>` and `<th scope>` headers, `<html lang>` names the language, colours keep a
    contrast above 7:1, and every status is written out in words (colour only repeats it).
    """
    lang = t.language(report, lang)
    title = f"{t.word('title', lang)}: {report.agreement.title} ({report.on.isoformat()})"
    return mask_text(
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{render_fragment(report, lang)}\n</body>\n</html>\n"
    )
