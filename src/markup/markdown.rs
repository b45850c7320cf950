//! Markdown syntax that readers do not see: link and image addresses (`[tekst](adres)`,
//! `![alt](foto.jpg "titel")`), reference labels and definitions (`[tekst][1]`, `[1]: adres`) and
//! the lines that open and close a fenced code block.
//!
//! Link texts, image alt texts and titles, and query strings stay. An image keeps its `![`, `](`
//! and `)`, so the media-consent check sees it (a reference image `![alt][1]` is rewritten to that
//! form). What is inside a code block or code span is published as it stands, so it is checked
//! like the rest; only the fence lines (with their language name) are blanked.
//! Emphasis, headings, lists and tables need nothing: their marks are punctuation to the checks.

use std::sync::LazyLock;

use regex::Regex;

use super::sheet::Sheet;
use super::url::{self, Media};

/// An inline link: text (one level of nested brackets), destination and optional title. With a
/// `!` before it, an image.
const INLINE: &str = r#"\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([ \t]*\n?[ \t]*(?P<dest><[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)(?:[ \t]*\n?[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*\n?[ \t]*\)"#;

static IMAGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("!{INLINE}")).expect("valid regex"));
static LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(INLINE).expect("valid regex"));

/// A reference link or image: `[text][label]`, `![alt][]`.
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<bang>!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\](?P<label>\[[^\[\]\n]*\])").expect("valid regex")
});

/// A link reference definition (not a footnote, whose text is published).
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?m)^ {0,3}\[[^\[\]\n^][^\[\]\n]*\]:[ \t]*\n?[ \t]*(?P<dest><[^<>\n]*>|\S+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$"#,
    )
    .expect("valid regex")
});

static FENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^ {0,3}(?:`{3,}|~{3,})[^\n]*$").expect("valid regex"));

/// Blank the Markdown syntax in the sheet (see the module documentation).
pub(super) fn blank(sheet: &mut Sheet<'_>) {
    for (start, end) in FENCE.find_iter(sheet.text()).map(|m| (m.start(), m.end())).collect::<Vec<_>>() {
        sheet.blank(start, end);
    }
    let definitions: Vec<(usize, usize, usize)> = DEFINITION
        .captures_iter(sheet.text())
        .filter_map(|c| Some((c.get(0)?.start(), c.name("dest")?.start(), c.name("dest")?.end())))
        .collect();
    for (start, dest_start, dest_end) in definitions {
        sheet.blank(start, dest_start);
        destination(sheet, dest_start, dest_end, Media::Mark);
    }
    // Images first, then links: a linked image `[![alt](foto.jpg)](pagina)` is then a link whose
    // text is an image that is already done; an image is not a link a second time.
    for (pattern, media) in [(&*IMAGE, Media::Ignore), (&*LINK, Media::Mark)] {
        let text = sheet.text();
        let found: Vec<(usize, usize)> = pattern
            .captures_iter(text)
            .filter(|c| media == Media::Ignore || c.get(0).is_some_and(|m| !text[..m.start()].ends_with('!')))
            .filter_map(|c| c.name("dest").map(|d| (d.start(), d.end())))
            .collect();
        for (start, end) in found {
            destination(sheet, start, end, media);
        }
    }
    let references: Vec<(usize, usize, bool)> = REFERENCE
        .captures_iter(sheet.text())
        .filter_map(|c| Some((c.name("label")?.start(), c.name("label")?.end(), !c["bang"].is_empty())))
        .collect();
    for (start, end, image) in references {
        sheet.blank(start, end);
        if image {
            sheet.write(start, start + 1, "(");
            sheet.write(end - 1, end, ")");
        }
    }
}

/// Blank a link destination (with its angle brackets), keeping its query string.
fn destination(sheet: &mut Sheet<'_>, start: usize, end: usize, media: Media) {
    let (start, end) = if sheet.text()[start..end].starts_with('<') {
        sheet.blank(start, start + 1);
        sheet.blank(end - 1, end);
        (start + 1, end - 1)
    } else {
        (start, end)
    };
    url::blank_url(sheet, start, end, media);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(text: &str) -> String {
        super::super::sheet::after(text, blank)
    }

    #[test]
    fn links_keep_their_words_and_lose_their_address() {
        assert_eq!(
            published("Zie [het album van Sem](https://x.nl/album?naam=Sem \"Album\")."),
            "Zie [het album van Sem](                   naam=Sem \"Album\")."
        );
        assert_eq!(
            published("[Sem][1] en [Noa][]\n\n[1]: https://x.nl/sem"),
            "[Sem]    en [Noa]  \n\n                     "
        );
    }

    #[test]
    fn images_stay_images() {
        assert_eq!(published("![Sem op de boot](fotos/boot.jpg)"), "![Sem op de boot](              )");
        assert_eq!(published("[![Sem](a.jpg)](/album)"), "[![Sem](     )](      )");
        assert_eq!(published("![Sem][boot]"), "![Sem](    )");
    }

    #[test]
    fn links_to_photos_are_media() {
        assert_eq!(published("[foto](/fotos/sem.png)"), "[foto](<img         >)");
    }

    #[test]
    fn code_is_checked_but_fences_are_not() {
        assert_eq!(published("```text\nSem de Vries\n```\n"), "       \nSem de Vries\n   \n");
    }

    #[test]
    fn footnotes_are_text() {
        assert_eq!(published("[^1]: Sem deed mee"), "[^1]: Sem deed mee");
    }
}
