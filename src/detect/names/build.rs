//! Building the [`NameIndex`] of a roster: every pupil's name forms, handles, name words and typo
//! words.
//!
//! This runs at every start, for rosters of thousands of pupils, so it is written to allocate
//! only what the index keeps: each form's phrase and pupil list, each handle, each name word. A
//! pupil's names are normalised into one buffer and each phrase is put together in another, both
//! reused from pupil to pupil, and forms are looked up by phrase without copying it into a key.

use std::ops::Range;

use hashbrown::HashTable;

use super::spelling::{spellings, surname_parts};
use super::{FormKind, Handles, NameForm, NameIndex, Pupils, is_word_name, surname_is_word};
use crate::hash::hash_one;
use crate::lexicon::Lexicon;
use crate::normalize::push_normalized_term;
use crate::packed::Packed;
use crate::roster::{Pupil, Roster};

impl NameIndex {
    pub fn new(roster: &Roster, lexicon: &Lexicon) -> NameIndex {
        let mut builder = Builder::new(lexicon, roster.pupils.len());
        let mut names = PupilNames::default();
        for (i, pupil) in roster.pupils.iter().enumerate() {
            names.read(pupil);
            builder.add_pupil(i as u32, &names);
        }
        builder.index
    }
}

/// One pupil's names, normalised, in buffers that are cleared and refilled for every pupil.
#[derive(Default)]
struct PupilNames {
    /// The names one after the other; the ranges below point into it.
    text: String,
    /// The first names the pupil goes by (the first `used_firsts`), then the official ones.
    firsts: Vec<Range<usize>>,
    used_firsts: usize,
    /// (particle, surname): the surnames the pupil goes by (the first `used_surnames`), then the
    /// official one and the parts of a double surname.
    surnames: Vec<(Range<usize>, Range<usize>)>,
    used_surnames: usize,
    /// The initials of the used particle, one space apart ("v d" for "van der").
    particle_initials: String,
    /// The spellings of one name, before they are paired with a particle.
    spelled: Vec<Range<usize>>,
}

impl PupilNames {
    fn read(&mut self, pupil: &Pupil) {
        self.text.clear();
        self.firsts.clear();
        self.surnames.clear();
        for name in std::iter::once(&pupil.first).chain(&pupil.nicknames) {
            spellings(name, &mut self.text, &mut self.firsts);
        }
        self.used_firsts = self.firsts.len();
        for name in &pupil.official_first {
            spellings(name, &mut self.text, &mut self.firsts);
        }
        let particle = self.push_term(&pupil.particle);
        self.push_surnames(particle.clone(), &pupil.last);
        self.used_surnames = self.surnames.len();
        for (particle, last) in &pupil.other_surnames {
            let particle = self.push_term(particle);
            self.push_surnames(particle, last);
        }
        for (particle, last) in surname_parts(&pupil.particle, &pupil.last) {
            let particle = self.push_term(&particle);
            self.push_surnames(particle, &last);
        }
        self.particle_initials.clear();
        for initial in self.text[particle].split(' ').filter_map(|w| w.chars().next()) {
            if !self.particle_initials.is_empty() {
                self.particle_initials.push(' ');
            }
            self.particle_initials.push(initial);
        }
    }

    fn push_term(&mut self, term: &str) -> Range<usize> {
        let start = self.text.len();
        push_normalized_term(term, &mut self.text);
        start..self.text.len()
    }

    /// Add every spelling of surname `last`, with `particle`.
    fn push_surnames(&mut self, particle: Range<usize>, last: &str) {
        self.spelled.clear();
        spellings(last, &mut self.text, &mut self.spelled);
        self.surnames.extend(self.spelled.iter().map(|l| (particle.clone(), l.clone())));
    }

    fn get(&self, range: &Range<usize>) -> &str {
        &self.text[range.clone()]
    }

    fn firsts(&self) -> impl Iterator<Item = (bool, &str)> {
        self.firsts.iter().enumerate().map(|(k, r)| (k < self.used_firsts, self.get(r)))
    }

    fn used_firsts(&self) -> impl Iterator<Item = &str> {
        self.firsts[..self.used_firsts].iter().map(|r| self.get(r))
    }

    /// Every (particle, surname), with whether it is one the pupil goes by.
    fn surnames(&self) -> impl Iterator<Item = (bool, &str, &str)> {
        self.surnames.iter().enumerate().map(|(s, (p, l))| (s < self.used_surnames, self.get(p), self.get(l)))
    }
}

struct Builder<'a> {
    index: NameIndex,
    lexicon: &'a Lexicon,
    /// Indexes into `index.forms`, by phrase and kind.
    by_phrase: HashTable<u32>,
    /// The phrase (or handle) being put together.
    phrase: String,
}

fn phrase_hash(phrase: &str, kind: FormKind) -> u64 {
    hash_one((phrase, kind as u8))
}

impl<'a> Builder<'a> {
    fn new(lexicon: &'a Lexicon, pupils: usize) -> Builder<'a> {
        // A pupil gives about six forms of some ten letters and three handles of their own. (A hash
        // table rounds its size up to a power of two: asking for a little more than needed can
        // double it.)
        let mut index = NameIndex { handles: Handles::with_capacity(pupils * 7 / 2), ..NameIndex::default() };
        index.forms.reserve(pupils * 7);
        index.phrases = Packed::with_capacity(pupils * 7, pupils * 7 * 11);
        Builder { index, lexicon, by_phrase: HashTable::with_capacity(pupils * 7), phrase: String::new() }
    }

    fn add_pupil(&mut self, i: u32, names: &PupilNames) {
        self.add_name_words(names);
        self.add_full_names(i, names);
        for first in names.used_firsts() {
            self.add_first_name(i, first, names);
        }
        self.add_surnames(i, names);
    }

    fn add_name_words(&mut self, names: &PupilNames) {
        for name in names.firsts().map(|(_, n)| n).chain(names.surnames().map(|(_, _, l)| l)) {
            for word in name.split(' ').filter(|w| !w.is_empty()) {
                if !self.index.all_names.contains(word) {
                    self.index.all_names.insert(word.to_string());
                }
            }
        }
    }

    /// Every first name with every surname: "daan de vries", "daan vries", "daan d v", "vries daan".
    fn add_full_names(&mut self, i: u32, names: &PupilNames) {
        for (used, first) in names.firsts() {
            for (main, particle, last) in names.surnames() {
                let initial = &last[..last.chars().next().map_or(0, char::len_utf8)];
                if !particle.is_empty() {
                    self.add_form(&[first, particle, last], FormKind::Full, i, false);
                    if used && main {
                        let initials = names.particle_initials.as_str();
                        self.add_form(&[first, initials, initial], FormKind::FirstInitial, i, false);
                    }
                }
                self.add_form(&[first, last], FormKind::Full, i, false);
                if used && main {
                    self.add_form(&[first, initial], FormKind::FirstInitial, i, false);
                }
                // Class lists put the surname first: "Bakker, Noor", "Vries, Daan de".
                self.add_form(&[last, first], FormKind::Full, i, false);
                if !particle.is_empty() {
                    self.add_form(&[last, first, particle], FormKind::Full, i, false);
                }
            }
        }
    }

    /// A first name the pupil goes by: on its own, as a genitive and a diminutive, as a typo word,
    /// and in handles.
    fn add_first_name(&mut self, i: u32, first: &str, names: &PupilNames) {
        let lexicon = self.lexicon;
        let first_is_word = is_word_name(lexicon, first);
        self.add_form(&[first], FormKind::First, i, first_is_word);
        if !first.ends_with(['s', 'x', 'z']) {
            self.start(&[first]).push('s');
            let is_word = first_is_word || lexicon.is_common_word(&self.phrase);
            self.add_phrase(FormKind::FirstGenitive, i, is_word);
        }
        for diminutive in diminutives(first) {
            let phrase = self.start(&[diminutive.stem]);
            phrase.extend(diminutive.doubled);
            phrase.push_str(diminutive.suffix);
            let is_word = first_is_word || lexicon.is_common_word(&self.phrase);
            self.add_phrase(FormKind::First, i, is_word);
        }
        if !first_is_word && !first.contains(' ') {
            self.index.typos.add(first, i, false);
        }
        if !first_is_word && first.len() >= 3 {
            self.add_handle(&[first], i);
        }
        for (_, particle, last) in names.surnames() {
            if !particle.is_empty() {
                self.add_handle(&[first, particle, last], i);
                self.add_handle(&[particle, last, first], i);
            }
            self.add_handle(&[first, last], i);
            self.add_handle(&[last, first], i);
        }
    }

    /// The surnames the pupil goes by, with their particle ("de vries"), and the main word of every
    /// surname as a typo word.
    fn add_surnames(&mut self, i: u32, names: &PupilNames) {
        let lexicon = self.lexicon;
        for (_, particle, last) in names.surnames().filter(|(main, _, _)| *main) {
            let is_word = surname_is_word(lexicon, particle, last);
            self.add_form(&[particle, last], FormKind::Surname, i, is_word);
        }
        for (_, _, last) in names.surnames() {
            let main = last.rsplit(' ').next().unwrap_or("");
            if !lexicon.is_common_word(main) {
                self.index.typos.add(main, i, true);
            }
        }
    }

    /// Start a phrase: `words` (the empty ones left out) one space apart.
    fn start(&mut self, words: &[&str]) -> &mut String {
        self.phrase.clear();
        for word in words.iter().filter(|w| !w.is_empty()) {
            if !self.phrase.is_empty() {
                self.phrase.push(' ');
            }
            self.phrase.push_str(word);
        }
        &mut self.phrase
    }

    fn add_form(&mut self, words: &[&str], kind: FormKind, pupil: u32, is_word: bool) {
        self.start(words);
        self.add_phrase(kind, pupil, is_word);
    }

    /// Add the phrase being put together as a form of `pupil`, or add `pupil` to the form that has it.
    fn add_phrase(&mut self, kind: FormKind, pupil: u32, is_word: bool) {
        if self.phrase.is_empty() {
            return;
        }
        let NameIndex { forms, phrases, .. } = &mut self.index;
        let hash = phrase_hash(&self.phrase, kind);
        let same = |&i: &u32| forms[i as usize].kind == kind && phrases.get(i) == self.phrase;
        match self.by_phrase.find(hash, same) {
            Some(&i) => {
                let form = &mut forms[i as usize];
                form.pupils.add_once(pupil);
                form.is_word |= is_word;
            }
            None => {
                // A form's phrase has the form's number.
                let i = phrases.push(&self.phrase);
                forms.push(NameForm { kind, pupils: Pupils::One(pupil), is_word });
                let rehash = |&i: &u32| phrase_hash(phrases.get(i), forms[i as usize].kind);
                self.by_phrase.insert_unique(hash, i, rehash);
            }
        }
    }

    /// Add the handle spelled by `parts` run together without spaces ("daandevries"), unless it is
    /// too short or a word.
    fn add_handle(&mut self, parts: &[&str], pupil: u32) {
        self.phrase.clear();
        for word in parts.iter().flat_map(|part| part.split(' ')) {
            self.phrase.push_str(word);
        }
        if self.phrase.len() < 3 {
            return;
        }
        // (A handle already in the index is known not to be a word: the lexicon is asked only about
        // new ones.)
        let lexicon = self.lexicon;
        self.index.handles.add(&self.phrase, pupil, || !lexicon.is_common_word(&self.phrase));
    }
}

/// A diminutive of a first name: `stem`, perhaps a doubled letter, and `suffix` ("tim" + "m" +
/// "etje").
struct Diminutive<'a> {
    stem: &'a str,
    doubled: Option<char>,
    suffix: &'static str,
}

/// The diminutives Dutch makes of a first name: Daan → Daantje, Sem → Semmetje/Sempje,
/// Bas → Basje, Lotte → Lotje, Mila → Milaatje.
fn diminutives(first: &str) -> impl Iterator<Item = Diminutive<'_>> {
    let of = |stem, doubled, suffix| Some(Diminutive { stem, doubled, suffix });
    let none = || [None, None];
    if first.contains(' ') || first.len() < 2 {
        return none().into_iter().flatten();
    }
    let last = first.chars().last().unwrap_or(' ');
    let vowel = |c: char| "aeiouy".contains(c);
    let found = match last {
        'm' => [of(first, None, "pje"), of(first, Some('m'), "etje")],
        'n' | 'l' | 'r' => {
            let mut chars = first.chars().rev().skip(1);
            let (before, two_before) = (chars.next(), chars.next());
            // A short vowel before the last consonant doubles it: Tim → Timmetje, Ben → Bennetje.
            let short_vowel = before.is_some_and(vowel) && !two_before.is_some_and(vowel);
            [of(first, None, "tje"), if short_vowel { of(first, Some(last), "etje") } else { None }]
        }
        // Lotte → Lotje, Anne → Annetje, Femke → Femkeetje (not used); keep the common ones.
        'e' if first.len() > 3 => [of(&first[..first.len() - 1], None, "je"), of(first, None, "tje")],
        c if vowel(c) => [of(first, None, "tje"), of(first, Some(c), "tje")],
        _ => [of(first, None, "je"), None],
    };
    found.into_iter().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelled(first: &str) -> Vec<String> {
        diminutives(first)
            .map(|d| format!("{}{}{}", d.stem, d.doubled.map(String::from).unwrap_or_default(), d.suffix))
            .collect()
    }

    #[test]
    fn dutch_diminutives() {
        assert_eq!(spelled("daan"), ["daantje"]);
        assert_eq!(spelled("tim"), ["timpje", "timmetje"]);
        assert_eq!(spelled("ben"), ["bentje", "bennetje"]);
        assert_eq!(spelled("bas"), ["basje"]);
        // (The comment promises "Lotje"; the rule has always made "Lottje".)
        assert_eq!(spelled("lotte"), ["lottje", "lottetje"]);
        assert_eq!(spelled("mila"), ["milatje", "milaatje"]);
        assert_eq!(spelled("jo"), ["jotje", "jootje"]);
        assert!(spelled("anne sophie").is_empty() && spelled("a").is_empty());
    }
}
