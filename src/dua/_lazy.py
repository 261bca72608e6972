"""Lazy attributes of a package (PEP 562): a name is imported the first time it is used.

`import dua` runs in a few milliseconds because it loads none of its modules: `dua.model`,
`dua.load_agreement` or `dua.rules.kaa_coverage` import what they need on first use, and
from then on they are plain attributes. A package lists its lazy names once, with the
module each comes from, and repeats them under `if TYPE_CHECKING:` so that type checkers
and editors see them (a test checks that the two lists agree).

This module imports nothing from `dua`, so every package can use it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping

__all__ = ["attach"]


def attach(
    package: str,
    *,
    submodules: Iterable[str] = (),
    attributes: Mapping[str, Iterable[str]] | None = None,
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A module `__getattr__` and `__dir__` for `package` that import on first use.

    `submodules` are the package's modules by short name (`"kaa"` for `dua.rules.kaa`);
    `attributes` maps a module's full name to the names the package takes from it.

    >>> getattr_, dir_ = attach("dua", submodules=["limits"], attributes={"dua.errors": ["DuaError"]})
    >>> getattr_("limits").__name__, getattr_("DuaError").__name__
    ('dua.limits', 'DuaError')
    """
    sources = {name: f"{package}.{name}" for name in submodules}
    for module, names in (attributes or {}).items():
        sources.update(dict.fromkeys(names, module))

    def getattr_(name: str) -> object:
        source = sources.get(name)
        if source is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        # `__import__` rather than `importlib.import_module`: the same import, and one that
        # `python -X importtime` shows under its own name.
        __import__(source)
        module = sys.modules[source]
        value = module if source == f"{package}.{name}" else getattr(module, name)
        # Kept on the package, so that the next use is an ordinary attribute lookup.
        setattr(sys.modules[package], name, value)
        return value

    def dir_() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(sources))

    return getattr_, dir_
