//! Names written with one typo (Dijkstar, Hoeksta, Vermeulne) and names broken across a line with
//! a hyphen ("Dijk-⏎stra").
//!
//! Only names of six letters or more take part: shorter names are one letter away from too many
//! words. A word is looked up by the symmetric-delete method: the index holds every name and every
//! spelling of it with one letter deleted, the word and its one-letter deletions are looked up, and
//! a candidate counts when the two are one edit apart (a letter missing, extra, wrong, or two
//! letters swapped). A word that is a common Dutch word, a known first name or another pupil's
//! exact name is never read as a typo.

use std::borrow::Cow;

use crate::hash::WordMap;

use super::{Mention, NameContext, followed_by_verb};
use crate::detect::Document;
use crate::lexicon::ContextRole;
use crate::normalize::normalize_term;
use crate::rules::{self, Rule};

/// Names shorter than this (in letters) are not matched with a typo.
pub const MIN_LETTERS: usize = 6;

/// A roster name word that may be misspelt.
#[derive(Debug)]
pub struct TypoWord {
    pub word: String,
    pub pupils: Vec<u32>,
    /// A surname (else a first name or nickname).
    pub surname: bool,
}

#[derive(Debug, Default)]
pub struct TypoIndex {
    pub words: Vec<TypoWord>,
    by_word: WordMap<(String, bool), u32>,
    /// Each name and its one-letter deletions → indexes into `words`.
    deletes: WordMap<String, Vec<u32>>,
}

impl TypoIndex {
    /// Add a normalised name word of a pupil (ignored when too short or more than one word).
    pub fn add(&mut self, word: &str, pupil: u32, surname: bool) {
        if word.chars().count() < MIN_LETTERS || !word.chars().all(|c| c.is_ascii_lowercase()) {
            return;
        }
        let key = (word.to_string(), surname);
        if let Some(&i) = self.by_word.get(&key) {
            let pupils = &mut self.words[i as usize].pupils;
            if !pupils.contains(&pupil) {
                pupils.push(pupil);
            }
            return;
        }
        let i = self.words.len() as u32;
        self.by_word.insert(key, i);
        self.words.push(TypoWord { word: word.to_string(), pupils: vec![pupil], surname });
        for variant in std::iter::once(word.to_string()).chain(deletions(word)) {
            let entry = self.deletes.entry(variant).or_default();
            if !entry.contains(&i) {
                entry.push(i);
            }
        }
    }

    /// The names `token` is exactly one edit away from.
    pub fn misspelt(&self, token: &str) -> Vec<&TypoWord> {
        self.candidates(token).filter(|w| edit_distance_is_one(token, &w.word)).collect()
    }

    /// The names `token` spells exactly (for words joined across a line break).
    pub fn exact(&self, token: &str) -> Vec<&TypoWord> {
        self.deletes
            .get(token)
            .into_iter()
            .flatten()
            .map(|&i| &self.words[i as usize])
            .filter(|w| w.word == token)
            .collect()
    }

    /// Could `token` be a name with one edit? (Only plain words of a name's length are.)
    pub fn could_be_misspelt(token: &str) -> bool {
        (MIN_LETTERS - 1..=40).contains(&token.len()) && token.bytes().all(|c| c.is_ascii_lowercase())
    }

    fn candidates<'a>(&'a self, token: &str) -> impl Iterator<Item = &'a TypoWord> + 'a {
        let mut ids: Vec<u32> = Vec::new();
        if TypoIndex::could_be_misspelt(token) {
            let mut add = |variant: &str| {
                for &i in self.deletes.get(variant).into_iter().flatten() {
                    if !ids.contains(&i) {
                        ids.push(i);
                    }
                }
            };
            add(token);
            // The deletions of an ASCII word, built in one buffer.
            let mut variant = String::with_capacity(token.len());
            for i in 0..token.len() {
                variant.clear();
                variant.push_str(&token[..i]);
                variant.push_str(&token[i + 1..]);
                add(&variant);
            }
        }
        ids.into_iter().map(|i| &self.words[i as usize])
    }
}

/// Every spelling of `word` with one letter left out.
fn deletions(word: &str) -> impl Iterator<Item = String> + '_ {
    (0..word.len()).map(move |i| format!("{}{}", &word[..i], &word[i + 1..]))
}

/// Are two ASCII words exactly one edit apart: one letter inserted, deleted or replaced, or two
/// neighbouring letters swapped?
pub fn edit_distance_is_one(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    match a.len() as isize - b.len() as isize {
        0 => a[1..] == b[1..] || (a.len() >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..]),
        1 => a[1..] == *b,
        -1 => *a == b[1..],
        _ => false,
    }
}

/// Misspelt names and names broken across a line in `doc`, as mention candidates.
pub fn detect(doc: &Document<'_>, cx: &NameContext<'_>) -> Vec<(Mention, &'static Rule)> {
    let index = &cx.index.typos;
    let mut out = Vec::new();
    if index.words.is_empty() {
        return out;
    }
    let mut t = 0;
    while t < doc.token_count() {
        let (word, last): (Cow<str>, usize) = match joined_across_line(doc, t) {
            Some(word) => (Cow::Owned(word), t + 1),
            None => (Cow::Borrowed(doc.token(t)), t),
        };
        let exact = if last > t { index.exact(&word) } else { Vec::new() };
        let names = if exact.is_empty() && TypoIndex::could_be_misspelt(&word) && plausible_typo(doc, cx, &word) {
            index.misspelt(&word)
        } else {
            Vec::new()
        };
        let Some(name) = exact.first().or(names.first()) else {
            t += 1;
            continue;
        };
        if let Some(found) = judge(doc, cx, t, last, name, !exact.is_empty()) {
            out.push(found);
        }
        t = last + 1;
    }
    out
}

/// A word hyphenated at the end of a line: "Dijk-⏎stra" read as "dijkstra".
fn joined_across_line(doc: &Document<'_>, t: usize) -> Option<String> {
    if t + 1 >= doc.token_count() {
        return None;
    }
    let (_, end) = doc.view.token_original(t);
    let (next, _) = doc.view.token_original(t + 1);
    let between = &doc.text[end..next];
    let broken = between.trim_matches([' ', '\t']).trim_end_matches(['\r', '\n']).trim_end_matches([' ', '\t', '\r']);
    (broken == "-" && between.contains('\n')).then(|| format!("{}{}", doc.token(t), doc.token(t + 1)))
}

/// May `word` be a misspelt name: not a word, not a known first name, not a pupil's exact name?
fn plausible_typo(doc: &Document<'_>, cx: &NameContext<'_>, word: &str) -> bool {
    !cx.index.all_names.contains(word) && !doc.lexicon.is_common_word(word) && !doc.lexicon.first_names.contains(word)
}

/// Decide how tokens `t..=last`, spelling `name` (exactly when `exact`, else with a typo), name a
/// pupil: in a full name with the pupil's other name next to it, or on their own.
fn judge(
    doc: &Document<'_>,
    cx: &NameContext<'_>,
    t: usize,
    last: usize,
    name: &TypoWord,
    exact: bool,
) -> Option<(Mention, &'static Rule)> {
    let (start, end) = doc.original_tokens(t, last);
    if doc.is_protected(start, end) || doc.cue_before(ContextRole::Title, t) {
        return None;
    }
    let mention = |first: usize, end_token: usize| {
        let (s, _) = doc.original_tokens(first, first);
        let (_, e) = doc.original_tokens(end_token, end_token);
        Mention { start: s, end: e, tokens: Some((first, end_token)), pupils: name.pupils.clone(), confident: true }
    };
    // The pupil's other name next to it: "Ben Dijkstar", "Mohamed El Amrani".
    for &p in &name.pupils {
        let pupil = &cx.roster.pupils[p as usize];
        if name.surname {
            for first in std::iter::once(&pupil.first).chain(&pupil.nicknames).chain(&pupil.official_first) {
                let before = words(&format!("{first} {}", pupil.particle));
                if t >= before.len() && tokens_are(doc, t - before.len(), &before) {
                    return Some((mention(t - before.len(), last), &rules::PUPIL_FULL_NAME));
                }
            }
        } else {
            let after = words(&format!("{} {}", pupil.particle, pupil.last));
            if !after.is_empty() && tokens_are(doc, last + 1, &after) {
                return Some((mention(t, last + after.len()), &rules::PUPIL_FULL_NAME));
            }
        }
    }
    // On its own a misspelt name must look like a name: a capital, not just because it starts a
    // sentence, and no other capitalised name right after it ("Hendrika Jansen").
    if !doc.is_capitalised(t) {
        return None;
    }
    if doc.is_sentence_start(t) && !exact && !followed_by_verb(doc, last) {
        return None;
    }
    let next = last + 1;
    if next < doc.token_count() && !doc.is_sentence_start(next) && doc.is_capitalised(next) && !doc.is_all_caps(next) {
        return None;
    }
    let rule = match (exact, name.surname) {
        (false, _) => &rules::PUPIL_NAME_TYPO,
        (true, true) => &rules::PUPIL_SURNAME,
        (true, false) => &rules::PUPIL_FIRST_NAME,
    };
    let mut m = mention(t, last);
    m.confident = exact;
    Some((m, rule))
}

fn words(phrase: &str) -> Vec<String> {
    normalize_term(phrase).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

fn tokens_are(doc: &Document<'_>, start: usize, words: &[String]) -> bool {
    start + words.len() <= doc.token_count() && words.iter().enumerate().all(|(k, w)| doc.token(start + k) == w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit() {
        for (a, b) in
            [("dijkstar", "dijkstra"), ("dijkstr", "dijkstra"), ("dijksttra", "dijkstra"), ("dyjkstra", "dijkstra")]
        {
            assert!(edit_distance_is_one(a, b), "{a} {b}");
        }
        for (a, b) in [("dijkstra", "dijkstra"), ("dikstar", "dijkstra"), ("jansen", "janssens")] {
            assert!(!edit_distance_is_one(a, b), "{a} {b}");
        }
    }

    #[test]
    fn looks_up_misspellings_of_long_names_only() {
        let mut index = TypoIndex::default();
        index.add("dijkstra", 0, true);
        index.add("bakker", 1, true);
        index.add("smit", 2, true);
        assert_eq!(index.misspelt("dijkstar")[0].word, "dijkstra");
        assert_eq!(index.misspelt("dijksra")[0].pupils, [0]);
        assert_eq!(index.misspelt("baker")[0].word, "bakker");
        assert!(index.misspelt("smid").is_empty());
        assert!(index.misspelt("dijkstra").is_empty());
        assert_eq!(index.exact("dijkstra").len(), 1);
    }
}
