"""The privacy boundary: one function that hides personal identity numbers in any text.

Everything `dua` lets a person see (`repr`, `str`, `_repr_html_`, error messages, report
warnings, CLI output, every report format, schedules and calendars, file names quoted in
messages) passes [`mask_text`][dua.errors.mask_text] on its way out. This module sits at
the bottom of the layering (it imports nothing from `dua`), so the model can use it for
its reprs. Its public names are re-exported from [`dua.errors`][dua.errors].

**What is masked.** Any run of characters *shaped* like a personnummer or
samordningsnummer (folkbokföringslagen (1991:481) 18 and 18 a §§), valid or not:

- an optional two-digit century, then `YYMMDD` where `MM` is a month `01`–`12` and `DD`
  a day `01`–`31` or a coordination day `61`–`91`;
- then a separator or none: `-`, `+`, a dash (`‐ ‑ ‒ – −`), with up to three white-space
  characters (spaces, no-break and thin spaces, line breaks) on either side of it, or up to
  three white-space characters alone (a number wrapped over two lines is still found);
- then four digits;
- wherever it sits: inside a word (`P20060510-1237`), after other digits, before other
  digits.

The masked form keeps what comes before the four last digits and replaces those with
`****`: `19900101-1234` → `19900101-****`, `pnr 900101 1234` → `pnr 900101 ****`. The
birth date alone does not identify a person; the serial and check digits do.

**What is not masked.** Organisation numbers of legal persons (`212000-1942`: a "month"
of 20 or more is not a month), dates (`2015-06-01`), years, amounts (`1 744`) and any
digits that do not form the shape above.

>>> mask_text("P20060510-1237, pnr 060510 1237, org 212000-1942, 2015-06-01")
'P20060510-****, pnr 060510 ****, org 212000-1942, 2015-06-01'
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from enum import Enum
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    # Types only: `importlib.abc` would load `importlib.resources` into every `import dua`.
    from importlib.abc import Loader as _LoaderBase
    from importlib.machinery import ModuleSpec
else:
    _LoaderBase = object

__all__ = [
    "MESSAGE_LIMIT",
    "cap_text",
    "contains_identity_number",
    "mask_package_reprs",
    "mask_reprs",
    "mask_reprs_on_import",
    "mask_text",
    "mask_value",
    "safe_text",
]

MESSAGE_LIMIT = 4000
"""The most characters an error or warning message of `dua` holds; longer messages are cut
and end with a marker that says how much was left out (see [`cap_text`][dua.errors.cap_text])."""

_SPACE = r"\s{0,3}"
_DASH = "[-+\u2010\u2011\u2012\u2013\u2212]"
_MONTH = "(?:0[1-9]|1[0-2])"
_DAY = "(?:0[1-9]|[12][0-9]|3[01]|6[1-9]|[78][0-9]|9[01])"
# The head (century, birth date, separator) is group 1, the four last digits group 2.
# Written to start with a digit class, so that the regular-expression engine skips text
# without digits at full speed.
_IDENTITY = re.compile(
    rf"([0-9]{{2}}(?:[0-9]{{2}})?{_MONTH}{_DAY}(?:{_SPACE}{_DASH}{_SPACE}|{_SPACE}))([0-9]{{4}})"
)
# The longest text one identity number can take: 12 digits, 7 separator characters.
_LONGEST = 19


def mask_text(text: str) -> str:
    """`text` with everything shaped like a personal identity number masked.

    The four last digits of each become `****` (see the module text for the exact shape).
    The time taken grows linearly with the length of `text`; texts without six digits in
    a row are returned at once.

    >>> mask_text("parties[0].19900101-1234: unknown key")
    'parties[0].19900101-****: unknown key'
    >>> mask_text("212000-1942 och 1 744 personer 2015-06-01")
    '212000-1942 och 1 744 personer 2015-06-01'
    """
    return _IDENTITY.sub(r"\1****", text)


def contains_identity_number(text: str) -> bool:
    """Whether `text` holds anything shaped like a personal identity number (anything
    [`mask_text`][dua.errors.mask_text] would change).

    >>> contains_identity_number("P20060510-1237"), contains_identity_number("elev-0042")
    (True, False)
    """
    return _IDENTITY.search(text) is not None


def cap_text(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """`text` cut to at most `limit` characters, with a marker saying how much was cut.

    >>> cap_text("a" * 50, limit=30)
    'aaa… [cut: 47 more characters]'
    """
    return text if len(text) <= limit else _cut(text, len(text), limit)


def _cut(head: str, total: int, limit: int) -> str:
    marker = "… [cut: {} more characters]"
    # The marker's own length depends on the count it shows; two rounds settle it.
    keep = max(limit - len(marker.format(total)), 0)
    keep = max(limit - len(marker.format(total - keep)), 0)
    return head[:keep] + marker.format(total - keep)


def safe_text(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """`text` masked ([`mask_text`][dua.errors.mask_text]) and capped
    ([`cap_text`][dua.errors.cap_text]): what every message of `dua` goes through.

    Only the part that is kept is masked (plus enough to finish a number cut at the
    edge), so a message built around a huge value costs no more than a short one.

    >>> safe_text("key 19900101-1234 " + "x" * 100, limit=50)
    'key 19900101-**** xxxxx… [cut: 95 more characters]'
    """
    if len(text) <= limit:
        return mask_text(text)
    # Masking keeps lengths, so masking a prefix a little longer than what is kept hides
    # every number that starts in the kept part.
    return _cut(mask_text(text[: limit + _LONGEST]), len(text), limit)


def mask_value(value: object, limit: int = 80) -> str:
    """A short, safe text form of `value` for a message: its `repr`, masked
    ([`mask_text`][dua.errors.mask_text]) and cut to `limit` characters (ending in `…`).

    Dates are shown as ISO texts.

    >>> mask_value("19900101-1234")
    "'19900101-****'"
    >>> mask_value("212000-1942")
    "'212000-1942'"
    >>> mask_value(date(2015, 1, 1)), mask_value(42)
    ('2015-01-01', '42')
    """
    if isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, str) and len(value) > limit + _LONGEST:
        # repr of a huge text is costly and all but its start is dropped anyway.
        text = repr(value[: limit + _LONGEST])
    else:
        text = repr(value)
    if len(text) > limit:
        text = mask_text(text[: limit + _LONGEST])[: limit - 1] + "…"
    else:
        text = mask_text(text)
    return text


C = TypeVar("C", bound=type)


def _masking(method: Callable[..., str]) -> Callable[..., str]:
    def masked(self: Any, *args: Any, **kwargs: Any) -> str:
        return mask_text(method(self, *args, **kwargs))

    masked.__name__ = method.__name__
    masked.__qualname__ = getattr(method, "__qualname__", method.__name__)
    masked.__doc__ = method.__doc__
    masked.__wrapped__ = method  # type: ignore[attr-defined]  # functools.wraps' convention
    return masked


def mask_reprs(cls: C) -> C:
    """Class decorator: `cls`'s `repr`, `str` and `_repr_html_` pass through
    [`mask_text`][dua.errors.mask_text].

    Only methods the class defines or inherits from something other than `object` are
    wrapped (`object.__str__` calls `repr`, which is wrapped already); a class is wrapped
    once.
    """
    if cls.__dict__.get("_dua_masked", False):
        return cls
    for name in ("__repr__", "__str__", "_repr_html_"):
        method = getattr(cls, name, None)
        if method is None or method is getattr(object, name, None):
            continue
        if getattr(method, "__wrapped__", None) is not None and name not in cls.__dict__:
            continue  # inherited from a class that is masked already
        setattr(cls, name, _masking(method))
    cls._dua_masked = True  # type: ignore[attr-defined]  # a marker on the class, not on instances
    return cls


def mask_package_reprs(package: str = "dua") -> None:
    """Apply [`mask_reprs`][dua.errors.mask_reprs] to every class defined in the modules of
    `package` imported so far.

    Enums (fixed labels), text types (`str` subclasses, which must stay texts) and
    exceptions (masked when made) are left as they are. `dua` itself needs no call: it
    masks each of its modules as it is imported
    ([`mask_reprs_on_import`][dua.errors.mask_reprs_on_import]).
    """
    prefix = package + "."
    for name, module in list(sys.modules.items()):
        if module is not None and (name == package or name.startswith(prefix)):
            _mask_module(module)


def _mask_module(module: ModuleType) -> None:
    name = module.__name__
    for value in list(vars(module).values()):
        if (
            isinstance(value, type)
            and value.__module__ == name
            and not issubclass(value, Enum | str | BaseException)
        ):
            mask_reprs(value)


class _MaskingLoader(_LoaderBase):
    """A module's own loader, which then masks the classes the module defined."""

    def __init__(self, loader: _LoaderBase) -> None:
        self._loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        _mask_module(module)

    def __getattr__(self, name: str) -> Any:
        # Everything else (source, resources, `is_package`) is the module's own loader's.
        return getattr(self._loader, name)


class _MaskingFinder:
    """Finds the modules of one package as the other finders do, with a masking loader."""

    def __init__(self, package: str) -> None:
        self.package = package

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if not fullname.startswith(self.package + "."):
            return None
        for finder in sys.meta_path:
            find_spec = getattr(finder, "find_spec", None)
            if isinstance(finder, _MaskingFinder) or find_spec is None:
                continue
            spec: ModuleSpec | None = find_spec(fullname, path, target)
            if spec is None:
                continue
            loader = spec.loader
            if loader is not None and hasattr(loader, "exec_module"):
                spec.loader = _MaskingLoader(loader)
            return spec
        return None


def mask_reprs_on_import(package: str = "dua") -> None:
    """From now on, mask the classes of every module of `package` when it is imported, as
    [`mask_package_reprs`][dua.errors.mask_package_reprs] would, and those imported so far.

    `dua/__init__.py` calls it first thing: `import dua` loads its modules only when they
    are used (`dua.model`, `dua.report`, …), and each shows its classes only through the
    boundary from the moment its import finishes, however it was imported. The masking
    wraps the module's own loader (an import hook, `sys.meta_path`); everything else about
    the import is unchanged. Calling it again changes nothing.
    """
    if not any(
        isinstance(finder, _MaskingFinder) and finder.package == package for finder in sys.meta_path
    ):
        sys.meta_path.insert(0, _MaskingFinder(package))
    mask_package_reprs(package)
