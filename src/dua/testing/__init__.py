"""Hypothesis strategies that generate valid `dua` model objects, for property tests.

Every model class in `dua.model` has a strategy here, named after the class in the plural
(`agreements()`, `parties()`, `goals()`, `persons()` …). Everything they generate is
*valid*: it passes every validator of the model, and `agreements()` also resolves every
cross reference that `Agreement` checks (signatures name parties of the agreement, goal
units name its municipalities, tracks, target groups or bodies, ids are unique), uses real
SCB municipality codes (`dua.municipalities`) and organisation numbers with a correct Luhn
check digit (python-stdnum). Numbers are exact, finite `Decimal`s with up to two decimals,
as documents state them. Lists have at most three items, so that tests stay fast.

Apps that embed `dua` install the `testing` extra (`pip install 'dua-samverkan[testing]'`)
and property-test their own code against what `dua` accepts:

>>> from hypothesis import given, settings
>>> import dua
>>> from dua import testing
>>> @settings(max_examples=10)
... @given(testing.agreements())
... def test_any_agreement_survives_toml(agreement):
...     assert dua.loads_agreement(dua.dumps_agreement(agreement)) == agreement
>>> test_any_agreement_survives_toml()

**References.** A strategy for a part that refers to other parts by id takes the ids it
may refer to (`party_ids=`, `track_ids=` …). Left as `None`, references are arbitrary
identifiers: the part is valid on its own, as the model class checks it. Given a sequence,
references are drawn only from it (an empty sequence: no references), which is how
`agreements()` builds agreements whose references all resolve. Parents (`parent=` of goals,
target groups and bodies) only ever point at *earlier* items, so that no generated
hierarchy has a cycle.

**Text.** Texts mix Swedish letters and characters that are awkward in TOML and JSON
(quotes, backslashes, newlines, tabs, `#`, `=`, brackets) with any other Unicode character,
except surrogate code points (U+D800–U+DFFF), which cannot be encoded as UTF-8, so no
file can hold them. Every control character, U+0000 and the carriage return included,
round-trips through both TOML (as an escape) and JSON. (TOML folds a Windows line break
inside a multi-line string to a plain line feed, so `dua` writes a file whose texts hold
a carriage return with escaped single-line strings instead.)

Sources: the validators of each class in `dua.model`; the SCB municipality codes in
`dua/data/kommuner.csv`; the Luhn check digit of an *organisationsnummer* as
python-stdnum's `stdnum.se.orgnr` checks it.
"""

# One module per area of `dua.model`, named like it: `_base` (texts, identifiers, dates,
# decimals, codes, numbers and the base types), `party`, `target_group`, `activity`,
# `programme`, `track`, `goal`, `organisation`, `agreement` and `person`.

from __future__ import annotations

from dua.testing._base import (
    TRICKY_CHARACTERS,
    age_bands,
    cadences,
    dates,
    decimals,
    durations,
    identifiers,
    municipality_codes,
    non_empty_texts,
    organisation_numbers,
    periods,
    source_refs,
    texts,
)
from dua.testing._base import Ids as Ids  # re-exported, documented, as before not in __all__
from dua.testing.activity import activities, eligibilities
from dua.testing.agreement import (
    agreements,
    follow_up_plans,
    revision_plans,
    revisions,
    sections,
    signatures,
    state_grants,
)
from dua.testing.goal import baselines, conversion_steps, goals, targets
from dua.testing.organisation import bodies, members, organisations
from dua.testing.party import parties
from dua.testing.person import (
    enrolments,
    outcome_events,
    persons,
    qualifications,
    registrations,
    social_assistance_months,
    track_participations,
)
from dua.testing.programme import programmes
from dua.testing.target_group import figures, partitions, statistics_snapshots, target_groups
from dua.testing.track import contents, process_models, stages, tracks

__all__ = [
    "TRICKY_CHARACTERS",
    "activities",
    "age_bands",
    "agreements",
    "baselines",
    "bodies",
    "cadences",
    "contents",
    "conversion_steps",
    "dates",
    "decimals",
    "durations",
    "eligibilities",
    "enrolments",
    "figures",
    "follow_up_plans",
    "goals",
    "identifiers",
    "members",
    "municipality_codes",
    "non_empty_texts",
    "organisation_numbers",
    "organisations",
    "outcome_events",
    "parties",
    "partitions",
    "periods",
    "persons",
    "process_models",
    "programmes",
    "qualifications",
    "registrations",
    "revision_plans",
    "revisions",
    "sections",
    "signatures",
    "social_assistance_months",
    "source_refs",
    "stages",
    "state_grants",
    "statistics_snapshots",
    "target_groups",
    "targets",
    "texts",
    "track_participations",
    "tracks",
]
