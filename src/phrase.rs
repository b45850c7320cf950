//! Wordlist terms compiled for matching, without expanding the phrase syntax.
//!
//! A term such as `ik (maak|sla) (je|jou|u) (dood|af)` stands for many phrases. Expanding every
//! term into all its phrases would put tens of thousands of strings into the automaton and make
//! start-up slow, so a term is compiled into **slots** instead: one slot per space-separated chunk
//! of the term, holding that chunk's alternatives as lists of words. Words inside a chunk can be
//! grouped too (`kut(wijf|wijven)`, `(ga |)je`); only a chunk is expanded, never the whole term.
//!
//! A phrase is matched word by word against the tokens of the normalised view
//! ([`Phrase::match_at`]); the automaton only needs the words a phrase can start with
//! ([`Phrase::first_words`]).

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;
use std::hash::Hasher;
use std::ops::Range;

use crate::hash::{WordHasher, WordSet};
use crate::normalize::normalize_term;

/// The most alternatives one chunk of a term may stand for.
pub const MAX_CHUNK_ALTERNATIVES: usize = 512;

/// The longest a term may be, in words.
pub const MAX_WORDS: usize = 16;

/// A compiled term: a sequence of slots, each a set of alternatives, each a (possibly empty) list
/// of words in the view's normalised form.
///
/// Thousands of terms are compiled at every start, so a phrase keeps its words in one string and
/// its structure in three flat lists (four allocations, however many slots and words it has)
/// rather than a string per word and a list per alternative and slot.
#[derive(Clone, Default)]
pub struct Phrase {
    /// The words, back to back.
    text: String,
    /// Byte range in `text` of each word, alternative after alternative.
    words: Vec<(u32, u32)>,
    /// Range in `words` of each alternative, slot after slot.
    alternatives: Vec<(u32, u32)>,
    /// Range in `alternatives` of each slot.
    slots: Vec<(u32, u32)>,
}

impl Phrase {
    /// Compile a term as written in a wordlist. `gaps` allows the gap word `_` (threat acts).
    pub fn compile(term: &str, gaps: bool) -> Result<Phrase, String> {
        let mut phrase = Phrase::default();
        phrase.text.reserve(term.len());
        let mut seen = WordSet::default();
        for chunk in chunks(term)? {
            let slot_start = phrase.alternatives.len();
            seen.clear();
            for written in expand_chunk(chunk)? {
                normalise_alternative(&written, gaps, |words| phrase.push_alternative(slot_start, words, &mut seen))?;
            }
            phrase.end_slot(slot_start);
        }
        let (min, max) = phrase.len_range();
        if min == 0 {
            return Err("een van de varianten is leeg".into());
        }
        if max > MAX_WORDS {
            return Err(format!("langer dan {MAX_WORDS} woorden"));
        }
        Ok(phrase)
    }

    /// Add an alternative to the slot that starts at `slot_start`, unless the slot has it already.
    /// `seen` holds the hashes of the slot's alternatives: a chunk can stand for hundreds, and
    /// only one whose hash was seen needs comparing with the others.
    fn push_alternative<'w>(
        &mut self,
        slot_start: usize,
        words: impl Iterator<Item = &'w str>,
        seen: &mut WordSet<u64>,
    ) {
        let (text_len, first) = (self.text.len(), self.words.len());
        let mut hasher = WordHasher::default();
        for word in words {
            let start = self.text.len() as u32;
            self.text.push_str(word);
            self.words.push((start, self.text.len() as u32));
            hasher.write(word.as_bytes());
            hasher.write_u8(b' ');
        }
        let added = (first as u32, self.words.len() as u32);
        let repeated = !seen.insert(hasher.finish())
            && self.alternatives[slot_start..].iter().any(|&alt| self.same_alternative(alt, added));
        if repeated {
            self.words.truncate(first);
            self.text.truncate(text_len);
        } else {
            self.alternatives.push(added);
        }
    }

    /// Close the slot that starts at `slot_start`; a slot whose alternatives are all empty says
    /// nothing and is dropped.
    fn end_slot(&mut self, slot_start: usize) {
        if self.alternatives[slot_start..].iter().all(|&(start, end)| start == end) {
            self.alternatives.truncate(slot_start);
        } else {
            self.slots.push((slot_start as u32, self.alternatives.len() as u32));
        }
    }

    fn same_alternative(&self, a: (u32, u32), b: (u32, u32)) -> bool {
        self.alternative_words(a).eq(self.alternative_words(b))
    }

    fn word(&self, index: usize) -> &str {
        let (start, end) = self.words[index];
        &self.text[start as usize..end as usize]
    }

    fn alternative_words(&self, (start, end): (u32, u32)) -> impl Iterator<Item = &str> {
        (start as usize..end as usize).map(|w| self.word(w))
    }

    /// The alternatives of a slot, each as its range in `words`.
    fn slot(&self, slot: usize) -> impl ExactSizeIterator<Item = Range<usize>> + '_ {
        let (start, end) = self.slots[slot];
        self.alternatives[start as usize..end as usize].iter().map(|&(s, e)| s as usize..e as usize)
    }

    /// The fewest and most words the phrase can have.
    pub fn len_range(&self) -> (usize, usize) {
        self.slots.iter().fold((0, 0), |(min, max), &(start, end)| {
            let lens = self.alternatives[start as usize..end as usize].iter().map(|&(s, e)| (e - s) as usize);
            (min + lens.clone().min().unwrap_or(0), max + lens.max().unwrap_or(0))
        })
    }

    /// When every phrase of the term is one word: those words, each once, in the order written.
    pub fn single_words(&self) -> Option<impl Iterator<Item = &str>> {
        // One word per phrase means one slot whose alternatives are one word each (and a slot's
        // alternatives are all different).
        (self.len_range() == (1, 1)).then(|| self.slot(0).map(|alt| self.word(alt.start)))
    }

    /// Every word the term uses, in any slot (a word may come more than once).
    pub fn words(&self) -> impl Iterator<Item = &str> {
        (0..self.words.len()).map(|w| self.word(w))
    }

    /// The words a phrase of the term can start with.
    pub fn first_words(&self) -> BTreeSet<&str> {
        self.edge_words(0..self.slots.len(), |alt| alt.start)
    }

    /// The words a phrase of the term can end with.
    pub fn last_words(&self) -> BTreeSet<&str> {
        self.edge_words((0..self.slots.len()).rev(), |alt| alt.end - 1)
    }

    /// The words at one edge of the phrases, visiting the slots in `order`: `pick` takes that
    /// edge's word of a non-empty alternative; an empty alternative lets the next slot's words
    /// stand at the edge too.
    fn edge_words(&self, order: impl Iterator<Item = usize>, pick: fn(&Range<usize>) -> usize) -> BTreeSet<&str> {
        let mut out = BTreeSet::new();
        for slot in order {
            let mut can_be_empty = false;
            for alt in self.slot(slot) {
                if alt.is_empty() {
                    can_be_empty = true;
                } else {
                    out.insert(self.word(pick(&alt)));
                }
            }
            if !can_be_empty {
                break;
            }
        }
        out
    }

    /// Every phrase the term stands for, as its words, sorted and without repeats; at most
    /// `limit` of them.
    pub fn expand_words(&self, limit: usize) -> Result<Vec<Vec<&str>>, String> {
        let mut phrases: Vec<Vec<&str>> = vec![Vec::new()];
        for slot in 0..self.slots.len() {
            let mut next = Vec::with_capacity(phrases.len() * self.slot(slot).len());
            for p in &phrases {
                for alt in self.slot(slot) {
                    let mut q = p.clone();
                    q.extend(alt.map(|w| self.word(w)));
                    next.push(q);
                }
            }
            if next.len() > limit {
                return Err(format!("staat voor meer dan {limit} zinnen"));
            }
            phrases = next;
        }
        // Word by word is the order of the joined phrases: the space sorts before every letter.
        phrases.sort();
        phrases.dedup();
        Ok(phrases)
    }

    /// Every phrase the term stands for, words joined by single spaces; at most `limit` of them.
    pub fn expand(&self, limit: usize) -> Result<Vec<String>, String> {
        Ok(self.expand_words(limit)?.into_iter().map(|p| p.join(" ")).collect())
    }

    /// The longest match of the phrase starting at token `start`: the index one past its last
    /// token. `token(i)` gives the text of token `i`, or `None` past the end.
    pub fn match_at<'t>(&self, token: &dyn Fn(usize) -> Option<&'t str>, start: usize) -> Option<usize> {
        self.match_from(0, start, token)
    }

    fn match_from<'t>(&self, slot: usize, at: usize, token: &dyn Fn(usize) -> Option<&'t str>) -> Option<usize> {
        if slot == self.slots.len() {
            return Some(at);
        }
        let mut best: Option<usize> = None;
        for alt in self.slot(slot) {
            let len = alt.len();
            let fits = alt.enumerate().all(|(k, w)| token(at + k) == Some(self.word(w)));
            if fits && let Some(end) = self.match_from(slot + 1, at + len, token) {
                best = Some(best.map_or(end, |b| b.max(end)));
            }
        }
        best
    }

    /// The slots as nested lists of words (for comparing and printing).
    fn nested(&self) -> Vec<Vec<Vec<&str>>> {
        (0..self.slots.len()).map(|s| self.slot(s).map(|alt| alt.map(|w| self.word(w)).collect()).collect()).collect()
    }
}

impl PartialEq for Phrase {
    fn eq(&self, other: &Phrase) -> bool {
        self.nested() == other.nested()
    }
}

impl Eq for Phrase {}

impl fmt::Debug for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Phrase").field("slots", &self.nested()).finish()
    }
}

/// Split a term at the spaces outside groups, and after a group whose alternatives all end a word
/// (`(eens |ff |)`): such a group is a word slot of its own, even when written against the next.
fn chunks(term: &str) -> Result<Vec<&str>, String> {
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut open = None;
    for (i, c) in term.char_indices() {
        match c {
            '(' => {
                if open.is_some() {
                    return Err("groepen mogen niet genest zijn".into());
                }
                open = Some(i);
            }
            ')' => {
                let Some(group_open) = open.take() else {
                    return Err("')' zonder '('".into());
                };
                let group = &term[group_open + 1..i];
                let ends_words = group.split('|').all(|alt| alt.is_empty() || alt.ends_with(' '));
                if ends_words {
                    out.push(&term[start..=i]);
                    start = i + 1;
                }
            }
            ' ' if open.is_none() => {
                if start < i {
                    out.push(&term[start..i]);
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    if open.is_some() {
        return Err("'(' zonder ')'".into());
    }
    if start < term.len() {
        out.push(&term[start..]);
    }
    Ok(out)
}

/// Expand the groups of one chunk: `(ga |)je` → `ga je`, `je`.
fn expand_chunk(chunk: &str) -> Result<Vec<Cow<'_, str>>, String> {
    if !chunk.contains('(') {
        return Ok(vec![Cow::Borrowed(chunk)]);
    }
    let mut alternatives = vec![String::new()];
    let mut rest = chunk;
    while !rest.is_empty() {
        match rest.find('(') {
            Some(open) => {
                let close = rest[open..].find(')').map(|c| open + c).ok_or("'(' zonder ')'")?;
                let literal = &rest[..open];
                let inner: Vec<&str> = rest[open + 1..close].split('|').collect();
                let mut next = Vec::with_capacity(alternatives.len() * inner.len());
                for a in &alternatives {
                    for i in &inner {
                        let mut alternative = String::with_capacity(a.len() + literal.len() + i.len());
                        alternative.push_str(a);
                        alternative.push_str(literal);
                        alternative.push_str(i);
                        next.push(alternative);
                    }
                }
                if next.len() > MAX_CHUNK_ALTERNATIVES {
                    return Err(format!("een deel staat voor meer dan {MAX_CHUNK_ALTERNATIVES} varianten"));
                }
                alternatives = next;
                rest = &rest[close + 1..];
            }
            None => {
                for a in &mut alternatives {
                    a.push_str(rest);
                }
                rest = "";
            }
        }
    }
    Ok(alternatives.into_iter().map(Cow::Owned).collect())
}

/// Check that an alternative is written in normalised form and hand its view words to `add`
/// (`homo's` → `homo s`). A word with three equal letters (`eritreeer`, Eritreeër) gets two
/// spellings: as written (the diaeresis keeps the letters apart in real text) and folded (as the
/// view reads it typed without the diaeresis).
fn normalise_alternative(
    written: &str,
    gaps: bool,
    mut add: impl FnMut(&mut dyn Iterator<Item = &str>),
) -> Result<(), String> {
    // One pass over the bytes (thousands of terms are compiled at every start): is every
    // character allowed, is the alternative plain (no apostrophes or hyphens, which separate
    // words in the view), and does it have three equal characters in a row (reading those two as
    // spaces)?
    let (mut plain, mut triple) = (true, false);
    let (mut before_last, mut last) = (0u8, 0u8);
    for (i, b) in written.bytes().enumerate() {
        match b {
            b'a'..=b'z' | b'0'..=b'9' | b' ' => {}
            b'_' if gaps => {}
            b'\'' | b'-' => plain = false,
            // Every byte before this one was ASCII, so a character starts here.
            _ => {
                let bad = written[i..].chars().next().unwrap_or('?');
                return Err(format!("'{written}': teken '{bad}' hoort niet in de genormaliseerde vorm"));
            }
        }
        let spaced = if matches!(b, b'\'' | b'-') { b' ' } else { b };
        triple |= i >= 2 && spaced == last && last == before_last;
        (before_last, last) = (last, spaced);
    }
    let words = || written.split([' ', '\'', '-']).filter(|w| !w.is_empty());
    if plain && !triple {
        add(&mut words());
        return Ok(());
    }
    // Anything else must already be in normal form.
    let spaced = written.replace(['\'', '-'], " ");
    let normalized = normalize_term(&spaced.replace('_', " "));
    if triple {
        add(&mut words());
        add(&mut normalized.split(' '));
        return Ok(());
    }
    if normalized != words().collect::<Vec<_>>().join(" ") {
        return Err(format!("'{written}' is niet genormaliseerd (de matcher leest het als '{normalized}')"));
    }
    add(&mut words());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(p: &Phrase) -> Vec<String> {
        p.expand(usize::MAX).unwrap()
    }

    #[test]
    fn compiles_without_expanding_the_term() {
        let p = Phrase::compile("ik (maak|sla) (je|jou|u) (dood|af)", false).unwrap();
        assert_eq!(p.nested().len(), 4);
        assert_eq!(words(&p).len(), 12);
        assert_eq!(p.first_words().into_iter().collect::<Vec<_>>(), ["ik"]);
        assert_eq!(p.last_words().into_iter().collect::<Vec<_>>(), ["af", "dood"]);
        assert_eq!(p.len_range(), (4, 4));
    }

    #[test]
    fn optional_and_glued_groups() {
        let p = Phrase::compile("(vieze |)homo", false).unwrap();
        assert_eq!(words(&p), ["homo", "vieze homo"]);
        assert_eq!(p.first_words().into_iter().collect::<Vec<_>>(), ["homo", "vieze"]);
        let p = Phrase::compile("ik (ga |)je", false).unwrap();
        assert_eq!(words(&p), ["ik ga je", "ik je"]);
        let p = Phrase::compile("kut(wijf|wijven)", false).unwrap();
        assert_eq!(p.single_words().unwrap().collect::<Vec<_>>(), ["kutwijf", "kutwijven"]);
        let p = Phrase::compile("homo's", false).unwrap();
        assert_eq!(words(&p), ["homo s"]);
        assert_eq!(Phrase::compile("maak _ af", true).unwrap().len_range(), (3, 3));
    }

    #[test]
    fn matches_the_longest_phrase() {
        let p = Phrase::compile("ik (ga |)je (in elkaar |)slaan", false).unwrap();
        let tokens = ["nu", "ik", "ga", "je", "in", "elkaar", "slaan", "x"];
        let token = |i: usize| tokens.get(i).copied();
        assert_eq!(p.match_at(&token, 1), Some(7));
        assert_eq!(p.match_at(&token, 0), None);
    }

    #[test]
    fn rejects_broken_terms() {
        for bad in ["ik (maak", "ik maak)", "((a|b)|c)", "(|)", "Hoofdletter", "k4nker!"] {
            assert!(Phrase::compile(bad, false).is_err(), "{bad}");
        }
        assert!(Phrase::compile("maak _ af", false).is_err());
    }
}
