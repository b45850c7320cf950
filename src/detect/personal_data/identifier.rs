//! Numbers that identify a person by their cue (PW211, and PW204 for a BSN): "leerlingnummer
//! 204311", "het studentnummer van Lars is s1234567", "dossiernr. 88-1204", "751.049.049 (BSN)".
//!
//! The cues are the `identifier` cues of `wordlists/context.tsv`. The number follows the cue,
//! perhaps after a few words that say whose it is ("van mijn zoon is"), or stands right before
//! it in brackets. After a BSN cue the digits may be grouped in any way ("8436 46 974", "121 54
//! 72 80"): nine of them that pass the elfproef are a BSN.

use std::sync::LazyLock;

use regex::Regex;

use super::bsn_valid;
use crate::detect::Document;
use crate::detect::confidential::about_a_person;
use crate::detect::names::Mention;
use crate::lexicon::ContextRole;

/// An identifier: letters, digits and inner dashes, dots or slashes, with at least one digit.
static VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Za-z]{0,4}-?\d[0-9A-Za-z]*(?:[.\-/]\d[0-9A-Za-z]*)*").expect("valid regex"));
/// Nine digits, each group apart by one space, dot or dash at most.
static GROUPED_BSN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d(?:[ .\-]?\d){8}(?-u:\b)").expect("valid regex"));
/// A number right before an opening bracket: "751.049.049 (".
static VALUE_BEFORE_BRACKET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)\d[\d .\-]*\d\s*\(\s*$").expect("valid regex"));

/// Words that may stand between a cue and its number: who it belongs to, and "is".
const BETWEEN: &[&str] = &[
    "is", "was", "luidt", "van", "mijn", "jouw", "je", "zijn", "haar", "onze", "ons", "uw", "hun", "de", "het", "een",
    "zoon", "dochter", "kind", "leerling", "nieuwe", "oude", "nummer", "nr", "namelijk",
];

/// An identifier found: its original byte range, and whether it is a BSN that passes the elfproef.
pub struct Identifier {
    pub start: usize,
    pub end: usize,
    pub bsn: bool,
}

/// Cues for numbers that a business gives out (a customer number, a device's serial number): they
/// point to a person only in a sentence about one ("mijn klantnummer", "de laptop van meester
/// Tim"); "met uw klantnummer kunt u bestellen" or a photographer's order confirmation does not.
const NEEDS_A_PERSON: &[&str] = &["klantnummer", "klantnr", "serienummer", "serienr", "pasnummer", "relatienummer"];

/// The identifiers named by a cue in `doc`; `mentions` are the pupils the name check found.
pub fn detect(doc: &Document<'_>, mentions: &[Mention]) -> Vec<Identifier> {
    let mut out = Vec::new();
    for (cue, len) in doc.cues.all_within(doc, ContextRole::Identifier.into(), 0, doc.token_count()) {
        let last = cue + len - 1;
        let word = doc.token(last);
        if NEEDS_A_PERSON.contains(&word) && !about_someone(doc, mentions, cue) {
            continue;
        }
        let bsn_cue = matches!(word, "bsn" | "burgerservicenummer" | "sofinummer");
        let Some(found) = after_cue(doc, last, bsn_cue).or_else(|| before_cue(doc, cue, bsn_cue)) else { continue };
        // Nine digits after a BSN cue that fail the elfproef are a mistake, not a BSN.
        let digits = doc.text[found.start..found.end].chars().filter(char::is_ascii_digit).count();
        if bsn_cue && !found.bsn && digits == 9 {
            continue;
        }
        out.push(found);
    }
    out
}

/// Is the sentence of the cue at token `cue` about someone: "mijn klantnummer", or a person named?
fn about_someone(doc: &Document<'_>, mentions: &[Mention], cue: usize) -> bool {
    let possessive = cue > 0 && matches!(doc.token(cue - 1), "mijn" | "m'n" | "zijn" | "z'n" | "haar" | "jouw" | "hun");
    possessive || about_a_person(doc, mentions, cue)
}

/// The number after the cue ending at token `last`, in the same sentence.
fn after_cue(doc: &Document<'_>, last: usize, bsn_cue: bool) -> Option<Identifier> {
    let (_, mut sentence_end) = doc.sentence_range(last);
    // "Dossiernr. 88-1204": the full stop of an abbreviation ends no sentence.
    if sentence_end == last + 1 && sentence_end < doc.token_count() {
        let (_, end) = doc.view.token_original(last);
        let (start, _) = doc.view.token_original(last + 1);
        if doc.text[end..start.max(end)].trim() == "." {
            sentence_end = doc.sentence_range(last + 1).1;
        }
    }
    let mut t = last + 1;
    while t < sentence_end && t <= last + 6 {
        let (start, _) = doc.view.token_original(t);
        let rest = &doc.text[start..];
        if rest.starts_with(|c: char| c.is_ascii_digit()) || (VALUE.is_match(rest) && has_digit_soon(rest)) {
            return value_at(doc.text, start, bsn_cue);
        }
        let word = doc.token(t);
        if !(BETWEEN.contains(&word) || doc.is_capitalised(t)) {
            return None;
        }
        t += 1;
    }
    None
}

/// Does the word at the start of `rest` hold a digit ("s1234567", "SN-88231")?
fn has_digit_soon(rest: &str) -> bool {
    rest.chars().take_while(|c| !c.is_whitespace()).any(|c| c.is_ascii_digit())
}

/// The identifier starting at original byte `start`.
fn value_at(text: &str, start: usize, bsn_cue: bool) -> Option<Identifier> {
    let rest = &text[start..];
    if bsn_cue && let Some(m) = GROUPED_BSN.find(rest) {
        let digits: Vec<u32> = m.as_str().chars().filter_map(|c| c.to_digit(10)).collect();
        if bsn_valid(&digits) {
            return Some(Identifier { start, end: start + m.end(), bsn: true });
        }
    }
    let m = VALUE.find(rest)?;
    let value = m.as_str().trim_end_matches(['.', '-', '/']);
    let digits = value.chars().filter(char::is_ascii_digit).count();
    (digits >= 4).then(|| Identifier { start, end: start + value.len(), bsn: false })
}

/// "751.049.049 (BSN)": the number right before the bracket that holds the cue at token `cue`.
fn before_cue(doc: &Document<'_>, cue: usize, bsn_cue: bool) -> Option<Identifier> {
    let (cue_start, _) = doc.view.token_original(cue);
    let before = &doc.text[..cue_start];
    let m = VALUE_BEFORE_BRACKET.find(before)?;
    let value = m.as_str().trim_end_matches(|c: char| c == '(' || c.is_whitespace());
    let digits: Vec<u32> = value.chars().filter_map(|c| c.to_digit(10)).collect();
    let bsn = bsn_cue && bsn_valid(&digits);
    (bsn || digits.len() >= 4).then(|| Identifier { start: m.start(), end: m.start() + value.len(), bsn })
}
