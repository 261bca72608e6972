"""Goal attainment: a status for every goal, with the numbers behind it.

For each goal kind of DOMAIN.md §5 and a date `on` (never the clock), `assess` computes a
[`GoalAssessment`][dua.metrics.goals.GoalAssessment] whose status is one of

| status | Swedish | when |
|---|---|---|
| `ATTAINED` | uppnått | the deadline (or end of the period) has passed and the bound is met; or, for counts that can only grow, a lower bound is already reached |
| `NOT_ATTAINED` | ej uppnått | the deadline has passed and the bound is missed; or a count has already passed an upper bound |
| `ON_TRACK` | i fas | before the deadline, the latest observation is at or beyond the straight line from baseline to target |
| `OFF_TRACK` | ej i fas | before the deadline, it is behind that line |
| `NOT_ASSESSABLE` | kan inte bedömas | not enough data, with a [`Reason`][dua.metrics.goals.Reason] |

Every result carries the numbers used — baseline, target (as a level in the indicator's
unit), observed, the straight-line value when before the deadline, and the gap — and, for
goals over several units, each unit's result and how they combine:

- `EACH` (*i varje kommun*): a conjunction — attained only if every unit is;
- `TOTAL` (*totalt*): numerators and denominators (or counts) are summed over the units
  first and the sum is judged; the units' own results are shown for information;
- `WHOLE_AND_EACH` (*per spår och för modellen som helhet*): both.

A goal stated per unit without an aggregation is read as `EACH`.

**Combining** several results (targets of one goal, units, years, conversion steps): any
`NOT_ATTAINED` makes the whole not attained; else any `OFF_TRACK` makes it off track; else
any result not assessable for lack of data makes it not assessable; targets whose period
has not started or is not yet measurable are left aside, and if any remain pending the
whole is at best on track; otherwise it is attained. So a goal is attained only when every
part is.

**Comparisons** come from `Target.comparison`: "lägre än 22 %" is strict (`LESS_THAN`),
a ceiling of "21,0 %" is not (`AT_MOST`). Relative targets are exact: a reduction of 30 %
from a baseline of 40 % is the level 28 %, and 28 % observed attains it.

**Straight line**: before the deadline, the expected value on the date of the latest
observation is `baseline + (target − baseline) × elapsed / duration` (days, exact). A
lower bound is on track at or above it, an upper bound at or below it. Without a dated
baseline the observation is compared with the target itself (said in the result's detail).
Counts (events, meetings) run from zero at the start of their period.

Data is taken *as known on `on`*: observations dated after `on`, events and meetings after
`on`, and participants who had not started by `on` are ignored.

>>> from datetime import date
>>> from dua.model import Comparison, Goal, GoalKind, Target, Period
>>> from dua.metrics.observations import Event, FollowUpData
>>> goal = Goal(id="traineejobb", text="minst 4 traineejobb 2016", kind=GoalKind.COUNT,
...             indicator="traineejobb", targets=[Target(comparison=Comparison.AT_LEAST, value=4,
...             period=Period.year(2016))])
>>> data = FollowUpData(events=[Event(kind="traineejobb", on=date(2016, m, 1)) for m in (2, 5, 9)])
>>> assess(goal, data, on=date(2017, 1, 15)).status.label("en")
'not attained'
>>> assess(goal, data, on=date(2016, 6, 30)).status.label("en")
'on track'
"""

# Where things are: `_result` (Status, Reason, Result, GoalAssessment, combine),
# `_context` (the data as known on `on`), `_judge` (bounds, straight line, units),
# `_assess` (assess, assess_agreement, unmatched_data) and one module per goal kind:
# `level`, `relative_change`, `growth`, `count` (COUNT and MILESTONES), `cadence`,
# `share`, `conversion`, `direction`.

from __future__ import annotations

from dua.metrics.goals._assess import assess, assess_agreement, unmatched_data
from dua.metrics.goals._result import GoalAssessment, Reason, Result, Status, combine

__all__ = [
    "GoalAssessment",
    "Reason",
    "Result",
    "Status",
    "assess",
    "assess_agreement",
    "combine",
    "unmatched_data",
]
