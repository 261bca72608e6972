"""Agreement files: TOML for authoring, JSON for exchange, loss-free both ways.

A file is a table with `schema_version` (currently 1) and the agreement's fields at the top
level. The format is chosen by the file suffix (`.toml`, `.json`).

```toml
schema_version = 1
id = "hallefors-2015"
title = "Lokal överenskommelse om samverkan för att minska arbetslösheten"
kind = "unga"

[[parties]]
id = "hallefors-kommun"
kind = "kommun"
name = "Hällefors kommun"
organisation_number = "212000-1942"
municipality_code = "1863"
```

`load_agreement(dump_agreement(a)) == a` for every valid agreement. Every mistake in a
file is reported at once in a [`ValidationError`][dua.errors.ValidationError] with its
path; writing is atomic, so a failed write never leaves half a file behind.
"""

from __future__ import annotations

import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from dua.errors import FileFormatError, Problem, ValidationError, mask_value, os_reason
from dua.io._atomic import write_text_atomic
from dua.io._parse import loads_json, loads_toml, read_limited_text
from dua.model import Agreement
from dua.model._converter import structure, unstructure

__all__ = [
    "SCHEMA_VERSION",
    "Format",
    "agreement_from_data",
    "agreement_to_data",
    "dump_agreement",
    "dumps_agreement",
    "format_for",
    "load_agreement",
    "loads_agreement",
]

SCHEMA_VERSION = 1
"""The version of the agreement file format this release reads and writes."""

Format = Literal["toml", "json"]

_SUFFIXES: dict[str, Format] = {".toml": "toml", ".json": "json"}


def format_for(path: str | os.PathLike[str]) -> Format:
    """The file format implied by `path`'s suffix.

    Raises:
        FileFormatError: the suffix is neither `.toml` nor `.json`.
    """
    suffix = Path(path).suffix.lower()
    try:
        return _SUFFIXES[suffix]
    except KeyError:
        raise FileFormatError(
            "error.file.unknown_suffix", file=str(path), suffix=repr(suffix) if suffix else "''"
        ) from None


def agreement_from_data(data: object, *, source: str | None = None) -> Agreement:
    """Build an agreement from plain data (as parsed from TOML or JSON).

    Raises:
        ValidationError: listing every problem with its path.
    """
    if not isinstance(data, dict):
        raise ValidationError(
            [Problem.of("", "error.agreement.not_a_table", mask_value(data))], source
        )
    body = dict(data)
    version = body.pop("schema_version", None)
    # `type(...) is int`: in Python `True == 1` and `1.0 == 1`, neither is version 1.
    if type(version) is not int or version != SCHEMA_VERSION:
        if version is None:
            problem = Problem.of("schema_version", "error.structure.missing_key")
        else:
            problem = Problem.of(
                "schema_version",
                "error.agreement.schema_version",
                repr(version),
                version=SCHEMA_VERSION,
            )
        try:
            structure(body, Agreement, source=source)
        except ValidationError as error:
            raise ValidationError([problem, *error.problems], source) from None
        raise ValidationError([problem], source)
    return structure(body, Agreement, source=source)


def agreement_to_data(agreement: Agreement) -> dict[str, Any]:
    """The plain data of `agreement`, with `schema_version` first; defaults are left out."""
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    data.update(unstructure(agreement))
    return data


def _has_carriage_return(data: object) -> bool:
    if isinstance(data, str):
        return "\r" in data
    if isinstance(data, dict):
        return any(_has_carriage_return(v) for v in data.values())
    if isinstance(data, list | tuple):
        return any(_has_carriage_return(v) for v in data)
    return False


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):  # pragma: no cover - the converter writes texts already
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


def dumps_agreement(agreement: Agreement, format: Format = "toml") -> str:
    """The text of an agreement file in `format` (`"toml"` or `"json"`)."""
    data = agreement_to_data(agreement)
    if format == "toml":
        # Multi-line strings read best, but TOML folds "\r\n" inside them to "\n"; a
        # text holding a carriage return is written with escapes instead, losing nothing.
        import tomli_w  # here: reading an agreement, the common case, needs no TOML writer

        return tomli_w.dumps(data, multiline_strings=not _has_carriage_return(data))
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    raise FileFormatError("error.file.unknown_format", format=repr(format))


def loads_agreement(text: str, format: Format = "toml", *, source: str | None = None) -> Agreement:
    """Parse the text of an agreement file.

    The text is read within the limits of [`dua.limits`][dua.limits]: at most
    `MAX_FILE_BYTES` long, nested at most `MAX_DEPTH` deep, numbers bounded; a JSON key
    given twice and a lone surrogate (`"\\ud800"`) are refused.

    Raises:
        FileFormatError: the text is not valid TOML/JSON, or too long or too deep (the
            message names the limit, line and column).
        ValidationError: the text is well-formed but does not describe a valid agreement,
            or holds a duplicate key, a lone surrogate or a number beyond the limits.
    """
    data: object
    if format == "toml":
        data = loads_toml(text, source=source)
    elif format == "json":
        data = loads_json(text, source=source)
    else:
        raise FileFormatError("error.file.unknown_format", format=repr(format))
    return agreement_from_data(data, source=source)


def load_agreement(path: str | os.PathLike[str]) -> Agreement:
    """Read an agreement from a `.toml` or `.json` file.

    Raises:
        FileFormatError: the file cannot be read or parsed.
        ValidationError: the file does not describe a valid agreement; every problem is
            listed with its path.
    """
    fmt = format_for(path)
    try:
        text = read_limited_text(Path(path))
    except OSError as exc:
        raise FileFormatError(
            "error.file.cannot_read", file=str(path), reason=os_reason(exc)
        ) from None
    except UnicodeDecodeError:
        raise FileFormatError("error.file.not_utf8", file=str(path)) from None
    return loads_agreement(text, fmt, source=str(path))


def dump_agreement(agreement: Agreement, path: str | os.PathLike[str]) -> None:
    """Write `agreement` to `path` as TOML or JSON (by suffix), atomically.

    The text is written to a temporary file beside `path` and renamed into place, so an
    existing file is either fully replaced or left untouched.

    Raises:
        FileFormatError: the suffix is neither `.toml` nor `.json`, or the file cannot be
            written.
    """
    write_text_atomic(path, dumps_agreement(agreement, format_for(path)))
