//! CSV (or TSV) exports of comments: a header row, then one comment per record; the text is in
//! the column `--text-column` names (by header or 1-based number), else in the first column
//! with a usual name ("bericht", "reactie", "text", …). Author and time columns are found by name.
//!
//! Read record by record as a stream. The csv crate gives no positions of fields in the file,
//! so this small RFC 4180 reader splits the records itself, keeping the file spot of every
//! character (quotes, doubled quotes and line breaks inside quotes included). The separator is
//! the one of `;`, tab and `,` that the header row uses most, as Dutch Excel writes `;`.

use std::io::{self, BufRead};

use crate::export::lines::{Lines, MAX_LINE};
use crate::export::mapped::{MappedText, Spot};
use crate::export::{AUTHOR_NAMES, ID_NAMES, Item, Options, Sink, TEXT_NAMES, TIME_NAMES, names_one_of};

fn separator(header: &str) -> char {
    [';', '\t', ','].into_iter().max_by_key(|s| (header.matches(*s).count(), usize::from(*s == ';'))).unwrap_or(';')
}

/// Is `header` the text column: the one `--text-column` names, else one with a usual name?
fn is_text_column(header: &str, options: &Options) -> bool {
    match &options.text_column {
        Some(name) => header.trim().trim_start_matches('\u{FEFF}').eq_ignore_ascii_case(name.trim()),
        None => names_one_of(header, TEXT_NAMES),
    }
}

/// Does a first line look like the header of a comment table?
pub fn has_text_column(first_line: &str, options: &Options) -> bool {
    let separator = separator(first_line);
    let cells: Vec<&str> = first_line.split(separator).map(|c| c.trim().trim_matches('"')).collect();
    cells.len() >= 2 && cells.iter().any(|c| is_text_column(c, options))
}

pub fn read<R: BufRead>(lines: &mut Lines<R>, options: &Options, sink: &mut Sink) -> io::Result<()> {
    let Some((header_line, header)) = next_record(lines, sink)? else {
        sink.problem(Some(1), "het bestand is leeg; verwacht een kopregel met kolomnamen");
        return Ok(());
    };
    let separator = separator(&header.text);
    let headers = match split(&header, separator) {
        Ok(fields) => fields.into_iter().map(|h| h.text.trim().to_string()).collect::<Vec<String>>(),
        Err(line) => {
            unclosed_quote(sink, line);
            return Ok(());
        }
    };
    let by_number = options.text_column.as_deref().and_then(|n| n.trim().parse::<usize>().ok()).filter(|&n| n >= 1);
    let text_column = match by_number {
        Some(n) => (n <= headers.len()).then(|| n - 1),
        None => headers.iter().position(|h| is_text_column(h, options)),
    };
    let Some(text_column) = text_column else {
        let wanted = match &options.text_column {
            Some(name) => format!("kolom '{name}' niet gevonden"),
            None => "geen kolom met de tekst gevonden".to_string(),
        };
        let message = format!(
            "{wanted} in de kopregel (kolommen: {}); geef de kolom met de tekst aan met --text-column",
            headers.join(", ")
        );
        sink.problem(Some(header_line), message);
        return Ok(());
    };
    let column = |names: &[&str]| (0..headers.len()).find(|&i| i != text_column && names_one_of(&headers[i], names));
    let (author_column, time_column) = (column(AUTHOR_NAMES), column(TIME_NAMES));
    let id_column = column(ID_NAMES);
    while let Some((line, record)) = next_record(lines, sink)? {
        if record.is_blank() {
            continue;
        }
        let mut fields = match split(&record, separator) {
            Ok(fields) => fields,
            Err(opened_on) => {
                unclosed_quote(sink, opened_on);
                return Ok(());
            }
        };
        let field = |fields: &mut Vec<MappedText>, i: Option<usize>| {
            i.and_then(|i| fields.get_mut(i)).map(std::mem::take).filter(|f| !f.is_blank())
        };
        let (author, time) = (field(&mut fields, author_column), field(&mut fields, time_column));
        // The export's own number where it has one ("bericht 1" is comment 1, not line 2).
        let id = field(&mut fields, id_column).map(|f| f.text.trim().to_string()).filter(|id| !id.is_empty());
        let mut text = field(&mut fields, Some(text_column)).unwrap_or_default();
        text.trim();
        sink.item(Item {
            id: id.unwrap_or_else(|| line.to_string()),
            author,
            time: time.map(|t| t.text.trim().to_string()),
            text,
            extra: Vec::new(),
            link: None,
        });
    }
    Ok(())
}

/// The next record (its first line number and text without the final line break); a record
/// continues over line breaks inside quotes. `None` at the end of the file or after a problem.
fn next_record<R: BufRead>(lines: &mut Lines<R>, sink: &mut Sink) -> io::Result<Option<(usize, MappedText)>> {
    let Some(first) = lines.next_line()? else { return Ok(None) };
    let number = first.number;
    if first.too_long {
        sink.problem(Some(number), "regel te lang (meer dan 1 MiB); het bestand is niet verder gelezen");
        return Ok(None);
    }
    let mut record = first.mapped();
    // Counted as lines are added, not over the whole record each time.
    let mut quotes = record.text.matches('"').count();
    while quotes % 2 == 1 {
        match lines.next_line()? {
            Some(next) if !next.too_long && record.text.len() + next.text.len() <= MAX_LINE => {
                quotes += next.text.matches('"').count();
                record.append(next.mapped())
            }
            _ => {
                sink.problem(
                    Some(number),
                    "een veld tussen aanhalingstekens sluit niet; het bestand is niet verder gelezen",
                );
                return Ok(None);
            }
        }
    }
    let content = record.text.trim_end_matches(['\r', '\n']).len();
    record.truncate(content);
    Ok(Some((number, record)))
}

/// Split a record into its fields, undoing quotes, with the file spot of every character.
/// `Err(line)`: a quoted field opened on `line` closes with text after it rather than a separator
/// or the end of the record, as when a quote that never closed swallowed the next records.
fn split(record: &MappedText, separator: char) -> Result<Vec<MappedText>, usize> {
    let chars: Vec<(char, Spot)> = record.chars().collect();
    let spot_at = |i: usize| chars.get(i).map_or(record.end(), |&(_, spot)| spot);
    let mut fields = Vec::new();
    let mut field = MappedText::starting_at(spot_at(0));
    let (mut quoted, mut at_start) = (false, true);
    let mut opened_on = 0;
    let mut i = 0;
    while i < chars.len() {
        let (c, spot) = chars[i];
        if quoted && c == '"' && chars.get(i + 1).is_some_and(|&(next, _)| next == '"') {
            field.push('"', spot, spot_at(i + 2));
            i += 2;
            continue;
        }
        if quoted && c == '"' {
            quoted = false;
            if chars.get(i + 1).is_some_and(|&(next, _)| next != separator && next != '\r' && next != '\n') {
                return Err(opened_on);
            }
        } else if quoted {
            field.push(c, spot, spot_at(i + 1));
        } else if c == separator {
            fields.push(std::mem::replace(&mut field, MappedText::starting_at(spot_at(i + 1))));
            at_start = true;
            i += 1;
            continue;
        } else if c == '"' && at_start {
            quoted = true;
            opened_on = spot.line;
            field = MappedText::starting_at(spot_at(i + 1));
        } else {
            field.push(c, spot, spot_at(i + 1));
        }
        at_start = false;
        i += 1;
    }
    fields.push(field);
    Ok(fields)
}

/// The problem of a quote that does not close where it should.
fn unclosed_quote(sink: &mut Sink, line: usize) {
    sink.problem(
        Some(line),
        "het veld dat op deze regel met een aanhalingsteken begint, sluit niet goed: het loopt door over de \
         volgende regels; het bestand is vanaf hier niet gelezen",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(s: &str) -> MappedText {
        let mut m = MappedText::starting_at(Spot { offset: 0, line: 1, column: 0 });
        m.push_verbatim(s);
        m
    }

    #[test]
    fn splits_quoted_fields_with_spots() {
        let fields = split(&mapped("12;\"Zeg \"\"hoi\"\"\nook\";Petra"), ';').expect("well quoted");
        let texts: Vec<&str> = fields.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["12", "Zeg \"hoi\"\nook", "Petra"]);
        assert_eq!(fields[1].spot(0).offset, 4);
        assert_eq!(fields[1].spot(5).offset, 10);
        assert_eq!(fields[1].spot(10), Spot { offset: 16, line: 2, column: 0 });
        assert_eq!(fields[2].spot(0), Spot { offset: 21, line: 2, column: 5 });
    }

    #[test]
    fn recognises_comment_tables() {
        let options = Options::default();
        assert!(has_text_column("id;auteur;bericht;tijd", &options));
        assert!(has_text_column("\"Naam\",\"Reactie\"", &options));
        assert!(!has_text_column("Stamnr;Roepnaam;Achternaam", &options));
        assert!(!has_text_column("Bericht aan de ouders, groep 7", &options));
        let named = Options { text_column: Some("Inhoud reactie".into()), ..Options::default() };
        assert!(has_text_column("Nr;Inhoud reactie", &named));
    }
}
