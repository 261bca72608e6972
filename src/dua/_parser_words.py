"""The reasons Python's TOML and JSON parsers give for broken syntax, in the current
language.

`tomllib` and `json` word their errors in English ("Invalid value (at line 3, column
5)"). An error of `dua` quotes that reason after its own words ("plan.toml: ogiltig TOML:
…"), so a Swedish message would end in English. [`parser_reason`][dua._parser_words.parser_reason]
looks each of the parsers' fixed messages up in the catalogue (`error.parser.*`) and
writes the place in the words of the rest of the message. A reason it does not know (a
later Python's new wording) is shown as the parser gave it, whole: nothing is lost.
"""

from __future__ import annotations

import re

from dua.i18n import render

__all__ = ["json_reason", "parser_reason"]

# tomllib: "<message> (at line L, column C)" or "<message> (at end of document)".
_TOML_PLACE = re.compile(
    r"^(?P<message>.*) \(at (?:line (?P<line>\d+), column (?P<column>\d+)|(?P<end>end of document))\)$",
    re.S,
)

# Fixed messages of tomllib (Python 3.11–3.13) and json, by key.
_FIXED = {
    "Cannot overwrite a value": "error.parser.overwrite",
    "Escaped character is not a Unicode scalar value": "error.parser.not_unicode",
    "Expected '=' after a key in a key/value pair": "error.parser.expected_equals",
    "Expected ']' at the end of a table declaration": "error.parser.table_end",
    "Expected ']]' at the end of an array declaration": "error.parser.array_table_end",
    "Invalid date or datetime": "error.parser.date",
    "Invalid hex value": "error.parser.hex",
    "Invalid initial character for a key part": "error.parser.key_start",
    "Invalid statement": "error.parser.statement",
    "Expected newline or end of document after a statement": "error.parser.statement_end",
    "Invalid value": "error.parser.value",
    "Unclosed array": "error.parser.unclosed_array",
    "Unclosed inline table": "error.parser.unclosed_table",
    "Unescaped '\\' in a string": "error.parser.backslash",
    "Unterminated string": "error.parser.unterminated",
    "Expecting value": "error.parser.value_expected",
    "Expecting property name enclosed in double quotes": "error.parser.name_expected",
    "Expecting ':' delimiter": "error.parser.colon_expected",
    "Expecting ',' delimiter": "error.parser.comma_expected",
    "Unterminated string starting at": "error.parser.unterminated",
    "Invalid \\uXXXX escape": "error.parser.u_escape",
    "Invalid \\escape": "error.parser.escape_plain",
    "Extra data": "error.parser.extra_data",
    "Invalid control character at": "error.parser.control_plain",
    "Illegal trailing comma before end of object": "error.parser.trailing_comma",
    "Illegal trailing comma before end of array": "error.parser.trailing_comma",
}

# Messages of tomllib and json with one quoted part, which stays as written.
_PATTERNS = (
    (re.compile(r"^Cannot declare (?P<part>.+) twice$", re.S), "error.parser.declared_twice"),
    (
        re.compile(r"^Cannot mutate immutable namespace (?P<part>.+)$", re.S),
        "error.parser.immutable",
    ),
    (re.compile(r"^Cannot redefine namespace (?P<part>.+)$", re.S), "error.parser.redefined"),
    (re.compile(r"^Duplicate inline table key (?P<part>.+)$", re.S), "error.parser.duplicate_key"),
    (re.compile(r"^Expected (?P<part>'.*')$", re.S), "error.parser.expected"),
    (re.compile(r"^Found invalid character (?P<part>.+)$", re.S), "error.parser.invalid_character"),
    (re.compile(r"^Illegal character (?P<part>.+)$", re.S), "error.parser.illegal_character"),
    (re.compile(r"^Invalid \\escape: (?P<part>.+)$", re.S), "error.parser.escape"),
    (re.compile(r"^Invalid control character (?P<part>.+) at$", re.S), "error.parser.control"),
)


def json_reason(message: str) -> str:
    """The reason of a `json.JSONDecodeError` (its `msg`, without the place) in the current
    language; a message it does not know is returned as it is."""
    key = _FIXED.get(message)
    if key is not None:
        return render(key)
    for pattern, key in _PATTERNS:
        found = pattern.match(message)
        if found:
            return render(key, part=found["part"])
    return message


def parser_reason(message: str) -> str:
    """The message of a `tomllib.TOMLDecodeError` (the reason and its place) in the
    current language; a reason it does not know keeps its words, with the place written
    in the current language.

    >>> from dua import i18n
    >>> with i18n.language("sv"):
    ...     parser_reason("Invalid value (at line 3, column 5)")
    'ogiltigt värde (rad 3, kolumn 5)'
    >>> with i18n.language("en"):
    ...     parser_reason("Unclosed array (at end of document)")
    "unclosed array (']' is missing) (at the end of the document)"
    """
    found = _TOML_PLACE.match(message)
    if found is None:
        return json_reason(message)
    if found["end"]:
        place = render("error.parser.end_of_document")
    else:
        place = render(
            "error.place.line_column", line=int(found["line"]), column=int(found["column"])
        )
    return render("error.parser.placed", reason=json_reason(found["message"]), place=place)
