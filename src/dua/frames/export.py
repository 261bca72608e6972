"""Results as data frames: every result type of `dua` as a typed table for pandas, polars or
pyarrow (issue 9, part 3).

[`to_frame`][dua.frames.export.to_frame] takes a result and a backend and returns a native
frame whose columns are typed and exact:

- **counts** are `int64`, **dates** `date32`, texts strings, flags booleans (null where a
  value is unknown, e.g. `balanced` when nobody's sex is known);
- **statuses and other enums** as two columns: the stable code (the enum's name, e.g.
  `ATTAINED`, as the JSON report writes it) and its label in `lang` (`uppnått`);
- **exact values stay recoverable**: a share comes with its numerator and denominator
  (`Fraction(women, known)`), and every other exact number has a `float64` column for
  convenience beside an `_exact` text column (`"7/25"`, `"28"`) that
  `fractions.Fraction` reads back exactly;
- **a suppressed cell** of a mapping table is a null count with `suppressed` true: its true
  count is nowhere in the frame, nor can it be derived from a share in it.

The types per backend: pyarrow `int64`, `date32[day]`, `string`, `bool`, `double`; polars
`Int64`, `Date`, `String`, `Boolean`, `Float64`; pandas the same pyarrow types as
`pd.ArrowDtype` (`int64[pyarrow]`, `date32[day][pyarrow]`, …), because numpy's `int64`
cannot hold a null and would turn a suppressed count into a float.

| result | one row per |
|---|---|
| [`GoalAssessment`][dua.metrics.goals.GoalAssessment] (or several) | result: target, unit, year or step, depth first (`result` is its path, `"1.2"`) |
| [`KaaRegister`][dua.rules.kaa.KaaRegister] | home municipality of the covered, and reason of the others (counts only, never keys) |
| [`Tally`][dua.metrics.mapping.Tally], or the mapping of [`mapping_tables`][dua.metrics.mapping.mapping_tables] | category, and the total |
| [`CrossTable`][dua.metrics.mapping.CrossTable] | cell, row total, column total and the grand total |
| [`GenderBalance`][dua.metrics.gender.GenderBalance], or the mapping of [`gender_by_group`][dua.metrics.gender.gender_by_group] | group (`group` null for a single balance) |
| [`Finding`][dua.metrics.consistency.Finding] (or several) | finding |
| [`Schedule`][dua.schedule.Schedule] | dated occurrence, then each item without a date (`on` null, `unscheduled` its reason) |

>>> from dua.metrics import GenderBalance
>>> frame = to_frame(GenderBalance(women=36, men=67), backend="polars")
>>> frame.select("women", "men", "known", "balanced").row(0)
(36, 67, 103, False)
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from dua.errors import FrameError
from dua.frames._backend import BACKENDS, Backend, nw
from dua.i18n import get_language
from dua.metrics.consistency import Finding
from dua.metrics.gender import GenderBalance
from dua.metrics.goals import GoalAssessment, Result
from dua.metrics.mapping import Cell, CrossTable, Tally
from dua.model import LabelledEnum
from dua.rules.kaa import REASON_LABELS, KaaRegister
from dua.schedule import Schedule

__all__ = ["to_frame"]

_TYPES: dict[str, Any] = {
    "int": nw.Int64(),
    "date": nw.Date(),
    "str": nw.String(),
    "bool": nw.Boolean(),
    "float": nw.Float64(),
}


class _Table:
    """Columns filled row by row, each with a declared type (so that an empty table, or a
    column of nulls, still has its type)."""

    def __init__(self, columns: Sequence[tuple[str, str]]) -> None:
        self.types = dict(columns)
        self.data: dict[str, list[object]] = {name: [] for name, _ in columns}

    def add(self, **values: object) -> None:
        unknown = set(values) - set(self.data)
        assert not unknown, unknown  # a bug in this module, not the user's
        for name, column in self.data.items():
            column.append(values.get(name))

    def native(self, backend: Backend) -> Any:
        if backend not in BACKENDS:
            raise FrameError(
                "backend", "error.frames.backend", backend=repr(backend), known=", ".join(BACKENDS)
            )
        schema = {name: _TYPES[kind] for name, kind in self.types.items()}
        table = nw.to_native(nw.from_dict(self.data, schema=schema, backend="pyarrow"))
        return _convert(table, backend)


def _convert(table: Any, backend: Backend) -> Any:
    """A pyarrow table as the native frame of `backend`, keeping its arrow types (a
    separate helper from `dua.frames._backend.to_native`, which converts pandas through
    numpy types and so cannot keep a null in an integer column)."""
    if backend == "pyarrow":
        return table
    if backend == "polars":
        return nw.from_native(table).to_polars()
    # Imported by name: pandas was asked for, so it is installed; it ships no types.
    pandas = importlib.import_module("pandas")
    return table.to_pandas(types_mapper=pandas.ArrowDtype)


def _code(value: LabelledEnum | None) -> str | None:
    return None if value is None else value.name


def _label(value: LabelledEnum | None, lang: str) -> str | None:
    return None if value is None else value.label(lang)


def _float(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def _exact(value: Fraction | None) -> str | None:
    return None if value is None else str(value)


# -- goal assessments ------------------------------------------------------------------------

_NUMBERS = ("baseline", "target", "upper", "observed", "expected", "gap")

_ASSESSMENT_COLUMNS = [
    ("goal", "str"),
    ("goal_kind", "str"),
    ("goal_kind_label", "str"),
    ("on", "date"),
    ("goal_status", "str"),
    ("goal_status_label", "str"),
    ("goal_reason", "str"),
    ("goal_reason_label", "str"),
    ("result", "str"),
    ("depth", "int"),
    ("label", "str"),
    ("unit", "str"),
    ("combination", "str"),
    ("status", "str"),
    ("status_label", "str"),
    ("reason", "str"),
    ("reason_label", "str"),
    ("comparison", "str"),
    ("comparison_label", "str"),
    *((column, kind) for name in _NUMBERS for column, kind in ((name, "float"), (f"{name}_exact", "str"))),
    ("numerator", "int"),
    ("denominator", "int"),
    ("observed_on", "date"),
    ("deadline", "date"),
    ("detail", "str"),
]  # fmt: skip


def _assessments(assessments: Iterable[GoalAssessment], lang: str) -> _Table:
    table = _Table(_ASSESSMENT_COLUMNS)
    for assessment in assessments:
        goal: dict[str, object] = {
            "goal": assessment.goal,
            "goal_kind": _code(assessment.kind),
            "goal_kind_label": _label(assessment.kind, lang),
            "on": assessment.on,
            "goal_status": _code(assessment.status),
            "goal_status_label": _label(assessment.status, lang),
            "goal_reason": _code(assessment.reason),
            "goal_reason_label": _label(assessment.reason, lang),
        }
        if not assessment.results:
            table.add(**goal)
        for index, result in enumerate(assessment.results, start=1):
            _result_rows(table, goal, result, str(index), 0, lang)
    return table


def _result_rows(
    table: _Table, goal: Mapping[str, object], result: Result, path: str, depth: int, lang: str
) -> None:
    numbers: dict[str, object] = {}
    for name in _NUMBERS:
        value: Fraction | None = getattr(result, name)
        numbers[name] = _float(value)
        numbers[f"{name}_exact"] = _exact(value)
    table.add(
        **goal,
        result=path,
        depth=depth,
        label=result.label,
        unit=result.unit,
        combination=result.combination,
        status=_code(result.status),
        status_label=_label(result.status, lang),
        reason=_code(result.reason),
        reason_label=_label(result.reason, lang),
        comparison=_code(result.comparison),
        comparison_label=_label(result.comparison, lang),
        **numbers,
        numerator=result.numerator,
        denominator=result.denominator,
        observed_on=result.observed_on,
        deadline=result.deadline,
        detail=result.detail or None,
    )
    for index, part in enumerate(result.parts, start=1):
        _result_rows(table, goal, part, f"{path}.{index}", depth + 1, lang)


# -- the KAA register ------------------------------------------------------------------------


def _kaa(register: KaaRegister, lang: str) -> _Table:
    table = _Table(
        [
            ("on", "date"),
            ("version", "str"),
            ("municipality", "str"),
            ("covered", "bool"),
            ("home_municipality", "str"),
            ("reason", "str"),
            ("reason_label", "str"),
            ("count", "int"),
        ]
    )
    common = {
        "on": register.on,
        "version": register.version.id,
        "municipality": None if register.municipality is None else str(register.municipality),
    }
    # Municipalities in code order, unknown last: a frame's order should not depend on the
    # order the persons came in.
    for code in sorted(register.covered, key=lambda c: (c is None, c or "")):
        table.add(
            **common,
            covered=True,
            home_municipality=None if code is None else str(code),
            count=len(register.covered[code]),
        )
    english = lang == "en"
    for reason, count in register.not_covered.items():
        labels = REASON_LABELS.get(reason, (reason, reason))
        table.add(
            **common,
            covered=False,
            reason=reason,
            reason_label=labels[1] if english else labels[0],
            count=count,
        )
    if register.municipality is not None:
        label = "other home municipality" if english else "annan hemkommun"
        table.add(
            **common,
            covered=False,
            reason="elsewhere",
            reason_label=label,
            count=register.elsewhere,
        )
    return table


# -- mapping tables --------------------------------------------------------------------------

_TALLY_COLUMNS = [
    ("dimension", "str"),
    ("dimension_label", "str"),
    ("category", "str"),
    ("category_label", "str"),
    ("is_total", "bool"),
    ("count", "int"),
    ("suppressed", "bool"),
    ("total", "int"),
    ("share", "float"),
    ("threshold", "int"),
]


def _shown_share(part: Cell, whole: Cell) -> float | None:
    # A share is shown only when both counts are: otherwise it would reveal the hidden one.
    if part.suppressed or whole.suppressed or whole.count == 0:
        return None
    return float(Fraction(part.count, whole.count))


def _tallies(tallies: Iterable[Tally], lang: str) -> _Table:
    table = _Table(_TALLY_COLUMNS)
    for tally in tallies:
        dimension = tally.dimension
        common = {
            "dimension": dimension.name,
            "dimension_label": dimension.label(lang),
            "total": tally.total.shown,
            "threshold": tally.threshold,
        }
        for category, cell in zip(tally.categories, tally.cells, strict=True):
            table.add(
                **common,
                category=category,
                category_label=dimension.category_label(category, lang),
                is_total=False,
                count=cell.shown,
                suppressed=cell.suppressed,
                share=_shown_share(cell, tally.total),
            )
        table.add(
            **common,
            category_label="total" if lang == "en" else "totalt",
            is_total=True,
            count=tally.total.shown,
            suppressed=tally.total.suppressed,
            share=_shown_share(tally.total, tally.total),
        )
    return table


def _cross(cross: CrossTable, lang: str) -> _Table:
    table = _Table(
        [
            ("row_dimension", "str"),
            ("column_dimension", "str"),
            ("row", "str"),
            ("row_label", "str"),
            ("column", "str"),
            ("column_label", "str"),
            ("row_total", "bool"),
            ("column_total", "bool"),
            ("count", "int"),
            ("suppressed", "bool"),
            ("threshold", "int"),
        ]
    )
    rows, columns = cross.rows, cross.columns
    row_keys: list[str | None] = [*cross.row_categories, None]
    column_keys: list[str | None] = [*cross.column_categories, None]
    grid = [
        [*line, row_total] for line, row_total in zip(cross.cells, cross.row_totals, strict=True)
    ]
    grid.append([*cross.column_totals, cross.total])
    for row, line in zip(row_keys, grid, strict=True):
        for column, cell in zip(column_keys, line, strict=True):
            table.add(
                row_dimension=rows.name,
                column_dimension=columns.name,
                row=row,
                row_label=None if row is None else rows.category_label(row, lang),
                column=column,
                column_label=None if column is None else columns.category_label(column, lang),
                row_total=column is None,
                column_total=row is None,
                count=cell.shown,
                suppressed=cell.suppressed,
                threshold=cross.threshold,
            )
    return table


# -- gender balances -------------------------------------------------------------------------


def _balances(balances: Iterable[tuple[str | None, GenderBalance]]) -> _Table:
    table = _Table(
        [
            ("group", "str"),
            ("women", "int"),
            ("men", "int"),
            ("unknown", "int"),
            ("known", "int"),
            ("total", "int"),
            ("women_share", "float"),
            ("men_share", "float"),
            ("balanced", "bool"),
            ("lower", "float"),
            ("lower_exact", "str"),
            ("upper", "float"),
            ("upper_exact", "str"),
        ]
    )
    for group, balance in balances:
        known = balance.known
        table.add(
            group=group,
            women=balance.women,
            men=balance.men,
            unknown=balance.unknown,
            known=known,
            total=balance.total,
            women_share=float(Fraction(balance.women, known)) if known else None,
            men_share=float(Fraction(balance.men, known)) if known else None,
            balanced=balance.balanced,
            lower=float(balance.lower),
            lower_exact=str(balance.lower),
            upper=float(balance.upper),
            upper_exact=str(balance.upper),
        )
    return table


# -- consistency findings --------------------------------------------------------------------


def _findings(findings: Iterable[Finding], lang: str) -> _Table:
    table = _Table(
        [
            ("kind", "str"),
            ("kind_label", "str"),
            ("path", "str"),
            ("stated", "str"),
            ("follows", "str"),
            ("figures", "str"),
            ("note", "str"),
        ]
    )
    for finding in findings:
        table.add(
            kind=_code(finding.kind),
            kind_label=_label(finding.kind, lang),
            path=finding.path,
            stated=finding.stated,
            follows=finding.follows,
            figures=", ".join(finding.figures),
            note=finding.note,
        )
    return table


# -- the follow-up calendar ------------------------------------------------------------------


def _schedule(plan: Schedule, lang: str) -> _Table:
    table = _Table(
        [
            ("agreement", "str"),
            ("on", "date"),
            ("kind", "str"),
            ("kind_label", "str"),
            ("item", "str"),
            ("body", "str"),
            ("title", "str"),
            ("basis", "str"),
            ("basis_label", "str"),
            ("exact", "bool"),
            ("detail", "str"),
            ("unscheduled", "str"),
            ("unscheduled_label", "str"),
            ("source_text", "str"),
        ]
    )
    for occurrence in plan.occurrences:
        table.add(
            agreement=plan.agreement_id,
            on=occurrence.on,
            kind=_code(occurrence.kind),
            kind_label=_label(occurrence.kind, lang),
            item=occurrence.item,
            body=occurrence.body,
            title=occurrence.title(lang),
            basis=_code(occurrence.basis),
            basis_label=_label(occurrence.basis, lang),
            exact=occurrence.exact,
            detail=occurrence.detail(lang) or None,
            source_text=occurrence.source_text,
        )
    for item in plan.unscheduled:
        table.add(
            agreement=plan.agreement_id,
            kind=_code(item.kind),
            kind_label=_label(item.kind, lang),
            item=item.item,
            body=item.body,
            title=item.title(lang),
            unscheduled=_code(item.reason),
            unscheduled_label=_label(item.reason, lang),
            source_text=item.source_text,
        )
    return table


# -- dispatch --------------------------------------------------------------------------------

_OF: dict[type, Callable[[Sequence[Any], str], _Table]] = {
    GoalAssessment: _assessments,
    Finding: _findings,
    Tally: _tallies,
    GenderBalance: lambda items, _lang: _balances((None, item) for item in items),
}


def _table(result: object, lang: str, of: type | None) -> _Table:
    if isinstance(result, GoalAssessment):
        return _assessments([result], lang)
    if isinstance(result, KaaRegister):
        return _kaa(result, lang)
    if isinstance(result, Tally):
        return _tallies([result], lang)
    if isinstance(result, CrossTable):
        return _cross(result, lang)
    if isinstance(result, GenderBalance):
        return _balances([(None, result)])
    if isinstance(result, Finding):
        return _findings([result], lang)
    if isinstance(result, Schedule):
        return _schedule(result, lang)
    if isinstance(result, Mapping):
        values = list(result.values())
        if values and all(isinstance(v, GenderBalance) for v in values):
            return _balances(result.items())
        if values and all(isinstance(v, Tally) for v in values):
            return _tallies(values, lang)
        if not values and of is GenderBalance:
            return _balances([])
        if not values and of is Tally:
            return _tallies([], lang)
    elif isinstance(result, Iterable) and not isinstance(result, str | bytes):
        items = list(result)
        kinds: set[type] = {type(item) for item in items}
        if not kinds and of is not None:
            kinds = {of}
        if len(kinds) == 1:
            (kind,) = kinds
            build = _OF.get(kind)
            if build is not None:
                return build(items, lang)
    known = "GoalAssessment, KaaRegister, Tally, CrossTable, GenderBalance, Finding, Schedule"
    raise TypeError(
        f"to_frame takes a result of dua ({known}), a list of goal assessments, findings, "
        "tallies or balances (an empty one with of=…), or a dict of tallies or balances; "
        f"got {type(result).__name__}"
    )


def to_frame(
    result: object, backend: Backend = "pandas", *, lang: str | None = None, of: type | None = None
) -> Any:
    """`result` as a typed table of `backend` (`"pandas"`, `"polars"` or `"pyarrow"`), with
    labels in `lang` (`"sv"` or `"en"`); see the module docstring for the rows and columns
    of each result type.

    `result` is one result, a list of goal assessments, findings, tallies or gender
    balances, or the dict that [`mapping_tables`][dua.metrics.mapping.mapping_tables] or
    [`gender_by_group`][dua.metrics.gender.gender_by_group] returns. An empty list or
    dict says nothing of its type: give it with `of` (`to_frame([], of=Finding)`), and
    the frame has the columns and no rows.

    A function rather than a method on each result type, so that the result types (which
    `import dua` loads) never import narwhals or a frame library.

    >>> from dua.metrics.mapping import foreign_born, tally_from_counts
    >>> table = tally_from_counts(foreign_born(), {"utrikes född": 2, "inrikes född": 10}, threshold=3)
    >>> frame = to_frame(table, backend="pyarrow")
    >>> frame.column("count").to_pylist(), frame.column("suppressed").to_pylist()
    ([None, None, 0, 12], [True, True, False, False])

    Raises:
        TypeError: `result` is not a result type listed above.
        FrameError: `backend` is not one of pandas, polars, pyarrow.
    """
    lang = get_language(lang)
    return _table(result, lang, of).native(backend)
