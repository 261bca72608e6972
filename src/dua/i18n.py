"""One language setting for everything a person reads: Swedish by default, English on request.

Reports, notebook tables, the `dua` command's messages and the frame of validation errors
are written in one language, chosen in this order:

1. a `lang=` argument (`"sv"` or `"en"`) of the function that writes the text;
2. the language set for a block of code with [`language`][dua.i18n.language] (a context
   manager, safe with threads and `asyncio`), or for the whole process with
   [`set_language`][dua.i18n.set_language];
3. the environment variable `DUA_LANG` (`sv` or `en`);
4. Swedish (`"sv"`), the language of the agreements.

The `dua` command's `--lang` option sets 2 for one run.

Every fixed text lives in one catalogue under a key (such as `"cli.reading"`), with a
Swedish and an English template and, for a count, both plural forms in each language
([`ntext`][dua.i18n.ntext]: "1 händelse", "2 händelser"). The catalogue is read on first
use, not when `dua` is imported.

Examples:
    >>> from dua.i18n import language, ntext, text
    >>> text("report.title", "en")
    'Follow-up report'
    >>> [ntext("cli.persons", n, "sv") for n in (1, 2)]
    ['1 person', '2 personer']
    >>> with language("en"):
    ...     ntext("cli.events", 1_234)
    '1,234 events'
"""

from __future__ import annotations

import os
import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from dua._catalogue import Entry

__all__ = [
    "DEFAULT_LANGUAGE",
    "ENV_VAR",
    "LANGS",
    "KeyedTypeError",
    "KeyedValueError",
    "check_language",
    "get_language",
    "grouped",
    "keys",
    "language",
    "ntext",
    "placeholders",
    "render",
    "set_language",
    "text",
]

LANGS: Final = ("sv", "en")
"""The languages `dua` writes in: Swedish and English."""

DEFAULT_LANGUAGE: Final = "sv"
"""The language when nothing else is chosen: Swedish, the language of the agreements."""

ENV_VAR: Final = "DUA_LANG"
"""The environment variable that chooses the language (`sv` or `en`) when neither a
`lang=` argument nor [`set_language`][dua.i18n.set_language] does."""

_block: ContextVar[str | None] = ContextVar("dua_language", default=None)
_process: list[str | None] = [None]


def check_language(lang: str) -> str:
    """`lang` if it is `"sv"` or `"en"`.

    Raises:
        ValueError: any other value; the message names both choices.
    """
    if lang not in LANGS:
        raise ValueError(f"the language is 'sv' (Swedish) or 'en' (English), got {lang!r}")
    return lang


def get_language(lang: str | None = None) -> str:
    """The language to write in: `lang` when given, else the block's (see
    [`language`][dua.i18n.language]), the process's
    ([`set_language`][dua.i18n.set_language]), `DUA_LANG`'s, or Swedish.

    Raises:
        ValueError: `lang` or `DUA_LANG` is neither `sv` nor `en`.
    """
    if lang is not None:
        return check_language(lang)
    chosen = _block.get() or _process[0]
    if chosen is not None:
        return chosen
    from_env = os.environ.get(ENV_VAR, "").strip().lower()
    if from_env:
        if from_env not in LANGS:
            raise ValueError(
                f"the environment variable {ENV_VAR} is 'sv' (Swedish) or 'en' (English), "
                f"got {from_env!r}"
            )
        return from_env
    return DEFAULT_LANGUAGE


def set_language(lang: str | None) -> None:
    """Write in `lang` from now on, in the whole process (`None`: back to `DUA_LANG` or
    Swedish). A [`language`][dua.i18n.language] block and a `lang=` argument still win."""
    _process[0] = None if lang is None else check_language(lang)


@contextmanager
def language(lang: str) -> Iterator[str]:
    """Write in `lang` inside a `with` block (this thread or task only), then go back.

    >>> from dua.i18n import get_language, language
    >>> with language("en"):
    ...     get_language()
    'en'
    """
    token = _block.set(check_language(lang))
    try:
        yield lang
    finally:
        _block.reset(token)


def _catalogue() -> Mapping[str, Entry]:
    # Read on first use, so that `import dua` stays cheap.
    from dua._catalogue import MESSAGES

    return MESSAGES


def keys() -> tuple[str, ...]:
    """Every message key of the catalogue, sorted."""
    return tuple(sorted(_catalogue()))


def _count(n: int, lang: str) -> str:
    # Thousands grouped as the reports print them: "1 234" (sv), "1,234" (en).
    grouped = f"{n:,}"
    return grouped.replace(",", " ") if lang == "sv" else grouped


def grouped(n: int, lang: str | None = None) -> str:
    """The whole number `n` with its thousands grouped as `lang` (default: the current
    language) writes them: "1 234" in Swedish, "1,234" in English.

    >>> grouped(1_000_000, "sv"), grouped(1_000_000, "en")
    ('1 000 000', '1,000,000')
    """
    return _count(n, get_language(lang))


def text(key: str, lang: str | None = None, /, **values: object) -> str:
    """The message `key` in `lang` (default: [`get_language`][dua.i18n.get_language]), its
    `{placeholders}` filled from `values`.

    Raises:
        KeyError: no message has that key, or it is a plural message (use
            [`ntext`][dua.i18n.ntext]).
    """
    entry = _catalogue()[key]
    chosen = get_language(lang)
    template = entry.sv if chosen == "sv" else entry.en
    if not isinstance(template, str):
        raise KeyError(f"{key!r} is a plural message: use ntext")
    return template.format(**values) if values else template


def ntext(key: str, n: int, lang: str | None = None, /, **values: object) -> str:
    """The plural message `key` for the count `n`: the singular form when `n` is 1, the
    plural otherwise (both languages count this way), with `{n}` the count as printed
    ("1 234" in Swedish, "1,234" in English) and other placeholders from `values`.

    Raises:
        KeyError: no message has that key, or it is not a plural message.
    """
    entry = _catalogue()[key]
    chosen = get_language(lang)
    forms = entry.sv if chosen == "sv" else entry.en
    if isinstance(forms, str):
        raise KeyError(f"{key!r} is not a plural message: use text")
    template = forms[0] if n == 1 else forms[1]
    return template.format(n=_count(n, chosen), **values)


def placeholders(template: str) -> frozenset[str]:
    """The names of the `{placeholders}` in a template."""
    return frozenset(
        name for _, name, _, _ in string.Formatter().parse(template) if name is not None
    )


def render(key: str, lang: str | None = None, /, **values: object) -> str:
    """The message `key` whatever its kind: [`ntext`][dua.i18n.ntext] with the count
    `values["n"]` for a plural message, [`text`][dua.i18n.text] otherwise.

    This is how every error message of `dua` is written (keys `error.*`).

    >>> from dua.i18n import render
    >>> render("error.frame.problems", "sv", n=2)
    '2 problem:'
    >>> render("error.frame.problems", "en", n=1)
    '1 problem:'
    """
    entry = _catalogue()[key]
    if isinstance(entry.sv, str):
        return text(key, lang, **values)
    rest = {name: value for name, value in values.items() if name != "n"}
    count = values["n"]
    if not isinstance(count, int):
        raise TypeError(f"{key!r} needs a whole number n, got {type(count).__name__}")
    return ntext(key, count, lang, **rest)


class _Keyed(Exception):
    # A ValueError or TypeError whose message is a catalogue message, written in the
    # current language when the exception is made. A text that is no key (`error.…`) is
    # taken as the message itself, with no key: code outside `dua` may raise one so.
    def __init__(self, key: str, /, **params: object) -> None:
        keyed = key.startswith("error.") and " " not in key
        self.key: str | None = key if keyed else None
        self.params: dict[str, object] = params if keyed else {}
        super().__init__(render(key, **params) if keyed else key)


class KeyedValueError(_Keyed, ValueError):
    """A `ValueError` whose message is the catalogue's message `key` with `params`, in
    the language current when it is made; `key` and `params` stay on it as attributes.

    Raised by the low-level readers of numbers and dates; the file readers turn it into a
    [`Problem`][dua.errors.Problem] with the same key, at its place in the file.

    Attributes:
        key: the message key, e.g. `"error.number.not_finite"` (`None` when made from a
            plain message, which `dua` itself never does).
        params: the values of the message's placeholders (shown values already masked).
    """


class KeyedTypeError(_Keyed, TypeError):
    """A `TypeError` whose message is a catalogue message: like
    [`KeyedValueError`][dua.i18n.KeyedValueError], for a value of the wrong type."""
