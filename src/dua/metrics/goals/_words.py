"""The words of goal results, in Swedish and English.

[`dua.metrics.goals`][dua.metrics.goals] words a result's fixed labels ("totalt", "per år")
and its details ("förändring 12,5 % från utgångsvärdet") in Swedish, the language of the
agreements; these functions give them in the reader's language, for the reports and the
notebook tables alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dua.i18n import get_language
from dua.model import Direction

_LABELS_EN = {
    "tills vidare": "until further notice",
    "totalt": "total",
    "hela överenskommelsen": "whole agreement",
    "per år": "per year",
    **{d.value: d.label_en for d in Direction},
}


def fixed_label(text: str, lang: str | None = None) -> str:
    """A result's label in `lang`: the few fixed Swedish labels translated for English,
    anything else (data: years, tracks, units) as it is."""
    return _LABELS_EN.get(text, text) if get_language(lang) == "en" else text


_MEASURES: dict[str, dict[str, str]] = {
    "sv": {
        "women": "andel kvinnor",
        "outcome_90_days": "arbete, studier eller eget företag inom 90 dagar",
    },
    "en": {
        "women": "share of women",
        "outcome_90_days": "work, studies or own business within 90 days",
    },
}
_DETAILS_EN: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"förändring (-?[\d ]+(?:,\d+)?) % från utgångsvärdet"),
        lambda m: f"change {_sv_to_en(m.group(1))}% from the baseline",
    ),
    (
        re.compile(r"förändring (-?[\d ]+(?:,\d+)?) % mot föregående period"),
        lambda m: f"change {_sv_to_en(m.group(1))}% against the previous period",
    ),
    (
        re.compile(r"(öka|minska): förändring (-?[\d ]+(?:,\d+)?)"),
        lambda m: f"{Direction(m.group(1)).label_en}: change {_sv_to_en(m.group(2))}",
    ),
    (
        re.compile(r"(\w+), (\d+) participants"),
        lambda m: f"{_MEASURES['en'].get(m.group(1), m.group(1))}, {m.group(2)} participants",
    ),
]

_PHRASES_EN = {
    "året är inte slut": "the year has not ended",
    "föregående period saknas": "no data for the previous period",
    "föregående period är noll": "the previous period is zero",
    "utgångsvärdet är noll": "the baseline is zero",
    "inget slutdatum: senaste utfall": "no deadline: latest observation",
    "utan daterat utgångsvärde jämförs utfallet med målet": (
        "without a dated baseline the observation is compared with the target"
    ),
    "nått före periodens slut": "reached before the end of the period",
    "övre gräns redan passerad": "upper bound already passed",
    "varken observationer eller ett deltagarmått för indikatorn": (
        "neither observations nor a participant measure for the indicator"
    ),
    "behöver två observationer": "needs two observations",
}


def _sv_to_en(text: str) -> str:
    """A number printed the Swedish way, printed the English way: "-1 234,5" → "-1,234.5"."""
    whole, _, decimals = text.partition(",")
    grouped = whole.replace(" ", ",")
    return f"{grouped}.{decimals}" if decimals else grouped


_MEASURE_SV = re.compile(r"^(\w+), (\d+) deltagare$")


def detail(text: str, lang: str | None = None) -> str:
    """A result's detail in `lang`. [`dua.metrics.goals`][dua.metrics.goals] words details
    in Swedish; the known phrases are translated for English, anything else is kept, and
    participant measures are named in words (`women` → "andel kvinnor")."""
    if not text:
        return text
    if get_language(lang) != "en":
        return _MEASURE_SV.sub(
            lambda m: f"{_MEASURES['sv'].get(m.group(1), m.group(1))}, {m.group(2)} deltagare",
            text,
        )
    text = _MEASURE_SV.sub(lambda m: f"{m.group(1)}, {m.group(2)} participants", text)
    for phrase, english in _PHRASES_EN.items():
        text = text.replace(phrase, english)
    for pattern, replace in _DETAILS_EN:
        text = pattern.sub(replace, text)
    return text
