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


# Issue 8 item 4: tests that kill the mutation-testing survivors in
# `dua.metrics.consistency`: whole findings (what a report prints) and the boundaries.


def _share_figures(numerator: int, denominator: int, stated: str) -> list[Figure]:
    return [
        Figure(id="all", label="alla", value=denominator),
        Figure(id="n", label="några", value=numerator, of="all"),
        Figure(id="s", label="andel", value=stated, unit="procent", numerator="n", of="all"),
    ]


def test_share_rounding_finding_in_full() -> None:
    """Hällefors seed: "61 av dessa 874 … 7,3 %", but 61/874 is 6,98 % → 7,0 %."""
    assert check_snapshot(snapshot(_share_figures(61, 874, "7.3")), "tg.") == [
        Finding(
            kind=FindingKind.SHARE_ROUNDING,
            path="tg.figures[2]",
            stated="7,3 % (61/874)",
            follows="7,0 %",
            figures=("s", "n", "all"),
            label="andel",
            table="t",
        )
    ]


@pytest.mark.parametrize(
    ("numerator", "denominator", "stated", "ok"),
    [
        (700, 1744, "40.14", True),  # 40,1376… % at two decimals
        (700, 1744, "40.13", False),
        (1, 8, "12.5", True),  # exactly
        (1, 8, "13", True),  # 12,5 is half-way: either rounding accepted
        (1, 8, "12", True),
        (1, 8, "11", False),
        (1744, 1744, "100", True),
    ],
)
def test_share_rounding_boundaries(numerator: int, denominator: int, stated: str, ok: bool) -> None:
    found = check_snapshot(snapshot(_share_figures(numerator, denominator, stated)))
    assert (found == []) is ok


def test_share_checks_need_counts() -> None:
    """A share is checked only against a numerator and a denominator that are counts."""
    figures = [
        Figure(id="all", label="alla", value=874),
        Figure(id="pct", label="andel av alla", value="10", unit="procent", of="all"),
        Figure(id="s", label="andel", value="99", unit="procent", numerator="pct", of="all"),
        Figure(id="t", label="andel", value="99", unit="procent", numerator="all", of="pct"),
        Figure(id="u", label="utan täljare", value="99", unit="procent", of="all"),
    ]
    assert check_snapshot(snapshot(figures)) == []


def test_zero_denominator_and_part_larger_than_whole_in_full() -> None:
    figures = [
        Figure(id="none", label="ingen", value=0),
        Figure(id="n", label="några", value=0, of="none"),
        Figure(id="s", label="andel", value="5", unit="procent", numerator="n", of="none"),
        Figure(id="big", label="för många", value=5, of="none"),
    ]
    assert check_snapshot(snapshot(figures)) == [
        Finding(
            kind=FindingKind.ZERO_DENOMINATOR,
            path="figures[2]",
            stated="5 % (0/0)",
            follows="–",
            figures=("s", "n", "none"),
            label="andel",
            table="t",
        ),
        Finding(
            kind=FindingKind.PART_EXCEEDS_WHOLE,
            path="figures[3]",
            stated="5",
            follows="≤ 0 (none)",
            figures=("big", "none"),
            label="för många",
            table="t",
        ),
    ]


def test_a_part_as_large_as_its_whole_or_of_a_share_is_not_flagged() -> None:
    figures = [
        Figure(id="all", label="alla", value=103),
        Figure(id="same", label="alla igen", value=103, of="all"),
        Figure(id="pct", label="andel", value="10", unit="procent", of="all"),
        Figure(id="n", label="antal av andelen", value=500, of="pct"),
    ]
    assert check_snapshot(snapshot(figures)) == []


def test_partition_sum_finding_in_full() -> None:
    """Sjuhärad seed style: the parts add up to more than the stated total."""
    figures = [
        Figure(id="all", label="alla", value=1000),
        Figure(id="p0", label="p0", value=10, of="all"),
        Figure(id="p1", label="p1", value=1000, of="all"),
    ]
    partition = Partition(id="p", total="all", parts=["p0", "p1"], complete=True)
    assert check_snapshot(snapshot(figures, (partition,)), "tg.") == [
        Finding(
            kind=FindingKind.PARTITION_SUM,
            path="tg.partitions[0]",
            stated="1 000",
            follows="10 + 1 000 = 1 010",
            figures=("all", "p0", "p1"),
            label="alla",
            table="t",
        )
    ]
    figures[2] = Figure(id="p1", label="p1", value=990, of="all")
    assert check_snapshot(snapshot(figures, (partition,))) == []


def test_mixed_units_in_a_partition_are_not_summed() -> None:
    figures = [
        Figure(id="all", label="alla", value=1000),
        Figure(id="p0", label="p0", value=10, of="all"),
        Figure(id="p1", label="p1", value="99", unit="procent", of="all"),
    ]
    partition = Partition(id="p", total="all", parts=["p0", "p1"], complete=True)
    assert check_snapshot(snapshot(figures, (partition,))) == []


def test_shares_sum_findings_in_full() -> None:
    """Shares of the total sum to 100 %; shares of the total's own base sum to the total's
    share. Each stated share may be off by half a unit of its last digit."""
    figures = [
        Figure(id="all", label="alla", value=1000),
        Figure(id="t", label="t", value="50", unit="procent", of="all"),
        Figure(id="p0", label="p0", value="20.5", unit="procent", of="all"),
        Figure(id="p1", label="p1", value="31", unit="procent", of="all"),
    ]
    of_base = Partition(id="p", total="t", parts=["p0", "p1"], complete=True)
    assert check_snapshot(snapshot(figures, (of_base,))) == [
        Finding(
            kind=FindingKind.SHARES_SUM,
            path="partitions[0]",
            stated="20,5 % + 31 %",
            follows="51,5 % ≠ 50 % (± 1,05 %)",
            figures=("t", "p0", "p1"),
            label="t",
            table="t",
        )
    ]
    of_all = Partition(id="p", total="all", parts=["p0", "p1"], complete=True)
    assert check_snapshot(snapshot(figures, (of_all,))) == [
        Finding(
            kind=FindingKind.SHARES_SUM,
            path="partitions[0]",
            stated="20,5 % + 31 %",
            follows="51,5 % ≠ 100 % (± 0,55 %)",
            figures=("all", "p0", "p1"),
            label="alla",
            table="t",
        )
    ]


@pytest.mark.parametrize(
    ("values", "ok"),
    [
        (["50", "49"], True),  # off by 1 = 2 × 0,5: the limit is included
        (["50", "48.9"], False),  # off by 1,1 > 0,5 + 0,05
        (["50.0", "49.9"], True),  # off by 0,1 = 2 × 0,05
        (["50.0", "49.8"], False),
    ],
)
def test_shares_sum_limit_is_inclusive(values: list[str], ok: bool) -> None:
    figures = [Figure(id="all", label="alla", value=1000)]
    figures += [
        Figure(id=f"p{i}", label=f"del {i}", value=v, unit="procent", of="all")
        for i, v in enumerate(values)
    ]
    partition = Partition(id="p", total="all", parts=["p0", "p1"], complete=True)
    assert (check_snapshot(snapshot(figures, (partition,))) == []) is ok


def test_shares_of_the_total_share_s_base_use_its_precision() -> None:
    """Total 50 % (± 0,5), parts 20,5 % and 30,9 % (± 0,05 each): 51,4 is off by 1,4 > 0,6."""
    figures = [
        Figure(id="all", label="alla", value=1000),
        Figure(id="t", label="t", value="50", unit="procent", of="all"),
        Figure(id="p0", label="p0", value="20.5", unit="procent", of="all"),
        Figure(id="p1", label="p1", value="30.1", unit="procent", of="all"),
    ]
    partition = Partition(id="p", total="t", parts=["p0", "p1"], complete=True)
    assert check_snapshot(snapshot(figures, (partition,))) == []  # 50,6: within 0,6
    figures[3] = Figure(id="p1", label="p1", value="30.2", unit="procent", of="all")
    assert [f.kind for f in check_snapshot(snapshot(figures, (partition,)))] == [
        FindingKind.SHARES_SUM
    ]


def test_shares_without_a_stated_base_are_not_summed() -> None:
    figures = [
        Figure(id="all", label="alla", value=1000),
        Figure(id="other", label="andra", value=500),
        Figure(id="t", label="t", value="50", unit="procent", of="all"),
        Figure(id="p0", label="p0", value="70", unit="procent", of="other"),
        Figure(id="p1", label="p1", value="70", unit="procent"),
    ]
    partition = Partition(id="p", total="t", parts=["p0", "p1"], complete=True)
    assert check_snapshot(snapshot(figures, (partition,))) == []


def test_conflicting_values_in_full() -> None:
    figures = [
        Figure(id="w1", label="fem", value=5, categories={"kön": "kvinnor"}),
        Figure(id="w2", label="sex", value=6, categories={"kön": "kvinnor"}),
    ]
    assert check_snapshot(snapshot(figures), "x.") == [
        Finding(
            kind=FindingKind.CONFLICTING_VALUES,
            path="x.figures[1]",
            stated="6 (sex)",
            follows="5 (x.figures[0]: fem)",
            figures=("w1", "w2"),
            label="sex",
            table="t",
        )
    ]


@pytest.mark.parametrize(
    ("first", "second", "unit", "conflict"),
    [
        ("42", "43", "procent", False),  # 41,5–42,5 and 42,5–43,5 touch: compatible
        ("43", "42", "procent", False),
        ("42", "43.1", "procent", True),
        ("5", "5", "antal", False),  # counts are exact
        ("5", "6", "antal", True),
        ("6", "5", "antal", True),
    ],
)
def test_conflicts_allow_each_figure_its_rounding(
    first: str, second: str, unit: str, conflict: bool
) -> None:
    figures = [
        Figure(id="a", label="a", value=first, unit=unit, categories={"kön": "kvinnor"}),
        Figure(id="b", label="b", value=second, unit=unit, categories={"kön": "kvinnor"}),
    ]
    assert bool(check_snapshot(snapshot(figures))) is conflict


def test_figures_about_different_things_never_conflict() -> None:
    figures = [
        Figure(id="a", label="a", value=5, categories={"kön": "kvinnor"}),
        Figure(id="b", label="b", value=6, categories={"kön": "män"}),
        Figure(id="c", label="c", value=7),
        Figure(id="d", label="d", value=8),
        Figure(id="e", label="e", value=9, unit="procent", categories={"kön": "kvinnor"}),
    ]
    assert check_snapshot(snapshot(figures)) == []


def test_agreement_paths_name_the_target_group_and_snapshot() -> None:
    found = check_agreement(examples.load("hallefors-2015"))
    assert [f.path for f in found] == [
        "target_groups[0].statistics[1].figures[10]",
        "target_groups[0].statistics[1].figures[15]",
    ]


def test_findings_describe_themselves_in_full() -> None:
    finding = Finding(kind=FindingKind.PARTITION_SUM, path="p", stated="1 681", follows="1 690")
    assert (
        finding.describe() == "p: angivet 1 681; följer 1 690 — delarna summerar inte till totalen"
    )
    assert (
        finding.describe("en") == "p: stated 1 681; follows 1 690 — parts do not sum to the total"
    )
    assert str(finding) == finding.describe("en")
    assert (finding.figures, finding.note, finding.words) == ((), None, "")


def test_findings_show_the_document_s_words_before_the_path() -> None:
    """Issue 12 item 3: a reader finds a finding by the document's words (the table's title
    and the figure's label); the path is a secondary detail in brackets."""
    hallefors = check_agreement(examples.load("hallefors-2015"))[0]
    assert hallefors.label == "vilket utgör 7,3 % av åldersgruppen"
    assert hallefors.table == (
        "Unga 16–24 år i Hällefors kommun – "
        "Målgruppen 16–24 år: inskrivna på Arbetsförmedlingen och försörjningsstöd"
    )
    assert hallefors.words == f"{hallefors.table} – {hallefors.label}"
    assert hallefors.describe("sv") == (
        f"{hallefors.words} [target_groups[0].statistics[1].figures[10]]: "
        "angivet 7,3 % (61/874); följer 7,0 % — andelen stämmer inte med täljare och nämnare"
    )
    sjuharad = check_agreement(examples.load("sjuharad-2020"))[0]
    assert sjuharad.label  # a partition is named by its total's label
    assert sjuharad.describe("en").startswith(f"{sjuharad.words} [target_groups[6]")
    only_label = Finding(
        kind=FindingKind.PARTITION_SUM, path="p", stated="1", follows="2", label="x"
    )
    assert only_label.words == "x"
    assert only_label.describe("en").startswith("x [p]: stated 1")


def test_percent_parts_of_a_count_total_are_its_shares() -> None:
    """A complete partition of a count: its percent parts together are 100 % of it,
    whatever base each part names."""
    figures = [
        Figure(id="all", label="alla", value=1000),
        Figure(id="other", label="andra", value=500),
        Figure(id="p0", label="p0", value="70", unit="procent", of="other"),
        Figure(id="p1", label="p1", value="70", unit="procent"),
    ]
    partition = Partition(id="p", total="all", parts=["p0", "p1"], complete=True)
    assert [(f.kind, f.follows) for f in check_snapshot(snapshot(figures, (partition,)))] == [
        (FindingKind.SHARES_SUM, "140 % ≠ 100 % (± 1,0 %)")
    ]
