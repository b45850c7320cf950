//! Pupil names (PW101–PW105).
//!
//! Every pupil on the roster yields name forms: the full name with and without particle, the first
//! name, the genitive (`Daans`), the first name with the initial of the surname (`Roos H.`), the
//! surname with its particle (`de Vries`), and the spellings of @handles and #hashtags
//! (`daandevries`). The forms go into the automaton like any phrase, so case and diacritics never
//! matter (`ZOË`, `Zoe`, `Yilmaz`).
//!
//! What needs judgement is a name that is also a word. A first name or surname that is a common
//! Dutch word (Roos, Storm, Bas, Kok, de Boer) only counts when it is used as a name: capitalised
//! in the original, not after a determiner ("de roos"), and not just capitalised because it starts
//! a sentence (unless a verb follows, "Storm scoorde"). Such finds are warnings (PW105). A title
//! before a name ("juf Roos", "meneer Bakker") marks an adult, and a different first name before a
//! roster surname ("Hugo de Vries") marks somebody else.

use crate::hash::WordSet;

use regex::Regex;
use std::sync::LazyLock;

use crate::detect::{Document, Found};
use crate::finding::{Hit, Severity};
use crate::lexicon::{ContextRole, Lexicon};
use crate::matcher::{Edge, MatcherBuilder, Target};
use crate::normalize::{fold_letters, normalize_term};
use crate::packed::Packed;
use crate::roster::{Consent, Roster};
use crate::rules;

mod build;
mod handles;
mod relatives;
mod spelling;
mod typo;

pub use handles::Handles;
/// The pupils a name form or handle belongs to, in roster order (nearly always one).
pub type Pupils = crate::one_or_many::OneOrMany<u32>;
use typo::TypoIndex;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// First name and surname.
    Full,
    /// First name and the initial(s) of the surname: "Roos H.".
    FirstInitial,
    First,
    /// "Daans".
    FirstGenitive,
    /// Surname with its particle: "de Vries", "Bakker".
    Surname,
}

#[derive(Clone, Debug)]
pub struct NameForm {
    pub kind: FormKind,
    pub pupils: Pupils,
    /// The distinctive word of this form is also a common Dutch word.
    pub is_word: bool,
}

/// The name forms of a roster.
#[derive(Debug, Default)]
pub struct NameIndex {
    pub forms: Vec<NameForm>,
    /// The phrase of each form, by the form's number (see [`NameIndex::phrase`]).
    phrases: Packed,
    /// Handle and hashtag spellings (`daandevries`) → pupils.
    pub handles: Handles,
    /// Normalised first names and surnames of all pupils, to recognise names next to names.
    pub all_names: WordSet<String>,
    /// Names of six letters or more, for finding them misspelt.
    pub typos: TypoIndex,
}

/// Is a (normalised) surname with its particle ordinary Dutch? After an article ("de boer", "de
/// wit") it is when its main word is a word; after "van", "ter", … it is not.
pub fn surname_is_word(lexicon: &Lexicon, particle: &str, last: &str) -> bool {
    let article = matches!(particle, "" | "de" | "het" | "t" | "den" | "der");
    article && is_word_name(lexicon, last)
}

/// Is a (normalised) name also an ordinary Dutch word, so that it is only counted where it is
/// used as a name ("Roos", "de Boer")?
pub fn is_word_name(lexicon: &Lexicon, name: &str) -> bool {
    lexicon.is_common_word(name) || (name.contains(' ') && name.split(' ').all(|w| lexicon.is_common_word(w)))
}

/// A pupil named in a text: other checks (media consent, confidential) build on these.
#[derive(Clone, Debug)]
pub struct Mention {
    /// Original byte range.
    pub start: usize,
    pub end: usize,
    /// First and last token of the mention in the view (none for handles).
    pub tokens: Option<(usize, usize)>,
    pub pupils: Vec<u32>,
    /// Reported as an error-level name (not a guess about a word).
    pub confident: bool,
}

impl NameIndex {
    /// Put every name form into the automaton.
    pub fn add_to(&self, builder: &mut MatcherBuilder) {
        for i in 0..self.forms.len() as u32 {
            builder.add(self.phrase(i), Edge::Whole, Target::Name(i));
        }
    }

    /// The phrase of form number `form`, normalised: "daan de vries".
    pub fn phrase(&self, form: u32) -> &str {
        self.phrases.get(form)
    }
}

/// Prefixes of cheering hashtags that name a pupil: "#teamDaan".
const HASHTAG_PREFIXES: &[&str] =
    &["team", "go", "hup", "trotsop", "welkom", "bedankt", "proudof", "vamos", "allesvoor"];

static HANDLE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[@#][\p{L}\p{M}\p{N}_.]+").expect("valid regex"));

/// What the name check needs besides the document.
pub struct NameContext<'a> {
    pub index: &'a NameIndex,
    pub roster: &'a Roster,
    /// SGH forbids names even with consent; without it, consent lowers the severity.
    pub sgh_selected: bool,
}

/// Find the pupils named in `doc`. Returns the hits and the mentions (for other checks).
pub fn detect(doc: &Document<'_>, cx: &NameContext<'_>, hits: &mut Vec<Hit>) -> Vec<Mention> {
    let mut candidates: Vec<(Mention, &'static rules::Rule)> = Vec::new();
    for found in doc.found_where(|t| matches!(t, Target::Name(_))) {
        let Target::Name(form) = found.target else { continue };
        let form = &cx.index.forms[form as usize];
        if doc.cue_before(ContextRole::Title, found.first) {
            continue;
        }
        if let Some((mention, rule)) = relatives::through_relative(doc, found, form) {
            if !doc.is_protected(mention.start, mention.end) {
                candidates.push((mention, rule));
            }
            continue;
        }
        if let Some(rule) = judge(doc, cx, found, form) {
            let (start, end) = doc.original_tokens(found.first, found.last);
            if doc.is_protected(start, end) {
                continue;
            }
            let confident = rule.severity == Severity::Error;
            let mention = Mention {
                start,
                end: extend_genitive(doc.text, end),
                tokens: Some((found.first, found.last)),
                pupils: form.pupils.to_vec(),
                confident,
            };
            candidates.push((mention, rule));
        }
    }
    // A handle needs its @ or #; most texts have neither, and then the regex is not compiled.
    let handles = if doc.text.contains(['@', '#']) { Some(HANDLE.find_iter(doc.text)) } else { None };
    for m in handles.into_iter().flatten() {
        if doc.text[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric) {
            continue; // an e-mail address, not a handle
        }
        let body = fold_letters(&m.as_str()[1..]);
        let body = body.trim_end_matches(|c: char| c.is_ascii_digit());
        // "#teamDaan", "#hupStorm", "#trotsopNoor": a cheering prefix before the name.
        let handles = &cx.index.handles;
        let pupils = HASHTAG_PREFIXES.iter().filter_map(|p| body.strip_prefix(p)).find_map(|rest| handles.get(rest));
        if let Some(pupils) = pupils.or_else(|| handles.get(body)) {
            let end = m.end() - m.as_str().len() + m.as_str().trim_end_matches(['.', '_']).len();
            candidates.push((
                Mention { start: m.start(), end, tokens: None, pupils: pupils.to_vec(), confident: true },
                &rules::PUPIL_HANDLE,
            ));
        }
    }
    candidates.extend(typo::detect(doc, cx));
    // Keep the longest mention where they overlap ("Daan de Vries" over "Daan" and "de Vries").
    candidates.sort_by_key(|(m, _)| (m.start, std::cmp::Reverse(m.end)));
    let mut kept: Vec<(Mention, &'static rules::Rule)> = Vec::new();
    for (mention, rule) in candidates {
        if kept.last().is_some_and(|(k, _)| mention.start < k.end) {
            continue;
        }
        kept.push((mention, rule));
    }
    for (mention, rule) in &kept {
        let all_consent = mention.pupils.iter().all(|&p| cx.roster.pupils[p as usize].consent == Consent::Yes);
        let severity = if all_consent && !cx.sgh_selected { rule.severity.lowered() } else { rule.severity };
        hits.push(Hit::new(rule, mention.start, mention.end).with_severity(severity));
    }
    kept.into_iter().map(|(m, _)| m).collect()
}

/// Decide whether a matched name form names a pupil here, and under which rule.
fn judge(doc: &Document<'_>, cx: &NameContext<'_>, found: &Found, form: &NameForm) -> Option<&'static rules::Rule> {
    let (first, last) = (found.first, found.last);
    // (A title before the name was ruled out by the caller.)
    if inside_famous(doc, first, last) {
        return None;
    }
    match form.kind {
        FormKind::Full => Some(&rules::PUPIL_FULL_NAME),
        FormKind::FirstInitial => {
            // "Roos H.": the initial must be a capital followed by a full stop (or stand alone at the
            // end), else "roos h" could be anything.
            let (_, end) = doc.original_tokens(last, last);
            let initial = doc.token_original_text(last);
            let dotted = doc.text[end..].starts_with('.');
            (initial.chars().all(char::is_uppercase) && (dotted || !form.is_word)).then_some(&rules::PUPIL_FIRST_NAME)
        }
        FormKind::First | FormKind::FirstGenitive => {
            // "AC Milan", "FC Julia": a club or company abbreviation before the name.
            let club = first > 0
                && !doc.is_sentence_start(first)
                && doc.is_all_caps(first - 1)
                && doc.token(first - 1).len() <= 3;
            // "een puck", "de max": a lower-case name after an article in text that does use
            // capitals is a word.
            let word_after_article = doc.cue_before(ContextRole::Determiner, first)
                && !doc.is_capitalised(first)
                && sentence_has_capitals(doc, first);
            if club || word_after_article || part_of_longer_name(doc, first, last) {
                None
            } else if form.is_word {
                used_as_name(doc, cx, first, last).then_some(&rules::PUPIL_NAME_WORD)
            } else if somebody_else_after(doc, cx, last, form) {
                None
            } else {
                Some(&rules::PUPIL_FIRST_NAME)
            }
        }
        FormKind::Surname => {
            if somebody_else_before(doc, cx, first, form)
                || somebody_else_after(doc, cx, last, form)
                || part_of_longer_name(doc, first, last)
            {
                return None;
            }
            if form.is_word {
                // The main word of the surname must be capitalised and used as a name: not at the
                // start of a sentence, not after an article or a capitalised word ("Bakkerij De Wit").
                let capitalised = doc.is_capitalised(last) && !doc.sentence_is_shouted(last);
                let starts_sentence = doc.is_sentence_start(first) && first == last;
                let determiner = first == last && doc.cue_before(ContextRole::Determiner, first);
                // ("Ook De Lange liep": the capital of a sentence's first word proves nothing.)
                let after_proper_name = first > 0
                    && !doc.is_sentence_start(first)
                    && doc.is_capitalised(first - 1)
                    && !doc.is_sentence_start(first - 1)
                    && !is_initial(doc, first - 1);
                (capitalised && !starts_sentence && !determiner && !after_proper_name)
                    .then_some(&rules::PUPIL_NAME_WORD)
            } else {
                Some(&rules::PUPIL_SURNAME)
            }
        }
    }
}

/// Is the name part of a famous person's or character's name ("Romeo en Julia", "Huckleberry
/// Finn", "het algoritme van Dijkstra")?
fn inside_famous(doc: &Document<'_>, first: usize, last: usize) -> bool {
    let from = first.saturating_sub(4);
    let upto = (last + 5).min(doc.token_count());
    doc.cues
        .all_within(doc, ContextRole::Famous.into(), from, upto)
        .iter()
        .any(|&(t, len)| t <= first && last < t + len)
}

/// Is the name at tokens `first..=last` one half of a longer hyphenated name ("Willem-Alexander",
/// "Anne-Marie", "Smit-Jansen")? Then it names somebody else. The other half is capitalised, as
/// names are; "luuk-schaken.jpg" is a file name with the name in it.
fn part_of_longer_name(doc: &Document<'_>, first: usize, last: usize) -> bool {
    let (start, end) = doc.original_tokens(first, last);
    let capital_word_before = |t: &str| {
        let word: String = t.chars().rev().take_while(|c| c.is_alphabetic()).collect();
        word.chars().last().is_some_and(char::is_uppercase)
    };
    let before = doc.text[..start].strip_suffix('-').is_some_and(capital_word_before);
    let after = doc.text[end..].strip_prefix('-').is_some_and(|t| t.starts_with(char::is_uppercase));
    before || after
}

/// Is a name that is also a word (Roos, Storm) used as a name at tokens `first..=last`?
fn used_as_name(doc: &Document<'_>, cx: &NameContext<'_>, first: usize, last: usize) -> bool {
    // After "gefeliciteerd", "dag", "lieve": addressed, unless a noun follows ("dag lieve groep 8":
    // then the word is an adjective).
    let addressed = doc.cue_before(ContextRole::Vocative, first) && !followed_by_noun(doc, last);
    let name_end = doc.original_tokens(last, last).1;
    let genitive = extend_genitive(doc.text, name_end) > name_end;
    // "Noors oma kwam helpen": a capitalised genitive before a word for a person.
    let possessive = doc.is_capitalised(first)
        && doc.token(last).ends_with('s')
        && (doc.cue_after(ContextRole::Person, last) || doc.cue_after(ContextRole::Title, last));
    // "Noor (9)": only a person has an age in brackets after the name.
    static AGE_IN_BRACKETS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^ ?\(\d{1,2}\)").expect("valid regex"));
    let age = AGE_IN_BRACKETS.is_match(&doc.text[name_end..]);
    if addressed || genitive || possessive || age {
        // "Gefeliciteerd Bas!", "GA ZO DOOR STORM", "Bas' vader": only a name is addressed or
        // takes a possessive apostrophe.
        return true;
    }
    let capitalised = doc.is_capitalised(first) && !doc.sentence_is_shouted(first);
    let chat = !sentence_has_capitals(doc, first);
    if !capitalised && !chat {
        return false;
    }
    if doc.cue_before(ContextRole::Determiner, first) {
        // "de roos", "een storm": the word. But a noun is not capitalised mid-sentence, so "met de
        // Merel" and Flemish "ons Jade" put an article or possessive before a name.
        let article = first > 0 && matches!(doc.token(first - 1), "de" | "den" | "ons" | "onze");
        return capitalised && article && !doc.is_sentence_start(first);
    }
    if capitalised && !doc.is_sentence_start(first) {
        return true;
    }
    // At the start of a sentence, or in all-lower-case chat, a capital proves nothing: a verb after
    // it ("Storm scoorde", "roos was zo grappig") or another name next to it ("Roos en Daan") does.
    followed_by_verb(doc, last) || followed_by_other_name(doc, cx, last)
}

/// Is token `last` followed by an ordinary noun-like word in lower case ("lieve groep"), or by a
/// capitalised first name ("lieve Evi": then the word is an adjective before a name)?
fn followed_by_noun(doc: &Document<'_>, last: usize) -> bool {
    let next = last + 1;
    if next < doc.token_count() && doc.is_capitalised(next) && doc.lexicon.first_names.contains(doc.token(next)) {
        return true;
    }
    const FUNCTION_WORDS: &[&str] = &[
        "met", "en", "je", "jij", "voor", "van", "op", "in", "is", "was", "heeft", "had", "wat", "hoe", "dat", "die",
        "alvast", "nog", "ook", "namens", "vanuit", "uit", "door", "bij", "en", "of", "maar", "want", "dus", "dan",
    ];
    let next = last + 1;
    next < doc.token_count()
        && !doc.is_sentence_start(next)
        && !doc.is_capitalised(next)
        && doc.token(next).len() >= 4
        && doc.lexicon.is_common_word(doc.token(next))
        && !FUNCTION_WORDS.contains(&doc.token(next))
}

/// Does the sentence around token `i` have any capital letter (else it is chat in lower case)?
fn sentence_has_capitals(doc: &Document<'_>, i: usize) -> bool {
    let (s, e) = doc.sentence_range(i);
    let (start, _) = doc.original_tokens(s, s);
    let (_, end) = doc.original_tokens(e - 1, e - 1);
    doc.text[start..end].chars().any(char::is_uppercase)
}

/// Is token `last` followed by a verb: one from the cue list, or a past tense in -te/-de
/// ("verraste", "plukte", "scoorde")?
fn followed_by_verb(doc: &Document<'_>, last: usize) -> bool {
    if doc.cue_after(ContextRole::Verb, last) {
        return true;
    }
    let next = last + 1;
    if next >= doc.token_count() || doc.is_capitalised(next) || doc.is_sentence_start(next) {
        return false;
    }
    let word = doc.token(next);
    word.len() >= 5
        && (word.ends_with("te") || word.ends_with("de"))
        && !word.ends_with("ste")
        && !word.ends_with("ige")
}

/// Is token `last` followed (directly or after "en") by a capitalised roster name, as in a list
/// of pupils ("Roos en Daan")?
fn followed_by_other_name(doc: &Document<'_>, cx: &NameContext<'_>, last: usize) -> bool {
    let mut next = last + 1;
    if next < doc.token_count() && doc.token(next) == "en" {
        next += 1;
    }
    next < doc.token_count() && cx.index.all_names.contains(doc.token(next)) && doc.is_capitalised(next)
}

/// A single capital letter with a full stop: an initial ("M. van Leeuwen").
fn is_initial(doc: &Document<'_>, i: usize) -> bool {
    let text = doc.token_original_text(i);
    let (_, end) = doc.view.token_original(i);
    text.chars().count() == 1 && text.chars().all(char::is_uppercase) && doc.text[end..].starts_with('.')
}

/// Does a capitalised word that names somebody else follow the name: "Daan Roodenburg" (another
/// Daan), "Bakker Bart" (a shop)?
fn somebody_else_after(doc: &Document<'_>, cx: &NameContext<'_>, last: usize, form: &NameForm) -> bool {
    let next = last + 1;
    if next >= doc.token_count() || doc.is_sentence_start(next) || !doc.is_capitalised(next) || doc.is_all_caps(next) {
        return false;
    }
    let word = doc.token(next);
    let (_, end) = doc.view.token_original(last);
    let (start, _) = doc.view.token_original(next);
    if !doc.text[end..start].chars().all(|c| c == ' ') || crate::roster::is_particle(word) {
        return false;
    }
    let own = |name: fn(&crate::roster::Pupil) -> &str| {
        form.pupils.iter().any(|&p| normalize_term(name(&cx.roster.pupils[p as usize])).split(' ').any(|w| w == word))
    };
    match form.kind {
        // After a first name: a surname that is not this pupil's.
        FormKind::First | FormKind::FirstGenitive => {
            !own(|p| &p.last) && !doc.lexicon.is_common_word(word) && !cx.index.all_names.contains(word)
        }
        // After a surname: a first name that is not this pupil's ("Bakker Bart"), or a capitalised
        // ordinary word, as in a company name ("Smit Fietsen", "Dekker Hout").
        FormKind::Surname => {
            !own(|p| &p.first) && (doc.lexicon.first_names.contains(word) || doc.lexicon.is_common_word(word))
        }
        _ => false,
    }
}

/// "Hugo de Vries", "S. Bakker": a first name or initial that is not this pupil's stands before the
/// surname.
fn somebody_else_before(doc: &Document<'_>, cx: &NameContext<'_>, first: usize, form: &NameForm) -> bool {
    let Some(prev) = first.checked_sub(1) else { return false };
    if doc.is_sentence_start(first) || !doc.is_capitalised(prev) || doc.sentence_is_shouted(prev) {
        return false;
    }
    let word = doc.token(prev);
    let own_first = form.pupils.iter().any(|&p| {
        let own = normalize_term(&cx.roster.pupils[p as usize].first);
        own == word || (is_initial(doc, prev) && own.starts_with(word))
    });
    if own_first {
        return false;
    }
    if is_initial(doc, prev) {
        return true;
    }
    let looks_like_first_name = doc.lexicon.first_names.contains(word) || !doc.lexicon.is_common_word(word);
    looks_like_first_name && !cx.index.all_names.contains(word)
}

/// Include a possessive `'s` or `'` right after a name ("Noor's", "Lars'").
fn extend_genitive(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(after) = rest.strip_prefix(suffix)
            && !after.chars().next().is_some_and(char::is_alphanumeric)
        {
            return end + suffix.len();
        }
    }
    end
}
