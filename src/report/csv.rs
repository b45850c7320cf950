//! The moderation list (`--format csv`): one row per finding, for the person who goes through a
//! day's comments in a spreadsheet and removes what does not belong (SGH 6.5: within a working day).
//!
//! Made for a spreadsheet with Dutch settings: columns separated by `;` (Excel in Dutch reads
//! comma-separated files as one column, the comma being the decimal separator) and a UTF-8 byte
//! order mark (without it Excel reads `Zoë` as `ZoÃ«`). Headers and values are Dutch.
//!
//! Comments are written by strangers, so a cell that would start a spreadsheet formula (`=`, `+`,
//! `-`, `@`) gets a leading `'`. Under `--redact` the author and passage columns are left out: the
//! passage is the matched text, and the author is a commenter's name or, for an unsaved WhatsApp
//! contact, their phone number.

use std::io::{self, Write};

use crate::finding::Finding;
use crate::report::{Report, Summary, article_list};
use crate::rules;

pub struct ModerationList {
    redact: bool,
    header_written: bool,
}

impl ModerationList {
    pub fn new(redact: bool) -> ModerationList {
        ModerationList { redact, header_written: false }
    }

    fn writer(out: &mut dyn Write) -> ::csv::Writer<&mut dyn Write> {
        ::csv::WriterBuilder::new().delimiter(b';').from_writer(out)
    }

    fn header(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.header_written {
            return Ok(());
        }
        self.header_written = true;
        out.write_all("\u{feff}".as_bytes())?;
        let mut header = vec!["bestand", "bericht"];
        if !self.redact {
            header.push("auteur");
        }
        header.extend(["tijd", "regel", "kolom", "ernst", "categorie", "code", "artikelen", "melding", "wat te doen"]);
        if !self.redact {
            header.push("passage");
        }
        let mut writer = Self::writer(out);
        writer.write_record(&header)?;
        writer.flush()
    }
}

impl Report for ModerationList {
    fn findings(&mut self, out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
        self.header(out)?;
        let mut writer = Self::writer(out);
        for f in findings {
            let mut row = vec![cell(&f.path), cell(f.item.as_deref().unwrap_or(""))];
            if !self.redact {
                row.push(cell(f.author.as_deref().unwrap_or("")));
            }
            row.extend([
                cell(f.time.as_deref().unwrap_or("")),
                f.line.to_string(),
                f.column.to_string(),
                f.severity.dutch().to_string(),
                f.category.dutch().to_string(),
                f.rule.to_string(),
                article_list(f),
                f.message.clone(),
                rules::find(f.rule).map_or("", |r| r.advice).to_string(),
            ]);
            if !self.redact {
                row.push(cell(&f.matched));
            }
            writer.write_record(&row)?;
        }
        writer.flush()
    }

    /// A run without findings still gets its header, so the list is never an empty file.
    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        self.header(out)
    }
}

/// Text from the input, made safe for a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or carriage
/// return would make the cell a formula, so it gets a `'` in front (OWASP's advice against CSV
/// injection). A lone `-` (standard input) stays as it is.
fn cell(text: &str) -> String {
    if text.len() > 1 && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@juf"), "'@juf");
        assert_eq!(cell("-"), "-");
        assert_eq!(cell("Noor"), "Noor");
    }
}
