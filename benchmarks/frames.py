"""Benchmark: KAA coverage over 1 M (and 10 M) persons through `dua.frames`, beside the
object bulk path and a hand-written polars expression of the same rule (issue 9, part 4).

Each path runs in its own process, so that its peak memory (the peak resident set size of
that process: the data in the representation the path needs, plus the run) is measured
apart from the others. All paths read the same deterministic synthetic population (numpy,
seed 20150101; generation is not timed): persons aged about 14–22, residence statuses,
arrivals, enrolments (national, introduction, compulsory and other) and school documents,
in rough proportions of a municipal register. No real person is described.

Paths:

- `frames-polars`: `dua.frames.kaa_coverage` on eager polars frames;
- `frames-duckdb`: the same on DuckDB relations (the result fetched as an arrow table);
- `polars-hand`: the rule written directly in polars (joins, `when/then`), the baseline;
- `objects`: `dua.rules.kaa.kaa_register` over `Person` objects (the object bulk path).

Targets (2-core machine): the frame path at least 0.5x the hand-written polars
throughput, at least 3x the object bulk path, and at 1 M persons at most a quarter of the
object path's peak memory. Run::

    .venv/bin/python benchmarks/frames.py [--persons 1000000 ...] [--paths ...]

It prints the measured figures beside the targets; it is a benchmark, not a timed test.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date
from typing import Any

import numpy as np

ON = date(2018, 7, 1)
SEED = 20150101
PATHS = ("frames-polars", "frames-duckdb", "polars-hand", "objects")
_EPOCH = np.datetime64("1970-01-01", "D")


def population(count: int) -> dict[str, dict[str, Any]]:
    """The synthetic population as numpy columns: persons, enrolments, qualifications."""
    rng = np.random.default_rng(SEED)
    on = np.datetime64(ON.isoformat(), "D")
    born = on - rng.integers(int(14 * 365.25), int(22.5 * 365.25), count).astype("timedelta64[D]")
    keys = np.char.add("p", np.arange(count).astype(str))
    residence = rng.choice(
        np.array(["folkbokförd", "skyddad folkbokföring", "asylsökande", "papperslös",
                  "stadigvarande vistelse", ""], dtype=object),
        count, p=[0.86, 0.01, 0.03, 0.01, 0.01, 0.08],
    )  # fmt: skip
    residence[residence == ""] = None
    arrived = rng.random(count) < 0.08
    registered = np.where(
        arrived,
        born + rng.integers(0, 22 * 365, count).astype("timedelta64[D]"),
        np.datetime64("NaT"),
    )
    municipalities = np.array(["0114", "0180", "0580", "1280", "1480", "1863", "2480"])
    home = municipalities[rng.integers(0, len(municipalities), count)]
    enrolled = np.flatnonzero(rng.random(count) < 0.55)
    kinds = rng.choice(
        np.array(["nationellt program", "introduktionsprogram", "grundskola", "komvux",
                  "språkintroduktion"], dtype=object),
        len(enrolled), p=[0.6, 0.15, 0.1, 0.1, 0.05],
    )  # fmt: skip
    starts = born[enrolled] + rng.integers(15 * 365, 17 * 365, len(enrolled)).astype(
        "timedelta64[D]"
    )
    ends = np.where(
        rng.random(len(enrolled)) < 0.3,
        starts + rng.integers(30, 1200, len(enrolled)).astype("timedelta64[D]"),
        np.datetime64("NaT"),
    )
    documented = np.flatnonzero(rng.random(count) < 0.5)
    documents = rng.choice(
        np.array(["slutbetyg grundskola", "examensbevis", "studiebevis"], dtype=object),
        len(documented), p=[0.7, 0.2, 0.1],
    )  # fmt: skip
    issued = born[documented] + rng.integers(15 * 365, 21 * 365, len(documented)).astype(
        "timedelta64[D]"
    )
    return {
        "persons": {
            "key": keys,
            "birth_date": born,
            "home_municipality": home,
            "residence": residence,
            "registered_in_sweden": registered,
        },
        "enrolments": {"key": keys[enrolled], "kind": kinds, "start": starts, "end": ends},
        "qualifications": {"key": keys[documented], "kind": documents, "on": issued},
    }


def _arrow(columns: dict[str, Any]) -> Any:
    import pyarrow as pa

    arrays = {}
    for name, values in columns.items():
        if values.dtype.kind == "M":
            arrays[name] = pa.array(values.astype("datetime64[D]"), pa.date32())
        else:
            arrays[name] = pa.array(values, pa.string())
    return pa.table(arrays)


def run_frames_polars(data: dict[str, dict[str, Any]]) -> tuple[float, int]:
    import polars as pl

    from dua import frames

    persons, enrolments, qualifications = (pl.from_arrow(_arrow(data[k])) for k in data)
    rule = frames.kaa_coverage  # imports dua.frames' modules before the clock starts
    start = time.perf_counter()
    out = rule(persons, on=ON, enrolments=enrolments, qualifications=qualifications, check=True)
    covered = int(out["kaa"].sum())
    return time.perf_counter() - start, covered


def run_frames_duckdb(data: dict[str, dict[str, Any]]) -> tuple[float, int]:
    import duckdb

    from dua import frames

    con = duckdb.connect()
    tables = {name: _arrow(columns) for name, columns in data.items()}
    for name, table in tables.items():
        con.register(f"{name}_arrow", table)
        con.execute(f"create table {name} as select * from {name}_arrow")
        con.unregister(f"{name}_arrow")
    del tables
    rule = frames.kaa_coverage
    start = time.perf_counter()
    out = rule(
        con.table("persons"),
        on=ON,
        enrolments=con.table("enrolments"),
        qualifications=con.table("qualifications"),
        check=True,
    )
    result = out.to_arrow_table()
    covered = int(result.column("kaa").to_numpy(zero_copy_only=False).sum())
    return time.perf_counter() - start, covered


def run_polars_hand(data: dict[str, dict[str, Any]]) -> tuple[float, int]:
    import polars as pl

    persons, enrolments, qualifications = (pl.from_arrow(_arrow(data[k])) for k in data)
    on = ON
    start = time.perf_counter()
    # The rule for 2018-07-01 (kaa-2018-07-01) written by hand: limits fixed, no checks.
    too_old = date(1998, 7, 1)  # latest birth date of someone who has turned 20
    active = (pl.col("start") <= on) & (pl.col("end").is_null() | (pl.col("end") >= on))
    enrolled = (
        enrolments.filter(active)
        .group_by("key")
        .agg(
            (pl.col("kind") == "grundskola").any().alias("in_compulsory"),
            pl.col("kind")
            .is_in(["nationellt program", "introduktionsprogram", "språkintroduktion"])
            .any()
            .alias("in_upper"),
        )
    )
    documents = (
        qualifications.filter(pl.col("on") <= on)
        .group_by("key")
        .agg(
            (pl.col("kind") == "slutbetyg grundskola").any().alias("compulsory_done"),
            (pl.col("kind") == "examensbevis").any().alias("completed"),
        )
    )
    frame = persons.join(enrolled, on="key", how="left").join(documents, on="key", how="left")
    born, registered, residence = (
        pl.col("birth_date"),
        pl.col("registered_in_sweden"),
        pl.col("residence"),
    )
    school_end = pl.date(born.dt.year() + 16, 6, 30)
    compulsory = (
        ~pl.col("compulsory_done").fill_null(False)
        & ~(registered.is_not_null() & (registered > school_end))
        & ((born.dt.year() > 2002) | pl.col("in_compulsory").fill_null(False))
    )
    reason = (
        pl.when((born <= too_old) | (born > on))
        .then(pl.lit("age"))
        .when(
            residence.is_in(["asylsökande", "papperslös"]).fill_null(False)
            | (
                registered.is_not_null()
                & (registered > on)
                & (residence != "stadigvarande vistelse").fill_null(True)
            )
        )
        .then(pl.lit("residence"))
        .when(compulsory)
        .then(pl.lit("compulsory_school"))
        .when(pl.col("completed").fill_null(False))
        .then(pl.lit("not_completed"))
        .when(pl.col("in_upper").fill_null(False))
        .then(pl.lit("not_enrolled"))
    )
    out = frame.with_columns(reason.alias("kaa_reason")).with_columns(
        pl.col("kaa_reason").is_null().alias("kaa"),
        pl.when(pl.col("kaa_reason").is_null()).then(pl.col("home_municipality")).alias("value"),
    )
    covered = int(out["kaa"].sum())
    return time.perf_counter() - start, covered


def run_objects(data: dict[str, dict[str, Any]]) -> tuple[float, int]:
    from dua.model import Enrolment, EnrolmentKind, Person, Qualification, QualificationKind
    from dua.model import ResidenceStatus as Residence
    from dua.rules.kaa import kaa_register

    def day(value: Any) -> date | None:
        return None if np.isnat(value) else value.astype("datetime64[D]").item()

    people = data["persons"]
    enrolments: dict[str, list[Enrolment]] = {}
    e = data["enrolments"]
    for key, kind, first, last in zip(e["key"], e["kind"], e["start"], e["end"], strict=True):
        enrolments.setdefault(str(key), []).append(
            Enrolment(kind=EnrolmentKind(kind), start=day(first), end=day(last))  # type: ignore[arg-type]
        )
    documents: dict[str, list[Qualification]] = {}
    q = data["qualifications"]
    for key, kind, issued in zip(q["key"], q["kind"], q["on"], strict=True):
        documents.setdefault(str(key), []).append(
            Qualification(kind=QualificationKind(kind), on=day(issued))  # type: ignore[arg-type]
        )
    persons = [
        Person(
            key=str(key),
            birth_date=day(born),  # type: ignore[arg-type]
            home_municipality=str(home),
            residence=None if residence is None else Residence(residence),
            registered_in_sweden=day(registered),
            enrolments=enrolments.get(str(key), ()),
            qualifications=documents.get(str(key), ()),
        )
        for key, born, home, residence, registered in zip(
            people["key"], people["birth_date"], people["home_municipality"],
            people["residence"], people["registered_in_sweden"], strict=True,
        )
    ]  # fmt: skip
    del enrolments, documents
    start = time.perf_counter()
    register = kaa_register(persons, ON)
    return time.perf_counter() - start, register.total


RUNNERS = {
    "frames-polars": run_frames_polars,
    "frames-duckdb": run_frames_duckdb,
    "polars-hand": run_polars_hand,
    "objects": run_objects,
}


def _child(path: str, count: int) -> None:
    data = population(count)
    seconds, covered = RUNNERS[path](data)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "covered": covered, "peak_mib": peak_kib / 1024}))


def _measure(path: str, count: int) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, __file__, "--child", path, "--persons", str(count)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--paths", nargs="+", choices=PATHS, default=list(PATHS))
    parser.add_argument("--child", choices=PATHS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.persons[0])
        return
    for count in args.persons:
        print(f"KAA on {ON.isoformat()}, {count:,} persons".replace(",", " "))
        results = {path: _measure(path, count) for path in args.paths}
        covered = {figures["covered"] for figures in results.values()}
        for path, figures in results.items():
            rate = count / figures["seconds"]
            print(
                f"  {path:14} {figures['seconds']:8.2f} s  {rate:12,.0f} persons/s  "
                f"peak {figures['peak_mib']:8,.0f} MiB  covered {figures['covered']:,}"
            )
        if len(covered) != 1:
            print(f"  !! the paths disagree on the number covered: {sorted(covered)}")
        hand = results.get("polars-hand")
        objects = results.get("objects")
        for path in ("frames-polars", "frames-duckdb"):
            if path not in results:
                continue
            seconds = results[path]["seconds"]
            if hand:
                ratio = hand["seconds"] / seconds
                print(f"  {path}: {ratio:.2f}x the hand-written polars throughput (target ≥ 0.5x)")
            if objects:
                ratio = objects["seconds"] / seconds
                memory = results[path]["peak_mib"] / objects["peak_mib"]
                print(
                    f"  {path}: {ratio:.1f}x the object bulk path (target ≥ 3x); "
                    f"peak memory {memory:.2f} of the object path's (target ≤ 0.25 at 1 M)"
                )


if __name__ == "__main__":
    main()
