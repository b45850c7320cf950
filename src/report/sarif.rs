//! SARIF 2.1.0 (`--format sarif`), for code scanning: GitHub uploads it with `upload-sarif`, and
//! editors and other platforms read it too.
//!
//! `tool.driver.rules` is the whole rule table, in its order, so a result's `ruleIndex` is the rule's
//! place in [`rules::ALL`]: short description = summary, full description = explanation, help =
//! advice and the articles. Columns count characters (`columnKind: unicodeCodePoints`) and a
//! region's `endColumn` is exclusive. `charOffset` is left out: our offsets count bytes, and the
//! spec wants `charOffset` and `charLength` together and in characters.
//!
//! Alerts are seen by everyone with access to the repository, so no result carries the matched
//! text, a snippet or an author: the message is the rule's own text (which never quotes the
//! passage) and the articles. That makes `--redact` and plain output the same here.

use std::io::{self, Write};

use serde::Serialize;

use crate::finding::{Finding, Severity};
use crate::protocol::Guideline;
use crate::report::stream::{Array, write_value};
use crate::report::{Report, Summary, article_list};
use crate::rules::{self, Rule};

/// Where the SARIF 2.1.0 schema is published (the address GitHub's documentation uses).
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// One SARIF log with one run, written as the findings come: the tool and its rules first, then
/// the results, then the invocation (whose success is known only at the end).
#[derive(Default)]
pub struct Sarif {
    /// The results array, once the log is begun.
    results: Option<Array>,
}

impl Sarif {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<&mut Array> {
        if self.results.is_none() {
            let tool = Tool {
                driver: Driver {
                    name: "postwacht",
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    language: "nl-NL",
                    rules: rules::ALL.iter().map(|r| descriptor(r)).collect(),
                },
            };
            write!(
                out,
                "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": "
            )?;
            write_value(out, &tool, 6)?;
            write!(out, ",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")?;
        }
        Ok(self.results.get_or_insert_with(|| Array::new(8)))
    }
}

impl Report for Sarif {
    fn findings(&mut self, out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
        let results = self.begin(out)?;
        for f in findings {
            results.push(out, &result(f))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        self.begin(out)?.close(out)?;
        write!(out, ",\n      \"invocations\": ")?;
        write_value(out, &[Invocation { execution_successful: summary.errors == 0 }], 6)?;
        writeln!(out, "\n    }}\n  ]\n}}")
    }
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    semantic_version: &'static str,
    language: &'static str,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    /// False when a file could not be read or parsed (exit status 2).
    execution_successful: bool,
}

/// A `reportingDescriptor`: one rule.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: [&'static str; 1],
    /// GitHub's own severity scale: error, warning or recommendation.
    #[serde(rename = "problem.severity")]
    problem_severity: &'static str,
    /// Every article the rule breaks, in every protocol (results name those of the chosen ones).
    guidelines: Vec<Guideline>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    properties: ResultProperties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct ResultProperties {
    category: &'static str,
    severity: &'static str,
    /// The comment in an export, when the file is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time: Option<String>,
    /// Byte offsets into the file, as in the JSON output.
    start: usize,
    end: usize,
    /// The articles of the chosen protocols (their summaries are in the rule's properties).
    articles: Vec<ArticleRef>,
}

#[derive(Serialize)]
struct ArticleRef {
    protocol: &'static str,
    article: &'static str,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// What a rule that cites no protocol article (PW9xx, about postwacht itself) says instead.
pub const NO_ARTICLES: &str = "Deze regel gaat over postwacht zelf en verwijst naar geen protocolartikel.";

fn descriptor(rule: &Rule) -> Descriptor {
    let guidelines = rule.guidelines(&crate::protocol::Protocol::ALL);
    // A rule about postwacht itself (PW9xx) cites no article: say so rather than print an empty
    // list.
    let (articles_text, articles_markdown) = if guidelines.is_empty() {
        (NO_ARTICLES.to_string(), NO_ARTICLES.to_string())
    } else {
        let line = |g: &crate::protocol::Guideline| format!("{} {}: {}", g.protocol.title(), g.article, g.summary);
        let item =
            |g: &crate::protocol::Guideline| format!("- **{} {}**: {}", g.protocol.title(), g.article, g.summary);
        (
            format!("Artikelen:\n{}", guidelines.iter().map(line).collect::<Vec<_>>().join("\n")),
            format!("**Artikelen**\n\n{}", guidelines.iter().map(item).collect::<Vec<_>>().join("\n")),
        )
    };
    Descriptor {
        id: rule.code,
        name: rule.name,
        short_description: Text { text: rule.summary.to_string() },
        full_description: Text { text: rule.explanation.to_string() },
        help: Help {
            text: format!("Wat kun je doen: {}\n\n{articles_text}", rule.advice),
            markdown: format!("**Wat kun je doen:** {}\n\n{articles_markdown}", rule.advice),
        },
        default_configuration: Configuration { level: level(rule.severity) },
        properties: RuleProperties {
            tags: [rule.category.as_str()],
            problem_severity: match rule.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "recommendation",
            },
            guidelines,
        },
    }
}

fn result(f: &Finding) -> SarifResult {
    let mut message = f.message.clone();
    if let Some(item) = &f.item {
        message.push_str(&format!(" Bericht {item}."));
    }
    let articles = article_list(f);
    if !articles.is_empty() {
        message.push_str(&format!(" Protocol: {articles}."));
    }
    SarifResult {
        rule_id: f.rule,
        rule_index: rules::ALL.iter().position(|r| r.code == f.rule),
        level: level(f.severity),
        message: Text { text: message },
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri: artifact_uri(&f.path) },
                region: Region {
                    start_line: f.line,
                    start_column: f.column,
                    end_line: f.end_line,
                    end_column: f.end_column,
                },
            },
        }],
        properties: ResultProperties {
            category: f.category.as_str(),
            severity: f.severity.as_str(),
            item: f.item.clone(),
            time: f.time.clone(),
            start: f.start,
            end: f.end,
            articles: f
                .guidelines
                .iter()
                .map(|g| ArticleRef { protocol: g.protocol.id(), article: g.article })
                .collect(),
        },
    }
}

/// The path as a URI reference: relative paths stay relative (GitHub wants them relative to the
/// repository), absolute ones become `file:` URIs; separators become `/` and everything outside
/// the unreserved characters is percent-encoded (UTF-8), so `Zoë.md` is `Zo%C3%AB.md`.
pub fn artifact_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    let (prefix, rest) = if path.starts_with('/') {
        ("file://", path.as_str())
    } else if drive {
        ("file:///", path.as_str())
    } else {
        ("", path.strip_prefix("./").unwrap_or(&path))
    };
    let mut uri = String::from(prefix);
    for (i, &byte) in rest.as_bytes().iter().enumerate() {
        let keep = byte.is_ascii_alphanumeric()
            || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/')
            // The drive colon of `C:/…` stays; anywhere else a colon could be read as a scheme.
            || (drive && i == 1 && byte == b':');
        if keep {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::artifact_uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(artifact_uri("nieuws/2026 schoolreis.md"), "nieuws/2026%20schoolreis.md");
        assert_eq!(artifact_uri("./nieuws/Zoë.md"), "nieuws/Zo%C3%AB.md");
        assert_eq!(artifact_uri("/home/juf/concept#1.txt"), "file:///home/juf/concept%231.txt");
        assert_eq!(artifact_uri(r"C:\Users\juf\concept.txt"), "file:///C:/Users/juf/concept.txt");
        assert_eq!(artifact_uri("a:b.txt"), "a%3Ab.txt");
        assert_eq!(artifact_uri("-"), "-");
    }
}
