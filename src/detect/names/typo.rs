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

use hashbrown::HashTable;

use super::{Mention, NameContext, Pupils, followed_by_verb};
use crate::detect::Document;
use crate::hash::{hash_one, hash_pieces};
use crate::lexicon::ContextRole;
use crate::normalize::normalize_term;
use crate::rules::{self, Rule};

/// Names shorter than this (in letters) are not matched with a typo.
pub const MIN_LETTERS: usize = 6;

/// A roster name word that may be misspelt.
#[derive(Debug)]
pub struct TypoWord {
    pub word: String,
    pub pupils: Pupils,
    /// A surname (else a first name or nickname).
    pub surname: bool,
}

/// The typo index. A roster of 2,000 pupils gives some 5,000 spellings with a letter left out: none
/// of them is kept as a string of its own. A spelling is an entry (a word and the byte it leaves
/// out), found by hashing the bytes it spells and compared with the word it comes from.
#[derive(Debug, Default)]
pub struct TypoIndex {
    pub words: Vec<TypoWord>,
    /// Indexes into `words`, by word and kind.
    by_word: HashTable<u32>,
    /// One chain of `spellings` per distinct spelling (each name, and each name with one letter
    /// left out).
    chains: HashTable<Chain>,
    spellings: Vec<Spelling>,
}

/// A word of `TypoIndex::words` with at most one byte left out, and the next entry that spells
/// the same.
#[derive(Clone, Copy, Debug)]
struct Spelling {
    word: u32,
    left_out: Option<u32>,
    next: Option<u32>,
}

/// The first and last of the entries that spell the same, in the order they were added, and the
/// hash of what they spell (kept, as it is not cheap to recompute when the table grows).
#[derive(Clone, Copy, Debug)]
struct Chain {
    hash: u64,
    first: u32,
    last: u32,
}

/// `word` with the byte at `left_out` left out, as the two pieces around it.
fn pieces(word: &str, left_out: Option<usize>) -> [&[u8]; 2] {
    let bytes = word.as_bytes();
    match left_out {
        Some(i) => [&bytes[..i], &bytes[i + 1..]],
        None => [bytes, &[]],
    }
}

/// What an entry spells.
fn spelled<'a>(words: &'a [TypoWord], entry: &Spelling) -> [&'a [u8]; 2] {
    pieces(&words[entry.word as usize].word, entry.left_out.map(|k| k as usize))
}

fn same_pieces(a: [&[u8]; 2], b: [&[u8]; 2]) -> bool {
    a[0].len() + a[1].len() == b[0].len() + b[1].len() && a[0].iter().chain(a[1]).eq(b[0].iter().chain(b[1]))
}

fn word_hash(word: &str, surname: bool) -> u64 {
    hash_one((word, surname))
}

impl TypoIndex {
    /// Add a normalised name word of a pupil (ignored when too short or more than one word).
    pub fn add(&mut self, word: &str, pupil: u32, surname: bool) {
        if word.chars().count() < MIN_LETTERS || !word.chars().all(|c| c.is_ascii_lowercase()) {
            return;
        }
        let hash = word_hash(word, surname);
        let words = &mut self.words;
        if let Some(&i) =
            self.by_word.find(hash, |&i| words[i as usize].word == word && words[i as usize].surname == surname)
        {
            words[i as usize].pupils.add_once(pupil);
            return;
        }
        let i = words.len() as u32;
        words.push(TypoWord { word: word.to_string(), pupils: Pupils::One(pupil), surname });
        self.by_word.insert_unique(hash, i, |&i| word_hash(&words[i as usize].word, words[i as usize].surname));
        self.add_spelling(i, None);
        // Leaving out any letter of a run ("kk" in "bakker") spells the same: the first one only.
        let bytes = word.as_bytes();
        for left_out in (0..bytes.len()).filter(|&k| k == 0 || bytes[k] != bytes[k - 1]) {
            self.add_spelling(i, Some(left_out as u32));
        }
    }

    /// Put word `word` with the byte at `left_out` left out at the end of the chain that spells
    /// the same.
    fn add_spelling(&mut self, word: u32, left_out: Option<u32>) {
        let entry = self.spellings.len() as u32;
        self.spellings.push(Spelling { word, left_out, next: None });
        let new = spelled(&self.words, &self.spellings[entry as usize]);
        let hash = hash_pieces(new);
        let same = |c: &Chain| same_pieces(spelled(&self.words, &self.spellings[c.first as usize]), new);
        match self.chains.find_mut(hash, same) {
            Some(chain) => {
                self.spellings[chain.last as usize].next = Some(entry);
                chain.last = entry;
            }
            None => {
                self.chains.insert_unique(hash, Chain { hash, first: entry, last: entry }, |c| c.hash);
            }
        }
    }

    /// The words with an entry that spells `spelling`, in the order they were added.
    fn spelling(&self, spelling: [&[u8]; 2]) -> impl Iterator<Item = u32> + '_ {
        let same = |c: &Chain| same_pieces(spelled(&self.words, &self.spellings[c.first as usize]), spelling);
        let chain = self.chains.find(hash_pieces(spelling), same);
        std::iter::successors(chain.map(|c| c.first), |&e| self.spellings[e as usize].next)
            .map(|e| self.spellings[e as usize].word)
    }

    /// The names `token` is exactly one edit away from.
    pub fn misspelt(&self, token: &str) -> Vec<&TypoWord> {
        self.candidates(token).filter(|w| edit_distance_is_one(token, &w.word)).collect()
    }

    /// The names `token` spells exactly (for words joined across a line break).
    pub fn exact(&self, token: &str) -> Vec<&TypoWord> {
        self.spelling(pieces(token, None)).map(|i| &self.words[i as usize]).filter(|w| w.word == token).collect()
    }

    /// Could `token` be a name with one edit? (Only plain words of a name's length are.)
    pub fn could_be_misspelt(token: &str) -> bool {
        (MIN_LETTERS - 1..=40).contains(&token.len()) && token.bytes().all(|c| c.is_ascii_lowercase())
    }

    fn candidates<'a>(&'a self, token: &str) -> impl Iterator<Item = &'a TypoWord> + 'a {
        let mut ids: Vec<u32> = Vec::new();
        if TypoIndex::could_be_misspelt(token) {
            // The token itself, then the token with each letter left out.
            for left_out in std::iter::once(None).chain((0..token.len()).map(Some)) {
                for i in self.spelling(pieces(token, left_out)) {
                    if !ids.contains(&i) {
                        ids.push(i);
                    }
                }
            }
        }
        ids.into_iter().map(|i| &self.words[i as usize])
    }
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
    let between = &doc.text[end..next.max(end)];
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
        Mention { start: s, end: e, tokens: Some((first, end_token)), pupils: name.pupils.to_vec(), confident: true }
    };
    // The pupil's other name next to it: "Ben Dijkstar", "Mohamed El Amrani".
    for &p in name.pupils.iter() {
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
        assert_eq!(*index.misspelt("dijksra")[0].pupils, [0]);
        assert_eq!(index.misspelt("baker")[0].word, "bakker");
        assert!(index.misspelt("smid").is_empty());
        assert!(index.misspelt("dijkstra").is_empty());
        assert_eq!(index.exact("dijkstra").len(), 1);
    }

    #[test]
    fn names_that_share_a_deletion_are_both_candidates_once_in_order() {
        let mut index = TypoIndex::default();
        for (pupil, (word, surname)) in
            [("hansen", true), ("jansen", true), ("jansen", true), ("jansen", false)].into_iter().enumerate()
        {
            index.add(word, pupil as u32, surname);
        }
        let found = |token| index.misspelt(token).iter().map(|w| (w.word.as_str(), w.surname)).collect::<Vec<_>>();
        assert_eq!(found("xansen"), [("hansen", true), ("jansen", true), ("jansen", false)]);
        assert_eq!(*index.misspelt("jansn")[0].pupils, [1, 2]);
        assert!(index.exact("ansen").is_empty());
        assert_eq!(index.exact("jansen").len(), 2);
    }
}
