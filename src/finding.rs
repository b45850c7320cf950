//! The finding: the one type that detectors produce and printers consume.

use serde::Serialize;

use crate::protocol::Guideline;
use crate::rules::Rule;

/// What kind of problem a finding is. The JSON names are part of the command-line contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    PupilName,
    PersonalData,
    Confidential,
    Insult,
    Discrimination,
    Threat,
    Obscene,
    Disclaimer,
    MediaConsent,
    /// About postwacht itself: an inline exception that does not work or is no longer needed.
    Suppression,
}

impl Category {
    pub const ALL: [Category; 10] = [
        Category::PupilName,
        Category::PersonalData,
        Category::Confidential,
        Category::Insult,
        Category::Discrimination,
        Category::Threat,
        Category::Obscene,
        Category::Disclaimer,
        Category::MediaConsent,
        Category::Suppression,
    ];

    /// The stable machine name (`pupil-name`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::PupilName => "pupil-name",
            Category::PersonalData => "personal-data",
            Category::Confidential => "confidential",
            Category::Insult => "insult",
            Category::Discrimination => "discrimination",
            Category::Threat => "threat",
            Category::Obscene => "obscene",
            Category::Disclaimer => "disclaimer",
            Category::MediaConsent => "media-consent",
            Category::Suppression => "suppression",
        }
    }

    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// The Dutch name shown to people.
    pub fn dutch(self) -> &'static str {
        match self {
            Category::PupilName => "naam van een leerling",
            Category::PersonalData => "persoonsgegevens",
            Category::Confidential => "vertrouwelijke informatie",
            Category::Insult => "belediging",
            Category::Discrimination => "discriminatie",
            Category::Threat => "bedreiging",
            Category::Obscene => "obsceen",
            Category::Disclaimer => "disclaimer ontbreekt",
            Category::MediaConsent => "toestemming beeldmateriaal",
            Category::Suppression => "uitzondering",
        }
    }

    /// Insult, discrimination, threat and obscenity together are "abuse".
    pub fn is_abuse(self) -> bool {
        matches!(self, Category::Insult | Category::Discrimination | Category::Threat | Category::Obscene)
    }
}

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(name: &str) -> Option<Severity> {
        match name {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }

    pub fn dutch(self) -> &'static str {
        match self {
            Severity::Info => "tip",
            Severity::Warning => "waarschuwing",
            Severity::Error => "fout",
        }
    }

    /// One step down (used where the evidence is weaker than the rule's default assumes).
    pub fn lowered(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            _ => Severity::Info,
        }
    }
}

/// A problem found by a detector, in the coordinates of the text that was scanned.
///
/// Detectors create these; [`crate::scan`] turns them into [`Finding`]s.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub rule: &'static Rule,
    pub severity: Severity,
    /// Byte range in the scanned text.
    pub start: usize,
    pub end: usize,
    /// A short Dutch addition to the rule's message that reveals nothing of the matched text
    /// (e.g. "vermomd geschreven"), or empty.
    pub detail: String,
    /// An addition that quotes the text (the pupil a photo finding is about); left out under
    /// `--redact`, or empty.
    pub quoted_detail: String,
}

impl Hit {
    pub fn new(rule: &'static Rule, start: usize, end: usize) -> Hit {
        Hit { rule, severity: rule.severity, start, end, detail: String::new(), quoted_detail: String::new() }
    }

    pub fn with_quoted_detail(mut self, detail: impl Into<String>) -> Hit {
        self.quoted_detail = detail.into();
        self
    }

    pub fn with_severity(mut self, severity: Severity) -> Hit {
        self.severity = severity;
        self
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Hit {
        self.detail = detail.into();
        self
    }
}

/// One reported problem, ready for printing. Field names and order are part of the JSON contract.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub path: String,
    pub item: Option<String>,
    pub category: Category,
    pub rule: &'static str,
    pub severity: Severity,
    pub line: usize,
    pub column: usize,
    /// Where the passage ends: the line, and the column just past its last character (1-based,
    /// in characters), for printers that mark a range (SARIF, GitHub). Not part of the JSON.
    #[serde(skip)]
    pub end_line: usize,
    #[serde(skip)]
    pub end_column: usize,
    pub start: usize,
    pub end: usize,
    pub matched: String,
    pub message: String,
    /// What the finding is about, quoting the text (the pupils a photo finding concerns), for
    /// people: empty under `--redact`, and never in SARIF or GitHub annotations, whose messages
    /// are the rule's own text.
    #[serde(skip)]
    pub quoted_detail: String,
    pub guidelines: Vec<Guideline>,
    /// Who wrote the item (comment exports), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// When the item was written (comment exports), as given in the export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Where the comment can be seen (comment exports), when the export says; for the review
    /// page, not part of the JSON.
    #[serde(skip)]
    pub link: Option<String>,
    /// The line of text the finding is on, for human output; never serialised.
    #[serde(skip)]
    pub context: Context,
    /// The passage's keyed fingerprint, when a baseline is read or written; never serialised.
    #[serde(skip)]
    pub fingerprint: Option<crate::baseline::Fingerprint>,
}

/// The line a finding sits on, with the finding's place in it, for human output. A long line is
/// cut to a window around the passage ([`Context::WINDOW`] characters each side): a finding that
/// kept a copy of its whole line made a 200 KB line with findings take gigabytes.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// The line, or the window of it.
    pub line_text: String,
    /// Character range of the finding within `line_text` (clipped to the line).
    pub char_start: usize,
    pub char_end: usize,
    /// Whether the line goes on before or after the window.
    pub cut_before: bool,
    pub cut_after: bool,
}

impl Context {
    /// How many characters of the line a window keeps before and after the passage.
    pub const WINDOW: usize = 120;

    /// The context of the passage at characters `char_start..char_end` of `line` (whose byte
    /// offsets are `byte_start..byte_end`), cut to a window.
    pub fn around(line: &str, byte_start: usize, byte_end: usize, char_start: usize, char_end: usize) -> Context {
        let byte_end = byte_end.clamp(byte_start, line.len());
        let before = &line[..byte_start.min(line.len())];
        let from = before.char_indices().rev().nth(Context::WINDOW - 1).map_or(0, |(i, _)| i);
        let after = &line[byte_end..];
        let to = byte_end + after.char_indices().nth(Context::WINDOW).map_or(after.len(), |(i, _)| i);
        let skipped = if from == 0 { 0 } else { char_start - before[from..].chars().count() };
        Context {
            line_text: line[from..to].to_string(),
            char_start: char_start - skipped,
            char_end: char_end - skipped,
            cut_before: from > 0,
            cut_after: to < line.len(),
        }
    }
}
