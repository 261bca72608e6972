"""A readable Swedish (or English) summary of an agreement, as plain text.

Used by `dua show` and `make demo`. It lists what the document states: parties, period,
goals with their targets, target groups with their sizes, activities, tracks and bodies.

>>> from dua import examples
>>> print(summarise(examples.load("hallefors-2015")).splitlines()[0])
Lokal överenskommelse om samverkan för att minska arbetslösheten
"""

from __future__ import annotations

from decimal import Decimal

from dua.errors import mask_text
from dua.i18n import get_language
from dua.model import Agreement, Cadence, Goal, Target, Unit

__all__ = ["summarise"]

_LABELS = {
    "sv": {
        "id": "Id",
        "kind": "Slag",
        "annex": "Dokument",
        "date": "Daterad",
        "period": "Giltighet",
        "until": "tills vidare",
        "parties": "Parter",
        "purpose": "Syfte",
        "goals": "Mål",
        "groups": "Målgrupper",
        "activities": "Insatser",
        "tracks": "Jobbspår",
        "models": "Processmodeller",
        "bodies": "Organisation",
        "signatures": "Underskrifter",
        "revisions": "Revideringar",
        "none": "(anges inte)",
        "stages": "steg",
        "figures": "uppgifter",
        "meets": "möts",
    },
    "en": {
        "id": "Id",
        "kind": "Kind",
        "annex": "Document",
        "date": "Dated",
        "period": "Validity",
        "until": "until further notice",
        "parties": "Parties",
        "purpose": "Purpose",
        "goals": "Goals",
        "groups": "Target groups",
        "activities": "Activities",
        "tracks": "Job tracks",
        "models": "Process models",
        "bodies": "Organisation",
        "signatures": "Signatures",
        "revisions": "Revisions",
        "none": "(not stated)",
        "stages": "stages",
        "figures": "figures",
        "meets": "meets",
    },
}


def _number(value: Decimal, lang: str) -> str:
    text = format(value, "f")
    return text.replace(".", ",") if lang == "sv" else text


def _target(target: Target, unit: Unit | None, lang: str) -> str:
    suffix = " %" if unit is Unit.PERCENT else ""
    bound = f"{_number(target.value, lang)}{suffix}"
    if target.upper is not None:
        bound = f"{_number(target.value, lang)}–{_number(target.upper, lang)}{suffix}"
    when = ""
    if target.due is not None:
        when = f" ({target.due.isoformat()})"
    elif target.period is not None:
        when = f" ({target.period})"
    qualifier = f" [{target.qualifier}]" if target.qualifier else ""
    return f"{target.comparison.label(lang)} {bound}{when}{qualifier}"


def _goal(goal: Goal, lang: str) -> str:
    parts = [f"[{goal.kind.label(lang)}] {goal.text.strip().splitlines()[0]}"]
    if goal.targets:
        parts.append("; ".join(_target(t, goal.unit, lang) for t in goal.targets))
    for step in goal.steps:
        parts.append(
            f"{step.from_status} → {step.to_status}: {step.comparison.label(lang)} "
            f"{_number(step.share_percent, lang)} %"
        )
    if goal.direction is not None:
        parts.append(goal.direction.label(lang))
    if goal.units:
        parts.append(f"{goal.scope.label(lang)}: {', '.join(goal.units)}")
    return " — ".join(parts)


def _cadence(cadence: Cadence, lang: str) -> str:
    if cadence.text:
        return cadence.text
    if cadence.min_times is not None:
        times = (
            f"{cadence.min_times}–{cadence.max_times}"
            if cadence.max_times not in (None, cadence.min_times)
            else f"{cadence.min_times}"
        )
        return f"{times} {cadence.frequency.label(lang)}"
    return cadence.frequency.label(lang)


def summarise(agreement: Agreement, lang: str | None = None) -> str:
    """A plain-text summary of `agreement` in Swedish (`lang="sv"`) or English (`"en"`)."""
    lang = get_language(lang)
    label = _LABELS["en" if lang == "en" else "sv"]
    lines = [agreement.title, "=" * min(len(agreement.title), 78)]
    lines.append(f"{label['id']}: {agreement.id} · {label['kind']}: {agreement.kind.label(lang)}")
    if agreement.annex is not None:
        lines.append(f"{label['annex']}: {agreement.annex.label(lang)}")
    if agreement.document_date is not None:
        lines.append(f"{label['date']}: {agreement.document_date.isoformat()}")
    if agreement.validity is not None:
        end = agreement.validity.end.isoformat() if agreement.validity.end else label["until"]
        lines.append(f"{label['period']}: {agreement.validity.start.isoformat()} – {end}")
    elif agreement.until_further_notice:
        lines.append(f"{label['period']}: {label['until']}")

    def section(title: str, items: list[str]) -> None:
        lines.append("")
        lines.append(f"{title} ({len(items)})")
        if items:
            lines.extend(f"  - {item}" for item in items)
        else:
            lines.append(f"  {label['none']}")

    section(
        label["parties"],
        [
            " ".join(
                part
                for part in (
                    p.name,
                    f"({p.municipality_code})" if p.municipality_code else "",
                    f"org.nr {p.organisation_number}" if p.organisation_number else "",
                )
                if part
            )
            for p in agreement.parties
        ],
    )
    if agreement.purpose:
        lines.extend(["", f"{label['purpose']}: {agreement.purpose.strip()}"])
    section(label["goals"], [_goal(g, lang) for g in agreement.goals])
    groups = []
    for group in agreement.target_groups:
        band = f" {group.age_band} år" if group.age_band else ""
        figures = sum(len(s.figures) for s in group.statistics)
        stats = f" · {figures} {label['figures']}" if figures else ""
        groups.append(f"{group.name}{band}{stats}")
    section(label["groups"], groups)
    if agreement.activities:
        section(
            label["activities"],
            [
                f"{a.name} ({a.kind.label(lang)}, {a.status.label(lang)})"
                for a in agreement.activities
            ],
        )
    if agreement.tracks:
        section(
            label["tracks"],
            [
                f"{t.name} · {len(t.stages)} {label['stages']}"
                + (f" · {', '.join(t.municipalities)}" if t.municipalities else "")
                for t in agreement.tracks
            ],
        )
    if agreement.process_models:
        section(
            label["models"],
            [f"{m.name} · {len(m.stages)} {label['stages']}" for m in agreement.process_models],
        )
    bodies = agreement.organisation.bodies if agreement.organisation else ()
    if bodies:
        section(
            label["bodies"],
            [
                f"{b.name} ({b.kind.label(lang)})"
                + (f", {label['meets']} {_cadence(b.cadence, lang)}" if b.cadence else "")
                for b in bodies
            ],
        )
    if agreement.signatures:
        section(
            label["signatures"],
            [
                ", ".join(
                    part
                    for part in (
                        agreement.party(s.party).name,
                        s.signatory,
                        s.role,
                        s.place,
                        s.on.isoformat() if s.on else None,
                    )
                    if part
                )
                for s in agreement.signatures
            ],
        )
    if agreement.revisions:
        section(
            label["revisions"],
            [f"{r.on.isoformat()}: {r.description}" for r in agreement.revisions],
        )
    # The privacy boundary: a number in any free text leaves masked (docs/personal-data.md).
    return mask_text("\n".join(lines))
