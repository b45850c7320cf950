//! Insults, curses, slurs, threats and obscenity from the wordlists (PW401, PW402, PW411, PW421,
//! PW431). Hate statements without a slur are [`crate::detect::hate`]'s, threat sentences
//! [`crate::detect::threat`]'s.
//!
//! The normaliser has already undone most disguises (k4nker, k a n k e r, kankerrrr, Cyrillic
//! letters, zero-width characters). This module adds the rest and judges sense:
//! - masked letters ("k*tschool", "f***", "l*l") are matched letter by letter against the terms;
//! - a missing, doubled or swapped letter ("knaker", "klootzk", "debeil") has been repaired in
//!   the view by [`crate::respell`]; the finding says so;
//! - a compound head (`kanker`, `kut`) matches any word it starts (kankerschool, kutleraar); when
//!   the rest of the word names a group (kutmarokkaan), or a group word takes a derogatory tail
//!   (allochtonentuig), the compound is a slur;
//! - a term inside a harmless word or phrase from `safe.tsv` (kankerbestrijding, "heeft
//!   kanker", klerenkast) does not count;
//! - a word with an innocent sense (ezel, aap, eikel, teef, pot, nicht) counts only when it is
//!   aimed at someone ([`aimed`]); a neutral name for a group becomes a slur the same way
//!   ("vieze homo", "jij jood", "homo!").

use crate::hash::{WordMap, WordSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::detect::disease::{SafeCompounds, is_the_disease};
use crate::detect::violence::ViolenceVerbs;
use crate::detect::{Document, Found};
use crate::finding::{Category, Hit, Severity};
use crate::lexicon::{AbuseEntry, ContextRole, Group, HateRole, Lexicon, Mode, Term};
use crate::matcher::{Edge, MatcherBuilder, Target};
use crate::normalize::Respelling;
use crate::rules::{self, Rule};

/// Tails that turn a group word into a slur: "allochtonentuig", "zigeunertuig", "moslimhoeren".
const DEROGATORY_TAILS: &[&str] = &[
    "tuig",
    "gespuis",
    "uitschot",
    "gajes",
    "schorem",
    "tyfus",
    "kanker",
    "hoer",
    "hoeren",
    "wijf",
    "wijven",
    "aap",
    "apen",
    "rat",
    "ratten",
    "zwijn",
    "zwijnen",
    "zooi",
    "pack",
    "troep",
    "plaag",
    "ongedierte",
    "beesten",
];

/// Heads that turn a group word into a slur: "rotmoffen", "kutturken" (the curse heads of
/// `abuse.tsv` do this too).
const DEROGATORY_HEADS: &[&str] = &["rot", "vuil", "vieze", "stink", "kut", "kanker", "kk", "tyfus", "tering", "klere"];

/// Put the abuse, group and safe terms into the automaton.
pub fn add_to(lexicon: &'static Lexicon, builder: &mut MatcherBuilder) {
    for (i, entry) in lexicon.abuse.iter().enumerate() {
        let target = Target::Abuse(i as u32);
        let edge = Edge::of(entry.term.mode);
        let Some(words) = entry.term.phrase.single_words() else {
            builder.add_term(&entry.term.phrase, edge, target);
            continue;
        };
        for word in words {
            builder.add(word, edge, target);
            // Compound heads and tails keep one spelling: a single-letter tail ("sleten" from
            // "sletten") would end ordinary words ("versleten").
            if edge == Edge::Whole
                && let Some(single) = single_letter_spelling(lexicon, word)
            {
                builder.add(&single, edge, target);
            }
        }
    }
    for (i, entry) in lexicon.groups.iter().enumerate() {
        let target = Target::Group(i as u32);
        let edge = Edge::of(entry.term.mode);
        let words = match (entry.slur, entry.term.phrase.single_words()) {
            (Some(_), Some(words)) => words,
            _ => {
                builder.add_term(&entry.term.phrase, edge, target);
                continue;
            }
        };
        for word in words {
            builder.add(word, edge, target);
            if let Some(single) = single_letter_spelling(lexicon, word) {
                builder.add(&single, edge, target);
            }
        }
    }
    for (i, entry) in lexicon.safe.iter().enumerate() {
        builder.add_term(&entry.term.phrase, Edge::of(entry.term.mode), Target::Safe(i as u32));
    }
}

/// For a single word with a double letter, the spelling with that letter single: the normaliser
/// folds "sukkkkel" to "sukel" (three or more letters become one), so "sukkel" must match "sukel"
/// too. None where the single spelling is an ordinary word.
fn single_letter_spelling(lexicon: &Lexicon, phrase: &str) -> Option<String> {
    if phrase.contains(' ') || phrase.len() < 5 {
        return None;
    }
    let mut single = String::with_capacity(phrase.len());
    let mut prev = None;
    for c in phrase.chars() {
        if Some(c) != prev || !c.is_alphabetic() {
            single.push(c);
        }
        prev = Some(c);
    }
    (single != phrase && single.len() >= 5 && !lexicon.is_common_word(&single)).then_some(single)
}

/// The single-word names of groups (neutral and slur), for compounds like "kutmarokkaan".
pub fn group_words(lexicon: &'static Lexicon) -> WordSet<&'static str> {
    lexicon
        .groups
        .iter()
        .filter(|g| g.term.mode != Mode::Addressed)
        .filter_map(|g| g.term.phrase.single_words())
        .flatten()
        .filter(|p| p.len() >= 4)
        .collect()
}

/// What the abuse check needs besides the document: group words for compounds, and the terms by
/// length for masked words.
pub struct AbuseIndex {
    pub group_words: WordSet<&'static str>,
    /// Every single-word group name, ambiguous slurs included, for compounds with a derogatory
    /// head or tail ("rotmoffen": the head settles what "moffen" means).
    compound_groups: WordSet<&'static str>,
    /// Neutral group names before a word for people ("vluchtelingenkinderen"; see
    /// [`crate::detect::hate::group_heads`]).
    pub group_heads: WordSet<String>,
    /// Single-word terms (abuse and unambiguous slurs) by length in letters: (term, rule, severity).
    whole: WordMap<usize, Vec<(&'static str, &'static Rule, Severity)>>,
    /// Compound heads: (head, rule, severity).
    heads: Vec<(&'static str, &'static Rule, Severity)>,
    /// Harmless compounds, for a disease word written apart from the rest of its compound.
    safe_compounds: SafeCompounds,
    /// Violent verbs in all their forms, for violence against a group.
    pub violence: ViolenceVerbs,
}

/// A term's single words in sorted order (the order masked words are tried in).
fn sorted_single_words(term: &Term) -> Vec<&str> {
    let mut words: Vec<&str> = term.phrase.single_words().into_iter().flatten().collect();
    words.sort_unstable();
    words
}

impl AbuseIndex {
    pub fn new(lexicon: &'static Lexicon) -> AbuseIndex {
        let mut whole: WordMap<usize, Vec<(&'static str, &'static Rule, Severity)>> = WordMap::default();
        let mut heads = Vec::new();
        for entry in &lexicon.abuse {
            let rule = rule_for(entry);
            for phrase in sorted_single_words(&entry.term) {
                match entry.term.mode {
                    Mode::Word => whole.entry(phrase.chars().count()).or_default().push((phrase, rule, entry.severity)),
                    Mode::Prefix => heads.push((phrase, rule, entry.severity)),
                    _ => {}
                }
            }
        }
        for entry in lexicon.groups.iter().filter(|g| g.term.mode == Mode::Word) {
            if let Some(severity) = entry.slur {
                for phrase in sorted_single_words(&entry.term) {
                    whole.entry(phrase.chars().count()).or_default().push((phrase, &rules::SLUR, severity));
                }
            }
        }
        let compound_groups = lexicon
            .groups
            .iter()
            .filter_map(|g| g.term.phrase.single_words())
            .flatten()
            .filter(|p| p.len() >= 3)
            .collect();
        AbuseIndex {
            group_words: group_words(lexicon),
            compound_groups,
            group_heads: crate::detect::hate::group_heads(lexicon),
            whole,
            heads,
            safe_compounds: SafeCompounds::new(lexicon),
            violence: ViolenceVerbs::new(lexicon),
        }
    }
}

fn rule_for(entry: &AbuseEntry) -> &'static Rule {
    match entry.category {
        Category::Obscene => &rules::OBSCENE_WORD,
        Category::Threat => &rules::THREAT_PHRASE,
        Category::Discrimination => &rules::HATE_STATEMENT,
        // PW402 says "a curse with a disease or kut-": only those heads are it; other compound
        // heads (fuck, hoeren) are insults like their whole words.
        _ if entry.term.mode == Mode::Prefix && is_disease_or_kut_curse(entry) => &rules::CURSE,
        _ => &rules::INSULT_WORD,
    }
}

/// Spellings of the heads PW402 is about (the disease curses and kut, klote), as `abuse.tsv`
/// writes their roots.
const CURSE_ROOTS: &[&str] = &["kank", "kenk", "tyf", "tief", "ter", "pleur", "kle", "kole", "kut", "klot"];

fn is_disease_or_kut_curse(entry: &AbuseEntry) -> bool {
    entry.term.phrase.single_words().into_iter().flatten().all(|w| CURSE_ROOTS.iter().any(|r| w.starts_with(r)))
}

struct Candidate {
    rule: &'static Rule,
    severity: Severity,
    /// Original byte range.
    start: usize,
    end: usize,
    detail: &'static str,
}

pub fn detect(doc: &Document<'_>, index: &AbuseIndex, hits: &mut Vec<Hit>) {
    let mut candidates: Vec<Candidate> = Vec::new();
    for found in &doc.found {
        let judged = match found.target {
            Target::Abuse(i) => abuse_term(doc, found, i, &index.group_words),
            Target::Group(i) => group_term(doc, found, i),
            _ => None,
        };
        let Some((rule, severity, first, last, detail)) = judged else { continue };
        let nearby = doc.found_starting_in(found.first.saturating_sub(MAX_SAFE_WORDS), found.first + 1);
        if nearby.iter().any(|s| matches!(s.target, Target::Safe(_)) && covers(doc, s, found)) {
            continue;
        }
        if matches!(found.target, Target::Abuse(_)) && is_the_disease(doc, &index.safe_compounds, found) {
            continue;
        }
        let (start, end) = doc.original_tokens(first, last);
        if doc.is_protected(start, end) {
            continue;
        }
        let detail = if detail.is_empty() { spelling_detail(doc, first, last) } else { detail };
        candidates.push(Candidate { rule, severity, start, end, detail });
    }
    masked_words(doc, index, &mut candidates);
    group_compounds(doc, index, &mut candidates);
    // Where findings overlap, keep the widest (a threat phrase over the insult inside it), then
    // the most severe.
    candidates.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end), std::cmp::Reverse(c.severity)));
    let mut last_end: Option<usize> = None;
    for c in candidates {
        if last_end.is_some_and(|e| c.start < e) {
            continue;
        }
        last_end = Some(c.end);
        hits.push(Hit::new(c.rule, c.start, c.end).with_severity(c.severity).with_detail(c.detail));
        // "kutmarokkaan", "kankerjoden": a slur and a curse at once; say both.
        if c.rule == &rules::SLUR && curse_compound(doc, index, c.start, c.end) {
            hits.push(Hit::new(&rules::CURSE, c.start, c.end).with_detail(c.detail));
        }
    }
}

/// What the user is told about how tokens `first..=last` were written, when they were not
/// written plainly.
fn spelling_detail(doc: &Document<'_>, first: usize, last: usize) -> &'static str {
    let tokens = &doc.view.tokens[first..=last];
    if tokens.iter().any(|t| t.respelled == Some(Respelling::Typo)) {
        "met een tikfout geschreven"
    } else if tokens.iter().any(|t| t.disguised || t.respelled == Some(Respelling::Broken)) {
        "vermomd geschreven"
    } else if tokens.iter().any(|t| t.respelled == Some(Respelling::RunTogether)) {
        "aan een ander woord vast geschreven"
    } else {
        ""
    }
}

/// Does the passage at original bytes `start..end` start with a curse head (kut, kanker, …)?
fn curse_compound(doc: &Document<'_>, index: &AbuseIndex, start: usize, end: usize) -> bool {
    let Some(t) = doc.token_starting_from(start) else {
        return false;
    };
    let (_, token_end) = doc.view.token_original(t);
    let word = doc.token(t);
    token_end <= end
        && index
            .heads
            .iter()
            .any(|(head, rule, _)| *rule == &rules::CURSE && word.starts_with(*head) && word.len() > head.len())
}

/// Does the safe phrase `s` cover the abuse match `f`?
/// The most words a safe phrase may start before the abuse it covers.
pub const MAX_SAFE_WORDS: usize = 12;

fn covers(doc: &Document<'_>, s: &Found, f: &Found) -> bool {
    // A safe compound head ("kleren") covers the whole word it starts.
    let safe_end = if s.edge == Edge::Head { doc.view.tokens[s.last].end } else { s.end };
    s.start <= f.start && f.end <= safe_end
}

type Judged = (&'static Rule, Severity, usize, usize, &'static str);

fn abuse_term(doc: &Document<'_>, found: &Found, i: u32, group_words: &WordSet<&str>) -> Option<Judged> {
    let entry = &doc.lexicon.abuse[i as usize];
    if !applies(doc, found, entry.term.mode) {
        return None;
    }
    // A curse compound whose other half names a group is a slur: kutmarokkaan, kanker-jood.
    if found.edge == Edge::Head {
        let rest = &doc.token(found.first)[found.end - doc.view.tokens[found.first].start..];
        let next_is_group = rest.is_empty()
            && found.last + 1 < doc.token_count()
            && doc.text[doc.original_tokens(found.last, found.last).1..].starts_with('-')
            && group_words.contains(doc.token(found.last + 1));
        if group_words.contains(rest) || next_is_group {
            let last = if next_is_group { found.last + 1 } else { found.last };
            return Some((&rules::SLUR, Severity::Error, found.first, last, ""));
        }
    }
    Some((rule_for(entry), entry.severity, found.first, found.last, ""))
}

fn group_term(doc: &Document<'_>, found: &Found, i: u32) -> Option<Judged> {
    let entry = &doc.lexicon.groups[i as usize];
    match entry.slur {
        Some(severity) => {
            applies(doc, found, entry.term.mode).then_some((&rules::SLUR, severity, found.first, found.last, ""))
        }
        None => {
            // A neutral name after a word that aims it at someone ("vieze homo", "jij jood"), or
            // shouted at someone ("homo!").
            if found.first > 0 && doc.cue_before(HateRole::Address, found.first) {
                let cue = doc.cues.ending_at(doc, HateRole::Address.into(), found.first - 1).unwrap_or(0);
                return Some((&rules::SLUR, Severity::Error, found.first - cue, found.last, ""));
            }
            // Shouted at someone ("homo!", "jood!") — but "meid!", "dames!" are friendly.
            let shouted_slur = !matches!(entry.group, Group::Women | Group::Nationality | Group::Migrants);
            if shouted_slur && found.first == found.last && exclaimed(doc, found.first) {
                return Some((&rules::SLUR, Severity::Error, found.first, found.last, ""));
            }
            None
        }
    }
}

/// Does the match respect its term's mode?
fn applies(doc: &Document<'_>, found: &Found, mode: Mode) -> bool {
    match mode {
        Mode::Addressed => aimed(doc, found.first, found.last),
        Mode::Acronym => (found.first..=found.last).all(|t| doc.is_all_caps(t)),
        Mode::Name => (found.first..=found.last).all(|t| doc.is_capitalised(t)),
        Mode::Word | Mode::Prefix | Mode::Suffix => true,
    }
}

/// Words that address the reader.
const SECOND_PERSON: &[&str] = &["je", "jij", "jou", "jouw", "u", "uw", "jullie", "ge", "gij", "jе"];

/// Copulas and fillers of "hij is echt een eikel", "die juf is toch zo'n teef".
const COPULAS: &[&str] =
    &["is", "ben", "bent", "was", "waren", "zijn", "blijft", "blijf", "bleek", "blijkt", "lijkt", "leek"];
const FILLERS: &[&str] = &[
    "een",
    "echt",
    "gewoon",
    "toch",
    "zo",
    "zo'n",
    "n",
    "echte",
    "vieze",
    "grote",
    "dikke",
    "vuile",
    "smerige",
    "stomme",
    "complete",
    "totale",
    "volslagen",
    "ongelofelijke",
    "rot",
    "kut",
    "ook",
    "nog",
    "wel",
    "net",
    "altijd",
    "best",
];

/// Is the word at tokens `first..=last` aimed at someone?
/// - after a word that aims it: "jij ezel", "vieze teef", "je bent een aap";
/// - said to someone: "eikel, je hebt mijn plek", "hou je mond eikel", "aap!", "eikel die je bent";
/// - said of a person: "meester Erik is echt een eikel", "wat een teef is die juf".
pub fn aimed(doc: &Document<'_>, first: usize, last: usize) -> bool {
    if first > 0 && doc.cue_before(HateRole::Address, first) {
        return true;
    }
    let (s, e) = doc.sentence_range(first);
    let addresses_reader = (s..e).any(|t| SECOND_PERSON.contains(&doc.token(t)));
    // A vocative: first in its sentence (after at most two words) or last, set off by punctuation.
    let (_, end) = doc.original_tokens(last, last);
    let after = doc.text[end..].chars().find(|c| !c.is_whitespace());
    let set_off = matches!(after, Some(',' | '!' | '?' | ':') | None) || last + 1 == e;
    if first - s <= 2 && set_off && (addresses_reader || exclaimed(doc, last)) {
        return true;
    }
    if last + 1 == e && (addresses_reader || exclaimed(doc, first)) {
        return true;
    }
    // "eikel, geef m'n pet terug": a vocative before an imperative.
    let imperative_follows =
        last + 1 < e && doc.cues.starting_at(doc, ContextRole::Imperative.into(), last + 1).is_some();
    if first - s <= 2 && set_off && imperative_follows {
        return true;
    }
    // "Dat mag niet, eikel, leg die bal terug": a vocative set off by commas on both sides.
    let (start, _) = doc.original_tokens(first, first);
    let comma_before = doc.text[..start].trim_end().ends_with(',');
    if comma_before && matches!(after, Some(',' | '!')) {
        return true;
    }
    // "…, wat een mongool.", "nog zo'n teef": an exclamation about someone that ends the sentence.
    // The view writes "zo'n" as "zo n".
    let exclaims = first >= s + 2
        && last + 1 == e
        && ((doc.token(first - 2) == "wat" && doc.token(first - 1) == "een")
            || (first >= s + 3
                && matches!(doc.token(first - 3), "nog" | "weer")
                && doc.token(first - 2) == "zo"
                && doc.token(first - 1) == "n"));
    if exclaims {
        return true;
    }
    // "een teef zoals jij": compared with the reader.
    if last + 2 < e && doc.token(last + 1) == "zoals" && SECOND_PERSON.contains(&doc.token(last + 2)) {
        return true;
    }
    // "eikel die je bent"
    if last + 3 < doc.token_count()
        && matches!(doc.token(last + 1), "die" | "dat")
        && SECOND_PERSON.contains(&doc.token(last + 2))
        && matches!(doc.token(last + 3), "bent" | "ben")
    {
        return true;
    }
    predicated_of_person(doc, s, e, first)
}

/// "homo!", "aap!": the word alone, with an exclamation mark.
fn exclaimed(doc: &Document<'_>, t: usize) -> bool {
    let (_, end) = doc.original_tokens(t, t);
    doc.text[end..].trim_start().starts_with('!')
}

/// "X is echt een eikel" with a person as X, or "wat een eikel is die juf".
fn predicated_of_person(doc: &Document<'_>, s: usize, e: usize, first: usize) -> bool {
    // Walk back over fillers to a copula.
    let mut t = first;
    let mut fillers = 0;
    while t > s && FILLERS.contains(&doc.token(t - 1)) && fillers < 4 {
        t -= 1;
        fillers += 1;
    }
    let person = |from: usize, to: usize| {
        (from..to).any(|k| {
            matches!(doc.token(k), "hij" | "zij" | "ze" | "jij" | "je" | "u" | "jullie" | "die" | "dat kind")
                || doc.cues.starting_at(doc, ContextRole::Title.into(), k).is_some()
                || doc.cues.starting_at(doc, ContextRole::Person.into(), k).is_some()
                || (doc.is_capitalised(k)
                    && !doc.is_sentence_start(k)
                    && doc.lexicon.first_names.contains(doc.token(k)))
        })
    };
    if t > s && COPULAS.contains(&doc.token(t - 1)) && fillers > 0 && person(s, t - 1) {
        return true;
    }
    // "… dat die meester een pedo is": a subordinate clause, the copula after the word.
    let copula_after = first + 1 < e && matches!(doc.token(first + 1), "is" | "bent" | "was" | "zijn" | "waren");
    if copula_after && t > s && doc.token(first - 1) == "een" && person(s, first) {
        return true;
    }
    // "wat een eikel is die juf": "wat een" before, copula and person after.
    let wat_een = first >= s + 2 && doc.token(first - 2) == "wat" && doc.token(first - 1) == "een";
    wat_een && first + 1 < e && COPULAS.contains(&doc.token(first + 1)) && person(first + 2, e)
}

/// A group word with a derogatory head or tail is a slur: "rotmoffen", "allochtonentuig",
/// "zigeunertuig", "moslimhoeren".
fn group_compounds(doc: &Document<'_>, index: &AbuseIndex, out: &mut Vec<Candidate>) {
    for t in 0..doc.token_count() {
        let word = doc.token(t);
        if word.len() < 7 || doc.lexicon.is_common_word(word) {
            continue;
        }
        let tail = DEROGATORY_TAILS.iter().any(|tail| {
            word.strip_suffix(tail).is_some_and(|group| group.len() >= 4 && index.compound_groups.contains(group))
        });
        let head = DEROGATORY_HEADS.iter().any(|head| {
            word.strip_prefix(head).is_some_and(|group| group.len() >= 3 && index.compound_groups.contains(group))
        });
        if tail || head {
            let (start, end) = doc.original_tokens(t, t);
            out.push(Candidate { rule: &rules::SLUR, severity: Severity::Error, start, end, detail: "" });
        }
    }
}

/// Words with letters masked by `*`, `#` or `%` ("k*tschool", "f***", "l*l"), matched letter by
/// letter against the single-word terms and compound heads.
fn masked_words(doc: &Document<'_>, index: &AbuseIndex, out: &mut Vec<Candidate>) {
    static MASKED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[\p{L}\d]*[*#%]+[\p{L}\d*#%]*").expect("valid regex"));
    if !doc.text.contains(['*', '#', '%']) {
        return;
    }
    for m in MASKED.find_iter(doc.text) {
        // Letters and masks only, at least one real letter, starting at a word boundary.
        if doc.text[..m.start()].chars().next_back().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let pattern: Option<Vec<Option<char>>> = m
            .as_str()
            .chars()
            .map(|c| match c {
                '*' | '#' | '%' => Some(None),
                '0' => Some(Some('o')),
                '1' => Some(Some('i')),
                '3' => Some(Some('e')),
                '4' => Some(Some('a')),
                '5' => Some(Some('s')),
                '7' => Some(Some('t')),
                c if c.is_alphabetic() => c.to_lowercase().next().map(Some),
                _ => None,
            })
            .collect();
        let Some(pattern) = pattern else { continue };
        if pattern.iter().filter(|c| c.is_some()).count() == 0 || pattern.iter().all(Option::is_some) {
            continue;
        }
        let fits = |term: &str| term.chars().zip(pattern.iter()).all(|(t, p)| p.is_none_or(|p| p == t));
        let whole = index.whole.get(&pattern.len()).and_then(|terms| terms.iter().find(|(t, _, _)| fits(t)));
        let head = index.heads.iter().find(|(h, _, _)| h.chars().count() <= pattern.len() && fits(h));
        if let Some((_, rule, severity)) = whole.or(head) {
            out.push(Candidate {
                rule,
                severity: *severity,
                start: m.start(),
                end: m.end(),
                detail: "vermomd geschreven",
            });
        }
    }
}
