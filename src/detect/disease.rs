//! When a disease curse (kanker, tyfus, tering, pleuris) is the disease itself, not a curse
//! (issue 11 item 5):
//! - a compound written with a hyphen or a space ("kanker-onderzoek", "Kanker Fonds") is the
//!   same compound as the one written together, so a harmless compound of `safe.tsv`
//!   (kankeronderzoek, kankerfonds) covers it in every spelling;
//! - the disease as what someone has or had ("mijn zoon heeft trouwens kanker", "ze had
//!   vorig jaar kanker gehad") is health information, which the confidential check judges; as a
//!   curse the word stands before what it curses ("kanker school") or as an exclamation.

use crate::detect::{Document, Found};
use crate::hash::WordSet;
use crate::lexicon::{Lexicon, Mode};

/// Curse heads that are also the names of diseases.
const DISEASES: &[&str] = &["kanker", "tyfus", "tering", "pleuris"];

/// Forms of hebben/krijgen that say someone has or had the disease. The present "krijg(t)" is
/// left out: "krijg de kanker" and "krijg kanker" are the common curse.
const HAVING: &[&str] = &["heeft", "had", "hebben", "hadden", "heb", "hebt", "kreeg", "kregen", "gekregen"];

/// Words between the verb and the disease that make it a curse again ("heeft de tering").
const NOT_BETWEEN: &[&str] = &["de", "die", "het", "een", "je", "jij", "jullie", "u"];

/// How many words may stand between the verb and the disease ("heeft trouwens al twee jaar kanker").
const MAX_BETWEEN: usize = 4;

/// Words that may follow the disease in its own clause: participles and clause openers.
const AFTER: &[&str] = &["gehad", "gekregen", "en", "maar", "want", "dus", "of", "sinds"];

/// The single-word harmless terms of `safe.tsv`, for compounds written apart.
pub struct SafeCompounds {
    words: WordSet<&'static str>,
    heads: Vec<&'static str>,
}

impl SafeCompounds {
    pub fn new(lexicon: &'static Lexicon) -> SafeCompounds {
        let mut words = WordSet::default();
        let mut heads = Vec::new();
        for entry in &lexicon.safe {
            let Some(single) = entry.term.phrase.single_words() else { continue };
            for word in single.into_iter().filter(|w| !w.contains(' ')) {
                match entry.term.mode {
                    Mode::Prefix => heads.push(word),
                    _ => {
                        words.insert(word);
                    }
                }
            }
        }
        SafeCompounds { words, heads }
    }

    fn covers(&self, joined: &str) -> bool {
        self.words.contains(joined) || self.heads.iter().any(|h| joined.starts_with(h))
    }
}

/// Is the disease word matched by `found` the disease, not a curse?
pub fn is_the_disease(doc: &Document<'_>, safe: &SafeCompounds, found: &Found) -> bool {
    let t = found.first;
    if found.last != t || !DISEASES.contains(&doc.token(t)) {
        return false;
    }
    split_compound_is_safe(doc, safe, t) || had_as_disease(doc, t)
}

/// "kanker-onderzoek", "Kanker Fonds": the word and the next one, joined, are a harmless compound.
fn split_compound_is_safe(doc: &Document<'_>, safe: &SafeCompounds, t: usize) -> bool {
    if t + 1 >= doc.token_count() || doc.sentence_index(t + 1) != doc.sentence_index(t) {
        return false;
    }
    let gap = gap_after(doc, t);
    let joined_by_hyphen_or_space = matches!(gap, "-" | " " | "‐" | "–");
    joined_by_hyphen_or_space && safe.covers(&format!("{}{}", doc.token(t), doc.token(t + 1)))
}

/// "heeft trouwens kanker,": a form of hebben/krijgen a few words before, nothing that aims the
/// word at someone in between, and the disease ends its clause.
fn had_as_disease(doc: &Document<'_>, t: usize) -> bool {
    let (sentence_start, sentence_end) = doc.sentence_range(t);
    let ends_clause = t + 1 >= sentence_end
        || gap_after(doc, t).chars().any(|c| matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')'))
        || AFTER.contains(&doc.token(t + 1));
    if !ends_clause {
        return false;
    }
    let earliest = t.saturating_sub(MAX_BETWEEN + 1).max(sentence_start);
    for v in (earliest..t).rev() {
        let word = doc.token(v);
        if HAVING.contains(&word) {
            return true;
        }
        if NOT_BETWEEN.contains(&word) || gap_after(doc, v).contains(',') {
            return false;
        }
    }
    false
}

/// The original text between token `t` and the next one.
fn gap_after<'a>(doc: &Document<'a>, t: usize) -> &'a str {
    let (_, end) = doc.view.token_original(t);
    let next = if t + 1 < doc.token_count() { doc.view.token_original(t + 1).0 } else { doc.text.len() };
    &doc.text[end..next.max(end)]
}
