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
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

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
    "safe_text",
]


class DuaError(Exception):
    """Base class of every error a user of `dua` can cause.

    Its message is masked and capped ([`safe_text`][dua.errors.safe_text]) when it is
    made, so neither `str(error)` nor `error.args` holds a full identity number.
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*(safe_text(arg) if isinstance(arg, str) else arg for arg in args))


# A path, message or value of one problem: long enough for any real one.
_PART_LIMIT = 2000
# How many problems a ValidationError's message lists; `problems` holds them all.
_LISTED_PROBLEMS = 50


def _safe_part(text: str) -> str:
    return safe_text(text, _PART_LIMIT)


@attrs.frozen
class Problem:
    """One problem found in input: where it is, what is wrong, and the offending value.

    `path` is a dotted/indexed path from the document root, e.g.
    `parties[1].organisation_number`; the empty string means the whole document.
    `value` is already masked for display (see [`mask_value`][dua.errors.mask_value]), or
    `None` when there is no single offending value (e.g. a missing field).
    """

    # Masked on the way in: a number can reach a path (as an unknown key) or a message
    # (quoted by a parser) as well as the value.
    path: str = attrs.field(converter=_safe_part)
    message: str = attrs.field(converter=_safe_part)
    value: str | None = attrs.field(default=None, converter=attrs.converters.optional(_safe_part))

    def __str__(self) -> str:
        where = self.path or "(document)"
        shown = f" (got {self.value})" if self.value is not None else ""
        return f"{where}: {self.message}{shown}"


class ValidationError(DuaError, ValueError):
    """Input that does not describe a valid object; lists *every* problem found.

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

    def _message(self) -> str:
        where = f" in {self.source}" if self.source else ""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} {noun}{where}:"]
        lines.extend(f"  - {problem}" for problem in self.problems[:_LISTED_PROBLEMS])
        if count > _LISTED_PROBLEMS:
            lines.append(f"  … and {count - _LISTED_PROBLEMS} more (all are in `.problems`)")
        return "\n".join(lines)

    @property
    def paths(self) -> tuple[str, ...]:
        """The paths of all problems, in the order they were found."""
        return tuple(problem.path for problem in self.problems)


class FieldValueError(ValueError):
    """Raised by model validators: a single field holds a value it must not.

    Carries the field name so that the converter can report the exact path even for
    checks that involve the whole object (such as an end date before a start date).
    Construct models through [`dua.load_agreement`][dua.load_agreement] or the model
    classes; either way this surfaces to users as a
    [`ValidationError`][dua.errors.ValidationError] or as itself.
    """

    def __init__(self, field: str, message: str, value: object = None) -> None:
        self.field = field
        self.reason = message
        self.value = mask_value(value) if value is not None else None
        shown = f" (got {self.value})" if self.value is not None else ""
        super().__init__(safe_text(f"{field}: {message}{shown}"))


class FileFormatError(DuaError, ValueError):
    """A file that cannot be read at all: unknown suffix, broken TOML/JSON syntax, I/O."""


class UnknownExampleError(DuaError, LookupError):
    """A bundled example name that does not exist."""

    def __init__(self, name: str, known: Iterable[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(f"no bundled example named {name!r}; known: {', '.join(self.known)}")


class UnknownProgrammeError(DuaError, KeyError):
    """A programme code that the catalogue does not contain."""

    def __init__(self, code: str, known: Iterable[str]) -> None:
        self.code = code
        self.known = tuple(known)
        super().__init__(
            f"no programme with code {code!r} in the catalogue; known: {', '.join(self.known)}"
        )

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownMunicipalityError(DuaError, LookupError):
    """A municipality code or name that is not one of Sweden's 290 municipalities."""


class RuleNotInForce(DuaError, LookupError):
    """A rule asked about a date that none of its known law versions covers."""

    def __init__(self, rule: str, on: date, covered_from: date, covered_to: date | None) -> None:
        self.rule = rule
        self.on = on
        self.covered_from = covered_from
        self.covered_to = covered_to
        span = (
            f"{covered_from.isoformat()} to {covered_to.isoformat()}"
            if covered_to
            else f"{covered_from.isoformat()} onwards"
        )
        super().__init__(f"{rule}: no version in force on {on.isoformat()}; versions cover {span}")


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
    is never kept on the exception.

    Attributes:
        reason: what is wrong, in words.
        shown: the masked value as shown in the message.
    """

    def __init__(self, reason: str, value: object = None) -> None:
        self.reason = reason
        self.shown = mask_identity_text(value) if value is not None else None
        shown = f" (got {self.shown})" if self.shown is not None else ""
        super().__init__(f"not a valid identity number: {reason}{shown}")


class InvalidPseudonymKey(DuaError, ValueError):
    """A pseudonymisation key that is unusable (not bytes, or too short to be secret)."""


class MissingExtraError(DuaError, ImportError):
    """A feature needs an optional extra that is not installed; the message says exactly
    what to install (e.g. `pip install 'dua-samverkan[frames]'`)."""

    def __init__(self, feature: str, install: str) -> None:
        self.feature = feature
        self.install = install
        super().__init__(f"{feature} needs an optional extra: {install}")


class FrameError(DuaError, ValueError):
    """A data frame handed to [`dua.frames`][dua.frames] that the rules cannot read: a
    missing column, a column of the wrong type or a value outside its category.

    The one-line message names the column (as the frame spells it), the problem and, for
    bad values, a few offending row numbers (1-based, in the frame's order) and the values,
    masked; never an identity number.

    Attributes:
        column: the column as the frame names it (or the model field when it is missing).
        problem: what is wrong, in words.
        rows: up to five 1-based row numbers of offending rows (empty for a missing column
            or a wrong type).
    """

    def __init__(self, column: str, problem: str, rows: Sequence[int] = ()) -> None:
        self.column = column
        self.problem = mask_text(problem)
        self.rows = tuple(rows)
        where = ""
        if self.rows:
            shown = ", ".join(str(row) for row in self.rows)
            where = f" (row{'s' if len(self.rows) > 1 else ''} {shown})"
        super().__init__(f"column {mask_value(column)}: {self.problem}{where}")
