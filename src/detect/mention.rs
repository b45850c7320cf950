//! Abuse that is mentioned, not used, is no abuse finding: quoted ("Wie \"homo's moeten dood\" in
//! de app zet, wordt verwijderd", "Het woord 'neger' komt voor in oude boeken") or reported and
//! condemned ("hij werd uitgescholden voor …", "… is racistisch", "het is niet oké om iemand een
//! hoer te noemen"; the `counter` role of `wordlists/hate.tsv`). Counter-speech is what a school
//! wants more of, and a checker that flags it gets switched off (issue 12: no finding for it).
//!
//! Two cases stay visible. A quotation that is the whole text is used, not mentioned (a
//! comment that only says "Je bent een 'loser'"). One quoted word with no frame around it ("Jij
//! bent echt een 'mongool'") may be scare quotes: it stays, as a tip. A threat said as a joke
//! (":P", "haha", 😂) or about a game ("we maken ze af in de finale") is lowered to a tip too: the
//! school may still want to look.

use std::sync::LazyLock;

use regex::Regex;

use crate::detect::Document;
use crate::detect::hate::{counter_framed, insult_reported};
use crate::finding::{Category, Hit, Severity};
use crate::lexicon::{HateRole, ThreatRole};
use crate::rules;

/// An opening quotation mark after a space or bracket, up to a closing one on the same line.
static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?:^|[\s(\[{:;,/\-])['"‘“„«‹`]([^'"’”»›`\n]{1,120}?)['"’”»›`´]"#).expect("valid regex")
});

/// Original byte ranges of quoted passages (the text between the marks).
pub fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    if !text.contains(['\'', '"', '‘', '“', '„', '«', '‹', '`']) {
        return Vec::new();
    }
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(caps) = QUOTED.captures_at(text, from) {
        let (Some(whole), Some(inner)) = (caps.get(0), caps.get(1)) else { break };
        // A false opening mark must not hide a real quotation after it: resume right behind it.
        from = inner.start();
        // A closing mark is not followed by a letter ("Noor's" is no quotation).
        if text[whole.end()..].chars().next().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let content = inner.as_str();
        if content.starts_with(char::is_whitespace) || content.contains(['“', '„', '«', '‹']) {
            continue;
        }
        // 's avonds, 't, 'n: a clitic, not an opening quotation mark.
        let opened_with_apostrophe = text[..inner.start()].ends_with(['\'', '’']);
        if opened_with_apostrophe && {
            let content = content.to_lowercase();
            ["s ", "t ", "n "].iter().any(|c| content.starts_with(c))
        } {
            continue;
        }
        spans.push((inner.start(), inner.end()));
        from = whole.end();
    }
    spans
}

/// Drop abuse findings that are mentions; lower bare quoted words and jokes to a tip.
pub fn drop_mentions(doc: &Document<'_>, hits: &mut Vec<Hit>) {
    if !hits.iter().any(|h| h.rule.category.is_abuse() && h.severity > Severity::Info) {
        return;
    }
    let quoted = quoted_spans(doc.text);
    hits.retain_mut(|hit| {
        if !hit.rule.category.is_abuse() || hit.severity == Severity::Info {
            return true;
        }
        match stance(doc, &quoted, hit) {
            Stance::Used => true,
            Stance::Mentioned => false,
            Stance::ScareQuoted => {
                hit.severity = Severity::Info;
                hit.detail = "tussen aanhalingstekens: misschien genoemd, niet gebruikt".into();
                true
            }
            Stance::Joking => {
                hit.severity = Severity::Info;
                hit.detail = "waarschijnlijk als grap of over een spel bedoeld".into();
                true
            }
        }
    });
}

/// How the writer stands to the abuse in a hit.
enum Stance {
    Used,
    /// Quoted or reported in order to discuss or condemn it.
    Mentioned,
    /// One quoted word without a frame: perhaps a mention, perhaps scare quotes.
    ScareQuoted,
    Joking,
}

fn stance(doc: &Document<'_>, quoted: &[(usize, usize)], hit: &Hit) -> Stance {
    // The spans are sorted and do not overlap.
    let before = quoted.partition_point(|&(s, _)| s <= hit.start);
    let quote = (before > 0 && hit.end <= quoted[before - 1].1).then(|| quoted[before - 1]);
    // A hate statement with a quoted word in it ("dat joden 'gierig' zouden zijn") quotes.
    let quote = quote.or_else(|| {
        let next = quoted.partition_point(|&(_, e)| e <= hit.start);
        (hit.rule == &rules::HATE_STATEMENT && next < quoted.len() && quoted[next].0 < hit.end).then(|| quoted[next])
    });
    if let Some((start, end)) = quote {
        return quoted_stance(doc, start, end);
    }
    let reported = doc.tokens_overlapping(hit.start, hit.end).is_some_and(|(first, last)| match hit.rule.category {
        Category::Discrimination | Category::Threat => {
            counter_framed(doc, first, last) || insult_reported(doc, first, last)
        }
        _ => insult_reported(doc, first, last),
    });
    if reported {
        return Stance::Mentioned;
    }
    if hit.rule.category == Category::Threat && playful(doc, hit.start) {
        return Stance::Joking;
    }
    Stance::Used
}

/// The stance of a quotation at original bytes `start..end`, by what the sentence says around it.
fn quoted_stance(doc: &Document<'_>, start: usize, end: usize) -> Stance {
    let Some((first, last)) = doc.tokens_overlapping(start, end) else {
        return Stance::Used;
    };
    let (s, e) = doc.sentence_range(first);
    if first == 0 && last + 1 == doc.token_count() {
        // The quotation is the whole text: nothing frames it.
        return Stance::Used;
    }
    let framed = doc.cue_within(HateRole::Counter, s, e);
    if first < last || framed { Stance::Mentioned } else { Stance::ScareQuoted }
}

/// Emoji that mark a joke.
const JOKE_EMOJI: &[char] = &['😂', '🤣', '😜', '😛', '😝', '😉', '😆', '😁', '🙃', '😹', '😅'];

/// A joke marker or talk about sport and games in the sentence at original byte `start`.
fn playful(doc: &Document<'_>, start: usize) -> bool {
    let Some(t) = doc.token_ending_after(start) else {
        return false;
    };
    let (s, e) = doc.sentence_range(t);
    let (from, _) = doc.original_tokens(s, s);
    let (_, to) = doc.original_tokens(e - 1, e - 1);
    let tail: String = doc.text[to..].chars().take(12).collect();
    doc.cue_within(ThreatRole::Joke, s, e)
        || doc.cue_within(ThreatRole::Play, s, e)
        || doc.text[from..to].contains(JOKE_EMOJI)
        || tail.contains(JOKE_EMOJI)
        || [":P", ":p", ";)", ";-)", ":-P", "xD", "XD"].iter().any(|m| tail.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_quotations_not_apostrophes() {
        let text = "Stop met 'kutmarokkaan' roepen. Noor's fiets, zo'n dag, 's avonds. Het “n-woord”.";
        let spans: Vec<&str> = quoted_spans(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(spans, ["kutmarokkaan", "n-woord"]);
    }
}
