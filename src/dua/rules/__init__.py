"""Rules as code: pure functions of model objects and an explicit date.

Each rule cites its legal source and applies the version of the law in force on the date
asked about; it returns a [`Decision`][dua.rules.Decision] with its reasons. No rule reads
the clock.
"""

from typing import TYPE_CHECKING

from dua import _lazy

if TYPE_CHECKING:
    from dua.rules import (
        action_plans,
        dates,
        kaa,
        outcomes,
        programmes,
        social_assistance,
        target_groups,
    )
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
    from dua.rules.kaa import KaaRegister, home_municipality, kaa_coverage, kaa_register
    from dua.rules.programmes import (
        catalogue,
        job_entry,
        job_phase3_entry,
        long_term_in_job,
        programme,
        traineejobb_eligible,
        uga_entry,
        utbildningskontrakt_eligible,
        utbildningskontrakt_running,
    )

__all__ = [
    "Criterion",
    "Decision",
    "KaaRegister",
    "LawVersion",
    "Parameter",
    "Reference",
    "action_plans",
    "all_references",
    "catalogue",
    "dates",
    "home_municipality",
    "job_entry",
    "job_phase3_entry",
    "kaa",
    "kaa_coverage",
    "kaa_register",
    "long_term_in_job",
    "outcomes",
    "parameter",
    "parameters",
    "programme",
    "programmes",
    "reference",
    "social_assistance",
    "target_groups",
    "traineejobb_eligible",
    "uga_entry",
    "utbildningskontrakt_eligible",
    "utbildningskontrakt_running",
    "version_in_force",
    "versions",
]

__getattr__, __dir__ = _lazy.attach(
    __name__,
    submodules=(
        "action_plans",
        "dates",
        "kaa",
        "outcomes",
        "programmes",
        "social_assistance",
        "target_groups",
    ),
    attributes={
        # Loaded when first used: `dua.rules.dates` (ages, for reports) needs none of it.
        "dua.rules._core": (
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
        ),
        "dua.rules.kaa": ("KaaRegister", "home_municipality", "kaa_coverage", "kaa_register"),
        "dua.rules.programmes": (
            "catalogue",
            "job_entry",
            "job_phase3_entry",
            "long_term_in_job",
            "programme",
            "traineejobb_eligible",
            "uga_entry",
            "utbildningskontrakt_eligible",
            "utbildningskontrakt_running",
        ),
    },
)
