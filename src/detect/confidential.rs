//! Confidential information (PW301–PW305).
//!
//! Care, health and personnel terms (zorgoverleg, ADHD, geschorst) only count when the sentence
//! is about a person: a pupil's name, a capitalised first name, a title with a name, or a
//! reference such as "hij", "mijn leerling", "een collega". A topic without a person ("een
//! informatieavond over dyslexie") is fine. Closed-meeting terms and secrecy markers ("onder ons",
//! "mag nog niemand weten") count on their own.

use crate::detect::Document;
use crate::detect::names::Mention;
use crate::finding::Hit;
use crate::lexicon::{ConfidentialKind, ContextRole, Mode};
use crate::matcher::Target;
use crate::rules;

pub fn detect(doc: &Document<'_>, mentions: &[Mention], hits: &mut Vec<Hit>) {
    // One finding per sentence and kind, spanning its confidential terms.
    let mut passages: Vec<(usize, ConfidentialKind, Hit)> = Vec::new();
    for found in doc.found_where(|t| matches!(t, Target::Confidential(_))) {
        let Target::Confidential(i) = found.target else { continue };
        let entry = &doc.lexicon.confidential[i as usize];
        let written_right = match entry.term.mode {
            Mode::Acronym => (found.first..=found.last).all(|t| doc.is_all_caps(t) || doc.token(t).len() == 1),
            Mode::Name => (found.first..=found.last).all(|t| doc.is_capitalised(t) || doc.token(t).len() <= 3),
            _ => true,
        };
        if !written_right {
            continue;
        }
        let (start, end) = doc.original_tokens(found.first, found.last);
        if doc.is_protected(start, end) || inside_safe(doc, found.first, found.last) {
            continue;
        }
        let sentence = doc.sentence_index(found.first);
        // A personnel matter may be the writer's own: "mijn aanstelling wordt niet verlengd".
        let about_the_writer = || entry.kind == ConfidentialKind::Personnel && by_the_writer(doc, found.first);
        if entry.kind.needs_person() && !about_a_person(doc, mentions, found.first) && !about_the_writer() {
            continue;
        }
        if let Some((_, _, hit)) = passages.iter_mut().find(|(s, k, _)| *s == sentence && *k == entry.kind) {
            hit.start = hit.start.min(start);
            hit.end = hit.end.max(end);
            hit.severity = hit.severity.max(entry.severity);
            continue;
        }
        let rule = match entry.kind {
            ConfidentialKind::PupilCare => &rules::CARE,
            ConfidentialKind::Health => &rules::HEALTH,
            ConfidentialKind::Personnel => &rules::PERSONNEL,
            ConfidentialKind::Meeting => &rules::CLOSED_MEETING,
            ConfidentialKind::Secrecy => &rules::SECRECY_MARKER,
        };
        passages.push((sentence, entry.kind, Hit::new(rule, start, end).with_severity(entry.severity)));
    }
    hits.extend(passages.into_iter().map(|(_, _, hit)| hit));
}

/// A safe phrase (`kwf kankerbestrijding`) covers the match.
fn inside_safe(doc: &Document<'_>, first: usize, last: usize) -> bool {
    doc.found_starting_in(first.saturating_sub(crate::detect::abuse::MAX_SAFE_WORDS), first + 1)
        .iter()
        .any(|s| matches!(s.target, Target::Safe(_)) && last <= s.last)
}

/// Does the writer speak of themself in the sentence around token `i` ("ik", "mijn")?
fn by_the_writer(doc: &Document<'_>, i: usize) -> bool {
    let (start, end) = doc.sentence_range(i);
    (start..end).any(|t| matches!(doc.token(t), "ik" | "mijn" | "m'n" | "me" | "mij"))
}

/// Is the sentence around token `i` about a particular person?
pub fn about_a_person(doc: &Document<'_>, mentions: &[Mention], i: usize) -> bool {
    let (start, end) = doc.sentence_range(i);
    let (orig_start, _) = doc.original_tokens(start, start);
    let (_, orig_end) = doc.original_tokens(end - 1, end - 1);
    if mentions.iter().any(|m| m.start < orig_end && orig_start < m.end) {
        return true;
    }
    if doc.cue_within(ContextRole::Person, start, end) || doc.cue_within(ContextRole::Title, start, end) {
        return true;
    }
    // A capitalised first name that is not the first word of the sentence: "Sanne heeft ADHD".
    (start..end).any(|t| {
        let word = doc.token(t);
        (t > start || doc.cue_after(ContextRole::Verb, t))
            && doc.is_capitalised(t)
            && !doc.is_all_caps(t)
            && doc.lexicon.first_names.contains(word)
            && !doc.lexicon.is_common_word(word)
    })
}
