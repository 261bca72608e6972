"""Exceptions a user of `dua` can cause, all under [`DuaError`][dua.errors.DuaError].

Every message says *what* is wrong, *where* (a path into the file or object, such as
`parties[1].organisation_number`) and, where it helps, what would be right. Bugs in `dua`
itself are not wrapped: they stay loud as ordinary Python exceptions.

**The privacy boundary.** No message ever contains a full personal identity number: every
message of a [`DuaError`][dua.errors.DuaError] (and of a
[`FieldValueError`][dua.errors.FieldValueError]) passes
[`safe_text`][dua.errors.safe_text] when the exception is made, which masks anything shaped
like a personnummer or samordningsnummer ([`mask_text`][dua.errors.mask_text], the one
masking function of `dua`) and cuts the message to
[`MESSAGE_LIMIT`][dua.errors.MESSAGE_LIMIT] characters with a marker saying how much was
cut. The same function masks every other surface: reprs, reports, calendars and the
output of the `dua` command (see the page *Personal data*).

**The language.** Every message comes from the message catalogue of
[`dua.i18n`][dua.i18n] by a key such as `"error.table.missing_column"`, and is written in
the language current when the exception (or [`Problem`][dua.errors.Problem]) is made:
Swedish unless [`set_language`][dua.i18n.set_language], a
[`language`][dua.i18n.language] block, `DUA_LANG` or the command's `--lang` chose English.
The key and the values of its placeholders stay on the exception (`error.key`,
`error.params`) and on each problem (`problem.key`, `problem.params`), so a program can
tell errors apart without reading their words. The values are masked as the message is.

>>> from dua.i18n import language
>>> with language("en"):
...     print(UnknownMunicipalityError("error.municipality.unknown_name", name="'Narnia'"))
no Swedish municipality is called 'Narnia'
>>> error = UnknownMunicipalityError("error.municipality.unknown_name", name="'Narnia'")
>>> error.key, error.params
('error.municipality.unknown_name', {'name': "'Narnia'"})
"""

from __future__ import annotations

import errno
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from dua._privacy import (
    MESSAGE_LIMIT,
    cap_text,
    contains_identity_number,
    mask_package_reprs,
    mask_reprs,
    mask_reprs_on_import,
    mask_text,
    mask_value,
    safe_text,
)
from dua.i18n import render

__all__ = [
    "MESSAGE_LIMIT",
    "DateOutOfRange",
    "DuaError",
    "FieldValueError",
    "FileFormatError",
    "FrameError",
    "InvalidIdentityNumber",
    "InvalidPseudonymKey",
    "MissingExtraError",
    "Problem",
    "RuleNotInForce",
    "UnknownExampleError",
    "UnknownMunicipalityError",
    "UnknownProgrammeError",
    "ValidationError",
    "cap_text",
    "contains_identity_number",
    "mask_identity_text",
    "mask_package_reprs",
    "mask_reprs",
    "mask_reprs_on_import",
    "mask_text",
    "mask_value",
    "os_reason",
    "safe_text",
]


# A path, message or value of one problem: long enough for any real one.
_PART_LIMIT = 2000
# How many problems a ValidationError's message lists; `problems` holds them all.
_LISTED_PROBLEMS = 50


def _safe_part(text: str) -> str:
    return safe_text(text, _PART_LIMIT)


def _safe_param(value: object) -> object:
    """A placeholder's value as it may be kept: numbers and dates as they are (unless
    one is shaped like an identity number), anything else as masked, capped text."""
    if value is None:
        return None
    if isinstance(value, bool | int | Decimal | Fraction | date) and not contains_identity_number(
        str(value)
    ):
        return value
    return safe_text(value if isinstance(value, str) else str(value), _PART_LIMIT)


def _safe_params(params: Mapping[str, object]) -> dict[str, object]:
    return {name: _safe_param(value) for name, value in params.items()}


def _is_key(text: object) -> bool:
    return isinstance(text, str) and text.startswith("error.") and " " not in text


_OS_REASONS = {
    errno.ENOENT: "error.os.not_found",
    errno.EACCES: "error.os.permission",
    errno.EPERM: "error.os.permission",
    errno.EISDIR: "error.os.is_folder",
    errno.ENOTDIR: "error.os.not_folder",
    errno.ENOSPC: "error.os.no_space",
    errno.EROFS: "error.os.read_only",
}


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, in the current language: the common reasons
    from the catalogue, any other as the system words it."""
    key = _OS_REASONS.get(exc.errno or 0)
    if key is not None:
        return render(key)
    return exc.strerror or str(exc) or type(exc).__name__


class DuaError(Exception):
    """Base class of every error a user of `dua` can cause.

    Made from a catalogue key and the values of its placeholders:
    `FileFormatError("error.file.unknown_suffix", file="plan.txt", suffix="'.txt'")`.
    The message is written in the current language ([`dua.i18n`][dua.i18n]), masked and
    capped ([`safe_text`][dua.errors.safe_text]) when it is made, so neither `str(error)`
    nor `error.args` holds a full identity number.

    Attributes:
        key: the message key (`None` for an error made from a plain message, which `dua`
            itself never does).
        params: the placeholders' values, masked as the message is.
    """

    key: str | None
    params: dict[str, object]

    def __init__(self, *args: object, **params: object) -> None:
        if args and _is_key(args[0]):
            key = str(args[0])
            self.key = key
            self.params = _safe_params(params)
            super().__init__(safe_text(render(key, **params)), *args[1:])
            return
        self.key = None
        self.params = {}
        super().__init__(*(safe_text(arg) if isinstance(arg, str) else arg for arg in args))


def _where(path: str) -> str:
    return path or render("error.frame.document")


def _got(value: str | None) -> str:
    return "" if value is None else " " + render("error.frame.got", value=value)


@attrs.frozen
class Problem:
    """One problem found in input: where it is, what is wrong, and the offending value.

    `path` is a dotted/indexed path from the document root, e.g.
    `parties[1].organisation_number`; the empty string means the whole document.
    `value` is already masked for display (see [`mask_value`][dua.errors.mask_value]), or
    `None` when there is no single offending value (e.g. a missing field).

    Make one with [`Problem.of`][dua.errors.Problem.of] from a catalogue key: its
    `message` is then written in the current language, and `key` and `params` keep what
    it says for programs (both are left out of equality: two problems are equal when
    their path, message and value are).
    """

    # Masked on the way in: a number can reach a path (as an unknown key) or a message
    # (quoted by a parser) as well as the value.
    path: str = attrs.field(converter=_safe_part)
    message: str = attrs.field(converter=_safe_part)
    value: str | None = attrs.field(default=None, converter=attrs.converters.optional(_safe_part))
    key: str | None = attrs.field(default=None, kw_only=True, eq=False)
    params: dict[str, object] = attrs.field(
        factory=dict, kw_only=True, converter=_safe_params, eq=False, repr=False
    )

    @classmethod
    def of(cls, path: str, key: str, value: str | None = None, /, **params: Any) -> Problem:
        """The problem at `path` whose message is the catalogue's `key`, filled from
        `params`; `value` is the offending value, already masked."""
        return cls(path, render(key, **params), value, key=key, params=params)

    @classmethod
    def from_error(cls, path: str, error: BaseException, value: str | None = None) -> Problem:
        """The problem at `path` that `error` describes: with its key and parameters when
        it has them (every error `dua` raises does), else its message as it is."""
        key = getattr(error, "key", None)
        params = getattr(error, "params", None)
        if isinstance(key, str) and isinstance(params, dict):
            message = getattr(error, "reason", None)
            if not isinstance(message, str):
                message = render(key, **params)
            return cls(path, message, value, key=key, params=params)
        text = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
        return cls(path, text or type(error).__name__, value)

    def __str__(self) -> str:
        return f"{_where(self.path)}: {self.message}{_got(self.value)}"


class ValidationError(DuaError, ValueError):
    """Input that does not describe a valid object; lists *every* problem found.

    Its key is `"error.validation"` (`params`: `n`, the number of problems, and `source`).

    Attributes:
        problems: each problem with its path, message and offending value.
        source: the file or other input the problems were found in, if known.
    """

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        if not problems:
            raise ValueError("a ValidationError needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = None if source is None else safe_text(source, _PART_LIMIT)
        super().__init__(self._message())
        self.key = "error.validation"
        self.params = {"n": len(self.problems), "source": self.source}

    def _message(self) -> str:
        count = len(self.problems)
        if self.source:
            head = render("error.frame.problems_in", n=count, source=self.source)
        else:
            head = render("error.frame.problems", n=count)
        lines = [head]
        lines.extend(f"  - {problem}" for problem in self.problems[:_LISTED_PROBLEMS])
        if count > _LISTED_PROBLEMS:
            lines.append("  " + render("error.frame.more", n=count - _LISTED_PROBLEMS))
        return "\n".join(lines)

    @property
    def paths(self) -> tuple[str, ...]:
        """The paths of all problems, in the order they were found."""
        return tuple(problem.path for problem in self.problems)

    @property
    def keys(self) -> tuple[str | None, ...]:
        """The message keys of all problems, in the order they were found."""
        return tuple(problem.key for problem in self.problems)


class FieldValueError(ValueError):
    """Raised by model validators: a single field holds a value it must not.

    Carries the field name so that the converter can report the exact path even for
    checks that involve the whole object (such as an end date before a start date), and
    the message's key and parameters, which the converter puts on the
    [`Problem`][dua.errors.Problem]. An empty `field` means the place being read.
    Construct models through [`dua.load_agreement`][dua.load_agreement] or the model
    classes; either way this surfaces to users as a
    [`ValidationError`][dua.errors.ValidationError] or as itself.

    Attributes:
        field: the field (or a path below the object) that holds the value.
        key: the message key; `params`: its placeholders' values, masked.
        reason: the message, in the language current when the error was made.
        value: the offending value, masked, or `None`.
    """

    def __init__(self, field: str, key: str, value: object = None, /, **params: object) -> None:
        self.field = field
        self.key = key
        self.params = _safe_params(params)
        self.reason = safe_text(render(key, **params), _PART_LIMIT)
        self.value = mask_value(value) if value is not None else None
        super().__init__(safe_text(f"{field}: {self.reason}{_got(self.value)}"))


class FileFormatError(DuaError, ValueError):
    """A file that cannot be read at all: unknown suffix, broken TOML/JSON syntax, I/O."""


class UnknownExampleError(DuaError, LookupError):
    """A bundled example name that does not exist (key `"error.example.unknown"`)."""

    def __init__(self, name: str, known: Iterable[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__("error.example.unknown", name=repr(name), known=", ".join(self.known))


class UnknownProgrammeError(DuaError, KeyError):
    """A programme code that the catalogue does not contain (key
    `"error.programme.unknown"`)."""

    def __init__(self, code: str, known: Iterable[str]) -> None:
        self.code = code
        self.known = tuple(known)
        super().__init__("error.programme.unknown", code=repr(code), known=", ".join(self.known))

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownMunicipalityError(DuaError, LookupError):
    """A municipality code or name that is not one of Sweden's 290 municipalities."""


class RuleNotInForce(DuaError, LookupError):
    """A rule asked about a date that none of its known law versions covers (key
    `"error.rule.not_in_force"` or `"error.rule.not_in_force_open"`, when the last
    version has no end)."""

    def __init__(self, rule: str, on: date, covered_from: date, covered_to: date | None) -> None:
        self.rule = rule
        self.on = on
        self.covered_from = covered_from
        self.covered_to = covered_to
        if covered_to:
            super().__init__(
                "error.rule.not_in_force",
                rule=rule,
                on=on.isoformat(),
                start=covered_from.isoformat(),
                end=covered_to.isoformat(),
            )
        else:
            super().__init__(
                "error.rule.not_in_force_open",
                rule=rule,
                on=on.isoformat(),
                start=covered_from.isoformat(),
            )


class DateOutOfRange(DuaError, ValueError):
    """A date computed from the input (a birthday, a deadline, a calendar's end) would
    fall outside the calendar `dua` can count in, 0001-01-01 to 9999-12-31.

    Raised instead of Python's `OverflowError` or "year 10000 is out of range", e.g. for
    `dua schedule --from 9999-12-31`, whose default end is a year later.
    """


def mask_identity_text(value: object, limit: int = 40) -> str:
    """Return a safe text form of something that was meant to be an identity number.

    Unlike [`mask_value`][dua.errors.mask_value], which masks only text *shaped* like a
    personal identity number, this masks every digit after the birth-date part, whatever
    the shape: the first eight digits are kept when the text has twelve or more digits,
    the first six otherwise, and later digits become `*`. A value that is not a text is
    shown only by its type, since a number such as `199001011234` is a personnummer too.

    >>> mask_identity_text("19900101-1234")
    "'19900101-****'"
    >>> mask_identity_text("900101-12345"), mask_identity_text(9001011234)
    ("'900101-*****'", 'an int')
    """
    if not isinstance(value, str):
        name = type(value).__name__
        article = "an" if name[:1].lower() in "aeiou" else "a"
        return f"{article} {name}"
    # Only the start can be shown; looking at more would make a huge value slow.
    text = value.strip()[: limit + 24]
    digits = sum(ch.isdigit() for ch in text)
    keep = 8 if digits >= 12 else 6
    seen = 0
    out: list[str] = []
    for ch in text:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen <= keep else "*")
        else:
            out.append(ch)
    shown = "".join(out)
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return repr(shown)


class InvalidIdentityNumber(DuaError, ValueError):
    """A personal identity number (*personnummer*), coordination number
    (*samordningsnummer*) or organisation number that is not valid.

    The message says what is wrong and shows the value masked (only the birth-date part
    is kept, see [`mask_identity_text`][dua.errors.mask_identity_text]); the full number
    is never kept on the exception. Its key is `"error.identity.invalid"`; `reason_key`
    is the key of what is wrong (e.g. `"error.identity.check_digit"`).

    Attributes:
        reason: what is wrong, in words.
        reason_key: the key of `reason`.
        reason_params: the values of `reason`'s placeholders (e.g. `on` for
            `"error.identity.after_on"`), masked as the message is.
        shown: the masked value as shown in the message.
    """

    def __init__(self, reason_key: str, value: object = None, /, **params: object) -> None:
        self.reason_key = reason_key
        self.reason_params = _safe_params(params)
        self.reason = safe_text(render(reason_key, **params), _PART_LIMIT)
        self.shown = mask_identity_text(value) if value is not None else None
        super().__init__("error.identity.invalid", reason=self.reason, got=_got(self.shown))


class InvalidPseudonymKey(DuaError, ValueError):
    """A pseudonymisation key that is unusable (not bytes, or too short to be secret)."""


class MissingExtraError(DuaError, ImportError):
    """A feature needs an optional extra that is not installed; the message says exactly
    what to install (e.g. `pip install 'dua-samverkan[frames]'`).

    `feature` is the key of the feature's name (e.g. `"error.extra.frames"`); the
    message's key is `"error.extra.missing"`.
    """

    def __init__(self, feature: str, install: str) -> None:
        self.feature = render(feature) if _is_key(feature) else feature
        self.install = install
        super().__init__("error.extra.missing", feature=self.feature, install=install)


class FrameError(DuaError, ValueError):
    """A data frame handed to [`dua.frames`][dua.frames] that the rules cannot read: a
    missing column, a column of the wrong type or a value outside its category.

    The one-line message names the column (as the frame spells it), the problem and, for
    bad values, a few offending row numbers (1-based, in the frame's order) and the values,
    masked; never an identity number. Made from the key of the problem and its
    parameters: `FrameError("sex", "error.frame.missing_column", frame="persons")`; the
    key of the problem is `problem_key`, that of the whole message `"error.frames.column"`.

    Attributes:
        column: the column as the frame names it (or the model field when it is missing).
        problem: what is wrong, in words.
        rows: up to five 1-based row numbers of offending rows (empty for a missing column
            or a wrong type).
    """

    def __init__(
        self, column: str, problem: str, rows: Sequence[int] = (), /, **params: object
    ) -> None:
        self.column = column
        self.problem_key = problem if _is_key(problem) else None
        self.problem = mask_text(render(problem, **params) if _is_key(problem) else problem)
        self.rows = tuple(rows)
        where = ""
        if self.rows:
            shown = ", ".join(str(row) for row in self.rows)
            key = "error.frames.rows" if len(self.rows) > 1 else "error.frames.row"
            where = " " + render(key, rows=shown)
        super().__init__(
            "error.frames.column", column=mask_value(column), problem=self.problem, rows=where
        )
