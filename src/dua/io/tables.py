"""Tables as Swedish systems export them: CSV (and, with the `xlsx` extra, Excel workbooks)
read into checked rows, with every problem reported by line and column.

A *layout* ([`Layout`][dua.io.tables.Layout]) names the columns a kind of file may have,
each with an English name, a Swedish name and aliases, a parser and whether it is required.
Reading a file with a layout follows these rules (issue 5, §2 "Inputs people actually have"):

- **Encoding**: UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8" writes one).
  Any other encoding is refused with a hint rather than guessed.
- **Separator**: taken from the header line. If the header line contains a `;` outside
  double quotes the file is `;`-separated (as Excel writes CSV with Swedish settings),
  else if it contains a tab it is tab-separated (a `.tsv` or "Text (tabbavgränsad)"
  export), otherwise it is `,`-separated. Column names never contain `;`, a tab or `,`,
  so the header decides unambiguously; the same separator then holds for every line.
- **Quoting**: fields may be quoted with `"` (a `"` inside a quoted field is written `""`);
  a quoted field may contain the separator, a decimal comma or a line break.
- **Header**: the first line names the columns. Names are matched case-insensitively and
  tolerantly of diacritics, spaces and hyphens: `Kön`, `kon`, `KÖN` and `kön` are the same
  column, as are `födelsedatum` and `Fodelsedatum`, `home municipality` and
  `home_municipality`. A column the layout does not know is an error that lists the known
  ones; so are a column given twice (also under two aliases), an unnamed column and a
  missing required column.
- **Cells**: leading and trailing spaces are removed; an empty cell is a missing value. A
  required column must have a value in every row. Every row must have exactly as many cells
  as the header. A row whose every cell is empty holds no data and is not read (spreadsheets
  write such rows after a table); every other row is read or reported, never skipped.
  Each cell is checked on its own; a row whose cells are all readable is then checked as
  a whole (e.g. an observation needs a date or a period).
- **Values** are parsed exactly, never through `float`: numbers with a decimal comma or
  point and spaces between thousands (`21,0`, `0.28`, `1 744`) by
  [`to_fraction`][dua.metrics.numbers.to_fraction] or
  [`exact_decimal`][dua.model.exact_decimal]; dates only as `YYYY-MM-DD`; lists separated by
  `;` (quote the cell in a `;`-separated file); choices by their Swedish or English name.
- **Errors**: all problems of a file are collected into one
  [`ValidationError`][dua.errors.ValidationError] whose `source` is the file name and whose
  problem paths read `rad 14, kolumn datum` (the column as the header writes it), e.g.
  `rad 14, kolumn datum: inget giltigt datum '2016-13-01' (skriv ÅÅÅÅ-MM-DD)`; in English
  (see [`dua.i18n`][dua.i18n]) `line 14, column datum: not a valid date '2016-13-01'
  (write YYYY-MM-DD)`. Values shaped like a personal identity number are masked in every
  message (`19900101-****`).

**Excel workbooks** (`.xlsx`, needs `pip install 'dua-samverkan[xlsx]'`, which brings
openpyxl) follow the same column rules. The sheet read is the one named, or else the only
sheet that holds data. Blank cells are empty values (a short row is padded; empty cells
after the last column are ignored); numbers are taken at their shortest decimal form
(`21.0`, `171`), dates as dates. Cells are read by their **number format**, as the sheet
shows them: a cell formatted as a percentage that shows `10,1 %` (stored as 0.101) is read
as `10.1 %`, exactly what a CSV export holds, so an observation's value is 10,1 in a
percent indicator, never 0,1 (issue 12). A format that does not tell for sure (its sections
disagree on the percent sign, or `0%%`) stops the reading with a message naming the cell,
rather than guess. Problems read `blad Blad1, rad 14, kolumn datum` (in English
`sheet Blad1, row 14, column datum`).

>>> layout = Layout("demo", (
...     Column(name="date", swedish="datum", parse=parse_date, required=True),
...     Column(name="value", swedish="värde", parse=parse_fraction),
... ))
>>> rows = parse_csv('\\ufeffDatum;Värde\\n2016-09-30;21,5\\n', layout, lambda row: row, source="x.csv")
>>> rows[0].values["date"], rows[0].values["value"]
(datetime.date(2016, 9, 30), Fraction(43, 2))
>>> parse_csv("datum,värde\\n2016-13-01,1\\n", layout, lambda row: row, source="x.csv")
Traceback (most recent call last):
...
dua.errors.ValidationError: 1 problem i x.csv:
  - rad 2, kolumn datum: inget giltigt datum '2016-13-01' (skriv ÅÅÅÅ-MM-DD)
"""

from __future__ import annotations

import csv
import importlib
import io
import itertools
import os
import re
import stat
import unicodedata
import zipfile
from collections.abc import Callable, Collection, Generator, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from pathlib import Path
from typing import IO, Any, Generic, TypeVar, overload

import attrs

from dua.errors import (
    DuaError,
    FieldValueError,
    FileFormatError,
    Problem,
    ValidationError,
    mask_text,
    mask_value,
    os_reason,
)
from dua.i18n import KeyedValueError, render
from dua.io._parse import read_limited
from dua.limits import MAX_NUMBER_DIGITS, MAX_TABLE_BYTES, BeyondLimit
from dua.metrics.numbers import to_fraction
from dua.model import exact_decimal

__all__ = [
    "CSV_SUFFIXES",
    "MAX_STREAM_PROBLEMS",
    "XLSX_EXTRA",
    "XLSX_SUFFIXES",
    "Column",
    "FastRows",
    "Layout",
    "Progress",
    "Reading",
    "Records",
    "Row",
    "RowError",
    "SlowRow",
    "TableData",
    "TableStream",
    "choice",
    "detect_separator",
    "mask_text",
    "normalise_name",
    "parse_csv",
    "parse_date",
    "parse_decimal",
    "parse_fraction",
    "parse_list",
    "parse_text",
    "parse_whole_number",
    "read_mappings",
    "read_rows",
    "read_table",
    "stream_rows",
]

T = TypeVar("T")
E = TypeVar("E", bound=Enum)

CSV_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")
"""File suffixes read as CSV text (comma-, semicolon- or tab-separated)."""

XLSX_SUFFIXES = (".xlsx", ".xlsm")
"""File suffixes read as Excel workbooks (with the `xlsx` extra)."""

XLSX_EXTRA = "pip install 'dua-samverkan[xlsx]'"
"""The command that installs what reading `.xlsx` needs (openpyxl)."""


@attrs.frozen
class TableData:
    """A table handed over as its bytes rather than as a file, e.g. read from standard
    input (`dua report --observations -`). It stands for a file wherever one is read (it
    is `os.PathLike`, its path being `name`): `name` names it in messages and in a
    report's sources. The format is told from the content: a workbook (a zip archive) is
    read as `.xlsx`, anything else as CSV text by the module's rules.

    >>> rows = read_table(TableData(b"datum\\n2016-09-30\\n"), Layout("demo", (
    ...     Column(name="date", swedish="datum", parse=parse_date),)), lambda row: row)
    >>> rows[0].where, rows[0].values["date"]
    ('rad 2', datetime.date(2016, 9, 30))
    """

    content: bytes = attrs.field(repr=False)
    name: str = "stdin"

    @property
    def is_workbook(self) -> bool:
        """Whether the content is a zip archive, as an `.xlsx` workbook is."""
        return self.content.startswith(b"PK\x03\x04")

    def __fspath__(self) -> str:
        return self.name


@attrs.frozen
class TableStream:
    """A table handed over as an open binary stream rather than as a file, e.g. standard
    input (`dua kaa -`), for [`stream_rows`][dua.io.tables.stream_rows], which reads CSV
    text from it as it arrives. A workbook (a zip archive, told by its first bytes) cannot
    be read as a stream: it is read whole, within
    [`MAX_TABLE_BYTES`][dua.limits.MAX_TABLE_BYTES]. `name` names it in messages.
    """

    file: IO[bytes] = attrs.field(repr=False)
    name: str = "stdin"

    def __fspath__(self) -> str:
        return self.name


Parser = Callable[[str], object]
"""A cell parser: takes the cell's non-empty, stripped text and returns its value, or raises
`ValueError` with a message that shows the value masked (see `mask_value`)."""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WHOLE = re.compile(r"^[+-]?\d+$")
_SPACES = str.maketrans("", "", " \u00a0\u2009\u202f")


def normalise_name(text: str) -> str:
    """A column name or choice in the form used to match it: case-folded, diacritics
    removed (`ö` → `o`, `å` → `a`), and every run of other characters than letters and
    digits made one `_`.

    >>> normalise_name(" Födelse-datum "), normalise_name("Home municipality"), normalise_name("KÖN")
    ('fodelse_datum', 'home_municipality', 'kon')
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]+", "_", stripped).strip("_")


# -- cell parsers ------------------------------------------------------------------------


def parse_text(value: str) -> str:
    """A text cell, as written (already stripped of surrounding spaces)."""
    return value


def parse_date(value: str) -> date:
    """A date written `YYYY-MM-DD` (ISO 8601, as Swedish systems export dates).

    >>> parse_date("2016-09-30")
    datetime.date(2016, 9, 30)
    >>> parse_date("30/9/2016")
    Traceback (most recent call last):
    ...
    dua.i18n.KeyedValueError: inget giltigt datum '30/9/2016' (skriv ÅÅÅÅ-MM-DD)
    """
    if _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise KeyedValueError("error.table.date", shown=mask_value(value))


def parse_whole_number(value: str) -> int:
    """A whole number ≥ 0, with spaces allowed between thousands (`1 744`).

    >>> parse_whole_number("1 744")
    1744
    """
    cleaned = value.translate(_SPACES)
    if not _WHOLE.fullmatch(cleaned) or cleaned.startswith("-"):
        raise KeyedValueError("error.table.whole_number", shown=mask_value(value))
    if len(cleaned.lstrip("+0")) > MAX_NUMBER_DIGITS:
        # Checked before `int`, which refuses more than 4 300 digits with its own error.
        raise BeyondLimit("error.limit.whole_digits", limit=MAX_NUMBER_DIGITS)
    return int(cleaned)


def parse_fraction(value: str) -> Fraction:
    """An exact number with a decimal comma or point (`21,0`, `0.28`, `1 744`), read by
    [`to_fraction`][dua.metrics.numbers.to_fraction]; a trailing `%` divides by 100.

    >>> parse_fraction("21,5"), parse_fraction("7,3 %")
    (Fraction(43, 2), Fraction(73, 1000))
    """
    try:
        return to_fraction(value)
    except BeyondLimit:
        raise  # its message names the limit
    except ValueError:
        raise KeyedValueError("error.table.number", shown=mask_value(value)) from None


def parse_decimal(value: str) -> Decimal:
    """An exact decimal with its stated precision (`21,0` stays `21.0`), read by
    [`exact_decimal`][dua.model.exact_decimal].

    >>> parse_decimal("21,0")
    Decimal('21.0')
    """
    try:
        return exact_decimal(value)
    except BeyondLimit:
        raise  # its message names the limit
    except ValueError:
        raise KeyedValueError("error.table.number", shown=mask_value(value)) from None


def parse_list(value: str) -> tuple[str, ...]:
    """A list of texts separated by `;` (empty items are dropped).

    >>> parse_list("påbörjar jobbspår; reguljära studier")
    ('påbörjar jobbspår', 'reguljära studier')
    """
    return tuple(item.strip() for item in value.split(";") if item.strip())


def choice(kind: type[E], extra: Mapping[str, E] | None = None) -> Callable[[str], E]:
    """A parser for one member of the enum `kind`, written as its value (the Swedish term
    for a [`LabelledEnum`][dua.model.LabelledEnum]), its English label, or a key of `extra`;
    matched like column names (case and diacritics do not matter).

    >>> from dua.model import Sex
    >>> parse_sex = choice(Sex, {"k": Sex.FEMALE})
    >>> parse_sex("Kvinna"), parse_sex("woman"), parse_sex("K")
    (<Sex.FEMALE: 'kvinna'>, <Sex.FEMALE: 'kvinna'>, <Sex.FEMALE: 'kvinna'>)
    """
    names: dict[str, E] = {}
    for member in kind:
        names[normalise_name(str(member.value))] = member
        label = getattr(member, "label_en", None)
        if isinstance(label, str):
            names.setdefault(normalise_name(label), member)
    for written, member in (extra or {}).items():
        names[normalise_name(written)] = member
    shown = ", ".join(str(member.value) for member in kind)

    def parse(value: str) -> E:
        try:
            return names[normalise_name(value)]
        except KeyError:
            raise KeyedValueError(
                "error.table.choice", allowed=shown, shown=mask_value(value)
            ) from None

    parse.__doc__ = f"One of {shown}."
    return parse


# -- layouts -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Column:
    """A column a layout knows: its English `name` (the key of the parsed value), its
    Swedish name `swedish`, further `aliases`, the `parse` function for non-empty cells,
    whether it is `required` (present, and a value in every row), a short `kind` saying what
    it holds (for messages and docs) and a `description`."""

    name: str
    swedish: str
    parse: Parser = parse_text
    required: bool = False
    aliases: tuple[str, ...] = ()
    kind: str = "text"
    description: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the column is known by: English, Swedish, aliases."""
        return (self.name, self.swedish, *self.aliases)

    @property
    def title(self) -> str:
        """The column's names for a message: `date (datum)`."""
        return self.name if self.swedish == self.name else f"{self.name} ({self.swedish})"


@attrs.frozen
class Layout:
    """The columns a kind of file may have.

    `one_of` lists groups of column names of which exactly one must be present (e.g. an
    identity number *or* a ready pseudonym).
    """

    name: str
    columns: tuple[Column, ...]
    one_of: tuple[tuple[str, ...], ...] = ()
    _lookup: dict[str, Column] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        lookup: dict[str, Column] = {}
        for column in self.columns:
            for written in column.names:
                key = normalise_name(written)
                if lookup.get(key, column) is not column:
                    raise ValueError(f"layout {self.name}: the name {written!r} is used twice")
                lookup[key] = column
        known = {column.name for column in self.columns}
        for group in self.one_of:
            if not set(group) <= known:
                raise ValueError(f"layout {self.name}: one_of names unknown columns {group}")
        object.__setattr__(self, "_lookup", lookup)

    def column(self, header: str) -> Column | None:
        """The column that `header` names, or `None`."""
        return self._lookup.get(normalise_name(header))

    def __getitem__(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    def known(self) -> str:
        """The known columns for a message: `indicator (indikator), unit (enhet), …`."""
        return ", ".join(column.title for column in self.columns)


def _numbered(key: str, name: str, **params: object) -> Callable[[int], str]:
    """`n ->` the place `key` (such as `"line {line}"`) with the number `n` as its
    placeholder `name`, in the current language; the template is looked up once, not
    once a row."""
    head, _, tail = render(key, **{name: "\x00"}, **params).partition("\x00")
    return lambda n: f"{head}{n}{tail}"


def _line(n: int) -> str:
    return render("error.place.line", line=n)


_KINDS = {
    "text": "error.column_kind.text",
    "date YYYY-MM-DD": "error.column_kind.date",
    "whole number ≥ 0": "error.column_kind.whole_number",
    "number (decimal comma or point)": "error.column_kind.number",
    "texts separated by ;": "error.column_kind.texts",
    "SCB code, four digits": "error.column_kind.municipality_code",
    "YYYYMMDD-NNNN (or YYMMDD-NNNN)": "error.column_kind.identity_number",
    "kvinna/man (K/M, woman/man)": "error.column_kind.sex",
    "arbete/studier/eget företag (work/studies/own business)": "error.column_kind.outcome",
    "period 2016, 2016-09 or 2016-01-01/2016-06-30": "error.column_kind.period",
}


def column_kind(kind: str) -> str:
    """A column's `kind` in the current language, for a message (a kind the catalogue
    does not know is shown as it is written)."""
    key = _KINDS.get(kind)
    return kind if key is None else render(key)


class RowError(KeyedValueError):
    """Raised by a row builder: the row as a whole, or one of its columns (`column`, the
    layout's English name), holds something wrong. The reader turns it into a
    [`Problem`][dua.errors.Problem] at the row's line and column, with the message `key`
    of the catalogue and its `params`."""

    def __init__(self, key: str, column: str | None = None, /, **params: object) -> None:
        super().__init__(key, **params)
        self.column = column
        self.message = str(self.args[0])
        self.errors: tuple[RowError, ...] = (self,)

    @classmethod
    def combine(cls, errors: Sequence[RowError]) -> RowError:
        """One error that reports each of `errors` (found in the same row)."""
        first = errors[0]
        combined = cls(first.key or first.message, first.column, **first.params)
        combined.errors = tuple(e for error in errors for e in error.errors)
        return combined


@attrs.frozen(kw_only=True)
class Row:
    """One data row: where it is (`where`, e.g. `line 14`), its line or row number, its
    parsed `values` by English column name (`None` for an empty cell or an absent column)
    and the `headers` as the file writes them."""

    where: str
    line: int
    values: Mapping[str, object]
    headers: Mapping[str, str]
    separator: str = attrs.field(factory=lambda: render("error.place.column"))
    layout: Layout | None = attrs.field(default=None, repr=False, eq=False)

    def path(self, column: str | None = None) -> str:
        """The problem path of this row, or of one of its cells (`line 14, column datum`;
        a column the file does not have is named by its English and Swedish names)."""
        if column is None:
            return self.where
        written = self.headers.get(column)
        if written is None:
            try:
                written = column if self.layout is None else self.layout[column].title
            except KeyError:
                written = column
        return f"{self.where}{self.separator}{written}"

    def get(self, name: str, kind: type[T]) -> T | None:
        """The value of column `name`, checked to be a `kind` (or `None`)."""
        value = self.values.get(name)
        if value is None:
            return None
        if not isinstance(value, kind):
            raise TypeError(f"column {name!r} holds a {type(value).__name__}, not a {kind}")
        return value

    def require(self, name: str, kind: type[T]) -> T:
        """The value of a column the builder needs; a missing value is a `RowError`."""
        value = self.get(name, kind)
        if value is None:
            raise RowError("error.table.value_required", name)
        return value


@attrs.frozen(kw_only=True)
class Reading(Generic[T]):
    """What reading a table gave: the `results` of the rows that could be built (in file
    order), every `problem` found, the `source` (file name) and the `headers` present
    (English column name → header as written)."""

    source: str
    results: tuple[T, ...]
    problems: tuple[Problem, ...]
    headers: Mapping[str, str]

    def check(self, extra: Iterable[Problem] = ()) -> tuple[T, ...]:
        """The results, or a [`ValidationError`][dua.errors.ValidationError] listing every
        problem (with `extra` ones found by the caller) under the file name."""
        problems = (*self.problems, *extra)
        if problems:
            raise ValidationError(problems, source=self.source)
        return self.results


# -- the reader shared by CSV, xlsx and mappings -----------------------------------------


@attrs.define
class _Collector(Generic[T]):
    layout: Layout
    build: Callable[[Row], T]
    header_where: str
    where: Callable[[int], str]
    separator: str = attrs.field(factory=lambda: render("error.place.column"))
    strict_width: bool = True
    problems: list[Problem] = attrs.field(factory=list)
    results: list[T] = attrs.field(factory=list)
    columns: list[Column | None] = attrs.field(factory=list)
    headers: dict[str, str] = attrs.field(factory=dict)
    header_ok: bool = True

    def problem(self, path: str, key: str, /, **params: object) -> None:
        self.problems.append(Problem.of(mask_text(path), key, **params))

    def problem_from(self, path: str, error: BaseException, value: str | None = None) -> None:
        self.problems.append(Problem.from_error(mask_text(path), error, value))

    def header(self, cells: Sequence[str]) -> None:
        layout = self.layout
        column_word = render("error.place.column")
        for index, written in enumerate(cells, start=1):
            name = written.strip()
            if not name:
                self.problem(
                    f"{self.header_where}{column_word}{index}",
                    "error.table.unnamed_column",
                )
                self.columns.append(None)
                continue
            column = layout.column(name)
            if column is None:
                self.problem(
                    f"{self.header_where}{column_word}{name}",
                    "error.table.unknown_column",
                    column=mask_value(name),
                    known=layout.known(),
                )
            elif column.name in self.headers:
                self.problem(
                    f"{self.header_where}{column_word}{name}",
                    "error.table.column_twice",
                    column=column.title,
                    other=mask_value(self.headers[column.name]),
                )
                column = None
            else:
                self.headers[column.name] = name
            self.columns.append(column)
        # Rows are still built past unknown, unnamed or repeated columns (their cells are
        # not read); without a required column they cannot be.
        before = len(self.problems)
        for column in layout.columns:
            if column.required and column.name not in self.headers:
                self.problem(
                    self.header_where,
                    "error.table.missing_column",
                    column=column.title,
                    found=", ".join(h for h in cells if h.strip()) or "–",
                )
        for group in layout.one_of:
            present = [name for name in group if name in self.headers]
            if len(present) != 1:
                titles = render("error.table.or").join(layout[name].title for name in group)
                if present:
                    self.problem(
                        self.header_where,
                        "error.table.one_of_found",
                        columns=titles,
                        n=len(present),
                    )
                else:
                    self.problem(self.header_where, "error.table.one_of", columns=titles)
        self.header_ok = len(self.problems) == before

    def row(self, number: int, cells: Sequence[str]) -> None:
        if all(not cell.strip() for cell in cells):
            return
        where = self.where(number)
        width = len(self.columns)
        if len(cells) != width:
            if self.strict_width or (len(cells) > width and any(c.strip() for c in cells[width:])):
                self.problem(
                    where,
                    "error.table.width",
                    n=len(cells),
                    width=width,
                )
                return
            cells = [*cells[:width], *([""] * (width - len(cells)))]
        values: dict[str, object] = dict.fromkeys(self.headers)
        row_ok = True
        for column, cell in zip(self.columns, cells, strict=True):
            if column is None:
                continue
            text = cell.strip()
            path = f"{where}{self.separator}{self.headers[column.name]}"
            if not text:
                if column.required:
                    self.problem(
                        path,
                        "error.table.empty_required",
                        column=column.title,
                        kind=column_kind(column.kind),
                    )
                    row_ok = False
                continue
            try:
                values[column.name] = column.parse(text)
            except ValueError as error:
                self.problem_from(path, error)
                row_ok = False
        if not (row_ok and self.header_ok):
            return
        row = Row(
            where=where,
            line=number,
            values=values,
            headers=self.headers,
            separator=self.separator,
            layout=self.layout,
        )
        self.build_row(row)

    def build_row(self, row: Row) -> None:
        try:
            self.results.append(self.build(row))
        except RowError as error:
            for each in error.errors:
                self.problem_from(row.path(each.column), each)
        except FieldValueError as error:
            column = error.field if error.field in self.headers else None
            self.problem_from(row.path(column), error, error.value)
        except ValueError as error:
            # A model's own validation (e.g. a share whose numerator exceeds its
            # denominator); dua's own errors (such as a missing key) propagate.
            if isinstance(error, DuaError):
                raise
            self.problem_from(row.path(), error)

    def reading(self, source: str) -> Reading[T]:
        return Reading(
            source=source,
            results=tuple(self.results),
            problems=tuple(self.problems),
            headers=dict(self.headers),
        )


def detect_separator(header_line: str) -> str:
    """The separator of a CSV file, from its header line: `;` when the line has a `;`
    outside double quotes, else a tab when it has one (a tab-separated export), else `,`.

    >>> detect_separator("indikator;enhet;datum"), detect_separator("indicator,unit,date")
    (';', ',')
    >>> detect_separator('"a;b",c'), detect_separator("indikator\\tenhet\\tdatum")
    (',', '\\t')
    """
    quoted = False
    tab = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            return ";"
        elif ch == "\t" and not quoted:
            tab = True
    return "\t" if tab else ","


def _decode(data: bytes | str, source: str) -> str:
    if len(data) > MAX_TABLE_BYTES:
        raise FileFormatError(
            "error.table.too_large", file=source, limit=f"{MAX_TABLE_BYTES:,}".replace(",", " ")
        )
    if isinstance(data, str):
        try:
            data.encode("utf-8")
        except UnicodeEncodeError as error:
            # Only text handed over in Python can hold one; UTF-8 bytes cannot.
            raise FileFormatError(
                "error.table.surrogate", file=source, position=error.start + 1
            ) from None
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileFormatError(
            "error.table.not_utf8_byte", file=source, position=error.start + 1
        ) from None


def _csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line of the record's start, cells) for every record, the header first."""
    header_line = text.split("\n", 1)[0]
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=detect_separator(header_line), strict=True
    )
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _CsvSyntax(reader.line_num, str(error)) from None
        yield line, cells
        line = reader.line_num + 1


class _CsvSyntax(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message


def _collect_csv(text: str, collector: _Collector[T], source: str) -> None:
    records = _csv_records(text)
    try:
        first = next(records, None)
        if first is None:
            raise FileFormatError(
                "error.table.empty_file", file=source, known=collector.layout.known()
            )
        collector.header(first[1])
        for line, cells in records:
            collector.row(line, cells)
    except _CsvSyntax as error:
        collector.problem(_line(error.line), "error.table.csv_syntax", reason=error.message)


def parse_csv(
    data: bytes | str, layout: Layout, build: Callable[[Row], T], *, source: str
) -> list[T]:
    """Read CSV `data` (bytes in UTF-8 with or without a byte-order mark, or text) with
    `layout`, building each row with `build`; see the module rules.

    Raises:
        FileFormatError: not UTF-8, or empty.
        ValidationError: every problem in the table, with `source` as its source.
    """
    collector: _Collector[T] = _Collector(
        layout, build, _line(1), _numbered("error.place.line", "line")
    )
    _collect_csv(_decode(data, source), collector, source)
    return list(collector.reading(source).check())


def _xlsx_text(value: object) -> str:
    """A workbook cell as the text a CSV export would hold, exactly."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # A workbook stores numbers as binary floats; its shortest decimal form is the
        # number the user typed (`0.28`, not 0.2800000000000000266…).
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


_FORMAT_LITERAL = re.compile(r'"[^"]*"|\\.|[_*].|\[[^\]]*\]')
"""What a number format shows as it is: quoted text, an escaped or padding character,
and bracketed colours, conditions and locales (`[Red]`, `[$-41D]`)."""


def _percent_kind(number_format: str) -> str | None:
    """How a cell's number format shows a `%`: `"scaled"` when the value is shown times 100
    with a percent sign (`0.0%`: 0.101 shows as 10,1 %), `"literal"` when the sign is text
    after the value as it is (`0.0"%"`: 10.1 shows as 10,1 %), `None` without a sign.

    Raises:
        ValueError: the format's sections disagree, or a section scales twice (`0%%`):
            what the cell shows cannot be told for sure.
    """
    kinds = set()
    for section in number_format.split(";"):
        if not section:
            continue
        bare = _FORMAT_LITERAL.sub("", section)
        signs = bare.count("%")
        if signs > 1:
            raise KeyedValueError("error.table.format_twice", format=mask_value(number_format))
        kinds.add("scaled" if signs else "literal" if "%" in section else None)
    if len(kinds) > 1:
        raise KeyedValueError("error.table.format_mixed", format=mask_value(number_format))
    return kinds.pop() if kinds else None


def _xlsx_cell_text(value: object, number_format: str | None) -> str:
    """A workbook cell as the text a CSV export would hold, read by its number format: a
    number in a percentage cell is the percentage it shows, with its sign (0.101 formatted
    `0.0%` is `10.1 %`, never 0.101); every other cell as
    `_xlsx_text` reads it.

    Raises:
        ValueError: a number in a cell whose format does not tell for sure whether it is a
            percentage (see `_percent_kind`).
    """
    if isinstance(value, bool) or not isinstance(value, int | float) or not number_format:
        return _xlsx_text(value)
    kind = _percent_kind(number_format)
    if kind is None:
        return _xlsx_text(value)
    shown = Decimal(_xlsx_text(value))
    if kind == "scaled":
        shown = shown.scaleb(2)
    return f"{shown.normalize():f} %"


def _openpyxl(source: str) -> Any:
    try:
        # Imported by name: openpyxl is an optional extra and ships no type information.
        return importlib.import_module("openpyxl")
    except ModuleNotFoundError:
        raise FileFormatError(
            "error.table.needs_openpyxl", file=source, install=XLSX_EXTRA
        ) from None


def _has_data(sheet: Any) -> bool:
    return any(
        any(_xlsx_text(v).strip() for v in values) for values in sheet.iter_rows(values_only=True)
    )


def _check_workbook_size(path: Path | io.BytesIO, name: str) -> None:
    """Refuse a workbook larger than `MAX_TABLE_BYTES`, packed or unpacked (a small
    `.xlsx` can unpack to gigabytes of XML)."""
    try:
        packed = path.stat().st_size if isinstance(path, Path) else len(path.getbuffer())
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(entry.file_size for entry in archive.infolist())
    except (OSError, zipfile.BadZipFile):
        return  # openpyxl says what is wrong with a file that is no workbook
    if max(packed, unpacked) > MAX_TABLE_BYTES:
        raise FileFormatError(
            "error.table.workbook_unpacked" if unpacked > packed else "error.table.workbook_large",
            file=name,
            size=f"{max(packed, unpacked):,}".replace(",", " "),
            limit=f"{MAX_TABLE_BYTES:,}".replace(",", " "),
        )


def _collect_xlsx(
    path: Path | io.BytesIO,
    source: str,
    layout: Layout,
    build: Callable[[Row], T],
    sheet: str | None,
) -> tuple[_Collector[T], str]:
    openpyxl = _openpyxl(source)
    _check_workbook_size(path, source)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:
        # openpyxl raises many kinds of exceptions for a broken or foreign file (zip,
        # XML, KeyError for missing parts); each means the same thing to the user.
        raise FileFormatError(
            "error.table.bad_workbook", file=source, kind=type(error).__name__
        ) from None
    try:
        names = list(workbook.sheetnames)
        if sheet is not None:
            if sheet not in names:
                raise FileFormatError(
                    "error.table.no_sheet",
                    file=source,
                    sheet=mask_value(sheet),
                    sheets=", ".join(names),
                )
            chosen = sheet
        else:
            with_data = [name for name in names if _has_data(workbook[name])]
            if len(with_data) > 1:
                raise FileFormatError(
                    "error.table.several_sheets", file=source, sheets=", ".join(with_data)
                )
            chosen = with_data[0] if with_data else names[0]
        collector: _Collector[T] = _Collector(
            layout,
            build,
            render("error.place.sheet_row", sheet=chosen, row=1),
            _numbered("error.place.sheet_row", "row", sheet=chosen),
            strict_width=False,
        )
        rows = workbook[chosen].iter_rows()
        header = next(rows, None)
        cells = [_xlsx_text(cell.value) for cell in header or ()]
        while cells and not cells[-1].strip():
            cells.pop()
        if not cells:
            raise FileFormatError(
                "error.table.empty_sheet", file=source, sheet=chosen, known=layout.known()
            )
        collector.header(cells)
        for number, row in enumerate(rows, start=2):
            texts = []
            for column, cell in enumerate(row):
                try:
                    texts.append(_xlsx_cell_text(cell.value, cell.number_format))
                except ValueError as error:
                    name = cells[column] if column < len(cells) else f"{column + 1}"
                    raise FileFormatError(
                        "error.table.percent_cell",
                        file=source,
                        sheet=chosen,
                        row=number,
                        column=mask_text(name),
                        reason=str(error),
                    ) from None
            collector.row(number, texts)
    finally:
        workbook.close()
    return collector, source


def _suffix_error(path: Path) -> FileFormatError:
    suffix = path.suffix.lower()
    if suffix == ".xls":
        return FileFormatError("error.table.xls", file=path.name)
    return FileFormatError(
        "error.table.unknown_suffix", file=path.name, suffix=repr(suffix) if suffix else "''"
    )


def _existing(path: str | os.PathLike[str]) -> Path:
    file = Path(path)
    if not file.exists():
        raise FileFormatError("error.table.no_such_file", file=str(file))
    if not file.is_file():
        raise FileFormatError("error.table.not_a_file", file=str(file))
    return file


def read_rows(
    path: str | os.PathLike[str],
    layout: Layout,
    build: Callable[[Row], T],
    *,
    sheet: str | None = None,
) -> Reading[T]:
    """Read the table in `path` (`.csv`/`.txt`/`.tsv`, or `.xlsx` with the extra; or a
    [`TableData`][dua.io.tables.TableData] holding the table's bytes) with `layout`,
    building each row with `build`, and return what was read *and* every problem found,
    without raising for them (see [`read_table`][dua.io.tables.read_table]).

    Raises:
        FileFormatError: the file is missing, empty, not UTF-8, of an unknown type, or an
            unreadable workbook; or `.xlsx` without openpyxl.
    """
    if isinstance(path, TableData):
        if path.is_workbook:
            if len(path.content) > MAX_TABLE_BYTES:
                _decode(path.content, path.name)  # refuses it, naming the limit
            collector, source = _collect_xlsx(
                io.BytesIO(path.content), path.name, layout, build, sheet
            )
            return collector.reading(source)
        data_collector: _Collector[T] = _Collector(
            layout, build, _line(1), _numbered("error.place.line", "line")
        )
        _collect_csv(_decode(path.content, path.name), data_collector, path.name)
        return data_collector.reading(path.name)
    file = _existing(path)
    suffix = file.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        collector, source = _collect_xlsx(file, file.name, layout, build, sheet)
        return collector.reading(source)
    if suffix not in CSV_SUFFIXES:
        raise _suffix_error(file)
    source = file.name
    try:
        data = read_limited(file, MAX_TABLE_BYTES, "MAX_TABLE_BYTES")
    except OSError as error:
        raise FileFormatError(
            "error.table.cannot_read", file=source, reason=os_reason(error)
        ) from None
    csv_collector: _Collector[T] = _Collector(
        layout, build, _line(1), _numbered("error.place.line", "line")
    )
    _collect_csv(_decode(data, source), csv_collector, source)
    return csv_collector.reading(source)


def read_table(
    path: str | os.PathLike[str],
    layout: Layout,
    build: Callable[[Row], T],
    *,
    sheet: str | None = None,
) -> list[T]:
    """Read the table in `path` with `layout`, building each row with `build`.

    Raises:
        FileFormatError: see [`read_rows`][dua.io.tables.read_rows].
        ValidationError: every problem in the table (header, cells, rows), with the file
            name as its source.
    """
    return list(read_rows(path, layout, build, sheet=sheet).check())


def _mapping_text(value: object) -> str:
    if isinstance(value, list | tuple):
        items = [_mapping_text(item) for item in value]
        if any(";" in item for item in items):
            raise KeyedValueError("error.table.list_item_semicolon")
        return ";".join(items)
    if isinstance(value, dict):
        raise KeyedValueError("error.table.value_not_object")
    return _xlsx_text(value)


def _always(where: str) -> Callable[[int], str]:
    return lambda _number: where


def read_mappings(
    records: Iterable[object],
    layout: Layout,
    build: Callable[[Row], T],
    *,
    name: str,
) -> Reading[T]:
    """Read rows given as mappings (e.g. parsed JSON objects) with the same column rules as
    a table: keys are column names, values texts, whole numbers, exact decimals or lists
    (for list columns). Problem paths read `observations[1].date` for `name="observations"`
    (rows counted from 1). Each row may use its own subset of the columns.

    Never raises for problems in the rows: they are in the returned `Reading`.
    """
    problems: list[Problem] = []
    results: list[T] = []
    headers: dict[str, str] = {}
    if not isinstance(records, list):
        problems.append(Problem.of(name, "error.table.list_of_objects"))
        records = []
    for number, record in enumerate(records, start=1):
        where = f"{name}[{number}]"
        if not isinstance(record, Mapping):
            problems.append(Problem.of(where, "error.table.object_expected"))
            continue
        keys = [str(key) for key in record]
        values = list(record.values())
        cells: list[str] = []
        for key, value in zip(keys, values, strict=True):
            try:
                cells.append(_mapping_text(value))
            except ValueError as error:
                problems.append(Problem.from_error(mask_text(f"{where}.{key}"), error))
                cells.append("")
        collector: _Collector[T] = _Collector(layout, build, where, _always(where), separator=".")
        collector.header(keys)
        # A missing optional key is fine; keys are per row, so header problems are too.
        collector.problems = [
            attrs.evolve(p, path=p.path.replace(render("error.place.column"), "."))
            for p in collector.problems
        ]
        collector.row(number, cells)
        problems.extend(collector.problems)
        results.extend(collector.results)
        headers.update(collector.headers)
    return Reading(source=name, results=tuple(results), problems=tuple(problems), headers=headers)


# -- streaming ---------------------------------------------------------------------------

_MISSING = object()
_CACHE_SIZE = 4096  # distinct texts kept per cached column (then the cache starts again)
_PROGRESS_EVERY = 4096  # rows between two calls of a progress hook

MAX_STREAM_PROBLEMS = 1000
"""How many problems [`stream_rows`][dua.io.tables.stream_rows] collects before it stops
reading: a file with more is broken throughout, and its first problems say how."""

Progress = Callable[[int, int | None, int], None]
"""A progress hook: called as `hook(done, total, rows)` while a table streams past — `done`
bytes of `total` (`None` when the size is not known, as on a pipe) and `rows` rows so far."""

Records = Iterator[tuple[int, list[str]]]
"""The records of a CSV table after its header: `(line, cells)`, `line` being where the
record begins, `cells` as the `csv` module reads them (not stripped)."""

SlowRow = Callable[[int, Sequence[str]], list[Any]]
"""Reads one record `(line, cells)` the careful way, as
[`stream_rows`][dua.io.tables.stream_rows] reads every record without `fast`: its
problems are collected (and raised when the table is read), and the list of what `build`
made of it (empty, or one result) is returned."""

FastRows = Callable[[Sequence[Column], SlowRow], Callable[[Records], Iterator[Any]] | None]
"""A fast reader for [`stream_rows`][dua.io.tables.stream_rows]: called once with the
columns of the header (in file order) and the careful reader of a record; returns a
function that turns the records into results, handing any record it does not read itself
to the careful reader, or `None` to read every record the careful way."""


@attrs.define
class _StreamCollector(_Collector[T]):
    """A collector for streams, fast on the rows that are plainly valid: cells of the
    columns named in `cached` are parsed once per distinct text (a register repeats its
    dates, codes and choices on every row). Any other row (a cell that does not parse, a
    missing value, the wrong number of cells, a header with problems) is handed to the
    collector's own `row`, so that its problems read exactly as when the table is read
    whole."""

    # Per column: a reader for the common case and one that fills the cache on a miss.
    readers: list[Callable[[str], object]] | None = None
    fillers: list[Callable[[str], object]] = attrs.field(factory=list)
    names: list[str] = attrs.field(factory=list)
    first: str | None = None  # a column that is never empty on a row with data

    def cache(self, cached: Collection[str], first: Collection[str]) -> None:
        if any(column is None for column in self.columns):
            return  # unknown or repeated columns: the table has problems; read it slowly
        columns = [column for column in self.columns if column is not None]
        self.names = [column.name for column in columns]
        self.first = next((name for name in self.names if name in first), None)
        pairs = [
            self._cached(column) if column.name in cached else (self._direct(column),) * 2
            for column in columns
        ]
        self.readers = [read for read, _ in pairs]
        self.fillers = [fill for _, fill in pairs]

    @staticmethod
    def _direct(column: Column) -> Callable[[str], object]:
        parse, required = column.parse, column.required

        def read(cell: str) -> object:
            text = cell.strip()
            if text:
                return parse(text)
            if required:
                raise ValueError("empty")
            return None

        return read

    @staticmethod
    def _cached(
        column: Column,
    ) -> tuple[Callable[[str], object], Callable[[str], object]]:
        # Keyed by the cell as written; a miss raises KeyError and `fill` parses it.
        cache: dict[str, object] = {}
        parse, required = column.parse, column.required

        def fill(cell: str) -> object:
            text = cell.strip()
            if not text:
                if required:
                    raise ValueError("empty")
                value: object = None
            else:
                value = parse(text)
            if len(cache) >= _CACHE_SIZE:
                cache.clear()
            cache[cell] = value
            return value

        return cache.__getitem__, fill

    def row(self, number: int, cells: Sequence[str]) -> None:
        readers = self.readers
        if readers is None or len(cells) != len(readers) or not self.header_ok:
            _Collector.row(self, number, cells)
            return
        try:
            parsed = [read(cell) for read, cell in zip(readers, cells, strict=True)]
        except KeyError:
            try:
                parsed = [fill(cell) for fill, cell in zip(self.fillers, cells, strict=True)]
            except ValueError:
                _Collector.row(self, number, cells)
                return
        except ValueError:
            _Collector.row(self, number, cells)
            return
        values = dict(zip(self.names, parsed, strict=True))
        if self.first is not None and values[self.first] is None:
            # Empty where a row with data has a value: an empty row, or a problem.
            _Collector.row(self, number, cells)
            return
        self.build_row(
            Row(
                where=self.where(number),
                line=number,
                values=values,
                headers=self.headers,
                separator=self.separator,
                layout=self.layout,
            )
        )


def _size(binary: IO[bytes]) -> tuple[int | None, Callable[[], int] | None]:
    """The size of a regular file and a way to ask how far it has been read; for a pipe,
    `(None, None)`."""
    try:
        status = os.fstat(binary.fileno())
        raw = getattr(binary, "raw", binary)
        raw.tell()
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        return None, None
    if not stat.S_ISREG(status.st_mode):
        return None, None
    return status.st_size, raw.tell


@overload
def stream_rows(
    path: str | os.PathLike[str],
    layout: Layout,
    build: Callable[[Row], T],
    *,
    sheet: str | None = None,
    cached: Collection[str] = (),
    first: Collection[str] = (),
    progress: Progress | None = None,
    fast: None = None,
) -> Iterator[T]: ...


@overload
def stream_rows(
    path: str | os.PathLike[str],
    layout: Layout,
    build: Callable[[Row], T],
    *,
    sheet: str | None = None,
    cached: Collection[str] = (),
    first: Collection[str] = (),
    progress: Progress | None = None,
    fast: FastRows,
) -> Iterator[Any]: ...


def stream_rows(
    path: str | os.PathLike[str],
    layout: Layout,
    build: Callable[[Row], T],
    *,
    sheet: str | None = None,
    cached: Collection[str] = (),
    first: Collection[str] = (),
    progress: Progress | None = None,
    fast: FastRows | None = None,
) -> Iterator[Any]:
    """Read the table in `path` (a file, a [`TableStream`][dua.io.tables.TableStream] or a
    [`TableData`][dua.io.tables.TableData]) with `layout` as a stream: each row is built
    with `build` and yielded as soon as it is read, so that a CSV file of any length is read
    in little memory (it is not bound by [`MAX_TABLE_BYTES`][dua.limits.MAX_TABLE_BYTES]).

    The rules are those of the module, and so are the problems: rows that cannot be read
    are not yielded, reading goes on, and when the table is read a
    [`ValidationError`][dua.errors.ValidationError] lists every problem (at most
    [`MAX_STREAM_PROBLEMS`][dua.io.tables.MAX_STREAM_PROBLEMS]: reading stops there). A
    caller that writes what it is given must therefore write it so that it can be dropped
    when that error comes (see `dua.io._atomic`).

    Args:
        cached: the English names of columns whose values repeat (dates, codes, choices):
            each distinct text is parsed once. Never name a column that holds identity
            numbers: the cache would keep them.
        first: English names of columns one of which has a value on every row with data
            (the identity columns); a row where it is empty is read the slow way, which
            skips an empty row and reports any other.
        progress: called every few thousand rows and at the end (see
            [`Progress`][dua.io.tables.Progress]).
        fast: for a CSV table whose header has no problem, a
            [`FastRows`][dua.io.tables.FastRows] that reads the plainly valid records
            without making a `Row` of each (compiled once from the header), and hands the
            others to the careful reader, so that problems read exactly as without it.
            What it yields is yielded (instead of what `build` makes).

    Workbooks (`.xlsx`) cannot be streamed; they are read whole, within the limits of
    [`read_rows`][dua.io.tables.read_rows], and their rows yielded.

    Raises:
        FileFormatError: the file is missing, empty, not UTF-8, of an unknown type, or an
            unreadable workbook.
        ValidationError: after the last row, when any row or the header had a problem.
    """
    if isinstance(path, TableStream):
        peek = getattr(path.file, "peek", None)
        start = peek(4)[:4] if peek is not None else b""
        if start.startswith(b"PK\x03\x04") or peek is None:
            data = path.file.read(MAX_TABLE_BYTES + 1)
            yield from stream_rows(
                TableData(data, name=path.name), layout, build, sheet=sheet, progress=progress
            )
            return
        yield from _stream_csv(path.file, path.name, layout, build, cached, first, progress, fast)
        return
    if isinstance(path, TableData) and not path.is_workbook:
        yield from _stream_csv(
            io.BytesIO(path.content), path.name, layout, build, cached, first, progress, fast
        )
        return
    if not isinstance(path, TableData):
        file = _existing(path)
        suffix = file.suffix.lower()
        if suffix in CSV_SUFFIXES:
            try:
                binary = file.open("rb")
            except OSError as error:
                raise FileFormatError(
                    "error.table.cannot_read", file=file.name, reason=os_reason(error)
                ) from None
            with binary:
                yield from _stream_csv(
                    binary, file.name, layout, build, cached, first, progress, fast
                )
            return
    reading = read_rows(path, layout, build, sheet=sheet)
    if progress is not None:
        progress(len(reading.results), len(reading.results), len(reading.results))
    yield from reading.results
    reading.check()


def _stream_csv(
    binary: IO[bytes],
    source: str,
    layout: Layout,
    build: Callable[[Row], T],
    cached: Collection[str],
    first: Collection[str],
    progress: Progress | None,
    fast: FastRows | None = None,
) -> Iterator[Any]:
    total, position = _size(binary) if progress is not None else (None, None)
    collector: _StreamCollector[T] = _StreamCollector(
        layout, build, _line(1), _numbered("error.place.line", "line")
    )
    results = collector.results
    problems = collector.problems
    rows = 0

    def syntax(line: int, message: str) -> None:
        collector.problem(_line(line), "error.table.csv_syntax", reason=message)

    def records() -> Generator[tuple[int, list[str]], None, None]:
        """(line, cells) of every CSV record read from `binary` as it arrives, the header
        first; the progress hook is called, and reading stops at `MAX_STREAM_PROBLEMS`
        problems or at a CSV syntax error (a problem). One generator for it all: a register
        run reads millions of records through it."""
        nonlocal rows
        text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
        line = 1
        try:
            header_line = text.readline()
            reader = csv.reader(
                itertools.chain((header_line,), text),
                delimiter=detect_separator(header_line.split("\n", 1)[0]),
                strict=True,
            )
            header = True
            try:
                for cells in reader:
                    start = line
                    yield start, cells
                    line = reader.line_num + 1
                    if header:
                        header = False
                        continue
                    rows += 1
                    if progress is not None and rows % _PROGRESS_EVERY == 0:
                        progress(position() if position is not None else 0, total, rows)
                    if len(problems) >= MAX_STREAM_PROBLEMS:
                        collector.problem(
                            _line(start), "error.table.stopped", limit=MAX_STREAM_PROBLEMS
                        )
                        break
            except csv.Error as error:
                syntax(reader.line_num, str(error))
        except UnicodeDecodeError:
            raise FileFormatError("error.table.not_utf8_line", file=source, line=line) from None
        finally:
            text.detach()

    def slow(line: int, cells: Sequence[str]) -> list[Any]:
        collector.row(line, cells)
        made = list(results)
        results.clear()
        return made

    stream = records()
    header = next(stream, None)
    if header is None:
        if problems:  # a CSV syntax error in the header
            collector.reading(source).check()
        raise FileFormatError("error.table.empty_file", file=source, known=layout.known())
    collector.header(header[1])
    collector.cache(cached, first)
    known = [column for column in collector.columns if column is not None]
    runner = None
    if fast is not None and collector.header_ok and len(known) == len(collector.columns):
        runner = fast(known, slow)
    try:
        if runner is not None:
            yield from runner(stream)
        else:
            for line, cells in stream:
                collector.row(line, cells)
                if results:
                    yield from results
                    results.clear()
    finally:
        stream.close()  # while the file is open
    if progress is not None:
        progress(total if total is not None else 0, total, rows)
    collector.reading(source).check()
