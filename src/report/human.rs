//! Output for people, in Dutch: per finding the place, the passage, what is wrong, what to do
//! instead and the articles; a summary line at the end. Colour only on a terminal.

use std::io::{self, Write};

use crate::finding::{Finding, Severity};
use crate::report::{Report, Summary, article_list};
use crate::rules;

pub struct Human {
    color: bool,
}

impl Human {
    pub fn new(color: bool) -> Human {
        Human { color }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
    }

    fn severity(&self, severity: Severity) -> String {
        let code = match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.paint(code, severity.dutch())
    }
}

impl Report for Human {
    fn findings(&mut self, out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
        for f in findings {
            let place = format!("{}:{}:{}", f.path, f.line, f.column);
            writeln!(
                out,
                "{}  {} {}  {}",
                self.paint("1", &place),
                self.severity(f.severity),
                f.rule,
                f.category.dutch()
            )?;
            let mut about = Vec::new();
            if let Some(item) = &f.item {
                about.push(format!("bericht {item}"));
            }
            if let Some(author) = &f.author {
                about.push(format!("van {author}"));
            }
            if let Some(time) = &f.time {
                about.push(format!("op {time}"));
            }
            if !about.is_empty() {
                writeln!(out, "  ({})", about.join(", "))?;
            }
            writeln!(out, "  {}", f.message)?;
            if !f.quoted_detail.is_empty() {
                writeln!(out, "  ({})", f.quoted_detail)?;
            }
            if !f.context.line_text.is_empty() {
                let number = f.line.to_string();
                let gutter = " ".repeat(number.len());
                // A long line shows as a window around the passage, with … where it goes on.
                let (before, after) =
                    (if f.context.cut_before { "…" } else { "" }, if f.context.cut_after { "…" } else { "" });
                let line: String = f.context.line_text.chars().map(|c| if c == '\t' { ' ' } else { c }).collect();
                writeln!(out, "  {} {} {before}{line}{after}", self.paint("2", &number), self.paint("2", "|"))?;
                let marker = format!(
                    "{}{}",
                    " ".repeat(f.context.char_start + before.chars().count()),
                    "^".repeat(f.context.char_end.saturating_sub(f.context.char_start).max(1))
                );
                let marker_color = match f.severity {
                    Severity::Error => "31",
                    Severity::Warning => "33",
                    Severity::Info => "36",
                };
                writeln!(out, "  {} {} {}", gutter, self.paint("2", "|"), self.paint(marker_color, &marker))?;
            } else {
                writeln!(out, "  Passage: {}", f.matched)?;
            }
            if let Some(rule) = rules::find(f.rule) {
                writeln!(out, "  Wat kun je doen: {}", rule.advice)?;
            }
            let articles = article_list(f);
            if !articles.is_empty() {
                writeln!(out, "  Protocol: {articles}")?;
            }
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let files = if summary.files == 1 { "1 bestand".to_string() } else { format!("{} bestanden", summary.files) };
        let items =
            if summary.items > summary.files { format!(" ({} berichten)", summary.items) } else { String::new() };
        let unread = match summary.errors {
            0 => String::new(),
            1 => " Let op: 1 bestand kon niet (helemaal) gelezen worden, zie hierboven.".to_string(),
            n => format!(" Let op: {n} bestanden konden niet (helemaal) gelezen worden, zie hierboven."),
        };
        let (none, known) = match summary.hidden_by_baseline {
            None => ("Geen meldingen", String::new()),
            Some(0) => ("Geen nieuwe meldingen", String::new()),
            Some(1) => ("Geen nieuwe meldingen", " 1 bekende melding uit de baseline niet getoond.".to_string()),
            Some(n) => ("Geen nieuwe meldingen", format!(" {n} bekende meldingen uit de baseline niet getoond.")),
        };
        if summary.findings == 0 && summary.errors > 0 {
            writeln!(out, "{}", self.paint("1;33", &format!("{none} in {files}{items}.{known}{unread}")))?;
            return Ok(());
        }
        if summary.findings == 0 {
            let message = format!("{none} in {files}{items}.{known} Ziet er goed uit!");
            writeln!(out, "{}", self.paint("1;32", &message))?;
            return Ok(());
        }
        let count = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
        let parts = [
            count(summary.count(Severity::Error), "fout", "fouten"),
            count(summary.count(Severity::Warning), "waarschuwing", "waarschuwingen"),
            count(summary.count(Severity::Info), "tip", "tips"),
        ];
        let (one, many) = match summary.hidden_by_baseline {
            Some(_) => ("nieuwe melding", "nieuwe meldingen"),
            None => ("melding", "meldingen"),
        };
        let total = count(summary.findings, one, many);
        writeln!(
            out,
            "{}",
            self.paint("1", &format!("{total} in {files}{items}: {}.{known}{unread}", parts.join(", ")))
        )
    }
}
