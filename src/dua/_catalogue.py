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
    "cli.input.stdin_not_utf8": Entry(
        "stdin: överenskommelsen är inte UTF-8-text", "stdin: the agreement is not UTF-8 text"
    ),
    "cli.input.no_followup": Entry(
        "exemplet {name} har inga uppföljningsdata", "the example {name} has no follow-up data"
    ),
    "cli.input.not_a_folder": Entry(
        "{folder}: kan inte skriva filerna: det är inte en mapp",
        "{folder}: cannot write the files: it is not a folder",
    ),
    "cli.input.cannot_create": Entry(
        "{folder}: kan inte skapa mappen: {reason}", "{folder}: cannot create the folder: {reason}"
    ),
    "cli.input.too_many_for_json": Entry(
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
}
