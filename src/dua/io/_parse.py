"""TOML and JSON parsing that cannot be crashed or hung by its input (issue 8, item 2).

The standard parsers are correct but trusting: `json` recurses into deep arrays (a
`RecursionError` about 1 000 levels down), keeps the last of two equal keys, lets a lone
surrogate escape (`"\\ud800"`) through to crash whatever prints it later, and hands a
4 301-digit integer to `int`, which refuses it with a plain `ValueError`; `tomllib` takes
most of a minute over a 50 000-part dotted key. Here each parse is guarded:

1. the text is at most [`MAX_FILE_BYTES`][dua.limits.MAX_FILE_BYTES] long;
2. a cheap linear pre-scan, which skips strings and comments, bounds the nesting (dotted
   keys and table headers included) by [`MAX_DEPTH`][dua.limits.MAX_DEPTH] *before* the
   parser runs, and names the line and column where the limit is passed;
3. the parser's number hooks bound every number's digits and exponent (see
   [`dua.limits`][dua.limits]), and JSON objects are built by a hook that notes
   duplicate keys;
4. a walk over the parsed data reports every duplicate key, lone surrogate and refused
   number at once, each with its path, as one
   [`ValidationError`][dua.errors.ValidationError].
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from dua._parser_words import json_reason, parser_reason
from dua.errors import FileFormatError, Problem, ValidationError, mask_value
from dua.i18n import KeyedValueError, render
from dua.limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_NUMBER_DIGITS,
    check_number,
    check_whole_number,
)

__all__ = [
    "check_text_size",
    "loads_json",
    "loads_toml",
    "read_limited",
    "read_limited_text",
]


def _place(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return render("error.place.line_column", line=line, column=column)


def _too_deep(where: str, text: str, index: int) -> FileFormatError:
    return FileFormatError(
        "error.file.too_deep", file=where, place=_place(text, index), limit=MAX_DEPTH
    )


def check_text_size(text: str, where: str, limit: int = MAX_FILE_BYTES) -> None:
    """Refuse a text longer than `limit` characters (`MAX_FILE_BYTES` by default)."""
    if len(text) > limit:
        raise FileFormatError(
            "error.file.too_many_characters",
            file=where,
            size=f"{len(text):,}".replace(",", " "),
            limit=f"{limit:,}".replace(",", " "),
        )


def read_limited(path: Path, limit: int = MAX_FILE_BYTES, name: str = "MAX_FILE_BYTES") -> bytes:
    """The bytes of the file `path`, refused with a message naming the limit `name`
    (a constant of `dua.limits`) when there are more than `limit`.

    Raises:
        OSError: the file cannot be read (the caller says so in its words).
        FileFormatError: the file is larger than `limit`.
    """
    with path.open("rb") as file:
        # A regular file is refused by its size before anything is read; a pipe or a
        # device by reading one byte past the limit.
        size = os.fstat(file.fileno()).st_size
        data = b"" if size > limit else file.read(limit + 1)
    if size > limit or len(data) > limit:
        shown = f"{max(size, len(data)):,}".replace(",", " ")
        raise FileFormatError(
            "error.file.too_many_bytes_more" if len(data) > limit else "error.file.too_many_bytes",
            file=str(path),
            size=shown,
            limit=f"{limit:,}".replace(",", " "),
            name=name,
        )
    return data


def read_limited_text(path: Path) -> str:
    """The text of the UTF-8 file `path` (a byte-order mark dropped, line ends made `\\n`
    as `Path.read_text` makes them), at most `MAX_FILE_BYTES` long.

    Raises:
        OSError: the file cannot be read.
        UnicodeDecodeError: the file is not UTF-8.
        FileFormatError: the file is larger than `MAX_FILE_BYTES`.
    """
    text = read_limited(path).decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- refused values, noted by the parser hooks and reported by the walk ----------------


class _Refused:
    """Stands in the parsed data for a value that is refused, until the walk reports it."""

    __slots__ = ("error",)

    def __init__(self, error: KeyedValueError) -> None:
        self.error = error


class _Duplicated(dict[str, Any]):
    """A JSON object in which some keys were given more than once."""

    duplicates: tuple[str, ...] = ()


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    twice: list[str] = []
    for key, _ in pairs:
        if key in seen and key not in twice:
            twice.append(key)
        seen.add(key)
    marked = _Duplicated(result)
    marked.duplicates = tuple(twice)
    return marked


def _json_int(text: str) -> object:
    digits = len(text.lstrip("-").lstrip("0"))
    if digits > MAX_NUMBER_DIGITS:
        # Refused before `int`, which would raise its own error past 4 300 digits.
        return _Refused(
            KeyedValueError("error.limit.digits", digits=digits, limit=MAX_NUMBER_DIGITS)
        )
    return int(text)


def _number_hook(make: Callable[[str], object]) -> Callable[[str], object]:
    def parse(text: str) -> object:
        try:
            check_number(Decimal(text.replace("_", "")))
        except KeyedValueError as error:
            return _Refused(error)
        except InvalidOperation:  # pragma: no cover - the parsers pass number texts only
            return _Refused(KeyedValueError("error.number.not_a_number", shown=mask_value(text)))
        return make(text)

    return parse


def _json_constant(text: str) -> object:
    return _Refused(KeyedValueError("error.file.constant", shown=text))


def _walk(value: object, path: str, problems: list[Problem]) -> None:
    if isinstance(value, dict):
        if isinstance(value, _Duplicated):
            for key in value.duplicates:
                problems.append(Problem.of(_join(path, key), "error.file.duplicate_key"))
        for key, item in value.items():
            where = _join(path, key)
            _surrogates(key, where, problems)
            _walk(item, where, problems)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(item, f"{path}[{index}]", problems)
    elif isinstance(value, str):
        _surrogates(value, path, problems)
    elif isinstance(value, _Refused):
        problems.append(Problem.from_error(path, value.error))
    elif isinstance(value, int) and not isinstance(value, bool):
        try:
            check_whole_number(value)
        except ValueError as error:
            problems.append(Problem.from_error(path, error))


def _join(path: str, key: str) -> str:
    shown = key if re.fullmatch(r"[\w-]+", key) else mask_value(key)
    return f"{path}.{shown}" if path else shown


def _surrogates(text: str, path: str, problems: list[Problem]) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(text[error.start])
        problems.append(
            Problem.of(path, "error.file.surrogate", code=f"{code:04x}", position=error.start + 1)
        )


def _check(data: object, source: str | None) -> None:
    problems: list[Problem] = []
    _walk(data, "", problems)
    if problems:
        raise ValidationError(problems, source)


# -- JSON ------------------------------------------------------------------------------

_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def _json_depth(text: str, where: str) -> None:
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise _too_deep(where, text, match.start())
        elif token in "]}":
            depth -= 1


def loads_json(
    text: str,
    *,
    source: str | None = None,
    parse_float: Callable[[str], object] = float,
) -> Any:
    """Parse JSON `text` within the limits; `source` names the file in messages.

    Raises:
        FileFormatError: too long, nested too deep, or not valid JSON (with line and
            column).
        ValidationError: duplicate keys, lone surrogates or refused numbers, each with
            its path.
    """
    where = source or "<json text>"
    check_text_size(text, where)
    _json_depth(text, where)
    try:
        data = json.loads(
            text,
            object_pairs_hook=_json_object,
            parse_int=_json_int,
            parse_float=_number_hook(parse_float),
            parse_constant=_json_constant,
        )
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            "error.file.invalid_json",
            file=where,
            reason=json_reason(exc.msg),
            place=render("error.place.line_column", line=exc.lineno, column=exc.colno),
        ) from None
    _check(data, source)
    return data


# -- TOML ------------------------------------------------------------------------------

_TOML_TOKEN = re.compile(
    r'''
    (?P<string>
        """(?:[^"\\]|\\[\s\S]|"(?!""))*"{3,5}
      | \'\'\'(?:[^']|'(?!''))*'{3,5}
      | "[^"\\\n]*(?:\\.[^"\\\n]*)*"
      | '[^'\n]*'
    )
    | (?P<comment>\#[^\n]*)
    | (?P<newline>\n)
    | (?P<punct>[\[\]{}=,.])
    ''',
    re.VERBOSE,
)


def _toml_depth(text: str, where: str) -> None:
    """Bound the nesting of a TOML text before `tomllib` sees it.

    Tracks, token by token, whether a key or a value is being read: dots count only in
    keys and table headers, brackets and braces only in values, and strings and comments
    are skipped whole. The level of a value is that of its table plus one per key part
    plus one per enclosing list or inline table.
    """
    if text.count(".") + text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    stack: list[tuple[str, int]] = []  # ("[" or "{", level of that list or table)
    table = 0  # level of the current [table]
    mode = "key"  # "key", "value" or "header"
    dots = 0
    array_table = False
    line_start = True
    level = 0

    def check(value: int, index: int) -> None:
        if value > MAX_DEPTH:
            raise _too_deep(where, text, index)

    for match in _TOML_TOKEN.finditer(text):
        kind = match.lastgroup
        token = match.group()
        index = match.start()
        if kind == "comment":
            continue
        if kind == "newline":
            if not stack:
                mode, dots, line_start = "key", 0, True
            continue
        if kind == "string":
            line_start = False
            continue
        base = stack[-1][1] if stack else table
        if mode == "header":
            if token == "[":
                array_table = True
            elif token == ".":
                dots += 1
                check(dots + 1, index)
            elif token == "]":
                table = dots + (2 if array_table else 1)
                check(table, index)
                mode = "after"
        elif mode == "key":
            if token == "[" and line_start and not stack:
                mode, dots, array_table = "header", 0, False
            elif token == ".":
                dots += 1
                check(base + dots + 1, index)
            elif token == "=":
                mode = "value"
                level = base + dots + 1
                check(level, index)
            elif token == "}" and stack and stack[-1][0] == "{":
                level = stack.pop()[1]
                mode = "value"
        elif mode == "value":
            if token == "[":
                stack.append(("[", level))
                level += 1
                check(level, index)
            elif token == "{":
                stack.append(("{", level))
                mode, dots = "key", 0
            elif token in "]}" and stack:
                level = stack.pop()[1]
            elif token == "," and stack:
                if stack[-1][0] == "{":
                    mode, dots = "key", 0
                else:
                    level = stack[-1][1] + 1
        line_start = False


_LONG_DIGITS = re.compile(r"(?:[0-9]_?){4301,}")


def loads_toml(text: str, *, source: str | None = None) -> Any:
    """Parse TOML `text` within the limits; `source` names the file in messages.

    Raises:
        FileFormatError: too long, nested too deep, or not valid TOML.
        ValidationError: lone surrogates or refused numbers, each with its path.
    """
    where = source or "<toml text>"
    check_text_size(text, where)
    _toml_depth(text, where)
    try:
        data = tomllib.loads(text, parse_float=_number_hook(float))
    except tomllib.TOMLDecodeError as exc:
        raise FileFormatError(
            "error.file.invalid_toml", file=where, reason=parser_reason(str(exc))
        ) from None
    except ValueError:
        # `int` inside tomllib refuses more than 4 300 digits with a plain ValueError.
        found = _LONG_DIGITS.search(text)
        place = f"{_place(text, found.start())}: " if found else ""
        raise FileFormatError(
            "error.file.long_number", file=where, place=place, limit=MAX_NUMBER_DIGITS
        ) from None
    _check(data, source)
    return data
