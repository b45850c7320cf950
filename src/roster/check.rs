//! `postwacht roster check`: how a roster file was read and what stands out, in Dutch.
//!
//! Says how the file was read (encoding, separator or sheet, the columns recognised, the pupil
//! count), which consent column applies to which medium, the problems found, and which names are
//! also ordinary words (those are matched more strictly). Shows headers and counts, never a
//! pupil's data other than those names, and not even those under `--redact`.

use super::{Column, Consent, ConsentChoice, Medium, Roster, RosterReport, consent::columns_for};
use crate::detect::names::{is_word_name, surname_is_word};
use crate::lexicon::Lexicon;
use crate::normalize::normalize_term;

/// The lines `postwacht roster check` prints for one file.
pub fn describe(file: &str, roster: &Roster, report: &RosterReport, lexicon: &Lexicon, redact: bool) -> Vec<String> {
    let mut out = vec![file.to_string()];
    if let Some(encoding) = report.encoding {
        out.push(format!("  tekencodering: {}", encoding.name()));
    }
    out.push(format!("  vorm: {}", report.format));
    let used: Vec<String> = report
        .columns
        .iter()
        .filter(|(_, c)| *c != Column::Known)
        .map(|(h, c)| format!("{h} ({})", c.dutch()))
        .collect();
    if !used.is_empty() {
        out.push(format!("  herkende kolommen: {}", used.join(", ")));
    }
    let known: Vec<&str> =
        report.columns.iter().filter(|(_, c)| *c == Column::Known).map(|(h, _)| h.as_str()).collect();
    if !known.is_empty() {
        out.push(format!("  kolommen die postwacht niet nodig heeft: {}", known.join(", ")));
    }
    let groups: std::collections::BTreeSet<&str> =
        roster.pupils.iter().map(|p| p.group.as_str()).filter(|g| !g.is_empty()).collect();
    let in_groups = match groups.len() {
        0 => String::new(),
        1 => " (in 1 klas of groep)".into(),
        n => format!(" (in {n} klassen of groepen)"),
    };
    out.push(format!("  leerlingen: {}{in_groups}", roster.pupils.len()));
    out.extend(consent_lines(roster));
    out.extend(report.empty_consents.iter().map(|e| format!("    {e}")));
    let sensitive: Vec<&str> = known.iter().copied().filter(|h| is_identity_number(h)).collect();
    if !sensitive.is_empty() {
        out.push(format!(
            "  let op: de kolom {} bevat een BSN of onderwijsnummer. postwacht gebruikt die niet; bewaar de lijst veilig en zet hem niet in een repository.",
            sensitive.join(", ")
        ));
    }
    let words = word_names(roster, lexicon);
    if !words.is_empty() {
        if redact {
            out.push(format!("  namen die ook een gewoon woord zijn (strenger gezocht): {}", words.len()));
        } else {
            out.push(format!("  namen die ook een gewoon woord zijn (strenger gezocht): {}", words.join(", ")));
        }
    }
    if report.problems.is_empty() {
        out.push("  geen problemen gevonden".into());
    } else {
        out.push("  problemen:".into());
        out.extend(report.problems.iter().map(|p| format!("    {p}")));
    }
    out
}

/// Which consent column applies to each medium, with the counts.
fn consent_lines(roster: &Roster) -> Vec<String> {
    let columns: Vec<&String> = roster.files.iter().flat_map(|f| &f.consent_columns).collect();
    if columns.is_empty() {
        return vec!["  toestemming beeldmateriaal: geen kolom gevonden (toestemming onbekend)".into()];
    }
    let mut out = vec!["  toestemming beeldmateriaal:".to_string()];
    for medium in Medium::ALL {
        let choice = ConsentChoice::Medium(medium);
        let picked: Vec<&str> = roster
            .files
            .iter()
            .filter_map(|f| columns_for(&f.consent_columns, &choice).map(|c| (f, c)))
            .flat_map(|(f, c)| c.into_iter().map(|i| f.consent_columns[i].as_str()))
            .collect();
        if picked.is_empty() {
            out.push(format!(
                "    {}: geen kolom (toestemming onbekend; kies er een met --consent-column)",
                medium.dutch()
            ));
            continue;
        }
        let mut chosen = roster.clone();
        // Counting only: the choice cannot fail for a medium.
        let _ = chosen.choose_consent(&choice);
        let count = |c: Consent| chosen.pupils.iter().filter(|p| p.consent == c).count();
        let names: Vec<String> = picked.iter().map(|h| format!("'{h}'")).collect();
        let unknown = match count(Consent::Unknown) {
            0 => String::new(),
            n => format!(", {n} onbekend"),
        };
        out.push(format!(
            "    {}: kolom {} ({} ja, {} nee{unknown})",
            medium.dutch(),
            names.join(" en "),
            count(Consent::Yes),
            count(Consent::No)
        ));
    }
    out
}

fn is_identity_number(header: &str) -> bool {
    let key = super::columns::key(header);
    key.contains("bsn") || key.contains("onderwijsnummer")
}

/// The pupils' names (first names, nicknames, surnames with their particle) that are also
/// ordinary words, as the roster spells them, each once.
fn word_names(roster: &Roster, lexicon: &Lexicon) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut words = Vec::new();
    for p in &roster.pupils {
        for first in std::iter::once(&p.first).chain(&p.nicknames) {
            let n = normalize_term(first);
            if !n.is_empty() && is_word_name(lexicon, &n) && seen.insert(n) {
                words.push(first.clone());
            }
        }
        let (particle, last) = (normalize_term(&p.particle), normalize_term(&p.last));
        if !last.is_empty() && surname_is_word(lexicon, &particle, &last) && seen.insert(format!("{particle} {last}")) {
            words.push(if p.particle.is_empty() { p.last.clone() } else { format!("{} {}", p.particle, p.last) });
        }
    }
    words
}
