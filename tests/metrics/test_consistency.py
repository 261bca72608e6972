"""Consistency of the statistics the bundled examples state (DOMAIN.md §6)."""

from __future__ import annotations

import pytest

from dua import examples
from dua.metrics.consistency import Finding, FindingKind, check_agreement, check_snapshot
from dua.model import Figure, Partition, SourceRef, StatisticsSnapshot

SOURCE = SourceRef(document="test")

# What the check finds in the bundled examples: (kind, path, stated, follows).
GENUINE: dict[str, set[tuple[FindingKind, str, str, str]]] = {
    "hallefors-2015": {
        # "61 av dessa 874 … vilket utgör 7,3 %": 61/874 = 6,98 % → 7,0 %.
        (
            FindingKind.SHARE_ROUNDING,
            "target_groups[0].statistics[1].figures[10]",
            "7,3 % (61/874)",
            "7,0 %",
        ),
        # "19 individer av 832 … dvs 2,2 %": 19/832 = 2,28 % → 2,3 %.
        (
            FindingKind.SHARE_ROUNDING,
            "target_groups[0].statistics[1].figures[15]",
            "2,2 % (19/832)",
            "2,3 %",
        ),
    },
    "norsjo-2015": set(),  # an inventory (Bilaga 2): no statistics snapshots
    "ggv-2016": set(),
    "norrkoping-2018": set(),
    # KAA/social-assistance table: 903 + 163 + 105 + 98 + 182 + 239 = 1 690, stated "Totalt 1681".
    "sjuharad-2020": {
        (
            FindingKind.PARTITION_SUM,
            "target_groups[6].statistics[0].partitions[0]",
            "1 681",
            "903 + 163 + 105 + 98 + 182 + 239 = 1 690",
        ),
    },
}


def _key(finding: Finding) -> tuple[FindingKind, str, str, str]:
    return (finding.kind, finding.path, finding.stated, finding.follows)


@pytest.mark.parametrize("name", sorted(GENUINE))
def test_findings_in_bundled_examples(name: str) -> None:
    found = check_agreement(examples.load(name))
    assert {_key(f) for f in found} == GENUINE[name]
    assert len(found) == len(GENUINE[name])


def snapshot(figures: list[Figure], partitions: tuple[Partition, ...] = ()) -> StatisticsSnapshot:
    return StatisticsSnapshot(
        id="s", title="t", source=SOURCE, figures=figures, partitions=partitions
    )


def test_a_selection_is_never_flagged() -> None:
    # Hällefors: 53 + 27 + 4 = 84 of 103 registered — categories are a selection.
    figures = [
        Figure(id="all", label="inskrivna", value=103),
        *(Figure(id=f"c{v}", label=f"skat {v}", value=v, of="all") for v in (53, 27, 4)),
    ]
    selection = Partition(id="p", total="all", parts=["c53", "c27", "c4"], complete=False)
    assert check_snapshot(snapshot(figures, (selection,))) == []
    complete = Partition(id="p", total="all", parts=["c53", "c27", "c4"], complete=True)
    assert [f.kind for f in check_snapshot(snapshot(figures, (complete,)))] == [
        FindingKind.PARTITION_SUM
    ]


@pytest.mark.parametrize(
    ("values", "ok"),
    [
        (["42.5", "57.5"], True),  # Norrköping sex shares
        (["44", "20", "36"], True),  # Norrköping education shares
        (["33", "33", "33"], True),  # 99: off by 1, within 3 × 0,5
        (["30", "30", "38"], False),  # 98: off by 2
    ],
)
def test_shares_of_a_partition_sum_to_100_within_rounding(values: list[str], ok: bool) -> None:
    figures = [Figure(id="all", label="alla", value=1000)]
    figures += [
        Figure(id=f"p{i}", label=f"del {i}", value=v, unit="procent", of="all")
        for i, v in enumerate(values)
    ]
    partition = Partition(
        id="p", total="all", parts=[f"p{i}" for i in range(len(values))], complete=True
    )
    findings = check_snapshot(snapshot(figures, (partition,)))
    assert (findings == []) is ok


def test_shares_sum_tolerance_is_half_a_unit_per_part() -> None:
    figures = [Figure(id="all", label="alla", value=1000)]
    parts = ["30", "30", "38"]  # 98: off by 2 > 3 × 0,5
    figures += [
        Figure(id=f"p{i}", label=f"del {i}", value=v, unit="procent", of="all")
        for i, v in enumerate(parts)
    ]
    partition = Partition(id="p", total="all", parts=["p0", "p1", "p2"], complete=True)
    assert [f.kind for f in check_snapshot(snapshot(figures, (partition,)))] == [
        FindingKind.SHARES_SUM
    ]
    figures[-1] = Figure(
        id="p2", label="del 2", value="39", unit="procent", of="all"
    )  # 99: within 1,5
    assert check_snapshot(snapshot(figures, (partition,))) == []


def test_the_same_quantity_stated_twice() -> None:
    figures = [
        Figure(id="all", label="målgrupp", value=1744),
        Figure(
            id="w1",
            label="40 procent kvinnor",
            value="40",
            unit="procent",
            of="all",
            categories={"kön": "kvinnor"},
        ),
        Figure(
            id="w2",
            label="42,5 procent kvinnor",
            value="42.5",
            unit="procent",
            of="all",
            categories={"kön": "kvinnor"},
        ),
        Figure(
            id="w3",
            label="ca 42 procent",
            value="42",
            unit="procent",
            of="all",
            categories={"kön": "kvinnor"},
        ),
    ]
    found = check_snapshot(snapshot(figures))
    # 40 vs 42,5 conflict; 42 (41,5–42,5) is compatible with 42,5 but not with 40.
    assert [(f.kind, f.path) for f in found] == [
        (FindingKind.CONFLICTING_VALUES, "figures[2]"),
        (FindingKind.CONFLICTING_VALUES, "figures[3]"),
    ]


def test_zero_denominator_and_part_larger_than_whole() -> None:
    figures = [
        Figure(id="none", label="ingen", value=0),
        Figure(id="n", label="några", value=0, of="none"),
        Figure(id="s", label="andel", value="5", unit="procent", numerator="n", of="none"),
        Figure(id="big", label="för många", value=5, of="none"),
    ]
    kinds = [f.kind for f in check_snapshot(snapshot(figures))]
    assert kinds == [FindingKind.ZERO_DENOMINATOR, FindingKind.PART_EXCEEDS_WHOLE]


def test_findings_describe_themselves_in_both_languages() -> None:
    finding = Finding(
        kind=FindingKind.SHARE_ROUNDING, path="x", stated="7,3 % (61/874)", follows="7,0 %"
    )
    assert (
        finding.describe("sv")
        == "x: angivet 7,3 % (61/874); följer 7,0 % — andelen stämmer inte med täljare och nämnare"
    )
    assert str(finding).startswith("x: stated 7,3 %")
