//! Sharing where someone is right now: "we zitten nu in Parijs", "net aangekomen bij de Efteling",
//! "📍 Texel", GPS coordinates and map links with coordinates.
//!
//! The words that say "right now" are the `whereabouts` cues of `wordlists/context.tsv`; a place
//! is a capitalised name right after them ("de" or "het" may come between). Past and future
//! ("we waren in Parijs", "morgen gaan we naar Parijs") are not location sharing.

use std::sync::LazyLock;

use regex::Regex;

use crate::detect::Document;
use crate::finding::{Hit, Severity};
use crate::lexicon::ContextRole;
use crate::rules;

/// Decimal coordinates with at least four decimals: "52.37021, 4.89516".
static COORDINATES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(-?\d{1,2}\.\d{4,})\s*,\s*(-?\d{1,3}\.\d{4,})").expect("valid regex"));
/// Degrees, minutes (and seconds): 52°22'13"N 4°53'42"E.
static DEGREES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\d{1,2}°\s?\d{1,2}['′](?:\s?\d{1,2}(?:[.,]\d+)?["″])?\s?[NZS](?-u:\b),?\s*\d{1,3}°\s?\d{1,2}['′](?:\s?\d{1,2}(?:[.,]\d+)?["″])?\s?[OEW](?-u:\b)"#)
        .expect("valid regex")
});
/// A pin followed by a place: "📍 Texel".
static PIN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"📍\s*\p{Lu}[\p{L}'\-]+(?:\s\p{Lu}[\p{L}'\-]+)?").expect("valid regex"));

/// Capitalised words after a whereabouts cue that are not places.
const NOT_PLACES: &[&str] = &[
    "teams",
    "zoom",
    "meet",
    "magister",
    "somtoday",
    "parro",
    "classroom",
    "google",
    "youtube",
    "minecraft",
    "fortnite",
    "roblox",
    "hoofdstuk",
    "les",
    "groep",
    "klas",
];

pub fn detect(doc: &Document<'_>, hits: &mut Vec<Hit>) {
    let text = doc.text;
    if text.bytes().any(|b| b.is_ascii_digit()) {
        for m in COORDINATES.captures_iter(text) {
            let whole = m.get(0).expect("match");
            let joined = text[..whole.start()].ends_with(|c: char| c.is_ascii_digit() || c == '.')
                || text[whole.end()..].starts_with(|c: char| c.is_ascii_digit());
            let lat: f64 = m[1].parse().unwrap_or(999.0);
            let lon: f64 = m[2].parse().unwrap_or(999.0);
            if !joined && lat.abs() <= 90.0 && lon.abs() <= 180.0 {
                hits.push(
                    Hit::new(&rules::LOCATION_SHARING, whole.start(), whole.end()).with_severity(Severity::Error),
                );
            }
        }
        if text.contains('°') {
            for m in DEGREES.find_iter(text) {
                hits.push(Hit::new(&rules::LOCATION_SHARING, m.start(), m.end()).with_severity(Severity::Error));
            }
        }
    }
    if text.contains('📍') {
        for m in PIN.find_iter(text) {
            hits.push(Hit::new(&rules::LOCATION_SHARING, m.start(), m.end()));
        }
    }
    for (cue, len) in doc.cues.all_within(doc, ContextRole::Whereabouts.into(), 0, doc.token_count()) {
        let mut place = cue + len;
        if place < doc.token_count() && matches!(doc.token(place), "de" | "het" | "t") && !doc.is_sentence_start(place)
        {
            place += 1;
        }
        if place >= doc.token_count()
            || doc.is_sentence_start(place)
            || !doc.is_capitalised(place)
            || NOT_PLACES.contains(&doc.token(place))
        {
            continue;
        }
        // The place may have more capitalised words: "Den Haag", "Kamp Zeist".
        let mut last = place;
        while last + 1 < doc.token_count()
            && last < place + 2
            && !doc.is_sentence_start(last + 1)
            && doc.is_capitalised(last + 1)
        {
            last += 1;
        }
        let (start, end) = doc.original_tokens(cue, last);
        if !hits.iter().any(|h| h.rule.code == rules::LOCATION_SHARING.code && h.start < end && start < h.end) {
            hits.push(Hit::new(&rules::LOCATION_SHARING, start, end));
        }
    }
}
