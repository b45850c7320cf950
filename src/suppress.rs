//! Inline exceptions: a passage the writer has looked at and wants published anyway.
//!
//! In Markdown and HTML an exception is a comment, which readers never see:
//!
//! ```text
//! <!-- postwacht: negeer PW102 -- ouders gaven toestemming -->
//! Daan won de voorleeswedstrijd.
//! ```
//!
//! In a plain-text draft it is a line of its own, `postwacht: negeer PW102 -- reden`; that line is
//! not checked, and since it would be published when the draft is pasted as it is, postwacht
//! reminds the writer to take it out (PW903, a tip).
//!
//! An exception names one or more rules (`PW101, PW202` or `pupil-full-name`; a reason may follow
//! `--`) and hides their findings on the next line with text, or, when the comment shares its
//! line with text, on that line. `negeer-bestand` hides them in the whole file. An exception
//! without a known rule (PW902) or that hides nothing (PW901) is reported. Exceptions are honoured
//! only in files the user writes: a comment in an export is written by someone else, and a
//! commenter must not be able to hide their own comment.

use std::sync::LazyLock;

use regex::Regex;

use crate::finding::{Category, Finding, Hit};
use crate::line_index::LineIndex;
use crate::markup::Markup;
use crate::prefilter::contains_ignore_ascii_case;
use crate::rules::{self, Rule};
use crate::scan::{Location, Scanner};

/// A comment addressed to postwacht (Markdown and HTML).
static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<!--[ \t\r\n]*postwacht[ \t]*:(?P<body>.*?)-->").expect("valid regex"));

/// A line addressed to postwacht (plain text): it must say `negeer`, so that a sentence that
/// happens to start with "postwacht:" is still text.
static LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)^[ \t]*postwacht[ \t]*:[ \t]*(?P<body>negeer(?:-bestand)?(?:[ \t][^\n]*)?)$")
        .expect("valid regex")
});

/// What an exception covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    /// One line (1-based, in the text).
    Line(usize),
    File,
}

/// One exception in a text.
#[derive(Debug)]
struct Directive {
    /// Byte range of the comment or line in the text.
    start: usize,
    end: usize,
    scope: Scope,
    /// The rules it names that exist, each with whether it hid something.
    rules: Vec<(&'static Rule, bool)>,
    /// Why it does not (wholly) work, for PW902.
    problem: Option<&'static str>,
    /// A plain-text line, which would be published with the draft.
    visible: bool,
}

/// The exceptions of one text.
#[derive(Debug, Default)]
pub struct Directives {
    list: Vec<Directive>,
}

impl Directives {
    /// The exceptions in `text`, read as `markup`.
    pub fn find(text: &str, markup: Markup) -> Directives {
        // Both patterns need the word "postwacht"; its tail has no letters with Unicode case
        // variants, so an ASCII search for it passes every text that can match.
        if !contains_ignore_ascii_case(text, "twacht") {
            return Directives { list: Vec::new() };
        }
        let pattern = if markup == Markup::Text { &*LINE } else { &*COMMENT };
        // Only a text that has exceptions needs its lines counted.
        let mut lines = None;
        let list = pattern
            .captures_iter(text)
            .filter_map(|c| {
                let whole = c.get(0)?;
                let lines = lines.get_or_insert_with(|| LineIndex::new(text));
                Some(directive(text, lines, whole.start(), whole.end(), &c["body"], markup == Markup::Text))
            })
            .collect();
        Directives { list }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Blank the exceptions that are text to the checks (plain-text lines) in `published`, a copy
    /// of the text of the same length.
    pub fn blank(&self, published: &mut String) {
        for d in self.list.iter().filter(|d| d.visible) {
            if published.len() >= d.end && published.is_char_boundary(d.start) && published.is_char_boundary(d.end) {
                published.replace_range(d.start..d.end, &" ".repeat(d.end - d.start));
            }
        }
    }

    /// Remove the findings the exceptions hide, and add a finding for each exception that does
    /// not work, hides nothing, or would be published.
    pub fn apply(
        mut self,
        scanner: &Scanner,
        text: &str,
        location: &Location,
        redact: bool,
        findings: &mut Vec<Finding>,
    ) {
        if self.list.is_empty() {
            return;
        }
        findings.retain(|f| {
            if f.category == Category::Suppression {
                return true;
            }
            let (first, last) = (f.line - location.line_offset, f.end_line - location.line_offset);
            let mut hidden = false;
            for d in &mut self.list {
                let covers = match d.scope {
                    Scope::File => true,
                    Scope::Line(line) => first <= line && line <= last,
                };
                if !covers {
                    continue;
                }
                for (rule, used) in &mut d.rules {
                    if rule.code == f.rule {
                        *used = true;
                        hidden = true;
                    }
                }
            }
            !hidden
        });
        let mut hits = Vec::new();
        for d in &self.list {
            if let Some(problem) = d.problem {
                hits.push(Hit::new(&rules::INVALID_SUPPRESSION, d.start, d.end).with_detail(problem));
            }
            for (rule, used) in &d.rules {
                if !used {
                    hits.push(Hit::new(&rules::UNUSED_SUPPRESSION, d.start, d.end).with_detail(rule.code));
                }
            }
            if d.visible {
                hits.push(Hit::new(&rules::SUPPRESSION_IN_TEXT, d.start, d.end));
            }
        }
        findings.extend(scanner.describe(text, hits, location, redact));
        findings.sort_by_key(|f| (f.start, f.end, f.rule));
    }
}

/// Read one exception: `body` is what follows `postwacht:`.
fn directive(text: &str, lines: &LineIndex, start: usize, end: usize, body: &str, visible: bool) -> Directive {
    let body = body.trim();
    let (verb, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let names = rest.split_once("--").map_or(rest, |(names, _reason)| names);
    let whole_file = verb.eq_ignore_ascii_case("negeer-bestand");
    let mut rules: Vec<(&'static Rule, bool)> = Vec::new();
    let mut problem = None;
    if !whole_file && !verb.eq_ignore_ascii_case("negeer") {
        problem = Some("onbekende aanwijzing; schrijf 'negeer' of 'negeer-bestand'");
    } else {
        for name in names.split([',', ' ', '\t', '\r', '\n']).filter(|n| !n.is_empty()) {
            match rules::find(name) {
                Some(rule) if rule.category == Category::Suppression => {
                    problem = Some("een melding over uitzonderingen kun je niet negeren");
                }
                Some(rule) => {
                    if !rules.iter().any(|(r, _)| r.code == rule.code) {
                        rules.push((rule, false));
                    }
                }
                None => problem = Some("onbekende regelcode; een reden zet je achter --"),
            }
        }
        if rules.is_empty() && problem.is_none() {
            problem = Some("er staat geen regelcode in");
        }
    }
    let scope = if whole_file { Scope::File } else { Scope::Line(target_line(text, lines, start, end)) };
    Directive { start, end, scope, rules, problem, visible }
}

/// The line an exception at `start..end` is about: its own line when that has other text on it,
/// else the next line with text (1-based).
fn target_line(text: &str, lines: &LineIndex, start: usize, end: usize) -> usize {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let own_line = lines.line(start);
    if !text[line_start..start].trim().is_empty() || !text[end..line_end].trim().is_empty() {
        return own_line;
    }
    let end_line = lines.line(end);
    let blank_after = text[line_end..].split('\n').skip(1).take_while(|l| l.trim().is_empty()).count();
    end_line + 1 + blank_after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only(text: &str, markup: Markup) -> Directive {
        let mut found = Directives::find(text, markup).list;
        assert_eq!(found.len(), 1, "{found:?}");
        found.remove(0)
    }

    #[test]
    fn comments_name_rules_and_reasons() {
        let d = only("<!-- postwacht: negeer PW101, pw202 -- toestemming -->\nNoor", Markup::Markdown);
        assert_eq!(d.rules.iter().map(|(r, _)| r.code).collect::<Vec<_>>(), ["PW101", "PW202"]);
        assert_eq!((d.scope, d.problem, d.visible), (Scope::Line(2), None, false));
        let d = only("<!--postwacht: negeer-bestand pupil-full-name-->", Markup::Html);
        assert_eq!((d.scope, d.rules[0].0.code), (Scope::File, "PW101"));
    }

    #[test]
    fn nameless_and_unknown_rules_are_problems() {
        assert!(only("<!-- postwacht: negeer -->", Markup::Markdown).problem.is_some());
        assert!(only("<!-- postwacht: negeer PW999 -->", Markup::Markdown).problem.is_some());
        assert!(only("<!-- postwacht: negeer PW101 Noor -->", Markup::Markdown).problem.is_some());
        assert!(only("<!-- postwacht: vergeet PW101 -->", Markup::Markdown).problem.is_some());
        assert!(only("<!-- postwacht: negeer PW901 -->", Markup::Markdown).problem.is_some());
    }

    #[test]
    fn the_target_is_the_next_line_with_text_or_the_own_line() {
        assert_eq!(only("a\n<!-- postwacht: negeer PW101 -->\n\n  \nNoor", Markup::Markdown).scope, Scope::Line(5));
        assert_eq!(only("Noor <!-- postwacht: negeer PW101 -->\nb", Markup::Markdown).scope, Scope::Line(1));
        assert_eq!(only("<!--\n postwacht: negeer PW101\n-->\nNoor", Markup::Markdown).scope, Scope::Line(4));
    }

    #[test]
    fn plain_text_lines_must_say_negeer() {
        let d = only("Hoi\npostwacht: negeer PW102\nDaan won.", Markup::Text);
        assert_eq!((d.scope, d.visible), (Scope::Line(3), true));
        assert!(Directives::find("postwacht: een handig hulpmiddel", Markup::Text).is_empty());
        assert!(Directives::find("postwacht: negeer PW101", Markup::Markdown).is_empty());
        let mut copy = "Hoi\npostwacht: negeer PW102\nDaan".to_string();
        Directives::find(&copy.clone(), Markup::Text).blank(&mut copy);
        assert_eq!(copy, format!("Hoi\n{}\nDaan", " ".repeat(23)));
    }
}
