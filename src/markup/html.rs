//! HTML, in `.html` files and inside Markdown: readers see the text between the tags, an image's
//! `alt` and an element's `title` (a tooltip), and a link's query string. Everything else of a
//! tag is blanked, and so are comments, `<script>` and `<style>`, and template code (`{{ … }}`,
//! `{% … %}`). Hugo shortcodes and Jekyll includes keep their `alt`, `title` and `caption`.
//!
//! `<img>` and `<video>` keep their `<img`/`<video` and `>` so that the media-consent check sees
//! them; an embedded player (`<iframe>`), a link to a photo and a picture shortcode (`{{< figure >}}`)
//! are marked as media. A block element (`<p>`, `<br>`, `<li>`, …) ends a sentence, so that words
//! of two paragraphs on one line are not read as one phrase. Character references (`&euml;`,
//! `&#235;`) are decoded in what is kept.

use std::sync::LazyLock;

use regex::{Captures, Regex};
use unicode_normalization::char::compose;

use super::sheet::Sheet;
use super::url::{self, Media};

static TEMPLATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{.*?\}\}").expect("valid regex"));

static COMMENT_OR_RAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<!--.*?-->|<script(?-u:\b)[^>]*>.*?</script\s*>|<style(?-u:\b)[^>]*>.*?</style\s*>|<!\[CDATA\[.*?\]\]>|<![A-Za-z][^>]*>|<\?[^>]*>")
        .expect("valid regex")
});

/// A Markdown autolink: `<https://…>` or `<naam@example.nl>`.
static AUTOLINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<(?P<url>[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+)>")
        .expect("valid regex")
});

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"</?(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?P<attributes>(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>"#)
        .expect("valid regex")
});

static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?P<name>[^\s"'>/=]+)(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'=<>`]+)))?"#)
        .expect("valid regex")
});

static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});").expect("valid regex")
});

/// Elements that start a new block: their tags end a sentence.
const BLOCKS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "hr",
    "dd",
    "dt",
    "main",
    "aside",
    "nav",
    "pre",
];

/// Shortcodes and includes that show a picture or video.
const MEDIA_SHORTCODES: &[&str] =
    &["figure", "img", "image", "picture", "video", "youtube", "vimeo", "instagram", "gallery"];

/// Blank the HTML and template code in the sheet (see the module documentation).
pub(super) fn blank(sheet: &mut Sheet<'_>) {
    // Template code and tags do not run across a blank line: a `{{` or `<a title="` that is never
    // closed is text, and must not hide the paragraphs after it.
    for (start, end) in spans(&TEMPLATE, sheet.text()) {
        if !crosses_paragraphs(&sheet.text()[start..end]) {
            template(sheet, start, end);
        }
    }
    for (start, end) in spans(&COMMENT_OR_RAW, sheet.text()) {
        sheet.blank(start, end);
    }
    // An unclosed comment hides nothing: only its opening is blanked, the rest is still checked.
    for start in sheet.text().match_indices("<!--").map(|(i, _)| i).collect::<Vec<_>>() {
        sheet.blank(start, start + 4);
    }
    let autolinks: Vec<(usize, usize, usize, usize)> = AUTOLINK
        .captures_iter(sheet.text())
        .filter_map(|c| Some((c.get(0)?.start(), c.get(0)?.end(), c.name("url")?.start(), c.name("url")?.end())))
        .collect();
    for (start, end, url_start, url_end) in autolinks {
        sheet.blank(start, url_start);
        sheet.blank(url_end, end);
        // An e-mail address is published as it is; a URL only partly.
        if sheet.text()[url_start..url_end].contains(':') {
            url::blank_url(sheet, url_start, url_end, Media::Mark);
        }
    }
    // A tag in the copy that is not in the file is a media marker written above: leave it.
    let original = sheet.original().as_bytes();
    // (Which tags count is seen from the whole match; only those are read.)
    let tags: Vec<Tag> = TAG
        .captures_iter(sheet.text())
        .filter(|c| c.get(0).is_some_and(|m| original.get(m.start()) == Some(&b'<') && !crosses_paragraphs(m.as_str())))
        .filter_map(|c| Tag::read(&c))
        .collect();
    for t in tags {
        tag(sheet, &t);
    }
}

/// Decode the character references that are left in the sheet.
pub(super) fn decode_entities(sheet: &mut Sheet<'_>) {
    if !sheet.text().contains('&') {
        return;
    }
    let found: Vec<(usize, usize, char)> = ENTITY
        .find_iter(sheet.text())
        .filter_map(|m| Some((m.start(), m.end(), entity(&m.as_str()[1..m.len() - 1])?)))
        .collect();
    for (start, end, c) in found {
        sheet.decode(start, end, c);
    }
}

/// Does the text hold a blank line (one between its first and last line)?
fn crosses_paragraphs(text: &str) -> bool {
    let (Some(first), Some(last)) = (text.find('\n'), text.rfind('\n')) else { return false };
    first < last && text[first + 1..last].split('\n').any(|line| line.trim().is_empty())
}

fn spans(pattern: &Regex, text: &str) -> Vec<(usize, usize)> {
    pattern.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

/// One tag as found: where it is, its lower-case name and its attributes' values.
struct Tag {
    start: usize,
    end: usize,
    name: String,
    closing: bool,
    /// Attribute name (lower case) and the byte range of its value.
    attributes: Vec<(String, usize, usize)>,
}

impl Tag {
    fn read(caps: &Captures<'_>) -> Option<Tag> {
        let whole = caps.get(0)?;
        let list = caps.name("attributes")?;
        let attributes = ATTRIBUTE
            .captures_iter(list.as_str())
            .filter_map(|a| {
                let value = a.name("double").or(a.name("single")).or(a.name("bare"))?;
                Some((a["name"].to_ascii_lowercase(), list.start() + value.start(), list.start() + value.end()))
            })
            .collect();
        Some(Tag {
            start: whole.start(),
            end: whole.end(),
            name: caps["name"].to_ascii_lowercase(),
            closing: whole.as_str().starts_with("</"),
            attributes,
        })
    }

    fn values<'t>(&'t self, names: &'t [&str]) -> impl Iterator<Item = (usize, usize)> + 't {
        self.attributes.iter().filter(|(n, _, _)| names.contains(&n.as_str())).map(|&(_, s, e)| (s, e))
    }
}

fn tag(sheet: &mut Sheet<'_>, t: &Tag) {
    sheet.blank(t.start, t.end);
    let name = t.name.as_str();
    if t.closing {
        if BLOCKS.contains(&name) {
            sheet.write(t.start, t.start + 1, ".");
        }
        return;
    }
    match name {
        "img" | "video" => {
            sheet.keep(t.start, t.start + 1 + name.len());
            sheet.keep(t.end - 1, t.end);
        }
        "iframe" | "embed" => {
            for (s, e) in t.values(&["src"]) {
                sheet.mark_media(s, e);
            }
        }
        _ if BLOCKS.contains(&name) => sheet.write(t.start, t.start + 1, "."),
        _ => {}
    }
    for (s, e) in t.values(&["alt", "title"]) {
        sheet.keep(s, e);
    }
    let links = if name == "a" || name == "area" { Media::Mark } else { Media::Ignore };
    if name != "iframe" && name != "embed" {
        for (s, e) in t.values(&["href", "src", "poster", "action", "cite"]) {
            sheet.keep(s, e);
            url::blank_url(sheet, s, e, links);
        }
    }
}

/// A shortcode (`{{< figure src="…" caption="…" >}}`), an include (`{% include foto.html %}`) or
/// other template code: blanked, except the `alt`, `title` and `caption` values; a picture
/// shortcode, or one that names a picture file, is media.
fn template(sheet: &mut Sheet<'_>, start: usize, end: usize) {
    static ARGUMENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?P<name>[A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'%}>]+))"#)
            .expect("valid regex")
    });
    let code = sheet.text()[start..end].to_string();
    let shortcode = code.starts_with("{{<") || code.starts_with("{{%") || code.starts_with("{%");
    let inner = code.trim_start_matches(['{', '<', '%', '-', ' ', '\t', '\n', '\r']);
    let name = inner.split(|c: char| c.is_whitespace() || c == '>' || c == '%').next().unwrap_or("");
    let mut kept = Vec::new();
    let mut media = shortcode && MEDIA_SHORTCODES.contains(&name.to_ascii_lowercase().as_str());
    if shortcode {
        for a in ARGUMENT.captures_iter(&code) {
            let Some(value) = a.name("double").or(a.name("single")).or(a.name("bare")) else { continue };
            if ["alt", "title", "caption"].contains(&a["name"].to_ascii_lowercase().as_str()) {
                kept.push((start + value.start(), start + value.end()));
            } else if url::is_media(value.as_str()) {
                media = true;
            }
        }
    }
    if media {
        sheet.mark_media(start, end);
    } else {
        sheet.blank(start, end);
    }
    for (s, e) in kept {
        sheet.keep(s, e);
    }
}

/// The character of a numeric reference, given what follows its `#`: decimal (`39`) or
/// hexadecimal (`x27`). Shared with the platform texts of exports ([`crate::export`]).
pub(crate) fn numeric_reference(number: &str) -> Option<char> {
    let code = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse().ok()?,
    };
    char::from_u32(code)
}

/// The character a reference stands for: numeric, or one of the named references that occur in
/// Dutch text (letters with accents, quotes, dashes).
fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        return numeric_reference(number).filter(|&c| c != '\0');
    }
    let named = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "shy" => '\u{AD}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "euro" => '€',
        "copy" => '©',
        "middot" => '·',
        "bull" => '•',
        "deg" => '°',
        "szlig" => 'ß',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "oelig" => 'œ',
        "OElig" => 'Œ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "ijlig" => 'ĳ',
        "IJlig" => 'Ĳ',
        _ => return accented(name),
    };
    Some(named)
}

/// `euml`, `Eacute`, `ccedil`: a letter and an accent, composed.
fn accented(name: &str) -> Option<char> {
    let mut chars = name.chars();
    let letter = chars.next().filter(char::is_ascii_alphabetic)?;
    let mark = match chars.as_str() {
        "grave" => '\u{300}',
        "acute" => '\u{301}',
        "circ" => '\u{302}',
        "tilde" => '\u{303}',
        "uml" => '\u{308}',
        "ring" => '\u{30A}',
        "caron" => '\u{30C}',
        "cedil" => '\u{327}',
        _ => return None,
    };
    compose(letter, mark)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(text: &str) -> String {
        let out = super::super::sheet::after(text, |sheet| {
            blank(sheet);
            decode_entities(sheet);
        });
        out.replace(['\u{AD}', '\u{200B}'], "")
    }

    fn words(text: &str) -> Vec<String> {
        published(text).split_whitespace().map(String::from).collect()
    }

    #[test]
    fn keeps_text_alt_title_and_query() {
        assert_eq!(
            words(r#"<div class="x"><a href="/fotos?naam=Sem" title="Foto's van Zo&euml;">Bekijk</a></div>"#),
            [".", "naam=Sem", "Foto's", "van", "Zoë", "Bekijk", "."]
        );
    }

    #[test]
    fn images_stay_visible_to_the_media_check() {
        let out = published(r#"<p><img src="boot.jpg?w=1" alt="Noa op de boot" /></p>"#);
        assert!(out.starts_with(".  <img "), "{out}");
        assert!(out.contains("w=1") && out.contains("Noa op de boot") && out.trim_end().ends_with(">."), "{out}");
        let out = published(r#"<iframe src="https://www.youtube.com/embed/abc123"></iframe>"#);
        assert!(out.starts_with("             <img"), "{out}");
    }

    #[test]
    fn comments_scripts_and_templates_are_not_published() {
        assert_eq!(
            words("<!-- Sem -->Hoi<script>let sem = 1;</script> {{ .Title }} {% if x %}<style>p{}</style>"),
            ["Hoi"]
        );
        assert_eq!(words("<!-- niet gesloten Sem"), ["niet", "gesloten", "Sem"]);
        assert_eq!(words("{{ open\n\nSem }}"), ["{{", "open", "Sem", "}}"]);
        assert_eq!(words("<p title=\"open>\n\nSem\">"), ["<p", "title=\"open>", "Sem\">"]);
    }

    #[test]
    fn shortcodes_keep_captions_and_are_media() {
        let out = published(r#"{{< figure src="/img/sem.jpg" caption="Sem op de boot" >}}"#);
        assert!(out.starts_with("<img") && out.ends_with('>') && out.contains("Sem op de boot"), "{out}");
        assert!(!out.contains("sem.jpg"));
    }

    #[test]
    fn autolinks_and_entities() {
        assert_eq!(words("<https://x.nl/a?naam=No%C3%ABl> <ouder@gmail.com>"), ["naam=Noël", "ouder@gmail.com"]);
        assert_eq!(entity("euml"), Some('ë'));
        assert_eq!(entity("Iuml"), Some('Ï'));
        assert_eq!(entity("#x1F600"), Some('😀'));
        assert_eq!(entity("bogus"), None);
    }
}
