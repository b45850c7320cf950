//! A roster name inside the name of an organisation, place or thing: "Visser Bouw B.V.",
//! "Stichting Kuipers Kinderfonds", "de Kees Bakker-zaal", "het Milan Vos Toernooi", "de Brink
//! Groep". Such a name is not the pupil.
//!
//! The words that make a capitalised sequence a thing are the `thing` cues of
//! `wordlists/context.tsv` (legal forms, clubs, foundations, prizes, halls, streets, events). The
//! sequence is the run of capitalised words around the name, one space apart (a comma or a
//! bracket ends it: "Bram Willems (FC Twente)" is a person and his club), and a word for a legal
//! body just before it ("de stichting Kuipers Kinderfonds"). In a headline in capitals every word is
//! capitalised, so there only a thing word joined by a hyphen counts.

use crate::detect::Document;
use crate::lexicon::ContextRole;

/// Is the name at tokens `first..=last` part of the name of an organisation, place or thing?
pub fn names_a_thing(doc: &Document<'_>, first: usize, last: usize) -> bool {
    if doc.sentence_is_shouted(first) {
        return hyphenated_thing(doc, last);
    }
    let (from, to) = capitalised_run(doc, first, last);
    // "de Lotte Visser-prijs": the thing word may come after the whole run.
    if hyphenated_thing(doc, to - 1) {
        return true;
    }
    // Before the run only a word for a legal body counts ("de stichting Kuipers Kinderfonds"): "na
    // school Daan ophalen" has no school called Daan.
    let body_before = |t: usize| t + 1 == from && matches!(doc.token(t), "stichting" | "vereniging");
    doc.cues
        .all_within(doc, ContextRole::Thing.into(), from.saturating_sub(1), to)
        .iter()
        .any(|&(t, len)| (t >= from || body_before(t)) && (t + len <= first || t > last))
}

/// "Bakker-zaal", "Visser-prijs": a thing word right after the name, joined by a hyphen.
fn hyphenated_thing(doc: &Document<'_>, last: usize) -> bool {
    let next = last + 1;
    if next >= doc.token_count() {
        return false;
    }
    let (_, end) = doc.view.token_original(last);
    let (start, _) = doc.view.token_original(next);
    &doc.text[end..start.max(end)] == "-" && doc.cues.starting_at(doc, ContextRole::Thing.into(), next).is_some()
}

/// The tokens (start inclusive, end exclusive) of the run of capitalised words, one space apart
/// and in one sentence, that holds tokens `first..=last`.
fn capitalised_run(doc: &Document<'_>, first: usize, last: usize) -> (usize, usize) {
    let joined = |a: usize, b: usize| {
        let (_, end) = doc.view.token_original(a);
        let (start, _) = doc.view.token_original(b);
        doc.text[end..start.max(end)].chars().all(|c| c == ' ' || c == '.' || c == '&') && !doc.is_sentence_start(b)
    };
    let mut from = first;
    while from > 0 && joined(from - 1, from) && doc.is_capitalised(from - 1) {
        from -= 1;
    }
    let mut to = last + 1;
    while to < doc.token_count() && joined(to - 1, to) && doc.is_capitalised(to) {
        to += 1;
    }
    (from, to)
}
