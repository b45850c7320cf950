//! Markdown, HTML and front matter: the published copy keeps the text's length and line breaks
//! (so offsets line up), and the findings of the text read as markup have the text properties.
//! First byte: 0 plain text, 1 Markdown, 2 HTML (others: Markdown).
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use postwacht::markup::{self, Markup};
use postwacht::scan::Location;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let format = match selector {
        0 => Markup::Text,
        2 => Markup::Html,
        _ => Markup::Markdown,
    };
    let text = String::from_utf8_lossy(bytes);
    let text = text.as_ref();
    let published = markup::published(text, format);
    assert_eq!(published.len(), text.len(), "the published copy has another length");
    let breaks = |s: &str| s.match_indices('\n').map(|(i, _)| i).collect::<Vec<_>>();
    assert_eq!(breaks(&published), breaks(text), "the published copy moved a line break");
    let scanner = common::scanner();
    let location = Location::file("bericht.md");
    let findings = markup::findings(scanner, text, format, &location, false);
    common::check_text_findings(text, &findings, false);
    let redacted = markup::findings(scanner, text, format, &location, true);
    common::check_text_findings(text, &redacted, true);
    common::check_redacted_report(&redacted);
});
