"""The JSON Schema of agreement files: shipped up to date, valid, and in step with the reader.

The schema is generated from the model (`dua.io.schema`) and shipped as
`dua/data/agreement.schema.json`. It must accept every bundled example (the five seeds as
encoded in `src/dua/examples/*.toml`) and every agreement `dua.testing` generates, and
reject the mistakes the strict converter rejects for their shape (unknown keys, missing
required keys, values of the wrong kind). Validation uses the `jsonschema` package (a
development dependency).
"""

from __future__ import annotations

import copy
import json
import re
import tomllib
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import dua
from dua import testing
from dua.io.schema import DIALECT, agreement_json_schema, agreement_json_schema_text
from dua.limits import BeyondLimit
from dua.model import Agreement, exact_decimal

EXAMPLES = Path(dua.examples.__file__).parent
VALIDATOR = jsonschema.Draft202012Validator(
    agreement_json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def json_form(data: Any) -> Any:
    """Plain data as a JSON file holds it: TOML dates become ISO texts."""
    return json.loads(json.dumps(data, default=date.isoformat))


def _flatten(found: Any) -> Any:
    for error in found:
        yield error
        # An optional field is `anyOf` [its schema, null]: the precise error is inside.
        yield from _flatten(error.context or ())


def errors(instance: Any) -> list[str]:
    return sorted(
        f"{error.json_path}: {error.message}" for error in _flatten(VALIDATOR.iter_errors(instance))
    )


def test_the_shipped_schema_is_the_generated_one() -> None:
    shipped = resources.files("dua").joinpath("data/agreement.schema.json").read_text("utf-8")
    # If this fails after a change to the model, regenerate the file:
    #   .venv/bin/python -m dua.io.schema > src/dua/data/agreement.schema.json
    assert shipped == agreement_json_schema_text()


def test_the_schema_is_valid_draft_2020_12() -> None:
    schema = agreement_json_schema()
    assert schema["$schema"] == DIALECT
    jsonschema.Draft202012Validator.check_schema(schema)


def test_generation_is_stable() -> None:
    assert agreement_json_schema_text() == agreement_json_schema_text()
    assert json.loads(agreement_json_schema_text()) == agreement_json_schema()


def test_every_table_forbids_unknown_keys_and_every_def_is_described() -> None:
    schema = agreement_json_schema()
    assert schema["additionalProperties"] is False
    for name, definition in schema["$defs"].items():
        assert definition["description"], name
        if definition.get("type") == "object":
            assert definition["additionalProperties"] is False, name


def test_top_level_requires_schema_version_one_and_the_agreement_keys() -> None:
    schema = agreement_json_schema()
    assert schema["properties"]["schema_version"]["const"] == 1
    assert schema["required"] == ["schema_version", "id", "title", "kind"]


def test_enums_list_the_swedish_values() -> None:
    defs = agreement_json_schema()["$defs"]
    assert "kommun" in defs["PartyKind"]["enum"]
    assert "Public Employment Service" in defs["PartyKind"]["enumDescriptions"]
    assert defs["GoalKind"]["enum"][0] == "nivå"
    assert "1863" in defs["MunicipalityCode"]["enum"]
    assert len(defs["MunicipalityCode"]["enum"]) == 290


def test_optional_fields_are_nullable_and_not_required() -> None:
    party = agreement_json_schema()["$defs"]["Party"]
    assert party["required"] == ["id", "kind", "name"]
    assert party["properties"]["unit"]["type"] == ["string", "null"]
    assert {"type": "null"} in party["properties"]["organisation_number"]["anyOf"]


def _example_files() -> list[Path]:
    return sorted(EXAMPLES.glob("*.toml"))


def test_some_bundled_examples_exist() -> None:
    # The examples are written alongside this schema; at least one must be there to test.
    assert _example_files()


@pytest.mark.parametrize("path", _example_files(), ids=lambda path: path.stem)
def test_bundled_example_validates_against_the_schema(path: Path) -> None:
    data = json_form(tomllib.loads(path.read_text(encoding="utf-8")))
    assert errors(data) == []


@given(testing.agreements())
def test_every_generated_agreement_validates(agreement: Agreement) -> None:
    data = json.loads(dua.dumps_agreement(agreement, "json"))
    assert errors(data) == []


MINIMAL: dict[str, Any] = {
    "schema_version": 1,
    "id": "hallefors-2015",
    "title": "Lokal överenskommelse",
    "kind": "unga",
    "validity": {"start": "2015-11-30", "end": "2017-12-31"},
    "parties": [
        {
            "id": "hallefors-kommun",
            "kind": "kommun",
            "name": "Hällefors kommun",
            "organisation_number": "212000-1942",
            "municipality_code": "1863",
        }
    ],
    "target_groups": [
        {
            "id": "unga",
            "name": "Unga",
            "statistics": [
                {
                    "id": "s",
                    "title": "Inskrivna",
                    "source": {"document": "Hällefors 2015"},
                    "figures": [{"id": "f", "label": "andel", "value": "21,0", "unit": "procent"}],
                }
            ],
        }
    ],
}


def test_the_minimal_file_is_valid_for_schema_and_reader() -> None:
    assert errors(MINIMAL) == []
    dua.io.agreement_from_data(copy.deepcopy(MINIMAL))


def _set(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    target: Any = changed
    for step in path[:-1]:
        target = target[step]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return changed


_DELETE = object()
FIGURE = ("target_groups", 0, "statistics", 0, "figures", 0)

# (what, path, new value, JSON path of the schema's complaint); each is also an error of the
# reader, checked in the same test, so schema and reader agree on these mistakes.
REJECTED = [
    ("unknown key", ("parties", 0, "namn"), "x", "$.parties[0]"),
    ("missing required key", ("parties", 0, "name"), _DELETE, "$.parties[0]"),
    ("missing schema_version", ("schema_version",), _DELETE, "$"),
    ("wrong schema_version", ("schema_version",), 2, "$.schema_version"),
    ("bad enum value", ("parties", 0, "kind"), "kommunen", "$.parties[0].kind"),
    (
        "unknown municipality",
        ("parties", 0, "municipality_code"),
        "1899",
        "$.parties[0].municipality_code",
    ),
    (
        "number as municipality",
        ("parties", 0, "municipality_code"),
        1863,
        "$.parties[0].municipality_code",
    ),
    (
        "short organisation number",
        ("parties", 0, "organisation_number"),
        "212000-194",
        "$.parties[0].organisation_number",
    ),
    ("text where a number belongs", ("parties", 0, "name"), 7, "$.parties[0].name"),
    ("blank name", ("parties", 0, "name"), "  ", "$.parties[0].name"),
    ("bad identifier", ("parties", 0, "id"), "-hallefors", "$.parties[0].id"),
    ("impossible date", ("validity", "start"), "2015-02-30", "$.validity.start"),
    ("text where a list belongs", ("parties",), "Hällefors", "$.parties"),
    (
        "not a number",
        (*FIGURE, "value"),
        "tjugoett",
        "$.target_groups[0].statistics[0].figures[0].value",
    ),
    (
        "boolean as a number",
        (*FIGURE, "value"),
        True,
        "$.target_groups[0].statistics[0].figures[0].value",
    ),
]


@pytest.mark.parametrize(
    ("path", "value", "where"), [pytest.param(*case[1:], id=case[0]) for case in REJECTED]
)
def test_schema_rejects_what_the_reader_rejects(
    path: tuple[Any, ...], value: Any, where: str
) -> None:
    data = _set(MINIMAL, path, value)
    found = errors(data)
    assert any(line.startswith(f"{where}:") for line in found), found
    with pytest.raises(dua.ValidationError):
        dua.io.agreement_from_data(data)


def test_schema_rejects_a_text_where_a_table_belongs() -> None:
    # The reader crashes on this one (a converter bug, see tests/test_corruption.py).
    assert errors(_set(MINIMAL, ("validity",), "2015–2017"))[0].startswith("$.validity:")


# The decimal pattern must accept exactly the texts exact_decimal reads, over the characters
# that matter (ASCII digits; exact_decimal also reads other Unicode digits, the schema not).
_DECIMAL_TEXT = st.text(st.sampled_from("0123456789+-.,eE _\u00a0\u2009\u202f\t"), max_size=8)


def _reads(text: str) -> bool:
    try:
        exact_decimal(text)
    except BeyondLimit:
        # Well-formed, but beyond dua.limits (digits or power of ten, issue 8): the schema
        # states the syntax; the limits are documented beside it (docs/files.md#limits).
        return True
    except ValueError:
        return False
    return True


@given(_DECIMAL_TEXT | st.decimals(allow_nan=False, allow_infinity=False).map(str))
def test_decimal_pattern_matches_what_exact_decimal_reads(text: str) -> None:
    pattern = agreement_json_schema()["$defs"]["Decimal"]["anyOf"][1]["pattern"]
    assert bool(re.search(pattern, text)) == _reads(text), text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("21,0", Decimal("21.0")),
        ("1 744", Decimal(1744)),
        ("-30", Decimal(-30)),
        (".5", Decimal("0.5")),
    ],
)
def test_decimal_texts_in_the_seeds_validate(text: str, value: Decimal) -> None:
    data = _set(MINIMAL, (*FIGURE, "value"), text)
    assert errors(data) == []
    assert exact_decimal(text) == value
