//! GitHub Actions annotations (`--format github`): one workflow command per finding,
//! `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`, which GitHub shows on the
//! lines of the pull request. Severity error, warning and info become `error`, `warning` and
//! `notice`. The message is the rule's own text with the advice and the articles, so it never
//! quotes the passage.

use std::io::{self, Write};

use crate::finding::{Finding, Severity};
use crate::report::{Report, Summary, article_list};
use crate::rules;

/// Writes each annotation as it comes; nothing at the end.
pub struct Github;

impl Report for Github {
    fn findings(&mut self, out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
        for f in findings {
            writeln!(out, "{}", annotation(f))?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

fn annotation(f: &Finding) -> String {
    let command = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut properties = Vec::new();
    // Standard input has no file to annotate; the annotation then goes on the run.
    if f.path != "-" {
        properties.push(format!("file={}", escape_property(&f.path)));
        properties.push(format!("line={}", f.line));
        properties.push(format!("endLine={}", f.end_line));
        // GitHub takes columns only for a range on one line.
        if f.end_line == f.line {
            properties.push(format!("col={}", f.column));
            properties.push(format!("endColumn={}", f.end_column));
        }
    }
    let title = format!("{} {}", f.rule, f.category.dutch());
    properties.push(format!("title={}", escape_property(&title)));

    let mut message = f.message.clone();
    if f.path == "-" {
        message = format!("regel {}, kolom {}: {message}", f.line, f.column);
    }
    if let Some(item) = &f.item {
        message.push_str(&format!(" (bericht {item})"));
    }
    if let Some(rule) = rules::find(f.rule) {
        message.push_str(&format!("\nWat kun je doen: {}", rule.advice));
    }
    let articles = article_list(f);
    if !articles.is_empty() {
        message.push_str(&format!("\nProtocol: {articles}"));
    }
    format!("::{command} {}::{}", properties.join(","), escape_data(&message))
}

/// The message of a workflow command: `%`, CR and LF are percent-encoded (GitHub's runner decodes
/// them; a raw line break would end the command).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value: as the message, and `:` and `,` too, which separate the properties.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(escape_data("50% klaar\r\nja"), "50%25 klaar%0D%0Aja");
        assert_eq!(escape_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
    }
}
