"""Cases that kill surviving mutants of `dua.rules.kaa` (issue 8, item 4).

Each case states the behaviour a user relies on; the rule is skollagen (SFS 2010:800)
29 kap. 9 § (the home municipality's activity responsibility, KAA), as in
`tests/rules/test_kaa.py`.
"""

from __future__ import annotations

from datetime import date

from dua.model import Person
from dua.rules.kaa import KaaRun


def test_a_running_count_shows_its_counts_in_its_repr() -> None:
    # A KaaRun in a notebook or a log shows its date, municipality and the counts so far
    # (no person, no key). Aged 17 on 2019-09-01 and registered in Hällefors (1863): covered;
    # aged 29: not covered (age); registered in Örebro (1880): elsewhere.
    run = KaaRun(date(2019, 9, 1), "1863")
    for key, born, home in (
        ("a", date(2002, 3, 1), "1863"),
        ("b", date(1990, 1, 1), "1863"),
        ("c", date(2002, 3, 1), "1880"),
    ):
        run.admit(Person(key=key, birth_date=born, home_municipality=home))
    assert repr(run) == (
        "KaaRun(on='2019-09-01', municipality='1863', covered=1, not_covered=1, elsewhere=1)"
    )
