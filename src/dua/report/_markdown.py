"""The report as Markdown, for pasting into minutes, wikis and e-mail."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dua.errors import mask_text
from dua.metrics.goals import LabelKind
from dua.report import _text as t

# The report's types, for annotations only: the report (`_build`) shows itself in a
# notebook with the HTML renderer, so the renderers must not import it at run time.
if TYPE_CHECKING:
    from dua.report._build import GenderRow, GoalEntry, Report


def _escape(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(
    header: Sequence[str], rows: Sequence[Sequence[str]], numeric: range | Sequence[int] = ()
) -> list[str]:
    align = ["---:" if i in numeric else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(_escape(h) for h in header) + " |"]
    lines.append("|" + "|".join(align) + "|")
    lines.extend("| " + " | ".join(_escape(c) or " " for c in row) + " |" for row in rows)
    return lines


def _goal(goal: GoalEntry, lang: str) -> list[str]:
    lines = [f"### {goal.id}: {t.status_line(goal, lang)}", ""]
    lines.append(f"> {_escape(goal.text)}")
    lines.append("")
    lines.append(f"{t.word('kind', lang)}: {goal.kind.label(lang)}")
    if not goal.results:
        return lines
    lines.append("")
    header = [
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
    rows = [
        [
            t.result_label(entry, depth, lang),
            t.result_status(entry, lang),
            t.optional(entry.baseline, lang, goal.percent),
            t.target(entry, lang, goal.percent, goal.decimals_for(entry.target)),
            t.optional(entry.observed, lang, goal.percent),
            t.optional(entry.expected, lang, goal.percent),
            t.gap(entry, lang, goal.percent),
            t.basis(entry, lang),
            t.note(entry, lang),
        ]
        for depth, entry in goal.rows()
    ]
    lines.extend(_table(header, rows, range(2, 8)))
    return lines


def _gender_cells(row: GenderRow, name: str, lang: str) -> list[str]:
    return [
        name,
        t.cell(row.women, lang),
        t.cell(row.men, lang),
        t.cell(row.unknown, lang),
        t.cell(row.total, lang),
        t.share(row.women_share, lang),
        t.share(row.men_share, lang),
        t.verdict(row.balanced, lang),
    ]


def render_markdown(report: Report, lang: str | None = None) -> str:
    """The report as Markdown in Swedish (the default) or English (`lang="en"`; by default
    the report's own language), with the same content in both.

    Numbers follow the language: "20,6 %" and "1 744" in Swedish, "20.6%" and "1,744" in
    English ([`dua.metrics.numbers`][dua.metrics.numbers], DOMAIN.md §6). Hidden counts
    print as `..`.
    """
    lang = t.language(report, lang)
    info = report.agreement
    lines = [f"# {t.word('title', lang)}: {_escape(info.title)}", ""]
    lines.append(f"## {t.word('about', lang)}")
    lines.append("")
    lines.extend(_table(["", ""], [list(row) for row in t.about(report, lang)]))
    lines.append("")
    lines.append(t.word("about_numbers", lang))

    lines.extend(["", f"## {t.word('summary', lang)}", ""])
    if report.goals:
        lines.extend(
            _table(
                [t.word("goal", lang), t.word("kind", lang).lower(), t.word("status", lang)],
                [[g.id, g.kind.label(lang), t.status_line(g, lang)] for g in report.goals],
            )
        )
        lines.extend(["", f"## {t.word('goals', lang)}"])
        for goal in report.goals:
            lines.append("")
            lines.extend(_goal(goal, lang))
    else:
        lines.append(t.word("no_goals", lang))

    lines.extend(["", f"## {t.word('gender', lang)}", ""])
    if report.gender.total is None:
        lines.append(t.word("no_participants", lang, on=report.on.isoformat()))
    else:
        lower, upper = t.bounds(report, lang)
        lines.extend([t.word("gender_intro", lang, lower=lower, upper=upper), ""])
        header = [
            t.word("track", lang),
            t.word("women", lang),
            t.word("men", lang),
            t.word("unknown", lang),
            t.word("total", lang),
            t.word("women_share", lang),
            t.word("men_share", lang),
            t.word("verdict", lang),
        ]
        rows = [
            _gender_cells(row, t.label(row.group or "", lang, LabelKind.TEXT), lang)
            for row in report.gender.rows
        ]
        rows.append(_gender_cells(report.gender.total, t.word("all", lang), lang))
        lines.extend(_table(header, rows, range(1, 7)))

    lines.extend(["", f"## {t.word('mapping', lang)}", ""])
    if not report.mapping:
        lines.append(t.word("no_participants", lang, on=report.on.isoformat()))
    else:
        lines.append(t.word("mapping_intro", lang, on=report.on.isoformat()))
        for entry in report.mapping:
            lines.extend(["", f"**{entry.caption(lang)}**", ""])
            lines.append(entry.table.render(lang=lang))

    lines.extend(["", f"## {t.word('findings', lang)}", ""])
    if not report.findings:
        lines.append(t.word("no_findings", lang))
    else:
        header = [
            t.word("where", lang),
            t.word("finding", lang),
            t.word("stated", lang),
            t.word("follows", lang),
            t.word("path", lang),
        ]
        rows = [
            [f.words or f.path, f.kind.label(lang), f.stated, f.follows, f"`{f.path}`"]
            for f in report.findings
        ]
        lines.extend(_table(header, rows))
    # The privacy boundary: nothing shaped like an identity number leaves (DOMAIN.md §7).
    return mask_text("\n".join(lines) + "\n")
