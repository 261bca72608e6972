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

# Programme timing, target groups and the other rules the seeds state.
from dua.rules import (
    action_plans,
    dates,
    kaa,
    outcomes,
    programmes,
    social_assistance,
    target_groups,
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

__all__ += [
    "action_plans",
    "catalogue",
    "job_entry",
    "job_phase3_entry",
    "long_term_in_job",
    "outcomes",
    "programme",
    "programmes",
    "social_assistance",
    "target_groups",
    "traineejobb_eligible",
    "uga_entry",
    "utbildningskontrakt_eligible",
    "utbildningskontrakt_running",
]
# Dates and ages, and KAA coverage (skollagen 2010:800, 29 kap. 9 § and 6 §).
__all__ += ["KaaRegister", "dates", "home_municipality", "kaa", "kaa_coverage", "kaa_register"]
