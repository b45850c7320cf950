//! Insults, curses, slurs, threats and obscenity from the wordlists (PW401, PW402, PW411, PW421,
//! PW431). Hate statements without a slur are [`crate::detect::hate`]'s.
//!
//! The normaliser has already undone disguises (k4nker, k a n k e r, kankerrrr, Cyrillic letters,
//! zero-width characters), so a term is found however it was written. What remains is sense:
//! - a compound head (`kanker`, `kut`) matches any word it starts (kankerschool, kutleraar), and
//!   when the rest of the word names a group (kutmarokkaan) the compound is a slur;
//! - a term inside a harmless word or phrase from `safe.tsv` (kankerbestrijding, "heeft kanker",
//!   klerenkast) does not count;
//! - a word with an innocent sense (ezel, aap, teef, pot, nicht) counts only when it is aimed at
//!   someone: after "jij", "vieze", "je bent een", … (the `address` role of `hate.tsv`);
//! - a neutral name for a group becomes a slur after such a word ("vieze homo", "kut marokkaan").

use std::collections::HashSet;

use crate::detect::{Document, Found};
use crate::finding::{Category, Hit, Severity};
use crate::lexicon::{HateRole, Lexicon, Mode};
use crate::matcher::{Edge, MatcherBuilder, Target};
use crate::rules::{self, Rule};

/// Put the abuse, group and safe terms into the automaton.
pub fn add_to(lexicon: &Lexicon, builder: &mut MatcherBuilder) {
    for (i, entry) in lexicon.abuse.iter().enumerate() {
        for phrase in &entry.term.phrases {
            // Compound heads and tails keep one spelling: a single-letter tail ("sleten" from
            // "sletten") would end ordinary words ("versleten").
            let variants = match Edge::of(entry.term.mode) {
                Edge::Whole => spellings(lexicon, phrase),
                Edge::Head | Edge::Tail => vec![phrase.clone()],
            };
            for variant in variants {
                builder.add(&variant, Edge::of(entry.term.mode), Target::Abuse(i as u32));
            }
        }
    }
    for (i, entry) in lexicon.groups.iter().enumerate() {
        for phrase in &entry.term.phrases {
            let variants = if entry.slur.is_some() { spellings(lexicon, phrase) } else { vec![phrase.clone()] };
            for variant in variants {
                builder.add(&variant, Edge::of(entry.term.mode), Target::Group(i as u32));
            }
        }
    }
    for (i, entry) in lexicon.safe.iter().enumerate() {
        for phrase in &entry.term.phrases {
            builder.add(phrase, Edge::of(entry.term.mode), Target::Safe(i as u32));
        }
    }
}

/// A term and, for single words with a double letter, the spelling with that letter single:
/// the normaliser folds "sukkkkel" to "sukel" (three or more letters become one), so "sukkel"
/// must match "sukel" too. Skipped where the single spelling is an ordinary word.
fn spellings(lexicon: &Lexicon, phrase: &str) -> Vec<String> {
    let mut out = vec![phrase.to_string()];
    if phrase.contains(' ') || phrase.len() < 5 {
        return out;
    }
    let mut single = String::with_capacity(phrase.len());
    let mut prev = None;
    for c in phrase.chars() {
        if Some(c) != prev || !c.is_alphabetic() {
            single.push(c);
        }
        prev = Some(c);
    }
    if single != phrase && single.len() >= 4 && !lexicon.is_common_word(&single) {
        out.push(single);
    }
    out
}

/// The single-word neutral and slur names of groups, for compounds like "kutmarokkaan".
pub fn group_words(lexicon: &Lexicon) -> HashSet<String> {
    lexicon
        .groups
        .iter()
        .flat_map(|g| g.term.phrases.iter())
        .filter(|p| !p.contains(' ') && p.len() >= 3)
        .cloned()
        .collect()
}

struct Candidate {
    rule: &'static Rule,
    severity: Severity,
    first: usize,
    last: usize,
}

pub fn detect(doc: &Document<'_>, group_words: &HashSet<String>, hits: &mut Vec<Hit>) {
    let safe: Vec<&Found> = doc.found_where(|t| matches!(t, Target::Safe(_))).collect();
    let mut candidates: Vec<Candidate> = Vec::new();
    for found in &doc.found {
        let candidate = match found.target {
            Target::Abuse(i) => abuse_term(doc, found, i, group_words),
            Target::Group(i) => group_term(doc, found, i),
            _ => None,
        };
        let Some(candidate) = candidate else { continue };
        if safe.iter().any(|s| covers(doc, s, found)) {
            continue;
        }
        let (start, end) = doc.original_tokens(candidate.first, candidate.last);
        if doc.is_protected(start, end) {
            continue;
        }
        candidates.push(candidate);
    }
    // Where findings overlap, keep the widest (a threat phrase over the insult inside it), then
    // the most severe.
    candidates.sort_by_key(|c| (c.first, std::cmp::Reverse(c.last), std::cmp::Reverse(c.severity)));
    let mut last_end: Option<usize> = None;
    for c in candidates {
        if last_end.is_some_and(|e| c.first <= e) {
            continue;
        }
        last_end = Some(c.last);
        let (start, end) = doc.original_tokens(c.first, c.last);
        let disguised = (c.first..=c.last).any(|t| doc.view.tokens[t].disguised);
        let hit = Hit::new(c.rule, start, end).with_severity(c.severity);
        hits.push(if disguised { hit.with_detail("vermomd geschreven") } else { hit });
    }
}

/// Does the safe phrase `s` cover the abuse match `f`?
fn covers(doc: &Document<'_>, s: &Found, f: &Found) -> bool {
    // A safe compound head ("kleren") covers the whole word it starts.
    let safe_end = if s.edge == Edge::Head { doc.view.tokens[s.last].end } else { s.end };
    s.start <= f.start && f.end <= safe_end
}

fn abuse_term(doc: &Document<'_>, found: &Found, i: u32, group_words: &HashSet<String>) -> Option<Candidate> {
    let entry = &doc.lexicon.abuse[i as usize];
    if !applies(doc, found, entry.term.mode) {
        return None;
    }
    let rule = match entry.category {
        Category::Obscene => &rules::OBSCENE_WORD,
        Category::Threat => &rules::THREAT_PHRASE,
        Category::Discrimination => &rules::HATE_STATEMENT,
        _ if entry.term.mode == Mode::Prefix => &rules::CURSE,
        _ => &rules::INSULT_WORD,
    };
    let severity = entry.severity;
    // A curse compound whose other half names a group is a slur: kutmarokkaan, kanker-jood.
    if found.edge == Edge::Head {
        let word = doc.token(found.first);
        let rest = &word[found.end - doc.view.tokens[found.first].start..];
        let next_is_group = rest.is_empty()
            && found.last + 1 < doc.token_count()
            && doc.text[doc.original_tokens(found.last, found.last).1..].starts_with('-')
            && group_words.contains(doc.token(found.last + 1));
        if group_words.contains(rest) || next_is_group {
            let last = if next_is_group { found.last + 1 } else { found.last };
            return Some(Candidate { rule: &rules::SLUR, severity: Severity::Error, first: found.first, last });
        }
    }
    Some(Candidate { rule, severity, first: found.first, last: found.last })
}

fn group_term(doc: &Document<'_>, found: &Found, i: u32) -> Option<Candidate> {
    let entry = &doc.lexicon.groups[i as usize];
    match entry.slur {
        Some(severity) => applies(doc, found, entry.term.mode).then_some(Candidate {
            rule: &rules::SLUR,
            severity,
            first: found.first,
            last: found.last,
        }),
        // A neutral name after a word that aims it at someone: "vieze homo", "jij jood".
        None => aimed(doc, found.first).then(|| {
            let cue = doc.cues.ending_at(doc, HateRole::Address.into(), found.first - 1).unwrap_or(0);
            Candidate { rule: &rules::SLUR, severity: Severity::Error, first: found.first - cue, last: found.last }
        }),
    }
}

/// Does the match respect its term's mode?
fn applies(doc: &Document<'_>, found: &Found, mode: Mode) -> bool {
    match mode {
        Mode::Addressed => aimed(doc, found.first),
        Mode::Acronym => (found.first..=found.last).all(|t| doc.is_all_caps(t)),
        Mode::Name => (found.first..=found.last).all(|t| doc.is_capitalised(t)),
        Mode::Word | Mode::Prefix | Mode::Suffix => true,
    }
}

/// Is the word at token `first` aimed at someone: "jij ezel", "vieze teef", "je bent een aap"?
pub fn aimed(doc: &Document<'_>, first: usize) -> bool {
    first > 0 && doc.cue_before(HateRole::Address, first)
}
