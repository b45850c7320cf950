//! A pupil's age next to their name: "Noor (9)", "Daan is 10 jaar", "Storm wordt vandaag 11",
//! "Gefeliciteerd Daan, 10 jaar alweer!", "de 9-jarige Noor", "onze negenjarige Noor".
//!
//! Only ages tied to a pupil the name check found count; an age on its own ("kinderen van 9 tot
//! 12 jaar") is no one's.

use std::sync::LazyLock;

use regex::Regex;

use crate::detect::names::Mention;
use crate::finding::Hit;
use crate::rules;

/// Right after the name.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    const ADVERBS: &str = r"(?:(?:vandaag|morgen|gisteren|al|nu|net|inmiddels|alweer|pas|bijna|straks)\s+)*";
    Regex::new(&format!(
        r"(?i)^(?:\s*\((\d{{1,2}})(?:\s?(?:jaar|jr\.?))?\)|,?\s+(?:wordt|werd|word)\s+{ADVERBS}(\d{{1,2}})(?:\s+jaar(?:\s+oud)?|\s+geworden|(?-u:\b))|,?\s+(?:is|was|ben)\s+{ADVERBS}(\d{{1,2}})\s+jaar(?-u:\b)|,\s+(\d{{1,2}})\s+jaar(?-u:\b))"
    ))
    .expect("valid regex")
});
/// Right before the name.
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)(\d{1,2})-?jarige|(?-u:\b)(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien)jarige)\s+$")
        .expect("valid regex")
});
/// What may follow a number that is not an age: "Daan is 10 minuten te laat".
static NOT_AGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:minuten|min|seconden|sec|uur|keer|x|km|kilometer|meter|m|cm|kilo|kg|euro|punten|doelpunten|goals|procent|%|[.,:]\d)").expect("valid regex")
});

pub fn detect(text: &str, mentions: &[Mention], hits: &mut Vec<Hit>) {
    for mention in mentions {
        let after = &text[mention.end..];
        if let Some(c) = AFTER.captures(after) {
            let whole = c.get(0).expect("match");
            let number = (1..=4).find_map(|i| c.get(i)).expect("an age");
            let years: u32 = number.as_str().parse().unwrap_or(0);
            if (1..=25).contains(&years) && !NOT_AGE.is_match(&after[number.end()..]) {
                let start = mention.end + whole.as_str().find(|c: char| c == '(' || c.is_ascii_digit()).unwrap_or(0);
                hits.push(Hit::new(&rules::AGE, start, mention.end + whole.end()));
                continue;
            }
        }
        // Only the words right before the name matter; searching all text before it would make
        // a long text quadratic.
        let from = window_start(text, mention.start);
        if let Some(m) = BEFORE.find(&text[from..mention.start]) {
            let word_end = from + m.start() + m.as_str().trim_end().len();
            hits.push(Hit::new(&rules::AGE, from + m.start(), word_end));
        }
    }
}

/// The start of the last few words before byte `end`: far enough back for "achttienjarige ",
/// at the start of a word.
fn window_start(text: &str, end: usize) -> usize {
    const REACH: usize = 48;
    if end <= REACH {
        return 0;
    }
    let mut from = end - REACH;
    while !text.is_char_boundary(from) {
        from += 1;
    }
    // Begin after a space so a word cut in half cannot match.
    text[from..end].find(char::is_whitespace).map_or(end, |i| from + i)
}
