"""The one HTML layer of `dua`: Jinja2 templates, one escaping, one stylesheet, one number
style, for the notebook tables (`_repr_html_`) and the HTML report alike.

Jupyter and other notebook front ends call an object's `_repr_html_()` and show the HTML
it returns instead of its `repr` (IPython's rich display protocol,
<https://ipython.readthedocs.io/en/stable/config/integrating.html>). The objects of `dua`
build that HTML with these helpers; the report ([`dua.report.render_html`][dua.report.render_html])
renders its own template from the same environment. This module sits at the bottom of the
layering: it imports nothing from `dua` but the privacy boundary (`dua._privacy`), so the
model, the rules and the metrics can all use it.

The templates ship in the package (`dua/templates/`): `macros.html.j2` (cells, header rows,
status badges), `table.html.j2` and `block.html.j2` (notebook tables), `report.html.j2` and
`page.html.j2` (the report), and the one stylesheet `dua.css`, whose rules are all scoped to
`.dua`. The environment escapes every value (`autoescape`), refuses an undefined name
(`StrictUndefined`), and passes every value through the privacy boundary before escaping
([`dua.errors.mask_text`][dua.errors.mask_text]: nothing shaped like a personal identity
number is shown). A title such as `<script>` shows as text and never runs.

What every table gets (following the W3C Web Accessibility Initiative's table tutorial,
<https://www.w3.org/WAI/tutorials/tables/>):

- a `<caption>` that says what the table is;
- a `<thead>` whose header cells are `<th scope="col">`, and a first column of row headers
  `<th scope="row">`, so that a screen reader announces each value with its row and column;
- numbers right-aligned (columns named in `numeric`, class `num`), text left-aligned;
- no script, no external asset, no link.

A label given as a pair `(swedish, english)` shows the text in the current language
([`dua.i18n`][dua.i18n]: Swedish unless English is chosen) with the other one as its
`title` attribute (a tooltip); the whole block is marked with that language (`lang="sv"`).

>>> print(table("Parter", ["Part", ("Antal", "Count")], [["A & B", 2]], numeric=[1]))
<table><caption>Parter</caption><thead><tr><th scope="col">Part</th><th scope="col" title="Count" class="num">Antal</th></tr></thead><tbody><tr><th scope="row">A &amp; B</th><td class="num">2</td></tr></tbody></table>
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import textwrap
from collections.abc import Collection, Iterable, Iterator, Sequence
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING, Any

from markupsafe import Markup
from markupsafe import escape as _escape

from dua._privacy import mask_text
from dua.i18n import get_language, text

if TYPE_CHECKING:
    import jinja2

__all__ = [
    "Label",
    "Markup",
    "block",
    "decimal_text",
    "environment",
    "escape",
    "facts",
    "indent",
    "render",
    "shorten",
    "stylesheet",
    "table",
    "without_stylesheet",
    "yes_no",
]

Label = str | tuple[str, str]
"""A heading: Swedish text, or `(swedish, english)` to show the English as a tooltip."""

# Whether a notebook block carries the stylesheet: `render_fragment` turns it off for an
# embedding page that brings its own styles.
_WITH_STYLESHEET: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "dua_html_with_stylesheet", default=True
)


def _text(value: object) -> str:
    """`value` as the text a person reads, masked (the number style of `escape`)."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, int | Decimal):
        return decimal_text(Decimal(value), get_language())
    return mask_text(str(value))


def _finalize(value: object) -> object:
    # Every `{{ value }}` of every template passes here before autoescaping: the privacy
    # boundary and the number style. Markup (built by these templates) is already masked.
    return value if isinstance(value, Markup) else _text(value)


@functools.cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment of every template of `dua` (built once, on first use, so
    that `import dua` does not pay for Jinja2)."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("dua", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=False,
        keep_trailing_newline=False,
    )


def render(template: str, **context: Any) -> Markup:
    """Template `template` of `dua/templates/` rendered with `context`, masked once more
    as a whole (the privacy boundary, DOMAIN.md §7)."""
    text = environment().get_template(template).render(**context)
    return Markup(mask_text(text))


@functools.cache
def stylesheet() -> str:
    """The one stylesheet of `dua`'s HTML (`dua/templates/dua.css`)."""
    return resources.files("dua").joinpath("templates", "dua.css").read_text(encoding="utf-8")


@contextlib.contextmanager
def without_stylesheet() -> Iterator[None]:
    """Within this block, `block` leaves the stylesheet out (for embedding)."""
    token = _WITH_STYLESHEET.set(False)
    try:
        yield
    finally:
        _WITH_STYLESHEET.reset(token)


def escape(value: object) -> Markup:
    """`value` as HTML text: `&`, `<`, `>` and quotes escaped; `Markup` passed through.

    `None` shows as an en dash, the sign the reports use for "not stated"; `True` and
    `False` as `ja` and `nej` (`yes`, `no`); whole numbers and decimals in the style of the
    current language (`decimal_text`: `12 345` and `21,5` in Swedish, `12,345` and `21.5` in
    English). The same rules apply to every value a template shows.

    >>> str(escape("<script>alert('x')</script>"))
    '&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;'
    >>> str(escape(None)), str(escape(True)), str(escape(12345))
    ('–', 'ja', '12 345')
    """
    if isinstance(value, Markup):
        return value
    # Masked before escaping, so that no entity can split a number from the mask.
    return _escape(_text(value))


def yes_no(value: bool | None, lang: str | None = None) -> str:
    """`ja`, `nej` (`yes`, `no` in English), or `–` for unknown."""
    return "–" if value is None else text("notebook.yes" if value else "notebook.no", lang)


def decimal_text(value: Decimal, lang: str = "sv") -> str:
    """A stated number as text: in Swedish a decimal comma and a space between thousands,
    in English a decimal point and commas; the stated decimals kept (SCB's convention, as
    the seeds print numbers). This is the one number style of `dua`:
    [`format_number`][dua.metrics.numbers.format_number] rounds and then prints with it.

    >>> decimal_text(Decimal("1744")), decimal_text(Decimal("21.0")), decimal_text(Decimal("-0.5"))
    ('1 744', '21,0', '-0,5')
    >>> decimal_text(Decimal("1234567.5"), "en")
    '1,234,567.5'
    """
    text = format(value, "f")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    head = len(whole) % 3 or 3
    groups = [whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]
    thousands, point = (" ", ",") if lang == "sv" else (",", ".")
    return sign + thousands.join(groups) + (point + fraction if fraction else "")


def shorten(text: str, width: int = 160) -> str:
    """`text` on one line, cut at a word to at most `width` characters, ending in `…` when
    cut (for long wordings in an overview table; the full text stays in the object).

    >>> shorten("Att öka självförsörjningen hos unga i Hällefors", 30)
    'Att öka självförsörjningen …'
    """
    return textwrap.shorten(text, width=width, placeholder=" …")


def indent(text: object, depth: int) -> Markup:
    """`text` escaped and indented `depth` steps (for a drill-down shown as nested rows)."""
    return Markup("\u00a0\u00a0\u00a0\u00a0" * depth) + escape(text)


def _pick(label: tuple[str, str]) -> tuple[str, str]:
    """A `(swedish, english)` pair as (shown, tooltip) in the current language."""
    swedish, english = label
    return (english, swedish) if get_language() == "en" else (swedish, english)


def _cell(value: object, numeric: bool) -> dict[str, object]:
    title: object = None
    if isinstance(value, tuple):
        value, title = _pick(value)
    return {"text": value, "title": title, "css": "num" if numeric else None}


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

    def cells(row: Sequence[object]) -> list[dict[str, object]]:
        return [
            _cell(value, index in numeric and not (index == 0 and row_header))
            for index, value in enumerate(row)
        ]

    return render(
        "table.html.j2",
        caption=caption,
        note=note,
        header=[_cell(label, index in numeric) for index, label in enumerate(header)],
        rows=[cells(row) for row in rows],
        foot=[cells(row) for row in foot],
        row_header=row_header,
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


def block(*parts: str, lang: str | None = None) -> Markup:
    """The tables (or other parts) of one object's display in one block marked `lang` (by
    default the current language, [`dua.i18n`][dua.i18n]), with the stylesheet (left out
    inside `without_stylesheet`)."""
    return render(
        "block.html.j2",
        lang=get_language(lang),
        parts=[part if isinstance(part, Markup) else Markup(part) for part in parts],
        stylesheet=stylesheet() if _WITH_STYLESHEET.get() else "",
    )
