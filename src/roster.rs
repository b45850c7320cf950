//! Rosters: the pupils whose names must not be published, and their consent for photos.
//!
//! What a file holds is told from its content, not its name:
//! - a workbook (`.xlsx`, `.xls`, `.ods`): the first sheet, or the one named after a colon
//!   (`klas.xlsx:Blad2`; [`workbook`]);
//! - a table (CSV or TSV, separator detected: `;` as Dutch Excel writes it, `,` or tab; in UTF-8,
//!   UTF-8 with BOM, UTF-16 (Excel's "Unicode-tekst") or Windows-1252) with a header row whose
//!   columns are recognised by name ([`Column::recognise`]; rows above the header are skipped);
//! - a plain list with one full name per line ("Jan de Vries", or "Vries, Jan de").
//!
//! A table yields [`table::read`]'s pupils; consent per channel is chosen with
//! [`Roster::choose_consent`]. A roster that yields no pupils is an error: a check against an
//! empty roster would pass every text silently.

pub mod check;
mod columns;
mod consent;
mod table;
mod workbook;

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

use hashbrown::HashTable;

use crate::encoding::{self, Encoding};
use crate::hash::hash_one;
use table::Table;

pub use columns::Column;
pub use consent::{ConsentChoice, Medium, parse_consent};

/// Whether a pupil may appear in photos and video.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Consent {
    Yes,
    No,
    /// The roster has no consent column for this channel.
    #[default]
    Unknown,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pupil {
    /// The first name the pupil goes by (roepnaam).
    pub first: String,
    /// The particle (tussenvoegsel): "de", "van den", … or empty.
    pub particle: String,
    pub last: String,
    /// Other first names the pupil goes by (nicknames from a roster column): matched like `first`.
    pub nicknames: Vec<String>,
    /// The official first name where it differs from the used one: matched in full names only.
    pub official_first: Vec<String>,
    /// Other surnames (particle, surname): the official one where it differs from the used one;
    /// matched in full names only.
    pub other_surnames: Vec<(String, String)>,
    pub group: String,
    /// The consent that applies to the chosen channel (see [`Roster::choose_consent`]).
    pub consent: Consent,
    /// The value in each consent column of the pupil's roster file ([`RosterFile::consent_columns`]).
    pub consents: Vec<Consent>,
    /// Index of the pupil's roster file in [`Roster::files`].
    pub file: u32,
    /// Where the pupil came from, for messages about the roster itself.
    pub line: usize,
}

impl Pupil {
    /// A pupil with just a name (consent unknown).
    pub fn named(first: &str, particle: &str, last: &str) -> Pupil {
        Pupil { first: first.into(), particle: particle.into(), last: last.into(), ..Pupil::default() }
    }
}

/// One roster file that pupils came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RosterFile {
    pub name: String,
    /// Headers of its consent columns.
    pub consent_columns: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct Roster {
    pub pupils: Vec<Pupil>,
    pub files: Vec<RosterFile>,
}

/// What was learnt while reading a roster file (for `postwacht roster check`). Holds headers and
/// line numbers, never a pupil's data.
#[derive(Clone, Debug)]
pub struct RosterReport {
    /// The text encoding; `None` for a workbook.
    pub encoding: Option<Encoding>,
    pub format: String,
    /// Recognised columns: header and what it holds.
    pub columns: Vec<(String, Column)>,
    /// Headers postwacht does not recognise.
    pub unknown_columns: Vec<String>,
    pub problems: Vec<String>,
    /// Consent columns with empty cells (read as no consent), one line per column.
    pub empty_consents: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for RosterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for RosterError {}

/// Particles (tussenvoegsels) as they appear between first name and surname.
const PARTICLES: &[&str] = &[
    "van", "de", "der", "den", "het", "'t", "t", "ter", "ten", "te", "op", "in", "uit", "aan", "bij", "voor", "onder",
    "la", "le", "du", "da", "di", "del", "della", "des", "dos", "von", "zu", "vd", "v.d.", "v/d", "'s",
];

pub fn is_particle(word: &str) -> bool {
    // The particles are ASCII: an ASCII word is compared as it is (a comparison that fails at once
    // on the length), and only other words are lower-cased into a new string.
    if word.is_ascii() {
        PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word))
    } else {
        PARTICLES.contains(&word.to_lowercase().as_str())
    }
}

/// Split a full name ("Jan van der Berg") into first name, particle and surname.
pub fn split_full_name(full: &str) -> (String, String, String) {
    let words: Vec<&str> = full.split_whitespace().collect();
    let Some((first, rest)) = words.split_first() else {
        return (String::new(), String::new(), String::new());
    };
    let particle_len =
        rest.iter().take_while(|w| is_particle(w) && w.chars().next().is_some_and(char::is_lowercase)).count();
    // A surname made only of particles ("Sem de") is a surname after all.
    let particle_len = if particle_len == rest.len() { 0 } else { particle_len };
    (first.to_string(), rest[..particle_len].join(" "), rest[particle_len..].join(" "))
}

/// Split a name as a class list writes it, surname first: "Vries, Daan de", "Bakker, Noor".
fn split_listed_name(name: &str) -> (String, String, String) {
    match name.split_once(',') {
        Some((last, rest)) if !rest.contains(',') && !last.trim().is_empty() && !rest.trim().is_empty() => {
            let mut words: Vec<&str> = rest.split_whitespace().collect();
            let particle_len = words.iter().rev().take_while(|w| is_particle(w)).count().min(words.len() - 1);
            let particle = words.split_off(words.len() - particle_len).join(" ");
            (words.join(" "), particle, last.trim().to_string())
        }
        _ => split_full_name(name),
    }
}

/// A roster as given on the command line: a file, and for a workbook perhaps a sheet
/// (`klas.xlsx:Blad2`).
pub fn split_sheet(spec: &Path) -> (PathBuf, Option<String>) {
    if spec.exists() {
        return (spec.to_path_buf(), None);
    }
    let text = spec.to_string_lossy();
    if let Some((file, sheet)) = text.rsplit_once(':') {
        let lower = file.to_lowercase();
        let workbook = [".xlsx", ".xlsm", ".xls", ".ods"].iter().any(|x| lower.ends_with(x));
        if workbook && !sheet.is_empty() {
            return (PathBuf::from(file), Some(sheet.to_string()));
        }
    }
    (spec.to_path_buf(), None)
}

impl Roster {
    /// Read a roster file (`klas.csv`, `klas.xlsx`, `klas.xlsx:Blad2`).
    pub fn load(spec: &Path) -> Result<(Roster, RosterReport), RosterError> {
        let (path, sheet) = split_sheet(spec);
        let file = spec.display().to_string();
        let bytes = std::fs::read(&path).map_err(|e| RosterError {
            file: path.display().to_string(),
            line: None,
            message: format!("kan de leerlingenlijst niet lezen: {}", crate::input::describe_io_error(&e)),
        })?;
        Roster::parse_sheet(&file, &bytes, sheet.as_deref())
    }

    /// Read a roster from bytes; `file` names it in messages.
    pub fn parse(file: &str, bytes: &[u8]) -> Result<(Roster, RosterReport), RosterError> {
        Roster::parse_sheet(file, bytes, None)
    }

    /// Read a roster from bytes, taking sheet `sheet` of a workbook (else its first sheet).
    pub fn parse_sheet(file: &str, bytes: &[u8], sheet: Option<&str>) -> Result<(Roster, RosterReport), RosterError> {
        let err = |line: Option<usize>, message: String| RosterError { file: file.to_string(), line, message };
        let (table, mut report, plain_text) = if workbook::looks_like_workbook(bytes) {
            let (table, name) = workbook::read(bytes, sheet).map_err(|m| err(None, m))?;
            let report = new_report(None, format!("Excel-werkmap, werkblad '{name}'"));
            (table, report, None)
        } else {
            if sheet.is_some() {
                return Err(err(None, "alleen een werkmap (.xlsx, .xls, .ods) heeft werkbladen".into()));
            }
            let (text, encoding) = decode_roster(bytes).ok_or_else(|| {
                err(
                    None,
                    "dit is geen tekstbestand en geen werkmap; sla de leerlingenlijst op als .xlsx of als CSV (gescheiden door lijstscheidingsteken)".into(),
                )
            })?;
            let (table, format) = match csv_table(&text) {
                Ok((table, b';')) => (table, "tabel, gescheiden door puntkomma's"),
                Ok((table, b'\t')) => (table, "tabel, gescheiden door tabs"),
                Ok((table, _)) => (table, "tabel, gescheiden door komma's"),
                Err((line, message)) if is_table_name(file) => return Err(err(Some(line), message)),
                // Not CSV after all (a quote in a name): a plain list.
                Err(_) => (Table::default(), ""),
            };
            (table, new_report(Some(encoding), format.into()), Some(text))
        };

        let mut roster =
            Roster { pupils: Vec::new(), files: vec![RosterFile { name: file.to_string(), ..Default::default() }] };
        match table.layout() {
            Some(layout) => {
                let outcome = table::read(&table, &layout);
                for (header, column) in layout.headers.iter().zip(&layout.columns) {
                    match column {
                        Some(c) => report.columns.push((header.clone(), *c)),
                        None if !header.is_empty() => report.unknown_columns.push(header.clone()),
                        None => {}
                    }
                }
                if !report.unknown_columns.is_empty() {
                    report.problems.insert(
                        0,
                        format!("onbekende kolommen (niet gebruikt): {}", report.unknown_columns.join(", ")),
                    );
                }
                roster.files[0].consent_columns = outcome.consent_columns;
                roster.pupils = outcome.pupils;
                report.problems.extend(outcome.problems);
                report.empty_consents = outcome.empty_consents;
            }
            None => {
                let first_row = table.rows().find(|row| row.cells().any(|c| !c.trim().is_empty()));
                let is_list = plain_text.is_some() && table.rows().all(|row| row.len() <= 1);
                let listed_by_name = plain_text.is_some() && !is_table_name(file);
                match (plain_text, first_row) {
                    (Some(text), _) if is_list || listed_by_name => {
                        roster.pupils = parse_list(&text);
                        report.format = "lijst met een naam per regel".into();
                    }
                    (_, Some(row)) => {
                        // Show the headers only when the row is a header row: a file without one
                        // starts with a pupil, whose data must not end up in a message.
                        let is_header = row.cells().any(|c| Column::recognise(c).is_some());
                        let headers: Vec<&str> = row.cells().map(|h| h.trim()).filter(|h| !h.is_empty()).collect();
                        let shown = if is_header { format!(" ({})", headers.join(", ")) } else { String::new() };
                        return Err(err(
                            Some(row.line),
                            format!(
                                "geen kolom met namen herkend in de kopregel{shown}; verwacht bijvoorbeeld Roepnaam, Tussenvoegsel, Achternaam"
                            ),
                        ));
                    }
                    _ => {}
                }
            }
        }
        if roster.pupils.is_empty() {
            return Err(err(None, "de leerlingenlijst bevat geen leerlingen".into()));
        }
        report.problems.extend(duplicate_problems(&roster));
        roster.choose_consent(&ConsentChoice::Medium(Medium::SocialMedia))?;
        Ok((roster, report))
    }

    /// Add the pupils of another roster.
    pub fn extend(&mut self, other: Roster) {
        let offset = self.files.len() as u32;
        self.files.extend(other.files);
        self.pupils.extend(other.pupils.into_iter().map(|mut p| {
            p.file += offset;
            p
        }));
    }
}

fn new_report(encoding: Option<Encoding>, format: String) -> RosterReport {
    RosterReport {
        encoding,
        format,
        columns: Vec::new(),
        unknown_columns: Vec::new(),
        problems: Vec::new(),
        empty_consents: Vec::new(),
    }
}

fn is_table_name(file: &str) -> bool {
    let lower = file.to_lowercase();
    lower.ends_with(".csv") || lower.ends_with(".tsv")
}

/// Text from a roster's bytes, without byte order marks: UTF-16 with a BOM (Excel's
/// "Unicode-tekst"), else as [`encoding::decode`] reads text (borrowed when it is UTF-8). `None`
/// for other binary content.
fn decode_roster(bytes: &[u8]) -> Option<(Cow<'_, str>, Encoding)> {
    let (text, encoding) = match encoding::decode_utf16(bytes) {
        Some((text, encoding)) => (Cow::Owned(text), encoding),
        None if encoding::looks_binary(bytes) => return None,
        None => encoding::decode(bytes),
    };
    let text = match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim_start_matches('\u{FEFF}')),
        Cow::Owned(mut text) => {
            let bom = text.len() - text.trim_start_matches('\u{FEFF}').len();
            text.drain(..bom);
            Cow::Owned(text)
        }
    };
    Some((text, encoding))
}

/// Read CSV or TSV text into a table, with the separator that the header line uses most. A first
/// line `sep=;` (which Excel writes and reads) sets the separator.
fn csv_table(text: &str) -> Result<(Table, u8), (usize, String)> {
    let mut body = text;
    let mut line_offset = 0;
    let mut separator = None;
    if let Some(rest) = text.strip_prefix("sep=").or_else(|| text.strip_prefix("SEP=")) {
        let (directive, after) = rest.split_once('\n').unwrap_or((rest, ""));
        separator = directive.trim_end_matches('\r').bytes().next();
        body = after;
        line_offset = 1;
    }
    // The header is within the first lines; the separator is the one it uses most.
    let separator = separator.unwrap_or_else(|| {
        let head: Vec<&str> = body.lines().filter(|l| !l.trim().is_empty()).take(10).collect();
        let header =
            head.iter().find(|l| l.split([';', '\t', ',']).any(|h| Column::recognise(h).is_some_and(Column::is_name)));
        let sample = header.copied().unwrap_or_else(|| head.first().copied().unwrap_or(""));
        [b';', b'\t', b','].into_iter().max_by_key(|&s| sample.matches(s as char).count()).unwrap_or(b';')
    });
    let mut reader =
        csv::ReaderBuilder::new().delimiter(separator).has_headers(false).flexible(true).from_reader(body.as_bytes());
    let mut table = Table::with_capacity(body.len());
    // One record, read into again and again.
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line() as usize) + line_offset;
                table.push_row(line, &record);
            }
            Ok(false) => return Ok((table, separator)),
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize) + line_offset;
                return Err((line, "regel is geen geldige CSV (staat er een losse \" in?)".to_string()));
            }
        }
    }
}

fn parse_list(text: &str) -> Vec<Pupil> {
    let mut pupils = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let name = line.trim().trim_start_matches('\u{FEFF}');
        if name.is_empty() || name.starts_with('#') {
            continue;
        }
        let (first, particle, last) = split_listed_name(name);
        pupils.push(Pupil { line: index + 1, ..Pupil::named(&first, &particle, &last) });
    }
    pupils
}

/// Pupils listed again: the same name and group, ignoring case, as a pupil on an earlier line.
fn duplicate_problems(roster: &Roster) -> Vec<String> {
    // The latest pupil with each name and group, found by the hash of the lower-cased fields.
    let mut latest: HashTable<u32> = HashTable::with_capacity(roster.pupils.len());
    let mut key = String::new();
    let mut problems = Vec::new();
    for (i, p) in roster.pupils.iter().enumerate() {
        let hash = lowercase_hash(p, &mut key);
        match latest.find_mut(hash, |&j| same_pupil(&roster.pupils[j as usize], p)) {
            Some(seen) => {
                let first_line = roster.pupils[*seen as usize].line;
                problems.push(format!("regel {}: dezelfde leerling als regel {first_line}", p.line));
                *seen = i as u32;
            }
            None => {
                let rehash = |&j: &u32| lowercase_hash(&roster.pupils[j as usize], &mut String::new());
                latest.insert_unique(hash, i as u32, rehash);
            }
        }
    }
    problems
}

/// The hash of a pupil's name and group, lower-cased (put together in `key`, a buffer for the
/// purpose, rather than as four new strings per pupil).
fn lowercase_hash(p: &Pupil, key: &mut String) -> u64 {
    key.clear();
    for field in [&p.first, &p.particle, &p.last, &p.group] {
        if field.is_ascii() {
            let start = key.len();
            key.push_str(field);
            key[start..].make_ascii_lowercase();
        } else {
            key.push_str(&field.to_lowercase());
        }
        key.push('\n');
    }
    hash_one(key.as_str())
}

/// Do two pupils have the same name and group, ignoring case?
fn same_pupil(a: &Pupil, b: &Pupil) -> bool {
    let same = |a: &str, b: &str| {
        if a.is_ascii() && b.is_ascii() { a.eq_ignore_ascii_case(b) } else { a.to_lowercase() == b.to_lowercase() }
    };
    same(&a.first, &b.first) && same(&a.particle, &b.particle) && same(&a.last, &b.last) && same(&a.group, &b.group)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pupil_listed_again_names_the_line_before() {
        // Case is ignored the Unicode way: a final sigma, a Kelvin sign for K.
        let csv = "Roepnaam;Tussenv;Achternaam;Klas\nDaan;de;Vries;7B\nDAAN;DE;VRIES;7b\nNoor;;Bakker;7B\n\
                   daan;de;vries;7B\nΟΔΟΣ;;Σ;7B\nοδος;;σ;7B\nοδοσ;;σ;7B\n\u{212A}ees;;Smit;7B\nkees;;Smit;7B\n";
        let (_, report) = Roster::parse("klas.csv", csv.as_bytes()).unwrap();
        assert_eq!(
            report.problems,
            [
                "regel 3: dezelfde leerling als regel 2",
                "regel 5: dezelfde leerling als regel 3",
                "regel 7: dezelfde leerling als regel 6",
                "regel 10: dezelfde leerling als regel 9"
            ]
        );
    }

    #[test]
    fn particles_in_any_case() {
        for word in ["van", "Van", "VAN", "della", "v.d.", "'s", "Ten"] {
            assert!(is_particle(word), "{word}");
        }
        for word in ["", "vann", "Vries", "dellas", "vän", "Ван"] {
            assert!(!is_particle(word), "{word}");
        }
    }

    #[test]
    fn splits_names_with_particles() {
        assert_eq!(split_full_name("Jan de Vries"), ("Jan".into(), "de".into(), "Vries".into()));
        assert_eq!(split_full_name("Lotte van den Berg"), ("Lotte".into(), "van den".into(), "Berg".into()));
        assert_eq!(split_full_name("Mohammed El Amrani"), ("Mohammed".into(), "".into(), "El Amrani".into()));
        assert_eq!(split_full_name("Noor"), ("Noor".into(), "".into(), "".into()));
    }

    #[test]
    fn reads_a_magister_export() {
        let csv = "\u{FEFF}Stamnr;Roepnaam;Tussenv;Achternaam;Klas;Toestemming beeldmateriaal social media\n\
                   1;Daan;de;Vries;7B;nee\n2;Noor;;Bakker;7B;Ja\n;;;;;\n";
        let (roster, report) = Roster::parse("klas.csv", csv.as_bytes()).unwrap();
        assert_eq!(roster.pupils.len(), 2);
        assert_eq!(roster.pupils[0].particle, "de");
        assert_eq!(roster.pupils[0].consent, Consent::No);
        assert_eq!(roster.pupils[1].consent, Consent::Yes);
        assert!(report.unknown_columns.is_empty(), "{:?}", report.unknown_columns);
    }

    #[test]
    fn reads_a_plain_list_and_comma_tables() {
        let (roster, _) = Roster::parse("namen.txt", "Jan de Vries\n\n# opmerking\nZoë Jansen\n".as_bytes()).unwrap();
        assert_eq!(roster.pupils.len(), 2);
        assert_eq!(roster.pupils[1].consent, Consent::Unknown);
        let (roster, _) = Roster::parse("x.csv", b"voornaam,achternaam\nSem,Mulder\n").unwrap();
        assert_eq!(roster.pupils[0].last, "Mulder");
    }

    #[test]
    fn empty_or_unrecognised_rosters_are_errors() {
        assert!(Roster::parse("leeg.csv", b"").is_err());
        assert!(Roster::parse("leeg.csv", b"Roepnaam;Achternaam\n").is_err());
        let e = Roster::parse("raar.csv", b"kolom1;Klas\na;b\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("kolom1, Klas"), "{e}");
        // Without a header row the first row is a pupil: not repeated in the message.
        let e = Roster::parse("zonder-kop.csv", b"Daan;de;Vries\nNoor;;Bakker\n").unwrap_err();
        assert!(!e.message.contains("Daan") && e.message.contains("Roepnaam"), "{e}");
    }
}
