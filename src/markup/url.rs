//! URLs: readers see a link's words, not its address, but some parts of an address are published
//! words too. The scheme, host, path and fragment are blanked; kept are the query string
//! (`?naam=Sem+de+Vries`, decoded so that `%C3%AB` reads `ë`) and the address of a `mailto:` or
//! `tel:` link, which is personal data when it is someone's. A link to a photo or video file is
//! media for the media-consent check.

use std::sync::LazyLock;

use regex::Regex;

use super::sheet::Sheet;

/// A URL in running text: `https://…`, `http://…` or `www.…`, up to white space or a bracket.
static BARE_URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>"'`()\[\]{}]+"#).expect("valid regex"));

/// File extensions of pictures and video.
const MEDIA_EXTENSIONS: &[&str] =
    &["jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "avif", "tif", "tiff", "mp4", "mov", "m4v", "webm", "avi"];

/// Does this URL or path point at a picture or video file?
pub(super) fn is_media(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or("");
    path.rsplit_once('.')
        .is_some_and(|(stem, ext)| !stem.is_empty() && MEDIA_EXTENSIONS.iter().any(|m| m.eq_ignore_ascii_case(ext)))
}

/// What to do with a link to a picture or video.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Media {
    /// The URL is a link: if it points at a photo or video, that is media.
    Mark,
    /// The URL is the source of an image already marked as media (or no media at all).
    Ignore,
}

/// Blank the URL at `start..end` of the sheet except what it publishes in words (see the module
/// documentation).
pub(super) fn blank_url(sheet: &mut Sheet<'_>, start: usize, end: usize, media: Media) {
    let url = sheet.text()[start..end].to_string();
    let lower = url.to_ascii_lowercase();
    if let Some(scheme) = ["mailto:", "tel:", "callto:", "sms:"].into_iter().find(|s| lower.starts_with(s)) {
        sheet.blank(start, start + scheme.len());
        decode_escapes(sheet, start + scheme.len(), end);
        return;
    }
    let address_end = url.find(['?', '#']).map_or(end, |i| start + i);
    if media == Media::Mark && is_media(&url) {
        sheet.mark_media(start, address_end);
    } else {
        sheet.blank(start, address_end);
    }
    let Some(query) = url.find('?').map(|i| start + i) else { return };
    let query_end = url[query - start..].find('#').map_or(end, |i| query + i);
    sheet.blank(query, query + 1);
    decode_escapes(sheet, query + 1, query_end);
    sheet.blank(query_end, end);
}

/// Blank the URLs in running text (not inside links or tags: those are blanked before).
pub(super) fn blank_bare_urls(sheet: &mut Sheet<'_>) {
    let found: Vec<(usize, usize)> = BARE_URL
        .find_iter(sheet.text())
        .map(|m| {
            // A full stop, comma or closing mark right after a URL ends the sentence, not the URL.
            let trimmed = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?', '*', '_', '~']);
            (m.start(), m.start() + trimmed.len())
        })
        .collect();
    for (start, end) in found {
        blank_url(sheet, start, end, Media::Mark);
    }
}

/// Decode a query string in place: `+` is a space, `%XX` escapes become the characters they
/// encode (padded to the same length; see [`Sheet::decode`]). Malformed escapes stay as written.
fn decode_escapes(sheet: &mut Sheet<'_>, start: usize, end: usize) {
    let text = sheet.text()[start..end].to_string();
    let bytes = text.as_bytes();
    let hex = |i: usize| {
        bytes
            .get(i..i + 3)
            .filter(|b| b[0] == b'%')
            .and_then(|b| std::str::from_utf8(&b[1..]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()))
    };
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'+' {
            sheet.blank(start + i, start + i + 1);
            i += 1;
            continue;
        }
        let Some(first) = hex(i) else {
            i += 1;
            continue;
        };
        // One character: a lead byte and as many continuation escapes as it announces.
        let width = match first {
            0x00..=0x7F => 1,
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        let decoded: Option<Vec<u8>> = (0..width).map(|k| hex(i + 3 * k)).collect();
        match decoded.as_deref().and_then(|b| std::str::from_utf8(b).ok()).and_then(|s| s.chars().next()) {
            Some(c) if width > 0 => {
                sheet.decode(start + i, start + i + 3 * width, c);
                i += 3 * width;
            }
            _ => i += 3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(text: &str) -> String {
        super::super::sheet::after(text, blank_bare_urls).replace(['\u{AD}', '\u{200B}'], "")
    }

    #[test]
    fn keeps_query_strings_and_blanks_the_address() {
        assert_eq!(
            published("Zie https://example.invalid/fotoalbum?naam=Sem+de+Vries#top."),
            "Zie                                   naam=Sem de Vries    ."
        );
        assert_eq!(published("www.school.nl/nieuws?leerling=No%C3%ABl%20B").trim(), "leerling=Noël   B");
    }

    #[test]
    fn links_to_photos_are_media() {
        assert!(is_media("https://x.nl/fotos/Sem.JPG?w=200"));
        assert!(!is_media("https://x.nl/jpg"));
        assert!(published("Kijk: https://x.nl/fotos/sem.jpg").contains("<img"));
    }

    #[test]
    fn mail_addresses_stay() {
        let mut sheet = Sheet::new("mailto:ouder@gmail.com");
        blank_url(&mut sheet, 0, 22, Media::Mark);
        assert_eq!(sheet.text(), "       ouder@gmail.com");
    }
}
