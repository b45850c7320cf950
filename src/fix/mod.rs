//! `postwacht fix`: the corrected draft. Findings become edits ([`plan`]); each round applies
//! the edits, checks the text again and keeps only the edits that did what they claim: the
//! finding they fix is gone, and no finding touches the text postwacht wrote. An edit that fails
//! is undone and not tried again. Rounds go on until nothing is left to fix (a name inside a
//! sentence that a later round drops, for instance), so running `fix` on its own output changes
//! nothing.
//!
//! Every edit replaces only its own passage ([`edit`]), so Markdown, HTML and front matter keep
//! their structure. What is left is listed with the reason it has no fix.

pub mod diff;
pub mod edit;
pub mod plan;
pub mod policy;

use std::collections::HashSet;

use crate::finding::{Category, Finding};
use crate::markup::{self, Markup};
use crate::scan::{Location, Scanner};
use edit::Edit;
use plan::{Claim, Draft};
pub use policy::{DataChoice, NameChoice, Policy};

/// At most this many rounds; a fix that needs more is not converging.
const MAX_ROUNDS: usize = 8;

/// A fix that was made.
#[derive(Clone, Debug)]
pub struct Fixed {
    pub rule: &'static str,
    pub category: Category,
    /// The passage as it was, and what it became.
    pub was: String,
    pub became: String,
    /// Where the new text is in the fixed text (byte range); `None` when a later fix took it
    /// away with its sentence.
    pub at: Option<(usize, usize)>,
    pub claim: Claim,
}

/// A finding of the fixed text that has no fix, and why.
#[derive(Clone, Debug)]
pub struct Left {
    pub finding: Finding,
    pub reason: String,
}

/// The outcome of fixing one text.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub text: String,
    pub fixed: Vec<Fixed>,
    pub left: Vec<Left>,
}

/// Fix `text` (a file read as `markup`, named `path` in findings).
pub fn fix(scanner: &Scanner, text: &str, markup: Markup, path: &str, policy: &Policy) -> Outcome {
    let location = Location::file(path);
    let check = |text: &str| markup::findings(scanner, text, markup, &location, false);
    let mut current = text.to_string();
    let mut findings = check(&current);
    let mut fixed: Vec<Fixed> = Vec::new();
    // Edits that did not do what they claim: (rule, passage) pairs not to try again.
    let mut refused: HashSet<(&'static str, String)> = HashSet::new();
    let mut failed: Vec<(&'static str, String)> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let published = markup::published(&current, markup);
        let draft = Draft { text: &current, published: &published, markup };
        let planned =
            plan::plan(&draft, &findings, policy, scanner.roster(), |f| refused.contains(&(f.rule, f.matched.clone())));
        if planned.is_empty() {
            break;
        }
        let edits: Vec<Edit> = planned.iter().map(|p| p.edit.clone()).collect();
        let (candidate, placed) = edit::apply(&current, &edits);
        let after = check(&candidate);
        let bad: Vec<usize> =
            (0..planned.len()).filter(|&i| !keeps_its_claims(&planned[i], placed[i], &findings, &after)).collect();
        if !bad.is_empty() {
            for &i in &bad {
                for &f in &planned[i].resolves {
                    let key = (findings[f].rule, findings[f].matched.clone());
                    failed.push(key.clone());
                    refused.insert(key);
                }
            }
            continue;
        }
        for f in &mut fixed {
            f.at = f.at.map(|(s, e)| edit::follow(s, e, &edits));
        }
        for (p, &at) in planned.iter().zip(&placed) {
            for (&i, claim) in p.resolves.iter().zip(&p.claims) {
                let f = &findings[i];
                fixed.push(Fixed {
                    rule: f.rule,
                    category: f.category,
                    was: f.matched.clone(),
                    became: p.edit.with.trim().to_string(),
                    at: Some(at),
                    claim: claim.clone(),
                });
            }
        }
        current = candidate;
        findings = after;
    }
    let published = markup::published(&current, markup);
    let draft = Draft { text: &current, published: &published, markup };
    let left = findings
        .into_iter()
        .map(|finding| {
            let reason = if failed.contains(&(finding.rule, finding.matched.clone())) {
                "postwacht kon dit niet zo aanpassen dat de melding verdwijnt; pas het zelf aan".to_string()
            } else {
                plan::no_fix(&finding, &draft, policy).unwrap_or_else(|| "niet aangepast".to_string())
            };
            Left { finding, reason }
        })
        .collect();
    Outcome { text: current, fixed, left }
}

/// Did `planned`, placed at `placed`, do what it claims, judging by the findings `before` and
/// `after` it? A claimed finding must be gone (on the passage, or for a whole-text claim
/// anywhere), and no new finding may touch what postwacht wrote (one that was there before, such
/// as a statement around a name, may).
fn keeps_its_claims(planned: &plan::Planned, placed: (usize, usize), before: &[Finding], after: &[Finding]) -> bool {
    let (start, end) = placed;
    let touches = |f: &Finding| {
        if start == end { f.start < start && start < f.end } else { f.start < end && start < f.end }
    };
    let (old_start, old_end) = (planned.edit.start, planned.edit.end);
    let was_there = |f: &Finding| {
        before.iter().any(|b| {
            b.rule == f.rule
                && b.start <= old_end
                && old_start <= b.end
                && !(old_start == old_end && b.end == old_start)
        })
    };
    // A tip that follows from the fix (a photo reminder once no pupil without consent is named)
    // is no new problem.
    if after.iter().any(|f| f.severity > crate::finding::Severity::Info && touches(f) && !was_there(f)) {
        return false;
    }
    planned.claims.iter().all(|claim| match claim {
        Claim::Passage(rule) => !after.iter().any(|f| f.rule == *rule && touches(f)),
        Claim::Whole(rule) => !after.iter().any(|f| f.rule == *rule),
    })
}
