//! Finds every literal word of a run in a text: the words of all wordlists, the roster's name
//! forms and the organisation's names; multi-word phrases are assembled from them.
//!
//! Words are matched against the view of [`crate::normalize`], whose tokens are separated by
//! single spaces. A whole word is found by looking each token up in a hash map, which costs the
//! same per token however many words there are, and nothing to build. Compound heads (`" head"`,
//! which may run on into the rest of a word) and tails (`"tail "`) are parts of tokens, so those go
//! into a small Aho-Corasick automaton, whose spaces enforce the word boundaries. A multi-word
//! phrase ([`Phrase`]) is not expanded: only the words it can start with are stored, and where
//! one is found, the phrase is checked word by word against the view's tokens. Each stored word
//! maps to every [`Target`] that uses it.

use std::borrow::Cow;
use std::collections::hash_map::Entry;

use crate::hash::WordMap;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::lexicon::Mode;
use crate::normalize::Normalized;
use crate::one_or_many::OneOrMany;
use crate::packed::Packed;
use crate::phrase::Phrase;

/// What a matched phrase stands for: an index into the list it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Abuse(u32),
    Safe(u32),
    Group(u32),
    Hate(u32),
    Confidential(u32),
    Disclaimer(u32),
    Media(u32),
    Context(u32),
    /// A name form of the roster (index into [`crate::detect::names::NameIndex::forms`]).
    Name(u32),
    /// One of the organisation's names given with `--org`.
    Org(u32),
    /// A term the school wants reported (index into [`crate::terms::SchoolTerms::extra`]).
    Extra(u32),
    /// A phrase the school allows (index into [`crate::terms::SchoolTerms::allow`]).
    Allowed(u32),
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

/// What a stored word leads to: a target directly, or a phrase that may start here (a compiled
/// wordlist term, or a literal such as a full name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lead {
    Target(Target),
    Phrase(u32),
    Literal(u32),
}

/// What one stored word leads to (nearly always one thing).
type Leads = OneOrMany<Lead>;

/// Add a lead to a word's. A phrase's first words are a set and its id is new, so only targets
/// can repeat; a target is kept once.
fn add_lead(leads: &mut Leads, lead: Lead) {
    if matches!(lead, Lead::Target(_)) {
        leads.add_once(lead);
    } else {
        leads.push(lead);
    }
}

/// The literal phrases (name forms, organisation names) of a run, in one string: there are tens
/// of thousands of them with a large roster, and each is only ever compared word by word.
#[derive(Default)]
struct Literals {
    texts: Packed,
    /// Each literal's target, by its number in `texts`.
    targets: Vec<Target>,
}

impl Literals {
    fn push(&mut self, literal: &str, target: Target) -> u32 {
        self.targets.push(target);
        self.texts.push(literal)
    }

    fn append(&mut self, other: Literals) {
        self.texts.append(&other.texts);
        self.targets.extend(other.targets);
    }

    /// The literal's words and target.
    fn get(&self, id: u32) -> (impl Iterator<Item = &str>, Target) {
        (self.texts.get(id).split(' ').filter(|w| !w.is_empty()), self.targets[id as usize])
    }

    fn len(&self) -> usize {
        self.targets.len()
    }
}

#[derive(Default)]
pub struct MatcherBuilder {
    /// Per edge (in [`Edge`] order), each stored word and its entry.
    index: [WordMap<String, usize>; 3],
    /// Per entry: what finding it leads to.
    leads: Vec<Leads>,
    /// Compiled terms: the wordlists' own (borrowed from the lexicon) or a school's.
    phrases: Vec<(Cow<'static, Phrase>, Target)>,
    literals: Literals,
}

impl MatcherBuilder {
    pub fn new() -> MatcherBuilder {
        MatcherBuilder::default()
    }

    /// A builder with room for this many whole words (growing a table of tens of thousands of
    /// words rehashes it each time it doubles; a good guess saves that).
    pub fn with_capacity(whole_words: usize) -> MatcherBuilder {
        let mut builder = MatcherBuilder::default();
        builder.index[Edge::Whole as usize].reserve(whole_words);
        builder
    }

    fn lead(&mut self, word: &str, edge: Edge, lead: Lead) {
        let words = &mut self.index[edge as usize];
        match words.get(word) {
            Some(&id) => add_lead(&mut self.leads[id], lead),
            None => {
                words.insert(word.to_string(), self.leads.len());
                self.leads.push(Leads::One(lead));
            }
        }
    }

    /// Add a literal in normalised form: one word (with its edge), or several words (a whole
    /// phrase, e.g. a full name).
    pub fn add(&mut self, literal: &str, edge: Edge, target: Target) {
        if literal.is_empty() {
            return;
        }
        if let Some((first, _)) = literal.split_once(' ') {
            // A literal phrase starts with its first word only.
            let id = self.literals.push(literal, target);
            self.lead(first, Edge::Whole, Lead::Literal(id));
        } else {
            self.lead(literal, edge, Lead::Target(target));
        }
    }

    /// Add a compiled wordlist term: its words go in as they are when every phrase of it is one
    /// word (keeping the term's edge), else it is matched as a phrase. The term is borrowed from
    /// the lexicon, which lives as long as the program.
    pub fn add_term(&mut self, phrase: &'static Phrase, edge: Edge, target: Target) {
        self.add_compiled(Cow::Borrowed(phrase), edge, target);
    }

    /// Add a compiled term of the school's own (see [`MatcherBuilder::add_term`]).
    pub fn add_school_term(&mut self, phrase: Phrase, edge: Edge, target: Target) {
        self.add_compiled(Cow::Owned(phrase), edge, target);
    }

    fn add_compiled(&mut self, phrase: Cow<'static, Phrase>, edge: Edge, target: Target) {
        if let Some(words) = phrase.single_words() {
            for word in words {
                self.lead(word, edge, Lead::Target(target));
            }
            return;
        }
        let id = self.phrases.len() as u32;
        for word in phrase.first_words() {
            self.lead(word, Edge::Whole, Lead::Phrase(id));
        }
        self.phrases.push((phrase, target));
    }

    /// Add everything `other` holds after what this one holds (so the two can be filled on
    /// different threads).
    pub fn append(&mut self, other: MatcherBuilder) {
        let (phrase_offset, literal_offset) = (self.phrases.len() as u32, self.literals.len() as u32);
        let MatcherBuilder { index, leads, phrases, literals } = other;
        for (words, other_words) in self.index.iter_mut().zip(index) {
            words.reserve(other_words.len());
            for (word, id) in other_words {
                let mut moved = leads[id].iter().map(|&lead| match lead {
                    Lead::Phrase(phrase) => Lead::Phrase(phrase + phrase_offset),
                    Lead::Literal(literal) => Lead::Literal(literal + literal_offset),
                    target => target,
                });
                let mine = match words.entry(word) {
                    Entry::Occupied(entry) => &mut self.leads[*entry.get()],
                    Entry::Vacant(entry) => {
                        // Every stored word leads somewhere.
                        let Some(first) = moved.next() else { continue };
                        entry.insert(self.leads.len());
                        self.leads.push(Leads::One(first));
                        self.leads.last_mut().expect("just pushed")
                    }
                };
                moved.for_each(|lead| add_lead(mine, lead));
            }
        }
        self.phrases.extend(phrases);
        self.literals.append(literals);
    }

    pub fn len(&self) -> usize {
        self.leads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.leads.is_empty()
    }

    pub fn build(self) -> Result<Matcher, String> {
        let [whole, heads, tails] = self.index;
        let mut parts = Vec::with_capacity(heads.len() + tails.len());
        let mut part_entries = Vec::with_capacity(heads.len() + tails.len());
        for (word, id) in heads {
            parts.push(format!(" {word}"));
            part_entries.push((id, Edge::Head));
        }
        for (word, id) in tails {
            parts.push(format!("{word} "));
            part_entries.push((id, Edge::Tail));
        }
        let automaton = if parts.is_empty() {
            None
        } else {
            Some(AhoCorasick::builder().match_kind(MatchKind::Standard).build(&parts).map_err(|e| e.to_string())?)
        };
        Ok(Matcher {
            whole,
            parts: automaton,
            part_words: parts,
            part_entries,
            leads: self.leads,
            phrases: self.phrases,
            literals: self.literals,
        })
    }
}

pub struct Matcher {
    /// Whole words and their entries.
    whole: WordMap<String, usize>,
    /// Compound heads and tails; pattern `i` is `part_words[i]` and entry `part_entries[i]`.
    parts: Option<AhoCorasick>,
    part_words: Vec<String>,
    part_entries: Vec<(usize, Edge)>,
    leads: Vec<Leads>,
    phrases: Vec<(Cow<'static, Phrase>, Target)>,
    literals: Literals,
}

/// Where a stored word was found: view byte range, edge, and the tokens it lies in.
#[derive(Clone, Copy)]
struct Place {
    start: usize,
    end: usize,
    edge: Edge,
    first: usize,
    last: usize,
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
    /// Every occurrence of every word and phrase, ordered by start (longest first). Where several
    /// targets cover the same passage, a head comes before a whole word and a whole word before a
    /// tail (the order the detectors' tie-breaks were written for).
    pub fn find_all(&self, view: &Normalized) -> Vec<Found> {
        let mut out = Vec::new();
        let mut tails = Vec::new();
        if let Some(parts) = &self.parts {
            for m in parts.find_overlapping_iter(view.text.as_str()) {
                let (entry, edge) = self.part_entries[m.pattern().as_usize()];
                let (start, end) = match edge {
                    Edge::Head => (m.start() + 1, m.end()),
                    _ => (m.start(), m.end() - 1),
                };
                // A head or tail is one word, so it lies in one token.
                if let Some(first) = view.token_containing(start) {
                    let found = if edge == Edge::Head { &mut out } else { &mut tails };
                    self.lead_to(entry, Place { start, end, edge, first, last: first }, view, found);
                }
            }
        }
        for (i, token) in view.tokens.iter().enumerate() {
            if let Some(&entry) = self.whole.get(view.token_text(i)) {
                let place = Place { start: token.start, end: token.end, edge: Edge::Whole, first: i, last: i };
                self.lead_to(entry, place, view, &mut out);
            }
        }
        out.append(&mut tails);
        out.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
        out
    }

    /// What a stored word found at `at` leads to: its targets, and the phrases that match from
    /// there.
    fn lead_to(&self, entry: usize, at: Place, view: &Normalized, out: &mut Vec<Found>) {
        let token = |i: usize| (i < view.tokens.len()).then(|| view.token_text(i));
        // A phrase found from token `at.first` up to (not including) token `after`.
        let phrase_found = |after: usize, target: Target| Found {
            start: view.tokens[at.first].start,
            end: view.tokens[after - 1].end,
            target,
            edge: Edge::Whole,
            first: at.first,
            last: after - 1,
        };
        for &lead in self.leads[entry].iter() {
            match lead {
                Lead::Target(target) => {
                    out.push(Found {
                        start: at.start,
                        end: at.end,
                        target,
                        edge: at.edge,
                        first: at.first,
                        last: at.last,
                    });
                }
                Lead::Phrase(id) => {
                    let (phrase, target) = &self.phrases[id as usize];
                    if let Some(after) = phrase.match_at(&token, at.first) {
                        out.push(phrase_found(after, *target));
                    }
                }
                Lead::Literal(id) => {
                    // A literal is stored under its first word, which is the token found here.
                    let (words, target) = self.literals.get(id);
                    let mut after = at.first + 1;
                    let fits = words.skip(1).all(|word| {
                        after += 1;
                        token(after - 1) == Some(word)
                    });
                    if fits {
                        out.push(phrase_found(after, target));
                    }
                }
            }
        }
    }

    /// Is `word` stored as a whole word (a wordlist word, a name form, a school's term)?
    pub fn stores(&self, word: &str) -> bool {
        self.whole.contains_key(word)
    }

    /// Every stored word (whole words, compound heads and tails, the first words of phrases),
    /// without the spaces that mark word edges.
    pub fn literals(&self) -> impl Iterator<Item = &str> {
        self.whole.keys().map(String::as_str).chain(self.part_words.iter().map(|p| p.trim_matches(' ')))
    }

    /// Number of distinct words in the automaton, and of phrases assembled from them.
    pub fn size(&self) -> (usize, usize) {
        (self.leads.len(), self.phrases.len() + self.literals.len())
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
    fn a_literal_is_found_as_its_compiled_phrase() {
        let view = Normalized::new("Daan de Vries en Sem van den Berg zagen Noor, daan de, sem van den");
        let found = |builder: MatcherBuilder| -> Vec<(usize, usize, usize, usize)> {
            let found = builder.build().unwrap().find_all(&view);
            found.iter().map(|f| (f.start, f.end, f.first, f.last)).collect()
        };
        for literal in ["daan de vries", "noor", "sem van den berg"] {
            let mut literal_builder = MatcherBuilder::new();
            literal_builder.add(literal, Edge::Whole, Target::Name(0));
            let mut compiled = MatcherBuilder::new();
            compiled.add_school_term(Phrase::compile(literal, false).unwrap(), Edge::Whole, Target::Name(0));
            let literal_found = found(literal_builder);
            assert!(!literal_found.is_empty(), "{literal}");
            assert_eq!(literal_found, found(compiled), "{literal}");
        }
    }

    #[test]
    fn phrases_are_assembled_from_their_first_word() {
        let mut b = MatcherBuilder::new();
        let threat = Phrase::compile("ik (maak|sla) (je|jou) (dood|af)", false).unwrap();
        b.add_school_term(threat, Edge::Whole, Target::Abuse(7));
        b.add("daan de vries", Edge::Whole, Target::Name(1));
        let m = b.build().unwrap();
        let view = Normalized::new("Ik maak je af, zei Daan de Vries.");
        let found: Vec<_> =
            m.find_all(&view).iter().map(|x| (&view.text[x.start..x.end], x.target, x.first, x.last)).collect();
        assert_eq!(found, [("ik maak je af", Target::Abuse(7), 0, 3), ("daan de vries", Target::Name(1), 5, 7)]);
    }
}
