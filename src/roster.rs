//! Rosters: the pupils whose names must not be published, and their consent for photos.
//!
//! Two formats are read, told apart by their content:
//! - a table (CSV or TSV, separator detected: `;` as Dutch Excel writes it, `,` or tab) with a
//!   header row whose columns are recognised by name (the field names of Magister, SOMtoday,
//!   ParnasSys and ESIS, case-insensitively; see [`Column::recognise`]);
//! - a plain list with one full name per line ("Jan de Vries"; particles recognised).
//!
//! A roster that yields no pupils is an error: a check against an empty roster would pass every
//! text silently.

use std::fmt;
use std::path::Path;

use crate::encoding::{self, Encoding};

/// Whether a pupil may appear in photos and video.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consent {
    Yes,
    No,
    /// The roster has no consent column.
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pupil {
    /// The first name the pupil goes by (roepnaam).
    pub first: String,
    /// The particle (tussenvoegsel): "de", "van den", … or empty.
    pub particle: String,
    pub last: String,
    pub group: String,
    pub consent: Consent,
    /// Where the pupil came from, for messages about the roster itself.
    pub line: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Roster {
    pub pupils: Vec<Pupil>,
}

/// What was learnt while reading a roster file (for `postwacht roster check`).
#[derive(Clone, Debug)]
pub struct RosterReport {
    pub encoding: Encoding,
    pub format: String,
    pub columns: Vec<String>,
    pub unknown_columns: Vec<String>,
    pub problems: Vec<String>,
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

/// A recognised column of a roster table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    First,
    Particle,
    Last,
    FullName,
    Group,
    Id,
    Consent,
}

impl Column {
    /// Recognise a header by the names the school administration systems give it.
    pub fn recognise(header: &str) -> Option<Column> {
        let key: String = header
            .trim()
            .trim_start_matches('\u{FEFF}')
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        if key.contains("toestemming") || key.contains("beeldmateriaal") || key.contains("consent") {
            return Some(Column::Consent);
        }
        Some(match key.as_str() {
            "roepnaam" | "voornaam" | "roepnaamofficieel" | "firstname" | "givenname" | "voornamen" => Column::First,
            "tussenvoegsel"
            | "tussenvoegsels"
            | "tussenv"
            | "voorvoegsel"
            | "voorvoegsels"
            | "tussenvoegselofficieel"
            | "prefix" => Column::Particle,
            "achternaam" | "achternaamofficieel" | "familienaam" | "geslachtsnaam" | "lastname" | "surname" => {
                Column::Last
            }
            "naam" | "volledigenaam" | "leerling" | "leerlingnaam" | "name" | "fullname" => Column::FullName,
            "klas" | "groep" | "stamgroep" | "jaargroep" | "leerjaar" | "klasnaam" | "groepnaam" | "lesgroep" => {
                Column::Group
            }
            "stamnr" | "stamnummer" | "stamnrstr" | "leerlingnummer" | "leerlingnr" | "key" | "id" => Column::Id,
            _ => return None,
        })
    }
}

/// Particles (tussenvoegsels) as they appear between first name and surname.
const PARTICLES: &[&str] = &[
    "van", "de", "der", "den", "het", "'t", "t", "ter", "ten", "te", "op", "in", "uit", "aan", "bij", "voor", "onder",
    "la", "le", "du", "da", "di", "del", "della", "des", "dos", "von", "zu", "vd", "v.d.", "v/d", "'s",
];

pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word.to_lowercase().as_str())
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

/// Read a consent value: ja/nee/true/false/1/0/x; empty means no consent.
pub fn parse_consent(value: &str) -> Option<Consent> {
    match value.trim().to_lowercase().as_str() {
        "ja" | "j" | "yes" | "y" | "true" | "waar" | "1" | "x" | "✓" | "✔" | "wel" | "akkoord" | "toestemming" => {
            Some(Consent::Yes)
        }
        "nee" | "n" | "no" | "false" | "onwaar" | "0" | "" | "-" | "geen" | "niet" | "geen toestemming" => {
            Some(Consent::No)
        }
        _ => None,
    }
}

impl Roster {
    /// Read a roster file.
    pub fn load(path: &Path) -> Result<(Roster, RosterReport), RosterError> {
        let file = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| RosterError {
            file: file.clone(),
            line: None,
            message: format!("kan de leerlingenlijst niet lezen: {}", crate::input::describe_io_error(&e)),
        })?;
        Roster::parse(&file, &bytes)
    }

    /// Read a roster from bytes; `file` names it in messages.
    pub fn parse(file: &str, bytes: &[u8]) -> Result<(Roster, RosterReport), RosterError> {
        let err = |line: Option<usize>, message: String| RosterError { file: file.to_string(), line, message };
        if encoding::looks_binary(bytes) {
            return Err(err(
                None,
                "dit is geen tekstbestand; sla de leerlingenlijst op als CSV (gescheiden door lijstscheidingsteken)"
                    .into(),
            ));
        }
        let (text, encoding) = encoding::decode(bytes);
        let text = text.trim_start_matches('\u{FEFF}');
        let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let separator = [';', '\t', ','].into_iter().max_by_key(|s| first_line.matches(*s).count()).unwrap_or(';');
        let headers: Vec<&str> = first_line.split(separator).collect();
        let recognised: Vec<Option<Column>> = headers.iter().map(|h| Column::recognise(h)).collect();
        let has_name_column =
            recognised.iter().any(|c| matches!(c, Some(Column::First | Column::Last | Column::FullName)));
        let looks_tabular = first_line.contains(separator) && has_name_column;
        let is_table_file = file.to_lowercase().ends_with(".csv") || file.to_lowercase().ends_with(".tsv");

        let (roster, mut report) = if looks_tabular {
            parse_table(text, separator, &headers, &recognised, encoding).map_err(|(line, m)| err(line, m))?
        } else if is_table_file && first_line.contains(separator) {
            return Err(err(
                Some(1),
                format!(
                    "geen kolom met namen herkend in de kopregel ({}); verwacht bijvoorbeeld Roepnaam, Tussenvoegsel, Achternaam",
                    headers.iter().map(|h| h.trim()).collect::<Vec<_>>().join(", ")
                ),
            ));
        } else {
            parse_list(text, encoding)
        };
        if roster.pupils.is_empty() {
            return Err(err(None, "de leerlingenlijst bevat geen leerlingen".into()));
        }
        report.problems.extend(duplicate_problems(&roster));
        Ok((roster, report))
    }

    /// Add the pupils of another roster.
    pub fn extend(&mut self, other: Roster) {
        self.pupils.extend(other.pupils);
    }
}

type TableResult = Result<(Roster, RosterReport), (Option<usize>, String)>;

fn parse_table(
    text: &str,
    separator: char,
    headers: &[&str],
    columns: &[Option<Column>],
    encoding: Encoding,
) -> TableResult {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator as u8)
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let column = |wanted: Column| columns.iter().position(|c| *c == Some(wanted));
    // With several consent columns, the one for social media applies to posts.
    let consent_col = columns
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == Some(Column::Consent))
        .map(|(i, _)| i)
        .max_by_key(|&i| headers[i].to_lowercase().contains("social"));
    let (first, particle, last, full, group) = (
        column(Column::First),
        column(Column::Particle),
        column(Column::Last),
        column(Column::FullName),
        column(Column::Group),
    );

    let mut pupils = Vec::new();
    let mut problems = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let record = record.map_err(|e| (Some(line), format!("regel is geen geldige CSV: {e}")))?;
        let field = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim().to_string();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let (mut f, mut p, mut l) = (field(first), field(particle), field(last));
        if f.is_empty() && l.is_empty() && full.is_some() {
            (f, p, l) = split_full_name(&field(full));
        }
        if f.is_empty() && l.is_empty() {
            problems.push(format!("regel {line}: geen naam"));
            continue;
        }
        let consent = match consent_col {
            None => Consent::Unknown,
            Some(i) => {
                let value = record.get(i).unwrap_or("");
                parse_consent(value).unwrap_or_else(|| {
                    problems.push(format!("regel {line}: toestemming '{value}' niet herkend, gelezen als nee"));
                    Consent::No
                })
            }
        };
        pupils.push(Pupil { first: f, particle: p, last: l, group: field(group), consent, line });
    }
    let names = |wanted: bool| -> Vec<String> {
        headers
            .iter()
            .zip(columns)
            .filter(|(_, c)| c.is_some() == wanted)
            .map(|(h, _)| h.trim().trim_start_matches('\u{FEFF}').to_string())
            .filter(|h| !h.is_empty())
            .collect()
    };
    let format = match separator {
        ';' => "tabel, gescheiden door puntkomma's",
        '\t' => "tabel, gescheiden door tabs",
        _ => "tabel, gescheiden door komma's",
    };
    Ok((
        Roster { pupils },
        RosterReport { encoding, format: format.into(), columns: names(true), unknown_columns: names(false), problems },
    ))
}

fn parse_list(text: &str, encoding: Encoding) -> (Roster, RosterReport) {
    let mut pupils = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let name = line.trim().trim_start_matches('\u{FEFF}');
        if name.is_empty() || name.starts_with('#') {
            continue;
        }
        let (first, particle, last) = split_full_name(name);
        pupils.push(Pupil { first, particle, last, group: String::new(), consent: Consent::Unknown, line: index + 1 });
    }
    (
        Roster { pupils },
        RosterReport {
            encoding,
            format: "lijst met een naam per regel".into(),
            columns: Vec::new(),
            unknown_columns: Vec::new(),
            problems: Vec::new(),
        },
    )
}

fn duplicate_problems(roster: &Roster) -> Vec<String> {
    let mut seen = std::collections::HashMap::new();
    let mut problems = Vec::new();
    for p in &roster.pupils {
        let key = (p.first.to_lowercase(), p.particle.to_lowercase(), p.last.to_lowercase(), p.group.to_lowercase());
        if let Some(first_line) = seen.insert(key, p.line) {
            problems.push(format!("regel {}: dezelfde leerling als regel {first_line}", p.line));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let e = Roster::parse("raar.csv", b"kolom1;kolom2\na;b\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("kolom1"));
    }
}
