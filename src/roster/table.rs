//! A roster table (from CSV, TSV or a workbook) turned into pupils.
//!
//! The header row is the first of the first rows that has a name column, so a title above the
//! table ("Klassenlijst 7B", as Magister's lists put it) is skipped. Used and official names both
//! count: a pupil known as "Jan" (roepnaam) with official first names "Johannes Petrus" and
//! official surname "Jansen" next to the used "de Vries" is found under each.

use super::columns::Column;
use super::consent::parse_consent;
use super::{Consent, Pupil, is_particle, split_full_name};

/// Rows of cells; `line` is the row's line (CSV) or row number (workbook), 1-based.
pub struct Table {
    pub rows: Vec<(usize, Vec<String>)>,
}

/// How many rows may stand above the header row.
const HEADER_SEARCH: usize = 10;

/// The columns of a table, recognised.
pub struct Layout {
    /// Index of the header row in [`Table::rows`].
    pub header_row: usize,
    pub headers: Vec<String>,
    pub columns: Vec<Option<Column>>,
}

impl Table {
    /// Find the header row: the first of the first rows with a column that holds names.
    pub fn layout(&self) -> Option<Layout> {
        self.rows.iter().take(HEADER_SEARCH).enumerate().find_map(|(i, (_, cells))| {
            let columns: Vec<Option<Column>> = cells.iter().map(|h| Column::recognise(h)).collect();
            columns.iter().flatten().any(|c| c.is_name()).then(|| Layout {
                header_row: i,
                headers: cells.iter().map(|h| h.trim().trim_start_matches('\u{FEFF}').to_string()).collect(),
                columns,
            })
        })
    }
}

/// What reading the table found besides the pupils.
#[derive(Default)]
pub struct Outcome {
    pub pupils: Vec<Pupil>,
    /// Headers of the consent columns, in order (pupils' `consents` follow it).
    pub consent_columns: Vec<String>,
    pub problems: Vec<String>,
}

pub fn read(table: &Table, layout: &Layout) -> Outcome {
    let column = |wanted: Column| layout.columns.iter().position(|c| *c == Some(wanted));
    let consent_positions: Vec<usize> = (0..layout.columns.len())
        .filter(|&i| layout.columns[i] == Some(Column::Consent) && !layout.headers[i].is_empty())
        .collect();
    let mut out = Outcome {
        consent_columns: consent_positions.iter().map(|&i| layout.headers[i].clone()).collect(),
        ..Outcome::default()
    };
    let (first, given, givens, nick) =
        (column(Column::First), column(Column::GivenName), column(Column::GivenNames), column(Column::Nickname));
    let (particle, official_particle, last, official_last, full, group) = (
        column(Column::Particle),
        column(Column::OfficialParticle),
        column(Column::Last),
        column(Column::OfficialLast),
        column(Column::FullName),
        column(Column::Group),
    );

    for (line, cells) in &table.rows[layout.header_row + 1..] {
        let line = *line;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let field = |i: Option<usize>| i.and_then(|i| cells.get(i)).map_or(String::new(), |c| tidy(c));
        // The used first name: the roepnaam, else the one first name, else the first of the
        // official ones; another of these is the official first name.
        let mut official_first: Vec<String> = Vec::new();
        let mut used_first = field(first);
        for candidate in [field(given), field(givens).split(' ').next().unwrap_or("").to_string()] {
            if used_first.is_empty() {
                used_first = candidate;
            } else if !candidate.is_empty() && !official_first.contains(&candidate) {
                official_first.push(candidate);
            }
        }
        let (mut p, mut l) = split_particle(&field(particle), &field(last));
        if used_first.is_empty() && l.is_empty() && full.is_some() {
            (used_first, p, l) = split_full_name(&field(full));
        }
        if used_first.is_empty() && l.is_empty() {
            out.problems.push(format!("regel {line}: geen naam"));
            continue;
        }
        if [&used_first, &l].iter().any(|n| n.chars().any(|c| c.is_ascii_digit() || c == '@')) {
            out.problems.push(format!("regel {line}: de naam bevat cijfers of een @; staat de kolom goed?"));
        }
        official_first.retain(|n| !n.eq_ignore_ascii_case(&used_first));
        let mut nicknames: Vec<String> =
            field(nick).split([',', ';', '/', '|']).map(tidy).filter(|n| !n.is_empty()).collect();
        nicknames.retain(|n| !n.eq_ignore_ascii_case(&used_first));
        nicknames.dedup();
        let mut other_surnames = Vec::new();
        let (op, ol) = split_particle(&field(official_particle), &field(official_last));
        let same_as_used = ol.eq_ignore_ascii_case(&l) && op.eq_ignore_ascii_case(&p);
        if !ol.is_empty() && !same_as_used {
            other_surnames.push((op, ol));
        }
        let consents = consent_positions
            .iter()
            .map(|&i| {
                let value = cells.get(i).map_or("", String::as_str);
                parse_consent(value).unwrap_or_else(|| {
                    out.problems.push(format!(
                        "regel {line}: toestemming '{}' in kolom '{}' niet herkend, gelezen als nee",
                        value.trim(),
                        layout.headers[i]
                    ));
                    Consent::No
                })
            })
            .collect();
        out.pupils.push(Pupil {
            first: used_first,
            particle: p,
            last: l,
            nicknames,
            official_first,
            other_surnames,
            group: field(group),
            consents,
            line,
            ..Pupil::default()
        });
    }
    out
}

/// Trim a cell and collapse the spaces inside it.
fn tidy(cell: &str) -> String {
    cell.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A particle typed into the surname column ("van den Berg", "Vries, de") moves to the particle.
fn split_particle(particle: &str, last: &str) -> (String, String) {
    if !particle.is_empty() {
        return (particle.to_string(), last.to_string());
    }
    if let Some((surname, after)) = last.split_once(", ")
        && !after.is_empty()
        && after.split(' ').all(is_particle)
    {
        return (after.to_string(), surname.to_string());
    }
    let words: Vec<&str> = last.split(' ').collect();
    let n = words.iter().take_while(|w| is_particle(w)).count();
    if n == 0 || n == words.len() {
        return (String::new(), last.to_string());
    }
    (words[..n].join(" "), words[n..].join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_in_the_surname_column() {
        assert_eq!(split_particle("", "van den Berg"), ("van den".into(), "Berg".into()));
        assert_eq!(split_particle("", "Vries, de"), ("de".into(), "Vries".into()));
        assert_eq!(split_particle("", "De Vries"), ("De".into(), "Vries".into()));
        assert_eq!(split_particle("", "El Amrani"), ("".into(), "El Amrani".into()));
        assert_eq!(split_particle("", "Van"), ("".into(), "Van".into()));
        assert_eq!(split_particle("de", "Vries"), ("de".into(), "Vries".into()));
    }
}
