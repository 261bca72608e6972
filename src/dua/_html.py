"""Small, accessible HTML tables for notebook display (`_repr_html_`).

Jupyter and other notebook front ends call an object's `_repr_html_()` and show the HTML
it returns instead of its `repr` (IPython's rich display protocol,
<https://ipython.readthedocs.io/en/stable/config/integrating.html>). The objects of `dua`
build that HTML with these helpers, which sit at the bottom of the layering: this module
imports nothing from `dua` but the privacy boundary (`dua._privacy`) and the language
setting (`dua.i18n`), so the model, the rules and the metrics can all use it.

What every table gets (following the W3C Web Accessibility Initiative's table tutorial,
<https://www.w3.org/WAI/tutorials/tables/>):

- a `<caption>` that says what the table is;
- a `<thead>` whose header cells are `<th scope="col">`, and a first column of row headers
  `<th scope="row">`, so that a screen reader announces each value with its row and column;
- numbers right-aligned (columns named in `numeric`), text left-aligned;
- a short inline `style` only: no stylesheet, no external asset, no script, no link.

A label given as a pair `(swedish, english)` shows the text in the current language
([`dua.i18n`][dua.i18n]: Swedish unless English is chosen) with the other one as its
`title` attribute (a tooltip); the whole block is marked with that language (`lang="sv"`).

Every text is masked ([`dua.errors.mask_text`][dua.errors.mask_text]: nothing shaped like a
personal identity number is shown) and escaped: a title such as `<script>` shows as text
and never runs.

>>> print(table("Parter", ["Part", ("Antal", "Count")], [["A & B", 2]], numeric=[1]))
<table style="border-collapse:collapse;margin:0.4em 0"><caption style="text-align:left;font-weight:bold">Parter</caption><thead><tr><th scope="col" style="text-align:left">Part</th><th scope="col" title="Count" style="text-align:right">Antal</th></tr></thead><tbody><tr><th scope="row" style="text-align:left">A &amp; B</th><td style="text-align:right">2</td></tr></tbody></table>
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Collection, Iterable, Sequence
from decimal import Decimal

from dua._privacy import mask_text
from dua.i18n import get_language, text

__all__ = [
    "Label",
    "Markup",
    "block",
    "decimal_text",
    "escape",
    "facts",
    "indent",
    "shorten",
    "table",
    "yes_no",
]

_TABLE = ' style="border-collapse:collapse;margin:0.4em 0"'
_CAPTION = ' style="text-align:left;font-weight:bold"'
_LEFT = ' style="text-align:left"'
_RIGHT = ' style="text-align:right"'
_NOTE = ' style="font-weight:normal"'


class Markup(str):
    """Text that is already HTML and must not be escaped again (built by these helpers)."""

    __slots__ = ()


Label = str | tuple[str, str]
"""A heading: Swedish text, or `(swedish, english)` to show the English as a tooltip."""


def escape(value: object) -> str:
    """`value` as HTML text: `&`, `<`, `>` and quotes escaped; `Markup` passed through.

    `None` shows as an en dash, the sign the reports use for "not stated"; `True` and
    `False` as `ja` and `nej`; whole numbers and decimals in Swedish style (`decimal_text`).

    >>> escape("<script>alert('x')</script>")
    '&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;'
    >>> escape(None), escape(True), escape(12345)
    ('–', 'ja', '12 345')
    """
    if isinstance(value, Markup):
        return value
    if value is None:
        return "–"
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, int | Decimal):
        return decimal_text(Decimal(value))
    # Masked before escaping, so that no entity can split a number from the mask.
    return html.escape(mask_text(str(value)), quote=True)


def yes_no(value: bool | None, lang: str | None = None) -> str:
    """`ja`, `nej` (`yes`, `no` in English), or `–` for unknown."""
    return "–" if value is None else text("notebook.yes" if value else "notebook.no", lang)


def decimal_text(value: Decimal) -> str:
    """A stated number as Swedish text: decimal comma, a space between thousands, the
    stated decimals kept (SCB's convention, as the seeds print numbers).

    >>> decimal_text(Decimal("1744")), decimal_text(Decimal("21.0")), decimal_text(Decimal("-0.5"))
    ('1 744', '21,0', '-0,5')
    """
    text = format(value, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        whole, last = whole[:-3], whole[-3:]
        groups.insert(0, last)
    grouped = " ".join([whole, *groups])
    return sign + grouped + ("," + fraction if fraction else "")


def shorten(text: str, width: int = 160) -> str:
    """`text` on one line, cut at a word to at most `width` characters, ending in `…` when
    cut (for long wordings in an overview table; the full text stays in the object).

    >>> shorten("Att öka självförsörjningen hos unga i Hällefors", 30)
    'Att öka självförsörjningen …'
    """
    return textwrap.shorten(text, width=width, placeholder=" …")


def indent(text: object, depth: int) -> Markup:
    """`text` escaped and indented `depth` steps (for a drill-down shown as nested rows)."""
    return Markup("\u00a0\u00a0\u00a0\u00a0" * depth + escape(text))


def _pick(label: tuple[str, str]) -> tuple[str, str]:
    """A `(swedish, english)` pair as (shown, tooltip) in the current language."""
    swedish, english = label
    return (english, swedish) if get_language() == "en" else (swedish, english)


def _header(label: Label, numeric: bool) -> str:
    align = _RIGHT if numeric else _LEFT
    if isinstance(label, tuple):
        shown, other = _pick(label)
        return f'<th scope="col" title="{escape(other)}"{align}>{escape(shown)}</th>'
    return f'<th scope="col"{align}>{escape(label)}</th>'


def _row(cells: Sequence[object], numeric: Collection[int], row_header: bool) -> str:
    parts = []
    for index, cell in enumerate(cells):
        align = _RIGHT if index in numeric else _LEFT
        if index == 0 and row_header:
            if isinstance(cell, tuple):
                shown, other = _pick(cell)
                parts.append(f'<th scope="row" title="{escape(other)}"{align}>{escape(shown)}</th>')
            else:
                parts.append(f'<th scope="row"{align}>{escape(cell)}</th>')
        else:
            parts.append(f"<td{align}>{escape(cell)}</td>")
    return "<tr>" + "".join(parts) + "</tr>"


def table(
    caption: object,
    header: Sequence[Label],
    rows: Iterable[Sequence[object]],
    *,
    numeric: Collection[int] = (),
    foot: Iterable[Sequence[object]] = (),
    note: object = None,
    row_header: bool = True,
) -> Markup:
    """An accessible table: `caption`, a header row of `header` labels, body `rows` and
    optional `foot` rows (totals), each row's first cell a row header.

    `numeric` names the columns (by position) to right-align. `note` is a short remark shown
    under the caption (e.g. the suppression applied). Cells are escaped (`escape`); the
    caption and a row header cell may be a `(swedish, english)` pair.
    """
    if isinstance(caption, tuple):
        caption = _pick(caption)[0]
    head = "".join(_header(label, index in numeric) for index, label in enumerate(header))
    body = "".join(_row(row, numeric, row_header) for row in rows)
    footer = "".join(_row(row, numeric, row_header) for row in foot)
    remark = "" if note is None else f"<br><small{_NOTE}>{escape(note)}</small>"
    return Markup(
        f"<table{_TABLE}><caption{_CAPTION}>{escape(caption)}{remark}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
        + (f"<tfoot>{footer}</tfoot>" if footer else "")
        + "</table>"
    )


def facts(caption: object, items: Iterable[tuple[Label, object]]) -> Markup:
    """A two-column table of named facts (`Uppgift`, `Värde`), each name a row header;
    items whose value is `None` are left out.

    >>> "Giltighet" in facts("Avtal", [("Giltighet", "2016–2017"), ("Daterad", None)])
    True
    """
    rows = [(label, value) for label, value in items if value is not None]
    header = [(text("notebook.item", "sv"), text("notebook.item", "en")),
              (text("notebook.value", "sv"), text("notebook.value", "en"))]  # fmt: skip
    return table(caption, header, rows)


def block(*parts: str) -> str:
    """The tables (or other parts) of one object's display, in one block marked with the
    current language ([`dua.i18n`][dua.i18n])."""
    return f'<div class="dua" lang="{get_language()}">' + "".join(parts) + "</div>"
