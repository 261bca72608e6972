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
    # --- the command's help and usage errors (dua.cli: --help, argparse) -------------------
    # argparse's own texts, by the English text argparse asks gettext for (dua.cli swaps
    # argparse's gettext for the run); `%(...)s` is filled in by argparse afterwards.
    "cli.argparse.usage": Entry("användning: ", "usage: "),
    "cli.argparse.positionals": Entry("argument", "positional arguments"),
    "cli.argparse.options": Entry("flaggor", "options"),
    "cli.argparse.help": Entry(
        "visa den här hjälpen och avsluta", "show this help message and exit"
    ),
    "cli.argparse.version": Entry(
        "visa programmets version och avsluta", "show program's version number and exit"
    ),
    "cli.argparse.heading": Entry("%(heading)s:", "%(heading)s:"),
    "cli.argparse.default": Entry(" (standard: %(default)s)", " (default: %(default)s)"),
    "cli.argparse.warning": Entry(
        "%(prog)s: varning: %(message)s\n", "%(prog)s: warning: %(message)s\n"
    ),
    "cli.argparse.error": Entry("%(prog)s: fel: %(message)s\n", "%(prog)s: error: %(message)s\n"),
    "cli.argparse.argument": Entry(
        "%(argument_name)s: %(message)s", "argument %(argument_name)s: %(message)s"
    ),
    "cli.argparse.required": Entry(
        "följande argument saknas: %s", "the following arguments are required: %s"
    ),
    "cli.argparse.one_of_required": Entry(
        "ett av argumenten %s måste anges", "one of the arguments %s is required"
    ),
    "cli.argparse.not_allowed": Entry(
        "får inte anges tillsammans med %s", "not allowed with argument %s"
    ),
    "cli.argparse.invalid_choice": Entry(
        "ogiltigt val: %(value)r (välj bland %(choices)s)",
        "invalid choice: %(value)r (choose from %(choices)s)",
    ),
    "cli.argparse.invalid_value": Entry(
        "ogiltigt värde (%(type)s): %(value)r", "invalid %(type)s value: %(value)r"
    ),
    "cli.argparse.unknown_parser": Entry(
        "okänt kommando %(parser_name)r (välj bland %(choices)s)",
        "unknown parser %(parser_name)r (choices: %(choices)s)",
    ),
    "cli.argparse.one_value": Entry("ett värde måste anges", "expected one argument"),
    "cli.argparse.at_most_one": Entry("högst ett värde får anges", "expected at most one argument"),
    "cli.argparse.at_least_one": Entry(
        "minst ett värde måste anges", "expected at least one argument"
    ),
    "cli.argparse.values": Entry(
        ("{n} värde måste anges", "{n} värden måste anges"),
        ("expected {n} argument", "expected {n} arguments"),
    ),
    "cli.argparse.unrecognized": Entry("okända argument: %s", "unrecognized arguments: %s"),
    "cli.argparse.ambiguous": Entry(
        "flaggan %(option)s är tvetydig: den kan vara %(matches)s",
        "ambiguous option: %(option)s could match %(matches)s",
    ),
    "cli.argparse.unexpected_option": Entry("oväntad flagga: %s", "unexpected option string: %s"),
    "cli.argparse.explicit_argument": Entry(
        "flaggan tar inget värde, fick %r", "ignored explicit argument %r"
    ),
    "cli.argparse.file_mode": Entry('"-" kan inte öppnas som %r', 'argument "-" with mode %r'),
    "cli.argparse.cannot_open": Entry(
        "kan inte öppna %(filename)s: %(error)s", "can't open '%(filename)s': %(error)s"
    ),
    # The metavars: what an argument is, in capitals.
    "cli.metavar.command": Entry("KOMMANDO", "COMMAND"),
    "cli.metavar.file": Entry("FIL", "FILE"),
    "cli.metavar.name": Entry("NAMN", "NAME"),
    "cli.metavar.date": Entry("DATUM", "DATE"),
    "cli.metavar.path": Entry("SÖKVÄG", "PATH"),
    "cli.metavar.dir": Entry("MAPP", "DIR"),
    "cli.metavar.text": Entry("TEXT", "TEXT"),
    "cli.metavar.code": Entry("KOD", "CODE"),
    "cli.metavar.persons": Entry("PERSONER", "PERSONS"),
    # What the command and each subcommand is for (its description starts with a capital).
    "cli.help.dua": Entry(
        "Lokala överenskommelser om ungas och nyanländas väg till arbete (DUA): filer med "
        "överenskommelser, KAA, uppföljningsrapporter och kalendrar.",
        "Local agreements on youth and newcomer employment (DUA): agreement files, KAA, "
        "follow-up reports and calendars.",
    ),
    "cli.help.validate": Entry("kontrollera filer med överenskommelser", "check agreement files"),
    "cli.help.check": Entry(
        "avvikelser där en överenskommelse motsäger sig själv",
        "findings where an agreement does not agree with itself",
    ),
    "cli.help.show": Entry(
        "skriv ut en läsbar sammanfattning av överenskommelser",
        "print a readable summary of agreements",
    ),
    "cli.help.report": Entry(
        "uppföljningsrapporten: måluppfyllelse, könsfördelning, kartläggning, överensstämmelse",
        "the follow-up report: goal statuses, gender shares, mapping, consistency",
    ),
    "cli.help.kaa": Entry(
        "vilka som omfattas av KAA en viss dag, och varför",
        "who is covered by KAA on a date, and why",
    ),
    "cli.help.schedule": Entry(
        "möten, revideringar och uppföljningar i datumordning",
        "meetings, revisions and follow-ups by date",
    ),
    "cli.help.example": Entry(
        "skriv ut ett medföljande exempels TOML-fil (och dess uppföljningsdata)",
        "write a bundled example's TOML file (and its follow-up data)",
    ),
    "cli.help.schema": Entry(
        "JSON-schemat för filer med överenskommelser", "the JSON Schema of agreement files"
    ),
    # The options.
    "cli.help.lang": Entry(
        "språk för allt som skrivs ut: sv eller en (standard: ${variable}, annars sv)",
        "language of everything printed: sv or en (default: ${variable}, else sv)",
    ),
    "cli.help.files": Entry(
        "filer med överenskommelser (.toml/.json; - för standard in)",
        "agreement files (.toml/.json; - for standard input)",
    ),
    "cli.help.file": Entry(
        "fil med överenskommelsen (- för standard in)", "agreement file (- for standard input)"
    ),
    "cli.help.example_name": Entry(
        "ett medföljande exempel: {names}", "a bundled example: {names}"
    ),
    "cli.help.example_with_data": Entry(
        "ett medföljande exempel, med sina uppföljningsdata: {names}",
        "a bundled example, with its follow-up data: {names}",
    ),
    "cli.help.all_examples": Entry("alla medföljande exempel", "all bundled examples"),
    "cli.help.check_format": Entry("text (standard) eller json", "text (default) or json"),
    "cli.help.strict": Entry(
        "avsluta med status 1 om något avviker", "exit 1 when there are findings"
    ),
    "cli.help.observations": Entry("tabell med utfall", "observations table"),
    "cli.help.participants": Entry("tabell med deltagare", "participants table"),
    "cli.help.events": Entry("händelser (t.ex. starter i jobbspår)", "events (e.g. starts)"),
    "cli.help.meetings": Entry("hållna möten", "meetings held"),
    "cli.help.measures": Entry("indikator → mått", "indicator → measure"),
    "cli.help.sheet": Entry(
        "bladet att läsa i .xlsx-arbetsböcker med flera blad",
        "the sheet to read in .xlsx workbooks with several",
    ),
    "cli.help.report_on": Entry(
        "dagen rapporten gäller (standard: i dag)", "date (default: today)"
    ),
    "cli.help.report_format": Entry("md (standard), html, json", "md (default), html, json"),
    "cli.help.suppress_below": Entry(
        "dölj antal under {n} (röjandekontroll för små tal)",
        "hide counts below {n} (small-cell suppression)",
    ),
    "cli.help.output": Entry(
        "skriv hit i stället för till standard ut (- är standard ut)",
        "write here, not stdout (- is stdout)",
    ),
    "cli.help.stylesheet": Entry(
        "HTML: egen CSS, som läggs efter duas egen (grafisk profil)",
        "HTML: your own CSS, applied after dua's (graphic profile)",
    ),
    "cli.help.logo": Entry(
        "HTML: en logotyp (PNG, JPEG, GIF, WebP, SVG), inbäddad i filen",
        "HTML: a logo (PNG, JPEG, GIF, WebP, SVG), embedded in the file",
    ),
    "cli.help.title": Entry(
        "HTML: rubrikens första ord (standard: {title})",
        "HTML: the heading's first words (default: {title})",
    ),
    "cli.help.quiet": Entry("inga förloppsrader på stderr", "no progress on stderr"),
    "cli.help.quiet_bar": Entry("ingen förloppsindikator på stderr", "no progress bar on stderr"),
    "cli.help.persons": Entry(
        "personregister (CSV eller .xlsx; - för standard in)",
        "person register (CSV or .xlsx; - for standard input)",
    ),
    "cli.help.kaa_on": Entry("dagen som prövas", "the date to test"),
    "cli.help.municipality": Entry("bara denna hemkommun", "only this home municipality"),
    "cli.help.key_file": Entry("nyckel för pseudonymisering", "pseudonymisation key"),
    "cli.help.explain": Entry(
        "villkoren för varje person som omfattas", "each covered person's criteria"
    ),
    "cli.help.kaa_format": Entry(
        (
            "text (standard); csv eller jsonl: en rad per person som omfattas; json: ett "
            "sammanfattande dokument, för högst {n} person som omfattas",
            "text (standard); csv eller jsonl: en rad per person som omfattas; json: ett "
            "sammanfattande dokument, för högst {n} personer som omfattas",
        ),
        (
            "text (default); csv or jsonl: a row per covered person; json: a summary "
            "document, for up to {n} covered person",
            "text (default); csv or jsonl: a row per covered person; json: a summary "
            "document, for up to {n} covered persons",
        ),
    ),
    "cli.help.from": Entry(
        "första dagen (standard: i dag); planerade datum räknas från den",
        "first day (default: today); planned dates count from it",
    ),
    "cli.help.to": Entry(
        "sista dagen (standard: ett år efter --from)", "last day (default: one year after --from)"
    ),
    "cli.help.ics": Entry(
        "skriv också en iCalendar-fil (- är standard ut)",
        "also write an iCalendar file (- is stdout)",
    ),
    "cli.help.data": Entry(
        "skriv också exemplets syntetiska uppföljningsdata som CSV-filer i {dir}",
        "also write its synthetic follow-up CSV files into {dir}",
    ),
    # The end of each `--help`: examples (the command lines are in dua.cli) and exit status.
    "cli.help.examples": Entry("exempel:", "examples:"),
    "cli.help.exit": Entry("slutstatus:", "exit status:"),
    "cli.help.exit_0": Entry("klart", "done"),
    "cli.help.exit_0_valid": Entry(
        "klart (och varje fil är giltig)", "done (and every file is valid)"
    ),
    "cli.help.exit_0_strict": Entry(
        "klart (med --strict: och inga avvikelser)", "done (with --strict: and no findings)"
    ),
    "cli.help.exit_1": Entry(
        "indata är ogiltiga eller kan inte läsas (ett meddelande på stderr)",
        "an input is invalid or cannot be read (one message on stderr)",
    ),
    "cli.help.exit_2": Entry(
        "fel i anropet (en felaktig eller saknad flagga)",
        "usage error (a wrong or missing option)",
    ),
    "cli.help.report_inputs": Entry(
        "{file} och varje datafil kan vara - (standard in; en av dem per körning). Tabeller är "
        "CSV (; , eller tabbseparerade) eller .xlsx-arbetsböcker; en arbetsbok med flera blad "
        "kräver --sheet.",
        "{file} and every data file may be - (standard input; one of them per run). Tables are "
        "CSV (; , or tab-separated) or .xlsx workbooks; a workbook with several sheets needs "
        "--sheet.",
    ),
    "cli.example.validate_one": Entry("kontrollera en fil", "check one agreement file"),
    "cli.example.validate_many": Entry(
        "kontrollera många; varje fil är ok eller får sina fel listade",
        "check many; each is ok or lists its problems",
    ),
    "cli.example.validate_stdin": Entry(
        "kontrollera överenskommelsen på standard in", "check the agreement on standard input"
    ),
    "cli.example.check_one": Entry(
        "det som inte går ihop i överenskommelsen",
        "what the agreement says that does not agree",
    ),
    "cli.example.check_json": Entry(
        "alla medföljande exempel, maskinläsbart", "every bundled example, for machines"
    ),
    "cli.example.check_strict": Entry(
        "status 1 om något avviker (för CI)", "exit 1 when there is a finding (for CI)"
    ),
    "cli.example.show_one": Entry(
        "en läsbar sammanfattning av en överenskommelse", "a readable summary of an agreement"
    ),
    "cli.example.show_english": Entry(
        "alla medföljande exempel, på engelska", "every bundled example, in English"
    ),
    "cli.example.show_stdin": Entry(
        "överenskommelsen på standard in", "the agreement on standard input"
    ),
    "cli.example.report_example": Entry(
        "ett medföljande exempel med sina syntetiska data, som Markdown på standard ut",
        "a bundled example with its synthetic data, as Markdown on stdout",
    ),
    "cli.example.report_workbook": Entry(
        "bladet Blad2 i en arbetsbok; HTML-rapporten till en fil",
        "the sheet Blad2 of a workbook; the HTML report into a file",
    ),
    "cli.example.report_profile": Entry(
        "HTML-rapporten i kommunens egen grafiska profil",
        "the HTML report in the municipality's own look (graphic profile)",
    ),
    "cli.example.report_stdin": Entry(
        "utfallen på standard in (CSV, tabbseparerat eller .xlsx), JSON på standard ut",
        "the observations on standard input (CSV, tab-separated or .xlsx), JSON on stdout",
    ),
    "cli.example.kaa_key": Entry(
        "vilka som omfattas 2024-09-01, per hemkommun, med stabila pseudonymer",
        "who is covered on 2024-09-01, by home municipality, under stable pseudonyms",
    ),
    "cli.example.kaa_explain": Entry(
        "en kommun, med villkoren för varje person som omfattas",
        "one municipality, each covered person's criteria",
    ),
    "cli.example.kaa_stdin": Entry(
        "registret på standard in; --output - är standard ut",
        "the register on standard input; --output - is standard output",
    ),
    "cli.example.schedule_year": Entry(
        "ett års möten, revideringar och uppföljningar",
        "a year of meetings, revisions and follow-ups",
    ),
    "cli.example.schedule_ics": Entry(
        "skriv också en kalenderfil att importera", "also write a calendar file to import"
    ),
    "cli.example.schedule_stdout": Entry(
        "kalendern på standard ut (listan skrivs då till stderr)",
        "the calendar on standard output (the listing then goes to stderr)",
    ),
    "cli.example.example_toml": Entry(
        "överenskommelsens TOML på standard ut", "the agreement's TOML on stdout"
    ),
    "cli.example.example_data": Entry(
        "TOML-filen och exemplets syntetiska uppföljningsdata som CSV-filer",
        "the TOML file and its synthetic follow-up CSV files",
    ),
    "cli.example.schema": Entry(
        "för editorer som fyller i och kontrollerar nycklar",
        "for editors that complete and check keys",
    ),
    # Values argparse refuses (`--on`, `--suppress-below`) and the command's usage errors.
    "cli.usage.date": Entry(
        "inte ett datum: {value} (skriv ÅÅÅÅ-MM-DD, t.ex. 2016-09-30)",
        "not a date: {value} (write YYYY-MM-DD, e.g. 2016-09-30)",
    ),
    "cli.usage.count": Entry(
        "inte ett heltal från 1 och uppåt: {value}", "not a whole number of 1 or more: {value}"
    ),
    "cli.usage.one_stdin": Entry(
        "bara en indatafil kan läsas från standard in (-)",
        "only one input can be read from standard input (-)",
    ),
    "cli.usage.file_or_example": Entry(
        "ange en {file} med en överenskommelse eller --example {name} (en av dem)",
        "give an agreement {file} or --example {name} (one of them)",
    ),
    "cli.usage.needs_agreements": Entry(
        "{command} behöver {file}, --example {name} eller --all-examples",
        "{command} needs {file}, --example {name} or --all-examples",
    ),
    "cli.usage.needs_followup": Entry(
        "report behöver uppföljningsdata: --observations, --participants, --events eller "
        "--meetings (ett medföljande --example har sina egna)",
        "report needs follow-up data: --observations, --participants, --events or "
        "--meetings (a bundled --example brings its own)",
    ),
    "cli.usage.html_only": Entry(
        "--stylesheet, --logo och --title gäller bara --format html",
        "--stylesheet, --logo and --title apply to --format html only",
    ),
    "cli.usage.on_too_late": Entry(
        "--on {on} ligger mer än {years} år efter det sista datum som överenskommelsen "
        "anger, {last} (dua.limits.MAX_SPAN_YEARS)",
        "--on {on} is more than {years} years after the last date the agreement states, "
        "{last} (dua.limits.MAX_SPAN_YEARS)",
    ),
    "cli.usage.to_before_from": Entry(
        "--to {to} ligger före --from {start}", "--to {to} is before --from {start}"
    ),
    "cli.usage.span": Entry(
        "--from {start} --to {to} omfattar mer än {years} år (dua.limits.MAX_SPAN_YEARS)",
        "--from {start} --to {to} spans more than {years} years (dua.limits.MAX_SPAN_YEARS)",
    ),
    # What the command itself cannot do with an input (exit status 1).
    "error.cli.json_limit": Entry(
        (
            "fler än {n} person omfattas: JSON-sammanfattningen är till för små körningar "
            "(dua.cli.JSON_SUMMARY_LIMIT); skriv ett så stort register med --format jsonl "
            "eller --format csv",
            "fler än {n} personer omfattas: JSON-sammanfattningen är till för små körningar "
            "(dua.cli.JSON_SUMMARY_LIMIT); skriv ett så stort register med --format jsonl "
            "eller --format csv",
        ),
        (
            "more than {n} covered person: the JSON summary is for small runs "
            "(dua.cli.JSON_SUMMARY_LIMIT); write a register of this size with --format jsonl "
            "or --format csv",
            "more than {n} covered persons: the JSON summary is for small runs "
            "(dua.cli.JSON_SUMMARY_LIMIT); write a register of this size with --format jsonl "
            "or --format csv",
        ),
    ),
    "cli.rows": Entry("rader", "rows"),  # the unit of `dua kaa`'s progress bar
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
    # --- errors (dua.errors, and every message of an exception or a Problem) -----------
    # Technical names (paths, columns, files, values) are placeholders and stay as they are.
    # The frame of every error message.
    "error.frame.document": Entry("(dokumentet)", "(document)"),
    "error.frame.got": Entry("(värde: {value})", "(got {value})"),
    "error.frame.problems": Entry(
        ("{n} problem:", "{n} problem:"), ("{n} problem:", "{n} problems:")
    ),
    "error.frame.problems_in": Entry(
        ("{n} problem i {source}:", "{n} problem i {source}:"),
        ("{n} problem in {source}:", "{n} problems in {source}:"),
    ),
    "error.frame.more": Entry(
        ("… och {n} till (alla finns i `.problems`)", "… och {n} till (alla finns i `.problems`)"),
        ("… and {n} more (all are in `.problems`)", "… and {n} more (all are in `.problems`)"),
    ),
    "error.validation": Entry(
        ("{n} problem i {source}", "{n} problem i {source}"),
        ("{n} problem in {source}", "{n} problems in {source}"),
    ),
    "error.identity.invalid": Entry(
        "inte ett giltigt identitetsnummer: {reason}{got}",
        "not a valid identity number: {reason}{got}",
    ),
    "error.extra.missing": Entry(
        "{feature} kräver ett tillägg som inte är installerat: {install}",
        "{feature} needs an optional extra: {install}",
    ),
    "error.frames.column": Entry(
        "kolumnen {column}: {problem}{rows}", "column {column}: {problem}{rows}"
    ),
    "error.frames.row": Entry("(rad {rows})", "(row {rows})"),
    "error.frames.rows": Entry("(rader {rows})", "(rows {rows})"),
    "error.example.unknown": Entry(
        "det finns inget medföljande exempel som heter {name}; de som finns: {known}",
        "no bundled example named {name}; known: {known}",
    ),
    "error.programme.unknown": Entry(
        "katalogen har inget program med koden {code}; de som finns: {known}",
        "no programme with code {code} in the catalogue; known: {known}",
    ),
    "error.rule.not_in_force": Entry(
        "{rule}: ingen version gäller den {on}; versionerna gäller från {start} till {end}",
        "{rule}: no version in force on {on}; versions cover {start} to {end}",
    ),
    "error.rule.not_in_force_open": Entry(
        "{rule}: ingen version gäller den {on}; versionerna gäller från och med {start}",
        "{rule}: no version in force on {on}; versions cover {start} onwards",
    ),
    "error.municipality.unknown_name": Entry(
        "ingen svensk kommun heter {name}",
        "no Swedish municipality is called {name}",
    ),
    "error.municipality.unknown_code": Entry(
        "{code} är ingen kommunkod från SCB (fyra siffror, t.ex. '1863' för Hällefors)",
        "{code} is not an SCB municipality code (four digits, e.g. '1863' for Hällefors)",
    ),
    "error.municipality.unknown_county": Entry(
        "{code} är ingen länskod från SCB (två siffror, t.ex. '18' för Örebro län)",
        "{code} is not an SCB county code (two digits, e.g. '18' for Örebro län)",
    ),
    "error.municipality.ambiguous_name": Entry(
        "{name} kan vara vilken som helst av {listed}; skriv å, ä, ö",
        "{name} could be any of {listed}; write å, ä, ö",
    ),
    "error.identity.shape": Entry(
        "skriv ÅÅÅÅMMDD-NNNN, ÅÅÅÅMMDDNNNN, ÅÅMMDD-NNNN, ÅÅMMDD+NNNN eller ÅÅMMDDNNNN",
        "expected YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN, YYMMDD+NNNN or YYMMDDNNNN",
    ),
    "error.identity.check_digit": Entry(
        "kontrollsiffran (Luhn) stämmer inte",
        "the check digit (Luhn) does not match",
    ),
    "error.identity.plus_in_long_form": Entry(
        "'+' hör bara hemma i den tiosiffriga formen; skriv ÅÅÅÅMMDD-NNNN",
        "'+' belongs only in the ten-digit form; write YYYYMMDD-NNNN",
    ),
    "error.identity.needs_on": Entry(
        "ett tiosiffrigt nummer behöver referensdatumet `on` för att visa vilket sekel det gäller",
        "a ten-digit number needs the reference date `on` to tell its century",
    ),
    "error.identity.coordination_day": Entry(
        "samordningsnumrets dag (födelsedagen + 60) är inget datum i kalendern",
        "the coordination-number day (day of birth + 60) is not a calendar date",
    ),
    "error.identity.birth_date": Entry(
        "födelsedatumet är inget datum i kalendern",
        "the birth date is not a calendar date",
    ),
    "error.identity.after_on": Entry(
        "födelsedatumet skulle infalla efter referensdatumet {on}",
        "the birth date would fall after the reference date {on}",
    ),
    "error.identity.organisation_number": Entry(
        "inget organisationsnummer (tio siffror NNNNNN-NNNN med rätt kontrollsiffra enligt Luhn)",
        "not an organisation number (ten digits NNNNNN-NNNN with a correct Luhn check digit)",
    ),
    "error.number.not_finite": Entry(
        "inget ändligt tal: {shown}",
        "not a finite number: {shown}",
    ),
    "error.limit.digits": Entry(
        "ett tal med {digits} siffror; högst {limit} läses (dua.limits.MAX_NUMBER_DIGITS)",
        "a number with {digits} digits; at most {limit} are read (dua.limits.MAX_NUMBER_DIGITS)",
    ),
    "error.limit.exponent": Entry(
        "talet {shown} är för stort eller för litet: tiopotensen måste ligga mellan -{limit} och {limit} (dua.limits.MAX_NUMBER_EXPONENT)",
        "the number {shown} is too large or too small: its power of ten must be between -{limit} and {limit} (dua.limits.MAX_NUMBER_EXPONENT)",
    ),
    "error.limit.whole_digits": Entry(
        "ett heltal med fler än {limit} siffror (dua.limits.MAX_NUMBER_DIGITS)",
        "a whole number of more than {limit} digits (dua.limits.MAX_NUMBER_DIGITS)",
    ),
    "error.date.no_such_day": Entry(
        "den dagen finns inte (skriv ÅÅÅÅ-MM-DD, t.ex. 2015-11-30)",
        "no such day (write YYYY-MM-DD, e.g. 2015-11-30)",
    ),
    "error.date.not_iso": Entry(
        "inget datum skrivet ÅÅÅÅ-MM-DD",
        "not a date written YYYY-MM-DD",
    ),
    "error.number.boolean": Entry(
        "här ska stå ett tal, inte ett sanningsvärde {shown}",
        "expected a number, got a boolean {shown}",
    ),
    "error.number.no_finite_decimal": Entry(
        "{shown} kan inte skrivas som ett decimaltal med ändligt många decimaler",
        "{shown} has no finite decimal expansion",
    ),
    "error.number.not_a_number_decimal": Entry(
        "inget tal: {shown} (skriv t.ex. 21.0, 21,0 eller 1 744)",
        "not a number: {shown} (write e.g. 21.0, 21,0 or 1 744)",
    ),
    "error.number.not_a_number": Entry(
        "inget tal: {shown}",
        "not a number: {shown}",
    ),
    "error.number.wrong_type": Entry(
        "här ska stå ett tal, inte {kind} {shown}",
        "expected a number, got {kind} {shown}",
    ),
    "error.field.empty_text": Entry(
        "får inte vara tom",
        "must be a non-empty text",
    ),
    "error.field.identifier": Entry(
        "ska vara en beteckning av bokstäver, siffror, '-', '_' eller '.' (t.ex. 'borås-vård')",
        "must be an identifier of letters, digits, '-', '_' or '.' (e.g. 'borås-vård')",
    ),
    "error.field.negative": Entry(
        "får inte vara negativt",
        "must not be negative",
    ),
    "error.type.list_not_text": Entry(
        "här ska stå en lista, inte en text {shown}",
        "expected a list, got a text {shown}",
    ),
    "error.organisation.type": Entry(
        "här ska stå en text som '212000-1942', inte {kind} {shown}",
        "expected a text such as '212000-1942', got {kind} {shown}",
    ),
    "error.organisation.invalid": Entry(
        "inget giltigt svenskt organisationsnummer (tio siffror NNNNNN-NNNN med rätt kontrollsiffra enligt Luhn)",
        "not a valid Swedish organisation number (ten digits NNNNNN-NNNN with a correct Luhn check digit)",
    ),
    "error.municipality.code_number": Entry(
        "en kommunkod är en text av fyra siffror, inte talet {shown} (skriv den inom citattecken så att en inledande nolla behålls, t.ex. '0114')",
        "a municipality code is a text of four digits, got the number {shown} (write it in quotes so that a leading zero is kept, e.g. '0114')",
    ),
    "error.municipality.code_type": Entry(
        "här ska stå en text av fyra siffror som '1863', inte {shown}",
        "expected a four-digit text such as '1863', got {shown}",
    ),
    "error.municipality.code_invalid": Entry(
        "ingen kommunkod från SCB (fyra siffror, t.ex. '1863' för Hällefors; se dua.municipalities)",
        "not the SCB code of a Swedish municipality (four digits, e.g. '1863' for Hällefors; see dua.municipalities)",
    ),
    "error.field.age_negative": Entry(
        "en ålder kan inte vara negativ",
        "an age cannot be negative",
    ),
    "error.field.age_order": Entry(
        "den övre åldern får inte vara lägre än den undre åldern {lower}",
        "the upper age must not be below the lower age {lower}",
    ),
    "error.field.end_before_start": Entry(
        "slutet får inte ligga före början {start}",
        "the end must not be before the start {start}",
    ),
    "error.field.times_needs_min": Entry(
        "'gånger per år' kräver min_times",
        "'gånger per år' needs at least min_times",
    ),
    "error.field.times_order": Entry(
        "får inte vara lägre än min_times {lower}",
        "must not be below min_times {lower}",
    ),
    "error.field.month_names": Entry(
        "månaderna numreras 1 (januari) till 12 (december)",
        "months are numbered 1 (January) to 12 (December)",
    ),
    "error.field.duration_unit": Entry(
        "en tidslängd anges i dagar, veckor, månader, år eller timmar",
        "a duration is in days, weeks, months, years or hours",
    ),
    "error.field.duration_bounds": Entry(
        "en tidslängd kräver ett minimum, ett maximum eller båda",
        "a duration needs a minimum, a maximum or both",
    ),
    "error.field.duration_negative": Entry(
        "en tidslängd kan inte vara negativ",
        "a duration cannot be negative",
    ),
    "error.field.duration_order": Entry(
        "får inte vara lägre än minimum {lower}",
        "must not be below the minimum {lower}",
    ),
    "error.field.count_negative": Entry(
        "ett antal kan inte vara negativt",
        "a count cannot be negative",
    ),
    "error.field.numerator_only_share": Entry(
        "bara en andel (enheten 'procent') har en täljare",
        "only a share (unit 'procent') has a numerator",
    ),
    "error.field.partition_empty": Entry(
        "en uppdelning kräver minst en del",
        "a partition needs at least one part",
    ),
    "error.field.partition_total": Entry(
        "summan kan inte vara en av sina egna delar",
        "the total cannot be one of its own parts",
    ),
    "error.field.figure_duplicate": Entry(
        "uppgifternas id måste vara unika",
        "figure ids must be unique",
    ),
    "error.field.figure_unknown": Entry(
        "hänvisar till en uppgift som inte finns här",
        "refers to no figure here",
    ),
    "error.field.party_needs_code": Entry(
        "en kommun som part kräver sin kommunkod från SCB",
        "a municipality party needs its SCB kommunkod",
    ),
    "error.field.between_needs_upper": Entry(
        "ett mål av slaget 'mellan' kräver en övre gräns",
        "a 'mellan' (between) target needs an upper bound",
    ),
    "error.field.upper_order": Entry(
        "får inte vara lägre än värdet {lower}",
        "must not be below the value {lower}",
    ),
    "error.field.upper_only_between": Entry(
        "bara ett mål av slaget 'mellan' har en övre gräns",
        "only a 'mellan' (between) target has an upper bound",
    ),
    "error.field.share_range": Entry(
        "en andel ligger mellan 0 och 100 %",
        "a share is between 0 and 100 %",
    ),
    "error.field.goal_needs_target": Entry(
        "ett mål av slaget '{kind}' kräver minst en målnivå",
        "a '{kind}' goal needs at least one target",
    ),
    "error.field.goal_needs_indicator": Entry(
        "ett mål av slaget '{kind}' måste ange sin indikator",
        "a '{kind}' goal must name its indicator",
    ),
    "error.field.chain_needs_step": Entry(
        "en övergångskedja kräver minst ett steg",
        "a conversion chain needs at least one step",
    ),
    "error.field.steps_only_chain": Entry(
        "bara en övergångskedja ('övergångskedja') har steg",
        "only a conversion chain ('övergångskedja') has steps",
    ),
    "error.field.direction_needed": Entry(
        "ett riktningsmål måste ange 'öka' eller 'minska'",
        "a direction goal must say 'öka' or 'minska'",
    ),
    "error.field.cadence_needs_body": Entry(
        "ett mål om mötesfrekvens måste ange det organ (eller den indikator) som möts",
        "a cadence goal must name the body (or indicator) that meets",
    ),
    "error.field.relative_needs_unit": Entry(
        "ett relativt mål måste ange enheten för sin indikator",
        "a relative goal must state the unit of its indicator",
    ),
    "error.field.units_need_scope": Entry(
        "enheter kräver en nivå som 'per kommun'",
        "units need a scope such as 'per kommun'",
    ),
    "error.field.aggregation_needs_scope": Entry(
        "en sammanvägning kräver en nivå som 'per kommun'",
        "an aggregation needs a scope such as 'per kommun'",
    ),
    "error.field.extent_range": Entry(
        "en omfattning ligger mellan 0 och 100 %",
        "an extent is between 0 and 100 %",
    ),
    "error.field.hours_negative": Entry(
        "antalet timmar kan inte vara negativt",
        "hours cannot be negative",
    ),
    "error.field.stage_duplicate": Entry(
        "stegens id måste vara unika",
        "stage ids must be unique",
    ),
    "error.field.stage_unknown": Entry(
        "anger ett steg som inte finns här",
        "names no stage here",
    ),
    "error.field.registration_needs_category": Entry(
        "en inskrivning kräver en kategorikod eller ett program",
        "a registration needs a category code or a programme",
    ),
    "error.field.outcome_pair": Entry(
        "ett utfall och dess datum hör ihop",
        "an outcome and its date go together",
    ),
    "error.field.month_range": Entry(
        "månaderna numreras 1 till 12",
        "months are numbered 1 to 12",
    ),
    "error.reference.party": Entry(
        "hänvisar till en part som inte finns i överenskommelsen",
        "refers to no party of this agreement",
    ),
    "error.reference.body": Entry(
        "hänvisar till en grupp som inte finns i överenskommelsen",
        "refers to no body of this agreement",
    ),
    "error.reference.goal": Entry(
        "hänvisar till ett mål som inte finns i överenskommelsen",
        "refers to no goal of this agreement",
    ),
    "error.reference.municipality_party": Entry(
        "hänvisar till en kommun som inte är part i överenskommelsen",
        "refers to no municipality party of this agreement",
    ),
    "error.reference.municipality": Entry(
        "hänvisar till en kommun som inte finns i överenskommelsen",
        "refers to no municipality of this agreement",
    ),
    "error.reference.track": Entry(
        "hänvisar till ett jobbspår som inte finns i överenskommelsen",
        "refers to no track of this agreement",
    ),
    "error.reference.target_group": Entry(
        "hänvisar till en målgrupp som inte finns i överenskommelsen",
        "refers to no target group of this agreement",
    ),
    "error.reference.activity": Entry(
        "hänvisar till en aktivitet som inte finns i överenskommelsen",
        "refers to no activity of this agreement",
    ),
    "error.agreement.until_further_notice_end": Entry(
        "en överenskommelse som gäller tills vidare har inget slutdatum i validity",
        "an agreement that runs until further notice has no end date in validity",
    ),
    "error.agreement.duplicate_id": Entry(
        "id:t förekommer mer än en gång",
        "duplicate id",
    ),
    "error.field.public_body_number": Entry(
        "organisationsnumret för {kind} har 2 eller mer som tredje siffra (som numret för en juridisk person, t.ex. 212000-1942); det här är format som ett personnummer",
        "the organisation number of a {kind} has a third digit of 2 or more (a legal person's number, e.g. 212000-1942); this one is shaped like a personal identity number",
    ),
    "error.kind.boolean": Entry(
        "ett sanningsvärde (true/false)",
        "true/false",
    ),
    "error.kind.number": Entry(
        "ett tal",
        "a number",
    ),
    "error.kind.text": Entry(
        "en text",
        "a text",
    ),
    "error.kind.list": Entry(
        "en lista",
        "a list",
    ),
    "error.kind.date": Entry(
        "ett datum",
        "a date",
    ),
    "error.kind.table": Entry(
        "en tabell",
        "a table",
    ),
    "error.structure.expected_text": Entry(
        "här ska stå en text, inte {kind}",
        "expected a text, not {kind}",
    ),
    "error.structure.expected_whole_number": Entry(
        "här ska stå ett heltal, inte {kind}",
        "expected a whole number, not {kind}",
    ),
    "error.structure.expected_boolean": Entry(
        "här ska stå true eller false, inte {kind}",
        "expected true or false, not {kind}",
    ),
    "error.structure.date_with_time": Entry(
        "här ska stå ett datum utan klockslag",
        "expected a date without a time of day",
    ),
    "error.structure.invalid_date": Entry(
        "inget giltigt datum: {shown} (skriv ÅÅÅÅ-MM-DD, t.ex. 2015-11-30)",
        "not a valid date: {shown} (write YYYY-MM-DD, e.g. 2015-11-30)",
    ),
    "error.structure.expected_date": Entry(
        "här ska stå ett datum (ÅÅÅÅ-MM-DD), inte {kind}",
        "expected a date (YYYY-MM-DD), not {kind}",
    ),
    "error.structure.not_one_of": Entry(
        "{shown} är inte något av {allowed}",
        "{shown} is not one of {allowed}",
    ),
    "error.structure.expected_list": Entry(
        "här ska stå en lista, inte {kind}",
        "expected a list, not {kind}",
    ),
    "error.structure.expected_table_of_texts": Entry(
        "här ska stå en tabell med texter, inte {kind}",
        "expected a table of texts, not {kind}",
    ),
    "error.structure.must_be_text": Entry(
        "ska vara en text, inte {kind}",
        "must be a text, not {kind}",
    ),
    "error.structure.expected_table": Entry(
        "här ska stå en tabell, inte {kind}",
        "expected a table, not {kind}",
    ),
    "error.structure.unknown_key": Entry(
        "okänd nyckel (kontrollera stavningen; se `dua schema`)",
        "unknown key (check the spelling; see `dua schema`)",
    ),
    "error.structure.missing_key": Entry(
        "en obligatorisk nyckel saknas",
        "required key is missing",
    ),
    "error.place.line_column": Entry(
        "rad {line}, kolumn {column}",
        "line {line}, column {column}",
    ),
    "error.file.too_deep": Entry(
        "{file}: {place}: nästlad i fler än {limit} nivåer (dua.limits.MAX_DEPTH); en fil med en överenskommelse nästlar omkring sex",
        "{file}: {place}: nested more than {limit} levels deep (dua.limits.MAX_DEPTH); an agreement file nests about six",
    ),
    "error.file.too_many_characters": Entry(
        "{file}: {size} tecken; högst {limit} läses (dua.limits.MAX_FILE_BYTES)",
        "{file}: {size} characters; at most {limit} are read (dua.limits.MAX_FILE_BYTES)",
    ),
    "error.file.too_many_bytes": Entry(
        "{file}: {size} byte; högst {limit} läses (dua.limits.{name})",
        "{file}: {size} bytes; at most {limit} are read (dua.limits.{name})",
    ),
    "error.file.too_many_bytes_more": Entry(
        "{file}: mer än {size} byte; högst {limit} läses (dua.limits.{name})",
        "{file}: more than {size} bytes; at most {limit} are read (dua.limits.{name})",
    ),
    "error.file.constant": Entry(
        "{shown} är inget tal som en fil får innehålla (skriv ett ändligt tal)",
        "{shown} is not a number a file may hold (write a finite number)",
    ),
    "error.file.duplicate_key": Entry(
        "nyckeln anges mer än en gång (den senare skulle i tysthet gälla)",
        "the key is given more than once (a later one would silently win)",
    ),
    "error.file.surrogate": Entry(
        "innehåller ett ensamt surrogattecken \\u{code} vid tecken {position}, vilket inte är något tecken (en JSON-escape \\ud800-\\udfff måste komma i ett giltigt par)",
        "holds a lone surrogate \\u{code} at character {position}, which is not a character (a JSON \\ud800-\\udfff escape must come in a valid pair)",
    ),
    "error.file.invalid_json": Entry(
        "{file}: ogiltig JSON: {reason} ({place})",
        "{file}: not valid JSON: {reason} ({place})",
    ),
    "error.file.invalid_toml": Entry(
        "{file}: ogiltig TOML: {reason}",
        "{file}: not valid TOML: {reason}",
    ),
    "error.file.long_number": Entry(
        "{file}: {place}ett tal med fler än {limit} siffror (dua.limits.MAX_NUMBER_DIGITS)",
        "{file}: {place}a number with more than {limit} digits (dua.limits.MAX_NUMBER_DIGITS)",
    ),
    "error.os.not_found": Entry(
        "filen eller mappen finns inte",
        "no such file or folder",
    ),
    "error.os.permission": Entry(
        "behörighet saknas",
        "permission denied",
    ),
    "error.os.is_folder": Entry(
        "det är en mapp",
        "it is a folder",
    ),
    "error.os.not_folder": Entry(
        "en del av sökvägen är ingen mapp",
        "a part of the path is not a folder",
    ),
    "error.os.no_space": Entry(
        "det finns inget utrymme kvar på enheten",
        "no space left on the device",
    ),
    "error.os.read_only": Entry(
        "filsystemet är skrivskyddat",
        "the file system is read-only",
    ),
    "error.file.unknown_suffix": Entry(
        "{file}: formatet går inte att avgöra av filändelsen {suffix}; använd .toml eller .json",
        "{file}: cannot tell the format from the suffix {suffix}; use .toml or .json",
    ),
    "error.agreement.not_a_table": Entry(
        "en fil med en överenskommelse måste vara en tabell av nycklar",
        "an agreement file must be a table of keys",
    ),
    "error.agreement.schema_version": Entry(
        "schemaversionen stöds inte (den här versionen av dua läser version {version})",
        "unsupported schema version (this release reads version {version})",
    ),
    "error.file.unknown_format": Entry(
        "okänt format {format}; använd 'toml' eller 'json'",
        "unknown format {format}; use 'toml' or 'json'",
    ),
    "error.file.cannot_read": Entry(
        "{file}: filen går inte att läsa: {reason}",
        "{file}: cannot read the file: {reason}",
    ),
    "error.file.not_utf8": Entry(
        "{file}: filen är inte UTF-8-text",
        "{file}: the file is not UTF-8 text",
    ),
    "error.file.cannot_write": Entry(
        "{file}: filen går inte att skriva: {reason}",
        "{file}: cannot write the file: {reason}",
    ),
    "error.file.cannot_write_folder": Entry(
        "{file}: filen går inte att skriva: det är en mapp",
        "{file}: cannot write the file: it is a folder",
    ),
    "error.file.cannot_write_link": Entry(
        "{file}: filen går inte att skriva: länken pekar ingenstans",
        "{file}: cannot write the file: the link points nowhere",
    ),
    "error.table.empty_file": Entry(
        "{file}: filen är tom; den behöver en rubrikrad som namnger kolumnerna ({known})",
        "{file}: the file is empty; it needs a header line naming the columns ({known})",
    ),
    "error.table.csv_syntax": Entry(
        'CSV-filen går inte att läsa härifrån ({reason}); kontrollera citattecknen (ett " inuti ett värde inom citattecken skrivs "")',
        'the CSV cannot be read from here on ({reason}); check the quotes (a " inside a quoted value is written "")',
    ),
    "error.table.cannot_read": Entry(
        "{file}: går inte att läsa ({reason})",
        "{file}: cannot be read ({reason})",
    ),
    "error.table.date": Entry(
        "inget giltigt datum {shown} (skriv ÅÅÅÅ-MM-DD)",
        "not a valid date {shown} (write YYYY-MM-DD)",
    ),
    "error.table.whole_number": Entry(
        "inget heltal ≥ 0: {shown} (skriv t.ex. 171 eller 1 744)",
        "not a whole number ≥ 0: {shown} (write e.g. 171 or 1 744)",
    ),
    "error.table.number": Entry(
        "inget tal: {shown} (skriv t.ex. 21,0 eller 21.0; 1 744 för tusental)",
        "not a number: {shown} (write e.g. 21,0 or 21.0; 1 744 for thousands)",
    ),
    "error.table.choice": Entry(
        "inte något av {allowed}: {shown}",
        "not one of {allowed}: {shown}",
    ),
    "error.table.value_required": Entry(
        "är tom; ett värde krävs här",
        "is empty; a value is required here",
    ),
    "error.table.unnamed_column": Entry(
        "saknar namn; namnge kolumnen eller ta bort den",
        "has no name; name the column or remove it",
    ),
    "error.table.unknown_column": Entry(
        "okänd kolumn {column}; de kända kolumnerna är {known}",
        "unknown column {column}; the known columns are {known}",
    ),
    "error.table.column_twice": Entry(
        "kolumnen {column} finns två gånger (även som {other})",
        "the column {column} is given twice (also as {other})",
    ),
    "error.table.missing_column": Entry(
        "den obligatoriska kolumnen {column} saknas (kolumner som finns: {found})",
        "the required column {column} is missing (columns found: {found})",
    ),
    "error.table.or": Entry(
        " eller ",
        " or ",
    ),
    "error.table.one_of": Entry(
        "kräver exakt en av kolumnerna {columns}",
        "needs exactly one of the columns {columns}",
    ),
    "error.table.one_of_found": Entry(
        (
            "kräver exakt en av kolumnerna {columns}, hittade {n}",
            "kräver exakt en av kolumnerna {columns}, hittade {n}",
        ),
        (
            "needs exactly one of the columns {columns}, found {n}",
            "needs exactly one of the columns {columns}, found {n}",
        ),
    ),
    "error.table.width": Entry(
        (
            'har {n} cell, medan rubrikraden har {width} kolumner (ett värde som innehåller avgränsaren måste stå inom citattecken, t.ex. "21,0")',
            'har {n} celler, medan rubrikraden har {width} kolumner (ett värde som innehåller avgränsaren måste stå inom citattecken, t.ex. "21,0")',
        ),
        (
            'has {n} cell but the header has {width} columns (a value holding the separator must be quoted, e.g. "21,0")',
            'has {n} cells but the header has {width} columns (a value holding the separator must be quoted, e.g. "21,0")',
        ),
    ),
    "error.table.empty_required": Entry(
        "är tom; {column} är obligatorisk ({kind})",
        "is empty; {column} is required ({kind})",
    ),
    "error.table.too_large": Entry(
        "{file}: mer än {limit} byte; större tabeller läses inte (dua.limits.MAX_TABLE_BYTES)",
        "{file}: more than {limit} bytes; larger tables are not read (dua.limits.MAX_TABLE_BYTES)",
    ),
    "error.table.surrogate": Entry(
        "{file}: tecken {position} är ett ensamt surrogattecken, inget tecken; texten är inte giltig Unicode",
        "{file}: character {position} is a lone surrogate, not a character; the text is not valid Unicode",
    ),
    "error.table.not_utf8_byte": Entry(
        "{file}: inte UTF-8-text (byte {position} går inte att läsa); spara den som UTF-8 (i Excel: 'CSV UTF-8 (kommaavgränsad)')",
        "{file}: not UTF-8 text (byte {position} cannot be read); save it as UTF-8 (in Excel: 'CSV UTF-8 (kommaavgränsad)')",
    ),
    "error.table.not_utf8_line": Entry(
        "{file}: inte UTF-8-text (nära rad {line}); spara den som UTF-8 (i Excel: 'CSV UTF-8 (kommaavgränsad)')",
        "{file}: not UTF-8 text (near line {line}); save it as UTF-8 (in Excel: 'CSV UTF-8 (kommaavgränsad)')",
    ),
    "error.table.format_twice": Entry(
        "talformatet {format} multiplicerar med 100 två gånger",
        "the number format {format} multiplies by 100 twice",
    ),
    "error.table.format_mixed": Entry(
        "talformatet {format} visar en del värden som procent och andra inte",
        "the number format {format} shows some values as percentages and others not",
    ),
    "error.table.needs_openpyxl": Entry(
        "{file}: för att läsa .xlsx-arbetsböcker krävs openpyxl; installera det med {install} (eller spara bladet som 'CSV UTF-8')",
        "{file}: reading .xlsx workbooks needs openpyxl; install it with {install} (or save the sheet as 'CSV UTF-8')",
    ),
    "error.table.workbook_large": Entry(
        "{file}: arbetsboken innehåller {size} byte; högst {limit} läses (dua.limits.MAX_TABLE_BYTES)",
        "{file}: the workbook holds {size} bytes; at most {limit} are read (dua.limits.MAX_TABLE_BYTES)",
    ),
    "error.table.workbook_unpacked": Entry(
        "{file}: arbetsboken innehåller {size} byte uppackad; högst {limit} läses (dua.limits.MAX_TABLE_BYTES)",
        "{file}: the workbook holds {size} bytes unpacked; at most {limit} are read (dua.limits.MAX_TABLE_BYTES)",
    ),
    "error.table.bad_workbook": Entry(
        "{file}: ingen läsbar .xlsx-arbetsbok ({kind}); spara den på nytt från Excel som .xlsx eller som 'CSV UTF-8'",
        "{file}: not a readable .xlsx workbook ({kind}); save it again from Excel as .xlsx, or as 'CSV UTF-8'",
    ),
    "error.table.no_sheet": Entry(
        "{file}: inget blad heter {sheet}; bladen är {sheets}",
        "{file}: no sheet named {sheet}; the sheets are {sheets}",
    ),
    "error.table.several_sheets": Entry(
        "{file}: flera blad innehåller data ({sheets}); ange vilket blad som ska läsas",
        "{file}: several sheets hold data ({sheets}); name the sheet to read",
    ),
    "error.table.empty_sheet": Entry(
        "{file}: bladet {sheet} är tomt; dess första rad måste namnge kolumnerna ({known})",
        "{file}: sheet {sheet} is empty; its first row must name the columns ({known})",
    ),
    "error.table.percent_cell": Entry(
        "{file}: blad {sheet}, rad {row}, kolumn {column}: {reason}; formatera cellen som Procent (0,0 %) eller som Tal, så att det är tydligt om den innehåller en procentsats",
        "{file}: sheet {sheet}, row {row}, column {column}: {reason}; format the cell as Procent (0,0 %) or as Tal, so that it is clear whether it holds a percentage",
    ),
    "error.table.xls": Entry(
        "{file}: det gamla Excelformatet .xls läses inte; spara filen som .xlsx eller som 'CSV UTF-8'",
        "{file}: the old Excel format .xls is not read; save it as .xlsx or as 'CSV UTF-8'",
    ),
    "error.table.unknown_suffix": Entry(
        "{file}: formatet går inte att avgöra av filändelsen {suffix}; använd .csv, .tsv eller .xlsx",
        "{file}: cannot tell the format from the suffix {suffix}; use .csv, .tsv or .xlsx",
    ),
    "error.table.no_such_file": Entry(
        "{file}: filen finns inte",
        "{file}: no such file",
    ),
    "error.table.not_a_file": Entry(
        "{file}: ingen fil",
        "{file}: not a file",
    ),
    "error.table.list_item_semicolon": Entry(
        "en post i en lista får inte innehålla ';'",
        "a list item must not contain ';'",
    ),
    "error.table.value_not_object": Entry(
        "här ska stå ett värde, inte ett objekt",
        "expected a value, not an object",
    ),
    "error.table.list_of_objects": Entry(
        "här ska stå en lista av objekt",
        "expected a list of objects",
    ),
    "error.table.object_expected": Entry(
        "här ska stå ett objekt med kolumnerna som nycklar",
        "expected an object with the columns as keys",
    ),
    "error.table.stopped": Entry(
        "läsningen avbröts här efter {limit} problem (dua.io.tables.MAX_STREAM_PROBLEMS); rätta dem först",
        "reading stopped here after {limit} problems (dua.io.tables.MAX_STREAM_PROBLEMS); correct these first",
    ),
    "error.column_kind.text": Entry(
        "text",
        "text",
    ),
    "error.column_kind.date": Entry(
        "datum ÅÅÅÅ-MM-DD",
        "date YYYY-MM-DD",
    ),
    "error.column_kind.whole_number": Entry(
        "heltal ≥ 0",
        "whole number ≥ 0",
    ),
    "error.column_kind.number": Entry(
        "tal (decimalkomma eller decimalpunkt)",
        "number (decimal comma or point)",
    ),
    "error.column_kind.texts": Entry(
        "texter åtskilda av ;",
        "texts separated by ;",
    ),
    "error.column_kind.municipality_code": Entry(
        "kommunkod från SCB, fyra siffror",
        "SCB code, four digits",
    ),
    "error.column_kind.identity_number": Entry(
        "ÅÅÅÅMMDD-NNNN (eller ÅÅMMDD-NNNN)",
        "YYYYMMDD-NNNN (or YYMMDD-NNNN)",
    ),
    "error.column_kind.sex": Entry(
        "kvinna/man (K/M)",
        "kvinna/man (K/M, woman/man)",
    ),
    "error.column_kind.outcome": Entry(
        "arbete/studier/eget företag",
        "arbete/studier/eget företag (work/studies/own business)",
    ),
    "error.column_kind.period": Entry(
        "period 2016, 2016-09 eller 2016-01-01/2016-06-30",
        "period 2016, 2016-09 or 2016-01-01/2016-06-30",
    ),
    "error.followup.period": Entry(
        "ingen period: {shown} (skriv 2016, 2016-09 eller 2016-01-01/2016-06-30, slutet inte före början)",
        "not a period: {shown} (write 2016, 2016-09 or 2016-01-01/2016-06-30, the end not before the start)",
    ),
    "error.followup.date_or_period": Entry(
        "kräver {date} eller {period}",
        "needs a {date} or a {period}",
    ),
    "error.followup.numerator_alone": Entry(
        "en täljare kräver en nämnare",
        "a numerator needs a denominator",
    ),
    "error.followup.denominator_alone": Entry(
        "en nämnare kräver en täljare",
        "a denominator needs a numerator",
    ),
    "error.followup.value_needed": Entry(
        "kräver {value}, eller {numerator} och {denominator}",
        "needs a {value}, or a {numerator} and a {denominator}",
    ),
    "error.followup.numerator_exceeds": Entry(
        "täljaren {numerator} är större än nämnaren {denominator} (delmängden ingår i populationen)",
        "the numerator {numerator} exceeds the denominator {denominator} (the subset is part of the population)",
    ),
    "error.followup.identity_key": Entry(
        "{shown} ser ut som ett personnummer; använd en pseudonym eller ett ärendenummer ({module} pseudonymiserar register med en nyckelfil)",
        "{shown} looks like a personal identity number; use a pseudonymous key or case number ({module} pseudonymises registers with a key file)",
    ),
    "error.followup.end_before_start": Entry(
        "slutet {end} ligger före början {start}",
        "the end {end} is before the start {start}",
    ),
    "error.followup.outcome_needs_date": Entry(
        "ett utfall kräver sitt datum",
        "an outcome needs its date",
    ),
    "error.followup.date_needs_outcome": Entry(
        "ett datum för ett utfall kräver utfallet",
        "a date of an outcome needs the outcome",
    ),
    "error.followup.unknown_measure": Entry(
        "okänt mått {measure}; måtten är {known}",
        "unknown measure {measure}; the measures are {known}",
    ),
    "error.followup.indicator_twice": Entry(
        "indikatorn {indicator} anges redan på {first}; ange varje indikator en gång",
        "the indicator {indicator} is already given on {first}; give each indicator once",
    ),
    "error.followup.not_a_file": Entry(
        "är ingen uppföljningsfil; de filer en mapp kan innehålla är {expected} (eller .xlsx)",
        "is not a follow-up file; the files a folder may hold are {expected} (or .xlsx)",
    ),
    "error.followup.both_in_folder": Entry(
        "{other} finns också i mappen; behåll bara en av dem",
        "{other} is in the folder too; keep only one of them",
    ),
    "error.followup.empty_folder": Entry(
        "{folder}: mappen har inga uppföljningsfiler (väntade någon av {expected})",
        "{folder}: no follow-up files in the folder (expected any of {expected})",
    ),
    "error.followup.not_utf8": Entry(
        "{file}: går inte att läsa som UTF-8-text ({reason})",
        "{file}: cannot be read as UTF-8 text ({reason})",
    ),
    "error.followup.no_such_path": Entry(
        "{file}: mappen eller filen finns inte",
        "{file}: no such folder or file",
    ),
    "error.followup.not_a_folder": Entry(
        "{file}: varken en mapp med uppföljningsfiler eller en .json-fil (för en enstaka tabell, använd {function})",
        "{file}: not a folder of follow-up files or a .json file (for a single table use {function})",
    ),
    "error.followup.json_object": Entry(
        "{file}: här ska stå ett JSON-objekt med listor av rader",
        "{file}: expected a JSON object with lists of rows",
    ),
    "error.followup.unknown_key": Entry(
        "okänd nyckel; de kända nycklarna är {known}",
        "unknown key; the known keys are {known}",
    ),
    "error.followup.measures_object": Entry(
        "här ska stå ett objekt från indikator till mått",
        "expected an object from indicator to measure",
    ),
    "error.followup.synthetic": Entry(
        "här ska stå true eller false",
        "expected true or false",
    ),
    "error.persons.municipality_zero": Entry(
        "ingen kommunkod från SCB: {shown} (fyra siffror, t.ex. 1863 för Hällefors; en inledande nolla kan ha fallit bort: {fixed}?)",
        "not the SCB code of a Swedish municipality: {shown} (four digits, e.g. 1863 for Hällefors; a leading zero may have been lost: {fixed}?)",
    ),
    "error.persons.municipality": Entry(
        "ingen kommunkod från SCB: {shown} (fyra siffror, t.ex. 1863 för Hällefors)",
        "not the SCB code of a Swedish municipality: {shown} (four digits, e.g. 1863 for Hällefors)",
    ),
    "error.persons.identity_in_key": Entry(
        "{shown} ser ut som ett personnummer; ange det i kolumnen personnummer, så att det pseudonymiseras med nyckeln",
        "{shown} looks like a personal identity number; give it in the personnummer column, to be pseudonymised with the key",
    ),
    "error.persons.pseudonym_needs_birth_date": Entry(
        "är tom; en rad med en pseudonym kräver födelsedatumet",
        "is empty; a row with a pseudonym needs the birth date",
    ),
    "error.persons.key_needed": Entry(
        "registret innehåller personnummer, som pseudonymiseras med en hemlig nyckel: ange nyckeln (en nyckelfil, se {function})",
        "the register holds personal identity numbers, which are pseudonymised with a secret key: give the key (a key file, see {function})",
    ),
    "error.persons.birth_date_differs": Entry(
        "{stated} är inte det födelsedatum som personnumret anger",
        "{stated} is not the birth date the identity number states",
    ),
    "error.persons.enrolment_kind": Entry(
        "är tom, fast raden har {column}; ange vilket slags utbildning det är",
        "is empty, but the row has {column}; name the kind of education",
    ),
    "error.persons.enrolment_start": Entry(
        "är tom; en inskrivning kräver sin första dag",
        "is empty; an enrolment needs its first day",
    ),
    "error.persons.differs": Entry(
        "skiljer sig från {first} för samma person; personens kolumner måste stämma överens på varje rad (upprepa en rad bara för att lägga till en inskrivning)",
        "differs from {first} for the same person; a person's columns must agree on every row (repeat a row only to add an enrolment)",
    ),
    "error.persons.apart": Entry(
        "samma person som på en tidigare rad, dock inte raden närmast före: ett register läses som en ström, så personens rader måste följa på varandra (sortera filen efter personnummer eller nyckel)",
        "the same person as on an earlier row, but not the row before: a register is read as a stream, so a person's rows must follow one another (sort the file by personnummer or nyckel)",
    ),
    "error.persons.no_key_file": Entry(
        "{file}: nyckelfilen finns inte",
        "{file}: no such key file",
    ),
    "error.persons.key_file_unreadable": Entry(
        "{file}: går inte att läsa som en nyckelfil i textform",
        "{file}: cannot be read as a text key file",
    ),
    "error.persons.key_file_hex": Entry(
        '{file}: en nyckelfil innehåller nyckeln som hexadecimala siffror 0-9 och a-f (skapa en med: python -c "import secrets; print(secrets.token_hex(32))")',
        '{file}: a key file holds the key as hexadecimal digits 0-9 and a-f (make one with: python -c "import secrets; print(secrets.token_hex(32))")',
    ),
    "error.persons.key_file_short": Entry(
        (
            "{file}: nyckeln har {n} byte; minst {least} behövs (64 hexadecimala siffror från secrets.token_hex(32) rekommenderas)",
            "{file}: nyckeln har {n} byte; minst {least} behövs (64 hexadecimala siffror från secrets.token_hex(32) rekommenderas)",
        ),
        (
            "{file}: the key has {n} byte; at least {least} are needed (64 hexadecimal digits from secrets.token_hex(32) are recommended)",
            "{file}: the key has {n} bytes; at least {least} are needed (64 hexadecimal digits from secrets.token_hex(32) are recommended)",
        ),
    ),
    "error.identity.key_type": Entry(
        "en pseudonymiseringsnyckel måste vara bytes, inte {kind} (t.ex. secrets.token_bytes(32), förvarad utanför koden)",
        "a pseudonymisation key must be bytes, not {kind} (e.g. secrets.token_bytes(32), kept outside the code)",
    ),
    "error.identity.key_short": Entry(
        (
            "en pseudonymiseringsnyckel måste vara minst {least} byte, inte {n} (använd t.ex. secrets.token_bytes(32))",
            "en pseudonymiseringsnyckel måste vara minst {least} byte, inte {n} (använd t.ex. secrets.token_bytes(32))",
        ),
        (
            "a pseudonymisation key must be at least {least} bytes, got {n} (use e.g. secrets.token_bytes(32))",
            "a pseudonymisation key must be at least {least} bytes, got {n} (use e.g. secrets.token_bytes(32))",
        ),
    ),
    "error.identity.column_missing": Entry(
        "kolumnen med personnummer saknas",
        "the identity-number column is missing",
    ),
    "error.identity.derived_column": Entry(
        "härleds ur personnumret; utelämna den här kolumnen",
        "is derived from the identity number; leave this column out",
    ),
    "error.number.not_a_number_percent": Entry(
        "inget tal: {shown} (skriv t.ex. 0.28, 21,0, 21,0 % eller 1 744)",
        "not a number: {shown} (write e.g. 0.28, 21,0, 21,0 % or 1 744)",
    ),
    "error.number.not_percentage": Entry(
        "ingen procentsats: {shown} (t.ex. '7,3 %')",
        "not a percentage: {shown} (expected e.g. '7,3 %')",
    ),
    "error.number.not_swedish_percentage": Entry(
        "ingen procentsats skriven på svenskt vis: {shown} (använd decimalkomma: '7,3 %')",
        "not a Swedish percentage: {shown} (use a decimal comma: '7,3 %')",
    ),
    "error.number.not_whole": Entry(
        "inget heltal: {shown} (t.ex. '1 744')",
        "not a whole number: {shown} (expected e.g. '1 744')",
    ),
    "error.number.count": Entry(
        "{name} måste vara ett heltal ≥ 0, inte {shown}",
        "{name} must be a whole number ≥ 0, got {shown}",
    ),
    "error.number.share_exceeds": Entry(
        "en andels täljare ({numerator}) kan inte vara större än dess nämnare ({denominator}): delmängden ingår i populationen",
        "a share's numerator ({numerator}) cannot exceed its denominator ({denominator}): the subset is part of the population",
    ),
    "error.number.undefined_share": Entry(
        "andelen {subset} av {population} saknar värde: populationen är tom",
        "the share of {subset} in {population} is undefined: the population is empty",
    ),
    "error.number.the_subset": Entry(
        "delmängden",
        "the subset",
    ),
    "error.number.the_population": Entry(
        "populationen",
        "the population",
    ),
    "error.profile.css_end": Entry(
        "'</' skulle avsluta style-elementet",
        "'</' would end the style element",
    ),
    "error.profile.css_import": Entry(
        "'@import' läser in en annan fil; rapporten måste vara fristående (skriv in reglerna)",
        "'@import' loads another file; the report must stay self-contained (inline the rules)",
    ),
    "error.profile.css_url": Entry(
        "url(...) läser in en annan fil (bara data:-URI:er är tillåtna); rapporten måste vara fristående (skriv in reglerna)",
        "url(...) loads another file (only data: URIs are allowed); the report must stay self-contained (inline the rules)",
    ),
    "error.profile.css": Entry(
        "{file}, rad {line}: {problem}",
        "{file}, line {line}: {problem}",
    ),
    "error.profile.logo": Entry(
        "logotypen",
        "logo",
    ),
    "error.profile.stylesheet": Entry(
        "stilmallen",
        "stylesheet",
    ),
    "error.profile.no_file": Entry(
        "{file}: filen finns inte ({what})",
        "{file}: no such {what} file",
    ),
    "error.profile.folder": Entry(
        "{file}: {what} är en mapp, inte en fil",
        "{file}: the {what} is a folder, not a file",
    ),
    "error.profile.cannot_read": Entry(
        "{file}: {what} går inte att läsa: {reason}",
        "{file}: cannot read the {what}: {reason}",
    ),
    "error.profile.logo_empty": Entry(
        "{file}: logotypens fil är tom",
        "{file}: the logo file is empty",
    ),
    "error.profile.logo_large": Entry(
        "{file}: logotypen är {size} byte; högst {limit} byte bäddas in i en rapport (använd en mindre bild)",
        "{file}: the logo is {size} bytes; at most {limit} are embedded in a report (use a smaller image)",
    ),
    "error.profile.logo_format": Entry(
        "{file}: ingen bild i formatet PNG, JPEG, GIF, WebP eller SVG",
        "{file}: not a PNG, JPEG, GIF, WebP or SVG image",
    ),
    "error.profile.stylesheet_utf8": Entry(
        "{file}: stilmallen är inte UTF-8-text",
        "{file}: the stylesheet is not UTF-8 text",
    ),
    "error.programme.duplicate": Entry(
        "en kod får bara förekomma en gång i en katalog (använd {function} för att ersätta en post)",
        "a code can occur only once in a catalogue (use {function} to replace an entry)",
    ),
    "error.programme.part_of": Entry(
        "hänvisar till ett program som inte finns i katalogen",
        "refers to no programme of this catalogue",
    ),
    "error.programme.catalogue_text": Entry(
        "katalogtexten",
        "catalogue text",
    ),
    "error.programme.unknown_key": Entry(
        "okänd nyckel (en katalogfil har bara [[programmes]])",
        "unknown key (a catalogue file has only [[programmes]])",
    ),
    "error.number.expected": Entry(
        "här ska stå ett tal, inte {shown}",
        "expected a number, got {shown}",
    ),
    "error.observation.date_or_period": Entry(
        "en observation av {indicator} kräver ett datum eller en period",
        "an observation of {indicator} needs a date or a period",
    ),
    "error.observation.value_needed": Entry(
        "en observation av {indicator} kräver ett värde eller en täljare och en nämnare",
        "an observation of {indicator} needs a value or a numerator and a denominator",
    ),
    "error.observation.unknown_measure": Entry(
        "indikatorn {indicator}: okänt deltagarmått {measure} (kända: {known})",
        "indicator {indicator}: unknown participant measure {measure} (known: {known})",
    ),
    "error.observation.period": Entry(
        "ingen period: {shown} (skriv 2016, 2016-09 eller 2016-01-01/2016-06-30)",
        "not a period: {shown} (write 2016, 2016-09 or 2016-01-01/2016-06-30)",
    ),
    "error.gender.bound": Entry(
        "en gräns för könsfördelning är en andel mellan 0 och 1 (t.ex. '40 %'), inte {shown}",
        "a balance bound is a share between 0 and 1 (e.g. '40 %'), got {shown}",
    ),
    "error.gender.bounds_order": Entry(
        "den undre gränsen {lower} ligger över den övre {upper}",
        "the lower bound {lower} is above the upper {upper}",
    ),
    "error.agreement.within": Entry(
        "anger ingen uppgift i överenskommelsen (skriv ögonblicksbild-id/uppgift-id)",
        "names no figure of this agreement (use snapshot-id/figure-id)",
    ),
    "error.schedule.range": Entry(
        "intervallets slut får inte ligga före dess början {start}",
        "the end of the range must not be before its start {start}",
    ),
    "error.kaa.municipality": Entry(
        "{code} är ingen kommunkod från SCB (fyra siffror inom citattecken, t.ex. '1863' för Hällefors)",
        "{code} is not the SCB code of a Swedish municipality (four digits in quotes, e.g. '1863' for Hällefors)",
    ),
    "error.date.out_of_range": Entry(
        "{day} flyttat {shift} hamnar utanför kalendern (0001-01-01 till 9999-12-31)",
        "{day} moved by {shift} falls outside the calendar (0001-01-01 to 9999-12-31)",
    ),
    "error.date.days": Entry(
        ("{n} dag", "{n} dagar"),
        ("{n} day", "{n} days"),
    ),
    "error.date.months": Entry(
        ("{n} månad", "{n} månader"),
        ("{n} month", "{n} months"),
    ),
    "error.date.years": Entry(
        ("{n} år", "{n} år"),
        ("{n} year", "{n} years"),
    ),
    "error.report.unknown_chart": Entry(
        "rapporten har inget diagram {chart}; använd något av: {known}",
        "no chart {chart} in this report; use one of: {known}",
    ),
    "error.report.unknown_format": Entry(
        "det finns inget rapportformat {format}; använd något av: {known}",
        "no report format {format}; use one of: {known}",
    ),
    "error.extra.charts": Entry(
        "Att rita diagram",
        "drawing charts",
    ),
    "error.extra.frames": Entry(
        "dua.frames (regler och mått på dataramar)",
        "dua.frames (rules and metrics on data frames)",
    ),
    "error.frames.not_a_period": Entry(
        "inte en period (skriv 2016, 2016-09 eller 2016-01-01/2016-06-30)",
        "not a period (write 2016, 2016-09 or 2016-01-01/2016-06-30)",
    ),
    "error.frames.date_or_period": Entry(
        "en rad behöver ett datum eller en period",
        "a row needs a date or a period",
    ),
    "error.frames.value_mapped_missing": Entry(
        "{argument} kopplar {column} till den, fast ramen med observationer har ingen sådan kolumn",
        "{argument} maps {column} to it, but the observations frame has no such column",
    ),
    "error.frames.value_not_a_number": Entry(
        "här ska stå ett tal för {column}, inte typen {dtype}",
        "expected a number for {column}, got {dtype}",
    ),
    "error.frames.not_a_frame": Entry(
        "här ska stå en dataram (pandas, polars, pyarrow, DuckDB, Dask, PySpark), inte {kind}",
        "expected a data frame (pandas, polars, pyarrow, DuckDB, Dask, PySpark), got {kind}",
    ),
    "error.frames.backend": Entry(
        "okänd motor {backend}; en av {known}",
        "unknown backend {backend}; one of {known}",
    ),
    "error.frames.mapped_missing": Entry(
        "columns= kopplar {column} till den, fast ramen {frame} har ingen sådan kolumn (den har {available})",
        "columns= maps {column} to it, but the {frame} frame has no such column (it has {available})",
    ),
    "error.frames.missing_column": Entry(
        "saknas i ramen {frame} (godtas också: {also}; eller koppla den med {mapping})",
        "missing from the {frame} frame (also accepted: {also}; or map it with {mapping})",
    ),
    "error.frames.type_text": Entry(
        "text",
        "text",
    ),
    "error.frames.type_date": Entry(
        "ett datum",
        "a date",
    ),
    "error.frames.type_integer": Entry(
        "ett heltal",
        "a whole number",
    ),
    "error.frames.type_boolean": Entry(
        "sant/falskt",
        "true/false",
    ),
    "error.frames.type_category": Entry(
        "text (en av kategorins termer)",
        "text (one of the category's terms)",
    ),
    "error.frames.wrong_type": Entry(
        "här ska stå {expected} för {name}, inte typen {dtype}",
        "expected {expected} for {name}, got {dtype}",
    ),
    "error.frames.empty": Entry(
        "är tom",
        "is empty",
    ),
    "error.frames.not_one_of": Entry(
        "inte någon av {terms}",
        "not one of {terms}",
    ),
    "error.frames.same_kind": Entry(
        "personramen och historikramarna måste vara av samma slag (alla ivriga eller alla lata, från samma bibliotek)",
        "the persons frame and the history frames must be of the same kind (all eager or all lazy, from the same library)",
    ),
    "error.frames.problem": Entry(
        "{problem}",
        "{problem}",
    ),
    "error.frames.more": Entry(
        ("; {n} problem till på andra ställen", "; {n} problem till på andra ställen"),
        ("; {n} more problem elsewhere", "; {n} more problems elsewhere"),
    ),
    "error.frames.whole_row": Entry(
        "(hela raden)",
        "(whole row)",
    ),
    "error.frames.in_frame": Entry(
        "i ramen {frame}, {problem}{more}",
        "in the {frame} frame, {problem}{more}",
    ),
    "error.frames.followup_kind": Entry(
        "{file}: inget slags uppföljningsfil ({kind}); ange kind= som en av {known}",
        "{file}: not a kind of follow-up file ({kind}); give kind= one of {known}",
    ),
    "error.frames.unknown_group": Entry(
        "okänd målgrupp {group}; kända: {known}",
        "unknown target group {group}; known: {known}",
    ),
    "error.frames.no_group_column": Entry(
        "det finns ingen sådan kolumn att gruppera efter (ramen har {available})",
        "no such column to group by (the frame has {available})",
    ),
    "error.frames.not_a_dimension": Entry(
        "ingen dimension för kartläggning; dimensionerna är {known}",
        "not a mapping dimension; the dimensions are {known}",
    ),
    "error.frames.dimension_needs": Entry(
        "saknas i personramen, och dimensionen {dimension} behöver den (godtas också: {also})",
        "missing from the persons frame, and the dimension {dimension} needs it (also accepted: {also})",
    ),
    "error.place.line": Entry(
        "rad {line}",
        "line {line}",
    ),
    "error.place.column": Entry(
        ", kolumn ",
        ", column ",
    ),
    "error.place.sheet_row": Entry(
        "blad {sheet}, rad {row}",
        "sheet {sheet}, row {row}",
    ),
    "error.cli.stdin_not_utf8": Entry(
        "stdin: överenskommelsen är inte UTF-8-text",
        "stdin: the agreement is not UTF-8 text",
    ),
    "error.cli.no_followup": Entry(
        "exemplet {name} har inga uppföljningsdata",
        "the example {name} has no follow-up data",
    ),
    "error.cli.not_a_folder": Entry(
        "{folder}: kan inte skriva filerna: det är inte en mapp",
        "{folder}: cannot write the files: it is not a folder",
    ),
    "error.cli.cannot_create": Entry(
        "{folder}: kan inte skapa mappen: {reason}",
        "{folder}: cannot create the folder: {reason}",
    ),
    "error.frames.missing_from_frame": Entry(
        "saknas i ramen (godtas också: {also}; eller koppla den med {mapping})",
        "missing from the frame (also accepted: {also}; or map it with {mapping})",
    ),
    "error.programme.cannot_read": Entry(
        "kan inte läsa {file}: {reason}",
        "cannot read {file}: {reason}",
    ),
    "error.programme.invalid_toml": Entry(
        "{file}: ogiltig TOML ({reason})",
        "{file}: not valid TOML ({reason})",
    ),
    # --- errors: the TOML and JSON parsers' reasons (dua._parser_words) ---
    "error.parser.placed": Entry(
        "{reason} ({place})",
        "{reason} (at {place})",
    ),
    "error.parser.end_of_document": Entry(
        "i slutet av dokumentet",
        "the end of the document",
    ),
    "error.parser.overwrite": Entry(
        "ett värde kan inte skrivas över",
        "a value cannot be overwritten",
    ),
    "error.parser.not_unicode": Entry(
        "det kodade tecknet är inget Unicode-tecken",
        "the escaped character is not a Unicode scalar value",
    ),
    "error.parser.expected_equals": Entry(
        "efter en nyckel ska '=' stå",
        "expected '=' after a key",
    ),
    "error.parser.table_end": Entry(
        "en tabellrubrik ska sluta med ']'",
        "expected ']' at the end of a table heading",
    ),
    "error.parser.array_table_end": Entry(
        "en rubrik för en lista av tabeller ska sluta med ']]'",
        "expected ']]' at the end of a heading of an array of tables",
    ),
    "error.parser.date": Entry(
        "ogiltigt datum eller ogiltig tidpunkt",
        "invalid date or date and time",
    ),
    "error.parser.hex": Entry(
        "ogiltigt hexadecimalt värde",
        "invalid hexadecimal value",
    ),
    "error.parser.key_start": Entry(
        "ogiltigt första tecken i en nyckel",
        "invalid first character of a key",
    ),
    "error.parser.statement": Entry(
        "ogiltig rad",
        "invalid line",
    ),
    "error.parser.statement_end": Entry(
        "efter ett värde ska raden ta slut",
        "expected the end of the line after a value",
    ),
    "error.parser.escape_plain": Entry(
        "ogiltig kod med '\\'",
        "invalid escape with '\\'",
    ),
    "error.parser.value": Entry(
        "ogiltigt värde",
        "invalid value",
    ),
    "error.parser.unclosed_array": Entry(
        "listan avslutas aldrig (']' saknas)",
        "unclosed array (']' is missing)",
    ),
    "error.parser.unclosed_table": Entry(
        "tabellen på en rad avslutas aldrig (en avslutande klammer saknas)",
        "unclosed inline table (the closing brace is missing)",
    ),
    "error.parser.backslash": Entry(
        "ett ensamt '\\' i en text (skriv '\\\\')",
        "a lone '\\' in a string (write '\\\\')",
    ),
    "error.parser.unterminated": Entry(
        "texten avslutas aldrig (ett citattecken saknas)",
        "unterminated string (a quotation mark is missing)",
    ),
    "error.parser.value_expected": Entry(
        "här ska ett värde stå",
        "expected a value",
    ),
    "error.parser.name_expected": Entry(
        "här ska ett namn inom dubbla citattecken stå",
        "expected a name in double quotes",
    ),
    "error.parser.colon_expected": Entry(
        "här ska ':' stå",
        "expected ':'",
    ),
    "error.parser.comma_expected": Entry(
        "här ska ',' stå",
        "expected ','",
    ),
    "error.parser.u_escape": Entry(
        "ogiltig kod \\uXXXX",
        "invalid \\uXXXX escape",
    ),
    "error.parser.extra_data": Entry(
        "mer text efter slutet",
        "more text after the end",
    ),
    "error.parser.trailing_comma": Entry(
        "ett kommatecken före slutet",
        "a comma before the end",
    ),
    "error.parser.declared_twice": Entry(
        "{part} anges två gånger",
        "{part} is declared twice",
    ),
    "error.parser.immutable": Entry(
        "{part} kan inte ändras här",
        "{part} cannot be changed here",
    ),
    "error.parser.redefined": Entry(
        "{part} kan inte definieras om",
        "{part} cannot be defined again",
    ),
    "error.parser.duplicate_key": Entry(
        "nyckeln {part} finns två gånger",
        "the key {part} is given twice",
    ),
    "error.parser.expected": Entry(
        "här ska {part} stå",
        "expected {part}",
    ),
    "error.parser.invalid_character": Entry(
        "ogiltigt tecken {part}",
        "invalid character {part}",
    ),
    "error.parser.illegal_character": Entry(
        "otillåtet tecken {part}",
        "character {part} is not allowed",
    ),
    "error.parser.escape": Entry(
        "ogiltig kod med '\\': {part}",
        "invalid escape with '\\': {part}",
    ),
    "error.parser.control": Entry(
        "otillåtet styrtecken {part}",
        "control character {part} is not allowed",
    ),
    "error.parser.control_plain": Entry(
        "otillåtet styrtecken",
        "a control character is not allowed",
    ),
    # --- errors (end) ---
}
