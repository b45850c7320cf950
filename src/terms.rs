//! The school's own terms (`[terms]` in `postwacht.toml`): extra terms to report, built-in terms
//! to leave out, and allowed phrases.
//!
//! - An **extra** term is reported with the school-term rule of its category (PW309, PW409, PW419,
//!   PW429, PW439), matched like a wordlist term: folded, with disguises undone.
//! - A **removed** term takes a built-in entry out of the abuse, slur and confidential lists
//!   (all of its spellings, typo variants and compounds), as if the wordlists never had it.
//! - An **allowed** phrase covers every finding that lies inside it, whatever check found it
//!   (a school called "De Kanjer", a sponsor "Kanker.nl", a street named like a pupil). A finding
//!   that reaches beyond the phrase is still reported.
//!
//! Terms use the wordlists' phrase syntax (`(a|b)`, see `wordlists/README.md`), written in any
//! case; a `*` at the end makes a single word a compound head (`heks*` matches "heksenschool"), at
//! the start a compound tail.

use std::sync::{Mutex, PoisonError};

use crate::finding::{Category, Severity};
use crate::lexicon::Lexicon;
use crate::matcher::{Edge, MatcherBuilder, Target};
use crate::normalize::normalize_term;
use crate::phrase::Phrase;
use crate::rules::{self, Rule};

/// The school's own terms, as given in the configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SchoolTerms {
    pub extra: Vec<ExtraTerm>,
    pub remove: Vec<String>,
    pub allow: Vec<String>,
}

impl SchoolTerms {
    pub fn is_empty(&self) -> bool {
        self.extra.is_empty() && self.remove.is_empty() && self.allow.is_empty()
    }
}

/// A term the school wants reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExtraTerm {
    pub term: String,
    pub category: Category,
    /// The severity to report; `None` for the rule's own.
    pub severity: Option<Severity>,
}

/// The categories an extra term can have, and the rule it is reported with.
pub static EXTRA_RULES: [(Category, &Rule); 5] = [
    (Category::Insult, &rules::SCHOOL_TERM_INSULT),
    (Category::Discrimination, &rules::SCHOOL_TERM_DISCRIMINATION),
    (Category::Threat, &rules::SCHOOL_TERM_THREAT),
    (Category::Obscene, &rules::SCHOOL_TERM_OBSCENE),
    (Category::Confidential, &rules::SCHOOL_TERM_CONFIDENTIAL),
];

/// The rule an extra term of `category` is reported with.
pub fn rule_for(category: Category) -> Option<&'static Rule> {
    EXTRA_RULES.iter().find(|(c, _)| *c == category).map(|&(_, rule)| rule)
}

/// A term compiled for the automaton.
#[derive(Clone, Debug)]
pub struct Pattern {
    pub phrase: Phrase,
    pub edge: Edge,
}

/// Compile a term as the user writes it; the error is Dutch.
pub fn compile(term: &str) -> Result<Pattern, String> {
    let trimmed = term.trim();
    let (head, tail) = (trimmed.ends_with('*'), trimmed.starts_with('*'));
    let edge = match (head, tail) {
        (true, true) => return Err("een * mag aan het begin of aan het eind staan, niet aan allebei".into()),
        (true, false) => Edge::Head,
        (false, true) => Edge::Tail,
        (false, false) => Edge::Whole,
    };
    let bare = trimmed.trim_matches('*');
    if bare.contains('*') {
        return Err("een * mag alleen aan het begin of aan het eind staan".into());
    }
    if normalize_term(&bare.replace(['(', ')', '|'], " ")).is_empty() {
        return Err("er staat geen woord in".into());
    }
    let phrase = Phrase::compile(&in_view_form(bare), false)?;
    if edge != Edge::Whole && phrase.single_words().is_none() {
        return Err("een * werkt alleen bij één woord".into());
    }
    Ok(Pattern { phrase, edge })
}

/// A term as the user writes it ("Kanker.nl", "Juf Heks") in the view's form ("kanker nl",
/// "juf heks"), which the phrase syntax expects: the text between `(`, `|` and `)` is normalised,
/// keeping the spaces at its ends that tell a word slot from a part of a word (`(ga |)je`).
fn in_view_form(term: &str) -> String {
    let mut out = String::with_capacity(term.len());
    let mut segment = String::new();
    let flush = |segment: &mut String, out: &mut String| {
        let core = normalize_term(segment);
        if segment.starts_with(char::is_whitespace) {
            out.push(' ');
        }
        if !core.is_empty() {
            out.push_str(&core);
            if segment.ends_with(char::is_whitespace) {
                out.push(' ');
            }
        }
        segment.clear();
    };
    for c in term.chars() {
        if matches!(c, '(' | ')' | '|') {
            flush(&mut segment, &mut out);
            out.push(c);
        } else {
            segment.push(c);
        }
    }
    flush(&mut segment, &mut out);
    out
}

/// Put the extra and allowed terms into the automaton. Fails on a term that does not compile
/// (the configuration has said which, with its line, before a scanner is made).
pub fn add_to(terms: &SchoolTerms, builder: &mut MatcherBuilder) -> Result<(), String> {
    let extra = terms.extra.iter().map(|t| t.term.as_str()).enumerate().map(|(i, t)| (t, Target::Extra(i as u32)));
    let allow = terms.allow.iter().map(String::as_str).enumerate().map(|(i, t)| (t, Target::Allowed(i as u32)));
    for (term, target) in extra.chain(allow) {
        let pattern = compile(term).map_err(|e| format!("'{term}': {e}"))?;
        builder.add_school_term(pattern.phrase, pattern.edge, target);
    }
    Ok(())
}

/// Does a built-in entry stand for one of `removed` (normalised, sorted)? It does when the entry
/// is written that way or one of its phrases is. (The entry's phrases are expanded once, however
/// many terms are removed.)
fn stands_for(term: &crate::lexicon::Term, removed: &[String]) -> bool {
    let listed = |s: &str| removed.binary_search_by(|r| r.as_str().cmp(s)).is_ok();
    listed(term.source) || term.phrases().iter().any(|p| listed(p))
}

/// Is `term` a built-in term that can be removed (an abuse term, a slur or a confidential term)?
pub fn is_builtin(lexicon: &Lexicon, term: &str) -> bool {
    let removed = [normalize_term(term)];
    lexicon.abuse.iter().any(|e| stands_for(&e.term, &removed))
        || lexicon.groups.iter().any(|e| e.slur.is_some() && stands_for(&e.term, &removed))
        || lexicon.confidential.iter().any(|e| stands_for(&e.term, &removed))
}

/// Lexicons without removed terms, one per distinct list of removals: a run makes one, and the
/// scanner keeps a `&'static Lexicon` like the embedded one.
static WITHOUT: Mutex<Vec<(Vec<String>, &'static Lexicon)>> = Mutex::new(Vec::new());

/// The lexicon with the `removed` terms taken out of the abuse, slur and confidential lists.
pub fn lexicon_without(lexicon: &'static Lexicon, removed: &[String]) -> &'static Lexicon {
    let mut removed: Vec<String> = removed.iter().map(|t| normalize_term(t)).filter(|t| !t.is_empty()).collect();
    if removed.is_empty() {
        return lexicon;
    }
    removed.sort();
    removed.dedup();
    let mut cache = WITHOUT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, made)) = cache.iter().find(|(key, _)| *key == removed) {
        return made;
    }
    let gone = |term: &crate::lexicon::Term| stands_for(term, &removed);
    let mut filtered = lexicon.clone();
    filtered.abuse.retain(|e| !gone(&e.term));
    filtered.groups.retain(|e| e.slur.is_none() || !gone(&e.term));
    filtered.confidential.retain(|e| !gone(&e.term));
    let made: &'static Lexicon = Box::leak(Box::new(filtered));
    cache.push((removed, made));
    made
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_make_heads_and_tails() {
        assert_eq!(compile("heks*").unwrap().edge, Edge::Head);
        assert_eq!(compile("*heks").unwrap().edge, Edge::Tail);
        assert_eq!(compile("Juf Heks").unwrap().edge, Edge::Whole);
        assert!(compile("*heks*").is_err());
        assert!(compile("juf heks*").is_err());
        assert!(compile("he*ks").is_err());
        assert!(compile("  ").is_err());
        assert!(compile("(a|").is_err());
    }

    #[test]
    fn terms_are_written_as_people_write_them() {
        assert_eq!(in_view_form("Kanker.nl"), "kanker nl");
        assert_eq!(in_view_form("Juf  Héks"), "juf heks");
        assert_eq!(in_view_form("(Ga |)Je"), "(ga |)je");
        assert_eq!(in_view_form("juf (Heks|Bezem)"), "juf (heks|bezem)");
        assert!(compile("Kanker.nl").is_ok());
    }

    #[test]
    fn removal_takes_the_entry_out() {
        let lexicon = Lexicon::get().unwrap();
        assert!(is_builtin(lexicon, "Sukkel"));
        assert!(!is_builtin(lexicon, "fietsenstalling"));
        let without = lexicon_without(lexicon, &["sukkel".to_string()]);
        assert!(!is_builtin(without, "sukkel"));
        assert!(without.abuse.len() < lexicon.abuse.len());
        assert!(std::ptr::eq(without, lexicon_without(lexicon, &["SUKKEL".to_string()])));
        assert!(std::ptr::eq(lexicon, lexicon_without(lexicon, &[])));
    }
}
