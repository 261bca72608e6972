"""A JSON Schema (draft 2020-12) for agreement files, generated from the model.

[`agreement_json_schema`][dua.io.schema.agreement_json_schema] walks the attrs classes of
`dua.model` (`attrs.fields`, `typing.get_type_hints`) and describes the plain data that
[`agreement_from_data`][dua.io.agreement_from_data] reads, so editors can complete keys,
list the allowed Swedish enum values and flag typos while a file is being written:

- every table is an object with `additionalProperties: false` (the converter forbids
  unknown keys); the keys without a default are `required`;
- an optional field (`X | None`) is nullable and not required;
- enums list their Swedish values (`enum`) with the English labels as
  `enumDescriptions`, which VS Code shows;
- tuples are arrays; `Decimal`s are a number or a text such as `"21,0"` or `"1 744"`;
  dates are `{"type": "string", "format": "date"}`;
- each class and enum has an entry in `$defs` whose `description` is the first paragraph of
  its docstring; fields documented in a `- ``name``: …` list get that text.

The schema describes the **JSON form** of a file. A TOML file is the same data, except that
TOML writes dates natively (`start = 2015-11-30`) where JSON needs a text; a TOML-aware
editor such as Taplo reads a JSON Schema and applies it to TOML with that understanding.

The schema checks shapes and single values. What involves several values is checked only
by `dua` itself: the Luhn digit of an organisation number, an end before a start,
references between parts (a signature must name a party of the agreement), unique ids.

The package ships the generated schema as `dua/data/agreement.schema.json`; the test suite
checks that it is up to date. Regenerate it with

    python -m dua.io.schema > src/dua/data/agreement.schema.json

Examples:
    >>> schema = agreement_json_schema()
    >>> schema["properties"]["schema_version"]
    {'const': 1, 'description': 'The version of the agreement file format (currently 1).'}
    >>> schema["$defs"]["PartyKind"]["enum"][:2]
    ['kommun', 'arbetsförmedlingen']
"""

from __future__ import annotations

import datetime as _dt
import inspect
import json
import re
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from dua.io.files import SCHEMA_VERSION
from dua.model import Agreement, LabelledEnum, MunicipalityCode, OrganisationNumber
from dua.model._base import identifier, non_empty, non_negative
from dua.municipalities import all_municipalities

__all__ = ["DIALECT", "agreement_json_schema", "agreement_json_schema_text"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect the schema is written in (draft 2020-12)."""

# The written forms `dua.model.exact_decimal` reads: an optional sign, digits with a
# decimal point or comma, an optional exponent, and spaces (also no-break and thin
# spaces) or underscores as thousands separators anywhere; blanks around the number.
_SEP = "[ \u00a0\u2009\u202f_]*"
_DIGITS = f"(?:[0-9]{_SEP})+"
_DECIMAL_PATTERN = (
    rf"^\s*{_SEP}(?:[+-]{_SEP})?"
    rf"(?:{_DIGITS}(?:[.,]{_SEP}(?:[0-9]{_SEP})*)?|[.,]{_SEP}{_DIGITS})"
    rf"(?:[eE]{_SEP}(?:[+-]{_SEP})?{_DIGITS})?\s*$"
)
# python-stdnum's orgnr.compact removes spaces, hyphens and dots anywhere, then blanks.
_ORGANISATION_NUMBER_PATTERN = r"^[\s.-]*(?:[0-9][ .-]*){10}\s*$"
# The identifier validator of dua.model: a letter or digit, then letters, digits, _ . -
_IDENTIFIER_PATTERN = "^[0-9A-Za-zÅÄÖåäöÉé][0-9A-Za-zÅÄÖåäöÉé_.-]*$"
_NON_EMPTY_PATTERN = r"\S"


def _first_paragraph(obj: object) -> str:
    doc = inspect.cleandoc(obj.__doc__ or "")
    return " ".join(doc.split("\n\n")[0].split())


_ITEM = re.compile(r"^(?P<names>`\w+`(?:(?:, | and | or |/)`\w+`)*)[^:`]*: (?P<text>.+)$", re.S)


def _field_docs(cls: type) -> dict[str, str]:
    """Field descriptions from a class docstring's list of ``- `name`: text`` items.

    An item may describe several fields (``- `scope`, `units`: …``) or several in turn
    (``- `text`: …; `indicator`: …``); each field gets its own part.
    """
    items: list[str] = []
    for line in inspect.cleandoc(cls.__doc__ or "").splitlines():
        if line.startswith("- `"):
            items.append(line[2:].strip())
        elif items and line.startswith("  ") and line.strip():
            items[-1] = f"{items[-1]} {line.strip()}"
        else:
            items.append("")  # anything else ends the current item
    docs: dict[str, str] = {}
    for item in filter(None, items):
        for part in re.split(r";\s+(?=`\w+`[^:`;]*:)", item):
            match = _ITEM.match(part)
            if match:
                text = match["text"].strip()
                text = text if text.endswith(".") else f"{text}."
                for name in re.findall(r"`(\w+)`", match["names"]):
                    docs.setdefault(name, text[0].upper() + text[1:])
    return docs


def _json_default(value: object) -> object:
    """The JSON form of a field default, or `attrs.NOTHING` if it has none."""
    if isinstance(value, attrs.Factory):  # type: ignore[arg-type]  # attrs.Factory is a class at runtime
        value = typing.cast(Any, value).factory()
    if isinstance(value, LabelledEnum):
        return value.value
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, tuple | list) and not value:
        return []
    if isinstance(value, dict) and not value:
        return {}
    return attrs.NOTHING


class _Builder:
    """Collects `$defs` while it describes types."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, name: str, make: typing.Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}  # a placeholder, so that recursion stops here
            self.defs[name] = make()
        return {"$ref": f"#/$defs/{name}"}

    def describe(self, tp: Any) -> dict[str, Any]:
        """The schema of a value of type `tp` (optional types are handled by the caller)."""
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.describe(args[0])}
        if origin is dict and args == (str, str):
            return {"type": "object", "additionalProperties": {"type": "string"}}
        if isinstance(tp, type):
            if issubclass(tp, LabelledEnum):
                return self.ref(tp.__name__, lambda: self.enum(tp))
            if attrs.has(tp):
                return self.ref(tp.__name__, lambda: self.table(tp))
            if tp is OrganisationNumber:
                return self.ref("OrganisationNumber", _organisation_number)
            if tp is MunicipalityCode:
                return self.ref("MunicipalityCode", _municipality_code)
            if tp is Decimal:
                return self.ref("Decimal", _decimal)
            if tp is _dt.date:
                return {"type": "string", "format": "date"}
            if tp is bool:
                return {"type": "boolean"}
            if tp is int:
                return {"type": "integer"}
            if tp is str:
                return {"type": "string"}
        raise TypeError(f"no JSON Schema for the model type {tp!r}; teach dua.io.schema it")

    def enum(self, cls: type[LabelledEnum]) -> dict[str, Any]:
        return {
            "title": cls.__name__,
            "description": _first_paragraph(cls),
            "type": "string",
            "enum": [member.value for member in cls],
            "enumDescriptions": [member.label_en for member in cls],
        }

    def table(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = _field_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            tp = hints[field.name]
            members = typing.get_args(tp)
            optional = typing.get_origin(tp) in (typing.Union, types.UnionType) and (
                type(None) in members
            )
            if optional:
                (tp,) = [member for member in members if member is not type(None)]
            schema = {**self.describe(tp), **_constraints(field)}
            if optional:
                schema = _nullable(schema)
            if field.name in docs:
                schema = {"description": docs[field.name], **schema}
            if field.default is attrs.NOTHING:
                required.append(field.name)
            else:
                default = _json_default(field.default)
                if default is not attrs.NOTHING:
                    schema["default"] = default
            properties[field.name] = schema
        result: dict[str, Any] = {
            "title": cls.__name__,
            "description": _first_paragraph(cls),
            "type": "object",
            "properties": properties,
        }
        if required:
            result["required"] = required
        result["additionalProperties"] = False
        return result


def _constraints(field: attrs.Attribute[Any]) -> dict[str, Any]:
    """What a field's own validator says that a schema can say too."""
    if field.validator is identifier:
        return {"pattern": _IDENTIFIER_PATTERN}
    if field.validator is non_empty:
        return {"pattern": _NON_EMPTY_PATTERN}
    if field.validator is non_negative:
        return {"minimum": 0}
    return {}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if isinstance(schema.get("type"), str) and "$ref" not in schema:
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _decimal() -> dict[str, Any]:
    return {
        "title": "Decimal",
        "description": (
            "An exact number as the document states it: a number, or a text with a decimal "
            'point or comma and optional space thousands separators (e.g. 21.0, "21,0", '
            '"1 744"). Texts keep the stated precision.'
        ),
        "anyOf": [{"type": "number"}, {"type": "string", "pattern": _DECIMAL_PATTERN}],
    }


def _organisation_number() -> dict[str, Any]:
    return {
        "title": "OrganisationNumber",
        "description": (
            "A Swedish organisation number, ten digits NNNNNN-NNNN; dua also checks the "
            "Luhn check digit."
        ),
        "type": "string",
        "pattern": _ORGANISATION_NUMBER_PATTERN,
    }


def _municipality_code() -> dict[str, Any]:
    municipalities = all_municipalities()
    return {
        "title": "MunicipalityCode",
        "description": "The four-digit SCB code (kommunkod) of one of the 290 municipalities.",
        "type": "string",
        "enum": [municipality.code for municipality in municipalities],
        "enumDescriptions": [municipality.name for municipality in municipalities],
    }


def agreement_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an agreement file, generated from the model.

    The top level is the agreement's table plus `schema_version` (the constant 1); every
    class and enum it uses is in `$defs`. The result is the same on every call, in the
    same key order.

    Source: the attrs classes of `dua.model` and the strict converter of `dua.io`, which
    the schema mirrors (unknown keys forbidden, keys without a default required).
    """
    builder = _Builder()
    agreement = builder.table(Agreement)
    properties = {
        "schema_version": {
            "const": SCHEMA_VERSION,
            "description": f"The version of the agreement file format (currently {SCHEMA_VERSION}).",
        },
        **agreement["properties"],
    }
    return {
        "$schema": DIALECT,
        "title": "dua agreement file",
        "description": (
            "An agreement file of the Python library dua (JSON form; TOML files hold the "
            "same data with native dates). " + agreement["description"]
        ),
        "type": "object",
        "properties": properties,
        "required": ["schema_version", *agreement["required"]],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }


def agreement_json_schema_text() -> str:
    """The schema as the package ships it: pretty-printed JSON (UTF-8, two-space indent)
    ending in a newline, byte for byte `dua/data/agreement.schema.json`."""
    return json.dumps(agreement_json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":  # pragma: no cover - the regeneration command in the docstring
    import sys

    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]  # stdout is a TextIOWrapper here
    sys.stdout.write(agreement_json_schema_text())
