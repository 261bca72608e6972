"""Rules as code: pure functions of model objects and an explicit date.

Each rule cites its legal source and applies the version of the law in force on the date
asked about; it returns a [`Decision`][dua.rules.Decision] with its reasons. No rule reads
the clock.
"""

from dua.rules._core import (
    Criterion,
    Decision,
    LawVersion,
    Parameter,
    Reference,
    all_references,
    parameter,
    parameters,
    reference,
    version_in_force,
    versions,
)

__all__ = [
    "Criterion",
    "Decision",
    "LawVersion",
    "Parameter",
    "Reference",
    "all_references",
    "parameter",
    "parameters",
    "reference",
    "version_in_force",
    "versions",
]
