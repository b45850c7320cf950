//! One Aho-Corasick automaton over every literal word of a run: the words of all wordlists, the
//! roster's name forms and the organisation's names; multi-word phrases are assembled from it.
//!
//! Words are matched against the view of [`crate::normalize`], which has a single space between
//! words and one at each end. A whole word is stored as `" word "`, a compound head as `" head"`
//! (it may run on into the rest of a word), a compound tail as `"tail "`; so the automaton itself
//! enforces word boundaries. A multi-word phrase ([`Phrase`]) is not expanded into the automaton:
//! only the words it can start with are, and where one matches, the phrase is checked word by
//! word against the view's tokens. Each stored string maps to every [`Target`] that uses it.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::lexicon::Mode;
use crate::normalize::Normalized;
use crate::phrase::Phrase;

/// What a matched phrase stands for: an index into the list it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Abuse(u32),
    /// An abuse term with one letter missing or two swapped.
    AbuseTypo(u32),
    Safe(u32),
    Group(u32),
    /// A slur with one letter missing or two swapped.
    GroupTypo(u32),
    Hate(u32),
    Confidential(u32),
    Disclaimer(u32),
    Media(u32),
    Context(u32),
    /// A name form of the roster (index into [`crate::detect::names::NameIndex::forms`]).
    Name(u32),
    /// One of the organisation's names given with `--org`.
    Org(u32),
}

/// How a stored word sits in the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// `" word "`: a whole word (or a whole phrase).
    Whole,
    /// `" head"`: the start of a word.
    Head,
    /// `"tail "`: the end of a word.
    Tail,
}

impl Edge {
    pub fn of(mode: Mode) -> Edge {
        match mode {
            Mode::Prefix => Edge::Head,
            Mode::Suffix => Edge::Tail,
            Mode::Word | Mode::Addressed | Mode::Acronym | Mode::Name => Edge::Whole,
        }
    }
}

/// What a stored word leads to: a target directly, or a phrase that may start here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lead {
    Target(Target),
    Phrase(u32),
}

#[derive(Default)]
pub struct MatcherBuilder {
    patterns: Vec<String>,
    edges: Vec<Edge>,
    leads: Vec<Vec<Lead>>,
    index: HashMap<String, usize>,
    phrases: Vec<(Phrase, Target)>,
}

impl MatcherBuilder {
    pub fn new() -> MatcherBuilder {
        MatcherBuilder::default()
    }

    fn lead(&mut self, word: &str, edge: Edge, lead: Lead) {
        let pattern = match edge {
            Edge::Whole => format!(" {word} "),
            Edge::Head => format!(" {word}"),
            Edge::Tail => format!("{word} "),
        };
        let id = match self.index.get(&pattern) {
            Some(&id) => id,
            None => {
                let id = self.patterns.len();
                self.index.insert(pattern.clone(), id);
                self.patterns.push(pattern);
                self.edges.push(edge);
                self.leads.push(Vec::new());
                id
            }
        };
        if !self.leads[id].contains(&lead) {
            self.leads[id].push(lead);
        }
    }

    /// Add a literal in normalised form: one word (with its edge), or several words (a whole
    /// phrase, e.g. a full name).
    pub fn add(&mut self, literal: &str, edge: Edge, target: Target) {
        if literal.is_empty() {
            return;
        }
        if literal.contains(' ') {
            if let Ok(phrase) = Phrase::compile(literal, false) {
                self.add_phrase(&phrase, target);
            }
        } else {
            self.lead(literal, edge, Lead::Target(target));
        }
    }

    /// Add a compiled wordlist term: its words go into the automaton as they are when every
    /// phrase of it is one word (keeping the term's edge), else it is matched as a phrase.
    pub fn add_term(&mut self, phrase: &Phrase, edge: Edge, target: Target) {
        match phrase.single_words() {
            Some(words) => {
                for word in words {
                    self.lead(&word, edge, Lead::Target(target));
                }
            }
            None => self.add_phrase(phrase, target),
        }
    }

    fn add_phrase(&mut self, phrase: &Phrase, target: Target) {
        let id = self.phrases.len() as u32;
        for word in phrase.first_words() {
            self.lead(&word, Edge::Whole, Lead::Phrase(id));
        }
        self.phrases.push((phrase.clone(), target));
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    pub fn build(self) -> Result<Matcher, String> {
        let ac =
            AhoCorasick::builder().match_kind(MatchKind::Standard).build(&self.patterns).map_err(|e| e.to_string())?;
        Ok(Matcher { ac, edges: self.edges, leads: self.leads, phrases: self.phrases, patterns: self.patterns })
    }
}

pub struct Matcher {
    ac: AhoCorasick,
    /// The stored strings, kept for [`crate::scan::Scanner::literals`] (the benchmarks' terms).
    pub(crate) patterns: Vec<String>,
    edges: Vec<Edge>,
    leads: Vec<Vec<Lead>>,
    phrases: Vec<(Phrase, Target)>,
}

/// A phrase found in the view, with what it stands for and the tokens it covers.
#[derive(Clone, Copy, Debug)]
pub struct Found {
    /// View byte range of the phrase (for a compound head or tail: of that part only).
    pub start: usize,
    pub end: usize,
    pub target: Target,
    pub edge: Edge,
    /// First and last token (inclusive) the phrase lies in.
    pub first: usize,
    pub last: usize,
}

impl Matcher {
    /// Every occurrence of every word and phrase, ordered by start (longest first).
    pub fn find_all(&self, view: &Normalized) -> Vec<Found> {
        let token = |i: usize| (i < view.tokens.len()).then(|| view.token_text(i));
        let mut out = Vec::new();
        for m in self.ac.find_overlapping_iter(view.text.as_str()) {
            let pattern = m.pattern().as_usize();
            let edge = self.edges[pattern];
            let (start, end) = match edge {
                Edge::Whole => (m.start() + 1, m.end() - 1),
                Edge::Head => (m.start() + 1, m.end()),
                Edge::Tail => (m.start(), m.end() - 1),
            };
            let (Some(first), Some(last)) = (view.token_containing(start), view.token_containing(end - 1)) else {
                continue;
            };
            for &lead in &self.leads[pattern] {
                match lead {
                    Lead::Target(target) => out.push(Found { start, end, target, edge, first, last }),
                    Lead::Phrase(id) => {
                        let (phrase, target) = &self.phrases[id as usize];
                        if let Some(after) = phrase.match_at(&token, first) {
                            let (start, end) = (view.tokens[first].start, view.tokens[after - 1].end);
                            out.push(Found { start, end, target: *target, edge: Edge::Whole, first, last: after - 1 });
                        }
                    }
                }
            }
        }
        out.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
        out
    }

    /// Number of distinct words in the automaton, and of phrases assembled from them.
    pub fn size(&self) -> (usize, usize) {
        (self.leads.len(), self.phrases.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_give_word_semantics() {
        let mut b = MatcherBuilder::new();
        b.add("kanker", Edge::Head, Target::Abuse(0));
        b.add("lijer", Edge::Tail, Target::Abuse(1));
        b.add("ben", Edge::Whole, Target::Name(0));
        b.add("ben", Edge::Whole, Target::Context(3));
        let m = b.build().unwrap();
        let view = Normalized::new("Ben, kankerschool tyfuslijer, hebben benen");
        let found: Vec<_> = m.find_all(&view).iter().map(|x| (&view.text[x.start..x.end], x.target)).collect();
        assert_eq!(
            found,
            [
                ("ben", Target::Name(0)),
                ("ben", Target::Context(3)),
                ("kanker", Target::Abuse(0)),
                ("lijer", Target::Abuse(1)),
            ]
        );
    }

    #[test]
    fn phrases_are_assembled_from_their_first_word() {
        let mut b = MatcherBuilder::new();
        let threat = Phrase::compile("ik (maak|sla) (je|jou) (dood|af)", false).unwrap();
        b.add_term(&threat, Edge::Whole, Target::Abuse(7));
        b.add("daan de vries", Edge::Whole, Target::Name(1));
        let m = b.build().unwrap();
        let view = Normalized::new("Ik maak je af, zei Daan de Vries.");
        let found: Vec<_> =
            m.find_all(&view).iter().map(|x| (&view.text[x.start..x.end], x.target, x.first, x.last)).collect();
        assert_eq!(found, [("ik maak je af", Target::Abuse(7), 0, 3), ("daan de vries", Target::Name(1), 5, 7)]);
    }
}
