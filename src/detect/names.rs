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
mod things;
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
    let mut candidates: Vec<Candidate> = Vec::new();
    for found in doc.found_where(|t| matches!(t, Target::Name(_))) {
        let Target::Name(form) = found.target else { continue };
        let form = &cx.index.forms[form as usize];
        if doc.cue_before(ContextRole::Title, found.first) {
            continue;
        }
        if let Some((mention, rule)) = relatives::through_relative(doc, found, form) {
            if !doc.is_protected(mention.start, mention.end) {
                candidates.push(Candidate::of(mention, rule));
            }
            continue;
        }
        if let Some(judged) = judge(doc, cx, found, form) {
            let (start, end) = doc.original_tokens(judged.first, judged.last);
            if doc.is_protected(start, end) {
                continue;
            }
            let mention = Mention {
                start,
                end: extend_genitive(doc.text, end),
                tokens: Some((judged.first, judged.last)),
                pupils: form.pupils.to_vec(),
                confident: judged.severity == Severity::Error,
            };
            candidates.push(Candidate { mention, rule: judged.rule, severity: judged.severity, detail: judged.detail });
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
            candidates.push(Candidate::of(
                Mention { start: m.start(), end, tokens: None, pupils: pupils.to_vec(), confident: true },
                &rules::PUPIL_HANDLE,
            ));
        }
    }
    candidates.extend(typo::detect(doc, cx).into_iter().map(|(mention, rule)| Candidate::of(mention, rule)));
    // Keep the longest mention where they overlap ("Daan de Vries" over "Daan" and "de Vries"),
    // and of two as long the surer one.
    candidates.sort_by_key(|c| (c.mention.start, std::cmp::Reverse(c.mention.end), std::cmp::Reverse(c.severity)));
    let mut kept: Vec<Candidate> = Vec::new();
    for candidate in candidates {
        if kept.last().is_some_and(|k| candidate.mention.start < k.mention.end) {
            continue;
        }
        kept.push(candidate);
    }
    for c in &kept {
        let all_consent = c.mention.pupils.iter().all(|&p| cx.roster.pupils[p as usize].consent == Consent::Yes);
        let severity = if all_consent && !cx.sgh_selected { c.severity.lowered() } else { c.severity };
        hits.push(Hit::new(c.rule, c.mention.start, c.mention.end).with_severity(severity).with_detail(c.detail));
    }
    // A name taken for somebody else's (a tip only) is no mention of the pupil for other checks.
    kept.into_iter().filter(|c| c.severity > Severity::Info).map(|c| c.mention).collect()
}

/// A possible mention of a pupil, before overlapping ones are weeded out.
struct Candidate {
    mention: Mention,
    rule: &'static rules::Rule,
    severity: Severity,
    /// Why the name was taken for a pupil's (or for somebody else's), where that is not obvious.
    detail: &'static str,
}

impl Candidate {
    fn of(mention: Mention, rule: &'static rules::Rule) -> Candidate {
        Candidate { mention, rule, severity: rule.severity, detail: "" }
    }
}

/// How a matched name form names a pupil: under which rule, at which severity, over which tokens
/// (a near match takes in the other name beside it), and why.
struct Judged {
    rule: &'static rules::Rule,
    severity: Severity,
    first: usize,
    last: usize,
    detail: &'static str,
}

impl Judged {
    fn new(rule: &'static rules::Rule, first: usize, last: usize) -> Judged {
        Judged { rule, severity: rule.severity, first, last, detail: "" }
    }

    fn because(mut self, detail: &'static str) -> Judged {
        self.detail = detail;
        self
    }

    /// Somebody else's name, most likely: said as a tip, as it may still be the pupil's family.
    fn tip_only(mut self, detail: &'static str) -> Judged {
        self.severity = Severity::Info;
        self.detail = detail;
        self
    }
}

const NEAR_MATCH: &str = "met een kleine afwijking in de spelling";
const OTHER_SURNAME: &str = "met een andere achternaam erachter: waarschijnlijk iemand anders";
const OTHER_FIRST_NAME: &str = "met een andere voornaam ervoor: iemand anders, of familie van de leerling";
const POSSESSIVE: &str = "in de bezitsvorm, dus als naam gebruikt";

/// Decide whether a matched name form names a pupil here, and how.
fn judge(doc: &Document<'_>, cx: &NameContext<'_>, found: &Found, form: &NameForm) -> Option<Judged> {
    let (first, last) = (found.first, found.last);
    // (A title before the name was ruled out by the caller.)
    if inside_famous(doc, first, last) || things::names_a_thing(doc, first, last) {
        return None;
    }
    let plain = |rule| Some(Judged::new(rule, first, last));
    match form.kind {
        FormKind::Full => plain(&rules::PUPIL_FULL_NAME),
        FormKind::FirstInitial => {
            // "Roos H.": the initial must be a capital followed by a full stop (or stand alone at the
            // end), else "roos h" could be anything.
            let (_, end) = doc.original_tokens(last, last);
            let initial = doc.token_original_text(last);
            let dotted = doc.text[end..].starts_with('.');
            if initial.chars().all(char::is_uppercase) && (dotted || !form.is_word) {
                plain(&rules::PUPIL_FIRST_NAME)
            } else {
                None
            }
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
                return None;
            }
            if let Some(end) = near_surname_after(doc, cx, last, form) {
                // "Daan Smit" for Daan Smits: the pupil's full name, a little off.
                return Some(Judged::new(&rules::PUPIL_FULL_NAME, first, end).because(NEAR_MATCH));
            }
            if form.is_word {
                if possessive(doc, form, first, last) {
                    // "Jade's tas", "Storms fiets": only a name takes a possessive.
                    return Some(Judged::new(&rules::PUPIL_FIRST_NAME, first, last).because(POSSESSIVE));
                }
                let reason = used_as_name(doc, cx, first, last)?;
                Some(Judged::new(&rules::PUPIL_NAME_WORD, first, last).because(reason))
            } else if somebody_else_after(doc, cx, last, form) {
                Some(Judged::new(&rules::PUPIL_FIRST_NAME, first, last).tip_only(OTHER_SURNAME))
            } else {
                plain(&rules::PUPIL_FIRST_NAME)
            }
        }
        FormKind::Surname => {
            if part_of_longer_name(doc, first, last) {
                return None;
            }
            if let Some(start) = near_first_name_before(doc, cx, first, form) {
                // "Brm van Dongen", "Mohamed el Idrissi": the pupil's full name, a little off.
                return Some(Judged::new(&rules::PUPIL_FULL_NAME, start, last).because(NEAR_MATCH));
            }
            if somebody_else_after(doc, cx, last, form) {
                return None;
            }
            let rule = if form.is_word { &rules::PUPIL_NAME_WORD } else { &rules::PUPIL_SURNAME };
            if somebody_else_before(doc, cx, first, form) {
                return Some(Judged::new(rule, first, last).tip_only(OTHER_FIRST_NAME));
            }
            if !form.is_word {
                return plain(rule);
            }
            // The main word of the surname must be capitalised and used as a name: not after an
            // article or a capitalised word ("Bakkerij De Wit"), and at the start of a sentence
            // only with a verb after it ("Visser werkte", "Vos heeft").
            let capitalised = doc.is_capitalised(last) && !doc.sentence_is_shouted(last);
            let starts_sentence = doc.is_sentence_start(first) && first == last;
            let determiner = first == last && doc.cue_before(ContextRole::Determiner, first);
            // ("Ook De Lange liep": the capital of a sentence's first word proves nothing.)
            let after_proper_name = first > 0
                && !doc.is_sentence_start(first)
                && doc.is_capitalised(first - 1)
                && !doc.is_sentence_start(first - 1)
                && !is_initial(doc, first - 1);
            if !capitalised || determiner || after_proper_name {
                None
            } else if !starts_sentence {
                Some(Judged::new(rule, first, last).because(CAPITAL_MID_SENTENCE))
            } else if followed_by_verb(doc, last) {
                Some(Judged::new(rule, first, last).because(VERB_AFTER))
            } else if followed_by_other_name(doc, cx, last) {
                Some(Judged::new(rule, first, last).because(IN_A_LIST))
            } else {
                None
            }
        }
    }
}

const CAPITAL_MID_SENTENCE: &str = "met een hoofdletter midden in de zin";
const VERB_AFTER: &str = "met een werkwoord erna, zoals bij een persoon";
const IN_A_LIST: &str = "in een rij namen";

/// Is the name at `first..=last` in the possessive: "Jade's", "Bas'", or a capitalised "Storms"
/// before a noun ("Storms fiets", "Fleurs tekening")?
fn possessive(doc: &Document<'_>, form: &NameForm, first: usize, last: usize) -> bool {
    let name_end = doc.original_tokens(last, last).1;
    if extend_genitive(doc.text, name_end) > name_end {
        return true;
    }
    form.kind == FormKind::FirstGenitive
        && doc.is_capitalised(first)
        && !doc.sentence_is_shouted(first)
        && ((followed_by_noun(doc, last) && !doc.cue_after(ContextRole::Verb, last))
            || doc.cue_after(ContextRole::Person, last)
            || doc.cue_after(ContextRole::Title, last))
}

/// "Daan Smit", "Daan Smitss" for Daan Smits: right after the first name, the pupil's surname
/// (with its particle) with one letter off. Returns the last token of the surname.
fn near_surname_after(doc: &Document<'_>, cx: &NameContext<'_>, last: usize, form: &NameForm) -> Option<usize> {
    form.pupils.iter().find_map(|&p| {
        let pupil = &cx.roster.pupils[p as usize];
        let particle = normalize_term(&pupil.particle);
        let surname = normalize_term(&pupil.last);
        let mut t = last + 1;
        for word in particle.split(' ').filter(|w| !w.is_empty()) {
            if t >= doc.token_count() || doc.token(t) != word {
                return None;
            }
            t += 1;
        }
        let near = t < doc.token_count()
            && !doc.is_sentence_start(t)
            && doc.is_capitalised(t)
            && surname.len() >= 4
            && typo::edit_distance_is_one(doc.token(t), &surname);
        near.then_some(t)
    })
}

/// "Dan Smits", "Brm van Dongen", "Mohamed el Idrissi": right before the surname, one of the
/// pupil's first names with one letter off (a typo, or a spelling such as Mohamed, Mohammad).
/// Returns the token of that first name.
fn near_first_name_before(doc: &Document<'_>, cx: &NameContext<'_>, first: usize, form: &NameForm) -> Option<usize> {
    let prev = first.checked_sub(1)?;
    if doc.is_sentence_start(first) || !doc.is_capitalised(prev) || is_initial(doc, prev) {
        return None;
    }
    let word = doc.token(prev);
    if word.len() < 3 {
        return None;
    }
    let near = form.pupils.iter().any(|&p| {
        let pupil = &cx.roster.pupils[p as usize];
        std::iter::once(&pupil.first)
            .chain(&pupil.nicknames)
            .chain(&pupil.official_first)
            .any(|name| typo::edit_distance_is_one(word, &normalize_term(name)))
    });
    near.then_some(prev)
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

/// Is a name that is also a word (Roos, Storm) used as a name at tokens `first..=last`? Says why
/// it is taken for a name. (A possessive was looked at before.)
fn used_as_name(doc: &Document<'_>, cx: &NameContext<'_>, first: usize, last: usize) -> Option<&'static str> {
    // After "gefeliciteerd", "dag", "lieve": addressed, unless a noun follows ("dag lieve groep 8":
    // then the word is an adjective). "Gefeliciteerd Bas!", "GA ZO DOOR STORM": only a name is
    // addressed.
    if doc.cue_before(ContextRole::Vocative, first) && !followed_by_noun(doc, last) {
        return Some("aangesproken, zoals een persoon");
    }
    // "Noor (9)": only a person has an age in brackets after the name.
    static AGE_IN_BRACKETS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^ ?\(\d{1,2}\)").expect("valid regex"));
    let name_end = doc.original_tokens(last, last).1;
    if AGE_IN_BRACKETS.is_match(&doc.text[name_end..]) {
        return Some("met een leeftijd erachter");
    }
    let capitalised = doc.is_capitalised(first) && !doc.sentence_is_shouted(first);
    let chat = !sentence_has_capitals(doc, first);
    if !capitalised && !chat {
        return None;
    }
    if doc.cue_before(ContextRole::Determiner, first) {
        // "de roos", "een storm": the word. But a noun is not capitalised mid-sentence, so "met de
        // Merel" and Flemish "ons Jade" put an article or possessive before a name.
        let article = first > 0 && matches!(doc.token(first - 1), "de" | "den" | "ons" | "onze");
        return (capitalised && article && !doc.is_sentence_start(first)).then_some(CAPITAL_MID_SENTENCE);
    }
    if capitalised && !doc.is_sentence_start(first) {
        return Some(CAPITAL_MID_SENTENCE);
    }
    // At the start of a sentence, or in all-lower-case chat, a capital proves nothing: a verb after
    // it ("Storm scoorde", "roos was zo grappig") or another name next to it ("Roos en Daan") does.
    if followed_by_verb(doc, last) {
        Some(VERB_AFTER)
    } else if followed_by_other_name(doc, cx, last) {
        Some(IN_A_LIST)
    } else {
        None
    }
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
    let next = last + 1;
    if next >= doc.token_count() || doc.is_sentence_start(next) {
        return false;
    }
    if doc.token(next) == "en" {
        // "Roos en Daan" is a list of names (see `followed_by_other_name`), "storm en regen" is not.
        return false;
    }
    if doc.cue_after(ContextRole::Verb, last) {
        return true;
    }
    if doc.is_capitalised(next) {
        return false;
    }
    let word = doc.token(next);
    let past = word.len() >= 5
        && (word.ends_with("te") || word.ends_with("de"))
        && !word.ends_with("ste")
        && !word.ends_with("ige");
    // The present tense of a person ("onderzoekt", "traint"): a participle in ge- ("gezocht") is
    // not one.
    let present = word.len() >= 5 && word.ends_with('t') && !word.starts_with("ge") && !word.ends_with("heid");
    past || present
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

/// Does a capitalised word that names somebody else follow the name: "Daan Roodenburg", "Hugo de
/// Jonge" (another Daan, another Hugo), "Bakker Bart" (a shop), "Jansen Installatietechniek" (a
/// company)?
fn somebody_else_after(doc: &Document<'_>, cx: &NameContext<'_>, last: usize, form: &NameForm) -> bool {
    let spaced = |a: usize, b: usize| {
        let (_, end) = doc.view.token_original(a);
        let (start, _) = doc.view.token_original(b);
        doc.text[end..start.max(end)].chars().all(|c| c == ' ')
    };
    let mut next = last + 1;
    if matches!(form.kind, FormKind::First | FormKind::FirstGenitive) {
        // "Daan van der Meer": particles, then a surname. (The first one must be one that starts a
        // surname: "Lotte voor de Nachtwacht", "Noor in de Efteling" are no names.)
        const LEADING: &[&str] = &["van", "de", "den", "der", "het", "t", "ter", "ten", "te", "el", "al", "von", "du"];
        while next < doc.token_count()
            && next <= last + 3
            && crate::roster::is_particle(doc.token(next))
            && (next > last + 1 || LEADING.contains(&doc.token(next)))
            && !doc.is_capitalised(next)
            && spaced(next - 1, next)
        {
            next += 1;
        }
    }
    let after_particle = next > last + 1;
    if next >= doc.token_count() || doc.is_sentence_start(next) || !doc.is_capitalised(next) || doc.is_all_caps(next) {
        return false;
    }
    let word = doc.token(next);
    if !spaced(next - 1, next) || crate::roster::is_particle(word) {
        return false;
    }
    let own = |name: fn(&crate::roster::Pupil) -> &str| {
        form.pupils.iter().any(|&p| normalize_term(name(&cx.roster.pupils[p as usize])).split(' ').any(|w| w == word))
    };
    if word.chars().count() == 1 {
        // "Daan de V.": an initial, somebody else's only if it is not this pupil's.
        let own_initial = |p: &u32| normalize_term(&cx.roster.pupils[*p as usize].last).starts_with(word);
        return !form.pupils.iter().any(own_initial);
    }
    match form.kind {
        // After a first name: a surname that is not this pupil's (after a particle any word is one).
        FormKind::First | FormKind::FirstGenitive => {
            !own(|p| &p.last)
                && (after_particle || !doc.lexicon.is_common_word(word) && !cx.index.all_names.contains(word))
        }
        // After a surname: a first name that is not this pupil's ("Bakker Bart"), or a capitalised
        // word that is no pupil's name, as in a company name ("Smit Fietsen", "Jansen
        // Installatietechniek").
        FormKind::Surname => {
            !own(|p| &p.first) && (doc.lexicon.first_names.contains(word) || !cx.index.all_names.contains(word))
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
