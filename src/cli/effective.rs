//! The settings a run works with: `postwacht.toml` ([`crate::config`]) and the command line
//! together, each value with where it came from; and the commands that show them
//! (`postwacht config`) and start a file (`postwacht init`).
//!
//! The command line wins. Lists of things (`orgs`, `org-domains`, `rosters`) add up: the file's
//! first, then the command line's. Choices (`channel`, `protocols`, `consent-column`, `fail-on`,
//! `format`, `input-format`, `text-column`, `redact`, `baseline`, `baseline-key`) are replaced. Choices in the file
//! are checked against the command line's own names, so both take the same values.

use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use clap::ArgMatches;
use clap::parser::ValueSource;
use toml::Spanned;

use super::fix::FixSettings;
use super::{CLEAN, ChannelArg, FailOn, ProtocolArg, ScanArgs, TROUBLE, problem};
use crate::baseline::{self, Baseline, KeySource};
use crate::config::model::ConsentColumn;
use crate::config::{self, ConfigFile};
use crate::export::InputFormat;
use crate::fix::{DataChoice, NameChoice};
use crate::input::{InputError, describe_io_error};
use crate::lexicon::Lexicon;
use crate::report::Format;
use crate::roster::split_sheet;

/// Where a value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Source {
    Default,
    /// The configuration file, at this line.
    File(usize),
    CommandLine,
}

/// One value of the effective settings (a list has one per element).
#[derive(Clone, Debug)]
struct Setting {
    key: &'static str,
    value: String,
    source: Source,
}

/// The arguments of a run with the configuration file applied.
pub(super) struct Effective {
    pub(super) args: ScanArgs,
    file: Option<PathBuf>,
    shown: Vec<Setting>,
}

impl Effective {
    /// The configuration file the run read, if any.
    pub(super) fn config_path(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The baseline the run reads, or starts to write (`postwacht baseline`).
    pub(super) fn baseline(&self) -> Result<Option<Baseline>, InputError> {
        let path = self.args.baseline.as_deref();
        let key = KeySource::with_file(self.args.baseline_key.clone());
        if self.args.write_baseline {
            return Baseline::start(path.unwrap_or(Path::new(baseline::DEFAULT_FILE)), &key).map(Some);
        }
        path.map(|path| Baseline::open(path, &key)).transpose()
    }
}

/// The clap ids of the options given on the command line, for whichever command runs.
pub(super) fn given(matches: &ArgMatches) -> Vec<String> {
    let Some((_, command)) = matches.subcommand() else { return Vec::new() };
    command
        .ids()
        .filter(|id| command.value_source(id.as_str()) == Some(ValueSource::CommandLine))
        .map(|id| id.as_str().to_string())
        .collect()
}

/// The configuration file that applies: the one given, the one found, or none.
fn config_file(args: &ScanArgs) -> Result<Option<ConfigFile>, InputError> {
    if args.no_config {
        return Ok(None);
    }
    let path = match &args.config {
        Some(path) => path.clone(),
        None => match std::env::current_dir().ok().and_then(|folder| config::discover(&folder)) {
            Some(path) => path,
            None => return Ok(None),
        },
    };
    ConfigFile::load(&path).map(Some)
}

/// Collects the effective settings and where each came from.
struct Resolver<'a> {
    file: Option<&'a ConfigFile>,
    given: &'a [String],
    shown: Vec<Setting>,
}

impl<'a> Resolver<'a> {
    fn on_command_line(&self, id: &str) -> bool {
        self.given.iter().any(|g| g == id)
    }

    fn at<T>(&self, value: &Spanned<T>) -> Source {
        self.file.map_or(Source::Default, |f| Source::File(f.line(&value.span())))
    }

    fn show(&mut self, key: &'static str, value: impl Into<String>, source: Source) {
        self.shown.push(Setting { key, value: value.into(), source });
    }

    /// A choice: the command line's, else the file's (read by `read`), else the default.
    fn choice<T, V>(
        &mut self,
        key: &'static str,
        id: &str,
        slot: &mut T,
        in_file: Option<&'a Spanned<V>>,
        read: impl Fn(&'a ConfigFile, &'a Spanned<V>) -> Result<T, InputError>,
        name: impl Fn(&T) -> String,
    ) -> Result<(), InputError> {
        let source = match (self.on_command_line(id), self.file.zip(in_file)) {
            (true, _) => Source::CommandLine,
            (false, Some((file, value))) => {
                *slot = read(file, value)?;
                self.at(value)
            }
            (false, None) => Source::Default,
        };
        self.show(key, name(slot), source);
        Ok(())
    }

    /// A list: the file's elements, then the command line's.
    fn list<T: Clone>(
        &mut self,
        key: &'static str,
        slot: &mut Vec<T>,
        in_file: &'a [Spanned<String>],
        read: impl Fn(&'a ConfigFile, &'a Spanned<String>) -> Result<T, InputError>,
        name: impl Fn(&T) -> String,
    ) -> Result<(), InputError> {
        let mut from_file = Vec::new();
        if let Some(file) = self.file {
            for value in in_file {
                from_file.push(read(file, value)?);
                let source = self.at(value);
                self.show(key, name(from_file.last().expect("just pushed")), source);
            }
        }
        for value in slot.iter() {
            self.show(key, name(value), Source::CommandLine);
        }
        if slot.is_empty() && from_file.is_empty() {
            self.show(key, "(geen)", Source::Default);
        }
        from_file.append(slot);
        *slot = from_file;
        Ok(())
    }
}

/// A choice written in the file, read as the command line reads it.
fn value_of<T: clap::ValueEnum>(file: &ConfigFile, value: &Spanned<String>) -> Result<T, InputError> {
    T::from_str(value.get_ref(), true).map_err(|_| {
        let names: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value())
            .map(|p| p.get_name().to_string())
            .collect();
        file.error(&value.span(), &format!("onbekende waarde '{}'; kies uit: {}", value.get_ref(), names.join(", ")))
    })
}

/// The command line's name of a choice.
fn name_of<T: clap::ValueEnum>(value: &T) -> String {
    value.to_possible_value().map_or_else(String::new, |p| p.get_name().to_string())
}

/// A path written in the file (relative to its folder), which must exist.
fn existing_path(file: &ConfigFile, value: &Spanned<String>) -> Result<PathBuf, InputError> {
    let path = file.path_in(value.get_ref());
    let (on_disk, _sheet) = split_sheet(&path);
    match std::fs::metadata(&on_disk) {
        Ok(_) => Ok(path),
        Err(e) => Err(file.error(
            &value.span(),
            &format!(
                "{}: {} (paden gelden vanaf de map van {})",
                path.display(),
                describe_io_error(&e),
                config::FILE_NAME
            ),
        )),
    }
}

/// Apply the configuration file (if any) to the command line's arguments.
pub(super) fn resolve(mut args: ScanArgs) -> Result<Effective, InputError> {
    let file = config_file(&args)?;
    let given = std::mem::take(&mut args.from_command_line);
    let mut r = Resolver { file: file.as_ref(), given: &given, shown: Vec::new() };
    let s = file.as_ref().map(|f| &f.settings);

    r.list("orgs", &mut args.orgs, s.map_or(&[][..], |s| &s.orgs), |_, v| Ok(v.get_ref().clone()), Clone::clone)?;
    r.list(
        "org-domains",
        &mut args.org_domains,
        s.map_or(&[][..], |s| &s.org_domains),
        |_, v| Ok(v.get_ref().clone()),
        Clone::clone,
    )?;
    r.choice(
        "channel",
        "channel",
        &mut args.channel,
        s.and_then(|s| s.channel.as_ref()),
        value_of::<ChannelArg>,
        name_of,
    )?;
    r.choice(
        "protocols",
        "protocols",
        &mut args.protocols,
        s.and_then(|s| s.protocols.as_ref()),
        |file, list| list.get_ref().iter().map(|p| value_of::<ProtocolArg>(file, p)).collect(),
        |list| {
            if list.is_empty() { "alle vijf".into() } else { list.iter().map(name_of).collect::<Vec<_>>().join(", ") }
        },
    )?;
    r.list("rosters", &mut args.rosters, s.map_or(&[][..], |s| &s.rosters), existing_path, |p| {
        p.display().to_string()
    })?;
    consent_column(&mut r, &mut args)?;
    r.choice("fail-on", "fail_on", &mut args.fail_on, s.and_then(|s| s.fail_on.as_ref()), value_of::<FailOn>, name_of)?;
    r.choice("format", "format", &mut args.format, s.and_then(|s| s.format.as_ref()), value_of::<Format>, name_of)?;
    r.choice(
        "input-format",
        "input_format",
        &mut args.input_format,
        s.and_then(|s| s.input_format.as_ref()),
        |file, v| value_of::<InputFormat>(file, v).map(Some),
        |v| v.as_ref().map_or_else(|| "(herkend aan inhoud en extensie)".into(), name_of),
    )?;
    r.choice(
        "text-column",
        "text_column",
        &mut args.text_column,
        s.and_then(|s| s.text_column.as_ref()),
        |_, v| Ok(Some(v.get_ref().clone())),
        |v| v.clone().unwrap_or_else(|| "(herkend aan de kopnaam)".into()),
    )?;
    r.choice(
        "redact",
        "redact",
        &mut args.redact,
        s.and_then(|s| s.redact.as_ref()),
        |_, v| Ok(*v.get_ref()),
        |v| v.to_string(),
    )?;
    r.choice(
        "baseline",
        "baseline",
        &mut args.baseline,
        s.and_then(|s| s.baseline.as_ref()),
        |file, v| Ok(Some(file.path_in(v.get_ref()))),
        |v| v.as_ref().map_or_else(|| "(geen)".into(), |p| p.display().to_string()),
    )?;
    r.choice(
        "baseline-key",
        "baseline_key",
        &mut args.baseline_key,
        s.and_then(|s| s.baseline_key.as_ref()),
        |file, v| Ok(Some(file.path_in(v.get_ref()))),
        |v| {
            v.as_ref().map_or_else(
                || format!("(geen; {} als die gezet is)", baseline::KEY_VARIABLE),
                |p| p.display().to_string(),
            )
        },
    )?;
    if let Some(file) = &file {
        let lexicon = Lexicon::get().map_err(|e| InputError {
            path: e.file.clone(),
            line: Some(e.line),
            message: format!("interne woordenlijst onjuist: {}", e.message),
        })?;
        args.terms = file.terms(lexicon)?;
        let section = &file.settings.terms;
        for (extra, spanned) in args.terms.extra.iter().zip(&section.extra) {
            let severity = extra.severity.map_or_else(String::new, |s| format!(", {}", s.dutch()));
            let value = format!("{} ({}{severity})", extra.term, extra.category.dutch());
            let source = r.at(spanned);
            r.show("terms.extra", value, source);
        }
        for (key, list) in [("terms.remove", &section.remove), ("terms.allow", &section.allow)] {
            for term in list {
                let source = r.at(term);
                r.show(key, term.get_ref().clone(), source);
            }
        }
        args.fix = fix_settings(file, &mut r)?;
    }
    let shown = r.shown;
    Ok(Effective { args, file: file.map(|f| f.path), shown })
}

/// `[fix]`: what `postwacht fix` makes of names, personal data and a missing disclaimer.
fn fix_settings(file: &ConfigFile, r: &mut Resolver<'_>) -> Result<FixSettings, InputError> {
    let section = &file.settings.fix;
    let mut settings = FixSettings::default();
    let choice = |value: &Spanned<String>, names: &[&str]| {
        file.error(&value.span(), &format!("onbekende waarde '{}'; kies uit: {}", value.get_ref(), names.join(", ")))
    };
    if let Some(value) = &section.pupil_name {
        let parsed = NameChoice::parse(value.get_ref()).ok_or_else(|| choice(value, &NameChoice::NAMES))?;
        settings.pupil_name = Some(parsed);
        let source = r.at(value);
        r.show("fix.pupil-name", parsed.name(), source);
    }
    if let Some(value) = &section.personal_data {
        settings.personal_data = DataChoice::parse(value.get_ref()).ok_or_else(|| choice(value, &DataChoice::NAMES))?;
        let source = r.at(value);
        r.show("fix.personal-data", settings.personal_data.name(), source);
    }
    for (key, value, slot) in [
        ("fix.disclaimer", &section.disclaimer, &mut settings.disclaimer),
        ("fix.disclaimer-english", &section.disclaimer_english, &mut settings.disclaimer_english),
    ] {
        if let Some(value) = value {
            if value.get_ref().trim().is_empty() {
                return Err(file.error(&value.span(), "de zin is leeg; laat de sleutel weg of schrijf de zin"));
            }
            *slot = Some(value.get_ref().trim().to_string());
            let source = r.at(value);
            r.show(key, value.get_ref().clone(), source);
        }
    }
    Ok(settings)
}

/// `consent-column`: the command line's, else the file's for the run's channel, else the column
/// that goes with the channel.
fn consent_column(r: &mut Resolver<'_>, args: &mut ScanArgs) -> Result<(), InputError> {
    if r.on_command_line("consent_column") {
        let column = args.consent_column.clone().unwrap_or_default();
        r.show("consent-column", column, Source::CommandLine);
        return Ok(());
    }
    let Some((file, written)) = r.file.zip(r.file.and_then(|f| f.settings.consent_column.as_ref())) else {
        r.show("consent-column", "(de kolom die bij het kanaal hoort)", Source::Default);
        return Ok(());
    };
    let (column, at): (Option<String>, Range<usize>) = match written.get_ref() {
        ConsentColumn::All(column) => (Some(column.clone()), written.span()),
        ConsentColumn::PerChannel(pairs) => {
            let mut picked = (None, written.span());
            for (channel, column) in pairs {
                if value_of::<ChannelArg>(file, channel)? == args.channel {
                    picked = (Some(column.get_ref().clone()), column.span());
                }
            }
            picked
        }
    };
    match column {
        Some(column) => {
            args.consent_column = Some(column.clone());
            r.show("consent-column", column, Source::File(file.line(&at)));
        }
        None => r.show("consent-column", "(de kolom die bij het kanaal hoort)", Source::Default),
    }
    Ok(())
}

/// `postwacht config`: the effective settings and where each came from.
pub(super) fn show(args: ScanArgs, out: &mut dyn Write) -> io::Result<u8> {
    let json = args.format == Format::Json && args.from_command_line.iter().any(|g| g == "format");
    let effective = match resolve(args) {
        Ok(effective) => effective,
        Err(e) => {
            problem(&e.to_string());
            return Ok(TROUBLE);
        }
    };
    let file = effective.file.as_ref().map(|p| p.display().to_string());
    if json {
        let settings: Vec<serde_json::Value> = effective
            .shown
            .iter()
            .map(|s| {
                let (source, line) = match s.source {
                    Source::Default => ("default", None),
                    Source::File(line) => ("file", Some(line)),
                    Source::CommandLine => ("command-line", None),
                };
                serde_json::json!({"key": s.key, "value": s.value, "source": source, "line": line})
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &serde_json::json!({"file": file, "settings": settings}))?;
        writeln!(out)?;
        return Ok(CLEAN);
    }
    match &file {
        Some(path) => writeln!(out, "Instellingenbestand: {path}")?,
        None => writeln!(
            out,
            "Geen instellingenbestand (postwacht init maakt er een); alleen standaardwaarden en opdrachtregel."
        )?,
    }
    writeln!(out)?;
    let width = effective.shown.iter().map(|s| s.value.chars().count()).max().unwrap_or(0).min(48);
    let mut previous = "";
    for s in &effective.shown {
        let key = if s.key == previous { "" } else { s.key };
        previous = s.key;
        let source = match s.source {
            Source::Default => "standaard".to_string(),
            Source::File(line) => format!("{}:{line}", file.as_deref().unwrap_or(config::FILE_NAME)),
            Source::CommandLine => "opdrachtregel".to_string(),
        };
        writeln!(out, "{key:<15} {:<width$}  ({source})", s.value)?;
    }
    Ok(CLEAN)
}

/// `postwacht init`: write the commented example in the current folder, never over an existing
/// file unless asked.
pub(super) fn init(force: bool, out: &mut dyn Write) -> io::Result<u8> {
    let path = Path::new(config::FILE_NAME);
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let written = options.open(path).and_then(|mut f| f.write_all(config::TEMPLATE.as_bytes()));
    match written {
        Ok(()) => {
            writeln!(out, "{} geschreven, met uitleg bij elke instelling.", config::FILE_NAME)?;
            writeln!(out, "Haal het # weg voor wat je wilt gebruiken; 'postwacht config' laat zien wat er geldt.")?;
            Ok(CLEAN)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            problem(&format!("{}: bestaat al; met --force schrijf je eroverheen", config::FILE_NAME));
            Ok(TROUBLE)
        }
        Err(e) => {
            problem(&format!("{}: kan niet schrijven: {}", config::FILE_NAME, describe_io_error(&e)));
            Ok(TROUBLE)
        }
    }
}
