//! Cue words: short word lists the checks consult around a match, such as the title before a
//! name ("juf Roos"), a reference to a person near a diagnosis, or the word that aims an insult at
//! someone ("jij ezel"). They come from `wordlists/context.tsv` and `wordlists/hate.tsv`.
//!
//! Cues are looked up token by token where a check asks for them, rather than run through the
//! automaton: most are frequent function words (de, het, hij, ze, niet) that would flood it with
//! matches nobody asked about.

use std::collections::HashMap;

use crate::detect::Document;
use crate::lexicon::{ContextRole, HateRole, Lexicon, ThreatRole};

/// The role a cue plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cue {
    Context(ContextRole),
    Hate(HateRole),
    Threat(ThreatRole),
}

impl From<ThreatRole> for Cue {
    fn from(role: ThreatRole) -> Cue {
        Cue::Threat(role)
    }
}

impl From<ContextRole> for Cue {
    fn from(role: ContextRole) -> Cue {
        Cue::Context(role)
    }
}

impl From<HateRole> for Cue {
    fn from(role: HateRole) -> Cue {
        Cue::Hate(role)
    }
}

/// The cue phrases of each role, as token lists, indexed by their first and by their last token.
#[derive(Debug, Default)]
pub struct Cues {
    by_first: HashMap<(Cue, String), Vec<Vec<String>>>,
    by_last: HashMap<(Cue, String), Vec<Vec<String>>>,
}

impl Cues {
    pub fn new(lexicon: &Lexicon) -> Cues {
        let mut cues = Cues::default();
        let context = lexicon.context.iter().map(|e| (Cue::Context(e.role), &e.term.phrases));
        let hate = lexicon.hate.iter().map(|e| (Cue::Hate(e.role), &e.term.phrases));
        // Acts with a gap are matched by the threat grammar itself.
        let threats = lexicon.threats.iter().map(|e| (Cue::Threat(e.role), &e.term.phrases));
        for (role, phrases) in context.chain(hate).chain(threats) {
            for phrase in phrases {
                cues.add(role, phrase);
            }
        }
        cues
    }

    fn add(&mut self, role: Cue, phrase: &str) {
        let words: Vec<String> = phrase.split(' ').map(str::to_string).collect();
        let (Some(first), Some(last)) = (words.first().cloned(), words.last().cloned()) else {
            return;
        };
        self.by_first.entry((role, first)).or_default().push(words.clone());
        self.by_last.entry((role, last)).or_default().push(words);
    }

    fn matches_at(doc: &Document<'_>, words: &[String], start: usize) -> bool {
        start + words.len() <= doc.token_count() && words.iter().enumerate().all(|(k, w)| doc.token(start + k) == w)
    }

    /// The length in tokens of the longest cue of `role` that ends at token `last`.
    pub fn ending_at(&self, doc: &Document<'_>, role: Cue, last: usize) -> Option<usize> {
        self.by_last.get(&(role, doc.token(last).to_string())).and_then(|phrases| {
            phrases
                .iter()
                .filter(|w| w.len() <= last + 1 && Self::matches_at(doc, w, last + 1 - w.len()))
                .map(Vec::len)
                .max()
        })
    }

    /// The length in tokens of the longest cue of `role` that starts at token `first`.
    pub fn starting_at(&self, doc: &Document<'_>, role: Cue, first: usize) -> Option<usize> {
        if first >= doc.token_count() {
            return None;
        }
        self.by_first
            .get(&(role, doc.token(first).to_string()))
            .and_then(|phrases| phrases.iter().filter(|w| Self::matches_at(doc, w, first)).map(Vec::len).max())
    }

    /// Every cue of `role` lying entirely in tokens `start..end`, longest first where they start
    /// at the same token, without overlaps: (first token, length).
    pub fn all_within(&self, doc: &Document<'_>, role: Cue, start: usize, end: usize) -> Vec<(usize, usize)> {
        let end = end.min(doc.token_count());
        let mut out = Vec::new();
        let mut t = start;
        while t < end {
            match self.starting_at(doc, role, t).filter(|len| t + len <= end) {
                Some(len) => {
                    out.push((t, len));
                    t += len;
                }
                None => t += 1,
            }
        }
        out
    }

    /// The first cue of `role` lying entirely in tokens `start..end`: its first token and length.
    pub fn find_within(&self, doc: &Document<'_>, role: Cue, start: usize, end: usize) -> Option<(usize, usize)> {
        let end = end.min(doc.token_count());
        (start..end).find_map(|t| self.starting_at(doc, role, t).filter(|len| t + len <= end).map(|len| (t, len)))
    }
}
