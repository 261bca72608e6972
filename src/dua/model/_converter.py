"""The one cattrs converter that (de)structures every model, and the error translation.

Everything that turns plain data (from TOML, JSON or CSV) into model objects, or back,
goes through [`converter`][dua.io.converter]. It is strict: unknown keys, a text where a
number belongs, a number where a text belongs and a lone text where a list belongs are
all errors, never silent coercions. cattrs collects every error in an exception group;
[`problems_from`][dua.io.problems_from] turns that group into a flat list of
[`Problem`][dua.errors.Problem]s with exact paths such as
`parties[1].organisation_number`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from dua.errors import FieldValueError, Problem, ValidationError, mask_value
from dua.i18n import KeyedTypeError, KeyedValueError, render
from dua.limits import check_whole_number, parse_iso_date
from dua.model._base import LabelledEnum, MunicipalityCode, OrganisationNumber, exact_decimal

__all__ = ["converter", "problems_from", "structure", "unstructure"]

T = TypeVar("T")

converter = cattrs.Converter(
    forbid_extra_keys=True,
    omit_if_default=True,
    detailed_validation=True,
)
"""The configured converter. Use [`structure`][dua.io.structure] and
[`unstructure`][dua.io.unstructure] rather than calling it directly, so that errors come
out as [`ValidationError`][dua.errors.ValidationError]."""


_KINDS = {
    bool: "error.kind.boolean",
    int: "error.kind.number",
    float: "error.kind.number",
    str: "error.kind.text",
    list: "error.kind.list",
}


def _describe(value: object) -> str:
    """What kind of value was found, in words (the value itself is shown by the Problem)."""
    if isinstance(value, _dt.date):
        return render("error.kind.date")
    if isinstance(value, dict):
        return render("error.kind.table")
    key = _KINDS.get(type(value))
    return type(value).__name__ if key is None else render(key)


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise KeyedTypeError("error.structure.expected_text", kind=_describe(value))
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise KeyedTypeError("error.structure.expected_whole_number", kind=_describe(value))
    return check_whole_number(value)


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise KeyedTypeError("error.structure.expected_boolean", kind=_describe(value))
    return value


def _structure_date(value: object, _: type) -> _dt.date:
    if isinstance(value, _dt.datetime):
        raise KeyedTypeError("error.structure.date_with_time")
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        # Exactly YYYY-MM-DD: `date.fromisoformat` would also read `20150203` and week
        # dates such as `2015-W05-2`, which the file format does not promise.
        try:
            return parse_iso_date(value)
        except ValueError:
            raise KeyedValueError("error.structure.invalid_date", shown=mask_value(value)) from None
    raise KeyedTypeError("error.structure.expected_date", kind=_describe(value))


def _structure_decimal(value: object, _: type) -> Decimal:
    return exact_decimal(value)


def _structure_enum(value: object, cls: type[LabelledEnum]) -> LabelledEnum:
    if isinstance(value, cls):
        return value
    if not isinstance(value, str):
        raise KeyedTypeError("error.structure.expected_text", kind=_describe(value))
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(member.value) for member in cls)
        raise KeyedValueError(
            "error.structure.not_one_of", shown=mask_value(value), allowed=allowed
        ) from None


def _is_homogenous_tuple(type_: Any) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _structure_tuple_factory(type_: Any) -> Callable[[object, type], tuple[Any, ...]]:
    base = homogenous_tuple_structure_factory(type_, converter)

    def structure(value: object, cls: type) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise KeyedTypeError("error.structure.expected_list", kind=_describe(value))
        result: tuple[Any, ...] = base(value, cls)
        return result

    return structure


def _structure_categories(value: object, _: type) -> dict[str, str]:
    if not isinstance(value, dict):
        raise KeyedTypeError("error.structure.expected_table_of_texts", kind=_describe(value))
    for key, item in value.items():
        if not isinstance(item, str):
            raise FieldValueError(
                str(key), "error.structure.must_be_text", item, kind=_describe(item)
            )
    return dict(value)


# Single dispatch also hands str subclasses to the `str` hook, so the labelled enums and
# the value types below are registered by class too, which makes them more specific.
converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook(int, _structure_int)
converter.register_structure_hook(bool, _structure_bool)
converter.register_structure_hook(_dt.date, _structure_date)
converter.register_structure_hook(Decimal, _structure_decimal)
converter.register_structure_hook_func(lambda t: t == dict[str, str], _structure_categories)
converter.register_structure_hook(OrganisationNumber, lambda v, _: OrganisationNumber(v))
converter.register_structure_hook(MunicipalityCode, lambda v, _: MunicipalityCode(v))
# By class, so that single dispatch finds it before cattrs' own hook for `str`.
converter.register_structure_hook(LabelledEnum, _structure_enum)
converter.register_structure_hook_factory(_is_homogenous_tuple, _structure_tuple_factory)


def _structure_table_factory(cls: Any) -> Callable[[object, type], Any]:
    # cattrs' generated function would fail inside with an AttributeError on `.keys()`
    # when given a text or a list where a table belongs; say what was expected instead.
    base = converter.gen_structure_attrs_fromdict(cls)

    def structure(value: object, type_: type) -> Any:
        if not isinstance(value, dict):
            raise KeyedTypeError("error.structure.expected_table", kind=_describe(value))
        return base(value, type_)

    return structure


converter.register_structure_hook_factory(attrs.has, _structure_table_factory)

converter.register_unstructure_hook(Decimal, str)
converter.register_unstructure_hook(_dt.date, lambda d: d)
converter.register_unstructure_hook(OrganisationNumber, OrganisationNumber.reveal)
converter.register_unstructure_hook(MunicipalityCode, str)


def _join(path: str, name: str | int) -> str:
    if isinstance(name, int):
        return f"{path}[{name}]"
    return f"{path}.{name}" if path else name


def _lookup(raw: object, path: list[str | int]) -> tuple[bool, object]:
    """The value at `path` in `raw`, if there is one there."""
    current = raw
    for step in path:
        container_fits = (
            isinstance(current, dict)
            if isinstance(step, str)
            else (isinstance(current, list | tuple))
        )
        if not container_fits:
            return False, None
        try:
            current = current[step]  # type: ignore[index]  # the container kind was checked above
        except (KeyError, IndexError):
            return False, None
    return True, current


def _split(path: str) -> list[str | int]:
    steps: list[str | int] = []
    for part in path.replace("[", ".[").split("."):
        if not part:
            continue
        steps.append(int(part[1:-1]) if part.startswith("[") else part)
    return steps


def _walk(exc: BaseException, path: str, raw: object) -> Iterator[Problem]:
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for inner, note in with_notes:
            step = note.name if hasattr(note, "name") else note.index
            yield from _walk(inner, _join(path, step), raw)
        for inner in without:
            yield from _walk(inner, path, raw)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield Problem.of(_join(path, key), "error.structure.unknown_key")
    elif isinstance(exc, FieldValueError):
        yield Problem.from_error(_join(path, exc.field) if exc.field else path, exc, exc.value)
    elif isinstance(exc, ValidationError):
        for problem in exc.problems:
            yield attrs.evolve(problem, path=_join(path, problem.path))
    elif isinstance(exc, KeyError):
        yield Problem.of(path, "error.structure.missing_key")
    elif isinstance(exc, ValueError | TypeError):
        found, value = _lookup(raw, _split(path))
        yield Problem.from_error(path, exc, mask_value(value) if found else None)
    elif isinstance(exc, BaseExceptionGroup):
        members: tuple[BaseException, ...] = exc.exceptions
        for member in members:
            yield from _walk(member, path, raw)
    else:
        raise exc


def problems_from(exc: BaseException, raw: object, path: str = "") -> list[Problem]:
    """Flatten a structuring error into problems with exact paths.

    `raw` is the plain data that was being structured; offending values are looked up in
    it by path and masked. Exceptions that are not about the input (bugs) are re-raised.
    """
    return list(_walk(exc, path, raw))


def structure(data: object, cls: type[T], *, source: str | None = None) -> T:
    """Structure plain data into `cls`, raising one `ValidationError` listing every problem.

    >>> from dua.model import AgeBand
    >>> structure({"min_age": 16, "max_age": 24}, AgeBand)
    AgeBand(min_age=16, max_age=24)
    >>> structure({"min_age": 25, "max_age": 24}, AgeBand)
    Traceback (most recent call last):
    ...
    dua.errors.ValidationError: 1 problem:
      - max_age: den övre åldern får inte vara lägre än den undre åldern 25 (värde: 24)
    """
    try:
        return converter.structure(data, cls)
    except (ValueError, TypeError, KeyError, BaseExceptionGroup) as exc:
        raise ValidationError(problems_from(exc, data), source=source) from None


def unstructure(obj: object) -> Any:
    """Unstructure a model object into plain data (dicts, lists, texts, numbers, dates).

    Fields that hold their default (empty lists, `None`) are left out, so the result is
    valid TOML as well as JSON (once dates are written as ISO texts).
    """
    return converter.unstructure(obj)
