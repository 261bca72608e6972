"""dua: typed models, rules as code and exact metrics for Swedish local agreements (DUA).

The public surface:

- [`dua.model`][dua.model]: the domain types (agreements, parties, goals, target groups,
  tracks, programmes, people).
- [`load_agreement`][dua.load_agreement] / [`dump_agreement`][dua.dump_agreement] and
  friends: loss-free TOML and JSON files.
- [`dua.examples`][dua.examples]: the five source agreements, bundled.
- [`dua.municipalities`][dua.municipalities]: Sweden's 290 municipalities and 21 counties.
- [`dua.rules`][dua.rules]: rules as code (KAA, programme timing and eligibility,
  target groups, outcomes) that cite the law and know its versions.
- [`dua.metrics`][dua.metrics]: exact shares, gender balance, mapping tables,
  consistency checks of stated statistics and goal attainment.
- [`dua.identifiers`][dua.identifiers]: personal identity numbers that never show
  themselves, and keyed pseudonyms.
- [`dua.errors`][dua.errors]: every error a user can cause.
- [`dua.limits`][dua.limits]: how large, deep and precise input may be, and the one
  date form (`YYYY-MM-DD`).
- [`dua.i18n`][dua.i18n]: the one language setting for everything a person reads
  (Swedish by default; [`set_language`][dua.i18n.set_language],
  [`language`][dua.i18n.language], `DUA_LANG`).
- `dua.testing`: Hypothesis strategies for every model (needs the `testing` extra).

`import dua` loads none of these until they are used: `dua.model`, `dua.load_agreement` and
the others import their modules on first use (PEP 562), so that a program, or the `dua`
command, pays only for what it uses. Every module of `dua` shows its classes only through
the privacy boundary from the moment it is imported
([`mask_reprs_on_import`][dua.errors.mask_reprs_on_import]).
"""

from typing import TYPE_CHECKING

from dua import _lazy, _privacy

# The privacy boundary comes first: every module of `dua` imported from here on, eagerly
# or lazily, shows its classes' repr, str and notebook HTML only through
# `dua.errors.mask_text` (docs/personal-data.md).
_privacy.mask_reprs_on_import(__name__)

if TYPE_CHECKING:
    from dua import (
        errors,
        examples,
        i18n,
        identifiers,
        limits,
        metrics,
        model,
        municipalities,
        rules,
    )
    from dua.errors import DuaError, ValidationError
    from dua.i18n import get_language, language, set_language
    from dua.io.files import (
        SCHEMA_VERSION,
        dump_agreement,
        dumps_agreement,
        load_agreement,
        loads_agreement,
    )
    from dua.model import Agreement

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Agreement",
    "DuaError",
    "ValidationError",
    "__version__",
    "dump_agreement",
    "dumps_agreement",
    "errors",
    "examples",
    "get_language",
    "i18n",
    "identifiers",
    "language",
    "limits",
    "load_agreement",
    "loads_agreement",
    "metrics",
    "model",
    "municipalities",
    "rules",
    "set_language",
]

__getattr__, __dir__ = _lazy.attach(
    __name__,
    submodules=(
        "errors",
        "examples",
        "i18n",
        "identifiers",
        "limits",
        "metrics",
        "model",
        "municipalities",
        "rules",
    ),
    attributes={
        "dua.errors": ("DuaError", "ValidationError"),
        "dua.i18n": ("get_language", "language", "set_language"),
        "dua.io.files": (
            "SCHEMA_VERSION",
            "dump_agreement",
            "dumps_agreement",
            "load_agreement",
            "loads_agreement",
        ),
        "dua.model": ("Agreement",),
    },
)
