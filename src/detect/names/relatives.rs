//! A pupil named through a parent or other relative: "de moeder van Noor", "Daans vader",
//! "Noor's oma".
//!
//! Such a phrase makes two people recognisable, and it settles what a name that is also a word
//! means: "de vader van Storm" is about a child called Storm. The relatives are the `relative`
//! cues of `wordlists/context.tsv`.

use super::{FormKind, Mention, NameForm, extend_genitive};
use crate::detect::{Document, Found};
use crate::lexicon::ContextRole;
use crate::rules::{self, Rule};

/// The mention "de moeder van Noor" (or "Noors moeder") around a matched name form, if the name
/// stands there.
pub fn through_relative(doc: &Document<'_>, found: &Found, form: &NameForm) -> Option<(Mention, &'static Rule)> {
    let (first, last) = (found.first, found.last);
    // A word that is also a name counts only when written as a name.
    if form.is_word && !doc.is_capitalised(first) {
        return None;
    }
    let (name_start, name_end) = doc.original_tokens(first, last);
    let name_end = extend_genitive(doc.text, name_end);
    // "(de) moeder van Noor"
    if matches!(form.kind, FormKind::First | FormKind::Full | FormKind::Surname)
        && first >= 2
        && doc.token(first - 1) == "van"
        && !doc.is_sentence_start(first)
        && let Some(len) = doc.cues.ending_at(doc, ContextRole::Relative.into(), first - 2)
    {
        let mut cue = first - 1 - len;
        if cue > 0 && matches!(doc.token(cue - 1), "de" | "het" | "die" | "deze") && !doc.is_sentence_start(cue) {
            cue -= 1;
        }
        let (start, _) = doc.original_tokens(cue, cue);
        return Some((mention(start, name_end, found, form), &rules::PUPIL_VIA_RELATIVE));
    }
    // "Daans vader", "Noor's moeder", "Lars' opa"
    let genitive = form.kind == FormKind::FirstGenitive || name_end > doc.original_tokens(last, last).1;
    // "noor's" is "noor s" in the view.
    let next = if genitive
        && form.kind != FormKind::FirstGenitive
        && last + 1 < doc.token_count()
        && doc.token(last + 1) == "s"
    {
        last + 2
    } else {
        last + 1
    };
    if genitive && let Some(len) = doc.cues.starting_at(doc, ContextRole::Relative.into(), next) {
        if doc.is_sentence_start(next) {
            return None;
        }
        let (_, end) = doc.original_tokens(next + len - 1, next + len - 1);
        return Some((mention(name_start, end, found, form), &rules::PUPIL_VIA_RELATIVE));
    }
    None
}

fn mention(start: usize, end: usize, found: &Found, form: &NameForm) -> Mention {
    Mention { start, end, tokens: Some((found.first, found.last)), pupils: form.pupils.to_vec(), confident: true }
}
