"""The message catalogue of [`dua.i18n`][dua.i18n]: every fixed text a person reads, by key,
in Swedish and English.

A key names where the text is used (`report.*`, `cli.*`, `kaa.*`, `schedule.*`,
`notebook.*`). An [`Entry`][dua._catalogue.Entry] holds a template per language; a plural
message holds a pair (singular, plural) per language, with the count as `{n}`. Both
languages of a key use the same placeholders (the tests walk every key).
"""

from __future__ import annotations

__all__ = ["MESSAGES", "Entry"]


class Entry:
    """One message: its Swedish and English template, or (singular, plural) pairs.

    A plain class with slots: cheap to make, and with no generated repr (a template holds
    no personal data, and nothing here needs the privacy boundary above this layer).
    """

    __slots__ = ("en", "sv")

    def __init__(self, sv: str | tuple[str, str], en: str | tuple[str, str]) -> None:
        self.sv = sv
        self.en = en


MESSAGES: dict[str, Entry] = {
    # --- reports (dua.report) -------------------------------------------------------------
    "report.title": Entry(
        "Uppföljningsrapport",
        "Follow-up report",
    ),
    # --- charts (dua.charts, the HTML report's figures) ------------------------------------
    "chart.observed": Entry(
        "utfall",
        "observed",
    ),
    "chart.baseline": Entry(
        "utgångsvärde",
        "baseline",
    ),
    "chart.line": Entry(
        "rak linje till målet",
        "straight line to the target",
    ),
    "chart.target": Entry(
        "mål",
        "target",
    ),
    "chart.total": Entry(
        "totalt",
        "total",
    ),
    "chart.band": Entry(
        "jämn könsfördelning",
        "even gender balance",
    ),
    "chart.women": Entry(
        "andel kvinnor (%)",
        "share of women (%)",
    ),
    "chart.hidden": Entry(
        "dold",
        "hidden",
    ),
    "chart.nothing": Entry(
        "inga daterade värden att rita",
        "no dated values to draw",
    ),
    "chart.goal": Entry(
        "Mål",
        "Goal",
    ),
    "chart.status": Entry(
        "Status per mål",
        "Status per goal",
    ),
    "chart.gender": Entry(
        "Andel kvinnor per jobbspår",
        "Share of women per track",
    ),
    "report.chart.missing": Entry(
        "Diagram visas när tillägget för diagram är installerat: {install}",
        "Charts are shown when the charts extra is installed: {install}",
    ),
    "report.chart.goal_caption": Entry(
        "Diagram: mål {goal}, utfall över tid, utgångsvärde, varje mål och den raka linjen dit{per_unit}. Siffrorna står i tabellen under diagrammet.",
        "Chart: goal {goal}, observed values over time, baseline, each target and the straight line to it{per_unit}. The numbers are in the table below the chart.",
    ),
    "report.chart.per_unit": Entry(
        ", per enhet",
        ", per unit",
    ),
    "report.chart.status_caption": Entry(
        "Diagram: status per mål. Samma status står i tabellen ovan.",
        "Chart: status per goal. The same status is in the table above.",
    ),
    "report.chart.gender_caption": Entry(
        "Diagram: andel kvinnor per jobbspår mot intervallet {lower}–{upper}. Siffrorna står i tabellen ovan.",
        "Chart: share of women per track against the band {lower}–{upper}. The numbers are in the table above.",
    ),
    "report.chart.goal_title": Entry(
        "Mål {goal}",
        "Goal {goal}",
    ),
    "report.chart.observed_series": Entry(
        "{count} observerade värden från {first} till {last}",
        "{count} observed values from {first} to {last}",
    ),
    "report.chart.hidden": Entry(
        "dold",
        "hidden",
    ),
    "report.chart.share": Entry(
        "andel kvinnor {share}",
        "share of women {share}",
    ),
    "report.logo": Entry(
        "Logotyp",
        "Logo",
    ),
    "report.about": Entry(
        "Om rapporten",
        "About this report",
    ),
    "report.agreement": Entry(
        "Överenskommelse",
        "Agreement",
    ),
    "report.kind": Entry(
        "Slag",
        "Kind",
    ),
    "report.parties": Entry(
        "Parter",
        "Parties",
    ),
    "report.document_date": Entry(
        "Daterad",
        "Dated",
    ),
    "report.validity": Entry(
        "Giltighet",
        "Validity",
    ),
    "report.until": Entry(
        "tills vidare",
        "until further notice",
    ),
    "report.on": Entry(
        "Beräknad för",
        "Computed for",
    ),
    "report.sources": Entry(
        "Underlag",
        "Data files",
    ),
    "report.no_sources": Entry(
        "inga datafiler angivna",
        "no data files given",
    ),
    "report.suppression": Entry(
        "Röjandekontroll",
        "Disclosure control",
    ),
    "report.suppression_none": Entry(
        "ingen (alla antal visas)",
        "none (every count is shown)",
    ),
    "report.suppression_on": Entry(
        "antal från 1 till {below} döljs och visas som {sign}, liksom antal som annars kunde räknas fram; {cells} tabellceller och {results} målresultat dolda",
        "counts from 1 to {below} are hidden and shown as {sign}, as are counts that would reveal them; {cells} table cells and {results} goal results hidden",
    ),
    "report.synthetic": Entry(
        "Syntetiska data",
        "Synthetic data",
    ),
    "report.synthetic_text": Entry(
        "uppföljningsdata är påhittade för illustration och test; de beskriver ingen verklig person",
        "the follow-up data is invented for illustration and tests; it describes no real person",
    ),
    "report.participants": Entry(
        "Deltagare",
        "Participants",
    ),
    "report.summary": Entry(
        "Sammanfattning",
        "Summary",
    ),
    "report.goals": Entry(
        "Mål",
        "Goals",
    ),
    "report.goal": Entry(
        "mål",
        "goal",
    ),
    "report.no_goals": Entry(
        "Överenskommelsen anger inga mål.",
        "The agreement states no goals.",
    ),
    "report.status": Entry(
        "status",
        "status",
    ),
    "report.part": Entry(
        "del",
        "part",
    ),
    "report.baseline": Entry(
        "utgångsvärde",
        "baseline",
    ),
    "report.target": Entry(
        "mål",
        "target",
    ),
    "report.observed": Entry(
        "utfall",
        "observed",
    ),
    "report.observed_on": Entry(
        "per",
        "as of",
    ),
    "report.expected": Entry(
        "rak linje",
        "straight line",
    ),
    "report.gap": Entry(
        "skillnad",
        "gap",
    ),
    "report.basis": Entry(
        "underlag",
        "basis",
    ),
    "report.note": Entry(
        "anmärkning",
        "note",
    ),
    "report.drilldown": Entry(
        "Måluppfyllelse för {goal}",
        "Attainment of {goal}",
    ),
    "report.percent_points": Entry(
        "procentenheter",
        "percentage points",
    ),
    "report.suppressed_result": Entry(
        "dolt (få personer)",
        "hidden (few persons)",
    ),
    "report.combine_EACH": Entry(
        "varje del måste uppnå målet",
        "every part must attain the goal",
    ),
    "report.combine_TOTAL": Entry(
        "summan över delarna avgör; delarna visas för information",
        "the sum over the parts decides; the parts are shown for information",
    ),
    "report.combine_WHOLE_AND_EACH": Entry(
        "både summan och varje del måste uppnå målet",
        "both the sum and every part must attain the goal",
    ),
    "report.deadline": Entry(
        "slutdatum",
        "deadline",
    ),
    "report.gender": Entry(
        "Könsfördelning bland deltagare",
        "Gender balance among participants",
    ),
    "report.gender_intro": Entry(
        "Andel kvinnor och män bland deltagare med känt kön; jämn könsfördelning betyder att varje kön utgör {lower}–{upper}.",
        "Shares of women and men among participants with known sex; balanced means each sex makes up {lower}–{upper}.",
    ),
    "report.gender_caption": Entry(
        "Könsfördelning per jobbspår och totalt",
        "Gender balance per track and in total",
    ),
    "report.track": Entry(
        "jobbspår",
        "track",
    ),
    "report.women": Entry(
        "kvinnor",
        "women",
    ),
    "report.men": Entry(
        "män",
        "men",
    ),
    "report.unknown": Entry(
        "okänt kön",
        "unknown sex",
    ),
    "report.total": Entry(
        "totalt",
        "total",
    ),
    "report.all": Entry(
        "alla deltagare",
        "all participants",
    ),
    "report.women_share": Entry(
        "andel kvinnor",
        "share of women",
    ),
    "report.men_share": Entry(
        "andel män",
        "share of men",
    ),
    "report.verdict": Entry(
        "bedömning",
        "verdict",
    ),
    "report.balanced": Entry(
        "jämn",
        "balanced",
    ),
    "report.not_balanced": Entry(
        "ej jämn",
        "not balanced",
    ),
    "report.cannot_judge": Entry(
        "kan inte bedömas",
        "cannot be judged",
    ),
    "report.no_participants": Entry(
        "Uppföljningsdata innehåller inga deltagare till och med {on}.",
        "The follow-up data holds no participants up to {on}.",
    ),
    "report.mapping": Entry(
        "Kartläggning av deltagarna",
        "Mapping of the participants",
    ),
    "report.mapping_intro": Entry(
        "Antal deltaganden till och med {on}; den som deltagit i två jobbspår räknas i båda.",
        "Participations up to {on}; someone who took part in two tracks counts in both.",
    ),
    "report.findings": Entry(
        "Överensstämmelse i angiven statistik",
        "Consistency of the stated statistics",
    ),
    "report.no_findings": Entry(
        "Inga motsägelser i överenskommelsens angivna statistik.",
        "No contradictions in the agreement's stated statistics.",
    ),
    "report.where": Entry(
        "var",
        "where",
    ),
    "report.finding": Entry(
        "fynd",
        "finding",
    ),
    "report.stated": Entry(
        "angivet",
        "stated",
    ),
    "report.follows": Entry(
        "följer av övriga uppgifter",
        "follows from the other figures",
    ),
    "report.path": Entry(
        "plats i filen",
        "place in the file",
    ),
    "report.about_numbers": Entry(
        "Talen avrundas bara i text; beräkningarna är exakta. Procent skrivs med decimalkomma och mellanslag före procenttecknet.",
        "Numbers are rounded only in text; the computations are exact. Percentages use a decimal point and no space before the sign.",
    ),
    # --- the `dua` command (dua.cli) --------------------------------------------------------
    "cli.reading": Entry("dua: läser {file}", "dua: reading {file}"),
    "cli.reading_followup": Entry("dua: läser uppföljningsdata", "dua: reading the follow-up data"),
    "cli.unused_data": Entry(
        "dua: varning: inget mål använder {item}", "dua: warning: no goal uses {item}"
    ),
    "cli.computing": Entry(
        "dua: beräknar rapporten för {on}", "dua: computing the report for {on}"
    ),
    "cli.no_key_file": Entry(
        "dua: ingen --key-file: pseudonymerna gäller bara denna körning",
        "dua: no --key-file: the pseudonyms are valid for this run only",
    ),
    "cli.testing_persons": Entry(
        (
            "dua: prövar {n} person mot aktivitetsansvaret",
            "dua: prövar {n} personer mot aktivitetsansvaret",
        ),
        (
            "dua: testing {n} person against the activity responsibility",
            "dua: testing {n} persons against the activity responsibility",
        ),
    ),
    "cli.persons": Entry(("{n} person", "{n} personer"), ("{n} person", "{n} persons")),
    "cli.events": Entry(("{n} händelse", "{n} händelser"), ("{n} event", "{n} events")),
    "cli.findings": Entry(("{n} avvikelse", "{n} avvikelser"), ("{n} finding", "{n} findings")),
    "cli.no_findings": Entry("inga avvikelser", "no findings"),
    "cli.ok": Entry("{file}: ok", "{file}: ok"),
    # --- KAA in the command (dua kaa) ------------------------------------------------------
    "kaa.title": Entry(
        "Kommunernas aktivitetsansvar (KAA) {on}",
        "The municipal activity responsibility (KAA) on {on}",
    ),
    "kaa.law_version": Entry("Lagversion", "Law version"),
    "kaa.covered": Entry("Omfattas", "Covered"),
    "kaa.not_covered": Entry("Omfattas inte", "Not covered"),
    "kaa.elsewhere": Entry("Annan hemkommun", "Other home municipality"),
    "kaa.covered_persons": Entry("Omfattade personer (pseudonym)", "Covered persons (pseudonym)"),
    "kaa.unknown_home": Entry("okänd hemkommun", "unknown home municipality"),
    "kaa.unknown": Entry("okänd", "unknown"),
    # --- the schedule in the command (dua schedule) --------------------------------------
    "schedule.no_dates": Entry("utan datum", "no dates"),
    "schedule.note": Entry("obs", "note"),
    # --- notebook tables (dua._html) -------------------------------------------------------
    "notebook.item": Entry("Uppgift", "Item"),
    "notebook.value": Entry("Värde", "Value"),
    "notebook.suppression": Entry(
        "Antal under {threshold} visas som {sign}, liksom antal som skulle avslöja dem "
        "(primär och sekundär röjandekontroll).",
        "Counts below {threshold} are shown as {sign}, as are counts that would reveal "
        "them (primary and secondary disclosure control).",
    ),
    "notebook.yes": Entry("ja", "yes"),
    "notebook.no": Entry("nej", "no"),
}
