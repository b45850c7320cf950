//! Printing findings. Printers see only [`Finding`]s and the run's [`Summary`]; they never look
//! at the text, the roster or the detectors.

pub mod csv;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
pub mod stream;

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::finding::{Category, Finding, Severity};
use crate::protocol::Protocol;

/// Totals of a run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub files: usize,
    pub items: usize,
    pub findings: usize,
    pub by_category: BTreeMap<&'static str, usize>,
    #[serde(skip)]
    pub by_severity: BTreeMap<Severity, usize>,
    #[serde(skip)]
    pub errors: usize,
    /// How many findings a baseline hid (`scan --baseline`); absent without a baseline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hidden_by_baseline: Option<usize>,
}

impl Summary {
    pub fn add(&mut self, findings: &[Finding]) {
        for f in findings {
            self.findings += 1;
            *self.by_category.entry(f.category.as_str()).or_default() += 1;
            *self.by_severity.entry(f.severity).or_default() += 1;
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.by_severity.get(&severity).copied().unwrap_or(0)
    }

    pub fn count_category(&self, category: Category) -> usize {
        self.by_category.get(category.as_str()).copied().unwrap_or(0)
    }
}

/// A printer.
pub trait Report {
    /// Findings of one file (or one item of an export), in order.
    fn findings(&mut self, out: &mut dyn Write, findings: &[Finding]) -> io::Result<()>;
    /// A whole text as it was scanned, before its findings: only for printers that ask for
    /// texts ([`Format::wants_texts`]).
    fn text(&mut self, _path: &str, _text: &str) {}
    /// Called once at the end.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// The output formats of `postwacht scan`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Dutch, for people.
    Human,
    /// One JSON document.
    Json,
    /// One JSON object per finding, per line.
    Jsonl,
    /// SARIF 2.1.0, for code scanning (GitHub, GitLab, editors).
    Sarif,
    /// Annotations for GitHub Actions (workflow commands).
    Github,
    /// A moderation list: one row per finding, for a spreadsheet.
    Csv,
    /// A review page: one HTML file with each text and its passages marked, or for an export
    /// a moderation worklist with deadlines; to open in a browser.
    Html,
}

impl Format {
    /// The printer for this format. Under `redact` the printers that add fields of their own
    /// (author, passage) leave out whatever could be personal data.
    pub fn printer(self, color: bool, redact: bool) -> Box<dyn Report + Send> {
        match self {
            Format::Human => Box::new(human::Human::new(color)),
            Format::Json => Box::new(json::Document::default()),
            Format::Jsonl => Box::new(json::Lines),
            Format::Sarif => Box::new(sarif::Sarif::default()),
            Format::Github => Box::new(github::Github),
            Format::Csv => Box::new(csv::ModerationList::new(redact)),
            Format::Html => Box::new(html::Page::new(redact, crate::deadline::clock::now())),
        }
    }

    /// Does this format show whole texts ([`Report::text`])? Never under `--redact`, when the
    /// texts hold what must not be shown.
    pub fn wants_texts(self, redact: bool) -> bool {
        self == Format::Html && !redact
    }
}

/// "SGH 3.2, 6.4 · Initia A.2" from a finding's guidelines.
pub fn article_list(f: &Finding) -> String {
    let mut parts: Vec<String> = Vec::new();
    for p in Protocol::ALL {
        let articles: Vec<&str> = f.guidelines.iter().filter(|g| g.protocol == p).map(|g| g.article).collect();
        if !articles.is_empty() {
            parts.push(format!("{} {}", p.title(), articles.join(", ")));
        }
    }
    parts.join(" · ")
}
