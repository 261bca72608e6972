"""Collections of results shown as one table in a notebook: `dua.display.table(results)`.

Each result of `dua` shows itself as a table in a notebook (`_repr_html_`), but the
functions that compute many return a plain `list` or `dict` — `assess_agreement` a list of
goal assessments, a dict comprehension of gender balances, `check_agreement` a list of
findings — and a notebook shows a list as text. Wrap it in
[`table`][dua.display.table] to see one row per result:

>>> from datetime import date
>>> from dua import examples
>>> from dua.io.followup import load_followup
>>> from dua.metrics.goals import assess_agreement
>>> assessments = assess_agreement(examples.load("ggv-2016"), load_followup("ggv-2016"),
...                                date(2019, 1, 31))
>>> shown = table(assessments)
>>> shown
ResultTable(kind='GoalAssessment', rows=4)
>>> "<caption>Bedömda mål (4)</caption>" in shown._repr_html_()
True

Rows by kind of result (a `dict`'s keys become the first column):

| results | one row per | columns |
|---|---|---|
| goal assessments | goal | goal, kind, status, date assessed, results |
| goal results | result and part | the assessment's drill-down table |
| gender balances | key of the dict (or position) | women, men, unknown, shares, verdict |
| consistency findings | finding | where, what, stated, follows |
| rule decisions | key of the dict (or position) | rule, outcome, date, law version, failed criteria |

Any other collection of `dua` objects shows as one block of their own tables. The
collection itself is kept as it was given: `shown.items` is the list (or dict).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from dua import _html
from dua.errors import mask_reprs
from dua.metrics.consistency import Finding
from dua.metrics.gender import GenderBalance
from dua.metrics.goals import GoalAssessment, Result
from dua.metrics.numbers import format_percent
from dua.rules._core import Decision

__all__ = ["ResultTable", "table"]


def _balance_row(key: object, balance: GenderBalance) -> tuple[object, ...]:
    def share(value: Fraction | None) -> str | None:
        return None if value is None else format_percent(value, 1)

    known = balance.known
    women = Fraction(balance.women, known) if known else None
    men = Fraction(balance.men, known) if known else None
    verdict = {True: "inom intervallet", False: "utanför intervallet", None: "kan inte bedömas"}
    return (key, balance.women, balance.men, balance.unknown, share(women), share(men),
            verdict[balance.balanced])  # fmt: skip


def _keys(items: Sequence[Any] | Mapping[Any, Any]) -> list[tuple[object, Any]]:
    if isinstance(items, Mapping):
        return list(items.items())
    return [(index, item) for index, item in enumerate(items, start=1)]


def _html_of(kind: type, pairs: list[tuple[object, Any]], caption: str | None) -> str:
    count = len(pairs)
    if kind is GoalAssessment:
        rows = [
            (a.goal if isinstance(key, int) else key, a.kind.value,
             a.status.value + ("" if a.reason is None else f" ({a.reason.value})"),
             a.on.isoformat(), len(a.results))
            for key, a in pairs
        ]  # fmt: skip
        return _html.table(
            caption or f"Bedömda mål ({count})",
            [("Mål", "Goal"), ("Slag", "Kind"), "Status", ("Bedömt per", "Assessed on"),
             ("Resultat", "Results")],
            rows,
            numeric=[4],
        )  # fmt: skip
    if kind is Result:
        return Result._html_table(caption or f"Resultat ({count})", [r for _, r in pairs])
    if kind is GenderBalance:
        return _html.table(
            caption or f"Könsfördelning ({count})",
            [("", "Key"), ("kvinnor", "women"), ("män", "men"), ("okänt kön", "unknown sex"),
             ("andel kvinnor", "women's share of those with known sex"),
             ("andel män", "men's share of those with known sex"),
             ("bedömning", "verdict")],
            [_balance_row(key, balance) for key, balance in pairs],
            numeric=[1, 2, 3, 4, 5],
        )  # fmt: skip
    if kind is Finding:
        return _html.table(
            caption or f"Avvikelser ({count})",
            [("Var", "Where"), ("Avvikelse", "Finding"), ("Angivet", "Stated"),
             ("Följer", "Follows")],
            [(f.path if isinstance(key, int) else key, f.kind.value, f.stated, f.follows)
             for key, f in pairs],
        )  # fmt: skip
    if kind is Decision:
        return _html.table(
            caption or f"Beslut ({count})",
            [("", "Key"), ("Regel", "Rule"), ("Utfall", "Outcome"), ("Datum", "Date"),
             ("Lagversion", "Law version"), ("Ej uppfyllt", "Failed criteria")],
            [(key, d.rule, "gäller" if d.holds else "gäller inte", d.on.isoformat(),
              d.version.id, ", ".join(c.name for c in d.failed) or None)
             for key, d in pairs],
        )  # fmt: skip
    raise AssertionError(kind)  # pragma: no cover - _ROW_KINDS lists the kinds above


_ROW_KINDS = (GoalAssessment, Result, GenderBalance, Finding, Decision)


@mask_reprs
@attrs.frozen
class ResultTable:
    """A collection of results that shows as one table in a notebook (`_repr_html_`),
    made by [`table`][dua.display.table]. Its `repr` is one line: the kind and the count."""

    items: Sequence[Any] | Mapping[Any, Any] = attrs.field(repr=False)
    caption: str | None = attrs.field(default=None, repr=False)

    @property
    def kind(self) -> str:
        """The name of the results' type (`"mixed"` for several, `"empty"` for none)."""
        kinds = {type(item).__name__ for _, item in _keys(self.items)}
        if not kinds:
            return "empty"
        return kinds.pop() if len(kinds) == 1 else "mixed"

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return f"ResultTable(kind={self.kind!r}, rows={len(self.items)})"

    def _repr_html_(self) -> str:
        pairs = _keys(self.items)
        kinds = {type(item) for _, item in pairs}
        if len(kinds) == 1 and (kind := kinds.pop()) in _ROW_KINDS:
            return _html.block(_html_of(kind, pairs, self.caption))
        if not pairs:
            return _html.block(
                _html.table(self.caption or "Inga resultat", [("Resultat", "Results")], [])
            )
        parts: list[str] = []
        with _html.without_stylesheet():
            for _, item in pairs:
                show = getattr(item, "_repr_html_", None)
                parts.append(
                    show() if callable(show) else _html.table(str(type(item).__name__), [""], [])
                )
        return _html.block(*parts)


def table(results: Iterable[Any] | Mapping[Any, Any], *, caption: str | None = None) -> ResultTable:
    """`results` (a list, tuple or other iterable, or a dict whose keys name the rows) as
    one table for a notebook; `caption` replaces the default caption ("Bedömda mål (4)").

    >>> from dua.metrics.gender import GenderBalance
    >>> table({"industri": GenderBalance(women=12, men=30), "vård": GenderBalance(women=20, men=9)})
    ResultTable(kind='GenderBalance', rows=2)
    """
    items = results if isinstance(results, Mapping) else list(results)
    return ResultTable(items, caption)
