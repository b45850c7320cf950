//! The checks. Each submodule turns what the matcher found in one text into [`Hit`]s:
//!
//! | module | category | rules |
//! |---|---|---|
//! | [`names`] | pupil-name | PW101–PW105 |
//! | [`personal_data`] | personal-data | PW201–PW206 |
//! | [`confidential`] | confidential | PW301–PW305 |
//! | [`abuse`] | insult, discrimination, threat, obscene | PW401–PW431 |
//! | [`disclaimer`] | disclaimer | PW501–PW503 |
//! | [`media`] | media-consent | PW601–PW603 |
//! | [`school_terms`] | the school's own terms | PW309, PW409–PW439 |
//!
//! They all read one [`Document`]: the original text, its normalised view, every phrase the
//! automaton found, the sentences, and the context cues.

pub mod abuse;
pub mod confidential;
pub mod cues;
pub mod disclaimer;
pub mod disease;
pub mod hate;
pub mod media;
pub mod mention;
pub mod names;
pub mod personal_data;
pub mod school_terms;
pub mod severities;
pub mod threat;
pub mod violence;

use crate::lexicon::Lexicon;
pub use crate::matcher::Found;
use crate::matcher::{Matcher, Target};
use crate::normalize::Normalized;
use crate::respell::Respeller;
use cues::{Cue, Cues};

/// One text being checked, and everything the checks share about it.
pub struct Document<'a> {
    pub text: &'a str,
    pub view: Normalized,
    pub found: Vec<Found>,
    pub lexicon: &'static Lexicon,
    pub cues: &'a Cues,
    /// For each token, the index of the sentence it is in.
    sentence_of: Vec<u32>,
    /// Token ranges (inclusive start, exclusive end) of the sentences.
    sentences: Vec<(usize, usize)>,
    /// Original byte ranges of e-mail addresses and URLs: words inside them are not prose.
    pub protected: Vec<(usize, usize)>,
}

impl<'a> Document<'a> {
    pub fn new(
        text: &'a str,
        matcher: &Matcher,
        respeller: &Respeller,
        lexicon: &'static Lexicon,
        cues: &'a Cues,
    ) -> Document<'a> {
        let view = Normalized::new(text);
        let view = respeller.respell(text, &view, |word| matcher.stores(word)).unwrap_or(view);
        let found = matcher.find_all(&view);
        let (sentence_of, sentences) = split_sentences(text, &view);
        let protected = merge_overlapping(personal_data::protected_spans(text));
        Document { text, view, found, lexicon, cues, sentence_of, sentences, protected }
    }

    /// The original byte range of a view range.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        self.view.original_range(start, end)
    }

    /// The original byte range of tokens `first..=last`.
    pub fn original_tokens(&self, first: usize, last: usize) -> (usize, usize) {
        let (s, _) = self.view.token_original(first);
        let (_, e) = self.view.token_original(last);
        (s, e)
    }

    pub fn token_count(&self) -> usize {
        self.view.tokens.len()
    }

    pub fn token(&self, i: usize) -> &str {
        self.view.token_text(i)
    }

    /// The original text of token `i`.
    pub fn token_original_text(&self, i: usize) -> &'a str {
        let (s, e) = self.view.token_original(i);
        &self.text[s..e]
    }

    /// Does the original of token `i` start with a capital letter?
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.token_original_text(i).chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase)
    }

    /// Is token `i` written in capitals throughout (and longer than one letter)?
    pub fn is_all_caps(&self, i: usize) -> bool {
        let t = self.token_original_text(i);
        t.chars().filter(|c| c.is_alphabetic()).count() > 1 && !t.chars().any(char::is_lowercase)
    }

    /// Is the sentence around token `i` shouted: (nearly) everything in capitals?
    pub fn sentence_is_shouted(&self, i: usize) -> bool {
        let (s, e) = self.sentence_range(i);
        let words = (s..e).filter(|&t| self.token(t).chars().any(char::is_alphabetic));
        let (caps, all) = words.fold((0, 0), |(c, a), t| (c + usize::from(self.is_all_caps(t)), a + 1));
        all >= 2 && caps * 3 >= all * 2
    }

    pub fn is_sentence_start(&self, i: usize) -> bool {
        i == 0 || self.sentence_of[i] != self.sentence_of[i - 1]
    }

    /// Token range (start inclusive, end exclusive) of the sentence token `i` is in.
    pub fn sentence_range(&self, i: usize) -> (usize, usize) {
        self.sentences[self.sentence_of[i] as usize]
    }

    pub fn sentence_index(&self, i: usize) -> usize {
        self.sentence_of[i] as usize
    }

    pub fn sentences(&self) -> &[(usize, usize)] {
        &self.sentences
    }

    /// Is the original byte range inside an e-mail address or URL?
    pub fn is_protected(&self, start: usize, end: usize) -> bool {
        // The spans are sorted and merged where they overlap: only the last one starting at or
        // before `start` can hold the range.
        let i = self.protected.partition_point(|&(s, _)| s <= start);
        i > 0 && end <= self.protected[i - 1].1
    }

    /// The first token that starts at or after original byte `offset`.
    pub fn token_starting_from(&self, offset: usize) -> Option<usize> {
        let i = self.view.tokens.partition_point(|t| self.view.original_range(t.start, t.end).0 < offset);
        (i < self.token_count()).then_some(i)
    }

    /// The first token whose original text ends after byte `offset`: the token holding `offset`,
    /// or else the next one.
    pub fn token_ending_after(&self, offset: usize) -> Option<usize> {
        let i = self.view.tokens.partition_point(|t| self.view.original_range(t.start, t.end).1 <= offset);
        (i < self.token_count()).then_some(i)
    }

    /// The last token whose original text starts before byte `offset`.
    pub fn token_starting_before(&self, offset: usize) -> Option<usize> {
        let i = self.view.tokens.partition_point(|t| self.view.original_range(t.start, t.end).0 < offset);
        i.checked_sub(1)
    }

    /// The tokens (first and last, inclusive) that overlap original bytes `start..end`.
    pub fn tokens_overlapping(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let first = self.token_ending_after(start)?;
        let last = self.token_starting_before(end)?;
        (first <= last).then_some((first, last))
    }

    /// What was found with its first token in `from..to`, in order of position.
    pub fn found_starting_in(&self, from: usize, to: usize) -> &[Found] {
        let a = self.found.partition_point(|f| f.first < from);
        let b = self.found.partition_point(|f| f.first < to);
        &self.found[a..b.max(a)]
    }

    /// Does a cue of `role` end right before token `i`?
    pub fn cue_before(&self, role: impl Into<Cue>, i: usize) -> bool {
        i.checked_sub(1).is_some_and(|last| self.cues.ending_at(self, role.into(), last).is_some())
    }

    /// Does a cue of `role` start right after token `i`?
    pub fn cue_after(&self, role: impl Into<Cue>, i: usize) -> bool {
        self.cues.starting_at(self, role.into(), i + 1).is_some()
    }

    /// The original text between tokens `a` and `b` (`a < b`): the spaces and punctuation that
    /// the view leaves out.
    pub fn between_tokens(&self, a: usize, b: usize) -> &'a str {
        let (_, from) = self.original_tokens(a, a);
        let (to, _) = self.original_tokens(b, b);
        &self.text[from.min(to)..to]
    }

    /// Is there a cue of `role` in tokens `start..end`?
    pub fn cue_within(&self, role: impl Into<Cue>, start: usize, end: usize) -> bool {
        self.cues.find_within(self, role.into(), start, end).is_some()
    }

    /// Everything found that stands for something of the given kind.
    pub fn found_where(&self, pick: impl Fn(Target) -> bool) -> impl Iterator<Item = &Found> {
        self.found.iter().filter(move |f| pick(f.target))
    }
}

/// Sorted spans with the overlapping ones joined, so that a range lies inside at most one.
fn merge_overlapping(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "o.a", "d.w.z", "bijv", "bv", "enz", "etc", "geb", "tel", "ca", "t.n.v", "tnv", "mevr", "dhr", "mr", "mw", "jl",
    "a.s", "nr", "ca", "evt", "m.b.t", "i.p.v", "t.a.v", "z.s.m", "vs", "incl", "excl", "resp", "blz", "vgl", "st",
    "dr", "prof", "ir", "ing",
];

/// Split into sentences: a boundary lies between two tokens when the original text between them
/// has a sentence-ending mark (not after an initial or a common abbreviation) or a line break.
fn split_sentences(text: &str, view: &Normalized) -> (Vec<u32>, Vec<(usize, usize)>) {
    let n = view.tokens.len();
    let mut sentence_of = Vec::with_capacity(n);
    let mut sentences = Vec::new();
    let mut current = 0usize;
    let mut start = 0usize;
    for i in 0..n {
        if i > 0 {
            let (_, prev_end) = view.token_original(i - 1);
            let (next_start, _) = view.token_original(i);
            let between = &text[prev_end..next_start.max(prev_end)];
            let prev = view.token_text(i - 1);
            let prev_original = {
                let (s, e) = view.token_original(i - 1);
                &text[s..e]
            };
            let ends_with_stop = between.contains(['!', '?', '…']);
            let full_stop = between.contains('.')
                // After a single letter a full stop marks an initial or abbreviation (Roos H., o.a.).
                && prev.chars().count() != 1
                && !ABBREVIATIONS.iter().any(|a| prev_original.eq_ignore_ascii_case(a.trim_end_matches('.')) || prev == a.replace('.', ""));
            if ends_with_stop || full_stop || between.contains('\n') {
                sentences.push((start, i));
                current += 1;
                start = i;
            }
        }
        sentence_of.push(current as u32);
    }
    sentences.push((start, n));
    (sentence_of, sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_break_on_marks_and_lines_not_on_initials() {
        let text = "Roos H. won. Daarna o.a. taart!\nKlaar";
        let view = Normalized::new(text);
        let (of, sentences) = split_sentences(text, &view);
        assert_eq!(sentences.len(), 3, "{sentences:?}");
        assert_eq!(of[..4], [0, 0, 0, 1]);
    }
}
