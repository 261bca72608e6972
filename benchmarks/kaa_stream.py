"""Benchmark: `dua kaa` streaming a 1 M-row register CSV (issue 10, item 1).

Writes a deterministic register CSV (seed 20150101; the persons of
`benchmarks/kaa_register.py`, written with valid invented personnummer; generation is not
timed), times Python's `csv` module merely reading it (the baseline), then runs `dua kaa`
on it in a subprocess three ways — the text summary, `--format csv` to a file, and
`--format jsonl --explain` to a file — and measures each run's wall time, its CPU time and
the child's peak memory (`ru_maxrss`). Each figure is printed beside its target and
baseline, the wall time and the CPU time (user and system; on a machine other jobs share,
CPU times hold still where wall times do not) of every run. The runs use a warm bytecode
cache (in a folder of their own, as `benchmarks/startup.py` does), as an installed package
has::

    kaa stream --explain 1M: 5.9 s = 8.6× csv read (target ≤ 10×)  PASS
    kaa stream --explain 1M CPU: 5.8 s (0.8 s system) = 8.7× csv read CPU (target ≤ 10×)  PASS

Targets: at most 10× the time of the `csv` read, in wall time and in CPU time, and peak
memory under 300 MiB, with and without `--explain` to a file; the last line says whether
every target was met. Run with::

    .venv/bin/python benchmarks/kaa_stream.py [--rows N] [--keep FOLDER]

With `--keep FOLDER` the files stay in FOLDER, and a register of the same size made by an
earlier run is used again (making a 1 M-row register takes about a minute).

It is a benchmark, not a timed test: it prints figures and exits 0 unless a run fails.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from stdnum import luhn

ON = date(2020, 9, 15)
SEED = 20150101
TIME_RATIO = 10.0
MEMORY_MIB = 300.0

_HEADER = (
    "personnummer;kön;hemkommun;folkbokföringsstatus;folkbokförd_i_sverige;"
    "slutbetyg_grundskola;examensbevis;studiebevis;inskrivning;inskrivning_start;"
    "inskrivning_slut\n"
)
_RESIDENCE = ["", "folkbokförd", "skyddad folkbokföring", "stadigvarande vistelse",
              "asylsökande", "papperslös"]  # fmt: skip
_RESIDENCE_WEIGHTS = [70, 24, 2, 1, 2, 1]
_ENROLMENTS = ["nationellt program"] * 3 + [
    "introduktionsprogram", "språkintroduktion", "anpassad gymnasieskola", "komvux",
    "folkhögskola",
]  # fmt: skip


def personnummer(born: date, serial: int) -> str:
    """A valid (Luhn-correct), invented personnummer `YYYYMMDD-NNNC`."""
    ten = f"{born:%y%m%d}{serial:03d}"
    return f"{born:%Y%m%d}-{serial:03d}{luhn.calc_check_digit(ten)}"


def write_register(path: Path, rows: int, on: date = ON, seed: int = SEED) -> int:
    """Write a register of `rows` persons (one row each) to `path`; return its size in bytes.

    The mix follows `benchmarks/kaa_register.py`: ages about 14–22, residence statuses,
    compulsory-school certificates, examensbevis and studiebevis, enrolments of several
    kinds. Each person has a distinct invented number; no real person is described.
    """
    from dua.municipalities import all_municipalities

    rng = random.Random(seed)
    codes = [m.code for m in all_municipalities()]
    first = on - timedelta(days=int(22.5 * 365.25))
    days = int(8.5 * 365.25)
    # Each birth date has 1 000 serial numbers; a counter per date keeps numbers distinct.
    used: dict[int, int] = {}
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(_HEADER)
        for _ in range(rows):
            offset = rng.randrange(days)
            serial = used.get(offset, 0)
            if serial >= 1000:
                offset = min(used, key=used.__getitem__)
                serial = used[offset]
            used[offset] = serial + 1
            born = first + timedelta(days=offset)
            residence = rng.choices(_RESIDENCE, _RESIDENCE_WEIGHTS)[0]
            arrived = f"{born.year + 17}-03-01" if rng.random() < 0.05 else ""
            done = f"{born.year + 16}-06-10" if rng.random() < 0.9 else ""
            diploma = studies = kind = start = end = ""
            roll = rng.random()
            if roll < 0.65:
                kind = rng.choice(_ENROLMENTS)
                start = f"{born.year + 16}-08-20"
                if rng.random() < 0.3:
                    end = f"{born.year + 19}-06-12"
            if roll > 0.55:
                if rng.random() < 0.7:
                    diploma = f"{born.year + 19}-06-12"
                else:
                    studies = f"{born.year + 19}-06-12"
            sex = "K" if rng.random() < 0.5 else "M"
            out.write(
                f"{personnummer(born, serial)};{sex};{rng.choice(codes)};{residence};{arrived};"
                f"{done};{diploma};{studies};{kind};{start};{end}\n"
            )
    return path.stat().st_size


def time_csv_read(path: Path, repeat: int = 3) -> tuple[float, float]:
    """The best of `repeat` times Python's `csv` module takes merely to read every row:
    (wall seconds, CPU seconds)."""
    best = best_cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        with path.open(encoding="utf-8", newline="") as file:
            for _row in csv.reader(file, delimiter=";"):
                pass
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return best, best_cpu


def run_dua(
    args: Sequence[str], env: dict[str, str] | None = None
) -> tuple[float, float, float, float]:
    """Run `dua ARGS` in a child process: (wall seconds, CPU seconds, of which system, the
    child's peak memory in MiB)."""
    code = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
        "seconds = time.perf_counter() - start\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(done.returncode, seconds, usage.ru_utime, usage.ru_stime, usage.ru_maxrss)\n"
    )
    # A fresh middle process per run, so that the child figures are this run's alone.
    result = subprocess.run(
        [sys.executable, "-c", code, sys.executable, "-m", "dua", *args],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    status, seconds, user, system, peak = result.stdout.split()
    if status != "0":
        raise SystemExit(f"dua {' '.join(args)} failed with exit status {status}")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    cpu = float(user) + float(system)
    return float(seconds), cpu, float(system), int(peak) * scale / (1 << 20)


def _rows_label(rows: int) -> str:
    if rows % 1_000_000 == 0:
        return f"{rows // 1_000_000}M"
    if rows % 1000 == 0:
        return f"{rows // 1000}k"
    return str(rows)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="register rows (1 000 000)")
    parser.add_argument(
        "--keep", type=Path, help="write the files here and keep them (and reuse the register)"
    )
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="dua-kaa-stream-"))
    folder.mkdir(parents=True, exist_ok=True)
    register = folder / "register.csv"
    key = folder / "dua.key"
    key.write_text("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n")
    made = folder / "register.rows"  # with --keep, a register of this size is made once
    if made.exists() and register.exists() and made.read_text() == str(args.rows):
        size = register.stat().st_size
    else:
        size = write_register(register, args.rows)
        made.write_text(str(args.rows))
    label = _rows_label(args.rows)
    print(
        f"register: {args.rows:,} rows, {size / (1 << 20):.0f} MiB ({register})".replace(",", " ")
    )
    baseline, baseline_cpu = time_csv_read(register)
    print(f"csv read {label}: {baseline:.2f} s, {baseline_cpu:.2f} s CPU (baseline, best of 3)")
    common = ["kaa", str(register), "--on", ON.isoformat(), "--key-file", str(key), "--quiet"]
    runs = {
        "kaa stream": [*common, "--output", str(folder / "kaa.txt")],
        "kaa stream csv": [*common, "--format", "csv", "--output", str(folder / "kaa.csv")],
        "kaa stream --explain": [
            *common, "--format", "jsonl", "--explain", "--output", str(folder / "kaa.jsonl"),
        ],
    }  # fmt: skip
    # A warm bytecode cache, as an installed package has (pip compiles it on install), in a
    # cache folder of the run's own so that the source tree stays clean (as startup.py).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    warm = folder / "warm.csv"
    warm.write_text("personnummer;hemkommun\n20010517-1235;1863\n", encoding="utf-8")
    for format_ in ("text", "csv", "jsonl"):
        run_dua(["kaa", str(warm), "--on", ON.isoformat(), "--key-file", str(key), "--quiet",
                 "--explain", "--format", format_, "--output", str(folder / "warm.out")], env)  # fmt: skip
    failed = False
    for name, run_args in runs.items():
        seconds, cpu, system, peak = run_dua(run_args, env)
        ratio, cpu_ratio = seconds / baseline, cpu / baseline_cpu
        fast = ratio <= TIME_RATIO
        fast_cpu = cpu_ratio <= TIME_RATIO
        small = peak < MEMORY_MIB
        failed |= not (fast and fast_cpu and small)
        print(
            f"{name} {label}: {seconds:.1f} s = {ratio:.1f}× csv read "
            f"(target ≤ {TIME_RATIO:.0f}×)  {'PASS' if fast else 'FAIL'}"
        )
        # CPU time holds still when other jobs share the machine; wall time does not. The
        # system part is mostly the kernel taking in the output file's pages.
        print(
            f"{name} {label} CPU: {cpu:.1f} s ({system:.1f} s system) = {cpu_ratio:.1f}× "
            f"csv read CPU (target ≤ {TIME_RATIO:.0f}×)  {'PASS' if fast_cpu else 'FAIL'}"
        )
        print(
            f"{name} {label} peak memory: {peak:.0f} MiB "
            f"(target < {MEMORY_MIB:.0f} MiB)  {'PASS' if small else 'FAIL'}"
        )
    shutil.rmtree(folder / "pycache", ignore_errors=True)
    for path in (warm, folder / "warm.out"):
        path.unlink(missing_ok=True)
    if args.keep is None:
        shutil.rmtree(folder)
    print("all targets met" if not failed else "some targets not met")


if __name__ == "__main__":
    main()
