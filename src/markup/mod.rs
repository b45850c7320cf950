//! Markdown and HTML: check what gets published, report positions in the file.
//!
//! A newsletter post is Markdown with front matter, or HTML. What readers see is its text, not its
//! markup: the published fields of the front matter (title, description, summary, tags, …;
//! [`front_matter`]), headings and body, image alt texts and captions, link texts and the query
//! strings of URLs (`?naam=…`, [`url`]). Not published, and so not checked: the other front-matter
//! fields, the scheme, host, path and fragment of URLs, tags and their attributes other than `alt`
//! and `title` ([`html`]), link addresses and reference labels ([`markdown`]), comments, scripts and
//! template code. A comment can hold an inline exception for postwacht ([`crate::suppress`]).
//!
//! The scanner checks a copy of the file of the same byte length in which everything that is not
//! published is blanked to spaces (line breaks stay), and reports each passage by its place in
//! the file ([`Scanner::findings_published`]). So lines, columns, offsets and matched text are
//! those of the original file, with no offset map to keep.
//!
//! Code blocks and code spans are checked: a newsletter has no program code, and what is in a
//! code block is shown on the page as it stands (a name there is published as much as anywhere).
//!
//! Pictures and video feed the media-consent check (`detect::media`), which looks for `![…](…)` and
//! `<img …>` in the text it is given: Markdown images and `<img>`/`<video>` tags keep just enough of
//! their markup for that; other media (a cover image in the front matter, a `{{< figure >}}`
//! shortcode, an embedded player, a link to a photo) are marked by writing an `<img …>` marker of
//! the same length over their blanked markup ([`sheet::Sheet::mark_media`]).

mod front_matter;
pub(crate) mod html;
mod markdown;
mod sheet;
mod url;

use std::path::Path;

use crate::export::InputFormat;
use crate::finding::Finding;
use crate::scan::{Location, Scanner};
use crate::suppress::Directives;

/// How a file's text is read (`--input-format text|markdown|html`, else by extension).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Markup {
    /// Platte tekst: alles wordt gecontroleerd.
    Text,
    /// Markdown met front matter (.md, .markdown): alleen wat gepubliceerd wordt.
    Markdown,
    /// HTML (.html, .htm): de tekst, alt- en title-teksten en zoekparameters van links.
    Html,
}

impl Markup {
    /// The markup of a file: as `--input-format` forces it, else by extension.
    pub fn of(forced: Option<InputFormat>, path: &Path) -> Markup {
        match forced {
            Some(InputFormat::Markdown) => Markup::Markdown,
            Some(InputFormat::Html) => Markup::Html,
            Some(InputFormat::Text) => Markup::Text,
            _ => Markup::of_path(path),
        }
    }

    /// The markup a file's name says it has: Markdown or HTML by extension, else plain text.
    pub fn of_path(path: &Path) -> Markup {
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match extension.as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mkdn" => Markup::Markdown,
            "html" | "htm" | "xhtml" => Markup::Html,
            _ => Markup::Text,
        }
    }
}

/// The published copy of `text`: the same bytes, with what readers never see blanked.
pub fn published(text: &str, format: Markup) -> String {
    if format == Markup::Text {
        return text.to_string();
    }
    let mut sheet = sheet::Sheet::new(text);
    front_matter::blank(&mut sheet);
    html::blank(&mut sheet);
    if format == Markup::Markdown {
        markdown::blank(&mut sheet);
    }
    url::blank_bare_urls(&mut sheet);
    html::decode_entities(&mut sheet);
    sheet.into_text()
}

/// Check `text` read as `format`, honouring its inline exceptions ([`crate::suppress`]);
/// positions are those of `text`.
pub fn findings(scanner: &Scanner, text: &str, format: Markup, location: &Location, redact: bool) -> Vec<Finding> {
    let directives = Directives::find(text, format);
    let mut findings = match format {
        Markup::Text if directives.is_empty() => scanner.findings(text, location, redact),
        _ => {
            let mut published = published(text, format);
            directives.blank(&mut published);
            scanner.findings_published(text, &published, location, redact)
        }
    };
    directives.apply(scanner, text, location, redact, &mut findings);
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_extension() {
        assert_eq!(Markup::of_path(Path::new("post/2026-11.MD")), Markup::Markdown);
        assert_eq!(Markup::of_path(Path::new("index.htm")), Markup::Html);
        assert_eq!(Markup::of_path(Path::new("concept.txt")), Markup::Text);
        assert_eq!(Markup::of_path(Path::new("-")), Markup::Text);
    }

    #[test]
    fn published_copy_has_the_same_length_and_lines() {
        let text = "---\ntitle: \"Schoolreis\"\ndate: 2026-11-21\n---\n\n# Kop\n\nZie [album](https://x.nl/a?naam=Sem).\n<p>Zo&euml;</p>\n";
        let out = published(text, Markup::Markdown);
        assert_eq!(out.len(), text.len());
        assert_eq!(out.matches('\n').count(), text.matches('\n').count());
        assert!(!out.contains("date") && !out.contains("x.nl") && out.contains("naam=Sem") && out.contains("Zoë"));
    }
}
