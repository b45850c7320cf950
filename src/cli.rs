//! The command line: `postwacht scan`, `baseline`, `rules`, `explain`, `roster check`, `init` and
//! `config`. The settings of `postwacht.toml` and the options given join in [`effective`].
//!
//! Exit status: 0 when nothing at or above `--fail-on` was found, 1 when something was, 2 for a
//! usage, configuration or input error (the message on stderr names the file and, where it
//! applies, the line; the other files are still scanned). A closed pipe on stdout ends quietly.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::baseline::Baseline;
use crate::batch::{Batch, Event, Job};
use crate::export::{self, InputFormat};
use crate::finding::Severity;
use crate::git::{self, Revisions};
use crate::input;
use crate::lexicon::Lexicon;
use crate::progress::Progress;
use crate::protocol::{Protocol, article_summary};
use crate::report::{Format, Summary};
use crate::roster::{ConsentChoice, Medium, Roster};
use crate::rules;
use crate::scan::{Channel, Scanner, Settings};
use crate::terms::SchoolTerms;

mod dutch;
mod effective;
mod fix;

#[derive(Parser, Debug)]
#[command(
    name = "postwacht",
    version,
    about = "Controleert berichten voor sociale media van scholen op wat de schoolprotocollen verbieden.",
    long_about = "postwacht leest een concept, een map met nieuwsbriefberichten of een export van reacties, en meldt \
                  elke passage die het social-mediaprotocol van de school schendt: namen van leerlingen, \
                  persoonsgegevens, vertrouwelijke informatie, beledigingen, discriminatie, bedreigingen, obsceniteit, \
                  een ontbrekende disclaimer en beeldmateriaal zonder toestemming."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Controleer bestanden, mappen of standaardinvoer.
    Scan(ScanArgs),
    /// Accepteer de meldingen van nu: schrijf ze (zonder tekst) naar een baseline, zodat
    /// 'postwacht scan --baseline BESTAND' daarna alleen nieuwe meldingen toont.
    Baseline(BaselineArgs),
    /// Toon alle regels: code, categorie, ernst, samenvatting en artikelen per protocol.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
    },
    /// Leg één regel uit (bijvoorbeeld: postwacht explain PW101).
    Explain {
        /// De code (PW101) of naam (pupil-full-name) van de regel.
        code: String,
    },
    /// Werken met leerlingenlijsten.
    Roster {
        #[command(subcommand)]
        command: RosterCommand,
    },
    /// Schrijf een voorbeeld-postwacht.toml met uitleg in deze map.
    Init {
        /// Schrijf over een bestaand postwacht.toml heen.
        #[arg(long)]
        force: bool,
    },
    /// Verbeter een concept: namen van leerlingen, persoonsgegevens en een ontbrekende
    /// disclaimer past postwacht zelf aan; de verbeterde tekst komt op standaarduitvoer (of met
    /// --write in het bestand, met --diff als verschil). Wat niet aangepast kon worden, staat op
    /// stderr, met wat je kunt doen.
    Fix(fix::FixArgs),
    /// Toon de instellingen die gelden (uit postwacht.toml en de opdrachtregel) en waar elke
    /// waarde vandaan komt; --format json voor een programma.
    Config(ScanArgs),
    /// Voor wie de woordenlijsten onderhoudt: wat de controles in een tekst zien.
    #[command(hide = true)]
    Trace {
        /// De tekst.
        text: String,
    },
}

#[derive(Subcommand, Debug)]
enum RosterCommand {
    /// Laat zien hoe een leerlingenlijst gelezen wordt, en wat eraan opvalt.
    Check {
        /// De leerlingenlijst(en): CSV, Excel-werkmap (klas.xlsx of klas.xlsx:Blad2) of een naam per regel.
        #[arg(required = true, value_name = "BESTAND")]
        files: Vec<PathBuf>,
        /// Geen namen uit de lijst in de uitvoer.
        #[arg(long)]
        redact: bool,
    },
}

#[derive(Args, Debug)]
struct ScanArgs {
    /// Bestanden of mappen (mappen worden doorzocht; verborgen mappen en .git overgeslagen).
    /// Zonder pad, of met -, leest postwacht standaardinvoer.
    #[arg(value_name = "PAD")]
    paths: Vec<PathBuf>,
    /// Leerlingenlijst: CSV, Excel-werkmap (klas.xlsx, of een werkblad: klas.xlsx:Blad2) of een naam
    /// per regel; mag vaker.
    #[arg(long = "roster", value_name = "BESTAND")]
    rosters: Vec<PathBuf>,
    /// De kolom van de leerlingenlijst met de toestemming voor beeldmateriaal die geldt (standaard:
    /// de kolom die bij --channel hoort, zoals "Beeldmateriaal social media").
    #[arg(long = "consent-column", value_name = "KOLOM")]
    consent_column: Option<String>,
    /// Naam van de school of het bestuur zoals mensen die schrijven; mag vaker.
    #[arg(long = "org", value_name = "NAAM")]
    orgs: Vec<String>,
    /// Webdomein van de school of het bestuur (school.nl): algemene adressen daar (info@,
    /// administratie@) zijn geen persoonsgegeven; mag vaker.
    #[arg(long = "org-domain", value_name = "DOMEIN")]
    org_domains: Vec<String>,
    /// Waar het bericht komt te staan.
    #[arg(long, value_enum, default_value_t = ChannelArg::Personal)]
    channel: ChannelArg,
    /// Welke protocollen postwacht aanhaalt (standaard alle vijf); mag vaker.
    #[arg(long = "protocol", value_enum, value_name = "PROTOCOL")]
    protocols: Vec<ProtocolArg>,
    /// Uitvoerformaat.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Wat voor bestand het is (standaard: een export herkend aan de inhoud, .md en .html als
    /// Markdown en HTML naar de extensie, de rest als gewone tekst).
    #[arg(long = "input-format", value_enum, value_name = "FORMAAT")]
    input_format: Option<InputFormat>,
    /// De kolom (kopnaam of nummer) of het JSON-veld met de tekst, bij een CSV- of JSON Lines-export.
    #[arg(long = "text-column", value_name = "KOLOM")]
    text_column: Option<String>,
    /// Vanaf welke ernst postwacht met status 1 eindigt.
    #[arg(long = "fail-on", value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// Geen gevonden tekst en geen inhoud van de leerlingenlijst in de uitvoer.
    #[arg(long)]
    redact: bool,
    /// Aantal threads (standaard: alle kernen).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Geen opmerkingen op stderr, alleen fouten.
    #[arg(long, short)]
    quiet: bool,
    /// Controleer wat de volgende commit toevoegt: de gestagede inhoud van de gestagede bestanden
    /// (niet de werkmap), en meld alleen regels die de commit toevoegt. PAD beperkt de bestanden.
    #[arg(long, conflicts_with = "diff")]
    staged: bool,
    /// Controleer wat HEAD toevoegt sinds VERSIE (zoals git VERSIE...HEAD), of een bereik A..B of
    /// A...B, en meld alleen toegevoegde regels. Voor CI. PAD beperkt de bestanden.
    #[arg(long, value_name = "VERSIE")]
    diff: Option<String>,
    /// Het instellingenbestand (standaard: postwacht.toml in deze map of een map erboven, tot de
    /// bovenste map van de git-repository).
    #[arg(long, value_name = "BESTAND", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Lees geen postwacht.toml.
    #[arg(long)]
    no_config: bool,
    /// Toon alleen meldingen die niet in deze baseline staan (zie postwacht baseline).
    #[arg(long, value_name = "BESTAND")]
    baseline: Option<PathBuf>,
    /// Het geheime sleutelbestand van de baseline (postwacht baseline maakt het als het er nog
    /// niet is). Bewaar het buiten de repository, zoals de leerlingenlijst. Zonder deze optie:
    /// de sleutel uit POSTWACHT_BASELINE_KEY.
    #[arg(long, value_name = "BESTAND")]
    baseline_key: Option<PathBuf>,
    /// The options given on the command line (clap ids), which win over postwacht.toml.
    #[arg(skip)]
    from_command_line: Vec<String>,
    /// The school's own terms, from postwacht.toml.
    #[arg(skip)]
    terms: SchoolTerms,
    /// `postwacht baseline`: write the findings to the baseline instead of reporting them.
    #[arg(skip)]
    write_baseline: bool,
    /// `[fix]` of postwacht.toml, for `postwacht fix`.
    #[arg(skip)]
    fix: fix::FixSettings,
}

#[derive(Args, Debug)]
struct BaselineArgs {
    /// Het baselinebestand dat geschreven wordt (standaard: baseline uit postwacht.toml, anders
    /// postwacht-baseline.json). De sleutel komt uit --baseline-key of POSTWACHT_BASELINE_KEY.
    #[arg(short, long, value_name = "BESTAND")]
    output: Option<PathBuf>,
    #[command(flatten)]
    scan: ScanArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ChannelArg {
    /// Je eigen account: een bericht over school vraagt om een disclaimer.
    Personal,
    /// Het account of de pagina van de school.
    School,
    /// De website van de school.
    Website,
    /// De nieuwsbrief of ouderapp van de school.
    #[value(alias = "nieuwsbrief")]
    Newsletter,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ProtocolArg {
    Sgh,
    Initia,
    Amadeus,
    Oog,
    Compass,
}

impl From<ProtocolArg> for Protocol {
    fn from(p: ProtocolArg) -> Protocol {
        match p {
            ProtocolArg::Sgh => Protocol::Sgh,
            ProtocolArg::Initia => Protocol::Initia,
            ProtocolArg::Amadeus => Protocol::Amadeus,
            ProtocolArg::Oog => Protocol::Oog,
            ProtocolArg::Compass => Protocol::Compass,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FailOn {
    Info,
    Warning,
    Error,
}

impl From<FailOn> for Severity {
    fn from(f: FailOn) -> Severity {
        match f {
            FailOn::Info => Severity::Info,
            FailOn::Warning => Severity::Warning,
            FailOn::Error => Severity::Error,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum RulesFormat {
    Human,
    Json,
}

/// Exit statuses.
pub const CLEAN: u8 = 0;
pub const FOUND: u8 = 1;
pub const TROUBLE: u8 = 2;

/// Parse the arguments and run.
pub fn main() -> ExitCode {
    let matches = Cli::command().try_get_matches().unwrap_or_else(|e| dutch::exit(e));
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| dutch::exit(e));
    let from_command_line = effective::given(&matches);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match cli.command {
        Command::Scan(args) => scan(ScanArgs { from_command_line, ..args }, &mut out),
        Command::Baseline(BaselineArgs { output, scan: args }) => {
            let mut from_command_line = from_command_line;
            if output.is_some() {
                // -o names the baseline as --baseline would: it wins over postwacht.toml's.
                from_command_line.push("baseline".into());
            }
            let baseline = output.or(args.baseline);
            scan(ScanArgs { from_command_line, baseline, write_baseline: true, ..args }, &mut out)
        }
        Command::Fix(args) => fix::run(args, from_command_line, &mut out),
        Command::Config(args) => effective::show(ScanArgs { from_command_line, ..args }, &mut out),
        Command::Init { force } => effective::init(force, &mut out),
        Command::Rules { format } => print_rules(format, &mut out).map(|()| CLEAN),
        Command::Explain { code } => explain(&code, &mut out),
        Command::Roster { command: RosterCommand::Check { files, redact } } => roster_check(&files, redact, &mut out),
        Command::Trace { text } => trace(&text, &mut out),
    };
    let result = result.and_then(|code| out.flush().map(|()| code));
    match result.or_else(quiet_on_broken_pipe) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("postwacht: kan niet schrijven: {e}");
            ExitCode::from(TROUBLE)
        }
    }
}

/// A reader that stops early (`postwacht scan … | head`) is not an error.
fn quiet_on_broken_pipe(e: io::Error) -> io::Result<u8> {
    if e.kind() == io::ErrorKind::BrokenPipe { Ok(CLEAN) } else { Err(e) }
}

fn note(quiet: bool, message: &str) {
    if !quiet {
        eprintln!("postwacht: {message}");
    }
}

fn problem(message: &str) {
    eprintln!("postwacht: fout: {message}");
}

fn settings(args: &ScanArgs) -> Settings {
    let mut protocols: Vec<Protocol> = args.protocols.iter().map(|&p| p.into()).collect();
    if protocols.is_empty() {
        protocols = Protocol::ALL.to_vec();
    }
    protocols.sort();
    protocols.dedup();
    Settings {
        channel: match args.channel {
            ChannelArg::Personal => Channel::Personal,
            ChannelArg::School => Channel::School,
            ChannelArg::Website => Channel::Website,
            ChannelArg::Newsletter => Channel::Newsletter,
        },
        protocols,
        orgs: args.orgs.iter().filter(|o| !o.trim().is_empty()).cloned().collect(),
        org_domains: args
            .org_domains
            .iter()
            .map(|d| d.trim().trim_start_matches('@').to_lowercase())
            .filter(|d| !d.is_empty())
            .collect(),
        terms: args.terms.clone(),
        fingerprint_key: None,
    }
}

fn scan(args: ScanArgs, out: &mut dyn Write) -> io::Result<u8> {
    // Parse the wordlists while the configuration and the rosters are read (a third of a
    // draft's run time); `Scanner::new` waits for it if it is not done yet.
    rayon::spawn(|| {
        let _ = Lexicon::get();
    });
    let (args, baseline, config_path) = match effective::resolve(args).and_then(|e| {
        let baseline = e.baseline()?;
        let config_path = e.config_path().map(Path::to_path_buf);
        Ok((e.args, baseline, config_path))
    }) {
        Ok(resolved) => resolved,
        Err(e) => {
            problem(&e.to_string());
            return Ok(TROUBLE);
        }
    };
    if args.format == Format::Html
        && let Err(message) = crate::deadline::clock::check_now_setting()
    {
        problem(&message);
        return Ok(TROUBLE);
    }
    if let Some(notice) = baseline.as_ref().and_then(Baseline::notice) {
        note(false, notice);
    }
    let fingerprint_key = baseline.as_ref().map(Baseline::key);
    let Some(scanner) = build_scanner(&args, fingerprint_key, args.format == Format::Human) else {
        return Ok(TROUBLE);
    };
    let revisions = if args.staged { Some(Revisions::Staged) } else { args.diff.clone().map(Revisions::Range) };
    let (jobs, walk_errors) = match &revisions {
        None => {
            let (mut sources, errors) = input::collect(&args.paths);
            skip_own_files(&mut sources, &args, config_path.as_deref());
            (sources.into_iter().map(Job::Source).collect::<Vec<_>>(), errors)
        }
        Some(revisions) => match git::changed_files(revisions, &args.paths) {
            Ok(files) => (files.into_iter().map(Job::Changed).collect(), Vec::new()),
            Err(e) => {
                problem(&e.to_string());
                return Ok(TROUBLE);
            }
        },
    };
    let mut errors = 0;
    for e in &walk_errors {
        problem(&e.to_string());
        errors += 1;
    }

    let threads =
        args.threads.filter(|&n| n > 0).unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let batch = Batch {
        scanner: &scanner,
        export: export::Options { format: args.input_format, text_column: args.text_column.clone() },
        redact: args.redact,
        threads,
        keep_texts: args.format.wants_texts(args.redact),
    };
    let mut progress = Progress::new(!args.quiet, jobs.len(), || jobs.iter().map(Job::size).sum());

    let color = args.format == Format::Human
        && io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none()
        && std::env::var("TERM").map_or(true, |t| t != "dumb");
    let (mut printer, mut baseline) = match baseline {
        Some(baseline) if args.write_baseline => (baseline.writer(), None),
        baseline => (args.format.printer(color, args.redact), baseline),
    };
    let mut summary = Summary::default();
    let fail_on = Severity::from(args.fail_on);
    let mut failing = false;
    // The first write error (a closed pipe, a full disk) ends the output; the scan winds down.
    let mut write_error: Option<io::Error> = None;
    batch.run(&jobs, |event| {
        match event {
            Event::Findings(mut findings) => {
                if let Some(baseline) = &mut baseline {
                    *summary.hidden_by_baseline.get_or_insert(0) += baseline.retain_new(&mut findings);
                }
                summary.add(&findings);
                failing |= findings.iter().any(|f| f.severity >= fail_on);
                if write_error.is_none() && !findings.is_empty() {
                    progress.clear();
                    let printed = printer
                        .findings(out, &findings)
                        .and_then(|()| if progress.visible() { out.flush() } else { Ok(()) });
                    write_error = printed.err();
                }
            }
            Event::Done { items, errors: file_errors } => {
                summary.files += 1;
                summary.items += items;
                progress.clear();
                for e in &file_errors {
                    problem(&e.to_string());
                }
                errors += file_errors.len();
                progress.file_done();
            }
            Event::Note(message) => {
                progress.clear();
                note(args.quiet, &message);
            }
            Event::Failed(e) => {
                progress.clear();
                problem(&e.to_string());
                errors += 1;
                progress.file_done();
            }
            Event::Scanned(bytes) => progress.scanned(bytes),
            Event::Text { path, text } => printer.text(&path, &text),
        }
        write_error.is_none()
    });
    progress.clear();
    if let Some(e) = write_error {
        return Err(e);
    }
    summary.errors = errors;
    printer.finish(out, &summary)?;
    // The process ends here: taking the word index apart piece by piece would only delay the
    // answer (a tenth of a draft's run time); the system frees it at once.
    drop(batch);
    std::mem::forget(scanner);
    Ok(if errors > 0 {
        TROUBLE
    } else if failing && !args.write_baseline {
        FOUND
    } else {
        CLEAN
    })
}

/// Leave out the files postwacht reads for itself (rosters, the configuration, the baseline and
/// its key), with a note: a roster in the scanned folder is not a text to publish, and scanning it
/// would report every pupil (issue 11 item 14).
fn skip_own_files(sources: &mut Vec<input::Source>, args: &ScanArgs, config: Option<&Path>) {
    let own: Vec<(PathBuf, &str)> = args
        .rosters
        .iter()
        .map(|p| (p.as_path(), "de leerlingenlijst (--roster)"))
        .chain(config.map(|p| (p, "het instellingenbestand")))
        .chain(args.baseline.as_deref().map(|p| (p, "de baseline")))
        .chain(args.baseline_key.as_deref().map(|p| (p, "de sleutel van de baseline")))
        .filter_map(|(path, what)| std::fs::canonicalize(path).ok().map(|p| (p, what)))
        .collect();
    sources.retain(|source| {
        let input::Source::File(path) = source else { return true };
        let Some((_, what)) = std::fs::canonicalize(path).ok().and_then(|p| own.iter().find(|(o, _)| *o == p)) else {
            return true;
        };
        note(args.quiet, &format!("{}: overgeslagen, dit is {what}", path.display()));
        false
    });
}

/// The scanner for a run: the rosters read and their consent column chosen (notes on stderr),
/// the wordlists built. `None` after an error, which has been reported.
fn build_scanner(
    args: &ScanArgs,
    fingerprint_key: Option<crate::baseline::Key>,
    note_no_roster: bool,
) -> Option<Scanner> {
    let mut roster = Roster::default();
    for path in &args.rosters {
        match Roster::load(path) {
            Ok((r, _)) => roster.extend(r),
            Err(e) => {
                problem(&e.to_string());
                return None;
            }
        }
    }
    let settings = settings(args);
    let choice = match &args.consent_column {
        Some(column) => ConsentChoice::Column(column.clone()),
        None => ConsentChoice::Medium(Medium::of(settings.channel)),
    };
    if !args.rosters.is_empty()
        && let Err(e) = roster.choose_consent(&choice)
    {
        problem(&e.to_string());
        return None;
    }
    for file in roster.files_without_consent_for(&choice) {
        note(
            args.quiet,
            &format!(
                "{file}: geen toestemmingskolom voor dit kanaal; toestemming voor beeldmateriaal geldt als onbekend (kies een kolom met --consent-column)"
            ),
        );
    }
    if args.rosters.is_empty() && note_no_roster {
        note(args.quiet, "geen leerlingenlijst opgegeven (--roster): namen van leerlingen worden niet gecontroleerd.");
    }
    match Scanner::new(Settings { fingerprint_key, ..settings }, roster) {
        Ok(s) => Some(s),
        Err(e) => {
            problem(&format!("interne woordenlijst onjuist: {e}"));
            None
        }
    }
}

fn print_rules(format: RulesFormat, out: &mut dyn Write) -> io::Result<()> {
    match format {
        RulesFormat::Json => {
            let rules: Vec<serde_json::Value> = rules::ALL
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code,
                        "name": r.name,
                        "category": r.category,
                        "severity": r.severity,
                        "severity_per_entry": Lexicon::get().ok().and_then(|l| crate::detect::severities::by_entry(l, r)).map(|(file, counts)| serde_json::json!({"wordlist": file, "error": counts[0], "warning": counts[1], "info": counts[2]})),
                        "summary": r.summary,
                        "articles": r.articles.iter().map(|(p, a)| serde_json::json!({"protocol": p, "articles": a})).collect::<Vec<_>>(),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &rules)?;
            writeln!(out)
        }
        RulesFormat::Human => {
            let lexicon = Lexicon::get().ok();
            writeln!(out, "{:<6} {:<15} {:<13} samenvatting", "code", "categorie", "ernst")?;
            for r in rules::ALL {
                // A rule whose wordlist entries have their own severity says so: "fout*".
                let per_entry = lexicon.and_then(|l| crate::detect::severities::by_entry(l, r));
                let severity = format!("{}{}", r.severity.dutch(), if per_entry.is_some() { "*" } else { "" });
                writeln!(out, "{:<6} {:<15} {:<13} {}", r.code, r.category.as_str(), severity, r.summary)?;
                let articles: Vec<String> =
                    r.articles.iter().map(|(p, a)| format!("{} {}", p.title(), a.join(", "))).collect();
                let articles =
                    if articles.is_empty() { "geen (gaat over postwacht zelf)".into() } else { articles.join(" · ") };
                writeln!(out, "{:<36} artikelen: {articles}", "")?;
            }
            writeln!(
                out,
                "\n* standaard; elk woord in de woordenlijst heeft zijn eigen ernst (zie 'postwacht explain CODE')."
            )
        }
    }
}

fn explain(code: &str, out: &mut dyn Write) -> io::Result<u8> {
    let Some(rule) = rules::find(code) else {
        problem(&format!("onbekende regel '{code}'; 'postwacht rules' toont alle regels"));
        return Ok(TROUBLE);
    };
    writeln!(out, "{} ({})", rule.code, rule.name)?;
    writeln!(out, "Categorie: {} ({})", rule.category.dutch(), rule.category.as_str())?;
    writeln!(out, "Standaard ernst: {}", rule.severity.dutch())?;
    if let Some((file, counts)) = Lexicon::get().ok().and_then(|l| crate::detect::severities::by_entry(l, rule)) {
        writeln!(
            out,
            "Ernst per woord: {}. Elk woord in {file} heeft zijn eigen ernst: {} fout, {} waarschuwing, {} tip. \
             Lichtere woorden (een losse vloek, een vage aanwijzing) zijn een waarschuwing, zodat --fail-on error \
             alleen de zware tegenhoudt.",
            crate::detect::severities::spread(counts),
            counts[0],
            counts[1],
            counts[2]
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", rule.summary)?;
    writeln!(out)?;
    writeln!(out, "{}", rule.explanation)?;
    writeln!(out)?;
    writeln!(out, "Wat kun je doen: {}", rule.advice)?;
    writeln!(out)?;
    if rule.articles.is_empty() {
        writeln!(out, "{}", crate::report::sarif::NO_ARTICLES)?;
    } else {
        writeln!(out, "Artikelen:")?;
    }
    for (protocol, articles) in rule.articles {
        for article in *articles {
            let summary = article_summary(*protocol, article).unwrap_or("");
            writeln!(out, "  {} {}: {}", protocol.title(), article, summary)?;
        }
    }
    if rule.only_when_cited {
        writeln!(out)?;
        writeln!(out, "Deze regel geldt alleen als een gekozen protocol (--protocol) erom vraagt.")?;
    }
    Ok(CLEAN)
}

fn trace(text: &str, out: &mut dyn Write) -> io::Result<u8> {
    match Scanner::new(Settings::default(), Roster::default()) {
        Ok(scanner) => {
            for line in scanner.trace(text) {
                writeln!(out, "{line}")?;
            }
            Ok(CLEAN)
        }
        Err(e) => {
            problem(&format!("interne woordenlijst onjuist: {e}"));
            Ok(TROUBLE)
        }
    }
}

fn roster_check(files: &[PathBuf], redact: bool, out: &mut dyn Write) -> io::Result<u8> {
    let lexicon = match Lexicon::get() {
        Ok(l) => l,
        Err(e) => {
            problem(&format!("interne woordenlijst onjuist: {e}"));
            return Ok(TROUBLE);
        }
    };
    let mut status = CLEAN;
    for (i, file) in files.iter().enumerate() {
        match Roster::load(file) {
            Ok((roster, report)) => {
                if i > 0 {
                    writeln!(out)?;
                }
                let name = file.display().to_string();
                for line in crate::roster::check::describe(&name, &roster, &report, lexicon, redact) {
                    writeln!(out, "{line}")?;
                }
            }
            Err(e) => {
                problem(&e.to_string());
                status = TROUBLE;
            }
        }
    }
    Ok(status)
}
