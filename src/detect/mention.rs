//! Abuse that is mentioned, not used: in quotation marks ("Stop met 'kutmarokkaan' roepen", "Het
//! woord 'neger' komt voor in oude boeken") or, for slurs, hate statements and threats, in a
//! sentence that reports or condemns it ("hij werd uitgescholden voor …", "… is racistisch"; the
//! `counter` role of `wordlists/hate.tsv`). A threat said as a joke (":P", "haha", 😂) or about a
//! game ("we maken ze af in de finale") is not meant either. Such findings stay, as a note (info):
//! the school may still want to look, but it is not abuse by the writer.

use std::sync::LazyLock;

use regex::Regex;

use crate::detect::Document;
use crate::finding::{Category, Hit, Severity};
use crate::lexicon::ThreatRole;
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

/// Lower abuse findings that are mentions to info.
pub fn downgrade(doc: &Document<'_>, hits: &mut [Hit]) {
    if !hits.iter().any(|h| h.rule.category.is_abuse() && h.severity > Severity::Info) {
        return;
    }
    let quoted = quoted_spans(doc.text);
    for hit in hits.iter_mut().filter(|h| h.rule.category.is_abuse() && h.severity > Severity::Info) {
        // The spans are sorted and do not overlap.
        let before = quoted.partition_point(|&(s, _)| s <= hit.start);
        let inside_quote = before > 0 && hit.end <= quoted[before - 1].1;
        // A hate statement with a quoted word in it ("dat joden 'gierig' zouden zijn") quotes.
        let quotes_inside = hit.rule == &rules::HATE_STATEMENT && {
            let next = quoted.partition_point(|&(_, e)| e <= hit.start);
            next < quoted.len() && quoted[next].0 < hit.end
        };
        if inside_quote || quotes_inside {
            hit.severity = Severity::Info;
            hit.detail = "tussen aanhalingstekens: genoemd, niet gebruikt".into();
            continue;
        }
        let reported = matches!(hit.rule.category, Category::Discrimination | Category::Threat)
            && doc
                .tokens_overlapping(hit.start, hit.end)
                .is_some_and(|(first, last)| crate::detect::hate::counter_framed(doc, first, last));
        if reported {
            hit.severity = Severity::Info;
            hit.detail = "besproken of veroordeeld, niet gebruikt".into();
            continue;
        }
        if hit.rule.category == Category::Threat && playful(doc, hit.start) {
            hit.severity = Severity::Info;
            hit.detail = "waarschijnlijk als grap of over een spel bedoeld".into();
        }
    }
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
