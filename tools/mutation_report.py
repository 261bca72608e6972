"""Per-module report of a mutation-testing run (`make mutation`, issue 8 item 4).

Reads the verdict of every mutant from `mutmut results --all true` (run in the project
root after `mutmut run`) and prints, for each mutated module, how many mutants were killed,
survived, had no tests or timed out, the score, and the surviving mutants by name. Run
with::

    .venv/bin/python tools/mutation_report.py [--module PREFIX ...] [--min-score PERCENT]

**Score** = killed / covered, where *covered* mutants are those that at least one test
runs (every verdict except "no tests", "skipped" and "not checked", the last shown as
*unrun*). A timeout counts as covered but not as killed, so a slow machine can only lower
the score; *other* counts the rarer verdicts (suspicious, segfault, caught by type check). `mutmut show NAME`
prints the change a surviving mutant makes. With `--min-score`, the exit status is 1 when
a listed module scores below it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

# Verdicts as `mutmut results` prints them, in the order of the report's columns.
KILLED = "killed"
SURVIVED = "survived"
TIMEOUT = "timeout"
NO_TESTS = "no tests"
NOT_CHECKED = "not checked"  # not run yet, e.g. outside the MUTANTS of a narrowed run
NOT_COVERED = frozenset({NO_TESTS, "skipped", NOT_CHECKED})


def parse(lines: Iterable[str]) -> dict[str, dict[str, str]]:
    """Verdict by mutant name, by module, from lines such as
    ``    dua.rules.kaa.x_age__mutmut_3: survived``.

    >>> parse(["    dua.rules.kaa.xǁ_Contextǁclassify__mutmut_1: killed", "other output"])
    {'dua.rules.kaa': {'dua.rules.kaa.xǁ_Contextǁclassify__mutmut_1': 'killed'}}
    """
    modules: dict[str, dict[str, str]] = defaultdict(dict)
    for line in lines:
        name, sep, verdict = line.strip().partition(": ")
        if not sep or "__mutmut_" not in name:
            continue
        # A mangled function name has no dots, so the module is everything before the last.
        module = name.rsplit(".", 1)[0]
        modules[module][name] = verdict
    return dict(modules)


def score(verdicts: Counter[str]) -> float | None:
    """Killed over covered mutants, in per cent; `None` when no mutant is covered.

    >>> score(Counter({"killed": 9, "survived": 1, "no tests": 5}))
    90.0
    """
    covered = sum(n for verdict, n in verdicts.items() if verdict not in NOT_COVERED)
    return None if covered == 0 else 100 * verdicts[KILLED] / covered


def report(modules: dict[str, dict[str, str]], out: list[str]) -> dict[str, float | None]:
    """Append the report's lines to `out`; return the score of each module."""
    scores: dict[str, float | None] = {}
    header = (
        f"{'module':<30} {'killed':>7} {'survived':>8} {'no tests':>8} {'timeout':>7} "
        f"{'unrun':>6} {'other':>6} {'score':>7}"
    )
    out += [header, "-" * len(header)]
    total: Counter[str] = Counter()
    for module in sorted(modules):
        verdicts = Counter(modules[module].values())
        total += verdicts
        scores[module] = score(verdicts)
        out.append(_row(module, verdicts))
    out += ["-" * len(header), _row("all", total), ""]
    for module in sorted(modules):
        survivors = sorted(n for n, v in modules[module].items() if v == SURVIVED)
        if survivors:
            out.append(f"Survivors in {module} ({len(survivors)}; `mutmut show NAME`):")
            out += [f"  {name}" for name in survivors]
    return scores


def _row(label: str, verdicts: Counter[str]) -> str:
    known = {KILLED, SURVIVED, NO_TESTS, TIMEOUT, NOT_CHECKED}
    other = sum(n for verdict, n in verdicts.items() if verdict not in known)
    value = score(verdicts)
    shown = "-" if value is None else f"{value:.1f} %"
    return (
        f"{label:<30} {verdicts[KILLED]:>7} {verdicts[SURVIVED]:>8} {verdicts[NO_TESTS]:>8} "
        f"{verdicts[TIMEOUT]:>7} {verdicts[NOT_CHECKED]:>6} {other:>6} {shown:>7}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--module",
        action="append",
        default=[],
        help="report only modules whose name starts with this (repeatable), e.g. dua.rules",
    )
    parser.add_argument("--min-score", type=float, help="fail below this score (per cent)")
    args = parser.parse_args(argv)
    mutmut = shutil.which("mutmut", path=str(Path(sys.executable).parent)) or "mutmut"
    if not Path("mutants").is_dir():
        print("No mutants/ directory: run `make mutation` (mutmut run) first.", file=sys.stderr)
        return 2
    result = subprocess.run(
        [mutmut, "results", "--all", "true"], capture_output=True, text=True, check=True
    )
    modules = parse(result.stdout.splitlines())
    if args.module:
        modules = {m: v for m, v in modules.items() if any(m.startswith(p) for p in args.module)}
    out: list[str] = []
    scores = report(modules, out)
    print("\n".join(out))
    if args.min_score is not None:
        low = [m for m, s in scores.items() if s is not None and s < args.min_score]
        if low:
            print(f"Below {args.min_score:.1f} %: {', '.join(low)}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
