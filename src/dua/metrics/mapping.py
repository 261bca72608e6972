"""Target-group mapping (*kartläggning*): counts and shares of person records by the
dimensions the seeds' annexes use, one-way and cross-tabulated, with small-cell suppression.

The Hällefors seed's target-group section and the DUA template's *Bilaga 1 – Kartläggning
av målgruppen* state the target group by age band, sex, AF registration category
(*sökandekategori*, e.g. 11, 69, 14), foreign-born, disability, education level, social
assistance and municipality (DOMAIN.md §1, §6). Each [`Dimension`][dua.metrics.mapping.Dimension]
here puts every person in exactly one category (unknown values get their own category),
so the categories of a table always add up to its total.

**Suppression** (DOMAIN.md §6: counts about few people can identify them). With
`threshold=n`, a published table hides:

1. *primary suppression*: every count from 1 to n − 1, totals included (a zero reveals no
   person and is shown, as in SCB's tables);
2. *secondary suppression*: the table is read as lines, each an equation "parts = total"
   (every row with its row total, every column with its column total, and the margins
   with the grand total). While some line has exactly one hidden entry — which could be
   recovered by subtraction — the smallest visible positive entry of that line (parts
   before the total, then the first in order) is hidden too. This repeats until no line
   has exactly one hidden entry.

Hidden counts print as `..` (SCB's sign for "uppgift ej tillgänglig eller för osäker för
att anges"); a share is shown only when its numerator and denominator both are. The
method guarantees that no hidden count follows from a single row or column equation; like
every line-by-line heuristic it does not guarantee that no interval can be narrowed by
combining several equations, so keep thresholds conservative for very small tables.

>>> from datetime import date
>>> from dua.model import Person, Sex
>>> people = [Person(key=f"p{i}", birth_date=date(1995, 1, 1), sex=Sex.FEMALE if i < 36 else Sex.MALE)
...           for i in range(103)]
>>> print(tabulate(people, sex()).render())
| kön | antal | andel |
|---|---:|---:|
| kvinnor | 36 | 35,0 % |
| män | 67 | 65,0 % |
| okänt | 0 | 0,0 % |
| totalt | 103 | 100,0 % |
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Literal

import attrs

from dua import _html
from dua.errors import mask_value
from dua.i18n import KeyedValueError, get_language
from dua.i18n import text as _text
from dua.metrics.numbers import Share, format_count, format_percent
from dua.model import AgeBand, EducationLevel, Person, Sex
from dua.municipalities import by_code, is_municipality_code
from dua.rules.dates import age as age_in_years

__all__ = [
    "SUPPRESSED",
    "Cell",
    "CrossTable",
    "Dimension",
    "Tally",
    "age_band",
    "cross_table_from_counts",
    "cross_tabulate",
    "disability",
    "education",
    "foreign_born",
    "mapping_tables",
    "municipality",
    "registration_category",
    "sex",
    "social_assistance",
    "tabulate",
    "tally_from_counts",
]

SUPPRESSED = ".."
"""What a hidden count prints as (SCB's sign for a figure that is not published)."""

UNKNOWN = "okänt"
_TOTAL = {"sv": "totalt", "en": "total"}
_COUNT = {"sv": "antal", "en": "count"}
_SHARE = {"sv": "andel", "en": "share"}


@attrs.frozen(kw_only=True)
class Dimension:
    """A way to classify persons: a name, the ordered categories and a key function.

    `key` returns the person's category; categories not listed in `categories` are shown
    after them in sorted order. `labels_en` translates categories for English output.
    """

    name: str
    label_en: str
    key: Callable[[Person], str]
    categories: tuple[str, ...] = ()
    labels_en: Mapping[str, str] = attrs.field(factory=dict)

    def label(self, lang: str | None = None) -> str:
        """The dimension's heading in `lang`."""
        lang = get_language(lang)
        return self.label_en if lang == "en" else self.name

    def category_label(self, category: str, lang: str | None = None) -> str:
        """A category's label in `lang`."""
        lang = get_language(lang)
        return self.labels_en.get(category, category) if lang == "en" else category

    def order(self, seen: Iterable[str]) -> tuple[str, ...]:
        """The listed categories, then any others seen, sorted."""
        extra = sorted(set(seen) - set(self.categories))
        return (*self.categories, *extra)


def age_band(
    on: date,
    bands: Sequence[AgeBand] = (AgeBand(min_age=16, max_age=19), AgeBand(min_age=20, max_age=24)),
) -> Dimension:
    """Age band on `on` (default 16–19 and 20–24, the DUA youth sub-bands, DOMAIN.md §4.3);
    ages outside every band are `"övriga åldrar"`. Ages are counted as Swedish law counts
    them (`dua.rules.dates.age`, lag (1930:173) 1 §)."""
    names = tuple(str(band) for band in bands)
    other = "övriga åldrar"

    def key(person: Person) -> str:
        age = age_in_years(person.birth_date, on)
        for name, band in zip(names, bands, strict=True):
            if band.contains(age):
                return name
        return other

    return Dimension(
        name="åldersgrupp",
        label_en="age band",
        key=key,
        categories=(*names, other),
        labels_en={other: "other ages"},
    )


def sex() -> Dimension:
    """Legal sex: women, men, unknown."""
    values = {Sex.FEMALE: "kvinnor", Sex.MALE: "män", None: UNKNOWN}

    def key(person: Person) -> str:
        return values[person.sex]

    return Dimension(
        name="kön",
        label_en="sex",
        key=key,
        categories=("kvinnor", "män", UNKNOWN),
        labels_en={"kvinnor": "women", "män": "men", UNKNOWN: "unknown"},
    )


def registration_category(on: date) -> Dimension:
    """AF registration category (*sökandekategori*) active on `on`, as coded in the data
    (e.g. `"11"` openly unemployed, `"69"` UGA, `"14"` not available, as in the Hällefors
    seed; no catalogue is invented). With several active registrations, the one started
    last counts; no active registration with a category is `"ej inskriven"`."""
    none = "ej inskriven"

    def key(person: Person) -> str:
        active = [r for r in person.registrations if r.category is not None and r.active_on(on)]
        if not active:
            return none
        latest = max(active, key=lambda r: r.start)
        assert latest.category is not None
        return latest.category

    return Dimension(
        name="sökandekategori",
        label_en="registration category",
        key=key,
        labels_en={none: "not registered"},
    )


def _yes_no(
    name: str, label_en: str, attribute: str, yes: str, no: str, yes_en: str, no_en: str
) -> Dimension:
    values = {True: yes, False: no, None: UNKNOWN}

    def key(person: Person) -> str:
        return values[getattr(person, attribute)]

    return Dimension(
        name=name,
        label_en=label_en,
        key=key,
        categories=(yes, no, UNKNOWN),
        labels_en={yes: yes_en, no: no_en, UNKNOWN: "unknown"},
    )


def foreign_born() -> Dimension:
    """Foreign-born (*utrikes född*) or born in Sweden; unknown kept apart."""
    return _yes_no(
        "födelseland",
        "country of birth",
        "foreign_born",
        "utrikes född",
        "inrikes född",
        "foreign-born",
        "born in Sweden",
    )


def disability() -> Dimension:
    """Disability (*funktionsnedsättning*) recorded or not; unknown kept apart."""
    return _yes_no(
        "funktionsnedsättning",
        "disability",
        "disability",
        "med funktionsnedsättning",
        "utan funktionsnedsättning",
        "with disability",
        "without disability",
    )


def education() -> Dimension:
    """Highest completed education level, in Arbetsförmedlingen's categories."""

    def key(person: Person) -> str:
        return UNKNOWN if person.education is None else person.education.value

    return Dimension(
        name="utbildningsnivå",
        label_en="education level",
        key=key,
        categories=(*(level.value for level in EducationLevel), UNKNOWN),
        labels_en={**{level.value: level.label_en for level in EducationLevel}, UNKNOWN: "unknown"},
    )


def social_assistance(year: int, min_months: int = 1) -> Dimension:
    """Social assistance (*försörjningsstöd*) in `year`: at least `min_months` months with
    assistance. `min_months=10` is the Norrköping seed's long-term assistance (at least 10
    of 12 months in a calendar year, DOMAIN.md §4.3)."""
    if not 1 <= min_months <= 12:
        raise ValueError(f"min_months is between 1 and 12, got {min_months}")
    yes, no = f"försörjningsstöd {year}", f"ej försörjningsstöd {year}"

    def key(person: Person) -> str:
        months = {m.month for m in person.social_assistance if m.year == year}
        return yes if len(months) >= min_months else no

    return Dimension(
        name="försörjningsstöd",
        label_en="social assistance",
        key=key,
        categories=(yes, no),
        labels_en={yes: f"social assistance {year}", no: f"no social assistance {year}"},
    )


def municipality() -> Dimension:
    """Home municipality by SCB code (labelled with its name when printed); unknown apart."""

    def key(person: Person) -> str:
        return UNKNOWN if person.home_municipality is None else str(person.home_municipality)

    return Dimension(
        name="kommun", label_en="municipality", key=key, labels_en={UNKNOWN: "unknown"}
    )


def _display(dimension: Dimension, category: str, lang: str) -> str:
    if dimension.name == "kommun" and is_municipality_code(category):
        return f"{by_code(category).name} ({category})"
    return dimension.category_label(category, lang)


@attrs.frozen(kw_only=True)
class Cell:
    """One count in a table; `suppressed` hides it when published (`primary` if it is
    small itself, otherwise hidden so that it cannot reveal a small one)."""

    count: int
    suppressed: bool = False
    primary: bool = False

    @property
    def shown(self) -> int | None:
        """The count as published: `None` when hidden."""
        return None if self.suppressed else self.count

    def text(self, lang: str | None = None) -> str:
        """The count as printed (`..` when hidden)."""
        lang = get_language(lang)
        return SUPPRESSED if self.suppressed else format_count(self.count, lang)


def _suppress(
    counts: dict[tuple[int, int], int],
    lines: list[tuple[list[tuple[int, int]], tuple[int, int]]],
    threshold: int | None,
) -> dict[tuple[int, int], Cell]:
    if threshold is None:
        return {at: Cell(count=count) for at, count in counts.items()}
    primary = {at for at, count in counts.items() if 0 < count < threshold}
    hidden = set(primary)
    changed = True
    while changed:
        changed = False
        for parts, total in lines:
            entries = [*parts, total]
            if sum(at in hidden for at in entries) != 1:
                continue
            visible = [at for at in entries if at not in hidden]
            positive = [at for at in visible if counts[at] > 0] or visible
            # Smallest first; parts before the total; then position in the line.
            pick = min(positive, key=lambda at: (counts[at], at == total, entries.index(at)))
            hidden.add(pick)
            changed = True
    return {
        at: Cell(count=count, suppressed=at in hidden, primary=at in primary)
        for at, count in counts.items()
    }


def _share_text(part: Cell, whole: Cell, decimals: int, lang: str) -> str:
    if part.suppressed or whole.suppressed:
        return SUPPRESSED
    if whole.count == 0:
        return "–"
    return format_percent(
        Share(numerator=part.count, denominator=whole.count).value, decimals, lang
    )


def _markdown(header: list[str], rows: list[list[str]], numeric_from: int) -> str:
    align = ["---" if i < numeric_from else "---:" for i in range(len(header))]
    text = ["| " + " | ".join(line) + " |" for line in (header, *rows)]
    text.insert(1, "|" + "|".join(align) + "|")
    return "\n".join(text)


def _plain(header: list[str], rows: list[list[str]], numeric_from: int) -> str:
    table = [header, *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            cell.ljust(widths[i]) if i < numeric_from else cell.rjust(widths[i])
            for i, cell in enumerate(row)
        )
        for row in table
    )


@attrs.frozen(kw_only=True)
class Tally:
    """A one-way table: the count of persons in each category of one dimension, with the
    total; counts may be hidden by suppression (`threshold`)."""

    dimension: Dimension
    categories: tuple[str, ...]
    cells: tuple[Cell, ...]
    total: Cell
    threshold: int | None = None

    def cell(self, category: str) -> Cell:
        """The cell of `category` (`KeyError` if the table has no such category)."""
        try:
            return self.cells[self.categories.index(category)]
        except ValueError:
            raise KeyError(category) from None

    def share(self, category: str) -> Share:
        """The exact share of `category` in the total (unsuppressed: for analysis, not for
        publication)."""
        return Share(
            numerator=self.cell(category).count,
            denominator=self.total.count,
            subset=category,
            population=self.dimension.name,
        )

    def render(
        self,
        lang: str | None = None,
        fmt: Literal["markdown", "text"] = "markdown",
        decimals: int = 1,
    ) -> str:
        """The table as Markdown or plain text, with counts and shares of the total."""
        lang = get_language(lang)
        header = [self.dimension.label(lang), _COUNT[lang]]
        header.append(_SHARE[lang])
        rows = [
            [
                _display(self.dimension, category, lang),
                cell.text(lang),
                _share_text(cell, self.total, decimals, lang),
            ]
            for category, cell in zip(self.categories, self.cells, strict=True)
        ]
        rows.append(
            [
                _TOTAL[lang],
                self.total.text(lang),
                _share_text(self.total, self.total, decimals, lang),
            ]
        )
        return (_markdown if fmt == "markdown" else _plain)(header, rows, 1)

    def __repr__(self) -> str:
        # The generated repr spells out the dimension's key function and label mappings.
        return (
            f"Tally(dimension={self.dimension.name!r}, categories={len(self.categories)}, "
            f"total={self.total.text()!r}, threshold={self.threshold!r})"
        )

    def _repr_html_(self) -> str:
        """The table for notebooks: counts and shares of the total, hidden counts as `..`,
        the total in the table foot and the suppression applied under the caption."""
        lang = get_language()
        rows = [
            (_display(self.dimension, category, lang), cell.text(lang),
             _share_text(cell, self.total, 1, lang))
            for category, cell in zip(self.categories, self.cells, strict=True)
        ]  # fmt: skip
        foot = [
            (("totalt", "total"), self.total.text(lang),
             _share_text(self.total, self.total, 1, lang))
        ]  # fmt: skip
        return _html.block(
            _html.table(
                (f"Kartläggning: {self.dimension.name}", f"Mapping: {self.dimension.label_en}"),
                [(self.dimension.name, self.dimension.label_en), ("antal", "count"),
                 ("andel", "share")],
                rows,
                numeric=[1, 2],
                foot=foot,
                note=_suppression_note(self.threshold),
            )
        )  # fmt: skip


def _suppression_note(threshold: int | None) -> str | None:
    if threshold is None:
        return None
    return _text("notebook.suppression", threshold=threshold, sign=SUPPRESSED)


@attrs.frozen(kw_only=True)
class CrossTable:
    """A two-way table: counts by the categories of two dimensions, with row totals,
    column totals and the grand total; counts may be hidden by suppression."""

    rows: Dimension
    columns: Dimension
    row_categories: tuple[str, ...]
    column_categories: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]
    row_totals: tuple[Cell, ...]
    column_totals: tuple[Cell, ...]
    total: Cell
    threshold: int | None = None

    def cell(self, row: str, column: str) -> Cell:
        """The cell at (`row`, `column`) (`KeyError` if either category is unknown)."""
        try:
            return self.cells[self.row_categories.index(row)][self.column_categories.index(column)]
        except ValueError:
            raise KeyError((row, column)) from None

    def render(
        self,
        lang: str | None = None,
        fmt: Literal["markdown", "text"] = "markdown",
        shares: Literal["row", "column", "total"] | None = None,
        decimals: int = 1,
    ) -> str:
        """The table as Markdown or plain text; with `shares`, each count is followed by
        its share of the row total, column total or grand total."""
        lang = get_language(lang)
        en = lang == "en"
        corner = f"{self.rows.label(lang)} / {self.columns.label(lang)}"
        header = [corner, *(_display(self.columns, c, lang) for c in self.column_categories)]
        header.append(_TOTAL["en" if en else "sv"])

        def text(cell: Cell, r: int | None, c: int | None) -> str:
            if shares is None:
                return cell.text(lang)
            if shares == "row":
                whole = self.total if r is None else self.row_totals[r]
            elif shares == "column":
                whole = self.total if c is None else self.column_totals[c]
            else:
                whole = self.total
            return f"{cell.text(lang)} ({_share_text(cell, whole, decimals, lang)})"

        body: list[list[str]] = []
        for r, category in enumerate(self.row_categories):
            line = [text(cell, r, c) for c, cell in enumerate(self.cells[r])]
            body.append(
                [_display(self.rows, category, lang), *line, text(self.row_totals[r], r, None)]
            )
        margin = [text(cell, None, c) for c, cell in enumerate(self.column_totals)]
        body.append([_TOTAL["en" if en else "sv"], *margin, text(self.total, None, None)])
        return (_markdown if fmt == "markdown" else _plain)(header, body, 1)

    def __repr__(self) -> str:
        # The generated repr spells out both dimensions and every cell.
        return (
            f"CrossTable(rows={self.rows.name!r}, columns={self.columns.name!r}, "
            f"shape=({len(self.row_categories)}, {len(self.column_categories)}), "
            f"total={self.total.text()!r}, threshold={self.threshold!r})"
        )

    def _repr_html_(self) -> str:
        """The table for notebooks: counts by row and column category with row totals,
        column totals (in the table foot) and the grand total; hidden counts as `..`."""
        lang = get_language()
        header: list[_html.Label] = [
            (f"{self.rows.name} / {self.columns.name}",
             f"{self.rows.label_en} / {self.columns.label_en}"),
            *(_display(self.columns, c, lang) for c in self.column_categories),
            ("totalt", "total"),
        ]  # fmt: skip
        rows = [
            (
                _display(self.rows, category, lang),
                *(cell.text(lang) for cell in line),
                row_total.text(lang),
            )
            for category, line, row_total in zip(
                self.row_categories, self.cells, self.row_totals, strict=True
            )
        ]
        foot = [
            (("totalt", "total"), *(cell.text(lang) for cell in self.column_totals),
             self.total.text(lang))
        ]  # fmt: skip
        return _html.block(
            _html.table(
                (
                    f"Kartläggning: {self.rows.name} efter {self.columns.name}",
                    f"Mapping: {self.rows.label_en} by {self.columns.label_en}",
                ),
                header,
                rows,
                numeric=range(1, len(self.column_categories) + 2),
                foot=foot,
                note=_suppression_note(self.threshold),
            )
        )


def tabulate(
    persons: Iterable[Person], dimension: Dimension, *, threshold: int | None = None
) -> Tally:
    """Count `persons` by `dimension`; with `threshold`, suppress counts below it (and any
    count that would reveal them).

    >>> from dua.model import Person
    >>> people = [Person(key=f"p{i}", birth_date=date(1995, 1, 1), foreign_born=i < 2) for i in range(12)]
    >>> table = tabulate(people, foreign_born(), threshold=3)
    >>> [cell.text() for cell in table.cells], table.total.text()
    (['..', '..', '0'], '12')
    """
    _check_threshold(threshold)
    return tally_from_counts(
        dimension, Counter(dimension.key(person) for person in persons), threshold=threshold
    )


def _check_threshold(threshold: int | None) -> None:
    if threshold is not None and threshold < 1:
        raise ValueError(f"a suppression threshold is at least 1, got {threshold}")


def _check_counts(counts: Mapping[str, int] | Mapping[tuple[str, str], int]) -> None:
    # A count of persons is a whole number ≥ 0. A negative or fractional one (counts made
    # elsewhere) would print as nonsense and defeats the reasoning of suppression, whose
    # lines assume every hidden entry is at most its line's total.
    for category, count in counts.items():
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise KeyedValueError(
                "error.number.count", name=mask_value(category), shown=mask_value(count)
            )


def tally_from_counts(
    dimension: Dimension, counts: Mapping[str, int], *, threshold: int | None = None
) -> Tally:
    """The one-way table of counts already made (category → count), with the same order,
    total and suppression as [`tabulate`][dua.metrics.mapping.tabulate].

    For counts computed elsewhere, e.g. on a data-frame engine
    ([`dua.frames.tabulate`][dua.frames.metrics.tabulate]): only this small table of counts is
    needed to suppress, never the records.

    Raises:
        ValueError: `threshold` is below 1, or a count is not a whole number ≥ 0.

    >>> table = tally_from_counts(foreign_born(), {"utrikes född": 2, "inrikes född": 10}, threshold=3)
    >>> [cell.text() for cell in table.cells], table.total.text()
    (['..', '..', '0'], '12')
    """
    _check_threshold(threshold)
    _check_counts(counts)
    categories = dimension.order(counts)
    grid = {(i, 0): counts.get(category, 0) for i, category in enumerate(categories)}
    total_at = (len(categories), 0)
    grid[total_at] = sum(counts.values())
    cells = _suppress(grid, [([(i, 0) for i in range(len(categories))], total_at)], threshold)
    return Tally(
        dimension=dimension,
        categories=categories,
        cells=tuple(cells[(i, 0)] for i in range(len(categories))),
        total=cells[total_at],
        threshold=threshold,
    )


def cross_tabulate(
    persons: Iterable[Person], rows: Dimension, columns: Dimension, *, threshold: int | None = None
) -> CrossTable:
    """Count `persons` by two dimensions, with row, column and grand totals; with
    `threshold`, apply primary and secondary suppression (module docstring).

    >>> from dua.model import Person, Sex
    >>> people = [Person(key=f"p{i}", birth_date=date(1995, 1, 1), sex=Sex.MALE if i % 3 else Sex.FEMALE,
    ...                  foreign_born=i < 4) for i in range(30)]
    >>> table = cross_tabulate(people, sex(), foreign_born(), threshold=3)
    >>> table.cell("kvinnor", "utrikes född").text(), table.total.text()
    ('..', '30')
    """
    _check_threshold(threshold)
    counts = Counter((rows.key(person), columns.key(person)) for person in persons)
    return cross_table_from_counts(rows, columns, counts, threshold=threshold)


def cross_table_from_counts(
    rows: Dimension,
    columns: Dimension,
    counts: Mapping[tuple[str, str], int],
    *,
    threshold: int | None = None,
) -> CrossTable:
    """The two-way table of counts already made ((row, column) → count), with the same
    order, totals and suppression as [`cross_tabulate`][dua.metrics.mapping.cross_tabulate].

    Raises:
        ValueError: `threshold` is below 1, or a count is not a whole number ≥ 0.

    >>> table = cross_table_from_counts(sex(), foreign_born(), {("kvinnor", "utrikes född"): 2,
    ...     ("kvinnor", "inrikes född"): 8, ("män", "inrikes född"): 20}, threshold=3)
    >>> table.cell("kvinnor", "utrikes född").text(), table.total.text()
    ('..', '30')
    """
    _check_threshold(threshold)
    _check_counts(counts)
    row_categories = rows.order(r for r, _ in counts)
    column_categories = columns.order(c for _, c in counts)
    n_rows, n_columns = len(row_categories), len(column_categories)
    grid: dict[tuple[int, int], int] = {}
    for r, row in enumerate(row_categories):
        for c, column in enumerate(column_categories):
            grid[(r, c)] = counts.get((row, column), 0)
    for r in range(n_rows):
        grid[(r, n_columns)] = sum(grid[(r, c)] for c in range(n_columns))
    for c in range(n_columns + 1):
        grid[(n_rows, c)] = sum(grid[(r, c)] for r in range(n_rows))
    lines = [([(r, c) for c in range(n_columns)], (r, n_columns)) for r in range(n_rows + 1)]
    lines += [([(r, c) for r in range(n_rows)], (n_rows, c)) for c in range(n_columns + 1)]
    cells = _suppress(grid, lines, threshold)
    return CrossTable(
        rows=rows,
        columns=columns,
        row_categories=row_categories,
        column_categories=column_categories,
        cells=tuple(tuple(cells[(r, c)] for c in range(n_columns)) for r in range(n_rows)),
        row_totals=tuple(cells[(r, n_columns)] for r in range(n_rows)),
        column_totals=tuple(cells[(n_rows, c)] for c in range(n_columns)),
        total=cells[(n_rows, n_columns)],
        threshold=threshold,
    )


def mapping_tables(
    persons: Iterable[Person],
    on: date,
    *,
    year: int | None = None,
    threshold: int | None = None,
) -> dict[str, Tally]:
    """The standard mapping annex: one table per dimension (age band, sex, registration
    category, foreign-born, disability, education, social assistance in `year` — default
    the year of `on` — and municipality), keyed by dimension name."""
    people = list(persons)
    dimensions = (
        age_band(on),
        sex(),
        registration_category(on),
        foreign_born(),
        disability(),
        education(),
        social_assistance(on.year if year is None else year),
        municipality(),
    )
    return {d.name: tabulate(people, d, threshold=threshold) for d in dimensions}
