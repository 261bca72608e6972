"""Rules and metrics on data frames: any frame library in, the same kind of frame out.

`dua.frames` runs the rules of [`dua.rules`][dua.rules] on whole tables at once, written once
as [narwhals](https://narwhals-dev.github.io/narwhals/) expressions, so that they run natively
on **pandas, polars (eager and lazy), pyarrow, DuckDB relations, Dask data frames and the
PySpark API** (a `pyspark.sql.DataFrame` or sqlframe's). Nothing is converted to pandas and
no Python loop runs over the rows; a lazy frame comes back lazy, and nothing is collected
unless you ask. It needs the `frames` extra:

```sh
pip install 'dua-samverkan[frames]'
```

Without it, using anything here raises [`MissingExtraError`][dua.errors.MissingExtraError]
with exactly that command; `import dua` itself never imports narwhals or a frame library.

**Shapes.** A *persons* frame has one row per person, with the model's field names
(`key`, `birth_date`, `home_municipality`, `residence`, `registered_in_sweden`, …) or the
Swedish export headers (`nyckel`, `födelsedatum`, `hemkommun`, …), or any names mapped with
`columns={"birth_date": "fodelsedatum"}`. Histories (enrolments, qualifications,
registrations, outcomes, tracks, social-assistance months) are long frames of their own,
one row per event, joined to the persons by `key`, as registers export them. The layouts
are listed in [`dua.frames.layouts`][dua.frames.layouts] and on the docs page
"Data frames".

**Rules on columns.** Each rule function returns the persons frame's rows with new
columns: `<rule>` (bool: the rule holds), `<rule>_reason` (the first failing criterion's
name, null when it holds), `<rule>_value` where the rule has a value (e.g. the responsible
home municipality for KAA) and `<rule>_version` (the id of the law version applied). The
dated legal parameters are the same data the object rules read, and a property test holds
each frame rule to the object rule on every backend.

**Errors.** A missing column, a column of the wrong type or an unknown category value
raises [`FrameError`][dua.errors.FrameError] with one line naming the column, the problem and
a few row numbers (never an identity number).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dua.frames._backend import FRAMES_EXTRA, from_native, to_native
    from dua.frames.counts import event_counts, meeting_counts
    from dua.frames.export import to_frame
    from dua.frames.followup import follow_up_from_frames, read_frame
    from dua.frames.groups import GROUPS, target_groups
    from dua.frames.kaa import home_municipality, kaa_coverage
    from dua.frames.ladder import job_entry, uga_entry
    from dua.frames.layouts import LAYOUTS, FrameColumn, FrameLayout
    from dua.frames.metrics import (
        cross_tabulate,
        gender_balance,
        gender_by_group,
        mapping_tables,
        outcome_90_days,
        tabulate,
        women_share,
    )
    from dua.frames.observations import observation_totals
    from dua.frames.outcomes import outcome_within_90_days
    from dua.frames.programmes import traineejobb_eligibility, utbildningskontrakt_eligibility
    from dua.frames.social_assistance import long_term_social_assistance

__all__ = [
    "FRAMES_EXTRA",
    "GROUPS",
    "LAYOUTS",
    "FrameColumn",
    "FrameLayout",
    "cross_tabulate",
    "event_counts",
    "follow_up_from_frames",
    "from_native",
    "gender_balance",
    "gender_by_group",
    "home_municipality",
    "job_entry",
    "kaa_coverage",
    "long_term_social_assistance",
    "mapping_tables",
    "meeting_counts",
    "observation_totals",
    "outcome_90_days",
    "outcome_within_90_days",
    "read_frame",
    "tabulate",
    "target_groups",
    "to_frame",
    "to_native",
    "traineejobb_eligibility",
    "uga_entry",
    "utbildningskontrakt_eligibility",
    "women_share",
]

# Public name → the module that defines it. Modules are imported on first use, so that
# `import dua.frames` works without narwhals and the first use says what to install.
_LAZY: dict[str, str] = {
    "FRAMES_EXTRA": "dua.frames._backend",
    "from_native": "dua.frames._backend",
    "to_native": "dua.frames._backend",
    "LAYOUTS": "dua.frames.layouts",
    "FrameColumn": "dua.frames.layouts",
    "FrameLayout": "dua.frames.layouts",
    # Rules on columns (issue 9, part 2).
    "home_municipality": "dua.frames.kaa",
    "kaa_coverage": "dua.frames.kaa",
    "traineejobb_eligibility": "dua.frames.programmes",
    "utbildningskontrakt_eligibility": "dua.frames.programmes",
    "uga_entry": "dua.frames.ladder",
    "job_entry": "dua.frames.ladder",
    "long_term_social_assistance": "dua.frames.social_assistance",
    "outcome_within_90_days": "dua.frames.outcomes",
    "GROUPS": "dua.frames.groups",
    "target_groups": "dua.frames.groups",
    # Metrics, results and exports (issue 9, part 3).
    "to_frame": "dua.frames.export",
    "follow_up_from_frames": "dua.frames.followup",
    "read_frame": "dua.frames.followup",
    "cross_tabulate": "dua.frames.metrics",
    "gender_balance": "dua.frames.metrics",
    "gender_by_group": "dua.frames.metrics",
    "mapping_tables": "dua.frames.metrics",
    "outcome_90_days": "dua.frames.metrics",
    "tabulate": "dua.frames.metrics",
    "women_share": "dua.frames.metrics",
    "event_counts": "dua.frames.counts",
    "meeting_counts": "dua.frames.counts",
    "observation_totals": "dua.frames.observations",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dua.frames' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)
