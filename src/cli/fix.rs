//! `postwacht fix`: print the corrected draft (or write it, or show the difference) and list on
//! stderr what could not be fixed, with what to do. The fixing itself is [`crate::fix`].
//!
//! Exit status as for `scan`, judged on what is left: 0 when nothing at or above `--fail-on` is
//! left, 1 when something is, 2 for a usage, configuration or input error.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;

use super::{ChannelArg, FOUND, FailOn, ProtocolArg, ScanArgs, TROUBLE, build_scanner, effective, note, problem};
use crate::export::{self, InputFormat, Opened};
use crate::finding::{Category, Severity};
use crate::fix::{self, DataChoice, NameChoice, Policy, diff};
use crate::input::{self, Loaded, Source};
use crate::markup::Markup;
use crate::report::Format;
use crate::rules;

#[derive(Args, Debug)]
pub(super) struct FixArgs {
    /// Concepten of mappen (Markdown, HTML of gewone tekst). Zonder pad, of met -, leest postwacht
    /// standaardinvoer en schrijft de verbeterde tekst naar standaarduitvoer.
    #[arg(value_name = "PAD")]
    paths: Vec<PathBuf>,
    /// Schrijf de verbeterde tekst terug in het bestand.
    #[arg(long, conflicts_with = "diff")]
    write: bool,
    /// Toon alleen wat er verandert, als unified diff.
    #[arg(long)]
    diff: bool,
    /// Pas ook aan wat de betekenis verandert of op een gok berust: een zin met vertrouwelijke
    /// informatie weglaten, een naam met een tikfout vervangen.
    #[arg(long = "unsafe-fixes")]
    unsafe_fixes: bool,
    /// Leerlingenlijst (zoals bij scan); mag vaker.
    #[arg(long = "roster", value_name = "BESTAND")]
    rosters: Vec<PathBuf>,
    /// De toestemmingskolom van de leerlingenlijst (zoals bij scan).
    #[arg(long = "consent-column", value_name = "KOLOM")]
    consent_column: Option<String>,
    /// Naam van de school of het bestuur; de eerste komt in de disclaimer; mag vaker.
    #[arg(long = "org", value_name = "NAAM")]
    orgs: Vec<String>,
    /// Webdomein van de school of het bestuur; mag vaker.
    #[arg(long = "org-domain", value_name = "DOMEIN")]
    org_domains: Vec<String>,
    /// Waar het bericht komt te staan.
    #[arg(long, value_enum, default_value_t = ChannelArg::Personal)]
    channel: ChannelArg,
    /// Welke protocollen gelden (standaard alle vijf); mag vaker.
    #[arg(long = "protocol", value_enum, value_name = "PROTOCOL")]
    protocols: Vec<ProtocolArg>,
    /// Lees elk bestand als text, markdown of html (standaard: naar de extensie).
    #[arg(long = "input-format", value_enum, value_name = "FORMAAT")]
    input_format: Option<InputFormat>,
    /// Vanaf welke ernst postwacht met status 1 eindigt, gemeten aan wat overblijft.
    #[arg(long = "fail-on", value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// Het instellingenbestand (standaard: postwacht.toml, zoals bij scan).
    #[arg(long, value_name = "BESTAND", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Lees geen postwacht.toml.
    #[arg(long)]
    no_config: bool,
    /// Geen opmerkingen op stderr, alleen fouten en wat niet aangepast kon worden.
    #[arg(long, short)]
    quiet: bool,
}

/// `[fix]` of postwacht.toml, checked.
#[derive(Clone, Debug, Default)]
pub(super) struct FixSettings {
    /// `None`: the strictest rule of the selected protocols.
    pub pupil_name: Option<NameChoice>,
    pub personal_data: DataChoice,
    pub disclaimer: Option<String>,
    pub disclaimer_english: Option<String>,
}

pub(super) fn run(args: FixArgs, from_command_line: Vec<String>, out: &mut dyn Write) -> io::Result<u8> {
    let FixArgs { paths, write, diff: show_diff, unsafe_fixes, .. } = args;
    if let Some(format) = args.input_format
        && !matches!(format, InputFormat::Text | InputFormat::Markdown | InputFormat::Html)
    {
        problem("fix verbetert concepten en berichten (text, markdown, html), geen exports van reacties");
        return Ok(TROUBLE);
    }
    let scan_args = ScanArgs {
        paths: paths.clone(),
        rosters: args.rosters,
        consent_column: args.consent_column,
        orgs: args.orgs,
        org_domains: args.org_domains,
        channel: args.channel,
        protocols: args.protocols,
        format: Format::Human,
        input_format: args.input_format,
        text_column: None,
        fail_on: args.fail_on,
        redact: false,
        threads: None,
        quiet: args.quiet,
        staged: false,
        diff: None,
        config: args.config,
        no_config: args.no_config,
        baseline: None,
        baseline_key: None,
        from_command_line,
        terms: Default::default(),
        write_baseline: false,
        fix: FixSettings::default(),
    };
    let args = match effective::resolve(scan_args) {
        Ok(effective) => effective.args,
        Err(e) => {
            problem(&e.to_string());
            return Ok(TROUBLE);
        }
    };
    let protocols = super::settings(&args).protocols;
    let pupil_name = args.fix.pupil_name.unwrap_or_else(|| NameChoice::strictest(&protocols));
    if !pupil_name.allowed(&protocols) {
        problem(
            "pupil-name = \"first-name\" kan niet met SGH, dat geen enkele naam van een leerling toestaat; \
             kies \"een-leerling\" of \"initial\", of zet protocols in postwacht.toml op de protocollen van je school",
        );
        return Ok(TROUBLE);
    }
    let policy = Policy {
        pupil_name,
        personal_data: args.fix.personal_data,
        disclaimer: args.fix.disclaimer.clone(),
        disclaimer_english: args.fix.disclaimer_english.clone(),
        org: args.orgs.iter().find(|o| !o.trim().is_empty()).cloned(),
        unsafe_fixes,
    };
    let (sources, walk_errors) = input::collect(&paths);
    let mut errors = walk_errors.len();
    for e in &walk_errors {
        problem(&e.to_string());
    }
    if sources.len() > 1 && !write && !show_diff {
        problem("bij meer dan één bestand schrijft fix niet naar standaarduitvoer: kies --write of --diff");
        return Ok(TROUBLE);
    }
    if write && sources.contains(&Source::Stdin) {
        problem("--write kan niet met standaardinvoer; laat --write weg, dan komt de tekst op standaarduitvoer");
        return Ok(TROUBLE);
    }
    let Some(scanner) = build_scanner(&args, None, true) else { return Ok(TROUBLE) };
    let fail_on = Severity::from(args.fail_on);
    let mut failing = false;
    let options = export::Options { format: args.input_format, text_column: None };
    for source in &sources {
        let name = source.display();
        let markup = Markup::of(args.input_format, std::path::Path::new(&name));
        let read = match (source, markup) {
            (Source::File(_), Markup::Markdown | Markup::Html) => input::read(source).map(|loaded| match loaded {
                Loaded::Text { text, encoding } => Some((text, encoding)),
                Loaded::Binary => None,
            }),
            _ => export::read(source, &options, &mut |_| {}).and_then(|opened| match opened {
                Opened::Text { text, encoding } => Ok(Some((text, encoding))),
                Opened::Binary => Ok(None),
                Opened::Export(_) => Err(input::InputError {
                    path: name.clone(),
                    line: None,
                    message: "dit is een export van reacties; fix verbetert alleen concepten en berichten (haal ongepaste reacties weg, zie scan --format html)".into(),
                }),
            }),
        };
        let (text, encoding) = match read {
            Ok(Some(read)) => read,
            Ok(None) => {
                note(args.quiet, &format!("{name}: overgeslagen, geen tekstbestand"));
                continue;
            }
            Err(e) => {
                problem(&e.to_string());
                errors += 1;
                continue;
            }
        };
        if write && encoding.is_lossy() {
            problem(&format!(
                "{name}: is geen zuivere UTF-8 (gelezen als {}); fix schrijft het niet terug, zodat er geen ander teken verandert. Sla het op als UTF-8, of laat --write weg",
                encoding.name()
            ));
            errors += 1;
            continue;
        }
        let outcome = fix::fix(&scanner, &text, markup, &name, &policy);
        if show_diff {
            out.write_all(diff::unified(&name, &text, &outcome.text).as_bytes())?;
        } else if write {
            if outcome.text != text
                && let Err(e) = std::fs::write(&name, outcome.text.as_bytes())
            {
                problem(&format!("{name}: kan niet schrijven: {}", input::describe_io_error(&e)));
                errors += 1;
                continue;
            }
        } else {
            out.write_all(outcome.text.as_bytes())?;
        }
        out.flush()?;
        describe(&name, &outcome, write, args.quiet);
        failing |= outcome.left.iter().any(|l| l.finding.severity >= fail_on);
    }
    Ok(if errors > 0 {
        TROUBLE
    } else if failing {
        FOUND
    } else {
        super::CLEAN
    })
}

/// On stderr: what was fixed (per category) and what was left, with the reason and the advice.
fn describe(name: &str, outcome: &fix::Outcome, written: bool, quiet: bool) {
    let mut per_category: BTreeMap<Category, usize> = BTreeMap::new();
    for f in &outcome.fixed {
        *per_category.entry(f.category).or_default() += 1;
    }
    if !quiet {
        let total = outcome.fixed.len();
        let done = if written { "aangepast en geschreven" } else { "aangepast" };
        let message = match total {
            0 => format!("{name}: niets aangepast"),
            _ => {
                let parts: Vec<String> = per_category.iter().map(|(c, n)| format!("{n}× {}", c.dutch())).collect();
                let what = if total == 1 { "1 melding".to_string() } else { format!("{total} meldingen") };
                format!("{name}: {what} {done}: {}", parts.join(", "))
            }
        };
        note(false, &message);
    }
    if outcome.left.is_empty() {
        return;
    }
    let count = outcome.left.len();
    note(
        false,
        &format!(
            "{name}: {} niet aangepast (regels en kolommen van de verbeterde tekst):",
            if count == 1 { "1 melding".to_string() } else { format!("{count} meldingen") }
        ),
    );
    for left in &outcome.left {
        let f = &left.finding;
        eprintln!(
            "  {}:{}:{}  {} {}  {}: {}",
            name,
            f.line,
            f.column,
            f.severity.dutch(),
            f.rule,
            f.category.dutch(),
            left.reason
        );
        if let Some(rule) = rules::find(f.rule) {
            eprintln!("    Wat kun je doen: {}", rule.advice);
        }
    }
}
