"""The TOML and JSON parsers' reasons in the chosen language (issue 12 item 4: no surface
mixes languages). `tomllib` and `json` word their errors in English; `dua` quotes them
after its own words, so each is looked up in the catalogue (`dua._parser_words`)."""

from __future__ import annotations

import json
import re
import tomllib

import pytest

from dua import i18n
from dua._parser_words import _FIXED, _PATTERNS, json_reason, parser_reason
from dua.errors import FileFormatError
from dua.io.files import loads_agreement
from tests.test_language import ENGLISH_ONLY, SWEDISH_ONLY, words

# Broken documents, each with the parser's own reason (Python 3.11's wording).
BROKEN_TOML = [
    ("a = ", "Invalid value"),
    ("a = 1\na = 2", "Cannot overwrite a value"),
    ('a = "abc', "Unterminated string"),
    ("a = [1", "Unclosed array"),
    ("a = {b = 1", "Unclosed inline table"),
    ("[a\n", "Expected ']' at the end of a table declaration"),
    ("[[a]\n", "Expected ']]' at the end of an array declaration"),
    ("a b = 1", "Expected '=' after a key in a key/value pair"),
    ("= 1", "Invalid statement"),
    ("a. = 1", "Invalid initial character for a key part"),
    ("a = 2015-02-30", "Invalid date or datetime"),
    ("a = 1 b", "Expected newline or end of document after a statement"),
    ('a = "\\uZZZZ"', "Invalid hex value"),
    ('a = "\\uD800"', "Escaped character is not a Unicode scalar value"),
    ('a = "\\q"', "Unescaped '\\' in a string"),
    ("[a]\n[a]", "Cannot declare ('a',) twice"),
    ("a = {b = 1, b = 2}", "Duplicate inline table key 'b'"),
]
BROKEN_JSON = [
    ('{"a": }', "Expecting value"),
    ("{a: 1}", "Expecting property name enclosed in double quotes"),
    ('{"a" 1}', "Expecting ':' delimiter"),
    ('{"a": 1 "b": 2}', "Expecting ',' delimiter"),
    ('{"a": "b', "Unterminated string starting at"),
    ('{"a": 1} x', "Extra data"),
    ('{"a": "\\q"}', "Invalid \\escape"),
    ('{"a": "\\u12"}', "Invalid \\uXXXX escape"),
    ('{"a": "b\nc"}', "Invalid control character at"),  # found by the fuzz run
]


def _toml_reason(text: str) -> str:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    return str(caught.value)


def _json_reason(text: str) -> str:
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(text)
    return caught.value.msg


@pytest.mark.parametrize(("text", "reason"), BROKEN_TOML)
def test_each_toml_reason_is_known(text: str, reason: str) -> None:
    """The parser still words it so (else this table is out of date), and it is
    translated: in Swedish no English word is left, in English no Swedish one."""
    message = _toml_reason(text)
    assert message.startswith(reason)
    for lang, foreign in (("sv", ENGLISH_ONLY), ("en", SWEDISH_ONLY)):
        with i18n.language(lang):
            shown = parser_reason(message)
        assert shown != message
        assert not words(re.sub(r"'[^']*'|\([^()]*'[^()]*\)", " ", shown)) & foreign, shown


@pytest.mark.parametrize(("text", "reason"), BROKEN_JSON)
def test_each_json_reason_is_known(text: str, reason: str) -> None:
    message = _json_reason(text)
    assert message == reason
    for lang, foreign in (("sv", ENGLISH_ONLY), ("en", SWEDISH_ONLY)):
        with i18n.language(lang):
            shown = json_reason(message)
        assert shown != message
        assert not words(re.sub(r"'[^']*'", " ", shown)) & foreign, shown


def test_the_place_is_written_in_the_language() -> None:
    with i18n.language("sv"):
        assert (
            parser_reason("Invalid value (at line 3, column 5)")
            == "ogiltigt värde (rad 3, kolumn 5)"
        )
        assert parser_reason("Invalid value (at end of document)") == (
            "ogiltigt värde (i slutet av dokumentet)"
        )
    with i18n.language("en"):
        assert parser_reason("Invalid value (at line 3, column 5)") == (
            "invalid value (at line 3, column 5)"
        )


def test_an_unknown_reason_is_kept_whole() -> None:
    """A later Python's new wording is shown as the parser gave it: nothing is lost."""
    with i18n.language("sv"):
        assert json_reason("Something new") == "Something new"
        assert parser_reason("Something new (at line 2, column 1)") == (
            "Something new (rad 2, kolumn 1)"
        )


def test_every_known_reason_has_its_key() -> None:
    keys = set(_FIXED.values()) | {key for _, key in _PATTERNS}
    assert all(key in i18n._catalogue() for key in keys)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_broken_agreement_file_reads_in_one_language(lang: str) -> None:
    """The whole message of a broken TOML agreement: `dua`'s words and the parser's."""
    with i18n.language(lang), pytest.raises(FileFormatError) as caught:
        loads_agreement('id = "x"\ntitle = [1', source="plan.toml")
    expected = {
        "sv": "plan.toml: ogiltig TOML: listan avslutas aldrig (']' saknas) (i slutet av dokumentet)",
        "en": (
            "plan.toml: not valid TOML: unclosed array (']' is missing) "
            "(at the end of the document)"
        ),
    }
    assert str(caught.value) == expected[lang]
    assert caught.value.key == "error.file.invalid_toml"
