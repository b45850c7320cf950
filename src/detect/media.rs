//! Photos and video of pupils (PW601–PW603).
//!
//! A post carries media when it has a Markdown image `![…](…)`, an HTML `<img>`, `<video>` or
//! `<picture>`, a WhatsApp media placeholder, or says so in words ("zie de foto's hieronder", "op
//! de foto"; `wordlists/media.tsv`). If it also names a pupil whose roster consent is "nee", each
//! piece of media is a violation; if a named pupil's consent is unknown, a warning; otherwise a
//! reminder to check (info), since postwacht cannot see who is in the picture.

use std::sync::LazyLock;

use regex::Regex;

use crate::detect::Document;
use crate::detect::names::Mention;
use crate::finding::Hit;
use crate::lexicon::HateRole;
use crate::matcher::Target;
use crate::prefilter::contains_ignore_ascii_case;
use crate::roster::{Consent, Roster};
use crate::rules;

static MEDIA_MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)!\[[^\]\n]*\]\([^)\n]*\)|<(?:img|video|picture)(?-u:\b)[^>]*>|<media weggelaten>|(?-u:\b)(?:afbeelding|video|gif) weggelaten(?-u:\b)|<bijgevoegd: [^>]+>|\(bestand bijgevoegd\)|\[(?:foto|video|afbeelding|filmpje|image|photo)\]|[📸📷🎥📹🎬]")
        .expect("valid regex")
});

/// Can `text` hold media markup? Every form of it has a `<` or `[`, a camera emoji (four bytes
/// starting with 0xF0), or one of two words (without letters that have Unicode case variants).
fn may_have_media_markup(text: &str) -> bool {
    text.bytes().any(|b| matches!(b, b'<' | b'[' | 0xF0))
        || contains_ignore_ascii_case(text, "weggelaten")
        || contains_ignore_ascii_case(text, "bijgevoegd")
}

pub fn detect(doc: &Document<'_>, mentions: &[Mention], roster: &Roster, hits: &mut Vec<Hit>) {
    let mut places: Vec<(usize, usize)> = if may_have_media_markup(doc.text) {
        MEDIA_MARKUP.find_iter(doc.text).map(|m| (m.start(), m.end())).collect()
    } else {
        Vec::new()
    };
    if places.is_empty() {
        // Words that say media comes with the post ("zie de foto's", "filmpje van"): one finding
        // for the post, at the first; not where the sentence denies it ("foto's komen niet online").
        let denied = |first: usize| {
            let (s, e) = doc.sentence_range(first);
            doc.cue_within(HateRole::Negation, s, e)
        };
        if let Some(f) = doc.found_where(|t| matches!(t, Target::Media(_))).find(|f| !denied(f.first)) {
            places.push(doc.original_tokens(f.first, f.last));
        }
    }
    if places.is_empty() {
        return;
    }
    let consent_of = |m: &Mention| m.pupils.iter().map(|&p| roster.pupils[p as usize].consent).collect::<Vec<_>>();
    // The pupils concerned, as the text names them, so the user knows whom to check (issue 11
    // item 9); the finding leaves them out under --redact.
    let named = |consent: Consent| {
        let mut names: Vec<&str> = mentions
            .iter()
            .filter(|m| consent_of(m).contains(&consent))
            .map(|m| doc.text[m.start..m.end].trim())
            .collect();
        names.dedup();
        names.join(", ")
    };
    let (rule, quoted) = match (named(Consent::No), named(Consent::Unknown)) {
        (without, _) if !without.is_empty() => (&rules::MEDIA_NO_CONSENT, format!("geen toestemming: {without}")),
        (_, unknown) if !unknown.is_empty() => {
            (&rules::MEDIA_CONSENT_UNKNOWN, format!("toestemming onbekend: {unknown}"))
        }
        _ => (&rules::MEDIA_REMINDER, String::new()),
    };
    for (start, end) in places {
        hits.push(Hit::new(rule, start, end).with_quoted_detail(quoted.clone()));
    }
}
