//! Cue words: short word lists the checks consult around a match, such as the title before a
//! name ("juf Roos"), a reference to a person near a diagnosis, or the word that aims an insult at
//! someone ("jij ezel"). They come from `wordlists/context.tsv` and `wordlists/hate.tsv`.
//!
//! Cues are looked up token by token where a check asks for them, rather than run through the
//! automaton: most are frequent function words (de, het, hij, ze, niet) that would flood it with
//! matches nobody asked about.

use crate::detect::Document;
use crate::hash::WordMap;
use crate::lexicon::{ContextRole, HateRole, Lexicon, ThreatRole};
use crate::phrase::Phrase;

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

/// The cue phrases of each role, compiled, indexed by the words they can start and end with
/// (keyed by the word alone, so a token is looked up without building a key).
#[derive(Debug, Default)]
pub struct Cues {
    phrases: Vec<&'static Phrase>,
    by_first: WordMap<&'static str, Vec<(Cue, usize)>>,
    by_last: WordMap<&'static str, Vec<(Cue, usize)>>,
}

impl Cues {
    pub fn new(lexicon: &'static Lexicon) -> Cues {
        let mut cues = Cues::default();
        let context = lexicon.context.iter().map(|e| (Cue::Context(e.role), &e.term.phrase));
        let hate = lexicon.hate.iter().map(|e| (Cue::Hate(e.role), &e.term.phrase));
        // Acts, participles, fillers and objects are the threat grammar's own; only these roles
        // are asked for as cues.
        let threats = lexicon
            .threats
            .iter()
            .filter(|e| {
                matches!(
                    e.role,
                    ThreatRole::Actor | ThreatRole::Target | ThreatRole::Menace | ThreatRole::Joke | ThreatRole::Play
                )
            })
            .map(|e| (Cue::Threat(e.role), &e.term.phrase));
        for (role, phrase) in context.chain(hate).chain(threats) {
            let id = cues.phrases.len();
            for word in phrase.first_words() {
                cues.by_first.entry(word).or_default().push((role, id));
            }
            for word in phrase.last_words() {
                cues.by_last.entry(word).or_default().push((role, id));
            }
            cues.phrases.push(phrase);
        }
        cues
    }

    /// The end (exclusive) of the longest cue phrase `id` starting at token `start`.
    fn end_of(&self, doc: &Document<'_>, id: usize, start: usize) -> Option<usize> {
        let token = |i: usize| (i < doc.token_count()).then(|| doc.token(i));
        self.phrases[id].match_at(&token, start)
    }

    /// The length in tokens of the longest cue of `role` that ends at token `last`.
    pub fn ending_at(&self, doc: &Document<'_>, role: Cue, last: usize) -> Option<usize> {
        let ids = self.by_last.get(doc.token(last))?;
        let mut best = None;
        for id in ids.iter().filter(|(r, _)| *r == role).map(|&(_, id)| id) {
            let (min, max) = self.phrases[id].len_range();
            for len in (min..=max.min(last + 1)).rev() {
                let start = last + 1 - len;
                if self.end_of(doc, id, start) == Some(last + 1) {
                    best = Some(best.map_or(len, |b: usize| b.max(len)));
                    break;
                }
            }
        }
        best
    }

    /// The length in tokens of the longest cue of `role` that starts at token `first`.
    pub fn starting_at(&self, doc: &Document<'_>, role: Cue, first: usize) -> Option<usize> {
        if first >= doc.token_count() {
            return None;
        }
        let ids = self.by_first.get(doc.token(first))?;
        ids.iter()
            .filter(|(r, _)| *r == role)
            .filter_map(|&(_, id)| self.end_of(doc, id, first))
            .max()
            .map(|end| end - first)
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
