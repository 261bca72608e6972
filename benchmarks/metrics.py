"""Benchmark of `dua.metrics`: plain counting shares over 1 000 000 participant records,
and every goal of every bundled example with its synthetic follow-up dataset.

Run: `.venv/bin/python benchmarks/metrics.py [records]`. Prints records per second for the
gender share and the 90-day outcome share (target: at least 1 000 000 records/s on one
core), and the time to assess all goals. The records are generated, not real persons.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta

from dua import examples
from dua.io.followup import followup_names, load_followup
from dua.metrics import assess_agreement, gender_balance, outcome_90_days
from dua.metrics.observations import Participant
from dua.model import Outcome, Sex

FOLLOW_UP_ON = {
    "hallefors-2015": date(2018, 1, 31),
    "ggv-2016": date(2019, 1, 31),
    "norrkoping-2018": date(2021, 1, 31),
    "sjuharad-2020": date(2021, 12, 31),
}


def participants(count: int, seed: int = 2018) -> list[Participant]:
    """`count` generated participants with random sex, dates and outcomes."""
    rnd = random.Random(seed)
    sexes = (Sex.FEMALE, Sex.MALE, None)
    first = date(2018, 1, 1).toordinal()
    rows = []
    for i in range(count):
        start = date.fromordinal(first + rnd.randrange(700))
        end = start + timedelta(days=rnd.randrange(30, 400)) if rnd.random() < 0.9 else None
        success = end is not None and rnd.random() < 0.6
        rows.append(
            Participant(
                key=f"b{i}",
                track="industri",
                start=start,
                end=end,
                sex=sexes[rnd.randrange(3)],
                outcome=Outcome.WORK if success else None,
                outcome_on=end + timedelta(days=rnd.randrange(0, 150)) if success and end else None,
            )
        )
    return rows


def timed(label: str, count: int, run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    rate = count / best
    print(f"{label:<34} {best * 1000:8.1f} ms  {rate:>13,.0f} records/s  -> {result}")
    return rate


def main(count: int = 1_000_000) -> int:
    print(f"generating {count:,} participant records …")
    rows = participants(count)
    on = date(2021, 1, 1)
    gender = timed(
        "gender share (women, known sex)", count, lambda: gender_balance(rows).women_share
    )
    outcome = timed("90-day outcome share", count, lambda: outcome_90_days(rows, on))

    started = time.perf_counter()
    goals = 0
    for name in followup_names():
        agreement = examples.load(name)
        goals += len(assess_agreement(agreement, load_followup(name), FOLLOW_UP_ON.get(name, on)))
    elapsed = time.perf_counter() - started
    print(
        f"{'all goals of all examples':<34} {elapsed * 1000:8.1f} ms  ({goals} goals, loading included)"
    )
    ok = gender >= 1_000_000 and outcome >= 1_000_000
    print("target ≥ 1 000 000 records/s:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
