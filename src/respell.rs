//! Repairs the spelling of charged words in the view before anything is matched, so that every
//! check reads "hmoo's", "kankker" and "ikhaat" as the words they stand for:
//!
//! - **one letter off**: a word with one letter missing, doubled, or swapped with its neighbour is
//!   read as the charged word it comes from (an abuse term, a group name, a hate or threat word),
//!   but only where the misspelling is not itself a word postwacht knows, the word is long enough
//!   for one letter to leave it recognisable, and the misspelling comes from one word only;
//! - **run together**: an unknown word that is two known words, one of them charged, is split
//!   where Dutch would not have written one word: a function word glued to it ("eenidioot",
//!   "zijnratten", "haatalle"), an inflected adjective before it ("domstemensen",
//!   "vuilehoer": a compound's first part is not inflected), or a group followed by a violent verb
//!   ("vrouwenverdrinken"). A noun before a noun ("homohuwelijk", "vrouwenvoetbal") is an
//!   ordinary compound and stays whole.
//!
//! - **broken by a space**: two pieces that are not both words and make a charged word together
//!   are joined ("kl ootzak", "mos lims").
//!
//! Words the matcher stores (pupils' names, the school's terms, every wordlist word) and words of
//! `wordlists/common_words.txt` are never repaired.

use crate::hash::{WordMap, WordSet};
use crate::lexicon::{HateRole, Lexicon, Mode, ThreatRole};
use crate::normalize::{Normalized, Repair};
use crate::phrase::Phrase;

/// Shortest word (in letters) whose swapped or doubled letters are repaired; "haat" → "hata".
const SWAP_MIN_LEN: usize = 4;
/// Shortest word whose missing letter is repaired: four letters minus one leaves too little
/// ("hat", "kt").
const DROP_MIN_LEN: usize = 5;
/// Shortest charged half of a run-together word.
const PART_MIN_LEN: usize = 3;
/// Longest word that is tried as a run-together word.
const SPLIT_MAX_LEN: usize = 32;

/// Closed-class words that Dutch writes apart from the word next to them: pronouns, articles,
/// quantifiers, copulas and auxiliaries, intensifiers. Left out on purpose: prepositions and
/// particles, which begin compounds and separable verbs ("aanval", "ophangen"); words of two
/// letters but "ik", which begin ordinary words ("depot", "wetering", "jelui"); words that are also
/// nouns ("was", "waren", "zij": "wasvrouw", "warenhuis", "zijruit"); "geen" ("homogeen").
const FUNCTION_WORDS: &[&str] = &[
    "alle", "allemaal", "ben", "bent", "deze", "die", "dit", "echt", "een", "elke", "enorm", "erg", "gewoon", "heel",
    "het", "hij", "iedere", "ik", "jij", "jou", "jullie", "moet", "moeten", "ons", "onze", "sommige", "totaal", "veel",
    "wat", "wij", "word", "wordt", "worden", "zal", "zijn", "zoveel", "zulke", "zullen",
];

pub struct Respeller {
    /// Words written as they are: the matcher's words are checked by the caller.
    known: WordSet<&'static str>,
    /// The charged words (abuse terms, group names, hate and threat words).
    charged: WordSet<&'static str>,
    groups: WordSet<&'static str>,
    /// Violent verbs and threat acts ("verdrinken", "doodschieten").
    violent: WordSet<&'static str>,
    function: WordSet<&'static str>,
    /// A charged word with a letter dropped, and the word.
    dropped: WordMap<String, &'static str>,
}

impl Respeller {
    pub fn new(lexicon: &'static Lexicon) -> Respeller {
        let mut charged = WordSet::default();
        let mut known: WordSet<&'static str> = WordSet::default();
        let mut groups = WordSet::default();
        let mut violent = WordSet::default();
        let function: WordSet<&'static str> = FUNCTION_WORDS.iter().copied().collect();
        let usable = |w: &&str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
        // A word that is a term on its own is charged; a word inside a phrase only when it is no
        // ordinary word: "bedreiging" in "een bedreiging voor", but not "armen" in "armen breken".
        let charged_words = |phrase: &'static Phrase| -> Vec<&'static str> {
            match phrase.single_words() {
                Some(words) => words.filter(usable).filter(|w| !function.contains(w)).collect(),
                None => phrase.words().filter(usable).filter(|w| !lexicon.is_common_word(w)).collect(),
            }
        };
        for entry in lexicon.abuse.iter().filter(|e| e.term.mode != Mode::Acronym) {
            charged.extend(entry.term.phrase.single_words().into_iter().flatten().filter(usable));
        }
        for entry in lexicon.groups.iter().filter(|e| matches!(e.term.mode, Mode::Word | Mode::Addressed)) {
            let words = entry.term.phrase.single_words().into_iter().flatten().filter(usable);
            groups.extend(words);
        }
        charged.extend(groups.iter().copied());
        for entry in &lexicon.hate {
            let charged_role = matches!(
                entry.role,
                HateRole::Attribute
                    | HateRole::Dehumanise
                    | HateRole::Emotion
                    | HateRole::Exclusion
                    | HateRole::Violence
            );
            let words: Vec<&'static str> = charged_words(&entry.term.phrase);
            if entry.role == HateRole::Violence {
                violent.extend(words.iter().copied());
            }
            if charged_role {
                charged.extend(words);
            }
        }
        for entry in &lexicon.threats {
            if matches!(entry.role, ThreatRole::Act | ThreatRole::Menace | ThreatRole::Participle) {
                let words: Vec<&'static str> = charged_words(&entry.term.phrase);
                violent.extend(words.iter().copied());
                charged.extend(words);
            }
        }
        let terms = lexicon.abuse.iter().map(|e| &e.term).chain(lexicon.groups.iter().map(|e| &e.term));
        let terms = terms
            .chain(lexicon.hate.iter().map(|e| &e.term))
            .chain(lexicon.threats.iter().map(|e| &e.term))
            .chain(lexicon.context.iter().map(|e| &e.term))
            .chain(lexicon.safe.iter().map(|e| &e.term));
        for term in terms {
            known.extend(term.phrase.words());
        }
        known.extend(lexicon.common_words.iter().map(|w| w.as_ref()));
        known.extend(lexicon.first_names.iter().map(|w| w.as_ref()));
        let dropped = dropped_letters(&charged, &known);
        Respeller { known, charged, groups, violent, function, dropped }
    }

    /// Is `word` written as a word postwacht knows?
    pub fn knows(&self, word: &str) -> bool {
        self.known.contains(word)
    }

    /// The charged word that `word` (which is no known word) misspells with one letter dropped,
    /// doubled, or swapped with its neighbour; where it could be several, the first in
    /// alphabetical order.
    pub fn typo_of(&self, word: &str) -> Option<&'static str> {
        if let Some(&meant) = self.dropped.get(word) {
            return Some(meant);
        }
        let letters = word.as_bytes();
        let mut candidate = letters.to_vec();
        let mut best: Option<&'static str> = None;
        let mut consider = |candidate: &[u8]| {
            let found = std::str::from_utf8(candidate).ok().and_then(|c| self.charged.get(c).copied());
            if let Some(found) = found.filter(|f| f.len() >= SWAP_MIN_LEN) {
                best = Some(best.map_or(found, |b| b.min(found)));
            }
        };
        for i in 0..letters.len().saturating_sub(1) {
            if letters[i] == letters[i + 1] {
                // A doubled letter, unless the word has it double itself ("kanker" from
                // "kankker", not "sukkel" from "sukkel").
                let tripled = i > 0 && letters[i - 1] == letters[i] || letters.get(i + 2) == Some(&letters[i]);
                if !tripled {
                    consider(&[&letters[..i], &letters[i + 1..]].concat());
                }
            } else {
                candidate.swap(i, i + 1);
                consider(&candidate);
                candidate.swap(i, i + 1);
            }
        }
        best
    }

    /// The view with its misspelt and run-together charged words repaired, or `None` when there
    /// is nothing to repair. `stored` says whether the matcher has a word of its own (a name, a
    /// school's term), which is never repaired.
    pub fn respell(&self, text: &str, view: &Normalized, stored: impl Fn(&str) -> bool) -> Option<Normalized> {
        let mut repairs = Vec::new();
        // Most words of a text are known: each is looked up once, and only the rest is worked on.
        let plain = |w: &str| w.bytes().all(|b| b.is_ascii_lowercase());
        let unknown: Vec<bool> = (0..view.tokens.len())
            .map(|t| {
                let word = view.token_text(t);
                plain(word) && !self.knows(word)
            })
            .collect();
        let mut after_join = false;
        for t in 0..view.tokens.len() {
            if std::mem::take(&mut after_join) {
                continue;
            }
            let neighbour_unknown = unknown.get(t + 1).copied().unwrap_or(false);
            if (unknown[t] || neighbour_unknown) && self.broken_word(text, view, t, &stored) {
                repairs.push(Repair::Join { token: t });
                after_join = true;
                continue;
            }
            let word = view.token_text(t);
            if !unknown[t] || word.len() < SWAP_MIN_LEN {
                continue;
            }
            if stored(word) {
                continue;
            }
            // A capital inside a sentence marks a name ("Daan Smit" is no "smijt"); of the
            // charged words, Dutch capitalises only the names of peoples and religions.
            let name = written_as_name(text, view, t);
            if let Some(right) = self.typo_of(word).filter(|right| !name || self.groups.contains(right)) {
                repairs.push(Repair::Respell { token: t, word: right });
            } else if name {
                continue;
            } else if let Some(at) = self.split_point(word) {
                repairs.push(Repair::Split { token: t, at });
            }
        }
        (!repairs.is_empty()).then(|| view.repaired(&repairs))
    }

    /// Are tokens `t` and `t + 1` (one of which is no known word) one charged word broken by a
    /// single space ("kl ootzak", "mos lims")? Not when both halves are words of their own ("rot
    /// zak", "kan ook"), or one is a name.
    fn broken_word(&self, text: &str, view: &Normalized, t: usize, stored: &impl Fn(&str) -> bool) -> bool {
        if t + 1 >= view.tokens.len() {
            return false;
        }
        let (first, second) = (view.token_text(t), view.token_text(t + 1));
        let plain = |w: &str| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase());
        if !plain(first) || !plain(second) || (self.knows(first) && self.knows(second)) {
            return false;
        }
        let (_, first_end) = view.token_original(t);
        let (second_start, _) = view.token_original(t + 1);
        if &text[first_end..second_start.max(first_end)] != " " || stored(first) || stored(second) {
            return false;
        }
        let mut whole = String::with_capacity(first.len() + second.len());
        whole.push_str(first);
        whole.push_str(second);
        whole.len() >= SWAP_MIN_LEN && self.charged.contains(whole.as_str())
    }

    /// Where an unknown word falls apart into two words Dutch writes apart (see the module
    /// documentation), if it does.
    pub fn split_point(&self, word: &str) -> Option<usize> {
        if word.len() > SPLIT_MAX_LEN {
            return None;
        }
        (2..=word.len() - 2).find(|&at| self.written_apart(&word[..at], &word[at..]))
    }

    fn written_apart(&self, left: &str, right: &str) -> bool {
        let charged = |w: &str| w.len() >= PART_MIN_LEN && self.charged.contains(w);
        let known = |w: &str| self.known.contains(w);
        if !(known(left) && known(right)) || !(charged(left) || charged(right)) {
            return false;
        }
        // "eenidioot", "ikhaat", "zijnratten", "verdoemalle"; but not a word with a suffix that
        // looks like a short function word: "wurgende", "neukte", "kneusje".
        if self.function.contains(left) || (right.len() >= 3 && self.function.contains(right)) {
            return true;
        }
        // "absolutevuiligheid", "vuilehoer": the first part is an inflected adjective, which a
        // compound does not start with ("blindekoe", "zwartemeer" are names of things: the
        // second part must be charged).
        let insulting = charged(right) && !self.groups.contains(right);
        if insulting && right.len() >= 4 && left.len() >= 5 && inflected_adjective(left, &known) {
            return true;
        }
        // "vrouwenverdrinken": a group and what is done to it.
        self.groups.contains(left) && self.violent.contains(right) && right.ends_with("en")
    }
}

/// Is token `t` written with a capital inside a sentence (not first, not after `.`, `!`, `?`, `:`
/// or a line break)?
fn written_as_name(text: &str, view: &Normalized, t: usize) -> bool {
    let (start, _) = view.token_original(t);
    let capital = text[start..].chars().next().is_some_and(char::is_uppercase);
    let before = text[..start].trim_end_matches([' ', '\t', '"', '\'', '(', '“', '‘']);
    let sentence_start = before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n', '\r']);
    capital && !sentence_start
}

/// Is `word` an adjective with the inflection -e or -ste ("vuile", "absolute", "stomme",
/// "vieze", "domste")? Its stem must be a known word ending in a consonant: "vuil", "absoluut" (a
/// long vowel is written double when the syllable closes), "stom" (a consonant doubled after a
/// short vowel), "vies" (z before the ending, s at the end), "dom".
fn inflected_adjective(word: &str, known: &impl Fn(&str) -> bool) -> bool {
    let ends_in_consonant = |stem: &str| stem.bytes().last().is_some_and(|b| !is_vowel(b));
    if let Some(stem) = word.strip_suffix("ste")
        && stem.len() >= 3
        && ends_in_consonant(stem)
        && known(stem)
    {
        return true;
    }
    let Some(stem) = word.strip_suffix('e') else {
        return false;
    };
    let bytes = stem.as_bytes();
    let n = bytes.len();
    if n < 3 || !ends_in_consonant(stem) {
        return false;
    }
    if known(stem) {
        return true;
    }
    let last = bytes[n - 1];
    let closed = if bytes[n - 2] == last {
        // "stomm" → "stom"
        stem[..n - 1].to_string()
    } else if last == b'z' || last == b'v' {
        // "viez" → "vies", "brav" → "braaf" is left to the next rule
        format!("{}{}", &stem[..n - 1], if last == b'z' { 's' } else { 'f' })
    } else if is_vowel(bytes[n - 2]) && !is_vowel(bytes[n - 3]) {
        // "absolut" → "absoluut"
        format!("{}{}{}", &stem[..n - 1], bytes[n - 2] as char, last as char)
    } else {
        return false;
    };
    known(&closed)
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The charged words with one letter dropped (not the first, which people rarely drop, nor the
/// last, which turns words into other forms: "vieze" → "viez", "moslims" → "moslim"), except
/// known words. A spelling that drops a letter from two charged words ("mslims": moslims,
/// muslims) stands for the first in alphabetical order: either way it is charged. Swapped and
/// doubled letters need no table: [`Respeller::typo_of`] undoes them and looks the result up.
fn dropped_letters(charged: &WordSet<&'static str>, known: &WordSet<&'static str>) -> WordMap<String, &'static str> {
    let mut dropped: WordMap<String, &'static str> = WordMap::default();
    let mut words: Vec<&'static str> = charged.iter().copied().filter(|w| w.len() >= DROP_MIN_LEN).collect();
    // The same table whatever the hash order.
    words.sort_unstable();
    let mut variant = String::new();
    for word in words {
        for i in 1..word.len() - 1 {
            variant.clear();
            variant.push_str(&word[..i]);
            variant.push_str(&word[i + 1..]);
            if !known.contains(variant.as_str()) && !dropped.contains_key(variant.as_str()) {
                dropped.insert(variant.clone(), word);
            }
        }
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn respeller() -> Respeller {
        Respeller::new(Lexicon::get().unwrap())
    }

    fn repaired(text: &str) -> String {
        let view = Normalized::new(text);
        respeller().respell(text, &view, |_| false).map_or(view.text, |v| v.text)
    }

    #[test]
    fn one_letter_off_is_repaired() {
        assert_eq!(repaired("Ik hata hmoo's"), " ik haat homo s ");
        assert_eq!(repaired("wat een kankker school"), " wat een kanker school ");
        assert_eq!(repaired("die vrow"), " die vrouw ");
    }

    fn assert_unchanged(texts: &[&str]) {
        for text in texts {
            assert_eq!(repaired(text), Normalized::new(text).text, "{text}");
        }
    }

    #[test]
    fn words_that_are_words_stay() {
        assert_unchanged(&["Goed gedaan hoor", "ze verstuikte haar enkel", "het debiet van de beek", "een boer"]);
    }

    #[test]
    fn names_are_only_read_as_names_of_groups() {
        assert_eq!(repaired("Gisteren won Daan Smit."), " gisteren won daan smit ");
        assert_eq!(repaired("Wat vinden die Mslims ervan?"), " wat vinden die moslims ervan ");
    }

    #[test]
    fn run_together_words_are_split() {
        assert_eq!(repaired("Ikhaat ze"), " ik haat ze ");
        assert_eq!(repaired("wat eenidioot"), " wat een idioot ");
        assert_eq!(repaired("zijnratten"), " zijn ratten ");
    }

    #[test]
    fn words_broken_by_a_space_are_joined() {
        assert_eq!(repaired("jij kl ootzak"), " jij klootzak ");
        assert_eq!(repaired("die mos lims"), " die moslims ");
        assert_unchanged(&["rot zak", "kan ook", "de kat ker"]);
    }

    #[test]
    fn compounds_stay_whole() {
        assert_unchanged(&["het homohuwelijk", "vrouwenvoetbal", "homogeen", "negeren", "ophangen", "rattenvanger"]);
    }

    #[test]
    fn a_repaired_word_maps_back_to_what_was_written() {
        let text = "Jij bent eenidioot en een sukekl.";
        let view = Normalized::new(text);
        let fixed = respeller().respell(text, &view, |_| false).unwrap();
        let words: Vec<&str> = (0..fixed.tokens.len()).map(|t| fixed.token_text(t)).collect();
        assert_eq!(words, ["jij", "bent", "een", "idioot", "en", "een", "sukkel"]);
        let (s, e) = fixed.token_original(3);
        assert_eq!(&text[s..e], "idioot");
        let (s, e) = fixed.token_original(6);
        assert_eq!(&text[s..e], "sukekl");
    }
}

/// Dutch words from the OpenTaal list (`/usr/share/dict/nederlands`, package wdutch) that the
/// respeller would read as another word: each is a false alarm waiting for a text that uses it.
/// Skipped where the list is not installed.
#[cfg(test)]
mod dictionary {
    use super::*;
    use crate::normalize::normalize_term;

    /// Dictionary spellings that are read as another spelling of the same word (an old or
    /// informal spelling, a past tense read as its infinitive): the repair is right.
    const SAME_WORD: &[&str] = &[
        "afslachtten",
        "armoezaaier",
        "bastaards",
        "berenlul",
        "berenlullen",
        "domig",
        "doodssteken",
        "drugdealers",
        "gluipers",
        "makaak",
        "makaken",
        "mankpoot",
        "mankpoten",
        "onthoofdden",
        "opzoutten",
        "schijters",
        "takkewijf",
        "uitmoordden",
        "verachte",
        "verbrandden",
        "vermoordden",
        "verpestten",
        "walglijk",
        "walglijke",
        "zeikers",
        "zwartten",
        "aanrichtten",
        "barstten",
        "doodsstraf",
        "hardden",
        "lustten",
        "stichtten",
        "verkrachtten",
        "zoutten",
    ];

    #[test]
    fn dictionary_words_are_left_alone() {
        let Ok(list) = std::fs::read_to_string("/usr/share/dict/nederlands") else {
            eprintln!("/usr/share/dict/nederlands is not installed: skipped");
            return;
        };
        let respeller = Respeller::new(Lexicon::get().unwrap());
        let mut misread = Vec::new();
        // Proper names (capitalised in the list) are the roster's and the matcher's business.
        for word in list.lines().filter(|w| !w.starts_with(char::is_uppercase)).map(normalize_term) {
            if word.len() < SWAP_MIN_LEN || !word.bytes().all(|b| b.is_ascii_lowercase()) || respeller.knows(&word) {
                continue;
            }
            if SAME_WORD.contains(&word.as_str()) {
                continue;
            }
            if let Some(meant) = respeller.typo_of(&word) {
                misread.push(format!("{word} (read as {meant})"));
            } else if let Some(at) = respeller.split_point(&word) {
                misread.push(format!("{word} (split as {} {})", &word[..at], &word[at..]));
            }
        }
        assert!(misread.is_empty(), "{} dictionary words misread:\n{}", misread.len(), misread.join("\n"));
    }
}
