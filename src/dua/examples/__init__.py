"""The five source agreements, encoded as TOML files shipped with the package.

| name | document |
|---|---|
| `norsjo-2015` | Norsjö (with Skellefteå): Bilaga 2, inventory of existing activities, 2015-10-28 |
| `hallefors-2015` | Hällefors kommun + AF Hällefors: local agreement 2015-11-30 to 2017-12-31 |
| `ggv-2016` | Gislaved, Gnosjö, Värnamo + AF: Bilaga 3, 2015, revised May 2016 |
| `norrkoping-2018` | Norrköping + AF: Bilaga 1, local model for newly arrived, 2018-02-26 |
| `sjuharad-2020` | Sjuhärad (six municipalities) + AF Sjuhärad: agreement signed Oct–Nov 2020 |

Each file holds what its document states that the model can hold; what a document does
not state is left empty rather than invented.

>>> from dua import examples
>>> examples.names()
('norsjo-2015', 'hallefors-2015', 'ggv-2016', 'norrkoping-2018', 'sjuharad-2020')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dua.errors import UnknownExampleError

if TYPE_CHECKING:
    from dua.model import Agreement

__all__ = ["load", "load_all", "names", "text"]

_NAMES = ("norsjo-2015", "hallefors-2015", "ggv-2016", "norrkoping-2018", "sjuharad-2020")


def names() -> tuple[str, ...]:
    """The names of the bundled examples, in the order of their source documents."""
    return _NAMES


def text(name: str) -> str:
    """The TOML text of the bundled example `name`.

    Raises:
        UnknownExampleError: there is no example of that name.
    """
    if name not in _NAMES:
        raise UnknownExampleError(name, _NAMES)
    from importlib import resources  # here: the names alone need none of it

    return resources.files(__name__).joinpath(f"{name}.toml").read_text(encoding="utf-8")


def load(name: str) -> Agreement:
    """Load the bundled example `name` as an [`Agreement`][dua.model.Agreement].

    Raises:
        UnknownExampleError: there is no example of that name.
    """
    from dua.io.files import loads_agreement  # here: `names()` needs no converter

    return loads_agreement(text(name), "toml", source=f"dua.examples:{name}")


def load_all() -> dict[str, Agreement]:
    """All bundled examples by name."""
    return {name: load(name) for name in _NAMES}
