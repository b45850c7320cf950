//! One Aho-Corasick automaton over every literal phrase of a run: all wordlists, the context cues,
//! the roster's name forms and the organisation's names.
//!
//! Phrases are matched against the view of [`crate::normalize`], which has a single space between
//! words and one at each end. A whole-word phrase is stored as `" phrase "`, a compound head as
//! `" head"` (it may run on into the rest of a word), a compound tail as `"tail "`; so the automaton
//! itself enforces word boundaries and there is no filtering afterwards. Each stored string maps to
//! every [`Target`] that uses it (the same phrase can be a wordlist term and a pupil's name).

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::lexicon::Mode;
use crate::normalize::Normalized;

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
    /// A name form of the roster (index into [`crate::roster::NameIndex::forms`]).
    Name(u32),
    /// One of the organisation's names given with `--org`.
    Org(u32),
}

/// How a stored pattern sits in the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// `" phrase "`: whole words.
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

#[derive(Default)]
pub struct MatcherBuilder {
    patterns: Vec<String>,
    edges: Vec<Edge>,
    targets: Vec<Vec<Target>>,
    index: HashMap<String, usize>,
}

impl MatcherBuilder {
    pub fn new() -> MatcherBuilder {
        MatcherBuilder::default()
    }

    /// Add a normalised phrase (as produced by [`crate::normalize::normalize_term`]).
    pub fn add(&mut self, phrase: &str, edge: Edge, target: Target) {
        if phrase.is_empty() {
            return;
        }
        let pattern = match edge {
            Edge::Whole => format!(" {phrase} "),
            Edge::Head => format!(" {phrase}"),
            Edge::Tail => format!("{phrase} "),
        };
        let id = match self.index.get(&pattern) {
            Some(&id) => id,
            None => {
                let id = self.patterns.len();
                self.index.insert(pattern.clone(), id);
                self.patterns.push(pattern);
                self.edges.push(edge);
                self.targets.push(Vec::new());
                id
            }
        };
        if !self.targets[id].contains(&target) {
            self.targets[id].push(target);
        }
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    pub fn build(self) -> Result<Matcher, String> {
        // A DFA is the fastest to search; it pays off even for a single draft because building it
        // for our pattern counts takes milliseconds.
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&self.patterns)
            .or_else(|_| AhoCorasick::builder().match_kind(MatchKind::Standard).build(&self.patterns))
            .map_err(|e| e.to_string())?;
        Ok(Matcher { ac, edges: self.edges, targets: self.targets })
    }
}

pub struct Matcher {
    ac: AhoCorasick,
    edges: Vec<Edge>,
    targets: Vec<Vec<Target>>,
}

/// A phrase found in the view. `start..end` is the phrase itself, without the padding spaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub pattern: u32,
    pub edge: Edge,
}

impl Matcher {
    /// Every occurrence of every phrase, overlapping ones included, ordered by start.
    pub fn find_all(&self, view: &Normalized) -> Vec<Match> {
        let mut out = Vec::new();
        for m in self.ac.find_overlapping_iter(view.text.as_str()) {
            let pattern = m.pattern().as_usize();
            let edge = self.edges[pattern];
            let (start, end) = match edge {
                Edge::Whole => (m.start() + 1, m.end() - 1),
                Edge::Head => (m.start() + 1, m.end()),
                Edge::Tail => (m.start(), m.end() - 1),
            };
            out.push(Match { start, end, pattern: pattern as u32, edge });
        }
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        out
    }

    pub fn targets(&self, m: &Match) -> &[Target] {
        &self.targets[m.pattern as usize]
    }

    pub fn pattern_count(&self) -> usize {
        self.targets.len()
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
        let found: Vec<_> =
            m.find_all(&view).iter().map(|x| (&view.text[x.start..x.end], m.targets(x).to_vec())).collect();
        assert_eq!(
            found,
            [
                ("ben", vec![Target::Name(0), Target::Context(3)]),
                ("kanker", vec![Target::Abuse(0)]),
                ("lijer", vec![Target::Abuse(1)]),
            ]
        );
    }
}
