"""Follow-up reports: every goal's status with its numbers, gender shares, mapping tables
and consistency findings, for one agreement on one date, in Markdown, HTML or JSON.

[`build_report`][dua.report.build_report] computes a [`Report`][dua.report.Report] — a
typed, immutable object holding only aggregates (no participant keys, no personal
identity numbers, DOMAIN.md §7) — and the renderers turn it into text:

| format | function | for |
|---|---|---|
| `md` | [`render_markdown`][dua.report.render_markdown] | pasting into minutes, wikis, e-mail |
| `html` | [`render_html`][dua.report.render_html] | one self-contained, printable, accessible file |
| `json` | [`render_json`][dua.report.render_json] / [`to_json_text`][dua.report.to_json_text] | machines; schema in `dua/data/report.schema.json` |

Swedish is the default, English is available with `lang="en"`, and both say the same
things. Every report states the date it was computed for, the data files it used and the
suppression applied (DOMAIN.md §6: counts about few people can identify them).

>>> from datetime import date
>>> from dua import examples
>>> from dua.io.followup import load_followup
>>> report = build_report(examples.load("ggv-2016"), load_followup("ggv-2016"),
...                       on=date(2019, 1, 31))
>>> text = render(report, "md")
>>> print(text.splitlines()[0])
# Uppföljningsrapport: Bilaga 3, verksamhet som ska bedrivas i samverkan – Värnamo, Gislaved och Gnosjö
>>> "| Beräknad för | 2019-01-31 |" in text
True
"""

from __future__ import annotations

from dua.errors import DuaError, mask_package_reprs
from dua.report._build import (
    AgreementInfo,
    GenderRow,
    GenderSection,
    GoalEntry,
    MappingTable,
    Report,
    ResultEntry,
    Suppression,
    UnknownChartError,
    build_report,
)
from dua.report._html import render_fragment, render_html
from dua.report._json import json_schema, render_json, to_json_text
from dua.report._markdown import render_markdown

__all__ = [
    "FORMATS",
    "AgreementInfo",
    "GenderRow",
    "GenderSection",
    "GoalEntry",
    "MappingTable",
    "Report",
    "ResultEntry",
    "Suppression",
    "UnknownChartError",
    "UnknownReportFormatError",
    "build_report",
    "json_schema",
    "render",
    "render_fragment",
    "render_html",
    "render_json",
    "render_markdown",
    "to_json_text",
]

FORMATS = ("md", "html", "json")
"""The format names [`render`][dua.report.render] accepts (as `dua report --format`)."""


class UnknownReportFormatError(DuaError, ValueError):
    """A report format other than `md`, `html` or `json`."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"no report format {name!r}; use one of: {', '.join(FORMATS)}")


def render(report: Report, format: str = "md", lang: str | None = None) -> str:
    """The report as text in `format` (`"md"`, `"html"` or `"json"`), in `lang` (default:
    the language the report was built with). This is what `dua report --format` writes.

    Raises:
        UnknownReportFormatError: `format` is not one of [`FORMATS`][dua.report.FORMATS].
    """
    if format == "md":
        return render_markdown(report, lang)
    if format == "html":
        return render_html(report, lang)
    if format == "json":
        return to_json_text(report, lang)
    raise UnknownReportFormatError(format)


# Every class of the report shows itself only through the privacy boundary.
mask_package_reprs()
