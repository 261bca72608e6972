"""Benchmark: how fast `import dua` and the `dua` command start (issue 10, item 4).

Each figure is the median over `--runs` fresh processes of the CPU time (user + system)
each process took, run in rounds that alternate the measured command with its baseline (as
hyperfine does, but interleaved). CPU time rather than wall time: on a machine shared with
other work a process waits for a core for longer than it runs, and that wait says nothing
about `dua`; on a quiet machine the two agree. The bytecode cache is warmed first (in a
cache folder of its own, `PYTHONPYCACHEPREFIX`, so that the source tree stays clean).

| figure | baseline | target |
|---|---|---|
| `import dua` | `python -c "import attrs, cattrs"` | at most 1.5× |
| `dua --version` | `python -c "import attrs"` | at most 2× |
| `dua report --example hallefors-2015` | `python -c "import attrs"` (shown) | at most 0.25 s |

Run::

    .venv/bin/python benchmarks/startup.py [--runs 21]

It prints one line per figure, `name: value = ratio× baseline (target) PASS|MISS`; it is a
benchmark, not a timed test (tests/test_startup.py checks which modules each entry point
loads).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

PYTHON = sys.executable


def _dua_command() -> list[str]:
    """The installed `dua` script beside this Python (what a user runs), else `-m dua`."""
    script = Path(PYTHON).with_name("dua")
    if script.exists():
        return [str(script)]
    found = shutil.which("dua")
    return [found] if found else [PYTHON, "-m", "dua"]


def _run(argv: Sequence[str], env: dict[str, str]) -> float:
    """The CPU time (user + system, in seconds) of one run of `argv`."""
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, list(argv))
    return usage.ru_utime + usage.ru_stime


def _median_pair(
    subject: Sequence[str], baseline: Sequence[str], runs: int, env: dict[str, str]
) -> tuple[float, float]:
    """Median seconds of `subject` and of `baseline`, measured in alternating rounds."""
    for _ in range(2):  # warm the bytecode cache and the file system cache
        _run(subject, env)
        _run(baseline, env)
    first, second = [], []
    for _ in range(runs):
        first.append(_run(subject, env))
        second.append(_run(baseline, env))
    return statistics.median(first), statistics.median(second)


def figure(
    name: str, value: float, baseline_name: str, baseline: float, target: str, met: bool
) -> str:
    """One result line: the value, its ratio to the baseline measured in the same run,
    the target and whether it is met."""
    ratio = value / baseline
    return (
        f"{name}: {value * 1000:.0f} ms = {ratio:.2f}× {baseline_name} "
        f"({baseline * 1000:.0f} ms) (target {target})  {'PASS' if met else 'MISS'}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="processes per figure (median)")
    args = parser.parse_args(argv)
    print(f"CPU time per process, median of {args.runs} runs, warm bytecode cache")
    with tempfile.TemporaryDirectory(prefix="dua-bench-pyc-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        attrs_only = [PYTHON, "-c", "import attrs"]
        dua = _dua_command()

        value, base = _median_pair(
            [PYTHON, "-c", "import dua"], [PYTHON, "-c", "import attrs, cattrs"], args.runs, env
        )
        print(
            figure("import dua", value, "import attrs, cattrs", base, "≤ 1.5×", value <= 1.5 * base)
        )

        value, base = _median_pair([*dua, "--version"], attrs_only, args.runs, env)
        print(figure("dua --version", value, "import attrs", base, "≤ 2×", value <= 2 * base))

        report = [*dua, "report", "--example", "hallefors-2015", "--on", "2017-12-31"]
        value, base = _median_pair(report, attrs_only, args.runs, env)
        print(
            figure(
                "dua report --example hallefors-2015",
                value,
                "import attrs",
                base,
                "≤ 0.25 s",
                value <= 0.25,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
