//! A roster table (from CSV, TSV or a workbook) turned into pupils.
//!
//! The header row is the first of the first rows that has a name column, so a title above the
//! table ("Klassenlijst 7B", as Magister's lists put it) is skipped. Used and official names both
//! count: a pupil known as "Jan" (roepnaam) with official first names "Johannes Petrus" and
//! official surname "Jansen" next to the used "de Vries" is found under each.

use std::borrow::Cow;
use std::ops::Range;

use super::columns::Column;
use super::consent::parse_consent;
use super::{Consent, Pupil, is_particle, split_full_name};
use crate::packed::Packed;

/// Rows of cells. The cells are packed into one string, not a string per cell: a roster of 2,000
/// pupils has some 12,000 cells, and most of them are read once and dropped.
#[derive(Default)]
pub struct Table {
    cells: Packed,
    /// Each row's line (CSV) or row number (workbook), 1-based, and the number of its first cell.
    rows: Vec<(usize, u32)>,
}

/// A row of a [`Table`].
#[derive(Clone)]
pub struct Row<'a> {
    pub line: usize,
    table: &'a Table,
    /// Its cells' numbers in [`Table::cells`].
    cells: Range<u32>,
}

impl Table {
    /// An empty table for about `text` bytes of cells.
    pub fn with_capacity(text: usize) -> Table {
        // A cell has some six bytes.
        Table { cells: Packed::with_capacity(text / 6, text), ..Table::default() }
    }

    pub fn push_row<S: AsRef<str>>(&mut self, line: usize, cells: impl IntoIterator<Item = S>) {
        self.rows.push((line, self.cells.len() as u32));
        for cell in cells {
            self.cells.push(cell.as_ref());
        }
    }

    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows.iter().enumerate().map(|(r, &(line, first))| {
            let end = self.rows.get(r + 1).map_or(self.cells.len() as u32, |&(_, next)| next);
            Row { line, table: self, cells: first..end }
        })
    }
}

impl<'a> Row<'a> {
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// Cell `i` of the row, if the row has one.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        let cell = self.cells.start as usize + i;
        (cell < self.cells.end as usize).then(|| self.table.cells.get(cell as u32))
    }

    pub fn cells(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let table = self.table;
        self.cells.clone().map(move |cell| table.cells.get(cell))
    }
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
        self.rows().take(HEADER_SEARCH).enumerate().find_map(|(i, row)| {
            let columns: Vec<Option<Column>> = row.cells().map(Column::recognise).collect();
            columns.iter().flatten().any(|c| c.is_name()).then(|| Layout {
                header_row: i,
                headers: row.cells().map(|h| h.trim().trim_start_matches('\u{FEFF}').to_string()).collect(),
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
    /// Consent columns with empty cells: not a problem of the file, but worth knowing.
    pub empty_consents: Vec<String>,
}

pub fn read(table: &Table, layout: &Layout) -> Outcome {
    let column = |wanted: Column| layout.columns.iter().position(|c| *c == Some(wanted));
    let consent_positions: Vec<usize> = (0..layout.columns.len())
        .filter(|&i| layout.columns[i] == Some(Column::Consent) && !layout.headers[i].is_empty())
        .collect();
    let mut out = Outcome {
        pupils: Vec::with_capacity(table.rows.len().saturating_sub(layout.header_row + 1)),
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

    // Lines whose consent cell is empty, per consent column: read as "nee" (no consent unless
    // given), and said once per column rather than counted as a "nee" someone wrote.
    let mut blank: Vec<Vec<usize>> = vec![Vec::new(); consent_positions.len()];
    for row in table.rows().skip(layout.header_row + 1) {
        let line = row.line;
        if row.cells().all(|c| c.trim().is_empty()) {
            continue;
        }
        let field = |i: Option<usize>| i.and_then(|i| row.get(i)).map_or(Cow::Borrowed(""), tidy);
        // The used first name: the roepnaam, else the one first name, else the first of the
        // official ones; another of these is the official first name.
        let mut official_first: Vec<String> = Vec::new();
        let mut used_first = field(first).into_owned();
        let givens = field(givens);
        for candidate in [field(given), Cow::Borrowed(givens.split(' ').next().unwrap_or(""))] {
            if used_first.is_empty() {
                used_first = candidate.into_owned();
            } else if !candidate.is_empty() && !official_first.iter().any(|o| *o == candidate) {
                official_first.push(candidate.into_owned());
            }
        }
        let (particle_cell, last_cell) = (field(particle), field(last));
        let (p, l) = split_particle(&particle_cell, &last_cell);
        let (mut p, mut l) = (p.to_string(), l.to_string());
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
            field(nick).split([',', ';', '/', '|']).map(tidy).filter(|n| !n.is_empty()).map(Cow::into_owned).collect();
        nicknames.retain(|n| !n.eq_ignore_ascii_case(&used_first));
        nicknames.dedup();
        let mut other_surnames = Vec::new();
        let (official_particle_cell, official_last_cell) = (field(official_particle), field(official_last));
        let (op, ol) = split_particle(&official_particle_cell, &official_last_cell);
        let same_as_used = ol.eq_ignore_ascii_case(&l) && op.eq_ignore_ascii_case(&p);
        if !ol.is_empty() && !same_as_used {
            other_surnames.push((op.to_string(), ol.to_string()));
        }
        let consents = consent_positions
            .iter()
            .enumerate()
            .map(|(column, &i)| {
                let value = row.get(i).unwrap_or("");
                if value.trim().is_empty() {
                    blank[column].push(line);
                }
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
            group: field(group).into_owned(),
            consents,
            line,
            ..Pupil::default()
        });
    }
    for (lines, &i) in blank.iter().zip(&consent_positions) {
        if lines.is_empty() {
            continue;
        }
        let shown: Vec<String> = lines.iter().take(5).map(usize::to_string).collect();
        let more = if lines.len() > 5 { ", …" } else { "" };
        let pupils = if lines.len() == 1 { "1 leerling".to_string() } else { format!("{} leerlingen", lines.len()) };
        out.empty_consents.push(format!(
            "kolom '{}': {pupils} zonder waarde (regel {}{more}), gelezen als geen toestemming; vul ja of nee in",
            layout.headers[i],
            shown.join(", ")
        ));
    }
    out
}

/// Trim a cell and collapse the spaces inside it. Most cells are tidy already: those are borrowed.
fn tidy(cell: &str) -> Cow<'_, str> {
    if is_tidy(cell) { Cow::Borrowed(cell) } else { Cow::Owned(cell.split_whitespace().collect::<Vec<_>>().join(" ")) }
}

/// Is every white space in `cell` a single space between two other characters?
fn is_tidy(cell: &str) -> bool {
    let mut after_space = true;
    for c in cell.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    !after_space || cell.is_empty()
}

/// A particle typed into the surname column ("van den Berg", "Vries, de") moves to the particle.
/// Returns (particle, surname), each a part of `particle` or `last`.
fn split_particle<'a>(particle: &'a str, last: &'a str) -> (&'a str, &'a str) {
    if !particle.is_empty() {
        return (particle, last);
    }
    // (Most surnames have no comma: looking for one first is quicker than looking for ", ".)
    if last.contains(',')
        && let Some((surname, after)) = last.split_once(", ")
        && !after.is_empty()
        && after.split(' ').all(is_particle)
    {
        return (after, surname);
    }
    // The leading words that are particles, unless all words are ("Van" is a surname).
    let mut start = 0;
    for word in last.split(' ') {
        if !is_particle(word) {
            return if start == 0 { ("", last) } else { (&last[..start - 1], &last[start..]) };
        }
        start += word.len() + 1;
    }
    ("", last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_in_the_surname_column() {
        assert_eq!(split_particle("", "van den Berg"), ("van den", "Berg"));
        assert_eq!(split_particle("", "Vries, de"), ("de", "Vries"));
        assert_eq!(split_particle("", "De Vries"), ("De", "Vries"));
        assert_eq!(split_particle("", "El Amrani"), ("", "El Amrani"));
        assert_eq!(split_particle("", "Van"), ("", "Van"));
        assert_eq!(split_particle("", "van der"), ("", "van der"));
        assert_eq!(split_particle("", "van  Dijk"), ("van", " Dijk"));
        assert_eq!(split_particle("de", "Vries"), ("de", "Vries"));
    }

    #[test]
    fn tidy_cells_are_borrowed() {
        for cell in ["", "Daan", "van der Berg", " Daan", "Daan ", "van  der", "van\tder", "\u{a0}Zoë", "a\u{2003}b"] {
            let expected = cell.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(tidy(cell), expected, "{cell:?}");
            assert_eq!(matches!(tidy(cell), Cow::Borrowed(_)), expected == cell, "{cell:?}");
        }
    }

    #[test]
    fn rows_keep_their_cells() {
        let mut table = Table::default();
        table.push_row(1, ["Roepnaam", "", "Achternaam"]);
        table.push_row(3, Vec::<String>::new());
        table.push_row(4, ["Daan", "de", "Vries"]);
        let rows: Vec<(usize, Vec<&str>)> = table.rows().map(|r| (r.line, r.cells().collect())).collect();
        assert_eq!(rows, [(1, vec!["Roepnaam", "", "Achternaam"]), (3, vec![]), (4, vec!["Daan", "de", "Vries"])]);
        assert_eq!(table.rows().nth(2).and_then(|r| r.get(2)), Some("Vries"));
        assert_eq!(table.rows().nth(2).and_then(|r| r.get(3)), None);
    }
}
