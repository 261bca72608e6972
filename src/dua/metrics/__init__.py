"""Metrics: exact shares, gender balance, target-group mapping, consistency checks of
stated statistics and goal attainment, over many records.

Everything here is exact (`int`, `fractions.Fraction`); rounding happens only when text is
produced ([`dua.metrics.numbers`][dua.metrics.numbers]). No function reads the clock: the
date is an argument.

| module | what |
|---|---|
| [`numbers`][dua.metrics.numbers] | `Share`, exact conversion, Swedish/English presentation |
| [`gender`][dua.metrics.gender] | women and men among those with known sex, 40–60 % balance |
| [`mapping`][dua.metrics.mapping] | *kartläggning* tables with small-cell suppression |
| [`consistency`][dua.metrics.consistency] | do stated statistics agree with each other? |
| [`observations`][dua.metrics.observations] | follow-up data: observations, events, participants, meetings |
| [`goals`][dua.metrics.goals] | a status for every goal kind |
"""

from typing import TYPE_CHECKING

from dua import _lazy

if TYPE_CHECKING:
    from dua.metrics.consistency import Finding, FindingKind, check_agreement, check_snapshot
    from dua.metrics.gender import GenderBalance, gender_balance, gender_by_group
    from dua.metrics.goals import (
        GoalAssessment,
        LabelKind,
        Reason,
        Result,
        Status,
        assess,
        assess_agreement,
        combine,
        unmatched_data,
    )
    from dua.metrics.mapping import (
        Cell,
        CrossTable,
        Dimension,
        Tally,
        cross_tabulate,
        mapping_tables,
        tabulate,
    )
    from dua.metrics.numbers import (
        Share,
        UndefinedShareError,
        format_count,
        format_number,
        format_percent,
        parse_count,
        parse_percent,
        relative_target,
        round_half_away,
        round_share,
        rounds_to,
        to_fraction,
    )
    from dua.metrics.observations import (
        Event,
        FollowUpData,
        Meeting,
        Observation,
        Participant,
        outcome_90_days,
        women_share,
    )

__all__ = [
    "Cell",
    "CrossTable",
    "Dimension",
    "Event",
    "Finding",
    "FindingKind",
    "FollowUpData",
    "GenderBalance",
    "GoalAssessment",
    "LabelKind",
    "Meeting",
    "Observation",
    "Participant",
    "Reason",
    "Result",
    "Share",
    "Status",
    "Tally",
    "UndefinedShareError",
    "assess",
    "assess_agreement",
    "check_agreement",
    "check_snapshot",
    "combine",
    "cross_tabulate",
    "format_count",
    "format_number",
    "format_percent",
    "gender_balance",
    "gender_by_group",
    "mapping_tables",
    "outcome_90_days",
    "parse_count",
    "parse_percent",
    "relative_target",
    "round_half_away",
    "round_share",
    "rounds_to",
    "tabulate",
    "to_fraction",
    "unmatched_data",
    "women_share",
]

__getattr__, __dir__ = _lazy.attach(
    __name__,
    attributes={
        "dua.metrics.consistency": ("Finding", "FindingKind", "check_agreement", "check_snapshot"),
        "dua.metrics.gender": ("GenderBalance", "gender_balance", "gender_by_group"),
        "dua.metrics.goals": (
            "GoalAssessment",
            "LabelKind",
            "Reason",
            "Result",
            "Status",
            "assess",
            "assess_agreement",
            "combine",
            "unmatched_data",
        ),
        "dua.metrics.mapping": (
            "Cell",
            "CrossTable",
            "Dimension",
            "Tally",
            "cross_tabulate",
            "mapping_tables",
            "tabulate",
        ),
        "dua.metrics.numbers": (
            "Share",
            "UndefinedShareError",
            "format_count",
            "format_number",
            "format_percent",
            "parse_count",
            "parse_percent",
            "relative_target",
            "round_half_away",
            "round_share",
            "rounds_to",
            "to_fraction",
        ),
        "dua.metrics.observations": (
            "Event",
            "FollowUpData",
            "Meeting",
            "Observation",
            "Participant",
            "outcome_90_days",
            "women_share",
        ),
    },
)
